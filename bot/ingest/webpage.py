"""Turn a fetched page or an uploaded file into article text plus metadata.

HTML goes through trafilatura (main text without navigation/ads, precision first); paragraphs are
separated by blank lines because they become passages. Plain text and markdown are taken as they are,
PDFs through pypdf. Feeds are refused here: they are handled by ``feeds.parse_feed``.

Extraction is synchronous CPU work on untrusted input (lxml, trafilatura, pypdf): the bot calls it through
``bot.ingest.untrusted``, which runs it in a sandboxed worker process with time and memory limits. The text
cap (``max_chars``) is applied while extracting: a PDF stops at the limit instead of producing it all first.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import Any
from urllib.parse import urljoin, urlsplit

from bot.ingest.feeds import looks_like_feed
from bot.ingest.fetch import FetchedPage, FetchError, decode_text, media_type, root_element, sniff_type
from bot.user_errors import UserError, thing

__all__ = ["MAX_TEXT_CHARS", "MIN_ARTICLE_CHARS", "UPLOAD_TYPES", "ExtractedArticle", "extract", "extract_bytes"]

MIN_ARTICLE_CHARS = 80  # less article text than this is "no article" (navigation, cookie walls, stubs)
MAX_PDF_PAGES = 300
MAX_TEXT_CHARS = 2_000_000  # more article text than this is refused (the ingestion pipeline's own limit)

UPLOAD_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".pdf": "application/pdf",
}
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})
_KANA = re.compile(r"[\u3040-\u30ff]")
_XML_DECL = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_TERMINAL = tuple("。．.！？!?」』）)")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:\d{1,4}|\d{1,4}\s*/\s*\d{1,4}|page \d+)[-–—\s]*$", re.I)
_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
_NO_ARTICLE = UserError("parse.no_article")


@dataclass
class ExtractedArticle:
    title: str | None
    text: str  # paragraphs separated by blank lines
    published: str | None  # ISO date from page metadata, else None
    outlet: str | None  # site name, else host without www.
    author: str | None
    url: str  # canonical URL when on the same site, else the final URL ("" for uploads without one)
    language: str | None  # primary subtag, e.g. "ja"


# --- entry points --------------------------------------------------------------------------


def extract(page: FetchedPage, *, max_chars: int = MAX_TEXT_CHARS) -> ExtractedArticle:
    """Article text and metadata from a fetched page; ``FetchError('no_article' | 'unsupported_type' | 'too_large')``."""
    return _extract(page, upload=False, max_chars=max_chars)


def extract_bytes(
    data: bytes, filename: str, content_type: str | None = None, *, max_chars: int = MAX_TEXT_CHARS
) -> ExtractedArticle:
    """Article text from an uploaded file (.html/.htm/.txt/.md/.pdf), typed by content type or extension."""
    suffix = PurePath(filename).suffix.lower()
    mtype, params = media_type(content_type)
    if mtype in ("", "application/octet-stream") or mtype not in set(UPLOAD_TYPES.values()) | _XML_TYPES:
        mtype = UPLOAD_TYPES.get(suffix) or sniff_type(data[:4096]) or ""
    if not mtype:
        raise FetchError("unsupported_type", UserError("upload.file_type", suffix=suffix or "—"))
    text = charset = None
    if mtype != "application/pdf":
        text, charset = decode_text(data, params.get("charset"))
    page = FetchedPage("", filename, 200, mtype, charset, data, text, None, None)
    return _extract(page, upload=True, max_chars=max_chars)


def too_large(url: str | None = None) -> FetchError:
    return FetchError("too_large", UserError("parse.too_large", what=thing("document")), url=url or None)


def _extract(page: FetchedPage, *, upload: bool, max_chars: int) -> ExtractedArticle:
    if looks_like_feed(page):
        raise FetchError("unsupported_type", UserError("url.is_feed"), url=page.url)
    mtype = page.content_type
    if mtype in _XML_TYPES:
        if root_element(page.body[:8192]) != "html":
            raise FetchError("unsupported_type", UserError("parse.xml_not_article"), url=page.url)
        mtype = "application/xhtml+xml"
    if mtype in _HTML_TYPES:
        article = _from_html(_text_of(page), page.url, upload=upload)
    elif mtype in ("text/plain", "text/markdown"):
        article = _from_plain(_text_of(page), page.url, markdown=mtype == "text/markdown")
    elif mtype == "application/pdf":
        article = _from_pdf(page.body, page.url, max_chars)
    else:
        shown = UserError("fetch.content_type", type=mtype) if mtype else UserError("fetch.content_type_none")
        raise FetchError("unsupported_type", shown, url=page.url)
    if len(article.text.strip()) < MIN_ARTICLE_CHARS:
        raise FetchError("no_article", _NO_ARTICLE, url=page.url)
    if len(article.text) > max_chars:
        raise too_large(page.url)
    return article


def _text_of(page: FetchedPage) -> str:
    return page.text if page.text is not None else decode_text(page.body)[0]


# --- HTML ----------------------------------------------------------------------------------


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def _same_site(a: str, b: str) -> bool:
    """Same host, or one a subdomain of the other (www3.nhk.or.jp ~ www.nhk.or.jp)."""
    ha, hb = _host(a), _host(b)
    if not ha or not hb:
        return False
    return ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha)


def _first(tree: Any, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        value = str(value).strip()
        if value:
            return value
    return None


def _canonical(tree: Any, page_url: str, *, upload: bool) -> str:
    """<link rel=canonical> or og:url when it is an http(s) URL on the same site, else the page URL."""
    candidates = [
        _first(tree, f"//link[contains(concat(' ', normalize-space(translate(@rel, '{_UPPER}', '{_LOWER}')), ' '),"
                     " ' canonical ')]/@href"),
        _first(tree, "//meta[@property='og:url' or @name='og:url']/@content"),
    ]  # fmt: skip
    for href in candidates:
        if not href:
            continue
        absolute = urljoin(page_url, href) if page_url else href
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            continue
        if upload:
            return absolute
        to_home = parts.path in ("", "/") and urlsplit(page_url).path not in ("", "/")  # a common CMS mistake
        if _same_site(absolute, page_url) and not to_home:
            return absolute
    return page_url


def _language(tree: Any, text: str) -> str | None:
    lang = (
        _first(tree, "/html/@lang")
        or _first(tree, "/html/@*[local-name()='lang' or name()='xml:lang']")
        or _first(tree, f"//meta[translate(@http-equiv, '{_UPPER}', '{_LOWER}')='content-language']/@content")
        or _first(tree, "//meta[@property='og:locale']/@content")
    )
    if lang:
        primary = re.split(r"[-_,;\s]", lang.strip().lower())[0]
        if primary.isalpha() and 2 <= len(primary) <= 3:
            return primary
    return _guess_language(text)


def _guess_language(text: str) -> str | None:
    sample = text[:5000]
    return "ja" if len(_KANA.findall(sample)) >= max(5, len(sample) // 50) else None


def _author_fallback(tree: Any) -> str | None:
    """Author from meta tags (trafilatura drops single-token names such as 山田太郎)."""
    value = _first(tree, "//meta[@name='author' or @property='article:author' or @name='byl']/@content")
    if value and not value.lower().startswith("http"):
        return re.sub(r"^(?:by|文)\s*[:：]?\s*", "", value, flags=re.I).strip() or None
    return None


def _paragraphs(body: Any, title: str | None) -> str:
    """Top-level blocks of trafilatura's body, one paragraph each, blank line between them."""
    if body is None:
        return ""
    from trafilatura.xml import xmltotxt  # see _trafilatura

    blocks: list[str] = []
    for child in body:
        text = xmltotxt(child, include_formatting=False).strip()
        text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
        if text:
            blocks.append(text)
    if blocks and title and blocks[0] == title.strip():
        blocks = blocks[1:]  # the headline repeated as the first heading
    return "\n\n".join(blocks)


def _trafilatura(html: str, url: str | None, *, precision: bool) -> Any:
    # trafilatura and pypdf are imported where a page or a PDF is read: with them at the top, every command, worker
    # and bot process paid for them at start (bot.terminal.cli imports this module). The parser sandbox's workers
    # import them when they start (sandbox.Limits.preload), so a job's time limit never counts their import.
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url or None,
        favor_precision=precision,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={
            "extensive_search": False,  # metadata, <time>, URL only: dates in the text are the date extractor's job
            "original_date": True,
            "max_date": date.today().isoformat(),
        },
    )


def _from_html(html: str, url: str, *, upload: bool) -> ExtractedArticle:
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input with an encoding declaration
    if not html.strip():
        raise FetchError("no_article", _NO_ARTICLE, url=url or None)
    import lxml.html  # here, as trafilatura and pypdf are: every `python -m bot` command imports this module
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise FetchError("no_article", _NO_ARTICLE, url=url or None) from exc

    doc = _trafilatura(html, url, precision=True)
    text = _paragraphs(getattr(doc, "body", None), getattr(doc, "title", None))
    if len(text) < MIN_ARTICLE_CHARS:  # precision mode can drop short articles; try the balanced mode once
        second = _trafilatura(html, url, precision=False)
        second_text = _paragraphs(getattr(second, "body", None), getattr(second, "title", None))
        if len(second_text) > len(text):
            doc, text = second, second_text
    if doc is None or len(text) < MIN_ARTICLE_CHARS:
        raise FetchError("no_article", _NO_ARTICLE, url=url or None)

    final_url = _canonical(tree, url, upload=upload)
    sitename = (doc.sitename or "").strip() or None
    if sitename and "." in sitename and " " not in sitename:
        sitename = None  # trafilatura's fallback from the URL; use the host below instead
    title = (doc.title or "").strip() or _first(tree, "//title/text()")
    return ExtractedArticle(
        title=title or None,
        text=text,
        published=doc.date or None,
        outlet=sitename or _host(final_url or url),
        author=(doc.author or "").strip() or _author_fallback(tree),
        url=final_url,
        language=_language(tree, text),
    )


# --- plain text, markdown --------------------------------------------------------------------


def _from_plain(text: str, url: str, *, markdown: bool) -> ExtractedArticle:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    title = None
    for line in text.splitlines():
        if line.strip():
            title = line.strip()
            if markdown:
                title = title.lstrip("#").strip() or None
            break
    return ExtractedArticle(
        title=title,
        text=text,
        published=None,
        outlet=_host(url),
        author=None,
        url=url,
        language=_guess_language(text),
    )


# --- PDF -----------------------------------------------------------------------------------


def _join(a: str, b: str) -> str:
    """Join two wrapped lines: no space between CJK characters, de-hyphenate Latin words."""
    if not a:
        return b
    if _CJK.match(a[-1]) or _CJK.match(b[0]):
        return a + b
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    return f"{a} {b}"


def _reflow(raw: str) -> str:
    """Rebuild paragraphs from PDF lines: a short line ending a sentence, or a blank line, ends a paragraph."""
    lines = [line.strip() for line in raw.splitlines()]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return ""
    full = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line or _PAGE_NUMBER.match(line):
            if current and not line:
                paragraphs.append(current)
                current = ""
            continue
        current = _join(current, line)
        if line.endswith(_TERMINAL) and len(line) < 0.85 * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


class _Cap:
    """Counts the characters pypdf produces and stops extraction (by raising) once they pass the limit."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def take(self, text: str) -> None:
        self.left -= len(text)
        if self.left < 0:
            raise _CapReached

    def visitor(self, text: str, *_: Any) -> None:
        self.take(text)


class _CapReached(Exception):
    pass


def _from_pdf(data: bytes, url: str, max_chars: int = MAX_TEXT_CHARS) -> ExtractedArticle:
    import pypdf  # see _trafilatura

    cap = _Cap(max_chars)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FetchError("no_article", UserError("parse.pdf_encrypted"), url=url or None)
        pages: list[str] = []
        for page in reader.pages[:MAX_PDF_PAGES]:
            pages.append(page.extract_text(visitor_text=cap.visitor) or "")
        info = reader.metadata
    except _CapReached:
        raise too_large(url) from None
    except FetchError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise FetchError("no_article", UserError("parse.unreadable", what=thing("PDF")), url=url or None) from exc
    raw = "\n\n".join(pages)
    text = _reflow(raw)
    title = (info.title if info else None) or ""
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title.strip())
    if not title or re.search(r"\.(docx?|pptx?|pdf|txt)$", title, re.I):
        title = next((line.strip() for line in raw.splitlines() if line.strip()), "")
    return ExtractedArticle(
        title=title[:300] or None,
        text=text,
        published=None,  # a PDF's creation date is usually when it was printed, not published
        outlet=_host(url),
        author=((info.author if info else None) or "").strip() or None,
        url=url,
        language=_guess_language(text),
    )
