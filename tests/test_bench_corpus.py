"""The synthetic benchmark corpus and query set: deterministic, well-formed, realistic enough."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import statistics

import pytest

from bench import corpus
from bench.queries import QuerySet, build_queries

N = 2000
FULL_DATE = re.compile(r"(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
ISO_DATE = re.compile(r"(?<![\d/])(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?![\d/])")
MONTH_DAY = re.compile(r"(?<![\d年])(?<!年\s)(\d{1,2})\s?月\s?(\d{1,2})\s?日(?!間)")
URL = re.compile(r"https?://[\x21-\x7e]+?(?=[<>\[\]()]|[^\x21-\x7e]|$)")


# Session scope (one generation per worker), not module: the suite hands its tests out one at a time, longest
# first, so this module's tests do not run in a row on a worker and a module fixture was generated again for most
# of them (five generations of the 2,000 articles in a full run, 20 s of set-up). The tests only read them.
@pytest.fixture(scope="session")
def articles() -> tuple[tuple[str, str], ...]:
    return tuple(corpus.generate(N, seed=0))


@pytest.fixture(scope="session")
def joined(articles: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(text for _, text in articles)


def test_seed_sentences_are_clean() -> None:
    sents = corpus.seed_sentences(corpus.SEED_DIR)
    assert len(sents) > 200
    assert len(sents) == len(set(sents))
    for s in sents:
        assert "http" not in s
        assert not s.startswith(("✅", "💡", "・", "- ", "①"))
        assert "出典/画像元" not in s
        assert re.sub(r"「[^」]*」", "", s).count("。") <= 1  # split on 。 except inside 「」


def test_deterministic() -> None:
    a = list(corpus.generate(60, seed=7))
    assert a == list(corpus.generate(60, seed=7))
    assert a[:20] == list(corpus.generate(20, seed=7))  # article i depends only on (i, seed)
    other = list(corpus.generate(60, seed=8))
    assert sum(x[1] == y[1] for x, y in zip(a, other, strict=True)) == 0


def test_names_and_contents_unique(articles: tuple[tuple[str, str], ...]) -> None:
    names = [name for name, _ in articles]
    assert len(set(names)) == N
    assert names[0] == "syn_000000.txt"
    assert all(re.fullmatch(r"syn_\d{6}\.txt", n) for n in names)
    digests = {hashlib.sha256(text.encode()).hexdigest() for _, text in articles}
    assert len(digests) == N


def test_size_distribution(articles: tuple[tuple[str, str], ...]) -> None:
    sizes = [len(text) for _, text in articles]
    assert min(sizes) >= 1800
    assert max(sizes) <= 5500
    in_range = sum(2000 <= s <= 4500 for s in sizes)
    assert in_range >= 0.95 * N
    assert 2700 <= statistics.mean(sizes) <= 3600
    assert statistics.pstdev(sizes) > 300  # they really vary


def test_both_formats_and_front_matter(articles: tuple[tuple[str, str], ...]) -> None:
    fmt_a = fmt_b = with_fm = 0
    for k, (_, text) in enumerate(articles):
        body = text
        if text.startswith("---\n"):
            with_fm += 1
            head, _, body = text[4:].partition("\n---\n")
            keys = [line.split(":", 1)[0] for line in head.splitlines()]
            assert keys == ["title", "url", "published", "outlet", "language"]
            dt.date.fromisoformat(re.search(r"^published: (.+)$", head, re.M).group(1))
        if k % 2 == 0:
            fmt_a += 1
            assert "✅ " in body
            assert re.search(r"^さらに読む ⇒[^\n]*出典/画像元: https://[\x21-\x7e]+[^\x00-\x7f]", body, re.M)
            assert f"No.{k:06d}" in body.splitlines()[0]
        else:
            fmt_b += 1
            assert re.search(r"^①\s?.+\((?:[^()]*, )?\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\)$", body, re.M)
            assert re.search(r"^(<https://[^>]+>|https://\S+|\[https://[^\]]+\]\(https://[^)]+\))$", body, re.M)
            assert f"No.{k:06d}" in body
    assert fmt_a == fmt_b == N // 2
    assert 0.2 * N <= with_fm <= 0.4 * N


def test_dates_valid(joined: str) -> None:
    full = FULL_DATE.findall(joined)
    assert len(full) > N  # every format B item heading carries one
    for y, m, d in full:
        dt.date(int(y), int(m), int(d))
    iso = ISO_DATE.findall(joined)
    assert iso  # 公開日:YYYY/MM/DD and front matter
    for y, _, m, d in iso:
        dt.date(int(y), int(m), int(d))
    for m, d in MONTH_DAY.findall(joined):
        dt.date(2025, int(m), int(d))
    years = {int(y) for y, _, _ in full}
    assert 2025 in years
    months = {int(m) for y, m, _ in full if y == "2025"}
    assert len(months) >= 4  # dates were really shifted around


def test_item_urls_unique(articles: tuple[tuple[str, str], ...]) -> None:
    seen: set[str] = set()
    for _, text in articles:
        for line in text.splitlines():
            found = URL.findall(line)
            if not found:
                continue
            url = found[0].split("?rcmd")[0]  # a markdown link repeats its URL
            assert url not in seen
            seen.add(url)
    assert len(seen) > 3 * N


def test_transformer_swaps_shifts_and_renumbers() -> None:
    tf = corpus._Transformer(random.Random(0), 20, {0: 2, 2: 0})  # トランプ <-> プーチン, +20 days
    assert tf("トランプ大統領はプーチン氏と会談した。") == "プーチン大統領はトランプ氏と会談した。"
    assert tf("トランプ米大統領") == "プーチン大統領"
    assert tf("ゼレンシキー大統領") == "ゼレンシキー大統領"
    assert tf("(2025年3月13日)") == "(2025年4月2日)"
    assert tf("3月12日には") == "4月1日には"
    assert tf("13日に発表した") == "2日に発表した"  # bare day in the month last written
    assert tf("ルビオ氏は 28 日") == "ルビオ氏は 17 日"
    assert tf("ルビオ氏は 1 日") == "ルビオ氏は 3 月 21 日"  # lands in another month than the last one written
    assert tf("公開日:2025/03/04") == "公開日:2025/03/24"
    assert tf("2 月 23 日のドイツ") == "3 月 15 日のドイツ"
    spans = tf("30日間の停戦、30日間の延長")
    n = int(spans.split("日間")[0])
    assert n in corpus._DAY_COUNTS
    assert spans == f"{n}日間の停戦、{n}日間の延長"
    first, second = tf("8000 億ユーロ"), tf("8000 億ユーロ")
    assert first == second
    assert first.endswith(" 億ユーロ")
    other = corpus._Transformer(random.Random(0), 0, {3: 4, 4: 3})  # ルビオ <-> ラブロフ
    assert other("ルビオ米国務長官とラブロフ外相") == "ラブロフ外相とルビオ国務長官"
    assert corpus.stable_spans("トランプ氏は12日に") == [(4, 6), (9, 10)]


def test_queries(joined: str) -> None:
    qs = build_queries(corpus.SEED_DIR)
    assert isinstance(qs, QuerySet)
    assert qs == build_queries(corpus.SEED_DIR)
    assert build_queries(corpus.SEED_DIR, seed=1) != qs
    total = len(qs.quotes_present) + len(qs.quotes_typo) + len(qs.quotes_absent)
    assert total >= 200
    assert len(qs.quotes()) == total
    assert min(len(qs.quotes_typo), len(qs.quotes_absent)) >= 40
    assert len(set(qs.quotes_present)) == len(qs.quotes_present)
    for q in qs.quotes_present:
        assert 8 <= len(q) <= 32
        assert q in joined
    assert sum(q.startswith("「") for q in qs.quotes_present) >= 3
    for q in qs.quotes_typo + qs.quotes_absent:
        assert q not in joined
    assert any(q.startswith("岸田首相は") for q in qs.quotes_absent)
    for name in ("ゼレンシキー", "イエルマク", "トランプ", "ぷ", "ルビ", "Zel"):
        assert name in qs.actors
    assert {} in qs.timeline_filters
    assert any({"since", "until", "actor", "topic"} <= f.keys() for f in qs.timeline_filters)
    assert any(topic is None for _, topic in qs.stance)
    assert any(topic is not None for _, topic in qs.stance)
    assert corpus.coverage_size() <= N
