"""An actor the registry lacks, typed by another of its names: a body's abbreviation or short name finds the
articles that give its full name (LDP → the Liberal Democratic Party), and a full name typed finds the sentences
that refer back to the person by surname (劉勁松 → 劉氏)."""

from __future__ import annotations

from bot.extract.body_names import other_names
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

ARTICLE = """\
---
title: Party urges expulsion of diplomat
published: 2025-11-12
---
The ruling Liberal Democratic Party on Tuesday adopted a resolution urging the government to consider expelling the consul if Beijing fails to act.

中国外務省の劉勁松アジア局長は協議に臨んだ。劉氏は協議後、記者団に「協議の結果には当然、不満だ」と語った。
"""


def test_other_names() -> None:
    assert "Liberal Democratic Party" in other_names("LDP")
    assert "自民党" in other_names("ldp")
    assert other_names("自民党") and "自民党" not in other_names("自民党")
    assert other_names("Nobody Party") == []


async def test_a_body_by_its_abbreviation_and_a_person_by_surname(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="names.md")).status == "added"
    assert await positions(store, "LDP", "expelling the consul", "fails to act") == ["conditional"]
    assert await positions(store, "劉勁松", "協議の結果", "不満") == ["oppose"]
