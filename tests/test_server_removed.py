"""A server that removes the bot (issue 13): its data stays until the operator removes it from the command line;
its digest is not posted (one line in the log and in `/digest status`'s last failure, not an error each
minute); the command line lists it as removed and still answers as it."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import pytest
import simcord

from bot.config import Settings
from bot.ingest.pipeline import ingest_text
from bot.rows import Provenance
from bot.services import digest as digests
from bot.services import find_quote, guilds
from bot.services.guilds import known_guilds
from bot.services.sources import list_sources
from bot.store import Store
from bot.store.tenancy import mark_left
from bot.user_errors import stored_in
from tests.test_cli import one_line_error, run_main  # noqa: F401
from tests.test_discord_support import close_store, make_bot, rejected_fixture, settings_fixture  # noqa: F401
from tests.test_discord_tenancy import _add, _server
from tests.test_tenancy import ARTICLE_A, ARTICLE_B, QUOTE_A


@pytest.fixture(name="simcord_bot")
async def bot_fixture(settings: Settings):  # type: ignore[no-untyped-def]
    bot = await make_bot(settings, clock=lambda: datetime.now(UTC))  # type: ignore[arg-type]
    yield bot
    await close_store(bot)


async def test_a_server_that_removes_the_bot_keeps_its_data_and_gets_no_digest(
    simcord_env: simcord.Env, simcord_bot, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    world = _server(simcord_env, "north")
    digest_channel = world.guild.create_text_channel("digest")
    await world.admin.slash(world.channel, "digest setup", channel=digest_channel, time="09:00")
    doc = await _add(world, ARTICLE_A, "北欧の首脳")
    store = simcord_bot.store
    gone = simcord_bot.get_guild(world.guild.id)
    await gone.leave()  # Discord tells the bot it was removed (GUILD_DELETE)
    await simcord_env.advance_time(1)
    [info] = [g for g in await known_guilds(store) if g.guild_id == world.guild.id]
    assert info.left_at is not None and info.documents == 1
    settings = await digests.get_settings(store, world.guild.id)
    assert settings is not None
    with caplog.at_level(logging.WARNING, logger="commands.client"):
        assert await simcord_bot.post_digest(settings, datetime.now(UTC)) is False
    [line] = [r.getMessage() for r in caplog.records if "not posted" in r.getMessage()]
    assert f"removed from server {world.guild.id}" in line and "guilds remove" in line
    after = await digests.get_settings(store, world.guild.id)
    assert after is not None and "removed from server" in stored_in(after.last_error, "en")  # kept as its code
    found = {s.document_id for m in await find_quote(store, QUOTE_A, guild_id=world.guild.id) for s in m.sources}
    assert doc in found  # the data stays


def test_the_command_line_lists_a_removed_server_answers_as_it_and_removes_it(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    asyncio.run(_server_555(seeded_db))
    code, out, _ = run_main("--db", seeded_db, "guilds")
    assert code == 0 and "bot removed" in out and "Dec 1" in out
    code, out, _ = run_main("--db", seeded_db, "--lang", "ja", "guilds")
    assert "ボット削除" in out and "12月1日" in out
    code, out, _ = run_main("--db", seeded_db, "quote", QUOTE_A, "--guild", 555)
    assert code == 0 and QUOTE_A in out  # its data answers until it is removed
    code, out, _ = run_main("--db", seeded_db, "guilds", "remove", 555, "--yes")
    assert code == 0 and "removed server 555: 1 document" in out
    line = one_line_error(*run_main("--db", seeded_db, "quote", QUOTE_A, "--guild", 555))
    assert "555" in line and "guilds" in line


async def _server_555(db: object) -> None:
    """Server 555 added an article, then removed the bot."""
    store = await Store.open(db)
    try:
        assert (await ingest_text(store, ARTICLE_A, name="north.txt", provenance=Provenance(guild_id=555))).status == "added"
        await mark_left(store, 555, "2026-12-01T00:00:00+00:00")
    finally:
        await store.close()


async def test_marking_a_server_left_does_not_touch_its_data(store) -> None:  # type: ignore[no-untyped-def]
    await mark_left(store, 42, "2026-12-01T00:00:00+00:00")
    assert await known_guilds(store) == []  # nothing of it stored: nothing to list


async def test_a_server_that_removed_the_bot_while_it_was_offline_is_marked_when_it_connects(
    simcord_env: simcord.Env, simcord_bot, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    north, south = _server(simcord_env, "north"), _server(simcord_env, "south")
    doc = await _add(north, ARTICLE_A, "北欧の首脳")
    await _add(south, ARTICLE_B, "南洋の会議")
    for shard in simcord_bot.shards.values():  # the bot goes offline
        await shard.disconnect()
    simcord_env.backend.remove_guild(north.guild.id)  # north removes it meanwhile: no GUILD_DELETE reaches it
    await simcord_env.advance_time(1)
    assert await guilds.left_at(simcord_bot.store, north.guild.id) is None  # nothing told the bot yet
    again = await make_bot(settings, clock=lambda: datetime.now(UTC))  # type: ignore[arg-type]
    try:
        await simcord_env.restart_bot(again)  # the bot process starts again: READY lists only south
        await simcord_env.advance_time(1)
        state = {g.guild_id: g.left_at for g in await known_guilds(again.store)}
        assert state[north.guild.id] is not None and state[south.guild.id] is None
        assert doc in {d.id for d in await list_sources(again.store, guild_id=north.guild.id)}  # its data stays
    finally:
        await close_store(again)


async def test_a_server_back_while_the_bot_was_offline_is_no_longer_marked(store) -> None:  # type: ignore[no-untyped-def]
    assert (await ingest_text(store, ARTICLE_A, name="n.txt", provenance=Provenance(guild_id=555))).status == "added"
    assert (await ingest_text(store, ARTICLE_B, name="s.txt", provenance=Provenance(guild_id=777))).status == "added"
    await mark_left(store, 555, "2026-12-01T00:00:00+00:00")
    gone, back = await guilds.reconcile(store, [555], "2026-12-02T00:00:00+00:00", ours=lambda g: True)
    assert (gone, back) == ([777], [555])
    assert {g.guild_id: g.left_at for g in await known_guilds(store)} == {555: None, 777: "2026-12-02T00:00:00+00:00"}
    gone, back = await guilds.reconcile(store, [], "2026-12-03T00:00:00+00:00", ours=lambda g: g == 555)
    assert (gone, back) == ([555], [])  # 777 is another shard's server: not this process's to judge
    assert {g.guild_id: g.left_at for g in await known_guilds(store)}[777] == "2026-12-02T00:00:00+00:00"
