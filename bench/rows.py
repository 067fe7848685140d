"""The store's row counts, as both backends' store figures report them."""

from __future__ import annotations

from typing import Any

_COUNTS = (
    ("documents", "SELECT count(*) FROM documents"),
    ("passages", "SELECT count(*) FROM passages"),
    ("events", "SELECT count(*) FROM events"),
    ("clusters", "SELECT count(DISTINCT cluster_id) FROM events"),
    ("statements", "SELECT count(*) FROM statements"),
    ("actors", "SELECT count(*) FROM actors"),
    ("actor_aliases", "SELECT count(*) FROM actor_aliases"),
)


async def row_counts(store: Any, fts_terms_sql: str) -> dict[str, int]:
    """Row counts by table; `fts_terms_sql` counts the full-text index's terms (FTS5's vocabulary on
    SQLite, term_df on PostgreSQL)."""
    counts = {}
    for key, sql in (*_COUNTS, ("fts_terms", fts_terms_sql)):
        row = await store.fetchone(sql)
        counts[key] = int(row[0]) if row else 0
    return counts
