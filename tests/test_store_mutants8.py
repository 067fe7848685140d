"""The store's behaviours that mutants of `bot/store` showed untested (issue 17, branch mut8c): which error a
database that cannot be used is told as, the writer that waits for another process's lock, what a migration
logs, a document's counts read back, a duplicate found by its address, and a server's settings removed.

Each test goes through the store's public functions on a real SQLite file (and on PostgreSQL where the store
fixture runs both); the SQLite errors are the library's own, raised by real connections.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_text
from bot.store import Store, StoreError
from bot.store.about import passage_count
from bot.store.backend import open_backend
from bot.store.digests import period_statements, read_settings, save_settings
from bot.store.feeds import add_feed, read_feeds
from bot.store.jobs import claim, enqueue
from bot.store.pgstore import describe_url
from bot.store.schema import SCHEMA_VERSION
from bot.store.store import describe_sqlite_error
from bot.store.tenancy import known_guilds, left_at, mark_left, remove_guild_settings

NOW = "2026-12-02T00:00:00+00:00"


# --- a database that cannot be used: the cause named, the path in the line ---------------------------------------


def _raised(action) -> sqlite3.Error:  # type: ignore[no-untyped-def]
    try:
        action()
    except sqlite3.Error as e:
        return e
    raise AssertionError("SQLite raised nothing")


def _full(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA max_page_count = 2")
        conn.execute("CREATE TABLE t(x)")
        for _ in range(200):
            conn.execute("INSERT INTO t VALUES (?)", ("x" * 500,))
        conn.commit()


def _read_only(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t(x)")
        conn.commit()
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        conn.execute("INSERT INTO t VALUES (1)")


def _no_folder(path: Path) -> None:
    sqlite3.connect(path.parent / "missing" / "newsdesk.db")


def _no_table(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("SELECT * FROM nowhere")


@pytest.mark.parametrize(
    ("make", "code", "library_text_kept"),
    [
        (_full, "store.cannot_write", True),
        (_read_only, "store.read_only", False),
        (_no_folder, "store.cannot_open", False),
        (_no_table, "store.cannot_use", True),
    ],
)
def test_each_sqlite_failure_is_told_by_its_cause_with_the_path(tmp_path, make, code, library_text_kept) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "newsdesk.db"
    error = _raised(lambda: make(path))
    told = describe_sqlite_error(str(path), error)
    assert told.code == code
    assert told.params["path"] == str(path)
    line = told.render("en")
    assert str(path) in line and "\n" not in line
    # the library's own words reach English readers where they say more than the cause
    assert (str(error) in line) is library_text_kept


async def test_a_folder_is_refused_as_not_a_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError) as e:
        await Store.open(tmp_path)
    assert e.value.code == "store.not_a_file"
    assert str(tmp_path) in e.value.render("en")


async def test_a_file_that_is_not_a_database_is_damaged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "garbage.db"
    path.write_bytes(b"not a database, only bytes " * 200)
    with pytest.raises(StoreError) as e:
        await Store.open(path)
    await asyncio.sleep(0.05)  # aiosqlite's worker thread ends its failed connect before the loop closes
    assert e.value.code == "store.damaged"
    assert "not a database" in e.value.render("en")


async def test_a_database_another_process_holds_exclusively_is_busy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "held.db"
    with closing(sqlite3.connect(path, isolation_level=None)) as holder:
        holder.execute("CREATE TABLE t(x)")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError) as e:
            await Store.open(path, busy_ms=0)
        holder.execute("ROLLBACK")
    assert e.value.code == "store.busy"
    assert str(path) in e.value.render("en")


# --- a writer waiting for another process's write lock -----------------------------------------------------------


async def test_a_writer_gives_up_on_a_held_lock_with_the_path_and_says_it_waits(seeded_db, caplog) -> None:  # type: ignore[no-untyped-def]
    holder = await Store.open(seeded_db)
    waiter = await Store.open(seeded_db, lock_wait=0.3, busy_ms=0)
    try:
        caplog.set_level(logging.WARNING, logger="bot.store.store")
        async with holder.transaction():
            with pytest.raises(StoreError) as e:
                await waiter.set_meta("probe", "1")
        assert e.value.code == "store.locked"
        assert e.value.params["path"] == str(seeded_db) and e.value.params["seconds"] == 0.3
        waits = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert waits and waits[0] == f"database {seeded_db} is locked by another process; still waiting"
        await waiter.set_meta("probe", "2")  # the lock released, the same writer goes on
        assert await holder.get_meta("probe") == "2"
    finally:
        await waiter.close()
        await holder.close()


# --- migrations say how far they went ----------------------------------------------------------------------------


async def test_a_new_sqlite_file_logs_each_schema_it_reaches(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="bot.store.store")
    path = tmp_path / "new.db"
    store = await Store.open(path)
    await store.close()
    said = [r.getMessage() for r in caplog.records if "migrated" in r.getMessage()]
    assert said == [f"database {path} migrated to schema {n}" for n in range(1, SCHEMA_VERSION + 1)]


async def test_a_new_postgresql_database_logs_each_schema_it_reaches(pg_url, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="bot.store.pgstore")
    store = await open_backend(pg_url)
    await store.close()
    said = [r.getMessage() for r in caplog.records if "migrated" in r.getMessage()]
    assert said == [f"database {describe_url(pg_url)} migrated to schema {n}" for n in range(1, SCHEMA_VERSION + 1)]


def test_a_database_address_is_told_without_its_password() -> None:
    assert (
        describe_url("postgresql://news:s3cret@db.example:5432/newsdesk")
        == "postgresql://news:***@db.example:5432/newsdesk"
    )
    assert describe_url("postgresql://db.example/newsdesk") == "postgresql://db.example/newsdesk"


# --- a document as the store reads it back -----------------------------------------------------------------------

ARTICLE_JA = (
    "---\ntitle: 港湾の再開\nurl: https://news.example/port\npublished: 2026-11-30\n---\n"
    "石破茂首相は30日、記者団に対し「港湾の再開を急ぐ」と述べた。\n"
    "政府は12月1日に港湾の運用を再開した。\n"
)


async def test_a_documents_language_and_counts_read_back_as_written(store) -> None:  # type: ignore[no-untyped-def]
    result = await ingest_text(store, ARTICLE_JA, name="port.md")
    assert result.status == "added"
    (doc,) = await store.list_documents(doc_id=result.document_id)
    assert doc.language == "ja" and doc.url == "https://news.example/port"
    documents = await store.list_documents()  # the seeds too: their statements are known to be found
    assert sum(d.statements for d in documents) > 0
    for d in documents:
        counted = [
            (await store.fetchone(f"SELECT count(*) AS n FROM {what} WHERE document_id = ?", (d.id,)))["n"]
            for what in ("passages", "events", "statements")
        ]
        assert [d.passages, d.events, d.statements] == counted, d.name


async def test_a_document_at_an_address_already_stored_is_its_duplicate(store) -> None:  # type: ignore[no-untyped-def]
    first = await ingest_text(store, ARTICLE_JA, name="port.md")
    assert await store.find_duplicate("a-hash-no-document-has", "https://news.example/port") == first.document_id
    assert await store.find_duplicate("a-hash-no-document-has", "https://news.example/elsewhere") is None


# --- a server's settings removed, another's kept -----------------------------------------------------------------


async def test_removing_a_servers_settings_leaves_the_other_servers(store) -> None:  # type: ignore[no-untyped-def]
    for guild in (11, 22):
        await add_feed(store, guild, f"https://feeds.example/{guild}.xml", "t", "admin", NOW)
        await save_settings(store, guild, 5, "08:00", "Asia/Tokyo", "ja", NOW)
        await mark_left(store, guild, NOW)
    listed = {g.guild_id: g for g in await known_guilds(store)}
    # `guilds --json` prints these fields as they are: a digest is `true`, not `1`
    assert (listed[11].feeds, listed[11].digest, listed[11].left_at) == (1, True, NOW)
    assert listed[11].digest is True
    await remove_guild_settings(store, 11)
    assert [f.url for f in await read_feeds(store, guild_id=11)] == []
    assert await read_settings(store, 11) is None and await left_at(store, 11) is None
    assert [f.url for f in await read_feeds(store, guild_id=22)] == ["https://feeds.example/22.xml"]
    assert await read_settings(store, 22) is not None and await left_at(store, 22) == NOW


# --- a job's payload, the index's size ---------------------------------------------------------------------------


async def test_a_queued_jobs_payload_is_what_its_worker_claims(store) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 12, 2, tzinfo=UTC)
    payload = {"path": "/uploads/記事.txt", "guild_id": 11, "quiet": True}
    job_id = await enqueue(store, "ingest_file", payload, key="upload-1", now=now)
    assert await enqueue(store, "ingest_file", {"other": 1}, key="upload-1", now=now) == job_id  # asked for again
    job = await claim(store, "worker-1", now=now)
    assert job is not None and (job.id, job.kind, job.payload) == (job_id, "ingest_file", payload)


async def test_an_empty_store_counts_no_passages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = await Store.open(tmp_path / "empty.db")
    try:
        assert await passage_count(store) == 0
        await ingest_text(store, ARTICLE_JA, name="port.md")
        assert await passage_count(store) == len(await store.fetchall("SELECT id FROM passages"))
    finally:
        await store.close()


async def test_a_statements_source_names_its_documents_title_and_address(store) -> None:  # type: ignore[no-untyped-def]
    result = await ingest_text(store, ARTICLE_JA, name="port.md")
    documents = {d.id: d for d in await store.list_documents()}
    statements = await period_statements(store, list(documents))
    assert statements  # the seeds' statements at least
    for s in statements:
        (source,) = s.sources
        doc = documents[source.document_id]
        assert (source.document, source.title) == (doc.name, doc.title)
    ours = [s.sources[0] for s in statements if s.sources[0].document_id == result.document_id]
    assert all(src.url == "https://news.example/port" for src in ours)
