"""The actor registry in memory: find actor mentions in text, and resolve what a user typed.

The registry ships as `bot/data/actors.json`; the store copies it into its `actors` tables and adds
actors discovered in new sources. This module only matches: it never touches the database.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from bot.text import latin_folded, name_form, normalize

# Titles that may follow (or be fused to) a name; stripped before a lookup.
TITLES = (
    "国家安全保障担当大統領補佐官",
    "大統領補佐官",
    "大統領府長官",
    "国務長官",
    "国防長官",
    "事務総長",
    "副大統領",
    "大統領",
    "首相",
    "外相",
    "国防相",
    "長官",
    "補佐官",
    "委員長",
    "報道官",
    "代表",
    "司令官",
    "教授",
    "大使",
    "議長",
    "総裁",
    "特使",
    "氏",
    "前大統領",
    "次期首相",
)
TITLE_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)) + ")$")
_TITLE_RE = TITLE_RE
_COUNTRY_PREFIX_RE = re.compile(r"^(?:米国?|ロシア|露|ウクライナ|英国?|独|仏|ドイツ|フランス|日本|EU|欧州)(?:の|・)?")


_MENTIONS_MEMO_MAX = 2048  # texts whose mentions an index remembers

_ABBREVIATED_MINISTRIES = ("務長官", "務省", "務次官", "防長官", "防総省", "防相", "務相")

# A title standing alone as a subject (「大統領補佐官は」) refers to the person holding it nearby.
BARE_TITLE_RE = re.compile(
    r"(?:^|(?<=[のはがを、。\s]))(?P<title>"
    + "|".join(sorted(map(re.escape, [t for t in TITLES if t != "氏"]), key=len, reverse=True))
    + r")(?=は)"
)


@dataclass(slots=True)
class ActorEntry:
    id: int
    name: str
    name_en: str | None
    kind: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    # The registry generation the actor was stored at (the store's count of what it has learned: a new actor or a
    # new alias of one is a new generation, see `Store.reload_actors`); 0: its id (an entry made without the store)
    generation: int = 0
    # The aliases the registry learned after the actor itself (a name a later document wrote for a person already
    # stored, `other_script`), each with its generation: stored claims read before it may be stale
    # (`claim_records.fresh_claims`). Any other alias was known with the actor.
    learned: dict[str, int] = field(default_factory=dict)

    @property
    def since(self) -> int:
        """The generation the actor and the aliases it came with were learned at."""
        return self.generation or self.id


@dataclass(frozen=True, slots=True)
class Mention:
    actor_id: int
    name: str
    start: int
    end: int


def running_forms(name: str) -> tuple[str, ...]:
    """The forms a name is found as in running text: its NFKC, and a name written in lower case as it opens a
    sentence, capitalised ("Transport ministry officials said", "Prosecutors argued"); one-kanji abbreviations
    (米, 露) only as lookups, never in running text."""
    nfkc = unicodedata.normalize("NFKC", name)
    opening = nfkc[:1].upper() + nfkc[1:] if nfkc[:1].islower() and nfkc.isascii() else ""
    return tuple(f for f in ((nfkc, opening) if opening else (nfkc,)) if len(f) >= 2)


def load_registry_file() -> list[dict]:
    data = json.loads(resources.files("bot.data").joinpath("actors.json").read_text(encoding="utf-8"))
    return list(data["actors"])


class ActorIndex:
    """Alias → actor matching over a fixed set of actors (rebuilt when the registry grows)."""

    def __init__(self, actors: list[ActorEntry]):
        self.actors: dict[int, ActorEntry] = {}
        self._by_norm: dict[str, int] = {}
        self._surface_ids: dict[str, int] = {}
        self._by_form: dict[str, int] = {}  # `name_form` of each alias written in kanji → its actor (`same_name`)
        # One alternation of every alias; an extended index adds one of its new aliases only (see `mentions`).
        self._scans = [scan] if (scan := self._scanner_of(self._add(actors))) is not None else []
        self._choices = list(self._by_norm)
        self._memo: dict[str, tuple[Mention, ...]] = {}  # mentions() of recent texts (see there)
        self._memos: dict[str, dict] = {}  # readers' own answers about this index (see `memo`)
        self.base: ActorIndex | None = None  # the index `extended` made this one from: what is known of it holds
        self._own = 0  # where this index's own scans start in `_scans` (an extended index's: after its base's)

    def __getstate__(self) -> dict:
        """Pickled for the bulk workers without the memo of recent texts, each scan as its pattern's text."""
        state = dict(self.__dict__)
        state["_memo"] = {}
        state["_memos"] = {}
        state["base"] = None  # not the whole registry a second time
        state["_scans"] = [scan.pattern for scan in self._scans]
        return state

    def __setstate__(self, state: dict) -> None:
        # A pickled pattern is compiled again as `re.compile(text, flags)` with its flags read back (re.UNICODE
        # set for every str pattern), which misses `re`'s cache of the same text compiled without flags: each
        # bulk worker thread compiled the registry's ~3 KB alternation anew (~5 ms) for every actors version of
        # a run. Compiled as `_scanner` compiles it (no flags), the same pattern comes from the cache where the
        # store built this index in the same process; in another process it is compiled as before.
        scans = state.get("_scans", [])
        state["_scans"] = [re.compile(s) if isinstance(s, str) else s for s in scans]
        self.__dict__.update(state)

    def _add(self, actors: list[ActorEntry]) -> list[str]:
        """Take these actors in (an alias already taken keeps its actor); returns the running-text surfaces added."""
        added = []
        for a in actors:
            self.actors[a.id] = a
            # the English name is a name too (a registry person's, "Recep Tayyip Erdoğan", which its aliases may
            # not repeat): typed, and written in English reports
            for alias in dict.fromkeys(n for n in (a.name, *(a.aliases or []), a.name_en) if n):
                for key in _alias_keys(alias):
                    self._by_norm.setdefault(key, a.id)
                if not alias.isascii():
                    self._by_form.setdefault(name_form(alias), a.id)
                for surface in running_forms(alias):
                    if surface not in self._surface_ids:
                        self._surface_ids[surface] = a.id
                        added.append(surface)
        return added

    def _scanner_of(self, surfaces: list[str], own: bool = False) -> re.Pattern[str] | _Literals | None:
        """`_scanner` of these surfaces, a person's short katakana name among them standing as a word; `own`: an
        extended index's own few, found as the regex finds them without compiling it (`_own_scanner`)."""
        words = {
            s for s in surfaces if _SHORT_KATAKANA.fullmatch(s) and self.actors[self._surface_ids[s]].kind == "person"
        }
        return _own_scanner(surfaces, words) if own else _scanner(surfaces, words)

    def grown(self, actors: list[ActorEntry], known: int) -> ActorIndex:
        """`ActorIndex(actors)`, where this index was built from entries equal to `actors[:known]`: their alias
        keys and surfaces taken as this index holds them, only the rest's read (`_add` normalizes every alias of
        every actor: ~1.4 ms of a ~2 ms build, paid again at each batch of an ingest that discovers actors).
        `_add` takes actors in order and keeps the first actor of an alias, so adding `actors[known:]` to this
        index's tables gives the tables it gives from scratch, in the same order; the alias alternation is
        compiled over all the surfaces, as a build compiles it (one scan: mentions are read as before)."""
        out = ActorIndex.__new__(ActorIndex)
        out.actors = {a.id: a for a in actors[:known]}  # the entries passed, not this index's equal ones
        out._by_norm, out._surface_ids = dict(self._by_norm), dict(self._surface_ids)
        out._by_form = dict(self._by_form)
        out._add(actors[known:])
        # a build's `_add` returns the surfaces in the order it first took them: the order `_surface_ids` keeps
        out._scans = [scan] if (scan := out._scanner_of(list(out._surface_ids))) is not None else []
        out._choices = list(out._by_norm)
        out._memo = {}
        out._memos = {}
        out.base = None
        out._own = 0
        return out

    def extended(self, new: list[tuple[str, list[str], str, str | None]]) -> ActorIndex:
        """This index plus new actors (name, aliases, kind, description) under provisional ids -1, -2, …

        The same index as one built from all the actors, without compiling the registry's alternation again
        (a document that discovers actors would pay ~15 ms for it): only the new aliases are compiled."""
        out = ActorIndex.__new__(ActorIndex)
        out.actors, out._by_norm, out._surface_ids = dict(self.actors), dict(self._by_norm), dict(self._surface_ids)
        out._by_form = dict(self._by_form)
        entries = [
            ActorEntry(-i, name, None, kind, list(aliases), description)
            for i, (name, aliases, kind, description) in enumerate(new, 1)
        ]
        scan = out._scanner_of(out._add(entries), own=True)
        out._scans = [*self._scans, *([scan] if scan is not None else [])]
        out._own = len(self._scans)
        out._choices = list(out._by_norm)
        out._memo = {}
        out._memos = {}
        out.base = self
        out._generation = self.generation  # its own actors are provisional: the document's, not the registry's
        return out

    # --- running text -------------------------------------------------------------------

    def mentions(self, text: str) -> list[Mention]:
        """Actor mentions in text (NFKC-equal spelling), longest alias first, non-overlapping.

        Offsets index `text`; NFKC keeps them aligned for the full-width letters and digits news text uses.
        Remembered per text (the index never changes once built): extraction asks for the same passage's
        mentions several times (the document's mentions, its claims, its statements' item contexts).
        """
        memo = self._memo
        found = memo.get(text)
        if found is None:
            found = tuple(self._by_line(text) if "\n" in text else self._find_mentions(text))
            if len(memo) >= _MENTIONS_MEMO_MAX:  # bounded; dict operations are atomic under the GIL
                memo.clear()
            memo[text] = found
        return list(found)

    @property
    def generation(self) -> int:
        """The registry generation this index knows: the latest at which an actor or an alias was learned (an
        extended index's provisional actors are the document's own, none of the registry's). Stored claims record
        it; what was learned after it may change them (`claim_records.fresh_claims`)."""
        found: int | None = getattr(self, "_generation", None)
        if found is None:
            entries = self.actors.values()
            found = max((max(a.since, *a.learned.values()) if a.learned else a.since for a in entries), default=0)
            self._generation = found = max(found, 0)
        return found

    def memo(self, purpose: str) -> dict:
        """A reader's own dict of answers that depend on this index and their question only (the index never
        changes once built), kept with the index and gone with it; `purpose` names the reader's. Not pickled."""
        found = self._memos.get(purpose)
        if found is None:
            found = self._memos.setdefault(purpose, {})
        return found

    def _by_line(self, text: str) -> list[Mention]:
        """`_find_mentions` of a text of several lines, from each line's mentions (remembered: a context of
        passages joined by line breaks, an item or a window, is read after its passages were). The same answer:
        no alias holds a line break, so no match spans one, and every alias's lookaround reads a line break as it
        reads the text's start or end (neither a Latin nor a katakana letter). Not when a line's matching form
        differs in length from it (its NFKC, see `_find_mentions`): the whole text's form is made otherwise then."""
        lines = text.split("\n")
        # a text NFKC leaves as it is has every line so (NFKC is made line by line, see `bot.text._nfkc`): one quick
        # check of the whole instead of each line normalized
        if (
            not text.isascii()
            and not unicodedata.is_normalized("NFKC", text)
            and any(len(unicodedata.normalize("NFKC", line)) != len(line) for line in lines)
        ):
            return self._find_mentions(text)
        if self._line_break_alias():
            return self._find_mentions(text)
        out: list[Mention] = []
        offset = 0
        for line in lines:
            if line:
                out.extend(
                    m if not offset else Mention(m.actor_id, m.name, m.start + offset, m.end + offset)
                    for m in self.mentions(line)
                )
            offset += len(line) + 1
        return out

    def _line_break_alias(self) -> bool:
        """Whether an alias holds a line break (none does: a name is one line), asked once per index."""
        held: tuple[int, bool] | None = getattr(self, "_breaks", None)
        if held is None or held[0] != len(self._surface_ids):
            held = (len(self._surface_ids), "\n" in "".join(self._surface_ids))  # one C search, not one per alias
            self._breaks = held
        return held[1]

    def _find_mentions(self, text: str) -> list[Mention]:
        if not self._scans:
            return []
        probe = unicodedata.normalize("NFKC", text) if not text.isascii() else text
        if len(probe) != len(text):
            probe = text.translate(_FIRST_OF_NFKC)  # each character's NFKC's first, or itself: offsets kept
        base = self.base
        if base is not None and not any(scan.search(probe) for scan in self._scans[self._own :]):
            # None of this index's own aliases is in the text: its mentions are its base's (the same scans, the
            # same surfaces and actors), which the base remembers. A document that discovers actors reads each of
            # its lines with two or three indexes (discovery, speakers, the rest), each scanning the whole
            # registry's alternation again; now the registry's scan of a line is made once a process.
            return base.mentions(text) if "\n" not in text else base._find_mentions(text)
        out = []
        found = self._scans[0].finditer(probe) if len(self._scans) == 1 else _merged(self._scans, probe)
        for m in found:
            actor_id = self._surface_ids.get(m.group(0))
            # 「米国務長官」 is 米 + 国務長官, not 米国 + 務長官.
            if m.group(0).endswith("国") and probe.startswith(_ABBREVIATED_MINISTRIES, m.end()):
                continue
            if actor_id is not None:
                out.append(Mention(actor_id, self.actors[actor_id].name, m.start(), m.end()))
        return out

    # --- what a user typed ----------------------------------------------------------------

    def resolve(self, query: str) -> ActorEntry | None:
        """Exact resolution of any alias, width or spelling variant, with or without a title."""
        for key in _lookup_keys(query):
            actor_id = self._by_norm.get(key)
            if actor_id is not None:
                return self.actors[actor_id]
        return None

    def same_name(self, name: str) -> ActorEntry | None:
        """The actor one of whose names or aliases is this whole name written with other variants of its kanji
        (齋藤健 for 斎藤健, 髙橋一郎 for 高橋一郎; `name_form`), or None: never a part of a name, nor a name with its
        title. Discovery asks it before it registers a person or body a second time under another written form."""
        if name.isascii():
            return None
        actor_id = self._by_form.get(name_form(name))
        return None if actor_id is None else self.actors[actor_id]

    def choices_among(self, actor_ids: Collection[int]) -> list[str]:
        """The fuzzy index's keys of these actors only: what `fuzzy(…, choices=)` searches for a reader who
        sees only them (a server's view), so that the filter is in the index, not applied to its answer."""
        return [c for c in self._choices if self._by_norm[c] in actor_ids]

    def fuzzy(
        self, query: str, limit: int = 5, cutoff: float = 60, *, choices: list[str] | None = None
    ) -> list[tuple[ActorEntry, float]]:
        """Closest actors to what was typed (typos, prefixes), best first, one row per actor; among the keys
        `choices` (`choices_among`) when given."""
        keys = _lookup_keys(query)
        among = self._choices if choices is None else choices
        if not keys or not among:
            return []
        best: dict[int, float] = {}
        for key in keys:
            for choice, score, _ in process.extract(key, among, scorer=fuzz.WRatio, limit=limit * 4):
                actor_id = self._by_norm[choice]
                if choice.startswith(key):
                    score = max(score, 90 + min(len(key), 10))
                if score >= cutoff and score > best.get(actor_id, 0):
                    best[actor_id] = score
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:limit]
        return [(self.actors[i], s) for i, s in ranked]

    def lookup(self, query: str) -> tuple[ActorEntry | None, list[ActorEntry]]:
        """(the actor, []) when query names one; else (None, suggestions).

        A name is never resolved to another by similarity (シルスキー is not シコルスキ): only an exact alias, or
        the start of exactly one actor's alias (ゼレンスキ while typing), answers; a close name is a suggestion.
        """
        exact = self.resolve(query)
        if exact:
            return exact, []
        starts = self._prefix_of(query)
        if len(starts) == 1:
            return self.actors[starts.pop()], []
        return None, [a for a, _ in self.fuzzy(query) if suggestion_fits(query, a)]

    def _prefix_of(self, query: str) -> set[int]:
        """Actors one of whose aliases starts with what was typed (three letters or more). Only what was typed
        as a whole is a name being typed: with its title or post cut off (エマニュエル大使 → エマニュエル) it is a
        given name written in full, which another person of that given name would answer for (エマニュエル・マクロン
        for the ambassador Rahm Emanuel)."""
        out: set[int] = set()
        for key in _typed_keys(query):
            if len(key) >= 3:
                out.update(actor_id for alias, actor_id in self._by_norm.items() if alias.startswith(key))
        return out


class _FirstOfNfkc(dict[int, str]):
    """A str.translate table: each character to the first character of its NFKC form, or to itself when that is
    empty (`_find_mentions`' probe of a text whose NFKC changes its length), filled on first sight: a Python call
    per distinct character instead of one per character of every such text."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = unicodedata.normalize("NFKC", ch)[:1] or ch
        if len(self) < 65536:  # news text's characters are a few thousand; a flood of rare ones is not kept
            self[code] = value
        return value


_FIRST_OF_NFKC = _FirstOfNfkc()

_LAST_BUILT: tuple[list[ActorEntry], ActorIndex] | None = None


def shared_index(actors: list[ActorEntry]) -> ActorIndex:
    """An index of these actors: the one this process built last when it was built from equal entries (an index
    never changes once built, so stores holding the same actors may share it), else a new one.

    Every store open reads the actors and indexes them (~1–4 ms, the alias alternation compiled again once `re`'s
    cache has dropped it); a process that opens the same store again and again — the console, the scorer and
    the tests calling the CLI in-process, a worker — builds it once."""
    global _LAST_BUILT
    last = _LAST_BUILT
    if last is not None and last[0] == actors:
        return last[1]
    if last is not None and len(actors) > len(last[0]) and actors[: len(last[0])] == last[0]:
        index = last[1].grown(actors, len(last[0]))  # a run's discoveries: the same actors and a few more
    else:
        index = ActorIndex(actors)
    _LAST_BUILT = (actors, index)
    return index


# A person's katakana name of up to three letters (シン, アン, キム) is a common piece of longer loanwords
# (シンクタンク, アンケート): it is a mention only where no katakana letter touches it (a middle dot after a name
# is not a letter: ジャグミート・シン). A country's or a body's short name compounds in news text (ロシアメディア,
# ドイツメディア), and longer names keep matching inside compounds (ソフトバンクグループ).
_SHORT_KATAKANA = re.compile(r"[ァ-ヺー]{1,3}")
_KATAKANA_LETTER = r"[ァ-ヺ]"


def _scanner(surfaces: list[str], words: Collection[str] = ()) -> re.Pattern[str] | None:
    """One regex of these aliases: the longest first, names in a script other than Latin before Latin ones
    (which must stand as words), and `words` (short katakana names of people) standing as words too."""
    pattern = _scanner_pattern(*_scanner_parts(surfaces, words))
    return re.compile(pattern) if pattern is not None else None


def _scanner_parts(surfaces: list[str], words: Collection[str]) -> tuple[list[str], list[str], list[str]]:
    """The aliases in `_scanner`'s order: the non-Latin ones, the short katakana names, the Latin ones (each
    longest first)."""
    short = sorted((s for s in surfaces if s in words), key=len, reverse=True)
    ja = sorted((s for s in surfaces if not s.isascii() and s not in words), key=len, reverse=True)
    en = sorted((s for s in surfaces if s.isascii()), key=len, reverse=True)
    return ja, short, en


def _scanner_pattern(ja: list[str], short: list[str], en: list[str]) -> str | None:
    surfaces = [*ja, *short, *en]
    parts = []
    if ja:
        parts.append("(?:" + "|".join(map(re.escape, ja)) + ")")
    if short:  # シン of ジャグミート・シン is no mention in シンクタンク: a short katakana name stands as a word
        parts.append(f"(?<!{_KATAKANA_LETTER})(?:" + "|".join(map(re.escape, short)) + f")(?!{_KATAKANA_LETTER})")
    if en:
        parts.append(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, en)) + r")(?![A-Za-z])")
    # The leading class of first letters lets the regex engine skip ahead to where an alias may start.
    firsts = re.escape("".join(sorted({s[0] for s in surfaces})))
    return f"(?=[{firsts}])(?:{'|'.join(parts)})" if parts else None


# An extended index's own aliases (a document's discovered actors and speakers: 7 surfaces at the median, 29 at most
# over the stories and the bench corpus) are found by `_Literals` up to this many: their regex was parsed and
# compiled for each document (~0.2 ms, a pattern no other document asks for), where a handful of `str.find`s do.
LITERALS_MAX = 32


def _is_katakana_letter(ch: str) -> bool:
    return "ァ" <= ch <= "ヺ"  # _KATAKANA_LETTER


def _is_latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()  # [A-Za-z]


class _Match:
    """What `_find_mentions` and `_merged` read of a regex match: its span and text."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, k: int = 0) -> str:
        if k != 0:
            raise IndexError("no such group")
        return self._text[self._start : self._end]


class _Literals:
    """`_scanner`'s regex of a few aliases, found without compiling it: `search` and `finditer` give the matches it
    gives. At the leftmost place where an alternative matches, the first that does in the regex's order (the
    non-Latin aliases longest first, then the short katakana names with no katakana letter on either side, then the
    Latin aliases with no Latin letter on either side); an alias is plain text (escaped, no flags), and a
    lookbehind reads the text before the search's start as the regex's does. Pickled as the regex's text
    (`pattern`, `flags`), which `ActorIndex.__setstate__` compiles."""

    __slots__ = ("_alternatives", "flags", "pattern")

    def __init__(self, ja: list[str], short: list[str], en: list[str], pattern: str) -> None:
        self._alternatives = [(a, 0) for a in ja] + [(a, 1) for a in short] + [(a, 2) for a in en]
        self.pattern, self.flags = pattern, re.UNICODE

    def search(self, text: str, pos: int = 0) -> _Match | None:
        best, best_end = -1, -1
        n = len(text)
        for alias, kind in self._alternatives:
            i = text.find(alias, pos)
            while i != -1 and (best < 0 or i < best):
                end = i + len(alias)
                letter = _is_katakana_letter if kind == 1 else _is_latin_letter
                if kind == 0 or (not (i and letter(text[i - 1])) and not (end < n and letter(text[end]))):
                    best, best_end = i, end  # an earlier alternative at the same place stays: only a strictly
                    break  # earlier place replaces it
                i = text.find(alias, i + 1)
        return _Match(text, best, best_end) if best >= 0 else None

    def finditer(self, text: str) -> Iterator[_Match]:
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end()  # an alias is never empty: the next search starts past the match


def _own_scanner(surfaces: list[str], words: Collection[str]) -> re.Pattern[str] | _Literals | None:
    """`_scanner` of an extended index's own aliases: `_Literals` when they are few, else the compiled regex."""
    parts = _scanner_parts(surfaces, words)
    pattern = _scanner_pattern(*parts)
    if pattern is None:
        return None
    return _Literals(*parts, pattern) if len(surfaces) <= LITERALS_MAX else re.compile(pattern)


def _merged(scans: list[re.Pattern[str]], text: str) -> Iterator[re.Match[str]]:
    """The matches one `_scanner` of all the scans' aliases would give (`finditer`): the leftmost, at one place
    the longest (a Latin alias never matches where a longer non-Latin one does, which holds a non-Latin
    letter), the next search from the match's end."""
    pos, nxt = 0, [s.search(text) for s in scans]
    while True:
        for i, m in enumerate(nxt):
            if m is not None and m.start() < pos:
                nxt[i] = scans[i].search(text, pos)
        live = [m for m in nxt if m is not None]
        if not live:
            return
        best = min(live, key=lambda m: (m.start(), -len(m.group(0))))
        yield best
        pos = best.end()


# 師 after a katakana name is a Muslim cleric's title (カセム師, シスターニ師): taken off what a user types only, never
# read as a title in running text (医師, 牧師 are words of their own)
_CLERIC_RE = re.compile(r"(?<=[ァ-ヺー])師$")

_HIRAGANA_TO_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)}


_WORD_SPLIT_RE = re.compile(r"[^\w]+|_")
_CJK_RE = re.compile(r"[ァ-ヺ一-龥々]")


_SCRIPT_RUN_RE = re.compile(r"[a-z0-9]+|[^a-z0-9]+")  # a word's Latin and other runs apart (米財務省とFRB: frb)


def _name_words(name: str) -> list[str]:
    plain = latin_folded(unicodedata.normalize("NFKC", name)).casefold()
    return [run for w in _WORD_SPLIT_RE.split(plain.replace("・", " ")) if w for run in _SCRIPT_RUN_RE.findall(w)]


def suggestion_fits(query: str, entry: ActorEntry) -> bool:
    """Whether an actor the similarity search found is worth suggesting for what was typed: a word typed close to a
    word of one of its names (Trunp: Donald Trump; "Carole Ghosn": Carlos Ghosn; シルスキー: シコルスキ), or, in
    kana and kanji, its start or three characters in a row in common (韓国科学技術情報通信省: 韓国政府); anything
    near for a name of three characters or fewer, still being typed (トラ: トランプ and the rest). A long name
    typed is not answered with a short name that merely scores well inside it ("Alliance for Automotive
    Innovation": NATO, "Margrethe Vestager": Keir Starmer)."""
    typed = [w for w in _name_words(query) if len(w) >= 2]
    if len("".join(typed)) <= 3:  # a name being typed (トラ): every near name is a guess worth showing
        return True
    names = [n for n in (entry.name, entry.name_en or "", *entry.aliases) if n]
    for name in names:
        words = _name_words(name)
        if any(fuzz.ratio(t, w) >= 75 for t in typed for w in words if len(w) >= 2):
            return True
        if _CJK_RE.search(query) and _CJK_RE.search(name):
            q, n = "".join(_name_words(query)), "".join(words)
            if q[:2] == n[:2] or any(q[i : i + 3] in n for i in range(len(q) - 2)):
                return True
    return False


@lru_cache(maxsize=8192)
def _lookup_keys(query: str) -> tuple[str, ...]:
    # Names are written in katakana; someone typing ぜれんすきー means ゼレンスキー.
    q = unicodedata.normalize("NFKC", query).strip().translate(_HIRAGANA_TO_KATAKANA)
    keys = [q]
    stripped = _CLERIC_RE.sub("", _TITLE_RE.sub("", q)).strip(" ・")
    if stripped and stripped != q:
        keys.append(stripped)
    unprefixed = _COUNTRY_PREFIX_RE.sub("", stripped or q)
    if unprefixed and unprefixed not in keys:
        keys.append(_TITLE_RE.sub("", unprefixed))
    out = []
    for k in keys:
        for n in _alias_keys(k):
            if n not in out:
                out.append(n)
    return tuple(out)


def _typed_keys(query: str) -> tuple[str, ...]:
    """The lookup keys of what was typed as a whole (`_lookup_keys`' first), no title or country cut off."""
    return _alias_keys(unicodedata.normalize("NFKC", query).strip().translate(_HIRAGANA_TO_KATAKANA))


def _alias_keys(name: str) -> tuple[str, ...]:
    """The lookup keys of a name: its matching form, and for a Latin name written with marks the form without them
    (Erdoğan and Erdogan, Radosław and Radoslaw: a user types a name with its marks or without, as reports do)."""
    key = normalize(name)
    if not key:
        return ()
    if (plain := latin_folded(name)) == name:
        return (key,)
    bare = normalize(plain)
    return (key, bare) if bare and bare != key else (key,)


def strip_title(name: str) -> str:
    """「ラブロフ外相」 → 「ラブロフ」; 「ドイツ・ショルツ首相」 → 「ショルツ」."""
    s = unicodedata.normalize("NFKC", name).strip()
    s = _TITLE_RE.sub("", s).strip(" ・")
    return s.split("・")[-1] if "・" in s else s
