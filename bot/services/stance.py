"""/stance: what an actor said or did, by topic, with position, date and source, and how it changed."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from bot.actors import ActorEntry
from bot.models import ActorInfo, Position, StanceReport, TopicStance
from bot.services.resolve import resolve_topic, resolve_visible_actor
from bot.store import Store
from bot.store.changes import generation
from bot.store.stance import stance_days, statement_counts, statements_page
from bot.store.tenancy import actors_seen_by


def actor_info(actor: ActorEntry, statements: int = 0) -> ActorInfo:
    return ActorInfo(
        id=actor.id,
        name=actor.name,
        name_en=actor.name_en,
        kind=actor.kind,
        aliases=list(actor.aliases),
        description=actor.description,
        statements=statements,
    )


async def stance(
    store: Store,
    actor: str,
    *,
    topic: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    guild_id: int | None = None,
    total: int | None = None,
) -> StanceReport:
    """An actor's per-topic positions and statements, newest first: all of them, or `limit` from `offset`.

    The per-topic summary reads the day counts kept at write time (stance_days), so its cost does not
    grow with the number of statements; `total` counts every statement the page is part of. With
    `guild_id`, only the statements of that server's documents and of the shared ones.

    Given `total` (what the first page's report said: a pager turning to another page of the same answer),
    the report is that page's statements alone: the per-topic summary is the first page's (`topics` empty), and
    the day counts are not read again — for the most quoted actor they are most of an answer's cost.
    """
    entry = await resolve_visible_actor(store, actor, guild_id, across=True)
    topic_id = resolve_topic(topic) if topic and topic.strip() else None
    days = await stance_days(store, entry.id, topic_id, guild_id) if total is None else []
    total = sum(n for *_, n in days) if total is None else max(0, total)
    statements = await statements_page(store, entry, topic_id, guild_id, total=total, limit=limit, offset=offset)
    return StanceReport(
        actor=actor_info(entry, total), topics=summarize(days), statements=statements, total=total, offset=offset
    )


def summarize(days: Sequence[Sequence[Any]]) -> list[TopicStance]:
    """Per topic, from (topic, date, position, statements) rows in date order: the latest position taken
    (neutral only when nothing else was said), and whether it shifted."""
    by_topic: dict[str, list[tuple[str | None, str, int]]] = defaultdict(list)
    for topic, date, position, n in days:
        by_topic[topic].append((date or None, position, n))
    out = []
    for topic, items in by_topic.items():
        history = [(date, position) for date, position, _ in items]
        taken = [h for h in history if h[1] != "neutral"]
        latest_date, latest = (taken or history)[-1]
        out.append(
            TopicStance(
                topic=topic,
                latest=cast(Position, latest),
                latest_date=latest_date,
                statements=sum(n for _, _, n in items),
                changed=len({p for _, p in taken}) > 1,
                history=cast(list[tuple[str | None, Position]], history),
            )
        )
    out.sort(key=lambda t: (t.latest_date or "", t.statements), reverse=True)
    return out


async def list_actors(store: Store, guild_id: int | None = None) -> list[ActorInfo]:
    """Known actors with aliases and statement counts, most quoted first; for a server, the actors it can
    see (see `visible_actor_ids`) with the statements of its documents and the shared ones."""
    counts = await statement_counts(store, guild_id)
    shown = await visible_actor_ids(store, guild_id)
    actors = [
        actor_info(a, counts.get(a.id, 0)) for a in store.actors.actors.values() if shown is None or a.id in shown
    ]
    actors.sort(key=lambda a: (-a.statements, a.name))
    return actors


async def suggest_actors(store: Store, text: str, limit: int = 25, *, guild_id: int | None = None) -> list[ActorInfo]:
    """Autocomplete: actors matching what was typed (aliases, spelling variants, typos), best first; for a
    server, only the actors it can see: the fuzzy search runs over those actors' names alone (kept with the
    server's view, below), so a server's answer costs what the command line's does."""
    text = (text or "").strip()[:100]
    if not text:
        return (await list_actors(store, guild_id))[:limit]
    view = await _view(store, guild_id)
    exact = store.actors.resolve(text)
    if exact and view is not None and exact.id not in view.ids:
        exact = None
    ranked = [a for a, _ in store.actors.fuzzy(text, limit=limit, cutoff=50, choices=view and view.choices)]
    if exact:
        ranked = [exact, *(a for a in ranked if a.id != exact.id)]
    return [actor_info(a) for a in ranked][:limit]


@dataclass(slots=True)
class _View:
    """What a server sees of the actors, as a cache keeps it: their ids, and the fuzzy index's keys of them."""

    at: float
    store: object  # the store it was read from: held, so that no other store takes its id while it is kept
    actors: object  # the store's ActorIndex it was read from (a new one: read again)
    version: tuple[int, int]
    ids: set[int]
    choices: list[str]


# Autocomplete asks again at every key typed: what a server sees is read once and kept until a document of
# that server or a shared one is added or removed in this process (`bot/store/changes.py`), or the store's
# actors change. The cache is this process's own: a write of another process (a worker on PostgreSQL) is
# not counted here, and SEEN_SECONDS bounds how long it goes unseen.
SEEN_SECONDS = 5.0
_SEEN: dict[tuple[int, int], _View] = {}


async def _view(store: Store, guild_id: int | None) -> _View | None:
    if guild_id is None:
        return None
    key, now, version = (id(store), guild_id), time.monotonic(), generation(store, guild_id)
    hit = _SEEN.get(key)
    if (
        hit is not None
        and hit.store is store
        and now - hit.at < SEEN_SECONDS
        and hit.actors is store.actors
        and hit.version == version
    ):
        return hit
    if len(_SEEN) > 1000:
        _SEEN.clear()
    seen = await actors_seen_by(store, guild_id)
    view = _View(now, store, store.actors, version, seen, store.actors.choices_among(seen))
    _SEEN[key] = view
    return view


async def visible_actor_ids(store: Store, guild_id: int | None) -> set[int] | None:
    """The actors a server can see: the registry's, and those found in documents it sees (or quoted in
    them); None for the command line, which sees every actor."""
    view = await _view(store, guild_id)
    return None if view is None else view.ids
