"""An English body name the reports write only in Japanese ("National Security Committee", 国家安全保障委員会): the
Japanese names in the reports' texts that end in a word glossing the English head (committee: 委員会) and whose
words before it each gloss one of the other English words (国家: nation, 安全保障: security), by JMdict's glosses
(`bot/data/glosses.json.gz`). A user typing a country's body in English finds the body a Japanese report names
once, with no English name anywhere in the store."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from bot.extract.about import _english_index
from bot.extract.gloss_words import japanese_words
from bot.text import index_tokens

_STOP = frozenset({"the", "of", "for", "and", "on", "in", "a", "an", "to"})
_KANJI_RX = re.compile(r"[一-龥々]+")
_MAX_PREFIX = 12  # kanji before the head: a body's name, not a sentence run together


def head_words(english: str, *, later: bool = False) -> list[str]:
    """The Japanese words, all kanji, whose first gloss is the English name's last word (committee: 委員会); or,
    `later`, the one-kanji heads of a body's name glossing it in another sense (office: 府, 庁, 局;
    `office_glosses`), read where the first find no name (総統府 for "Presidential Office")."""
    words = _words(english)
    if len(words) < 2:
        return []
    first = [ja for ja, place in _english_index().get(words[-1], []) if place == 0 and _KANJI_RX.fullmatch(ja)]
    return [ja for ja in _offices_glossing().get(words[-1], ()) if ja not in first] if later else first


def japanese_body_names(english: str, texts: Iterable[str], *, later: bool = False) -> list[str]:
    """The names in `texts` that are the English body name in Japanese, in the order found: a head of `head_words`
    and before it a run of kanji whose every word glosses one of the other English words, each of them glossed."""
    words = _words(english)
    heads = head_words(english, later=later)
    if not heads:
        return []
    rest = words[:-1]
    rx = re.compile(
        rf"([一-龥々]{{1,{_MAX_PREFIX}}})(?:{'|'.join(map(re.escape, sorted(heads, key=len, reverse=True)))})"
    )
    found: list[str] = []
    for text in texts:
        for m in rx.finditer(text):
            run = m.group(1)
            for k in range(len(run)):  # the longest start whose words all gloss the English words
                if _covers(run[k:], rest):
                    name = m.group(0)[k:]
                    if name not in found:
                        found.append(name)
                    break
    return found


def _words(english: str) -> list[str]:
    return [w for w in (x.casefold() for x in re.findall(r"[A-Za-z]+", english)) if w not in _STOP]


def _covers(prefix: str, english: list[str]) -> bool:
    """Every word of the Japanese prefix glosses one of the English words, and every English word is glossed."""
    tokens = index_tokens(prefix).split()
    if not tokens or len(tokens) > 2 * len(english):
        return False
    glosses, offices = japanese_words(), office_glosses()
    covered: set[str] = set()
    for token in tokens:
        hit = {w for w in english for g in (*glosses.get(token, []), *offices.get(token, [])) if _same_word(g, w)}
        if not hit:
            return False
        covered |= hit
    return covered == set(english)


def _same_word(gloss: str, word: str) -> bool:
    """The gloss is the word, or one is the other with an ending (nation, national; protect, protection)."""
    if gloss == word:
        return True
    short, long = sorted((gloss, word), key=len)
    return len(short) >= 5 and long.startswith(short)


@cache
def office_glosses() -> dict[str, list[str]]:
    """JMdict's words for a body or an office (written in kanji) → the English words of all their senses
    (`bot/data/office_glosses.json.gz`, `tools/make_office_glosses.py`): 府 is a prefecture first and a
    (government) office third, 総統 a supreme ruler and the president (of Taiwan)."""
    with resources.files("bot.data").joinpath("office_glosses.json.gz").open("rb") as raw, gzip.open(raw, "rt") as f:
        data: dict[str, list[str]] = json.load(f)["glosses"]
    return data


@cache
def _offices_glossing() -> dict[str, tuple[str, ...]]:
    """English word → the one-kanji office words it glosses in any sense (office → 府, 庁, 局 …): a body's name
    ends on one (総統府, 保守党), and a longer word glossing "government" in one of its senses is seldom a head."""
    out: dict[str, list[str]] = {}
    for ja, words in office_glosses().items():
        for w in words if len(ja) == 1 else ():
            out.setdefault(w, []).append(ja)
    return {w: tuple(js) for w, js in out.items()}
