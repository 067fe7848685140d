"""A Latin word found whole in any case with no pattern compiled for its boundaries (bot/extract/whole_words.py,
perf37): the places found are those the word's own pattern — `(?<![A-Za-z])WORD(?![A-Za-z])` under IGNORECASE, as
the rules wrote it — finds with `re.search` and `re.finditer`, on sentences of our own and on a grid of generated
texts (every pair of neighbours, the letters `re` folds with Latin ones, a word repeated, overlapping itself)."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.extract.about import _as_typed
from bot.extract.whole_words import first_whole, whole_starts
from bot.services.antecedent import _mentions


def _rx(word: str, after: str = "A-Za-z") -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z])" + re.escape(word) + rf"(?![{after}])", re.IGNORECASE)


@pytest.mark.parametrize(
    ("word", "text", "starts"),
    [
        ("bill", "The bill passed; the Bill's sponsor spoke.", [4, 21]),
        ("bill", "Billions were spent on the billboard.", []),  # inside longer words
        ("nato", "NATO's chief and nato-led forces", [0, 17]),
        ("u.s.", "the U.S. and the u.s. envoy", [4, 17]),  # the word's own dots are no pattern
        ("u.s.", "the UxSx envoy", []),
        ("aa", "aa aaa aa", [0, 7]),  # not inside "aaa", whichever of its two places
        ("a-a", "a-a-a a-a", [0, 6]),  # a match's letters are not read again
        ("kit", "\u212aIT and \u017fkit", [0]),  # the Kelvin sign folds with k; the long s is a letter before "kit"
        ("is", "\u0131s and \u0130s", [0, 7]),  # the dotless i and the dotted capital I fold with i
    ],
)
def test_a_word_is_found_whole_where_its_pattern_finds_it(word: str, text: str, starts: list[int]) -> None:
    assert whole_starts(word, text) == starts == [m.start() for m in _rx(word).finditer(text)]
    first, by_pattern = first_whole(word, text), _rx(word).search(text)
    assert (first and (first.span(), first.group(0))) == (by_pattern and (by_pattern.span(), by_pattern.group(0)))


def test_every_text_around_a_word_is_read_as_its_pattern_reads_it() -> None:
    edges = ["", " ", "a", "Z", "k", "\u212a", "\u017f", "\u0131", "\u0130", "1", "-", "'", "検", "é", "_"]
    for word in ("kis", "Ss", "ii", "NATO", "a.b", "aa", "a-a", "x"):
        for before, after in itertools.product(edges, repeat=2):
            for text in (
                before + word + after,
                before + word + after + word,
                word + word + after + before + word.upper() + "x",
                before + word + word[:-1] + word + after,
            ):
                for bound in ("A-Za-z", "a-z"):  # (?![a-z]) under IGNORECASE is the same letters
                    rx = _rx(word, bound)
                    assert whole_starts(word, text) == [m.start() for m in rx.finditer(text)], (word, text)
                    found, by_pattern = first_whole(word, text), rx.search(text)
                    assert (found and found.span()) == (by_pattern and by_pattern.span()), (word, text)


def test_the_empty_word_is_the_patterns_to_place() -> None:
    assert whole_starts("", "ab c") == [m.start() for m in _rx("").finditer("ab c")]
    for text in ("ab", "a b", ""):
        found, by_pattern = first_whole("", text), _rx("").search(text)
        assert (found and found.span()) == (by_pattern and by_pattern.span())


def test_a_target_word_takes_the_users_own_spelling() -> None:
    assert _as_typed("trump", "What did Trump say about tariffs?") == ["trump", "Trump"]
    assert _as_typed("trump", "Trumpism and its critics") == ["trump"]  # not within a longer word
    assert _as_typed("nato", "NATO expansion") == ["nato"]  # an acronym is no spelling of the user's own
    assert _as_typed("関税", "関税について") == ["関税"]


def test_a_noun_named_in_full_or_only_pointed_at_again() -> None:
    assert _mentions("Parliament passed a bill on Monday.", "bill", True) == 2
    assert _mentions("He said the bill was flawed.", "bill", True) == 1  # only pointed at again
    assert _mentions("The billionaire spoke.", "bill", True) == 0  # not the noun
    assert _mentions("政府は停戦案を示した。", "停戦案", False) == 2
