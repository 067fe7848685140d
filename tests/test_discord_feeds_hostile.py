"""A feed with a broken item mid-feed, through SimCord: the newer items are still announced in the digest,
and /source feeds shows the failed item with its reason. Also /source feed on a page that announces its
feed, and /source add url: on a feed pointing at /source feed.

The feed and its pages come from a real HTTP server on 127.0.0.1, reached only through
`bot.trusted_hosts`; the bot's clock and the store's timestamps follow one test clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from simcord import assert_error

from bot.config import Settings
from bot.services.errors import QueryError
from commands.client import NewsdeskBot
from tests.hostile_feeds import article
from tests.test_discord_support import (  # noqa: F401
    FakeClock,
    World,
    close_store,
    make_bot,
    rejected_fixture,
    settings_fixture,
    texts,
    world_fixture,
)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))

    def stamp() -> str:
        return clock().astimezone(UTC).isoformat(timespec="microseconds")

    for where in ("bot.store.store.utcnow", "bot.services.digest.utcnow", "bot.services.feeds.utcnow"):
        monkeypatch.setattr(where, stamp)
    return clock


@pytest.fixture
async def simcord_bot(settings: Settings, clock: FakeClock):
    bot = await make_bot(settings, clock)
    yield bot
    if bot._http is not None:
        await bot._http.close()
    await close_store(bot)


def trust(world: World, server: HTTPServer) -> NewsdeskBot:
    bot: NewsdeskBot = world.env.bot  # type: ignore[assignment]
    bot.trusted_hosts = (f"{server.host}:{server.port}",)
    return bot


def rss(server: HTTPServer, items: list[tuple[int, str | None]]) -> str:
    """Items (number, link or None for the normal page), newest first as listed."""
    base = server.url_for("").rstrip("/")
    entries = "".join(
        f"<item><title>記事{n}</title><link>{link or f'{base}/a/{n}'}</link>"
        f'<guid isPermaLink="false">g{n}</guid></item>'
        for n, link in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>速報通信</title>{entries}</channel></rss>'


def serve(server: HTTPServer, items: list[tuple[int, str | None]]) -> None:
    server.clear()
    server.expect_request("/feed.xml").respond_with_data(rss(server, items), content_type="application/rss+xml")
    for n, link in items:
        if link is None:
            server.expect_request(f"/a/{n}").respond_with_data(article(n), content_type="text/html; charset=utf-8")


async def test_a_broken_item_mid_feed_does_not_block_the_newer_ones(
    world: World, httpserver: HTTPServer, clock: FakeClock
) -> None:
    bot = trust(world, httpserver)
    digest_channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=digest_channel)
    serve(httpserver, [(1, None), (0, None)])
    followed = await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/feed.xml"))
    assert followed.ephemeral and "as feed #1" in followed.response.content

    start = clock.now = clock.now + timedelta(seconds=1)
    [first] = await bot.poll_due_feeds(now=start)
    assert first.error is None and first.stored_quietly == 2

    # Newest first: 記事4 and 記事3 are newer than the broken 記事2.
    serve(httpserver, [(4, None), (3, None), (2, "http://h:99999/x"), (1, None), (0, None)])
    clock.now = start + timedelta(minutes=16)
    [second] = await bot.poll_due_feeds()
    assert second.error is None
    assert [r.title for r in second.added] == ["記事3", "記事4"]
    assert [f.label for f in second.failed] == ["記事2"]

    digest = await world.admin.slash(world.channel, "digest now")
    shown = texts(digest.response)
    assert "記事3" in shown and "記事4" in shown and "記事0" not in shown

    listing = await world.admin.slash(world.channel, "source feeds")
    page = listing.response.embeds[0].description
    assert "**ok**" in page
    assert "5 items: 4 stored, 1 failed (0 to be retried), 0 skipped" in page
    assert "Last item error: 記事2: the link" in page and "not a valid URL" in page


async def test_source_feed_finds_the_feed_a_page_announces(world: World, httpserver: HTTPServer) -> None:
    trust(world, httpserver)
    serve(httpserver, [(0, None)])
    httpserver.expect_request("/news").respond_with_data(
        '<!doctype html><html><head><title>速報通信</title><link rel="alternate" type="application/rss+xml"'
        ' href="/feed.xml"></head><body><p>トップ</p></body></html>',
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/plain").respond_with_data(
        "<!doctype html><html><head><title>x</title></head><body><p>no feed</p></body></html>",
        content_type="text/html; charset=utf-8",
    )
    followed = await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/news"))
    assert followed.ephemeral and "as feed #1" in followed.response.content
    assert "/feed.xml" in followed.response.content
    refused = await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/plain"))
    assert refused.ephemeral and "announces no feed" in texts(refused.response)
    assert_error(world.env, QueryError)

    added = await world.admin.slash(world.channel, "source add", url=httpserver.url_for("/feed.xml"))
    assert added.ephemeral and "is a feed, not an article" in texts(added.response)
    assert "/source feed" in texts(added.response)


async def test_the_digest_says_when_a_feeds_items_keep_failing(
    world: World, httpserver: HTTPServer, clock: FakeClock
) -> None:
    bot = trust(world, httpserver)
    serve(httpserver, [(0, None)])
    await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/feed.xml"))
    start = clock.now = clock.now + timedelta(seconds=1)
    await bot.poll_due_feeds(now=start)
    serve(httpserver, [(3, "http://[bad/"), (2, "http://h:99999/x"), (1, "ftp://example.org/1"), (0, None)])
    clock.now = start + timedelta(minutes=16)
    [result] = await bot.poll_due_feeds()
    assert len(result.failed) == 3 and result.added == []

    await world.admin.slash(world.channel, "digest now")
    shown = "\n".join(texts(m) for m in world.channel.history() if m.author.bot)
    assert "Feeds whose items keep failing" in shown
    assert "Feed #1 速報通信: 3 items failed in this period, 1 stored" in shown
