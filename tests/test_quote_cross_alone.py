"""/quote across languages: a rendering whose words the glossary links only in part is taken when its quotation is
the only one that comes near (`quote_cross.ALONE_MIN`, `ALONE_LEAD`), and the claim check still reads it. Articles
of our own; both backends (the `store` fixture)."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import find_quote, quote_cross
from bot.services.quote_cross import Ranked
from bot.store import Store

HARBOUR_EN = """\
---
title: Fishing town counts the cost of the quake
url: https://example.com/world/fishing-town-0310
published: 2025-03-10
---
SUZU, Japan, March 10 (Example) - Half of the town's fishing boats sank or were thrown onto the quay when the seabed rose by up to four metres.
"We will rebuild the harbour, but the fishermen cannot wait another winter for it," said Kenji Mori, the head of the local fishing cooperative.
The prefecture plans to build 3,000 temporary homes by the end of April.
"""


@pytest.fixture
async def harbour(store: Store) -> Store:
    assert (await ingest_text(store, HARBOUR_EN, name="harbour_en.md")).status == "added"
    return store


async def test_a_rendering_said_in_part_is_found_when_no_other_quotation_comes_near(harbour: Store) -> None:
    # 耐える余裕 says "cannot wait" in words the glossary does not link: the quotation holds under CROSS_MIN (0.48)
    found = await find_quote(harbour, "港は再建するが、漁師はもう一冬耐える余裕はない")
    assert found, "the Japanese rendering of the only quotation that says it was not found"
    assert "rebuild the harbour" in found[0].text
    assert found[0].sources[0].url == "https://example.com/world/fishing-town-0310"
    assert found[0].speaker and "Mori" in found[0].speaker
    assert found[0].score >= 80


async def test_a_changed_claim_on_the_same_quotation_is_still_refused(harbour: Store) -> None:
    # the same words said the other way (they are ready to wait): the claim check refuses it at any share
    assert await find_quote(harbour, "漁港の再建には何年もかかるが、漁師たちは一冬待つ覚悟だ") == []


def _ranked(*shares: float, said: int = 3) -> list[Ranked]:
    return [Ranked(s, said, f"quotation {i}", []) for i, s in enumerate(shares)]


def test_the_lower_share_needs_a_clear_lead() -> None:
    assert quote_cross.taken(_ranked(0.48)) is not None  # no other candidate
    assert quote_cross.taken(_ranked(0.48, 0.0)) is not None  # others say none of the concepts
    assert quote_cross.taken(_ranked(0.48, 0.15)) is not None  # 3.2×
    assert quote_cross.taken(_ranked(0.48, 0.2)) is None  # 2.4×: a rival near enough
    assert quote_cross.taken(_ranked(0.44)) is None  # under ALONE_MIN
    assert quote_cross.taken(_ranked(0.48, said=2)) is None  # two concepts are a topic, not a quote
    assert quote_cross.taken(_ranked(0.6, 0.45)) is not None  # CROSS_MIN with CROSS_LEAD, as before


def test_the_same_quotation_in_two_passages_is_no_rival() -> None:
    # one statement reported twice (two outlets' sentences around the same quotation): the copy does not tie it
    one, copy = (
        Ranked(0.64, 4, "原因がどこにあったにせよ、最終責任は私にある", []),
        Ranked(0.64, 4, "原因がどこにあったにせよ、最終責任は私にある", []),
    )
    assert quote_cross.taken([one, copy]) is one
    assert quote_cross.taken([one, copy, Ranked(0.6, 4, "責任は取る", [])]) is None  # another quotation as near
