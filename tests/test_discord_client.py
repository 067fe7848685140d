"""The bot itself: its command definitions and their Japanese localizations as Discord received them,
sync only when they change, intents and mentions, the error handler, and `run(settings)`."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from simcord import assert_error

from bot.config import Settings
from commands.client import NewsdeskBot, run
from commands.help import help_embed
from commands.i18n import JapaneseTranslator, Labels, load
from tests.test_discord_support import (  # noqa: F401
    World,
    bot_fixture,
    close_store,
    make_bot,
    make_settings,
    rejected_fixture,
    settings_fixture,
    world_fixture,
)

# The fixed command list: every invocation path and its options, in order.
COMMANDS = {
    "timeline": ["since", "until", "actor", "topic"],
    "stance": ["actor", "topic", "about"],
    "quote": ["text"],
    "sources": ["id"],
    "source add": ["url", "file", "text", "title", "published"],
    "source remove": ["id"],
    "source feed": ["url"],
    "source feeds": [],
    "source unfeed": ["id"],
    "source resume": ["id"],
    "digest setup": ["channel", "time", "timezone", "language"],
    "digest off": [],
    "digest now": [],
    "digest status": [],
    "topic list": [],
    "topic add": ["name", "cues"],
    "topic rename": ["topic", "name"],
    "topic remove": ["topic"],
    "help": [],
}
REQUIRED = {
    ("stance", "actor"),
    ("quote", "text"),
    ("source remove", "id"),
    ("digest setup", "channel"),
    ("source feed", "url"),
    ("source unfeed", "id"),
    ("source resume", "id"),
    ("topic add", "name"),
    ("topic add", "cues"),
    ("topic rename", "topic"),
    ("topic rename", "name"),
    ("topic remove", "topic"),
}
SUBCOMMAND_TYPES = {1, 2}
# Discord's rule for command and option names, localized ones included.
NAME = re.compile(r"^[-_'\w\u0900-\u097f\u0e00-\u0e7f]{1,32}$")


def registered(world: World) -> dict[str, dict[str, Any]]:
    """The commands as Discord holds them after the bot's sync, by root name."""
    roots = {path.split()[0] for path in world.admin.available_commands(world.channel)}
    return {name: world.env.backend.find_command(name, None) for name in roots}


def leaves(roots: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for name, root in roots.items():
        subs = [o for o in root.get("options") or [] if o.get("type") in SUBCOMMAND_TYPES]
        if subs:
            out.update({f"{name} {sub['name']}": sub for sub in subs})
        else:
            out[name] = root
    return out


def test_bot_asks_only_for_what_it_needs(settings: Settings) -> None:
    bot = NewsdeskBot(settings)
    assert bot.intents == discord.Intents(guilds=True)
    assert not bot.intents.message_content and not bot.intents.members
    mentions = bot.allowed_mentions
    assert mentions is not None and not (mentions.everyone or mentions.users or mentions.roles)


async def test_command_names_and_options_match_the_fixed_list(world: World) -> None:
    commands_ = leaves(registered(world))
    assert {path: [o["name"] for o in c.get("options") or []] for path, c in commands_.items()} == COMMANDS
    for path, command in commands_.items():
        for option in command.get("options") or []:
            assert bool(option.get("required")) == ((path, option["name"]) in REQUIRED), (path, option["name"])
    autocompleted = {
        (p, o["name"]) for p, c in commands_.items() for o in c.get("options") or [] if o.get("autocomplete")
    }
    assert autocompleted == {
        ("timeline", "actor"),
        ("stance", "actor"),
        ("stance", "topic"),
        ("sources", "id"),
        ("source remove", "id"),
        ("source unfeed", "id"),
        ("source resume", "id"),
        ("digest setup", "timezone"),
        ("topic rename", "topic"),
        ("topic remove", "topic"),
    }
    topic = next(o for o in commands_["timeline"]["options"] if o["name"] == "topic")
    assert [c["value"] for c in topic["choices"]][:2] == ["ceasefire", "peace_talks"]
    assert topic["choices"][0]["name"] == "Ceasefire / 停戦"


async def test_admin_groups_need_manage_server_and_a_server(world: World) -> None:
    roots = registered(world)
    manage_guild = str(discord.Permissions(manage_guild=True).value)
    for name in ("source", "digest", "topic"):
        assert str(roots[name]["default_member_permissions"]) == manage_guild
        assert roots[name].get("contexts") == [0] or roots[name].get("dm_permission") is False
    for name in ("timeline", "stance", "quote", "sources", "help"):
        assert roots[name].get("default_member_permissions") is None


async def test_japanese_localizations_for_every_command_and_option(world: World) -> None:
    def check(node: dict[str, Any], where: str) -> None:
        ja_name = (node.get("name_localizations") or {}).get("ja")
        ja_description = (node.get("description_localizations") or {}).get("ja")
        assert ja_name and NAME.match(ja_name), f"{where}: Japanese name {ja_name!r}"
        assert ja_description and len(ja_description) <= 100, f"{where}: Japanese description"
        for option in node.get("options") or []:
            check(option, f"{where} {option['name']}")
        for choice in node.get("choices") or []:
            assert (choice.get("name_localizations") or {}).get("ja"), f"{where} choice {choice['value']}"

    roots = registered(world)
    assert set(roots) == {"timeline", "stance", "quote", "sources", "source", "digest", "topic", "help"}
    for name, root in roots.items():
        check(root, name)
    assert roots["timeline"]["name_localizations"]["ja"] == "年表"
    assert load("en")["labels"].keys() == load("ja")["labels"].keys()


async def test_commands_sync_only_when_their_definitions_change(world: World, settings: Settings) -> None:
    def syncs() -> int:
        return sum(r.method == "PUT" and r.path.endswith("/commands") for r in world.env.http_requests)

    assert syncs() == 1  # the first start on this database
    bots = [world.env.bot]
    bots.append(await make_bot(settings))
    await world.env.restart_bot(bots[-1])
    assert syncs() == 1  # same definitions: no sync

    class WithPing(NewsdeskBot):
        async def sync_commands(self) -> bool:
            async def ping(interaction: discord.Interaction) -> None:
                await interaction.response.send_message("pong", ephemeral=True)

            self.tree.add_command(app_commands.Command(name="ping", description="Is the bot alive?", callback=ping))
            return await super().sync_commands()

    store = bots[-1].store
    bots.append(WithPing(settings, store=store, shard_count=1))
    await world.env.restart_bot(bots[-1])
    assert syncs() == 2
    assert "ping" in world.admin.available_commands(world.channel)
    await close_store(bots[0])
    await bots[1].http.close()  # its store is bots[-1]'s
    await close_store(bots[-1])


async def test_help_in_japanese_uses_the_localized_names(world: World) -> None:
    embed = help_embed(world.env.bot.tree, Labels("ja"))
    assert embed.title == "Newsdesk のコマンド"
    assert embed.fields[0].name == "/年表 [開始日] [終了日] [人物] [議題]"
    assert any(f.name.startswith("/出典 追加 [記事url] [ファイル] [本文]") for f in embed.fields)
    assert "例: `/年表" in embed.fields[0].value


async def test_guild_sync_when_a_guild_is_configured(world: World, settings: Settings) -> None:
    guild_settings = make_settings(settings.db_path, guild_id=world.guild.id)
    old = world.env.bot
    await world.env.restart_bot(await make_bot(guild_settings))
    await close_store(old)
    try:
        assert any(
            r.method == "PUT" and r.path.endswith(f"/guilds/{world.guild.id}/commands") for r in world.env.http_requests
        )
        result = await world.reader.slash(world.channel, "help")
        assert result.ephemeral
    finally:
        await close_store(world.env.bot)


async def test_unexpected_error_is_logged_and_answered(
    world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    # The extensions are modules discord.py loaded afresh: patch those, not an earlier import.
    monkeypatch.setattr(sys.modules["commands.quote"], "quote_page", broken)  # after the defer: a followup
    with caplog.at_level(logging.ERROR, logger="commands.client"):
        after = await world.reader.slash(world.channel, "quote", text="停戦")
    assert after.response.content.startswith("Something went wrong")
    assert "disk on fire" in caplog.text and "/quote failed" in caplog.text

    async def broken_parse(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("registry gone")

    # parsing the query comes before any answer: a response
    monkeypatch.setattr(sys.modules["commands.stance"], "parse_stance_query", broken_parse)
    before = await world.reader.slash(world.channel, "stance", actor="トランプ")
    assert before.ephemeral and before.response.content.startswith("Something went wrong")
    assert_error(world.env, RuntimeError, contains="registry gone")


async def test_setup_hook_opens_the_store_and_close_closes_it(seeded_db, monkeypatch: pytest.MonkeyPatch) -> None:
    bot = NewsdeskBot(make_settings(seeded_db))
    synced = []

    async def no_discord() -> bool:  # syncing needs a logged-in client; SimCord covers it elsewhere
        synced.append(True)
        return True

    monkeypatch.setattr(bot, "sync_commands", no_discord)
    async with bot:  # what Client.start does before login, and close() after
        await bot.setup_hook()
        assert await bot.store.count_documents() == 5
        assert isinstance(bot.tree.translator, JapaneseTranslator)
        names = {c.name for c in bot.tree.get_commands()}
        assert names == {"timeline", "stance", "quote", "sources", "source", "digest", "topic", "help"}
        assert synced and bot.digest_loop.is_running()
    assert bot._store is None


def test_run_without_a_token_explains(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(make_settings(tmp_path / "x.db")) != 0
    err = capsys.readouterr().err
    assert "DISCORD_TOKEN" in err and "python -m bot console" in err
    assert not (tmp_path / "x.db").exists()


def test_run_with_an_invalid_token_is_one_line(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    levels = []

    async def rejected_login(self: discord.Client, token: str) -> None:
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setattr(discord.Client, "login", rejected_login)
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kw: levels.append(kw.get("level")))
    assert run(make_settings(tmp_path / "x.db", token="not-a-token", log_level="DEBUG")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DISCORD_TOKEN" in err
    assert levels == [logging.DEBUG]


def test_run_speaks_the_operators_language(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSDESK_LANG", "ja")
    assert run(make_settings(tmp_path / "x.db")) == 2
    err = capsys.readouterr().err
    assert "トークンがありません" in err and "DISCORD_TOKEN" in err and "No Discord token" not in err

    async def rejected_login(self: discord.Client, token: str) -> None:
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setattr(discord.Client, "login", rejected_login)
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kw: None)
    assert run(make_settings(tmp_path / "x.db", token="not-a-token")) == 1
    err = capsys.readouterr().err
    assert err.startswith("エラー: ") and "受け付けませんでした" in err and err.count("\n") == 1

    async def unreachable(self: discord.Client, token: str) -> None:
        raise aiohttp.ClientConnectionError("no route")

    monkeypatch.setattr(discord.Client, "login", unreachable)
    assert run(make_settings(tmp_path / "x.db", token="not-a-token")) == 1
    err = capsys.readouterr().err
    assert err.startswith("エラー: ") and "接続できません" in err and "no route" in err
