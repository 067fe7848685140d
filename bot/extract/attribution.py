"""Who said it: the one attribution module /quote, /stance and the digest share.

`attribute(text, start, end, actors, …)` gives the speaker of text[start:end]: an actor's canonical name
(「トランプ」 for トランプ米大統領, Trump or President Trump), or the text's own phrase for a speaker the registry does
not hold (an anonymous source such as 米政府当局者 stays what it is). Japanese rules live in attribution_ja, English
ones in attribution_en; the language is that of the span's sentence. "No speaker" (None) is a valid answer.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache

from bot.actors import TITLE_RE, ActorEntry, ActorIndex, Mention
from bot.extract.attribution_en import attribute_en, named_speakers_en
from bot.extract.attribution_ja import attribute_ja, named_speakers_ja
from bot.extract.roles import looks_like_name, vocabulary
from bot.extract.romaji import name_key, name_skeleton, romanize
from bot.rows import NewActor
from bot.text import normalize

_JA_RE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def is_english(text: str, start: int, end: int) -> bool:
    """Whether the span's surroundings are English (Latin letters, no kana or kanji)."""
    window = text[max(0, start - 200) : end + 200]
    return not _JA_RE.search(window) and bool(re.search("[A-Za-z]", window))


def attribute(
    text: str,
    start: int,
    end: int,
    actors: ActorIndex,
    default_speaker: str | None = None,
    mentions: list[Mention] | None = None,
    context: str = "",
) -> str | None:
    """The speaker of text[start:end], as an actor's canonical name or the text's own noun phrase.

    `context` is the surrounding item text (the passage's article or section) used for anaphora (同氏, he,
    the company) and for subjects carried over from earlier sentences. `mentions` is accepted for callers that
    computed them already; the rules find what they need in the context.
    """
    del mentions  # the context's mentions are computed (and cached) by the rules themselves
    if is_english(text, start, end):
        return attribute_en(text, start, end, actors, context=context)
    return attribute_ja(text, start, end, actors, default_speaker=default_speaker, context=context)


def written_in_full(speaker: str | None, text: str, start: int, actors: ActorIndex, context: str = "") -> str | None:
    """The speaker `attribute` gave text[start:…] as the report writes that person in full, for showing: the store
    keeps one actor per person under the name reports use most (福島 of 「福島英賢教授」, ジョルカ of 「フアンフラン・
    ペレス・ジョルカ氏」, Johnson of "Paul Johnson"), and the reader should see who the person is in this report, not a
    surname that others share. The written mention of the same actor nearest before the span (else the first after
    it) that holds the name: the same person's name extended, never another of the actor's aliases (a title, the
    other script). Anything else (a body, a phrase, a name the index does not hold as the actor's own) as it is."""
    entry = actors.resolve(speaker) if speaker else None
    if entry is None or entry.kind != "person" or speaker != entry.name:
        return speaker
    ctx = context if context and text in context else text
    at = start + (ctx.find(text) if ctx is not text else 0)
    forms = [
        (m.start, form)
        for m in actors.mentions(ctx)
        if m.actor_id == entry.id and len(form := ctx[m.start : m.end]) > len(speaker) and _name_extended(speaker, form)
    ]
    before = [form for begin, form in forms if begin < at]
    return before[-1] if before else (forms[0][1] if forms else speaker)


def _name_extended(speaker: str, form: str) -> bool:
    """Whether a mention `form` is the name `speaker` written in full — a given name before it (ラドスワフ・シコルスキ,
    Paul Johnson) or after it (福島英賢) — and nothing else: a mention that carries a title (トランプ米大統領, 岸田首相,
    "President Donald Trump") names the post, not more of the person, and is not shown as the name."""
    if not (form.startswith(speaker) or form.endswith(speaker)) or TITLE_RE.search(form) or not looks_like_name(form):
        return False
    titles = _english_title_words()
    return not any(w.strip(".").casefold() in titles for w in form.split())


@lru_cache(maxsize=1)
def _english_title_words() -> frozenset[str]:
    """The words of the English titles the vocabulary knows (president, minister, secretary…), casefolded."""
    return frozenset(
        w.strip(".").casefold() for t in vocabulary().en_titles for w in t.split() if len(w.strip(".")) >= 2
    )


def rollup(speaker: str | None, actors: ActorIndex) -> int | None:
    """The actor a speaker counts for in a roll-up: the actor itself, or for an anonymous source the side it
    speaks for (米政府当局者 → 米国, "a senior U.S. official" → 米国, 日産幹部の一人 → 日産 when 日産 is an actor).
    The speaker shown stays what the text says; only /stance's per-side summaries may use this."""
    if not speaker:
        return None
    entry = actors.resolve(speaker)
    if entry is not None:
        return entry.id
    found = [m for m in actors.mentions(speaker) if actors.actors[m.actor_id].kind != "person"]
    return found[0].actor_id if found else None


def speaker_actors(contexts: list[str], actors: ActorIndex) -> list[NewActor]:
    """The speakers these rules name in the contexts (a document's items) that the index does not hold, as new
    actors: /stance then reads their statements as it reads a registry actor's, by the same attribution /quote
    gives (「角川歴彦会長は…と述べた」, 「「…」と、KADOKAWAは」, "Kadokawa said"), instead of only those the registry
    or the title-led discovery names. A surname alone that a full name found here begins (夏野 of 夏野剛) is that
    person's alias, not another actor; a known body's name in another case (Kadokawa of KADOKAWA) is its alias."""
    found: dict[str, tuple[str, str, bool]] = {}
    for ctx in dict.fromkeys(contexts):
        english = is_english(ctx, 0, len(ctx))
        for name, kind in (named_speakers_en if english else named_speakers_ja)(ctx, actors):
            found.setdefault(normalize(name), (name, kind, english))
    people = [n for n, k, e in found.values() if k == "person"]
    out: dict[str, NewActor] = {}
    surnames: list[str] = []
    # a surname speaker the item also names in full (松本さんは… after 松本人志さん): the person is the full name
    for name, kind, english in list(found.values()):
        full = None if kind != "person" or english else _full_name(name, contexts)
        if full is not None and full not in people:
            people.append(full)
            if actors.resolve(full) is None:
                out[full] = NewActor(full, [], "person", None, None)
    for name, kind, english in found.values():
        known = actors.resolve(name)
        if known is not None:  # its spelling here, as an alias: the store adds it to the actor of that name
            out[name] = NewActor(known.name, [name], known.kind, known.description, known.name_en)
        elif kind == "person" and any(full.startswith(name) and full != name for full in people):
            surnames.append(name)
        elif kind == "person" and english and " " in name:  # John Holcomb, asked about as Holcomb too
            same = _katakana_person(name.split()[-1], actors)  # Martin Estrada of エストラーダ: one person
            if same is not None:
                out[name] = NewActor(same.name, [name, name.split()[-1]], same.kind, same.description, same.name_en)
            else:
                out[name] = NewActor(name, [name.split()[-1]], kind, None, name)
        else:
            out[name] = NewActor(name, [], kind, None, name if english else None)
    for name in surnames:
        full = next((f for f in people if f.startswith(name) and f != name and f in out), None)
        if full is not None:
            out[full].aliases.append(name)
    return list(out.values())


def _full_name(surname: str, contexts: list[str]) -> str | None:
    """The one full name the contexts give a surname (松本 → 松本人志 of 「松本人志さん」, 「松本人志氏」, 「松本人志会長」):
    the surname, one to three kanji of a given name and an honorific or a title; None for a one-kanji surname (林 is
    too common a character) or when the contexts give two."""
    if len(surname) < 2 or not all("一" <= c <= "龥" or c == "々" for c in surname):
        return None
    fulls = {full for ctx in dict.fromkeys(contexts) for full in _full_names(surname, ctx)}
    fulls = {f for f in fulls if looks_like_name(f)}
    return fulls.pop() if len(fulls) == 1 else None


def _full_names(surname: str, ctx: str) -> list[str]:
    """What `(?<![一-龥々])(SURNAME[一-龥々]{1,3}?)(?:さん|氏|TITLE…)` finds in the context, left to right, without a
    regex of the surname and every title compiled per surname (~3 ms each): the surname found as text, the rest
    matched where it ends."""
    tail = _given_and_title_rx()
    out: list[str] = []
    at = ctx.find(surname)
    while at >= 0:
        m = None if at and _is_kanji(ctx[at - 1]) else tail.match(ctx, at + len(surname))
        if m is not None:
            out.append(surname + m.group(1))
        at = ctx.find(surname, m.end() if m is not None else at + 1)
    return out


def _is_kanji(ch: str) -> bool:
    return "一" <= ch <= "龥" or ch == "々"


@lru_cache(maxsize=1)
def _given_and_title_rx() -> re.Pattern[str]:
    titles = "|".join(map(re.escape, vocabulary().ja_titles))
    return re.compile(rf"([一-龥々]{{1,3}}?)(?:さん|氏|{titles})")


def _katakana_person(surname: str, actors: ActorIndex) -> ActorEntry | None:
    """The person the index holds in katakana whose name sounds as this English surname (Estrada = エストラーダ)."""
    want = name_skeleton(name_key(surname))
    return _katakana_sounds(actors).get(want) if want else None


# index → its katakana people by the sound of their names, built once per index: an index `extended` for one
# document reads its base's table and adds its own few, so ingesting does not romanize the whole registry per article
_SOUNDS: weakref.WeakKeyDictionary[ActorIndex, dict[str, ActorEntry]] = weakref.WeakKeyDictionary()


def _katakana_sounds(actors: ActorIndex) -> dict[str, ActorEntry]:
    table = _SOUNDS.get(actors)
    if table is None:
        base = actors.base
        table = dict(_katakana_sounds(base)) if base is not None else {}
        for actor_id, entry in actors.actors.items():
            if entry.kind != "person" or (base is not None and actor_id in base.actors):
                continue
            for n in (entry.name, *entry.aliases):
                if "ァ" <= n[:1] <= "ヺ" and (key := name_skeleton(name_key(romanize(n)))):
                    table.setdefault(key, entry)  # the first person of that sound, as a scan in id order finds
        _SOUNDS[actors] = table
    return table
