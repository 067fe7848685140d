"""Positions read by the wording that decides them, forty-third round (issue 11, part 3: negation scope, demands
toward the target, the target's role). Sentences written for these tests in the forms of the LOOK stories'
statements across outlets, none copied from a corpus:

- **approval** 承認 is a stance word as 認め is (「議会は協定を承認した」 supports, 「承認しなかった」 opposes; a condition on
  approval, 「議会の承認を条件に」, stays a condition);
- **an end demanded or made** ("demanded an end to the quota", "agreed to put an end to the fighting") and **dropping
  it** ("urged the government to drop the idea", "dropped its bid": drop before its object only, not "sales dropped")
  oppose the thing ended or dropped, as 中止 and 撤回 do;
- **not the answer** ("Sanctions are not the answer", "aren't the answer") opposes what is said not to be the answer;
  "the only answer" supports; **off the table** and **not on our agenda** oppose what is taken off; **no choice but
  to** (the English 〜ざるを得ない) supports the act it is said of, and composes with a halt ("no option but to halt
  production" is against production);
- **an English refusal before an attitude** ("no plans to oppose the deal", "has no intention of rejecting the bill",
  "not considering rejecting the offer") refuses the attitude: not against the deal, as 「反対する考えはない」 reads;
- **grave concern** (憂慮, as 懸念 already was; "appalled by", "deeply troubled by") opposes what it is about, and
  **an objection** (異議を申し立てる, 異議を唱える, "objected to") what it is to (異議はない, "no objection": support);
- **a term** said as 〜を条件とする (as を条件に was), 〜によっては (depending on), "would require", "would depend on" is a
  condition.

Tried and dropped (full LOOK run): a one-word Latin cue ending in e read in its -ing form too (opposing, urging,
blaming, approving): three LOOK cases lost (an -ing cue newly read ahead of the one that decided: "urging governments
to condemn", "blaming others … demand for his resignation", "Approving the plan … was simply not something I am able
to do") for one gained.
"""

from __future__ import annotations

import pytest

from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("議会は協定を承認した", "協定", "support"),
        ("議会は協定を承認しなかった", "協定", "oppose"),
        ("委員会は新しい計画を承認しない方針だ", "計画", "oppose"),
        ("議会の承認を条件に協定に署名する", "協定", "conditional"),
    ],
)
def test_approval_is_a_stance_word(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Students demanded an end to the quota system.", "quota system", "oppose"),
        ("The two leaders agreed to put an end to the fighting.", "fighting", "oppose"),
        ("He urged the government to drop the idea of an age limit.", "age limit", "oppose"),
        ("The government dropped its plan to raise taxes.", "raise taxes", "oppose"),
        ("The company dropped its bid.", "bid", "oppose"),
    ],
)
def test_an_end_or_a_drop_opposes_what_it_ends(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


def test_a_drop_with_no_object_is_no_halt() -> None:
    assert position_of("Sales dropped sharply last month.", "Sales") == "neutral"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Sanctions are not the answer, she said.", "Sanctions", "oppose"),
        ("Sanctions aren't the answer.", "Sanctions", "oppose"),
        ("Dialogue is the only answer.", "Dialogue", "support"),
        ("He said a tax rise was off the table.", "a tax rise", "oppose"),
        # toward what the halt stops, as 「中止はあり得ない」 is: the query turns it back toward a halt asked about (the
        # forty-fifth round: tests/test_stance_round45_position.py reads it end to end)
        ("Cancellation is not on the agenda.", "Cancellation", "support"),
        ("We may have no choice but to raise rates.", "raise rates", "support"),
        ("We had no option but to halt production.", "production", "oppose"),
    ],
)
def test_the_answer_the_table_and_no_choice(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


def test_taking_an_offer_off_the_table_is_no_stance_phrase() -> None:
    assert position_of("They took the offer off the table.", "offer") == "neutral"  # no be before it


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("He has no intention of rejecting the bill.", "the bill", "support"),
        ("He has no intention of supporting the bill.", "the bill", "oppose"),
        ("She has no plans to oppose the deal.", "the deal", "support"),
        ("The party is not considering rejecting the offer.", "the offer", "support"),
        ("The party has no plans to accept the offer.", "the offer", "oppose"),
        ("She has no plans to block the deal.", "the deal", "support"),  # a halt refused, as before
    ],
)
def test_an_english_refusal_refuses_the_attitude_after_it(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("政府は事態の悪化を深く憂慮している", "事態の悪化", "oppose"),  # 憂慮, as 懸念
        ("極めて憂慮すべき事態だ", "事態", "oppose"),
        ("She said she was appalled by the violence against protesters.", "violence", "oppose"),
        ("He said he was deeply troubled by the escalation.", "the escalation", "oppose"),
    ],
)
def test_grave_concern_opposes_what_it_is_about(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("弁護団は裁判所の管轄権に異議を申し立てると表明した", "管轄権", "oppose"),
        ("住民は計画に異議を唱えた", "計画", "oppose"),
        ("その案に異議はない", "案", "support"),  # no objection
        ("The union objected to the plan.", "the plan", "oppose"),
        ("He said Denmark had no objection to the visit.", "the visit", "support"),
    ],
)
def test_an_objection_opposes_what_it_is_to(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("拠出は議会の承認を条件とすると説明した", "拠出"),
        ("相手の対応によっては、訴訟を起こすことも検討する", "訴訟"),
        ("Any resumption of aid would require the junta to hold elections.", "resumption of aid"),
    ],
)
def test_a_term_said_as_required_or_depending_is_a_condition(text: str, target: str) -> None:
    assert position_of(text, target) == "conditional"
