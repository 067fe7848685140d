"""A Japanese proper name typed in kanji that the English reports write in Latin letters (伊藤忠: Itochu, 東芝:
Toshiba, 丸紅: Marubeni): a company's or a place's name the tokenizer reads as one proper noun, said by its reading
in Hepburn as English news spells it (no long vowels: いとうちゅう is Itochu), found as a capitalised word of the
texts whose name key is the reading's (`romaji.name_key`). A person's name is not read here (a surname typed in
kanji is `typed_person`'s; its readings are many)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from bot.extract.romaji import name_key, romanize
from bot.text import morphemes

__all__ = ["latin_spelling", "latin_written"]

# a long vowel as English news leaves it out of a Japanese name (Itochu, Toshiba, Osaka; not Itouchuu, Oosaka)
_LONG_VOWEL_RE = re.compile(r"(?<=o)[ou]|(?<=u)u|(?<=a)a")
_CAPITALISED_RE = re.compile(r"(?<![\w-])[A-Z][a-z]+(?!\w)")  # Itochu, Itochu-backed
_KANJI_NAME_RE = re.compile(r"[一-龥々]{2,6}")


@lru_cache(maxsize=1024)
def latin_spelling(typed: str) -> str:
    """The name as English news spells it (伊藤忠: itochu), lower-cased; '' when the typed text is not one proper
    noun of kanji (a company or place; not a person, whose 人名 reading is the tokenizer's guess, nor a country,
    which has an English name) or its reading is too short to tell names apart."""
    text = unicodedata.normalize("NFKC", typed).strip()
    if not _KANJI_NAME_RE.fullmatch(text):
        return ""
    words = morphemes(text)
    pos = words[0].pos if len(words) == 1 else ()
    if pos[:2] != ("名詞", "固有名詞") or pos[2] == "人名" or pos[3] == "国":  # a country: its English name
        return ""
    spelled = _LONG_VOWEL_RE.sub("", romanize(words[0].reading))
    return spelled if len(spelled) >= 4 and name_key(spelled) else ""


def latin_written(typed: str, texts: Iterable[str]) -> list[str]:
    """The capitalised words of the texts that write the typed kanji name in Latin letters (Itochu for 伊藤忠), most
    often written first; [] when the name is not one `latin_spelling` reads."""
    spelled = latin_spelling(typed)
    if not spelled:
        return []
    key = name_key(spelled)
    counts: dict[str, int] = {}
    for text in texts:
        for m in _CAPITALISED_RE.finditer(text):
            if name_key(m.group(0)) == key:
                counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return sorted(counts, key=lambda w: -counts[w])
