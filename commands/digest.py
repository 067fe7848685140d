"""/digest setup|off|now|status: the daily digest of new sources, events and statements (admins)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import discord
from discord import app_commands
from discord.ext import commands

from bot.instants import iso_utc
from bot.services import digest as digests
from bot.services.errors import QueryError
from bot.user_errors import stored_in
from commands.checks import ADMIN_PERMISSIONS, admin_only
from commands.embeds import COLOR, digest_posts, when
from commands.i18n import Labels
from commands.options import timezone_autocomplete
from commands.render import NO_MENTIONS, escape, fit_embed, truncate

if TYPE_CHECKING:
    from commands.client import NewsdeskBot


def next_post(settings: digests.DigestSettings, now: datetime) -> datetime | None:
    """When the scheduler will next post (now, if it is due)."""
    if not settings.enabled:
        return None
    if digests.is_due(settings, now):
        return now
    hh, mm = (int(x) for x in settings.time.split(":"))
    local = now.astimezone(ZoneInfo(settings.timezone))
    at = local.replace(hour=hh, minute=mm, second=0, microsecond=0)
    return at if at > local else at + timedelta(days=1)


class Digest(commands.Cog):
    digest = app_commands.Group(
        name="digest",
        description="The daily digest of new sources, events and statements (Manage Server)",
        guild_only=True,
        default_permissions=ADMIN_PERMISSIONS,
    )

    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @digest.command(name="setup", description="Post the digest every day in a channel at a time of day")
    @app_commands.describe(
        channel="The channel to post in",
        time="Time of day, HH:MM (default 09:00)",
        timezone="IANA time zone, e.g. Asia/Tokyo (the default)",
        language="The digest's language (default: Japanese on a Japanese server, else English)",
    )
    @app_commands.choices(
        language=[app_commands.Choice(name="日本語 / Japanese", value="ja"), app_commands.Choice(name="English", value="en")]
    )
    @app_commands.autocomplete(timezone=timezone_autocomplete)
    @admin_only
    async def setup_digest(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        time: app_commands.Range[str, 1, 10] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        language: app_commands.Choice[str] | None = None,
    ) -> None:
        L = Labels.of(interaction)
        assert interaction.guild is not None  # the group is guild-only
        perms = channel.permissions_for(interaction.guild.me)
        if not (perms.view_channel and perms.send_messages and perms.embed_links):
            raise QueryError("digest.cannot_post", channel=channel.mention)
        settings = await digests.configure(
            self.bot.store,
            interaction.guild.id,
            channel.id,
            at=time,
            timezone=timezone,
            language=language.value if language else None,
        )
        lang = digests.digest_language(settings, str(interaction.guild.preferred_locale))
        upcoming = next_post(settings, self.bot.clock())
        await interaction.response.send_message(
            L(
                "digest.configured",
                channel=channel.mention,
                time=settings.time,
                timezone=settings.timezone,
                language=L(f"language.{lang}"),
                next=discord.utils.format_dt(upcoming, "R") if upcoming else "—",
            ),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @digest.command(name="off", description="Stop posting the daily digest")
    @admin_only
    async def off(self, interaction: discord.Interaction) -> None:
        L = Labels.of(interaction)
        assert interaction.guild_id is not None
        stopped = await digests.disable(self.bot.store, interaction.guild_id)
        await interaction.response.send_message(
            L("digest.off" if stopped else "digest.not_configured"), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @digest.command(name="now", description="Show the digest of everything new since the last one, here and now")
    @admin_only
    async def now(self, interaction: discord.Interaction) -> None:
        L = Labels.of(interaction)
        assert interaction.guild_id is not None
        await interaction.response.defer(thinking=True)
        settings = await digests.get_settings(self.bot.store, interaction.guild_id)
        until = iso_utc(self.bot.clock())
        digest = await digests.build_digest(
            self.bot.store, since=settings.last_posted_at if settings else None, until=until, guild_id=interaction.guild_id
        )
        if settings is not None and settings.language:  # the digest's own language, else the reader's
            L = Labels(settings.language).with_names(self.bot.store.actors)
        zone = settings.timezone if settings else digests.DEFAULT_TZ
        for post in digest_posts(digest, L, zone):
            await interaction.followup.send(
                content=post.content or discord.utils.MISSING,
                embeds=post.embeds or discord.utils.MISSING,
                allowed_mentions=NO_MENTIONS,
            )

    @digest.command(name="status", description="Where and when the digest is posted, and the last failure if any")
    @admin_only
    async def status(self, interaction: discord.Interaction) -> None:
        L = Labels.of(interaction)
        assert interaction.guild_id is not None
        settings = await digests.get_settings(self.bot.store, interaction.guild_id)
        if settings is None:
            await interaction.response.send_message(
                L("digest.not_configured"), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        embed = discord.Embed(title=L("digest.status_title"), colour=COLOR)
        embed.add_field(name=L("digest.channel"), value=f"<#{settings.channel_id}>", inline=True)
        embed.add_field(name=L("digest.time"), value=f"{settings.time} ({settings.timezone})", inline=True)
        embed.add_field(
            name=L("digest.state"), value=L("digest.on" if settings.enabled else "digest.disabled"), inline=True
        )
        lang = digests.digest_language(settings, str(interaction.guild.preferred_locale) if interaction.guild else None)
        embed.add_field(name=L("digest.language"), value=L(f"language.{lang}"), inline=True)
        embed.add_field(name=L("digest.last_posted"), value=when(settings.last_posted_at), inline=True)
        upcoming = next_post(settings, self.bot.clock())
        embed.add_field(
            name=L("digest.next"), value=discord.utils.format_dt(upcoming, "f") if upcoming else "—", inline=True
        )
        if settings.last_error:
            embed.add_field(
                name=L("digest.last_error"),
                value=f"{when(settings.last_error_at)}\n{escape(truncate(stored_in(settings.last_error, L.lang), 900))}",
                inline=False,
            )
        await interaction.response.send_message(embed=fit_embed(embed), ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Digest(bot))
