"""English day phrases counted from the last day the article named or from its date (issue 12): 「the next day」,
「the previous day」, 「two days later」, 「yesterday」; and an English sentence's tense not read from a noun."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateContext

REF = dt.date(2025, 3, 6)  # a Thursday


def _values(text: str, ref: dt.date = REF) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in DateContext(ref).scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The regulator fined the bank on Feb. 20. The bank appealed the next day.",
            [("Feb. 20", "2025-02-20"), ("the next day", "2025-02-21")],
        ),
        (
            "Parliament passed the bill on Tuesday. The following day, the senate rejected it.",
            [("Tuesday", "2025-03-04"), ("The following day", "2025-03-05")],
        ),
        (
            "The strike ended on March 1; the previous day, unions had rejected the offer.",
            [("March 1", "2025-03-01"), ("the previous day", "2025-02-28")],
        ),
        (
            "The ferry sank on Feb. 10. Two days later divers recovered the hull, and a day earlier the port had shut.",
            [("Feb. 10", "2025-02-10"), ("Two days later", "2025-02-12"), ("a day earlier", "2025-02-11")],
        ),
        ("The governor resigned yesterday.", [("yesterday", "2025-03-05")]),
        ("The next day, police arrested a suspect.", [("The next day", "2025-03-07")]),  # no day named: the reference
    ],
)
def test_english_day_phrases(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Everyday prices rose and someday they may fall.",  # no day phrase in a word
        "Later that day the minister spoke.",  # the same day: no other day than the one told before
        "The talks lasted a day and ended without a deal.",  # a duration, not a day
        "Many days later is not a count the rule reads.",
    ],
)
def test_not_english_day_phrases(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board rejected the plan on March 3.", "2025-03-03"),  # the noun "plan" is no future
        ("Flights were cancelled due to the storm on March 3.", "2025-03-03"),  # "due to" a cause
        ("The board plans to vote on March 3.", "2026-03-03"),  # "plans to": future
        ("Leaders are due to meet on March 3.", "2026-03-03"),
        ("The ministers will meet on March 3.", "2026-03-03"),
    ],
)
def test_english_tense_is_read_from_verbs_not_nouns(text: str, expected: str) -> None:
    assert [v for _, v in _values(text)] == [expected]
