"""The position toward the target asked about where no stance word decides and the polarity layer reads the
sentence (issue 11, part 3, forty-eighth round). Sentences written for these tests, none copied from a corpus:

- **an event is no evaluation in Japanese either**: VADER's English events ("emergency", "stop", "support") were
  left out of the lexicon, their Japanese words were not (緊急 and 非常 read as blame: 「緊急支援を行う」 opposed the
  aid, 「非常に重要だ」 was bad). `tools/make_polarity.py` now leaves out the Japanese entries JMdict glosses as one
  of those events (`_event_glossed`), in the predicates and the predicate nouns alike;
- **the good thing a negative word harms** ("threaten innovation", "more harm than good") is what is harmed, no
  praise of the target: the positive word right after a negative one (an article or a possessive between) is not
  counted (`polarity._english`);
- **the conditional 〜ば of every verb** (示せば, 進めば, 開けば, 急げば, 使えば): only 〜れば and 〜ければ were read as
  a condition, so 「証拠を示せば検討する用意がある」 was support (`conditional` in `bot/data/positions.json`); not
  例えば, 言えば (「本音を言えば」), 思えば, 〜てばかり, 〜ねばならない; a plain scenario under it with a bad outcome
  (「一度払えば、また狙われかねない」) stays opposition, as one under 〜れば does (`stance._SCENARIO_RX`).
"""

from __future__ import annotations

import pytest

from bot.extract.evaluation_lexicon import polarity_data
from bot.extract.polarity import evaluation
from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def test_event_words_glossed_as_events_are_left_out_of_the_japanese_lexicon() -> None:
    data = polarity_data()
    for word in ("緊急", "非常"):
        assert word not in data["ja"]
        assert word not in data["ja_nouns"]
    # evaluations stay
    assert data["ja"].get("残念") == -1
    assert data["ja_nouns"].get("暴挙") == -1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an emergency measure or aid is stated, not judged
        ("政府は被災地への緊急の支援を決めたと発表した。", 0),
        ("市は緊急の対策会議を開き、避難所を設けた。", 0),
        # 非常に is "very": it carries the word it qualifies
        ("今回の合意は非常に重要な一歩だ。", 0),
        ("今回の判断は非常に残念だ。", -1),
        # a harm done to a good thing is bad
        ("The new rules threaten innovation.", -1),
        ("Such measures could do more harm than good.", -1),
        ("The cuts would hurt their families.", -1),
        # a good thing with nothing harming it is still good, a bad one bad
        ("It is a good and fair settlement.", 1),
        ("The decision was a terrible mistake.", -1),
    ],
)
def test_evaluation(text: str, expected: int) -> None:
    assert evaluation(text) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("The governor said the curfew could do more harm than good.", "the curfew", "oppose"),
        ("The senator said the tariffs would threaten innovation.", "the tariffs", "oppose"),
        # an emergency aid announced: no blame of the aid (the act done is read by `/stance --about`, not here)
        ("知事は、県として被災者への緊急支援を行うと発表した。", "支援", "neutral"),
    ],
)
def test_position(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("外相は、相手が証拠を示せば協議に応じる用意があると述べた。", "協議", "conditional"),
        ("大臣は、交渉が前に進めば制裁の解除もあり得ると述べた。", "制裁の解除", "conditional"),
        ("社長は、需要が続けば増産に踏み切ると語った。", "増産", "conditional"),
        ("The minister said he would back the deal if the tariffs were cut.", "the deal", "conditional"),
        # a plain scenario with a bad outcome stays opposition, as under 〜れば (`stance._SCENARIO_RX`)
        ("担当者は「一度でも払えば、また狙われかねない」と指摘した。", "払え", "oppose"),
        # no condition: a figure of speech, a duty, a habit
        ("知事は「例えば、増税も検討すべきだ」と述べた。", "増税", "support"),
        ("市長は「本音を言えば、計画は撤回してほしい」と話した。", "計画", "oppose"),
        ("首相は、改革は進めねばならないと強調した。", "改革", "support"),
    ],
)
def test_every_verbs_conditional(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected
