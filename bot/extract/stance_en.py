"""Whose sentence it is, in English news text: the actor clauses /stance reads positions from.

A sentence is an actor's when
* an actor is its subject and does something a position can be read from: `Biden blocked the deal`,
  `Trump on Friday signed an order allowing …`, `The union, which opposed the takeover, praised the order`,
  `Trump has also promised to kill the deal` (adverbials, auxiliaries and an appositive may sit between);
* or the speaker rules of /quote give it one (`"…," Trump wrote`, `X said (that) …`, `according to X`, a quote
  standing alone after X's sentence, `he said` for the last person named) — the same module as /quote;
* or it opens on `he`/`she` (the last person named) or `the company`/`the union`/`it` (the last body named)
  with such a verb.
Sentences are cut as /quote cuts them: `U.S.`, `Corp.`, `Dec.` and a full stop inside an open quotation never
end one. A wire dateline (`WASHINGTON (Reuters) -`) is not the sentence's subject.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.actors import ActorEntry, ActorIndex, Mention
from bot.extract.affiliation import AGENT_RX, phrases_at
from bot.extract.attribution_en import DATELINE_RE, SUBJECT_FILLERS, attribute_en, kind_fits, sentences
from bot.extract.gloss_words import english_words
from bot.extract.roles import vocabulary
from bot.text import longest_first

__all__ = ["EnglishClause", "english_clauses"]


@dataclass(slots=True)
class EnglishClause:
    actor_id: int
    start: int
    end: int


@lru_cache(maxsize=1)
def _verbs_rx() -> re.Pattern[str]:
    """The verbs after which a subject is the clause's actor: speech verbs (/quote's list) and the acts a
    position is read from (`bot/data/positions.json`, `en_subject_verbs`)."""
    data = json.loads(resources.files("bot.data").joinpath("positions.json").read_text(encoding="utf-8"))
    words = set(vocabulary().en_speech_verbs) | set(data["en_subject_verbs"])
    alt = "|".join(longest_first(re.escape(w) for w in words))
    # the plain form after an auxiliary: `It does not oppose the shift`, `The party will not support …`, `X would
    # accept …` (never alone: `the Trump plan`, `Biden support for Ukraine` are nouns)
    plain = "|".join(longest_first(re.escape(w) for w in _plain_forms(words)))
    after = "".join(f"(?<={a} )|" for a in _AUXILIARIES)[:-1]
    return re.compile(rf"(?:{alt}|(?P<plain>(?:{after})(?:{plain})))(?![A-Za-z])", re.IGNORECASE)


_AUXILIARIES = ("does", "do", "did", "will", "would", "could", "can", "may", "might", "must", "should", "not", "n't")


def _plain_forms(words: set[str]) -> set[str]:
    """The plain forms of the verbs listed in the third person (opposes → oppose, pushes → push, fires back → fire
    back) whose past the list holds too (opposed, pushed, fired back): read after an auxiliary only."""
    found = set()
    for w in words:
        head, _, rest = w.partition(" ")
        if not head.endswith("s"):
            continue
        # pushes → push, vetoes → veto (the -es of a sibilant or an o); opposes → oppose, accepts → accept
        stem = (
            head[:-2] if head.endswith("es") and head[:-2].endswith(("ss", "sh", "ch", "x", "zz", "o")) else head[:-1]
        )
        if len(stem) >= 3 and any(" ".join(filter(None, (stem + e, rest))) in words for e in ("d", "ed")):
            found.add(" ".join(filter(None, (stem, rest))))
    return found


@lru_cache(maxsize=1)
def _verb_after_rx() -> re.Pattern[str]:
    """Fillers then a verb, in one pattern: an appositive's commas are tried until the verb follows."""
    return re.compile(_FILLER + _verbs_rx().pattern, re.IGNORECASE)


# What may stand between a subject and its verb: auxiliaries and adverbs (has also, would not, later), a time
# (on Friday, on Dec. 2, last week, earlier this month), appositives or relative clauses between commas.
_FILLER = (
    # a ticker or short name in brackets (`Japan Airlines (9201.T), which …, said`), then up to two appositives or
    # relative clauses (`Tomomi Inada, acting secretary-general of the party, which backed Koike, said`)
    r"(?:\s*\([^()\"“”]{1,24}\))?(?:(?:\s*,\s*(?:which|who)\s[^,\"“”]{2,120}|\s*,[^,.;\"“”]{1,90}){1,2}\s*,)?"
    r"(?:\s+(?:" + "|".join(SUBJECT_FILLERS) + r"|not|never|will|would|could|should|must|can|may|might|"
    r"did|does|do|is|was|were|are|be|been|to|on\s+(?:\w+day|[A-Z][a-z]{2,4}\.?\s+\d{1,2})|last\s+(?:week|month|year)|"
    r"earlier\s+this\s+(?:week|month|year)|this\s+(?:week|month|year)|in\s+a\s+(?:statement|post|letter|speech))){0,5}"
    r"\s+"
)
_DATELINE_RX = DATELINE_RE  # WASHINGTON (Reuters) -, TOKYO, Nov 5 (Reuters) -, KYIV, March 2 -, BEIJING/TOKYO … -
_PERSON_PRONOUN_RX = re.compile(r"^\s*(?:[Hh]e|[Ss]he)(?![A-Za-z])")  # lower case after a fronted phrase
_ORG_PRONOUN_RX = re.compile(
    r"^\s*(?:[Ii]t|[Tt]he\s+(?:company|firm|union|ministry|agency|government|administration|group|party|bank|committee|commission|court|automaker|steelmaker|board))(?![A-Za-z])"
)
_QUOTE_RX = re.compile(r"[\"“][^\"“”]*[\"”]")
# A subordinate or participial clause in front of the main one: its names are not the sentence's subject.
_FRONTED_RX = re.compile(
    r"\s*(?:When|After|Before|As|While|Although|Though|If|Since|Until|Once|Because|Whereas|Even though|Even as"
    r"|Asked|Speaking|Responding|Addressing|Writing|Commenting|Reacting)\s[^,;\"“”]{3,160},\s*"
    # where the words were said: `In a statement, it said …`, `In a letter to shareholders on Sunday, the special
    # committee's chair …`, `In a post on Truth Social, he said …` (the subject, a pronoun or a body's kind, after it)
    r"|\s*In\s+(?:a|an|its|his|her|their)\s+(?:(?:joint|written|separate|brief|video)\s+)?"
    r"(?:statement|letter|post|filing|release|message|video|interview)\b[^,;\"“”]{0,160},\s*"
)
SUBJECT_WINDOW = 90  # how far into a sentence (past its dateline) its subject may start


def english_clauses(
    text: str,
    mentions: list[Mention],
    actors: ActorIndex,
    last_person: int | None = None,
    context: str = "",
    bodies: dict[int, int] | None = None,
    orgs: deque[int] | None = None,
) -> tuple[list[EnglishClause], int | None]:
    """The actor clauses of an English passage (one per sentence at most), and the last person named after it.

    `context`: the item's text (for `he` and a surname given in full earlier); `last_person`: the last person
    named before this passage; `bodies`: person → the body the item named them officer of, `orgs`: the bodies
    the item named, latest last (both kept up to date)."""
    out: list[EnglishClause] = []
    bodies = {} if bodies is None else bodies
    orgs = deque() if orgs is None else orgs
    last_org: int | None = None
    previous: int | None = None
    lead_body: int | None = None
    for s, e in sentences(text):
        sentence = text[s:e]
        lead = _DATELINE_RX.match(sentence)
        body_at = s + (lead.end() if lead else 0)
        fronted = _FRONTED_RX.match(text, body_at, e)  # `When Trump announced it, McCall said …`: McCall's
        body_at = fronted.end() if fronted else body_at
        speaker = _subject(text, body_at, e, mentions, actors)
        opening = text[body_at:e]
        verb_after = _pronoun_verb(opening)
        # `The ministry said …`: a body named by its kind is the subject, never the last person /quote would give
        said: str | None = None  # the name /quote's speaker rules give the sentence, when asked
        if speaker is None and not (verb_after and _ORG_PRONOUN_RX.match(opening)):
            speaker, said = _speaker(text, s, e, actors, context)
        elif speaker is None:  # unless /quote's rules find the body by its kind: "the ministry" of "Japan's transport
            named, _ = _speaker(text, s, e, actors, context)  # ministry" named before, across other bodies' words
            speaker = named if named is not None and actors.actors[named].kind != "person" else None
        if speaker is None:
            if verb_after and _PERSON_PRONOUN_RX.match(opening):
                # `he`/`she` is the last person named, unless /quote's speaker rules name someone the index lacks
                # (`Assad himself broke his silence. In a statement …, he said`: not the registered person named last)
                speaker = None if _unregistered_person(said, actors) else last_person
            elif verb_after and (kind := _BODY_KIND_RX.match(opening)):
                # `The regulator stopped short of …`: the latest body of that kind (by its name's head)
                heads = _BODY_KIND_HEADS[" ".join(kind.group(1).lower().split())]
                fits = [o for o in (*orgs, last_org) if o is not None and _named_as(actors.actors[o], heads)]
                speaker = fits[-1] if fits else None
            elif verb_after and (called := _ORG_PRONOUN_RX.match(opening)):
                # `The ministry has said …`: the latest body of that kind, in this passage or before it
                word = called.group(0).strip()
                fits = [o for o in (*orgs, last_org) if o is not None and kind_fits(word, actors.actors[o].name)]
                speaker = fits[-1] if fits else None
            elif previous is not None and opening.lstrip().startswith(('"', "“")):
                speaker = previous  # a quote standing alone goes on from the sentence before
        if speaker is not None:
            out.append(EnglishClause(speaker, s, e))
            body = _affiliation(text, body_at, e, speaker, mentions, actors, last_org, lead_body) or _kind_officer(
                text, s, e, speaker, mentions, actors, orgs
            )
            if body is not None:
                bodies[speaker] = body
            else:  # `Mazda President Masahiro Moro told reporters. He said …`: the officer still speaks for it
                body = bodies.get(speaker)
            if body is not None:
                out.append(EnglishClause(body, s, e))
        previous = speaker
        lead_body = next(  # the body a sentence opens with, for a spokesperson quoted in the next one
            (
                m.actor_id
                for m in mentions
                if body_at <= m.start < min(e, body_at + 40)
                and actors.actors[m.actor_id].kind != "person"
                and not _inside_quote(text, s, m.start)
            ),
            None,
        )
        for m in mentions:
            if s <= m.start < e:
                kind = actors.actors[m.actor_id].kind
                if kind == "person":
                    last_person = m.actor_id
                else:
                    last_org = m.actor_id
                    _latest(orgs, m.actor_id)
        if speaker is not None:
            if actors.actors[speaker].kind == "person":
                last_person = speaker
            else:
                last_org = speaker
                _latest(orgs, speaker)
    return out, last_person


# a body called by a kind whose bodies' names say what they are (`The regulator said`: an agency, a commission …)
_BODY_KIND_HEADS = {
    "regulator": ("agency", "commission", "authority", "board", "bureau", "庁", "委員会", "局"),
    "watchdog": ("agency", "commission", "authority", "board", "bureau", "庁", "委員会", "局"),
    "junta": ("military", "army", "junta", "軍"),
    "military": ("military", "army", "forces", "軍"),
    "airline": ("air", "airlines", "airways", "航空"),
    "carrier": ("air", "airlines", "airways", "航空"),
    "council": ("council", "会議", "評議会"),
    # a power company and a coast guard called by their kind (`The utility said`, `The coast guard said`)
    "utility": ("electric", "power", "電力"),
    "coast guard": ("coast guard", "海上保安庁", "海警"),
    # a state's ministry or mission called by its kind (`The foreign ministry said it "respectfully disagrees"`, `The
    # embassy said`): the latest such body the item named (South Korea's foreign ministry, 韓国外務省)
    "foreign ministry": ("foreign ministry", "ministry of foreign affairs", "foreign affairs", "外務省", "外交部"),
    "defense ministry": ("defense ministry", "ministry of defense", "国防省", "国防部", "防衛省"),
    "defence ministry": ("defence ministry", "ministry of defence", "国防省", "国防部", "防衛省"),
    "embassy": ("embassy", "大使館"),
}
_BODY_KINDS = "|".join(re.sub(" ", r"\\s+", h) for h in _BODY_KIND_HEADS)  # coast guard: coast\s+guard
_BODY_KIND_RX = re.compile(rf"^\s*The\s+({_BODY_KINDS})(?![A-Za-z])", re.IGNORECASE)


def _named_as(entry: ActorEntry, heads: tuple[str, ...]) -> bool:
    """Whether a body's name or another name of it has one of the heads (Financial Services Agency, 金融庁)."""
    return any(
        re.search(rf"(?<![a-z]){h}(?![a-z])", name.lower()) if h.isascii() else name.endswith(h)
        for name in (entry.name, *entry.aliases, entry.name_en or "")
        for h in heads
    )


def _latest(orgs: deque[int], actor_id: int) -> None:
    if actor_id in orgs:
        orgs.remove(actor_id)
    orgs.append(actor_id)


# `the group's president, Matt Blunt, said` / `USW International President David McCall said`: a body's officer
# speaking for it — the statement is the body's too.
_OFFICER = (
    r"(?:[A-Z][\w.&-]*\s+){0,3}(?:[Pp]resident|[Cc]hairman|[Cc]hair|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|CEO|[Hh]ead"
    r"|[Cc]hief [A-Za-z]+ [Oo]fficer"  # chief investment officer, chief operating officer
    r"|[Ll]eader|[Ss]pokes(?:person|man|woman)|[Ss]ecretary-[Gg]eneral|[Dd]irector|[Gg]overnor"
    r"|[Aa]dministrator|[Cc]ommissioner)"  # an agency's head: `FAA Administrator Mike Whitaker said`
)
_ITS_OFFICER_RX = re.compile(
    r"(?:\b[Tt]he\s+(?:group|company|firm|union|council|association|ministry|party|agency|organization|federation"
    r"|bank|automaker|steelmaker|board)['’]s|\b[Ii]ts)\s+" + _OFFICER
)
# a company's officer named by the title alone (`Honda said … Chief Executive Toshihiro Mibe said`), never
# `President`, which as often heads a state
_BARE_OFFICER_RX = re.compile(
    r"(?<![A-Za-z])(?:[Dd]eputy\s+)?(?:[Ss]pokes(?:person|man|woman)|[Pp]ress\s+[Ss]ecretary|[Cc]ommunications\s+[Dd]irector"
    r"|[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?|CEO|[Cc]hair(?:man|woman)|[Cc]hief\s+(?:[Oo]perating|[Ff]inancial)\s+[Oo]fficer)\s+"
    r"(?:[A-Z][\w'’-]+\s+){0,2}$"
)
_ORG_OFFICER_RX = re.compile(r"['’]s?\s*,?\s*" + _OFFICER + r"|\s+" + _OFFICER)
# `Masakazu Tsutsui, chairman of the Japan Business Federation, told …`: the person's office of a body set off
# after the name (the body's mention follows `of`)
# an office held no more: `Former FAA Administrator X`, `X, a former FAA director,` (no body's word now)
_FORMER_RX = re.compile(r"(?<![A-Za-z])(?:[Ff]ormer|ex-|[Oo]ne-?time|[Rr]etired|then-)")
_FORMER_BEFORE_RX = re.compile(_FORMER_RX.pattern + r"\s+(?:[A-Za-z.&-]+\s+){0,2}$")
_OFFICER_OF_RX = re.compile(r",\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}" + _OFFICER + r"\s+of\s+(?:the\s+)?")


def _affiliation(
    text: str,
    s: int,
    e: int,
    speaker: int,
    mentions: list[Mention],
    actors: ActorIndex,
    last_org: int | None,
    lead_body: int | None = None,
) -> int | None:
    """The body a person speaks for when the sentence names them as its officer, else None."""
    if actors.actors[speaker].kind != "person":
        return None
    unquoted = _QUOTE_RX.sub(lambda m: "_" * len(m.group(0)), text[s:e])
    if last_org is not None and _ITS_OFFICER_RX.search(unquoted):
        return last_org
    if lead_body is not None:
        # `The ministry hit back on Sunday. "…," spokesperson Jordan Hale said`: the body the last sentence opened
        # with, unless this sentence names another body before the officer (what the officer says after may name any)
        for m in mentions:
            if (
                m.actor_id == speaker
                and s <= m.start < e
                and _BARE_OFFICER_RX.search(text, max(s, m.start - 40), m.start)
                and not any(s <= o.start < m.start and actors.actors[o.actor_id].kind != "person" for o in mentions)
            ):
                return lead_body
    for m in mentions:
        own = s <= m.start < e and unquoted[m.start - s] != "_"
        if (
            own
            and actors.actors[m.actor_id].kind != "person"
            and _ORG_OFFICER_RX.match(text, m.end, e)
            and not _FORMER_BEFORE_RX.search(text, max(s, m.start - 24), m.start)
        ):
            return m.actor_id
    for m in mentions:
        of = _OFFICER_OF_RX.match(text, m.end, e) if m.actor_id == speaker and s <= m.start < e else None
        if of is not None and _FORMER_RX.search(of.group()):  # "Mike Whitaker, a former head of the FAA,"
            of = None
        body = next((o for o in mentions if of is not None and o.start == of.end()), None)
        if body is not None and actors.actors[body.actor_id].kind not in ("person", "state", "country"):
            return body.actor_id
    return None


# a body called by its kind before its officer's name: "foreign ministry spokesperson Wang Wenbin", "Chinese Foreign
# Ministry spokesperson …", "a party official …"
_KIND_OFFICER_RX = re.compile(
    r"(?<![A-Za-z])((?:[A-Za-z]+\s+){0,2}(?:ministry|agency|government|party|commission))\s+"
    r"(?:spokes(?:person|man|woman)|official|chief|head)\s+(?:[A-Z][\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _kind_officer(
    text: str, s: int, e: int, speaker: int, mentions: list[Mention], actors: ActorIndex, orgs: deque[int]
) -> int | None:
    """The body a person speaks for when the sentence names them after the body's kind (`foreign ministry
    spokesperson Wang Wenbin`): the latest body the item named whose names hold the phrase, its longest form first
    ("Chinese foreign ministry", then "foreign ministry"), even a paragraph before."""
    if actors.actors[speaker].kind != "person":
        return None
    for m in mentions:
        if m.actor_id != speaker or not s <= m.start < e:
            continue
        kind = _KIND_OFFICER_RX.search(text, max(s, m.start - 80), m.start)
        if kind is None:
            return None
        words = kind.group(1).lower().split()
        for k in range(len(words)):
            phrase = " ".join(words[k:])
            for o in reversed(orgs):
                entry = actors.actors[o]
                if any(phrase in n.lower() for n in (entry.name, *(entry.aliases or []))):
                    return o
        return None
    return None


def _speaker(text: str, s: int, e: int, actors: ActorIndex, context: str) -> tuple[int | None, str | None]:
    """The registry actor /quote's speaker rules give the sentence (a quote's or a reported statement's), and the
    name they give."""
    quoted = _QUOTE_RX.search(text, s, e)
    at = quoted.start() + 1 if quoted else s
    name = attribute_en(text, at, min(e, at + 1), actors, context=context)
    return (_speaker_actor(name, text, s, e, actors, context) if name else None), name


def _speaker_actor(name: str, text: str, s: int, e: int, actors: ActorIndex, context: str) -> int | None:
    """The registry actor a speaker's name from /quote's rules stands for, if any."""
    entry = actors.resolve(name) or _resolve_short(name, actors)
    if entry is None:  # `a JR Hokkaido spokesperson`, `Toyota officials`: the body an unnamed member speaks for
        # (whatever kind the index gave the name: a name typed in Latin letters that the registry lacks is read as
        # a person's, and a spokesperson speaks for its principal either way)
        found = actors.mentions(name)
        bodies = [
            m
            for m in found
            if actors.actors[m.actor_id].kind != "person"
            or _MEMBER_RX.search(name[m.end :])
            or _MEMBER_FOR_RX.search(name[: m.start])
        ]
        if len(bodies) == 1 and (
            _MEMBER_RX.search(name[bodies[0].end :]) or _MEMBER_FOR_RX.search(name[: bodies[0].start])
        ):  # `a JR Hokkaido spokesperson`, `a spokesperson for the European Commission`
            return bodies[0].actor_id
        if not found:
            # a body's name with commas, the speaker rules' name cut at one: `said an official at the Ministry of
            # Economy, Trade and Industry` (the whole name is the body's mention, a member's phrase before it)
            whole = _member_of_mention(name, text, s, e, actors)
            if whole is not None:
                return whole
            # a person the index lacks, named as a body's (`Hamas spokesperson Abdel Latif al-Qanoua`)
            return _affiliated_body(name, text, context, actors)
    return entry.id if entry is not None else None


def _unregistered_person(name: str | None, actors: ActorIndex) -> bool:
    """The speaker /quote's rules name is a person's name no actor of the index goes by (even without a possessive
    's): capitalized words ending in a surname, a word neither WordNet's words (`gloss_words.english_words`) nor the
    English titles hold (Mimura, Assad; not Square, Secretary). `he`/`she` is then that person, not the last
    registered one named."""
    if not name or not _PERSON_NAME_RX.fullmatch(name):
        return False
    bare = re.sub(r"['’]s?$", "", name)
    last = bare.split()[-1]
    if last in vocabulary().en_titles or any(last.lower() in words for words in english_words().values()):
        return False
    return actors.resolve(name) is None and actors.resolve(bare) is None and not actors.mentions(name)


_PERSON_NAME_RX = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3}")


# what /quote's speaker rules keep after a name that the index holds without it: a company's legal form or trade
# (`Toyota Motor said`, `Daihatsu Motor Co.`), a lawmaker's state (`John Moolenaar of Michigan`)
_NAME_TAIL_RX = re.compile(
    r"(?:\s+(?:Motors?|Corp\.?|Corporation|Co\.?|Company|Inc\.?|Ltd\.?|Holdings|Group|plc))+$"
    r"|\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?$"
)


def _resolve_short(name: str, actors: ActorIndex) -> ActorEntry | None:
    """The actor a speaker's name stands for once such a tail is taken off (`_NAME_TAIL_RX`), else None."""
    short = _NAME_TAIL_RX.sub("", name).strip()
    return actors.resolve(short) if short != name and len(short) >= 3 else None


def _member_of_mention(name: str, text: str, s: int, e: int, actors: ActorIndex) -> int | None:
    """The body whose mention in the sentence holds the speaker's name and follows a member's phrase (`an official
    at the`, `a spokesperson for`): the name is a part of the body's name."""
    for m in actors.mentions(text[s:e]):
        if (
            name in text[s + m.start : s + m.end]
            and actors.actors[m.actor_id].kind not in ("person", "state", "country")
            and _MEMBER_FOR_RX.search(text[max(s, s + m.start - 40) : s + m.start])
        ):
            return m.actor_id
    return None


def _affiliated_body(name: str, text: str, context: str, actors: ActorIndex) -> int | None:
    """The one body a person the index lacks is named as belonging to, where the passage or its item names them
    (`Hamas spokesperson Abdel Latif al-Qanoua said`, `Izzat al-Rishq, a member of Hamas's political bureau, said`,
    then `"…," he said`): the person speaks for the body, as a named officer does (`_affiliation`). A person the
    phrase names is spoken for by their agent only (`Trump's lawyer X`), never a state (its ministers speak for its
    government, not for every word the state's)."""
    if len(name) < 4:
        return None
    for source in (text, context):
        for start, end in _standing(name, source):
            for phrase in phrases_at(source, start, end):
                kinds = {b.actor_id: actors.actors[b.actor_id].kind for b in actors.mentions(phrase)}
                bodies = [
                    a
                    for a, kind in kinds.items()
                    if kind not in ("state", "country") and (kind != "person" or AGENT_RX.search(phrase))
                ]
                if len(bodies) == 1 and len(kinds) == 1:
                    return bodies[0]
    return None


def _is_latin_letter(ch: str) -> bool:
    return "A" <= ch <= "Z" or "a" <= ch <= "z"


def _standing(name: str, source: str) -> list[tuple[int, int]]:
    """The spans `re.finditer(r"(?<![A-Za-z])" + re.escape(name) + r"(?![a-z])", source)` gives, by `str.find` (that
    regex was compiled for each name a document's clauses ask about): the leftmost place with no Latin letter before
    and no lower-case one after, the next search from its end."""
    out: list[tuple[int, int]] = []
    at = source.find(name)
    while at != -1:
        end = at + len(name)
        if not (at and _is_latin_letter(source[at - 1])) and not (end < len(source) and "a" <= source[end] <= "z"):
            out.append((at, end))
            at = source.find(name, end)  # (`name` is never empty: the caller asks for four letters or more)
        else:
            at = source.find(name, at + 1)
    return out


_MEMBER_FOR_RX = re.compile(
    r"(?:spokes(?:person|man|woman)|officials?|executives?|representatives?)\s+(?:for|of|at|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MEMBER_RX = re.compile(r"^\s*(?:spokes(?:person|man|woman)|officials?|executives?|representatives?)\b", re.IGNORECASE)


def _subject(text: str, s: int, e: int, mentions: list[Mention], actors: ActorIndex) -> int | None:
    """An actor named near the sentence's start and followed by a verb of speech or act (fillers between)."""
    rx = _verb_after_rx()
    for m in mentions:
        if not (s <= m.start < min(e, s + SUBJECT_WINDOW)) or _inside_quote(text, s, m.start):
            continue
        found = rx.match(text, m.end, e)
        if found and not (found.group("plain") and _REPORTED_BEFORE_RX.search(text, s, m.start)):
            return m.actor_id
    return None


# a name after these is a reported clause's subject, not the sentence's: `He added that the BOJ would decide …`
_REPORTED_BEFORE_RX = re.compile(
    r"(?<![A-Za-z])(?:that|which|who|whether|if|said|says|added|told|warned|noted|stressed|argued)(?![A-Za-z])"
)


def _pronoun_verb(opening: str) -> bool:
    words = re.match(
        r"^\s*(?:[Hh]e|[Ss]he|[Ii]t|[Tt]he\s+(?:coast\s+guard|(?:foreign|defen[cs]e)\s+ministry|\w+))", opening
    )
    if words is None:
        return False
    return _verb_after_rx().match(opening, words.end()) is not None


def _inside_quote(text: str, s: int, pos: int) -> bool:
    return (text.count('"', s, pos) + text.count("“", s, pos) - text.count("”", s, pos)) % 2 == 1
