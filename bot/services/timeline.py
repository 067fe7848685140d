"""/timeline: dated events, one entry per real event with all the sources that report it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.extract.dates import parse_date_arg
from bot.models import TimelineEvent
from bot.services.errors import QueryError
from bot.services.resolve import resolve_topic, resolve_visible_actor
from bot.store import Store
from bot.store.timeline import PAGE_SOURCES, count_timeline, timeline_page

__all__ = ["PAGE_SOURCES", "TimelineQuery", "count_timeline", "timeline", "timeline_page", "validate_timeline_query"]


@dataclass(slots=True)
class TimelineQuery:
    since: str | None = None
    until: str | None = None
    actor: str | None = None  # canonical name once resolved
    topic: str | None = None
    # The order of a view that opens on the latest events: background dates (the oldest) first, so that
    # the last page holds the latest events. Otherwise background dates come last.
    latest_last: bool = False
    guild_id: int | None = None  # a server's view (its documents and the shared ones); None: everything


def _date_arg(value: str | None, what: str) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        iso, _ = parse_date_arg(value.strip())
    except ValueError:
        raise QueryError("date.bad_since" if what == "since" else "date.bad_until", value=value) from None
    return iso


async def validate_timeline_query(
    store: Store,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    topic: str | None = None,
    guild_id: int | None = None,
) -> TimelineQuery:
    q = TimelineQuery(_date_arg(since, "since"), _date_arg(until, "until"), guild_id=guild_id)
    if q.since and q.until and q.since[: len(q.until)] > q.until:
        raise QueryError("timeline.empty_range", since=q.since, until=q.until)
    if actor and actor.strip():
        q.actor = (await resolve_visible_actor(store, actor, guild_id)).name
    if topic and topic.strip():
        q.topic = resolve_topic(topic)
    return q


async def timeline(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    topic: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    guild_id: int | None = None,
) -> list[TimelineEvent]:
    """Events in date order (background dates last), filtered by date range, actor and topic.

    With `limit`, one page from `offset`, each event listing the sources of its first few reports
    (`sources_total` counts them all); without, every event with every source. With `guild_id`, what that
    server sees: the events its own or shared documents report, told by those reports only.
    """
    q = await validate_timeline_query(store, since, until, actor, topic, guild_id)
    return await timeline_page(store, q, limit=limit, offset=offset)
