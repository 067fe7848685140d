"""Extraction cases mutation testing found untested (`python -m mutation survivors extract`, branch mut18).

The position scanner is built once, when `bot.extract.stance` is imported; mutmut forks each mutant from a process
that imported it already, so a test must build one afresh for a mutant of the builder to run: a scanner built
from the vocabulary reads a need stated (〜なければ〜できない, cannot … without) as support, and a scanner of
literals prefers the longest cue that starts at a place. Words on lines of their own under an announcement that
names nobody (「主なやりとりは次の通り。」) are the last person the item made its subject. A date's plan is embedded in
a done announcement only when the announcement ends the date's own sentence. An English date's past main verb
decides its year over a future relative clause after it. A mildly positive English word (VADER 1.0: advantage)
weighs on the positive side of a mixed sentence. A short English target word (four letters or fewer) is not
cut to a stem: news is no form of new.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract import stance
from bot.extract.about import match_spans, parse_target
from bot.extract.attribution import attribute
from bot.extract.dates import find_dates
from bot.extract.polarity import evaluation


@pytest.mark.parametrize(
    "text",
    ["住民の協力がなければ復興は成り立たない", "We cannot rebuild the port without federal money."],
)
def test_a_freshly_built_position_scanner_reads_a_need_as_support(text: str) -> None:
    tags = [tag for _, _, tag in stance._build_position_scanner().scan(text)]
    assert ("att", 1) in tags


def test_a_scanner_of_literals_prefers_the_longest_cue_at_a_place() -> None:
    scanner = stance._Scanner([("停止", "stop"), ("停止命令", "order"), ("命令", "command")])
    assert scanner.scan("停止命令が出た") == [(0, 4, "order")]
    assert scanner.scan("停止した") == [(0, 2, "stop")]


@pytest.mark.parametrize(
    ("announcement", "line"),
    [
        ("主なやりとりは次の通り。", "「長かった。本当にうれしい」"),
        ("会見での主な発言は次の通り。", "「長かった。本当にうれしい」"),
        ("記者団との主なやりとりは次の通り。", "> 長かった。本当にうれしい"),
    ],
)
def test_words_under_an_announcement_naming_nobody_are_the_last_subjects(announcement: str, line: str) -> None:
    text = f"山下一郎市長は2日、談話を出した。\n森本花子さんは3日、市内で記者会見した。\n{announcement}\n{line}\n"
    at = text.index("長かった")
    assert attribute(text, at, at + len("長かった"), ActorIndex([]), context=text) == "森本花子"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the announcement is in the date's own clause: a done act of last November
        ("市長は11月12日に元副市長を参与に起用すると発表し、新体制づくりを進めている。", "2024-11-12"),
        # the announcement is the next sentence's: the date is the plan's own, next November
        ("11月12日に新庁舎を開く予定だ。市長は元副市長を参与に起用すると発表した。", "2025-11-12"),
        ("11月12日に新庁舎を開く。市は元副市長を参与に起用すると発表した。", "2025-11-12"),
    ],
)
def test_a_plan_is_embedded_in_an_announcement_of_its_own_sentence_only(text: str, value: str) -> None:
    assert [m.value for m in find_dates(text, dt.date(2025, 3, 11))] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "On April 7 the council approved a plan that will build 200 homes.",
        "In April the council approved a plan that will build 200 homes.",
        "On April 7 he announced a partnership that would create jobs.",
    ],
)
def test_an_english_dates_past_verb_decides_over_a_future_relative_clause(text: str) -> None:
    """In a February 2025 article the approval is last April's, though April 2025 is nearer and the plan is to come."""
    assert [m.value[:4] for m in find_dates(text, dt.date(2025, 2, 10))] == ["2024"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # good (+1.9) and advantage (+1.0) against bad (-2.5) and failure (-2.3): neither side twice the other
        ("The deal is good and a real advantage, but the delays were bad and the costs a failure.", 0),
        # without the mild word the negative side is over twice the positive: a clear negative
        ("The deal is good, but the delays were bad and the costs a failure.", -1),
    ],
)
def test_a_mildly_positive_english_word_weighs_on_the_positive_side(text: str, value: int) -> None:
    assert evaluation(text) == value


@pytest.mark.parametrize(("target", "text"), [("news", "They passed a new law."), ("uses", "He will use it.")])
def test_a_short_english_target_word_is_not_cut_to_a_stem(target: str, text: str) -> None:
    assert match_spans(parse_target(target, ActorIndex([]), {}), text) == {}
