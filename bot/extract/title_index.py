"""Titles found by the words they open with: which of a long title list a phrase can hold, in the list's order.

`_proper_name` (English attribution) asked of every title in turn whether the phrase held it (`rfind`), for every
subject phrase of every sentence: ~40 of them per phrase, most of an English article's name readings. A title
that stands in a phrase as whole words (at its start or after a space, and followed by a space) opens with one of
the phrase's words, so only the titles opening with one of them can be there; they are asked in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence


class TitleIndex:
    """The titles of a list by their first word (split at single spaces), each with its place in the list."""

    __slots__ = ("_by_first", "_titles", "_unkeyed")

    def __init__(self, titles: Sequence[str]) -> None:
        self._titles = tuple(titles)
        self._by_first: dict[str, list[tuple[int, str]]] = {}
        self._unkeyed: list[tuple[int, str]] = []  # a title opening with a space: asked of every phrase
        for i, title in enumerate(self._titles):
            first = title.split(" ", 1)[0]
            (self._by_first.setdefault(first, []) if first else self._unkeyed).append((i, title))

    @property
    def titles(self) -> tuple[str, ...]:
        return self._titles

    def among(self, phrase: str) -> list[str]:
        """The titles that may stand in `phrase` as whole words, in the list's order (a superset of those that do)."""
        by_first = self._by_first
        found = [t for w in set(phrase.split(" ")) for t in by_first.get(w, ())]
        if self._unkeyed:
            found += self._unkeyed
        found.sort()
        return [t for _, t in found]

    def opening(self, text: str) -> list[str]:
        """The titles `text` may open with as whole words (those `text.startswith(title + " ")` may hold for)."""
        found = [*self._by_first.get(text.split(" ", 1)[0], ()), *self._unkeyed]
        return [t for _, t in found]


_LAST: TitleIndex | None = None


def title_index(titles: Sequence[str]) -> TitleIndex:
    """The index of this list, made once (the vocabulary's lists are built once and kept)."""
    global _LAST
    last = _LAST
    if last is None or (last.titles is not titles and last.titles != tuple(titles)):
        last = _LAST = TitleIndex(titles)
    return last
