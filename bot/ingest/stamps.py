"""Lines of an article that are not its text: time stamps, bylines, datelines, credits.

A stamp line (「2024年09月27日18時05分」, 「毎日新聞 2024/10/9 17:45（最終更新 10/9 20:12）」,
「August 5, 2025 | KYODO NEWS」, 「公開日：2024/09/13　カテゴリー：政治・選挙」, a dated byline
「By Japan Times staff writer | Jan 10, 2024」, or one whose byline follows its date,
「Mar 3, 2026 — By Hiroshi Sato, Staff Writer」) dates the article and is
not a passage; a byline or credit (「By Reuters staff」, 「(Reporting by …; Editing by …)」, 「【田村拓也】」)
is not a passage either. A stamp glued to the lead (「Updated 11:40 AM GMT+9, September 22, 2024TOKYO (AP) —」)
is cut off the lead.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_FULL_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[年/.\-]\s*(?P<m>\d{1,2})\s*[月/.\-]\s*(?P<d>\d{1,2})\s*日?"
    rf"|{_EN_MONTH}\s+(?P<ed>\d{{1,2}}),?\s+(?P<ey>(?:19|20)\d{{2}})"
    rf"|(?P<dd>\d{{1,2}})\s+{_EN_MONTH.replace('mon', 'mon2')}\s+(?P<dy>(?:19|20)\d{{2}})"
)
_NOISE_RE = re.compile(
    r"\d{1,2}\s*[:：時]\s*\d{2}\s*分?|\d{1,2}/\d{1,2}|\d{1,2}時|[AaPp]\.?[Mm]\.?|GMT[+\-]?\d*|JST|UTC|E[SD]?T|P[SD]?T|C[SD]T"
    r"|(?<![A-Za-z])at(?=\s+\d{1,2}[:.]\d{2})"  # 「November 17, 2025 at 1:05 PM GMT+9」
    r"|\d+\s*(?:hours?|hrs?|minutes?|mins?|days?)\s+ago"  # 「July 3, 2024 7:18 PM GMT+9 Updated 2 hours ago」
    r"|公開日|投稿日|更新日|最終更新|更新|配信|掲載|発行|東京朝刊|大阪朝刊|朝刊|夕刊|カテゴリー?|ジャンル|記者|編集部"
    r"|Updated|Published|Posted|Last|updated|published|posted|KYODO\s*NEWS|All|[|｜/／\-–—:：,，、()（）\[\]【】\s]"
)
_CONTENT_MAX = 16
_HIRAGANA_RE = re.compile("[\u3041-\u309f]")
_LOWER_WORD_RE = re.compile(
    r"(?<![A-Za-z])[a-z]{2,}"
)  # what is left of a stamp line once dates, times and stamp words are gone: an outlet, a name
_STAMP_PREFIX_RE = re.compile(
    rf"^(?:Updated|Published|Posted|Last updated)\s[^—–\n]{{0,40}}?(?:{_EN_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}[/\-]\d{1,2}[/\-]\d{1,2})(?:\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*"
)
# 「Hannah Ferris in Beirut and Daniel Roth in Jerusalem」: a byline as some outlets write it, each reporter and the city
# filed from, every word capitalized but "in" and "and"
_NAME = r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}"
_FILED_FROM = rf"{_NAME}\s+in\s+{_NAME.replace('{1,3}', '{0,2}')}"
_CREDIT_RE = re.compile(
    rf"^(?:{_FILED_FROM}(?:(?:,|,?\s+and)\s+{_FILED_FROM})*$)"
    r"|^(?:(?:By|BY)\s+(?:the\s+|THE\s+)?[A-Z][\w.' -]{1,60}(?:,\s*[A-Z][\w.' -]{1,40})?|[(（]?\s*(?:Reporting|Writing|Editing|Additional reporting)\s+by\b.*"
    r"|【[^】。]{1,20}】|(?:文|写真|取材)\s*[:：=＝]\s*\S{1,20})$"
)


# 「公開日：2024年8月25日　文・けいざいメモ編集部」: the credit after a stamp's date (who wrote it), part of the stamp
_CREDIT_TAIL_RE = re.compile(r"\s(?:文|写真|取材|構成|編集)\s*[・:：=＝/／]\s*\S{1,20}$")


def _iso(m: re.Match[str]) -> str | None:
    if m["y"]:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        mon = (m["mon"] or m["mon2"])[:3].lower()
        y, mo, d = int(m["ey"] or m["dy"]), _MONTHS.index(mon) + 1, int(m["ed"] or m["dd"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


@lru_cache(maxsize=8192)
def stamp_date(line: str) -> str | None:
    """The date of a stamp line (its first full date), or None when the line is more than a stamp. Remembered per
    line (bulk38): the parser asks of a line as itself and as the next line's previous one."""
    text = unicodedata.normalize("NFKC", line).strip()
    if len(text) > 100 or "。" in text:
        return None
    dates = list(_FULL_DATE_RE.finditer(text))
    if not dates:
        return None
    undated = _CREDIT_TAIL_RE.sub("", _FULL_DATE_RE.sub(" ", text))
    if _dated_byline(text, dates[0]) or _byline_after(text, dates[0]):
        return _iso(dates[0])
    rest = _NOISE_RE.sub("", undated)
    # Left over: an outlet, a name, a category; never a sentence (kana, a lower-case word: "Trump said").
    if len(rest) > _CONTENT_MAX or _HIRAGANA_RE.search(rest) or _LOWER_WORD_RE.search(_NOISE_RE.sub(" ", undated)):
        return None
    return _iso(dates[0])


def _dated_byline(text: str, date: re.Match[str]) -> bool:
    """「By Japan Times staff writer | Jan 10, 2024」「By Maki Shiraki, June 3, 2024 10:14 PM」「By the Associated Press |
    Updated 6:12 AM GMT, January 27, 2025」: a byline, a mark, then its date (after a stamp's words and time, if any)
    and nothing but a time after it."""
    if _NOISE_RE.sub("", text[date.end() :]):
        return False
    byline = text[: date.start()].rstrip()
    if byline[-1:] in ("|", "｜", ",", "/", "-", "–", "—", "·", "•") and is_credit(byline[:-1].rstrip()):
        return True
    # 「By AP staff | Updated 11:48 PM GMT+9, May 12, 2025」: the byline, a mark, then a stamp's words and time
    mark = _MARK_RE.search(byline)
    return (
        mark is not None and is_credit(byline[: mark.start()].rstrip()) and not _NOISE_RE.sub("", byline[mark.end() :])
    )


_MARK_RE = re.compile(r"[|｜/／\-–—·•]")  # (「Jan 28, 2025 · By Kaori Sakamoto, Staff writer」)


def _byline_after(text: str, date: re.Match[str]) -> bool:
    """「June 4, 2025 8:41 AM GMT+9 — By Kenji Hayashi and Rachel Moore」「Mar 3, 2026 — By Hiroshi Sato, Staff Writer」:
    a date and nothing but a time, a mark, then its byline."""
    if _NOISE_RE.sub("", text[: date.start()]):
        return False
    mark = _MARK_RE.search(text, date.end())
    return (
        mark is not None
        and not _NOISE_RE.sub("", text[date.end() : mark.start()])
        and is_credit(text[mark.end() :].strip())
    )


def split_stamp_prefix(line: str) -> tuple[str | None, str]:
    """(date, rest) for a line that starts with an update stamp glued to the text; (None, line) otherwise."""
    text = unicodedata.normalize("NFKC", line)
    m = _STAMP_PREFIX_RE.match(text)
    if not m or len(text) != len(line):
        return None, line
    d = _FULL_DATE_RE.search(m.group(0))
    return (_iso(d) if d else None), line[m.end() :].lstrip(" ,")


def is_credit(line: str) -> bool:
    """A byline or a credit line: who wrote, reported or edited, not what happened."""
    return bool(_CREDIT_RE.match(line.strip()))
