"""Turning what a user typed into an actor or a topic, or a clear error with suggestions."""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz, process

from bot.actors import ActorEntry
from bot.models import TOPICS
from bot.services.errors import QueryError
from bot.store import Store
from bot.store.tenancy import actor_seen_by
from bot.topics import TOPIC_LABELS


def resolve_actor(store: Store, name: str) -> ActorEntry:
    text = (name or "").strip()
    if not text:
        raise QueryError("actor.missing")
    if len(text) > 100:
        raise QueryError("actor.too_long", limit=100)
    actor, suggestions = store.actors.lookup(text)
    if actor is None:
        raise QueryError(
            "actor.unknown_suggest" if suggestions else "actor.unknown",
            text=text,
            suggestions=[a.name for a in suggestions[:5]],
            suggestions_en=[a.name_en or a.name for a in suggestions[:5]],
        )
    return actor


async def resolve_visible_actor(store: Store, name: str, guild_id: int | None) -> ActorEntry:
    """resolve_actor, for a server: an actor only another server's documents introduced is as unknown."""
    actor = resolve_actor(store, name)
    if not await actor_seen_by(store, actor.id, guild_id):
        raise QueryError("actor.unknown", text=(name or "").strip())
    return actor


def _topic_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for topic in TOPICS:
        keys[topic] = topic
        keys[topic.replace("_", " ")] = topic
        ja, en = TOPIC_LABELS.get(topic, (topic, topic))
        keys[unicodedata.normalize("NFKC", ja).lower()] = topic
        keys[en.lower()] = topic
    return keys


def resolve_topic(text: str) -> str:
    """A topic id from its id, Japanese label or English label (small typos allowed)."""
    key = unicodedata.normalize("NFKC", (text or "").strip()).lower()
    keys = _topic_keys()
    if key in keys:
        return keys[key]
    hits = process.extract(key, list(keys), scorer=fuzz.WRatio, limit=3)
    if hits and hits[0][1] >= 90:
        return keys[hits[0][0]]
    suggestions = list(dict.fromkeys(keys[h[0]] for h in hits if h[1] >= 50))
    raise QueryError("topic.unknown_listed", text=text, topics=list(TOPICS), suggestions=suggestions)
