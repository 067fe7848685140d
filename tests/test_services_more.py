"""Service behaviour a user notices that the larger suites leave unchecked (found by mutation testing):
the speaker typed before a quote, what counts as a name there, the order-aware quote score, and how a
service error reads."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.quote_query import parse_quote_query
from bot.services.quote_score import ordered_share
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
    plain = QueryError("Unknown actor 'シルスキー'.")
    assert str(plain) == "Unknown actor 'シルスキー'." and plain.message == str(plain) and plain.suggestions == []
    offered = QueryError("Unknown actor 'シルスキー'.", ["シコルスキ", "シルスキー将軍"])
    assert str(offered) == "Unknown actor 'シルスキー'. Did you mean: シコルスキ, シルスキー将軍?"
    assert offered.message == "Unknown actor 'シルスキー'." and offered.suggestions == ["シコルスキ", "シルスキー将軍"]
    assert isinstance(offered, ValueError) and offered.args == ("Unknown actor 'シルスキー'.",)
