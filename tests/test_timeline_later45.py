"""A day told as so many days after the day before it in its English sentence (issue 12, round 45).

"When the company announced on Oct. 16 that …, the fund hit back the next day", "On 15 October the court ruled, and
two days later the workers ended the strike", "… buried 12 bodies on 10 October, and a further 20 at the same site the
following day": the scanner resolves "the next day" from the day before it, but the sentence was dated by its first
day only, so the main clause's happening (or the second clause's) took the anchor's day (fujitv2025, hybe2024,
sudan2023 on the tuned set). Now a clause joined by ", and" / ";" that holds such a day is a happening of that day, and
a main clause after an opening "When/After …" clause is dated by it. Sentences of our own, counter-examples beside.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract.dates import DateContext
from bot.extract.segments import counted_forward
from tests.test_timeline_classes7 import events_of


@pytest.mark.parametrize(
    "body, days",
    [
        (
            "When the company announced on Oct. 16 that it opposed the plan, the fund hit back the next day.",
            ["2024-10-17"],
        ),
        (
            "After the mayor vetoed the budget on Oct. 8, the council overrode him two days later.",
            ["2024-10-10"],
        ),
        (
            "On 15 October the court sided with the union, and two days later the workers ended the strike.",
            ["2024-10-15", "2024-10-17"],
        ),
        (
            "The office said on Thursday that villagers buried 12 bodies on 10 October, and a further 20 at the same "
            "site the following day.",
            ["2024-10-10", "2024-10-11"],
        ),
    ],
)
def test_a_day_counted_forward_dates_its_own_clause(body: str, days: list[str], actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == days


@pytest.mark.parametrize(
    "body, days",
    [
        # the later day is a subordinate clause's, after the main clause's day: the main clause's day stays
        (
            "The minister told reporters on Wednesday that nothing had been found, a remark that drew criticism once "
            "police moved in the following day.",
            ["2024-10-16"],
        ),
        # a week later is a span, no day of the same course
        ("After the storm hit on Tuesday, the utility restored power a week later.", ["2024-10-15"]),
        # no opening clause of time: the sentence's first day, as before
        ("The union struck on Oct. 3 and talks resumed the day after the vote.", ["2024-10-03"]),
    ],
)
def test_other_later_days_leave_the_sentence_s_day(body: str, days: list[str], actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == days


def test_a_day_counted_forward_is_read_from_the_day_before_it_and_within_a_week() -> None:
    found = DateContext(dt.date(2024, 10, 20)).scan(
        "The court ruled on 15 October and, two days later, the union quit."
    )
    assert counted_forward(found[0], found[1])
    week = DateContext(dt.date(2024, 10, 20)).scan("The storm hit on 1 October and power came back 9 days later.")
    assert len(week) < 2 or not counted_forward(week[0], week[1])
