"""``python -m tools.answers_dump DIR OUT.jsonl``: every story's `stance --about` and quote answers, for comparing trees.

The quality floors (``python -m tests.test_quality_floor DIR``) leave one database per corpus in DIR. This asks each
of them, on a copy (a newer tree may migrate what it opens), every quote case and every stance case of that corpus
exactly as the scorer asks them (`eval/score.py`: ``quote TEXT --json``, ``stance ACTOR --json [--about TEXT]``), on
one open store per corpus (`tests/cli_session.StoreSession`), and writes one JSON line per question: the corpus, the
arguments and the answer (its JSON, or the refusal's text). Two trees' files compared with ``--compare A B`` must be
equal line for line; the comparison prints only how many answers differ per corpus (the check stories stay blind).
``--times`` adds each question's CPU milliseconds on stderr, per corpus and kind; ``--profile FILE`` writes a
cProfile of the questions (not of the copying).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tests.cli_session import StoreSession
from tests.test_quality_floor import corpora, eval_scorer


def _questions(name: str) -> list[tuple[str, ...]]:
    """The corpus's questions as the scorer asks them, each once, in its order."""
    score = eval_scorer()
    cases, _articles = corpora()[name]
    asked: list[tuple[str, ...]] = []
    for c in score.load(cases / "quotes.jsonl"):
        asked.append(("quote", c["query"], "--json"))
    for c in score.load(cases / "stance.jsonl"):
        asked.append(("stance", c["actor"], "--json", *(["--about", c["about"]] if c.get("about") else [])))
    return list(dict.fromkeys(asked))


async def _inline(func: Any, /, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


def dump(
    folder: Path, out: Path, profile: Path | None = None, only: list[str] | None = None, warm: bool = False
) -> dict[str, list]:
    times: dict[str, list[tuple[str, float]]] = {}
    prof = cProfile.Profile(time.thread_time) if profile else None  # CPU, not the load's wait
    if prof:  # the worker threads' calls run inline, so the profile sees them
        asyncio.to_thread = _inline  # type: ignore[assignment]
    if warm:  # the word lists built first, as the bot does when it starts (`warm_vocabularies`)
        from bot.actors import ActorIndex
        from bot.services.warm import warm_vocabularies

        warm_vocabularies(ActorIndex([]))
    with out.open("w", encoding="utf-8") as f, tempfile.TemporaryDirectory() as tmp:
        for name in sorted(corpora()):
            if only and name not in only:
                continue
            db = folder / f"{name}.db"
            if not db.exists():
                continue
            copy = Path(tmp) / db.name
            for suffix in ("", "-wal"):  # what a writer left in its log is the database's too
                if Path(str(db) + suffix).exists():
                    shutil.copy(str(db) + suffix, str(copy) + suffix)
            with StoreSession(copy) as cli:
                for args in _questions(name):
                    cpu = time.process_time()
                    if prof:
                        prof.enable()
                    try:
                        answer: Any = cli(*args)
                    except RuntimeError as e:
                        answer = {"refused": str(e)}
                    if prof:
                        prof.disable()
                    kind = "about" if "--about" in args else args[0]
                    times.setdefault(kind, []).append((name, (time.process_time() - cpu) * 1000))
                    f.write(json.dumps({"corpus": name, "args": args, "answer": answer}, ensure_ascii=False) + "\n")
            for suffix in ("", "-wal", "-shm"):
                Path(str(copy) + suffix).unlink(missing_ok=True)
    if prof and profile:
        prof.dump_stats(str(profile))
    return times


def compare(a: Path, b: Path) -> int:
    """How many answers differ, printed per corpus (never which: the check stories stay blind)."""
    left = [json.loads(line) for line in a.read_text(encoding="utf-8").splitlines()]
    right = [json.loads(line) for line in b.read_text(encoding="utf-8").splitlines()]
    if [(x["corpus"], x["args"]) for x in left] != [(x["corpus"], x["args"]) for x in right]:
        print("the two files ask different questions")
        return 1
    differ = Counter(x["corpus"] for x, y in zip(left, right, strict=True) if x["answer"] != y["answer"])
    for name, n in sorted(differ.items()):
        print(f"{name}: {n} answers differ")
    print(f"{len(left)} answers, {sum(differ.values())} differ")
    return 1 if differ else 0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.answers_dump", description=__doc__.split("\n\n")[0])
    p.add_argument("paths", nargs=2, type=Path, help="DIR OUT.jsonl (or, with --compare, two dumps)")
    p.add_argument("--compare", action="store_true", help="compare two dumps")
    p.add_argument("--times", action="store_true", help="print CPU ms per question kind")
    p.add_argument("--profile", type=Path, help="cProfile of the questions to this file")
    p.add_argument("--only", nargs="*", help="these corpora only")
    p.add_argument("--warm", action="store_true", help="build the word lists before the first question")
    args = p.parse_args(argv)
    if args.compare:
        return compare(*args.paths)
    times = dump(args.paths[0], args.paths[1], args.profile, args.only, args.warm)
    if args.times:
        for kind, rows in sorted(times.items()):
            ms = [t for _, t in rows]
            print(
                f"{kind}: {len(ms)} questions, CPU {sum(ms) / 1000:.1f} s, p50 {_percentile(ms, 0.5):.1f} ms,"
                f" p95 {_percentile(ms, 0.95):.1f} ms",
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
