"""Topics: the seed taxonomy (bot/data/topics.json) plus those kept in the database — added, renamed or
removed by admins, or discovered in the corpus (recurring noun phrases that name a bill, a sanction, a plan).

A stored topic is asked about like a free-text target whose words are its cue words, so a topic added today
answers for every document already in the store, without re-reading them.

Topics belong to a server (issue 13): an admin's topics, renames and removals are that server's; those of the
command line are shared. A server sees the shared topics and its own (its own rename of a shared one wins), and
the topics discovered in the documents it sees. `guild_id` None or 0: the shared view."""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections import Counter, defaultdict

from rapidfuzz import fuzz, process

from bot.models import TopicInfo
from bot.services.errors import QueryError
from bot.store import Store
from bot.store.topics import (
    TopicRow,
    actor_passage_texts,
    delete_topic,
    discovered_meta_key,
    document_count,
    get_topic,
    put_topic,
    replace_discovered,
    stored_topics,
)
from bot.text import normalize
from bot.topics import TOPIC_LABELS, discovery_rules, load_topics

__all__ = [
    "MAX_CUES",
    "add_topic",
    "find_topic",
    "list_topics",
    "remove_topic",
    "rename_topic",
    "suggest_topics",
    "topic_cue_map",
]

MAX_CUES = 20
MAX_NAME = 60
DISCOVERY_PASSAGES = 3000


def topic_key(name: str) -> str:
    """A topic id from its name: NFKC, lower case, spaces as underscores (関税, us_tariffs)."""
    text = unicodedata.normalize("NFKC", name).strip().lower()
    return re.sub(r"[\s_\-]+", "_", text).strip("_")


def _seed_infos() -> list[TopicInfo]:
    return [
        TopicInfo(t["id"], t["label_ja"], t["label_en"], [*t.get("cues", [])], "seed") for t in load_topics()
    ]


async def _rows(store: Store, guild: int) -> dict[str, TopicRow]:
    """The stored rows a server reads, by topic id: the shared ones, then its own over them. A server's
    discovered topics come from its own discovery (over the shared documents and its own)."""
    rows: dict[str, TopicRow] = {}
    for r in await stored_topics(store, guild):
        if guild and r.guild_id == 0 and r.origin == "discovered" and not r.removed:
            continue
        rows[r.id] = r
    return rows


async def list_topics(store: Store, *, discover: bool = True, guild_id: int | None = None) -> list[TopicInfo]:
    """Every topic a server sees: the seed ones (as renamed, without the removed), then those added, then those
    found."""
    guild = guild_id or 0
    if discover:
        await refresh_discovered(store, guild)
    rows = await _rows(store, guild)
    out = []
    for info in _seed_infos():
        row = rows.pop(info.id, None)
        if row is not None and row.removed:
            continue
        if row is not None:
            info.label, info.label_en = row.label, row.label
        out.append(info)
    for origin in ("admin", "discovered"):
        out += [
            TopicInfo(r.id, r.label, None, r.cues, r.origin, r.documents, r.guild_id)
            for r in rows.values()
            if r.origin == origin and not r.removed
        ]
    return out


async def topic_cue_map(store: Store, guild_id: int | None = None) -> dict[str, list[str]]:
    """topic id → cue words, for every topic a server sees (what makes one word of a target a variant of
    another)."""
    return {t.id: t.cues for t in await list_topics(store, discover=False, guild_id=guild_id)}


async def find_topic(store: Store, text: str, guild_id: int | None = None) -> TopicInfo:
    """A topic a server sees, by id or name (seed labels in both languages; small typos allowed), or a
    QueryError."""
    topics = await list_topics(store, discover=False, guild_id=guild_id)
    key = topic_key(text or "")
    if not key:
        raise QueryError("topic.missing")
    keys: dict[str, TopicInfo] = {}
    for t in topics:
        for k in (t.id, t.label, t.label_en or "", *(TOPIC_LABELS.get(t.id, ()))):
            if k:
                keys.setdefault(topic_key(k), t)
    if key in keys:
        return keys[key]
    hits = process.extract(key, list(keys), scorer=fuzz.WRatio, limit=3)
    if hits and hits[0][1] >= 90:
        return keys[hits[0][0]]
    suggestions = list(dict.fromkeys(keys[h[0]].id for h in hits if h[1] >= 50))
    raise QueryError("topic.unknown_suggest" if suggestions else "topic.unknown", text=text, suggestions=suggestions)


def _clean_cues(cues: list[str]) -> list[str]:
    out = []
    for c in cues:
        c = " ".join(unicodedata.normalize("NFKC", c).split())
        if normalize(c) and len(c) <= MAX_NAME and c not in out:  # a cue word has letters, not only marks
            out.append(c)
    return out


async def add_topic(
    store: Store, name: str, cues: list[str], *, added_by: str | None = None, guild_id: int | None = None
) -> TopicInfo:
    """A new topic of this server (None or 0: shared) with its cue words. Refused: no name, no cue words, a
    name a topic the server sees has already."""
    label = " ".join(unicodedata.normalize("NFKC", name or "").split())
    if not label:
        raise QueryError("topic.no_name")
    if len(label) > MAX_NAME:
        raise QueryError("topic.name_too_long", limit=MAX_NAME)
    words = _clean_cues(cues)
    if not words:
        raise QueryError("topic.no_cues", topic=label)
    if len(words) > MAX_CUES:
        raise QueryError("topic.too_many_cues", limit=MAX_CUES)
    key = topic_key(label)
    guild = guild_id or 0
    existing = (await _rows(store, guild)).get(key)
    seeds = {topic_key(k) for t in _seed_infos() for k in (t.id, t.label, t.label_en or "")}
    if key in seeds or (existing is not None and not existing.removed and existing.origin != "discovered"):
        raise QueryError("topic.exists", topic=label)
    await put_topic(store, TopicRow(key, label, words, "admin", 0, False, added_by, guild))
    return TopicInfo(key, label, None, words, "admin", 0, guild)


async def remove_topic(
    store: Store, name: str, *, by: str | None = None, guild_id: int | None = None
) -> TopicInfo:
    """Remove a topic from what a server sees: its own added topic is deleted; a seed, shared or discovered
    one is hidden for it (and not discovered again)."""
    guild = guild_id or 0
    topic = await find_topic(store, name, guild)
    shared = guild and await get_topic(store, topic.id, 0)
    # a shared topic of that id would show again once the server's own is deleted: hide it instead. The shared
    # view's discovered topics are not among those (a server reads its own discovery, `_rows`): with one of them
    # the server's removal deleted or only hid its topic depending on whether the shared list had been read.
    if shared and shared.origin == "discovered":
        shared = None
    if topic.origin == "admin" and topic.guild_id == guild and not (shared and not shared.removed):
        await delete_topic(store, topic.id, guild)
    else:
        row = TopicRow(topic.id, topic.label, topic.cues, topic.origin, topic.documents, True, by, guild)
        await put_topic(store, row)
    return topic


async def rename_topic(
    store: Store, name: str, new_name: str, *, by: str | None = None, guild_id: int | None = None
) -> TopicInfo:
    """Give a topic another name in what a server sees (its id and cue words stay)."""
    guild = guild_id or 0
    topic = await find_topic(store, name, guild)
    label = " ".join(unicodedata.normalize("NFKC", new_name or "").split())
    if not label or len(label) > MAX_NAME:
        raise QueryError("topic.bad_new_name", limit=MAX_NAME)
    origin = "admin" if topic.origin == "discovered" else topic.origin
    await put_topic(store, TopicRow(topic.id, label, topic.cues, origin, topic.documents, False, by, guild))
    topic.label = label
    return topic


async def suggest_topics(
    store: Store, text: str, limit: int = 25, *, guild_id: int | None = None
) -> list[TopicInfo]:
    """Autocomplete: topics a server sees whose id, name or cue words match what was typed, best first."""
    topics = await list_topics(store, guild_id=guild_id)
    typed = normalize(text or "")[:60]
    if not typed:
        return topics[:limit]
    scored = []
    for t in topics:
        names = [n for n in (t.id, t.label, t.label_en or "", *TOPIC_LABELS.get(t.id, ())) if n]
        by_name = max((_match(typed, n) for n in names), default=0.0)
        by_cue = 0.9 * max((_match(typed, c) for c in t.cues), default=0.0)  # a name matched ranks first
        best = max(by_name, by_cue)
        if best >= 60:
            scored.append((best, t))
    scored.sort(key=lambda x: -x[0])
    return [t for _, t in scored[:limit]]


def _match(typed: str, name: str) -> float:
    key = normalize(name)
    return 100.0 if typed in key else float(fuzz.partial_ratio(typed, key))


# --- discovery -------------------------------------------------------------------------------------------------


async def refresh_discovered(store: Store, guild_id: int = 0) -> None:
    """Find the topics of the documents a server sees again when documents were added or removed since the
    last time."""
    docs = await document_count(store, guild_id)
    if await store.get_meta(discovered_meta_key(guild_id)) == str(docs):
        return
    texts = await actor_passage_texts(store, DISCOVERY_PASSAGES, guild_id)
    known = [c for t in _seed_infos() for c in t.cues] + [
        c for r in (await _rows(store, guild_id)).values() if r.origin != "discovered" for c in r.cues
    ]
    found = await asyncio.to_thread(discover_topics, texts, known)
    await replace_discovered(store, found, docs, guild_id)


def discover_topics(texts: list[tuple[int, str]], known_cues: list[str]) -> list[TopicRow]:
    """Noun phrases ending in a topic head (法案, 関税, sanctions …) named in enough documents, not already
    named by a topic's cue words; the most widespread first."""
    conf = discovery_rules()
    heads_ja = sorted(conf["heads_ja"], key=len, reverse=True)
    ja_rx = re.compile(
        r"(?<![一-龥ァ-ヺー々A-Za-z0-9])([一-龥ァ-ヺー々]{1,8}?(?:" + "|".join(map(re.escape, heads_ja)) + r"))(?![一-龥ァ-ヺー々])"
    )
    en_rx = re.compile(
        r"\b((?:[A-Za-z][a-z]+\s){1,2}(?:" + "|".join(map(re.escape, conf["heads_en"])) + r"))\b", re.IGNORECASE
    )
    known = [normalize(c) for c in known_cues if c]
    docs: dict[str, set[int]] = defaultdict(set)
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    stop_en = {"the", "a", "an", "its", "his", "her", "their", "this", "that", "new", "of", "on", "and", "to", "for"}
    for doc, text in texts:
        phrases = [m.group(1) for m in ja_rx.finditer(text)]
        for m in en_rx.finditer(text):
            words = [w for w in m.group(1).split() if w.lower() not in stop_en]
            if len(words) >= 2:
                phrases.append(" ".join(words).lower())
        for phrase in phrases:
            key = normalize(phrase)
            if len(key) < 3 or any(k and k in key for k in known):
                continue
            docs[key].add(doc)
            shown[key][phrase] += 1
    ranked = sorted((k for k in docs if len(docs[k]) >= conf["min_documents"]), key=lambda k: (-len(docs[k]), k))
    # a phrase inside a longer one found as often is that one (「関税措置」 within 「追加関税措置」 …): keep the shorter
    kept: list[str] = []
    for k in ranked:
        if any(o in k and len(docs[o]) >= len(docs[k]) for o in kept):
            continue
        kept.append(k)
    out = []
    for k in kept[: conf["max"]]:
        label = shown[k].most_common(1)[0][0]
        out.append(TopicRow(topic_key(label), label, [label], "discovered", len(docs[k]), False, None))
    return out
