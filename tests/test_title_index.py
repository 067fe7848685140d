"""`TitleIndex` (English attribution's titles by their first word) asks exactly the titles a scan of the whole
list would find in a phrase, in the list's order."""

from __future__ import annotations

import random

from bot.extract.roles import vocabulary
from bot.extract.title_index import TitleIndex, title_index


def _scan(titles: tuple[str, ...], phrase: str) -> list[str]:
    """The titles standing in the phrase as whole words, by a scan of every title (what `_proper_name` did)."""
    out = []
    for title in titles:
        at = phrase.rfind(title + " ")
        if at >= 0 and (at == 0 or phrase[at - 1] == " "):
            out.append(title)
    return out


def _words(rng: random.Random, titles: tuple[str, ...]) -> str:
    pool = ["Kurt", "Campbell", "the", "of", "State", "U.S.", "policy", "chief", "Minister", "Lt.", "Gen.", "deputy"]
    parts = [rng.choice(titles) if rng.random() < 0.3 else rng.choice(pool) for _ in range(rng.randint(1, 7))]
    return " ".join(parts)


def test_among_keeps_every_title_a_scan_finds_in_the_lists_order() -> None:
    titles = vocabulary().en_titles
    index = TitleIndex(titles)
    rng = random.Random(20)
    for _ in range(3000):
        phrase = _words(rng, titles)
        asked = index.among(phrase)
        found = _scan(titles, phrase)
        assert [t for t in asked if t in found] == found, phrase
        assert asked == sorted(asked, key=titles.index)


def test_opening_keeps_every_title_a_text_starts_with() -> None:
    titles = vocabulary().en_titles
    index = TitleIndex(titles)
    rng = random.Random(21)
    for _ in range(3000):
        text = _words(rng, titles)
        assert [t for t in titles if text.startswith(t + " ")] == [
            t for t in index.opening(text) if text.startswith(t + " ")
        ], text


def test_a_title_that_opens_with_a_space_is_asked_of_every_phrase() -> None:
    index = TitleIndex(["Prime Minister", " odd", "Minister"])
    assert index.among("Prime Minister Shigeru Ishiba") == ["Prime Minister", " odd", "Minister"]
    assert index.among("Kurt Campbell") == [" odd"]
    assert index.opening("Minister Ishiba") == ["Minister", " odd"]


def test_only_the_titles_of_the_phrases_words_are_asked() -> None:
    index = TitleIndex(["Deputy Secretary of State", "Secretary of State", "Secretary", "Judge"])
    assert index.among("U.S. Deputy Secretary of State Kurt Campbell") == [
        "Deputy Secretary of State",
        "Secretary of State",
        "Secretary",
    ]
    assert "Judge" not in index.among("Judges Campbell")


def test_the_index_of_the_same_list_is_made_once() -> None:
    titles = vocabulary().en_titles
    assert title_index(titles) is title_index(titles)
    assert title_index(("Judge",)).among("Judge Holcomb") == ["Judge"]
