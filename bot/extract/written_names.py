"""A body's or a person's name typed otherwise than the reports write it, read back from the reports' own text.

- A short name the reports give in brackets after the full one (日本貿易振興機構(ジェトロ), "the Ministry of
  External Affairs (MEA)"): `spelled_out` reads the full name before it, so a user who types the short one (ジェトロ,
  MEA) is answered for the body the reports name.
- A name the reports write with one word more inside it (第三者委員会 typed, 第三者調査委員会 written; ギュンゲン駐日
  大使 typed, ギュンゲン駐日トルコ大使 written: a country, a field, a qualifier a user leaves out): `with_word_inside`
  reads it, its head and its start as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

# the name before a short one in brackets: a run of kanji and katakana (a dot joining a name's words), or of
# capitalised words with the links an English body's name holds between them
_JA_BEFORE = r"([一-龥々ァ-ヺー・]{2,30})"
_EN_BEFORE = r"((?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|on|the|de)\s+)*)*[A-Z][\w&'’.-]*)"
_SHORT_RE = re.compile(r"[A-Za-z]{2,10}|[ァ-ヺー]{2,8}|[一-龥々ァ-ヺー]{2,8}")
_INSIDE = r"([一-龥々ァ-ヺー]{1,4})"  # the word more inside a name: never a particle, never a bracket
_TYPED_JA_RE = re.compile(r"[一-龥々ァ-ヺー・]{4,24}")


def spelled_out(short: str, texts: Iterable[str]) -> list[str]:
    """The full names the texts write before `short` in brackets, most often written first; [] for a short name of
    a shape no report abbreviates so (a sentence, a name of one letter)."""
    plain = unicodedata.normalize("NFKC", short).strip()
    if not _SHORT_RE.fullmatch(plain):
        return []
    before = _EN_BEFORE if plain.isascii() else _JA_BEFORE
    rx = re.compile(before + r"\s*[(（]" + re.escape(plain) + r"[)）]")
    counts = Counter(
        name
        for text in texts
        for m in rx.finditer(unicodedata.normalize("NFKC", text))
        if (name := m.group(1).strip(" ・")) and name != plain and len(name) > len(plain)
    )
    return [n for n, _ in counts.most_common()]


def with_word_inside(typed: str, texts: Iterable[str]) -> list[str]:
    """The names the texts write as the Japanese name typed with one word of one to four characters more inside it,
    two characters or more of the typed name on either side (第三者委員会: 第三者調査委員会), most often written first."""
    plain = unicodedata.normalize("NFKC", typed).strip()
    if not _TYPED_JA_RE.fullmatch(plain):
        return []
    rxs = [re.compile(re.escape(plain[:k]) + _INSIDE + re.escape(plain[k:])) for k in range(2, len(plain) - 1)]
    counts = Counter(
        m.group(0) for text in texts for rx in rxs for m in rx.finditer(unicodedata.normalize("NFKC", text))
    )
    return [n for n, _ in counts.most_common()]
