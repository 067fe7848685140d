"""The document of a passage read from the index of (id, document_id) alone (migration 17), and the word lists a
first `--about` question would build, built as the bot starts (bot/services/warm.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.extract import about as about_words
from bot.extract.claim_records import extractor_version
from bot.extract.gloss_words import japanese_words
from bot.extract.lexicon import neighbours, synonym_groups
from bot.ingest.pipeline import ingest_text
from bot.rows import Provenance
from bot.store import Store
from bot.store.about import candidate_documents, candidate_documents_naming, documents_naming, passages_matching
from bot.store.dialect import postgres_ddl, postgres_sql
from bot.store.schema import MIGRATIONS
from bot.store.search import candidate_ids, passage_token_texts, passage_tokens

ARTICLE = """\
---
title: {title}
published: 2025-03-{day:02d}
---
{body}
"""
BODIES = (
    (
        "停戦案をめぐる各国の反応",
        "ゼレンスキー大統領は米国が提案した30日間の停戦案を支持すると述べた。"
        "ラブロフ外相は停戦案について、NATO諸国の部隊の駐留は認めないと語った。",
    ),
    (
        "鉱物資源の協定に署名へ",
        "トランプ大統領は鉱物資源の協定について、近く署名すると述べた。"
        "ゼレンスキー大統領は停戦の監視に欧州の部隊が加わることを求めた。",
    ),
    (
        "黒海の航行の安全",
        "ゼレンスキー大統領は黒海での停戦が守られるか疑わしいと記者団に語った。"
        "ラブロフ外相は制裁の解除が先だと主張し、駐留には反対した。",
    ),
    ("欧州の防衛支出", "マクロン大統領は防衛支出の引き上げを訴えた。ゼレンスキー大統領は停戦後の安全の保証を求めた。"),
    (
        "平和維持部隊の派遣",
        "スターマー首相は平和維持部隊の派遣を検討すると述べた。"
        "ラブロフ外相は部隊の駐留は停戦の妨げになると批判した。ゼレンスキー大統領は派遣を歓迎した。",
    ),
)


async def _story(store: Store, n: int = 3) -> None:
    for k, (title, body) in enumerate(BODIES[:n]):
        text = ARTICLE.format(title=title, day=k + 1, body=body.replace("。", "。\n"))
        result = await ingest_text(store, text, name=f"story{k}.md", provenance=Provenance(guild_id=7 if k else 0))
        assert result.status == "added"


class _Recorder:
    """Every statement the store is asked, with its parameters."""

    def __init__(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[tuple[str, tuple[Any, ...]]] = []
        for name in ("fetchall", "fetchone"):
            original = getattr(store, name)

            async def recorded(sql: str, params: Any = (), _original: Any = original) -> Any:
                self.asked.append((sql, tuple(params)))
                return await _original(sql, params)

            monkeypatch.setattr(store, name, recorded)


async def test_the_migration_makes_the_index(seeded_db: Path) -> None:
    store = await Store.open(str(seeded_db))
    try:
        row = await store.fetchone(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'passages_document_of'"
        )
        assert row is not None and "passages(id, document_id)" in row["sql"]
    finally:
        await store.close()


async def test_the_documents_of_matching_passages_are_read_from_the_index(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await Store.open(str(seeded_db))
    try:
        await _story(store)
        actor = store.actors.resolve("ゼレンスキー")
        assert actor is not None
        recorder = _Recorder(store, monkeypatch)
        for guild in (None, 7):
            assert await candidate_documents(store, actor.id, '"停戦"', 12, guild_id=guild)
            assert await candidate_documents_naming(store, '"ラブロフ"', '"停戦"', 12, guild_id=guild)
        await passages_matching(store, '"停戦"', 7)
        await documents_naming(store, '"停戦"')
        await candidate_ids(store, [("停戦", True), ("案", True), ("支持", True)], guild_id=7)
        joins = [(sql, params) for sql, params in recorder.asked if "JOIN passages p" in sql]
        assert len(joins) >= 6
        for sql, params in joins:  # each passage's document by the small index, not the table's pages
            plan = " ".join(str(r[3]) for r in await store.fetchall("EXPLAIN QUERY PLAN " + sql, params))
            assert "COVERING INDEX passages_document_of" in plan, (sql, plan)
    finally:
        await store.close()


async def test_the_same_documents_with_the_index_as_without(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = await Store.open(str(seeded_db))
    try:
        await _story(store, 5)
        actor = store.actors.resolve("ラブロフ")
        assert actor is not None
        recorder = _Recorder(store, monkeypatch)
        for guild in (None, 7, 8):
            await candidate_documents(store, actor.id, '"停戦" OR "駐留"', 12, guild_id=guild)
            await candidate_documents_naming(store, '"トランプ"', '"協定"', 12, guild_id=guild)
        monkeypatch.undo()
        for sql, params in recorder.asked:
            hinted = [tuple(r) for r in await store.fetchall(sql, params)]
            plain = [
                tuple(r) for r in await store.fetchall(sql.replace(" INDEXED BY passages_document_of", ""), params)
            ]
            assert hinted == plain
    finally:
        await store.close()


async def test_both_backends_answer_the_hinted_reads(store: Store) -> None:
    """On PostgreSQL the hint is dropped (its planner chooses): the same reads answer there."""
    await _story(store)
    actor = store.actors.resolve("ゼレンスキー")
    assert actor is not None
    rows = await store.fetchall("SELECT id, name FROM documents WHERE name LIKE 'story%' ORDER BY name")
    ids = {r["name"]: int(r["id"]) for r in rows}
    seven = await candidate_documents(store, actor.id, '"停戦"', 50, guild_id=7)
    eight = await candidate_documents(store, actor.id, '"停戦"', 50, guild_id=8)
    assert set(ids.values()) <= set(seven)
    assert ids["story0.md"] in eight and not {ids["story1.md"], ids["story2.md"]} & set(eight)  # the shared one only
    assert await passages_matching(store, '"停戦"', 7)


def test_postgresql_drops_the_index_hint() -> None:
    st = postgres_sql("SELECT p.document_id FROM hit JOIN passages p INDEXED BY passages_document_of ON p.id = hit.pid")
    assert st.sql == "SELECT p.document_id FROM hit JOIN passages p ON p.id = hit.pid"
    assert [s for s in postgres_ddl(MIGRATIONS[16].strip()) if "passages_document_of" in s]


def test_warming_builds_what_a_first_question_would() -> None:
    from bot.actors import ActorIndex
    from bot.services.warm import warm_vocabularies

    lazy = (about_words.english_index, japanese_words, extractor_version, neighbours, synonym_groups)
    for f in lazy:
        f.cache_clear()
    warm_vocabularies(ActorIndex([]))
    assert all(f.cache_info().currsize == 1 for f in lazy)


async def test_a_passages_tokens_are_read_as_the_index_holds_them(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read from FTS5's content table on SQLite (by its key, not a cursor per id), the table's column on PostgreSQL:
    the same tokens either way, and none for an id that is no passage."""
    await _story(store)
    rows = await store.fetchall("SELECT id FROM passages ORDER BY id DESC LIMIT 40")
    ids = [int(r["id"]) for r in rows] + [10**9]
    marks = ",".join("?" * len(ids))
    through_index = {
        int(r["rowid"]): r["tokens"]
        for r in await store.fetchall(f"SELECT rowid, tokens FROM passage_fts WHERE rowid IN ({marks})", ids)
    }
    recorder = _Recorder(store, monkeypatch)
    found = await passage_token_texts(store, ids)
    assert found == through_index and len(found) == 40
    assert await passage_tokens(store, ids[:3]) == {i: set(through_index[i].split()) for i in ids[:3]}
    if isinstance(store, Store) and type(store) is Store:  # SQLite: FTS5's content table, keyed by the rowid
        assert "passage_fts_content" in recorder.asked[0][0]


def test_warming_leaves_the_word_lists_out_of_later_full_collections() -> None:
    """The lists live as long as the process: after warming they are frozen, so a full collection during a question
    does not walk them again (bot/services/warm.py)."""
    import gc

    from bot.actors import ActorIndex
    from bot.services.warm import warm_vocabularies

    gc.unfreeze()
    warm_vocabularies(ActorIndex([]))
    lists = [f() for f in (synonym_groups, neighbours, japanese_words) if gc.is_tracked(f())]
    assert lists and gc.get_freeze_count() > 0
    ids = {id(x) for x in lists}
    assert not [o for o in gc.get_objects() if id(o) in ids]  # the permanent generation is not among these
