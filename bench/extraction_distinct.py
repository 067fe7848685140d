"""``python -m bench.extraction_distinct``: extraction CPU per *distinct* article, profiled if asked.

The evaluation stories' articles (~1,000 files, each read once: no passage memo meets a text it has seen, unlike
the bench corpus, which recombines the seeds' sentences) are parsed and extracted in one process after a warm-up
of `--warm` seed articles (the vocabularies and regular expressions loaded), and the CPU milliseconds per article
(`time.process_time`: the figure that holds on a loaded machine) are printed whole and by `extract_document`'s
steps. `--profile FILE` also writes a cProfile of the measured pass (`--top N` prints its heaviest functions by
cumulative and by own time). Nothing is written to a store.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import time

from bench.extraction import ROOT, _actors, one_round


def distinct_articles() -> list[tuple[str, str]]:
    files = sorted((ROOT / "eval" / "stories").glob("*/*.txt"))
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        if text not in seen:
            seen.add(text)
            out.append((f"{f.parent.name}/{f.name}", text))
    return out


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.extraction_distinct", description=__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=0, help="only the first N articles (default all)")
    p.add_argument("--warm", type=int, default=20, help="seed articles extracted first, not measured")
    p.add_argument("--profile", default="", help="write a cProfile of the measured pass here")
    p.add_argument("--top", type=int, default=0, help="print the N heaviest functions of the profile")
    args = p.parse_args(argv)
    texts = distinct_articles()
    if args.limit:
        texts = texts[: args.limit]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[: args.warm]
    actors = asyncio.run(_actors())
    one_round([(f"seed/{f.name}", f.read_text(encoding="utf-8")) for f in seeds], actors)
    profiler = cProfile.Profile() if args.profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    per_article, stages = one_round(texts, actors)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    print(
        f"{len(texts)} distinct articles; extraction CPU ms/article {per_article:.2f} ({time.process_time() - started:.1f} s)"
    )
    for stage, ms in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {ms:7.2f}  {stage}")
    if profiler and args.top:
        stats = pstats.Stats(args.profile)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
