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


def test_a_common_noun_of_one_kanji_is_said_as_a_word_of_its_own(actors) -> None:  # type: ignore[no-untyped-def]
    from bot.services.quote_lang import _plain_noun

    assert _plain_noun("嘘") and _plain_noun("便")
    assert not _plain_noun("的") and not _plain_noun("等")  # an affix, a word of the grammar
    lie = {c.word: c for c in english_concepts("That report is a lie", actors)}["lie"]
    assert "嘘" in lie.marks
    said = "その報道は嘘だ"
    assert holds(lie, said, frozenset(analyze(said).forms))
    # not a character of another word's compounds (便 of 便利), nor a token of the narration only
    flight = {c.word: c for c in english_concepts("The flight was cancelled", actors)}["flight"]
    assert holds(flight, "きょうの便は欠航した", frozenset(analyze("きょうの便は欠航した").forms))
    assert not holds(flight, "便利な制度だ", frozenset(analyze("便利な制度だ").forms))
    assert not holds(lie, "報道を否定した", frozenset(analyze("その報道は嘘だと述べ、報道を否定した").forms))
