"""``python -m bench.extraction_repeats``: which functions extraction calls again with the same arguments within one
document, and what those calls cost.

The question a memo answers: is a pure function of a string asked the same question twice? Every function of the
`bot` package (a module's global function, where its callers look it up) and `ActorIndex.mentions` / `resolve` is
wrapped for one pass over the evaluation stories' articles and the seeds (or, with `--bench N`, the first N bench
corpus articles after `--warm` others); a call whose arguments are all hashable values (text, numbers, tuples; an
actor index by its identity) is a repeat when the same function was called with the same arguments earlier in the
same document. Per function: the calls, the repeats, the calls whose arguments are not values (a state, a list:
never counted as repeats), and the CPU ms per article (`time.process_time`, the wrapper's own cost left in) of all
calls and of the repeats. Nested functions count inside their callers' time too: the rows are not to be summed, and
a repeat's time is what a memo could save at most (its lookup costs something too: time it before keeping one).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import pkgutil
import sys
import time
import types
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import bot
from bench import corpus
from bench.extraction import _actors, articles
from bot.actors import ActorIndex
from bot.extract.document import content_hash, extract_document
from bot.ingest.parse import parse_document

_VALUES = (str, int, float, bool, type(None), tuple, frozenset, bytes)
_SKIP = frozenset({"bot.extract.document.extract_document"})  # the pass itself


@dataclass
class Row:
    calls: int = 0
    repeats: int = 0
    not_values: int = 0
    cpu: float = 0.0  # seconds, all calls
    cpu_repeats: float = 0.0  # seconds, the repeats


_NOT_A_VALUE = object()


def _key(value: Any) -> Any:
    """A call argument as a key: a value as itself, an actor index by its identity, anything else `_NOT_A_VALUE`."""
    if isinstance(value, ActorIndex):
        return ("ActorIndex", id(value))
    if isinstance(value, _VALUES):
        try:
            hash(value)
        except TypeError:
            return _NOT_A_VALUE
        return value
    return _NOT_A_VALUE


class Census:
    """The rows, and the arguments each function was called with in the current document."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = defaultdict(Row)
        self.seen: dict[str, set[Any]] = defaultdict(set)

    def new_document(self) -> None:
        self.seen.clear()

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        rows, seen = self.rows, self.seen

        def counted(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.process_time() - started
                row = rows[name]
                row.calls += 1
                row.cpu += spent
                keys = (*map(_key, args), *((k, _key(v)) for k, v in sorted(kwargs.items())))
                if any(k is _NOT_A_VALUE for k in keys[: len(args)]) or any(k[1] is _NOT_A_VALUE for k in keys[len(args) :]):
                    row.not_values += 1
                elif keys in seen[name]:
                    row.repeats += 1
                    row.cpu_repeats += spent
                else:
                    seen[name].add(keys)

        counted.__wrapped__ = fn  # type: ignore[attr-defined]
        return counted


def _modules() -> list[types.ModuleType]:
    """The `bot` package's modules that extraction imports (its extract and ingest packages, and `bot` itself)."""
    for package in ("bot.extract", "bot.ingest"):
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
            importlib.import_module(f"{package}.{info.name}")
    return [m for name, m in sorted(sys.modules.items()) if name.startswith("bot.") and m is not None]


@contextmanager
def counting(census: Census) -> Iterator[None]:
    """Every `bot` function wrapped where its callers look it up (each module's globals), put back after."""
    replaced: list[tuple[Any, str, Any]] = []
    wrappers: dict[Any, Callable[..., Any]] = {}
    try:
        for module in _modules():
            for attr, value in list(vars(module).items()):
                if not isinstance(value, types.FunctionType) or not value.__module__.startswith(bot.__name__ + "."):
                    continue
                name = f"{value.__module__}.{value.__qualname__}"
                if name in _SKIP:
                    continue
                if value not in wrappers:
                    wrappers[value] = census.wrap(name, value)
                replaced.append((module, attr, value))
                setattr(module, attr, wrappers[value])
        for attr in ("mentions", "resolve"):
            original = getattr(ActorIndex, attr)
            replaced.append((ActorIndex, attr, original))
            setattr(ActorIndex, attr, census.wrap(f"ActorIndex.{attr}", original))
        yield
    finally:
        for owner, attr, value in reversed(replaced):
            setattr(owner, attr, value)


def measure(texts: list[tuple[str, str]], actors: Any, warm: list[tuple[str, str]] | None = None) -> dict[str, Row]:
    """The census of one pass over `texts` (after `warm`, not counted), per function."""
    for name, text in warm or []:
        parsed = parse_document(text, name=name)
        extract_document(parsed, actors, content_hash(parsed))
    census = Census()
    with counting(census):
        for name, text in texts:
            census.new_document()
            parsed = parse_document(text, name=name)
            extract_document(parsed, actors, content_hash(parsed))
    return dict(census.rows)


def table(rows: dict[str, Row], articles_read: int, top: int = 40) -> str:
    ranked = sorted(rows.items(), key=lambda kv: -kv[1].cpu_repeats)[:top]
    out = [f"{'function':64s} {'calls':>8s} {'repeats':>8s} {'not values':>10s} {'ms/art':>7s} {'repeats':>7s}"]
    for name, r in ranked:
        out.append(
            f"{name:64s} {r.calls:8d} {r.repeats:8d} {r.not_values:10d} "
            f"{r.cpu * 1000 / articles_read:7.2f} {r.cpu_repeats * 1000 / articles_read:7.2f}"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.extraction_repeats", description=__doc__.split("\n\n")[0])
    p.add_argument("--bench", type=int, default=0, help="the first N bench corpus articles instead of the stories")
    p.add_argument("--warm", type=int, default=100, help="bench articles read before counting (default 100)")
    p.add_argument("--top", type=int, default=40)
    args = p.parse_args(argv)
    actors = asyncio.run(_actors())
    if args.bench:
        generated = list(corpus.generate(args.warm + args.bench, seed=0))
        warm, texts = generated[: args.warm], generated[args.warm :]
    else:
        warm, texts = [], articles()
    rows = measure(texts, actors, warm)
    print(f"{len(texts)} articles; repeats within a document, CPU ms/article (the wrapper's cost included)")
    print(table(rows, len(texts), args.top))


if __name__ == "__main__":
    main()
