"""/stance --about asked in English over statements the store holds in Japanese (issue 11, ninth round): an English
word of the target is also named by the Japanese words whose JMdict glosses say it (`bot/data/glosses.json.gz` read
backwards), the store's own words only, most specific first. Each class on sentences of our own, with a
counter-example that must not match."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.about import Target, about_settings, gloss_candidates, parse_target, relevance, take_glosses
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store


def _target(text: str) -> Target:
    return parse_target(text, ActorIndex([]), {})


def _candidates(text: str) -> dict[str, list[str]]:
    target = _target(text)
    return {target.words[k].form: found for k, found in gloss_candidates(target).items()}


def test_a_japanese_word_glossing_the_whole_english_phrase_comes_first_for_each_of_its_words() -> None:
    found = _candidates("the interest rate")
    assert found["interest"][0] == "金利" and found["rate"][0] == "金利"  # 金利: interest, rate
    assert _candidates("the Communist Party")["party"][0] == "共産党"
    # counter-example: "interest" alone is no rate: 利子 (interest) before 金利 (interest, rate)
    assert _candidates("interest")["interest"].index("利子") < _candidates("interest")["interest"].index("金利")


def test_only_the_japanese_words_the_store_holds_are_kept_at_most_gloss_max() -> None:
    target = _target("the interest rate")
    candidates = gloss_candidates(target)
    take_glosses(target, candidates, {"利率", "金利", "利子", "利息", "年率", "高利", "年利"})
    glosses = {w.form: w.glosses for w in target.words}
    most = int(about_settings()["gloss_max"])  # five of "rate"'s held: the most specific `gloss_max` kept
    assert glosses["rate"][0] == "金利" and len(glosses["rate"]) == most and "年率" not in glosses["rate"]
    assert "年率" not in glosses["interest"]
    take_glosses(target, candidates, set())  # a store that holds none of them: no Japanese word
    assert all(not w.glosses for w in target.words)


ARTICLE = """\
---
title: 都知事選から一夜
published: 2024-07-09
---
国民民主党の玉木雄一郎代表は9日の記者会見で、「立憲民主党は共産党との関係を根本から見直すべきだ」と語った。
玉木代表は同日、「ガソリン税の減税を急ぐべきだ」とも述べた。
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE, name="tokyo.md")).status == "added"
    return store


async def _texts(store: Store, actor: str, about: str) -> list[str]:
    return [s.text for s in (await stance_about(store, actor, about)).statements]


async def test_an_english_target_finds_the_japanese_statement_that_names_it(story: Store) -> None:
    found = await _texts(story, "玉木", "the CDP's ties with the Communist Party")
    assert any("共産党との関係" in t for t in found)
    # counter-example: the same speaker on another matter
    assert not any("ガソリン" in t for t in found)


def test_an_english_word_the_store_holds_only_in_japanese_is_no_required_head_nor_weight_in_english_text() -> None:
    # "country" is in no English text of the store, only in a Japanese word (国土, its gloss): the head the
    # English text might say is not required, and an English statement cannot name it so it does not weigh there
    target = _target("checking sewer pipes across the country")
    for w in target.words:
        w.weight = 1.0
    country = next(k for k, w in enumerate(target.words) if w.form == "country")
    assert target.words[country].head
    target.words[country].translated = True
    # ("across" names nothing: a preposition, twenty-third round)
    named = {k for k, w in enumerate(target.words) if w.form in ("sewer", "pipes")}
    assert relevance(target, named, set(), latin=True) == pytest.approx(2 / 3)
    # counter-example: a Japanese statement could have said it (国土), so there it weighs
    assert relevance(target, named, set(), latin=False) == pytest.approx(2 / 4)


# --- tenth round: what names no target in an English question, and where its head phrase ends ---


def _words_and_head(text: str) -> tuple[list[str], list[str]]:
    target = _target(text)
    return [w.form for w in target.words], [w.form for w in target.words if w.head]


def test_a_phrasal_particle_or_a_pronoun_names_no_part_of_an_english_target() -> None:
    # "one of the parties" is about the parties; "calling off" is said by 中止 with no "off" to find
    words, head = _words_and_head("joining one of the established parties")
    assert "one" not in words and head != ["one"]
    words, _ = _words_and_head("calling off the expo because of the methane leak")
    assert "off" not in words and "expo" in words
    assert "himself" not in _words_and_head("whether he ever gambled on games himself")[0]
    # counter-example: a content word that only looks like one stays (the offshore wind plan)
    assert "offshore" in _words_and_head("the offshore wind plan")[0]


def test_beyond_into_after_and_because_end_the_english_head_phrase() -> None:
    # the first noun phrase is the head: "plans", not the "fiscal year" they reach beyond
    assert _words_and_head("laying out plans beyond this fiscal year")[1] == ["plans"]
    assert _words_and_head("the cancellation because of the leak")[1] == ["cancellation"]
    # counter-example: a phrase before the cut that says only a kind word gives the head to the next one
    assert _words_and_head("the decision after the election")[1] == ["election"]


def test_a_hyphened_compound_ending_in_ing_is_a_noun_that_heads_the_english_target() -> None:
    # ride-sharing is what is spread, not a gerund said of the phrase's noun (as "the CDP working" is)
    _, head = _words_and_head("spreading ride-sharing to the whole country")
    assert head == ["ride", "sharing"]
    target = _target("rushing to fully legalise ride-sharing")  # the thing the gerund alone is done to
    assert {w.form for w in target.words if w.act} == {"ride", "sharing"}
    # counter-example: a plain gerund after the noun still says what is done to it
    assert _words_and_head("the CDP working together")[1] == ["cdp"]


def test_a_kind_or_share_word_gives_the_english_head_to_the_thing_it_is_said_of() -> None:
    # the rest OF the garages is about the garages; the water issue about the water, as 水問題 is
    assert _words_and_head("the rest of Big Motor's garages")[1] == ["garages"]
    assert _words_and_head("how Yoon's government handled the water issue")[1] == ["water"]
    assert _words_and_head("Ishiba's Asian NATO idea")[1] == ["nato"]
    # counter-example: a later phrase that says more still heads it before the kind word's own compound
    assert _words_and_head("the decision after the election")[1] == ["election"]


def test_a_phrasal_particle_after_an_english_gerund_is_no_word_and_what_follows_a_time_word_no_act() -> None:
    words, head = _words_and_head("the government going ahead with the release")
    assert head == ["release"] and "ahead" not in words
    target = _target("moving away after the whistleblower died")
    assert [w.form for w in target.words if w.head] == ["moving"] and "away" not in [w.form for w in target.words]
    assert not any(w.act for w in target.words)  # the death is when, not what is moved away from
    # counter-example: the thing after into / to is what the gerund is done to
    assert {w.form for w in _target("moving into national politics").words if w.act} == {"politics"}


def test_an_english_word_in_british_spelling_is_looked_up_in_the_dictionaries_american_one() -> None:
    # JMdict's glosses and WordNet spell -ize: "criticised" finds what "criticized" finds
    def forms(text: str, word: str) -> list[str]:
        return next(w.forms for w in _target(text).words if w.form == word)

    assert "criticize" in forms("the way the ministry criticised the bank", "criticised")
    assert "organization" in forms("the organisation", "organisation")
    # counter-example: an -ise that is no -ize spelling gets none (promise, not promize)
    assert not any("promiz" in f for w in _target("the promised tax cut").words for f in w.forms)


def test_a_name_typed_in_latin_letters_is_named_by_the_registry_persons_japanese_words() -> None:
    people = ActorIndex(
        [
            ActorEntry(1, "袴田巌", None, "person", [], None),
            ActorEntry(2, "小野寺", None, "person", [], None),
            ActorEntry(3, "三根一郎", None, "person", [], None),
        ]
    )

    def forms(text: str, word: str) -> list[str]:
        return next(w.forms for w in parse_target(text, people, {}).words if w.form == word)

    assert "袴田" in forms("Hakamada being found guilty", "hakamada")  # ハカマダ, the surname's reading
    assert "袴田" in forms("whether hakamada is free", "hakamada")  # no English word: a name even in lower case
    assert "小野寺" in forms("Onodera's remarks", "onodera")
    # counter-example: a lower-case English word is not read as a name its letters happen to spell
    assert not any(f in ("袴田", "小野寺") for f in forms("the hakamada ruling", "ruling"))
    assert "三根" not in forms("closing the mine", "mine")  # mine (ミネ) is an English word written lower-case
    assert "三根" in forms("Mine's remarks", "mine")


def test_a_japanese_word_is_named_in_part_by_its_first_english_glosses() -> None:
    # asked in Japanese over English reports: 独裁 is said "dictatorship", 委員 + 会 (parted by the tokenizer) as
    # the compound 委員会 is, "commission"; a word of one letter (側, 形) has too many senses to be said so
    from bot.extract.about import english_glosses

    target = parse_target("法定の調査委員会", ActorIndex([]), {})
    said = {e for k in range(len(target.words)) for e in english_glosses(target, k)}
    assert "commission" in said and "committee" in said
    target = parse_target("侵略した側が得をする形", ActorIndex([]), {})
    said = {e for k in range(len(target.words)) for e in english_glosses(target, k)}
    assert "aggression" in said and not {"side", "near", "form", "shape"} & said
    # counter-example: an English word has none (its Japanese words are `glosses`), nor a stop or weak word
    assert english_glosses(_target("the dictatorship"), 0) == []


LEE = (
    "---\ntitle: Hong Kong fire\npublished: 2025-12-02\n---\n"
    "Hong Kong leader John Lee said on Tuesday he would set up an independent body led by a judge.\n\n"
    "Lee rejected renewed calls for a statutory commission of inquiry, saying such a body could take years.\n\n"
    "Lee also said the government would review the rules on building maintenance.\n"
)


async def test_a_japanese_target_finds_the_english_statement_that_says_it(store: Store) -> None:
    assert (await ingest_text(store, LEE, name="lee.md")).status == "added"
    found = await _texts(store, "John Lee", "法定の調査委員会")
    assert any("statutory commission of inquiry" in t for t in found)
    # counter-example: the same speaker on another matter
    assert not any("building maintenance" in t for t in found)


def test_a_name_typed_with_capitals_is_named_by_the_registrys_other_names_for_it() -> None:
    # the registry writes Trump with its capital: the target's word (trump, lower-cased to match) is looked up as
    # the user typed it, and the Japanese reports' トランプ names it
    people = ActorIndex([ActorEntry(1, "トランプ", "Donald Trump", "person", ["Trump"], None)])

    def forms(text: str, word: str) -> list[str]:
        return next(w.forms for w in parse_target(text, people, {}).words if w.form == word)

    assert "トランプ" in forms("Trump's peace efforts", "trump")
    # counter-example: a word that only contains the name is no mention of it (trumpet)
    assert "トランプ" not in forms("the trumpet player", "trumpet")
