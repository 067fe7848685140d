"""/stance --about asked in English over Japanese statements (issue 11, thirty-third round): an English head said in
the Japanese clause by the store's Japanese words for it is named there (the act the actor announces is done, not a
neutral mention), the target is located at its other Japanese words where the clause says none of its head, and a
demand after 遺憾 or 懸念 is the counter-proposal to what the clause reacts to. On articles and sentences of our own,
with counter-examples."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, add_related, parse_target
from bot.extract.stance import Claim
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import _read_claim, stance_about
from bot.store import Store
from bot.store.about import DocHead
from tests.test_stance_criticism_frame import ACTORS, _position

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 山川知事、県議会との関係修復へ
published: 2025-03-10
---
山川一郎知事は9日、県庁で記者団の取材に応じた。
山川一郎知事は「県議会との関係を修復していく」と語った。
"""


async def _positions(store: Store, actor: str, about: str, evidence: str) -> list[str]:
    report = await stance_about(store, actor, about)
    return [s.position for s in report.statements if evidence in s.text]


async def test_an_english_head_said_in_the_japanese_clause_is_the_act_done(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="repair.md")).status == "added"
    # "repairing" said by 修復 in the actor's own clause: the actor does it (as 「関係修復」 asked in Japanese would)
    assert await _positions(store, "山川一郎", "repairing relations with the assembly", "修復していく") == ["support"]
    assert await _positions(store, "山川一郎", "県議会との関係修復", "修復していく") == ["support"]


def _peace_target() -> Target:
    target = parse_target("making the other side give things up for peace", ActorIndex([]), {})
    for w in target.words:
        w.weight = 1.0
        if w.form == "peace":
            w.glosses = ["和平"]  # as `take_glosses` keeps it where the store holds it
    add_related(target)
    return target


@pytest.mark.parametrize(
    ("text", "position"),
    [
        # no word of the head (give up) in the clause: read where it says "peace" (和平), not at its last demand
        (
            "山川氏は、和平案には相手側の譲歩が一つも含まれていないと指摘し、軍の規模にこそ上限を設けるべきだと訴えた。",
            "oppose",
        ),
        ("山川氏は「和平案は受け入れられない」と語り、協議の継続を求めた。", "oppose"),
        # counter-example: welcomed where it is named, the demand after it keeps the reading
        ("山川氏は「和平案を歓迎する」と語り、協議の継続を求めた。", "support"),
    ],
)
def test_an_english_target_is_located_at_its_other_japanese_words(text: str, position: str) -> None:
    claim = Claim(0, -2, 0, 0, len(text), "reported", (), "")
    found = _read_claim(_peace_target(), claim, text, DocHead(1, "a.md", "", None, None, None), ACTORS, 0.0)
    assert found is not None and found[1] == position


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
