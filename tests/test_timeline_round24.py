"""False timeline entries by class over every tuned story (issue 12, round 24: precision on text nobody tuned for).

Classes general enough for a rule, each seen in several stories, with sentences of our own and counter-examples.

- **A day inside an English speaker's words dates nothing**: the day is the speaker's, not the report's
  ('"We needed the soldiers here on Wednesday, not now," said a resident' valencia2024; '"… will not forget who was
  in charge on Sept. 8."' nepal2025; '"… Usha's visit to Greenland this Thursday …," Vance said in a video posted
  on Tuesday' greenland2025, whose report is Tuesday's; kyoani2024). Japanese quotes were masked already.
"""

from __future__ import annotations

import pytest

from bot.extract.quotemarks import english_quote_spans
from tests.test_timeline_retold21 import _events

# --- a day inside an English quote --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '"We needed the pumps here on Wednesday, not now," said Maria Lopez, 51, outside her flooded shop.',
        'Analysts were blunt. "Voters will not forget who was in charge on Oct. 3," said one lecturer.',
        "“The talks we held on Monday changed nothing,” a union official told reporters.",
    ],
)
def test_a_day_inside_an_english_quote_dates_nothing(body: str) -> None:
    assert _events(body, published="2024-10-25") == []


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # the day outside the quote is the report's, the quoted one is not
        ('"The visit this Thursday matters," the minister said in a video posted on Tuesday.', "2024-10-22"),
        ('The mayor on Monday ordered residents to leave, calling the flood "the worst in memory" for the town.', "2024-10-21"),
        # a quote closed before the date: the date is the sentence's
        ('"It was a mistake," the governor told parliament on Friday, apologising for the delay.', "2024-10-25"),
    ],
)
def test_a_day_outside_the_quote_stays(body: str, day: str) -> None:
    assert [d for d, _ in _events(body, published="2024-10-25")] == [day]


def test_english_quote_spans_pair_the_marks_in_order() -> None:
    text = 'He said "one" and “two” then "three'
    assert [text[a:b] for a, b in english_quote_spans(text)] == ['"one"', "“two”"]
