"""``python -m bench.extraction``: what extraction costs per article on real-style news text.

Parses and extracts (dates → events, attribution, statements, claims, actor discovery) every article of the
evaluation stories and the seeds, and with `--bench N` the first N articles of the bench corpus, three rounds,
and prints the CPU milliseconds per article (`time.process_time`: the figure holds on a loaded machine) of each
round, their median, and the median round's split by stage (each step `extract_document` calls, timed where it
calls it). One process, no database writes: the cost the ingest path pays before its write.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bot.extract.document as document
from bench import corpus
from bot.extract.document import content_hash, extract_document
from bot.ingest.parse import parse_document
from bot.ingest.pipeline import open_store
from bot.store.store import term_counts

ROOT = Path(__file__).resolve().parents[1]

# The steps of extract_document, by the names it calls them under (bot/extract/document.py).
STAGES = (
    "analyze_remembered",
    "discovered",
    "speaker_actors",
    "extract_events",
    "extract_statements",
    "extract_claims",
    "dump_claims",
)


def articles() -> list[tuple[str, str]]:
    files = sorted((ROOT / "eval" / "stories").glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


async def _actors():  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        store = await open_store(str(Path(tmp) / "x.db"), None)
        try:
            return store.actors
        finally:
            await store.close()


def _timed(name: str, fn: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started

    return timed


def one_round(texts: list[tuple[str, str]], actors: Any) -> tuple[float, dict[str, float]]:
    """CPU ms/article of one pass over `texts`, and of each stage (parse, hash, the steps, terms, the rest)."""
    spent: dict[str, float] = defaultdict(float)
    originals = {name: getattr(document, name) for name in STAGES}
    for name, fn in originals.items():
        setattr(document, name, _timed(name, fn, spent))
    try:
        started = time.process_time()
        for name, text in texts:
            t = time.process_time()
            parsed = parse_document(text, name=name)
            spent["parse"] += time.process_time() - t
            t = time.process_time()
            digest = content_hash(parsed)
            spent["hash"] += time.process_time() - t
            t = time.process_time()
            ex = extract_document(parsed, actors, digest)
            spent["extract_document"] += time.process_time() - t
            t = time.process_time()
            term_counts(ex.tokens)
            spent["terms"] += time.process_time() - t
        total = time.process_time() - started
    finally:
        for name, fn in originals.items():
            setattr(document, name, fn)
    # what extract_document spends outside its timed steps: the mentions, the Extraction's fields
    spent["mentions and the rest"] = spent.pop("extract_document") - sum(spent.get(s, 0.0) for s in STAGES)
    n = len(texts)
    return total * 1000 / n, {k: v * 1000 / n for k, v in spent.items()}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.extraction", description=__doc__.split("\n\n")[0])
    p.add_argument("--bench", type=int, default=0, help="also the first N bench corpus articles (default 0)")
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args(argv)
    texts = articles() + [(f"bench/{name}", text) for name, text in corpus.generate(args.bench, seed=0)]
    actors = asyncio.run(_actors())
    rounds = [one_round(texts, actors) for _ in range(max(1, args.rounds))]
    totals = [r[0] for r in rounds]
    median = sorted(rounds, key=lambda r: r[0])[len(rounds) // 2]
    print(
        f"{len(texts)} articles; extraction CPU ms/article per round {[round(r, 1) for r in totals]}, "
        f"median {statistics.median(totals):.1f}"
    )
    print("median round by stage, CPU ms/article:")
    for stage, ms in sorted(median[1].items(), key=lambda kv: -kv[1]):
        print(f"  {ms:7.2f}  {stage}")


if __name__ == "__main__":
    main()
