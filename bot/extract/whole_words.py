"""A Latin word or name found whole in a text, in any case, without a pattern compiled for each word's boundaries.

The rules looked a typed or stored word up with a pattern of its own, `(?<![A-Za-z])WORD(?![a-z])` under
IGNORECASE (a body's name in a person's apposition, a target word as the user spelled it, a noun pointed at again):
~0.3 ms to compile for every new word, where `re` builds the case-folded letter class in Python each time — a tenth
of a first `/stance --about` question's CPU. Here the word alone is compiled (~0.02 ms: no class) and the letters
around each place it matches are tested by one class compiled once; the places found are the ones the word's own
pattern finds (`re` folds a few other letters with Latin ones under IGNORECASE: the Kelvin sign, the long s, the
dotless i and the dotted capital I; the class folds them alike). A match of the word is as long as the word: `re`
folds one character into one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["first_whole", "whole_starts"]

# a Latin letter in any case, as `re` folds them ([a-z] and [A-Za-z] fold to the same letters)
_LETTER_RX = re.compile(r"[a-z]", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _word_rx(word: str) -> re.Pattern[str]:
    return re.compile(re.escape(word), re.IGNORECASE)


def _letter_at(text: str, at: int) -> bool:
    return 0 <= at < len(text) and _LETTER_RX.match(text, at) is not None


def _whole(word: str, text: str) -> Iterator[re.Match[str]]:
    """Each match of the (non-empty) word with no letter right before or after it, as `finditer` finds them."""
    rx = _word_rx(word)
    found = rx.search(text)
    while found is not None:
        at, end = found.span()
        if not _letter_at(text, at - 1) and not _letter_at(text, end):
            yield found
            found = rx.search(text, end)  # as `finditer` goes on: past the match
        else:
            found = rx.search(text, at + 1)


def _pattern(word: str) -> str:
    return r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])"


def first_whole(word: str, text: str) -> re.Match[str] | None:
    """The first place `text` holds `word` in any case with no Latin letter right before or after it: what
    `re.search(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", text, re.IGNORECASE)` finds (its match of
    the word alone: `group(0)`, `span()`), or None."""
    if not word:  # the empty word's places are the pattern's own to say
        return re.search(_pattern(word), text, re.IGNORECASE)
    return next(_whole(word, text), None)


def whole_starts(word: str, text: str) -> list[int]:
    """Where `text` holds `word` whole (as `first_whole`), one place after another as `re.finditer` finds them:
    a match's letters are not read again for the next."""
    if not word:
        return [m.start() for m in re.finditer(_pattern(word), text, re.IGNORECASE)]
    return [m.start() for m in _whole(word, text)]
