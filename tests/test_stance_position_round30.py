"""Wrong positions by construction, thirtieth round (issue 11): a thing called a step or a chance (「真相解明への大きな
一歩だ」, 「100年に1度のビッグチャンス」と位置づけ) is approved of, as "a significant step" already was; doing it said to
be risky (「…補助を積み増すのは危うい」, 「このまま事業を継続させることは、再び重大な事故を起こす蓋然性が高い」) is
opposed, as 〜恐れがある already was; calling on someone to do it ("called on both sides to observe a ceasefire",
"We call on the parties to …") supports what they are called on to do, as asking and urging them does, and an act
done to a thing of its own, then "and" and the target's own verb ("to stop their rallies and come to talks"), is
no act on the target. Sentences
written for this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.extract.stance import classify
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions
from tests.test_stance_said_frame import _cues

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("停戦合意は和平への重要な一歩だ。", "一歩"),
        ("首相は停戦合意を「和平に向けた第一歩」と位置づけた。", "第一歩"),
        ("首相は停戦を「100年に1度のチャンス」と位置づけた。", "チャンス"),
        ("首相は停戦を和平への好機だと述べた。", "好機"),
    ],
)
def test_a_step_or_a_chance_said_of_it_approves_of_it(text: str, cue: str) -> None:
    assert (cue, "att", 1) in _cues(text)
    assert ("ceasefire", "support") in classify(text)


@pytest.mark.parametrize("text", ["交渉は一歩も進まない。", "交渉は決裂の一歩手前まで来た。", "チャンスを逃した。"])
def test_a_step_or_a_chance_not_said_of_a_thing_is_no_cue(text: str) -> None:
    # counter-examples: 一歩も (not an inch), 一歩手前 (on the brink), a chance as an object: no evaluation
    assert [c for c in _cues(text) if c[0] in ("一歩", "チャンス")] == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("停戦を急ぐのは危うい。", "危うい"),
        ("このまま停戦を続けることは、再び重大な衝突を起こす蓋然性が高い。", "起こす蓋然性が高い"),
        ("停戦を続ければ混乱を招く危険性がある。", "招く危険性がある"),
    ],
)
def test_doing_it_said_to_be_risky_opposes_it(text: str, cue: str) -> None:
    assert (cue, "att", -1) in _cues(text)
    assert ("ceasefire", "oppose") in classify(text)


def test_a_risk_weighed_against_a_gain_is_no_cue() -> None:
    # counter-example: a risk conceded before the speaker's judgment (リスクが高いが…) decides nothing on its own
    assert [c for c in _cues("停戦協議はリスクが高いが、やる価値はある。") if "リスク" in c[0]] == []


@pytest.mark.parametrize(
    "text",
    [
        "The UN chief called on both sides to observe a ceasefire.",
        "We call on both sides to agree a ceasefire.",
        "She is calling on the parties to respect the ceasefire.",
    ],
)
def test_calling_on_someone_to_do_it_supports_it(text: str) -> None:
    assert next(c for c in _cues(text) if c[0].lower().startswith(("call", "we call")))[1:] == ("att", 1)
    assert classify(text) == [("ceasefire", "support")]


@pytest.mark.parametrize(
    "text",
    [
        "He will pay a courtesy call on Prime Minister Ishiba to discuss the ceasefire.",
        "The two leaders agreed in a phone call on Monday to hold ceasefire talks.",
    ],
)
def test_a_call_on_someone_that_is_a_visit_or_a_phone_call_is_no_request(text: str) -> None:
    # counter-examples: the noun (a courtesy call on, a phone call on Monday): no one is called on to do anything
    assert [c for c in _cues(text) if "call" in c[0].lower()] == []


ARTICLE = """\
---
title: 観光船の運航会社、事業許可取り消しへ
published: 2024-06-01
---
国土交通省の木村太郎大臣は1日の記者会見で「このまま事業を継続させることは、再び重大な事故を起こす蓋然性が高い」と述べた。
被害者の家族会の鈴木花子代表は「社長の逮捕は真相解明への大きな一歩だ」とのコメントを出した。
"We call on the protesting groups to stop their rallies and come to talks," army chief John Carter said.
"We call on the rebels to stop their attacks and the blockade of the port," Foreign Minister Anna Berg said.
"""


async def test_a_risk_and_a_step_read_toward_the_target(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="round30.md")).status == "added"
    # continuing said to risk another accident: against letting the company go on
    assert await positions(store, "木村太郎", "運航会社に事業を続けさせること", "蓋然性") == ["oppose"]
    # the arrest called a big step: for it
    assert await positions(store, "鈴木花子", "社長の逮捕", "一歩") == ["support"]
    # called on to stop their own rallies and come to talks: the halt is done to a thing of its own (their
    # rallies), and the talks they are called to are supported
    assert await positions(store, "John Carter", "protesters sitting down for talks", "come to talks") == ["support"]
    # counter-example: the target a second object of the same halt ("stop their attacks and the blockade"): opposed
    assert await positions(store, "Anna Berg", "the blockade of the port", "blockade") == ["oppose"]
