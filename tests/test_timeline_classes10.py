"""Classes of the timeline's misses on last round's blind stories (issue 12, round 10, from the classes
`eval/timeline_classes.py` counts): court and crime reports across outlets and languages, "as early as" plans,
deadlines told mid-sentence, a rate per day, a wire stamp's "Updated 2 hours ago". Sentences of our own, each
with a counter-example the rule must leave alone. The report is of 20 October 2024 unless a case says otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract.dates import find_dates
from bot.extract.event_words import english_words, event_terms
from bot.extract.events import same_event
from bot.ingest.stamps import stamp_date
from bot.text import nouns
from tests.test_timeline_classes7 import events_of
from tests.test_timeline_dates9 import scan


def _terms(text: str) -> set[str]:
    words = english_words(text) if text.isascii() else nouns(text)
    return event_terms(words, text)


# --- court and crime reports share their event words in both languages ----------------------------------------------


@pytest.mark.parametrize(
    "ja, en, concept",
    [
        ("地裁は無罪を言い渡した。", "The court acquitted the former boxer.", "~verdict"),
        ("検察は控訴を断念した。", "Prosecutors said they would not appeal.", "~appeal"),
        ("被告は法廷で罪を認めた。", "The former interpreter pleaded guilty in federal court.", "~guilty_plea"),
        ("同社はランサムウエアによる攻撃を受けた。", "The company was hit by a ransomware attack.", "~cyberattack"),
        ("静岡地方裁判所で再審が開かれた。", "The district court opened the retrial.", "~court"),
    ],
)
def test_a_court_or_crime_report_names_its_concept_in_both_languages(ja: str, en: str, concept: str) -> None:
    assert concept in _terms(ja)
    assert concept in _terms(en)


def test_a_plea_of_not_guilty_is_no_guilty_plea() -> None:
    assert "~guilty_plea" not in _terms("He pleaded not guilty at his arraignment.")


def test_two_english_reports_of_one_acquittal_becoming_final_are_one_event() -> None:
    a = {"tokens": sorted(_terms("The acquittal of the former boxer became final on Wednesday."))}
    b = {"tokens": sorted(_terms("Prosecutors did not appeal, and the verdict became final."))}
    assert same_event(a, b) > 0
    # another happening of the same day that shares only "became final": apart
    c = {"tokens": sorted(_terms("The merger of the two banks became final on Wednesday."))}
    assert same_event(a, c) == 0


def test_a_district_court_named_in_full_and_abbreviated_is_one_word() -> None:
    assert "~court" in _terms("静岡地方裁判所は26日、無罪を言い渡しました。")
    assert "~court" in _terms("静岡地裁の裁判長は冒頭で無罪を告げました。")


# --- "as early as" a later day, its own verb still to come: a plan -------------------------------------------------

JUNE9 = dt.date(2024, 6, 9)
JUNE5 = dt.date(2024, 6, 5)


def test_as_early_as_a_later_day_that_someone_said_is_ahead() -> None:
    assert [m.value for m in find_dates("同社は10日にも改めて状況を公表するとしています。", JUNE9)] == ["2024-06-10"]
    # counter-example: a state that resulted, 「にも…ている」 without a verb still to come, is behind
    assert [m.value for m in find_dates("別の遺体も10日にも見つかっている。", JUNE9)] == ["2024-05-10"]


@pytest.mark.parametrize(
    "body",
    [
        "同社は21日にも改めて状況を公表するとしている。",
        "犯行グループは、盗んだデータを25日にも公開すると予告しているという。",
    ],
)
def test_as_early_as_a_later_day_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


def test_as_early_as_a_day_behind_the_report_stays(actors: ActorIndex) -> None:
    assert [d for d, _ in events_of("同社は18日にも声明を出していた。", actors)] == ["2024-10-18"]


# --- a later day that is what its subject is, told mid-sentence: a schedule --------------------------------------


@pytest.mark.parametrize(
    "body",
    ["控訴の期限は来月5日で、検察の判断が焦点となる。", "判決の言い渡しは28日だが、弁護団は会見を開いた。"],
)
def test_a_deadline_told_mid_sentence_is_no_event(body: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors) if d > "2024-10-20"] == []


def test_a_later_day_with_its_own_act_stays_a_plan_only_when_it_reads_so(actors: ActorIndex) -> None:
    # counter-example: a day behind the report, told with the copula, is still what happened that day
    assert [d for d, _ in events_of("初公判は18日で、被告は起訴内容を認めた。", actors)] == ["2024-10-18"]


# --- a rate per day is no date ----------------------------------------------------------------------------------


def test_a_rate_per_day_is_no_date() -> None:
    assert find_dates("補償額は１日１万２５００円で算定した。", dt.date(2025, 3, 25)) == []
    assert find_dates("1日3回服用する。", dt.date(2025, 3, 25)) == []
    # counter-examples: a day and a figure with a comma between, a day and its hour
    assert [m.value for m in find_dates("24日、1万人が集まった。", dt.date(2025, 3, 25))] == ["2025-03-24"]
    assert [m.value for m in find_dates("24日午前10時に始まった。", dt.date(2025, 3, 25))] == ["2025-03-24"]


# --- a wire stamp that says how long ago it was updated -------------------------------------------------------------


def test_a_stamp_updated_hours_ago_is_a_stamp() -> None:
    assert stamp_date("July 3, 2024 7:18 PM GMT+9 Updated 2 hours ago") == "2024-07-03"
    assert stamp_date("October 9, 2024 10:02 AM GMT+9 Updated 35 min ago") == "2024-10-09"
    assert stamp_date("The hackers struck on July 3, 2024, two days ago") is None


# --- 同日 counts from the day the article tells, not a day told as what had been, a planned day or a count's end --


def _scan(*sentences: str) -> list[list[str]]:
    return scan(*sentences, ref=JUNE5)


def test_the_same_day_skips_a_day_told_as_what_had_been() -> None:
    got = _scan(
        "被告は4日、連邦地裁で起訴内容を認めた。",
        "被告は先月8日、司法取引に応じていた。同14日の罪状認否では、無罪を主張していた。",
        "検事は同日午後、記者会見した。",
    )
    assert got[-1] == ["2024-06-04"]
    # counter-example: a day told as what happened (no 〜ていた) is what 同日 counts from
    assert _scan("被告は4日、出廷した。", "検察は3日、声明を出した。", "検事は同日午後、会見した。")[-1] == [
        "2024-06-03"
    ]


def test_the_same_day_skips_a_planned_day_and_a_counts_end() -> None:
    got = _scan("被告は4日、起訴内容を認めた。", "量刑は10月25日に言い渡される予定だ。", "検事は同日午後、会見した。")
    assert got[-1] == ["2024-06-04"]
    got = _scan("知事は4日、派遣を要請した。", "2日までの被害は54人にのぼる。", "官房長官は同日の会見で述べた。")
    assert got[-1] == ["2024-06-04"]
    # counter-example: a later day the sentence tells as done is what 同日 counts from
    assert _scan("被告は4日、出廷した。", "検察は5日、声明を出した。", "検事は同日午後、会見した。")[-1] == [
        "2024-06-05"
    ]


# --- a part of the report's own month that its clause plans, a prospect (めどが立った): plans -----------------------


@pytest.mark.parametrize(
    "body",
    [
        "同選手は今月下旬、キャンプに合流する予定で、連覇を目指す。",
        "会計システムは来月上旬に復旧するめどが立ったという。",
    ],
)
def test_a_plan_of_this_month_or_a_prospect_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


def test_a_part_of_this_month_told_as_done_stays(actors: ActorIndex) -> None:
    assert [d for d, _ in events_of("同社は今月上旬、新しい社長を選んだ。", actors)] == ["2024-10"]
    assert [d for d, _ in events_of("システムは今月上旬に復旧した。", actors)] == ["2024-10"]


# --- an English schedule told in the present tense ------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The team opens its home season against Chicago on Thursday.",
        "Tokyo markets reopen on Monday after the holiday.",
        "The two leaders meet in Geneva on Friday.",
    ],
)
def test_an_english_schedule_in_the_present_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("Tokyo markets reopened on Thursday after the holiday.", "2024-10-17"),  # told as done
        # a schedule's word after the date is not the clause's verb
        ("The fund wrote to the board on Oct. 14, demanding a news conference open to all media.", "2024-10-14"),
    ],
)
def test_an_english_happening_told_as_done_stays(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == [day]


# --- a day that starts a span told with ぶり dates the span's start, not the sentence's happening -----------------


def test_the_day_a_span_began_is_no_event(actors: ActorIndex) -> None:
    assert events_of("10月1日の停止から、約2週間ぶりの全面再開となる。", actors) == []
    # counter-example: the day of a happening that is no span's start
    assert [d for d, _ in events_of("10月1日の停止で、利用者は約2週間待った。", actors)] == ["2024-10-01"]


# --- the day outlets broke the news is not the day of what they reported ------------------------------------------


def test_the_day_outlets_broke_the_news_is_no_event(actors: ActorIndex) -> None:
    body = "判決は海外でも関心を集め、ロイター通信やAFP通信などが日本時間の18日夜、相次いで速報しました。"
    assert events_of(body, actors) == []
    # counter-example: what an agency itself did that day
    assert [d for d, _ in events_of("ロイター通信は18日、東京支局を閉鎖した。", actors)] == ["2024-10-18"]


# --- two doers on two days sharing one predicate (「…が、…が、それぞれ…した」) --------------------------------------


def test_two_days_sharing_a_predicate_each_get_it(actors: ActorIndex) -> None:
    body = "事故を巡っては、今月8日に社長が、同15日には会長が、それぞれ遺族を訪れて謝罪した。"
    got = events_of(body, actors)
    assert [d for d, _ in got] == ["2024-10-08", "2024-10-15"]
    assert all("謝罪した" in s for _, s in got)
    # counter-example: without それぞれ the open clause still waits for the next one's predicate (one event)
    assert len(events_of("事故を巡っては、今月8日に社長が、同15日には会長が遺族を訪れて謝罪した。", actors)) == 1


# --- a day ahead that is scheduled (予定されている) is a plan; one that was scheduled (予定されていた) is told as such ---


def test_a_day_scheduled_ahead_is_no_event(actors: ActorIndex) -> None:
    assert events_of("罪状認否は来月14日に予定されている。", actors) == []
    # counter-example: a day behind the report on which something scheduled happened
    assert [d for d, _ in events_of("初公判は18日に開かれ、被告は起訴内容を認めた。", actors)] == ["2024-10-18"]
