"""Attribution, twenty-second round: who "he" or "she" is after a sentence whose subject is a surname alone behind an
opening phrase of time or setting ("Hours after the announcement, Berg renewed her call …", "On election night,
Reyes declined …", "In his speech, Olsen defended …"): that person, not a speaker named sentences before. The
participle and adverbial-clause openings ("Speaking to reporters, Berg …", "After the meeting, Berg …") were read
already. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "Anna Berg", None, "person", ["Berg"], None),
        ActorEntry(-2, "Tom Reyes", None, "person", ["Reyes"], None),
        ActorEntry(-3, "Jens Olsen", None, "person", ["Olsen"], None),
    ]
)


def _said(text: str, said: str) -> str | None:
    at = text.index(said)
    return attribute(text, at, at + len(said), ACTORS, context=text)


@pytest.mark.parametrize(
    ("opening", "verb"),
    [
        ("Hours after the announcement", "renewed her call for a merger of the two ports"),
        ("On election night", "declined to concede to the challenger"),
        ("In her speech to the assembly", "defended the budget line by line"),
        ("Later on Tuesday", "doubled down on the plan"),
        ("Days before the vote", "toured the northern districts"),
    ],
)
def test_she_is_the_surname_after_an_opening_phrase_of_time_or_setting(opening: str, verb: str) -> None:
    text = (
        "Jens Olsen, the opposition leader, has led in every poll since spring. "
        '"Nothing has changed," Olsen said in a video. '
        f'{opening}, Berg {verb}. "Many people here love this plan," she wrote on her website.'
    )
    assert _said(text, "Many people here love") == "Anna Berg"


def test_a_name_inside_the_opening_phrase_is_not_the_subject() -> None:
    text = (
        '"Nothing has changed," Jens Olsen said. '
        'Hours after Olsen spoke, Berg renewed her call. "We will not wait," she said.'
    )
    assert _said(text, "We will not wait") == "Anna Berg"


def test_a_body_after_the_opening_phrase_leaves_he_as_it_was() -> None:
    text = '"Nothing has changed," Jens Olsen said. On Monday, Parliament passed the bill. "It is a dark day," he said.'
    assert _said(text, "It is a dark day") == "Jens Olsen"


def test_a_possessive_after_the_opening_phrase_is_no_subject() -> None:
    text = (
        '"Nothing has changed," Jens Olsen said. '
        'In January, Berg\'s aides drafted the bill. "It is a dark day," he said.'
    )
    assert _said(text, "It is a dark day") == "Jens Olsen"


# --- a speech verb joined to the clause's first verb, and one inside a relative clause ---------------------------


def test_a_speech_verb_after_and_is_said_by_the_sentence_subject() -> None:
    text = (
        '"The plan is sound," Tom Reyes said on Monday. '
        'Berg called the new port fees, which Reyes says will take effect next month, "a direct attack" on fishermen '
        'and said they broke the harbour treaty. "We will fight these fees with measures of our own," she said.'
    )
    assert _said(text, "We will fight these fees") == "Anna Berg"
    assert _said(text, "a direct attack") == "Anna Berg"


def test_a_relative_clause_speaker_is_not_the_sentence_speaker() -> None:
    text = (
        '"The plan is sound," Tom Reyes said on Monday. '
        "Berg rejected the fees, which Olsen says are needed, and said they broke the treaty. "
        '"We will fight them," she said.'
    )
    assert _said(text, "We will fight them") == "Anna Berg"


# --- an anonymous source after a clause; a person acting with an aside before the verb -----------------------------


def test_an_anonymous_source_after_a_clause_is_the_source_alone() -> None:
    text = "The northern airport was shut on Tuesday, an airport official said."
    assert _said(text, "northern airport was shut") == "airport official"


def test_he_is_the_person_acting_with_an_aside_before_the_verb() -> None:
    text = (
        "The northern airport was shut on Tuesday, an airport official said. "
        "Army chief General Jens Olsen, in a televised address late on Tuesday, appealed for calm. "
        '"We call on all groups to come to talks," he said.'
    )
    assert _said(text, "We call on all groups") == "Jens Olsen"


def test_he_is_never_a_plural_source() -> None:
    text = (
        "Prime Minister Anna Berg flew to the coast on Monday. "
        'Berg spent about 20 minutes at the hospital, officials said. "The devastation is painful to see," she wrote.'
    )
    assert _said(text, "Berg spent about 20 minutes") == "officials"
    assert _said(text, "The devastation is painful") == "Anna Berg"


def test_he_after_a_plural_source_is_the_person_the_sentence_reports() -> None:
    text = (
        '"We are ready," Tom Reyes said on Sunday. '
        'Berg spent about 20 minutes at the hospital, officials said. "The devastation is painful to see," she wrote.'
    )
    assert _said(text, "The devastation is painful") == "Anna Berg"
