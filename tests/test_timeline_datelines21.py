"""A wire story's byline and a dateline naming two cities (issue 12, round 21).

「By Carla Mendoza and Pieter de Wit」 was joined to the lead after it (a byline longer than a short line), so the lead
was no longer a line that opens with its dateline; and a dateline naming two cities (「MANILA/THE HAGUE, March 12
(Reuters) -」「COPENHAGEN/BERLIN, Jan 9 (Reuters) -」) was not read as one, so its day dated the lead, which tells its
own day (「…pushed back on Wednesday」), and the byline's names became an event's words. Sentences of our own, each
with a counter-example."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.segments import dateline_end
from bot.ingest.parse import logical_lines
from tests.test_timeline_classes7 import events_of


def test_a_dateline_naming_two_cities_is_a_dateline() -> None:
    for lead in (
        "OSLO/TOKYO, Oct 11 (Reuters) - The committee awarded the prize on Friday.",
        "MANILA/THE HAGUE, March 12 (Reuters) - The court took him into custody on Wednesday.",
    ):
        assert lead[dateline_end(lead, True) :].startswith("The ")
    lead = "TOKYO, Aug 14 (Reuters) - The prime minister said on Wednesday he would step down."
    assert lead[dateline_end(lead, True) :].startswith("The prime")  # one city, as before


def test_a_byline_is_a_line_of_its_own() -> None:
    body = (
        "Leaders push back\n"
        "By Anna Lindqvist and Peter Brenner\n\n"
        "COPENHAGEN/BERLIN, Jan 9 (Reuters) - Germany and France pushed back on Wednesday against the plan.\n"
    )
    lines = logical_lines(body)
    assert "By Anna Lindqvist and Peter Brenner" in lines
    assert lines[-1].startswith("COPENHAGEN/BERLIN")
    # a line of prose that goes on after a break is still joined
    prose = "Germany and France pushed back against the plan on Wednesday, while Denmark\n\nsought to calm tensions."
    assert len(logical_lines(prose)) == 1


def test_the_lead_after_a_byline_tells_its_own_day(actors: ActorIndex) -> None:
    body = (
        "By Anna Lindqvist and Peter Brenner\n\n"
        "COPENHAGEN/BERLIN, Jan 9 (Reuters) - Germany and France pushed back on Wednesday against the president's "
        "remarks on the island."
    )
    events = events_of(body, actors, published="2025-01-09")
    assert [d for d, _ in events] == ["2025-01-08"]
    assert not any("Lindqvist" in s or "COPENHAGEN" in s for _, s in events)


def test_a_lead_with_no_day_of_its_own_keeps_its_datelines(actors: ActorIndex) -> None:
    body = (
        "By Anna Lindqvist and Peter Brenner\n\n"
        "OSLO/TOKYO, Oct 11 (Reuters) - A group of atomic bomb survivors won the Nobel Peace Prize for its work."
    )
    assert [d for d, _ in events_of(body, actors, published="2024-10-11")] == ["2024-10-11"]
