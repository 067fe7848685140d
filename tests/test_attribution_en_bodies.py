"""English reports name a body by its kind once it has been named: "the ministry", "the agency". The words are the
body's last named with that head noun, not the last body that spoke ("Yamaha said …" in between)."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.attribution_en import attribute_en
from bot.extract.stance_en import english_clauses

TEXT = (
    "Japan's transport ministry on Friday lifted its shipment ban on models made by Mazda and Yamaha. "
    'Yamaha said it would resume shipments next week. "We are relieved," Yamaha said. '
    "The ministry has said it will lift the remaining halt only if its own tests show the Toyota models comply."
)


def _index(actors: ActorIndex) -> ActorIndex:
    return actors.extended(
        [
            ("国土交通省", ["国交省", "MLIT", "Japan's transport ministry"], "body", None),
            ("Yamaha", [], "body", None),
            ("Mazda", [], "body", None),
            ("Toyota", [], "body", None),
        ]
    )


def test_the_ministry_is_the_ministry_named_before(actors: ActorIndex) -> None:
    index = _index(actors)
    at = TEXT.index("The ministry has said")
    assert attribute_en(TEXT, at, at + 1, index, context=TEXT) == "国土交通省"


def test_the_ministry_after_it_spoke_as_the_ministry(actors: ActorIndex) -> None:
    """The phrase that named it lies outside the text read; the ministry spoke before under its kind."""
    index = _index(actors)
    text = TEXT.replace("Japan's transport ministry on Friday", "MLIT on Friday")
    text = text.replace("next week.", "next week, the ministry said.")
    at = text.index("The ministry has said")
    assert attribute_en(text, at, at + 1, index, context=text) == "国土交通省"


def test_the_company_without_a_named_one_is_the_last_that_spoke(actors: ActorIndex) -> None:
    index = _index(actors)
    text = 'Yamaha said it would resume shipments. "We are relieved," the company said.'
    at = text.index('"We')
    assert attribute_en(text, at, at + 1, index, context=text) == "Yamaha"


def test_stance_gives_the_ministry_its_statement(actors: ActorIndex) -> None:
    index = _index(actors)
    clauses, _ = english_clauses(TEXT, index.mentions(TEXT), index, None, TEXT)
    last = TEXT.index("The ministry has said")
    assert [index.actors[c.actor_id].name for c in clauses if c.start == last] == ["国土交通省"]
