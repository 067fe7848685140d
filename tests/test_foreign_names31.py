"""Names katakana writes otherwise than any rule of their spelling, from JMnedict (`bot/data/foreign_names.json`),
and English au heard as オー."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from bot.extract.romaji import name_key, sounds_like, sounds_like_by_rule


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Michael", "マイケル"),
        ("James", "ジェームズ"),
        ("Nancy", "ナンシー"),
        ("Mary", "メアリー"),
        ("Lincoln", "リンカーン"),  # the l not sounded
        ("Julius", "ユリウス"),  # the Latin j as y
        ("Matthew", "マシュー"),  # JMnedict writes Mathew: the key folds the double t
        ("Christopher", "クリストファー"),
    ],
)
def test_the_dictionary_gives_what_no_rule_does(latin: str, kana: str) -> None:
    assert not sounds_like_by_rule(latin, kana)
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana"), [("Paul", "ポール"), ("Saul", "ソール"), ("Claude", "クロード"), ("Laura", "ローラ")]
)
def test_english_au_is_heard_as_a_long_o(latin: str, kana: str) -> None:
    assert sounds_like_by_rule(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Michael", "ミハイル"),
        ("Michael", "マイク"),
        ("James", "ジョーンズ"),
        ("Paul", "ポーラ"),
        ("Lincoln", "リンカ"),
    ],
)
def test_the_dictionary_does_not_join_other_names(latin: str, kana: str) -> None:
    assert not sounds_like(latin, kana)


def test_the_table_holds_only_what_the_rule_misses_and_carries_its_licence() -> None:
    data = json.loads(resources.files("bot.data").joinpath("foreign_names.json").read_text(encoding="utf-8"))
    assert "Creative Commons Attribution-ShareAlike 4.0" in data["notice"]
    assert len(data["names"]) > 5000
    for key, forms in list(data["names"].items())[::97]:
        assert key == name_key(key)  # keyed as name_key writes a name
        assert all(not sounds_like_by_rule(key, kana) for kana in forms)
