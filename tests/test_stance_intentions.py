"""Intentions and refusals said as news Japanese reports them (issue 11, seventeenth round), each tested on
sentences written for this test (none from a corpus), with counter-examples that must keep their reading:

- a plan or intention after a verb supports doing it (〜する方針, 〜する意向を示した, 〜する考えを示した, 〜の方向で
  検討, the volitional 〜しよう(と思う)); after a cue it only carries that cue (応じない方針 opposes, 明言するのは
  慎もう opposes); not another's plan named as what is asked about (「…する方針であることについては」), not a
  conjecture (だろう);
- a plan or reason said not to exist opposes the act named before it (変更する意向はない, 遅らせる理由は見当たらない);
  after an attitude it negates that attitude (反対する考えはない supports, 受け入れる考えはない opposes);
- a deed or fact denied opposes the claim that it happened (賭けたことは一度もない, そのような事実は存在しない,
  …を示す証拠はない, "no evidence"); not an exclamation (こんなにうれしいことはない);
- a request verb after a cue it answers (「提案に応じない」: 応じ with the proposal as its object) is read on its own,
  not as carrying that cue as 「拒否するよう求めた」 does."""

from __future__ import annotations

import pytest

from bot.extract.stance import _combine, _pos_hits, _probe
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _reading(text: str) -> str | None:
    return _combine(_pos_hits(_probe(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("漁協は新しい網を購入する方針を決めた", "support"),
        ("市は条例の改正を議会に提案する意向を示した", "support"),
        ("知事は予定どおり開催する考えを示した", "support"),
        ("制度の導入の方向で検討している", "support"),
        ("なるべく早く現地を訪ねようと思う", "support"),
        ("組合は会社の賃金案を受け入れない方針だ", "oppose"),  # the plan carries the cue before it
        ("参加を見送る方針を決めた", "oppose"),
        ("具体的に明言するのは慎もう", "oppose"),
        ("価格は最善であり、変更する意向はない", "oppose"),
        ("これ以上、採決を遅らせる理由は見当たらない", "oppose"),
        ("改正案に反対する考えはない", "support"),  # a refusal after an attitude negates the attitude
        ("改正案を受け入れる考えはない", "oppose"),
        ("来年も混雑するだろう。", None),  # a conjecture, no will
        ("との考えを示した", None),  # a view reported, no act intended
        ("同盟への加盟を認めないという方針を表明した", "oppose"),  # という: the cue's plan
        ("試合に賭けたことは一度もない", "oppose"),
        ("報じられたような事実は存在しない", "oppose"),
        ("不正を認めていたことを示す証拠はない", "oppose"),
        ("There is no evidence that the mayor knew of the payments", "oppose"),
        ("こんなにうれしいことはない", None),
        ("組合は会社の提案に応じない", "oppose"),
        ("会社の提案に応じる考えだ", "support"),
        ("参加を拒否するよう求めた", "oppose"),  # a request still carries the attitude said before it
    ],
)
def test_intention_and_refusal_cues(text: str, expected: str | None) -> None:
    assert _reading(text) == expected


def test_another_s_plan_named_as_the_question_is_no_cue() -> None:
    assert _reading("組合が提訴する方針であることについては、「承知している」と話した") is None


ARTICLE = """\
---
title: 各地の対応
published: 2025-11-04
---
北浜漁協は5日に組合員で話し合い、流された定置網を新たに購入する方針を決めた。

西川二郎市長は記者団に「新しい体育館の建設に反対する考えはない」と述べた。

東野三郎社長は「提示した買収価格は妥当であり、変更する意向はない」と強調した。

南田四郎知事は会見で「審議を先送りする理由は見当たらない」と述べた。
"""


async def test_intentions_toward_the_target(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="intentions.md")).status == "added"
    assert await positions(store, "北浜漁協", "定置網を買い直すこと", "購入する方針") == ["support"]
    assert await positions(store, "西川", "新しい体育館の建設", "反対する考えはない") == ["support"]
    assert await positions(store, "東野", "買収価格の変更", "変更する意向はない") == ["oppose"]
    assert await positions(store, "南田", "審議の先送り", "先送りする理由は見当たらない") == ["oppose"]
