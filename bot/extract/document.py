"""Everything derived from one parsed document, computed off the event loop before one write."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from bot.extract.actors import ActorIndex
from bot.models import ParsedDocument
from bot.text import index_tokens, normalize


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


def extract_document(parsed: ParsedDocument, actors: ActorIndex) -> Extraction:
    """Tokens and actor mentions for every passage (CPU work; call it in a worker thread)."""
    tokens = [index_tokens(p.text) for p in parsed.passages]
    mentions = [sorted({m.actor_id for m in actors.mentions(p.text)}) for p in parsed.passages]
    return Extraction(content_hash=content_hash(parsed), tokens=tokens, mentions=mentions)
