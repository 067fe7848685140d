"""The actor a user types, forty-eighth round (issue 11, resolution): a company word is the company, not a person
who shares its reading; a body typed with its country is never another country's; a full name typed is not another
person who only shares the surname. Names and bodies of our own."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.services.country_qualified import country_forms, names_country, same_country, typed_country
from bot.services.resolve import one_of_namesakes
from bot.services.typed_company import companies_typed

KAWADA_MOTOR = ActorEntry(1, "カワダ自動車", None, "body", [], None)
KAWADA_PERSON = ActorEntry(2, "川田", None, "person", ["川田宏"], "社長")
SAKURA_CORP = ActorEntry(3, "Sakura Motor Corp.", None, "body", [], None)
SAKURA_WORKS = ActorEntry(4, "Sakura Industries", None, "body", [], None)
SAKURA_GROUP = ActorEntry(5, "サクラグループ", None, "body", [], None)


def _names(entries: list[ActorEntry]) -> list[str]:
    return [e.name for e in entries]


def test_a_company_word_typed_in_latin_is_the_katakana_company() -> None:
    actors = ActorIndex([KAWADA_MOTOR, KAWADA_PERSON])
    assert _names(companies_typed(actors, "Kawada")) == ["カワダ自動車"]


def test_a_katakana_company_word_is_the_latin_company_with_its_forms() -> None:
    actors = ActorIndex([SAKURA_CORP, SAKURA_WORKS, SAKURA_GROUP])
    # "Industries" is no company form, a group is not the company: Sakura Motor Corp. alone
    assert _names(companies_typed(actors, "サクラ")) == ["Sakura Motor Corp."]
    assert _names(companies_typed(actors, "Sakura")) == ["Sakura Motor Corp."]


def test_a_word_no_company_holds_reads_no_company() -> None:
    actors = ActorIndex([KAWADA_MOTOR, KAWADA_PERSON])
    assert companies_typed(actors, "Kawano") == []
    assert companies_typed(actors, "川田") == []  # kanji: a person's name, not a company word
    assert companies_typed(actors, "Kawada Hiroshi") == []  # two words: a person's full name
    assert companies_typed(ActorIndex([KAWADA_PERSON]), "Kawada") == []  # a person is never read so


def test_two_companies_of_the_word_are_both_returned() -> None:
    actors = ActorIndex([KAWADA_MOTOR, ActorEntry(6, "Kawada Corp.", None, "body", [], None)])
    assert sorted(_names(companies_typed(actors, "Kawada"))) == ["Kawada Corp.", "カワダ自動車"]


def test_a_body_typed_with_its_country_names_that_country() -> None:
    assert typed_country("Brazil's Ministry of Foreign Affairs").en == "Brazil"
    assert typed_country("ブラジルの外務省").en == "Brazil"
    assert typed_country("Ministry of Foreign Affairs") is None
    assert typed_country("Brazil") is None  # a country alone is no body


JAPANS = ["Ministry of Foreign Affairs of Japan", "Japan's foreign ministry"]


def test_a_bare_japanese_body_whose_names_say_japan_is_never_another_countrys() -> None:
    assert not same_country("Brazil's Ministry of Foreign Affairs", "外務省", JAPANS)
    assert same_country("Brazil's Ministry of Foreign Affairs", "ブラジル外務省")
    assert not same_country("Brazil's Ministry of Foreign Affairs", "韓国外務省")
    assert same_country("Japan's Ministry of Foreign Affairs", "外務省", JAPANS)
    assert same_country("Ministry of Foreign Affairs", "外務省", JAPANS)  # no country typed: as before
    # a bare body no name says is Japan's may be the country's (the reports put the country outside the name)
    assert same_country("Brazil's National Security Council", "国家安全保障会議", ["National Security Council"])


def test_a_group_of_names_names_the_country_typed() -> None:
    brazil = typed_country("Brazilian foreign ministry")
    assert brazil is not None
    assert names_country("Ministry of Foreign Affairs of Brazil", brazil)
    assert names_country("Brazilian foreign ministry", brazil)
    assert names_country("ブラジル外務省", brazil)
    assert not names_country("Ministry of Foreign Affairs of Japan", brazil)
    assert not names_country("外務省", brazil)


def test_foreign_affairs_ministry_is_also_the_foreign_ministry() -> None:
    forms = country_forms("Brazil's Ministry of Foreign Affairs")
    assert forms is not None
    assert "Brazil's Foreign Ministry" in forms.forms
    assert "Brazilian Foreign Ministry" in forms.forms


KIM = ActorEntry(10, "Kim", "Kim Jae-hoon", "person", ["Kim Jae-hoon", "Kim Min-seok"], None)
KIM_MINSEOK = ActorEntry(11, "金珉錫", None, "person", [], None)
KIM_JAEHOON = ActorEntry(12, "金在勲", None, "person", [], None)


def test_a_full_name_an_actor_of_several_namesakes_holds_is_the_person_it_names() -> None:
    actors = ActorIndex([KIM, KIM_MINSEOK, KIM_JAEHOON])
    found = one_of_namesakes(actors, KIM, "Kim Min-seok")
    assert found is not None and found.name == "金珉錫"
    found = one_of_namesakes(actors, KIM, "Kim Jae-hoon")
    assert found is not None and found.name == "金在勲"


def test_one_persons_actor_or_a_surname_typed_keeps_the_actor() -> None:
    one = ActorEntry(13, "Park", "Park Ji-won", "person", ["Park Ji-won"], None)
    actors = ActorIndex([one, ActorEntry(14, "朴智元", None, "person", [], None)])
    assert one_of_namesakes(actors, one, "Park Ji-won") is None  # the actor is his own
    actors = ActorIndex([KIM, KIM_MINSEOK])
    assert one_of_namesakes(actors, KIM, "Kim") is None  # a surname alone
    assert one_of_namesakes(actors, KIM, "Kim Jae-hoon") is None  # no one of the other script is he


def test_a_name_is_spelled_again_as_its_language_says_it() -> None:
    from bot.services.typed_sound import respellings

    assert respellings("Sven Gerdén") == ["Sven Yerdén"]  # Swedish g before e: イェルデン
    assert respellings("Rasmus Hagemann") == ["Rasmus Haemann"]  # Danish g between a vowel and e
    assert respellings("Ayşe Tüfek") == ["Ayşe Chufek"]  # Turkish tü: チュ
    assert respellings("Somchai Wongdej") == ["Somchai Wongdet"]  # a Thai final j: t
    assert respellings("Maria Lopez") == []  # no system changes it
    assert respellings("グレタ・ベリ") == []  # not Latin letters


def test_a_respelled_name_finds_the_katakana_person_alone() -> None:
    from bot.services.resolve import across_scripts
    from bot.services.typed_sound import respellings

    gerden = ActorEntry(20, "イェルデン", None, "person", ["スベン・イェルデン"], None)
    actors = ActorIndex([gerden, ActorEntry(21, "ゲルデス", None, "person", [], None)])
    typed = ActorEntry(0, "Sven Gerdén", None, "person", [])
    assert across_scripts(actors, typed) == []  # as typed, no reading gives イェルデン
    (spelled,) = respellings("Sven Gerdén")
    assert [a.name for a in across_scripts(actors, ActorEntry(0, spelled, None, "person", []))] == ["イェルデン"]


def test_a_group_typed_by_its_members_in_the_shapes_reports_write() -> None:
    from bot.services.typed_group import english_group_forms, member_sides

    assert member_sides("預金者団体") == ["預金者団", "預金者グループ", "預金者側"]
    assert member_sides("預金者グループ") == ["預金者団", "預金者側"]
    assert member_sides("日本商工会議所") == []  # a body's own name
    assert member_sides("連合団体") == []
    assert english_group_forms("depositor groups")[:3] == [
        "depositor group",
        "group of depositors",
        "depositors' committee",
    ]
    assert "depositors" in english_group_forms("the depositors")
    assert english_group_forms("the depositor") == []  # one member is no group
    assert english_group_forms("Depositor Alliance") == []  # a name, capitalised
    assert english_group_forms("OpenAI board") == []
