"""The claims stored at ingest answer `/stance --about` exactly as extracting them at query time did.

On every evaluation story (its articles ingested after the seeds by the bulk path, as the quality floors do)
and on the dev set's free-text cases: each document's stored claims, wherever `fresh_claims` accepts them, equal
`extract_claims` over its passages with today's actor index, and what its texts read as (`text_readings`: their
matching forms, character maps, position cues and conditions), handed to the readers, equals what they compute;
and who speaks for whom in it (`affiliation.affiliations`, stored beside them) is what the text reads as now.
That every `about` case gets the same report from the stored path (claims and readings) as from extraction alone
(the stored rows hidden from the service, every reading computed at query time) is checked where the quality floors
ask those cases (tests/test_quality_floor.py, `extracted_answers_hold`): asked here again, each corpus's stored
answers were made twice a run (~0.3 s of CPU a corpus).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from bot.extract import about, known_forms, stance
from bot.extract.affiliation import affiliations
from bot.extract.claim_records import fresh_claims, load_claims, load_readings, load_ties
from bot.extract.stance import extract_claims
from bot.extract.text_readings import reading_texts
from bot.models import ParsedPassage
from bot.store import Store
from bot.store.about import document_passages
from bot.store.claims import documents_after, stored_claims
from bot.text import normalize_with_map
from tests.test_quality_floor import _scorer, cold_claims, corpora

CORPORA = sorted(n for n, (cases, _) in corpora().items() if (cases / "stance.jsonl").exists())


@cache
def _about_cases(name: str) -> list[dict]:  # read at collection and again by the test: once a process
    cases, _ = corpora()[name]
    return [c for c in _scorer().load(cases / "stance.jsonl") if c.get("about")]


async def _all_documents(store: Store) -> list[int]:
    ids: list[int] = []
    while batch := await documents_after(store, ids[-1] if ids else 0, 500):
        ids += [d for d, _, _ in batch]
    return ids


def _readings_hold(claims: list, rows: list, title: str, records: bytes) -> int:
    """Every stored reading of a document, handed to the readers, is what they compute for its text; the number
    of texts found stored."""
    cold_claims()
    if not claims:  # nothing of it is read: nothing stored
        return 0
    known_forms.remember(load_readings(records))
    clauses, matched = reading_texts(claims, rows, title)
    found = 0
    for text in clauses:
        assert about._stored_probes(text) == about._computed_probes(text), text
        assert about._stored_map(text) == normalize_with_map(text), text
        probe = stance._probe(text)
        assert known_forms.stored_cues(probe) is not None, text
        assert stance.passage_cues(probe) == stance._pos_hits(probe), text
        assert stance.passage_conds(probe) == stance._cond_hits(probe), text
        found += 1
    for text in matched:
        assert about._stored_probes(text) == about._computed_probes(text), text
        found += 1
    return found


@pytest.mark.parametrize("name", [n for n in CORPORA if _about_cases(n)])
def test_stored_claims_answer_as_extraction_does(name: str, story_db: Callable[[str], Path]) -> None:
    # the seeds and the story's articles, ingested by the CLI's bulk path (conftest.py: once per run for this
    # test and the quality floors)
    asyncio.run(_compare(name, story_db(name)))


async def _compare(name: str, seeded_db: Path) -> None:
    store = await Store.open(str(seeded_db))
    try:
        docs = await _all_documents(store)
        stored = await stored_claims(store, docs)
        assert set(stored) == set(docs), "a document was written without its claims"
        heads, passages = await document_passages(store, docs)
        fresh = read = tied = 0
        for doc_id in docs:
            row = stored[doc_id]
            parsed = [
                ParsedPassage(r.text, r.url, r.outlet, r.date, r.heading, r.default_speaker, r.kind)
                for r in passages[doc_id]
            ]
            if fresh_claims(row.version, row.actors_known, row.own_actors, store.actors, parsed):
                fresh += 1
                claims = load_claims(row.records, row.provisional)
                assert claims == extract_claims(parsed, store.actors), heads[doc_id].name
                # and who speaks for whom there: each person's stored ties are what the text reads as now (a person
                # the extraction found no mention of is absent, and read from the text at query time: `_tied`)
                ties = load_ties(row.records, row.provisional)
                assert ties is not None, heads[doc_id].name
                now = affiliations([r.text for r in passages[doc_id]], store.actors)
                assert {p: now.get(p) for p in ties} == ties, heads[doc_id].name
                tied += sum(1 for phrases in ties.values() if phrases)
                read += _readings_hold(claims, passages[doc_id], heads[doc_id].title or "", row.records)
        assert fresh == len(docs), f"only {fresh} of {len(docs)} documents' stored claims are used"
        assert read > 0, "no document's readings were stored"
        assert tied > 0, "no document's ties were stored"

    finally:
        await store.close()
