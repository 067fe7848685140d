"""Shared SimCord fixtures for the Discord end-to-end tests; the test_discord_* modules import them
(as `*_fixture` names, registered under their short names: settings, simcord_bot, world, rejected).

SimCord runs the bot's real discord.py machinery against a simulated Discord. Each test gets a bot
on a fresh copy of the seeded database (`seeded_db` from conftest.py), a server with a #news
channel, an admin (Manage Server) and a reader, and fails if SimCord rejected any request the bot
made (an oversized embed, a double acknowledgement, a bad payload…).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import discord
import pytest
import simcord
from simcord.backend.errors import BackendError
from simcord.http import router

from bot.config import Settings
from bot.ingest.pipeline import open_store
from bot.services.warm import warm_vocabularies
from commands.client import NewsdeskBot

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


class FakeClock:
    """The digest loop's "now", moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def store_clock(monkeypatch: pytest.MonkeyPatch, start: datetime) -> FakeClock:
    """A FakeClock that is also the store's and the digest's "now": "added since the last digest" compares
    the store's timestamps with the loop's clock, so both read one clock."""
    clock = FakeClock(start)

    def stamp() -> str:
        return clock().astimezone(UTC).isoformat(timespec="microseconds")

    monkeypatch.setattr("bot.store.store.utcnow", stamp)
    monkeypatch.setattr("bot.services.digest.utcnow", stamp)
    return clock


def make_settings(db_path: Path | str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "token": None,
        "db_path": str(db_path),
        "guild_id": None,
        "log_level": "INFO",
        "allow_private_fetch": False,
        "feed_minutes": 15.0,
        "seeds_dir": SEEDS_DIR,
        "owner_ids": frozenset(),
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


async def make_bot(settings: Settings, clock: FakeClock | None = None) -> NewsdeskBot:
    """A bot on its own connection to settings.db_path, opened here, in the test's task.

    Opening it in the test rather than in setup_hook keeps SimCord's task tracking away from
    Store.open, whose PRAGMA statements leave open cursors (see the report to the lead).
    """
    store = await open_store(settings.db_path, settings.seeds_dir)
    # The word lists the bot's setup_hook builds in the background (`warm_vocabularies`, once a process), built here
    # first: SimCord waits for a bot's start-up work with a fixed 5 s limit, and the first bot of an xdist worker
    # built them inside it: ~0.5 s of CPU, but 10 s of wall at load ~17 (measured alone), which failed
    # test_discord_large_upload.py's set-up in both of suite21's full runs before. The bot still starts its warming;
    # it finds them built, as any later bot of the process always did.
    await asyncio.to_thread(warm_vocabularies, store.actors)
    return NewsdeskBot(settings, store=store, clock=clock or discord.utils.utcnow, shard_count=1)


async def close_store(bot: NewsdeskBot) -> None:
    # SimCord detaches a bot without calling close(); the test owns the store's connection, and closes the HTTP
    # sessions the bot opened (its fetcher's, discord.py's): left open, each is collected later inside another test,
    # whose log then holds asyncio's "Unclosed client session" error
    if bot._http is not None:
        await bot._http.close()
        bot._http = None
    await bot.http.close()
    if bot._store is not None:
        await bot._store.close()
        bot._store = None


@pytest.fixture(name="settings")
def settings_fixture(seeded_db: Path) -> Settings:
    return make_settings(seeded_db)


@pytest.fixture(name="simcord_bot")
async def bot_fixture(settings: Settings):
    bot = await make_bot(settings)
    yield bot
    await close_store(bot)


@dataclass
class World:
    env: simcord.Env
    guild: simcord.GuildHandle
    channel: simcord.ChannelHandle
    admin: simcord.MemberActor
    reader: simcord.MemberActor


@pytest.fixture(name="world")
def world_fixture(simcord_env: simcord.Env) -> World:
    guild = simcord_env.create_guild("Newsroom")
    channel = guild.create_text_channel("news")
    editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    admin = guild.add_member(simcord_env.create_user("editor"), roles=[editors])
    reader = guild.add_member(simcord_env.create_user("reader"))
    return World(simcord_env, guild, channel, admin, reader)


@pytest.fixture(name="rejected", autouse=True)
def rejected_fixture(monkeypatch: pytest.MonkeyPatch):
    """Every request SimCord rejected, as Discord would have; the test fails unless it expected them."""
    seen: list[tuple[str, str, int, int, str]] = []
    dispatch = router.dispatch

    def recording(backend, method, path, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return dispatch(backend, method, path, **kwargs)
        except BackendError as e:
            seen.append((method, path, e.status, e.code, e.message))
            raise

    monkeypatch.setattr(router, "dispatch", recording)
    yield seen
    assert not seen, f"SimCord rejected requests: {seen}"


def texts(message: discord.Message | simcord.ResponseMessage | None) -> str:
    """Everything a reader sees in a message: content and every embed part, joined."""
    if message is None:
        return ""
    parts = [message.content or ""]
    for embed in message.embeds:
        parts += [embed.title or "", embed.description or "", embed.footer.text or "", embed.author.name or ""]
        for f in embed.fields:
            parts += [f.name or "", f.value or ""]
    return "\n".join(parts)


def pings(world: World, message) -> list[str]:  # type: ignore[no-untyped-def]
    """Whom a posted message notified (everyone, roles, members), as Discord decided under its allowed_mentions.

    A message's `mentions` list what its text names, pinged or not; SimCord keeps who was pinged apart."""
    stored = world.env.backend.get_message(message.channel.id, message.id)
    return [
        *(["everyone"] if stored.mention_everyone else []),
        *(f"role {r}" for r in stored.ping_role_ids),
        *(f"user {u}" for u in stored.ping_user_ids),
    ]


def reader_locale(monkeypatch: pytest.MonkeyPatch, locale: str) -> None:
    """Every interaction of the test comes from a reader whose Discord client is in `locale`.

    The one place the suite patches SimCord, because SimCord 3.2.1 has no supported way to do this: its
    `simcord.interactions.base_payload` writes `"locale": "en-US"` and `"guild_locale": "en-US"` into every
    interaction (its user payload's `locale` too), and neither `Env.create_user` nor the actors take a locale
    (read in .venv/lib/python3.11/site-packages/simcord, December 2026). A server's preferred locale *is*
    supported (`Env.create_guild(preferred_locale=…)`, sent in GUILD_CREATE): `guild_locale` is set from it
    here, as Discord does."""
    import simcord.interactions

    built = simcord.interactions.base_payload

    def with_locale(backend, *args, guild_id=None, **kwargs):  # type: ignore[no-untyped-def]
        record, payload = built(backend, *args, guild_id=guild_id, **kwargs)
        payload["locale"] = locale
        if guild_id is not None:
            payload["guild_locale"] = backend.get_guild(guild_id).preferred_locale
        return record, payload

    monkeypatch.setattr(simcord.interactions, "base_payload", with_locale)
