"""One person stored as two actors, one per script (issue 12, round 20: `cross-lang` duplicates): a katakana name
and the Latin name it transcribes (レカク / Lekhak, トカエフ / Tokayev) are discovered apart, so a Japanese and an
English report of that person's one act shared no person and stayed two entries. A person's katakana name and a
Latin name that sounds as it is written (`romaji.sounds_like`) are one party across the scripts — persons only
(actors of kind person as mentioned): a place sounds alike too (ミャンマー / Myanmar) and is only the setting.

Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.event_match import _sounded_across, event_sets, people_named, same_event
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document

RESIGNED_JA = "トルカン国防相は14日夜、首都で続く混乱の責任を取り、辞任した。"
RESIGNED_EN = (
    "Viktor Tolkhan resigned as defense minister on Friday night amid mounting anger over the deaths of protesters."
)
# the same day, another minister resigning: two happenings however alike their words
OTHER_RESIGNED_EN = (
    "Anton Kessler resigned as interior minister on Friday night amid mounting anger over the deaths of protesters."
)

CALLED_JA = "首相は14日夜、ドルゴフ大統領と電話で会談し、訪問の中止を伝えた。"
CALLED_EN = "Back in the capital on Friday night, the prime minister spoke by phone with President Dolgov."


@pytest.fixture
def people(actors: ActorIndex) -> ActorIndex:
    """The registry with the persons a story's articles add, each discovered in its own script."""
    top = max(actors.actors)
    found = [("トルカン", None), ("Tolkhan", "Viktor Tolkhan"), ("Kessler", "Anton Kessler")]
    found += [("ドルゴフ", None), ("Dolgov", "Pavel Dolgov")]
    added = [ActorEntry(top + i, n, en, "person", [], None) for i, (n, en) in enumerate(found, 1)]
    return ActorIndex([*actors.actors.values(), *added])


def features(body: str, actors: ActorIndex) -> dict:
    doc = parse_document(f"---\ntitle: t\npublished: 2025-11-15\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, actors, doc.published)
    (row,) = rows
    return {
        "tokens": row.tokens,
        "persons": row.persons,
        "names": row.names,
        "act": row.act,
        "acts": row.acts,
        "subject": row.subject,
        "people": row.people,
    }


def test_a_person_s_names_are_kept_part_by_part_in_their_script() -> None:
    assert people_named(["ラメシュ・レカク"]) == {"ラメシュ", "レカク"}
    assert {"Ramesh", "Lekhak"} <= people_named(["Home Minister Ramesh Lekhak"])
    assert "Ben-Gvir" in people_named(["Itamar Ben-Gvir"])


def test_one_minister_s_resignation_told_in_both_scripts_is_one_event(people: ActorIndex) -> None:
    ja, en = features(RESIGNED_JA, people), features(RESIGNED_EN, people)
    assert set(ja["persons"]).isdisjoint(en["persons"])  # two actors, one per script
    assert _sounded_across(event_sets(ja), event_sets(en)) == 1
    assert same_event(ja, en) > 0


def test_another_minister_s_resignation_that_day_stays_apart(people: ActorIndex) -> None:
    ja, other = features(RESIGNED_JA, people), features(OTHER_RESIGNED_EN, people)
    assert _sounded_across(event_sets(ja), event_sets(other)) == 0
    assert same_event(ja, other) <= 0


def test_a_call_with_a_president_named_in_both_scripts_is_one_event(people: ActorIndex) -> None:
    ja, en = features(CALLED_JA, people), features(CALLED_EN, people)
    assert same_event(ja, en) > 0


def test_a_place_that_sounds_alike_is_no_shared_person(people: ActorIndex) -> None:
    ja = features("ミャンマー政府は14日、国際社会に支援を求めた。", people)
    en = features("Defense Minister Viktor Tolkhan said on Friday that Myanmar needed aid.", people)
    assert "ミャンマー" not in ja.get("people", [])
    assert _sounded_across(event_sets(ja), event_sets(en)) == 0


def test_a_short_form_of_a_person_known_by_the_full_name_is_the_doer_named(actors: ActorIndex) -> None:
    """「トルカン国防相は」 when the article named him 「ヴィクトル・トルカン」 first: no mention of that actor, but its
    sentence's topic gives the doer by a name that sounds as the English report's person."""
    top = max(actors.actors)
    found = [("ヴィクトル・トルカン", None), ("Tolkhan", "Viktor Tolkhan")]
    index = ActorIndex(
        [
            *actors.actors.values(),
            *(ActorEntry(top + i, n, en, "person", [], None) for i, (n, en) in enumerate(found, 1)),
        ]
    )
    ja, en = features("トルカン氏は14日夜、首都で続く混乱の責任を取り、辞任した。", index), features(RESIGNED_EN, index)
    assert not ja["persons"] and ja["subject"] == ["トルカン"]
    assert same_event(ja, en) > 0
    ja_place = features("ミャンマー政府は14日夜、首都で続く混乱の責任を問われ、内閣が総辞職した。", index)
    assert _sounded_across(event_sets(ja_place), event_sets(en)) == 0
