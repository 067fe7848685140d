"""A Chinese or Korean person's name in kanji spelled in Latin letters, as English reports write it.

A Japanese report names 頼清徳, 王毅, 李洛淵, 兪明希; an English one Lai Ching-te, Wang Yi, Lee Nak-yon, Yoo
Myung-hee: one person, two actors, neither found when the other is asked for. The characters' Mandarin readings
(pinyin, and Wade–Giles, which Taiwan's names keep: Ching-te, Kuo-yu, Hsieh) and Korean readings (hangul,
spelled by the Revised Romanization and McCune–Reischauer with the spellings names keep: Lee, Kim, Park, Yoo,
Myung, Hee) come from `bot/data/cjk_readings.json.gz` (`tools/make_cjk_readings.py`); a name is the same person
when its Latin words are the surname's spelling and, where both give it, the given name's syllables in order.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "cjk_readings.json.gz"
MAX_SPELLINGS = 4096  # a given name's spellings at most (two Korean syllables: a few hundred)

_KANJI_NAME_RE = re.compile(r"[一-鿿]{2,3}")  # a Chinese or Korean name: two or three characters


@cache
def _readings() -> dict[str, list[str]]:
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        data: dict[str, list[str]] = json.load(f)["readings"]
    return data


# --- Mandarin: pinyin, and Wade–Giles as Taiwan's passports write it (no apostrophes, no umlaut) -------------------

_WG_INITIALS = (
    ("zh", "ch"),
    ("ch", "ch"),
    ("sh", "sh"),
    ("b", "p"),
    ("d", "t"),
    ("g", "k"),
    ("z", "ts"),
    ("c", "ts"),
    ("j", "ch"),
    ("q", "ch"),
    ("x", "hs"),
    ("r", "j"),
)
_WG_WHOLE = {"zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu", "si": "ssu"}
_WG_FINALS = (
    (re.compile(r"iong$"), "iung"),
    (re.compile(r"ong$"), "ung"),
    (re.compile(r"ian$"), "ien"),
    (re.compile(r"ie$"), "ieh"),
)


def _wade_giles(syllable: str) -> str:
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    if syllable.startswith("y"):  # yi, ye, yan: the y is kept (ye → yeh, yan → yen)
        initial, rest = "y", syllable[1:]
    else:
        initial, rest = next(((wg, syllable[len(p) :]) for p, wg in _WG_INITIALS if syllable.startswith(p)), ("", ""))
        if not initial:
            initial, rest = re.match(r"([^aeiou]*)(.*)", syllable).groups()  # type: ignore[union-attr]
    if rest == "e" and initial in ("k", "h"):  # ge, ke, he: ko, ho
        rest = "o"
    if rest == "uo" and initial not in ("k", "h", "sh"):  # luo, duo, zuo: lo, to, tso; guo, huo, shuo kept
        rest = "o"
    if initial == "y" and rest == "i":
        return "i"
    if syllable[0] in "jqxy" and rest.endswith("ue"):  # jue, xue, yue: chueh, hsueh, yueh
        rest += "h"
    for rx, repl in _WG_FINALS:
        rest = rx.sub(repl, rest)
    return initial + rest


def _mandarin(ch: str) -> set[str]:
    pinyin = _readings().get(ch, ["", ""])[0].split()
    return {s for p in pinyin for s in (p, _wade_giles(p))}


# --- Korean: a hangul syllable's Latin spellings ---------------------------------------------------------------------

_INITIALS = (
    ("g", "k"), ("kk", "gg"), ("n",), ("d", "t"), ("tt",), ("r", "l"), ("m",), ("b", "p"), ("pp",), ("s", "sh"),
    ("ss",), ("",), ("j", "ch"), ("jj",), ("ch",), ("k",), ("t",), ("p",), ("h",),
)  # fmt: skip
_VOWELS = (
    ("a",), ("ae",), ("ya",), ("yae",), ("eo", "o", "u"), ("e",), ("yeo", "yo", "yu"), ("ye",), ("o",), ("wa",),
    ("wae",), ("oe", "oi"), ("yo",), ("u", "oo"), ("wo",), ("we",), ("wi",), ("yu", "yoo", "you"), ("eu", "u"),
    ("ui", "i", "ee"), ("i", "ee"),
)  # fmt: skip
_FINALS = (
    ("",), ("k", "g"), ("k",), ("k",), ("n",), ("n",), ("n",), ("t", "d"), ("l", "r"), ("k",), ("m",), ("l",),
    ("l",), ("l",), ("p",), ("l",), ("m",), ("p", "b"), ("p",), ("t", "s"), ("t",), ("ng",), ("t",), ("t",), ("k",),
    ("t",), ("p",), ("t",),
)  # fmt: skip
# the spellings Korean surnames keep beside the romanisations' (이 Lee, 박 Park, 최 Choi)
_SURNAMES = {
    "이": ("lee", "yi", "rhee", "ri"), "리": ("lee", "yi", "rhee", "ri"), "김": ("kim",), "박": ("park",),
    "최": ("choi",), "정": ("jung", "chung"), "노": ("roh", "noh"), "오": ("oh",), "문": ("moon",), "윤": ("yoon",),
    "신": ("shin",), "임": ("lim", "rim"), "림": ("lim", "im"), "류": ("ryu", "yoo", "yu"), "유": ("yoo", "yu"),
    "조": ("cho",), "송": ("song",), "한": ("han",), "황": ("hwang",),
}  # fmt: skip


def _hangul(syllable: str) -> set[str]:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return set()
    first, vowel, final = code // 588, (code % 588) // 28, code % 28
    vowels = _VOWELS[vowel]
    initials: tuple[str, ...] = _INITIALS[first]
    if first == 5:  # ㄹ: n at a word's start, and nothing before i and y (洛 락 Nak, 李 리 Lee)
        initials = (*initials, "n", *(("",) if vowels[0][0] in "iy" else ()))
    elif first == 2 and vowels[0][0] in "iy":  # ㄴ before i and y: nothing (女 녀 Yeo)
        initials = (*initials, "")
    if first == 11 and vowel == 13:  # ㅇ+ㅜ as a name spells it: 우 Woo, 욱 Wook (Kim Taek-woo, Lee Jae-wook)
        vowels = (*vowels, "woo")
    return {i + v + f for i in initials for v in vowels for f in _FINALS[final]} | set(_SURNAMES.get(syllable, ()))


def _korean(ch: str) -> set[str]:
    return {s for h in _readings().get(ch, ["", ""])[1].split() for s in _hangul(h)}


# --- names ----------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=16384)
def spellings(name: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """A kanji name's (surname spellings, given-name spellings) in Mandarin and in Korean, lower case with no
    hyphen (頼清徳 → ({lai}, {qingde, chingte}); 李洛淵 → ({li, lee, yi, …}, {nakyeon, nakyon, …})); () for a name
    not of two or three characters of the block. The surname is the first character, as both languages write it."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not _KANJI_NAME_RE.fullmatch(text) or any(c not in _readings() for c in text):
        return ()
    out = []
    for read in (_mandarin, _korean):
        sur, given = read(text[0]), [read(c) for c in text[1:]]
        if not sur or not all(given):
            continue
        size = 1
        for g in given:
            size *= len(g)
        if size <= MAX_SPELLINGS:
            out.append((frozenset(sur), frozenset("".join(p) for p in product(*given))))
    return tuple(out)


@lru_cache(maxsize=16384)
def surname_spellings(name: str) -> frozenset[str]:
    """A kanji name's surname spelled in Latin letters (its first character's Mandarin and Korean readings), with
    none of the given name's: what a name is looked up by; empty as `spellings` is."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not _KANJI_NAME_RE.fullmatch(text) or any(c not in _readings() for c in text):
        return frozenset()
    return frozenset(_mandarin(text[0]) | _korean(text[0]))


_LATIN_WORD_RE = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")


def latin_words(name: str) -> tuple[str, ...]:
    """A name in Latin letters as lower-case words, a hyphen or apostrophe inside one dropped (Ching-te → chingte)."""
    text = unicodedata.normalize("NFKD", name)
    return tuple(re.sub(r"[-'’]", "", w).lower() for w in _LATIN_WORD_RE.findall(text))


def same_cjk_name(kanji: str, latin: str) -> bool:
    """The kanji name and the Latin one spell one person: the Latin name's surname word (first, or last as some
    English reports write a Korean name) is the surname's spelling and the rest the given name's (Wang Yi: 王毅,
    Lai Ching-te: 頼清徳, Lee Nak-yon: 李洛淵); a Latin surname alone matches a kanji surname (Lai: 頼清徳)."""
    words = latin_words(latin)
    if not words or len(words) > 3:
        return False
    for sur, given in spellings(kanji):
        if len(words) == 1:
            if words[0] in sur:
                return True
            continue
        if (words[0] in sur and "".join(words[1:]) in given) or (words[-1] in sur and "".join(words[:-1]) in given):
            return True
        # a Western given name before the surname (Frank Hsieh: 謝長廷), no syllable of the name's language
        if len(words) == 2 and words[1] in sur and not pinyin_syllables(words[0], 3) and words[0] not in given:
            return True
    return False


@cache
def _all_syllables() -> frozenset[str]:
    return frozenset(p for r in _readings().values() for p in r[0].split())


def pinyin_syllables(word: str, most: int) -> bool:
    """The word is one to `most` pinyin syllables run together."""
    if word in _all_syllables():
        return True
    return most > 1 and any(
        word[:k] in _all_syllables() and pinyin_syllables(word[k:], most - 1) for k in range(1, len(word))
    )
