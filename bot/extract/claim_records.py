"""Claims as stored records: what `/stance --about` reads instead of extracting the clauses at query time.

A document's claims (`extract_claims`) are extracted at ingest and kept as one JSON record per claim (the lot
zlib-compressed) — the
`Claim` dataclass's fields by name — so a field the extraction rules add later is stored and read back without
a schema change. Which rules made them is `EXTRACTOR_VERSION`: a digest of the code and data the extraction
reads (bot/extract, the actor index, the text normalization, the data files, the tokenizer's version). Claims
of another version are not used (the query extracts them itself) until `python -m bot claims` rebuilds them.

Actor ids: a claim's `*actor_id` fields name actors of the index the extraction used. A document's own new
actors are extracted under provisional ids (-1, -2, …); the store keeps which ids it gave them beside the
records, and reading maps them.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import zlib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import fields
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from bot.actors import ActorIndex, running_forms
from bot.extract.stance import Claim
from bot.extract.text_readings import Readings
from bot.models import ParsedPassage

__all__ = [
    "claim_fields",
    "dump_claims",
    "extractor_version",
    "fresh_claims",
    "load_claims",
    "load_readings",
    "load_ties",
    "mention_probes",
    "names_learned_after",
]

# What the extraction reads besides its own package: a change to any of them is a new extractor.
_MODULES = ("actors.py", "text.py", "models.py")
_DISTRIBUTIONS = ("sudachipy", "sudachidict-core", "sudachidict_core")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of everything the claims depend on: a store's claims of another digest are rebuilt."""
    root = Path(str(resources.files("bot")))
    paths = (
        sorted((root / "extract").glob("*.py"))
        + [root / m for m in _MODULES]
        + sorted((root / "data").glob("*.json"))
        + sorted((root / "data").glob("*.json.gz"))
    )
    h = hashlib.sha256()
    for p in paths:
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    for dist in _DISTRIBUTIONS:
        try:
            h.update(f"{dist}={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            continue
    h.update(",".join(claim_fields()).encode())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def claim_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Claim))


def dump_claims(
    claims: list[Claim], readings: Readings | None = None, ties: Mapping[int, tuple[str, ...]] | None = None
) -> bytes:
    """A document's claims as one JSON array of records, zlib-compressed (a third of the JSON's size: the
    claims of a passage repeat its context); with `readings` (`text_readings.readings_of`: what the document's
    texts read as whatever the target) or `ties` (`affiliation.affiliations`: the phrases naming what each
    person of the document belongs to), one object holding them."""
    names = claim_fields()
    records = [{name: getattr(c, name) for name in names} for c in claims]
    body: Any = records
    if readings is not None or ties is not None:
        body = {"claims": records}
        if readings is not None:
            body["readings"] = readings
        if ties is not None:
            body["ties"] = {str(k): list(v) for k, v in sorted(ties.items())}
    return zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def load_claims(data: bytes, provisional: Mapping[int, int] | None = None) -> list[Claim] | None:
    """The claims of a stored record, each `*actor_id` field that holds a provisional id (-1, -2, …: the
    document's own new actors as extracted) given the stored id `provisional` maps it to; or None when the
    record does not fit today's `Claim` (then extract them again)."""
    names = set(claim_fields())
    actor_fields = [n for n in names if n.endswith("actor_id")]
    ids = provisional or {}
    out: list[Claim] = []
    try:
        body = _decoded(bytes(data))
        for record in body["claims"] if isinstance(body, dict) else body:
            record = dict(record)
            if not names.issuperset(record):  # a field today's Claim lacks
                record = {k: v for k, v in record.items() if k in names}
            for k, v in record.items():
                if type(v) is list:
                    record[k] = _frozen(v)
            for k in actor_fields:
                v = record.get(k)
                if isinstance(v, int) and v < 0:
                    record[k] = ids.get(v, v)
            out.append(Claim(**record))
    except (TypeError, ValueError, KeyError, zlib.error):
        return None
    return out


def load_readings(data: bytes) -> Readings | None:
    """The readings stored with a record's claims (see `dump_claims`), or None (a record without them)."""
    try:
        body = _decoded(bytes(data))
    except (TypeError, ValueError, zlib.error):
        return None
    readings = body.get("readings") if isinstance(body, dict) else None
    return readings if isinstance(readings, dict) else None


def load_ties(data: bytes, provisional: Mapping[int, int] | None = None) -> dict[int, tuple[str, ...]] | None:
    """The ties stored with a record's claims (see `dump_claims`), each provisional person id given its stored
    id as `load_claims` does; or None (a record without them: read them from the text)."""
    try:
        body = _decoded(bytes(data))
        ties = body.get("ties") if isinstance(body, dict) else None
        if not isinstance(ties, dict):
            return None
        ids = provisional or {}
        out: dict[int, tuple[str, ...]] = {}
        for key, phrases in ties.items():
            actor_id = int(key)
            out[ids.get(actor_id, actor_id) if actor_id < 0 else actor_id] = tuple(str(p) for p in phrases)
    except (TypeError, ValueError, AttributeError, zlib.error):
        return None
    return out


@lru_cache(maxsize=16)
def _decoded(data: bytes) -> Any:
    """A record's JSON (the claims and their readings are read one after the other: decoded once)."""
    return json.loads(zlib.decompress(data))


def _frozen(value: Any) -> Any:
    """JSON arrays back as the tuples the dataclass holds (its fields are compared and hashed)."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def fresh_claims(
    version: str,
    actors_known: int,
    own: Collection[int],
    actors: ActorIndex,
    passages: list[ParsedPassage],
    own_generation: int = 0,
) -> bool:
    """Whether stored claims are what `extract_claims(passages, actors)` gives now: the same extractor, and no name
    the registry learned after them (a generation above `actors_known`: a new actor's names, and a new alias of an
    actor stored before, "Elon Musk" learned for マスク) named in the document's text, headings or speakers — except
    what the document taught the registry itself, which its extraction knew: the actors it added (`own`) with the
    names they came with, and whatever it wrote at its own generation (`own_generation`, 0: none). An actor is never
    removed or renamed once stored, and the registry's own changes are a new extractor version; so only a later
    name in the text can change which clauses are found and whose they are."""
    if version != extractor_version():
        return False
    if actors.generation <= actors_known:
        return True
    later = _later_forms(actors, actors_known, frozenset(own), own_generation)
    if not later:
        return True
    raw = "\n".join(t for p in passages for t in (p.text, p.heading, p.default_speaker) if t)
    # no later name anywhere, read both ways the mentions are (the whole text's NFKC, each character's first)
    if not any(s in probe for probe in _probes_as_asked(raw) for s in later):
        return True
    texts = {t for p in passages for t in (p.text, p.heading, p.default_speaker) if t}
    return not any(_learned_mention(text, m.start, m.end, later) for text in texts for m in actors.mentions(text))


def _learned_mention(text: str, start: int, end: int, later: frozenset[str]) -> bool:
    """Whether a mention is written as one of the later forms (a mention is found on either reading of its text)."""
    span = text[start:end]
    return unicodedata.normalize("NFKC", span) in later or span.translate(_FIRST_OF_NFKC) in later


class _FirstOfNFKC(dict):
    """Code point → the first character of its NFKC (itself when that is empty), each computed once a process: a
    `str.translate` table, which reads a text character by character in C (the same text as joining each character's
    reading in Python, ~0.5 ms a document)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = first = unicodedata.normalize("NFKC", ch)[:1] or ch
        return first


_FIRST_OF_NFKC = _FirstOfNFKC()


def mention_probes(raw: str) -> tuple[str, ...]:
    """The text as the mentions are read: its whole NFKC, and each character's NFKC's first character. One text when
    NFKC leaves the text as it is: every character of an NFKC-normalized text is its own NFKC (a character that NFKC
    changes never stands in a normalized text), so both readings are the text itself."""
    if unicodedata.is_normalized("NFKC", raw):
        return (raw,)
    return (unicodedata.normalize("NFKC", raw), raw.translate(_FIRST_OF_NFKC))


def _probes_as_asked(raw: str) -> Iterator[str]:
    """`mention_probes(raw)` one at a time, the cheaper first: a name found in the characters' readings (a
    `str.translate`, ~0.17 ms a bench document) answers before the whole text's NFKC (~0.41 ms) is made; where
    neither holds a name both are made, as before."""
    if unicodedata.is_normalized("NFKC", raw):
        yield raw
        return
    yield raw.translate(_FIRST_OF_NFKC)
    yield unicodedata.normalize("NFKC", raw)


def names_learned_after(actors: ActorIndex, generation: int) -> list[tuple[int, int, bool, str]]:
    """(actor id, generation, whether the actor came with it, the name as stored) of every name the registry learned
    after `generation`: a new actor's names, and the aliases learned later for an actor stored before."""
    out: list[tuple[int, int, bool, str]] = []
    for a in actors.actors.values():
        since = a.since
        if since <= generation and not a.learned:
            continue
        for name in dict.fromkeys(n for n in (a.name, *(a.aliases or []), a.name_en) if n):
            learned_at = a.learned.get(name, since)
            if learned_at > generation:
                out.append((a.id, learned_at, learned_at == since, name))
    return out


@lru_cache(maxsize=32)
def _later_names(actors: ActorIndex, actors_known: int) -> tuple[tuple[int, int, bool, str], ...]:
    """`names_learned_after`, each name in the forms the index finds it as in running text (`running_forms`: two
    characters or more, a lower-case name as it opens a sentence): a document that holds none of them reads as it
    did."""
    return tuple(
        (actor_id, generation, came_with, form)
        for actor_id, generation, came_with, name in names_learned_after(actors, actors_known)
        for form in running_forms(name)
    )


@lru_cache(maxsize=64)
def _later_forms(actors: ActorIndex, actors_known: int, own: frozenset[int], own_generation: int) -> frozenset[str]:
    """The forms of `_later_names` that a document whose own actors are `own`, and which wrote at `own_generation`,
    did not teach the registry itself."""
    return frozenset(
        form
        for actor_id, generation, came_with, form in _later_names(actors, actors_known)
        if not (own_generation and generation == own_generation) and not (came_with and actor_id in own)
    )
