"""A person's agent as the subject (「…さんの代理人弁護士は」, 「…氏の弁護団は」, 「…氏側は」): what the agent says is
the person's position, as a body's unnamed member speaks for the body. A lawyer named in the sentence stays a
person of their own. Sentences written for this test."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 元監督、提訴を取り下げ
published: 2025-02-10
---
サッカーの元日本代表監督、山岸康夫さんが週刊誌の発行元を相手に起こした訴訟で、山岸さんの代理人弁護士は10日、訴えを取り下げたと発表した。
山岸さんの代理人弁護士は「発行元が示した和解案には応じられない」とするコメントを出した。
発行元の森田悟社長は「記事の内容に誤りはない」と述べた。
"""


async def test_a_persons_lawyer_speaks_for_the_person(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="agent.md")).status == "added"
    assert await positions(store, "山岸", "和解案", "応じられない") == ["oppose"]


async def test_a_named_executive_is_not_the_persons(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="agent.md")).status == "added"
    assert await positions(store, "山岸", "記事の内容", "誤りはない") == []
