"""A quote's words read across the languages (bot/services/quote_lang.py, quote_countries.py, quote_gist.py): a
country named by its people's adjective on one side and by its name on the other, an adverb in -ly said by the
adjective it is made from, and a particle of several words (にとって, について) read as grammar, not as its verb.
Sentences of our own, in the shape news quotes take."""

from __future__ import annotations

from bot.services import quote_countries
from bot.services import quote_gist as g
from bot.services.quote_lang import _adjectives_of, english_concepts, english_marks, holds, japanese_concepts
from bot.text import analyze


def test_an_english_adjective_of_a_people_is_its_country_in_japanese(actors) -> None:  # type: ignore[no-untyped-def]
    by_word = {c.word: c for c in english_concepts("Indian officials met Chinese diplomats", actors)}
    assert holds(by_word["Indian"], "インド当局による調査", frozenset())  # not インディアン
    assert holds(by_word["Chinese"], "中国の在外公館の長", frozenset())  # not 中国語
    assert not holds(by_word["Chinese"], "インド当局", frozenset())


def test_a_japanese_country_is_found_by_its_english_name_or_adjective(actors) -> None:  # type: ignore[no-untyped-def]
    by_word = {c.word: c for c in japanese_concepts("日本の経済の実態は中国の景気に左右される", actors)}
    assert holds(by_word["日本"], "", english_marks("the real state of the Japanese economy"))
    assert holds(by_word["中国"], "", english_marks("China's slowing economy"))
    assert not holds(by_word["日本"], "", english_marks("the Chinese economy"))


def test_a_country_word_is_only_a_capitalised_one() -> None:
    assert quote_countries.by_english("Chinese") is quote_countries.by_english("China")
    assert quote_countries.by_english("turkey") is None  # the bird, lower case
    assert quote_countries.english_mark("Thai") == quote_countries.english_mark("Thailand")


def test_an_adverb_in_ly_is_made_from_its_adjective() -> None:
    assert _adjectives_of("deeply") == ["deep"]
    assert _adjectives_of("carefully")[0] == "careful"
    assert _adjectives_of("easily") == ["easy"]
    assert _adjectives_of("probably") == ["probable"]
    for word in ("likely", "early", "only", "family"):  # -ly, but no adverb of an adjective
        assert _adjectives_of(word) == []


def test_an_adverb_finds_the_japanese_adjectives_form(actors) -> None:  # type: ignore[no-untyped-def]
    by_word = {c.word: c for c in english_concepts("I am deeply pained by the damage", actors)}
    said = "深く心を痛めている"
    assert holds(by_word["deeply"], said, frozenset(analyze(said).forms))  # the passage's words: 深い
    assert holds(by_word["deeply"], said, frozenset())  # the quotation's own text: 深く, a form of 深い
    assert not holds(by_word["deeply"], "深刻な被害", frozenset())  # 深 alone is inside other words
    firmly = {c.word: c for c in english_concepts("We will firmly protect the system", actors)}["firmly"]
    assert not holds(firmly, "同社は制度を守る", frozenset(analyze("同社は制度を守る").forms))  # firm: not the company


def test_a_particle_of_several_words_is_not_a_verb_of_the_quote(actors) -> None:  # type: ignore[no-untyped-def]
    words = g.gist_words("住民にとって大きな負担について県に対して説明を求める")
    assert "取る" not in words and "就く" not in words and "対する" not in words
    assert {"住民", "負担", "県", "説明"} <= set(words)
    concepts = {c.word for c in japanese_concepts("シリアの国民にとってより良い状況が望ましい", actors)}
    assert "とる" not in concepts and "取る" not in concepts
