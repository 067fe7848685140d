"""A person's office written after the name, in the forms last round's blind stories missed (st30a):

- a registry person, then an office with what it is of (「欧州連合のティエリー・ブルトン欧州委員」, 「暫定政権のトウヒド・
  ホサイン外務顧問」, 「メルツCDU党首」): the person, not an anonymous 委員 (twitter2022, bangladesh2024, germany2025);
- a minister's title after a name split where the words meet (「武見厚生労働大臣」 is 武見 + 厚生労働大臣, never 武見厚生 +
  労働大臣; 「林外務大臣」 never 林外 + 務大臣), a one-kanji surname the dictionary reads as a common noun before a
  minister's office (林 of 「林外務大臣」, 「林官房長官」: sudan2023, sado2024, and 29 林官房長官 across the stories), and
  that surname resolved to the one registry person of that office.

Sentences of our own, in the shape news reports take.
"""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution_ja import attribute_ja, classify
from bot.extract.roles import surname_before_title, title_suffix


def _index(*entries: ActorEntry) -> ActorIndex:
    return ActorIndex(list(entries))


_BRETON = ActorEntry(1, "ブルトン", "Thierry Breton", "person", [], "欧州委員")
_EU = ActorEntry(2, "欧州連合", "EU", "org", ["EU", "欧州"], None)
_MUSK = ActorEntry(3, "マスク", "Elon Musk", "person", [], None)
_HAYASHI = ActorEntry(4, "林芳正", "Yoshimasa Hayashi", "person", ["林外相"], "外相")


def _speaker(text: str, quote: str, actors: ActorIndex) -> str | None:
    at = text.index(quote)
    return attribute_ja(text, at, at + len(quote), actors)


def test_a_registry_person_before_a_qualified_office_is_the_person() -> None:
    actors = _index(_BRETON, _EU)
    found = classify("欧州連合(EU)のティエリー・ブルトン欧州委員(域内市場担当)", actors)
    assert found is not None and (found.kind, found.display) == ("person", "ブルトン")
    text = "欧州連合(EU)のティエリー・ブルトン欧州委員(域内市場担当)は28日、「欧州では我々のルールに従う」と投稿した。"
    assert _speaker(text, "欧州では", actors) == "ブルトン"


def test_a_party_acronym_before_the_office_is_a_qualifier() -> None:
    merz = ActorEntry(5, "メルツ", "Friedrich Merz", "person", [], None)
    found = classify("メルツCDU党首", _index(merz))
    assert found is not None and (found.kind, found.display) == ("person", "メルツ")


def test_the_persons_own_administration_or_camp_is_someone_else() -> None:
    actors = _index(_MUSK)
    for phrase in ("マスク政権高官", "マスク陣営幹部"):
        found = classify(phrase, actors)
        assert found is None or found.kind != "person", phrase


def test_a_ministers_title_splits_where_the_words_meet() -> None:
    assert title_suffix("武見厚生労働大臣") == ("武見", "厚生労働大臣")
    assert title_suffix("武見厚生労働相") == ("武見", "厚生労働相")
    assert title_suffix("林外務大臣") == ("林", "外務大臣")
    assert title_suffix("林官房長官") == ("林", "官房長官")
    assert title_suffix("河野デジタル大臣") == ("河野", "デジタル大臣")
    # unchanged: a full name, a two-kanji surname, a prefix or a country before the office
    assert title_suffix("林芳正官房長官") == ("林芳正", "官房長官")
    assert title_suffix("斉藤国土交通相") == ("斉藤", "国土交通相")
    assert title_suffix("前外務大臣") == ("", "前外務大臣")
    assert title_suffix("英財務相") == ("", "英財務相")
    assert title_suffix("両外相") == ("", "両外相")


def test_a_one_kanji_surname_only_before_a_ministers_office() -> None:
    assert surname_before_title("林", "外務大臣")
    assert not surname_before_title("林", "社長")  # not a minister's office
    assert not surname_before_title("前", "外務大臣")  # a prefix
    assert not surname_before_title("米", "国務長官")  # a country


def test_the_surname_is_the_one_registry_minister_of_that_office() -> None:
    actors = _index(_HAYASHI)
    text = "林外務大臣は16日、談話を発表し、「暴力を直ちに停止するよう強く求める」と表明しました。"
    assert _speaker(text, "暴力を", actors) == "林芳正"
    # a surname no registry minister of that office bears stays the surname
    assert _speaker(text, "暴力を", _index(_MUSK)) == "林"


def test_the_rest_of_a_longer_name_is_no_qualifier() -> None:
    koike = ActorEntry(6, "小池", "Yuriko Koike", "person", ["小池百合子"], "東京都知事")
    found = classify("共産党の小池晃書記局長", _index(koike))
    assert found is None or found.display != "小池"  # 小池晃 is another person than the registry's 小池


def test_a_company_name_joined_by_an_ampersand_is_whole(actors: ActorIndex) -> None:
    from bot.extract.attribution_en import attribute_en

    for text, quote, speaker in (
        ('Seven & i Holdings said the proposal "grossly undervalues" the business.', "grossly", "Seven & i Holdings"),
        (
            'Johnny & Associates said in a statement that it "was not involved at all."',
            "was not",
            "Johnny & Associates",
        ),
    ):
        at = text.index(quote)
        assert attribute_en(text, at, at + len(quote), actors, context=text) == speaker


def test_a_leading_name_runs_past_a_titles_particles_and_lower_case_roles(actors: ActorIndex) -> None:
    from bot.extract.attribution_en import attribute_en

    for text, quote, speaker in (
        (
            "Army chief General Abdel Fattah al-Burhan, in a recorded address, did not mention a truce but said the"
            ' military would emerge intact. "We remain committed to civilian rule," he said.',
            "We remain",
            "Abdel Fattah al-Burhan",
        ),
        (
            "Secretary of State Antony Blinken, in a written statement, congratulated Lai and praised the voters."
            " He said the United States was committed to peace.",
            "committed to peace",
            "Antony Blinken",
        ),
    ):
        at = text.index(quote)
        assert attribute_en(text, at, at + len(quote), actors, context=text) == speaker


def test_a_surname_registry_person_with_the_given_name_written_out() -> None:
    ieda = ActorEntry(7, "家田", None, "person", [], None)  # found by surname only, earlier in the item
    found = classify("委員長の家田仁・政策研究大学院大学特別教授", _index(ieda))
    assert found is not None and (found.kind, found.display) == ("person", "家田")


def test_more_of_a_katakana_name_is_no_qualifier() -> None:
    found = classify("トランプ・ジュニア氏", _index(ActorEntry(8, "トランプ", None, "person", [], None)))
    assert found is None or found.display != "トランプ"
