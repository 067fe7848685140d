"""A body's or a person's name typed otherwise than the reports write it, read back from the reports' own text.

- A short name the reports give in brackets after the full one (日本貿易振興機構(ジェトロ), "the Ministry of
  External Affairs (MEA)"): `spelled_out` reads the full name before it, so a user who types the short one (ジェトロ,
  MEA) is answered for the body the reports name.
- A name the reports write with one word more inside it (第三者委員会 typed, 第三者調査委員会 written; ギュンゲン駐日
  大使 typed, ギュンゲン駐日トルコ大使 written: a country, a field, a qualifier a user leaves out), or with a possessive
  between a place and its body (イスマイリアの経済裁判所): `with_word_inside` reads it, its head and its start as
  typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

# the name before a short one in brackets: a run of kanji and katakana (a dot joining a name's words), or of
# capitalised words with the links an English body's name holds between them
_JA_BEFORE = r"([一-龥々ァ-ヺー・]{2,30})"
_EN_BEFORE = r"((?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|on|the|de)\s+)*)*[A-Z][\w&'’.-]*)"
_SHORT_RE = re.compile(r"[A-Za-z]{2,10}|[ァ-ヺー]{2,8}|[一-龥々ァ-ヺー]{2,8}")
# the word more inside a name: never a bracket, and of the particles only the possessive between a place and its
# body (イスマイリア経済裁判所 typed, イスマイリアの経済裁判所 written)
_INSIDE = r"([一-龥々ァ-ヺー]{1,4}|の)"
_TYPED_JA_RE = re.compile(r"[一-龥々ァ-ヺー・]{4,24}")
_TYPED_EN_RE = re.compile(r"[A-Za-z][\w'’-]*(?: [A-Za-z][\w'’-]*){1,5}")  # a body's name of two words to six
_INSIDE_EN = r"((?:\s+[\w'’-]+){1,3})"  # the words more inside an English name: one to three


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
    or a possessive の, two characters or more of the typed name on either side (第三者委員会: 第三者調査委員会;
    イスマイリア経済裁判所: イスマイリアの経済裁判所), or an English one with one to three words more inside it
    ("Senate homeland security committee": "Senate homeland security and governmental affairs committee"), most
    often written first."""
    plain = " ".join(unicodedata.normalize("NFKC", typed).split())
    if _TYPED_EN_RE.fullmatch(plain):  # "Senate homeland security committee": "… security and governmental affairs …"
        words = [re.escape(w) for w in plain.split()]
        rxs = [
            re.compile(r"\b" + r"\s+".join(words[:k]) + _INSIDE_EN + r"\s+" + r"\s+".join(words[k:]) + r"\b", re.I)
            for k in range(1, len(words))
        ]
    elif _TYPED_JA_RE.fullmatch(plain):
        rxs = [re.compile(re.escape(plain[:k]) + _INSIDE + re.escape(plain[k:])) for k in range(2, len(plain) - 1)]
    else:
        return []
    counts = Counter(
        m.group(0) for text in texts for rx in rxs for m in rx.finditer(unicodedata.normalize("NFKC", text))
    )
    return [n for n, _ in counts.most_common()]


# the people around a body or a person, typed for it: its officials, spokespeople, lawyers ("Japanese Foreign Ministry
# official", "Katsurada's lawyers", 外務省関係者, 被告の弁護団); their statements are the body's or the person's side
_EN_AROUND_RE = re.compile(
    r"(?:the\s+)?(?P<owner>.+?)(?:['’]s?)?\s+(?:officials?|spokes(?:person|man|woman)|sources?|lawyers?|attorneys?"
    r"|(?:legal|defen[cs]e)\s+team|counsel)",
    re.IGNORECASE,
)
_JAPANESE_RE = re.compile(r"[ぁ-んァ-ヺ一-龥々]")
_JA_AROUND_RE = re.compile(r"(?P<owner>.+?)(?:の|側の?)?(?:関係者|担当者|弁護団|弁護人|代理人|広報担当者?)")


def owner_typed(typed: str) -> str | None:
    """The body or person a name typed as the people around it stands for ("Japanese Foreign Ministry official":
    Japanese Foreign Ministry; "Katsurada's lawyers": Katsurada; 外務省関係者: 外務省), else None."""
    plain = " ".join(unicodedata.normalize("NFKC", typed).split())
    m = (_JA_AROUND_RE if _JAPANESE_RE.search(plain) else _EN_AROUND_RE).fullmatch(plain)
    if m is None:
        return None
    owner = m["owner"].strip(" ・")
    return owner if len(owner) >= 2 else None


_JA_RUN_RE = re.compile(r"[一-龥々ァ-ヺー・]{3,30}")


def spelled_in_full(short: str, texts: Iterable[str], is_short: Callable[[str, str], bool]) -> list[str]:
    """The names the texts write that a Japanese short name typed is made from (私学事業団: 日本私立学校振興・共済事業団),
    `is_short` deciding (`resolve.kanji_short`), most often written first: each run of kanji and katakana ending
    in the short name's last two characters (its head as typed), read from each of its starts."""
    plain = unicodedata.normalize("NFKC", short).strip()
    if not 3 <= len(plain) <= 8 or plain.isascii():
        return []
    counts: Counter[str] = Counter()
    for text in texts:
        for m in _JA_RUN_RE.finditer(unicodedata.normalize("NFKC", text)):
            run = m.group(0)
            for end in range(len(run), len(plain), -1):
                if run[end - 2 : end] != plain[-2:]:  # the head as typed: 事業団's 業団, not 連 of 連合会 for 日弁連
                    continue
                for start in range(0, end - len(plain)):
                    if run[start] == plain[0] and is_short(plain, run[start:end]):
                        counts[run[start:end]] += 1
                        break
    return [n for n, _ in counts.most_common()]
