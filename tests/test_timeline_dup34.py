"""Issue 12, round 34 (duplicates across the languages: a body's doing of a day).

A Japanese and an English report of one day that tell one body as the doer of their sentences (「ボーイングは31日、
…見送った」 and "Boeing said on Wednesday it would not give…"; 「自民党は4日、…見送ると発表した」 and "The Liberal
Democratic Party said on Tuesday…"): round 33 read the doer for persons only (`events.doer`), so a company's, a
ministry's or a party's doing told in both languages stayed two entries whenever their words shared no gloss. The doer
is now a body too: its actor, the one name its names share in the data (`body_names.json`: 自民党 = LDP = Liberal
Democratic Party, one key `&…` for the group) and a name written whole in katakana or Latin letters (ボーイング,
Boeing: `sounds_like`). Only across the scripts and only when the acts do not tell the two apart, as for a person.

Sentences of our own."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.event_match import BODY_PREFIX, SAME_DOER_SCORE, bridge_names, event_sets, same_doer, same_event
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document
from bot.store.store import event_members

ACTORS = ActorIndex(
    [
        ActorEntry(1, "ボーイング", None, "body", [], None),
        ActorEntry(2, "Boeing", None, "body", [], None),
        ActorEntry(3, "自民党", None, "body", [], None),
        ActorEntry(4, "Liberal Democratic Party", None, "body", [], None),
        ActorEntry(5, "エアバス", None, "body", [], None),
        ActorEntry(6, "日本", "Japan", "state", [], None),
        ActorEntry(7, "Japan", None, "state", [], None),
    ]
)


def _features(text: str, published: str = "2024-02-01") -> dict:
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ACTORS, doc.published)
    assert len(rows) == 1
    return event_members([1], rows, int)[0].features


BOEING_JA = "ボーイングは31日、2024年通期の業績見通しの公表を見送った。"
BOEING_EN = "Boeing said on Wednesday it would not provide a financial forecast for the year."


def test_a_body_told_as_the_doer_is_read() -> None:
    ja, en = _features(BOEING_JA), _features(BOEING_EN)
    assert "@1" in ja["doer"] and "ボーイング" in ja["doer"]
    assert "@2" in en["doer"] and "Boeing" in en["doer"]


def test_one_company_across_the_scripts_is_one_happening() -> None:
    ja, en = _features(BOEING_JA), _features(BOEING_EN)
    assert same_doer(event_sets(ja), event_sets(en))
    assert same_event(ja, en) >= SAME_DOER_SCORE


def test_a_body_s_names_in_the_data_are_one_key() -> None:
    ja = _features("自民党は4日、会議への議員派遣を見送ると発表した。", published="2025-02-05")
    en = _features("The Liberal Democratic Party said on Tuesday it would not send lawmakers.", published="2025-02-05")
    keys = {k for k in ja["doer"] if k.startswith(BODY_PREFIX)}
    assert keys and keys == {k for k in en["doer"] if k.startswith(BODY_PREFIX)}
    assert keys <= bridge_names(ja)  # clustering finds the stored report by it
    assert same_doer(event_sets(ja), event_sets(en))


def test_two_bodies_are_two_happenings() -> None:
    ja = _features("エアバスは31日、2024年通期の業績見通しを公表した。")
    en = _features(BOEING_EN)
    assert not same_doer(event_sets(ja), event_sets(en))


def test_a_country_is_no_doer() -> None:
    # a state's name is every report's setting: its doings of a day are many
    ja = _features("日本は31日、国連に書簡を送った。")
    assert not [k for k in ja.get("doer") or () if k.startswith("@")]


def test_the_body_s_modifier_is_not_the_doer() -> None:
    # 「ボーイングの…」: the body names whose the topic is, not the doer
    ja = _features("ボーイングの幹部は31日、記者団に説明した。")
    assert "@1" not in (ja.get("doer") or ())


def test_an_english_subject_after_the_and_its_description_is_the_doer() -> None:
    en = _features("The ruling Liberal Democratic Party said on Tuesday it would not send lawmakers.", "2025-02-05")
    assert "@4" in en["doer"]
    en = _features("The planemaker Boeing said on Wednesday it would not provide a forecast.")
    assert "@2" in en["doer"]


def test_an_abbreviation_in_brackets_is_part_of_the_subject() -> None:
    actors = ActorIndex([ActorEntry(1, "TSMC", None, "body", [], None)])
    doc = parse_document(
        "---\ntitle: t\npublished: 2024-04-04\n---\n"
        "Taiwan Semiconductor Manufacturing Co (TSMC) said on Wednesday that it had evacuated some factories.\n",
        name="a.txt",
    )
    rows, _ = extract_events(doc.passages, actors, doc.published)
    assert rows and "@1" in rows[0].doer and "TSMC" in rows[0].doer
