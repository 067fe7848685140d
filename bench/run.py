"""``python -m bench``: what the bot costs as its store grows.

For every size, a fresh database is built from ``bench.corpus.generate(n)`` through the real
ingestion path and the services are timed. Each size runs in its own worker process, so its peak
RSS is that size's alone. Prints the tables and writes the same figures as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.measure import ROOT, Options, iter_sizes, run_size
from bench.pg import database_url, side_by_side
from bench.report import render
from bench.stats import evaluate_targets, growth

DEFAULT_OUT = ROOT / "bench" / "out" / "results.json"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--sizes", default="1000", help="corpus sizes, comma-separated (1000,10000 or 1k,10k); default 1000")
    p.add_argument(
        "--queries",
        type=int,
        default=200,
        help="quote queries per size; the other services cycle their queries to this count",
    )
    p.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"JSON results (default {DEFAULT_OUT.relative_to(ROOT)})"
    )
    p.add_argument("--keep", action="store_true", help="keep the databases (bench_N.db next to --out)")
    p.add_argument("--skip-baselines", action="store_true", help="skip the naive quote baselines")
    p.add_argument(
        "--baseline-queries", type=int, default=20, help="quote queries the baselines run (a sample; default 20)"
    )
    p.add_argument(
        "--ingest",
        choices=("bulk", "single"),
        default="bulk",
        help="bulk (default): the path of `ingest FOLDER`, worker processes and batched writes;"
        " single: ingest_text one article at a time, as /source add",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="single: concurrent ingest tasks (default 1); bulk: worker processes (default 1 per core)",
    )
    p.add_argument(
        "--cold-runs", type=int, default=3, help="cold-start runs per size (default 3; the median is reported)"
    )
    p.add_argument(
        "--timeline-budget",
        type=float,
        default=3.0,
        help="seconds the unfiltered timeline may repeat, at least 10 times (default 3)",
    )
    p.add_argument(
        "--profile",
        action="store_true",
        help="also cProfile 20 ingests and 20 quote queries per size (text next to --out)",
    )
    p.add_argument("--seed", type=int, default=0, help="corpus and query seed")
    p.add_argument(
        "--database-url",
        help="also run every size on this PostgreSQL server (a fresh database newsdesk_bench_N each) and print both side by side",
    )
    p.add_argument(
        "--in-process", action="store_true", help="run every size in this process (peak RSS then accumulates)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument(
        "--guild",
        type=int,
        metavar="ID",
        help="answer as this Discord server (the tenancy filter on): a tenth of the documents its own, a tenth"
        " another server's",
    )
    p.add_argument("--render", type=Path, metavar="JSON", help="print the tables of an earlier run's JSON and exit")
    # internal: one size in a worker process
    p.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    p.add_argument("--db", help=argparse.SUPPRESS)
    p.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return p


def _options(args: argparse.Namespace) -> Options:
    return Options(
        queries=args.queries,
        jobs=args.jobs,
        ingest=args.ingest,
        skip_baselines=args.skip_baselines,
        baseline_queries=args.baseline_queries,
        cold_runs=args.cold_runs,
        timeline_all_budget_s=args.timeline_budget,
        profile_dir=args.out.parent if args.profile else None,
        seed=args.seed,
        progress=not args.quiet,
        guild_id=args.guild,
    )


def _worker_argv(args: argparse.Namespace, n: int, db: Path, result: Path) -> list[str]:
    argv = [sys.executable, "-m", "bench", "--worker", str(n), "--db", str(db), "--result", str(result)]
    argv += ["--queries", str(args.queries), "--out", str(args.out), "--baseline-queries", str(args.baseline_queries)]
    argv += [
        "--ingest",
        args.ingest,
        "--jobs",
        str(args.jobs),
        "--cold-runs",
        str(args.cold_runs),
        "--timeline-budget",
        str(args.timeline_budget),
    ]
    argv += ["--seed", str(args.seed)]
    if args.guild is not None:
        argv += ["--guild", str(args.guild)]
    for flag, on in (("--skip-baselines", args.skip_baselines), ("--profile", args.profile), ("--quiet", args.quiet)):
        if on:
            argv.append(flag)
    return argv


def _meta(args: argparse.Namespace, sizes: list[int]) -> dict[str, Any]:
    return {
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sizes": sizes,
        "queries": args.queries,
        "jobs": args.jobs,
        "ingest": args.ingest,
        "baseline_queries": None if args.skip_baselines else args.baseline_queries,
        "seed": args.seed,
        "command": "python -m bench " + " ".join(sys.argv[1:]),
    }


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.worker is not None:  # one size, in this process, figures to --result
        result = asyncio.run(run_size(args.worker, args.db, _options(args)))
        args.result.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        return 0

    if args.render is not None:
        print(render(json.loads(args.render.read_text(encoding="utf-8"))), end="")
        return 0
    sizes = list(iter_sizes(args.sizes))
    if not sizes or any(n < 1 for n in sizes):
        print("error: --sizes needs positive numbers, e.g. 1000,10000", file=sys.stderr)
        return 2
    if args.queries < 4:
        print("error: --queries must be at least 4", file=sys.stderr)
        return 2
    args.out = args.out.resolve()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db_dir = args.out.parent if args.keep else Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    started = time.perf_counter()
    by_size: dict[int, dict[str, Any]] = {}
    on_pg: dict[str, dict[str, Any]] = {}
    try:
        for n in sizes:
            db = db_dir / f"bench_{n}.db"
            if args.in_process:
                by_size[n] = asyncio.run(run_size(n, db, _options(args)))
            else:
                result = db_dir / f"bench_{n}.result.json"
                subprocess.run(_worker_argv(args, n, db, result), cwd=ROOT, check=True)
                by_size[n] = json.loads(result.read_text(encoding="utf-8"))
                result.unlink()
            by_size[n]["wall_seconds"] = round(time.perf_counter() - started, 1)
            if args.database_url:
                pg_result = db_dir / f"bench_{n}.pg.json"
                pg_argv = _worker_argv(args, n, database_url(args.database_url, n), pg_result)  # type: ignore[arg-type]
                subprocess.run(pg_argv, cwd=ROOT, check=True)
                on_pg[str(n)] = json.loads(pg_result.read_text(encoding="utf-8"))
                pg_result.unlink()
    except subprocess.CalledProcessError as e:
        print(f"error: the worker for one size failed (exit {e.returncode})", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(db_dir, ignore_errors=True)
    results = {
        "meta": {**_meta(args, sizes), "seconds": round(time.perf_counter() - started, 1)},
        "sizes": {str(n): by_size[n] for n in sizes},
        "targets": evaluate_targets(by_size),
        "growth": growth(by_size),
        **({"postgresql": on_pg} if on_pg else {}),
    }
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(render(results), end="")
    if on_pg:
        print(side_by_side({str(n): r for n, r in by_size.items()}, on_pg), end="")
    print(f"\nfigures written to {args.out} ({results['meta']['seconds']:.0f} s)")
    return 0
