"""/stance in English text: whose sentence it is (stance_en), what a free-text target's head is, and a target
named by an equivalent word (bought = purchase, 提携 = partnership)."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import parse_target
from bot.extract.stance_en import english_clauses
from bot.ingest.parse import logical_lines
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.services.topics import topic_cue_map
from bot.store import Store


def speakers(actors: ActorIndex, text: str) -> list[tuple[str, str]]:
    found, _ = english_clauses(text, actors.mentions(text), actors, None, text)
    return [(actors.actors[c.actor_id].name, text[c.start : c.end].strip()) for c in found]


def test_a_quote_with_dotted_abbreviations_is_one_sentence_of_its_speaker(actors: ActorIndex) -> None:
    text = (
        'Trump has also promised to kill the deal. "I am totally against the once great U.S. Steel being bought by '
        'a foreign company," Trump wrote on Truth Social on Dec. 2.'
    )
    got = speakers(actors, text)
    assert [name for name, _ in got] == ["トランプ", "トランプ"]
    assert got[1][1].startswith('"I am totally against') and got[1][1].endswith("on Dec. 2.")


def test_a_subject_with_a_dateline_a_time_and_an_appositive_before_its_verb(actors: ActorIndex) -> None:
    text = (
        "WASHINGTON (Kyodo) -- U.S. President Donald Trump on Friday signed an executive order allowing the deal. "
        "Joe Biden, who blocked the takeover in January, criticized the order."
    )
    assert [name for name, _ in speakers(actors, text)] == ["トランプ", "バイデン"]


def test_a_possessive_or_a_name_inside_a_quote_is_not_the_subject(actors: ActorIndex) -> None:
    text = 'Trump\'s order drew praise from steelworkers. "Biden was wrong," one worker said.'
    assert speakers(actors, text) == []


def test_he_goes_on_from_the_last_person_named(actors: ActorIndex) -> None:
    text = "Biden said the deal posed a risk. He said he was acting to keep the company American-owned."
    assert [name for name, _ in speakers(actors, text)] == ["バイデン", "バイデン"]


def test_a_quote_ending_a_paragraph_is_not_glued_to_the_next_one() -> None:
    text = 'Ishiba told reporters, "Politics cannot stall even for a moment."\n\nAsked about a third party, Ishiba said no.'
    assert logical_lines(text) == [
        'Ishiba told reporters, "Politics cannot stall even for a moment."',
        "Asked about a third party, Ishiba said no.",
    ]


def test_a_line_broken_english_sentence_is_rejoined_with_its_space() -> None:
    text = "Prime Minister Shigeru Ishiba said on Monday that the party would listen to\n\nother parties' policies."
    assert logical_lines(text) == [
        "Prime Minister Shigeru Ishiba said on Monday that the party would listen to other parties' policies."
    ]


def test_a_kind_word_does_not_head_the_target(actors: ActorIndex) -> None:
    # the decision is a kind of thing; what it is about heads the target
    en = parse_target("Biden's decision to block the takeover", actors, {})
    assert [w.form for w in en.head_words] == ["takeover"]
    ja = parse_target("バイデン政権による買収禁止の判断", actors, {})
    assert "判断" not in [w.form for w in ja.head_words]
    assert {w.form for w in ja.head_words} & {"買収", "禁止"}
    # a verb is never the head: the noun phrase before it is
    verb = parse_target("米政府に黄金株を与える合意", actors, {})
    assert all(w.form not in ("与える", "与え") for w in verb.head_words)


ARTICLE = """\
---
title: Trump backs Nippon Steel partnership
published: 2025-05-31
language: en
---
PITTSBURGH (Reuters) - President Donald Trump on Friday praised the partnership, calling it a blockbuster agreement.
"I am totally against the once great U.S. Steel being bought by a foreign company," Trump wrote in December.
"""


@pytest.fixture
async def english_story(store: Store) -> Store:
    result = await ingest_text(store, ARTICLE, name="steel.md")
    assert result.status == "added"
    return store


async def test_a_target_named_by_an_equivalent_word(english_story: Store) -> None:
    # the user says "purchase"; the article says "bought": the same act
    report = await stance_about(english_story, "Trump", "the purchase of U.S. Steel")
    texts = [s.text for s in report.statements]
    assert any("bought by a foreign company" in t for t in texts), texts


async def test_equivalents_cross_languages(english_story: Store) -> None:
    target = parse_target("日鉄との提携", english_story.actors, await topic_cue_map(english_story))
    forms = {f for w in target.words for f in w.forms}
    assert {"partnership", "alliance"} <= forms


def test_an_officer_speaks_for_the_body(actors: ActorIndex) -> None:
    index = actors.extended(
        [("American Automotive Policy Council", [], "org", None), ("Matt Blunt", ["Blunt"], "person", None)]
    )
    text = (
        "The American Automotive Policy Council, which represents Ford, General Motors and Stellantis, criticized the "
        'terms. "It is a bad deal for U.S. industry," the group\'s president, Matt Blunt, said in a statement.'
    )
    found, _ = english_clauses(text, index.mentions(text), index, None, text)
    second = [index.actors[c.actor_id].name for c in found if "bad deal" in text[c.start : c.end]]
    assert sorted(second) == ["American Automotive Policy Council", "Matt Blunt"]
