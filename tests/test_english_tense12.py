"""Issue #12: an English date's year follows its own predicate's tense, not that of a second predicate of the same
subject joined after it (「…stopped taking contracts on Jan. 16 and will not install…」 is last January)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateContext

REF = dt.date(2025, 2, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bank stopped taking new contracts at its branches on Jan. 16 and will not install new boxes.",
            "2025-01-16",
        ),
        ("The bank stopped taking new contracts on Jan. 16 but is expected to keep existing ones.", "2025-01-16"),
        ("The bank closed its office on Jan. 16 and plans to reopen it in spring.", "2025-01-16"),
        # the future is the date's own predicate: ahead (a day within half a year: one farther into the next calendar
        # year is written with its year, so a bare one is read behind, tests/test_timeline_sides22.py)
        ("The bank will close its branches on July 30 and will cut jobs.", "2025-07-30"),
        ("The bank said it would close its branches on July 30 and would cut jobs.", "2025-07-30"),
        ("The bank will close its branches on July 30.", "2025-07-30"),
    ],
)
def test_a_second_predicate_after_the_date_does_not_set_its_year(text: str, expected: str) -> None:
    assert [m.value for m in DateContext(REF).scan(text)] == [expected]
