"""Quote misses by class, per story: why the gold passage was not the answer (the check stories stay blind).

Each quote case with a gold document is run through `find_quote` on a database holding the seeds and the story's
articles (the ones `python -m tests.test_quality_floor DIR` leaves in DIR) and, when its top match is not from the
gold document, put in one class:

- unreached: no passage of the gold document is among the candidates (the full-text candidates, the passages
  the second opinion read, the passages sharing the quote's rarest words): nothing downstream could find it;
- wrong_top: a passage of another document was taken;
- gist_low: reached, and its best passage holds less than GIST_MIN of the quote's weight;
- gist_lead: it holds enough, but another passage holds nearly as much (GIST_LEAD);
- gist_segment: enough, but not gathered in one sentence or quotation (SEGMENT_MIN);
- gist_guard: enough, but the negation / question guard refused it;
- other: reached and passing every gist check, yet not answered.

`--cases` prints each miss with its figures (for developing on the tuned stories only: never on check stories).

    python -m tools.quote_diagnosis STORY... --db-dir DIR [--kinds reworded,partial] [--cases]
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import Counter
from pathlib import Path

from bot.ingest.pipeline import open_store
from bot.services import quote_gist
from bot.services.quotes import GIST_RAREST, find_quote
from bot.store import Store
from bot.store.search import (
    candidate_ids,
    fetch_passages,
    passage_count,
    passage_tokens,
    passages_of_documents,
    sharing_rare_words,
    term_frequencies,
)
from bot.text import query_tokens
from tests.test_quality_floor import ROOT, corpora

CLASSES = ("right", "unreached", "wrong_top", "gist_low", "gist_lead", "gist_segment", "gist_guard", "other")


async def _weighed(store: Store, words: list[str]) -> tuple[list[quote_gist.GistWord], list[str], dict[str, int]]:
    """The gist words weighed as `find_quote` weighs them, the index keys it looks passages up by and the keys' passage
    counts."""
    keys = [quote_gist.index_key(w) for w in words]
    by_key = await term_frequencies(store, list(dict.fromkeys(keys))) if words else {}
    df = {w: by_key.get(k, 0) for w, k in zip(words, keys, strict=True)}
    looked_up = [quote_gist.index_key(w) for w in quote_gist.lookup_words(words)]  # the keys passages are found by
    return (quote_gist.weigh(words, df, await passage_count(store)) if words else []), looked_up, by_key


async def _held(store: Store, weighed: list[quote_gist.GistWord], ids: list[int]) -> dict[int, set[str]]:
    """Each passage's words as the gist reads them (`quote_gist.held_words`)."""
    stored = await passage_tokens(store, ids)
    rows = {r.id: r.text for r in await fetch_passages(store, ids)}
    return {pid: quote_gist.held_words(weighed, stored.get(pid, set()), rows.get(pid, "")) for pid in ids}


async def classify(store: Store, case: dict) -> tuple[str, dict]:
    query = case["query"]
    matches = await find_quote(store, query)
    top = matches[0] if matches else None
    if top is not None and any(case["doc"] in (s.document or "") for s in top.sources):
        return "right", {}
    gold = await passages_of_documents(store, case["doc"])
    words = quote_gist.gist_words(query)
    weighed, keys, by_key = await _weighed(store, words)
    reach = set(await candidate_ids(store, query_tokens(query)))
    if words:
        reach |= set(await sharing_rare_words(store, keys, by_key, rarest=GIST_RAREST))
    stored = await _held(store, weighed, list(reach | set(gold)))
    shares = {pid: quote_gist.share(weighed, stored.get(pid, set())) for pid in reach | set(gold)}
    best_gold = max(gold, key=lambda p: shares[p][0], default=None)
    info: dict = {
        "query": query,
        "gold_share": round(shares[best_gold][0], 3) if best_gold else None,
        "gold_text": gold.get(best_gold, "")[:160] if best_gold else "",
        "reached": bool(set(gold) & reach),
        "words": [
            (w.form, round(w.weight, 2), w.credit(stored.get(best_gold, set())) if best_gold else 0) for w in weighed
        ],
        "top": (top.sources[0].document if top else None),
    }
    if top is not None:
        return "wrong_top", info
    if not set(gold) & reach:
        return "unreached", info
    first = shares[best_gold][0]
    others = sorted((s for p, (s, _) in shares.items() if p not in gold), reverse=True)
    info["second"] = round(others[0], 3) if others else 0.0
    if first < quote_gist.GIST_MIN:
        return "gist_low", info
    if others and first < quote_gist.GIST_LEAD * others[0]:
        return "gist_lead", info
    in_segment, segment = quote_gist.best_segment(weighed, gold[best_gold])
    info["segment"] = round(in_segment, 3)
    if in_segment < quote_gist.SEGMENT_MIN:
        return "gist_segment", info
    if quote_gist.denies_or_asks(query, gold[best_gold], segment):
        return "gist_guard", info
    return "other", info


async def absent_figures(store: Store, query: str) -> tuple[float, float, float]:
    """(best share, the next passage's, the best passage's segment share) of a quote nobody said."""
    words = quote_gist.gist_words(query)
    if len(words) < quote_gist.GIST_WORDS:
        return 0.0, 0.0, 0.0
    weighed, keys, by_key = await _weighed(store, words)
    reach = list(
        set(await candidate_ids(store, query_tokens(query)))
        | set(await sharing_rare_words(store, keys, by_key, rarest=GIST_RAREST))
    )
    stored = await _held(store, weighed, reach)
    ranked = sorted(((quote_gist.share(weighed, stored.get(p, set()))[0], p) for p in reach), reverse=True)
    if not ranked:
        return 0.0, 0.0, 0.0
    rows = await fetch_passages(store, [ranked[0][1]])
    seg = quote_gist.best_segment(weighed, rows[0].text)[0] if rows else 0.0
    return ranked[0][0], (ranked[1][0] if len(ranked) > 1 else 0.0), seg


async def run(name: str, db: Path, kinds: set[str], show: bool) -> Counter:
    folder, _ = corpora()[name]
    cases = [json.loads(line) for line in (folder / "quotes.jsonl").read_text().splitlines() if line.strip()]
    store = await open_store(str(db), ROOT / "seeds")
    counts: Counter = Counter()
    try:
        for case in cases:
            if case.get("kind") == "absent" and "absent" in kinds:
                first, second, seg = await absent_figures(store, case["query"])
                print(f"  ABSENT {case['id']} first={first:.3f} second={second:.3f} seg={seg:.3f}")
                continue
            if not case.get("doc") or (kinds and case.get("kind") not in kinds):
                continue
            cls, info = await classify(store, case)
            counts[cls] += 1
            if show and cls != "right":
                print(f"  {case['id']} {case.get('kind')} {cls} {json.dumps(info, ensure_ascii=False)}")
    finally:
        await store.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="+")
    parser.add_argument("--db-dir", required=True, help="where `python -m tests.test_quality_floor DIR` left the stores")
    parser.add_argument("--kinds", default="", help="quote kinds, comma-separated (default: all with a document)")
    parser.add_argument("--cases", action="store_true", help="print each miss (tuned stories only)")
    args = parser.parse_args()
    kinds = {k for k in args.kinds.split(",") if k}
    total: Counter = Counter()
    for name in args.stories:
        counts = asyncio.run(run(name, Path(args.db_dir) / f"{name}.db", kinds, args.cases))
        total += counts
        print(name, " ".join(f"{c}={counts[c]}" for c in CLASSES if counts[c]))
    print("TOTAL", " ".join(f"{c}={total[c]}" for c in CLASSES if total[c]))


if __name__ == "__main__":
    main()
