"""The quote figures as counts, the cross-language cases and the near-miss set, on the story databases
`python -m tests.test_quality_floor DIR` leaves in DIR (quotes are answered at query time: no ingest here).

- per story: quote doc / speaker / absent as counts (the shared scorer's `score_quotes`), summed over the stories;
- the cross-language cases (a query in one language, its gold document in the other): found or not;
- the near-miss set (`eval/nearmiss/cross.jsonl`: a real quote rendered in the other language with its claim
  changed, negated / another actor / another number / another object): refused or taken, by kind of change.

`--cases` prints each cross-language miss and each near-miss taken (tuned stories only).

    python -m tools.cross_diagnosis DIR [STORY...] [--cases] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from bot.services.quote_lang import is_japanese
from tests.test_quality_floor import EVAL, InProcessCLI, corpora, eval_scorer

NEARMISS = EVAL / "nearmiss" / "cross.jsonl"


def japanese_article(path: Path) -> bool:
    """Whether an article is written in Japanese (most of its first lines are)."""
    head = path.read_text(encoding="utf-8")[:600]
    return sum(map(is_japanese, head)) > len(head) / 4


def cross_cases(name: str) -> list[dict[str, Any]]:
    """The story's quote cases whose query is in the other language than their gold document."""
    cases_dir, articles = corpora()[name]
    lang = {p.name: japanese_article(p) for p in articles}
    out = []
    for case in eval_scorer().load(cases_dir / "quotes.jsonl"):
        doc = case.get("doc")
        gold = [j for n, j in lang.items() if doc and eval_scorer().doc_matches([{"document": n}], doc)]
        if gold and gold[0] != is_japanese(case["query"]):
            out.append(case)
    return out


def nearmiss(name: str) -> list[dict[str, Any]]:
    return [c for c in eval_scorer().load(NEARMISS) if c["story"] == name]


def story(name: str, db: Path) -> dict[str, Any]:
    cli = InProcessCLI(db)
    score = eval_scorer()
    cases_dir, _ = corpora()[name]
    with redirect_stdout(sys.stderr):
        counts = score.score_quotes(cli, score.load(cases_dir / "quotes.jsonl"), False)
    cross = []
    for case in cross_cases(name):
        matches = cli("quote", case["query"], "--json").get("matches") or []
        top = matches[0] if matches else {}
        found = score.doc_matches(top.get("sources"), case["doc"])
        cross.append({"id": case["id"], "found": found, "query": case["query"], "text": top.get("text", "")})
    near = []
    for case in nearmiss(name):
        matches = cli("quote", case["query"], "--json").get("matches") or []
        text = matches[0].get("text", "") if matches else ""
        near.append(
            {"id": case["id"], "change": case["change"], "taken": bool(matches), "query": case["query"], "text": text}
        )
    return {"quotes": counts, "cross": cross, "nearmiss": near}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db_dir", help="the story databases (python -m tests.test_quality_floor DIR)")
    ap.add_argument("stories", nargs="*", help="story names (default: every story with a database)")
    ap.add_argument("--cases", action="store_true", help="print each cross-language miss and near-miss taken")
    ap.add_argument("--json", help="write every story's figures here")
    a = ap.parse_args()
    folder = Path(a.db_dir)
    names = a.stories or [n for n in corpora() if (folder / f"{n}.db").exists() and corpora()[n][1]]
    out: dict[str, Any] = {}
    total: Counter[str] = Counter()
    changes: Counter[str] = Counter()
    for name in names:
        r = out[name] = story(name, folder / f"{name}.db")
        q = r["quotes"]
        total.update(q)
        cross_ok = sum(c["found"] for c in r["cross"])
        refused = sum(not c["taken"] for c in r["nearmiss"])
        total.update(cross=len(r["cross"]), cross_ok=cross_ok, near=len(r["nearmiss"]), near_ok=refused)
        for c in r["nearmiss"]:
            changes[c["change"]] += 1
            changes[c["change"] + "_ok"] += not c["taken"]
        print(
            f"{name:18} doc {q['doc_ok']}/{q['doc']} spk {q['spk_ok']}/{q['spk']} absent {q['absent_ok']}/{q['absent']}"
            f" cross {cross_ok}/{len(r['cross'])} nearmiss refused {refused}/{len(r['nearmiss'])}",
            flush=True,
        )
        if a.cases:
            for c in r["cross"]:
                if not c["found"]:
                    print(f"    miss  {c['id']:10} {c['query'][:70]!r} → {c['text'][:50]!r}")
            for c in r["nearmiss"]:
                if c["taken"]:
                    print(f"    taken {c['id']:10} [{c['change']}] {c['query'][:70]!r} → {c['text'][:50]!r}")
    t = total
    print(
        f"{'all':18} doc {t['doc_ok']}/{t['doc']} spk {t['spk_ok']}/{t['spk']} absent {t['absent_ok']}/{t['absent']}"
        f" cross {t['cross_ok']}/{t['cross']} nearmiss refused {t['near_ok']}/{t['near']} ("
        + ", ".join(f"{k} {changes[k + '_ok']}/{changes[k]}" for k in ("negated", "actor", "number", "object"))
        + ")"
    )
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
