"""attribution_ja's context readings are kept by their characters (pg32): a quote's hits' contexts are read again by the
next quotes about the same news, where the 64 kept before held the last four or five answers' only."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract import attribution_ja
from bot.extract.attribution_ja import _document


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribution_ja, "_DOCS", type(attribution_ja._DOCS)())


def _context(i: int, chars: int = 100) -> str:
    head = f"林官房長官は{i}日、記者会見で「対応を急ぐ」と述べた。"
    return head + "。" * (chars - len(head))


@pytest.mark.usefixtures("kept")
def test_more_than_64_contexts_are_kept_while_their_characters_fit() -> None:
    actors = ActorIndex([])
    first = _document(_context(0), actors)
    for i in range(1, 200):  # 20,000 characters: far under the bound
        _document(_context(i), actors)
    assert len(attribution_ja._DOCS) == 200
    assert _document(_context(0), actors) is first  # the first one read again, not made again


@pytest.mark.usefixtures("kept")
def test_the_least_recently_read_go_first_when_the_characters_pass_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribution_ja, "_DOCS_CHARS", 350)
    actors = ActorIndex([])
    a = _document(_context(1), actors)
    _document(_context(2), actors)
    _document(_context(3), actors)
    assert _document(_context(1), actors) is a  # read again: now the most recent
    _document(_context(4), actors)  # 400 characters: the least recently read (2) goes
    held = [k[1] for k in attribution_ja._DOCS]
    assert held == [_context(3), _context(1), _context(4)]
    assert sum(map(len, held)) <= 350


@pytest.mark.usefixtures("kept")
def test_one_context_longer_than_the_bound_is_still_kept_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribution_ja, "_DOCS_CHARS", 50)
    actors = ActorIndex([])
    _document(_context(1), actors)
    big = _document(_context(2), actors)
    assert [k[1] for k in attribution_ja._DOCS] == [_context(2)]
    assert _document(_context(2), actors) is big


@pytest.mark.usefixtures("kept")
def test_a_cleared_cache_keeps_reading_by_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    # the evaluation clears it between stories (tests/story_records.py): nothing counted beside it goes stale
    monkeypatch.setattr(attribution_ja, "_DOCS_CHARS", 350)
    actors = ActorIndex([])
    for i in range(10):
        _document(_context(i), actors)
    attribution_ja._DOCS.clear()
    for i in range(3):
        _document(_context(10 + i), actors)
    assert len(attribution_ja._DOCS) == 3
