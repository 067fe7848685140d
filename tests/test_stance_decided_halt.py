"""A reaction to the decision that made a halt (issue 11, twentieth round). A Japanese target that names a halt and
then the decision or policy behind it (「政府がオブザーバー参加を見送った判断」, 「関税引き上げを見送る方針」) is answered
by a statement about that decision: when the clause names the decision (判断, 方針) and not the thing halted, its
position is toward the halt itself and is not turned. A statement that names the thing halted is still turned (to
call for the aid is to oppose its halt), and so is a target that ends in its halt (「支援の停止」). Sentences written
for this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import decided_halt_words, parse_target
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 核禁条約会議、政府はオブザーバー参加を見送り
published: 2025-02-18
---
政府は18日、核兵器禁止条約の締約国会議へのオブザーバー参加を見送ると発表した。
山田一郎代表は同日、記者団に「政府の判断は極めて残念だ」と述べた。
佐藤花子議員は「政府の判断を評価したい」と語った。
鈴木次郎議員は「オブザーバーとして参加すべきだ」と訴えた。
"""

AID = """\
---
title: 支援停止を発表
published: 2025-03-04
---
政府は4日、ウクライナへの支援の停止を発表した。
高橋三郎議員は「支援は続けるべきだ」と述べた。
"""


def test_the_words_after_a_japanese_halt_name_the_decision() -> None:
    actors = ActorIndex([])
    target = parse_target("政府がオブザーバー参加を見送った判断", actors, {})
    assert {target.words[k].form for k in decided_halt_words(target)} == {"判断"}
    assert decided_halt_words(parse_target("支援の停止", actors, {})) == set()  # it ends in its halt
    assert decided_halt_words(parse_target("the decision to forgo observer status", actors, {})) == set()


async def test_a_reaction_to_the_decision_is_toward_the_halt(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="halt.md")).status == "added"
    about = "政府がオブザーバー参加を見送った判断"
    assert await positions(store, "山田一郎", about, "極めて残念") == ["oppose"]
    assert await positions(store, "佐藤花子", about, "評価したい") == ["support"]
    # naming the thing halted (参加) is still turned: calling for it opposes the halt
    assert await positions(store, "鈴木次郎", about, "参加すべき") == ["oppose"]


async def test_a_target_that_ends_in_its_halt_is_still_turned(store: Store) -> None:
    assert (await ingest_text(store, AID, name="aid.md")).status == "added"
    assert await positions(store, "高橋三郎", "支援の停止", "続けるべき") == ["oppose"]
