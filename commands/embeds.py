"""Service results as Discord embeds, every one within Discord's limits (no Discord I/O here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import discord

from bot.models import (
    Digest,
    DocumentInfo,
    IngestResult,
    QuoteMatch,
    SourceRef,
    StanceReport,
    Statement,
    TimelineEvent,
    TopicInfo,
)
from bot.readable import human_time, reason_text
from bot.services.sources import BulkProgress
from bot.user_errors import UserError, stored_in
from commands.i18n import Labels
from commands.render import (
    DESCRIPTION,
    EMBED_TOTAL,
    add_fields,
    echo,
    escape,
    fit_embed,
    group_embeds,
    link,
    pack,
    pack_pages,
    plain,
    truncate,
    truncate_start,
)

if TYPE_CHECKING:
    from bot.services.feeds import Feed

COLOR = discord.Colour(0x2B6CB0)
DIGEST_COLOR = discord.Colour(0x2F855A)
PER_PAGE = 10
STATEMENTS_PER_PAGE = 5
HISTORY_SHIFTS = 5
PAGE_BUDGET = DESCRIPTION - 96  # headroom for the footer and title inside the 6000 total


# --- small pieces ----------------------------------------------------------------------------


def source_link(src: SourceRef) -> str:
    """The original outlet as link text, pointing at the cited article."""
    name = src.outlet or src.title or src.document
    return link(truncate(name, 60), src.url)


def sources_line(sources: Sequence[SourceRef], L: Labels, *, limit: int = 4, more: int = 0) -> str:
    """Links to the first `limit` outlets; `more` counts sources beyond those listed."""
    links = list(dict.fromkeys(source_link(s) for s in sources))
    line = " · ".join(links[:limit])
    hidden = len(links) - limit if len(links) > limit else 0
    if hidden + more:
        line += " " + L("more", n=hidden + more)
    return line


def _footer(L: Labels, page: int, pages: int, count: int, unit: str) -> str:
    return L("pager.footer", page=page, pages=pages, count=count, unit=L.unit(unit, count))


def _paged(title: str, bodies: list[str], *, L: Labels, count: int, unit: str) -> list[discord.Embed]:
    return [_page(title, body, L=L, page=i, pages=len(bodies), count=count, unit=unit) for i, body in enumerate(bodies)]


def _page(title: str, body: str, *, L: Labels, page: int, pages: int, count: int, unit: str) -> discord.Embed:
    """Page `page` (from 0) of `pages`."""
    embed = discord.Embed(title=truncate(title, 256), description=body, colour=COLOR)
    embed.set_footer(text=_footer(L, page + 1, pages, count, unit))
    return fit_embed(embed)


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def when(value: str | None) -> str:
    """An ISO instant as a Discord timestamp, shown in each reader's own time zone."""
    dt = parse_iso(value)
    return discord.utils.format_dt(dt, "f") if dt else (value or "—")


# --- /quote ----------------------------------------------------------------------------------


def quote_embed(query: str, matches: list[QuoteMatch], L: Labels) -> discord.Embed:
    best, *others = matches
    start, end = best.span
    before, span, after = best.text[:start], best.text[start:end], best.text[end:]
    highlighted = f"**{escape(truncate(span, 1500))}**" if span.strip() else ""
    description = escape(truncate_start(before, 400)) + highlighted + escape(truncate(after, 700))
    embed = discord.Embed(title=L("quote.title"), description=description, colour=COLOR)
    embed.add_field(name=L("quote.speaker"), value=escape(L.name(best.speaker)) or L("quote.unattributed"), inline=True)
    embed.add_field(name=L("quote.date"), value=best.date or L("unknown"), inline=True)
    embed.add_field(name=L("quote.score"), value=f"{best.score:g}", inline=True)
    source_blocks = [
        f"{source_link(s)} — {escape(truncate(s.title or s.document, 80))} (#{s.document_id})" for s in best.sources
    ]
    add_fields(embed, L("quote.sources"), source_blocks, max_fields=2)
    other_blocks = []
    for i, m in enumerate(others, 2):
        before, matched, after = m.excerpt(40)
        who = escape(L.name(m.speaker)) if m.speaker else L("quote.unattributed")
        shown = f"{escape(before)}**{escape(truncate(matched, 160))}**{escape(after)}"
        other_blocks.append(f"**{i}.** {shown} — {who}, {m.date or '?'} · {sources_line(m.sources, L, limit=2)}")
    add_fields(embed, L("quote.others"), other_blocks, max_fields=3)
    embed.set_footer(text=L("quote.footer", query=plain(truncate(query, 200))))
    return fit_embed(embed)


def quote_not_found(query: str, L: Labels) -> str:
    return truncate(L("quote.not_found", query=echo(truncate(query, 300))), 2000)


# --- /timeline -------------------------------------------------------------------------------


def timeline_block(ev: TimelineEvent, L: Labels, limit: int = PAGE_BUDGET) -> str:
    """One event in at most `limit` characters: the summary gives way first, then links (to fewer, then
    to the outlet's name alone when even one link is too long)."""
    who = f" — {escape(', '.join(L.name(a) for a in ev.actors[:4]))}" if ev.actors else ""
    head = f"**{ev.date}** "
    for links in (3, 2, 1, 0):
        if links:
            sources = sources_line(ev.sources, L, limit=links, more=ev.more_sources)
        else:
            names = [escape(truncate(s.outlet or s.title or s.document, 40)) for s in ev.sources[:1]]
            more = len(ev.sources) - len(names) + ev.more_sources
            sources = " ".join([*names, *([L("more", n=more)] if more else [])])
        room = limit - len(head) - len(who) - 1 - len(sources)
        if room >= 40 or not links:
            summary = escape(truncate(ev.summary, min(240, max(room, 20))))
            return truncate(f"{head}{summary}{who}\n{sources}", limit)
    raise AssertionError("unreachable")


def timeline_embed(
    events: Sequence[TimelineEvent], L: Labels, *, page: int, pages: int, count: int, filters: Sequence[str] = ()
) -> discord.Embed:
    """One page of at most PER_PAGE events; background dates (1945, 1991 …) under their own heading, and
    the events after them under theirs when the background comes first (the view that opens on the latest)."""
    heading = f"__{L('timeline.background')}__"
    after = f"__{L('timeline.events')}__"
    room = (PAGE_BUDGET - len(heading) - len(after) - 2) // max(1, len(events)) - 1
    lines: list[str] = []
    for i, ev in enumerate(events):
        if ev.background and heading not in lines:
            lines.append(heading)
        elif not ev.background and i and events[i - 1].background:
            lines.append(after)
        lines.append(timeline_block(ev, L, room))
    title = " · ".join([L("timeline.title"), *filters])
    return _page(title, "\n".join(lines), L=L, page=page, pages=pages, count=count, unit=L("timeline.unit"))


# --- /stance ---------------------------------------------------------------------------------


def _history(positions: list[tuple[str | None, str]], L: Labels) -> str:
    shifts: list[str] = []
    for _, p in positions:
        if p != "neutral" and (not shifts or shifts[-1] != p):
            shifts.append(p)
    shown = " → ".join(L.position(p) for p in shifts[-HISTORY_SHIFTS:])
    return f"… → {shown}" if len(shifts) > HISTORY_SHIFTS else shown


def stance_page_count(report: StanceReport) -> int:
    return max(1, -(-report.total // STATEMENTS_PER_PAGE))


def _statement_block(s: Statement, L: Labels, limit: int) -> str:
    what = L.topic(s.topic) if s.topic else ""
    via = f" · {L('stance.via_report')}" if s.via == "report" else ""  # found through its report, not its words
    head = f"`{s.date or '?'}` " + (f"**{what}** · " if what else "") + f"{L.position(s.position)}{via}\n> "
    sources = sources_line(s.sources, L, limit=3)
    room = min(350, max(40, limit - len(head) - len(sources) - 1))
    return truncate(f"{head}{escape(truncate(s.text.replace(chr(10), ' '), room))}\n{sources}", limit)


def stance_embed(report: StanceReport, L: Labels, *, page: int) -> discord.Embed:
    """Page `page` of /stance: the first carries the per-topic summary; each lists STATEMENTS_PER_PAGE
    statements (`report.statements` holds this page's)."""
    a = report.actor
    first, second = (a.name_en, a.name) if L.lang == "en" and a.name_en else (a.name, a.name_en)
    title = first + (f" ({second})" if second and second != first else "")
    if report.about:
        title = L("stance.about_title", actor=title, about=plain(truncate(report.about, 120)))
    topic_fields = []
    intro = ""
    if page == 0:
        for t in report.topics[:25]:
            count = L("stance.count_one") if t.statements == 1 else L("stance.count", n=t.statements)
            value = f"**{L.position(t.latest)}** · {t.latest_date or '?'} · {count}"
            if t.changed:
                value += "\n" + L("stance.changed", history=_history(t.history, L))
            name = truncate(t.topic, 250) if report.about else L.topic(t.topic)
            topic_fields.append((name, truncate(value, 300)))
        intro = escape(truncate(L.description(a.description), 300)) if a.description else ""
    fields_size = sum(len(n) + len(v) for n, v in topic_fields)
    budget = max(500, min(PAGE_BUDGET, EMBED_TOTAL - fields_size - len(title) - len(intro) - 200))
    shown = report.statements[:STATEMENTS_PER_PAGE]
    room = budget // max(1, len(shown)) - 1
    body = "\n".join(_statement_block(s, L, room) for s in shown)
    if intro:
        body = f"{intro}\n\n{body}".strip()
    embed = _page(
        title, body, L=L, page=page, pages=stance_page_count(report), count=report.total, unit=L("stance.unit")
    )
    for name, value in topic_fields:
        embed.add_field(name=name, value=value, inline=True)
    return fit_embed(embed)


# --- /topic ---------------------------------------------------------------------------------


def topics_embed(topics: Sequence[TopicInfo], L: Labels) -> discord.Embed:
    """Every topic on one page: seed, added and discovered, each with its first cue words."""
    lines = []
    for t in topics:
        name = L.topic(t.id) if (t.origin == "seed" and t.label == L.topic(t.id)) or t.origin == "seed" else t.label
        found = " " + L("topic.documents", n=t.documents) if t.origin == "discovered" else ""
        cues = truncate(", ".join(t.cues[:6]), 80)
        lines.append(f"**{escape(name)}** `{truncate(t.id, 40)}` · {L('topic.origin.' + t.origin)}{found} — {escape(cues)}")
    blocks = pack_pages(lines, per_page=len(lines) or 1, budget=PAGE_BUDGET)
    body = "\n".join(blocks[0]) if blocks else ""
    return _page(L("topic.title"), body, L=L, page=0, pages=1, count=len(topics), unit=L("topic.unit"))


# --- /sources and /source --------------------------------------------------------------------


def sources_pages(docs: list[DocumentInfo], L: Labels) -> list[discord.Embed]:
    blocks = [
        f"`#{d.id}` {link(truncate(d.title, 150), d.url, limit=150)}\n"
        f"{escape(d.outlet) if d.outlet else '—'} · {d.published or '—'} · "
        + L("sources.counts", passages=d.passages, events=d.events, statements=d.statements)
        for d in docs
    ]
    bodies = ["\n".join(page) for page in pack_pages(blocks, per_page=PER_PAGE, budget=PAGE_BUDGET)]
    return _paged(L("sources.title"), bodies, L=L, count=len(docs), unit=L("sources.unit"))


def _url_label(url: str) -> str:
    parts = urlsplit(url)
    return truncate(parts.netloc + parts.path, 60)


def source_embed(d: DocumentInfo, L: Labels) -> discord.Embed:
    url = d.url if d.url and d.url.lower().startswith(("http://", "https://")) and len(d.url) <= 2000 else None
    embed = discord.Embed(title=truncate(f"#{d.id} {d.title}", 256), url=url, colour=COLOR)
    outlets = ", ".join(dict.fromkeys([*([d.outlet] if d.outlet else []), *d.outlets]))
    embed.add_field(name=L("source.outlet"), value=escape(truncate(outlets, 300)) or "—", inline=True)
    embed.add_field(name=L("source.published"), value=d.published or "—", inline=True)
    embed.add_field(name=L("source.added"), value=when(d.added_at), inline=True)
    embed.add_field(name=L("source.origin"), value=L(f"origin.{d.origin}") if d.origin else "—", inline=True)
    embed.add_field(
        name=L("source.contents"),
        value=L("sources.counts", passages=d.passages, events=d.events, statements=d.statements),
        inline=True,
    )
    embed.add_field(name=L("source.file"), value=escape(truncate(d.name, 200)), inline=True)
    add_fields(embed, L("source.cites"), [link(_url_label(u), u) for u in d.cited_urls], max_fields=4)
    return fit_embed(embed)


def ingest_embed(r: IngestResult, L: Labels) -> discord.Embed:
    embed = discord.Embed(
        title=truncate(L("ingest.added", id=r.document_id, title=r.title or r.name), 256), colour=COLOR
    )
    embed.add_field(name=L("source.outlet"), value=escape(r.outlet) or "—", inline=True)
    embed.add_field(name=L("source.published"), value=r.published or "—", inline=True)
    embed.add_field(name=L("ingest.passages"), value=str(r.passages), inline=True)
    embed.add_field(name=L("ingest.events"), value=str(r.events), inline=True)
    embed.add_field(name=L("ingest.statements"), value=str(r.statements), inline=True)
    embed.add_field(
        name=L("ingest.new_actors"), value=escape(truncate(", ".join(r.new_actors), 1000)) or "—", inline=False
    )
    return fit_embed(embed)


def ingest_refusal(r: IngestResult, L: Labels) -> str:
    if r.error is not None and r.error.code == "url.is_feed_follow":
        return truncate(L("ingest.is_feed", name=escape(truncate(r.name, 200))), 2000)
    if r.status == "duplicate":
        return truncate(L("ingest.duplicate", name=escape(truncate(r.name, 200)), id=r.duplicate_of), 2000)
    return truncate(L("ingest.error", name=escape(truncate(r.name, 200)), reason=escape(reason_text(r, L.lang))), 2000)


def archive_progress_text(p: BulkProgress, name: str, L: Labels) -> str:
    """The deferred reply of a .zip upload while its articles are added."""
    total = p.total or p.done or 1
    eta = round(p.eta) if p.eta is not None else 0
    return L(
        "ingest.archive_progress",
        name=name,
        done=f"{p.done:,}",
        total=f"{total:,}",
        percent=f"{p.done * 100 // total}",
        rate=f"{p.rate:.0f}",
        eta=f"{eta // 60}:{eta % 60:02d}",
        added=f"{p.added:,}",
        duplicates=f"{p.duplicates:,}",
        refused=f"{p.refused:,}",
    )


def refusal_kind(error: UserError) -> UserError:
    """A refusal as the kind many files share: the file's own name and figures left out."""
    return UserError(error.code, **{k: "…" if k in _PER_FILE else v for k, v in error.params.items()})


_PER_FILE = frozenset({"name", "path", "earlier", "size", "length", "mb", "why"})


def archive_done_text(p: BulkProgress, name: str, L: Labels) -> str:
    """The summary of a .zip upload: counts, time, and the refusals by reason (most frequent first)."""
    lines = [
        L(
            "ingest.archive_done",
            name=name,
            added=f"{p.added:,}",
            duplicates=f"{p.duplicates:,}",
            refused=f"{p.refused:,}",
            total=f"{p.done:,}",
            seconds=f"{p.elapsed:.0f}",
        )
    ]
    for reason, n in sorted(p.reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:10]:
        example = p.examples[reason].error if reason in p.examples else None
        shown = L.error(refusal_kind(example)) if example is not None and L.lang != "en" else escape(reason)
        lines.append(L("ingest.archive_refused", count=f"{n:,}", reason=truncate(shown, 200)))
    return truncate("\n".join(lines), 2000)


# --- /source feed|feeds|unfeed|resume ---------------------------------------------------------


def feed_health(f: Feed, L: Labels) -> str:
    """Feed.health in the reader's language (the English labels read exactly like Feed.health)."""
    return L.feed_health(paused=f.paused, failures=f.failures, error=f.last_error, polled=bool(f.last_ok_at))


def feed_label(f: Feed, limit: int = 100) -> str:
    """A feed as one line of plain text: its title, or its address until it has been read."""
    return truncate(f"#{f.id} {f.title or _url_label(f.url)}".replace("\n", " "), limit)


def feeds_pages(feeds: Sequence[Feed], L: Labels) -> list[discord.Embed]:
    blocks = [
        f"`#{f.id}` {link(truncate(f.title or _url_label(f.url), 150), f.url, limit=150)}\n"
        f"**{escape(feed_health(f, L))}** · "
        + L(
            "feeds.counts",
            items=f.items,
            fetched=f.fetched,
            failed=f.failed,
            retrying=f.retrying,
            skipped=f.skipped,
            polled=when(f.last_polled_at) if f.last_polled_at else "—",
        )
        + (
            "\n"
            + L(
                "feeds.last_item_error",
                error=escape(truncate(stored_in(f.last_item_error, L.lang).replace("\n", " "), 300)),
            )
            if f.last_item_error
            else ""
        )
        for f in feeds
    ]
    bodies = ["\n".join(page) for page in pack_pages(blocks, per_page=PER_PAGE, budget=PAGE_BUDGET)]
    return _paged(L("feeds.title"), bodies, L=L, count=len(feeds), unit=L("feeds.unit"))


def feed_paused_notice(f: Feed, L: Labels) -> str:
    """The one message the digest channel gets when a feed is paused after failing too often."""
    return truncate(
        L(
            "feed.paused_notice",
            id=f.id,
            feed=escape(truncate(f.title or _url_label(f.url), 150)),
            url=bare_link(f.url),
            n=f.failures,
            error=escape(truncate(stored_in(f.last_error or "?", L.lang).replace("\n", " "), 500)),
        ),
        2000,
    )


def bare_link(url: str) -> str:
    """A URL for message content, in <…> so Discord shows no preview; escaped text if it cannot be a link."""
    target = _link_target(url)
    return f"<{target}>" if target else escape(truncate(url, 200))


def _link_target(url: str) -> str | None:
    u = (url or "").strip()
    ok = (
        u.lower().startswith(("http://", "https://"))
        and len(u) <= 1000
        and not any(c.isspace() or c in "<>" for c in u)
    )
    return u if ok else None


# --- the daily digest ------------------------------------------------------------------------


@dataclass(slots=True)
class Post:
    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)


def _section(title: str, blocks: list[str], colour: discord.Colour) -> list[discord.Embed]:
    return [
        discord.Embed(title=title if i == 0 else f"{title} ({i + 1})", description=chunk, colour=colour)
        for i, chunk in enumerate(pack(blocks, PAGE_BUDGET))
    ]


def digest_posts(d: Digest, L: Labels, timezone: str = "Asia/Tokyo") -> list[Post]:
    """The digest as messages: sources, events by date, statements by actor and topic (or one line).
    Its period is shown as a person reads it, in the server's time zone (12月1日 09:00 / Dec 1, 09:00)."""
    if d.empty:
        troubles = feed_trouble_blocks(d, L)
        since = human_time(d.since, L.lang, timezone, reference=d.until)
        return [Post(content=truncate("\n".join([L("digest.nothing", since=since), *troubles]), 2000))]
    header = discord.Embed(
        title=L("digest.title"),
        description=L(
            "digest.period",
            since=human_time(d.since, L.lang, timezone, reference=d.until),
            until=human_time(d.until, L.lang, timezone, reference=d.until),
            sources=len(d.sources),
            events=len(d.events),
            statements=len(d.statements),
        ),
        colour=DIGEST_COLOR,
    )
    source_blocks = [
        f"• {link(truncate(doc.title, 150), doc.url, limit=150)}"
        + (f" — {escape(doc.outlet)}" if doc.outlet else "")
        + f" (`#{doc.id}`)"
        for doc in d.sources
    ]
    by_date: dict[str, list[TimelineEvent]] = defaultdict(list)
    for ev in d.events:
        by_date[ev.date].append(ev)
    event_blocks = [
        (f"**{date}**\n" if i == 0 else "")
        + f"• {escape(truncate(ev.summary, 240))} {sources_line(ev.sources, L, limit=2)}"
        for date, evs in sorted(by_date.items())
        for i, ev in enumerate(evs)
    ]
    by_actor: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s in d.statements:
        by_actor[s.actor][s.topic].append(s)
    statement_blocks = [
        (f"**{escape(L.name(actor))}**\n" if i == 0 else "")
        + f"• _{L.topic(st.topic)}_ · {L.position(st.position)}: 「{escape(truncate(st.text, 200))}」 "
        + sources_line(st.sources, L, limit=1)
        for actor, topics in by_actor.items()
        for i, st in enumerate(x for items in topics.values() for x in items)
    ]
    embeds = [
        header,
        *_section(L("digest.sources"), source_blocks, DIGEST_COLOR),
        *_section(L("digest.events"), event_blocks, DIGEST_COLOR),
        *_section(L("digest.statements"), statement_blocks, DIGEST_COLOR),
        *_section(L("digest.feed_troubles"), feed_trouble_blocks(d, L), DIGEST_COLOR),
    ]
    return [Post(embeds=group) for group in group_embeds(embeds)]


def feed_trouble_blocks(d: Digest, L: Labels) -> list[str]:
    """One line per feed whose items kept failing in the digest's period."""
    return [
        "• "
        + L(
            "digest.feed_trouble",
            id=t.feed_id,
            feed=escape(truncate(t.feed, 120)),
            failed=t.failed,
            stored=t.stored,
            error=escape(truncate(stored_in(t.last_error or "?", L.lang).replace("\n", " "), 300)),
        )
        for t in d.feed_troubles
    ]
