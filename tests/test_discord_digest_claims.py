"""The digest's claim window end to end, on both backends: the deterministic nonce on the Discord send, and a
bot that died after claiming and before recording its message ids, recovered by another without a second post.

SimCord accepts `nonce` and `enforce_nonce` but does not enforce them (it ignores both fields), so `discord_nonces`
below gives the simulated Discord the behaviour Discord documents: a message sent with `enforce_nonce` and a
nonce the channel saw a few minutes ago is not created again; the earlier message is returned.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from simcord.http import router

import commands.client as client_module
from bot.config import Settings
from bot.store.jobs import digest_nonce
from tests.test_discord_support import (  # noqa: F401
    FakeClock,
    World,
    close_store,
    make_bot,
    make_settings,
    rejected_fixture,
    world_fixture,
)

JST = timedelta(hours=9)
NONCE_MEMORY = timedelta(minutes=10)  # "a few minutes": longer than the 5-minute takeover of a stale claim


def jst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, day, hour, minute, tzinfo=UTC) - JST


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(jst(2, 8, 0))


@pytest.fixture
def settings(seeded_target: str) -> Settings:
    return make_settings(seeded_target)


@pytest.fixture
async def simcord_bot(settings: Settings, clock: FakeClock):
    bot = await make_bot(settings, clock)
    bot.owner = "first"
    yield bot
    await close_store(bot)


@pytest.fixture
def discord_nonces(monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> list[tuple[str, dict[str, Any]]]:
    """Discord's enforce_nonce on message creation: the same nonce in a channel within NONCE_MEMORY is the
    message created the first time. Returns every message creation asked for, (path, body), as sent."""
    seen: dict[tuple[str, str], tuple[datetime, Any]] = {}
    sends: list[tuple[str, dict[str, Any]]] = []
    dispatch = router.dispatch

    def enforcing(backend, method, path, **kwargs):  # type: ignore[no-untyped-def]
        body = kwargs.get("json")
        if method == "POST" and path.endswith("/messages") and isinstance(body, dict):
            sends.append((path, body))
        if method == "POST" and path.endswith("/messages") and isinstance(body, dict) and body.get("enforce_nonce"):
            key = (path, str(body.get("nonce")))
            if key in seen and clock() - seen[key][0] < NONCE_MEMORY:
                return seen[key][1]
            created = dispatch(backend, method, path, **kwargs)
            seen[key] = (clock(), created)
            return created
        return dispatch(backend, method, path, **kwargs)

    monkeypatch.setattr(router, "dispatch", enforcing)
    return sends


def channel_sends(sends: list[tuple[str, dict[str, Any]]], channel_id: int) -> list[dict[str, Any]]:
    return [body for path, body in sends if path == f"/channels/{channel_id}/messages"]


async def tick(world: World, clock: FakeClock, at: datetime) -> None:
    clock.now = at
    await world.env.advance_time(60)


async def test_the_digest_is_sent_with_the_days_nonce_and_enforce_nonce(
    world: World, clock: FakeClock, discord_nonces: list
) -> None:
    channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=channel, time="09:00", timezone="Asia/Tokyo")
    await tick(world, clock, jst(2, 9, 0))
    await tick(world, clock, jst(3, 9, 0))
    sends = channel_sends(discord_nonces, channel.id)
    assert [(s["nonce"], s["enforce_nonce"]) for s in sends] == [
        (digest_nonce(world.guild.id, "2026-01-02", 0), True),
        (digest_nonce(world.guild.id, "2026-01-03", 0), True),
    ]


async def test_a_bot_that_died_between_claim_and_record_is_recovered_without_a_second_post(
    world: World, clock: FakeClock, settings: Settings, monkeypatch: pytest.MonkeyPatch, discord_nonces: list
) -> None:
    channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=channel, time="09:00", timezone="Asia/Tokyo")
    record = client_module.digest_posted

    async def dies(*args: Any, **kwargs: Any) -> bool:  # the process stops after Discord took the message
        raise RuntimeError("the first bot's process died here")

    monkeypatch.setattr(client_module, "digest_posted", dies)
    await tick(world, clock, jst(2, 9, 0))
    first_sends = channel_sends(discord_nonces, channel.id)
    assert len(first_sends) == 1
    assert len([m for m in channel.history() if m.author.bot]) == 1

    monkeypatch.setattr(client_module, "digest_posted", record)
    dead = world.env.bot
    second = await make_bot(settings, clock)
    second.owner = "second"
    await world.env.restart_bot(second)
    await close_store(dead)
    try:
        await tick(world, clock, jst(2, 9, 2))  # the claim is fresh: its owner may still be posting
        assert len(channel_sends(discord_nonces, channel.id)) == 1
        clock.now = jst(2, 9, 7)
        await tick(world, clock, jst(2, 9, 7))  # stale: taken over, sent again with the same nonce
        sends = channel_sends(discord_nonces, channel.id)
        assert len(sends) == 2 and sends[1]["nonce"] == first_sends[0]["nonce"] and sends[1]["enforce_nonce"]
        assert len([m for m in channel.history() if m.author.bot]) == 1  # Discord posted it once
        row = await second.store.fetchone("SELECT owner, message_ids, posted_at FROM digest_posts")
        posted = [m.id for m in channel.history() if m.author.bot]
        assert (row["owner"], row["message_ids"]) == ("second", f"[{posted[0]}]") and row["posted_at"]
        await tick(world, clock, jst(2, 9, 30))
        await tick(world, clock, jst(2, 9, 45))
        assert len(channel_sends(discord_nonces, channel.id)) == 2  # recorded: never sent again that day
    finally:
        await close_store(world.env.bot)
