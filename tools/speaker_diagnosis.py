"""Quote speaker misses by class, per story: what failed, never which sentence (the check stories stay blind).

Each quote case with a gold speaker is run through the CLI (in-process, on a database holding the seeds and the
story's articles: the ones `python -m tests.test_quality_floor DIR` leaves in DIR, else made here) and put in one
class:

- right: the scorer's hit (a gold name inside the speaker given);
- not_found: the top match is not from the gold document (the quote's passage was not found);
- none: the passage was found, no speaker given;
- other_name: the right one under another name (the registry resolves both to one actor, one name holds the
  other, or the same name in Latin letters and katakana);
- role: a bare role or anaphor left unresolved (首相, 同氏, the spokesperson);
- body_person: a body given where the gold names a person, or a person where it names a body;
- nearest: the wrong speaker, named in the quote's own sentence (the nearest name, a relative clause's subject);
- earlier: the wrong speaker, named in the sentences before (an earlier speaker carried over);
- source: the wrong speaker, given as a source (〜によると, according to);
- other: any other wrong speaker (named nowhere before the quote: the headline, a later sentence).

`--cases` prints each case's class and the speaker given (for developing on the tuned stories only: never run
it on the check stories).

    python -m tools.speaker_diagnosis [STORY ...] [--db-dir DIR] [--json OUT] [--cases]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from bot.actors import ActorIndex, strip_title
from bot.extract.roles import org_suffix, title_suffix
from bot.extract.romaji import name_key, name_skeleton, romanize
from tests.test_quality_floor import ROOT, InProcessCLI, corpora, eval_scorer, seeded_template

CLASSES = (
    "right", "not_found", "none", "other_name", "role", "body_person", "nearest", "earlier", "source", "other",
)  # fmt: skip
_ROLES_EN = ("spokesperson", "spokesman", "spokeswoman", "official", "minister", "secretary", "he", "she", "they")


def store_actors(db: Path) -> ActorIndex:
    from bot.ingest.pipeline import open_store

    async def load() -> ActorIndex:
        store = await open_store(str(db), ROOT / "seeds")
        try:
            return store.actors
        finally:
            await store.close()

    return asyncio.run(load())


def same_speaker_name(given: str, gold: str, actors: ActorIndex) -> bool:
    score = eval_scorer()
    a, b = actors.resolve(strip_title(given)), actors.resolve(strip_title(gold))
    if a is not None and b is not None and a.id == b.id:
        return True
    g, o = score.norm(strip_title(given)), score.norm(strip_title(gold))
    if g and o and (g in o or o in g):
        return True
    skeletons = [name_skeleton(name_key(romanize(x) or x)) for x in (g, o)]  # Latin letters and katakana
    return bool(skeletons[0] and skeletons[0] == skeletons[1])


def _is_body(name: str, actors: ActorIndex) -> bool:
    hit = actors.resolve(strip_title(name))
    if hit is not None:
        return hit.kind != "person"
    return bool(org_suffix(name)) or any(w in name.lower() for w in ("ministry", "agency", "company", "office"))


def _is_role(given: str) -> bool:
    split = title_suffix(given)
    return given.startswith(("同", "両")) or bool(split and not split[0]) or given.lower().strip() in _ROLES_EN


def classify(case: dict[str, Any], top: dict[str, Any], article: str, actors: ActorIndex) -> str:
    score = eval_scorer()
    given = str(top.get("speaker") or "")
    golds = case["speaker"]
    if given and any(score.norm(s) in score.norm(given) for s in golds):
        return "right"
    if not score.doc_matches(top.get("sources"), case["doc"]):
        return "not_found"
    if not given:
        return "none"
    if any(same_speaker_name(given, g, actors) for g in golds):
        return "other_name"
    if _is_role(given):
        return "role"
    if _is_body(given, actors) != all(_is_body(g, actors) for g in golds):
        return "body_person"
    text = str(top.get("text") or "")
    at = article.find(text[:40]) if text else -1
    if at < 0:
        return "other"
    sentence_start = max(article.rfind(c, 0, at) for c in "。\n.") + 1
    before = article[:at]
    names = (given, strip_title(given))
    if any(n and n in before[sentence_start:] for n in names) or any(n and n in text for n in names):
        return "nearest"
    for marker in ("によると", "によれば", "according to"):
        for n in names:
            if n and (n + marker in before or f"{marker} {n}" in before):
                return "source"
    if any(n and n in before for n in names):
        return "earlier"
    return "other"


def diagnose(name: str, folder: Path) -> list[dict[str, Any]]:
    cases_dir, articles = corpora()[name]
    db = folder / f"{name}.db"
    cli = InProcessCLI(db)
    if not db.exists():
        shutil.copy(seeded_template(folder), db)
        with redirect_stdout(sys.stderr):
            if articles:
                cli("ingest", *map(str, articles), parse=False)
    actors = store_actors(db)
    texts = {p.name: p.read_text(encoding="utf-8") for p in articles}
    rows = []
    for case in eval_scorer().load(cases_dir / "quotes.jsonl"):
        if not case.get("speaker") or not case.get("doc"):
            continue
        matches = cli("quote", case["query"], "--json").get("matches") or []
        top = matches[0] if matches else {}
        article = next((t for n, t in texts.items() if eval_scorer().doc_matches([{"document": n}], case["doc"])), "")
        kind = classify(case, top, article, actors)
        rows.append({"id": case["id"], "class": kind, "given": top.get("speaker"), "gold": case["speaker"]})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stories", nargs="*", help="story names (default: every story)")
    ap.add_argument("--db-dir", default="/tmp/newsdesk-speakers", help="where the story databases are (or are made)")
    ap.add_argument("--json", help="write every case's class here")
    ap.add_argument("--cases", action="store_true", help="print each case's class (tuned stories only)")
    a = ap.parse_args()
    names = a.stories or [n for n in corpora() if n not in ("dev", "dev_about", "seeds_about")]
    folder = Path(a.db_dir)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        rows = out[name] = diagnose(name, folder)
        counts = Counter(r["class"] for r in rows)
        print(f"{name:15} " + " ".join(f"{k} {counts[k]}" for k in CLASSES) + f" / {len(rows)}", flush=True)
        if a.cases:
            for r in rows:
                if r["class"] != "right":
                    print(f"    {r['id']:8} {r['class']:11} given {r['given']!r} gold {r['gold']}")
    total = Counter(r["class"] for rows in out.values() for r in rows)
    print(f"{'all':15} " + " ".join(f"{k} {total[k]}" for k in CLASSES))
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
