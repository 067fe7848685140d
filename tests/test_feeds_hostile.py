"""Feeds as real publishers serve them, against a real HTTP server on 127.0.0.1 (tests/hostile_feeds.py).

Every case: no exception, every item's outcome recorded (a failure or a skip with its reason), and an
unchanged re-poll adds no row. Then the classes one by one: a 5,000-item feed, Japanese encodings and
IRIs, a 503 item retried, linkless and id-only items, a poll that raises, autodiscovery, JSON Feed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from bot.ingest.feeds import parse_feed
from bot.ingest.fetcher import Fetcher
from bot.services import feeds
from bot.services.digest import build_digest
from bot.services.errors import QueryError
from bot.services.sources import get_source
from bot.store import Store
from bot.user_errors import stored_in
from tests.hostile_feeds import Case, article, big_feed, cases, undated_article

INTERVAL = timedelta(minutes=15)
CASES = cases()
T0 = datetime(2025, 4, 10, 12, 0, tzinfo=UTC)


def trusted(server: HTTPServer) -> tuple[str, ...]:
    return (f"{server.host}:{server.port}",)


def base(server: HTTPServer) -> str:
    return server.url_for("").rstrip("/")


def serve_case(server: HTTPServer, case: Case, tail: dict[str, bytes] | None = None) -> str:
    """Serve the case's feed (plus ``tail["bytes"]`` at its end, when given) and its pages."""
    body = case.body.replace(b"{base}", base(server).encode())
    server.expect_request(f"/feeds/{case.name}").respond_with_handler(
        lambda r: Response(body + (tail or {}).get("bytes", b""), content_type=case.content_type)
    )
    for path, html in case.pages.items():
        server.expect_request(path).respond_with_data(html, content_type="text/html; charset=utf-8")
    return server.url_for(f"/feeds/{case.name}")


async def states(store: Store, feed_id: int) -> list[dict]:
    rows = await store.fetchall(
        "SELECT item_key, status, reason, retry_at, attempts, document_id, link FROM feed_items WHERE feed_id = ?"
        " ORDER BY id",
        (feed_id,),
    )
    return [dict(r) for r in rows]


async def poll(store: Store, feed_id: int, server: HTTPServer, now: datetime, **kw) -> feeds.PollResult:
    feed = await feeds.get_feed(store, feed_id)
    assert feed is not None
    return await feeds.poll_feed(
        store, feed, interval=INTERVAL, fetcher=Fetcher(trusted_hosts=trusted(server)), now=now, **kw
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
async def test_every_item_has_an_outcome_and_a_repoll_adds_nothing(store, httpserver: HTTPServer, case: Case):
    tail: dict[str, bytes] = {}
    url = serve_case(httpserver, case, tail)
    feed = await feeds.subscribe(store, url, fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    if case.title:
        assert feed.title == case.title  # decoded right at the first look
    first = await poll(store, feed.id, httpserver, T0)
    assert first.error is None
    rows = await states(store, feed.id)
    by_status = {s: sum(r["status"] == s for r in rows) for s in ("fetched", "failed", "skipped")}
    assert by_status == {"fetched": case.stored, "failed": case.failed, "skipped": case.skipped}, rows
    assert all(r["reason"] for r in rows if r["status"] != "fetched")
    assert all(r["document_id"] for r in rows if r["status"] == "fetched")
    assert len(first.failed) == case.failed and all(f.reason for f in first.failed)

    same = await poll(store, feed.id, httpserver, T0 + INTERVAL)
    assert same.not_modified and same.seen == 0 and same.failed == []  # the same bytes are not parsed again

    tail["bytes"] = b"\n"  # the same items, other bytes (as a new lastBuildDate would make them)
    again = await poll(store, feed.id, httpserver, T0 + 2 * INTERVAL)
    assert again.error is None and not again.not_modified and again.failed == [] and again.added == []
    assert again.seen >= len(rows)  # every item known (an item listed twice counts twice)
    assert len(await states(store, feed.id)) == len(rows)  # no row growth on an unchanged re-poll

    listed = await feeds.get_feed(store, feed.id)
    assert listed is not None and listed.health == "ok"
    assert (listed.fetched, listed.failed, listed.skipped) == (case.stored, case.failed, case.skipped)
    if case.failed:
        assert listed.last_item_error


async def test_a_bad_link_mid_feed_costs_that_item_only(store, httpserver: HTTPServer):
    case = next(c for c in CASES if c.name == "bad_links_mid_feed")
    feed = await feeds.subscribe(
        store, serve_case(httpserver, case), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    result = await poll(store, feed.id, httpserver, T0)
    reasons = {f.label: stored_in(f.reason, "en") for f in result.failed}
    assert "not a valid URL" in reasons["記事21"] and "not a valid URL" in reasons["記事22"]
    assert "not a web address" in reasons["記事23"] and "user name" in reasons["記事25"]
    assert result.stored_quietly == 2  # 記事20 before the bad links and 記事30 after them


async def test_japanese_encodings_and_iri_links(store, httpserver: HTTPServer):
    sjis = next(c for c in CASES if c.name == "shift_jis_http_only")
    feed = await feeds.subscribe(
        store, serve_case(httpserver, sjis), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    await poll(store, feed.id, httpserver, T0)
    [row] = await states(store, feed.id)
    assert row["link"].endswith("/%E8%A8%98%E4%BA%8B/%E5%81%9C%E6%88%A6%E4%BA%A4%E6%B8%89")
    doc = await get_source(store, row["document_id"])
    assert doc is not None and doc.title == "停戦交渉の行方"

    euc = next(c for c in CASES if c.name == "euc_jp_undeclared")
    feed = await feeds.subscribe(store, serve_case(httpserver, euc), fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    await poll(store, feed.id, httpserver, T0)
    rows = await states(store, feed.id)
    assert {r["status"] for r in rows} == {"fetched"}
    assert any(r["link"].endswith("/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9/%E4%BA%88%E7%AE%97?id=%93%FA") for r in rows)
    queries = [
        req.query_string for req, _ in httpserver.log if "%E4%BA%88%E7%AE%97" in req.full_path or "予算" in req.path
    ]
    assert queries == [b"id=%93%FA"]  # the Shift_JIS escape went out byte-exact


def test_parse_keeps_iris_and_never_turns_an_opaque_guid_into_a_link():
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><guid>12345</guid><title>a</title></item>"
        "<item><link>/記事/1?q=%E3%81%82&amp;utm_source=x</link><title>b</title></item>"
        "<item><link>http://[::1]:8080/x</link><title>c</title></item>"
        "</channel></rss>"
    ).encode()
    parsed = parse_feed(body, "https://news.example.jp/rss")
    a, b, c = parsed.items
    assert a.link is None and a.guid == "12345"
    assert b.link == "https://news.example.jp/%E8%A8%98%E4%BA%8B/1?q=%E3%81%82&utm_source=x"
    assert c.link == "http://[::1]:8080/x"


def serve_big(server: HTTPServer, body: dict[str, str], etag: str | None = None) -> str:
    """The feed in ``body["feed"]``; with ``etag``, a conditional request for it is answered 304."""

    def page(request: Request) -> Response:
        n = int(request.path.rsplit("/", 1)[1])
        return Response(undated_article(n), content_type="text/html; charset=utf-8")

    def feed(request: Request) -> Response:
        asked = request.headers.get("If-None-Match")
        if etag and asked is not None and asked == body.get("etag"):
            return Response(status=304)
        headers = {"ETag": body.setdefault("etag", etag)} if etag else {}
        text = body["feed"].replace("{base}", base(server))
        return Response(text, content_type="application/rss+xml", headers=headers)

    server.expect_request(re.compile(r"^/big/\d+$")).respond_with_handler(page)
    server.expect_request("/big.xml").respond_with_handler(feed)
    return server.url_for("/big.xml")


async def test_5000_items_the_newest_are_delivered(store, httpserver: HTTPServer):
    body = {"feed": big_feed(5000)}
    url = serve_big(httpserver, body)
    feed = await feeds.subscribe(store, url, fetcher=Fetcher(trusted_hosts=trusted(httpserver)), discover=False)
    first = await poll(store, feed.id, httpserver, T0, max_items=20)
    assert first.stored_quietly == 20 and first.skipped == 4980 and first.failed == []
    rows = await states(store, feed.id)
    fetched = sorted(int(r["item_key"].removeprefix("guid:big")) for r in rows if r["status"] == "fetched")
    assert fetched == list(range(4980, 5000))  # the newest, not the oldest

    body["feed"] = big_feed(5000, extra_newest=2)  # two items published since
    second = await poll(store, feed.id, httpserver, T0 + INTERVAL, max_items=20)
    assert [r.title for r in second.added] == ["記事5000", "記事5001"] and second.seen == 5000
    doc = await get_source(store, second.added[0].document_id)
    assert doc is not None and doc.published == "2025-01-04"  # the page has no date: the item's stood in
    assert len(await states(store, feed.id)) == 5002


async def test_a_backlog_is_worked_off_over_the_next_polls_oldest_first(store, httpserver: HTTPServer):
    body = {"feed": big_feed(10)}
    url = serve_big(httpserver, body, etag='"v1"')
    feed = await feeds.subscribe(store, url, fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    await poll(store, feed.id, httpserver, T0, max_items=20)
    body["feed"], body["etag"] = big_feed(10, extra_newest=25), '"v2"'  # 25 new items: more than one poll's cap
    second = await poll(store, feed.id, httpserver, T0 + INTERVAL, max_items=20)
    assert [r.title for r in second.added] == [f"記事{n}" for n in range(15, 35)]  # the newest 20, oldest first
    assert second.backlog == 5 and second.seen == 10
    third = await poll(store, feed.id, httpserver, T0 + 2 * INTERVAL, max_items=20)
    assert [r.title for r in third.added] == [f"記事{n}" for n in range(10, 15)] and third.backlog == 0
    assert not third.not_modified  # the ETag had not changed, but a backlog needs the body
    fourth = await poll(store, feed.id, httpserver, T0 + 3 * INTERVAL, max_items=20)
    assert fourth.not_modified and fourth.added == []  # no backlog: the conditional request again


async def test_a_503_item_is_retried_and_stored_when_the_page_recovers(store, httpserver: HTTPServer):
    answers = iter([503, 503])

    def flaky(request: Request) -> Response:
        status = next(answers, 200)
        if status != 200:
            return Response("busy", status=status)
        return Response(article(90), content_type="text/html; charset=utf-8")

    httpserver.expect_request("/a/90").respond_with_handler(flaky)
    feed_xml = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>flaky</title>'
        f'<item><title>記事90</title><link>{base(httpserver)}/a/90</link><guid isPermaLink="false">f90</guid>'
        "<pubDate>Sat, 05 Apr 2025 09:00:00 +0900</pubDate></item></channel></rss>"
    )
    httpserver.expect_request("/flaky.xml").respond_with_data(feed_xml, content_type="application/rss+xml")
    feed = await feeds.subscribe(
        store, httpserver.url_for("/flaky.xml"), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )

    first = await poll(store, feed.id, httpserver, T0)
    [failure] = first.failed
    assert "503" in failure.reason and failure.retry_at is not None
    listed = await feeds.get_feed(store, feed.id)
    assert listed is not None and (listed.failed, listed.retrying) == (1, 1) and "503" in listed.last_item_error

    early = await poll(store, feed.id, httpserver, T0 + timedelta(minutes=1))
    assert early.retried == 0  # not due yet
    second = await poll(store, feed.id, httpserver, T0 + INTERVAL)
    assert second.retried == 1 and second.failed[0].retry_at is not None  # 503 again: the delay doubles
    assert datetime.fromisoformat(second.failed[0].retry_at) == T0 + 3 * INTERVAL
    third = await poll(store, feed.id, httpserver, T0 + 3 * INTERVAL)
    assert third.retried == 1 and third.failed == [] and [r.title for r in third.added] == ["記事90"]
    [row] = await states(store, feed.id)
    assert row["status"] == "fetched" and row["attempts"] == 3 and row["retry_at"] is None
    assert len(await states(store, feed.id)) == 1


async def test_retries_are_bounded(store, httpserver: HTTPServer):
    httpserver.expect_request("/a/91").respond_with_data("down", status=502)
    feed_xml = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>down</title>'
        f"<item><title>記事91</title><link>{base(httpserver)}/a/91</link></item></channel></rss>"
    )
    httpserver.expect_request("/down.xml").respond_with_data(feed_xml, content_type="application/rss+xml")
    feed = await feeds.subscribe(
        store, httpserver.url_for("/down.xml"), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    now = T0
    for _ in range(feeds.MAX_ITEM_ATTEMPTS + 3):
        await poll(store, feed.id, httpserver, now)
        now += timedelta(days=2)
    [row] = await states(store, feed.id)
    assert row["attempts"] == feeds.MAX_ITEM_ATTEMPTS and row["retry_at"] is None
    assert "gave up after" in stored_in(row["reason"], "en")


async def test_linkless_items_are_stored_from_their_own_text(store, httpserver: HTTPServer):
    case = next(c for c in CASES if c.name == "linkless_and_id_only")
    feed = await feeds.subscribe(
        store, serve_case(httpserver, case), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    await poll(store, feed.id, httpserver, T0)
    docs = [await get_source(store, r["document_id"]) for r in await states(store, feed.id) if r["document_id"]]
    summaries = {d.title: d for d in docs if d and d.origin == "feed"}
    assert set(summaries) == {"リンクなしの速報", "もう一つの速報", "番号GUIDの速報"}
    assert summaries["リンクなしの速報"].published == "2025-04-02"
    assert not any(req.path.endswith("12345") for req, _ in httpserver.log)  # an opaque GUID is never fetched


async def test_a_poll_that_raises_is_a_failure_that_backs_off(store, httpserver: HTTPServer, monkeypatch):
    case = CASES[0]
    feed = await feeds.subscribe(
        store, serve_case(httpserver, case), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )

    async def explode(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(feeds.untrusted, "parse_feed", explode)  # the sandboxed parser the poll calls
    result = await poll(store, feed.id, httpserver, T0)
    assert result.error and "RuntimeError" in result.error
    after = await feeds.get_feed(store, feed.id)
    assert after is not None and after.failures == 1 and "failing" in after.health
    assert datetime.fromisoformat(after.next_poll_at) == T0 + INTERVAL


async def test_an_item_that_raises_costs_that_item(store, httpserver: HTTPServer, monkeypatch):
    case = next(c for c in CASES if c.name == "oldest_first")
    feed = await feeds.subscribe(
        store, serve_case(httpserver, case), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    real = feeds.read_item

    async def broken_71(store_, item, **kwargs):
        if item.title == "記事71":
            raise KeyError("surprise")
        return await real(store_, item, **kwargs)

    monkeypatch.setattr(feeds, "read_item", broken_71)
    result = await poll(store, feed.id, httpserver, T0)
    assert result.stored_quietly == 2 and [f.label for f in result.failed] == ["記事71"]
    assert "KeyError" in result.failed[0].reason


async def test_oldest_first_feed_is_stored_in_date_order(store, httpserver: HTTPServer):
    case = next(c for c in CASES if c.name == "oldest_first")
    feed = await feeds.subscribe(
        store, serve_case(httpserver, case), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    await poll(store, feed.id, httpserver, T0)
    rows = await states(store, feed.id)
    assert [r["item_key"] for r in sorted(rows, key=lambda r: r["document_id"])] == ["guid:g70", "guid:g71", "guid:g72"]


async def test_autodiscovery_from_an_html_page(store, httpserver: HTTPServer):
    case = CASES[0]
    feed_url = serve_case(httpserver, case)
    page = (
        '<!doctype html><html><head><title>News</title><link rel="stylesheet" href="/s.css">'
        f'<link rel="alternate" type="application/rss+xml" title="RSS" href="/feeds/{case.name}"></head>'
        "<body><p>hello</p></body></html>"
    )
    httpserver.expect_request("/home").respond_with_data(page, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/plain").respond_with_data(
        "<!doctype html><html><head><title>x</title></head><body>no feed</body></html>", content_type="text/html"
    )
    feed = await feeds.subscribe(store, httpserver.url_for("/home"), fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    assert feed.url == feed_url
    with pytest.raises(QueryError, match="announces no feed"):
        await feeds.subscribe(store, httpserver.url_for("/plain"), fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    with pytest.raises(QueryError, match="already follows"):
        await feeds.subscribe(store, httpserver.url_for("/home"), fetcher=Fetcher(trusted_hosts=trusted(httpserver)))


async def test_digest_notes_a_feed_whose_items_keep_failing(store, httpserver: HTTPServer):
    case = next(c for c in CASES if c.name == "bad_links_mid_feed")
    feed = await feeds.subscribe(
        store, serve_case(httpserver, case), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    since = datetime.now(UTC).isoformat(timespec="microseconds")
    await poll(store, feed.id, httpserver, datetime.now(UTC))
    digest = await build_digest(store, since=since)
    [trouble] = digest.feed_troubles
    assert trouble.feed_id == feed.id and trouble.failed == 5 and trouble.stored == 2 and trouble.last_error
    [listed] = [f for f in await feeds.list_feeds(store) if f.id == feed.id]
    assert listed.title and (trouble.feed, trouble.url) == (listed.title, feed.url)  # named by its title
    assert (await build_digest(store, since=since, guild_id=99)).feed_troubles == []
