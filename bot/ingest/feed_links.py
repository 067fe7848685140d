"""Links found in feeds and pages: IRIs made fetchable without re-decoding, and feed autodiscovery.

A link is untrusted text. ``item_link`` resolves it against the feed's address and percent-encodes what
is not ASCII (``/記事/停戦交渉`` → ``/%E8%A8%98%E4%BA%8B/…``) while leaving existing ``%XX`` escapes as they
are (a Shift_JIS ``%93%FA`` query stays byte-exact). A value that cannot be a web address (a bad port,
a broken IPv6 bracket, another scheme, control characters) raises ``BadLink`` with a short reason.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from bot.user_errors import UserError

__all__ = ["FEED_LINK_TYPES", "BadLink", "discover_feed_links", "is_web_url", "item_link"]

# What a `<link rel="alternate">` announces a feed as, in order of preference.
FEED_LINK_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/x-rss+xml",
    "application/x-atom+xml",
    "text/xml",
    "application/xml",
)
_SAFE = "/%:@!$&'()*+,;=-._~"  # RFC 3986 sub-delims, gen-delims used in paths, and '%' (kept escapes)
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


class BadLink(UserError):
    """A link that cannot be fetched: a code of the locale files' `feed.link.*` saying why in a few words."""


_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _encode(part: str, extra_safe: str = "") -> str:
    """Percent-encode what is not URL-safe (UTF-8 for non-ASCII); keep existing escapes, fix a lone '%'."""
    return quote(_LONE_PERCENT.sub("%25", part), safe=_SAFE + extra_safe)


# An absolute http(s) URL that needs no work: ASCII host, a port, only characters a URL may carry, no
# fragment, no lone '%'. Most links in most feeds; they skip urljoin/urlsplit/quote (a 5,000-item feed).
_PLAIN_URL = re.compile(
    r"(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)://(?P<host>[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(?P<port>\d{1,5}))?"
    r"(?P<rest>[/?][A-Za-z0-9\-._~!$&'()*+,;=:@/?]*(?:%[0-9A-Fa-f]{2}[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)*)?"
)


def _plain_link(text: str) -> str | None:
    """The normalized form of a link that needs no work (as ``item_link`` would give it), else None."""
    m = _PLAIN_URL.fullmatch(text)
    if m is None:
        return None
    port = m["port"]
    if port is not None and not 0 <= int(port) <= 65535:
        return None
    rest = m["rest"] or "/"
    if rest.startswith("?"):
        rest = "/" + rest
    netloc = m["host"].lower() + (f":{int(port)}" if port is not None else "")
    return f"{m['scheme'].lower()}://{netloc}{rest}"


def item_link(raw: str, base: str) -> str:
    """An absolute, ASCII http(s) URL for a feed item's link, or ``BadLink``."""
    text = raw.strip()
    if not text:
        raise BadLink("feed.link.empty")
    if (plain := _plain_link(text)) is not None:
        return plain
    return _resolve(text, base)


def _resolve(text: str, base: str) -> str:
    """``item_link`` the long way: resolve, split, check host and port, percent-encode."""
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: "%20" if m.group() == " " else "", text)
    try:
        absolute = urljoin(base, text)
        parts = urlsplit(absolute)
        port = parts.port  # raises for 99999 or "x"
        host = parts.hostname
    except ValueError:
        raise BadLink("feed.link.invalid", link=text[:120]) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadLink("feed.link.not_web", link=text[:120])
    if not host:
        raise BadLink("feed.link.no_host", link=text[:120])
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise BadLink("feed.link.bad_host", host=host[:80]) from None
    netloc = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    if port is not None:
        netloc = f"{netloc}:{port}"
    if parts.username or parts.password:
        raise BadLink("feed.link.credentials")
    return urlunsplit(
        (
            parts.scheme.lower(),
            netloc.lower(),
            _encode(parts.path) or "/",
            _encode(parts.query, "?"),
            "",
        )
    )


def is_web_url(value: str | None) -> bool:
    """True for an absolute http(s) URL (a GUID that is one may stand for the item's link)."""
    if not value:
        return False
    try:
        parts = urlsplit(value.strip())
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (type, href)
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "base", "a"):
            return
        a = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"]
            return
        rels = a.get("rel", "").lower().split()
        mtype = a.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rels and mtype in FEED_LINK_TYPES and a.get("href"):
            self.found.append((mtype, a["href"]))


def discover_feed_links(html: str, page_url: str) -> list[str]:
    """The feeds a page announces with ``<link rel="alternate" type="application/rss+xml" href>``, best first."""
    finder = _LinkFinder()
    try:
        finder.feed(html[:2_000_000])
        finder.close()
    except Exception:  # html.parser on hostile markup: keep what was found
        pass
    base = page_url
    if finder.base:
        try:
            base = urljoin(page_url, finder.base)
        except ValueError:
            base = page_url
    rank = {t: i for i, t in enumerate(FEED_LINK_TYPES)}
    out: list[str] = []
    for _, href in sorted(finder.found, key=lambda f: rank[f[0]]):
        try:
            link = item_link(href, base)
        except BadLink:
            continue
        if link not in out:
            out.append(link)
    return out
