"""Whether two dated events (two outlets' reports, say) tell of one happening: `same_event` and the sets it reads
(`event_sets`, `same_event_sets`), with the helpers clustering asks of the rule (`bot/store/clusters.py`).
Moved out of `events.py`, which extracts the events."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.actions import names_an_incident
from bot.extract.bridge import BRIDGE, latin_names
from bot.extract.date_fragment import fragment_of
from bot.extract.event_words import CONCEPT_PREFIX, NUMBER_PREFIX, gloss_forms
from bot.extract.romaji import SKELETON_PREFIX, sounds_like
from bot.topics import read_data

BODY_PREFIX = "&"  # a body's doer key: the name its names share in the data (`events._body_doer`), one in both scripts

_SAY_ACT = frozenset(["~say"])  # a saying's main act (as `events` marks it)

DIFFERENT = -1.0  # what `same_event` says of two reports of surely different happenings
TERSE_WORDS = 4  # the event words of a terse report: a list's entry, a headline-like line
FULL_NAME = 2  # a person's given and family name, read alike in two reports (`names`: Iwaya Takeshi, 岩屋毅)


def same_event(a: dict, b: dict) -> float:
    """How surely two reports (features as stored: {"tokens": [...], "persons": [...]}) tell of one
    event; 0 when they do not, DIFFERENT (negative) when their main acts differ: then neither joins a
    cluster the other is in, however well it matches another of its reports.

    They must share event words: three (two when one is a terse headline), or much the same words;
    with a person in both, two words, or one word that is a good share of the shorter report, or one
    language-neutral event word; a figure (not a percentage) with an event word or a person; two event
    words that are most of the shorter report. The same date and the same person alone are never enough.
    """
    return same_event_sets(event_sets(a), event_sets(b))


class EventSets:
    """An event's stored features as `same_event` reads them (sets), made once per event: clustering
    compares one stored event with many new ones. At 100k articles the bulk writer makes them for ~550 stored events
    an article (the candidates of days it had not read), so what only some comparisons read is made when first read:
    `latin_names`, read only to bridge a Japanese and an English report."""

    __slots__ = (
        "_glossed",
        "_latin_names",
        "act",
        "acts",
        "doer",
        "latin",
        "measured",
        "names",
        "own",
        "people",
        "persons",
        "report",
        "retold",
        "subject",
        "tokens",
        "vague",
    )
    FIELDS = (
        "tokens",
        "persons",
        "names",
        "report",
        "act",
        "acts",
        "own",
        "latin",
        "vague",
        "measured",
        "subject",
        "people",
        "retold",
        "doer",
    )

    def __init__(
        self,
        tokens: frozenset[str],
        persons: frozenset[int],
        names: frozenset[str],
        report: bool,
        act: frozenset[str],
        acts: frozenset[str],
        own: tuple[str, ...],  # its words as written (no concept, no figure)
        latin: bool,  # an English report's words
        vague: bool = False,  # dated less precisely than its day (a month): never bridged across the scripts
        # its figures told to a tenth (`_measurements`), found once: every comparison reads them (each new event meets
        # up to 400 stored ones, and a scan of both events' words per comparison was a third of the writer's time)
        measured: frozenset[str] = frozenset(),
        subject: tuple[str, ...] = (),  # the parties its sentence's topic names (「韓国外務省は…」), as written
        people: frozenset[str] = frozenset(),  # its persons' names as written (`people_named`)
        retold: frozenset[str] = frozenset(),  # the happening its day names (「15日に始まった戦闘」: 戦闘)
        doer: frozenset[str] = frozenset(),  # the person its sentence tells as the doer (`events.doer`)
        latin_names: frozenset[str] | None = None,  # None: made from its words and names when first read
    ) -> None:
        self.tokens = tokens
        self.persons = persons
        self.names = names
        self.report = report
        self.act = act
        self.acts = acts
        self.own = own
        self.latin = latin
        self.vague = vague
        self.measured = measured
        self.subject = subject
        self.people = people
        self.retold = retold
        self.doer = doer
        self._latin_names = latin_names
        self._glossed: frozenset[str] | None = None

    @property
    def glossed(self) -> frozenset[str]:
        """The concepts its own words name read in English (`gloss_forms`: 墜落 "crash", ~collision), made once when
        first read; none for an English report, whose `acts` name its words' concepts already."""
        found = self._glossed
        if found is None:
            found = self._glossed = (
                _NONE
                if self.latin
                else frozenset(c for t in self.own for c in gloss_forms(t) if c[:1] == CONCEPT_PREFIX)
            )
        return found

    @property
    def latin_names(self) -> frozenset[str]:
        """Its names and katakana words in Latin letters (`bridge.latin_names`), made once when first read."""
        found = self._latin_names
        if found is None:
            found = self._latin_names = latin_names(self.tokens, self.names)
        return found

    def _replace(self, **changes: object) -> EventSets:
        """A copy with some fields changed (as a named tuple's `_replace`)."""
        fields = {name: getattr(self, name) for name in self.FIELDS}
        fields["latin_names"] = self._latin_names
        return EventSets(**{**fields, **changes})  # type: ignore[arg-type]


def event_sets(features: dict) -> EventSets:
    tokens = frozenset(features.get("tokens") or ())
    own = [t for t in tokens if t[:1] not in _PREFIXES]
    return EventSets(
        tokens,
        frozenset(features.get("persons") or ()),
        frozenset(features.get("names") or ()),
        bool(features.get("report")),
        frozenset(features.get("act") or ()),
        frozenset(features.get("acts") or ()),
        tuple(own),
        bool(own) and all(map(str.isascii, own)),
        bool(features.get("vague")),
        _measurements(tokens),
        tuple(features.get("subject") or ()),
        frozenset(features.get("people") or ()),
        frozenset(features.get("retold") or ()),
        frozenset(features.get("doer") or ()),
    )


_PREFIXES = frozenset([CONCEPT_PREFIX, NUMBER_PREFIX])


def cross_words(features: dict) -> frozenset[str]:
    """The English words a Japanese report's words match (their glosses and inflections, `gloss_forms`): an English
    report holding none of them, no content word and no person of this one is never the same event."""
    return frozenset().union(*map(gloss_forms, features.get("tokens") or ()))


def compared_widely(features: dict) -> bool:
    """Whether a report may match stored ones that share none of its words as written: an English report, whose
    words a stored Japanese report's `cross_words` may hold."""
    own = [t for t in features.get("tokens") or () if not t.startswith((CONCEPT_PREFIX, NUMBER_PREFIX))]
    return bool(own) and all(t.isascii() for t in own)


def _translated(a: EventSets, b: EventSets) -> int:
    """How many words of the Japanese one of two reports the English one has (in English), when they are
    one Japanese and one English report."""
    if a.latin == b.latin:
        return 0
    ja, en = (b, a) if a.latin else (a, b)
    return sum(1 for t in ja.own if not gloss_forms(t).isdisjoint(en.tokens))


def _translated_plainly(a: EventSets, b: EventSets) -> int:
    """How many words of the Japanese one of two reports (one Japanese, one English) are in the English one as plain
    words, not as part of its names (総会 is no "general" of "Secretary General Hiroshi Moriyama"), each a different
    English word (病院 and 搬送, both "hospital", count once)."""
    if a.latin == b.latin:
        return 0
    ja, en = (b, a) if a.latin else (a, b)
    plain = en.tokens - en.names
    used: set[str] = set()
    for hit in sorted((h for t in ja.own if (h := gloss_forms(t) & plain)), key=len):  # each its own English word
        free = hit - used
        if free:
            used.add(min(free))
    return len(used)


def _named_across(a: EventSets, b: EventSets) -> int:
    """How many words of the Japanese one of two reports (one Japanese, one English) that name its doer (the topic
    of its sentence, 「韓国外務省は23日、…」) the English one has among its names, read in English (韓国 / "South
    Korea's Foreign Ministry said…"): the two name one actor, as `persons` and `names` do within a script. Only
    the doer: a place the Japanese report names elsewhere (ミャンマー in 「…官房長官は…ミャンマー中部で起きた地震に
    ついて」) is the story's setting, which every report of it names."""
    if a.latin == b.latin:
        return 0
    ja, en = (b, a) if a.latin else (a, b)
    if not en.names or not ja.subject:
        return 0
    return sum(1 for t in ja.own if any(t in s for s in ja.subject) and not gloss_forms(t).isdisjoint(en.names))


_KATAKANA_PART_RE = re.compile("[\u30a1-\u30fa\u30fc]{2,}")
# a name's letters with their marks (Mazón, Sánchez, Rodríguez, Łukasz): an accent had cut "Mazón" to "Maz"
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ\u0100-\u017f"
_LATIN_PART_RE = re.compile(rf"[{_UP}\u0100-\u017f][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?")


def people_named(mentions: list[str]) -> frozenset[str]:
    """The names a report's person mentions are written with, part by part in their own script: katakana names
    (「ラメシュ・レカク」: ラメシュ, レカク) and capitalized Latin words ("Home Minister Ramesh Lekhak": Ramesh, Lekhak;
    a title's words too, which never sound like a katakana name); kanji names are read by `names` already."""
    parts: set[str] = set()
    for text in mentions:
        parts.update(_KATAKANA_PART_RE.findall(text))
        parts.update(_LATIN_PART_RE.findall(text))
    return frozenset(parts)


def _sounded_across(a: EventSets, b: EventSets) -> int:
    """How many persons of the Japanese one of two reports (one Japanese, one English) the English one names by a
    name that sounds as the katakana one is written (レカク / Lekhak, トカエフ / Tokayev, ベングビール / Ben-Gvir): one
    person stored as two actors, one per script. Persons only (actors of kind person, as mentioned): a place's name
    sounds alike across the scripts too (ミャンマー / Myanmar) and is the story's setting, not a party. On the Japanese
    side, a katakana name its sentence's topic gives the doer (「レカク内相は…」) counts too: a short form of a person
    discovered by the full name (ラメシュ・レカク) is no mention of it."""
    if a.latin == b.latin:
        return 0
    ja, en = (b, a) if a.latin else (a, b)
    persons = {k for k in ja.people if not k.isascii()}
    latin = [n for n in en.people if n.isascii()]
    # A person the English report names but does not know as a person ("Javier Milei won…" in a store where Milei is
    # no actor yet): its capitalized words (`names`) stand for its people, against the Japanese report's persons only
    # (a person's katakana name, never its setting's: Argentina / アルゼンチン is no party).
    written = [n for n in en.names if n.isalpha() and n not in latin] if persons else []
    if not latin and not written:
        return 0
    kana = persons | {k for k in ja.subject if _KATAKANA_PART_RE.fullmatch(k)}
    return sum(
        1
        for k in kana
        if any(sounds_like(n, k) for n in latin) or (k in persons and any(sounds_like(n, k) for n in written))
    )


BRIDGED_SCORE = 0.3  # two reports bridged across the scripts and nothing more: below a report sharing its words
# A Japanese and an English report of one day whose sentences tell one person as their doer and share nothing else that
# decides: below a bridge, so that a report of that day that shares words with one of them is joined first.
SAME_DOER_SCORE = 0.25


def same_doer(a: EventSets, b: EventSets) -> bool:
    """Whether a Japanese and an English report of one day tell one person as the doer of their sentences (`doer`:
    「ブリンケン国務長官は3日、…訪中を延期した」 and "Blinken told a news conference…"; 「外務省の金井正彰アジア大洋州局長は
    17日に北京入りした」 and "Masaaki Kanai, director-general of…, left for Beijing"): one actor in both, a Latin key
    of a name in both (a kanji name read, 金井 kanai), or a katakana name the Latin one sounds as (`sounds_like`).
    What each says the person did is often told in words that share no gloss (延期 / "informed Wang Yi … he would put
    off"); the person's doing of the day is one happening unless their acts say otherwise (`_acts_apart`, checked
    first). Only when both are dated to the day: a month's report is an aside."""
    if a.vague or b.vague:
        return False
    return _one_doer(a.doer, a.latin, b.doer, b.latin)


def _one_doer(doer_a: frozenset[str], latin_a: bool, doer_b: frozenset[str], latin_b: bool) -> bool:
    """Whether a Japanese and an English report's doers (`doer`) are one person or body: one actor, one Latin key of a
    name or one body's key in both, or a katakana name the Latin one sounds as (`same_doer`, `_said_as`)."""
    if latin_a == latin_b or not doer_a or not doer_b:
        return False
    if any(k[:1] != SKELETON_PREFIX for k in doer_a & doer_b):
        return True
    ja, en = (doer_b, doer_a) if latin_a else (doer_a, doer_b)
    kana = [k for k in ja if _KATAKANA_PART_RE.fullmatch(k)]
    return bool(kana) and any(sounds_like(n, k) for n in en if n[:1].isupper() for k in kana)


def _doer_score(a: EventSets, b: EventSets) -> float:
    return SAME_DOER_SCORE if same_doer(a, b) else 0.0


def doer_named(a: EventSets, b: EventSets) -> bool:
    """Whether a Japanese and an English report of one day tell one person's doing, the one naming that person as its
    sentence's doer (`doer`) and the other naming them elsewhere in its sentence, not as its doer: 「外務省の金井正彰アジア
    大洋州局長は17日に北京入りした」 and "Masaaki Kanai, director-general of …, left for Beijing" (no actor, his names
    read: kanai); 「…ベングビール国家治安相は19日、…連立政権から離脱すると発表した」 and "Itamar Ben-Gvir's Jewish Power
    party said Sunday it had quit the government" (a name's possessive is no doer). The doer's actor among the other's
    persons, a Latin key of its name among the other's names, or a katakana name one of the other's Latin names sounds
    as (and the other way). One person's doing only: not when both tell a doer (`same_doer` reads those), nor when
    either names a second person (「ナデラ氏は20日、アルトマン氏が…入社し…と発表」 and "In television interviews on Monday,
    Nadella left the door open to Altman going back": two doings of the day by one of two people), nor a son ("Donald
    Trump Jr.", whose words may read as his father), nor when dated less precisely than the day."""
    if a.latin == b.latin or a.vague or b.vague or (a.doer and b.doer) or len(a.persons) > 1 or len(b.persons) > 1:
        return False
    teller, other = (a, b) if a.doer else (b, a)
    doer = teller.doer
    if not doer or not _SON.isdisjoint(other.tokens) or not _SON.isdisjoint(teller.tokens):
        return False
    if any(k[:1] == "@" and k[1:].isdigit() and int(k[1:]) in other.persons for k in doer):
        return True
    if any(k.isascii() and k.islower() and k.isalpha() for k in doer & other.names):  # a Latin key (kanai)
        return True
    if not teller.latin:
        kana = [k for k in doer if _KATAKANA_PART_RE.fullmatch(k)]
        heard = [n for n in other.people if n.isascii()] + [n for n in other.names if n.isalpha()]
        return any(sounds_like(n, k) for n in heard for k in kana)
    kana = [k for k in other.people if not k.isascii()]
    return any(sounds_like(n, k) for n in doer if n[:1].isupper() for k in kana)


_SON = frozenset(["jr", "ジュニア"])  # "Donald Trump Jr.", トランプ・ジュニア氏: a son named by his father's name


def _doer_named_score(a: EventSets, b: EventSets) -> float:
    """`doer_named` with a word of the Japanese report in the English one (北京 / Beijing, 離脱 / quit): the person's doing
    of the day told twice; below a bridge, as `same_doer`."""
    return SAME_DOER_SCORE if _translated(a, b) and doer_named(a, b) else 0.0


def _bridged(a: EventSets, b: EventSets) -> float:
    """A Japanese and an English report of one day that share no word as written: the same when `ScriptBridge`
    bridges them (the actors agree and a second name or a figure matches)."""
    if a.latin == b.latin or a.vague or b.vague:
        return 0.0
    ja, en = (b, a) if a.latin else (a, b)
    if BRIDGE.bridged_latin((ja.tokens, ja.persons, ja.latin_names), (en.tokens, en.persons, en.names)):
        return BRIDGED_SCORE
    return 0.0


def bridge_names(features: dict) -> frozenset[str]:
    """The names that may bridge a report to one in the other script (their consonant skeletons): a stored
    report sharing one of them is compared with this one even when they share no word and no person."""
    names = latin_names(features.get("tokens") or (), features.get("names") or ())
    doer = (k for k in features.get("doer") or () if k.startswith((SKELETON_PREFIX, BODY_PREFIX)))  # (`same_doer`)
    return frozenset(n for n in names if n.startswith(SKELETON_PREFIX)).union(doer)


def same_event_sets(a: EventSets, b: EventSets) -> float:
    """`same_event` over features already made sets (`event_sets`)."""
    ta, tb = a.tokens, b.tokens
    if _acts_apart(a, b):
        return DIFFERENT
    if not ta or not tb:
        return 0.0
    if a.latin == b.latin:
        return _same_script(a, b)
    return _across_scripts(a, b)


def _same_script(a: EventSets, b: EventSets) -> float:
    """`same_event_sets` of two reports in one script (most pairs clustering compares), acts and words checked:
    `_across_scripts` with every rule across the languages left out, since each of them counts nothing (or
    answers 0) for two reports in one script. The same score, in fewer calls (`tests/test_event_match_fast.py`
    compares the two on every tuned story's events)."""
    ta, tb = a.tokens, b.tokens
    if a.measured and b.measured and a.measured.isdisjoint(b.measured):
        return 0.0
    common = ta & tb
    shared = len(common)
    if not shared:
        return 0.0
    la, lb = len(ta), len(tb)
    overlap = shared / (la + lb - shared)
    shared_people = max(len(a.persons & b.persons), len(a.names & b.names))
    score = overlap + 0.05 * shared + 0.1 * shared_people
    if _words_decide(common, shared, overlap, la, lb, shared_people, a.report or b.report):
        return score
    return LOOK_BACK_SCORE if _looks_back_at(a, b) else 0.0


# A look back at a day's happening and a report of that day that share its word and little else: each of the day's reports
# of that word scores the same, so the look back joins the first stored (the day's first report of it, not a later aside
# that shares more of its few words: 「先月28日の大地震からの救援」 joins the M7.7 quake, not the M6.4 aftershock told
# after it). Below a bridge and below two events of one article.
LOOK_BACK_SCORE = 0.2


def _looks_back_at(a: EventSets, b: EventSets) -> bool:
    """One of two reports of one day names the happening by that day (`retold`: 「4月15日に始まった戦闘は5週間を超え」
    「先月28日の大地震からの救援」) and the other holds its word (「戦闘は15日朝、…始まり」, ~earthquake): a later article's
    look back at the day's happening, one entry with it, however little else the two share. Across the languages the
    Japanese one's words read in English (`gloss_forms`): "The expo, which opened on April 13, runs until…" (opened) and
    「万博が13日、開幕した」 (開幕: opening, opened); 「15日に始まった戦闘は…」 (戦闘) and "Fighting broke out on Saturday"."""
    if (a.retold and not a.retold.isdisjoint(b.tokens)) or (b.retold and not b.retold.isdisjoint(a.tokens)):
        return True
    if a.latin == b.latin:
        return False
    ja, en = (b, a) if a.latin else (a, b)
    if en.retold and any(not gloss_forms(t).isdisjoint(en.retold) for t in ja.own):
        return True
    return bool(ja.retold) and any(not gloss_forms(t).isdisjoint(en.tokens) for t in ja.retold)


def _words_decide(
    common: frozenset[str] | set[str], shared: int, overlap: float, la: int, lb: int, shared_people: int, headline: bool
) -> bool:
    """The rules both `_same_script` and `_across_scripts` read first: enough words shared, or fewer with the same
    person, event word or figure (one list, so the shortcut and the full reading cannot drift apart)."""
    if (overlap >= 0.34 and shared >= 2) or shared >= (2 if headline else 3):
        return True
    cover = shared / min(la, lb)
    if shared_people and (shared >= 2 or cover >= 0.34):
        return True
    concepts = sum(t.startswith(CONCEPT_PREFIX) for t in common)
    # One actor's one kind of happening on one date, told in two wordings (or two languages): the
    # shared event word ("~…", language-neutral) with the same person is enough.
    if shared_people and concepts:
        return True
    # The same figure (47議席 / 47 seats, 21万トン / 210,000 tons) with the same kind of happening or actor.
    if (concepts or shared_people) and any(t.startswith(NUMBER_PREFIX) and not t.endswith("%") for t in common):
        return True
    # A terse report (「同庁は22日朝、特別警報を警報に切り替えた」) whose event words are nearly all in the other.
    if concepts >= 2 and cover >= 0.6:
        return True
    # A list's entry that is its event word and little else (「10月24日（きょう）：所信表明演説」), all in the other.
    return bool(concepts and cover >= 1.0 and min(la, lb) <= 2)


def _across_scripts(a: EventSets, b: EventSets) -> float:
    """`same_event_sets` of any two reports with words, acts checked (`_same_script` is its shortcut for two
    reports in one script)."""
    ta, tb = a.tokens, b.tokens
    common = ta & tb
    if _measured_apart(a.measured, b.measured):
        return 0.0
    shared = len(common) + _translated(a, b)
    if not shared:
        return _bridged(a, b) or _doer_score(a, b)
    overlap = shared / (len(ta) + len(tb) - shared)  # len(ta | tb)
    cover = shared / min(len(ta), len(tb))
    sounded = _sounded_across(a, b)
    shared_people = max(len(a.persons & b.persons), len(a.names & b.names), _named_across(a, b), sounded)
    headline = a.report or b.report
    score = overlap + 0.05 * shared + 0.1 * shared_people
    if _words_decide(common, shared, overlap, len(ta), len(tb), shared_people, headline):
        return score
    if _looks_back_at(a, b):
        return LOOK_BACK_SCORE
    concepts = sum(t.startswith(CONCEPT_PREFIX) for t in common)
    # A terse report in one language (「4月2日（日本時間3日）　「解放の日」と銘打って相互関税を発表。」) and a report in
    # the other that has its event word and another of its words (Liberation, unveiled).
    numbers = sum(t.startswith(NUMBER_PREFIX) for t in common)
    terse = min(len(ta), len(tb)) <= TERSE_WORDS
    if terse and concepts and shared - concepts - numbers >= 1 and cover >= 0.34 and a.latin != b.latin:
        return score
    # A disaster's or an accident's happening told in the two languages: the same main act (「巨大地震があった」, "the
    # quake hit": ~occur) and the same incident named (~earthquake).
    if a.latin != b.latin and a.act and a.act == b.act and names_an_incident(list(common - a.act)):
        return score
    # A Japanese and an English report of one day sharing an event word and a plain word translated
    # (「大リーグ機構は…正式に調査を始めた」 and "Major League Baseball opened a formal investigation"), when they do
    # not name two different people (「小泉氏は…と述べました」 and "Ishiba said rice…" share ~rice and 総理).
    plainly = _translated_plainly(a, b)
    if concepts and not (a.persons and b.persons and not sounded) and plainly:
        return score
    # A Japanese and an English report of one day that name one person in full in both (given and family name read
    # alike: 「岩屋毅外相は18日…」 and "Foreign Minister Takeshi Iwaya announced on Feb. 18…") and share a plain word
    # translated (参加 / observer, 現場 / site): that person's doing of the day, told twice. One name part is not
    # enough, nor two people each named once (「ナデラ氏は20日、アルトマン氏が…入社し」 and "Nadella left the door open to
    # Altman going back": two happenings of the two).
    if plainly and len(a.names & b.names) >= FULL_NAME:
        return score
    # A Japanese and an English report of one day that share no word as written but two plain words translated
    # (「救助隊の呼びかけに答えていたが…応答がなくなった」 and "He answered rescuers' calls … has not responded"): a gloss
    # covers a word's first senses only, so two found across the languages say as much as three shared in one; not
    # when they name two different people, nor for a saying (its words are those of what it tells about: "…has not
    # responded since 1 p.m., firefighters said" is also the words of the day's earlier happening it recalls).
    if (
        plainly >= 2
        and (_SAY_ACT not in (a.act, b.act) or _said_at_a_briefing(a, b))
        and not (a.persons and b.persons and a.persons.isdisjoint(b.persons) and not sounded)
    ):
        return score
    linked = bool(concepts or plainly)
    if _same_figure(a, b, common, plainly, sounded):
        return score
    return _bridged(a, b) or _doer_score(a, b) or _doer_named_score(a, b) or _named_alike(a, b, linked)


def _same_figure(a: EventSets, b: EventSets, common: frozenset[str], plainly: int, sounded: int) -> bool:
    """A Japanese and an English report of one day that state the same figure — a count or an amount, not a share
    (1億ドル超 / "more than $100m", 「4451円安」 / "lost 4,451.28 points", 約3万人 / "about 30,000 people") — and share
    a plain word translated or a name read alike (`ScriptBridge.names`), or state two figures alike: a figure is
    what a wire and a Japanese paper translate exactly when their words differ (提訴 / "the civil claim, filed").
    Within a script the figure asks an event word or a person (`_words_decide`); across the scripts the glosses
    reach few of a report's words, so a plain word or a name stands for them. Not a share alone (a 15% tariff, a
    rate: many happenings of a day state it), not when the two name different people (two parties' figures), nor
    dated less precisely than the day."""
    if a.latin == b.latin or a.vague or b.vague:
        return False
    figures = [t for t in common if t[:1] == NUMBER_PREFIX]
    whole = sum(1 for t in figures if not t.endswith("%"))
    if not whole or (a.persons and b.persons and a.persons.isdisjoint(b.persons) and not sounded):
        return False
    if len(figures) >= 2:
        return True
    ja, en = (b, a) if a.latin else (a, b)
    return bool(plainly) or bool(BRIDGE.names(ja.latin_names, en.names, _NONE))


# Acts and words of a saying: a party's word, told as said, at a briefing or in a statement.
_SAYING = frozenset(CONCEPT_PREFIX + c for c in ("say", "statement", "press_conference", "speech"))


def _a_saying(s: EventSets) -> bool:
    return (bool(s.act) and s.act <= _SAYING | SPEECH_ACTS) or not s.tokens.isdisjoint(_SAYING)


def _named_alike(a: EventSets, b: EventSets, linked: bool) -> float:
    """A Japanese and an English report of one day that name one place, body or thing alike across the scripts
    (`ScriptBridge.names` with no actor left out: ロストフ・ナ・ドヌー / Rostov-on-Don, ダマスカス / Damascus, ファルコン
    / Falcon) and share an event word (`linked`: a concept of the lexicon, or a plain word translated): 「…南部ロストフ・
    ナ・ドヌーの南部軍管区司令部を占拠した」 and "By Saturday morning his men had taken over the headquarters of the
    Southern Military District in Rostov-on-Don"; 「シリアでは反体制派が8日、首都ダマスカスを掌握し…」 and "Assad fled to
    Moscow after rebels captured Damascus on Dec. 8". A name is a word the glosses never read (they hold no place), so
    across the scripts it counts as one shared word does within a script.

    Not a saying on either side (a party's word names the places of what it is about: 「国務省の報道官は…声明を出し」
    and "A Chinese coast guard spokesperson had said…"), not when either names two people, and not when each names
    someone the other does not (a name's skeleton on each side that none on the other is close to: 「カルデナス特使が
    アブダビで…」 and "Kowalczyk opened a trade fair in Abu Dhabi": one place, two parties' doings), not when either
    names a disaster or an accident (a quake near a town and an aftershock there: every happening of a disaster is at
    its place; the same main act and the measured figures decide those, `_across_scripts`), nor when dated less precisely than the day. Below a bridge (`BRIDGED_SCORE`)."""
    if not linked or a.latin == b.latin or a.vague or b.vague or len(a.persons) > 1 or len(b.persons) > 1:
        return 0.0
    if _a_saying(a) or _a_saying(b) or names_an_incident(list(a.tokens | b.tokens)):
        return 0.0  # a disaster's place is that of each of its happenings: the incident rule decides
    ja, en = (b, a) if a.latin else (a, b)
    if not (BRIDGE.names(ja.latin_names, en.names, _NONE) or _heard_alike(ja, en)):
        return 0.0
    return 0.0 if _named_apart(ja.latin_names, en.names) else BRIDGED_SCORE


_KATAKANA_WORD_RE = re.compile("[\u30a1-\u30fa\u30fc]{3,}")
_HEARD_LEAST = 4  # letters of an English word heard in a katakana one (a shorter one sounds as too many)


def _heard_alike(ja: EventSets, en: EventSets) -> bool:
    """A katakana word of the Japanese report that one of the English report's words sounds as (`sounds_like`): a place
    or a thing written by its sound (アラスカ / Alaska, イドリブ / Idlib, クレーン / crane, ポンド / pound), which the
    bridge's keys miss when short or spelled apart (arasuka / alaska). Not a country or a capital (`countries.json`):
    the story's setting, which every report of it names (イスラエル / Israel)."""
    kana = [t for t in ja.own if _KATAKANA_WORD_RE.fullmatch(t)]
    if not kana:
        return False
    setting = _setting_words()
    heard = [w for w in en.own if len(w) >= _HEARD_LEAST and w.isalpha() and w not in setting]
    return any(sounds_like(w.capitalize(), k) for w in heard for k in kana)


@lru_cache(maxsize=1)
def _setting_words() -> frozenset[str]:
    """The countries' English names, adjectives and capitals, lower case (bot/data/countries.json)."""
    words: set[str] = set()
    for row in read_data("countries.json")["countries"]:
        for name in (row["en"], *row.get("adjectives", ()), row.get("capital") or "", *row.get("capital_also", ())):
            words.update(name.lower().split())
    return frozenset(w for w in words if w)


def _named_apart(ja: frozenset[str], en: frozenset[str]) -> bool:
    """Each report names someone the other does not: a name's skeleton on each side that none on the other side is
    close to (カルデナス %krdns and Kowalczyk %krksk)."""
    mine = [n for n in ja if n[:1] == SKELETON_PREFIX and n[1:2] != SKELETON_PREFIX]
    theirs = [n for n in en if n[:1] == SKELETON_PREFIX and n[1:2] != SKELETON_PREFIX]

    def alone(these: list[str], those: list[str]) -> bool:
        return any(not any(BRIDGE.close(x, y) for y in those) for x in these)

    return alone(mine, theirs) and alone(theirs, mine)


MEASURE_BELOW = 100  # a magnitude, a level in meters, a rate: small figures told to a tenth; not an index's 4,451.28


_NONE: frozenset[str] = frozenset()


def _measurements(tokens: frozenset[str]) -> frozenset[str]:
    """A report's figures told to a tenth or finer that are no share (a magnitude 7.7, a level of 1.5 meters)."""
    if "." not in "".join(tokens):  # most reports hold no "." in any word: one scan of them all in C
        return _NONE
    # "." first: most words hold none, and one `in` test is cheaper than a call of `startswith` (the same words pass)
    return frozenset(
        t
        for t in tokens
        if "." in t and t.startswith(NUMBER_PREFIX) and not t.endswith("%") and float(t[1:]) < MEASURE_BELOW
    )


def _measured_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two reports that each give a measurement (`EventSets.measured`) and share none (a magnitude 7.7 quake and a
    6.4 aftershock twelve minutes later, one word of kind and act in common): two happenings, however alike their
    words."""
    return bool(a) and bool(b) and a.isdisjoint(b)


_BRIEFING = CONCEPT_PREFIX + "press_conference"


def _said_at_a_briefing(a: EventSets, b: EventSets) -> bool:
    """A saying and, in the other language, a press conference held that day (「…作業部会も4日に東京で会見し、…促した」
    and "Two experts from a United Nations human rights body said Friday that…"): the words said are the briefing's,
    not a retelling of an earlier happening."""
    said, other = (a, b) if a.act == _SAY_ACT else (b, a)
    return said.act == _SAY_ACT and _BRIEFING in other.tokens


def apart_in_one_article(a: dict, b: dict) -> bool:
    """Whether two events of one article are two happenings whatever words they share: two parties' doings (each
    sentence's topic names a party, `subject`, and none is in both: 「イスラエル軍は13日未明、…空爆した」 and, below,
    「イランは同日夜、報復として…発射し」), or two people's words (both main acts are saying, and no person is named in
    both: 「ゼレンスキー大統領は21日、演説で…と述べた」 and 「トランプ大統領は21日、ラジオ番組で…と述べた」). An article
    tells each party's doing apart; across articles the same words may be one happening, one outlet naming the doer
    and the other whom it was about, so this is one article's rule (measured: as a rule for any two reports it split
    such pairs)."""
    persons_a, persons_b = a.get("persons") or (), b.get("persons") or ()
    if (
        _SAY_ACT == frozenset(a.get("act") or ()) == frozenset(b.get("act") or ())
        and persons_a
        and persons_b
        and set(persons_a).isdisjoint(persons_b)
    ):
        return True
    subject_a, subject_b = a.get("subject") or (), b.get("subject") or ()
    return bool(subject_a) and bool(subject_b) and set(subject_a).isdisjoint(subject_b)


def retold_in_one_article(earlier: dict, later: dict) -> bool:
    """Whether a later event of an article tells more of an earlier one of its day: the later sentence's topic is the
    happening itself (`theme`: 「就任式は8日夜、首都ダッカの大統領府で行われ、…宣誓した」「演習は23日午前7時45分に始まっ
    た」), and the earlier one names it among its words (「…首席顧問に就任した」「…合同演習を始めたと発表した」). A lead
    tells what happened, then a sentence about the happening tells its hour, place and course: one happening, though the
    two share few other words (an hour, a place, a figure the lead left out). Or the later sentence tells the lead's act
    again at its clock time (`told_at_its_hour`)."""
    theme = later.get("theme")
    if theme and not set(theme).isdisjoint(earlier.get("tokens") or ()):
        return True
    scene = later.get("scene")  # 「16日の会合後、知事は…」 after the lead that held the meeting
    if scene and not set(scene).isdisjoint(earlier.get("tokens") or ()):
        return True
    return (
        told_at_its_hour(earlier, later)
        or quoted_below(earlier, later)
        or said_again(earlier, later)
        or named_again(earlier, later)
    )


def _latin_report(features: dict) -> bool:
    own = [t for t in features.get("tokens") or () if t[:1] not in _PREFIXES]
    return bool(own) and all(map(str.isascii, own))


def quoted_below(earlier: dict, later: dict) -> bool:
    """Whether a later English sentence of an article is the words of the person its earlier sentence of that day
    tells as the doer (`doer`: one actor in both, not a name's skeleton) of an act, naming no one else: a wire lead,
    then its quote — "Defense Secretary Lloyd Austin announced a multinational operation … on Monday" and "\\"This is
    an international challenge…,\\" Austin said in a statement"; "Foreign Minister Taro Kono summoned South Korean
    Ambassador … on Thursday" and "\\"The decision completely misreads…,\\" Kono told reporters". The two share few
    words (the lead tells what was done, the quote what was said), yet they are one happening.

    The lead must name an act, and not a saying: two sayings of one person's day may be two occasions ("Mori, who had
    held an extraordinary news conference shortly after midnight, faced reporters again on Thursday" and "Mori … in her
    midnight remarks"), and with a lead the lexicon names no act of ("Haruo Kataoka, 72, won a sixth term …") the
    quote, whole, ranks above the trimmed lead as the entry's summary and the entry loses what the lead told. English
    only: a Japanese report tells a person's second word of the day in a sentence of its own (「…大統領は28日、…大統領令
    に署名した」 then 「…氏は28日夜のビデオ演説で…と述べた」; 「気象庁は午後1時からの記者会見で…説明しました」 after its
    warning), and the gold holds those apart. Not another act of the person (「Earlier Sunday, Kishida laid a wreath」),
    not a saying that names a second person."""
    if frozenset(later.get("act") or ()) != _SAY_ACT:
        return False
    done = frozenset(earlier.get("act") or ())
    if not done or done == _SAY_ACT:
        return False  # the lead names no act, or is a saying too: two words of one day may be two occasions
    if not (_latin_report(earlier) and _latin_report(later)):
        return False
    mine = {k for k in later.get("doer") or () if k[:1] == "@"}
    if mine.isdisjoint(earlier.get("doer") or ()):
        return False
    return set(later.get("persons") or ()) <= set(earlier.get("persons") or ())


# the occasion a person's word of the day was given at, as a Japanese report names it: a briefing (`~press_conference`:
# 記者会見, 会見, 記者団), an interview (インタビュー, read インタビュ), reporters' questions (取材)
_SPOKEN_AT = frozenset([_BRIEFING, "インタビュ", "取材"])
_SPEECH = CONCEPT_PREFIX + "speech"  # an address (演説, ビデオ演説): an occasion of its own, not the briefing's


def said_again(earlier: dict, later: dict) -> bool:
    """Whether a later Japanese sentence of an article tells again the word of the day its earlier sentence told, at
    the occasion it names: the lead gives a person's word (`act` a saying), and a sentence below, whose doer is that
    person alone and whose topic names no one else, gives more of it at the briefing, interview or questions it was
    given at — 「高市…相は13日の閣議後記者会見で、…「…」と述べた」 then 「高市氏は13日の会見で、…との考えを重ねて示した」;
    「ルラ大統領は15日、…に言及した」 then 「ルラ氏は15日、…ラジオ局のインタビューに応じ、…と明言した」; 「荒井氏は3日夜、
    …記者団の取材に応じた際、…と語った」 then 「荒井氏は3日の取材で、…問題の発言をした」. The two share few words (each
    quotes another part of what was said), yet they are one happening.

    Not a later act of the person (「…と謝罪して発言を撤回した」, 「…に組閣し」: its `act` is no saying), not a sentence
    naming no occasion (「小泉氏は21日夜、…就任する予定です」 after his words to reporters; 「マスク氏は4日、「…」と批判
    した」 after his post: two topics of a day the gold holds apart), not an address (「…28日夜のビデオ演説で…と述べた」
    after a decree signed: another occasion), not a lead that is no saying (a decree signed, a meeting held, an act
    told: `quoted_below`'s and the gold's trade), not a second person named, not English (`quoted_below`)."""
    if frozenset(earlier.get("act") or ()) != _SAY_ACT or frozenset(later.get("act") or ()) - _SAY_ACT:
        return False
    said_at = set(later.get("tokens") or ())
    if said_at.isdisjoint(_SPOKEN_AT) or _SPEECH in said_at or _SPEECH in (earlier.get("tokens") or ()):
        return False
    if _latin_report(earlier) or _latin_report(later):
        return False
    mine = {k for k in later.get("doer") or () if k[:1] == "@"}
    theirs = {k for k in earlier.get("doer") or () if k[:1] == "@"}
    if len(mine) != 1 or mine != theirs or not any(f"@{p}" in mine for p in later.get("persons") or ()):
        return False  # one person, the same, the doer of both (not a body, not two people)
    theirs_named = earlier.get("subject") or ()
    subject = later.get("subject") or ()
    if not subject or not all(any(a in b or b in a for b in theirs_named) for a in subject):
        return False  # its topic names the earlier's party (山田氏 for 山田太郎外相), no one else
    return set(later.get("persons") or ()) <= set(earlier.get("persons") or ())


def _one_person(features: dict) -> int | None:
    """The one person a report names, if it names exactly one and its doer (`doer`), if it tells one, is that person
    (not a body: 「ヒズボラも同日の声明で…」)."""
    persons = set(features.get("persons") or ())
    doers = {k for k in features.get("doer") or () if k[:1] == "@"}
    if len(persons) != 1 or not doers <= {f"@{p}" for p in persons}:
        return None
    return next(iter(persons))


def named_again(earlier: dict, later: dict) -> bool:
    """Whether a later Japanese sentence of an article and day tells more of the doing of the one person its earlier
    sentence told as its doer, naming that person again by a word pointing back (`ref`: 同氏, a bare title, a family
    name, or after a connective the person's name): 「クワーテング財務相は3日、…撤回すると発表した」 then 「同氏は3日朝、
    ツイッターに声明を投稿し、…」; 「岸田文雄首相が18日夜、…解散を検討していると表明した」 then 「首相は18日夜、官邸で
    記者団の取材に応じ…」; 「平将明デジタル相は1日、…考えを示した」 then 「平氏は同日、…講演した」; 「…チートル長官は23日、
    辞任した」 then 「米メディアによると、チートル氏は23日、職員に宛てたメールで…」. The two share few words (each tells
    another part of the doing), yet the article tells one person's one doing of the day.

    The later sentence is a saying or tells no act (not 「法相は同日、…言い間違いだったとツイッターで訂正した」 after her
    briefing: a second doing), neither is an address (演説: an occasion of its own, as for `said_again`), the earlier
    names one person, as its doer (its topic, or a title then は or が: `titled`), not as whom something was done to,
    and the later names no one else. Not English (`quoted_below`)."""
    ref = later.get("ref")
    if not ref or _latin_report(earlier) or _latin_report(later):
        return False
    if frozenset(later.get("act") or ()) - _SAY_ACT:
        return False
    if _SPEECH in (later.get("tokens") or ()) or _SPEECH in (earlier.get("tokens") or ()):
        return False
    one = _one_person(earlier)
    if one is None or not set(later.get("persons") or ()) <= {one}:
        return False
    word = ref[0]
    if word[:1] == "@":
        return word == f"@{one}"
    titled = earlier.get("titled") or ()
    if f"@{one}" not in (earlier.get("doer") or ()) and not titled:
        return False  # the earlier's one person is not its doer (「…首相に電話で伝えたという」)
    if word == "同氏":
        return True
    if word in titled or word == (earlier.get("ref") or [None])[0]:
        return True
    named = [*(earlier.get("subject") or ()), *(earlier.get("people") or ())]
    return any(word in n for n in named)


def told_at_its_hour(earlier: dict, later: dict) -> bool:
    """Whether a later event of an article tells an earlier one of its day again at its hour (`hour`, `hour_told`:
    「現地時間の12日午後1時38分、…市街地に墜落したということです」 after the lead 「…旅客機が離陸直後に墜落しました」;
    「午前9時過ぎ、…林の中で遺体を発見した」 after 「県警は17日、…遺体を見つけた」): the act or the thing acted on that
    the later sentence's predicate names is among the earlier one's words, and it names no party the earlier does not
    (its topic, if it has one, is among the earlier's words; each person it names is one the earlier names): a lead,
    then its hour and place, is one happening, but 「同日午後4時ごろ、…局長が…社長に命令書を手渡した」 after 「国土交通
    省は31日、…是正命令を出した」 tells two more people's doing of the day."""
    hour = later.get("hour")
    words = set(earlier.get("tokens") or ())
    if not hour or words.isdisjoint(hour):
        return False
    if not set(later.get("persons") or ()) <= set(earlier.get("persons") or ()):
        return False
    subject = later.get("subject") or ()
    return not subject or not words.union(earlier.get("subject") or ()).isdisjoint(subject)


def restated_by_its_doer(earlier: dict, later: dict) -> bool:
    """Whether a later Japanese sentence of an article and day tells again, with its doer now as the topic, the doing
    its earlier sentence told of a person whose name the topic pattern did not read (a clause before the name, a
    connective: 「職業差別と受け取られかねない発言をした静岡県の川勝平太知事(75)は10日、…議長に辞職願を提出した」 then
    「川勝氏は10日午前9時過ぎ、県議会の議長室を訪れて辞職願を手渡した」; 「これを受けて、北海道の鈴木知事は18日、…大臣に
    対し、…意見を伝えました」 then 「鈴木知事は18日、梶山大臣にメールで意見を送りました」). The two share a plain word
    and the person, yet score below what two events of one article ask (`SAME_DOCUMENT_SCORE`): they then join on
    `SAME_MOMENT_SCORE`, as one moment told twice does.

    The earlier has no topic at all (`topicless`: a topic read, or one naming a party the index does not know, is
    `named_again`'s or `apart_in_one_article`'s to judge — 「佐藤議長は20日、…辞職願を受け取った」 is the chair's doing)
    and no doer, and names at most two people; the later's doer is one person the earlier names, it names no one else, is no saying (a
    person's word of the day at a briefing is an occasion of its own: `said_again`), it gives its doer no title the
    earlier did not give a doer (`titled`: 「佐藤議長は20日午後、辞職願を受理した」 after the governor's resignation
    handed to her is the other person's doing), and the two share a word as written (not only an event concept or a
    figure). Not English (`quoted_below`)."""
    if not earlier.get("topicless") or earlier.get("doer") or _latin_report(later):
        return False
    act = frozenset(later.get("act") or ())
    if act and act <= _SAY_ACT:
        return False
    persons = set(earlier.get("persons") or ())
    if not persons or len(persons) > 2:
        return False
    doers = {k for k in later.get("doer") or () if k[:1] == "@"}
    if len(doers) != 1 or not set(later.get("persons") or ()) <= persons:
        return False
    if next(iter(doers)) not in {f"@{p}" for p in persons}:
        return False
    if not set(later.get("titled") or ()) <= set(earlier.get("titled") or ()):
        return False  # a title the lead gave no doer (「佐藤議長は…受理した」 after the governor's resignation): the other party
    own = {t for t in earlier.get("tokens") or () if t[:1] not in _PREFIXES}
    named = later.get("subject") or ()  # the doer's own name (山田氏: 山田) is no word of the doing
    return any(t in own and not any(t in n for n in named) for t in later.get("tokens") or () if t[:1] not in _PREFIXES)


# Pairs of main acts that are one happening's two readings: a decision issued and what it orders (「…解散を命じる決定を
# 出した」, read as an announcement, and 「…解散を命じた」; "issued an order" and "ordered"), a statement issued and its
# words said (「…声明を出した」 and 「…と述べた」), a demand made and said (「…撤回を求めた」 and 「…と述べた」; "urged" and
# "said"), a meeting held and the agreement reached at it (「…会談し、…で合意した」 told as the agreement, and "met").
# Not a change of a level beside its issue (a warning issued, a warning downgraded or raised: two happenings of one
# day), nor an incident's acts (a quake occurred, a wave observed, a death).
READINGS = frozenset(
    frozenset(CONCEPT_PREFIX + c for c in pair)
    for pair in (("announcement", "order"), ("announcement", "say"), ("order", "say"), ("agreement", "meeting"))
)


def one_happening_readings(act_a: list[str] | tuple[str, ...], act_b: list[str] | tuple[str, ...]) -> bool:
    """Whether two reports' main acts (`act`, as stored) may be one happening's two readings (`READINGS`): a report
    whose act sets it apart from another's then joins the other's cluster when that cluster's reports outvote the
    veto or tie it with one saying much the same (`clusters.outvoted`)."""
    a, b = frozenset(act_a or ()), frozenset(act_b or ())
    if not a or not b or a == b:
        return bool(a) and a == b
    return len(a) == len(b) == 1 and (a | b) in READINGS


# Clustering compares each stored event with many new ones: it makes each event's sets once; it compares only
# events that share a content word, a person or one of their `cross_words`.
same_event.apart_in_one_article = apart_in_one_article  # type: ignore[attr-defined]
same_event.retold_in_one_article = retold_in_one_article  # type: ignore[attr-defined]
same_event.restated_in_one_article = restated_by_its_doer  # type: ignore[attr-defined]
same_event.fragment_of = fragment_of  # type: ignore[attr-defined]
same_event.one_happening_readings = one_happening_readings  # type: ignore[attr-defined]
same_event.refers_back = lambda features: bool(features.get("ref"))  # type: ignore[attr-defined]
same_event.prepared = (event_sets, same_event_sets)  # type: ignore[attr-defined]
same_event.cross_words = cross_words  # type: ignore[attr-defined]
same_event.compared_widely = compared_widely  # type: ignore[attr-defined]
same_event.bridge_names = bridge_names  # type: ignore[attr-defined]


VetoKey = tuple[frozenset[str], frozenset[str], frozenset[int], frozenset[str], bool, frozenset[str], frozenset[str]]
_NOBODY: frozenset = frozenset()


def veto_key(s: EventSets) -> VetoKey:
    """What of a report's sets says whether it is surely another happening than a second report: its acts (the one
    way `same_event_sets` answers DIFFERENT), and for a saying or a kind of saying who said it (`_said_as`). Two
    reports with equal keys veto the same reports."""
    glossed = s.glossed if s.act else _NONE
    if s.act and (s.act == _SAY_ACT or s.act <= SPEECH_ACTS):
        return (s.act, s.acts, s.persons, s.names, s.latin, glossed, s.doer)
    return (s.act, s.acts, _NOBODY, _NOBODY, s.latin, glossed, _NOBODY)


def vetoes(a: VetoKey, b: VetoKey) -> bool:
    """Whether reports with these `veto_key`s are surely two happenings: `same_event_sets` < 0 exactly then."""
    return (
        _different_acts(a[0], a[1], b[0], b[1])
        and not _said_as(a[0], a[2], a[3], b[0], b[2], b[3], (a[6], a[4], b[6], b[4]))
        and not _named_in_translation(a[0], a[4], a[5], b[0], b[4], b[5])
    )


def _acts_apart(a: EventSets, b: EventSets) -> bool:
    """Whether two reports' acts say they are two happenings (`same_event_sets` answers DIFFERENT)."""
    return (
        _different_acts(a.act, a.acts, b.act, b.acts)
        and not _said_as(a.act, a.persons, a.names, b.act, b.persons, b.names, (a.doer, a.latin, b.doer, b.latin))
        and not _named_in_translation(a.act, a.latin, a.glossed, b.act, b.latin, b.glossed)
    )


def _named_in_translation(
    act_a: frozenset[str],
    latin_a: bool,
    glossed_a: frozenset[str],
    act_b: frozenset[str],
    latin_b: bool,
    glossed_b: frozenset[str],
) -> bool:
    """A Japanese and an English report where the English one's main act is named by a word of the Japanese one read
    in English (「…旅客機が離陸直後に墜落し、…260人が死亡した」 and "Flight AI171 crashed into a medical college
    hostel…": 墜落 is "crash", ~collision): as `_different_acts` lets a report whose act the other names outside quotes
    join it within a language, across the languages the Japanese words name it through their glosses (the lexicon
    holds few of a report's nouns). Not two happenings for their acts; the words decide."""
    if latin_a == latin_b:
        return False
    en_act, ja_glossed = (act_a, glossed_b) if latin_a else (act_b, glossed_a)
    return bool(en_act) and en_act <= ja_glossed


# Main acts that are a kind of saying: what a person said, told by what the words did (「…と謝罪した」「…と批判した」
# 「…と歓迎した」) where another report tells it as said (「…と述べた」, "said").
SPEECH_ACTS = frozenset(
    CONCEPT_PREFIX + c for c in ("apology", "criticism", "welcome", "rejection", "appeal", "regret", "condolence")
)


def _said_as(
    act_a: frozenset[str],
    persons_a: frozenset[int],
    names_a: frozenset[str],
    act_b: frozenset[str],
    persons_b: frozenset[int],
    names_b: frozenset[str],
    doers: tuple[frozenset[str], bool, frozenset[str], bool] = (_NONE, False, _NONE, False),
) -> bool:
    """One person's words told as said in one report and as what they did in the other (「時田社長は…「…申し訳なく思って
    いる」と謝罪しました」 and below 「時田社長は「…申し訳なく思っている」と述べました」; 「鈴木俊一金融担当相も21日の会見で
    「…到底許されない」と批判している」 and "Finance Minister Shunichi Suzuki … said last Friday that…"): their acts
    differ only as a saying's kind, so they are not surely two happenings; the words decide. Only the same person's
    (one actor in both, a person's given and family name in both, or across the languages one doer, `doers`: each
    report's `doer` and script, read by `_one_doer`): two people's sayings stay apart."""
    if (act_a == _SAY_ACT) == (act_b == _SAY_ACT):
        return False
    kind = act_b if act_a == _SAY_ACT else act_a
    if not kind or not kind <= SPEECH_ACTS:
        return False
    if not persons_a.isdisjoint(persons_b):
        return True
    if bool(persons_a) and bool(persons_b) and len(names_a & names_b) >= FULL_NAME:
        return True
    # Across the languages one person is often two actors, one per script (玉城知事 and "Tamaki", 斎藤健経産相 and
    # "Saito"): the doer each sentence tells (`doer`), one person by a Latin key or a katakana name heard (`_one_doer`).
    return _one_doer(*doers)


# A merge of two clusters asks only whether any two of their reports are surely different (`merge_bridged`): their
# acts say it, each distinct pair of acts asked once instead of every pair of reports (up to 60 × 60).
same_event.vetoes = (veto_key, vetoes)  # type: ignore[attr-defined]


def _different_acts(
    act_a: frozenset[str], named_a: frozenset[str], act_b: frozenset[str], named_b: frozenset[str]
) -> bool:
    """Two reports whose main acts are known and differ (a warning issued, a warning downgraded) tell two
    happenings, unless one's act is named outside quotes in the other (「辞任を表明した」 and 「辞任した」;
    「…注意報を出し、…警報に引き上げた」 and 「…警報を発表した」)."""
    if not act_a or not act_b:
        return False
    return named_a.isdisjoint(act_b) and named_b.isdisjoint(act_a)
