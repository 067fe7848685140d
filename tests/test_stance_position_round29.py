"""Wrong positions by construction, twenty-ninth round (issue 11): a request that someone be kept from a deed
(「各国に自国民をこうした場所で働かせないよう求めた」: a causative, the people kept from it named as its object) opposes
their doing it, an act of its own, not a target the clause does not name; a plain deed asked not be done
(「取引先に預金を引き出さないよう求めた」) stays the thing opposed, whatever words the user chose for it. An English
negation that opens a phrase cue ("no plans to", "not considering") is that cue's own, not a second negation of the
act after it ("no plans to send troops" opposes sending: read twice, the two negations made support); not
considering a thing (not considering, "have not considered") refuses it. Sentences written for this test, none
from a corpus."""

from __future__ import annotations

import pytest

from bot.extract.stance import classify
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions
from tests.test_stance_said_frame import _cues

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def test_a_causative_request_is_still_one_oppose_cue() -> None:
    # the cue itself is unchanged: what it is read toward is the query's matter
    assert _cues("報道官は各国に自国民をこうした場所で働かせないよう求めた。") == [("ないよう求め", "att", -1)]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The minister said there are no plans to send troops.", [("no plans to", "att", -1), ("send", "act", 1)]),
        ("He said Japan was not considering sending troops.", [("not considering", "att", -1), ("sending", "act", 1)]),
        # counter-examples: a negation before the act alone, and one a cue before does not open, stay the act's
        ("We will not send troops.", [("send", "act", -1)]),
        ("He said it was impossible to send troops.", [("impossible", "att", -1), ("send", "act", 1)]),
    ],
)
def test_a_negation_that_opens_a_cue_is_that_cues_own(text: str, cues: list[tuple[str, str, int]]) -> None:
    assert _cues(text) == cues
    assert classify(text) == [("peacekeeping", "oppose")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("We are not considering a ceasefire.", "not considering"),
        ("We aren't considering a ceasefire.", "aren't considering"),
        ("I have not considered a ceasefire.", "have not considered"),
    ],
)
def test_not_considering_it_refuses_it(text: str, cue: str) -> None:
    assert _cues(text) == [(cue, "att", -1)]
    assert classify(text) == [("ceasefire", "oppose")]


def test_considering_it_is_no_cue() -> None:
    # counter-example: considering it, not negated, takes no side (the outcome is still open)
    assert _cues("We are considering a ceasefire.") == []
    # nor is regarding it as something a refusal ("would not consider it shameful")
    assert [c for c in _cues("He would not consider it shameful to call.") if "consider" in c[0]] == []


ARTICLE = """\
---
title: 武装組織、港湾施設への攻撃を継続へ
published: 2024-01-10
---
武装組織の木村太郎報道官は10日、港湾施設への攻撃を続けると表明した。さらに、各国に自国民をこうした場所で働かせないよう求めた。
鈴木花子社長は電話会議で、取引先に預金を引き出さないよう求めた。
"""


async def test_keeping_others_from_a_deed_is_no_stance_on_a_target_named_elsewhere(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="round29.md")).status == "added"
    # the target (the attacks) is named only in the sentence before: keeping nationals from working there is not
    # opposing the attacks
    assert await positions(store, "木村太郎", "港湾施設への攻撃", "働かせないよう") == ["neutral"]
    # counter-example: the deed asked not be done is the target in other words (no causative): opposed
    assert await positions(store, "鈴木花子", "取引先による資金流出", "引き出さないよう") == ["oppose"]
