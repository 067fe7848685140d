"""Tenancy at the store and service level: a server sees its own documents and the shared ones, never
another server's, in every query; the command line (guild_id None) sees everything."""

from __future__ import annotations

import sqlite3

import pytest

from bot.ingest.pipeline import ingest_text
from bot.rows import Provenance
from bot.services import find_quote
from bot.services.digest import build_digest
from bot.services.errors import QueryError
from bot.services.guilds import known_guilds, remove_guild
from bot.services.sources import SharedSource, get_source, list_sources, remove_source, search_sources
from bot.services.stance import list_actors, stance, suggest_actors
from bot.services.stance_about import stance_about
from bot.services.timeline import count_timeline, timeline, validate_timeline_query
from bot.store import Store
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION
from bot.text import index_tokens
from tests.test_store import integrity_ok

A, B = 111, 222

ARTICLE_A = """\
北欧の首脳、停戦を協議

ラーシュ・ベルグマン首相は2025年3月21日、オスロで記者団に対し「北極の氷は交渉の材料ではない」と述べた。
ゼレンスキー大統領は2025年3月21日、オスロで「北欧の停戦案を支持する」と述べた。
"""
QUOTE_A = "北極の氷は交渉の材料ではない"

ARTICLE_B = """\
南洋の会議、停戦を議論

マヌエル・オルティス外相は2025年3月22日、マニラで記者団に対し「珊瑚礁の海は誰のものでもない」と述べた。
ゼレンスキー大統領は2025年3月22日、マニラで「南洋の停戦案には反対する」と述べた。
"""
QUOTE_B = "珊瑚礁の海は誰のものでもない"

EVENT = "ノルウェー政府は2025年3月25日、ベルゲンで北欧和平会議を開き、十か国の外相が出席した。"


async def _add(store: Store, text: str, guild: int | None, name: str) -> int:
    result = await ingest_text(store, text, name=name, origin="text", provenance=Provenance(guild_id=guild))
    assert result.status == "added", result
    assert result.document_id is not None
    return result.document_id


@pytest.fixture
async def two(store: Store) -> tuple[Store, int, int]:
    doc_a = await _add(store, ARTICLE_A, A, "a.txt")
    doc_b = await _add(store, ARTICLE_B, B, "b.txt")
    return store, doc_a, doc_b


def _texts(matches) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(m.text for m in matches)


async def test_quote_finds_only_what_the_server_sees(two) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = two
    assert QUOTE_A in _texts(await find_quote(store, QUOTE_A, guild_id=A))
    assert QUOTE_A not in _texts(await find_quote(store, QUOTE_A, guild_id=B))
    assert QUOTE_B in _texts(await find_quote(store, QUOTE_B, guild_id=B))
    assert QUOTE_A in _texts(await find_quote(store, QUOTE_A))  # the command line sees everything
    assert QUOTE_A not in _texts(await find_quote(store, QUOTE_A, guild_id=0))  # outside a server: shared only
    seed = "ギャンブルをしている"
    assert await find_quote(store, seed, guild_id=A) and await find_quote(store, seed, guild_id=B)


async def test_timeline_shows_a_server_its_events_and_the_shared_ones(two) -> None:  # type: ignore[no-untyped-def]
    store, doc_a, doc_b = two
    seen_a = await timeline(store, guild_id=A)
    seen_b = await timeline(store, guild_id=B)
    docs_a = {s.document_id for e in seen_a for s in e.sources}
    docs_b = {s.document_id for e in seen_b for s in e.sources}
    assert doc_a in docs_a and doc_b not in docs_a
    assert doc_b in docs_b and doc_a not in docs_b
    assert not any("ベルグマン" in e.summary for e in seen_b) and not any("オルティス" in e.summary for e in seen_a)
    shared = {s.document_id for e in await timeline(store, guild_id=0) for s in e.sources}
    assert shared and shared <= {1, 2, 3, 4, 5} and shared <= docs_a & docs_b  # the seeds, in both
    everything = await timeline(store)
    assert len(everything) == len(seen_a) + len(seen_b) - len(await timeline(store, guild_id=0))
    for guild, seen in ((A, seen_a), (B, seen_b)):  # the page's count is the same filter
        assert await count_timeline(store, await validate_timeline_query(store, guild_id=guild)) == len(seen)
    by_actor = await timeline(store, actor="ゼレンスキー", since="2025-03-21", until="2025-03-22", guild_id=B)
    assert by_actor and all(doc_a not in {s.document_id for s in e.sources} for e in by_actor)


async def test_an_event_shared_and_uploaded_is_one_event_told_by_what_each_server_sees(store: Store) -> None:
    shared = await _add(store, f"ベルゲン会議\n\n{EVENT}\n", None, "shared.txt")
    mine = await _add(store, f"和平会議、ベルゲンで\n\n{EVENT}\n会議は非公開で行われた。\n", A, "mine.txt")
    told = EVENT.replace("外相が出席", "外相とヨルゲンセン事務総長が出席")  # says more: the representative
    theirs = await _add(store, f"ベルゲン和平会議\n\n{told}\n各国は共同声明を出さなかった。\n", B, "theirs.txt")

    def bergen(events):  # type: ignore[no-untyped-def]
        return [e for e in events if "ベルゲン" in e.summary]

    in_a = bergen(await timeline(store, guild_id=A))
    in_b = bergen(await timeline(store, guild_id=B))
    outside = bergen(await timeline(store, guild_id=333))  # a server that added nothing
    assert len(in_a) == 1 and {s.document_id for s in in_a[0].sources} == {shared, mine}
    assert in_a[0].sources_total == 2
    assert len(in_b) == 1 and {s.document_id for s in in_b[0].sources} == {shared, theirs}
    assert len(outside) == 1 and [s.document_id for s in outside[0].sources] == [shared]
    assert outside[0].sources_total == 1
    assert bergen(await timeline(store, guild_id=0)) == outside
    everyone = bergen(await timeline(store))
    assert len(everyone) == 1 and everyone[0].sources_total == 3
    # B's report says most: the event's summary for everyone, never for the servers that cannot see it
    assert "ヨルゲンセン" in everyone[0].summary and "ヨルゲンセン" in in_b[0].summary
    assert "ヨルゲンセン" not in in_a[0].summary + outside[0].summary
    assert not any("ヨルゲンセン" in actor for actor in in_a[0].actors + outside[0].actors)

    # Without the shared report, the event is reported by two servers (a mixed cluster): each sees its own.
    assert await remove_source(store, shared)
    in_a = bergen(await timeline(store, guild_id=A))
    in_b = bergen(await timeline(store, guild_id=B))
    assert [s.document_id for e in in_a for s in e.sources] == [mine]
    assert [s.document_id for e in in_b for s in e.sources] == [theirs]
    assert bergen(await timeline(store, guild_id=0)) == []
    day = {"since": "2025-03-25", "until": "2025-03-25"}
    outside_count = await count_timeline(store, await validate_timeline_query(store, **day, guild_id=0))
    assert await count_timeline(store, await validate_timeline_query(store, **day, guild_id=A)) == outside_count + 1
    assert await count_timeline(store, await validate_timeline_query(store, **day)) == outside_count + 1



async def test_an_event_two_servers_upload_one_after_the_other_is_seen_by_each_through_its_own_report(
    store: Store,
) -> None:
    # No shared report: B's report joins the cluster A's made (a mixed cluster, written when B's joins, not
    # rebuilt from the documents as after a removal); each server still sees the event, told by its own report.
    mine = await _add(store, f"和平会議、ベルゲンで\n\n{EVENT}\n会議は非公開で行われた。\n", A, "mine.txt")
    theirs = await _add(store, f"ベルゲン和平会議\n\n{EVENT}\n各国は共同声明を出さなかった。\n", B, "theirs.txt")

    def bergen(events):  # type: ignore[no-untyped-def]
        return [e for e in events if "ベルゲン" in e.summary]

    everyone = bergen(await timeline(store))
    assert len(everyone) == 1 and {s.document_id for s in everyone[0].sources} == {mine, theirs}
    assert [s.document_id for e in bergen(await timeline(store, guild_id=A)) for s in e.sources] == [mine]
    assert [s.document_id for e in bergen(await timeline(store, guild_id=B)) for s in e.sources] == [theirs]
    assert bergen(await timeline(store, guild_id=333)) == bergen(await timeline(store, guild_id=0)) == []
    day = {"since": "2025-03-25", "until": "2025-03-25"}
    outside = await count_timeline(store, await validate_timeline_query(store, **day, guild_id=0))
    for guild in (A, B):
        assert await count_timeline(store, await validate_timeline_query(store, **day, guild_id=guild)) == outside + 1

async def test_stance_counts_and_lists_only_the_servers_statements(two) -> None:  # type: ignore[no-untyped-def]
    store, doc_a, doc_b = two
    everything = await stance(store, "ゼレンスキー")
    in_a = await stance(store, "ゼレンスキー", guild_id=A)
    in_b = await stance(store, "ゼレンスキー", guild_id=B)
    outside = await stance(store, "ゼレンスキー", guild_id=0)
    docs = {s.sources[0].document_id for s in everything.statements}
    assert {doc_a, doc_b} <= docs
    assert doc_b not in {s.sources[0].document_id for s in in_a.statements}
    assert doc_a not in {s.sources[0].document_id for s in in_b.statements}
    assert in_a.total == outside.total + 1 and in_b.total == outside.total + 1
    assert everything.total == outside.total + 2
    assert sum(t.statements for t in in_a.topics) == in_a.total  # the per-topic summary: the same filter
    page = await stance(store, "ゼレンスキー", guild_id=A, limit=2, offset=in_a.total - 1)
    assert len(page.statements) == 1


async def test_stance_about_reads_only_the_servers_documents(two) -> None:  # type: ignore[no-untyped-def]
    store, doc_a, doc_b = two
    mine = await stance_about(store, "ゼレンスキー", "北欧の停戦案", guild_id=A)
    assert doc_a in {s.sources[0].document_id for s in mine.statements}
    theirs = await stance_about(store, "ゼレンスキー", "北欧の停戦案", guild_id=B)
    assert doc_a not in {src.document_id for s in theirs.statements for src in s.sources}
    assert doc_b not in {src.document_id for s in mine.statements for src in s.sources}
    # an actor only another server's article introduced or names is unknown to this one
    assert doc_a in {s.sources[0].document_id for s in (await stance(store, "ベルグマン", guild_id=A)).statements}
    for name in ("ベルグマン", "ラーシュ"):
        with pytest.raises(QueryError):
            await stance_about(store, name, "北極の氷", guild_id=B)
    with pytest.raises(QueryError):
        await stance(store, "ベルグマン", guild_id=B)
    with pytest.raises(QueryError):
        await timeline(store, actor="ベルグマン", guild_id=B)


async def test_actor_lists_hide_actors_found_in_another_servers_documents(two) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = two
    assert "ベルグマン" in [a.name for a in await suggest_actors(store, "ベルグマン", guild_id=A)]
    assert "ベルグマン" not in [a.name for a in await suggest_actors(store, "ベルグマン", guild_id=B)]
    assert "オルティス" not in [a.name for a in await suggest_actors(store, "オルティス", guild_id=A)]
    assert "ベルグマン" in [a.name for a in await suggest_actors(store, "ベルグマン")]
    names_b = [a.name for a in await list_actors(store, B)]
    assert "オルティス" in names_b and "ベルグマン" not in names_b and "トランプ" in names_b
    empty_a = [a.name for a in await suggest_actors(store, "", limit=500, guild_id=A)]
    assert "ベルグマン" in empty_a and "オルティス" not in empty_a


async def test_sources_of_another_server_are_as_unknown(two) -> None:  # type: ignore[no-untyped-def]
    store, doc_a, doc_b = two
    ids_a = [d.id for d in await list_sources(store, A)]
    assert ids_a == [1, 2, 3, 4, 5, doc_a]
    assert [d.id for d in await list_sources(store)] == [1, 2, 3, 4, 5, doc_a, doc_b]
    assert (await get_source(store, doc_a, A)).guild_id == A  # type: ignore[union-attr]
    assert await get_source(store, doc_a, B) is None
    assert (await get_source(store, 1, B)).guild_id == 0  # type: ignore[union-attr]
    found = [d.id for d in await search_sources(store, "停戦", guild_id=B)]
    assert doc_b in found and doc_a not in found
    assert doc_a not in [d.id for d in await search_sources(store, "", guild_id=B)]


async def test_a_server_removes_only_its_own_documents(two) -> None:  # type: ignore[no-untyped-def]
    store, doc_a, doc_b = two
    assert await remove_source(store, doc_a, B) is False  # another server's: as if there were none
    with pytest.raises(SharedSource):
        await remove_source(store, 1, B)
    assert await get_source(store, doc_a) is not None and await get_source(store, 1) is not None
    assert await remove_source(store, doc_a, A) is True
    assert await get_source(store, doc_a) is None
    assert await remove_source(store, 1) is True  # the command line removes a shared one
    assert await get_source(store, doc_b, B) is not None


async def test_digest_lists_only_the_servers_new_sources(two) -> None:  # type: ignore[no-untyped-def]
    store, doc_a, doc_b = two
    since = "2000-01-01T00:00:00+00:00"
    in_a = await build_digest(store, since=since, guild_id=A)
    assert doc_a in [d.id for d in in_a.sources] and doc_b not in [d.id for d in in_a.sources]
    assert all(s.document_id != doc_b for e in in_a.events for s in e.sources)
    assert all(s.sources[0].document_id != doc_b for s in in_a.statements)
    everything = await build_digest(store, since=since)
    assert {doc_a, doc_b} <= {d.id for d in everything.sources}


async def test_guilds_are_listed_and_removed_with_their_data(two) -> None:  # type: ignore[no-untyped-def]
    store, doc_a, doc_b = two
    found = {g.guild_id: g for g in await known_guilds(store)}
    assert set(found) == {A, B} and found[A].documents == 1
    removed = await remove_guild(store, A)
    assert removed.documents == 1
    assert [g.guild_id for g in await known_guilds(store)] == [B]
    assert await get_source(store, doc_a) is None and await get_source(store, doc_b) is not None
    assert QUOTE_A not in _texts(await find_quote(store, QUOTE_A))
    assert len(await list_sources(store)) == 6  # the shared ones stay


async def test_a_schema_5_database_migrates_each_document_to_its_server_or_shared(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Documents with a guild become that guild's, the rest shared; every document, statement and event
    is kept; the day counts and the cluster's scope are filled from them."""
    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:5]:
        conn.executescript(script)
    conn.execute(
        "INSERT INTO actors(id, name, kind, origin, added_at) VALUES (1, 'テスト氏', 'person', 'registry', 'x')"
    )
    conn.execute(
        "INSERT INTO actors(id, name, kind, origin, document_id, added_at) VALUES (2, '新顔氏', 'person', 'discovered', 2, 'x')"
    )
    for doc, guild in ((1, None), (2, A), (3, B)):
        conn.execute(
            "INSERT INTO documents(id, name, title, origin, content_hash, added_at, guild_id)"
            " VALUES (?, ?, ?, 'text', ?, '2025-03-01T00:00:00+00:00', ?)",
            (doc, f"d{doc}.txt", f"記事{doc}", f"h{doc}", guild),
        )
        conn.execute(
            "INSERT INTO passages(id, document_id, seq, kind, text) VALUES (?, ?, 0, 'prose', ?)",
            (doc, doc, f"テスト氏は{doc}日に会議を開いた。"),
        )
        conn.execute(
            "INSERT INTO passage_fts(rowid, tokens) VALUES (?, ?)",
            (doc, index_tokens(f"テスト氏は{doc}日に会議を開いた。")),
        )
        conn.execute(
            "INSERT INTO events(id, document_id, passage_id, date, precision, summary, cluster_id)"
            " VALUES (?, ?, ?, '2025-03-01', 'day', ?, 1)",
            (doc, doc, doc, f"会議{doc}"),
        )
        conn.execute(
            "INSERT INTO statements(document_id, passage_id, actor_id, topic, position, text, date, kind, sort_date)"
            " VALUES (?, ?, 1, 'ceasefire', 'support', ?, '2025-03-01', 'quote', '2025-03-01')",
            (doc, doc, f"発言{doc}"),
        )
    conn.execute(
        "INSERT INTO clusters(id, date, precision, background, representative, members) VALUES (1, '2025-03-01', 'day', 0, 3, 3)"
    )
    conn.execute("INSERT INTO cluster_actors(cluster_id, actor_id, background, date) VALUES (1, 1, 0, '2025-03-01')")
    conn.execute("INSERT INTO meta(key, value) VALUES ('seeded', '0')")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()

    store = await Store.open(path)
    try:
        assert (await store.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION
        assert [(d.id, d.guild_id) for d in await list_sources(store)] == [(1, 0), (2, A), (3, B)]
        assert [d.id for d in await list_sources(store, A)] == [1, 2]
        assert (await stance(store, "テスト氏")).total == 3
        assert [s.text for s in (await stance(store, "テスト氏", guild_id=B)).statements] == ["発言3", "発言1"]
        scope = await store.fetchone(
            "SELECT c.scope, a.scope FROM clusters c JOIN cluster_actors a ON a.cluster_id = c.id"
        )
        assert tuple(scope) == (0, 0)  # a shared report: everyone sees the event
        seen = await timeline(store, guild_id=A)
        assert [(e.summary, sorted(s.document_id for s in e.sources)) for e in seen] == [("会議1", [1, 2])]
        assert "新顔氏" not in [a.name for a in await suggest_actors(store, "新顔氏", guild_id=B)]
        assert {g.guild_id for g in await known_guilds(store)} == {A, B}
        await integrity_ok(store)
    finally:
        await store.close()
