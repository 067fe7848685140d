"""How long a bulk batch waits for a source that is not ready (issue 19, fast44): a pool run's batches wait
`POOL_BATCH_SECONDS` (its pool is behind whenever the machine is busy, and each batch pays a commit and a read of the
clustering candidates), a run in one thread (a small upload, one source at a time) `BATCH_SECONDS` as before, and a
run's own `batch_seconds` is kept. Where batches end changes nothing the run computes: `test_bulk_deterministic`."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.ingest.bulk import (
    BATCH_SECONDS,
    POOL_BATCH_SECONDS,
    BulkOptions,
    BulkProgress,
    _init_worker,
    _Run,
)
from bot.store import Store


@pytest.mark.parametrize(
    ("given", "window", "expected"),
    [
        (None, 1, BATCH_SECONDS),  # one thread: a document is visible as soon as before
        (None, 500, POOL_BATCH_SECONDS),  # a pool run
        (0.0, 500, 0.0),  # a run's own choice (the tests' batches as results come)
        (3600.0, 1, 3600.0),
    ],
)
async def test_the_wait_a_run_gives_its_batches(
    tmp_path: Path, given: float | None, window: int, expected: float
) -> None:
    store = await Store.open(tmp_path / "w.db")
    try:
        run = _Run(store, BulkOptions(batch_seconds=given), BulkProgress(0), None, None)
        with ThreadPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(None,)) as executor:
            await run.go(executor, [], str(tmp_path), window=window)
        assert run.batch_seconds == expected
    finally:
        await store.close()


def test_a_pool_batch_waits_longer_than_a_thread_batch() -> None:
    assert POOL_BATCH_SECONDS > BATCH_SECONDS
