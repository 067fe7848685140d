"""A quote in the other language must say the passage's claim, not only its topic (bot/services/quote_claim.py):
its numbers, the polarity of the words both sides say, its question or assertion, its subject. Near misses made
from a real quote by changing its claim (negated, another number, another actor) are refused; the renderings that
keep the claim, with their negations moved inside a clause (no warning / 前触れもなく, means nothing unless /
消さなければ…意味もない), are kept. Articles and lines of our own."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import find_quote
from bot.services.quote_claim import (
    english_numbers,
    japanese_numbers,
    negations,
    numbers_held,
    question,
    refusal,
    request,
)
from bot.services.quote_lang import concepts
from bot.store import Store


def test_numbers_are_read_with_their_scale_in_both_languages() -> None:
    assert japanese_numbers("賠償に２億円、3万人が避難し、10年経験を積む") == {2e8, 3e4, 10.0}
    assert english_numbers("Even 200 million yen, fifty-five years, by December, 3% and 50,000 people") == {
        2e8,
        55.0,
        12.0,
        3.0,
        50000.0,
    }
    assert numbers_held("We hunters spend ten years gaining experience", "ハンターは10年経験を積む", False)
    assert not numbers_held("We hunters spend three years gaining experience", "ハンターは10年経験を積む", False)
    assert numbers_held("検査には2億円かかる", "The checks cost 200 million yen", True)
    assert not numbers_held("検査には20億円かかる", "The checks cost 200 million yen", True)
    # "a", "one", 一日も早く: not a figure a claim turns on
    assert numbers_held("We want to reopen one day soon", "一日も早く再開したい", False)


def test_negations_are_counted_without_the_forms_that_do_not_say_no() -> None:
    for said_no in ("再開の見通しは立たない", "前触れもなく起きる", "MAX10を含まない計画", "見られなかったほど高い"):
        assert negations(said_no, True) == 1, said_no
    for not_no in (
        "制度に立て直さなければならない",  # must
        "受注計画に狂いが出かねない",  # may
        "予約が取り消されないか心配だ",  # a worry
        "外出する人がいなくなり",  # a change of state
        "謝るしかない",  # only
    ):
        assert negations(not_no, True) == 0, not_no
    assert negations("a plan that doesn't have the MAX 10 in it", False) == 1
    assert negations("an advisory means nothing unless residents put out their fires", False) == 2
    assert negations("we can no longer wait", False) == 0


def test_a_request_is_told_from_the_speakers_own_wish() -> None:
    assert request("ぜひ日本としてオブザーバーで会議に加わってほしい", True)
    assert request("We urge Japan to attend the meeting as an observer", False)
    assert request("I want the government to apologise", False)
    assert not request("I want to settle this through dialogue", False)
    assert not request("対話で解決したい", True)
    assert not request("管制官が順番を優先してくれたと思った", True)  # a favour received, not asked
    assert not request("I hope this will be the start of a new history", False)


def test_a_question_is_not_an_assertion() -> None:
    assert question("もし爆発が起きたら、一体誰が責任を取るのか", True)
    assert question("If there were an explosion, who would take responsibility?", False)
    assert not question("ここまでやる必要があったのか疑問だ", True)


@pytest.mark.parametrize(
    ("query", "segment", "why"),
    [
        # kept: the same claim, its negations moved inside their clauses
        ("At this stage there is no sign of moving toward a settlement", "今の段階で和解に向かう兆しはない", None),
        ("大きな地震のほとんどは、何の前触れもなく起きる", "Most large earthquakes come with no warning at all", None),
        (
            "壁が崩れ続けているので、重機を穴の縁に近づけることができない",
            "The walls keep crumbling, so we cannot bring heavy machinery close to the edge",
            None,
        ),
        (
            "We must rebuild the system so that consumers can choose with peace of mind",
            "消費者が安心して選べる制度に立て直さなければならない",
            None,
        ),
        (  # a negated purpose is a clause of its own: it negates the burden, not the consulting
            "We will consult suppliers individually so as not to place a burden on them",
            "仕入れ先の皆さまにご負担をかけないよう、個別に相談させていただく",
            None,
        ),
        # refused: the claim changed
        (
            "We will not consult suppliers individually, in order not to place a burden on them",
            "仕入れ先の皆さまにご負担をかけないよう、個別に相談させていただく",
            "polarity",
        ),
        ("At this stage we are moving toward a settlement", "今の段階で和解に向かう兆しはない", "polarity"),
        (
            "大きな地震のほとんどは、はっきりした前触れの後に起きる",
            "Most large earthquakes come with no warning at all",
            "polarity",
        ),
        (
            "壁は崩れていないので、重機を穴の縁に近づけることができる",
            "The walls keep crumbling, so we cannot bring heavy machinery close to the edge",
            "polarity",
        ),
        (
            "We do not need to rebuild the system so that consumers can choose with peace of mind",
            "消費者が安心して選べる制度に立て直さなければならない",
            "polarity",
        ),
        (
            "If there were an explosion, who on earth would take responsibility?",
            "もし爆発が起きたら、一体誰が責任を取るのか",
            None,
        ),
        # a request that someone else act is another claim than the act; kept as a request both ways
        (
            "The government will rebuild the system so that consumers can choose with peace of mind",
            "政府には消費者が安心して選べる制度に立て直してほしい",
            "request",
        ),
        (
            "政府は消費者が安心して選べる制度に立て直す",
            "We want the government to rebuild the system so that consumers can choose with peace of mind",
            "request",
        ),
        (
            "We want the government to rebuild the system so that consumers can choose with peace of mind",
            "政府には消費者が安心して選べる制度に立て直してほしい",
            None,
        ),
        (  # a request rendered as an obligation
            "The government should rebuild the system so that consumers can choose with peace of mind",
            "政府には消費者が安心して選べる制度に立て直してほしい",
            None,
        ),
        (  # the speaker's own wish is no request: "we want to" / 〜したい
            "We want to rebuild the system so that consumers can choose with peace of mind",
            "消費者が安心して選べる制度に立て直したい",
            None,
        ),
        (
            "Many suppliers are involved in the plants that build the seven models",
            "3車種を造る工場には多くの仕入れ先が関わっている",
            "number",
        ),
    ],
)
def test_the_claim_must_correspond(actors, query: str, segment: str, why: str | None) -> None:  # type: ignore[no-untyped-def]
    found = concepts(query, actors)
    japanese = query[:1] > "\u3000"
    assert refusal(query, found, segment, segment, japanese) == why


def test_another_actor_doing_the_same_is_another_claim(actors) -> None:  # type: ignore[no-untyped-def]
    passage = "トヨタの広報担当者は「仕入れ先の皆さまにご負担をかけないよう、個別に相談させていただく」と話した。"
    segment = "仕入れ先の皆さまにご負担をかけないよう、個別に相談させていただく"
    kept = "We will consult suppliers individually so as not to place a burden on them"
    other = "The ministry will consult suppliers individually so as not to place a burden on them"
    assert refusal(kept, concepts(kept, actors), segment, passage, False) is None
    assert refusal(other, concepts(other, actors), segment, passage, False) == "subject"


QUAKE_JA = """\
---
title: 地震保険の支払い、金融相が要請
url: https://example.jp/news/quake-0303
published: 2025-03-03
---
能登地方の地震を受け、加藤金融担当大臣は3日の閣議後の記者会見で「保険会社は被災者を見捨ててはならない。支払いを迅速に進めてほしい」と述べた。
"""


@pytest.fixture
async def quake(store: Store) -> Store:
    assert (await ingest_text(store, QUAKE_JA, name="quake_ja.md")).status == "added"
    return store


async def test_a_rendering_with_its_claim_changed_is_not_found(quake: Store) -> None:
    found = await find_quote(quake, "Insurers must not abandon the victims; payments should be made quickly")
    assert found and "見捨ててはならない" in found[0].text  # the rendering that keeps the claim
    assert await find_quote(quake, "Insurers should abandon the victims; payments should not be made quickly") == []


def test_the_quotation_must_say_the_words_itself(actors) -> None:  # type: ignore[no-untyped-def]
    """A Japanese passage's share reads its indexed words, narration included: the quotation must say them."""
    query = "Not one firefighter was sent home because of budget cuts"
    passage = "市長は、市の予算削減で消防士が家に帰されたと批判された。消防局は「現時点でコメントはない」としている。"
    assert refusal(query, concepts(query, actors), "現時点でコメントはない", passage, False) == "words"


TWO_SPEAKERS = """\
---
title: 地震保険の支払い
url: https://example.jp/news/quake-0305
published: 2025-03-05
---
漁協の男性は「水揚げまでの段取りが全部狂った」と肩を落とした。加工会社の加藤社長は5日、「給水の設備が直らなければ、再開の見通しは立たない」と述べた。
"""


async def test_the_speaker_is_the_one_of_the_quotation_that_says_the_words(store: Store) -> None:
    """A Japanese passage's share reads its indexed words: its first quotation may score as high as the one that
    says the query; the speaker named is the latter's."""
    assert (await ingest_text(store, TWO_SPEAKERS, name="two.md")).status == "added"
    found = await find_quote(store, "Unless the water supply equipment is repaired, there is no prospect of reopening")
    assert found and found[0].speaker and "加藤" in found[0].speaker


def test_a_rendering_that_says_the_opposite_word_is_refused_in_either_direction() -> None:
    from bot.actors import ActorIndex
    from bot.services.quote_claim import says_opposite
    from bot.services.quote_lang import english_concepts, japanese_concepts

    actors = ActorIndex([])
    ja = japanese_concepts("今年の輸出は大幅に増加した", actors)  # 増加 ↔ 減少 (JMdict): decrease, decline
    assert says_opposite(ja, "Exports decreased sharply this year", True)
    assert not says_opposite(ja, "Exports increased sharply this year", True)
    en = english_concepts("Exports increased sharply this year", actors)  # increase ↔ decrease (WordNet): 減少
    assert says_opposite(en, "今年の輸出は大幅に減少した", False)
    assert not says_opposite(en, "今年の輸出は大幅に増加した", False)
    # counter-example: a function word's antonym is no opposite (never ↔ ever: 決して says "never")
    never = english_concepts("We must never forget the lessons of the betrayal", actors)
    assert not says_opposite(never, "その教訓を決して忘れてはならない", False)
