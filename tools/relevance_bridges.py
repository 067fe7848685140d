"""Relevance misses grouped by what would bridge the user's words to the statement's (issue 11, round 47).

Reads the cases `tools.stance_diagnosis --json` put in the relevance class and, for each, the evidence's sentence
with what was read before it (the two sentences before, the headline) in the story's articles; then asks, in this
order, which bridge names a word of the target there:

- `context`: a word of the target (as the query reads it: its forms, variants, synonym groups) is in the
  sentences before or the headline, none in the sentence (the context is read, but counted for less);
- `synonym`: a same-language neighbour or synonym of a target word (chiVe, WordNet, Sudachi's synonym groups:
  the target's near view) is in the sentence;
- `gloss`: a JMdict gloss of a target word in the other language, any of its senses (not only the first five,
  nor only the store's words) is in the sentence or the context;
- `store`: a word the store says beside the target (`services.associated`: pseudo-relevance feedback) is there;
- `none`: no bridge of these.

For the tuned stories only (never the check stories: it prints their sentences).

    python -m tools.relevance_bridges DIAG.json DBDIR [--cases]

`DBDIR` holds each story's store with its articles ingested (`measure_some.py`'s folder, or `--keep`'s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bot.extract.about import Target, english_glosses, named_words
from bot.extract.gloss_words import noun_glosses, word_glosses
from bot.services import associated
from bot.services.stance_about import prepare_target
from bot.store.backend import open_backend
from bot.store.search import one_answer
from bot.text import normalize
from bot.user_errors import UserError
from tests.test_quality_floor import corpora, eval_scorer

GROUPS = ("context", "synonym", "gloss", "store", "none")
_SENTENCE_RX = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+|\n|$)|[^.!?\n]*(?:[.!?]+|\n|$)")


def where_said(articles: list[Path], doc: str, evidence: str) -> tuple[str, str, str] | None:
    """(the evidence's sentence, the two sentences before it, the article's headline), or None."""
    score = eval_scorer()
    for path in articles:
        if not score.doc_matches([{"document": path.name}], doc):
            continue
        text = path.read_text(encoding="utf-8")
        title = next((line[6:].strip() for line in text.splitlines() if line.startswith("title:")), "")
        sentences = [m.group(0).strip() for m in _SENTENCE_RX.finditer(text) if m.group(0).strip()]
        for k, s in enumerate(sentences):
            if score.norm(evidence)[:20] in score.norm(s):
                return s, " ".join(sentences[max(0, k - 2) : k]), title
    return None


def _all_glosses(target: Target) -> set[str]:
    """Every JMdict word for an English target word, every English gloss of a Japanese one (no limit)."""
    out: set[str] = set()
    nouns, verbs = noun_glosses(), word_glosses()
    english = {normalize(f) for w in target.words if w.form.isascii() for f in (w.form, *w.forms)}
    for ja, glosses in (*nouns.items(), *verbs.items()):
        if english & set(glosses):
            out.add(ja)
    for k, w in enumerate(target.words):
        if not w.form.isascii():
            out.update(english_glosses(target, k, 50))
    return {g for g in out if len(g) >= 2}


def bridge(target: Target, assoc: list[str], sentence: str, before: str) -> str:
    if not named_words(target, sentence) and named_words(target, before):
        return "context"
    if target.near is not None and named_words(_without(target.near, assoc), sentence):
        return "synonym"
    low = normalize(sentence + " " + before)
    if any((re.search(rf"(?<![a-z]){re.escape(g)}", low) if g.isascii() else g in low) for g in _all_glosses(target)):
        return "gloss"
    if any(normalize(a) in normalize(sentence + before) for a in assoc):
        return "store"
    return "none"


def _without(near: Target, words: list[str]) -> Target:
    """The near view without the associated words (read as their own group)."""
    out = Target(near.text, [], near.action, near.topics)
    for w in near.words:
        copy = type(w)(w.form, [f for f in w.forms if f not in words], [], w.weight, w.head)
        out.words.append(copy)
    return out


async def story_bridges(name: str, cases: list[dict[str, Any]], db: Path) -> list[dict[str, Any]]:
    cases_dir, articles = corpora()[name]
    by_id = {c["id"]: c for c in eval_scorer().load(cases_dir / "stance.jsonl")}
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(db, Path(tmp) / "x.db")
        store = await open_backend(Path(tmp) / "x.db")
        out = []
        try:
            for row in cases:
                case = by_id[row["id"]]
                said = where_said(articles, case["doc"], case["evidence"])
                if said is None:
                    continue
                added: list[str] = []
                keep = associated.add_associated

                def spy(t: Target, words: list[str], keep: Any = keep, added: list[str] = added) -> None:
                    added.extend(words)
                    keep(t, words)

                associated.add_associated = spy
                try:
                    with one_answer():
                        target, _ = await prepare_target(store, case["about"])
                except UserError:
                    continue
                finally:
                    associated.add_associated = keep
                sentence, before, title = said
                group = bridge(target, added, sentence, before + "\n" + title)
                out.append(
                    {
                        **row,
                        "about": case["about"],
                        "sentence": sentence,
                        "before": before,
                        "title": title,
                        "associated": added,
                        "bridge": group,
                    }
                )
        finally:
            await store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("diag", type=Path)
    ap.add_argument("dbdir", type=Path)
    ap.add_argument("--cases", action="store_true")
    a = ap.parse_args()
    diag = json.loads(a.diag.read_text(encoding="utf-8"))
    total: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for name, rows in diag.items():
        mine = [r for r in rows if r["class"] == "relevance"]
        db = a.dbdir / f"{name}.db"
        if not mine or not db.exists():
            continue
        for r in asyncio.run(story_bridges(name, mine, db)):
            total[r["bridge"]] += 1
            pairs[(r["bridge"], r["pair"])] += 1
            if a.cases:
                print(
                    f"{r['id']:8} {r['bridge']:8} {r['pair']:6} {r['about']} | {r['sentence'][:90]}"
                    f" | before: {r['before'][-60:]} | {r['title'][:40]} | assoc {' '.join(r['associated'])}"
                )
    print("bridges: " + "  ".join(f"{g} {total[g]}" for g in GROUPS) + f"  / {sum(total.values())}")
    print("by pair: " + "  ".join(f"{g}:{p} {n}" for (g, p), n in sorted(pairs.items())))


if __name__ == "__main__":
    main()
