"""Feed subscriptions: polled with conditional requests, each new item fetched and ingested like a URL.

Items are deduplicated by guid, then canonical link, then content (ingestion's own check). The first
poll of a feed stores what is there without announcing it (its documents are `quiet`: no digest). A
failing feed backs off exponentially; after MAX_FAILURES in a row it is paused until resumed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import aiohttp

from bot.ingest.fetch import FEED_TYPES, FetchError, fetch
from bot.ingest.netguard import Allowlist, BlockedURL, check_shape, check_url, trusted_pairs, url_host_port
from bot.ingest.untrusted import parse_feed
from bot.models import IngestResult
from bot.services.errors import QueryError
from bot.services.sources import add_url
from bot.store import Store
from bot.store.store import utcnow
from bot.urls import canonical_url

log = logging.getLogger(__name__)

MAX_FAILURES = 10
MAX_BACKOFF = timedelta(hours=24)
MAX_ITEMS_PER_POLL = 50


@dataclass(slots=True)
class Feed:
    id: int
    guild_id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    added_at: str
    last_polled_at: str | None
    next_poll_at: str
    last_ok_at: str | None
    failures: int
    last_error: str | None
    paused: bool
    pause_notified: bool
    items: int = 0

    @property
    def health(self) -> str:
        if self.paused:
            return f"paused after {self.failures} failures: {self.last_error}"
        if self.failures:
            return f"failing ({self.failures}×): {self.last_error}"
        return "ok" if self.last_ok_at else "not polled yet"


@dataclass(slots=True)
class PollResult:
    feed: Feed
    added: list[IngestResult] = field(default_factory=list)  # announced as new
    stored_quietly: int = 0  # first poll: stored, not announced
    skipped: int = 0
    not_modified: bool = False
    error: str | None = None
    paused_now: bool = False


_FEED_COLUMNS = (
    "id, guild_id, url, title, etag, last_modified, added_at, last_polled_at, next_poll_at, last_ok_at,"
    " failures, last_error, paused, pause_notified,"
    " (SELECT count(*) FROM feed_items i WHERE i.feed_id = feeds.id)"
)


def _feed(row) -> Feed:
    return Feed(*row[:12], bool(row[12]), bool(row[13]), row[14])


async def subscribe(
    store: Store,
    url: str,
    *,
    guild_id: int = 0,
    added_by: str | None = None,
    allow_private: bool | Allowlist = False,
    trusted_hosts: tuple[str, ...] = (),
) -> Feed:
    """Follow a feed; its address is checked here (literals, local names) and on every poll (every hop)."""
    raw = (url or "").strip()
    if not raw:
        raise QueryError("The feed URL is empty.")
    try:
        shaped = check_shape(raw)
        trusted = url_host_port(shaped) in trusted_pairs(trusted_hosts)
        checked = canonical_url(shaped if trusted else check_url(raw, allow_private=allow_private))
    except BlockedURL as e:
        raise QueryError(str(e)) from None
    now = utcnow()
    async with store.transaction() as db:
        existing = await (
            await db.execute("SELECT id FROM feeds WHERE guild_id = ? AND url = ?", (guild_id, checked))
        ).fetchone()
        if existing:
            raise QueryError(f"This server already follows that feed (#{existing[0]}).")
        await db.execute(
            "INSERT INTO feeds(guild_id, url, added_at, added_by, next_poll_at) VALUES (?, ?, ?, ?, ?)",
            (guild_id, checked, now, added_by, now),
        )
    feeds = [f for f in await list_feeds(store, guild_id) if f.url == checked]
    return feeds[0]


async def list_feeds(store: Store, guild_id: int | None = None) -> list[Feed]:
    if guild_id is None:
        rows = await store.fetchall(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id")
    else:
        rows = await store.fetchall(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE guild_id = ? ORDER BY id", (guild_id,))
    return [_feed(r) for r in rows]


async def get_feed(store: Store, feed_id: int) -> Feed | None:
    row = await store.fetchone(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = ?", (feed_id,))
    return _feed(row) if row else None


async def unsubscribe(store: Store, feed_id: int, *, guild_id: int | None = None) -> bool:
    async with store.transaction() as db:
        if guild_id is None:
            cur = await db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        else:
            cur = await db.execute("DELETE FROM feeds WHERE id = ? AND guild_id = ?", (feed_id, guild_id))
        return cur.rowcount > 0


async def resume(store: Store, feed_id: int, *, guild_id: int | None = None) -> bool:
    async with store.transaction() as db:
        cur = await db.execute(
            "UPDATE feeds SET paused = 0, pause_notified = 0, failures = 0, next_poll_at = ? WHERE id = ?"
            + ("" if guild_id is None else " AND guild_id = ?"),
            (utcnow(), feed_id) if guild_id is None else (utcnow(), feed_id, guild_id),
        )
        return cur.rowcount > 0


async def due_feeds(store: Store, now: datetime | None = None) -> list[Feed]:
    stamp = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
    rows = await store.fetchall(
        f"SELECT {_FEED_COLUMNS} FROM feeds WHERE paused = 0 AND next_poll_at <= ? ORDER BY next_poll_at", (stamp,)
    )
    return [_feed(r) for r in rows]


async def mark_pause_notified(store: Store, feed_id: int) -> None:
    async with store.transaction() as db:
        await db.execute("UPDATE feeds SET pause_notified = 1 WHERE id = ?", (feed_id,))


def backoff(interval: timedelta, failures: int) -> timedelta:
    """interval × 2^(failures-1), at most a day."""
    return min(interval * (2 ** max(0, failures - 1)), MAX_BACKOFF)


async def poll_feed(
    store: Store,
    feed: Feed,
    *,
    interval: timedelta,
    allow_private: bool | Allowlist = False,
    trusted_hosts: tuple[str, ...] = (),
    session: aiohttp.ClientSession | None = None,
    now: datetime | None = None,
) -> PollResult:
    """Poll one feed: fetch (conditionally), ingest new items, record health and the next poll time."""
    now = now or datetime.now(UTC)
    result = PollResult(feed)
    first = feed.last_ok_at is None
    try:
        page = await fetch(
            feed.url,
            allow_private=allow_private,
            trusted_hosts=trusted_hosts,
            session=session,
            etag=feed.etag,
            last_modified=feed.last_modified,
            accept=FEED_TYPES,
        )
        if page.not_modified:
            result.not_modified = True
            parsed = None
        else:
            parsed = await parse_feed(page.body, page.url)  # in the parser sandbox
    except FetchError as e:
        return await _failed(store, feed, result, e.message, interval, now)

    if parsed is not None:
        for item in list(reversed(parsed.items))[:MAX_ITEMS_PER_POLL]:  # feeds list newest first
            res = await _take_item(
                store,
                feed,
                item.guid,
                item.link,
                quiet=first,
                allow_private=allow_private,
                trusted_hosts=trusted_hosts,
                session=session,
            )
            if res is None:
                result.skipped += 1
            elif res.status == "added" and first:
                result.stored_quietly += 1
            elif res.status == "added":
                result.added.append(res)
            else:
                result.skipped += 1
    stamp = now.astimezone(UTC).isoformat(timespec="microseconds")
    async with store.transaction() as db:
        await db.execute(
            "UPDATE feeds SET title = coalesce(?, title), etag = coalesce(?, etag),"
            " last_modified = coalesce(?, last_modified), last_polled_at = ?, last_ok_at = ?, failures = 0,"
            " last_error = NULL, next_poll_at = ? WHERE id = ?",
            (
                parsed.title if parsed else None,
                page.etag,
                page.last_modified,
                stamp,
                stamp,
                (now + interval).astimezone(UTC).isoformat(timespec="microseconds"),
                feed.id,
            ),
        )
    return result


async def _take_item(
    store: Store,
    feed: Feed,
    guid: str | None,
    link: str | None,
    *,
    quiet: bool,
    allow_private: bool | Allowlist,
    trusted_hosts: tuple[str, ...],
    session: aiohttp.ClientSession | None,
) -> IngestResult | None:
    """Ingest one item unless seen (guid, then link); None when skipped as already seen."""
    canon = canonical_url(link) if link else None
    if guid and await store.fetchone("SELECT 1 FROM feed_items WHERE feed_id = ? AND guid = ?", (feed.id, guid)):
        return None
    if canon and await store.fetchone("SELECT 1 FROM feed_items WHERE feed_id = ? AND link = ?", (feed.id, canon)):
        return None
    if not canon:
        res = IngestResult("error", guid or "?", reason="the item has no link")
    else:
        res = await add_url(
            store,
            canon,
            allow_private=allow_private,
            trusted_hosts=trusted_hosts,
            session=session,
            added_by=f"feed:{feed.id}",
            guild_id=feed.guild_id or None,
        )
    async with store.transaction() as db:
        if quiet and res.status == "added" and res.document_id:
            await db.execute("UPDATE documents SET quiet = 1 WHERE id = ?", (res.document_id,))
        await db.execute(
            "INSERT INTO feed_items(feed_id, guid, link, document_id, status, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (feed.id, guid, canon, res.document_id or res.duplicate_of, res.status, res.reason, utcnow()),
        )
    return res


async def _failed(
    store: Store, feed: Feed, result: PollResult, error: str, interval: timedelta, now: datetime
) -> PollResult:
    failures = feed.failures + 1
    paused = failures >= MAX_FAILURES
    stamp = now.astimezone(UTC).isoformat(timespec="microseconds")
    async with store.transaction() as db:
        await db.execute(
            "UPDATE feeds SET failures = ?, last_error = ?, last_polled_at = ?, paused = ?, next_poll_at = ?"
            " WHERE id = ?",
            (
                failures,
                error[:300],
                stamp,
                int(paused),
                (now + backoff(interval, failures)).astimezone(UTC).isoformat(timespec="microseconds"),
                feed.id,
            ),
        )
    log.warning("feed #%d %s failed (%d in a row): %s", feed.id, feed.url, failures, error)
    result.error = error
    result.paused_now = paused
    result.feed = await get_feed(store, feed.id) or feed
    return result
