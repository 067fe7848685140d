"""Which rule gave a statement its position (issue 11, thirty-seventh round): `stance.position_read` tells, beside
`position_toward`'s answer, the written pattern that decided or that none did, so the learned position model can
read it and be gated by it (`position_model.revise`). Sentences written for these tests in the patterns of news
statements, Japanese and English, none from a corpus."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.position_model import features, reason, revise
from bot.extract.stance import REASONS, Claim, position_read, position_toward

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "Ono", None, "person", ["Kenji Ono"], None),
        ActorEntry(-2, "山川", None, "person", ["山川一郎"], None),
    ]
)


def _read(text: str, target: str | None) -> tuple[str, int, str]:
    claim = Claim(0, -1, 0, 0, len(text), "reported", (), "")
    if target is None:  # named only before the clause: its main predicate is read
        return position_read(text, claim, [], ACTORS)
    at = text.find(target)
    return position_read(text, claim, [(at, at + len(target))], ACTORS)


@pytest.mark.parametrize(
    ("text", "target", "position", "why"),
    [
        ("山川氏は増税に反対した。", "増税", "oppose", "at-target"),
        ('"We will not accept the deal," Ono said.', "deal", "oppose", "at-target"),
        ("山川氏は計画の撤回を求めた。", "計画", "oppose", "at-target"),
        ("山川氏は増税について「動向を注視していく」と述べた。", "増税", "neutral", "declined"),
        ("山川氏は「評価は控えたい」と述べた。", None, "neutral", "declined"),
        ("山川氏は「これは受け入れられない」と述べた。", None, "oppose", "main"),
        ("山川氏は「国が財源を示すなら、協力する」と述べた。", None, "conditional", "condition"),
        ('"If they lift the sanctions, we will support it," Ono said.', None, "conditional", "condition"),
        ("山川氏は「手法は有効に機能した」と述べた。", "手法", "support", "polarity"),
        ("Ono said the outcome was unfortunate.", "outcome", "oppose", "polarity"),
        ("山川氏は増税について記者団に話した。", "増税", "neutral", "none"),
        # a halt named as the target (縮小), read toward the halt itself where the reading did not compose it
        ("山川氏は縮小について「地元の理解が必要だ」と述べ、見直しを迫った。", "縮小", "oppose", "at-target+turned"),
    ],
)
def test_the_rule_that_decided_is_told(text: str, target: str | None, position: str, why: str) -> None:
    found = _read(text, target)
    assert (found[0], found[2]) == (position, why)
    assert reason(found[2]) in REASONS


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("山川氏は増税に反対した。", "増税"),
        ("山川氏は縮小について「地元の理解が必要だ」と述べ、見直しを迫った。", "縮小"),
        ("山川氏は「国が財源を示すなら、協力する」と述べた。", None),
        ('"We will not accept the deal," Ono said.', "deal"),
    ],
)
def test_telling_why_changes_no_answer(text: str, target: str | None) -> None:
    claim = Claim(0, -1, 0, 0, len(text), "reported", (), "")
    hits = [] if target is None else [(text.find(target), text.find(target) + len(target))]
    assert position_toward(text, claim, hits, ACTORS) == _read(text, target)[:2]


def test_the_reason_is_a_feature_alone_and_crossed_with_the_position() -> None:
    found = features("山川氏は増税に反対した。", "増税", "oppose", "at-target+halt")
    assert {"y:at-target", "ry:oppose:at-target", "y:+halt"} <= found
    assert not any(f.startswith("ry:") and f != "ry:oppose:at-target" for f in found)  # the marks are not crossed
    assert "y:none" in features("山川氏は増税について話した。", "増税", "neutral", "none")  # no rule decided
    assert not any(f.startswith(("y:", "ry:")) for f in features("山川氏は増税に反対した。", "増税", "oppose"))


# a model written by hand that reads every support as an oppose, gated to where no rule decided
_GATED = {
    "classes": ["oppose", "support"],
    "bias": [0.0, 0.0],
    "weights": {"r:support": [3.0, 0.0]},
    "threshold": 0.5,
    "gate": ["none", "reaction:none"],
}


def test_a_gated_model_decides_only_where_its_reasons_are() -> None:
    text = "山川氏は増税について「大きな一歩だ」と述べた。"
    assert revise(text, "増税", "support", _GATED, why="none") == "oppose"
    assert revise(text, "増税", "support", _GATED, why="reaction:none") == "oppose"
    # a written pattern decided: the model is not asked
    assert revise(text, "増税", "support", _GATED, why="at-target") == "support"
    assert revise(text, "増税", "support", _GATED, why="none+opposite") == "oppose"  # the marks do not gate
    assert revise(text, "増税", "support", {**_GATED, "gate": None}, why="at-target") == "oppose"  # no gate: all


def test_the_kept_gate_names_only_reasons_the_answer_path_gives() -> None:
    from bot.extract.position_model import load_model

    given = {*REASONS, "act", "act-named", *(f"reaction:{r}" for r in REASONS)}
    gate = load_model().get("gate")
    assert gate is None or set(gate) <= given
