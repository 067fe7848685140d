"""/stance --about asked in one language over a statement in the other, forty-fifth round (issue 11): a country said
by its people's adjective or its abbreviation in the other script (`bot/data/countries.json`, rows of every country
CLDR names made by tools/make_countries.py; `about.country_in_english`, `about.typed_in_capitals`), and an English
verb's noun of action made by its ending, for the Japanese words that gloss that noun (`about.action_nouns`: expand
→ expansion → 拡大). Each with cases that must fire and cases that must not, on words of our own."""

from __future__ import annotations

import pytest

from bot.extract.about import action_nouns, country_in_english, named_words, typed_in_capitals
from bot.text import normalize
from tests.about_targets import forms_of, related_target, word_index
from tools.make_countries import adjectives_by_country, extended, people_forms

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


# --- a country said by its adjective, its abbreviation, its name in the other script ------------------------------


@pytest.mark.parametrize(
    ("about", "word", "other"),
    [
        ("Moroccan aid to the villages", "moroccan", "モロッコ"),
        ("the Kenyan police crackdown", "kenyan", "ケニア"),
        ("visa bans on Georgian officials", "georgian", "ジョージア"),
        ("the UK ban on the drug", "uk", "英国"),
        ("the U.K. ban on the drug", "uk", "イギリス"),
        ("the U.S. tariffs on steel", "us", "米国"),
    ],
)
def test_an_english_country_word_is_said_by_its_japanese_names(about: str, word: str, other: str) -> None:
    assert normalize(other) in forms_of(related_target(about), word)


@pytest.mark.parametrize(
    ("about", "word", "statement"),
    [
        ("モロッコへの救助隊の派遣", "モロッコ", "Moroccan officials said the rescuers had reached the villages."),
        ("インドの支援", "インド", "Indian engineers will help rebuild the bridge."),
        ("スペインの提案", "スペイン", "The Spanish proposal was welcomed by the other members."),
    ],
)
def test_a_japanese_country_is_named_in_english_by_its_adjective(about: str, word: str, statement: str) -> None:
    target = related_target(about)
    assert target.english is not None
    assert word_index(target, word) in named_words(target.english, statement)


def test_a_country_word_is_not_read_where_it_names_no_country() -> None:
    # must not fire: an abbreviation not typed in capitals (the pronoun "us"), nor inside a longer word
    assert not typed_in_capitals("us", "what the plan means for us")
    assert not typed_in_capitals("uk", "the UKIP campaign")
    assert not typed_in_capitals("uk", "voters backing Reform UK")  # a party's name, not the country
    assert not typed_in_capitals("us", "the sale of U.S. Steel")  # a company's
    assert typed_in_capitals("uk", "the U.K. plan") and typed_in_capitals("us", "US troops")
    assert country_in_english("政府") == []
    assert country_in_english("Morocco") == []  # an English word is said in Japanese by `_country_names`, not here
    target = related_target("モロッコへの支援")
    assert word_index(target, "モロッコ") not in named_words(target.english, "The moral case for aid is strong.")


def test_the_tool_adds_a_country_with_its_adjectives_and_keeps_the_hand_rows() -> None:
    data = {
        "_comment": "",
        "countries": [
            {"en": "America", "adjectives": ["American"], "ja": ["米国", "アメリカ"], "capital": "Washington"}
        ],
    }
    adjectives = adjectives_by_country({"moroccan": ["Morocco"], "afrikaans": ["South Africa"], "maroc": ["Morocco"]})
    out = extended(data, [("Morocco", "モロッコ"), ("United States", "アメリカ合衆国"), ("Mali", "マリ")], adjectives)
    assert out["countries"][0] == data["countries"][0]  # the hand row as it was, its capital kept
    made = out["countries"][1:]
    assert made == [
        {"en": "Morocco", "adjectives": ["Moroccan", "Moroccans"], "ja": ["モロッコ"], "made": True}
    ]  # マリ: inside マリア
    assert adjectives_by_country({"afrikaans": ["South Africa"]}) == {}  # another root than the name's
    assert people_forms("Japanese") == ["Japanese"]


# --- an English verb's noun of action ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("expand", "expansion"),
        ("reject", "rejection"),
        ("withdraw", "withdrawal"),
        ("suspend", "suspension"),
        ("negotiate", "negotiation"),
        ("deploy", "deployment"),
        ("cancel", "cancellation"),
        ("restore", "restoration"),
    ],
)
def test_a_verb_is_said_by_its_noun_of_action(verb: str, noun: str) -> None:
    assert noun in action_nouns(verb)


@pytest.mark.parametrize(("verb", "noun"), [("import", "importance"), ("state", "stature"), ("inform", "informal")])
def test_a_noun_of_another_sense_is_not_a_verbs_action(verb: str, noun: str) -> None:
    # must not fire: the noun's Japanese words share no kanji with the verb's (輸入 / 重要), or the verb is too short
    assert noun not in action_nouns(verb)


def test_an_english_verb_of_the_target_names_a_japanese_statement_by_its_nouns_glosses() -> None:
    from bot.extract.about import gloss_candidates

    target = related_target("expanding the survey area")
    assert "拡大" in gloss_candidates(target)[word_index(target, "expanding")]
