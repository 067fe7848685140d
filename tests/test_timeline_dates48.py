"""Days read against the right anchor, and a document's stamp (issue 12, round 48).

- A paragraph opening on 同日 right after one that named a background day weeks before the lead's (a career's end 「今年
  3月25日付で退職した」, an earlier disclosure 「先月19日に公表したもの」, a plan's former day 「当初予定していた8月1日から
  延期した」) goes on with the lead's news: 同日 is the lead's day, not that background day (kagoshimapolice2024,
  benikoji2024, bolsonaro2025, crocus2024: four outlets' 同日 a month or a year early).
- 「投票を翌日に控えた5月31日」: 翌日 before 「に控え」 counts toward what is coming, the named day dates the clause.
- "Two days earlier, on Wednesday, …": the day named after the count dates the clause; the count only relates it
  (counted from a background day of the sentence before, the meeting fell three weeks early).
- "Its ruling, dated 17 September, was made public on Monday": a document's stamp is no happening's day.
Each case has its pair the rule must leave alone. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext
from tests.article_events import days_of


def _scan(published: str, *texts: str) -> list[list[str]]:
    ctx = DateContext(dt.date.fromisoformat(published))
    return [[m.value for m in ctx.scan(t)] for t in texts]


def test_same_day_after_a_background_day_is_the_leads() -> None:
    lead = "市教委は20日、校長を懲戒免職にした。"
    assert _scan(
        "2024-09-20",
        lead,
        "校長は1990年に採用され、今年4月1日付で現職に就いた。",
        "市役所で同日夕に開かれた会見で、教育長が謝罪した。",
    )[2] == ["2024-09-20"]
    assert _scan("2024-09-20", lead, "同社が先月2日に公表したものだ。", "文部科学相は同日、市長に電話した。")[2] == [
        "2024-09-20"
    ]
    # a plan's former day, read a year back, is no anchor either
    assert _scan(
        "2025-07-31",
        "大統領は30日、関税の発動を命じた。発動は8月6日で、当初予定していた8月1日から延期した。",
        "財務省は同日、判事を制裁対象に指定した。",
    )[1] == ["2025-07-30"]


def test_same_day_after_a_recent_day_goes_on_with_it() -> None:
    # an earlier happening of the article's own, a day or two before its lead, is what 同日 goes on with
    assert _scan(
        "2024-09-20",
        "市教委は20日、校長を懲戒免職にした。",
        "校長は18日、市教委に辞表を出した。",
        "市長も同日、謝罪した。",
    )[2] == ["2024-09-18"]
    # 同日 inside the background day's own paragraph stays that day
    assert _scan(
        "2024-09-20",
        "市教委は20日、校長を懲戒免職にした。",
        "校長は今年4月1日付で現職に就き、同日、着任の会見を開いた。",
    )[1] == [
        "2024-04-01",
        "2024-04-01",
    ]
    # not at a paragraph's opening (a day of its own named first): the day named goes on
    assert _scan(
        "2024-09-20",
        "市教委は20日、校長を懲戒免職にした。",
        "校長は今年4月1日に着任した。",
        "8月30日に問題が発覚し、同日、校長は謝罪した。",
    )[2] == [
        "2024-08-30",
        "2024-08-30",
    ]


def test_the_next_day_before_ni_hikaeta_is_no_date() -> None:
    assert days_of("2024-06-02", "投票を翌日に控えた5月31日には、各地で集会が開かれた。") == ["2024-05-31"]
    # 翌日 telling a day of its own stays one
    assert _scan("2024-06-02", "候補者は5月30日に出馬を表明した。", "翌日には公約を発表した。")[1] == ["2024-05-31"]


def test_an_english_count_of_days_before_a_named_day_gives_way_to_it() -> None:
    assert _scan(
        "2023-01-14",
        "The Cabinet on Dec. 23 approved a record budget.",
        "Two days earlier, on Wednesday, the two ministers met in Washington.",
    )[1] == ["2023-01-11"]
    assert _scan("2024-05-10", "The union voted on May 1.", "A day later, on May 3, the company raised wages.")[1] == [
        "2024-05-03"
    ]
    # a count with no day after it still counts from the last day named
    assert _scan("2024-05-10", "The union voted on May 1.", "Two days later, the company raised wages.")[1] == [
        "2024-05-03"
    ]


def test_a_documents_stamp_in_english_is_no_happening() -> None:
    assert days_of("2025-09-30", "Its decision, dated 12 September, was made public on Monday.") == ["2025-09-29"]
    assert days_of("2025-09-30", "The letter, dated Sept. 12, was released on Monday.") == ["2025-09-29"]
    # a letter's day with no later day of its making public is its happening's
    assert days_of("2025-09-30", "In a letter dated Sept. 12, the union urged the board to resign.") == ["2025-09-12"]
    # a day the act itself is told on stays
    assert days_of("2025-09-30", "The court ruled on Sept. 12 that the ban was lawful.") == ["2025-09-12"]


def test_a_day_drawing_near_is_ahead() -> None:
    # 「に迫」: the day is at hand, in the coming weeks, not last year's (read back by the clause's past form)
    assert _scan("2023-05-13", "ただ、会期末は6月21日に迫り、野党は反発を強めた。") == [["2023-06-21"]]
    assert _scan("2024-11-20", "12月2日に迫った紙の証書の廃止をめぐり、窓口は混乱した。") == [["2024-12-02"]]
    # a day of the same month gone by, told in the past without it, stays behind
    assert _scan("2023-05-13", "会期末の6月21日に法案は廃案となった。") == [["2022-06-21"]]


def test_one_moment_in_two_zones_with_its_clock_time_is_one_day() -> None:
    assert days_of(
        "2024-03-26", "会見は現地時間の25日午後2時45分、日本時間の26日午前6時45分から、球場で開かれた。"
    ) == ["2024-03-25"]
    assert days_of(
        "2024-03-23", "爆発は現地時間の22日午後8時ごろ、日本時間の23日午前2時ごろ、式典の直前に起きた。"
    ) == ["2024-03-22"]
    # two days with their hours and no zone named are two happenings
    assert days_of("2024-03-23", "部隊は22日午後8時ごろ、市内に入り、23日午前2時ごろ、空港を制圧した。") == [
        "2024-03-22",
        "2024-03-23",
    ]
