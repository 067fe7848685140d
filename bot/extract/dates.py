"""Find every date a (mostly Japanese) news text states and normalise it to ISO with a precision.

Stdlib only. One precompiled master regex does the scanning; the handlers below resolve what it found.

Rules for the ambiguous cases:

* ``relative`` is True whenever any part of the value came from the reference or from the last mention
  (so ``2月28日`` is relative: its year is inferred).
* Reference for a passage: the ``ref`` passed to :meth:`DateContext.scan`, else ``published``, else the
  last absolute (non-relative) date mentioned so far in the article.  ``同日/前日/翌日/当日``, ``前月/翌月/同月`` and
  ``前年/翌年/同年`` count from the last date mentioned (falling back to the reference).
* ``N日`` alone is a day of the reference month.  When N is later than the reference day it is the
  previous month if the clause reads past (…た), the same month if it reads future (予定, 見通し, …する),
  otherwise whichever is nearer.  When N is earlier than the reference day and the clause reads
  future it is the next month.
* ``M月D日`` / ``M月`` without a year take the year (ref year ±1) that puts them nearest the reference, on the
  side the clause's tense gives (a past clause may still name a date up to a month ahead: its verb may be the
  sentence's, not the date's); an effective date (``3月31日付``) has no tense: the nearer side.  The tense is
  that of the date's own verb: 「28日に会談することを決めた」 reads future.
* ``週明け`` is next Monday; ``月末`` the reference month, ``年内`` its year, ``年明け`` the January at hand;
  English ``last/this/next week`` a Monday, ``earlier this month`` the month, ``in April`` the April its
  sentence's tense points to (``last April``, ``next April`` as said).
* ``先週/今週/来週`` give that week's Monday (weeks start on Monday), day precision;
  ``先週木曜`` gives that week's Thursday.  ``週末`` forms are skipped.
* A bare weekday (``Thursday``, ``木曜``) is the most recent such day on or before the reference;
  ``last Thursday`` is strictly before it, ``next Thursday`` strictly after.
* ``年末`` gives December (month precision); ``3月上旬/中旬/下旬/末/初め`` keep month precision.
* Ranges (``1998～1999 年``, ``2～3月``, ``12～13日``) give one mention per end; ``2～3日で`` is a duration.
* A day joined to the day-precision date just before it (``6月13日から15日``, ``2月12日、13日``) takes that
  date's month (the next month after ``から`` when the day is smaller); a joined ``M月D日`` takes its year.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.extract.plans import SAYING_ADVERBS, names_a_thing_ahead, own_verb_ahead, own_verb_done
from bot.extract.quotemarks import mask_quotes

__all__ = [
    "BOTH_DAYS_ADVERBIAL",
    "LAST_DAY_ALT",
    "LAST_DAY_WORDS",
    "REFERS_BACK",
    "SAME_DAY",
    "DateContext",
    "DateMention",
    "find_dates",
    "parse_date_arg",
]

Parts = tuple[int, int | None, int | None]  # (year, month, day); trailing parts None below the precision


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # char offsets into the text passed to scan()
    end: int
    text: str  # the matched surface text
    value: str  # ISO: 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'
    precision: str  # 'day' | 'month' | 'year'
    relative: bool  # True when resolved against a reference (12日, 昨年8月, 同日, 先週, Thursday …)

    @property
    def parts(self) -> Parts:
        """The value as (year, month, day), None below the precision."""
        bits = [int(b) for b in self.value.split("-")]
        return bits[0], bits[1] if len(bits) > 1 else None, bits[2] if len(bits) > 2 else None


# --- normalisation ------------------------------------------------------------------------------------------

# Full-width digits, letters and the separators the patterns use -> ASCII: what NFKC does to them, 1:1 in
# length, so offsets stay valid.  (Ideographic spaces need no mapping: the patterns' \s already covers them.)
_FW_CHARS = "０１２３４５６７８９，－．／～" + "".join(chr(c) for c in (*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)))
_FW: dict[int, int] = {ord(c): ord(c) - 0xFEE0 for c in _FW_CHARS}
_HAS_FW = re.compile(f"[{re.escape(_FW_CHARS)}]")

# --- the master pattern -------------------------------------------------------------------------------------

_S = r"[^\S\n]*"  # optional horizontal space: the seeds write "2025 年 3 月 12 日"
_NB = r"(?<![0-9.,])"  # a number starts here
_Y4 = r"(?:1[1-9][0-9]{2}|20[0-9]{2})(?![0-9])"
_N2 = r"[0-9]{1,2}(?![0-9])"
_RANGE = r"[~〜\-–—−]"
# 「4月26、27日」「9月19・20日」: two days of a month that share its month and 日 (a range or a list)
_DAYS_JOIN = r"[~〜\-–—−、・]"
# 「17、18両日」「9月10、11の両日」: both days, one happening told over the two (a poll, a meeting): dated by the first
_BOTH = r"(?:(?:の\s*)?両\s*)"
# 「17、18両日、」「17、18両日に行った」: both days as the adverbial of a clause (a comma, or に and its verb); 「8月20、21両日
# の前回調査」 names an earlier happening and 「21、22両日を休日とした」 sets the days: no event's date, no 同日 anchor
BOTH_DAYS_ADVERBIAL = re.compile(r"\s*(?:[、，,]|に(?!わた|及|かけ))")
_PART = r"(?:初め|初旬|上旬|中旬|下旬|末|終わり|半ば|前半|後半)"
_YEAR = rf"年(?!{_S}(?:間|代|来|ぶり|目|前(?!半)|後(?!半)))"  # not 10年間, 1990年代, 2000年前
_DAY_NOT = (
    r"間|前|後|目|分|以内|以上|未満|足らず|余り|あまり|ほど|程度|超|ぶり|連続|おき|ごと|毎|当たり|あたり"
    r"|遅れ|がかり|平均|も(?:早|遅)|[にも]?わた[りるっ]|に?及"
    # 「会期を1日延長して」「2日遅らせた」: how long a time was moved, not a date
    r"|延長|短縮|延期|遅ら|早め|繰り上げ|繰り下げ|前倒し|先送り"
    r"|が(?:たち|たっ|たつ|経ち|経っ|経つ|過ぎ|経過)"  # 「地震から4日がたちました」: time passed, not a date
    # 「1日1万2500円で算定」「1日3回」: a rate per day, a figure glued to the day with no comma between
    r"|[0-9][0-9,.]*[万億千]?[0-9,.]*(?:円|回|人|件|本|杯|錠|食|台|トン|キロ|ドル|時間)"
)
_WD_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD = "|".join(_WD_EN)
_ORD = r"(?:st|nd|rd|th)?"
MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _mon(g: str) -> str:
    return (
        rf"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        rf"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![A-Za-z])"
    )


def _md(p: str) -> str:
    """Month (or month range), then a day (or day range) or an optional part-of-month suffix."""
    return (
        rf"{_S}(?P<{p}_m>{_N2})(?:{_S}(?:月{_S})?{_RANGE}{_S}(?P<{p}_m2>{_N2}))?{_S}月"
        rf"(?:{_S}(?P<{p}_d>{_N2}){_S}(?:{_DAYS_JOIN}{_S}(?P<{p}_d2>{_N2}){_S}{_BOTH}?)?日|(?!{_S}[0-9]){_PART}?)"
    )


_SAME_YEAR_BEFORE = re.compile(r"(?<![共合])同$")  # 「同4月」「同11月27日」: that year's
_SAME_MONTH_BEFORE = re.compile(r"(?<![共合])同[^\S\n]*$")  # 「同25日」: that month's (a bare day right after 同)
# 「前日より491円安い」「前年に比べ2割増えた」: the day or year a figure is compared with, not a date of the text's
_CMP = r"より|に比べ|と比べ|を上回|を下回|並み"
# Order matters only between alternatives that can start at the same character.
_ALTS: tuple[tuple[str, str], ...] = (
    (
        "yr",
        rf"{_NB}(?P<yr_as>(?P<yr_a>{_Y4})(?:{_S}年)?){_S}{_RANGE}{_S}(?P<yr_b>{_Y4}){_S}{_YEAR}"
        rf"(?!{_S}[0-9]{{1,2}}{_S}月)",
    ),
    ("era", rf"(?P<era_n>令和|平成|昭和){_S}(?P<era_y>元|{_N2}){_S}{_YEAR}(?:{_md('era')}|(?P<era_e>末))?"),
    (
        "sep",
        rf"(?<![0-9A-Za-z/.\-])(?P<sep_y>{_Y4})(?P<sep_c>[/.\-])(?P<sep_m>{_N2})(?P=sep_c)(?P<sep_d>{_N2})"
        r"(?![0-9A-Za-z]|[/.\-][0-9])",
    ),
    ("ymd", rf"{_NB}(?P<ymd_y>{_Y4}){_S}{_YEAR}(?:{_md('ymd')}|(?P<ymd_e>末))?"),
    ("y2", rf"{_NB}(?P<y2_y>[0-9]{{2}}){_S}年{_md('y2')}"),  # 「26年1月」: a two-digit year before a month
    (
        "rely",
        rf"(?P<rely_w>一昨年|おととし|昨年|(?<!過)去年|今年|(?<!日)本年|再来年|(?<!以)来年|前年(?!比|同|{_CMP})|翌年|(?<![共合])同年(?![代齢輩])"
        # 「同じ年の7月30日」「その年の12月」: 同年 written out, before a month only (「同じ年に生まれた」 is no date)
        r"|(?:同じ年の?|(?<![\u4e00-\u9fff])その年の)(?=[^\S\n]*[0-9]{1,2}[^\S\n]*月))"
        rf"(?:{_md('rely')}|(?P<rely_e>末))?",
    ),
    (
        "relm",
        rf"(?P<relm_w>先々月|先月|今月|(?<!以)来月|前月(?!比|{_CMP})|翌月|(?<![共合])同月)(?:{_S}(?P<relm_d>{_N2}){_S}日|{_PART})?",
    ),
    (
        "wk",
        rf"(?P<wk_w>先々週|先週|今週|再来週|(?<!以)来週)(?:{_S}の?{_S}(?P<wk_d>[月火水木金土日])曜日?)?(?!末)",
    ),
    (
        "rd",
        # (「事故当日」「選挙翌日」「就任前日」: the day of, after or before a happening the noun names, not of the last day
        # named: no date the scanner can place; so are 「「ブラックマンデー」翌日」「会見の前日」「ブラックマンデーの翌日にあ
        # たる1987年10月20日」, the day a noun's happening gives, whatever day the article last named; not 「その翌日」)
        # 「この日」 set off as the clause's adverbial is 同日 as news writes it: another party's doing that day too
        # (「共産党大阪府委員会もこの日、協会を訪れ」) or the day's scene opening its clause (「旧正月にあたるこの日、空港
        # のロビーでは遺族らが…儀式を営み」). After a topic's は (「知事はこの日、報道陣に…改めて説明した」「グロッシ氏はこの
        # 日、…とも会談しました」) it goes on with the party the article tells, more of the day its lead holds: measured on
        # the tuned stories, two gold events and three entries that repeat the lead's or add a remark, so not read. The day
        # made a topic or a noun's (「この日は長い列ができた」「この日の説明会には」「この日も漁船が沖合へ出た」) tells the
        # day itself, its scene; 「この日本の」「この日程」 are no day
        r"(?P<rd_w>一昨日|昨日|(?<!日)本日|(?<![表説声証発])明日(?!香)|(?<![共合])同日"
        r"|(?<![\u4e00-\u9fffは])この日(?=(?:午前|午後|夜|朝|昼|夕方?|未明|深夜|早朝)?[、，,])"
        r"|(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc」』])(?<!(?<!そ)の)(?:当日|前日(?!比|" + _CMP + r")|翌日))",
    ),
    ("md", rf"{_NB}(?=[0-9]){_md('md')}"),
    # (not a count of the days left, 「開幕まで2日」「期限まであと3日」)
    (
        "day",
        rf"{_NB}(?<!まで)(?<!あと)(?P<day_d>{_N2}){_S}"
        rf"(?:(?:{_RANGE}|[、・](?={_S}{_N2}{_S}{_BOTH}日)){_S}(?P<day_d2>{_N2}){_S}{_BOTH}?)?日(?!{_S}(?:{_DAY_NOT}))",
    ),
    (  # not a weekly slot: 「日曜版」「日曜夜の2番組」
        "jwd",
        rf"(?<![0-9毎週])(?P<jwd_d>[月火水木金土日])曜日?(?!版|{_S}(?:夜|朝|昼|夕方?|深夜)?{_S}の{_S}[0-9]*{_S}(?:番組|放送枠|枠|ドラマ|連載))",
    ),
    (
        "emdy",
        rf"(?<![A-Za-z])(?:(?P<emdy_w>{_WD}){_S},?{_S}(?P<emdy_par>\()?{_S})?{_mon('emdy_m')}{_S}"
        rf"(?P<emdy_d>{_N2}){_ORD}(?![0-9A-Za-z])(?:{_S},?{_S}(?P<emdy_y>{_Y4}))?(?(emdy_par){_S}\))",
    ),
    ("emy", rf"(?<![A-Za-z]){_mon('emy_m')}{_S},?{_S}(?P<emy_y>{_Y4})"),
    (
        "edmy",
        rf"(?<![0-9A-Za-z.,])(?:(?P<edmy_w>{_WD}){_S},?{_S})?(?P<edmy_d>{_N2}){_ORD}{_S}(?:of{_S})?{_mon('edmy_m')}"
        rf"(?:{_S},?{_S}(?P<edmy_y>{_Y4}))?",
    ),
    ("ewd", rf"(?<![A-Za-z])(?:(?P<ewd_q>[Ll]ast|[Nn]ext){_S})?(?P<ewd_d>{_WD})(?![A-Za-z])"),
)

# Rarer forms, scanned only when the text holds one of their words (most text holds none, and their first
# letters are common ones): 週明け, 月末, 年内, 年明け; English last/next week, earlier this month, in April.
_RARE_ALTS: tuple[tuple[str, str], ...] = (
    ("rel", r"(?<![0-9月年今先来前翌同毎])(?P<rel_w>週明け|月末|年内|年明け)"),
    ("ewk", r"(?<![A-Za-z])(?P<ewk_q>[Ll]ast|[Nn]ext|[Tt]his)\s+week(?![A-Za-z])"),
    ("eth", r"(?<![A-Za-z])(?P<eth_q>[Ee]arlier|[Ll]ater)\s+this\s+(?P<eth_u>month|year)(?![A-Za-z])"),
    # 「the next day」「a day earlier」「two days later」: counted from the last day named, as 翌日/前日 are; 「yesterday」
    # from the reference. 「the same day」「that same morning」 are 同日: the last day named itself (「later that day」 names
    # no day: the happening told before goes on).
    (
        "erd",
        r"(?<![A-Za-z])(?P<erd_w>[Yy]esterday|[Tt]he\s+(?:next|following|previous)\s+day"
        r"|(?P<erd_same>(?:[Tt]he|[Tt]hat)\s+same\s+(?:day|morning|afternoon|evening|night))"
        r"|(?P<erd_n>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[2-9])\s+days?\s+(?P<erd_q>earlier|later))"
        r"(?![A-Za-z])",
    ),
    (
        "emo",
        rf"(?<![A-Za-z])(?P<emo_p>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?)"
        rf"{_S}{_mon('emo_m')}(?!{_S},?{_S}[0-9])",
    ),
)
# The leading class lets the engine reject most characters with a single test.
_MASTER = re.compile(
    r"(?=[0-9JFMASONDTWLlNn令平昭一昨去今本再来前翌同先当明月火水木金土日おこそ])(?:"
    + "|".join(f"(?P<{name}>{pat})" for name, pat in _ALTS)
    + ")"
)

# Cheap gate: text without any of these cannot hold a date.
_RARE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _RARE_ALTS))
# Where a rare form may stand: its literal word (a month name for 「in April」); the rare pattern is tried near these only.
_RARE_ANCHOR = re.compile(
    r"週明け|月末|年内|年明け|week|this (?:month|year)|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|[Yy]esterday|(?:next|following|previous) day|days? (?:earlier|later)|same (?:day|morning|afternoon|evening|night)"
)

# Cheap gate: text without any of these cannot hold a date.
_GATE = re.compile(
    r"[0-9年月日週曜]|day|week|this month|this year|same (?:morning|afternoon|evening|night)"
    r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)


def _matches(t: str) -> list[re.Match[str]]:
    """The master pattern's matches, and the rare forms' where the text holds any, in text order."""
    found = list(_MASTER.finditer(t))
    near: dict[int, re.Match[str]] = {}
    for a in _RARE_ANCHOR.finditer(t):
        r = _RARE.search(t, max(0, a.start() - 10), a.end() + 20)
        while r and r.start() <= a.start():
            near[r.start()] = r
            r = _RARE.search(t, r.end(), a.end() + 20)
    if not near:
        return found
    starts = [m.start() for m in found]
    rare = []
    for r in near.values():
        i = bisect.bisect_left(starts, r.end())  # found[:i] start before r ends; the last of them may overlap it
        if not i or found[i - 1].end() <= r.start():
            rare.append(r)
    return sorted(found + rare, key=lambda m: m.start()) if rare else found


_URL = re.compile(
    r"(?:https?://|www\.)[\x21-\x7e]+"
    r"|(?<![A-Za-z0-9.@-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/[\x21-\x7e]*"
)
# "約30日", "第3日", "過去30日", "今後3日": a count of days, not a day of the month; so is the count after it in a
# range or a list ("今後3日から4日の間に", "ここ2、3日で")
_COUNT_WORD = r"(?:約|およそ|計|最大|最長|最短|わずか|ほぼ|第|毎月|過去|ここ|今後|向こう|延べ|丸)"
_DAY_PRE = re.compile(
    rf"{_COUNT_WORD}{_S}$|{_COUNT_WORD}{_S}[0-9]{{1,2}}{_S}日?{_S}(?:から|ないし|または|か|、|,|{_RANGE}){_S}$"
)
# "30日の停戦(案)": a duration-kind noun after "N日の" makes it a length of time.
_DURATION_NOUN = re.compile(
    rf"{_S}の{_S}(?:一時的?な?|即時の?|全面的?な?|完全な?|部分的?な?)?{_S}"
    r"(?:停戦|休戦|停止|休止|中断|猶予|期限|期間|延長|拘束|勾留|禁錮|隔離|休暇)"
)
# 「攻勢開始から12日で崩れた」「判明から3日。」「死去から15日から20日の間に」: days counted from a happening, not a day of
# the month (not 「事故から29日で1カ月を迎えた」: the 29th is the day a span since the happening is reached)
_COUNTED_FROM = re.compile(
    r"[\u4e00-\u9fff](?<![日月年週時分])から[^\S\n]*(?:[0-9]{1,2}[^\S\n]*日[^\S\n]*から[^\S\n]*)?$"
)
_COUNT_GOES_ON = re.compile(
    rf"{_S}(?:で(?!{_S}(?:[0-9]+|半|一)(?:カ月|か月|ヶ月|ケ月|年|週間?))|[。．]|から|の{_S}間|が|以上)"
)  # (not 「東京から3日に戻った」: a day the trip from a place is dated by)
# 「1日で約5900億ドル減り」「1日の死者数として最悪」「1日の減少額として過去最大」: a single day's measure, no date
_ONE_DAYS_MEASURE = re.compile(
    rf"{_S}で{_S}(?:約|およそ){_S}[0-9]|{_S}の{_S}[^\s、。「」]{{1,6}}?(?:数|額|幅|量|率|記録)として{_S}(?:過去|史上|最|戦後|初)"
    # 「1日の犠牲者としてはクーデター後で最悪」「1日の上げ幅としては過去最大」: a day's toll held against others, no date
    rf"|{_S}の{_S}[^\s、。「」]{{1,8}}?として(?:は|も)?[^、。「」]{{0,16}}?(?:最悪|最多|最大|最高|最低|過去|史上|初めて)"
)
_CLAUSE_END = re.compile(r"[。!?！？\n]")
# not 「9月に予定される総裁選」: that dates a noun; not 「…黒字になる見通しを報告」: the plan is what a done act told
_FUTURE_ANY = re.compile(r"予定(?!され|を)|見通し(?!を)|見込み(?!を)")
_FUTURE_END = re.compile(
    r"(?:へ|だろう|でしょう|する|します|される|されます|行う|開く|始まる|予定だ?|見通しだ?|見込みだ?|方針だ?"
    r"|予定されて(?:いる|います)|予定となって(?:いる|います))$"  # 「次回の手続きは9月23日に予定されている。」
)
_DICTIONARY_END = re.compile(r"(?<![いお])[うくすつぬぶむるぐ]$")  # a verb's plain non-past form (入る, 始める)
# (「…火を付けた疑いがある」「…盗んだ疑いが持たれている」: the suspected act is told done; the suspicion is now)
_PAST_END = re.compile(
    r"(?:た|ました|でした)(?:という|とされる|とみられる|ようだ|模様|もよう)?$"
    r"|(?:た|だ)疑い(?:がある|があります|が持たれている|がもたれている|が持たれています|がもたれています)?$"
)
# 「1月に就任して以来、…適用される」: the date's own verb is past, whatever the sentence ends with.
_PAST_NEAR = re.compile(r"[^。、]{0,25}?(?:て|た|だ)(?:以来|以降|後|あと|ばかり)")
# What ends the clause of a date's own verb inside a sentence: a nominalised clause (こと), an announced plan.
_EMBEDDED_END = re.compile(
    rf"こと(?:が|を|に|で|は|も)|と(?:{SAYING_ADVERBS})?(?:発表|明らかに|表明|述べ|語っ|説明)"
    r"|(?:方針|考え|意向|予定|計画)(?:を|だと|であると)|との(?:連絡|声明|通知|通告)"  # 「13日に辞任するとの連絡があった」
)
# A date that is the day of the occasion a decision or an announcement was made at, joined to it by a comma
# (「12日に組合員で話し合い、…購入する方針を決めた」「25日に取締役会を開き、…することを決議した」): it takes the tense
# of the predicate the sentence goes on to, not of the plan embedded after the comma (「28日に訪日し、…会談すること
# を決めた」 is no occasion: the visit is the plan's).
_CONJOINED = re.compile(
    r"\s*(?:に(?!も)|から(?!も))[^、。「」]{0,30}?(?:開き|話し合い|協議し|会談し|会合し|審議し|議論し|会見し|面会し|電話し|集まり)、"
)
_SOON = re.compile(rf"{_S}にも")  # "28日にも" = as early as the 28th
_RANGE_DURATION = re.compile(rf"{_S}(?:で|ほど|くらい|ぐらい)")  # "2～3日で": two or three days
# What may join a date to the next one ("13日から15日", "12日、13日"); "から"-like joins may cross a month end.
_CHAIN = re.compile(r"[^\S\n]*(?:(?P<to>から|より|[~〜\-–—])|、|,|と|や|および|及び|または|ないし)[^\S\n]*")

_ERA_BASE = {"令和": 2018, "平成": 1988, "昭和": 1925}
_JWD = "月火水木金土日"
_REL_YEAR = {"一昨年": -2, "おととし": -2, "昨年": -1, "去年": -1, "今年": 0, "本年": 0, "来年": 1, "再来年": 2}
_LAST_YEAR = {"前年": -1, "翌年": 1, "同年": 0, "同じ年": 0, "同じ年の": 0, "その年の": 0}
_REL_MONTH = {"先々月": -2, "先月": -1, "今月": 0, "来月": 1}
_LAST_MONTH = {"前月": -1, "翌月": 1, "同月": 0}
_REL_WEEK = {"先々週": -2, "先週": -1, "今週": 0, "来週": 1, "再来週": 2}
_EN_WEEK = {"last": -1, "this": 0, "next": 1}
_EN_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7} | {
    str(n): n for n in range(2, 10)
}
_REL_DAY = {"一昨日": -2, "昨日": -1, "本日": 0, "明日": 1}
_LAST_DAY = {"同日": 0, "この日": 0, "当日": 0, "前日": -1, "翌日": 1}
SAME_DAY = ("同日", "この日")  # the last day named itself, as the rules that read 同日 read it
# the words of a day counted from the last day named, as one alternation for the rules that look for a day in a clause
LAST_DAY_WORDS = tuple(_LAST_DAY)
LAST_DAY_ALT = "|".join(LAST_DAY_WORDS)

_Hit = tuple[int, int, Parts, bool]  # start, end, parts, relative
_Chain = tuple[dt.date, bool]  # the day-precision date just before, and whether the join was "から"-like


def _valid(y: int, m: int | None, d: int | None) -> bool:
    if m is None:
        return d is None
    if not 1 <= m <= 12:
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _add_days(y: int, m: int, d: int, k: int) -> Parts:
    x = dt.date(y, m, d) + dt.timedelta(days=k)
    return x.year, x.month, x.day


def _as_date(p: Parts | None) -> dt.date | None:
    return dt.date(p[0], p[1], p[2]) if p and p[1] is not None and p[2] is not None else None


# A past-reading clause may still name a date just ahead of the reference (「31日付で退任し、…人事を発表した」:
# the sentence's verb is past, the date's own is not): up to a month ahead (days; months) it keeps the near year.
_NEAR_AHEAD = {False: 31, True: 1}
# A day whose own verb is a plan embedded in an announcement (「11月12日に…を補佐官に起用すると発表し、」) is either
# the plan's day or the announcement's: it is the plan's at most about half a year ahead — news writes a day farther
# ahead with its year (「来年11月12日」) — so in a December report that one is last month's announcement, not next
# November's. (A month alone keeps the side its tense reads: measured, a month so moved brought no gold case and one
# event the gold does not hold.) Any day a future reading would put in the next calendar year more than half a year
# ahead is the same: style guides write such a day with its year (AP) or 来年, so a bare one is the day behind, read
# ahead by a future word of another clause (「1月20日に公開した…AI」 in February, "withdrew its bid on May 8 …
# would" in a May 28 report: 15 of 15 such readings over the corpora were wrong). A plan later in the report's own
# calendar year is written without its year ("will be presented on Dec. 10" in January): kept ahead.
_FAR_AHEAD_DAYS = 183
_ANNOUNCED = re.compile(rf"と(?:{SAYING_ADVERBS})?(?:発表|明らかに|表明|述べ|語っ|説明)し")


def _clause_after(t: str, end: int) -> str:
    """The clause after a date, to its sentence's end (200 characters at most). A quote's words are its speaker's:
    they are blanked, so 「2日には「…ことはない。…」と語っていた」 is told past by 語っていた, not read ahead by the quote's
    こと or cut at the 。 inside it."""
    window = t[end : end + 200]
    if "「" in window or "『" in window:
        window = mask_quotes(window)
    stop = _CLAUSE_END.search(window)
    return window[: stop.start() if stop else len(window)]


def _announced_plan(t: str, end: int) -> bool:
    """Whether the clause after a date (「…に…起用すると発表し、」) is a plan embedded in a done announcement."""
    clause = _clause_after(t, end)
    embedded = _EMBEDDED_END.search(clause) if clause.lstrip().startswith(("に", "から", "付")) else None
    return bool(embedded) and bool(_ANNOUNCED.match(clause, embedded.start()))


# …but not a month-day that opens its clause (「1月2日、…が衝突した事故で、」「1月2日の事故」): the past verb after it is
# its own, so it is the one not after the reference (`done`), however near the next year's is.
_OWN_PAST_OPENER = ("、", "，", ",", "の")


# A month-day that names a thing (「5月1日のメーデーに」「6月20～30日の首脳会談開催を」「９月２３日の手続きでは」): the
# clause's verb is not the thing's. The thing is still to come when it is what a party calls for or proposes (「…に大規模な
# 行動を呼びかけた」「…開催を提案した」) or when the sentence it opens ends on a verb still to come (「…では、…確認が行わ
# れる。」); the year is then the one ahead, not the one the past verb or no verb reads.
_DAY_OF_A_THING_AHEAD = re.compile(r"(?:\s*[~〜\-–—]\s*[0-9]{1,2}\s*日)?の[\u4e00-\u9fff\u30a1-\u30fa]")
_CALLED_FOR = re.compile(r"[^、。「」]{1,24}?(?:に|を)[^、。「」]{0,16}?(?:呼びかけ|呼び掛け|提案し)")


def _thing_ahead(t: str, e: int, tense: str) -> bool:
    """Whether the thing the month-day ending at `e` names is still to come (above)."""
    if _CALLED_FOR.match(t, e):
        return True
    if tense:
        return False
    stop = _CLAUSE_END.search(t, e)
    sentence = mask_quotes(t[e : stop.start() if stop else len(t)]).rstrip("」』）) 　")
    return "、" in sentence and bool(_FUTURE_END.search(sentence) or _DICTIONARY_END.search(sentence))


def _nearest_year(ref: Parts, m: int, d: int | None, tense: str = "", *, announced: bool = False) -> int | None:
    """The year (ref year ±1) that puts month m (day d) nearest the reference; ties go to the past. A clause
    that reads past takes the nearest year not after the reference, one that reads future the nearest not
    before it (「4月の選挙で敗れた」 in a December article is last April; 「4月に選挙を行う」 next April)."""
    ry, rm, rd = ref
    if rm is None:
        return ry
    ranked: list[tuple[int, int, int]] = []
    for y in (ry - 1, ry, ry + 1):
        if not _valid(y, m, d):
            continue
        if d is not None and rd is not None:
            dist = (dt.date(y, m, d) - dt.date(ry, rm, rd)).days
        else:
            dist = (y * 12 + m) - (ry * 12 + rm)
        ranked.append((abs(dist), dist > 0, y))
    if not tense:
        ranked = _past_on_a_near_tie(ranked) if d is not None else ranked
    sided = [
        r
        for r in ranked
        if (tense == "done" and r[1] is False)
        or (tense == "past" and (r[1] is False or r[0] <= _NEAR_AHEAD[d is None]))
        or (
            tense == "future"
            and (r[0] == 0 or (r[1] and (d is None or r[0] <= _FAR_AHEAD_DAYS or (r[2] == ry and not announced))))
        )
    ]
    return min(sided or ranked)[2] if ranked else None


# A date with no tense about as far behind the reference as ahead of it (April in an October report, no verb:
# 「開幕日（4月13日）の来場者は約14万人」) is the one behind: a report tells what happened; what is to come it says
# with a verb of its own. Near: within a month. (A month alone is either as near both ways or two months apart.)
NEAR_TIE_DAYS = 31


def _past_on_a_near_tie(ranked: list[tuple[int, bool, int]]) -> list[tuple[int, bool, int]]:
    """`ranked` with the candidate behind the reference put first when it is nearly as near as the one ahead."""
    behind = [r for r in ranked if not r[1]]
    ahead = [r for r in ranked if r[1]]
    if not behind or not ahead:
        return ranked
    past, future = min(behind), min(ahead)
    if future[0] < past[0] <= future[0] + NEAR_TIE_DAYS:
        return [(future[0], False, past[2])] + [r for r in ranked if r is not past]
    return ranked


# 「plans to」 reads future, 「the peace plan」 (a noun) does not; 「due to meet」 does, 「due to the storm」 does not.
_EN_FUTURE = re.compile(
    r"\b(?:will|would|(?:plans?|planned|planning|aims?|aimed|aiming) to|scheduled|set to|due to (?!(?:the|a|an|its|their|his|her)\b)"
    r"|due (?:on|in|at|by|next)|expected|is to|are to|intends?|(?:was|were|is|are) preparing to)\b"
)
_EN_END = re.compile(r"\.(?:\s|$)|[!?\n]")
_EN_PAST = re.compile(r"\b(?:was|were|had|did|[a-z]{2,}ed)\b")


def _sentence_start(t: str, at: int) -> int:
    """Where the English sentence holding offset ``at`` starts (looking back at most 300 characters, so a long
    text without full stops costs no more per date)."""
    floor = max(0, at - 300)
    stop = t.rfind(". ", floor, at)
    while stop > floor and _ABBREVIATION_END.search(t, max(floor, stop - 8), stop + 1):
        stop = t.rfind(". ", floor, stop)  # 「at 12:01 a.m. Thursday」「U.S. Steel」: no sentence ends there
    return max(stop, t.rfind("\n", floor, at), floor - 1) + 1


_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:Mr|Mrs|Ms|Dr|St|No|Gov|Sen|Rep|Gen|Jr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)$"
)


_EN_PAST_VERB = re.compile(
    # (「would begin as planned on Sunday」: as planned, as expected say how, they are no past of the clause)
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bas )"
    r"\b(?:said|says|told|lost|won|was|were|had|did|met|held|took|made|came|went|left|began|ran|fell|rose|[a-z]{2,}ed)\b"
)


def _english_future_before(t: str, at: int) -> bool:
    """Whether the English clause a weekday closes reads future: a future word (will, plans to…) before it in
    its sentence and after the last past verb (「said on Tuesday he would meet Putin on Friday」: Friday is
    ahead, Tuesday is not; 「would affect … after his coalition lost … in Sunday's election」: past)."""
    start = _sentence_start(t, at)
    future = [m.end() for m in _EN_FUTURE.finditer(t, start, at)]
    if not future:
        return False
    # (a past verb that is itself a word of the future, 「said it expected its first jet to fly again on Friday」「was
    # preparing to…」, or a passive after be, is no past of the weekday's own clause)
    past = [
        m.end()
        for m in _EN_PAST_VERB.finditer(t, start, at)
        if not (m.end() in future and _EN_EXPECTED_TO.match(t, m.end()))
        and not _EN_PASSIVE_BE.search(t, start, m.start())
    ]
    return not past or future[-1] > past[-1]


# A schedule told in the present: a timetable's verb in the simple present right before the weekday ("The tariffs come
# into force on Wednesday", "Tokyo markets reopen on Thursday", "Okudaira … hands over the post on Friday", "The current
# ordinary session ends Sunday"), or a headline's subject to a verb ("TEPCO to resume Fukushima debris retrieval
# Monday"): what is to come, as a report tells what is done in the past ("reopened", "began", "handed over")
_EN_SCHEDULE_VERB = (
    r"(?:comes?\s+into\s+(?:force|effect)|takes?\s+effect|reopens?|resumes?|hands?\s+over|expires?|begins?|starts?"
    r"|opens?|closes?|ends?)"
)
_EN_SCHEDULED_PRESENT = re.compile(
    r"(?:\b(?<!\bhad )(?<!\bhas )(?<!\bhave )(?<!\bto )" + _EN_SCHEDULE_VERB + r"|^\s*(?:[A-Z][\w.&'-]*\s+){1,4}to\s+"
    r"(?:resume|reopen|begin|start|open|close|end|hand\s+over|take\s+effect|come\s+into\s+force))\b"
    r"(?:\s+(?!(?:and|but|or|said|says|after|when|before|since|which|that|who|while|as)\b)[\w'-]+){0,7}?"
    r"\s+(?:on\s+|from\s+|starting\s+)?$"
)


def _scheduled_present(t: str, at: int, end: int | None = None) -> bool:
    """Whether the English weekday at `at` is a schedule's, told in the present (above): no past verb between the
    schedule's verb and the weekday ("…would end the strike started on Monday": the weekday is the starting's). A
    party's move told in the present in a sentence with no past verb is one too ("Kishida leaves on Saturday for
    Egypt", "voters go to the polls on Friday"), and so is a weekday opening its sentence before such a verb ("On
    Friday, 88 constituencies go to the polls"): English news tells what is done in the past."""
    start = _sentence_start(t, at)
    m = _EN_SCHEDULED_PRESENT.search(t, start, at)
    if (
        m
        and not _EN_PAST_VERB.search(t, m.start() + 3, at)
        and not _EN_BE_BEFORE.search(t, max(start, m.start() - 30), m.start())
    ):
        return True
    stop = _EN_END.search(t, end or at, (end or at) + 300)
    finish = stop.start() if stop else min(len(t), (end or at) + 300)
    if told := _EN_ATTRIBUTION_TAIL.search(t, end or at, finish):
        finish = told.start()  # (", the ministry said on Tuesday": the saying is past, what it tells is not)
    if _EN_PAST_VERB.search(t, start, finish) or _EN_PAST_IRREGULAR.search(t, start, finish):
        return False  # (a past anywhere in the sentence: the weekday may be its happening's)
    if _EN_MOVE_PRESENT.search(t, start, at):
        return True
    if end is None or not _EN_OPENING_DAY.fullmatch(t, start, at):
        return False
    return bool(_EN_FRONTED_SCHEDULE.search(t[end:finish]))


# who said it, closing the sentence after a comma (", the interior ministry said on Tuesday", ", officials said")
_EN_ATTRIBUTION_TAIL = re.compile(r",\s+(?:[\w.'-]+\s+){1,5}?(?:said|says|told|announced|reported)\b[^,;:]*$")
# A party's move or a poll told in the simple present (「leaves on Saturday」「goes to the polls」「meets … on Sunday」);
# third person only, so that a plural noun after a number or a determiner is no verb (「two visits」 is caught by the
# determiner check, 「visits」 alone after a subject reads as a verb)
_EN_MOVE_PRESENT = re.compile(
    r"(?<![Tt]he )(?<!\b[Aa] )(?<![Aa]n )(?<![Hh]is )(?<![Hh]er )(?<![Ii]ts )(?<![Tt]heir )(?<![0-9] )"
    r"\b(?:go(?:es)?\s+to\s+the\s+polls|heads?\s+to\s+the\s+polls|leaves|meets|visits|travels|arrives|votes\s+on)\b"
)
_EN_OPENING_DAY = re.compile(r"\s*(?:[Oo]n\s+|[Ll]ater\s+|[Tt]his\s+|[Nn]ext\s+)?", re.ASCII)  # "On " then the weekday
# after a fronted weekday ("On Friday, …"): a schedule's verb, or a move's, in the present
_EN_FRONTED_SCHEDULE = re.compile(
    r"^,\s+[^,;:]{0,80}?(?:\b(?<!\bto )(?:" + _EN_SCHEDULE_VERB + r"|go\s+to\s+the\s+polls|head\s+to\s+the\s+polls"
    r"|meets?|visits?|travels?|arrives?|votes?|leaves?)\b)"
)


# 「while polls were still open on Sunday」「the border remains closed」: open or closed as a state after be, no schedule
_EN_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|keeps?|kept)\s+(?:[a-z]+ly\s+|still\s+|not\s+)?$"
)


# 「expected its first MAX 9 to fly」「planned to」: a word of the future in the past form, then what is to come (not
# 「fell more than expected on Friday」「as expected」)
_EN_EXPECTED_TO = re.compile(r"(?:\s+[\w'.-]+){0,6}?\s+to\s")


# 「he will automatically be removed from office on Monday」: a participle after be, been or being is a passive, no past
_EN_PASSIVE_BE = re.compile(r"\b(?:be|been|being)\s+(?:[a-z]+ly\s+)?$")


# a month-day followed by the year it is in, said relative to the report's ("on Oct. 4 last year")
_EN_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(last|this|next)\s+year\b", re.IGNORECASE)
_EN_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
# 「arrested him on Sept. 18, 2024, and … indicted him on Oct. 9 that year」「elected in July 2022, visited the shrine on
# Aug. 15 that year」: the year of the date named last (同年), not the one nearest the report
_EN_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _english_month_year(ref: Parts, mo: int, lead: str, t: str, at: int) -> int:
    """The year of an English month named alone: ``last``/``next``/``this`` say it; otherwise the sentence's
    tense (「the election will be held in April」 in December is next April, 「was held in April」 last April)."""
    ry, rm = ref[0], ref[1] or 1
    if lead == "this":
        return ry
    if lead == "last":
        return ry if mo < rm else ry - 1
    if lead == "next":
        return ry if mo > rm else ry + 1
    return _nearest_year(ref, mo, None, _english_tense(t, at)) or ry


def _english_tense(t: str, at: int, end: int | None = None) -> str:
    """ "future" or "past" as the English sentence holding the date at ``at`` (ending at ``end``) reads ("" when
    it says neither)."""
    start = _sentence_start(t, at)
    stop = _EN_END.search(t, end or at, at + 300)
    finish = stop.start() if stop else min(len(t), at + 300)
    # the date's own clause of a sentence of joined clauses (「On April 7 he ordered a review, and on May 23 he
    # announced a deal that would create jobs」: the first clause reads past)
    before = [j.end() for j in _EN_CLAUSE_JOIN_RE.finditer(t, max(start, at - 300), at)]
    after = _EN_CLAUSE_JOIN_RE.search(t, end or at, finish) or _EN_PREDICATE_JOIN_RE.search(t, end or at, finish)
    start, finish = (before[-1] if before else start), (after.start() if after else finish)
    sentence = _EN_PAST_PLAN.sub(" ", t[start:finish])
    # 「on May 23 he announced a partnership that would create jobs」: the date's verb is past, whatever the
    # relative or reported clause after it says
    head = _EN_RELATIVE_RE.search(sentence, max(0, (end or at) - start))
    if head:
        main = sentence[: head.start()]
        if (_EN_PAST.search(main) or _EN_PAST_IRREGULAR.search(main)) and not _EN_FUTURE.search(main):
            return "past"
    return "future" if _EN_FUTURE.search(sentence) else "past" if _EN_PAST.search(sentence) else ""


def _english_day_tense(t: str, s: int, e: int) -> str:
    """The tense an English month-day is read with: `_english_tense`'s, but a day ``since`` governs is behind the
    report whatever the sentence says ("had not spoken with him since being sworn in on March 14"), and the day an
    election, vote or meeting is called or set for is the planned thing's, on whichever side of the report is nearer
    ("called a snap election for April 28", "elections were called for March 5", "set for May 18"): the verb's
    past is the calling's, not the day's; read so only against a past reading."""
    before = t[max(0, s - 60) : s]
    if _EN_SINCE_RE.search(before):
        return "done"
    tense = _english_tense(t, s, e)
    if tense == "past" and (
        _EN_SET_FOR_RE.search(before) or _EN_UNTIL_RE.search(before) or _EN_DAY_OF_A_VOTE_RE.match(t, e)
    ):
        return ""  # (a future reading stays: "plans to vote on Sept. 1")
    return tense


# a span's end or a deadline after a day (「3月24日まで休会」「3月15日までに…提出するよう命じた」「5月9日以降に遅らせるよう」
# 「8月1日の新たな期限に向け」「9月17日が期限」): the day is where the span ends, not the time of the verb that set it, so it is
# read on whichever side of the report it is nearer
# (「1月6日までに…サイトを開設し、…始めました」: by a day, a thing done — the day is its time; only a request or plan due by
# the day is read as a deadline)
_SPAN_END = re.compile(
    r"\s*(?:まで(?!に)|までに(?=[^。．]*?(?:よう|こと|方針|予定|計画|目指|求め|命じ|要請|指示))|以降"
    r"|の(?:新たな|次の)?(?:期限|期日|締め切り)|が(?:期限|期日|締め切り))"
)


# 「since being sworn in on」「since taking office on」「since」: the day a state has run from (not 「since it is due on」:
# a causal since, before a present or future verb). The day still dates the happening the clause names (taking office):
# measured, a since-clause's day made no event lost right entries (surname2025 "since taking office on Oct. 1")
_EN_SINCE_RE = re.compile(r"\bsince\b(?![^,.;:!?]*\b(?:is|are|will|would|be)\b)[^,.;:!?]{0,50}$")
# what is called, set or moved for a day: a planned thing's day (「called a snap election for April 28」「the inauguration
# Mass is set for May 18」「pushing the deadline to Dec. 16」); not 「called for」 as demanded ("called for calm on …")
_EN_SET_FOR_RE = re.compile(
    r"\b(?:(?:elections?|votes?|polls?|ballots?|referendum|runoff|meeting|summit|hearing|talks|session|trial"
    r"|inauguration|ceremony|deadline)\b[^,.;:!?]{0,30}?\s(?:for|to|until)"
    r"|(?:set|scheduled|slated|planned|fixed|moved|postponed|delayed|rescheduled|pushed back|brought forward)"
    r"(?:\s+[\w'-]+){0,4}?\s+(?:for|to|until))\s+(?:the\s+)?(?:on\s+)?$"
    r"|\b(?:elections?|votes?|polls?|ballot|referendum|runoff)\s+on\s+$"
)
# a span's end or a deadline (「suspend Parliament until March 24」「submit plans by March 15」「runs until Oct. 13」): the
# day is where the span ends, on whichever side of the report it is nearer, whatever the tense of the setting verb
_EN_UNTIL_RE = re.compile(r"\b(?:until|till|through|by|ending|deadline(?:\s+of)?)\s+(?:the\s+)?$")
# 「for the June 3 presidential election」: the day names the vote, a planned thing's
_EN_DAY_OF_A_VOTE_RE = re.compile(
    r"\s*(?:(?:presidential|general|snap|parliamentary|legislative|local|national|leadership|early)\s+)?"
    r"(?:elections?|votes?|polls?|ballot|referendum|runoff|deadline)\b"
)


_EN_RELATIVE_RE = re.compile(r"\b(?:that|which|who)\b")
_EN_PAST_IRREGULAR = re.compile(
    r"\b(?:said|told|met|made|took|gave|won|lost|held|began|struck|went|came|wrote|spoke|left|sent|sought|brought"
    r"|bought|chose|fell|rose|found|kept|led|paid|sold|thought|withdrew|became|unveiled)\b"
)


# 「…were completed on Feb. 1, and residents began moving in on Feb. 3」: two clauses of one English sentence
_EN_CLAUSE_JOIN_RE = re.compile(r"(?:,\s+(?:and|but|then|while)\s+|;\s+)(?=[A-Za-z])")
# 「…stopped taking new contracts on Jan. 16 and will not install the boxes in new outlets」: a second predicate of the
# same subject after the date, in a tense of its own (the date is the first one's)
# — or in the past, told of after it (「…had not spoken with Trump since being sworn in on March 14 but said … he
# expected a call」「He was sworn in on March 14 and said he would…」: the future is the second predicate's, not the date's)
_EN_PREDICATE_JOIN_RE = re.compile(
    r"\s+(?:and|but)\s+(?:also\s+)?(?=(?:will|would|plans? to|is (?:to|due|set|expected)|are (?:to|due|set|expected))\b"
    r"|(?:said|says|told|added|noted|warned|insisted|stressed|acknowledged|confirmed|announced)\b)"
    r"|,\s+(?=(?:saying|adding|noting|warning)\b)"  # 「wrote on Dec. 2, saying he would block it」
)
# 「Japan had been due to face a 24% rate under the package Trump unveiled on April 2」: a plan told in the past
_EN_PAST_PLAN = re.compile(r"\b(?:had been|was|were) (?:due|expected|scheduled|set|planned|supposed)\b")


def _tense(t: str, end: int) -> str:
    """'future', 'past' or '' for the clause that follows a date.

    "12日、…を発表した" dates the sentence's last predicate; "28日に会談する予定だと述べた" dates an embedded
    verb, so there a 予定/見通し anywhere in the clause counts too.
    """
    clause = _clause_after(t, end)
    if t.startswith("付", end):
        # 「3月31日付で退任」: an effective date, set by the announcement, either side of it; but one whose own verb is
        # still to come inside the announcement (「17日付で社名を…に変更すると発表した」) is ahead
        embedded = _EMBEDDED_END.search(clause)
        ahead = (
            embedded and "、" not in clause[: embedded.start()] and _DICTIONARY_END.search(clause[: embedded.start()])
        )
        return "future" if ahead else ""
    head = clause.lstrip()
    if _PAST_NEAR.match(head):
        return "past"
    # only the verb a date is the time of (「28日に…」「9月11日までに…」) can be embedded; 「27日の会合で、…決めた」 dates the
    # last verb
    embedded = _EMBEDDED_END.search(clause) if head.startswith(("に", "から", "までに")) else None
    if embedded and _CONJOINED.match(clause, 0, embedded.start()):
        embedded = (
            None  # 「12日に組合員で話し合い、…購入する方針を決めた」: the date is the occasion's, of the last verb
        )
    if embedded:  # 「28日に会談することを決めた」「13日にも訪れる方向で調整していることが9日、分かった」
        clause = clause[: embedded.start()]
        if _SOON.match(t, end) or ("、" not in clause and _DICTIONARY_END.search(clause)):
            return "future"  # 「16日から政策協議に入ることで一致した」: the date's own verb is still to come
    clause = clause.rstrip(" 」』)）]")
    if not head.startswith(("、", ",")) and _FUTURE_ANY.search(clause):
        return "future"
    if _FUTURE_END.search(clause):
        return "future"
    if _PAST_END.search(clause):
        return "past"
    if _SOON.match(t, end):
        # 「8日にも…遺体で見つかっている」: also on the 8th, a state that resulted; 「8日にも訪問する方向で調整している」: as
        # early as the 8th, a plan
        # 「25日にもホームページで声明を出し、「…」と謝罪。」: a saying told in a noun stop, done — also on the 25th
        done = (_ASPECT_END.search(clause) and not _PLAN_AFTER_VERB.search(clause)) or _SAID_STOP.search(clause)
        return "past" if done else "future"
    return ""


# A news sentence that stops on the noun of a saying after its quote (「…と謝罪。」「…と発表。」「…と強調。」): told done
_SAID_STOP = re.compile(
    r"と(?:謝罪|表明|発表|公表|批判|非難|強調|説明|主張|反論|反発|指摘|明言|言及|陳謝|抗議|要請|要求)$"
)


_ASPECT_END = re.compile(r"て(?:いる|います|いた|いました)$")
# (「10日にも…公表するとしている」: a verb still to come that someone said, quoted by と: a plan, not a state)
_PLAN_AFTER_VERB = re.compile(
    r"[るうくすつむぶぐ]\s*(?:方向|見通し|方針|考え|意向|予定|計画|構え|見込み|ため"
    r"|と(?:し|述べ|説明し|明らかにし|発表し|予告し|警告し)て)"
)


# Between a date and a bare day later in its paragraph: a span counted from the date (「1月1日の地震から9か月、
# 21日に」) — then the day is not the date's month.
_SPAN_FROM = re.compile(r"\n|から|以来|以降|ぶり|か月|カ月|ヶ月")
_SENTENCE_END = re.compile(r"[。!?！？]")
# An item of a bulleted list (「・2月12日、…」「・ゼレンスキー氏は15日、…」): a chronology, whose bare days go on in the
# month the item before named.
_LIST_ITEM = re.compile(r"\s*[・•●○◆◇▶\-*]\s*")


# A clause that names the matter a sentence is about (「…足止めされた問題で、」「1月2日、…が衝突した事故を巡り、」「…を
# 震源とする28日の大地震で、国軍は29日、…」): its date is the matter's; the clause after it tells the sentence's happening,
# dated on its own.
FRAME = re.compile(
    r"(?:問題|事件|事故|事案|事態|騒動|不祥事|疑惑|地震|震災|災害|火災|火事|豪雨|大雨|水害|噴火)"
    r"(?:で|を(?:巡|めぐ)り|について(?:は)?)[、，,]"
)


def _same_month_later(t: str, prev: DateMention, m: re.Match[str], base: dt.date | None = None) -> bool:
    """A bare day later in the paragraph than a day-precision date and after it in the month
    (「1月2日の時点で…と説明していたが、5日になって訂正した」: January 5th) — not after a frame clause
    (「1月2日、…事故で、委員会は25日、…公表した」: the 25th of the report's month), and not from a later month than the
    report's to a day not after the report's own whose clause does not read ahead: a day to come named first
    (「6月3日投開票の大統領選で、…は11日、…登録した」「来月4日に協議を行うことで一致した。ただ、タイ軍は29日、…と主張。」 in
    a report of 11 May or 29 July) lends its month to no day the report tells as done; 「来月4日に始め、10日に終える予定だ」
    keeps it, and so does a day past the report's (「28日に提出する。…30日の委員会で…ことで合意した」 on the 28th)."""
    d = int(m.group("day_d"))
    if prev.precision != "day" or d <= prev.parts[2] or _SPAN_FROM.search(t, prev.end, m.start()):
        return False
    if FRAME.search(t, prev.end, m.start()):
        return False
    if _lends_no_month(t, prev, m, base, d):
        return False
    later_month = base is not None and (prev.parts[0], prev.parts[1]) > (base.year, base.month)
    if later_month and base is not None and d <= base.day and _tense(t, m.end()) != "future":
        return False
    # across sentences of one paragraph only from a date that names its month (「…5月12日、反論した。…は22日、」), or
    # 同日 or a bare day read in an earlier month (「4月7日には…公表。官房長官は同日、…強調した。…同氏は14日に辞任。CVCは
    # 20日、…」: April 14th and 20th)
    across = bool(_SENTENCE_END.search(t, prev.end, m.start()))
    if across and _NOUNS_DAY_AFTER.match(t, prev.end):
        # 「茂木氏は翌28日、2月1日に続く2回目の外相談話を発表した。統合幕僚長も27日、…声明を出した」: a date that only
        # names a noun's happening (what the談話 follows) is no day the paragraph goes on in: the 27th is the report's month's
        return False
    return (
        not across
        or "月" in prev.text
        or (
            (prev.text in SAME_DAY or _BARE_DAY.fullmatch(prev.text) is not None)
            and base is not None
            and (prev.parts[0], prev.parts[1]) < (base.year, base.month)
            and (base - dt.date.fromisoformat(prev.value)).days <= _FAR_AHEAD_DAYS  # (within the half year around it)
        )
    )


# A date that names an earlier happening a noun follows or counts from (「2月1日に続く2回目の談話」「1月1日に次ぐ規模」
# 「2月1日以来の」): its month is no paragraph's month
_NOUNS_DAY_AFTER = re.compile(r"\s*(?:に(?:続く|続いて|次ぐ|次いで|並ぶ)|以来の|以降の|ぶりの)")


# A day told in passing before a bare day of the report's month: named by a clause that describes a noun (「昨年12月10日
# に就任したミレイ大統領は」「10月5日に施行された覆面禁止規則」「1月15日の…噴火で切断された…ケーブル」), or by a
# sentence that tells a state now (「今年7月3日、…訴訟を…起こしている。」「先月7日に派閥を離脱している。」): the bare day
# after it (「同氏は13日、」「…団長は18日、」「一夜明けた19日朝には」) is the report's month's, not that earlier one's.
# Not a time or a sequel the next act happened at (「24日に…締め切った後、」「…した際」), nor a fact named (「…したと公表」).
_BARE_DAY = re.compile(r"[0-9０-９]{1,2}\s*日")
_DESCRIBES_A_NOUN = re.compile(
    r"[^、。，「」]{0,40}?[\u3040-\u309f\u4e00-\u9fff][ただ]"
    r"(?!(?:時点|際|時|後|直後|前|直前|以降|以来|当日|翌日|翌朝|当時|矢先|途中|結果|上|末|ばかり))"
    r"[\u4e00-\u9fff\u30a1-\u30fa]"
)
_STATE_NOW = re.compile(r"[^。．\n「」]*?(?:ている|ています|でいる|でいます)[」』）)]*[。．]")


def _lends_no_month(t: str, prev: DateMention, m: re.Match[str], base: dt.date | None, d: int) -> bool:
    """Whether ``prev``, a day of a month before the report's, is told in passing (above), so that the bare day ``d``
    after it, one the report's month has reached, is of the report's month."""
    if base is None or (prev.parts[0], prev.parts[1]) >= (base.year, base.month) or d > base.day:
        return False
    if _DESCRIBES_A_NOUN.match(t, prev.end) or REFERS_BACK.match(t, prev.end):
        return True
    return bool(_SENTENCE_END.search(t, prev.end, m.start())) and bool(_STATE_NOW.match(t, prev.end))


def _the_next_day(t: str, prev: DateMention, m: re.Match[str]) -> bool:
    """「翌9日」 right after a day-precision date whose next day is the 9th (「8日から…デモが拡大。オリ氏が翌9日に辞任し」 in
    an October report of September): 翌 says the day after the one named last, so it is that day's month whatever the
    sentences between say (another sentence, a tense of its own)."""
    if m.start() == 0 or t[m.start() - 1] != "翌" or prev.precision != "day":
        return False
    return (dt.date.fromisoformat(prev.value) + dt.timedelta(days=1)).day == int(m.group("day_d"))


# How far into the next month a bare day (「2日」) may read ahead: news names a later day's month (「来月4日」).
_BARE_DAY_AHEAD = 10


def _day_month(t: str, e: int, ry: int, rm: int, rd: int | None, d: int) -> tuple[int, int]:
    """The (year, month) day ``d`` falls in, given the reference and the tense of the clause after it."""
    month = (ry, rm)
    if rd is None or d == rd:
        return month
    tense = _tense(t, e)
    if d > rd:
        other = _shift_month(ry, rm, -1)
        if tense == "past" and not names_a_thing_ahead(t[e : e + 60]):
            month = other  # (not 「7日に予定される抗議デモに…呼び掛けた」 on the 6th: the day of a thing still to come)
        elif tense == "":
            dist_other = rd + calendar.monthrange(*other)[1] - d
            if not _valid(ry, rm, d) or (_valid(*other, d) and dist_other <= d - rd):
                month = other
    elif tense == "future":
        month = _shift_month(ry, rm, 1)
        # a day of next month is written with its month (「来月4日」「8月4日」) unless it is days away (「30日…2日に」):
        # a bare day far into it, whose own verb is a plan inside a done sentence, is the day that sentence tells
        # (「2日に…課すと発表した」「26日には…要請する方針を明らかにしていた」 in a report of the 5th or 28th: just past)
        far = calendar.monthrange(ry, rm)[1] - rd + d > _BARE_DAY_AHEAD
        if far and _PAST_END.search(_clause_after(t, e).rstrip(" 」』)）]")):
            month = (ry, rm)
    return month


# 「the same day the 20-year-old registered for the rally」「the same day his eldest son … made a visit」「On the same day
# he resigned, …」: the day a clause after it tells, not the last day the article named (that day is not said)
_SAME_DAY_CLAUSE_RE = re.compile(
    r"\s+(?:as\s+)?(?:the|his|her|its|their|he|she|it|they|we|[A-Z][a-z]+)\b[^.;:!?]{0,60}?\b(?:[a-z]{2,}ed|was|were|had|made|"
    r"took|met|said|told|came|went|left|won|lost|began|gave|held|ran|flew|visited|resigned)\b"
)
_SAME_DAY_OPENER_RE = re.compile(r"(?:^|[.!?]\s+|\n)(?:[Oo]n\s+)?$")


def _same_day_as_a_clause(t: str, s: int, e: int) -> bool:
    """Whether an English "the same day" is the day of the clause right after it: mid-sentence ("came the same day
    the 20-year-old registered"), or opening a sentence as a clause its main clause follows after a comma ("On the
    same day he resigned, Vilaplana gave evidence"; not "The same day the Bank of Japan joined the Fed.")."""
    clause = _SAME_DAY_CLAUSE_RE.match(t, e)
    if not clause:
        return False
    if not _SAME_DAY_OPENER_RE.search(t, max(0, s - 6), s):
        return True
    return t.startswith(",", clause.end()) or bool(re.match(r"[^,.;:!?]{0,40},", t[clause.end() :]))


class DateContext:
    """Scans one article's passages in order, keeping the state relative dates need."""

    __slots__ = (
        "_coarse_end",
        "_day_end",
        "_done_day",
        "_last_absolute",
        "_last_day",
        "_lead_day",
        "_listed_day",
        "_month_named",
        "_opening",
        "_since_day",
        "last",
        "published",
    )

    def __init__(self, published: dt.date | None = None) -> None:
        self.published = published
        self.last: DateMention | None = None  # the last date mentioned so far in the article
        self._last_absolute: DateMention | None = None  # the reference when there is no ref/published
        self._last_day: DateMention | None = None  # the last day named: what 同日/前日/翌日 count from
        self._lead_day: DateMention | None = None  # the first day named: the day the article's lead tells
        self._done_day: DateMention | None = None  # the last day named that is not after its report's
        self._opening = False  # whether no date of the text being scanned has been read yet (a paragraph's opening)
        self._since_day = 0  # texts scanned since the one that named the last day (1: the one just before)
        self._coarse_end = -1  # where the text being scanned last named a month or a year (-1: not yet)
        self._day_end = -1  # where the text being scanned last named a day (-1: not yet)
        # the last date that names its month (「3月」「4月23日」「今月6日」): what 「同25日」 is a day of
        self._month_named: DateMention | None = None
        # the last day, with its month, of the list item just scanned: what a bare day of the next item continues
        self._listed_day: DateMention | None = None

    def scan(self, text: str, ref: dt.date | None = None, *, item: bool = False) -> list[DateMention]:
        """Every date in ``text``, in order; relative ones resolved against ``ref``/``published``/``last``.
        ``item``: the text is an item of a bulleted list (its mark already taken off)."""
        self._since_day += 1
        t = text.translate(_FW) if _HAS_FW.search(text) else text
        if not _GATE.search(t):
            return []
        base = ref or self.published
        fixed: Parts | None = (base.year, base.month, base.day) if base else None
        item = item or bool(_LIST_ITEM.match(t))
        listed, self._listed_day = (self._listed_day if item else None), None
        continued = False
        anchored = False  # whether this text has named a day that 同日 counts from
        self._opening = True
        self._coarse_end = -1
        self._day_end = -1
        # a date inside a quote (「木曜日が適切だ」と述べた。…同日夜、) is the speaker's: 同日 and 翌日 after it count from
        # the last day the article itself named
        quoted = mask_quotes(t) if "「" in t or "『" in t else None
        urls: list[tuple[int, int]] | None = None
        out: list[DateMention] = []
        for m in _matches(t):
            if urls is None:
                urls = [u.span() for u in _URL.finditer(t)] if "/" in t or "www." in t else []
            if any(s < m.end() and m.start() < e for s, e in urls):
                continue
            reference = fixed or (self._last_absolute.parts if self._last_absolute else None)
            chain: _Chain | None = None
            if out and out[-1].precision == "day" and m.lastgroup in ("day", "md"):
                joint = _CHAIN.fullmatch(t, out[-1].end, m.start())
                if joint:
                    chain = (dt.date.fromisoformat(out[-1].value), joint["to"] is not None)
                elif m.lastgroup == "day" and _the_next_day(t, out[-1], m):
                    chain = (dt.date.fromisoformat(out[-1].value), int(m.group("day_d")) == 1)
                elif m.lastgroup == "day" and _same_month_later(t, out[-1], m, base):
                    chain = (dt.date.fromisoformat(out[-1].value), False)
                elif continued and m.lastgroup == "day" and int(m.group("day_d")) > out[-1].parts[2]:
                    # 「・最初の1週間（19日まで）の…。副事務総長は21日の会見で…」: an item that goes on in the month of
                    # the item before goes on in it to its end
                    chain = (dt.date.fromisoformat(out[-1].value), False)
            elif not out and listed is not None and m.lastgroup == "day" and int(m.group("day_d")) > listed.parts[2]:
                chain = (dt.date.fromisoformat(listed.value), False)  # the list goes on in the month of the item before
                continued = True
            for start, end, parts, rel in self._resolve(m, t, reference, chain):
                y, mo, d = parts
                if not 1 <= y <= 9999 or not _valid(y, mo, d):
                    continue
                if d is not None:
                    value, precision = f"{y:04d}-{mo:02d}-{d:02d}", "day"
                elif mo is not None:
                    value, precision = f"{y:04d}-{mo:02d}", "month"
                else:
                    value, precision = f"{y:04d}", "year"
                mention = DateMention(start, end, text[start:end], value, precision, rel)
                out.append(mention)
                if precision != "day":
                    self._coarse_end = end
                elif not _a_week(m):
                    self._day_end = end
                if precision != "year" and "月" in mention.text and not (quoted is not None and quoted[start] == "＿"):
                    self._month_named = mention
                if not _a_week(m) and not (quoted is not None and quoted[start] == "＿"):
                    self.last = mention
                    english = m.lastgroup in _EN_KINDS
                    # (a noun's day, 「21日召集の臨時国会」, is what 同日 counts from only when the paragraph has named no
                    # day of its own before it: 「7日投開票の知事選で…氏は同日夜、」)
                    nouns_day = not english and (
                        (anchored and bool(_NAMES_A_NOUN.match(t, end))) or bool(REFERS_BACK.match(t, end))
                    )
                    if (
                        precision == "day"
                        and not nouns_day
                        and not (not english and _ZONE_ASIDE.search(t, max(0, start - 12), start))
                        and not self._told_in_passing(t, start, end, value, base, english=english)
                    ):
                        self._last_day = mention
                        self._since_day = 0
                        if base is None or value <= base.isoformat():
                            self._done_day = mention
                            # (the lead's day is its news's, not after the report: not a headline's 「4月28日に総選挙」)
                            if self._lead_day is None:
                                self._lead_day = mention
                        anchored = True
                self._opening = False
                if not rel:
                    self._last_absolute = mention
        days = [d for d in out if d.precision == "day"]
        if item and not days:
            self._listed_day = listed  # an item naming no day (「・当初案は…5000億ドル規模」) keeps the list's month
        elif item and (continued or any("月" in d.text for d in days)):
            self._listed_day = days[-1]  # (「・開幕日（4月13日）…翌14日に」: the 14th, in the month the item named)
        return out

    @staticmethod
    def _told_in_passing(t: str, start: int, end: int, value: str, base: dt.date | None, *, english: bool) -> bool:
        """A day that is no 同日/前日 anchor: a state's start, what had been, a count's end, a planned day ahead."""
        if english:
            # "She had announced her bid on May 27." "It will carry out an inspection on Tuesday." "since the Jan. 2
            # accident": a day told as what had been, a day ahead, or a day naming a thing, is no day "the same
            # day" after it counts from
            opening = t.rfind(". ", 0, start) + 1
            return bool(
                _EN_IN_PASSING.search(t, opening, start) or _EN_ATTRIBUTE.search(t, max(0, start - 8), start)
            ) or bool(base and value > base.isoformat())
        # (a span's end or a deadline, 「3月15日までに…提出するよう命じた」, is no day the article tells either)
        if _STATE_SINCE.match(t, end) or _HAD_BEEN.match(t, end) or _SPAN_END.match(t, end):
            return True
        if "両" in t[start:end] and not BOTH_DAYS_ADVERBIAL.match(t, end):
            return True  # 「2月13、14両日を中心に行われた。…判事も同日、」: not the 13th
        if base and value > base.isoformat():
            # 「量刑は25日に言い渡される予定だ」「24日に放出を始めることを決めた」: a day ahead whose own verb is still to come
            # (after the day its sentence tells: 「22日朝、…24日に放出を始めることを決めた」 stays the 22nd's)
            opening = max(t.rfind("。", 0, start), t.rfind("．", 0, start)) + 1
            after_its_day = bool(_A_DAY.search(t, opening, start))
            return bool(_PLANNED_DAY.match(t, end) or (after_its_day and own_verb_ahead(t[end : end + 200])))
        return False

    # --- resolution -----------------------------------------------------------------------------------------

    def _anchor(self, ref: Parts | None) -> Parts | None:
        """What 同日/前日/同月/前年… count from: the last mention, else the reference."""
        return self.last.parts if self.last else ref

    def _counted_from(self, w: str, ref: Parts | None, t: str = "", end: int = 0) -> Parts | None:
        """What 同日/前日/翌日/当日 count from: the last day named, else the reference. A paragraph that opens with 同日,
        in a report of the day its lead tells (or of the next morning), after a paragraph gone back to an earlier day
        (「同行は前日の16日、…発表した。」) and paragraphs naming no day that went on with the lead's account, is back on
        the lead's day: 「金融担当相は同日の閣議後記者会見で」 there is the lead's day, not the 16th. Right after the
        earlier day's paragraph, it goes on with that day (「検察は3日、声明を出した。」「検事は同日午後、会見した。」).
        A 同日 whose sentence tells a done act does not count from a day after the report (a plan's day, 「首相は来年1月
        15日に信任投票を行う考えを表明した。」「同省は5日に…検査する予定で」): it goes on with the later of the lead's day
        and the last day named that the report has reached (「FDPの閣僚は同日、…辞任する意向を示した。」: the lead's 6th;
        「…CMを差し止めることが18日、分かった。…19日放送分から…」 then 「…も同日、CMを見合わせると表明した。」: the 18th)."""
        if self._last_day is None:
            return ref
        last = self._last_day.parts
        if (
            ref is not None
            and None not in ref
            and last > ref
            and (_sentence_done(t, end) if w in SAME_DAY else w == "前日" and _sentence_past(t, end))
        ):
            # (a 前日 told in the past from a day ahead, 「30日の衆院法務委員会で…審議入りさせることで合意した。」 then
            # 「…代表は前日の記者会見で、28日に提出する方針を明らかにしていた。」 in a report of the 28th, is the day
            # before the one the report has reached, not the 29th)
            reached = [d.parts for d in (self._lead_day, self._done_day) if d is not None and d.parts <= ref]
            if reached:
                return max(reached)
        lead = self._lead_day.parts if self._lead_day is not None else None
        if w == "この日" and lead is not None and last < lead:
            # 「この日」 points at a day the article tells as its news, not at a background day named after its lead
            # (「市は11日、…決定した。市長が9日夜、…表明したのが決め手となった。市議会もこの日、…可決した」: the 11th);
            # a later day the article goes on to (「14日には…。市民団体もこの日、…」) is one it tells
            return lead
        returns = w in SAME_DAY and self._opening and self._since_day >= 2
        if returns and lead is not None and last < lead and _reported_by(lead, ref):
            return lead
        if (
            w in SAME_DAY
            and self._opening
            and self._since_day == 1
            and lead is not None
            and _far_before(last, lead)
            and _reported_by(lead, ref)
        ):
            # A paragraph opening on 同日 right after one that named a background day weeks before the lead's
            # (「…今年3月25日付で退職した。」「…が先月19日に存在を公表したものだ。」「当初予告していた8月1日から後ろ倒し
            # にした。」) goes on with the lead's news, not with that day: a background day is told in passing, and an
            # article that went back to tell an earlier happening of its own names it a day or two before its lead's.
            return lead
        return last

    def _resolve(self, m: re.Match[str], t: str, ref: Parts | None, chain: _Chain | None) -> list[_Hit]:
        """Hits for one master-regex match; ``chain`` is the date this one is joined to ("13日から15日")."""
        kind = m.lastgroup
        g = m.group
        s, e = m.span()
        if kind in ("ymd", "era"):
            if kind == "ymd":
                y = int(g("ymd_y"))
            else:
                n = g("era_y")
                y = _ERA_BASE[g("era_n")] + (1 if n == "元" else int(n))
            if g(kind + "_e"):
                return [(s, e, (y, 12, None), False)]
            return self._month_day(m, kind, y, False)
        if kind == "y2":
            yy = int(g("y2_y"))
            century = 2000 if ref is None or 2000 + yy <= ref[0] + 30 else 1900
            return self._month_day(m, kind, century + yy, False)
        if kind == "md":
            ref = (chain[0].year, chain[0].month, chain[0].day) if chain else ref
            if ref is None:
                return []
            if not chain and _SAME_YEAR_BEFORE.search(t, max(0, s - 2), s) and (last := self._anchor(None)):
                # 「政府は昨年3月、…要請。東電は同4月に…」「昨年10月21日に…、同11月27日には…」: 同 is the year of the last
                # date named, not the one nearest the reference
                hits = self._month_day(m, kind, last[0], True)
                return [(h[0] - (i == 0), h[1], h[2], True) for i, h in enumerate(hits)]
            mo, d = int(g("md_m")), g("md_d")
            if d and ref[1] is None:
                return []  # 「2009年以来…11月11日」: a year alone cannot place a day
            tense = _tense(t, e) if not chain else ""
            if tense == "past" and d and _SPAN_END.match(t, e):
                # 「3月24日まで休会とすることを認めた」「8月1日の新たな期限に向け」: a span's end or a deadline
                tense = ""
            if tense == "past" and (t.startswith(_OWN_PAST_OPENER, e) or (d and own_verb_done(t[e : e + 200]))):
                # 「1月2日、…が衝突した事故で」「1月25日から始まっていた」 in a December report: the date's own verb is past
                tense = "done"
            if d and tense != "future" and _DAY_OF_A_THING_AHEAD.match(t, e) and _thing_ahead(t, e, tense):
                tense = "future"
            if d and _APPROACHING.match(t, e):
                tense = "future"  # 「会期末は6月21日に迫り、」 in a May report: the day at hand, not last June's
            announced = tense == "future" and _announced_plan(t, e)
            y = _nearest_year(ref, mo, int(d) if d else None, tense, announced=announced)
            return [] if y is None else self._month_day(m, kind, y, True)
        if kind == "day":
            if not chain and (same := _SAME_MONTH_BEFORE.search(t, max(0, s - 3), s)):
                # (the month named last, not a bare day of the report's month named after it: 「ボルティモアで3月、…
                # 衝突した事故で、委員会は14日、報告書を公表した。船は出港前日の同25日、…」 is March 25th)
                named = self._month_named.parts if self._month_named is not None else self._anchor(None)
                if named is not None:
                    return self._same_month_day(m, t, named, same.start())
            return self._day(m, t, ref, chain)
        if kind == "sep":
            return [(s, e, (int(g("sep_y")), int(g("sep_m")), int(g("sep_d"))), False)]
        if kind == "yr":
            a, b = int(g("yr_a")), int(g("yr_b"))
            if a > b:
                return []
            return [(s, m.end("yr_as"), (a, None, None), False), (m.start("yr_b"), e, (b, None, None), False)]
        if kind == "rely":
            w = g("rely_w")
            base = ref if w in _REL_YEAR else self._anchor(ref)
            if base is None:
                return []
            y = base[0] + (_REL_YEAR[w] if w in _REL_YEAR else _LAST_YEAR[w])
            if g("rely_e"):
                return [(s, e, (y, 12, None), True)]
            return self._month_day(m, kind, y, True)
        if kind == "relm":
            w = g("relm_w")
            base = ref if w in _REL_MONTH else self._anchor(ref)
            if base is None or base[1] is None:
                return []
            y, mo = _shift_month(base[0], base[1], _REL_MONTH[w] if w in _REL_MONTH else _LAST_MONTH[w])
            d = g("relm_d")
            return [(s, e, (y, mo, int(d) if d else None), True)]
        if kind == "wk":
            day = _as_date(ref)
            if day is None:
                return []
            monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=_REL_WEEK[g("wk_w")])
            wd = g("wk_d")
            x = monday + dt.timedelta(days=_JWD.index(wd) if wd else 0)
            return [(s, e, (x.year, x.month, x.day), True)]
        if kind == "rel":
            return self._rel(g("rel_w"), s, e, ref)
        if kind == "ewk":
            day = _as_date(ref)
            if day is None:
                return []
            x = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=_EN_WEEK[g("ewk_q").lower()])
            return [(s, e, (x.year, x.month, x.day), True)]
        if kind == "eth":
            if ref is None or ref[1] is None:
                return []
            return [(s, e, (ref[0], ref[1] if g("eth_u") == "month" else None, None), True)]
        if kind == "emo":
            if ref is None or ref[1] is None:
                return []
            mo = MONTHS_EN.index(g("emo_m")[:3].lower()) + 1
            y = _english_month_year(ref, mo, g("emo_p").lower(), t, s)
            return [(m.start("emo_m"), e, (y, mo, None), True)]
        if kind == "erd":
            if g("erd_same") and _same_day_as_a_clause(t, s, e):
                return []
            if g("erd_n") and _EN_DAY_NAMED_AFTER.match(t, e):
                return []  # "Two days earlier, on Wednesday, …": the day named after it dates the clause
            if (
                not g("erd_same")
                and (g("erd_w") or "").lower() != "yesterday"
                and self._day_end >= 0
                and self.last is not None
                and self.last.precision == "day"
                and not _EN_END.search(t, self._day_end, s)
            ):
                # "Shares fell after the Dec. 20 release and recovered the next day": counted from the day its own
                # sentence named, even one told in passing (a noun's), not from the last day the article told
                return self._english_day(g, s, e, ref, self.last.parts)
            return self._english_day(g, s, e, ref)
        if kind == "rd":
            w = g("rd_w")
            if w == "翌日" and _COUNTDOWN.match(t, e):
                return []  # 「投票を翌日に控えた5月31日」: the day before the named one, which dates the clause
            if w == "翌日" and _OVERNIGHT.search(t, max(0, s - 4), s):
                return []  # 「午後4時から翌日午前3時まで閉じる」: the hours of a night, no day of the text's
            if (
                w in ("前日", "翌日")
                and self._coarse_end >= 0
                and self.last is not None
                and self.last.precision != "day"
                and not _SENTENCE_END.search(t, self._coarse_end, s)
            ):
                # 「昨年1月の判決で…認定され、弁護人が翌日に控訴した」: the day after a happening its sentence dates by its month
                # only; no day can be counted, and the last day named is not the one meant
                return []
            base = ref if w in _REL_DAY else self._counted_from(w, ref, t, e)
            if base is None or base[1] is None or base[2] is None:
                return []
            k = _REL_DAY[w] if w in _REL_DAY else _LAST_DAY[w]
            return [(s, e, _add_days(base[0], base[1], base[2], k), True)]
        if kind in ("jwd", "ewd"):
            day = _as_date(ref)
            if day is None:
                return []
            q = (g("ewd_q") or "").lower() if kind == "ewd" else ""
            wd = _JWD.index(g("jwd_d")) if kind == "jwd" else _WD_EN.index(g("ewd_d"))
            if not q and kind == "ewd" and (_english_future_before(t, s) or _scheduled_present(t, s, e)):
                x = day + dt.timedelta(days=(wd - day.weekday()) % 7)  # 「plans to disclose … on Thursday」
                return [(s, e, (x.year, x.month, x.day), True)]
            back = (day.weekday() - wd) % 7 or (7 if q == "last" else 0)
            x = day - dt.timedelta(days=back) + dt.timedelta(days=7 if q == "next" else 0)
            return [(s, e, (x.year, x.month, x.day), True)]
        if kind in ("emdy", "edmy"):
            mo = MONTHS_EN.index(g(kind + "_m")[:3].lower()) + 1
            d = int(g(kind + "_d"))
            year = g(kind + "_y")
            if year:
                return [(s, e, (int(year), mo, d), False)]
            if _EN_THAT_YEAR.match(t, e) and self.last is not None:  # "on Oct. 9 that year": the last date's year
                return [(s, e, (int(self.last.value[:4]), mo, d), True)]
            told = _EN_YEAR_AFTER.match(t, e)
            if told and ref:  # "launched on Oct. 4 last year", "ends on Dec. 2 next year": the year is said
                return [(s, e, (ref[0] + _EN_YEAR_SHIFT[told.group(1).lower()], mo, d), True)]
            # 「The earthquake on Jan. 1 killed…」 in a September article: last January, not the next
            y = _nearest_year(ref, mo, d, _english_day_tense(t, s, e)) if ref else None
            return [] if y is None else [(s, e, (y, mo, d), True)]
        if kind == "emy":
            return [(s, e, (int(g("emy_y")), MONTHS_EN.index(g("emy_m")[:3].lower()) + 1, None), False)]
        return []

    def _english_day(
        self, g: Callable[[str], str | None], s: int, e: int, ref: Parts | None, sentences: Parts | None = None
    ) -> list[_Hit]:
        """「yesterday」 from the reference; 「the next day」「the previous day」「two days later」 from the day its sentence
        named before it (``sentences``), else the last day named (else the reference)."""
        w = (g("erd_w") or "").lower()
        n = (g("erd_n") or "").lower()
        base = ref if w == "yesterday" else sentences or (self._last_day.parts if self._last_day else ref)
        if n:
            k = _EN_COUNT[n] * (1 if g("erd_q") == "later" else -1)
        elif g("erd_same"):
            k = 0
        else:
            k = -1 if w == "yesterday" or "previous" in w else 1
        if base is None or base[1] is None or base[2] is None:
            return []
        return [(s, e, _add_days(base[0], base[1], base[2], k), True)]

    @staticmethod
    def _rel(w: str, s: int, e: int, ref: Parts | None) -> list[_Hit]:
        """週明け (the coming Monday), 月末 (the reference month), 年内 (its year), 年明け (the January at hand: next
        year's from October)."""
        if ref is None or ref[1] is None:
            return []
        if w == "週明け":
            day = _as_date(ref)
            if day is None:
                return []
            x = day + dt.timedelta(days=7 - day.weekday())  # the coming Monday
            return [(s, e, (x.year, x.month, x.day), True)]
        if w == "月末":
            return [(s, e, (ref[0], ref[1], None), True)]
        if w == "年内":
            return [(s, e, (ref[0], None, None), True)]
        return [(s, e, (ref[0] + (1 if ref[1] >= 10 else 0), 1, None), True)]

    @staticmethod
    def _month_day(m: re.Match[str], p: str, y: int, rel: bool) -> list[_Hit]:
        """Hits for a match whose year is known: year only, month (+part), day, or a day range."""
        s, e = m.span()
        if m.group(p + "_m") is None:
            return [(s, e, (y, None, None), rel)]
        mo = int(m.group(p + "_m"))
        hits: list[_Hit] = []
        if m.group(p + "_m2"):  # "2～3月": the first month alone, the rest belongs to the second
            if int(m.group(p + "_m2")) <= mo:
                return []
            hits.append((s, m.end(p + "_m"), (y, mo, None), rel))
            s, mo = m.start(p + "_m2"), int(m.group(p + "_m2"))
        d, d2 = m.group(p + "_d"), m.group(p + "_d2")
        if d is None:
            hits.append((s, e, (y, mo, None), rel))
        elif d2 is None or "両" in m.group():
            hits.append((s, e, (y, mo, int(d)), rel))  # (「9月17、18両日」: one happening, of its first day)
        else:
            hits += [(s, m.end(p + "_d"), (y, mo, int(d)), rel), (m.start(p + "_d2"), e, (y, mo, int(d2)), rel)]
        return hits

    @staticmethod
    def _same_month_day(m: re.Match[str], t: str, last: Parts, s: int) -> list[_Hit]:
        """「同25日」「同4、5日」: 同 before a bare day is the month of the date named last (「3月26日に出港した。…前日の同25日
        、…停電を起こしていた」: March 25th in a May report; 「投票は6月1日まで。開票は同4日」: June 4th), whatever the
        reference month or the clause's tense say; 同 (at `s`, where the caller found it) goes into the mention's text, as
        it does for 「同4月」."""
        y, mo = last[0], last[1]
        if mo is None or _DAY_PRE.search(t, max(0, m.start() - 14), m.start()):
            return []
        e = m.end()
        d, d2 = int(m.group("day_d")), m.group("day_d2")
        if not _valid(y, mo, d):
            return []
        if d2 is None or "両" in m.group() or int(d2) <= d or not _valid(y, mo, int(d2)):
            return [(s, e, (y, mo, d), True)]
        return [(s, m.end("day_d"), (y, mo, d), True), (m.start("day_d2"), e, (y, mo, int(d2)), True)]

    @staticmethod
    def _day(m: re.Match[str], t: str, ref: Parts | None, chain: _Chain | None) -> list[_Hit]:
        """``N日``: a day of the reference month, or of the month before/after (see the module docstring)."""
        s, e = m.span()
        if _DAY_PRE.search(t, max(0, s - 14), s) or _DURATION_NOUN.match(t, e) or _ONE_DAYS_MEASURE.match(t, e):
            return []
        if _COUNTED_FROM.search(t, max(0, s - 14), s) and _COUNT_GOES_ON.match(t, e):
            return []
        d, d2 = int(m.group("day_d")), m.group("day_d2")
        if d2 is not None and _RANGE_DURATION.match(t, e):
            return []
        if chain and (d > chain[0].day or chain[1]):
            c = chain[0]
            month = (c.year, c.month) if d > c.day else _shift_month(c.year, c.month, 1)
        elif ref is None or ref[1] is None:
            return []
        else:
            month = _day_month(t, e, ref[0], ref[1], ref[2], d)
        if not _valid(*month, d):
            return []
        if d2 is None:
            return [(s, e, (*month, d), True)]
        if int(d2) <= d:
            return []
        if "両" in m.group():
            return [(s, e, (*month, d), True)]  # 「17、18両日」: one happening over both days, of the first
        if int(d2) <= d:
            return []
        return [(s, m.end("day_d"), (*month, d), True), (m.start("day_d2"), e, (*month, int(d2)), True)]


# 「羽田で6日から始めており、」「聞き取りは1月25日から始まっていた。」: the day a state has run from, told in passing;
# 同日 and 前日 after it count from the day the article tells (「斉藤国交相は同日の閣議後記者会見で」: the 9th).
_STATE_SINCE = re.compile(
    r"\s*(?:から|以降)[^。．\n]{0,40}?(?:ており|ている|ています|ていた|ていました|てきた|てきました)"
)


# 「同14日の罪状認否では、…無罪を主張していた。」「2日前の26日には…方針を明らかにしていた。」: a day its sentence tells as what
# had been before the article's news (its last verb 〜ていた); 同日 after it counts from the day the article tells.
_HAD_BEEN = re.compile(
    r"[^。．\n「」]*?(?:ていた|ていました|でいた|でいました)[」』）)]*[。．]"
    r"|\s*までの"  # 「26日までの人身被害は54人」: the day a count runs to, not a day the article tells
)
# A day that modifies a noun the clause then reacts to or counts from (「1月8日の事件を受け」「10月7日の奇襲以降」「昨年
# 10月の選挙をめぐり」「3日の決定に抗議して」「1月の地震から1年」): a reference to an earlier happening, which it dates at
# most; the clause's own act is later (an occasion, 「13日の記者会見で述べた」「3日の火災で死亡した」, is the act's time). Nor is
# it a day 同日 counts from (「14日の就任以降、…。」「…党首は同日、遊説を開始し」: the day the article tells, not the 14th).
REFERS_BACK = re.compile(
    r"の[\u4e00-\u9fff\u30a1-\u30fa・ー]{1,12}"
    r"(?:を受け|以降|以来|をめぐ|を巡|に抗議|に反発|に関連し|から(?:[0-9０-９一二三四五六七八九十百半]+|約)"
    r"[0-9０-９一二三四五六七八九十百]*(?:年|カ月|か月|ヶ月|ケ月|日|週間))"
)

# 「…は28日夜（日本時間29日未明）、…記者会見し」「…容疑者が12日(日本時間13日)、…出廷した。同日朝に…」: a day in an aside
# that tells the moment again in another time zone is the same moment, not a day of its own; the day the sentence
# dates its happening by (the one outside the aside, as `segments` dates it) is what 同日/前日/翌日 after it count from.
_ZONE_ASIDE = re.compile(
    r"[（(]\s*(?:日本時間|現地時間|米東部時間|米国東部時間|東部時間|米国時間|米時間|ワシントン時間|中部時間|太平洋時間"
    r"|米西部時間|西部時間|欧州時間|英国時間|北京時間|モスクワ時間|パリ時間|ロンドン時間)の?\s*(?:同月|今月|[0-9]{1,2}月)?\s*$"
)
_A_DAY = re.compile(r"[0-9０-９]{1,2}\s*日(?!間)|" + LAST_DAY_ALT)
# 「21日召集の臨時国会で」「東京地裁が先月25日に出した解散命令を不服として」: the day of a thing the sentence names (a
# noun's date, or a relative clause's), not of what it tells; 同日 after it counts from the day the article tells.
_NAMES_A_NOUN = re.compile(
    r"(?!\s*(?:午前|午後|朝|夜|夕|未明|深夜|昼|早朝|正午))\s*[\u4e00-\u9fff]{1,4}の"
    r"|\s*に[^、。「」『』]{0,12}?(?:した|された|出した|決めた|示した)[\u4e00-\u9fff\u30a0-\u30ff]{2,8}(?:を|について|に対し)"
)
# The English kinds, and what tells an English day in passing before it: the past perfect ("had announced", "had
# been"), a plan ("will", "is due to", "plans to", "is scheduled").
_EN_KINDS = frozenset(["emdy", "emy", "edmy", "ewd", "ewk", "eth", "erd", "emo"])
# 「期限は18日に迫る」「会期末が6月21日に迫り」「12月2日に迫った廃止」: a day drawing near, never one gone by
_APPROACHING = re.compile(r"\s*に迫")
# 「午後10時から翌日午前5時まで」: a night's hours, counted from whatever day the rule applies
_OVERNIGHT = re.compile(r"(?:時|時半|分)\s*(?:から|～|~|〜)\s*$")
# 「〜を翌日に控えた5月31日」「投開票を翌日に控え、」: the next day counted from the clause's own day, not a date of its own
_COUNTDOWN = re.compile(r"\s*に控え")
# "Two days earlier, on Wednesday," "A day later, on May 3,": the named day is the date, the count only relates it
_EN_DAY_NAMED_AFTER = re.compile(
    rf",?\s+on\s+(?:{_WD}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{{1,2}}\b|\d{{1,2}}\s+[A-Z][a-z]+)"
)
_EN_IN_PASSING = re.compile(r"\b(?:had|will|would|plans? to|(?:is|are) (?:due|scheduled|set|expected) to)\b")
_EN_ATTRIBUTE = re.compile(r"\b(?:[Tt]he|[Ss]ince|[Uu]ntil)\s+$")
# 「量刑は10月25日に言い渡される予定だ。」: a day ahead of the report its sentence plans; 同日 after it is not that day
_PLANNED_DAY = re.compile(r"[^。．\n「」]*?(?:予定|見通し|見込み|方針|計画)(?:だ|です|である)?[」』）)]*[。．]")


def _sentence_done(t: str, start: int) -> bool:
    """Whether the Japanese sentence going on from `start` tells a done act: no plan's word and no non-past end
    (「…は同日、アプリに動画を投稿し、…と述べた。」「…は同日夜、街頭演説で…と批判。」)."""
    stop = _CLAUSE_END.search(t, start)
    sentence = mask_quotes(t[start : stop.start() if stop else len(t)]).rstrip("」』）) 　")
    return bool(sentence) and not (
        _FUTURE_ANY.search(sentence) or _FUTURE_END.search(sentence) or _DICTIONARY_END.search(sentence)
    )


def _sentence_past(t: str, start: int) -> bool:
    """Whether the Japanese sentence going on from `start` ends on a past verb (「…方針を明らかにしていた。」)."""
    stop = _CLAUSE_END.search(t, start)
    sentence = mask_quotes(t[start : stop.start() if stop else len(t)]).rstrip("」』）) 　")
    return bool(_PAST_END.search(sentence))


_FAR_BEFORE_DAYS = 14  # a day this long before the lead's is background to it, not the lead's news going on


def _far_before(day: Parts, lead: Parts) -> bool:
    """Whether ``day`` lies more than `_FAR_BEFORE_DAYS` before the ``lead`` day (both full dates)."""
    a, b = _as_date(day), _as_date(lead)
    return a is not None and b is not None and (b - a).days > _FAR_BEFORE_DAYS


def _reported_by(day: Parts, ref: Parts | None) -> bool:
    """Whether a report of `ref` is of `day`'s news: the same day or the next (a morning paper's report of the eve)."""
    told, report = _as_date(day), _as_date(ref)
    return told is not None and report is not None and 0 <= (report - told).days <= 1


def _a_week(m: re.Match[str]) -> bool:
    """A week named by its Monday (先週, 来週, 週明け, next week): no day that 同日 or 前日 could count from
    (「週明けにも人事に着手する方針だ。…斉藤代表は同日夕、」: the day before, not that Monday)."""
    kind = m.lastgroup
    return (kind == "wk" and not m.group("wk_d")) or kind == "ewk" or (kind == "rel" and m.group("rel_w") == "週明け")


def find_dates(text: str, ref: dt.date | None = None) -> list[DateMention]:
    """Convenience: a fresh DateContext(published=ref).scan(text)."""
    return DateContext(published=ref).scan(text)


_ARG_NUMERIC = re.compile(r"([0-9]{4})(?:([-/.])([0-9]{1,2})(?:\2([0-9]{1,2}))?)?")
_ARG_NO_YEAR = re.compile(r"[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?|[0-9]{1,2}\s*日")


def parse_date_arg(s: str) -> tuple[str, str]:
    """Parse a --since/--until value into (iso_value, precision).

    Accepts 2025, 2025-3, 2025-03-12, 2025/03/12, 2025年3月12日, 令和7年3月1日, March 12, 2025.
    Raises ValueError with a short message when malformed, invalid or missing a year.
    """
    raw = s.strip().translate(_FW)
    if not raw:
        raise ValueError("empty date")
    num = _ARG_NUMERIC.fullmatch(raw)
    if num:
        y, mo, d = int(num[1]), num[3], num[4]
        parts: Parts = (y, int(mo) if mo else None, int(d) if d else None)
        if not _valid(*parts):
            raise ValueError(f"invalid date: {s.strip()!r}")
        precision = "day" if d else "month" if mo else "year"
        return "-".join(f"{x:02d}" if i else f"{x:04d}" for i, x in enumerate(parts) if x is not None), precision
    if _ARG_NO_YEAR.fullmatch(raw):
        raise ValueError(f"date needs a year: {s.strip()!r} (e.g. 2025-03-12)")
    found = DateContext().scan(raw)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(raw) and not found[0].relative:
        return found[0].value, found[0].precision
    raise ValueError(f"unrecognised date: {s.strip()!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
