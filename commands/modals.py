"""The "Add article" form that /source add opens when it is given no option."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import ui

from bot.services.errors import QueryError
from bot.services.handoff import worker_ready
from bot.services.sources import add_text
from commands.checks import is_admin, provenance
from commands.embeds import ingest_embed, ingest_refusal
from commands.handoff import hand_over_source
from commands.i18n import Labels
from commands.render import NO_MENTIONS, truncate

if TYPE_CHECKING:
    from commands.client import NewsdeskBot

log = logging.getLogger(__name__)

BODY_CHARS = 4000  # Discord's limit on one text input
TITLE_CHARS = 300
URL_CHARS = 2000
DATE_CHARS = 40
TIMEOUT = 15 * 60.0  # an interaction token lives 15 minutes; a form left open longer cannot be answered anyway
MODAL_TITLE = 45
LABEL_TEXT = 45


def _optional(value: str) -> str | None:
    return value.strip() or None


class AddArticleModal(ui.Modal):
    """Title, URL, date and body; on submit the text is ingested like `/source add text:`.

    The inputs' custom_ids are fixed (the modal's own is random, so two open forms never mix up).
    """

    def __init__(self, bot: NewsdeskBot, labels: Labels) -> None:
        super().__init__(title=truncate(labels("modal.title"), MODAL_TITLE), timeout=TIMEOUT)
        self.bot = bot
        self.article_title = ui.TextInput(custom_id="article:title", required=False, max_length=TITLE_CHARS)
        self.url = ui.TextInput(
            custom_id="article:url",
            required=False,
            max_length=URL_CHARS,
            placeholder=truncate(labels("modal.url_hint"), 100),
        )
        self.published = ui.TextInput(
            custom_id="article:date",
            required=False,
            max_length=DATE_CHARS,
            placeholder=truncate(labels("modal.date_hint"), 100),
        )
        self.body = ui.TextInput(
            custom_id="article:body",
            style=discord.TextStyle.paragraph,
            required=True,
            min_length=1,
            max_length=BODY_CHARS,
            placeholder=truncate(labels("modal.body_hint"), 100),
        )
        for key, component in (
            ("modal.article_title", self.article_title),
            ("modal.url", self.url),
            ("modal.date", self.published),
            ("modal.body", self.body),
        ):
            self.add_item(ui.Label(text=truncate(labels(key), LABEL_TEXT), component=component))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        # The form was opened by an admin; check again in case the permission was taken away meanwhile.
        if is_admin(interaction):
            return True
        await interaction.response.send_message(
            Labels.of(interaction)("error.not_admin"), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return False

    async def on_submit(self, interaction: discord.Interaction) -> None:
        L = Labels.of(interaction)
        # Parsing and extraction can take longer than the 3 seconds Discord waits for an answer.
        await interaction.response.defer(ephemeral=True, thinking=True)
        if await worker_ready(self.bot.store):  # a shared store with a worker running: the worker ingests it
            await self._hand_over(interaction, L)
            return
        try:
            result = await add_text(
                self.bot.store,
                self.body.value,
                title=_optional(self.article_title.value),
                url=_optional(self.url.value),
                published=_optional(self.published.value),
                provenance=provenance(interaction),
            )
        except QueryError as e:
            await interaction.followup.send(truncate(L.error(e), 500), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        if result.status == "added":
            await interaction.followup.send(embed=ingest_embed(result, L), ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.followup.send(ingest_refusal(result, L), ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def _hand_over(self, interaction: discord.Interaction, L: Labels) -> None:
        payload = {
            "text": self.body.value,
            "title": _optional(self.article_title.value),
            "url": _optional(self.url.value),
            "published": _optional(self.published.value),
        }
        try:
            await hand_over_source(interaction, self.bot, L, "add_text", payload)
        except QueryError as e:  # the worker's refusal (a bad date…), said as the form says its own
            await interaction.edit_original_response(content=truncate(L.error(e), 500))

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        log.error("the Add article form failed", exc_info=error)
        message = Labels.of(interaction)("error.unexpected")
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as e:
            log.warning("could not report an error to the user: %s", e)
