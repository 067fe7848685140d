"""Words said another way: SudachiDict's synonym groups and chiVe's word-vector neighbours, as stored in
`bot/data/synonyms.json` and `bot/data/neighbours.json` (made by tools/make_synonyms.py and
tools/make_neighbours.py), read once per process."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.kept_tables import kept
from bot.text import normalize


@lru_cache(maxsize=1)
def synonym_groups() -> dict[str, list[str]]:
    """Group id → its words."""
    data = json.loads(resources.files("bot.data").joinpath("synonyms.json").read_text(encoding="utf-8"))
    return data["groups"]


@lru_cache(maxsize=1)
def _groups_of() -> dict[str, tuple[str, ...]]:
    """A word's matching form → the ids of the groups holding it. Once a process, read from the file
    `bot/kept_tables.py` keeps it in (~0.05 s of CPU; built, every word normalized, ~0.25 s, and kept where there
    is none)."""
    return kept("synonym_groups_of", _GROUPS_OF_SOURCES, _built_groups_of)


# what `_groups_of` is made from: the groups' file, the code that reads it and the matching form (bot/text.py)
_GROUPS_OF_SOURCES = (
    Path(__file__).parents[1] / "data" / "synonyms.json",
    Path(__file__),
    Path(__file__).parents[1] / "text.py",
)


def _built_groups_of() -> dict[str, tuple[str, ...]]:
    out: defaultdict[str, list[str]] = defaultdict(list)
    for gid, words in synonym_groups().items():
        for w in words:
            out[normalize(w)].append(gid)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def neighbours() -> dict[str, list[list]]:
    """A frequent word's form → [[form, cosine × 100]], nearest first."""
    data = json.loads(resources.files("bot.data").joinpath("neighbours.json").read_text(encoding="utf-8"))
    return data["neighbours"]


@lru_cache(maxsize=8192)
def synonyms_of(form: str) -> frozenset[str]:
    """The other words of the synonym groups holding `form` (辞任 → 退任, 辞職…), in matching form."""
    groups = synonym_groups()
    out = {normalize(w) for gid in _groups_of().get(form, ()) for w in groups[gid]}
    out.discard(form)
    return frozenset(out)


def neighbours_of(form: str, least: float) -> frozenset[str]:
    """The words used in the same contexts as `form`, of cosine `least` (0–1) or more."""
    floor = 100 * least
    return frozenset(n for n, sim in neighbours().get(form, []) if sim >= floor)


@lru_cache(maxsize=1)
def _antonym_table() -> dict[str, dict[str, list[str]]]:
    """`bot/data/antonyms.json` (made by tools/make_antonyms.py): JMdict's and WordNet's antonyms, both ways."""
    data = json.loads(resources.files("bot.data").joinpath("antonyms.json").read_text(encoding="utf-8"))
    return {"japanese": data["japanese"], "english": data["english"]}


@lru_cache(maxsize=8192)
def antonyms_of(form: str) -> frozenset[str]:
    """The words that say the opposite of `form` (利上げ → 利下げ, 増加 → 減少; raise → lower, accept → reject), a
    Japanese word's in matching form, an English word's in lower case."""
    if form.isascii():
        return frozenset(_antonym_table()["english"].get(form.lower(), []))
    return frozenset(normalize(w) for w in _antonym_table()["japanese"].get(form, []))
