"""``python -m bench.writer_at STORE RECORDING``: the bulk writer alone on a store that is already large.

Writes renumbered copies (`bench.bulk.renumbered`, numbers from ``--offset``: distinct texts, none of them in
the store) of the first ``--n`` recorded articles (`bench.bulk --record`) into STORE, ``--rebatch`` per batch,
and prints the writer thread's CPU ms per article, whole and per batch. STORE is written: give it a copy
(``cp /work/bench100k/store.db* DIR/``). ``--profile FILE`` writes the writer's cProfile (top functions by own
time) to FILE; ``--sql`` adds its CPU by SQL statement kind (`bench.writer_sql`).

    cp /work/bench100k/store.db* /tmp/w/ && python -m bench.writer_at /tmp/w/store.db rec.pickle --n 750
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

from bench.bulk import _NUMBERED, _recorded, _WriterProfile, renumbered
from bench.writer_sql import SqlClock


def copies(path: Path, n: int, rebatch: int, offset: int) -> list[list[Any]]:
    """The first `n` recorded articles that can be renumbered, as article number + `offset`, `rebatch` a batch."""
    out: list[Any] = []
    for items in _recorded(path, None):
        for item in items:
            number = _NUMBERED.fullmatch(item.parsed.name)
            twin = renumbered(item, int(number.group(1)) + offset) if number else None
            if twin is not None and len(out) < n:
                out.append(twin)
    return [out[i : i + rebatch] for i in range(0, len(out), rebatch)]


async def write(store_path: Path, batches: list[list[Any]], writer: _WriterProfile) -> list[float]:
    from bot.extract.events import same_event
    from bot.store.backend import open_backend
    from bot.store.store import term_counts

    store = await open_backend(store_path)
    per_batch: list[float] = []
    try:
        await store.bulk_index_settings(True)
        for items in batches:
            for item in items:
                if getattr(item, "terms", None) is None:
                    item.terms = term_counts(item.ex.tokens)
            before = writer.cpu
            await store.add_documents(items, same_event=same_event)
            per_batch.append((writer.cpu - before) / len(items) * 1000)
        await store.bulk_index_settings(False)
    finally:
        await store.close()
    return per_batch


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.writer_at", description=__doc__.split("\n\n")[0])
    p.add_argument("store", type=Path, help="the store to write into (a copy: it is written)")
    p.add_argument("recording", type=Path, help="batches kept by `python -m bench.bulk --record`")
    p.add_argument("--n", type=int, default=750, help="articles written (default 750)")
    p.add_argument("--rebatch", type=int, default=125, help="articles per batch (default 125)")
    p.add_argument("--offset", type=int, default=200_000, help="added to each article's number (default 200000)")
    p.add_argument("--profile", type=Path, metavar="FILE", help="cProfile of the writer thread, written to FILE")
    p.add_argument("--sql", action="store_true", help="also the writer's CPU by SQL statement (`bench.writer_sql`)")
    args = p.parse_args(argv)
    batches = copies(args.recording, args.n, args.rebatch, args.offset)
    writer = _WriterProfile(args.profile is not None)
    writer.install()
    clock = SqlClock() if args.sql else None
    if clock is not None:
        clock.install()
    load = os.getloadavg()[0]
    process_started = time.process_time()
    per_batch = asyncio.run(write(args.store, batches, writer))
    # the whole process: the writer thread and the end's merges and checkpoints on the store's own connection
    process_cpu = time.process_time() - process_started
    n = sum(map(len, batches))
    print(
        json.dumps(
            {
                "articles": n,
                "writer_cpu_ms_per_article": round(writer.cpu / max(n, 1) * 1000, 2),
                "process_cpu_ms_per_article": round(process_cpu / max(n, 1) * 1000, 2),
                "per_batch": [round(x, 1) for x in per_batch],
                "load": [round(load, 1), round(os.getloadavg()[0], 1)],
                "at": time.strftime("%H:%M:%S"),
                **({"sql": clock.table(n)} if clock is not None else {}),
            }
        )
    )
    if writer.prof is not None:
        buf = io.StringIO()
        pstats.Stats(writer.prof, stream=buf).sort_stats("tottime").print_stats(45)
        args.profile.write_text(buf.getvalue(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
