"""The same documents written to SQLite and to PostgreSQL give the same rows, table by table and column by column
(issue 20): PostgreSQL's writes (multi-row inserts, ids from its sequences, the stance-day trigger, the tsvector)
must store what SQLite's store, whichever path wrote them (one document, a bulk batch)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench import corpus
from bot.extract.document import extract_document
from bot.extract.events import same_event
from bot.ingest.pipeline import parse_text
from bot.store.backend import open_backend
from bot.store.store import BatchItem
from tests.conftest import drop_pg_database, new_pg_database

# Columns that say when a row was written, not what it holds.
WHEN = {"added_at", "updated_at", "created_at"}
# SQLite's own bookkeeping and FTS5's shadow tables; PostgreSQL has no such tables (its tsvector is a column).
SKIPPED = ("sqlite_", "passage_fts_", "passage_vocab")


def _tables(path: Path) -> dict[str, list[str]]:
    """Each SQLite table's columns (the names both backends share)."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not r[0].startswith(SKIPPED)
        ]
        return {
            name: [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if r[1] not in WHEN]
            or ["rowid", "tokens"]  # the FTS5 table: its rowid and the tokens
            for name in names
        }
    finally:
        conn.close()


def _value(v: object) -> object:
    if isinstance(v, memoryview):
        return bytes(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


async def _dump(store, tables: dict[str, list[str]]) -> dict[str, list[tuple]]:
    out = {}
    for name, columns in tables.items():
        cols = ", ".join(columns)
        rows = await store.fetchall(f"SELECT {cols} FROM {name}")
        out[name] = sorted((tuple(_value(v) for v in r) for r in rows), key=repr)
    return out


async def _write(target: str, docs: list) -> None:
    store = await open_backend(target)
    try:
        await store.set_meta("seeded", "0")
        await store.add_document(*docs[0], same_event=same_event)  # the single path
        outcomes = await store.add_documents([BatchItem(p, ex) for p, ex in docs[1:-2]], same_event=same_event)
        assert all(o.document_id is not None for o in outcomes)
        for parsed, ex in docs[-2:]:  # the single path again, after a batch
            await store.add_document(parsed, ex, same_event=same_event)
    finally:
        await store.close()


async def test_one_set_of_documents_gives_the_same_rows_on_both_backends(
    seeded_db, _pg_seeded_template, pg_server_session, actors
) -> None:
    docs = []
    for name, text in corpus.generate(40, seed=5):
        parsed, digest = parse_text(text, name, "file")
        docs.append((parsed, extract_document(parsed, actors, digest)))
    url = new_pg_database(pg_server_session, _pg_seeded_template)
    try:
        await _write(str(seeded_db), docs)
        await _write(url, docs)
        tables = _tables(seeded_db)
        lite = await _dump_target(str(seeded_db), tables)
        pg = await _dump_target(url, tables)
    finally:
        drop_pg_database(pg_server_session, url)
    for table in ("passages", "mentions", "events", "statements", "term_df", "stance_days", "clusters"):
        assert len(lite[table]) > 40, table  # each of them written by the batch, not only seeds
    assert lite.keys() == pg.keys()
    for table in lite:
        assert pg[table] == lite[table], table


async def _dump_target(target: str, tables: dict[str, list[str]]) -> dict[str, list[tuple]]:
    store = await open_backend(target)
    try:
        return await _dump(store, tables)
    finally:
        await store.close()
