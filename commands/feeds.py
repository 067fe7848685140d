"""The feed-id autocompletes of the /source feed commands: admins only, matching what the list shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.services import feeds
from commands.checks import admin_autocomplete, typed_text
from commands.embeds import feed_label
from commands.options import CHOICE_LIMIT, CHOICE_TEXT

if TYPE_CHECKING:
    from commands.client import NewsdeskBot


async def _guild_feeds(interaction: discord.Interaction) -> list[feeds.Feed]:
    bot: NewsdeskBot = interaction.client  # type: ignore[assignment]
    if interaction.guild_id is None:
        return []
    return await feeds.list_feeds(bot.store, interaction.guild_id)


def _choices(found: list[feeds.Feed], current: str) -> list[app_commands.Choice[int]]:
    """Feeds whose label, as the choice shows it, contains what was typed: never a hidden part of the address
    (a query string can hold a key), so typing cannot probe it."""
    text = typed_text(current).strip().lstrip("#").strip().lower()
    labels = [(f, feed_label(f, CHOICE_TEXT)) for f in found]
    if text:
        labels = [(f, label) for f, label in labels if text in label.lower()]
    return [app_commands.Choice(name=label, value=f.id) for f, label in labels[:CHOICE_LIMIT]]


@admin_autocomplete
async def feed_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """This server's feeds by number, title or address (newest first)."""
    return _choices(list(reversed(await _guild_feeds(interaction))), current)


@admin_autocomplete
async def paused_feed_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """This server's feeds for /source resume: paused ones first, then failing ones, then the rest."""
    found = await _guild_feeds(interaction)
    found.sort(key=lambda f: (not f.paused, not f.failures, -f.id))
    return _choices(found, current)
