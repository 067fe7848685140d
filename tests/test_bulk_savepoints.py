"""The bulk writer's batches without a SAVEPOINT per document (`Store._write_batch_in_thread`).

SQLite's bulk connection writes a batch's documents without savepoints: a document refused before it wrote a row
(the same content stored) is refused as before; one that fails after writing rows sends the batch back, rolled
back, to be written again with a savepoint per document. Either way the store holds what the savepoints gave.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

from bench import corpus
from bot.extract.document import extract_document
from bot.extract.events import same_event
from bot.ingest.pipeline import parse_text
from bot.store import Store
from bot.store.store import BatchItem


def _items(actors: Any, n: int, seed: int) -> list[BatchItem]:
    items = []
    for name, text in corpus.generate(n, seed=seed):
        parsed, digest = parse_text(text, name, "file")
        items.append(BatchItem(parsed, extract_document(parsed, actors, digest)))
    return items


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the time stamps (`*_at`)."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if not r[1].endswith("_at")]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(conn.execute(f'SELECT {quoted} FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()


async def _write(path: Path, batches: list[list[BatchItem]]) -> list[list[tuple]]:
    store = await Store.open(path)
    try:
        outcomes = []
        for items in batches:
            got = await store.add_documents(items, same_event=same_event)
            outcomes.append([(o.document_id, o.duplicate_of, o.error is not None) for o in got])
        return outcomes
    finally:
        await store.close()


def _counting(monkeypatch: Any) -> list[bool]:
    """The `savepoints` argument of every batch written."""
    seen: list[bool] = []
    original = Store._write_batch

    async def counted(self, db, items, same, candidates=None, *, savepoints=True):  # type: ignore[no-untyped-def]
        seen.append(savepoints)
        return await original(self, db, items, same, candidates, savepoints=savepoints)

    monkeypatch.setattr(Store, "_write_batch", counted)
    return seen


async def test_batches_without_savepoints_store_what_batches_with_them_store(tmp_path, actors, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    items = _items(actors, 12, seed=34)
    batches = [items[:5], [*items[5:9], items[2]], items[9:]]  # a document of an earlier batch again: a duplicate
    fast = await _write(tmp_path / "fast.db", batches)
    with monkeypatch.context() as patch:
        original = Store._write_batch

        async def always(self, db, items, same, candidates=None, *, savepoints=True):  # type: ignore[no-untyped-def]
            return await original(self, db, items, same, candidates, savepoints=True)

        patch.setattr(Store, "_write_batch", always)
        slow = await _write(tmp_path / "slow.db", batches)
    assert fast == slow
    assert fast[1][-1] == (None, fast[0][2][0], False)  # refused as the duplicate it is
    assert _rows(tmp_path / "fast.db") == _rows(tmp_path / "slow.db")


async def test_a_document_refused_before_writing_a_row_needs_no_savepoint(tmp_path, actors, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b = _items(actors, 2, seed=35)
    seen = _counting(monkeypatch)
    (outcomes,) = await _write(tmp_path / "s.db", [[a, b, a]])  # the same article twice in one batch
    assert seen == [False]  # written once, without savepoints
    assert outcomes[2] == (None, outcomes[0][0], False)


async def test_a_document_failing_after_its_rows_sends_the_batch_back_to_savepoints(
    tmp_path, actors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    a, b, c = _items(actors, 3, seed=36)

    async def broken(db: Any, document_id: int) -> None:
        raise RuntimeError("a row of its own could not be written")

    b = dataclasses.replace(b, with_document=broken)  # fails after every other row of its document
    seen = _counting(monkeypatch)
    (outcomes,) = await _write(tmp_path / "s.db", [[a, b, c]])
    assert seen == [False, True]  # rolled back, then written with a savepoint per document
    assert [(doc is not None, error) for doc, _, error in outcomes] == [(True, False), (False, True), (True, False)]
    conn = sqlite3.connect(tmp_path / "s.db")
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM documents ORDER BY id")]
        orphans = conn.execute("SELECT count(*) FROM passages WHERE document_id NOT IN (SELECT id FROM documents)")
        assert names == [a.parsed.name, c.parsed.name] and orphans.fetchone()[0] == 0
    finally:
        conn.close()
