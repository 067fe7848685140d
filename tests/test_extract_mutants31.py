"""Tests written against the survivors of extract's seed-31 sample (branch mut31, a lean sampled run of the current
code: `python -m mutation run extract --sample 120 --seed 31`). Each was seen failing with its mutant switched on in
the run's own mutants copy (`MUTANT_UNDER_TEST=<name>`) and passing without it; the mutant is named on each test."""

from __future__ import annotations

from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

CONDITION_AFTER = """---
title: 減税と再稼働めぐり議論
published: 2025-03-01
---
山田太郎議員は「減税には賛成だ」と述べた。国が財源を示すなら、さらに協力する考えも示した。
鈴木一郎議員は「原発の再稼働に賛成する」と語った。安全が確認されれば、地元も納得するという。
"""


async def test_a_condition_in_the_next_sentence_leaves_the_quoted_support_unconditional(store: Store) -> None:
    """`stance._term_after_6` (a condition outside the statement's clause counted as its term): the quoted
    support is said whole; the next sentence's condition is a statement of its own, read as conditional there."""
    await ingest_text(store, CONDITION_AFTER, name="after.md")
    for actor, about, said, then in (
        ("山田太郎", "減税", "減税には賛成だ", "財源を示すなら"),
        ("鈴木一郎", "原発の再稼働", "再稼働に賛成する", "確認されれば"),
    ):
        report = await stance_about(store, actor, about)
        by_text = {s.text: s.position for s in report.statements}
        assert [p for t, p in by_text.items() if said in t] == ["support"], actor
        assert [p for t, p in by_text.items() if then in t] == ["conditional"], actor
