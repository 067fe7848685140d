"""A day's year and month read from the day's own clause, not another clause of its sentence (issue 12, round 22).

Classes, counted over every story corpus (each date the scanner reads, before → after): a day read ahead by a future
word somewhere else in the sentence pushed into next year ("since being sworn in on March 14 but said … he expected
a call", 「1月20日に公開した…AI」 in February: 23 days); a span's end or a deadline read on the side of the verb that
set it ("suspend Parliament until March 24" in January, 「3月24日まで休会とすることを認めた」: 10); the day a vote is
called or set for read as the calling's ("called a snap election for April 28"); 「翌9日」 after a day of last month
read in the report's month; 「…火を付けた疑いがある」 read as no past. Sentences of our own, with counter-examples."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext


def _days(text: str, published: str) -> list[str]:
    return [m.value for m in DateContext(dt.date.fromisoformat(published)).scan(text)]


# --- a future word of another predicate of the sentence is not the day's ---------------------------------------------


def test_a_past_day_joined_to_a_said_predicate_stays_past() -> None:
    text = "The minister was sworn in on June 3 and said she would visit Berlin soon."
    assert _days(text, "2024-06-20") == ["2024-06-03"]


def test_since_a_day_is_behind_the_report() -> None:
    text = "She has not met the union since taking office on June 3 but said she expected talks within days."
    assert _days(text, "2024-06-20") == ["2024-06-03"]


def test_a_future_verb_before_the_day_still_reads_ahead() -> None:
    assert _days("The minister will visit Berlin on July 3 and said talks would follow.", "2024-06-20") == [
        "2024-07-03"
    ]


def test_a_future_sentence_does_not_push_a_recent_day_a_year_ahead() -> None:
    # the day is days behind the report: a future word elsewhere cannot make it next year's
    text = "In a statement on June 3, the ministry said it would review the rules."
    assert _days(text, "2024-06-20") == ["2024-06-03"]
    assert _days("政府は6月3日に公開した新制度を見直す方針だ。", "2024-06-20") == ["2024-06-03"]


def test_a_plan_months_ahead_is_still_ahead() -> None:
    assert _days("判決は12月5日に言い渡される予定だ。", "2024-06-20") == ["2024-12-05"]
    assert _days("The ruling will be handed down on Dec. 5.", "2024-06-20") == ["2024-12-05"]


# --- a span's end, a deadline, the day a vote is set for ----------------------------------------------------------


def test_a_span_end_is_read_on_the_nearer_side() -> None:
    assert _days("The governor agreed to suspend the assembly until March 24.", "2025-01-06") == ["2025-03-24"]
    assert _days("知事は議会を3月24日まで休会とすることを認めた。", "2025-01-06") == ["2025-03-24"]
    assert _days("協会は会員に3月15日までに計画を提出するよう求めた。", "2025-01-26") == ["2025-03-15"]
    assert _days("The regulator ordered the firm to submit a plan by March 15.", "2025-01-26") == ["2025-03-15"]


def test_a_thing_done_by_a_day_is_that_days() -> None:
    # 「1月6日までに…開設した」 in an October report: done by last January, no deadline
    assert _days("県は1月6日までに特設サイトを開設した。", "2024-10-02") == ["2024-01-06"]


def test_a_span_end_behind_the_report_stays_behind() -> None:
    assert _days("The bridge stayed closed until May 2.", "2024-06-20") == ["2024-05-02"]


def test_the_day_a_vote_is_called_for() -> None:
    assert _days("Days later he called a snap election for April 28.", "2025-03-27") == ["2025-04-28"]
    assert _days("Parliament was dissolved and elections were called for March 5.", "2025-09-28") == ["2026-03-05"]
    assert _days("She was picked as the candidate for the June 3 presidential election.", "2025-04-27") == [
        "2025-06-03"
    ]


def test_called_for_as_demanded_keeps_the_verbs_side() -> None:
    assert _days("Protesters called for calm on March 5.", "2025-09-28") == ["2025-03-05"]


# --- 翌N日, a suspected act -------------------------------------------------------------------------------------------


def test_the_next_day_follows_the_day_named_last() -> None:
    text = "先月4日に規制が始まり、8日から抗議が拡大。首相が翌9日に辞任し、12日に後任が就任した。"
    assert _days(text, "2025-10-10") == ["2025-09-04", "2025-09-08", "2025-09-09", "2025-09-12"]
    assert _days("9月30日に発表し、翌1日に始めた。", "2025-10-10") == ["2025-09-30", "2025-10-01"]


def test_a_suspected_act_is_told_done() -> None:
    assert _days("男は1月1日に倉庫に火を付けた疑いがある。", "2025-10-09") == ["2025-01-01"]
    assert _days("男は1月1日、金塊を盗んだ疑いが持たれています。", "2025-10-09") == ["2025-01-01"]
    assert _days("政府は1月1日に制度を始める予定だ。", "2025-10-09") == ["2026-01-01"]


def test_a_bare_day_is_never_read_most_of_a_year_into_the_next_calendar_year() -> None:
    # (the earlier tests that read these ahead: test_event_dates_round6, test_timeline_classes7, test_timeline_dup16)
    assert _days("The ministers will meet on March 3.", "2025-03-06") == ["2025-03-03"]
    assert _days("委員会は11月12日に結論を出す見通し。", "2024-12-17") == ["2024-11-12"]


def test_a_plan_later_in_the_same_calendar_year_stays_ahead() -> None:
    assert _days("The prize will be presented in Oslo on Dec. 10.", "2024-01-15") == ["2024-12-10"]
    assert _days("授賞式は12月10日に開かれる予定だ。", "2024-01-15") == ["2024-12-10"]


def test_a_participle_clause_after_a_date_is_not_its_tense() -> None:
    text = "He wrote on social media on Dec. 2, saying he would block the deal as president."
    assert _days(text, "2025-01-03") == ["2024-12-02"]
