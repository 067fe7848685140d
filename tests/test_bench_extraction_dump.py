"""bench/extraction_dump.py: the regression check of extraction's output says when two dumps differ, and where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.extraction_dump import diff, record
from bot.actors import ActorIndex

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_dump_line_holds_the_whole_extraction_and_diff_names_a_change(
    actors: ActorIndex, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    rec = record(seed.name, seed.read_text(encoding="utf-8"), actors)
    ex = rec["extraction"]
    assert ex["events"] and ex["statements"] and ex["claims"]["records"] and rec["terms"] and rec["parsed"]["passages"]
    assert "version" not in ex["claims"]  # a digest of the source: it changes with any edit
    line = json.dumps(rec, sort_keys=True, ensure_ascii=False)
    before, same, changed = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    before.write_text(line + "\n", encoding="utf-8")
    same.write_text(line + "\n", encoding="utf-8")
    rec["extraction"]["events"][0]["date"] = "1999-01-01"
    changed.write_text(json.dumps(rec, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert diff(before, same) == 0
    assert diff(before, changed) == 1
    out = capsys.readouterr().out
    assert ".extraction.events[0].date" in out and "1 differ" in out


def test_the_extraction_bench_times_the_steps_extract_document_calls(actors: ActorIndex) -> None:
    """bench.extraction splits the CPU by the names extract_document calls its steps under: each must be one,
    and each must be called (a renamed step would silently fall into "the rest")."""
    import bot.extract.document as document
    from bench.extraction import STAGES, one_round

    seed = sorted(SEEDS.glob("*.txt"))[0]
    _, stages = one_round([(seed.name, seed.read_text(encoding="utf-8"))], actors)
    for name in STAGES:
        assert callable(getattr(document, name)), name
        assert name in stages, name
    assert set(stages) == {*STAGES, "parse", "hash", "terms", "mentions and the rest"}
