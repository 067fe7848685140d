"""The target's own deed and the negation after it (issue 11, twenty-first round: oppose read as support). Sentences
written for this test (none from a corpus), with counter-examples that keep their reading:

- a Japanese act that is the target's own word (署名 of 「急いだ署名であり」 asked about the signing, 放出 of 「放出の
  要望を受けた」) only names the target: it is no doing of the speaker's, so a criticism after it (「…と批判した」) is
  what the clause says of it; whether the target is done is read after the word (「署名すべきだ」, `done`), and a
  halt named in the target (撤回) stays an act read toward what it halts, and so does the act in a part that sets
  a condition (「放出水の濃度が基準を超えれば、…中断を求める」: the term is about the target, conditional). English
  has no such reading after the word, so an English act in the target ("would sign the accord") is read at its
  verb, as before;
- a negation that an attitude cue after the target holds (「併合することはできない」「併合できない」「解散することは
  認められない」) is read once, at the cue: the deed is what the attitude is about, not a deed denied (read twice,
  its two negations made support); a deed denied with no cue (「解散しない」) stays opposed;
- the target's predicate made a noun and said not to be the case (「あす独立することではなく、…が求められている」)
  opposes it, as 「…するのではなく」 and 「…するわけではない」 do; said to be the case (「独立することが求められてい
  る」) it keeps the support.
"""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: Reactions to the accord
published: 2025-09-13
---
野党の田中代表は「米国の圧力に押されて急いだ署名であり、国境問題の解決にはならない」と批判した。
鈴木市長は「政府は協定に速やかに署名すべきだ」と述べた。
山本党首は独立について「あす独立することではなく、まず確かな土台を築くことが求められている」と述べた。
佐藤議員は「早期に独立することが求められている」と述べた。
高橋首相は「他国を併合することはできない」と述べた。
小林外相は「他国を併合できない」と述べた。
中村議員は「議会を解散することは認められない」と述べた。
森議員は「議会を解散しない」と述べた。
伊藤代表は「放出水の濃度が基準を超えれば、即時の中断を求める」と述べた。
Senator Brown said the government would sign the accord.
"""


async def test_the_targets_own_act_word_only_names_it(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="deed.md")).status == "added"
    assert await positions(store, "田中", "協定の署名", "急いだ署名") == ["oppose"]
    assert await positions(store, "鈴木", "協定の署名", "署名すべき") == ["support"]  # its doing, read after it
    # named in a part that sets a condition: the term is about the target, the reading waits on it
    assert await positions(store, "伊藤", "処理水の放出", "基準を超えれば") == ["conditional"]


async def test_english_acts_in_the_target_are_read_at_the_verb(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="deed.md")).status == "added"
    assert await positions(store, "Brown", "signing the accord", "would sign") == ["support"]


async def test_a_negation_held_by_the_cue_after_the_deed(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="deed.md")).status == "added"
    assert await positions(store, "高橋", "他国の併合", "併合することはできない") == ["oppose"]
    assert await positions(store, "小林", "他国の併合", "併合できない") == ["oppose"]
    assert await positions(store, "中村", "議会の解散", "認められない") == ["oppose"]
    assert await positions(store, "森", "議会の解散", "解散しない") == ["oppose"]  # no cue: the deed denied


async def test_the_deed_said_not_to_be_the_case(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="deed.md")).status == "added"
    assert await positions(store, "山本", "早期独立", "独立することではなく") == ["oppose"]
    assert await positions(store, "佐藤", "早期独立", "独立することが") == ["support"]
