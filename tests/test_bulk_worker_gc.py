"""The forty-third round's cut of the bulk pipeline (issue 19, fast43): a pool worker's cyclic garbage collector runs
its youngest generation every `WORKER_GC_THRESHOLD` allocations instead of Python's 700 (`bulk._init_worker_process`),
and extraction gives the same answer whenever the collector runs."""

from __future__ import annotations

import gc
import json
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest

from bench.extraction_dump import record
from bot.actors import ActorIndex
from bot.ingest.bulk import WORKER_GC_THRESHOLD, _init_worker_process
from tests.story_records import STORIES

# a Japanese and an English story, two articles each
_ARTICLES = [path for corpus in ("noto2024", "boeing2024") for path in sorted((STORIES / corpus).glob("*.txt"))[:2]]


def test_a_pool_worker_collects_its_youngest_generation_less_often() -> None:
    before = gc.get_threshold()
    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker_process,
        initargs=(None,),
    ) as pool:
        in_worker = pool.submit(gc.get_threshold).result()
    assert in_worker[0] == WORKER_GC_THRESHOLD > before[0]
    assert in_worker[1:] == before[1:]  # the older generations' own thresholds as Python sets them
    assert gc.get_threshold() == before  # the calling process (the bot's, the CLI's) keeps its own


@pytest.fixture
def threshold() -> Iterator[None]:
    before = gc.get_threshold()
    enabled = gc.isenabled()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if enabled:
            gc.enable()


def _extracted() -> list[str]:
    actors = ActorIndex([])
    return [
        json.dumps(record(path.name, path.read_text(encoding="utf-8"), actors), sort_keys=True, ensure_ascii=False)
        for path in _ARTICLES
    ]


def test_extraction_is_the_same_whenever_the_collector_runs(threshold: None) -> None:
    """Collecting after every 50 allocations, at the worker's threshold, or never: the same documents, events,
    statements, claims and readings (only when unreachable objects are freed changes)."""
    assert len(_ARTICLES) == 4
    gc.set_threshold(50)
    often = _extracted()
    gc.set_threshold(WORKER_GC_THRESHOLD)
    worker = _extracted()
    gc.disable()
    never = _extracted()
    assert often == worker == never
