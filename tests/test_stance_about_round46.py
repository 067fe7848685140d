"""/stance --about relevance, forty-sixth round (issue 11): an English noun found by its verb where WordNet derives it
from a verb the sense-tagged corpus never saw (escalation ↔ escalate) or in a later sense of the verb (recognition ↔
recognize: `tools/make_english_words.py`), in an English statement for an English target and for the English glosses
of a Japanese one. Each on words of our own, with cases that must not fire."""

from __future__ import annotations

import pytest

from bot.extract.about import match_spans, verb_forms
from tests.about_targets import related_target, word_index

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


# --- a noun said by a verb WordNet derives it from, though no tagged sense uses the verb ------------------------


@pytest.mark.parametrize(("noun", "verb"), [("escalation", "escalate"), ("eviction", "evict"), ("recusal", "recuse")])
def test_a_noun_is_said_by_a_verb_no_tagged_sense_uses(noun: str, verb: str) -> None:
    assert verb in verb_forms(noun)


@pytest.mark.parametrize(
    ("noun", "verb"), [("recognition", "recognize"), ("recognition", "recognise"), ("shrinkage", "shrink")]
)
def test_a_noun_is_said_by_its_verb_whichever_sense_wordnet_files_it_in(noun: str, verb: str) -> None:
    # recognize → recognition is the verb's seventh sense: a noun spelled with the verb's whole stem, made by an
    # ending of the act (-tion, -age), is the same word made a noun
    assert verb in verb_forms(noun)


def test_a_noun_of_another_stem_is_still_not_said_by_the_verb() -> None:
    # must not fire: a verb WordNet derives the noun from in a sense spelled otherwise (unit: unify), a weak word;
    # in a later sense, another word on the same stem (standard: stand; followers: follow)
    assert verb_forms("unit") == () and verb_forms("decision") == ()
    assert "stand" not in verb_forms("standard") and verb_forms("followers") == ()


def test_an_english_statement_names_the_target_noun_by_its_verb() -> None:
    target = related_target("escalation between the two neighbours")
    k = word_index(target, "escalation")
    said = ["They urged both sides not to escalate the situation.", "The shelling escalated overnight."]
    assert all(k in match_spans(target, text) for text in said)
    # must not fire: a statement naming neither the noun nor its verb
    assert k not in match_spans(target, "They urged both sides to return to talks.")


@pytest.mark.parametrize(
    ("about", "word", "said", "not_said"),
    [
        # 承認: recognition (JMdict), whose verb is recognize's seventh sense
        (
            "タリバン政権の承認",
            "承認",
            "They will not be recognised by the world.",
            "They will not be welcomed by the world.",
        ),
        # エスカレート: escalation (JMdict), whose verb no tagged sense uses
        (
            "国境紛争のエスカレート",
            "エスカレト",
            "No army wants the clashes escalating.",
            "No army wants the clashes to go on.",
        ),
    ],
)
def test_a_japanese_target_is_named_in_english_by_the_verb_of_its_gloss(
    about: str, word: str, said: str, not_said: str
) -> None:
    target = related_target(about)
    assert target.english is not None
    k = word_index(target, word)
    assert k in match_spans(target.english, said)
    assert k not in match_spans(target.english, not_said)  # must not fire: neither the gloss nor its verb
