"""An English sentence's own reading remembered by its text (issue 19, round 29: `attribution_en._sentence_reading`,
read ~4 times a sentence in the stories' English reports, once per context that holds it): extraction with the
readings remembered gives the rows it gives when every sentence is read anew."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract import attribution_en
from tests.story_records import story_records

CORPORA = ("boeing2024", "uselection2024", "houthi2023", "milei2023")


class _Forgetful(dict):
    """A memo that never remembers: every sentence read anew, as before the memo."""

    def __setitem__(self, key: str, value: tuple) -> None:
        return None


def test_remembered_sentence_readings_give_the_rows_reading_anew_gives(
    actors: ActorIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    reading = attribution_en._sentence_reading

    def counted(text: str) -> tuple:
        reads.append(text)
        return reading(text)

    monkeypatch.setattr(attribution_en, "_sentence_reading", counted)
    remembered = story_records(actors, CORPORA)
    once = len(reads)
    monkeypatch.setattr(attribution_en, "_sentence_readings", _Forgetful())
    reads.clear()
    assert story_records(actors, CORPORA) == remembered
    assert once > 200 and len(reads) > 2 * once  # English sentences were read, most of them more than once


def test_a_reading_is_of_the_sentence_alone() -> None:
    said = 'TOKYO, Aug 14 (Reuters) - "We will respond," Prime Minister Fumio Kishida said.'
    spans, unquoted, main, np, got, people = attribution_en._sentence_reading(said)
    assert np == "Prime Minister Fumio Kishida" and got is not None and "Kishida" in got[0]
    assert unquoted.count("_") > 0 and main is unquoted
    assert [name for name, _ in people] == [got[0]]
    assert attribution_en._sentence_reading(said) == (spans, unquoted, main, np, got, people)
