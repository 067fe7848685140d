"""bench.fill: the copies written as rows are the rows the real writer stores for `bench.bulk --copies`."""

from __future__ import annotations

import pickle
from pathlib import Path

from bench import corpus
from bench.bulk import _WriterProfile, replay
from bench.fill import check, fill
from bot.extract.document import extract_document
from bot.ingest.pipeline import parse_text
from bot.store.store import BatchItem, term_counts


def record_articles(recording: Path, actors, batches: tuple[int, ...]) -> None:
    """The first sum(batches) bench articles extracted and kept in `recording` in batches of those sizes, as a
    bulk run records them."""
    items = []
    for name, text in corpus.generate(sum(batches)):
        parsed, digest = parse_text(text, name, "file")
        ex = extract_document(parsed, actors, digest)
        items.append(BatchItem(parsed, ex, terms=term_counts(ex.tokens)))
    with recording.open("wb") as f:
        start = 0
        for size in batches:
            pickle.dump(items[start : start + size], f, protocol=pickle.HIGHEST_PROTOCOL)
            start += size


async def test_a_filled_store_holds_the_real_writers_rows(tmp_path: Path, actors) -> None:
    recording = tmp_path / "batches.pickle"
    record_articles(recording, actors, (4, 2))  # two batches
    base, real, filled = tmp_path / "base.db", tmp_path / "real.db", tmp_path / "filled.db"
    await replay(recording, base, _WriterProfile(False))
    written = await replay(recording, real, _WriterProfile(False), limit=15, copies=True)
    result = await fill(recording, base, filled, 15)
    assert result["documents"] == written["articles"] > 12  # three rounds of copies and more
    differ = {table: counts for table, counts in check(filled, real).items() if counts[2] or counts[0] != counts[1]}
    # A copy's claims row is its original's in the fill (bench/fill.py): the one table allowed to differ.
    assert set(differ) <= {"document_claims"}
    assert differ.get("document_claims", (1, 1, 0))[0] == differ.get("document_claims", (1, 1, 0))[1]
