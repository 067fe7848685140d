"""A sentence cut at its second date: the tail told again as an event of the later day.

A Japanese report opens on its party and the day it acted, and the act's words may name a later day:
「ブリンケン国務長官は24日、両勢力が現地時間25日午前0時から72時間の停戦で合意したと発表した。」
「韓国外務省は23日、佐渡市で24日に開かれる追悼式に参加しないと発表した。」
「A社は6日、B社長が5月27日付で退任する人事を発表した。」
The extractor gives the whole sentence to the first day and the words from the second date on (「両勢力が現地時間25日
午前0時から…と発表した。」) to the later one: two entries of one article for one happening, on two days, which the
clustering never compares (it compares a day's reports). `fragment_of` tells such a tail from a second happening the
sentence tells on its later day:

- the tail ends where the whole sentence's first sentence ends (it holds the same main predicate, 「…と発表した」);
- what comes before the tail is the party and its day and nothing else (「…は24日、」「…は3月29日夜(日本時間30日未明)、」):
  no clause of its own. 「政府は1日に非常事態を宣言したが、3日には閣僚26人が辞表を提出した」「…は23日、手術を受け、
  24日朝に退院した」「10日に…無罪を主張したが、11日に…有罪を支持した」tell each day's own doing after a predicate
  (宣言したが、受け、主張したが) and stay two happenings.

Only a tail dated after the sentence's day (a plan, an effective day, the other time zone's day): a tail dated before
it names an earlier happening by a date inside the act's words (「19日に起きた障害について…報告書を公表した」), whose
day is the date checker's to judge, not the clustering's.
"""

from __future__ import annotations

import re

# The party and its day, then the comma: 「ブリンケン米国務長官は24日、」「中国外務省は14日未明、」「民主派の「国民統一政府
# （NUG）」は3月29日、」「…は5日夜(日本時間6日未明)、」「同社は同日、」 — no comma before it (a clause of its own).
_LEAD_RE = re.compile(
    r"^[^、。]*?(?:[0-9０-９]{1,2}日|同日)(?:付け?)?(?:未明|早朝|朝|午前|正午|昼|午後|夕方?|夜|深夜)?"
    r"(?:[(（][^()（）]{0,20}[)）])?、$"
)
# The later date inside a relative clause that names a happening of that day: 「24日に開かれる追悼式に参加しないと発表
# した」「5日付で…に異動するのを前に…会見を開いた」「15日に始まった協議」 — that day is the named happening's (the
# ceremony, the transfer), an event of its own which the tail, dated to it, may be the only report of; not a later day
# of the sentence's act (「25日午前0時から…停戦で合意したと」「5月27日付で退任し、」「15日から始めると」 run on to
# the act). A verb then a noun, a quote or の, with no comma between the date and it.
_NAMED_HAPPENING_RE = re.compile(
    r"(?:[0-9０-９]{1,2}日|翌日)[^、。「」]{0,16}?(?:れる|する|た|く|う|つ|む|ぶ|す|る)(?=[「『]|の|[\u4e00-\u9fff\u30a1-\u30fa])"
)
FRAGMENT_LEAST = 10  # characters of a tail: a shorter one is a phrase, not a sentence's act


def _first_sentence(text: str) -> str:
    cut = text.find("。")
    return (text[:cut] if cut >= 0 else text).strip()


def fragment_of(whole: str, tail: str) -> bool:
    """Whether `tail` (an event's summary) is the end of `whole`'s first sentence after the party and its day only:
    one act told twice, once with its day and once from the later date its words name."""
    part = _first_sentence(tail)
    if len(part) < FRAGMENT_LEAST:
        return False
    sentence = _first_sentence(whole)
    if len(sentence) <= len(part) or not sentence.endswith(part):
        return False
    return bool(_LEAD_RE.match(sentence[: len(sentence) - len(part)])) and not _NAMED_HAPPENING_RE.search(part)
