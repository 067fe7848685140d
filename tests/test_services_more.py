"""Service behaviour a user notices that the larger suites leave unchecked (found by mutation testing):
the speaker typed before a quote, what counts as a name there, the order-aware quote score, and how a
service error reads."""

from __future__ import annotations

import math

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.quote_query import parse_quote_query
from bot.services.quote_score import as_score, ordered_share, weights
from bot.services.quotes import find_quote
from bot.store import Store

SAID = "防衛費の増額は待ったなしの課題だ"
RUTTE = f"""---
url: https://www.example.com/rutte
title: 会見A
published: 2025-04-01
---
ルッテ事務総長は2025年4月1日、ブリュッセルで記者団に対し「{SAID}」と述べた。
"""
MACRON = f"""---
url: https://www.example.com/macron
title: 会見B
published: 2025-04-02
---
マクロン大統領は2025年4月2日、パリで記者団に対し「{SAID}」と語った。
"""


HONDA = """---
url: https://www.example.com/honda
title: 会見C
published: 2025-04-03
---
ホンダの三部敏宏社長は2025年4月3日、東京都内で記者団に対し「電動化の競争に勝ち残るためには、開発の規模と意思決定のスピードがどうしても不可欠になる」と述べた。
"""


@pytest.fixture
async def two_speakers(store: Store) -> Store:
    for text, name in ((RUTTE, "rutte.md"), (MACRON, "macron.md")):
        assert (await ingest_text(store, text, name=name)).status == "added"
    return store


@pytest.mark.parametrize(
    ("query", "first"),
    [
        (SAID, "ルッテ"),  # no hint: the earlier report first
        (f"マクロン「{SAID}」", "マクロン"),
        (f"マクロン大統領：{SAID}", "マクロン"),  # a title and a label
        (f"ルッテ「{SAID}」", "ルッテ"),
        (f"ゼレンスキー「{SAID}」", "ルッテ"),  # a hint that said none of them changes nothing
    ],
)
async def test_the_speaker_typed_before_a_quote_ranks_their_words_first(
    two_speakers: Store, query: str, first: str
) -> None:
    matches = await find_quote(two_speakers, query)
    assert [m.speaker for m in matches[:2]] == [first, ({"ルッテ", "マクロン"} - {first}).pop()]
    assert all(m.score == 100.0 for m in matches[:2])


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("トランプ大統領「あなたはギャンブルをしている」", "トランプ大統領"),
        ("日本の首相：停戦を支持する", "日本の首相"),  # の is allowed inside a name
        ("ト" * 24 + "「停戦を支持する」", "ト" * 24),  # 24 characters: still a name
        ("ト" * 25 + "「停戦を支持する」", None),  # 25: a sentence, searched as typed
        ("トランプ、大統領「停戦を支持する」", None),  # sentence punctuation
        ("あの人は「停戦を支持する」", None),  # hiragana: a clause, not a name
        ('Trump: "You are gambling"', "Trump"),
        ('President Donald J Trump said "You are gambling"', "President Donald J Trump"),  # four words
        ('A Bee Cee Dee Eee: "You are gambling"', None),  # five words
        ('Abcdefghijkl Mnopqrstuvwx: "You are gambling"', None),  # 25 characters
        ('Abcdefghijk Mnopqrstuvwx: "You are gambling"', "Abcdefghijk Mnopqrstuvwx"),  # 24
        ('the president: "You are gambling"', None),  # lower case: not a name
        ("Trump. Biden: you are gambling", None),  # a full stop inside
        ('Trump: "x"', None),  # one letter is no quote
    ],
)
def test_what_counts_as_a_speaker_typed_before_the_quote(query: str, hint: str | None) -> None:
    parsed = parse_quote_query(query)
    assert parsed.speaker_hint == hint
    if hint is None:
        assert parsed.text == query


def test_the_ordered_score_weighs_words_found_in_order() -> None:
    words, weights = ["ロシア", "何", "得る"], [3.0, 1.0, 2.0]
    assert ordered_share(words, weights, ["ロシア", "は", "何", "も", "得る"]) == 1.0
    assert ordered_share(words, weights, ["得る", "何", "ロシア"]) == 3.0 / 6.0  # out of order: the heaviest one
    assert ordered_share(words, weights, ["何", "得る"]) == 3.0 / 6.0
    assert ordered_share(words, weights, ["ロシア", "得る"]) == 5.0 / 6.0
    assert ordered_share(words, weights, []) == 0.0
    assert ordered_share([], [], ["ロシア"]) == 0.0


def test_a_service_error_reads_as_its_message_and_suggestions() -> None:
    plain = QueryError("actor.unknown", text="シルスキー")
    assert str(plain) == "Unknown actor 'シルスキー'." and plain.suggestions == []
    offered = QueryError("actor.unknown_suggest", text="シルスキー", suggestions=["シコルスキ", "シルスキー将軍"])
    assert str(offered) == "Unknown actor 'シルスキー'. Did you mean: シコルスキ, シルスキー将軍?"
    assert offered.render("ja").count("シコルスキ") == 1 and offered.suggestions == ["シコルスキ", "シルスキー将軍"]
    assert isinstance(offered, ValueError) and offered.code == "actor.unknown_suggest"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("競争に勝つには規模とスピードが不可欠", True),  # condensed: the content words, in order
        ("電動化競争に勝つには開発規模と意思決定スピードが不可欠", True),
        ("競争に勝つには規模が不可欠", True),  # four content words: enough to judge the order
        ("規模とスピードが不可欠", False),  # three: too few to tell a rewording from a coincidence
        # the same words out of order: not by the in-order score, but the same statement, found by its gist
        # (bot/services/quote_gist.py: one passage holds all of it, in one sentence)
        ("スピードと規模が競争に勝つには不可欠", True),
    ],
)
async def test_a_condensed_quote_is_found_by_its_content_words_in_order(store: Store, query: str, found: bool) -> None:
    assert (await ingest_text(store, HONDA, name="honda.md")).status == "added"
    matches = await find_quote(store, query)
    if found:
        assert matches and matches[0].speaker == "三部敏宏" and 80 <= matches[0].score <= 99.0
        assert matches[0].sources[0].document == "honda.md"
    else:
        assert all(m.sources[0].document != "honda.md" for m in matches)


def test_rarer_words_weigh_more_and_an_empty_store_counts_as_one_passage() -> None:
    assert weights(["停戦", "大統領", "誤字"], {"停戦": 9, "大統領": 99}, 99) == [
        math.log(1 + 99 / 10),
        math.log(1 + 99 / 100),
        math.log(1 + 99 / 1),  # a word no passage holds weighs as the rarest
    ]
    assert weights(["停戦"], {}, 0) == [math.log(2)]


@pytest.mark.parametrize(("share", "score"), [(1.0, 100.0), (0.9, 90.0), (0.8, 80.0), (0.79, 0.0), (0.0, 0.0)])
def test_the_ordered_share_maps_onto_the_character_scale(share: float, score: float) -> None:
    assert as_score(share) == pytest.approx(score)
