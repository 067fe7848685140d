"""Clustering's candidate index (issue 19, round 29): `match_events` given a key's candidates as `Candidates.shared`
visits only those that share a word, a person, a bridging name or (an English report) a cross word with the new event,
found by each unit's index (`_UnitIndex`), in the order `Candidates.stored` gives them: the same comparisons in the same
order, so the same clusters, as the test of every candidate, while the kept candidates are added to, cut at their
limit, relabelled by merges and trimmed."""

from __future__ import annotations

import random

import pytest

from bot.store import clusters as cl

DAYS = ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"]
JA = [f"語{i}" for i in range(8)]
EN = [f"w{i}" for i in range(8)]


def _rule(calls: list[tuple[int, int]]) -> cl.SameEvent:
    """A rule with every hook clustering reads; it records each comparison (new event's id, stored event's id)."""

    def same(a: dict, b: dict) -> float:
        calls.append((a["id"], b["id"]))
        return random.Random(a["id"] * 7919 + b["id"]).choice([-1.0, 0.0, 0.0, 0.3, 0.5, 0.6, 0.8])

    same.cross_words = lambda f: frozenset("w" + t[1:] for t in f.get("tokens") or () if t.startswith("語"))  # type: ignore[attr-defined]
    same.compared_widely = lambda f: bool(f.get("tokens")) and all(t.isascii() for t in f["tokens"])  # type: ignore[attr-defined]
    same.bridge_names = lambda f: frozenset(f.get("names") or ())  # type: ignore[attr-defined]
    same.apart_in_one_article = lambda a, b: (a["id"] + b["id"]) % 11 == 0  # type: ignore[attr-defined]
    return same


def _event(rng: random.Random, event_id: int) -> cl.Member:
    english = rng.random() < 0.3
    words = rng.sample(EN if english else JA, rng.randint(0, 3))
    features: dict = {"id": event_id, "tokens": words, "persons": rng.sample(range(5), rng.randint(0, 1))}
    if rng.random() < 0.2:
        features["names"] = [rng.choice(["N1", "N2"])] * rng.randint(1, 2)  # a name twice, as a list may hold it
    if rng.random() < 0.15:
        features["report"] = True
    day = rng.choice(DAYS)
    if rng.random() < 0.15:
        features["alt"] = rng.choice(DAYS)
    if rng.random() < 0.15:
        return cl.Member(event_id, day[:7], "month", "s", False, 1.0, features)
    return cl.Member(event_id, day, "day", "s", False, 1.0, features)


def _matched(events: list[cl.Member], stored: dict, same: cl.SameEvent, calls: list) -> tuple:
    bridged: list[tuple[int, int]] = []
    out = cl.match_events(events, stored, same, bridged)
    return out, bridged, list(calls)


@pytest.mark.parametrize("seed", range(12))
def test_the_index_visits_what_the_whole_list_compares_in_its_order(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cl, "CANDIDATES", 6)  # small: the lists fill, are cut, and a key's later units get less room
    rng = random.Random(seed)
    calls: list[tuple[int, int]] = []
    same = _rule(calls)
    candidates = cl.Candidates(same, kept=True)
    for unit in [*(("day", d) for d in DAYS), ("day", "2025-03"), ("month", "2025-03"), *(("alt", d) for d in DAYS)]:
        candidates._units[unit] = []  # read from an empty store
    next_id, compared = 1, 0
    for _ in range(40):
        document = [_event(rng, next_id + i) for i in range(rng.randint(1, 4))]
        next_id += len(document)
        keys = {cl._candidate_key(m) for m in document}
        calls.clear()
        plain = _matched(document, {k: candidates.stored(k) for k in keys}, same, calls)
        calls.clear()
        indexed = _matched(document, {k: candidates.shared(k) for k in keys}, same, calls)
        assert indexed == plain
        compared += len(plain[2])
        candidates.add(document, plain[0])
        if rng.random() < 0.2:  # a merge at a batch's end
            ids = sorted({cid for lst in candidates._units.values() for _, (cid, _, _) in lst})
            if len(ids) > 1:
                candidates.relabel({ids[-1]: ids[0]})
        if rng.random() < 0.05:
            candidates.trim(candidates.size // 2)
            for unit in [*(("day", d) for d in DAYS), ("month", "2025-03")]:
                candidates._units.setdefault(unit, [])  # read again (here: the empty store)
    assert compared > 50  # the test compared something


def test_a_candidate_that_shares_nothing_is_not_handed_out() -> None:
    calls: list[tuple[int, int]] = []
    same = _rule(calls)
    candidates = cl.Candidates(same, kept=True)
    candidates._units[("day", DAYS[0])] = []
    stored = [cl.Member(i, DAYS[0], "day", "s", False, 1.0, {"id": i, "tokens": [w]}) for i, w in enumerate(JA, 1)]
    candidates.add(stored, [m.id for m in stored])
    new = cl.Member(50, DAYS[0], "day", "s", False, 1.0, {"id": 50, "tokens": ["語3", "語5"]})
    shared = candidates.shared(cl._candidate_key(new))
    assert [cid for cid, _, _ in shared.sharing({"語3", "語5"}, None)] == [4, 6]
    assert len(list(shared)) == len(JA)  # iterated: every candidate, as `stored` gives them
    english = cl.Member(51, DAYS[0], "day", "s", False, 1.0, {"id": 51, "tokens": ["w5"]})
    # an English report meets the Japanese reports whose cross words hold its words
    assert [c for c, _, _ in shared.sharing({"w5"}, frozenset(["w5"]))] == [6]
    assert cl.match_events([english], {cl._candidate_key(english): shared}, same) is not None
    assert calls == [(51, 6)]
