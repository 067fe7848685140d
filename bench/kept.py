"""``python -m bench.kept DB``: the latency table of ``python -m bench`` measured again on a store it kept.

The build of a 10k store takes a quarter of an hour or more on a loaded machine; the query services' figures
(quote, timeline pages, stance pages, ``--about``, autocomplete) are what a change to the reads moves. This asks
them of a copy of a kept store (``python -m bench --sizes 10000 --guild 7 --keep``), exactly as the bench's
``measure_queries`` does after its build, and prints p50 / p95 per service: two source trees run on copies of the
same store, one after the other, give a before and an after of the same data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bench.measure import Options, measure_queries
from bench.queries import build_queries
from bench.tenancy import print_kept


async def measure(db: Path, opts: Options) -> dict[str, Any]:
    from bot.store.backend import open_backend

    store = await open_backend(db)
    try:
        rss: dict[str, Any] = {}
        latency, _quality, _timed = await measure_queries(
            store, build_queries(n=opts.queries, seed=opts.seed), opts, rss
        )
    finally:
        await store.close()
    return latency


def render(latency: dict[str, Any]) -> str:
    lines = [f"{'service':<24} {'p50':>8} {'p95':>8} {'CPU p50':>8} {'CPU p95':>8}"]
    for name, figures in latency.items():
        if isinstance(figures, dict) and "p50_ms" in figures:
            cpu = ""  # the process's CPU per call, where the bench keeps it (quote, stance, --about)
            if figures.get("cpu_p50_ms") is not None:
                cpu = f" {figures['cpu_p50_ms']:>8.2f} {figures['cpu_p95_ms']:>8.2f}"
            lines.append(f"{name:<24} {figures['p50_ms']:>8.2f} {figures['p95_ms']:>8.2f}{cpu}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.kept", description=__doc__.split("\n\n")[0])
    p.add_argument("db", type=Path, help="a database the bench kept (bench_10000.db)")
    p.add_argument("--guild", type=int, help="answer as this server (as the bench's --guild)")
    p.add_argument("--queries", type=int, default=50)
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    opts = Options(queries=args.queries, guild_id=args.guild, progress=not args.quiet, timeline_all_budget_s=1.0)
    return print_kept(args.db, lambda copy: measure(copy, opts), render)


if __name__ == "__main__":
    sys.exit(main())
