"""Days that date no happening of their sentence, and days read on the wrong side (issue 12, round 19).

A photo caption with its time and place in brackets; a day in a relative clause still to come whose noun is the
sentence's subject (「20日に就任するトランプ次期大統領は、…と非難している」); the day of, after or before a happening a noun
names (「事故当日」「選挙翌日」); an effective date whose own verb is still to come inside an announcement (「17日付で社名を
変更すると発表した」); an English passive after "will" (「he will be removed from office on Monday」). Sentences of our
own, each with a counter-example. And a word of the future told in the past (「said it expected its first jets to fly
again on Friday」「was preparing to」) reads ahead."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract.dates import DateContext
from tests.test_timeline_classes7 import events_of


def _days(text: str, published: dt.date) -> list[str]:
    return [m.value for m in DateContext(published).scan(text)]


# --- a caption with its time and place in brackets -------------------------------------------------------------------


def test_a_caption_with_its_time_and_place_is_no_event(actors: ActorIndex) -> None:
    body = (
        "知事選の開票\n\n支持者の歓声に応える元知事(17日午後9時45分、神戸市中央区で)\n\n元知事は17日、再選を果たした。"
    )
    assert [s for _, s in events_of(body, actors, published="2024-11-18")] == ["元知事は17日、再選を果たした。"]


def test_a_sentence_that_ends_with_an_aside_is_no_caption() -> None:
    from bot.ingest.parse import _CAPTION_RE

    assert _CAPTION_RE.search("記者会見する社長（16日午後、東京都千代田区で）")
    assert not _CAPTION_RE.search("元知事は17日、神戸市の事務所前で支持者に語った（17日、神戸市で）。")
    assert not _CAPTION_RE.search("元知事は17日夜、神戸市の事務所前で演説した（共同）")


# --- a day in a relative clause still to come whose noun is the subject ---------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "20日に就任する次期大統領は、州知事の水資源政策が消火の妨げになったとSNSで非難している。",
        "20日に就任する次期大統領も自身のSNSで、合意は選挙での勝利がもたらしたと主張した。",
        "来月1日に発足する新会社は、都内で記者会見を開いた。",
    ],
)
def test_a_subject_s_day_to_come_dates_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors, published="2025-01-16") == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("20日に就任した次期大統領は、州知事の水資源政策を非難した。", "2025-01-20"),  # a done clause: not this
        ("13日に開幕した万博の会場で、メタンガスが検知された。", "2025-01-13"),
        ("政府は21日、20日に就任した次期大統領に祝意を伝えた。", "2025-01-21"),
    ],
)
def test_a_done_clause_or_a_noun_that_is_no_subject_stays(body: str, day: str, actors: ActorIndex) -> None:
    assert day in [d for d, _ in events_of(body, actors, published="2025-01-22")]


def test_a_day_to_come_of_a_noun_that_is_no_subject_stays(actors: ActorIndex) -> None:
    body = "20日に就任する次期大統領の側近が、州知事の水資源政策を非難した。"  # the noun (側近's owner) is no subject
    assert len(events_of(body, actors, published="2025-01-16")) == 1  # (its side is another question)


# --- the day of, after or before a happening a noun names ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "社長は事故当日の会見で謝罪した。",
        "首相は選挙翌日の会見で警戒感を示した。",
        "和泉氏は就任前日の会見で発言した。",
    ],
)
def test_a_noun_s_day_before_or_after_is_not_the_last_day_named(text: str) -> None:
    assert _days("首相は23日、勝利を宣言した。" + text, dt.date(2025, 2, 24)) == ["2025-02-23"]


@pytest.mark.parametrize(
    "text, day",
    [
        ("首相は23日に到着し、翌日に会談した。", "2025-02-24"),
        ("首相は23日に到着した。その前日に発表した。", "2025-02-22"),
        ("首相は23日に到着した。同日、会見した。", "2025-02-23"),
    ],
)
def test_the_day_after_or_before_the_last_day_named_stays(text: str, day: str) -> None:
    assert _days(text, dt.date(2025, 2, 24))[-1] == day


def test_a_noun_s_next_day_given_its_day_keeps_that_day() -> None:
    assert _days("市長は発生翌日の27日にも話した。", dt.date(2025, 3, 5)) == ["2025-02-27"]


# --- an effective date still to come inside an announcement --------------------------------------------------------


def test_an_effective_day_to_come_inside_an_announcement_is_ahead() -> None:
    assert _days("同社は17日付で社名を変更すると発表した。", dt.date(2023, 10, 2)) == ["2023-10-17"]
    assert _days("同社は11月1日付で社長が退任すると発表した。", dt.date(2023, 10, 2)) == ["2023-11-01"]


def test_an_effective_day_done_or_near_behind_stays() -> None:
    assert _days("同社は1日付で社名を変更した。", dt.date(2023, 10, 2)) == ["2023-10-01"]
    assert _days("同社は9月30日付で社長が退任すると発表した。", dt.date(2023, 10, 2)) == ["2023-09-30"]


def test_a_name_change_to_come_is_no_event(actors: ActorIndex) -> None:
    body = "同社は2日、記者会見を開いた。17日付で社名を「新社名」に変更すると発表した。"
    assert [d for d, _ in events_of(body, actors, published="2023-10-02")] == ["2023-10-02"]


# --- an English passive after will ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Because he chose neither, he will automatically be removed from office on Monday.",
        "He said he would be sworn in on Monday.",
    ],
)
def test_a_passive_after_will_reads_ahead(text: str) -> None:
    assert _days(text, dt.date(2024, 9, 26)) == ["2024-09-30"]


@pytest.mark.parametrize(
    "text",
    [
        "He was removed from office on Monday.",
        "He has been removed from office on Monday.",
        "It will hold a vote after he was removed on Monday.",
    ],
)
def test_a_past_or_perfect_passive_stays_behind(text: str) -> None:
    assert _days(text, dt.date(2024, 9, 26)) == ["2024-09-23"]


# --- a word of the future in the past form ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The airline said it expected its first jets to fly again on Friday, once each had passed an inspection.",
        "The carrier said it was preparing to bring them back on Friday.",
    ],
)
def test_an_expectation_told_in_the_past_reads_ahead(text: str) -> None:
    assert _days(text, dt.date(2024, 1, 24)) == ["2024-01-26"]


@pytest.mark.parametrize(
    "text",
    [
        "Shares fell more than expected on Friday.",
        "The airline resumed flights on Friday as expected.",
        "He expected the vote to pass, and it passed on Friday.",
    ],
)
def test_as_expected_or_a_past_after_it_stays_behind(text: str) -> None:
    assert _days(text, dt.date(2024, 1, 24)) == ["2024-01-19"]
