"""Round 27 (issue 12): a disaster named as a sentence's frame gives way to the clause after it.

「…を震源とする28日の大地震で、国軍は29日、死者が…と発表した」: the frame's day is the disaster's; the clause after it
tells the sentence's happening on its own day, as 「…事故で、」「…問題を巡り、」 already did (`dates.FRAME`: 地震, 震災,
災害, 火災, 火事, 豪雨, 大雨, 水害, 噴火 join 問題, 事件, 事故…). The toll announced the next day had been dated on the
disaster's day and merged into its entry (myanmarquake2025, taipofire2025).

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import pytest

from tests.test_timeline_retold21 import _events


@pytest.mark.parametrize(
    ("body", "published", "day"),
    [
        ("北部を震源とする28日の大地震で、国軍は29日、国内の死者が1644人に上ったと発表した。", "2025-03-29", "2025-03-29"),
        ("北区の団地で26日に起きた火災で、当局は27日、死者が55人に増えたと発表した。", "2025-11-27", "2025-11-27"),
        ("3日の豪雨で、県は5日、被害額が30億円にのぼると発表した。", "2025-07-05", "2025-07-05"),
    ],
)
def test_a_disaster_named_as_the_frame_gives_way_to_the_clause_after_it(body: str, published: str, day: str) -> None:
    assert [d for d, _ in _events(body, published=published)] == [day]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("28日、北部を震源とする大地震があり、多くの建物が倒壊した。", "2025-03-28"),  # the disaster's own sentence
        ("28日の大地震で、北部の寺院が倒壊した。", "2025-03-28"),  # a cause, with no second day
        ("28日の大地震では、北部の寺院も29日までに3棟が倒壊した。", "2025-03-28"),  # a tally by a later day
    ],
)
def test_a_disaster_told_with_its_own_day_keeps_it(body: str, day: str) -> None:
    assert [d for d, _ in _events(body, published="2025-03-30")] == [day]
