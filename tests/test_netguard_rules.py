"""The address rule's exact answers: the sentence each refusal shows, the boundaries of the legacy IPv4
spellings, and what the resolver hands aiohttp (family, address, scope removed, duplicates dropped).

A refusal's wording is what an admin reads in Discord, so it is checked word for word."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import pytest

from bot.ingest import netguard
from bot.ingest.addresses import Allowlist
from bot.ingest.netguard import BadURL, BlockedURL, GuardPolicy, address_problem, check_url, parse_ip, parse_ipv4_loose


@pytest.mark.parametrize(
    ("url", "kind", "message"),
    [
        ("ftp://example.com/", BadURL, "Only http and https URLs can be fetched (got ftp:)."),
        ("example.com/news", BadURL, "Only http and https URLs can be fetched (got no scheme)."),
        ("http://user:pw@example.com/", BadURL, "URLs with a user name or password are not supported."),
        ("http://a\\b.example/", BadURL, "That URL has an invalid host."),
        ("http:///path", BadURL, "That URL has no host."),
        ("http://exa mple.com/", BadURL, "That URL has an invalid host name: exa mple.com."),
        ("http://%41.example/", BadURL, "That URL has an invalid host name: %41.example."),
        ("http://" + "ü" * 70 + ".example/", BadURL, f"That URL has an invalid host name: {'ü' * 70}.example."),
        ("http://LOCALHOST./x", BlockedURL, "Refused: localhost is a local host name."),
        ("http://news.localhost/x", BlockedURL, "Refused: news.localhost is a local host name."),
        ("http://[::1]:8080/x", BlockedURL, "Refused: ::1 is a loopback address."),
        ("http://0x7f.1/", BlockedURL, "Refused: 127.0.0.1 is a loopback address."),
        # the host is read up to the first "]", as urlsplit (and so the connection) reads it: a second "]" does
        # not make "[::1]" another host
        ("http://[::1]]/x", BlockedURL, "Refused: ::1 is a loopback address."),
        ("http://[v1.x]/", BadURL, "That URL has an invalid host: [v1.x]."),  # urlsplit's IPvFuture: not an address
        ("http://.../", BadURL, "That URL has an invalid host name: ...."),  # dots only, however many
    ],
)
def test_each_refusal_reads_as_written(url: str, kind: type, message: str) -> None:
    with pytest.raises(BlockedURL) as e:
        check_url(url, allow_private=False)
    assert type(e.value) is kind and e.value.reason == message and str(e.value) == message


def test_an_unparsable_url_is_quoted_up_to_200_characters() -> None:
    url = "http://[" + "a" * 300
    with pytest.raises(BadURL) as e:
        check_url(url, allow_private=False)
    assert e.value.reason == f"That is not a valid URL: {url[:200]}"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://example.com../x", "http://example.com./x"),  # one trailing dot kept, as a browser would
        ("http://bücher.example/", "http://xn--bcher-kva.example/"),  # IDNA
        ("HTTP://Example.COM:80/a?b=1#frag", "http://example.com/a?b=1"),  # default port and fragment dropped
        ("https://example.com:8443", "https://example.com:8443/"),
        ("http://[2606:4700::1111]:8080/", "http://[2606:4700::1111]:8080/"),
        ("  http://2130706433/  ", None),  # 127.0.0.1 in decimal: refused below
    ],
)
def test_accepted_urls_come_back_normalized(url: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(BlockedURL, match=r"127\.0\.0\.1 is a loopback address"):
            check_url(url, allow_private=False)
        with pytest.raises(BlockedURL):  # "true" opens the private ranges only, never loopback
            check_url(url, allow_private=True)
        assert check_url(url, allow_private=Allowlist.parse("127.0.0.1")) == "http://127.0.0.1/"
    else:
        assert check_url(url, allow_private=False) == expected


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("2001::1", "a Teredo tunnel address"),
        ("fec0::1", "a site-local address"),
        ("0.0.0.0", "an unspecified address"),
        ("::ffff:0:0", "an unspecified address"),  # IPv4-mapped
        ("127.0.0.1", "a loopback address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("224.0.0.1", "a multicast address"),
        ("100.64.0.1", "a shared (carrier-grade NAT) address"),
        ("240.0.0.1", "a reserved address"),
        ("10.0.0.1", "a private address"),
        ("64:ff9b::a00:1", "a private address"),  # NAT64 of 10.0.0.1
        ("2002:0a00:0001::1", "a private address"),  # 6to4 of 10.0.0.1
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_problem_names_the_rule(address: str, reason: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("1.2.3.4.5", None),  # five parts
        ("1.2.3.4.0", None),
        ("1.2.3.256", None),
        ("1.2.3.255", "1.2.3.255"),
        ("1.2.65535", "1.2.255.255"),  # a.b.c: c is 16 bits
        ("1.2.65536", None),
        ("1.16777215", "1.255.255.255"),  # a.b: b is 24 bits
        ("1.16777216", None),
        ("4294967295", "255.255.255.255"),
        ("4294967296", None),
        ("256.1", None),
        ("0x", "0.0.0.0"),  # inet_aton reads a bare 0x as 0
        ("0x5", "0.0.0.5"),
        ("0x.0x.0x.0x1f", "0.0.0.31"),
        ("010.0.0.1", "8.0.0.1"),  # octal
        ("127.0.0.1.", "127.0.0.1"),
        ("1..2", None),
        ("x.1", None),
    ],
)
def test_legacy_ipv4_spellings(host: str, expected: str | None) -> None:
    parsed = parse_ipv4_loose(host)
    assert (str(parsed) if parsed else None) == expected


def test_parse_ip_needs_both_brackets() -> None:
    assert parse_ip("[::1]") == ipaddress.IPv6Address("::1")
    assert parse_ip("[::1") is None
    assert parse_ip("::1]") is None
    assert parse_ip(" 10.0.0.1 ") == ipaddress.IPv4Address("10.0.0.1")


def test_url_host_port_defaults() -> None:
    assert netguard.url_host_port("http://example.com/") == ("example.com", 80)
    assert netguard.url_host_port("https://example.com/") == ("example.com", 443)
    assert netguard.url_host_port("https://[::1]:8443/") == ("::1", 8443)
    assert netguard.url_host_port("gopher://example.com/") == ("example.com", 80)


def test_trusted_pairs_need_a_port() -> None:
    assert netguard.trusted_pairs(["127.0.0.1:8080", "[::1]:9"]) == frozenset({("127.0.0.1", 8080), ("::1", 9)})
    with pytest.raises(ValueError, match=r"trusted host needs an explicit port: 'example\.com'"):
        netguard.trusted_pairs(["example.com"])


async def test_an_ip_literal_is_resolved_without_dns_to_its_family() -> None:
    policy = GuardPolicy(allow=Allowlist.parse("::1,10.0.0.0/8"))
    assert await policy.resolve("::1", 80) == [(int(socket.AF_INET6), 0, "::1", 80)]
    assert await policy.resolve("10.0.0.1", 8080) == [(int(socket.AF_INET), 0, "10.0.0.1", 8080)]
    with pytest.raises(BlockedURL) as e:
        await netguard.resolve_and_check("10.0.0.1", 80, allow_private=False)
    assert e.value.reason == "Refused: 10.0.0.1 is a private address."


@pytest.fixture
async def fake_dns(monkeypatch: pytest.MonkeyPatch):
    """The running loop's getaddrinfo answers from a table; each call's arguments are recorded."""
    table: dict[str, list[tuple]] = {}
    calls: list[tuple] = []

    async def getaddrinfo(host: str, port: int, **kwargs: object) -> list[tuple]:
        calls.append((host, port, kwargs))
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "unknown")
        return table[host]

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", getaddrinfo)
    return table, calls


async def test_resolution_drops_scopes_duplicates_and_other_families(fake_dns) -> None:
    table, calls = fake_dns
    table["news.example"] = [
        (socket.AF_UNIX, socket.SOCK_STREAM, 0, "", "/tmp/sock"),
        (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("2606:4700::1111%eth0", 443, 0, 2)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443)),
        (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("2606:4700::1111", 443, 0, 0)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.35", 443)),
    ]
    records = await netguard._getaddrinfo("news.example", 443)
    assert records == [
        (int(socket.AF_INET6), 6, "2606:4700::1111", 443),
        (int(socket.AF_INET), 6, "93.184.216.34", 443),
        (int(socket.AF_INET), 6, "93.184.216.35", 443),
    ]
    assert calls == [("news.example", 443, {"type": socket.SOCK_STREAM})]


async def test_a_name_is_refused_by_what_it_resolves_to_and_shown_without_its_dot(fake_dns) -> None:
    table, _ = fake_dns
    table["evil.example."] = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", 80))]
    with pytest.raises(BlockedURL) as e:
        await netguard.resolve_and_check("evil.example.", 80, allow_private=False)
    assert e.value.reason == "Refused: evil.example resolves to 10.0.0.1, which is a private address."
    with pytest.raises(BlockedURL) as e:
        await netguard.resolve_and_check("localhost.", 80, allow_private=False)
    assert e.value.reason == "Refused: localhost is a local host name."


async def test_a_name_without_addresses_is_a_lookup_error(fake_dns) -> None:
    table, _ = fake_dns
    table["empty.example."] = []
    with pytest.raises(socket.gaierror) as e:
        await netguard.resolve_and_check("empty.example.", 80, allow_private=False)
    assert e.value.args == (socket.EAI_NONAME, "empty.example has no IPv4 or IPv6 address")


async def test_the_aiohttp_resolver_returns_the_checked_records_of_the_asked_family(fake_dns) -> None:
    table, calls = fake_dns
    table["dual.example"] = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443)),
        (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("2606:4700::1111", 443, 0, 0)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.35", 443)),
    ]
    resolver = netguard.GuardedResolver()
    policy = GuardPolicy()
    flags = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
    with netguard.use_policy(policy):
        both = await resolver.resolve("dual.example", 443)
        v4 = await resolver.resolve("dual.example", 443, socket.AF_INET)
        v6 = await resolver.resolve("dual.example", 443, socket.AF_INET6)
    assert [dict(r) for r in both] == [
        {"hostname": "dual.example", "host": a, "port": 443, "family": f, "proto": 6, "flags": flags}
        for f, a in [
            (socket.AF_INET, "93.184.216.34"),
            (socket.AF_INET6, "2606:4700::1111"),
            (socket.AF_INET, "93.184.216.35"),
        ]
    ]
    assert [r["host"] for r in v4] == ["93.184.216.34", "93.184.216.35"]
    assert [r["host"] for r in v6] == ["2606:4700::1111"]
    assert len(calls) == 1  # resolved once for the fetch, then pinned

    table["v4only.example"] = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80))]
    with netguard.use_policy(GuardPolicy()), pytest.raises(socket.gaierror) as e:
        await resolver.resolve("v4only.example", 80, socket.AF_INET6)
    assert e.value.args == (socket.EAI_NONAME, "v4only.example has no address of the requested family")
