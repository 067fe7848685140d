"""The bench on PostgreSQL (`python -m bench --database-url postgresql://…`): the same figures, side by side.

Each size gets a fresh database on the server (`newsdesk_bench_N`, dropped and created; the URL's user
needs CREATEDB), built and measured by the same worker as the SQLite run; the naive baselines read
SQLite's file and are left out here. `side_by_side` prints the main figures of both runs per size.
"""

from __future__ import annotations

import re
from typing import Any

from bench.rows import row_counts
from bot.store.dialect import is_database_url


def database_url(server_url: str, n: int) -> str:
    """The URL of the bench database for size n on the server that `server_url` names."""
    name = f"newsdesk_bench_{n}"
    return re.sub(r"^(postgres(?:ql)?://[^/?]*)/?[^?]*", rf"\1/{name}", server_url, count=1)


def fresh_database(url: str) -> None:
    """Drop and create the database that `url` names, through the server's `postgres` database."""
    import psycopg

    name = re.match(r"^postgres(?:ql)?://[^/?]*/([^?]+)", url)
    if name is None or not re.fullmatch(r"\w+", name.group(1)):
        raise ValueError(f"no database name in {url}")
    admin = url[: name.start(1)] + "postgres" + url[name.end(1) :]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name.group(1)} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name.group(1)} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'")


async def store_figures(store: Any) -> dict[str, Any]:
    """Row counts and the database's size (SQLite's version checkpoints and measures its file)."""
    counts = await row_counts(store, "SELECT count(*) FROM term_df")
    row = await store.fetchone("SELECT pg_database_size(current_database())")
    total = int(row[0]) if row else 0
    return {**counts, "db_bytes": total, "wal_bytes": 0, "bytes_per_document": total // (counts["documents"] or 1)}


FIGURES = [
    ("ingest articles/s", lambda r: (r.get("ingest") or {}).get("articles_per_s")),
    ("quote p50 ms", lambda r: r["latency"]["quote"]["p50_ms"]),
    ("quote p95 ms", lambda r: r["latency"]["quote"]["p95_ms"]),
    ("timeline first page p95 ms", lambda r: r["latency"]["timeline_all"]["p95_ms"]),
    ("timeline filtered p95 ms", lambda r: r["latency"]["timeline_filtered"]["p95_ms"]),
    ("timeline week p95 ms", lambda r: r["latency"]["timeline_week"]["p95_ms"]),
    ("stance p95 ms", lambda r: r["latency"]["stance"]["p95_ms"]),
    ("stance --about p95 ms", lambda r: r["latency"]["stance_about"]["p95_ms"]),
    ("autocomplete p95 ms", lambda r: r["latency"]["autocomplete"]["p95_ms"]),
    ("cold start s", lambda r: (r.get("cold_start") or {}).get("cli_median_s")),
    ("store MB", lambda r: round(r["store"]["db_bytes"] / 1e6, 1)),
]


def side_by_side(sqlite: dict[str, Any], postgres: dict[str, Any]) -> str:
    """SQLite's and PostgreSQL's figures per size, one line a figure."""
    lines = []
    for size, pg in postgres.items():
        lite = sqlite.get(size)
        lines.append(f"\n{int(size):,} articles        SQLite    PostgreSQL")
        for label, get in FIGURES:
            cells = []
            for result in (lite, pg):
                try:
                    value = get(result) if result else None
                except (KeyError, TypeError):
                    value = None
                cells.append("-" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
            lines.append(f"  {label:<28}{cells[0]:>10}{cells[1]:>14}")
    return "\n".join(lines) + "\n"


__all__ = ["database_url", "fresh_database", "is_database_url", "side_by_side", "store_figures"]
