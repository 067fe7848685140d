"""``python -m bench.quotestage DB URL``: a quote's candidate stage alone, and the whole quote, on both backends.

For each of the bench's quote queries (`bench.queries`, as `bench.backends` asks them), both stores are asked back
to back (which goes first alternating, one pass before not counted): `search.candidate_ids` of the quote's tokens
(the full-text stage this bench is about: its rarest words, their NEAR, the halves, any two of them) and
`find_quote` (the whole answer: the candidates, their passages, the reranking in Python both backends share).
Prints p50 / p95 / mean ms of each with the load average before and after, and how many quotes' candidates and
top three differ between the backends. `--only pg` / `--only sqlite` times one side. `--json FILE` keeps the
figures and each quote's candidates, so a run after a change can be compared with one before (`--against FILE`:
how many quotes' candidates and top three changed on each side). The whole quote's CPU per answer is printed too:
this process's, and on PostgreSQL the server's (`bench.backends.ServerCPU`), since at a high load the wall time is
mostly waiting for a core.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from bench.queries import build_queries


def _stats(seconds: list[float]) -> dict[str, float]:
    s = sorted(seconds)
    n = len(s)
    return {
        "p50_ms": s[n // 2] * 1000,
        "p95_ms": s[min(n - 1, int(n * 0.95))] * 1000,
        "mean_ms": sum(s) / n * 1000,
    }


async def measure(db: Path, url: str, queries: int, rounds: int, sides: list[str]) -> dict[str, Any]:
    from bench.backends import ServerCPU
    from bot.services.quotes import find_quote
    from bot.store import search
    from bot.store.backend import open_backend
    from bot.text import query_tokens

    stores = {}
    if "sqlite" in sides:
        stores["sqlite"] = await open_backend(db)
    if "postgresql" in sides:
        stores["postgresql"] = await open_backend(url)
    server = ServerCPU(None)
    if "postgresql" in stores:
        row = await stores["postgresql"].fetchone("SELECT current_setting('data_directory', true) AS d")
        server = ServerCPU(row["d"] if row else None)
    cpu: dict[str, dict[str, float]] = {s: {"client": 0.0, "server": 0.0} for s in stores}
    quotes = [q for _, q in build_queries(n=queries, seed=0).quotes()]
    times: dict[str, dict[str, list[float]]] = {s: {"candidates": [], "quote": []} for s in stores}
    answers: dict[str, dict[str, Any]] = {s: {} for s in stores}
    slow: dict[str, dict[str, float]] = {s: {} for s in stores}  # each quote's candidates, mean seconds
    load = os.getloadavg()[0]
    try:
        for r in range(rounds + 1):  # the first pass reads the files into the caches: not counted
            for i, quote in enumerate(quotes):
                order = list(stores) if (i + r) % 2 == 0 else list(stores)[::-1]
                for side in order:
                    store = stores[side]
                    started = time.perf_counter()
                    ids = await search.candidate_ids(store, query_tokens(quote))
                    took = time.perf_counter() - started
                    at_server = server.seconds() if side == "postgresql" else 0.0  # outside the client's CPU
                    client = time.process_time()
                    started = time.perf_counter()
                    matches = await find_quote(store, quote)
                    whole = time.perf_counter() - started
                    client = time.process_time() - client
                    if r:
                        cpu[side]["client"] += client
                        if side == "postgresql":
                            cpu[side]["server"] += server.seconds() - at_server
                        times[side]["candidates"].append(took)
                        times[side]["quote"].append(whole)
                        slow[side][quote] = slow[side].get(quote, 0.0) + took / rounds
                    answers[side][quote] = {
                        "candidates": ids,
                        "top": [m.passage_id for m in matches[:3]],
                        "matches": [
                            [m.passage_id, m.score, m.speaker, m.date, list(m.span), [x.document_id for x in m.sources]]
                            for m in matches
                        ],
                    }
    finally:
        for store in stores.values():
            await store.close()
    return {
        "load": [load, os.getloadavg()[0]],
        "documents": None,
        "figures": {s: {k: _stats(v) for k, v in t.items()} for s, t in times.items()},
        "cpu_ms": {s: {k: v / (rounds * len(quotes)) * 1000 for k, v in c.items()} for s, c in cpu.items()},
        "answers": answers,
        "slowest": {s: sorted(((t * 1000, q) for q, t in v.items()), reverse=True)[:8] for s, v in slow.items()},
    }


def render(found: dict[str, Any]) -> str:
    lines = [f"load average {found['load'][0]:.1f} -> {found['load'][1]:.1f}"]
    for side, kinds in found["figures"].items():
        for kind, f in kinds.items():
            lines.append(
                f"{side:<10} {kind:<10} p50 {f['p50_ms']:7.1f}  p95 {f['p95_ms']:7.1f}  mean {f['mean_ms']:7.1f} ms"
            )
    for side, c in found.get("cpu_ms", {}).items():
        lines.append(
            f"{side:<10} quote CPU an answer: this process {c['client']:.1f} ms, the server {c['server']:.1f} ms"
        )
    for side, slowest in found["slowest"].items():
        lines.append(f"{side}: the slowest candidates: " + "; ".join(f"{ms:.0f} ms {q[:20]}" for ms, q in slowest))
    a = found["answers"]
    if len(a) == 2:
        lite, pg = a["sqlite"], a["postgresql"]
        cand = sum(lite[q]["candidates"] != pg[q]["candidates"] for q in lite)
        cand_set = sum(set(lite[q]["candidates"]) != set(pg[q]["candidates"]) for q in lite)
        top = sum(lite[q]["top"] != pg[q]["top"] for q in lite)
        lines.append(
            f"between the backends, of {len(lite)} quotes: candidates differ {cand} (as sets {cand_set}), top three {top}"
        )
    return "\n".join(lines)


def compare(found: dict[str, Any], before: dict[str, Any]) -> str:
    lines = []
    for side, now in found["answers"].items():
        then = before["answers"].get(side)
        if not then:
            continue
        cand = sum(now[q]["candidates"] != then[q]["candidates"] for q in now if q in then)
        top = sum(now[q]["top"] != then[q]["top"] for q in now if q in then)
        whole = sum(now[q].get("matches") != then[q].get("matches") for q in now if q in then)
        lines.append(
            f"{side} against the earlier run: candidates changed {cand}, top three changed {top},"
            f" answers (passages, scores, speakers, dates, spans, sources) changed {whole}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.quotestage", description=__doc__.split("\n\n")[0])
    p.add_argument("db", type=Path, help="a SQLite store the bench kept (read, not changed)")
    p.add_argument("url", help="the same store on PostgreSQL")
    p.add_argument("--queries", type=int, default=50)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--only", choices=["sqlite", "pg"], help="time one backend only")
    p.add_argument("--json", type=Path, help="keep the figures and answers here")
    p.add_argument("--against", type=Path, help="an earlier --json run: which answers changed")
    args = p.parse_args(argv)
    sides = {"sqlite": ["sqlite"], "pg": ["postgresql"]}.get(args.only or "", ["sqlite", "postgresql"])
    found = asyncio.run(measure(args.db, args.url, args.queries, max(1, args.rounds), sides))
    print(render(found))
    if args.against:
        print(compare(found, json.loads(args.against.read_text())))
    if args.json:
        args.json.write_text(json.dumps(found, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
