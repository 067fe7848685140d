"""Extraction behaviours that mutants of `bot/extract` showed untested (issue 17, branch mut8c): an event dated
by its hour alone is of a day (not vague), the background line at BACKGROUND_DAYS before the report, a summary
without the comma it was cut after, and English words of a possessive name; on mut9, a year a state runs from and
a date that is its sentence's predicate (segments), which date no event."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.event_words import english_words
from bot.extract.events import BACKGROUND_DAYS, extract_events, trim_summary
from bot.ingest.parse import parse_document


def rows_of(text: str, actors: ActorIndex):  # type: ignore[no-untyped-def]
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, actors, doc.published)
    return rows


def test_an_event_dated_by_its_hour_under_a_stamped_day_is_of_that_day(actors: ActorIndex) -> None:
    text = "避難指示を解除\n2025年8月12日 10時05分\n\n消防庁は午前9時、沿岸部の避難指示を解除しました。"
    (row,) = rows_of(text, actors)
    assert (row.date, row.precision) == ("2025-08-12", "day")


def test_an_event_more_than_background_days_before_its_report_is_background(actors: ActorIndex) -> None:
    assert BACKGROUND_DAYS == 400  # the two dates below sit on either side of it
    head = "---\npublished: 2026-03-01\n---\n法案の行方\n\n"
    (on_the_line,) = rows_of(head + "政府は2025年1月25日、法案を閣議決定した。", actors)
    (past_it,) = rows_of(head + "政府は2025年1月24日、法案を閣議決定した。", actors)
    assert (on_the_line.date, on_the_line.background) == ("2025-01-25", False)
    assert (past_it.date, past_it.background) == ("2025-01-24", True)


def test_a_summary_ends_without_the_comma_before_its_cut() -> None:
    assert trim_summary("政府は港湾の運用を再開し、") == "政府は港湾の運用を再開し"
    assert trim_summary("The port reopened,") == "The port reopened"


def test_a_possessive_name_is_the_name_among_english_words() -> None:
    assert english_words("Japan's prime minister met Biden's envoy") == ["met", "biden", "envoy"]


def test_a_year_a_state_runs_from_dates_no_event(actors: ActorIndex) -> None:
    # 「2019年から…ている」: the year a tally or state runs from, no happening of its own (segments.is_event_date)
    head = "---\npublished: 2025-05-18\n---\n見出し\n\n"
    for body in ("政府は2019年から防衛費を増やしている。", "市は2021年から補助金を出している。"):
        assert rows_of(head + body, actors) == []


def test_a_date_that_is_its_sentences_predicate_dates_no_event_before_another_sentence(actors: ActorIndex) -> None:
    # 「…のは15日…だった。」 followed by more sentences of the paragraph, short or long (segments._is_predicate)
    head = "---\npublished: 2025-11-16\n---\n見出し\n\n市は14日、避難指示を出した。火の勢いが収まったのは15日午前7時半ごろだった。"
    for tail in ("住民は避難所に移った。", "、".join(["住民は避難所に移り、物資の配布が続いた"] * 12) + "。"):
        assert [row.date for row in rows_of(head + tail, actors)] == ["2025-11-14"]
