"""Feed subscriptions and their items' outcomes (feeds, feed_items): the SQL of `bot/services/feeds.py`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.store.store import Store
from bot.user_errors import stored_in


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
    fetched: int = 0  # items stored (or found already stored)
    failed: int = 0  # items that failed, retrying or not
    retrying: int = 0  # of those, the ones that will be tried again
    skipped: int = 0  # items deliberately not taken (older than the first poll's newest, nothing to store)
    last_item_error: str | None = None  # "title: reason" of the latest failed item
    body_hash: str | None = None  # SHA-256 of the last body read
    backlog: int = 0  # new items the last poll left for the next ones

    @property
    def health(self) -> str:
        """In English (logs, tests); a reader's words are `bot.words.Words.feed_health`."""
        if self.paused:
            return f"paused after {self.failures} failures: {stored_in(self.last_error, 'en')}"
        if self.failures:
            return f"failing ({self.failures}×): {stored_in(self.last_error, 'en')}"
        return "ok" if self.last_ok_at else "not polled yet"


_FEED_SELECT = """
SELECT f.id, f.guild_id, f.url, f.title, f.etag, f.last_modified, f.added_at, f.last_polled_at, f.next_poll_at,
    f.last_ok_at, f.failures, f.last_error, f.paused, f.pause_notified, f.body_hash, f.backlog,
    (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS items,
    (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'fetched') AS fetched,
    (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'failed') AS failed,
    (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'failed' AND i.retry_at IS NOT NULL)
        AS retrying,
    (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'skipped') AS skipped,
    (SELECT coalesce(i.title, i.link, i.item_key) || ': ' || coalesce(i.reason, '?') FROM feed_items i
        WHERE i.feed_id = f.id AND i.status = 'failed' ORDER BY i.attempted_at DESC, i.id DESC LIMIT 1)
        AS last_item_error
FROM feeds f"""


def _feed(row: Any) -> Feed:
    return Feed(
        id=row["id"],
        guild_id=row["guild_id"],
        url=row["url"],
        title=row["title"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        added_at=row["added_at"],
        last_polled_at=row["last_polled_at"],
        next_poll_at=row["next_poll_at"],
        last_ok_at=row["last_ok_at"],
        failures=row["failures"],
        last_error=row["last_error"],
        paused=bool(row["paused"]),
        pause_notified=bool(row["pause_notified"]),
        items=row["items"],
        fetched=row["fetched"],
        failed=row["failed"],
        retrying=row["retrying"],
        skipped=row["skipped"],
        last_item_error=row["last_item_error"],
        body_hash=row["body_hash"],
        backlog=row["backlog"],
    )


@dataclass(slots=True)
class KnownItem:
    item_key: str | None
    link: str | None


@dataclass(slots=True)
class ItemKey:
    """What identifies an item and how it is listed."""

    item_key: str
    guid: str | None
    link: str | None
    title: str
    published: str | None


@dataclass(slots=True)
class ItemValues:
    """An attempt's outcome."""

    document_id: int | None
    status: str
    reason: str | None
    attempts: int
    retry_at: str | None
    attempted_at: str


@dataclass(slots=True)
class RetryItem:
    id: int
    item_key: str
    guid: str | None
    link: str | None
    title: str | None
    published: str | None
    attempts: int


@dataclass(slots=True)
class ItemCounts:
    feed_id: int
    failed: int
    fetched: int


async def add_feed(
    store: Store, guild_id: int, url: str, title: str | None, added_by: str | None, now: str
) -> int | None:
    """Subscribe; the id of the server's subscription to that URL instead when there is one (nothing written)."""
    async with store.transaction() as db:
        existing = await (
            await db.execute("SELECT id FROM feeds WHERE guild_id = ? AND url = ?", (guild_id, url))
        ).fetchone()
        if existing:
            return existing["id"]
        await db.execute(
            "INSERT INTO feeds(guild_id, url, title, added_at, added_by, next_poll_at) VALUES (?, ?, ?, ?, ?, ?)",
            (guild_id, url, title, now, added_by, now),
        )
    return None


async def read_feeds(
    store: Store, *, guild_id: int | None = None, feed_id: int | None = None, due_at: str | None = None
) -> list[Feed]:
    """All feeds; or a server's, one by id, or those not paused whose next poll is at or before `due_at`."""
    if feed_id is not None:
        rows = await store.fetchall(f"{_FEED_SELECT} WHERE f.id = ?", (feed_id,))
    elif due_at is not None:
        rows = await store.fetchall(
            f"{_FEED_SELECT} WHERE f.paused = 0 AND f.next_poll_at <= ? ORDER BY f.next_poll_at", (due_at,)
        )
    elif guild_id is not None:
        rows = await store.fetchall(f"{_FEED_SELECT} WHERE f.guild_id = ? ORDER BY f.id", (guild_id,))
    else:
        rows = await store.fetchall(f"{_FEED_SELECT} ORDER BY f.id")
    return [_feed(r) for r in rows]


async def delete_feed(store: Store, feed_id: int, guild_id: int | None) -> bool:
    async with store.transaction() as db:
        if guild_id is None:
            cur = await db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        else:
            cur = await db.execute("DELETE FROM feeds WHERE id = ? AND guild_id = ?", (feed_id, guild_id))
        return cur.rowcount > 0


async def resume_feed(store: Store, feed_id: int, guild_id: int | None, now: str) -> bool:
    async with store.transaction() as db:
        cur = await db.execute(
            "UPDATE feeds SET paused = 0, pause_notified = 0, failures = 0, next_poll_at = ? WHERE id = ?"
            + ("" if guild_id is None else " AND guild_id = ?"),
            (now, feed_id) if guild_id is None else (now, feed_id, guild_id),
        )
        return cur.rowcount > 0


async def mark_pause_notified(store: Store, feed_id: int) -> None:
    async with store.transaction() as db:
        await db.execute("UPDATE feeds SET pause_notified = 1 WHERE id = ?", (feed_id,))


async def record_poll_ok(
    store: Store,
    feed_id: int,
    *,
    title: str | None,
    etag: str | None,
    last_modified: str | None,
    body_hash: str | None,
    backlog: int,
    at: str,
    next_poll_at: str,
) -> None:
    """A good poll: what the feed said of itself (kept when it said nothing), health reset, the next poll."""
    async with store.transaction() as db:
        await db.execute(
            "UPDATE feeds SET title = coalesce(?, title), etag = coalesce(?, etag),"
            " last_modified = coalesce(?, last_modified), body_hash = coalesce(?, body_hash), backlog = ?,"
            " last_polled_at = ?, last_ok_at = ?, failures = 0, last_error = NULL, next_poll_at = ? WHERE id = ?",
            (title, etag, last_modified, body_hash, backlog, at, at, next_poll_at, feed_id),
        )


async def record_poll_failed(
    store: Store, feed_id: int, *, failures: int, error: str, at: str, paused: bool, next_poll_at: str
) -> None:
    async with store.transaction() as db:
        await db.execute(
            "UPDATE feeds SET failures = ?, last_error = ?, last_polled_at = ?, paused = ?, next_poll_at = ?"
            " WHERE id = ?",
            (failures, error, at, int(paused), next_poll_at, feed_id),
        )


async def known_items(store: Store, feed_id: int) -> list[KnownItem]:
    rows = await store.fetchall("SELECT item_key, link FROM feed_items WHERE feed_id = ?", (feed_id,))
    return [KnownItem(r["item_key"], r["link"]) for r in rows]


def _outcome(v: ItemValues) -> tuple[Any, ...]:
    return (v.document_id, v.status, v.reason, v.attempts, v.retry_at, v.attempted_at)


async def record_item(store: Store, feed_id: int, key: ItemKey, values: ItemValues, row_id: int | None = None) -> None:
    """An attempt's outcome in a transaction of its own: a new record, or the record `row_id` updated."""
    async with store.transaction() as db:
        await write_item(db, feed_id, key, values, row_id)


async def write_item(db: Any, feed_id: int, key: ItemKey, values: ItemValues, row_id: int | None = None) -> None:
    """An attempt's outcome in the caller's transaction (`record_item`'s, or the item's document's)."""
    if row_id is not None:
        await db.execute(
            "UPDATE feed_items SET document_id = ?, status = ?, reason = ?, attempts = ?, retry_at = ?,"
            " attempted_at = ? WHERE id = ?",
            (*_outcome(values), row_id),
        )
        return
    await db.execute(
        "INSERT INTO feed_items(document_id, status, reason, attempts, retry_at, attempted_at, feed_id,"
        " item_key, guid, link, title, published, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            *_outcome(values),
            feed_id,
            key.item_key,
            key.guid,
            key.link,
            key.title,
            key.published,
            values.attempted_at,
        ),
    )


async def insert_items(store: Store, rows: Sequence[tuple[Any, ...]]) -> None:
    """Items set aside without an attempt: (feed_id, item_key, guid, link, title, published, status, reason,
    attempted_at, seen_at) each."""
    async with store.transaction() as db:
        await db.executemany(
            "INSERT INTO feed_items(feed_id, item_key, guid, link, title, published, status, reason, attempts,"
            " attempted_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
            rows,
        )


async def due_retries(store: Store, feed_id: int, now: str, limit: int) -> list[RetryItem]:
    """The feed's items whose passing failure is due for another try, the longest waiting first."""
    rows = await store.fetchall(
        "SELECT id, item_key, guid, link, title, published, attempts FROM feed_items"
        " WHERE feed_id = ? AND status = 'failed' AND retry_at IS NOT NULL AND retry_at <= ?"
        " ORDER BY retry_at, id LIMIT ?",
        (feed_id, now, limit),
    )
    return [
        RetryItem(r["id"], r["item_key"], r["guid"], r["link"], r["title"], r["published"], r["attempts"]) for r in rows
    ]


async def item_counts(store: Store, since: str, until: str) -> list[ItemCounts]:
    """Per feed, its items attempted in (since, until] that failed and that were stored."""
    rows = await store.fetchall(
        "SELECT feed_id, sum(status = 'failed') AS failed, sum(status = 'fetched') AS fetched FROM feed_items"
        " WHERE attempted_at > ? AND attempted_at <= ? GROUP BY feed_id",
        (since, until),
    )
    return [ItemCounts(r["feed_id"], r["failed"], r["fetched"]) for r in rows]
