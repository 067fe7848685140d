"""Days given to the wrong clause of a sentence with two days (issue 12, round 38). A done relative clause's day
before the subject whose own day is written with its month or as an occasion's (「7月19日に起きた障害で…CEOは7月31日、
…」「16日未明に警報を出した気象庁の長官は19日の定例会見で」); an English non-restrictive relative clause's day before the
main clause's own ("Muto, who took office on Oct. 1, toured the plant on Oct. 5"); what had been or the step taken
first before the later day's act (「…していたが、同社は28日、…」「…了承を得たうえで、翌13日、…請求した」); a saying told in
a noun stop after 「…日にも」 (also on that day, not as early as it next month); and a second English predicate whose
subject is a possessive ("…, and Sweden's government decided … on Monday"); both days told as one (「17、18両日、」),
read as a happening of the first day when they open its clause, and no anchor of 同日 when they are a noun's or a value.
Each case has its pair the rule must leave alone."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext
from tests.article_events import days_of


def test_a_done_relative_clauses_day_gives_way_to_the_subjects_day_with_its_month() -> None:
    text = "7月19日に起きたシステム障害で欠航を出した米デルタ航空の最高経営責任者は7月31日、損失が約5億ドルに上ると明らかにした。"
    assert days_of("2024-08-01", text) == ["2024-07-31"]
    text = "16日未明に津波警報を出した気象庁の長官は19日の定例会見で、警報の発表が遅れたと説明した。"
    assert days_of("2022-01-20", text) == ["2022-01-19"]
    text = "3月2日に就任した首相は今月5日、記者会見を開いた。"
    assert days_of("2024-04-06", text) == ["2024-04-05"]
    # no later day of the subject's: the clause's own day dates the sentence
    assert days_of("2024-08-01", "7月19日に起きたシステム障害で、航空各社は欠航を出した。") == ["2024-07-19"]
    # a later day that is no lead's (a noun's, after の) leaves the clause's day alone
    assert days_of("2024-08-01", "19日に起きた障害は、31日の決算に響いた。") == ["2024-07-19"]


def test_an_english_relative_clauses_day_gives_way_to_the_main_clauses() -> None:
    text = (
        "Economy Minister Yoji Muto, who took office on Oct. 1 in Prime Minister Shigeru Ishiba's Cabinet, toured the "
        "plant on Oct. 5, his first visit."
    )
    assert days_of("2024-10-06", text) == ["2024-10-05"]
    # a relative clause's day with no day of the main clause still dates the sentence
    text = "Koizumi, who announced the deployment on Tuesday, visited the region with the governor."
    assert days_of("2025-11-06", text) == ["2025-11-04"]
    # a day not in a relative clause is the sentence's, whatever follows
    text = "Muto took office on Oct. 1 and toured the plant with the governor on Oct. 5."
    assert days_of("2024-10-06", text)[0] == "2024-10-01"


def test_what_had_been_or_a_first_step_gives_way_to_the_later_days_act() -> None:
    assert days_of("2024-05-30", "社長は20日に不適切な発言をしていたが、同社は28日、謝罪の文書を公表した。") == ["2024-05-28"]
    text = "文部科学省は2023年10月12日に審議会の了承を得たうえで、翌13日、解散命令を東京地裁に請求した。"
    assert days_of("2023-10-14", text) == ["2023-10-13"]
    assert days_of("2021-03-30", "運河は23日からふさがれていましたが、29日夜から船舶の通航が再開されました。") == ["2021-03-29"]
    # each day its own act: two happenings, as before
    assert days_of("2024-03-30", "市は10日に会合を開き、15日に計画を発表した。") == ["2024-03-10", "2024-03-15"]
    # a clause closed by が that is no background (下院は…可決したが、): two happenings
    found = days_of("2024-03-30", "下院は今月2日、法案を可決したが、上院は6日に否決した。")
    assert found == ["2024-03-02", "2024-03-06"]


def test_a_saying_told_in_a_noun_stop_after_nimo_is_done() -> None:
    on = dt.date(2021, 4, 27)
    text = "同社は25日にもホームページで声明を出し、「申し訳ございません」と謝罪。"
    assert [m.value for m in DateContext(on).scan(text, on)] == ["2021-04-25"]
    assert days_of("2021-04-27", text) == ["2021-04-25"]
    # as early as the 28th: a plan still to come
    text = "政府は28日にも声明を出す方向で調整している。"
    assert [m.value for m in DateContext(on).scan(text, on)] == ["2021-04-28"]
    text = "同社は25日にも声明を出す。"
    assert [m.value for m in DateContext(on).scan(text, on)] == ["2021-05-25"]


def test_an_english_second_predicate_with_a_possessive_subject_is_its_own_happening() -> None:
    text = "Finland announced its decision to apply on Sunday, and Sweden's government decided to join the alliance on Monday."
    assert days_of("2022-05-17", text) == ["2022-05-15", "2022-05-16"]
    # a possessive that is the object, not a new subject: one happening
    text = "Finland announced its decision on Sunday and Sweden's reply came with the vote on Monday."
    assert days_of("2022-05-17", text)[0] == "2022-05-15"


def test_an_english_relative_clause_of_an_act_keeps_its_day() -> None:
    """An act told in the relative clause ("Kim, who apologised on Sunday, said in a statement on Monday…") is the
    happening the statement follows up, not the subject's post: the first day stays the sentence's."""
    text = "Jeju Air CEO Kim E-bae, who apologised on Sunday, said in a statement on Monday that the company would help."
    assert days_of("2024-12-31", text) == ["2024-12-29"]
    text = "Iwaya, who took office on Tuesday in Ishiba's new Cabinet, visited the embassy in Beirut on Thursday."
    assert days_of("2024-10-04", text) == ["2024-10-03"]


def test_both_days_are_one_happening_of_the_first() -> None:
    """「17、18両日」「9月10、11の両日」: a poll or a meeting told over both days, one happening dated by its first day;
    a range or a list of two days without 両 reads as before (each day its own)."""
    on = dt.date(2022, 9, 19)

    def scan(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.value) for m in DateContext(on).scan(text, on)]

    assert scan("毎日新聞は17、18両日、全国世論調査を実施した。") == [("17、18両日", "2022-09-17")]
    assert scan("9月10、11の両日、会合を開いた。") == [("9月10、11の両日", "2022-09-10")]
    assert days_of("2022-09-19", "毎日新聞と社会調査研究センターは17、18両日、全国世論調査を実施した。") == ["2022-09-17"]
    # without 両: as before
    assert scan("会合は10～12日に開かれた。") == [("10", "2022-09-10"), ("12日", "2022-09-12")]
    assert scan("9月19・20日に開く。") == [("9月19", "2022-09-19"), ("20日", "2022-09-20")]
    assert scan("17日、18人が死亡した。") == [("17日", "2022-09-17")]


def test_both_days_date_only_the_clause_they_open() -> None:
    """「両日」 as the clause's adverbial (a comma or に after it) dates the clause; 「8月20、21両日の前回調査」 names an
    earlier happening, 「21、22両日を休日とした」 sets the days: neither dates what the sentence tells."""
    assert days_of("2022-09-19", "共同通信社が同じ17、18両日に行った調査では支持率が急落した。") == ["2022-09-17"]
    assert days_of("2022-09-19", "支持率は29%で、8月20、21両日の前回調査から7ポイント下落した。") == []
    assert days_of("2024-07-23", "政府は21、22両日を休日とした。") == []
    assert days_of("2025-10-10", "先月8、9両日のデモでは70人以上が死亡した。") == []


def test_both_days_set_as_a_value_are_no_anchor_of_the_same_day() -> None:
    found = days_of(
        "2025-03-14",
        "連邦地裁の判事は13日、職員を復職させるよう命じた。",
        "解雇は2月13、14両日を中心に行われた。別の判事も同日、復職を命じた。",
    )
    assert found == ["2025-03-13", "2025-03-13"]
