"""Positions in the frames news text uses: a caution carried by an auxiliary after a light verb, a rhetorical
question, a restriction at the end of an English sentence, an act allowed only after something is done."""

from __future__ import annotations

from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

ARTICLE = """\
---
title: 各党の反応
published: 2025-08-01
---
坂本哲志農相は、備蓄米の放出について「慎重に考えなければならない」と述べた。
野田佳彦代表は「なぜ合意文書を作らないのか」と政府をただした。
東京電力の担当者は「処理水の放出は、安全が確かめられてから再開する」と述べた。
Tamaki said he was prepared to become prime minister, but only if the parties first agreed on security policy.
"""


async def positions(store: Store, actor: str, about: str, evidence: str) -> list[str]:
    report = await stance_about(store, actor, about)
    return [s.position for s in report.statements if evidence in s.text]


async def test_news_frames(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="frames.md")).status == "added"
    assert await positions(store, "坂本", "備蓄米の放出", "慎重に") == ["oppose"]
    assert await positions(store, "野田", "合意文書を作らない政府の対応", "なぜ") == ["oppose"]
    assert await positions(store, "東京電力", "処理水の海洋放出の再開", "確かめられてから") == ["conditional"]
    assert await positions(store, "Tamaki", "becoming prime minister", "only if") == ["conditional"]
