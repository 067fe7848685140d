"""The quality floors' rule for the timeline's two precisions (tests/test_quality_floor.py): a right merge may lower
the scorer's P by exactly its arithmetic, never a wrong entry; precision over distinct events holds its floor."""

from __future__ import annotations

from tests.test_quality_floor import below_floors, eval_scorer, p_floor, timeline_distinct

# 20 entries, 16 right (12 distinct gold events, some reported twice), 4 matching none.
FLOORS = {"timeline_p": 0.8, "timeline_pd": 0.75, "timeline_r": 0.8, "timeline_dup": 1.4, "timeline_n": 20}


def figures(right: int, wrong: int, distinct: int, r: float = 0.8) -> dict[str, float]:
    n = right + wrong
    return {
        "timeline_p": round(right / n, 3),
        "timeline_pd": round(distinct / (distinct + wrong), 3),
        "timeline_r": r,
        "timeline_dup": round(right / distinct, 3),
        "timeline_n": n,
    }


def test_the_floors_as_recorded_pass() -> None:
    assert below_floors(FLOORS, figures(16, 4, 12)) == []


def test_right_merges_lower_p_by_their_arithmetic_only() -> None:
    assert below_floors(FLOORS, figures(14, 4, 12)) == []  # two duplicates merged: 16/20 → 14/18
    assert p_floor(0.8, 20, 18) == round(14 / 18, 3)


def test_a_wrong_entry_with_a_merge_fails() -> None:
    below = below_floors(FLOORS, figures(15, 5, 12))  # one merge hides one wrong entry: n unchanged, P falls
    assert any(b.startswith("timeline_p ") for b in below)
    assert any(b.startswith("timeline_pd ") for b in below)


def test_a_p_fall_beyond_the_merges_fails_even_with_p_distinct_kept() -> None:
    # 19 entries (one fewer) but two right entries fewer: only one fall is a merge's
    below = below_floors(FLOORS, figures(14, 5, 15))
    assert any(b.startswith("timeline_p ") for b in below)


def test_a_lost_distinct_event_fails_on_p_distinct() -> None:
    below = below_floors(FLOORS, figures(15, 4, 11))  # a right entry of its own gold event dropped
    assert [b.split()[0] for b in below] == ["timeline_pd"]


def test_without_the_entries_on_record_the_p_floor_is_strict() -> None:
    floors = {k: v for k, v in FLOORS.items() if k != "timeline_n"}
    assert any(b.startswith("timeline_p ") for b in below_floors(floors, figures(14, 4, 12)))


def test_more_entries_never_lower_the_p_floor() -> None:
    assert p_floor(0.8, 20, 25) == 0.8


def test_distinct_events_are_judged_as_the_scorer_judges() -> None:
    gold = [
        {"id": "a", "dates": ["2025-01-02"], "keywords": ["停戦"], "docs": ["x"]},
        {"id": "b", "dates": ["2025-01-03"], "keywords": ["ceasefire"], "docs": ["y"]},
        {"id": "c", "dates": ["2025-01-04"], "keywords": ["辞任"], "docs": ["z"]},
    ]
    src = [{"document": "/tmp/x.txt"}]
    events = [
        {"date": "2025-01-02", "summary": "両国が停戦で合意", "sources": src},
        {"date": "2025-01-02", "summary": "停戦 合意 (英語報道)", "sources": src},  # a duplicate of a
        {"date": "2025-01-05", "summary": "停戦が発効", "sources": src},  # wrong date: matches none
        {"date": "2025-01-03", "summary": "A Ceasefire began", "sources": [{"document": "/tmp/y.txt"}]},
        {"date": "2025-01-04", "summary": "首相が辞任", "sources": [{"document": "/tmp/other.txt"}]},  # not ingested
    ]
    assert timeline_distinct(eval_scorer(), events, gold, ["x.txt", "y.txt"]) == (2, 1)
    assert timeline_distinct(eval_scorer(), events, gold, None) == (3, 1)
