"""Wrong positions by construction, thirty-first round (issue 11): a negation that is no denial of the target.

- Not holding back (「協力を惜しまない」「追加の支出もためらわない」「撤退も辞さない」, "will not hesitate to",
  "spare no effort to") is willingness: support of what it is said of, and said after another stance (「批判も
  ためらわない」, "will not hesitate to oppose") it carries that stance (was: the negation denied the target);
- 〜ざるをえない in kana is 〜ざるを得ない (was: its ない flipped the cue before it);
- 〜てほしい (wanting someone to do it) supports it, as 〜たい does; after another stance (「控えてほしい」) it carries
  that stance, and 〜ないでほしい stays a request not to; a request said never made (「…てほしいと頼んだこともない」)
  is none, and a wish in the sentence after a rejection (「…などあり得ない。年内に結論を出してほしい」) is the
  counter-proposal: the rejection is the stance;
- doing it while watching how things go (「…を見極めながら、再開を探りたい」「情勢を見ながら進める」) is a condition,
  and the watching (見極め, a cue of waiting) is no predicate of the clause there.

Sentences written for this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.extract.stance import classify
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions
from tests.test_stance_said_frame import _cues

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("停戦のためなら、撤退も辞さない構えだ。", None),  # the act asked about is 撤退 (below): no topic reading here
        ("停戦の実現に協力を惜しまない。", "support"),
        ("停戦の延長もためらわない。", "support"),
        ("停戦を批判することもためらわない。", "oppose"),
        ("停戦に反対することも辞さない。", "oppose"),
        ("停戦を受け入れざるをえない。", "support"),
        ("停戦に反対せざるをえない。", "oppose"),
        ("停戦を続けてほしい。", "support"),
        ("停戦をやめてほしい。", "oppose"),
        ("停戦の協議は控えてほしい。", "oppose"),
        ("We will not hesitate to back the ceasefire.", "support"),
        ("We won't hesitate to oppose the ceasefire.", "oppose"),
        ("We will spare no effort to support the ceasefire.", "support"),
        ("He did not hesitate to criticise the ceasefire.", "oppose"),
    ],
)
def test_not_holding_back_and_wanting_it_done(text: str, position: str | None) -> None:
    if position is not None:
        assert ("ceasefire", position) in classify(text)


@pytest.mark.parametrize(
    "text", ["協力を惜しまない。", "支出もためらわない。", "撤退も辞さない。", "対立もいとわない。"]
)
def test_not_holding_back_is_a_support_cue(text: str) -> None:
    assert [c[1:] for c in _cues(text) if c[0].endswith("ない")] == [("att", 1)]


def test_kana_zaru_wo_enai_is_no_negation() -> None:
    # was: 認め read negated by the ない of ざるをえない (the kanji 得ない is not in the kana run after the cue)
    assert ("認め", "att", 1) in _cues("紙幣の増刷を認めざるをえない。")
    assert ("認め", "att", 1) in _cues("紙幣の増刷を認めざるを得ない。")


def test_a_request_said_never_made_is_no_wish() -> None:
    assert [c for c in _cues("誰かに代わりに賭けてほしいと頼んだこともない。") if c[0] == "ほしい"] == []


def test_wanting_it_not_done_stays_a_request_not_to() -> None:
    # counter-examples: 〜ないでほしい and 〜てほしくない are against it
    assert [c[1:] for c in _cues("停戦を破棄しないでほしい。") if c[0] == "ほしい"] == []
    assert ("ceasefire", "oppose") in classify("停戦を続けてほしくない。")


@pytest.mark.parametrize(
    "text",
    [
        "情勢を見極めながら、停戦の延長を探りたい。",
        "相手の出方を見極めつつ停戦を進める考えだ。",
        "状況を見ながら停戦を続けたい。",
        # the watching is no predicate of the clause (was neutral: the clause read as ending on 見極め)
        "治安の情報を慎重に見極めながら停戦を続ける。",
    ],
)
def test_doing_it_while_watching_how_things_go_is_conditional(text: str) -> None:
    assert ("ceasefire", "conditional") in classify(text)


def test_watching_alone_is_no_condition() -> None:
    # counter-example: a plain wish, and watching a thing with no act after it
    assert ("ceasefire", "support") in classify("停戦を続けたい。")


ARTICLE = """\
---
title: 各地の反応
published: 2025-10-01
---
山本一郎大統領は、日本との関係を重視しており、捜査への協力を惜しまないと応じた。
鈴木二郎首相は、職員の給与を支払うため、本意ではないものの紙幣の増刷を認めざるをえないと述べた。
田中三郎町長は「住民の信頼を裏切らないよう、安全第一で作業に臨んでほしい」と話した。
高橋五郎議員は「期限を切らない議論などあり得ない。年内に結論を出してほしい」と記者団に語った。
中村六郎選手は野球賭博の疑いについて「僕は野球で賭けたことは一度もないし、誰かに代わりに賭けてほしいと頼んだこともない」と述べた。
佐藤四郎理事長は、中断している事業について「債務の状況を見極めながら、事業の再開を探りたい」と述べた。
"""


async def test_the_readings_reach_the_statements(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="round31.md")).status == "added"
    # not holding back cooperation: for it (was oppose: the negation denied the cooperation)
    assert await positions(store, "山本一郎", "捜査への協力", "惜しまない") == ["support"]
    # printing money allowed, reluctantly: for it (was oppose)
    assert await positions(store, "鈴木二郎", "紙幣の増刷", "ざるをえない") == ["support"]
    # wanting the work done safety first: for it (was oppose: the purpose's 裏切らない read by the polarity layer)
    assert await positions(store, "田中三郎", "安全第一の作業", "ほしい") == ["support"]
    # a wish after a rejection is the counter-proposal: against what was rejected (the wish alone would read support)
    assert await positions(store, "高橋五郎", "期限を切らない議論", "あり得ない") == ["oppose"]
    # a request said never made is no wish: the deed denied stays against the suspicion
    assert await positions(store, "中村六郎", "野球賭博をしていたという疑い", "一度もない") == ["oppose"]
    # restarting while watching the debt: conditional (was support)
    assert await positions(store, "佐藤四郎", "事業の再開", "見極めながら") == ["conditional"]
