"""Plain-text renderings of service results, shared by the CLI and the console (no Discord here).

Every word comes from the `labels` of commands/locale/{en,ja}.json (`text.*` keys, and the Discord replies'
where they say the same), in the reader's language: `W` is a `Words` (English when not given); actor names
follow the reader when it knows the actor index (`Words(lang).with_names(store.actors)`)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

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
from bot.store.tenancy import GuildInfo
from bot.user_errors import UserError, stored_in
from bot.words import Words

if TYPE_CHECKING:  # the feeds' service imports fetching and the bulk path: only `feeds` commands need it
    from bot.services.feeds import Feed, PollResult

EN = Words("en")


def plural(n: int, word: str) -> str:
    """'1 event', '2 events' (English words that take an s)."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def width(text: str) -> int:
    """Columns a terminal gives the text: 2 for wide and full-width characters (CJK), 0 for combining marks."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """text followed by spaces to fill `columns` terminal columns (nothing is cut)."""
    return text + " " * max(0, columns - width(text))


def source_line(src: SourceRef, W: Words = EN) -> str:
    outlet = src.outlet or W("text.no_outlet")
    link = f" {src.url}" if src.url else ""
    return f"{outlet}{link}  [#{src.document_id} {src.document}]"


def quote_text(query: str, matches: list[QuoteMatch], W: Words = EN) -> str:
    if not matches:
        return W("text.quote.not_found", query=query)
    best, *others = matches
    s, e = best.span
    speaker = W.name(best.speaker) or f"({W('quote.unattributed')})"
    lines = [
        f"「{best.text[s:e]}」",
        W("text.quote.line", speaker=speaker, date=best.date or W("unknown"), score=f"{best.score:g}"),
        *(W("text.quote.source", source=source_line(src, W)) for src in best.sources),
        W("text.quote.passage", passage=f"{best.text[:s]}【{best.text[s:e]}】{best.text[e:]}"),
    ]
    if others:
        lines.append(W("text.quote.others"))
        for i, m in enumerate(others, 2):
            before, matched, after = m.excerpt()
            who = W.name(m.speaker) or W("text.quote.unattributed")
            lines.append(f"  {i}. [{m.score:g}] {before}【{matched}】{after} — {who}, {m.date or '?'}")
            lines.extend(f"     {source_line(src, W)}" for src in m.sources)
    return "\n".join(lines)


def sources_text(docs: list[DocumentInfo], W: Words = EN) -> str:
    if not docs:
        return W("text.sources.empty")
    cols = [W(f"text.col.{c}") for c in ("id", "date", "passages", "outlet", "title")]
    lines = [
        f"{' ' * max(0, 4 - width(cols[0]))}{cols[0]}  {pad(cols[1], 10)}  {' ' * max(0, 8 - width(cols[2]))}"
        f"{cols[2]}  {pad(cols[3], 18)}  {cols[4]}"
    ]
    for d in docs:
        lines.append(
            f"{d.id:>4}  {d.published or '-':<10}  {d.passages:>8}  {pad((d.outlet or '-')[:18], 18)}  {d.title[:70]}"
        )
    return "\n".join(lines)


def guilds_text(guilds: list[GuildInfo], W: Words = EN) -> str:
    """The servers the store holds data of (the shared documents belong to none)."""
    if not guilds:
        return W("text.guilds.none")
    server, documents, feeds, digest, left = (
        W(f"text.col.{c}") for c in ("server", "documents", "feeds", "digest", "left")
    )
    right = [" " * max(0, n - width(c)) + c for c, n in ((server, 20), (documents, 9), (feeds, 5))]
    lines = [f"{right[0]}  {right[1]}  {right[2]}  {pad(digest, 6)}  {left}"]
    for g in guilds:
        on = W("digest.on") if g.digest else "-"
        gone = human_time(g.left_at, W.lang) if g.left_at else "-"
        lines.append(f"{g.guild_id:>20}  {g.documents:>9}  {g.feeds:>5}  {pad(on, 6)}  {gone}")
    return "\n".join(lines)


def guild_removed_text(g: GuildInfo, W: Words = EN, key: str = "text.guild_removed") -> str:
    digest = W("text.guild_removed.digest") if g.digest else ""
    return W(key, id=g.guild_id, documents=g.documents, feeds=g.feeds, digest=digest)


def guild_remove_plan_text(g: GuildInfo, W: Words = EN) -> str:
    """What `guilds remove ID` would delete, said before it deletes anything."""
    return guild_removed_text(g, W, "text.guild_remove_plan")


def source_detail_text(d: DocumentInfo, W: Words = EN) -> str:
    def field(key: str, value: object) -> str:
        return f"{W(f'text.detail.{key}')}: {value}"

    language = W(f"language.{d.language}") if W.lang == "ja" and d.language in ("ja", "en") else d.language
    origin = W(f"origin.{d.origin}") if W.lang == "ja" and d.origin else d.origin
    lines = [
        f"#{d.id} {d.title}",
        f"  {field('file', d.url or d.name)}",
        "  "
        + "   ".join(
            [
                field("outlet", d.outlet or "-"),
                field("published", d.published or "-"),
                field("language", language),
                field("origin", origin),
            ]
        ),
        "  "
        + "   ".join(
            [
                field("added", d.added_at),
                field("passages", d.passages),
                field("events", d.events),
                field("statements", d.statements),
            ]
        ),
    ]
    if d.cited_urls:
        lines.append(f"  {W('text.detail.cites')}")
        lines.extend(f"    {u}" for u in d.cited_urls)
    return "\n".join(lines)


def ingest_text(r: IngestResult, lang: str = "en") -> str:
    if r.status == "added":
        W = Words(lang)
        extra = W("text.ingest.new_actors", names=", ".join(r.new_actors)) if r.new_actors else ""
        counts = {"passages": r.passages, "events": r.events, "statements": r.statements}
        return W("text.ingest.added", id=r.document_id, name=r.name, title=r.title, **counts) + extra
    if r.status == "duplicate":
        return UserError("ingest.duplicate_line", name=r.name, reason=reason_text(r, lang)).render(lang)
    return UserError("ingest.refused_line", name=r.name, reason=reason_text(r, lang)).render(lang)


def timeline_text(events: list[TimelineEvent], W: Words = EN) -> str:
    if not events:
        return W("text.timeline.empty")
    lines: list[str] = []
    background_started = False
    for ev in events:
        if ev.background and not background_started:
            lines.append(W("text.timeline.background"))
            background_started = True
        who = f"  [{', '.join(W.name(a) for a in ev.actors[:4])}]" if ev.actors else ""
        lines.append(f"{ev.date:<10}  {ev.summary}{who}")
        for src in ev.sources[:5]:
            lines.append(f"            {source_line(src, W)}")
        if len(ev.sources) > 5:
            lines.append(f"            {W('text.timeline.more', n=len(ev.sources) - 5)}")
    return "\n".join(lines)


def _topic(W: Words, topic: str) -> str:
    """A topic as the reader reads it: its Japanese label for Japanese readers, its id for English ones."""
    return W.topic(topic) if W.lang == "ja" else topic


def _position(W: Words, position: str) -> str:
    return W.position(position) if W.lang == "ja" else position


def stance_text(report: StanceReport, W: Words = EN) -> str:
    a = report.actor
    shown = W.name(a.name)
    other = a.name if shown != a.name else a.name_en
    head = shown + (f" ({other})" if other else "") + (f" — {W.description(a.description)}" if a.description else "")
    if not report.statements:
        return head + "\n" + W("text.stance.none")
    if report.about:
        head += "\n" + W("text.stance.about", about=report.about)
    lines = [head, W("text.stance.topics") if not report.about else W("text.stance.position")]
    for t in report.topics:
        shifts = [p for _, p in t.history if p != "neutral"]
        path = [_position(W, p) for i, p in enumerate(shifts) if i == 0 or p != shifts[i - 1]]
        change = W("text.stance.changed", path=" → ".join(path)) if t.changed else ""
        count = W("text.stance.count", n=t.statements)
        lines.append(
            f"  {pad(_topic(W, t.topic), 20)} {pad(_position(W, t.latest), 12)} {t.latest_date or '?':<10} {count}{change}"
        )
    lines.append(W("text.stance.statements_about" if report.about else "text.stance.statements"))
    for s in report.statements:
        about = _topic(W, s.topic) if s.topic else report.about
        via = f" {W('text.stance.via_report')}" if s.via == "report" else ""
        lines.append(f"  {s.date or '?':<10} {about}/{_position(W, s.position)}{via}: {s.text}")
        lines.extend(f"             {source_line(src, W)}" for src in s.sources)
    return "\n".join(lines)


def topics_text(topics: list[TopicInfo], W: Words = EN) -> str:
    lines = []
    for t in topics:
        found = f" {W('text.topic.documents', n=t.documents)}" if t.origin == "discovered" else ""
        origin = W(f"text.topic.origin.{t.origin}")
        label = t.label if W.lang == "ja" or not t.label_en else t.label_en
        lines.append(f"{pad(t.id, 22)} {pad(label, 20)} {pad(origin, 10)}{found}  {', '.join(t.cues[:8])}")
    return "\n".join(lines) or W("text.topics.none")


def actors_text(actors: list[ActorInfo], W: Words = EN) -> str:
    lines = []
    for a in actors:
        aliases = ", ".join(a.aliases[:6])
        count = W("text.actors.count", n=f"{a.statements:,}")
        lines.append(f"{pad(a.name, 14)} {pad(a.name_en or '', 28)} {pad(count, 15)} {aliases}".rstrip())
    return "\n".join(lines) or W("text.actors.none")


def _feed_troubles_text(d: Digest, W: Words = EN) -> list[str]:
    return [
        W(
            "text.digest.feed_trouble",
            id=t.feed_id,
            feed=t.feed,
            failed=t.failed,
            stored=t.stored,
            last=W("text.digest.feed_last", error=stored_in(t.last_error, W.lang)) if t.last_error else "",
        )
        for t in d.feed_troubles
    ]


def digest_text(d: Digest, timezone: str = "Asia/Tokyo", W: Words = EN) -> str:
    """The digest as plain text; its period as a person reads it in `timezone` (the digest's default, Tokyo)."""
    since, until = (human_time(t, W.lang, timezone, reference=d.until) for t in (d.since, d.until))
    if d.empty:
        return "\n".join([W("text.digest.nothing", since=since, timezone=timezone), *_feed_troubles_text(d, W)])
    lines = [W("text.digest.title", since=since, until=until, timezone=timezone)]
    if d.sources:
        lines.append(W("text.digest.sources", n=len(d.sources)))
        lines.extend(f"  #{s.id} {s.title} — {s.outlet or '-'} {s.url or s.name}" for s in d.sources)
    if d.events:
        lines.append(W("text.digest.events"))
        current = None
        for ev in d.events:
            if ev.date != current:
                lines.append(f"  {ev.date}")
                current = ev.date
            lines.append(f"    • {ev.summary}")
    if d.statements:
        lines.append(W("text.digest.statements"))
        for s in d.statements:
            lines.append(f"  {W.name(s.actor)} · {_topic(W, s.topic)} · {_position(W, s.position)}: {s.text[:120]}")
    lines.extend(_feed_troubles_text(d, W))
    return "\n".join(lines)


def poll_text(r: PollResult, W: Words = EN) -> str:
    f = r.feed
    if r.error:
        return W("text.poll.failed", id=f.id, url=f.url, error=stored_in(r.error, W.lang)) + (
            W("text.poll.paused", id=f.id) if r.paused_now else ""
        )
    parts = [W("text.poll.not_modified")] if r.not_modified else [W("text.poll.new", n=len(r.added))]
    if r.stored_quietly:
        parts.append(W("text.poll.quiet", n=r.stored_quietly))
    if r.failed:
        retrying = sum(1 for x in r.failed if x.retry_at)
        parts.append(
            W("text.poll.failed_items", n=len(r.failed)) + (W("text.poll.retrying", n=retrying) if retrying else "")
        )
    for key, n in (("retried", r.retried), ("skipped", r.skipped), ("seen", r.seen), ("backlog", r.backlog)):
        if n:
            parts.append(W(f"text.poll.{key}", n=n))
    lines = [W("text.poll.line", id=f.id, url=f.url, parts=("、" if W.lang == "ja" else ", ").join(parts))]
    lines.extend(
        W("text.poll.item_failed", label=x.label, reason=stored_in(x.reason, W.lang))
        + (W("text.poll.retry_at", at=x.retry_at) if x.retry_at else "")
        for x in r.failed
    )
    return "\n".join(lines)


def feeds_text(found: list[Feed], W: Words = EN) -> str:
    """`feeds list`: each feed with its health, its items by outcome and the latest item failure."""
    if not found:
        return W("text.feeds.none")
    lines = []
    for f in found:
        counts = W("text.feeds.counts", items=f.items, fetched=f.fetched, failed=f.failed)
        if f.retrying:
            counts += W("text.feeds.retrying", n=f.retrying)
        counts += W("text.feeds.skipped", n=f.skipped)
        health = W.feed_health(paused=f.paused, failures=f.failures, error=f.last_error, polled=bool(f.last_ok_at))
        lines.append(f"#{f.id} {f.url} — {counts} — {health}")
        if f.last_item_error:
            lines.append(W("text.feeds.last_item_error", error=stored_in(f.last_item_error, W.lang)))
    return "\n".join(lines)
