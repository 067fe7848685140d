"""Positions in the frames news text uses: a caution carried by an auxiliary after a light verb, a rhetorical
question, a restriction at the end of an English sentence, an act allowed only after something is done."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

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


KOREA = """\
---
title: 韓国大統領が非常戒厳を宣布、国会が解除要求を可決
published: 2024-12-04
---
尹錫悦大統領は3日夜、テレビ演説で非常戒厳を宣布した。
国会は4日未明、本会議を開き、解除を求める決議案を可決した。議長は「民主主義を守り抜く」と語った。
最大野党「共に民主党」の李在明代表は「違憲で無効な宣布だ」と非難した。
李在明代表は同日、党本部で記者団に会った。
"""


async def test_a_reaction_in_the_story_the_headline_tells(store: Store) -> None:
    """A clause that takes a stance, in an article whose headline names the target, is a reaction to it; a clause
    that takes none is not shown."""
    assert (await ingest_text(store, KOREA, name="korea.md")).status == "added"
    report = await stance_about(store, "李在明", "非常戒厳")
    assert [(s.position, s.text) for s in report.statements] == [
        ("oppose", "李在明代表は「違憲で無効な宣布だ」と非難した。")
    ]


async def test_rice_is_not_the_united_states(store: Store) -> None:
    from bot.services.stance_about import prepare_target

    target, _ = await prepare_target(store, "備蓄米の放出")
    assert not any("united states" in w.forms for w in target.words)


BODIES = """\
---
title: 新総裁に経済界の反応
published: 2025-10-04
---
経団連の筒井義信会長は4日、コメントを出し、新総裁を「幅広い政策に通じた政治家だ」と評した。
同氏は「新総裁が手腕を存分に発揮することを期待する」とした。
日本自動車工業会（自工会）の片山正則会長は18日、日本車への関税について「影響は決して小さくない」と訴えた。
"""


async def test_a_bodys_officer_speaks_for_it_in_later_sentences_too(store: Store) -> None:
    assert (await ingest_text(store, BODIES, name="bodies.md")).status == "added"
    assert await positions(store, "経団連", "高市新総裁", "手腕を存分") == ["support"]
    assert await positions(store, "自工会", "日本車への関税", "小さくない") == ["oppose"]


async def test_a_document_naming_the_actor_without_stored_mentions_is_read(store: Store) -> None:
    """An actor the registry came to know after a document was stored has no mention rows there: the document
    is still found by the actor's name."""
    article = (
        "---\ntitle: 停戦案\npublished: 2025-03-12\n---\n"
        "ゼレンスキー大統領は11日、米国が示した30日間の停戦案について「受け入れる用意がある」と述べた。\n"
    )
    assert (await ingest_text(store, article, name="truce.md")).status == "added"
    async with store.transaction() as db:
        await db.execute("DELETE FROM mentions")
    assert await positions(store, "ゼレンスキー", "30日間の停戦案", "用意がある") == ["support"]
