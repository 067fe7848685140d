"""/quote across languages (bot/services/quote_cross.py, quote_lang.py, bot/store/cross_search.py): an English
rendering of a quote the store holds in Japanese, a Japanese rendering of one it holds in English, and a plausible
line nobody said left unfound. Articles of our own; both backends (the `store` fixture)."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import find_quote
from bot.services.quote_lang import english_concepts, english_marks, holds, japanese_concepts
from bot.store import Store
from bot.store.cross_search import concept_pairs_query

QUAKE_JA = """\
---
title: 地震保険の支払い、金融相が要請
url: https://example.jp/news/quake-0303
published: 2025-03-03
---
能登地方の地震を受け、加藤金融担当大臣は3日の閣議後の記者会見で「保険会社は被災者を見捨ててはならない。支払いを迅速に進めてほしい」と述べた。
損害保険各社は、被害の大きい地域で現地の調査を省いて保険金を支払う特例を検討している。
"""

QUAKE_EN = """\
---
title: Quake-hit towns struggle to rebuild
url: https://example.com/world/quake-towns-0310
published: 2025-03-10
---
WAJIMA, Japan, March 10 (Example) - Many residents of the worst-hit towns are still living in evacuation shelters.
"Most of the fishing boats in the harbour were destroyed, and nobody knows when the port will reopen," said Kenji Mori, the head of the local fishing cooperative.
The prefecture plans to build 3,000 temporary homes by the end of April.
"""


@pytest.fixture
async def quake(store: Store) -> Store:
    for name, text in (("quake_ja.md", QUAKE_JA), ("quake_en.md", QUAKE_EN)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    return store


async def test_an_english_rendering_finds_the_japanese_quote_with_its_speaker(quake: Store) -> None:
    found = await find_quote(quake, "Insurers must not abandon the victims; payments should be made quickly")
    assert found, "the English rendering of a Japanese quote was not found"
    top = found[0]
    assert "見捨ててはならない" in top.text
    assert top.sources[0].url == "https://example.jp/news/quake-0303"
    assert top.speaker and "加藤" in top.speaker
    assert top.score >= 80


async def test_a_japanese_rendering_finds_the_english_quote(quake: Store) -> None:
    found = await find_quote(quake, "港の漁船のほとんどが破壊され、港がいつ再開するのか誰にも分からない")
    assert found, "the Japanese rendering of an English quote was not found"
    assert "fishing boats" in found[0].text
    assert found[0].sources[0].url == "https://example.com/world/quake-towns-0310"


async def test_a_plausible_line_nobody_said_in_the_other_language_is_not_found(quake: Store) -> None:
    assert await find_quote(quake, "The government will pay every insurance claim in full by the end of April") == []
    assert await find_quote(quake, "漁協は仮設住宅を3000戸建てると約束した") == []


def test_an_english_word_stands_for_the_japanese_words_it_glosses(actors) -> None:  # type: ignore[no-untyped-def]
    concepts = english_concepts("Insurers must not abandon the victims", actors)
    words = {c.word: c for c in concepts}
    assert "must" not in words  # a modal says nothing of the content
    assert holds(words["abandon"], "保険会社は被災者を見捨ててはならない", frozenset())  # 見捨てる by its stem
    assert holds(words["victims"], "被災者", frozenset())


def test_a_japanese_compound_split_by_the_tokenizer_is_read_whole(actors) -> None:  # type: ignore[no-untyped-def]
    concepts = japanese_concepts("保険会社は被災者を見捨ててはならない", actors)
    by_word = {c.word: c for c in concepts}
    assert "見捨てる" in by_word and "被災者" in by_word  # not 見る + 捨てる, 被災 + 者
    said = english_marks("Insurers must not abandon the victims")
    assert holds(by_word["見捨てる"], "", said)
    assert holds(by_word["被災者"], "", said)
    assert holds(by_word["保険会社"], "", said)  # insurance ~ insurers: stems that begin one another


def test_numbers_and_names_cross_the_scripts(actors) -> None:  # type: ignore[no-untyped-def]
    (number,) = [c for c in japanese_concepts("仮設住宅を3000戸建てる", actors) if c.kind == "number"]
    assert holds(number, "", english_marks("build 3,000 temporary homes"))
    (yashio,) = [c for c in japanese_concepts("八潮市の問題で終わらせない", actors) if c.kind == "name"]
    assert holds(yashio, "", english_marks("a problem for Yashio alone"))


def test_the_candidate_query_asks_for_two_concepts() -> None:
    query = concept_pairs_query([["見る 捨てる", "放棄"], ["被災 者"], ["保険"]])
    assert query.count(" AND ") == 3 and '"見る 捨てる"' in query
