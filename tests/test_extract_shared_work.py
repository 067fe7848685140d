"""Work extract_document shares between its steps (actor mentions, passage nouns) changes nothing they find."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.actors import ActorIndex
from bot.extract.events import extract_events
from bot.extract.stance import extract_statements
from bot.ingest.parse import parse_document
from bot.models import ParsedDocument
from bot.text import analyze

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[ParsedDocument]:
    return [parse_document(p.read_text(encoding="utf-8"), name=p.name) for p in sorted(SEEDS.glob("*.txt"))]


def test_mentions_take_the_longest_alias_at_each_place(actors: ActorIndex) -> None:
    text = "ドナルド・トランプ大統領とＥＵ外交代表は、Trumpet ではなく Trump と会った。米国務長官も"
    found = [(m.name, text[m.start : m.end]) for m in actors.mentions(text)]
    # full-width letters keep their offsets; an English alias only as a whole word; 米国務長官 is not 米国
    assert found == [("トランプ", "ドナルド・トランプ"), ("カラス", "ＥＵ外交代表"), ("トランプ", "Trump")]


def test_statements_are_the_same_with_mentions_found_beforehand(
    actors: ActorIndex, seeds: list[ParsedDocument]
) -> None:
    for doc in seeds:
        dates = [p.date for p in doc.passages]
        mentions = [actors.mentions(p.text) for p in doc.passages]
        assert extract_statements(doc.passages, actors, dates, mentions) == extract_statements(
            doc.passages, actors, dates
        )


def test_events_are_the_same_with_the_passages_nouns_known(actors: ActorIndex, seeds: list[ParsedDocument]) -> None:
    reused = 0
    for doc in seeds:
        known = {p.text: analyze(p.text).nouns for p in doc.passages}
        events = extract_events(doc.passages, actors, doc.published, known)
        assert events == extract_events(doc.passages, actors, doc.published)
        reused += sum(e.summary in known for e in events[0])
    assert reused  # some summaries are whole passages
