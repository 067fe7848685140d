"""Parse article text into passages, each carrying the original outlet it cites.

Three layouts are understood, and may be mixed with an optional YAML front matter block:
- sections that end in a citation line 「さらに読む ⇒<outlet>出典/画像元: URL…」 (the summary bullets
  above it and the prose after it cite that URL; a 「公開日:YYYY/MM/DD」 line dates the section);
- numbered items ①…⑳ with a dated heading 「(2025年3月13日)」 and the item's URL after its body
  (「<URL>」, a markdown link, or a bare URL line);
- plain paragraphs (pasted text, web pages).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from bot.ingest.stamps import is_credit, split_stamp_prefix, stamp_date
from bot.models import ParsedDocument, ParsedPassage
from bot.text import clean_display, strip_bidi
from bot.urls import canonical_url, outlet_for
from bot.user_errors import UserError

_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_CITATION_RE = re.compile(
    r"^(?:さらに読む\s*⇒\s*)?(?P<outlet>[^\n]*?)(?:出典|画像元|出典/画像元)\s*[:：]\s*(?P<url>https?://[!-~]+?)(?P<rest>[^!-~].*)?$"
)
_ITEM_RE = re.compile(r"^\s*(?P<num>[\u2460-\u2473])\s*(?P<title>.*)$")
_STAMP_RE = re.compile(
    r"[(（](?:(?P<outlet>[^()（）]*?)[,，、]\s*)?(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[)）]\s*$"
)
_PUBLISHED_RE = re.compile(r"^\s*公開日\s*[:：]\s*(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?\s*$")
_ANGLE_URL_RE = re.compile(r"^<(https?://[^>\s]+)>$")
_MD_LINK_RE = re.compile(r"^\[([^\]]*)\]\((https?://[^)\s]+)\)$")
_BARE_URL_RE = re.compile(r"^(https?://\S+)$")
_BOILERPLATE_RE = re.compile(
    r"^(?:この記事は広告を掲載してます。?|undefined|次のページを読む\s*⇒?|それでは、詳しく見ていきましょう。)$"
)
_CAPTION_RE = re.compile(
    r"写真\s*[はの：:]|写真説明|代表撮影|via REUTERS|/Handout|画像[：:]|\(写真|（写真|\(AP Photo|\bPhoto:"
    r"|[=＝][^=＝。()（）]{0,40}(?:\d{1,2}\s*日|撮影)[^=＝。()（）]{0,40}(?:[(（][^()（）]{1,10}[)）])?$"  # 「…＝7日、輪島市（共同）」
    # 「支持者の歓声に応える斎藤元彦氏(17日午後9時45分、神戸市中央区で)」: a phrase, then when and where it was taken
    r"|^[^。．]{1,80}[(（][^()（）。]{0,12}\d{1,2}\s*日[^()（）。]{0,16}[、,][^()（）。]{1,24}で[)）]\s*$"
)
_TERMINAL = tuple("。．.！？!?」』)）】>")
_MARKERS = tuple("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳・-–—*✅💡<[#")
_BULLET_MARK_RE = re.compile(r"^(?:[-*]\s*)?(?:・\s*)?")
_JA_CHAR_RE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")  # kana and kanji
_LATIN_CHAR_RE = re.compile("[A-Za-z]")
_LABEL_TITLE_RE = re.compile(
    r"(?:大統領|首相|外相|国務長官|長官|補佐官|国防相|委員長|事務総長|代表|報道官|議員|大使|教授|司令官|氏|外交官|"
    r"国王|議長|総裁|書記長|次官|副大統領|高官)$"
)


@dataclass(slots=True)
class FrontMatter:
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    author: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


class BadFrontMatter(UserError):
    """A front matter value that cannot be stored as given (the message names the key and value)."""


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """A leading `---` … `---` block of `key: value` lines (a YAML subset), and the rest of the text.

    Raises BadFrontMatter for a url that is not http(s) (`javascript:…` must never become a link)
    or a date that is not a real day (2025-02-30).
    """
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return FrontMatter(), text
    fm = FrontMatter()
    for line in m.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#") or ":" not in line:
            continue
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if not value:
            continue
        if key == "url" and not re.match(r"^https?://[^\s/?#]+", value, re.IGNORECASE):
            raise BadFrontMatter("front_matter.url", value=value[:80])
        if key in ("title", "url", "outlet", "language", "author"):
            setattr(fm, key, value)
        elif key in ("published", "date"):
            fm.published = normalize_iso_date(value)
            if fm.published is None:
                raise BadFrontMatter("front_matter.date", key=key, value=value[:40])
        elif key in ("source", "site", "site_name"):
            fm.outlet = fm.outlet or value
        elif key in ("lang",):
            fm.language = value
        else:
            fm.extra[key] = value
    return fm, text[m.end() :]


_WRITTEN_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y")


def normalize_iso_date(value: str) -> str | None:
    """An ISO date (or YYYY-MM) from a front matter or page date: ISO, 2025/3/4, 2025年3月4日,
    "March 4, 2025", "4 Mar 2025", RFC 2822; None when it names no real day."""
    iso = _numeric_date(value)
    if iso is not None or re.match(r"^\s*\d{4}\s*[-/.年]", value):
        return iso
    text = value.strip()
    for fmt in _WRITTEN_DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _numeric_date(value: str) -> str | None:
    m = re.match(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", value)
    if not m:
        m2 = re.match(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$", value)
        return f"{int(m2.group(1)):04d}-{int(m2.group(2)):02d}" if m2 else None
    y, mo, d = (int(g) for g in m.groups())
    try:
        return date(y, mo, d).isoformat()
    except ValueError:  # 2025-02-30, month 13, year 0
        return None


# --- line repair ------------------------------------------------------------------------------


def logical_lines(text: str, title: str | None = None) -> list[str]:
    """Lines of the article with page-break damage repaired.

    A long line that stops without closing punctuation and continues after blank lines
    (「…とのコメン」 / 「ト…」) is one line; a short speaker label followed by a quote on
    its own line (「ルビオ米国務長官」 / 「「…」」) becomes 「ルビオ米国務長官：「…」」. A first line that is the
    article's `title` is never continued: the lead below it is its own line.
    """
    raw = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    blank_before = False
    for line in raw:
        if not line:
            blank_before = True
            continue
        headline = len(out) == 1 and title is not None and out[0].strip() == title.strip()
        if out and blank_before and not headline and _continues(out[-1], line):
            out[-1] = out[-1] + (" " if _latin_join(out[-1], line) else "") + line
        elif out and blank_before and _is_label(out[-1]) and line.startswith(("「", "『")):
            out[-1] = out[-1] + "：" + line
        elif out and out[-1].endswith((":", "：")) and line.startswith(("「", "『")):  # 「…コメントしました:」
            out[-1] = out[-1] + line
        else:
            out.append(line)
        blank_before = False
    return out


# A line that opens a story with its dateline (「TOKYO, April 10 (Reuters) -」, 「MANILA/THE HAGUE, March 12 (Reuters) -」,
# 「【ワシントン共同】」) starts afresh.
_LEAD_START_RE = re.compile(r"^(?:[A-Z]{3,}[A-Z .'/\-]*(?:,|\s*\()|【[^】]{1,30}】|\[[^\]]{1,60}\])")


def _latin_join(prev: str, line: str) -> bool:
    """English words on both sides of a repaired break: they were parted by a space, not glued."""
    return prev[-1:].isascii() and line[:1].isascii() and not prev[-1:].isspace()


_FINISHED_RE = re.compile(r"(?:た|だ|です|ます|ない)$")


def _continues(prev: str, line: str) -> bool:
    prev = prev.rstrip("\ufe0f\ufe0e\u200d ").rstrip("\"”’'")  # a sentence may end inside its closing quote
    if (
        len(prev) < 30
        or _LEAD_START_RE.match(line)
        or stamp_date(prev)  # a time stamp or byline is a line of its own (「2025年10月15日20時47分　時事通信」)
        or is_credit(prev)  # 「By Carla Mendoza and Pieter de Wit」: a byline, not the lead's first words
        or stamp_date(line)
        or (prev.startswith(_MARKERS) and _FINISHED_RE.search(prev))  # a list item that ends its predicate (「…に動いた」)
        or prev.endswith(_TERMINAL)
        or line.startswith(_MARKERS)
        or line.startswith(("http", "「", "?", "？"))
    ):
        return False
    return not _CITATION_RE.match(prev) and not _ITEM_RE.match(line) and not _CAPTION_RE.search(prev)


def _is_label(line: str) -> bool:
    return len(line) <= 25 and not line.endswith(_TERMINAL) and bool(_LABEL_TITLE_RE.search(line))


# --- the parser -------------------------------------------------------------------------------


def _passage(line: str, **kw: object) -> ParsedPassage | None:
    kind = str(kw.pop("kind", "") or "")
    if line.startswith(("✅", "💡")) or line.startswith(("・", "- ", "-・", "* ")):
        kind = kind or "bullet"
    elif _CAPTION_RE.search(line):
        kind = "caption"
    text = clean_display(line)
    text = _BULLET_MARK_RE.sub("", text) if kind == "bullet" else text
    if not text or _BOILERPLATE_RE.match(text):
        return None
    return ParsedPassage(text=text, kind=kind or "prose", **kw)  # type: ignore[arg-type]


def parse_document(text: str, *, name: str, origin: str = "file", fm: FrontMatter | None = None) -> ParsedDocument:
    """Parse a whole article (front matter honoured) into a ParsedDocument.

    Bidirectional overrides are dropped from everything stored (text, front matter, the caller's metadata)."""
    front, body = split_front_matter(strip_bidi(text))
    if fm is not None:  # metadata given by the caller (web page, upload options) wins over nothing
        for attr in ("title", "url", "published", "outlet", "language", "author"):
            if getattr(front, attr) is None and getattr(fm, attr) is not None:
                value = getattr(fm, attr)
                setattr(front, attr, strip_bidi(value) if isinstance(value, str) else value)
    lines, stamps = _without_stamps(logical_lines(body, front.title))
    if any(_ITEM_RE.match(ln) and _STAMP_RE.search(ln) for ln in lines):
        passages, title = _parse_items(lines)
    elif any(_CITATION_RE.match(ln) for ln in lines):
        passages, title = _parse_sections(lines)
    else:
        passages = [p for ln in lines if (p := _passage(ln)) is not None]
        title = passages[0].text if passages else ""
        for i, p in enumerate(passages):
            if p.kind == "prose" and _is_title(p.text, front.title, first=i == 0):
                p.kind = "title"
    doc_url = canonical_url(front.url) if front.url else None
    for p in passages:
        if p.url is None and doc_url:
            p.url = doc_url
            p.outlet = p.outlet or front.outlet or outlet_for(doc_url)
        elif p.url is None and front.outlet:
            p.outlet = p.outlet or front.outlet
        if p.date is None and front.published:
            p.date = front.published
    dated = sorted(p.date for p in passages if p.date and len(p.date) == 10)
    published = front.published or (stamps[0] if stamps else None) or (dated[-1] if dated else None)
    return ParsedDocument(
        name=name,
        title=clean_display(front.title or title)[:300] or name,
        passages=passages,
        url=doc_url,
        outlet=front.outlet or (outlet_for(doc_url) if doc_url else None),
        published=published,
        language=front.language or _guess_language(body),
        origin=origin,
        author=front.author,
        raw_text=text,
    )


def _without_stamps(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines that are text, and the dates of the stamp lines (time stamps, bylines) taken out."""
    kept: list[str] = []
    dates: list[str] = []
    for line in lines:
        if _PUBLISHED_RE.match(line) or _ITEM_RE.match(line) or _CITATION_RE.match(line):
            kept.append(line)
            continue
        date = stamp_date(line)
        if date:
            dates.append(date)
            continue
        date, line = split_stamp_prefix(line)
        if date:
            dates.append(date)
        if line.strip() and not is_credit(line):
            kept.append(line)
    return kept, dates


_HEADING_MARK_RE = re.compile(r"^(?:#{1,6}\s|[■◆◇●▼□▽]|【[^】]*】\s*$)")


def _is_title(text: str, title: str | None, *, first: bool) -> bool:
    """A headline or section heading of a plain article: marked (#, ■), the front matter's title, the first
    line when it is no sentence, or a short line that ends without a sentence's punctuation."""
    if _HEADING_MARK_RE.match(text):
        return True
    if title and clean_display(title) == text:
        return True
    sentence = "。" in text or text.endswith(_TERMINAL)
    return not sentence and (first or len(text) <= 40)


def _guess_language(text: str) -> str:
    sample = text[:4000]
    ja = len(_JA_CHAR_RE.findall(sample))
    latin = len(_LATIN_CHAR_RE.findall(sample))
    return "ja" if ja >= latin * 0.2 else "en"


def _parse_items(lines: list[str]) -> tuple[list[ParsedPassage], str]:
    passages: list[ParsedPassage] = []
    preamble: list[str] = []
    item: list[ParsedPassage] | None = None
    heading = date = outlet_hint = speaker = None

    def close(url: str | None) -> None:
        if item is None:
            return
        # A short line just above a photo credit is the photo's caption.
        for a, b in itertools.pairwise(item):
            if b.kind == "caption" and len(b.text) < 60 and len(a.text) < 80 and a.kind != "heading":
                a.kind = "caption"
        if url:
            url = canonical_url(url)
            outlet = outlet_hint or outlet_for(url)
            for p in item:
                if p.url is None:
                    p.url, p.outlet = url, outlet
        passages.extend(item)

    for line in lines:
        m = _ITEM_RE.match(line)
        stamp = _STAMP_RE.search(line) if m else None
        if m and stamp:
            close(None)
            heading = clean_display(m.group("title"))
            date = f"{int(stamp['y']):04d}-{int(stamp['m']):02d}-{int(stamp['d']):02d}"
            outlet_hint = (stamp["outlet"] or "").strip() or None
            speaker = _heading_speaker(
                heading[: _STAMP_RE.search(heading).start()] if _STAMP_RE.search(heading) else heading
            )
            item = []
            hp = _passage(heading, date=date, heading=heading, kind="heading")
            if hp:
                item.append(hp)
            continue
        url = _item_url(line)
        if url and item is not None:
            close(url)
            item = None
            continue
        if item is None:
            if not passages:
                preamble.append(line)
            continue
        p = _passage(line, date=date, heading=heading)
        if p:
            if p.kind == "bullet":
                p.default_speaker = speaker
            item.append(p)
    close(None)
    title = preamble[0] if preamble else (passages[0].heading or "" if passages else "")
    return passages, clean_display(title)


def _item_url(line: str) -> str | None:
    for rx, group in ((_ANGLE_URL_RE, 1), (_MD_LINK_RE, 2), (_BARE_URL_RE, 1)):
        m = rx.match(line)
        if m:
            return m.group(group)
    return None


def _heading_speaker(heading: str) -> str | None:
    """Headline attribution: 「…＝ラブロフ外相」, 「…と米国務長官」."""
    m = re.search(r"[＝=]\s*([^＝=、。「」]{2,20})\s*$", heading)
    if m:
        return m.group(1).strip()
    return None


def _parse_sections(lines: list[str]) -> tuple[list[ParsedPassage], str]:
    cites = [i for i, ln in enumerate(lines) if _CITATION_RE.match(ln)]
    # Where each section starts: its title, the earliest short unpunctuated line among the few lines
    # (title, question, answer, comment, 公開日) above the bullet group that precedes its citation line.
    starts: list[int] = []
    prev_cite = -1
    for c in cites:
        # A blog that ends each section with its 「出典: URL」 line: the section runs from its marked
        # heading (## …, ■…, 【…】) down to the citation, bullets and paragraphs alike.
        heading = next((j for j in range(c - 1, prev_cite, -1) if _HEADING_MARK_RE.match(lines[j])), None)
        if heading is not None:
            starts.append(heading)
            prev_cite = c
            continue
        i = c - 1
        while i > prev_cite and lines[i].startswith("✅"):
            i -= 1
        start = i + 1
        for j in range(i, max(prev_cite, i - 6), -1):
            line = lines[j]
            if line.startswith(("✅", "💡")):
                break
            if not _PUBLISHED_RE.match(line) and len(line) <= 60 and not line.rstrip("\ufe0f").endswith(_TERMINAL):
                start = j
        starts.append(start)
        prev_cite = c
    sources = [_section_source(lines, start, cite) for start, cite in zip(starts, cites, strict=True)]
    cite_lines = set(cites)
    passages: list[ParsedPassage] = []
    title = lines[0] if lines else ""
    for idx, line in enumerate(lines):
        sec = bisect_right(starts, idx) - 1  # starts ascend: a section starts after the previous citation line
        url, outlet, date = sources[sec] if sec >= 0 else (None, None, None)
        if idx in cite_lines:
            rest = (_CITATION_RE.match(line)["rest"] or "").strip()  # type: ignore[index]
            if rest and (p := _passage(rest, url=url, outlet=outlet, date=date)):
                passages.append(p)
            continue
        if _PUBLISHED_RE.match(line):
            continue
        if line.startswith("💡"):  # the blog's own summary, not the outlet's
            url = outlet = None
        p = _passage(line, url=url, outlet=outlet, date=date)
        if p:
            passages.append(p)
    return passages, clean_display(title)


def _section_source(lines: list[str], start: int, cite: int) -> tuple[str, str | None, str | None]:
    """(URL, outlet, date) the passages of the section [start, cite] cite."""
    m = _CITATION_RE.match(lines[cite])
    assert m is not None
    url = canonical_url(m["url"])
    return url, outlet_for(url, m["outlet"]), _section_date(lines, start, cite)


def _section_date(lines: list[str], start: int, cite: int) -> str | None:
    for ln in lines[max(0, start - 1) : cite]:
        m = _PUBLISHED_RE.match(ln)
        if m:
            return normalize_iso_date("-".join(m.groups()))
    return None
