"""/stance --about across languages, twenty-eighth round (issue 11): an English word named by the Japanese compounds
its kanji heads (`head_compounds`: tax by 電気税, motion by 不信任決議案, plane by 海保機) and that kanji said in
English (市長「選」: election), and foreign names whose katakana drops a final h (Hezbollah ヒズボラ) or reads ou as u
and a y after a vowel as i (Bayrou バイル). Each on words or sentences of our own, with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, english_glosses, head_compounds, parse_target, spell_names
from bot.extract.romaji import sounds_like

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str) -> Target:
    return parse_target(text, ActorIndex([]), {})


def _forms(target: Target, word: str) -> list[str]:
    return next(w.forms for w in target.words if w.form == word)


def test_an_english_word_is_named_by_a_compound_its_kanji_heads() -> None:
    target = _target("raising the tax on electricity")
    head_compounds(target, ["政府は電気税の引き上げを決めた。", "税収は伸びた。"])
    assert "電気税" in _forms(target, "tax")
    motion = _target("the no-confidence motion against the cabinet")
    head_compounds(motion, ["野党は不信任決議案を提出した。"])
    assert "決議案" in _forms(motion, "motion")
    plane = _target("whether the coast guard plane was cleared")
    head_compounds(plane, ["海保機に離陸の許可は出ていない。"])
    assert "海保機" in _forms(plane, "plane")


def test_a_word_of_two_kanji_or_a_longer_word_ending_in_the_kanji_is_no_such_compound() -> None:
    # counter-examples: 危機 (a crisis) and 提案 are words of their own, not a plane and a motion; 一時停戦 ends in
    # 停戦 (a ceasefire), not in 戦; and a word the table does not hold (cabinet) takes no compound
    plane = _target("the plane that landed")
    head_compounds(plane, ["危機感を示した。", "新たな提案だ。"])
    assert not any("機" in f for f in _forms(plane, "plane"))
    cabinet = _target("the no-confidence motion against the cabinet")
    head_compounds(cabinet, ["野党は不信任決議案を提出した。"])
    assert _forms(cabinet, "cabinet") == ["cabinet"]
    proposal = _target("a new proposal")
    head_compounds(proposal, ["新たな提案を示した。"])
    assert not any(f.endswith("案") for f in _forms(proposal, "proposal") if not f.isascii())


def test_the_kanji_ending_a_japanese_compound_is_said_in_english() -> None:
    target = _target("ダバオ市長選の結果")
    k = next(i for i, w in enumerate(target.words) if w.form == "選")
    assert "election" in english_glosses(target, k)
    # counter-example: the kanji alone, no compound before it in the user's words
    alone = _target("選の結果")
    assert all("election" not in english_glosses(alone, i) for i in range(len(alone.words)))


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Hezbollah", "ヒズボラ"),
        ("Abdullah", "アブドラ"),
        ("Bayrou", "バイル"),
        ("Ayman", "アイマン"),
        ("Youssef", "ユセフ"),
    ],
)
def test_a_final_h_ou_and_a_y_after_a_vowel_as_katakana_writes_them(latin: str, kana: str) -> None:
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(("latin", "kana"), [("Bayrou", "ベイルート"), ("Hezbollah", "ハマス"), ("Noah", "ナジブ")])
def test_names_that_only_share_some_sounds_still_differ(latin: str, kana: str) -> None:
    assert not sounds_like(latin, kana)


def test_a_name_with_a_silent_final_h_is_found_across_scripts() -> None:
    target = _target("the pager attacks on Hezbollah")
    spell_names(target, ["イスラエルはヒズボラの拠点を攻撃した。"])
    assert "ヒズボラ" in _forms(target, "hezbollah")
