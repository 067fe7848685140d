"""Where the target's words are when a statement's clause does not name them: its context, by zone.

For every relevance miss of the tuned stories (`tools.stance_diagnosis --json` rows of class `relevance`), the
query is run again with the service traced, and for the clause holding the evidence it counts which of the
user's own target words (head words apart) the clause names and which of the rest each zone of its context
names: the one or two sentences before it in its paragraph, the paragraph before, any earlier paragraph, the
headline, the lead (the first paragraph), the question put to the speaker (「…について問われ」, "asked about …",
in the clause's sentence or the one before), and whether the clause points back by a demonstrative or a
definite determiner (この法案, 同案, "the measure", "it": a count, broad for English, where every "the" counts). A diagnosis over the tuned stories only (never the check set):

    python -m tools.context_zones DIAG.json [DIAG2.json ...] [--cases]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from contextlib import redirect_stdout, suppress
from pathlib import Path
from typing import Any

from tests.test_quality_floor import InProcessCLI, corpora, eval_scorer, seeded_template
from tools.stance_diagnosis import EvidenceTrace

ZONES = ("prev1", "prev2", "para_before", "earlier", "headline", "lead", "question")
_SENT_RX = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[」』”\"]?|\n|$)|[^.]*\.\s")
_QUESTION_RX = re.compile(
    r"(?:について|に関して|を巡り|をめぐり|への対応を)[^。]{0,12}?(?:問われ|聞かれ|質問され|尋ねられ|質され|ただされ)"
    r"|(?:[Aa]sked|[Qq]uestioned|[Pp]ressed)\s+(?:about|on|over|whether|if|why|how|what)\b"
    r"|in response to (?:a )?questions?\b|when asked\b",
)
_POINTER_RX = re.compile(
    r"(?:同|この|その|今回の|こうした|これ|それ)[一-龥々ァ-ヺー]{0,6}"
    r"|(?<![A-Za-z])(?:the|this|these|those|such|it|its)\s?(?:[a-z]+)?",
)


def _sentences(text: str) -> list[str]:
    out = []
    for piece in re.split(r"(?<=[。！？!?])|(?<=\.)\s+(?=[A-Z\"“])|\n", text):
        if piece.strip():
            out.append(piece)
    return out


def zones(target: Any, claim: Any, text: str, head: Any, rows: list[Any]) -> dict[str, Any]:
    from bot.extract.about import named_words

    def named(z: str) -> set[int]:
        got = set(named_words(target, z))
        for view in (target.near, target.english):
            if view is not None:
                got |= set(named_words(view, z))
        return got

    own = {k for k, w in enumerate(target.words) if w.variant_of is None and w.weight > 0}
    heads = {k for k in own if target.words[k].head}
    clause = named(text[claim.lo : claim.hi]) & own
    before = _sentences(text[: claim.lo])
    sentence_start = max(text.rfind(c, 0, claim.lo) for c in "。\n!?！？") + 1
    own_sentence = text[sentence_start : claim.hi]
    prev_sentence = before[-1] if before and sentence_start > 0 else ""
    if before and text[: claim.lo].rstrip().endswith(("。", ".", "!", "?", "！", "？")):
        prev_sentence = before[-1]
    para_before = rows[claim.passage - 1].text if claim.passage > 0 else ""
    z: dict[str, set[int]] = {
        "prev1": named(before[-1]) if before else set(),
        "prev2": named("".join(before[-2:])) if before else set(),
        "para_before": named(para_before),
        "earlier": named("\n".join(r.text for r in rows[: claim.passage]) + text[: claim.lo]),
        "headline": named(head.title or ""),
        "lead": named(rows[0].text) if rows and claim.passage > 0 else set(),
        "question": set(),
    }
    for s in (own_sentence, prev_sentence):
        m = _QUESTION_RX.search(s)
        if m:
            z["question"] |= named(s[: m.end()] if "問われ" in m.group(0) or "聞かれ" in m.group(0) else s)
    pointer = bool(_POINTER_RX.search(text[claim.lo : claim.hi]))
    missing = own - clause
    return {
        "clause": sorted(clause),
        "own": sorted(own),
        "heads": sorted(heads),
        "missing": sorted(missing),
        "zones": {k: sorted(v & missing) for k, v in z.items()},
        "pointer": pointer,
        "question_form": any(_QUESTION_RX.search(s) for s in (own_sentence, prev_sentence)),
        "words": [target.words[k].form for k in sorted(own)],
    }


class ZoneTrace(EvidenceTrace):
    """`tools.stance_diagnosis`'s trace of one query, keeping the passages of the documents it read (the context
    zones are read in them) and each judged clause's own arguments."""

    def __init__(self, evidence: str) -> None:
        super().__init__(evidence)
        self.rows: dict[str, list[Any]] = {}

    def read_documents(self, heads: dict[int, Any], rows: dict[int, list[Any]]) -> None:
        super().read_documents(heads, rows)
        for d, h in heads.items():
            self.rows[h.name] = rows.get(d, [])

    def record(self, target: Any, claim: Any, text: str, head: Any) -> dict[str, Any]:
        return {"args": (target, claim, text, head)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("diag", nargs="+")
    ap.add_argument("--cases", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    rows_by_story: dict[str, list[dict[str, Any]]] = {}
    for p in a.diag:
        for name, rows in json.loads(Path(p).read_text()).items():
            rows_by_story[name] = [
                r for r in rows if r["class"] == "relevance" and r["why"] in ("no_word", "threshold")
            ]
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, misses in rows_by_story.items():
            if not misses:
                continue
            cases_dir, articles = corpora()[name]
            db = folder / f"{name}.db"
            shutil.copy(seeded_template(folder), db)
            cli = InProcessCLI(db)
            with redirect_stdout(sys.stderr):
                cli("ingest", *map(str, articles), parse=False)
            gold = {c["id"]: c for c in eval_scorer().load(cases_dir / "stance.jsonl")}
            for r in misses:
                case = gold[r["id"]]
                with ZoneTrace(case["evidence"]) as trace, suppress(RuntimeError):
                    cli("stance", case["actor"], "--about", case["about"], "--json")
                reads = [x for x in trace.reads if eval_scorer().doc_matches([{"document": x["doc"]}], case["doc"])]
                if not reads:
                    continue
                target, claim, text, head = reads[0]["args"]
                got = zones(target, claim, text, head, trace.rows.get(head.name, []))
                got.update(id=r["id"], story=name, pair=r["pair"], why=r["why"], about=case["about"])
                out.append(got)
                if a.cases:
                    print(
                        f"{name} {r['id']} {r['pair']} {r['why']} words {got['words']} clause {got['clause']} "
                        f"missing {got['missing']} zones "
                        + " ".join(f"{k}:{v}" for k, v in got["zones"].items() if v)
                        + (" Q" if got["question_form"] else ""),
                        flush=True,
                    )
    total = len(out)
    print(f"relevance misses traced (no_word/threshold): {total}")
    anyz = Counter()
    full = Counter()
    head_in = Counter()
    for g in out:
        miss = set(g["missing"])
        heads = set(g["heads"])
        for k, v in g["zones"].items():
            if v:
                anyz[k] += 1
            if miss and set(v) >= miss:
                full[k] += 1
            if heads - set(g["clause"]) and set(v) >= heads - set(g["clause"]):
                head_in[k] += 1
    ctx_all = sum(1 for g in out if g["missing"] and set().union(*map(set, g["zones"].values())) >= set(g["missing"]))
    print("zone: names some missing word / all missing words / the missing head(s)")
    for k in ZONES:
        print(f"  {k:12} {anyz[k]:4} {full[k]:4} {head_in[k]:4}")
    print(f"  any zone names all missing words: {ctx_all}")
    print(f"  clause names nothing of the target: {sum(1 for g in out if not g['clause'])}")
    print(f"  question form in the sentence or the one before: {sum(1 for g in out if g['question_form'])}")
    print(f"  a pointer (demonstrative/definite) in the clause: {sum(1 for g in out if g['pointer'])}")
    if a.json:
        Path(a.json).write_text(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
