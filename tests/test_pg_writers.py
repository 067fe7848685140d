"""PostgreSQL's document writers side by side (bot/store/pgstore.py): two stores on one database stand for two
worker processes. A document write whose events fall in another month commits while the first is still open;
one in the same days waits for it (clustering reads what the last writer clustered) and joins its cluster.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import bot.store.store as store_module
from bot.extract.document import extract_document
from bot.ingest.pipeline import ingest_text, parse_text
from bot.store import Store
from bot.store.backend import open_backend
from bot.store.pgstore import order_keys
from bot.store.store import BatchItem

MARCH = """\
ジッダで米ウクライナ協議、30日間の停戦案で合意

米国とウクライナの代表団は2025年3月11日、サウジアラビアのジッダで協議し、30日間の即時停戦案で合意した。
"""
MARCH_AGAIN = """\
米ウクライナ、ジッダ協議で停戦案に合意

ウクライナと米国の代表団は2025年3月11日、サウジアラビアのジッダで高官協議を行い、30日間の停戦案で合意した。
"""
JUNE = """\
ハーグでNATO首脳会議

北大西洋条約機構（NATO）は2025年6月24日、オランダのハーグで首脳会議を開いた。
"""


@pytest.fixture
def pg_target(pg_server_session, _pg_seeded_template) -> str:  # type: ignore[no-untyped-def]
    from tests.conftest import new_pg_database

    return new_pg_database(pg_server_session, _pg_seeded_template)


@pytest.fixture
async def two(pg_target: str):
    a, b = await open_backend(pg_target), await open_backend(pg_target)
    try:
        yield a, b
    finally:
        await a.close()
        await b.close()


@pytest.fixture
def hold(monkeypatch: pytest.MonkeyPatch):
    """`hold(store)`: that store's next document write stops with every row written, before its commit, until
    the returned event is set; `written` is set when it got there."""
    write = store_module.Store._write_document
    held: dict[int, tuple[asyncio.Event, asyncio.Event]] = {}

    async def paused(self: Store, *args: Any) -> Any:
        out = await write(self, *args)
        if id(self) in held:
            written, release = held.pop(id(self))
            written.set()
            await release.wait()
        return out

    monkeypatch.setattr(store_module.Store, "_write_document", paused)

    def arm(store: Store) -> tuple[asyncio.Event, asyncio.Event]:
        held[id(store)] = (asyncio.Event(), asyncio.Event())
        return held[id(store)]

    return arm


async def waiting_for_locks(store: Store) -> int:
    row = await store.fetchone("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
    return int(row["n"])


async def test_another_months_document_commits_while_the_first_is_open(two, hold) -> None:
    a, b = two
    written, release = hold(a)
    first = asyncio.create_task(ingest_text(a, MARCH, name="march.txt"))
    await asyncio.wait_for(written.wait(), 300)
    second = await asyncio.wait_for(ingest_text(b, JUNE, name="june.txt"), 300)  # not behind the open write
    assert second.status == "added"
    assert not first.done()
    release.set()
    assert (await first).status == "added"
    names = {r["name"] for r in await a.fetchall("SELECT name FROM documents")}
    assert {"march.txt", "june.txt"} <= names
    ids = [r["id"] for r in await a.fetchall("SELECT id FROM passages ORDER BY id")]
    assert len(ids) == len(set(ids))


async def test_the_same_days_document_waits_and_joins_the_cluster(two, hold) -> None:
    a, b = two
    written, release = hold(a)
    first = asyncio.create_task(ingest_text(a, MARCH, name="first.txt"))
    await asyncio.wait_for(written.wait(), 300)
    second = asyncio.create_task(ingest_text(b, MARCH_AGAIN, name="second.txt"))
    while not await waiting_for_locks(a):  # the second writer waits for March's clustering lock
        assert not second.done(), "the second write did not wait for the first"
        await asyncio.sleep(0.05)
    release.set()
    assert (await first).status == "added" and (await second).status == "added"
    rows = await a.fetchall(
        "SELECT d.name, e.cluster_id FROM events e JOIN documents d ON d.id = e.document_id"
        " WHERE d.name IN ('first.txt', 'second.txt') AND e.date = '2025-03-11'"
    )
    clusters = {r["name"]: r["cluster_id"] for r in rows}
    assert set(clusters) == {"first.txt", "second.txt"} and len(set(clusters.values())) == 1


async def test_many_writers_at_once_each_commit_their_document(two) -> None:
    a, b = two
    texts = [
        (s, f"第{n}回の協議\n\n米国とウクライナの代表団は2025年{n % 12 + 1}月{n % 27 + 1}日、第{n}回の協議を行った。\n")
        for n in range(12)
        for s in ([a] if n % 2 else [b])
    ]
    results = await asyncio.gather(*(ingest_text(s, t, name=f"{i}.txt") for i, (s, t) in enumerate(texts)))
    assert [r.status for r in results] == ["added"] * len(texts)
    row = await a.fetchone("SELECT count(*) AS n, count(DISTINCT id) AS d FROM events")
    assert row["n"] == row["d"]


def test_order_keys_cover_the_months_clustering_reads() -> None:
    from types import SimpleNamespace as NS

    item = NS(ex=NS(new_actors=[], events=[NS(date="2025-03-31"), NS(date="2025-06"), NS(date=None)]))
    assert order_keys([item]) == [202503, 202504, 202506]
    discovering = NS(ex=NS(new_actors=["x"], events=[NS(date="2025-01-01")]))
    assert order_keys([discovering]) == [0, 202412, 202501]


def _items(store: Store, texts: list[tuple[str, str]]) -> list[BatchItem]:
    items = []
    for name, text in texts:
        parsed, digest = parse_text(text, name, "file")
        items.append(BatchItem(parsed, extract_document(parsed, store.actors, digest)))
    return items


UNDATED = [  # no date, no new actor: no order lock, so two batches of them write side by side
    (f"{n}.txt", f"会合の記録 その{n}\n\n関係者が集まり、今後の方針について{n}回目の意見交換を行った。\n")
    for n in (1, 2)
]


async def test_bulk_batches_of_the_same_documents_at_once_are_written_again_not_lost(two, monkeypatch, caplog) -> None:
    """Two workers' batches hold the same two documents in opposite orders: each writes its first document (its
    unique content key held by its open transaction), then waits on the other's key for its second. PostgreSQL
    breaks the deadlock by failing one inside its document's savepoint; that batch is written again whole (the
    other committed meanwhile, so both its documents are duplicates), never a document refused with an error."""
    a, b = two
    write = store_module.Store._write_document
    first_written = {id(a): asyncio.Event(), id(b): asyncio.Event()}

    async def crossing(self: Store, *args: Any) -> Any:
        out = await write(self, *args)
        mine = first_written.pop(id(self), None)
        if mine is not None:  # after each batch's first document, until both have written theirs
            mine.set()
            other = next(iter(first_written.values()), None)
            if other is not None:
                await asyncio.wait_for(other.wait(), 60)
        return out

    monkeypatch.setattr(store_module.Store, "_write_document", crossing)
    caplog.set_level("INFO", logger="bot.store.pgstore")
    ours, theirs = await asyncio.wait_for(
        asyncio.gather(a.add_documents(_items(a, UNDATED)), b.add_documents(_items(b, UNDATED[::-1]))), 120
    )
    assert [o.error for o in ours + theirs] == [None] * 4
    assert all((o.document_id is None) != (o.duplicate_of is None) for o in ours + theirs)
    assert "writing it again" in caplog.text  # a deadlock did happen, and was written again
    rows = await a.fetchall("SELECT name, count(*) AS n FROM documents WHERE name IN ('1.txt', '2.txt') GROUP BY name")
    assert {r["name"]: r["n"] for r in rows} == {"1.txt": 1, "2.txt": 1}
    passages = await a.fetchone(
        "SELECT count(*) AS n FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.name IN ('1.txt', '2.txt')"
    )
    fts = await a.fetchone(
        "SELECT count(*) AS n FROM passage_fts f JOIN passages p ON p.id = f.rowid"
        " JOIN documents d ON d.id = p.document_id WHERE d.name IN ('1.txt', '2.txt')"
    )
    assert passages["n"] == fts["n"] > 0  # every stored passage indexed once: nothing of the failed try stays
