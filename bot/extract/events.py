"""Dated events: the clause that carries each date a passage states, with its actors and topics.

One sentence may hold several events (「2月12日の…電話会談と、同日の…発言、…2月17日の発表、…」): it is
cut at the comma before each date, outside quotes. Headings, photo captions and publication stamps
are not events. Whether two events (from two outlets, say) are the same is decided by `same_event`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.extract.actors import ActorIndex
from bot.extract.dates import DateContext, DateMention
from bot.extract.document import EventRow
from bot.extract.speakers import mask_quotes
from bot.extract.stance import topics_of
from bot.models import ParsedPassage
from bot.text import query_tokens, split_sentences, word_ends

MAX_SUMMARY = 160
BACKGROUND_DAYS = 400  # an event this long before its report is background (1945, 1991 …)
_SKIP_KINDS = {"heading", "caption"}
_DATELINE_RE = re.compile(r"^\s*\[[^\]]{0,60}\]\s*[-－―—]?\s*")
_LEADING_RE = re.compile(r"^[、,\s]+|^(?:だが|また|一方|さらに|しかし|ただし)[、,]?\s*")
_RANGE_GAP_RE = re.compile(r"^\s*[~〜～\-–—−]\s*$")
_STOP_TOKENS = {
    "する", "なる", "ある", "いる", "こと", "これ", "それ", "ため", "よう", "もの", "日", "月", "年", "同日", "前日",
    "翌日", "など", "という", "として", "について", "に対し", "発表", "明らか", "示す", "語る", "述べる", "言う",
}


@dataclass(frozen=True, slots=True)
class EventFeatures:
    """What clustering compares: content words and the people involved."""

    tokens: frozenset[str]
    persons: frozenset[int]


def _iso(value: str | None) -> dt.date | None:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def trim_summary(text: str, limit: int = MAX_SUMMARY) -> str:
    """At most `limit` characters, cut at a clause boundary (never mid-word), with … when cut."""
    text = text.strip().rstrip("、,")
    if len(text) <= limit:
        return text
    window = text[: limit - 1]
    cut = max(window.rfind("、"), window.rfind("。"), window.rfind("，"))
    if cut < limit // 3:  # no clause boundary near the end: cut between words
        ends = [e for e in word_ends(text) if e <= limit - 1]
        cut = ends[-1] if ends else limit - 1
    return window[:cut].rstrip("、,，") + "…"


def _segments(sentence: str, masked: str, mentions: list[DateMention], offset: int) -> list[tuple[DateMention, str]]:
    """One text segment per date in the sentence; a lone date keeps the whole sentence."""
    dates = []
    for m in mentions:
        if dates and _RANGE_GAP_RE.match(sentence[dates[-1].end - offset : m.start - offset] or "x"):
            continue  # 1998～1999 年: one event, the range's start
        dates.append(m)
    if len(dates) == 1:
        return [(dates[0], sentence)]
    cuts = [0]
    for m in dates[1:]:
        local = m.start - offset
        comma = max(masked.rfind("、", cuts[-1], local), masked.rfind("，", cuts[-1], local))
        cuts.append(comma + 1 if comma >= cuts[-1] else local)
    cuts.append(len(sentence))
    return [(m, sentence[cuts[i] : cuts[i + 1]]) for i, m in enumerate(dates)]


def event_features(summary: str, actors: ActorIndex) -> EventFeatures:
    mentions = actors.mentions(summary)
    persons = frozenset(m.actor_id for m in mentions if actors.actors[m.actor_id].kind == "person")
    actor_names = {m.name for m in mentions}
    tokens = frozenset(
        t for t, content in query_tokens(summary)
        if content and len(t) > 1 and not t.isdigit() and t not in _STOP_TOKENS and t not in actor_names
    )
    return EventFeatures(tokens, persons)


def same_event(a: dict, b: dict) -> bool:
    """Two reports of one event (features as stored: {"tokens": [...], "persons": [...]}).

    Enough shared words, or the same people and some shared words.
    """
    ta, tb = set(a.get("tokens") or ()), set(b.get("tokens") or ())
    if not ta or not tb:
        return False
    overlap = len(ta & tb) / min(len(ta), len(tb))
    shared_people = len(set(a.get("persons") or ()) & set(b.get("persons") or ()))
    return overlap >= 0.5 or (shared_people >= 1 and overlap >= 0.25) or shared_people >= 2


def extract_events(
    passages: list[ParsedPassage], actors: ActorIndex, published: str | None
) -> tuple[list[EventRow], list[str | None]]:
    """Events of a document, and the resolved date of every passage (for statements)."""
    ctx = DateContext(_iso(published))
    events: list[EventRow] = []
    passage_dates: list[str | None] = []
    for seq, p in enumerate(passages):
        ref = _iso(p.date)
        mentions = ctx.scan(p.text, ref) if p.kind != "caption" else []
        first_day = next((m.value for m in mentions if m.precision == "day"), None)
        passage_dates.append(first_day or p.date or published)
        if p.kind in _SKIP_KINDS or not mentions:
            continue
        report_date = ref or _iso(published)
        masked = mask_quotes(p.text)
        for s, e in split_sentences(p.text):
            inside = [m for m in mentions if s <= m.start < e]
            if not inside:
                continue
            for mention, segment in _segments(p.text[s:e], masked[s:e], inside, s):
                summary = trim_summary(_LEADING_RE.sub("", _DATELINE_RE.sub("", segment)))
                if len(summary) < 8:
                    continue
                ment = actors.mentions(summary)
                feats = event_features(summary, actors)
                events.append(
                    EventRow(
                        passage_seq=seq,
                        date=mention.value,
                        precision=mention.precision,
                        summary=summary,
                        background=_is_background(mention.value, report_date),
                        actor_ids=sorted({m.actor_id for m in ment}),
                        topics=topics_of(summary),
                        weight=1.0 if p.kind == "prose" else 0.8,
                        tokens=sorted(feats.tokens),
                        persons=sorted(feats.persons),
                    )
                )
    return events, passage_dates


def _is_background(value: str, report: dt.date | None) -> bool:
    if report is None:
        return False
    parts = [int(x) for x in value.split("-")]
    latest = dt.date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
    return (report - latest).days > BACKGROUND_DAYS
