"""A person typed by a full name where the reports call them by one part of it.

Reports name a relative or a second figure of a story by the given name alone once the family name is said
(「ボルソナロ氏の三男…エドゥアルド氏は」, "His son Eduardo said"; 「渡辺美希子さんの母達子さんは」), so the store
holds that person under the one word; a user types the whole name (エドゥアルド・ボルソナロ, Eduardo Bolsonaro,
渡辺達子). The person is the one actor named by exactly one part of what was typed, in either script, whose
documents also write the rest of it (the family name, or the name of the relative it belongs to): not a person
whose own full name holds that part (Jair Bolsonaro is not "Eduardo Bolsonaro"), and not a guess among several.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata

from bot.actors import ActorEntry, ActorIndex
from bot.extract.romaji import sounds_like
from bot.services.resolve import across_scripts
from bot.store import Store
from bot.store.about import candidate_documents
from bot.store.search import fts_string
from bot.store.tenancy import actor_seen_by
from bot.text import index_tokens

_LATIN_NAME_RE = re.compile(r"[A-Z][a-zà-öø-ÿ'’-]+(?: [A-Z][a-zà-öø-ÿ'’-]+){1,2}")
_KATAKANA_NAME_RE = re.compile(r"[ァ-ヺー]{2,}(?:[・=＝][ァ-ヺー]{2,}){1,2}")
_KANJI_NAME_RE = re.compile(r"[一-龥々]{3,5}")
_KATAKANA_WORD_RE = re.compile(r"[ァ-ヺー]{2,}")


def name_splits(typed: str) -> list[tuple[str, list[str]]]:
    """Each given name of a full name typed with the rest of it: (given name, rest). Latin and katakana names split
    at their spaces or dots, the given names before the last word (Eduardo Bolsonaro, エドゥアルド・ボルソナロ:
    Eduardo, エドゥアルド); a kanji name of three to five characters after a family name of one to three (渡辺達子:
    達子 after 渡辺, 辺達子 after 渡 …). The family name alone is no part asked for: the person a report calls by it
    is the family's usual bearer (ボルソナロ is Jair Bolsonaro). [] for anything else."""
    plain = " ".join(unicodedata.normalize("NFKC", typed).split())
    if _LATIN_NAME_RE.fullmatch(plain) or _KATAKANA_NAME_RE.fullmatch(plain):
        words = re.split(r"[ ・=＝]", plain)
        return [(w, words[:i] + words[i + 1 :]) for i, w in enumerate(words[:-1])]
    if _KANJI_NAME_RE.fullmatch(plain):
        return [(plain[k:], [plain[:k]]) for k in range(1, min(4, len(plain) - 1))]
    return []


def part_named(actors: ActorIndex, part: str) -> list[ActorEntry]:
    """The people the index holds under this one word alone: as written, or, a Latin word, a katakana one-word
    name that sounds as it (Eduardo: エドゥアルド)."""
    found = actors.resolve(part)
    if found is not None:
        return [found] if found.kind == "person" and _one_word(found, part) else []
    if not part.isascii():
        return []
    return [
        a
        for a in actors.actors.values()
        if a.kind == "person" and _KATAKANA_WORD_RE.fullmatch(a.name) and sounds_like(part, a.name)
    ]


def _one_word(entry: ActorEntry, part: str) -> bool:
    """Whether the actor is known by this word as its whole name (エドゥアルド), not by a full name holding it."""
    key = unicodedata.normalize("NFKC", part).casefold()
    return unicodedata.normalize("NFKC", entry.name).casefold() == key


def rest_query(actors: ActorIndex, rest: list[str]) -> str:
    """The FTS5 query for the rest of the name: each word as typed, and every name of the actor it is (Bolsonaro:
    ボルソナロ too, as Jair Bolsonaro's names go in either script), all of them needed."""
    needed = []
    for word in rest:
        forms = [word]
        if (known := actors.resolve(word)) is not None:  # and the same person held in the other script
            for one in (known, *across_scripts(actors, known)):
                forms += [one.name, *(one.aliases or []), *([one.name_en] if one.name_en else [])]
        phrases = [p for p in dict.fromkeys(index_tokens(f) for f in forms) if p]
        if not phrases:
            return ""
        needed.append("(" + " OR ".join(fts_string(p) for p in phrases) + ")")
    return " AND ".join(needed)


async def known_by_part(store: Store, typed: str, guild_id: int | None = None) -> ActorEntry | None:
    """The one person named by a single part of the full name typed whose documents write the rest of it (see the
    module's docstring); None when none or several are."""
    splits = await asyncio.to_thread(name_splits, typed)
    found: dict[int, ActorEntry] = {}
    for part, rest in splits:
        for person in await asyncio.to_thread(part_named, store.actors, part):
            if person.id in found or (guild_id is not None and not await actor_seen_by(store, person.id, guild_id)):
                continue
            query = await asyncio.to_thread(rest_query, store.actors, rest)
            if query and await candidate_documents(store, person.id, query, 1, guild_id=guild_id):
                found[person.id] = person
    return next(iter(found.values())) if len(found) == 1 else None
