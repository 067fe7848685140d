"""/stance --about: the user's words read as words (issue 11, eleventh round) — an English possessive, who does
the thing asked about, when it happens, a question word or a modal; a Japanese verb in its other tenses; an
English verb found through the noun derived from it, and an English word said by its WordNet synonyms. Each class
on sentences of our own, with a counter-example that must not match."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import (
    Target,
    about_settings,
    add_related,
    gloss_candidates,
    parse_target,
    relevance,
    take_glosses,
)


def _target(text: str) -> Target:
    return parse_target(text, ActorIndex([]), {})


def _words_and_head(text: str) -> tuple[list[str], list[str]]:
    target = _target(text)
    return [w.form for w in target.words], [w.form for w in target.words if w.head]


def test_an_english_possessive_is_the_word_it_is_said_of() -> None:
    words, head = _words_and_head("changing Japan's car testing rules")
    assert "japan" in words and "japan's" not in words and head == ["rules"]
    assert "accusers" in _words_and_head("the accusers' names")[0]
    # counter-example: a word that only ends in s keeps it (the word is not cut to "new")
    assert "news" in _words_and_head("the news conference")[0]


def test_who_does_the_thing_asked_about_does_not_head_it() -> None:
    # "people stocking up on rice" asks about the stocking up of rice, not about people
    words, head = _words_and_head("people stocking up on rice")
    assert head == ["rice"] and "people" in words  # still a word of the target, weighing half
    assert _words_and_head("residents returning to their homes")[1] != ["residents"]
    # counter-example: a phrase naming more than who does it keeps its own head
    assert _words_and_head("the people's party")[1] == ["party"]


def test_when_the_thing_happens_ends_the_english_head_phrase() -> None:
    words, head = _words_and_head("people going on holiday trips during Obon")
    assert head == ["trips"] and "during" not in words and "obon" in words
    # counter-example: with no time word, the phrase's last word heads it
    assert _words_and_head("holiday trips to Obon festivals")[1] == ["trips"]


def test_a_question_word_a_modal_and_a_light_gerund_name_no_part_of_an_english_target() -> None:
    words, head = _words_and_head("when Toyota can restart the halted lines")
    assert "when" not in words and "can" not in words and "restart" in words
    words, head = _words_and_head("going to the beach for a swim")
    assert "going" not in words and head == ["beach"]
    # counter-example: a gerund that says what is done stays (the act asked about)
    assert "stocking" in _words_and_head("stocking up on rice")[0]


def _forms(text: str, word: str) -> list[str]:
    return next(w.forms for w in _target(text).words if w.form == word)


def test_a_japanese_verb_of_one_kanji_stem_is_found_in_its_other_tenses() -> None:
    forms = _forms("地上波に戻ること", "戻る")
    assert {"戻れ", "戻っ", "戻ら"} <= set(forms)  # 戻れるわけではない, 戻った, 戻らない
    assert "戻り" not in forms  # the i form begins compounds (戻り値, 後戻り) as often as it inflects
    assert {"払わ", "払っ"} <= set(_forms("損失を払うこと", "払う"))
    # counter-example: a verb that also serves as an auxiliary (行く: 行った, not 行いた) keeps its own forms
    assert "行い" not in _forms("現地に行くこと", "行く")


def test_an_english_verb_is_found_through_the_noun_derived_from_it() -> None:
    target = _target("compensating hotels")
    found = {target.words[k].form: ja for k, ja in gloss_candidates(target).items()}
    assert "補償" in found["compensating"]  # compensate → compensation: 補償's gloss
    target = _target("settling out of court")
    found = {target.words[k].form: ja for k, ja in gloss_candidates(target).items()}
    assert "示談" in found["settling"]  # settle → settlement
    # counter-example: who does it (settler) is no word for the act: no 入植者
    assert "入植者" not in found["settling"]


def _near(text: str, word: str) -> list[str]:
    target = _target(text)
    add_related(target)
    assert target.near is not None
    k = next(k for k, w in enumerate(target.words) if w.form == word)
    return target.near.words[k].forms


def test_an_english_word_is_named_in_part_by_the_synonyms_of_its_commonest_sense() -> None:
    assert "strengthen" in _near("beefing up the coast guard", "beefing")  # beef up, a phrasal verb
    assert "strengthen" not in _near("beef imports", "beef")  # beef alone is no phrasal verb
    assert "bet" in _near("the wagers on baseball", "wagers")
    # counter-example: a word's synonyms are those of the part of speech it is used in most: court the noun
    # (tribunal), not court = woo
    court = _near("settling out of court", "court")
    assert "tribunal" in court and "woo" not in court and "romance" not in court


def test_a_word_said_in_japanese_only_through_its_derived_noun_weighs_only_where_it_is_named() -> None:
    # "compensating": 補償 (compensation) is how the store says it; a statement that says only the hotels is not
    # held against for the verb (the article may say it by no noun at all), one that says 補償 counts it
    target = _target("compensating hotels")
    take_glosses(target, gloss_candidates(target), {"補償", "ホテル"})
    verb = next(k for k, w in enumerate(target.words) if w.form == "compensating")
    hotels = next(k for k, w in enumerate(target.words) if w.form == "hotels")
    assert target.words[verb].optional and not target.words[hotels].optional
    for w in target.words:
        w.weight = 1.0
    assert relevance(target, {hotels}, set()) == pytest.approx(1.0)
    assert relevance(target, {hotels}, set(), near_clause=frozenset({verb})) == pytest.approx((1 + 0.8) / 2)
    # counter-example: a word with a gloss of its own (hotels: ホテル) weighs wherever it is missing
    # (the head, hotels, unnamed: the clause keeps headless_weight of its score)
    assert relevance(target, {verb}, set()) == pytest.approx(about_settings()["headless_weight"] / 2)


def test_a_determiner_a_reflexive_and_a_causative_let_name_no_part_of_a_target() -> None:
    # "letting X do Y" asks about X doing Y (the letting is the stance taken of it); "own", "other", "any", "like"
    # and 自分 point at the thing, they never name it: weighed, a statement naming all the rest fell short
    words, head = _words_and_head("letting TikTok keep running in America")
    assert "letting" not in words and "tiktok" in words
    words, head = _words_and_head("Japan's own radiation test results")
    assert "own" not in words and "radiation" in words and head == ["results"]
    assert "like" not in _words_and_head("apps like Uber")[0]
    assert "any" not in _words_and_head("a summit before any ceasefire")[0]
    words, head = _words_and_head("自分がすぐに辞めること")
    assert "自分" not in words and head and head[0].startswith("辞め")
    # counter-example: a word that only begins like one stays (owners, likelihood)
    assert "owners" in _words_and_head("owners keeping on driving the affected cars")[0]
    assert "likelihood" in _words_and_head("the likelihood of a deal")[0]
