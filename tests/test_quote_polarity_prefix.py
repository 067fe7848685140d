"""/quote: a Japanese quote with one word put under the other polarity prefix (違法 for 合法, 有罪 for 無罪) is a line
nobody said, though its characters score 94–98 (bot/services/quotes.py `_not_said_otherwise`, quote_gist.
`prefix_antonyms`); the quote itself, a typo of it and the same claim said with a negation are still found.
Sentences of our own, then the near misses made from the evaluation stories' real quotes (eval/nearmiss/same.jsonl,
tools/make_nearmiss_same.py) asked of each story's store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import find_quote, quote_gist
from bot.services.quotes import _negated_in
from bot.store import Store
from tests.cli_session import StoreSession

ROOT = Path(__file__).resolve().parents[1]

COURT = """\
---
title: 憲法裁の判断に反発広がる
url: https://example.jp/news/court-1207
published: 2024-12-07
---
野党の佐藤一郎代表は7日、「裁判所の判断は違法で、民主主義の根幹である投票を踏みにじるものだ」と述べた。
与党の田中次郎幹事長は「判断は有効であり、再選挙の準備を急ぐ」と語った。
運営会社は「有料会員の数は今後も増える見通しだ」と説明した。
"""


@pytest.fixture
async def court(store: Store) -> Store:
    assert (await ingest_text(store, COURT, name="court.md")).status == "added"
    return store


@pytest.mark.parametrize(
    ("word", "opposite"),
    [("合法", "違法"), ("違法", "合法"), ("違法", "適法"), ("合憲", "違憲"), ("有効", "無効"), ("無罪", "有罪"),
     ("公開", "非公開"), ("不適切", "適切"), ("未解決", "解決"), ("関係", "無関係")],
)
def test_a_compound_and_its_other_polarity_prefix(word: str, opposite: str) -> None:
    assert opposite in quote_gist.prefix_antonyms(word)
    assert opposite in quote_gist.japanese_antonyms(word)


@pytest.mark.parametrize("word", ["不正", "未来", "正", "合", "ロシア", "Trump", "判断する", ""])
def test_no_opposite_for_a_word_that_is_no_such_compound(word: str) -> None:
    # 不正 ("fraud") is its own word, not 正 negated; a single kanji, kana or Latin word has no prefix pattern
    assert quote_gist.prefix_antonyms(word) == frozenset()


def test_a_word_the_quote_negates_is_said_by_its_opposite() -> None:
    assert _negated_in("合法", "判断は合法ではない") and _negated_in("有効", "その判断は有効でない")
    assert _negated_in("公開", "資料は公開せず")
    assert not _negated_in("合法", "判断は合法で、必要だった") and not _negated_in("有効", "有効な手段がない")


async def test_a_quote_turned_around_by_one_prefix_is_not_found(court: Store) -> None:
    assert await find_quote(court, "裁判所の判断は合法で、民主主義の根幹である投票を踏みにじるものだ") == []
    assert await find_quote(court, "判断は無効であり、再選挙の準備を急ぐ") == []
    assert await find_quote(court, "無料会員の数は今後も増える見通しだ") == []


async def test_the_quote_a_typo_of_it_and_a_negated_opposite_are_found(court: Store) -> None:
    for query in (
        "裁判所の判断は違法で、民主主義の根幹である投票を踏みにじるものだ",  # the quote
        "裁判所の判断は違法で、民主主義の根幹である投票を踏みにじるものだた",  # a typo
        "判断は有効であり、再選挙の準備を急いだ",  # one ending changed
    ):
        found = await find_quote(court, query)
        assert found and found[0].sources[0].document == "court.md", query
    # 合法ではない says what 違法 says: the same claim, still the passage
    found = await find_quote(court, "裁判所の判断は合法ではなく、民主主義の根幹である投票を踏みにじるものだ")
    assert found and "違法" in found[0].text


async def test_an_english_quote_is_left_to_the_character_score(store: Store) -> None:
    text = COURT.replace("court-1207", "court-en").replace(
        "野党の佐藤一郎代表は7日", "Opposition leader Ichiro Sato said on Saturday"
    ) + '"We have asked many times over the past few months for the documents," Sato said.\n'
    assert (await ingest_text(store, text, name="en.md")).status == "added"
    # many / few are WordNet antonyms, and the quote says both: no changed word
    found = await find_quote(store, "We have asked for the documents many times over the last few months")
    assert found and found[0].sources[0].document == "en.md"


NEAR = [json.loads(line) for line in (ROOT / "eval" / "nearmiss" / "same.jsonl").read_text("utf-8").splitlines()]


@pytest.mark.parametrize("story", sorted({c["story"] for c in NEAR}))
def test_the_stories_near_misses_are_not_found_and_their_quotes_are(
    story: str, story_db: Callable[[str], Path]
) -> None:
    quotes = {
        c["id"]: c
        for c in map(json.loads, (ROOT / "eval" / "stories" / story / "quotes.jsonl").read_text("utf-8").splitlines())
    }
    with StoreSession(story_db(story)) as cli:
        for case in (c for c in NEAR if c["story"] == story):
            assert cli("quote", case["query"], "--json")["matches"] == [], f"{case['id']} {case['change']}"
            original = quotes[case["from"]]
            found = cli("quote", original["query"], "--json")["matches"]
            assert found and any(
                Path(s["document"]).name.startswith(original["doc"] + "_") for s in found[0]["sources"]
            ), case["from"]
