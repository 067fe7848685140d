"""The bulk writer's CPU by SQL statement: which statements' cost grows with the store.

`bench.writer_at --sql` installs `SqlClock` around the bulk writer's connection (`Store._bulk_connection`): every
`execute` / `executemany` on it, and the fetches of the cursors they return, are timed by the writer thread's
CPU (`time.thread_time`) and summed by statement kind — its verb and table (``INSERT passages``, ``INSERT
passage_fts``, ``COMMIT``: where FTS5 flushes its pending segment, merges, and SQLite may checkpoint the WAL).
What is left of the writer's CPU is Python: clustering, JSON, the loop.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

_VERB_TABLE = re.compile(
    r"\s*(?:WITH\b.*?\)\s*)?(INSERT(?:\s+OR\s+\w+)?\s+INTO|SELECT\b.*?\bFROM|UPDATE|DELETE\s+FROM|"
    r"REPLACE\s+INTO|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)\s*(\w*)",
    re.IGNORECASE | re.DOTALL,
)


def kind(sql: str) -> str:
    """A statement's verb and first table: ``INSERT passages``, ``SELECT events``, ``COMMIT``."""
    m = _VERB_TABLE.match(sql)
    if m is None:
        return sql.split(None, 1)[0].upper() if sql.strip() else "?"
    verb = m.group(1).split(None, 1)[0].upper()
    return f"{verb} {m.group(2)}".strip() if verb not in {"BEGIN", "COMMIT", "ROLLBACK"} else verb


class _Cursor:
    """A cursor whose fetches count toward its statement's kind."""

    def __init__(self, cursor: sqlite3.Cursor, key: str, clock: SqlClock) -> None:
        self._cursor, self._key, self._clock = cursor, key, clock

    def __getattr__(self, name: str) -> Any:  # lastrowid, rowcount, close: the cursor's own
        return getattr(self._cursor, name)

    def fetchone(self) -> Any:
        started = time.thread_time()
        try:
            return self._cursor.fetchone()
        finally:
            self._clock.add(self._key, time.thread_time() - started, 0)

    def fetchall(self) -> list[Any]:
        started = time.thread_time()
        try:
            return self._cursor.fetchall()
        finally:
            self._clock.add(self._key, time.thread_time() - started, 0)

    def __iter__(self) -> Any:
        return iter(self.fetchall())


class _Connection:
    """A sqlite3 connection whose statements are timed (anything else passes through)."""

    def __init__(self, conn: sqlite3.Connection, clock: SqlClock) -> None:
        self._conn, self._clock = conn, clock

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Cursor:
        key = kind(sql)
        started = time.thread_time()
        try:
            return _Cursor(self._conn.execute(sql, params), key, self._clock)
        finally:
            self._clock.add(key, time.thread_time() - started, 1)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> _Cursor:
        key = kind(sql)
        rows = list(rows)  # made before the clock starts: building the rows is the caller's Python
        started = time.thread_time()
        try:
            return _Cursor(self._conn.executemany(sql, rows), key, self._clock)
        finally:
            self._clock.add(key, time.thread_time() - started, len(rows))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class SqlClock:
    """CPU seconds and rows per statement kind, on the bulk writer's connection."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.rows: dict[str, int] = defaultdict(int)

    def add(self, key: str, seconds: float, rows: int) -> None:
        self.cpu[key] += seconds
        self.rows[key] += rows

    def install(self) -> None:
        """Wrap `Store._bulk_connection`'s connection (once per store) in a timed one."""
        from bot.store.store import Store

        original = Store._bulk_connection
        clock = self

        def timed(store: Store) -> Any:
            conn = original(store)
            if not isinstance(conn, _Connection):
                conn = store._bulk = _Connection(conn, clock)  # type: ignore[assignment]
            return conn

        Store._bulk_connection = timed  # type: ignore[method-assign]

    def table(self, articles: int, top: int = 14) -> list[dict[str, Any]]:
        """The costliest kinds, CPU ms per article and rows per article, and the rest summed."""
        ranked = sorted(self.cpu.items(), key=lambda kv: -kv[1])
        out = [
            {"sql": k, "ms": round(v / articles * 1000, 3), "rows": round(self.rows[k] / articles, 1)}
            for k, v in ranked[:top]
        ]
        rest = sum(v for _, v in ranked[top:])
        if rest:
            out.append({"sql": "(the rest)", "ms": round(rest / articles * 1000, 3), "rows": None})
        out.append({"sql": "(all SQL)", "ms": round(sum(self.cpu.values()) / articles * 1000, 3), "rows": None})
        return out
