"""Which dates of a passage date an event, and the clause each one dates.

A date is context, not an event's date, when it sits in a dateline (「[東京 28日 ロイター] -」,
「TOKYO, Aug 14 (Reuters) -」), in a local-time aside (「14日（日本時間15日）」), inside a quote, when it
is the day a fact became known rather than the day it happened (「…ことが5日、分かった」), when it
only states a figure's as-of day (「25日時点で」), or when a finer date in the same sentence dates it
(「14日…9月に予定される総裁選」: the 14th). A Japanese sentence with several event dates is cut at
the comma before each; an English sentence is one event. A day in a relative clause on a Japanese sentence's topic
(「21日に就任したばかりの長官は22日、…」) is a happening of its own, told by the clause up to the topic, when a later
day dates the sentence's predicate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from itertools import pairwise

from bot.extract.dates import BOTH_DAYS_ADVERBIAL, FRAME, LAST_DAY_ALT, LAST_DAY_WORDS, MONTHS_EN, DateMention
from bot.extract.plans import reads_future
from bot.extract.quotemarks import english_quote_spans, mask_quotes

_JA_DATELINE_RE = re.compile(r"^\s*(?:【[^】]{1,30}】|\[[^\]]{0,60}\]\s*[-－―—]?)\s*")
_EN_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Za-z.'\-/ ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*\((?:Reuters|AP|AFP|Kyodo|KYODO|Jiji|Bloomberg|Xinhua|Yonhap|NHK)\)\s*[-–—]+\s*"
)
_TIME_ASIDE_RE = re.compile(
    r"[（(]\s*(?:日本時間|現地時間|米東部時間|米国東部時間|東部時間|米国時間|米時間|ワシントン時間|中部時間|太平洋時間"
    r"|欧州時間|英国時間|北京時間|モスクワ時間)[^（）()]{0,30}[）)]"
    r"|\([^()]{0,40}\b(?:Japan|Tokyo|local|Washington|U\.S\.|ET|EDT|EST|GMT|JST)\s+time\b[^()]{0,20}\)"
    r"|\([^()]{0,20}\b(?:GMT|UTC|JST|EDT|EST)\b[^()]{0,20}\)"  # 「(2324 GMT on Tuesday)」
)
# (the source may come between the day and the verb: 「…ことが5日、関係者への取材で分かった」「…ことが13日、同社が公開し
# た文書で判明した」)
_KNOWN_ON_RE = re.compile(
    r"\s*(?:午前|午後|朝|夜|夕)?\s*(?:まで(?:に)?)?\s*[、,]?\s*"
    r"(?:[^、。，,「」『』]{0,24}?(?:取材|調べ|調査|公表|公開|資料|文書|記録|報告書|関係者)[^、。，,「」『』]{0,4}?"
    r"(?:で|により|によって|から)[、,]?\s*)?"
    r"(?:分かった|わかった|判明した|明らかになった|判明)"
    r"(?![\u4e00-\u9fff\u30a0-\u30ffこも])"  # the clause's own verb, not a noun's (「…で分かった事実を公表した」)
)
_COARSE_ADVERBIAL_RE = re.compile(r"\s*(?:[、，,]|には|に(?!予定|開か|行われ|実施さ|も)|から|以降、)")
_AS_OF_RE = re.compile(
    r"\s*(?:午前|午後|早朝|朝|昼|正午|夜|夕方?|未明|深夜)?[0-9０-９時半分\s]*(?:の\s*)?(?:時点|現在|段階)|\s*(?:以来|以降|ぶり|での|まで(?!に))"
)
# 「…事故から、きょう（4日）で1週間です」「震災から11日で半年となった」"Tuesday marks one year since the quake": the day a
# span since a happening reaches a round length, an anniversary, not a happening.
# 「1987年10月20日の3836円を上回り、史上最大となった」「1990年10月2日の2676円を上回って」: the day of the record a figure
# is measured against, not a happening of the text's.
_RECORD_RE = re.compile(r"\s*の[^、。「」]{0,16}?[0-9０-９][^、。「」]{0,12}?(?:を(?:上回|下回|超え|抜)|に次ぐ|以来の)")
_ANNIVERSARY_RE = re.compile(
    r"\s*[）)]?\s*で\s*(?:[0-9０-９]+|[一二三四五六七八九十百]+|半)\s*(?:週間|年|か月|カ月|ヶ月|日|日目|年半)(?:です|となる|となった|を迎え|が(?:経|た)|が過ぎ|に)?"
    r"|\s*,?\s*marks?\s+(?:(?:a|one|two|three|six|\d+)\s+)?(?:weeks?|months?|years?)\s+since\b"
)
# 「昨年12月に結んだ基本合意書を解消した」「2022年に策定した国家安全保障戦略」: a month or year in a relative clause
# dates the noun it describes (background), not the sentence's happening.
_RELATIVE_CLAUSE_RE = re.compile(
    r"\s*に[^、。,]{0,25}?(?:した|った|んだ|いた|えた|きた|せた|れた|けた|めた|だ)(?=[0-9\u4e00-\u9fff\u30a0-\u30ff])"
)
# 「平成11年から…26年間続いてきた」: a year a span starts from, no happening of its own.
_SPAN_START_RE = re.compile(r"\s*から")
# 「4月から30頭を捕獲してきた」「1月から9月までに…748万人」「5月からは下がったものの…状態が続く」: a month a tally or a
# state runs from (to a later date, or still going on), no happening of its own.
_SINCE_RE = re.compile(r"\s*から(?:は|も)?[、，,]?")
_GOES_ON_RE = re.compile(
    r"^[^。．\n]{0,12}?まで|(?:てきた|てきました|てきている|てきています|続く|続いている|続いています|続けている|続けています)[。．]?$"
)


_SINCE_REACH = 200  # characters of the clause after 「から」 read: a sentence's end is nearer in any real text


def _goes_on_since(text: str, m: DateMention) -> bool:
    """A month or year a tally or a state runs from (see `_SINCE_RE`)."""
    since = _SINCE_RE.match(text, m.end)
    if not since:
        return False
    stop = _JA_SENTENCE_END_RE.search(text, since.end(), since.end() + _SINCE_REACH)
    rest = text[since.end() : stop.start() if stop else since.end() + _SINCE_REACH]
    return bool(_GOES_ON_RE.search(rest.rstrip()))


# 「前日の6日」「翌日の7日」: the day named right after dates it.
_RELATIVE_DAY_BEFORE_DAY_RE = re.compile(r"\s*の?\s*[0-9０-９]{1,2}\s*日")
# An English date that names a noun or bounds a span dates no happening of its own sentence.
_EN_NOUN_BEFORE_RE = re.compile(r"\b(?:[Tt]he|of|since|to|until|from|through|ended|ending|by)\s+$")  # by: a deadline
# "Its ruling, dated 17 September, was made public on Monday": a document's stamp, when the clause goes on to the day it
# was made public (which dates it); "In a letter dated Dec. 6, the group urged …" is the letter's day, its happening
_EN_DATED_RE = re.compile(r"\bdated\s+$")
_EN_MADE_PUBLIC_AFTER_RE = re.compile(
    r"[^.;]{0,40}?\b(?:was|were|and|but)\s+(?:only\s+|not\s+)?(?:made public|released|published|disclosed|posted)\b"
)
_EN_POSSESSIVE_RE = re.compile(r"['’]s\b")
_EN_SUBJECT_ON_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:The|A|An|This|That|Its|Their)\s(?:[^.!?,;:\n]|(?<=\d)\.(?=\d)){0,60}?\bon\s+$"
)
_EN_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|[a-z]{3,}ed)\b")
_EN_AS_OF_RE = re.compile(r"\b[Aa]s of\b[^;]{0,16}$")
_EN_IN_RE = re.compile(r"\b(?:[Ii]n|at|during)\s+$")
_EN_KNOWN_ON_RE = re.compile(
    r"\b[Ii]t (?:was|has been|had been) (?:learned|learnt|revealed|found|discovered|disclosed|confirmed)\s+(?:on\s+)?$"
    r"|\b[Ii]t (?:emerged|became known|came to light)\s+(?:on\s+)?$"
)
# 「20日の投開票に向けて」「27日の総会を前に」: a date the happening leads up to, not its own; nor the date of a
# plan called off.
_TARGET_RE = re.compile(
    r"\s*の[^、。,「」]{1,12}?(?:に向け|を前に|を控え|を見据え|まで|を予告|を予定)"
    r"|\s*(?:に|で)(?:予定|計画)(?:して|されて)いた"  # 「4日に予定していた参拝は延期する」: the plan called off
    r"|\s*の(?!閣議)[^、。,「」]{1,12}?(?:の後|のあと|後に|以降)"  # 「9月21日の記録的な大雨の後、」: what followed that
    # day; not 「17日の閣議のあとの記者会見で」, a minister's briefing after the cabinet meeting, the same day's
)
# 「呼びかけが出されたのは北京時間の14日午後10時すぎ（だった）」「日本時間では14日午後11時すぎでした」: the date is the
# sentence's predicate, the time of a happening told before, not one of its own.
_DATE_IS_PREDICATE_RE = re.compile(
    r"(?:\s*(?:午前|午後|朝|夜|夕方?|未明|深夜|昼|正午|ごろ|頃|すぎ|過ぎ|半|[0-9０-９]+\s*(?:時|分|半)))*\s*"
    r"(?:のこと)?(?:だった|でした|です|だ)?\s*[。．]?\s*$"
)
# 「2025年8月20日 公開｜編集部」「2025年4月2日 更新」: a page's own stamp, not a happening.
_STAMP_AFTER_RE = re.compile(r"\s*(?:[0-9:：]+\s*)?(?:公開|更新|配信|掲載|発行|最終更新)(?:日)?\s*(?:[｜|/／:：]|$)")
_KANJI_RUN_RE = re.compile("[\u4e00-\u9fff]+")
_TIME_WORDS = ("午前", "午後", "朝", "夜", "夕", "未明", "深夜", "正午", "早朝", "昼", "晩", "付", "中", "明け")
_VERB_AFTER = ("し", "さ", "す", "せ")
# 「25日放映の米CBSテレビのインタビューで」「27日放送のNHKの番組で」「9日配信の動画で」: the day a programme aired is the
# occasion of the word said in it (as 「13日の記者会見で」 is), not a noun's day as 「27日投開票の日程」 is
_AIRED_OCCASION_RE = re.compile(
    r"(?:放送|放映|配信)の[^、。「」]{0,24}?(?:インタビュー|番組|ポッドキャスト|動画|対談|討論会?)(?:で|に(?:出演|応じ))"
)
_OPEN_END_RE = re.compile(r"(?:には|では|とは|からは|までに|は|が|を|に|で|の|へ|も|から|まで)[、，,]?$")
_PARTICLE_TAIL_RE = re.compile(r"(?:[、,\s]|(?<=[\u4e00-\u9fff\u30a0-\u30ff）)」])(?:と|や|および|及び|ならびに))+$")
_EN_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "gov", "sen", "rep", "gen", "lt", "col", "jr", "sr", "inc", "co", "corp", "vs", "u.s", "u.k",
    "a.m", "p.m", "e.g", "i.e", "approx", "dept", "est",
}  # fmt: skip
_EN_STOP_RE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘(A-Z0-9])")


def dateline_end(text: str, english: bool) -> int:
    """Where the text starts after its dateline (0 when it has none)."""
    m = (_EN_DATELINE_RE if english else _JA_DATELINE_RE).match(text)
    return m.end() if m else 0


def context_spans(text: str, masked: str, english: bool = False) -> list[tuple[int, int]]:
    """Spans whose dates never date an event: local-time asides and quotes (an English speaker's words too: "We
    needed the soldiers here on Wednesday, not now," said a resident; the day is the speaker's, not the report's)."""
    spans = [m.span() for m in _TIME_ASIDE_RE.finditer(text)]
    if "＿" in masked:
        spans += [m.span() for m in _MASKED_RE.finditer(masked)]
    if english:
        spans += english_quote_spans(text)
    return spans


def is_event_date(
    m: DateMention,
    text: str,
    spans: Sequence[tuple[int, int]],
    body_start: int,
    english: bool = False,
    report: dt.date | None = None,
) -> bool:
    """Whether a date mention may date an event (see the module docstring)."""
    if m.start < body_start or (m.relative and m.precision == "year"):
        return False
    if ("週" in m.text and "曜" not in m.text) or m.text.endswith("week"):
        return False  # 先週, 来週, last week: the week, not the day (来週20日 is dated by its 20日)
    if any(s <= m.start < e for s, e in spans):
        return False
    if any(
        rx.match(text, m.end)
        for rx in (_KNOWN_ON_RE, _AS_OF_RE, _TARGET_RE, _STAMP_AFTER_RE, _ANNIVERSARY_RE, _RECORD_RE)
    ):
        return False
    if not english and (_is_predicate(text, m) or starts_a_span(text, m.end)):
        return False
    if not english and "両" in m.text and not BOTH_DAYS_ADVERBIAL.match(text, m.end):
        return False  # 「8月20、21両日の前回調査から」「21、22両日を休日とした」: a noun's days, or days set; not a clause's
    # (「17、18両日、全国世論調査を実施した」「同じ17、18両日に行った調査では」: the days of the clause's act)
    run = _KANJI_RUN_RE.match(text, m.end)
    if (
        m.precision == "day"
        and run
        and not run.group().startswith(_TIME_WORDS)
        and text[run.end() : run.end() + 1] not in _VERB_AFTER
        and not _AIRED_OCCASION_RE.match(text, m.end)
    ):
        return False  # 「27日投開票の日程」: the day names a noun; 「16日発表した」 is a clause
    # 「it was learned Friday that barriers … stayed down」: the day it became known (〜ことが分かった)
    if english and _EN_KNOWN_ON_RE.search(text, max(0, m.start - 40), m.start):
        return False
    if not english and m.precision == "day" and _dates_a_noun_before_its_clauses_day(text, m):
        return False  # 「20日に開業する新駅の周辺で、市は18日、」: a day of what a noun is to be, the clause's is 18日
    if not english and m.precision == "day" and _dates_its_subject_ahead(text, m):
        return False  # 「20日に就任するトランプ次期大統領は、…と批判した」: what the subject is to be, not what it did
    if not english and m.precision == "day" and _FRAMED_NOUN_RE.match(text, m.end):
        return False  # 「市長が3日に示した方針について、議会は…」: the day of the noun the sentence is about
    if english and _EN_FOR_BEFORE_RE.search(text, max(0, m.start - 12), m.start):
        return False  # "called a snap election for April 28", "pencilled in for Sept. 25": the day set, a target
    if english and _EN_PLAN_BEFORE_RE.search(text, max(0, m.start - 60), m.start):
        return False  # "was due to meet allies on Wednesday", "talks had been scheduled for Sunday": a plan's day
    if not english and _in_attribution_aside(text, m):
        return False  # 「…と会う予定（大統領が25日に表明）」: when it was said, in an aside, not when it happens
    if _tally(text, m, english):
        # 「23日までに2人の死亡が確認された」"By Friday, 52 companies had pulled their ads": a count so far
        return False
    if m.precision == "day" and _in_a_past_period(text, m, english, report):
        return False  # 「4月26日から5月29日までの介入額」"between April 26 and May 29": a period's days, no happening
    if _deadline(text, m, english):
        return False  # 「29日までに計画を出すよう指示した」: a deadline set, not the order's day
    if not english and m.precision == "day" and _value_set(text, m):
        return False  # 「回答の期限を4日としていた」: the day a deadline is set to, not the setting's
    if english and _in_english_relative_clause(text, m):
        return False  # 「Trump, who takes office on Jan. 20, has also pressed…」: the date of the noun's fact
    if (
        english
        and m.precision == "day"
        and (_names_a_noun(text, m, report) or _EN_AS_OF_RE.search(text, max(0, m.start - 24), m.start))
    ):
        return False  # 「As of 5 p.m. Friday, 1,821 households were still without water」: a status, not a happening
    if m.precision != "day":  # a month or year dates a clause (「昨年8月、…」「1月に就任」), not a noun (「8月の調査」)
        return (
            not english
            and bool(_COARSE_ADVERBIAL_RE.match(text, m.end))
            and not _RELATIVE_CLAUSE_RE.match(text, m.end)
            and not (m.precision == "year" and _SPAN_START_RE.match(text, m.end))
            and not _goes_on_since(text, m)
        )
    return not (m.text in LAST_DAY_WORDS and _RELATIVE_DAY_BEFORE_DAY_RE.match(text, m.end))


# A day in a relative clause whose verb is still to come (plain non-past form) right before its noun: 「13日に開幕
# する万博」「20日にある会合」 date what the noun is to be.
# 「13日に開幕した」「13日に開幕することを決めた」(こと, hiragana) and 「13日に開幕する。」 are not this, nor a clause that
# goes on past a subject or a past verb (「8日にも山に入った男性が…とみられる遺体で」).
_AHEAD_NOUN_RE = re.compile(
    r"\s*(?:午前|午後|朝|夜|夕方?)?\s*(?:に|から|より)も?[^、。,，「」『』たがは]{0,24}?"
    r"(?:[うくすつぬぶむるぐ]|される|れる|られる)(?=[\u4e00-\u9fff\u30a0-\u30ff「『])"
)
# The noun of such a clause that is its sentence's subject or topic (「20日に就任するトランプ次期大統領は、」「…大統領も」).
_AHEAD_SUBJECT_RE = re.compile(
    r"[\u4e00-\u9fff\u30a0-\u30ff・]{1,24}?(?:氏|さん)?(?:は|も|が)(?=[、，,]|[^、。，,]{0,40}[、，,])"
)


def _dates_its_subject_ahead(text: str, m: DateMention) -> bool:
    """A day in a relative clause still to come (`_AHEAD_NOUN_RE`) whose noun is its sentence's subject, in a sentence
    that does not read future (「20日に就任するトランプ次期大統領も自身のSNSで、…と主張した」「…と非難している」): the day
    is what the subject is to be (its fact, as "Trump, who takes office on Jan. 20, has pressed…" in English), not the
    day of what it did. A clause whose noun is no subject (「13日に開幕する万博の会場で」) or a sentence still to come
    (「…就任する新総裁は、…臨む予定だ」: a plan, dated as plans are) is not this."""
    noun = _AHEAD_NOUN_RE.match(text, m.end)
    if noun is None or not _AHEAD_SUBJECT_RE.match(text, noun.end()):
        return False
    stop = min((i for i in (text.find("。", m.end), text.find("．", m.end)) if i >= 0), default=len(text))
    return not reads_future(mask_quotes(text[m.end : stop + 1]), False)


_CLAUSES_DAY_RE = re.compile(r"[^。．\n「」]{0,80}?(?:[0-9０-９]{1,2}\s*日(?!間)|" + LAST_DAY_ALT + ")")


def _dates_a_noun_before_its_clauses_day(text: str, m: DateMention) -> bool:
    """A day in a relative clause still to come (`_AHEAD_NOUN_RE`) with another day later in its sentence: the
    happening is of that later-written day. The last day of its sentence (「7日から代表質問を行う日程を示した」「来月4日に投開
    票される総裁選で選ばれる新総裁」), such a day is the plan the clause tells, and a timeline keeps plans that are
    dated."""
    noun = _AHEAD_NOUN_RE.match(text, m.end)
    if noun:
        return bool(_CLAUSES_DAY_RE.match(text, noun.end()))
    done = _DONE_NOUN_RE.match(text, m.end)
    return bool(done) and bool(_MAIN_DAY_RE.match(text, done.end()))


# A day in a relative clause, done, right before its noun, with another day later in its sentence (「21日に死去した教皇の
# 葬儀ミサが26日、営まれた」「3日に辞任した社長の後任が10日、決まった」): the sentence tells the later day's happening; the
# clause's day is the noun's, told where that happening is reported. The later day must be the one a lead gives its
# subject (「…が26日、」「香港警察は3日、」: は or が, the day, a comma), not a length or a noun's (「合意した30日の停戦案」),
# a day the fire goes on (「26日に発生した山林火災は27日も燃え続け」: its start is the happening told) or a clause's after
# another (「28日に行われた会談が決裂したあと、今月3日、日本時間の4日に…停止」).
# The later day may be written with its month (「…CEOは7月31日、」) or be an occasion's (「…長官は19日の定例会見で、」「…は
# 13日の閣議後の記者会見で」: the act is of the occasion's day, as 「13日の記者会見で述べた」 is).
_MAIN_DAY_RE = re.compile(
    r"[^。．\n「」]{0,80}?[はが]\s*(?:(?:(?:[0-9０-９]{1,2}\s*月|今月|先月)\s*)?[0-9０-９]{1,2}\s*日|"
    + LAST_DAY_ALT
    + r")"
    r"\s*(?:(?:午前|午後|朝|夜|夕方?|未明|深夜)?\s*[、，,]"
    r"|の(?:午前|午後)?[^、。，,「」]{0,10}?(?:会見|閣議|会合|会議|演説|声明|集会)で)"
)
# (the clause's day may be told with its part of the day: 「16日未明に津波警報を出した気象庁の長官は19日の定例会見で」)
_DONE_NOUN_RE = re.compile(
    r"\s*(?:午前|午後|朝|夜|夕方?|未明|深夜|早朝)?\s*に[^、。,，「」『』たがは]{0,24}?"
    r"(?:した|った|んだ|いた|えた|きた|せた|れた|けた|めた)(?=[\u4e00-\u9fff\u30a0-\u30ff「『])"
)


# A day in a relative clause, done (「3日に示した」「先月5日に発表された」), that dates the noun a sentence is about
# (「…方針について、」「…計画を巡り、」「…発言に対し、」): what the sentence tells is its own predicate's, later and
# undated; the noun's day is told where that happening is reported. 「3日、…方針について」 (a comma after the day)
# dates the sentence and is not this.
_FRAMED_NOUN_RE = re.compile(
    r"\s*(?:午前|午後|朝|夜|夕方?)?\s*に[^、。，,「」]{0,20}?(?:した|った|んだ|いた|えた|きた|せた|れた|けた|めた)"
    r"[^、。，,「」]{0,14}?(?:について|をめぐ(?:り|って)|を巡(?:り|って)|に対し(?:て)?|に関し(?:て)?)[、，,]"
)
# "was due to meet … on Wednesday", "had been scheduled for Sunday": the day of a plan told in the past (what was
# to happen, not what did; "is due to host … on Sunday" in a Friday report is a plan the timeline keeps);
# the plan word must be in the date's own stretch (no comma between): "…, which had been scheduled for Sunday, was
# held on Monday" dates the holding.
_EN_PLAN_BEFORE_RE = re.compile(
    r"\b(?:was|were|had been)\s+(?:due|scheduled|slated|set|expected|planned|poised"
    r"|supposed)\s+(?:to|for)\b[^,;.!?]{0,40}$"
)
# An aside that says who told the clause before it, and when (「（大統領が25日に表明）」「（同社が3日発表）」).
_ASIDE_OPEN_RE = re.compile(r"[（(][^（）()「」]{0,30}$")
_ASIDE_SAID_RE = re.compile(
    r"[^（）()「」]{0,20}?(?:表明|発表|明らかに(?:した)?|述べた|語った|報道|報じた|伝えた|公表)(?:した)?[）)]"
)


def _in_attribution_aside(text: str, m: DateMention) -> bool:
    """A date inside a parenthetical aside that ends with a verb of saying (see `_ASIDE_SAID_RE`)."""
    return bool(_ASIDE_OPEN_RE.search(text, max(0, m.start - 30), m.start)) and bool(_ASIDE_SAID_RE.match(text, m.end))


# A count reached by a day (「12日までに66人にのぼった」「20日までに50社を超えた」"By Sunday, 1,200 homes had been
# damaged"): a tally, not a happening of that day. The figure must follow in the same clause: 「6日までにサイトを開設し
# た」 is a happening done by then. A figure is a number that is not itself a date or a time.
_TALLY_FIGURE = (
    r"[^。、,;.「」\n]{0,30}?(?<![0-9０-９,，.])[0-9０-９][0-9０-９,，.]*(?!\s*(?:日|月|年|時|分|[0-9０-９]))"
)
_TALLY_JA_RE = re.compile(
    r"\s*[）)]?\s*(?:から[^、。,「」]{0,12}?)?までに[、，,]?\s*" + _TALLY_FIGURE
)  # 「5日から27日までに137件」 too
_TALLY_EN_BEFORE_RE = re.compile(r"\b[Bb]y\s+(?:(?:late|early)\s+)?$")
_TALLY_EN_AFTER_RE = re.compile(r"[^.;!?\n]{0,60}?\b\d[\d,.]*\b(?!\s*(?:a\.m\.|p\.m\.|GMT|JST))")


def _tally(text: str, m: DateMention, english: bool) -> bool:
    """A date that bounds a count so far (see `_TALLY_JA_RE`)."""
    if not english:
        return bool(_TALLY_JA_RE.match(text, m.end))
    return bool(_TALLY_EN_BEFORE_RE.search(text, max(0, m.start - 16), m.start)) and bool(
        _TALLY_EN_AFTER_RE.match(text, m.end)
    )


# A period told by its first and last day (「4月26日から5月29日までのおよそ1か月間に」「4月26日～5月29日の9兆円」「6月27日から
# 7月29日にかけて」, "between April 26 and May 29", "from July 19 to July 23"): the span a figure or a state covers (an
# amount, a tally, aid given every day), not a happening of its first day, when it ended before the report (a period
# still running, 「戦闘を同日から22日まで停止すると発表した」, is what was decided that day). Only a span of several days
# (`_PERIOD_DAYS`): 「24日から25日にかけて協議した」 and "from Monday to Tuesday" are the days a happening took; a change of a
# day (「期限を16日から23日に延ばす」) has no まで and is no span.
_PERIOD_DAYS = 4
_PERIOD_JA_RE = re.compile(
    r"\s*(?:から\s*(?:(?P<m1>[0-9０-９]{1,2})\s*月\s*)?(?P<d1>[0-9０-９]{1,2})\s*日\s*(?:まで|にかけ|の間)"
    r"|[~〜～]\s*(?:(?P<m2>[0-9０-９]{1,2})\s*月\s*)?(?P<d2>[0-9０-９]{1,2})\s*日)"
)
_MONTH_EN = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PERIOD_EN_AFTER_RE = re.compile(
    rf"\s+(?:and|to|through|until|till)\s+(?:{_MONTH_EN}\s+)?(?P<day>[0-9]{{1,2}})\b(?!\s*(?:a\.m|p\.m|%))"
)
_PERIOD_EN_BEFORE_RE = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+$")

_SENTENCE_END_EN_RE = re.compile(r"\.\s")
_SENTENCE_END_JA_RE = re.compile(r"[。．]")


def _in_a_past_period(text: str, m: DateMention, english: bool, report: dt.date | None) -> bool:
    """A day that opens or closes a period of several days (see `_PERIOD_JA_RE`) that ended before the report's day:
    a span told whole, as a figure's, or one whose sentence plans (「7月30日から8月28日までの実績を8月30日に公表する予定
    だ」: the figure to come). A period still running at the report (「戦闘を同日から22日まで一時停止すると発表した」
    「10〜15日出発のツアーの中止を決めた」) is what was decided on that day, dated as before."""
    if report is None:
        return False
    period = _opens_a_period(text, m, english) or _closes_a_period(text, m, english)
    if period is None or (period[1] - period[0]).days < _PERIOD_DAYS:
        return False
    if period[1] < report:
        return True
    stop = (_SENTENCE_END_EN_RE if english else _SENTENCE_END_JA_RE).search(text, m.end)
    return reads_future(mask_quotes(text[m.end : stop.end() if stop else len(text)]).strip(), english)


def _opens_a_period(text: str, m: DateMention, english: bool) -> tuple[dt.date, dt.date] | None:
    """A period a day opens, told with its last day: (first, last)."""
    y, mo, d = m.parts
    if mo is None or d is None:
        return None
    if english:
        if not _PERIOD_EN_BEFORE_RE.search(text, max(0, m.start - 10), m.start):
            return None
        after = _PERIOD_EN_AFTER_RE.match(text, m.end)
        if not after:
            return None
        month = MONTHS_EN.index(after["mon"][:3].lower()) + 1 if after["mon"] else mo
        last = int(after["day"])
    else:
        after = _PERIOD_JA_RE.match(text, m.end)
        if not after:
            return None
        month_text = after["m1"] or after["m2"]
        month = int(month_text) if month_text else mo
        last = int(after["d1"] or after["d2"])
    try:
        return dt.date(y, mo, d), dt.date(y + (month < mo), month, last)
    except ValueError:
        return None


_PERIOD_OPENED_JA_RE = re.compile(
    r"(?:(?P<m>[0-9０-９]{1,2})\s*月\s*)?(?P<d>[0-9０-９]{1,2})\s*日\s*(?:[~〜～]|(?P<from>から))\s*$"
)
_PERIOD_CLOSED_JA_RE = re.compile(r"\s*(?:まで|にかけ|の間)")
_PERIOD_OPENED_EN_RE = re.compile(
    rf"\b(?:[Bb]etween|[Ff]rom)\s+{_MONTH_EN}\s+(?P<day>[0-9]{{1,2}})(?:,\s*[0-9]{{4}})?\s+(?:and|to|through|until|till)\s+$"
)


def _closes_a_period(text: str, m: DateMention, english: bool) -> tuple[dt.date, dt.date] | None:
    """A period a day closes, written with its first (「4月26日～5月29日には」, "between April 26 and May 29"): (first,
    last)."""
    y, mo, d = m.parts
    if mo is None or d is None:
        return None
    before = text[max(0, m.start - 30) : m.start]
    if english:
        opened = _PERIOD_OPENED_EN_RE.search(before)
        if not opened:
            return None
        month, first = MONTHS_EN.index(opened["mon"][:3].lower()) + 1, int(opened["day"])
    else:
        opened = _PERIOD_OPENED_JA_RE.search(before)
        if not opened or (opened["from"] and not _PERIOD_CLOSED_JA_RE.match(text, m.end)):
            return None
        month = int(opened["m"]) if opened["m"] else mo
        first = int(opened["d"])
    try:
        return dt.date(y - (month > mo), month, first), dt.date(y, mo, d)
    except ValueError:
        return None


# A deadline set by a demand (「3月15日までに改善計画を提出するよう命じた」「29日までに回答を求めた」): the day by which the demanded act is due, not the day of the order nor of a happening.
# The demand must close the date's own clause: 「6日までにサイトを開設した」 is a happening done by then.
_DEADLINE_JA_RE = re.compile(
    r"\s*(?:[（(][^（）()]{0,12}[）)])?\s*(?:午前|午後|朝|夜|夕方?|正午|中)?\s*(?:[0-9０-９]{1,2}時(?:[0-9０-９]{1,2}分)?)?"
    r"(?:まで|までに)[、，,]?[^。．、，,「」]{0,40}?(?:よう(?:に)?|を|ことを)[、，,]?\s*"
    r"(?:命じ|求め|指示|要請|要求|促し|勧告|指導|通知|通告|申し入れ|迫っ|迫り|迫る)"
)


# 「回答の期限を4日としていた」「売却期限を…来年1月19日に設定した」「投開票日を27日と決めた」: the day a deadline or a date
# noun is set to, a value; the setting is the act, and its own day, if told, is another (「政府は8日、期限を…」)
_VALUE_NOUN_BEFORE_RE = re.compile(
    r"(?:期限|期日|締め?切り?|日程|投開票日|投票日|施行日|発効日|開始日)を[^、。，,「」]{0,24}$"
)
_VALUE_SET_AFTER_RE = re.compile(
    r"\s*(?:午前|午後|正午|中)?\s*(?:[0-9０-９]{1,2}時(?:[0-9０-９]{1,2}分)?)?\s*(?:まで)?\s*(?:に|と)\s*"
    r"(?:設定|定め|決め|指定|延長|延ば|変更|前倒し|繰り上げ|し(?:た|て|ていた|ました)|する)"
)


def _value_set(text: str, m: DateMention) -> bool:
    """Whether a Japanese day is the value a deadline or a date noun is set to (`_VALUE_NOUN_BEFORE_RE`)."""
    return bool(_VALUE_NOUN_BEFORE_RE.search(text, max(0, m.start - 40), m.start)) and bool(
        _VALUE_SET_AFTER_RE.match(text, m.end)
    )


def _deadline(text: str, m: DateMention, english: bool) -> bool:
    """A Japanese date that is the deadline of a demand (see `_DEADLINE_JA_RE`; an English "by Friday" already dates
    no event)."""
    return not english and bool(_DEADLINE_JA_RE.match(text, m.end))


# 「…, who takes office on Jan. 20, …」「…, which took effect on Aug. 7, …」: a clause set off by commas that describes a noun.
_EN_RELATIVE_OPEN_RE = re.compile(r",\s+(?:who|which|whose)\b[^,;.!?]*$")
_EN_RELATIVE_CLOSE_RE = re.compile(r"[^,;.!?]*,")


def _in_english_relative_clause(text: str, m: DateMention) -> bool:
    """An English date inside a non-restrictive relative clause (between commas) that is not in the past: it dates
    what the noun is or will be (「…, who takes office on Jan. 20, …」), not a happening; a past one (「…, who announced
    the deployment on Tuesday, …」) tells a happening as well as any main clause, unless it is in the past perfect
    (「…, who had told reporters on Thursday that…, …」): what came before the sentence's happening."""
    opened = _EN_RELATIVE_OPEN_RE.search(text, max(0, m.start - 80), m.start)
    if not opened or not _EN_RELATIVE_CLOSE_RE.match(text, m.end, m.end + 120):
        return False
    if _EN_PLUPERFECT_RE.search(opened.group()):
        # 「Trump, who had told reporters on Thursday that…, later urged…」: what came before, the background
        return True
    return not _EN_PAST_CLAUSE_RE.search(opened.group())


_EN_PLUPERFECT_RE = re.compile(r"\bhad\s+(?:not\s+|already\s+|just\s+|earlier\s+)?(?:been\s+)?[a-z]{3,}")
_EN_PAST_CLAUSE_RE = re.compile(
    r"\b(?:was|were|had|did|[a-z]{2,}ed|said|told|met|made|took|gave|won|lost|held|began|struck|went|came|wrote"
    r"|spoke|left|sent|sought|brought|chose|fell|rose|found|kept|led|paid|sold|withdrew|became)\b"
)


def _is_predicate(text: str, m: DateMention) -> bool:
    """A Japanese date that ends its sentence as its predicate (see `_DATE_IS_PREDICATE_RE`), after 「…のは」 or
    「…時間では」."""
    reach = min(len(text), m.end + _PREDICATE_REACH)  # a date's own sentence is read this far each way at most: a
    stop = _JA_SENTENCE_END_RE.search(text, m.end, reach)  # text of dates without a full stop costs no more per date
    if stop is None and reach < len(text):
        return False
    tail = text[m.end : stop.end() if stop else reach]
    if not (_DATE_IS_PREDICATE_RE.match(tail) or _RESTATED_RE.match(tail)):
        return False
    floor = max(0, m.start - _PREDICATE_REACH)
    start = max(text.rfind("。", floor, m.start), text.rfind("\n", floor, m.start), floor - 1) + 1
    return bool(_CLEFT_RE.search(text, start, m.start))


_PREDICATE_REACH = 300


_JA_SENTENCE_END_RE = re.compile(r"[。．\n]")
# 「30日午前8時37分に最初の注意報を出してから、約32時間ぶりに全ての津波情報が解けた」: the day a span started, not
# the day of the sentence's happening.
_STARTS_A_SPAN_RE = re.compile(
    r"(?:[^。．\n]{0,40}?てから"
    r"|の[^、。．\n]{1,12}?から)"  # 「6月8日の停止から、約2か月ぶりの本格復旧となる」: the 8th is when the span began
    r"[、，,]?\s*(?:約|およそ|ほぼ)?[0-9０-９]+\s*(?:時間|日|日間|週間|か月|カ月|ヶ月|年)ぶり"
)
# 「…のは北京時間の14日午後10時すぎ、日本時間では14日午後11時すぎでした」: the same moment told in another zone next
_RESTATED_RE = re.compile(
    r"(?:\s*(?:午前|午後|朝|夜|夕方?|未明|深夜|昼|正午|ごろ|頃|すぎ|過ぎ|半|[0-9０-９]+\s*(?:時|分|半)))*\s*[、，]"
    r"[^、。]{0,8}時間"
)
_CLEFT_RE = re.compile(r"のは|時間では|時間で")


def starts_a_span(text: str, at: int) -> bool:
    """Whether the date or hour ending at `at` is when a span started (see `_STARTS_A_SPAN_RE`)."""
    return bool(_STARTS_A_SPAN_RE.match(text, at))


def dates_the_subject(text: str, m: DateMention) -> bool:
    """An English date inside its sentence's subject, before any verb (「The magnitude 7.6 earthquake on Jan. 1
    killed more than 370 people」): what the sentence goes on to say is about that happening, told again."""
    subject = _EN_SUBJECT_ON_RE.search(text[max(0, m.start - 80) : m.start])
    return bool(subject) and not _EN_VERB_RE.search(subject.group())


def _names_a_noun(text: str, m: DateMention, report: dt.date | None = None) -> bool:
    """An English date naming a noun or bounding a span (「the July 22 agreement」「the quake of Jan. 1」「since the
    July 20 election」「retroactively to Aug. 7」「hit by Tuesday's collision」); 「in Sunday's election」 dates
    what happened in it."""
    if _EN_DATED_RE.search(text, max(0, m.start - 8), m.start):
        return bool(_EN_MADE_PUBLIC_AFTER_RE.match(text, m.end))
    if _EN_NOUN_BEFORE_RE.search(text, max(0, m.start - 12), m.start):
        # (not the part of a day it names, "in the early hours of Wednesday", "on the morning of Sept. 30", unless in what
        # had been, "…said Russia had evacuated him … on the evening of Dec. 8", or of a day years back, "walked into the
        # studio on the morning of July 18, 2019" in a 2024 report: the background recalled)
        return (
            not _EN_PART_OF_DAY_RE.search(text, max(0, m.start - 24), m.start)
            or bool(_EN_HAD_DONE_RE.search(text, max(0, m.start - 100), m.start))
            or _long_before(m, report)
        )
    return bool(_EN_POSSESSIVE_RE.match(text, m.end)) and not _EN_IN_RE.search(text, max(0, m.start - 8), m.start)


PART_OF_DAY_BACK_DAYS = 400  # a day this long before its report is the background's, however its hour is told


def _long_before(m: DateMention, report: dt.date | None) -> bool:
    return report is not None and m.value < (report - dt.timedelta(days=PART_OF_DAY_BACK_DAYS)).isoformat()


_EN_FOR_BEFORE_RE = re.compile(r"\bfor\s+(?:next\s+|this\s+)?$")
_EN_PART_OF_DAY_RE = re.compile(r"\b(?:hours|morning|afternoon|evening|night)\s+of\s+$")
_EN_HAD_DONE_RE = re.compile(r"\bhad\s+(?:been\s+)?[a-z]+(?:ed|en|t)\b")
_TIME_OF_DAY_RE = re.compile(r"[^\S\n]*(?:午前|午後|朝|夜|夕方?|未明|深夜|昼)?[^\S\n]*")
_JST_BEFORE_RE = re.compile(r"日本時間の?\s*$")
_EN_OTHER_ZONE_RE = re.compile(r"\s*(?:\([^()]{0,30}|,?\s*(?:which|when) (?:was|is) (?:already |still )?)$")
_LOCAL_BEFORE_RE = re.compile(r"(?:現地|米?東部|米国東部|ワシントン|欧州|英国)時間の?\s*$")


def other_zone_date(m: DateMention, text: str, following: DateMention | None) -> str | None:
    """The date of the same moment in the other time zone, when the text gives or implies one (`following`: the
    date mentioned next in the text): the aside right after it (「16日（日本時間17日）」), or one day off for a date given in Japan time (「日本時間の17日」,
    abroad the day before) or in local time abroad (「米東部時間16日」, in Japan the day after)."""
    if m.precision != "day":
        return None
    gap = _TIME_OF_DAY_RE.match(text, m.end)
    aside = _TIME_ASIDE_RE.match(text, gap.end() if gap else m.end)
    if aside:
        inside = following and aside.start() <= following.start < aside.end() and following.precision == "day"
        return following.value if inside and following else None
    if (
        following is not None
        and following.precision == "day"
        and _EN_OTHER_ZONE_RE.match(text, m.end, following.start)
        and abs((dt.date.fromisoformat(following.value) - dt.date.fromisoformat(m.value)).days) == 1
    ):
        return following.value  # 「1:25 p.m. Hawaii time on Tuesday, which was already Wednesday morning in Japan」
    before = text[max(0, m.start - 12) : m.start]
    shift = -1 if _JST_BEFORE_RE.search(before) else 1 if _LOCAL_BEFORE_RE.search(before) else 0
    if not shift:
        return None
    return (dt.date.fromisoformat(m.value) + dt.timedelta(days=shift)).isoformat()


def english_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of English text (abbreviations such as Mr. and Oct. do not end a sentence)."""
    spans, start = [], 0
    for m in _EN_STOP_RE.finditer(text):
        before = text[start : m.start()].rstrip("\"”’'")
        word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.strip() else ""
        if word in _EN_ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_MASKED_RE = re.compile("＿+")
_RANGE_GAP_RE = re.compile(r"^\s*[~〜～\-–—−]\s*$")


def segments(
    sentence: str, masked: str, mentions: list[DateMention], offset: int, english: bool
) -> list[tuple[DateMention, str]]:
    """One (date, clause) per event date of a sentence; `mentions` are its event dates, in order."""
    if any(m.precision == "day" for m in mentions):
        mentions = [m for m in mentions if m.precision == "day"]  # coarser dates are context then
    dates: list[DateMention] = []
    for m in mentions:
        if dates and _RANGE_GAP_RE.match(sentence[dates[-1].end - offset : m.start - offset] or "x"):
            continue  # 1998～1999 年: one event, the range's start
        if dates and not english and (moment := _one_moment(sentence, dates[-1], m, offset)):
            dates[-1] = moment  # 「現地時間の2日、日本時間の3日朝に声明を出し」: one moment told in two zones
            continue
        dates.append(m)
    if english:
        return _english_clauses(sentence, dates, offset)
    listed = _listed_days(sentence, dates, offset)
    if listed:
        # 「8月30日と今月6日に証人尋問を行い」: one act on each day of the list, each its own happening, told by the
        # clause its list's first day dates (the other days of the list go through the rules below as that one)
        later = {id(n) for days in listed.values() for n in days}
        heads = segments(sentence, masked, [m for m in dates if id(m) not in later], offset, english)
        return [pair for m, text in heads for pair in [(m, text), *((n, text) for n in listed.get(m, ()))]]
    own = _subjects_days(sentence, dates, offset)
    if own:
        # the topic's own day is a happening of its own, told by the clause up to the topic (「21日に就任した長官」);
        # the rest date the predicate, told by the whole sentence
        rest = [m for m in dates if m not in own]
        return [(m, _topic_clause(sentence, m, offset)) for m in own] + segments(
            sentence, masked, rest, offset, english
        )
    if len(dates) == 1:
        return [(dates[0], sentence)]
    cuts, kept = [0], [dates[0]]
    for m in dates[1:]:
        local = m.start - offset
        since = max(cuts[-1], kept[-1].end - offset)  # a boundary between the two dates, not before the first
        comma = max(masked.rfind("、", since, local), masked.rfind("，", since, local))
        if comma < since or not sentence[cuts[-1] : comma].strip():
            continue  # no clause boundary before it: the clause's first date dates it
        cuts.append(comma + 1)
        kept.append(m)
    cuts.append(len(sentence))
    parts = [(m, sentence[cuts[i] : cuts[i + 1]]) for i, m in enumerate(kept)]
    merged: list[tuple[DateMention, str]] = []
    for m, text in parts:  # 「…あとの先月30日には、」 says nothing until the clause after it: one clause
        framed = bool(merged) and bool(_FRAME_END_RE.search(merged[-1][1].rstrip()))
        # 「…発言をしていたが、同社は28日、…公表した」「…了承を得たうえで、翌13日、…請求した」: what had been, or a step
        # taken first, then the later day's act the sentence tells; one clause, of the later day
        framed = framed or (
            bool(merged) and m.value > merged[-1][0].value and bool(_BEFORE_THE_ACT_RE.search(merged[-1][1].rstrip()))
        )
        if framed:
            # 「13日夜、…足止めされた問題で、協会が18日に陳謝した」: the frame's day is background; the predicate's
            # day is the happening's
            merged[-1] = (m, merged[-1][1] + text)
        elif merged and _PARALLEL_DAY_RE.match(text) and _PARALLEL_OPEN_RE.search(merged[-1][1].rstrip()):
            # 「10日にSVBが、12日にはシグネチャー・バンクが相次いで破綻した」「12日にAを補佐官に、翌13日にはBを国務長官
            # に起用すると発表し」: two days of one predicate, each its own happening; the first clause borrows the predicate
            merged[-1] = (merged[-1][0], merged[-1][1] + text)
            merged.append((m, text))
        elif merged and _OPEN_END_RE.search(merged[-1][1].rstrip()) and (each := _EACH_RE.search(text)):
            # 「10月21日に本部長が、11月27日には検事正が、それぞれ自宅を訪れて謝罪した」: two doers on two days, one
            # predicate for each
            merged[-1] = (merged[-1][0], merged[-1][1] + text[each.start() :])
            merged.append((m, text))
        elif (
            merged
            and _OPEN_END_RE.search(merged[-1][1].rstrip())
            and not (len(merged) == 1 and _closed_by_but(merged[-1][1], masked, m.value != merged[-1][0].value))
        ):
            merged[-1] = (merged[-1][0], merged[-1][1] + text)
        else:
            merged.append((m, text))
    return merged


# A day inside a relative clause that describes the sentence's topic (「21日に就任したばかりの長官は22日、…説明した」
# 「5月22日に発効した停戦は、29日に延長で合意した」): the day of what the topic did or was before, not the day of
# the predicate, which a later day of the sentence dates: two happenings, each of its day. (Not a setting,
# 「12日に開かれた会合で、…決めた」, whose day is the predicate's own; nor a time noun, 「就任した後」「発表した際」, a frame
# the clause rules read.)
_SUBJECTS_DAY_RE = re.compile(
    r"\s*(?:午前|午後|朝|夕方?|夜|未明|深夜)?\s*(?:に|から)[^、。，,「」『』]{0,30}?[\u3040-\u309f\u4e00-\u9fff][ただ]"
    r"(?:ばかりの|ばかりだった)?"
    r"(?!時点|際|時|後|直後|前|直前|以降|以来|当日|翌日|翌朝|当時|矢先|途中|結果|上|末|ばかり|うえ|こと|もの|ため|とき)"
    r"[0-9０-９\u4e00-\u9fff\u30a1-\u30fa][^、。，,「」『』]{0,24}?(?<![でにとへて])は"
)


# A later day that dates a predicate: an adverbial (「22日、」「29日に」「翌13日には」) or an occasion's (「19日の定例会見で」),
# not a noun's (「31日の決算に響いた」: the first day stays the sentence's)
_PREDICATES_DAY_RE = re.compile(
    r"\s*(?:午前|午後|朝|夕方?|夜|未明|深夜|昼)?\s*(?:[、，,]|に|から"
    r"|の(?:午前|午後)?[^、。，,「」]{0,10}?(?:会見|閣議|会合|会議|演説|声明|集会)で)"
)


# Two days of one list that share its clause's act (「8月30日と今月6日に…尋問を行い」「5日や12日にも集会を開いた」): a
# join, and after the last day the adverbial that makes the list the act's time. Not a comma (「首相は20日、23日に会談を
# 行う方針を示した」: the opener's day, then a plan's), nor a range (「13日から15日」: one span, dated by its start), nor
# days that modify a noun (「3日と10日の会合で」: each a meeting of its own, which the clause dates by the first anyway).
_LIST_JOIN_RE = re.compile(r"\s*(?:と|や|・|および|及び|並びに|ならびに)\s*")
_LIST_TIME_RE = re.compile(r"\s*(?:の\s*両日)?\s*(?:に(?!比べ|対し|向け|迫|控え|及)|には|にも|、|，)")


# The English list: "on Aug. 30 and Sept. 6", "on Monday, Wednesday and Friday"; not a span's ends ("between Aug. 30 and
# Sept. 6", "from Monday and …") nor days of a noun ("the Aug. 30 and Sept. 6 hearings": the time goes on into a word)
_EN_LIST_JOIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:on\s+)?")
_EN_LIST_SPAN_RE = re.compile(
    r"\b(?:between|from|until|through|to)\s+(?:the\s+)?$"
    # "his first speech since the explosions on Tuesday and Wednesday": the days of what a clause counts from
    r"|\b(?:since|after|before|following|ahead\s+of|amid|despite)\b[^,;:]{0,60}$",
    re.IGNORECASE,
)


def _listed_days(
    sentence: str, dates: list[DateMention], offset: int, *, english: bool = False
) -> dict[DateMention, list[DateMention]]:
    """The days of a sentence that follow another day of the same list (above): each list's first day, with the later
    days of its list; empty when the sentence holds no such list."""
    lists: dict[DateMention, list[DateMention]] = {}
    head: DateMention | None = None
    join = _EN_LIST_JOIN_RE if english else _LIST_JOIN_RE
    for a, b in pairwise(dates):
        joined = (
            a.precision == b.precision == "day"
            and a.value < b.value
            and bool(join.fullmatch(sentence, a.end - offset, b.start - offset))
        )
        head = (head or a) if joined else None
        if head is not None:
            lists.setdefault(head, []).append(b)
    # the list is the act's time only when its last day is an adverbial; a list that names nouns stays one clause
    if english:
        return {
            h: days
            for h, days in lists.items()
            if _EN_LIST_ON_RE.search(sentence, 0, h.start - offset)
            and not _EN_LIST_SPAN_RE.search(sentence, 0, h.start - offset)
            and not _EN_LIST_NOUN_RE.match(sentence, days[-1].end - offset)
        }
    return {
        h: days
        for h, days in lists.items()
        if _LIST_TIME_RE.match(sentence, days[-1].end - offset)
        and not _LIST_OF_A_NOUN_RE.match(sentence, days[-1].end - offset)
    }


# the list's act told in a clause that describes a noun (「4月29日と5月1日に介入したとみられる水準を下回った」「3日と10日に
# 開かれた会合で」): the days are the noun's, and the sentence tells something else
_LIST_OF_A_NOUN_RE = re.compile(
    r"\s*に[^、。「」]{0,25}?[たる](?:とみられる|とされる|とみられた|とされた)?(?=[\u4e00-\u9fff\u30a1-\u30fa])"
)


_EN_LIST_ON_RE = re.compile(r"\bon\s+(?:the\s+)?$")  # the list is the time its verb took place on
# a noun the days modify ("on Aug. 30 and Sept. 6 hearings" is rare; "on Monday and Tuesday nights" is still the time)
_EN_LIST_NOUN_RE = re.compile(r"(?:,\s*\d{4})?\s+(?:hearings?|meetings?|sessions?|talks|votes?|elections?|attacks?)\b")


def _topic_clause(sentence: str, m: DateMention, offset: int) -> str:
    """The clause of a topic's own day (see `_SUBJECTS_DAY_RE`): from the sentence's start to the topic, its は cut."""
    end = _SUBJECTS_DAY_RE.match(sentence, m.end - offset)
    return sentence[: end.end() - 1] if end else sentence


def _subjects_days(sentence: str, dates: list[DateMention], offset: int) -> list[DateMention]:
    """The days of a Japanese sentence that only describe the sentence's topic (see above), each with a later day
    after it to date the predicate."""
    return [
        m
        for i, m in enumerate(dates)
        if m.precision == "day"
        and any(
            n.precision == "day" and n.value > m.value and _PREDICATES_DAY_RE.match(sentence, n.end - offset)
            for n in dates[i + 1 :]
        )
        and _SUBJECTS_DAY_RE.match(sentence, m.end - offset)
    ]


# 「現地時間の2日、日本時間の3日朝に」「日本時間の22日午後、現地時間では21日夜に」「現地時間の25日午後2時45分、日本時間
# の26日午前6時45分から」: a day, maybe its part of day and clock time, a comma, and the same moment's day in another zone
_ZONE_BEFORE_RE = re.compile(r"時間(?:では|で)?の?\s*$")
_ZONE_GAP_RE = re.compile(
    r"^\s*(?:午前|午後|早朝|朝|昼(?:すぎ|過ぎ|前)?|正午(?:すぎ|過ぎ)?|夕方?|夜|未明|深夜)?\s*"
    r"(?:[0-9０-９]{1,2}\s*時\s*(?:[0-9０-９]{1,2}\s*分|半)?\s*(?:ごろ|頃|すぎ|過ぎ)?)?\s*[、，,]\s*"
    r"(?:日本|現地|[^、。，,「」]{1,8})時間(?:では|で)?の?\s*$"
)


def _one_moment(sentence: str, first: DateMention, second: DateMention, offset: int) -> DateMention | None:
    """The day to date a clause by when it gives its moment in two time zones, one after the other (「国防総省の報道官
    は、現地時間の2日、日本時間の3日朝に声明を出し」「…は日本時間の22日午後、現地時間では21日夜に投稿し」): the local
    day (the one not in Japan time), as the reports from where it happened date it. None when the two days are not one
    moment's (more than a day apart, or no zone named before each)."""
    if first.precision != "day" or second.precision != "day":
        return None
    try:
        gap = abs((dt.date.fromisoformat(second.value) - dt.date.fromisoformat(first.value)).days)
    except ValueError:
        return None
    start = first.start - offset
    if gap > 1 or not _ZONE_BEFORE_RE.search(sentence[max(0, start - 8) : start]):
        return None
    if not _ZONE_GAP_RE.match(sentence[first.end - offset : second.start - offset]):
        return None
    return second if _JST_BEFORE_RE.search(sentence[max(0, start - 8) : start]) else first


_CLOSED_BY_BUT_RE = re.compile(r"(?:[ただるす]|ない)が[、，,]$")  # 「…可決したが、」「…ですが、」: a verb, then but
_HAD_BEEN_BUT_RE = re.compile(r"(?:ていた|ていました)が[、，,]$")
# 「下院は」, not 「現場では」「同日には」
_OPENING_TOPIC_RE = re.compile(r"^\s*[^、。，,「」は]{1,30}?(?<![でにと])は")


def _closed_by_but(clause: str, masked: str, another_day: bool) -> bool:
    """A sentence's opening clause, on its own topic, told whole up to its verb and the conjunction が, before a clause
    of another day (「下院は今月2日、…大筋可決したが、6日の逐条審議で…否決され」「米国は4日に…関税を発動したが、…6日に
    適用を猶予した」): two happenings, the later day's no rest of the first. Not a clause told as what had been
    (「…発言をしていたが、同社は28日、…回答した」: the background the news is set against), nor one opened by a frame of
    place or time (「現場では、…完成しましたが、翌2日、…」: one scene's course)."""
    text = clause.rstrip()
    return (
        another_day
        and bool(_CLOSED_BY_BUT_RE.search(text))
        and not _HAD_BEEN_BUT_RE.search(text)
        and bool(_OPENING_TOPIC_RE.match(masked))
    )


# 「…が、それぞれ…した」: a predicate that each of the clauses before it shares
_EACH_RE = re.compile(r"(?<=[が、])それぞれ")
# Two clauses opened by their days alike (「10日にSVBが、12日にはシグネチャー・バンクが」「12日にAを補佐官に、翌13日には
# Bを」): the second opened by its day and に, the first by a day and に and left open by its case particle
_PARALLEL_DAY_RE = re.compile(r"\s*(?:翌|同月|今月|先月)?\s*[0-9０-９]{1,2}\s*日\s*(?:には|に)[^、。]*?[がを]")
_PARALLEL_OPEN_RE = re.compile(r"[0-9０-９]\s*日\s*(?:には|に)[^、。]*?[がをに][、，,]$")


# A clause told as what had been (〜ていたが、) or as the step done first (〜たうえで、): background to the act after it
_BEFORE_THE_ACT_RE = re.compile(r"(?:(?:て|で)(?:い|おり|おりまし|いまし)たが|[ただ](?:うえ|上)で)[、，,]$")


# A clause that names the matter the sentence is about (`FRAME`): what it tells came before; the sentence's
# happening is the next clause's.
_FRAME_END_RE = re.compile(FRAME.pattern + "$")


# 「The company contacted police on June 9 and reported the outage … on Wednesday」「… were completed on Feb. 1, and
# residents began moving in on Feb. 3」: a second predicate joined by and, with a day of its own, is a second happening
# of the same doer or of another named one, maybe with its place ("…, and prosecutors in Kushiro indicted him on Oct. 9";
# "Finland announced … on Sunday, and Sweden's government followed on Monday";
# not of a pronoun's: "…, and it reappeared on Sunday" goes on telling one thing's course)
_EN_AND_ACT_RE = re.compile(
    r"(?:,\s*|\s+)and\s+(?P<subject>(?:the\s+)?(?:[A-Z][a-z]+['’]s\s+[a-z]{4,}|[a-z]{3,}s|[A-Z][a-z]+)"
    r"(?:\s+(?:in|of|from|at)\s+[A-Z][a-z]+)?\s+)?"
    r"(?=(?:[a-z]{2,}ed|began|took|met|made|went|came|held|gave|won|lost|left|told|died|ran|fell|rose|sent|spoke|wrote|flew)\b)"
)
# (「…, and left the Nikkei below the record close it set on July 11」: the second day is a relative clause's)
_EN_CLAUSE_OWN_SUBJECT_RE = re.compile(r"\b(?:it|he|she|they|we|which|that|who)\s+(?:had\s+|has\s+)?[a-z]{2,}\b")


# A day counted forward from the day before it in its sentence ("the next day", "the following day", "two days later",
# "a day later"; not "the day after <noun>", which names its own anchor)
_EN_LATER_DAY_RE = re.compile(
    r"(?i)(?:the\s+(?:next|following)\s+day|(?:a|one|two|three|four|five|six|[2-6])\s+days?\s+later)$"
)
# a clause joined by ", and" or ";" whatever follows (", and two days later the group…", ", and a further 50 … the
# following day"): the second clause's own day is the later one
_EN_CLAUSE_AND_RE = re.compile(r",\s+and\s+|;\s+")
# A sentence opened by a clause that sets the time of its main clause ("When X announced on May 16 that …, the fund hit
# back the next day"): what it tells is the main clause's
_EN_TIME_OPENER_RE = re.compile(r"(?:When|After|Once|As soon as|Shortly after|Soon after)\b")
LATER_DAY_MOST = 7  # days: "a week later" is a span, not a day told of the same course


def counted_forward(a: DateMention, b: DateMention) -> bool:
    """Whether `b` is a day told as so many days after `a`, the day before it in its sentence ("On 21 March the court
    ruled, and two days later the group announced a break"; "When Fuji announced on May 16…, the fund hit back the
    next day"): the day of its own clause, counted from `a` (the scanner resolves it so)."""
    if a.precision != "day" or b.precision != "day" or not _EN_LATER_DAY_RE.search(b.text):
        return False
    try:
        gap = (dt.date.fromisoformat(b.value) - dt.date.fromisoformat(a.value)).days
    except ValueError:
        return False
    return 0 < gap <= LATER_DAY_MOST


# "The raid came a day after Wickremesinghe took the oath of office on Thursday", "The ruling came two days after Sunak
# sacked Braverman on Monday": the one day told is the earlier happening's, which the clause after "after" tells; the
# sentence's own happening is so many days later, and told before ("The ruling", "The announcement", "It": the
# happening of the sentence before, dated there), so the day dates the clause, not the sentence (not a relative
# clause's day: ", who on March 25 had urged…")
_EN_DAYS_AFTER_RE = re.compile(
    r"^(?P<main>[A-Z][^,;:!?]{2,80}?)\s+(?P<n>a|one|two|three|four|five|six)\s+days?\s+after\s+(?P<clause>[^;!?]*)$"
)


def _days_after(sentence: str, dates: list[DateMention], offset: int) -> list[tuple[DateMention, str]] | None:
    """The happening of a sentence whose only day is told in its "N days after …" clause (`_EN_DAYS_AFTER_RE`): the
    clause's, of that day; None when it is not one."""
    if len(dates) != 1 or dates[0].precision != "day":
        return None
    m = dates[0]
    told = _EN_DAYS_AFTER_RE.match(sentence, 0, m.start - offset)
    if told is None or _EN_RELATIVE_OPEN_RE.search(told["clause"]) or ", " in told["clause"]:
        return None
    return [(m, sentence[told.start("clause") :])]


def _english_clauses(sentence: str, dates: list[DateMention], offset: int) -> list[tuple[DateMention, str]]:
    """An English sentence's happenings: one, unless a predicate joined by and tells another day of its own, or a
    clause joined by and tells a day counted forward from the first clause's (`counted_forward`); one told so many
    days after an earlier happening's day is that happening's, told by its clause (`_days_after`)."""
    if (after := _days_after(sentence, dates, offset)) is not None:
        return after
    listed = _listed_days(sentence, dates, offset, english=True)
    if listed:
        # "questioned him on Aug. 30 and Sept. 6": one act on each day of the list, each its own happening
        later = {id(n) for days in listed.values() for n in days}
        heads = _english_clauses(sentence, [m for m in dates if id(m) not in later], offset)
        return [pair for m, text in heads for pair in [(m, text), *((n, text) for n in listed.get(m, ()))]]
    cuts, ends = [0], []
    groups: list[list[DateMention]] = [[dates[0]]]
    for a, b in pairwise(dates):
        lo, hi = a.end - offset, b.start - offset
        joins = list(_EN_AND_ACT_RE.finditer(sentence, lo, hi))
        later = list(_EN_CLAUSE_AND_RE.finditer(sentence, lo, hi)) if counted_forward(a, b) else []
        if (
            a.precision == b.precision == "day"
            and a.value != b.value
            and joins
            and not _EN_CLAUSE_OWN_SUBJECT_RE.search(sentence, joins[-1].end(), hi)
        ):
            ends.append(joins[-1].start())
            cuts.append(joins[-1].start("subject") if joins[-1]["subject"] else joins[-1].end())
            groups.append([b])
        elif later and not _EN_RELATIVE_OPEN_RE.search(sentence, 0, later[-1].start()):
            # (not inside a relative clause: "…Rajapaksa, who fled on 13 July and resigned the following day" tells
            # the noun's course, and its days stay the relative clause's)
            ends.append(later[-1].start())
            cuts.append(later[-1].end())
            groups.append([b])
        else:
            groups[-1].append(b)
    ends.append(len(sentence))
    return [
        (_happened_on(sentence[cuts[i] : ends[i]], g, offset + cuts[i]), sentence[cuts[i] : ends[i]])
        for i, g in enumerate(groups)
    ]


_EN_REPORTED_ON_RE = re.compile(
    r"\b(?:said|says|told [\w ]{1,20}?|announced|confirmed|reported|disclosed|revealed)\s+(?:on\s+|late\s+|early\s+)?$"
)


_EN_ON_RE = re.compile(r"\bon\s+$")
# who said it, after a comma, and the day of the saying (", the ministry said on Wednesday"; not "the agreement announced
# a day earlier": a participle naming the thing)
_EN_SAID_AFTER_RE = re.compile(
    r",\s+(?:[\w.'-]+\s+){1,6}?(?:said|says|told\s+[\w ]{1,20}?|announced|confirmed)\s+(?:on\s+|late\s+|early\s+)?$"
)


# A relative clause that tells the subject's fact, the start of the post it holds ("who took office on Oct. 1", "who
# was elected prime minister on Tuesday", "who became chairman on Dec. 1"), not an act the sentence may be about ("who
# apologised on Sunday, said on Monday…": the apology is the happening a statement follows up)
_EN_TOOK_OFFICE_RE = re.compile(
    r"\b(?:took office|took over|was sworn in|was (?:re-?)?elected|was appointed|was named|was inaugurated|became"
    r"|assumed (?:office|the)|came to power)\b"
)


def _relative_clause_end(sentence: str, m: DateMention, offset: int) -> int | None:
    """Where the non-restrictive relative clause that tells the post its noun took (`_EN_TOOK_OFFICE_RE`: 「, who took
    office on Oct. 1 …,」) and holds the date `m` closes, in `sentence` (which starts at `offset` of the passage); None
    when the date is in no such clause."""
    start, end = m.start - offset, m.end - offset
    opened = _EN_RELATIVE_OPEN_RE.search(sentence, max(0, start - 80), start)
    if opened is None or not _EN_TOOK_OFFICE_RE.search(opened.group()):
        return None
    closed = _EN_RELATIVE_CLOSE_RE.match(sentence, end, end + 120)
    return closed.end() if closed else None


def _happened_on(sentence: str, dates: list[DateMention], offset: int) -> DateMention:
    """An English sentence's date: its first, unless that is the day something was said of an earlier
    happening (「The ministry said on Friday the minister had resigned on Monday」: Monday)."""
    first = dates[0]
    if len(dates) > 1 and _EN_TIME_OPENER_RE.match(sentence):
        # "When Fuji Media announced on May 16 that …, the fund hit back the next day": the opening clause sets the
        # time; the main clause after its comma, dated so many days later, tells the happening
        comma = sentence.find(", ", first.end - offset)
        main = [m for m in dates[1:] if counted_forward(first, m) and 0 <= comma < m.start - offset]
        if main:
            return main[0]
    if len(dates) > 1 and (after := _relative_clause_end(sentence, first, offset)) is not None:
        # "Muto, who took office on Oct. 1 in Ishiba's Cabinet, toured the plant on Oct. 5": the first day is the
        # subject's fact told in a relative clause; the main clause's own day dates what the sentence tells
        main = [m for m in dates[1:] if m.precision == "day" and m.start - offset >= after]
        if main:
            return main[0]
    if len(dates) > 1 and first.precision == "day":
        # "The ban takes effect starting on Saturday, the ministry said on Wednesday": a day ahead of the saying told
        # after it is what was said would happen; the sentence's happening is the saying, on its own day
        said = [
            m
            for m in dates[1:]
            if m.precision == "day"
            and m.value < first.value
            and _EN_SAID_AFTER_RE.search(sentence, first.end - offset, m.start - offset)
        ]
        if said:
            return said[0]
    if len(dates) > 1 and _EN_REPORTED_ON_RE.search(sentence, 0, first.start - offset):
        earlier = [
            m
            for m in dates[1:]
            if m.precision == "day" and m.value < first.value and _EN_ON_RE.search(sentence, 0, m.start - offset)
        ]
        if earlier:
            return earlier[0]
    return first


def trim_tail(text: str) -> str:
    """A listed clause without the conjunction that joined it to the next (「…電話会談と、」 → 「…電話会談」)."""
    return _PARTICLE_TAIL_RE.sub("", text.rstrip())


_REPORTED_END_RE = re.compile(
    r"と(?:報じ|伝え|報道し)(?:た|ました|ている|ています|ていた)[。．]?$"
    r"|(?:相次いで|一斉に)?(?:速報|報道)し(?:た|ました)[。．]?$"  # 「…通信などが26日午後、相次いで速報しました」
)
# The outlet as the topic (or, with など, the subject) right before the date, maybe with its time zone: a paper, a
# broadcaster, an agency, a wire (「米CNBCテレビは」「RBCは」「ロイター通信やAFP通信などが日本時間の」).
_OUTLET_TOPIC_RE = re.compile(
    r"(?:テレビ|新聞|通信|メディア|紙|放送|電子版|ロイター|ブルームバーグ|[A-Z]{2,}[a-z]*)(?:など)?(?:は|も|などが)[、，,\s]*"
    r"(?:(?:日本|現地)時間の?)?$"
)


def dates_a_report(m: DateMention, clause: str, masked: str, offset: int) -> bool:
    """A day that dates a news report, not what it reports (「米CNBCテレビは同日、…と報じた」「RBCは3日、…と伝えています」):
    the outlet's own day, right after it as the topic, in a clause that ends by saying it was reported."""
    local = m.start - offset
    return bool(_REPORTED_END_RE.search(masked.rstrip())) and bool(_OUTLET_TOPIC_RE.search(clause[:local]))
