"""Shared option helpers: topic choices and the actor, source and time-zone autocompletes."""

from __future__ import annotations

import zoneinfo
from functools import cache
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.models import TOPICS
from bot.services.sources import get_source, search_sources
from bot.services.stance import suggest_actors
from commands.checks import admin_autocomplete, guild_scope, typed_text
from commands.i18n import topic_choice_name
from commands.render import truncate

if TYPE_CHECKING:
    from commands.client import NewsdeskBot

CHOICE_LIMIT = 25
CHOICE_TEXT = 100  # Discord's limit on a choice's name and string value

TOPIC_CHOICES = [app_commands.Choice(name=topic_choice_name(t), value=t) for t in TOPICS]  # /timeline's topic

COMMON_TIMEZONES = (
    "Asia/Tokyo",
    "UTC",
    "Europe/Kyiv",
    "Europe/Moscow",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Seoul",
    "Asia/Shanghai",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Australia/Sydney",
)


def _store(interaction: discord.Interaction):
    bot: NewsdeskBot = interaction.client  # type: ignore[assignment]
    return bot.store


async def actor_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Actors by name, alias, spelling variant or typo (in memory: answers well inside 3 s)."""
    actors = await suggest_actors(
        _store(interaction), typed_text(current), limit=CHOICE_LIMIT, guild_id=guild_scope(interaction)
    )
    choices = []
    for a in actors[:CHOICE_LIMIT]:
        label = a.name + (f" ({a.name_en})" if a.name_en and a.name_en != a.name else "")
        if len(a.name) <= CHOICE_TEXT:
            choices.append(app_commands.Choice(name=truncate(label, CHOICE_TEXT), value=a.name))
    return choices


async def source_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """Documents by title, name or outlet; a typed number offers that document first."""
    store = _store(interaction)
    guild_id = guild_scope(interaction)
    text = typed_text(current).strip().lstrip("#").strip()
    docs = []
    if text.isascii() and text.isdigit() and len(text) <= 18:  # a document number (SQLite integers are 64-bit)
        doc = await get_source(store, int(text), guild_id)
        docs = [doc] if doc else []
    found = await search_sources(store, text, limit=CHOICE_LIMIT, guild_id=guild_id)
    docs += [d for d in found if all(d.id != x.id for x in docs)]
    return [
        app_commands.Choice(name=truncate(f"#{d.id} {d.title}".replace("\n", " "), CHOICE_TEXT), value=d.id)
        for d in docs[:CHOICE_LIMIT]
    ]


admin_source_autocomplete = admin_autocomplete(source_autocomplete)  # /source remove: admins only


@cache
def all_timezones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


async def timezone_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    text = typed_text(current).strip().lower()
    if not text:
        names = list(COMMON_TIMEZONES)
    else:
        names = [n for n in COMMON_TIMEZONES if text in n.lower()]
        names += [n for n in all_timezones() if text in n.lower() and n not in COMMON_TIMEZONES]
    return [app_commands.Choice(name=n, value=n) for n in names[:CHOICE_LIMIT]]


async def topic_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Topics (seed, added by admins, found in the corpus) matching what was typed; more than 25 fixed choices."""
    from bot.services.topics import suggest_topics

    lang = "ja" if str(interaction.locale).lower().startswith("ja") else "en"
    choices = []
    topics = await suggest_topics(_store(interaction), current, limit=CHOICE_LIMIT, guild_id=guild_scope(interaction))
    for t in topics:
        name = topic_choice_name(t.id, lang) if t.origin == "seed" and t.id in TOPICS else t.label
        if len(t.id) <= CHOICE_TEXT:
            choices.append(app_commands.Choice(name=truncate(name, CHOICE_TEXT), value=t.id))
    return choices
