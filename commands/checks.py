"""Who may run admin commands: members with Manage Server (or a configured bot owner)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TypeVar

import discord
from discord import app_commands

from bot.rows import Provenance

T = TypeVar("T", str, int, float)
Autocomplete = Callable[[discord.Interaction, str], Awaitable[list[app_commands.Choice[T]]]]

ADMIN_PERMISSIONS = discord.Permissions(manage_guild=True)


class NotAdmin(app_commands.CheckFailure):
    """Raised by the admin check; the tree's error handler answers with an ephemeral refusal."""


def is_admin(interaction: discord.Interaction) -> bool:
    owner_ids = getattr(interaction.client, "owner_ids", None) or set()
    if interaction.user.id in owner_ids:
        return True
    return interaction.guild is not None and interaction.permissions.manage_guild


async def _admin_predicate(interaction: discord.Interaction) -> bool:
    # default_permissions only hides a command; a server can still grant it to anyone, so enforce here.
    if not is_admin(interaction):
        raise NotAdmin("Manage Server is required.")
    return True


admin_only = app_commands.check(_admin_predicate)


def admin_autocomplete(func: Autocomplete[T]) -> Autocomplete[T]:
    """An autocomplete that answers only admins: discord.py runs a command's checks for the command, not
    for its autocompletes, so without this anyone a server lets see the command could list what it offers."""

    @functools.wraps(func)
    async def answer(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[T]]:
        if not is_admin(interaction):
            return []
        return await func(interaction, current)

    return answer


def typed_text(current: str | None, limit: int = 100) -> str:
    """What a user typed into an autocomplete, made safe to search with: any string Discord can send
    (lone surrogates such as \\ud800, control characters, megabytes) becomes short, valid text."""
    text = (current or "")[: limit * 2]
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")  # pairs joined, lone ones out
    kept = (c if c.isprintable() else " " if c.isspace() else "" for c in text if c != "\ufffd")
    return "".join(kept)[:limit]


def guild_scope(interaction: discord.Interaction) -> int:
    """The server whose documents (with the shared ones) an answer draws on; 0 outside a server (a DM):
    the shared documents only, never every server's."""
    return interaction.guild_id or 0


def provenance(interaction: discord.Interaction) -> Provenance:
    """What a member adds: added by them, for their server (announced)."""
    return Provenance(added_by=f"discord:{interaction.user.id}", guild_id=interaction.guild_id)
