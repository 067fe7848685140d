"""A Latin name written with its diacritics (issue 11, thirty-second round, found by the round's blind stories after
they were scored): English news keeps them (António Guterres, Janez Lenarčič, Pedro Sánchez), and such a name was no
name to discovery, whose name pattern took ASCII letters only, so the person was unknown to /stance and /quote; and a
letter with a caron or cedilla sounds as its English spelling in katakana (Lenarčič レナルチッチ, Babiš バビシュ),
not as the plain letter it folds to."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.discover import discover_actors
from bot.extract.romaji import sounds_like
from bot.models import ParsedPassage


def _names(actors: ActorIndex, text: str) -> set[str]:
    """Every name the discovered actors go by: the short name, the full one (`name_en`) and the aliases."""
    found = discover_actors([ParsedPassage(text=text)], actors)
    return {n for a in found for n in (a.name, a.name_en, *a.aliases) if n}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The UN secretary general, António Guterres, said on Monday that two more crossings would open.",
            "António Guterres",
        ),
        ("The EU's crisis commissioner, Janez Lenarčič, said Damascus had asked for help.", "Janez Lenarčič"),
        ("Pedro Sánchez, Spain's prime minister, said the aid would reach Valencia within days.", "Pedro Sánchez"),
    ],
)
def test_a_name_with_diacritics_is_a_name(actors: ActorIndex, text: str, name: str) -> None:
    assert name in _names(actors, text)


def test_a_lower_case_word_with_diacritics_is_no_name(actors: ActorIndex) -> None:
    # counter-example: the café owner is no person's name, nor is a sentence opening on a common word
    names = _names(actors, "The café owner, a former teacher, said the street had flooded twice.")
    assert not any("café" in n.lower() for n in names)


@pytest.mark.parametrize(
    ("latin", "kana"),
    [("Lenarčič", "レナルチッチ"), ("Babiš", "バビシュ"), ("Vučić", "ブチッチ"), ("Erdoğan", "エルドアン")],
)
def test_a_caron_or_cedilla_sounds_as_its_english_spelling(latin: str, kana: str) -> None:
    assert sounds_like(latin, kana)


def test_a_caron_does_not_make_any_name_sound_alike() -> None:
    assert not sounds_like("Lenarčič", "レナルド")  # counter-example: another name
    assert not sounds_like("Babiš", "バビロン")
