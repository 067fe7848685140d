"""An extended index (a document's discovered actors and speakers over the registry, `ActorIndex.extended`) reads a
text none of its own aliases is in from its base's mentions, which the base remembers: the registry's alternation
scans each line once a process instead of once per index the document makes (discovery, speakers, the rest; round
30). The same mentions as the extended index's own scan gives, on story text and on the names' edges."""

from __future__ import annotations

import copy

import pytest

from bot.actors import ActorEntry, ActorIndex, load_registry_file
from bot.ingest.parse import parse_document
from tests.story_records import STORIES

NEW = [
    ("ストルテンベルク", ["ヨハン・ストルテンベルク"], "person", None),
    ("シン", [], "person", None),  # a short katakana name stands as a word only
    ("Fontana", ["Mario Fontana"], "person", None),
    ("北欧和平会議", [], "org", None),
]


def _own_scan(index: ActorIndex, text: str) -> list:
    """The extended index's mentions by its own scans, never its base's (the way before)."""
    plain = copy.copy(index)
    plain.base, plain._memo = None, {}
    return plain._find_mentions(text)


@pytest.fixture(scope="module")
def registry() -> ActorIndex:
    return ActorIndex(
        [
            ActorEntry(i, a["name"], a.get("name_en"), a["kind"], list(a.get("aliases", [])), a.get("description"))
            for i, a in enumerate(load_registry_file(), 1)
        ]
    )


def test_an_extended_index_gives_the_mentions_its_own_scan_gives(registry: ActorIndex) -> None:
    once = registry.extended(NEW[:2])
    twice = registry.extended(NEW)
    texts = [
        p.text
        for corpus in ("boeing2024", "ohtani2024", "uselection2024", "ukraine2025b")
        for path in sorted((STORIES / corpus).glob("*.txt"))
        for p in parse_document(path.read_text(encoding="utf-8"), name=path.name).passages
    ]
    texts += [
        "ヨハン・ストルテンベルク事務総長とシン氏、シンクタンクの北欧和平会議。",
        "Mario Fontana met Fontanas and Trump in Fontana",
        "ゼレンスキー大統領は\nストルテンベルク氏と会った",
        "米国務長官とストルテンベルク",
    ]
    for index in (once, twice):
        for text in texts:
            assert index.mentions(text) == _own_scan(index, text), text
    assert len(texts) > 300


def test_a_text_without_the_new_names_is_scanned_by_the_registry_once(registry: ActorIndex) -> None:
    text = "ゼレンスキー大統領はプーチン大統領との会談について、第３回の協議で話した。"
    first, second = registry.extended(NEW[:1]), registry.extended(NEW)
    assert first.mentions(text) == second.mentions(text)
    assert text in registry._memo  # the registry's answer, remembered with it, served both extended indexes
    assert second.mentions(text) == registry.mentions(text)
    named = "ストルテンベルク氏はゼレンスキー大統領と会った。"
    assert [m.name for m in second.mentions(named)] == ["ストルテンベルク", "ゼレンスキー"]
    assert named not in registry._memo  # a text with a new name is the extended index's own scan
