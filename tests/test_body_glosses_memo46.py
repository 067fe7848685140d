"""The English names of a body typed in Japanese, with `body_glosses`' word tests remembered (suite46): the same
answers cold and after other names were asked, in any order, and a country's English word found by one look-up as
the row-by-row scan found it. Names made up in the patterns of news text."""

from __future__ import annotations

import pytest

from bot.extract import body_glosses as bg

TEXTS = [
    "The Canadian Fisheries Agency said on Monday it would extend the closure.",
    "Fisheries Agency officials declined to comment.",
    "The Japan Fisheries Agency said the catch had fallen.",
    "The Australian Defence Department said it had not been consulted.",
    "A Defence Department spokesperson said talks would continue.",
    "The Liberal Party said it would oppose the bill.",
]
TYPED = ["加水産庁", "水産庁", "日本水産庁", "豪国防省", "国防省", "自由党", "米国防総省"]


def _cold() -> None:
    for memo in (bg._glossed_by, bg._country_rows):
        memo.cache_clear()


def test_each_name_is_answered_alike_cold_and_after_the_others() -> None:
    cold = {}
    for typed in TYPED:
        _cold()
        cold[typed] = bg.english_body_names(typed, TEXTS)
    assert cold["加水産庁"] == ["Canadian Fisheries Agency"] and cold["自由党"] == ["Liberal Party"]  # names found
    _cold()
    for typed in [*TYPED, *reversed(TYPED)]:  # warm: every (word, piece) pair asked before, in both orders
        assert bg.english_body_names(typed, TEXTS) == cold[typed], typed


@pytest.mark.parametrize("word", ["US", "China's", "Nepali", "american", "Canadian", "Fisheries", "Party", "u.s."])
def test_a_country_word_is_found_as_the_rows_find_it(word: str) -> None:
    key = bg._en_key(word)
    assert bg.names_country(word) == any(key in words for words in bg._country_english())
