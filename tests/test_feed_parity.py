"""The lxml fast path reads well-formed RSS/RDF/Atom exactly as the feedparser path does; other XML falls back."""

from __future__ import annotations

import pytest

from bot.ingest.feed_xml import read_xml_feed
from bot.ingest.feeds import _build, _utf8_xml, _with_feedparser, parse_feed
from bot.ingest.fetch import media_type
from tests import test_feeds_parse
from tests.hostile_feeds import big_feed, cases

BASE = "https://feeds.example.jp"
XML_CASES = [c for c in cases() if not c.content_type.endswith("json")]
SAMPLES = {
    "rss2": test_feeds_parse.RSS2.encode(),
    "atom": test_feeds_parse.ATOM.encode(),
    "rdf_euc_jp": test_feeds_parse.RDF.encode("euc_jp"),
    "big": big_feed(30).encode(),
    **{c.name: c.body for c in XML_CASES},
}
CHARSETS = {c.name: media_type(c.content_type)[1].get("charset") for c in XML_CASES}


@pytest.mark.parametrize("name", list(SAMPLES))
def test_fast_path_reads_what_feedparser_reads(name: str) -> None:
    data = _utf8_xml(SAMPLES[name].replace(b"{base}", BASE.encode()), CHARSETS.get(name))
    fast = read_xml_feed(data)
    assert fast is not None, "a well-formed feed takes the fast path"
    meta, entries, kind = fast
    quick, slow = _build(meta, entries, BASE + "/feed", kind), _with_feedparser(data, BASE + "/feed")
    assert (quick.title, quick.link) == (slow.title, slow.link)
    assert quick.items == slow.items
    assert quick.items  # every sample has items


@pytest.mark.parametrize(
    "body",
    [
        b'<rss version="0.91"><channel><title>x&nbsp;y</title><item><title>a</title><link>https://a.example/1</link></item></channel></rss>',
        b"<rss><channel><title>t</title><item><title>unclosed</item></channel></rss>",
        b'<feed xmlns="http://purl.org/atom/ns#"><title>0.3</title><entry><title>a</title><link rel="alternate" href="https://a.example/1"/></entry></feed>',
    ],
    ids=["undefined_entity", "malformed", "atom03"],
)
def test_what_lxml_refuses_goes_to_feedparser(body: bytes) -> None:
    assert read_xml_feed(_utf8_xml(body, None)) is None
    parsed = parse_feed(body, BASE + "/feed")  # feedparser's loose parser still finds the one item
    assert len(parsed.items) == 1


def test_entities_and_dtds_are_never_expanded() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y "yy">]>'
        b'<rss version="2.0"><channel><title>t&x;&y;</title><item><title>a&x;</title>'
        b"<link>https://a.example/1</link></item></channel></rss>"
    )
    parsed = parse_feed(body, BASE + "/feed")
    assert "root:" not in (parsed.title or "") and "root:" not in (parsed.items[0].title or "")
