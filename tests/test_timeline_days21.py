"""Bare days (「11日」) read in the wrong month (issue 12, round 21).

A day to come named first in a paragraph (「7月3日投開票の知事選で」「来月4日に協議を行う」) lent its month to a bare day
the report tells as done (「…は21日、届け出た」 in a report of the 21st): the day is the report's month's. And a bare day
far into the next month is written with its month (「来月2日」): a bare day whose own verb is a plan inside a done
sentence (「2日に関税を課すと発表した」 in a report of the 5th) is the day that sentence tells. Sentences of our own,
each with a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateContext


def _days(text: str, published: str) -> list[str]:
    return [m.value for m in DateContext(dt.date.fromisoformat(published)).scan(text)]


# --- a day to come named first lends its month to no day told as done ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the election's day is a noun's (投開票の); the party registered its candidate on the report's day
        (
            "7月3日投開票の知事選で、野党は21日、元市長を候補として届け出た。",
            "2025-06-21",
            ["2025-07-03", "2025-06-21"],
        ),
        ("7月3日投開票の知事選は21日、期日前投票が始まった。", "2025-06-21", ["2025-07-03", "2025-06-21"]),
        # across a sentence of the paragraph: the army's claim is of the report's day, not next month's
        (
            "両国は来月4日に協議を行うことで一致した。ただ、軍は29日、「攻撃があった」と主張した。",
            "2025-07-29",
            ["2025-08-04", "2025-07-29"],
        ),
    ],
)
def test_a_day_to_come_lends_no_month_to_a_day_told_done(text: str, published: str, expected: list[str]) -> None:
    assert _days(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the bare day reads ahead too: the plan goes on in the month named
        ("委員会は来月4日に会合を開き、10日に結論を出す予定だ。", "2025-06-21", ["2025-07-04", "2025-07-10"]),
        # a day after the report's own goes on in the named month (no day of the report's month so far)
        (
            "法案は来月3日に提出する。審議は25日の委員会で始めることで合意した。",
            "2025-06-21",
            ["2025-07-03", "2025-07-25"],
        ),
        # a month named before the report's: a bare day after it in that month, as before
        (
            "市は1月2日の時点で被害はないと説明していたが、5日になって訂正した。",
            "2025-01-20",
            ["2025-01-02", "2025-01-05"],
        ),
    ],
)
def test_a_day_that_goes_on_in_the_month_named(text: str, published: str, expected: list[str]) -> None:
    assert _days(text, published) == expected


# --- a bare day far into the next month ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a plan inside a done announcement, four weeks ahead if it were the plan's: the announcement's day
        ("政権は2日に中国に関税を課すと発表した。", "2025-04-05", ["2025-04-02"]),
        ("知事は26日には部隊の派遣を要請する方針を明らかにしていた。", "2025-10-28", ["2025-10-26"]),
    ],
)
def test_a_bare_day_far_ahead_in_a_done_sentence_is_this_months(text: str, published: str, expected: list[str]) -> None:
    assert _days(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("政権は2日に中国に関税を課すと発表した。", "2025-04-28", ["2025-05-02"]),  # days away: the plan's day
        ("知事は2日にも現地を視察する。", "2025-04-05", ["2025-05-02"]),  # the sentence itself reads ahead
        ("委員会は3日に会合を開く予定だ。", "2025-04-05", ["2025-05-03"]),
    ],
)
def test_a_bare_day_ahead_that_is_a_plan(text: str, published: str, expected: list[str]) -> None:
    assert _days(text, published) == expected
