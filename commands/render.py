"""Discord's size limits, and helpers that keep every embed and message inside them.

Text is cut on character boundaries (never inside a combining sequence) and ends with "…"; a markdown
link `[text](url)` or a bare URL is kept whole or dropped, never cut in the middle.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import discord

from bot.text import strip_bidi

CONTENT = 2000
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000  # title + description + field names and values + footer + author, per message
EMBEDS_PER_MESSAGE = 10
BUTTONS_PER_ROW = 5
ROWS = 5

ELLIPSIS = "…"
MAX_LINK_URL = 512  # longer URLs would crowd a 1024-character field; their text is shown unlinked
LINK_TEXT = 100

_MD_LINK = re.compile(r"\[(?:\\.|[^\[\]\\\n])*\]\(<?https?://[^\s()<>]+>?\)")
_BARE_URL = re.compile(r"<?https?://[^\s<>]+>?")
_JOINERS = {"\u200d", "\u200c", "\u20e3"}  # zero-width (non-)joiner, combining keycap


def _attaches_to_previous(ch: str) -> bool:
    """True for characters that belong to the grapheme before them (accents, variation selectors…)."""
    if ch in _JOINERS or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":
        return True
    if "\U0001f3fb" <= ch <= "\U0001f3ff":  # skin-tone modifiers
        return True
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Markdown links and bare URLs: the ranges a cut may not fall inside."""
    spans = [m.span() for m in _MD_LINK.finditer(text)]
    for m in _BARE_URL.finditer(text):
        s, e = m.span()
        if not any(ls <= s < le for ls, le in spans):
            spans.append((s, e))
    return sorted(spans)


def safe_cut(text: str, limit: int) -> int:
    """The largest index <= limit where text may be cut without breaking a link, URL or grapheme."""
    cut = max(0, min(limit, len(text)))
    if cut == len(text):
        return cut
    for start, end in reversed(_protected_spans(text)):
        if start < cut < end:
            cut = start
    while 0 < cut < len(text) and (_attaches_to_previous(text[cut]) or text[cut - 1] == "\u200d"):
        cut -= 1
    return cut


def truncate(text: str | None, limit: int, *, ellipsis: str = ELLIPSIS) -> str:
    """text in at most `limit` characters; a shortened text ends with the ellipsis."""
    text = text or ""
    if len(text) <= limit:
        return text
    if limit <= len(ellipsis):
        return ellipsis[: max(limit, 0)]
    cut = safe_cut(text, limit - len(ellipsis))
    return text[:cut].rstrip() + ellipsis


def truncate_start(text: str | None, limit: int, *, ellipsis: str = ELLIPSIS) -> str:
    """Like truncate, but keeps the end of the text (for context before a highlighted span)."""
    text = text or ""
    if len(text) <= limit:
        return text
    if limit <= len(ellipsis):
        return ellipsis[: max(limit, 0)]
    start = len(text) - (limit - len(ellipsis))
    for s, e in _protected_spans(text):
        if s < start < e:
            start = e
    while start < len(text) and _attaches_to_previous(text[start]):
        start += 1
    return ellipsis + text[start:].lstrip()


def escape(text: str | None) -> str:
    """Article or user text shown as written: markdown neutralised, mentions left to allowed_mentions."""
    return discord.utils.escape_markdown(text or "", ignore_links=True)


def echo(text: str | None) -> str:
    """What a user typed, shown back in a message: no bidirectional overrides, markdown neutralised, and no
    bracket left that could make a masked link (`[BBC](https://evil…)` shows as typed, not as a link)."""
    return _escape_brackets(escape(strip_bidi(text or "")))


def plain(text: str | None) -> str:
    """What a user typed, for places that show no markdown (titles, footers, choices): no bidi overrides."""
    return strip_bidi(text or "")


_UNESCAPED_BRACKET = re.compile(r"(?<!\\)((?:\\\\)*)([\[\]])")


def _escape_brackets(text: str) -> str:
    """Every [ and ] not already escaped gets one backslash (escape() escapes a link's [ itself)."""
    return _UNESCAPED_BRACKET.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _link_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return None
    url = url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return url if len(url) <= MAX_LINK_URL else None


def link(text: str | None, url: str | None, *, limit: int = LINK_TEXT) -> str:
    """A markdown link `[text](url)` with the text escaped; plain text when there is no usable URL."""
    label = _escape_brackets(escape(truncate((text or "").replace("\n", " "), limit))) or "link"
    target = _link_url(url)
    return f"[{label}]({target})" if target else label


def pack(blocks: Iterable[str], limit: int, *, sep: str = "\n") -> list[str]:
    """Whole blocks joined into chunks of at most `limit` characters; an oversized block is truncated."""
    chunks: list[str] = []
    current = ""
    for block in blocks:
        block = truncate(block, limit)
        if not block:
            continue
        candidate = f"{current}{sep}{block}" if current else block
        if len(candidate) <= limit:
            current = candidate
        else:
            chunks.append(current)
            current = block
    if current:
        chunks.append(current)
    return chunks


def pack_pages(
    blocks: Sequence[str], *, per_page: int, budget: int, first_budget: int | None = None
) -> list[list[str]]:
    """Blocks in pages of at most `per_page` blocks and `budget` characters joined by newlines.

    The first page may have less room (`first_budget`); a block larger than a page is truncated.
    """
    pages: list[list[str]] = []
    current: list[str] = []
    size = 0

    def room() -> int:
        return first_budget if first_budget is not None and not pages else budget

    for block in blocks:
        text = truncate(block, room())
        if current and (len(current) >= per_page or size + 1 + len(text) > room()):
            pages.append(current)
            current, size = [], 0
            text = truncate(block, room())
        size += len(text) + (1 if current else 0)
        current.append(text)
    if current:
        pages.append(current)
    return pages


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Enforce every per-embed limit in place: each part truncated, at most 25 fields, 6000 in total."""
    if embed.title:
        embed.title = truncate(embed.title, TITLE)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION)
    if embed.author and embed.author.name:
        embed.set_author(name=truncate(embed.author.name, AUTHOR), url=embed.author.url, icon_url=embed.author.icon_url)
    if embed.footer and embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, FOOTER), icon_url=embed.footer.icon_url)
    fields = [
        (truncate(f.name, FIELD_NAME) or "\u200b", truncate(f.value, FIELD_VALUE) or "\u200b", bool(f.inline))
        for f in embed.fields[:FIELDS]
    ]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=name, value=value, inline=inline)
    while len(embed) > EMBED_TOTAL and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > EMBED_TOTAL and embed.description:
        over = len(embed) - EMBED_TOTAL
        embed.description = truncate(embed.description, max(len(embed.description) - over, 1))
    if len(embed) > EMBED_TOTAL and embed.footer and embed.footer.text:
        embed.set_footer(text=None)
    return embed


def add_fields(embed: discord.Embed, name: str, blocks: Iterable[str], *, max_fields: int = FIELDS) -> discord.Embed:
    """Blocks packed into as many fields as needed (the name repeated as "name (2)"), within max_fields."""
    chunks = pack(blocks, FIELD_VALUE)
    room = min(max_fields, FIELDS - len(embed.fields))
    for i, chunk in enumerate(chunks[:room]):
        embed.add_field(name=truncate(name if i == 0 else f"{name} ({i + 1})", FIELD_NAME), value=chunk, inline=False)
    return embed


def group_embeds(embeds: Sequence[discord.Embed]) -> list[list[discord.Embed]]:
    """Embeds in messages of at most 10 embeds and 6000 characters each (each embed fitted first)."""
    messages: list[list[discord.Embed]] = []
    current: list[discord.Embed] = []
    size = 0
    for embed in embeds:
        fit_embed(embed)
        n = len(embed)
        if current and (len(current) >= EMBEDS_PER_MESSAGE or size + n > EMBED_TOTAL):
            messages.append(current)
            current, size = [], 0
        current.append(embed)
        size += n
    if current:
        messages.append(current)
    return messages


def content(text: str | None) -> str:
    """Message content within 2000 characters."""
    return truncate(text, CONTENT)


NO_MENTIONS = discord.AllowedMentions.none()
