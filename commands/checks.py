"""Who may run admin commands: members with Manage Server (or a configured bot owner)."""

from __future__ import annotations

import discord
from discord import app_commands

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
