"""Helpers for the /source feed commands: the feed-id autocompletes (the trusted-endpoint check is in bot.feeds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot import feeds
from commands.embeds import feed_label
from commands.options import CHOICE_LIMIT, CHOICE_TEXT

if TYPE_CHECKING:
    from bot.client import NewsdeskBot


async def _guild_feeds(interaction: discord.Interaction) -> list[feeds.Feed]:
    bot: NewsdeskBot = interaction.client  # type: ignore[assignment]
    if interaction.guild_id is None:
        return []
    return await feeds.list_feeds(bot.store, interaction.guild_id)


def _choices(found: list[feeds.Feed], current: str) -> list[app_commands.Choice[int]]:
    text = current.strip().lstrip("#").strip().lower()
    if text:
        found = [f for f in found if text in feed_label(f, 1000).lower() or text in f.url.lower()]
    return [app_commands.Choice(name=feed_label(f, CHOICE_TEXT), value=f.id) for f in found[:CHOICE_LIMIT]]


async def feed_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """This server's feeds by number, title or address (newest first)."""
    return _choices(list(reversed(await _guild_feeds(interaction))), current)


async def paused_feed_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """This server's feeds for /source resume: paused ones first, then failing ones, then the rest."""
    found = await _guild_feeds(interaction)
    found.sort(key=lambda f: (not f.paused, not f.failures, -f.id))
    return _choices(found, current)
