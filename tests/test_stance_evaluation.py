"""The general polarity layer (issue 11, thirteenth round, branch pos13): where the position rules read no cue, an
evaluation with no stance verb — 「…は残念だ」, "this outcome is unfortunate", "the board's incompetence" — gives
the position, read with 日本語評価極性辞書 and VADER (`bot/extract/polarity.py`, `bot/data/polarity.json`), with
negation and hedges; and the scope of a negation: trouble said not to exist (「技術的な問題は見当たらない」) is no
denial of what it is said of, and a plan not considered (「…をやめることは一切考えていない」) is opposed. Sentences
written for this test (none from a corpus), each with a counter-example that keeps its reading."""

from __future__ import annotations

import pytest

from bot.extract.polarity import evaluation
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("今回の結果は非常に残念だ", -1),
        ("住民への説明は適切ではない", -1),  # an evaluation negated after it
        ("住民への説明は適切だ", 0),  # a Japanese positive word as it stands decides nothing
        ("住民への説明は不適切ではない", 1),  # a negative one denied does
        ("技術的な問題は見当たらない", 1),  # trouble denied
        ("港で大きな被害が出ている", 0),  # an event a report states, no evaluation
        ("結果は残念かもしれない", 0),  # hedged
        ("This outcome is unfortunate.", -1),
        ("The board's incompetence left the families stranded.", -1),
        ("We are not going to say the bridge is safe before then.", -1),  # the negation reaches over its part
        ("Two people were killed in the fire at the market.", 0),  # events, not evaluations
        ("The United States team will visit the pier.", 0),  # a name, not "united"
        ("He had asked for a lower fine, citing the company's bad debts.", 0),  # a reason's words
        ("The plan may be unfortunate.", 0),  # hedged
    ],
)
def test_evaluation(text: str, value: int) -> None:
    assert evaluation(text) == value


JA = """\
---
title: 市政の反応
published: 2025-11-02
---
佐々木一郎市長は、県の決定について「今回の結果は理不尽だ」と述べた。

佐々木一郎市長は、国の方針について「極めて賢明な方針だ」と述べた。

佐々木一郎市長は、港の被害について「大きな被害が出ている」と述べた。

大野二郎知事は、新しい堤防の計画に「技術的な問題は見当たらない」との見方を示した。

大野二郎知事は、古い水門の計画について「まだ何も決めていない」と述べた。

鈴木四郎社長は「路線バスの運行をやめることは一切考えていない」と述べた。
"""

EN = """\
---
title: Council reactions
published: 2025-11-03
---
Mayor Carol Dunn said the decision to close the pier was unfortunate.

Councillor Ben Ross said the county's handling of the flood plan showed gross incompetence.

Governor Sam Hale said the market had been rebuilt after two people were killed in the fire.
"""


async def test_an_evaluation_with_no_stance_verb(store: Store) -> None:
    for name, text in (("eval-ja.md", JA), ("eval-en.md", EN)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    assert await positions(store, "佐々木", "県の決定", "理不尽") == ["oppose"]
    assert await positions(store, "佐々木", "国の方針", "賢明") == ["neutral"]  # positive as it stands: no decision (方針 names no doing: see test_stance_about_acts)
    assert await positions(store, "佐々木", "港の被害", "被害が出ている") == ["neutral"]
    assert await positions(store, "大野", "堤防の計画", "問題は見当たらない") == ["support"]
    assert await positions(store, "大野", "水門の計画", "決めていない") == ["neutral"]
    assert await positions(store, "鈴木", "路線バスをやめること", "一切考えていない") == ["oppose"]
    assert await positions(store, "Dunn", "closing the pier", "unfortunate") == ["oppose"]
    assert await positions(store, "Ross", "the flood plan", "incompetence") == ["oppose"]
    assert await positions(store, "Hale", "the market", "killed") == ["neutral"]
