"""A Japanese and an English report of one happening share plain words once the Japanese ones are read in
English (bot/data/glosses.json.gz): 投稿 / posted, 昼食 / lunch. Clustering compares them although they share
no word as written, and never compares more than the rule can match."""

from __future__ import annotations

import random

from bot.actors import ActorIndex
from bot.extract.event_words import event_glosses, gloss_forms
from bot.extract.events import compared_widely, cross_words, same_event
from bot.store import clusters as cl
from bot.text import normalize
from tests.article_events import event_dict
from tests.stored_events import store_event

LAI_JA = (
    "台湾の頼清徳総統は20日、Xに「きょうの昼食はお寿司と味噌汁です」と日本語で投稿し、"
    "鹿児島産のブリと北海道産のホタテを食べる写真を添えました。"
)
LAI_EN = (
    "President Lai Ching-te posted a photo of his lunch on Thursday, writing in Japanese that "
    '"today\'s lunch is sushi and miso soup".'
)
YEN_EN = "The yen was little changed in thin trading, with Japanese markets closed for a holiday."


def features(text: str) -> dict:
    return event_dict(text, report=False)


def test_a_japanese_and_an_english_report_of_one_post_are_one_event() -> None:
    ja, en = features(LAI_JA), features(LAI_EN)
    assert not set(ja["tokens"]) & set(en["tokens"])  # nothing in common as written
    assert same_event(ja, en) > 0
    assert same_event(en, ja) > 0


def test_an_unrelated_english_report_of_the_same_day_is_not() -> None:
    assert same_event(features(LAI_JA), features(YEN_EN)) == 0


def test_two_japanese_reports_do_not_match_through_their_english_readings() -> None:
    # 投稿 and 郵便 share the gloss "post"; written in one language, a report is compared as written
    a = {"tokens": ["投稿", "削除"], "persons": [], "names": []}
    b = {"tokens": ["郵便", "除去"], "persons": [], "names": []}
    assert set(gloss_forms("投稿")) & set(gloss_forms("郵便"))
    assert same_event(a, b) == 0


def test_the_glosses_are_keyed_as_the_tokenizer_writes_japanese_words() -> None:
    rng = random.Random(5)
    words = rng.sample(sorted(event_glosses()), 300)
    assert all(w == normalize(w) and not w.isascii() for w in words)
    assert all(gloss_forms(w) for w in words)
    assert gloss_forms("posted") == frozenset()  # an English word has no glosses


def test_a_japanese_reports_cross_words_reach_the_english_one_which_is_compared_widely() -> None:
    ja, en = features(LAI_JA), features(LAI_EN)
    assert cross_words(ja) & set(en["tokens"])
    assert compared_widely(en) and not compared_widely(ja)


async def test_clustering_compares_reports_that_share_only_translated_words(store) -> None:
    await store_event(store, 9100001, "2031-11-20", features(LAI_JA))
    english = cl.Member(9100002, "2031-11-20", "day", "new", False, 1.0, features(LAI_EN))
    assert await cl.assign(store.conn, [english], same_event) == [9100001]
    unrelated = cl.Member(9100003, "2031-11-20", "day", "new", False, 1.0, features(YEN_EN))
    assert await cl.assign(store.conn, [unrelated], same_event) == [9100003]


def test_the_representative_is_a_whole_sentence_rather_than_a_longer_cut_one() -> None:
    # the English report says more words but was cut; the Japanese one says what happened, whole
    cut = cl.Member(
        1,
        "2025-04-07",
        "day",
        "On April 7 he ordered the committee to take a fresh look at…",
        False,
        1.0,
        {"tokens": ["ordered", "committee", "fresh", "look", "deal", "social", "media"]},
    )
    whole = cl.Member(
        2,
        "2025-04-07",
        "day",
        "2025年4月7日:トランプ氏がCFIUSに再審査を指示。",
        False,
        1.0,
        {"tokens": ["再審査", "指示"]},
    )
    assert cl.representative([cut, whole]).id == 2
    assert cl.choose([cut, whole]).representative == 2


def test_a_terse_japanese_entry_and_the_english_report_with_its_event_word_are_one_event(actors: ActorIndex) -> None:
    def features(text: str) -> dict:  # with the registry: 日本 is an actor, not an event word
        return event_dict(text, actors)

    terse = features("4月2日（日本時間3日）　「解放の日」と銘打って相互関税を発表。")
    assert len(terse["tokens"]) <= 4
    english = features(
        "Japan had been due to face a 24% rate under the package Trump unveiled on April 2 in what he called "
        '"Liberation Day".'
    )
    assert same_event(terse, english) > 0
    # the same event word alone, in a report of something else that day, is not enough
    assert same_event(terse, features("Toyota unveiled a new hybrid model on Wednesday in Nagoya.")) == 0


def test_a_list_entry_that_is_only_its_event_word_joins_the_report_that_has_it() -> None:
    entry = features("10月24日（きょう）：所信表明演説")
    speech = features("高市早苗首相は24日、衆参両院の本会議で就任後初めての所信表明演説を行った。")
    call = features("高市早苗首相は24日、トランプ大統領と電話で会談した。")
    assert same_event(entry, speech) > 0
    assert same_event(entry, call) == 0
