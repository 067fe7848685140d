"""One article's duplicate entries, pair by pair: why the two were not merged.

    python eval/timeline_dup_pairs.py DBDIR [STORY ...] [--show]

DBDIR holds one database per corpus named STORY.db (the folder `measure_some` or `python -m tests.test_quality_floor
DBDIR` leaves behind). For each gold case two entries of one language fit (judged as `eval/timeline_classes.py`
judges), and each article both entries hold an event of, the two events of that article (the pair of one paragraph
first) are read with their stored features and classed by the first reason that fits:

- `two-days`: dated two days (a time zone, the day reported);
- `veto`: their acts tell two happenings (`same_event` < 0);
- `apart`: their topics name two parties (`apart_in_one_article`);
- `two-doers`, `one-doer`: each tells a doer, two or the same;
- `one-no-doer`: one tells a doer, the other none (a topic the actor index did not read: 同氏, a bare title, a family
  name, a zero subject; or a sentence about the happening itself);
- `no-doer`: neither tells one.

Each pair is also told by what else its entries fit: `same-gold` (both fit the same gold cases only: perhaps one
happening told twice), `also-other` (one is the only entry of another case: merging them would lose that case unless
the summary kept kept its word), `extra-gold` (one fits more cases, each found elsewhere too). `--show` prints each
pair's sentences and features; leave it off for the check stories (count only, never read their sentences).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from timeline_classes import is_latin  # noqa: E402

from bot.extract.event_match import apart_in_one_article, same_event  # noqa: E402
from tests.test_quality_floor import InProcessCLI, corpora, eval_scorer, own_events  # noqa: E402

_EVENTS = (
    "SELECT e.id, e.date, p.seq, e.summary, e.features FROM events e JOIN passages p ON p.id = e.passage_id"
    " WHERE e.cluster_id = ? AND e.document_id = ?"
)


def _doers(features: dict) -> set[str]:
    return {k for k in features.get("doer") or () if k[:1] in "@&"}


def why_apart(earlier: dict, later: dict) -> str:
    """The first reason of the module's docstring that fits two events' rows (date, features)."""
    fe, fl = earlier["features"], later["features"]
    if earlier["date"] != later["date"]:
        return "two-days"
    if same_event(fe, fl) < 0:
        return "veto"
    if apart_in_one_article(fl, fe):
        return "apart"
    de, dl = _doers(fe), _doers(fl)
    if de and dl:
        return "two-doers" if de.isdisjoint(dl) else "one-doer"
    return "one-no-doer" if de or dl else "no-doer"


def pairs(name: str, db: Path) -> list[dict]:
    """Each one-article pair of duplicate entries of a story (one row per pair of entries)."""
    score = eval_scorer()
    cases, articles = corpora()[name]
    gold = score.load(cases / "timeline.jsonl")
    events = InProcessCLI(db)("timeline", "--json").get("events") or []
    events, gold = own_events(score, events, gold, [a.name for a in articles] or None)
    per: dict[str, list[dict]] = {g["id"]: [] for g in gold}
    fits: dict[int, set[str]] = {}
    for ev in events:
        for g in gold:
            if ev.get("date") in g["dates"] and any(
                score.norm(k) in score.norm(ev.get("summary")) for k in g["keywords"]
            ):
                per[g["id"]].append(ev)
                fits.setdefault(ev["id"], set()).add(g["id"])
    sole = {i: {g for g in gs if len(per[g]) == 1} for i, gs in fits.items()}
    out: dict[tuple[int, int], dict] = {}
    with sqlite3.connect(db) as con:
        for gid, evs in per.items():
            if len(evs) < 2 or len({is_latin(e.get("summary", "")) for e in evs}) > 1:
                continue
            for i, a in enumerate(evs):
                for b in evs[i + 1 :]:
                    key = (min(a["id"], b["id"]), max(a["id"], b["id"]))
                    shared = {s["document_id"] for s in a["sources"]} & {s["document_id"] for s in b["sources"]}
                    if not shared or key in out:
                        continue
                    found = []
                    for doc in sorted(shared):
                        for x in con.execute(_EVENTS, (a["id"], doc)).fetchall():
                            for y in con.execute(_EVENTS, (b["id"], doc)).fetchall():
                                first, second = sorted((x, y))
                                found.append(
                                    tuple(
                                        {"date": r[1], "seq": r[2], "summary": r[3], "features": json.loads(r[4])}
                                        for r in (first, second)
                                    )
                                )
                    if not found:
                        continue
                    earlier, later = min(found, key=lambda p: p[0]["seq"] != p[1]["seq"])
                    lost = (sole[a["id"]] - fits[b["id"]]) | (sole[b["id"]] - fits[a["id"]])
                    kin = "also-other" if lost else "same-gold" if fits[a["id"]] == fits[b["id"]] else "extra-gold"
                    out[key] = {"gold": gid, "why": why_apart(earlier, later), "kin": kin, "pair": (earlier, later)}
    return list(out.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dbdir", type=Path)
    ap.add_argument("stories", nargs="*")
    ap.add_argument("--show", action="store_true", help="print each pair's sentences and features")
    a = ap.parse_args()
    names = a.stories or sorted(
        n for n in corpora() if (a.dbdir / f"{n}.db").exists() and n not in ("dev", "dev_about", "seeds_about")
    )
    total: Counter[str] = Counter()
    for name in names:
        for p in pairs(name, a.dbdir / f"{name}.db"):
            total[f"{p['why']} {p['kin']}"] += 1
            if a.show:
                print(f"## {name} {p['gold']} {p['why']} {p['kin']}")
                for ev in p["pair"]:
                    f = ev["features"]
                    print(f"   {ev['date']} [{ev['seq']}] {ev['summary'][:150]}")
                    print(
                        f"      act={f.get('act')} doer={sorted(_doers(f))} subject={f.get('subject')} ref={f.get('ref')}"
                    )
    for k, v in sorted(total.items(), key=lambda kv: -kv[1]):
        print(f"{v:5} {k}")


if __name__ == "__main__":
    main()
