"""A Japanese person's name as it is typed in Latin letters: Hayashi, Yoshimasa Hayashi, Ohno, Ōno, Kono Taro.

English reports and users write a Japanese name in Hepburn romaji, given name first or last, long vowels written
as oo, ou, oh, ō or not at all; Japanese reports write it in kanji only (林芳正, 大野, 河野太郎). Each word of a
person's name the tokenizer reads as a name is said by **every** reading the dictionary gives it as a name (塩谷:
シオタニ, シオノヤ; 文雄: フミオ, ブンユウ; 河野: カワノ, コウノ): the tokenizer's one reading in context is often not
the person's. Each reading is romanized and folded to one key (`romaji.name_key`), so all the spellings of a long
vowel meet. A typed name answers for a person when each of its words is a different word of the person's name
(a surname alone, or a full name in either order). The table of an actor index is built once per index (an index
`extended` for one document reads its base's table and adds its own few people)."""

from __future__ import annotations

import unicodedata
import weakref

from bot.actors import ActorEntry, ActorIndex
from bot.extract.romaji import name_key, romanize
from bot.text import person_name_readings, person_name_words

__all__ = ["latin_people", "name_word_keys", "typed_name_keys"]


def name_word_keys(name: str) -> list[frozenset[str]]:
    """The Latin keys of each word of a name written in Japanese script that the tokenizer reads as a person's (林芳正
    → [{hayashi, rin}, {yoshimasa}]); [] for a name in Latin letters or with no such word."""
    text = unicodedata.normalize("NFKC", name)
    if text.isascii():
        return []
    out = []
    for surface, reading in person_name_words(text):
        keys = {name_key(romanize(r)) for r in (*([reading] if reading else []), *person_name_readings(surface))}
        keys.discard("")
        if keys:
            out.append(frozenset(keys))
    return out


def typed_name_keys(text: str) -> list[str]:
    """The keys of the words of a name typed in Latin letters (Yoshimasa Hayashi → [yoshimasa, hayashi]); [] for
    anything else, or when a word is too short to tell names apart."""
    words = unicodedata.normalize("NFKC", text).replace(".", " ").replace(",", " ").split()
    if not words or len(words) > 3 or not all(_latin_word(w) for w in words):
        return []
    keys = [name_key(w) for w in words]
    return keys if all(keys) else []


def _latin_word(word: str) -> bool:
    return all((c.isascii() and c.isalpha()) or c in "-'’" or unicodedata.combining(c) or _marked(c) for c in word)


def _marked(c: str) -> bool:
    """A Latin letter with an accent (ō, û, â)."""
    base = unicodedata.normalize("NFKD", c)[:1]
    return base.isascii() and base.isalpha()


def _covers(keys: list[str], words: list[frozenset[str]]) -> bool:
    """Each typed key is a different word of the name (Hayashi of 林芳正; Yoshimasa Hayashi and Hayashi Yoshimasa)."""
    if len(keys) > len(words):
        return False
    used: set[int] = set()
    for key in keys:
        k = next((i for i, w in enumerate(words) if i not in used and key in w), None)
        if k is None:
            return False
        used.add(k)
    return True


# index → key → the ids of the people one of whose Japanese names has a word of that key
_TABLES: weakref.WeakKeyDictionary[ActorIndex, dict[str, set[int]]] = weakref.WeakKeyDictionary()


def _table(actors: ActorIndex) -> dict[str, set[int]]:
    table = _TABLES.get(actors)
    if table is None:
        base = actors.base
        table = {k: set(v) for k, v in _table(base).items()} if base is not None else {}
        for actor_id, entry in actors.actors.items():
            if entry.kind != "person" or (base is not None and actor_id in base.actors):
                continue
            for n in (entry.name, *(entry.aliases or [])):
                for word in name_word_keys(n):
                    for key in word:
                        table.setdefault(key, set()).add(actor_id)
        _TABLES[actors] = table
    return table


def latin_people(actors: ActorIndex, text: str) -> list[ActorEntry]:
    """The people of the index whose Japanese name is this name typed in Latin letters (Hayashi → 林芳正; Ohno, Ono,
    Ōno → 大野; Taro Kono → 河野太郎), fewest ids first; [] when the text is no Latin name."""
    keys = typed_name_keys(text)
    if not keys:
        return []
    table = _table(actors)
    ids = set.intersection(*(table.get(k, set()) for k in keys))
    out = []
    for actor_id in sorted(ids):
        entry = actors.actors[actor_id]
        names = (entry.name, *(entry.aliases or []))
        if any(_covers(keys, words) for n in names if (words := name_word_keys(n))):
            out.append(entry)
    return out
