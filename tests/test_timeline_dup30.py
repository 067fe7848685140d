"""Issue 12, round 30 (duplicates).

A Japanese and an English report of one happening whose main acts the lexicon names differently: the Japanese one
tells an air crash by its toll (「…旅客機が離陸直後に墜落し、…人が死亡した」: ~death) and the English one by the crash
("…crashed into a hostel…": ~collision). Within a language a report whose act the other names outside quotes is not
told apart (`_different_acts`); across the languages the Japanese report names the English act through its words
read in English (墜落 "crash"), so the two are not two happenings for their acts and the words decide (airindia2025,
ukraine2025f's 首脳会議 / "hosted 18 leaders", openai2023). Every concept of the English act must be named so: a
word whose gloss only shares one of them (次期 "release", "released" a statement) keeps the veto.

Features as the stores of the stories hold them, written for sentences of our own."""

from __future__ import annotations

from bot.extract.event_match import event_sets, same_event, veto_key, vetoes

CRASH_JA = {  # 事故は12日午後、ロンドン行きの旅客機が離陸直後に市街地へ墜落したもの。乗客ら200人が死亡した。
    "tokens": ["#200", "~death", "ロンドン", "乗客", "事故", "墜落", "市街", "旅客", "直後", "離陸"],
    "persons": [],
    "names": ["%rndn", "rondon"],
    "report": False,
    "act": ["~death"],
    "acts": ["~death"],
}
CRASH_EN = {  # The London-bound jet crashed into a residential area on Thursday, minutes after taking off.
    "tokens": ["#200", "area", "jet", "london-bound", "minute", "off", "residential", "taking", "~collision"],
    "persons": [],
    "names": ["%rndn", "london"],
    "report": False,
    "act": ["~collision"],
    "acts": ["~collision"],
}


def test_an_english_act_a_japanese_word_names_in_english_is_no_veto() -> None:
    assert same_event(CRASH_JA, CRASH_EN) > 0
    assert same_event(CRASH_EN, CRASH_JA) > 0


def test_an_act_no_japanese_word_names_keeps_the_veto() -> None:
    # without 墜落 the Japanese report names no crash: a death toll and a crash stay two acts
    ja = {**CRASH_JA, "tokens": [t for t in CRASH_JA["tokens"] if t != "墜落"]}
    assert same_event(ja, CRASH_EN) < 0


def test_every_concept_of_the_english_act_must_be_named() -> None:
    # 次期 is read as "release" (~stockpile): "A statement released by the White House…" is an announcement too
    ja = {  # 首相は同日、英国首相とも会談し、次期戦闘機の共同開発を続けることを確認した。
        "tokens": ["~meeting", "共同", "戦闘", "次期", "確認", "開発"],
        "persons": [22],
        "names": ["eikoku"],
        "report": False,
        "act": ["~observe"],
        "acts": ["~meeting", "~observe"],
    }
    en = {  # A joint statement released by the White House late Sunday described the meeting as constructive.
        "tokens": ["constructive", "described", "joint", "~meeting", "~statement", "~stockpile"],
        "persons": [],
        "names": ["white", "whitehose"],
        "report": False,
        "act": ["~announcement", "~stockpile"],
        "acts": ["~announcement", "~meeting", "~say", "~statement", "~stockpile"],
    }
    assert same_event(ja, en) < 0


def test_two_reports_in_one_language_keep_their_veto() -> None:
    # the rule reads glosses across the languages only: two Japanese reports are told apart by their acts as before
    other = {**CRASH_JA, "act": ["~collision"], "acts": ["~collision"], "tokens": ["衝突", "旅客", "乗客"]}
    assert same_event(CRASH_JA, other) < 0


def test_the_veto_keys_say_the_same() -> None:
    ja_without = {**CRASH_JA, "tokens": [t for t in CRASH_JA["tokens"] if t != "墜落"]}
    for a, b in [(CRASH_JA, CRASH_EN), (CRASH_EN, CRASH_JA), (ja_without, CRASH_EN), (CRASH_EN, ja_without)]:
        sa, sb = event_sets(a), event_sets(b)
        assert vetoes(veto_key(sa), veto_key(sb)) == (same_event(a, b) < 0)
