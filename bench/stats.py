"""Small numeric helpers: latency summaries, growth between corpus sizes, and the targets."""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

TARGET_SIZE = 100_000


def summarize(seconds: Sequence[float], **extra: Any) -> dict[str, Any]:
    """Latency summary in milliseconds (inclusive percentiles; a single sample is every percentile)."""
    ms = sorted(s * 1000.0 for s in seconds)
    out: dict[str, Any] = {"n": len(ms)}
    if not ms:
        out.update(p50_ms=None, p95_ms=None, p99_ms=None, mean_ms=None, max_ms=None)
    else:
        if len(ms) == 1:
            p50 = p95 = p99 = ms[0]
        else:
            q = statistics.quantiles(ms, n=100, method="inclusive")
            p50, p95, p99 = q[49], q[94], q[98]
        out.update(
            p50_ms=round(p50, 3),
            p95_ms=round(p95, 3),
            p99_ms=round(p99, 3),
            mean_ms=round(statistics.fmean(ms), 3),
            max_ms=round(ms[-1], 3),
        )
    out.update(extra)
    return out


def exponent(n1: float, v1: float | None, n2: float, v2: float | None) -> float | None:
    """k in v ∝ n^k between two sizes (None when a value is missing or not positive)."""
    if not v1 or not v2 or v1 <= 0 or v2 <= 0 or n1 == n2:
        return None
    return math.log(v2 / v1) / math.log(n2 / n1)


def growth_class(k: float | None) -> str:
    """A word for how a cost grows with the corpus, from its exponent."""
    if k is None:
        return "?"
    if k < -0.1:
        return "falling"
    if k < 0.1:
        return "flat"
    if k < 0.35:
        return "log-like"
    if k < 0.8:
        return "sublinear"
    if k < 1.25:
        return "linear"
    return "superlinear"


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    path: tuple[str, ...]  # where the figure sits in one size's results
    op: str  # "<=" or ">="
    threshold: float
    unit: str
    at_size: int = TARGET_SIZE

    def met(self, value: float) -> bool:
        return value <= self.threshold if self.op == "<=" else value >= self.threshold


TARGETS: tuple[Target, ...] = (
    Target("quote p95", ("latency", "quote", "p95_ms"), "<=", 150, "ms"),
    Target("quote vs rapidfuzz scan (p50 ratio)", ("baselines", "rapidfuzz_scan", "ratio_p50"), ">=", 20, "x"),
    Target("timeline (all) p95", ("latency", "timeline_all", "p95_ms"), "<=", 50, "ms"),
    Target("timeline (filtered) p95", ("latency", "timeline_filtered", "p95_ms"), "<=", 50, "ms"),
    Target("timeline (week) p95", ("latency", "timeline_week", "p95_ms"), "<=", 50, "ms"),
    Target("stance p95", ("latency", "stance", "p95_ms"), "<=", 50, "ms"),
    Target("stance --about p95", ("latency", "stance_about", "p95_ms"), "<=", 50, "ms"),
    Target("autocomplete p95", ("latency", "autocomplete", "p95_ms"), "<=", 20, "ms"),
    Target("ingest articles/s", ("ingest", "articles_per_s"), ">=", 100, "/s"),
    Target("peak RSS (bench, bot work)", ("rss", "bot_peak_mb"), "<=", 400, "MB"),
    Target("peak RSS (cold-start child)", ("rss", "cold_start_child_mb"), "<=", 400, "MB"),
    Target("cold start (CLI, median)", ("cold_start", "cli_median_s"), "<=", 2, "s"),
    Target("quote p95 @10k", ("latency", "quote", "p95_ms"), "<=", 50, "ms", at_size=10_000),
)


def lookup(result: dict[str, Any], path: Sequence[str]) -> float | None:
    node: Any = result
    for key in path:
        if not isinstance(node, dict) or node.get(key) is None:
            return None
        node = node[key]
    return float(node) if isinstance(node, int | float) else None


def evaluate_targets(by_size: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target at its own size when that size ran; otherwise at the largest size run, with a projection.

    The projection extends the growth exponent between the two largest sizes to the target size
    (a rough guide: small corpora are dominated by constant costs).
    """
    sizes = sorted(by_size)
    rows: list[dict[str, Any]] = []
    for t in TARGETS:
        row: dict[str, Any] = {
            "target": t.name,
            "need": f"{t.op} {t.threshold:g} {t.unit}",
            "at_size": t.at_size,
            "size": None,
            "value": None,
            "status": "n/a",
            "projected": None,
            "projected_status": None,
        }
        measured = [(n, lookup(by_size[n], t.path)) for n in sizes]
        measured = [(n, v) for n, v in measured if v is not None]
        if not measured:
            rows.append(row)
            continue
        exact = [(n, v) for n, v in measured if n == t.at_size]
        n, v = exact[0] if exact else measured[-1]
        row.update(size=n, value=round(v, 3))
        if exact:
            row["status"] = "PASS" if t.met(v) else "MISS"
        else:
            row["status"] = ("pass" if t.met(v) else "miss") + f" at {n:,}"
            if len(measured) >= 2:
                (n1, v1), (n2, v2) = measured[-2], measured[-1]
                k = exponent(n1, v1, n2, v2)
                if k is not None:
                    proj = v2 * (t.at_size / n2) ** k
                    row["projected"] = round(proj, 3)
                    row["projected_status"] = "PASS" if t.met(proj) else "MISS"
        rows.append(row)
    return rows


# Figures whose growth is reported: (label, path, lower is better).
GROWTH_FIGURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ingest ms/article", ("ingest", "ms_per_article")),
    ("  parse ms/article", ("ingest", "breakdown_ms_per_article", "parse")),
    ("  extract ms/article", ("ingest", "breakdown_ms_per_article", "extract")),
    ("  write ms/article", ("ingest", "breakdown_ms_per_article", "write")),
    ("  bulk writer CPU ms/article", ("ingest", "cpu_ms_per_article", "main")),
    ("  bulk workers CPU ms/article", ("ingest", "cpu_ms_per_article", "workers")),
    ("database bytes", ("store", "total_bytes")),
    ("quote p50 ms", ("latency", "quote", "p50_ms")),
    ("quote p95 ms", ("latency", "quote", "p95_ms")),
    ("quote candidates/query", ("quote_breakdown", "candidates_per_query")),
    ("timeline (all) p50 ms", ("latency", "timeline_all", "p50_ms")),
    ("timeline (all) p95 ms", ("latency", "timeline_all", "p95_ms")),
    ("timeline (all) events", ("latency", "timeline_all", "events_mean")),
    ("timeline last page p95 ms", ("latency", "timeline_last_page", "p95_ms")),
    ("timeline whole p50 ms", ("latency", "timeline_whole", "p50_ms")),
    ("timeline (filtered) p95 ms", ("latency", "timeline_filtered", "p95_ms")),
    ("timeline (week) p95 ms", ("latency", "timeline_week", "p95_ms")),
    ("stance p95 ms", ("latency", "stance", "p95_ms")),
    ("stance statements/answer", ("latency", "stance", "statements_mean")),
    ("stance last page p95 ms", ("latency", "stance_last_page", "p95_ms")),
    ("stance --about p95 ms", ("latency", "stance_about", "p95_ms")),
    ("stance --about statements/answer", ("latency", "stance_about", "statements_mean")),
    ("autocomplete p95 ms", ("latency", "autocomplete", "p95_ms")),
    ("actors in registry", ("store", "actors")),
    ("rapidfuzz scan p50 ms", ("baselines", "rapidfuzz_scan", "p50_ms")),
    ("SQL LIKE p50 ms", ("baselines", "sql_like", "p50_ms")),
    ("peak RSS MB (bot work)", ("rss", "bot_peak_mb")),
    ("peak RSS MB (bench)", ("rss", "bench_peak_mb")),
    ("cold start s (CLI)", ("cold_start", "cli_median_s")),
    ("  first query s", ("cold_start", "stages", "first_query_s")),
    ("  store open s", ("cold_start", "stages", "open_s")),
)


def growth(by_size: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Per figure: its value at every size, and the exponent and class between consecutive sizes."""
    sizes = sorted(by_size)
    rows = []
    for label, path in GROWTH_FIGURES:
        values = {n: lookup(by_size[n], path) for n in sizes}
        steps = []
        for a, b in itertools.pairwise(sizes):
            k = exponent(a, values[a], b, values[b])
            steps.append({"from": a, "to": b, "exponent": None if k is None else round(k, 2), "class": growth_class(k)})
        rows.append(
            {"figure": label.strip(), "path": list(path), "values": {str(n): values[n] for n in sizes}, "steps": steps}
        )
    return rows
