"""/quote: a reworded quote found by its gist (bot/services/quote_gist.py), and the plausible quotes nobody
said that share its words left unfound. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import find_quote, quote_gist
from bot.store import Store

PRESS = """\
---
title: 東邦電機、社長が会見で陳謝
url: https://example.jp/news/toho-0510
published: 2025-05-10
---
東邦電機の山田太郎社長は10日の記者会見で「顧客の皆様の信頼を取り戻すため、経営体制を根本から見直す」と述べた。
同社は来月、外部の弁護士らによる第三者委員会を設置する。
記者から「社長が辞任して責任を取るべきではないか」と問われると、山田社長は「再建をやり遂げることが私の責任だ」と答えた。
"""

PRICES = """\
---
title: 電気料金の値上げ、野党が批判
url: https://example.jp/news/prices-0512
published: 2025-05-12
---
野党の鈴木花子議員は「今回の値上げは家計に重い負担となり、到底受け入れられない」と批判した。
党は独自の負担軽減策を来週までにまとめる方針だ。
"""


@pytest.fixture
async def news(store: Store) -> Store:
    for name, text in (("press.md", PRESS), ("prices.md", PRICES)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    return store


async def test_a_reworded_quote_is_found_with_its_speaker_and_source(news: Store) -> None:
    found = await find_quote(news, "お客様の信頼を取り戻せるよう、経営の体制を根本的に見直していく")
    assert found, "the reworded quote was not found"
    top = found[0]
    assert "経営体制を根本から見直す" in top.text
    assert top.speaker and "山田" in top.speaker
    assert top.sources[0].url == "https://example.jp/news/toho-0510"
    assert top.score >= 80


async def test_the_words_of_a_question_put_to_the_speaker_are_not_his_quote(news: Store) -> None:
    assert await find_quote(news, "責任を取って社長を辞任することにした") == []


async def test_a_quote_the_passage_denies_is_not_found(news: Store) -> None:
    assert await find_quote(news, "この値上げで家計の負担は重くなるが、受け入れる") == []


def test_the_guard_reads_a_denial_and_a_question() -> None:
    text = "記者から「社長が辞任して責任を取るべきではないか」と問われると、山田社長は答えた。"
    assert quote_gist.denies_or_asks("社長を辞任する", text, "社長が辞任して責任を取るべきではないか")
    said = "鈴木議員は「値上げは到底受け入れられない」と批判した。"
    assert quote_gist.denies_or_asks("値上げを受け入れる", said, "値上げは到底受け入れられない")
    assert not quote_gist.denies_or_asks("値上げは受け入れられない", said, "値上げは到底受け入れられない")
    refused = "平和維持部隊のウクライナ駐留は受け入れ不可能＝外相"
    assert quote_gist.denies_or_asks("外相は平和維持部隊の駐留を歓迎した", refused, refused)
    accepted = "組合は「値上げを受け入れる」と述べた。"
    assert quote_gist.denies_or_asks("値上げは受け入れない", accepted, "値上げを受け入れる")  # the other way round
    plain = "山田社長は「経営体制を根本から見直す」と述べた。"
    assert not quote_gist.denies_or_asks("経営体制を見直す", plain, "経営体制を根本から見直す")


def test_the_words_must_gather_in_one_sentence_or_quotation() -> None:
    words = quote_gist.weigh(quote_gist.gist_words("補助金の財源を確保すると発表"), {}, 100)
    gathered = "政府は12日、補助金の財源を確保すると発表した。"
    scattered = "政府は12日、新しい補助金の制度を設けた。財源は今後考える。確保の時期は未定だ。"
    assert quote_gist.best_segment(words, gathered)[0] == pytest.approx(1.0)
    assert quote_gist.best_segment(words, scattered)[0] < quote_gist.SEGMENT_MIN


async def test_two_passages_saying_it_alike_are_no_answer(store: Store) -> None:
    """A gist two different passages hold as well as each other names neither: no guess."""
    text = """\
---
title: 二つの声
published: 2025-05-13
---
A社の社長は「新工場の建設を来年から九州で始める」と述べた。
B社の社長も「新工場の建設を来年から九州で始める計画だ」と語った。
"""
    assert (await ingest_text(store, text, name="two.md")).status == "added"
    assert await find_quote(store, "来年から九州で新しい工場の建設に着手する") == []
