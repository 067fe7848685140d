"""The position from the predicate that governs a Japanese target word, where no cue of the rules decides
(`stance._predicate_evaluated`): its head word's polarity in the kept lexicons (日本語評価極性辞書's predicates and
nouns, `polarity.predicate_polarity`), a positive word counting as it stands since it is said of the target, turned
by its negation; and a target that names trouble or blame (責任, 懸念, 過失, 問題) read by whether the clause says it
is there, not by its own negative word (`stance._names_trouble`; not a target only judged badly, 増税)."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.polarity import predicate_polarity
from bot.extract.stance import Claim, position_toward

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ACTORS = ActorIndex([ActorEntry(-2, "山川", None, "person", ["山川一郎"], None)])


def _position(text: str, target: str) -> str:
    at = text.find(target)
    claim = Claim(0, -2, 0, 0, len(text), "reported", (), "")
    return position_toward(text, claim, [(at, at + len(target))], ACTORS)[0]


@pytest.mark.parametrize(
    ("head", "polarity"),
    [("有効", 1), ("悪化", -1), ("暴挙", -1), ("有る", 0), ("述べる", 0), ("受ける", 0), ("良い", 0)],
)
def test_predicate_polarity(head: str, polarity: int) -> None:
    assert predicate_polarity(head) == polarity


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        # a positive predicate said of the target (the sentence-wide read leaves a positive word as it stands)
        ("山川氏は「警護隊の警護手法は昨日、有効に機能した」と述べた。", "警護手法", "support"),
        # a negative predicate whose subject is the target, with no stance word
        ("山川氏は「増税は景気を悪化させる」と述べた。", "増税", "oppose"),
        # trouble or blame said to be there: the claim that it is, not opposition to it
        ("山川氏は「全ての責任は劇団にある」と述べた。", "責任", "support"),
        ("山川氏は「重大な懸念がある」と述べた。", "懸念", "support"),
        # said not to be there
        ("山川氏は「過失はなかった」と述べた。", "過失", "oppose"),
    ],
)
def test_governing_predicate_decides(text: str, target: str, position: str) -> None:
    assert _position(text, target) == position


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        # trouble judged by a positive word is not support of the trouble (「問題は解決した」 says it is gone)
        ("山川氏は「問題は解決した」と述べた。", "問題", "neutral"),
        # a verb whose meaning is its object's (衝撃を受ける) is no positive word said of the target
        ("山川氏は「取締役会が今日したことに衝撃を受けた」と述べた。", "取締役会", "neutral"),
        # a cue of the rules keeps its reading: the lexicon is only the fallback
        ("山川氏は「増税には反対だ」と述べた。", "増税", "oppose"),
        ("山川氏は「合意を強く支持する」と述べた。", "合意", "support"),
    ],
)
def test_no_reading_beyond_the_predicate(text: str, target: str, position: str) -> None:
    assert _position(text, target) == position
