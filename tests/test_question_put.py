"""The question put to a speaker just before the answer (`question_put`), and /stance --about reading a reply by
what it was asked: 「…の可能性を問われると「…」と述べた」, "Asked whether …, she said …"."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.question_put import question_put
from bot.services.stance_about import stance_about
from bot.store import Store


def test_a_japanese_question_in_the_clauses_own_sentence() -> None:
    before = "見出し\n前日に会談があった。記者から「増税をいつ決めるのか」と問われると、田中氏は「"
    assert "増税をいつ決めるのか" in question_put(before)


def test_a_japanese_question_put_as_its_topic() -> None:
    assert question_put("見出し\n港の再開の見通しを問われ、「") == "港の再開の見通しを"


def test_a_japanese_question_in_the_sentence_before() -> None:
    assert "新工場の建設" in question_put("見出し\n会見で新工場の建設について聞かれた。社長は「")


def test_a_charge_is_no_question() -> None:
    assert question_put("見出し\n詐欺罪などに問われた元社長の公判で、証人は「") == ""
    assert question_put("見出し\n経営責任を問われる中、会長は「") == ""


def test_a_question_two_sentences_back_or_in_an_earlier_paragraph_is_not_this_ones() -> None:
    assert question_put("見出し\n増税について問われた。話は変わった。会場は混んだ。社長は「") == ""
    assert question_put("見出し\n増税について問われた。\n社長は別の日に「") == ""


def test_an_english_question() -> None:
    assert question_put("h\nAsked whether the mill would close, the mayor said ").startswith("the mill would close")
    found = question_put('h\nThe hearing ran late. In response to a question about the levy, she said "')
    assert found.startswith("the levy")


def test_an_english_doubt_or_the_speakers_own_question_is_none_put_to_the_speaker() -> None:
    assert question_put("h\nSome lawmakers have questioned whether the grant is fair. The governor ") == ""
    assert question_put("h\nShe asked whether the levy would stay, and ") == ""


def test_an_english_question_in_the_sentence_before_the_quote() -> None:
    found = question_put('h\nAsked about the rail strike, the minister paused. "')
    assert "rail strike" in found


def test_no_question() -> None:
    assert question_put("見出し\n田中氏は会見で「") == ""
    assert question_put("h\nThe mayor told reporters that ") == ""


ARTICLE = """\
---
title: 川端知事が定例会見
published: 2025-03-04
---
川端一郎知事は4日、定例の記者会見を開いた。

冒頭、川端知事は県立病院の建て替えについて「来年度中に設計を終えたい」と語った。

記者からストの企業への影響を問われると、川端知事は「物流への打撃は避けられない」と述べた。
"""

ENGLISH = """\
---
title: Mayor Okafor holds weekly briefing
published: 2025-03-05
---
Mayor Linda Okafor held her weekly briefing on Tuesday.

Asked about the strike's impact on firms, the mayor paused. "We will not let the docks go quiet," Okafor said.

Okafor also said the new depot would open in the spring.
"""


@pytest.fixture
async def port(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE, name="port.md")).status == "added"
    assert (await ingest_text(store, ENGLISH, name="fares.md")).status == "added"
    return store


async def texts(store: Store, actor: str, about: str) -> list[tuple[str, str]]:
    return [(s.position, s.text) for s in (await stance_about(store, actor, about)).statements]


async def test_a_reply_is_about_what_the_question_named(port: Store) -> None:
    # the reply names nothing of the target, the question half of it (スト, 企業, 影響): as much as the reply's own
    # words would, more than a sentence read before it (at the context's weight) must
    found = await texts(port, "川端", "港湾ストの長期化による県内企業の業績への影響")
    assert any("打撃は避けられない" in t for _, t in found)
    assert not any("設計を終えたい" in t for _, t in found)


async def test_an_english_reply_to_a_question_put_in_the_sentence_before(port: Store) -> None:
    found = await texts(port, "Okafor", "the port strike's impact on local firms")
    assert any("docks go quiet" in t for _, t in found)
    assert not any("depot" in t for _, t in found)


async def test_a_question_naming_no_head_of_the_target_is_about_something_else(port: Store) -> None:
    # the question (スト, 企業, 影響) names all of this target but its head (調査): a question on the effects, not on
    # a survey of them
    found = await texts(port, "川端", "ストの企業への影響の調査")
    assert not any("打撃" in t for _, t in found)
