"""`/source add` handed to a worker (bot/services/handoff.py), for every way of adding: the command's url, file or
text, the Add article form, a .zip of articles. The deferred reply says "queued (job N)" and is edited with the
worker's outcome when the job ends, as the bot would have answered had it ingested the source itself; when the
bot closes first (a restart), with a line saying the job goes on in the worker."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

import discord

from bot.services import handoff
from bot.services.handoff import archive_outcome, hand_over, outcome
from bot.services.sources import ArchiveFailed
from commands.client import Closed
from commands.embeds import archive_done_text, ingest_embed, ingest_refusal
from commands.i18n import Labels

if TYPE_CHECKING:
    from commands.client import NewsdeskBot


def _who(interaction: discord.Interaction) -> dict[str, Any]:
    return {"added_by": f"discord:{interaction.user.id}", "guild_id": interaction.guild_id}


async def _queued(
    interaction: discord.Interaction, bot: NewsdeskBot, L: Labels, kind: str, payload: dict[str, Any]
) -> int:
    job_id = await hand_over(bot.store, kind, {**payload, **_who(interaction)})
    await interaction.edit_original_response(content=L("ingest.queued", id=job_id))
    return job_id


async def hand_over_source(
    interaction: discord.Interaction, bot: NewsdeskBot, L: Labels, kind: str, payload: dict[str, Any]
) -> None:
    """One source as a worker's job (`add_text`, `add_upload`, `ingest_url`); a refusal comes back raised."""
    job_id = await _queued(interaction, bot, L, kind, payload)
    result = await bot.unless_closing(outcome(bot.store, job_id, poll=handoff.POLL_SECONDS))  # read now: tests set it
    if isinstance(result, Closed):
        await interaction.edit_original_response(content=L("ingest.queued_closing", id=job_id))
    elif result is None:
        await interaction.edit_original_response(content=L("ingest.queued_late", id=job_id))
    elif result.status == "added":
        await interaction.edit_original_response(content=None, embed=ingest_embed(result, L))
    else:
        await interaction.edit_original_response(content=ingest_refusal(result, L))


async def upload_payload(file: discord.Attachment) -> dict[str, Any]:
    data = base64.b64encode(await file.read()).decode()
    return {"data": data, "filename": file.filename, "content_type": file.content_type}


async def hand_over_archive(
    interaction: discord.Interaction, bot: NewsdeskBot, L: Labels, file: discord.Attachment, name: str
) -> None:
    """A .zip of articles as a worker's job: the reply edited with its final counts (no progress meanwhile)."""
    job_id = await _queued(interaction, bot, L, "add_archive", await upload_payload(file))
    try:
        final = await bot.unless_closing(archive_outcome(bot.store, job_id, poll=handoff.POLL_SECONDS))
    except ArchiveFailed as e:
        await interaction.edit_original_response(content=L(e.key, name=name))
        return
    if isinstance(final, Closed):
        await interaction.edit_original_response(content=L("ingest.archive_queued_closing", id=job_id))
    elif final is None:
        await interaction.edit_original_response(content=L("ingest.archive_queued_late", id=job_id))
    else:
        await interaction.edit_original_response(content=archive_done_text(final, name, L))
