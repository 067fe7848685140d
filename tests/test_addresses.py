"""The refused-network table and the allowlist: every refused address, in every spelling, on this interpreter."""

from __future__ import annotations

import ipaddress

import pytest

from bot.config import Settings, SettingsError
from bot.ingest.addresses import METADATA, PRIVATE_RANGES, REFUSED, Allowlist, address_problem, embedded_ipv4
from bot.ingest.netguard import BlockedURL, check_url


def samples(net: ipaddress.IPv4Network | ipaddress.IPv6Network) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """First, a middle and the last address of a network."""
    first, last = int(net.network_address), int(net.broadcast_address)
    kind = ipaddress.IPv4Address if net.version == 4 else ipaddress.IPv6Address
    return [kind(v) for v in dict.fromkeys((first, (first + last) // 2, last))]


def v4_spellings(ip: ipaddress.IPv4Address) -> list[str]:
    """The ways a URL can name an IPv4 address: dotted, decimal, octal, hex, and the IPv6 forms wrapping it."""
    a, b, c, d = ip.packed
    value = int(ip)
    hi, lo = value >> 16, value & 0xFFFF
    return [
        str(ip),
        str(value),
        f"0{a:o}.0{b:o}.0{c:o}.0{d:o}",
        f"0x{value:x}",
        f"{a}.{(b << 16) | (c << 8) | d}",  # a.b (b is 24 bits)
        f"[::ffff:{ip}]",  # IPv4-mapped
        f"[::ffff:{hi:x}:{lo:x}]",
        f"[64:ff9b::{hi:x}:{lo:x}]",  # NAT64
        f"[2002:{hi:x}:{lo:x}::1]",  # 6to4
        f"[::{ip}]",  # IPv4-compatible
    ]


V4 = [(str(net), ip) for net in REFUSED if net.version == 4 for ip in samples(net)]
V6 = [(str(net), ip) for net in REFUSED if net.version == 6 for ip in samples(net)]


@pytest.mark.parametrize(("net", "ip"), V4, ids=[f"{n}:{ip}" for n, ip in V4])
def test_every_refused_ipv4_address_in_every_spelling(net: str, ip: ipaddress.IPv4Address) -> None:
    for spelling in v4_spellings(ip):
        with pytest.raises(BlockedURL, match=r"^Refused: "):
            check_url(f"http://{spelling}/", allow_private=False)


@pytest.mark.parametrize(("net", "ip"), V6, ids=[f"{n}:{ip}" for n, ip in V6])
def test_every_refused_ipv6_address_in_every_spelling(net: str, ip: ipaddress.IPv6Address) -> None:
    for spelling in (ip.compressed, ip.exploded, ip.exploded.upper()):
        with pytest.raises(BlockedURL, match=r"^Refused: "):
            check_url(f"http://[{spelling}]:8080/", allow_private=False)


def test_cve_2024_4032_range_refused_whatever_the_interpreter_says() -> None:
    for addr in ("192.0.0.192", "192.0.0.9", "192.0.0.10", "192.0.0.255"):
        assert address_problem(ipaddress.ip_address(addr)) == "a special-purpose (IETF protocol) address"


def test_public_addresses_pass() -> None:
    for addr in ("8.8.8.8", "1.1.1.1", "192.0.1.1", "100.128.0.1", "198.20.0.1", "2400:cb00::1", "::ffff:1.1.1.1"):
        assert address_problem(ipaddress.ip_address(addr)) is None, addr


def test_embedded_ipv4_forms() -> None:
    v4 = ipaddress.IPv4Address("10.0.0.1")
    for form in ("::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::", "::10.0.0.1"):
        assert embedded_ipv4(ipaddress.IPv6Address(form)) == v4, form
    assert embedded_ipv4(ipaddress.IPv6Address("2400:cb00::1")) is None
    assert embedded_ipv4(ipaddress.IPv6Address("::1")) is None  # loopback, not 0.0.0.1


# --- the allowlist ---------------------------------------------------------------------------------


def refused(url: str, allow: Allowlist) -> bool:
    try:
        check_url(url, allow_private=allow)
    except BlockedURL:
        return True
    return False


def test_allowlist_opens_only_what_it_names() -> None:
    allow = Allowlist.parse("10.1.2.0/24, intranet.example")
    assert not refused("http://10.1.2.9/", allow)
    assert not refused("http://[::ffff:10.1.2.9]/", allow)
    assert refused("http://10.1.3.9/", allow)
    assert refused("http://192.168.0.1/", allow)
    assert refused("http://127.0.0.1/", allow)


def test_wide_entries_never_open_loopback_link_local_or_metadata() -> None:
    allow = Allowlist.parse("0.0.0.0/0,::/0,169.254.0.0/16,fd00::/8")
    assert not refused("http://10.9.9.9/", allow)
    assert not refused("http://169.254.1.1/", allow)  # link-local named by its own network
    assert not refused("http://[fd00:1::1]/", allow)
    for url in ("http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/", "http://[fd00:ec2::254]/",
                "http://[::ffff:169.254.169.254]/", "http://100.100.100.200/", "http://168.63.129.16/",
                "http://0.0.0.0/", "http://224.0.0.1/", "http://[fe80::1]/"):  # fmt: skip
        assert refused(url, allow), url


def test_sensitive_addresses_open_when_named_exactly() -> None:
    allow = Allowlist.parse("127.0.0.1,169.254.169.254")
    assert not refused("http://127.0.0.1:8080/", allow)
    assert not refused("http://169.254.169.254/", allow)
    assert refused("http://127.0.0.2/", allow)
    assert refused("http://169.254.170.2/", allow)


def test_listed_host_names_open_private_addresses_not_sensitive_ones() -> None:
    allow = Allowlist.parse("intranet.example,.corp.example,localhost")
    assert allow.allows_host("intranet.example") and allow.allows_host("INTRANET.example.")
    assert allow.allows_host("wiki.corp.example") and allow.allows_host("corp.example")
    assert not allow.allows_host("evil-intranet.example") and not allow.allows_host("example")
    assert not refused("http://localhost/", allow)  # the name passes; its address is judged when resolved
    private = ipaddress.ip_address("10.0.0.7")
    assert allow.allows_address(private, host_listed=True)
    assert not allow.allows_address(private, host_listed=False)
    for addr in ("127.0.0.1", "169.254.169.254", "::1", "fe80::1", "fd00:ec2::254"):
        assert not allow.allows_address(ipaddress.ip_address(addr), host_listed=True), addr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", Allowlist()),
        ("false", Allowlist()),
        ("0", Allowlist()),
        ("true", Allowlist(networks=PRIVATE_RANGES)),
        (
            "10.1.2.0/24,intranet.example",
            Allowlist((ipaddress.ip_network("10.1.2.0/24"),), frozenset({"intranet.example"})),
        ),
        ("10.1.2.3 ; [fd00::1]", Allowlist((ipaddress.ip_network("10.1.2.3/32"), ipaddress.ip_network("fd00::1/128")))),
        ("10.1.2.3/24", Allowlist((ipaddress.ip_network("10.1.2.0/24"),))),
    ],
)
def test_allowlist_parse(value: str, expected: Allowlist) -> None:
    assert Allowlist.parse(value) == expected


def test_allowlist_takes_international_names() -> None:
    assert Allowlist.parse("社内.example").allows_host("xn--v6q418g.example")


def test_allowlist_parse_refuses_nonsense() -> None:
    for value in ("http://10.0.0.1/", "10.0.0.0/33", "intra!net", "exa..mple", "\u200b.jp", "a/b"):
        with pytest.raises(ValueError):
            Allowlist.parse(value)


def test_settings_name_the_bad_allowlist_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_ALLOW_PRIVATE_FETCH", "10.0.0.0/33")
    with pytest.raises(SettingsError, match="NEWSDESK_ALLOW_PRIVATE_FETCH"):
        Settings.from_env()
    monkeypatch.setenv("NEWSDESK_ALLOW_PRIVATE_FETCH", "10.1.2.0/24,intranet.example")
    assert Settings.from_env().allow_private_fetch.allows_host("intranet.example")


def test_token_kept_out_of_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "MTIz.secret-token-value")
    settings = Settings.from_env()
    assert settings.token == "MTIz.secret-token-value"
    assert "secret-token-value" not in repr(settings) and "secret-token-value" not in str(settings)


def test_metadata_addresses_are_all_refused_by_default() -> None:
    for net in METADATA:
        assert address_problem(net.network_address) == "a cloud metadata address"


def test_cli_refuses_a_bad_allowlist_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.terminal.cli import main

    monkeypatch.setenv("NEWSDESK_ALLOW_PRIVATE_FETCH", "10.0.0.0/8,http://intranet/")
    assert main(["sources"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: NEWSDESK_ALLOW_PRIVATE_FETCH: ")
    assert "http://intranet/" in err and "Traceback" not in err
