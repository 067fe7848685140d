"""/topic list for everyone; /topic add|rename|remove for admins: topics kept in the database."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.services.topics import add_topic, list_topics, remove_topic, rename_topic
from commands.checks import ADMIN_PERMISSIONS, admin_only, guild_scope
from commands.embeds import topics_embed
from commands.i18n import Labels
from commands.options import topic_autocomplete
from commands.render import NO_MENTIONS

if TYPE_CHECKING:
    from commands.client import NewsdeskBot


class Topics(commands.Cog):
    topic = app_commands.Group(
        name="topic",
        description="Topics /stance can be asked about (admins add, rename and remove them)",
        guild_only=True,
        default_permissions=ADMIN_PERMISSIONS,
    )

    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @topic.command(name="list", description="Every topic: the seed ones, those added and those found in the news")
    async def list_(self, interaction: discord.Interaction) -> None:
        L = Labels.of(interaction)
        topics = await list_topics(self.bot.store, guild_id=guild_scope(interaction))
        await interaction.response.send_message(embed=topics_embed(topics, L), ephemeral=True)

    @topic.command(name="add", description="Add a topic with its cue words")
    @app_commands.describe(name="The topic's name, e.g. 関税 or tariffs", cues="Its cue words, comma-separated")
    @admin_only
    async def add(
        self,
        interaction: discord.Interaction,
        name: app_commands.Range[str, 1, 60],
        cues: app_commands.Range[str, 1, 1000],
    ) -> None:
        L = Labels.of(interaction)
        topic = await add_topic(
            self.bot.store,
            name,
            cues.replace("、", ",").split(","),
            added_by=str(interaction.user.id),
            guild_id=guild_scope(interaction),
        )
        text = L("topic.added", topic=topic.label, cues=", ".join(topic.cues))
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @topic.command(name="rename", description="Give a topic another name")
    @app_commands.describe(topic="The topic", name="Its new name")
    @app_commands.autocomplete(topic=topic_autocomplete)
    @admin_only
    async def rename(
        self,
        interaction: discord.Interaction,
        topic: app_commands.Range[str, 1, 100],
        name: app_commands.Range[str, 1, 60],
    ) -> None:
        L = Labels.of(interaction)
        renamed = await rename_topic(
            self.bot.store, topic, name, by=str(interaction.user.id), guild_id=guild_scope(interaction)
        )
        text = L("topic.renamed", id=renamed.id, topic=renamed.label)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @topic.command(name="remove", description="Remove a topic")
    @app_commands.describe(topic="The topic")
    @app_commands.autocomplete(topic=topic_autocomplete)
    @admin_only
    async def remove(self, interaction: discord.Interaction, topic: app_commands.Range[str, 1, 100]) -> None:
        L = Labels.of(interaction)
        removed = await remove_topic(
            self.bot.store, topic, by=str(interaction.user.id), guild_id=guild_scope(interaction)
        )
        text = L("topic.removed", topic=removed.label)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Topics(bot))
