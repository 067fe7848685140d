"""`tools/stance_diagnosis.py` counts the wrong-position cases by cell of the gold × given table, with their reason
classes: what it prints for a check story, whose cases are never read."""

from __future__ import annotations

from collections import Counter

from tools.stance_diagnosis import wrong_cells


def test_wrong_positions_by_cell_and_reason() -> None:
    def row(kind: str, gold: str, given: str, why: str = "") -> dict[str, object]:
        return {"class": kind, "gold": [gold], "given": given, "position_why": why}

    rows = [
        row("position", "support", "neutral", "hedge"),
        row("position", "oppose", "support", "apology"),
        row("position", "support", "neutral", "other"),
        row("position", "support", "neutral", "hedge"),
        row("right", "oppose", "oppose"),  # not a wrong position
        row("relevance", "support", "neutral"),
    ]
    assert wrong_cells(rows) == [
        ("support>neutral", 3, Counter({"hedge": 2, "other": 1})),  # the largest first
        ("oppose>support", 1, Counter({"apology": 1})),
    ]
