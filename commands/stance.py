"""/stance: an actor's positions by topic, latest first, with dated and sourced statements; or, with
`about`, the actor's statements about a target named in the reader's own words."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.models import TOPICS
from bot.services.errors import QueryError
from bot.services.resolve import resolve_visible_actor
from bot.services.stance import stance
from bot.services.stance_about import find_unregistered, prepare_target, stance_about
from bot.services.topics import find_topic
from commands.checks import guild_scope
from commands.embeds import STATEMENTS_PER_PAGE, stance_embed, stance_page_count
from commands.i18n import Labels
from commands.options import actor_autocomplete, topic_autocomplete
from commands.paginator import LazyPages, send_pages
from commands.render import NO_MENTIONS, echo

if TYPE_CHECKING:
    from bot.client import NewsdeskBot


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
        guild_id = guild_scope(interaction)
        try:
            entry = await resolve_visible_actor(store, actor, guild_id)  # an unknown actor: before the defer
            name, shown_name = entry.name, (entry.name_en if L.lang == "en" and entry.name_en else entry.name)
        except QueryError:
            # with a target, a name the articles use though the registry lacks it (馳知事, 経団連) is read too
            if about is None or await find_unregistered(store, actor, guild_id) is None:
                raise
            name = shown_name = actor
        target, cues, topic_id = about, None, None
        if topic and about is None:
            info = await find_topic(store, topic, guild_id)
            if info.id in TOPICS:
                topic_id = info.id
            else:  # a topic kept in the database: read like a target, by its cue words
                target, cues = info.label, info.cues
        # a target naming nothing is answered (ephemerally) before the defer
        prepared = await prepare_target(store, target, cues, guild_id) if target is not None else None
        await interaction.response.defer(thinking=True)

        async def fetch(offset: int):
            if target is not None:
                return await stance_about(
                    store,
                    name,
                    target,
                    limit=STATEMENTS_PER_PAGE,
                    offset=offset,
                    cues=cues,
                    prepared=prepared,
                    guild_id=guild_id,
                )
            return await stance(
                store, name, topic=topic_id, limit=STATEMENTS_PER_PAGE, offset=offset, guild_id=guild_id
            )

        report = await fetch(0)
        if not report.statements:
            if target is not None:
                text = L("stance.none_about", actor=echo(shown_name), about=echo(target))
            elif topic_id:
                text = L("stance.none_topic", actor=echo(shown_name), topic=L.topic(topic_id))
            else:
                text = L("stance.none", actor=echo(shown_name))
            await interaction.followup.send(text, allowed_mentions=NO_MENTIONS)
            return
        first = stance_embed(report, L, page=0)

        async def build(index: int) -> discord.Embed:
            if index == 0:
                return first
            return stance_embed(await fetch(index * STATEMENTS_PER_PAGE), L, page=index)

        await send_pages(interaction, LazyPages(stance_page_count(report), build))


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Stance(bot))
