"""Feed polling, the cases mutation testing found untested (`python -m mutation survivors feeds`, branch mut11).

Against a real HTTP server on 127.0.0.1, trusted as /source feed trusts a feed's own endpoint: the order of
undated and equally dated items, a linkless item's document, an item whose page is already stored (by its link
or by its text), an item recorded under the address its page was fetched from, an item whose storing raises,
and how long a recorded reason may be.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from bot.ingest.feeds import FeedItem
from bot.ingest.fetcher import Fetcher
from bot.models import IngestResult
from bot.services import feeds
from bot.services.errors import QueryError
from bot.services.feed_items import ItemOutcome
from bot.services.sources import get_source
from bot.store import Store
from bot.user_errors import UserError, from_stored, stored_in
from tests.hostile_feeds import article

INTERVAL = timedelta(minutes=15)
T0 = datetime(2025, 4, 10, 12, 0, tzinfo=UTC)


def fetcher(server: HTTPServer) -> Fetcher:
    return Fetcher(trusted_hosts=(f"{server.host}:{server.port}",))


def rss(items: list[tuple[str, str | None]], title: str = "テスト通信") -> str:
    """An RSS 2.0 feed of (guid, link) items, titled 記事<guid>; a None link gives a linkless item."""
    body = "".join(
        f'<item><title>記事{guid}</title><guid isPermaLink="false">{guid}</guid>'
        + (f"<link>{link}</link>" if link else "<description>リンクのない速報の本文。</description>")
        + "</item>"
        for guid, link in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def serve(server: HTTPServer, path: str, items: list[tuple[str, str | None]], title: str = "テスト通信") -> str:
    server.expect_request(path).respond_with_data(rss(items, title), content_type="application/rss+xml")
    return server.url_for(path)


def page(server: HTTPServer, path: str, html: str) -> str:
    server.expect_request(path).respond_with_data(html, content_type="text/html; charset=utf-8")
    return server.url_for(path)


async def rows(store: Store, feed_id: int) -> list[dict]:
    found = await store.fetchall(
        "SELECT item_key, status, reason, document_id, link FROM feed_items WHERE feed_id = ? ORDER BY id", (feed_id,)
    )
    return [dict(r) for r in found]


async def poll(store: Store, feed_id: int, server: HTTPServer, now: datetime, **kw) -> feeds.PollResult:  # type: ignore[no-untyped-def]
    feed = await feeds.get_feed(store, feed_id)
    assert feed is not None
    return await feeds.poll_feed(store, feed, interval=INTERVAL, fetcher=fetcher(server), now=now, **kw)


async def _first_polled_then(
    store: Store, httpserver: HTTPServer, path: str, html: str, *, short_ip: bool = True
) -> feeds.Feed:
    """A feed of one item polled once; then the feed lists a second item, its page at `path` (its link written
    with a short IPv4 form, 127.1, unless not `short_ip`)."""
    a1 = page(httpserver, "/a/1", article(1))
    feed = await feeds.subscribe(store, serve(httpserver, "/f.xml", [("g1", a1)]), fetcher=fetcher(httpserver))
    await poll(store, feed.id, httpserver, T0)
    httpserver.clear()
    link = page(httpserver, path, html)
    serve(httpserver, "/f.xml", [("g1", a1), ("g2", f"http://127.1:{httpserver.port}{path}" if short_ip else link)])
    return feed


def _item(guid: str, published: str | None) -> FeedItem:
    return FeedItem(guid, None, guid, published, None)


def test_items_whose_first_and_last_dates_are_equal_keep_the_feeds_order() -> None:
    """Not every item dated, the first and the last on the same instant: nothing says the feed runs oldest first."""
    items = [_item("a", "2025-04-01T09:00:00+09:00"), _item("b", None), _item("c", "2025-04-01T09:00:00+09:00")]
    assert [i.guid for i in feeds.newest_first(items)] == ["a", "b", "c"]
    older_first = [_item("a", "2025-04-01T09:00:00+09:00"), _item("b", None), _item("c", "2025-04-02T09:00:00+09:00")]
    assert [i.guid for i in feeds.newest_first(older_first)] == ["c", "b", "a"]
    # the first dated item against the last: a newer one in between does not say the feed runs newest first
    mixed = [
        _item("a", "2025-04-01T00:00:00+00:00"),
        _item("b", "2025-04-05T00:00:00+00:00"),
        _item("x", None),
        _item("c", "2025-04-03T00:00:00+00:00"),
    ]
    assert [i.guid for i in feeds.newest_first(mixed)] == ["c", "x", "b", "a"]


def test_items_all_dated_are_sorted_by_their_dates_not_kept_in_the_feeds_order() -> None:
    items = [
        _item("mid", "2025-04-02T00:00:00+00:00"),
        _item("new", "2025-04-03T00:00:00+00:00"),
        _item("old", "2025-04-01T00:00:00+00:00"),
        _item("newest", "2025-04-03T08:00:00+09:00"),  # 23:00 UTC on the 2nd: older than "new"
    ]
    assert [i.guid for i in feeds.newest_first(items)] == ["new", "newest", "mid", "old"]
    naive = [_item("utc", "2025-04-02T00:00:00+00:00"), _item("naive", "2025-04-02T06:00:00")]  # read as UTC
    assert [i.guid for i in feeds.newest_first(naive)] == ["naive", "utc"]


async def test_a_linkless_items_document_is_named_after_its_feed_and_titled_by_its_first_line(
    store, httpserver: HTTPServer
):
    """Only a summary (no title, no link): its first line titles the document, whose name says which feed."""
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>速報通信</title>'
        '<item><guid isPermaLink="false">s1</guid><description>政府は臨時閣議を開いた\n'
        "首相は会見で支援の継続を表明した。</description></item></channel></rss>"
    )
    httpserver.expect_request("/summary.xml").respond_with_data(xml, content_type="application/rss+xml")
    feed = await feeds.subscribe(store, httpserver.url_for("/summary.xml"), fetcher=fetcher(httpserver))
    await poll(store, feed.id, httpserver, T0)
    [row] = await rows(store, feed.id)
    doc = await get_source(store, row["document_id"])
    assert doc is not None and doc.origin == "feed"
    assert doc.title == "政府は臨時閣議を開いた"
    assert doc.outlet == "速報通信"  # a local address names no known outlet: the feed's title does
    assert doc.name == f"feed #{feed.id} summary: 政府は臨時閣議を開いた"


async def test_an_empty_item_is_counted_as_skipped_once(store, httpserver: HTTPServer):
    """An item with no title, no text and no link is skipped (one of the poll's skipped), the others stored."""
    a1 = page(httpserver, "/a/1", article(1))
    xml = rss([("g1", a1)]).replace("</channel>", '<item><guid isPermaLink="false">empty</guid></item></channel>')
    httpserver.expect_request("/f.xml").respond_with_data(xml, content_type="application/rss+xml")
    feed = await feeds.subscribe(store, httpserver.url_for("/f.xml"), fetcher=fetcher(httpserver))
    first = await poll(store, feed.id, httpserver, T0)
    assert (first.stored_quietly, first.skipped, first.failed) == (1, 1, [])
    assert sorted(r["status"] for r in await rows(store, feed.id)) == ["fetched", "skipped"]


async def test_an_item_whose_link_is_already_stored_is_recorded_as_that_document(store, httpserver: HTTPServer):
    """Another feed stored the page first: this feed's item points at that document, fetched, not failed."""
    link = page(httpserver, "/a/1", article(1))
    first = await feeds.subscribe(store, serve(httpserver, "/one.xml", [("g1", link)]), fetcher=fetcher(httpserver))
    await poll(store, first.id, httpserver, T0)
    [stored] = await rows(store, first.id)
    assert stored["status"] == "fetched" and stored["document_id"]

    second = await feeds.subscribe(store, serve(httpserver, "/two.xml", [("h1", link)]), fetcher=fetcher(httpserver))
    result = await poll(store, second.id, httpserver, T0)
    assert result.error is None and result.failed == []
    [row] = await rows(store, second.id)
    assert (row["status"], row["document_id"], row["link"]) == ("fetched", stored["document_id"], link)
    assert f"#{stored['document_id']}" in stored_in(row["reason"], "en")
    assert sum(req.path == "/a/1" for req, _ in httpserver.log) == 1  # known by its link: not fetched again


async def test_an_item_another_server_stored_is_stored_again_as_this_servers_own(store, httpserver: HTTPServer):
    """Feeds are per server: a link only another server's feed stored is no duplicate here."""
    link = page(httpserver, "/a/1", article(1))
    theirs = await feeds.subscribe(
        store, serve(httpserver, "/one.xml", [("g1", link)]), guild_id=1, fetcher=fetcher(httpserver)
    )
    await poll(store, theirs.id, httpserver, T0)
    [their_row] = await rows(store, theirs.id)
    ours = await feeds.subscribe(
        store, serve(httpserver, "/two.xml", [("h1", link)]), guild_id=2, fetcher=fetcher(httpserver)
    )
    await poll(store, ours.id, httpserver, T0)
    [row] = await rows(store, ours.id)
    assert row["status"] == "fetched" and row["reason"] is None
    assert row["document_id"] and row["document_id"] != their_row["document_id"]
    doc = await get_source(store, row["document_id"])
    assert doc is not None and doc.guild_id == 2


async def test_an_item_whose_text_is_already_stored_under_another_link_is_that_document(store, httpserver: HTTPServer):
    """A later poll's page, the same article as one stored under another address: fetched, not announced, and
    recorded under the address it was fetched from (its link written with a short IPv4 form, 127.1)."""
    feed = await _first_polled_then(store, httpserver, "/copy/1", article(1))
    second = await poll(store, feed.id, httpserver, T0 + INTERVAL)
    assert second.error is None and second.added == [] and second.failed == []
    original, dup = await rows(store, feed.id)
    assert (dup["status"], dup["document_id"]) == ("fetched", original["document_id"])
    said = from_stored(dup["reason"], english=False)  # kept as its code, said in each reader's language
    assert said is not None and (said.code, said.params) == ("ingest.already_stored", {"id": original["document_id"]})
    assert dup["link"] == f"http://127.0.0.1:{httpserver.port}/copy/1"


async def test_a_later_item_the_store_refuses_fails_under_the_address_it_was_fetched_from(
    store, httpserver: HTTPServer, monkeypatch
):
    """A later poll (one item at a time): the store refuses an item's text; the poll goes on and the item is
    failed with the store's reason, recorded under its page's address (its link written 127.1)."""
    feed = await _first_polled_then(store, httpserver, "/a/2", article(2))

    async def refuse(store_, text, *, name, **kwargs):  # type: ignore[no-untyped-def]
        return IngestResult.refused(name, UserError("ingest.no_text"))

    monkeypatch.setattr(feeds, "ingest_text", refuse)
    second = await poll(store, feed.id, httpserver, T0 + INTERVAL)
    assert second.error is None and [f.label for f in second.failed] == ["記事g2"]
    _, row = await rows(store, feed.id)
    assert (row["status"], row["document_id"]) == ("failed", None)
    said = from_stored(row["reason"], english=False)
    assert said is not None and said.code == "ingest.no_text"
    assert row["link"] == f"http://127.0.0.1:{httpserver.port}/a/2"


async def test_an_item_is_recorded_under_the_address_its_page_was_fetched_from(store, httpserver: HTTPServer):
    """A link written with a short IPv4 form (127.1) is fetched from 127.0.0.1: the item's record keeps that
    address (so a later item linking there is the same one), for a page stored, a feed refused and a page
    missing; the stored document has that address as its URL, and the language its page declares."""
    port = httpserver.port
    short = f"http://127.1:{port}"
    page(httpserver, "/en/1", ENGLISH_PAGE)
    serve(httpserver, "/inner.xml", [("x", f"{short}/a/9")])
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    items = [("g1", f"{short}/en/1"), ("g3", f"{short}/inner.xml"), ("g4", f"{short}/gone")]
    feed = await feeds.subscribe(store, serve(httpserver, "/outer.xml", items), fetcher=fetcher(httpserver))
    await poll(store, feed.id, httpserver, T0)
    by_key = {r["item_key"]: r for r in await rows(store, feed.id)}
    one, inner, gone = by_key["guid:g1"], by_key["guid:g3"], by_key["guid:g4"]
    canonical = f"http://127.0.0.1:{port}"
    assert (one["status"], one["link"]) == ("fetched", f"{canonical}/en/1") and one["document_id"]
    assert inner["status"] == "failed" and "is a feed" in stored_in(inner["reason"], "en")
    assert inner["link"] == f"{canonical}/inner.xml"
    assert (gone["status"], gone["link"]) == ("failed", f"{canonical}/gone") and "404" in gone["reason"]
    doc = await get_source(store, one["document_id"])
    assert doc is not None and (doc.url, doc.language) == (f"{canonical}/en/1", "en")


# An English page that quotes enough Japanese for a guess from its text alone to say Japanese: its own
# lang="en" says what it is.
ENGLISH_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ceasefire words</title></head>
<body><article><h1>Ceasefire words</h1><p>The foreign minister said on April 3 that the government's statement,
「双方が合意した停戦の条件を順守する限り、我が国は段階的な撤退を進める用意がある」, had been read differently by
each side.</p><p>Officials added that the second line, 「恒久的な和平と安全の保証については、次回の協議で改めて話し合う」,
would be discussed at the next round of talks in Geneva.</p></article></body></html>"""


async def test_an_item_whose_storing_raises_is_failed_naming_the_error(store, httpserver: HTTPServer, monkeypatch):
    """A later poll: storing one item raises; that item fails with the error's kind (the others are unaffected)."""
    feed = await _first_polled_then(store, httpserver, "/a/2", article(2), short_ip=False)

    class StoreWentAway(Exception):
        pass

    async def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise StoreWentAway("no")

    monkeypatch.setattr(feeds, "ingest_text", broken)
    second = await poll(store, feed.id, httpserver, T0 + INTERVAL)
    assert second.error is None and [f.label for f in second.failed] == ["記事g2"]
    assert "StoreWentAway" in stored_in(second.failed[0].reason, "en")


async def test_a_failed_items_reason_is_kept_to_500_characters(store, httpserver: HTTPServer, monkeypatch):
    """The poll's result says the whole reason; the item's record keeps its first 500 characters (a reason
    without a code, as a worker's error text is kept, may be longer)."""
    a1 = page(httpserver, "/a/1", article(1))
    feed = await feeds.subscribe(store, serve(httpserver, "/f.xml", [("g1", a1)]), fetcher=fetcher(httpserver))
    said = "extraction failed: " + "x" * 700

    async def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        return ItemOutcome("failed", reason=said)

    monkeypatch.setattr(feeds, "read_item", failing)
    result = await poll(store, feed.id, httpserver, T0)
    assert [f.reason for f in result.failed] == [said]
    [row] = await rows(store, feed.id)
    assert row["reason"] == said[:500]


async def test_a_feeds_documents_are_added_by_the_feed(store, httpserver: HTTPServer):
    a1, a2 = page(httpserver, "/a/1", article(1)), page(httpserver, "/a/2", article(2))
    feed = await feeds.subscribe(store, serve(httpserver, "/f.xml", [("g1", a1)]), fetcher=fetcher(httpserver))
    await poll(store, feed.id, httpserver, T0)  # the first poll (the bulk path)
    httpserver.clear()
    page(httpserver, "/a/2", article(2))
    serve(httpserver, "/f.xml", [("g1", a1), ("g2", a2)])
    await poll(store, feed.id, httpserver, T0 + INTERVAL)  # a later one (one item at a time)
    ids = [r["document_id"] for r in await rows(store, feed.id)]
    added_by = [(await store.fetchone("SELECT added_by FROM documents WHERE id = ?", (i,)))["added_by"] for i in ids]
    assert added_by == [f"feed:{feed.id}", f"feed:{feed.id}"]


async def test_a_first_polls_items_over_the_cap_are_recorded_skipped_saying_how_many_were_taken(
    store, httpserver: HTTPServer
):
    links = [(f"g{n}", page(httpserver, f"/a/{n}", article(n))) for n in (1, 2, 3)]
    feed = await feeds.subscribe(store, serve(httpserver, "/f.xml", links), fetcher=fetcher(httpserver))
    first = await poll(store, feed.id, httpserver, T0, max_items=1)
    assert (first.stored_quietly, first.skipped, first.backlog) == (1, 2, 0)
    found = await rows(store, feed.id)
    assert sorted(r["status"] for r in found) == ["fetched", "skipped", "skipped"]
    assert all("newest 1 items" in stored_in(r["reason"], "en") for r in found if r["status"] == "skipped")


async def test_a_later_poll_capped_at_none_takes_no_new_item(store, httpserver: HTTPServer):
    feed = await _first_polled_then(store, httpserver, "/a/2", article(2), short_ip=False)
    later = await poll(store, feed.id, httpserver, T0 + INTERVAL, max_items=0)
    assert (later.added, later.backlog) == ([], 1) and len(await rows(store, feed.id)) == 1


async def test_items_the_bulk_path_never_reports_are_failed_as_not_stored(store, httpserver: HTTPServer, monkeypatch):
    a1 = page(httpserver, "/a/1", article(1))
    feed = await feeds.subscribe(store, serve(httpserver, "/f.xml", [("g1", a1)]), fetcher=fetcher(httpserver))

    async def silent(store_, sources, **kwargs):  # type: ignore[no-untyped-def]
        async for _ in sources:  # every item read, none reported back
            pass

    monkeypatch.setattr(feeds, "bulk_ingest", silent)
    first = await poll(store, feed.id, httpserver, T0)
    assert first.error is None and [f.label for f in first.failed] == ["記事g1"]
    [row] = await rows(store, feed.id)
    assert row["status"] == "failed" and from_stored(row["reason"], english=False).code == "feed.item_not_stored"


async def test_a_later_polls_new_item_failing_for_now_is_its_first_attempt(store, httpserver: HTTPServer):
    a1 = page(httpserver, "/a/1", article(1))
    feed = await feeds.subscribe(store, serve(httpserver, "/f.xml", [("g1", a1)]), fetcher=fetcher(httpserver))
    await poll(store, feed.id, httpserver, T0)
    httpserver.clear()
    httpserver.expect_request("/busy").respond_with_data("busy", status=503)
    serve(httpserver, "/f.xml", [("g1", a1), ("g2", httpserver.url_for("/busy"))])
    later = await poll(store, feed.id, httpserver, T0 + INTERVAL)
    [failure] = later.failed
    assert datetime.fromisoformat(failure.retry_at) == T0 + 2 * INTERVAL  # one interval after this poll
    attempts = await store.fetchone(
        "SELECT attempts FROM feed_items WHERE feed_id = ? AND item_key = ?", (feed.id, "guid:g2")
    )
    assert attempts["attempts"] == 1


@pytest.mark.parametrize(
    ("validator", "conditional"),
    [("ETag", "If-None-Match"), ("Last-Modified", "If-Modified-Since")],
)
async def test_a_later_poll_asks_conditionally_with_the_validator_the_feed_gave(
    store, httpserver: HTTPServer, validator: str, conditional: str
):
    """The server answers 304 only to the validator it gave; otherwise it serves the same items in other bytes
    (a new build date), which the poll must parse again: only the conditional request makes it not modified."""
    a1 = page(httpserver, "/a/1", article(1))
    value = '"v1"' if validator == "ETag" else "Wed, 09 Apr 2025 12:00:00 GMT"
    served = {"n": 0}

    def feed(request: Request) -> Response:
        if request.headers.get(conditional) == value:
            return Response(status=304)
        served["n"] += 1
        body = rss([("g1", a1)]).replace("</channel>", f"<lastBuildDate>{served['n']}</lastBuildDate></channel>")
        return Response(body, content_type="application/rss+xml", headers={validator: value})

    httpserver.expect_request("/f.xml").respond_with_handler(feed)
    sub = await feeds.subscribe(store, httpserver.url_for("/f.xml"), fetcher=fetcher(httpserver), discover=False)
    await poll(store, sub.id, httpserver, T0)
    again = await poll(store, sub.id, httpserver, T0 + INTERVAL)
    assert again.not_modified and again.error is None and served["n"] == 1


async def test_an_unknown_feed_is_none_and_an_empty_address_is_refused_as_empty(store) -> None:
    assert await feeds.get_feed(store, 999) is None
    for empty in ("", "   ", None):
        with pytest.raises(QueryError) as refused:
            await feeds.subscribe(store, empty)  # type: ignore[arg-type]
        assert refused.value.code == "feed.empty_url"


async def test_linkless_items_take_the_feeds_title_as_it_reads_now(store, httpserver: HTTPServer):
    """The feed renamed itself since it was followed: its items' outlet is its title at this poll."""
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        '<item><guid isPermaLink="false">s1</guid><description>政府は臨時閣議を開いた。首相は支援の継続を表明した。'
        "</description></item></channel></rss>"
    )
    httpserver.expect_request("/f.xml").respond_with_data(
        xml.format(title="旧通信"), content_type="application/rss+xml"
    )
    feed = await feeds.subscribe(store, httpserver.url_for("/f.xml"), fetcher=fetcher(httpserver))
    assert feed.title == "旧通信"
    httpserver.clear()
    httpserver.expect_request("/f.xml").respond_with_data(
        xml.format(title="新通信"), content_type="application/rss+xml"
    )
    await poll(store, feed.id, httpserver, T0)
    [row] = await rows(store, feed.id)
    doc = await get_source(store, row["document_id"])
    assert doc is not None and doc.outlet == "新通信"


async def test_a_first_polls_item_the_same_article_as_an_earlier_one_is_that_document(store, httpserver: HTTPServer):
    """On a first poll (the bulk path), an item whose page is the article of an earlier item of the same poll is
    reported while the earlier one waits in its batch: it is recorded as that document once the batch is written,
    not as fetched with no document."""
    a1 = page(httpserver, "/a/1", article(1))
    copy = page(httpserver, "/copy/1", article(1))
    a2 = page(httpserver, "/a/2", article(2))
    feed = await feeds.subscribe(
        store, serve(httpserver, "/f.xml", [("g1", a1), ("g2", copy), ("g3", a2)]), fetcher=fetcher(httpserver)
    )
    first = await poll(store, feed.id, httpserver, T0)
    assert first.error is None and first.failed == []
    by_key = {r["item_key"].removeprefix("guid:"): r for r in await rows(store, feed.id)}
    assert {k: r["status"] for k, r in by_key.items()} == {"g1": "fetched", "g2": "fetched", "g3": "fetched"}
    ids = {k: r["document_id"] for k, r in by_key.items()}
    assert None not in ids.values()
    assert len({ids["g1"], ids["g2"]}) == 1 and ids["g3"] != ids["g1"]  # the copy is the earlier one's document
