"""Write eval/nearmiss/same.jsonl: absent quotes in the quote's own language, each a real Japanese quote of an
evaluation story (an `exact` or `partial` case) with one word put under the other polarity prefix — 違法 for 合法,
有罪 for 無罪, 有料 for 無料 (`quote_gist.prefix_antonyms`) — where the new form is a word of the dictionary (one
SudachiPy morpheme). One character changed, so the character score still says 94–98; the claim is turned around.

    python -m tools.make_nearmiss_same          # rewrites the file; the first such word of each quote, in order

The cases keep `from` (the quote they come from), `change` (old→new) and `story` (whose store to ask).
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.services.quote_gist import JAPANESE_CHAR_RE, gist_words, prefix_antonyms
from bot.text import morphemes

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "eval" / "nearmiss" / "same.jsonl"


def _a_word(form: str) -> bool:
    found = morphemes(form)
    return len(found) == 1 and found[0].surface == form


def near_misses() -> list[dict[str, str]]:
    cases = []
    for story in sorted(p for p in (ROOT / "eval" / "stories").iterdir() if (p / "quotes.jsonl").exists()):
        for line in (story / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            query = case["query"]
            if case["kind"] not in ("exact", "partial") or not JAPANESE_CHAR_RE.search(query):
                continue
            swap = next(
                ((w, a) for w in gist_words(query) if w in query for a in sorted(prefix_antonyms(w)) if _a_word(a)),
                None,
            )
            if swap:
                old, new = swap
                cases.append(
                    {
                        "id": f"{case['id']}-P",
                        "kind": "absent",
                        "query": query.replace(old, new, 1),
                        "from": case["id"],
                        "change": f"{old}→{new}",
                        "story": story.name,
                    }
                )
    return cases


def main() -> None:
    OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in near_misses()), encoding="utf-8")


if __name__ == "__main__":
    main()
