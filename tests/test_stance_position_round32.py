"""/stance --about, thirty-second round (issue 11, position in context): a statement found as a reaction to its
report's story (`_in_report`: its clause names too little of the target to be read toward it) whose main predicate
says nothing (「…と強調した」) is read at the target's head when its clause names it after all: an English target's
head by its Japanese word (its gloss) in a Japanese statement, which names the target at a part of its weight. Where
the main predicate takes a stance, it stays the reading. Sentences of our own, with counter-examples."""

from __future__ import annotations

from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

# the report's headline and lead: about the early release
LEAD = """\
---
title: 英政府、受刑者の早期釈放を開始
published: 2024-07-12
---
英政府は12日、刑務所の過密を受け、受刑者の早期釈放を始めると発表した。
対象は数千人に上る見通しだ。
"""
RELEASE = (
    LEAD
    + "マフムード法相は、今回の措置はあくまで一時的なもので恒久化はしないと強調した。\n"
    + "マフムード法相は同日、刑務所の増設を急ぐ考えも示した。\n"
)
CRITICIZED = LEAD + "野党のジェンリック議員は、恒久化したいのだろうと政府を批判した。\n"


def _position(report, words: str) -> str | None:  # type: ignore[no-untyped-def]
    return next((s.position for s in report.statements if words in s.text), None)


async def test_a_reaction_naming_the_english_heads_japanese_word_is_read_at_it(store: Store) -> None:
    assert (await ingest_text(store, RELEASE, name="release.md")).status == "added"
    report = await stance_about(store, "マフムード", "making the early release rule permanent")
    # 恒久化 ("permanent") said not done, in a clause whose main predicate (強調した) says nothing of the story
    assert _position(report, "恒久化はしない") == "oppose"
    # counter-example: a reaction naming none of the target's head keeps its main predicate's reading
    assert _position(report, "増設を急ぐ") in (None, "support")


async def test_a_reaction_whose_main_predicate_takes_a_stance_keeps_it(store: Store) -> None:
    # counter-example: the head named (恒久化したい) in a clause whose main predicate criticizes: the criticism stands
    assert (await ingest_text(store, CRITICIZED, name="criticized.md")).status == "added"
    report = await stance_about(store, "ジェンリック", "making the early release rule permanent")
    assert _position(report, "恒久化したい") in (None, "oppose")
