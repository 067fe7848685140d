"""Two bot processes on one store: each server's digest is posted once a day, by whichever claims it.

Bot A is SimCord's bot; bot B is a second bot with its own store connection (its own PostgreSQL pool, or
its own SQLite connection) that posts through A's channels, as a second process would through its own
gateway. Both try every server's digest at the same moments, for 20 simulated days.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import discord
import pytest

from bot.config import Settings
from bot.services import digest as digests
from bot.store import jobs
from tests.test_discord_support import (  # noqa: F401
    FakeClock,
    World,
    close_store,
    make_bot,
    make_settings,
    rejected_fixture,
    store_clock,
    world_fixture,
)

JST = timedelta(hours=9)
DAYS = 20


def jst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, 1, hour, minute, tzinfo=UTC) - JST + timedelta(days=day)


@pytest.fixture
def settings(seeded_target: str) -> Settings:
    return make_settings(seeded_target)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return store_clock(monkeypatch, jst(0, 8, 0))


@pytest.fixture
async def simcord_bot(settings: Settings, clock: FakeClock):
    bot = await make_bot(settings, clock)
    yield bot
    await close_store(bot)


async def test_two_bots_post_one_digest_per_server_per_day(world: World, clock: FakeClock, settings: Settings):
    a = world.env.bot
    b = await make_bot(settings, clock)
    b.get_channel = a.get_channel  # type: ignore[method-assign]
    b.fetch_channel = a.fetch_channel  # type: ignore[method-assign]
    b.owner = "second-process"
    try:
        second = world.env.create_guild("Second newsroom")
        channels = {
            world.guild.id: world.guild.create_text_channel("digest"),
            second.id: second.create_text_channel("digest"),
        }
        for guild_id, channel in channels.items():
            await digests.configure(a.store, guild_id, channel.id, "09:00", "Asia/Tokyo")
        sent_nonces: list[object] = []
        send = discord.abc.Messageable.send

        async def recording(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            sent_nonces.append(kwargs.get("nonce"))
            return await send(self, *args, **kwargs)

        discord.abc.Messageable.send = recording  # type: ignore[method-assign]
        try:
            for day in range(DAYS):
                clock.now = jst(day, 9, 0)
                posted = await asyncio.gather(a.post_due_digests(), b.post_due_digests())
                assert sum(posted) == 2, f"day {day}: {posted}"
                clock.now = jst(day, 9, 5)  # a later minute of the same day: nothing more
                assert await asyncio.gather(a.post_due_digests(), b.post_due_digests()) == [0, 0]
        finally:
            discord.abc.Messageable.send = send  # type: ignore[method-assign]
        for guild_id, channel in channels.items():
            messages = [m for m in channel.history() if m.author.bot]
            assert len(messages) == DAYS  # one a day, none twice, none lost (each digest is one message here)
            rows = await a.store.fetchall(
                "SELECT day, owner, message_ids, posted_at FROM digest_posts WHERE guild_id = ? ORDER BY day",
                (guild_id,),
            )
            assert len(rows) == DAYS and all(r["posted_at"] for r in rows)
            assert {r["owner"] for r in rows} <= {a.owner, "second-process"}
        assert len(sent_nonces) == 2 * DAYS and len(set(sent_nonces)) == 2 * DAYS
        days = [(datetime(2026, 1, 1) + timedelta(days=d)).date().isoformat() for d in range(DAYS)]
        assert set(sent_nonces) == {jobs.digest_nonce(g, day, 0) for g in channels for day in days}
    finally:
        await close_store(b)
