"""Everyday opposites by gloss, forty-seventh round (tools/make_antonyms.py `by_gloss`, bot/data/antonyms.json,
bot/services/quote_edit.py): JMdict lists no antonym for 大きい, 高い or 受け入れる, so a near miss that says 小さい
where the passage says 大きい was answered as the quote. Two common adjectives or verbs whose first glosses WordNet
sets against each other in the gloss's own first sense are opposites; a word whose gloss has an opposite only in a
later sense ("protect") gets none. Sentences of our own, in the shape news quotes take."""

from __future__ import annotations

import pytest

from bot.extract.lexicon import antonyms_of
from bot.ingest.pipeline import ingest_text
from bot.services import find_quote
from bot.services.quote_edit import changed_claim
from bot.store import Store


@pytest.mark.parametrize(
    ("word", "opposite"),
    [
        ("大きい", "小さい"),
        ("高い", "低い"),
        ("受け入れる", "断る"),
        ("増える", "減る"),
        ("広い", "狭い"),
        ("新しい", "古い"),
        ("勝つ", "負ける"),
        ("強い", "弱い"),
        ("早い", "遅い"),
        ("多い", "少ない"),
    ],
)
def test_an_everyday_word_and_its_opposite_by_gloss(word: str, opposite: str) -> None:
    assert opposite in antonyms_of(word) and word in antonyms_of(opposite)


@pytest.mark.parametrize("word", ["守る", "認める", "取る"])
def test_a_word_whose_first_gloss_has_no_opposite_in_its_first_sense_gets_none(word: str) -> None:
    # protect, recognize, take: WordNet's opposites of these are of later senses (take / give is "take a
    # gift", not 取る "pick up"), and a line that changes one of them for another word changes no claim by it
    assert not antonyms_of(word) & {"破る", "否定", "与える", "放す", "離す"}


@pytest.mark.parametrize(
    ("query", "passage"),
    [
        ("景気への影響は大きいとみている", "景気への影響は小さいとみている"),
        ("組合は会社の提案を受け入れる方針だ", "組合は会社の提案を断る方針だ"),
        ("輸出は今後も増えると予想している", "輸出は今後も減ると予想している"),
        ("The risk to the banks is high", "The risk to the banks is low"),
    ],
)
def test_a_word_put_for_its_opposite_changes_the_claim(query: str, passage: str) -> None:
    assert changed_claim(query, passage, passage) == "antonym"


@pytest.mark.parametrize(
    ("query", "passage"),
    [
        # the opposite negated in its own clause says what the passage says, its negation an aligned op of its own
        ("影響は大きくはないとみている", "影響は小さいとみている"),
        ("組合は提案を断らない方針だ", "組合は提案を受け入れる方針だ"),
        ("The plan is not desirable", "The plan is undesirable"),
    ],
)
def test_an_opposite_negated_in_its_clause_is_the_same_claim(query: str, passage: str) -> None:
    assert changed_claim(query, passage, passage) != "antonym"


ARTICLE = """\
---
title: 米関税、地元企業への打撃は限定的
url: https://example.jp/news/tariff-0412
published: 2025-04-12
---
県商工会議所の森田一郎会頭は11日、記者会見で「地元企業への直接的な打撃は極めて小さいと考えている」と述べた。
同会頭は「取引先からの値下げ要請は受け入れる用意がある」とも語った。
"""


@pytest.fixture
async def tariff(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE, name="tariff.md")).status == "added"
    return store


async def test_a_near_miss_that_says_the_opposite_is_not_found(tariff: Store) -> None:
    assert await find_quote(tariff, "地元企業への直接的な打撃は極めて大きいと考えている") == []
    assert await find_quote(tariff, "取引先からの値下げ要請は断る用意がある") == []


async def test_the_quote_and_a_rewording_that_keeps_its_words_are_found(tariff: Store) -> None:
    for query in ("地元企業への直接的な打撃は極めて小さいと考えている", "地元企業への打撃は極めて小さいと考えている"):
        found = await find_quote(tariff, query)
        assert found and found[0].sources[0].document == "tariff.md", query
