"""Stored events written with the same features (a story republished or updated by its outlet tells its sentences
again) are one candidate object in the bulk writer's kept candidates (`Candidates._shared`), and `match_events`
scores a new event against each such object once: the same clusters, vetoes and bridges as scoring every candidate,
for fewer comparisons."""

from __future__ import annotations

import json
from typing import Any

from bot.extract.event_match import same_event
from bot.store import clusters as cl

DAY = "2025-03-01"


def _member(event_id: int, features: dict[str, Any], date: str = DAY) -> cl.Member:
    return cl.Member(event_id, date, "day", "要約", False, 1.0, features)


def _held(features: list[dict[str, Any]], cluster_ids: list[int]) -> cl.Candidates:
    """Kept candidates of one day, filled by `add` as the bulk writer fills them."""
    candidates = cl.Candidates(same_event, kept=True)
    candidates._units[("day", DAY)] = []
    candidates.add([_member(i + 1, f) for i, f in enumerate(features)], cluster_ids)
    return candidates


TALKS = {"tokens": ["会談", "首脳", "合意"], "persons": [7], "names": [], "report": False}
QUAKE = {"tokens": ["地震", "発生", "津波"], "persons": [], "names": [], "report": False}


def test_candidates_of_one_stored_text_are_one_object_and_read_ones_join_them() -> None:
    candidates = _held([TALKS, dict(TALKS), QUAKE], [1, 2, 3])
    held = [f for _, _, f in candidates.stored(("day", DAY))]
    assert held[0] is held[1] and held[0] is not held[2]
    assert candidates._shared(json.dumps(TALKS, ensure_ascii=False)) is held[0]  # what a read of the store finds


def _counting(rule: Any) -> tuple[Any, list[int]]:
    calls: list[int] = []

    def counted(a: dict, b: dict) -> float:
        calls.append(1)
        return rule(a, b)

    return counted, calls


def test_a_new_event_is_scored_once_per_stored_text_with_the_clusters_of_scoring_each() -> None:
    stored = [TALKS, QUAKE, dict(TALKS), dict(QUAKE), dict(TALKS)]
    candidates = _held(stored, [10, 20, 30, 40, 50])
    new = [_member(100, dict(TALKS)), _member(101, {**QUAKE, "tokens": ["地震", "発生", "津波", "警報"]})]
    key = cl._candidate_key(new[0])
    rule, calls = _counting(same_event)  # no `prepared`: every comparison is a call
    bridged: list[tuple[int, int]] = []
    got = cl.match_events(new, {key: candidates.stored(key)}, rule, bridged)
    # each its own objects: every candidate scored, as before the candidates were shared
    apart = {key: [(c, d, cl._Features(f.value)) for c, d, f in candidates.stored(key)]}
    rule2, calls2 = _counting(same_event)
    bridged2: list[tuple[int, int]] = []
    assert got == cl.match_events(new, apart, rule2, bridged2) == [10, 20]
    assert bridged == bridged2 == [(10, 30), (10, 50), (20, 40)]
    # the stored text sharing its words, once for each new event; each of its three and two copies before
    assert (len(calls), len(calls2)) == (2, 5)


def test_a_veto_reaches_every_cluster_holding_the_text() -> None:
    said = {"tokens": ["会談", "首脳", "合意"], "persons": [7], "names": [], "report": False, "act": ["~say"]}
    held = _held([said, dict(said)], [10, 20])
    new = _member(100, {**TALKS, "act": ["~attack"], "acts": ["~attack"]})
    key = cl._candidate_key(new)
    rule, calls = _counting(same_event)
    assert cl.match_events([new], {key: held.stored(key)}, rule) == [100]  # neither cluster joined
    assert len(calls) == 1
