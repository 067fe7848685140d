"""/stance --about: the words the store says beside a target (pseudo-relevance feedback, issue 11, round 47): a
statement that calls the target by the articles' own word, which shares nothing with the user's, is found; a word
said as often elsewhere in the store, an actor's name or a word of the target is never added. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.about import add_related, named_words, parse_target
from bot.ingest.pipeline import ingest_text
from bot.services.associated import add_associated, associated_view, associated_words, least_of, said_beside
from bot.services.stance_about import stance_about
from bot.store import Store
from bot.text import index_tokens

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str):
    target = parse_target(text, ActorIndex([]), {})
    for w in target.words:
        w.weight = 1.0
    add_related(target)
    return target


def test_words_said_in_most_of_the_passages_read_and_rarely_elsewhere_are_associated() -> None:
    read = [
        index_tokens(t) for t in ["議員の収監が続く", "収監中の議員が控訴した", "収監の延長を求める声", "天気は晴れ"]
    ]
    counts, n = said_beside(read)
    assert n == 4 and counts["収監"] == 3 and "天気" not in counts  # said in one passage only
    target = _target("議員を刑務所に閉じ込め続けること")
    df = {"収監": 3, "議員": 40}  # 議員 is said all over the store: no word of this target's story
    assert associated_words(target, counts, n, df, 200, ActorIndex([])) == ["収監"]


def test_a_word_of_the_target_or_an_actors_name_is_never_associated() -> None:
    read = [index_tokens("佐藤議員の収監と刑務所") for _ in range(4)]
    counts, n = said_beside(read)
    target = _target("議員を刑務所に閉じ込め続けること")
    actors = ActorIndex([ActorEntry(-2, "佐藤", None, "person", [], None)])
    words = associated_words(target, counts, n, dict.fromkeys(counts, 4), 500, actors)
    assert "収監" in words and "刑務" not in words and "佐藤" not in words


def test_an_english_passage_gives_its_latin_words_and_a_japanese_one_its_kanji_and_katakana() -> None:
    counts, _ = said_beside([index_tokens("The junta staged a coup in the capital.")] * 3)
    assert {"junta", "coup"} <= set(counts) and "the" not in counts
    counts, _ = said_beside([index_tokens("国軍がクーデターを起こした")] * 3)
    assert {"国軍", "クデタ"} <= set(counts)


def test_the_fewest_passages_a_word_must_be_said_in_grow_with_those_read() -> None:
    assert least_of(4) == 3 and least_of(40) == 8


def test_an_associated_word_names_the_head_in_part() -> None:
    target = _target("議員を刑務所に閉じ込め続けること")
    add_associated(target, ["収監"])
    head = next(k for k, w in enumerate(target.words) if w.head)
    view = associated_view(target)
    assert view is not None and view.near is not None and head in named_words(view.near, "収監を続けても意味がない")
    assert head not in named_words(view.near, "天気が良い")
    # the target itself is read as before
    assert target.near is None or head not in named_words(target.near, "収監を続けても意味がない")


PLACES = ("札幌", "仙台", "新潟", "金沢", "静岡", "名古屋", "京都", "神戸", "岡山", "広島", "松山", "熊本")
ARTICLES = (
    [
        f"""\
---
title: 議員の処遇 {n}
published: 2025-06-{n:02d}
---
元議員の収監が続いている。支援者は収監の見直しを求めた。{extra}
"""
        for n, extra in (
            (1, "刑務所での処遇も問題になった。"),
            (2, "裁判所は刑務所の環境を調べる。"),
            (3, "刑務所の外で集会が開かれた。"),
        )
    ]
    + [
        """\
---
title: 首相の発言
published: 2025-06-05
---
石破首相は5日、元議員について「このまま収監を続けても得るものはない」と述べた。
石破首相は同日、「天気が良くて何よりだ」とも述べた。
"""
    ]
    + [
        # the rest of the store: a word said in most of the passages above is said in few of the store's
        "---\ntitle: 各地の話題\npublished: 2025-05-01\n---\n"
        + "\n".join(
            f"{place}で{n}日、{event}が開かれた。" for n, place in enumerate(PLACES, 1) for event in ("祭り", "市場")
        )
        + "\n"
    ]
)


@pytest.fixture
async def story(store: Store) -> Store:
    for k, text in enumerate(ARTICLES):
        assert (await ingest_text(store, text, name=f"jail{k}.md")).status == "added"
    return store


async def test_a_statement_naming_the_target_by_the_stores_word_for_it_is_found(story: Store) -> None:
    found = [s.text for s in (await stance_about(story, "石破", "元議員を刑務所に閉じ込め続けること")).statements]
    assert any("収監を続けても" in t for t in found)
    assert not any("天気" in t for t in found)  # the same speaker's other remark names nothing of it
