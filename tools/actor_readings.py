"""Each stance case's typed actor as `stance --about` reads it, judged against the speaker of the case's evidence.

On each story's kept database (the `<story>.db` that `measure_some` or `python -m tests.test_quality_floor OUTDIR`
leaves in OUTDIR), every `--about` case's actor is read as the service reads it (`read_actor`), and the claims the
evidence's document yields (extracted as ingest stores them) are searched for the evidence: their actors are the
evidence's speakers. Each case is put in one class:

- `refused`: the name is refused (`Unknown actor` or another refusal; the code is kept);
- `speaker`: the actor read is a speaker of the evidence, or the same actor under another name (an alias, the
  other script, its officer: as `tools.stance_diagnosis` judges an attribution miss);
- `likely`: the actor read is no speaker, but one speaker has a name like it by a loose test (the other script
  heard by its consonants, one name holding the other: `stance_diagnosis.other_script`, `speaker_diagnosis.
  same_speaker_name`) — mostly one person stored twice, which the answer joins;
- `other`: the evidence has speakers and the actor read is none of them, nor like one (a wrong reading, or a
  statement stored under another actor: read case by case);
- `unspoken`: no claim holds the evidence (the actor read cannot be judged by it).

`--json OUT` writes every case's reading (story, id, typed name, actor read, class, speakers) so that two trees'
readings can be compared case by case (`--diff A.json B.json`: the cases whose actor changed). The check stories
are counted only, never listed.

    python -m tools.actor_readings OUTDIR [STORY ...] [--json OUT] [--cases]
    python -m tools.actor_readings --diff BEFORE.json AFTER.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bot.ingest.pipeline import open_store
from bot.services.errors import QueryError
from bot.services.stance_about import read_actor
from tests.test_quality_floor import corpora, eval_scorer
from tools.speaker_diagnosis import same_speaker_name
from tools.stance_diagnosis import document_claim_texts, entry_names, other_script, same_typed_actor

ROOT = Path(__file__).resolve().parent.parent
# the round's held-out stories: counted, never printed case by case
CHECK = frozenset(
    [
        "beirut2020",
        "partygate2022",
        "evergrande2021",
        "wakayama2023",
        "myanmarcoup2021",
        "spain2023",
        "aiact2023",
        "ldp2021",
        "panama2025",
        "jingu2023",
        "itaewon2022",
        "peru2022",
        "kenya2024",
        "newcaledonia2024",
        "g7hiroshima2023",
        "hollywood2023",
    ]
)


async def _story(db: Path, cases: list[dict[str, Any]], articles: list[Path]) -> list[dict[str, Any]]:
    score = eval_scorer()
    store = await open_store(str(db), ROOT / "seeds")
    rows: list[dict[str, Any]] = []
    claims: dict[str, list[tuple[int, str]]] = {}
    try:
        for case in cases:
            if not case.get("about"):
                continue
            row: dict[str, Any] = {"id": case["id"], "actor": case["actor"]}
            try:
                reading = await read_actor(store, case["actor"], case["about"], None)
            except QueryError as e:
                row.update(cls="refused", code=e.code)
                rows.append(row)
                continue
            entry = reading.entry
            row["read"] = {"id": entry.id, "name": entry.name, "name_en": entry.name_en, "kind": entry.kind}
            if reading.named:
                row["read"]["named"] = reading.named
            doc = case["doc"]
            if doc not in claims:
                claims[doc] = await asyncio.to_thread(document_claim_texts, articles, doc, store.actors)
            evidence = score.norm(case["evidence"])
            holders = list(dict.fromkeys(a for a, text in claims[doc] if evidence in score.norm(text)))
            row["speakers"] = [store.actors.actors[a].name for a in holders if a in store.actors.actors]
            typed = {"id": entry.id, "name": entry.name}
            if not holders:
                row["cls"] = "unspoken"
            elif entry.id in holders or any(same_typed_actor(a, typed, case["actor"], store.actors) for a in holders):
                row["cls"] = "speaker"
            else:
                mine = [case["actor"], *entry_names(entry)]
                theirs = [n for a in holders for n in entry_names(store.actors.actors.get(a))]
                like = any(other_script(m, t) or same_speaker_name(t, m, store.actors) for m in mine for t in theirs)
                row["cls"] = "likely" if like else "other"
            rows.append(row)
    finally:
        await store.close()
    return rows


def _read(outdir: Path, stories: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for name, (folder, articles) in corpora().items():
        if stories and name not in stories:
            continue
        db, path = outdir / f"{name}.db", folder / "stance.jsonl"
        if not db.exists() or not path.exists():
            continue
        cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        out[name] = asyncio.run(_story(db, cases, articles))
    return out


def _shown(row: dict[str, Any]) -> str:
    if row["cls"] == "refused":
        return f"refused ({row['code']})"
    r = row["read"]
    return f"{r['name']}/{r['name_en']} [{r['kind']} {r['id']}{' named ' + r['named'] if r.get('named') else ''}]"


def _diff(before: Path, after: Path) -> int:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    moved: Counter[str] = Counter()
    for story in sorted(set(a) | set(b)):
        old = {r["id"]: r for r in a.get(story, [])}
        for row in b.get(story, []):
            was = old.get(row["id"])
            if was is None or _shown(was) == _shown(row):
                continue
            moved[f"{was['cls']}>{row['cls']}"] += 1
            if story not in CHECK:
                print(f"{story} {row['id']} {row['actor']}: {_shown(was)} → {_shown(row)} [{row['cls']}]")
                if row.get("speakers"):
                    print(f"    speakers: {', '.join(row['speakers'][:4])}")
    print(" ".join(f"{k} {n}" for k, n in sorted(moved.items())) or "no actor changed")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir", type=Path, nargs="?")
    ap.add_argument("stories", nargs="*")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--cases", action="store_true")
    ap.add_argument("--diff", type=Path, nargs=2)
    args = ap.parse_args(argv)
    if args.diff:
        return _diff(*args.diff)
    if args.outdir is None:
        ap.error("OUTDIR is needed")
    found = _read(args.outdir, args.stories)
    totals: dict[str, Counter[str]] = {"look": Counter(), "check": Counter()}
    for story, rows in found.items():
        check = story in CHECK
        totals["check" if check else "look"].update(r["cls"] for r in rows)
        if args.cases and not check:
            for r in rows:
                if r["cls"] in ("refused", "other"):
                    print(f"{story} {r['id']} {r['cls']}: {r['actor']} → {_shown(r)}  speakers {r.get('speakers')}")
    for half, counts in totals.items():
        print(half, " ".join(f"{k} {counts[k]}" for k in ("speaker", "likely", "other", "unspoken", "refused")))
    if args.json:
        shown = {s: rows for s, rows in found.items() if s not in CHECK}
        args.json.write_text(json.dumps(shown, ensure_ascii=False, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
