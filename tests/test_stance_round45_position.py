"""Positions read in context, forty-fifth round (issue 11, part 3: oppose read as support). Sentences written for
these tests in the forms news statements take across outlets, none copied from a corpus:

- **a halt named by its noun in the English subject** ("Cancellation is not on our agenda", "The suspension of aid
  is unacceptable") is what the predicate after the target is said of: the halt composes with that attitude, as
  Japanese reads 「延期はあり得ない」 (the reading is toward what the halt stops; the query turns it back toward a
  halt asked about). Only the English word order read the cue before the target, the halt alone;
- **a Latin name in a Japanese part** (「ANCとDAの連携には賛成できない」) is read in Japanese order, by the predicate
  after it: a cue before it in the same part (「敗北を受け入れたうえで「…」) says nothing of it;
- **words of opposition** the lexicon lacked: "not an option", "take issue with", "push back against", a veto (拒否権を
  行使), calling a bid one that "undervalues" the company, "unnecessary" / "excessive" / "disproportionate" force, a
  "witch hunt" (魔女狩り), "was a genuine problem" / "would be a direct threat to"; 「国民の理解は得られない」 (the
  public's understanding said not to be won), 「説明が足りない」 (the explanation said to be lacking), 「見通しが甘い」
  (a lax outlook); and "did not recognise" (recognise: an attitude of support, negated).
"""

from __future__ import annotations

import pytest

from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # toward what the halt stops (the query turns it back toward a halt asked about): against the halt
        ("Cancellation is not on our agenda, the chairman said.", "Cancellation", "support"),
        ("A postponement would be a mistake, she said.", "postponement", "support"),
        ("Withdrawal is not an option for us.", "Withdrawal", "support"),
        ("The suspension of aid is unacceptable, he said.", "aid", "support"),
        # for the halt: a halt welcomed is against what it stops
        ("A withdrawal of troops would be welcome, he said.", "troops", "oppose"),
    ],
)
def test_an_english_halt_in_the_subject_composes_with_its_predicate(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # counter-examples: a halt's verb before its object, an attitude before the halt: read as before
        ("He welcomed the suspension of aid.", "aid", "oppose"),
        ("They want to stop the aid.", "the aid", "oppose"),
        ("The cancellation of the concert was announced on Friday.", "concert", "oppose"),
    ],
)
def test_a_halt_governed_by_a_verb_before_it_is_read_as_before(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("党首は敗北を受け入れたうえで「AとBの連携には賛成できない」と述べた", "AとB", "oppose"),
        ("首相は交渉を重ねたうえでNATO加盟を支持すると述べた", "NATO", "support"),
        ("首相は慎重論を退けたうえでEU加盟を支持すると述べた", "EU", "support"),
    ],
)
def test_a_latin_name_in_a_japanese_part_is_read_by_the_predicate_after_it(
    text: str, target: str, expected: str
) -> None:
    assert position_of(text, target) == expected


def test_an_english_target_keeps_english_order() -> None:
    assert position_of("He said he would not accept the ANC deal.", "ANC") == "oppose"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The company has pushed back against calls to cut the price.", "calls to cut the price"),
        ("We take issue with the ruling on the border.", "the ruling"),
        ("The board said the offer grossly undervalues the company.", "the offer"),
        ("He said the use of force was unnecessary and excessive.", "the use of force"),
        ("She said the pricing was a genuine problem.", "the pricing"),
        ("They warned that an invasion would be a direct threat to the region.", "an invasion"),
        ("The government did not recognise the new council.", "the new council"),
        ("The president vetoed the bill on Friday.", "the bill"),
        ("A ceasefire is not an option, the commander said.", "A ceasefire"),
        ("大統領は法案に拒否権を行使する方針を示した", "法案"),
        ("彼は「この判決は魔女狩りだ」と述べた", "この判決"),
        ("彼は「説明のないまま増税しても、国民の理解は得られない」と述べた", "増税"),
        ("議員は計画について「住民への説明がまったく足りない」と指摘した", "計画"),
        ("野党は新制度について、財源の見通しが甘いと批判した", "新制度"),
    ],
)
def test_words_of_opposition(text: str, target: str) -> None:
    assert position_of(text, target) == "oppose"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("The government recognised the new council.", "the new council", "support"),
        ("We may have no option but to postpone the vote.", "the vote", "oppose"),  # a halt: against the vote held
        ("彼は「計画には住民の理解が得られる」と述べた", "計画", "neutral"),
    ],
)
def test_their_counter_examples(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected
