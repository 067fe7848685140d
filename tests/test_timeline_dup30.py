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

import pytest

from bot.actors import ActorIndex
from bot.extract.event_match import LOOK_BACK_SCORE, event_sets, same_event, veto_key, vetoes
from bot.extract.events import _retold_happening, extract_events
from bot.extract.speakers import mask_quotes
from bot.ingest.parse import parse_document
from bot.store.clusters import Member, _Features, match_events
from bot.store.store import event_members

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


# A later article looks back at a happening by its day (「3月10日に始まった戦闘は1カ月を超え」「先月10日の大地震からの復興」
# 「昨年5月10日に署名された大統領令のうち」): the day and the happening's word right after it make the day the
# happening's, and the sentence joins the day's report of it, whatever else it says (sudan2023, myanmarquake2025,
# milei2023, thaicambodia2025, syria2024, kyoani2024).


@pytest.mark.parametrize(
    ("sentence", "date", "retold"),
    [
        ("3月10日に始まった戦闘は1カ月を超え、国内外で100万人以上が避難した。", "2024-03-10", ["戦闘"]),
        ("先月10日の大地震からの復興を優先するとしている。", "2024-03-10", ["~earthquake"]),
        ("昨年5月10日に署名された大統領令のうち一部の規定は停止された。", "2023-05-10", ["~executive_order"]),
        (
            "10日の政権崩壊後、同氏が公の場に出たのは初めて。",
            "2024-12-10",
            ["崩壊"],
        ),  # the happening, not what it befell
        ("10日から3日間続いた交戦では少なくとも20人が死亡した。", "2024-07-10", ["交戦"]),
        (
            "首相は10日の会見で「遺憾だ」と述べた。",
            "2024-03-10",
            [],
        ),  # a press conference is no happening looked back at
        ("首相は10日の就任後初の会見で方針を示した。", "2024-03-10", []),  # 10日の names the briefing, not 就任
        ("9日に始まった戦闘は1カ月を超えた。", "2024-03-10", []),  # another day than the event's
        ("戦闘は10日朝、首都の南部で始まった。", "2024-03-10", []),  # the day's own report: a topic, not a look back
    ],
)
def test_a_day_that_names_its_happening_is_a_look_back(sentence: str, date: str, retold: list[str]) -> None:
    assert _retold_happening(mask_quotes(sentence), date) == retold


def test_the_look_back_is_stored_with_the_event() -> None:
    doc = parse_document(
        "---\ntitle: t\npublished: 2024-04-20\n---\n3月10日に始まった戦闘は1カ月を超え、国内外で100万人以上が避難した。\n",
        name="a.txt",
    )
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    assert [(r.date, r.retold) for r in rows] == [("2024-03-10", ["戦闘"])]
    assert event_members([1], rows, int)[0].features["retold"] == ["戦闘"]


FIGHTING_DAY = {  # 首都で10日、国軍と武装組織の間で大規模な戦闘が起き、市民ら50人が死亡した。
    "tokens": ["#50", "~death", "国軍", "市民", "戦闘", "武装", "組織", "首都", "規模"],
    "persons": [],
    "names": [],
    "report": False,
}
FIGHTING_LOOK_BACK = {  # 3月10日に始まった戦闘は1カ月を超え、国連によると国内外で100万人以上が避難した。
    "tokens": ["#1e+06", "~evacuation", "以上", "国内外", "国連", "戦闘"],
    "persons": [],
    "names": [],
    "report": False,
    "retold": ["戦闘"],
}


def test_a_look_back_joins_the_day_s_report_of_its_happening() -> None:
    assert same_event(FIGHTING_LOOK_BACK, FIGHTING_DAY) == LOOK_BACK_SCORE
    assert same_event(FIGHTING_DAY, FIGHTING_LOOK_BACK) == LOOK_BACK_SCORE
    # without the look back the two share one word: two happenings as before
    plain = {k: v for k, v in FIGHTING_LOOK_BACK.items() if k != "retold"}
    assert same_event(plain, FIGHTING_DAY) == 0
    # a report of the day without the happening's word is not what it looks back at
    other = {**FIGHTING_DAY, "tokens": ["#50", "~death", "国連", "市民"]}
    assert same_event(FIGHTING_LOOK_BACK, other) == 0


def test_a_look_back_joins_the_first_stored_report_of_its_happening() -> None:
    # the day's lead (stored first) and a later report sharing more of the look back's few words: every report of the
    # happening's word scores alike, so the look back joins the first (the M7 quake, not the M6 aftershock after it)
    quake = {"tokens": ["#7.7", "~earthquake", "中部", "震源", "建物"], "persons": [], "names": [], "report": False}
    aftershock = {"tokens": ["#6.4", "~earthquake", "同じ", "場所"], "persons": [], "names": [], "report": False}
    look_back = {  # 先月28日の大地震からの復興を優先するためとしている。
        "tokens": ["~earthquake", "優先", "復興"],
        "persons": [],
        "names": [],
        "report": False,
        "retold": ["~earthquake"],
    }
    stored = [
        Member(1, "2025-03-28", "day", "quake", False, 1.0, quake),
        Member(2, "2025-03-28", "day", "aftershock", False, 1.0, aftershock),
    ]
    clusters = match_events(stored, {}, same_event)
    assert clusters == [1, 2]
    new = Member(3, "2025-03-28", "day", "look back", False, 1.0, look_back)
    key = ("days", "2025-03-28", "2025-03")
    candidates = [(c, m.date, _Features(m.features)) for c, m in zip(clusters, stored, strict=True)]
    assert match_events([new], {key: candidates}, same_event) == [1]
