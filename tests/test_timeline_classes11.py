"""Classes of the timeline's misses on last round's blind stories (issue 12, round 11, from the classes
`eval/timeline_classes.py` counts): an English happening dated only by "the same day" (the English 同日), the days
that phrase must not count from, a record's sentence (「…のは初めて」) in a report of a disaster's day, a dated byline,
and a month long past told as what had been. Sentences of our own, each with a counter-example the rule must leave
alone."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from tests.test_timeline_classes7 import events_of
from tests.test_timeline_dates9 import scan
from tests.test_timeline_same_day import dated

OCT20 = dt.date(2024, 10, 20)  # a Sunday


# --- "the same day", "that same morning": the last day the article named ------------------------------------------


def test_the_same_day_in_english_is_the_day_told_before() -> None:
    got = scan(
        "The regulator ordered a recall on Tuesday.",
        "At a separate briefing the same day, the maker apologized.",
        "Its chairman resigned that same morning.",
        ref=OCT20,
    )
    assert got == [["2024-10-15"], ["2024-10-15"], ["2024-10-15"]]
    # counter-examples: "the same story", "later that day" name no day
    assert scan("It was the same story in Osaka.", "Later that day he left.", ref=OCT20) == [[], []]


def test_the_same_day_skips_a_day_told_as_what_had_been_a_day_ahead_or_a_day_naming_a_thing() -> None:
    def same_day_after(sentence: str) -> str:
        return scan("The court ruled on Tuesday.", sentence, "Police apologized the same day.", ref=OCT20)[-1][0]

    assert same_day_after("The deadline for an appeal had been Wednesday.") == "2024-10-15"
    assert same_day_after("She had announced her bid on Oct. 2.") == "2024-10-15"
    assert same_day_after("Inspectors will visit the plant on Friday, Oct. 25.") == "2024-10-15"
    assert same_day_after("The next hearing is on Friday, Oct. 25.") == "2024-10-15"  # a day ahead
    assert same_day_after("He spoke for the first time since the Oct. 2 crash.") == "2024-10-15"
    # counter-example: a day told as what happened is what "the same day" counts from
    assert same_day_after("The prosecutors filed an appeal on Thursday.") == "2024-10-17"


def test_a_happening_dated_by_the_same_day_is_an_event(actors: ActorIndex) -> None:
    body = (
        "The transport ministry ordered the carmaker to halt shipments on Tuesday.\n\n"
        "At a news conference the same day, the company's president apologized to customers."
    )
    assert [d for d, _ in events_of(body, actors)] == ["2024-10-15", "2024-10-15"]


def test_a_word_at_no_occasion_or_a_plan_dated_by_the_same_day_is_no_event(actors: ActorIndex) -> None:
    lead = "The transport ministry ordered the carmaker to halt shipments on Tuesday.\n\n"
    for second in (
        "Its parent company said the same day that an outside firm had confirmed the flaws.",
        "The maker plans to recall the cars the same day.",
        "The company may apologize to customers the same day.",
    ):
        assert [d for d, _ in events_of(lead + second, actors)] == ["2024-10-15"], second
    # counter-example: a word said at a news conference is a happening of that day
    said = "The company's president said at a news conference the same day that the flaws did not affect safety."
    assert [d for d, _ in events_of(lead + said, actors)] == ["2024-10-15", "2024-10-15"]


# --- a record's sentence in a report of a disaster's day ----------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        "鉄道各社が全線で運転を見合わせたのは初めて。",
        "県内で震度7を観測したのは初めて。",
        "空港が滑走路を閉鎖したのは異例だ。",
    ],
)
def test_a_record_told_of_the_day_s_incident_is_no_event(record: str, actors: ActorIndex) -> None:
    head = "---\npublished: 2024-10-20\n---\nタイトル\n\n20日午前、県北部を震源とする大きな地震があった。\n\n"
    assert [d for d, _ in dated(head + record, actors)] == ["2024-10-20"]


def test_an_undated_incident_of_the_day_told_as_done_stays(actors: ActorIndex) -> None:
    head = "---\npublished: 2024-10-20\n---\nタイトル\n\n20日午前、県北部を震源とする大きな地震があった。\n\n"
    days = [d for d, _ in dated(head + "鉄道各社は全線で運転を見合わせた。", actors)]
    assert days == ["2024-10-20", "2024-10-20"]


# --- a byline and its date is a stamp line, not the lead's first words ---------------------------------------------


def test_a_dated_byline_is_a_stamp_line() -> None:
    from bot.ingest.stamps import stamp_date

    assert stamp_date("By Japan Times staff writer | Jan 10, 2024") == "2024-01-10"
    assert stamp_date("By Jane Doe, March 3, 2025 10:14 PM") == "2025-03-03"
    # counter-examples: a sentence that starts like a byline, a byline with text after its date
    assert stamp_date("By Reuters staff said on Jan 10, 2024 that it would") is None
    assert stamp_date("By Jane Doe, March 3, 2025 Osaka Gov. Hirofumi Yoshimura said") is None


# --- a month before last told as what had been is the background ---------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "公判は昨年10月に始まっていた。",
        "国はことし1月、各社に報告するよう求めていました。",
        "焼失した機体は2021年に受領したばかりだった。",
    ],
)
def test_a_month_before_last_told_as_what_had_been_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors, published="2024-09-26") == []


@pytest.mark.parametrize(
    "body, month",
    [
        ("公判は8月に始まった。", "2024-08"),  # told as done, recent (months before that: `_earlier_month_retold`)
        ("検察側は先月、懲役5年を求刑していた。", "2024-08"),  # last month's: the story's own recent happening
        ("関係者によると、同社は2023年6月初旬に事態を把握していた。", "2023-06"),  # what a source reveals
    ],
)
def test_a_month_done_recent_or_revealed_stays(body: str, month: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors, published="2024-09-26")] == [month]
