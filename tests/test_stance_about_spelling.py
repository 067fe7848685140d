"""/stance --about: the target's English words found in the spellings English gives their inflected forms (issue 11,
thirty-fifth round) — a last consonant doubled (submit → submitting, ban → banned), a y turned i (policy → policies,
apply → applied), a last e dropped (raise → raising): the dictionaries and the user give the plain word, the text
its inflected one. Each on sentences of our own, with counter-examples that must not match."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, match_spans, named_words, parse_target


def _target(text: str) -> Target:
    return parse_target(text, ActorIndex([]), {})


def _index(target: Target, word: str) -> int:
    return next(k for k, w in enumerate(target.words) if w.form == word)


@pytest.mark.parametrize(
    ("about", "word", "text"),
    [
        ("submit a bill", "submit", "The government was not submitting its own."),
        ("a ban on exports", "ban", "Beijing banned them in July."),
        ("subsidy for chipmakers", "subsidy", "The subsidies will end in March."),
        ("apply for aid", "apply", "More than 300 families have applied."),
        ("raise rates", "raise", "The bank is raising them again."),
    ],
)
def test_an_english_word_is_named_in_its_inflected_spelling(about: str, word: str, text: str) -> None:
    target = _target(about)
    assert _index(target, word) in named_words(target, text)


@pytest.mark.parametrize(
    ("about", "word", "text"),
    [
        ("a stop to the fighting", "stop", "The stopper was lost."),  # a doubled consonant before -ed or -ing only
        ("subsidy for chipmakers", "subsidy", "A subsidyholder spoke."),  # a word that only begins with it
        ("the free vote", "free", "Freight rates rose."),  # -ee keeps its e
    ],
)
def test_a_word_that_only_begins_with_it_does_not_name_it(about: str, word: str, text: str) -> None:
    target = _target(about)
    assert _index(target, word) not in named_words(target, text)


def test_the_spans_of_an_inflected_spelling_are_found_too() -> None:
    target = _target("submit a bill")
    text = "The government was not submitting its own bill."
    assert [text[s:e] for s, e in match_spans(target, text)[_index(target, "submit")]] == ["submitting"]
