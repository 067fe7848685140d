"""Address rules: every spelling of a non-public address is refused; public ones pass."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import pytest

from bot.ingest import netguard
from bot.ingest.netguard import (
    Allowlist,
    BadURL,
    BlockedURL,
    GuardedResolver,
    GuardPolicy,
    address_problem,
    check_shape,
    check_url,
    parse_ip,
    resolve_and_check,
    use_policy,
)

LOOPBACK_SPELLINGS = [
    "http://127.0.0.1/",
    "http://2130706433/",  # decimal
    "http://0177.0.0.1/",  # octal
    "http://0x7f.1/",  # hex + short form
    "http://0x7f000001/",  # hex, one part
    "http://017700000001/",  # octal, one part
    "http://127.1/",  # short form
    "http://127.0.1/",  # three parts
    "http://127.0.0.1./",  # trailing dot
    "http://0x7F.0.0.1:8080/path",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]:80/",
]

BLOCKED = {
    "http://10.0.0.5/": "10.0.0.5 is a private address",
    "http://172.16.3.4/": "private",
    "http://192.168.1.1/": "private",
    "http://169.254.169.254/latest/meta-data/": "169.254.169.254 is a cloud metadata address",
    "http://0251.0376.0251.0376/": "169.254.169.254 is a cloud metadata",  # metadata address in octal
    "http://169.254.1.1/": "169.254.1.1 is a link-local address",
    "http://192.0.0.192/latest/": "192.0.0.192 is a special-purpose",  # CVE-2024-4032: "global" before 3.11.10
    "http://198.18.0.1/": "benchmarking",
    "http://[fd00:ec2::254]/": "cloud metadata",
    "http://100.64.0.1/": "shared",
    "http://100.127.255.254/": "shared",
    "http://0.0.0.0/": "unspecified",
    "http://0/": "unspecified",
    "http://224.0.0.1/": "multicast",
    "http://239.255.255.250:1900/": "multicast",
    "http://240.0.0.1/": "reserved",
    "http://255.255.255.255/": "reserved",  # broadcast
    "http://192.0.2.10/": "documentation",
    "http://[::]/": "unspecified",
    "http://[fe80::1]/": "link-local",
    "http://[fc00::1]/": "private",
    "http://[fd12:3456::1]/": "private",
    "http://[fec0::1]/": "site-local",
    "http://[ff02::1]/": "multicast",
    "http://[::ffff:10.0.0.1]/": "private",
    "http://[::ffff:169.254.169.254]/": "cloud metadata",
    "http://[2002:7f00:1::1]/": "loopback",  # 6to4 wrapping 127.0.0.1
    "http://[2002:a00:1::1]/": "private",  # 6to4 wrapping 10.0.0.1
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/": "Teredo",
    "http://[2002:808:808::1]/": "6to4",  # 6to4 is deprecated: no news site is reached that way
    "http://[::8.8.8.8]/": "IPv4-compatible",
    "http://[64:ff9b::c000:c0]/": "special-purpose",  # NAT64 wrapping 192.0.0.192
    "http://[100::1]/": "discard",
    "http://[2001:db8::1]/": "documentation",
    "http://[4000::1]/": "reserved",  # outside global unicast
    "http://[64:ff9b::a00:1]/": "private",  # NAT64 wrapping 10.0.0.1
    "http://localhost/": "local host name",
    "http://LOCALHOST:8000/": "local host name",
    "http://localhost./": "local host name",
    "http://api.localhost/": "local host name",
    "http://foo.bar.localhost./": "local host name",
}

PUBLIC = {
    "http://93.184.216.34/": "http://93.184.216.34/",
    "https://www3.nhk.or.jp/news/html/20250301/k1001.html#top": "https://www3.nhk.or.jp/news/html/20250301/k1001.html",
    "HTTPS://Example.COM:443/a?b=1": "https://example.com/a?b=1",
    "http://example.com:8080": "http://example.com:8080/",
    "http://1249763362/": "http://74.125.224.34/",  # decimal spelling of a public address is normalized
    "http://[2606:4700:4700::1111]/": "http://[2606:4700:4700::1111]/",
    "http://[::ffff:8.8.8.8]/": "http://[::ffff:808:808]/",
    "http://[64:ff9b::808:808]/": "http://[64:ff9b::808:808]/",
    "http://日本語.jp/記事": "http://xn--wgv71a119e.jp/記事",
}


@pytest.mark.parametrize("url", LOOPBACK_SPELLINGS)
def test_loopback_spellings_refused(url: str) -> None:
    with pytest.raises(BlockedURL) as info:
        check_url(url, allow_private=False)
    assert "loopback" in info.value.reason
    assert info.value.code == "blocked"
    assert info.value.reason.startswith("Refused: ")


@pytest.mark.parametrize(("url", "fragment"), BLOCKED.items())
def test_non_public_refused(url: str, fragment: str) -> None:
    with pytest.raises(BlockedURL) as info:
        check_url(url, allow_private=False)
    assert fragment in info.value.reason
    assert not isinstance(info.value, BadURL)


def test_message_is_readable() -> None:
    with pytest.raises(BlockedURL) as info:
        check_url("http://10.0.0.5/admin", allow_private=False)
    assert info.value.reason == "Refused: 10.0.0.5 is a private address."


@pytest.mark.parametrize(("url", "expected"), PUBLIC.items())
def test_public_passes_and_is_normalized(url: str, expected: str) -> None:
    assert check_url(url, allow_private=False) == expected


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:25/",
        "javascript:alert(1)",
        "data:text/html,hi",
        "//example.com/",
        "example.com",
        "http://",
        "http:///path",
        "http://user:pw@example.com/",
        "http://example.com@127.0.0.1/",
        "http://[not-an-ip]/",
        "http://exa mple.com/",
        "http://example.com:99999/",
        "",
    ],
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(BadURL) as info:
        check_shape(url)  # the scheme/shape rule stays even without an address rule
    assert info.value.code == "bad_url"


def test_check_shape_has_no_address_rule() -> None:
    assert check_shape("http://2130706433:8080/x") == "http://127.0.0.1:8080/x"
    assert check_shape("http://localhost/") == "http://localhost/"
    assert check_shape("http://[::1]/") == "http://[::1]/"
    with pytest.raises(BadURL):
        check_shape("file:///etc/passwd")


def test_allow_private_true_is_not_a_blanket_switch() -> None:
    """True (the old NEWSDESK_ALLOW_PRIVATE_FETCH=true) opens the private ranges, never loopback or metadata."""
    assert check_url("http://10.0.0.5/", allow_private=True) == "http://10.0.0.5/"
    assert check_url("http://[fd12::1]/", allow_private=True) == "http://[fd12::1]/"
    for url in ("http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/", "http://localhost/",
                "http://[fd00:ec2::254]/", "http://169.254.1.1/"):  # fmt: skip
        with pytest.raises(BlockedURL):
            check_url(url, allow_private=True)


def test_parse_ip_spellings() -> None:
    v4 = ipaddress.IPv4Address
    assert parse_ip("2130706433") == v4("127.0.0.1")
    assert parse_ip("0177.0.0.1") == v4("127.0.0.1")
    assert parse_ip("0x7f.1") == v4("127.0.0.1")
    assert parse_ip("127.1") == v4("127.0.0.1")
    assert parse_ip("10.1.2") == v4("10.1.0.2")
    assert parse_ip("[::1]") == ipaddress.IPv6Address("::1")
    for name in ("example.com", "256.1.1.1", "1.2.3.4.5", "08.0.0.1", "0x", "1..2", "127.0.0.1.x", "١٢٧.0.0.1"):
        assert parse_ip(name) is None or name == "0x", name


def test_address_problem_public() -> None:
    for addr in ("8.8.8.8", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "192.0.1.1"):
        assert address_problem(ipaddress.ip_address(addr)) is None, addr


# --- resolution ----------------------------------------------------------------------------


def fake_dns(monkeypatch: pytest.MonkeyPatch, table: dict[str, list[str]]) -> list[str]:
    """Replace the running loop's getaddrinfo with a table; returns the list of names looked up."""
    loop = asyncio.get_running_loop()
    calls: list[str] = []

    async def getaddrinfo(host: str, port: int, **_: object) -> list[tuple]:
        calls.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        out = []
        for addr in table[host]:
            if ":" in addr:
                out.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (addr, port, 0, 0)))
            else:
                out.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (addr, port)))
        return out

    monkeypatch.setattr(loop, "getaddrinfo", getaddrinfo)
    return calls


async def test_resolve_public(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {"news.example": ["93.184.216.34", "2606:2800:220:1::1"]})
    assert await resolve_and_check("news.example", 443, allow_private=False) == [
        "93.184.216.34",
        "2606:2800:220:1::1",
    ]


async def test_resolve_refuses_when_any_address_private(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {"mixed.example": ["93.184.216.34", "10.0.0.7"], "v6.example": ["::ffff:127.0.0.1"]})
    with pytest.raises(BlockedURL) as info:
        await resolve_and_check("mixed.example", 80, allow_private=False)
    assert info.value.reason == "Refused: mixed.example resolves to 10.0.0.7, which is a private address."
    with pytest.raises(BlockedURL, match="loopback"):
        await resolve_and_check("v6.example", 80, allow_private=False)
    assert await resolve_and_check("mixed.example", 80, allow_private=True) == ["93.184.216.34", "10.0.0.7"]
    with pytest.raises(BlockedURL, match="loopback"):
        await resolve_and_check("v6.example", 80, allow_private=True)


async def test_resolve_with_an_allowlist(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(
        monkeypatch,
        {
            "intranet.example": ["10.9.0.4"],
            "wiki.corp.example": ["fd00:1::8"],
            "rebound.intranet.example": ["169.254.169.254"],
            "loop.intranet.example": ["127.0.0.1"],
            "mirror.example": ["10.1.2.3"],
            "other.example": ["10.1.3.3"],
        },
    )
    allow = Allowlist.parse("10.1.2.0/24,intranet.example,.corp.example,.intranet.example")
    assert await resolve_and_check("intranet.example", 80, allow_private=allow) == ["10.9.0.4"]
    assert await resolve_and_check("wiki.corp.example", 80, allow_private=allow) == ["fd00:1::8"]
    assert await resolve_and_check("mirror.example", 80, allow_private=allow) == ["10.1.2.3"]  # by network
    with pytest.raises(BlockedURL, match="cloud metadata"):  # a listed name never opens metadata
        await resolve_and_check("rebound.intranet.example", 80, allow_private=allow)
    with pytest.raises(BlockedURL, match="loopback"):
        await resolve_and_check("loop.intranet.example", 80, allow_private=allow)
    with pytest.raises(BlockedURL, match="private"):
        await resolve_and_check("other.example", 80, allow_private=allow)


async def test_resolve_literals_and_local_names_without_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fake_dns(monkeypatch, {})
    with pytest.raises(BlockedURL, match="loopback"):
        await resolve_and_check("0x7f.1", 80, allow_private=False)
    with pytest.raises(BlockedURL, match="local host name"):
        await resolve_and_check("localhost", 80, allow_private=False)
    with pytest.raises(BlockedURL, match="link-local"):
        await resolve_and_check("[fe80::1]", 80, allow_private=False)
    assert await resolve_and_check("8.8.8.8", 53, allow_private=False) == ["8.8.8.8"]
    assert calls == []
    with pytest.raises(socket.gaierror):
        await resolve_and_check("nxdomain.example", 80, allow_private=False)


async def test_guarded_resolver_pins_checked_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second DNS answer (rebinding to 127.0.0.1) is never used: the resolver returns what was checked."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    loop = asyncio.get_running_loop()

    async def rebinding(host: str, port: int, **_: object) -> list[tuple]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (addr, port)) for addr in next(answers)]

    monkeypatch.setattr(loop, "getaddrinfo", rebinding)
    policy = GuardPolicy()
    with use_policy(policy):
        await policy.resolve("rebind.example", 80)  # what fetch does before connecting
        results = await GuardedResolver().resolve("rebind.example", 80)  # what aiohttp does when connecting
    assert [r["host"] for r in results] == ["93.184.216.34"]
    with pytest.raises(BlockedURL, match=r"127\.0\.0\.1"):  # unpinned, the rebound answer would be refused
        await GuardedResolver().resolve("rebind.example", 80)


async def test_guarded_resolver_answers_as_aiohttps_resolver_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    """GuardedResolver keeps aiohttp's AbstractResolver interface without its base class (so that the rules
    import no aiohttp): every abstract method, and each answer a ResolveResult with exactly its keys."""
    import inspect
    import typing

    from aiohttp.abc import AbstractResolver, ResolveResult

    for name in AbstractResolver.__abstractmethods__:
        ours, theirs = getattr(GuardedResolver, name, None), getattr(AbstractResolver, name)
        assert ours is not None and inspect.iscoroutinefunction(ours), name
        assert list(inspect.signature(ours).parameters) == list(inspect.signature(theirs).parameters), name
    fake_dns(monkeypatch, {"public.example": ["93.184.216.34"]})
    (result,) = await GuardedResolver().resolve("public.example", 80, socket.AF_INET)
    hints = typing.get_type_hints(ResolveResult)
    assert set(result) == set(hints)
    assert result["hostname"] == "public.example" and result["host"] == "93.184.216.34" and result["port"] == 80
    assert result["family"] == socket.AF_INET and result["flags"] == socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
    assert await GuardedResolver().close() is None


async def test_guarded_resolver_without_policy_is_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {"internal.example": ["192.168.0.10"]})
    with pytest.raises(BlockedURL, match=r"192\.168\.0\.10"):
        await GuardedResolver().resolve("internal.example", 80)


async def test_trusted_pairs_exempt_only_that_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    policy = GuardPolicy(trusted=netguard.trusted_pairs(["127.0.0.1:8080"]))
    assert policy.allow_for("127.0.0.1", 8080) is None  # exempt
    assert policy.allow_for("127.0.0.1", 8081) == Allowlist()
    assert policy.allow_for("10.0.0.1", 8080) == Allowlist()
    with pytest.raises(ValueError):
        netguard.trusted_pairs(["127.0.0.1"])  # a port is required
