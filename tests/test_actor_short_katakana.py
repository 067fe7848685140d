"""A person's short katakana name (シン, アン, キム: up to three letters) is a mention only where it stands as a
word: it is a common piece of longer loanwords (シンクタンク, アンケート), and a false mention there credits a
statement to the person and makes a document's stored claims stale whenever that person is first met (the claims'
freshness check reads the mentions). A country's short name and longer names keep matching inside compounds."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex

INDEX = ActorIndex(
    [
        ActorEntry(1, "シン", "Singh", "person", ["ジャグミート・シン", "Jagmeet Singh"]),
        ActorEntry(2, "アン", "Ahn", "person", []),
        ActorEntry(3, "ソフトバンク", "SoftBank", "company", []),
        ActorEntry(4, "トランプ", "Trump", "person", []),
        ActorEntry(5, "ロシア", "Russia", "country", []),
    ]
)


@pytest.mark.parametrize(
    "text",
    ["米シンクタンク・戦争研究所は分析した。", "政府のアンケートによると", "ニュースアンカーが伝えた。"],
)
def test_a_short_katakana_name_inside_a_loanword_is_no_mention(text: str) -> None:
    assert [m.actor_id for m in INDEX.mentions(text)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("シン党首も落選した。", [(1, "シン")]),
        ("ジャグミート・シン氏は述べた。", [(1, "ジャグミート・シン")]),
        ("新民主党のシン氏と、アン氏。", [(1, "シン"), (2, "アン")]),
        ("ソフトバンクグループの決算", [(3, "ソフトバンク")]),
        ("トランプタワーで会談した", [(4, "トランプ")]),
        ("ロシアメディアによると", [(5, "ロシア")]),  # a country's short name compounds: not a person's
    ],
)
def test_a_short_katakana_name_standing_as_a_word_is_found(text: str, found: list[tuple[int, str]]) -> None:
    assert [(m.actor_id, text[m.start : m.end]) for m in INDEX.mentions(text)] == found
