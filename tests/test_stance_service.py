"""The /stance service through its public functions, against independent counts of the seeded store: the actor
list and its counts, autocomplete, what a typed actor or topic resolves to (and the one-line refusals with their
suggestions), the topic filter, each statement's source, and a server's view."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_text
from bot.models import TOPICS
from bot.rows import Provenance
from bot.services.errors import QueryError
from bot.services.resolve import resolve_topic
from bot.services.stance import list_actors, stance, suggest_actors, summarize, visible_actor_ids
from bot.services.stance_about import stance_about
from bot.services.stance_query import StanceQuery, parse_stance_query, stance_page
from bot.services.topics import add_topic
from bot.store import Store
from bot.topics import TOPIC_LABELS
from tests.test_tenancy import ARTICLE_A

A, B = 111, 222


@pytest.fixture
async def seeded(seeded_db: Path) -> AsyncIterator[Store]:
    """The seeded store on SQLite (the service's logic is the backend's; test_pages runs it on both)."""
    store = await Store.open(str(seeded_db))
    try:
        yield store
    finally:
        await store.close()


async def _recount(store: Store, guild: int | None = None) -> Counter[int]:
    rows = await store.fetchall(
        "SELECT s.actor_id, d.guild_id FROM statements s JOIN documents d ON d.id = s.document_id"
    )
    return Counter(r[0] for r in rows if guild is None or r[1] in (0, guild))  # 0: a shared document


# --- the actor list -------------------------------------------------------------------------------------------------


async def test_every_actor_is_listed_most_quoted_first_with_its_own_count_and_registry_entry(seeded: Store):
    actors = await list_actors(seeded)
    counts = await _recount(seeded)
    assert sorted(a.id for a in actors) == sorted(seeded.actors.actors)
    assert {a.id: a.statements for a in actors} == {i: counts.get(i, 0) for i in seeded.actors.actors}
    assert [a.name for a in actors] == [a.name for a in sorted(actors, key=lambda a: (-a.statements, a.name))]
    assert actors[0].name == "トランプ" and actors[0].statements > actors[1].statements > 0
    for a in actors:
        entry = seeded.actors.actors[a.id]
        assert (a.name, a.name_en, a.kind, a.aliases, a.description) == (
            entry.name,
            entry.name_en,
            entry.kind,
            list(entry.aliases),
            entry.description,
        )
    assert any(a.name_en and a.description and a.aliases for a in actors)
    assert {a.kind for a in actors} >= {"person", "state", "body"}


async def test_a_server_lists_the_actors_it_sees_with_the_statements_of_its_own_documents(seeded: Store):
    added = await ingest_text(seeded, ARTICLE_A, name="a.txt", origin="text", provenance=Provenance(guild_id=A))
    assert added.status == "added"
    assert await visible_actor_ids(seeded, None) is None  # the command line sees every actor
    for guild in (A, B):
        counts = await _recount(seeded, guild)
        listed = await list_actors(seeded, guild)
        shown = await visible_actor_ids(seeded, guild)
        assert shown is not None and {a.id for a in listed} == shown
        assert {a.id: a.statements for a in listed} == {i: counts.get(i, 0) for i in shown}
    zelensky = seeded.actors.resolve("ゼレンスキー")
    assert zelensky is not None
    by_guild = {g: {a.id: a.statements for a in await list_actors(seeded, g)} for g in (A, B, None)}
    assert by_guild[A][zelensky.id] == by_guild[B][zelensky.id] + 1 == by_guild[None][zelensky.id]
    assert "ベルグマン" in {a.name for a in await list_actors(seeded, A)}
    assert "ベルグマン" not in {a.name for a in await list_actors(seeded, B)}


# --- autocomplete ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["", "   "], ids=["empty", "spaces"])
async def test_nothing_typed_suggests_the_most_quoted(seeded: Store, typed: str):
    listed = await list_actors(seeded)
    assert [a.name for a in await suggest_actors(seeded, typed, limit=3)] == [a.name for a in listed[:3]]
    assert len(await suggest_actors(seeded, typed)) == min(25, len(listed))


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("ゼレンスキ", "ゼレンスキー"),
        ("Zelensky", "ゼレンスキー"),
        ("米国", "米国"),
        ("Vladimir", "プーチン"),
        ("  トランプ ", "トランプ"),
    ],
    ids=["typo", "english", "exact", "given-name", "spaces-around"],
)
async def test_what_is_typed_suggests_its_actor_first(seeded: Store, typed: str, first: str):
    got = await suggest_actors(seeded, typed, limit=5)
    assert got[0].name == first
    assert 1 <= len(got) <= 5 and len({a.id for a in got}) == len(got)  # no actor twice (the exact one too)
    assert [a.name for a in await suggest_actors(seeded, typed, limit=1)] == [first]


async def test_autocomplete_for_a_server_leaves_out_another_servers_actors(seeded: Store):
    await ingest_text(seeded, ARTICLE_A, name="a.txt", origin="text", provenance=Provenance(guild_id=A))
    assert [a.name for a in await suggest_actors(seeded, "ベルグマン", guild_id=A)][:1] == ["ベルグマン"]
    assert "ベルグマン" not in [a.name for a in await suggest_actors(seeded, "ベルグマン", guild_id=B)]
    everyone = await suggest_actors(seeded, "ト", limit=100)
    shown = await visible_actor_ids(seeded, B)
    assert shown is not None
    in_b = await suggest_actors(seeded, "ト", limit=100, guild_id=B)
    assert [a.id for a in in_b] == [a.id for a in everyone if a.id in shown]
    assert len(everyone) > 5  # more than the five nearest the fuzzy match gives by default
    assert len(await suggest_actors(seeded, "ト", limit=2, guild_id=B)) == 2
    # nothing typed: the server's own most quoted, not everyone's
    assert [a.name for a in await suggest_actors(seeded, "", limit=500, guild_id=B)] == [
        a.name for a in await list_actors(seeded, B)
    ]
    # the nearest names that server cannot see do not use up its suggestions: the next ones are offered
    assert [a.name for a in await suggest_actors(seeded, "ベルグマン", limit=1, guild_id=B)] == ["ムハンマド皇太子"]


async def test_autocomplete_offers_names_down_to_half_alike(seeded: Store):
    names = [a.name for a in await suggest_actors(seeded, "米国", limit=10)]
    assert names[0] == "米国" and {"英国", "中国"} <= set(names)  # 50 % alike: the least still offered
    assert "プーチン" in [a.name for a in await suggest_actors(seeded, "ウクライナ", limit=10)]  # 51 %


# --- what a typed actor resolves to -----------------------------------------------------------------------------------


async def _refusal(store: Store, actor: str, **kwargs) -> QueryError:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError) as caught:
        await stance(store, actor, **kwargs)
    return caught.value


@pytest.mark.parametrize("typed", ["", "   "], ids=["empty", "spaces"])
async def test_no_actor_is_a_refusal(seeded: Store, typed: str):
    assert (await _refusal(seeded, typed)).code == "actor.missing"


async def test_an_actor_name_is_refused_past_100_characters(seeded: Store):
    too_long = await _refusal(seeded, "ゼ" * 101)
    assert (too_long.code, too_long.params) == ("actor.too_long", {"limit": 100})
    at_limit = await _refusal(seeded, "q" * 100)
    assert at_limit.code == "actor.unknown" and at_limit.params["text"] == "q" * 100
    padded = await _refusal(seeded, "  " + "q" * 99 + "  ")  # the spaces around do not count
    assert padded.code == "actor.unknown" and padded.params["text"] == "q" * 99


async def test_an_unknown_actor_is_refused_with_the_nearest_names_in_both_languages(seeded: Store):
    near = await _refusal(seeded, " プーチソ ")
    assert near.code == "actor.unknown_suggest"
    assert near.params == {"text": "プーチソ", "suggestions": ["プーチン"], "suggestions_en": ["Vladimir Putin"]}
    assert near.render("en") != near.render("ja") and "Vladimir Putin" in near.render("en")
    many = await _refusal(seeded, "トラ")
    assert many.params["suggestions"][0] == "トランプ" and len(many.params["suggestions"]) == 5
    assert many.params["suggestions_en"][0] == "Donald Trump" and len(many.params["suggestions_en"]) == 5
    far = await _refusal(seeded, "qqqqqq")
    assert (far.code, far.params) == ("actor.unknown", {"text": "qqqqqq", "suggestions": [], "suggestions_en": []})


@pytest.mark.parametrize(
    ("typed", "actor"), [("ゼレン", "ゼレンスキー"), ("Zelenskiy", "ゼレンスキー"), ("Trum", "トランプ")]
)
async def test_a_spelling_variant_finds_the_actor(seeded: Store, typed: str, actor: str):
    assert (await stance(seeded, typed)).actor.name == actor


async def test_an_actor_only_another_server_introduced_is_unknown(seeded: Store):
    await ingest_text(seeded, ARTICLE_A, name="a.txt", origin="text", provenance=Provenance(guild_id=A))
    assert (await stance(seeded, "ベルグマン", guild_id=A)).actor.name == "ベルグマン"
    refused = await _refusal(seeded, " ベルグマン ", guild_id=B)
    # B is told the name is unknown; a suggestion may name an actor B sees (a seed's), never A's own
    assert refused.code in ("actor.unknown", "actor.unknown_suggest") and refused.params["text"] == "ベルグマン"
    assert "ベルグマン" not in str(refused.params.get("suggestions", ""))


# --- what a typed topic resolves to -----------------------------------------------------------------------------------


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_by_its_id_its_words_and_both_labels(topic: str):
    ja, en = TOPIC_LABELS[topic]
    for typed in (topic, topic.upper(), topic.replace("_", " "), ja, en, en.upper(), f"  {en.lower()}  "):
        assert resolve_topic(typed) == topic, typed


@pytest.mark.parametrize(
    ("typed", "topic"),
    [
        ("ＮＡＴＯ加盟", "nato"),
        ("Ceasfire", "ceasefire"),
        ("militar", "military_aid"),
        ("peace keeping", "peacekeeping"),
    ],
)
def test_a_topic_in_full_width_or_with_a_typo_is_found(typed: str, topic: str):
    assert resolve_topic(typed) == topic


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("territorial", ["territory"]), ("prisoner swap", ["prisoners", "minerals"]), ("xyzzy", [])],
)
def test_an_unknown_topic_lists_every_topic_and_the_near_ones(typed: str, suggested: list[str]):
    with pytest.raises(QueryError) as caught:
        resolve_topic(typed)
    assert caught.value.code == "topic.unknown_listed"
    assert caught.value.params == {"text": typed, "topics": list(TOPICS), "suggestions": suggested}


# --- the report -------------------------------------------------------------------------------------------------------


async def test_the_topic_filter_keeps_that_topics_statements_and_summary(seeded: Store):
    whole = await stance(seeded, "トランプ")
    for typed in ("ceasefire", "停戦", "Ceasefire"):
        only = await stance(seeded, "トランプ", topic=typed)
        assert {s.topic for s in only.statements} == {"ceasefire"}
        assert [s.id for s in only.statements] == [s.id for s in whole.statements if s.topic == "ceasefire"]
        assert only.total == only.actor.statements == len(only.statements) > 0
        assert [t.topic for t in only.topics] == ["ceasefire"]
        assert only.topics == [t for t in whole.topics if t.topic == "ceasefire"]
    blank = await stance(seeded, "トランプ", topic="  ")
    assert blank.total == whole.total and blank.topics == whole.topics
    with pytest.raises(QueryError):
        await stance(seeded, "トランプ", topic="xyzzy")


async def test_each_statement_names_its_source_as_stored(seeded: Store):
    report = await stance(seeded, "ゼレンスキー")
    assert report.actor.name == "ゼレンスキー" and report.actor.name_en == "Volodymyr Zelensky"
    rows = {
        r["id"]: r
        for r in await seeded.fetchall(
            "SELECT s.id, s.topic, s.position, s.text, s.date AS said, s.kind, s.passage_id,"
            " p.url AS cited_url, p.outlet AS cited_outlet, d.id AS doc, d.name, d.title,"
            " d.url AS doc_url, d.outlet AS doc_outlet, d.published"
            " FROM statements s JOIN passages p ON p.id = s.passage_id JOIN documents d ON d.id = s.document_id"
            " WHERE s.actor_id = ?",
            (report.actor.id,),
        )
    }
    assert sorted(rows) == sorted(s.id for s in report.statements)
    for s in report.statements:
        r = rows[s.id]
        assert (s.actor, s.topic, s.position, s.text, s.kind, s.passage_id) == (
            "ゼレンスキー",
            r["topic"],
            r["position"],
            r["text"],
            r["kind"],
            r["passage_id"],
        )
        assert s.date == (r["said"] or r["published"])
        [src] = s.sources
        assert (src.document, src.document_id, src.title, src.date) == (r["name"], r["doc"], r["title"], s.date)
        assert (src.url, src.outlet) == (r["cited_url"] or r["doc_url"], r["cited_outlet"] or r["doc_outlet"])


UNDATED = """---
url: https://www.example.com/news/undated
title: 無日付の記事
published: 2025-05-05
outlet: テスト通信
---
ゼレンスキー大統領は記者団に対し「停戦案を支持する」と述べた。
"""


async def test_a_statement_without_its_own_date_or_source_takes_its_documents(seeded: Store):
    added = await ingest_text(seeded, UNDATED, name="undated.md", origin="file")
    assert added.status == "added"
    # rows as an older version wrote them: no date of the statement's own, no cited source on the passage
    async with seeded.transaction() as conn:
        await conn.execute("UPDATE statements SET date = NULL WHERE document_id = ?", (added.document_id,))
        await conn.execute("UPDATE passages SET url = NULL, outlet = NULL WHERE document_id = ?", (added.document_id,))
    rows = await seeded.fetchall("SELECT id FROM statements WHERE document_id = ?", (added.document_id,))
    report = await stance(seeded, "ゼレンスキー")
    mine = [s for s in report.statements if s.id in {r["id"] for r in rows}]
    assert len(mine) == len(rows)
    for s in mine:
        assert s.date == s.sources[0].date == "2025-05-05"
        assert (s.sources[0].url, s.sources[0].outlet) == ("https://www.example.com/news/undated", "テスト通信")
        assert (s.sources[0].title, s.sources[0].document) == ("無日付の記事", "undated.md")


def test_the_summary_is_the_latest_position_taken_and_whether_it_shifted():
    days = [
        ("ceasefire", "2025-03-01", "support", 2),
        ("ceasefire", "2025-03-05", "oppose", 1),
        ("ceasefire", "2025-03-09", "neutral", 4),
        ("nato", "2025-03-02", "neutral", 1),
        ("nato", "", "neutral", 1),
        ("minerals", "2025-03-03", "support", 1),
        ("minerals", "2025-03-08", "support", 3),
    ]
    got = {t.topic: t for t in summarize(days)}
    c, n, m = got["ceasefire"], got["nato"], got["minerals"]
    assert (c.latest, c.latest_date, c.statements, c.changed) == ("oppose", "2025-03-05", 7, True)
    assert c.history == [("2025-03-01", "support"), ("2025-03-05", "oppose"), ("2025-03-09", "neutral")]
    assert (n.latest, n.latest_date, n.statements, n.changed) == ("neutral", None, 2, False)  # only neutral: the last
    assert n.history == [("2025-03-02", "neutral"), (None, "neutral")]
    assert (m.latest, m.latest_date, m.statements, m.changed) == ("support", "2025-03-08", 4, False)
    # latest date first; on the same date, more statements first
    assert [t.topic for t in summarize(days)] == ["minerals", "ceasefire", "nato"]
    same_day = summarize([("a", "2025-03-01", "support", 1), ("b", "2025-03-01", "oppose", 3)])
    assert [t.topic for t in same_day] == ["b", "a"]
    assert summarize([]) == []


async def test_a_servers_report_counts_its_own_and_the_shared_statements_and_keeps_the_page_offset(seeded: Store):
    await ingest_text(seeded, ARTICLE_A, name="a.txt", origin="text", provenance=Provenance(guild_id=A))
    zelensky = seeded.actors.resolve("ゼレンスキー")
    assert zelensky is not None
    for guild in (A, B, None):
        report = await stance(seeded, "ゼレンスキー", guild_id=guild)
        assert report.total == len(report.statements) == (await _recount(seeded, guild))[zelensky.id]
    assert (await stance(seeded, "ゼレンスキー", guild_id=A)).total == (
        await stance(seeded, "ゼレンスキー", guild_id=B)
    ).total + 1
    page = await stance(seeded, "トランプ", limit=5, offset=10)
    assert (page.offset, len(page.statements)) == (10, 5)
    assert any(s.kind == "quote" for s in (await stance(seeded, "トランプ")).statements)  # the kind as stored
    whole = await stance(seeded, "トランプ")
    for at in (whole.total // 2 - 1, whole.total // 2, whole.total // 2 + 1):  # where counting turns to the oldest end
        middle = await stance(seeded, "トランプ", limit=5, offset=at)
        assert [s.id for s in middle.statements] == [s.id for s in whole.statements[at : at + 5]]


async def test_a_views_fuzzy_search_runs_over_its_actors_names_only(seeded: Store):
    """The server's filter is in the fuzzy index (its keys), not applied to everyone's nearest names."""
    index = seeded.actors
    ids = {a.id for a in index.actors.values() if a.name in ("トランプ", "ゼレンスキー", "プーチン")}
    choices = index.choices_among(ids)
    assert choices and len(choices) < len(index.choices_among(set(index.actors)))
    for typed in ("ト", "ゼレン", "Putin", "ランプ"):
        found = index.fuzzy(typed, limit=50, cutoff=0, choices=choices)
        assert found and {a.id for a, _ in found} <= ids
        assert {a.id for a, _ in index.fuzzy(typed, limit=50, cutoff=0)} - ids  # everyone's has more
    assert index.fuzzy("Trunp", limit=3, choices=choices)[0][0].name == "トランプ"


# --- the request the front ends make: parsed once, then paged (bot/services/stance_query.py) ------------------------


async def test_a_parsed_request_pages_an_actors_statements_and_a_later_page_skips_the_summary(seeded: Store):
    q = await parse_stance_query(seeded, "トランプ")
    assert (q.actor, q.actor_en, q.topic, q.target) == ("トランプ", "Donald Trump", None, None)
    whole = await stance(seeded, "トランプ")
    everything = await stance_page(seeded, q)
    assert [s.id for s in everything.statements] == [s.id for s in whole.statements] and everything.offset == 0
    first = await stance_page(seeded, q, limit=5, offset=10)
    assert [s.id for s in first.statements] == [s.id for s in whole.statements[10:15]]
    assert (first.total, first.topics) == (whole.total, whole.topics) and whole.topics
    later = await stance_page(seeded, q, limit=5, offset=15, total=whole.total)  # a pager's later page
    assert [s.id for s in later.statements] == [s.id for s in whole.statements[15:20]]
    assert (later.total, later.topics) == (whole.total, [])
    by_topic = await stance_page(seeded, await parse_stance_query(seeded, "トランプ", topic="停戦"))
    assert by_topic.statements and {s.topic for s in by_topic.statements} == {"ceasefire"}


async def test_a_parsed_request_about_a_target_pages_what_the_target_reading_finds(seeded: Store):
    q = await parse_stance_query(seeded, "トランプ", about="停戦")
    assert (q.actor, q.actor_en, q.target) == ("トランプ", "Donald Trump", "停戦")  # the registry's, not the typed name
    whole = await stance_about(seeded, "トランプ", "停戦")
    assert len(whole.statements) > 3
    assert [s.passage_id for s in (await stance_page(seeded, q)).statements] == [s.passage_id for s in whole.statements]
    page = await stance_page(seeded, q, limit=2, offset=1)
    assert [s.passage_id for s in page.statements] == [s.passage_id for s in whole.statements[1:3]]


async def test_a_stored_topic_is_read_by_its_cue_words_not_its_name(seeded: Store):
    await add_topic(seeded, "レアアース取引", ["レアアース", "鉱物資源"])
    q = await parse_stance_query(seeded, "ゼレンスキー", topic="レアアース取引")
    assert (q.topic, q.target, q.cues) == (None, "レアアース取引", ["レアアース", "鉱物資源"])
    by_cues = await stance_about(seeded, "ゼレンスキー", "レアアース取引", cues=["レアアース", "鉱物資源"])
    by_name = await stance_about(seeded, "ゼレンスキー", "レアアース取引")
    assert by_cues.statements and len(by_cues.statements) != len(by_name.statements)
    got = await stance_page(seeded, q)
    assert [s.passage_id for s in got.statements] == [s.passage_id for s in by_cues.statements]


async def test_a_request_about_a_target_reads_a_name_the_registry_lacks_but_not_without_one(seeded: Store):
    text = (
        "---\ntitle: 能登の支援\npublished: 2024-01-05\n---\n"
        "石川県は個人ボランティアの受け入れを当面見送ると発表した。\n"
        "馳知事は会見で「個人で被災地に入るのは控えてほしい」と呼びかけた。\n"
    )
    await ingest_text(seeded, text, name="noto.md")
    q = await parse_stance_query(seeded, "馳", about="個人ボランティアが被災地に入ること")
    assert (q.actor, q.actor_en) == ("馳", None)
    with pytest.raises(QueryError):
        await parse_stance_query(seeded, "馳")  # without a target only the registry's actors are read


async def test_a_request_from_a_server_refuses_an_actor_only_another_server_introduced(seeded: Store):
    await ingest_text(seeded, ARTICLE_A, name="a.txt", origin="text", provenance=Provenance(guild_id=A))
    assert (await parse_stance_query(seeded, "ベルグマン", guild_id=A)).actor == "ベルグマン"
    for about in (None, "北極の氷"):  # neither as a registered actor nor as a name only A's articles use
        with pytest.raises(QueryError):
            await parse_stance_query(seeded, "ベルグマン", about=about, guild_id=B)


def test_a_request_shows_the_registrys_english_name_to_english_readers_only():
    q = StanceQuery("トランプ", "Trump", None, None, None, None, None)
    assert (q.shown_name("en"), q.shown_name("ja")) == ("Trump", "トランプ")
    unregistered = StanceQuery("馳", None, None, "停戦", None, None, None)
    assert (unregistered.shown_name("en"), unregistered.shown_name("ja")) == ("馳", "馳")
