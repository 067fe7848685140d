"""/stance --about: the target in the user's everyday words, found in statements that say it otherwise (issue 11,
twelfth round). Each mechanism on sentences of our own, with a counter-example that must not match."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import named_words, parse_target
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.stance_about import prepare_target, stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _words(text: str) -> dict[str, list[str]]:
    return {w.form: w.forms for w in parse_target(text, ActorIndex([]), {}).words}


def test_a_compound_verb_the_tokenizer_splits_is_one_word() -> None:
    words = _words("教団が高裁に不服を申し立てたこと")
    assert "申し立てる" in words and "申し立て" in words["申し立てる"]
    assert "申し" not in words and "立てる" not in words
    assert "見守る" in _words("再発防止の取り組みを見守ること")


def test_two_verbs_parted_by_a_particle_stay_two_words() -> None:
    words = _words("食べて寝ること")
    assert "食べる" in words and "寝る" in words


def test_a_na_adjective_is_never_the_head() -> None:
    target = parse_target("金融庁が三菱UFJに特別な措置をとるかどうか", ActorIndex([]), {})
    heads = {w.form for w in target.words if w.head}
    assert "特別" not in heads and heads


def test_a_phrase_the_tokenizer_splits_is_matched_by_its_equivalents() -> None:
    # 注意報 read as 注意 + 報: the statement naming a 警報 names both
    target = parse_target("山火事の注意報を新しく作ること", ActorIndex([]), {})
    named = {target.words[k].form for k in named_words(target, "林野火災の警報を設ける")}
    assert {"山", "火事", "注意", "報"} <= named
    # the word alone, outside the phrase, is no warning
    alone = parse_target("注意を払うこと", ActorIndex([]), {})
    assert not named_words(alone, "警報を出した")


def test_an_english_phrase_is_matched_by_its_japanese_word() -> None:
    target = parse_target("banks running safe deposit boxes", ActorIndex([]), {})
    named = {target.words[k].form for k in named_words(target, "銀行の貸金庫のあり方を検討する")}
    assert {"safe", "deposit", "boxes", "banks"} <= named
    # "deposit" alone is no safe deposit box
    alone = parse_target("the deposit rate", ActorIndex([]), {})
    assert not named_words(alone, "貸金庫のあり方")


def test_common_news_words_are_matched_across_languages() -> None:
    target = parse_target("the church's appeal", ActorIndex([]), {})
    assert {target.words[k].form for k in named_words(target, "教団は即時抗告した")} == {"church", "appeal"}
    target = parse_target("教団の控訴", ActorIndex([]), {})
    assert len(named_words(target, "The church said it would appeal.")) == 2


ARTICLE = """\
---
title: 漁港の事故
published: 2025-05-10
---
県は9日、漁港の事故を受けて再発防止策をまとめた。
石破首相は同日、記者団に「漁港の再発防止を徹底してほしい」と語った。
石破首相は10日、「国会を軽んじるつもりはない」と語った。
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE, name="port.md")).status == "added"
    return store


async def test_a_target_whose_head_no_document_names_is_read_by_the_rest(story: Store) -> None:
    # 取り組み is named nowhere: the actor's statement naming the rest of the target still answers
    found = (await stance_about(story, "石破", "漁港の再発防止の取り組み")).statements
    assert [s.text for s in found if "徹底" in s.text]
    assert not [s for s in found if "国会" in s.text]


async def test_a_target_the_actor_says_nothing_of_gets_an_honest_empty_answer(story: Store) -> None:
    assert not (await stance_about(story, "石破", "鉱山の国有化の取り組み")).statements


def test_an_english_phrase_with_a_stop_word_is_matched_whole() -> None:
    # "together" is a stop word: "work together" is still the phrase, and 協力 says it
    target = parse_target("the two agencies working together", ActorIndex([]), {})
    assert named_words(target, "両機関が協力して対応する")
    assert not named_words(parse_target("the work of the agencies", ActorIndex([]), {}), "両機関が協力して対応する")


def test_an_amount_in_english_words_is_matched_as_japanese_news_writes_it() -> None:
    target = parse_target("the offer of 10 billion yen", ActorIndex([]), {})
    named = {target.words[k].form for k in named_words(target, "最大100億円を預ける用意があると表明した")}
    assert {"billion", "yen"} <= named
    assert not {"billion", "yen"} & {target.words[k].form for k in named_words(target, "10億円を預ける")}


async def test_a_word_no_passage_holds_weighs_as_its_synonym_the_store_holds(store: Store) -> None:
    # 専念 is in no passage, 集中 (its synonym) is: the head of the target is not a word of no weight
    article = "---\ntitle: 会見\npublished: 2025-05-10\n---\n石破首相は同日、「今は国政に集中したい」と語った。\n"
    assert (await ingest_text(store, article, name="focus.md")).status == "added"
    target, _ = await prepare_target(store, "国政に専念すること")
    assert next(w for w in target.words if w.form == "専念").weight > 0


async def test_a_target_of_one_word_no_passage_holds_is_found_by_its_synonym(store: Store) -> None:
    # 辞める is the target's only word and no passage holds it as typed; 辞任 (its synonym) is held: the documents
    # are chosen by it, not refused as naming nothing the store holds
    article = "---\ntitle: 会見\npublished: 2025-05-10\n---\n桜田氏は「現時点で辞任する考えはない」と述べた。\n"
    assert (await ingest_text(store, article, name="resign.md")).status == "added"
    target, match = await prepare_target(store, "すぐに辞めること")
    assert "辞任" in match and next(w for w in target.words if w.head).weight > 0
    # counter-example: a word held by none of its forms still names nothing the store holds
    with pytest.raises(QueryError):
        await prepare_target(store, "すぐに泳ぐこと")


async def test_a_head_no_passage_holds_chooses_documents_by_its_synonyms_beside_the_rest(store: Store) -> None:
    # 延期 (the head) is in no passage, 先送り is: the documents are chosen by it as well as by 審理 (the rest),
    # which alone chose those naming the hearing, not its postponement
    article = "---\ntitle: 審理\npublished: 2025-05-10\n---\n弁護団は「審理の先送りは受け入れられない」と述べた。\n"
    assert (await ingest_text(store, article, name="delay.md")).status == "added"
    _, match = await prepare_target(store, "審理の延期")
    assert "審理" in match and "先送り" in match
    # counter-example: a head held as typed chooses the documents alone, as before (not the rest of the target)
    _, match = await prepare_target(store, "審理の先送り")
    assert "先送り" in match and "審理" not in match
