"""The words of every answer, in the reader's language, without Discord: the `labels` of
commands/locale/{en,ja}.json, formatted with their counts. The Discord cogs (`commands.i18n.Labels`) and the
plain text of the CLI and console (`bot.terminal.render_text`) read the same keys."""

from __future__ import annotations

import string
from typing import Any, Self

from bot.actors import ActorIndex
from bot.topics import TOPIC_LABELS
from bot.user_errors import LANGS, LOCALE_DIR, load, stored_in

__all__ = ["LANGS", "LOCALE_DIR", "Words", "load"]



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


class Words:
    """Labels in one language: `W("key", name=...)`, plus topic, position and actor names."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang if lang in LANGS else "en"
        self._labels: dict[str, str] = load(self.lang)["labels"]
        self._units_one: dict[str, str] = load(self.lang).get("units_one", {})
        self._names: dict[str, str] = {}
        self._fallback: dict[str, str] = load("en")["labels"]

    def __call__(self, key: str, /, **values: Any) -> str:
        text = self._labels.get(key) or self._fallback[key]
        return _PLURALS.format(text, **values) if values else text

    def with_names(self, index: ActorIndex | None) -> Self:
        """Actor names follow the reader: the registry's (or the text's) English name for English readers."""
        if index is not None and self.lang == "en":
            self._names = _english_names(index)
        return self

    def name(self, name: str | None) -> str:
        """An actor's name as this reader reads it (the stored name when it has no English one)."""
        return self._names.get(name, name) if name else ""

    def description(self, text: str | None) -> str:
        """An actor's description as this reader reads it: the registry writes "日本語 / English"; the side of
        the reader's language (the whole text when it has no such pair)."""
        ja, sep, en = (text or "").partition(" / ")
        if not sep:
            return text or ""
        return ja.strip() if self.lang == "ja" else en.strip()

    def unit(self, unit: str, count: int) -> str:
        """A counted unit: one 'event', two 'events' (English; Japanese counters do not change)."""
        return self._units_one.get(unit, unit) if count == 1 else unit

    def topic(self, topic: str) -> str:
        ja, en = TOPIC_LABELS.get(topic, (topic, topic))
        return ja if self.lang == "ja" else en

    def feed_health(self, *, paused: bool, failures: int, error: str | None, polled: bool, limit: int = 300) -> str:
        """A feed's health in this language: ok, not polled yet, failing or paused with its last failure (a
        failure stored as an English message said in this language, `bot.user_errors.stored_in`)."""
        said = stored_in(error or "?", self.lang).replace("\n", " ")
        said = said if len(said) <= limit else said[: limit - 1] + "…"
        if paused:
            return self("feed.health.paused", n=failures, error=said)
        if failures:
            return self("feed.health.failing", n=failures, error=said)
        return self("feed.health.ok") if polled else self("feed.health.new")

    def position(self, position: str) -> str:
        return self(f"position.{position}") if f"position.{position}" in self._fallback else position
