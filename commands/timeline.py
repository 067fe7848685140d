"""/timeline: the dated events of the talks, 10 a page."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.models import TimelineEvent
from bot.services.timeline import count_timeline, timeline_page, validate_timeline_query
from commands.checks import guild_scope
from commands.embeds import PER_PAGE, timeline_embed
from commands.i18n import Labels
from commands.options import TOPIC_CHOICES, actor_autocomplete
from commands.paginator import LazyPages, send_pages
from commands.render import NO_MENTIONS

if TYPE_CHECKING:
    from commands.client import NewsdeskBot


class Timeline(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(name="timeline", description="The dated events of the talks, 10 a page")
    @app_commands.describe(
        since="From this date: YYYY-MM-DD, YYYY-MM or YYYY",
        until="Up to this date: YYYY-MM-DD, YYYY-MM or YYYY",
        actor="Only events involving this person, country or body",
        topic="Only events on this topic",
    )
    @app_commands.autocomplete(actor=actor_autocomplete)
    @app_commands.choices(topic=TOPIC_CHOICES)
    async def timeline(
        self,
        interaction: discord.Interaction,
        since: app_commands.Range[str, 1, 40] | None = None,
        until: app_commands.Range[str, 1, 40] | None = None,
        actor: app_commands.Range[str, 1, 100] | None = None,
        topic: app_commands.Choice[str] | None = None,
    ) -> None:
        L = Labels.of(interaction)
        topic_id = topic.value if topic else None
        # Validation is in memory: a bad date or unknown actor is answered (ephemerally) before the defer.
        query = await validate_timeline_query(
            self.bot.store, since, until, actor, topic_id, guild_id=guild_scope(interaction)
        )
        await interaction.response.defer(thinking=True)
        store = self.bot.store
        count = await count_timeline(store, query)
        if not count:
            await interaction.followup.send(L("timeline.empty"), allowed_mentions=NO_MENTIONS)
            return
        filters = [
            *([L("timeline.since", date=query.since)] if query.since else []),
            *([L("timeline.until", date=query.until)] if query.until else []),
            *([query.actor] if query.actor else []),
            *([L.topic(query.topic)] if query.topic else []),
        ]
        pages = -(-count // PER_PAGE)
        # Without dates the answer opens on the latest events (pages counted back from the end, so the
        # latest page is full) and pages back in time; with dates it reads forward from the first.
        latest = not (query.since or query.until)
        query.latest_last = latest

        shown: dict[int, list[TimelineEvent]] = {}  # the events of each page built, for the next one's keyset

        async def build(index: int) -> discord.Embed:
            offset = count - (pages - index) * PER_PAGE if latest else index * PER_PAGE
            limit = PER_PAGE + min(0, offset)
            # Next and Previous read on from a neighbour's edge (a keyset page: no walk over the pages between);
            # a jump (the first page shown, First, Last) reads by its offset, from whichever end is nearer.
            after = shown[index - 1][-1] if shown.get(index - 1) else None
            before = shown[index + 1][0] if after is None and shown.get(index + 1) else None
            events = await timeline_page(
                store, query, limit=limit, offset=max(0, offset), total=count, after=after, before=before
            )
            shown[index] = events
            return timeline_embed(events, L, page=index, pages=pages, count=count, filters=filters)

        await send_pages(interaction, LazyPages(pages, build), start=pages - 1 if latest else 0)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Timeline(bot))
