"""/stance --about across languages, twenty-ninth round (issue 11): an English gloss of a Japanese target word in an
English clause counts as much as a Japanese word of an English target does in a Japanese clause, and the words news
text says of one thing in both languages (号機 and "Unit 6", ゼネスト and "general strike", 大統領令 and "executive
order"). Each on words of our own, with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, TargetWord, about_settings, add_related, parse_target, relevance

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str) -> Target:
    target = parse_target(text, ActorIndex([]), {})
    add_related(target)
    return target


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
