"""/stance: an actor's positions by topic, latest first, with dated and sourced statements; or, with
`about`, the actor's statements about a target named in the reader's own words."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.services.stance_query import parse_stance_query, stance_page
from commands.checks import guild_scope
from commands.embeds import STATEMENTS_PER_PAGE, stance_embed, stance_page_count
from commands.i18n import Labels
from commands.options import actor_autocomplete, topic_autocomplete
from commands.paginator import LazyPages, send_pages
from commands.render import NO_MENTIONS, echo

if TYPE_CHECKING:
    from commands.client import NewsdeskBot


class Stance(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(name="stance", description="An actor's positions by topic, with dated, sourced statements")
    @app_commands.describe(
        actor="A person, country or body, e.g. トランプ, Zelensky or EU",
        topic="Only this topic (type to search)",
        about="A target in your own words: a deal, a policy, a plan, a person",
    )
    @app_commands.autocomplete(actor=actor_autocomplete, topic=topic_autocomplete)
    async def stance(
        self,
        interaction: discord.Interaction,
        actor: app_commands.Range[str, 1, 100],
        topic: app_commands.Range[str, 1, 100] | None = None,
        about: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        L = Labels.of(interaction)
        store = self.bot.store
        # everything the user can get wrong is answered (ephemerally) before the defer
        q = await parse_stance_query(store, actor, topic=topic, about=about, guild_id=guild_scope(interaction))
        await interaction.response.defer(thinking=True)

        async def fetch(offset: int, total: int | None = None):
            return await stance_page(store, q, limit=STATEMENTS_PER_PAGE, offset=offset, total=total)

        report = await fetch(0)
        if not report.statements:
            shown_name = q.shown_name(L.lang)
            if q.target is not None:
                text = L("stance.none_about", actor=echo(shown_name), about=echo(q.target))
            elif q.topic:
                text = L("stance.none_topic", actor=echo(shown_name), topic=L.topic(q.topic))
            else:
                text = L("stance.none", actor=echo(shown_name))
            await interaction.followup.send(text, allowed_mentions=NO_MENTIONS)
            return
        first = stance_embed(report, L, page=0)

        async def build(index: int) -> discord.Embed:
            if index == 0:
                return first
            # a later page shows statements only: the summary is the first page's, not read again
            return stance_embed(await fetch(index * STATEMENTS_PER_PAGE, report.total), L, page=index)

        await send_pages(interaction, LazyPages(stance_page_count(report), build))


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Stance(bot))
