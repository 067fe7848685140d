"""``python -m bench.extraction_dump OUT``: everything extraction produces, as canonical JSON, to diff.

For every evaluation story's article, every seed and the first `--bench` articles of the bench corpus, one
line of sorted-key JSON: the parsed passages (text, date, URL, outlet…), and the document's `Extraction`
whole: the content hash, each passage's tokens and actor mentions, the events with their dates and
clustering features, the statements, the discovered actors, the stance claims (decompressed) and the term
counts the writer keeps (all but the claims' extractor version, a digest of the source files). An optimization of extraction must leave the file byte for byte the same:

    python -m bench.extraction_dump /tmp/before.jsonl    # on the code before
    python -m bench.extraction_dump /tmp/after.jsonl     # on the code after
    python -m bench.extraction_dump --diff /tmp/before.jsonl /tmp/after.jsonl

`--diff` names each article whose lines differ and the first fields that do (exit 1), or says they agree.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import corpus
from bench.extraction import _actors, articles
from bot.extract.document import content_hash, extract_document
from bot.ingest.parse import parse_document
from bot.store.store import term_counts


def _plain(value: Any) -> Any:
    """A value as JSON can hold it: dataclasses as dicts, sets sorted, bytes as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def record(name: str, text: str, actors: Any) -> dict[str, Any]:
    parsed = parse_document(text, name=name)
    ex = extract_document(parsed, actors, content_hash(parsed))
    out = _plain(ex)
    if ex.claims is not None:  # the records are zlib-compressed JSON: compared as what they hold
        out["claims"]["records"] = json.loads(zlib.decompress(ex.claims.records))
        del out["claims"]["version"]  # a digest of extraction's source files: it changes with any edit of them
    return {"name": name, "parsed": _plain(parsed), "extraction": out, "terms": term_counts(ex.tokens)}


def sources(bench: int) -> Iterator[tuple[str, str]]:
    yield from articles()
    for name, text in corpus.generate(bench, seed=0):
        yield f"bench/{name}", text


def dump(path: Path, bench: int) -> int:
    actors = asyncio.run(_actors())
    count = 0
    with path.open("w", encoding="utf-8") as f:
        for name, text in sources(bench):
            f.write(json.dumps(record(name, text, actors), sort_keys=True, ensure_ascii=False) + "\n")
            count += 1
    return count


def _first_differences(a: Any, b: Any, where: str = "", limit: int = 3) -> list[str]:
    if a == b:
        return []
    if isinstance(a, dict) and isinstance(b, dict):
        found: list[str] = []
        for key in sorted(set(a) | set(b)):
            found += _first_differences(a.get(key), b.get(key), f"{where}.{key}", limit - len(found))
            if len(found) >= limit:
                break
        return found
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        found = []
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found += _first_differences(x, y, f"{where}[{i}]", limit - len(found))
            if len(found) >= limit:
                break
        return found
    return [f"{where}: {json.dumps(a, ensure_ascii=False)[:200]} → {json.dumps(b, ensure_ascii=False)[:200]}"]


def diff(before: Path, after: Path) -> int:
    a = before.read_text(encoding="utf-8").splitlines()
    b = after.read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        print(f"{len(a)} articles before, {len(b)} after")
        return 1
    differing = 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            differing += 1
            old, new = json.loads(x), json.loads(y)
            print(old["name"])
            for line in _first_differences(old, new):
                print("  ", line)
    print(f"{len(a)} articles, {differing} differ" if differing else f"{len(a)} articles, all the same")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.extraction_dump", description=__doc__.split("\n\n")[0])
    p.add_argument("out", nargs="?", type=Path, help="the JSON lines file to write")
    p.add_argument("--bench", type=int, default=300, help="bench corpus articles besides the stories (default 300)")
    p.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="compare two dumps")
    args = p.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        print("error: give the file to write, or --diff BEFORE AFTER", file=sys.stderr)
        return 2
    print(f"{dump(args.out, args.bench)} articles dumped to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
