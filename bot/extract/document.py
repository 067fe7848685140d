"""Everything derived from one parsed document, computed off the event loop before one write."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from bot.extract.actors import ActorIndex
from bot.models import ParsedDocument
from bot.text import analyze, normalize


@dataclass(slots=True)
class EventRow:
    passage_seq: int
    date: str
    precision: str
    summary: str
    background: bool
    actor_ids: list[int]
    topics: list[str]
    weight: float = 1.0
    tokens: list[str] = field(default_factory=list)  # content words, for clustering
    persons: list[int] = field(default_factory=list)  # person actor ids, for clustering
    names: list[str] = field(default_factory=list)  # names of people and places in Latin letters, for clustering
    report: bool = False  # dated by its report (a headline): the event may be the day before
    alt: str | None = None  # the same moment's date in the other time zone (「16日（日本時間17日）」), for clustering
    act: list[str] = field(default_factory=list)  # the kind of its main act (~say, ~downgrade), for clustering
    acts: list[str] = field(default_factory=list)  # every act and event word it names outside quotes, for clustering


@dataclass(slots=True)
class StatementRow:
    passage_seq: int
    actor_id: int
    topic: str
    position: str
    text: str
    date: str | None
    kind: str


@dataclass(slots=True)
class NewActor:
    name: str
    aliases: list[str]
    kind: str = "person"
    description: str | None = None
    name_en: str | None = None


@dataclass(slots=True)
class Extraction:
    content_hash: str
    tokens: list[str]  # per passage, aligned with parsed.passages
    mentions: list[list[int]]  # actor ids per passage
    events: list[EventRow] = field(default_factory=list)
    statements: list[StatementRow] = field(default_factory=list)
    new_actors: list[NewActor] = field(default_factory=list)


def content_hash(parsed: ParsedDocument) -> str:
    """Hash of the article's matching form: the same text with other spacing or width is the same content."""
    body = "\n".join(p.text for p in parsed.passages)
    return hashlib.sha256(normalize(body).encode("utf-8")).hexdigest()


def extract_document(parsed: ParsedDocument, actors: ActorIndex, digest: str | None = None) -> Extraction:
    """Everything derived from a document (CPU work; call it in a worker thread).

    `digest` is the document's content_hash when the caller has computed it already.
    """
    # Imported here: these modules import the row types above, so a top-level import would be circular.
    from bot.extract.discover import discover_actors
    from bot.extract.events import extract_events
    from bot.extract.stance import extract_statements

    passages = parsed.passages
    analyses = [analyze(p.text) for p in passages]
    new_actors = discover_actors(passages, actors)
    if new_actors:  # mentions, events and statements of this document may name them already
        actors = actors.extended([(a.name, a.aliases, a.kind, a.description) for a in new_actors])
    mentions = [actors.mentions(p.text) for p in passages]
    # An event summary is often a whole passage: its nouns are known then.
    known_nouns = {p.text: a.nouns for p, a in zip(passages, analyses, strict=True)}
    events, passage_dates = extract_events(passages, actors, parsed.published, known_nouns)
    statements = extract_statements(passages, actors, passage_dates, mentions)
    return Extraction(
        content_hash=digest or content_hash(parsed),
        tokens=[" ".join(a.forms) for a in analyses],
        mentions=[sorted({m.actor_id for m in found}) for found in mentions],
        events=events,
        statements=statements,
        new_actors=new_actors,
    )
