"""The other names of a body an actor query names: its full name, short name and abbreviation, in Japanese and
English (`bot/data/body_names.json`), so a body the registry lacks is found whichever of them a user types."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from bot.topics import read_data

__all__ = ["other_names"]


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for group in read_data("body_names.json")["groups"]:
        for name in group:
            found[_key(name)] = tuple(group)
    return found


def other_names(name: str) -> list[str]:
    """The body's other names (without `name` itself); none for a name the data does not list."""
    group = _groups().get(_key(name), ())
    return [n for n in group if _key(n) != _key(name)]
