"""``python -m bench.scale --size 100000``: a large store on SQLite and on PostgreSQL, the same queries side by side.

One command for what `bench.bulk`, `bench.pgcopy` and `bench.backends` do by hand, kept in `--dir` (reused
when there already):
1. `bench_N.db`: the first `--extract` articles of the bench corpus through the real bulk ingestion path
   (extraction in worker processes; every batch kept in `batches.pickle`); when `--extract` is below the size,
   the recording is then written again into a fresh store and filled up to the size with renumbered copies of
   its articles (`bench.bulk.renumbered`: distinct names, URLs and texts, the rest of the extraction as
   recorded), so a 100k store takes the extraction of 20k rather than ~65 CPU-minutes;
2. a PostgreSQL server started as the tests start theirs (`tests/pg_server.py`) with its data in `--dir` (on
   disk: a 100k database is ~8 GB), unless `--database-url` names one; the store copied into it
   (`bench.pgcopy`: COPY, then ANALYZE), the copy reused when its database already holds as many documents;
3. every service's queries asked of both back to back (`bench.backends`): p50 / p95 / p99 per service and side,
   with the load average before and after. A server started here is stopped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from bench import backends


def _documents(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def _bulk(*args: str) -> None:
    """`python -m bench.bulk ARGS` in a process of its own: a run patches the store's class (its recording, its
    writer's profile), and a replay in the same process would record what it writes into the file it reads."""
    subprocess.run([sys.executable, "-m", "bench.bulk", *args], check=True)


def build(folder: Path, size: int, extract: int) -> Path:
    """The store of `size` documents in `folder` (made when missing, see the module's text)."""
    db = folder / f"bench_{size}.db"
    if db.is_file():
        return db
    recording = folder / f"batches_{extract}.pickle"
    base = folder / f"bench_{extract}.db"
    if not base.is_file() or not recording.is_file():
        _bulk("--n", str(extract), "--db", str(base), "--record", str(recording), "--out", str(folder / "bulk.json"))
    if extract < size:
        _bulk(
            "--replay",
            str(recording),
            "--copies",
            "--n",
            str(size),
            "--db",
            str(db),
            "--out",
            str(folder / "fill.json"),
        )
    else:
        db = base
    return db


@contextlib.contextmanager
def server(folder: Path, url: str | None) -> Iterator[str]:
    """The URL of a server to copy into: `url`'s, or one started for the run (stopped after)."""
    if url is not None:
        yield url
        return
    from tests.pg_server import start

    started = start(folder=str(folder))
    try:
        yield started.url()
    finally:
        started.stop()


def copied(db: Path, server_url: str, size: int) -> str:
    """The URL of the store's copy on the server (`newsdesk_bench_N`), copied unless it is there already."""
    import psycopg

    from bench import pgcopy
    from bench.pg import database_url

    url = database_url(server_url, size)
    with contextlib.suppress(psycopg.Error), psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM documents").fetchone()
        if row and int(row[0]) == _documents(db):
            return url
    pgcopy.main([str(db), url])
    return url


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    p.add_argument("--size", type=int, default=100_000, help="documents in the store (default 100000)")
    p.add_argument("--extract", type=int, default=20_000, help="of them extracted; the rest renumbered copies")
    p.add_argument("--dir", type=Path, default=Path("/tmp/newsdesk-scale"), help="where the stores are kept")
    p.add_argument("--database-url", metavar="URL", help="a PostgreSQL server to use (default: one started here)")
    p.add_argument("--queries", type=int, default=50)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--statements", action="store_true", help="also each kind of statement: count and ms per answer")
    args = p.parse_args(argv)
    if args.size < 1 or not 1 <= args.extract <= args.size:
        print("error: --size must be at least 1 and --extract between 1 and --size", file=sys.stderr)
        return 2
    args.dir.mkdir(parents=True, exist_ok=True)
    os.chmod(args.dir, 0o755)  # the server's user (`nobody` when run as root) reaches its folder through it
    db = build(args.dir, args.size, args.extract)
    with server(args.dir, args.database_url) as url:
        target = copied(db, url, args.size)
        load = os.getloadavg()[0]
        started = time.strftime("%H:%M")
        code = backends.main(
            [str(db), target, "--queries", str(args.queries), "--rounds", str(args.rounds)]
            + (["--statements"] if args.statements else [])
        )
        print(
            f"{_documents(db):,} documents; {started}–{time.strftime('%H:%M')} UTC, load average {load:.1f} → "
            f"{os.getloadavg()[0]:.1f}"
        )
    return code


if __name__ == "__main__":
    sys.exit(main())
