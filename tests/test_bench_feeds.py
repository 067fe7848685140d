"""bench.feeds end to end on a small feed: every figure is in the JSON. No timing assertions."""

from __future__ import annotations

import json
from pathlib import Path

from bench.feeds import main


def test_bench_feeds_reports_every_poll(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "feeds.json"
    assert main(["--items", "40", "--cap", "5", "--out", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["items"] == 40 and report["parsed_items"] == 40
    polls = {p["poll"]: p for p in report["polls"]}
    assert (polls["first poll"]["stored"], polls["first poll"]["skipped"]) == (5, 35)
    assert (polls["unchanged re-poll"]["stored"], polls["unchanged re-poll"]["not_modified"]) == (0, True)
    assert (polls["new lastBuildDate"]["stored"], polls["new lastBuildDate"]["seen"]) == (0, 40)
    assert (polls["2 new items"]["stored"], polls["2 new items"]["seen"]) == (2, 40)
    assert all(p["error"] is None and p["failed"] == 0 and p["ticks"] > 0 for p in report["polls"])
    assert polls["idle (baseline)"]["stored"] == 0
    assert all(isinstance(p["lag_max_ms"], float) and isinstance(p["seconds"], float) for p in report["polls"])
    assert "lag max" in capsys.readouterr().out
    assert main(["--items", "0"]) == 2
