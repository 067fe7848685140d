"""An English sentence that looks back at an earlier day's happening in a relative clause (issue 12, round 49: one entry
per happening across the languages): "The museum, which reopened on March 8, expects…" is dated by the clause's day
and tells of that day the clause's happening, which the day's own reports told, in English or in Japanese
(「…美術館が8日、再開館した」). Its clause's event words are the happening it looks back at (`retold`), read across the
languages through the Japanese words' glosses; its main verb's act ("expects", "said") is of another time and sets it
apart from no report of the day. Never a look back at another day (the clause dated elsewhere), nor at another
happening of the day (its words in no report of it). Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.events import same_event
from bot.extract.retold_english import retold_in_english
from bot.store import clusters as cl
from bot.store.store import event_members
from tests.article_events import event_rows


@pytest.mark.parametrize(
    "sentence, date, words",
    [
        ("The aquarium, which opened on June 2, drew 40,000 visitors in its first week.", "2024-06-02", {"opened"}),
        ("Halvorsen, who resigned on 14 February, has kept his seat.", "2024-02-14", {"~resignation"}),
        ("The refinery, which exploded on Oct. 9, will stay shut.", "2023-10-09", {"exploded"}),
        # a weekday: the event's own day when its date is that weekday (2023-10-09 was a Monday)
        ("The refinery, which exploded on Monday, will stay shut.", "2023-10-09", {"exploded"}),
    ],
)
def test_a_relative_clause_dated_to_its_day_names_the_happening(sentence: str, date: str, words: set[str]) -> None:
    assert words <= set(retold_in_english(sentence, date))


@pytest.mark.parametrize(
    "sentence, date",
    [
        # the clause names another day
        ("The aquarium, which opened on June 2, drew 40,000 visitors on Sunday.", "2024-06-09"),
        # a weekday that is not the event's (2023-10-10 was a Tuesday)
        ("The refinery, which exploded on Monday, will stay shut.", "2023-10-10"),
        # no relative clause: the sentence's own happening
        ("The aquarium opened on June 2 to long queues.", "2024-06-02"),
        # a clause of light words names no happening
        ("The board, which met on June 2, took no decision.", "2024-06-03"),
        ("Its director, who was there on June 2, said little.", "2024-06-02"),
    ],
)
def test_no_look_back_without_a_clause_of_that_day(sentence: str, date: str) -> None:
    assert retold_in_english(sentence, date) == []


def _members(body: str, actors: ActorIndex, published: str, first: int) -> list[cl.Member]:
    rows = event_rows(body, actors, published)
    return event_members(list(range(first, first + len(rows))), rows, int)


def _joined(new: cl.Member, stored: list[cl.Member]) -> int:
    """The cluster `new` joins among the stored members of its day (each its own cluster; its own id: none)."""
    candidates = [(m.id, m.date, cl._Features(m.features)) for m in stored]
    return cl.match_events([new], {cl._candidate_key(new): candidates}, same_event)[0]


@pytest.mark.parametrize(
    "report, published",
    [
        ("北浜水族館が2日、神戸市の港に開館した。", "2024-06-02"),  # in Japanese: 開館 read as "opening", opened
        ("The Kitahama Aquarium opened in Kobe on Sunday.", "2024-06-03"),  # in English, the day by its weekday
    ],
)
def test_an_english_look_back_joins_the_report_of_that_day(report: str, published: str, actors: ActorIndex) -> None:
    (day,) = _members(report, actors, published, 1)
    (later,) = _members(
        "The aquarium, which opened on June 2, drew 40,000 visitors in its first week.", actors, "2024-06-10", 10
    )
    assert later.date == day.date == "2024-06-02"
    assert _joined(later, [day]) == day.id


def test_its_main_verb_sets_it_apart_from_no_report_of_the_day(actors: ActorIndex) -> None:
    """A saying whose subject's relative clause gives the day ("…, who resigned on Feb. 14, said…") tells the
    resignation of that day, not a saying: no act to veto the day's report of the resignation."""
    (day,) = _members("The harbour chief resigned on Wednesday over the crane collapse.", actors, "2024-02-15", 1)
    (later,) = _members(
        "The harbour chief, who resigned on Feb. 14 over the crane collapse, said on Monday that the port was safe.",
        actors,
        "2024-02-20",
        10,
    )
    assert later.date == "2024-02-14"
    assert later.features.get("act") in (None, [])
    assert _joined(later, [day]) == day.id


def test_a_look_back_does_not_join_another_happening_of_that_day(actors: ActorIndex) -> None:
    (other,) = _members("神戸市の市長が2日、辞職願を提出した。", actors, "2024-06-02", 1)
    (later,) = _members(
        "The aquarium, which opened on June 2, drew 40,000 visitors in its first week.", actors, "2024-06-10", 10
    )
    assert _joined(later, [other]) == later.id
