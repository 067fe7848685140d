"""What a /quote query holds (speaker typed before it), variant folding, and the content-word second score."""

from __future__ import annotations

import pytest

from bot.services.quote_query import only_function_words, parse_quote_query
from bot.services.quote_score import as_score, content_words, ordered_share
from bot.text import fold_variants, normalize, strip_parentheticals


@pytest.mark.parametrize(
    ("query", "text", "hint"),
    [
        ("トランプ「あなたはギャンブルをしている」", "あなたはギャンブルをしている", "トランプ"),
        ("石破首相：「国民に信を問う」", "国民に信を問う", "石破首相"),
        ("赤沢「見直しを強く申し入れた", "見直しを強く申し入れた", "赤沢"),  # the closing bracket forgotten
        ('Trump: "You are gambling with World War Three"', "You are gambling with World War Three", "Trump"),
        ('President Trump said "a deal is close"', "a deal is close", "President Trump"),
        ("あなたはギャンブルをしている", "あなたはギャンブルをしている", None),
        ("「ロシアは何も得られない」", "「ロシアは何も得られない」", None),  # brackets alone are not a speaker
        ("米国は「取引」に応じる", "米国は「取引」に応じる", None),  # a sentence, not a name, before the bracket
    ],
)
def test_a_speaker_before_the_quote_is_a_hint(query: str, text: str, hint: str | None) -> None:
    parsed = parse_quote_query(query)
    assert (parsed.text, parsed.speaker_hint) == (text, hint)


@pytest.mark.parametrize(
    ("a", "b"), [("とても残念だ", "非常に残念だ"), ("アメリカの支援", "米国の支援"), ("我々は", "われわれは")]
)
def test_variants_fold_to_the_same_form(a: str, b: str) -> None:
    assert normalize(fold_variants(a)) == normalize(fold_variants(b))


def test_asides_in_parentheses_are_dropped() -> None:
    assert strip_parentheticals("トランプ(大統領)は「取引」と(同国の)記者に") == "トランプは「取引」と記者に"


@pytest.mark.parametrize("text", ["the", "and of the", "ですね", "は"])
def test_function_words_only(text: str) -> None:
    assert only_function_words(text)


@pytest.mark.parametrize("text", ["停戦", "the ceasefire", "Gaza"])
def test_words_to_search_for(text: str) -> None:
    assert not only_function_words(text)


def test_ordered_share_weighs_rare_words() -> None:
    passage = content_words("電動化の競争に勝ち抜くには、規模とスピードが欠かせない")
    condensed = content_words("競争に勝つには規模とスピードが不可欠")
    share = ordered_share(condensed, [1.0] * len(condensed), passage)
    assert share >= 0.6
    # the same words out of order share less
    shuffled = list(reversed(condensed))
    assert ordered_share(shuffled, [1.0] * len(shuffled), passage) < share
    # a missing rare word sinks the score even when common words are there
    words = ["大統領", "英雄", "呼ぶ"]
    assert ordered_share(words, [0.1, 5.0, 0.1], ["大統領", "呼ぶ"]) < 0.1
    assert as_score(0.79) == 0.0 and as_score(1.0) == 100.0
