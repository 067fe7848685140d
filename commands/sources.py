"""/sources [id] for everyone; /source add|remove|feed|feeds|unfeed|resume for admins."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.models import IngestResult
from bot.services import feeds
from bot.services.errors import QueryError
from bot.services.handoff import worker_ready
from bot.services.sources import (
    MAX_UPLOAD_BYTES,
    ArchiveFailed,
    BulkProgress,
    add_archive,
    add_text,
    add_upload,
    add_url,
    get_source,
    list_sources,
    remove_source,
    upload_kind,
)
from commands.checks import ADMIN_PERMISSIONS, admin_only, guild_scope, provenance
from commands.embeds import (
    archive_done_text,
    archive_progress_text,
    bare_link,
    feeds_pages,
    ingest_embed,
    ingest_refusal,
    source_embed,
    sources_pages,
)
from commands.feeds import feed_autocomplete, paused_feed_autocomplete
from commands.handoff import hand_over_archive, hand_over_source, upload_payload
from commands.i18n import Labels
from commands.modals import AddArticleModal
from commands.options import admin_source_autocomplete, source_autocomplete
from commands.paginator import send_pages
from commands.render import NO_MENTIONS, escape, truncate

if TYPE_CHECKING:
    from commands.client import NewsdeskBot

ARCHIVE_PROGRESS_SECONDS = 2.0  # the reply of a .zip upload is edited at most this often


class Sources(commands.Cog):
    source = app_commands.Group(
        name="source",
        description="Add or remove sources and feeds (Manage Server)",
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
            docs = await list_sources(self.bot.store, guild_scope(interaction))
            if not docs:
                await interaction.followup.send(L("sources.empty"), allowed_mentions=NO_MENTIONS)
                return
            await send_pages(interaction, sources_pages(docs, L))
            return
        doc = await get_source(self.bot.store, doc_id, guild_scope(interaction))
        if doc is None:
            raise QueryError("sources.unknown", id=doc_id)
        await interaction.response.send_message(embed=source_embed(doc, L), allowed_mentions=NO_MENTIONS)

    @source.command(
        name="add", description="Add an article: a URL, a file (.txt .md .html .pdf) or text; no option opens a form"
    )
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
        if all(x is None for x in (url, file, text, title, published)):
            await interaction.response.send_modal(AddArticleModal(self.bot, L))
            return
        if sum(x is not None for x in (url, file, text)) != 1:
            raise QueryError("ingest.one_of")
        if file is not None:
            kind = upload_kind(file.filename)
            if kind == "archive":
                await self._add_archive(interaction, file, L)
                return
            if kind is None:
                raise QueryError("ingest.file_type", name=truncate(file.filename, 100))
            if file.size > MAX_UPLOAD_BYTES:
                raise QueryError("ingest.file_size", mb=f"{file.size / 1e6:.1f}")
        # Fetching and extracting can take longer than the 3 seconds Discord waits for an answer.
        await interaction.response.defer(ephemeral=True, thinking=True)
        if await worker_ready(self.bot.store):  # a shared store with a worker running: the worker ingests it
            await self._hand_over(interaction, L, url=url, file=file, text=text, title=title, published=published)
            return
        result = await self._ingest(interaction, url=url, file=file, text=text, title=title, published=published)
        if result.status == "added":
            await interaction.followup.send(embed=ingest_embed(result, L), ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.followup.send(ingest_refusal(result, L), ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def _add_archive(self, interaction: discord.Interaction, file: discord.Attachment, L: Labels) -> None:
        """A .zip of articles: the bulk path, the deferred reply edited with progress every few seconds."""
        if file.size > MAX_UPLOAD_BYTES:
            raise QueryError("ingest.file_size", mb=f"{file.size / 1e6:.1f}")
        await interaction.response.defer(ephemeral=True, thinking=True)
        name = escape(truncate(file.filename, 100))
        if await worker_ready(self.bot.store):  # a shared store with a worker running: the worker reads it
            await hand_over_archive(interaction, self.bot, L, file, name)
            return
        shown = {"at": time.monotonic()}

        async def on_progress(p: BulkProgress) -> None:
            if p.finished or time.monotonic() - shown["at"] < ARCHIVE_PROGRESS_SECONDS:
                return
            shown["at"] = time.monotonic()
            await interaction.edit_original_response(content=archive_progress_text(p, name, L))

        try:
            final = await add_archive(
                self.bot.store,
                await file.read(),
                provenance=provenance(interaction),
                on_progress=on_progress,
            )
        except ArchiveFailed as e:
            await interaction.edit_original_response(content=L(e.key, name=name))
            return
        await interaction.edit_original_response(content=archive_done_text(final, name, L))

    async def _hand_over(
        self,
        interaction: discord.Interaction,
        L: Labels,
        *,
        url: str | None,
        file: discord.Attachment | None,
        text: str | None,
        title: str | None,
        published: str | None,
    ) -> None:
        """Queue the source for a worker, say so, and edit that reply with the outcome when the job ends."""
        given = {"title": title, "published": published}
        if file is not None:
            kind, payload = "add_upload", {**await upload_payload(file), **given}
        elif url is not None:
            kind, payload = "ingest_url", {"url": url, **given}
        else:
            kind, payload = "add_text", {"text": text or "", **given}
        await hand_over_source(interaction, self.bot, L, kind, payload)

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
        who = provenance(interaction)
        if file is not None:
            data = await file.read()
            return await add_upload(
                store, data, file.filename, file.content_type, title=title, published=published, provenance=who
            )
        if url is not None:
            return await add_url(
                store, url, fetcher=self.bot.fetcher, title=title, published=published, provenance=who
            )
        return await add_text(store, text or "", title=title, published=published, provenance=who)

    @source.command(name="remove", description="Remove a document and everything derived from it")
    @app_commands.describe(doc_id="The document number (type to search titles)")
    @app_commands.rename(doc_id="id")
    @app_commands.autocomplete(doc_id=admin_source_autocomplete)
    @admin_only
    async def remove(self, interaction: discord.Interaction, doc_id: int) -> None:
        L = Labels.of(interaction)
        guild_id = guild_scope(interaction)
        doc = await get_source(self.bot.store, doc_id, guild_id)
        if doc is None:
            raise QueryError("sources.unknown", id=doc_id)
        if doc.guild_id != guild_id:  # a seed or the command line's: every server reads it, none removes it
            raise QueryError("source.shared", id=doc_id)
        await interaction.response.defer(ephemeral=True, thinking=True)
        removed = await remove_source(self.bot.store, doc_id, guild_id)
        key = "source.removed" if removed else "sources.unknown"
        await interaction.followup.send(
            L(key, id=doc_id, title=escape(truncate(doc.title, 200))), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    # --- feeds -----------------------------------------------------------------------------

    @source.command(name="feed", description="Follow an RSS or Atom feed: its new articles are added and digested")
    @app_commands.describe(url="The feed's address (RSS or Atom)")
    @admin_only
    async def follow_feed(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, 2000]) -> None:
        L = Labels.of(interaction)
        assert interaction.guild_id is not None  # the group is guild-only
        settings = self.bot.settings
        await interaction.response.defer(ephemeral=True, thinking=True)  # the address is fetched (feed discovery)
        feed = await feeds.subscribe(
            self.bot.store,
            url,
            guild_id=interaction.guild_id,
            added_by=f"discord:{interaction.user.id}",
            fetcher=self.bot.fetcher,
        )
        await interaction.followup.send(
            L("feed.subscribed", id=feed.id, url=bare_link(feed.url), minutes=f"{settings.feed_minutes:g}"),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @source.command(name="feeds", description="The feeds this server follows, with their health")
    @admin_only
    async def list_feeds(self, interaction: discord.Interaction) -> None:
        L = Labels.of(interaction)
        assert interaction.guild_id is not None
        found = await feeds.list_feeds(self.bot.store, interaction.guild_id)
        if not found:
            await interaction.response.send_message(L("feeds.empty"), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        await send_pages(interaction, feeds_pages(found, L), ephemeral=True)

    @source.command(name="unfeed", description="Stop following a feed (the articles already added stay)")
    @app_commands.describe(feed_id="The feed number (type to search)")
    @app_commands.rename(feed_id="id")
    @app_commands.autocomplete(feed_id=feed_autocomplete)
    @admin_only
    async def unfollow_feed(self, interaction: discord.Interaction, feed_id: int) -> None:
        L = Labels.of(interaction)
        assert interaction.guild_id is not None
        feed = await self._guild_feed(interaction, feed_id, L)
        if not await feeds.unsubscribe(self.bot.store, feed_id, guild_id=interaction.guild_id):
            raise QueryError("feed.unknown", id=feed_id)
        await interaction.response.send_message(
            L("feed.removed", id=feed_id, url=bare_link(feed.url)), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @source.command(name="resume", description="Resume a feed that was paused after failing repeatedly")
    @app_commands.describe(feed_id="The feed number (type to search)")
    @app_commands.rename(feed_id="id")
    @app_commands.autocomplete(feed_id=paused_feed_autocomplete)
    @admin_only
    async def resume_feed(self, interaction: discord.Interaction, feed_id: int) -> None:
        L = Labels.of(interaction)
        assert interaction.guild_id is not None
        feed = await self._guild_feed(interaction, feed_id, L)
        if not await feeds.resume(self.bot.store, feed_id, guild_id=interaction.guild_id):
            raise QueryError("feed.unknown", id=feed_id)
        key = "feed.resumed" if feed.paused else "feed.not_paused"
        await interaction.response.send_message(
            L(key, id=feed_id, url=bare_link(feed.url)), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    async def _guild_feed(self, interaction: discord.Interaction, feed_id: int, L: Labels) -> feeds.Feed:
        """The feed, if it belongs to this server (another server's feed is as good as unknown)."""
        feed = await feeds.get_feed(self.bot.store, feed_id)
        if feed is None or feed.guild_id != interaction.guild_id:
            raise QueryError("feed.unknown", id=feed_id)
        return feed


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Sources(bot))
