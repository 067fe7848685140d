"""Plans dated as done (issue 12, round 31): the day of a plan a clause names as a thing (「10日に開幕予定だった公演」
「7日に予定される抗議集会」), a later day a party says it will act on (「3日に…集会を開くとして」), and an English sentence of
the report's own day telling what a party is scheduled or plans to do that day ("He is scheduled to meet … on
Wednesday") date no happening; the happening, if it comes, is told on its own day."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateContext
from tests.article_events import events_of


@pytest.mark.parametrize(
    "sentence",
    [
        "劇場では、別の組の公演が打ち切られたほか、今月10日に開幕予定だった公演の初日も延期されている。",
        "首相は、4日に予定していた神社への参拝は延期する。",
        "議会は、今月10日に再開する予定だった審議について、来月まで休会とした。",
    ],
)
def test_the_day_of_a_plan_that_was_dates_nothing(sentence: str) -> None:
    assert not [d for d, _ in events_of("2023-11-12", sentence) if d.endswith(("-10", "-04"))]


def test_the_day_a_clause_does_something_on_still_dates_it() -> None:
    # 「10日、…延期すると発表した」: the announcement's own day, not a plan's
    assert events_of("2023-11-12", "劇団は10日、公演の初日を延期すると発表した。")[0][0] == "2023-11-10"


def test_a_plan_to_come_named_by_its_clause_is_a_day_ahead_and_dates_nothing() -> None:
    sentence = "野党は7日に予定される抗議集会に参加するよう支持者に呼び掛けた。"
    (seven,) = [m for m in DateContext(dt.date(2024, 9, 6)).scan(sentence, dt.date(2024, 9, 6)) if m.text == "7日"]
    assert seven.value == "2024-09-07"  # the planned rally's day, ahead: not 7 August
    assert not [d for d, _ in events_of("2024-09-06", sentence) if d.endswith("-07")]


def test_a_day_whose_own_verb_is_done_stays_behind() -> None:
    sentence = "野党は7日に開いた抗議集会で支持者に結集を呼び掛けた。"
    (seven,) = [m for m in DateContext(dt.date(2024, 9, 6)).scan(sentence, dt.date(2024, 9, 6)) if m.text == "7日"]
    assert seven.value == "2024-08-07"
    assert events_of("2024-09-06", sentence)[0][0] == "2024-08-07"


def test_a_later_day_a_party_says_it_will_act_on_is_a_plan() -> None:
    found = events_of("2024-08-02", "野党指導者は、3日に首都で大規模集会を開くとして支持者に参加を呼びかけている。")
    assert not [d for d, _ in found if d == "2024-08-03"]


@pytest.mark.parametrize(
    "sentence",
    [
        "He is scheduled to pay a courtesy call on the prime minister on Wednesday.",
        "The agency plans to take the sample out of the cask on Wednesday.",
    ],
)
def test_an_english_plan_of_the_report_s_own_day_is_no_happening(sentence: str) -> None:
    # 30 July 2025 was a Wednesday
    assert not [d for d, _ in events_of("2025-07-30", sentence) if d == "2025-07-30"]


@pytest.mark.parametrize(
    "sentence",
    [
        "He paid a courtesy call on the prime minister on Wednesday.",
        "The minister said on Wednesday that the agency plans to take the sample out of the cask.",
    ],
)
def test_an_english_happening_or_saying_of_the_day_stays(sentence: str) -> None:
    assert [d for d, _ in events_of("2025-07-30", sentence) if d == "2025-07-30"]


# --- a minister's briefing after the cabinet meeting; the question put; a first clause cut before a plan -----------


def test_the_briefing_after_the_cabinet_meeting_is_of_that_day() -> None:
    found = events_of(
        "2023-03-17",
        "財務大臣は17日の閣議のあとの記者会見で、「金融システムは全体として安定している」と述べました。",
    )
    assert [d for d, _ in found] == ["2023-03-17"]


def test_what_followed_a_day_s_happening_is_still_not_of_that_day() -> None:
    # 「21日の大雨の後、…」: after the rain, on days the sentence does not name
    assert not events_of("2024-10-01", "21日の記録的な大雨の後、知事はSNSで連日のようにボランティアを募った。")


def test_the_question_put_to_a_party_is_no_happening() -> None:
    found = events_of(
        "2024-12-13", "金融担当大臣は13日の閣議のあとの記者会見で、記者団から銀行の問題への受け止めを問われました。"
    )
    assert not found


def test_a_first_clause_cut_before_a_planned_day_is_told_by_its_whole_sentence() -> None:
    found = events_of(
        "2020-04-10",
        "大会の新たな日程は先月30日に決まり、五輪は来年7月23日、パラリンピックは同8月24日にそれぞれ開幕する。",
    )
    assert [d for d, _ in found] == ["2020-03-30"]
    assert "7月23日" in found[0][1]  # what was decided, not the fragment 「…先月30日に決まり」


def test_a_first_clause_whose_next_day_is_a_happening_keeps_its_own_clause() -> None:
    found = events_of("2025-10-20", "県警は16日夕に捜索を打ち切り、17日朝に再開した。")
    assert found == [("2025-10-16", "県警は16日夕に捜索を打ち切り"), ("2025-10-17", "17日朝に再開した。")]
