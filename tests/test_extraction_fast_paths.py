"""Extraction's fast paths give the rows the plain way gives: the documents of a few tuned corpora (Japanese and
English) extracted with each lookup made fast and with the plain scan it replaced, compared whole (passages, tokens,
mentions, events, statements, discovered actors, claims, term counts: `bench.extraction_dump.record`)."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract import attribution_en
from bot.extract.title_index import TitleIndex
from tests.story_records import story_records

CORPORA = ("boeing2024", "ohtani2024", "uselection2024")


class _EveryTitle(TitleIndex):
    """Every title asked of every phrase, in the list's order: the scan `_proper_name` made before the index."""

    def among(self, phrase: str) -> list[str]:
        return list(self.titles)

    def opening(self, text: str) -> list[str]:
        return list(self.titles)


def _records(actors: ActorIndex) -> list[dict]:
    return story_records(actors, CORPORA, cold=False)


def test_title_index_gives_the_rows_a_scan_of_every_title_gives(
    actors: ActorIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _records(actors)
    asked: list[str] = []
    plain = _EveryTitle

    def every_title(titles: tuple[str, ...]) -> TitleIndex:
        asked.append("")
        return plain(titles)

    monkeypatch.setattr(attribution_en, "title_index", every_title)
    attribution_en._walks.last = None  # no walk kept from the fast run
    attribution_en._sentence_readings.clear()  # nor a sentence's reading
    assert _records(actors) == fast
    assert len(fast) >= 25 and len(asked) > 100  # English subject phrases were read
