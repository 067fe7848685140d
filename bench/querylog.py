"""``python -m bench.querylog URL``: every quote (or `--about`) query's wall and CPU, its statements, the slowest explained.

At a load of 15–20 the wall time of an answer is mostly waiting for a core, so each of the bench's queries
(`bench.queries`, as `bench.backends` asks them; one pass before not counted) is logged with its wall time, this
process's CPU and the server's (the postmaster's children's `/proc/PID/schedstat`: nanoseconds on a core, not
the clock ticks of `/proc/PID/stat`), and every statement it made: where in the code (the innermost `bot.`
function names), its wall and its backend's CPU. Prints the queries sorted by wall, their kind (`present`,
`typo`, `absent`; `about`), the statements that make the tail, and `--explain K` runs `EXPLAIN (ANALYZE,
BUFFERS)` of the K slowest statements (by backend CPU) after the timed passes. `--json FILE` keeps it all, each
query's answer with it, so a run after a change can be compared (`--against FILE`: how many answers changed).
`--cold` empties the attribution's context readings (`attribution_ja._DOCS`) before each timed pass: they hold
every context the pass before read (~260 of the bench's 50 quotes at 1.5k), so a pass after the first would name
every speaker from readings made for the same quote; cold, a pass reads again what its own earlier quotes did not.
The other language's index forms of glosses (`quote_lang._ja_terms`) are emptied with them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench.backends import StatementLog
from bench.queries import build_queries


def schedstat_ns(pid: int) -> int:
    """Nanoseconds process `pid` has run on a core (`/proc/PID/schedstat`'s first field); 0 when it is gone."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0


_PLUMBING = {"borrowed", "__aenter__", "fetchall", "fetchone", "execute", "run", "timed", "_run"}


def _where() -> str:
    """The innermost functions of `bot.` on the stack (outermost first, at most four): which stage asked."""
    names: list[str] = []
    frame = sys._getframe(2)
    while frame is not None and len(names) < 4:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("bot.") and frame.f_code.co_name not in _PLUMBING:
            names.append(f"{module.rsplit('.', 1)[-1]}.{frame.f_code.co_name}")
        frame = frame.f_back
    return " < ".join(names)


class Statements(StatementLog):
    """Every statement run on PostgreSQL while `on`: where it was asked, the SQL as sent, its values, its wall ms
    and its backend's CPU ms."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[dict[str, Any]] = []  # type: ignore[assignment]

    def timed(self, db: Any, sql: str, params: Any, run: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[Any]]:
        from bot.store import pgconn

        where = _where()

        async def timed() -> Any:
            text, values = pgconn._statement(params, pgconn.postgres_sql(sql))
            pid = db.conn.info.backend_pid
            cpu, started = schedstat_ns(pid), time.perf_counter()
            try:
                return await run()
            finally:
                self.entries.append(
                    {
                        "where": where,
                        "sql": text,
                        "values": [
                            v if isinstance(v, int | float | str | list) or v is None else str(v) for v in values
                        ],
                        "wall_ms": (time.perf_counter() - started) * 1000,
                        "cpu_ms": (schedstat_ns(pid) - cpu) / 1e6,
                    }
                )

        return timed


class ServerNs:
    """The CPU nanoseconds a local server's processes (the postmaster's children) have run so far."""

    def __init__(self, data_directory: str | None) -> None:
        self.postmaster = 0
        with contextlib.suppress(OSError, ValueError, TypeError):
            self.postmaster = int((Path(str(data_directory)) / "postmaster.pid").read_text().split()[0])

    def ns(self) -> int:
        if not self.postmaster:
            return 0
        try:
            children = Path(f"/proc/{self.postmaster}/task/{self.postmaster}/children").read_text().split()
        except OSError:
            return 0
        return sum(schedstat_ns(int(pid)) for pid in children)


def _queries(kind: str, n: int) -> list[tuple[str, str]]:
    qs = build_queries(n=n, seed=0)
    if kind == "quote":
        return qs.quotes()
    return [("about", f"{a}|{t}") for a, t in dict.fromkeys(qs.stance_about)]


async def _ask(store: Any, kind: str, q: str) -> Any:
    from bot.services.quotes import find_quote
    from bot.services.stance_about import stance_about
    from bot.user_errors import UserError
    from commands.embeds import STATEMENTS_PER_PAGE

    if kind == "quote":
        matches = await find_quote(store, q)
        return [
            [m.passage_id, m.score, m.speaker, m.date, list(m.span), [x.document_id for x in m.sources]]
            for m in matches
        ]
    actor, about = q.split("|", 1)
    try:
        report = await stance_about(store, actor, about, limit=STATEMENTS_PER_PAGE)
    except UserError as e:
        return f"error {e}"
    return repr(report)


async def measure(url: str, kind: str, n: int, rounds: int, explain: int, cold: bool = False) -> dict[str, Any]:
    from bot.extract import attribution_ja
    from bot.services import quote_lang
    from bot.store.backend import open_backend

    store = await open_backend(url)
    row = await store.fetchone("SELECT current_setting('data_directory', true) AS d")
    server = ServerNs(row["d"] if row else None)
    statements = Statements()
    queries = _queries(kind, n)
    logged: dict[str, dict[str, Any]] = {}
    load = os.getloadavg()[0]
    try:
        with statements.installed():
            for r in range(rounds + 1):
                if cold:
                    attribution_ja._DOCS.clear()
                    quote_lang._ja_terms.cache_clear()
                for qkind, q in queries:
                    statements.on, statements.entries = bool(r), []
                    at_server = server.ns()
                    client, started = time.process_time(), time.perf_counter()
                    answer = await _ask(store, kind, q)
                    wall = time.perf_counter() - started
                    client = time.process_time() - client
                    statements.on = False
                    if not r:
                        continue
                    entry = logged.setdefault(
                        q, {"kind": qkind, "wall_ms": [], "client_ms": [], "server_ms": [], "statements": []}
                    )
                    entry["wall_ms"].append(wall * 1000)
                    entry["client_ms"].append(client * 1000)
                    entry["server_ms"].append((server.ns() - at_server) / 1e6)
                    entry["statements"].append(statements.entries)
                    entry["answer"] = answer
        explained = []
        if explain:
            import psycopg

            from bot.store.pgstore import _configure

            conn = await psycopg.AsyncConnection.connect(url, autocommit=True)
            await _configure(conn)
            everything = [s for e in logged.values() for run in e["statements"] for s in run]
            seen: set[str] = set()
            for s in sorted(everything, key=lambda s: -s["cpu_ms"]):
                key = s["sql"] + repr(s["values"])
                if key in seen or not s["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                seen.add(key)
                cur = await conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + s["sql"], s["values"], prepare=False)
                explained.append({**s, "plan": [r[0] for r in await cur.fetchall()]})
                if len(explained) >= explain:
                    break
            await conn.close()
    finally:
        await store.close()
    return {"load": [load, os.getloadavg()[0]], "queries": logged, "explained": explained}


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * p))] if s else 0.0


def render(found: dict[str, Any], top: int) -> str:
    q = found["queries"]
    walls = [w for e in q.values() for w in e["wall_ms"]]
    n = len(walls)
    client = sum(c for e in q.values() for c in e["client_ms"]) / n
    server = sum(c for e in q.values() for c in e["server_ms"]) / n
    backends = sum(s["cpu_ms"] for e in q.values() for run in e["statements"] for s in run) / n
    lines = [
        f"load average {found['load'][0]:.1f} -> {found['load'][1]:.1f}; {n} answers: wall p50 {_pct(walls, 0.5):.1f}"
        f" p95 {_pct(walls, 0.95):.1f} mean {sum(walls) / n:.1f} ms; CPU an answer client {client:.1f} + server"
        f" {server:.1f} ms (its statements' backends {backends:.1f})"
    ]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for e in q.values():
        by_kind.setdefault(e["kind"], []).append(e)
    for k, es in by_kind.items():
        w = [x for e in es for x in e["wall_ms"]]
        c = [x for e in es for x in e["client_ms"]]
        s = [x for e in es for x in e["server_ms"]]
        lines.append(
            f"  {k:<8} {len(es):3} queries: wall p50 {_pct(w, 0.5):6.1f} p95 {_pct(w, 0.95):6.1f}; CPU client"
            f" {sum(c) / len(c):5.1f} + server {sum(s) / len(s):5.1f} ms"
        )
    stages: dict[str, list[float]] = {}
    for e in q.values():
        for run in e["statements"]:
            for s in run:
                a = stages.setdefault(s["where"].split(" < ")[0] + " | " + " ".join(s["sql"].split())[:60], [0, 0, 0])
                a[0] += 1
                a[1] += s["wall_ms"]
                a[2] += s["cpu_ms"]
    lines.append("statements, by where and kind (count an answer, wall and backend CPU ms an answer):")
    for key, (c, w, cpu) in sorted(stages.items(), key=lambda kv: -kv[1][2])[:top]:
        lines.append(f"  {c / n:5.2f} × {w / n:7.2f} {cpu / n:7.2f}  {key}")
    lines.append("slowest queries (mean wall; client + server CPU ms):")
    ranked = sorted(q.items(), key=lambda kv: -sum(kv[1]["server_ms"]) - sum(kv[1]["client_ms"]))
    for text, e in ranked[:top]:
        r = len(e["wall_ms"])
        lines.append(
            f"  {sum(e['wall_ms']) / r:7.1f} ms  {sum(e['client_ms']) / r:5.1f} + {sum(e['server_ms']) / r:5.1f}"
            f"  {e['kind']:<7} {text[:40]}"
        )
        for s in sorted(e["statements"][0], key=lambda s: -s["cpu_ms"])[:3]:
            lines.append(
                f"        {s['wall_ms']:6.1f} {s['cpu_ms']:6.1f}  {s['where'][:60]}  {' '.join(s['sql'].split())[:70]}"
            )
    for s in found["explained"]:
        lines.append(f"\n== {s['cpu_ms']:.1f} ms CPU, {s['wall_ms']:.1f} wall: {s['where']}")
        lines.append(" ".join(s["sql"].split())[:400])
        lines.append(f"values: {json.dumps(s['values'], ensure_ascii=False)[:300]}")
        lines += s["plan"]
    return "\n".join(lines)


def compare(found: dict[str, Any], before: dict[str, Any]) -> str:
    now, then = found["queries"], before["queries"]
    changed = [q for q in now if q in then and now[q]["answer"] != then[q]["answer"]]
    return f"answers changed against the earlier run: {len(changed)} of {len(now)}" + "".join(
        f"\n  {q[:50]}" for q in changed
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.querylog", description=__doc__.split("\n\n")[0])
    p.add_argument("url", help="a PostgreSQL bench store")
    p.add_argument("--kind", choices=["quote", "about"], default="quote")
    p.add_argument("--queries", type=int, default=50)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--explain", type=int, default=0, metavar="K", help="EXPLAIN (ANALYZE, BUFFERS) the K slowest")
    p.add_argument("--top", type=int, default=12)
    p.add_argument("--json", type=Path)
    p.add_argument("--against", type=Path)
    p.add_argument("--cold", action="store_true", help="each pass with the attribution's context readings emptied")
    args = p.parse_args(argv)
    found = asyncio.run(measure(args.url, args.kind, args.queries, max(1, args.rounds), args.explain, args.cold))
    if args.json:
        args.json.write_text(json.dumps(found, ensure_ascii=False))
    before = json.loads(args.against.read_text()) if args.against else None
    print(render(found, args.top) + ("" if before is None else "\n" + compare(found, before)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
