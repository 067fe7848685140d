"""What the seed-35 sample of the `services.cross` mutation target left alive (branch mut35, tests/MUTATION.md): the
cross-language quote search's words (quote_lang, quote_english, quote_claim, quote_voice, quote_cross), a country
typed for an actor (resolve_country), a relative as typed (relatives) and --about's antecedents (antecedent). Each
test pins what the function's docstring says it does, on inputs of our own in the shape news text takes."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.ingest.pipeline import ingest_text
from bot.services.antecedent import antecedents
from bot.services.quote_cross import rank
from bot.services.quote_english import english_content
from bot.services.quote_lang import _adjectives_of, _latin_name, japanese_concepts
from bot.services.quote_voice import _entry_countries, speaker_voice
from bot.store import Store
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
