"""bench/extraction_repeats.py: a function asked the same question twice in one document is counted as a repeat, not
across documents nor for arguments that are not values; the extraction gives what it gives unwrapped, and every
function is put back after counting."""

from __future__ import annotations

from pathlib import Path

import bot.extract.stance as stance
from bench.extraction_repeats import Census, measure, table
from bot.actors import ActorIndex
from bot.extract.document import content_hash, extract_document
from bot.ingest.parse import parse_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_repeat_is_the_same_values_in_the_same_document() -> None:
    census = Census()
    f = census.wrap("f", lambda *a, **k: len(a))
    f("a", 1, None)
    f("a", 1, None)  # a repeat
    f("a", 2, None)
    f(["a"])  # a list: not a value
    f(["a"])
    f("a", x=None)
    f("a", x=None)  # a repeat, by keyword
    census.new_document()
    f("a", 1, None)  # another document: not a repeat
    row = census.rows["f"]
    assert (row.calls, row.repeats, row.not_values) == (8, 2, 2)


def test_the_census_counts_extraction_and_puts_every_function_back(actors: ActorIndex) -> None:
    seeds = [(f.name, f.read_text(encoding="utf-8")) for f in sorted(SEEDS.glob("*.txt"))[:2]]
    plain = [extract_document(p, actors, content_hash(p)) for p in (parse_document(t, name=n) for n, t in seeds)]
    before = (stance._passage_rows, stance._probe, ActorIndex.mentions, ActorIndex.resolve)
    rows = measure(seeds, actors)
    assert (stance._passage_rows, stance._probe, ActorIndex.mentions, ActorIndex.resolve) == before
    assert rows["bot.extract.stance._passage_rows"].calls == sum(
        len(parse_document(t, name=n).passages) for n, t in seeds
    )
    assert rows["ActorIndex.mentions"].calls > 0
    for r in rows.values():
        assert 0 <= r.repeats <= r.calls and 0 <= r.not_values <= r.calls and 0.0 <= r.cpu_repeats <= r.cpu + 1e-9
    again = [extract_document(p, actors, content_hash(p)) for p in (parse_document(t, name=n) for n, t in seeds)]
    assert again == plain  # counting left nothing behind
    assert "bot.extract.stance._passage_rows" in table(rows, len(seeds), top=1000)
