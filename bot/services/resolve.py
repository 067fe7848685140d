"""Turning what a user typed into an actor or a topic, or a clear error with suggestions."""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Callable
from contextlib import suppress
from functools import lru_cache
from typing import NamedTuple, TypeVar

from rapidfuzz import fuzz, process

from bot.actors import ActorEntry, ActorIndex
from bot.extract.body_names import is_country, other_names
from bot.extract.cjk_names import latin_words, same_cjk_name, surname_spellings
from bot.extract.cjk_names import spellings as cjk_spellings
from bot.extract.kanji_forms import japanese_form
from bot.extract.korean_names import katakana_key, korean_keys
from bot.extract.name_readings import latin_people, name_word_keys
from bot.extract.place_names import japanese_places, sounds_as_place, split_governing
from bot.extract.roles import (
    ENVOY_POST,
    MINISTER_RE,
    looks_like_name,
    org_suffix,
    strip_country,
    tagged_place,
    vocabulary,
)
from bot.extract.romaji import name_key, name_skeleton, romanize, sounds_like, sounds_near
from bot.models import TOPICS
from bot.services.body_place import member_bodies, union_forms
from bot.services.errors import QueryError
from bot.services.quote_countries import by_english
from bot.services.resolve_country import LEADING_THE, country_actor
from bot.store import Store
from bot.store.tenancy import actor_seen_by, actors_seen_among
from bot.text import latin_folded, proper_noun_readings, without_marks
from bot.topics import TOPIC_LABELS


def resolve_actor(store: Store, name: str) -> ActorEntry:
    text = (name or "").strip()
    if not text:
        raise QueryError("actor.missing")
    if len(text) > 100:
        raise QueryError("actor.too_long", limit=100)
    actor, suggestions = store.actors.lookup(text)
    if actor is not None and (namesake := one_of_namesakes(store.actors, actor, text)) is not None:
        return namesake  # Kim Moon-soo typed, an actor "Kim" holding four Kims' names: 金文洙, the one he is
    if actor is None:  # 斎藤健 typed where the reports wrote 齋藤健: the whole name under the variant table
        actor = store.actors.same_name(text)
    if actor is None and (japanese := japanese_form(text)) != text:  # 賴清德, 吴江浩: 頼清徳, 呉江浩 in the reports
        with suppress(QueryError):
            return resolve_actor(store, japanese)
    if actor is None:
        actor = next(
            (
                a
                for form, body in _typed(text)
                if (a := store.actors.resolve(form)) is not None
                and not (body and a.kind == "person")
                # 斎藤健財務相 cut to 斎藤 (健財務相 read as a post): not the 斎藤 who is 経済産業相
                and not (a.kind == "person" and text.startswith(form) and _holds_another_post(a, text[len(form) :]))
            ),
            None,
        )
    if actor is None:
        actor = _titled_person(store.actors, text)
    if actor is None:
        actor = _given_and_surname(store, text)
    if actor is None:
        actor = _surname_then_given(store.actors, text)
    if actor is None:
        actor = _named_then_titled(store.actors, text)
    if actor is None:
        actor = part_of_name(store.actors, text)
    if actor is None:
        actor = abbreviated_body(store.actors, text)
    if actor is None:
        actor = _place_owned_body(store.actors, text)
    if actor is None:
        actor = _body_named_longer(store.actors, text)
    if actor is None:
        raise _unknown(text, suggestions)
    return actor


def _full_names(entry: ActorEntry) -> set[frozenset[str]]:
    """The person's full names in Latin letters, each as its words' keys in any order (Kim Moon-soo: {kim, moonsoo})."""
    names = (n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n and _is_latin(n))
    return {words for n in names if len(words := frozenset(map(name_key, _latin_words(n))) - {""}) >= 2}


def one_of_namesakes(actors: ActorIndex, actor: ActorEntry, typed: str) -> ActorEntry | None:
    """The one person of the other script a full name typed is, when the actor the registry gives for it holds two
    full names or more that share a surname and differ in the given name (an actor "Kim" that reports taught Kim
    Moon-soo and Kim Dong-yeon: two people under one surname): 金文洙 for Kim Moon-soo, the full names agreeing
    (`across_scripts`). None when the actor is one person's, the name typed is not a full name, or no single person
    of the other script is it (the actor then answers, as before)."""
    if actor.kind != "person" or not _is_latin(typed):
        return None
    typed_words = frozenset(map(name_key, _latin_words(typed))) - {""}
    held = _full_names(actor)
    if len(typed_words) < 2 or typed_words not in held or len(held) < 2:
        return None
    others = [
        a
        for a in across_scripts(actors, ActorEntry(0, typed, None, "person", []))
        if a.id != actor.id and a.kind == "person" and not _is_latin(a.name) and _cjk_or_every_word(typed, a)
    ]
    return others[0] if len(others) == 1 else None


def _cjk_or_every_word(typed: str, entry: ActorEntry) -> bool:
    """The person of the other script is the full name typed, word for word: by a Chinese or Korean name's
    readings, or every word sounding alike (a surname alone is never enough)."""
    latin = ActorEntry(0, typed, None, "person", [])
    return _cjk_same(latin, entry, True) or bool(_korean_named(entry, typed)) or _every_word_sounds(typed, entry)


def _korean_named(entry: ActorEntry, typed: str) -> bool:
    """Whether a Korean full name typed in Latin letters has a key of the person's katakana names."""
    return not _korean_keys(ActorEntry(0, typed, None, "person", []), True).isdisjoint(_korean_keys(entry, False))


# a government called by the person who leads it, as reports name one: ユヌス暫定政権, 岸田政権, 石破内閣, "the Yunus
# administration", "Yunus's interim government"; the qualifier (暫定, interim, military …) says which of theirs
_JA_LED_RE = re.compile(r"(?P<name>.{2,20}?)(?:氏)?(?:暫定|軍事|新|現|前|連立|少数与党)?(?:政権|内閣)")
_EN_LED_RE = re.compile(
    r"(?:the\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)(?:['’]s?)?"
    r"\s+(?:(?:interim|caretaker|transitional|military|new|current|former|coalition)\s+)?(?:administration|government|cabinet)",
    re.IGNORECASE,
)


def led_by_person(store: Store, text: str) -> ActorEntry | None:
    """The person a government typed by its leader's name stands for (ユヌス暫定政権, 石破内閣, "the Yunus interim
    government": the reports give its statements as the leader's, 「ユヌス氏は声明で」, "Yunus said in a statement"),
    asked once no actor has the name typed and no passage names it (a government stored or named so, トランプ政権,
    answers first: `stance_about.read_actor`), when the name before
    政権 / 内閣 / administration is one person's: the answer names that person, so it says which it took. A country's
    or a body's name before it (日本政府, タイ暫定政権, "the Labour government") is none: only a person answers."""
    plain = " ".join(unicodedata.normalize("NFKC", text).split())
    if len(plain) > 60:
        return None
    m = (_EN_LED_RE if plain.isascii() else _JA_LED_RE).fullmatch(plain)
    if m is None:
        return None
    name = re.sub(r"['’]s?$", "", m["name"].strip())
    if not name or name.casefold() in ("the", "a"):
        return None
    try:
        person = resolve_actor(store, name)
    except QueryError:
        return None
    return person if person.kind == "person" else None


def part_of_name(actors: ActorIndex, text: str) -> ActorEntry | None:
    """The one person a single word typed (a title around it taken off) is the surname of, as the person's full name
    ends (Leyen: Ursula von der Leyen; ライエン: ウルズラ・フォンデアライエン), or, for an Arabic name with a patronymic
    (bin, ibn: the person is called by the given name), the given name it opens with (Prince Abdulaziz, アブドルアジズ・
    エネルギー相: Abdulaziz bin Salman). None when no person or several have that word so (a surname two people share
    is asked about, not guessed)."""
    table = _people_by_part(actors)
    for form in (text, *typed_forms(text)):
        key = _part_key(form)
        if not key:
            continue
        ids = table.get(key)
        if ids:
            return actors.actors[next(iter(ids))] if len(ids) == 1 else None
    return None


_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ビン", "イブン", "ビント"})
_PART_RE = re.compile(r"[A-Z][a-z'’-]{2,}|[ァ-ヺー]{3,}")
_KOREAN_GIVEN_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")  # Jae-in, Chia-lung: a given name after the surname


def _part_key(word: str) -> str:
    plain = unicodedata.normalize("NFKC", word).strip(" ・")
    plain = latin_folded(plain)  # Erdoğan as Erdogan; never a kana's voicing mark (グ is not ク)
    return plain.casefold() if _PART_RE.fullmatch(plain) else ""


def _people_by_part(actors: ActorIndex) -> dict[str, set[int]]:
    """The index's people by the last word of each full name and by the given name of a patronymic one (`part_of_name`):
    read once per index."""
    return once_per_index(actors, "resolve.people_by_part", _read_people_by_part)


def _read_people_by_part(actors: ActorIndex) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for a in actors.actors.values():
        if a.kind != "person":
            continue
        for n in _all_names(a):
            text = unicodedata.normalize("NFKC", n)
            words = [w for w in (text.split("・") if "・" in text else text.split()) if w]
            if len(words) < 2:
                continue
            keys = [] if _KOREAN_GIVEN_RE.fullmatch(words[-1]) else [words[-1]]
            if any(w in _PATRONYMIC for w in words[1:-1]):
                keys.append(words[0])
            for k in keys:
                if key := _part_key(k):
                    found.setdefault(key, set()).add(a.id)
    return found


def _place_owned_body(actors: ActorIndex, text: str) -> ActorEntry | None:
    """The one body the index knows only with its place before it, typed without the place: "Mainland Affairs
    Council" for Taiwan's Mainland Affairs Council, 国家安全保障委員会 for パキスタンの国家安全保障委員会 (as
    `possessive_body` reads such a name: never a body every country has, a ministry or the police); or the body
    under its legal form (工作機械技術振興財団 for 公益財団法人工作機械技術振興財団). None when none or several fit."""
    plain = " ".join(unicodedata.normalize("NFKC", text).split())
    if len(plain) < 4 or len(plain) > 80:
        return None
    if not plain.isascii():
        for form in _JA_CORPORATE_FORMS:
            if (a := actors.resolve(form + plain)) is not None and a.kind != "person":
                return a
    if plain.isascii() and len(plain.split()) < 2:
        return None
    key = plain.casefold()
    fits = {
        a.id: a
        for a in actors.actors.values()
        if a.kind not in ("person", "state", "country")
        for n in _all_names(a)
        if n.casefold().endswith(key) and (own := possessive_body(n)) is not None and own.casefold() == key
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def _body_named_longer(actors: ActorIndex, text: str) -> ActorEntry | None:
    """The one body whose English name ends in the words typed, with one word more before them, when what was
    typed is a body's name of two words or more ending in a head (Freedom Caucus: the House Freedom Caucus;
    Automotive Policy Council: the American Automotive Policy Council). None when none or several end so (Security
    Council: the UN's, a country's National one), or the words typed name no body (Freedom, "Andy Harris")."""
    plain = " ".join(unicodedata.normalize("NFKC", text).split())
    words = LEADING_THE.sub("", plain).split()
    if not plain.isascii() or not 2 <= len(words) <= 6 or words[-1] not in vocabulary().en_org_heads:
        return None
    if not all(w[:1].isupper() for w in words):
        return None
    key = " " + " ".join(words).casefold()
    fits = {
        a.id: a
        for a in actors.actors.values()
        if a.kind not in ("person", "state", "country")
        for n in _all_names(a)
        if n.isascii()
        and (long := " " + LEADING_THE.sub("", n).casefold()).endswith(key)
        and len(long) > len(key)
        and len(long[: -len(key)].split()) == 1
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


# the legal forms a Japanese body's full name opens with, which a user leaves off
_JA_CORPORATE_FORMS = (
    "公益財団法人", "一般財団法人", "公益社団法人", "一般社団法人", "社会福祉法人", "学校法人", "医療法人",
    "独立行政法人", "国立研究開発法人", "特定非営利活動法人", "NPO法人", "宗教法人", "株式会社",
)  # fmt: skip


_ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "at", "to", "de", "du", "des", "la", "le", "&"})
_KANJI_SHORT_RE = re.compile(r"[一-龥々]{2,6}")


def abbreviated_body(actors: ActorIndex, text: str) -> ActorEntry | None:
    """The one body of the index a short name typed stands for, when the reports give only its full name: an
    acronym of its English name's words (NRA: National Rifle Association; UNRWA: United Nations Relief and Works
    Agency), or a Japanese short name made of its name's kanji in order, from its first (全漁連: 全国漁業協同組合
    連合会, 日弁連: 日本弁護士連合会), the last from its second half (a short name ends on the body's own head: 連合会,
    not on its field). None when no body or more than one fits."""
    plain = unicodedata.normalize("NFKC", text).strip()
    if _ACRONYM_RE.fullmatch(plain):
        fits = _fitting_bodies(actors, lambda n: _acronym(n) == plain)
    elif _KANJI_SHORT_RE.fullmatch(plain):
        fits = _fitting_bodies(actors, lambda n: kanji_short(plain, n))
    else:
        return None
    return fits[0] if len(fits) == 1 else None


def _fitting_bodies(actors: ActorIndex, fits: Callable[[str], bool]) -> list[ActorEntry]:
    return [
        a
        for a in actors.actors.values()
        if a.kind not in ("person", "state", "country") and any(map(fits, _all_names(a)))
    ]


def _acronym(name: str) -> str:
    """The initials of a Latin name's words (function words aside): National Rifle Association → NRA."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def kanji_short(short: str, full: str) -> bool:
    """Whether `short` is made of `full`'s kanji in order, starting with its first and ending in its second half."""
    if len(full) <= len(short) or short[0] != full[0] or short[-1] not in full[len(full) // 2 :]:
        return False
    # the full name with one run of two characters or more cut from inside is a name of its own, not a short one
    # (社会党 of France beside 社会民主党, 経済省 beside 経済産業省): a short name takes a character of each word
    if any(full[:k] + full[k + n :] == short for k in range(1, len(short)) for n in range(2, len(full))):
        return False
    at = 0
    for ch in short:
        at = full.find(ch, at) + 1
        if at == 0:
            return False
    return True


_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def _given_and_surname(store: Store, text: str) -> ActorEntry | None:
    """A person typed in Latin letters as given name + a surname the store knows under another full name: "Volodymyr
    Zelenskiy" when the store holds Volodymyr Zelensky with the alias Zelenskiy (outlets spell a surname each their
    way, and the first name with it). The last word must name a person on its own and every other word must be a
    word of that person's English name or aliases: "Melania Trump" is not Trump."""
    words = text.split()
    if len(words) < 2 or not all(_LATIN_WORDS.fullmatch(w) for w in words):
        return None
    person = store.actors.resolve(words[-1])
    if person is None or person.kind != "person":
        return None
    known = {w.casefold() for n in (person.name_en or "", *(person.aliases or [])) for w in re.split(r"[\s-]+", n) if w}
    return person if all(w.casefold() in known for w in words[:-1]) else None


_GIVEN_NAME_RE = re.compile(r"[一-龥々]{1,3}|[ァ-ヺー]{2,8}")


def post_of(person: ActorEntry) -> str:
    """The post a person is stored with: the first of the description's parts (経済産業相 of 「経済産業相 / …」), or ""."""
    return (person.description or "").split(" / ")[0].strip()


def _known_by_surname_and_post(person: ActorEntry, surname: str, typed: str) -> bool:
    """Whether a person is stored as the reports refer to an office holder, by the surname and the post only (斎藤,
    経済産業相, from 「斎藤経済産業相」), and what was typed reads as a full name of that surname (斎藤健, in kanji: the
    dictionary's reading of a person's name): a surname alone (斎藤さん, 斎藤氏) is not a post, so none is taken."""
    post = post_of(person)
    return (
        person.name == surname
        and bool(post)
        and post not in _NOT_AN_OFFICE
        and _is_kanji(typed)
        and looks_like_name(typed)
    )


def _surname_then_given(actors: ActorIndex, text: str) -> ActorEntry | None:
    """A Japanese full name typed (玉城デニー) when the store knows the person by the surname alone (玉城) and the
    given name as a person apart (デニー: the name discovered in two parts, a kanji surname before a katakana given
    name), or by the surname and a post only (斎藤健 typed, every report writing 「斎藤経済産業相」: the store never
    gives the full name, `_known_by_surname_and_post`): the one person of the index whose names start with the
    surname, none of them a full name with another given name (鈴木俊一 typed is not the 鈴木 whose full name is
    鈴木透; 玉城太郎 is nobody known)."""
    plain = unicodedata.normalize("NFKC", text).strip()
    if not 3 <= len(plain) <= 10 or plain.isascii():
        return None
    for k in range(len(plain) - 1, 1, -1):
        surname, given = plain[:k], plain[k:]
        if not _GIVEN_NAME_RE.fullmatch(given):
            continue
        person, part = actors.resolve(surname), actors.resolve(given)
        if person is None or person.kind != "person":
            continue
        if (part is None or part.kind != "person") and not _known_by_surname_and_post(person, surname, plain):
            continue
        starting = [
            a
            for a in actors.actors.values()
            if a.kind == "person" and any(n.startswith(surname) for n in _all_names(a))
        ]
        fuller = [n for n in _all_names(person) if n.startswith(surname) and n != surname]
        if len(starting) == 1 and all(n == plain for n in fuller):
            return person
        return None
    return None


def place_body(actors: ActorIndex, text: str) -> ActorEntry | None:
    """The body that speaks for a place named in English, as the Japanese reports name it: "the Hong Kong
    government" → 香港政府 (or 香港当局, or the place 香港 itself), "Sri Lanka's authorities" → スリランカ当局, "Hong
    Kong police" → 香港警察; a place typed alone ("Hong Kong") → its actor, else its government's; a foreign place
    JMdict does not gloss, by its sound in katakana, typed with its body or alone (Sri Lanka's authorities →
    スリランカ当局, Nauru → ナウル政府, Tuvalu → ツバル). None otherwise."""
    plain = " ".join(unicodedata.normalize("NFKC", text).split())
    if not plain.isascii() or len(plain) > 80:
        return None
    split = split_governing(plain)
    place, endings = split if split else (plain, ("政府", "当局"))
    spoken = list(dict.fromkeys((place, re.sub(r"(?<=[a-z])(?:n|ese)$", "", place))))  # Sri Lankan, Lebanese
    places = [ja for p in spoken for ja in japanese_places(p)]
    for ja in places:
        for name in (*(ja + e for e in endings), ja):
            if (a := actors.resolve(name)) is not None and a.kind != "person":
                return a
    if split is None and (places or not _PLACE_TYPED_RE.fullmatch(plain)):
        return None
    # a foreign place JMdict does not gloss, in katakana (スリランカ政府); typed alone, the place's own actor first
    sounded = [
        (a, n[len(kata) :])
        for a in actors.actors.values()
        if a.kind != "person"
        for n in (a.name, *(a.aliases or []))
        if (kata := next((k for p in spoken if (k := sounds_as_place(p, n)) is not None), None)) is not None
        and n[len(kata) :] in (endings if split else ("", *endings))
    ]
    return min(sounded, key=lambda found: found[1] != "")[0] if sounded else None


# a place typed alone: one to three capitalised words, no more (Nauru, Sri Lanka, Papua New Guinea)
_PLACE_TYPED_RE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")


def latin_person(actors: ActorIndex, text: str) -> ActorEntry | None:
    """The one person the index knows by a Japanese name that is this name typed in Latin letters, with or without
    a title (Hayashi, Yoshimasa Hayashi, Chief Cabinet Secretary Hayashi → 林芳正; Ōno → 大野), else None: by every
    reading the dictionary gives the name's words (`bot/extract/name_readings.py`)."""
    if len(text) > 60 or not without_marks(text).isascii():
        return None
    for form in (text, *typed_forms(text)):
        found = latin_people(actors, form)
        if found:
            return found[0] if len(found) == 1 else None
    return None


# one word of a name as typed: Kenji, O'Brien, Jens-Frederik, Jae-myung
_NAME_WORD_RE = re.compile(r"[A-Z][a-zà-ÿāēīōū'’]+(?:-[A-Za-z][a-zà-ÿāēīōū'’]+)*")


def swapped_latin(actors: ActorIndex, text: str) -> ActorEntry | None:
    """The person the index knows by a two-word Latin name typed in the other order: a Japanese, Chinese or Korean
    name an English report writes family name first (Watanabe Kenji, Kishida Fumio, as Japan asked in 2019) and
    a user types given name first (Kenji Watanabe), or the reverse. Both words must be typed: a surname alone is
    `latin_person`'s; else None."""
    words = unicodedata.normalize("NFKC", text).split()
    if len(words) != 2 or not _is_latin(text) or not all(_NAME_WORD_RE.fullmatch(w) for w in words):
        return None
    found = actors.resolve(f"{words[1]} {words[0]}")
    return found if found is not None and found.kind == "person" else None


# --- what a user types around a name: titles, honorifics, a company's legal form, an English body's other names ---

# "Prime Minister Shigeru Ishiba", "Transport Minister Saito", "MUFG President Junichi Hanzawa": the name follows the
# last title word; "Saito, the transport minister": the name comes before the comma.
EN_TITLE_WORDS = frozenset(
    w.casefold().rstrip(".") for t in vocabulary().en_titles for w in t.split() if w[:1].isupper()
) - {"of", "and", "u.s", "general", "chief", "deputy", "acting", "special", "vice", "district"}
_EN_COUNTRY_OF = re.compile(r"^(?:the|japan['’]s|japanese|tokyo['’]s)\s+", re.IGNORECASE)
_EN_LEGAL_FORM = re.compile(
    r"(?:\s+(?:Motors?|Corp\.?|Corporation|Co\.?|Company|Inc\.?|Ltd\.?|Limited|Holdings|Group|plc|LLC))+$",
    re.IGNORECASE,
)
# "Hong Kong government", "the government of Hong Kong", "Thai authorities": the body that speaks for a place is
# the place's actor (as 香港政府 → 香港 through the Japanese suffixes); only a body answers (not the Trump of "the
# Trump administration")
_EN_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:government|authorities)\s+of\s+|\s+(?:government|administration|authorities|govt\.?)$",
    re.IGNORECASE,
)
_JA_LEGAL_FORM = re.compile(r"^(?:株式会社|\(株\)|（株）)|(?:株式会社|\(株\)|（株）)$")


def typed_forms(text: str) -> list[str]:
    """The names a user's words may stand for once what surrounds a name is taken off, best first:
    斉藤国交相 → 斉藤; 斉藤鉄夫国土交通相 → 斉藤鉄夫; トヨタの豊田会長 → 豊田; トヨタ自動車 → トヨタ; 株式会社KADOKAWA →
    KADOKAWA; Transport Minister Saito → Saito; Saito, the transport minister → Saito; Toyota Motor Corp. → Toyota;
    the transport ministry → 国土交通省, 国交省, … (a listed body's other names). Never the text itself. Only an
    exact name of an actor answers for a form (`resolve_actor`), so a wrong cut (斉藤国 + 交相) finds nobody."""
    return [form for form, _ in _typed(text)]


_CLERIC_TITLED = re.compile(r"[ァ-ヺー・]{2,}師")  # a Muslim cleric's title after a katakana name (ナスララ師)
_KATAKANA_THEN_ROLE = re.compile(r"([ァ-ヺー・]{2,})(?:第[0-9一二三四五六七八九十]{1,2})?(?:[一-龥々]|[A-Z]){2,16}")
# an ordinal before a post (カン・ドヒョン第2次官, 第1副首相): part of the post, never of the name
_ORDINAL_END_RE = re.compile(r"第[0-9一二三四五六七八九十]{1,2}$")


# a post after a katakana name, as reports write a foreign office holder: the field a katakana word or two joined by a
# dot (アブドルアジズ・エネルギー相, グルン通信・情報技術相), an open-class minister (ソイル内相), a spokesperson's post
# (ムジャヒド報道担当), an envoy's (ギュンゲン駐日大使); the name is all the katakana before it (a dot between them aside)
_POST_AFTER_KATAKANA = re.compile(
    r"(?:駐[一-龥]{1,4}|[一-龥々ァ-ヺー]{1,8}(?:・[一-龥々ァ-ヺー]{1,8})?)?"
    r"(?:相|長官|大臣|大使|報道官|報道担当|広報担当|スポークスパーソン)"
)
_KATAKANA_NAME = re.compile(r"[ァ-ヺー]{2,}(?:・[ァ-ヺー]{2,})*")


async def posted_person(store: Store, text: str, guild_id: int | None) -> ActorEntry | None:
    """The person the store keeps by the name alone that a name typed with its post holds (ソイル内相: ソイル), when
    no passage writes the name and post as typed (those are read as written first: `find_unregistered`)."""
    for name in _katakana_named_posts(" ".join(unicodedata.normalize("NFKC", text).split())):
        person = store.actors.resolve(name)
        if person is not None and person.kind == "person":
            return person if guild_id is None or await actor_seen_by(store, person.id, guild_id) else None
    return None


def _katakana_named_posts(text: str) -> list[str]:
    """The katakana name before a post (`_POST_AFTER_KATAKANA`) of a name typed with its post: the name ends where
    the katakana does, or at a dot, never inside a katakana word (アブ of アブドルアジズ). Longest name first; only an
    actor of exactly that name answers for it (`resolve_actor`), so a cut that leaves a field's word on the name
    (アブドルアジズ・エネルギー) finds nobody."""
    out = []
    for m in _KATAKANA_NAME.finditer(text):
        if m.start() != 0:
            break
        name = m.group()
        cuts = [len(name)] + [k for k in range(len(name) - 1, 1, -1) if name[k] == "・"]
        for k in cuts:
            rest = text[k:].lstrip("・")
            if rest in ("相", "大臣"):  # a field's word before a bare 相 (エネルギー相, デジタル大臣): no name
                continue
            if _POST_AFTER_KATAKANA.fullmatch(rest) and len(name[:k]) >= 2:
                out.append(name[:k])
    return out


def _typed(text: str) -> list[tuple[str, bool]]:
    """typed_forms, each with whether only a body may answer for it: what remains of a company's name without its
    legal form or trade (小林製薬 → 小林) is never the person of that name (the founder's family, 小林章浩)."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    forms: list[tuple[str, bool]] = []
    if (outside := bracketed_body(text)) is not None:
        forms += [(outside, True), *((f, True) for f, _ in _typed(outside))]
    if text.isascii():
        for named in _country_named(text):  # Thai government → Thailand government → Thailand
            forms += [(named, True), *((f, True) for f, _ in _typed(named))]
        head = text.split(",")[0].strip()
        words = head.split()
        last_title = max((i for i, w in enumerate(words) if w.casefold().rstrip(".") in EN_TITLE_WORDS), default=-1)
        if 0 <= last_title < len(words) - 1:
            forms.append((" ".join(words[last_title + 1 :]), False))
        if head != text:
            forms.append((head, False))
        plain = _EN_COUNTRY_OF.sub("", text)
        for name in (text, plain, *([f"Japan's {plain}"] if plain != text else [])):
            forms += [(n, True) for n in other_names(name)]
        forms += [(plain, False), (_EN_LEGAL_FORM.sub("", plain), True), (_EN_GOVERNMENT.sub("", plain).strip(), True)]
        if (own := possessive_body(text)) is not None:
            forms.append((own, True))
    else:
        forms += [(n, True) for n in other_names(text)]
        forms += [(text[: -len(cut)] + long, True) for long, cut in _COURT_SHORT if text.endswith(cut)]  # 静岡地検
        forms += [(n, False) for n in _untitled(text)]
        if _CLERIC_TITLED.fullmatch(text):  # カセム師: Qassem in the English reports
            forms.append((text[:-1], False))
        if (role := _KATAKANA_THEN_ROLE.fullmatch(text)) and any(text.endswith(t) for t in vocabulary().ja_title_set):
            forms.append(
                (role.group(1), False)
            )  # ターク国連人権高等弁務官: ターク, whatever body and field the role names
        forms.append((_JA_LEGAL_FORM.sub("", text), True))
        forms += [(n, True) for n in union_forms(text)]  # ネイバー労組: ネイバーの労働組合
        v = vocabulary()
        forms += [(text[: -len(s)], True) for s in v.ja_org_suffixes if text.endswith(s) and len(text) - len(s) >= 2]
        if (own := possessive_body(text)) is not None:
            forms.append((own, True))
    forms += [(n, True) for n in member_bodies(text)]  # 自民党の県議, "a Republican lawmaker": the body as a group
    seen: set[str] = set()
    out = []
    for form, body in forms:
        if form and form != text and form not in seen:
            seen.add(form)
            out.append((form, body))
    return out


_BRACKETED_RE = re.compile(r"(?P<outside>[^()]{2,60}?)\s*\((?P<inside>[^()]{2,40})\)")


def bracketed_body(text: str) -> str | None:
    """The body of a body typed with the one who speaks for it in brackets (Fidesz (Kocsis), 自民党(高市氏)): what is
    outside the brackets, as the reports name the body; its members' words are its own already (`affiliations`),
    and the person is asked by name. None when nothing is in brackets."""
    m = _BRACKETED_RE.fullmatch(" ".join(unicodedata.normalize("NFKC", text).split()))
    return m["outside"].strip() if m is not None else None


# a country typed by its people's adjective before one of its bodies, as the reports rarely write it: "Thai Foreign
# Ministry" for Thailand's Foreign Ministry (or タイ外務省), "Japanese government" for 日本 / 日本政府, "the South Korean
# authorities"; the adjective alone ("Thai") for the country. Never a person: "Thai" is no one's surname here.
def _country_named(text: str) -> list[str]:
    """The text with a leading adjective of a country turned into the country's name ("Thai Foreign Ministry" →
    "Thailand's Foreign Ministry", "Thailand Foreign Ministry"); [] when it does not start with one."""
    words = LEADING_THE.sub("", text).split()
    for n in (2, 1):  # "South Korean" before "Korean"
        if len(words) < n:
            continue
        typed = " ".join(words[:n])
        country = by_english(typed[:1].upper() + typed[1:])
        if country is None:
            continue
        # already the country's own name ("Saudi Arabia's …", "Thailand …"): "Saudi" alone is also Saudi Arabia's
        # adjective, and turning it again would name "Saudi Arabia's Arabia …" without end
        named = len(country.en.split())
        if " ".join(words[:named]).replace("’", "'").removesuffix("'s").casefold() == country.en.casefold():
            return []
        rest = " ".join(words[n:])
        return [f"{country.en}'s {rest}", f"{country.en} {rest}"] if rest else [country.en]
    return []


# "Pakistan's National Security Committee", 「パキスタンの国家安全保障委員会」: a place's possessive before the name of
# one of its bodies, which the reports name without it (the committee, 国家安全保障委員会). A body every country has
# (a ministry, the government, the police) is not taken without its country: "Korea's transport ministry" is not
# Japan's 国土交通省, which the bare name means (`other_names`).
_EN_POSSESSIVE_RE = re.compile(r"^(?:the\s+)?(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s?\s+(?P<body>.+)$")
_JA_POSSESSIVE_RE = re.compile(r"^(?P<place>[^の]{1,12})の(?P<body>[^の]{3,})$")
_EN_EVERY_COUNTRY_RE = re.compile(
    r"(?:the\s+)?(?:[a-z]+\s+){0,2}(?:ministry|government|embassy|authorities|administration|agency|department|office"
    r"|police|army|military|forces|cabinet|parliament|president|minister|spokes\w+)",
    re.IGNORECASE,
)
_JA_EVERY_COUNTRY_RE = re.compile(r".*(?:省|庁|政府|当局|政権|大使館|領事館|警察|軍|国防部|外務部|議会|国会|内閣)")


def possessive_body(text: str) -> str | None:
    """The body's name without the place before it ("Pakistan's National Security Committee" → National Security
    Committee, 「パキスタンの国家安全保障委員会」 → 国家安全保障委員会), when the possessive is a place the data or the
    dictionary knows and the rest is a body's own name, not one every country has (a ministry, the police); None
    otherwise."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    if text.isascii():
        m = _EN_POSSESSIVE_RE.match(text)
        if m is None or _EN_EVERY_COUNTRY_RE.fullmatch(m["body"]) or len(m["body"].split()) < 2:
            return None
        place = m["place"]
        known = is_country(place) or bool(japanese_places(place))
    else:
        m = _JA_POSSESSIVE_RE.match(text)
        if m is None or _JA_EVERY_COUNTRY_RE.fullmatch(m["body"]) or org_suffix(m["body"]) is None:
            return None
        place = m["place"]
        known = is_country(place) or tagged_place(place)
    return m["body"] if known else None


_NOT_AN_OFFICE = frozenset({"氏", "さん", "様", "君", "被告", "容疑者"})


def _titled_person(actors: ActorIndex, text: str) -> ActorEntry | None:
    """The one person whose name starts with the surname typed before a title and whose role is that title: 林官房長官
    for 林芳正 (官房長官), when the store knows him by his full name only; or, when no one's role is that title, the one
    person whose kanji name starts with that surname (李大統領 for 李在明, whom the articles first named with 氏)."""
    v = vocabulary()
    for k in range(len(text) - 1, 0, -1):
        title, name = text[k:], _ORDINAL_END_RE.sub("", strip_country(text[:k]))  # カン第2次官: カン, 次官
        # a listed title, or an open-class post (神田財務官: 財務官, 〜相) after what reads as a name, as `_untitled`
        open_post = bool(MINISTER_RE.fullmatch(title) or _OFFICIAL_POST_RE.fullmatch(title)) and looks_like_name(name)
        if (title not in v.ja_title_set and not open_post) or not name:
            continue
        named = [
            a
            for a in actors.actors.values()
            if a.kind == "person" and any(n.startswith(name) for n in (a.name, *(a.aliases or [])))
        ]
        titled = [a for a in named if title in (a.description or "")]
        if not titled:  # 三原大臣 for the こども政策担当相, 高木政調会長 for the 政務調査会長: the post by its kind
            titled = [a for a in named if post_fits(title, post_of(a))]
        if len(titled) == 1:
            return titled[0]
        # 李大統領: 李在明, first named with 氏; not a person the reports give another office (呉市長, the mayor the
        # store lacks, is not 呉江浩, the 駐日大使)
        if not titled and len(named) == 1 and _is_kanji(name) and (named[0].description or "氏") in _NOT_AN_OFFICE:
            return named[0]
        # カン次官: カン・ドヒョン, a Korean or Chinese name the reports write family name first in katakana, the one
        # person whose name's first part the word typed is, holding no other post
        if not titled and _KATAKANA_WORD_RE.fullmatch(name):
            first = [
                a for a in named if any(n.split("・")[0] == name and "・" in n for n in (a.name, *(a.aliases or [])))
            ]
            if len(first) == 1 and (first[0].description or "氏") in _NOT_AN_OFFICE:
                return first[0]
    return None


def _named_then_titled(actors: ActorIndex, text: str) -> ActorEntry | None:
    """A person typed with the whole of a role that ends in a title (朱宗完航空政策室長, 李在明大統領府報道官 …): the
    longest start of the text that is a person's name, when what follows it ends in a title of the vocabulary and
    is a run of kanji (a department and its head, as Japanese reports write them). The title alone is read by
    `_untitled`; this reads a role the vocabulary does not list as one word."""
    v = vocabulary()
    if len(text) > 40 or not any(text.endswith(t) for t in v.ja_title_set):
        return None
    for k in range(len(text) - 2, 1, -1):
        rest = text[k:]
        if not _is_kanji(rest):
            continue
        person = actors.resolve(text[:k])
        if person is not None and person.kind == "person":
            return None if _holds_another_post(person, rest) else person
    return None


# the generic words users type for a post of that kind (大臣 for こども政策担当相 or 外務大臣)
_MINISTER_WORDS = ("大臣", "相")
_POST_RUN_RE = re.compile(r"[一-龥々ぁ-んァ-ヺー0-9]{1,16}")
_A_MINISTER_RE = re.compile(r"[一-龥々ぁ-んァ-ヺー]{1,12}(?:相|大臣)")  # こども政策担当相, 外務大臣
_OFFICE_WORD_RE = re.compile(r"[一-龥々]{0,6}(?:委員|議員|次官|代表|長|官|相|監|役)")  # a word of office typed


def _a_post(typed: str) -> bool:
    return typed in vocabulary().ja_title_set or bool(_OFFICE_WORD_RE.fullmatch(typed))


def post_fits(typed: str, post: str) -> bool:
    """Whether a post typed after a surname names the post a report gives (`post`, as written): the same post, the
    post's last words (審議委員 of 日銀審議委員, 次官 of 第2次官), a minister typed by the generic word (大臣 for
    こども政策担当相, 相 for 外務大臣), or a short form made of its kanji in order (政調会長 of 政務調査会長). The post
    typed is a title of the vocabulary or a minister's; nothing else fits (三原氏 has no post)."""
    if not typed or not post or typed in _NOT_AN_OFFICE or not _POST_RUN_RE.fullmatch(post):
        return False
    if post == typed or post.endswith(typed):
        return _a_post(typed) or bool(_A_MINISTER_RE.fullmatch(post))
    if typed in _MINISTER_WORDS:
        return bool(_A_MINISTER_RE.fullmatch(post))
    return _a_post(typed) and _is_kanji(post) and kanji_short(typed, post)


def _holds_another_post(person: ActorEntry, typed: str) -> bool:
    """Whether a person stored under the surname alone (斎藤, 経済産業相) holds another post than the one typed after
    a given name (斎藤健財務相: 健 and 財務相), by the longest title the typed words end in: neither holds the other,
    nor is the one typed a short form of the stored one (経産相 of 経済産業相). A title alone after the name (岸田総理
    for the 首相 岸田) is left to the readings of titles, and a full name stored (林芳正内閣広報室長) to the rules of
    roles: a post's other words are not compared."""
    post = post_of(person)
    if not post or post in _NOT_AN_OFFICE or post in typed:
        return False
    titles = [t for t in vocabulary().ja_title_set if typed.endswith(t)]
    title = max(titles, key=len) if titles else typed
    given = typed[: len(typed) - len(title)]
    if not (given and len(given) <= 3 and _is_kanji(given) and looks_like_name(person.name + given)):
        return False  # no given name before the title: 李在明大統領府報道官 is a role of 李在明's
    return title not in post and not kanji_short(title, post)


def _is_kanji(name: str) -> bool:
    return all("一" <= c <= "龥" or c == "々" for c in name)


_KATAKANA_WORD_RE = re.compile(r"[ァ-ヺー]{2,6}")
# an official's post ending in 官 that the titles do not list (神田財務官, 外務審議官 are listed or not): open-class
_OFFICIAL_POST_RE = re.compile(r"[一-龥]{1,6}官")


_ENVOY_POST_RE = re.compile(ENVOY_POST + "$")  # typed between the name and the title: no part of the name


def _untitled(text: str) -> list[str]:
    """What is left of a Japanese name typed with its title or honorific (林官房長官 → 林, 斉藤国交相 → 斉藤, 大谷選手
    → 大谷, トヨタの豊田会長 → 豊田), titles of the vocabulary before open-class ministers (〜相, 〜長官)."""
    v = vocabulary()
    listed, open_class = [], []
    for k in range(len(text) - 1, max(0, len(text) - 17), -1):  # no title is longer than 16 characters
        title, name = text[k:], _ORDINAL_END_RE.sub("", strip_country(text[:k]))
        if title in v.ja_title_set:
            unposted = _ENVOY_POST_RE.sub("", name)
            listed.append(unposted if len(unposted) >= 2 else name)
        elif (MINISTER_RE.fullmatch(title) or _OFFICIAL_POST_RE.fullmatch(title)) and looks_like_name(name):
            open_class.append(name)  # 交相 is no title: 斉藤国 is no name
    return [n for n in (*reversed(listed), *reversed(open_class)) if n]


def _unknown(text: str, suggestions: list[ActorEntry]) -> QueryError:
    return QueryError(
        "actor.unknown_suggest" if suggestions else "actor.unknown",
        text=text,
        suggestions=[a.name for a in suggestions[:5]],
        suggestions_en=[a.name_en or a.name for a in suggestions[:5]],
    )


async def resolve_visible_actor(
    store: Store, name: str, guild_id: int | None, *, across: bool = False, countries: bool = False
) -> ActorEntry:
    """resolve_actor, for a server: an actor only another server's documents introduced is as unknown, and
    "Did you mean …?" names only actors the server sees. `across`: a name the store knows only in the other
    script (木原 typed, Kihara in the articles) resolves to that one person. `countries`: a country the registry
    lacks (Thailand, タイ, the Danish government) resolves to the question's actor for it (`country_actor`), when
    the server sees a body of its government."""
    text = (name or "").strip()
    # before the start of one body's name (カンボジア typed, カンボジア国防省 known): the country is all of its bodies
    if countries and (country := await visible_country(store, text, guild_id)) is not None:
        return country
    # two actors or more typed together (米財務省とFRB, Zelensky, Putin and Trump), no actor's name as a whole
    # (Johnson & Johnson): named in one line, not answered for the first alone
    if store.actors.resolve(text) is None and len(named := await _coordinated(store, text, guild_id)) >= 2:
        raise QueryError(
            "actor.several", text=text, actors=[a.name for a in named], actors_en=[a.name_en or a.name for a in named]
        )
    try:
        actor = resolve_actor(store, name)
    except QueryError as e:
        if e.code not in ("actor.unknown", "actor.unknown_suggest"):
            raise
        other = await across_scripts_typed(store, text, guild_id) if across else None
        if other is None and across:
            other = await typed_in_english(store, text, guild_id)
        if other is None and across:
            other = await posted_person(store, text, guild_id)
        if other is None and across and (leader := led_by_person(store, text)) is not None:
            other = leader if await actor_seen_by(store, leader.id, guild_id) else None  # ユヌス暫定政権: ユヌス
        if other is not None:
            return other
        if guild_id is None or e.code != "actor.unknown_suggest":
            raise
        raise await _visible_unknown(store, text, None, guild_id) from None
    if not await actor_seen_by(store, actor.id, guild_id):
        raise await _visible_unknown(store, text, actor.id, guild_id)
    return actor


# actors typed joined by a coordinator (米財務省とFRB, 経産省および財務省, the Fed and the Treasury, Toyota & Honda)
_JA_AND_RE = re.compile(r"と|及び|および|並びに|ならびに|、|，|や")
_EN_AND_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.IGNORECASE)


async def _coordinated(store: Store, text: str, guild_id: int | None) -> list[ActorEntry]:
    """The actors a name typed joins with "and" (米財務省とFRB: 米財務省, FRB), when every part is an actor the
    server sees and they are two or more; else []. One stance is one actor's: a user who typed two is told so in
    one line naming both (each part's statements mixed would lend one's position to the other)."""
    plain = " ".join(unicodedata.normalize("NFKC", text).split())
    if len(plain) > 80:
        return []
    if plain.isascii():
        if not re.search(r"\band\b|&", plain, re.IGNORECASE):
            return []
        parts = _EN_AND_RE.split(plain)
    else:
        parts = _JA_AND_RE.split(plain)
    parts = [p.strip() for p in parts if p.strip()]
    if not 2 <= len(parts) <= 4:
        return []
    found: list[ActorEntry] = []
    for part in parts:
        try:
            actor = resolve_actor(store, part)
        except QueryError:
            return []
        if all(a.id != actor.id for a in found):
            found.append(actor)
    if guild_id is not None and len(found) >= 2:
        seen = await actors_seen_among(store, [a.id for a in found], guild_id)
        if any(a.id not in seen for a in found):
            return []
    return found if len(found) >= 2 else []


async def visible_country(store: Store, text: str, guild_id: int | None) -> ActorEntry | None:
    """The question's actor for a country typed that the registry lacks (`country_actor`), when the server sees
    one of the bodies of its government; else None."""
    found = await asyncio.to_thread(country_actor, store.actors, text, _government_bodies)
    if found is None:
        return None
    entry, bodies = found
    if guild_id is not None and not await actors_seen_among(store, [a.id for a in bodies], guild_id):
        return None
    return entry


async def across_scripts_typed(store: Store, text: str, guild_id: int | None) -> ActorEntry | None:
    """The one person the store knows by this name written in the other script, else None."""
    if len(text) > 40:
        return None
    found: list[ActorEntry] = []
    for name in (text, *typed_forms(text)):  # Transport Minister Saito: Saito, 斉藤 in the Japanese reports
        found = await asyncio.to_thread(across_scripts, store.actors, ActorEntry(0, name, None, "person", []))
        if found:
            break
    if found and guild_id is not None:
        seen = await actors_seen_among(store, [a.id for a in found], guild_id)
        found = [a for a in found if a.id in seen]
    # Maria Gonzalez typed: マリア・ゴンサレス, not マリア・ザハロワ, whose given name alone sounds alike
    if len(found) > 1:
        found = [a for a in found if _every_word_sounds(text, a)] or found
    return found[0] if len(found) == 1 else None


def _every_word_sounds(typed: str, entry: ActorEntry) -> bool:
    """Every word of a full name typed in one script sounds like a word of one of the person's names in the other
    (Maria Gonzalez: マリア・ゴンサレス; サラ・ドゥテルテ: Sara Duterte, not Rodrigo Duterte)."""
    latin = _is_latin(typed)
    words = _latin_words(typed) if latin else _katakana_words(typed)
    if len(words) < 2:
        return False
    for name in _all_names(entry):
        theirs = _katakana_words(name) if latin else _latin_words(name) if _is_latin(name) else ()
        if theirs and all(any(sounds_like(w, t) if latin else sounds_like(t, w) for t in theirs) for w in words):
            return True
    return False


async def typed_in_english(store: Store, text: str, guild_id: int | None) -> ActorEntry | None:
    """The one actor the store knows in Japanese by what was typed in English: a Japanese person's name in Latin
    letters (`latin_person`: Hayashi → 林芳正) or a body that speaks for a place (`place_body`: the Hong Kong
    government → 香港政府); None when there is none, or the server does not see it."""
    found = latin_person(store.actors, text) or place_body(store.actors, text) or swapped_latin(store.actors, text)
    if found is None or (guild_id is not None and not await actor_seen_by(store, found.id, guild_id)):
        return None
    return found


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


Form = tuple[frozenset[str], ...]  # a name's words, each as the Latin keys it may be read by


def _name_forms(entry: ActorEntry, latin: bool) -> list[Form]:
    """Each name of a person written in Latin letters (latin) or in Japanese script (not latin), as its words'
    Latin keys (木原稔 → ({kihara}, {minoru}); 岸田文雄 → ({kishida}, {fumio, bunyu})). Only names in the other
    script are compared: a Latin name against an English alias would match a misspelling by the keys' folds
    (Trunp and Trump are one key)."""
    names = dict.fromkeys(n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n)
    return [f for f in (_latin_keys(n) for n in names if _is_latin(n) == latin) if f]


@lru_cache(maxsize=65536)  # asked of every person's every name for each person compared (`across_scripts`)
def _is_latin(name: str) -> bool:
    """Written in Latin letters, accents and letters such as ı, ø, ß included (González, Yılmaz, Sørensen)."""
    return without_marks(unicodedata.normalize("NFKC", name)).isascii()


@lru_cache(maxsize=65536)  # every person of a 10k store, so that a query does not read names again
def _latin_keys(name: str) -> Form:
    text = unicodedata.normalize("NFKC", name)
    if text.isascii():
        return tuple(frozenset({k}) for k in map(name_key, _latin_words(text)) if k)
    words = name_word_keys(text)  # every reading the dictionary gives each name word (文雄: Fumio as well as Bun'yu)
    if words:
        return tuple(words)
    return tuple(frozenset({k}) for r in proper_noun_readings(text) if (k := name_key(romanize(r))))


def _within(x: Form, y: Form) -> bool:
    """Each word of x is a different word of y (one of its readings)."""
    used: set[int] = set()
    for word in x:
        k = next((i for i, w in enumerate(y) if i not in used and word & w), None)
        if k is None:
            return False
        used.add(k)
    return True


def _same_name(a: list[Form], b: list[Form]) -> bool:
    """One name of each holds the other's words: a surname alone (Kihara, 木原) or a full name in either order;
    when both give a full name, the full names must agree (鈴木健太 is Kenta Suzuki, not Ichiro Suzuki)."""
    full_a, full_b = [f for f in a if len(f) > 1], [f for f in b if len(f) > 1]
    if full_a and full_b:
        return any(_within(x, y) or _within(y, x) for x in full_a for y in full_b)
    return any(_within(x, y) or _within(y, x) for x in a for y in b)


def across_scripts(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """The other people of the index who are this person written in the other script (木原 ↔ Kihara,
    小泉 ↔ Koizumi ↔ Shinjiro Koizumi): an English report and a Japanese one name the same speaker. For a body,
    the other bodies that are it under another name (`same_body`)."""
    governing = _government_bodies(actors, entry)
    if entry.kind != "person":
        return [*same_body(actors, entry), *sounded_bodies(actors, entry), *governing]
    latin = _is_latin(entry.name)
    mine = _name_forms(entry, latin)
    sounds = _sound_forms(entry, latin)
    if not mine and not sounds:
        return governing
    # a name typed in Latin letters the registry lacks is read as a person's: it may be a company's brand the
    # Japanese reports write in katakana (CrowdStrike typed, クラウドストライク discovered)
    brands = sounded_bodies(actors, entry) if latin and len(_latin_words(entry.name)) == 1 else []
    # the people named in the other script, each with its names' forms as the index's table holds them (read once per
    # index, `_people_by_script`): a person none of whose keys is one of the entry's shares no name with it
    mine_keys = _keys_of(mine)
    unspelled = sounds and (latin or not _spelled_in_latin(entry))
    people = [
        p.entry
        for p in _people_by_script(actors)[not latin]
        if p.entry.id != entry.id
        and (
            (not mine_keys.isdisjoint(p.keys) and _same_name(mine, p.forms))
            or bool(unspelled and not (latin and p.spelled) and _sounds_same(sounds, p.sounds, latin))
        )
    ]
    cjk = [a for a in _cjk_candidates(actors, entry, latin) if a not in people and _cjk_same(entry, a, latin)]
    korean = [a for a in korean_people(actors, entry) if all(a.id != p.id for p in people + cjk)]
    return brands + people + cjk + korean + governing


class _Named(NamedTuple):
    """A person of the index with the forms of the names written in the script of its own name (`across_scripts`
    compares them with a name in the other script)."""

    entry: ActorEntry
    forms: list[Form]  # `_name_forms`
    keys: frozenset[str]  # every Latin key of `forms` (`_keys_of`)
    sounds: list[tuple[str, ...]]  # `_sound_forms`
    spelled: bool  # `_spelled_in_latin`


def _people_by_script(actors: ActorIndex) -> dict[bool, list[_Named]]:
    """The index's people by whether their name is in Latin letters, in the index's order, each with its names' forms
    (`_Named`): read once per index (a store's index is built again when an actor is added), so that a question
    compares a name with every person's forms instead of reading every person's names again — ~50 people's
    readings, keys and sound forms an asking, several askings a question."""
    return once_per_index(actors, "resolve.people_by_script", _read_people_by_script)


def _read_people_by_script(actors: ActorIndex) -> dict[bool, list[_Named]]:
    found: dict[bool, list[_Named]] = {True: [], False: []}
    for a in actors.actors.values():
        if a.kind != "person":
            continue
        latin = _is_latin(a.name)
        forms = _name_forms(a, latin)
        found[latin].append(_Named(a, forms, _keys_of(forms), _sound_forms(a, latin), _spelled_in_latin(a)))
    return found


def _keys_of(forms: list[Form]) -> frozenset[str]:
    """Every Latin key of the forms' words: two names share a word (`_within`) only where they share a key."""
    return frozenset(k for form in forms for word in form for k in word)


def _cjk_people(actors: ActorIndex) -> tuple[dict[str, list[ActorEntry]], dict[str, list[ActorEntry]]]:
    """The index's people by their surname's spellings in Latin letters (those named in kanji: 頼清徳 under lai) and
    by the first and last words of their Latin names (Lai Ching-te under lai and chingte): read once per index, as
    `_bodies_by_skeleton`, so that a question compares the few people a name may be, not every person."""
    return once_per_index(actors, "resolve.cjk_people", _read_cjk_people)


def _read_cjk_people(actors: ActorIndex) -> tuple[dict[str, list[ActorEntry]], dict[str, list[ActorEntry]]]:
    by_surname: dict[str, list[ActorEntry]] = {}
    by_word: dict[str, list[ActorEntry]] = {}
    for a in actors.actors.values():
        if a.kind != "person":
            continue
        for n in _all_names(a):
            if _is_latin(n):
                words = latin_words(n)
                for w in {words[0], words[-1]} if words else ():
                    by_word.setdefault(w, []).append(a)
            else:
                for w in surname_spellings(n):
                    by_surname.setdefault(w, []).append(a)
    return by_surname, by_word


def _cjk_candidates(actors: ActorIndex, entry: ActorEntry, latin: bool) -> list[ActorEntry]:
    """The people of the other script the entry's name may be as a Chinese or Korean name (`_cjk_same` decides)."""
    by_surname, by_word = _cjk_people(actors)
    if latin:
        keys = {w for n in _all_names(entry) if _is_latin(n) for w in latin_words(n)[:1] + latin_words(n)[-1:]}
        found = (a for k in keys for a in by_surname.get(k, ()))
    else:
        keys = {w for n in _all_names(entry) if not _is_latin(n) for w in surname_spellings(n)}
        found = (a for k in keys for a in by_word.get(k, ()))
    return list({a.id: a for a in found if a.id != entry.id}.values())


def _cjk_same(entry: ActorEntry, other: ActorEntry, latin: bool) -> bool:
    """A Chinese or Korean person named in kanji by one and in Latin letters by the other (頼清徳 and Lai Ching-te,
    王毅 and Wang Yi, 李洛淵 and Lee Nak-yon: `same_cjk_name`); where the Latin one has a full name, the full name
    must agree (Wang Wenbin is not 王毅)."""
    lat, kan = (entry, other) if latin else (other, entry)
    kanji = [n for n in _all_names(kan) if cjk_spellings(n)]
    if not kanji:
        return False
    names = [n for n in _all_names(lat) if _is_latin(n)]
    full = [n for n in names if len(_latin_words(n)) > 1]
    return any(same_cjk_name(k, n) for k in kanji for n in (full or names))


def korean_people(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """The other people of the index who are this Korean person named in the other script: Lee Nak-yon and
    イ・ナギョン (or 李洛淵 with the reading イナギョン), Kang Kyung-wha and カン・ギョンファ — surname and every syllable
    of the given name (`korean_names`). Looked up by key in a table read once per index."""
    if entry.kind != "person":
        return []
    latin = _is_latin(entry.name)
    table = _people_by_korean_key(actors)
    found = {a.id: a for k in _korean_keys(entry, latin) for a in table.get((not latin, k), ()) if a.id != entry.id}
    return list(found.values())


def _korean_keys(entry: ActorEntry, latin: bool) -> set[str]:
    """The keys of a person's Korean names in Latin letters (latin) or in katakana (not latin)."""
    if latin:
        return {k for n in _all_names(entry) if _is_latin(n) for k in korean_keys(n)}
    return {k for n in _all_names(entry) if (k := katakana_key(n))}


def _people_by_korean_key(actors: ActorIndex) -> dict[tuple[bool, str], list[ActorEntry]]:
    """The index's people by each key of their Korean names, (in Latin letters, key): read once per index, as
    `_bodies_by_skeleton` reads the bodies, so that a question does not read every person's names again."""
    return once_per_index(actors, "resolve.korean_people", _read_korean_people)


def _read_korean_people(actors: ActorIndex) -> dict[tuple[bool, str], list[ActorEntry]]:
    found: dict[tuple[bool, str], list[ActorEntry]] = {}
    for a in actors.actors.values():
        if a.kind != "person":
            continue
        for latin in (True, False):
            for k in _korean_keys(a, latin):
                found.setdefault((latin, k), []).append(a)
    return found


def sounded_bodies(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """The bodies of the index whose one-word name in the other script sounds like one of the entry's one-word names:
    a company's or a group's name in Latin letters and in katakana (CrowdStrike クラウドストライク, Microsoft マイクロソフト,
    Hamas ハマス), which an English report and a Japanese one each discover as an actor of its own."""
    mine = [n for n in _all_names(entry) if _one_word(n)]
    if not mine:
        return []
    by_skeleton = _bodies_by_skeleton(actors)
    out: dict[int, ActorEntry] = {}
    for x in mine:
        for a, y in by_skeleton.get(_skeleton(x), ()):
            if (
                a.id != entry.id
                and _is_latin(x) != _is_latin(y)
                and (sounds_like(x, y) if _is_latin(x) else sounds_like(y, x))
            ):
                out[a.id] = a
        for a, y in by_skeleton.get(_spelled(x), ()) if not _skeleton(x) else ():
            if a.id != entry.id and _is_latin(x) != _is_latin(y):
                out[a.id] = a
    return list(out.values())


_T = TypeVar("_T")


def once_per_index(actors: ActorIndex, purpose: str, read: Callable[[ActorIndex], _T]) -> _T:
    """`read(actors)`, read once per index and kept with it (`ActorIndex.memo`: the index never changes once built,
    and the table goes with it): the lookup tables by which a question compares the few actors a name may be,
    instead of every actor of a large store."""
    memo = actors.memo(purpose)
    found = memo.get(purpose)
    if found is None:
        found = memo.setdefault(purpose, read(actors))
    return found


def _bodies_by_skeleton(actors: ActorIndex) -> dict[str, list[tuple[ActorEntry, str]]]:
    """The index's bodies by the skeleton of each one-word name: read once per index (it never changes once built;
    the entry holds the index, so no other takes its id while it is kept), so that a question looks up the few
    bodies a name may sound like instead of reading every body of a large store."""
    return once_per_index(actors, "resolve.bodies_by_skeleton", _read_bodies_by_skeleton)


def _read_bodies_by_skeleton(actors: ActorIndex) -> dict[str, list[tuple[ActorEntry, str]]]:
    found: dict[str, list[tuple[ActorEntry, str]]] = {}
    for a in actors.actors.values():
        if a.kind in ("person", "state", "country"):
            continue
        for n in _all_names(a):
            if _one_word(n) and (key := _skeleton(n) or _spelled(n)):
                found.setdefault(key, []).append((a, n))
    return found


@lru_cache(maxsize=65536)
def _spelled(name: str) -> str:
    """A short one-word name (too few consonants for a skeleton) keyed by its letters, katakana read as romaji: a
    company's name in Latin letters and in katakana spelled letter for letter alike (Toyota トヨタ, Daihatsu ダイハツ,
    Honda ホンダ) is one body; '' for a name too short to tell apart."""
    text = unicodedata.normalize("NFKC", name)
    key = name_key(text if text.isascii() else romanize(text))
    return "=" + key if len(key) >= 4 else ""


def _all_names(entry: ActorEntry) -> list[str]:
    return list(dict.fromkeys(n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n))


_ONE_LATIN_WORD_RE = re.compile(r"[A-Z][A-Za-z]{2,}(?:-[A-Za-z]+)?")
_ONE_KATAKANA_WORD_RE = re.compile(r"[ァ-ヺー]{3,}")


def _one_word(name: str) -> bool:
    """A name of one word: a Latin word (CrowdStrike, Couche-Tard) or katakana with no dot (クラウドストライク)."""
    text = unicodedata.normalize("NFKC", name)
    return bool(_ONE_LATIN_WORD_RE.fullmatch(text) or _ONE_KATAKANA_WORD_RE.fullmatch(text))


@lru_cache(maxsize=65536)
def _skeleton(name: str) -> str:
    """A one-word name's consonants as katakana writes them (`name_skeleton`): bodies whose skeletons differ are
    never compared by sound (every body of a 10k store is looked at once per question)."""
    text = unicodedata.normalize("NFKC", name)
    return name_skeleton(name_key(text if text.isascii() else romanize(text)))


# --- a country and the bodies of its government (韓国 and 韓国外務省, Seoul and "South Korea's foreign ministry") -----

# what follows a country's name in the name of a body of its government: 政府, 外務省, 国防省, 当局 …; "'s foreign
# ministry", "n government" (South Korean), "embassy"
_JA_GOVERNMENT_RE = re.compile(r"(?:政府|当局|政権|大使館|総領事館|[一-龥]{0,4}(?:省|庁|部))")
_EN_GOVERNMENT_RE = re.compile(
    r"(?:['’]s|n|ese)?\s+(?:[A-Za-z]+\s+){0,2}(?:ministry|government|embassy|authorities|administration|agency)",
    re.IGNORECASE,
)


def _government_bodies(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """The bodies of the index that are a country's government speaking: named by the country (or its capital, from
    the body-name data) and a governing body's head (韓国外務省, 中国政府, "South Korea's foreign ministry"). A
    country's position is what its government says: "South Korea's foreign ministry said" answers "South Korea" and
    "Seoul". None for a person, nor for a name neither the registry nor the data gives as a country's."""
    if entry.kind not in ("state", "country") and not is_country(entry.name):
        return []
    names = {n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n and len(n) >= 2}
    names |= {o for n in list(names) for o in other_names(n)}
    out = []
    for a in actors.actors.values():
        if a.id == entry.id or a.kind in ("person", "state", "country"):
            continue
        rests = (
            n[len(c) :] for n in (a.name, *(a.aliases or [])) for c in names if n.startswith(c) and len(n) > len(c)
        )
        if any(_JA_GOVERNMENT_RE.fullmatch(r) or _EN_GOVERNMENT_RE.fullmatch(r) for r in rests):  # Thai, Thailand's
            out.append(a)
    return out


def _spelled_in_latin(entry: ActorEntry) -> bool:
    """The person has a name in Latin letters: one typed is then compared with it, not by sound (Trunp is a
    misspelling of Donald Trump, not トランプ heard in Latin letters)."""
    return any(n and _is_latin(n) for n in (entry.name_en, *(entry.aliases or [])))


def _sound_forms(entry: ActorEntry, latin: bool) -> list[tuple[str, ...]]:
    """The words of each of a person's names in Latin letters (latin), or in katakana (not latin): what
    `_sounds_same` compares."""
    names = dict.fromkeys(n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n)
    forms = [_latin_words(n) if latin else _katakana_words(n) for n in names if _is_latin(n) == latin]
    return [f for f in forms if f]


def _sounds_same(mine: list[tuple[str, ...]], theirs: list[tuple[str, ...]], latin: bool) -> bool:
    """A foreign name in Latin letters and the same name in katakana (Grossi, グロッシ; Rafael Grossi, ラファエル・
    グロッシ), which have no reading to compare: every word of one sounds like a word of the other (a surname
    alone, or a full name word for word), or the whole name like the whole name (Park Sang-woo, パクサンウ: a Korean
    or Chinese name is often written in katakana with no dot between its words). When both actors have a full name,
    a surname alone is compared only with a surname alone: Michael Ghosn is not カルロス・ゴーン for sharing ゴーン, which
    that actor's short name holds (their full names say they are two people)."""
    both_full = any(len(a) >= 2 for a in mine) and any(len(b) >= 2 for b in theirs)
    for a in mine:
        for b in theirs:
            if both_full and (len(a) == 1) != (len(b) == 1):
                continue
            lat, kat = (a, b) if latin else (b, a)
            if (
                all(any(sounds_like(m, w) for m in lat) for w in kat)
                or all(any(sounds_like(m, w) for w in kat) for m in lat)
                or (len(lat) != len(kat) and sounds_like(" ".join(lat), "".join(kat)))
                or _given_names_agree(lat, kat)
            ):
                return True
    return False


def _given_names_agree(lat: tuple[str, ...], kat: tuple[str, ...]) -> bool:
    """A full name of two words or more in each script, word for word, whose given names sound alike and whose
    surname is close (`sounds_near`: Carlos Ghosn, カルロス・ゴーン, the s not sounded); never a surname alone, and
    never a surname that only shares its letters (Carlos Gomez is not カルロス・ゴーン)."""
    return (
        len(lat) == len(kat) >= 2
        and all(sounds_like(m, w) for m, w in zip(lat[:-1], kat[:-1], strict=True))
        and sounds_near(lat[-1], kat[-1])
    )


# an Arabic name's article joined to the word it goes with (al-Sharaa, el-Sisi, ash-Shaibani): the word is the name
_ARTICLE_RE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-(?=[A-Z])")


@lru_cache(maxsize=8192)
def _latin_words(name: str) -> tuple[str, ...]:
    """The capitalised words of a name in Latin letters, an Arabic article taken off (Ahmed al-Sharaa → Ahmed,
    Sharaa: シャラア in Japanese reports)."""
    split = unicodedata.normalize("NFKC", name).replace(".", " ").split()
    # the article written as a word of its own before the surname (Ammar Al Khudairy, Sultan Al Jaber: アマル・フダイリ)
    split = [w for k, w in enumerate(split) if not (w in _ARTICLE_WORDS and 0 < k < len(split) - 1)]
    words = (_ARTICLE_RE.sub("", w) for w in split)
    return tuple(w for w in words if w[:1].isupper())


_ARTICLE_WORDS = frozenset({"Al", "El", "al", "el"})


_KATAKANA_NAME_RE = re.compile(r"[ァ-ヺー]+(?:[・=＝][ァ-ヺー]+)*")


@lru_cache(maxsize=8192)
def _katakana_words(name: str) -> tuple[str, ...]:
    """The words of a name written wholly in katakana (ラファエル・グロッシ → ラファエル, グロッシ); () otherwise."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not _KATAKANA_NAME_RE.fullmatch(text):
        return ()
    return tuple(w for w in re.split(r"[・=＝]", text) if len(w) >= 2)


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
        for a, names in _bodies_named(actors)
        if a.id != entry.id
        and (
            any(n in mine or any(_short_form(n, m) or _short_form(m, n) for m in mine) for n in names)
            or any(
                _court_short(n, m) or _court_short(m, n)
                for n in (a.name, *a.aliases)
                for m in (entry.name, *entry.aliases)
            )
            or any(
                _suffixed(n, m) or _suffixed(m, n) for n in (a.name, *a.aliases) for m in (entry.name, *entry.aliases)
            )
        )
    ]


def _bodies_named(actors: ActorIndex) -> list[tuple[ActorEntry, set[str]]]:
    """The index's bodies (no person, no state) with their names as `same_body` compares them (`_body_names`), in the
    index's order: read once per index, not every body's names and their data's other names again each question."""
    return once_per_index(actors, "resolve.bodies_named", _read_bodies_named)


def _read_bodies_named(actors: ActorIndex) -> list[tuple[ActorEntry, set[str]]]:
    return [(a, _body_names(a)) for a in actors.actors.values() if a.kind not in ("person", "state")]


def _suffixed(name: str, full: str) -> bool:
    """Whether `full` is `name` and the organisation ending it is known by (吉本 of 吉本興業, トヨタ of トヨタ自動車)."""
    return len(name) >= 2 and len(full) > len(name) and full.startswith(name) and org_suffix(full) == full[len(name) :]


def _body_names(entry: ActorEntry) -> set[str]:
    names = {n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n}
    return {unicodedata.normalize("NFKC", n).casefold() for n in names | {o for n in names for o in other_names(n)}}


# a court's or a prosecutors' office's usual short form: 静岡地検 of 静岡地方検察庁, 東京高裁 of 東京高等裁判所
_COURT_SHORT = (
    ("地方裁判所", "地裁"), ("高等裁判所", "高裁"), ("家庭裁判所", "家裁"), ("簡易裁判所", "簡裁"), ("最高裁判所", "最高裁"),
    ("地方検察庁", "地検"), ("高等検察庁", "高検"), ("最高検察庁", "最高検"),
)  # fmt: skip


def _court_short(short: str, full: str) -> bool:
    """Whether `short` is `full` with its court's or prosecutors' office's ending in the short form."""
    return any(full.endswith(long) and short == full[: -len(long)] + cut for long, cut in _COURT_SHORT)


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
