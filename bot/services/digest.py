"""The daily digest: what it contains for a period, and when each server is due for one.

Scheduling state lives in the database (digest_settings), so a digest is posted exactly once per
local day per server across restarts; if the bot was down at the time, it posts when it comes back
that day, once.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.instants import iso_utc, utcnow
from bot.models import Digest, FeedTrouble, Statement, TimelineEvent
from bot.services.errors import QueryError, UserError
from bot.services.feeds import failing_feeds
from bot.store import Store
from bot.store.digests import (
    DigestSettings,
    disable_settings,
    period_events,
    period_statements,
    read_enabled_settings,
    read_settings,
    record_failed,
    record_posted,
    save_settings,
)
from bot.user_errors import stored

DEFAULT_TIME = "09:00"
DEFAULT_TZ = "Asia/Tokyo"
MAX_ITEMS = 200


LANGUAGES = ("ja", "en")


def parse_language(value: str | None) -> str | None:
    """'ja' or 'en' (any Japanese or English locale name), None for no choice."""
    text = (value or "").strip().lower()
    if not text:
        return None
    if text.startswith(("ja", "日本")):
        return "ja"
    if text.startswith(("en", "英")):
        return "en"
    raise QueryError("digest.bad_language", value=value)


def digest_language(settings: DigestSettings | None, preferred_locale: str | None) -> str:
    """The language a server's digest is written in: its choice, else Japanese for a Japanese server, else English."""
    if settings is not None and settings.language in LANGUAGES:
        return settings.language
    return "ja" if (preferred_locale or "").lower().startswith("ja") else "en"


def parse_time(value: str | None) -> str:
    text = unicodedata.normalize("NFKC", value or DEFAULT_TIME).strip()  # ２１：３０ is 21:30
    try:
        t = time.fromisoformat(text if len(text) > 2 else f"{int(text):02d}:00")
    except ValueError:
        raise QueryError("digest.bad_time", value=value) from None
    return f"{t.hour:02d}:{t.minute:02d}"


def _instant(iso: str) -> datetime:
    dt = datetime.fromisoformat(iso)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _sentence_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).strip("「」『』\"'。.")


def without_repeats(events: list[TimelineEvent], statements: list[Statement]) -> list[TimelineEvent]:
    """The events whose sentence is not already a statement's: the digest says each sentence once, under
    statements (where its speaker, topic and position are), not again under events. A statement that is
    most of an event's sentence (its clause, or the sentence with its headline's attribution dropped:
    「…されず」 of 「…されず＝ウクライナ高官」) says it too."""
    said = {key for key in (_sentence_key(s.text) for s in statements) if key}

    def repeated(event: str) -> bool:
        return any(key == event or event in key or (key in event and 2 * len(key) >= len(event)) for key in said)

    return [ev for ev in events if not repeated(_sentence_key(ev.summary))]


def parse_timezone(value: str | None) -> str:
    name = (value or DEFAULT_TZ).strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise QueryError("digest.bad_timezone", value=name) from None
    return name


async def configure(
    store: Store,
    guild_id: int,
    channel_id: int,
    at: str | None = None,
    timezone: str | None = None,
    language: str | None = None,
) -> DigestSettings:
    """Set up (or change) a server's digest. A new digest has posted nothing yet: its first one (and
    `/digest now`) covers the last 24 hours. A language not given keeps the one chosen before."""
    hhmm, tz, lang = parse_time(at), parse_timezone(timezone), parse_language(language)
    await save_settings(store, guild_id, channel_id, hhmm, tz, lang, utcnow())
    settings = await get_settings(store, guild_id)
    assert settings is not None
    return settings


async def disable(store: Store, guild_id: int) -> bool:
    return await disable_settings(store, guild_id, utcnow())


async def get_settings(store: Store, guild_id: int) -> DigestSettings | None:
    return await read_settings(store, guild_id)


def local_day(settings: DigestSettings, now: datetime) -> str:
    return now.astimezone(ZoneInfo(settings.timezone)).date().isoformat()


def is_due(settings: DigestSettings, now: datetime) -> bool:
    """Due once the local time has passed the digest time, unless today's digest went out already."""
    if not settings.enabled:
        return False
    local = now.astimezone(ZoneInfo(settings.timezone))
    hh, mm = (int(x) for x in settings.time.split(":"))
    return local.time() >= time(hh, mm) and settings.last_posted_day != local.date().isoformat()


async def due(store: Store, now: datetime | None = None) -> list[DigestSettings]:
    now = now or datetime.now(UTC)
    return [s for s in await read_enabled_settings(store) if is_due(s, now)]


async def mark_posted(store: Store, settings: DigestSettings, now: datetime) -> None:
    await record_posted(store, settings.guild_id, local_day(settings, now), iso_utc(now))


async def mark_failed(store: Store, settings: DigestSettings, now: datetime, error: UserError | str) -> None:
    """Record the failure (its code and parameters, said in each reader's language by `/digest status`) and
    skip the day: it is retried at the next day's time, not in a loop."""
    await record_failed(store, settings.guild_id, local_day(settings, now), stored(error), iso_utc(now, "seconds"))


async def build_digest(
    store: Store, since: str | None = None, until: str | None = None, *, guild_id: int | None = None
) -> Digest:
    """Sources added in (since, until], their new timeline events by date, and new statements; and the
    feeds (of ``guild_id``, or all) whose items kept failing in that period. With ``guild_id``, only that
    server's sources and the shared ones."""
    until = until or utcnow()
    if not since:  # the last 24 hours before the end of the period (the bot's clock, not the wall's)
        since = iso_utc(_instant(until) - timedelta(days=1))
    try:
        since_dt = datetime.fromisoformat(since)
    except ValueError:
        raise QueryError("digest.bad_since", value=since) from None
    if since_dt.tzinfo is None:
        since_dt = since_dt.replace(tzinfo=UTC)
    since = iso_utc(since_dt)
    docs = [
        d
        for d in await store.list_documents(since=since, announced_only=True, guild_id=guild_id)
        if d.added_at <= until
    ]
    doc_ids = [d.id for d in docs][:MAX_ITEMS]
    events: list[TimelineEvent] = []
    statements: list[Statement] = []
    if doc_ids:
        seen: dict[int, TimelineEvent] = {}
        for ev in await period_events(store, doc_ids):  # one row per report: an event's sources gathered
            if ev.id in seen:
                if all(s.url != ev.sources[0].url for s in seen[ev.id].sources):
                    seen[ev.id].sources.append(ev.sources[0])
                continue
            seen[ev.id] = ev
        events = list(seen.values())[:MAX_ITEMS]
        statements = (await period_statements(store, doc_ids))[:MAX_ITEMS]
    troubles = [
        FeedTrouble(feed.id, feed.title or feed.url, feed.url, failed, stored, feed.last_item_error)
        for feed, failed, stored in await failing_feeds(store, since, until, guild_id=guild_id)
    ]
    return Digest(
        since=since,
        until=until,
        sources=docs[:MAX_ITEMS],
        events=without_repeats(events, statements),
        statements=statements,
        feed_troubles=troubles,
    )
