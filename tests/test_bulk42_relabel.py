"""The bulk writer's kept candidates relabelled by the units that hold the merged clusters only (issue 19, forty-second
round): `Candidates.relabel` leaves exactly what the scan of every unit it replaces left — whatever was held before
the first merge, added (`add`) or forgotten (`trim`) after it, merges chained or undone in one call."""

from __future__ import annotations

import json
import random

from bot.extract.event_match import same_event
from bot.store import clusters as cl

DATES = ["2025-03-01", "2025-03-02", "2025-03-03", "2025-04-10"]


def _scan_all(candidates: cl.Candidates, into: dict[int, int]) -> None:
    """The relabelling this round replaced: every held candidate looked at."""
    if not into:
        return
    for lst in candidates._units.values():
        for i, (order, (cluster_id, date, features)) in enumerate(lst):
            if cluster_id in into:
                lst[i] = (order, (into[cluster_id], date, features))


def _state(candidates: cl.Candidates) -> dict:
    return {
        unit: [(order, c, d, None if f is None else json.dumps(f.value, sort_keys=True)) for order, (c, d, f) in lst]
        for unit, lst in candidates._units.items()
    }


def _member(event_id: int, rng: random.Random) -> cl.Member:
    features = {"tokens": [rng.choice(["会談", "首脳", "停戦"])], "persons": []}
    if rng.random() < 0.2:
        features["alt"] = rng.choice(DATES[:3])
    return cl.Member(event_id, rng.choice(DATES), "day", "s", False, 1.0, features)


def _units_of(m: cl.Member) -> list[cl.Unit]:
    return [("day", m.date), ("month", m.date[:7]), *((("alt", m.features["alt"]),) if "alt" in m.features else ())]


def _run(seed: int) -> None:
    rng = random.Random(seed)
    new, old = cl.Candidates(same_event, kept=True), cl.Candidates(same_event, kept=True)
    next_id = 1
    clusters = list(range(1, 40))
    # held before the first merge, as a read (`load`) fills the units
    for unit in [("day", d) for d in DATES] + [("month", "2025-03"), ("alt", "2025-03-02")]:
        for _ in range(rng.randrange(0, 12)):
            entry = ((unit[1], next_id), (rng.choice(clusters), unit[1], cl._Features({"tokens": ["会談"]})))
            for c in (new, old):
                c._units.setdefault(unit, []).append(entry)
            next_id += 1
    for _ in range(60):
        op = rng.random()
        if op < 0.45:
            into = {}
            for gone in rng.sample(clusters, rng.randrange(0, 4)):
                into[gone] = rng.choice(clusters)
            into = {g: f for g, f in into.items() if g != f}
            new.relabel(into)
            _scan_all(old, into)
        elif op < 0.9:
            events = [_member(next_id + k, rng) for k in range(rng.randrange(1, 4))]
            next_id += len(events)
            ids = [rng.choice(clusters) if rng.random() < 0.7 else m.id for m in events]
            clusters.extend(m.id for m in events)
            for c in (new, old):
                for m in events:  # `add` puts an event in the units a read would: make them held
                    for u in _units_of(m):
                        c._units.setdefault(u, [])
                c.add(events, ids)
        else:
            limit = rng.randrange(0, 40)
            assert new.trim(limit) == old.trim(limit)
        assert _state(new) == _state(old)


def test_relabel_by_the_units_holding_the_clusters_is_the_scan_of_every_unit() -> None:
    for seed in range(300):
        _run(seed)


def test_a_chained_merge_in_one_call_is_relabelled_one_step_as_before() -> None:
    c = cl.Candidates(same_event, kept=True)
    feats = cl._Features({"tokens": ["会談"]})
    c._units[("day", "2025-03-01")] = [(("2025-03-01", 1), (1, "2025-03-01", feats))]
    c._units[("day", "2025-03-02")] = [(("2025-03-02", 2), (2, "2025-03-02", feats))]
    c.relabel({1: 2, 2: 3})  # 1 becomes 2 (one step), 2 becomes 3
    assert [cid for cid, *_ in c.stored(("day", "2025-03-01"))] == [2]
    assert [cid for cid, *_ in c.stored(("day", "2025-03-02"))] == [3]
    c.relabel({2: 5})  # the candidate the first call named 2 is found by the next merge of 2
    assert [cid for cid, *_ in c.stored(("day", "2025-03-01"))] == [5]
    assert [cid for cid, *_ in c.stored(("day", "2025-03-02"))] == [3]


def test_a_forgotten_unit_is_not_made_again_by_a_merge() -> None:
    c = cl.Candidates(same_event, kept=True)
    feats = cl._Features({"tokens": ["会談"]})
    c._units[("day", "2025-03-01")] = [(("2025-03-01", 1), (1, "2025-03-01", feats))]
    c._units[("day", "2025-03-02")] = [(("2025-03-02", 2), (1, "2025-03-02", feats))]
    c.relabel({7: 8})  # the index made, nothing of 7 held
    assert c.trim(1) == 1
    c.relabel({1: 9})
    assert list(c._units) == [("day", "2025-03-02")]
    assert [cid for cid, *_ in c.stored(("day", "2025-03-02"))] == [9]
