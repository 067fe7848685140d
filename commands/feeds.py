"""Helpers for the /source feed commands: the feed-id autocomplete and the trusted-endpoint check."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot import feeds
from bot.ingest.netguard import BlockedURL, check_url, trusted_pairs, url_host_port
from commands.embeds import feed_label
from commands.options import CHOICE_LIMIT, CHOICE_TEXT

if TYPE_CHECKING:
    from bot.client import NewsdeskBot


def is_trusted(url: str, trusted_hosts: Iterable[str]) -> bool:
    """True when the URL, as written, names one of the trusted "host:port" endpoints (see bot.ingest.fetch)."""
    pairs = trusted_pairs(trusted_hosts)
    if not pairs:
        return False
    try:
        host, port = url_host_port(check_url(url, allow_private=True))
    except BlockedURL:  # a malformed URL: subscribe() explains it
        return False
    return (host.lower(), port) in pairs


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
