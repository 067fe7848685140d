"""JMdict read for an English `/stance --about` target beyond the common nouns (`bot/data/glosses.json.gz`, made by
tools/make_glosses.py): its news verbs, adjectives and adverbs (`words`: 取り下げる for "withdraw", 引き上げる for
"raise"), and the Japanese compounds an English gloss phrase names (`phrases`: 解散総選挙 for "snap election").
The timeline reads the nouns alone (`event_words.gloss_forms`)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from itertools import product
from pathlib import Path

from bot.extract.event_words import gloss_file
from bot.kept_tables import kept

__all__ = ["japanese_words", "matching_stem", "noun_glosses", "phrase_compounds", "plain_glosses", "word_glosses"]


@lru_cache(maxsize=1)
def noun_glosses() -> dict[str, list[str]]:
    """The common nouns → English words as `/stance --about` reads them: with the news nouns and adjectives the
    timeline's stop list drops (`news_glosses`: 大統領 → president, 政府 → government, 今月 → month), which a target
    names; the timeline reads `glosses` alone (`event_words.event_glosses`). Built once a process."""
    data = gloss_file()
    return {**data["glosses"], **data["news_glosses"]}


@lru_cache(maxsize=1)
def plain_glosses() -> dict[str, list[str]]:
    """JMdict's nouns with no priority mark, written as one compound (教皇 → pope, 万博 → world, fair, 輸出規制 →
    export, control: `bot/data/plain_glosses.json.gz`, tools/make_glosses.py): read by `/stance --about` and by
    /quote's other-language path (`quote_lang`, where the marked words give an English word fewer than three) after
    the marked ones (`noun_glosses`), which name a word first where both gloss it. Read once a process."""
    data = gzip.decompress(resources.files("bot.data").joinpath("plain_glosses.json.gz").read_bytes())
    return json.loads(data)["plain_glosses"]


def word_glosses() -> dict[str, list[str]]:
    """Verbs, adjectives and adverbs (dictionary forms, as the full-text index holds them) → English words."""
    return gloss_file()["words"]


@lru_cache(maxsize=1)
def japanese_words() -> dict[str, list[str]]:
    """Every Japanese word of the file → its English words: the nouns', the verbs' and adjectives', and a compound
    only a phrase glosses (解散総選挙 → snap, election): how many words of a target one names. Once a process, read
    from the file `bot/kept_tables.py` keeps it in (~0.05 s of CPU; built and kept where there is none: ~0.25 s)."""
    return kept("japanese_words", _JAPANESE_WORDS_SOURCES, _built_japanese_words)


# what `japanese_words` is made from: the glosses and the code that reads them
_JAPANESE_WORDS_SOURCES = (
    Path(__file__).parents[1] / "data" / "glosses.json.gz",
    Path(__file__),
    Path(__file__).parent / "event_words.py",
)


def _built_japanese_words() -> dict[str, list[str]]:
    phrased: dict[str, list[str]] = {}
    for phrase, compounds in gloss_file()["phrases"].items():
        for ja in compounds:
            phrased.setdefault(ja, []).extend(phrase.split())
    # the nouns' and verbs' own glosses where they have them (a phrase's words are among them)
    return {**{ja: list(dict.fromkeys(words)) for ja, words in phrased.items()}, **noun_glosses(), **word_glosses()}


# the ending a verb or an い-adjective inflects (取り下げる: 取り下げた, 取り下げ; 厳しい: 厳しく, 厳しさ)
_INFLECTING_RX = re.compile(r"(?:る|う|く|ぐ|す|つ|ぬ|ぶ|む|い)$")
_KANJI_RX = re.compile(r"[一-龥々]")


def matching_stem(ja: str) -> str | None:
    """The part of a verb or adjective of `words` that every form of it writes, to find it in a statement's text
    (the index holds the dictionary form, the text an inflected one): None for a noun, or a stem of one letter
    or without kanji (found inside other words)."""
    if ja not in word_glosses():
        return None
    stem = _INFLECTING_RX.sub("", ja)
    return stem if stem != ja and len(stem) >= 2 and _KANJI_RX.search(stem) else None


def phrase_compounds(keys: Sequence[set[str]]) -> dict[int, list[str]]:
    """The Japanese compounds a phrase of the target names (`phrases`): `keys` are the target's English words in
    order, each as the forms glosses.json.gz folds (a word and its synonyms: hike → increase); two or three in a
    row that make a gloss phrase give its compounds, to each of those words (by position), longest phrase first."""
    table = gloss_file()["phrases"]
    out: dict[int, list[str]] = {}
    for size in (3, 2):
        for start in range(len(keys) - size + 1):
            window = keys[start : start + size]
            for words in product(*(sorted(k) for k in window)):
                for ja in table.get(" ".join(words), ()):
                    for k in range(start, start + size):
                        if ja not in out.setdefault(k, []):
                            out[k].append(ja)
    return out


@lru_cache(maxsize=1)
def english_words() -> dict[str, dict[str, list[str]]]:
    """WordNet's English words said otherwise (`bot/data/english_words.json`, made by tools/make_english_words.py):
    `synonyms` (beef up → strengthen), `derived` (a verb's nouns: settle → settlement), `inflected`, `pertains`. Read
    once a process, here so that /stance's English subject rules read the same table as about.py."""
    return json.loads(resources.files("bot.data").joinpath("english_words.json").read_text(encoding="utf-8"))
