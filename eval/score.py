#!/usr/bin/env python3
"""Score the bot's answers against a gold set, through its command-line interface.

The project's copy of the team's shared scorer (same metrics, same CLI contract); the dev set is in
eval/dev/, our own stories in eval/stories/<story>/, and tests/test_quality_floor.py runs the same
scoring functions in-process against the floors in eval/floors.json.

Usage (from the project root):
    python eval/score.py                                 # the dev set (eval/dev), CLI "python -m bot"
    python eval/score.py --cases eval/dev/about          # free-text stance cases over the seeds
    python eval/score.py --cases eval/stories/ldp2024 --ingest eval/stories/ldp2024/*.txt --only-ingested -v
    python eval/score.py --cli "python -m bot" --cases DIR --ingest FILE... -v

The CLI contract it relies on (JSON on stdout, exit 0):
    CLI --db DB ingest PATH...          add sources (files, exit 0); seeds/ are already loaded on a new database
    CLI --db DB timeline --json         {"events": [{"date", "summary", "sources": [{"document", "url"}]}]}
    CLI --db DB stance ACTOR --json     {"actor": {"name"}, "statements": [{"topic", "position", "text", "sources"}]}
    CLI --db DB stance ACTOR --about TEXT --json    the same, for statements about a target named in free text
    CLI --db DB quote TEXT --json       {"matches": [{"score", "text", "speaker", "sources"}]}   (empty when not found)
"document" is the source's file name (or URL when it came from the web); "url" is the original outlet cited for that passage.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path


def norm(s):
    return "".join(unicodedata.normalize("NFKC", s or "").split()).lower()


def load(path):
    p = Path(path)
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()] if p.exists() else []


class CLI:
    def __init__(self, cli, db):
        self.base = [*shlex.split(cli), "--db", db]

    def __call__(self, *args, parse=True):
        r = subprocess.run(self.base + list(args), capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(args)[:80]} exited {r.returncode}: {r.stderr.strip()[-500:]}")
        return json.loads(r.stdout) if parse else r.stdout


def doc_matches(sources, doc):
    for s in sources or []:
        name = os.path.basename(str(s.get("document") or ""))
        if name == doc or name.startswith(doc + "_") or name.startswith(doc + "."):
            return True
    return False


def url_matches(sources, needle):
    return any(needle in str(s.get("url") or "") for s in sources or [])


def score_quotes(cli, cases, verbose):
    n = dict(doc=0, doc_ok=0, url=0, url_ok=0, spk=0, spk_ok=0, absent=0, absent_ok=0)
    for c in cases:
        try:
            matches = cli("quote", c["query"], "--json").get("matches") or []
        except Exception as e:  # a crash on a query is a miss, and is shown
            print(f"  ERROR {c['id']}: {e}")
            matches = []
        top = matches[0] if matches else {}
        fails = []
        if c["doc"] is None:
            n["absent"] += 1
            if matches:
                fails.append(f"expected no match, got {top.get('text', '')[:60]!r} score={top.get('score')}")
            else:
                n["absent_ok"] += 1
        else:
            n["doc"] += 1
            if doc_matches(top.get("sources"), c["doc"]):
                n["doc_ok"] += 1
            else:
                fails.append(f"doc {c['doc']} not in top sources {[s.get('document') for s in top.get('sources') or []]}")
            if c.get("url_contains"):
                n["url"] += 1
                if url_matches(top.get("sources"), c["url_contains"]):
                    n["url_ok"] += 1
                else:
                    fails.append(f"url ~{c['url_contains']} not in {[s.get('url') for s in top.get('sources') or []]}")
            if c.get("speaker"):
                n["spk"] += 1
                if any(norm(s) in norm(top.get("speaker")) for s in c["speaker"]) and top.get("speaker"):
                    n["spk_ok"] += 1
                else:
                    fails.append(f"speaker {c['speaker']} != {top.get('speaker')!r}")
        if verbose and fails:
            print(f"  quote {c['id']} [{c['kind']}] {c['query']!r}: " + "; ".join(fails))
    return n


def score_stance(cli, cases, verbose):
    """A case names its target by "topic" (a topic id) or by "about" (free text: `stance ACTOR --about TEXT`,
    where the topic of the statements returned is not checked)."""
    ok = 0
    cache = {}
    for c in cases:
        key = (c["actor"], c.get("about"))
        if key not in cache:
            args = ["stance", c["actor"], "--json"] + (["--about", c["about"]] if c.get("about") else [])
            try:
                cache[key] = cli(*args)
            except Exception as e:
                print(f"  ERROR stance {c['actor']}{' --about ' + c['about'] if c.get('about') else ''}: {e}")
                cache[key] = {}
        stmts = cache[key].get("statements") or []
        hit = [s for s in stmts if (c.get("about") or s.get("topic") == c["topic"]) and s.get("position") in c["position"]
               and norm(c["evidence"]) in norm(s.get("text")) and doc_matches(s.get("sources"), c["doc"])]
        ok += bool(hit)
        if verbose and not hit:
            near = [f"{s.get('topic')}/{s.get('position')}" for s in stmts if norm(c["evidence"]) in norm(s.get("text"))]
            print(f"  stance {c['id']} {c['actor']} {c.get('about') or c['topic']}={c['position']} ~{c['evidence']!r}: missing"
                  + (f" (evidence found as {near})" if near else ""))
    return ok, len(cases)


def score_timeline(cli, gold, verbose, only_docs=None):
    """P, R, dup and the number of events. only_docs: judge only events with a source among these file names
    (a corpus scored on its own, beside the seeds that every new database holds)."""
    events = cli("timeline", "--json").get("events") or []
    if only_docs:
        events = [ev for ev in events if any(doc_matches(ev.get("sources"), d) for d in only_docs)]
        gold = [g for g in gold if not g.get("docs") or any(
            n == d or n.startswith(d + "_") or n.startswith(d + ".") for d in g["docs"] for n in only_docs)]
    required = [g for g in gold if not g.get("optional")]

    def fits(ev, g):
        return ev.get("date") in g["dates"] and any(norm(k) in norm(ev.get("summary")) for k in g["keywords"])

    correct, per_gold = 0, {g["id"]: 0 for g in gold}
    for ev in events:
        hits = [g for g in gold if fits(ev, g)]
        if hits:
            correct += 1
            for g in hits:
                per_gold[g["id"]] += 1
        elif verbose:
            print(f"  timeline extra/wrong: {ev.get('date')} {ev.get('summary', '')[:70]!r}")
    found = [g for g in required if per_gold[g["id"]]]
    if verbose:
        for g in required:
            if not per_gold[g["id"]]:
                print(f"  timeline missing {g['id']} {g['dates'][0]} {g['about']}")
    precision = correct / len(events) if events else 0.0
    recall = len(found) / len(required) if required else 0.0
    dup = (sum(per_gold[g["id"]] for g in found) / len(found)) if found else 0.0
    return precision, recall, dup, len(events)


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=f"{shlex.quote(sys.executable)} -m bot")
    ap.add_argument("--cases", default=str(here / "dev"), help="folder with quotes.jsonl, stance.jsonl, timeline.jsonl")
    ap.add_argument("--ingest", nargs="*", default=[], help="files to add as new sources before scoring")
    ap.add_argument("--db", help="database path (default: a fresh temporary one)")
    ap.add_argument("--only-ingested", action="store_true",
                    help="timeline: judge only the events sourced in the --ingest files, against the gold rows of those files")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cli = CLI(a.cli, a.db or os.path.join(tmp, "eval.db"))
        if a.ingest:
            cli("ingest", *a.ingest, parse=False)
        cases = Path(a.cases)
        q = score_quotes(cli, load(cases / "quotes.jsonl"), a.verbose)
        s_ok, s_n = score_stance(cli, load(cases / "stance.jsonl"), a.verbose)
        gold = load(cases / "timeline.jsonl")
        tl = "timeline n/a"
        if gold:
            only = [Path(f).name for f in a.ingest] if a.only_ingested else None
            p, r, dup, n_ev = score_timeline(cli, gold, a.verbose, only)
            tl = f"timeline P {p:.2f} R {r:.2f} dup {dup:.2f} ({n_ev} events)"
    print(f"quote doc@1 {q['doc_ok']}/{q['doc']}  url@1 {q['url_ok']}/{q['url']}  speaker@1 {q['spk_ok']}/{q['spk']}"
          f"  absent {q['absent_ok']}/{q['absent']}  |  stance {s_ok}/{s_n}  |  {tl}")


if __name__ == "__main__":
    main()
