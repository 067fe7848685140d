"""/stance --about: the head of a target the user words with a quantity, a suffix, a kind of saying or a noun of
quality (issue 11, nineteenth round). The head is the word a statement must name (or its context): one that names
how many, an entry (入り), a continuation or an outlook, or the act of saying (claims, efforts) lets a statement
that names the thing itself go unfound. Each rule on targets of our own, with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, _quality_nouns, gloss_candidates, parse_target
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str) -> Target:
    return parse_target(text, ActorIndex([]), {})


def _head(text: str) -> list[str]:
    return [w.form for w in _target(text).words if w.head]


def test_a_numeral_and_its_counter_are_never_the_head_of_a_japanese_target() -> None:
    # 「もう一度死刑を」: the sentence is the thing, one more time is how often
    assert _head("袴田さんにもう一度死刑を求めること") == ["死刑"]
    assert _head("第1段階のあとに戦争をまた始めること") == ["戦争"]
    assert "1780000" not in _head("非課税枠を178万円まで上げること")  # the amount the ceiling is raised to
    assert _head("3期目で改革を加速させること") == ["加速"]
    # counter-example: a numeral alone in its phrase is still no word, and a duration stays a word of the target
    target = _target("30日間の停戦")
    assert [w.form for w in target.words if w.head] == ["停戦"] and "日間" in [w.form for w in target.words]


def test_an_entry_a_continuation_an_outlook_and_a_timing_give_the_head_to_what_they_are_said_of() -> None:
    assert _head("ウクライナのNATO入り") == ["nato"]  # NATO加盟 says the entry otherwise
    assert _head("CDU・CSUとの連立入り") == ["連立"]  # 連立に加わる
    assert _head("高市総裁が率いる自民党との連立継続") == ["連立"]
    assert _head("石破首相の退陣表明のタイミング") == ["退陣"]
    assert _head("山火事による損失額の見通し") == ["損失", "額"]
    # counter-example: a target that is only such a word keeps it as its head
    assert _head("継続") == ["継続"]


def test_a_kind_of_saying_or_trying_gives_the_english_head_to_what_it_is_about() -> None:
    assert _head("JD Vance's arguments on immigration") == ["immigration"]
    assert _head("Trump's peace efforts") == ["peace"]
    assert _head("Europe's demand for a month-long truce") == ["truce"]
    assert _head("the Geneva revisions") == ["geneva"]
    # counter-example: a phrase with a thing of its own keeps it
    assert _head("the magazine's claims about the payments") == ["payments"]


def test_a_gerund_after_only_a_kind_or_who_word_is_the_english_head() -> None:
    # "more government borrowing": the borrowing is asked about, not the government
    assert _head("more government borrowing") == ["borrowing"]
    assert _head("public spending") == ["spending"]
    # counter-examples: a later phrase that names a thing heads it, and a name before the gerund stays the head
    assert _head("people stocking up on rice") == ["rice"]
    assert _head("the CDP working together") == ["cdp"]


def test_an_english_adjective_reaches_japanese_through_its_noun_of_quality() -> None:
    # independent → independence: 自立 and 独立 gloss the noun, not the adjective
    found = gloss_candidates(_target("Europe becoming independent of the United States"))
    words = _target("Europe becoming independent of the United States").words
    independent = next(k for k, w in enumerate(words) if w.form == "independent")
    assert {"自立", "独立"} <= set(found[independent])
    assert "安定" in next(iter(gloss_candidates(_target("stable")).values()))
    # counter-example: a noun that only ends like an adjective (parliament, event) makes no such noun
    assert _quality_nouns("parliament") == () and _quality_nouns("event") == ()


def test_an_adverbial_noun_says_how_or_when_and_is_never_the_head() -> None:
    # 「自ら」「そのまま」「前に」「一時」: how, when or where to, not the thing asked about
    assert _head("事故原因について自ら見解を示すこと") == ["事故", "原因"]
    assert _head("総裁選前倒しの意思確認にそのまま進むこと") == ["意思", "確認"]
    assert _head("一時停止") == ["停止"]
    # counter-example: the word alone still heads a target of nothing else
    assert _head("前") == ["前"]


def test_a_participle_after_an_english_noun_and_a_role_after_as_are_no_head() -> None:
    # "the version decided in December" is about the version; "the proposed deal" about the deal
    assert _head("the limited taxi-run version decided in December") == ["version"]
    assert _head("the proposed deal") == ["deal"]
    assert _head("the ceasefire announced on Tuesday") == ["ceasefire"]
    # "as minister" is the role stepped down from: the stepping down heads it, said by 辞任 too
    target = _target("stepping down as minister over the crash")
    assert "minister" not in [w.form for w in target.words if w.head]
    assert any("辞任" in w.forms for w in target.words if w.head)
    # counter-example: a noun ending in -eed is no participle
    assert _head("the speed") == ["speed"]


REPLY = """\
---
title: 各方面の反応
published: 2025-05-10
---
県は9日、漁港での夜間の荷揚げを全面的に禁止する条例案を発表した。
石破首相は「内容を精査している段階だ」と述べた。
県は同日、港湾の防災計画も公表した。
岸田前首相は同日、記者団の取材に応じた。
"""


async def test_a_neutral_reply_in_quotes_right_after_the_target_is_a_statement_about_it(store: Store) -> None:
    assert (await ingest_text(store, REPLY, name="reply.md")).status == "added"
    about = "夜間の荷揚げを禁止する条例案"
    found = [(s.position, s.text) for s in (await stance_about(store, "石破", about)).statements]
    assert [p for p, t in found if "精査" in t] == ["neutral"]
    # counter-example: an act that says nothing (no quote) after a sentence on something else is no statement
    assert not (await stance_about(store, "岸田", about)).statements


ASKED = """\
---
title: Bank chief on the thefts
published: 2025-01-10
---
Asked whether he would step down, Zelensky said he would decide on any disciplinary steps after the investigation.
"""

SAID = """\
---
title: Bank chief to quit
published: 2025-01-11
---
Zelensky said on Friday that he would step down.
"""


async def test_an_act_named_only_in_the_question_put_is_not_read_as_done(store: Store) -> None:
    assert (await ingest_text(store, ASKED, name="asked.md")).status == "added"
    found = [(s.position, s.text) for s in (await stance_about(store, "Zelensky", "stepping down")).statements]
    assert found and all(p != "support" for p, t in found if "investigation" in t)
    # counter-example: the act in what the speaker says is the speaker's own
    assert (await ingest_text(store, SAID, name="said.md")).status == "added"
    found = [(s.position, s.text) for s in (await stance_about(store, "Zelensky", "stepping down")).statements]
    assert [p for p, t in found if "Friday" in t] == ["support"]
