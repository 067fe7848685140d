"""A remembered quote's words read as what they say, not how (bot/text.py `fold_variants`, bot/services/quote_gist.py,
quote_lang.py): a spelling variant folded only as a word of its own, never inside a compound (事 of 事故); the verbs
of the grammar after another verb (〜てしまう, 〜すぎる) and the formal nouns (〜つもり) not weighed as what a quote says;
an English quote's words by their stems and WordNet's synonyms, its contractions and shortest stop words out; two English words JMdict glosses
as one phrase found by the compound too (third country → 第三国); a possessive name read as the name. Sentences of our own, in the shape news
quotes take."""

from __future__ import annotations

import pytest

from bot.services import quote_gist as g
from bot.services.quote_lang import english_concepts, holds
from bot.text import fold_variants


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("前例のない事故だった", "前例のない事故だった"),  # 事 (こと) inside 事故
        ("仕事を確実に進める", "仕事を確実に進める"),  # 事 of 仕事, 実に (非常に) of 確実に
        ("今後も計画を変更に向けて", "今後も計画を変更に向けて"),  # 今 (いま) of 今後, 更に (さらに) of 変更に
        ("その時、今は全て考える", "そのとき、いまはすべて思う"),  # the words on their own still fold
        ("管理が不十分だったことは大変遺憾だ", "管理が不十分だったことは非常に残念だ"),  # a two-kanji variant is a word
    ],
)
def test_a_variant_folds_as_a_word_of_its_own_not_inside_a_compound(text: str, folded: str) -> None:
    assert fold_variants(text) == folded


def test_a_verb_of_the_grammar_after_another_verb_is_not_a_word_of_the_quote() -> None:
    words = g.gist_words("多くの人に負担をかけてしまった。少し用心しすぎた")
    assert {"負担", "用心"} <= set(words)
    assert "仕舞う" not in words and "過ぎる" not in words
    assert {"見る", "直す"} <= set(g.gist_words("便数を見直すこともありうる"))  # 見直す's own verbs stay


def test_a_formal_noun_weighs_less_than_a_word_that_says_something() -> None:
    plan, intent = g.weigh(["開催", "積もり"], {}, 100)
    assert intent.weight == pytest.approx(plan.weight * g.GRAMMAR_WEIGHT)


def test_an_english_quote_is_weighed_by_its_content_words_found_by_stem_and_synonym() -> None:
    words = g.gist_words("It's an effort to pin the blame on pilots who aren't around")
    assert "effort" in words and "pilots" in words and "blame" in words
    assert not {"it's", "an", "to", "on", "aren't"} & set(words)
    effort, *_, pilots = g.weigh(["effort", "blame", "pilots"], {}, 100)
    held = g.held_words([effort, pilots], set(), "an attempt to blame the pilot")
    assert pilots.credit(held) == 1.0  # pilots ~ pilot: one stem
    assert effort.credit(held) == g.SYNONYM_CREDIT  # WordNet: effort = attempt
    assert g.held_words(g.weigh(["工場"], {}, 100), {"工場"}, "the pilot") == {"工場"}  # a Japanese quote: tokens


def test_two_words_glossed_as_one_phrase_are_found_by_the_compound(actors) -> None:  # type: ignore[no-untyped-def]
    by_word = {c.word: c for c in english_concepts("This concerns the politics of a third country", actors)}
    assert holds(by_word["third"], "第三国の内政に関わることだ", frozenset())  # third country → 第三国
    assert holds(by_word["country"], "第三国の内政に関わることだ", frozenset())
    alone = {c.word: c for c in english_concepts("This concerns the politics of the country", actors)}
    assert not holds(alone["country"], "第三国の内政に関わることだ", frozenset())  # no phrase, no compound


def test_a_possessive_name_is_the_name_and_a_title_word_is_no_name(actors) -> None:  # type: ignore[no-untyped-def]
    found = english_concepts("India supports Prime Minister Sharma's efforts to restore peace", actors)
    marks = {m for c in found for m in c.marks}
    assert "#sharma" in marks or any(c.word == "Sharma" for c in found)
    assert not any(c.word == "Prime" and c.kind == "name" for c in found)


def test_a_rewording_keeps_the_quotes_numbers_and_months() -> None:
    assert g.keeps_figures("３６人の命が奪われた", "36人もの尊い命が奪われた")  # the width is no other number
    assert g.keeps_figures("about 1,000 people", "1000 people were evacuated")
    assert not g.keeps_figures("We want to set out a direction by June", "set out a direction by the end of March")
    assert not g.keeps_figures("3%の賃上げ", "5%の賃上げを求めた")
