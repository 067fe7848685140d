"""What a digest holds for a period: the sources added in it, their events (one per cluster, every report
a source) and their statements, each field as the timeline and stance services report the same rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.ingest.pipeline import ingest_text
from bot.models import SourceRef, Statement, TimelineEvent
from bot.services import digest
from bot.services.errors import QueryError
from bot.services.stance import stance
from bot.services.timeline import timeline
from bot.store import Store
from tests.roundup import roundup

FIRST = """---
url: https://www.example.com/first
title: 第一報
outlet: 第一新聞
published: 2031-05-07
---
2031年5月7日、ゼレンスキー大統領はキーウで記者団に対し「停戦には安全の保証が不可欠だ」と述べた。
"""
SECOND = """---
title: 続報
published: 2031-05-07
---
2031年5月7日、ゼレンスキー大統領はキーウで、停戦には安全の保証が欠かせないと記者団に語った。
"""


@pytest.fixture(autouse=True)
def host_clock_not_in_utc(monkeypatch: pytest.MonkeyPatch):
    """The machine's own zone is neither UTC nor the server's: a time that slips into it shows."""
    import time

    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def stamp(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


@pytest.fixture
async def two_reports(store: Store, monkeypatch: pytest.MonkeyPatch):
    """Both reports added at known instants: 10:00 and 10:05 UTC on 7 May 2031."""
    clock = {"now": datetime(2031, 5, 7, 10, 0, tzinfo=UTC)}
    monkeypatch.setattr("bot.store.store.utcnow", lambda: stamp(clock["now"]))
    first = await ingest_text(store, FIRST, name="first.md")
    clock["now"] += timedelta(minutes=5)
    second = await ingest_text(store, SECOND, name="second.md")
    assert (first.status, second.status) == ("added", "added")
    return store, first.document_id, second.document_id


async def test_a_digest_says_a_sentence_once_under_statements_not_again_under_events(two_reports) -> None:
    store, _, _ = two_reports
    d = await digest.build_digest(store, since="2031-05-07T09:59:00+00:00", until="2031-05-07T23:00:00+00:00")
    said = {s.text for s in d.statements}
    assert "ゼレンスキー大統領はキーウで記者団に対し「停戦には安全の保証が不可欠だ」と述べた。" in said
    assert not [e for e in d.events if "ゼレンスキー大統領はキーウで" in e.summary]  # the same sentence, dated


async def test_a_digest_reports_each_field_as_the_services_do(two_reports, monkeypatch: pytest.MonkeyPatch) -> None:
    store, first_id, second_id = two_reports
    monkeypatch.setattr(digest, "without_repeats", lambda events, statements: events)  # every event, to compare
    d = await digest.build_digest(store, since="2031-05-07T09:59:00+00:00", until="2031-05-07T23:00:00+00:00")
    assert (d.since, d.until) == ("2031-05-07T09:59:00.000000+00:00", "2031-05-07T23:00:00+00:00")
    assert [s.id for s in d.sources] == [first_id, second_id]

    assert d.events, "the reports' event"
    by_id = {e.id: e for e in await timeline(store, since="2031-05-07", until="2031-05-07")}
    for event in d.events:
        kept = by_id[event.id]
        assert (event.date, event.precision, event.summary, event.topics, event.background) == (
            kept.date,
            kept.precision,
            kept.summary,
            kept.topics,
            kept.background,
        )
        assert event.actors == []  # the digest lists events by date; who is in them is in /timeline
    [event] = [e for e in d.events if len(e.sources) == 2]  # one event, reported by both documents
    first, second = event.sources
    assert (first.document, first.document_id, first.title, first.outlet) == (
        "first.md",
        first_id,
        "第一報",
        "第一新聞",
    )
    assert first.url == "https://www.example.com/first"  # no cited original: the document's own URL
    assert (second.document, second.document_id, second.title, second.url) == ("second.md", second_id, "続報", None)

    assert d.statements, "the reports' statements"
    said = {s.id: s for s in (await stance(store, "ゼレンスキー")).statements}
    for s in d.statements:
        kept = said[s.id]
        assert (s.actor, s.topic, s.position, s.text, s.date, s.kind, s.passage_id) == (
            kept.actor,
            kept.topic,
            kept.position,
            kept.text,
            kept.date,
            kept.kind,
            kept.passage_id,
        )
        [src] = s.sources
        assert (src.document_id, src.document, src.title) in {
            (first_id, "first.md", "第一報"),
            (second_id, "second.md", "続報"),
        }
        assert src.url == ("https://www.example.com/first" if src.document_id == first_id else None)
        assert src.outlet == ("第一新聞" if src.document_id == first_id else None)
    assert {s.sources[0].document_id for s in d.statements} == {first_id, second_id}
    assert [(s.actor, s.topic, s.date) for s in d.statements] == sorted(
        (s.actor, s.topic, s.date) for s in d.statements
    )


async def test_the_period_is_since_exclusive_until_inclusive_and_naive_times_are_utc(two_reports) -> None:
    store, first_id, second_id = two_reports
    first_added = (await store.list_documents(first_id))[0].added_at
    only_second = await digest.build_digest(store, since=first_added, until="2031-05-07T23:00:00+00:00")
    assert [s.id for s in only_second.sources] == [second_id]
    assert all(src.document_id == second_id for e in only_second.events for src in e.sources)
    assert all(s.sources[0].document_id == second_id for s in only_second.statements)

    naive = await digest.build_digest(store, since="2031-05-07T10:02", until="2031-05-07T23:00:00+00:00")
    assert naive.since == "2031-05-07T10:02:00.000000+00:00"  # a time without a zone is UTC
    assert [s.id for s in naive.sources] == [second_id]
    tokyo = await digest.build_digest(store, since="2031-05-07T19:02+09:00", until="2031-05-07T23:00:00+00:00")
    assert tokyo.since == naive.since  # the same instant, written in Japan time

    up_to_first = await digest.build_digest(store, since="2031-05-07T09:00+00:00", until=first_added)
    assert [s.id for s in up_to_first.sources] == [first_id]


async def test_no_since_means_the_last_day(two_reports, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _first_id, second_id = two_reports

    class Now(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def]
            assert tz is UTC
            return datetime(2031, 5, 8, 10, 3, tzinfo=UTC)

    monkeypatch.setattr(digest, "datetime", Now)
    d = await digest.build_digest(store, until="2031-05-08T10:03:00+00:00")
    assert d.since == "2031-05-07T10:03:00.000000+00:00"  # 24 hours before "now"
    assert [s.id for s in d.sources] == [second_id]


async def test_a_period_ending_at_a_time_without_zone_is_the_24_hours_before_it_in_utc(two_reports) -> None:
    # The end of a period written without a zone is UTC, as its start is: not the machine's own zone
    # (Pacific/Auckland here, 12 hours off), which would move the period's start by half a day.
    store, _, second_id = two_reports
    d = await digest.build_digest(store, until="2031-05-08T10:03:00")
    assert d.since == "2031-05-07T10:03:00.000000+00:00"
    assert [s.id for s in d.sources] == [second_id]
    # and a period ending at a time in another zone: the 24 hours before that instant
    d = await digest.build_digest(store, until="2031-05-08T19:03:00+09:00")
    assert d.since == "2031-05-07T10:03:00.000000+00:00"
    assert [s.id for s in d.sources] == [second_id]


async def test_an_empty_period_and_a_bad_since(store: Store) -> None:
    d = await digest.build_digest(store, since="2099-01-01T00:00+00:00", until="2099-01-02T00:00+00:00")
    assert d.empty and (d.sources, d.events, d.statements) == ([], [], [])
    with pytest.raises(QueryError, match="not an ISO date/time") as e:
        await digest.build_digest(store, since="yesterday")
    assert "'yesterday'" in str(e.value)


async def test_a_long_failure_reason_is_kept_to_500_characters(store: Store) -> None:
    settings = await digest.configure(store, 7, 8, at="09:00", timezone="Asia/Tokyo")
    await digest.mark_failed(store, settings, datetime(2031, 1, 1, tzinfo=UTC), "x" * 600)
    kept = await digest.get_settings(store, 7)
    assert kept is not None and kept.last_error == "x" * 500


ROUNDUP = roundup("2031年5月7日、ゼレンスキー大統領はキーウで、和平交渉を支持すると述べた。")


async def test_a_passage_citing_another_outlet_is_credited_to_it_and_every_event_is_listed(
    two_reports, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _, _ = two_reports
    monkeypatch.setattr("bot.store.store.utcnow", lambda: stamp(datetime(2031, 5, 7, 10, 10, tzinfo=UTC)))
    roundup = await ingest_text(store, ROUNDUP, name="roundup.md")
    assert roundup.status == "added"
    monkeypatch.setattr(digest, "without_repeats", lambda events, statements: events)  # every event, to compare
    d = await digest.build_digest(store, since="2031-05-07T09:59:00+00:00", until="2031-05-07T23:00:00+00:00")
    cited = {
        r["passage"]: (r["url"], r["outlet"])
        for r in await store.fetchall(
            "SELECT p.id AS passage, p.url, p.outlet FROM passages p WHERE p.document_id = ?", (roundup.document_id,)
        )
    }
    assert set(cited.values()) == {
        ("https://news.example.org/articles/abc", "news.example.org"),  # the section citing its original
        ("https://www.example.com/roundup", "まとめ新聞"),  # the roundup's own section
    }
    # every cluster of the period once, in the timeline's order, whatever reports it twice
    listed = await timeline(store, since="2031-05-07", until="2031-05-07")
    assert [e.id for e in d.events] == [e.id for e in listed] and len(d.events) >= 3
    credited = {(s.url, s.outlet) for e in d.events for s in e.sources if s.document_id == roundup.document_id} | {
        (s.sources[0].url, s.sources[0].outlet) for s in d.statements if s.sources[0].document_id == roundup.document_id
    }
    assert credited == set(cited.values())
    for s in d.statements:
        if s.sources[0].document_id == roundup.document_id:
            assert (s.sources[0].url, s.sources[0].outlet) == cited[s.passage_id]


def _event(n: int, summary: str) -> TimelineEvent:
    src = [SourceRef(document="a", url=None, outlet=None, document_id=1)]
    return TimelineEvent("2025-03-11", "day", summary, [], [], src, id=n)


def _said(text: str) -> Statement:
    src = [SourceRef(document="a", url=None, outlet=None, document_id=1)]
    return Statement("ルビオ", None, "neutral", text, "2025-03-11", sources=src)


def test_an_event_said_as_a_statement_is_left_out_whatever_its_quotes_width_and_spacing() -> None:
    event = _event(1, "ボールは ロシア側にある。")
    for said in (
        "「ボールはロシア側にある」",
        "『ボールは ロシア側にある』",
        "ボールはロシア側にある.",
        "ボールはロシア側にある",
    ):
        assert digest.without_repeats([event], [_said(said)]) == [], said
    wide = _event(2, "ＮＡＴＯ加盟は議題にない")
    assert digest.without_repeats([wide], [_said("NATO加盟は議題にない")]) == []
    quoted = _event(3, "ロシアは停戦に合意")  # the quote's words, without its brackets, are most of it
    assert digest.without_repeats([quoted], [_said("「停戦に合意」")]) == []


def test_an_event_whose_sentence_is_part_of_a_statements_is_left_out() -> None:
    part = _event(1, "停戦に合意した")  # the statement says more around it: still said once, under statements
    other = _event(2, "停戦案を拒否した")
    assert digest.without_repeats([part, other], [_said("米国とロシアは停戦に合意した")]) == [other]


def test_only_quote_marks_and_full_stops_are_trimmed_from_a_sentences_ends() -> None:
    # 'We will leave X' was said; 'We will leave soon' is another sentence, though most of it is the
    # statement's up to its last letter.
    soon = _event(1, "We will leave soon.")
    assert digest.without_repeats([soon], [_said("We will leave X")]) == [soon]
    assert digest.without_repeats([soon], [_said("「We will leave soon。」")]) == []


def test_a_statement_half_of_an_events_sentence_says_it_and_less_than_half_does_not() -> None:
    half = _event(1, "米国とロシアは停戦に合意した")  # 14 characters, the statement 7 of them
    less = _event(2, "米国とロシアは長い協議の末に停戦に合意した")
    assert digest.without_repeats([half, less], [_said("停戦に合意した")]) == [less]
    assert digest.without_repeats([half, less], [_said("「」")]) == [half, less]  # nothing said: no repeat
