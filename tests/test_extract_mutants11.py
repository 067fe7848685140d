"""Extraction cases mutation testing found untested (`python -m mutation survivors extract`, branch mut11).

Each through a public function, on a clear case: English organisations named with their abbreviation after a
sentence-opening word, two Latin keys exactly at the bridge's threshold, a predicate negated by 〜でもない, an
English date whose own clause is past while a later joined clause speaks of the future.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rapidfuzz import fuzz

from bot.actors import ActorIndex
from bot.extract.bridge import ScriptBridge
from bot.extract.dates import find_dates
from bot.extract.discover import discover_actors
from bot.extract.events import extract_events
from bot.extract.predicates import governing
from bot.ingest.parse import parse_document
from bot.models import ParsedPassage
from bot.rows import NewActor


@pytest.mark.parametrize("opener", ["The", "A", "An", "On", "In", "At", "But", "And"])
def test_a_sentence_opening_word_is_no_part_of_an_abbreviated_bodys_name(actors: ActorIndex, opener: str) -> None:
    text = f"{opener} Northern Grid Authority (NGA) sites, work stopped for a week."
    found = discover_actors([ParsedPassage(text=text)], actors)
    assert NewActor("Northern Grid Authority", ["NGA"], "body") in found


def test_two_latin_keys_exactly_at_the_threshold_are_one_name() -> None:
    """アブダビ's key "abudabi" and Abu Dhabi's "abudhabi": close at a threshold equal to their ratio, not above it."""
    at = fuzz.ratio("abudabi", "abudhabi")
    ja, en = frozenset({"abudabi"}), frozenset({"abudhabi"})
    assert ScriptBridge(threshold=at).names(ja, en, frozenset()) == 1
    assert ScriptBridge(threshold=at + 0.5).names(ja, en, frozenset()) == 0


@pytest.mark.parametrize(
    ("text", "word", "contrast"),
    [
        ("増税に賛成するわけでもない", "増税", False),  # 〜わけでもない, as 〜わけではない
        ("住民に負担させるのでもなく、国が賄うべきだ", "住民", True),  # 〜のでもなく, as 〜のではなく
    ],
)
def test_a_predicate_negated_by_demo_nai_denies_its_phrase(text: str, word: str, contrast: bool) -> None:
    found = governing(text, text.index(word) + len(word), len(text))
    assert found is not None and found.negated and found.contrast == contrast and found.denies


def test_an_english_dates_tense_is_its_own_clauses_not_a_later_joined_clauses() -> None:
    """「In December … ordered …, and talks will resume …」 (an article of May 2025): December is last December."""
    text = "In December the minister ordered a review, and talks will resume in June."
    months = [(m.text, m.value) for m in find_dates(text, dt.date(2025, 5, 1))]
    assert months[0] == ("December", "2024-12")


def test_a_later_sentence_of_the_reported_day_is_dated_to_the_day() -> None:
    """「They later signed…」 after a sentence of the reported day: that day, to the day (not a vaguer precision)."""
    text = (
        "---\npublished: 2025-06-12\nlanguage: en\n---\n"
        "The two finance ministers met in Ottawa on Wednesday to discuss the currency swap.\n\n"
        "They later signed an agreement on the swap line."
    )
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    assert [(e.date, e.precision) for e in rows] == [("2025-06-11", "day"), ("2025-06-11", "day")]


def test_a_list_bullet_before_an_abbreviated_japanese_body_is_no_part_of_its_name() -> None:
    found = discover_actors(
        [ParsedPassage(text="参加した機関は次の通り。・国際原子力機関(IAEA)の会合が開かれた。")], ActorIndex([])
    )
    assert [(a.name, a.aliases[:1]) for a in found] == [("国際原子力機関", ["IAEA"])]  # then its listed English name
