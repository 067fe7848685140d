"""bench.writer_sql: the bulk writer's CPU by SQL statement kind (`python -m bench.writer_at --sql`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.writer_sql import SqlClock, _Connection, kind
from bot.store.store import Store


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("INSERT INTO passages(id, document_id) VALUES (?, ?)", "INSERT passages"),
        ("INSERT OR IGNORE INTO mentions(passage_id, actor_id) VALUES (?, ?)", "INSERT mentions"),
        (
            "INSERT INTO term_df(term, doc) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET doc = term_df.doc + 1",
            "INSERT term_df",
        ),
        ("  SELECT id FROM actors WHERE name = ?", "SELECT actors"),
        ("SELECT coalesce(max(id), 0) + 1 FROM events", "SELECT events"),
        ("SELECT 0, id, cluster_id FROM (SELECT id FROM events WHERE date = ?)", "SELECT"),
        ("UPDATE clusters SET members = ? WHERE id = ?", "UPDATE clusters"),
        ("DELETE FROM term_df WHERE doc <= 0", "DELETE term_df"),
        ("COMMIT", "COMMIT"),
        ("BEGIN IMMEDIATE", "BEGIN"),
        ("SAVEPOINT document", "SAVEPOINT document"),
        ("PRAGMA data_version", "PRAGMA data_version"),
        ("VACUUM", "VACUUM"),
    ],
)
def test_a_statement_is_known_by_its_verb_and_first_table(sql: str, expected: str) -> None:
    assert kind(sql) == expected


def test_the_timed_connection_answers_as_the_plain_one_and_counts_rows_by_kind() -> None:
    clock = SqlClock()
    conn = _Connection(sqlite3.connect(":memory:", isolation_level=None), clock)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn.executemany("INSERT INTO t(v) VALUES (?)", ((str(i),) for i in range(5)))  # a generator, as callers pass
    cur = conn.execute("INSERT INTO t(v) VALUES (?)", ("x",))
    assert cur.lastrowid == 6 and cur.rowcount == 1
    assert conn.execute("SELECT v FROM t WHERE id = ?", (6,)).fetchone() == ("x",)
    assert [r[0] for r in conn.execute("SELECT id FROM t ORDER BY id")] == [1, 2, 3, 4, 5, 6]
    assert conn.total_changes == 6  # anything else is the connection's own
    assert clock.rows["INSERT t"] == 6 and clock.rows["SELECT t"] == 2
    assert set(clock.cpu) == {"CREATE", "INSERT t", "SELECT t"} and all(v >= 0 for v in clock.cpu.values())


def test_the_table_ranks_kinds_by_cpu_per_article_and_sums_the_rest() -> None:
    clock = SqlClock()
    for key, seconds, rows in (
        ("COMMIT", 0.4, 0),
        ("INSERT a", 0.2, 100),
        ("INSERT b", 0.1, 30),
        ("SELECT c", 0.05, 10),
    ):
        clock.add(key, seconds, rows)
    table = clock.table(100, top=2)
    assert [r["sql"] for r in table] == ["COMMIT", "INSERT a", "(the rest)", "(all SQL)"]
    assert table[0]["ms"] == 4.0 and table[1] == {"sql": "INSERT a", "ms": 2.0, "rows": 1.0}
    assert table[2]["ms"] == 1.5 and table[3]["ms"] == 7.5


async def test_install_times_the_bulk_writers_own_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "_bulk_connection", Store._bulk_connection)  # put back after the test
    clock = SqlClock()
    clock.install()
    store = await Store.open(tmp_path / "s.db")
    try:
        conn = store._bulk_connection()
        assert isinstance(conn, _Connection) and store._bulk_connection() is conn  # wrapped once
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta(key, value) VALUES ('k', 'v')")
        conn.execute("COMMIT")
    finally:
        await store.close()
    assert clock.rows["INSERT meta"] == 1 and "COMMIT" in clock.cpu
