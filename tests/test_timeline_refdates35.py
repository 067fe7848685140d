"""Dates that are not the clause's own (issue 12, round 35): a day that modifies a noun the clause reacts to or counts
from (「1月8日の事件を受け」「8日の発砲を巡っては、…9日、…求めた」), a day counted from a noun's happening rather than
from the last day named (「「ブラックマンデー」翌日」「会見の前日」), a call to act on a later day (「7日に抗議集会を開くと呼び
かけている」) and a goal's day (「17日の完了を目指す」) date no happening of the clause."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext
from tests.article_events import events_of


def test_a_day_the_clause_reacts_to_dates_nothing() -> None:
    assert events_of("2025-12-10", "1月8日の事件を受け、政府は警備を強化した。") == []
    assert events_of("2025-12-10", "10月7日の奇襲以降、軍は攻撃を強めた。") == []


def test_the_clause_takes_its_own_day_past_a_day_it_refers_to() -> None:
    found = events_of(
        "2025-09-12",
        "8日の発砲を巡っては、国連の人権高等弁務官が9日、迅速で公正な調査を求めた。",
    )
    assert [d for d, _ in found] == ["2025-09-09"]
    found = events_of("2025-12-10", "1月8日の事件から11カ月となる8日、追悼式が開かれた。")
    assert [d for d, _ in found] == ["2025-12-08"]


def test_an_occasion_a_day_names_is_still_the_acts_day() -> None:
    assert [d for d, _ in events_of("2025-12-10", "首相は3日の記者会見で辞任を表明した。")] == ["2025-12-03"]
    assert [d for d, _ in events_of("2025-12-10", "3日の火災では5人が死亡した。")] == ["2025-12-03"]


def test_a_day_counted_from_a_nouns_happening_is_no_date() -> None:
    ctx = DateContext(dt.date(2024, 8, 6))
    text = "日経平均は5日、1987年の「ブラックマンデー」翌日を超える下げ幅を記録した。"
    assert [m.text for m in ctx.scan(text, dt.date(2024, 8, 6)) if m.text == "翌日"] == []
    found = events_of(
        "2020-01-09",
        "被告は8日、記者会見した。",
        "広報担当者は、会見の前日に逮捕状を取ったのは「哀れだ」とコメントした。",
    )
    assert [d for d, _ in found] == ["2020-01-08"]


def test_that_next_day_still_counts_from_the_last_day_named() -> None:
    found = events_of("2020-01-09", "被告は7日、出国した。", "その翌日、記者会見を開いた。")
    assert [d for d, _ in found] == ["2020-01-07", "2020-01-08"]


def test_a_call_to_act_on_a_later_day_is_no_happening_of_that_day() -> None:
    assert events_of("2024-09-06", "野党は7日に抗議集会を開くと呼びかけている。") == []
    assert events_of("2024-09-03", "野党は7日に抗議集会を開くよう呼び掛けている。") == []


def test_a_goals_day_is_no_happening() -> None:
    assert events_of("2024-04-10", "県は、17日か18日ごろの完了を目指す。") == []
    assert events_of("2024-09-06", "県は10日に運転を再開することを目指している。") == []
