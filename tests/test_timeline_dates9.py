"""Dates a Japanese report resolves on the wrong side (issue 12, round 9, from `eval/timeline_classes.py`'s
missed-event classes): sentences of our own, each with a counter-example the rule must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateContext, find_dates

DEC = dt.date(2024, 12, 20)  # a December report: January is near both ways


def values(text: str, ref: dt.date = DEC) -> list[str]:
    return [m.value for m in find_dates(text, ref)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a month-day opening its past clause (its verb is its own): the one behind, however near the next is
        ("市内で1月3日、男が店を襲った事件で、県警は20日、男を起訴した。", ["2024-01-03", "2024-12-20"]),
        ("1月3日の火災を受けて、市は対策をまとめた。", ["2024-01-03"]),
        # the day after a frame clause (「…事故で、」) is the report's month, not the frame's
        ("空港で1月3日、旅客機が停止線を越えた事故で、委員会は18日、報告書を公表した。", ["2024-01-03", "2024-12-18"]),
        # the date's own verb past (「…から始まっていた」): the one behind
        ("聞き取りは、入院先で1月15日から始まっていた。", ["2024-01-15"]),
        ("両氏は1月5日に会談した。", ["2024-01-05"]),
    ],
)
def test_a_past_opener_and_the_day_after_its_frame(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1月10日に新しい制度を始めることを決めた。", ["2025-01-10"]),  # the date's own verb is to come: ahead
        ("1月10日付で就任する人事を発表した。", ["2025-01-10"]),  # an effective date set by the announcement
        ("式典を1月10日に延期した。", ["2025-01-10"]),  # the date a change set: still to come
        ("1月10日に始めることを決めた。", ["2025-01-10"]),  # the date's own verb (始める) is to come
        # no frame between: a later bare day goes on in the month just named
        ("1月2日の時点で安全と説明していたが、5日になって訂正した。", ["2024-01-02", "2024-01-05"]),
    ],
)
def test_dates_ahead_and_chained_days_stay(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def scan(*sentences: str, ref: dt.date = dt.date(2024, 3, 12)) -> list[list[str]]:
    ctx = DateContext(ref)
    return [[m.value for m in ctx.scan(s)] for s in sentences]


def test_the_same_day_counts_from_the_day_told_not_a_state_since() -> None:
    """同日 after a day a state has run from (「…11日から始めており、」) is the day the article tells."""
    got = scan(
        "市は12日、新しい計画を公表した。",
        "窓口の受け付けは11日から始めており、順次広げる。",
        "市長は同日の会見で説明した。",
    )
    assert got == [["2024-03-12"], ["2024-03-11"], ["2024-03-12"]]
    got = scan("市は12日、計画を公表した。", "聞き取りは2月20日から続いていた。", "委員長は同日、記者会見した。")
    assert got[-1] == ["2024-03-12"]


def test_the_same_day_after_a_happening_that_began_that_day() -> None:
    """A happening that began on a day (no state since): 同日 counts from it."""
    assert scan("協議は11日から始まった。", "両氏は同日、会談した。") == [["2024-03-11"], ["2024-03-11"]]


def test_a_list_item_goes_on_in_the_month_of_the_item_before_to_its_end() -> None:
    """A bulleted chronology: an item whose days a month anchored (「4月13日…翌14日」) hands that month on; the next
    item's bare days stay in it, the later ones too (not the report's October)."""
    ctx = DateContext(dt.date(2025, 10, 16))
    first = ctx.scan("開幕日（4月13日）の来場者は約14万人。翌14日に会見した。", item=True)
    second = ctx.scan("最初の1週間（19日まで）の来場者は約52万人。副事務総長は21日の会見で述べた。", item=True)
    assert [m.value for m in first] == ["2025-04-13", "2025-04-14"]
    assert [m.value for m in second] == ["2025-04-19", "2025-04-21"]


def test_prose_after_a_list_keeps_the_reports_month() -> None:
    ctx = DateContext(dt.date(2025, 10, 16))
    ctx.scan("開幕日（4月13日）の来場者は約14万人。翌14日に会見した。", item=True)
    assert [m.value for m in ctx.scan("協会は15日、閉幕後の計画を公表した。")] == ["2025-10-15"]
