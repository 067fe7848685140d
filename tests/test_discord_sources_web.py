"""/source add url:, the "Add article" form and feed subscriptions, end to end through SimCord.

Pages and feeds come from a real HTTP server on 127.0.0.1 (pytest-httpserver). The bot reaches it
only through `bot.trusted_hosts` (exactly that host:port), never by allowing private addresses.
The feed loop's coroutine is called directly with an injected `now`; the bot's clock and the store's
timestamps follow one test clock (SimCord's virtual time would otherwise disagree with the store's).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import UTC, datetime, timedelta

import discord
import pytest
from pytest_httpserver import HTTPServer
from simcord import assert_error
from werkzeug import Request, Response

from bot.config import Settings
from bot.services import feeds
from bot.services.errors import QueryError
from commands.checks import NotAdmin
from commands.client import NewsdeskBot
from tests.test_discord_support import (  # noqa: F401
    FakeClock,
    World,
    close_store,
    make_bot,
    make_settings,
    pings,
    rejected_fixture,
    settings_fixture,
    texts,
    world_fixture,
)

PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title} | テスト新聞</title>
<meta property="og:site_name" content="テスト新聞"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="2025-03-20T10:00:00+09:00"></head><body>
<nav>トップ | 国際 | 経済 | スポーツ</nav><article><h1>{title}</h1>
<p>ゼレンスキー大統領は2025年3月20日、キーウで記者団に対し「占領された領土をロシアに譲ることは決してない」と述べた。</p>
<p>大統領はまた、欧州による安全の保証が停戦の前提になると強調し、米国の仲介努力に謝意を示した。</p>
<p>関係者によると、次回の協議は来週にもサウジアラビアで開かれる見通しだという。</p></article>
<footer>© テスト新聞</footer></body></html>"""
QUOTE = "占領された領土をロシアに譲ることは決してない"

ITEM = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title>
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
MODAL_ARTICLE = """\
ゼレンスキー大統領は2025年3月22日、キーウで「公正で永続的な平和を必ず実現する」と述べた。
大統領はまた、欧州の安全の保証が停戦の前提だと強調した。
"""


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
    if bot._http is not None:  # SimCord detaches the bot without close(): close its HTTP session here
        await bot._http.close()
    await close_store(bot)


def trust(world: World, server: HTTPServer) -> NewsdeskBot:
    bot: NewsdeskBot = world.env.bot  # type: ignore[assignment]
    bot.trusted_hosts = (f"{server.host}:{server.port}",)
    return bot


def fields(message) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {f.name: f.value for f in message.embeds[0].fields}


def deferrals(world: World) -> int:
    """How many interactions the bot has deferred ("thinking…") so far."""
    return sum(
        r.method == "POST" and r.path.endswith("/callback") and (r.json or {}).get("type") == 5
        for r in world.env.http_requests
    )


def bot_messages(channel) -> list[discord.Message]:  # type: ignore[no-untyped-def]
    return [m for m in channel.history() if m.author.bot]


# --- /source add url: ------------------------------------------------------------------------


async def test_add_url_then_quote_then_each_refusal(world: World, httpserver: HTTPServer) -> None:
    deferred_at_fetch: list[int] = []

    def page(request: Request) -> Response:
        deferred_at_fetch.append(deferrals(world))
        return Response(PAGE.format(title="ゼレンスキー氏、領土は譲らず"), content_type="text/html; charset=utf-8")

    httpserver.expect_request("/news/1").respond_with_handler(page)
    httpserver.expect_request("/missing").respond_with_data("gone", status=404)
    httpserver.expect_request("/photo.png").respond_with_data(
        b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png"
    )
    httpserver.expect_request("/empty").respond_with_data(
        "<html><head><title>x</title></head><body><p>ok</p></body></html>", content_type="text/html"
    )
    httpserver.expect_request("/huge").respond_with_data(b"a" * 5_000_001, content_type="text/html")
    url = httpserver.url_for("/news/1")

    assert url.startswith("http://127.0.0.1:")  # the address rule, not the `localhost` name rule
    untrusted = await world.admin.slash(world.channel, "source add", url=url)  # 127.0.0.1, not trusted yet
    assert untrusted.ephemeral
    assert untrusted.response.content.startswith("Not added:")
    assert "127.0.0.1 is a loopback address" in untrusted.response.content

    trust(world, httpserver)
    before = deferrals(world)
    added = await world.admin.slash(world.channel, "source add", url=url)
    assert added.ephemeral and deferred_at_fetch == [before + 1]  # "thinking…" before the page was fetched
    embed = added.response.embeds[0]
    assert embed.title == "Added #6: ゼレンスキー氏、領土は譲らず"
    shown = fields(added.response)
    assert shown["Outlet"] == "テスト新聞" and shown["Published"] == "2025-03-20"
    assert int(shown["Passages"]) >= 1
    assert {"Events", "Statements", "New actors"} <= shown.keys()

    found = await world.reader.slash(world.channel, "quote", text=QUOTE)
    quote = found.response.embeds[0]
    assert f"**{QUOTE}**" in quote.description
    assert "(#6)" in fields(found.response)["Reported by"]

    again = await world.admin.slash(world.channel, "source add", url=url)
    assert again.ephemeral and "already stored as document #6" in again.response.content

    # trust is for that host:port as written: the same server by name, or on another port, is still refused
    by_name = await world.admin.slash(world.channel, "source add", url=url.replace("127.0.0.1", "localhost"))
    assert "localhost is a local host name" in by_name.response.content
    other_port = await world.admin.slash(world.channel, "source add", url="http://127.0.0.1:1/news/1")
    assert "127.0.0.1 is a loopback address" in other_port.response.content

    private = await world.admin.slash(world.channel, "source add", url="http://10.0.0.1/x")
    assert private.response.content.startswith("Not added:") and "10.0.0.1" in private.response.content
    assert "private" in private.response.content.lower()

    missing = await world.admin.slash(world.channel, "source add", url=httpserver.url_for("/missing"))
    assert "HTTP 404" in missing.response.content

    image = await world.admin.slash(world.channel, "source add", url=httpserver.url_for("/photo.png"))
    assert "Unsupported content type: image/png" in image.response.content

    empty = await world.admin.slash(world.channel, "source add", url=httpserver.url_for("/empty"))
    assert "No article text" in empty.response.content

    huge = await world.admin.slash(world.channel, "source add", url=httpserver.url_for("/huge"))
    assert "over the 5 MB limit" in huge.response.content

    listing = await world.reader.slash(world.channel, "sources")
    assert listing.response.embeds[0].footer.text.endswith("6 documents")  # only the one page was added


# --- the "Add article" form ------------------------------------------------------------------


async def test_source_add_without_options_opens_the_form_and_stores_the_text(world: World) -> None:
    shown = await world.admin.slash(world.channel, "source add")
    assert shown.modal is not None and shown.modal["title"] == "Add article"
    assert shown.response is None  # the form is the answer

    submitted = await world.admin.submit_modal(
        shown,
        {
            "article:title": "平和を必ず実現",
            "article:url": "https://example.jp/news/peace",
            "article:date": "2025-03-22",
            "article:body": MODAL_ARTICLE,
        },
    )
    assert submitted.ephemeral and deferrals(world) == 1  # the submit deferred before ingesting
    embed = submitted.response.embeds[0]
    assert embed.title == "Added #6: 平和を必ず実現"
    assert fields(submitted.response)["Published"] == "2025-03-22"

    detail = await world.reader.slash(world.channel, "sources", id=6)
    assert fields(detail.response)["Origin"] == "pasted text"
    assert detail.response.embeds[0].url == "https://example.jp/news/peace"
    found = await world.reader.slash(world.channel, "quote", text="公正で永続的な平和を必ず実現する")
    assert "**公正で永続的な平和を必ず実現する**" in found.response.embeds[0].description

    again = await world.admin.slash(world.channel, "source add")
    duplicate = await world.admin.submit_modal(again, {"article:body": MODAL_ARTICLE})
    assert "already stored as document #6" in duplicate.response.content

    bad = await world.admin.slash(world.channel, "source add")
    refused = await world.admin.submit_modal(bad, {"article:body": "本文", "article:date": "someday"})
    assert refused.ephemeral and "not a date" in refused.response.content


# --- feeds -----------------------------------------------------------------------------------


def rss(items: list[int], base: str) -> str:
    entries = "".join(
        f'<item><title>記事{i}</title><link>{base}/a{i}</link><guid isPermaLink="false">g{i}</guid></item>'
        for i in reversed(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>テスト通信</title>'
        f"{entries}</channel></rss>"
    )


def serve_feed(server: HTTPServer, items: list[int]) -> None:
    server.clear()
    base = server.url_for("").rstrip("/")
    server.expect_request("/feed.xml").respond_with_data(
        rss(items, base), content_type="application/rss+xml; charset=utf-8"
    )
    for i in items:
        day = 10 + i
        html = ITEM.format(title=f"記事{i}", body=BODIES[i % len(BODIES)].format(day=day), day=day)
        server.expect_request(f"/a{i}").respond_with_data(html, content_type="text/html; charset=utf-8")


async def test_feed_first_poll_is_quiet_then_new_items_reach_the_digest(
    world: World, httpserver: HTTPServer, clock: FakeClock
) -> None:
    bot = trust(world, httpserver)
    digest_channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=digest_channel)
    serve_feed(httpserver, [0, 1, 2])

    followed = await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/feed.xml"))
    assert followed.ephemeral and "as feed #1" in followed.response.content

    start = clock.now = clock.now + timedelta(seconds=1)
    first = await bot.poll_due_feeds(now=start)
    assert [(r.feed.id, r.error, r.added, r.stored_quietly) for r in first] == [(1, None, [], 3)]
    assert bot_messages(digest_channel) == []  # nothing announced

    serve_feed(httpserver, [0, 1, 2, 3])
    assert await bot.poll_due_feeds(now=start + timedelta(minutes=5)) == []  # not due before the interval
    clock.now = start + timedelta(minutes=16)
    second = await bot.poll_due_feeds()  # the loop's own call: "now" from the bot's clock
    assert [r.title for r in second[0].added] == ["記事3"] and second[0].seen == 3

    digest = await world.admin.slash(world.channel, "digest now")
    shown = texts(digest.response)
    assert "記事3" in shown and "記事0" not in shown and "New sources" in shown

    listing = await world.admin.slash(world.channel, "source feeds")
    assert listing.ephemeral
    page = listing.response.embeds[0]
    assert page.title == "Feeds" and "`#1` [テスト通信]" in page.description
    assert "**ok**" in page.description and "4 items" in page.description

    choices = await world.admin.autocomplete(world.channel, "source unfeed", "id", "テスト")
    assert [c["value"] for c in choices] == [1] and choices[0]["name"] == "#1 テスト通信"
    removed = await world.admin.slash(world.channel, "source unfeed", id=1)
    assert removed.ephemeral and removed.response.content.startswith("Stopped following feed #1")
    empty = await world.admin.slash(world.channel, "source feeds")
    assert "follows no feeds" in empty.response.content
    assert await bot.poll_due_feeds(now=start + timedelta(hours=2)) == []


async def test_failing_feed_is_paused_and_the_server_told_once_then_resumed(
    world: World, httpserver: HTTPServer, clock: FakeClock
) -> None:
    bot = trust(world, httpserver)
    digest_channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=digest_channel)
    httpserver.expect_request("/broken.xml").respond_with_data("nope", status=500)
    await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/broken.xml"))

    now = clock.now
    for attempt in range(1, feeds.MAX_FAILURES + 1):
        now += timedelta(days=2)  # past any backoff
        [result] = await bot.poll_due_feeds(now=now)
        assert result.error and "500" in result.error
        assert result.paused_now == (attempt == feeds.MAX_FAILURES)
        if attempt < feeds.MAX_FAILURES:
            assert bot_messages(digest_channel) == []
    for _ in range(3):  # paused: not polled, and the notice is not repeated
        now += timedelta(days=2)
        assert await bot.poll_due_feeds(now=now) == []

    [notice] = bot_messages(digest_channel)
    assert "Feed #1" in notice.content and "10 failures" in notice.content and "HTTP 500" in notice.content
    assert "`/source resume id:1`" in notice.content
    assert not notice.mentions and not notice.role_mentions and not notice.mention_everyone

    listing = await world.admin.slash(world.channel, "source feeds")
    assert "paused after 10 failures" in listing.response.embeds[0].description

    choices = await world.admin.autocomplete(world.channel, "source resume", "id", "")
    assert choices[0]["value"] == 1
    clock.now = now
    resumed = await world.admin.slash(world.channel, "source resume", id=1)
    assert resumed.ephemeral and resumed.response.content.startswith("Resumed feed #1")
    feed = await feeds.get_feed(bot.store, 1)
    assert feed is not None and not feed.paused and feed.failures == 0 and not feed.pause_notified
    [result] = await bot.poll_due_feeds(now=now + timedelta(minutes=1))  # polled again
    assert result.error and not result.paused_now


async def test_a_paused_feed_notice_quoting_a_hostile_title_pings_no_one(
    world: World, httpserver: HTTPServer, clock: FakeClock
) -> None:
    """The notice quotes the feed's own title, which the feed's site wrote: its mentions must stay text."""
    bot = trust(world, httpserver)
    role = world.guild.create_role("subscribers", mentionable=True)
    title = f"@everyone @here 速報 <@&{role.id}> <@{world.reader.id}>"
    state = {"ok": True}

    def handler(request: Request) -> Response:
        if state["ok"]:
            # the characters themselves, escaped for an HTML title inside XML (feedparser strips tags)
            shown = title.replace("&", "&amp;amp;").replace("<", "&amp;lt;").replace(">", "&amp;gt;")
            feed = rss([], "").replace("<title>テスト通信</title>", f"<title>{shown}</title>")
            return Response(feed, content_type="application/rss+xml; charset=utf-8")
        return Response("nope", status=500)

    httpserver.expect_request("/hostile.xml").respond_with_handler(handler)
    digest_channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=digest_channel)
    await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/hostile.xml"))
    now = clock.now + timedelta(seconds=1)
    [first] = await bot.poll_due_feeds(now=now)
    assert first.error is None and (await feeds.get_feed(bot.store, 1)).title == title
    state["ok"] = False
    for _ in range(feeds.MAX_FAILURES):
        now += timedelta(days=2)
        await bot.poll_due_feeds(now=now)
    [notice] = bot_messages(digest_channel)
    assert "@everyone" in notice.content and f"<@&{role.id}>" in notice.content  # quoted as the site wrote it
    assert f"<@{world.reader.id}>" in notice.content
    assert pings(world, notice) == []


async def test_a_digest_listing_a_hostile_feeds_failures_pings_no_one(
    world: World, httpserver: HTTPServer, clock: FakeClock
) -> None:
    """A digest with nothing new is one plain message that lists the feeds whose items kept failing, by the
    title their site gave them: its mentions must stay text, in /digest now and in the posting loop."""
    bot = trust(world, httpserver)
    role = world.guild.create_role("subscribers", mentionable=True)
    title = f"@everyone @here 速報 <@&{role.id}> <@{world.reader.id}>"
    shown = title.replace("&", "&amp;amp;").replace("<", "&amp;lt;").replace(">", "&amp;gt;")
    feed = rss([0, 1, 2], httpserver.url_for("").rstrip("/")).replace(
        "<title>テスト通信</title>", f"<title>{shown}</title>"
    )
    httpserver.expect_request("/troubled.xml").respond_with_data(
        feed, content_type="application/rss+xml; charset=utf-8"
    )
    for i in range(3):
        httpserver.expect_request(f"/a{i}").respond_with_data("gone", status=404)
    digest_channel = world.guild.create_text_channel("digest")
    # the seeds, loaded at the bot's start, fall outside the first digest's last 24 hours
    clock.now += timedelta(days=2)
    await world.admin.slash(world.channel, "digest setup", channel=digest_channel, time="00:00", timezone="UTC")
    await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/troubled.xml"))
    clock.now += timedelta(seconds=1)
    [polled] = await bot.poll_due_feeds(now=clock.now)
    assert polled.error is None and len(polled.failed) == 3 and polled.feed.title == title
    clock.now += timedelta(seconds=1)

    now = await world.admin.slash(world.channel, "digest now")
    assert "@everyone" in now.response.content and f"<@&{role.id}>" in now.response.content  # the title as written
    assert "3" in now.response.content and not now.response.embeds
    assert pings(world, now.response.message) == []

    assert await bot.post_due_digests() == 1
    [posted] = [m for m in digest_channel.history() if m.author.bot]
    assert "@everyone" in posted.content and f"<@{world.reader.id}>" in posted.content
    assert pings(world, posted) == []


async def test_one_broken_feed_does_not_stop_the_others(
    world: World,
    httpserver: HTTPServer,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = trust(world, httpserver)
    serve_feed(httpserver, [0])
    httpserver.expect_request("/other.xml").respond_with_data(
        rss([], httpserver.url_for("").rstrip("/")), content_type="application/rss+xml"
    )
    await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/feed.xml"))
    await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/other.xml"))
    poll = feeds.poll_feed

    async def broken_first(store, feed, **kwargs):  # type: ignore[no-untyped-def]
        if feed.id == 1:
            raise RuntimeError("parser exploded")
        return await poll(store, feed, **kwargs)

    monkeypatch.setattr(feeds, "poll_feed", broken_first)
    clock.now += timedelta(seconds=1)
    results = await bot.poll_due_feeds()
    assert [r.feed.id for r in results] == [2]
    assert "parser exploded" in caplog.text


async def test_feed_refusals(world: World, httpserver: HTTPServer) -> None:
    source = world.env.backend.find_command("source", None)
    world.guild.set_command_permissions(int(source["id"]), {world.reader: True})
    url = httpserver.url_for("/feed.xml")

    reader = await world.reader.slash(world.channel, "source feed", url=url)
    assert reader.ephemeral and "Manage Server" in reader.response.content
    assert_error(world.env, NotAdmin)

    blocked = await world.admin.slash(world.channel, "source feed", url=url)  # 127.0.0.1 is not trusted
    assert blocked.ephemeral and "127.0.0.1 is a loopback address" in blocked.response.content
    assert await feeds.list_feeds(world.env.bot.store) == []  # type: ignore[attr-defined]

    trust(world, httpserver)
    await world.admin.slash(world.channel, "source feed", url=url)
    twice = await world.admin.slash(world.channel, "source feed", url=url)
    assert "already follows that feed (#1)" in twice.response.content

    other = world.env.create_guild("Elsewhere")
    channel = other.create_text_channel("general")
    editors = other.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    stranger = other.add_member(world.env.create_user("stranger"), roles=[editors])
    assert await stranger.autocomplete(channel, "source unfeed", "id", "") == []
    foreign = await stranger.slash(channel, "source unfeed", id=1)
    assert "follows no feed #1" in foreign.response.content
    foreign_resume = await stranger.slash(channel, "source resume", id=1)
    assert "follows no feed #1" in foreign_resume.response.content
    assert [f.id for f in await feeds.list_feeds(world.env.bot.store)] == [1]  # type: ignore[attr-defined]
    assert_error(world.env, QueryError)


async def test_feed_commands_are_localized(world: World) -> None:
    root = world.env.backend.find_command("source", None)
    subs = {o["name"]: o for o in root["options"]}
    assert subs["feed"]["name_localizations"]["ja"] == "フィード登録"
    assert subs["feed"]["options"][0]["name_localizations"]["ja"] == "フィードurl"
    assert subs["feeds"]["name_localizations"]["ja"] == "フィード一覧"
    assert subs["unfeed"]["name_localizations"]["ja"] == "フィード解除"
    assert subs["resume"]["name_localizations"]["ja"] == "フィード再開"
    assert all(len(o["description_localizations"]["ja"]) <= 100 for o in subs.values())


async def test_the_feed_loop_polls_every_minute(world: World, httpserver: HTTPServer, clock: FakeClock) -> None:
    trust(world, httpserver)
    serve_feed(httpserver, [0])
    await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/feed.xml"))
    clock.now += timedelta(seconds=1)
    await world.env.advance_time(60)
    [feed] = await feeds.list_feeds(world.env.bot.store)  # type: ignore[attr-defined]
    assert feed.health == "ok" and feed.items == 1
    assert world.env.bot.feed_loop.is_running()  # type: ignore[attr-defined]


async def test_commands_are_answered_while_a_slow_feed_is_being_polled(
    world: World, httpserver: HTTPServer, clock: FakeClock
) -> None:
    bot = trust(world, httpserver)
    release = threading.Event()
    requests: list[str] = []

    def slow_feed(request: Request) -> Response:
        requests.append(request.path)
        if len(requests) > 1:  # the first request is /source feed's own look at the address
            release.wait(10)
        return Response(rss([], ""), content_type="application/rss+xml")

    httpserver.expect_request("/slow.xml").respond_with_handler(slow_feed)
    await world.admin.slash(world.channel, "source feed", url=httpserver.url_for("/slow.xml"))
    clock.now += timedelta(seconds=1)
    polling = asyncio.create_task(bot.poll_due_feeds())
    try:
        await asyncio.sleep(0.05)
        assert not polling.done()
        answered = await world.reader.slash(world.channel, "quote", text="停戦")
        assert texts(answered.response)
        assert not polling.done()  # the feed is still being fetched
    finally:
        release.set()
    [result] = await polling
    assert result.error is None


async def test_close_closes_the_feed_session(seeded_db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    bot = NewsdeskBot(make_settings(seeded_db))

    async def no_discord() -> bool:
        return True

    monkeypatch.setattr(bot, "sync_commands", no_discord)
    async with bot:
        await bot.setup_hook()
        assert bot.feed_loop.is_running()
        fetcher = bot.fetcher
        assert bot.fetcher is fetcher and fetcher.session is not None  # built once: one session for the bot's life
    assert fetcher.session.closed and not bot.feed_loop.is_running()


async def test_feed_autocompletes_answer_admins_only_and_never_match_hidden_url_parts(
    world: World, httpserver: HTTPServer
) -> None:
    """discord.py does not run a command's checks for its autocompletes: a reader the server lets see /source
    must still get no feed (and no address with its secret query string) from them."""
    trust(world, httpserver)
    httpserver.expect_request("/feed.xml").respond_with_data("<rss/>", content_type="application/rss+xml")
    secret_url = httpserver.url_for("/feed.xml") + "?apikey=s3cr3t-token"
    subscribed = await world.admin.slash(world.channel, "source feed", url=secret_url)
    assert subscribed.ephemeral and "#1" in subscribed.response.content
    source = world.env.backend.find_command("source", None)
    world.guild.set_command_permissions(int(source["id"]), {world.reader: True})

    for command in ("source unfeed", "source resume", "source remove"):
        assert await world.reader.autocomplete(world.channel, command, "id", "") == [], command
    admin = await world.admin.autocomplete(world.channel, "source unfeed", "id", "")
    assert [c["value"] for c in admin] == [1]
    assert all("s3cr3t" not in c["name"] for c in admin)
    assert await world.admin.autocomplete(world.channel, "source unfeed", "id", "s3cr3t") == []  # no probing
    assert await world.admin.autocomplete(world.channel, "source resume", "id", "apikey") == []
    assert [c["value"] for c in await world.admin.autocomplete(world.channel, "source unfeed", "id", "feed.xml")] == [1]


@pytest.mark.parametrize("typed", ["\ud800", "a\udfffb", "\x00\x1b[2J", "²", "\U0001f600" * 60, "#" + "9" * 5000])
async def test_autocompletes_survive_any_string(world: World, typed: str, caplog: pytest.LogCaptureFixture) -> None:
    for command, option, actor in (
        ("sources", "id", world.reader),
        ("source remove", "id", world.admin),
        ("source unfeed", "id", world.admin),
        ("stance", "actor", world.reader),
        ("digest setup", "timezone", world.admin),
    ):
        choices = await actor.autocomplete(world.channel, command, option, typed)
        assert isinstance(choices, list), command
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # no autocomplete failed
