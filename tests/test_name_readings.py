"""A Japanese person typed in Latin letters (every dictionary reading of each name word, long vowels folded every
common way, either order), and a body that speaks for a place named in English, found as the Japanese reports
name them: for /stance's actor and /quote's speaker alike."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.name_readings import latin_people, name_word_keys, typed_name_keys
from bot.extract.place_names import japanese_places, split_governing
from bot.extract.romaji import name_key
from bot.services.quotes import _speaker_matches
from bot.services.resolve import across_scripts, latin_person, place_body

PEOPLE = [
    ActorEntry(1, "林芳正", None, "person", []),
    ActorEntry(2, "大野", None, "person", ["大野元裕"]),
    ActorEntry(3, "河野太郎", None, "person", []),
    ActorEntry(4, "岸田文雄", None, "person", []),
    ActorEntry(5, "塩谷", None, "person", ["塩谷立"]),
    ActorEntry(6, "鈴木健太", None, "person", []),
    ActorEntry(7, "鈴木一郎", None, "person", []),
    ActorEntry(8, "香港政府", None, "body", []),
    ActorEntry(9, "香港警察", None, "body", []),
    ActorEntry(10, "スリランカ当局", None, "body", []),
]


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return ActorIndex(PEOPLE)


@pytest.mark.parametrize("spelling", ["Ōno", "Ohno", "Oono", "Ono", "Ôno", "Ouno"])
def test_every_spelling_of_a_long_vowel_is_one_key(spelling: str) -> None:
    assert name_key(spelling) == "ono"


def test_each_name_word_is_said_by_every_reading_the_dictionary_gives_it() -> None:
    words = name_word_keys("岸田文雄")
    assert words[0] == {"kishida"}
    assert "fumio" in words[1]  # the tokenizer reads ブンユウ in context; the dictionary also gives フミオ
    assert {"shionoya", "shiotani"} <= name_word_keys("塩谷")[0]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Yoshimasa Hayashi", "林芳正"),
        ("Hayashi Yoshimasa", "林芳正"),  # family name first
        ("Hayashi", "林芳正"),
        ("Chief Cabinet Secretary Hayashi", "林芳正"),  # a title taken off
        ("Ohno", "大野"),
        ("Ōno", "大野"),
        ("Taro Kono", "河野太郎"),
        ("Kōno Tarō", "河野太郎"),
        ("Fumio Kishida", "岸田文雄"),
        ("Shionoya", "塩谷"),
        ("Kenta Suzuki", "鈴木健太"),
    ],
)
def test_a_japanese_person_typed_in_latin_letters(index: ActorIndex, typed: str, name: str) -> None:
    found = latin_person(index, typed)
    assert found is not None and found.name == name


@pytest.mark.parametrize("typed", ["Suzuki", "Taro Suzuki", "Tanaka", "Hayashi Taro", "Lin", "林"])
def test_an_ambiguous_or_unknown_name_finds_nobody(index: ActorIndex, typed: str) -> None:
    assert latin_person(index, typed) is None  # two Suzukis; a given name the person lacks; not Latin


def test_typed_name_keys_reads_latin_names_only() -> None:
    assert typed_name_keys("Yoshimasa Hayashi") == ["yoshimasa", "hayashi"]
    assert typed_name_keys("林芳正") == []
    assert typed_name_keys("the government of a very long name") == []


def test_a_person_in_both_scripts_is_one_across_a_misread_given_name(index: ActorIndex) -> None:
    found = across_scripts(index, ActorEntry(0, "Fumio Kishida", None, "person", []))
    assert [a.name for a in found] == ["岸田文雄"]


def test_an_extended_index_reads_its_base_and_its_own_people(index: ActorIndex) -> None:
    extended = index.extended([("石破茂", [], "person", None)])
    assert [a.name for a in latin_people(extended, "Shigeru Ishiba")] == ["石破茂"]
    assert [a.name for a in latin_people(extended, "Taro Kono")] == ["河野太郎"]


class _Store:
    def __init__(self, actors: ActorIndex) -> None:
        self.actors = actors


def test_quote_speaker_typed_in_latin_letters_matches_the_kanji_speaker(index: ActorIndex) -> None:
    assert _speaker_matches("Hayashi", "林芳正", _Store(index))  # type: ignore[arg-type]
    assert not _speaker_matches("Hayashi", "河野太郎", _Store(index))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "place", "first"),
    [
        ("the Hong Kong government", "Hong Kong", "政府"),
        ("Hong Kong police", "Hong Kong", "警察"),
        ("the government of Sri Lanka", "Sri Lanka", "政府"),
        ("China's commerce ministry", "China", "商務省"),
        ("Thai authorities", "Thai", "当局"),
    ],
)
def test_a_body_that_speaks_for_a_place_is_split(typed: str, place: str, first: str) -> None:
    split = split_governing(typed)
    assert split is not None and split[0] == place and split[1][0] == first


def test_an_english_place_is_said_in_japanese() -> None:
    assert "香港" in japanese_places("Hong Kong")
    assert "台湾" in japanese_places("Taiwan")
    assert japanese_places("Expo association") == ()


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("the Hong Kong government", "香港政府"),
        ("Hong Kong authorities", "香港政府"),
        ("Hong Kong police", "香港警察"),
        ("Hong Kong", "香港政府"),  # a place the store holds no actor of: its government
        ("the government of Sri Lanka", "スリランカ当局"),  # JMdict glosses no スリランカ: by its sound
        ("Sri Lankan authorities", "スリランカ当局"),
    ],
)
def test_a_body_that_speaks_for_a_place_typed_in_english(index: ActorIndex, typed: str, name: str) -> None:
    found = place_body(index, typed)
    assert found is not None and found.name == name


@pytest.mark.parametrize("typed", ["the New York government", "Expo association", "the government", "香港政府"])
def test_no_place_body_for_what_names_none(index: ActorIndex, typed: str) -> None:
    assert place_body(index, typed) is None


def test_a_titled_surname_is_the_one_person_of_that_surname() -> None:
    from bot.services.resolve import _titled_person

    people = ActorIndex(
        [ActorEntry(1, "李在明", None, "person", [], "氏"), ActorEntry(2, "林芳正", None, "person", [], "官房長官")]
    )
    assert (found := _titled_person(people, "李大統領")) is not None and found.name == "李在明"
    assert (found := _titled_person(people, "林官房長官")) is not None and found.name == "林芳正"
    two = people.extended([("林剣", [], "person", "報道官")])
    assert _titled_person(two, "林大統領") is None  # two people of that surname, neither of that title


def test_a_name_that_only_sounds_like_a_place_is_no_place_body() -> None:
    actors = ActorIndex(
        [ActorEntry(1, "ウクライナ政府", None, "body", []), ActorEntry(2, "トランプ政権", None, "body", [])]
    )
    assert place_body(actors, "Kirin") is None  # キリン is no place; ウクライナ only sounds close
    assert place_body(actors, "Kirin government") is None
    assert place_body(actors, "Ukraine") is not None


def test_a_foreign_place_typed_alone_is_its_katakana_body() -> None:
    """A small country JMdict does not gloss, typed alone in English: the body the Japanese reports name by its
    katakana (ナウル政府), or the place's own actor where the store holds one; never a body that only sounds close."""
    actors = ActorIndex(
        [
            ActorEntry(1, "ナウル政府", None, "body", []),
            ActorEntry(2, "ツバル政府", None, "body", []),
            ActorEntry(3, "ツバル", None, "place", []),
            ActorEntry(4, "ナウル", None, "person", []),
        ]
    )
    assert (found := place_body(actors, "Nauru")) is not None and found.name == "ナウル政府"
    assert (found := place_body(actors, "Tuvalu")) is not None and found.name == "ツバル"
    assert place_body(actors, "Nauru Tuvalu Kiribati Fiji") is None  # a list is no place
    assert place_body(actors, "the Nauru talks") is None


def test_a_titled_surname_actor_is_found_by_its_latin_name() -> None:
    actors = ActorIndex([ActorEntry(1, "林官房長官", None, "person", [], "官房長官")])
    assert (found := latin_person(actors, "Hayashi")) is not None and found.name == "林官房長官"


@pytest.mark.parametrize(
    ("typed", "name"), [("Motohiro Ono", "大野"), ("Ohno Motohiro", "大野"), ("Ryu Shionoya", "塩谷")]
)
def test_a_full_name_only_an_alias_holds_finds_its_person(index: ActorIndex, typed: str, name: str) -> None:
    """大野 is registered by surname, 大野元裕 as its alias: a typed full name matches the alias's words, not the name's."""
    assert [a.name for a in latin_people(index, typed)] == [name]
