"""Japanese and English: command localizations (a Translator) and the labels replies are built from.

The strings are data in commands/locale/{en,ja}.json. Replies use Japanese labels when the
interaction's locale is Japanese and English otherwise; article text is never translated.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot.topics import TOPIC_LABELS
from bot.user_errors import UserError
from bot.words import LANGS, LOCALE_DIR, Words, load
from commands.render import echo

__all__ = ["LANGS", "LOCALE_DIR", "JapaneseTranslator", "Labels", "lang_of", "load", "topic_choice_name"]


def lang_of(locale: discord.Locale | str | None) -> str:
    value = locale.value if isinstance(locale, discord.Locale) else str(locale or "")
    return "ja" if value.lower().startswith("ja") else "en"


class Labels(Words):
    """Reply labels in one language (bot.words.Words), with what only Discord replies need."""

    def error(self, error: UserError) -> str:
        """A service's error in this language, what the user typed in it shown as text (no links, no markdown)."""
        return error.render(self.lang, shown=echo)

    @classmethod
    def of(cls, interaction: discord.Interaction) -> Labels:
        store = getattr(interaction.client, "_store", None)  # the bot's store once it is open
        return cls(lang_of(interaction.locale)).with_names(getattr(store, "actors", None))

    @classmethod
    def for_guild(cls, guild: discord.Guild | None) -> Labels:
        return cls(lang_of(guild.preferred_locale if guild else None))


def topic_choice_name(topic: str, lang: str = "en") -> str:
    """A topic as both languages show it in the option picker, e.g. "Ceasefire / 停戦"."""
    ja, en = TOPIC_LABELS.get(topic, (topic, topic))
    return f"{ja} / {en}" if lang == "ja" else f"{en} / {ja}"


def command_node(path: list[str]) -> dict[str, Any] | None:
    """The ja.json entry of a command or group by its qualified name, e.g. ["source", "add"]."""
    node: dict[str, Any] | None = {"commands": load("ja")["commands"]}
    for part in path:
        node = (node or {}).get("commands", {}).get(part)
        if node is None:
            return None
    return node


class JapaneseTranslator(app_commands.Translator):
    """Localizes command, group and option names and descriptions, and topic choices, to Japanese."""

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        if locale is not discord.Locale.japanese:
            return None
        where, data = context.location, context.data
        if where is Where.choice_name:
            value = getattr(data, "value", None)
            if value in TOPIC_LABELS:
                return topic_choice_name(value, "ja")
            return load("ja")["labels"].get(f"language.{value}")  # /digest setup language: 日本語, 英語
        if where in (Where.command_name, Where.command_description, Where.group_name, Where.group_description):
            node = command_node(data.qualified_name.split())
        elif where in (Where.parameter_name, Where.parameter_description):
            command = command_node(data.command.qualified_name.split())
            node = (command or {}).get("options", {}).get(data.display_name)
        else:
            return None
        if node is None:
            return None
        key = "name" if where in (Where.command_name, Where.group_name, Where.parameter_name) else "description"
        return node.get(key)
