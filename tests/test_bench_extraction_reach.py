"""bench/extraction_reach.py: each rule it counts is reached where its callers look it up, the counts agree with what
the extraction gave, and the rules are put back after counting."""

from __future__ import annotations

import importlib
from pathlib import Path

from bench.extraction_reach import PROBES, counting, measure, table
from bot.actors import ActorIndex
from bot.extract.document import content_hash, extract_document
from bot.ingest.parse import parse_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _lookup(module: str, path: str) -> object:
    owner: object = importlib.import_module(module)
    for part in path.split("."):
        owner = getattr(owner, part)
    return owner


def test_every_rule_is_counted_where_it_is_called_and_put_back(actors: ActorIndex) -> None:
    """A probe renamed or moved would be wrapped where no caller looks (zero calls, a silent row of nothing)."""
    before = {label: _lookup(module, path) for label, module, path in PROBES}
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    found = measure([(f.name, f.read_text(encoding="utf-8")) for f in seeds], actors)
    after = {label: _lookup(module, path) for label, module, path in PROBES}
    assert after == before  # the originals are back
    english_only = {"context: speakers (en)"}  # the seeds are Japanese
    assert [label for label, r in found.items() if r.calls == 0 and label not in english_only] == []
    for r in found.values():
        assert 0 <= r.yielded <= r.calls and 0.0 <= r.cpu_empty <= r.cpu


def test_the_counts_are_what_the_extraction_gave(actors: ActorIndex) -> None:
    """One seed: the passages the statements pass reads are its passages, every event it keeps was made (and counted), and the passages giving statement rows are those its statements come from."""
    seed = sorted(SEEDS.glob("*.txt"))[0]
    parsed = parse_document(seed.read_text(encoding="utf-8"), name=seed.name)
    with counting() as found:
        ex = extract_document(parsed, actors, content_hash(parsed))
    assert found["passage: statements (rows)"].calls == len(parsed.passages)
    assert found["passage: statements (rows)"].yielded == len({s.passage_seq for s in ex.statements})
    assert found["event: made"].calls == found["event: made"].yielded >= len(ex.events) > 0
    assert found["document: discovered actors"].calls == 1
    lines = table(found, 1)
    assert len(lines) == len(PROBES) + 1 and lines[1].startswith("passage: statements (rows)")
