"""bench.feeds end to end on a small feed: every figure is in the JSON. No timing assertions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bench.feeds import main


def test_bench_feeds_reports_every_poll(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "feeds.json"
    assert main(["--items", "40", "--cap", "5", "--out", str(out), "--default-switch-interval"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["items"] == 40 and report["parsed_items"] == 40
    assert report["switch_interval_ms"] == round(sys.getswitchinterval() * 1000, 3)
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


def test_the_bot_prefers_the_loop() -> None:
    from bot.threads import SWITCH_INTERVAL, prefer_the_loop

    before = sys.getswitchinterval()
    try:
        prefer_the_loop()
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL)
    finally:
        sys.setswitchinterval(before)
