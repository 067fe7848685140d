"""Wrong positions by construction (issue 11, nineteenth round, second part): the statement is found, the position
given was wrong. Each construction on sentences written for this test (none from a corpus), with counter-examples
that keep their reading:

- a demand that the target's doer change course (「しっかりしなければならない」「見直すべきだ」, "must do better",
  "should reconsider") criticises what it does: one cue, oppose, not a wish (べき, should) for an act (見直);
- a threat whose condition is the target (「部隊が現れれば、攻撃目標になる」, "if they impose tariffs, we will
  retaliate"): the consequence opposes, and a plain scenario keeps an opposing reading;
- positive evaluations with no stance verb (「優れた〜だ」「意義深い」「画期的」, impressive, invigorating,
  "a significant step");
- a stance declared in one sentence of a statement, and a later sentence with only a weaker cue about another thing
  (「反対という立場に変わりはない。…漁業を続けたいだけだ」): the declared stance is the position toward the target
  named in the context; not after a contrast (しかし, but).
"""

from __future__ import annotations

import pytest

from bot.extract.stance import _combine, _pos_hits, _probe
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _reading(text: str) -> str | None:
    return _combine(_pos_hits(_probe(text)), english=text.isascii())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demand that the doer change course
        ("運営会社はもっとしっかりしなければならない", "oppose"),
        ("政府は補助金の仕組みを根本から見直すべきだ", "oppose"),
        ("会社は経営の姿勢を改めてほしい", "oppose"),
        ("The league must do better", "oppose"),
        ("The ministry should reconsider its approach", "oppose"),
        ("制度を見直す", "support"),  # reviewing done, no demand of a doer: an act
        ("安全対策をしっかりしている", None),  # a description, no demand
        ("We should continue the talks", "support"),
        # a threat
        ("外国の艦船が入れば、攻撃目標になる", "oppose"),
        ("They will retaliate against any new tariffs", "oppose"),
        ("目標を達成したい", "support"),  # 目標 alone is a goal
        # positive evaluations
        ("優れた判断だ", "support"),
        ("意義深い一歩だ", "support"),
        ("画期的な合意だ", "support"),
        ("The new model is impressive", "support"),
        ("It is invigorating to have a rival", "support"),
        ("The ruling is a significant step", "support"),
        ("The result was not impressive", "oppose"),
    ],
)
def test_demands_threats_and_evaluations(text: str, expected: str | None) -> None:
    assert _reading(text) == expected


THREAT = """\
---
title: Trade talks stall
published: 2025-04-02
---
Officials in Norland are weighing new tariffs on imported steel from Sudland.
"If they impose tariffs on our steel, we will retaliate," Sudland Trade Minister Eva Lind said.
"If they impose tariffs, we will support the talks anyway," Sudland Finance Minister Ola Berg said.
"""


async def test_a_threat_whose_condition_is_the_target(store: Store) -> None:
    assert (await ingest_text(store, THREAT, name="threat.md")).status == "added"
    assert await positions(store, "Eva Lind", "tariffs on steel", "retaliate") == ["oppose"]
    assert await positions(store, "Ola Berg", "tariffs on steel", "support the talks") == ["conditional"]


DECLARED = """\
---
title: 処理水の放出始まる
published: 2025-08-24
---
東京電力は24日、処理水の海への放出を始めた。
北浜漁協の森田会長は取材に「反対という立場に変わりはない。私たちは漁業を続けたいだけだ」と話した。
南浜漁協の川口会長は取材に「当初は反対だった。しかし、今は漁業を続けたい」と話した。
"""


async def test_a_declared_stance_outranks_a_later_weaker_cue(store: Store) -> None:
    assert (await ingest_text(store, DECLARED, name="declared.md")).status == "added"
    assert await positions(store, "森田", "処理水の放出", "反対") == ["oppose"]
    assert await positions(store, "川口", "処理水の放出", "しかし") == ["support"]


OBJECT = """\
---
title: Court upholds the app ban
published: 2025-01-20
---
The high court on Friday upheld the ban on the Sudland video app.
"This is a significant step toward stopping the spread of false claims," Interior Minister Jan Holt said.
"We must stop it before it spreads," Senator Mia Dahl said of the ban on the video app.
"""


async def test_an_acts_own_object_is_not_the_target_read_from_context(store: Store) -> None:
    assert (await ingest_text(store, OBJECT, name="object.md")).status == "added"
    assert await positions(store, "Jan Holt", "the court upholding the app ban", "significant step") == ["support"]


COUNTERFACTUAL = """\
---
title: 博覧会の剰余金
published: 2025-10-14
---
博覧会は黒字で閉幕した。
北浜県の森下知事は「赤字だったりすれば、失敗と言われただろう」と述べ、剰余金は記念公園の整備に使うべきだとの考えを示した。
南浜県の川田知事は「黒字が出れば、剰余金は記念公園の整備に使うべきだ」と述べた。
"""


async def test_a_counterfactuals_condition_is_its_own_consequences(store: Store) -> None:
    assert (await ingest_text(store, COUNTERFACTUAL, name="counterfactual.md")).status == "added"
    assert await positions(store, "森下", "剰余金を記念公園の整備に使うこと", "使うべき") == ["support"]
    assert await positions(store, "川田", "剰余金を記念公園の整備に使うこと", "使うべき") == ["conditional"]


WITHDRAWN = """\
---
title: 買収提案の撤回
published: 2025-07-17
---
北浜商事は南浜電機に買収を提案していた。
北浜商事は17日、提案を撤回すると発表した。
"""


async def test_an_act_whose_object_is_the_attitude_keeps_its_reading(store: Store) -> None:
    assert (await ingest_text(store, WITHDRAWN, name="withdrawn.md")).status == "added"
    assert await positions(store, "北浜商事", "南浜電機への買収提案", "撤回") == ["oppose"]
