"""Parse untrusted documents (web pages, uploads, PDFs, feeds) in the sandbox, never in the bot's process.

The async functions here are what the rest of the bot calls. Each runs one job in a ``bot.ingest.sandbox``
worker: cheap pre-checks first (``bot.ingest.precheck``: absurd attribute counts, element counts, nesting),
then the parser with the text cap applied while it extracts. A job that breaks the sandbox's time or memory
limit kills its worker and comes back as ``FetchError`` with a reason a Discord user can read:
``too_slow`` ("took too long to read"), ``too_large`` ("too large once extracted"), ``too_complex``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.ingest import sandbox as sandboxes
from bot.ingest.feeds import ParsedFeed
from bot.ingest.fetch import FetchedPage, FetchError, decode_text
from bot.ingest.precheck import MarkupLimits, check_markup
from bot.ingest.webpage import MAX_TEXT_CHARS, ExtractedArticle
from bot.user_errors import UserError, thing

__all__ = ["ParseLimits", "extract_page", "extract_upload", "parse_feed"]

MAX_FEED_BYTES = 5_000_000

_PLAIN_SUFFIXES = (".txt", ".text", ".md", ".markdown")
_MARKUP_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """Limits applied inside the worker (the sandbox adds time and memory)."""

    max_chars: int = MAX_TEXT_CHARS
    max_feed_bytes: int = MAX_FEED_BYTES
    markup: MarkupLimits = field(default_factory=MarkupLimits)


DEFAULT_LIMITS = ParseLimits()  # read at each call: tests lower it


# --- jobs (run in the worker) -----------------------------------------------------------------------


def _page_job(page: FetchedPage, limits: ParseLimits) -> ExtractedArticle:
    from bot.ingest import webpage

    if page.content_type in _MARKUP_TYPES:
        try:
            check_markup(page.text if page.text is not None else decode_text(page.body)[0], limits.markup)
        except FetchError as e:
            e.url = page.url or None
            raise
    return webpage.extract(page, max_chars=limits.max_chars)


def _upload_job(data: bytes, filename: str, content_type: str | None, limits: ParseLimits) -> ExtractedArticle:
    from bot.ingest import webpage

    if not data.startswith(b"%PDF-") and not filename.lower().endswith(_PLAIN_SUFFIXES):
        check_markup(decode_text(data)[0], limits.markup, what="file")
    return webpage.extract_bytes(data, filename, content_type, max_chars=limits.max_chars)


def _feed_job(
    body: bytes, url: str, content_type: str | None, charset: str | None, limits: ParseLimits
) -> ParsedFeed:
    from bot.ingest import feeds

    if len(body) > limits.max_feed_bytes:
        raise FetchError("too_large", UserError("fetch.feed_too_large", mb=f"{limits.max_feed_bytes / 1e6:g}"), url=url)
    check_markup(decode_text(body)[0], limits.markup, what="feed")
    return feeds.parse_feed(body, url, content_type, charset)


# --- what the bot calls -----------------------------------------------------------------------------


async def _run(what: str, url: str | None, job: object, *args: object) -> object:
    try:
        return await sandboxes.shared().run(job, *args)  # type: ignore[arg-type]
    except sandboxes.SandboxError as e:
        if e.code == "timeout":
            raise FetchError("too_slow", UserError("parse.too_slow", what=thing(what)), url=url) from None
        if e.code == "memory":
            raise FetchError("too_large", UserError("parse.too_large", what=thing(what)), url=url) from None
        raise FetchError("no_article", UserError("parse.unreadable", what=thing(what)), url=url) from None


async def extract_page(page: FetchedPage, limits: ParseLimits | None = None) -> ExtractedArticle:
    """``webpage.extract`` in the sandbox; ``FetchError`` when there is no article or a limit is broken."""
    what = "PDF" if page.content_type == "application/pdf" else "page"
    return await _run(what, page.url or None, _page_job, page, limits or DEFAULT_LIMITS)  # type: ignore[return-value]


async def extract_upload(
    data: bytes, filename: str, content_type: str | None = None, limits: ParseLimits | None = None
) -> ExtractedArticle:
    """``webpage.extract_bytes`` in the sandbox, for an uploaded .html/.pdf/… file."""
    what = "PDF" if filename.lower().endswith(".pdf") else "file"
    return await _run(what, None, _upload_job, data, filename, content_type, limits or DEFAULT_LIMITS)  # type: ignore[return-value]


async def parse_feed(
    body: bytes,
    url: str,
    content_type: str | None = None,
    charset: str | None = None,
    limits: ParseLimits | None = None,
) -> ParsedFeed:
    """``feeds.parse_feed`` in the sandbox (``content_type`` and ``charset`` as the fetch found them)."""
    return await _run("feed", url, _feed_job, body, url, content_type, charset, limits or DEFAULT_LIMITS)  # type: ignore[return-value]
