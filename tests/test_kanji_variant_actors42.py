"""One person written with variant kanji is one actor (round 42, issue 11): outlets write 齋藤 or 斎藤, 髙橋 or 高橋,
濵田 or 浜田 for the same person; a name equal to a known actor's under the variant table (`bot.text.name_form`,
the table `bot.extract.kanji_forms` reads) is that actor's alias, at discovery and when the store registers it.
Only whole names: a surname alone, or another person of the surname, stays apart. Sentences are our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.discover import discover_actors
from bot.extract.document import extract_document
from bot.ingest.pipeline import ingest_text, parse_text
from bot.models import ParsedPassage
from bot.services.errors import QueryError
from bot.services.resolve import resolve_visible_actor
from bot.store import Store
from bot.text import japanese_form, kanji_spellings, name_form

OLD_FORM = """\
---
title: 経産相が賃上げ要請
published: 2026-03-10
---
齋藤誠一経済産業相は10日、「中小企業への支援を続ける」と語った。
齋藤氏は「地方の雇用を守る」とも語った。
"""

COMMON_FORM = """\
---
title: 経産相、支援策を説明
published: 2026-03-11
---
斎藤誠一経済産業相は11日、「下請け企業への支援を続ける」と語った。
"""

NAMESAKE = """\
---
title: 知事が会見
published: 2026-03-12
---
斎藤元彦知事は12日、「県の財政は健全だ」と述べた。
"""


def _found(*texts: str, index: ActorIndex | None = None) -> dict[str, list[str]]:
    passages = [ParsedPassage(text=t) for t in texts]
    return {a.name: a.aliases for a in discover_actors(passages, index or ActorIndex([]))}


def test_the_variant_table_holds_the_forms_names_are_written_in() -> None:
    for old, common in [("齋藤", "斎藤"), ("髙橋", "高橋"), ("渡邊", "渡辺"), ("山﨑", "山崎"), ("濵田", "浜田"),
                        ("濱田", "浜田"), ("德永", "徳永"), ("眞子", "真子"), ("廣瀬", "広瀬")]:  # fmt: skip
        assert japanese_form(old) == common, old
        assert name_form(old) == name_form(common)
    assert name_form("斉藤誠一") != name_form("斎藤誠一")  # 斉藤 and 斎藤 are two surnames
    assert "齋藤誠一" in kanji_spellings("斎藤誠一") and "斎藤誠一" in kanji_spellings("齋藤誠一")
    assert kanji_spellings("Saito") == []


def test_a_known_person_written_in_the_old_form_is_that_person() -> None:
    index = ActorIndex([ActorEntry(1, "斎藤", None, "person", ["斎藤誠一"])])
    found = _found("齋藤誠一経済産業相は10日、「賃上げを後押しする」と述べた。", index=index)
    assert found == {"斎藤": ["齋藤誠一", "齋藤"]}  # an alias of the known actor, no one new
    assert index.same_name("齋藤誠一") is index.actors[1]
    common = ActorIndex([ActorEntry(1, "高橋", None, "person", ["高橋美咲"])])
    assert _found("髙橋美咲教授は「制度の見直しが必要だ」と述べた。", index=common) == {"高橋": ["髙橋美咲", "髙橋"]}


def test_a_surname_or_another_person_of_it_is_no_variant_match() -> None:
    index = ActorIndex([ActorEntry(1, "斎藤元彦", None, "person", [])])
    assert index.same_name("齋藤") is None  # never a part of a name
    assert index.same_name("齋藤元彦知事") is None  # nor a name with its title
    found = _found("齋藤誠一経済産業相は10日、「賃上げを後押しする」と述べた。", index=index)
    assert found == {"齋藤": ["齋藤誠一"]}  # another person: registered as before
    other = ActorIndex([ActorEntry(1, "斎藤", None, "person", ["斎藤元彦"])])
    assert other.same_name("齋藤誠一") is None
    assert "斎藤" not in _found("齋藤誠一経済産業相は「賃上げを後押しする」と述べた。", index=other)
    assert _found("斉藤誠一経済産業相は「賃上げを後押しする」と述べた。", index=ActorIndex(
        [ActorEntry(1, "斎藤", None, "person", ["斎藤誠一"])])) == {"斉藤": ["斉藤誠一"]}  # fmt: skip


def test_a_body_written_in_the_old_form_is_that_body() -> None:
    index = ActorIndex([ActorEntry(1, "広島県医師会", None, "body", [])])
    assert index.same_name("廣島県医師会") is index.actors[1]
    assert index.same_name("広島県") is None


async def test_two_articles_written_each_way_make_one_actor(store: Store) -> None:
    first = await ingest_text(store, OLD_FORM, name="old.md")
    second = await ingest_text(store, COMMON_FORM, name="common.md")
    assert first.status == second.status == "added"
    old = await resolve_visible_actor(store, "齋藤誠一", None)
    common = await resolve_visible_actor(store, "斎藤誠一", None)
    assert old.id == common.id
    for doc in (first.document_id, second.document_id):  # both articles' statements are the one person's
        rows = await store.fetchall("SELECT DISTINCT actor_id FROM statements WHERE document_id = ?", (doc,))
        assert [r[0] for r in rows] == [old.id]
    assert len(await store.fetchall("SELECT name FROM actors WHERE name IN ('斎藤', '齋藤')")) == 1


async def test_the_store_joins_forms_discovered_before_either_was_stored(store: Store) -> None:
    """Two documents extracted against the same actors (a bulk upload's batch), each discovering the person in its
    own form: the store keeps one actor, the later form its alias."""
    index = store.actors
    done = [parse_text(text, name, "text") for text, name in ((COMMON_FORM, "c.md"), (OLD_FORM, "o.md"))]
    exs = [extract_document(parsed, index, digest) for parsed, digest in done]
    assert [a.aliases for ex in exs for a in ex.new_actors] == [["斎藤誠一"], ["齋藤誠一"]]
    docs = [(await store.add_document(parsed, ex))[0] for (parsed, _), ex in zip(done, exs, strict=True)]
    rows = await store.fetchall("SELECT id FROM actors WHERE name IN ('斎藤', '齋藤')")
    assert len(rows) == 1
    aliases = {r[0] for r in await store.fetchall("SELECT alias FROM actor_aliases WHERE actor_id = ?", (rows[0][0],))}
    assert {"斎藤誠一", "齋藤誠一", "齋藤"} <= aliases
    for doc in docs:
        statements = await store.fetchall("SELECT DISTINCT actor_id FROM statements WHERE document_id = ?", (doc,))
        assert [r[0] for r in statements] == [rows[0][0]]


async def test_another_person_of_the_surname_stays_apart_in_the_store(store: Store) -> None:
    assert (await ingest_text(store, NAMESAKE, name="namesake.md")).status == "added"
    assert (await ingest_text(store, OLD_FORM, name="old.md")).status == "added"
    governor = await resolve_visible_actor(store, "斎藤元彦", None)
    minister = await resolve_visible_actor(store, "齋藤誠一", None)
    assert governor.id != minister.id


async def test_the_common_form_typed_finds_the_person_the_reports_wrote_in_the_old_form(store: Store) -> None:
    assert (await ingest_text(store, OLD_FORM, name="old.md")).status == "added"
    old = await resolve_visible_actor(store, "齋藤誠一", None)
    assert (await resolve_visible_actor(store, "斎藤誠一", None)).id == old.id
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "斎藤誠二", None)  # another name, one character apart
