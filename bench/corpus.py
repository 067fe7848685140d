"""Deterministic synthetic corpus of Japanese news articles for benchmarks.

Articles are recombined from sentences harvested from the seed articles and written in the
same two layouts the seeds use, so the real parser walks the same code paths:

* format A (seeds 000–003): blog sections with heading lines, an optional ``公開日:`` line,
  ``✅`` summary bullets, a ``さらに読む ⇒…出典/画像元: <URL>`` line with the next sentence glued
  to the URL, then prose lines;
* format B (seed 004): numbered items ①…⑩ whose heading ends in a dated stamp, blank-line
  separated paragraphs and the item's source URL after its body.

Some articles carry a YAML front matter block. Within an article every date is shifted by
one offset (valid calendar dates), one pair of actors is swapped consistently, and day counts
and money amounts are changed; each item gets a unique fake outlet URL and each title a unique
article number, so content-hash dedup keeps every article.

Generation streams and is deterministic for ``(n, seed)``: article ``i`` uses its own
``random.Random``, never the global one. Every seed prose sentence is placed verbatim (apart
from the transformed dates, names and numbers) in the first few hundred articles, so quotes
taken from stable spans of seed sentences (see :func:`stable_spans`) are present in any corpus
with ``n >= coverage_size()``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "seeds"

# Number of seed prose sentences every article places deterministically (for coverage).
COVERAGE_PER_ARTICLE = 4


@dataclass(frozen=True, slots=True)
class Actor:
    """A person the corpus talks about: canonical surname, spelling variants and usual title."""

    name: str
    variants: tuple[str, ...]
    title: str
    country: str = ""  # prefix used in speaker labels (米 → ルビオ米国務長官)


ACTORS: tuple[Actor, ...] = (
    Actor("トランプ", ("トランプ",), "大統領", "米"),
    Actor("ゼレンスキー", ("ゼレンスキー", "ゼレンシキー"), "大統領"),
    Actor("プーチン", ("プーチン",), "大統領", "露"),
    Actor("ルビオ", ("ルビオ",), "国務長官", "米"),
    Actor("ラブロフ", ("ラブロフ",), "外相", "露"),
    Actor("ウシャコフ", ("ウシャコフ",), "大統領補佐官", "露"),
    Actor("マクロン", ("マクロン",), "大統領"),
    Actor("ショルツ", ("ショルツ",), "首相"),
    Actor("ウォルツ", ("ウォルツ",), "大統領補佐官", "米"),
    Actor("イエルマク", ("イエルマク", "イェルマーク"), "長官"),
    Actor("シュミハリ", ("シュミハリ",), "首相"),
    Actor("ペスコフ", ("ペスコフ",), "大統領報道官", "露"),
    Actor("ヘグセス", ("ヘグセス",), "国防長官", "米"),
    Actor("ウィトコフ", ("ウィトコフ",), "特使", "米"),
    Actor("スターマー", ("スターマー",), "首相"),
)

_TITLES = sorted(
    {a.title for a in ACTORS} | {"米大統領", "国家安全保障担当大統領補佐官", "外務大臣"}, key=len, reverse=True
)
_VARIANT_TO_ACTOR: dict[str, int] = {v: k for k, a in enumerate(ACTORS) for v in a.variants}

OUTLETS: tuple[str, ...] = (
    "",
    "ロイター",
    "東洋経済オンライン",
    "東京新聞",
    "ログミー",
    "ニュースサイト",
    "読売新聞オンラインニュース&お得サイト",
    "グローバル通信",
    "日刊ワールド報道",
    "ユーラシア・トゥデイ",
    "国際情勢ウォッチ",
    "ニュース速報ジャパン",
)
_STAMP_OUTLETS = ("Newsweek", "ロイター", "日テレNEWS", "スプートニク", "共同")
_AUTHORS = ("安齋育郎", "編集部", "国際ニュース班", "山田太郎", "佐藤花子")
_KEYWORDS = ("ウクライナ", "停戦", "鉱物資源", "安全保障", "NATO", "和平交渉", "軍事支援", "領土", "制裁", "外交")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_DAY_COUNTS = (3, 5, 7, 10, 14, 20, 30, 45, 60, 90)
_AMOUNT_FACTORS = (0.5, 0.75, 1.25, 1.5, 2.0, 3.0)

# --- seed harvesting -----------------------------------------------------------------------

_URL_RE = re.compile(r"https?://[\x21-\x7e]+")
_READ_MORE_RE = re.compile(r"^.*?出典/画像元:\s*(?:https?://[\x21-\x7e]*)?")
_MARKER_RE = re.compile(r"^(?:[-・✅💡⏩⚡?？\s\ufe0f]|[①-⑩])+")
_STAMP_RE = re.compile(r"\((?:[^()]*,\s*)?\d{4}\s?年[^()]*\)?\s*$")
_NOISE_RE = re.compile(r"\?+\ufe0f|\ufe0f|\?{2,}")
_JUNK_RE = re.compile(r"⇒|写真|撮影|REUTERS|のウクライナ情報")
_NOT_CONT_RE = re.compile(r"[?<\[h\-・✅💡①-⑩]|公開日")
_TERMINAL = ("。", "」", ")", "）", "?", "？", "!", "！", ">")
_SKIP_PREFIXES = ("公開日", "undefined", "<http", "[http", "http", "この記事は広告")


@dataclass(frozen=True, slots=True)
class SeedPool:
    """Seed material, classified for recombination."""

    prose: tuple[str, ...]  # whole sentences (ending in 。 」 ? etc.)
    glue: tuple[str, ...]  # prose that can be glued right after a URL (starts non-ASCII)
    short: tuple[str, ...]  # short prose used as commentary lines
    quotes: tuple[str, ...]  # prose that opens with 「
    lines: tuple[str, ...]  # heading-like lines without a full stop
    item_heads: tuple[str, ...]  # format B item headings without marker and stamp


def _split_sentences(line: str) -> list[str]:
    """Split on 。 (kept), but never inside 「」 quotes."""
    out: list[str] = []
    depth = 0
    start = 0
    for k, ch in enumerate(line):
        if ch == "「":
            depth += 1
        elif ch == "」":
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            out.append(line[start : k + 1])
            start = k + 1
    if start < len(line):
        out.append(line[start:])
    return [s.strip() for s in out if s.strip()]


def _unwrap(text: str) -> list[str]:
    """Non-empty stripped lines, re-joining sentences the seed hard-wrapped across a blank line."""
    out: list[str] = []
    blank = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            blank = True
            continue
        prev = out[-1] if out else ""
        if blank and len(prev) >= 25 and not prev.endswith(_TERMINAL) and not _NOT_CONT_RE.match(line):
            out[-1] = prev + line
        else:
            out.append(line)
        blank = False
    return out


@lru_cache(maxsize=8)
def _load_pool(seed_dir: str) -> tuple[SeedPool, tuple[str, ...]]:
    prose: list[str] = []
    lines: list[str] = []
    heads: list[str] = []
    ordered: list[str] = []
    seen: set[str] = set()

    def add(bucket: list[str], text: str) -> None:
        if text not in seen:
            seen.add(text)
            bucket.append(text)
            ordered.append(text)

    for path in sorted(Path(seed_dir).glob("*.txt")):
        for line in _unwrap(path.read_text(encoding="utf-8")):
            if line.startswith(_SKIP_PREFIXES) or line == "---" or _JUNK_RE.search(line):
                continue
            if sum(ch.isascii() for ch in line) * 2 > len(line):
                continue
            if "出典/画像元:" in line:
                line = _READ_MORE_RE.sub("", line)
            is_item = line[0] in _CIRCLED
            line = _URL_RE.sub("", _NOISE_RE.sub("", line))
            line = _MARKER_RE.sub("", line).strip()
            if not line:
                continue
            if is_item:
                head = _STAMP_RE.sub("", line).strip()
                if len(head) >= 6 and head not in heads:
                    heads.append(head)
                continue
            for sent in _split_sentences(line):
                if sent.endswith(("。", "」", "?", "？", "!", "！")) and len(sent) >= 12:
                    add(prose, sent)
                elif "。" not in sent and 6 <= len(sent) <= 45 and not sent.endswith(("、", ":", "：")):
                    add(lines, sent)
    pool = SeedPool(
        prose=tuple(prose),
        glue=tuple(s for s in prose if not s[0].isascii() and len(s) <= 80),
        short=tuple(s for s in prose if len(s) <= 45),
        quotes=tuple(s for s in prose if s.startswith("「")),
        lines=tuple(lines),
        item_heads=tuple(heads),
    )
    return pool, tuple(ordered)


def _resolve(seed_dir: Path | None) -> str:
    return str((seed_dir or SEED_DIR).resolve())


def seed_pool(seed_dir: Path | None = None) -> SeedPool:
    """Classified seed material (cached per directory)."""
    return _load_pool(_resolve(seed_dir))[0]


def seed_sentences(seed_dir: Path) -> list[str]:
    """Sentences and heading lines harvested from the seeds, deduplicated, in file order.

    Lines are split on 。 (kept, never inside 「」); URLs, the ``さらに読む ⇒…出典/画像元: URL``
    prefix, bullet and item markers, ``公開日`` lines and emoji debris are dropped.
    """
    return list(_load_pool(_resolve(seed_dir))[1])


def coverage_size(seed_dir: Path | None = None) -> int:
    """Smallest ``n`` whose corpus contains every seed prose sentence at least once."""
    p = len(seed_pool(seed_dir).prose)
    return -(-p // COVERAGE_PER_ARTICLE)


# --- per-article transformation ------------------------------------------------------------

_ACTOR_ALT = "|".join(sorted(_VARIANT_TO_ACTOR, key=len, reverse=True))
_TITLE_ALT = "|".join(_TITLES)
_TRANSFORM_RE = re.compile(
    r"(?P<iso>(?<!\d)\d{4}(?P<isep>[/-])\d{1,2}(?P=isep)\d{1,2}(?!\d))"
    r"|(?P<full>(?<!\d)(?P<fy>\d{4})(?P<fs1>\s?年\s?)(?P<fm>\d{1,2})(?P<fs2>\s?月\s?)(?P<fd>\d{1,2})(?P<fs3>\s?日))"
    r"|(?P<ym>(?<!\d)(?P<yy>\d{4})\s?年\s?(?P<ymm>\d{1,2})\s?月)"
    r"|(?P<md>(?<!\d)(?P<mm>\d{1,2})(?P<ms1>\s?月\s?)(?P<md_d>\d{1,2})(?P<ms2>\s?日)(?!間))"
    r"|(?P<span>(?<![\d.])(?P<sn>\d{1,3})(?P<ss>\s?日間))"
    r"|(?P<day>(?<![\d.月])(?P<dd>\d{1,2})(?P<ds>\s?日)(?![間後前]))"
    r"|(?P<mon>(?<!\d)(?P<mo>\d{1,2})\s?月(?!\s?\d))"
    r"|(?P<amt>(?<![\d.])(?P<av>\d+(?:\.\d+)?)(?P<as>\s?)(?P<au>億|兆)(?P<ac>ドル|ユーロ|円))"
    rf"|(?P<actor>{_ACTOR_ALT})(?P<pre>米|露|仏|独|英)?(?P<title>{_TITLE_ALT})?"
)


def stable_spans(text: str) -> list[tuple[int, int]]:
    """Maximal ``[start, end)`` runs of ``text`` that no article transformation can change."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _TRANSFORM_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


_TEMPLATES: dict[str, tuple[tuple[str, ...], tuple[re.Match[str], ...]]] = {}
_TEMPLATE_LIMIT = 200_000


def _template(text: str) -> tuple[tuple[str, ...], tuple[re.Match[str], ...]]:
    """Split ``text`` once into literal runs and transformable matches (cached; avoids rescanning)."""
    lits: list[str] = []
    matches = tuple(_TRANSFORM_RE.finditer(text))
    pos = 0
    for m in matches:
        lits.append(text[pos : m.start()])
        pos = m.end()
    lits.append(text[pos:])
    tpl = (tuple(lits), matches)
    if len(_TEMPLATES) < _TEMPLATE_LIMIT:
        _TEMPLATES[text] = tpl
    return tpl


_YEAR = 2025  # year assumed for dates written without one


class _Transformer:
    """Shifts dates, swaps one actor pair and changes counts/amounts, statefully per article."""

    __slots__ = ("amounts", "ctx_month", "day_map", "factor", "last_month", "offset", "rng", "swap")

    def __init__(self, rng: random.Random, offset: int, swap: dict[int, int]) -> None:
        self.rng = rng
        self.offset = dt.timedelta(days=offset)
        self.swap = swap
        self.ctx_month = 3
        self.last_month = 0
        self.day_map: dict[str, int] = {}
        self.amounts: dict[str, str] = {}
        self.factor = rng.choice(_AMOUNT_FACTORS)

    def __call__(self, text: str) -> str:
        tpl = _TEMPLATES.get(text)
        if tpl is None:
            tpl = _template(text)
        lits, matches = tpl
        if not matches:
            return text
        parts = [lits[0]]
        for m, lit in zip(matches, lits[1:], strict=True):
            parts.append(self._repl(m))
            parts.append(lit)
        return "".join(parts)

    def _shift(self, y: int, m: int, d: int) -> dt.date | None:
        try:
            return dt.date(y, m, d) + self.offset
        except ValueError:
            return None

    def _repl(self, m: re.Match[str]) -> str:
        g = m.group
        if g("iso"):
            raw = g("iso")
            sep = g("isep")
            y, mo, d = (int(p) for p in raw.split(sep))
            new = self._shift(y, mo, d)
            return raw if new is None else f"{new.year:04d}{sep}{new.month:02d}{sep}{new.day:02d}"
        if g("full"):
            y, mo = int(g("fy")), int(g("fm"))
            self.ctx_month = mo
            new = self._shift(y, mo, int(g("fd")))
            if new is None:
                return g("full")
            self.last_month = new.month
            return f"{new.year}{g('fs1')}{new.month}{g('fs2')}{new.day}{g('fs3')}"
        if g("ym"):
            self.ctx_month = int(g("ymm"))
            return g("ym")
        if g("md"):
            mo = int(g("mm"))
            self.ctx_month = mo
            new = self._shift(_YEAR, mo, int(g("md_d")))
            if new is None:
                return g("md")
            self.last_month = new.month
            return f"{new.month}{g('ms1')}{new.day}{g('ms2')}"
        if g("span"):
            key = g("sn")
            if key not in self.day_map:
                self.day_map[key] = self.rng.choice(_DAY_COUNTS)
            return f"{self.day_map[key]}{g('ss')}"
        if g("day"):
            new = self._shift(_YEAR, self.ctx_month, int(g("dd")))
            if new is None:
                return g("day")
            if new.month == self.last_month:
                return f"{new.day}{g('ds')}"
            self.last_month = new.month
            if g("ds").startswith(" "):
                return f"{new.month} 月 {new.day}{g('ds')}"
            return f"{new.month}月{new.day}{g('ds')}"
        if g("mon"):
            self.ctx_month = int(g("mo"))
            return g("mon")
        if g("amt"):
            key = g("av")
            if key not in self.amounts:
                value = float(key) * self.factor
                self.amounts[key] = str(round(value)) if value >= 10 else f"{value:g}"
            return f"{self.amounts[key]}{g('as')}{g('au')}{g('ac')}"
        # actor
        src = _VARIANT_TO_ACTOR[g("actor")]
        dst = self.swap.get(src)
        if dst is None:
            return m.group(0)
        target = ACTORS[dst]
        if g("title"):
            return target.name + target.title
        return target.name + (g("pre") or "")


# --- article assembly ----------------------------------------------------------------------


class _Source:
    """Hands out prose: this article's coverage sentences first, then random ones."""

    __slots__ = ("cover", "pool", "rng")

    def __init__(self, pool: SeedPool, rng: random.Random, index: int) -> None:
        self.pool = pool
        self.rng = rng
        p = len(pool.prose)
        base = index * COVERAGE_PER_ARTICLE
        self.cover = [pool.prose[(base + j) % p] for j in range(COVERAGE_PER_ARTICLE)] if p else []

    def prose(self) -> str:
        return self.cover.pop() if self.cover else self.rng.choice(self.pool.prose)


def _url(rng: random.Random, index: int, item: int) -> str:
    token = f"{index:06x}{item:02x}{rng.getrandbits(40):010x}"
    style = rng.randrange(6)
    if style == 0:
        return f"https://news.example.com/articles/{token}"
    if style == 1:
        return f"https://www.example.jp/world/{token}.html"
    if style == 2:
        return f"https://media.example.net/ukraine/{token}/"
    if style == 3:
        return f"https://example.co.jp/articles/-/{int(token, 16) % 10**9}{item:02d}{index}"
    if style == 4:
        return f"https://jp.example.org/news/{token}?display=b"
    return f"https://news.example.com/articles/{token}/images/000"


def _front_matter(title: str, url: str, published: dt.date, outlet: str) -> list[str]:
    title = title.replace(":", "：").replace("\n", " ")
    return [
        "---",
        f"title: {title}",
        f"url: {url}",
        f"published: {published.isoformat()}",
        f"outlet: {outlet or 'ニュースサイト'}",
        "language: ja",
        "---",
    ]


class _Out:
    """Line list with a running character count."""

    __slots__ = ("lines", "size")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            self.size += len(line) + 1


def _format_a(
    rng: random.Random, src: _Source, tf: Callable[[str], str], index: int, base: dt.date, target: int
) -> tuple[list[str], str]:
    pool = src.pool
    kws = "、".join(rng.sample(_KEYWORDS, 3))
    title = f"{tf(rng.choice(pool.lines))}?{tf(rng.choice(pool.lines))}({kws}) No.{index:06d}"
    out = _Out()
    out.add(title, tf(src.prose()) + tf(src.prose()))
    if rng.random() < 0.6:
        for _ in range(3):
            out.add(f"💡 {tf(src.prose())}")
    if rng.random() < 0.5:
        out.add("それでは、詳しく見ていきましょう。")
    closing = _Out()
    for _ in range(rng.randint(0, 3)):
        closing.add(f"💡 {tf(src.prose())}")
    budget = target - closing.size
    item = 0
    while out.size < budget - 200:
        for _ in range(rng.randint(2, 3)):
            out.add(tf(rng.choice(pool.lines)))
        out.add(tf(rng.choice(pool.short)))
        if rng.random() < 0.6:
            out.add(tf(f"公開日:{base - dt.timedelta(days=rng.randint(0, 12)):%Y/%m/%d}"))
        out.add("")
        for _ in range(rng.randint(2, 3)):
            out.add(f"✅ {tf(src.prose())}")
        outlet = rng.choice(OUTLETS)
        out.add(f"さらに読む ⇒{outlet}出典/画像元: {_url(rng, index, item)}{tf(rng.choice(pool.glue))}")
        item += 1
        out.add(tf(rng.choice(pool.short)))
        for _ in range(rng.randint(3, 7)):
            if out.size >= budget:
                break
            out.add(tf(src.prose()))
        out.add(tf(rng.choice(pool.short)))
    return out.lines + closing.lines, title


def _format_b(
    rng: random.Random, src: _Source, tf: Callable[[str], str], index: int, base: dt.date, target: int
) -> tuple[list[str], str]:
    pool = src.pool
    issue = base + dt.timedelta(days=1)
    title = f"{tf(f'{issue.month}月{issue.day}日')}のウクライナ情報 No.{index:06d}"
    out = _Out()
    out.add("", "", title, "", rng.choice(_AUTHORS), "")
    for item in range(len(_CIRCLED)):
        if item and out.size >= target - 250:
            break
        day = base - dt.timedelta(days=rng.choice((0, 0, 1)))
        if rng.random() < 0.85:
            stamp = f"{day.year}年{day.month}月{day.day}日"
        else:
            stamp = f"{day.year} 年 {day.month} 月 {day.day} 日"
        if rng.random() < 0.15:
            stamp = f"{rng.choice(_STAMP_OUTLETS)}, {stamp}"
        head = rng.choice(pool.item_heads if rng.random() < 0.6 else pool.lines)
        if "＝" not in head and rng.random() < 0.2:
            actor = rng.choice(ACTORS)
            head = f"{head}＝{actor.name}{actor.title}"
        sep = " " if rng.random() < 0.4 else ""
        out.add(f"{_CIRCLED[item]}{sep}{tf(head)}({tf(stamp)})", "")
        budget = min(target, out.size + rng.randint(350, 900))
        while out.size < budget:
            r = rng.random()
            if r < 0.12 and pool.quotes:
                actor = rng.choice(ACTORS)
                label = f"{actor.name}{actor.country if rng.random() < 0.5 else ''}{actor.title}"
                out.add(tf(label), "", tf(rng.choice(pool.quotes)), "")
            elif r < 0.22:
                dash = "- " if rng.random() < 0.5 else ""
                for _ in range(rng.randint(2, 4)):
                    out.add(f"{dash}・{tf(src.prose())}")
                out.add("")
            else:
                out.add("".join(tf(src.prose()) for _ in range(rng.randint(1, 3))), "")
        url = _url(rng, index, item)
        r = rng.random()
        if r < 0.7:
            link = f"<{url}>"
        elif r < 0.85:
            link = url
        else:
            link = f"[{url}?rcmd alg=collaboration2#pv=g%3D{index}]({url}?rcmd%3Dalg%3Dcollaboration2#pv=g%3D{index})"
        out.add("", "", link, "")
    return out.lines, title


def _article(index: int, seed: int, pool: SeedPool) -> tuple[str, str]:
    # Not (seed << 32) + index: Mersenne Twister seeds [i] and [i, i - 1] alike, so two seeds would share
    # articles. A string seed is hashed (sha512), so "s:i" never collides; seed 0 keeps its corpus.
    rng = random.Random(index if seed == 0 else f"{seed}:{index}")
    offset = rng.randint(-40, 100)
    swap: dict[int, int] = {}
    if rng.random() < 0.8:
        a, b = rng.sample(range(len(ACTORS)), 2)
        swap = {a: b, b: a}
    tf = _Transformer(rng, offset, swap)
    base = dt.date(2025, 3, 13) - dt.timedelta(days=rng.randint(0, 20))
    target = round(rng.triangular(2250, 4400, 2950))
    src = _Source(pool, rng, index)
    fmt_b = index % 2 == 1
    lines, title = (_format_b if fmt_b else _format_a)(rng, src, tf, index, base, target)
    if rng.random() < 0.3:
        own = f"https://blog.example.com/posts/{index:06d}-{rng.getrandbits(32):08x}.html"
        published = base + dt.timedelta(days=offset + 1)
        fm = _front_matter(title.strip(), own, published, rng.choice(OUTLETS))
        lines = fm + lines
    return f"syn_{index:06d}.txt", "\n".join(lines).rstrip("\n") + "\n"


def generate(n: int, *, seed: int = 0, seed_dir: Path | None = None) -> Iterator[tuple[str, str]]:
    """Yield ``(file_name, text)`` for ``n`` synthetic articles, deterministically for ``(n, seed)``.

    Article ``i`` depends only on ``(i, seed)`` (its own ``random.Random``), so a prefix of a
    larger corpus equals the smaller corpus. Even indices are format A, odd ones format B.
    """
    pool = seed_pool(seed_dir)
    if not pool.prose or not pool.lines or not pool.item_heads:
        raise ValueError(f"seed directory {seed_dir or SEED_DIR} lacks usable seed articles")
    for index in range(n):
        yield _article(index, seed, pool)
