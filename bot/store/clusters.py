"""Event clusters (the events that report one real event), kept up to date as events are written.

A cluster's date, representative event and filter rows (cluster_actors, cluster_topics) are
computed at write time, so that /timeline reads one page of clusters in index order instead of
merging every event of the store on each request.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date as date_cls
from datetime import timedelta
from typing import Any, NamedTuple

import aiosqlite

from bot.store.syncdb import SyncDB

# Up to this many members a joining event re-chooses the representative among all of them (the
# choice weighs what each member shares with the others); beyond it, the newcomer only competes
# with the current representative, so a join costs the same however often an event was reported.
EXACT_LIMIT = 8

MEMBER_COLUMNS = "id, date, precision, summary, background, weight, features"
# The schema version whose migration made the cluster tables: a store migrated from before it has its
# clusters rebuilt from the events it holds, by today's rules, once the last migration has run.
TABLES_SINCE_SCHEMA = 5


class Member(NamedTuple):
    id: int
    date: str
    precision: str
    summary: str
    background: bool
    weight: float
    features: dict[str, Any]

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Member:
        return cls(row[0], row[1], row[2], row[3], bool(row[4]), row[5], json.loads(row[6]))

    @property
    def report(self) -> bool:
        """Dated by its report (a headline) rather than by the event itself."""
        return bool(self.features.get("report"))

    def terms(self) -> set[str]:
        return set(self.features.get("tokens", [])) | {f"@{p}" for p in self.features.get("persons", [])}


@dataclass(slots=True)
class ClusterState:
    date: str
    precision: str
    background: bool
    representative: int
    members: int
    day_dates: dict[str, int]  # reports dated to the day, per date


FIGURE_PREFIX = "#"  # a figure among an event's tokens (`bot.extract.event_words.NUMBER_PREFIX`)


def _own_key(m: Member, shared: int = 0) -> tuple:
    """Rank of a member as the cluster's representative: a report of the event, dated to the day, saying
    most (what it shares with the other reports, its own content words, and who did it), then prose, whole."""
    named = 2 * len(m.features.get("persons", []))
    # its own words, not its figures (`#7.6`, `#210000`): a figure tells reports apart or together (`same_event`),
    # it says no more
    words = sum(1 for t in m.terms() if not t.startswith(FIGURE_PREFIX))
    return (
        not m.report,
        m.precision == "day",
        not m.summary.endswith("…"),
        # a sentence naming its doer only by a word pointing back (「同氏は」「首相は」: `ref`) says less than the one it
        # points back to
        not any(r[:1] != "@" for r in m.features.get("ref", ())),
        shared + words + named,
        m.weight,
        -m.id,
    )


def representative(members: Sequence[Member]) -> Member:
    """The member that says most of what the cluster's reports say."""
    terms = [m.terms() for m in members]
    union: Counter[str] = Counter()
    for t in terms:
        union.update(t)
    best = max(range(len(members)), key=lambda i: _own_key(members[i], sum(union[t] - 1 for t in terms[i])))
    return members[best]


def _most_reported(day_dates: dict[str, int]) -> str:
    """The date most reports give (ties: the earliest)."""
    return min(day_dates, key=lambda d: (-day_dates[d], d))


def _state(best: Member, day_dates: dict[str, int], background: bool, members: int) -> ClusterState:
    if day_dates:
        date, precision = _most_reported(day_dates), "day"
    else:
        date, precision = best.date, best.precision
    return ClusterState(date, precision, background, best.id, members, day_dates)


def choose(members: Sequence[Member]) -> ClusterState:
    """A cluster's state from all its members (headlines count for the date only when nothing else does)."""
    best = representative(members)
    reports = [m for m in members if not m.report] or members
    day_dates = dict(Counter(m.date for m in reports if m.precision == "day"))
    return _state(best, day_dates, all(m.background for m in members), len(members))


def join(state: ClusterState, current: Member, new: Member) -> ClusterState:
    """The state after `new` joins a large cluster whose representative is `current`."""
    day_dates = dict(state.day_dates)
    if not new.report and new.precision == "day":
        day_dates[new.date] = day_dates.get(new.date, 0) + 1
    best = new if _own_key(new) > _own_key(current) else current
    return _state(best, day_dates, state.background and new.background, state.members + 1)


# --- storage ---------------------------------------------------------------------------------------

CANDIDATES = 400  # stored events of a date compared with a new one (the first ones stored)
EARLIER = 100  # events of the same document and date compared with a new one: a cluster per date is bounded
# Two events of one article are two happenings unless they say much the same (a lead restated below):
# an article reports each happening once, so its own events merge only on this score or more.
SAME_DOCUMENT_SCORE = 0.5
# Two events of one article dated each other's other time zone's day (「現地時間の18日夜、…停止しました」 and 「日本時間の
# 19日午後0時半ごろから、…利用できません」): one moment told on both sides of the date line, so they join on less.
SAME_MOMENT_SCORE = 0.3
# Features of two events → how surely do they report the same event (0 or False: not the same; negative:
# surely two happenings, so the new event joins no cluster that one is in)? Never positive for two events
# that share no content word ("tokens") and no person ("persons"): candidates are narrowed on that promise.
# A rule may widen that promise with `cross_words(features)`: words of another language that the other event's
# content words may hold instead (a Japanese report's words in English), and `compared_widely(features)`: whether
# stored events that share nothing written with this one may hold one of this one's words in their cross words
# (an English report): those are then all read; and `bridge_names(features)`: names (a name's skeleton in Latin
# letters) a stored event may hold instead of a word or a person (ドリスコル and Driscoll).
# `apart_in_one_article(a, b)`: whether two events of one document are two happenings whatever their score (an
# article tells two parties' doings apart; two outlets' reports may name different parties for one happening): the
# new event then joins no cluster the earlier one is in.
# `retold_in_one_article(earlier, later)`: whether a later event of one document tells more of an earlier one of its
# day (a sentence about the happening itself after the lead, or the lead's act told again at its hour): the later one
# then joins it on any score short of a veto.
# `restated_in_one_article(earlier, later)`: whether a later event of one document tells an earlier one of its day again
# with the doer the earlier's topic left unread: it then joins on SAME_MOMENT_SCORE instead of SAME_DOCUMENT_SCORE.
# `fragment_of(whole, tail)`: whether an event's summary (`tail`) is the end of an earlier-dated event's sentence of its
# document cut at a later date its words name (`bot.extract.date_fragment`): it then joins that event's cluster.
# `refers_back(features)`: whether an event names its doer only by a word pointing back (同氏, a bare title): it is then
# read against every earlier event of its document and date, sharing a word or not, for `retold_in_one_article`.
# `vetoes = (key, differ)`: over the prepared form (`prepared`), compare(x, y) < 0 exactly when differ(key(x), key(y));
# `merge_bridged` then asks each distinct pair of keys of two clusters once instead of comparing every pair.
# Of several matching clusters the best scored is joined.
SameEvent = Callable[[dict, dict], float]
# A report that matches two clusters this surely (or more) bridges them: two reports of one happening that did
# not match each other (two outlets' wordings, a Japanese and an English report, the day reported and the day it
# happened) are one cluster once a third report tells what each told. Checked once that report is written
# (`Batch.finish`): never two clusters one article tells apart (a document in both) or whose reports' acts differ.
BRIDGE_SCORE = 0.5
# A report that joins a cluster of reports in its own language (Japanese or English, `compared_widely`) and matches one
# of the other language's reports in another cluster bridges the two on less: scores across the languages run lower
# (few words are shared as written: a gloss, a name heard alike, a figure), and a Japanese and an English report of one
# happening are otherwise left apart whenever its first reports in each language did not match each other (the
# wire's lead and a Japanese paper's, whose words the glosses miss) — a later report that reads as both joins them.
# Only a report dated to the day, and the other language's report of that day (or of its other time zone's day), when
# the two do not name two different people (each names a person the other does not: two people's doings or words).
# Above this score: words shared or translated, not a name read alike alone (`event_match.BRIDGED_SCORE`, 0.3: the
# Vatican's word on how the pope died, in English, and the Japanese reports of his death share only his name and
# the incident; the gold holds the two apart).
ACROSS_BRIDGE_SCORE = 0.3
# Members of each cluster read to check a bridge (the first stored): enough to find an article in both.
BRIDGE_READ = 60


def _cross(same_event: SameEvent | None, features: dict) -> frozenset[str]:
    widen = getattr(same_event, "cross_words", None)
    return widen(features) if widen is not None else frozenset()


def _bridges(same_event: SameEvent | None, features: dict) -> frozenset[str]:
    """The rule's `bridge_names` of these features: names a stored event may share with this one instead of a
    word or a person (the same name in two scripts)."""
    names = getattr(same_event, "bridge_names", None)
    return frozenset(names(features)) if names is not None else frozenset()


def _widely(same_event: SameEvent | None, features: dict) -> bool:
    widely = getattr(same_event, "compared_widely", None)
    return bool(widely(features)) if widely is not None else False


class _Features:
    """Stored event features, decoded when first compared (most candidates never are)."""

    __slots__ = ("__weakref__", "_cross", "_prepared", "_raw", "_report", "_value", "_words")

    def __init__(self, raw: str | dict, value: dict | None = None) -> None:
        self._raw = raw
        self._value: dict | None = raw if isinstance(raw, dict) else value
        self._words: tuple[frozenset, frozenset] | None = None
        self._report: bool | None = None
        self._prepared: Any = None
        self._cross: frozenset[str] | None = None

    def cross(self, same_event: SameEvent | None) -> frozenset[str]:
        """The rule's `cross_words` of these features, made once."""
        if self._cross is None:
            self._cross = _cross(same_event, self.value)
        return self._cross

    def prepared(self, prepare: Callable[[dict], Any]) -> Any:
        """The features in the form the rule's `prepared` comparison reads, made once."""
        if self._prepared is None:
            self._prepared = prepare(self.value)
        return self._prepared

    @property
    def value(self) -> dict:
        if self._value is None:
            self._value = json.loads(self._raw)
        return self._value

    @property
    def words(self) -> tuple[frozenset, frozenset]:
        """(content words, persons): two events that share neither are never compared."""
        if self._words is None:
            v = self.value
            self._words = (frozenset(v.get("tokens") or ()), frozenset(v.get("persons") or ()))
        return self._words

    @property
    def report(self) -> bool:
        """Dated by its report (a headline)."""
        if self._report is None:
            self._report = bool(self.value.get("report"))
        return self._report


def _candidate_key(m: Member) -> tuple[str, ...]:
    """Which stored events a new one is compared with: its day; any day of its month; a headline also
    the day before (a report may be dated the morning after); an event dated in one time zone also the
    day it was in the other (a Japanese report's 「日本時間17日」 is an English report's 16th); a day
    also the reports of its month that give no day."""
    if m.precision == "month":
        return ("month", m.date)
    if m.precision != "day":
        return ("day", m.date)
    dates = [m.date]
    if m.report:
        dates.append((date_cls.fromisoformat(m.date) - timedelta(days=1)).isoformat())
    alt = m.features.get("alt")
    if alt and alt not in dates:
        dates.append(alt)  # 「16日（日本時間17日）」: the other time zone's day too
    dates.append(m.date[:7])  # 「昨年12月に…報じた」: a report that gives the month only
    return ("days", *dates)


def _candidate_sql(key: tuple[str, ...]) -> tuple[str, list[str]]:
    """One key's candidates in one query, in the order `Candidates` keeps them (its day's first stored,
    then the day before's; a month's by date)."""
    base = "SELECT cluster_id, date, features FROM events WHERE "
    if key[0] == "month":
        return base + f"date >= ? AND date < ? ORDER BY date, id LIMIT {CANDIDATES}", [key[1], key[1] + "-99"]
    if key[0] == "days":
        marks = ", ".join("?" * (len(key) - 1))
        return base + f"date IN ({marks}) ORDER BY date DESC, id LIMIT {CANDIDATES}", list(key[1:])
    return base + f"date = ? ORDER BY id LIMIT {CANDIDATES}", [key[1]]


# A stored event that shares no content word and no person with the new ones cannot report the same
# event (`SameEvent` promises as much): SQLite says which share something, so only those are decoded.
_SHARES = (
    "EXISTS (SELECT 1 FROM json_each(features, '$.tokens') WHERE value IN (SELECT value FROM json_each(?)))"
    " OR EXISTS (SELECT 1 FROM json_each(features, '$.persons') WHERE value IN (SELECT value FROM json_each(?)))"
    " OR EXISTS (SELECT 1 FROM json_each(features, '$.names') WHERE value IN (SELECT value FROM json_each(?)))"
    # the skeletons of a doer's name (`same_doer`: ブリンケン and Blinken, %brnkn) against the bridge names
    " OR EXISTS (SELECT 1 FROM json_each(features, '$.doer') WHERE value IN (SELECT value FROM json_each(?)))"
)


def _in_key(key: tuple[str, ...], date: str) -> bool:
    if key[0] == "month":
        return key[1] <= date < key[1] + "-99"
    return date in key[1:]


Candidate = tuple[int, str, "_Features | None"]  # (cluster id, date, features; None: shares nothing)
# What is read from the store for a key: a day's events ("day", date) or a month's ("month", "YYYY-MM"),
# the first CANDIDATES of each in (date, id) order; a headline's key reads two days.
Unit = tuple[str, str]


def _units(key: tuple[str, ...]) -> list[Unit]:
    """The units a key reads; a day's key also reads the reports of the days around it that give it as their
    other time zone's day (「日本時間の8日未明」 is a Washington report's 7th: the 7th's events find it too)."""
    if key[0] == "month":
        return [("month", key[1])]
    units: list[Unit] = [("day", d) for d in key[1:]]
    return [*units, ("alt", key[1])] if key[0] == "days" else units


def _neighbours(day: str) -> list[str]:
    d = date_cls.fromisoformat(day)
    return [(d - timedelta(days=1)).isoformat(), (d + timedelta(days=1)).isoformat()]


# The events dated in the other time zone's day too: the condition of the partial index `events_alt` (migration 18),
# spelled as there (SQLite reads a partial index only for a query that names its condition).
ALT_EVENTS = """features LIKE '%"alt": "%'"""


def _unit_sql(unit: Unit) -> tuple[str, list[str]]:
    base = "SELECT id, cluster_id, date, features FROM events WHERE "
    if unit[0] == "month":
        return base + f"date >= ? AND date < ? ORDER BY date, id LIMIT {CANDIDATES}", [unit[1], unit[1] + "-99"]
    if unit[0] == "alt":  # `ALT_EVENTS` is implied by the exact pattern: it only lets the partial index be read
        return (
            base + f"date IN (?, ?) AND {ALT_EVENTS} AND features LIKE ? ORDER BY date, id LIMIT {CANDIDATES}",
            [*_neighbours(unit[1]), f'%"alt": "{unit[1]}"%'],
        )
    return base + f"date = ? ORDER BY id LIMIT {CANDIDATES}", [unit[1]]


def _in_unit(unit: Unit, m: Member) -> bool:
    """Whether an event belongs to what a unit reads."""
    if unit[0] == "alt":
        return m.features.get("alt") == unit[1] and m.date in _neighbours(unit[1])
    return _in_key(unit, m.date)


class _Postings:
    """Where (their places in a unit's list) the candidates are that hold each content word, each person and each name
    or doer's name, and which are headlines: `_compared` passes no other candidate of the unit."""

    __slots__ = ("names", "persons", "reports", "words")

    def __init__(self, lst: Sequence[tuple[tuple[str, int], Candidate]]) -> None:
        self.words: dict[str, list[int]] = {}
        self.persons: dict[Any, list[int]] = {}
        self.names: dict[str, list[int]] = {}
        self.reports: set[int] = set()
        for place, (_, (_, _, features)) in enumerate(lst):
            if features is not None:
                self.add(place, features)

    def add(self, place: int, features: _Features) -> None:
        words, people = features.words  # made once per features object (`_Features.words`)
        for table, keys in (
            (self.words, words),
            (self.persons, people),
            (self.names, (*(features.value.get("names") or ()), *(features.value.get("doer") or ()))),
        ):
            for k in keys:
                found = table.get(k)
                if found is None:
                    table[k] = [place]
                else:
                    found.append(place)
        if features.report:
            self.reports.add(place)

    def sharing(self, either: frozenset, persons: frozenset, bridges: frozenset, report: bool) -> list[int]:
        """The places, in order, of the candidates that share a word with `either`, a person or a name with `bridges`
        (a headline's: of those that are no headline)."""
        hits: set[int] = set()
        for table, probes in ((self.words, either), (self.persons, persons), (self.names, bridges)):
            if probes and table:
                # (the smaller side iterated, in C)
                common = probes.intersection(table) if len(table) < len(probes) else table.keys() & probes
                for k in common:
                    hits.update(table[k])
        if report and hits:
            hits -= self.reports
        return sorted(hits)


class Candidates:
    """The stored events that the new events of one write transaction are compared with.

    Read once for a whole batch of documents (the first CANDIDATES events of every day and month its
    events need, their features only where they share a word or a person with one of them), then kept
    up to date with the events the batch writes, in the order and within the limit the query would
    give: each document meets exactly the candidates a query of its own would have read.
    """

    def __init__(self, same_event: SameEvent | None = None, *, kept: bool = False) -> None:
        self._units: dict[Unit, list[tuple[tuple[str, int], Candidate]]] = {}
        self._same_event = same_event
        # Kept from one write transaction to the next (the bulk writer, while no other connection writes):
        # then never narrowed, since a later batch's events share other words.
        self.kept = kept
        # The rule's sets of the reports `merge_bridged` read, kept with the candidates (`PreparedSets`).
        self.bridge_sets = PreparedSets()
        # One `_Features` per distinct stored text among the candidates held (`_shared`), while a unit holds it.
        self._by_text: weakref.WeakValueDictionary[str, _Features] = weakref.WeakValueDictionary()
        # The units that may hold a candidate of each cluster (a superset: a unit forgotten or a candidate pushed
        # out of its unit stays listed), made by the first `relabel` from what is held and kept up to date by
        # `load` and `add` from then on, so that a merge rewrites the units holding its clusters only.
        self._where: dict[int, set[Unit]] | None = None
        # Per day's unit read (its list only ever grows at its end: an event written later has a larger id), where
        # its candidates are that hold each word, person and name (`_Postings`), made by the first `sharing` of the
        # unit and kept up to date by `add`: a new event visits only the candidates it shares something with.
        self._postings: dict[Unit, _Postings] = {}

    def _shared(self, raw: str, value: dict | None = None) -> _Features:
        """The candidates' features of this stored text: one object for every stored event written with the same
        features (a story republished or updated by its outlet tells its sentences again, and each is the same event
        again), so their decoding and the rule's sets are made once, and `match_events` scores a new event against
        them once (its memo is by object)."""
        found = self._by_text.get(raw)
        if found is None:
            found = _Features(raw, value)
            self._by_text[raw] = found
        return found

    @property
    def size(self) -> int:
        """Candidates held, over every unit read."""
        return sum(len(lst) for lst in self._units.values())

    async def load(self, db: aiosqlite.Connection, events: Iterable[Member], *, narrow: bool = True) -> None:
        """Read the units `events` need that are not read yet. `narrow`: decode only the stored events
        that share a word or person with one of `events` (a later event of another unit's batch would
        not be covered: pass every event of the transaction, or narrow=False)."""
        narrow = narrow and not self.kept
        needs: dict[Unit, tuple[set[str], set[int], set[str], list[bool]]] = {}
        for m in events:
            try:
                units = _units(_candidate_key(m))
            except ValueError:  # a malformed date: its document fails on its own, in its savepoint
                continue
            for u in units:
                if u in self._units:
                    if self.kept:  # used again: the last to go when the kept set is trimmed (`trim`)
                        self._units[u] = self._units.pop(u)
                    continue
                tokens, persons, names, everything = needs.setdefault(u, (set(), set(), set(), [not narrow]))
                names.update(_bridges(self._same_event, m.features))
                tokens.update(m.features.get("tokens") or ())
                tokens.update(_cross(self._same_event, m.features))
                if _widely(self._same_event, m.features):
                    everything[0] = True  # stored reports in another language: their words are not in SQL's reach
                people = m.features.get("persons") or ()
                persons.update(people)
                if any(p < 0 for p in people):  # an actor not stored yet: its stored id is not known here
                    everything[0] = True
        wanted = list(needs)
        for i in range(0, len(wanted), 100):  # SQLite allows 500 terms in a compound SELECT
            chunk = wanted[i : i + 100]
            parts, params = [], []
            for j, unit in enumerate(chunk):
                sql, values = _unit_sql(unit)
                tokens, persons, names, everything = needs[unit]
                if everything[0]:
                    parts.append(f"SELECT {j}, id, cluster_id, date, features FROM ({sql})")
                else:
                    parts.append(
                        f"SELECT {j}, id, cluster_id, date, CASE WHEN {_SHARES} THEN features END FROM ({sql})"
                    )
                    params += [
                        json.dumps(sorted(tokens), ensure_ascii=False),
                        json.dumps(sorted(persons)),
                        json.dumps(sorted(names), ensure_ascii=False),
                        json.dumps(sorted(names), ensure_ascii=False),
                    ]
                params += values
                self._units[unit] = []
                self._postings.pop(unit, None)
            where = self._where
            for j, event_id, cluster_id, date, features in await _fetchall(db, " UNION ALL ".join(parts), params):
                self._units[chunk[j]].append(
                    ((date, event_id), (cluster_id, date, None if features is None else self._shared(features)))
                )
                if where is not None:
                    where.setdefault(cluster_id, set()).add(chunk[j])

    def trim(self, limit: int) -> int:
        """Forget the units least recently needed until at most `limit` candidates are held; returns how many
        units went. A unit forgotten is read again from the store when an event needs it, and the store then
        holds exactly what it held (every batch that added to it committed): the result is the same, only
        the reading is repeated. (A kept set over its cap was dropped whole before: past ~35,000 articles
        of the bench corpus every batch then read all its units again.)"""
        size, dropped = self.size, 0
        for unit in list(self._units):
            if size <= limit:
                break
            size -= len(self._units.pop(unit))
            self._postings.pop(unit, None)
            dropped += 1
        return dropped

    def stored(self, key: tuple[str, ...]) -> list[Candidate]:
        out: list[Candidate] = []
        for u in _units(key):  # the first CANDIDATES of the units' lists in turn, without copying the rest
            room = CANDIDATES - len(out)
            if room <= 0:
                break
            out.extend(c for _, c in self._units.get(u, ())[:room])
        return out

    def sharing(
        self, key: tuple[str, ...], either: frozenset, persons: frozenset, bridges: frozenset, report: bool
    ) -> list[Candidate]:
        """The candidates of `stored(key)`, in its order and within its cut, that `_compared` may pass for a new event
        whose words and their translations (`either`), persons, bridge names and headline (`report`) these are,
        unless stored reports' cross words may hold its words (`compared_widely`: read `stored(key)` for that one).
        A day's unit gives those that share a word, a person or a name (`_Postings`); another (a month's, the other
        time zone's day) all it holds, as `stored` does. The kept candidates only (`kept`: never narrowed)."""
        out: list[Candidate] = []
        taken = 0
        for u in _units(key):
            room = CANDIDATES - taken
            if room <= 0:
                break
            lst = self._units.get(u)
            if not lst:
                continue
            taken += min(room, len(lst))
            if u[0] != "day":
                out.extend(c for _, c in lst[:room])
                continue
            postings = self._postings.get(u)
            if postings is None:
                postings = self._postings[u] = _Postings(lst)
            hits = postings.sharing(either, persons, bridges, report)
            if hits:
                if hits[-1] >= room:
                    del hits[bisect.bisect_left(hits, room) :]
                out.extend([lst[i][1] for i in hits])
        return out

    def relabel(self, into: dict[int, int]) -> None:
        """Clusters merged into others (`Batch.finish`, {merged: the cluster it is now part of}): the candidates held
        name the cluster each is now in, as a read from the store now would. Done once per merge, not on every read
        (`stored` remapped each key's candidates for every document after the first merge of a bulk run)."""
        if not into:
            return
        where = self._where
        if where is None:  # the first merge: which units hold each cluster, from what is held
            where = self._where = {}
            for unit, lst in self._units.items():
                for _, (cluster_id, _, _) in lst:
                    where.setdefault(cluster_id, set()).add(unit)
        # Only the units listed for a merged cluster can hold one of its candidates (every other unit was left as it
        # was by the scan of every unit this replaces: ~100,000 candidates a merge once a bulk run's kept set is full).
        moved = [(final, where.pop(gone, None)) for gone, final in into.items()]  # all taken before any is given
        touched: set[Unit] = set()
        for final, units in moved:
            if units:
                touched |= units
                where.setdefault(final, set()).update(units)
        units_held = self._units
        for unit in touched:
            lst = units_held.get(unit)
            if lst is None:  # forgotten (`trim`): read again from the store when needed
                continue
            for i, (order, (cluster_id, date, features)) in enumerate(lst):
                if cluster_id in into:
                    lst[i] = (order, (into[cluster_id], date, features))

    def add(self, events: Sequence[Member], cluster_ids: Sequence[int]) -> None:
        """Events just written (in id order) become candidates of the units they fall in."""
        for m, cluster_id in zip(events, cluster_ids, strict=True):
            entry: tuple[tuple[str, int], Candidate] | None = None
            alt = m.features.get("alt")
            for unit in (("day", m.date), ("month", m.date[:7]), *((("alt", alt),) if alt else ())):
                lst = self._units.get(unit)
                if lst is None or not _in_unit(unit, m):
                    continue
                if len(lst) < CANDIDATES or (m.date, m.id) < lst[-1][0]:
                    appended = not lst or lst[-1][0] < (m.date, m.id)
                    if entry is None:  # keyed by the text the store holds for it (`Store` writes it so)
                        features = self._shared(json.dumps(m.features, ensure_ascii=False), m.features)
                        entry = ((m.date, m.id), (cluster_id, m.date, features))
                    bisect.insort(lst, entry, key=lambda e: e[0])
                    del lst[CANDIDATES:]
                    if self._where is not None:
                        self._where.setdefault(cluster_id, set()).add(unit)
                    postings = self._postings.get(unit)
                    if postings is not None:
                        if appended:
                            postings.add(len(lst) - 1, features)
                        else:  # (not a day's unit's way) its places moved: made again when next needed
                            del self._postings[unit]


class Batch:
    """Clustering for the documents of one write transaction: the candidates read once, each document's
    events matched in turn, and the clusters' states updated once at the end (`finish`) exactly as if
    each document had updated them after the one before."""

    def __init__(self, same_event: SameEvent | None, candidates: Candidates | None = None) -> None:
        self.same_event = same_event
        self.candidates = candidates if candidates is not None else Candidates(same_event)
        self.groups: list[list[Joined]] = []
        self.guilds: list[int] = []
        self.bridges: list[tuple[int, int]] = []  # (cluster, cluster) pairs a written report matched both of
        self._pending: list[tuple[int, int]] = []  # those of the document being written

    async def assign(self, db: aiosqlite.Connection, events: Sequence[Member]) -> list[int]:
        """The cluster of each of a document's new events (see `assign`)."""
        self._pending = []
        if self.same_event is None:
            return [m.id for m in events]
        await self.candidates.load(db, events, narrow=False)  # only what `prepare` did not read
        if self.candidates.kept:  # indexed by their keys: each event visits only the candidates it shares one with
            return await _cpu(db, match_events, events, {}, self.same_event, self._pending, self.candidates)
        stored = {key: self.candidates.stored(key) for key in {_candidate_key(m) for m in events}}
        return await _cpu(db, match_events, events, stored, self.same_event, self._pending)

    def written(self, joined: Sequence[Joined], guild_id: int = 0) -> None:
        """A document's events are stored (its savepoint released): later documents compare with them.
        `guild_id`: the document's server (0: shared)."""
        pending, self._pending = self._pending, []
        if not joined:
            return
        self.candidates.add([m for _, m, _, _ in joined], [c for c, *_ in joined])
        self.groups.append(list(joined))
        self.guilds.append(guild_id)
        if guild_id == 0:  # a server's own report does not reshape what every server sees
            self.bridges.extend(pending)

    async def finish(self, db: aiosqlite.Connection) -> set[int]:
        """The clusters' states updated, then the clusters the batch's reports bridged merged (`merge_bridged`).
        Returns the clusters a merge changed or emptied (their server views are to be written again)."""
        groups, guilds, self.groups, self.guilds = self.groups, self.guilds, [], []
        bridges, self.bridges = self.bridges, []
        await add_member_groups(db, groups, guilds)
        if not bridges or self.same_event is None:
            return set()
        moved = await merge_bridged(db, bridges, self.same_event, self.candidates.bridge_sets)
        self.candidates.relabel(moved)  # each merged cluster's final one: an earlier merge's survivor merged in turn
        return {*moved, *moved.values()}


async def merge_bridged(
    db: aiosqlite.Connection,
    bridges: Sequence[tuple[int, int]],
    same_event: SameEvent,
    prepared: PreparedSets | None = None,
) -> dict[int, int]:
    """Merge each pair of clusters a report bridged (the older id stays) unless an article is in both (it told
    them apart) or two of their reports are surely different happenings (`same_event` negative). Returns
    {merged cluster: the cluster it is now part of}. `prepared`: the rule's sets of features read before, by
    their stored text (`PreparedSets`), kept by the caller from one call to the next."""
    into: dict[int, int] = {}

    def root(c: int) -> int:
        while c in into:
            c = into[c]
        return c

    for a, b in bridges:
        keep, gone = sorted((root(a), root(b)))
        if keep == gone or not await _mergeable(db, keep, gone, same_event, prepared):
            continue
        await db.execute("UPDATE events SET cluster_id = ? WHERE cluster_id = ?", (keep, gone))
        into[gone] = keep
    if into:
        await rebuild(db, sorted({*into, *map(root, into)}))
    return {gone: root(gone) for gone in into}


async def _mergeable(
    db: aiosqlite.Connection, a: int, b: int, same_event: SameEvent, prepared: PreparedSets | None = None
) -> bool:
    rows = {
        c: await _fetchall(
            db, f"SELECT document_id, features FROM events WHERE cluster_id = ? ORDER BY id LIMIT {BRIDGE_READ}", (c,)
        )
        for c in (a, b)
    }
    if {r[0] for r in rows[a]} & {r[0] for r in rows[b]}:
        return False
    fast: tuple[Callable[[dict], Any], Callable[[Any, Any], float]] | None = getattr(same_event, "prepared", None)
    if fast is not None:  # each report's sets made once, not once per pair (nor per merge, with `prepared`)
        prepare, compare = fast
        sets = prepared if prepared is not None else PreparedSets()
        pa, pb = ([sets.get(r[1], prepare) for r in rows[c]] for c in (a, b))
        veto: tuple[Callable[[Any], Any], Callable[[Any, Any], bool]] | None = getattr(same_event, "vetoes", None)
        if veto is not None:  # compare < 0 exactly when the keys veto: each distinct pair of keys asked once
            key, differ = veto
            ka, kb = {key(x) for x in pa}, {key(y) for y in pb}
            return not any(differ(x, y) for x in ka for y in kb)
        return all(compare(x, y) >= 0 for x in pa for y in pb)
    fa, fb = ([json.loads(r[1]) for r in rows[c]] for c in (a, b))
    return all(same_event(x, y) >= 0 for x in fa for y in fb)


class PreparedSets:
    """The rule's sets (`same_event.prepared`) of stored features, by their stored text: the same text decodes to
    the same features and sets, so a cluster's reports read again by a later merge are not decoded and made sets
    again (the bulk writer's merges read the same large clusters batch after batch). Bounded: past `limit` texts
    it starts again empty."""

    __slots__ = ("_by_text", "limit")

    def __init__(self, limit: int = 10_000) -> None:
        self._by_text: dict[str, Any] = {}
        self.limit = limit

    def __len__(self) -> int:
        return len(self._by_text)

    def get(self, raw: str, prepare: Callable[[dict], Any]) -> Any:
        found = self._by_text.get(raw)
        if found is None:
            if len(self._by_text) >= self.limit:
                self._by_text.clear()
            found = self._by_text[raw] = prepare(json.loads(raw))
        return found


async def _cpu(db: Any, fn: Callable[..., Any], *args: Any) -> Any:
    """CPU work of a write: in a worker thread beside the event loop, or inline in the bulk writer's
    thread (a `SyncDB`, which has no loop to keep free)."""
    if isinstance(db, SyncDB):
        return fn(*args)
    return await asyncio.to_thread(fn, *args)


async def assign(db: aiosqlite.Connection, events: Sequence[Member], same_event: SameEvent | None) -> list[int]:
    """The cluster of each new event, in order: that of the stored (or earlier new) event that reports the
    same thing most surely, else its own id. Two headlines never make an event on their own: reports anchor.

    The comparisons run in a worker thread; each new event meets at most CANDIDATES stored events and
    EARLIER events of its own document per date, so the work is linear in the document's events."""
    batch = Batch(same_event)
    await batch.candidates.load(db, events)
    return await batch.assign(db, events)


def _earlier(key: tuple[str, ...], by_date: dict[str, list[Candidate]], by_month: dict[str, list[Candidate]]):
    if key[0] == "month":
        return by_month.get(key[1], [])
    return [c for d in key[1:] for c in by_date.get(d, [])]


def match_events(
    events: Sequence[Member],
    stored: dict[tuple[str, ...], list[Candidate]],
    same_event: SameEvent,
    bridged: list[tuple[int, int]] | None = None,
    kept: Candidates | None = None,
) -> list[int]:
    """`assign`'s comparisons (CPU only): the stored candidates of each event's key, then the earlier
    events of the same document under that key (at most EARLIER per date). A candidate sharing no word
    and no person with the event is not compared (`SameEvent` never holds for it). `kept` (the bulk writer's kept
    candidates) stands for `stored`: each event is handed those of its key that share a key with it
    (`Candidates.sharing`), in the same order: the same comparisons, without a visit to each of the others.

    `bridged` (when given) receives (cluster joined, other cluster) for each other cluster the event matches at
    BRIDGE_SCORE or more: a report that tells what two clusters each told (`Batch.finish` may merge them)."""
    out: list[int] = []
    by_date: dict[str, list[Candidate]] = {}
    by_month: dict[str, list[Candidate]] = {}
    # A rule may offer (prepare, compare): compare(prepare(a), prepare(b)) == same_event(a, b), each
    # event's features prepared once however many events it is compared with.
    fast: tuple[Callable[[dict], Any], Callable[[Any, Any], float]] | None = getattr(same_event, "prepared", None)
    apart: Callable[[dict, dict], bool] | None = getattr(same_event, "apart_in_one_article", None)
    retold: Callable[[dict, dict], bool] | None = getattr(same_event, "retold_in_one_article", None)
    restated: Callable[[dict, dict], bool] | None = getattr(same_event, "restated_in_one_article", None)
    refers_back: Callable[[dict], bool] | None = getattr(same_event, "refers_back", None)
    fragment_of: Callable[[str, str], bool] | None = getattr(same_event, "fragment_of", None)
    readings: Callable[[Any, Any], bool] | None = getattr(same_event, "one_happening_readings", None)
    told: list[tuple[int, str, str]] = []  # the document's events so far (cluster, date, summary), for `fragment_of`
    for m in events:
        key = _candidate_key(m)
        scores: dict[int, float] = {}
        vetoed: set[int] = set()
        # another outlet's reports in a cluster that say this one is another happening, and those that match it: a
        # cluster is vetoed unless it is outvoted (`outvoted`); an earlier event of its own document vetoes at once
        against: dict[int, int] = {}
        matched: dict[int, int] = {}
        # whether each report that set it apart states an act this one's is another reading of (`one_happening_readings`)
        read_alike: dict[int, bool] = {}
        my_act = m.features.get("act") or ()
        mine = _Features(m.features)
        tokens, persons = mine.words
        cross = mine.cross(same_event)
        bridges = _bridges(same_event, m.features)
        either = tokens | cross  # its words and their translations: one test per candidate instead of two
        wide = _widely(same_event, m.features)  # stored reports' cross words may hold this one's words
        mine_prepared = mine.prepared(fast[0]) if fast is not None else None
        report = m.report
        refers = refers_back is not None and refers_back(m.features)

        # A stored candidate's score depends on its features alone, and the candidates of one stored text are one
        # object (`Candidates._shared`): each is compared once, its score read again for the others (None: not compared).
        once: dict[int, float | None] = {}
        across: set[int] = set()  # clusters whose best score came from a report in the other language of its day
        # (a report dated to the day only: a month's report reads as many of its days' happenings)
        day = (m.date, m.features.get("alt")) if m.precision == "day" else ()
        sharing = (either, persons, bridges, wide, tokens, report)
        if kept is None:
            candidates = stored.get(key, [])
        elif wide:  # stored reports' cross words are not indexed: every candidate of the key
            candidates = kept.stored(key)
        else:
            candidates = kept.sharing(key, either, persons, bridges, report)
        for pool, floor in ((candidates, 0.0), (_earlier(key, by_date, by_month), SAME_DOCUMENT_SCORE)):
            for cluster_id, other_date, other in pool:
                if other is None or cluster_id in vetoed:  # a cluster vetoed is never joined: no need to score it
                    continue
                if not floor:
                    found = once.get(id(other), _UNSEEN)
                    if found is _UNSEEN:
                        found = once[id(other)] = (
                            _scored(other, m, mine_prepared, fast, same_event)
                            if _compared(other, sharing, same_event)
                            else None
                        )
                    if found is None:
                        continue
                    score = found
                else:
                    if not _compared(other, sharing, same_event) and not (refers and retold is not None):
                        continue  # (a sentence naming its person again by 同氏 or a title may share no word: read)
                    if apart is not None and apart(m.features, other.value):
                        # an earlier event of its own document (`floor`: their pool's) that tells another happening:
                        # the two never share a cluster, however well this one matches another report in it
                        vetoed.add(cluster_id)
                        continue
                    score = _scored(other, m, mine_prepared, fast, same_event)
                least = (
                    SAME_MOMENT_SCORE
                    if floor
                    and (
                        _one_moment(m, other_date, other)
                        or (restated is not None and other_date == m.date and restated(other.value, m.features))
                    )
                    else floor
                )
                # a veto by two readings of one happening's act (`one_happening_readings`), asked once per veto: it neither
                # keeps the article's retelling of it apart (「…記者会見を開き、…を求めた」 then 「会見は…開かれ、…と説明
                # した」: a demand and a saying) nor, from another outlet, counts as a veto that no tie may break
                alike = score < 0 and readings is not None and readings(my_act, other.value.get("act") or ())
                if (
                    floor
                    and (score >= 0 or alike)
                    and retold is not None
                    and other_date in (m.date, m.features.get("alt"))
                    and retold(other.value, m.features)  # the happening the article told above, told again
                ):
                    score, least = max(score, floor), floor
                if score < 0:
                    if floor:
                        vetoed.add(cluster_id)
                    else:
                        against[cluster_id] = against.get(cluster_id, 0) + 1
                        read_alike[cluster_id] = read_alike.get(cluster_id, True) and alike
                    continue
                if score and not floor:
                    matched[cluster_id] = matched.get(cluster_id, 0) + 1
                if score and score >= least and score > scores.get(cluster_id, 0.0):
                    scores[cluster_id] = score
                    if (
                        not floor
                        and other_date in day
                        and _widely(same_event, other.value) != wide
                        and not (persons and other.words[1] and persons.isdisjoint(other.words[1]))
                    ):
                        across.add(cluster_id)
                    else:
                        across.discard(cluster_id)
        vetoed.update(
            c
            for c, n in against.items()
            if not outvoted(n, matched.get(c, 0), scores.get(c, 0.0), read_alike.get(c, False))
        )
        best, best_score = m.id, 0.0
        for cluster_id, score in scores.items():  # the first seen of the best scored
            if cluster_id not in vetoed and score > best_score:
                best, best_score = cluster_id, score
        whole = whole_told(told, m, fragment_of) if fragment_of is not None else None
        if whole is not None and whole not in vetoed:
            # the tail of an earlier sentence of the document cut at its later date: that sentence's happening, and no
            # bridge from what the tail matches on its own day (「24日に開かれる追悼式」 is no report of the ceremony)
            best = whole
        elif bridged is not None:
            bridged.extend(
                (best, c)
                for c, score in scores.items()
                if c != best
                and c not in vetoed
                and (score >= BRIDGE_SCORE or (score > ACROSS_BRIDGE_SCORE and (c in across) != (best in across)))
            )
        out.append(best)
        if fragment_of is not None and len(told) < EARLIER:
            told.append((best, m.date, m.summary))
        entry: Candidate = (best, m.date, mine)
        day_list = by_date.setdefault(m.date, [])
        if len(day_list) < EARLIER:
            day_list.append(entry)
        month_list = by_month.setdefault(m.date[:7], [])
        if len(month_list) < EARLIER:
            month_list.append(entry)
    return out


_UNSEEN: Any = object()

# A new report that matches a stored cluster's report this surely (or more) is not kept out of it by one other report
# of that cluster whose act reads as another happening's (`same_event` negative), when more of the cluster's reports
# match it than set it apart: the cluster's reports were judged one happening, and an act read from another verb of
# one of them (「…解散を命じる決定を出した」 read as an announcement beside 「…解散を命じた」, an order) kept every report
# of the happening told with the other act in an entry of its own. An earlier event of its own document still sets it
# apart at once (an article tells two happenings apart).
OUTVOTED_SCORE = BRIDGE_SCORE
# As many reports matching it as setting it apart: only a match that says much the same as one of them breaks the tie
# (a match at OUTVOTED_SCORE was a long sentence telling two happenings, one of them the new report's: OpenAI's chief
# scientist's regret, posted the day Microsoft's chief told of the hiring, joined that announcement).
TIE_BROKEN_SCORE = 0.75


def outvoted(against: int, matched: int, best: float, read_alike: bool = True) -> bool:
    """Whether a cluster's reports that a new report's act sets apart (`against`) are outvoted by those that match it
    (`matched`, the best at `best`): then the cluster may be joined. A tie is broken only by a match that says much
    the same when each act that set it apart and the new report's are one happening's two readings (`read_alike`,
    `event_match.one_happening_readings`: a decision issued and the order it gives, a statement issued and its words
    said): a tie between two acts of two happenings stays a veto however much the reports share (a tsunami warning's
    downgrade matched the vague 「警報の精度」 report beside the warning's issue; an issue and a downgrade are two)."""
    if matched > against:
        return best >= OUTVOTED_SCORE
    return matched == against and read_alike and best >= TIE_BROKEN_SCORE


def whole_told(told: list[tuple[int, str, str]], m: Member, fragment_of: Callable[[str, str], bool]) -> int | None:
    """The cluster of the document's earlier event of an earlier day whose sentence `m` is the tail of (`SameEvent`'s
    `fragment_of`), if any: only an event dated to the day (a month's report is no sentence's later day)."""
    if m.precision != "day":
        return None
    for cluster_id, date, summary in told:
        if len(date) == 10 and date < m.date and fragment_of(summary, m.summary):
            return cluster_id
    return None


def _compared(
    other: _Features,
    sharing: tuple[frozenset, frozenset, frozenset[str], bool, frozenset, bool],
    same_event: SameEvent,
) -> bool:
    """Whether the rule may say anything of a new event and `other` (see `SameEvent`); `sharing`: the new event's
    (words and their translations, persons, bridge names, compared widely, words, headline)."""
    either, persons, bridges, wide, tokens, report = sharing
    # (the candidates' words read from their slot: `match_events` meets hundreds per new event)
    words, people = other._words or other.words
    if (
        either.isdisjoint(words)
        and persons.isdisjoint(people)
        and (
            not bridges
            or (
                bridges.isdisjoint(other.value.get("names") or ()) and bridges.isdisjoint(other.value.get("doer") or ())
            )
        )
        and not (wide and not other.cross(same_event).isdisjoint(tokens))
    ):
        return False
    return not (report and other.report)


def _scored(other: _Features, m: Member, mine_prepared: Any, fast: Any, same_event: SameEvent) -> float:
    if fast is not None:  # (the candidate's prepared form read from its slot once made)
        return float(fast[1](mine_prepared, other._prepared or other.prepared(fast[0])) or 0.0)
    return float(same_event(m.features, other.value) or 0.0)


def _one_moment(m: Member, other_date: str, other: _Features) -> bool:
    """Whether two events are dated each other's other time zone's day (each one's `alt` is the other's date)."""
    alt = m.features.get("alt")
    return bool(alt) and alt == other_date and other.value.get("alt") == m.date


async def _fetchall(db: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    async with db.execute(sql, params) as cur:
        return list(await cur.fetchall())


async def _members(db: aiosqlite.Connection, cluster_id: int) -> list[Member]:
    rows = await _fetchall(db, f"SELECT {MEMBER_COLUMNS} FROM events WHERE cluster_id = ? ORDER BY id", (cluster_id,))
    return [Member.from_row(r) for r in rows]


_UPSERT = (
    "INSERT INTO clusters(id, date, precision, background, representative, members, day_dates, scope)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET date = excluded.date,"
    " precision = excluded.precision, background = excluded.background,"
    " representative = excluded.representative, members = excluded.members, day_dates = excluded.day_dates,"
    " scope = excluded.scope"
)


def _row(cluster_id: int, st: ClusterState, scope: int) -> tuple:
    return (
        cluster_id,
        st.date,
        st.precision,
        int(st.background),
        st.representative,
        st.members,
        json.dumps(st.day_dates),
        scope,
    )


def joined_scope(scope: int, guild_id: int) -> int:
    """A cluster's scope once a report of `guild_id` (0: shared) joins it: shared when any report is, one
    guild's while only its reports are, -1 (mixed) when several guilds' and no shared one are."""
    if scope == 0 or guild_id == 0:
        return 0
    return scope if scope == guild_id else -1


# The scope of the clusters whose members are given, from their documents (a rebuild, a migration).
_SCOPE_SQL = (
    "SELECT coalesce(CASE WHEN min(d.guild_id) = 0 THEN 0 WHEN min(d.guild_id) = max(d.guild_id)"
    " THEN min(d.guild_id) ELSE -1 END, 0) FROM events e JOIN documents d ON d.id = e.document_id"
    " WHERE e.cluster_id = ?"
)


Joined = tuple[int, Member, Sequence[int], Sequence[str]]  # (cluster id, new event, its actor ids, its topics)


async def _write_filters(
    db: aiosqlite.Connection, rows: Iterable[tuple[int, ClusterState, int, Iterable[int], Iterable[str]]]
) -> None:
    """Add (cluster id, state, scope, actor ids, topics) to cluster_actors / cluster_topics under the
    cluster's sort key and scope."""
    actors, topics = [], []
    for cluster_id, st, scope, actor_ids, topic_ids in rows:
        actors += [(cluster_id, a, int(st.background), st.date, scope) for a in actor_ids]
        topics += [(cluster_id, t, int(st.background), st.date, scope) for t in topic_ids]
    await db.executemany(
        "INSERT OR IGNORE INTO cluster_actors(cluster_id, actor_id, background, date, scope) VALUES (?, ?, ?, ?, ?)",
        actors,
    )
    await db.executemany(
        "INSERT OR IGNORE INTO cluster_topics(cluster_id, topic, background, date, scope) VALUES (?, ?, ?, ?, ?)",
        topics,
    )


async def _stored_states(
    db: aiosqlite.Connection, ids: Sequence[int]
) -> tuple[dict[int, ClusterState], dict[int, int]]:
    """The stored clusters' states and scopes."""
    rows = await _fetchall(
        db,
        "SELECT id, date, precision, background, representative, members, day_dates, scope FROM clusters"
        f" WHERE id IN ({','.join('?' * len(ids))})",
        ids,
    )
    states = {r[0]: ClusterState(r[1], r[2], bool(r[3]), r[4], r[5], json.loads(r[6])) for r in rows}
    return states, {r[0]: int(r[7]) for r in rows}


def _replay(
    groups: Sequence[Sequence[Joined]],
    states: dict[int, ClusterState],
    known: dict[int, list[Member]],
    by_id: dict[int, Member],
) -> dict[int, ClusterState]:
    """The clusters' states after each group (a document's new events) joined them in turn (CPU only).

    `states`: the stored states before the first group; `known`: the stored members of the clusters that
    had fewer than EXACT_LIMIT (chosen again among all their members, the new ones included); `by_id`: the
    stored members known (representatives of the larger ones, where each newcomer only competes with the
    representative). Returns the state of every cluster the groups touched."""
    states = dict(states)
    touched: dict[int, ClusterState] = {}
    for group in groups:
        small = {c for c, *_ in group if c not in states or states[c].members < EXACT_LIMIT}
        for c, m, _, _ in group:
            by_id[m.id] = m
            if c in small:
                known.setdefault(c, []).append(m)
        after = {c: choose(known[c]) for c in sorted(small)}
        for c, new, _, _ in group:
            if c not in small:
                state = after.get(c, states[c])
                after[c] = join(state, by_id.get(state.representative, new), new)
        states.update(after)
        touched.update(after)
    return touched


async def add_member_groups(
    db: aiosqlite.Connection, groups: Sequence[Sequence[Joined]], guilds: Sequence[int] | None = None
) -> None:
    """Account for just-inserted events in their clusters: one group per document, each in insertion order,
    as if each document had been added after the one before, with one read and one write for all of them.
    A cluster id equal to the event's own id starts a cluster. `guilds`: each group's document's server (0:
    shared), which sets the clusters' scopes."""
    guilds = list(guilds) if guilds is not None else [0] * len(groups)
    ids = sorted({c for g in groups for c, *_ in g})
    if not ids:
        return
    new_ids = {m.id for g in groups for _, m, _, _ in g}
    before: dict[int, ClusterState] = {}
    scopes_before: dict[int, int] = {}
    for i in range(0, len(ids), 500):
        states, scopes = await _stored_states(db, ids[i : i + 500])
        before.update(states)
        scopes_before.update(scopes)
    small = [c for c in ids if c not in before or before[c].members < EXACT_LIMIT]
    known: dict[int, list[Member]] = {c: [] for c in small}
    by_id: dict[int, Member] = {}
    for i in range(0, len(small), 500):
        chunk = small[i : i + 500]
        for r in await _fetchall(
            db,
            f"SELECT cluster_id, {MEMBER_COLUMNS} FROM events WHERE cluster_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY id",
            chunk,
        ):
            if r[1] not in new_ids:  # the new members are added group by group
                known[r[0]].append(Member.from_row(r[1:]))
    for ms in known.values():
        by_id.update((m.id, m) for m in ms)
    reps = sorted({st.representative for c, st in before.items() if c not in known})
    for i in range(0, len(reps), 500):
        chunk = reps[i : i + 500]
        for r in await _fetchall(
            db, f"SELECT {MEMBER_COLUMNS} FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ):
            by_id[r[0]] = Member.from_row(r)
    after = await _cpu(db, _replay, groups, before, known, by_id)
    scopes = dict(scopes_before)
    for group, guild_id in zip(groups, guilds, strict=True):
        for c in dict.fromkeys(c for c, *_ in group):
            scopes[c] = joined_scope(scopes[c], guild_id) if c in scopes else guild_id
    await db.executemany(_UPSERT, [_row(c, st, scopes[c]) for c, st in after.items()])
    moved = [
        (st.date, int(st.background), scopes[c], c)
        for c, st in after.items()
        if c in before
        and (before[c].date, before[c].background, scopes_before[c]) != (st.date, st.background, scopes[c])
    ]
    for table in ("cluster_actors", "cluster_topics"):
        await db.executemany(f"UPDATE {table} SET date = ?, background = ?, scope = ? WHERE cluster_id = ?", moved)
    await _write_filters(
        db, [(c, after[c], scopes[c], sorted(actors), topics) for g in groups for c, _, actors, topics in g]
    )


async def rebuild(db: aiosqlite.Connection, cluster_ids: Iterable[int]) -> None:
    """Recompute clusters from their stored members (after a removal, or to fill the tables); a cluster
    with no member left is deleted with its filter rows (what each server sees of them: `cluster_views.rebuild`)."""
    cluster_ids = list(cluster_ids)
    for cluster_id in cluster_ids:
        members = await _members(db, cluster_id)
        await db.execute("DELETE FROM clusters WHERE id = ?", (cluster_id,))
        if not members:
            continue
        state = choose(members)
        scope = (await _fetchall(db, _SCOPE_SQL, (cluster_id,)))[0][0]
        await db.execute(_UPSERT, _row(cluster_id, state, scope))
        ids = ",".join(str(m.id) for m in members)
        actor_rows = await _fetchall(
            db, f"SELECT event_id, actor_id FROM event_actors WHERE event_id IN ({ids}) ORDER BY event_id, actor_id"
        )
        topic_rows = await _fetchall(db, f"SELECT topics FROM events WHERE id IN ({ids}) ORDER BY id")
        topics = [t for (raw,) in topic_rows for t in json.loads(raw)]
        await _write_filters(db, [(cluster_id, state, scope, [a for _, a in actor_rows], topics)])
