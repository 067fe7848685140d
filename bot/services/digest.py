"""The daily digest: what it contains for a period, and when each server is due for one.

Scheduling state lives in the database (digest_settings), so a digest is posted exactly once per
local day per server across restarts; if the bot was down at the time, it posts when it comes back
that day, once.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.models import Digest, FeedTrouble, SourceRef, Statement, TimelineEvent
from bot.services.errors import QueryError
from bot.services.feeds import failing_feeds
from bot.store import Store
from bot.store.store import utcnow

DEFAULT_TIME = "09:00"
DEFAULT_TZ = "Asia/Tokyo"
MAX_ITEMS = 200


@dataclass(slots=True)
class DigestSettings:
    guild_id: int
    channel_id: int
    time: str
    timezone: str
    enabled: bool
    last_posted_day: str | None
    last_posted_at: str | None
    last_error: str | None
    last_error_at: str | None
    language: str | None = None  # 'ja' | 'en'; None: the server's preferred locale decides


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
    now = utcnow()
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO digest_settings(guild_id, channel_id, time, timezone, enabled, updated_at, language)"
            " VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT(guild_id) DO UPDATE SET channel_id = excluded.channel_id,"
            " time = excluded.time, timezone = excluded.timezone, enabled = 1, updated_at = excluded.updated_at,"
            " language = COALESCE(excluded.language, digest_settings.language), last_error = NULL, last_error_at = NULL",
            (guild_id, channel_id, hhmm, tz, now, lang),
        )
    settings = await get_settings(store, guild_id)
    assert settings is not None
    return settings


async def disable(store: Store, guild_id: int) -> bool:
    async with store.transaction() as db:
        cur = await db.execute(
            "UPDATE digest_settings SET enabled = 0, updated_at = ? WHERE guild_id = ?", (utcnow(), guild_id)
        )
        return cur.rowcount > 0


async def get_settings(store: Store, guild_id: int) -> DigestSettings | None:
    row = await store.fetchone(
        "SELECT guild_id, channel_id, time, timezone, enabled, last_posted_day, last_posted_at, last_error,"
        " last_error_at, language FROM digest_settings WHERE guild_id = ?",
        (guild_id,),
    )
    if row is None:
        return None
    return DigestSettings(
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        time=row["time"],
        timezone=row["timezone"],
        enabled=bool(row["enabled"]),
        last_posted_day=row["last_posted_day"],
        last_posted_at=row["last_posted_at"],
        last_error=row["last_error"],
        last_error_at=row["last_error_at"],
        language=row["language"],
    )


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
    rows = await store.fetchall("SELECT guild_id FROM digest_settings WHERE enabled = 1")
    out = []
    for (guild_id,) in rows:
        s = await get_settings(store, guild_id)
        if s and is_due(s, now):
            out.append(s)
    return out


async def mark_posted(store: Store, settings: DigestSettings, now: datetime) -> None:
    async with store.transaction() as db:
        await db.execute(
            "UPDATE digest_settings SET last_posted_day = ?, last_posted_at = ?, last_error = NULL,"
            " last_error_at = NULL WHERE guild_id = ?",
            (local_day(settings, now), now.astimezone(UTC).isoformat(timespec="microseconds"), settings.guild_id),
        )


async def mark_failed(store: Store, settings: DigestSettings, now: datetime, error: str) -> None:
    """Record the failure and skip the day: it is retried at the next day's time, not in a loop."""
    async with store.transaction() as db:
        await db.execute(
            "UPDATE digest_settings SET last_posted_day = ?, last_error = ?, last_error_at = ? WHERE guild_id = ?",
            (
                local_day(settings, now),
                error[:500],
                now.astimezone(UTC).isoformat(timespec="seconds"),
                settings.guild_id,
            ),
        )


async def build_digest(
    store: Store, since: str | None = None, until: str | None = None, *, guild_id: int | None = None
) -> Digest:
    """Sources added in (since, until], their new timeline events by date, and new statements; and the
    feeds (of ``guild_id``, or all) whose items kept failing in that period. With ``guild_id``, only that
    server's sources and the shared ones."""
    until = until or utcnow()
    if not since:  # the last 24 hours before the end of the period (the bot's clock, not the wall's)
        since = (_instant(until) - timedelta(days=1)).isoformat(timespec="microseconds")
    try:
        since_dt = datetime.fromisoformat(since)
    except ValueError:
        raise QueryError("digest.bad_since", value=since) from None
    if since_dt.tzinfo is None:
        since_dt = since_dt.replace(tzinfo=UTC)
    since = since_dt.astimezone(UTC).isoformat(timespec="microseconds")
    docs = [
        d
        for d in await store.list_documents(since=since, announced_only=True, guild_id=guild_id)
        if d.added_at <= until
    ]
    doc_ids = [d.id for d in docs][:MAX_ITEMS]
    events: list[TimelineEvent] = []
    statements: list[Statement] = []
    if doc_ids:
        marks = ",".join("?" * len(doc_ids))
        rows = await store.fetchall(
            "SELECT e.cluster_id, e.date, e.precision, e.summary, e.background, e.topics, p.url, p.outlet, d.id,"
            " d.name, d.title, d.url, d.outlet FROM events e JOIN passages p ON p.id = e.passage_id"
            f" JOIN documents d ON d.id = e.document_id WHERE e.document_id IN ({marks}) AND e.background = 0"
            " ORDER BY e.date, e.cluster_id, e.id",
            doc_ids,
        )
        seen: dict[int, TimelineEvent] = {}
        for r in rows:
            src = SourceRef(document=r[9], url=r[6] or r[11], outlet=r[7] or r[12], document_id=r[8], title=r[10])
            if r[0] in seen:
                if all(s.url != src.url for s in seen[r[0]].sources):
                    seen[r[0]].sources.append(src)
                continue
            seen[r[0]] = TimelineEvent(
                date=r[1],
                precision=r[2],
                summary=r[3],
                actors=[],
                topics=json.loads(r[5]),
                sources=[src],
                background=bool(r[4]),
                id=r[0],
            )
        events = list(seen.values())[:MAX_ITEMS]
        srows = await store.fetchall(
            "SELECT a.name, s.topic, s.position, s.text, s.date, s.kind, p.url, p.outlet, d.id, d.name, d.title,"
            " d.url, d.outlet, s.id, s.passage_id FROM statements s JOIN actors a ON a.id = s.actor_id"
            " JOIN passages p ON p.id = s.passage_id JOIN documents d ON d.id = s.document_id"
            f" WHERE s.document_id IN ({marks}) ORDER BY a.name, s.topic, s.date, s.id",
            doc_ids,
        )
        statements = [
            Statement(
                actor=r[0],
                topic=r[1],
                position=r[2],
                text=r[3],
                date=r[4],
                kind=r[5],
                id=r[13],
                passage_id=r[14],
                sources=[
                    SourceRef(document=r[9], url=r[6] or r[11], outlet=r[7] or r[12], document_id=r[8], title=r[10])
                ],
            )
            for r in srows
        ][:MAX_ITEMS]
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
