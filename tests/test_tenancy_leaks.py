"""What one server must never learn of another's (issue 13): an upload of the same article, a "Did you mean"
for a mistyped name, the topics an admin added; and what a database keeps of its topics and documents when
it migrates to per-server topics (migration 11)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bot.ingest import bulk
from bot.ingest.bulk import FileSource
from bot.ingest.pipeline import ingest_text
from bot.rows import Provenance
from bot.services import find_quote
from bot.services.errors import QueryError
from bot.services.sources import get_source, remove_source
from bot.services.stance import stance, suggest_actors
from bot.services.timeline import timeline
from bot.services.topics import (
    add_topic,
    find_topic,
    list_topics,
    remove_topic,
    rename_topic,
    suggest_topics,
    topic_cue_map,
)
from bot.store import Store
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.test_tenancy import ARTICLE_A, ARTICLE_B, QUOTE_A, A, B
from tests.test_tenancy import two as _two_servers

FRONT = "---\nurl: https://news.example/arctic\npublished: 2025-03-21\n---\n"
two = _two_servers  # server A's article and server B's, beside the seeds
C = 333  # a third server, with nothing of its own


async def test_the_same_article_uploaded_by_another_server_is_its_own_copy(two) -> None:  # type: ignore[no-untyped-def]
    store, doc_a, _ = two
    again = await ingest_text(store, ARTICLE_A, name="a-again.txt", origin="text", provenance=Provenance(guild_id=A))
    assert again.status == "duplicate" and again.duplicate_of == doc_a  # its own: a duplicate, as before
    copy = await ingest_text(store, ARTICLE_A, name="b-copy.txt", origin="text", provenance=Provenance(guild_id=B))
    assert copy.status == "added" and copy.document_id not in (None, doc_a)  # never "a duplicate of #doc_a"
    assert (await get_source(store, copy.document_id, B)).guild_id == B  # type: ignore[arg-type, union-attr]
    quoted = {s.document_id for m in await find_quote(store, QUOTE_A, guild_id=B) for s in m.sources}
    assert copy.document_id in quoted and doc_a not in quoted
    told_b = [s.document_id for e in await timeline(store, guild_id=B) for s in e.sources]
    assert copy.document_id in told_b and doc_a not in told_b
    assert (await get_source(store, doc_a, A)) is not None  # A's copy is untouched
    cli = await ingest_text(store, ARTICLE_A, name="cli.txt", origin="text")  # the command line sees everything
    assert cli.status == "duplicate" and cli.duplicate_of in (doc_a, copy.document_id)


async def test_the_same_url_in_another_server_is_no_duplicate_but_a_shared_one_is(store: Store) -> None:
    first = await ingest_text(store, FRONT + ARTICLE_A, name="a.md", origin="text", provenance=Provenance(guild_id=A))
    reworded = FRONT + ARTICLE_A.replace("オスロ", "ベルゲン")  # same URL, other text
    in_b = await ingest_text(store, reworded, name="b.md", origin="text", provenance=Provenance(guild_id=B))
    assert first.status == in_b.status == "added"
    again_b = await ingest_text(store, reworded.replace("ベルゲン", "トロムソ"), name="b2.md", origin="text", provenance=Provenance(guild_id=B))
    assert again_b.status == "duplicate" and again_b.duplicate_of == in_b.document_id
    shared_front = FRONT.replace("arctic", "shared")
    shared = await ingest_text(store, shared_front + ARTICLE_B, name="s.md", origin="text")
    assert shared.status == "added"
    seen = await ingest_text(store, shared_front + ARTICLE_B.replace("マニラ", "セブ"), name="s2.md", provenance=Provenance(guild_id=B))
    assert seen.status == "duplicate" and seen.duplicate_of == shared.document_id  # a shared one B sees


async def test_a_bulk_worker_does_not_skip_another_servers_article(tmp_path, two, backend) -> None:  # type: ignore[no-untyped-def]
    if backend != "sqlite":
        pytest.skip("the workers' read-only check reads SQLite's file")
    store, doc_a, _ = two
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    bulk._init_worker(str(store.path))  # the worker's read-only connection, as in the process pool
    try:
        mine = bulk.prepare(FileSource(path), 0, "", A)
        theirs = bulk.prepare(FileSource(path), 0, "", B)
    except FileNotFoundError:  # the actor index is read after the duplicate check
        pytest.fail("B's upload was taken for a duplicate")
    finally:
        bulk._local.db = None
    assert mine.result is not None and mine.result.duplicate_of == doc_a
    assert theirs.result is None or theirs.result.duplicate_of is None


async def test_did_you_mean_names_only_actors_the_server_sees(two) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = two
    with pytest.raises(QueryError) as in_a:
        await stance(store, "ベルクマン", guild_id=A)
    assert "ベルグマン" in in_a.value.suggestions
    with pytest.raises(QueryError) as in_b:
        await stance(store, "ベルクマン", guild_id=B)
    assert "ベルグマン" not in in_b.value.suggestions and "ベルグマン" not in in_b.value.render("ja")
    with pytest.raises(QueryError) as hidden:  # the name itself, another server's actor: as unknown
        await stance(store, "ベルグマン", guild_id=B)
    assert "ベルグマン" not in hidden.value.suggestions


async def test_a_servers_topics_are_its_own(store: Store) -> None:
    await add_topic(store, "北極航路", ["北極海航路", "砕氷船"], added_by="a-admin", guild_id=A)
    assert "北極航路" in [t.label for t in await list_topics(store, guild_id=A)]
    assert "北極航路" not in [t.label for t in await list_topics(store, guild_id=B)]
    assert "北極航路" not in [t.label for t in await list_topics(store)]  # nor in the shared ones
    assert "北極航路" not in [t.label for t in await suggest_topics(store, "北極", guild_id=B)]
    assert "北極航路" not in await topic_cue_map(store, B)
    with pytest.raises(QueryError):
        await find_topic(store, "北極航路", B)
    mine = await add_topic(store, "北極航路", ["氷"], guild_id=B)  # the same name: B's own
    assert (await find_topic(store, "北極航路", B)).cues == mine.cues == ["氷"]
    assert (await find_topic(store, "北極航路", A)).cues == ["北極海航路", "砕氷船"]


async def test_shared_topics_reach_every_server_and_a_servers_changes_stay_its_own(store: Store) -> None:
    await add_topic(store, "関税", ["関税", "tariff"], added_by="cli")  # the command line's: shared
    assert "関税" in [t.label for t in await list_topics(store, guild_id=A)]
    await rename_topic(store, "関税", "米国の関税", guild_id=A)
    await remove_topic(store, "nato", guild_id=B)
    labels_a = [t.label for t in await list_topics(store, guild_id=A)]
    labels_b = {t.id: t.label for t in await list_topics(store, guild_id=B)}
    assert "米国の関税" in labels_a and labels_b["関税"] == "関税" and "nato" not in labels_b
    assert "nato" in [t.id for t in await list_topics(store, guild_id=A)]
    await remove_topic(store, "関税", guild_id=B)  # a shared one: hidden for B only
    assert "関税" not in [t.id for t in await list_topics(store, guild_id=B)]
    assert "関税" in [t.id for t in await list_topics(store)]


async def test_topics_found_in_a_servers_documents_are_its_own(store: Store) -> None:
    for i, place in enumerate(("オスロ", "ベルゲン", "トロムソ")):
        text = f"北極の会議 {i}\n\nベルグマン首相は2025年3月2{i}日、{place}で「北極海航路法案を支持する」と述べた。\n"
        assert (await ingest_text(store, text, name=f"a{i}.txt", origin="text", provenance=Provenance(guild_id=A))).status == "added"
    found_a = [t.label for t in await list_topics(store, guild_id=A) if t.origin == "discovered"]
    assert any("北極海航路法案" in label for label in found_a)
    for guild in (B, None):
        assert not any("北極海航路" in t.label for t in await list_topics(store, guild_id=guild))


async def test_migration_11_keeps_topics_shared_and_documents_with_their_server(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ten.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:10]:
        db.executescript(script)
    db.execute(f"PRAGMA user_version = {10}")
    db.execute(
        "INSERT INTO topics(id, label, cues, origin, documents, removed, added_by, added_at)"
        " VALUES ('tariffs', '関税', ?, 'admin', 0, 0, '1', '2025-01-01')",
        (json.dumps(["関税"]),),
    )
    for doc, guild in ((1, 0), (2, A)):
        db.execute(
            "INSERT INTO documents(id, name, title, url, origin, content_hash, added_at, guild_id)"
            " VALUES (?, ?, 't', ?, 'text', ?, '2025-01-01', ?)",
            (doc, f"d{doc}", f"https://x.example/{doc}", f"h{doc}", guild),
        )
    db.commit()
    db.close()
    store = await Store.open(path)
    try:
        assert (await store.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION
        assert [(t.id, t.guild_id) for t in await list_topics(store, discover=False) if t.origin == "admin"] == [
            ("tariffs", 0)
        ]
        assert "tariffs" in [t.id for t in await list_topics(store, discover=False, guild_id=B)]
        hashes = {r["id"]: r["content_hash"] for r in await store.fetchall("SELECT id, content_hash FROM documents")}
        assert hashes == {1: "h1", 2: f"h2@{A}"}
        assert await store.find_duplicate("h2", None, A) == 2 and await store.find_duplicate("h2", None, B) is None
    finally:
        await store.close()


async def test_autocomplete_reads_what_a_server_sees_once_per_burst(two, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bot.services import stance as stance_service

    store, _, _ = two
    reads: list[int] = []
    real = stance_service.actors_seen_by

    async def counted(store_, guild_id):  # type: ignore[no-untyped-def]
        reads.append(guild_id)
        return await real(store_, guild_id)

    now = [1000.0]
    monkeypatch.setattr(stance_service, "actors_seen_by", counted)
    monkeypatch.setattr(stance_service.time, "monotonic", lambda: now[0])
    stance_service._SEEN.clear()
    for typed in ("ベ", "ベル", "ベルグ"):  # a burst of keystrokes: read once
        assert "ベルグマン" not in [a.name for a in await suggest_actors(store, typed, guild_id=B)]
    assert reads == [B]
    now[0] += stance_service.SEEN_SECONDS  # later: read again
    await suggest_actors(store, "ベルグ", guild_id=B)
    assert reads == [B, B]
    await store.reload_actors()  # read again, the actors the same: the same index (bot.actors.shared_index)
    await suggest_actors(store, "ベルグ", guild_id=B)
    assert reads == [B, B]
    async with store.transaction() as db:  # the store's actors changed: read again at once
        await db.execute("INSERT INTO actor_aliases(actor_id, alias) VALUES (?, ?)", (1, "ベルグ社長代理"))
    await store.reload_actors()
    await suggest_actors(store, "ベルグ", guild_id=B)
    assert reads == [B, B, B]


async def test_an_actor_a_server_just_sourced_is_in_its_autocomplete_at_once_and_only_there(
    two, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from bot.services import stance as stance_service

    store, _, _ = two
    monkeypatch.setattr(stance_service.time, "monotonic", lambda: 1000.0)  # the cache never ages here
    stance_service._SEEN.clear()

    async def names(guild: int) -> list[str]:
        return [a.name for a in await suggest_actors(store, "オルティス", guild_id=guild)]

    assert "オルティス" not in await names(A)  # B's article named him: A's cached view lacks him
    assert "オルティス" not in await names(C)
    actors_before = store.actors
    mine = await ingest_text(store, ARTICLE_B, name="a-copy.txt", origin="text", provenance=Provenance(guild_id=A))
    assert mine.status == "added" and store.actors is actors_before  # no new actor: only the write says so
    assert "オルティス" in await names(A)  # at once, not SEEN_SECONDS later
    assert "オルティス" not in await names(C)  # another server's write changes nothing for C
    await remove_source(store, mine.document_id, guild_id=A)  # type: ignore[arg-type]
    assert "オルティス" not in await names(A)  # and gone at once when A removes it
