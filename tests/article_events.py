"""The events one article of our own yields, for the timeline's date and plan tests: the article's date and its
paragraphs in, (date, summary) of each event out, as ingestion extracts them (no actors known)."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document


def events_of(published: str, *paragraphs: str) -> list[tuple[str, str]]:
    """(date, summary) of each event of an article published on `published` made of `paragraphs`."""
    body = "\n\n".join(paragraphs)
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(e.date, e.summary) for e in rows]


def days_of(published: str, *paragraphs: str) -> list[str]:
    """The dates alone of `events_of`."""
    return [d for d, _ in events_of(published, *paragraphs)]
