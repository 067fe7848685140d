"""/stance --about relevance, forty-sixth round (issue 11): an English noun found by a verb the sense-tagged corpus
never saw (WordNet's derivations of every verb, `tools/make_english_words.py`: escalation ↔ escalate), in an
English target, an English statement and the English view of a Japanese target; and an English gerund of the
target said in Japanese by the glosses of its verb's noun (completing → completion → 完了), not by what its stem
glosses as another part of speech (complete → 完勝). Each on words of our own, with cases that must not fire."""

from __future__ import annotations

import pytest

from bot.extract.about import gloss_candidates, match_spans, take_glosses, verb_forms
from tests.about_targets import forms_of, related_target, word_index

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


def test_a_japanese_target_is_named_in_english_by_the_verb_of_a_later_sense() -> None:
    # 承認: recognition (JMdict), said "recognised" in an English statement
    target = related_target("タリバン政権の承認")
    assert target.english is not None
    k = word_index(target, "承認")
    assert k in match_spans(target.english, "They will not be recognised by the international community.")
    assert k not in match_spans(target.english, "They will not be welcomed by the international community.")


def test_an_english_statement_names_the_target_noun_by_its_verb() -> None:
    target = related_target("escalation between the two neighbours")
    k = word_index(target, "escalation")
    assert k in match_spans(target, "They urged both sides not to escalate the situation.")
    assert k in match_spans(target, "The shelling escalated overnight.")
    # must not fire: a statement naming neither the noun nor its verb
    assert k not in match_spans(target, "They urged both sides to return to talks.")


def test_a_japanese_target_is_named_in_english_by_the_verb_of_its_gloss() -> None:
    # エスカレート: escalation (JMdict), said "escalating" in an English statement
    target = related_target("国境紛争のエスカレート")
    assert target.english is not None
    k = word_index(target, "エスカレト")
    assert k in match_spans(target.english, "Neither army wants the clashes escalating further.")
    assert k not in match_spans(target.english, "Neither army wants the clashes to go on.")


# --- an English gerund said by the Japanese words of its verb's noun ------------------------------------------


def test_a_gerund_is_said_by_the_glosses_of_its_verbs_noun_first() -> None:
    target = related_target("completing the merger on time")
    k = word_index(target, "completing")
    found = gloss_candidates(target)[k]
    assert "完了" in found  # completion: before, every place went to complete's other senses (完勝, 全快)
    assert found.index("完了") < found.index("完勝")
    take_glosses(target, {k: found}, {"完了", "完勝", "全快"})
    assert target.words[k].glosses[0] == "完了"


def test_a_japanese_statement_names_an_english_gerund_by_its_nouns_gloss() -> None:
    target = related_target("settling the border dispute")
    k = word_index(target, "settling")
    assert "和解" in gloss_candidates(target)[k] or "解決" in gloss_candidates(target)[k]


def test_a_word_typed_as_another_part_of_speech_keeps_its_own_glosses_first() -> None:
    # must not fire: an adjective (a complete ban) and a gerund whose verb has no noun (keeping) read as before
    target = related_target("a complete ban on imports")
    found = gloss_candidates(target)[word_index(target, "complete")]
    assert "完了" not in found[:5]
    assert forms_of(target, "complete")[0] == "complete"
