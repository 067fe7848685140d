"""The claims stored at ingest are what extracting them at query time gives (the stored-claims identity).

Checked by the quality floors on every corpus with `about` cases (tests/test_quality_floor.py), on the store they
have just asked, right after asking those cases again with no stored claim (`extracted_answers_hold`): each
document's stored claims, wherever `fresh_claims` accepts them, equal `extract_claims` over its passages with today's
actor index, and what its texts read as (`text_readings`: their matching forms, character maps, position cues and
conditions), handed to the readers, equals what they compute; and who speaks for whom in it
(`affiliation.affiliations`, stored beside them) is what the text reads as now.

The claims the `--about` service has just extracted at query time (`stance_about._claims`, the stored rows hidden,
under the store's own index, from the passages `document_passages` reads, as here) are compared as they are, not
extracted a second time: `extracted(store)` collects them, and only the documents no question read are extracted
here (80 of 112 documents taken over eight corpora). This was a test of its own (test_about_claims_identity.py,
~0.21 s of CPU a corpus, 31.4 s a run) that copied each story's store again, opened it and extracted every
document's claims anew right after the floors' re-asking had extracted most of them.
"""

from __future__ import annotations

from bot.extract import about, known_forms, stance
from bot.extract.affiliation import affiliations
from bot.extract.claim_records import fresh_claims, load_claims, load_readings, load_ties
from bot.extract.stance import Claim, extract_claims
from bot.extract.text_readings import reading_texts
from bot.models import ParsedPassage
from bot.store import Store
from bot.store.about import document_passages
from bot.store.claims import documents_after, stored_claims
from bot.text import normalize_with_map


def cold_claims() -> None:
    """No document's claims kept by the `--about` service, no stored reading handed over, none computed yet."""
    from bot.services import stance_about as about_service

    about_service._CLAIMS.clear()
    known_forms.clear()
    about._probes.cache_clear()
    about._mapped.cache_clear()


def extracted(store: Store) -> dict[int, list[Claim]]:
    """The claims the `--about` service keeps for `store`'s documents under the store's own index (an index made
    for one question is another key): what it extracted, when it was asked with no stored claim (after
    `cold_claims`)."""
    from bot.services import stance_about as about_service

    return {
        doc_id: claims
        for (_, _, doc_id), (held_store, actors, claims, _memo) in about_service._CLAIMS.items()
        if held_store is store and actors is store.actors
    }


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


async def stored_claims_hold(store: Store, at_query_time: dict[int, list[Claim]]) -> int:
    """Every document of `store` holds the claims, readings and ties extraction gives today (`at_query_time`: the
    claims already extracted for some of them, `extracted`; the others are extracted here); the number of documents
    whose claims were taken from `at_query_time`."""
    docs = await _all_documents(store)
    stored = await stored_claims(store, docs)
    assert set(stored) == set(docs), "a document was written without its claims"
    heads, passages = await document_passages(store, docs)
    fresh = read = tied = taken = 0
    for doc_id in docs:
        row = stored[doc_id]
        parsed = [
            ParsedPassage(r.text, r.url, r.outlet, r.date, r.heading, r.default_speaker, r.kind)
            for r in passages[doc_id]
        ]
        if fresh_claims(row.version, row.actors_known, row.own_actors, store.actors, parsed, row.own_generation):
            fresh += 1
            claims = load_claims(row.records, row.provisional)
            now = at_query_time.get(doc_id)
            taken += now is not None
            assert claims == (now if now is not None else extract_claims(parsed, store.actors)), heads[doc_id].name
            # and who speaks for whom there: each person's stored ties are what the text reads as now (a person
            # the extraction found no mention of is absent, and read from the text at query time: `_tied`)
            ties = load_ties(row.records, row.provisional)
            assert ties is not None, heads[doc_id].name
            read_now = affiliations([r.text for r in passages[doc_id]], store.actors)
            assert {p: read_now.get(p) for p in ties} == ties, heads[doc_id].name
            tied += sum(1 for phrases in ties.values() if phrases)
            read += _readings_hold(claims, passages[doc_id], heads[doc_id].title or "", row.records)
    assert fresh == len(docs), f"only {fresh} of {len(docs)} documents' stored claims are used"
    assert read > 0, "no document's readings were stored"
    assert tied > 0, "no document's ties were stored"
    return taken
