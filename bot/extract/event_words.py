"""The words two reports of one event share, in Japanese or English.

Japanese content nouns come from the tokenizer; English words are read from the text itself (lower
case, stop words dropped, a plural folded to its singular). Both are mapped through
`bot/data/event_words.json` to language-free concepts ("~meeting" for 会談 and "talks"), so that a
Japanese and an English report of one event share event words.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from bot.text import normalize

_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
_JA_CHAR_RE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN_RE = re.compile("[A-Za-z]")
CONCEPT_PREFIX = "~"


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    data = json.loads(resources.files("bot.data").joinpath("event_words.json").read_text(encoding="utf-8"))
    concepts: dict[str, set[str]] = {}
    for concept, words in data["concepts"].items():
        for w in words:
            form = w.lower() if w.isascii() else normalize(w)
            concepts.setdefault(form, set()).add(CONCEPT_PREFIX + concept)
    frozen = {k: frozenset(v) for k, v in concepts.items()}
    return frozen, frozenset(data.get("stopwords_en", []))


def english_words(text: str) -> list[str]:
    """Content words of English text: lower case, without stop words, plurals folded (talks → talk)."""
    _, stop = _lexicon()
    out = []
    for raw in _LATIN_WORD_RE.findall(text):
        w = raw.lower().removesuffix("'s")
        if len(w) < 2 or w in stop:
            continue
        out.append(_singular(w))
    return out


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def is_english(text: str) -> bool:
    """Mostly Latin letters (an English report), not Japanese with a Latin name in it."""
    ja = len(_JA_CHAR_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    return latin > 0 and ja < latin * 0.2


def concepts(words: list[str], text: str = "") -> set[str]:
    """The concepts named by these words (and by the English words of `text`, inflected forms included)."""
    lex, _ = _lexicon()
    out: set[str] = set()
    for w in words:
        out |= lex.get(w, frozenset())
    for raw in _LATIN_WORD_RE.findall(text):
        out |= lex.get(raw.lower(), frozenset())
    return out
