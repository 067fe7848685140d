"""Turning what a user typed into an actor or a topic, or a clear error with suggestions."""

from __future__ import annotations

import asyncio
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.actors import ActorEntry, ActorIndex
from bot.extract.body_names import other_names
from bot.extract.roles import org_suffix
from bot.extract.romaji import name_key, romanize
from bot.models import TOPICS
from bot.services.errors import QueryError
from bot.store import Store
from bot.store.tenancy import actor_seen_by, actors_seen_among
from bot.text import proper_noun_readings
from bot.topics import TOPIC_LABELS


def resolve_actor(store: Store, name: str) -> ActorEntry:
    text = (name or "").strip()
    if not text:
        raise QueryError("actor.missing")
    if len(text) > 100:
        raise QueryError("actor.too_long", limit=100)
    actor, suggestions = store.actors.lookup(text)
    if actor is None:
        raise _unknown(text, suggestions)
    return actor


def _unknown(text: str, suggestions: list[ActorEntry]) -> QueryError:
    return QueryError(
        "actor.unknown_suggest" if suggestions else "actor.unknown",
        text=text,
        suggestions=[a.name for a in suggestions[:5]],
        suggestions_en=[a.name_en or a.name for a in suggestions[:5]],
    )


async def resolve_visible_actor(
    store: Store, name: str, guild_id: int | None, *, across: bool = False
) -> ActorEntry:
    """resolve_actor, for a server: an actor only another server's documents introduced is as unknown, and
    "Did you mean …?" names only actors the server sees. `across`: a name the store knows only in the other
    script (木原 typed, Kihara in the articles) resolves to that one person."""
    text = (name or "").strip()
    try:
        actor = resolve_actor(store, name)
    except QueryError as e:
        if e.code not in ("actor.unknown", "actor.unknown_suggest"):
            raise
        other = await across_scripts_typed(store, text, guild_id) if across else None
        if other is not None:
            return other
        if guild_id is None or e.code != "actor.unknown_suggest":
            raise
        raise await _visible_unknown(store, text, None, guild_id) from None
    if not await actor_seen_by(store, actor.id, guild_id):
        raise await _visible_unknown(store, text, actor.id, guild_id)
    return actor


async def across_scripts_typed(store: Store, text: str, guild_id: int | None) -> ActorEntry | None:
    """The one person the store knows by this name written in the other script, else None."""
    if len(text) > 40:
        return None
    typed = ActorEntry(0, text, None, "person", [])
    found = await asyncio.to_thread(across_scripts, store.actors, typed)
    if found and guild_id is not None:
        seen = await actors_seen_among(store, [a.id for a in found], guild_id)
        found = [a for a in found if a.id in seen]
    return found[0] if len(found) == 1 else None


async def _visible_unknown(store: Store, text: str, hidden: int | None, guild_id: int) -> QueryError:
    """The unknown-actor error, suggesting only actors the server sees (`hidden`: the one it does not)."""
    candidates = [a for a, _ in store.actors.fuzzy(text, limit=20) if a.id != hidden]
    seen = await actors_seen_among(store, [a.id for a in candidates], guild_id)
    return _unknown(text, [a for a in candidates if a.id in seen])


def _topic_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for topic in TOPICS:
        keys[topic] = topic
        keys[topic.replace("_", " ")] = topic
        ja, en = TOPIC_LABELS.get(topic, (topic, topic))
        keys[unicodedata.normalize("NFKC", ja).lower()] = topic
        keys[en.lower()] = topic
    return keys


def resolve_topic(text: str) -> str:
    """A topic id from its id, Japanese label or English label (small typos allowed)."""
    key = unicodedata.normalize("NFKC", (text or "").strip()).lower()
    keys = _topic_keys()
    if key in keys:
        return keys[key]
    hits = process.extract(key, list(keys), scorer=fuzz.WRatio, limit=3)
    if hits and hits[0][1] >= 90:
        return keys[hits[0][0]]
    suggestions = list(dict.fromkeys(keys[h[0]] for h in hits if h[1] >= 50))
    raise QueryError("topic.unknown_listed", text=text, topics=list(TOPICS), suggestions=suggestions)


# --- one person named in two scripts (木原 in Japanese reports, Kihara in English ones) --------------------------


def _name_forms(entry: ActorEntry, latin: bool) -> list[frozenset[str]]:
    """Each name of a person written in Latin letters (latin) or in Japanese script (not latin), as the set of
    its words' Latin keys (木原稔 → {kihara, minoru}). Only names in the other script are compared: a Latin
    name against an English alias would match a misspelling by the keys' folds (Trunp and Trump are one key)."""
    names = dict.fromkeys(n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n)
    return [f for f in (_latin_keys(n) for n in names if _is_latin(n) == latin) if f]


def _is_latin(name: str) -> bool:
    return unicodedata.normalize("NFKC", name).isascii()


@lru_cache(maxsize=8192)
def _latin_keys(name: str) -> frozenset[str]:
    text = unicodedata.normalize("NFKC", name)
    if text.isascii():
        words = [w for w in text.replace(".", " ").split() if w[:1].isupper()]
    else:
        words = [romanize(r) for r in proper_noun_readings(text)]
    return frozenset(k for k in map(name_key, words) if k)


def _same_name(a: list[frozenset[str]], b: list[frozenset[str]]) -> bool:
    """One name of each holds the other's words: a surname alone (Kihara, 木原) or a full name in either order;
    when both give a full name, the full names must agree (鈴木健太 is Kenta Suzuki, not Ichiro Suzuki)."""
    full_a, full_b = [f for f in a if len(f) > 1], [f for f in b if len(f) > 1]
    if full_a and full_b:
        return any(x <= y or y <= x for x in full_a for y in full_b)
    return any(x <= y or y <= x for x in a for y in b)




def across_scripts(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """The other people of the index who are this person written in the other script (木原 ↔ Kihara,
    小泉 ↔ Koizumi ↔ Shinjiro Koizumi): an English report and a Japanese one name the same speaker. For a body,
    the other bodies that are it under another name (`same_body`)."""
    if entry.kind != "person":
        return same_body(actors, entry)
    latin = _is_latin(entry.name)
    mine = _name_forms(entry, latin)
    if not mine:
        return []
    return [
        a
        for a in actors.actors.values()
        if a.id != entry.id
        and a.kind == "person"
        and _is_latin(a.name) != latin
        and _same_name(mine, _name_forms(a, not latin))
    ]


# --- one body under two names (国土交通省 in one report, 国交省 or the transport ministry in another) ----------------


def same_body(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """The other bodies of the index that are this one: a name the body-name data groups with one of its names
    (国交省 = 国土交通省 = transport ministry), or a ministry's or agency's short form (国交省 of 国土交通省: the first
    kanji of each two-kanji word, then 省 or 庁), or its name with the organisation ending it goes by (吉本 and
    吉本興業) — an article discovers each name it uses as an actor of its own."""
    mine = _body_names(entry)
    if not mine or entry.kind == "state":
        return []
    return [
        a
        for a in actors.actors.values()
        if a.id != entry.id
        and a.kind not in ("person", "state")
        and (
            any(n in mine or any(_short_form(n, m) or _short_form(m, n) for m in mine) for n in _body_names(a))
            or any(_suffixed(n, m) or _suffixed(m, n) for n in (a.name, *a.aliases) for m in (entry.name, *entry.aliases))
        )
    ]


def _suffixed(name: str, full: str) -> bool:
    """Whether `full` is `name` and the organisation ending it is known by (吉本 of 吉本興業, トヨタ of トヨタ自動車)."""
    return len(name) >= 2 and len(full) > len(name) and full.startswith(name) and org_suffix(full) == full[len(name) :]


def _body_names(entry: ActorEntry) -> set[str]:
    names = {n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n}
    return {unicodedata.normalize("NFKC", n).casefold() for n in names | {o for n in names for o in other_names(n)}}


def _short_form(short: str, full: str) -> bool:
    """Whether `short` is a ministry's or agency's usual short form of `full` (経産省 of 経済産業省, 厚労省 of
    厚生労働省): the first kanji of each of its two-kanji words and the same 省 or 庁."""
    words = full[:-1]
    return (
        len(words) in (4, 6)
        and full[-1:] in ("省", "庁")
        and short == words[::2] + full[-1]
        and all("一" <= c <= "龥" for c in words)
    )
