"""Forms of an actor's name a user types that the store knew under another (round 33, issue 11; `python -m
tools.actor_forms` counts them over every story): a registry person's English name, with or without its marks; an
Arabic surname joined to its article (Abdel Fattah al-Sisi), and the article written as a word of its own (Ammar
Al Khudairy); a surname alone of a name that ends in it (Leyen), the given name of a patronymic name (Prince
Abdulaziz); th sounded t, kh written フ, a short name as Japanese romaji writes no syllable; a surname with an
open-class post (神田財務官). Names here are made up where a real one is not needed; each rule has its counter-case."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.discover import discover_actors
from bot.extract.romaji import sounds_like
from bot.models import ParsedPassage
from bot.services.resolve import _titled_person, across_scripts, part_of_name


def _index(*entries: ActorEntry) -> ActorIndex:
    return ActorIndex(list(entries))


def test_the_english_name_is_a_lookup_key() -> None:
    erdogan = ActorEntry(1, "エルドアン", "Recep Tayyip Erdoğan", "person", ["Erdogan"])
    index = _index(erdogan)
    assert index.resolve("Recep Tayyip Erdoğan") is erdogan
    assert index.resolve("Recep Tayyip Erdogan") is erdogan  # typed without its marks
    assert index.resolve("Erdoğan") is erdogan  # the alias is written without them


def test_an_alias_already_taken_keeps_its_actor() -> None:
    first = ActorEntry(1, "ムハンマド皇太子", "Mohammed bin Salman", "person", [])
    second = ActorEntry(2, "bin Salman", "Mohammed bin Salman", "person", ["Mohammed bin Salman"])
    assert _index(first, second).resolve("Mohammed bin Salman") is first


def test_marks_never_fold_a_kana_voicing() -> None:
    gaza = ActorEntry(1, "ガザ", None, "body", [])
    assert _index(gaza).resolve("カザ") is None


def _found(text: str) -> dict[str, list[str]]:
    return {a.name: a.aliases for a in discover_actors([ParsedPassage(text=text)], _index())}


def test_an_arabic_surname_keeps_its_article() -> None:
    sisi = _found("Egyptian President Abdel Fattah al-Sisi said the war threatened the region.")
    burhan = _found("Army chief Abdel Fattah al-Burhan said he would not negotiate.")
    assert sisi == {"al-Sisi": ["Abdel Fattah al-Sisi", "Sisi"]}
    assert burhan == {"al-Burhan": ["Abdel Fattah al-Burhan", "Burhan"]}  # two people, not one 'Fattah'


def test_a_particle_in_its_own_word_is_unchanged() -> None:
    assert _found("European Commission President Ursula von der Leyen said it was wrong.") == {
        "von der Leyen": ["Ursula von der Leyen"]
    }


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Perthes", "ペルテス"),
        ("Matthias", "マティアス"),
        ("Khudairy", "フダイリ"),
        ("Sisi", "シシ"),
        ("Smith", "スミス"),
    ],
)
def test_sounds_katakana_writes(latin: str, kana: str) -> None:
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana"), [("Anthony", "アヌティン"), ("Seth", "セター"), ("Si", "シシ"), ("Thierry", "ティエリー")]
)
def test_th_as_t_and_romaji_are_no_loose_guess(latin: str, kana: str) -> None:
    assert not sounds_like(latin, kana)


def test_the_article_as_a_word_of_its_own() -> None:
    khudairy = ActorEntry(1, "フダイリ", None, "person", ["アマル・フダイリ"])
    typed = ActorEntry(0, "Ammar Al Khudairy", None, "person", [])
    assert across_scripts(_index(khudairy), typed) == [khudairy]


def test_a_surname_alone_of_a_name_ending_in_it() -> None:
    leyen = ActorEntry(1, "フォンデアライエン", "Ursula von der Leyen", "person", ["Ursula von der Leyen"])
    moon = ActorEntry(2, "文在寅", "Moon Jae-in", "person", ["Moon Jae-in"])
    index = _index(leyen, moon)
    assert part_of_name(index, "Leyen") is leyen
    assert part_of_name(index, "Jae-in") is None  # a Korean given name, not a surname


def test_a_surname_two_people_share_is_not_guessed() -> None:
    one = ActorEntry(1, "Carter", "Maya Carter", "person", ["Maya Carter"])
    two = ActorEntry(2, "カーター", "Dan Carter", "person", ["Dan Carter"])
    assert part_of_name(_index(one, two), "Carter") is None


def test_the_given_name_of_a_patronymic_name() -> None:
    prince = ActorEntry(1, "bin Salman", "Abdulaziz bin Salman", "person", ["Abdulaziz bin Salman"])
    other = ActorEntry(2, "Fahd", "Fahd Harrington", "person", ["Fahd Harrington"])
    index = _index(prince, other)
    assert part_of_name(index, "Prince Abdulaziz") is prince
    assert part_of_name(index, "Fahd") is None  # the given name of a name with no patronymic


def test_a_surname_with_an_open_class_post() -> None:
    kanda = ActorEntry(1, "神田真人", None, "person", [])
    index = _index(kanda)
    assert _titled_person(index, "神田財務官") is kanda
    assert _titled_person(index, "山田財務官") is None


def test_a_surname_in_katakana_keeps_its_voicing() -> None:
    bergmann = ActorEntry(1, "ベルグマン", None, "person", ["ハンナ・ベルグマン"])
    index = _index(bergmann)
    assert part_of_name(index, "ベルグマン") is bergmann
    assert part_of_name(index, "ベルクマン") is None  # グ is not ク: a typo is suggested, not taken
