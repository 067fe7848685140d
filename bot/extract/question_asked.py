"""The question put to a speaker, where a clause's own text holds it before the answer (issue 11, part 3).

A report often gives the question and the answer in one sentence: 「法案に賛成するかと問われ、「賛成しない」と答えた」,
「見直す可能性を問われると、「そうした考えは持ち合わせていない」と明言した」, "Asked whether she would back the bill,
she said she would not." The question's words are the reporter's: its stance words (賛成, 見直す, "back") say what
was asked, not what the speaker holds, and the position toward a target the question names is the answer's
(`stance._position_toward` drops the cues inside `question_spans`). `services.question_put` finds the same
question in what was read before a clause (the words the reply is about).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "ASKED_EN_RX",
    "ASKED_JA_RX",
    "CHARGED_RX",
    "QUESTION_MARKS",
    "QUESTION_MARKS_EN",
    "QUESTION_MARKS_JA",
    "answer_polarity",
    "question_spans",
]

# a question put, in Japanese: 「…と問われ」, 「…を聞かれ」, 「…かとの質問に」, 「…について記者団に問われると」; not
# 「殺人罪などに問われた」, 「責任を問われ」 (charged, held to account: `CHARGED_RX` just before it)
ASKED_JA_RX = re.compile(r"問われ|聞かれ|質問され|尋ねられ|ただされ|質され|との質問に|という質問に")
CHARGED_RX = re.compile(r"罪|責任|真価|資質|手腕|容疑")
# in English, put to the speaker (sentence-initial "Asked …", or after "when", "was", "being": not "lawmakers have
# questioned whether …", someone else's doubt, nor "she asked whether …", the speaker's own question): "Asked about
# …", "When asked whether …", "was pressed on …", "in response to a question about …"
ASKED_EN_RX = re.compile(
    r"(?:(?<![^\s\"“(])(?:Asked|Pressed|Questioned)|(?<![A-Za-z])(?:[Ww]hen|[Aa]fter being|[Bb]eing|was|were|is|are|been) "
    r"(?:asked|pressed|questioned))(?: by (?:a |the )?(?:reporters?|journalists?|lawmakers?))?"
    r"(?: (?:him|her|them))? (?:about|on|over|whether|if|why|how|what|when|to)(?![A-Za-z])"
    r"|(?<![A-Za-z])[Ii]n (?:response|reply|answer) to (?:a |the )?questions? (?:about|on|over|from)(?![A-Za-z])",
)
# what follows a Japanese question verb when an answer comes after it in the sentence (問われると、「…」と答えた)
_JA_ANSWER_NEXT_RX = re.compile(
    r"(?:(?<=[れ])(?:ると|て|た際(?:に)?|たのに対し(?:て)?)[、,]?|(?<=に)(?:対し(?:て)?)?[、,]?|(?<=[れ])[、,])\s*(?=\S)"
)
_JA_SENTENCE_END = "。！？\n"
# an English question put runs to the comma after it ("Asked whether …, she said"): its last word before the answer
_EN_QUESTION_END_RX = re.compile(r"[,;:.!?]")
_EN_SENTENCE_START_RX = re.compile(r"[.!?][\"”’']?\s+|\n")


# a substring each match of `ASKED_JA_RX` / `ASKED_EN_RX` holds: a text with none of them holds no question put, so
# the patterns are not run over it ("uestion" for "Questioned about", "was questioned on" and "in response to a
# question about"). One tuple for `question_spans` and `services.question_put` alike, so the two never drift apart
QUESTION_MARKS_JA = ("問われ", "聞かれ", "質問", "尋ねられ", "ただされ", "質され")
QUESTION_MARKS_EN = ("sked", "ressed", "uestion")
QUESTION_MARKS = QUESTION_MARKS_JA + QUESTION_MARKS_EN


@lru_cache(maxsize=8192)
def question_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of `text` that are a question put to the speaker with the answer after it in the same sentence:
    Japanese, from the sentence's start to the question verb (「…を問われ」, not a charge: 「責任を問われ」); English,
    from "Asked …" to the comma that ends it. A question with nothing after it in its sentence is none (the answer,
    if any, is another clause's)."""
    # (a substring test each first: most passages hold no question put, and the English pattern, with no literal
    # start, costs ~1 ms over a passage; a passage is read for many clauses, so its spans are remembered)
    japanese = any(mark in text for mark in QUESTION_MARKS_JA)
    english = any(mark in text for mark in QUESTION_MARKS_EN)
    if not japanese and not english:
        return ()
    spans = []
    for m in ASKED_JA_RX.finditer(text) if japanese else ():
        if CHARGED_RX.search(text, max(0, m.start() - 8), m.start()):
            continue
        start = max(text.rfind(c, 0, m.start()) for c in _JA_SENTENCE_END) + 1
        after = _JA_ANSWER_NEXT_RX.match(text, m.end())
        if after is None or after.end() >= len(text) or text[after.end()] in _JA_SENTENCE_END:
            continue
        spans.append((start, m.end()))
    for m in ASKED_EN_RX.finditer(text) if english else ():
        end = _EN_QUESTION_END_RX.search(text, m.end())
        if end is None or text[end.start()] != ",":  # no answer after it in its sentence
            continue
        spans.append((m.start(), end.start()))
    return tuple(spans)


# an answer that only says yes or no to the question put (「当然だ」, 「絶対に、間違いなく」, "she said no", "he said he
# would not"), or points back at what was asked to deny it (「そうした考えは持ち合わせていない」, 「そのつもりはない」)
_YES_RX = re.compile(
    r"[、,\s]*(?:[^「『\"“。]{0,40}?[「『\"“]\s*)?(?:はい|ええ|イエス(?=[。、！!」』]|だ|です)|もちろん|当然(?:だ|です)?[。、」]|その(?:通り|とおり)|間違いなく|絶対に"
    r"|(?i:yes|of course|absolutely|certainly|definitely)(?![A-Za-z]))"
    r"|[^.;!?]{0,30}?(?<![A-Za-z])(?:said|replied|answered)\s+(?:that\s+)?(?:yes(?![A-Za-z])|"
    r"(?:he|she|it|they|we|I)\s+(?:would|will|did|does|do|is|was|could|can|had|has)\s*[.,;])"
    # or only says the speaker is ready ("Putin answered: \"We are ready.\"")
    r"|[^.;!?]{0,40}?(?<![A-Za-z])(?:[Ww]e|I|[Hh]e|[Ss]he|[Tt]hey)(?:\s+(?:are|am|is|were|was)|['’](?:re|m))\s+"
    r"(?:ready|prepared|willing)\s*[.!]",
)
_NO_RX = re.compile(
    r"[、,\s]*(?:[^「『\"“。]{0,40}?[「『\"“]\s*)?(?:いいえ|いや[、。]|ノー(?=[。、！!」』]|だ|です)|(?:そう(?:した|いう|いった)?|その(?:ような)?|そんな)"
    r"[^。」』]{0,14}?(?:ない|ありません|ございません)[。」』]"
    r"|(?i:no|not at all|never|(?:absolutely|certainly|definitely|of course)\s+not)(?![A-Za-z]))"
    r"|[^.;!?]{0,30}?(?<![A-Za-z])(?:said|replied|answered)\s+(?:that\s+)?(?:no(?![A-Za-z])|"
    r"(?:he|she|it|they|we|I)\s+(?:would|will|did|does|do|is|was|could|can|had|has)(?:\s+not|n['’]t)\s*[.,;])",
)


def answer_polarity(text: str, asked: tuple[tuple[int, int], ...]) -> int:
    """1 when what follows the last question put (`question_spans`) only says yes, -1 when it only says no, 0
    otherwise (an answer with words of its own is read by them)."""
    if not asked:
        return 0
    end = max(e for _, e in asked)
    rest = text[end : end + 80]
    rest = rest[rest.find(",") + 1 :] if text[end : end + 1] == "," else _JA_ANSWER_NEXT_RX.sub("", rest, count=1)
    if _NO_RX.match(rest):
        return -1
    return 1 if _YES_RX.match(rest) else 0
