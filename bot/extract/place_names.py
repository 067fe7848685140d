"""A place named in English said in Japanese, for the bodies that speak for it: "the Hong Kong government" is
香港政府, "Sri Lanka's authorities" スリランカ当局, "Thai police" … when the Japanese reports name them so.

The place is said by the dictionary's nouns that the tokenizer reads as one place name and whose English glosses
open with the typed words (Hong Kong → 香港, Taiwan → 台湾: JMdict), and, for a foreign place JMdict does not gloss,
by the katakana place words of the actors' names that sound as it (Sri Lanka = スリランカ, `romaji.sounds_like`)."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.event_words import event_glosses
from bot.extract.romaji import name_key, romanize, sounds_like
from bot.text import sudachi_tokenizer

__all__ = ["GOVERNING", "english_places", "japanese_places", "place_governed", "sounds_as_place", "split_governing"]

# the English word for a body that speaks for a place → the Japanese endings of that body's name, best first
GOVERNING: dict[str, tuple[str, ...]] = {
    "government": ("政府", "当局", "政権", "行政府"),
    "govt": ("政府", "当局", "政権"),
    "authorities": ("当局", "政府"),
    "authority": ("当局", "政府"),
    "administration": ("政権", "政府"),
    "police": ("警察", "警察当局", "警察庁"),
    "military": ("軍", "国軍"),
    "army": ("軍", "陸軍", "国軍"),
    "foreign ministry": ("外務省",),
    "defense ministry": ("国防省", "防衛省"),
    "defence ministry": ("国防省", "防衛省"),
    "health ministry": ("保健省", "厚生労働省"),
    "commerce ministry": ("商務省",),
    "embassy": ("大使館",),
}
_GOVERNING_RE = re.compile(
    r"^(?:the\s+)?(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}?)(?:['’]s|n|ese)?\s+"
    r"(?P<body>" + "|".join(sorted(map(re.escape, GOVERNING), key=len, reverse=True)) + r")\.?$"
    r"|^(?:the\s+)?(?P<body2>government|authorities|police|administration)\s+of\s+(?:the\s+)?(?P<place2>[A-Z].{1,40})$",
    re.IGNORECASE,
)


def split_governing(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(the place, the Japanese endings of its body) of an English body that speaks for a place ("the Hong Kong
    government" → ("Hong Kong", (政府, 当局, …)), "the government of Sri Lanka" → ("Sri Lanka", …)); else None."""
    m = _GOVERNING_RE.match(" ".join(text.split()))
    if m is None:
        return None
    place = m.group("place") or m.group("place2")
    body = (m.group("body") or m.group("body2")).casefold()
    if not place or not place[:1].isupper():
        return None
    return place.strip(), GOVERNING[body]


@lru_cache(maxsize=1)
def _places_by_first_word() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ja, words in event_glosses().items():
        if words:
            out.setdefault(words[0], []).append(ja)
    return out


@lru_cache(maxsize=4096)
def japanese_places(english: str) -> tuple[str, ...]:
    """The Japanese place names the dictionary glosses with these English words (Hong Kong → 香港; Taiwan → 台湾;
    Thailand → タイ), each a noun the tokenizer reads as one place name; () for anything else."""
    words = tuple(w.casefold() for w in re.sub(r"[^\w\s-]", " ", english).split())
    if not words:
        return ()
    glosses = event_glosses()
    out = []
    for ja in _places_by_first_word().get(words[0], ()):
        if tuple(glosses[ja][: len(words)]) != words and "".join(words) not in glosses[ja]:
            continue
        if _one_place(ja):
            out.append(ja)
    if len(words) >= 2:  # a place glossed as one word (hongkong)
        out += [ja for ja in japanese_places("".join(words)) if ja not in out]
    return tuple(out)


_KATAKANA_RUN_RE = re.compile(r"^[ァ-ヺー]{2,}")


def sounds_as_place(english: str, name: str) -> str | None:
    """The katakana place that opens a Japanese name, when the tokenizer reads it as one place name and it sounds
    as this English place (Sri Lanka and スリランカ政府 → スリランカ); else None."""
    m = _KATAKANA_RUN_RE.match(name)
    if m is None or not _one_place(m.group(0)):
        return None
    latin = english.replace(" ", "")
    if name_key(latin)[:1] != name_key(romanize(m.group(0)))[:1] or not sounds_like(latin, m.group(0)):
        return None  # the same first letter too: Kirin only sounds close to ウクライナ
    return m.group(0)


@lru_cache(maxsize=4096)
def _one_place(word: str) -> bool:
    """Whether the tokenizer reads the word as one place name (スリランカ; not キリン, トランプ)."""
    morphs = list(sudachi_tokenizer().tokenize(word))
    return len(morphs) == 1 and morphs[0].part_of_speech()[2] == "地名"


# a place's own body typed in Japanese after its katakana name (ボルティモア市, テキサス州, ジョージア州政府) → the English
# words the reports write beside the place for it, which the passages are read by
PLACE_GOVERNED: dict[str, tuple[str, ...]] = {
    "市": ("city", "mayor"),
    "市当局": ("city", "officials"),
    "市役所": ("city", "hall"),
    "市政府": ("city", "government"),
    "州": ("state", "governor"),
    "州政府": ("state", "governor"),
    "州当局": ("state", "officials"),
    "郡": ("county",),
    "郡当局": ("county", "officials"),
    "政府": ("government",),
    "当局": ("authorities", "officials"),
}
_PLACE_GOVERNED_RE = re.compile(
    r"(?P<place>[ァ-ヺー]{2,}(?:[・･][ァ-ヺー]{2,})?)(?P<body>"
    + "|".join(sorted(PLACE_GOVERNED, key=len, reverse=True))
    + ")"
)


def place_governed(japanese: str) -> tuple[str, str] | None:
    """(the katakana place, its body's ending) of a place's own body typed in Japanese: ボルティモア市 → (ボルティモア,
    市), テキサス州政府 → (テキサス, 州政府); None for anything else (a name the tokenizer reads as no place: トランプ政府)."""
    m = _PLACE_GOVERNED_RE.fullmatch(japanese.strip())
    if m is None or not _one_place(m["place"].replace("・", "").replace("･", "")):
        return None
    return m["place"], m["body"]


_CAPITALISED_RUN_RE = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?![\w-])")


def english_places(katakana: str, texts: list[str]) -> list[str]:
    """The English spellings of a katakana place in the texts, most named first: a capitalised word, or two side by
    side (Los Angeles), that sounds as it (`romaji.sounds_like`, the same first letter as in `sounds_as_place`:
    ボルティモア → Baltimore, of "Baltimore Mayor Brandon Scott"). [] when none does."""
    kana = katakana.replace("・", "").replace("･", "")
    first = name_key(romanize(kana))[:1]
    counts: dict[str, int] = {}
    heard: dict[str, bool] = {}
    for t in texts:
        for m in _CAPITALISED_RUN_RE.finditer(t):
            words = re.split(r"[ -]", m.group(0))
            for k in range(len(words)):
                for n in (1, 2):
                    word = " ".join(words[k : k + n])
                    if k + n > len(words) or name_key(word.replace(" ", ""))[:1] != first:
                        continue
                    if word not in heard:
                        heard[word] = len(word) >= 3 and sounds_like(word.replace(" ", ""), kana)
                    if heard[word]:
                        counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: -counts[w])
