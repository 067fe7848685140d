"""Everything derived from one parsed document, computed off the event loop before one write."""

from __future__ import annotations

import hashlib

from bot.actors import ActorIndex
from bot.extract.affiliation import affiliations
from bot.extract.attribution import speaker_actors
from bot.extract.claim_records import dump_claims, extractor_version
from bot.extract.clause_readings import ClauseReadings
from bot.extract.discover import discovered
from bot.extract.events import extract_events
from bot.extract.quotemarks import mask_quotes
from bot.extract.stance import extract_claims, extract_statements
from bot.extract.text_readings import readings_of
from bot.models import ParsedDocument, ParsedPassage
from bot.rows import ClaimsRow, Extraction
from bot.text import Analysis, analyze_remembered, normalize


def content_hash(parsed: ParsedDocument) -> str:
    """Hash of the article's matching form: the same text with other spacing or width is the same content."""
    body = "\n".join(p.text for p in parsed.passages)
    return hashlib.sha256(normalize(body).encode("utf-8")).hexdigest()


def extract_document(parsed: ParsedDocument, actors: ActorIndex, digest: str | None = None) -> Extraction:
    """Everything derived from a document (CPU work; call it in a worker thread).

    `digest` is the document's content_hash when the caller has computed it already.
    """
    passages = parsed.passages
    known = actors.generation  # what the registry knew when the claims were read: later names may change them
    analyses = _analyses([p.text for p in passages])
    found = discovered(passages, actors)
    base, new_actors = actors, found.actors
    if new_actors:  # mentions, events and statements of this document may name them already
        actors = base.extended([(a.name, a.aliases, a.kind, a.description) for a in new_actors])
    # and the speakers the attribution module names that neither holds: /stance's subjects are /quote's speakers
    speakers = speaker_actors(_speaker_contexts(passages), actors)
    # then the index's people this document names in the other script, where neither made them its own ("Musk
    # wrote" of マスク; a speaker named in full, "Home Secretary James Cleverly", is the speakers' reading's, which
    # takes the surname too)
    held = base.extended([(a.name, a.aliases, a.kind, a.description) for a in speakers]) if speakers else base
    twins = found.twins(held, speakers)
    if speakers or twins:
        new_actors = [*new_actors, *speakers, *twins]
        actors = base.extended([(a.name, a.aliases, a.kind, a.description) for a in new_actors])
    mentions = [actors.mentions(p.text) for p in passages]
    # An event summary is often a whole passage: its nouns are known then.
    known_nouns = {p.text: a.nouns for p, a in zip(passages, analyses, strict=True)}
    events, passage_dates = extract_events(passages, actors, parsed.published, known_nouns)
    readings = ClauseReadings()  # the statements' clause readings, taken again by the claims where they agree
    statements = extract_statements(passages, actors, passage_dates, mentions, readings)
    claims = extract_claims(passages, actors, readings)
    return Extraction(
        content_hash=digest or content_hash(parsed),
        tokens=[" ".join(a.forms) for a in analyses],
        mentions=[sorted({m.actor_id for m in found}) for found in mentions],
        events=events,
        statements=statements,
        new_actors=new_actors,
        claims=ClaimsRow(
            extractor_version(),
            known,
            dump_claims(
                claims,
                readings_of(claims, passages, parsed.title or "", readings.scanned),
                affiliations([p.text for p in passages], actors, mentions),
            ),
        ),
    )


def _analyses(texts: list[str]) -> list[Analysis]:
    """analyze() of each text, a passage the document repeats tokenized once (the same analysis, only read here;
    ~6 % of the bench corpus's passages repeat one of their document's), one another document of the process told
    lately read again (`analyze_remembered`)."""
    by_text: dict[str, Analysis] = {}
    out: list[Analysis] = []
    for text in texts:
        found = by_text.get(text)
        if found is None:
            found = by_text[text] = analyze_remembered(text)
        out.append(found)
    return out


def _speaker_contexts(passages: list[ParsedPassage]) -> list[str]:
    """One text per item the speakers are read from: a heading's passages, or a run of passages without one.
    Not stance's window per passage (item_contexts): a speaker named anywhere in the item is found either way,
    and six overlapping windows per passage read every sentence six times (8 of 16 ms of an article's extraction)."""
    out: list[str] = []
    last: object = object()
    for p in passages:
        if out and p.heading == last:
            out[-1] += "\n" + p.text
        else:
            out.append(p.text)
        last = p.heading
    # A heading's item ends with a line break, as `stance.item_contexts` writes it: the same text, so the statements'
    # quotes read the reading the speakers made (`attribution_ja._document`, kept per index and text) when no speaker
    # was found (the index is the same then). Only after a full stop outside quotes: the break is no sentence, no
    # mention and no quote's words then, and no rule reads past a 。 (an English item, ending with ".", is left as
    # it was).
    starts = [k for k, p in enumerate(passages) if k == 0 or p.heading != passages[k - 1].heading]
    return [_as_item(ctx) if passages[k].heading else ctx for ctx, k in zip(out, starts, strict=True)]


def _as_item(ctx: str) -> str:
    """A heading's run of passages as its item context reads (`stance.item_contexts`: a line break after each), when
    the break changes nothing its reading finds: after a full stop outside any quote."""
    ended = ctx + "\n"
    return ended if ctx.endswith("。") and mask_quotes(ended).endswith("\n") else ctx
