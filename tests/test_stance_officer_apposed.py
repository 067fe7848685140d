"""/stance in English text: a person named with an office of a body set off after the name ("Masakazu Tsutsui,
chairman of the Japan Business Federation, told …", "Seth Fisher, Oasis's chief investment officer, told …")
speaks for the body, as 「経団連の筒井会長は」 does in Japanese, and goes on speaking for it ("He said …"). Not a
state's office ("…, president of Ukraine, said" is no body's), and not an office of another sentence. Sentences
of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.stance_en import english_clauses


def _index(actors: ActorIndex) -> ActorIndex:
    return actors.extended(
        [
            ("Northern Business Council", [], "org", None),
            ("Harbor Capital", [], "org", None),
            ("Ken Oda", ["Oda"], "person", None),
            ("Ruth Lane", ["Lane"], "person", None),
        ]
    )


def _speakers(index: ActorIndex, text: str, words: str) -> list[str]:
    found, _ = english_clauses(text, index.mentions(text), index, None, text)
    return sorted(index.actors[c.actor_id].name for c in found if words in text[c.start : c.end])


@pytest.mark.parametrize(
    ("text", "words", "body"),
    [
        (
            '"The plan is a sign of change," Ken Oda, chairman of the Northern Business Council, told reporters.',
            "a sign of change",
            "Northern Business Council",
        ),
        (
            "Ken Oda, chairman of the Northern Business Council, told reporters the plan was welcome. "
            "He said the tax cut should wait.",
            "should wait",
            "Northern Business Council",
        ),
        (
            '"We intend to seek a fairer price," Ruth Lane, Harbor Capital\'s chief investment officer, told Reuters.',
            "a fairer price",
            "Harbor Capital",
        ),
    ],
)
def test_an_office_set_off_after_the_name(actors: ActorIndex, text: str, words: str, body: str) -> None:
    index = _index(actors)
    person = "Ken Oda" if "Oda" in text else "Ruth Lane"
    assert _speakers(index, text, words) == sorted([person, body])


def test_a_state_is_no_body_of_its_officer(actors: ActorIndex) -> None:
    index = _index(actors).extended([("Ukraine", [], "state", None)])
    text = '"We need more help," Ken Oda, an adviser to the president of Ukraine, told reporters.'
    assert _speakers(index, text, "more help") == ["Ken Oda"]
