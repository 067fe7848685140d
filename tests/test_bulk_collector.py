"""A bulk run's parent collects its youngest generation as rarely as its pool's workers for the run's time
(`bulk_collector.fewer_collections`), and the process's own thresholds come back when the last run ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.ingest.bulk import WORKER_GC_THRESHOLD, BulkOptions, BulkProgress, TextSource, bulk_ingest
from bot.ingest.bulk_collector import fewer_collections
from bot.store import Store
from tests.test_bulk import article


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        yield gc.get_threshold()
    finally:
        gc.set_threshold(*before)


def test_raised_for_the_run_and_restored(thresholds: tuple[int, int, int]) -> None:
    with fewer_collections(20_000):
        assert gc.get_threshold() == (20_000, 10, 10)  # the older generations' own as they were
    assert gc.get_threshold() == thresholds


def test_overlapping_runs_restore_after_the_last(thresholds: tuple[int, int, int]) -> None:
    """Two uploads' runs in one bot, the first ending first: raised until both have ended."""
    first, second = fewer_collections(20_000), fewer_collections(20_000)
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] == 20_000
    second.__exit__(None, None, None)
    assert gc.get_threshold() == thresholds


def test_restored_when_the_run_fails(thresholds: tuple[int, int, int]) -> None:
    with pytest.raises(RuntimeError), fewer_collections(20_000):
        raise RuntimeError("a broken pool")
    assert gc.get_threshold() == thresholds


def test_a_higher_threshold_is_never_lowered(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(50_000, 10, 10)
    with fewer_collections(20_000):
        assert gc.get_threshold()[0] == 50_000
    assert gc.get_threshold() == (50_000, 10, 10)


async def test_a_pool_run_raises_it_and_a_thread_run_does_not(tmp_path: Path, thresholds: tuple[int, int, int]) -> None:
    seen: list[int] = []

    def heard(_progress: BulkProgress) -> None:
        seen.append(gc.get_threshold()[0])

    store = await Store.open(tmp_path / "c.db")
    try:
        texts = [TextSource(article(n), f"g{n}.md") for n in range(4)]
        await bulk_ingest(store, texts[:2], options=BulkOptions(workers=0), on_progress=heard)
        assert set(seen) == {700}
        seen.clear()
        await bulk_ingest(store, texts[2:], options=BulkOptions(workers=1), on_progress=heard)
        assert set(seen[:-1]) == {WORKER_GC_THRESHOLD}  # the last progress is told after the run has ended
        assert gc.get_threshold() == thresholds
    finally:
        await store.close()
