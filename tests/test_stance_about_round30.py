"""/stance --about relevance, thirtieth round (issue 11): an English noun said by the verb it is made from (subsidy:
"should subsidize", continuation: "will continue", investigation: "would investigate"), in the user's English words
and in the English glosses of the user's Japanese ones. Each on words of our own, with a counter-example."""

from __future__ import annotations

import pytest

from bot.extract.about import match_spans, verb_forms
from tests.test_stance_about_round29 import _target  # the target parsed, its related words added

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def test_an_english_noun_is_said_by_the_verb_it_is_made_from() -> None:
    assert "subsidize" in verb_forms("subsidy") and "subsidize" in verb_forms("subsidies")
    assert "subsidise" in verb_forms("subsidy")  # the British spelling
    assert "continue" in verb_forms("continuation") and "continu" in verb_forms("continuation")  # continuing
    assert "investigate" in verb_forms("investigation")
    # counter-example: a weak word's verb says anything ("agree", "decide"); a word with no verb has none
    assert verb_forms("agreement") == () and verb_forms("decision") == ()
    assert verb_forms("tariff") == ()
    # nor a verb WordNet derives the noun from in a sense apart, spelled otherwise (unit: unify)
    assert verb_forms("unit") == ()


def test_an_english_statement_names_a_noun_of_the_target_by_its_verb() -> None:
    target = _target("subsidies for chipmakers")
    subsidies = next(k for k, w in enumerate(target.words) if w.form == "subsidies")
    assert subsidies in match_spans(
        target, "Lawmakers questioned whether taxpayers should subsidize a foreign company."
    )
    assert subsidies in match_spans(target, "The state is subsidizing the plant.")
    # counter-example: a text naming neither the noun nor its verb
    assert subsidies not in match_spans(target, "Some lawmakers questioned the plant's cost.")


def test_a_japanese_word_is_said_in_english_by_the_verb_of_its_gloss() -> None:
    # 調査: investigation (about.json's equivalents, its English words matched as its own forms); an English
    # statement says "the government would investigate the impact"
    target = _target("政府によるサプライヤーへの影響調査")
    k = next(k for k, w in enumerate(target.words) if w.form == "調査")
    assert "investigate" in target.words[k].forms
    assert k in match_spans(target, "He said the government would investigate the impact on suppliers.")
    # 継続: continuation; "we will continue to …", "support is continuing"
    target = _target("政府による支援の継続")
    assert target.english is not None
    k = next(k for k, w in enumerate(target.words) if w.form == "継続")
    assert k in match_spans(target.english, "We will continue to swiftly implement support measures.")
    assert k in match_spans(target.english, "Support is continuing.")
    # counter-example: an English text naming neither the gloss nor its verb
    assert k not in match_spans(target.english, "We will swiftly implement support measures.")
