"""The rows `bench.extraction_dump.record` extracts from some tuned stories' articles: what the tests of an
extraction shortcut compare with the plain way (tests/test_extraction_*.py)."""

from __future__ import annotations

from pathlib import Path

from bench.extraction_dump import record
from bot.actors import ActorIndex
from bot.extract import attribution_en, attribution_ja

STORIES = Path(__file__).resolve().parent.parent / "eval" / "stories"


def story_records(actors: ActorIndex, corpora: tuple[str, ...], *, cold: bool = True) -> list[dict]:
    """Every article of `corpora` extracted, in file order; `cold`: the actor index's memos, the Japanese
    speaker rules' per-document cache and the English sentences' readings emptied first, so a second run computes
    anew instead of reading them."""
    if cold:
        actors._memo.clear()
        actors._memos.clear()
        attribution_ja._DOCS.clear()
        attribution_en._sentence_readings.clear()
    return [
        record(path.name, path.read_text(encoding="utf-8"), actors)
        for corpus in corpora
        for path in sorted((STORIES / corpus).glob("*.txt"))
    ]
