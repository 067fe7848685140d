"""The topics service as /topic and /stance's autocomplete use it: finding a topic by any of its names,
renaming one, suggesting topics as a user types, and the cue words each topic answers by."""

from __future__ import annotations

import pytest

from bot.services.errors import QueryError
from bot.services.topics import (
    add_topic,
    discover_topics,
    find_topic,
    list_topics,
    remove_topic,
    rename_topic,
    suggest_topics,
    topic_cue_map,
)
from bot.store import Store
from bot.store.topics import TopicRow, discovered_meta_key, put_topic


@pytest.mark.parametrize(
    "typed", ["ceasefire", "Ceasefire", "停戦", "cease fire", " CEASEFIRE ", "ceasfire", "ceasefir"]
)
async def test_a_topic_is_found_by_id_label_either_language_or_a_small_typo(store: Store, typed: str) -> None:
    assert (await find_topic(store, typed)).id == "ceasefire"


@pytest.mark.parametrize("typed", ["", "   ", None])
async def test_no_topic_named_is_refused(store: Store, typed: str | None) -> None:
    with pytest.raises(QueryError) as info:
        await find_topic(store, typed)  # type: ignore[arg-type]
    assert str(info.value) == "Name a topic; `topics` (or /topic list) lists them."


async def test_an_unknown_topic_offers_the_close_ones(store: Store) -> None:
    with pytest.raises(QueryError) as info:
        await find_topic(store, "sanctio")
    assert info.value.message == "Unknown topic 'sanctio'; `topics` lists them. Did you mean: sanctions, nato?"
    assert info.value.suggestions == ["sanctions", "nato"]
    with pytest.raises(QueryError) as far:
        await find_topic(store, "xyz")
    assert far.value.suggestions == []
    assert far.value.message == "Unknown topic 'xyz'; `topics` lists them."  # no empty "Did you mean" after it


async def test_a_name_that_matches_a_topic_at_the_cut_off_finds_it(store: Store) -> None:
    assert (await find_topic(store, "defense")).id == "defense_spending"  # WRatio exactly 90, the cut-off


async def test_an_unknown_topic_offers_three_at_most_and_those_at_the_cut_off(store: Store) -> None:
    with pytest.raises(QueryError) as info:
        await find_topic(store, "us")  # four topics match it equally (WRatio 60): three are offered
    assert info.value.code == "topic.unknown_suggest" and len(info.value.params["suggestions"]) == 3
    with pytest.raises(QueryError) as info:
        await find_topic(store, "ukraine")  # security guarantees at 64, prisoners at exactly 50
    assert info.value.params["suggestions"] == ["security_guarantees", "prisoners"]


@pytest.mark.parametrize(
    ("name", "key"),
    [(" Black  Sea-talks_ ", "black_sea_talks"), ("ＵＳ　Ｔａｒｉｆｆｓ", "us_tariffs"), ("_港湾 協定_", "港湾_協定")],
)
async def test_a_new_topics_id_is_its_name_folded(store: Store, name: str, key: str) -> None:
    """Full width folded, lower case, runs of spaces, hyphens and underscores one underscore, none at the ends."""
    assert (await add_topic(store, name, ["港湾"])).id == key
    assert (await find_topic(store, key)).id == key


async def test_renaming_keeps_the_id_and_cue_words(store: Store) -> None:
    before = await find_topic(store, "ceasefire")
    renamed = await rename_topic(store, "停戦", "  停戦  合意 ", by="admin")
    assert (renamed.id, renamed.label, renamed.cues) == ("ceasefire", "停戦 合意", before.cues)
    found = await find_topic(store, "停戦 合意")
    assert (found.id, found.label, found.origin, found.cues) == ("ceasefire", "停戦 合意", "seed", before.cues)
    assert [t.label for t in await list_topics(store, discover=False) if t.id == "ceasefire"] == ["停戦 合意"]
    assert (await rename_topic(store, "ceasefire", "名" * 60)).label == "名" * 60


@pytest.mark.parametrize("name", ["", "   ", None, "名" * 61])
async def test_a_new_name_must_have_1_to_60_characters(store: Store, name: str | None) -> None:
    with pytest.raises(QueryError) as info:
        await rename_topic(store, "ceasefire", name)  # type: ignore[arg-type]
    assert str(info.value) == "Give the new name (1–60 characters)."
    assert (await find_topic(store, "ceasefire")).label == "停戦"


async def test_a_renamed_discovered_topic_becomes_the_admins(store: Store) -> None:
    await put_topic(store, TopicRow("備蓄米放出", "備蓄米放出", ["備蓄米放出"], "discovered", 3, False, None))
    renamed = await rename_topic(store, "備蓄米放出", "備蓄米")
    assert renamed.id == "備蓄米放出"
    [row] = [t for t in await list_topics(store, discover=False) if t.id == "備蓄米放出"]
    assert (row.label, row.origin, row.cues, row.documents) == ("備蓄米", "admin", ["備蓄米放出"], 3)


async def test_suggestions_follow_what_is_typed(store: Store) -> None:
    every = await list_topics(store)
    assert [t.id for t in await suggest_topics(store, "")] == [t.id for t in every][:25]
    assert [t.id for t in await suggest_topics(store, "", limit=3)] == [t.id for t in every][:3]
    assert [t.id for t in await suggest_topics(store, "休戦")] == ["ceasefire"]  # a cue word
    assert (await suggest_topics(store, "nato"))[0].id == "nato"
    assert await suggest_topics(store, "zzzz") == []
    assert len(await suggest_topics(store, "平和", limit=1)) == 1


async def test_a_name_match_ranks_above_a_cue_word_match(store: Store) -> None:
    await add_topic(store, "監視団", ["停戦合意"])  # its cue word holds what is typed
    await add_topic(store, "停戦合意の履行", ["履行"])  # its name does
    ids = [t.id for t in await suggest_topics(store, "停戦合意")]
    assert ids.index("停戦合意の履行") < ids.index("監視団")


async def test_the_cue_map_holds_every_topic_not_removed(store: Store) -> None:
    await add_topic(store, "備蓄米", ["備蓄米", "政府備蓄米"])
    await remove_topic(store, "nato")
    cues = await topic_cue_map(store)
    assert cues["備蓄米"] == ["備蓄米", "政府備蓄米"]
    assert cues["ceasefire"][:2] == ["停戦", "休戦"] and "nato" not in cues


async def test_a_servers_cue_map_holds_its_own_topics_and_not_another_servers(store: Store) -> None:
    await add_topic(store, "港湾協定", ["港湾", "港湾協定"], guild_id=7)
    await remove_topic(store, "nato", guild_id=7)
    own = await topic_cue_map(store, 7)
    assert own["港湾協定"] == ["港湾", "港湾協定"] and "nato" not in own
    for other in (await topic_cue_map(store), await topic_cue_map(store, 8)):
        assert "港湾協定" not in other and "nato" in other


async def test_the_cue_map_reads_the_topics_found_so_far_without_searching_again(store: Store) -> None:
    """The cue map is read on every /stance about: it lists the discovered topics as last found, and the
    search for new ones (over thousands of passages) is left to the topic list and autocomplete."""
    seeded = {t.id for t in await list_topics(store, discover=False)}
    found = {t.id for t in await list_topics(store) if t.origin == "discovered"}
    assert found and not found & seeded  # the seed articles hold recurring phrases the seed topics lack
    await put_topic(store, TopicRow("新しい議題", "新しい議題", ["新しい議題"], "discovered", 2, False, None, 0))
    await store.set_meta(discovered_meta_key(0), "stale")  # documents changed since: a search would run again
    cues = await topic_cue_map(store)
    assert "新しい議題" in cues and found <= set(cues)


STOP_WORDS = {
    "the": "coal",
    "an": "oil",
    "its": "gas",
    "his": "fuel",
    "her": "wine",
    "their": "beer",
    "this": "salt",
    "that": "sugar",
    "new": "steel",
    "of": "rice",
    "on": "corn",
    "and": "milk",
    "to": "wool",
    "for": "silk",
}


def test_discovered_english_phrases_drop_articles_and_pronouns() -> None:
    texts = []
    for n, (stop, noun) in enumerate(STOP_WORDS.items()):
        texts += [
            (2 * n, f"They discussed {stop} {noun} tax today."),
            (2 * n + 1, f"Critics attacked {stop} {noun} tax."),
        ]
    texts += [(100, "The Copper Tax was raised."), (101, "Nobody liked the Copper Tax.")]  # any case
    found = {t.label: t.documents for t in discover_topics(texts, [])}
    assert found == {f"{noun} tax": 2 for noun in STOP_WORDS.values()} | {"copper tax": 2}


def test_discovered_japanese_phrases_keep_their_commonest_spelling() -> None:
    texts = [
        (1, "政府はヴィザ協定の見直しを求めた。"),  # the same topic, spelled so once
        (2, "ビザ協定をめぐり協議した。"),
        (3, "ビザ協定に反対した。"),
        (4, "新関税を発表した。"),  # three characters: long enough
        (5, "新関税に反発した。"),
        (6, "米法を批判した。"),  # two: too short to be a topic
        (7, "米法に言及した。"),
    ]
    found = {t.label: t for t in discover_topics(texts, [])}
    assert set(found) == {"ビザ協定", "新関税"}
    assert found["ビザ協定"].documents == 3 and found["ビザ協定"].origin == "discovered"
    assert found["ビザ協定"].cues == ["ビザ協定"]


async def test_an_admin_topic_at_its_limits(store: Store) -> None:
    name, cues = "名" * 60, [f"語{n}" for n in range(19)]
    added = await add_topic(store, f"  {name}  ", [*cues, " 語0 ", "  ", "長" * 60, "長" * 61], added_by="admin")
    assert (added.label, added.origin) == (name, "admin")
    assert added.cues == [*cues, "長" * 60]  # trimmed, repeated and empty ones dropped, 60 characters at most
    [row] = [t for t in await list_topics(store, discover=False) if t.id == added.id]
    assert row.documents == 0 and row.cues == added.cues
    spaced = await add_topic(store, "米 の 関税", ["相互 関税", "追加\u3000関税"])
    assert (spaced.label, spaced.cues) == ("米 の 関税", ["相互 関税", "追加 関税"])


@pytest.mark.parametrize(
    ("name", "cues", "message"),
    [
        ("   ", ["a"], "Name the topic, e.g. tariffs or 備蓄米."),
        ("名" * 61, ["a"], "A topic name has at most 60 characters."),
        ("多すぎ", [f"語{n}" for n in range(21)], "At most 20 cue words a topic."),
    ],
)
async def test_an_admin_topic_past_its_limits_is_refused(
    store: Store, name: str, cues: list[str], message: str
) -> None:
    with pytest.raises(QueryError) as info:
        await add_topic(store, name, cues)
    assert str(info.value) == message


TARIFF_REPORTS = [
    "---\ntitle: 関税 1\npublished: 2025-04-03\n---\nゼレンスキー大統領は相互関税について懸念を示した。\n",
    "---\ntitle: 関税 2\npublished: 2025-04-10\n---\nゼレンスキー大統領は相互関税に反対すると述べた。\n",
    "---\ntitle: 関税 3\npublished: 2025-04-12\n---\nゼレンスキー大統領は相互関税の撤回を求めた。\n",
]


async def test_a_servers_own_topic_once_removed_is_found_again_by_discovery(store: Store) -> None:
    """Removing a topic a server added deletes it: its cue words no longer hide the phrase from discovery, which
    finds it again when documents come in. A shared topic the server removes stays hidden (below)."""
    from bot.ingest.pipeline import ingest_text

    await add_topic(store, "相互関税", ["相互関税"], guild_id=7)
    for k, text in enumerate(TARIFF_REPORTS[:2]):
        await ingest_text(store, text, name=f"tariff{k}.md")
    mine = {t.id: t for t in await list_topics(store, guild_id=7)}
    assert mine["相互関税"].origin == "admin"  # its own cue word: not discovered beside it
    assert {t.id: t for t in await list_topics(store, guild_id=8)}["相互関税"].origin == "discovered"
    # another server's topic names the phrase by a cue word: the shared view finds it, that server does not
    await add_topic(store, "関税の話", ["相互関税"], guild_id=9)
    assert "相互関税" in {t.id for t in await list_topics(store)}
    nine = {t.id for t in await list_topics(store, guild_id=9)}
    assert "関税の話" in nine and "相互関税" not in nine
    removed = await remove_topic(store, "相互関税", guild_id=7)
    assert removed.origin == "admin" and "相互関税" not in {t.id for t in await list_topics(store, guild_id=7)}
    await ingest_text(store, TARIFF_REPORTS[2], name="tariff2.md")
    again = {t.id: t for t in await list_topics(store, guild_id=7)}
    assert again["相互関税"].origin == "discovered" and again["相互関税"].documents == 3
    # a seed topic removed by the server is hidden for it, and stays hidden when documents come in
    await remove_topic(store, "nato", guild_id=7)
    await ingest_text(store, TARIFF_REPORTS[2].replace("撤回", "見直し"), name="tariff3.md")
    assert "nato" not in {t.id for t in await list_topics(store, guild_id=7)}
