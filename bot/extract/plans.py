"""Clauses that tell a plan rather than a happening: 「首相は28日に会談する」「21日に行われる方向で調整が進んでいる」
「28日に首脳会談の予定」, "will meet on Friday", "aim to complete the deal by June 18".

A plan dated after its report is no event of the timeline: the happening, when it comes, is reported on its
own day (and a plan that fell through never happened).
"""

from __future__ import annotations

import re

_JA_FUTURE_END_RE = re.compile(
    r"(?:予定|計画|見通し|見込み|方針|意向|考え|する|します|される|されます|行う|開く|へ|だろう|でしょう|いく|たい"
    r"|(?:目指|めざ)(?:す|します|している|しています))"  # 「17日の完了を目指す」: a goal's day, still to come
    r"(?:だ|です|である)?[」』）)]*[。．]?$"
)
_JA_PLAN_RE = re.compile(
    r"方向で(?:調整|検討)|調整(?:が進んで|を進めて|して)いる|予定(?!して|され|だった|でした)|予定されて(?:いる|います)[。．]?$|見通し|方針(?:を(?:決め|固め)|だ|で)"
    r"|(?<=[うくすつぬぶむる])(?:めど|目途)(?:が(?:立|た|つ)|を(?:付|つ))"  # 「7月上旬に復旧するめどが立った」: a prospect
)
_EN_FUTURE_RE = re.compile(
    r"\b(?:will|would|plans? to|planned to|scheduled|expected to|is to|are to|set to|aims? to|intends? to"
    r"|(?:is|are|was|were) preparing to)\b"  # 「said it was preparing to bring them back on Sunday」: still to come
)


# The adverbs between the quoting と and a saying verb (「…完了させると正式に表明した」「…開くと改めて発表した」): the
# saying all the same; one alternation for the date rules (dates.py) and for `said_ahead`
SAYING_ADVERBS = "正式に|改めて|明確に"


# 「…改めて会見を開くとしています」「次の協議を23日に開くと明らかにした」: what someone said will happen; 「12月6日に
# 公開予定だった映画」: a plan that fell through. Neither happened (on a day after the report).
_JA_SAID_AHEAD_RE = re.compile(
    rf"(?<![いお])[うくすつぬぶむるぐ]と(?:{SAYING_ADVERBS}|既に|すでに)?(?:し|述べ|説明し|明らかにし|発表し|表明し|伝え|強調し)"
    r"(?:た|ました|ている|ています|ていた)[。．]?$"
    # 「7日に抗議集会を開くと呼びかけている」「…に集まるよう求めた」: a call to act on a day ahead, not the act
    r"|(?<![いお])[うくすつぬぶむるぐ](?:と|よう(?:に)?)(?:呼びかけ|呼び掛け|求め|要請し|促し|訴え)"
    r"(?:た|ました|ている|ています|ていた)[。．]?$"
    r"|予定(?:して|されて)?(?:い)?た|予定だった|予定でした"
)


# 「後任は29日に協議するという。」「…説明するとのことだ」: what a source says, its tense the verb's before the hearsay
_JA_HEARSAY_TAIL_RE = re.compile(r"(?:という|といいます|とのことだ|とのことです)[」』）)]*[。．]?$")


def _without_hearsay(text: str) -> str:
    return _JA_HEARSAY_TAIL_RE.sub("", text)


def reads_future(clause: str, english: bool) -> bool:
    """Whether a clause (its quotes masked) tells what is to happen, not what happened."""
    text = clause.strip()
    if english:
        return bool(_EN_FUTURE_RE.search(text))
    return bool(_JA_FUTURE_END_RE.search(_without_hearsay(text)) or _JA_PLAN_RE.search(text))


def ends_in_a_plan(clause: str) -> bool:
    """Whether a Japanese clause (its quotes masked) ends in a plan's predicate (「…会談する予定だ。」「…開く。」「…協議
    するという。」)."""
    return bool(_JA_FUTURE_END_RE.search(_without_hearsay(clause.strip())))


def said_ahead(clause: str) -> bool:
    """Whether a Japanese clause (its quotes masked) reports what someone said will happen, or a plan that was
    called off: for a date after the report, no happening."""
    return bool(_JA_SAID_AHEAD_RE.search(clause.strip()))


_OWN_CLAUSE_END_RE = re.compile(r"こと|(?<=[うくすつぬぶむるぐただい])と|[、。，]")  # the quoting と after a verb
_JA_DICTIONARY_END_RE = re.compile(r"(?<![いお])[うくすつぬぶむるぐ]$")


def own_verb_ahead(after_date: str) -> bool:
    """Whether the verb a Japanese date is the time of reads non-past: the clause right after the date up to
    the quote or nominaliser that embeds it (「8月1日から25%の関税を課すと書簡で通告してきた」: 課す)."""
    end = _OWN_CLAUSE_END_RE.search(after_date)
    clause = after_date[: end.start()] if end else after_date
    return bool(_JA_DICTIONARY_END_RE.search(clause.rstrip()))


# A day whose own verb, in the plain non-past, names the thing it dates (「7日に予定される抗議デモ」「12日夕に公表する当座
# 預金の見通し」「13日に開幕する大阪・関西万博」): the noun's time, still to come when the sentence was written
_NAMES_AHEAD_RE = re.compile(
    r"^(?:の)?(?:午前|午後|朝|夕方?|夜|未明|深夜)?(?:に|にも|から)[^、。，「」]{0,24}?(?<![いおてた])[うくすつぬぶむるぐ]"
    r"(?=[\u4e00-\u9fff\u30a1-\u30fa])"
)


def names_a_thing_ahead(after_date: str) -> bool:
    """Whether the verb a Japanese date is the time of is a plain non-past that names a thing (see above)."""
    return bool(_NAMES_AHEAD_RE.match(after_date))


# A later day whose own verb, in the plain non-past, is the calendar's rather than anyone's act: a term or a deadline that
# runs out, an anniversary reached, a vote or a summit ahead (「17日に期限を迎える」「6日に発足から1カ月を迎えるトラス政権」
# 「今月21日に任期が切れる」「12月1日に議会選も控えており」). Counted over the tuned stories, such a day ahead of its report
# never held a gold happening (the vote or the expiry, when it comes, is reported on its own day); 「来月15日で任期を
# 終える」 is left out, a term's end the stories' cases do hold. Told done (「期限を迎えた」「任期が切れた」) it is a day's own.
_MILESTONE_AHEAD_RE = re.compile(
    r"^(?:の)?(?:午前|午後|朝|夕方?|夜|未明|深夜)?(?:[0-9０-９]{1,2}時(?:[0-9０-９]{1,2}分)?)?(?:に|で|には|にも|をもって)"
    r"[^、。，「」]{0,30}?"
    r"(?:迎え(?:る|ます)|控え(?:る|ます|て(?:いる|います|おり|いて))|切れ(?:る|ます)|満了(?:する|します|となる|を迎える))"
)


def milestone_ahead(after_date: str) -> bool:
    """Whether the verb a Japanese date is the time of is a calendar's milestone still to come (see above)."""
    return bool(_MILESTONE_AHEAD_RE.match(after_date))


_PAST_TAIL_RE = re.compile(r"(?:た|ました)$")
# 「3月に延ばした」「4月1日に延期した」: the date a change set (still to come), not when the change was made
_CHANGED_TO_RE = re.compile(r"^\s*(?:に|へ|まで)(?:延期|延長|延ば|前倒し|繰り上げ|繰り下げ|変更|ずらし|移し)")


def own_verb_done(after_date: str) -> bool:
    """Whether the verb a Japanese date is the time of reads past: the clause right after the date, up to the
    quote or nominaliser that embeds it (「1月25日から始まっていた。」: 始まっていた; not 「10日に始めることを決めた」)."""
    if _CHANGED_TO_RE.match(after_date):
        return False
    end = _OWN_CLAUSE_END_RE.search(after_date)
    clause = after_date[: end.start()] if end else after_date
    return bool(clause.strip()) and bool(_PAST_TAIL_RE.search(clause.rstrip()))
