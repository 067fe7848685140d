"""The daily digest end to end: /digest setup|now|off|status and the every-minute posting loop.

The loop asks an injected clock for "now" (the store's timestamps follow the same clock here);
SimCord's advance_time(60) lets the loop run one iteration.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import discord
import pytest
from simcord import assert_error

from bot.config import Settings
from bot.services.errors import QueryError
from tests.test_discord_support import (  # noqa: F401
    FakeClock,
    World,
    close_store,
    make_bot,
    pings,
    rejected_fixture,
    settings_fixture,
    store_clock,
    texts,
    world_fixture,
)

JST = timedelta(hours=9)
ARTICLE = """\
ジッダ協議、30日間の停戦案で合意

米国とウクライナの代表団は2025年3月11日、サウジアラビアのジッダで協議し、30日間の即時停戦案で合意した。
ルビオ国務長官は「ボールはロシア側にある」と述べた。
"""

HOSTILE_ARTICLE = """\
キーウで追加の防空支援を協議

ウクライナ政府は2025年3月12日、キーウで欧州各国の代表と追加の防空支援について協議した。
"""


def jst(day: int, hour: int, minute: int = 0) -> datetime:
    """A January 2026 instant given in Japan time."""
    return datetime(2026, 1, day, hour, minute, tzinfo=UTC) - JST


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return store_clock(monkeypatch, jst(2, 8, 0))


@pytest.fixture
async def simcord_bot(settings: Settings, clock: FakeClock):
    bot = await make_bot(settings, clock)
    yield bot
    await close_store(bot)


async def tick(world: World, clock: FakeClock, at: datetime) -> None:
    """Set the clock and let the loop run once."""
    clock.now = at
    await world.env.advance_time(60)


def bot_messages(channel) -> list[discord.Message]:
    return [m for m in channel.history() if m.author.bot]


async def test_posted_once_at_its_time_not_again_after_a_restart_and_again_the_next_day(
    world: World, clock: FakeClock, settings: Settings
) -> None:
    digest_channel = world.guild.create_text_channel("digest")
    setup = await world.admin.slash(
        world.channel, "digest setup", channel=digest_channel, time="09:00", timezone="Asia/Tokyo"
    )
    assert setup.ephemeral and "09:00 (Asia/Tokyo)" in setup.response.content
    clock.now = jst(2, 8, 30)
    await world.admin.slash(world.channel, "source add", text=ARTICLE, title="ジッダ協議", published="2025-03-11")
    role = world.guild.create_role("subscribers", mentionable=True)
    hostile = f"@everyone @here 速報 <@&{role.id}> <@{world.reader.id}>"  # a title as an outside site wrote it
    await world.admin.slash(world.channel, "source add", text=HOSTILE_ARTICLE, title=hostile, published="2025-03-12")

    await tick(world, clock, jst(2, 8, 59))
    assert bot_messages(digest_channel) == []
    await tick(world, clock, jst(2, 9, 0))
    posted = bot_messages(digest_channel)
    assert len(posted) == 1
    digest = texts(posted[0])
    assert "Daily digest" in digest and "ジッダ協議" in digest and "New events" in digest
    assert "@everyone" in digest and f"<@&{role.id}>" in digest  # quoted as written, and pinging no one:
    assert pings(world, posted[0]) == []
    await tick(world, clock, jst(2, 9, 30))
    assert len(bot_messages(digest_channel)) == 1

    old = world.env.bot
    clock.now = jst(2, 15, 0)
    await world.env.restart_bot(await make_bot(settings, clock))  # a new bot on the same database file
    await close_store(old)
    try:
        await tick(world, clock, jst(2, 15, 1))
        assert len(bot_messages(digest_channel)) == 1

        await tick(world, clock, jst(3, 9, 0))
        posted = bot_messages(digest_channel)
        assert len(posted) == 2
        assert posted[1].content.startswith("Nothing new since") and not posted[1].embeds
    finally:
        await close_store(world.env.bot)


def wall(zone: str, day: int, hour: int, minute: int = 0) -> datetime:
    """A January 2026 instant given as a wall-clock time in `zone`."""
    return datetime(2026, 1, day, hour, minute, tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.mark.parametrize(
    ("zone", "at", "hour"),
    [
        ("Asia/Tokyo", "08:00", 8),  # east of UTC: 23:00 UTC the day before
        ("America/New_York", "21:00", 21),  # west of UTC: 02:00 UTC the day after
    ],
)
async def test_posted_once_a_local_day_in_a_zone_whose_day_is_not_utcs(
    world: World, clock: FakeClock, zone: str, at: str, hour: int
) -> None:
    clock.now = wall(zone, 2, hour - 2)
    digest_channel = world.guild.create_text_channel("digest")
    setup = await world.admin.slash(world.channel, "digest setup", channel=digest_channel, time=at, timezone=zone)
    assert f"{at} ({zone})" in setup.response.content

    await tick(world, clock, wall(zone, 2, hour - 1, 59))
    assert bot_messages(digest_channel) == []
    await tick(world, clock, wall(zone, 2, hour))
    assert len(bot_messages(digest_channel)) == 1
    # the minutes after, UTC's midnight if it falls later that local day (09:00 in Tokyo), the day's last minute
    posted_at, last_minute = wall(zone, 2, hour), wall(zone, 2, 23, 59)
    utc_midnight = (posted_at + timedelta(days=1)).replace(hour=0, minute=1)
    later = [posted_at + timedelta(minutes=1), posted_at + timedelta(minutes=2), last_minute]
    for at_ in sorted([*later, *([utc_midnight] if utc_midnight < last_minute else [])]):
        await tick(world, clock, at_)
        assert len(bot_messages(digest_channel)) == 1, at_
    await tick(world, clock, wall(zone, 3, hour - 1, 59))
    assert len(bot_messages(digest_channel)) == 1
    await tick(world, clock, wall(zone, 3, hour))  # and the next local day, at its time
    assert len(bot_messages(digest_channel)) == 2
    status = await world.admin.slash(world.channel, "digest status")
    fields = {f.name: f.value for f in status.response.embeds[0].fields}
    assert fields["Next"] == f"<t:{int(wall(zone, 4, hour).timestamp())}:f>"  # the next local day, at its time


async def test_deleted_channel_is_recorded_shown_and_retried_next_day(
    world: World, clock: FakeClock, rejected: list
) -> None:
    doomed = world.guild.create_text_channel("doomed")
    await world.admin.slash(world.channel, "digest setup", channel=doomed)
    world.env.backend.delete_channel(doomed.id)
    await world.env.settle()

    await tick(world, clock, jst(2, 9, 0))
    status = await world.admin.slash(world.channel, "digest status")
    fields = {f.name: f.value for f in status.response.embeds[0].fields}
    failure = next(v for k, v in fields.items() if k.startswith("Last failure"))
    assert "not found" in failure
    assert [(method, status) for method, _, status, *_ in rejected] == [("GET", 404)]

    await tick(world, clock, jst(2, 9, 5))  # not retried the same day
    assert len(rejected) == 1
    await tick(world, clock, jst(3, 9, 0))  # retried at the next day's time
    assert len(rejected) == 2
    assert world.env.bot.digest_loop.is_running()
    rejected.clear()


async def test_a_discord_error_while_posting_is_recorded(world: World, clock: FakeClock, rejected: list) -> None:
    channel = world.guild.create_text_channel("flaky")
    await world.admin.slash(world.channel, "digest setup", channel=channel, time="09:00")
    world.env.inject_error("POST", f"/channels/{channel.id}/messages", status=500)
    await tick(world, clock, jst(2, 9, 0))
    status = await world.admin.slash(world.channel, "digest status")
    assert "Discord error 500" in texts(status.response)
    assert bot_messages(channel) == []
    rejected.clear()


async def test_a_failing_iteration_does_not_stop_the_loop(
    world: World, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=channel)
    import bot.services.digest

    due = bot.services.digest.due
    calls = []

    async def broken_once(store, now):  # type: ignore[no-untyped-def]
        calls.append(now)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        return await due(store, now)

    monkeypatch.setattr(bot.services.digest, "due", broken_once)
    await tick(world, clock, jst(2, 9, 0))
    assert bot_messages(channel) == []
    await tick(world, clock, jst(2, 9, 1))
    assert len(bot_messages(channel)) == 1


async def test_digest_now_and_off(world: World, clock: FakeClock) -> None:
    channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=channel, time="09:00")
    clock.now = jst(2, 8, 30)
    await world.admin.slash(world.channel, "source add", text=ARTICLE, title="ジッダ協議")

    now = await world.admin.slash(world.channel, "digest now")
    assert not now.ephemeral
    shown = texts(now.response)
    assert "ジッダ協議" in shown and "New events" in shown and "**2025-03-11**" in shown

    off = await world.admin.slash(world.channel, "digest off")
    assert off.ephemeral and "off" in off.response.content
    await tick(world, clock, jst(2, 9, 0))
    assert bot_messages(channel) == []
    status = await world.admin.slash(world.channel, "digest status")
    fields = {f.name: f.value for f in status.response.embeds[0].fields}
    assert fields["State"] == "off"


async def test_digest_setup_refusals(world: World) -> None:
    bad_time = await world.admin.slash(world.channel, "digest setup", channel=world.channel, time="25:99")
    assert bad_time.ephemeral and "HH:MM" in bad_time.response.content
    bad_zone = await world.admin.slash(world.channel, "digest setup", channel=world.channel, timezone="Mars/Olympus")
    assert bad_zone.ephemeral and "Unknown time zone" in bad_zone.response.content
    locked = world.guild.create_text_channel(
        "locked", overwrites={world.guild.default_role: discord.PermissionOverwrite(send_messages=False)}
    )
    cannot = await world.admin.slash(world.channel, "digest setup", channel=locked)
    assert cannot.ephemeral and "cannot post" in cannot.response.content
    assert_error(world.env, QueryError)
    status = await world.admin.slash(world.channel, "digest status")
    assert "No daily digest is set up" in status.response.content


async def test_timezone_autocomplete(world: World) -> None:
    assert (await world.admin.autocomplete(world.channel, "digest setup", "timezone", "tok"))[0][
        "value"
    ] == "Asia/Tokyo"
    assert "Europe/Kyiv" in [
        c["value"] for c in await world.admin.autocomplete(world.channel, "digest setup", "timezone", "kyiv")
    ]
    assert len(await world.admin.autocomplete(world.channel, "digest setup", "timezone", "a")) == 25


async def test_the_digest_is_in_the_language_the_server_chose(world: World, clock: FakeClock) -> None:
    guild = world.env.create_guild("ニュース", preferred_locale="ja")
    channel = guild.create_text_channel("digest")
    editors = guild.create_role("編集", permissions=discord.Permissions(manage_guild=True))
    admin = guild.add_member(world.env.create_user("henshu"), roles=[editors])
    setup = await admin.slash(channel, "digest setup", channel=channel, time="２１：３０", language="en")
    assert setup.ephemeral and "21:30" in setup.response.content and "in English" in setup.response.content
    status = await admin.slash(channel, "digest status")
    assert {f.name: f.value for f in status.response.embeds[0].fields}["Language"] == "English"
    clock.now = jst(2, 8, 30)
    await admin.slash(channel, "source add", text=ARTICLE, title="ジッダ協議")
    await tick(world, clock, jst(2, 21, 30))
    posted = bot_messages(channel)[-1]
    assert posted.embeds[0].title == "Daily digest" and "New events" in texts(posted)
    assert "From Jan 1, 21:30 to Jan 2, 21:3" in (posted.embeds[0].description or "")


async def test_a_japanese_server_gets_a_japanese_digest(world: World, clock: FakeClock) -> None:
    guild = world.env.create_guild("ニュース", preferred_locale="ja")
    channel = guild.create_text_channel("まとめ")
    editors = guild.create_role("編集", permissions=discord.Permissions(manage_guild=True))
    admin = guild.add_member(world.env.create_user("henshu"), roles=[editors])
    await admin.slash(channel, "digest setup", channel=channel)
    clock.now = jst(2, 8, 30)
    await admin.slash(channel, "source add", text=ARTICLE, title="ジッダ協議")
    await tick(world, clock, jst(2, 9, 0))
    posted = bot_messages(channel)[-1]
    assert posted.embeds[0].title == "日刊ダイジェスト"
    assert "新しい出来事" in texts(posted)
