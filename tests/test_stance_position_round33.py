"""/stance, thirty-third round (issue 11, position in context, English statements): accusing, blaming and the words
of condemnation VADER lacks ("unforgivable", "inexcusable") oppose. Sentences of our own, with counter-examples."""

from __future__ import annotations

from bot.extract.stance import _pos_hits
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store


def cues(text: str) -> list[tuple[str, int]]:
    return [(text[h.start : h.end], h.pol) for h in _pos_hits(text)]


def test_accusing_blaming_and_condemning_oppose() -> None:
    assert cues("He accused the agency of hiding the facts.")[0] == ("accused", -1)
    assert cues("It is an attempt to blame the pilots.") == [("blame", -1)]
    assert cues("Such crimes are absolutely unforgivable.") == [("unforgivable", -1)]
    assert cues("Their silence is inexcusable.") == [("inexcusable", -1)]
    # counter-example: a negation before the verb turns it
    assert cues("He did not blame the pilots.") == [("blame", 1)]


ACCUSED = """\
---
title: Senate panel releases its report on the shooting
published: 2024-09-26
---
The Senate panel released its report on the shooting on Wednesday.

Biden accused the Secret Service of continuing to slow-walk the inquiry.
"""


async def test_an_accusation_opposes_what_it_accuses_of(store: Store) -> None:
    assert (await ingest_text(store, ACCUSED, name="accused.md")).status == "added"
    report = await stance_about(store, "Biden", "how the Secret Service handled the inquiry")
    found = {s.text: s.position for s in report.statements}
    # "continuing" alone read support before: the accusation is the stance
    assert any(p == "oppose" and "slow-walk" in t for t, p in found.items())
