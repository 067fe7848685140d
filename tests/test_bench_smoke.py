"""The benchmark machinery end to end on a tiny corpus: every figure is in the JSON. No timing assertions."""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.stats import TARGETS, evaluate_targets, growth, growth_class, summarize

ROOT = Path(__file__).resolve().parents[1]
N = 20
QUERIES = 8
SERVICES = (
    "quote",
    "timeline_all",
    "timeline_last_page",
    "timeline_whole",
    "timeline_filtered",
    "timeline_week",
    "stance",
    "stance_last_page",
    "autocomplete",
    "autocomplete_empty",
)


@pytest.fixture(scope="session")
def run(run_dir: Path) -> tuple[dict[str, Any], str, Path]:
    """One bench run for the whole test run (whichever worker comes first runs it; the others wait on its lock
    and read what it wrote): its results, its printed tables, and its output folder."""
    out_dir = run_dir / "bench"
    out = out_dir / "results.json"
    printed = run_dir / "bench.stdout"  # written last, beside the folder (which holds results.json alone)
    with open(run_dir / "bench.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not printed.exists():
            out_dir.mkdir(exist_ok=True)
            argv = [sys.executable, "-m", "bench", "--sizes", str(N), "--queries", str(QUERIES), "--out", str(out)]
            argv += ["--cold-runs", "1", "--baseline-queries", "6", "--quiet"]
            done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
            assert done.returncode == 0, done.stderr[-2000:]
            printed.write_text(done.stdout, encoding="utf-8")
    return json.loads(out.read_text(encoding="utf-8")), printed.read_text(encoding="utf-8"), out_dir


def _number(node: dict[str, Any], *path: str) -> float:
    for key in path:
        assert isinstance(node, dict) and key in node, f"missing {'.'.join(path)}"
        node = node[key]
    assert isinstance(node, int | float) and not isinstance(node, bool), f"{'.'.join(path)} = {node!r}"
    return float(node)


def test_every_figure_is_reported(run: tuple[dict[str, Any], str, Path]) -> None:
    results, _, _ = run
    assert results["meta"]["sizes"] == [N]
    r = results["sizes"][str(N)]
    assert r["ingest"]["articles"] == N
    assert r["ingest"]["statuses"] == {"added": N}
    for key in ("seconds", "articles_per_s", "chars_per_s", "ms_per_article"):
        assert _number(r, "ingest", key) > 0
    bulk = r["ingest"]["mode"] == "bulk"  # the default: the path of `ingest FOLDER`
    for stage in ("parse", "dedup", "extract", "write") if bulk else ("parse", "hash", "extract", "write", "dedup"):
        _number(r, "ingest", "breakdown_ms_per_article", stage)
    if bulk:
        _number(r, "ingest", "cpu_ms_per_article", "main")
        _number(r, "ingest", "cpu_ms_per_article", "workers")
    for key in ("db_bytes", "wal_bytes", "total_bytes", "bytes_per_article", "passages", "events", "statements"):
        _number(r, "store", key)
    assert r["store"]["documents"] == N
    assert r["store"]["total_bytes"] == r["store"]["db_bytes"] + r["store"]["wal_bytes"] > 0

    for service in SERVICES:
        lat = r["latency"][service]
        assert lat["n"] >= 1, service
        for key in ("p50_ms", "p95_ms", "p99_ms", "mean_ms", "max_ms"):
            _number(lat, key)
        assert lat["p50_ms"] <= lat["p95_ms"] <= lat["p99_ms"] <= lat["max_ms"]
        assert lat.get("failures") == [], (service, lat.get("failures"))
    assert r["latency"]["quote"]["n"] == QUERIES
    for service in ("timeline_filtered", "timeline_week", "stance", "autocomplete"):
        assert r["latency"][service]["n"] == QUERIES
    _number(r, "latency", "timeline_all", "events_mean")
    assert r["latency"]["timeline_whole"]["events_mean"] == r["latency"]["timeline_all"]["events_mean"] > 0
    assert sum(v["n"] for v in r["quote_quality"].values()) == QUERIES
    _number(r, "quote_breakdown", "total_ms_per_query")
    _number(r, "quote_breakdown", "ms_per_query", "fts_candidates")

    b = r["baselines"]
    assert b["sample"] == 6
    for name in ("rapidfuzz_scan", "sql_like"):
        for key in ("p50_ms", "p95_ms", "p99_ms", "ratio_p50", "ratio_p50_same_sample"):
            _number(b, name, key)
    _number(b, "rapidfuzz_scan", "load_and_normalize_s")

    cs = r["cold_start"]
    assert cs["runs"] == 1 and cs["failures"] == []
    for key in ("cli_median_s", "python_startup_s", "import_s", "child_peak_rss_mb"):
        assert _number(cs, key) > 0
    for key in ("import_s", "open_s", "first_query_s", "second_query_s"):
        _number(cs, "stages", key)
    for key in ("bench_peak_mb", "bot_peak_mb", "cold_start_child_mb", "bench_peak_with_baselines_mb"):
        assert _number(r, "rss", key) > 0


def test_targets_and_growth_sections(run: tuple[dict[str, Any], str, Path]) -> None:
    results, stdout, out_dir = run
    assert [t["target"] for t in results["targets"]] == [t.name for t in TARGETS]
    for t in results["targets"]:
        assert t["value"] is not None, t["target"]
        assert t["status"].lower().startswith(("pass", "miss")), t
    assert {g["figure"] for g in results["growth"]} >= {"quote p95 ms", "ingest ms/article", "database bytes"}
    assert f"== {N:,} articles" in stdout and "== targets ==" in stdout
    assert "rapidfuzz partial_ratio full scan" in stdout and "cold start" in stdout
    assert sorted(p.name for p in out_dir.iterdir()) == ["results.json"]  # databases removed without --keep


def test_render_reprints_the_tables(run: tuple[dict[str, Any], str, Path]) -> None:
    _, stdout, out_dir = run
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--render", str(out_dir / "results.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() in stdout


def test_stats_helpers() -> None:
    s = summarize([0.001, 0.002, 0.003, 0.004])
    assert s["n"] == 4 and s["p50_ms"] == pytest.approx(2.5) and s["max_ms"] == pytest.approx(4.0)
    assert summarize([0.005])["p99_ms"] == pytest.approx(5.0)
    assert summarize([])["p50_ms"] is None
    assert [growth_class(k) for k in (None, -0.5, 0.0, 0.2, 0.5, 1.0, 1.6)] == [
        "?",
        "falling",
        "flat",
        "log-like",
        "sublinear",
        "linear",
        "superlinear",
    ]
    small = {"latency": {"quote": {"p95_ms": 10.0}}, "ingest": {"articles_per_s": 50.0}}
    big = {"latency": {"quote": {"p95_ms": 100.0}}, "ingest": {"articles_per_s": 50.0}}
    rows = {t["target"]: t for t in evaluate_targets({1000: small, 10_000: big})}
    assert rows["quote p95 @10k"]["status"] == "MISS" and rows["quote p95 @10k"]["value"] == 100.0
    assert rows["quote p95"]["status"] == "pass at 10,000"
    assert rows["quote p95"]["projected"] == pytest.approx(1000.0) and rows["quote p95"]["projected_status"] == "MISS"
    assert rows["ingest articles/s"]["projected_status"] == "MISS"
    assert rows["stance p95"]["status"] == "n/a"
    quote = next(g for g in growth({1000: small, 10_000: big}) if g["figure"] == "quote p95 ms")
    assert quote["steps"] == [{"from": 1000, "to": 10_000, "exponent": 1.0, "class": "linear"}]
