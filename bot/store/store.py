"""The store: one SQLite file (WAL, foreign keys on) behind aiosqlite.

A document and everything derived from it are written in one transaction, so a crash in the
middle leaves the store as it was before.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import re
import sqlite3
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from bot.actors import ActorEntry, ActorIndex, load_registry_file, shared_index
from bot.instants import utcnow
from bot.models import DocumentInfo, ParsedDocument
from bot.rows import EventRow, Extraction, NewActor, Provenance
from bot.store import changes, cluster_views, clusters, failures
from bot.store.claims import write_claims
from bot.store.clusters import Joined, Member, SameEvent
from bot.store.dialect import is_database_url
from bot.store.duplicates import duplicate_queries, stored_key
from bot.store.generations import next_generation, unknown_aliases
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION, STORED_FAILURES_SCHEMA
from bot.store.syncdb import SyncDB
from bot.text import kanji_spellings, name_form
from bot.user_errors import SaidError

log = logging.getLogger(__name__)
T = TypeVar("T")


# Run in aiosqlite's thread on its sqlite3 connection (never the aiosqlite Connection itself: the thread keeps the
# last function it ran until the next arrives, and holding the Connection there kept it from being collected — a
# store left unclosed then kept its thread, and the process, from ending).
def _first_row(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> aiosqlite.Row | None:
    """The statement's first row, its cursor closed (an open one holds the read transaction, and the next COMMIT
    waits on it)."""
    cursor = conn.execute(sql, params)
    try:
        return cursor.fetchone()
    finally:
        cursor.close()


def _all_rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[aiosqlite.Row]:
    cursor = conn.execute(sql, params)
    try:
        return cursor.fetchall()
    finally:
        cursor.close()


class StoreError(SaidError):
    """The database cannot be opened or used: a code of the locale files (section "errors", `store.*`) and its
    parameters, said by each front end in its reader's language."""


# How long a writer waits for another process's write lock before it gives up with a clear message
# (never silently: the document is not lost, the caller says it was not stored). SQLite's own busy
# handler waits BUSY_MS per attempt; the attempts repeat until LOCK_WAIT_SECONDS have passed.
LOCK_WAIT_SECONDS = 120.0
BUSY_MS = 5000


def _busy_ms(busy_ms: int, lock_wait: float) -> int:
    """SQLite's busy wait per attempt, never longer than the whole wait: a `lock_wait` of 1 s (NEWSDESK_LOCK_WAIT)
    gave up after BUSY_MS, 5 s, its first attempt's busy wait."""
    return min(int(busy_ms), max(1, int(lock_wait * 1000)))


# FTS5 merges index segments when this many share a level: its default, and the bulk path's.
DEFAULT_AUTOMERGE = 4
BULK_AUTOMERGE = 8
# FTS5 flushes its pending terms to a new segment when they pass this many bytes (its default 1 MB),
# besides at every commit; a bulk batch's terms are larger: one segment per batch instead of several.
DEFAULT_HASHSIZE = 1024 * 1024
BULK_HASHSIZE = 64 * 1024 * 1024
KEPT_CANDIDATES = 100_000  # clustering candidates the bulk writer keeps between batches, at most (~200 MB)
MERGE_SECONDS = 120.0  # the most the end of a bulk run spends merging the index's segments


def describe_sqlite_error(path: str, e: sqlite3.Error) -> StoreError:
    """The error to tell a user about a database that cannot be used, naming the likely cause (the library's
    own text is a parameter: English readers see it, the Japanese sentence names the cause alone)."""
    text = str(e)
    low = text.lower()
    if "malformed" in low or "not a database" in low or "file is encrypted" in low:
        return StoreError("store.damaged", path=path, detail="", detail_en=text)
    if "readonly" in low or "read-only" in low:
        return StoreError("store.read_only", path=path)
    if "locked" in low or "busy" in low:
        return StoreError("store.busy", path=path)
    if "unable to open" in low:
        return StoreError("store.cannot_open", path=path)
    if "disk is full" in low or "disk i/o" in low:
        return StoreError("store.cannot_write", path=path, detail="", detail_en=text)
    return StoreError("store.cannot_use", path=path, detail="", detail_en=text)


# A caller's own row that belongs with a document (a feed item's record): written in the document's transaction
# (inside its savepoint in a batch) with the document's id, so that a stop or a crash leaves both or neither.
WithDocument = Callable[[Any, int], Awaitable[None]]


INSERT_DOCUMENT = (
    "INSERT INTO documents(name, title, url, outlet, published, language, origin, author, content_hash,"
    " added_at, added_by, guild_id, quiet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def document_row(parsed: ParsedDocument, content_hash: str, provenance: Provenance) -> tuple[Any, ...]:
    """A document's row as `INSERT_DOCUMENT` writes it, stamped now: the writer's, and the bench fill's copies'."""
    return (
        parsed.name,
        parsed.title,
        parsed.url,
        parsed.outlet,
        parsed.published,
        parsed.language,
        parsed.origin,
        parsed.author,
        stored_key(content_hash, provenance.guild_id),
        utcnow(),
        provenance.added_by,
        provenance.guild_id or 0,
        int(provenance.quiet),
    )


class _PartlyWritten(Exception):
    """A bulk batch's document failed after writing some of its rows, written without savepoints: the batch is
    rolled back and written again with one per document (`Store._write_batch_in_thread`)."""


@dataclass(slots=True)
class BatchItem:
    """One document of a bulk write, with who added it and whether it is announced."""

    parsed: ParsedDocument
    ex: Extraction
    provenance: Provenance = field(default_factory=Provenance)  # who added it, for which server, quiet or not
    terms: dict[str, int] | None = None  # `term_counts(ex.tokens)`, when counted already (in a bulk worker)
    with_document: WithDocument | None = None  # the caller's row written with it (db, document id)


@dataclass(slots=True)
class BatchOutcome:
    """What became of one document of a bulk write: stored, a duplicate, or refused with a reason."""

    document_id: int | None
    new_actors: list[str]
    duplicate_of: int | None = None
    error: str | None = None


class Store:
    def __init__(self, conn: aiosqlite.Connection, path: str, lock_wait: float = LOCK_WAIT_SECONDS):
        self.conn = conn
        self.path = path
        self.actors = ActorIndex([])
        self.lock_wait = lock_wait
        # Every write of this process goes through this one connection, one transaction at a time:
        # the lock is the writer's queue (asyncio.Lock wakes its waiters first come, first served).
        self._write_lock = asyncio.Lock()
        self._bulk: sqlite3.Connection | None = None  # the bulk writer's own connection, opened on first use
        # The bulk writer's clustering candidates, kept from batch to batch while no other connection writes
        # (`PRAGMA data_version` unchanged): a batch reads only the days and months no batch read before.
        self._bulk_candidates: clusters.Candidates | None = None
        self._bulk_version: int | None = None

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    async def open(cls, path: str | Path, *, lock_wait: float = LOCK_WAIT_SECONDS, busy_ms: int = BUSY_MS) -> Store:
        """Open (creating folders and file as needed), migrate, and load the actor registry.

        Several processes may open the same new file at once: the schema is created by whichever
        takes the write lock first, and the others find it done (see `_migrate`).
        """
        path = str(path)
        if is_database_url(path):  # PostgreSQL is PgStore's: bot/store/backend.py chooses between them
            raise ValueError("Store.open takes an SQLite path; open a database URL with open_backend()")
        if path != ":memory:":
            p = Path(path)
            if p.exists() and not p.is_file():
                raise StoreError("store.not_a_file", path=path)
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(
                    "store.cannot_create_folder", folder=str(p.parent), detail="", detail_en=e.strerror or str(e)
                ) from e
        pending = aiosqlite.connect(path, isolation_level=None)
        try:
            conn = await pending
        except sqlite3.Error as e:
            # aiosqlite's worker thread outlives a failed connect; stop it while the loop still runs,
            # or it reports to a closed loop at exit.
            stopped = pending.stop()
            if stopped is not None:
                await stopped
            raise describe_sqlite_error(path, e) from e
        store = cls(conn, path, lock_wait)
        try:
            conn.row_factory = aiosqlite.Row
            async with conn.execute(f"PRAGMA busy_timeout = {_busy_ms(busy_ms, lock_wait)}"):
                pass
            await store._refuse_newer()  # before anything writes to a file a newer release owns
            for pragma in (
                "foreign_keys = ON",
                "synchronous = NORMAL",
                *(("journal_mode = WAL",) if path != ":memory:" else ()),
            ):
                # Some PRAGMAs return a row; an unclosed cursor would block the first COMMIT.
                async with conn.execute(f"PRAGMA {pragma}"):
                    pass
            await store._migrate()
            await store._sync_registry()
        except sqlite3.Error as e:
            await conn.close()
            raise describe_sqlite_error(path, e) from e
        except BaseException:
            await conn.close()
            raise
        return store

    async def close(self) -> None:
        if self._bulk is not None:
            self._bulk.close()
            self._bulk = None
        await self.conn.close()

    async def _refuse_newer(self) -> None:
        version = (await self.fetchone("PRAGMA user_version"))[0]
        if version > SCHEMA_VERSION:
            raise StoreError("store.newer", path=self.path, version=version, supported=SCHEMA_VERSION)

    async def _migrate(self) -> None:
        version = (await self.fetchone("PRAGMA user_version"))[0]
        for number in range(version, SCHEMA_VERSION):
            async with self.transaction() as db:
                # Another process may have run this step while we waited for the lock: read the
                # version again under the lock and skip what is done.
                if (await self.fetchone("PRAGMA user_version"))[0] > number:
                    continue
                await self._run_script(MIGRATIONS[number])
                if number + 1 == SCHEMA_VERSION and version < clusters.TABLES_SINCE_SCHEMA:
                    await cluster_views.rebuild_all(db)
                if number + 1 == SCHEMA_VERSION:  # the server views the migration only counted
                    await cluster_views.fill_missing(db)
                if number + 1 == STORED_FAILURES_SCHEMA:  # English sentences of older versions: codes
                    await failures.store_codes(db)
                await self.conn.execute(f"PRAGMA user_version = {number + 1}")
            log.info("database %s migrated to schema %d", self.path, number + 1)

    async def _run_script(self, script: str) -> None:
        # executescript() would COMMIT first; run statement by statement inside our transaction instead.
        for statement in split_sql(script):
            await self.conn.execute(statement)

    async def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another process's write lock up to `lock_wait` seconds."""
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                self._still_waiting(e, deadline)
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                # aiosqlite's thread runs the BEGIN whether or not this task still waits for it: a ROLLBACK queued
                # behind it ends what it began (nothing, if it failed), or the connection would stay inside a
                # transaction no one ends, every later write of the process refused and the file locked.
                with contextlib.suppress(sqlite3.Error):
                    await asyncio.shield(self.conn.execute("ROLLBACK"))
                raise

    def _still_waiting(self, e: sqlite3.OperationalError, deadline: float) -> None:
        """Re-raise what is not another process's lock; give up with one clear line past the deadline."""
        if "locked" not in str(e).lower() and "busy" not in str(e).lower():
            raise e
        if time.monotonic() >= deadline:
            raise StoreError("store.locked", path=self.path, seconds=self.lock_wait) from e
        log.warning("database %s is locked by another process; still waiting", self.path)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (including cancellation)."""
        async with self._write_lock:
            await self._begin()
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")

    # Jobs, leases and claims (bot/store/jobs.py): SQLite's write lock already gives one claimer at a time.
    skip_locked = ""
    shared = False  # a store several processes share (PostgreSQL): ingestion may go to a worker process

    def queue_transaction(self) -> Any:
        """A transaction for the job queue's short writes (PostgreSQL: without the writers' lock)."""
        return self.transaction()

    # --- small helpers -----------------------------------------------------------------------

    # On SQLite each read is one trip to aiosqlite's thread: the statement run, its rows read and its cursor
    # closed there at once. Through aiosqlite's cursor (`async with conn.execute(...)`, then `fetchone`) they were
    # three trips, each a hand-over between the event loop and the thread and back (measured: 112 against 38 µs of
    # CPU per read; the floors' queries make ~650 reads per story). PostgreSQL's pool (PgStore) reads through
    # the same cursor interface as before.

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> aiosqlite.Row | None:
        conn = self.conn
        if isinstance(conn, aiosqlite.Connection) and conn._connection is not None:
            return await conn._execute(_first_row, conn._connection, sql, params)
        async with conn.execute(sql, params) as cur:  # PostgreSQL, or a closed connection's error as before
            return await cur.fetchone()

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[aiosqlite.Row]:
        conn = self.conn
        if isinstance(conn, aiosqlite.Connection) and conn._connection is not None:
            return await conn._execute(_all_rows, conn._connection, sql, params)
        async with conn.execute(sql, params) as cur:
            return list(await cur.fetchall())

    # Where the passages' indexed tokens are read by rowid (`search.passage_token_texts`): FTS5's own content table
    # (its rows as written, a B-tree keyed by the rowid). Asked through the FTS5 table, each id of `rowid IN (…)`
    # opened a cursor of its own: 700 passages, 7 ms against 0.7 (a `--about` target with an English word, quote
    # coverage). PostgreSQL's passage_fts is a table with its own `tokens` column (bot/store/pgstore.py).
    TOKEN_TEXTS = "id AS rowid, c0 AS tokens FROM passage_fts_content"

    def passage_scope(self, guild_id: int | None) -> tuple[str, str, tuple[int, ...]]:
        """What narrows a read of passage_fts to the passages of the documents `guild_id` sees (its own and the
        shared ones): a join, a condition and its parameters; nothing for None (every server's). FTS5 drives the
        join, so the matches come in rowid order, each one's document read from the index of (id, document_id)
        alone (migration 17). On PostgreSQL the planner chooses the join's order, and with more matches than the
        LIMIT it can keep others than FTS5 (tests/test_search.py: a known difference, not yet fixed)."""
        if guild_id is None:
            return "", "", ()
        join = (
            " JOIN passages p INDEXED BY passages_document_of ON p.id = passage_fts.rowid"
            " JOIN documents d ON d.id = p.document_id"
        )
        return join, " AND d.guild_id IN (0, ?)", (guild_id,)

    async def first_matching(
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
        """The first `limit` passage ids (rowid order) matching the FTS5 query; `join` and `scoped` (with its
        `params`) narrow them to a server's passages. `reads`, `holders`: the postings an index read of the query
        costs and at most how many passages match (`search._pairs_cost`; 0 when unknown): FTS5 needs no hint,
        PostgreSQL chooses its read by them (bot/store/pgstore.py)."""
        del reads, holders
        rows = await self.fetchall(
            f"SELECT passage_fts.rowid FROM passage_fts{join} WHERE passage_fts MATCH ?{scoped} LIMIT ?",
            (match, *params, limit),
        )
        return [rowid for (rowid,) in rows]

    async def near_matches(
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
        """Passage ids that match the FTS5 query `match` among the first `rows` (in rowid order) matching
        `holding` (words every passage `match` finds holds), at most `limit`, in rowid order. `join` and `scoped`
        (with its `params`) narrow both to a server's passages. `held`: as `holders_and_near`'s.

        FTS5 checks positions in its index: the last of those passages' rowid bounds the query, a range FTS5
        reads itself (bot/store/pgstore.py streams the rows instead)."""
        bound = await self.fetchone(
            f"SELECT max(r) AS m FROM (SELECT passage_fts.rowid AS r FROM passage_fts{join}"
            f" WHERE passage_fts MATCH ?{scoped} LIMIT ?)",
            (holding, *params, rows),
        )
        if bound is None or bound["m"] is None:
            return []
        found = await self.fetchall(
            f"SELECT passage_fts.rowid FROM passage_fts{join} WHERE passage_fts MATCH ? AND passage_fts.rowid <= ?"
            f"{scoped} LIMIT ?",
            (match, bound["m"], *params, limit),
        )
        return [rowid for (rowid,) in found]

    async def newest_matching(self, match: str, limit: int) -> list[int] | None:
        """The `limit` newest passages (highest rowids) matching the FTS5 query, newest first, when this backend reads
        them apart from the statement that uses them; None here: FTS5 reads its doclists from the end and stops at
        the limit inside the statement (`ORDER BY rowid DESC LIMIT ?`). PostgreSQL reads them in stages
        (bot/store/pgstore.py)."""
        del match, limit
        return None

    async def holders_and_near(
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
        """The first `first` passages (rowid order) matching `holding`, and, when there are that many,
        `near_matches(match, holding, rows, limit, …)` (else none): a quote's rarest words, then their NEAR among
        the first passages holding them, when too many hold them. Here two reads, each stopping at its limit;
        PostgreSQL reads the passages holding the words once for both (bot/store/pgstore.py). `held`: how many
        passages hold the rarest of the words (`term_df`), at most as many as hold them all (PostgreSQL chooses
        its read by it; FTS5 needs no hint)."""
        found = await self.fetchall(
            f"SELECT passage_fts.rowid FROM passage_fts{join} WHERE passage_fts MATCH ?{scoped} LIMIT ?",
            (holding, *params, first),
        )
        holders = [rowid for (rowid,) in found]
        if len(holders) < first:
            return holders, []
        return holders, await self.near_matches(match, holding, rows, limit, join, scoped, params, held)

    async def get_meta(self, key: str) -> str | None:
        row = await self.fetchone("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    async def set_meta(self, key: str, value: str) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?",
                (key, value, value),
            )

    # --- actors --------------------------------------------------------------------------------

    async def _sync_registry(self) -> None:
        """Copy the shipped registry into the database (new actors and aliases only), then index it."""
        registry = load_registry_file()
        digest = hashlib.sha256(json.dumps(registry, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
        if await self.get_meta("registry_digest") != digest:
            now = utcnow()
            async with self.transaction() as db:
                generation = await next_generation(db)  # what it teaches, learned at one generation
                for a in registry:
                    await db.execute(
                        "INSERT INTO actors(name, name_en, kind, description, origin, added_at, generation)"
                        " VALUES (?, ?, ?, ?, 'registry', ?, ?)"
                        " ON CONFLICT(name) DO UPDATE SET name_en = excluded.name_en, kind = excluded.kind,"
                        " description = excluded.description",
                        (a["name"], a.get("name_en"), a.get("kind", "person"), a.get("description"), now, generation),
                    )
                    row = await (await db.execute("SELECT id FROM actors WHERE name = ?", (a["name"],))).fetchone()
                    await db.executemany(
                        "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, generation) VALUES (?, ?, ?)",
                        [(row[0], alias, generation) for alias in a.get("aliases", [])],
                    )
                await db.execute(
                    "INSERT INTO meta(key, value) VALUES ('registry_digest', ?) ON CONFLICT(key) DO UPDATE SET value = ?",
                    (digest, digest),
                )
        await self.reload_actors()

    async def reload_actors(self) -> None:
        """The actor index of the stored actors, each with the generation it was learned at and the aliases it
        learned after it with theirs (`bot/store/generations.py`)."""
        rows = await self.fetchall("SELECT id, name, name_en, kind, description, generation FROM actors ORDER BY id")
        since = {r["id"]: r["generation"] or r["id"] for r in rows}
        aliases: dict[int, list[str]] = {}
        learned: dict[int, dict[str, int]] = {}
        for r in await self.fetchall("SELECT actor_id, alias, generation FROM actor_aliases"):
            aliases.setdefault(r["actor_id"], []).append(r["alias"])
            if r["generation"] > since.get(r["actor_id"], 0):
                learned.setdefault(r["actor_id"], {})[r["alias"]] = r["generation"]
        self.actors = shared_index(
            [
                ActorEntry(
                    r["id"],
                    r["name"],
                    r["name_en"],
                    r["kind"],
                    sorted(aliases.get(r["id"], [])),
                    r["description"],
                    since[r["id"]],
                    learned.get(r["id"], {}),
                )
                for r in rows
            ]
        )

    # --- documents -----------------------------------------------------------------------------

    async def find_duplicate(self, content_hash: str, url: str | None, guild_id: int | None = None) -> int | None:
        """A stored document the server `guild_id` sees (its own or shared) with this content or URL."""
        for sql, params in duplicate_queries(content_hash, url, guild_id):
            row = await self.fetchone(sql, params)
            if row is not None:
                return row[0]
        return None

    async def add_document(
        self,
        parsed: ParsedDocument,
        ex: Extraction,
        *,
        provenance: Provenance | None = None,
        same_event: SameEvent | None = None,
        with_document: WithDocument | None = None,
        _fail_after: str | None = None,
    ) -> tuple[int, list[str]]:
        """Write a document and everything derived from it in one transaction.

        Each event joins the cluster of an already stored event that `same_event` says reports the
        same thing (same date; a month-precision event may join a day in that month).
        Returns (document id, names of actors the document added to the registry).
        Raises sqlite3.IntegrityError when the same content or URL is already stored.
        `with_document` writes the caller's row of it in the same transaction (BatchItem).
        `_fail_after` lets tests crash the write at a named step to prove the rollback.
        """
        item = BatchItem(parsed, ex, provenance or Provenance(), with_document=with_document)
        # Counting a large upload's terms takes a noticeable share of a second: not on the event loop.
        terms = await asyncio.to_thread(term_counts, ex.tokens)
        batch = clusters.Batch(same_event)
        async with self.transaction() as db:
            await self._read_candidates(db, batch, [item])
            doc_id, new_names, passage_ids, joined = await self._write_document(db, item, batch, _fail_after)
            batch.written(joined, item.provenance.guild_id or 0)
            views = cluster_views.touched(batch.groups)
            views |= await batch.finish(db)
            await cluster_views.refresh(db, views)
            await self._write_index(db, list(zip(passage_ids, ex.tokens, strict=True)), terms)
            if _fail_after == "index":
                raise RuntimeError("simulated crash after the index")
        changes.documents_changed(self, [item.provenance.guild_id])
        if ex.new_actors:
            await self.reload_actors()
        return doc_id, new_names

    async def add_documents(
        self, items: Sequence[BatchItem], *, same_event: SameEvent | None = None
    ) -> list[BatchOutcome]:
        """Write many documents in one transaction, each inside its own SAVEPOINT (the bulk path).

        A document that cannot be written (the same content or URL already stored, or any other
        error) is rolled back to its savepoint alone and reported; the others stay in the batch. The
        full-text rows and term counts of the batch's documents are written once, after the last
        savepoint (FTS5 flushes its pending segment at every savepoint, so writing them inside would
        make a segment per document), in the same transaction: a crash anywhere loses the whole
        batch and nothing else, so every committed document is whole.

        A file database is written from one worker thread on a second connection (`SyncDB`), so the
        batch costs no thread hop per statement; the store's write lock is held meanwhile.
        """
        if self.path == ":memory:":  # one connection only: the async path
            async with self.transaction() as db:
                outcomes = await self._write_batch(db, items, same_event)
        else:
            async with self._write_lock:
                outcomes = await _finished(asyncio.to_thread(self._write_batch_in_thread, items, same_event))
        changes.documents_changed(self, [item.provenance.guild_id for item in items])
        if any(item.ex.new_actors for item in items):
            await self.reload_actors()
        return outcomes

    async def bulk_index_settings(self, bulk: bool) -> None:
        """FTS5 merge settings for a bulk run, and back.

        During a run each batch's commit writes one index segment (the pending terms' cap raised so
        that a batch's fit); merging them 8 at a time instead of FTS5's default 4 rewrites the index
        fewer times (measured on 3,000 articles' passages: 0.48 ms per article instead of 0.62). At the end the default comes back and the
        segments are merged incrementally (FTS5 `merge`, 2,000 pages a step, each step its own short
        transaction so the bot's writers interleave) until nothing is left to merge or `MERGE_SECONDS`
        pass; automerge goes on from there with later writes.
        """
        self._bulk_candidates = None  # a run starts and ends with none kept
        async with self.transaction() as db:
            for setting, value in (
                ("automerge", BULK_AUTOMERGE if bulk else DEFAULT_AUTOMERGE),
                ("hashsize", BULK_HASHSIZE if bulk else DEFAULT_HASHSIZE),
            ):
                await db.execute("INSERT INTO passage_fts(passage_fts, rank) VALUES (?, ?)", (setting, value))
        if bulk:
            return
        deadline = time.monotonic() + MERGE_SECONDS
        while time.monotonic() < deadline:
            async with self.transaction() as db:
                before = self.conn.total_changes
                await db.execute("INSERT INTO passage_fts(passage_fts, rank) VALUES ('merge', 2000)")
                # FTS5 counts at least two changes when the merge found work to do.
                if self.conn.total_changes - before < 2:
                    break

    def _bulk_connection(self) -> sqlite3.Connection:
        if self._bulk is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            # A larger page cache than SQLite's 2 MB default keeps the indexes a batch updates in
            # memory as the store grows; checkpointing every 10,000 pages (40 MB) instead of 1,000
            # copies a page the batches keep rewriting (index and FTS segment pages) once, not ten times.
            # Temporary b-trees (sorts, FTS5 merges) stay in memory; reads of a large file go through a
            # memory map rather than a read() per page.
            for pragma in (
                f"busy_timeout = {_busy_ms(BUSY_MS, self.lock_wait)}",
                "foreign_keys = ON",
                "synchronous = NORMAL",
                "cache_size = -65536",
                "wal_autocheckpoint = 10000",
                "temp_store = MEMORY",
                "mmap_size = 1073741824",
            ):
                conn.execute(f"PRAGMA {pragma}").close()
            self._bulk = conn
        return self._bulk

    def _write_batch_in_thread(self, items: Sequence[BatchItem], same_event: SameEvent | None) -> list[BatchOutcome]:
        """The batch in one transaction, first without a SAVEPOINT per document: a document refused before it
        wrote a row (its own row refused: the same content or URL stored) needs none, and SQLite's savepoints
        cost each document its statement journal (every page it changes copied first) and a RELEASE. A
        document that fails after writing rows (`_PartlyWritten`) sends the whole batch back, rolled back, to
        be written again with a savepoint per document: the same documents refused, the same rows kept."""
        conn = self._bulk_connection()
        for savepoints in (False, True):
            self._begin_immediate(conn)
            candidates = self._kept_candidates(conn, same_event)
            try:
                # The write code awaits SyncDB, which never suspends: a private loop runs it in this thread.
                outcomes = asyncio.run(
                    self._write_batch(SyncDB(conn), items, same_event, candidates, savepoints=savepoints)  # type: ignore[arg-type]
                )
            except BaseException as e:
                self._bulk_candidates = None  # they may hold the rolled-back batch's events
                conn.execute("ROLLBACK")
                if isinstance(e, _PartlyWritten):
                    continue
                raise
            conn.execute("COMMIT")
            self._bulk_version = _data_version(conn)
            return outcomes
        raise AssertionError("a batch written with savepoints never asks for them")  # pragma: no cover

    def _begin_immediate(self, conn: sqlite3.Connection) -> None:
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                self._still_waiting(e, deadline)
                time.sleep(0.05)

    def _kept_candidates(self, conn: sqlite3.Connection, same_event: SameEvent | None) -> clusters.Candidates:
        """The candidates the last batch left, when they still say what the store holds (no other connection
        committed since), else a fresh set to fill and keep. Grown past KEPT_CANDIDATES, the units least
        recently needed are forgotten down to three quarters of it (`Candidates.trim`)."""
        kept = self._bulk_candidates
        if kept is None or _data_version(conn) != self._bulk_version:
            kept = self._bulk_candidates = clusters.Candidates(same_event, kept=True)
        elif kept.size > KEPT_CANDIDATES:
            kept.trim(KEPT_CANDIDATES * 3 // 4)
        return kept

    async def _write_batch(
        self,
        db: aiosqlite.Connection,
        items: Sequence[BatchItem],
        same_event: SameEvent | None,
        candidates: clusters.Candidates | None = None,
        *,
        savepoints: bool = True,
    ) -> list[BatchOutcome]:
        """The batch's documents, each in a SAVEPOINT (`savepoints`), or, on SQLite's bulk connection, none: a
        document whose failure wrote no row is refused as it would be, one that had written rows raises
        `_PartlyWritten` (`_write_batch_in_thread` writes the batch again with savepoints)."""
        outcomes: list[BatchOutcome] = []
        fts_rows: list[tuple[int, str]] = []
        terms: dict[str, int] = {}
        views: set[int] = set()
        batch = clusters.Batch(same_event, candidates)
        await self._read_candidates(db, batch, items)
        changes = db.conn if not savepoints else None  # SyncDB's connection: its count of rows written
        for item in items:
            if changes is None:
                await db.execute("SAVEPOINT document")
            else:
                before = changes.total_changes
            try:
                doc_id, new_names, passage_ids, joined = await self._write_document(db, item, batch, None)
            except Exception as e:  # one document's failure, not the batch's
                if self._spoils_batch(e):  # another writer's turn first (PostgreSQL): the batch is written again
                    raise
                if changes is None:
                    await db.execute("ROLLBACK TO document")
                    await db.execute("RELEASE document")
                elif changes.total_changes != before:  # rows of it written: only a savepoint takes them back
                    raise _PartlyWritten from e
                if isinstance(e, sqlite3.IntegrityError):
                    dup = await _duplicate_of(db, item.ex.content_hash, item.parsed.url, item.provenance.guild_id)
                    if dup is not None:
                        outcomes.append(BatchOutcome(None, [], duplicate_of=dup))
                        continue
                log.exception("document %s could not be written", item.parsed.name)
                outcomes.append(BatchOutcome(None, [], error=f"could not be stored: {e}"))
                continue
            if changes is None:
                await db.execute("RELEASE document")
            batch.written(joined, item.provenance.guild_id or 0)
            if batch.bridges:
                # A report that bridged two clusters: they are merged before the next document is matched, as the
                # single path merges them. Left to the batch's end, the merge was seen by the documents of the next
                # batch only, so where a run's batches ended (when the workers' results came) changed its clusters.
                views |= cluster_views.touched(batch.groups)
                views |= await batch.finish(db)
            fts_rows.extend(zip(passage_ids, item.ex.tokens, strict=True))
            get = terms.get
            for term, n in (item.terms if item.terms is not None else term_counts(item.ex.tokens)).items():
                terms[term] = get(term, 0) + n
            outcomes.append(BatchOutcome(doc_id, new_names))
        # The clusters the batch's events joined, updated once (as if document after document; a bridging report
        # finished them above); then the full-text rows and term counts: all in the same transaction as the documents.
        views |= cluster_views.touched(batch.groups)
        views |= await batch.finish(db)
        await cluster_views.refresh(db, views)
        await self._write_index(db, fts_rows, terms)
        return outcomes

    @staticmethod
    def _spoils_batch(error: Exception) -> bool:
        """A document's error that the batch must be written again for, not the document refused (SQLite: none)."""
        return False

    @staticmethod
    async def _read_candidates(db: aiosqlite.Connection, batch: clusters.Batch, items: Sequence[BatchItem]) -> None:
        """The stored events the items' events are compared with, read once for all of them."""
        if batch.same_event is None:
            return
        await batch.candidates.load(
            db, [m for item in items for m in event_members([0] * len(item.ex.events), item.ex.events, int)]
        )

    @staticmethod
    async def _write_index(db: aiosqlite.Connection, rows: list[tuple[int, str]], terms: dict[str, int]) -> None:
        """Full-text rows (passage id, tokens) and their terms' document frequencies, one upsert per term."""
        await db.executemany("INSERT INTO passage_fts(rowid, tokens) VALUES (?, ?)", rows)
        await db.executemany(
            "INSERT INTO term_df(term, doc) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET doc = term_df.doc + excluded.doc",
            sorted(terms.items()),  # in key order: each upsert finds its page next to the last one's
        )

    async def _write_document(
        self,
        db: aiosqlite.Connection,
        item: BatchItem,
        batch: clusters.Batch,
        _fail_after: str | None,
    ) -> tuple[int, list[str], list[int], list[Joined]]:
        """A document's rows except its full-text rows and its clusters' states: (document id, new actor
        names, passage ids, its events as they join their clusters, for `batch.written`)."""
        parsed, ex = item.parsed, item.ex
        cur = await db.execute(INSERT_DOCUMENT, document_row(parsed, ex.content_hash, item.provenance))
        doc_id = cur.lastrowid
        assert doc_id is not None
        new_names: list[str] = []
        real: dict[int, int] = {}  # provisional id (-1, -2, … in extraction order) → stored id
        own: list[int] = []  # the actors this document adds to the store
        # the generation what this document teaches the registry is stored at (`bot/store/generations.py`), taken
        # once it teaches anything; its claims' own (what its extraction knew), 0 while it teaches nothing
        generation = 0
        for i, actor in enumerate(ex.new_actors, 1):
            row = await (await db.execute("SELECT id FROM actors WHERE name = ?", (actor.name,))).fetchone()
            written: list[str] = []  # the names this document writes otherwise, taken as the stored actor's aliases
            if row is None and (same := await _written_otherwise(db, actor)) is not None:
                row, written = (same[0],), same[1]
            names = [*written, *actor.aliases]
            if row is not None:  # an actor stored before: the aliases it learns here (none, mostly)
                real[-i] = row[0]
                names = await unknown_aliases(db, row[0], names)
            if (row is None or names) and not generation:
                generation = await next_generation(db)
            if row is None:
                c = await db.execute(
                    "INSERT INTO actors(name, name_en, kind, description, origin, document_id, added_at, generation)"
                    " VALUES (?, ?, ?, ?, 'discovered', ?, ?, ?)",
                    (actor.name, actor.name_en, actor.kind, actor.description, doc_id, utcnow(), generation),
                )
                assert c.lastrowid is not None
                real[-i] = c.lastrowid
                own.append(c.lastrowid)
                new_names.append(actor.name)
            await db.executemany(
                "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, generation) VALUES (?, ?, ?)",
                [(real[-i], a, generation) for a in dict.fromkeys(names)],
            )

        def aid(actor_id: int) -> int:
            return real.get(actor_id, actor_id)

        passage_ids = await self._new_ids(db, "passages", len(parsed.passages))
        await db.executemany(
            "INSERT INTO passages(id, document_id, seq, kind, text, url, outlet, date, heading, default_speaker)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (pid, doc_id, seq, p.kind, p.text, p.url, p.outlet, p.date, p.heading, p.default_speaker)
                for seq, (pid, p) in enumerate(zip(passage_ids, parsed.passages, strict=True))
            ],
        )
        if _fail_after == "passages":
            raise RuntimeError("simulated crash after passages")
        real_id = real.get  # a plain lookup per mention: a large upload has tens of thousands of them
        mentions = [(passage_ids[i], real_id(a, a)) for i, ids in enumerate(ex.mentions) for a in ids]
        await db.executemany("INSERT OR IGNORE INTO mentions(passage_id, actor_id) VALUES (?, ?)", mentions)
        await db.executemany(
            "INSERT OR IGNORE INTO document_actors(actor_id, document_id) VALUES (?, ?)",
            [(a, doc_id) for a in sorted({a for _, a in mentions})],
        )
        joined = await self._write_events(db, doc_id, ex.events, passage_ids, aid, batch, item.provenance.guild_id or 0)
        if _fail_after == "events":
            raise RuntimeError("simulated crash after events")
        await db.executemany(
            "INSERT INTO statements(document_id, passage_id, actor_id, topic, position, text, date, kind, sort_date,"
            " guild_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    passage_ids[s.passage_seq],
                    aid(s.actor_id),
                    s.topic,
                    s.position,
                    s.text,
                    s.date,
                    s.kind,
                    s.date or parsed.published or "",
                    item.provenance.guild_id or 0,
                )
                for s in ex.statements
            ],
        )
        if _fail_after == "statements":
            raise RuntimeError("simulated crash after statements")
        await write_claims(db, doc_id, ex.claims, real, own, generation)
        if _fail_after == "claims":
            raise RuntimeError("simulated crash after claims")
        if item.with_document is not None:
            await item.with_document(db, doc_id)
        return doc_id, new_names, passage_ids, joined

    async def _new_ids(self, db: aiosqlite.Connection, table: str, n: int) -> list[int]:
        """Ids for n new rows, ascending: the ones SQLite would give next (the write lock is held, so they are
        ours to use). PostgreSQL's writers run side by side and take them from a sequence instead."""
        async with db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}") as cur:
            row = await cur.fetchone()
        first = int(row[0]) if row else 1
        return list(range(first, first + n))

    async def _write_events(
        self,
        db: aiosqlite.Connection,
        doc_id: int,
        events: list[EventRow],
        passage_ids: list[int],
        aid: Callable[[int], int],
        batch: clusters.Batch,
        guild_id: int = 0,
    ) -> list[Joined]:
        """Insert a document's events, each in the cluster of the event it reports (batched: a few
        statements per document however many events it has). Returns them as they join their clusters;
        the clusters' states are updated by `batch.finish`."""
        if not events:
            return []
        ids = await self._new_ids(db, "events", len(events))
        # Headlines last, so they join their own day's reports before a neighbouring day's.
        ordered = sorted(events, key=lambda e: e.report)
        members = event_members(ids, ordered, aid)
        cluster_ids = await batch.assign(db, members)
        # An aside that joined no report (it started a cluster no other event of its document joined) is no entry.
        alone = Counter(cluster_ids)
        kept = [
            i
            for i, (m, c) in enumerate(zip(members, cluster_ids, strict=True))
            if not (m.features.get("aside") and c == m.id and alone[c] == 1)
        ]
        if len(kept) < len(members):
            members, ordered, cluster_ids = ([xs[i] for i in kept] for xs in (members, ordered, cluster_ids))
        await db.executemany(
            "INSERT INTO events(id, document_id, passage_id, date, precision, summary, background, topics, weight,"
            " cluster_id, features, guild_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    m.id,
                    doc_id,
                    passage_ids[ev.passage_seq],
                    m.date,
                    m.precision,
                    m.summary,
                    int(m.background),
                    json.dumps(ev.topics),
                    m.weight,
                    cluster_id,
                    json.dumps(m.features, ensure_ascii=False),
                    guild_id,
                )
                for m, ev, cluster_id in zip(members, ordered, cluster_ids, strict=True)
            ],
        )
        actor_ids = [[aid(a) for a in ev.actor_ids] for ev in ordered]
        await db.executemany(
            "INSERT OR IGNORE INTO event_actors(event_id, actor_id) VALUES (?, ?)",
            [(m.id, a) for m, ids in zip(members, actor_ids, strict=True) for a in ids],
        )
        return [
            (c, m, sorted(ids), ev.topics)
            for c, m, ids, ev in zip(cluster_ids, members, actor_ids, ordered, strict=True)
        ]

    async def remove_document(self, doc_id: int) -> bool:
        """Remove a document and everything derived from it (passages, index rows, events, statements)."""
        if not valid_id(doc_id):
            return False
        async with self.transaction() as db:
            row = await (
                await db.execute("SELECT id, name, origin, guild_id FROM documents WHERE id = ?", (doc_id,))
            ).fetchone()
            if row is None:
                return False
            if row["origin"] == "seed":  # removed on purpose: a later start must not load it again
                removed = await (await db.execute("SELECT value FROM meta WHERE key = 'seeds_removed'")).fetchone()
                names = sorted({*json.loads(removed["value"] if removed else "[]"), row["name"]})
                await db.execute(
                    "INSERT INTO meta(key, value) VALUES ('seeds_removed', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (json.dumps(names, ensure_ascii=False),),
                )
            rows = await (
                await db.execute(
                    "SELECT tokens FROM passage_fts WHERE rowid IN (SELECT id FROM passages WHERE document_id = ?)",
                    (doc_id,),
                )
            ).fetchall()
            await db.executemany(
                "UPDATE term_df SET doc = doc - ? WHERE term = ?",
                [(n, t) for t, n in term_counts([r[0] for r in rows]).items()],
            )
            await db.execute("DELETE FROM term_df WHERE doc <= 0")
            await db.execute(
                "DELETE FROM passage_fts WHERE rowid IN (SELECT id FROM passages WHERE document_id = ?)", (doc_id,)
            )
            affected = await (
                await db.execute("SELECT DISTINCT cluster_id FROM events WHERE document_id = ?", (doc_id,))
            ).fetchall()
            await db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            await cluster_views.rebuild(db, [r[0] for r in affected])  # their views too
        changes.documents_changed(self, [row["guild_id"]])
        return True

    async def seed_state(self) -> tuple[set[str], set[str]]:
        """Names of the seed documents stored, and of those removed on purpose."""
        stored = {r["name"] for r in await self.fetchall("SELECT name FROM documents WHERE origin = 'seed'")}
        removed = await self.get_meta("seeds_removed")
        return stored, set(json.loads(removed) if removed else [])

    async def count_documents(self) -> int:
        row = await self.fetchone("SELECT count(*) FROM documents")
        return int(row[0]) if row else 0

    async def list_documents(
        self,
        doc_id: int | None = None,
        since: str | None = None,
        announced_only: bool = False,
        ids: list[int] | None = None,
        guild_id: int | None = None,
    ) -> list[DocumentInfo]:
        """Documents in id order; one `doc_id` also gets its cited URLs and outlets, `ids` selects several.
        With `guild_id`, only that server's documents and the shared ones."""
        if doc_id is not None and not valid_id(doc_id):
            return []
        if ids is not None:
            ids = [i for i in ids if valid_id(i)]
        where, params = [], []
        if announced_only:
            where.append("d.quiet = 0")
        if ids is not None:
            where.append(f"d.id IN ({','.join('?' * len(ids))})" if ids else "1 = 0")
            params.extend(ids)
        if doc_id is not None:
            where.append("d.id = ?")
            params.append(doc_id)
        if since is not None:
            where.append("d.added_at > ?")
            params.append(since)
        if guild_id is not None:
            where.append("d.guild_id IN (0, ?)")
            params.append(guild_id)
        sql = (
            "SELECT d.id, d.name, d.title, d.url, d.outlet, d.published, d.language, d.origin, d.added_at,"
            " (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages,"
            " (SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events,"
            " (SELECT count(*) FROM statements s WHERE s.document_id = d.id) AS statements, d.guild_id"
            " FROM documents d" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.id"
        )
        docs = [
            DocumentInfo(
                id=r["id"],
                name=r["name"],
                title=r["title"],
                url=r["url"],
                outlet=r["outlet"],
                published=r["published"],
                language=r["language"],
                origin=r["origin"],
                added_at=r["added_at"],
                passages=r["passages"],
                events=r["events"],
                statements=r["statements"],
                guild_id=int(r["guild_id"] or 0),
            )
            for r in await self.fetchall(sql, params)
        ]
        if doc_id is not None:
            for d in docs:
                rows = await self.fetchall(
                    "SELECT p.url, p.outlet FROM passages p WHERE p.document_id = ? AND p.url IS NOT NULL"
                    " AND p.seq = (SELECT min(q.seq) FROM passages q WHERE q.document_id = p.document_id AND q.url = p.url)"
                    " ORDER BY p.seq",
                    (d.id,),
                )
                d.cited_urls = [r["url"] for r in rows]
                d.outlets = list(dict.fromkeys(r["outlet"] for r in rows if r["outlet"]))
        return docs


def _data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits to the database (SQLite's `PRAGMA data_version`)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


async def _finished(work: Awaitable[T]) -> T:
    """Await work that runs on in a thread whatever becomes of its awaiter (a bulk batch): when the awaiting task
    is cancelled, the work is waited for to its end (it commits) before the cancellation goes on, so the lock it
    holds is not handed on, nor its connection closed (store.close()), while the thread still writes with it."""
    running = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(running)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await asyncio.wait({running})
        raise


def valid_id(value: int) -> bool:
    """A row id SQLite can hold: a larger number (a pasted 23-digit id) names no row and cannot be bound."""
    return 0 < value < 2**63


async def _duplicate_of(
    db: aiosqlite.Connection, content_hash: str, url: str | None, guild_id: int | None
) -> int | None:
    for sql, params in duplicate_queries(content_hash, url, guild_id):
        async with db.execute(sql, params) as cur:
            row = await cur.fetchone()
        if row is not None:
            return int(row[0])
    return None


def event_members(ids: Sequence[int], events: Sequence[EventRow], aid: Callable[[int], int]) -> list[Member]:
    """A document's events as cluster members, with the given ids in the given order."""
    return [
        Member(
            ids[i],
            ev.date,
            ev.precision,
            ev.summary,
            ev.background,
            ev.weight,
            {
                "tokens": ev.tokens,
                "persons": [aid(a) for a in ev.persons],
                "names": ev.names,
                "report": ev.report,
                **({"alt": ev.alt} if ev.alt else {}),
                **({"act": ev.act, "acts": ev.acts} if ev.act else {}),
                **({"subject": ev.subject} if ev.subject else {}),
                **({"people": ev.people} if ev.people else {}),
                **({"theme": ev.theme} if ev.theme else {}),
                **({"retold": ev.retold} if ev.retold else {}),
                **({"hour": ev.hour} if ev.hour else {}),
                **({"scene": ev.scene} if ev.scene else {}),
                **({"ref": ev.ref} if ev.ref else {}),
                **({"titled": ev.titled} if ev.titled else {}),
                **({"topicless": True} if ev.topicless else {}),
                **({"doer": [f"@{aid(int(k[1:]))}" if k[:1] == "@" else k for k in ev.doer]} if ev.doer else {}),
                **({"vague": True} if ev.precision != "day" else {}),
                **({"aside": True} if ev.aside else {}),
            },
        )
        for i, ev in enumerate(events)
    ]


def term_counts(token_strings: list[str]) -> dict[str, int]:
    """In how many of these passages each term occurs (the FTS notion of document frequency)."""
    # Counter's counting loop is C; the terms come in the same order (each passage's set as it iterates), so the
    # same dict, keys in the same order, as a Python loop of `counts.get(term, 0) + 1` makes
    return dict(Counter(chain.from_iterable(set(tokens.split()) for tokens in token_strings)))


def split_sql(script: str) -> list[str]:
    """Split a migration script into statements (our scripts have no `;` or `--` inside literals).

    A trigger body holds `;` too: pieces are joined until SQLite calls the statement complete.
    """
    lines = [re.sub(r"--.*$", "", ln) for ln in script.splitlines()]
    statements, pending = [], ""
    for piece in "\n".join(lines).split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip().rstrip(";"))
            pending = ""
    return statements


async def _written_otherwise(db: aiosqlite.Connection, actor: NewActor) -> tuple[int, list[str]] | None:
    """(the stored actor, the names to add as its aliases) when this new actor's whole name is a stored actor's
    name or alias written with other variants of its kanji (齋藤健 where another document wrote 斎藤健, both
    discovered before either was stored, `bot.text.name_form`); else None. Only whole names: a person's full names
    (their aliases), a name without aliases only for a body, never a surname alone; the surname is added when it
    is the stored actor's name written otherwise."""
    wholes = actor.aliases if actor.kind == "person" else [actor.name, *actor.aliases]
    for whole in wholes:
        spellings = [] if whole.isascii() else kanji_spellings(whole)
        if not spellings:
            continue
        marks = ", ".join("?" * len(spellings))
        row = await (
            await db.execute(
                f"SELECT id, name FROM actors WHERE name IN ({marks}) UNION ALL SELECT a.id, a.name FROM actor_aliases"
                f" JOIN actors a ON a.id = actor_aliases.actor_id WHERE alias IN ({marks}) LIMIT 1",
                (*spellings, *spellings),
            )
        ).fetchone()
        if row is not None:
            same_name = actor.name != row["name"] and name_form(actor.name) == name_form(row["name"])
            return row["id"], [actor.name] if same_name else []
    return None
