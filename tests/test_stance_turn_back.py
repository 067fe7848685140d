""" "Turn one's back on" (issue 11, twentieth round): the idiom rejects what follows it; its "back" is not the verb
that supports ("the US backed the plan"). Sentences written for this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.extract.stance import _pos_hits, _probe
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _cues(text: str) -> list[tuple[str, str, int]]:
    probe = _probe(text)
    return [(probe[h.start : h.end], h.kind, h.pol) for h in _pos_hits(probe)]


@pytest.mark.parametrize(
    ("text", "cue", "pol"),
    [
        ("They turned their backs on the deal.", "turned their backs on", -1),
        ("He is turning his back on the party.", "turning his back on", -1),
        ("Europe cannot turn its back on Ukraine.", "turn its back on", 1),  # a refusal to reject
    ],
)
def test_turning_ones_back_is_a_rejection(text: str, cue: str, pol: int) -> None:
    cues = _cues(text)
    assert (cue, "att", pol) in cues
    assert not any(c.lower().startswith("back") for c, _, _ in cues)


def test_backing_is_still_support() -> None:
    assert _cues("The US backed the plan.") == [("backed", "att", 1)]


ARTICLE = """\
---
title: Survivors press Tokyo on the treaty
published: 2025-03-07
---
Survivor Ken Mori said Tokyo had turned its back on the nuclear ban treaty.
"""


async def test_the_idiom_read_toward_its_object(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="back.md")).status == "added"
    assert await positions(store, "Ken Mori", "Tokyo's stance on the nuclear ban treaty", "turned its back") != [
        "support"
    ]
