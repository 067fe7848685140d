"""``python -m bench.extraction_profile``: where extraction's CPU goes, by function's own (self) time.

Parses and extracts, in one process as a bulk worker does, the evaluation stories' articles and the seeds
(`--stories`, the default) or the first `--bench N` bench corpus articles after `--warm` others, under cProfile
with process time, and prints the `--top` functions by self time (`tottime`) with their calls and cumulative
time. `--collapsed FILE` instead sums a sampling profiler's collapsed stacks (`py-spy record --format raw`) by
their leaf frame: the same table from samples, with no profiler overhead in the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import time
from collections import Counter
from pathlib import Path

from bench import corpus
from bench.extraction import _actors, articles
from bot.extract.document import content_hash, extract_document
from bot.ingest.parse import parse_document


def _texts(args: argparse.Namespace) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(warm, profiled) articles."""
    if args.bench:
        texts = [(f"bench/{name}", text) for name, text in corpus.generate(args.warm + args.bench, seed=0)]
        return texts[: args.warm], texts[args.warm :]
    texts = articles()
    return texts[:0], texts


def _extract(texts: list[tuple[str, str]], actors: object) -> None:
    for name, text in texts:
        parsed = parse_document(text, name=name)
        extract_document(parsed, actors, content_hash(parsed))


def profile(args: argparse.Namespace) -> str:
    warm, texts = _texts(args)
    actors = asyncio.run(_actors())
    _extract(warm, actors)
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    _extract(texts, actors)
    prof.disable()
    if args.save:
        prof.dump_stats(str(args.save))
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    print(f"{len(texts)} articles profiled ({len(warm)} warm), {stats.total_tt:.1f} s process time", file=out)
    stats.sort_stats("tottime").print_stats(args.top)
    return out.getvalue()


def collapsed(path: Path, top: int) -> str:
    """Leaf-frame sums of py-spy's raw (collapsed) output: `frame;frame;… count` per line."""
    own: Counter[str] = Counter()
    total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        own[stack.rsplit(";", 1)[-1]] += int(count)
        total += int(count)
    rows = [f"{total} samples"] + [f"{100 * n / total:6.2f} %  {n:7d}  {frame}" for frame, n in own.most_common(top)]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.extraction_profile", description=__doc__.split("\n\n")[0])
    p.add_argument("--bench", type=int, default=0, help="profile N bench corpus articles instead of the stories")
    p.add_argument("--warm", type=int, default=100, help="bench articles extracted first, unprofiled (default 100)")
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--save", type=Path, help="also write the cProfile stats to this file (for pstats)")
    p.add_argument("--collapsed", type=Path, help="sum a py-spy raw file by leaf frame instead of profiling")
    args = p.parse_args(argv)
    print(collapsed(args.collapsed, args.top) if args.collapsed else profile(args))


if __name__ == "__main__":
    main()
