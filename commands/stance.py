"""/stance: an actor's positions by topic, latest first, with dated and sourced statements."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.services.resolve import resolve_actor
from bot.services.stance import stance
from commands.embeds import STATEMENTS_PER_PAGE, stance_embed, stance_page_count
from commands.i18n import Labels
from commands.options import TOPIC_CHOICES, actor_autocomplete
from commands.paginator import LazyPages, send_pages
from commands.render import NO_MENTIONS

if TYPE_CHECKING:
    from bot.client import NewsdeskBot


class Stance(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(name="stance", description="An actor's positions by topic, with dated, sourced statements")
    @app_commands.describe(actor="A person, country or body, e.g. トランプ, Zelensky or EU", topic="Only this topic")
    @app_commands.autocomplete(actor=actor_autocomplete)
    @app_commands.choices(topic=TOPIC_CHOICES)
    async def stance(
        self,
        interaction: discord.Interaction,
        actor: app_commands.Range[str, 1, 100],
        topic: app_commands.Choice[str] | None = None,
    ) -> None:
        L = Labels.of(interaction)
        entry = resolve_actor(self.bot.store, actor)  # in memory: an unknown actor is answered before the defer
        await interaction.response.defer(thinking=True)
        topic_id = topic.value if topic else None
        report = await stance(self.bot.store, entry.name, topic=topic_id, limit=STATEMENTS_PER_PAGE)
        if not report.statements:
            key = "stance.none_topic" if topic else "stance.none"
            text = L(key, actor=entry.name, topic=L.topic(topic.value) if topic else "")
            await interaction.followup.send(text, allowed_mentions=NO_MENTIONS)
            return
        first = stance_embed(report, L, page=0)

        async def build(index: int) -> discord.Embed:
            if index == 0:
                return first
            offset = index * STATEMENTS_PER_PAGE
            page = await stance(self.bot.store, entry.name, topic=topic_id, limit=STATEMENTS_PER_PAGE, offset=offset)
            return stance_embed(page, L, page=index)

        await send_pages(interaction, LazyPages(stance_page_count(report), build))


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Stance(bot))
