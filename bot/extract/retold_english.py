"""An English sentence that names an earlier day's happening in a relative clause: "The expo, which opened on April 13,
runs until Oct. 13"; "Musk, who took control of Twitter on 27 October, had promoted the scheme"; "Toshiba, which was
delisted on Dec. 20". The sentence is dated by the clause's day, yet what it tells of that day is the clause's
happening, which the day's own reports told: clustering reads the clause's event words as the happening the sentence
looks back at (`EventRow.retold`, read by `event_match._looks_back_at`), as it reads a Japanese sentence's 「4月15日に
始まった戦闘は…」 (`events._retold_happening`)."""

from __future__ import annotations

import datetime as dt
import re

from bot.extract.event_words import NUMBER_PREFIX, english_words, event_terms

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# ", which|who <clause> on <month> <day>" or "on <day> <month>": the clause runs to its date, with no comma, quote or
# sentence mark between (the relative clause alone, not the sentence's main verb after it)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLAUSE_RE = re.compile(
    r",\s+(?:which|who)\s+(?P<clause>[^,;:.\"“”()]{3,90}?)\s+on\s+"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})"
    r"|(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))(?![\d])"
)
# words of a clause that name no happening of their own: its auxiliaries, light verbs and times of day
_LIGHT = frozenset(
    [
        "was",
        "were",
        "been",
        "being",
        "has",
        "had",
        "have",
        "is",
        "are",
        "did",
        "does",
        "took",
        "take",
        "taken",
        "made",
        "make",
        "began",
        "begun",
        "started",
        "start",
        "got",
        "get",
        "went",
        "came",
        "morning",
        "afternoon",
        "evening",
        "night",
        "day",
        "week",
        "month",
        "year",
        "time",
        "late",
        "early",
    ]
)


def retold_in_english(masked: str, date: str) -> list[str]:
    """The event words of the happening an English sentence names in a relative clause dated to its own day (`date`,
    YYYY-MM-DD): ", which opened on April 13" (opened) in an event of April 13, ", who resigned on Friday" in an event
    of a Friday (the weekday the date scanner resolved the sentence's day from). None when no such clause names the day,
    or when its words are light ("who took over on Nov. 11": no word of the happening)."""
    if len(date) != 10:
        return []
    try:
        when = dt.date.fromisoformat(date)
    except ValueError:
        return []
    for m in _CLAUSE_RE.finditer(masked):
        if m["wd"]:  # "which opened on Sunday": the day it names is the event's own when that day was a Sunday
            if _WEEKDAYS.index(m["wd"].lower()[:3]) != when.weekday():
                continue
        elif int(m["d1"] or m["d2"]) != when.day or _MONTHS.index((m["m1"] or m["m2"]).lower()[:3]) + 1 != when.month:
            continue
        clause = m["clause"]
        terms = {
            t
            for t in event_terms(english_words(clause), clause)
            if t[:1] != NUMBER_PREFIX and t not in _LIGHT and len(t) >= 3
        }
        if terms:
            return sorted(terms)
    return []
