"""Plans, schedules and terms ahead of the article dated as events (issue 12, round 39).

A later day whose own verb is the calendar's, not anyone's act — a deadline or a term that runs out, an anniversary
reached, a vote ahead (「17日に期限を迎える」「今月21日に任期が切れる」「12月1日に議会選も控えており」) — dates no event; nor
does a day "as early as" (〜日にも) whose clause runs on past a comma to a plain non-past verb or a plan's noun
(「16日にも…正式に決める方針だ」), even on the report's own day. Each rule has its pair it must leave alone: the same
milestone told done (「期限を迎えた」「任期が切れた」), a term's end the tuned stories' cases hold (「来月15日で任期を
終える」), "also on that day" told done (「8日にも…見つかっている」), the announcing of a plan (an event of its own day,
the planned act not yet), a past happening told 「〜日に行われた」 or "was held on", and a wire lead in the present
historical tense. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.plans import milestone_ahead
from tests.test_timeline_classes7 import events_of


def _days(body: str, actors: ActorIndex, published: str) -> list[str]:
    return [d for d, _ in events_of(body, actors, published=published)]


@pytest.mark.parametrize(
    "body, published",
    [
        ("新法に基づく適用猶予は17日に期限を迎える。", "2025-09-16"),
        ("市場の混乱は、6日に発足から1カ月を迎える新政権にとって大きな打撃となった。", "2022-10-04"),
        ("現職の大統領は今月21日に任期が切れる。", "2024-11-18"),
        ("同国では12月1日に議会選も控えており、与党は危機感を強めている。", "2024-11-25"),
        ("現職の知事は来月12日に任期が満了する。", "2024-11-25"),
        ("暫定予算は30日午前0時に期限が切れる。", "2025-09-28"),
    ],
)
def test_a_calendar_milestone_ahead_dates_no_event(body: str, published: str, actors: ActorIndex) -> None:
    assert _days(body, actors, published) == []


@pytest.mark.parametrize(
    "body, published, day",
    [
        # told done: the day's own happening
        ("一時停戦は21日午前0時に期限を迎えた。", "2025-04-22", "2025-04-21"),
        ("前大統領の任期は20日に切れた。", "2025-04-22", "2025-04-20"),
        # a term's end the stories' cases hold, told with 終える
        ("来月15日で任期を終える知事は記者会見で成果を強調した。", "2024-03-27", "2024-04-15"),
        # a past happening told 「〜日に行われた」
        ("大統領選の第1回投票は24日に行われた。", "2024-11-26", "2024-11-24"),
        # a plan announced today: the announcing is the event, on its own day
        ("選挙管理委員会は26日、決選投票を12月8日に実施すると発表した。", "2024-11-26", "2024-11-26"),
    ],
)
def test_a_milestone_told_done_or_an_announcing_stays_an_event(
    body: str, published: str, day: str, actors: ActorIndex
) -> None:
    assert day in _days(body, actors, published)


def test_milestone_ahead_reads_the_days_own_verb() -> None:
    assert milestone_ahead("に期限を迎える。")
    assert milestone_ahead("には任期が切れる")
    assert milestone_ahead("に議会選も控えており、")
    assert not milestone_ahead("に期限を迎えた。")
    assert not milestone_ahead("で任期を終える知事は")
    assert not milestone_ahead("、記者会見で任期が切れる前の成果を強調した")  # the day opens a clause of its own
    assert not milestone_ahead("に行われる決選投票を控え")  # the day is another verb's (行われる)


@pytest.mark.parametrize(
    "body, published",
    [
        ("同国の首相は16日にも議会での討議を経て、政府として加盟申請を正式に決める方針だ。", "2022-05-16"),
        ("海上保安本部は29日にも船体を陸揚げし、船内を調べたうえで、原因の解明を本格化させる。", "2022-05-28"),
        ("両社は来月3日にも取締役会を開き、統合の基本合意を正式に決定します。", "2024-11-20"),
    ],
)
def test_a_day_as_early_as_with_its_verb_past_a_comma_is_a_plan(body: str, published: str, actors: ActorIndex) -> None:
    assert _days(body, actors, published) == []


@pytest.mark.parametrize(
    "body, published, day",
    [
        # 「〜日にも」 as "also on that day", told done
        (
            "現場から約2キロ西の山林では、8日にも男性が襲われたとみられる遺体で見つかっている。",
            "2025-10-17",
            "2025-10-08",
        ),
        ("米軍は13日にも、武装組織のレーダー施設を追加で攻撃している。", "2024-01-17", "2024-01-13"),
        ("米軍は13日にも、武装組織のレーダー施設を攻撃した。", "2024-01-17", "2024-01-13"),
    ],
)
def test_a_day_also_told_done_stays_an_event(body: str, published: str, day: str, actors: ActorIndex) -> None:
    assert _days(body, actors, published) == [day]


@pytest.mark.parametrize(
    "body, published, day",
    [
        ("The first round of the presidential election was held on Sunday, Nov. 24.", "2024-11-26", "2024-11-24"),
        ("Calin Georgescu topped the first round of the presidential election on Sunday.", "2024-11-26", "2024-11-24"),
        # a wire lead in the present historical tense is dated by its dateline
        (
            "BUCHAREST, Nov 25 (Reuters) - Calin Georgescu wins the first round of Romania's presidential election, "
            "results show.",
            "2024-11-26",
            "2024-11-25",
        ),
        # the announcing of a plan is the event; the runoff is not yet
        ("The electoral bureau said on Tuesday that the runoff will be held on Dec. 8.", "2024-11-26", "2024-11-26"),
    ],
)
def test_english_past_happenings_and_announcings_are_dated(
    body: str, published: str, day: str, actors: ActorIndex
) -> None:
    assert _days(body, actors, published) == [day]


@pytest.mark.parametrize(
    "body",
    [
        "The runoff is scheduled for Dec. 8.",
        "The president's term expires on Dec. 21.",
        "The president-elect will take office on Dec. 21.",
        "The stopgap bill is due to expire on Tuesday, Dec. 3.",
        "The commission plans to publish its findings on Dec. 5.",
        "Parliament is expected to vote on the budget on Dec. 10.",
    ],
)
def test_english_plans_ahead_date_no_event(body: str, actors: ActorIndex) -> None:
    assert _days(body, actors, "2024-11-26") == []


@pytest.mark.parametrize(
    "body, days",
    [
        # a later day than the opener's whose own verb, before a plan's noun, is still to come: as of the opener's day
        # a plan, though the report (of the 25th) is later still; the announcing is the event
        ("首相は20日、23日に首脳会談を行う方針を示した。", ["2024-11-20"]),
        ("同社は20日、22日から新規の受け付けを停止する考えを明らかにした。", ["2024-11-20"]),
        # must not fire: the later day's act told done, or an earlier day's
        ("首相は20日、18日に首脳会談を行ったと明らかにした。", ["2024-11-20", "2024-11-18"]),
    ],
)
def test_a_plan_ahead_of_its_openers_day_is_no_event_of_its_own(body: str, days: list[str], actors: ActorIndex) -> None:
    assert _days(body, actors, "2024-11-25") == days
