"""Clustering's shortcuts answer as the whole rule does, on every pair of a few tuned stories' events (Japanese and
English, as the bulk writer stores them): `_same_script` (two reports in one script, the rules across the languages
left out) against `_across_scripts` (every rule); the acts alone (`vetoes`) against a comparison for whether two
reports are surely apart, and a merge's check with them against every pair compared; `latin_names` made when first
read against made at once."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

from bot.actors import ActorIndex
from bot.extract.bridge import latin_names
from bot.extract.document import content_hash, extract_document
from bot.extract.event_match import (
    DIFFERENT,
    EventSets,
    _across_scripts,
    _acts_apart,
    _same_script,
    event_sets,
    same_event,
    same_event_sets,
    veto_key,
    vetoes,
)
from bot.ingest.parse import parse_document
from bot.rows import EventRow
from bot.store import clusters as cl
from bot.store.syncdb import SyncDB

STORIES = Path(__file__).resolve().parent.parent / "eval" / "stories"
CORPORA = ("boeing2024", "ohtani2024", "uselection2024", "noto2024")


def stored_features(ev: EventRow) -> dict:
    """An event's features as the store writes them (`store.event_members`, the registry's ids as they are)."""
    return {
        "tokens": ev.tokens,
        "persons": list(ev.persons),
        "names": ev.names,
        "report": ev.report,
        **({"alt": ev.alt} if ev.alt else {}),
        **({"act": ev.act, "acts": ev.acts} if ev.act else {}),
        **({"subject": ev.subject} if ev.subject else {}),
        **({"people": ev.people} if ev.people else {}),
        **({"vague": True} if ev.precision != "day" else {}),
    }


@pytest.fixture(scope="module")
def story_events(actors: ActorIndex) -> list[tuple[str, dict]]:
    out = []
    for corpus in CORPORA:
        for path in sorted((STORIES / corpus).glob("*.txt")):
            parsed = parse_document(path.read_text(encoding="utf-8"), name=path.name)
            out += [
                (ev.date, stored_features(ev)) for ev in extract_document(parsed, actors, content_hash(parsed)).events
            ]
    return out


def whole_rule(a: EventSets, b: EventSets) -> float:
    """`same_event_sets` as it was: every rule, whatever the scripts."""
    if _acts_apart(a, b):
        return DIFFERENT
    if not a.tokens or not b.tokens:
        return 0.0
    return _across_scripts(a, b)


def test_one_script_shortcut_scores_as_the_whole_rule(story_events: list[tuple[str, dict]]) -> None:
    sets = [event_sets(f) for _, f in story_events]
    same = across = positive = 0
    for a in sets:
        for b in sets:
            want = whole_rule(a, b)
            assert same_event_sets(a, b) == want
            if a.latin == b.latin and a.tokens and b.tokens and want != DIFFERENT:
                assert _same_script(a, b) == want
                same += 1
                positive += want > 0
            else:
                across += 1
    assert same > 10_000 and across > 1_000 and positive > 100  # both scripts, both outcomes exercised


def test_the_acts_alone_say_when_two_reports_are_surely_apart(story_events: list[tuple[str, dict]]) -> None:
    sets = [event_sets(f) for _, f in story_events]
    apart = 0
    for a in sets:
        for b in sets:
            assert vetoes(veto_key(a), veto_key(b)) == (same_event_sets(a, b) < 0)
            apart += same_event_sets(a, b) < 0
    assert apart > 100
    assert same_event.vetoes == (veto_key, vetoes)  # type: ignore[attr-defined]


def test_a_merge_asks_the_acts_as_it_asked_every_pair(story_events: list[tuple[str, dict]]) -> None:
    """`merge_bridged`'s check of two clusters with the rule's vetoes and with every pair of reports compared."""

    class EveryPair:  # the rule without `vetoes`: every pair of reports compared
        prepared = same_event.prepared  # type: ignore[attr-defined]

        def __call__(self, a: dict, b: dict) -> float:
            return same_event(a, b)

    rows = [(i, 1 + i % 7, 100 + i, json.dumps(f, ensure_ascii=False)) for i, (_, f) in enumerate(story_events)]
    db = _db(rows)
    answers = []
    for a in range(1, 8):
        for b in range(a + 1, 8):
            fast = asyncio.run(cl._mergeable(db, a, b, same_event))  # type: ignore[arg-type]
            assert fast == asyncio.run(cl._mergeable(db, a, b, EveryPair()))  # type: ignore[arg-type]
            answers.append(fast)
    assert False in answers


def _db(rows: list[tuple[int, int, int, str]]) -> SyncDB:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events(id INTEGER PRIMARY KEY, cluster_id INTEGER, document_id INTEGER, features TEXT)")
    conn.executemany("INSERT INTO events(id, cluster_id, document_id, features) VALUES (?, ?, ?, ?)", rows)
    return SyncDB(conn)


def test_latin_names_are_made_when_first_read_and_kept(story_events: list[tuple[str, dict]]) -> None:
    for _, f in story_events:
        s = event_sets(f)
        assert s._latin_names is None
        assert s.latin_names == latin_names(f.get("tokens") or (), f.get("names") or ())
        assert s.latin_names is s.latin_names
        assert s._replace(report=True).latin_names == s.latin_names and s._replace(report=True).report
