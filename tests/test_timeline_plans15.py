"""An intention said on a day for later that day is no happening (issue 12, round 15): 「He said he would speak to the
president later on Sunday」 tells what was meant to come, whatever day the report is of; a thing done later that day,
and a public schedule of the day, stay the day's."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from tests.test_timeline_classes7 import events_of


@pytest.mark.parametrize(
    "body",
    [
        "The minister said she would visit the flooded town later on Tuesday.",
        "Regional officials said they would publish the damage figures later Tuesday.",
        "The mayor told reporters he would meet the relief teams later on Tuesday.",
    ],
)
def test_a_party_s_word_that_it_would_act_later_that_day_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors, published="2024-10-22") == []


@pytest.mark.parametrize(
    "body",
    [
        "The minister visited the flooded town later on Tuesday.",  # done
        "The central bank chief is scheduled to speak at the symposium later on Tuesday.",  # the day's programme
    ],
)
def test_what_was_done_or_scheduled_later_that_day_stays(body: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors, published="2024-10-22")] == ["2024-10-22"]


# --- a later day an English sentence names is not the day its hours are of ---------------------------------------

STRIKE = (
    "LONDON, March 3 (Reuters) - The dockers' union on Monday called a strike at the port for March 10, after talks"
    " with the operator failed.\n\nSpeaking at the union's headquarters shortly after 2 p.m., its general secretary"
    " announced the result of the strike ballot."
)


def test_an_english_day_ahead_leaves_the_hours_to_the_report_s_day(actors: ActorIndex) -> None:
    dated = events_of(STRIKE, actors, published="2025-03-03")
    assert [d for d, s in dated if s.startswith("Speaking")] == ["2025-03-03"]  # not the strike's March 10


# --- 「同日午後にも」: as early as that day, its verb still to come: a plan, even on the report's own day ---------------


@pytest.mark.parametrize(
    "body, kept",
    [
        # the word is the day's, not the dispatch
        ("市長は20日、職員を同日夕方にも現地へ派遣する考えを示した。", ["市長は20日"]),
        ("政府は20日にも臨時閣議を開く方針だ。", []),
        ("県は20日にも避難所を開いた。", ["県は20日"]),  # done: 「にも」 with a past verb stays
        ("職員は同日夕方にも現地へ向かった。", ["職員は同日"]),
    ],
)
def test_as_early_as_that_day_is_a_plan(body: str, kept: list[str], actors: ActorIndex) -> None:
    summaries = [s for _, s in events_of(body, actors, published="2024-10-20")]
    assert [s[: len(k)] for s, k in zip(summaries, kept, strict=False)] == kept and len(summaries) == len(kept)
