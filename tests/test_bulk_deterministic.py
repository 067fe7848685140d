"""A bulk run's store depends on its input alone, not on when the workers' results came (issue 19, round 30).

Two runs of the same sources used to give different clusters: the writer is handed batches whose ends depend on
the workers' timing (a batch is written when it has waited `batch_seconds` for the next result), and (1) the
clusters a report bridged were merged at its batch's end, so the documents after it in that batch matched the
clusters unmerged, and (2) the actors discovered so far were handed to the workers after every batch written, so
which sources were extracted knowing them changed with the timing too. Now a bridging report's merge is done
before the next document is matched, as the single path does, and the workers get the actors at counts of
documents taken in the sources' order: where the batches end changes nothing the run computes.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from bot.extract.document import extract_document
from bot.ingest import bulk, pipeline
from bot.ingest.bulk import BulkOptions, TextSource, bulk_ingest
from bot.ingest.pipeline import ingest_text, parse_text
from bot.store import Store
from bot.store.store import BatchItem

MEETING = "ノルウェー政府は2025年3月25日、ベルゲンで北欧和平会議を開いた。"
MINISTERS = "十か国の外相は2025年3月25日、オスロに集まった。"
BOTH = "ノルウェー政府は2025年3月25日、ベルゲンで北欧和平会議を開き、オスロに集まった十か国の外相が出席した。"
# the first report of each happening, then one that tells both (a bridge), then one that tells each apart
REPORTS = [("会議", MEETING), ("外相", MINISTERS), ("和平会議", BOTH), ("二つ", MEETING + "\n" + MINISTERS)]


def _toy(a: dict, b: dict) -> float:
    """The meeting's words and the ministers' never meet; the whole report meets both."""
    shared = set(a.get("tokens") or ()) & set(b.get("tokens") or ())
    return 0.6 if shared & {"ベルゲン", "オスロ"} else 0.0


def _texts() -> list[tuple[str, str]]:
    return [(f"r{i}.md", f"---\ntitle: {title}\n---\n{body}\n") for i, (title, body) in enumerate(REPORTS)]


async def _clusters(store: Store) -> list[tuple]:
    events = await store.fetchall("SELECT id, document_id, cluster_id FROM events ORDER BY id")
    return [tuple(r) for r in events]


async def _store(path: Path) -> Store:
    store = await Store.open(path)
    await store.set_meta("seeded", "0")
    return store


async def test_a_bridging_report_merges_before_the_next_document_of_its_batch(tmp_path: Path) -> None:
    """The fourth report tells the meeting and the ministers apart: written after the third report's merge (one at
    a time) it joins the merged cluster with both its events; in one batch with the third it joined the two
    clusters unmerged, and being in both it then stopped the merge at the batch's end."""
    one = await _store(tmp_path / "one.db")
    many = await _store(tmp_path / "many.db")
    try:
        docs = []
        for name, text in _texts():
            parsed, digest = parse_text(text, name, "file")
            docs.append((parsed, extract_document(parsed, one.actors, digest)))
        for parsed, ex in docs:
            await one.add_document(parsed, ex, same_event=_toy)
        await many.add_documents([BatchItem(p, ex) for p, ex in docs], same_event=_toy)
        expected = await _clusters(one)
        assert len({c for *_, c in expected}) == 1  # the bridge merged the two happenings' clusters
        assert await _clusters(many) == expected
    finally:
        await one.close()
        await many.close()


async def test_bulk_runs_of_other_timings_and_worker_counts_give_the_same_clusters(tmp_path: Path, monkeypatch) -> None:
    """One at a time, in one thread with one batch or a batch per document, and in two worker processes whose
    results are written as they come (a batch whenever the next is not ready): the same cluster for every event."""
    monkeypatch.setattr(bulk, "same_event", _toy)
    monkeypatch.setattr(pipeline, "same_event", _toy)
    texts = _texts()
    one = await _store(tmp_path / "one.db")
    try:
        for name, text in texts:
            assert (await ingest_text(one, text, name=name)).status == "added"
        expected = await _clusters(one)
    finally:
        await one.close()
    runs = {
        "one batch": BulkOptions(workers=0, batch_seconds=3600),
        "a batch per document": BulkOptions(workers=0, batch_seconds=0),
        "two workers, batches as results come": BulkOptions(workers=2, batch_size=3, batch_seconds=0),
        "one worker, whole batches": BulkOptions(workers=1, batch_size=3, batch_seconds=3600),
    }
    for i, (label, options) in enumerate(runs.items()):
        store = await _store(tmp_path / f"run{i}.db")
        try:
            sources = [TextSource(text, name) for name, text in texts]
            assert (await bulk_ingest(store, sources, options=options)).added == len(texts), label
            assert await _clusters(store) == expected, label
        finally:
            await store.close()


# Each article names a person no registry holds, whom extraction discovers (its own actor once written).
PEOPLE = [
    "ストルテンベルク",
    "フォンタナ",
    "ロッシ",
    "ベルナール",
    "カルヴァーリョ",
    "ノヴァク",
    "ヴィルタネン",
    "オルセン",
]
DISCOVERING = (
    "---\ntitle: 会見{n}\npublished: 2025-03-{day:02d}\n---\n"
    "イタリアのマリオ・{name}外相は{day}日、ローマで記者会見し、「停戦の実現には各国の協力が欠かせない」と述べた。\n"
    "{name}外相は会談の成果を強調した。\n"
)


async def test_the_workers_get_the_discovered_actors_at_the_same_sources_whatever_the_timing(
    tmp_path: Path, monkeypatch
) -> None:
    """The actors each source is extracted with (the index handed to the workers when it was sent) are the same
    in a run whose batches are written whenever the next result is not ready and in one of whole batches."""
    texts = [(f"d{n}.md", DISCOVERING.format(n=n, day=1 + n, name=name)) for n, name in enumerate(PEOPLE * 2)]
    original = bulk.pool_job
    seen: list[tuple[str, tuple[str, ...]]] = []

    def recorded(executor, fn, source, version, actors_file, *rest):  # type: ignore[no-untyped-def]
        with open(actors_file, "rb") as f:
            index = pickle.load(f)
        seen.append((source.name, tuple(sorted(a.name for a in index.actors.values()))))
        return original(executor, fn, source, version, actors_file, *rest)

    monkeypatch.setattr(bulk, "pool_job", recorded)
    answers = []
    for i, seconds in enumerate((0, 3600)):
        seen.clear()
        store = await _store(tmp_path / f"run{i}.db")
        try:
            sources = [TextSource(text, name) for name, text in texts]
            options = BulkOptions(workers=2, batch_size=3, batch_seconds=seconds)
            assert (await bulk_ingest(store, sources, options=options)).added == len(texts)
            actors = await store.fetchall("SELECT id, name, document_id FROM actors WHERE origin = 'discovered'")
            answers.append((list(seen), [tuple(r) for r in actors], await _clusters(store)))
        finally:
            await store.close()
    assert answers[0][1]  # the run discovered people
    assert len({names for _, names in answers[1][0]}) > 1  # and handed them to the workers during the run
    assert answers[0] == answers[1]
