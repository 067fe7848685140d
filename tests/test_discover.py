"""New-actor discovery: titled names in new sources that the registry does not know yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.actors import ActorIndex
from bot.extract.discover import discover_actors
from bot.ingest.parse import parse_document
from bot.models import ParsedPassage
from bot.rows import NewActor

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def discover(actors: ActorIndex, *texts: str) -> list[NewActor]:
    return discover_actors([ParsedPassage(text=t) for t in texts], actors)


def test_katakana_name_with_title(actors: ActorIndex) -> None:
    found = discover(actors, "ポーランドのドゥダ大統領は12日、停戦案を支持すると述べた。")
    assert found == [NewActor("ドゥダ", [], "person", "大統領")]


def test_full_name_gives_surname_and_alias(actors: ActorIndex) -> None:
    found = discover(actors, "人権団体のアレクセイ・ナワリヌイ代表は声明を発表した。")
    assert found == [NewActor("ナワリヌイ", ["アレクセイ・ナワリヌイ"], "person", "代表")]


def test_known_actor_is_not_new(actors: ActorIndex) -> None:
    assert discover(actors, "紛争情報チームのルスラン・レビエフ代表は発表した。", "ラブロフ露外相は語った。") == []


def test_country_prefix_and_suffix_are_not_the_name(actors: ActorIndex) -> None:
    assert discover(actors, "ハンガリー・オルバン首相は反対した。", "オルバン・ハンガリー首相") == [
        NewActor("オルバン", [], "person", "首相")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "米国務長官は述べた。",
        "ウクライナ大統領府長官は否定した。",
        "同長官は語った。",
        "両大統領は会談した。",
        "前大統領は批判した。",
        "ロシア大統領は語った。",
        "ホワイトハウス報道官は述べた。",
        "在日ロシア大使館は声明を出した。",
        "ウクライナ代表団が到着した。",
        "大統領府のスタッフ代表は語った。",
        "米務長官",  # a typo for 米国務長官, not a person 「米務」
    ],
)
def test_titles_and_common_nouns_are_not_names(actors: ActorIndex, text: str) -> None:
    assert discover(actors, text) == []


def test_kanji_names_are_checked_by_the_tokenizer(actors: ActorIndex) -> None:
    found = discover(actors, "林芳正官房長官は記者会見で述べた。", "田中角栄首相", "英外相は")
    # a one-kanji surname goes by the full name, and by the surname with the office (林官房長官) as reports write it
    assert found == [
        NewActor("林芳正", ["林官房長官"], "person", "官房長官"),
        NewActor("田中", ["田中角栄"], "person", "首相"),
    ]


def test_english_title_and_said(actors: ActorIndex) -> None:
    found = discover(
        actors,
        "Polish President Andrzej Duda said on Monday that Warsaw would help. The White House said nothing.",
        "Dick Schoof said the Netherlands backs the plan.",
        "Secretary of State Marco Rubio spoke.",  # known
    )
    assert found == [
        NewActor("Duda", ["Andrzej Duda"], "person", "President", "Andrzej Duda"),
        NewActor("Schoof", ["Dick Schoof"], "person", None, "Dick Schoof"),
    ]


def test_english_surname_with_particles(actors: ActorIndex) -> None:
    assert discover(actors, "Commission President Jean-Claude Juncker and President Charles de Gaulle")[1] == NewActor(
        "de Gaulle", ["Charles de Gaulle"], "person", "President", "Charles de Gaulle"
    )


def test_deduplicated_with_all_forms(actors: ActorIndex) -> None:
    found = discover(actors, "ナワリヌイ氏は語った。", "アレクセイ・ナワリヌイ代表は", "ナワリヌイ氏")
    assert found == [NewActor("ナワリヌイ", ["アレクセイ・ナワリヌイ"], "person", "氏")]


def test_nothing_spurious_in_the_seeds(actors: ActorIndex) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        doc = parse_document(path.read_text(encoding="utf-8"), name=path.name)
        found = discover_actors(doc.passages, actors)
        people = [a for a in found if a.kind == "person"]
        assert people == [], (path.name, people)
        # organisations named with their abbreviation (欧州投資銀行(EIB)) or as a subject by a body's own head
        # (外務省は, 外務省の…局長) are real actors, and only those
        assert all(
            a.kind == "body"
            and (
                (a.aliases and a.aliases[0].isupper())
                or a.name.endswith(("省", "庁", "党", "会", "銀行", "機構", "組合", "協会", "連盟", "所", "県", "市"))
            )
            for a in found
        ), (path.name, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "韓国の尹錫悦(ユン・ソンニョル)大統領は3日、談話を発表した。",
            NewActor("尹錫悦", ["ユン・ソンニョル"], "person", "大統領"),
        ),
        (
            "国際原子力機関(IAEA)の会合が開かれた。",
            NewActor("国際原子力機関", ["IAEA", "International Atomic Energy Agency"], "body"),
        ),
        ("最大野党「共に民主党」は反発した。", NewActor("共に民主党", [], "body", "最大野党")),
        (
            "The Office for Budget Policy (OBP) said costs would rise.",
            NewActor("Office for Budget Policy", ["OBP"], "body"),
        ),
        ("ホンダの三部敏宏社長は会見で語った。", NewActor("三部", ["三部敏宏"], "person", "社長")),
        (
            "Defense Minister Kim Yong-hyun offered to resign.",
            NewActor("Kim", ["Kim Yong-hyun"], "person", "Defense Minister", "Kim Yong-hyun"),
        ),
    ],
)
def test_names_the_text_pairs_or_titles(actors: ActorIndex, text: str, expected: NewActor) -> None:
    assert expected in discover(actors, text)


def test_seeds_without_registry_find_real_people() -> None:
    """With an empty registry, the titled names in the seeds are people, never titles or places."""
    empty = ActorIndex([])
    names: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        doc = parse_document(path.read_text(encoding="utf-8"), name=path.name)
        names |= {a.name for a in discover_actors(doc.passages, empty)}
    assert {"ゼレンスキー", "トランプ", "ラブロフ", "ウシャコフ", "ルッテ", "レビエフ", "ヴィンクラー"} <= names
    assert not names & {"ロシア", "ウクライナ", "米務", "大統領府", "国務", "同", "両"}
    assert all(len(n) >= 2 for n in names)


def test_a_new_names_latin_spelling_is_kept_after_a_known_actors_pair(actors: ActorIndex) -> None:
    # a name the registry knows, given with its Latin spelling first, does not end the reading of the pairs after it
    text = "ゼレンスキー（Zelensky）大統領は語った。ポーランドのドゥダ大統領は12日、停戦案を支持すると述べた。ドゥダ（Duda）氏は語った。"
    found = discover(actors, text)
    assert [(a.name, a.aliases, a.name_en) for a in found] == [("ドゥダ", ["Duda"], "Duda")]
    assert discover(actors, text.replace("ゼレンスキー（Zelensky）", "ゼレンスキー")) == found


def test_a_listed_body_takes_its_other_names(actors: ActorIndex) -> None:
    """国土交通省 and 国交省 in one article are one body, which also answers to its English names; a bare lowercase
    phrase ("transport ministry") is not an alias in running text (another country's ministry reads the same)."""
    found = discover(actors, "国土交通省は3日、立ち入り検査に入った。", "国交省の担当者は記者団に説明した。")
    assert [(a.name, a.kind) for a in found] == [("国土交通省", "body")]
    assert {"国交省", "MLIT", "Japan's transport ministry"} <= set(found[0].aliases)
    assert "transport ministry" not in found[0].aliases


def test_a_listed_body_found_in_english_is_the_japanese_one(actors: ActorIndex) -> None:
    found = discover(actors, "The Financial Services Agency said it would order the bank to report.")
    assert len(found) == 1 and {"金融庁", "FSA"} <= set(found[0].aliases)
    known = actors.extended([(a.name, a.aliases, a.kind, a.description) for a in found])
    assert discover(known, "金融庁は16日、報告を求めた。") == []  # the body it already knows, not a second one


@pytest.mark.parametrize(
    "text",
    [
        "A Japanese diplomat in Hong Kong said the consulate had received many calls.",
        "An aid worker in South Korea said the shelters were full.",
        "A trader in Saudi Arabia said oil prices would stay high.",
    ],
)
def test_a_place_of_two_english_words_is_not_a_person(actors: ActorIndex, text: str) -> None:
    names = {n for a in discover(actors, text) for n in (a.name, *a.aliases)}
    assert not names & {"Kong", "Hong Kong", "Korea", "South Korea", "Arabia", "Saudi Arabia"}


def test_a_person_of_two_english_words_is_still_found(actors: ActorIndex) -> None:
    found = discover(actors, "HONG KONG – Hong Kong leader Dick Schoof said the city backs the plan.")
    assert "Schoof" in {a.name for a in found}


def test_a_family_name_written_first_keeps_the_whole_name(actors: ActorIndex) -> None:
    """Korean, Cambodian and Vietnamese names put the family name first: the last part alone is nobody's name, met
    once or every time (a rule of the name, not of what else the report writes)."""
    found = discover(actors, "カンボジアのフン・マネット首相は2日、方針を示した。")
    assert found == [NewActor("フン・マネット", [], "person", "首相")]
    found = discover(actors, "韓国のチェ・サンモク大統領代行は述べた。", "チェ・サンモク氏は「…」と語った。")
    assert [(f.name, f.aliases) for f in found] == [("チェ・サンモク", [])]


def test_a_name_without_a_family_name_first_is_its_last_part(actors: ActorIndex) -> None:
    found = discover(actors, "ミン・アウン・フライン総司令官は演説した。", "ミン・アウン・フライン氏は「…」と語った。")
    assert [(f.name, f.aliases) for f in found] == [("フライン", ["ミン・アウン・フライン"])]
    found = discover(actors, "人権団体のアレクセイ・ナワリヌイ代表は述べた。", "ナワリヌイ氏は「…」と語った。")
    assert [(f.name, f.aliases) for f in found] == [("ナワリヌイ", ["アレクセイ・ナワリヌイ"])]
    found = discover(actors, "デンマークのメッテ・フレデリクセン首相は述べた。")
    assert [f.name for f in found] == ["フレデリクセン"]


def test_an_english_name_is_its_surname_unless_the_family_name_comes_first(actors: ActorIndex) -> None:
    """Met once or every time: a rule of the name (bot/data/attribution.json's en_family_first), not of the report."""
    for texts in (["Cambodian Prime Minister Hun Manet said on Monday."], ["Hun Manet said.", "Hun Manet said."]):
        found = discover(actors, *texts)
        assert [(f.name, f.aliases) for f in found] == [("Hun Manet", [])]
    found = discover(actors, "Prime Minister Jane Doyle said on Monday.", "Doyle said the border was calm.")
    assert [(f.name, f.aliases) for f in found] == [("Doyle", ["Jane Doyle"])]


def test_a_namesake_is_another_person(actors: ActorIndex) -> None:
    """Families share surnames in the news: Sara Duterte is not Rodrigo Duterte; スティーブン・ヘイズ・デイカス is スティーブン・デイカス."""
    found = discover(actors, "Former President Rodrigo Domingo said on Monday.", "Vice President Sara Domingo said.")
    assert [(f.name, f.aliases) for f in found] == [("Domingo", ["Rodrigo Domingo"]), ("Sara Domingo", [])]
    found = discover(actors, "ロドリゴ・ドミンゴ前大統領は述べた。", "サラ・ドミンゴ副大統領は語った。")
    assert [(f.name, f.aliases) for f in found] == [("ドミンゴ", ["ロドリゴ・ドミンゴ"]), ("サラ・ドミンゴ", [])]
    found = discover(actors, "スティーブン・デイカス会長は述べた。", "スティーブン・ヘイズ・デイカス会長は語った。")
    assert [f.name for f in found] == ["デイカス"]


def test_a_title_before_the_full_name_is_no_namesake(actors: ActorIndex) -> None:
    found = discover(actors, "California Senator Adam Schaff said on Monday.")
    assert [f.name for f in found] == ["Schaff"]


def test_a_bodys_english_name_is_no_persons(actors: ActorIndex) -> None:
    # (round 22) "Alaska Airlines said", "Toyota Industries said": a body's name ends so, never Mr Airlines
    found = discover(
        actors, "Alaska Airlines said it would inspect its fleet. Toyota Industries said the offer was fair."
    )
    assert not any(a.kind == "person" and a.name in ("Airlines", "Industries") for a in found)
    # counter-example: a person's name is still one
    found = discover(actors, "Andrzej Duda said the offer was fair.")
    assert any(a.name == "Duda" and a.kind == "person" for a in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "中国外務省の趙立堅副報道局長は2日の記者会見で明言を避けた。",
            NewActor("趙立堅", ["趙副報道局長"], "person", "副報道局長"),
        ),
        ("中国外務省の華春瑩報道局長は反発した。", NewActor("華春瑩", ["華報道局長"], "person", "報道局長")),
        ("北朝鮮の崔善姫外相は談話を出した。", NewActor("崔善姫", ["崔外相"], "person", "外相")),
    ],
)
def test_a_chinese_or_korean_name_after_its_countrys_body(
    actors: ActorIndex, text: str, expected: NewActor
) -> None:
    # the dictionary reads 立堅, 春瑩, 善姫 as common nouns; the country's body before the name is what lets it be one
    assert expected in discover(actors, text)


@pytest.mark.parametrize("text", ["日本の立堅副報道局長は述べた。", "趙立堅副報道局長は述べた。", "中国外務省の新任局長は述べた。"])
def test_two_or_three_kanji_are_not_a_name_without_that_body(actors: ActorIndex, text: str) -> None:
    assert not [a for a in discover(actors, text) if a.kind == "person"]
