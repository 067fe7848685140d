"""主張 and 強調 as the verb that reports a quotation (issue 11, twentieth round): 「…だ」と主張した, 「…」と強調した
report what was said, as 述べた does, and take no side of their own; what the quotation says decides the position
(a crime word the evaluation lexicons read: 「純然たる誘拐だ」). Said of a noun (「無罪を主張した」) 主張 still takes
its side. Sentences written for this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.extract.stance import _pos_hits, _probe
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _cues(text: str) -> list[tuple[str, str, int]]:
    probe = _probe(text)
    return [(probe[h.start : h.end], h.kind, h.pol) for h in _pos_hits(probe)]


@pytest.mark.parametrize(
    "text",
    [
        "弁護士は拘束について「明白な誘拐だ」と主張した。",
        "首相は「対話が重要だ」と強調した。",
        "外相は「主権の侵害だ」と改めて主張した。",
    ],
)
def test_the_verb_that_reports_a_quotation_is_no_cue(text: str) -> None:
    assert [c for c in _cues(text) if c[0] in ("主張", "強調")] == []


@pytest.mark.parametrize("text", ["弁護団は無罪を主張した。", "野党は政権交代を改めて主張した。"])
def test_said_of_a_noun_it_takes_its_side(text: str) -> None:
    assert ("主張", "att", 1) in _cues(text)


ARTICLE = """\
---
title: 元大統領の身柄引き渡し、弁護側が反発
published: 2025-03-14
---
元大統領は11日に逮捕され、国外に移送された。
弁護人の山本太郎氏は法廷で、元大統領の逮捕と移送について「純然たる誘拐だ」と主張した。
"""


async def test_the_quotation_decides(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="frame.md")).status == "added"
    assert await positions(store, "山本太郎", "元大統領の逮捕と移送", "純然たる誘拐") == ["oppose"]
