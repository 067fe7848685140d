"""Wrong positions by construction, twenty-fourth round (issue 11): the verb that reports a finished clause
(「…したと主張」, 「…損なわれたと訴え」) takes no side of its own, as after a quotation; a review demanded of another
(「見直しを迫った」) opposes what is to be reviewed; halting the target's own halt (「廃止は撤回すべきだ」) opposes the
halt; an act asked about (「…に当たるかどうか」) or one the actor only takes note of (「格下げに留意する」) is no deed
of the actor's. Sentences written for this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.extract.stance import declined_at
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions
from tests.test_stance_said_frame import _cues

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    "text",
    [
        "党首は、首相が野党の了解を得て人選したと主張した。",
        "局長は、予算の削減で対応能力が損なわれたと訴えた。",
        "広報担当者は、政党色を排した抗議だと強調した。",
        "外相は「制裁は国民を苦しめているだけだ」と訴えた。",
    ],
)
def test_the_verb_that_reports_a_finished_clause_is_no_cue(text: str) -> None:
    assert [c for c in _cues(text) if c[0] in ("主張", "強調", "訴え")] == []


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("代表は被害者の救済を訴えた。", "訴え"),
        ("弁護団は無罪を主張した。", "主張"),
        ("市長は「国として考えてほしい」と訴えた。", "訴え"),  # appealing for what is asked
    ],
)
def test_said_of_a_noun_it_still_takes_its_side(text: str, verb: str) -> None:
    assert [c for c in _cues(text) if c[0] == verb] == [(verb, "att", 1)]


@pytest.mark.parametrize(
    "text", ["会長は制度の見直しを迫った。", "知事は計画の見直しを強く求めた。", "議員団は方針の再考を促した。"]
)
def test_a_review_demanded_is_one_oppose_cue(text: str) -> None:
    assert [c[1:] for c in _cues(text)] == [("att", -1)]


def test_taking_note_is_declining_to_judge() -> None:
    text = "財務相は声明で、格下げに「留意する」と表明した。"
    at = text.index("留意")
    target = (text.index("格下げ"), text.index("格下げ") + 3)
    assert declined_at(text, at, [target])
    other = "社長は辞任の時期については「適切な時機を見極めたい」と述べた。"
    assert not declined_at(other, other.index("見極め"), [(3, 5)])  # the timing is weighed, not the resignation
    assert not any(c[0] == "留意" for c in _cues("留意事項を周知徹底した上で再開する。"))  # the noun: no cue


ARTICLE = """\
---
title: 新制度をめぐり各界が反応
published: 2025-05-20
---
政府は20日、紙の保険証の廃止と、中小企業向けの社会保険料の減免の縮小を決めた。
山田一郎会長は、社会保険料の減免の縮小について「多くの雇用を失わせる」と警告し、見直しを迫った。
佐藤花子会長は「現場の混乱は続いている。廃止は撤回すべきだ」と訴えた。
鈴木次郎長官は、両社の提携が企業結合に当たるかどうかについて意見募集を始めた。
高橋三郎財務相は声明で、格付け会社による格下げに「留意する」と表明した。
"""


async def test_positions_toward_the_target_asked_about(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="round24.md")).status == "added"
    assert await positions(store, "山田一郎", "社会保険料の減免の縮小", "見直しを迫った") == ["oppose"]
    assert await positions(store, "佐藤花子", "紙の保険証の廃止", "撤回すべき") == ["oppose"]
    assert await positions(store, "鈴木次郎", "両社の提携", "当たるかどうか") == ["neutral"]
    assert await positions(store, "高橋三郎", "格付け会社による格下げ", "留意する") == ["neutral"]
