"""``python -m bench.backends DB URL``: SQLite and PostgreSQL answering the same queries from the same data.

`DB` is a store the bench kept (a copy is measured: its migrations may run), `URL` a PostgreSQL database made
from it (`python -m bench.pgcopy DB URL`). Every service the bench times asks each of its queries of both
stores back to back, which goes first alternating, so both sides of a pair see the same load on a shared
machine; one pass before is not counted. Prints p50 / p95 / p99 per service and side, and on PostgreSQL the
statements each answer made: how many, and the time spent in each kind of statement (its first words).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from bench.stats import summarize
from bench.tenancy import Ask, _services, print_kept


class StatementLog:
    """Every statement PostgreSQL ran while `counting` is on: its first words, and the seconds it took."""

    def __init__(self) -> None:
        self.on = False
        self.entries: list[tuple[str, float]] = []

    @contextlib.contextmanager
    def installed(self) -> Iterator[StatementLog]:
        from bot.store import pgconn

        original = pgconn.PgDB.execute
        log = self

        def execute(db: Any, sql: str, params: Any = ()) -> Any:
            pending = original(db, sql, params)
            return pgconn._Pending(log.timed(db, sql, params, pending._run)) if log.on else pending

        pgconn.PgDB.execute = execute  # type: ignore[method-assign]
        try:
            yield self
        finally:
            pgconn.PgDB.execute = original  # type: ignore[method-assign]

    def timed(self, db: Any, sql: str, params: Any, run: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[Any]]:
        """The statement's run, logged: its first words and its seconds (`bench.querylog` logs more)."""
        del db, params

        async def timed() -> Any:
            started = time.perf_counter()
            try:
                return await run()
            finally:
                self.entries.append((" ".join(sql.split())[:70], time.perf_counter() - started))

        return timed


async def _timed(ask: Ask) -> float:
    from bot.user_errors import UserError

    start = time.perf_counter()
    with contextlib.suppress(UserError):
        await ask(None)
    return time.perf_counter() - start


class ServerCPU:
    """The CPU seconds (user + system) a local PostgreSQL server's processes have used so far, from /proc; 0.0
    when its postmaster cannot be found (a remote server, no /proc)."""

    def __init__(self, data_directory: str | None) -> None:
        self.postmaster = 0
        with contextlib.suppress(OSError, ValueError, TypeError):
            self.postmaster = int((Path(str(data_directory)) / "postmaster.pid").read_text().split()[0])
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def _children(self) -> list[str]:
        """The server's processes (its backends among them): the postmaster's children."""
        try:
            return Path(f"/proc/{self.postmaster}/task/{self.postmaster}/children").read_text().split()
        except OSError:  # a kernel without that file: every process's parent read instead
            return [
                stat.parent.name
                for stat in Path("/proc").glob("[0-9]*/stat")
                if _stat_fields(stat) and _stat_fields(stat)[1] == str(self.postmaster)
            ]

    def seconds(self) -> float:
        if not self.postmaster:
            return 0.0
        ticks = 0
        for pid in self._children():
            fields = _stat_fields(Path(f"/proc/{pid}/stat"))
            if fields:
                ticks += int(fields[11]) + int(fields[12])
        return ticks / self.tick


def _stat_fields(stat: Path) -> list[str]:
    """A /proc/PID/stat's fields after the command's name (state, parent, …); none when the process is gone."""
    try:
        return stat.read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


async def measure(db: Path | None, url: str, queries: int, rounds: int, progress: bool) -> dict[str, Any]:
    from bot.store.backend import open_backend

    stores = {"postgresql": await open_backend(url)}
    if db is not None:
        stores = {"sqlite": await open_backend(db), **stores}
    row = await stores["postgresql"].fetchone("SELECT current_setting('data_directory', true) AS d")
    server = ServerCPU(row["d"] if row else None)
    statements = StatementLog()
    out: dict[str, Any] = {}
    try:
        with statements.installed():
            services = {side: await _services(store, queries, 0) for side, store in stores.items()}
            for name in services["postgresql"]:
                pairs = list(zip(*(services[side][name] for side in stores), strict=True))
                if progress:
                    print(f"[bench.backends] {name} × {len(pairs)} × {rounds}", file=sys.stderr, flush=True)
                for pair in pairs:  # not counted: the first pass reads the files into the caches
                    for ask in pair:
                        await _timed(ask)
                seconds: dict[str, list[float]] = {side: [] for side in stores}
                cpu = {"client": 0.0, "server": 0.0}
                by_kind: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
                answers = 0
                for r in range(rounds):
                    for i, pair in enumerate(pairs):
                        sides = list(zip(stores, pair, strict=True))
                        for side, ask in sides if (i + r) % 2 == 0 else sides[::-1]:
                            on_pg = side == "postgresql"
                            statements.on, statements.entries = on_pg, []
                            at_server = server.seconds() if on_pg else 0.0  # read outside the client's CPU
                            client = time.process_time()
                            seconds[side].append(await _timed(ask))
                            client = time.process_time() - client
                            statements.on = False
                            if on_pg:
                                cpu["client"] += client
                                cpu["server"] += server.seconds() - at_server
                                answers += 1
                                for kind, took in statements.entries:
                                    by_kind[kind][0] += 1
                                    by_kind[kind][1] += took
                out[name] = {
                    **{side: summarize(s) for side, s in seconds.items()},
                    "cpu_ms": {k: v / answers * 1000 for k, v in cpu.items()},
                    "statements": {k: (n / answers, t / answers * 1000) for k, (n, t) in by_kind.items()},
                }
    finally:
        for store in stores.values():
            await store.close()
    return out


def render(found: dict[str, Any], statements: bool) -> str:
    lines = [
        f"{'service':<28} {'SQLite p50':>10} {'p95':>7} {'p99':>7}   {'PostgreSQL p50':>14} {'p95':>7} {'p99':>7}"
        f"   {'statements':>10}   {'CPU ms client + server':>22}"
    ]
    for name, sides in found.items():
        a, b = sides.get("sqlite"), sides["postgresql"]
        n = sum(c for c, _ in sides["statements"].values())
        lite = f"{a['p50_ms']:>10.1f} {a['p95_ms']:>7.1f} {a['p99_ms']:>7.1f}" if a else f"{'-':>10} {'-':>7} {'-':>7}"
        cpu = sides["cpu_ms"]
        lines.append(
            f"{name:<28} {lite}   {b['p50_ms']:>14.1f} {b['p95_ms']:>7.1f} {b['p99_ms']:>7.1f}   {n:>10.1f}"
            f"   {cpu['client']:>10.1f} + {cpu['server']:.1f}"
        )
        if statements:
            for kind, (count, ms) in sorted(sides["statements"].items(), key=lambda kv: -kv[1][1]):
                lines.append(f"    {count:5.2f} × {ms:7.2f} ms  {kind}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.backends", description=__doc__.split("\n\n")[0])
    p.add_argument("db", help="a SQLite store the bench kept (bench_10000.db); `-`: PostgreSQL alone")
    p.add_argument("url", help="the same store on PostgreSQL (python -m bench.pgcopy DB URL)")
    p.add_argument("--queries", type=int, default=50)
    p.add_argument("--rounds", type=int, default=2, help="passes over each service's queries (default 2)")
    p.add_argument("--statements", action="store_true", help="also each kind of statement: count and ms per answer")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    load = os.getloadavg()[0]
    if args.db == "-":
        found = asyncio.run(measure(None, args.url, args.queries, max(1, args.rounds), not args.quiet))
        print(render(found, args.statements))
        print(f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
        return 0
    return print_kept(
        Path(args.db),
        lambda copy: measure(copy, args.url, args.queries, max(1, args.rounds), not args.quiet),
        lambda found: render(found, args.statements),
    )


if __name__ == "__main__":
    sys.exit(main())
