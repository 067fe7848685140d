"""Countries as a quote typed in the other language names them: "Chinese" or "China" for 中国, 「インド」 for "Indian".

JMdict glosses a country's name poorly for this (日本 has no gloss "Japan" read backwards, "Indian" glosses インディアン,
"Chinese" 中国語), and a news quote names a country by its people's adjective as often as by its name ("a Chinese
diplomatic mission" / 中国の在外公館). `bot/data/countries.json` lists the countries and regions news names, each
with its English name, its adjectives and its Japanese names; a concept of one (`quote_lang`) is found in a passage
by any of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.extract.romaji import name_key


@dataclass(frozen=True, slots=True)
class Country:
    en: str  # its English name (China)
    adjectives: tuple[str, ...]  # its people's adjective and plural (Chinese)
    ja: tuple[str, ...]  # its Japanese names (中国)

    @property
    def key(self) -> str:
        """The one mark an English text's word for this country gives (`english_mark`): '#' and its name key."""
        return "#" + name_key(self.en)

    @property
    def english(self) -> tuple[str, ...]:
        return (self.en, *self.adjectives)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, Country]]:
    data = json.loads(resources.files("bot.data").joinpath("countries.json").read_text(encoding="utf-8"))
    english: dict[str, Country] = {}
    japanese: dict[str, Country] = {}
    for row in data["countries"]:
        country = Country(row["en"], tuple(row["adjectives"]), tuple(row["ja"]))
        for word in country.english:
            english.setdefault(_english_key(word), country)
        for word in country.ja:
            japanese.setdefault(word, country)
    return english, japanese


def _english_key(word: str) -> str:
    return word.replace("’", "'").removesuffix("'s").lower()


def all_countries() -> tuple[Country, ...]:
    """Every country of the table, once each, in the file's order."""
    return tuple(dict.fromkeys(_tables()[0].values()))


def by_english(word: str) -> Country | None:
    """The country an English word names, written capitalised (Chinese, China, US); None for any other word."""
    if not word[:1].isupper():
        return None
    return _tables()[0].get(_english_key(word))


def by_japanese(word: str) -> Country | None:
    """The country a Japanese word names (中国, インド), else None."""
    return _tables()[1].get(word)


def english_mark(word: str) -> str:
    """The mark of an English text's word that names a country (`Country.key`), else ''."""
    country = by_english(word)
    return country.key if country is not None else ""
