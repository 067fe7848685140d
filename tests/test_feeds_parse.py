"""parse_feed: RSS 2.0, RSS 1.0 (RDF), Atom, Japanese encodings, and things that are not feeds."""

from __future__ import annotations

import pytest

from bot.ingest.feeds import NOT_A_FEED, FeedItem, looks_like_feed, parse_feed
from bot.ingest.fetch import FetchedPage, FetchError

FEED_URL = "https://tokyo-news.example/rss/world.xml"

RSS2 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>東京ニュース 国際</title>
  <link>https://tokyo-news.example/world/</link>
  <description>国際ニュース</description>
  <item>
    <title>停戦交渉、米ロが来週協議へ</title>
    <link>https://tokyo-news.example/articles/1</link>
    <guid isPermaLink="false">tokyo-news-0001</guid>
    <pubDate>Sat, 01 Mar 2025 08:00:00 +0900</pubDate>
    <description><![CDATA[<p>米国とロシアの高官が<b>来週</b>協議する。</p><p>関係者&amp;当局者が明らかにした。</p>]]></description>
  </item>
  <item>
    <title>ゼレンスキー氏「ウクライナ抜きの交渉は拒否」</title>
    <link>/articles/2?utm_source=rss</link>
    <guid>https://tokyo-news.example/articles/2</guid>
    <pubDate>Fri, 28 Feb 2025 23:30:00 GMT</pubDate>
  </item>
  <item>
    <title>鉱物資源合意、署名へ</title>
    <link>https://tokyo-news.example/articles/3</link>
  </item>
</channel>
</rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example World</title>
  <link rel="alternate" href="https://example.org/world"/>
  <link rel="self" href="https://example.org/world.atom"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2025-03-02T10:00:00Z</updated>
  <entry>
    <title>Talks in Riyadh</title>
    <link rel="alternate" href="https://example.org/world/riyadh"/>
    <id>tag:example.org,2025:riyadh</id>
    <published>2025-03-01T08:00:00+09:00</published>
    <updated>2025-03-02T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Officials meet.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Minerals deal</title>
    <link href="https://example.org/world/minerals"/>
    <id>tag:example.org,2025:minerals</id>
    <updated>2025-03-02T09:00:00Z</updated>
  </entry>
</feed>"""

RDF = """<?xml version="1.0" encoding="EUC-JP"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://blog.example.jp/">
    <title>国際ニュースブログ</title>
    <link>https://blog.example.jp/</link>
    <description>まとめ</description>
  </channel>
  <item rdf:about="https://blog.example.jp/entry/42">
    <title>和平交渉の行方</title>
    <link>https://blog.example.jp/entry/42</link>
    <dc:date>2025-03-01T08:00:00+09:00</dc:date>
    <description>停戦をめぐる各国の思惑。</description>
  </item>
</rdf:RDF>"""


def test_rss2_three_items() -> None:
    feed = parse_feed(RSS2.encode(), FEED_URL)
    assert feed.title == "東京ニュース 国際"
    assert feed.link == "https://tokyo-news.example/world/"
    assert len(feed.items) == 3
    first, second, third = feed.items
    assert first == FeedItem(
        guid="tokyo-news-0001",
        link="https://tokyo-news.example/articles/1",
        title="停戦交渉、米ロが来週協議へ",
        published="2025-03-01T08:00:00+09:00",  # the feed's own offset kept: the Japanese date stays 3月1日
        summary="米国とロシアの高官が来週協議する。\n関係者&当局者が明らかにした。",
    )
    assert second.link == "https://tokyo-news.example/articles/2?utm_source=rss"  # relative → absolute
    assert second.published == "2025-02-28T23:30:00+00:00"
    assert second.summary is None
    assert third.guid is None and third.published is None
    assert third.title == "鉱物資源合意、署名へ"


def test_atom() -> None:
    feed = parse_feed(ATOM.encode(), "https://example.org/world.atom")
    assert (feed.title, feed.link) == ("Example World", "https://example.org/world")
    assert [i.guid for i in feed.items] == ["tag:example.org,2025:riyadh", "tag:example.org,2025:minerals"]
    assert feed.items[0].link == "https://example.org/world/riyadh"
    assert feed.items[0].published == "2025-03-01T08:00:00+09:00"
    assert feed.items[0].summary == "Officials meet."
    assert feed.items[1].published == "2025-03-02T09:00:00+00:00"  # falls back to <updated>


def test_rss1_rdf_in_euc_jp() -> None:
    feed = parse_feed(RDF.encode("euc_jp"), "https://blog.example.jp/index.rdf")
    assert feed.title == "国際ニュースブログ"
    (item,) = feed.items
    assert item.title == "和平交渉の行方"
    assert item.link == "https://blog.example.jp/entry/42"
    assert item.published == "2025-03-01T08:00:00+09:00"
    assert item.summary == "停戦をめぐる各国の思惑。"


def test_shift_jis_rss() -> None:
    body = RSS2.replace('encoding="UTF-8"', 'encoding="Shift_JIS"').encode("cp932")
    feed = parse_feed(body, FEED_URL)
    assert feed.items[1].title == "ゼレンスキー氏「ウクライナ抜きの交渉は拒否」"


def test_empty_feed_is_still_a_feed() -> None:
    feed = parse_feed(b'<rss version="2.0"><channel><title>empty</title></channel></rss>', FEED_URL)
    assert feed.title == "empty" and feed.items == []


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html><head><title>News</title></head><body><p>Hello</p></body></html>",
        "<html><body><p>ただのページです。</p></body></html>".encode(),
        b"",
        b"\x89PNG\r\n\x1a\n\0\0\0",
        b'{"items": []}',
    ],
)
def test_not_a_feed(body: bytes) -> None:
    with pytest.raises(FetchError) as info:
        parse_feed(body, FEED_URL)
    assert info.value.code == "unsupported_type"
    assert info.value.message == NOT_A_FEED


def _page(body: str, content_type: str) -> FetchedPage:
    return FetchedPage(FEED_URL, FEED_URL, 200, content_type, "utf-8", body.encode(), body, None, None)


def test_looks_like_feed() -> None:
    assert looks_like_feed(_page(RSS2, "application/rss+xml"))
    assert looks_like_feed(_page(RSS2, "text/xml"))
    assert looks_like_feed(_page(ATOM, "text/html"))  # mislabelled by the server
    assert looks_like_feed(_page("<!-- generator -->\n" + RDF.split("?>", 1)[1], "application/xml"))
    assert not looks_like_feed(_page("<!DOCTYPE html><html><body>rss</body></html>", "text/html"))
    assert not looks_like_feed(_page("<?xml version='1.0'?><html><body/></html>", "application/xhtml+xml"))
