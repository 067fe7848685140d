"""``python -m bench.pgcopy DB URL``: a SQLite store copied into a fresh PostgreSQL database, row for row.

Building 10,000 articles through the ingestion path takes an hour or more on PostgreSQL on a loaded machine;
the queries' cost does not depend on how the rows got there. So a store the bench kept (`--keep`) is opened
(its migrations run), and every table PostgreSQL's schema has is copied with COPY, triggers off (the rows
already hold what the triggers would count), indexes not behind a constraint dropped first and built after
the rows, the full-text rows from FTS5's `tokens` column (PostgreSQL derives its `tsvector`), each id
sequence set after the largest id, then ANALYZE. The two stores then answer
from the same data: `python -m bench.backends DB URL` times them side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import time
from pathlib import Path

from bench.pg import fresh_database
from bot.store.dialect import ID_TABLES

SKIP = {"newsdesk_schema"}  # PostgreSQL's own record of its migrations


def _pg_columns(conn: object, table: str) -> list[str]:
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s"
        " AND is_generated = 'NEVER' ORDER BY ordinal_position",
        (table,),
    ).fetchall()
    return [r[0] for r in rows]


def _in_sqlite(lite: sqlite3.Connection, table: str) -> bool:
    return lite.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is not None


def copy_rows(db: Path, url: str, progress: bool = True) -> dict[str, int]:
    """Every table of the PostgreSQL schema filled from the SQLite file; returns the rows copied per table."""
    import psycopg

    lite = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    copied: dict[str, int] = {}
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                " AND table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
            if r[0] not in SKIP and _in_sqlite(lite, r[0])
        ]
        with conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")  # no triggers, no foreign key checks
            conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
            conn.execute(f"TRUNCATE {', '.join(tables)}")  # all at once: a table's CASCADE would empty those copied
            # Indexes built once after the rows rather than row by row (the GIN index of 100k articles' passages:
            # tens of minutes kept up during COPY); those behind a constraint stay (a foreign key needs them).
            indexes = conn.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public'"
                " AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                " WHERE c.conindid = (quote_ident(i.indexname))::regclass)",
                (tables,),
            ).fetchall()
            for name, _definition in indexes:
                conn.execute(f'DROP INDEX "{name}"')
            for table in tables:
                columns = _pg_columns(conn, table)
                source = [f'"{c}"' for c in columns]
                started = time.perf_counter()
                n = 0
                with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as out:
                    for row in lite.execute(f"SELECT {', '.join(source)} FROM {table}"):
                        out.write_row(row)
                        n += 1
                copied[table] = n
                if progress:
                    print(f"[bench.pgcopy] {table}: {n:,} rows, {time.perf_counter() - started:.1f} s", file=sys.stderr)
            for name, definition in indexes:
                started = time.perf_counter()
                conn.execute(definition)
                if progress:
                    print(f"[bench.pgcopy] index {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
            for table in sorted(ID_TABLES & set(tables)):
                conn.execute(
                    f"SELECT setval('newsdesk_ids_{table}', coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
                )
            for table in tables:  # SQLite's implicit rowid, an identity column here
                if "rowid" in _pg_columns(conn, table) and table != "passage_fts":
                    conn.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'rowid'),"
                        f" coalesce((SELECT max(rowid) FROM {table}), 0) + 1, false)"
                    )
        conn.execute("ANALYZE")
    lite.close()
    return copied


async def _migrated(db: Path, url: str) -> None:
    """The SQLite file at the current schema, and the PostgreSQL database made at it."""
    from bot.store.backend import open_backend

    for target in (str(db), url):
        store = await open_backend(target)
        await store.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.pgcopy", description=__doc__.split("\n\n")[0])
    p.add_argument("db", type=Path, help="a SQLite store (the bench's bench_10000.db); its migrations run on it")
    p.add_argument("url", help="postgresql://… of the database to (re)create")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    if not args.db.is_file():
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 2
    fresh_database(args.url)
    asyncio.run(_migrated(args.db, args.url))
    copied = copy_rows(args.db, args.url, progress=not args.quiet)
    print(f"{sum(copied.values()):,} rows in {len(copied)} tables copied to {args.url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
