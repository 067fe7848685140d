"""RSS/Atom feed parsing (feedparser) into plain dataclasses."""

from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from bot.ingest.fetch import FetchedPage, FetchError, root_element

__all__ = ["FEED_ROOTS", "FeedItem", "ParsedFeed", "looks_like_feed", "parse_feed"]

FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
_FEED_MEDIA = frozenset({"application/rss+xml", "application/atom+xml"})
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


@dataclass
class FeedItem:
    guid: str | None
    link: str | None  # absolute URL
    title: str | None
    published: str | None  # ISO 8601 with the feed's own UTC offset, e.g. 2025-03-01T08:00:00+09:00
    summary: str | None  # plain text (tags stripped)


@dataclass
class ParsedFeed:
    title: str | None
    link: str | None
    items: list[FeedItem]


def looks_like_feed(page: FetchedPage) -> bool:
    """True when the page is an RSS/Atom feed (by media type, or by its root element for generic types)."""
    if page.content_type in _FEED_MEDIA:
        return True
    return root_element(page.body[:8192]) in FEED_ROOTS


def _plain(value: str | None) -> str | None:
    """Feed HTML snippets to plain text: tags out, entities decoded, whitespace tidied."""
    if not value:
        return None
    text = re.sub(r"<\s*(br|/p|/div|/li)\b[^>]*>", "\n", value, flags=re.I)
    text = html.unescape(_TAG.sub("", text))
    lines = [_SPACE.sub(" ", line).strip() for line in text.splitlines()]
    text = "\n".join(line for line in lines if line)
    return text or None


def _date(entry: Any, key: str) -> str | None:
    """ISO date-time keeping the feed's own offset when the raw value has one, else UTC from feedparser."""
    raw = entry.get(key)
    if raw:
        try:
            dt = parsedate_to_datetime(raw)  # RFC 822 (RSS)
        except (TypeError, ValueError, IndexError):
            try:
                dt = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))  # RFC 3339 (Atom, dc:date)
            except ValueError:
                dt = None
        if dt is not None:
            return dt.isoformat()
    parsed = entry.get(f"{key}_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    return None


def parse_feed(body: bytes, url: str) -> ParsedFeed:
    """Parse an RSS 0.9x/1.0/2.0 or Atom feed; raise ``FetchError('unsupported_type')`` if it is not one.

    Relative links are resolved against ``url``. A valid feed with no items gives ``items == []``.
    """
    parsed = feedparser.parse(body)  # no base URL: feedparser would turn opaque guids such as "a1" into URLs
    if not parsed.get("version") and not parsed.entries:
        raise FetchError("unsupported_type", "That URL is not an RSS or Atom feed.", url=url)
    meta = parsed.feed
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        if link:
            link = urljoin(url, link.strip())
        items.append(
            FeedItem(
                guid=(entry.get("id") or "").strip() or None,
                link=link,
                title=_plain(entry.get("title")),
                published=_date(entry, "published") or _date(entry, "updated"),
                summary=_plain(entry.get("summary")),
            )
        )
    link = meta.get("link") or None
    return ParsedFeed(
        title=_plain(meta.get("title")),
        link=urljoin(url, link) if link else None,
        items=items,
    )
