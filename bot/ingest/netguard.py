"""Address rules for outgoing fetches: which URLs and hosts the bot may connect to.

The bot fetches URLs that Discord users type in, so every hop must be checked against
server-side request forgery: no loopback, private, link-local (cloud metadata at
169.254.169.254), multicast, reserved or unspecified addresses, in any spelling. Which addresses
those are is decided by ``bot.ingest.addresses`` (an explicit table, not the interpreter's flags).

* ``check_url`` is pure: scheme, host, and the address rule for hosts that are IP literals,
  including the legacy IPv4 spellings ``2130706433``, ``0177.0.0.1``, ``0x7f.1`` and ``127.1``
  (they are rewritten to dotted quads in the returned URL, so nothing downstream re-parses them).
* ``resolve_and_check`` resolves a host name and refuses if ANY address is not public.
* ``GuardedResolver`` is an aiohttp resolver that enforces the same rule at connect time and
  returns exactly the addresses it checked, so a DNS answer that changes between the check and
  the connect (DNS rebinding) cannot slip through.

``allow_private`` takes an ``Allowlist`` (``NEWSDESK_ALLOW_PRIVATE_FETCH``): the non-public networks and
host names an operator allows for intranet sources. ``True`` stands for the private ranges only; no value
opens loopback, link-local or metadata addresses unless the allowlist names them. ``check_shape`` checks
scheme and shape without any address rule, for callers that check addresses later themselves.
"""

from __future__ import annotations

import asyncio
import contextvars
import ipaddress
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from bot.ingest.addresses import PRIVATE_RANGES, Allowlist, IPAddress, address_problem, refusal
from bot.user_errors import UserError, address_kind

if TYPE_CHECKING:
    from aiohttp.abc import ResolveResult

__all__ = [
    "ALLOWED_SCHEMES",
    "Allowlist",
    "BadURL",
    "BlockedURL",
    "GuardPolicy",
    "GuardedResolver",
    "address_problem",
    "allowance",
    "check_shape",
    "check_url",
    "host_problem",
    "parse_ip",
    "parse_ipv4_loose",
    "resolve_and_check",
    "trusted_pairs",
    "url_host_port",
    "use_policy",
]

ALLOWED_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


class BlockedURL(Exception):
    """The URL or address is not allowed; ``reason`` is a sentence a Discord user can read."""

    code = "blocked"

    def __init__(self, reason: UserError) -> None:
        super().__init__(str(reason))
        self.error = reason
        self.reason = str(reason)


class BadURL(BlockedURL):
    """The URL is malformed or uses a scheme other than http/https."""

    code = "bad_url"


# --- IP spellings ------------------------------------------------------------------------


def _parse_ipv4_part(part: str) -> int | None:
    """One component of an inet_aton-style address: decimal, 0-prefixed octal or 0x-hex."""
    if not part:
        return None
    try:
        if part[:2].lower() == "0x":
            return int(part[2:], 16) if part[2:] else 0
        if len(part) > 1 and part[0] == "0":
            return int(part[1:], 8)
        if part.isascii() and part.isdigit():
            return int(part, 10)
    except ValueError:
        return None
    return None


def parse_ipv4_loose(host: str) -> ipaddress.IPv4Address | None:
    """Parse an IPv4 address the way ``inet_aton`` (and so most resolvers) would.

    Accepts ``a.b.c.d``, ``a.b.c`` (c is 16 bits), ``a.b`` (b is 24 bits) and ``a`` (32 bits), each part
    decimal, octal (leading 0) or hex (0x). Returns None for anything that is not such a spelling.
    """
    if host.endswith("."):  # "127.0.0.1." is still 127.0.0.1 to a browser
        host = host[:-1]
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values = [_parse_ipv4_part(p) for p in parts]
    if any(v is None for v in values):
        return None
    nums: list[int] = [v for v in values if v is not None]
    *head, last = nums
    if any(v > 255 for v in head) or last >= 256 ** (5 - len(nums)):
        return None
    value = 0
    for v in head:
        value = value * 256 + v
    value = value * 256 ** (5 - len(nums)) + last
    return ipaddress.IPv4Address(value)


def parse_ip(host: str) -> IPAddress | None:
    """The IP address a host string denotes (IPv6 with or without brackets, any IPv4 spelling), else None."""
    h = host.strip()
    if h.startswith("[") and h.endswith("]"):
        h = h[1:-1]
    if ":" in h:
        try:
            return ipaddress.IPv6Address(h)
        except ValueError:
            return None
    return parse_ipv4_loose(h)


# --- the rule ----------------------------------------------------------------------------


def allowance(value: bool | Allowlist | None) -> Allowlist:
    """The allowlist a caller's ``allow_private`` stands for: ``True`` is the private ranges, never loopback/metadata."""
    if isinstance(value, Allowlist):
        return value
    return Allowlist(networks=PRIVATE_RANGES) if value else Allowlist()


def host_problem(host: str) -> str | None:
    """Why this host name may not be fetched (``localhost``, ``*.localhost``), or None."""
    h = host.lower().rstrip(".")
    if h in _LOCAL_NAMES or h.endswith(".localhost"):
        return "a local host name"  # the English words of the locale key address.local_host_name
    return None


def _check_ip(ip: IPAddress, shown: str, allow: Allowlist, *, host_listed: bool = False) -> None:
    found = refusal(ip)
    if found is not None and not allow.allows_address(found[0], host_listed=host_listed):
        raise BlockedURL(UserError("url.blocked", host=shown, kind=address_kind(found[1])))


def _normalize_host(raw: str) -> str:
    """Lower-case, IDNA-encode, rewrite IP literals canonically (IPv6 without brackets)."""
    ip = parse_ip(raw)
    if ip is not None:
        return str(ip)
    if ":" in raw or raw.startswith("["):
        raise BadURL(UserError("url.invalid_host", host=raw))
    host = raw.lower()
    if host.endswith(".."):
        host = host.rstrip(".") + "."
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise BadURL(UserError("url.invalid_host_name", host=raw)) from exc
    if not host.strip(".") or any(c in host for c in " /\\@#?%"):
        raise BadURL(UserError("url.invalid_host_name", host=raw))
    return host


def check_url(url: str, *, allow_private: bool | Allowlist) -> str:
    """Validate scheme and host of ``url``; return it normalized (no fragment, canonical host).

    Raises ``BadURL`` for a malformed URL or a scheme other than http/https, and ``BlockedURL`` when the
    host is an IP literal that is not public or a local name — unless ``allow_private`` (an ``Allowlist``;
    ``True`` means ``PRIVATE_RANGES``) opens it. Host names are not resolved here; ``resolve_and_check`` does.
    """
    return _check(url, allowance(allow_private))


def check_shape(url: str) -> str:
    """``check_url`` without any address rule: scheme and shape only, the URL normalized.

    For code that checks addresses later itself (``fetch`` on every hop) or only needs the host and port.
    """
    return _check(url, None)


def _check(url: str, allow: Allowlist | None) -> str:
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadURL(UserError("url.invalid", url=url[:200])) from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise BadURL(UserError("url.scheme_refused", scheme=f"{scheme}:") if scheme else UserError("url.no_scheme"))
    if "@" in parts.netloc:
        raise BadURL(UserError("url.credentials"))
    if "\\" in parts.netloc:
        raise BadURL(UserError("url.invalid_host_plain"))
    raw_host = parts.netloc
    if raw_host.startswith("["):
        raw_host = raw_host[: raw_host.find("]") + 1]
    else:
        raw_host = raw_host.rpartition(":")[0] if ":" in raw_host else raw_host
    if not raw_host:
        raise BadURL(UserError("url.no_host"))
    host = _normalize_host(raw_host)
    if allow is not None:
        ip = parse_ip(host)
        if ip is not None:
            _check_ip(ip, str(ip), allow)
        elif (problem := host_problem(host)) and not allow.allows_host(host):
            raise BlockedURL(UserError("url.blocked", host=host.rstrip("."), kind=address_kind(problem)))
    shown_host = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        shown_host = f"{shown_host}:{port}"
    return urlunsplit((scheme, shown_host, parts.path or "/", parts.query, ""))


def url_host_port(url: str) -> tuple[str, int]:
    """Host (canonical, IPv6 without brackets) and port of a URL that passed ``check_url``."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return host, parts.port or _DEFAULT_PORTS.get(parts.scheme.lower(), 80)


async def _getaddrinfo(host: str, port: int) -> list[tuple[int, int, str, int]]:
    """(family, proto, address, port) for each distinct address of ``host``."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: set[str] = set()
    out: list[tuple[int, int, str, int]] = []
    for family, _type, proto, _canon, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        addr = str(sockaddr[0]).split("%", 1)[0]
        if addr in seen:
            continue
        seen.add(addr)
        out.append((int(family), proto, addr, int(sockaddr[1])))
    return out


async def _resolve(host: str, port: int, allow: Allowlist | None) -> list[tuple[int, int, str, int]]:
    """Resolve and check; ``allow`` None means exempt (a trusted endpoint of the tests)."""
    ip = parse_ip(host)
    if ip is not None:
        if allow is not None:
            _check_ip(ip, str(ip), allow)
        family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
        return [(int(family), 0, str(ip), port)]
    shown = host.rstrip(".")
    listed = allow is not None and allow.allows_host(host)
    if allow is not None and not listed and (problem := host_problem(host)):
        raise BlockedURL(UserError("url.blocked", host=shown, kind=address_kind(problem)))
    infos = await _getaddrinfo(host, port)
    if not infos:
        raise socket.gaierror(socket.EAI_NONAME, f"{shown} has no IPv4 or IPv6 address")
    if allow is not None:
        for _family, _proto, addr, _port in infos:
            found = refusal(ipaddress.ip_address(addr))
            if found is not None and not allow.allows_address(found[0], host_listed=listed):
                raise BlockedURL(UserError("url.resolves_blocked", host=shown, address=addr, kind=address_kind(found[1])))
    return infos


async def resolve_and_check(host: str, port: int, *, allow_private: bool | Allowlist) -> list[str]:
    """Resolve ``host`` and return its addresses; raise ``BlockedURL`` if ANY of them is refused.

    IP literals (any spelling) are checked without DNS. Resolution failures raise ``socket.gaierror``.
    """
    return [addr for _f, _p, addr, _port in await _resolve(host, port, allowance(allow_private))]


# --- connect-time enforcement for aiohttp --------------------------------------------------


@dataclass
class GuardPolicy:
    """The rule for the fetch running in the current context.

    ``allow`` is the operator's allowlist of non-public networks and hosts; ``trusted`` holds ``(host, port)``
    pairs (as they appear in the URL) exempt from the address rule (the tests' own server); ``pinned`` maps
    ``(host, port)`` to the resolved records already checked for this fetch.
    """

    allow: Allowlist = field(default_factory=Allowlist)
    trusted: frozenset[tuple[str, int]] = frozenset()
    pinned: dict[tuple[str, int], list[tuple[int, int, str, int]]] = field(default_factory=dict)

    def is_trusted(self, host: str, port: int) -> bool:
        return (host.lower(), port) in self.trusted

    def allow_for(self, host: str, port: int) -> Allowlist | None:
        """The allowlist that applies to this endpoint; None when it is a trusted endpoint (no address rule)."""
        return None if self.is_trusted(host, port) else self.allow

    async def resolve(self, host: str, port: int) -> list[tuple[int, int, str, int]]:
        """Resolve and check once; later calls for the same host:port return the same checked records."""
        key = (host.lower(), port)
        if key not in self.pinned:
            self.pinned[key] = await _resolve(host, port, self.allow_for(host, port))
        return self.pinned[key]


_POLICY: contextvars.ContextVar[GuardPolicy | None] = contextvars.ContextVar("netguard_policy", default=None)


@contextmanager
def use_policy(policy: GuardPolicy) -> Iterator[GuardPolicy]:
    """Install ``policy`` for ``GuardedResolver`` calls made in this context (task)."""
    token = _POLICY.set(policy)
    try:
        yield policy
    finally:
        _POLICY.reset(token)


class GuardedResolver:
    """aiohttp resolver that only ever returns addresses that passed the rule.

    Inside ``fetch`` it uses the current ``GuardPolicy`` (and its pinned, already-checked addresses);
    outside any policy it applies the strict rule. ``BlockedURL`` propagates out of the aiohttp request.

    aiohttp's ``AbstractResolver`` interface (``resolve`` giving ``ResolveResult`` dicts, ``close``) without its
    base class, which aiohttp never checks: the rules then import no aiohttp, and neither does every
    ``python -m bot`` command, bulk worker and console that imports them (~0.3 s of CPU each; only a fetch
    imports it, bot/ingest/fetch.py). tests/test_netguard.py holds it to the abstract class's methods.
    """

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_UNSPEC) -> list[ResolveResult]:
        policy = _POLICY.get() or GuardPolicy()
        records = await policy.resolve(host, port)
        results: list[ResolveResult] = []
        for fam, proto, addr, rport in records:
            if family not in (socket.AF_UNSPEC, 0) and fam != family:
                continue
            results.append(
                {
                    "hostname": host,
                    "host": addr,
                    "port": rport,
                    "family": fam,
                    "proto": proto,
                    "flags": socket.AI_NUMERICHOST | socket.AI_NUMERICSERV,
                }
            )
        if not results:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} has no address of the requested family")
        return results

    async def close(self) -> None:
        return None


def trusted_pairs(entries: Iterable[str]) -> frozenset[tuple[str, int]]:
    """Parse ``"host:port"`` strings (``"[::1]:8080"`` for IPv6) into normalized ``(host, port)`` pairs."""
    out: set[tuple[str, int]] = set()
    for entry in entries:
        if urlsplit(f"http://{entry}").port is None:
            raise ValueError(f"trusted host needs an explicit port: {entry!r}")
        out.add(url_host_port(check_shape(f"http://{entry}")))
    return frozenset(out)
