"""Stored claims made current: extracted again where the extractor changed or a later actor is named.

`/stance --about` uses a document's stored claims only when they are what extracting them now would give
(`fresh_claims`); any other document is extracted at query time, which is correct but slow. This rebuilds
them: after a bulk run (its own documents: the workers extracted with an actor index that did not yet
know the actors other documents of the run discovered), and for the whole store by `python -m bot claims`
(after a migration or a new extractor version). Chunked, each chunk its own transaction, so it can be
interrupted at any point and run again: it redoes only what is still not current.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass

from bot.actors import ActorIndex
from bot.extract.affiliation import affiliations
from bot.extract.claim_records import (
    dump_claims,
    extractor_version,
    fresh_claims,
    load_readings,
    names_learned_after,
)
from bot.extract.stance import extract_claims
from bot.extract.text_readings import readings_of
from bot.models import ParsedPassage
from bot.rows import ClaimsRow
from bot.store import Store
from bot.store.about import DocPassage, document_passages, documents_naming
from bot.store.claims import StoredClaims, count_outdated, documents_after, replace_claims, stored_claims
from bot.store.search import fts_string
from bot.text import index_tokens

__all__ = ["CHUNK", "ClaimsRefresh", "refresh_claims", "refresh_claims_naming"]

CHUNK = 100  # documents read, checked and rewritten per transaction

ProgressHook = Callable[["ClaimsRefresh"], Awaitable[None] | None]


@dataclass(slots=True)
class ClaimsRefresh:
    total: int  # documents to look at
    checked: int = 0
    rebuilt: int = 0  # extracted again (the others read were still current: recorded as such)


async def refresh_claims(
    store: Store, doc_ids: Sequence[int] | None = None, *, chunk: int = CHUNK, on_progress: ProgressHook | None = None
) -> ClaimsRefresh:
    """Rebuild the claims of the documents (`doc_ids`, or every one) whose stored claims are not current."""
    if doc_ids is not None:
        return await _refresh_listed(store, sorted(doc_ids), chunk, on_progress)
    total, _ = await count_outdated(store, extractor_version())
    progress = ClaimsRefresh(total)
    after = 0
    while batch := await documents_after(store, after, chunk):
        after = batch[-1][0]
        await _refresh_chunk(store, [d for d, _, _ in batch], progress)
        await _tell(on_progress, progress)
    return progress


async def refresh_claims_naming(
    store: Store, known_before: int, *, skip: Collection[int] = (), chunk: int = CHUNK
) -> ClaimsRefresh:
    """Rebuild the claims of the documents, other than `skip`, whose text names what the registry learned after
    generation `known_before` (`ActorIndex.generation`): a new actor, or a new alias of an actor stored before (found
    by the full-text index, so a run that taught the registry nothing reads nothing)."""
    phrases = {index_tokens(name) for *_, name in names_learned_after(store.actors, known_before) if len(name) >= 2}
    query = " OR ".join(fts_string(p) for p in sorted(phrases) if p)
    if not query:
        return ClaimsRefresh(0)
    skipped = set(skip)
    doc_ids = [d for d in await documents_naming(store, query) if d not in skipped]
    return await _refresh_listed(store, sorted(doc_ids), chunk, None)


async def _refresh_listed(
    store: Store, doc_ids: list[int], chunk: int, on_progress: ProgressHook | None
) -> ClaimsRefresh:
    progress = ClaimsRefresh(len(doc_ids))
    for start in range(0, len(doc_ids), chunk):
        await _refresh_chunk(store, doc_ids[start : start + chunk], progress)
        await _tell(on_progress, progress)
    return progress


async def _refresh_chunk(store: Store, doc_ids: list[int], progress: ClaimsRefresh) -> None:
    stored = await stored_claims(store, doc_ids)
    actors = store.actors
    version, known = extractor_version(), actors.generation
    # an up-to-date row whose index knew every actor there is now: nothing to read
    open_ids = [d for d in doc_ids if d not in stored or not _current(stored[d], version, known)]
    heads, passages = await document_passages(store, open_ids)
    titles = {d: h.title or "" for d, h in heads.items()}
    rebuilt = await asyncio.to_thread(_rebuild, actors, stored, passages, version, known, titles)
    if rebuilt:
        await replace_claims(store, [(d, row, provisional) for d, row, provisional, _ in rebuilt])
    progress.checked += len(doc_ids)
    progress.rebuilt += sum(1 for *_, extracted in rebuilt if extracted)


def _current(row: StoredClaims, version: str, known: int) -> bool:
    return row.version == version and row.actors_known >= known


def _rebuild(
    actors: ActorIndex,
    stored: dict[int, StoredClaims],
    passages: dict[int, list[DocPassage]],
    version: str,
    known: int,
    titles: dict[int, str] | None = None,
) -> list[tuple[int, ClaimsRow, dict[int, int], bool]]:
    """(document, its claims as of today's index, the stored ids of the provisional ones they name, whether they
    were extracted again) per document read."""
    out: list[tuple[int, ClaimsRow, dict[int, int], bool]] = []
    for doc_id, rows in passages.items():
        parsed = [ParsedPassage(r.text, r.url, r.outlet, r.date, r.heading, r.default_speaker, r.kind) for r in rows]
        row = stored.get(doc_id)
        fresh = row is not None and fresh_claims(
            row.version, row.actors_known, row.own_actors, actors, parsed, row.own_generation
        )
        if row is not None and fresh:
            # still what extraction gives: recorded as read with today's index, so it is not scanned again
            out.append((doc_id, ClaimsRow(version, known, row.records), row.provisional, False))
            continue
        claims = extract_claims(parsed, actors)  # with what its texts read as (`text_readings`), for the queries
        # a record of this extractor version read its texts already: most are the same (a later actor's name
        # changes a few clauses), and a text's reading is a function of the text alone
        earlier = load_readings(row.records) if row is not None and row.version == version else None
        readings = readings_of(claims, parsed, (titles or {}).get(doc_id, ""), earlier=earlier)
        ties = affiliations([p.text for p in parsed], actors)  # who speaks for whom there (`/stance --about`)
        out.append((doc_id, ClaimsRow(version, known, dump_claims(claims, readings, ties)), {}, True))
    return out


async def _tell(hook: ProgressHook | None, progress: ClaimsRefresh) -> None:
    if hook is not None:
        out = hook(progress)
        if out is not None:
            await out
