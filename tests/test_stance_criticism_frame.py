"""Reported criticism, twenty-seventh round (issue 11): a criticism that reports a quote (「…」と非難した, 「…」と反論)
is the speaker's stance toward what the quote is said of, while a target named inside the quote is read by the
quote's own words; and a clause that criticizes, then demands a thing of its own (「…」と批判し、…停戦を求めた), is
against what it reacts to. Sentences written for this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.stance import Claim, position_toward

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ACTORS = ActorIndex([ActorEntry(-2, "山川", None, "person", ["山川一郎"], None)])


def _position(text: str, target: str | None = None) -> str:
    claim = Claim(0, -2, 0, 0, len(text), "reported", (), "")
    at = text.find(target) if target else -1
    hits = [(at, at + len(target))] if target else []
    return position_toward(text, claim, hits, ACTORS)[0]


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        # the target outside the quote, or only before the clause: the criticism is the reading, the quote says why
        ("山川氏は「職務の完全な放棄だ」と首相を非難した。", "首相", "oppose"),
        ("山川氏は「職務の完全な放棄だ」と非難した。", None, "oppose"),
        ("山川氏は「撤回すべきだ」と批判した。", None, "oppose"),
        ("山川氏は、相手の主張は「誤った情報に基づいている」と反論した。", None, "oppose"),
        # the target inside the quote: the quote's own words
        ("山川氏は「停戦合意を守るべきだ」とロシアを非難した。", "停戦合意", "support"),
        ("山川氏は「支援を続けるべきだ」と政府を批判した。", "支援", "support"),
        ("山川氏は「関税は不当だ」と強く反発した。", "関税", "oppose"),
        # the target as what the quote criticizes, with no stance of the quote's own toward it: the verb
        ("山川氏は「国の対応は後手に回っている」と批判した。", "国の対応", "oppose"),
        ("山川氏は「相手は合意の履行を遅らせる口実を探している」と非難した。", "相手", "oppose"),
        ("山川氏は「大統領には期限を延ばし続ける権限はない」と批判した。", "期限", "oppose"),
        ("山川氏は「47億円では桁が違う。速やかに補正予算を組むべきだ」と批判した。", "47億円", "oppose"),
        ("山川氏は「計画的な犯罪で、まったく恥ずべき行為だ」と非難した。", "計画的な犯罪", "oppose"),
        # the quote says the target is not so, or will not be done: its own stance
        ("山川氏は「日本の治安は悪化していない」と反論した。", "悪化", "oppose"),
        ("山川氏は「国民は決して降伏しない」と反論した。", "降伏", "oppose"),
        # a feeling had, and had of necessity (〜を持たざるを得ない): the feeling's sense
        ("山川氏は「捏造と断じたことには、強い不満を持たざるを得ない」と批判した。", "捏造と断じた", "oppose"),
        # a rebuttal of something else, named, is no criticism of the target
        ("山川氏は「新モデルは優れたイノベーションだ」と述べ、市場の悲観論に反論した。", "新モデル", "support"),
    ],
)
def test_a_criticism_reporting_a_quote(text: str, target: str | None, position: str) -> None:
    assert _position(text, target) == position


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        ("山川氏は「パレードの間だけ静かにしたいのだろう」と批判し、30日間の停戦を改めて求めた。", None, "oppose"),
        ("山川氏は過激派を非難し、政府に加害者の処罰を求めた。", None, "oppose"),
        # what is demanded, named as the target, keeps the demand's reading
        ("山川氏は政府の対応を批判し、支援の拡充を求めた。", "支援", "support"),
        # a demand after no criticism is the reading as before
        ("山川氏は会談を評価し、停戦の継続を求めた。", None, "support"),
    ],
)
def test_a_demand_after_a_criticism(text: str, target: str | None, position: str) -> None:
    assert _position(text, target) == position


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        # 〜すればよい / 〜になればいい: a suggestion or a wish, no condition
        ("山川氏は「双方は今いる場所で戦闘をやめ、それぞれが勝利を主張すればよい」と述べた。", "今いる場所", "support"),
        ("山川氏は「制度のあり方を議論するきっかけになればいい」と述べた。", "制度", "support"),
        # a condition before it still conditions it; deciding later is no stance; nor a question
        ("山川氏は「条件が整ったら、参加すればよい」と述べた。", "参加", "conditional"),
        ("山川氏は「追加の制裁は2～3週間後に考えればいい」と述べた。", "制裁", "neutral"),
        ("山川氏は「巌一人が助かればいいとは思っていません」と述べた。", "助か", "neutral"),
    ],
)
def test_a_suggestion_is_no_condition(text: str, target: str, position: str) -> None:
    assert _position(text, target) == position
