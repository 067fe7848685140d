"""The other names of a body an actor query names: its full name, short name and abbreviation, in Japanese and
English (`bot/data/body_names.json`), so a body the registry lacks is found whichever of them a user types."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.topics import read_data

__all__ = ["english_names_named", "other_names"]


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


def _proper_latin(name: str) -> bool:
    """A name in Latin letters that names one body wherever it stands: capitalised or an acronym (`Ministry of
    Finance`, `MLIT`, `Japan's transport ministry`), not a generic lower-case one (`transport ministry`)."""
    return name.isascii() and not name.islower()


@lru_cache(maxsize=1)
def _latin_names_rx() -> re.Pattern[str] | None:
    names = sorted({n for group in _groups().values() for n in group if _proper_latin(n)}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, names)) + r")(?![\w'])") if names else None


def english_names_named(text: str) -> list[list[str]]:
    """For each body an English text names by a name the data lists, that group's proper Latin names, the one
    named first: an English report's `Ministry of Land, Infrastructure, Transport and Tourism` and `Japan's
    transport ministry` are one body, which 国土交通省 is too (`other_names`)."""
    rx = _latin_names_rx()
    out: dict[tuple[str, ...], list[str]] = {}
    for m in rx.finditer(text) if rx is not None else ():
        group = _groups().get(_key(m.group(0)), ())
        if group not in out:
            out[group] = [m.group(0), *(n for n in group if _proper_latin(n) and n != m.group(0))]
    return list(out.values())
