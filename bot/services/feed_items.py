"""One feed item read for the store: its page fetched and extracted, or, without a link, its own title and text.

`read_item` gives the text to store (`ItemText`), which the feed poll stores one item at a time (later
polls) or through the bulk path (a first poll); `outcome_of` turns what storing it gave into the item's
outcome. The outcome says what happened and why (``ItemOutcome``), and whether a failure is a passing one (a
timeout, a refused connection, HTTP 5xx/429) worth another try. The item's own date stands in for the
page's when the page gives none. Pages are fetched with ``fetch()`` and read with ``webpage.extract``,
exactly as ``/source add url:`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.ingest import untrusted
from bot.ingest.feeds import FeedItem, looks_like_feed
from bot.ingest.fetch import FetchError, FetchRequest
from bot.ingest.fetcher import Fetcher
from bot.ingest.netguard import BlockedURL
from bot.ingest.parse import FrontMatter
from bot.models import IngestResult
from bot.store import Store
from bot.urls import canonical_url, outlet_for
from bot.user_errors import UserError, stored

__all__ = ["PASSING_STATUSES", "ItemOutcome", "ItemText", "outcome_of", "read_item"]

PASSING_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


@dataclass(slots=True)
class ItemOutcome:
    status: Literal["fetched", "failed", "skipped"]
    reason: str | None = None
    document_id: int | None = None
    added: IngestResult | None = None  # set when a new document was stored
    passing: bool = False  # a failure that may go away (worth a retry)
    link: str | None = None  # the canonical link the item was fetched from


@dataclass(slots=True)
class ItemText:
    """An item fetched and read, ready to be stored: its text and the name and front matter it is stored under."""

    text: str
    name: str
    origin: str
    fm: FrontMatter
    link: str | None = None  # the canonical link it was fetched from


def _day(published: str | None) -> str | None:
    return published[:10] if published and len(published) >= 10 else None


def _passing(error: FetchError) -> bool:
    if error.code in ("timeout", "connection"):
        return True
    return (
        error.code == "http_status"
        and error.status is not None
        and (error.status in PASSING_STATUSES or error.status >= 500)
    )


def _said(res: IngestResult) -> str | None:
    """An ingestion's refusal as the database keeps it: its code and parameters (bot/user_errors.py `stored`)."""
    return stored(res.error) if res.error is not None else res.reason


def outcome_of(res: IngestResult, link: str | None) -> ItemOutcome:
    """An item's outcome from what storing its text gave."""
    if res.status == "added":
        return ItemOutcome("fetched", document_id=res.document_id, added=res, link=link)
    if res.status == "duplicate":
        return ItemOutcome("fetched", reason=_said(res), document_id=res.duplicate_of, link=link)
    return ItemOutcome("failed", reason=_said(res), link=link)


async def read_item(
    store: Store,
    item: FeedItem,
    *,
    feed_id: int,
    feed_url: str,
    feed_title: str | None,
    fetcher: Fetcher,
    guild_id: int | None = None,
) -> ItemOutcome | ItemText:
    """Fetch and read one item: its text to store, or its outcome already (a failure, a link already
    stored, nothing to store). Never raises for what the item or its page holds."""
    if item.problem:
        return ItemOutcome("failed", reason=item.problem)
    if item.link:
        return await _read_page(store, item, fetcher=fetcher, guild_id=guild_id)
    return _read_summary(item, feed_id=feed_id, feed_url=feed_url, feed_title=feed_title)


async def _read_page(
    store: Store,
    item: FeedItem,
    *,
    fetcher: Fetcher,
    guild_id: int | None = None,
) -> ItemOutcome | ItemText:
    assert item.link is not None
    try:
        checked = fetcher.checked(item.link)
    except BlockedURL as e:  # fetch() enforces the address rule on every hop; this refuses early
        return ItemOutcome("failed", reason=stored(e.error))
    link = canonical_url(checked)
    dup = await store.find_duplicate("", link, guild_id)
    if dup is not None:
        return ItemOutcome("fetched", reason=stored(UserError("ingest.already_stored", id=dup)), document_id=dup, link=link)
    try:
        page = await fetcher.fetch(FetchRequest(checked))
        if looks_like_feed(page):
            return ItemOutcome("failed", reason=stored(UserError("feed.item_is_a_feed")), link=link)
        article = await untrusted.extract_page(page)  # in the parser sandbox
    except FetchError as e:
        return ItemOutcome("failed", reason=stored(e.error), passing=_passing(e), link=link)
    url = canonical_url(article.url or page.url)
    fm = FrontMatter(
        title=(article.title or item.title or "")[:300] or None,
        url=url,
        published=article.published or _day(item.published),
        outlet=article.outlet,
        language=article.language,
        author=article.author,
    )
    return ItemText(article.text, url, "url", fm, link)


def _read_summary(item: FeedItem, *, feed_id: int, feed_url: str, feed_title: str | None) -> ItemOutcome | ItemText:
    """A linkless item stored from its own title and text, as a feed summary (origin ``feed``)."""
    title = (item.title or "").strip()
    body = (item.summary or "").strip()
    if not title and not body:
        return ItemOutcome("skipped", reason=stored(UserError("feed.item_empty")))
    text = f"{title}\n\n{body}" if title and body and not body.startswith(title) else (body or title)
    fm = FrontMatter(
        title=(title or body.splitlines()[0])[:300],
        published=_day(item.published),
        outlet=outlet_for(feed_url, feed_title),
    )
    return ItemText(text, f"feed #{feed_id} summary: {fm.title}"[:200], "feed", fm)
