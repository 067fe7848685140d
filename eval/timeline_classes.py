"""Timeline misses by class, per story: what a round should work on, without fitting rules to sentences.

    python eval/timeline_classes.py DBDIR [STORY ...] [--show] [--only story,story]

DBDIR holds one database per corpus named STORY.db, each with the seeds and that story's articles (the folder
`python -m tests.test_quality_floor DBDIR` leaves behind). Each event the timeline shows (judged as the
quality floors judge it, `--only-ingested`) falls in one class:

- `ok`: it fits a gold case (date and keyword);
- `wrong-date`: a gold case's keyword is in it but not its date — `reported` when its date is one to three
  days after that case's (the day it was reported or learned), `other` else;
- `background`: it fits no case and is dated more than 30 days before the story's first gold date;
- `no-case`: it fits no case at all (not an event: a remark, a market line, a plan, a state).

Gold cases with several events are counted by how their events differ: `one-doc` (one article's events),
`cross-lang` (a Japanese and an English report), `same-lang` (two outlets in one language).
`--show` prints each event that is not `ok` and each duplicate; leave it off for the stories held as a check
set (count classes only, never read their sentences to write a rule).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_quality_floor import InProcessCLI, _scorer, corpora  # noqa: E402


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > len(letters) / 2


# What a false event looks like, by its shape (counted on the check set, whose sentences are not read).
SHAPES = (
    ("remark", re.compile(r"記者会見|記者団|会見で|談話|コメント|述べ|語っ|強調し|told reporters|said|says|statement")),
    (
        "market",
        re.compile(r"市場|株価|日経平均|円相場|円安|円高|為替|\bmarkets?\b|\bstocks?\b|\byen\b|Nikkei|shares|traders"),
    ),
    ("plan", re.compile(r"予定|方針|考え|見通し|方向|計画|\bwill\b|\bplans?\b|\bexpected\b|\bdue\b")),
    ("past-before", re.compile(r"ていた|ていました|\bhad\b|[Ee]arlier")),
)


def shape(summary: str) -> str:
    tags = [name for name, rx in SHAPES if rx.search(summary)]
    return ("en:" if _latin(summary) else "ja:") + ("+".join(tags) or "plain")


def classify(name: str, db: Path, show: bool | str, shapes: Counter | None = None) -> tuple[Counter, Counter, int]:
    score = _scorer()
    cases, articles = corpora()[name]
    gold = score.load(cases / "timeline.jsonl")
    only = [a.name for a in articles] or None
    events = InProcessCLI(db)("timeline", "--json").get("events") or []
    if only:
        events = [ev for ev in events if any(score.doc_matches(ev.get("sources"), d) for d in only)]
        gold = [
            g
            for g in gold
            if not g.get("docs")
            or any(n == d or n.startswith(d + "_") or n.startswith(d + ".") for d in g["docs"] for n in only)
        ]
    first = min((dt.date.fromisoformat(d) for g in gold for d in g["dates"] if len(d) == 10), default=None)
    classes: Counter[str] = Counter()
    per_gold: dict[str, list[dict]] = {g["id"]: [] for g in gold}

    def has_word(ev: dict, g: dict) -> bool:
        return any(score.norm(k) in score.norm(ev.get("summary")) for k in g["keywords"])

    for ev in events:
        hits = [g for g in gold if ev.get("date") in g["dates"] and has_word(ev, g)]
        for g in hits:
            per_gold[g["id"]].append(ev)
        if hits:
            classes["ok"] += 1
            if show == "all":
                print(f"  {'ok':20} {ev.get('date')} {ev.get('summary', '')[:90]!r}")
            continue
        date = ev.get("date") or ""
        worded = [g for g in gold if has_word(ev, g)]
        if worded and len(date) == 10:
            day = dt.date.fromisoformat(date)
            late = any(
                0 < (day - dt.date.fromisoformat(d)).days <= 3 for g in worded for d in g["dates"] if len(d) == 10
            )
            kind = "wrong-date:reported" if late else "wrong-date:other"
        elif len(date) >= 10 and first is not None and dt.date.fromisoformat(date[:10]) < first - dt.timedelta(30):
            kind = "background"
        else:
            kind = "no-case"
        classes[kind] += 1
        if shapes is not None:
            shapes[f"{kind.split(':')[0]} {shape(ev.get('summary', ''))}"] += 1
        if show:
            print(f"  {kind:20} {date} {ev.get('summary', '')[:90]!r}")
    dups: Counter[str] = Counter()
    for gid, evs in per_gold.items():
        if len(evs) < 2:
            continue
        docs = [{s.get("document") for s in ev.get("sources") or []} for ev in evs]
        langs = {_latin(ev.get("summary", "")) for ev in evs}
        if len(langs) > 1:
            kind = "cross-lang"
        elif any(a & b for i, a in enumerate(docs) for b in docs[i + 1 :]):
            kind = "one-doc"
        else:
            kind = "same-lang"
        dups[kind] += len(evs) - 1
        if show:
            print(
                f"  dup {kind:11} {gid}: " + " | ".join(f"{ev.get('date')} {ev.get('summary', '')[:50]}" for ev in evs)
            )
    missed = sum(1 for g in gold if not g.get("optional") and not per_gold[g["id"]])
    if show:
        for g in gold:
            if not g.get("optional") and not per_gold[g["id"]]:
                print(f"  missed {g['id']} {g['dates'][0]} {g['about'][:90]}")
    return classes, dups, missed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dbdir", type=Path)
    ap.add_argument("stories", nargs="*")
    ap.add_argument("--show", action="store_true", help="print each event not ok and each duplicate")
    ap.add_argument("--all", action="store_true", help="with --show: print the events that are ok too")
    a = ap.parse_args()
    names = a.stories or sorted(n for n in corpora() if (a.dbdir / f"{n}.db").exists() and n != "dev_about")
    total: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    for name in names:
        classes, dups, missed = classify(name, a.dbdir / f"{name}.db", "all" if a.all and a.show else a.show, shapes)
        total.update(classes)
        total.update({f"dup:{k}": v for k, v in dups.items()})
        total["missed"] += missed
        row = " ".join(f"{k}={v}" for k, v in sorted(classes.items()))
        print(f"{name:16} {row} | dup {dict(dups)} | missed {missed}", flush=True)
    print("total", dict(sorted(total.items())))
    print("false events by shape", dict(shapes.most_common()))


if __name__ == "__main__":
    main()
