"""Turning what a user typed into an actor or a topic, or a clear error with suggestions."""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz, process

from bot.actors import ActorEntry
from bot.models import TOPICS
from bot.services.errors import QueryError
from bot.store import Store
from bot.store.tenancy import actor_seen_by, actors_seen_among
from bot.topics import TOPIC_LABELS


def resolve_actor(store: Store, name: str) -> ActorEntry:
    text = (name or "").strip()
    if not text:
        raise QueryError("actor.missing")
    if len(text) > 100:
        raise QueryError("actor.too_long", limit=100)
    actor, suggestions = store.actors.lookup(text)
    if actor is None:
        raise _unknown(text, suggestions)
    return actor


def _unknown(text: str, suggestions: list[ActorEntry]) -> QueryError:
    return QueryError(
        "actor.unknown_suggest" if suggestions else "actor.unknown",
        text=text,
        suggestions=[a.name for a in suggestions[:5]],
        suggestions_en=[a.name_en or a.name for a in suggestions[:5]],
    )


async def resolve_visible_actor(store: Store, name: str, guild_id: int | None) -> ActorEntry:
    """resolve_actor, for a server: an actor only another server's documents introduced is as unknown, and
    "Did you mean …?" names only actors the server sees."""
    text = (name or "").strip()
    try:
        actor = resolve_actor(store, name)
    except QueryError as e:
        if guild_id is None or e.code != "actor.unknown_suggest":
            raise
        raise await _visible_unknown(store, text, None, guild_id) from None
    if not await actor_seen_by(store, actor.id, guild_id):
        raise await _visible_unknown(store, text, actor.id, guild_id)
    return actor


async def _visible_unknown(store: Store, text: str, hidden: int | None, guild_id: int) -> QueryError:
    """The unknown-actor error, suggesting only actors the server sees (`hidden`: the one it does not)."""
    candidates = [a for a, _ in store.actors.fuzzy(text, limit=20) if a.id != hidden]
    seen = await actors_seen_among(store, [a.id for a in candidates], guild_id)
    return _unknown(text, [a for a in candidates if a.id in seen])


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
