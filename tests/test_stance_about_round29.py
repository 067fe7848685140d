"""/stance --about across languages, twenty-ninth round (issue 11): a Japanese target read in an English statement's
own language — its words said in English before the clause (the sentence before, the headline) name it as a
Japanese context names a Japanese target, and an English gloss in the clause counts as much as a Japanese word of an
English target does in a Japanese clause — and the words news text says of one thing in both languages (号機 and
"Unit 6", ゼネスト and "general strike", 大統領令 and "executive order"). Each on sentences of our own, with a
counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, TargetWord, about_settings, add_related, parse_target, relevance
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import _context_across, stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE_EN = """\
---
title: Assembly backs the governor
published: 2025-11-21
---
The prefectural assembly on Friday passed a resolution of confidence in the governor.
"The ones who should be asked are the voters, not the assembly," Zelensky told reporters.
Zelensky also opened a new school on Friday. "The children deserve better classrooms," Zelensky said.
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE_EN, name="assembly_en.md")).status == "added"
    return store


def _target(text: str) -> Target:
    target = parse_target(text, ActorIndex([]), {})
    add_related(target)
    return target


def test_a_japanese_target_is_named_by_its_english_words_before_an_english_clause() -> None:
    target = _target("県議会の信任決議")
    before = "The prefectural assembly on Friday passed a resolution of confidence in the governor."
    named = {target.words[k].form for k in _context_across(target, before, '"We must ask the voters," he said.')}
    assert {"信任", "決議"} <= named
    # counter-examples: before a Japanese clause the English view is not read (the Japanese words are), and an
    # English sentence about something else names none of it
    assert not _context_across(target, before, "「有権者に問うべきだ」と述べた。")
    assert not _context_across(target, "The children deserve better classrooms.", '"Fine," he said.')


async def test_an_english_reaction_after_the_sentence_naming_a_japanese_target_is_about_it(story: Store) -> None:
    found = [(s.position, s.text) for s in (await stance_about(story, "Zelensky", "県議会の信任決議")).statements]
    assert any("not the assembly" in t for _, t in found)
    assert not any("classrooms" in t for _, t in found)  # the next topic is not


def test_a_japanese_word_said_in_english_counts_as_a_gloss_does() -> None:
    words = [TargetWord("信任", ["信任"], [], 2.0, head=True), TargetWord("県", ["県"], [], 2.0)]
    target = Target("県の信任", words)
    near, gloss = about_settings()["near_weight"], about_settings()["gloss_weight"]
    assert gloss > near
    # the head named in the English clause by its gloss ("confidence"): at gloss_weight, not at near_weight
    as_neighbour = relevance(target, set(), set(), frozenset({0}), latin=True)
    as_gloss = relevance(target, set(), set(), frozenset({0}), latin=True, glossed=frozenset({0}))
    assert as_neighbour == pytest.approx(near / 2)
    assert as_gloss == pytest.approx(gloss / 2)


@pytest.mark.parametrize(
    ("about", "word", "japanese"),
    [
        ("restarting Unit 6 ahead of Unit 7", "unit", "号機"),
        ("the January general strike", "general strike", "ゼネスト"),
        ("the executive order lowering tariffs", "order", "大統領令"),
        ("the deregulation decree", "decree", "大統領令"),
        ("the first retrieval of melted fuel", "retrieval", "取り出し"),
        ("the devaluation of the peso", "devaluation", "切り下げ"),
    ],
)
def test_one_thing_said_in_both_languages_is_matched_across_them(about: str, word: str, japanese: str) -> None:
    target = _target(about)
    assert japanese in next(w.forms for w in target.words if w.form == word)


def test_a_military_strike_is_no_labour_strike() -> None:
    # counter-example: only the general strike is ゼネスト; strikes on a country are attacks
    target = _target("the US-British strikes on Yemen")
    assert not any(f in ("ゼネスト", "ストライキ") for w in target.words for f in w.forms)
