"""`eval/timeline_classes.py`'s missed-event classes (issue 12): why a gold case got no matching entry, told from
its articles' own events before clustering, their sentences and the timeline's entries."""

from __future__ import annotations

import runpy
from pathlib import Path
from types import SimpleNamespace as NS
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
classes = runpy.run_path(str(ROOT / "eval" / "timeline_classes.py"))  # a script's functions, not run as main
why_missed = classes["why_missed"]
GOLD = {"id": "G1", "dates": ["2024-12-25"], "keywords": ["公表"], "docs": ["a1"]}


def norm(s: str | None) -> str:
    return (s or "").lower()


def article(events: list[Any], passages: list[tuple[str, str, list[str]]]) -> tuple:
    """One article as the classifier reads it: (file name, parsed, events, each passage's date values)."""
    parsed = NS(passages=[NS(kind=kind, text=text) for kind, text, _ in passages])
    scans = [[NS(value=v) for v in values] for _, _, values in passages]
    return ("a1_outlet.txt", parsed, events, scans)


def ev(date: str, summary: str, seq: int = 0) -> Any:
    return NS(date=date, summary=summary, passage_seq=seq)


def entry(date: str, summary: str, doc: str = "a1_outlet.txt") -> dict:
    return {"date": date, "summary": summary, "sources": [{"document": doc}]}


@pytest.mark.parametrize(
    "events, entries, passages, expected",
    [
        # the article's event has the word and the day; its entry is another report's summary
        ([ev("2024-12-25", "委員会は報告書を公表した")], [entry("2024-12-25", "機長が説明した")], [], "merged:summary"),
        # … or its cluster is dated another day
        ([ev("2024-12-25", "委員会は報告書を公表した")], [entry("2024-12-24", "機長が説明した")], [], "merged:date"),
        ([ev("2024-12-27", "報告書を公表した")], [], [], "wrong-date:reported"),  # two days after: reported
        ([ev("2024-12-24", "報告書を公表した")], [], [], "wrong-date:zone"),  # the day before: another zone's
        ([ev("2025-01-25", "報告書を公表した")], [], [], "wrong-date:side"),  # the same day of another month
        ([ev("2024-11-02", "報告書を公表した")], [], [], "wrong-date:other"),
        # an event of the day from a sentence holding the word, its summary without it
        (
            [ev("2024-12-25", "委員会は説明した")],
            [],
            [("prose", "報告書を公表し、委員会は説明した。", ["2024-12-25"])],
            "summary",
        ),
        ([], [], [("caption", "報告書を公表した＝25日", ["2024-12-25"])], "dropped:caption"),
        ([], [], [("prose", "25日に報告書を公表した。", ["2024-12-25"])], "dropped:prose"),
        ([], [], [("prose", "委員会は報告書を公表した。", [])], "no-date"),
        ([], [], [("prose", "委員会は報告書をまとめた。", ["2024-12-25"])], "no-word"),
    ],
)
def test_a_missed_case_is_told_why(events: list, entries: list, passages: list, expected: str) -> None:
    why, _ = why_missed(GOLD, [article(events, passages)], entries, norm)
    assert why == expected


def test_another_articles_events_do_not_explain_a_miss() -> None:
    """Only the gold case's own articles are read: another article's dated event is no `merged`."""
    other = ("b2_outlet.txt", NS(passages=[]), [ev("2024-12-25", "報告書を公表した")], [])
    assert why_missed(GOLD, [other], [], norm)[0] == "no-word"
