"""A person the index holds in one script, named by a document in the other: one more of that person's names.

Reports in two languages name one person twice: the Japanese ones in katakana (マスク氏, ラスムセン外相), the English
ones in Latin letters ("Musk wrote", "Rasmussen said"). Discovery registers a person in the script of the report
that first gives a title; a report in the other script that names the person only by a surname before a speech
verb, or before a title the dictionary reads as a place (ラスムセン: 地名), made no actor, so the attribution read
the speaker and no statement was stored under anyone a question finds.

Read here, at ingest, before the statements: a surname in Latin letters that speaks ("Georgescu said", "Musk wrote
on X") and sounds as the one katakana person of the index (`romaji.sounds_like`), and a katakana surname before a
person's title that sounds as the one person of the index written in Latin letters. The name is then an alias of
that person (with the full name the document writes for it, "Calin Georgescu"), so the statement is stored under
the actor a question about either name finds. Never a name the index holds already, a surname two people of the
index sound as, a Latin surname the document does not write once with one given name (two people sharing it, or a
given name written alone: Minji), a surname of three letters (Dan, Ray), nor a katakana word the dictionary reads
as anything but a place (フリーランド: a common noun's words).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.actors import ActorEntry, ActorIndex
from bot.extract.roles import family_first, vocabulary
from bot.extract.romaji import name_key, sounds_like
from bot.rows import NewActor
from bot.text import tokenized

__all__ = ["katakana_twin", "latin_twin", "speaking_surnames", "twin_actors", "written_in_script"]

_KATAKANA_RX = re.compile(r"^[ァ-ヴー・･]+$")
_LATIN_SURNAME_RX = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$")
# a capitalised word that speaks: "Georgescu said", "Musk wrote on X" (the full name before it is read below)
_SPEAKS_RX = re.compile(
    r"(?<![A-Za-z.'’-])(?P<name>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)"
    r"\s+(?:(?:has|had|also|later|then|again)\s+){0,2}"
    r"(?:said|says|told|added|warned|wrote|writes|posted|argued|insisted|stressed)(?![A-Za-z])"
)
# Capitalised words that open a sentence and speak without being anyone's name
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "Officials",
        "Police",
        "Prosecutors",
        "Critics",
        "Experts",
        "Analysts",
        "Sources",
        "Residents",
        "Witnesses",
        "Lawyers",
        "Investigators",
        "Authorities",
        "Researchers",
        "Officers",
        "Voters",
        "Republicans",
        "Democrats",
        "Conservatives",
        "Socialists",
        "Protesters",
        "Supporters",
        "Opponents",
        "Observers",
        "Diplomats",
        "Others",
        "Some",
        "Many",
        "Both",
    ]
)


# a Korean given name, written after the family name ("Lee Jong-ho said", "Moon Jae-in said"): no surname; a
# surname joined by a hyphen writes the second part capitalised (Bankman-Fried)
_KOREAN_GIVEN_RX = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
# a full name followed by a generation (the full name replaced by NUL before it): Jr., Sr., II, III
_GENERATION_RX = re.compile(r"\0,?\s+(?:Jr|Sr|II|III|IV)(?![A-Za-z])")
_SHORTEST = 4  # letters of a Latin surname taken: Dan, Ray, Lee are given names and words as often as surnames


def _read_as_place(katakana: str) -> bool:
    """The dictionary reads the katakana word as one place's name (ラスムセン): discovery takes no place for a person
    though a person's title follows; a common noun (フリーランド: フリー + ランド) is no one's name here."""
    tokens = tokenized(katakana)
    return len(tokens) == 1 and tokens[0].part_of_speech()[1:3] == ("固有名詞", "地名")


def _people(actors: ActorIndex, latin: bool) -> list[tuple[str, ActorEntry]]:
    """(surname, person) of the index's people whose name is in Latin letters (`latin`) or in katakana: the last
    word of the name (Rasmussen, ジョルジェスク), read once per index."""
    memo = actors.memo("other_script.people")
    found = memo.get(latin)
    if found is None:
        found = []
        for a in actors.actors.values():
            if a.kind != "person":
                continue
            if latin and _LATIN_SURNAME_RX.match(last := a.name.split()[-1] if a.name.split() else ""):
                found.append((last, a))
            elif not latin and _KATAKANA_RX.match(a.name):
                found.append((re.split("[・･]", a.name)[-1], a))
        memo[latin] = found
    return found


def _one(hits: list[ActorEntry]) -> ActorEntry | None:
    ids = {a.id for a in hits}
    return hits[0] if len(ids) == 1 else None


def latin_twin(katakana: str, actors: ActorIndex) -> ActorEntry | None:
    """The one person of the index written in Latin letters whose surname this katakana surname sounds as
    (ラスムセン: Rasmussen), else None."""
    if len(katakana) < 3 or not _KATAKANA_RX.match(katakana) or actors.resolve(katakana) is not None:
        return None
    return _one([a for surname, a in _people(actors, True) if sounds_like(surname, katakana)])


def katakana_twin(surname: str, actors: ActorIndex) -> ActorEntry | None:
    """The one person of the index written in katakana whose surname this Latin surname sounds as (Georgescu:
    ジョルジェスク), else None."""
    if not name_key(surname) or surname in _NOT_NAMES or actors.resolve(surname) is not None:
        return None
    return _one([a for last, a in _people(actors, False) if sounds_like(surname, last)])


def speaking_surnames(text: str) -> list[str]:
    """The capitalised words of an English text that are the subject of a speech verb ("Musk wrote", "Georgescu
    said"), in the order written, each once."""
    names = (m.group("name") for m in _SPEAKS_RX.finditer(text))
    return list(dict.fromkeys(n for n in names if n not in _NOT_NAMES))


def _full_names(surname: str, text: str) -> set[str]:
    """The full names the text writes with this surname: one or two capitalised words right before it, not a title
    ("Foreign Minister Park", "Manager Dave Roberts": Dave Roberts); none where the word before it is a family name
    written first (Moon, Nguyen: the word that speaks is the given name)."""
    rx = re.compile(rf"(?<![A-Za-z])((?:[A-Z][a-z]+\s+){{1,2}}){re.escape(surname)}(?![A-Za-z])")
    out = set()
    titles = _title_words()
    for m in rx.finditer(text):
        given = m.group(1).split()
        while given and (given[0] in _NOT_NAMES or given[0] in titles):
            given.pop(0)
        if given and given[-1] in family_first():
            return set()
        if given:
            out.add(" ".join([*given, surname]))
    return out


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The capitalised words of the English titles written before a name (President, Foreign, Minister, Manager)."""
    return frozenset(w for t in vocabulary().en_titles for w in t.replace("-", " ").split() if w.istitle())


def twin_actors(
    english: list[str],
    katakana: list[str],
    actors: ActorIndex,
    taken: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[NewActor]:
    """The index's people named in the other script by a document: `english`, its English texts (a speaking
    surname, see `speaking_surnames`), `katakana`, the katakana surnames its titles follow that discovery took for
    no name. Each as the person's entry with the new names as aliases (the store adds them to that actor). `taken`:
    the names discovery made actors of in the document (a surname it read is that actor's, not a twin's)."""
    out: dict[int, tuple[ActorEntry, list[str]]] = {}
    text = "\n".join(english)
    for surname in speaking_surnames(text) if text else []:
        if len(surname) < _SHORTEST or surname in taken or _KOREAN_GIVEN_RX.match(surname):
            continue
        # the document writes the full name once: a surname alone, or with two given names (two people), is no one
        # told apart (Min of Minji, a given name written alone)
        fulls = _full_names(surname, text)
        if len(fulls) != 1 or taken.intersection(fulls) or any(actors.resolve(f) is not None for f in fulls):
            continue  # and never a full name the index holds already (another person's, "Ferdinand Marcos Jr")
        if _GENERATION_RX.search(text.replace(next(iter(fulls)), "\0")):
            continue  # a father's and a son's name: "Ferdinand Marcos" is both (Jr., Sr., II)
        twin = katakana_twin(surname, actors)
        if twin is None:
            continue
        names = out.setdefault(twin.id, (twin, []))[1]
        # the full name only: the surname alone, store-wide, would be any namesake's too (a wife, a son); the
        # attribution shows a surname that speaks as the full name its report writes ("Musk wrote": Elon Musk)
        names.extend(n for n in fulls if n not in names)
    for word in dict.fromkeys(katakana):
        twin = None if word in taken or not _read_as_place(word) else latin_twin(word, actors)
        if twin is not None:
            names = out.setdefault(twin.id, (twin, []))[1]
            names.extend(n for n in (word,) if n not in names)
    return [NewActor(e.name, names, e.kind, e.description, e.name_en) for e, names in out.values()]


def written_in_script(speaker: str | None, text: str, start: int, actors: ActorIndex, context: str = "") -> str | None:
    """The speaker `attribute` gave text[start:…] as this report writes that person, when the actor's own name is in
    the other script (マスク of "Musk wrote" in an English report): the longest of the report's mentions of the same
    actor written in the text's script ("Elon Musk"), the one nearest before the span among equals. Anything else
    (a body, a name in the text's script, an actor the report writes only in the other) as it is."""
    entry = actors.resolve(speaker) if speaker else None
    if entry is None or entry.kind != "person" or _latin(entry.name) == _latin(text):
        return speaker
    ctx = context if context and text in context else text
    at = start + (ctx.find(text) if ctx is not text else 0)
    forms = [
        (len(form), m.start < at, -abs(m.start - at), form)
        for m in actors.mentions(ctx)
        if m.actor_id == entry.id and _latin(form := ctx[m.start : m.end]) == _latin(text)
    ]
    return max(forms)[3] if forms else speaker


def _latin(text: str) -> bool:
    """Whether a text is written in Latin letters (no kana or kanji)."""
    return not _JA_RX.search(text)


_JA_RX = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
