"""Plain-text renderings of service results, shared by the CLI and the console (no Discord here)."""

from __future__ import annotations

import unicodedata

from bot.models import (
    ActorInfo,
    Digest,
    DocumentInfo,
    IngestResult,
    QuoteMatch,
    SourceRef,
    StanceReport,
    TimelineEvent,
    TopicInfo,
)
from bot.readable import human_time, reason_text
from bot.services.feeds import Feed, PollResult
from bot.store.tenancy import GuildInfo
from bot.user_errors import UserError


def plural(n: int, word: str) -> str:
    """'1 event', '2 events' (English words that take an s)."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def width(text: str) -> int:
    """Columns a terminal gives the text: 2 for wide and full-width characters (CJK), 0 for combining marks."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def pad(text: str, columns: int) -> str:
    """text followed by spaces to fill `columns` terminal columns (nothing is cut)."""
    return text + " " * max(0, columns - width(text))


def source_line(src: SourceRef) -> str:
    outlet = src.outlet or "(no outlet cited)"
    link = f" {src.url}" if src.url else ""
    return f"{outlet}{link}  [#{src.document_id} {src.document}]"


def quote_text(query: str, matches: list[QuoteMatch]) -> str:
    if not matches:
        return f"Not found: no passage in the store matches 「{query}」 closely enough."
    best, *others = matches
    s, e = best.span
    lines = [
        f"「{best.text[s:e]}」",
        f"  speaker: {best.speaker or '(not attributed)'}   date: {best.date or 'unknown'}   score: {best.score:g}",
        *(f"  source: {source_line(src)}" for src in best.sources),
        f"  passage: {best.text[:s]}【{best.text[s:e]}】{best.text[e:]}",
    ]
    if others:
        lines.append("Other matches:")
        for i, m in enumerate(others, 2):
            before, matched, after = m.excerpt()
            lines.append(
                f"  {i}. [{m.score:g}] {before}【{matched}】{after} — {m.speaker or 'unattributed'}, {m.date or '?'}"
            )
            lines.extend(f"     {source_line(src)}" for src in m.sources)
    return "\n".join(lines)


def sources_text(docs: list[DocumentInfo]) -> str:
    if not docs:
        return "The store is empty: add a source with `ingest PATH`."
    lines = [f"{'id':>4}  {'date':<10}  {'passages':>8}  {'outlet':<18}  title"]
    for d in docs:
        lines.append(
            f"{d.id:>4}  {d.published or '-':<10}  {d.passages:>8}  {(d.outlet or '-')[:18]:<18}  {d.title[:70]}"
        )
    return "\n".join(lines)


def guilds_text(guilds: list[GuildInfo]) -> str:
    """The servers the store holds data of (the shared documents belong to none)."""
    if not guilds:
        return "No server has data of its own here: every document is shared."
    lines = [f"{'server':>20}  {'documents':>9}  {'feeds':>5}  digest"]
    for g in guilds:
        lines.append(f"{g.guild_id:>20}  {g.documents:>9}  {g.feeds:>5}  {'on' if g.digest else '-'}")
    return "\n".join(lines)


def guild_removed_text(g: GuildInfo) -> str:
    return (
        f"removed server {g.guild_id}: {g.documents} documents, {g.feeds} feeds"
        + (", its digest settings" if g.digest else "")
    )


def source_detail_text(d: DocumentInfo) -> str:
    lines = [
        f"#{d.id} {d.title}",
        f"  file/URL: {d.url or d.name}",
        f"  outlet: {d.outlet or '-'}   published: {d.published or '-'}   language: {d.language}   origin: {d.origin}",
        f"  added: {d.added_at}   passages: {d.passages}   events: {d.events}   statements: {d.statements}",
    ]
    if d.cited_urls:
        lines.append("  cites:")
        lines.extend(f"    {u}" for u in d.cited_urls)
    return "\n".join(lines)


def ingest_text(r: IngestResult, lang: str = "en") -> str:
    if r.status == "added":
        extra = f", new actors: {', '.join(r.new_actors)}" if r.new_actors else ""
        return (
            f"added #{r.document_id} {r.name}: {r.title} — {plural(r.passages, 'passage')}, "
            f"{plural(r.events, 'event')}, {plural(r.statements, 'statement')}{extra}"
        )
    if r.status == "duplicate":
        return UserError("ingest.duplicate_line", name=r.name, reason=reason_text(r, lang)).render(lang)
    return UserError("ingest.refused_line", name=r.name, reason=reason_text(r, lang)).render(lang)


def timeline_text(events: list[TimelineEvent]) -> str:
    if not events:
        return "No events match."
    lines: list[str] = []
    background_started = False
    for ev in events:
        if ev.background and not background_started:
            lines.append("— background —")
            background_started = True
        who = f"  [{', '.join(ev.actors[:4])}]" if ev.actors else ""
        lines.append(f"{ev.date:<10}  {ev.summary}{who}")
        for src in ev.sources[:5]:
            lines.append(f"            {source_line(src)}")
        if len(ev.sources) > 5:
            lines.append(f"            … and {len(ev.sources) - 5} more sources")
    return "\n".join(lines)


def stance_text(report: StanceReport) -> str:
    a = report.actor
    head = f"{a.name}" + (f" ({a.name_en})" if a.name_en else "") + (f" — {a.description}" if a.description else "")
    if not report.statements:
        return head + "\nNo statements recorded for this actor yet."
    if report.about:
        head += f"\nAbout: {report.about}"
    lines = [head, "Positions by topic (latest first):" if not report.about else "Position:"]
    for t in report.topics:
        shifts = [p for _, p in t.history if p != "neutral"]
        path = [p for i, p in enumerate(shifts) if i == 0 or p != shifts[i - 1]]
        change = "  ← changed: " + " → ".join(path) if t.changed else ""
        lines.append(f"  {t.topic:<20} {t.latest:<12} {t.latest_date or '?':<10} ({plural(t.statements, 'statement')}){change}")
    lines.append("Statements (newest first):")
    for s in report.statements:
        lines.append(f"  {s.date or '?':<10} {s.topic or report.about}/{s.position}: {s.text}")
        lines.extend(f"             {source_line(src)}" for src in s.sources)
    return "\n".join(lines)


def topics_text(topics: list[TopicInfo]) -> str:
    lines = []
    for t in topics:
        found = f" ({plural(t.documents, 'document')})" if t.origin == "discovered" else ""
        lines.append(f"{t.id:<22} {t.label:<20} {t.origin:<10}{found}  {', '.join(t.cues[:8])}")
    return "\n".join(lines) or "No topics."


def actors_text(actors: list[ActorInfo]) -> str:
    lines = []
    for a in actors:
        aliases = ", ".join(a.aliases[:6])
        count = plural(a.statements, "statement")
        lines.append(f"{pad(a.name, 14)} {pad(a.name_en or '', 28)} {pad(count, 15)} {aliases}".rstrip())
    return "\n".join(lines) or "No actors known."


def _feed_troubles_text(d: Digest) -> list[str]:
    return [
        f"Feed #{t.feed_id} {t.feed}: {plural(t.failed, 'item')} failed in this period, {t.stored} stored"
        + (f" (last: {t.last_error})" if t.last_error else "")
        + "; `newsdesk feeds list` shows each"
        for t in d.feed_troubles
    ]


def digest_text(d: Digest, timezone: str = "Asia/Tokyo") -> str:
    """The digest as plain text; its period as a person reads it in `timezone` (the digest's default, Tokyo)."""
    since, until = (human_time(t, "en", timezone, reference=d.until) for t in (d.since, d.until))
    if d.empty:
        return "\n".join([f"Nothing new since {since} ({timezone}).", *_feed_troubles_text(d)])
    lines = [f"Digest {since} → {until} ({timezone})"]
    if d.sources:
        lines.append(f"New sources ({len(d.sources)}):")
        lines.extend(f"  #{s.id} {s.title} — {s.outlet or '-'} {s.url or s.name}" for s in d.sources)
    if d.events:
        lines.append("New events:")
        current = None
        for ev in d.events:
            if ev.date != current:
                lines.append(f"  {ev.date}")
                current = ev.date
            lines.append(f"    • {ev.summary}")
    if d.statements:
        lines.append("New statements:")
        for s in d.statements:
            lines.append(f"  {s.actor} · {s.topic} · {s.position}: {s.text[:120]}")
    lines.extend(_feed_troubles_text(d))
    return "\n".join(lines)


def poll_text(r: PollResult) -> str:
    f = r.feed
    if r.error:
        return f"feed #{f.id} {f.url}: failed — {r.error}" + (
            f" (now paused; `newsdesk feeds resume {f.id}` polls it again)" if r.paused_now else ""
        )
    parts = ["not modified"] if r.not_modified else [f"{len(r.added)} new"]
    if r.stored_quietly:
        parts.append(f"{r.stored_quietly} stored on first poll (not announced)")
    if r.failed:
        retrying = sum(1 for x in r.failed if x.retry_at)
        parts.append(f"{len(r.failed)} failed" + (f" ({retrying} to be retried)" if retrying else ""))
    if r.retried:
        parts.append(f"{r.retried} earlier failures retried")
    if r.skipped:
        parts.append(f"{r.skipped} skipped")
    if r.seen:
        parts.append(f"{r.seen} already seen")
    if r.backlog:
        parts.append(f"{r.backlog} left for the next polls")
    lines = [f"feed #{f.id} {f.url}: " + ", ".join(parts)]
    lines.extend(
        f"  failed: {x.label}: {x.reason}" + (f" (retried after {x.retry_at})" if x.retry_at else "") for x in r.failed
    )
    return "\n".join(lines)


def feeds_text(found: list[Feed]) -> str:
    """`feeds list`: each feed with its health, its items by outcome and the latest item failure."""
    if not found:
        return "no feeds; follow one with `newsdesk feeds add URL`"
    lines = []
    for f in found:
        counts = f"{plural(f.items, 'item')}: {f.fetched} stored, {f.failed} failed"
        if f.retrying:
            counts += f" ({f.retrying} to be retried)"
        counts += f", {f.skipped} skipped"
        lines.append(f"#{f.id} {f.url} — {counts} — {f.health}")
        if f.last_item_error:
            lines.append(f"  last item error: {f.last_item_error}")
    return "\n".join(lines)
