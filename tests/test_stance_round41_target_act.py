"""Positions read against what the speaker wants done to the target, forty-first round (issue 11, part 3: "the
position is toward the target asked about"; sentences written for these tests in the forms of the LOOK stories'
statements, none copied from a corpus: a coalition or plan sent back to a blank
slate, takaichi2025; a plan to be re-examined, osakair2023; a response or arrests defended, turkeyquake2023 and
taipofire2025).

- a halt done to the target, or demanded, opposes it: 白紙に戻す / 白紙とする / 白紙化,
  反故にする; "shelve", "put on hold", "derail", "sabotage" (so condemning efforts to derail a
  deal supports the deal: the halt composed with the criticism); not 白紙 alone (「現時点では白紙だ」: nothing decided);
- a demand that it be done again or reconsidered opposes it as it stands: 検証し直すべき, やり直すべき, 再考するよう
  求めた, 見直すよう求めた, "called for the plan to be reconsidered", "urged … to rethink"; not reconsidering one's own
  position ("would reconsider his position after the vote"), nor a court that will reconsider a case;
- defending it supports it: 擁護した, "defended the decision"; not "defended itself against the lawsuit" (a reflexive,
  and against what follows), nor 「人権擁護の立場から…反対した」 (the target is what is opposed);
- another's view the speaker answers (「…には批判があるが、私は…」, 「反対の声もあるが、…」, "despite strong opposition to
  the bill, …") is no cue of the speaker's; a criticism said to exist with nothing said after it stays the reading.
"""

from __future__ import annotations

import pytest

from bot.extract.stance import _counter_views, _probe
from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("代表は連立協議をいったん白紙とした", "連立協議", "oppose"),
        ("計画を白紙に戻すべきだ", "計画", "oppose"),
        ("合意を反故にした", "合意", "oppose"),
        ("He called for the deal to be put on hold", "deal", "oppose"),
        ("He condemned efforts to derail the ceasefire deal", "ceasefire deal", "support"),
        ("He accused Russia of trying to sabotage the peace talks", "peace talks", "support"),
    ],
)
def test_a_halt_done_to_the_target_opposes_it(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("現時点では白紙だ", "白紙", "neutral"),  # nothing decided yet, no halt
        ("白紙の状態で協議に臨む", "協議", "neutral"),
        ("計画の白紙撤回を求めた", "計画", "oppose"),  # 撤回 as before
    ],
)
def test_a_blank_slate_alone_is_no_halt(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("いったん立ち止まって計画を検証し直すべきだ", "計画"),
        ("計画をやり直すべきだ", "計画"),
        ("計画を再考するよう求めた", "計画"),
        ("計画を見直すよう求めた", "計画"),
        ("He called for the plan to be reconsidered", "plan"),
        ("He urged the company to rethink the merger", "merger"),
    ],
)
def test_a_demand_to_redo_or_reconsider_opposes(text: str, target: str) -> None:
    assert position_of(text, target) == "oppose"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("He said he would reconsider his position after the vote", "vote"),
        ("The court will reconsider the case", "case"),
    ],
)
def test_reconsidering_not_demanded_is_no_cue(text: str, target: str) -> None:
    assert position_of(text, target) == "neutral"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("大統領は政府の対応を擁護した", "政府の対応", "support"),
        ("防衛費の増額を擁護する発言をした", "増額", "support"),
        ("He defended the arrests of people who circulated petitions", "arrests", "support"),
        ("The minister defended the decision to raise taxes", "decision", "support"),
        ("The company defended itself against the lawsuit", "lawsuit", "oppose"),  # reflexive, against
        ("He defended Ukraine against the invasion", "invasion", "oppose"),  # against what follows
        ("人権擁護の立場から法案に反対した", "法案", "oppose"),  # the target is what is opposed
    ],
)
def test_defending_it_supports_it(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("増税には批判があるが、私は必要だと考えている", "増税", "support"),
        ("法案には反対の声もあるが、成立を急ぐべきだ", "法案", "support"),
        ("増税には批判があるが、必要な措置だ", "増税", "support"),
        ("Despite strong opposition to the bill, the minister defended it", "bill", "support"),
        ("増税には懸念がある", "増税", "oppose"),  # the speaker's own worry: no turn to an answer
    ],
)
def test_another_view_the_speaker_answers_is_no_cue(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


def test_counter_view_spans() -> None:
    text = "「再稼働は危険だ」との批判があるが、我々は安全性を確認している"
    spans = _counter_views(_probe(text))
    assert spans and spans[0][0] == 0 and text[spans[0][1] - 2 : spans[0][1]] == "が、"
    assert _counter_views(_probe("増税には批判があるが")) == []  # nothing of the speaker's after it
    assert _counter_views(_probe("批判があることは承知している")) == []  # no turn
