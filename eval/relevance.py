#!/usr/bin/env python3
"""Relevance of `stance ACTOR --about TEXT`, measured apart from attribution and position.

For every `about` case of the dev set and the stories (eval/dev/about, eval/stories/*/stance.jsonl):
  attributed  the statement holding the case's evidence comes back for the actor at all: for
              `stance ACTOR --about EVIDENCE` (the statement's own words) or for `stance ACTOR`
  found       it comes back for the user's `about` (position not checked: that is the stance score's part)
  rank        its place in that answer (1 = first)
and per question the statements returned, and how many of them hold no case's evidence for that question
("others": not all irrelevant — a gold set names one or two statements of several — but the figure a
change that returns everything the actor said would inflate).

Relevance recall = found / attributed. Usage (from the project root; stores kept in --dir between runs):
    python eval/relevance.py                       # every corpus
    python eval/relevance.py --only ldp2024,rice2025 -v   # per-case lines (never for the check set)
    python eval/relevance.py --fresh               # ingest again (after an extraction change)

The check set (CHECK_SET) is measured, never listed case by case: it judges whether a mechanism carries to
text nobody tuned on.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHECK_SET = ("benikoji2024", "bojaug2024", "sevenandi2025", "hyogo2024")


def norm(s: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", s or "").split()).lower()


def _holds(statement: dict, case: dict) -> bool:
    from tests.test_quality_floor import eval_scorer

    return norm(case["evidence"]) in norm(statement.get("text")) and eval_scorer().doc_matches(
        statement.get("sources"), case["doc"]
    )


def _store(name: str, articles: list[Path], folder: Path, fresh: bool) -> Path:
    from tests.test_quality_floor import InProcessCLI

    db = folder / f"{name}.db"
    if db.exists() and not fresh:
        return db
    template = folder / "template.db"
    if not template.exists():
        _build_template(template)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy(template, db)
    if articles:
        InProcessCLI(db)("ingest", *map(str, articles), parse=False)
    return db


def _build_template(path: Path) -> None:
    import asyncio

    from bot.ingest.pipeline import open_store

    async def build() -> None:
        store = await open_store(str(path), ROOT / "seeds")
        await store.close()

    asyncio.run(build())


def measure(
    name: str, cases_dir: Path, articles: list[Path], folder: Path, fresh: bool, verbose: bool, lang: str = ""
) -> dict:
    from tests.test_quality_floor import InProcessCLI
    from tools.stance_diagnosis import about_language

    cases = [c for c in _load(cases_dir / "stance.jsonl") if c.get("about")]
    if lang:  # only the questions asked in that language (en: no Japanese letter in the about)
        cases = [c for c in cases if about_language(c["about"]) == lang]
    if not cases:
        return {}
    cli = InProcessCLI(_store(name, articles, folder, fresh))
    answers: dict[tuple[str, ...], list[dict]] = {}

    def ask(*args: str) -> list[dict]:
        if args not in answers:
            try:
                answers[args] = cli("stance", *args, "--json").get("statements") or []
            except Exception:  # an actor unknown to the store: nothing attributed
                answers[args] = []
        return answers[args]

    out = dict(cases=len(cases), attributed=0, found=0, ranks=[])
    for c in cases:
        own = ask(c["actor"], "--about", c["evidence"])
        attributed = any(_holds(s, c) for s in own) or any(_holds(s, c) for s in ask(c["actor"]))
        got = ask(c["actor"], "--about", c["about"])
        rank = next((k + 1 for k, s in enumerate(got) if _holds(s, c)), None)
        out["attributed"] += attributed
        if attributed and rank is not None:
            out["found"] += 1
            out["ranks"].append(rank)
        if verbose and name not in CHECK_SET and attributed and rank is None:
            print(f"  {name} {c['id']} {c['actor']} about {c['about']!r}: not found ({len(got)} returned)")
    questions = {(c["actor"], c["about"]) for c in cases}
    returned = others = 0
    for actor, about in questions:
        got = answers[(actor, "--about", about)]
        mine = [c for c in cases if (c["actor"], c["about"]) == (actor, about)]
        returned += len(got)
        others += sum(1 for s in got if not any(_holds(s, c) for c in mine))
    out.update(questions=len(questions), returned=returned, others=others)
    return out


def _load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    from tests.test_quality_floor import corpora

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="/tmp/newsdesk-relevance", help="where the stores are kept")
    parser.add_argument("--only", default="", help="corpora, comma-separated")
    parser.add_argument("--fresh", action="store_true", help="ingest the articles again")
    parser.add_argument("--json", default="", help="write the figures to this file")
    parser.add_argument("--lang", choices=("en", "ja"), default="", help="only the abouts in this language")
    parser.add_argument("-v", "--verbose", action="store_true", help="the cases not found (not for the check set)")
    args = parser.parse_args(argv)
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    only = {n for n in args.only.split(",") if n}
    figures: dict[str, dict] = {}
    for name, (cases_dir, articles) in corpora().items():
        if only and name not in only:
            continue
        got = measure(name, cases_dir, articles, folder, args.fresh, args.verbose, args.lang)
        if not got:
            continue
        figures[name] = got
        print(_line(name, got), flush=True)
    for label, names in (("tuned", [n for n in figures if n not in CHECK_SET]), ("check set", list(CHECK_SET))):
        total = _sum([figures[n] for n in names if n in figures])
        if total:
            print(_line(label, total))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


def _sum(rows: list[dict]) -> dict:
    if not rows:
        return {}
    out: dict = {
        k: sum(r[k] for r in rows) for k in ("cases", "attributed", "found", "questions", "returned", "others")
    }
    out["ranks"] = [x for r in rows for x in r["ranks"]]
    return out


def _line(name: str, r: dict) -> str:
    recall = r["found"] / r["attributed"] if r["attributed"] else 0.0
    first = sum(1 for x in r["ranks"] if x == 1)
    return (
        f"{name:16} attributed {r['attributed']:3}/{r['cases']:3}  found {r['found']:3}  recall {recall:.2f}"
        f"  first {first:3}  returned/question {r['returned'] / r['questions']:.1f}"
        f"  others/question {r['others'] / r['questions']:.1f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
