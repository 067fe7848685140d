"""The learned position model's examples: every `--about` stance case's statements as the bot shows them.

Each corpus named is measured with the quality floors' own code (`tests.test_quality_floor.measure`, the same
figures `python -m tests.test_quality_floor` prints), and every `stance ACTOR --about TEXT` answer the scorer was
given is read again: for each gold case (`stance.jsonl`: actor, about, position, evidence, doc), each statement of
its answer whose text holds the evidence and whose source is the case's document is one example — the statement's
text as shown, the user's words, the position the rules gave and which rule gave it (`why`, as the answer path
passes it to the model: recorded where `stance_about._read` calls `revise`), the gold positions, the story and the
statement's language. The learned model is off while it runs (`rules_only`): the figures written are the rules' alone. Cases
whose statement is not shown (relevance, attribution) give no example: no position model can mend
them.

A second kind of example: **statements labelled by reading** (`eval/position_labels.jsonl`, `LABELS`): a statement
the bot shows for a case's question that is not the case's evidence, read by a person (or a reader who labels as one)
and given its position toward the asked target (support / oppose / conditional / neutral; `drop` when it is not
about the target at all: no example). Gold cases seldom say neutral, so without them the model never learns that a
statement shown may say nothing of the target. Each label is matched to the statement shown now (story, the user's
words, the text: the rules' position and reason are today's, not the labeller's), written with `"kind": "label"`
and an id `label:N` (N its line in the labels file); a label whose statement is no longer shown gives none
(counted on stderr). `--shown FILE` writes every statement shown for a case's question with the rules' position
and reason and whether it is a case's evidence: the file labels are read from.

    python -m tools.position_data OUT.jsonl NAME... [--figures FIG.json] [--shown SHOWN.jsonl] [-j 2]

NAME is a corpus of `tests.test_quality_floor.corpora()` (a story, dev_about, seeds_about). Never run it on the
check stories: their statements are not to be read (`tools/train_position.py` reads the examples file whole).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from multiprocessing import Pool
from pathlib import Path
from typing import Any

_JAPANESE_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")
ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "eval" / "position_labels.jsonl"
LABEL_POSITIONS = ("support", "oppose", "conditional", "neutral")


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    """The labelled statements, one JSON object a line (story, about, text, label, by), each with its line number."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [{**json.loads(line), "line": i} for i, line in enumerate(lines, 1) if line.strip()]


# (the user's words, a statement's text) → which rule gave its position, as `stance_about._read` passed it
_WHY: dict[tuple[str, str], str] = {}


def examples(name: str, answers: dict[tuple[str, ...], Any]) -> list[dict[str, Any]]:
    """The examples of corpus `name` from the scorer's `--about` answers (keyed by the CLI arguments)."""
    from tests.test_quality_floor import corpora, eval_scorer

    score = eval_scorer()
    cases_dir, _ = corpora()[name]
    by_query: dict[tuple[str, str], Any] = {}
    for args, answer in answers.items():
        if isinstance(answer, dict):
            by_query[(args[1], args[args.index("--about") + 1])] = answer
    rows = []
    seen: set[tuple[str, str]] = set()
    for case in score.load(cases_dir / "stance.jsonl"):
        if not case.get("about"):
            continue
        answer = by_query.get((case["actor"], case["about"])) or {}
        for s in answer.get("statements") or []:
            if (case["about"], s.get("text") or "") not in seen:
                seen.add((case["about"], s.get("text") or ""))
                _SHOWN.append(_shown(name, case, s))
            if score.norm(case["evidence"]) in score.norm(s.get("text")) and score.doc_matches(
                s.get("sources"), case["doc"]
            ):
                rows.append(
                    {
                        "story": name,
                        "id": case["id"],
                        "about": case["about"],
                        "text": s.get("text") or "",
                        "rule": s.get("position"),
                        "why": _why(case["about"], s.get("text") or ""),
                        "gold": case["position"],
                        "lang": "ja" if _JAPANESE_RX.search(s.get("text") or "") else "en",
                    }
                )
    return rows + labelled(name, _SHOWN)


def _why(about: str, text: str) -> str:
    return _WHY.get((about, text)) or _WHY.get(("", text), "none")


def _shown(name: str, case: dict[str, Any], s: dict[str, Any]) -> dict[str, Any]:
    """A statement shown for a case's question: its text, the rules' position and reason, the case it was asked for."""
    from tests.test_quality_floor import eval_scorer

    score = eval_scorer()
    text = s.get("text") or ""
    return {
        "story": name,
        "case": case["id"],
        "actor": case["actor"],
        "about": case["about"],
        "text": text,
        "rule": s.get("position"),
        "why": _why(case["about"], text),
        "evidence": score.norm(case["evidence"]) in score.norm(text),
        "lang": "ja" if _JAPANESE_RX.search(text) else "en",
    }


# every statement shown for a case's question in this process (`--shown`, and what the labels are matched to)
_SHOWN: list[dict[str, Any]] = []


def labelled(
    name: str, shown: list[dict[str, Any]], labels: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The labelled statements of corpus `name` that are shown now, as examples: the rules' position and reason
    today's, the gold the label (`drop`: not about the target, no example)."""
    now = {(s["about"], s["text"]): s for s in shown if s["story"] == name}
    rows = []
    for lab in load_labels() if labels is None else labels:
        s = now.get((lab["about"], lab["text"]))
        if lab["story"] != name or lab["label"] not in LABEL_POSITIONS or s is None:
            continue
        rows.append(
            {
                "story": name,
                "id": f"label:{lab['line']}",
                "kind": "label",
                "about": lab["about"],
                "text": lab["text"],
                "rule": s["rule"],
                "why": s["why"],
                "gold": [lab["label"]],
                "lang": s["lang"],
            }
        )
    return rows


def rules_only() -> None:
    """The learned model off in this process: the examples hold the rules' own positions, as the model is trained
    on (with it on, an example would hold the model's reading of itself), and the figures are the rules'."""
    from bot.extract import position_model
    from bot.services import stance_about

    position_model.load_model = lambda: {"classes": [], "bias": [], "weights": {}, "threshold": 1.0}

    def recorded(text: str, about: str, rule: str, model: dict | None = None, *, why: str = "none") -> str:
        _WHY[(about, text)] = _WHY[("", text)] = why
        return rule

    stance_about.revise = recorded


def _one(job: tuple[str, str]) -> tuple[str, dict[str, float], list[dict[str, Any]], list[dict[str, Any]]]:
    folder, name = job
    from tests.test_quality_floor import measure

    rules_only()

    db = Path(folder) / f"{name}.db"
    shutil.copy(Path(folder) / "template.db", db)
    kept: list[dict[str, Any]] = []
    figures = measure(name, db, then=lambda _session, answers: kept.extend(examples(name, answers)))
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shown = [r for r in _SHOWN if r["story"] == name]
    return name, figures, kept, shown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="the examples, one JSON object a line")
    ap.add_argument("names", nargs="+")
    ap.add_argument("--figures", help="write each corpus's figures here (measure_some's shape)")
    ap.add_argument(
        "--shown", help="write every statement shown for a case's question here (what labels are read from)"
    )
    ap.add_argument("-j", type=int, default=2, help="processes (default 2)")
    a = ap.parse_args()
    from tests.test_quality_floor import corpora, seeded_template

    names = [n for n in a.names if n in corpora()]
    with tempfile.TemporaryDirectory() as tmp:
        seeded_template(Path(tmp))
        with Pool(a.j) as pool:
            done = sorted(pool.imap_unordered(_one, [(tmp, n) for n in names]))
    rows = [r for _, _, kept, _ in done for r in kept]
    Path(a.out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    if a.figures:
        Path(a.figures).write_text(json.dumps({n: f for n, f, _, _ in done}, indent=1), encoding="utf-8")
    if a.shown:
        shown = [r for _, _, _, s in done for r in s]
        Path(a.shown).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in shown), encoding="utf-8")
    matched = sum(r.get("kind") == "label" for r in rows)
    asked = sum(lab["story"] in names and lab["label"] in LABEL_POSITIONS for lab in load_labels())
    print(
        f"{len(rows)} examples from {len(done)} corpora ({matched} of {asked} labels matched to a statement shown)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
