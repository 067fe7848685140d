"""`tools.lexical_classes`: what in a statement's clause stands for the target words it does not name."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, add_related, parse_target
from tools.lexical_classes import classify

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str) -> Target:
    target = parse_target(text, ActorIndex([]), {})
    add_related(target)
    return target


def test_a_dictionary_word_of_the_other_language_the_query_did_not_keep() -> None:
    kind, unnamed = classify(_target("a referendum on the casino"), "改めて住民投票をする必要はない")
    assert kind == "other_language_unkept" and "referendum" in unnamed


def test_a_clause_pointing_back_and_one_that_paraphrases() -> None:
    assert classify(_target("the demonstrations after the vote"), "It is all an absolute lie.")[0] == "reference"
    # must not fire: no pointer, no dictionary word, no synonym, no shared form
    assert classify(_target("the demonstrations after the vote"), "We will never surrender.")[0] == "paraphrase"


def test_a_clause_naming_every_word_leaves_none_unnamed() -> None:
    assert classify(_target("住民投票"), "住民投票をする必要はない")[1] == []
