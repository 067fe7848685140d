"""Positions read in context, forty-fifth round (issue 11, part 3: oppose read as support). Sentences written for
these tests in the forms news statements take across outlets, none copied from a corpus:

- **a halt named by its noun in the English subject** ("Cancellation is not on our agenda", "The suspension of aid
  is unacceptable") is what the predicate after the target is said of: the halt composes with that attitude, as
  Japanese reads 「延期はあり得ない」 (the reading is toward what the halt stops; the query turns it back toward a
  halt asked about). Only the English word order read the cue before the target, the halt alone;
- **a Latin name in a Japanese part** (「ANCとDAの連携には賛成できない」) is read in Japanese order, by the predicate
  after it: a cue before it in the same part (「敗北を受け入れたうえで「…」) says nothing of it;
- **words of opposition** the lexicon lacked: "not an option", "take issue with", "push back against", a veto (拒否権を
  行使), calling a bid one that "undervalues" the company, "unnecessary" / "disproportionate" force, a
  "witch hunt" (魔女狩り), "was a genuine problem" / "would be a direct threat to"; 「国民の理解は得られない」 (the
  public's understanding said not to be won), 「説明が足りない」 (the explanation said to be lacking), 「見通しが甘い」
  (a lax outlook), 「根拠のない主張」, 「それはおかしい」, 「住民投票になじまない」, 「筋が違う」, a violation called (違反だ,
  "a clear violation of"); and "did not recognise" (recognise: an attitude of support, negated);
- **a need said with a comma or 〜限り** (「…にしなければ、生活も守れない」「一番にならない限り生き残れない」) is no
  condition, as 〜なければ…できない already was; a term on a stance act (「譲歩しなければ、賛成できない」) stays one;
- **a deed said never to happen** (「職にとどまることはない」) is the act not done (negated_act);
- **a backing of another thing after a criticism** (「計画を批判し、捜査を支持する考えを示した」) is the counter-stance,
  as a demand of one's own after a criticism already was;
- **a term named** as the predicate (「欠かせない条件だ」, 〜場合に限られる, "as a condition of", "provided there is",
  "when conditions allow", "only once") is a condition; "provided" as a verb is none.
"""

from __future__ import annotations

import pytest

from bot.extract.negated_act import act_negated
from bot.extract.stance import Claim, position_read
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.stance_clauses import ONE_SPEAKER, position_of
from tests.test_stance_positions_news import positions

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
        ("He said the use of force was unnecessary and disproportionate.", "the use of force"),
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


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("組合は「会社を変える一歩にしなければ、社員の暮らしも守れない」と話した", "会社を変える一歩", "support"),
        ("社長は「技術で一番にならない限り生き残れない」と述べた", "一番", "support"),
        ("首相は「輸出の仕組みを持たなければ、計画を実現することが難しくなる」と述べた", "輸出の仕組み", "support"),
        # a term on a stance act stays a condition
        ("彼は「政府が譲歩しなければ、法案には賛成できない」と述べた", "法案", "conditional"),
    ],
)
def test_a_need_said_with_a_comma_or_kagiri_is_no_condition(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ('"If they refuse to hand him over, it will be a clear violation of the treaty," he said.', "they"),
        ("彼は「この措置は協定違反だ」と述べた", "この措置"),
        ("彼は「制度の変更を閣議だけで決めるのは筋が違う」と述べた", "制度の変更"),
    ],
)
def test_a_violation_and_a_wrong_course_oppose(text: str, target: str) -> None:
    assert position_of(text, target) == "oppose"


@pytest.mark.parametrize(
    ("text", "target", "negated"),
    [
        ("任期を超えて職にとどまることはない", "職にとどまる", True),
        ("辞任することは決してない", "辞任", True),
        ("辞任することもある", "辞任", False),
        ("来月にも辞任する", "辞任", False),
    ],
)
def test_a_deed_said_never_to_happen_is_not_done(text: str, target: str, negated: bool) -> None:
    at = text.find(target)
    assert act_negated(text, [(at, at + len(target))]) is negated


ENGLISH_HALTS = """\
---
title: Games and aid
published: 2025-08-01
---
"Cancellation of the festival is not on our agenda," Mayor Jonathan Pryce wrote in a letter on Sunday.
"The suspension of food aid is unacceptable," said Senator Laura Whitcombe.
"""


async def test_a_halt_in_the_subject_end_to_end(store: Store) -> None:
    """Asked about the halt, the reading is the halt's (turned back by the query); asked about what it stops, the
    other way."""
    assert (await ingest_text(store, ENGLISH_HALTS, name="halts.md")).status == "added"
    assert await positions(store, "Pryce", "the cancellation of the festival", "not on our agenda") == ["oppose"]
    assert await positions(store, "Pryce", "the festival", "not on our agenda") == ["support"]
    assert await positions(store, "Whitcombe", "the suspension of food aid", "unacceptable") == ["oppose"]
    assert await positions(store, "Whitcombe", "food aid", "unacceptable") == ["support"]


def _main_reading(text: str) -> str:
    """The position of a clause whose target is named only in its context (no hit in the clause)."""
    return position_read(text, Claim(0, -1, 0, 0, len(text), "reported", (), ""), [], ONE_SPEAKER)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a criticism, then the backing of another thing named as its object: the criticism is the stance
        ("首相は計画を強く批判し、警察による捜査を支持する考えを示した。", "oppose"),
        # counter-examples: a backing alone, or of the thing pointed back at, is support
        ("首相は新たな枠組みを支持する考えを示した。", "support"),
        ("首相は計画を強く批判したが、その後これを支持する考えを示した。", "support"),
    ],
)
def test_backing_another_thing_after_a_criticism(text: str, expected: str) -> None:
    assert _main_reading(text) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("彼は「減税の実施は絶対に欠かせない条件だ」と述べた", "減税の実施", "conditional"),
        ("長官は「保証は当局が必要と判断した場合に限られる」と述べた", "保証", "conditional"),
        ("The party said it could back the bill provided there is enough debate.", "the bill", "conditional"),
        ("The bank sought state guarantees as a condition of the merger.", "the merger", "conditional"),
        ("She said she would visit Beijing when conditions allow.", "Beijing", "conditional"),
        ("The plant will restart only once safety has been confirmed.", "restart", "conditional"),
        # counter-example: provided as a verb sets no term
        ("The government provided aid to the victims.", "aid", "support"),
    ],
)
def test_a_term_named_as_a_condition(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("副首相は物資について「両国の友情を示すものだ」と謝意を示した。", "物資"),
        ("委員長は判決を「職員にとって大きな勝利だ」と述べた。", "判決"),
        ("The union called the ruling a victory for workers.", "the ruling"),
    ],
)
def test_gratitude_and_a_victory_support(text: str, target: str) -> None:
    assert position_of(text, target) == "support"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("学校は、生徒へのいじめは「確認できなかった」と結論づけた。", "生徒へのいじめ", "oppose"),
        ("He said there was no indication so far that the fire was set deliberately.", "the fire", "oppose"),
        # counter-example: a fact of the day, no finding denied
        ("市は、住民の安否が確認できていないと述べた。", "住民", "neutral"),
    ],
)
def test_a_finding_denied(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected
