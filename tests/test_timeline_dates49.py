"""Days dated by their own list, month and saying (issue 12, round 49).

- 「同25日」「同4、5日」: 同 before a bare day is the month of the date named last (a background paragraph of March in a
  May report: March 25th, not May 25th), as 「同4月」 is the year of the date named last.
- A list of days sharing one act (「8月30日と今月6日に尋問を行い」, "questioned him on Aug. 30 and Sept. 6"): one event a
  day, each told by the clause; a range (「3日から10日」, "between Aug. 30 and Sept. 6") and days of a noun (「3日と10日の
  会合で」) stay one.
- A weekday with a party's move or a poll in the simple present, and nothing past in its sentence ("Kishida leaves on
  Saturday", "On Friday, voters go to the polls"): a schedule ahead, not last week's happening.
- "The ban takes effect on Saturday, the ministry said on Wednesday": a day ahead told as what was said, after the
  saying's own day; the sentence's happening is the saying, of Wednesday.
- A day's toll (「1日の犠牲者としては最悪」) and a noun's day (「2月1日に続く談話」) date nothing and lend no month; 翌日 after
  a month-only happening and a night's hours (「午後4時から翌日」) count nothing; a later day's plan a done announcement
  tells (「…明言し、12日に再開する方針を示した」) is the announcement's; "the next day" counts from its own sentence's day.
Each case has its pair the rule must leave alone. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext
from tests.article_events import days_of, events_of


def _scan(published: str, *texts: str) -> list[list[str]]:
    ctx = DateContext(dt.date.fromisoformat(published))
    return [[m.value for m in ctx.scan(t)] for t in texts]


def test_dou_before_a_day_is_the_last_named_month() -> None:
    assert _scan(
        "2024-05-20",
        "運輸安全委員会は17日、報告書を公表した。貨物船は3月26日に港を出た。出港前日の同25日にも停電していた。",
    )[0] == ["2024-05-17", "2024-03-26", "2024-03-25"]
    # across paragraphs: the month of the date named last, whichever paragraph named it
    assert _scan("2023-11-02", "議会は10月4日、法案を可決した。", "上院は同12日、法案を否決した。")[1] == ["2023-10-12"]
    # a later day of that month too (the chain reading gives it already; 同 keeps it)
    assert _scan("2024-04-10", "投票は6月1日に締め切られる。開票は同4日に行われる。")[0] == ["2024-06-01", "2024-06-04"]
    # a range after 同: both ends in that month
    assert _scan("2024-05-20", "委員会は2月20日に設置された。同24～25日に公聴会を開いた。")[0] == [
        "2024-02-20",
        "2024-02-24",
        "2024-02-25",
    ]
    # not 共同 or 合同: 「共同25日」 never reads so, and a bare day is the report's month
    assert _scan("2024-05-20", "貨物船は3月26日に港を出た。両社の合同で18日に会見した。")[0] == [
        "2024-03-26",
        "2024-05-18",
    ]


def test_a_list_of_days_sharing_one_act_gives_an_event_a_day() -> None:
    lead = "県議会は19日、知事の不信任決議を可決した。"
    listed = "調査委員会は8月30日と今月6日に知事の証人尋問を行い、知事は違法性はなかったと繰り返していた。"
    assert days_of("2024-09-19", lead, listed) == ["2024-09-19", "2024-08-30", "2024-09-06"]
    assert days_of("2024-09-19", lead, "市民団体は3日と10日にも集会を開き、辞職を求めた。") == [
        "2024-09-19",
        "2024-09-03",
        "2024-09-10",
    ]
    # a comma after an opener's day is no list: 「首相は20日、23日に会談する方針を示した」 tells the 20th only
    assert days_of("2024-09-19", "首相は16日、23日に首脳会談を行う方針を示した。") == ["2024-09-16"]
    # a span is one happening, dated by its start
    assert "2024-09-10" not in days_of("2024-09-19", lead, "市民団体は3日から10日まで座り込みを続けた。")
    # days that name nouns: the clause stays one
    assert days_of("2024-09-19", lead, "知事は3日と10日の会合で、辞職しない考えを示した。") == [
        "2024-09-19",
        "2024-09-03",
    ]


def test_an_english_list_of_days_gives_an_event_a_day() -> None:
    lead = "The assembly passed a no-confidence motion against the governor on Thursday."
    listed = "A committee questioned him on Aug. 30 and Sept. 6, and he said he had broken no law."
    assert days_of("2024-09-19", lead, listed) == ["2024-09-19", "2024-08-30", "2024-09-06"]
    assert days_of("2024-09-19", lead, "Protesters rallied outside the office on Sept. 3, Sept. 10 and Sept. 17.") == [
        "2024-09-19",
        "2024-09-03",
        "2024-09-10",
        "2024-09-17",
    ]
    # a span's ends are one happening
    assert "2024-09-10" not in days_of(
        "2024-09-19", lead, "Protesters camped outside the office between Sept. 3 and Sept. 10."
    )


def test_a_move_in_the_present_is_a_schedule_ahead() -> None:
    # Thursday 27 April 2023: Saturday is the 29th, ahead; the sentence plans it, no event
    assert _scan("2023-04-27", "The prime minister leaves on Saturday for a tour of four African nations.") == [
        ["2023-04-29"]
    ]
    assert _scan("2024-04-17", "On Friday, voters in 21 states go to the polls in the first phase.") == [["2024-04-19"]]
    assert days_of("2024-04-17", "On Friday, voters in 21 states go to the polls in the first phase.") == []
    # told in the past, the same words are last week's happening
    assert _scan("2023-04-27", "The prime minister left on Saturday for a tour of four African nations.") == [
        ["2023-04-22"]
    ]
    assert _scan("2024-04-17", "On Friday, voters in 21 states went to the polls in the first phase.") == [
        ["2024-04-12"]
    ]
    # a noun after a determiner is no verb: "his visits on Monday" of a past sentence stays past
    assert _scan("2023-04-27", "His visits on Monday drew crowds, officials said.") == [["2023-04-24"]]


def test_a_day_ahead_said_on_an_earlier_day_is_the_sayings() -> None:
    said = "The new curbs take effect on Saturday, the ministry said on Monday."
    assert events_of("2024-07-03", said) == [("2024-07-01", said)]
    # a day said of an earlier happening keeps that happening's day (the rule of round 35)
    done = "Police arrested the suspect on Sunday, the ministry said on Monday."
    assert events_of("2024-07-03", done) == [("2024-06-30", done)]


def test_a_schedule_said_on_an_earlier_day_is_the_sayings() -> None:
    said = "Voters in the north go to the polls on Sunday, the election commission said on Tuesday."
    assert events_of("2024-07-03", said) == [("2024-07-02", said)]


def test_a_days_toll_and_a_nouns_day_date_nothing() -> None:
    # 「1日の犠牲者としては…最悪」: a single day's toll measured against others, no 1st of the month
    toll = "警察によると少なくとも90人が死亡し、1日の犠牲者としては抗議デモが始まって以来最悪となった。"
    assert _scan("2022-07-20", toll) == [[]]
    assert _scan("2022-07-20", "1日の集会には約2万人が参加した。") == [["2022-07-01"]]
    # 「2月1日に続く2回目の談話」: the day of the earlier one the noun follows; the opener's day dates the act, and the
    # month it names is no month a later sentence's bare day goes on in
    body = "外相は翌28日、2月1日に続く2回目の談話を発表した。防衛相も27日、各国と共同声明を出した。"
    assert days_of("2021-03-31", "国軍は27日、デモ隊に発砲した。", body) == ["2021-03-27", "2021-03-28", "2021-03-27"]
    # a month named by the sentence's own day is still the month a later sentence goes on in
    assert _scan("2021-03-31", "外相は2月26日、談話を発表した。防衛相も27日、声明を出した。") == [
        ["2021-02-26", "2021-02-27"]
    ]


def test_a_day_counted_from_a_months_happening_or_a_nights_hours_is_no_date() -> None:
    # 「昨年5月の判決で…、弁護側が翌日に控訴した」: the verdict's day is not said; the last day named is not the one meant
    assert _scan(
        "2025-02-10", "市長は3日、会見した。", "被告は昨年5月の判決で有罪とされ、弁護側が翌日に控訴していた。"
    )[1] == ["2024-05"]
    # the day after a day named in full is counted
    assert _scan("2025-02-10", "判決は昨年5月14日に言い渡され、弁護側が翌日に控訴した。") == [
        ["2024-05-14", "2024-05-15"]
    ]
    # 「午後9時から翌日午前6時まで」: the hours of a night
    assert _scan("2025-02-10", "5日、道路は午後9時から翌日午前6時まで通行止めになった。") == [["2025-02-05"]]
    assert _scan("2025-02-10", "大雪は5日から翌日にかけて降り続いた。") == [["2025-02-05", "2025-02-06"]]


def test_a_plan_for_a_later_day_told_by_a_done_announcement_is_the_announcements() -> None:
    # 「…明言し、12日に審議を再開する方針を示した」 in a report of the 10th: one event, of the 10th, told whole
    body = "市長は10日の会見で、計画を撤回しないと明言し、12日に議会で審議を再開する方針を示した。"
    assert events_of("2019-06-10", body) == [("2019-06-10", body)]
    body = "同社は10日、工場の操業を止めたと発表し、来月3日に再開する意向を明らかにした。"
    assert days_of("2019-06-10", body) == ["2019-06-10"]
    # a later day told done in a later report stays its own event
    done = "市長は10日の会見で計画を撤回しないと明言し、12日に議会で審議を再開した。"
    assert days_of("2019-06-14", done) == ["2019-06-10", "2019-06-12"]


def test_listed_days_of_a_noun_or_a_participle_stay_one() -> None:
    # 「4月29日と5月1日に介入したとみられる水準を下回った」: the days of the level a clause describes
    level = "円相場は12日、政府が4月29日と5月1日に介入したとみられる水準を下回った。"
    assert "2024-05-01" not in days_of("2024-06-12", level)
    # "the deal announced a day earlier": a participle's day, no saying's
    said = "The premier's office said on Thursday that the union had gone back on parts of the deal announced a day earlier."
    assert days_of("2025-01-16", said) == ["2025-01-16"]
    # "his first since the blasts on Tuesday and Wednesday": the days of what the clause counts from
    since = (
        "The leader said in a speech, his first since the blasts on Tuesday and Wednesday, that the enemy would pay."
    )
    assert "2024-09-18" not in days_of("2024-09-19", since)


def test_the_next_day_counts_from_its_own_sentences_day() -> None:
    # "after the Dec. 20 release … the next day": the day after the release, not after the article's last day
    assert _scan(
        "2025-01-10",
        "The company announced on Monday that sales fell.",
        "Shares tumbled after the Dec. 20 release and recovered the next day.",
    )[1] == ["2024-12-20", "2024-12-21"]
    # in a sentence of its own, it goes on from the last day the article told
    assert _scan("2025-01-10", "Prosecutors filed charges on Jan. 6. The next day, the court froze his assets.") == [
        ["2025-01-06", "2025-01-07"]
    ]
    # "yesterday" is the report's
    assert _scan("2025-01-10", "After the Dec. 20 release, the company said yesterday that it would recall them.") == [
        ["2024-12-20", "2025-01-09"]
    ]
