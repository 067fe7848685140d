"""/stance as the timeline is answered: the request parsed once into a query (the actor resolved, the topic
or target read), then a page of it (`stance_page`; its report carries the count).

Everything a user can get wrong is found while parsing, before a front end commits to an answer (Discord's
deferred reply): an unknown actor, an unknown topic, a target made only of common words.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import TOPICS, StanceReport
from bot.services.errors import QueryError
from bot.services.resolve import resolve_visible_actor
from bot.services.stance import stance
from bot.services.stance_about import ActorReading, Target, find_unregistered, prepare_target, read_actor, stance_about
from bot.services.topics import find_topic
from bot.store import Store


@dataclass(slots=True)
class StanceQuery:
    actor: str  # the registry's name, or the name as the articles write it (an unregistered one, with a target)
    actor_en: str | None  # the registry's English name, for English readers
    topic: str | None  # a seed topic's id
    target: str | None  # a target in the reader's words, or a stored topic's name (read by its cues)
    cues: list[str] | None
    prepared: tuple[Target, str] | None
    guild_id: int | None
    reading: ActorReading | None = None  # the actor as read while parsing, with a target

    def shown_name(self, lang: str) -> str:
        return self.actor_en if lang == "en" and self.actor_en else self.actor


async def parse_stance_query(
    store: Store, actor: str, *, topic: str | None = None, about: str | None = None, guild_id: int | None = None
) -> StanceQuery:
    """The query for an actor, with a topic (a seed topic, or a stored one read by its cue words) or a target
    (`about`, which wins over `topic`); raises QueryError for what cannot be answered."""
    reading = None
    kept: dict[str, tuple[Target, str]] = {}  # the target as `find_katakana_named` prepared it, not prepared twice
    if about is None:
        try:  # only actors the server sees
            entry = await resolve_visible_actor(store, actor, guild_id)
        except QueryError:
            entry = await resolve_visible_actor(store, actor, guild_id, across=True)  # 木原 typed, Kihara known
        name, name_en = entry.name, entry.name_en
    else:
        try:  # with a target, a country the registry lacks too (Thailand: its government's bodies)
            entry = await resolve_visible_actor(store, actor, guild_id, countries=True)
            name, name_en = entry.name, entry.name_en
        except QueryError:
            # a name the articles use though the registry lacks it (馳知事, 経団連), read as written; else the actor
            # as the answer reads it (`read_actor`: a body typed with its place the reports name without, the
            # registry across the scripts, a name the reports write otherwise): kept for the answer, found once
            # and not again for each page
            if (unregistered := await find_unregistered(store, actor, guild_id)) is not None:
                reading = ActorReading(*unregistered, None)
            else:
                reading = await read_actor(store, actor, about, guild_id, kept)
            shown = reading.country or reading.entry
            name, name_en = (shown.name, shown.name_en) if reading.named is None or reading.country else (actor, None)
    target, cues, topic_id = about, None, None
    if topic and about is None:
        info = await find_topic(store, topic, guild_id)
        if info.id in TOPICS:
            topic_id = info.id
        else:  # a topic kept in the database: read like a target, by its cue words
            target, cues = info.label, info.cues
    prepared = (
        (kept.get("prepared") or await prepare_target(store, target, cues, guild_id)) if target is not None else None
    )  # names nothing: refused
    return StanceQuery(name, name_en, topic_id, target, cues, prepared, guild_id, reading)


async def stance_page(
    store: Store, q: StanceQuery, *, limit: int | None = None, offset: int = 0, total: int | None = None
) -> StanceReport:
    """`limit` statements from `offset` (all without `limit`), with the per-topic summary and the total; given
    `total` (the first page's, a pager's later page), an actor's statements without the summary (`stance`)."""
    if q.target is not None:
        return await stance_about(
            store,
            q.actor,
            q.target,
            limit=limit,
            offset=offset,
            cues=q.cues,
            prepared=q.prepared,
            reading=q.reading,
            guild_id=q.guild_id,
        )
    return await stance(store, q.actor, topic=q.topic, limit=limit, offset=offset, guild_id=q.guild_id, total=total)
