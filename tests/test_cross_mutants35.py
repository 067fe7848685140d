"""What the seed-35 sample of the `services.cross` mutation target left alive (branch mut35, tests/MUTATION.md): the
cross-language quote search's words (quote_lang, quote_english, quote_claim, quote_voice, quote_cross), a country
typed for an actor (resolve_country), a relative as typed (relatives) and --about's antecedents (antecedent). Each
test pins what the function's docstring says it does, on inputs of our own in the shape news text takes."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.ingest.pipeline import ingest_text
from bot.services.antecedent import antecedents
from bot.services.quote_claim import _in_english, has_predicate
from bot.services.quote_cross import NAME_WEIGHT, rank, weights
from bot.services.quote_english import english_content
from bot.services.quote_lang import (
    Concept,
    _adjectives_of,
    _japanese_name,
    _latin_name,
    japanese_concepts,
    japanese_name_marks,
)
from bot.services.quote_voice import _entry_countries, speaker_voice, titled_countries
from bot.store import Store
from bot.text import analyze
from tests.test_quote_cross import QUAKE_EN, QUAKE_JA

HAYASHI = ActorIndex(
    [ActorEntry(1, "林芳正", "Yoshimasa Hayashi", "person", ["林"], "官房長官 / Chief Cabinet Secretary")]
)


@pytest.fixture
async def quake(store: Store) -> Store:
    for name, text in (("quake_ja.md", QUAKE_JA), ("quake_en.md", QUAKE_EN)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    return store


def test_an_adverbs_adjective_is_one_the_glossary_knows() -> None:
    """`_adjectives_of` gives the adjectives JMdict glosses (their Japanese words are what the adverb is said by): an
    adjective nothing glosses is no reading of the adverb."""
    assert _adjectives_of("deeply") == ["deep"]
    assert _adjectives_of("blorfly") == []  # "blorf": no such English word
    assert _adjectives_of("zindlily") == []  # -ily → "zindly", unknown


def test_an_english_quotes_two_letter_words_are_kept_unless_stop_or_light() -> None:
    """`english_content`: stop words of two letters ("to", "of") and light ones ("us", "me") are left out, other
    short words are content (an acronym, a figure)."""
    words = english_content("The EU gave us 10 days to act")
    assert "eu" in words and "10" in words
    assert "us" not in words and "to" not in words


def test_a_japanese_name_is_said_by_the_registrys_latin_name_before_its_reading() -> None:
    """`_latin_name`: an actor the registry knows is said in English by its Latin names (name_en and Latin
    aliases), not by the romaji of the reading the tokenizer gave."""
    name = _latin_name("林芳正", "リンホウセイ", HAYASHI)
    assert name is not None
    assert name.marks == frozenset({"#hayashi", "#yoshimasa"})
    assert set(name.said) == {"hayashi", "yoshimasa"}


def test_a_japanese_quotes_words_are_concepts_of_the_kind_word(actors) -> None:  # type: ignore[no-untyped-def]
    """A Japanese quote's content words said in English are concepts of the kind "word" (`Concept.kind`: "word",
    "name", "number" or "loose"; `quote_cross.weights` and `share` read it)."""
    by_word = {c.word: c for c in japanese_concepts("保険会社は被災者を見捨ててはならない", actors)}
    assert by_word["見捨てる"].kind == "word" and by_word["被災者"].kind == "word"


def test_a_states_countries_are_its_own() -> None:
    """`_entry_countries`: a state of the registry speaks for its own country, found by its Japanese name or, when
    the table does not know that, by its English one."""
    assert _entry_countries(ActorEntry(7, "ウクライナ", "Ukraine", "state", [], None)) == {"Ukraine"}
    assert _entry_countries(ActorEntry(8, "烏克蘭", "Ukraine", "state", [], None)) == {"Ukraine"}
    ukraine = ActorIndex([ActorEntry(7, "ウクライナ", "Ukraine", "state", [], None)])
    said = speaker_voice("ウクライナ", ukraine)
    assert said is not None and said.countries == frozenset({"Ukraine"})


def test_an_english_anaphor_points_back_to_the_english_sentence_naming_it() -> None:
    """`antecedents` of an English clause: "the bill" points back to the one earlier sentence that names the bill
    (English sentences cut at their full stops), not to the whole passage before it."""
    text = (
        "Parliament passed a bill to overturn the convictions on Tuesday. Critics spoke at length. "
        "Ministers said the bill is the least worst option."
    )
    lo = text.index("Ministers")
    found = antecedents(lo, len(text), text, [])
    assert [(text[s:e], sentence) for s, e, sentence in found] == [
        ("the bill", "Parliament passed a bill to overturn the convictions on Tuesday.")
    ]


async def test_a_japanese_passages_share_reads_its_narration_and_its_own_share_the_quotation(quake: Store) -> None:
    """`rank`: a Japanese candidate's share reads the passage's indexed words (its narration too: 地震 is said
    before the quotation), its `own` share the quotation's words alone."""
    ranked = await rank(quake, "Insurers must not abandon the earthquake victims; payments should be made quickly")
    top = ranked[0]
    assert "見捨ててはならない" in top.segment
    assert top.own is not None and top.share > top.own


def test_a_clause_with_a_copula_says_a_predicate() -> None:
    """`has_predicate`: a verb, an adjective or a copula (問題だ, 課題です) is a predicate; a bracketed designation
    with none (「特別指定国際テロリスト」) is nobody's quotation."""
    assert has_predicate("深刻な問題だ") and has_predicate("大きな課題です")
    assert not has_predicate("特別指定国際テロリスト")


def test_an_english_name_concept_is_looked_up_by_the_japanese_names_index_words() -> None:
    """`_japanese_name`: an actor named in an English quote is looked up in the index by its Japanese names' words
    (the terms `holding_two_concepts` and `weights` read), and found in a passage by the names themselves."""
    name = _japanese_name("Hayashi", HAYASHI)
    assert name is not None and name.kind == "name"
    assert name.terms == (" ".join(analyze("林芳正").forms),)
    assert name.marks == frozenset({"林芳正"})


def test_a_passage_writes_a_name_with_each_country_it_names_it_with() -> None:
    """`titled_countries`: every country the passage writes with the name, in each of its mentions (two people of one
    name, as a report of a meeting writes them)."""
    passage = "英国のジョンソン前首相と米国のジョンソン下院議長が会談した。"
    assert titled_countries(passage, {"ジョンソン"}) == {"Britain", "America"}


def test_a_name_or_a_number_weighs_more_than_a_word_of_the_same_rarity() -> None:
    """`weights`: a name's or a number's weight is NAME_WEIGHT times its rarity's, a word's is its rarity."""
    found = [
        Concept("Hayashi", ("林",), frozenset({"林"}), "name"),
        Concept("50,000", ("50000",), frozenset({"50000"}), "number"),
        Concept("victims", ("被災",), frozenset({"被災"}), "word"),
    ]
    name, number, word = weights(found, {"林": 3, "50000": 3, "被災": 3}, 100)
    assert name == pytest.approx(NAME_WEIGHT * word) and number == pytest.approx(NAME_WEIGHT * word)


def test_a_japanese_proper_noun_is_marked_by_its_reading_in_romaji() -> None:
    """`japanese_name_marks`: the docstring's 八潮 → #yashio."""
    assert "#yashio" in japanese_name_marks("八潮市で道路が陥没した")


def test_an_english_clause_says_a_concept_by_a_word_sharing_its_stem(actors) -> None:  # type: ignore[no-untyped-def]
    """`_in_english`: an English clause says a Japanese word's concept by a word whose stem begins the concept's
    (insurers for 保険会社's "insurance", as `holds` reads an English text)."""
    by_word = {c.word: c for c in japanese_concepts("保険会社は被災者を見捨ててはならない", actors)}
    assert _in_english(by_word["保険会社"], "Insurers must not abandon the victims")
    assert not _in_english(by_word["保険会社"], "Officials must not abandon the victims")
