"""A document's actor clauses read once for both of stance's passes.

`extract_statements` and `extract_claims` (bot/extract/stance.py) each walk a document's passages with their own
carried state and read each passage's actor clauses: its subjects, its quotes and their speakers by the attribution
rules (`_clauses`, about a quarter of a document's extraction). The two states start alike and mostly stay alike.
A passage read from the same state, with the same introduction and for its quotes too, gives the same clauses and
leaves the same state: the statements pass keeps each reading here (`keep`) and the claims pass takes it (`take`)
instead of reading the passage again.

The key is the whole carried state: every field of it but `IGNORED` (fields the clause reading never reads), so a
field added to the state later is part of the key without a change here. A passage read from states that differ
is read again; the result is always what a reading of its own would give (`tests/test_extract_shared_work.py`).
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any

# What the clause reading never reads: the statements' topic memory (the claims pass never fills it) and the
# actor mentions of the item's text, a cache that is found again when missing.
IGNORED = frozenset({"recent", "context_mentions"})


_PLAIN = frozenset({int, str, bool, type(None), float})  # values that are a key as they are
# containers whose .copy() is what copy.copy() gives (a deque's keeps its maxlen)
_COPIED = frozenset({list, dict, set, deque})


def _frozen(value: Any) -> Any:
    """A value of the state as a dictionary key (containers in their order)."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, deque | list | tuple):
        items = tuple(value)
        try:  # the usual state: containers of ids, already a key as a tuple (one C call, no walk in Python)
            hash(items)
            return items
        except TypeError:
            return tuple(_frozen(v) for v in items)
    if isinstance(value, dict):
        pairs = tuple(value.items())
        try:
            hash(pairs)
            return pairs
        except TypeError:
            return tuple((k, _frozen(v)) for k, v in pairs)
    if isinstance(value, set | frozenset):
        return frozenset(value)
    return value


def _copy(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:  # what copy.copy() gives for these: the value itself (most of a state's fields)
        return value
    return value.copy() if kind in _COPIED else copy.copy(value)


# The usual state's containers as a key in one step each, by their exact type: what `_frozen` gives them when what
# they hold is hashable (checked once for the whole key, which falls back to `_frozen` field by field when it is not).
_FREEZE: dict[type, Callable[[Any], Any]] = {
    deque: tuple,
    list: tuple,
    tuple: tuple,
    dict: lambda d: tuple(d.items()),
    set: frozenset,
    frozenset: frozenset,
}


def _frozen_values(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """tuple(map(_frozen, values)), without a Python call per plain value (a state's fields are mostly plain)."""
    freeze = _FREEZE.get
    out = tuple([v if (f := freeze(type(v))) is None else f(v) for v in values])
    try:
        hash(out)  # a plain value's type outside _FREEZE is kept as it is by _frozen too; a container may hold lists
    except TypeError:
        return tuple(map(_frozen, values))
    return out


def _copies(values: tuple[Any, ...]) -> list[Any]:
    """[_copy(v) for v in values], inlined (a state is kept and restored for every passage of a document)."""
    plain, copied = _PLAIN, _COPIED
    return [v if (t := type(v)) in plain else (v.copy() if t in copied else copy.copy(v)) for v in values]


# Per state class: its fields' names, and a getter of all their values in one call (fields() walks the class's
# fields on every call; a key and a kept state are made for every passage of a document).
_NAMES: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _names(state: Any) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    found = _NAMES.get(type(state))
    if found is None:
        names = tuple(f.name for f in fields(state) if f.name not in IGNORED)
        getter = attrgetter(*names)
        found = _NAMES[type(state)] = (names, getter if len(names) > 1 else lambda s: (getter(s),))
    return found


class ClauseReadings:
    """The clause readings of one document's passages, by (passage, introduction, quotes read, state before)."""

    __slots__ = ("_kept", "hits", "misses", "scanned")

    def __init__(self) -> None:
        self._kept: dict[tuple, tuple[Any, tuple[tuple[str, ...], list[Any]]]] = {}
        # the passages' probes' position cues and conditions as scanned for this document (`stance.probe_cues`):
        # the statements scan a topical passage's, the claims' stored readings (`text_readings`) read them again
        self.scanned: dict[str, list[Any]] = {}
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(passage: int, state: Any, intro: int | None, quotes: bool) -> tuple:
        """What a reading depends on: the passage, the introduction handed to it, whether its quotes were read
        (a passage without a topic is read without them for the statements), and the carried state."""
        return (passage, intro, quotes, _frozen_values(_names(state)[1](state)))

    def keep(self, key: tuple, result: Any, state: Any) -> None:
        """A passage read from the state `key` holds: its result and the state it left."""
        names, values = _names(state)
        self._kept[key] = (result, (names, _copies(values(state))))

    def take(self, key: tuple, state: Any) -> Any | None:
        """The result kept for `key`, with `state` set to what that reading left; None when none is kept."""
        kept = self._kept.get(key)
        if kept is None:
            self.misses += 1
            return None
        self.hits += 1
        result, (names, after) = kept
        for name, value in zip(names, _copies(after), strict=True):
            setattr(state, name, value)
        return result
