"""``python -m bench.extraction_reach``: how many passages, sentences and contexts reach each extraction rule, and
how many of those yield anything, with the CPU each spends on what yields nothing.

A flat profile (no function over a few per cent) leaves one question a profile does not answer: is work applied to
every passage or sentence that only a few of them need? This counts, over the evaluation stories' articles and the seeds (or with
`--bench N` the first N bench corpus articles after `--warm` others), each call of the rules listed in `PROBES`: how
many calls, how many gave something (a non-empty answer), and the CPU milliseconds per article (`time.process_time`)
of all calls and of those that gave nothing. A rule whose empty calls cost much is where a cheap exact pre-check may
pay; one whose empty calls are few or cheap is not. Nested rules count inside their callers' time too (`_subjects`
inside `_clauses`): the rows are not to be summed.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bench import corpus
from bench.extraction import _actors, articles
from bot.extract.document import content_hash, extract_document
from bot.ingest.parse import parse_document

# (label, module, attribute path): each rule is wrapped where its callers look it up (a module's global, a class's
# method), so every call of the extraction goes through the count.
PROBES: tuple[tuple[str, str, str], ...] = (
    ("passage: statements (rows)", "bot.extract.stance", "_passage_rows"),
    ("passage: clauses read", "bot.extract.stance", "_clauses"),
    ("clause: topics read", "bot.extract.stance", "_clause_topics"),
    ("sentence: subjects", "bot.extract.stance", "_subjects"),
    ("quote: its speaker", "bot.extract.stance", "_quote_speaker"),
    ("sentence: spoken, no subject", "bot.extract.stance", "_spoken_sentence_speaker"),
    ("passage: claims", "bot.extract.stance", "_passage_claims"),
    ("passage: dates scanned", "bot.extract.dates", "DateContext.scan"),
    ("event: made", "bot.extract.events", "_event"),
    ("context: speakers (ja)", "bot.extract.attribution", "named_speakers_ja"),
    ("context: speakers (en)", "bot.extract.attribution", "named_speakers_en"),
    ("context: attribution_ja reading", "bot.extract.attribution_ja", "_document"),
    ("document: discovered actors", "bot.extract.document", "discovered"),
)


@dataclass
class Reach:
    calls: int = 0
    yielded: int = 0
    cpu: float = 0.0  # seconds, all calls
    cpu_empty: float = 0.0  # seconds, the calls that gave nothing


def _gave(result: Any) -> bool:
    """Whether a rule's answer holds something: a (found, …) pair by its first part, anything else by its truth."""
    return bool(result[0]) if isinstance(result, tuple) else bool(result)


def _counted(fn: Callable[..., Any], reach: Reach) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        result = fn(*args, **kwargs)
        spent = time.process_time() - started
        reach.calls += 1
        reach.cpu += spent
        if _gave(result):
            reach.yielded += 1
        else:
            reach.cpu_empty += spent
        return result

    return counted


@contextmanager
def counting(probes: tuple[tuple[str, str, str], ...] = PROBES) -> Iterator[dict[str, Reach]]:
    """Every probe wrapped while the block runs (and put back after it): label → its `Reach`."""
    found: dict[str, Reach] = {}
    undo: list[tuple[Any, str, Any]] = []
    try:
        for label, module, path in probes:
            owner: Any = importlib.import_module(module)
            *outer, name = path.split(".")
            for part in outer:
                owner = getattr(owner, part)
            original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
            found[label] = Reach()
            setattr(owner, name, _counted(original, found[label]))
            undo.append((owner, name, original))
        yield found
    finally:
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)


def measure(texts: list[tuple[str, str]], actors: Any) -> dict[str, Reach]:
    """The reach of every probe over `texts` (name, text), extracted as the ingest path does."""
    with counting() as found:
        for name, text in texts:
            parsed = parse_document(text, name=name)
            extract_document(parsed, actors, content_hash(parsed))
    return found


def table(found: dict[str, Reach], n: int) -> list[str]:
    lines = [f"{'rule (what reaches it)':34s} {'calls':>8s} {'gave':>8s} {'ms/art':>7s} {'empty':>7s}"]
    for label, r in found.items():
        lines.append(f"{label:34s} {r.calls:8d} {r.yielded:8d} {r.cpu * 1000 / n:7.2f} {r.cpu_empty * 1000 / n:7.2f}")
    return lines


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.extraction_reach", description=__doc__.split("\n\n")[0])
    p.add_argument("--bench", type=int, default=0, help="the first N bench corpus articles instead of the stories")
    p.add_argument("--warm", type=int, default=50, help="articles extracted first, not counted (default 50)")
    args = p.parse_args(argv)
    if args.bench:
        texts = [(f"bench/{n}", t) for n, t in corpus.generate(args.warm + args.bench, seed=0)]
        warm, counted = texts[: args.warm], texts[args.warm :]
    else:  # the stories and seeds are few: the warm ones are counted too
        counted = articles()
        warm = counted[: args.warm]
    actors = asyncio.run(_actors())
    for name, text in warm:
        parsed = parse_document(text, name=name)
        extract_document(parsed, actors, content_hash(parsed))
    found = measure(counted, actors)
    passages = sum(len(parse_document(t, name=n).passages) for n, t in counted)
    print(f"{len(counted)} articles, {passages} passages")
    print("\n".join(table(found, len(counted))))


if __name__ == "__main__":
    main()
