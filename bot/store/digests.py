"""The digest's rows: each server's schedule (digest_settings) and what a period's documents hold."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.models import Statement, TimelineEvent
from bot.store.refs import SOURCE_COLUMNS, source_ref
from bot.store.store import Store


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


async def save_settings(
    store: Store, guild_id: int, channel_id: int, at: str, timezone: str, language: str | None, now: str
) -> None:
    """Set up or change a server's digest; a language of None keeps the one chosen before."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO digest_settings(guild_id, channel_id, time, timezone, enabled, updated_at, language)"
            " VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT(guild_id) DO UPDATE SET channel_id = excluded.channel_id,"
            " time = excluded.time, timezone = excluded.timezone, enabled = 1, updated_at = excluded.updated_at,"
            " language = COALESCE(excluded.language, digest_settings.language), last_error = NULL, last_error_at = NULL",
            (guild_id, channel_id, at, timezone, now, language),
        )


async def disable_settings(store: Store, guild_id: int, now: str) -> bool:
    async with store.transaction() as db:
        cur = await db.execute(
            "UPDATE digest_settings SET enabled = 0, updated_at = ? WHERE guild_id = ?", (now, guild_id)
        )
        return cur.rowcount > 0


_SETTINGS_SELECT = (
    "SELECT guild_id, channel_id, time, timezone, enabled, last_posted_day, last_posted_at, last_error,"
    " last_error_at, language FROM digest_settings"
)


def _settings(row: Any) -> DigestSettings:
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


async def read_settings(store: Store, guild_id: int) -> DigestSettings | None:
    row = await store.fetchone(f"{_SETTINGS_SELECT} WHERE guild_id = ?", (guild_id,))
    return None if row is None else _settings(row)


async def read_enabled_settings(store: Store) -> list[DigestSettings]:
    """Every enabled server's settings, in one query: the digest loop reads them every minute (one query per
    server before: a bot in many servers paid as many round trips a minute)."""
    return [_settings(r) for r in await store.fetchall(f"{_SETTINGS_SELECT} WHERE enabled = 1 ORDER BY guild_id")]


async def record_posted(store: Store, guild_id: int, day: str, at: str) -> None:
    async with store.transaction() as db:
        await db.execute(
            "UPDATE digest_settings SET last_posted_day = ?, last_posted_at = ?, last_error = NULL,"
            " last_error_at = NULL WHERE guild_id = ?",
            (day, at, guild_id),
        )


async def record_failed(store: Store, guild_id: int, day: str, error: str, at: str) -> None:
    async with store.transaction() as db:
        await db.execute(
            "UPDATE digest_settings SET last_posted_day = ?, last_error = ?, last_error_at = ? WHERE guild_id = ?",
            (day, error, at, guild_id),
        )


async def period_events(store: Store, doc_ids: Sequence[int]) -> list[TimelineEvent]:
    """The foreground events of these documents, one per event row (its cluster's id, its one source), by date."""
    marks = ",".join("?" * len(doc_ids))
    rows = await store.fetchall(
        f"SELECT e.cluster_id, e.date, e.precision, e.summary, e.background, e.topics, {SOURCE_COLUMNS}"
        " FROM events e JOIN passages p ON p.id = e.passage_id"
        f" JOIN documents d ON d.id = e.document_id WHERE e.document_id IN ({marks}) AND e.background = 0"
        " ORDER BY e.date, e.cluster_id, e.id",
        list(doc_ids),
    )
    return [
        TimelineEvent(
            date=r["date"],
            precision=r["precision"],
            summary=r["summary"],
            actors=[],
            topics=json.loads(r["topics"]),
            sources=[source_ref(r)],
            background=bool(r["background"]),
            id=r["cluster_id"],
        )
        for r in rows
    ]


async def period_statements(store: Store, doc_ids: Sequence[int]) -> list[Statement]:
    """The statements of these documents, by actor, topic and date."""
    marks = ",".join("?" * len(doc_ids))
    rows = await store.fetchall(
        "SELECT a.name AS actor, s.topic, s.position, s.text, s.date, s.kind, s.id, s.passage_id,"
        f" {SOURCE_COLUMNS} FROM statements s JOIN actors a ON a.id = s.actor_id"
        " JOIN passages p ON p.id = s.passage_id JOIN documents d ON d.id = s.document_id"
        f" WHERE s.document_id IN ({marks}) ORDER BY a.name, s.topic, s.date, s.id",
        list(doc_ids),
    )
    return [
        Statement(
            actor=r["actor"],
            topic=r["topic"],
            position=r["position"],
            text=r["text"],
            date=r["date"],
            kind=r["kind"],
            id=r["id"],
            passage_id=r["passage_id"],
            sources=[source_ref(r)],
        )
        for r in rows
    ]
