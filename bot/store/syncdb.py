"""A plain sqlite3 connection behind the awaitable interface the store's write code is written against.

The bulk writer runs a whole batch (hundreds of documents, dozens of statements each) in one worker
thread on its own connection: awaiting this adapter never leaves the thread, so the store's
per-document write code (`Store._write_document`, `clusters`) is reused as it is, without a thread
hop per statement. Only what that code uses is here: execute (awaitable, or `async with`),
executemany, and cursors with fetchone/fetchall/lastrowid.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator, Iterable, Sequence
from typing import Any


class SyncCursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class _Done:
    """A result that is both awaitable and an async context manager, like aiosqlite's."""

    def __init__(self, cursor: SyncCursor) -> None:
        self._cursor = cursor

    def __await__(self) -> Generator[Any, None, SyncCursor]:
        return self._cursor
        yield  # a generator that finishes at once: awaiting it never suspends

    async def __aenter__(self) -> SyncCursor:
        return self._cursor

    async def __aexit__(self, *exc: object) -> None:
        await self._cursor.close()


class SyncDB:
    """`execute` / `executemany` of a sqlite3 connection, awaitable and never suspending."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Done:
        return _Done(SyncCursor(self.conn.execute(sql, params)))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> _Done:
        return _Done(SyncCursor(self.conn.executemany(sql, rows)))
