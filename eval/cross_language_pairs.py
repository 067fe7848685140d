"""A Japanese and an English report of one day left in two timeline entries: what they share, and what a rule that
joined them would join.

    python eval/cross_language_pairs.py DBDIR [STORY ...] [--rule NAME] [--show] [--days 1]

DBDIR holds one database per corpus named STORY.db (the folder `measure_some` or `python -m tests.test_quality_floor
DBDIR` leaves). For every pair of events of one story's own articles — one Japanese, one English, dated the same day,
stored in two clusters, and scored 0 by `same_event` — it reads what the two share across the scripts:

- `concepts`: event words of the kept lexicon in both (`~death`, `~signing`);
- `plain`: Japanese words whose JMdict glosses are plain words of the English report (`_translated_plainly`);
- `names`: names the bridge reads alike in katakana (or a kanji name's reading) and in Latin letters
  (`ScriptBridge.names` with no actor left out: ロストフ・ナ・ドヌー / Rostov-on-Don, ファルコン / Falcon);
- `people`: one party by the rules `_across_scripts` reads (a person in both, a name's key in both, the Japanese
  topic's word among the English names, a katakana person the English name sounds as).

Each pair is labelled by the gold cases its two summaries fit (date and keyword, as the scorer fits an entry):
`same` (a case both fit: most often one happening, but a broad keyword fits two), `diff` (each fits cases, none in
common), `one` (only one fits a case), `none`. `--rule` counts the pairs a candidate rule (a function below) would
join; `--show` prints them — leave it off for the stories held as a check set (count only).

`--days 1`: the pairs dated a day apart instead (a Japanese report of one day, an English one of the day before or
after, in two clusters, not vetoed), whatever `same_event` scores them (`score=` in `--show`): the day a time zone or a
report moves a happening to. Each is labelled by the gold cases its two summaries fit on their own dates as above, and
`word` when they fit none in common on their dates but a case's keyword is in both (the gold dates one of them only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.extract import event_match as em  # noqa: E402
from bot.extract.bridge import BRIDGE  # noqa: E402
from bot.extract.event_words import CONCEPT_PREFIX  # noqa: E402
from tests.test_quality_floor import corpora, eval_scorer  # noqa: E402

Sets = em.EventSets
# the acts and words of a saying: what a party said, told at a briefing or in a statement
SAYING = (
    frozenset(CONCEPT_PREFIX + c for c in ("say", "statement", "press_conference", "speech", "interview"))
    | em.SPEECH_ACTS
)


def concepts(a: Sets, b: Sets) -> int:
    return sum(t[:1] == CONCEPT_PREFIX for t in a.tokens & b.tokens)


def names(a: Sets, b: Sets) -> int:
    ja, en = (b, a) if a.latin else (a, b)
    return BRIDGE.names(ja.latin_names, en.names, frozenset())


def people(a: Sets, b: Sets) -> int:
    return max(len(a.persons & b.persons), len(a.names & b.names), em._named_across(a, b), em._sounded_across(a, b))


def said(s: Sets) -> bool:
    return bool(s.act and s.act <= SAYING) or not s.tokens.isdisjoint(SAYING)


# Candidate rules (each on two reports `same_event` scores 0), as measured in the forty-first round (README).
def party_and_word(a: Sets, b: Sets) -> bool:
    """One party and one event word (a concept in both or a plain word translated)."""
    return people(a, b) >= 1 and concepts(a, b) + em._translated_plainly(a, b) >= 1 and not em._acts_apart(a, b)


def name_and_word(a: Sets, b: Sets) -> bool:
    """A name read alike across the scripts and one event word, no party asked."""
    return names(a, b) >= 1 and concepts(a, b) + em._translated_plainly(a, b) >= 1 and not em._acts_apart(a, b)


def name_and_word_no_saying(a: Sets, b: Sets) -> bool:
    """`name_and_word`, neither a saying, neither naming two people."""
    return name_and_word(a, b) and not said(a) and not said(b) and len(a.persons) < 2 and len(b.persons) < 2


def party_and_name(a: Sets, b: Sets) -> bool:
    """One party and a second name read alike (the bridge with the party read as `_across_scripts` reads it)."""
    return people(a, b) >= 1 and names(a, b) >= 2 and not em._acts_apart(a, b)


def party_name_word(a: Sets, b: Sets) -> bool:
    """One party, a name read alike and one event word."""
    return people(a, b) >= 1 and name_and_word(a, b)


def _skeletons(names_: frozenset[str]) -> list[str]:
    return [n for n in names_ if n[:1] == "%" and n[1:2] != "%"]


def unmatched_on_each_side(a: Sets, b: Sets) -> bool:
    """Each report names someone the other does not: a name's skeleton on each side that none on the other is
    close to (カルデナス and Kowalczyk)."""
    ja, en = (b, a) if a.latin else (a, b)
    sj, se = _skeletons(ja.latin_names), _skeletons(en.names)

    def alone(mine: list[str], theirs: list[str]) -> bool:
        return any(not any(BRIDGE.close(m, t) for t in theirs) for m in mine)

    return alone(sj, se) and alone(se, sj)


def name_and_more(a: Sets, b: Sets) -> bool:
    """A name read alike and one more thing (a party, a concept or a plain word), neither a saying, no two people,
    no name on each side the other lacks. The kept rule (`event_match._named_alike`) asks an event word: with a party
    alone the same person's name counted as the name read alike (`tests/test_timeline_bridge.py`)."""
    return (
        names(a, b) >= 1
        and not said(a)
        and not said(b)
        and len(a.persons) < 2
        and len(b.persons) < 2
        and (people(a, b) or concepts(a, b) or em._translated_plainly(a, b))
        and not em._acts_apart(a, b)
        and not unmatched_on_each_side(a, b)
    )


RULES: dict[str, Callable[[Sets, Sets], bool]] = {
    f.__name__: f
    for f in (party_and_word, name_and_word, name_and_word_no_saying, party_and_name, party_name_word, name_and_more)
}


def pairs(db: Path, story: str, days: int = 0) -> list[tuple[str, tuple, tuple, Sets, Sets]]:
    """(label, Japanese row, English row, their sets) for each pair of one day's reports in two clusters that
    `same_event` scores 0; a row is (id, cluster, date, summary). `days=1`: each pair of reports a day apart in two
    clusters that `same_event` does not veto."""
    score = eval_scorer()
    cases, articles = corpora()[story]
    gold = score.load(cases / "timeline.jsonl")
    own = {a.name for a in articles}
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT e.id, e.cluster_id, e.date, e.features, e.summary, d.name FROM events e"
            " JOIN documents d ON d.id = e.document_id WHERE e.precision = 'day'"
        ).fetchall()
    finally:
        con.close()

    def fits(date: str | None, summary: str) -> set[str]:
        text = score.norm(summary)
        return {
            g["id"]
            for g in gold
            if (date is None or date in g["dates"]) and any(score.norm(k) in text for k in g["keywords"])
        }

    by_day: dict[str, list[tuple]] = defaultdict(list)
    for r in rows:
        if r[5] in own:
            by_day[r[2]].append((r[0], r[1], r[2], r[4], em.event_sets(json.loads(r[3]))))
    out = []
    for day, day_rows in by_day.items():
        ja = [r for r in day_rows if not r[4].latin]
        if days:
            near = [(dt.date.fromisoformat(day) + dt.timedelta(days=k)).isoformat() for k in (-days, days)]
            en = [r for d in near for r in by_day.get(d, ()) if r[4].latin]
        else:
            en = [r for r in day_rows if r[4].latin]
        for a, b in itertools.product(ja, en):
            found = em.same_event_sets(a[4], b[4])
            if a[1] == b[1] or (found < 0 if days else found != 0):
                continue
            fa, fb = fits(a[2], a[3]), fits(b[2], b[3])
            label = "same" if fa & fb else "diff" if fa and fb else "one" if fa or fb else "none"
            if days and label != "same" and fits(None, a[3]) & fits(None, b[3]):
                label = "word"
            out.append((label, a[:4], b[:4], a[4], b[4]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dbdir", type=Path)
    ap.add_argument("stories", nargs="*")
    ap.add_argument("--rule", choices=sorted(RULES), help="count the pairs this candidate rule would join")
    ap.add_argument("--show", action="store_true", help="print each pair counted")
    ap.add_argument("--days", type=int, default=0, choices=(0, 1), help="1: the pairs dated a day apart")
    a = ap.parse_args()
    names_ = a.stories or sorted(n for n in corpora() if (a.dbdir / f"{n}.db").exists() and n != "dev")
    rule = RULES.get(a.rule or "")
    total: Counter[str] = Counter()
    for story in names_:
        found: Counter[str] = Counter()
        for label, ja, en, sa, sb in pairs(a.dbdir / f"{story}.db", story, a.days):
            if rule is not None and not rule(sa, sb):
                continue
            found[label] += 1
            if a.show:
                shared = f"concepts={concepts(sa, sb)} plain={em._translated_plainly(sa, sb)} names={names(sa, sb)}"
                scored = f" score={em.same_event_sets(sa, sb):.2f} EN {en[2]}" if a.days else ""
                print(
                    f"  {label:4} {ja[2]} {shared} people={people(sa, sb)}{scored}\n     JA {ja[3][:110]}\n"
                    f"     EN {en[3][:110]}"
                )
        total.update(found)
        print(f"{story:16} {dict(found)}", flush=True)
    print("total", dict(total))


if __name__ == "__main__":
    main()
