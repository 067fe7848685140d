"""The other names of a body an actor query names: its full name, short name and abbreviation, in Japanese and
English (`bot/data/body_names.json`), so a body the registry lacks is found whichever of them a user types."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from bot.topics import read_data

__all__ = ["is_country", "other_names"]


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    data = read_data("body_names.json")
    for group in (*data["groups"], *data["countries"]):
        for name in group:
            found[_key(name)] = tuple(group)
    return found


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(_key(n) for group in read_data("body_names.json")["countries"] for n in group)


def is_country(name: str) -> bool:
    """Whether the data lists the name as a country's (韓国, South Korea, Seoul)."""
    return _key(name) in _countries()


def other_names(name: str) -> list[str]:
    """The body's other names (without `name` itself); none for a name the data does not list."""
    group = _groups().get(_key(name), ())
    return [n for n in group if _key(n) != _key(name)]
