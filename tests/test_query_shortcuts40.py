"""The `--about` query's exact shortcuts of the fortieth round (suite40, issue 17): each gives what the plain way
gives, checked against it here on the evaluation stories' own lines and on sentences of our own.

- `about._latin_literal`: a text that lacks a Latin form's literal part holds no match of its pattern
  (`_latin_form_rx`), so `match_spans` neither compiles nor runs the pattern there;
- `body_glosses.japanese_names_of` reads each run of kanji and katakana once however many passages repeat it;
- `resolve._is_latin` is kept per name (a pure function of the name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pytest

from bot.actors import ActorIndex
from bot.extract import about
from bot.extract import body_glosses as bg
from bot.services import resolve

STORIES = Path(__file__).resolve().parents[1] / "eval" / "stories"


@lru_cache(maxsize=1)
def _lines() -> tuple[str, ...]:
    """Every twenty-fourth story's lines, lower-cased as `match_spans` reads them (~900 lines)."""
    out: list[str] = []
    for story in sorted(STORIES.glob("*"))[::24]:
        for path in sorted(story.glob("*.txt")):
            out.extend(line.lower() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return tuple(out)


def _forms() -> list[str]:
    """Latin forms as targets give them: single words with each spelled ending (a consonant doubled, a y turned i, a
    last e dropped), words of two and three parts, a hyphenated one, and words taken from the lines themselves."""
    forms = ["submit", "ban", "policy", "apply", "raise", "tariff", "nuclear deal", "free-trade agreement",
             "trade war", "ceasefire", "cease fire", "interest rate hike", "supply", "state of emergency", "agree",
             "x", "us", "e", "re-election", "vote", "stop", "plan"]  # fmt: skip
    seen: set[str] = set()
    for line in _lines()[::40]:
        for word in re.findall(r"[a-z]{3,}", line)[:2]:
            if word not in seen:
                seen.add(word)
                forms.append(word)
    return forms


def test_a_line_without_a_forms_literal_part_holds_no_match_of_its_pattern() -> None:
    checked = matched = 0
    for form in _forms():
        literal = about._latin_literal(form)
        rx = about._latin_form_rx(form)
        for line in _lines():
            found = rx.search(line) is not None
            matched += found
            if literal not in line:
                checked += 1
                assert not found, f"{form!r} matches {line[:80]!r} without {literal!r}"
    assert checked > 10_000 and matched > 100  # both sides exercised


@pytest.mark.parametrize(
    ("form", "literal"),
    [
        ("submit", "submit"),  # submitting holds it whole
        ("policy", "polic"),  # policies
        ("raise", "rais"),  # raising
        ("nuclear deal", "nuclear"),  # nuclear-deal, nucleardeal: only the first word is sure
        ("free-trade agreement", "free"),
        ("us", "us"),  # too short to change its spelling
    ],
)
def test_a_forms_literal_part(form: str, literal: str) -> None:
    assert about._latin_literal(form) == literal


@pytest.mark.parametrize(
    ("about_text", "text", "word"),
    [
        ("a ban on exports", "Beijing banned them in July.", "ban"),
        ("subsidy for chipmakers", "The subsidies will end in March.", "subsidy"),
        ("raise rates", "The bank is raising them again.", "raise"),
        ("a nuclear deal", "Talks on a nuclear-deal framework resumed.", "nuclear"),
    ],
)
def test_match_spans_finds_the_spelled_forms_as_before(about_text: str, text: str, word: str) -> None:
    target = about.parse_target(about_text, ActorIndex([]), {})
    k = next(i for i, w in enumerate(target.words) if w.form == word)
    assert about.match_spans(target, text).get(k), f"{word!r} not found in {text!r}"


def test_match_spans_is_the_plain_reading_on_the_stories_lines() -> None:
    """Every target word's spans over the stories' lines, as the pattern of every Latin form finds them (the
    shortcut taken out), the same."""
    targets = [about.parse_target(t, ActorIndex([]), {}) for t in
               ("a nuclear deal with Iran", "tariffs on cars", "the ceasefire plan", "raising interest rates",
                "subsidies for chipmakers", "a ban on exports", "election results")]  # fmt: skip
    lines = [line for line in _lines() if line.isascii()]
    compared = 0
    for target in targets:
        for line in lines:
            got = about.match_spans(target, line)
            assert got == _plain_spans(target, line), f"{line[:80]!r}"
            compared += bool(got)
    assert compared > 50


def _plain_spans(target: about.Target, text: str) -> dict[int, list[tuple[int, int]]]:
    """`match_spans` as it read before the shortcut: every Latin form's pattern run over the text."""
    low, quick = about._probes(text)
    if not any(
        (about._latin_probe(f) in low) if f.isascii() else (f in quick) for w in target.words for f in w.forms
    ):
        return {}
    norm, index = about._mapped(text)
    latin = len(low) == len(text) and bool(about._LATIN_RX.search(low))
    out: dict[int, list[tuple[int, int]]] = {}
    for k, w in enumerate(target.words):
        spans: list[tuple[int, int]] = []
        for f in w.forms:
            if f.isascii():
                if not latin:
                    continue
                found = [(m.start(), m.end()) for m in about._latin_form_rx(f).finditer(low)]
            else:
                found = []
                at = norm.find(f)
                while at >= 0:
                    found.append((index[at], index[at + len(f) - 1] + 1))
                    at = norm.find(f, at + 1)
            for s, e in found:
                if not any(s < pe and ps < e for ps, pe in spans):
                    spans.append((s, e))
        if spans:
            out[k] = sorted(spans)
    return out


def _plain_japanese_names_of(english: str, texts: Iterable[str]) -> list[str]:
    """`japanese_names_of` as it read before: every run read again wherever it comes."""
    span = english.split()
    if not 2 <= len([w for w in span if w.casefold() not in bg._EN_STOP]) <= 8 or not english.isascii():
        return []
    counts: dict[str, int] = {}
    for text in texts:
        for m in bg._JA_RUN_RX.finditer(text):
            run = m.group(0)
            for k in range(len(run) - 1):
                if k and (run[k] == "・" or (bg._KATAKANA_CH.match(run[k - 1]) and bg._KATAKANA_CH.match(run[k]))):
                    continue
                name = run[k:].strip("・")
                if any(bg._fits(span, pieces) for pieces in bg._splits(name)):
                    counts[name] = counts.get(name, 0) + 1
                    break
    return sorted(counts, key=lambda n: -counts[n])


@pytest.mark.parametrize(
    "english",
    ["Kyoto Animation", "Amnesty International", "Japan Fair Trade Commission", "Ministry of Defense"],
)  # fmt: skip
def test_japanese_names_of_reads_as_before(english: str) -> None:
    texts = [
        "京都アニメーションの八田英明社長はコメントを出し、「極めて残念だ」と述べた。",
        "国際人権団体アムネスティ・インターナショナルは声明で「重大な侵害だ」と非難した。",
        "公正取引委員会は、米連邦取引委員会と協議した。公正取引委員会の担当者は「調査する」と話した。",
        "原子力規制委員会は東京電力の計画を認可した。防衛省と日本銀行も対応を急いだ。",
    ]
    japanese = [line for story in ("kyoani2024",) for path in
                sorted((STORIES / story).glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
                if not line.isascii()][:40]  # fmt: skip
    for batch in (texts, texts * 3, japanese):
        got = bg.japanese_names_of(english, batch)
        assert got == _plain_japanese_names_of(english, batch)
        assert got or english != "Kyoto Animation"  # a name found, not only none twice


def test_is_latin_kept_per_name_answers_as_computed() -> None:
    for name in ("González", "Yılmaz", "Sørensen", "岸田文雄", "ゼレンスキー", "Kishida", "Ōno", "Strauß", "Park Sang-woo"):
        assert resolve._is_latin(name) == resolve._is_latin.__wrapped__(name)
    assert resolve._is_latin("González") and not resolve._is_latin("岸田文雄")
