"""A deadline set by a demand, and a plan told as hearsay, date no happening (issue 12, round 17).

「3月15日までに改善計画を提出するよう命じた」: the day is when the demanded act
is due, not the day of the order; 「後任は29日に協議するという。」: what a source says is still to come. Sentences of our
own, each with a counter-example that stays an event."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.plans import ends_in_a_plan, reads_future
from tests.test_timeline_classes7 import events_of


@pytest.mark.parametrize(
    "body",
    [
        "金融庁は同行に対し、3月15日までに業務改善計画を提出するよう命じた。",
        "県は業者に、26日までに足場のネットを撤去するよう求めた。",
        "省は同社に、30日までに報告書を出すように指示した。",
        "市は組合に28日までに回答を要請した。",
    ],
)
def test_a_deadline_of_a_demand_dates_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors, published="2024-10-20") == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("県は10月16日までに災害ボランティアの特設サイトを開設した。", "2024-10-16"),  # done by then
        ("県警によると、避難指示は16日までに全て解除された。", "2024-10-16"),
        ("金融庁は16日、同行に業務改善命令を出した。", "2024-10-16"),  # the order's own day
        ("The regulator ordered the bank on Wednesday to submit an improvement plan.", "2024-10-16"),
    ],
)
def test_a_day_done_by_or_the_order_s_own_day_stays(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors, published="2024-10-20")] == [day]


@pytest.mark.parametrize(
    "body",
    [
        "後任は29日に協議するという。",
        "同社は来月、新たな体制を改めて説明するという。",
        "両氏は28日に会談する予定だという。",
    ],
)
def test_a_plan_told_as_hearsay_dates_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors, published="2024-10-20") == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("後任は19日に協議したという。", "2024-10-19"),  # done, told as hearsay
        ("同社は19日、新たな体制を改めて説明したという。", "2024-10-19"),
    ],
)
def test_a_happening_told_as_hearsay_stays(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors, published="2024-10-20")] == [day]


def test_the_hearsay_tail_is_read_through() -> None:
    assert reads_future("後任は29日に協議するという。", False)
    assert ends_in_a_plan("説明するとのことです。")
    assert not reads_future("後任は19日に協議したという。", False)
    assert not ends_in_a_plan("協議したという。")


# --- a date, a mark and the byline after it is a stamp line, not the lead ------------------------------------------


def test_a_date_then_its_byline_is_a_stamp_line() -> None:
    from bot.ingest.stamps import is_credit, stamp_date

    assert stamp_date("June 4, 2025 8:41 AM GMT+9 — By Kenji Hayashi and Rachel Moore") == "2025-06-04"
    assert stamp_date("Mar 3, 2026 — By Hiroshi Sato, Staff Writer") == "2026-03-03"
    assert is_credit("By Hiroshi Sato, Staff Writer")
    # counter-examples: a lead after the date, a heading that starts with "By", text before the date
    assert stamp_date("March 3, 2026 — Toyota raised its offer, a spokesman said") is None
    assert stamp_date("June 4, 2025 — By the numbers: what the deal means") is None
    assert stamp_date("Talks resumed June 4, 2025 — By Kenji Hayashi") is None


def test_a_stamp_with_its_byline_dates_no_event(actors: ActorIndex) -> None:
    body = "Mar 3, 2026 — By Hiroshi Sato, Staff Writer\n\nThe group raised its offer for the loom maker on Monday."
    assert [d for d, _ in events_of(body, actors, published="2026-03-03")] == ["2026-03-02"]


# --- 「おととし」 is the year before last, as 一昨年 -------------------------------------------------------------------


def test_the_year_before_last_in_kana() -> None:
    import datetime as dt

    from bot.extract.dates import DateContext

    found = DateContext(dt.date(2025, 1, 16)).scan("おととし10月から戦闘が続く。", None)
    assert [(m.text, m.value) for m in found] == [("おととし10月", "2023-10")]


# --- a month or a year years before the report is a recap of the story's past --------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "男性は80年12月に最高裁で死刑が確定した。",
        "2014年3月に地裁が再審開始を決定し、男性は釈放された。",
        "同社との取引は1988年に始まった。",
        "石丸氏は2020年に市長に初当選した。",
    ],
)
def test_a_month_or_year_years_back_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors, published="2024-10-20") == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("事件は1966年6月30日に起きた。", "1966-06-30"),  # a day: the case's own history, told by the day
        ("ロシアは2022年2月、全面侵攻を開始。", "2022-02"),  # under three years back (a noun-stop, round 21)
        ("東京高裁は先月、再審開始を認めた。", "2024-09"),  # a recent month (an earlier one done: round 21)
    ],
)
def test_a_day_long_ago_or_a_recent_month_stays(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors, published="2024-10-20")] == [day]


# --- a month or a year after the report's is when a decided plan is to happen ---------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "大綱には、26年4月から法人税を増税することも盛り込んだ。",
        "日銀は買い入れを減らし、来年1～3月には月3兆円程度と半分にする計画も決めた。",
        "政府は来年度から制度を改めることを決めた。",
    ],
)
def test_a_later_month_or_year_in_a_done_decision_dates_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors, published="2024-10-20") == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("政府は今月、制度を改めた。", "2024-10"),  # the report's own month, done
        ("政府は先月、来年4月から増税することを決めた。", "2024-09"),  # the decision's month is the event's
    ],
)
def test_the_report_s_month_or_an_earlier_one_stays(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors, published="2024-10-20")] == [day]
