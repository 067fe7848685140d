"""bench/extraction_profile.py: a sampling profiler's collapsed stacks summed by their leaf frame (the functions' own
time), and cProfile's table of a few bench articles by own time."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.extraction_profile import collapsed, profile


def test_collapsed_stacks_are_summed_by_their_leaf_frame(tmp_path: Path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_text(
        "main (a.py:1);f (b.py:2) 30\nmain (a.py:1);g (b.py:9);f (b.py:2) 10\nmain (a.py:1);g (b.py:9) 60\nnot a line\n",
        encoding="utf-8",
    )
    rows = collapsed(raw, top=5).splitlines()
    assert rows[0] == "100 samples"
    assert rows[1].split() == ["60.00", "%", "60", "g", "(b.py:9)"]
    assert rows[2].split() == ["40.00", "%", "40", "f", "(b.py:2)"]  # its own time whoever called it
    assert len(rows) == 3


def test_a_few_bench_articles_are_profiled_by_own_time(tmp_path: Path) -> None:
    args = argparse.Namespace(bench=2, warm=1, top=5, save=tmp_path / "x.prof")
    out = profile(args)
    assert out.startswith("2 articles profiled (1 warm)")
    assert "Ordered by: internal time" in out and (tmp_path / "x.prof").exists()
