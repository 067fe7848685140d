"""/quote: the passage, speaker, date and original outlet behind a remembered quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.services.quotes import MAX_QUERY_CHARS, parse_quote, quote_page
from commands.checks import guild_scope
from commands.embeds import quote_embed, quote_not_found
from commands.i18n import Labels
from commands.render import NO_MENTIONS

if TYPE_CHECKING:
    from commands.client import NewsdeskBot


class Quote(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(name="quote", description="Find who said a quote, when, and where it was reported")
    @app_commands.describe(text="The words as you remember them (a few are enough)")
    async def quote(
        self, interaction: discord.Interaction, text: app_commands.Range[str, 1, MAX_QUERY_CHARS]
    ) -> None:
        L = Labels.of(interaction)
        # everything the user can get wrong is answered (ephemerally) before the defer
        q = await parse_quote(self.bot.store, text, guild_id=guild_scope(interaction))
        await interaction.response.defer(thinking=True)
        matches = await quote_page(self.bot.store, q)
        if not matches:
            await interaction.followup.send(quote_not_found(text, L), allowed_mentions=NO_MENTIONS)
            return
        await interaction.followup.send(embed=quote_embed(text, matches, L), allowed_mentions=NO_MENTIONS)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Quote(bot))
