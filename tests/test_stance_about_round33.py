"""/stance --about asked in English over Japanese statements (issue 11, thirty-third round): an English head said in
the Japanese clause by the store's Japanese words for it is named there (the act the actor announces is done, not a
neutral mention), and a demand after 遺憾 or 懸念 is the counter-proposal to what the clause reacts to. On articles
and sentences of our own, with counter-examples."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store
from tests.test_stance_criticism_frame import _position

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 山川知事、県議会との関係修復へ
published: 2025-03-10
---
山川一郎知事は9日、県庁で記者団の取材に応じた。
山川一郎知事は「県議会との関係を修復していく」と語った。
北川次郎議長は、県議会との関係を修復するかどうか問われ、「今は答えを控えたい」と述べた。
"""


async def _positions(store: Store, actor: str, about: str, evidence: str) -> list[str]:
    report = await stance_about(store, actor, about)
    return [s.position for s in report.statements if evidence in s.text]


async def test_an_english_head_said_in_the_japanese_clause_is_the_act_done(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="repair.md")).status == "added"
    # "repairing" said by 修復 in the actor's own clause: the actor does it (as 「関係修復」 asked in Japanese would)
    assert await _positions(store, "山川一郎", "repairing relations with the assembly", "修復していく") == ["support"]
    assert await _positions(store, "山川一郎", "県議会との関係修復", "修復していく") == ["support"]
    # counter-example: the act only the question put to the actor, who declines to say: no act done
    found = await _positions(store, "北川次郎", "repairing relations with the assembly", "控えたい")
    assert "support" not in found


@pytest.mark.parametrize(
    ("text", "position"),
    [
        # the concern or regret is the reaction to what the clause is said of, the demand the counter-proposal
        ("山川氏は「深刻な懸念を表明する。事態が悪化しないよう、即時停戦を求める」と述べた。", "oppose"),
        ("山川氏は「極めて遺憾だ」と述べ、速やかな説明を求めた。", "oppose"),
        ("山川氏は「結果が民意を反映していないと懸念している」と述べ、詳しく公表するよう求めた。", "oppose"),
        # counter-example: a demand after a welcome stays a demand's reading
        ("山川氏は「合意を歓迎する」と述べ、着実な実施を求めた。", "support"),
    ],
)
def test_a_demand_after_regret_or_concern(text: str, position: str) -> None:
    assert _position(text) == position
