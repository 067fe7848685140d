"""Round 30 (issue 12): a state that still went on, "that year", a second clause's doer with its place.

- 「首都では20日も空爆が続いた」「花蓮県では4日も余震が相次いだ」「米国では20日も空の便の混乱が続いた」"Cross-border fire
  continued on Thursday": the day (also, も) on which fighting, aftershocks or disruption begun before still went on had
  been an event of its own, a second entry of the war's or the quake's course (sudan2023 ×2, hualien2024,
  crowdstrike2024, lebanon2024). A done act on that day too (「20日も5便を欠航させた」「18日も点検した」) stays.
- "arrested Katsurada on Sept. 18, 2024, and … indicted him on Oct. 9 that year", "elected … in July 2022, visited the
  shrine on Aug. 15 that year": a month-day followed by "that year" is in the year of the date named before it, as 同年
  is, not in the year nearest the report (kazu2022, sado2024).
- "…, and prosecutors in Kushiro indicted him on Oct. 9": the second clause's doer may carry its place; its day is a
  second happening, not the first clause's (kazu2022).

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_timeline_dates19 import _days
from tests.test_timeline_retold21 import _events
from tests.test_timeline_round28 import _english_events


@pytest.mark.parametrize(
    "sentence",
    [
        "首都では20日も空爆が続いた。",
        "被災地では20日も余震が相次いだ。",
        "市内では20日夜にかけても交通の混乱が続き、学校の多くが休校した。",
        "前線では20日も砲撃が続いたと住民が証言している。",
    ],
)
def test_a_state_that_still_went_on_that_day_is_no_event(sentence: str) -> None:
    assert _events(sentence, "2024-10-21") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "同社は20日も成田発着の5便を欠航させた。",  # a done act on that day too
        "同社は20日も装置を点検した。",
        "山林火災は20日も燃え続け、延焼が広がった。",  # a verb of its own, no subject of 続く
        "首都では20日に空爆が続いた。",  # no も: the day is the state's own
    ],
)
def test_a_done_act_on_that_day_too_stays(sentence: str) -> None:
    assert [d for d, _ in _events(sentence, "2024-10-21")] == ["2024-10-20"]


def test_fire_that_continued_on_a_weekday_is_no_event() -> None:
    body = "Cross-border fire continued on Thursday, with the militia saying it had attacked several army posts."
    assert _english_events(body, "2024-09-20") == []


def test_talks_that_continued_on_a_weekday_stay() -> None:
    body = "Talks between the two delegations continued on Thursday in Geneva."
    assert [d for d, _ in _english_events(body, "2024-09-20")] == ["2024-09-19"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Police arrested the owner on Sept. 18, 2024, and prosecutors indicted him on Oct. 9 that year.",
            ["2024-09-18", "2024-10-09"],
        ),
        ("She was elected in July 2022 and visited the shrine on Aug. 15 the same year.", ["2022-07", "2022-08-15"]),
        # no "that year": the day nearest the report, as before
        (
            "Police arrested the owner on Sept. 18, 2024, and prosecutors indicted him on Oct. 9.",
            ["2024-09-18", "2025-10-09"],
        ),
    ],
)
def test_that_year_is_the_year_named_before(text: str, days: list[str]) -> None:
    assert _days(text, dt.date(2025, 11, 12)) == days


def test_a_second_clause_whose_doer_has_its_place_is_a_second_happening() -> None:
    body = "The coast guard arrested the owner on Sept. 18, 2024, and prosecutors in Kushiro indicted him on Oct. 9 that year."
    assert _english_events(body, "2025-11-12") == [
        ("2024-09-18", "The coast guard arrested the owner on Sept. 18, 2024"),
        ("2024-10-09", "prosecutors in Kushiro indicted him on Oct. 9 that year."),
    ]


def test_a_pronoun_after_and_still_goes_on_with_one_thing() -> None:
    body = "The balloon entered U.S. airspace on Jan. 28, and it reappeared over Montana on Feb. 1."
    assert [d for d, _ in _english_events(body, "2023-02-05")] == ["2023-01-28"]


# --- what a party did not do, a state that still held (English) -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The founder offered no explanation beyond a post on Tuesday.",
        "Asked on Thursday whether she owed residents an apology, the mayor did not answer directly.",
        "On Monday, he did not use the word independence at all.",
        "Artillery fire still echoed across the border early Sunday as the clashes entered a fourth day.",
        "The emergency regime in the capital remained in place early on Sunday.",
    ],
)
def test_what_was_not_done_or_still_held_is_no_event(sentence: str) -> None:
    assert _english_events(sentence, "2024-06-18") == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a done act first, the negation after it
        "The president said he had discussed the app with Xi in a call on Friday but gave no details.",
        # a negation inside what was said
        "The ministry said in a statement on Sunday that the vote was a local affair and that it did not change anything.",
        # "still" inside a question put to someone
        "Asked on Thursday whether Kyiv still faced his deadline, he answered that the deadline was the war's end.",
        # a count that still held is a tally the report gives
        "About 30 people remained unaccounted for on Tuesday, police said.",
    ],
)
def test_a_done_act_said_or_counted_stays(sentence: str) -> None:
    assert len(_english_events(sentence, "2024-06-18")) == 1
