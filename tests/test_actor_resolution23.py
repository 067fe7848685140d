"""Names a user types that the reports write in another form (round 23's unknown class, issue 11): a foreign name
heard as its own language sounds it (Moreau モロー, Herrera エレーラ, Nowak ノバク, Bianchi ビアンキ, Schneider
シュナイダー, González ゴンサレス), typed with letters no accent makes (Yılmaz, Sørensen); a full name typed where one
word of it alone sounds like someone else (Maria Gonzalez, not Maria Zakharova); a body typed by an acronym or a
Japanese short name the reports never write (NRA, 全漁連); a relative written in Kyodo's style (「高木翔太さん＝当時（19）＝の母親」). Names and bodies here are made
up; `eval/actor_probes.jsonl` (`python -m tools.actor_probes`) measures the whole path."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.about import parse_target
from bot.extract.romaji import romanize, sounds_like, without_marks
from bot.services.relatives import written_forms
from bot.services.resolve import _every_word_sounds, abbreviated_body, across_scripts


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Moreau", "モロー"),  # French eau, a final consonant not sounded
        ("Dupont", "デュポン"),
        ("Barnier", "バルニエ"),
        ("Herrera", "エレーラ"),  # Spanish h not sounded
        ("González", "ゴンサレス"),  # z as s
        ("Jiménez", "ヒメネス"),  # j as h
        ("Schneider", "シュナイダー"),  # German sch, ei
        ("Schulz", "シュルツ"),  # z as ts
        ("Merz", "メルツ"),
        ("Bianchi", "ビアンキ"),  # Italian ch as k
        ("Giorgia", "ジョルジャ"),  # gi as j
        ("Nowak", "ノバク"),  # Polish w as v
        ("Kowalski", "コバルスキ"),
        ("Jansen", "ヤンセン"),  # Dutch j as y
        ("Yılmaz", "ユルマズ"),
        ("Grossi", "グロッシ"),  # the English reading still holds
        ("Jansen", "ジャンセン"),
    ],
)
def test_a_name_sounds_as_its_own_language_reads_it(latin: str, kana: str) -> None:
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Hashimoto", "サミット"),  # a Spanish h read into a Japanese name
        ("Harris", "アリス"),
        ("Land", "イラン"),
        ("Markus", "マイク"),
        ("Waltz", "ボルト"),
        ("Moreau", "モラレス"),
        ("Nowak", "ノーラン"),
    ],
)
def test_a_foreign_reading_is_no_loose_guess(latin: str, kana: str) -> None:
    assert not sounds_like(latin, kana)


def test_letters_no_accent_makes_are_read_as_plain_letters() -> None:
    assert without_marks("Yılmaz Sørensen Strauß Michał") == "Yilmaz Sorensen Strauss Michal"
    assert romanize("デュポン") == "dupon"  # デュ is du, not de-yu


def _person(i: int, name: str, *aliases: str) -> ActorEntry:
    return ActorEntry(i, name, None, "person", list(aliases))


def test_a_full_name_typed_prefers_the_person_every_word_of_it_names() -> None:
    gonzalez = _person(101, "ゴンサレス", "マリア・ゴンサレス")
    zakharova = _person(102, "ザハロワ", "マリア・ザハロワ")
    index = ActorIndex([gonzalez, zakharova])
    found = across_scripts(index, _person(0, "Maria Gonzalez"))
    assert gonzalez in found
    assert [a for a in found if _every_word_sounds("Maria Gonzalez", a)] == [gonzalez]
    sara, rodrigo = (
        ActorEntry(103, "Sara Duterte", "Sara Duterte", "person"),
        _person(104, "Duterte", "Rodrigo Duterte"),
    )
    assert _every_word_sounds("サラ・ドゥテルテ", sara)
    assert not _every_word_sounds("サラ・ドゥテルテ", rodrigo)


def _body(i: int, name: str, *aliases: str) -> ActorEntry:
    return ActorEntry(i, name, None, "body", list(aliases))


def test_a_body_typed_by_a_short_name_the_reports_never_write() -> None:
    rifle = _body(201, "National Rifle Association")
    fishers = _body(202, "全国漁業協同組合連合会")
    bar = _body(203, "日本弁護士連合会")
    index = ActorIndex([rifle, fishers, bar, _person(204, "Nathan Ross Adams")])
    assert abbreviated_body(index, "NRA") == rifle
    assert abbreviated_body(index, "全漁連") == fishers
    assert abbreviated_body(index, "日弁連") == bar
    assert abbreviated_body(index, "NRX") is None
    assert abbreviated_body(index, "NRAA") is None
    assert abbreviated_body(index, "NAA") is None  # a person's initials never answer
    assert abbreviated_body(index, "漁業") is None  # its first kanji first: a field word is no short name
    two = ActorIndex([rifle, _body(205, "Nordic Railway Authority")])
    assert abbreviated_body(two, "NRA") is None  # two bodies fit: neither


def test_a_relative_written_in_kyodos_style() -> None:
    texts = ["事故で亡くなった高木翔太さん＝当時（19）＝の母親は「真相を明らかにしてほしい」と語った。"]
    assert written_forms("高木", "母", texts) == ["高木翔太さん＝当時（19）＝の母親"]
    assert written_forms("高木", "父", texts) == []


def test_staying_and_leaving_a_country_are_opposite_acts() -> None:
    """A statement naming only the leaving (退避を勧告) is read toward it and flipped for a target that asks about
    staying (「邦人がA国に滞在し続けること」), as 辞任 is for 続投; and the other way, staying (自宅に滞在) opposes an
    evacuation asked about."""
    staying = parse_target("邦人がA国に滞在し続けること", ActorIndex([]), {})
    assert staying.opposite is not None
    assert any("退避" in w.forms for w in staying.opposite.words)
    fleeing = parse_target("住民が避難を続けること", ActorIndex([]), {})
    assert fleeing.opposite is not None
    assert any("滞在" in w.forms for w in fleeing.opposite.words)
