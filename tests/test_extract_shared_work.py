"""Work extract_document shares between its steps (actor mentions, passage nouns) changes nothing they find."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from bot.actors import ActorIndex
from bot.extract.clause_readings import ClauseReadings
from bot.extract.events import extract_events
from bot.extract.stance import _State, extract_statements
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


STORIES = Path(__file__).resolve().parent.parent / "eval" / "stories"


def test_statements_are_the_same_with_one_clause_reading(actors: ActorIndex) -> None:
    """The statements keep their reading of a passage's clauses for the claims (`ClauseReadings`), and read a
    passage without a topic with its quotes for them: neither changes a statement found. That the claims taking
    those readings find what they find alone is held on every story's documents, the seeds among them, by
    the quality floors' stored-claims identity (tests/claims_identity.py): the claims stored at ingest
    (`extract_document`: the statements' readings taken) equal `extract_claims` alone. Checked here too, that was
    each story read twice more (~3 s of CPU a run); a reading keyed without the state's `carry` or `last_person`
    fails both tests."""
    files = sorted(SEEDS.glob("*.txt")) + sorted(STORIES.glob("*/*.txt"))
    kept = 0
    for path in files:
        doc = parse_document(path.read_text(encoding="utf-8"), name=path.name)
        dates = [p.date for p in doc.passages]
        readings = ClauseReadings()
        assert extract_statements(doc.passages, actors, dates, None, readings) == extract_statements(
            doc.passages, actors, dates
        ), path.name
        kept += len(readings._kept)
    assert kept > 1000


def test_a_clause_reading_is_taken_only_from_the_same_state() -> None:
    readings = ClauseReadings()
    before = _State(item_context="ctx")
    key = ClauseReadings.key(3, before, None, True)
    after = _State(item_context="ctx", carry=7, carry_tail=True)
    after.orgs.append(9)
    readings.keep(key, ["clause"], after)
    other = _State(item_context="ctx", last_person=5)
    assert readings.take(ClauseReadings.key(3, other, None, True), other) is None
    assert readings.take(ClauseReadings.key(3, before, 4, True), before) is None  # another introduction
    assert readings.take(ClauseReadings.key(3, before, None, False), before) is None  # read without its quotes
    assert readings.take(ClauseReadings.key(2, before, None, True), before) is None
    fresh = _State(item_context="ctx", recent=deque([{"ceasefire"}]))  # the statements' topic memory is no key
    assert readings.take(ClauseReadings.key(3, fresh, None, True), fresh) == ["clause"]
    assert (fresh.carry, fresh.carry_tail, list(fresh.orgs)) == (7, True, [9])
    assert fresh.orgs is not after.orgs and fresh.orgs.maxlen == after.orgs.maxlen  # a copy: the two passes go on apart
    assert list(fresh.recent) == [{"ceasefire"}]
    assert (readings.hits, readings.misses) == (1, 4)
