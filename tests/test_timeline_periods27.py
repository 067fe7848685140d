"""Round 27 (issue 12): a period told by its first and last day dates no happening.

A monthly figure, a tally or an offer that ran every day is told with the span it covers (「4月26日から5月29日までの
およそ1か月間に…介入を行った」「4月26日～5月29日には…投じた」, "the total amount of intervention conducted between April
26 and May 29", "offered help every day from July 19 to July 23"): neither day is when anything happened — the
happening is the announcement, on its own day. Only a period that ended before the report: one still running
(「戦闘を同日から22日まで一時停止すると発表した」) is what was decided that day. A short span is the days a happening took (「24日から25日にかけ協議した」),
and a day changed to another (「期限を16日から23日に延ばす」) is no span at all: both still date an event.

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateContext
from bot.extract.segments import is_event_date
from tests.test_timeline_retold21 import _events


def _event_dates(sentence: str, published: str, english: bool) -> list[tuple[str, bool]]:
    day = dt.date.fromisoformat(published)
    return [(m.value, is_event_date(m, sentence, [], 0, english, day)) for m in DateContext(day).scan(sentence, day)]


@pytest.mark.parametrize(
    ("sentence", "published", "english"),
    [
        ("北東省は、4月26日から5月29日までのおよそ1か月間に外貨を売る介入を行い、総額が9兆円にのぼったと発表した。", "2024-05-31", False),
        ("4月26日～5月29日には過去最大の9兆円を投じたが、流れは止まっていない。", "2024-07-02", False),
        ("6月27日から7月29日にかけて、同社は毎日、無償で支援を申し出た。", "2024-08-02", False),
        ("The ministry will publish the amount it spent between April 26 and May 29 on May 31.", "2024-05-30", True),
        ("Its engineers offered free help every day from July 19 to July 23, the letter said.", "2024-08-01", True),
        ("The agency bought bonds between June 3 and June 28, it said.", "2024-07-01", True),
    ],
)
def test_a_period_of_days_dates_nothing(sentence: str, published: str, english: bool) -> None:
    found = _event_dates(sentence, published, english)
    period = [value for value, _ in found][:2]
    assert len(period) == 2
    assert not [value for value, event in found if event and value in period]


@pytest.mark.parametrize(
    ("sentence", "published", "english", "day"),
    [
        ("米特使が24日から25日にかけ、首都で代表団と協議した。", "2025-11-26", False, "2025-11-24"),  # the days a talk took
        ("買い付け側は6日、期限を16日から23日に延ばすと発表した。", "2026-03-06", False, "2026-03-06"),  # a change
        ("The envoys held talks between March 2 and March 3 in Geneva.", "2026-03-05", True, "2026-03-02"),  # two days
        # a period still running at the report: what was decided that day
        ("反政府勢力は、戦闘を同日から22日まで一時停止すると発表した。", "2025-04-02", False, "2025-04-02"),
        ("旅行大手は、10〜15日出発のツアーの中止を決めた。", "2024-08-10", False, "2024-08-10"),
    ],
)
def test_a_short_span_or_a_changed_day_still_dates(sentence: str, published: str, english: bool, day: str) -> None:
    assert (day, True) in _event_dates(sentence, published, english)


def test_the_announcement_keeps_its_own_day() -> None:
    """The period goes, the day the figure was told stays (and a planned day of a later figure is a plan)."""
    body = (
        "北東省は31日夕、6月27日から7月29日までの1カ月間に5兆円の介入を実施したと発表した。"
        "次回は7月30日から8月28日までの実績を8月30日に公表する予定だ。"
    )
    assert [d for d, _ in _events(body, published="2024-07-31")] == ["2024-07-31"]
