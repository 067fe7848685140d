"""Feed subscriptions: polled with conditional requests, each new item fetched and ingested like a URL.

* **Identity and order.** Items are known by GUID, else link, else a hash of title + date + summary
  (``FeedItem.key``), and also by canonical link. After the known ones are set aside, the newest new
  items are taken (at most ``max_items`` a poll) and stored oldest first, so the digest reads in order;
  the rest wait for the next polls (the backlog). The first poll of a feed stores its newest items
  without announcing them (``quiet`` documents), through the bulk path (`bot.ingest.bulk`: pages
  fetched one after another while worker processes extract those already read, written in batches;
  fewer than 40 items are extracted in one thread, the same store as one at a time), and records the
  older ones as skipped.
* **Per-item state** (``feed_items``): fetched, failed (with the reason; a passing failure such as a
  timeout or HTTP 503 is retried with backoff, at most ``MAX_ITEM_ATTEMPTS`` tries) or skipped. A bad
  value in an item costs that item, never the poll.
* **Feed health.** A failing feed (and a poll that raises) backs off exponentially; after
  ``MAX_FAILURES`` in a row it is paused until resumed.
* Parsing runs in a thread (``asyncio.to_thread``): a 5 MB feed does not stall the bot.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.ingest import untrusted
from bot.ingest.bulk import BulkOptions, Source, TextSource, bulk_ingest
from bot.ingest.feed_links import discover_feed_links
from bot.ingest.feeds import FeedItem, ParsedFeed
from bot.ingest.fetch import FEED_TYPES, FetchedPage, FetchError, FetchRequest
from bot.ingest.fetcher import PUBLIC_ONLY, Fetcher
from bot.ingest.netguard import BlockedURL
from bot.ingest.pipeline import ingest_text
from bot.instants import iso_utc, utcnow
from bot.models import IngestResult
from bot.rows import Provenance
from bot.services.errors import QueryError, UserError
from bot.services.feed_items import ItemOutcome, ItemText, outcome_of, read_item
from bot.store import Store
from bot.store import feeds as store_feeds
from bot.store.feeds import Feed, ItemKey, ItemValues, KnownItem
from bot.store.store import WithDocument
from bot.urls import canonical_url
from bot.user_errors import from_stored, stored

log = logging.getLogger(__name__)

MAX_FAILURES = 10
MAX_BACKOFF = timedelta(hours=24)
MAX_ITEMS_PER_POLL = 50
MAX_RETRIES_PER_POLL = 10
MAX_ITEM_ATTEMPTS = 5

# As lenient as feedparser: servers label feeds text/plain, text/html, text/atom+xml or JSON.
FEED_ACCEPT: tuple[str, ...] = (
    *FEED_TYPES,
    "text/atom+xml",
    "text/rdf+xml",
    "application/feed+json",
    "application/json",
    "text/json",
    "text/plain",
    "text/html",
    "application/xhtml+xml",
)
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PERMANENT_FETCH = frozenset({"unsupported_type", "too_large", "blocked", "bad_url", "too_many_redirects"})


@dataclass(slots=True)
class ItemFailure:
    label: str  # the item's title, else its link or key
    reason: str
    retry_at: str | None = None  # when it is tried again; None: given up


@dataclass(slots=True)
class PollResult:
    feed: Feed
    added: list[IngestResult] = field(default_factory=list)  # announced as new
    stored_quietly: int = 0  # first poll: stored, not announced
    seen: int = 0  # items already known from earlier polls
    failed: list[ItemFailure] = field(default_factory=list)
    skipped: int = 0  # recorded as skipped this poll (older than the first poll's newest, or empty)
    retried: int = 0  # earlier failures tried again this poll
    backlog: int = 0  # new items left for the next polls (over the per-poll cap)
    not_modified: bool = False
    error: str | None = None
    paused_now: bool = False


# --- subscriptions ----------------------------------------------------------------------------


def _checked(url: str, fetcher: Fetcher) -> str:
    """The URL if its address may be fetched (the fetcher's trust decision), else its refusal."""
    try:
        return fetcher.checked(url)
    except BlockedURL as e:
        raise e.error from None


async def _find_feed(url: str, fetcher: Fetcher) -> tuple[str, str | None]:
    """(the feed's URL, its title) for what the user gave: the feed itself, or the feed a page announces.

    A passing fetch failure (timeout, HTTP 5xx…) does not stop the subscription: the polls report it.
    """
    try:
        page = await fetcher.fetch(FetchRequest(url, accept=FEED_ACCEPT))
    except FetchError as e:
        if e.code in _PERMANENT_FETCH:
            raise e.error from None
        return url, None
    try:
        parsed = await untrusted.parse_feed(
            page.body, page.url, page.content_type, page.charset
        )  # in the parser sandbox
    except FetchError:
        parsed = None
    if parsed is not None:
        return url, parsed.title
    if page.content_type in _PAGE_TYPES and page.text is not None:
        found = await asyncio.to_thread(discover_feed_links, page.text, page.url)
        if found:
            return _checked(found[0], fetcher), None
        raise QueryError("feed.no_feed_link")
    raise QueryError("feed.not_a_feed")


async def subscribe(
    store: Store,
    url: str,
    *,
    guild_id: int = 0,
    added_by: str | None = None,
    fetcher: Fetcher = PUBLIC_ONLY,
    discover: bool = True,
) -> Feed:
    """Follow a feed. With ``discover``, the address is fetched once: a page's announced feed is followed
    instead of the page, and what is neither a feed nor such a page is refused."""
    raw = (url or "").strip()
    if not raw:
        raise QueryError("feed.empty_url")
    checked = _checked(raw, fetcher)
    title = None
    if discover:
        checked, title = await _find_feed(checked, fetcher)
    checked = canonical_url(checked)
    existing = await store_feeds.add_feed(store, guild_id, checked, title, added_by, utcnow())
    if existing is not None:
        raise QueryError("feed.exists", id=existing)
    feeds = [f for f in await list_feeds(store, guild_id) if f.url == checked]
    return feeds[0]


async def list_feeds(store: Store, guild_id: int | None = None) -> list[Feed]:
    return await store_feeds.read_feeds(store, guild_id=guild_id)


async def get_feed(store: Store, feed_id: int) -> Feed | None:
    found = await store_feeds.read_feeds(store, feed_id=feed_id)
    return found[0] if found else None


async def unsubscribe(store: Store, feed_id: int, *, guild_id: int | None = None) -> bool:
    return await store_feeds.delete_feed(store, feed_id, guild_id)


async def resume(store: Store, feed_id: int, *, guild_id: int | None = None) -> bool:
    return await store_feeds.resume_feed(store, feed_id, guild_id, utcnow())


async def due_feeds(store: Store, now: datetime | None = None) -> list[Feed]:
    return await store_feeds.read_feeds(store, due_at=iso_utc(now or datetime.now(UTC)))


async def mark_pause_notified(store: Store, feed_id: int) -> None:
    await store_feeds.mark_pause_notified(store, feed_id)


def backoff(interval: timedelta, failures: int) -> timedelta:
    """interval × 2^(failures-1), at most a day."""
    return min(interval * (2 ** max(0, min(failures, 30) - 1)), MAX_BACKOFF)


# --- polling ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    store: Store
    feed: Feed
    result: PollResult
    interval: timedelta
    now: datetime
    fetcher: Fetcher
    feed_title: str | None = None


async def poll_feed(
    store: Store,
    feed: Feed,
    *,
    interval: timedelta,
    fetcher: Fetcher = PUBLIC_ONLY,
    now: datetime | None = None,
    max_items: int = MAX_ITEMS_PER_POLL,
) -> PollResult:
    """Poll one feed: fetch (conditionally), take new items and due retries, record health and the next poll.

    Never raises for what the feed or its items hold: a poll that fails for any reason is recorded as a
    failure of the feed and backs off like one.
    """
    now = now or datetime.now(UTC)
    ctx = _Context(store, feed, PollResult(feed), interval, now, fetcher)
    try:
        return await _poll(ctx, max_items)
    except Exception as e:
        log.exception("polling feed #%d %s raised", feed.id, feed.url)
        return await _failed(ctx, UserError("feed.poll_failed", kind=type(e).__name__))


async def _poll(ctx: _Context, max_items: int) -> PollResult:
    feed, result = ctx.feed, ctx.result
    first = feed.last_ok_at is None
    parsed: ParsedFeed | None = None
    try:
        page: FetchedPage = await ctx.fetcher.fetch(
            FetchRequest(
                feed.url,
                etag=None if feed.backlog else feed.etag,  # a backlog needs the body even if nothing changed
                last_modified=None if feed.backlog else feed.last_modified,
                accept=FEED_ACCEPT,
            )
        )
        body_hash = None if page.not_modified else await asyncio.to_thread(_sha256, page.body)
        if page.not_modified or (body_hash == feed.body_hash and not feed.backlog and not first):
            result.not_modified = True  # the same bytes as last time, nothing left over: nothing to parse
        else:
            parsed = await untrusted.parse_feed(
                page.body, page.url, page.content_type, page.charset
            )  # in the parser sandbox
    except FetchError as e:
        return await _failed(ctx, e.error)

    ctx.feed_title = (parsed.title if parsed else None) or feed.title
    taken = 0
    if parsed is not None:
        taken = await _take_new(ctx, parsed.items, first=first, max_items=max_items)
    await _retry_due(ctx, budget=max(MAX_RETRIES_PER_POLL, max_items - taken))
    stamp = iso_utc(ctx.now)
    await store_feeds.record_poll_ok(
        ctx.store,
        feed.id,
        title=parsed.title if parsed else None,
        etag=page.etag,
        last_modified=page.last_modified,
        body_hash=body_hash,
        backlog=result.backlog if parsed else feed.backlog,
        at=stamp,
        next_poll_at=iso_utc(ctx.now + ctx.interval),
    )
    result.feed = await get_feed(ctx.store, feed.id) or feed
    return result


def _sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _moment(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        dt = datetime.fromisoformat(published)
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def newest_first(items: Sequence[FeedItem]) -> list[FeedItem]:
    """Items newest first: by date when every item has one, else in the feed's order (reversed when its
    dated items run oldest first)."""
    ordered = list(items)
    moments = [_moment(i.published) for i in ordered]
    dated = [m for m in moments if m is not None]
    if len(dated) >= 2 and dated[0] < dated[-1]:
        ordered.reverse()
    if dated and len(dated) == len(ordered):
        ordered.sort(key=lambda i: _moment(i.published) or datetime.min.replace(tzinfo=UTC), reverse=True)
    return ordered


def _canonical_or_none(link: str | None) -> str | None:
    return canonical_url(link) if link else None


@dataclass(slots=True)
class _Selection:
    take: list[FeedItem]  # the newest new items, newest first
    rest: list[FeedItem]  # new items over the cap, newest first
    seen: int  # items already known


def _select(known: Sequence[KnownItem], items: Sequence[FeedItem], max_items: int) -> _Selection:
    """Set aside what is known (by key or canonical link), order the rest newest first, split at the cap.

    Pure CPU work over every item of the feed: run it in a thread (a 5,000-item feed takes a while)."""
    keys = {r.item_key for r in known if r.item_key}
    links = {r.link for r in known if r.link}
    fresh: list[FeedItem] = []
    seen = 0
    for item in items:
        key, link = item.key, _canonical_or_none(item.link)
        if key in keys or (link and link in links):
            seen += 1
            continue
        keys.add(key)
        if link:
            links.add(link)
        fresh.append(item)
    ordered = newest_first(fresh)
    cap = max(0, max_items)
    return _Selection(ordered[:cap], ordered[cap:], seen)


async def _take_new(ctx: _Context, items: Sequence[FeedItem], *, first: bool, max_items: int) -> int:
    """Take the newest unseen items (oldest of them first); returns how many were taken."""
    known = await store_feeds.known_items(ctx.store, ctx.feed.id)
    chosen = await asyncio.to_thread(_select, known, items, max_items)
    take, rest = chosen.take, chosen.rest
    ctx.result.seen += chosen.seen
    if first and rest:
        reason = str(UserError("feed.skipped_backlog", n=len(take)))
        await _record_many(ctx, rest, "skipped", reason)
        ctx.result.skipped += len(rest)
    else:
        ctx.result.backlog = len(rest)
    oldest_first = list(reversed(take))
    if first:  # a whole feed's worth at once: the bulk path (extraction in worker processes, batched writes)
        for item, outcome in zip(oldest_first, await _take_in_bulk(ctx, oldest_first), strict=True):
            await _record(ctx, item, outcome, quiet=True, attempts=1)
        return len(take)
    for item in oldest_first:
        outcome = await _attempt(ctx, item, attempts=1)
        await _record(ctx, item, outcome, quiet=False, attempts=1)
    return len(take)


def _surprise(ctx: _Context, item: FeedItem, e: Exception) -> ItemOutcome:
    """One item's surprise costs that item, not the poll."""
    log.exception("feed #%d: item %s raised", ctx.feed.id, item.key[:200], exc_info=e)
    return ItemOutcome("failed", reason=stored(UserError("feed.item_unexpected", kind=type(e).__name__)))


async def _read(ctx: _Context, item: FeedItem) -> ItemOutcome | ItemText:
    try:
        return await read_item(
            ctx.store,
            item,
            feed_id=ctx.feed.id,
            feed_url=ctx.feed.url,
            feed_title=ctx.feed_title,
            fetcher=ctx.fetcher,
            guild_id=ctx.feed.guild_id or None,
        )
    except Exception as e:
        return _surprise(ctx, item, e)


async def _attempt(ctx: _Context, item: FeedItem, *, attempts: int, row_id: int | None = None) -> ItemOutcome:
    got = await _read(ctx, item)
    if isinstance(got, ItemOutcome):
        return got
    try:
        res = await ingest_text(
            ctx.store,
            got.text,
            name=got.name,
            origin=got.origin,
            fm=got.fm,
            provenance=_provenance(ctx, quiet=False),
            with_document=_with_document(ctx, item, got.link, attempts=attempts, row_id=row_id),
        )
    except Exception as e:
        return _surprise(ctx, item, e)
    return outcome_of(res, got.link)


async def _take_in_bulk(ctx: _Context, items: Sequence[FeedItem]) -> list[ItemOutcome]:
    """Items fetched one after another while the bulk path extracts and writes those already read; the
    outcome of each, in order. Stored quietly (a first poll), exactly as one at a time would store them."""
    outcomes: list[ItemOutcome | None] = [None] * len(items)
    read: dict[int, tuple[int, str | None, TextSource]] = {}  # id(source) → (item index, link, source)

    async def texts() -> AsyncIterator[TextSource]:
        for i, item in enumerate(items):
            got = await _read(ctx, item)
            if isinstance(got, ItemOutcome):
                outcomes[i] = got
                continue
            source = TextSource(got.text, got.name, got.origin, got.fm)
            read[id(source)] = (i, got.link, source)
            yield source

    added: dict[str, int] = {}  # a stored document's name → its id
    same_as: dict[int, str] = {}  # an item the same article as an earlier one of this poll → the earlier's name

    def on_result(source: Source, res: IngestResult) -> None:
        i, link, _ = read[id(source)]
        outcomes[i] = outcome_of(res, link)
        if res.status == "added" and res.document_id is not None:
            added[res.name] = res.document_id
        elif res.status == "duplicate" and res.duplicate_of is None and res.error is not None:
            same_as[i] = str(res.error.params.get("earlier"))

    def with_document(source: Source) -> WithDocument:
        i, link, _ = read[id(source)]
        return _with_document(ctx, items[i], link, attempts=1)

    opts = BulkOptions(provenance=_provenance(ctx, quiet=True), with_document=with_document)
    await bulk_ingest(ctx.store, texts(), total=len(items), options=opts, on_result=on_result)
    # reported while the earlier one still waited in its batch: its document, known once that batch was written
    for i, earlier in same_as.items():
        done = outcomes[i]
        if done is not None and earlier in added:
            outcomes[i] = replace(done, document_id=added[earlier])
    return [o or ItemOutcome("failed", reason=stored(UserError("feed.item_not_stored"))) for o in outcomes]


def _provenance(ctx: _Context, *, quiet: bool) -> Provenance:
    """A feed's items: added by the feed, for its server; quiet (never announced) on the first poll, written
    with the document so that no digest between the two ever lists it."""
    return Provenance(added_by=f"feed:{ctx.feed.id}", guild_id=ctx.feed.guild_id or None, quiet=quiet)


def _label(item: FeedItem) -> str:
    return (item.title or item.link or item.key)[:200]


async def _record(
    ctx: _Context, item: FeedItem, outcome: ItemOutcome, *, quiet: bool, attempts: int, row_id: int | None = None
) -> None:
    result = ctx.result
    reason = outcome.reason
    retry_at: str | None = None
    if outcome.status == "failed":
        if outcome.passing and attempts < MAX_ITEM_ATTEMPTS:
            retry_at = iso_utc(ctx.now + backoff(ctx.interval, attempts))
        elif outcome.passing:
            reason = stored(UserError("feed.gave_up", reason=from_stored(reason) or reason or "?", attempts=attempts))
        result.failed.append(ItemFailure(_label(item), reason or "?", retry_at))
    elif outcome.status == "skipped":
        result.skipped += 1
    elif outcome.added is not None:
        if quiet:
            result.stored_quietly += 1
        else:
            result.added.append(outcome.added)
        return  # recorded in its document's transaction (`_with_document`)
    values = ItemValues(
        outcome.document_id, outcome.status, (reason or "")[:500] or None, attempts, retry_at, iso_utc(ctx.now)
    )
    await store_feeds.record_item(ctx.store, ctx.feed.id, _item_key(item, outcome.link), values, row_id)


def _item_key(item: FeedItem, link: str | None) -> ItemKey:
    return ItemKey(item.key, item.guid, link or _canonical_or_none(item.link), _label(item), item.published)


def _with_document(
    ctx: _Context, item: FeedItem, link: str | None, *, attempts: int, row_id: int | None = None
) -> WithDocument:
    """The item's record as its new document's row, written in the document's transaction: a stop (or a crash)
    between the two can no longer leave a stored document whose item the next poll must find again."""
    key, stamp = _item_key(item, link), iso_utc(ctx.now)

    async def write(db: Any, document_id: int) -> None:
        values = ItemValues(document_id, "fetched", None, attempts, None, stamp)
        await store_feeds.write_item(db, ctx.feed.id, key, values, row_id)

    return write


async def _record_many(ctx: _Context, items: Sequence[FeedItem], status: str, reason: str) -> None:
    stamp = iso_utc(ctx.now)

    def rows() -> list[tuple[Any, ...]]:
        return [
            (
                ctx.feed.id,
                i.key,
                i.guid,
                _canonical_or_none(i.link),
                _label(i),
                i.published,
                status,
                reason,
                stamp,
                stamp,
            )
            for i in items
        ]

    await store_feeds.insert_items(ctx.store, await asyncio.to_thread(rows))


async def _retry_due(ctx: _Context, *, budget: int) -> None:
    """Try again the items whose passing failure is due for a retry (from their stored link)."""
    rows = await store_feeds.due_retries(ctx.store, ctx.feed.id, iso_utc(ctx.now), budget)
    for row in rows:
        item = FeedItem(guid=row.guid, link=row.link, title=row.title, published=row.published, summary=None)
        outcome = await _attempt(ctx, item, attempts=row.attempts + 1, row_id=row.id)
        ctx.result.retried += 1
        await _record(ctx, item, outcome, quiet=False, attempts=row.attempts + 1, row_id=row.id)


async def _failed(ctx: _Context, error: UserError) -> PollResult:
    feed, result = ctx.feed, ctx.result
    failures = feed.failures + 1
    paused = failures >= MAX_FAILURES
    await store_feeds.record_poll_failed(
        ctx.store,
        feed.id,
        failures=failures,
        error=stored(error, limit=300),
        at=iso_utc(ctx.now),
        paused=paused,
        next_poll_at=iso_utc(ctx.now + backoff(ctx.interval, failures)),
    )
    log.warning("feed #%d %s failed (%d in a row): %s", feed.id, feed.url, failures, error)
    result.error = stored(error, limit=300)  # said in the reader's language where it is shown (stored_in)
    result.paused_now = paused
    result.feed = await get_feed(ctx.store, feed.id) or feed
    return result


async def failing_feeds(
    store: Store, since: str, until: str, *, guild_id: int | None = None, min_failures: int = 2
) -> list[tuple[Feed, int, int]]:
    """Feeds whose items kept failing in (since, until]: (feed, items failed, items stored) for each feed
    where at least ``min_failures`` items failed and no more were stored than failed."""
    rows = await store_feeds.item_counts(store, since, until)
    out: list[tuple[Feed, int, int]] = []
    for row in rows:
        if row.failed < min_failures or row.fetched > row.failed:
            continue
        feed = await get_feed(store, row.feed_id)
        if feed is not None and (guild_id is None or feed.guild_id == guild_id):
            out.append((feed, row.failed, row.fetched))
    return out
