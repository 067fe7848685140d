"""The bulk writer's kept candidates name the cluster each is in after `Batch.finish` merged clusters
(`Candidates.relabel`, once per merge): what `stored` hands out is what a read from the store would give, an earlier
merge's survivor merged in turn included, and no candidate of a cluster left alone changes."""

from __future__ import annotations

from bot.extract.event_match import same_event
from bot.store import clusters as cl


def _held(entries: list[tuple[int, int, str]]) -> cl.Candidates:
    """Candidates holding (event id, cluster id, date) in one day's unit, as a read would have filled it."""
    candidates = cl.Candidates(same_event, kept=True)
    for event_id, cluster_id, date in entries:
        feats = cl._Features({"tokens": ["会談"], "persons": []})
        candidates._units.setdefault(("day", date), []).append(((date, event_id), (cluster_id, date, feats)))
    return candidates


def _clusters(candidates: cl.Candidates, date: str) -> list[int]:
    return [c for c, _, _ in candidates.stored(("day", date))]


def test_merged_clusters_are_named_by_the_cluster_they_joined() -> None:
    candidates = _held([(1, 10, "2025-03-01"), (2, 20, "2025-03-01"), (3, 30, "2025-03-01"), (4, 20, "2025-03-02")])
    features = [f for _, f in candidates._units[("day", "2025-03-01")]]
    candidates.relabel({20: 10})
    assert _clusters(candidates, "2025-03-01") == [10, 10, 30]
    assert _clusters(candidates, "2025-03-02") == [10]
    candidates.relabel({10: 5, 30: 5})  # the survivor of the first merge merged in turn
    assert _clusters(candidates, "2025-03-01") == [5, 5, 5]
    assert _clusters(candidates, "2025-03-02") == [5]
    assert [f for _, f in candidates._units[("day", "2025-03-01")]] == [
        (5, d, x) for (_, d, x) in features
    ]  # order, dates and the decoded features kept


def test_no_merge_changes_nothing() -> None:
    candidates = _held([(1, 10, "2025-03-01"), (2, 20, "2025-03-01")])
    before = list(candidates._units[("day", "2025-03-01")])
    candidates.relabel({})
    candidates.relabel({99: 1})
    assert candidates._units[("day", "2025-03-01")] == before
