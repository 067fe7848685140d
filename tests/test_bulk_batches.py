"""The bulk writer's batches (issue 19): a batch of documents gives exactly the store that writing them one
at a time gives (clusters compared with candidates read once per batch, cluster states updated once per
batch), and the FTS5 settings of a bulk run are set and restored."""

from __future__ import annotations

import asyncio
import fcntl
import os
import pickle
from pathlib import Path
from typing import Any

import pytest

from bench import corpus
from bot.extract.document import extract_document
from bot.extract.events import same_event
from bot.ingest.pipeline import parse_text
from bot.store import Store
from bot.store import clusters as cl
from bot.store.store import BatchItem

TABLES = {
    "events": "SELECT id, document_id, date, cluster_id FROM events ORDER BY id",
    "clusters": "SELECT id, date, precision, background, representative, members, day_dates FROM clusters ORDER BY id",
    "cluster_actors": "SELECT cluster_id, actor_id, background, date FROM cluster_actors ORDER BY cluster_id, actor_id",
    "cluster_topics": "SELECT cluster_id, topic, background, date FROM cluster_topics ORDER BY cluster_id, topic",
    "statements": "SELECT id, document_id, actor_id, topic, position FROM statements ORDER BY id",
    "term_df": "SELECT term, doc FROM term_df ORDER BY term",
}


async def _dump(store: Store) -> dict[str, list[tuple]]:
    return {name: [tuple(r) for r in await store.fetchall(sql)] for name, sql in TABLES.items()}


# The 90 documents extracted and the tables of the store they make written one at a time, with the small limits
# below: the same for every test of this file (the single path neither keeps nor trims candidates, and writing reads
# an extraction without changing it), so they are made once per run, by whichever xdist worker needs them first,
# under a lock in the run's shared folder (conftest.py's `run_dir`), and read from there by the others (pickled).
# As a per-process cache they were made once per worker that ran one of the three tests: three times in a full run
# (~3 s of CPU each at load 1, the extraction most of it).
CANDIDATES, EXACT_LIMIT = 12, 3
Reference = tuple[list[tuple[Any, Any]], dict[str, list[tuple]]]


async def _one_at_a_time(folder: Path) -> Reference:
    one = await Store.open(folder / "one.db")
    try:
        await one.set_meta("seeded", "0")
        docs = []
        for name, text in corpus.generate(90, seed=3):
            parsed, digest = parse_text(text, name, "file")
            docs.append((parsed, extract_document(parsed, one.actors, digest)))
        for parsed, ex in docs:
            await one.add_document(parsed, ex, same_event=same_event)
        return docs, await _dump(one)
    finally:
        await one.close()


@pytest.fixture(scope="session")
def reference(run_dir: Path) -> Reference:
    """The documents and the one-at-a-time store's tables (see above), made with CANDIDATES and EXACT_LIMIT set."""
    kept = run_dir / "bulk-batches-reference.pickle"
    with open(run_dir / "bulk-batches-reference.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not kept.exists():
            folder = run_dir / "bulk-batches-reference"
            folder.mkdir(exist_ok=True)
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(cl, "CANDIDATES", CANDIDATES)
                mp.setattr(cl, "EXACT_LIMIT", EXACT_LIMIT)
                made = asyncio.run(_one_at_a_time(folder))
            part = kept.with_suffix(f".part{os.getpid()}")
            part.write_bytes(pickle.dumps(made))
            os.replace(part, kept)
    return pickle.loads(kept.read_bytes())  # a copy of its own for each process


async def _same_store_both_ways(
    tmp_path: Path, monkeypatch, reference: Reference, singles: set[int] = frozenset()
) -> None:
    """90 documents written one at a time in one store, in batches of up to 30 in another (the documents at
    the positions `singles` alone, through the single path, between batches): the tables must be the same."""
    # Small limits, so that this corpus's days fill their candidate lists and clusters grow past the
    # exact limit inside a batch: the paths where a batch could differ from one document at a time.
    monkeypatch.setattr(cl, "CANDIDATES", CANDIDATES)
    monkeypatch.setattr(cl, "EXACT_LIMIT", EXACT_LIMIT)
    docs, a = reference
    many = await Store.open(tmp_path / "many.db")
    try:
        await many.set_meta("seeded", "0")
        batch: list[BatchItem] = []
        for i, (parsed, ex) in enumerate(docs):
            if i not in singles:
                batch.append(BatchItem(parsed, ex))
            if batch and (len(batch) == 30 or i == len(docs) - 1 or i + 1 in singles):
                outcomes = await many.add_documents(batch, same_event=same_event)
                assert all(o.document_id is not None for o in outcomes)
                batch = []
            if i in singles:
                await many.add_document(parsed, ex, same_event=same_event)
        b = await _dump(many)
        assert len(a["events"]) > 100
        assert sum(event_id != cluster_id for event_id, _, _, cluster_id in a["events"]) > 20  # events joined others
        assert max(r[5] for r in a["clusters"]) > cl.EXACT_LIMIT  # clusters grew past the exact limit
        for name in TABLES:
            assert b[name] == a[name], name
    finally:
        await many.close()


async def test_batches_give_the_store_one_document_at_a_time_gives(
    tmp_path: Path, monkeypatch, reference: Reference
) -> None:
    await _same_store_both_ways(tmp_path, monkeypatch, reference)


async def test_candidates_kept_between_batches_see_what_another_writer_added(
    tmp_path: Path, monkeypatch, reference: Reference
) -> None:
    # The bulk writer keeps its clustering candidates from batch to batch; a document written meanwhile on
    # the store's other connection (the single path) must be among them for the next batch.
    await _same_store_both_ways(tmp_path, monkeypatch, reference, singles={20, 31, 45, 62, 75})


async def test_kept_candidates_trimmed_past_their_cap_give_the_same_store(
    tmp_path: Path, monkeypatch, reference: Reference
) -> None:
    # Past KEPT_CANDIDATES the units least recently needed are forgotten (and read again when needed):
    # the store must be the same as one written document after document.
    from bot.store import store as store_module

    monkeypatch.setattr(store_module, "KEPT_CANDIDATES", 30)
    trimmed: list[int] = []
    trim = cl.Candidates.trim

    def counted(self: cl.Candidates, limit: int) -> int:
        dropped = trim(self, limit)
        trimmed.append(dropped)
        assert self.size <= limit
        return dropped

    monkeypatch.setattr(cl.Candidates, "trim", counted)
    await _same_store_both_ways(tmp_path, monkeypatch, reference)
    assert trimmed and all(n > 0 for n in trimmed)  # the cap was passed, and units were forgotten


def test_trim_forgets_the_units_least_recently_needed() -> None:
    c = cl.Candidates(None, kept=True)
    entry = (("2025-03-01", 1), (1, "2025-03-01", None))
    for unit, n in ((("day", "a"), 3), (("day", "b"), 2), (("day", "c"), 4)):
        c._units[unit] = [entry] * n
    c._units[("day", "a")] = c._units.pop(("day", "a"))  # needed again: now the most recent
    assert c.trim(5) == 2
    assert list(c._units) == [("day", "a")] and c.size == 3
    assert c.trim(5) == 0


async def test_a_bulk_run_sets_the_index_settings_and_restores_them(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "fts.db")
    try:

        async def config() -> dict[str, int]:
            rows = await store.fetchall("SELECT k, v FROM passage_fts_config WHERE k IN ('automerge', 'hashsize')")
            return {r[0]: int(r[1]) for r in rows}

        await store.bulk_index_settings(True)
        assert await config() == {"automerge": 8, "hashsize": 64 * 1024 * 1024}
        await store.bulk_index_settings(False)
        assert await config() == {"automerge": 4, "hashsize": 1024 * 1024}
        await store.conn.execute("INSERT INTO passage_fts(passage_fts) VALUES ('integrity-check')")
    finally:
        await store.close()
