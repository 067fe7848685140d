"""`bench.kept` / `bench.tenancy` measure a copy of a kept store with its claims current: a store kept by another
tree's code holds claims of that code's extractor, which this code would extract again at query time (the
`--about` figure several times the one a store this code built gives — round 46 read such a figure as a
regression)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bench.tenancy import measure_kept
from bot.extract.claim_records import extractor_version
from bot.store.backend import open_backend
from bot.store.claims import count_outdated
from tests.test_claims_upkeep import _make_outdated
from tests.test_store_claims import _add


async def _outdated_at(db: Path) -> int:
    store = await open_backend(db)
    try:
        return (await count_outdated(store, extractor_version()))[1]
    finally:
        await store.close()


async def _kept_with_old_claims(db: Path) -> None:
    store = await open_backend(db)
    try:
        await _make_outdated(store, await _add(store))
    finally:
        await store.close()


def test_a_kept_store_is_measured_with_its_claims_rebuilt_on_the_copy(tmp_path: Path, capsys) -> None:
    db = tmp_path / "bench_10000.db"
    asyncio.run(_kept_with_old_claims(db))
    assert asyncio.run(_outdated_at(db)) == 1

    assert measure_kept(db, _outdated_at) == 0  # what the measure saw: every claim current
    assert "1 documents hold claims of another extractor: rebuilt first" in capsys.readouterr().err
    assert asyncio.run(_outdated_at(db)) == 1  # the kept store itself untouched


def test_a_kept_store_already_current_is_measured_as_it_is(tmp_path: Path, capsys) -> None:
    db = tmp_path / "bench_10000.db"

    async def current() -> None:
        store = await open_backend(db)
        try:
            await _add(store)
        finally:
            await store.close()

    asyncio.run(current())
    assert measure_kept(db, _outdated_at) == 0
    assert "rebuilt first" not in capsys.readouterr().err
