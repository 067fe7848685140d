"""How late a meeting went on is no happening; an English announcement goes on into its account (issue 12, round 19).

「会談は日本時間3日未明まで続いた。」 after the meeting's report tells how late it went on, as 「会談は約2時間に及んだ」 tells how
long; "Assad himself broke his silence on Monday." goes on into the next sentence, which tells what he said, when that
sentence has no date of its own that may date an event (a past perfect's day, 「…had evacuated him … on Dec. 8」, dates
none). Sentences of our own, each with a counter-example."""

from __future__ import annotations

from bot.actors import ActorIndex
from tests.test_timeline_classes7 import events_of


def test_how_late_a_meeting_went_on_is_no_event(actors: ActorIndex) -> None:
    body = "米特使は2日、モスクワで大統領と会談した。会談は日本時間3日未明まで続いた。"
    assert [d for d, _ in events_of(body, actors, published="2025-12-03")] == ["2025-12-02"]


def test_a_meeting_held_until_a_day_is_still_told(actors: ActorIndex) -> None:
    body = "両国の外相は3日、ジュネーブで会談した。"
    assert [d for d, _ in events_of(body, actors, published="2025-12-04")] == ["2025-12-03"]


def test_an_english_announcement_goes_on_into_its_account(actors: ActorIndex) -> None:
    body = (
        "The former president broke his silence on Monday. In a statement posted on the presidency's Telegram channel,"
        " he said his departure had not been planned and that Russia had evacuated him from the base on the evening of"
        " Dec. 8 after it came under drone attack, insisting he had never considered stepping down."
    )
    events = events_of(body, actors, published="2024-12-20")
    assert [d for d, _ in events] == ["2024-12-16"]
    assert "Telegram" in events[0][1]


def test_an_english_announcement_stays_alone_before_a_dated_sentence(actors: ActorIndex) -> None:
    body = "The United States weighed in on Monday. On Tuesday, the embassy reopened its consular section."
    events = events_of(body, actors, published="2024-12-20")
    assert events[0][1] == "The United States weighed in on Monday."
