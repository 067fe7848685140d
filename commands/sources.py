"""/sources [id] for everyone; /source add|remove for admins."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.ingest.webpage import UPLOAD_TYPES
from bot.models import IngestResult
from bot.services.errors import QueryError
from bot.services.sources import (
    MAX_UPLOAD_BYTES,
    add_text,
    add_upload,
    add_url,
    get_source,
    list_sources,
    remove_source,
)
from commands.checks import ADMIN_PERMISSIONS, admin_only
from commands.embeds import ingest_embed, ingest_refusal, source_embed, sources_pages
from commands.i18n import Labels
from commands.options import source_autocomplete
from commands.paginator import send_pages
from commands.render import NO_MENTIONS, escape, truncate

if TYPE_CHECKING:
    from bot.client import NewsdeskBot


class Sources(commands.Cog):
    source = app_commands.Group(
        name="source",
        description="Add or remove sources (Manage Server)",
        guild_only=True,
        default_permissions=ADMIN_PERMISSIONS,
    )

    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(name="sources", description="The documents in the store, or one in detail")
    @app_commands.describe(doc_id="A document number (type to search titles)")
    @app_commands.rename(doc_id="id")
    @app_commands.autocomplete(doc_id=source_autocomplete)
    async def sources(self, interaction: discord.Interaction, doc_id: int | None = None) -> None:
        L = Labels.of(interaction)
        if doc_id is None:
            await interaction.response.defer(thinking=True)  # the listing counts every document's contents
            docs = await list_sources(self.bot.store)
            if not docs:
                await interaction.followup.send(L("sources.empty"), allowed_mentions=NO_MENTIONS)
                return
            await send_pages(interaction, sources_pages(docs, L))
            return
        doc = await get_source(self.bot.store, doc_id)
        if doc is None:
            raise QueryError(L("sources.unknown", id=doc_id))
        await interaction.response.send_message(embed=source_embed(doc, L), allowed_mentions=NO_MENTIONS)

    @source.command(name="add", description="Add an article: a web page URL, a file (.txt .md .html .pdf) or text")
    @app_commands.describe(
        url="The article's web address",
        file="A .txt, .md, .html or .pdf file of the article",
        text="The article's text, pasted",
        title="The title (if the source lacks one)",
        published="The publication date: YYYY-MM-DD",
    )
    @admin_only
    async def add(
        self,
        interaction: discord.Interaction,
        url: app_commands.Range[str, 1, 2000] | None = None,
        file: discord.Attachment | None = None,
        text: str | None = None,
        title: app_commands.Range[str, 1, 300] | None = None,
        published: app_commands.Range[str, 1, 40] | None = None,
    ) -> None:
        L = Labels.of(interaction)
        if sum(x is not None for x in (url, file, text)) != 1:
            raise QueryError(L("ingest.one_of"))
        if file is not None:
            suffix = PurePath(file.filename).suffix.lower()
            if suffix not in UPLOAD_TYPES:
                raise QueryError(L("ingest.file_type", name=escape(truncate(file.filename, 100))))
            if file.size > MAX_UPLOAD_BYTES:
                raise QueryError(L("ingest.file_size", mb=f"{file.size / 1e6:.1f}"))
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self._ingest(interaction, url=url, file=file, text=text, title=title, published=published)
        if result.status == "added":
            await interaction.followup.send(embed=ingest_embed(result, L), ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.followup.send(ingest_refusal(result, L), ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def _ingest(
        self,
        interaction: discord.Interaction,
        *,
        url: str | None,
        file: discord.Attachment | None,
        text: str | None,
        title: str | None,
        published: str | None,
    ) -> IngestResult:
        store = self.bot.store
        who = {"added_by": f"discord:{interaction.user.id}", "guild_id": interaction.guild_id}
        if file is not None:
            data = await file.read()
            return await add_upload(
                store, data, file.filename, file.content_type, title=title, published=published, **who
            )
        if url is not None:
            return await add_url(
                store, url, allow_private=self.bot.settings.allow_private_fetch, title=title, published=published, **who
            )
        return await add_text(store, text or "", title=title, published=published, **who)

    @source.command(name="remove", description="Remove a document and everything derived from it")
    @app_commands.describe(doc_id="The document number (type to search titles)")
    @app_commands.rename(doc_id="id")
    @app_commands.autocomplete(doc_id=source_autocomplete)
    @admin_only
    async def remove(self, interaction: discord.Interaction, doc_id: int) -> None:
        L = Labels.of(interaction)
        doc = await get_source(self.bot.store, doc_id)
        if doc is None:
            raise QueryError(L("sources.unknown", id=doc_id))
        await interaction.response.defer(ephemeral=True, thinking=True)
        removed = await remove_source(self.bot.store, doc_id)
        key = "source.removed" if removed else "sources.unknown"
        await interaction.followup.send(
            L(key, id=doc_id, title=escape(truncate(doc.title, 200))), ephemeral=True, allowed_mentions=NO_MENTIONS
        )


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Sources(bot))
