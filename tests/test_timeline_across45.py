"""One happening told in Japanese and in English, kept as one entry (issue 12, round 45: the `cross-lang` duplicates
`eval/timeline_classes.py` counts). Two readings, each with a counter-example it must leave alone:

- an English report tells with a noun gloss's verb what the Japanese one tells with the noun: 開幕 "opening" / "the
  fair opened", 辞職 "resignation" / "resigned", 承認 "approval" / "approved", 衝突 "collision" / "collided", 停止
  "suspension" / "suspended" (`event_words._derivations`);
- a later report that joins a cluster of its own language and matches a report of the other language in another
  cluster bridges the two at a cross-language score (`clusters.ACROSS_BRIDGE_SCORE`), not only at the score two
  reports of one language bridge on (`clusters.BRIDGE_SCORE`): the first Japanese and English reports of a happening
  often share no word the glosses read, and were left apart.

Sentences and rules of our own."""

from __future__ import annotations

import pytest

from bot.extract.event_words import _derivations, gloss_forms
from bot.store import clusters as cl


@pytest.mark.parametrize(
    "gloss, verb",
    [
        ("opening", "open"),
        ("bombing", "bomb"),
        ("ruling", "rule"),
        ("shopping", "shop"),
        ("resignation", "resign"),
        ("evacuation", "evacuate"),
        ("collision", "collide"),
        ("suspension", "suspend"),
        ("discussion", "discuss"),
        ("approval", "approve"),
        ("withdrawal", "withdraw"),
    ],
)
def test_a_noun_gloss_s_verb(gloss: str, verb: str) -> None:
    assert verb in _derivations(gloss)


@pytest.mark.parametrize("gloss, not_a_verb", [("evening", "even"), ("morning", "morn"), ("tension", "tend")])
def test_a_noun_whose_stem_is_another_word_gives_no_verb(gloss: str, not_a_verb: str) -> None:
    assert not_a_verb not in _derivations(gloss)
    assert not _derivations("thing")  # too short a stem to be a verb's


def test_the_japanese_noun_matches_the_english_verb_as_written() -> None:
    assert "opened" in gloss_forms("開幕")  # 「万博が13日、開幕した」 and "the fair opened on Sunday"
    assert {"approved", "approve"} <= gloss_forms("承認")
    assert "collided" in gloss_forms("衝突")


# --- a later report bridges its own language's cluster and the other language's --------------------------------


def _member(event_id: int, tokens: list[str]) -> cl.Member:
    return cl.Member(event_id, "2025-06-14", "day", "s", False, 1.0, {"tokens": tokens})


def _english(features: dict) -> bool:
    return all(t.isascii() for t in features.get("tokens") or ())


def scored_by_language(a: dict, b: dict) -> float:
    """A rule of our own: two shared words within a language score 0.6; across the languages a shared word (its
    gloss: 閉鎖 / closed) scores 0.35, below what two reports of one language bridge on."""
    ta, tb = set(a["tokens"]), set(b["tokens"])
    if _english(a) == _english(b):
        return 0.6 if len(ta & tb) >= 2 else 0.0
    ja, en = (tb, ta) if _english(a) else (ta, tb)
    return 0.35 if any(_GLOSS.get(t) in en for t in ja) else 0.0


_GLOSS = {"閉鎖": "closed", "空港": "airport", "濃霧": "fog"}
scored_by_language.compared_widely = _english  # type: ignore[attr-defined]
scored_by_language.cross_words = lambda f: frozenset(_GLOSS[t] for t in f.get("tokens") or () if t in _GLOSS)  # type: ignore[attr-defined]


def _bridges(
    later: cl.Member, *stored: tuple[int, str, cl.Member], rule: cl.SameEvent = scored_by_language
) -> tuple[list[int], list[tuple[int, int]]]:
    """The clusters `later` joins among the stored (cluster, date, member) and the pairs it bridges."""
    candidates = [(cluster, day, cl._Features(m.features)) for cluster, day, m in stored]
    bridged: list[tuple[int, int]] = []
    joined = cl.match_events([later], {cl._candidate_key(later): candidates}, rule, bridged)
    return joined, bridged


DAY = "2025-06-14"
JA = _member(1, ["空港", "滑走路", "濃霧"])  # 「空港は14日、濃霧で滑走路を…」
EN = _member(2, ["airport", "closed", "runway"])  # "the airport closed its runway on Saturday"
LATER = _member(3, ["空港", "滑走路", "閉鎖"])  # 「空港は14日、滑走路を閉鎖した」: both


def test_a_report_joining_its_own_language_s_cluster_bridges_the_other_language_s() -> None:
    assert _bridges(LATER, (1, DAY, JA), (2, DAY, EN)) == ([1], [(1, 2)])


def test_two_clusters_of_one_language_matched_weakly_are_no_bridge() -> None:
    # the same scores within one language: a weak second match of the report's own language bridges nothing
    other = _member(2, ["閉鎖", "airport"])  # no English report: the weak match is no match across the languages
    assert _bridges(LATER, (1, DAY, JA), (2, DAY, other)) == ([1], [])


def test_a_weak_match_across_the_languages_alone_bridges_nothing() -> None:
    # a report that joins the other language's cluster and weakly matches a second one of that language: no bridge
    en_two = _member(2, ["airport", "fog", "delayed"])
    assert _bridges(_member(3, ["空港", "閉鎖"]), (1, DAY, EN), (2, DAY, en_two))[1] == []


def test_a_month_s_report_or_another_day_s_bridges_nothing_across() -> None:
    # 「6月、…許可を取り消された」 reads as each of the month's happenings: it bridges no day's clusters across languages
    month = cl.Member(3, "2025-06", "month", "s", False, 1.0, {"tokens": ["空港", "滑走路", "閉鎖"]})
    assert _bridges(month, (1, DAY, JA), (2, DAY, EN))[1] == []
    # the other language's report of another day: no bridge either (a day's report and a later day's)
    assert _bridges(LATER, (1, DAY, JA), (2, "2025-06-20", EN))[1] == []


def test_a_name_read_alike_alone_bridges_nothing_across() -> None:
    # a score at the names-only bridge (0.3: the pope's name and his death, no word of the Vatican's statement) is no
    # bridge: the two clusters may be the happening and a statement about it
    def names_only(a: dict, b: dict) -> float:
        score = scored_by_language(a, b)
        return cl.ACROSS_BRIDGE_SCORE if score == 0.35 else score

    names_only.compared_widely = _english  # type: ignore[attr-defined]
    names_only.cross_words = scored_by_language.cross_words  # type: ignore[attr-defined]
    assert _bridges(LATER, (1, DAY, JA), (2, DAY, EN), rule=names_only) == ([1], [])


def _named(event_id: int, tokens: list[str], person: int) -> cl.Member:
    return cl.Member(event_id, DAY, "day", "s", False, 1.0, {"tokens": tokens, "persons": [person]})


def test_two_people_s_reports_bridge_nothing_across() -> None:
    # 「報道官は3日の会見で…」 and "Blinken told a news conference…": each names its own person, two people's words
    ja, later = _named(1, ["空港", "滑走路", "濃霧"], 7), _named(3, ["空港", "滑走路", "閉鎖"], 7)
    assert _bridges(later, (1, DAY, ja), (2, DAY, _named(2, ["airport", "closed"], 8))) == ([1], [])
    # the same person in both (one actor in either script): the bridge holds
    assert _bridges(later, (1, DAY, ja), (2, DAY, _named(2, ["airport", "closed"], 7))) == ([1], [(1, 2)])
