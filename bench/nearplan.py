"""``python -m bench.nearplan URL``: what a quote's NEAR and phrase spans read on a PostgreSQL store, by EXPLAIN.

For each distinct span of the bench's quote queries (the whole quote and its inner halves, as
`bot.store.search.candidate_ids` makes them), `EXPLAIN (ANALYZE, BUFFERS)` of the statement a span was before the
bound (one statement: every row holding its words checked for positions until the 100th match) and of the one it
is now (`PgStore.near_matches`: the first `NEAR_ROWS` holders, then the check). Prints the sums, the slowest spans
before and after, and the plans of the slowest. Timings follow the machine's load; the plans' rows do not.
`--holders`: instead, each quote's rarest words and their NEAR (`Store.holders_and_near`) read through the GIN index
and as `held` lets PostgreSQL choose (in rowid order in stages, `PgStore._in_order`), alternately: the
time of each, how often each read was taken, and whether the answers are the same.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from bench.queries import build_queries

BEFORE = "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? LIMIT ?"
AFTER = (
    "SELECT h.rowid FROM (SELECT passage_fts.rowid, passage_fts.tsv FROM passage_fts WHERE passage_fts MATCH ?"
    " LIMIT ?) AS h WHERE newsdesk_positions(h.tsv, CAST(? AS tsquery)) LIMIT ?"
)


async def _explain(store: Any, sql: str, params: tuple[Any, ...]) -> list[str]:
    async with store.transaction() as db:
        cur = await db.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return [row[0] for row in await cur.fetchall()]


def _ms(plan: list[str]) -> float:
    return float(next(line for line in plan if "Execution Time" in line).split(":")[1].split()[0])


async def measure(url: str, queries: int, plans: int) -> None:
    from bot.store import search
    from bot.store.backend import open_backend
    from bot.store.tsquery import to_tsquery
    from bot.text import query_tokens

    store = await open_backend(url)
    try:
        docs = await store.fetchone("SELECT count(*) AS n FROM documents")
        passages = await store.fetchone("SELECT count(*) AS n FROM passages")
        print(f"{docs['n']:,} documents, {passages['n']:,} passages; NEAR_ROWS {search.NEAR_ROWS:,}")
        seen: set[str] = set()
        rows: list[tuple[float, float, str, list[str], list[str]]] = []
        for _, quote in build_queries(n=queries, seed=0).quotes():
            tokens = search._without_fragments(query_tokens(quote)[: search.MAX_TERMS])
            if not tokens:
                continue
            df = await search.term_frequencies(store, list(dict.fromkeys(t for t, _ in tokens)))
            for part in [tokens, *search._inner_halves(tokens)]:
                span = search._span(part, df)
                if span is None or span[0] in seen:
                    continue
                seen.add(span[0])
                query, words = span
                before = await _explain(store, BEFORE, (query, 100))
                after = await _explain(store, AFTER, (search._all_of(words), search.NEAR_ROWS, to_tsquery(query), 100))
                rows.append((_ms(before), _ms(after), query, before, after))
        rows.sort(key=lambda r: -r[0])
        print(
            f"{len(rows)} spans: before {sum(r[0] for r in rows):,.0f} ms in all, slowest {rows[0][0]:.0f} ms;"
            f" after {sum(r[1] for r in rows):,.0f} ms in all, slowest {max(r[1] for r in rows):.0f} ms"
        )
        for before_ms, after_ms, query, _, _ in rows[:8]:
            print(f"  {before_ms:7.1f} ms -> {after_ms:7.1f} ms  {query}")
        for _, _, query, before, after in rows[:plans]:
            print(f"\n{query}\n  before:")
            print("\n".join("    " + line for line in before))
            print("  after:")
            print("\n".join("    " + line for line in after))
    finally:
        await store.close()


async def holders(url: str, queries: int, rounds: int) -> None:
    """The quotes' `holders_and_near` through the index and by choice, back to back (see the module)."""
    import time

    from bot.store import pgstore, search
    from bot.store.backend import open_backend
    from bot.text import query_tokens

    store = await open_backend(url)
    chosen = {"in order": 0, "in order, then the index": 0}
    pending = [False]  # this ask read in order: an index read after it is the fallback
    probe = store._in_order_probe

    async def counting(held: int, wanted: int) -> Any:
        found = await probe(held, wanted)
        if found is not None:
            chosen["in order"] += 1
            pending[0] = True
        return found

    store._in_order_probe = counting  # type: ignore[method-assign]
    fetchall = store.fetchall

    async def fallbacks(sql: str, params: Any = ()) -> Any:
        if pending[0] and "ORDER BY passage_fts.rowid" not in sql and "WITH h AS" in sql:
            chosen["in order, then the index"] += 1
            pending[0] = False
        return await fetchall(sql, params)

    store.fetchall = fallbacks  # type: ignore[method-assign]
    asks = []
    try:
        for _, quote in build_queries(n=queries, seed=0).quotes():
            tokens = search._without_fragments(query_tokens(quote)[: search.MAX_TERMS])
            if not tokens:
                continue
            df = await search.term_frequencies(store, list(dict.fromkeys(t for t, _ in tokens)))
            rarest = search._rarest([t for t, content in tokens if content] or [t for t, _ in tokens], df)
            whole = search._span(tokens, df)
            if rarest and whole is not None and whole[1] == rarest:
                asks.append((search._all_of(rarest), whole[0], df[rarest[0]]))
        times: dict[str, list[float]] = {"index": [], "chosen": []}
        same = 0
        for r in range(max(1, rounds) + 1):  # the first pass warms the caches, not counted
            for i, (holding, near, held) in enumerate(asks):
                answers = {}
                for side in ("index", "chosen") if (i + r) % 2 == 0 else ("chosen", "index"):
                    pending[0] = False
                    started = time.perf_counter()
                    answers[side] = await store.holders_and_near(
                        holding, 101, near, search.NEAR_ROWS, 100, held=held if side == "chosen" else 0
                    )
                    if r:
                        times[side].append(time.perf_counter() - started)
                same += r > 0 and answers["index"] == answers["chosen"]
        n = len(times["index"])
        for side, ts in times.items():
            ts.sort()
            print(
                f"{side:>7}: {sum(ts) / n * 1000:7.1f} ms an ask, p50 {ts[n // 2] * 1000:7.1f}, p95"
                f" {ts[min(n - 1, int(n * 0.95))] * 1000:7.1f}"
            )
        print(
            f"{len(asks)} quotes x {max(1, rounds)}: read in order {chosen['in order']} times (warm-up pass included),"
            f" then through the index {chosen['in order, then the index']}; same answers {same} of {n}"
            f" (IN_ORDER_PROBE {pgstore.IN_ORDER_PROBE}, IN_ORDER_COST {pgstore.IN_ORDER_COST})"
        )
    finally:
        await store.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.nearplan", description=__doc__.split("\n\n")[0])
    p.add_argument("url", help="a PostgreSQL store (python -m bench.pgcopy DB URL)")
    p.add_argument("--queries", type=int, default=50, help="the bench's quote queries (default 50)")
    p.add_argument("--plans", type=int, default=2, help="plans printed, the slowest spans' (default 2)")
    p.add_argument("--holders", action="store_true", help="the quotes' rarest words: through the index and by choice")
    p.add_argument("--rounds", type=int, default=2, help="with --holders: passes timed (default 2)")
    args = p.parse_args(argv)
    if not args.url.startswith(("postgresql://", "postgres://")):
        print("error: URL must be a postgresql:// database URL", file=sys.stderr)
        return 2
    asyncio.run(
        holders(args.url, args.queries, args.rounds) if args.holders else measure(args.url, args.queries, args.plans)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
