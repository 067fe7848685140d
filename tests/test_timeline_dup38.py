"""Issue 12, round 38 (duplicates across the languages: one person's doing of a day told in the two languages).

Read pair by pair with `same_event`'s evidence, the cross-language duplicates of the tuned stories (a gold case fitting
a Japanese and an English entry of one day) that the rule kept apart, two shapes recur where the two name one person:

1. One tells the person as its sentence's doer and the other names them elsewhere, not as its doer (「外務省の金井正彰
   アジア大洋州局長は17日に北京入りした」 and "Masaaki Kanai, director-general of …, left for Beijing on Monday", Kanai
   no actor of the English reports; 「ベングビール国家治安相は19日、…連立政権から離脱すると発表した」 and "Itamar
   Ben-Gvir's Jewish Power party said Sunday it had quit the government", a possessive being no doer): with a word of
   the Japanese report in the English one, `doer_named` joins them below a bridge (chinajapan2025, gaza2025,
   truss2022).
2. One person's words told as said in one language and as a kind of saying in the other (「玉城知事は…「…残念でならない」と
   述べました」 and "Tamaki … rejected …"; 「斎藤健経産相は…と歓迎した」 and "Saito said…"), the person stored as two actors,
   one per script: `_said_as` knew one actor or a full name only, so the act veto parted them; the doers (`_one_doer`)
   now say it is one person (henoko2023, tsmc2024, houthi2023).

Two people's doings, a same-script pair, a son named "Jr." and a pair sharing no word stay apart.
Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.event_match import (
    BRIDGED_SCORE,
    SAME_DOER_SCORE,
    doer_named,
    event_sets,
    same_event,
    same_event_sets,
    veto_key,
    vetoes,
)
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document
from bot.store.store import event_members

ACTORS = ActorIndex(
    [
        ActorEntry(1, "金井正彰", None, "person", ["金井"], None),
        ActorEntry(2, "ベングビール", None, "person", ["ベングビール国家治安相"], None),
        ActorEntry(3, "Itamar Ben-Gvir", None, "person", ["Ben-Gvir"], None),
        ActorEntry(4, "玉城デニー", None, "person", ["玉城知事"], None),
        ActorEntry(5, "Denny Tamaki", None, "person", ["Tamaki"], None),
        ActorEntry(6, "トランプ", None, "person", ["トランプ氏"], None),
        ActorEntry(7, "Donald Trump", None, "person", ["Trump"], None),
        ActorEntry(8, "斎藤健", None, "person", ["斎藤経産相"], None),
        ActorEntry(9, "Ken Saito", None, "person", ["Saito"], None),
        ActorEntry(10, "岸田文雄", None, "person", ["岸田首相"], None),
        ActorEntry(11, "Fumio Kishida", None, "person", ["Kishida"], None),
        ActorEntry(12, "ナデラ", None, "person", ["ナデラ氏"], None),
        ActorEntry(13, "アルトマン", None, "person", ["アルトマン氏"], None),
        ActorEntry(14, "Satya Nadella", None, "person", ["Nadella"], None),
        ActorEntry(15, "Sam Altman", None, "person", ["Altman"], None),
    ]
)


def _features(text: str, published: str) -> dict:
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ACTORS, doc.published)
    assert len(rows) == 1
    return event_members([1], rows, int)[0].features


KANAI_JA = "外務省の金井正彰アジア大洋州局長は17日に北京入りした。"
KANAI_EN = (
    "Masaaki Kanai, director-general of the Japanese foreign ministry's Asian and Oceanian Affairs Bureau, "
    "left for Beijing on Monday."
)
BEN_GVIR_JA = "ベングビール国家治安相は19日、自身が率いる政党が連立政権から離脱すると発表した。"
BEN_GVIR_EN = "Itamar Ben-Gvir's Jewish Power party said Sunday it had quit the government."


# 1. The doer of one report named in the other


@pytest.mark.parametrize(
    ("ja", "en", "published"),
    [
        (KANAI_JA, KANAI_EN, "2025-11-18"),  # Kanai no actor of the English report: his name read (kanai)
        (BEN_GVIR_JA, BEN_GVIR_EN, "2025-01-20"),  # a possessive, no doer: the person named, heard (ベングビール)
    ],
)
def test_the_doer_named_in_the_other_language_is_one_happening(ja: str, en: str, published: str) -> None:
    a, b = _features(ja, published), _features(en, published)
    assert not b.get("doer")  # the English sentence tells no doer: `same_doer` cannot join them
    assert doer_named(event_sets(a), event_sets(b)) and doer_named(event_sets(b), event_sets(a))
    assert same_event(a, b) > 0 and same_event(a, b) == same_event(b, a)


def test_the_score_is_below_a_bridge() -> None:
    a = _features(BEN_GVIR_JA, "2025-01-20")
    b = _features(BEN_GVIR_EN, "2025-01-20")
    assert same_event(a, b) == SAME_DOER_SCORE < BRIDGED_SCORE  # a report sharing words is joined first


@pytest.mark.parametrize(
    ("ja", "en", "published"),
    [
        # the person named, but no word of the Japanese report in the English one: the date and a name alone
        (
            "ベングビール国家治安相は19日、記者団の取材に応じた。",
            "Protesters outside Ben-Gvir's home said Sunday the weather was cold.",
            "2025-01-20",
        ),
        # a son named "Jr.": another person than the doer, though the actor read is his father's
        (
            "トランプ氏は7日、フロリダ州の私邸で会見を開き、グリーンランドの購入に意欲を示した。",
            "Donald Trump Jr., the president-elect's eldest son, spent about five hours in Greenland on Tuesday.",
            "2025-01-08",
        ),
        # two doers who are two people
        (KANAI_JA, "Kishida said on Monday that Masaaki Kanai had left for Beijing.", "2025-11-18"),
    ],
)
def test_not_one_happening(ja: str, en: str, published: str) -> None:
    a, b = _features(ja, published), _features(en, published)
    assert not (same_event(a, b) > 0 and doer_named(event_sets(a), event_sets(b)))


def test_a_second_person_named_is_two_doings() -> None:
    # 「ナデラ氏は20日、アルトマン氏がマイクロソフトに入社し…と発表」 and "In television interviews on Monday, Nadella
    # left the door open to Altman going back": his announcement and his interviews, two doings of the day (as stored)
    ja = {
        "tokens": ["~announcement", "マイクロソフト", "入社", "復帰", "研究"],
        "persons": [12, 13],
        "names": ["arutoman", "maikurosofuto", "nadera"],
        "people": ["アルトマン", "ナデラ"],
        "doer": ["%%ndr", "@12", "ナデラ"],
    }
    en = {
        "tokens": ["back", "door", "going", "interview", "left", "open", "television"],
        "persons": [14, 15],
        "names": ["%rtmn", "altman", "nadela"],
        "people": ["Altman", "Nadella"],
    }
    assert not doer_named(event_sets(ja), event_sets(en))
    alone = {**ja, "persons": [12], "people": ["ナデラ"]}
    assert doer_named(event_sets(alone), event_sets({**en, "persons": [14], "people": ["Nadella"]}))


def test_one_script_is_not_read() -> None:
    one = _features(KANAI_JA, "2025-11-18")
    two = _features("外務省は17日、金井正彰アジア大洋州局長が北京で会談すると発表した。", "2025-11-18")
    assert not doer_named(event_sets(one), event_sets(two))


def test_a_month_s_report_is_not_read() -> None:
    a = event_sets(_features(KANAI_JA, "2025-11-18"))
    b = event_sets({**_features(KANAI_EN, "2025-11-18"), "vague": True})
    assert not doer_named(a, b)


# 2. One person's words told as said and as a kind of saying, one actor per script

TAMAKI_JA = "玉城知事は4日夜、県庁で記者会見し、「大変残念でならない」と述べた。"
TAMAKI_EN = "Tamaki on Monday rejected the ruling as unfair."


@pytest.mark.parametrize(
    ("ja", "en", "published"),
    [
        (TAMAKI_JA, TAMAKI_EN, "2023-09-05"),
        (
            "斎藤経産相は6日の閣議後の記者会見で、第2工場の計画を歓迎した。",
            "Industry Minister Ken Saito said on Tuesday the second plant was of great significance.",
            "2024-02-07",
        ),
    ],
)
def test_a_saying_and_its_kind_by_one_doer_are_not_vetoed(ja: str, en: str, published: str) -> None:
    a, b = _features(ja, published), _features(en, published)
    assert set(a["persons"]).isdisjoint(b["persons"])  # one person stored twice, once per script
    assert a["act"] != b["act"]
    sa, sb = event_sets(a), event_sets(b)
    assert same_event_sets(sa, sb) >= 0
    assert not vetoes(veto_key(sa), veto_key(sb))  # the keyed veto `merge_bridged` reads agrees


def test_two_people_s_sayings_are_still_vetoed() -> None:
    a = _features("岸田首相は4日夜、記者会見で「大変残念だ」と述べた。", "2023-09-05")
    b = _features(TAMAKI_EN, "2023-09-05")
    sa, sb = event_sets(a), event_sets(b)
    assert same_event_sets(sa, sb) < 0
    assert vetoes(veto_key(sa), veto_key(sb))


def test_one_doer_and_two_acts_that_are_no_saying_are_still_vetoed() -> None:
    a = {**_features(TAMAKI_JA, "2023-09-05"), "act": ["~resignation"], "acts": ["~resignation"]}
    b = {**_features(TAMAKI_EN, "2023-09-05"), "act": ["~death"], "acts": ["~death"]}
    assert same_event(a, b) < 0
