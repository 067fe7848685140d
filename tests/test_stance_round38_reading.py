"""Wrong positions the same whether the target is asked in the statement's language or the other one, thirty-eighth
round (issue 11; sentences written for these tests, none from a corpus).

A judgment said under a negated verb of thinking (「必要になるとは思わない」「安全でないとは考えていない」) or an
attitude said as the manner of a thinking not done (「前向きに考えていない」) is the judgment's opposite; a question
put (「必要だと思わないか」) and 「ことは考えていない」 (a cue of its own) are not read so.

An English target word said as the verb a modal or an intent opens ("would cooperate fully", "we are not willing
to negotiate it", "won't resign") is what the actor does or will not do, as 「協力する」「交渉しない」 are: the word
of the target, an attitude word (cooperate) that is no cue toward itself, was read by the other cues of the clause."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.stance import _pos_hits, _probe
from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "Ono", None, "person", ["Kenji Ono"], None),
        ActorEntry(-2, "山川", None, "person", ["山川一郎"], None),
    ]
)


def _position(text: str, target: str) -> str:
    return position_of(text, target, ACTORS)


def _cues(text: str) -> list[tuple[str, int]]:
    return [(text[h.start : h.end], h.pol) for h in _pos_hits(_probe(text))]


# --- a negated verb of thinking ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "pol"),
    [
        ("山川氏は派兵について「必要になるとは思わない」と語った。", "必要", -1),
        ("山川氏は「増税が必要だとは考えていない」と述べた。", "必要", -1),
        ("山川氏は「適切でないとは思わない」と述べた。", "適切", 1),  # a double negation
        ("山川氏は「容認できないとは考えていない」と述べた。", "容認できない", 1),
        ("山川氏は加盟について「前向きに考えていない」と述べた。", "前向き", -1),
        ("山川氏は提案を「前向きに検討していない」と述べた。", "前向き", -1),
    ],
)
def test_a_judgment_under_a_negated_thinking_is_its_opposite(text: str, cue: str, pol: int) -> None:
    assert (cue, pol) in _cues(text)


@pytest.mark.parametrize(
    ("text", "cue", "pol"),
    [
        ("山川氏は「増税が必要だと思う」と述べた。", "必要", 1),  # thought, not denied
        ("山川氏は「増税が必要だと思わないか」と問いかけた。", "必要", 1),  # a question put
        ("山川氏は「増税が必要だと考えている」と述べた。", "必要", 1),
        ("山川氏は提案を「前向きに検討したい」と述べた。", "前向き", 1),
    ],
)
def test_a_thinking_not_denied_keeps_the_judgment(text: str, cue: str, pol: int) -> None:
    assert (cue, pol) in _cues(text)


def test_koto_wa_kangaete_inai_is_not_read_twice() -> None:
    # 「…することは考えていない」 is a cue of its own (the act not intended): the こと is no quoting と
    text = "山川氏は「自衛隊が活動に参加することは考えていない」と述べた。"
    assert ("参加", 1) in _cues(text)
    assert _position(text, "参加") == "oppose"


def test_positions_toward_the_target() -> None:
    assert _position("山川氏は軍事力の行使について「必要になるとは思わない」と語った。", "行使") == "oppose"
    assert _position("山川氏は北欧2国の加盟について「前向きに考えていない」と述べた。", "加盟") == "oppose"
    assert _position("山川氏は北欧2国の加盟について「前向きに考えている」と述べた。", "加盟") == "support"


# --- an English target word said as the verb a modal opens ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        ("Ono said the group would cooperate fully with police.", "cooperate", "support"),
        ('"I will cooperate with the court so that nothing can be criticized," Ono said.', "cooperate", "support"),
        (
            '"The plan was voted for by most people and we are not willing to negotiate it," Ono said.',
            "negotiate",
            "oppose",
        ),
        ('"We won\'t negotiate with them," Ono said.', "negotiate", "oppose"),
        ("Ono said he had decided not to cooperate with the inquiry.", "cooperate", "oppose"),
    ],
)
def test_an_english_target_verb_after_a_modal_is_the_act_done(text: str, target: str, position: str) -> None:
    assert _position(text, target) == position


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        # a noun after "to" that no modal or intent opens: no act done ("a threat to cooperation" names it)
        ('"This is a threat to cooperation," Ono said.', "cooperation", "oppose"),
        # the target's own cue decides where it has one (an act word: stop), as before
        ('"We will not stop the aid," Ono said.', "aid", "support"),
        # the modal inside a question put: the act asked about, not done
        (
            "Asked whether the group would cooperate with police, Ono said he would talk to reporters on Friday.",
            "cooperate",
            "neutral",
        ),
    ],
)
def test_no_act_done_where_no_modal_opens_the_target(text: str, target: str, position: str) -> None:
    assert _position(text, target) == position
