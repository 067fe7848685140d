"""``python -m bench.tenancy DB``: the tenancy filter's cost, on one store, in the same minutes.

Measures every service the bot answers with (the bench's own ``measure_queries``) on a database the bench
kept (``python -m bench --sizes 10000 --guild 7 --keep``): as the command line (no filter) and as server
``--guild`` (its documents and the shared ones; another server's hidden), alternating, ``--rounds`` times
each, on a copy (the store's migrations may run on it). Prints p50 / p95 per service, each the median of the
rounds (after one pass that is not counted, each side first in turn), the filter's side beside the other,
and the ratio of the p95s. On a shared machine the two sides then see the same load, which two bench runs
minutes apart do not.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.measure import Options, measure_queries, spread_guilds
from bench.queries import build_queries

SERVICES = (
    "quote",
    "timeline_all",
    "timeline_filtered",
    "timeline_week",
    "timeline_last_page",
    "stance",
    "stance_last_page",
    "stance_about",
    "autocomplete",
    "autocomplete_empty",
)


async def _rounds(db: Path, guild: int, queries: int, rounds: int, progress: bool) -> dict[str, dict[str, list]]:
    from bot.store import Store

    store = await Store.open(db)
    out: dict[str, dict[str, list]] = {"all": {}, "guild": {}}
    try:
        if await store.get_meta("bench_guild") != str(guild):
            await spread_guilds(store, guild)
            await store.set_meta("bench_guild", str(guild))
        qs = build_queries(n=queries, seed=0)
        warm = Options(queries=queries, timeline_all_budget_s=0.5, progress=False)
        await measure_queries(store, qs, warm, {})  # the first pass reads the file into the cache: not counted
        for r in range(rounds):
            sides = [("all", None), ("guild", guild)]
            for side, guild_id in sides if r % 2 == 0 else sides[::-1]:  # each side goes first in turn
                if progress:
                    print(f"[bench.tenancy] round {r + 1}/{rounds}: {side}", file=sys.stderr, flush=True)
                opts = Options(queries=queries, timeline_all_budget_s=0.5, progress=False, guild_id=guild_id)
                latency, _, _ = await measure_queries(store, qs, opts, {})
                for name in SERVICES:
                    if name in latency:
                        out[side].setdefault(name, []).append(latency[name])
    finally:
        await store.close()
    return out


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(float(r[key]) for r in runs), 2)


def render(found: dict[str, dict[str, list]]) -> str:
    lines = [
        f"{'service':<20} {'p50 ms':>8} {'p95 ms':>8}   {'--guild p50':>11} {'--guild p95':>11}   {'p95 ratio':>9}"
    ]
    for name in SERVICES:
        a, g = found["all"].get(name), found["guild"].get(name)
        if not a or not g:
            continue
        a50, a95, g50, g95 = _median(a, "p50_ms"), _median(a, "p95_ms"), _median(g, "p50_ms"), _median(g, "p95_ms")
        ratio = f"{g95 / a95:.2f}" if a95 else "-"
        lines.append(f"{name:<20} {a50:>8} {a95:>8}   {g50:>11} {g95:>11}   {ratio:>9}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.tenancy", description=__doc__.split("\n\n")[0])
    p.add_argument("db", type=Path, help="a database the bench kept (bench_10000.db)")
    p.add_argument("--guild", type=int, default=7, help="the server answered as (default 7, as the bench's --guild)")
    p.add_argument("--queries", type=int, default=50)
    p.add_argument("--rounds", type=int, default=3, help="measurements per side; the median is shown (default 3)")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    if not args.db.is_file():
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / args.db.name
        for suffix in ("", "-wal", "-shm"):
            if Path(str(args.db) + suffix).exists():
                shutil.copyfile(str(args.db) + suffix, str(copy) + suffix)
        found = asyncio.run(_rounds(copy, args.guild, args.queries, max(1, args.rounds), not args.quiet))
    print(render(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
