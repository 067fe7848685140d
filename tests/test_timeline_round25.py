"""Round 25 (issue 12): false entries by class over every corpus — how dates are read.

- **A count of days after 今後 or 向こう, or after a count in a range** (hualien2024's 「今後3日から4日の間に」, and every
  「約3日から4日」「ここ2、3日」): the second number had been read as a day of the month.
- **同日 in a done sentence after a plan's later day** (see below).

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateContext

# --- a count of days -----------------------------------------------------------------------------------------------


def _days(text: str) -> list[str]:
    ctx = DateContext(dt.date(2024, 4, 3))
    return [m.value for m in ctx.scan(text, dt.date(2024, 4, 3))]


@pytest.mark.parametrize(
    "text",
    [
        "気象署は今後3日から4日の間に強い余震が起きるおそれがあるとしている。",
        "向こう3日は雨が続く見込みだ。",
        "過去3日から4日の間に揺れが相次いだ。",
        "ここ2、3日で気温が急に下がった。",
        "工事は約3日から4日かかる。",
    ],
)
def test_a_count_of_days_is_no_date(text: str) -> None:
    assert _days(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("首相は3日から4日まで米国を訪れた。", ["2024-04-03", "2024-04-04"]),  # a range of days of the month
        ("3日、4日の両日に会合を開いた。", ["2024-04-03", "2024-04-04"]),
    ],
)
def test_days_of_the_month_stay(text: str, expected: list[str]) -> None:
    assert _days(text) == expected


def test_kongo_with_a_comma_is_the_adverb() -> None:
    assert len(_days("政府は今後、2日の会合で決めた方針に沿って対応する。")) == 1  # 「今後、」: from now on, no count


# --- 同日 after a day still to come --------------------------------------------------------------------------------
# (tiktok2025, germany2025, bojaug2024, toyota2024: a paragraph names a plan's later day, 「首相は来年1月15日に信任投票を
# 行う考えを表明した。」「同省は5日に…を検査する予定で」, and the next one's done act 「…は同日、…と述べた。」 had been dated on
# that later day, after its own report)


def _scan_all(paragraphs: list[str], published: dt.date) -> list[list[str]]:
    ctx = DateContext(published)
    return [[m.value for m in ctx.scan(p, published)] for p in paragraphs]


@pytest.mark.parametrize(
    "done",
    [
        "野党党首は同日、記者団に「責任を取るべきだ」と述べた。",
        "野党党首は同日夜、街頭演説で「遅すぎる」と批判。",
        "同社の社長は同日、動画を投稿し、利用者に感謝した。",
    ],
)
def test_a_done_act_of_the_same_day_is_not_on_a_plans_later_day(done: str) -> None:
    paragraphs = ["首相は6日、財務相を解任した。", "首相は来年1月15日に信任投票を行う考えを表明した。", done]
    assert _scan_all(paragraphs, dt.date(2024, 11, 7))[-1] == ["2024-11-06"]


@pytest.mark.parametrize(
    "planned",
    [
        "同日夜には大統領と会談する予定だ。",  # a plan of that later day: 同日 is the later day
        "首脳は同日、共同声明を発表する。",
    ],
)
def test_a_plan_of_the_same_day_stays_on_the_later_day(planned: str) -> None:
    paragraphs = ["首相は6日、訪米を発表した。", "首相は15日にワシントンに到着する。", planned]
    assert _scan_all(paragraphs, dt.date(2024, 11, 7))[-1] == ["2024-11-15"]

