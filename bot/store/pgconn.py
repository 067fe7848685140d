"""A psycopg 3 connection behind the interface the store's code is written against (aiosqlite's).

`execute` (awaitable, or `async with`), `executemany`, cursors with fetchone / fetchall / lastrowid /
rowcount, rows read by index or by name. Every statement goes through `dialect.postgres_sql`, and its
FTS5 query parameters through `tsquery.to_tsquery`. psycopg's errors come out as the DB-API classes
of `sqlite3` the rest of the code already catches (a duplicate is an `IntegrityError` on both backends).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Generator, Iterable, Sequence
from typing import Any, ClassVar

import psycopg
from psycopg.adapt import Loader

from bot.store.dialect import MultiRow, Statement, multi_row, postgres_sql
from bot.store.tsquery import QuerySyntaxError, index_tsquery, to_tsquery


class PgIntegrityError(sqlite3.IntegrityError):
    """A constraint PostgreSQL enforced (unique, foreign key, not null)."""


class PgOperationalError(sqlite3.OperationalError):
    """Any other PostgreSQL error: the message is the server's."""


class Row(tuple):
    """A result row: a tuple that also answers by column name, like sqlite3.Row. A statement's rows are of a
    subclass holding its columns' names (`row_factory`): a row is then a bare tuple, made at tuple speed (an
    attribute per row cost ~1 us more, ~1 ms of a quote's answer with its item contexts' ~1,000 rows)."""

    __slots__ = ()
    _names: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


_ROW_CLASSES: dict[tuple[str, ...], type[Row]] = {}  # by the columns' names: the store's statements are few
ROW_CLASSES_KEPT = 1000


def row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    columns = tuple(d.name for d in cursor.description or [])
    cls = _ROW_CLASSES.get(columns)
    if cls is None:
        if len(_ROW_CLASSES) >= ROW_CLASSES_KEPT:
            _ROW_CLASSES.clear()
        names = {name: i for i, name in reversed(list(enumerate(columns)))}  # a repeated name: its first column
        cls = _ROW_CLASSES[columns] = type("Row", (Row,), {"__slots__": (), "_names": names})
    return cls


class NumericLoader(Loader):
    """numeric (what sum() of integers returns) as int when whole, else float: SQLite's types."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        try:
            return int(text)
        except ValueError:
            return float(text)


def configure(conn: psycopg.AsyncConnection) -> None:
    conn.adapters.register_loader("numeric", NumericLoader)


class PgCursor:
    def __init__(self, rows: list[Row], rowcount: int, lastrowid: int | None) -> None:
        self._rows = rows
        self._next = 0
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    async def fetchone(self) -> Row | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    async def fetchall(self) -> list[Row]:
        rest = self._rows[self._next :]
        self._next = len(self._rows)
        return rest

    async def close(self) -> None:
        self._rows = []


class _Pending:
    """A statement's result: awaitable, or an async context manager, like aiosqlite's."""

    def __init__(self, run: Callable[[], Awaitable[PgCursor]]) -> None:
        self._run = run

    def __await__(self) -> Generator[Any, None, PgCursor]:
        return self._run().__await__()  # type: ignore[attr-defined]

    async def __aenter__(self) -> PgCursor:
        return await self._run()

    async def __aexit__(self, *exc: object) -> None:
        return None


def _statement(params: Sequence[Any], st: Statement) -> tuple[str, list[Any]]:
    """The statement to run and its parameters: with a phrase or NEAR in a match, the one that checks positions
    on the rows the index found (dialect.MATCH_SQL), else the plain one."""
    try:
        queries = {i: (index_tsquery(params[i]), to_tsquery(params[i])) for i in st.match_params}
    except QuerySyntaxError as e:
        raise PgOperationalError(f"fts5: syntax error: {e}") from e
    positions = any(words != full for words, full in queries.values())
    values: list[Any] = []
    arrays = dict(st.array_params)
    skip = 0
    for i, value in enumerate(params):
        if skip:
            skip -= 1
        elif i in arrays:  # an `IN (?, …)` list: one array parameter
            values.append(list(params[i : i + arrays[i]]))
            skip = arrays[i] - 1
        elif i in st.limit_params and isinstance(value, int) and value < 0:
            values.append(None)
        elif i in queries:
            values += queries[i] if positions else queries[i][1:]
        else:
            values.append(value)
    return (st.positions_sql if positions else st.sql), values


def _translate_error(e: psycopg.Error) -> sqlite3.Error:
    if isinstance(e, psycopg.errors.IntegrityError):
        return PgIntegrityError(str(e).strip())
    return PgOperationalError(str(e).strip())


class PgDB:
    """One PostgreSQL connection with the store's statement interface."""

    def __init__(self, conn: psycopg.AsyncConnection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Pending:
        async def run() -> PgCursor:
            st = postgres_sql(sql)
            text, values = _statement(params, st)
            try:
                cur = self.conn.cursor(row_factory=row_factory)
                # A full-text statement is never prepared: a prepared statement's generic plan, chosen after its
                # fifth use on a connection, cannot see the query's words (how many rows they match), and for
                # /stance --about it read far more of the index than the plan made for the words does.
                await cur.execute(text, values, prepare=False if st.match_params else None)
                rows = await cur.fetchall() if cur.description is not None else []
            except psycopg.Error as e:
                raise _translate_error(e) from e
            lastrowid = int(rows[0][0]) if st.returns_id and rows else None
            return PgCursor([] if st.returns_id else rows, cur.rowcount, lastrowid)

        return _Pending(run)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> _Pending:
        """The rows of an `INSERT … VALUES (…)` as one multi-row INSERT per chunk (one statement for the server,
        not one per row; `multi_row` says which inserts can be); any other statement row by row, pipelined."""

        async def run() -> PgCursor:
            st = postgres_sql(sql, returning=False)
            if st.match_params:
                raise PgOperationalError("executemany takes no full-text match")
            batch = [_statement(r, st)[1] for r in rows]
            if not batch:
                return PgCursor([], 0, None)
            many = multi_row(st.sql)
            try:
                if many is not None and len(batch) > 1 and many.distinct_keys(batch):
                    return PgCursor([], await _insert_rows(self.conn, many, batch), None)
                cur = self.conn.cursor()
                await cur.executemany(st.sql, batch)
            except psycopg.Error as e:
                raise _translate_error(e) from e
            return PgCursor([], cur.rowcount, None)

        return _Pending(run)


async def _insert_rows(conn: psycopg.AsyncConnection, many: MultiRow, batch: list[list[Any]]) -> int:
    """`batch` inserted in order, as few multi-row statements as the server's parameter limit allows."""
    per = many.rows_per_statement(len(batch[0]))
    count = 0
    for start in range(0, len(batch), per):
        chunk = batch[start : start + per]
        cur = conn.cursor()
        await cur.execute(many.sql(len(chunk)), [v for row in chunk for v in row])
        count += max(cur.rowcount, 0)
    return count
