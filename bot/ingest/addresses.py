"""Which IP addresses the bot may connect to: an explicit table of refused networks, and the operator's allowlist.

The table does not rely on ``ipaddress``'s ``is_private`` / ``is_global`` flags, whose answers change between
Python releases (before 3.11.10 / 3.12.4, most of ``192.0.0.0/24`` counted as global: CVE-2024-4032). The
flags are still consulted after the table, so an address either source calls non-public is refused.

Addresses that wrap an IPv4 address (IPv4-mapped ``::ffff:a.b.c.d``, IPv4-compatible ``::a.b.c.d``, NAT64
``64:ff9b::/96``, 6to4 ``2002::/16``) are judged by the address they wrap, and refused anyway when their form
is not one a public news site uses. IPv6 outside global unicast (``2000::/3``) is refused.

``Allowlist`` is ``NEWSDESK_ALLOW_PRIVATE_FETCH``: networks (``10.1.2.0/24``, ``fd00:1::/64``, ``10.0.0.7``)
and host names (``intranet.example``; ``.corp.example`` for every name under it) the operator allows although
they are not public. Loopback, link-local and cloud-metadata addresses are *sensitive*: an entry opens them only
when it lies inside them (``127.0.0.1``, ``169.254.169.254``), never because it is wide (``0.0.0.0/0``) or is a
host name. Multicast, broadcast and unspecified addresses are never allowed.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "METADATA",
    "PRIVATE_RANGES",
    "REFUSED",
    "Allowlist",
    "IPAddress",
    "IPNetwork",
    "address_problem",
    "embedded_ipv4",
    "refusal",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_N = ipaddress.ip_network

# Cloud and host metadata endpoints: refused, and opened only by naming the address itself.
METADATA: dict[IPNetwork, str] = {
    _N("169.254.169.254/32"): "a cloud metadata address",  # AWS, GCP, Azure, OCI, DigitalOcean, OpenStack
    _N("169.254.170.2/32"): "a cloud metadata address",  # AWS ECS task metadata
    _N("169.254.169.123/32"): "a cloud metadata address",  # AWS time sync
    _N("169.254.169.253/32"): "a cloud metadata address",  # AWS DNS
    _N("100.100.100.200/32"): "a cloud metadata address",  # Alibaba Cloud
    _N("168.63.129.16/32"): "a cloud metadata address",  # Azure WireServer (a public address, reachable only inside)
    _N("fd00:ec2::254/128"): "a cloud metadata address",  # AWS IMDS over IPv6
    _N("fd00:ec2::23/128"): "a cloud metadata address",  # AWS time sync over IPv6
}

# Sensitive classes: an allowlist entry opens them only if the entry lies inside them.
_SENSITIVE: tuple[IPNetwork, ...] = (
    _N("127.0.0.0/8"),
    _N("169.254.0.0/16"),
    _N("::1/128"),
    _N("fe80::/10"),
    *METADATA,
)

# Never allowed, whatever the allowlist says: no HTTP server lives there.
_NEVER: tuple[IPNetwork, ...] = (
    _N("0.0.0.0/8"),
    _N("224.0.0.0/4"),
    _N("255.255.255.255/32"),
    _N("::/128"),
    _N("ff00::/8"),
)

# Every network that is not publicly routable, with the reason shown to the user. Order matters only for the
# reason given: the first (most specific) match names the address.
REFUSED: dict[IPNetwork, str] = {
    **METADATA,
    # IPv4
    _N("0.0.0.0/8"): "an unspecified address",
    _N("10.0.0.0/8"): "a private address",
    _N("100.64.0.0/10"): "a shared (carrier-grade NAT) address",
    _N("127.0.0.0/8"): "a loopback address",
    _N("169.254.0.0/16"): "a link-local address",
    _N("172.16.0.0/12"): "a private address",
    _N("192.0.0.0/24"): "a special-purpose (IETF protocol) address",
    _N("192.0.2.0/24"): "a private address (documentation range)",
    _N("192.31.196.0/24"): "a special-purpose (AS112) address",
    _N("192.52.193.0/24"): "a special-purpose (AMT) address",
    _N("192.88.99.0/24"): "a special-purpose (6to4 relay) address",
    _N("192.168.0.0/16"): "a private address",
    _N("192.175.48.0/24"): "a special-purpose (AS112) address",
    _N("198.18.0.0/15"): "a private address (benchmarking range)",
    _N("198.51.100.0/24"): "a private address (documentation range)",
    _N("203.0.113.0/24"): "a private address (documentation range)",
    _N("224.0.0.0/4"): "a multicast address",
    _N("255.255.255.255/32"): "a reserved address (broadcast)",
    _N("240.0.0.0/4"): "a reserved address",
    # IPv6
    _N("::/128"): "an unspecified address",
    _N("::1/128"): "a loopback address",
    _N("100::/64"): "a special-purpose (discard) address",
    _N("64:ff9b:1::/48"): "a private address (local NAT64)",
    _N("2001::/32"): "a Teredo tunnel address",
    _N("2001:db8::/32"): "a private address (documentation range)",
    _N("2001::/23"): "a special-purpose (IETF protocol) address",
    _N("3fff::/20"): "a private address (documentation range)",
    _N("5f00::/16"): "a special-purpose (segment routing) address",
    _N("fc00::/7"): "a private address",
    _N("fe80::/10"): "a link-local address",
    _N("fec0::/10"): "a site-local address",
    _N("ff00::/8"): "a multicast address",
}

# What NEWSDESK_ALLOW_PRIVATE_FETCH=true used to open, minus loopback, link-local and metadata.
PRIVATE_RANGES: tuple[IPNetwork, ...] = (
    _N("10.0.0.0/8"),
    _N("172.16.0.0/12"),
    _N("192.168.0.0/16"),
    _N("100.64.0.0/10"),
    _N("fc00::/7"),
)

_MAPPED = _N("::ffff:0:0/96")  # IPv4-mapped
_COMPAT = _N("::/96")  # IPv4-compatible (deprecated)
_NAT64 = _N("64:ff9b::/96")  # well-known NAT64 prefix, RFC 6052
_SIXTOFOUR = _N("2002::/16")
_GLOBAL_UNICAST = _N("2000::/3")


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), else None."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    value = int(ip)
    if ip in _MAPPED or ip in _NAT64 or (ip in _COMPAT and value > 1):
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if ip in _SIXTOFOUR:
        return ipaddress.IPv4Address((value >> 80) & 0xFFFFFFFF)
    return None


def _table(ip: IPAddress) -> str | None:
    for net, reason in REFUSED.items():
        if ip.version == net.version and ip in net:
            return reason
    return None


def _flags(ip: IPAddress) -> str | None:
    """The interpreter's own opinion, as a second line of defence (never the only one)."""
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "a non-public address"
    return None


def refusal(ip: IPAddress) -> tuple[IPAddress, str] | None:
    """(the address judged, why it is refused) or None when ``ip`` is public.

    For an IPv6 form wrapping IPv4, the judged address is the IPv4 one when that is what is refused.
    """
    inner = embedded_ipv4(ip)
    if inner is not None:
        if problem := refusal(inner):
            return problem
        if ip in _SIXTOFOUR:
            return ip, "a 6to4 tunnel address"
        if ip in _COMPAT:
            return ip, "a deprecated IPv4-compatible address"
        return None  # ::ffff:8.8.8.8, 64:ff9b::808:808 reach the public IPv4 address
    if isinstance(ip, ipaddress.IPv6Address) and ip not in _GLOBAL_UNICAST:
        return ip, _table(ip) or "a reserved address"
    reason = _table(ip) or _flags(ip)
    return (ip, reason) if reason else None


def address_problem(ip: IPAddress) -> str | None:
    """Why this address may not be fetched (e.g. 'a private address'), or None when it is public."""
    found = refusal(ip)
    return found[1] if found else None


def _parse_network(entry: str) -> IPNetwork | None:
    text = entry.strip().strip("[]")
    if "/" in entry:
        addr, _, bits = entry.strip().partition("/")
        text = f"{addr.strip('[]')}/{bits}"
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        return None


_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-._")


class BadEntry(ValueError):
    """An allow-list entry that is neither a network nor a host name."""

    def __init__(self, entry: str) -> None:
        super().__init__(f"not a network or host name: {entry!r}")
        self.entry = entry


@dataclass(frozen=True, slots=True)
class Allowlist:
    """Non-public networks and host names the operator allows fetching from (``NEWSDESK_ALLOW_PRIVATE_FETCH``).

    Empty (the default) allows nothing. See the module docstring for what an entry can and cannot open.
    """

    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()  # exact names; a leading "." means every name under it

    def __bool__(self) -> bool:
        return bool(self.networks or self.hosts)

    def __str__(self) -> str:
        return ",".join([*(str(n) for n in self.networks), *sorted(self.hosts)]) or "(none)"

    @classmethod
    def parse(cls, text: str | None) -> Allowlist:
        """Parse ``"10.1.2.0/24, intranet.example, .corp.example"``; raise ValueError naming a bad entry.

        ``true``/``yes``/``on``/``1`` (the old switch) mean the private ranges of ``PRIVATE_RANGES``: RFC 1918,
        carrier-grade NAT and unique-local IPv6, never loopback, link-local or metadata. ``false``/``0``/empty:
        nothing.
        """
        value = (text or "").strip()
        if value.lower() in {"", "false", "no", "off", "0", "none"}:
            return cls()
        if value.lower() in {"true", "yes", "on", "1"}:
            return cls(networks=PRIVATE_RANGES)
        return cls.of(part for part in value.replace(";", ",").replace(" ", ",").split(",") if part.strip())

    @classmethod
    def of(cls, entries: Iterable[str]) -> Allowlist:
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        for raw in entries:
            entry = raw.strip()
            if not entry:
                continue
            net = _parse_network(entry)
            if net is not None:
                networks.append(net)
                continue
            host = entry.lower().removeprefix("*").rstrip(".")
            if not host.isascii():
                try:
                    host = ".".join(p.encode("idna").decode("ascii") if p else "" for p in host.split("."))
                except UnicodeError:
                    raise BadEntry(entry) from None
            if not host.strip(".") or not set(host) <= _HOST_CHARS or ".." in host:
                raise BadEntry(entry)
            hosts.add(host)
        return cls(networks=tuple(dict.fromkeys(networks)), hosts=frozenset(hosts))

    def allows_host(self, host: str) -> bool:
        """True when the host name is listed (exactly, or under a ``.suffix`` entry)."""
        h = host.lower().rstrip(".")
        return h in self.hosts or any(e.startswith(".") and (h.endswith(e) or h == e[1:]) for e in self.hosts)

    def allows_address(self, ip: IPAddress, *, host_listed: bool = False) -> bool:
        """True when a refused address is opened by an entry (or by a listed host name, for plain private ones)."""
        if any(ip.version == n.version and ip in n for n in _NEVER):
            return False
        sensitive = [n for n in _SENSITIVE if n.version == ip.version and ip in n]
        for net in self.networks:
            if net.version != ip.version or ip not in net:
                continue
            if all(net.subnet_of(s) for s in sensitive):  # type: ignore[arg-type]  # same version checked
                return True
        return host_listed and not sensitive
