"""Japanese and English: command localizations (a Translator) and the labels replies are built from.

The strings are data in commands/locale/{en,ja}.json. Replies use Japanese labels when the
interaction's locale is Japanese and English otherwise; article text is never translated.
"""

from __future__ import annotations

import json
import string
from functools import cache
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot.actors import ActorIndex
from bot.topics import TOPIC_LABELS
from bot.user_errors import UserError
from commands.render import echo

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGS = ("en", "ja")


@cache
def load(lang: str) -> dict[str, Any]:
    return json.loads((LOCALE_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def lang_of(locale: discord.Locale | str | None) -> str:
    value = locale.value if isinstance(locale, discord.Locale) else str(locale or "")
    return "ja" if value.lower().startswith("ja") else "en"


_NAMES: dict[int, tuple[ActorIndex, int, dict[str, str]]] = {}


def _english_names(index: ActorIndex) -> dict[str, str]:
    """name → English name of every actor that has one; built once per index (and again when it grows)."""
    cached = _NAMES.get(id(index))
    if cached is None or cached[0] is not index or cached[1] != len(index.actors):
        names = {a.name: a.name_en for a in index.actors.values() if a.name_en}
        _NAMES.clear()  # one store's index at a time: an index that is replaced is let go
        _NAMES[id(index)] = cached = (index, len(index.actors), names)
    return cached[2]


class _Plural(string.Formatter):
    """str.format, plus `{n:s}` after a number: nothing when it is 1, else "s" ("{n} event{n:s}")."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec == "s":  # a count, as a number or already formatted ("1,204")
            return "" if str(value).replace(",", "").strip() == "1" else "s"
        return super().format_field(value, format_spec)


_PLURALS = _Plural()


class Labels:
    """Reply labels in one language: `L("key", name=...)`, plus topic and position names."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang if lang in LANGS else "en"
        self._labels: dict[str, str] = load(self.lang)["labels"]
        self._units_one: dict[str, str] = load(self.lang).get("units_one", {})
        self._names: dict[str, str] = {}
        self._fallback: dict[str, str] = load("en")["labels"]

    def __call__(self, key: str, /, **values: Any) -> str:
        text = self._labels.get(key) or self._fallback[key]
        return _PLURALS.format(text, **values) if values else text

    def with_names(self, index: ActorIndex | None) -> Labels:
        """Actor names follow the reader: the registry's (or the text's) English name for English readers."""
        if index is not None and self.lang == "en":
            self._names = _english_names(index)
        return self

    def name(self, name: str | None) -> str:
        """An actor's name as this reader reads it (the stored name when it has no English one)."""
        return self._names.get(name, name) if name else ""

    def unit(self, unit: str, count: int) -> str:
        """A counted unit: one 'event', two 'events' (English; Japanese counters do not change)."""
        return self._units_one.get(unit, unit) if count == 1 else unit

    def error(self, error: UserError) -> str:
        """A service's error in this language, what the user typed in it shown as text (no links, no markdown)."""
        return error.render(self.lang, shown=echo)

    def topic(self, topic: str) -> str:
        ja, en = TOPIC_LABELS.get(topic, (topic, topic))
        return ja if self.lang == "ja" else en

    def position(self, position: str) -> str:
        return self(f"position.{position}")

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
