"""The actor a user types, found in the store (round 41, issue 11): a given name a document goes on to use alone
("Mr Anutin said" after Anutin Charnvirakul, as Thai and Indonesian names are written in the news) is one more
name of the person found by the full name; a name typed with a post completes no other person's name by its given
name (エマニュエル大使 is not エマニュエル・マクロン); a Latin x sounds クス and a final -ay アイ (Fux フクス, Oktay
オクタイ). Sentences are our own, written in the reports' manner; each rule has cases that must not fire."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.discover import discover_actors
from bot.extract.romaji import sounds_like
from bot.models import ParsedPassage


def _found(*texts: str, index: ActorIndex | None = None) -> dict[str, list[str]]:
    passages = [ParsedPassage(text=t) for t in texts]
    return {a.name: a.aliases for a in discover_actors(passages, index or ActorIndex([]))}


# --- a given name used alone ----------------------------------------------------------------------------------


def test_a_thai_given_name_after_an_honorific_is_the_person() -> None:
    found = _found(
        "Bhumjaithai leader Anutin Charnvirakul told reporters the party would leave the coalition.",
        "Mr Anutin said Thailand still wanted the dispute settled through bilateral talks.",
    )
    assert "Anutin" in found["Charnvirakul"]
    assert "Anutin" not in found


def test_a_given_name_as_the_subject_of_a_speech_verb_is_the_person() -> None:
    found = _found(
        "Acting Prime Minister Phumtham Wechayachai said three soldiers were wounded.",
        "Phumtham told reporters the army would respond.",
    )
    assert "Phumtham" in found["Wechayachai"]
    indonesian = _found(
        "Defence Minister Prabowo Subianto said the budget would rise.",
        "Prabowo added that the navy would get new ships.",
    )
    assert "Prabowo" in indonesian["Subianto"]


def test_a_given_name_found_alone_by_its_title_joins_the_full_name() -> None:
    found = _found(
        "Prime Minister Paetongtarn Shinawatra apologised for the leaked call.",
        "Prime Minister Paetongtarn said her remarks were a negotiating technique.",
    )
    assert "Paetongtarn" in found["Shinawatra"]
    assert "Paetongtarn" not in found  # one person, not a second one by the given name


def test_a_given_name_never_used_alone_is_no_alias() -> None:
    found = _found("Finance Minister Rachel Reeves said the budget would balance. Reeves added that taxes would rise.")
    assert found["Reeves"] == ["Rachel Reeves"]


def test_the_full_name_written_again_is_no_use_of_the_given_name() -> None:
    found = _found("Mr Anutin Charnvirakul said the party would leave.", "Anutin Charnvirakul told reporters so.")
    assert "Anutin" not in found.get("Charnvirakul", [])


def test_two_people_sharing_a_given_name_get_neither() -> None:
    found = _found(
        "Senator John Hale said the bill was dead.",
        "Governor John Pryor said the state would sue.",
        "John said he would wait.",
    )
    assert "John" not in found["Hale"] and "John" not in found["Pryor"]


def test_a_given_name_that_is_the_surname_of_another_name_is_not_alone() -> None:
    found = _found(
        "Opposition leader Jordan Bardella said the vote was lost.",
        "The coach Michael Jordan said the team would play.",
    )
    assert "Jordan" not in found["Bardella"]


def test_a_given_name_already_another_actor_is_left_to_it() -> None:
    index = ActorIndex([ActorEntry(1, "Sara", None, "person", [])])
    found = _found("Vice President Sara Morales said the plan failed. Sara said she would resign.", index=index)
    assert "Sara" not in found.get("Morales", [])


def test_a_family_first_name_keeps_its_order() -> None:
    found = _found("Prime Minister Hun Manet said the border was calm. Hun said talks would go on.")
    assert all(a != "Hun" for aliases in found.values() for a in aliases)


# --- a name typed with a post -----------------------------------------------------------------------------------


def test_a_posted_given_name_completes_no_other_persons_name() -> None:
    macron = ActorEntry(1, "マクロン", "Emmanuel Macron", "person", ["エマニュエル・マクロン"])
    index = ActorIndex([macron])
    assert index.lookup("エマニュエル大使")[0] is None  # the ambassador, not the president
    assert index.lookup("エマニュエル")[0] is macron  # typed alone, the one name it starts
    zelensky = ActorEntry(2, "ゼレンスキー", None, "person", [])
    assert ActorIndex([zelensky]).lookup("ゼレンスキ")[0] is zelensky  # a name being typed
    assert ActorIndex([zelensky]).lookup("ゼレンスキー大統領")[0] is zelensky  # the whole name and its title


# --- sounds -----------------------------------------------------------------------------------------------------


def test_a_latin_x_sounds_kusu() -> None:
    assert sounds_like("Fux", "フクス")
    assert sounds_like("Max", "マックス")
    assert not sounds_like("Fux", "フクダ")
    assert not sounds_like("Max", "マーク")


def test_a_final_ay_sounds_ai() -> None:
    assert sounds_like("Oktay", "オクタイ")
    assert not sounds_like("Oktay", "オクタ")
    assert not sounds_like("Oktay", "オクテ")


# --- a katakana portfolio before a minister's title -------------------------------------------------------------


def test_a_katakana_portfolio_is_the_posts_not_the_names() -> None:
    found = _found("英国のケミ・ベイドノック・ビジネス貿易相は富士通に書簡を送った。")
    assert "ベイドノック" in found and "ケミ・ベイドノック" in found["ベイドノック"]
    assert "ビジネス" not in found
    saudi = _found("サウジアラビアのアブドルアジズ・エネルギー相は合意を支持する考えを示した。")
    assert "アブドルアジズ" in saudi


def test_a_katakana_surname_before_a_minister_is_the_name() -> None:
    found = _found("英国のジェレミー・ハント財務相は減税を発表した。")  # ハント is also a common noun: still the name
    assert "ハント" in found


def test_a_katakana_portfolio_word_is_no_name() -> None:
    assert _found("日本のデジタル相は会見で説明した。") == {}
    assert "エネルギー" not in _found("ロシアのエネルギー相は増産を否定した。")


def test_a_country_or_a_chinese_surname_first_is_no_given_name() -> None:
    found = _found("Defence Minister Israel Katz said the strikes would go on. Israel said it had hit the site.")
    assert "Israel" not in found["Katz"]
    chinese = _found("Foreign ministry spokesperson Lin Jian said Beijing was firm. Lin said Japan must retract.")
    assert all(a != "Lin" for aliases in chinese.values() for a in aliases)


# --- a body's short name ----------------------------------------------------------------------------------------


def test_a_kanji_short_name_takes_a_character_of_each_word() -> None:
    from bot.services.resolve import abbreviated_body

    spd = ActorEntry(1, "SPD", "SPD", "body", ["社会民主党"])
    meti = ActorEntry(2, "経済産業省", None, "body", [])
    bar = ActorEntry(3, "日本弁護士連合会", None, "body", [])
    mlit = ActorEntry(4, "国土交通省", None, "body", [])
    index = ActorIndex([spd, meti, bar, mlit])
    assert abbreviated_body(index, "日弁連") == bar
    assert abbreviated_body(index, "国交省") == mlit
    assert abbreviated_body(index, "経産省") == meti
    assert abbreviated_body(index, "社会党") is None  # France's Socialist Party, not the SPD
    assert abbreviated_body(index, "経済省") is None  # another country's economy ministry


def test_a_korean_surname_written_first_is_no_given_name() -> None:
    found = _found("Foreign Minister Park Jin said Seoul would pay. Park said the fund was the answer.")
    assert all(a != "Park" for aliases in found.values() for a in aliases)
