"""A Korean person's name in Latin letters and in katakana, as English and Japanese reports write it.

An English report names Lee Nak-yon, Kang Kyung-wha, Choi Sang-mok, Kim Jong Un; a Japanese one イ・ナギョン (or
イナギョン), カン・ギョンファ, チェ・サンモク, キム・ジョンウン: one person, whose two spellings the sound comparison of
foreign names (`romaji.sounds_like`) does not join, for each follows its own convention. The Latin name is read
as Korean syllables (the surname, then each syllable of the given name, split by a hyphen or a space, as the
Revised and McCune–Reischauer romanisations and the spellings names keep write them: Lee, Park, Choi, Yoo, Myung,
Kyung, Eui) and said as katakana says a Korean name: eo and eu as o and u, the -yung of Myung and Kyung as ヨン, a
final k, m, p or l with the vowel katakana adds (パク, キム, チョル) unless the next syllable opens with a vowel
(ナギョン), ng as ン, hw as フ. The katakana is romanised (`romaji.romanize`). Both are folded as katakana hears
Korean consonants (g/k, d/t, b/p, j/ch one each: ギョン is gyeong and kyung, r and l one); the name is the same
when the whole folded names agree, surname and every syllable. A name that does not read as Korean syllables is
no Korean name here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

from bot.extract.romaji import romanize
from bot.text import without_marks

__all__ = ["katakana_key", "korean_keys", "same_korean_name"]

# a Korean surname as names spell it, said as katakana writes it (이 イ, 박 パク, 최 チェ, 류/유 ユ, 노 ノ, 오 オ)
_SURNAMES = {
    "lee": ("i",), "yi": ("i",), "rhee": ("i",), "ri": ("i", "ri"), "i": ("i",),
    "park": ("paku",), "pak": ("paku",), "bak": ("paku",),
    "choi": ("che",), "choe": ("che",), "chey": ("che",),
    "yoo": ("yu",), "yu": ("yu",), "you": ("yu",), "ryu": ("yu", "ryu"), "rhyu": ("yu", "ryu"),
    "noh": ("no",), "roh": ("no",), "no": ("no",), "oh": ("o",), "o": ("o",), "woo": ("u",), "u": ("u",),
    "ahn": ("an",), "an": ("an",), "lim": ("imu",), "rim": ("imu",), "im": ("imu",),
    "suh": ("so",), "seo": ("so",), "paik": ("peku",), "baek": ("peku",), "paek": ("peku",),
    "ryoo": ("yu", "ryu"), "rho": ("no",), "ra": ("na", "ra"), "la": ("na", "ra"), "nah": ("na",),
}  # fmt: skip
_INITIAL = r"(?P<i>kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjh])?"
_VOWEL = r"(?P<v>yeo|yae|wae|weo|yoo|you|eui|wa|wo|we|wi|ya|ye|yo|yu|ae|eo|eu|ui|oe|oi|oo|ee|ou|a|e|i|o|u)"
_FINAL = r"(?P<f>ng|k|n|t|l|m|p)?"
_SYLLABLE_RE = re.compile(_INITIAL + _VOWEL + _FINAL)
# each vowel as katakana says it (the -ung of Sung and Jung and the -uk of Duck are 성, 정, 덕 as often as 웅, 욱)
_VOWELS: dict[str, tuple[str, ...]] = {
    "yeo": ("yo",), "yae": ("ye",), "wae": ("we",), "weo": ("wo",), "wa": ("wa",), "wo": ("wo",), "we": ("we",),
    "yoo": ("yu",), "you": ("yu",), "eui": ("wi", "ui", "i"), "wi": ("wi",), "ya": ("ya",), "ye": ("ye",), "yo": ("yo",), "yu": ("yu",), "ae": ("e",), "eo": ("o",),
    "eu": ("u",), "ui": ("wi", "ui", "i"), "oe": ("we", "e"), "oi": ("e", "we"), "oo": ("u",), "ee": ("i",),
    "ou": ("u",), "a": ("a",), "e": ("e",), "i": ("i",), "o": ("o",), "u": ("u",),
}  # fmt: skip
_FINALS = {"k": "k", "m": "m", "p": "p", "l": "r", "t": "t", "n": "n", "ng": "n"}
_ADDS_VOWEL = frozenset("kmpr")  # クムプル: katakana writes these finals with a vowel before a consonant or at the end
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_FOLDS = (
    (re.compile(r"sh"), "s"),
    (re.compile(r"ch|j|ts"), "c"),
    (re.compile(r"g"), "k"),
    (re.compile(r"d"), "t"),
    (re.compile(r"b"), "p"),
    (re.compile(r"l"), "r"),
    (re.compile(r"z"), "s"),
    (re.compile(r"f"), "h"),  # 후 hu: フ fu; 화 hwa: ファ fa
    (re.compile(r"([a-z])\1+"), r"\1"),  # a long vowel (ー) or a doubled consonant (ッ) once
)
MAX_KEYS = 64  # a name's spellings at most (each ambiguous vowel doubles them)


def _fold(text: str) -> str:
    for rx, repl in _FOLDS:
        text = rx.sub(repl, text)
    return text


def _syllables(word: str) -> list[tuple[str, tuple[str, ...], str]] | None:
    """(initial, the vowel's readings, final) of each syllable of a given name's word (Nak-yon, Myung-hee; Un);
    None when a part is not one Korean syllable."""
    out = []
    for part in word.split("-"):
        part = re.sub(r"^wh", "hw", part).replace("ck", "k")  # Kyung-wha: 화 hwa; Duck-soo: 덕 deok
        m = _SYLLABLE_RE.fullmatch(part)
        if m is None:
            return None
        initial, vowel, final = m.group("i") or "", m.group("v"), m.group("f") or ""
        readings = _VOWELS[vowel]
        if vowel == "yu" and final in ("ng", "n", "l"):  # Myung, Kyung, Hyun, Yul: 명 경 현 열 (ミョン ギョン ヒョン)
            readings = ("yo", "yu")
        elif vowel == "u" and final in ("ng", "k"):  # Sung, Jung, Duck: 성 정 덕 (ソン チョン ドク)
            readings = ("o", "u")
        out.append((initial, readings, final))
    return out


def _given_keys(words: list[str]) -> list[str]:
    syllables = []
    for w in words:
        read = _syllables(w)
        if read is None:
            return []
        syllables += read
    spellings = [""]
    for k, (initial, readings, final) in enumerate(syllables):
        opens_vowel = k + 1 < len(syllables) and not syllables[k + 1][0]  # 낙연: the k carried on (ナギョン)
        coda = _FINALS.get(final, "")
        if coda in _ADDS_VOWEL and not opens_vowel:
            coda += "u"
        start = "f" if initial == "h" and readings[0][:1] == "w" else initial  # 화 hwa: ファ
        said = [start + (r[1:] if start == "f" else r) + coda for r in readings]
        spellings = [s + x for s in spellings for x in said][:MAX_KEYS]
    return spellings


@lru_cache(maxsize=8192)
def korean_keys(name: str) -> frozenset[str]:
    """The folded katakana spellings of a Korean name in Latin letters (Lee Nak-yon → {inakyon}; Kang Kyung-wha →
    {kankyonfa, …}), surname first or last; empty when it is not two or more Korean words or syllables."""
    words = _WORD_RE.findall(without_marks(unicodedata.normalize("NFKC", name)).lower())
    if len(words) < 2:
        return frozenset()
    keys: set[str] = set()
    for surname, given in ((words[0], words[1:]), (words[-1], words[:-1])):
        family = _SURNAMES.get(surname) or tuple(_given_keys([surname]))
        rest = _given_keys(given)
        keys |= {_fold(a + b) for a, b in product(family, rest)}
    return frozenset(k for k in keys if len(k) >= 3)


_KATAKANA_NAME_RE = re.compile(r"[ァ-ヺー]+(?:[・=＝ ][ァ-ヺー]+)*")


@lru_cache(maxsize=16384)
def katakana_key(name: str) -> str:
    """A katakana name romanised and folded as `korean_keys` folds (イ・ナギョン, イナギョン → inakyon); '' for a
    name not wholly in katakana."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not _KATAKANA_NAME_RE.fullmatch(text):
        return ""
    return _fold(romanize(re.sub(r"[・=＝ ]", "", text)))


def same_korean_name(latin: str, katakana: str) -> bool:
    """Whether a Korean name in Latin letters and a name in katakana are one name, surname and every syllable of
    the given name (Lee Nak-yon = イ・ナギョン; not イ・ジェミョン)."""
    key = katakana_key(katakana)
    return bool(key) and key in korean_keys(latin)
