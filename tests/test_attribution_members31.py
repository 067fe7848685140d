"""English reports quote an unnamed member of a body by the body's kind or name ("a board official", "An official
at the Financial Services Agency", "An official of the agency's tsunami division"), then go on with "the official
said"; and they call a body "the agency" though its name says no agency ("The FDIC said …. … the agency said").
Each is the body's member (or the body) for /quote and /stance alike, not a bare "official" or no one."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.attribution_en import attribute_en


def _index(actors: ActorIndex) -> ActorIndex:
    return actors.extended(
        [
            ("Japan Transport Safety Board", [], "body", None),
            ("Financial Services Agency", ["FSA", "金融庁"], "body", None),
            ("気象庁", ["JMA", "Japan Meteorological Agency"], "body", None),
            ("FDIC", [], "body", None),
            ("Gerard Dolan", [], "person", None),
        ]
    )


def _said(text: str, words: str, index: ActorIndex) -> str | None:
    at = text.index(words)
    return attribute_en(text, at, at + len(words), index, context=text)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a member by the body's kind, the body named before
            "The boat sank after water poured in through a hatch, the Japan Transport Safety Board said Thursday. "
            '"If the bulkheads had been watertight, the boat would not have sunk," a board official told reporters.',
            "the boat would not",
            "Japan Transport Safety Board official",
        ),
        (  # a member of the agency's division opening a sentence with no speech verb, then "the official said"
            "The Japan Meteorological Agency faced questions over its forecast. "
            "An official of the agency's earthquake and tsunami division defended the decision. "
            '"The warning level was appropriate," the official said.',
            "The warning level",
            "気象庁 official",
        ),
        ('Gerard Dolan said the move was a breach. "It is safe," an official said.', "It is safe", "official"),
        (  # "the agency" whose kind no body named says: the body that spoke last
            "The FDIC said it had moved all insured deposits to a new bank. "
            'Depositors will have "full access to their insured deposits," the agency said in a statement.',
            "full access",
            "FDIC",
        ),
        (  # an agency named as one is still the one "the agency" is
            "The Financial Services Agency asked banks about their exposure. The FDIC said it had moved deposits. "
            '"Nothing is alarming," the agency said.',
            "Nothing is alarming",
            "Financial Services Agency",
        ),
    ],
)
def test_a_member_or_a_kind_is_the_body_named(actors: ActorIndex, text: str, words: str, speaker: str) -> None:
    assert _said(text, words, _index(actors)) == speaker


def test_an_official_at_a_named_body_then_the_official(actors: ActorIndex) -> None:
    text = (
        "Japanese banks have little exposure, analysts say. "
        "An official at the Financial Services Agency, who asked not to be named, said the regulator had asked "
        'major banks about their exposure. "We are not seeing anything alarming," the official said.'
    )
    index = _index(actors)
    assert _said(text, "the regulator had asked", index) == "Financial Services Agency official"
    assert _said(text, "We are not seeing", index) == "Financial Services Agency official"


def test_a_body_named_by_its_head_and_what_it_is_of_is_a_body(actors: ActorIndex) -> None:
    """The report: "The Airline Pilots' Association of India said …": a body, so "the association" is it, not the last body
    before (Boeing); a title before a name keeps the person ("Bank of Japan Governor Kazuo Ueda")."""
    from bot.extract.attribution_en import _proper_name

    index = actors.extended([("Boeing", [], "body", None)])
    text = (
        "Boeing said it would defer to the Indian bureau. "
        "The Airline Pilots' Association of India said in a statement that the report blamed the crew. "
        '"We categorically reject this presumption of pilot guilt," the association said.'
    )
    assert _said(text, "We categorically", index) == "Airline Pilots' Association of India"
    assert _proper_name("Bank of Japan Governor Kazuo Ueda") == ("Kazuo Ueda", "person")
    assert _proper_name("the Bank of England") == ("Bank of England", "org")


def test_the_two_companies_are_the_two_named_before(actors: ActorIndex) -> None:
    """ "the two companies said" / "the three bodies added": the bodies named in the sentences before, joined as a
    joint speaker is shown; a person or a model number among them is not one ("AT1")."""
    index = _index(actors)
    text = (
        "Trump signed an order allowing Nippon Steel Corp. to buy United States Steel Corp. on Friday. "
        "In a joint statement, the two companies said they had signed the agreement. "
        '"We thank President Trump," the statement said.'
    )
    assert _said(text, "We thank", index) == "Nippon Steel Corp・United States Steel Corp"
    text = (
        "Gerard Dolan said the write-off was a breach. "
        "On Monday the European Central Bank's supervisory arm, the Single Resolution Board and the European Banking "
        'Authority issued a joint statement. AT1 "is and will remain an important component", the three bodies added.'
    )
    assert _said(text, "is and will remain", index) == (
        "European Central Bank・Single Resolution Board・European Banking Authority"
    )


def test_the_two_companies_with_one_named_is_no_one(actors: ActorIndex) -> None:
    text = 'Gerard Dolan praised Nippon Steel Corp. on Friday. "We thank him," the two companies said.'
    assert "・" not in (_said(text, "We thank", _index(actors)) or "")  # not two of one body and a person
