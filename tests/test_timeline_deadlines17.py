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
