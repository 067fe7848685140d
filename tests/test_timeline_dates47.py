"""Days resolved against the right anchor, and days that are no happening's (issue 12, round 47).

- 「同じ年の7月30日」「その年の12月」 are 同年 written out: the year of the date named last, not the one nearest the report
  (a retold course of an earlier year, ohkawara2025: the indictment withdrawn in 2021 was dated two years late).
- 「24日昼の時点で」 is a status as of a day, as 「24日の時点で」 is: no happening of that day.
- 「回答の期限を4日としていた」「売却期限を…来年1月19日に設定した」: the day a deadline or a date noun is set to is a value;
  the setting is the act (henoko2023, tiktok2025: a deadline dated as done).
Each case has its pair the rule must leave alone. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext
from tests.article_events import days_of, events_of


def _scan(published: str, *texts: str) -> list[list[str]]:
    ctx = DateContext(dt.date.fromisoformat(published))
    return [[m.value for m in ctx.scan(t)] for t in texts]


def test_the_same_year_written_out_takes_the_last_dates_year() -> None:
    assert _scan("2024-02-10", "工場は2019年4月に操業を止めた。", "会社は同じ年の9月12日、破産を申し立てた。") == [
        ["2019-04"],
        ["2019-09-12"],
    ]
    assert _scan("2024-02-10", "工場は2019年4月に操業を止めた。", "その年の11月、跡地の売却が決まった。") == [
        ["2019-04"],
        ["2019-11"],
    ]
    # 同年 as written before keeps reading so
    assert _scan("2024-02-10", "工場は2019年4月に操業を止めた。", "会社は同年9月12日、破産を申し立てた。")[1] == [
        "2019-09-12"
    ]
    # no month after it: no date of its own, and the events keep the day the article tells
    assert days_of("2024-02-10", "二人は同じ年に入社した。両氏は8日、会見を開いた。") == ["2024-02-08"]
    # a bare month-day still takes the year nearest the report
    assert _scan("2024-02-10", "工場は2019年4月に操業を止めた。", "会社は1月12日、破産を申し立てた。")[1] == [
        "2024-01-12"
    ]


def test_an_as_of_day_with_its_part_of_day_is_no_happening() -> None:
    assert days_of("2023-08-25", "政府は24日昼の時点で、事故についてコメントしていない。") == []
    assert days_of("2023-08-25", "運営会社は24日正午の時点で、被害を確認していない。") == []
    # the day itself, with its part of day, dates what was done then
    assert days_of("2023-08-25", "政府は24日昼、事故について声明を出した。") == ["2023-08-24"]


def test_a_day_a_deadline_is_set_to_is_a_value() -> None:
    assert days_of("2025-09-10", "県は回答の期限を4日としていた。") == []
    assert days_of("2024-04-25", "新法は、売却期限を署名から270日後の来年1月19日に設定した。") == []
    assert days_of("2024-04-25", "政府は申請の締め切りを5月10日に決めた。") == []
    # the setting's own day, when told, dates it
    assert days_of("2025-01-10", "同社は8日、買い付けの期限を23日に延長した。") == ["2025-01-08"]
    # a deadline's day told as what happens by it stays as the deadline rules read it; a happening on the day
    # the deadline fell stays a happening
    assert days_of("2025-09-10", "県は期限の4日、国に回答を提出した。") == ["2025-09-04"]
    assert days_of("2025-09-10", "県は4日に回答を提出した。") == ["2025-09-04"]


def test_the_day_a_thing_became_known_through_a_source_is_no_happenings_day() -> None:
    # 「…ことが5日、<source>で分かった」: the day it was learned, as 「…ことが5日、分かった」 is
    assert days_of("2024-02-06", "同社が工場を閉鎖していたことが5日、関係者への取材で分かった。") == []
    assert days_of("2024-02-06", "被告が釈放を求めていたことが13日、裁判所が公開した文書で分かった。") == []
    # the happening's own day, when told, dates it
    assert days_of("2024-02-06", "同社が3日に工場を閉鎖していたことが5日、捜査関係者への取材で分かった。") == [
        "2024-02-03"
    ]
    # a noun's clause (「…で分かった事実」) leaves the day to the act the sentence tells
    assert days_of("2024-02-06", "市は5日、関係者への取材で分かった事実を公表した。") == ["2024-02-05"]
    assert days_of("2024-02-06", "県警は5日、調べで分かったことを発表した。") == ["2024-02-05"]


def test_a_day_told_in_an_after_clause_dates_that_clause() -> None:
    # "X came N days after <clause> on DAY": the day is the clause's happening; X, told before, is not of that day
    got = events_of("2024-02-10", "The raid came a day after the army seized the town on Feb. 6.")
    assert got == [("2024-02-06", "the army seized the town on Feb. 6.")]
    got = events_of("2024-02-10", "It came two days after officials met in Geneva on Sunday to rework the plan.")
    assert got == [("2024-02-04", "officials met in Geneva on Sunday to rework the plan.")]
    # the day in a relative clause inside the after clause is that noun's fact: left to the rules before
    got = events_of(
        "2024-02-10", "His decision came a day after he fired the minister, who on Feb. 5 had urged a pause."
    )
    assert [s for _, s in got] == [
        "His decision came a day after he fired the minister, who on Feb. 5 had urged a pause."
    ]
    # the sentence's own day told, "N days after" a happening with no day: as before
    assert days_of("2024-02-10", "The protest began on Thursday, three days after the new leader was sworn in.") == [
        "2024-02-08"
    ]
