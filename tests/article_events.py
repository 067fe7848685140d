"""The events one article of our own yields, for the timeline's date, plan and duplicate tests: the article's date
and its paragraphs in, (date, summary) of each event out, as ingestion extracts them (no actors known); or, with an
actor index, its event rows, the features the store clusters them by and the clusters they fall into."""

from __future__ import annotations

from typing import Any

from bot.actors import ActorIndex
from bot.extract.event_match import same_event
from bot.extract.events import event_features as sentence_features
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document
from bot.rows import EventRow
from bot.store.clusters import match_events
from bot.store.store import event_members


def events_of(published: str, *paragraphs: str) -> list[tuple[str, str]]:
    """(date, summary) of each event of an article published on `published` made of `paragraphs`."""
    body = "\n\n".join(paragraphs)
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(e.date, e.summary) for e in rows]


def days_of(published: str, *paragraphs: str) -> list[str]:
    """The dates alone of `events_of`."""
    return [d for d, _ in events_of(published, *paragraphs)]


def event_rows(body: str, actors: ActorIndex, published: str) -> list[EventRow]:
    """The event rows of one article made of `body`, with `actors` known."""
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, actors, doc.published)
    return rows


def event_features(body: str, actors: ActorIndex, published: str) -> list[dict[str, Any]]:
    """The features the store clusters each event of the article by (`event_members`)."""
    rows = event_rows(body, actors, published)
    return [m.features for m in event_members(list(range(1, len(rows) + 1)), rows, int)]


def article_clusters(body: str, actors: ActorIndex, published: str) -> list[tuple[int, str]]:
    """(cluster, summary) of each event of one article, clustered as the store clusters them."""
    rows = event_rows(body, actors, published)
    members = event_members(list(range(1, len(rows) + 1)), rows, int)
    return list(zip(match_events(members, {}, same_event), [r.summary for r in rows], strict=True))


def event_dict(text: str, actors: ActorIndex | None = None, **extra: object) -> dict[str, Any]:
    """One sentence's event words, persons and names as the clustering compares them (`same_event`), plus `extra`."""
    f = sentence_features(text, actors or ActorIndex([]))
    return {"tokens": sorted(f.tokens), "persons": sorted(f.persons), "names": sorted(f.names), **extra}
