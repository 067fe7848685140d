"""Clauses dated by a time of day only: 「岩手県の久慈港では午後1時52分に1.3メートルを観測した」,
「石破茂首相は午前、…呼び掛けた」, "The first waves reached Kauai shortly after 7 p.m.".

A news report names the day once (its lead: 「30日午前8時25分ごろ、…」) and dates what follows by the hour;
such a clause happened on the last day the article named as an event's day (else the day it was
reported). Only what reads as done is dated so: a plan for the afternoon (「午後に会見する予定」) is not.
"""

from __future__ import annotations

import re

from bot.extract.plans import reads_future
from bot.text import guarded

_JA_TIME_RE = guarded(
    r"(?<![0-9０-９同〜~～-])(?:午前|午後)(?:[0-9０-９]{1,2}時(?!間)(?:[0-9０-９]{1,2}分|半)?(?:ごろ|頃|過ぎ|すぎ|前)?)?"
    r"(?=[、，,にのはかまでご頃\s　])"
    r"|(?<![0-9０-９])(?:正午|未明|早朝|夕方)(?:ごろ|過ぎ|すぎ|前)?(?=[、，,にのはかまで\s　])"
)
_EN_TIME_RE = re.compile(
    r"\b(?:[0-9]{1,2}(?::[0-9]{2})?\s*[ap]\.m\.|midnight|noon)(?![A-Za-z])",
)
_EN_DONE_RE = re.compile(
    r"\b(?:said|told|was|were|had|did|met|held|took|made|came|went|left|began|ran|fell|rose|hit|struck|[a-z]{2,}ed)\b"
)


_AS_OF_BEFORE_RE = re.compile(r"\b[Aa]s of\s*$")
_AS_OF_AFTER_RE = re.compile(r"\s*(?:の\s*)?(?:現在|時点)")


def time_of_day(masked: str, english: bool) -> re.Match[str] | None:
    """The first time of day stated outside quotes (`masked`: the sentence with its quotes masked) that dates
    a happening, not a status (「午後5時現在」, "as of 5 p.m.")."""
    for m in (_EN_TIME_RE if english else _JA_TIME_RE).finditer(masked):
        if not _AS_OF_BEFORE_RE.search(masked, 0, m.start()) and not _AS_OF_AFTER_RE.match(masked, m.end()):
            return m
    return None


def has_past_verb(sentence: str) -> bool:
    """Whether an English clause holds a verb in the past tense (or a form the lexicon reads as one)."""
    return bool(_EN_DONE_RE.search(sentence))


def reads_done(sentence: str, english: bool) -> bool:
    """Whether a clause dated only by its hour tells what happened (not a plan, not an expectation); a listed
    fact without a verb (「・午前8時37分　気象庁が太平洋沿岸に津波注意報。」) reads as done."""
    if english and not _EN_DONE_RE.search(sentence):
        return False
    return not reads_future(sentence, english)
