"""A fixed, deterministic query set for the benchmarks, derived from the seed articles.

Quote queries come in three kinds:

* ``quotes_present``: exact 8–30 character substrings of seed prose sentences, taken only from
  spans the corpus generator never rewrites (no dates, numbers or actor names), so each one
  occurs verbatim in any corpus of ``n >= corpus.coverage_size()`` articles; about a quarter
  are the words inside 「」 quotes (some with the brackets);
* ``quotes_typo``: present ones with one character substituted or dropped;
* ``quotes_absent``: plausible sentences that do not occur (halves of two different seed
  sentences joined, or invented statements).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from bench import corpus
from bot.models import TOPICS

_TRIM_HEAD = "、。」』）)・ 　"
_TRIM_TAIL = "、「『（(・ 　"
_QUOTED_RE = re.compile(r"「([^「」]{8,30})」")

# Confusable substitutions for typo queries; anything else is replaced by a kana/kanji from the seeds.
_CONFUSABLE = {
    "は": "わ",
    "わ": "は",
    "を": "お",
    "お": "を",
    "ツ": "ッ",
    "ッ": "ツ",
    "ー": "－",
    "ン": "ソ",
    "ソ": "ン",
    "シ": "ツ",
    "が": "か",
    "で": "て",
    "に": "を",
    "た": "だ",
    "し": "じ",
    "ウ": "ヴ",
}

_INVENTED_SUBJECTS = (
    "岸田首相",
    "石破首相",
    "習近平国家主席",
    "メローニ首相",
    "エルドアン大統領",
    "グテーレス事務総長",
    "モディ首相",
    "トランプ大統領",
    "プーチン大統領",
    "ゼレンスキー大統領",
    "ラブロフ外相",
    "マクロン大統領",
)
_INVENTED_PREDICATES = (
    "ウクライナへの武器輸出を全面解禁すると表明した",
    "黒海での海上停戦を仲介する用意があると述べた",
    "ロシア産原油の全面禁輸を年内に実施すると発表した",
    "ザポリージャ原発の共同管理案を提示した",
    "和平会議を東京で開催することを提案した",
    "捕虜の全員交換に向けた協議を開始したと明らかにした",
    "平和維持部隊への自衛隊派遣を検討していると述べた",
    "対ロ制裁の段階的な解除に反対する考えを示した",
    "復興基金への追加拠出を約束した",
    "停戦監視団の派遣を国連安保理に要請した",
    "南極条約の見直しを各国に呼びかけた",
    "北極海航路の共同開発で合意したと発表した",
)

ACTOR_QUERIES: tuple[str, ...] = (
    "トランプ",
    "トランプ大統領",
    "トラ",
    "ト",
    "ゼレンスキー",
    "ゼレンシキー",
    "ゼレ",
    "ぜれんすきー",
    "Zel",
    "Zelensky",
    "プーチン",
    "ぷ",
    "ぷーちん",
    "Putin",
    "ルビ",
    "ルビオ",
    "ラブロフ",
    "らぶ",
    "ウシャコフ",
    "イエルマク",
    "イェルマーク",
    "マクロン",
    "ショルツ",
    "ウォルツ",
    "ペスコフ",
    "シュミハリ",
    "ヘグセス",
    "ウィトコフ",
    "スターマー",
    "Trump",
    "Rubio",
    "Lavrov",
    "ウ",
    "大統領",
)

_WINDOWS: tuple[tuple[str | None, str | None], ...] = (
    ("2025-01-01", "2025-01-31"),
    ("2025-02-01", "2025-02-28"),
    ("2025-03-01", "2025-03-15"),
    ("2025-03-01", "2025-03-31"),
    ("2025-03-10", "2025-03-20"),
    ("2025-04-01", "2025-04-30"),
    ("2025-05-01", "2025-06-30"),
    ("2025-02-15", None),
    (None, "2025-03-01"),
    ("2025-06-01", "2025-07-31"),
)


@dataclass
class QuerySet:
    """Queries a benchmark runs against a synthetic corpus."""

    quotes_present: list[str] = field(default_factory=list)
    quotes_absent: list[str] = field(default_factory=list)
    quotes_typo: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # as typed into autocomplete, incl. variants and prefixes
    timeline_filters: list[dict[str, str]] = field(default_factory=list)  # since/until/actor/topic; {} = none
    stance: list[tuple[str, str | None]] = field(default_factory=list)  # (actor, topic or None)
    stance_about: list[tuple[str, str]] = field(default_factory=list)  # (actor, target in free text)

    def quotes(self) -> list[tuple[str, str]]:
        """All quote queries as ``(kind, text)`` with kind ``present`` | ``typo`` | ``absent``."""
        return (
            [("present", q) for q in self.quotes_present]
            + [("typo", q) for q in self.quotes_typo]
            + [("absent", q) for q in self.quotes_absent]
        )


def _trim(text: str) -> str:
    return text.lstrip(_TRIM_HEAD).rstrip(_TRIM_TAIL)


def _stable_pieces(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in corpus.stable_spans(sentence) if b - a >= 8]


def _present(rng: random.Random, pool: corpus.SeedPool, count: int) -> list[str]:
    """Exact substrings of seed prose, a quarter of them the words inside 「」."""
    out: list[str] = []
    seen: set[str] = set()
    quoted: list[str] = []
    for sent in pool.prose:
        for piece in _stable_pieces(sent):
            quoted += [m.group(1) for m in _QUOTED_RE.finditer(piece)]
    rng.shuffle(quoted)
    for text in quoted[: count // 4]:
        q = f"「{text}」" if rng.random() < 0.3 and len(text) <= 28 else text
        if q not in seen:
            seen.add(q)
            out.append(q)
    pieces = [p for sent in pool.prose for p in _stable_pieces(sent)]
    attempts = 0
    while len(out) < count and attempts < count * 50:
        attempts += 1
        piece = rng.choice(pieces)
        length = rng.randint(8, min(30, len(piece)))
        start = rng.randint(0, len(piece) - length)
        q = _trim(piece[start : start + length])
        if len(q) >= 8 and q not in seen:
            seen.add(q)
            out.append(q)
    return out


def _typos(rng: random.Random, present: list[str], haystack: str, count: int, chars: str) -> list[str]:
    """One substitution or deletion per query; never a string that occurs in the seeds."""
    out: list[str] = []
    seen: set[str] = set()
    candidates = [q.strip("「」") for q in present]
    attempts = 0
    while len(out) < count and attempts < count * 50:
        attempts += 1
        q = rng.choice(candidates)
        pos = rng.randint(1, len(q) - 2)
        if rng.random() < 0.4 and len(q) >= 9:
            typo = q[:pos] + q[pos + 1 :]
        else:
            sub = _CONFUSABLE.get(q[pos]) or rng.choice(chars)
            typo = q[:pos] + sub + q[pos + 1 :]
        if typo != q and typo not in seen and typo not in haystack:
            seen.add(typo)
            out.append(typo)
    return out


def _absent(rng: random.Random, pool: corpus.SeedPool, haystack: str, count: int) -> list[str]:
    """Half recombined halves of two different seed sentences, half invented statements."""
    out: list[str] = []
    seen: set[str] = set()
    long_prose = [s for s in pool.prose if 24 <= len(s) <= 80]
    attempts = 0
    while len(out) < count // 2 and attempts < count * 50:
        attempts += 1
        a, b = rng.sample(long_prose, 2)
        cut_a = rng.randint(8, min(18, len(a) // 2))
        cut_b = rng.randint(8, min(18, len(b) // 2))
        q = _trim(a[:cut_a]) + b[len(b) - cut_b :]
        if q not in seen and q not in haystack:
            seen.add(q)
            out.append(q)
    combos = [(s, p) for s in _INVENTED_SUBJECTS for p in _INVENTED_PREDICATES]
    rng.shuffle(combos)
    for subject, predicate in combos:
        if len(out) >= count:
            break
        q = f"{subject}は{predicate}" + ("。" if rng.random() < 0.5 else "")
        if q not in seen and q not in haystack:
            seen.add(q)
            out.append(q)
    return out


def _timeline(rng: random.Random) -> list[dict[str, str]]:
    actors = [a.name for a in corpus.ACTORS[:8]] + ["ゼレンシキー", "イエルマク"]
    filters: list[dict[str, str]] = [{}]
    for since, until in _WINDOWS:
        f: dict[str, str] = {}
        if since:
            f["since"] = since
        if until:
            f["until"] = until
        filters.append(f)
    filters += [{"actor": a} for a in actors]
    filters += [{"topic": t} for t in TOPICS]
    for _ in range(20):
        since, until = rng.choice(_WINDOWS)
        f = {"actor": rng.choice(actors), "topic": rng.choice(TOPICS)}
        if since:
            f["since"] = since
        if until:
            f["until"] = until
        filters.append(f)
    return filters


def _stance(rng: random.Random) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = [(a.name, None) for a in corpus.ACTORS]
    out += [("ゼレンシキー", None), ("トランプ大統領", None), ("プー", None)]
    names = [a.name for a in corpus.ACTORS[:9]]
    pairs = sorted({(a, t) for a in names for t in TOPICS})
    out += rng.sample(pairs, 30)
    return out


# Targets named in free text, as a reader of the seed story would ask (`stance ACTOR --about TEXT`).
ABOUT_QUERIES: tuple[tuple[str, str], ...] = (
    ("ゼレンスキー", "米国が提案した30日間の停戦案"),
    ("ゼレンスキー", "米国との鉱物資源の協定"),
    ("ヘグセス", "停戦監視への米軍の参加"),
    ("ラブロフ", "NATO諸国の部隊のウクライナ駐留"),
    ("ルッテ", "NATO加盟国の防衛支出の引き上げ"),
    ("トランプ", "ウクライナへの軍事支援の停止"),
    ("プーチン", "30日間の停戦"),
    ("トランプ", "the minerals deal"),
    ("マクロン", "平和維持部隊の派遣"),
    ("ウシャコフ", "停戦案"),
    ("ゼレンスキー", "NATO加盟"),
    ("トランプ", "ロシアへの制裁"),
)


def build_queries(seed_dir: Path | None = None, *, n: int = 200, seed: int = 0) -> QuerySet:
    """Build the query set; deterministic for ``(seed_dir contents, n, seed)``.

    ``n`` is the total number of quote queries: half present, a quarter typo, a quarter absent.
    """
    rng = random.Random(seed)
    pool = corpus.seed_pool(seed_dir)
    haystack = "\n".join(corpus.seed_sentences(seed_dir or corpus.SEED_DIR))
    chars = "".join(sorted({ch for ch in haystack if "\u3041" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"}))
    n_present = n - 2 * (n // 4)
    present = _present(rng, pool, n_present)
    typo = _typos(rng, present, haystack, n // 4, chars)
    absent = _absent(rng, pool, haystack, n // 4)
    return QuerySet(
        quotes_present=present,
        quotes_absent=absent,
        quotes_typo=typo,
        actors=list(ACTOR_QUERIES),
        timeline_filters=_timeline(rng),
        stance=_stance(rng),
        stance_about=list(ABOUT_QUERIES),
    )
