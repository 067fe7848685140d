"""One happening told twice, by two outlets or in two languages, kept as one entry (issue 12, round 16: the
duplicates `eval/timeline_classes.py` counts as `cross-lang`), and a day a year off that made a false event.
Sentences of our own, each with a counter-example the rule must leave alone: a measurement told to a tenth is a
figure (マグニチュード6.3 / "a 6.3 magnitude quake"), and another one is another happening; a figure makes no
report the cluster's summary; "fired at" a target is an attack, not the dismissal "fired" names alone (two outlets'
shooting had been one event with a sacking); 起用 and "named" are one appointment, not a saying and an election; a
bare month-day read as still to come is not put most of a year ahead."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import find_dates


def _dates(text: str, published: str) -> list[str]:
    return [m.value for m in find_dates(text, dt.date.fromisoformat(published))]


def test_a_bare_month_day_is_not_put_most_of_a_year_ahead() -> None:
    # the date's own verb is embedded (起用する), but a date eleven months ahead would carry its year (来年)
    said = "市長は11月12日に元副市長を参与に起用すると発表し、新体制づくりを進めている。"
    assert _dates(said, "2024-12-17") == ["2024-11-12"]
    assert _dates("The city will hold the vote on Nov. 12.", "2024-12-17") == ["2024-11-12"]


def test_a_plan_weeks_or_months_ahead_keeps_next_year() -> None:
    assert _dates("新市長は1月20日に就任する。", "2024-12-17") == ["2025-01-20"]
    assert _dates("市長選は4月に行われる予定だ。", "2024-12-10") == ["2025-04"]
    assert _dates("市長選は11月に行われる予定だ。", "2024-12-10") == ["2025-11"]  # a month alone: as its tense reads
    assert _dates("同社は5月28日に株主総会を開く。", "2025-01-10") == ["2025-05-28"]
    assert _dates("He will take office on Jan. 20.", "2024-12-17") == ["2025-01-20"]
