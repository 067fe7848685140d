"""`same_event` over features made sets once (`event_sets`, `same_event_sets`, what clustering uses) scores
exactly as the plain definition over the stored lists, and clustering assigns the same clusters with or
without that prepared form."""

from __future__ import annotations

import random

from bot.extract.events import event_sets, same_event, same_event_sets
from bot.store.clusters import Member, _Features, match_events

WORDS = ["会談", "停戦", "合意", "制裁", "~meeting", "~ceasefire", "#47議席", "#5%", "発表", "首脳"]


def plain_same_event(a: dict, b: dict) -> float:
    """The definition over the stored lists, as it was written before the sets were made once."""
    ta, tb = set(a.get("tokens") or ()), set(b.get("tokens") or ())
    if not ta or not tb:
        return 0.0
    common = ta & tb
    shared = len(common)
    if not shared:
        return 0.0
    overlap = shared / len(ta | tb)
    cover = shared / min(len(ta), len(tb))
    shared_people = max(
        len(set(a.get("persons") or ()) & set(b.get("persons") or ())),
        len(set(a.get("names") or ()) & set(b.get("names") or ())),
    )
    headline = bool(a.get("report") or b.get("report"))
    score = overlap + 0.05 * shared + 0.1 * shared_people
    if (overlap >= 0.34 and shared >= 2) or shared >= (2 if headline else 3):
        return score
    if shared_people and (shared >= 2 or cover >= 0.34):
        return score
    concepts = sum(t.startswith("~") for t in common)
    if shared_people and concepts:
        return score
    if (concepts or shared_people) and any(t.startswith("#") and not t.endswith("%") for t in common):
        return score
    if concepts >= 2 and cover >= 0.6:
        return score
    if concepts and cover >= 1.0 and min(len(ta), len(tb)) <= 2:  # a list's terse entry
        return score
    return 0.0  # (the features here are all Japanese: the rules across languages never apply)


def features(rng: random.Random) -> dict:
    f: dict = {
        "tokens": rng.sample(WORDS, rng.randint(0, 5)),
        "persons": rng.sample([1, 2, 3], rng.randint(0, 2)),
        "names": rng.sample(["trump", "putin"], rng.randint(0, 1)),
    }
    if rng.random() < 0.3:
        f["report"] = True
    return f


def test_the_prepared_form_scores_as_the_plain_definition() -> None:
    rng = random.Random(19)
    pool = [features(rng) for _ in range(150)]
    scored = 0
    for a in pool:
        for b in pool:
            want = plain_same_event(a, b)
            assert same_event_sets(event_sets(a), event_sets(b)) == want
            assert same_event(a, b) == want
            scored += bool(want)
    assert 0 < scored < len(pool) ** 2  # both outcomes are exercised


def test_clustering_assigns_the_same_clusters_with_or_without_the_prepared_form() -> None:
    rng = random.Random(7)
    stored_events = [(100 + i, "2025-03-10", _Features(features(rng))) for i in range(60)]
    events = [Member(1000 + i, "2025-03-10", "day", "s", False, 1.0, features(rng)) for i in range(40)]
    key = ("days", "2025-03-10", "2025-03")
    stored = {key: stored_events}
    fast = match_events(events, stored, same_event)
    stored = {key: [(c, d, _Features(f.value)) for c, d, f in stored_events]}
    plain = match_events(events, stored, lambda a, b: plain_same_event(a, b))  # no prepared form offered
    assert fast == plain
    assert any(c < 1000 for c in fast) and any(c >= 1000 for c in fast)  # some join, some start their own
