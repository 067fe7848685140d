"""`merge_bridged` reads the reports of the two clusters a report bridged and compares them pair by pair; the rule's
sets of each report's features (`same_event.prepared`) are kept by their stored text (`PreparedSets`), so a cluster
read again by a later merge (the bulk writer's batches merge into the same large clusters) is not decoded again.
The answers are the ones the sets made afresh give."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from typing import Any

from bot.extract.event_match import same_event
from bot.store import clusters as cl
from bot.store.syncdb import SyncDB


def _features(tokens: list[str], act: list[str] | None = None, persons: list[int] | None = None) -> str:
    return json.dumps(
        {"tokens": tokens, "act": act or [], "acts": act or [], "persons": persons or []}, ensure_ascii=False
    )


def _db(rows: list[tuple[int, int, int, str]]) -> SyncDB:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events(id INTEGER PRIMARY KEY, cluster_id INTEGER, document_id INTEGER, features TEXT)")
    conn.executemany("INSERT INTO events(id, cluster_id, document_id, features) VALUES (?, ?, ?, ?)", rows)
    return SyncDB(conn)


class _Counted:
    """`same_event` whose `prepared` counts the features it makes sets of."""

    def __init__(self) -> None:
        self.made = 0
        self.prepared = (self._prepare, same_event.prepared[1])  # type: ignore[attr-defined]

    def _prepare(self, features: dict) -> Any:
        self.made += 1
        return same_event.prepared[0](features)  # type: ignore[attr-defined]

    def __call__(self, a: dict, b: dict) -> float:
        return same_event(a, b)


ROWS = [
    (1, 10, 100, _features(["~meeting", "ベルゲン", "会議"], ["~hold"])),
    (2, 10, 101, _features(["~meeting", "ベルゲン", "和平"], ["~hold"])),
    (3, 20, 102, _features(["~meeting", "ベルゲン", "会議", "外相"], ["~hold"])),
    (4, 30, 103, _features(["~meeting", "ベルゲン", "会議"], ["~cancel"])),  # another act: two happenings
    (5, 40, 100, _features(["~meeting", "ベルゲン", "会議"], ["~hold"])),  # an article in cluster 10 too
]


def test_the_kept_sets_answer_as_sets_made_afresh() -> None:
    db = _db(ROWS)
    kept = cl.PreparedSets()
    for a, b in [(10, 20), (10, 30), (20, 30), (10, 40), (20, 40)]:
        fresh = asyncio.run(cl._mergeable(db, a, b, same_event))  # type: ignore[arg-type]
        assert asyncio.run(cl._mergeable(db, a, b, same_event, kept)) == fresh  # type: ignore[arg-type]
    assert asyncio.run(cl._mergeable(db, 10, 20, same_event, kept)) is True  # type: ignore[arg-type]
    assert asyncio.run(cl._mergeable(db, 10, 30, same_event, kept)) is False  # type: ignore[arg-type]
    assert asyncio.run(cl._mergeable(db, 10, 40, same_event, kept)) is False  # type: ignore[arg-type]


def test_a_cluster_read_again_is_not_made_sets_again() -> None:
    db, rule, kept = _db(ROWS), _Counted(), cl.PreparedSets()
    asyncio.run(cl._mergeable(db, 10, 20, rule, kept))  # type: ignore[arg-type]
    assert rule.made == 3
    asyncio.run(cl._mergeable(db, 10, 30, rule, kept))  # type: ignore[arg-type]
    assert rule.made == 4  # cluster 10's two reports were kept; cluster 30's one is new
    asyncio.run(cl._mergeable(db, 10, 30, rule))  # type: ignore[arg-type]
    assert rule.made == 7  # without kept sets every report is made again


def test_the_same_text_gives_the_same_sets_and_the_store_is_bounded() -> None:
    kept, made = cl.PreparedSets(limit=2), []

    def prepare(features: dict) -> tuple[str, ...]:
        made.append(features["tokens"][0])
        return tuple(features["tokens"])

    a, b, c = (_features([w]) for w in ("a", "b", "c"))
    assert kept.get(a, prepare) is kept.get(a, prepare) and made == ["a"]
    kept.get(b, prepare)
    assert len(kept) == 2
    kept.get(c, prepare)  # past the limit: it starts again
    assert len(kept) == 1 and made == ["a", "b", "c"]
    kept.get(a, prepare)
    assert made == ["a", "b", "c", "a"]


def test_a_batch_passes_its_candidates_kept_sets_to_the_merges() -> None:
    candidates = cl.Candidates(same_event)
    assert isinstance(candidates.bridge_sets, cl.PreparedSets)
    assert cl.Batch(same_event, candidates).candidates.bridge_sets is candidates.bridge_sets
