"""Attribution of statements and actors typed in the other script, twenty-seventh round (issue 11).

- a foreign name typed in katakana for a person the reports name in Latin letters, or the reverse, where its
  letters are read as English or Russian sounds them (`romaji._SPELLING_SYSTEMS`): a silent final e (Mike マイク,
  Pete ピート), ee / ea / ei as a long i and th as s (Keith キース), -ear as ia (Shear シアー), wei as wai (Weidel
  ワイデル), a first hu as フ (Hun フン); ти as チ and в before а as ワ (Putin プーチン, Zakharova ザハロワ);
- a person's title followed by their party in brackets (「デサンティス知事(共和党)は」): the party names no other
  subject, so the sentence is the person's, not the last speaker's carried over;
- a person's office or campaign as the subject (「ネタニヤフ首相の事務所は」「トランプ氏の陣営は」);
- an official's post ending in 官 that the titles do not list (「神田財務官は」), and a post after a dot
  (「神田・商務次官も」): the person's, never the speaker before;
- 「…」とも表明した goes on with the body that spoke before.

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.romaji import sounds_like
from bot.ingest.pipeline import ingest_text
from bot.services.resolve import across_scripts
from bot.services.stance_about import stance_about
from bot.store import Store
from tests.stance_clauses import clause_texts


@pytest.mark.parametrize(
    ("latin", "kana", "same"),
    [
        ("Shear", "シアー", True),  # -ear: ia
        ("Mike", "マイク", True),  # a silent final e
        ("Pete", "ピート", True),
        ("Keith", "キース", True),  # ei as a long i, th as s
        ("Weidel", "ワイデル", True),  # wei: wai
        ("Hun", "フン", True),  # a first hu: フ
        ("Hussein", "フセイン", True),
        ("Putin", "プーチン", True),  # Russian ти: チ
        ("Zakharova", "ザハロワ", True),  # в before а: ワ
        ("Jan", "ハン", False),  # a three-letter name read only as English sounds it
        ("Harris", "アリ", False),
        ("Mike", "ミカ", False),
        ("Shear", "シェア", False),
    ],
)
def test_a_foreign_name_in_katakana_as_english_or_russian_sound_it(latin: str, kana: str, same: bool) -> None:
    assert sounds_like(latin, kana) is same


def test_a_surname_typed_in_katakana_finds_the_person_named_in_latin_letters() -> None:
    actors = ActorIndex(
        [
            ActorEntry(1, "Shear", "Emmett Shear", "person", ["Emmett Shear"]),
            ActorEntry(2, "シアー", None, "person", []),
            ActorEntry(3, "シェア", None, "person", []),
        ]
    )
    assert [a.id for a in across_scripts(actors, actors.actors[1])] == [2]
    assert [a.id for a in across_scripts(actors, actors.actors[2])] == [1]


PEOPLE = ActorIndex(
    [
        ActorEntry(-1, "ハリス", None, "person", [], None),
        ActorEntry(-2, "デサンティス", None, "person", [], None),
        ActorEntry(-3, "共和党", None, "body", [], None),
        ActorEntry(-4, "ネタニヤフ", None, "person", [], None),
        ActorEntry(-5, "アルベル・イェフド", None, "person", [], None),
        ActorEntry(-6, "鈴木", None, "person", [], None),
        ActorEntry(-7, "神田", None, "person", [], None),
        ActorEntry(-8, "北海鉄道", None, "body", [], None),
    ]
)


def _of(actor: int, found: dict[int, list[str]], words: str) -> bool:
    return any(words in t for t in found.get(actor, []))


def test_a_party_in_brackets_after_the_title_is_no_other_subject() -> None:
    found = clause_texts(
        PEOPLE,
        "ハリス副大統領は「暴力の居場所はない」と書き込んだ。",
        "一方、フロリダ州のデサンティス知事(共和党)は、州として独自に捜査する方針を表明した。",
    )
    assert _of(-2, found, "独自に捜査")
    assert not _of(-1, found, "独自に捜査")  # not the speaker before, carried over
    # a name inside the title itself is still no title of one person: 「ハリス共和党議員は」 is not read so
    found = clause_texts(PEOPLE, "デサンティス共和党議長は「捜査する」と述べた。")
    assert not _of(-2, found, "捜査")


def test_a_persons_office_or_campaign_speaks_for_the_person() -> None:
    found = clause_texts(
        PEOPLE,
        "ネタニヤフ首相の事務所は声明で、アルベル・イェフドさんが25日に解放されるはずだったと指摘。"
        "「イェフドさんが解放されるまで、住民の通行は認めない」と表明した。",
    )
    assert _of(-4, found, "通行は認めない")
    assert not _of(-5, found, "通行は認めない")
    found = clause_texts(PEOPLE, "ネタニヤフ氏の陣営は声明で、「不正な裁判だ」と非難した。")
    assert _of(-4, found, "不正な裁判")
    found = clause_texts(PEOPLE, "ネタニヤフ首相の事務所の前で、市民が「退陣を」と訴えた。")  # a place, no subject
    assert not _of(-4, found, "退陣")


def test_an_officials_post_is_the_persons_not_the_last_speakers() -> None:
    found = clause_texts(
        PEOPLE,
        "鈴木財務大臣は31日、「行き過ぎた動きには適切に対応する」と述べた。",
        "財務省の神田財務官は7日、記者団に対し「無秩序な動きがある場合には、対応しなければならない」と述べた。",
        "神田・商務次官も会見した。「国家の利益を守る」と強調。一方で「商業交渉を支持する」とも述べた。",
    )
    assert _of(-7, found, "無秩序な動き")
    assert not _of(-6, found, "無秩序な動き")
    assert _of(-7, found, "商業交渉を支持する")
    assert not _of(-6, found, "商業交渉")
    # a kind of official named by no name: someone else, not the speaker before
    found = clause_texts(
        PEOPLE, "鈴木財務大臣は「適切に対応する」と述べた。", "財務省の担当官は「介入の有無は答えない」と述べた。"
    )
    assert not _of(-6, found, "介入の有無")


def test_also_declared_goes_on_with_the_body() -> None:
    found = clause_texts(
        PEOPLE, "北海鉄道は17日、声明を出し、「運賃は据え置く」と強調した。「路線は維持する」とも表明した。"
    )
    assert _of(-8, found, "路線は維持する")


ENGLISH = """\
---
title: Board names interim chief
published: 2023-11-20
---
Emmett Shear, the interim chief executive, said the board had not removed the chief executive over safety.
"""

JAPANESE = """\
---
title: 暫定CEOが声明
published: 2023-11-21
---
暫定CEOに就いたシアー氏は21日、「取締役会の判断は安全性を巡るものではない」と述べた。
"""


async def test_a_surname_typed_in_katakana_answers_for_the_person_named_in_english(store: Store) -> None:
    assert (await ingest_text(store, ENGLISH, name="en.md")).status == "added"
    assert (await ingest_text(store, JAPANESE, name="ja.md")).status == "added"
    report = await stance_about(store, "Emmett Shear", "取締役会の判断")
    assert any("安全性を巡るものではない" in s.text for s in report.statements)


# --- names typed as the reports do not write them ------------------------------------------------------------------

INDEX = ActorIndex(
    [
        ActorEntry(1, "大城", None, "person", []),
        ActorEntry(2, "ケニー", None, "person", []),  # the given name discovered apart (大城ケニー知事)
        ActorEntry(3, "Taiwan's Harbor Safety Council", None, "body", []),
        ActorEntry(4, "Taiwan's Foreign Ministry", None, "body", []),
        ActorEntry(5, "公益財団法人北海技術振興財団", None, "body", []),
        ActorEntry(6, "森田", None, "person", [], "財務官"),
    ]
)


def test_a_full_name_typed_finds_the_surname_when_the_given_name_was_discovered_apart() -> None:
    from bot.services.resolve import _surname_then_given

    assert _surname_then_given(INDEX, "大城ケニー") is INDEX.actors[1]
    assert _surname_then_given(INDEX, "大城太郎") is None  # a given name known as no one's: maybe another 大城


def test_a_body_typed_without_its_place_or_legal_form() -> None:
    from bot.services.resolve import _place_owned_body

    assert _place_owned_body(INDEX, "Harbor Safety Council") is INDEX.actors[3]
    assert _place_owned_body(INDEX, "Foreign Ministry") is None  # every country has one
    assert _place_owned_body(INDEX, "北海技術振興財団") is INDEX.actors[5]
    assert _place_owned_body(INDEX, "技術振興財団") is None


def test_an_officials_post_typed_after_the_name() -> None:
    from bot.services.resolve import _untitled

    assert "森田" in _untitled("森田財務官")
    assert "森田" in _untitled("森田外務審議官")


def test_an_english_passage_naming_no_actor_is_read_for_its_speech_verb() -> None:
    index = ActorIndex([ActorEntry(-1, "Saito", "Motohiko Saito", "person", ["Motohiko Saito"])])
    found = clause_texts(
        index,
        "KOBE - Hyogo Gov. Motohiko Saito said Thursday he will not dissolve the prefectural assembly.",
        '"I will leave the post on the 30th and put myself before the voters again," the 46-year-old told a news'
        " conference.",
    )
    assert _of(-1, found, "before the voters")
    found = clause_texts(  # a passage with no speech verb and no name: nobody's
        index,
        "KOBE - Hyogo Gov. Motohiko Saito said Thursday he will not dissolve the prefectural assembly.",
        "The assembly meets again in October to pick a date for the vote.",
    )
    assert not _of(-1, found, "pick a date")


def test_a_power_company_or_a_coast_guard_called_by_its_kind() -> None:
    index = ActorIndex(
        [
            ActorEntry(-1, "Northern Electric Power", None, "body", []),
            ActorEntry(-2, "Harbor Coast Guard", None, "body", []),
        ]
    )
    found = clause_texts(
        index,
        "Northern Electric Power said Friday it will restart the work.",
        "The utility said it had replaced the two cameras on the arm.",
    )
    assert _of(-1, found, "replaced the two cameras")
    found = clause_texts(
        index,
        "A Harbor Coast Guard plane collided with an airliner on Tuesday.",
        "The coast guard said it took the findings seriously.",
    )
    assert _of(-2, found, "findings seriously")
    found = clause_texts(  # no body of that kind named before: nobody's
        index, "Harbor officials met on Monday.", "The utility said it had replaced the two cameras on the arm."
    )
    assert not _of(-1, found, "two cameras")


def test_a_speakers_name_with_a_legal_form_or_a_state_after_it() -> None:
    index = ActorIndex(
        [ActorEntry(-1, "Kestrel", None, "body", []), ActorEntry(-2, "Ann Varga", None, "person", ["Varga"])]
    )
    found = clause_texts(index, "Kestrel Motor said Thursday that it will compensate its suppliers for the halt.")
    assert _of(-1, found, "compensate its suppliers")
    found = clause_texts(index, "Rep. Ann Varga of Michigan said the statute was clear.")
    assert _of(-2, found, "statute was clear")
    found = clause_texts(index, "Kestrel Bay residents said the plant should close.")  # no legal form: nobody's
    assert not _of(-1, found, "plant should close")


def test_a_first_name_shared_with_a_namesake_is_the_person_named_first() -> None:
    from bot.extract.attribution_en import attribute_en

    index = ActorIndex(
        [
            ActorEntry(-1, "Clement XV", "Clement XV", "person", ["Pope Clement XV"]),
            ActorEntry(-2, "Clement XIV", "Clement XIV", "person", ["Pope Clement XIV"]),
            ActorEntry(-3, "Sara Okafor", "Sara Okafor", "person", ["Okafor"]),
            ActorEntry(-4, "Daniel Okafor", "Daniel Okafor", "person", []),
        ]
    )
    text = (
        "Pope Clement XV on Saturday set out his priorities. He said his namesake, Pope Clement XIV, had faced a"
        " similar question. Today, Clement said, the church must answer it again."
    )
    at = text.index("the church must")
    assert attribute_en(text, at, at + 1, index) == "Clement XV"
    # a surname shared goes by the one named last, as before (Okafor after Daniel Okafor)
    text = "Sara Okafor opened the hearing. Daniel Okafor then took the stand. Okafor said the plan was lawful."
    at = text.index("the plan was")
    assert attribute_en(text, at, at + 1, index) == "Daniel Okafor"
