"""What the seed-35 sample of the `services.cross` mutation target left alive (branch mut35, tests/MUTATION.md): the
cross-language quote search's words (quote_lang, quote_english, quote_claim, quote_voice, quote_cross), a country
typed for an actor (resolve_country), a relative as typed (relatives) and --about's antecedents (antecedent). Each
test pins what the function's docstring says it does, on inputs of our own in the shape news text takes."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.ingest.pipeline import ingest_text
from bot.rows import Provenance
from bot.services.antecedent import _mentions, _nouns, antecedents
from bot.services.quote_claim import _in_english, has_predicate, numbers_held, polarity_clash, refusal
from bot.services.quote_cross import NAME_WEIGHT, Ranked, _ranked, rank, weights
from bot.services.quote_english import english_content
from bot.services.quote_lang import (
    Concept,
    _adjectives_of,
    _english_forms,
    _japanese_name,
    _latin_name,
    _phrases,
    _related,
    english_concepts,
    japanese_concepts,
    japanese_name_marks,
)
from bot.services.quote_voice import _entry_countries, speaker_voice, titled_countries
from bot.store import Store
from bot.store.search import PassageRow
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


def test_an_english_glosss_forms_include_its_past() -> None:
    """`_english_forms`: the forms the index may hold an English gloss by (abandon → abandoned, abandoning)."""
    assert {"abandon", "abandons", "abandoned", "abandoning"} <= set(_english_forms("abandon"))
    assert {"study", "studies", "studied", "studying"} <= set(_english_forms("study"))


def test_a_noun_right_after_a_determiner_at_the_sentences_start_is_only_pointed_at() -> None:
    """`_mentions`: "The bill" opening a sentence (同案 opening a Japanese one) points at the noun again (1); it is
    not a full mention (2) because nothing comes before the determiner."""
    assert _mentions("The bill was passed on Tuesday.", "bill", True) == 1
    assert _mentions("同案は可決された。", "案", False) == 1
    assert _mentions("Parliament passed a bill on Tuesday.", "bill", True) == 2


def test_an_adverb_after_a_determiner_is_not_the_noun_pointed_at() -> None:
    """`_nouns`: an adverb in -ly after a determiner ("the only option") is no noun; the word after it is."""
    clause = "Ministers said the only option is to wait"
    assert [phrases for _, _, phrases, _ in _nouns(clause)] == [("option",)]


def test_a_named_run_is_one_concept_and_the_words_around_it_are_read(actors) -> None:  # type: ignore[no-untyped-def]
    """`english_concepts`: a run of capitalised words the registry knows as one actor is one name concept; its words
    are not read again one by one, and the words before it are read as any others."""
    index = ActorIndex([ActorEntry(2, "小林製薬", "Kobayashi Pharmaceutical", "company", [], None)])
    words = [
        c.word for c in english_concepts("Regulators ordered Kobayashi Pharmaceutical to recall its supplements", index)
    ]
    assert words == ["Kobayashi Pharmaceutical", "Regulators", "ordered", "recall", "supplements"]


def test_a_question_is_refused_as_a_question() -> None:
    """`refusal` names why: a query that asks, against a quotation that asserts the same words, is "question"."""
    index = ActorIndex([])
    query = "Will insurers abandon the victims?"
    said = "保険会社は被災者を見捨てる"
    passage = f"加藤大臣は「{said}」と述べた。"
    assert refusal(query, english_concepts(query, index), said, passage, False) == "question"


def test_each_shared_concept_of_a_negated_japanese_clause_clashes_with_an_affirmed_english_one() -> None:
    """`polarity_clash` of a Japanese query: each concept both sides say (見捨てる found by its stem in 見捨てない,
    as `_in_japanese_query` reads a Japanese clause) counts when only the query's clause says no."""
    query = "保険会社は被災者を見捨てない"
    found = japanese_concepts(query, ActorIndex([]))
    assert [c.word for c in found] == ["保険会社", "被災者", "見捨てる"]
    assert polarity_clash(query, "Insurers will abandon the victims", found, True) == 3


async def test_a_servers_candidates_are_its_own_and_the_shared_ones(store: Store) -> None:
    """`rank(…, guild_id=)`: a server's question reads its own documents and the shared ones, never another server's
    (README, "Servers"); the command line (no guild) reads all."""
    provenance = Provenance(guild_id=7)
    assert (await ingest_text(store, QUAKE_JA, name="quake_ja.md", provenance=provenance)).status == "added"
    query = "Insurers must not abandon the earthquake victims; payments should be made quickly"

    def reads_it(ranked: list[Ranked]) -> bool:
        return any("見捨ててはならない" in row.text for r in ranked for row in r.rows)

    assert not reads_it(await rank(store, query, guild_id=8))  # the seeds' passages, not server 7's
    assert reads_it(await rank(store, query, guild_id=7))
    assert reads_it(await rank(store, query))


def test_a_number_of_an_english_quote_is_read_in_the_japanese_passage_as_japanese_writes_it() -> None:
    """`numbers_held`: an English query's 50,000 is the Japanese passage's 5万 (the passage read as Japanese)."""
    assert numbers_held("50,000 people were evacuated", "5万人が避難した", False)
    assert not numbers_held("60,000 people were evacuated", "5万人が避難した", False)


def test_a_registered_speakers_country_stands_whatever_the_passage_writes() -> None:
    """`speaker_voice`: the registry's description gives the speaker's country; the passage is read for one only when
    the registry gives none."""
    lavrov = ActorIndex(
        [ActorEntry(1, "ラブロフ", "Sergey Lavrov", "person", ["Lavrov"], "ロシア外相 / Russian Foreign Minister")]
    )
    said = speaker_voice("ラブロフ", lavrov, "ラブロフ氏は会見で述べた。")
    assert said is not None and said.countries == frozenset({"Russia"})


def test_a_two_word_phrase_may_be_said_by_a_japanese_word_of_two_characters() -> None:
    """`_phrases`: JMdict's compound for two English words, two characters long too (accidental death → 変死)."""
    found = _phrases(["accidental", "death"], set())
    assert "変死" in found[0] and "変死" in found[1]


def test_a_country_is_written_with_a_name_of_two_characters() -> None:
    """`titled_countries`: a name of two characters (王毅) is read with the country before it; only a one-character
    name is too short to look for."""
    assert titled_countries("中国の王毅外相は会見で述べた。", {"王毅"}) == {"China"}


def test_a_japanese_quotes_adjective_is_a_concept(actors) -> None:  # type: ignore[no-untyped-def]
    """`japanese_concepts`: an adjective (遅い, 正しい) is a content word of the quote."""
    assert [c.word for c in japanese_concepts("政府の対応は遅い", actors)][-1:] == ["遅い"]
    assert "正しい" in [c.word for c in japanese_concepts("その判断は正しい", actors)]


def test_the_related_words_are_those_the_glossary_knows() -> None:
    """`_related`: WordNet's derived words that JMdict glosses (accumulate → accumulation), not the others
    (accrual, accruement: no Japanese word glosses them)."""
    assert _related("accumulate") == ["accumulation"]


def test_a_japanese_querys_claim_is_read_in_the_english_quotation_that_says_most_of_it() -> None:
    """`refusal` of a Japanese query reads the passage's English quotation that says most of its concepts (Kato's,
    three of three: insurers by its stem), not the first one (two of three): the claim is said."""
    query = "保険会社は被災者を見捨ててはならない"
    found = japanese_concepts(query, ActorIndex([]))
    first = "The insurance company will visit the victims."
    passage = f'Mori said: "{first}" Later Kato said: "Insurers must not abandon the victims."'
    assert refusal(query, found, first, passage, True) is None


def test_a_japanese_querys_subject_must_be_said_in_the_english_passage() -> None:
    """`refusal`: a Japanese query whose subject is an agent (警察) is not the claim of a passage where someone else
    says the rest ("subject")."""
    query = "警察は被災者の捜索を全力で続ける"
    passage = 'A volunteer said: "We will continue the search for the victims with all our strength."'
    segment = "We will continue the search for the victims with all our strength."
    assert refusal(query, japanese_concepts(query, ActorIndex([])), segment, passage, True) == "subject"


def _row(pid: int, text: str) -> PassageRow:
    return PassageRow(pid, pid, "body", text, None, None, None, None, None, f"{pid}.md", "", None, None, None)


def test_a_candidate_whose_best_quotation_is_a_designation_is_read_again_for_what_someone_said() -> None:
    """`_ranked`: a candidate whose best bracketed words have no predicate (「特別指定国際テロリスト」) is scored again
    by its quotations that say one (the speaker's words), or none."""
    found = [
        Concept("terrorism", ("テロ",), frozenset({"テロ"}), "word"),
        Concept("shipping", ("海運",), frozenset({"海運"}), "word"),
        Concept("Iranian", ("イラン",), frozenset({"イラン"}), "word"),
    ]
    # the designation says テロ and the passage's indexed 海運 (2 of 3), as the prime minister's words do (イラン,
    # 海運): the designation comes first and is best, and the speaker's words are read instead
    text = "米政府はフーシ派を「特別指定国際テロリスト」に指定した。首相は「イランの関与は明らかだ」と述べた。"
    (top,) = _ranked(found, [1.0, 1.0, 1.0], [_row(1, text)], {1: {"海運"}}, True)
    assert top.segment == "イランの関与は明らかだ" and top.said == 2


def test_an_unknown_capitalised_name_has_no_index_terms_but_its_reading(actors) -> None:  # type: ignore[no-untyped-def]
    """`english_concepts`: a name neither the registry nor WordNet knows (Yashio) is looked up by no index term and
    found by the readings of a passage's proper nouns (#yashio)."""
    by_word = {c.word: c for c in english_concepts("The road in Yashio collapsed", ActorIndex([]))}
    assert by_word["Yashio"].terms == () and by_word["Yashio"].marks == frozenset({"#yashio"})


def test_a_state_the_country_table_does_not_know_has_no_country() -> None:
    """`_entry_countries`: a state the table does not list names no country (nothing is refused on what is unknown)."""
    assert _entry_countries(ActorEntry(9, "ワカンダ", "Wakanda", "state", [], None)) == set()


def test_a_japanese_quotes_weak_words_are_no_concepts(actors) -> None:  # type: ignore[no-untyped-def]
    """`japanese_concepts`: --about's stop and weak words (対応, 問題: what any statement says) are no concepts."""
    words = [c.word for c in japanese_concepts("政府の対応は遅い", actors)]
    assert "対応" not in words and "遅い" in words
