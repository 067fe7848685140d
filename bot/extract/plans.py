"""Clauses that tell a plan rather than a happening: 「首相は28日に会談する」「21日に行われる方向で調整が進んでいる」
「28日に首脳会談の予定」, "will meet on Friday", "aim to complete the deal by June 18".

A plan dated after its report is no event of the timeline: the happening, when it comes, is reported on its
own day (and a plan that fell through never happened).
"""

from __future__ import annotations

import re

_JA_FUTURE_END_RE = re.compile(
    r"(?:予定|見通し|見込み|方針|意向|考え|する|します|される|されます|行う|開く|へ|だろう|でしょう|いく|たい)"
    r"(?:だ|です|である)?[」』）)]*[。．]?$"
)
_JA_PLAN_RE = re.compile(
    r"方向で(?:調整|検討)|調整(?:が進んで|を進めて|して)いる|予定(?!して|され|だった|でした)|見通し|方針(?:を(?:決め|固め)|だ|で)"
)
_EN_FUTURE_RE = re.compile(r"\b(?:will|would|plans? to|planned to|scheduled|expected to|is to|are to|set to|aims? to|intends? to)\b")


def reads_future(clause: str, english: bool) -> bool:
    """Whether a clause (its quotes masked) tells what is to happen, not what happened."""
    text = clause.strip()
    if english:
        return bool(_EN_FUTURE_RE.search(text))
    return bool(_JA_FUTURE_END_RE.search(text) or _JA_PLAN_RE.search(text))


_OWN_CLAUSE_END_RE = re.compile(r"こと|(?<=[うくすつぬぶむるぐただい])と|[、。，]")  # the quoting と after a verb
_JA_DICTIONARY_END_RE = re.compile(r"(?<![いお])[うくすつぬぶむるぐ]$")


def own_verb_ahead(after_date: str) -> bool:
    """Whether the verb a Japanese date is the time of reads non-past: the clause right after the date up to
    the quote or nominaliser that embeds it (「8月1日から25%の関税を課すと書簡で通告してきた」: 課す)."""
    end = _OWN_CLAUSE_END_RE.search(after_date)
    clause = after_date[: end.start()] if end else after_date
    return bool(_JA_DICTIONARY_END_RE.search(clause.rstrip()))
