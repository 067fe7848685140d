"""``python -m bench.extraction``: what extraction costs per article on real-style news text.

Parses and extracts (dates → events, attribution, statements, actor discovery) every article of the
evaluation stories and the seeds, three rounds, and prints the milliseconds per article of each round
and their median. One process, no database writes: the cost the ingest path pays before its write.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.extract.document import content_hash, extract_document
from bot.ingest.parse import parse_document
from bot.ingest.pipeline import open_store

ROOT = Path(__file__).resolve().parents[1]


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


def main() -> None:
    texts = articles()
    actors = asyncio.run(_actors())
    rounds = []
    for _ in range(3):
        started = time.perf_counter()
        for name, text in texts:
            parsed = parse_document(text, name=name)
            extract_document(parsed, actors, content_hash(parsed))
        rounds.append((time.perf_counter() - started) * 1000 / len(texts))
    print(
        f"{len(texts)} articles; extraction ms/article per round {[round(r, 1) for r in rounds]}, "
        f"median {statistics.median(rounds):.1f}"
    )


if __name__ == "__main__":
    main()
