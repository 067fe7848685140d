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
`cross-lang` (a Japanese and an English report), `same-lang` (two outlets in one language); `:dates` when the
entries are on different days of the case's dates (a time zone or the day reported keeps them apart, not only words).

A gold case with no matching entry (`missed`) is told why, from its articles extracted again in-process with the
working tree's code (the events each sentence gave before clustering; on a database an older extractor made, the
two may differ) and the timeline's entries and their sources:

- `merged`: an article's own event has a keyword and the date, but the entry that holds that article on that
  day is summarized by another report (`merged:summary`), or its cluster is dated another day (`merged:date`);
- `wrong-date`: an article's event has a keyword on another date — `reported` (one to three days after: the day
  it was reported or learned), `zone` (the day before: a time-zone aside), `side` (the same day of another month
  or year: a relative date resolved on the wrong side), `other`;
- `summary`: an event of that date comes from a sentence holding a keyword, but its summary (a clause) lacks it;
- `dropped:KIND`: a sentence holding a keyword names the date yet gave no event (KIND: the passage's kind —
  `prose`, `heading`, `caption`, `bullet`…: prose is a rule's veto, a plan, a report's day or a context clause);
- `no-date`: sentences hold a keyword but none names the date (the happening is told undated, or by a phrase the
  date scanner does not read);
- `no-word`: no sentence of its articles holds a keyword as written.
`--show` prints each event that is not `ok` and each duplicate; leave it off for the stories held as a check
set (count classes only, never read their sentences to write a rule).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_quality_floor import InProcessCLI, corpora, eval_scorer, own_events  # noqa: E402


def is_latin(text: str) -> bool:
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
    ("fragment", re.compile(r"(?:ごろ|頃|まで|ぶり|以来)[」』）)]*[。．]?\s*$")),  # ends before a predicate
    # a day counted from another sentence's: read against the wrong one, the entry takes its date
    ("same-day", re.compile(r"同日|同じ日|その日|当日|\b(?:the )?same day\b|\bthat (?:same )?(?:day|morning|night)\b")),
    # a date that modifies an event noun (「1月8日の事件」「昨年10月の選挙」"the Jan. 6 attack"): it names an earlier event
    (
        "noun-date",
        re.compile(
            r"[0-9０-９]+\s*[月日]の(?!うち|午前|午後|朝|夜|夕|未明|深夜|昼|時点)[\u4e00-\u9fff\u30a1-\u30fa]"
            r"|\bthe (?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? [a-z]{4,}"
            r"|\bthe (?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
            r"(?: \d{1,2})? (?!\d)[a-z]{4,}"
        ),
    ),
)


def shape(summary: str) -> str:
    tags = [name for name, rx in SHAPES if rx.search(summary)]
    return ("en:" if is_latin(summary) else "ja:") + ("+".join(tags) or "plain")


def _raw_events(db: Path, files: list[Path]) -> list[tuple[str, object, list, list]]:
    """(file name, parsed document, its events before clustering, each passage's date mentions) per file."""
    from bot.extract.dates import DateContext
    from bot.extract.discover import discover_actors
    from bot.extract.events import _iso, extract_events
    from bot.ingest.parse import parse_document
    from bot.ingest.pipeline import decode_file, open_store

    async def actors() -> object:
        store = await open_store(str(db), None)
        try:
            return store.actors
        finally:
            await store.close()

    index = asyncio.run(actors())
    out = []
    for f in files:
        parsed = parse_document(decode_file(f.read_bytes(), f.name), name=f.name, origin="file")
        new = discover_actors(parsed.passages, index)
        known = index.extended([(a.name, a.aliases, a.kind, a.description) for a in new]) if new else index
        events, _ = extract_events(parsed.passages, known, parsed.published)
        ctx = DateContext(_iso(parsed.published))
        scans = [
            ctx.scan(p.text, _iso(p.date), item=p.kind == "bullet") if p.kind != "caption" else []
            for p in parsed.passages
        ]
        out.append((f.name, parsed, events, scans))
    return out


def _date_gap(day: str, dates: list[str]) -> str:
    """How an event's date sits against a gold case's: `reported`, `zone`, `side` or `other`."""
    if len(day) != 10:
        return "other"
    d = dt.date.fromisoformat(day)
    golds = [dt.date.fromisoformat(g) for g in dates if len(g) == 10]
    if any(0 < (d - g).days <= 3 for g in golds):
        return "reported"
    if any((g - d).days == 1 for g in golds):
        return "zone"
    if any(d.day == g.day and d != g for g in golds):
        return "side"
    return "other"


def why_missed(g: dict, raw: list, events: list[dict], norm: object) -> tuple[str, str]:
    """Why the gold case `g` got no matching entry (the classes of the module's docstring), and the text that
    shows it (an event's summary or a sentence; printed by `--show` only)."""
    words = [norm(k) for k in g["keywords"]]  # type: ignore[operator]

    def worded(text: str) -> bool:
        return any(w and w in norm(text) for w in words)  # type: ignore[operator]

    docs = g.get("docs")
    mine = [
        r
        for r in raw
        if not docs or any(r[0] == d or r[0].startswith(d + "_") or r[0].startswith(d + ".") for d in docs)
    ]
    hits = [(name, ev) for name, _, evs, _ in mine for ev in evs if worded(ev.summary)]
    on_day = [(name, ev) for name, ev in hits if ev.date in g["dates"]]
    if on_day:
        held = {s.get("document") for e in events for s in e.get("sources") or [] if e.get("date") in g["dates"]}
        kind = "merged:summary" if any(name in held for name, _ in on_day) else "merged:date"
        return kind, on_day[0][1].summary
    if hits:
        gap, ev = min(((_date_gap(ev.date, g["dates"]), ev) for _, ev in hits), key=lambda x: GAPS.index(x[0]))
        return "wrong-date:" + gap, f"{ev.date} {ev.summary}"
    for _name, parsed, evs, _scans in mine:
        for ev in evs:
            if ev.date in g["dates"] and worded(parsed.passages[ev.passage_seq].text):
                return "summary", ev.summary
    dropped = [
        p
        for _name, parsed, _evs, scans in mine
        for p, found in zip(parsed.passages, scans, strict=True)
        if worded(p.text) and any(m.value in g["dates"] for m in found)
    ]
    if dropped:
        p = next((p for p in dropped if p.kind == "prose"), dropped[0])
        return "dropped:" + p.kind, p.text
    told = [p.text for _name, parsed, _evs, _scans in mine for p in parsed.passages if worded(p.text)]
    if told:
        return "no-date", " ‖ ".join(told[:3])
    return "no-word", ""


GAPS = ("reported", "zone", "side", "other")


def classify(name: str, db: Path, show: bool | str, shapes: Counter | None = None) -> tuple[Counter, Counter, Counter]:
    score = eval_scorer()
    cases, articles = corpora()[name]
    gold = score.load(cases / "timeline.jsonl")
    only = [a.name for a in articles] or None
    events = InProcessCLI(db)("timeline", "--json").get("events") or []
    events, gold = own_events(score, events, gold, only)
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
        langs = {is_latin(ev.get("summary", "")) for ev in evs}
        if len(langs) > 1:
            kind = "cross-lang"
        elif any(a & b for i, a in enumerate(docs) for b in docs[i + 1 :]):
            kind = "one-doc"
        else:
            kind = "same-lang"
        if len({ev.get("date") for ev in evs}) > 1:
            kind += ":dates"  # its entries on different days (a time zone, the day reported): not only wording apart
        dups[kind] += len(evs) - 1
        if show:
            print(
                f"  dup {kind:11} {gid}: " + " | ".join(f"{ev.get('date')} {ev.get('summary', '')[:50]}" for ev in evs)
            )
    missed: Counter[str] = Counter()
    lost = [g for g in gold if not g.get("optional") and not per_gold[g["id"]]]
    raw = _raw_events(db, articles) if lost else []
    for g in lost:
        why, witness = why_missed(g, raw, events, score.norm)
        missed[why] += 1
        if show:
            print(f"  missed {why:20} {g['id']} {g['dates'][0]} {g['about'][:80]}")
            print(f"         {witness[:400]!r}")
    return classes, dups, missed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dbdir", type=Path)
    ap.add_argument("stories", nargs="*")
    ap.add_argument("--show", action="store_true", help="print each event not ok and each duplicate")
    ap.add_argument("--all", action="store_true", help="with --show: print the events that are ok too")
    a = ap.parse_args()
    names = a.stories or sorted(
        n for n in corpora() if (a.dbdir / f"{n}.db").exists() and n not in ("dev_about", "seeds_about")
    )
    total: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    for name in names:
        classes, dups, missed = classify(name, a.dbdir / f"{name}.db", "all" if a.all and a.show else a.show, shapes)
        total.update(classes)
        total.update({f"dup:{k}": v for k, v in dups.items()})
        total.update({f"missed:{k}": v for k, v in missed.items()})
        row = " ".join(f"{k}={v}" for k, v in sorted(classes.items()))
        print(f"{name:16} {row} | dup {dict(dups)} | missed {dict(missed)}", flush=True)
    print("total", dict(sorted(total.items())))
    print("false events by shape", dict(shapes.most_common()))


if __name__ == "__main__":
    main()
