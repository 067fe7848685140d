"""Two servers through SimCord: each adds a source; neither sees the other's in any command or digest,
neither removes the other's or a shared one; both see the seeds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import discord
import pytest
import simcord
from simcord import assert_error

from bot.config import Settings
from bot.services.errors import QueryError
from tests.test_discord_support import (  # noqa: F401
    World,
    close_store,
    make_bot,
    rejected_fixture,
    settings_fixture,
    texts,
)
from tests.test_tenancy import ARTICLE_A, ARTICLE_B, QUOTE_A, QUOTE_B


@pytest.fixture(name="simcord_bot")
async def bot_fixture(settings: Settings):  # type: ignore[no-untyped-def]
    """The bot, its digest clock the wall clock (the one the store stamps documents with)."""
    bot = await make_bot(settings, clock=lambda: datetime.now(UTC))  # type: ignore[arg-type]
    yield bot
    await close_store(bot)


def _server(env: simcord.Env, name: str) -> World:
    guild = env.create_guild(name)
    channel = guild.create_text_channel("news")
    editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    admin = guild.add_member(env.create_user(f"{name}-editor"), roles=[editors])
    reader = guild.add_member(env.create_user(f"{name}-reader"))
    return World(env, guild, channel, admin, reader)


@dataclass
class Two:
    a: World
    b: World
    doc_a: int
    doc_b: int
    digests: tuple[simcord.ChannelHandle, simcord.ChannelHandle] | None = None


async def _add(world: World, text: str, title: str) -> int:
    added = await world.admin.slash(world.channel, "source add", text=text, title=title)
    heading = added.response.embeds[0].title
    assert added.ephemeral and heading.startswith("Added #"), heading
    return int(heading.split("#", 1)[1].split(":", 1)[0])


@pytest.fixture
async def two(simcord_env: simcord.Env) -> Two:
    a, b = _server(simcord_env, "north"), _server(simcord_env, "south")
    channels = []
    for world in (a, b):
        channels.append(world.guild.create_text_channel("digest"))
        await world.admin.slash(world.channel, "digest setup", channel=channels[-1], time="09:00")
    docs = await _add(a, ARTICLE_A, "北欧の首脳"), await _add(b, ARTICLE_B, "南洋の会議")
    return Two(a, b, *docs, digests=(channels[0], channels[1]))


async def test_quote_and_timeline_answer_from_the_servers_own_sources(two: Two) -> None:
    found = await two.a.reader.slash(two.a.channel, "quote", text=QUOTE_A)
    assert QUOTE_A in texts(found.response)
    hidden = await two.b.reader.slash(two.b.channel, "quote", text=QUOTE_A)
    assert hidden.response.content.startswith("Not found:") and not hidden.response.embeds
    assert QUOTE_B in texts((await two.b.reader.slash(two.b.channel, "quote", text=QUOTE_B)).response)
    days = {"since": "2025-03-21", "until": "2025-03-22"}
    in_a = texts((await two.a.reader.slash(two.a.channel, "timeline", **days)).response)
    in_b = texts((await two.b.reader.slash(two.b.channel, "timeline", **days)).response)
    assert "ベルグマン" in in_a and "オルティス" not in in_a
    assert "オルティス" in in_b and "ベルグマン" not in in_b


async def test_stance_and_actor_autocomplete_answer_from_the_servers_own_sources(two: Two) -> None:
    in_a = texts((await two.a.reader.slash(two.a.channel, "stance", actor="ゼレンスキー")).response)
    in_b = texts((await two.b.reader.slash(two.b.channel, "stance", actor="ゼレンスキー")).response)
    assert "北欧の停戦案" in in_a and "南洋の停戦案" not in in_a
    assert "南洋の停戦案" in in_b and "北欧の停戦案" not in in_b
    about = await two.b.reader.slash(two.b.channel, "stance", actor="ゼレンスキー", about="北欧の停戦案")
    assert "北欧の停戦案を支持" not in texts(about.response)
    own = await two.a.reader.slash(two.a.channel, "stance", actor="ゼレンスキー", about="北欧の停戦案")
    assert "北欧の停戦案を支持" in texts(own.response)
    unknown = await two.b.reader.slash(two.b.channel, "stance", actor="ベルグマン")
    assert unknown.response.content.startswith("Unknown actor") and not unknown.response.embeds
    mine = await two.a.reader.autocomplete(two.a.channel, "stance", "actor", "ベルグマン")
    theirs = await two.b.reader.autocomplete(two.b.channel, "stance", "actor", "ベルグマン")
    assert "ベルグマン" in [c["value"] for c in mine]
    assert "ベルグマン" not in [c["value"] for c in theirs]
    assert "トランプ" in [c["value"] for c in await two.b.reader.autocomplete(two.b.channel, "stance", "actor", "")]
    assert_error(two.a.env, QueryError)  # the unknown actor, answered as such


async def test_sources_and_digest_list_the_servers_own_and_the_seeds(two: Two) -> None:
    listing_a = texts((await two.a.reader.slash(two.a.channel, "sources")).response)
    listing_b = texts((await two.b.reader.slash(two.b.channel, "sources")).response)
    assert "北欧の首脳" in listing_a and "南洋の会議" not in listing_a
    assert "南洋の会議" in listing_b and "北欧の首脳" not in listing_b
    for world in (two.a, two.b):  # both see the seeds
        seed = await world.reader.slash(world.channel, "sources", id=1)
        assert not seed.ephemeral and seed.response.embeds
    other = await two.b.reader.slash(two.b.channel, "sources", id=two.doc_a)
    missing = await two.b.reader.slash(two.b.channel, "sources", id=4242)
    assert other.ephemeral and other.response.content == missing.response.content.replace("4242", str(two.doc_a))
    ids = [c["value"] for c in await two.b.reader.autocomplete(two.b.channel, "sources", "id", "")]
    assert two.doc_b in ids and two.doc_a not in ids and 1 in ids
    digest_a = texts((await two.a.admin.slash(two.a.channel, "digest now")).response)
    digest_b = texts((await two.b.admin.slash(two.b.channel, "digest now")).response)
    assert "北欧の首脳" in digest_a and "南洋の会議" not in digest_a and "オルティス" not in digest_a
    assert "南洋の会議" in digest_b and "北欧の首脳" not in digest_b and "ベルグマン" not in digest_b
    assert_error(two.a.env, QueryError)  # the unknown document, answered as such


async def test_an_admin_removes_only_the_servers_own_sources(two: Two) -> None:
    theirs = await two.b.admin.slash(two.b.channel, "source remove", id=two.doc_a)
    missing = await two.b.admin.slash(two.b.channel, "source remove", id=4242)
    assert theirs.ephemeral and theirs.response.content == missing.response.content.replace("4242", str(two.doc_a))
    shared = await two.b.admin.slash(two.b.channel, "source remove", id=1)
    assert shared.ephemeral and "shared by every server" in shared.response.content
    assert "command line" in shared.response.content
    still = await two.a.reader.slash(two.a.channel, "quote", text=QUOTE_A)
    assert QUOTE_A in texts(still.response)
    assert (await two.a.reader.slash(two.a.channel, "sources", id=1)).response.embeds
    own = await two.a.admin.slash(two.a.channel, "source remove", id=two.doc_a)
    assert own.ephemeral and own.response.content.startswith(f"Removed #{two.doc_a}")
    assert QUOTE_B in texts((await two.b.reader.slash(two.b.channel, "quote", text=QUOTE_B)).response)
    assert_error(two.a.env, QueryError)  # the refusals


async def test_a_servers_topics_stay_in_that_server(two: Two) -> None:
    added = await two.a.admin.slash(two.a.channel, "topic add", name="北極航路", cues="北極海航路, 砕氷船")
    assert added.ephemeral and "北極航路" in added.response.content
    assert "北極航路" in texts((await two.a.admin.slash(two.a.channel, "topic list")).response)
    assert "北極航路" not in texts((await two.b.admin.slash(two.b.channel, "topic list")).response)
    mine = await two.a.reader.autocomplete(two.a.channel, "stance", "topic", "北極")
    theirs = await two.b.reader.autocomplete(two.b.channel, "stance", "topic", "北極")
    assert "北極航路" in [c["name"] for c in mine] and "北極航路" not in [c["name"] for c in theirs]
    asked = await two.b.reader.slash(two.b.channel, "stance", actor="ゼレンスキー", topic="北極航路")
    assert asked.ephemeral  # as unknown in B
    own = await two.b.admin.slash(two.b.channel, "topic add", name="北極航路", cues="氷")  # B's own, same name
    assert own.ephemeral and "氷" in own.response.content
    assert_error(two.a.env, QueryError)


async def test_each_servers_scheduled_digest_posts_its_own_sources_only(two: Two, simcord_bot) -> None:  # type: ignore[no-untyped-def]
    from bot.services import digest as digests

    assert two.digests is not None
    for world in (two.a, two.b):  # the digest loop's call for each server, its period the last 24 hours
        settings = await digests.get_settings(simcord_bot.store, world.guild.id)
        assert settings is not None
        assert await simcord_bot.post_digest(settings, datetime.now(UTC)) is True
    posted_a = "\n".join(texts(m) for m in two.digests[0].history() if m.author.bot)
    posted_b = "\n".join(texts(m) for m in two.digests[1].history() if m.author.bot)
    assert "北欧の首脳" in posted_a and "南洋の会議" not in posted_a and "オルティス" not in posted_a
    assert "南洋の会議" in posted_b and "北欧の首脳" not in posted_b and "ベルグマン" not in posted_b
