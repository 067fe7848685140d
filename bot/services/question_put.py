"""The question put to a speaker just before the answer a clause gives: what the reply is about.

A news report often gives the question first and the answer after it, in the same sentence or the next one:
「記者から「トランプ氏といつ会談するのか」と問われると、カーニー氏は「適切な時期に会う用意がある」と答えた」,
「対米報復措置の可能性を問われると「仮定の質問に答えるのは控えたい」と述べた」, "Asked whether the pope might
visit Japan, the cardinal said …", "In response to a question about the tariffs, she said …". The answer names
little or nothing of what it answers; the question names it. `question_put` finds that question in what was read
before a clause (its paragraph only: a question asked in an earlier paragraph was answered there), so that
/stance --about can count the words the question names as the reply's own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.question_asked import ASKED_EN_RX, ASKED_JA_RX, CHARGED_RX, QUESTION_MARKS

_SENTENCE_END_RX = re.compile(r"[。！？]|[.!?][\"”’']?(?=\s)")
QUESTION_SENTENCES = 2  # the clause's own sentence and the one before it: a question further back was answered there
_MAX_QUESTION = 160  # characters of the question kept (its start: the thing asked about comes first)


@lru_cache(maxsize=8192)
def question_put(before: str) -> str:
    """The question put to the speaker in the text read just before a clause (`Claim.before`: the item's heading,
    a line break, then the text before the clause): the words of the last question of the clause's own sentence
    or the sentence before it, within the clause's paragraph (after the last line break); "" when there is none.
    Japanese: the sentence up to the question verb (「…の可能性を」 of 「…の可能性を問われると」); English: what
    follows "asked about / whether …" up to the end of its sentence."""
    # most clauses follow no question put, and are told so by a substring test each (`question_put` runs for every
    # clause an --about question reads; one regex alternation of the marks took ~25 µs on 200 English characters)
    if not any(mark in before for mark in QUESTION_MARKS):
        return ""
    _, _, read = before.partition("\n")
    paragraph = read[read.rfind("\n") + 1 :]
    # where each sentence of the paragraph starts; a sentence end at the very end is the last one read before the
    # clause (a quote's sentence before: 「…」と述べた。「…): the clause's own sentence begins after it
    starts = [0, *(m.end() for m in _SENTENCE_END_RX.finditer(paragraph))]
    if len(starts) > 1 and starts[-1] >= len(paragraph.rstrip()):
        starts.pop()
    start = starts[-QUESTION_SENTENCES] if len(starts) >= QUESTION_SENTENCES else 0
    window = paragraph[start:]
    found = ""
    for m in ASKED_JA_RX.finditer(window):
        if CHARGED_RX.search(window, max(0, m.start() - 8), m.start()):
            continue
        sentence_start = max(window.rfind(c, 0, m.start()) for c in "。！？") + 1
        found = window[sentence_start : m.start()]
    for m in ASKED_EN_RX.finditer(window):
        end = _SENTENCE_END_RX.search(window, m.end())
        found = window[m.end() : end.start() if end else len(window)]
    return found.strip()[:_MAX_QUESTION]
