"""The bulk writer's kept candidates indexed by what they share (issue 19, forty-third round): `Candidates.sharing`
hands a new event, in `stored`'s order and within its cut, every candidate `_compared` passes, and `match_events`
given the kept candidates answers (clusters and bridges) exactly as it does given every candidate of the key —
through `add`s (a day's unit grows at its end, a month's in its middle), merges (`relabel`), `trim` and cuts."""

from __future__ import annotations

import random

import pytest

from bot.store import clusters as cl

DAYS = ["2025-03-01", "2025-03-02", "2025-03-03"]
WORDS = ["会談", "首脳", "停戦", "合意", "発表", "訪問", "#3", "summit"]
NAMES = ["%brnkn", "%trmp", "&nato"]


def rule(a: dict, b: dict) -> float:
    """A rule of our own: words and persons in common make one happening, different acts two; it never holds for two
    events that share no word, person or name (`SameEvent`'s promise)."""
    if a.get("act") and b.get("act") and a["act"] != b["act"] and set(a["tokens"]) & set(b["tokens"]):
        return -1.0
    shared = len(set(a["tokens"]) & set(b["tokens"])) + len(set(a["persons"]) & set(b["persons"]))
    shared += len(set(a.get("names", ())) & bridge_names(b)) + len(set(a.get("doer", ())) & bridge_names(b))
    return min(1.0, 0.3 * shared)


def bridge_names(features: dict) -> frozenset[str]:
    return frozenset(features.get("names", ())) | frozenset(features.get("doer", ()))


rule.bridge_names = bridge_names  # type: ignore[attr-defined]
rule.cross_words = lambda features: frozenset("summit" for t in features["tokens"] if t == "会談")  # type: ignore[attr-defined]


def _member(event_id: int, rng: random.Random) -> cl.Member:
    features: dict = {
        "tokens": rng.sample(WORDS, rng.randrange(0, 3)),
        "persons": rng.sample([1, 2, 3, 4], rng.randrange(0, 2)),
        "act": rng.choice(["", "会う", "撃つ"]),
    }
    if rng.random() < 0.3:
        features["names"] = rng.sample(NAMES, 1)
    if rng.random() < 0.2:
        features["doer"] = rng.sample(NAMES, 1)
    if rng.random() < 0.25:
        features["report"] = True
    if rng.random() < 0.15:
        features["alt"] = rng.choice(DAYS)
    if rng.random() < 0.2:
        return cl.Member(event_id, "2025-03", "month", "s", False, 1.0, features)
    return cl.Member(event_id, rng.choice(DAYS), "day", "s", False, 1.0, features)


def _units_of(m: cl.Member) -> list[cl.Unit]:
    alt = m.features.get("alt")
    return [("day", m.date), ("month", m.date[:7]), *((("alt", alt),) if alt else ())]


def _run(seed: int) -> int:
    rng = random.Random(seed)
    kept = cl.Candidates(rule, kept=True)
    next_id, clusters, checked = 1, [], 0
    for _ in range(80):
        op = rng.random()
        if op < 0.7:  # a document: matched both ways, then written
            events = [_member(next_id + k, rng) for k in range(rng.randrange(1, 5))]
            next_id += len(events)
            stored = {key: kept.stored(key) for key in {cl._candidate_key(m) for m in events}}
            bridged_all: list[tuple[int, int]] = []
            bridged_kept: list[tuple[int, int]] = []
            answer = cl.match_events(events, stored, rule, bridged_all)
            assert cl.match_events(events, {}, rule, bridged_kept, kept) == answer
            assert bridged_kept == bridged_all
            for m in events:
                mine = cl._Features(m.features)
                sharing = (mine.words[0] | mine.cross(rule), mine.words[1], bridge_names(m.features), False)
                found = kept.sharing(cl._candidate_key(m), sharing[0], sharing[1], sharing[2], m.report)
                every = cl._candidate_key(m) and kept.stored(cl._candidate_key(m))
                passed = [c for c in every if cl._compared(c[2], (*sharing, mine.words[0], m.report), rule)]
                assert [c for c in found if cl._compared(c[2], (*sharing, mine.words[0], m.report), rule)] == passed
                assert all(c in every for c in found)
                checked += len(passed)
            for m in events:  # `add` puts an event in the units a read would: make them held
                for u in _units_of(m):
                    kept._units.setdefault(u, [])
            kept.add(events, answer)
            clusters.extend(answer)
        elif op < 0.85 and clusters:
            into = {g: f for g, f in ((rng.choice(clusters), rng.choice(clusters)) for _ in range(2)) if g != f}
            into = {g: f for g, f in into.items() if f not in into}
            kept.relabel(into)
        else:
            kept.trim(rng.randrange(0, 30))
    return checked


@pytest.mark.parametrize("candidates", [6, 400])
def test_the_kept_candidates_index_gives_what_every_candidate_gives(monkeypatch, candidates: int) -> None:
    monkeypatch.setattr(cl, "CANDIDATES", candidates)  # small: the cut falls inside a unit's list
    assert sum(_run(seed) for seed in range(150)) > 500


def test_a_day_s_unit_that_grows_in_its_middle_is_indexed_again() -> None:
    kept = cl.Candidates(rule, kept=True)
    day = DAYS[0]
    kept._units[("day", day)] = []
    first = cl.Member(10, day, "day", "s", False, 1.0, {"tokens": ["会談"], "persons": []})
    kept.add([first], [10])
    key = cl._candidate_key(first)
    probe = frozenset(["会談"])
    assert [c for c, *_ in kept.sharing(key, probe, frozenset(), frozenset(), False)] == [10]
    earlier = cl.Member(5, day, "day", "s", False, 1.0, {"tokens": ["会談"], "persons": []})
    kept.add([earlier], [5])  # (an id below the last: not a day's unit's way, but held in order all the same)
    assert [c for c, *_ in kept.sharing(key, probe, frozenset(), frozenset(), False)] == [5, 10]
