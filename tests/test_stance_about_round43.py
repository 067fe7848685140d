"""/stance --about when the user's words are not the article's, forty-third round (issue 11): an event named by one
noun in English and another in Japanese (a killing: 殺害, 殺人, 射殺, 暗殺; shooting a plane down: 撃墜; a quake:
地震, 震災; `equivalents` in bot/data/about.json), and a capital typed for the government seated there ("Canberra's
plan", "talks with Tokyo": `capitals` in bot/data/countries.json, `about.capital_names`). Each with cases that must
fire and cases that must not, on words of our own."""

from __future__ import annotations

import pytest

from bot.extract.about import capital_names, named_words
from tests.about_targets import forms_of, related_target, word_index

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


# --- an event said by one noun in each language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("about", "word", "other"),
    [
        ("the murder of the activist", "murder", "殺害"),
        ("the killing of the journalist", "killing", "殺人"),
        ("the assassination of the former leader", "assassination", "暗殺"),
        ("the takedown of the drone", "takedown", "撃墜"),
        ("shooting down the airship", "shooting", "撃墜"),
        ("rebuilding after the quake", "quake", "地震"),
        ("記者の殺害", "殺害", "murder"),
        ("無人機の撃墜", "撃墜", "shootdown"),
        ("地震後の復旧", "地震", "earthquake"),
    ],
)
def test_an_event_named_in_the_other_language_is_matched(about: str, word: str, other: str) -> None:
    assert other in forms_of(related_target(about), word)


@pytest.mark.parametrize(
    ("about", "statement", "word"),
    [
        ("the takedown of the drone", "無人機の撃墜は過剰な反応で、容認できない", "takedown"),
        ("the murder of the activist", "活動家が射殺された事件の真相を明らかにすべきだ", "murder"),
        ("rebuilding after the quake", "震災からの復興に全力を挙げる", "quake"),
        ("記者の殺害", "The killing of a reporter cannot go unpunished", "殺害"),
    ],
)
def test_a_statement_in_the_other_language_names_the_event(about: str, statement: str, word: str) -> None:
    target = related_target(about)
    assert word_index(target, word) in named_words(target, statement)


def test_a_statement_naming_another_event_does_not_name_it() -> None:
    # must not fire: a crash is no shootdown, an attack no killing, a flood no quake
    for about, word, statement in (
        ("the takedown of the drone", "takedown", "無人機の墜落事故を調べる"),
        ("the murder of the activist", "murder", "活動家への襲撃を非難した"),
        ("rebuilding after the quake", "quake", "洪水の被害を調べる"),
        ("記者の殺害", "殺害", "The attack on a reporter cannot go unpunished"),
    ):
        target = related_target(about)
        assert word_index(target, word) not in named_words(target, statement)


# --- a capital for its government ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("about", "word", "country"),
    [
        ("Ottawa's new levy on foreign buyers", "ottawa", "カナダ"),
        ("Canberra's ban on vaping", "canberra", "豪政府"),
        ("Brussels' fine on the platform", "brussels", "欧州連合"),
        ("reopening talks with Tokyo", "tokyo", "日本"),
        ("sanctions on Pyongyang", "pyongyang", "北朝鮮"),
        ("a trade deal with Washington", "washington", "米政府"),
        ("New Delhi's response to the charges", "new delhi", "インド"),
    ],
)
def test_a_capital_typed_for_its_government_is_said_by_the_countrys_names(about: str, word: str, country: str) -> None:
    assert country in capital_names(word, about)
    assert country.lower() in forms_of(related_target(about), word)


@pytest.mark.parametrize(
    ("about", "word"),
    [
        ("the Tokyo marathon", "tokyo"),  # the city's event
        ("running for Tokyo governor", "tokyo"),  # the city's office
        ("the talks held in Riyadh", "riyadh"),  # where it happens
        ("the lawyer who fled to Madrid", "madrid"),
        ("housing prices of Seoul", "seoul"),
        ("the mayor running Paris", "paris"),
        ("a deal struck without Kyiv", "kyiv"),  # left out of it: the country's own leader names it in every line
        ("Seoul pulling out of the ceremony", "seoul"),  # the subject of an act: read as written
        ("tokyo's budget", "tokyo"),  # not capitalised as typed: no name
        ("Colombo's harbour", "colombo"),  # no capital of a country listed
    ],
)
def test_a_capital_as_the_city_keeps_its_own_name(about: str, word: str) -> None:
    assert capital_names(word, about) == ()


def test_a_capital_named_for_its_government_names_a_statement_on_the_government() -> None:
    target = related_target("Canberra's plan to cap student visas")
    k = word_index(target, "canberra")
    assert k in named_words(target, "豪政府の方針は大学経営を圧迫する")
    assert k in named_words(target, "Australia's cap will hurt universities")
    # must not fire: another country's government
    assert k not in named_words(target, "カナダ政府の方針は大学経営を圧迫する")
