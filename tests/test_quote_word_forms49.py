"""A word said in another of its forms (forty-ninth round): an English verb's derived noun whose common Japanese
words fell past the glossary's cap (understand → understanding → 理解, `quote_lang._japanese_of`), and a Japanese
verb said as the noun of its continuative form, or the reverse (戦う / 戦い, 取り組む / 取り組み, 遅れる / 遅れ:
`quote_gist.continuative_forms`), as a remembered quote moves between them. Sentences of our own."""

from __future__ import annotations

from bot.services import quote_gist
from bot.services.quote_english import english_keys
from bot.services.quote_lang import JA_PER_WORD, _japanese_of, english_concepts, holds
from bot.text import analyze


def test_a_derived_nouns_first_words_stay_within_the_cap() -> None:
    found, _ = _japanese_of(english_keys("understand"))
    assert "理解" in found[:JA_PER_WORD]
    # the word's own verbs are not pushed out by its derivations' words (open → opening → 公開, 開会 …)
    opened, _ = _japanese_of(english_keys("open"))
    assert {"開く", "開ける"} <= set(opened[:JA_PER_WORD])


def test_an_english_verb_finds_the_japanese_noun_of_its_derivation(actors) -> None:  # type: ignore[no-untyped-def]
    concept = {c.word: c for c in english_concepts("We understand the anger of the residents", actors)}["understand"]
    said = "住民の怒りは理解している"
    assert holds(concept, said, frozenset(analyze(said).forms))


def test_a_verb_and_the_noun_of_its_continuative_form_are_one_word() -> None:
    assert "戦い" in quote_gist.continuative_forms("戦う")
    assert "戦う" in quote_gist.continuative_forms("戦い")
    assert "取り組み" in quote_gist.continuative_forms("取り組む")
    assert "遅れる" in quote_gist.continuative_forms("遅れ")
    assert "決め" in quote_gist.continuative_forms("決める")
    for not_a_verb in ("大学", "はい", "安心", "ダム"):
        assert quote_gist.continuative_forms(not_a_verb) == frozenset(), not_a_verb


def test_the_gist_credits_a_verb_said_as_its_noun() -> None:
    words = quote_gist.weigh(quote_gist.gist_words("住民と最後まで戦う"), {}, 1)
    held = set(analyze("住民との戦いは最後まで続く").forms)
    fight = next(w for w in words if w.form == "戦う")
    assert fight.credit(held) == quote_gist.SYNONYM_CREDIT
