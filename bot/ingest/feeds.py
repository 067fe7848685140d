"""Feed parsing: bytes and HTTP headers in, a plain ``ParsedFeed`` out (RSS 0.9x/1.0/2.0, Atom, JSON Feed).

``parse_feed`` is one pure, blocking function (run it with ``asyncio.to_thread``; it touches neither the
network nor the disk), so it can move into a sandboxed worker unchanged.

* **Decoding** follows pages: byte-order mark, the HTTP charset, the XML declaration, then detection
  (``fetch.decode_text``: Shift_JIS as cp932, EUC-JP, ISO-2022-JP). feedparser gets the decoded text
  re-encoded as UTF-8 with a header saying so, so it never guesses again, and gets it as a stream, so a
  body that happens to name a file or a URL is never opened.
* **Every item and field is untrusted.** A date that cannot be read is dropped (``feed_dates``); a link
  that cannot be fetched (bad port, broken IPv6 bracket, another scheme) makes the item carry a
  ``problem``; an entry that cannot be read at all becomes an item with a ``problem``. Nothing an item
  holds makes the whole parse fail.
* **Identity.** ``FeedItem.key`` is the GUID, else the link, else a hash of title + date + summary, so an
  item with neither link nor GUID is still the same item on the next poll. A GUID that is not an
  http(s) URL is never used as a link (``<guid>12345</guid>`` is not an address).
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from dataclasses import dataclass
from typing import Any

from bot.ingest.feed_dates import parse_feed_date
from bot.ingest.feed_links import BadLink, is_web_url, item_link
from bot.ingest.feed_xml import read_xml_feed
from bot.ingest.fetch import FetchedPage, FetchError, decode_text, root_element
from bot.ingest.jsonfeed import read_json_feed
from bot.user_errors import UserError, from_stored, stored

__all__ = ["FEED_ROOTS", "JSON_TYPES", "NOT_A_FEED", "FeedItem", "ParsedFeed", "looks_like_feed", "parse_feed"]

FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
JSON_TYPES = frozenset({"application/feed+json", "application/json", "text/json"})
_FEED_MEDIA = frozenset({"application/rss+xml", "application/atom+xml", "text/atom+xml", "text/rss+xml"})
NOT_A_FEED = str(UserError("feed.not_a_feed"))  # the English words (FetchError.message)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")
_MAX_FIELD = 20_000  # characters kept of one title or summary
_NEEDS_WORK = re.compile(r"[<&\n\r\t\f\v]|  ")


@dataclass
class FeedItem:
    guid: str | None
    link: str | None  # absolute, ASCII (IRIs percent-encoded) http(s) URL
    title: str | None
    published: str | None  # ISO 8601 with the feed's own UTC offset, e.g. 2025-03-01T08:00:00+09:00
    summary: str | None  # plain text (tags stripped)
    problem: str | None = None  # why this item cannot be taken (recorded as its outcome), e.g. a bad link

    @property
    def key(self) -> str:
        """Stable identity: GUID, else link, else a content hash of title + date + summary."""
        if self.guid:
            return f"guid:{self.guid[:1000]}"
        if self.link:
            return f"link:{self.link[:2000]}"
        digest = hashlib.sha1(
            "\x1f".join((self.title or "", self.published or "", self.summary or "")).encode("utf-8", "replace")
        ).hexdigest()
        return f"hash:{digest}"


@dataclass
class ParsedFeed:
    title: str | None
    link: str | None
    items: list[FeedItem]
    kind: str = "rss"  # feedparser's version (rss20, atom10, rss10…) or "json"


def looks_like_feed(page: FetchedPage) -> bool:
    """True when the page is an RSS/Atom feed (by media type, or by its root element for generic types)."""
    if page.content_type in _FEED_MEDIA:
        return True
    if page.content_type in JSON_TYPES or page.body[:64].lstrip().startswith(b"{"):
        return _is_json_feed(page.body)
    return root_element(page.body[:8192]) in FEED_ROOTS


def _is_json_feed(body: bytes) -> bool:
    head = body[:4096].decode("utf-8", "replace")
    return '"version"' in head and "jsonfeed.org/version/" in head


def _plain(value: object) -> str | None:
    """Feed HTML snippets to plain text: tags out, entities decoded, whitespace tidied."""
    if not isinstance(value, str) or not value:
        return None
    if not _NEEDS_WORK.search(value):  # plain one-line text (most titles): nothing to strip or decode
        return value.strip()[:_MAX_FIELD] or None
    text = re.sub(r"<\s*(br|/p|/div|/li|/h\d)\b[^>]*>", "\n", value[: _MAX_FIELD * 4], flags=re.I)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", "", text, flags=re.I | re.S)
    text = html.unescape(_TAG.sub("", text))
    lines = [_SPACE.sub(" ", line).strip() for line in text.splitlines()]
    text = "\n".join(line for line in lines if line)[:_MAX_FIELD]
    return text or None


def _guid(value: object) -> str | None:
    return value.strip()[:1000] or None if isinstance(value, str) else None


def _item(fields: dict[str, Any], base: str, *, guid_is_link: bool = False) -> FeedItem:
    """One item from its raw fields; a bad value costs the field (date) or marks the item (link)."""
    guid = _guid(fields.get("id"))
    raw_link = fields.get("link") if isinstance(fields.get("link"), str) else None
    if guid_is_link and raw_link and raw_link.strip() == (guid or "") and not is_web_url(guid):
        raw_link = None  # feedparser copied an opaque GUID (<guid>12345</guid>) into the link
    link: str | None = None
    problem: str | None = None
    if raw_link and raw_link.strip():
        try:
            link = item_link(raw_link, base)
        except BadLink as e:
            problem = stored(e)
    published = None
    for key in ("published", "updated", "created"):
        published = parse_feed_date(fields.get(key))
        if published:
            break
    item = FeedItem(
        guid=guid,
        link=link,
        title=_plain(fields.get("title")),
        published=published,
        summary=_plain(fields.get("summary")),
        problem=problem,
    )
    if problem and not guid:  # keep the bad link's text in the identity so the next poll knows the item
        item.guid = f"badlink:{raw_link.strip()[:500]}" if raw_link else None
    return item


def _broken(index: int, problem: str) -> FeedItem:
    """An entry that cannot be read: kept as an item whose outcome is that problem."""
    return FeedItem(guid=f"unreadable:{index}", link=None, title=None, published=None, summary=None, problem=problem)


def _unreadable(error: Exception) -> str:
    return stored(UserError("feed.entry_unreadable", kind=type(error).__name__))


def _nested(said: object) -> object:
    """A stored failure as a parameter of another (said in the reader's language with it)."""
    return from_stored(said) or said if isinstance(said, str) else str(said)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _utf8_xml(body: bytes, charset: str | None) -> bytes:
    """The feed decoded like a page, as UTF-8 bytes without the XML declaration (its encoding no longer holds)."""
    text, _ = decode_text(body, charset)
    return _XML_DECLARATION.sub("", text, count=1).encode("utf-8", "replace")


def _build(meta: dict[str, Any], entries: list[dict[str, Any]], url: str, kind: str) -> ParsedFeed:
    """Items from raw entry fields; a hostile entry costs that entry."""
    items: list[FeedItem] = []
    for i, entry in enumerate(entries):
        if "error" in entry:
            items.append(_broken(i, stored(UserError("feed.entry_unreadable_because", error=_nested(entry["error"])))))
            continue
        try:
            items.append(_item(entry, url, guid_is_link=bool(entry.get("guidislink"))))
        except Exception as e:  # one hostile entry costs that entry
            items.append(_broken(i, _unreadable(e)))
    link = meta.get("link")
    try:
        home = item_link(link, url) if isinstance(link, str) and link.strip() else None
    except BadLink:
        home = None
    return ParsedFeed(title=_plain(meta.get("title")), link=home, items=items, kind=kind)


def _parse_json(body: bytes, url: str, charset: str | None) -> ParsedFeed | None:
    text, _ = decode_text(body, charset or "utf-8")
    found = read_json_feed(text.lstrip("\ufeff"))
    if found is None:
        return None
    meta, entries = found
    return _build(dict(meta), [dict(e) for e in entries], url, "json")


def _with_feedparser(data: bytes, url: str) -> ParsedFeed:
    import feedparser  # here, not with the module: every `python -m bot` command imports this one

    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        resolve_relative_uris=False,
        sanitize_html=False,  # every snippet is reduced to plain text here
    )
    if not parsed.get("version") and not (parsed.entries and root_element(data[:8192]) in FEED_ROOTS):
        raise FetchError("unsupported_type", UserError("feed.not_a_feed"), url=url)
    entries: list[dict[str, Any]] = []
    for entry in parsed.entries:
        try:
            entries.append(
                {
                    "id": entry.get("id"),
                    "link": entry.get("link"),
                    "title": entry.get("title"),
                    "summary": entry.get("summary"),
                    "published": dict.get(entry, "published"),  # raw values, not feedparser's updated→published alias
                    "updated": dict.get(entry, "updated"),
                    "created": dict.get(entry, "created"),
                    "guidislink": bool(entry.get("guidislink")),
                }
            )
        except Exception as e:  # one hostile entry costs that entry
            entries.append({"error": _unreadable(e)})
    meta = parsed.feed
    return _build({"title": meta.get("title"), "link": meta.get("link")}, entries, url, parsed.get("version") or "rss")


def parse_feed(body: bytes, url: str, content_type: str | None = None, charset: str | None = None) -> ParsedFeed:
    """Parse a feed; raise ``FetchError('unsupported_type')`` if the bytes are not one.

    ``content_type`` is the bare media type and ``charset`` the HTTP charset (or the codec the fetcher
    settled on). Relative links are resolved against ``url``. A valid feed with no items gives ``items == []``.
    Well-formed RSS/RDF/Atom is read with lxml (``feed_xml``); anything else with feedparser.
    """
    if (content_type or "") in JSON_TYPES or body[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        parsed_json = _parse_json(body, url, charset)
        if parsed_json is not None:
            return parsed_json
        raise FetchError("unsupported_type", UserError("feed.not_a_feed"), url=url)
    data = _utf8_xml(body, charset)
    fast = read_xml_feed(data)
    if fast is not None:
        meta, entries, kind = fast
        return _build(meta, entries, url, kind)
    return _with_feedparser(data, url)
