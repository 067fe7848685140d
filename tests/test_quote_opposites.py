"""A reworded quote read by what its words say, twenty-fourth round (bot/services/quote_english.py, quote_gist.py,
bot/extract/lexicon.py, bot/data/antonyms.json made by tools/make_antonyms.py): WordNet's synonyms looked up both ways
(oversee → supervise, where the file lists only supervise → oversee), an English stem that a word and its forms
share whatever ending the word has (raise, raised; answer, answered) and that leaves function words whole (whether,
however), and a passage that says the opposite of one of the quote's words (利上げ for 利下げ, reject for accept)
refused. Sentences of our own, in the shape news quotes take."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from bot.extract.lexicon import antonyms_of, neighbours_of
from bot.services import quote_gist as g
from bot.services.quote_english import english_gist_word, english_stem, english_words


def test_a_synonym_is_found_from_either_word_of_the_pair() -> None:
    assert "oversee" not in english_words()["synonyms"]  # the file lists the pair one way only
    assert "oversee" in english_words()["synonyms"]["supervise"]
    mark, synonyms = english_gist_word("oversee")
    assert english_gist_word("supervise")[0] in synonyms
    assert mark in english_gist_word("supervised")[1]
    words = g.weigh(["decision", "board", "oversee", "company"], {}, 100)
    held = g.held_words(words, set(), "our decision was about the board's ability to effectively supervise the company")
    assert g.share(words, held) == (pytest.approx((3 + g.SYNONYM_CREDIT) / 4), 4)


@pytest.mark.parametrize(
    "forms",
    [
        ("raise", "raised", "raises", "raising"),
        ("answer", "answered", "answers"),
        ("consider", "considering", "considerations"),
        ("family", "families"),
        ("study", "studies", "studied"),
        ("process", "processes"),
        ("cut", "cuts", "cutting"),
        ("plan", "plans", "planned"),
        ("agree", "agreed", "agreeing", "agreement"),
        ("tax", "taxes"),
        ("oversee", "oversees", "overseeing"),
    ],
)
def test_a_word_and_its_forms_share_one_stem(forms: tuple[str, ...]) -> None:
    assert len({english_stem(f) for f in forms}) == 1, {f: english_stem(f) for f in forms}


@pytest.mark.parametrize("word", ["whether", "however", "together", "rather", "always", "another", "because", "unless"])
def test_a_function_word_is_left_whole(word: str) -> None:
    assert english_stem(word) == word


def test_a_short_word_or_a_word_ending_like_a_plural_keeps_its_letters() -> None:
    assert english_stem("status") == "status" and english_stem("crisis") == "crisis"
    assert english_stem("bus") == "bus" and english_stem("news") != "ne"
    assert english_stem("added") == "added"  # add: no stem of two letters


def test_an_english_quotes_passages_are_not_looked_up_by_its_function_words() -> None:
    words = g.gist_words("Our decision was about whether the board could properly oversee the company")
    assert {"whether", "could", "decision", "oversee"} <= set(words)  # weighed, a passage worded alike holds them
    looked_up = g.lookup_words(words)
    assert {"decision", "board", "properly", "oversee", "company"} == set(looked_up)
    assert "government" in g.lookup_words(g.gist_words("The government will not back down"))  # content, not stop
    assert g.lookup_words(["利下げ", "時期", "尚早"]) == ["利下げ", "時期", "尚早"]
    assert g.lookup_words(["whether", "could", "oversee"]) == ["whether", "could", "oversee"]  # one word: all kept


def test_the_antonym_table_is_read_both_ways() -> None:
    data = json.loads(resources.files("bot.data").joinpath("antonyms.json").read_text(encoding="utf-8"))
    for side in ("japanese", "english"):
        table = data[side]
        assert all(word in table.get(other, []) for word, others in table.items() for other in others)
    assert antonyms_of("利上げ") == {"利下げ"} and "減税" in antonyms_of("増税")  # compounds of one core, 上/下, 増/減
    assert "減少" in antonyms_of("増加")  # JMdict's own
    assert "reject" in antonyms_of("accept") and "lower" in antonyms_of("raise")


def test_a_passage_saying_the_opposite_of_a_quotes_word_is_refused() -> None:
    words = g.weigh(g.gist_words("利下げは時期尚早で、決して行うべきではなかった"), {}, 100)
    said = "利上げは時期尚早で、決して踏み切るべきではなかった"
    assert g.says_opposite(words, said)
    assert g.saying("利下げは時期尚早で、決して行うべきではなかった", words, f"談話で「{said}」と非難した", 0.8) is None
    assert not g.says_opposite(words, "利下げは時期尚早で、決して踏み切るべきではなかった")
    # the word itself said beside its opposite: no changed claim
    assert not g.says_opposite(words, "利上げの後の利下げは時期尚早で、決して踏み切るべきではなかった")
    english = g.weigh(g.gist_words("The committee voted to reject the merger plan"), {}, 100)
    assert g.says_opposite(english, "the committee voted to accept the merger plan")
    assert not g.says_opposite(english, "the committee voted to reject the merger plan")
    assert g.says_opposite(g.weigh(g.gist_words("We will raise the price"), {}, 100), "we will lower the price")


def test_an_opposite_is_no_neighbour_of_the_word() -> None:
    assert "減少" in neighbours_of("増加", g.NEIGHBOUR_MIN)  # chiVe: the opposite is used in the same contexts
    (word,) = g.weigh(["増加"], {}, 100)
    assert "減少" in word.antonyms and "減少" not in word.neighbours and "減少" not in word.synonyms


def test_an_act_the_stance_reads_as_opposite_is_one_for_the_gist_too() -> None:
    assert "辞任" in g.japanese_antonyms("続投") and "続投" in g.japanese_antonyms("辞任")


def test_a_declared_stance_and_its_opposite_are_antonyms_in_both_languages() -> None:
    from tools.make_antonyms import stances

    ja, en = stances()
    assert "反対" in ja["賛成"] and "拒否" in ja["容認"] and "賛成" in ja["反対"] and "支持" in ja["不支持"]
    assert "oppose" in en["support"] and "support" in en["oppose"] and "reject" in en["welcome"]
    # counter-example: two stances of one side are no opposites (賛成, 支持; oppose, reject)
    assert "支持" not in ja["賛成"] and "reject" not in en["oppose"]
    assert "反対" in antonyms_of("賛成") and "oppose" in antonyms_of("support")  # in the shipped table
    words = g.weigh(g.gist_words("与党は法案に賛成する方針を示した"), {}, 100)
    assert g.says_opposite(words, "与党は法案に反対する方針を示した")
    assert not g.says_opposite(words, "与党は法案に賛成する方針を示した")
