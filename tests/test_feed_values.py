"""Values from feeds, one by one: dates, links, JSON Feed items, autodiscovery. Bad values give None or BadLink."""

from __future__ import annotations

import pytest

from bot.ingest.feed_dates import parse_feed_date
from bot.ingest.feed_links import BadLink, discover_feed_links, item_link
from bot.ingest.feeds import FeedItem, parse_feed
from bot.urls import canonical_url
from bot.user_errors import stored_in


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("Sat, 01 Mar 2025 08:00:00 +0900", "2025-03-01T08:00:00+09:00"),
        ("Fri, 28 Feb 2025 23:30:00 GMT", "2025-02-28T23:30:00+00:00"),
        ("Sat, 01 Mar 2025 08:00:00 PT", "2025-03-01T08:00:00-08:00"),
        ("Sat, 01 Mar 2025 08:00:00 MET", "2025-03-01T08:00:00+01:00"),
        ("Sat, 01 Mar 2025 08:00:00 JST", "2025-03-01T08:00:00+09:00"),
        ("2025-03-01T08:00:00-01:01", "2025-03-01T08:00:00-01:01"),
        ("Sat, 01 Mar 2025 08:00:00 -01:01", "2025-03-01T08:00:00-01:01"),
        ("2025-03-01T08:00:00.123Z", "2025-03-01T08:00:00+00:00"),
        ("1 Mar 25 08:00 EST", "2025-03-01T08:00:00-05:00"),
        ("2025/03/01 08:00", "2025-03-01T08:00:00"),
        ("2025年3月1日 08:00", "2025-03-01T08:00:00"),
        ("0000-00-00 00:00:00", None),
        ("9999-12-31T23:59:59-99:99", None),
        ("2025-03-01T08:00:00+99:99", None),
        ("Mon, 31 Feb 2025 00:00:00 GMT", None),
        ("Sat, 01 Foo 2025 08:00:00 GMT", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (12345, None),
    ],
)
def test_feed_dates(raw: object, iso: str | None) -> None:
    assert parse_feed_date(raw) == iso


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("/記事/停戦交渉", "https://news.example.jp/%E8%A8%98%E4%BA%8B/%E5%81%9C%E6%88%A6%E4%BA%A4%E6%B8%89"),
        ("/search?kw=%93%FA%96%7B", "https://news.example.jp/search?kw=%93%FA%96%7B"),  # kept byte for byte
        ("/100%/x", "https://news.example.jp/100%25/x"),
        ("http://[2001:db8::1]:8080/a", "http://[2001:db8::1]:8080/a"),
        ("//cdn.example/a", "https://cdn.example/a"),
        ("http://日本語.jp/a b", "http://xn--wgv71a119e.jp/a%20b"),
        ("HTTP://Example.COM/A", "http://example.com/A"),
    ],
)
def test_item_links(raw: str, url: str) -> None:
    assert item_link(raw, "https://news.example.jp/rss") == url


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("http://h:99999/x", "not a valid URL"),
        ("http://[bad/", "not a valid URL"),
        ("javascript:alert(1)", "not a web address"),
        ("mailto:a@example.org", "not a web address"),
        ("http://user:pw@example.org/", "user name"),
        ("http:///nohost", "no host"),
        ("   ", "empty"),
    ],
)
def test_bad_item_links(raw: str, why: str) -> None:
    with pytest.raises(BadLink, match=why):
        item_link(raw, "https://news.example.jp/rss")


def test_canonical_url_keeps_ipv6_brackets_and_escapes() -> None:
    assert canonical_url("http://[::1]:8080/a?utm_source=x&q=%93%FA#frag") == "http://[::1]:8080/a?q=%93%FA"
    assert canonical_url("http://h:99999/x") == "http://h:99999/x"  # unusable, but never an exception


def test_discovery_prefers_rss_and_atom_and_resolves_against_base() -> None:
    page = (
        '<html><head><base href="https://site.example/news/">'
        '<link rel="alternate" type="application/feed+json" href="feed.json">'
        '<link rel="alternate stylesheet" type="text/css" href="x.css">'
        '<link rel="Alternate" type="application/atom+xml" href="atom.xml">'
        '<link rel="alternate" type="application/rss+xml" href="/rss/記事.xml">'
        '<link rel="alternate" type="application/rss+xml" href="http://[bad/">'
        "</head><body></body></html>"
    )
    assert discover_feed_links(page, "https://site.example/index.html") == [
        "https://site.example/rss/%E8%A8%98%E4%BA%8B.xml",
        "https://site.example/news/atom.xml",
        "https://site.example/news/feed.json",
    ]
    assert discover_feed_links("<html><body><p>none</p></body></html>", "https://site.example/") == []
    assert discover_feed_links("<<<>>><link rel=alternate", "https://site.example/") == []


def test_json_feed_items() -> None:
    body = (
        b'{"version": "https://jsonfeed.org/version/1", "title": "J", "home_page_url": "https://j.example/",'
        b' "items": [{"id": 1, "url": "https://j.example/1", "title": "<b>one</b>", "date_published": "2025-03-01T08:00:00+09:00"},'
        b' {"id": "2", "content_html": "<p>two &amp; more</p>", "date_modified": "0000-00-00"},'
        b' {"id": "3", "url": 42, "title": ["not", "text"]}, 7]}'
    )
    feed = parse_feed(body, "https://j.example/feed.json", "application/json")
    assert (feed.title, feed.link, feed.kind) == ("J", "https://j.example/", "json")
    one, two, three, seven = feed.items
    assert one == FeedItem("1", "https://j.example/1", "one", "2025-03-01T08:00:00+09:00", None)
    assert (two.link, two.summary, two.published) == (None, "two & more", None)
    assert (three.link, three.title, three.problem) == (None, None, None)
    assert seven.problem and "not a JSON object" in stored_in(seven.problem, "en")
    assert "JSON" in stored_in(seven.problem, "ja") and "not a" not in stored_in(seven.problem, "ja")


def test_item_key_without_link_or_guid_is_a_content_hash() -> None:
    a = FeedItem(None, None, "t", "2025-03-01T00:00:00", "s")
    assert a.key.startswith("hash:") and a.key == FeedItem(None, None, "t", "2025-03-01T00:00:00", "s").key
    assert a.key != FeedItem(None, None, "t", "2025-03-02T00:00:00", "s").key
    assert FeedItem("g", "https://x/1", None, None, None).key == "guid:g"
    assert FeedItem(None, "https://x/1", None, None, None).key == "link:https://x/1"


@pytest.mark.parametrize(
    "url",
    [
        "http://a.example/x",
        "HTTPS://A.Example:8080/p?q=1&r=%E3%81%82",
        "http://a.example?x=1",
        "http://a.example",
        "http://a.example:080/x",
        "https://news.example.jp/search?kw=%93%FA%96%7B",
        "http://a.example/a//b/../c",
        "http://a.example/%7e",
        "http://a.example:65535/",
    ],
)
def test_the_plain_link_shortcut_gives_what_the_long_way_gives(url: str) -> None:
    from bot.ingest.feed_links import _plain_link, _resolve

    assert _plain_link(url) is not None
    assert _plain_link(url) == _resolve(url, "https://base.example/feed")
