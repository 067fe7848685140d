"""The events dated in the other time zone's day, read by date from a partial index (migration 18): clustering's
read of a day's `alt` unit (`clusters._unit_sql`: the events of the two days around it whose `alt` is that day)
names the index's condition, which its own exact pattern implies, so SQLite reads the few events with an `alt`
instead of every event of both days, and the rows are the ones the query without it gave."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bot.store import Store
from bot.store import clusters as cl
from bot.store.dialect import postgres_ddl
from bot.store.schema import MIGRATIONS

FEATURES = [
    ("2025-03-09", {"tokens": ["地震"], "alt": "2025-03-10"}),
    ("2025-03-09", {"tokens": ["地震"]}),
    ("2025-03-11", {"tokens": ["停戦"], "alt": "2025-03-10", "act": ["~say"]}),
    ("2025-03-11", {"tokens": ["停戦"], "alt": "2025-03-12"}),
    ("2025-03-10", {"tokens": ["会談"], "alt": "2025-03-10"}),  # not a day around it
    ("2025-03-11", {"tokens": ["alt", "2025-03-10"], "subject": ['"alt": "2025-03-10"']}),  # words, not the key
    ("2025-03-09", {"tokens": ["報道"], "report": True, "alt": "2025-03-10"}),
]


def _plain_alt_sql(day: str) -> tuple[str, list[str]]:
    """The unit's query as it was before the index (its exact pattern alone)."""
    sql, params = cl._unit_sql(("alt", day))
    return sql.replace(f" AND {cl.ALT_EVENTS}", ""), params


def _with_events(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)  # foreign keys off: events alone, no documents or passages behind them
    conn.executemany(
        "INSERT INTO events(id, document_id, passage_id, date, precision, summary, features) VALUES (?, 1, 1, ?, 'day',"
        " 's', ?)",
        [(1000 + i, date, json.dumps(f, ensure_ascii=False)) for i, (date, f) in enumerate(FEATURES)],
    )
    conn.commit()
    return conn


async def test_the_migration_makes_the_partial_index(seeded_db: Path) -> None:
    store = await Store.open(str(seeded_db))
    try:
        row = await store.fetchone("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'events_alt'")
        assert row is not None and row["sql"].endswith(f"ON events(date) WHERE {cl.ALT_EVENTS}")
    finally:
        await store.close()


async def test_the_alt_unit_is_read_from_the_index_with_the_rows_it_had(seeded_db: Path) -> None:
    await (await Store.open(str(seeded_db))).close()  # migrated
    conn = _with_events(seeded_db)
    try:
        for day in ("2025-03-10", "2025-03-12", "2025-03-08"):
            sql, params = cl._unit_sql(("alt", day))
            plan = " ".join(str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
            assert "INDEX events_alt" in plan, plan
            assert conn.execute(sql, params).fetchall() == conn.execute(*_plain_alt_sql(day)).fetchall()
        rows = conn.execute(*cl._unit_sql(("alt", "2025-03-10"))).fetchall()
        assert [r[0] for r in rows] == [1000, 1006, 1002]  # by date, then id; the 10th's own and the words left out
    finally:
        conn.close()


async def test_both_backends_read_the_alt_unit(store: Store) -> None:
    """PostgreSQL makes the index from the same migration and answers the same query (its planner chooses)."""
    assert await store.fetchall(*cl._unit_sql(("alt", "2025-03-10"))) == []
    assert [s for s in postgres_ddl(MIGRATIONS[17].strip()) if "events_alt" in s]
