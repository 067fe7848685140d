"""/stance --about across languages, twenty-fourth round (issue 11): the news nouns the timeline's English stop list
drops are still a Japanese noun's glosses for a target (大統領 → president, 政府 → government), everyday verbs
JMdict marks without a news mark are glossed (続ける → continue), a Japanese word is said in English by its first
glosses that name something (公務員: servant, not the weak "government"), an English name's final -y is the long i
katakana writes (Carney カーニー), and a person named in both scripts is answered from the reports of each. Each on
words or sentences of our own, with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, english_glosses, gloss_candidates, parse_target
from bot.extract.event_words import event_glosses, gloss_forms
from bot.extract.gloss_words import noun_glosses, word_glosses
from bot.extract.romaji import sounds_like
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str) -> Target:
    return parse_target(text, ActorIndex([]), {})


def test_a_news_noun_keeps_the_gloss_the_timeline_drops() -> None:
    assert "president" in noun_glosses()["大統領"] and "government" in noun_glosses()["政府"]
    assert "minister" in noun_glosses()["大臣"] and "month" in noun_glosses()["今月"]
    # counter-example: the timeline reads the glosses without its stop words, as before (an English report's words
    # never hold them)
    assert "president" not in event_glosses()["大統領"] and "president" not in gloss_forms("大統領")
    assert "government" not in gloss_forms("政府")


def test_an_english_target_finds_the_japanese_news_noun() -> None:
    target = _target("the president's visit")
    president = next(n for n, w in enumerate(target.words) if w.form.startswith("president"))
    assert "大統領" in gloss_candidates(target)[president]


def test_an_everyday_verb_without_a_news_mark_is_glossed() -> None:
    words = word_glosses()
    assert "continue" in words["続ける"] and "avoid" in words["避ける"]
    # counter-example: a word glossing many verbs is still left out of each (it explains rather than names)
    assert not any("become" in glosses for glosses in words.values())


def test_a_japanese_word_is_said_in_english_by_its_first_glosses_that_name() -> None:
    target = _target("公務員への責任転嫁")
    k = next(n for n, w in enumerate(target.words) if w.form.startswith("公務"))
    said = english_glosses(target, k)
    assert "servant" in said
    assert "government" not in said  # counter-example: a weak word takes no place among them


@pytest.mark.parametrize(
    ("latin", "kana"), [("Carney", "カーニー"), ("Denny", "デニー"), ("Emily", "エミリー"), ("Julie", "ジュリー")]
)
def test_an_english_final_y_is_a_long_i(latin: str, kana: str) -> None:
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana"), [("Hartley", "ホテル"), ("Entry", "オンタリオ"), ("Shortly", "オーストリア")]
)
def test_a_final_y_read_as_i_must_match_letter_for_letter(latin: str, kana: str) -> None:
    assert not sounds_like(latin, kana)


JAPANESE = """\
---
title: カナダ首相、併合を拒否
published: 2025-05-07
---
カナダのカーニー首相は7日、トランプ米大統領が求める併合について「断じて受け入れない」と述べた。
"""

ENGLISH = """\
---
title: Canada will not be annexed, Carney tells Trump
published: 2025-05-06
language: en
---
Canadian Prime Minister Mark Carney met President Donald Trump at the White House on Tuesday.
"Canada will never accept a takeover by anyone," Carney said after the talks.
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, JAPANESE, name="ja.md")).status == "added"
    assert (await ingest_text(store, ENGLISH, name="en.md")).status == "added"
    return store


async def test_a_person_named_in_both_scripts_is_answered_from_each(story: Store) -> None:
    # カーニー's Japanese report names the head (併合) in its passages; Carney's English one the rest (takeover, 売却's
    # equivalent), the head in its headline only ("annexed"): it is read for his statements, not as a report on it
    # because the other script's reports name the head
    found = (await stance_about(story, "Carney", "カナダの売却・併合")).statements
    assert any("断じて受け入れない" in s.text for s in found)
    assert [(s.position, s.via) for s in found if "takeover" in s.text] == [("oppose", None)]
