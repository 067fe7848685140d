"""Feed subscriptions against a real HTTP server on 127.0.0.1: new items, dedup, backoff and pause.

The server's own "127.0.0.1:port" is trusted, as the bot's /source feed does it (`trusted_hosts`), and
nothing else: private fetching is never turned on wholesale.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from bot.ingest.fetcher import Fetcher
from bot.services import feeds
from bot.services.digest import build_digest
from bot.services.errors import QueryError
from bot.services.timeline import timeline

INTERVAL = timedelta(minutes=15)

ARTICLE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="テスト通信"></head><body><nav>トップ | 国際 | 経済</nav><article>
<h1>{title}</h1><p>{body}</p><p>ポーランドのテスト外相は{day}日、追加の支援策について記者団に説明した。
関係者によると、協議は今後も続く見通しで、各国の外相が近く再び会合を開く予定だという。</p></article>
<footer>© テスト通信</footer></body></html>"""

BODIES = [
    "マクロン大統領は2025年4月{day}日、欧州の防衛支出を増やす必要があると述べた。",
    "ルッテ事務総長は2025年4月{day}日、加盟国に防衛費の増額を求めた。",
    "シコルスキ外相は2025年4月{day}日、ウクライナへの兵器輸送が続いていると発表した。",
    "フォンデアライエン委員長は2025年4月{day}日、欧州再軍備計画の第二段階を発表した。",
]


def rss(items: list[int]) -> str:
    entries = "".join(
        f'<item><title>記事{i}</title><link>{{base}}/a{i}</link><guid isPermaLink="false">g{i}</guid></item>'
        for i in reversed(items)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>テスト通信</title>{entries}</channel></rss>'


def serve_feed(server: HTTPServer, items: list[int]) -> None:
    server.clear()
    base = server.url_for("").rstrip("/")
    server.expect_request("/feed.xml").respond_with_data(
        rss(items).replace("{base}", base), content_type="application/rss+xml; charset=utf-8"
    )
    for i in items:
        day = 10 + i
        html = ARTICLE.format(title=f"記事{i}", body=BODIES[i % len(BODIES)].format(day=day), day=day)
        server.expect_request(f"/a{i}").respond_with_data(html, content_type="text/html; charset=utf-8")


def trusted(server: HTTPServer) -> tuple[str, ...]:
    return (f"{server.host}:{server.port}",)


async def follow(store, server: HTTPServer, path: str, **kw) -> feeds.Feed:  # type: ignore[no-untyped-def]
    """Subscribe as /source feed does: the address rule is lifted only for the server's own endpoint."""
    return await feeds.subscribe(store, server.url_for(path), fetcher=Fetcher(trusted_hosts=trusted(server)), **kw)


async def test_first_poll_is_quiet_then_only_the_new_item_is_announced(store, httpserver: HTTPServer):
    serve_feed(httpserver, [0, 1, 2])
    feed = await feeds.subscribe(
        store, httpserver.url_for("/feed.xml"), guild_id=1, fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    before = datetime.now(UTC).isoformat(timespec="microseconds")

    first = await feeds.poll_feed(store, feed, interval=INTERVAL, fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    assert (first.error, first.added, first.stored_quietly) == (None, [], 3)

    serve_feed(httpserver, [0, 1, 2, 3])
    feed = await feeds.get_feed(store, feed.id)
    second = await feeds.poll_feed(store, feed, interval=INTERVAL, fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    assert [r.title for r in second.added] == ["記事3"]
    assert second.seen == 3  # seen by guid, not fetched again

    digest = await build_digest(store, since=before)
    assert [d.title for d in digest.sources] == ["記事3"]  # the first poll's items are not announced
    events = await timeline(store, since="2025-04-13", until="2025-04-13")
    assert any("フォンデアライエン" in e.summary for e in events)

    listed = await feeds.list_feeds(store, guild_id=1)
    assert listed[0].items == 4 and listed[0].health == "ok"


async def test_duplicate_subscription_and_blocked_address_are_refused(store, httpserver: HTTPServer):
    url = httpserver.url_for("/feed.xml")
    await feeds.subscribe(store, url, guild_id=1, fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    with pytest.raises(QueryError, match="already follows"):
        await feeds.subscribe(store, url, guild_id=1, fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    with pytest.raises(QueryError, match=r"127\.0\.0\.1 is a loopback address"):
        await feeds.subscribe(store, url, guild_id=2)
    assert await feeds.unsubscribe(store, 999) is False


async def test_failing_feed_backs_off_then_pauses(store, httpserver: HTTPServer):
    httpserver.expect_request("/broken.xml").respond_with_data("nope", status=500)
    feed = await feeds.subscribe(
        store, httpserver.url_for("/broken.xml"), fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )
    now = datetime(2025, 3, 13, tzinfo=UTC)
    delays = []
    for _ in range(feeds.MAX_FAILURES):
        feed = await feeds.get_feed(store, feed.id)
        assert not feed.paused
        result = await feeds.poll_feed(
            store, feed, interval=INTERVAL, fetcher=Fetcher(trusted_hosts=trusted(httpserver)), now=now
        )
        assert result.error and "500" in result.error
        feed = await feeds.get_feed(store, feed.id)
        delays.append(datetime.fromisoformat(feed.next_poll_at) - now)
    assert delays[:4] == [INTERVAL, 2 * INTERVAL, 4 * INTERVAL, 8 * INTERVAL]
    assert max(delays) <= feeds.MAX_BACKOFF
    assert result.paused_now and feed.paused and "paused" in feed.health
    assert await feeds.due_feeds(store, now + timedelta(days=30)) == []

    assert await feeds.resume(store, feed.id)
    feed = await feeds.get_feed(store, feed.id)
    assert not feed.paused and feed.failures == 0


async def test_a_success_resets_the_failure_count_so_only_failures_in_a_row_pause(
    store, httpserver: HTTPServer, caplog
):
    """MAX_FAILURES - 1 failures, one good poll, then failures again: the pause needs MAX_FAILURES more in a row,
    and the backoff starts again from one interval."""
    state = {"ok": False}

    def handler(request):  # type: ignore[no-untyped-def]
        from werkzeug import Response

        if state["ok"]:
            return Response(rss([]).replace("{base}", ""), content_type="application/rss+xml; charset=utf-8")
        return Response("nope", status=500)

    httpserver.expect_request("/flaky.xml").respond_with_handler(handler)
    feed = await follow(store, httpserver, "/flaky.xml")
    now = datetime(2025, 3, 13, tzinfo=UTC)

    async def poll() -> feeds.PollResult:
        nonlocal now
        now += timedelta(days=2)  # past any backoff
        current = await feeds.get_feed(store, feed.id)
        assert current is not None and not current.paused
        return await feeds.poll_feed(
            store, current, interval=INTERVAL, fetcher=Fetcher(trusted_hosts=trusted(httpserver)), now=now
        )

    for _ in range(feeds.MAX_FAILURES - 1):
        assert (await poll()).error
    assert (await feeds.get_feed(store, feed.id)).failures == feeds.MAX_FAILURES - 1

    state["ok"] = True
    good = await poll()
    assert good.error is None and not good.paused_now
    healthy = await feeds.get_feed(store, feed.id)
    assert (healthy.failures, healthy.last_error, healthy.health) == (0, None, "ok")

    state["ok"] = False
    for attempt in range(1, feeds.MAX_FAILURES + 1):
        result = await poll()
        assert result.error and result.paused_now == (attempt == feeds.MAX_FAILURES), attempt
        failing = await feeds.get_feed(store, feed.id)
        assert failing.failures == attempt
        # the backoff starts again from one interval and doubles with each failure in a row, up to a day
        expected = min(INTERVAL * 2 ** (attempt - 1), timedelta(hours=24))
        assert datetime.fromisoformat(failing.next_poll_at) - now == expected, attempt
        assert failing.last_error == result.error and datetime.fromisoformat(failing.last_polled_at) == now, attempt
        assert result.feed == failing  # the poll's result carries the feed as recorded (the pause notice reads it)
    assert failing.paused
    said = [r.getMessage() for r in caplog.records if r.name == "bot.services.feeds" and r.levelname == "WARNING"]
    assert said[-1].endswith(
        f"failed ({feeds.MAX_FAILURES} in a row): The site answered HTTP 500 INTERNAL SERVER ERROR."
    )
