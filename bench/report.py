"""Plain-text tables of a benchmark run (the same figures as the JSON)."""

from __future__ import annotations

from typing import Any

_LATENCY_ROWS = (
    ("quote", "quote"),
    ("timeline (all), first page", "timeline_all"),
    ("timeline, last page", "timeline_last_page"),
    ("timeline (filtered)", "timeline_filtered"),
    ("timeline (week)", "timeline_week"),
    ("timeline, whole (CLI)", "timeline_whole"),
    ("stance, first page", "stance"),
    ("stance, last page", "stance_last_page"),
    ("stance --about, first page", "stance_about"),
    ("autocomplete", "autocomplete"),
    ("autocomplete (empty)", "autocomplete_empty"),
)


def _mb(n: float | None) -> str:
    return "?" if n is None else f"{n / 1e6:,.1f} MB"


def _ms(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}" if v >= 10 else f"{v:.2f}"


def _table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> list[str]:
    right = right or set()
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def fmt(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [fmt(headers), fmt(["-" * w for w in widths]), *(fmt(r) for r in rows)]


def _latency_note(key: str, lat: dict[str, Any], r: dict[str, Any]) -> str:
    notes = []
    if key == "quote":
        qq = r.get("quote_quality") or {}
        notes.append(", ".join(f"{k} {v['answered']}/{v['n']}" for k, v in qq.items()) + " answered")
    if "events_mean" in lat:
        notes.append(f"{lat['events_mean']:,.0f} events/answer")
    if "offset" in lat:
        notes.append(f"offset {lat['offset']:,}")
    if key == "timeline_whole" and lat.get("capped_by_budget"):
        notes.append("repeats capped by time budget")
    if "statements_mean" in lat:
        notes.append(f"{lat['statements_mean']:,.0f} statements/answer (max {lat.get('statements_max', 0):,})")
    if lat.get("query_errors"):
        notes.append(f"{lat['query_errors']} QueryError")
    if lat.get("failures"):
        notes.append(f"FAILURES: {lat['failures']}")
    return "; ".join(notes)


def size_section(r: dict[str, Any]) -> list[str]:
    n = r["n"]
    ing, st = r["ingest"], r["store"]
    out = [f"== {n:,} articles ({ing['chars'] / 1e6:.1f} M characters) =="]
    out.append(
        f"ingest     {ing['articles']:,} in {ing['seconds']:.1f} s: {ing['articles_per_s']:,.1f} articles/s, "
        f"{ing['chars_per_s']:,} chars/s (jobs={ing['jobs']}; statuses {ing['statuses']})"
    )
    bd = ing.get("breakdown_ms_per_article") or {}
    if bd:
        out.append("           ms/article: " + ", ".join(f"{k} {v:.2f}" for k, v in bd.items()))
    cpu = ing.get("cpu_ms_per_article")
    if cpu:
        out.append(
            f"           {ing.get('mode', 'bulk')} path, CPU ms/article: writer {cpu['main']:.2f},"
            f" workers {cpu['workers']:.2f} (on idle cores: ~{ing.get('idle_machine_articles_per_s', 0):,.0f} articles/s)"
        )
    tenths = ing.get("throughput_by_tenth") or []
    if len(tenths) > 1:
        out.append(
            f"           articles/s over the run: first tenth {tenths[0]['articles_per_s']:,}, "
            f"last tenth {tenths[-1]['articles_per_s']:,}"
        )
    out.append(
        f"database   {_mb(st['total_bytes'])} (file {_mb(st['db_bytes'])} + WAL {_mb(st['wal_bytes'])} after checkpoint), "
        f"{st['bytes_per_article'] / 1000:,.1f} kB/article"
    )
    out.append(
        f"           {st['passages']:,} passages, {st['events']:,} events in {st['clusters']:,} clusters, "
        f"{st['statements']:,} statements, {st['actors']:,} actors, {st['fts_terms']:,} index terms"
    )
    out.append("")
    rows = []
    for label, key in _LATENCY_ROWS:
        lat = (r.get("latency") or {}).get(key)
        if not lat:
            continue
        rows.append(
            [
                label,
                str(lat["n"]),
                _ms(lat["p50_ms"]),
                _ms(lat["p95_ms"]),
                _ms(lat["p99_ms"]),
                _ms(lat["max_ms"]),
                _latency_note(key, lat, r),
            ]
        )
    out += _table(["latency (ms)", "n", "p50", "p95", "p99", "max", "note"], rows, right={1, 2, 3, 4, 5})
    qb = r.get("quote_breakdown")
    if qb:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in sorted(qb["ms_per_query"].items(), key=lambda kv: -kv[1]))
        out.append(
            f"quote ms/query by stage ({qb['queries']} queries, {qb['candidates_per_query']:.0f} candidates, "
            f"{qb['speaker_attributions_per_query']:.1f} speaker attributions each): {stages}"
        )
    out.append("")
    b = r.get("baselines")
    if b:
        rows = []
        for label, key in (("rapidfuzz partial_ratio full scan", "rapidfuzz_scan"), ("SQL LIKE '%q%'", "sql_like")):
            s = b[key]
            rows.append(
                [
                    label,
                    str(s["n"]),
                    _ms(s["p50_ms"]),
                    _ms(s["p95_ms"]),
                    f"{s['ratio_p50']:,.1f}x" if s["ratio_p50"] else "-",
                    f"{s['ratio_p50_same_sample']:,.1f}x" if s["ratio_p50_same_sample"] else "-",
                    str(s.get("answered", "")),
                ]
            )
        out += _table(
            [
                f"baseline (sample of {b['sample']} quote queries)",
                "n",
                "p50",
                "p95",
                "their p50/our p50",
                "same sample",
                "answered",
            ],
            rows,
            right={1, 2, 3, 4, 5},
        )
        scan = b["rapidfuzz_scan"]
        out.append(
            f"  (scan set-up: load + normalize every passage once: {scan['load_and_normalize_s']:.1f} s, "
            f"peak RSS with the texts {scan['rss_mb_with_texts']:,.0f} MB)"
        )
        out.append("")
    cs = r["cold_start"]
    stages = cs.get("stages") or {}
    out.append(
        f"cold start CLI quote: median {cs['cli_median_s']:.2f} s (runs {cs['cli_s']}); python startup {cs['python_startup_s']:.2f} s; "
        f"import bot.terminal.cli {cs['import_s']:.2f} s"
    )
    if "open_s" in stages:
        out.append(
            f"           in-process: import {stages['import_s']:.2f} s, open store {stages['open_s']:.2f} s, "
            f"first query {stages['first_query_s']:.2f} s, second query {stages['second_query_s']:.3f} s"
        )
    if cs.get("failures"):
        out.append(f"           FAILURES: {cs['failures']}")
    rss = r["rss"]
    extra = (
        f" (after baselines {rss['bench_peak_with_baselines_mb']:,.0f} MB)"
        if rss.get("bench_peak_with_baselines_mb")
        else ""
    )
    out.append(
        f"peak RSS   bench process {rss['bench_peak_mb']:,.0f} MB (after ingest {rss.get('after_ingest_mb', 0):,.0f} MB, "
        f"after the bot's queries {rss.get('bot_peak_mb', 0):,.0f} MB, before the CLI's whole timeline; "
        f"{rss.get('tokenizer_threads', '?')} threads loaded a SudachiPy tokenizer){extra}; "
        f"cold-start child {rss['cold_start_child_mb']:,.0f} MB"
    )
    return out


def targets_section(rows: list[dict[str, Any]]) -> list[str]:
    table = []
    for t in rows:
        proj = "-"
        if t["projected"] is not None:
            proj = f"{t['projected']:,.4g} → {t['projected_status']}"
        table.append(
            [
                t["target"],
                t["need"],
                f"{t['at_size']:,}",
                f"{t['size']:,}" if t["size"] else "-",
                "-" if t["value"] is None else f"{t['value']:,.4g}",
                t["status"],
                proj,
            ]
        )
    out = ["== targets =="]
    out += _table(
        ["target", "need", "at size", "measured at", "value", "status", "projected to target size"], table, right={4}
    )
    out.append(
        "(lower-case status: measured below the target size; projections extend the growth between the two largest sizes)"
    )
    return out


def growth_section(rows: list[dict[str, Any]], sizes: list[int]) -> list[str]:
    if len(sizes) < 2:
        return []
    table = []
    for g in rows:
        vals = [g["values"][str(n)] for n in sizes]
        if all(v is None for v in vals):
            continue
        cells = ["-" if v is None else f"{v:,.4g}" for v in vals]
        steps = ", ".join(f"{s['class']} (k={s['exponent']})" for s in g["steps"])
        table.append([g["figure"], *cells, steps])
    out = ["== growth (value ∝ size^k) =="]
    out += _table(["figure", *(f"{n:,}" for n in sizes), "growth"], table, right=set(range(1, len(sizes) + 1)))
    return out


def render(results: dict[str, Any]) -> str:
    sizes = sorted(int(n) for n in results["sizes"])
    lines: list[str] = []
    for n in sizes:
        lines += size_section(results["sizes"][str(n)])
        lines.append("")
    lines += targets_section(results["targets"])
    lines.append("")
    lines += growth_section(results["growth"], sizes)
    return "\n".join(lines).rstrip() + "\n"
