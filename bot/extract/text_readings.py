"""What a document's texts read as whatever the target, computed at ingest and stored with its claims.

A first `/stance --about` question on a document read each clause's passage, each claim's context and the
report's headline, lead and body into their matching forms (`about._probes`: NFKC and `normalize`), mapped the
passage back to its characters (`about._mapped`) and scanned it for position cues and conditions
(`stance._pos_hits`, `stance._cond_hits`): none of that depends on the target. `readings_of` computes it once
with the claims (`claim_records.dump_claims` stores it in the same record), each reading under its text's digest
(`known_forms.digest`); loading the claims hands them over whole (`known_forms.remember`), and a reader finds a
text's reading by its digest before computing it. A text the query builds otherwise than ingest did (a headline
stored differently) is simply not found, and computed. The readings are made by the same functions the readers
call, and a change to any of them is a new extractor version (the claims and these rebuilt), so a text read from
the store reads exactly as one computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.extract import about, stance
from bot.extract.known_forms import digest
from bot.extract.stance import Claim, ScannedProbes
from bot.text import normalize_with_runs

__all__ = ["Readings", "reading_texts", "readings_of"]

Readings = dict[str, dict[str, list[Any]]]


def reading_texts(
    claims: Sequence[Claim], passages: Sequence[about._Passage], title: str
) -> tuple[list[str], list[str]]:
    """(the clauses' texts: read in full, forms, map and cues; the texts only matched against: each claim's
    context as `stance_about` reads it with the headline, its passage, the headline, the report's lead and body)."""
    clauses = list(dict.fromkeys(c.text_of(passages[c.passage].text) for c in claims))
    top, body, _ = about.report_texts(title, passages)
    matched = dict.fromkeys(
        [*(c.before + "\n" + title for c in claims), *(passages[c.passage].text for c in claims), title, top, body]
    )
    for text in clauses:
        matched.pop(text, None)
    return clauses, list(matched)


def readings_of(
    claims: Sequence[Claim],
    passages: Sequence[about._Passage],
    title: str,
    scanned: ScannedProbes | None = None,
    earlier: Readings | None = None,
) -> Readings:
    """The readings of a document's texts (see the module): "f", each text's forms (and a clause's map) by its
    digest; "c", each clause's probe's cues and conditions by the probe's digest. `scanned`: the probes the
    document's extraction scanned already (`ClauseReadings.scanned`), taken as they are. `earlier`: readings this
    extractor version made before (the stored record of a document whose claims are read again because a later
    actor is named: most of its clauses and contexts are the same texts); a reading is a function of its text
    alone, so one found there under the text's digest is taken as it is (a clause's only when it holds the
    clause's four fields: a text only matched against was given two)."""
    seen: ScannedProbes = {} if scanned is None else scanned
    forms: dict[str, list[Any]] = {}
    cues: dict[str, list[Any]] = {}
    if not claims:
        return {}
    known_forms = (earlier or {}).get("f") or {}
    known_cues = (earlier or {}).get("c") or {}
    clauses, matched = reading_texts(claims, passages, title)
    lines: dict[str, tuple[str, str]] = {}  # the document's lines' forms: its contexts repeat its passages
    for text in clauses:
        key = digest(text)
        found = known_forms.get(key)
        if found is not None and len(found) == 4:
            forms[key] = found
        else:
            low, quick = about._computed_probes(text, lines)
            norm, runs = normalize_with_runs(text)
            forms[key] = [None if low == text.lower() else low, quick, None if norm == quick else norm, runs]
        probe = stance._probe(text)
        probe_key = digest(probe)
        found = known_cues.get(probe_key)
        if found is None:
            found = [stance.probe_cues(probe, seen), stance.probe_conds(probe, seen)]
        cues[probe_key] = found
    for text in matched:
        key = digest(text)
        found = known_forms.get(key)
        if found is not None and len(found) >= 2:
            forms[key] = found[:2]
        else:
            low, quick = about._computed_probes(text, lines)
            forms[key] = [None if low == text.lower() else low, quick]
    return {"f": forms, "c": cues}
