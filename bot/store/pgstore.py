"""The store on PostgreSQL: the same `Store` (same SQL, same write code), over a psycopg pool.

Chosen by a `postgresql://…` target (`NEWSDESK_DATABASE_URL`). Reads borrow a pooled connection per
statement (autocommit); a write transaction holds one connection and a transaction-level advisory lock.

Document writes (`add_document`, `add_documents`: a document and everything derived from it) run side by
side, in every process: they hold the writers' lock *shared*, take their ids from sequences (never max + 1),
and take an exclusive lock only where order matters — one per month their events fall in (± a day), since
clustering reads what the previous writer of those days clustered, and one for discovering actors (a name is
looked up, then inserted). Term counts are upserted in term order, so two writers never wait on each other in a
cycle; a deadlock PostgreSQL still detects (the stance-day counts; two bulk batches holding the same documents in
another order) rolls the document, or the whole batch, back and writes it again.
Every other write (removals, settings, topics, feeds, migrations) holds the lock exclusively, as before: they
take turns with each other and with document writes, as SQLite's writers do. Reads never wait for writers.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import os
import random
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import date, timedelta
from typing import Any, TypeVar

import psycopg
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from bot.store import changes, cluster_views, clusters, failures
from bot.store.clusters import SameEvent
from bot.store.dialect import (
    ID_TABLES,
    NEXT_ID_FUNCTION,
    POSITIONS_FUNCTION,
    POSTGRES_BOOTSTRAP,
    RANGE_INDEX,
    id_sequence,
    postgres_ddl,
)
from bot.store.pgconn import PgDB, configure
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION, STORED_FAILURES_SCHEMA
from bot.store.store import (
    LOCK_WAIT_SECONDS,
    BatchItem,
    BatchOutcome,
    Store,
    StoreError,
    event_members,
    split_sql,
)
from bot.store.tsquery import COMMON_WORDS, lexeme, to_tsquery

log = logging.getLogger(__name__)
T = TypeVar("T")

WRITE_LOCK = 0x4E657773  # the advisory lock every writer takes ("News"): documents' shared, the others' exclusive
ORDER_LOCKS = 0x4E657774  # with a second key: 0 discovering actors, YYYYMM clustering that month's events
WRITE_RETRIES = (
    5  # a document write (or bulk batch) PostgreSQL chose as a deadlock's victim is written again, at most this often
)
POOL_SIZE = int(os.environ.get("NEWSDESK_PG_POOL", "8"))
# What the planner takes an index probe to cost against a page read in order (PostgreSQL's default, 4, is for a
# spinning disk). The store's tables are read from memory or SSD: at 4 the --about candidates' "documents that
# name the actor" was a hash join over every passage (1.6-2.0 s at 10k) instead of index probes per document (85-370 ms).
RANDOM_PAGE_COST = 1.1
CONNECT_SECONDS = 10.0
# Common words read in rowid order by the key, stopping at the LIMIT, instead of through the GIN index (whose
# bitmap lists every passage holding the rarest of them before any LIMIT: 236,870 postings, ~300 ms at 100k
# articles). How dense the words are together is not known beforehand (term_df knows each word's passages, not
# the AND's: the rarest words of a quote go together, 4.2 % where independence says 0.27 %), so it is measured:
# a probe reads the first rows in order, costing at most IN_ORDER_PROBE of what the index would (a row read in
# order costs about IN_ORDER_COST postings read in the index), and only when the rarest word is common enough
# that the probe could find what is asked (as dense together as alone); the holders it found give their density,
# and the read goes on in order (at most IN_ORDER_STAGES reads, each up to IN_ORDER_MARGIN times the rows the
# density says are needed) while that costs less than the index, else the index is read as before. Both reads
# give the first holders (the index in the table's order, the same on a store written in id order), so answers
# do not depend on which ran. The words are tested by `newsdesk_positions` (the same `@@`), whose selectivity the
# planner cannot guess: with `@@` (even `IS TRUE`) it expected a few matches in a wide range and read it all by a
# parallel scan and a sort (1.1 s for 1.9 M rows at 30k articles, where the key's order stopped after 14k: 34 ms).
# Measured at 30k articles (load 15): a row read in order ~1.8 us, a posting of the rarest word 0.2-0.7 us.
IN_ORDER_COST = 2.0
IN_ORDER_PROBE = 0.5
IN_ORDER_STAGES = 3
IN_ORDER_MARGIN = 1.5
ALL_ROWS = 2**62  # a read in order's bound past every rowid
PASSAGES_SEEN_SECONDS = 60.0  # how long the passages' highest id, which the choice weighs the words against, is kept
# The newest passages holding an FTS5 query (`newest_matching`, what /stance --about's candidates are counted
# from): `ORDER BY rowid DESC LIMIT` through the GIN index reads the row of every passage holding it to keep the
# newest (an OR of a target's synonyms held by 12,136 passages at 100k articles: 11,798 table blocks, 1.0 s from
# disk, for 1,500). Read in stages from the newest rowid down instead, each a range of the key ANDed with the
# index's bitmap, so only the holders in the range are read from the table: the first range sized from the planner's
# estimate of the holders (NEWEST_MARGIN times what it says holds `limit`), the next from the density found, the
# last (at most NEWEST_STAGES) to the first rowid. The same ids, newest first.
# Words held by more than this share of the passages (`term_df`) are checked on the rows a full-text statement's index
# read finds rather than read in the index, where a match must hold them beside rarer words (`tsquery.COMMON_WORDS`):
# the GIN index lists every holder of each word before any LIMIT, and skipping through the postings of する (48 % of
# the passages at 100k articles) cost a quote's rarest words `何故 & 決裂 & 為る` 21.8 ms of CPU for its first
# 1,000 holders, against 10.4 for `何故 & 決裂` with する checked on each row found; a word of 2.6 % (`ブレキ`) checked
# so cost 4x more than read in the index. The same rows in the same order: the index read is wider, the check exact.
COMMON_SHARE = 0.2
NEWEST_STAGES = 3
# An OR of pairs of a quote's rarest words (`search._any_two_of`, `sharing_rare_words`), read through the GIN index,
# lists every holder of the pairs before its LIMIT: `(本紙 & ホワイト) | (本紙 & ハウス) | (ホワイト & ハウス)` read
# 141k postings (46.6 ms of CPU at 100k articles) for the first 100, which lie within the first 4,116 rows (3.4 ms
# read in order). So when the words are common it is first read in the table's order (`first_matching`): the pages
# from the first on, each row checked, stopping at the LIMIT, in stages (the first a third of the rows the pairs
# need as dense as they may be, as dense as their rarer words; each next up to PAGES_MARGIN times the rows the density
# found so far says are needed), each stage only while it costs at most PAGES_PROBE of the index's postings (a row
# read and checked costs about PAGES_ROW_COST postings: 0.8 against 0.2 us at 100k). Words seldom together stop after
# the first stage (4,204 ms for the 6 holders of `条約 & 国家 | …` read to the end; the first stage 2-3 ms), then the
# index as before.
# Both reads give the holders in the table's order (a bitmap heap scan's is its pages' order), so the same ones.
PAGES_ROW_COST = 4.0
PAGES_PROBE = 0.5
PAGES_STAGES = 4
PAGES_MARGIN = 1.5
# Holders dense enough that the newest `limit` lie within this many rows of the newest: the statement reads them
# itself, newest first by the key, stopping at the limit (the planner's choice there; a range's rows read and checked
# one by one cost more than that).
NEWEST_DIRECT_ROWS = 100_000
NEWEST_FEW = 4  # holders (as estimated) at most this many times `limit`: read in the statement, each row once
NEWEST_MARGIN = 1.5
_ESTIMATED_ROWS = re.compile(r"\brows=(\d+)")


def describe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


def connect_failure(e: Exception) -> str:
    """The cause in a connection error's text: what follows its last "failed:", first line, no FATAL."""
    text = str(e).strip() or type(e).__name__
    cause = text.rsplit("failed: ", 1)[-1].strip().splitlines()[0]
    return describe_url(cause.removeprefix("FATAL:").strip())


class PoolDB:
    """`execute` / `executemany` for code outside a transaction: a pooled connection per statement,
    or the current task's transaction when there is one (a read inside a write sees the write)."""

    def __init__(self, store: PgStore) -> None:
        self._store = store

    def _run(self, method: str, sql: str, params: Any) -> Any:
        current = self._store._current.get()
        if current is not None:
            return getattr(current, method)(sql, params)

        async def borrowed() -> Any:
            async with self._store.pool.connection() as conn:
                return await getattr(PgDB(conn), method)(sql, params)

        return _Borrowed(borrowed)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._run("execute", sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        return self._run("executemany", sql, rows)

    async def close(self) -> None:
        await self._store.pool.close()


class _Borrowed:
    def __init__(self, run: Any) -> None:
        self._run = run

    def __await__(self) -> Any:
        return self._run().__await__()

    async def __aenter__(self) -> Any:
        return await self._run()

    async def __aexit__(self, *exc: object) -> None:
        return None


class PgStore(Store):
    pool: AsyncConnectionPool

    @classmethod
    async def open(cls, path: Any, *, lock_wait: float = LOCK_WAIT_SECONDS, busy_ms: int = 0) -> PgStore:  # type: ignore[override]
        url = str(path)
        try:  # one connection first: a wrong URL is one line naming the cause, not the pool's retries
            probe = await psycopg.AsyncConnection.connect(url, connect_timeout=int(CONNECT_SECONDS))
        except psycopg.Error as e:
            reason = connect_failure(e)
            raise StoreError("store.cannot_connect", url=describe_url(url), detail="", detail_en=reason) from e
        await probe.close()
        pool = AsyncConnectionPool(
            url,
            min_size=1,
            max_size=POOL_SIZE,
            kwargs={"autocommit": True},
            configure=_configure,
            open=False,
            name="newsdesk",
        )
        try:
            await pool.open(wait=True, timeout=CONNECT_SECONDS)
        except (PoolTimeout, psycopg.Error) as e:
            await pool.close()
            raise StoreError("store.cannot_connect", url=describe_url(url), detail="", detail_en=str(e)) from e
        store = cls.__new__(cls)
        store.pool = pool
        store._current = contextvars.ContextVar(f"pg_tx_{id(store)}", default=None)
        store._documents = contextvars.ContextVar(f"pg_doc_{id(store)}", default=False)
        Store.__init__(store, PoolDB(store), describe_url(url), lock_wait)  # type: ignore[arg-type]
        try:
            await store._migrate()
            await store._sync_registry()
        except psycopg.Error as e:
            await pool.close()
            raise StoreError("store.cannot_use", path=store.path, detail="", detail_en=str(e)) from e
        except BaseException:
            await pool.close()
            raise
        return store

    async def close(self) -> None:
        await self.pool.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[PgDB]:  # type: ignore[override]
        """One connection, BEGIN … COMMIT under the writers' advisory lock (shared for a document write,
        exclusive for any other); rolled back on any exception."""
        documents = self._documents.get()
        async with self._turn(documents), self.pool.connection() as conn, conn.transaction():
            await conn.execute(f"SET LOCAL lock_timeout = '{int(self.lock_wait * 1000)}ms'")
            lock = "pg_advisory_xact_lock_shared" if documents else "pg_advisory_xact_lock"
            try:
                await conn.execute(f"SELECT {lock}(%s)", (WRITE_LOCK,))
            except psycopg.errors.LockNotAvailable as e:
                raise StoreError("store.locked", path=self.path, seconds=self.lock_wait) from e
            await conn.execute("SET LOCAL lock_timeout = 0")
            db = PgDB(conn)
            token = self._current.set(db)
            try:
                yield db
            finally:
                self._current.reset(token)

    def _turn(self, documents: bool) -> Any:
        """This process's queue of writers: document writes do not queue (their locks are in the database)."""
        return contextlib.nullcontext() if documents else self._write_lock

    skip_locked = " FOR UPDATE SKIP LOCKED"
    shared = True

    @asynccontextmanager
    async def queue_transaction(self) -> AsyncIterator[PgDB]:
        """BEGIN … COMMIT on a pooled connection, without the writers' lock: the queue's rows are locked
        row by row (FOR UPDATE SKIP LOCKED, ON CONFLICT), so claims never wait for a document write."""
        async with self.pool.connection() as conn, conn.transaction():
            yield PgDB(conn)

    # --- schema ------------------------------------------------------------------------------

    async def _version(self) -> int:
        row = await self.fetchone("SELECT to_regclass('newsdesk_schema') IS NOT NULL AS present")
        if not row or not row["present"]:
            return 0
        row = await self.fetchone("SELECT max(version) AS v FROM newsdesk_schema")
        return int(row["v"] or 0) if row else 0

    async def _refuse_newer(self) -> None:
        version = await self._version()
        if version > SCHEMA_VERSION:
            raise StoreError("store.newer", path=self.path, version=version, supported=SCHEMA_VERSION)

    async def _migrate(self) -> None:
        await self._refuse_newer()
        if await self._version() < SCHEMA_VERSION:
            async with self.transaction() as db:
                for statement in POSTGRES_BOOTSTRAP:
                    await db.conn.execute(statement)
                await db.conn.execute(
                    "INSERT INTO newsdesk_schema(version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM newsdesk_schema)"
                )
        start = await self._version()
        for number in range(start, SCHEMA_VERSION):
            async with self.transaction() as db:
                if await self._version() > number:  # another process ran it while we waited
                    continue
                for statement in split_sql(MIGRATIONS[number]):
                    for pg in postgres_ddl(statement):
                        await db.conn.execute(pg)
                await _id_sequences(db)
                if number + 1 == SCHEMA_VERSION and 0 < start < clusters.TABLES_SINCE_SCHEMA:
                    await cluster_views.rebuild_all(db)
                if number + 1 == SCHEMA_VERSION:  # the server views the migration only counted
                    await cluster_views.fill_missing(db)
                if number + 1 == STORED_FAILURES_SCHEMA:  # English sentences of older versions: codes
                    await failures.store_codes(db)
                await db.conn.execute("UPDATE newsdesk_schema SET version = %s", (number + 1,))
            log.info("database %s migrated to schema %d", self.path, number + 1)
        async with self.transaction() as db:  # a database made before the sequences: given them once
            await _id_sequences(db)
            await db.conn.execute(POSITIONS_FUNCTION)  # what a full-text match checks positions with (dialect.py)
            await db.conn.execute(RANGE_INDEX)  # the key's ranges by pages (dialect.py)

    # --- writes ------------------------------------------------------------------------------

    async def add_document(self, *args: Any, **kwargs: Any) -> tuple[int, list[str]]:
        return await self._written(lambda: super(PgStore, self).add_document(*args, **kwargs))

    async def add_documents(
        self, items: Sequence[BatchItem], *, same_event: SameEvent | None = None
    ) -> list[BatchOutcome]:
        async def batch() -> list[BatchOutcome]:
            async with self.transaction() as db:
                return await self._write_batch(db, items, same_event)  # type: ignore[arg-type]

        outcomes = await self._written(batch)
        changes.documents_changed(self, [item.provenance.guild_id for item in items])
        if any(item.ex.new_actors for item in items):
            await self.reload_actors()
        return outcomes

    async def _written(self, write: Callable[[], Awaitable[T]]) -> T:
        """A document write (one document, or a bulk batch), written again from the start when PostgreSQL chose
        it as a deadlock's victim or could not serialize it (the whole transaction rolled back: nothing of it
        stays, and the other writer goes on), after a short random pause, at most WRITE_RETRIES times."""
        token = self._documents.set(True)
        try:
            for attempt in range(1, WRITE_RETRIES + 1):
                try:
                    return await write()
                except Exception as e:
                    if attempt == WRITE_RETRIES or not self._spoils_batch(e):
                        raise
                    log.info("a document write met another writer (%s); writing it again", _retry_cause(e))
                await asyncio.sleep(random.uniform(0.0, 0.05 * attempt))
            raise AssertionError("unreachable")
        finally:
            self._documents.reset(token)

    @staticmethod
    def _spoils_batch(error: Exception) -> bool:  # type: ignore[override]
        """A deadlock or serialization failure, raised through the adapter (its cause) or by psycopg directly."""
        return isinstance(error, RETRYABLE) or isinstance(error.__cause__, RETRYABLE)

    async def _read_candidates(self, db: Any, batch: clusters.Batch, items: Sequence[BatchItem]) -> None:  # type: ignore[override]
        """The locks of the order that matters, in one global order (so writers never wait in a cycle), then
        the stored events the items' events are compared with."""
        if self._documents.get():
            for key in order_keys(items):
                await db.conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (ORDER_LOCKS, key))
        await _reserve_ids(db, items)
        if batch.same_event is None:
            return
        # Not narrowed in SQL (as the SQLite bulk writer's kept candidates are not): PostgreSQL tested each stored
        # event's words against the batch's by decoding its JSON and comparing every pair (2.2 s of a batch's
        # 3 s at 300 articles); the comparisons skip what shares nothing anyway, from the words decoded here.
        members = [m for item in items for m in event_members([0] * len(item.ex.events), item.ex.events, int)]
        await batch.candidates.load(db, members, narrow=False)

    async def _new_ids(self, db: Any, table: str, n: int) -> list[int]:  # type: ignore[override]
        """The next n ids of the transaction's reserve (`_reserve_ids`), else of the table's sequence."""
        if n == 0:
            return []
        reserve = getattr(db, "reserved", {}).get(table)
        if reserve is not None and len(reserve) >= n:
            taken, reserve[:] = reserve[:n], reserve[n:]
            return taken
        cur = await db.conn.execute(f"SELECT nextval('newsdesk_ids_{table}') FROM generate_series(1, %s)", (n,))
        return sorted(int(row[0]) for row in await cur.fetchall())

    async def _write_index(self, db: Any, rows: list[tuple[int, str]], terms: dict[str, int]) -> None:  # type: ignore[override]
        await Store._write_index(db, rows, dict(sorted(terms.items())))  # term order: no waiting in a cycle

    TOKEN_TEXTS = "rowid, tokens FROM passage_fts"  # see Store.TOKEN_TEXTS

    async def first_matching(  # type: ignore[override]
        self,
        match: str,
        limit: int,
        join: str = "",
        scoped: str = "",
        params: Sequence[Any] = (),
        *,
        reads: int = 0,
        holders: int = 0,
    ) -> list[int]:
        """Store.first_matching, read in the table's order when that costs less than the GIN index (PAGES_PROBE)."""
        if not join and (found := await self._in_pages(match, limit, reads, holders)) is not None:
            return found
        return await super().first_matching(match, limit, join, scoped, params)

    async def _in_pages(self, match: str, limit: int, reads: int, holders: int) -> list[int] | None:
        """The first `limit` rows matching, in the table's order (a bitmap heap scan's), read page range by page
        range with each row checked; None when the GIN index is the cheaper read (PAGES_PROBE)."""
        if reads <= 0 or holders <= 0 or limit <= 0:
            return None
        rows, pages = await self._passages_size()
        budget = reads * PAGES_PROBE / PAGES_ROW_COST  # the rows a stage may read
        # the first stage: a third of the rows the pairs need as dense as they may be (a sparse OR is told early)
        go = limit * rows / min(holders, rows) * PAGES_MARGIN / 3 if rows else 0
        if not rows or not pages or go * 3 > budget:
            return None
        per_page = rows / pages
        query = to_tsquery(match)
        found: list[int] = []
        lo = 0
        for _ in range(PAGES_STAGES):
            hi = lo + int(go / per_page) + 1
            upper = " AND ctid < CAST(? AS tid)" if hi < pages else ""  # the last pages: to the end, new ones too
            got = await self.fetchall(
                "SELECT rowid FROM passage_fts WHERE ctid >= CAST(? AS tid)"
                f"{upper} AND newsdesk_positions(tsv, CAST(? AS tsquery)) LIMIT ?",
                (f"({lo},0)", *([f"({hi},0)"] if upper else []), query, limit - len(found)),
            )
            found += [int(r[0]) for r in got]
            if len(found) >= limit or not upper:
                return found
            read = hi * per_page
            if not found:
                return None
            go = (limit - len(found)) * read / len(found) * PAGES_MARGIN
            if go > budget:  # what was read is spent either way: the next stage against the index's cost
                return None
            lo = hi
        return None

    async def near_matches(  # type: ignore[override]
        self,
        match: str,
        holding: str,
        rows: int,
        limit: int,
        join: str = "",
        scoped: str = "",
        params: Sequence[Any] = (),
        held: int = 0,
    ) -> list[int]:
        """Store.near_matches in one statement: the GIN index has no positions, so the first `rows` passages
        holding the words are streamed from the index's bitmap and each is checked for positions, stopping at the
        `limit`th match or after `rows` rows, however many more hold the words (the check is the costly part:
        ~15-50 us a row with a NEAR's alternatives; an id list read back by the key costs a btree descent each).
        Words held by many passages (`held`) are read in rowid order when that pays (`holders_and_near`)."""
        if not join and (read := await self._in_order(holding, 0, match, rows, limit, held)) is not None:
            return read[1]
        found = await self.fetchall(
            f"SELECT h.rowid FROM (SELECT passage_fts.rowid, passage_fts.tsv FROM passage_fts{join}"
            f" WHERE passage_fts MATCH ?{scoped} LIMIT ?) AS h WHERE newsdesk_positions(h.tsv, CAST(? AS tsquery))"
            " LIMIT ?",
            (holding, *params, rows, to_tsquery(match), limit),
        )
        return [rowid for (rowid,) in found]

    async def holders_and_near(  # type: ignore[override]
        self,
        holding: str,
        first: int,
        match: str,
        rows: int,
        limit: int,
        join: str = "",
        scoped: str = "",
        params: Sequence[Any] = (),
        held: int = 0,
    ) -> tuple[list[int], list[int]]:
        """Store.holders_and_near in one statement: a GIN index lists every passage holding the words before any
        LIMIT (236,870 for two common words at 100k articles: ~100 ms), and the two reads listed them twice. The
        passages holding them are read once (a CTE, filled as its readers ask): its first `first`, then its rows
        checked for positions as `near_matches` checks them, stopping at the `limit`th match or after `rows`.
        Words held by many passages (`held`, see IN_ORDER_PROBE) are read in rowid order when that pays."""
        if not join and (found := await self._in_order(holding, first, match, rows, limit, held)) is not None:
            return found
        found = await self.fetchall(
            "WITH h AS MATERIALIZED (SELECT passage_fts.rowid, passage_fts.tsv FROM passage_fts"
            f"{join} WHERE passage_fts MATCH ?{scoped} LIMIT ?)"
            " SELECT * FROM (SELECT h.rowid, 0 AS near FROM h LIMIT ?) AS firsts"
            " UNION ALL SELECT * FROM (SELECT h.rowid, 1 AS near FROM h"
            " WHERE newsdesk_positions(h.tsv, CAST(? AS tsquery)) LIMIT ?) AS nears",
            (holding, *params, rows, first, to_tsquery(match), limit),
        )
        holders = [rowid for rowid, near in found if not near]
        return holders, ([rowid for rowid, near in found if near] if len(holders) >= first else [])

    async def _in_order(
        self, holding: str, first: int, match: str, rows: int, limit: int, held: int
    ) -> tuple[list[int], list[int]] | None:
        """`holders_and_near`'s answer read in rowid order by the key, in stages (IN_ORDER_PROBE); None when the
        GIN index is the cheaper read (the rarest word too rare, the words found too sparse together)."""
        reach = await self._in_order_probe(held, max(first, min(limit, rows)))
        if reach is None:
            return None
        probe, passages = reach
        holding_q, match_q = to_tsquery(holding), to_tsquery(match)
        holders: list[int] = []
        near: list[int] = []
        checked = 0  # holders checked for the NEAR so far (all of them in the rows read, while it is incomplete)
        # A read that reaches the highest id known goes on to the end: passages written since it was read are
        # among the holders the index would give.
        lo, hi = 0, (probe if probe < passages else ALL_ROWS)
        for _ in range(IN_ORDER_STAGES):
            want, left = first - len(holders), limit - len(near)
            budget = rows - checked  # holders the NEAR may still check
            found = await self.fetchall(
                "WITH h AS MATERIALIZED (SELECT passage_fts.rowid, passage_fts.tsv FROM passage_fts"
                " WHERE passage_fts.rowid > ? AND passage_fts.rowid <= ?"
                " AND newsdesk_positions(passage_fts.tsv, CAST(? AS tsquery)) ORDER BY passage_fts.rowid LIMIT ?),"
                " n AS MATERIALIZED (SELECT c.rowid FROM (SELECT h.rowid, h.tsv FROM h LIMIT ?) AS c"
                " WHERE newsdesk_positions(c.tsv, CAST(? AS tsquery)) LIMIT ?)"
                " SELECT * FROM (SELECT h.rowid, 0 AS near FROM h LIMIT ?) AS firsts"
                " UNION ALL SELECT n.rowid, 1 FROM n"
                " UNION ALL SELECT count(*), 2 FROM h WHERE (SELECT count(*) FROM n) < ?",
                (lo, hi, holding_q, max(want, budget), budget, match_q, left, want, left),
            )
            holders += [rowid for rowid, part in found if part == 0]
            near += [rowid for rowid, part in found if part == 1]
            # h was read whole (its rows in the range, up to its LIMIT) when the NEAR found fewer than it may:
            # then counted; else the NEAR is complete, and the holders, when fewer than wanted, are all of the range's.
            counted = next((n for n, part in found if part == 2), 0) if len(near) < limit else None
            if counted is not None:
                checked += min(counted, budget)
            done_near = len(near) >= limit or checked >= rows
            if hi >= passages or (len(holders) >= first and done_near):
                return holders, (near if len(holders) >= first else [])
            seen = checked if counted is not None else len(holders)  # holders in the rows read so far
            if not seen:
                return None
            need = first - len(holders)  # more holders to read
            if not done_near:
                # as many as the NEAR needs at the rate it matched so far (all it may check, when none matched)
                more = (limit - len(near)) * checked // len(near) + 1 if near else rows - checked
                need = max(need, min(more, rows - checked))
            go = int(need * hi / seen * IN_ORDER_MARGIN) + 1  # rows in order for them, at the density read so far
            if go * IN_ORDER_COST >= held:
                return None
            lo, hi = hi, (hi + go if hi + go < passages else ALL_ROWS)
        return None

    async def _highest_rowid(self) -> int:
        """The passages' highest id, read at most once every PASSAGES_SEEN_SECONDS (a read in order goes past it)."""
        return (await self._passages_size())[0]

    async def _passages_size(self) -> tuple[int, int]:
        """(the passages' highest id, their table's pages), read at most once every PASSAGES_SEEN_SECONDS."""
        seen_at, *size = getattr(self, "_passages_seen", (0.0, 0, 0))
        if asyncio.get_running_loop().time() - seen_at > PASSAGES_SEEN_SECONDS:
            row = await self.fetchone(
                "SELECT coalesce(max(rowid), 0) AS n,"
                " pg_relation_size('passage_fts') / current_setting('block_size')::bigint AS pages FROM passage_fts"
            )
            size = [int(row["n"]), int(row["pages"])] if row else [0, 0]
            self._passages_seen = (asyncio.get_running_loop().time(), *size)
        return size[0], size[1]

    async def common_words(self) -> frozenset[str]:
        """The lexemes of the words more than COMMON_SHARE of the passages hold, read at most once every
        PASSAGES_SEEN_SECONDS."""
        seen_at, words = getattr(self, "_common_seen", (float("-inf"), frozenset()))
        now = asyncio.get_running_loop().time()
        if now - seen_at > PASSAGES_SEEN_SECONDS:
            self._common_seen = (now, words)  # read once at a time (and not from within the read)
            top = await self._highest_rowid()
            rows = await super().fetchall("SELECT term FROM term_df WHERE doc > ?", (int(top * COMMON_SHARE),))
            words = frozenset(lexeme(str(r[0])) for r in rows)
            self._common_seen = (now, words)
        return words

    @contextlib.asynccontextmanager
    async def _full_text(self, sql: str) -> AsyncIterator[None]:
        """Around a full-text statement: its index read without the common words (COMMON_SHARE)."""
        if "MATCH" not in sql:
            yield
            return
        token = COMMON_WORDS.set(await self.common_words())
        try:
            yield
        finally:
            COMMON_WORDS.reset(token)

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:  # type: ignore[override]
        async with self._full_text(sql):
            return await super().fetchall(sql, params)

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Any:  # type: ignore[override]
        async with self._full_text(sql):
            return await super().fetchone(sql, params)

    async def newest_matching(self, match: str, limit: int) -> list[int] | None:  # type: ignore[override]
        """Store.newest_matching in stages from the newest rowid down (NEWEST_STAGES): the holders of each range
        of the key, read through the index's bitmap ANDed with the range, so a passage's row is read only when it
        holds the query and lies in the range, not for every holder in the store. The first range reaches back
        as far as the planner's estimate of the holders says `limit` of them lie (NEWEST_MARGIN times), each next
        one as far as the density found says the rest lie; the first range is open above (passages written since
        the highest id was read are among the newest) and the last reaches the first passage."""
        top = await self._highest_rowid()
        plan = await self.fetchall("EXPLAIN SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?", (match,))
        estimated = _ESTIMATED_ROWS.search(str(plan[0][0])) if plan else None
        holders = max(1, int(estimated.group(1))) if estimated else 1
        span = int(limit * top / holders * NEWEST_MARGIN) + 1
        if span <= NEWEST_DIRECT_ROWS or holders <= NEWEST_FEW * limit:
            return None  # dense: newest first by the key, stopping at the limit; few: every holder's row, few anyway
        found: list[int] = []
        hi = ALL_ROWS
        lo = top - span
        for stage in range(NEWEST_STAGES):
            if stage == NEWEST_STAGES - 1 or lo <= 0:
                lo = 0
            rows = await self.fetchall(
                "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? AND rowid > ? AND rowid <= ?", (match, lo, hi)
            )
            found += sorted((int(r[0]) for r in rows), reverse=True)
            if len(found) >= limit or lo == 0:
                return found[:limit]
            read = top - lo  # the rows of the ranges read so far (those past `top` aside)
            hi, lo = lo, lo - (int((limit - len(found)) * read / len(found) * NEWEST_MARGIN) + 1 if found else top)
        return found[:limit]

    async def _in_order_probe(self, held: int, wanted: int) -> tuple[int, int] | None:
        """(the rows a first read in order covers, the passages' highest id) when words whose rarest `held`
        passages hold may be read in order more cheaply than through the GIN index (IN_ORDER_PROBE), else None."""
        if held <= 0:
            return None
        passages = await self._highest_rowid()
        probe = int(held * IN_ORDER_PROBE / IN_ORDER_COST) if IN_ORDER_COST else passages
        if probe * held < wanted * passages:  # the wanted holders lie past the probe even as dense as the rarest
            return None
        return probe, passages

    async def bulk_index_settings(self, bulk: bool) -> None:
        """Nothing to tune: a GIN index has no FTS5 segments to merge (its pending list is flushed by VACUUM)."""
        await asyncio.sleep(0)


async def _configure(conn: psycopg.AsyncConnection) -> None:
    configure(conn)
    await conn.execute(f"SET random_page_cost = {RANDOM_PAGE_COST}")


RETRYABLE = (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure)


def _retry_cause(error: Exception) -> str:
    return type(error if isinstance(error, RETRYABLE) else error.__cause__).__name__


def order_keys(items: Sequence[BatchItem]) -> list[int]:
    """The order locks a document write takes, ascending: 0 when it discovers actors, and YYYYMM for each month
    its events' clustering reads (an event's day, the day before and after, for the other time zone's day)."""
    keys = {0} if any(item.ex.new_actors for item in items) else set()
    for item in items:
        for event in item.ex.events:
            text = event.date or ""
            try:
                day = date.fromisoformat(text[:10])
            except ValueError:
                if len(text) >= 7 and text[:4].isdigit() and text[5:7].isdigit():
                    keys.add(int(text[:4]) * 100 + int(text[5:7]))
                continue
            for d in (day - timedelta(days=1), day, day + timedelta(days=1)):
                keys.add(d.year * 100 + d.month)
    return sorted(keys)


RESERVED = ("passages", "events")  # the tables whose ids a document write takes by the block (`_new_ids`)


async def _reserve_ids(db: PgDB, items: Sequence[BatchItem]) -> None:
    """The ids every document of the transaction will take for its passages and events, from their sequences in
    one statement (a document's own statements then ask for none): exactly as many as they need, in order, so
    the ids are those document-by-document requests would have taken when no other writer takes any meanwhile."""
    wanted = {
        "passages": sum(len(item.parsed.passages) for item in items),
        "events": sum(len(item.ex.events) for item in items),
    }
    if not any(wanted.values()):
        return
    cur = await db.conn.execute(
        " UNION ALL ".join(
            f"SELECT {i}, n, nextval('newsdesk_ids_{table}') FROM generate_series(1, %s) AS g(n)"
            for i, table in enumerate(RESERVED)
        )
        + " ORDER BY 1, 2",
        [wanted[table] for table in RESERVED],
    )
    reserved: dict[str, list[int]] = {table: [] for table in RESERVED}
    for i, _, value in await cur.fetchall():
        reserved[RESERVED[i]].append(int(value))
    db.reserved = {table: sorted(ids) for table, ids in reserved.items()}  # type: ignore[attr-defined]


async def _id_sequences(db: PgDB) -> None:
    """Each id table's sequence, made (starting after its largest id) where it is missing; the id trigger's
    function that reads them. Under the writers' exclusive lock: no id is taken meanwhile."""
    for table in sorted(ID_TABLES):
        cur = await db.conn.execute(
            "SELECT to_regclass(%s) IS NOT NULL, to_regclass(%s) IS NOT NULL", (table, f"newsdesk_ids_{table}")
        )
        row = await cur.fetchone()
        if row is not None and row[0] and not row[1]:
            for statement in id_sequence(table):
                await db.conn.execute(statement)
    await db.conn.execute(NEXT_ID_FUNCTION)
