"""One HTTP fetch with hard limits: address rules on every hop, size cap, timeouts, content types, charsets.

Design notes
------------
* Redirects are followed by hand (``allow_redirects=False``); every hop goes through
  ``netguard.check_url`` and ``GuardPolicy.resolve`` before anything connects.
* Sessions come from ``make_session()``: its connector uses ``netguard.GuardedResolver`` with the DNS cache
  off, so aiohttp connects only to the addresses the policy resolved and checked for this fetch (pinned per
  host:port), and DNS rebinding between check and connect cannot bypass the rule. ``fetch`` refuses other
  sessions.
* ``trusted_hosts`` (``"host:port"`` strings, matched against the URL as written) lifts the address rule for
  exactly those endpoints and nothing else. Tests use it for their own server on 127.0.0.1 while redirects
  to 10.0.0.1, 169.254.169.254 or ``localhost`` are still refused; an operator could use it for one intranet
  mirror without opening a whole network with ``allow_private`` (an ``netguard.Allowlist``).
* The body is read as a stream and the connection closed as soon as it passes ``max_bytes``.
"""

from __future__ import annotations

import asyncio
import codecs
import io
import re
import socket
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import charset_normalizer
from yarl import URL

from bot.ingest import netguard
from bot.ingest.netguard import Allowlist, BlockedURL, GuardPolicy
from bot.user_errors import UserError

# aiohttp is imported where a session is made or a page fetched, not with this module: the ingest pipeline
# imports it for `decode_text`, and so does every `python -m bot` command, bulk worker and console, which then
# paid ~0.3 s of CPU (40 % of the command line's start) for a library only a fetch uses.
if TYPE_CHECKING:
    import aiohttp

__all__ = [
    "ACCEPTED_TYPES",
    "DEFAULT_USER_AGENT",
    "FEED_TYPES",
    "TEXT_TYPES",
    "FetchError",
    "FetchedPage",
    "decode_text",
    "fetch",
    "make_session",
    "media_type",
    "root_element",
    "sniff_type",
]

DEFAULT_USER_AGENT = "NewsdeskBot/0.1 (+https://github.com/newsdesk; news indexing bot)"

ACCEPTED_TYPES: tuple[str, ...] = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/pdf",
)
FEED_TYPES: tuple[str, ...] = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
TEXT_TYPES = frozenset(t for t in ACCEPTED_TYPES if t != "application/pdf")

# Spellings servers use for the same types.
_TYPE_ALIASES = {
    "application/x-rss+xml": "application/rss+xml",
    "application/rdf+xml": "application/rss+xml",
    "application/x-atom+xml": "application/atom+xml",
    "text/x-markdown": "text/markdown",
    "application/x-pdf": "application/pdf",
    "text/rss+xml": "application/rss+xml",
}
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/unknown"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A fetch or extraction failed; ``message`` is one short sentence a Discord user can read.

    ``code`` is one of: blocked, bad_url, too_large, timeout, http_status, unsupported_type,
    too_many_redirects, connection (fetch) and no_article, too_complex, too_slow, too_large (extraction).
    """

    def __init__(
        self, code: str, message: UserError, *, status: int | None = None, url: str | None = None
    ) -> None:
        super().__init__(str(message))
        self.code = code
        self.error = message  # the words, in any language (bot.services.errors)
        self.message = str(message)
        self.status = status  # HTTP status for code == 'http_status'
        self.url = url  # the hop that failed, when known

    def __repr__(self) -> str:
        return f"FetchError({self.code!r}, {self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:  # pickled back from the parser sandbox with every field
        return (self.__class__, (self.code, self.error), {"status": self.status, "url": self.url})


@dataclass
class FetchedPage:
    """A successful fetch (or a 304 with ``not_modified=True`` and an empty body)."""

    url: str  # final URL after redirects
    requested_url: str
    status: int
    content_type: str  # bare media type, lower case, e.g. "text/html"
    charset: str | None  # Python codec actually used to decode ``text`` (e.g. "cp932"), None for binary
    body: bytes
    text: str | None  # decoded body for text types, else None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Whom a process's fetches may reach and their hard limits, the same for every fetch it makes.

    `allow_private`: the operator's allowlist of non-public networks (True: the private ranges);
    `trusted_hosts`: ``"host:port"`` endpoints exempt from the address rule (see the module docstring)."""

    allow_private: bool | Allowlist = False
    trusted_hosts: tuple[str, ...] = ()
    max_bytes: int = 5_000_000
    connect_timeout: float = 5
    total_timeout: float = 20
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """What one fetch asks for: the URL, the media types it takes, and a conditional GET's validators."""

    url: str
    accept: tuple[str, ...] = ACCEPTED_TYPES
    etag: str | None = None
    last_modified: str | None = None


PUBLIC = FetchPolicy()  # public addresses only, the default limits


# --- content types -------------------------------------------------------------------------


def media_type(header: str | None) -> tuple[str, dict[str, str]]:
    """Split a Content-Type header into (lower-case media type with aliases resolved, parameters)."""
    if not header:
        return "", {}
    head, *params = header.split(";")
    mtype = head.strip().lower()
    out: dict[str, str] = {}
    for p in params:
        key, sep, value = p.partition("=")
        if sep:
            out[key.strip().lower()] = value.strip().strip("\"'")
    return _TYPE_ALIASES.get(mtype, mtype), out


_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*", re.S | re.I)
_ROOT = re.compile(rb"<([A-Za-z][\w:.-]*)")


def root_element(head: bytes) -> str | None:
    """Lower-case name of the first element in an XML/HTML prefix (after BOM, declarations, comments)."""
    text = head[:8192].removeprefix(codecs.BOM_UTF8)
    m = _ROOT.match(text, _PROLOG.match(text).end())  # type: ignore[union-attr]
    return m.group(1).decode("ascii").lower() if m else None


def sniff_type(head: bytes) -> str | None:
    """Guess the media type from the first bytes of a body (for servers that send octet-stream or nothing)."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    root = root_element(head)
    if root in ("rss", "rdf:rdf"):
        return "application/rss+xml"
    if root == "feed":
        return "application/atom+xml"
    if root in ("html", "head", "body", "meta", "title") or head.lstrip().lower().startswith(b"<!doctype html"):
        return "text/html"
    if root is not None and head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"<?xml"):
        return "application/xml"
    return None


def _is_text_type(mtype: str) -> bool:
    return mtype in TEXT_TYPES or mtype.startswith("text/") or mtype.endswith("+xml")


# --- charsets ------------------------------------------------------------------------------

_SJIS_LABELS = frozenset(
    {"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "ms932", "cp932"}
)
_EUCJP_LABELS = frozenset({"euc-jp", "euc_jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese", "ujis"})
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"})
_META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)[\"']", re.I)
_KANA = re.compile(r"[\u3040-\u30ff]")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _codecs_for(label: str | None, *, in_document: bool = False) -> list[str]:
    """Python codecs to try for a declared charset label ([] when unknown)."""
    if not label:
        return []
    name = label.strip().strip("\"'").lower()
    if name in _SJIS_LABELS:
        return ["cp932", "shift_jis_2004"]  # sites saying Shift_JIS nearly always mean Windows-31J
    if name in _EUCJP_LABELS:
        return ["euc_jp", "euc_jis_2004"]  # the second covers NEC specials such as ①
    if name in _LATIN1_LABELS:
        return ["cp1252"]
    if name in {"gb2312", "gbk", "x-gbk"}:
        return ["gb18030"]
    if name in {"euc-kr", "ks_c_5601-1987"}:
        return ["cp949"]
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return []
    if in_document and codec.startswith("utf-16"):
        return ["utf-8"]  # a page that can be scanned as ASCII is not UTF-16 (WHATWG rule)
    return [codec]


def _declared_in_document(body: bytes) -> str | None:
    head = body[:16384]
    for pattern in (_XML_DECL, _META_CHARSET):
        if m := pattern.search(head):
            return m.group(1).decode("ascii", "replace")
    return None


def _try(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _tolerant(body: bytes, codec: str) -> str | None:
    """Decode with replacement characters if only a handful of bytes are broken (a stray bad byte)."""
    try:
        text = body.decode(codec, errors="replace")
    except LookupError:
        return None
    broken = text.count("\ufffd") - body.count(b"\xef\xbf\xbd")
    return text if broken <= max(2, len(body) // 5000) else None


def _kana_ratio(text: str) -> float:
    wide = sum(1 for c in text if ord(c) > 0x7F)
    return len(_KANA.findall(text)) / wide if wide else 0.0


def _detect(body: bytes) -> tuple[str, str]:
    """Charset detection for undeclared bodies, Japanese first, then charset-normalizer."""
    if (b"\x1b$B" in body or b"\x1b$@" in body) and (text := _try(body, "iso2022_jp")) is not None:
        return text, "iso2022_jp"  # 7-bit, so it must be tried before UTF-8
    if (text := _try(body, "utf-8")) is not None:
        return text, "utf-8"
    best: tuple[float, str, str] | None = None
    for codec in ("cp932", "euc_jp", "euc_jis_2004"):
        text = _try(body, codec)
        if text is not None and (score := _kana_ratio(text)) >= 0.15 and (best is None or score > best[0]):
            best = (score, text, codec)
    if best is not None:
        return best[1], best[2]
    match = charset_normalizer.from_bytes(body[:1_000_000]).best()
    if match is not None and match.encoding and (text := _try(body, match.encoding)) is not None:
        return text, codecs.lookup(match.encoding).name
    return body.decode("utf-8", errors="replace"), "utf-8"


def decode_text(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a text body; return (text, codec used).

    Order: byte-order mark, the HTTP charset, the document's own ``<meta charset>`` /
    ``<meta http-equiv="Content-Type">`` / XML declaration, then detection (UTF-8, Japanese
    Shift_JIS/EUC-JP/ISO-2022-JP by kana frequency, charset-normalizer). A declaration that does not
    fit the bytes is skipped rather than trusted into mojibake.
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace"), codec
    candidates = _codecs_for(declared) + _codecs_for(_declared_in_document(body), in_document=True)
    for codec in dict.fromkeys(candidates):
        if (text := _try(body, codec)) is not None:
            return text, codec
    for codec in dict.fromkeys(candidates):
        if (text := _tolerant(body, codec)) is not None:
            return text, codec
    return _detect(body)


# --- sessions ------------------------------------------------------------------------------

_GUARDED: weakref.WeakSet[aiohttp.BaseConnector] = weakref.WeakSet()


def make_session(*, user_agent: str = DEFAULT_USER_AGENT, limit: int = 20) -> aiohttp.ClientSession:
    """A ClientSession whose connections can only reach addresses allowed by the current fetch's policy.

    Call from inside a running event loop; close it when done. Reuse it across fetches to pool connections.
    """
    import aiohttp

    connector = aiohttp.TCPConnector(
        resolver=netguard.GuardedResolver(), use_dns_cache=False, limit=limit, limit_per_host=4
    )
    _GUARDED.add(connector)
    return aiohttp.ClientSession(
        connector=connector,
        trust_env=False,  # no proxies from the environment: the connect target must be the checked address
        headers={"User-Agent": user_agent},
        max_line_size=16384,
        max_field_size=32768,
    )


# --- fetch ---------------------------------------------------------------------------------


def _human(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{max(1, round(n / 1000))} KB"


def _shown_host(host: str) -> str:
    """Host for messages: IDNA decoded (日本語.jp rather than xn--wgv71a119e.jp)."""
    try:
        return host.encode("ascii").decode("idna") if "xn--" in host else host
    except UnicodeError:
        return host


def _unreachable(host: str) -> UserError:
    """One message for every way a connection can fail before an HTTP answer (see ``fetch``)."""
    return UserError("fetch.unreachable", host=host)


def _hop_url(url: str, policy: GuardPolicy) -> tuple[str, str, int]:
    """Check one hop; return (normalized URL, host, port)."""
    normalized = netguard.check_shape(url)
    host, port = netguard.url_host_port(normalized)
    if (allow := policy.allow_for(host, port)) is not None:
        normalized = netguard.check_url(url, allow_private=allow)
    parsed = URL(normalized)  # what aiohttp will use must be the host we checked
    if (parsed.raw_host or "").lower() != host.lower() or parsed.port != port:
        raise netguard.BadURL("That URL's host could not be read unambiguously.")
    return normalized, host, port


async def fetch(
    request: FetchRequest, policy: FetchPolicy = PUBLIC, session: aiohttp.ClientSession | None = None
) -> FetchedPage:
    """GET ``request.url`` following redirects by hand, with the address rule on every hop and the policy's
    hard limits.

    Raises ``FetchError`` (see its ``code``). ``session`` must come from ``make_session()`` (None: one of
    its own for this fetch, closed after it).
    """
    import aiohttp

    if session is not None and session.connector not in _GUARDED:
        raise ValueError("fetch() needs a session created by make_session()")
    guard = GuardPolicy(
        allow=netguard.allowance(policy.allow_private), trusted=netguard.trusted_pairs(policy.trusted_hosts)
    )
    state = {"host": "", "url": request.url}
    own = session is None
    active = session or make_session(user_agent=policy.user_agent)
    try:
        with netguard.use_policy(guard):
            async with asyncio.timeout(policy.total_timeout):
                return await _follow(active, request, policy, guard, state)
    except FetchError:
        raise
    except BlockedURL as exc:
        raise FetchError(exc.code, exc.error, url=state["url"]) from exc
    except TimeoutError as exc:
        if state.get("answered"):  # headers came, the body did not: the site is slow, not unreachable
            msg = UserError("fetch.slow", seconds=f"{policy.total_timeout:g}")
            raise FetchError("timeout", msg, url=state["url"]) from exc
        raise FetchError("connection", _unreachable(state["host"]), url=state["url"]) from exc
    except (aiohttp.ClientConnectorDNSError, socket.gaierror) as exc:
        raise FetchError("connection", UserError("fetch.no_host", host=state["host"]), url=state["url"]) from exc
    except aiohttp.InvalidURL as exc:
        raise FetchError("bad_url", UserError("fetch.bad_url"), url=state["url"]) from exc
    except aiohttp.ClientPayloadError as exc:
        msg = UserError("fetch.broke_off", host=state["host"])
        raise FetchError("connection", msg, url=state["url"]) from exc
    except (aiohttp.ClientError, OSError) as exc:
        # Refused, timed out, TLS failure or a non-HTTP answer all read the same: telling them apart would
        # let anyone who can add a source map which ports of a host are open.
        raise FetchError("connection", _unreachable(state["host"]), url=state["url"]) from exc
    finally:
        if own:
            await active.close()


async def _follow(
    session: aiohttp.ClientSession,
    request: FetchRequest,
    policy: FetchPolicy,
    guard: GuardPolicy,
    state: dict[str, str],
) -> FetchedPage:
    requested = request.url.strip()
    current = requested
    headers = {
        "User-Agent": policy.user_agent,
        "Accept": ", ".join([*request.accept, "*/*;q=0.1"]),
        "Accept-Language": "ja,en;q=0.8",
    }
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    import aiohttp

    limit = policy.connect_timeout
    timeout = aiohttp.ClientTimeout(total=None, connect=limit, sock_connect=limit)
    for hop in range(policy.max_redirects + 1):
        state["url"], state["answered"] = current, ""
        current, host, port = _hop_url(current, guard)
        state["host"], state["url"] = _shown_host(host), current
        await guard.resolve(host, port)  # check (and pin) every address before connecting
        async with session.get(URL(current), headers=headers, allow_redirects=False, timeout=timeout) as resp:
            state["answered"] = "yes"
            status = resp.status
            if status in _REDIRECTS:
                location = resp.headers.get("Location")
                if not location:
                    raise FetchError("http_status", UserError("fetch.redirect_no_target", status=status), status=status)
                resp.release()  # the body is never read; the connection is kept only if it was complete
                if hop == policy.max_redirects:
                    msg = UserError("fetch.too_many_redirects", limit=policy.max_redirects)
                    raise FetchError("too_many_redirects", msg)
                current = urljoin(current, location.strip())
                continue
            conditional = bool(request.etag or request.last_modified)
            return await _finish(resp, requested, current, policy.max_bytes, request.accept, conditional=conditional)
    raise AssertionError("unreachable")


async def _finish(
    resp: aiohttp.ClientResponse,
    requested: str,
    url: str,
    max_bytes: int,
    accept: tuple[str, ...],
    *,
    conditional: bool,
) -> FetchedPage:
    """Status, type and size checks, then the capped streaming read."""
    status = resp.status
    mtype, params = media_type(resp.headers.get("Content-Type"))
    new_etag = resp.headers.get("ETag")
    new_lm = resp.headers.get("Last-Modified")
    if status == 304 and conditional:
        resp.close()
        return FetchedPage(url, requested, status, mtype, None, b"", None, new_etag, new_lm, not_modified=True)
    if not 200 <= status < 300:
        resp.close()
        reason = f" {resp.reason}" if resp.reason else ""
        raise FetchError("http_status", UserError("fetch.http_status", status=f"{status}{reason}"), status=status, url=url)
    untyped = mtype in _UNTYPED
    if not untyped and mtype not in accept:
        resp.close()
        raise FetchError("unsupported_type", UserError("fetch.content_type", type=mtype), url=url)
    if resp.content_length is not None and resp.content_length > max_bytes:
        resp.close()
        msg = UserError("fetch.file_too_large", size=_human(resp.content_length), limit=_human(max_bytes))
        raise FetchError("too_large", msg, url=url)

    buf = io.BytesIO()  # getvalue() hands over the buffer without a second copy
    size = 0
    async for chunk in resp.content.iter_chunked(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            resp.close()  # drop the connection: the rest is never read
            raise FetchError("too_large", UserError("fetch.page_too_large", limit=_human(max_bytes)), url=url)
        buf.write(chunk)
    body = buf.getvalue()
    del buf

    if untyped:
        sniffed = sniff_type(body[:4096])
        if sniffed is None or sniffed not in accept:
            shown = UserError("fetch.content_type", type=mtype) if mtype else UserError("fetch.content_type_none")
            raise FetchError("unsupported_type", shown, url=url)
        mtype = sniffed
    text: str | None = None
    charset: str | None = None
    if _is_text_type(mtype):
        text, charset = await asyncio.to_thread(decode_text, body, params.get("charset"))  # detection is Python work
    return FetchedPage(url, requested, status, mtype, charset, body, text, new_etag, new_lm)
