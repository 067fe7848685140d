"""A day told again in another time zone is no anchor (issue 12, round 42). A Japanese report of a happening abroad
dates it by the local day and tells Japan's in an aside (「28日夜（日本時間29日未明）」「12日(日本時間13日)」「米西部時間
17日昼すぎ(日本時間18日午前5時すぎ)」): the aside is the same moment, so 同日/前日/翌日 after it count from the day the
sentence dates its happening by, as `segments` dates it, not from the aside's (natofinland2022, ohtani2024,
nipponsteel2025, openai2023: each a 同日 read a day late). Each case has its pair the rule must leave alone."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext
from tests.article_events import days_of


def _values(published: str, *texts: str) -> list[list[str]]:
    ctx = DateContext(dt.date.fromisoformat(published))
    return [[m.value for m in ctx.scan(t)] for t in texts]


def test_same_day_after_a_japan_time_aside_counts_from_the_local_day() -> None:
    # a press conference abroad at night, Japan's early morning in the aside; the ministers signed "the same day"
    lead = (
        "事務総長は28日夜（日本時間29日未明）、マドリードで記者会見し、合意を発表した。外相らが同日、覚書に署名した。"
    )
    assert _values("2022-06-29", lead) == [["2022-06-28", "2022-06-29", "2022-06-28"]]
    # half-width parentheses, and 同日 opening the next sentence of a court report
    text = "元通訳が12日(日本時間13日)、連邦地裁に出廷した。同日朝に当局に出頭していた。"
    assert _values("2024-04-13", text)[0][-1] == "2024-04-12"
    # an announcement's hour told in two zones; the board's statement of 同日 in the next paragraph
    first = "発表は米西部時間17日昼すぎ(日本時間18日午前5時すぎ)で、業界は騒然となった。"
    assert _values("2023-11-18", first, "取締役会は同日公表した声明で、同氏を批判した。")[1] == ["2023-11-17"]
    # a speech abroad, then the White House's statement 同日, in the next paragraph
    assert _values(
        "2025-05-31",
        "大統領は30日（日本時間31日午前）、工場で演説した。",
        "ホワイトハウスは同日、声明を出した。",
    )[1] == ["2025-05-30"]
    # 翌日 counts from the local day too
    assert (
        _values("2024-01-05", "首相は3日(現地時間)、会談した。大統領は3日（日本時間4日）、訪問した。翌日に帰国した。")[
            0
        ][-1]
        == "2024-01-04"
    )
    # Japan's day as the main one, the local one in the aside: 同日 is the main day's (the aside is skipped)
    text = "首相は日本時間29日未明（現地時間28日夜）、声明を出した。外相も同日、談話を出した。"
    assert _values("2022-06-29", text)[0][-1] == "2022-06-29"


def test_the_events_of_the_day_after_the_aside_are_the_local_days() -> None:
    days = days_of(
        "2022-06-29",
        "事務総長は28日夜（日本時間29日未明）、マドリードで記者会見し、トルコが支持に転じたと発表した。",
        "首脳会議の開幕に先立ち、3カ国の外相が同日、覚書に署名した。",
    )
    assert days and set(days) == {"2022-06-28"}


def test_a_day_outside_any_aside_stays_the_anchor() -> None:
    # a parenthesis that is no zone aside (a weekday, a count) still names the day 同日 counts from
    text = "会合は15日に開かれ、採決は（最終日の）16日に行われた。議長は同日、会見した。"
    assert _values("2024-03-20", text)[0][-1] == "2024-03-16"
    # no aside at all: the last day named
    text = "大統領は28日、演説した。29日には議会で採決があった。議長は同日、声明を出した。"
    assert _values("2022-06-30", text)[0][-1] == "2022-06-29"
    # the aside written 「日本時間同日」: 同日 after it is still the local day
    text = "停戦が19日午前11時15分（日本時間同日午後6時15分）、発効した。ハマスは同日夕、3人を解放した。"
    assert _values("2025-01-20", text)[0][-1] == "2025-01-19"


def test_a_day_count_a_time_was_moved_by_is_no_date() -> None:
    # cop2023 (Yomiuri): the conference ran a day over; toyota2024 (Nikkei): a restart put back two days
    assert _values("2023-12-14", "COP28は13日、会期を1日延長して成果文書を採択し、閉幕した。") == [["2023-12-13"]]
    assert _values("2024-09-03", "工場の稼働を再開する予定だったが、部品の調達に支障が出たため、2日遅らせた。") == [[]]
    assert _values(
        "2024-05-01", "採決を3日前倒しし、法案は成立した。", "会期は10日延長された。", "開幕を2日繰り上げた。"
    ) == [
        [],
        [],
        [],
    ]
    assert days_of("2023-12-14", "COP28は13日、会期を1日延長して成果文書を採択し、閉幕した。") == ["2023-12-13"]


def test_a_day_a_time_was_moved_to_is_still_a_date() -> None:
    # 〜日に延期 / 〜日まで延長 / 〜日から前倒し: the day named is when, not how long
    assert _values("2024-05-20", "採決は10日に延期された。") == [["2024-05-10"]]
    assert _values("2024-05-25", "会期は20日まで延長された。") == [["2024-05-20"]]
    assert _values("2024-05-20", "政府は13日、開幕を繰り上げると発表した。") == [["2024-05-13"]]
    assert _values("2024-05-20", "13日、延長戦の末に勝った。") == [["2024-05-13"]]


def test_an_english_weekday_of_a_schedule_told_in_the_present_is_ahead() -> None:
    # bolsonaro2025 (Guardian), haneda2024 (Reuters), daihatsu2023 (AP), surname2025 (Japan Times): a timetable's
    # verb in the simple present; fukushimadebris2024 (Japan Times): a headline's "X to resume … Monday"
    assert _values("2025-08-05", "Trump signed an order last week. The tariffs come into force on Wednesday.")[0][
        -1
    ] == ("2025-08-06")
    assert _values("2024-01-03", "Tokyo markets reopen on Thursday after the New Year holiday.") == [["2024-01-04"]]
    assert _values("2024-02-26", "Okudaira, a former Toyota executive, hands over the post on Friday.") == [
        ["2024-03-01"]
    ]
    assert _values("2025-06-19", "The current ordinary session ends Sunday.") == [["2025-06-22"]]
    assert _values("2024-10-26", "TEPCO to resume Fukushima debris retrieval Monday") == [["2024-10-28"]]
    # a day ahead in English is no event of the report
    assert days_of("2024-01-03", "Tokyo markets reopen on Thursday after the New Year holiday.") == []


def test_an_english_weekday_told_done_stays_behind() -> None:
    assert _values("2024-10-26", "The markets reopened on Thursday.") == [["2024-10-24"]]
    assert _values("2024-10-26", "The protests began Monday and spread to other cities.") == [["2024-10-21"]]
    assert _values("2024-10-26", "The company said it had agreed to resume talks on Monday.") == [["2024-10-21"]]
    assert _values("2024-10-26", "The session, which opened Monday, ended on Tuesday.") == [
        ["2024-10-21", "2024-10-22"]
    ]
    # a schedule verb with its own past before the weekday ("ends" is not the clause's verb here)
    assert _values("2024-10-26", "The talks that he said would end the strike started on Monday.") == [["2024-10-21"]]
    # romania2024 (AP): open as a state after be, no schedule
    assert _values("2025-05-19", "While polls were still open on Sunday, Durov said a government had asked him.")[
        0
    ] == ["2025-05-18"]
    assert _values("2025-05-21", "The border remains closed on Monday.") == [["2025-05-19"]]
    # a headline in the past or a subject's infinitive after a past verb
    assert _values("2024-10-26", "Officials decided to resume the work on Monday.") == [["2024-10-21"]]
