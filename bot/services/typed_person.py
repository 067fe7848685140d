"""A person typed by the parts of a name, as users type them, found as the reports write that person.

Users type a Japanese politician by surname and post (泉代表, 森山参院幹事長), with the party before it (公明党の斉藤
代表), or a full name the reports write otherwise (福岡資麿, which the tokenizer splits unlike 「福岡資麿厚生労働相」 in
running text; 渡辺達子, whom the reports name once, as 「渡辺美希子さんの母達子さん」). The reports may also write the
person in the other script (泉 typed, "Kenta Izumi" in an English report). When no actor and no text holds what was
typed as it stands, the name is read by its parts:

- the surname: the first word of the name the tokenizer reads as a person's (after a party's or a body's 「〜の」);
- what follows it: a post (代表, 参院幹事長), or a given name;
- the reports' full name for it: the surname with a given name of one to three kanji before the post typed (or the
  title it ends in) — 泉健太代表 for 泉代表 — the given name read as a name by the tokenizer (林官房長官 is not
  林 + 官房 + 長官), exactly one such name (two people of that surname and post: none is guessed); a full name typed
  (福岡資麿) is looked for as written in the passages naming its surname; a full name whose given name alone the
  reports give (渡辺達子: 「…母達子さん」), with the surname in the same passage;
- in Latin letters: the words of an English report's capitalised name whose last word is a reading of the surname
  (`name_readings`: 泉 → izumi) and, when a given name was typed, whose first word is one of its readings (or the
  family name first, as some reports write Japanese names: Hayashi Yoshimasa for 林芳正); again exactly one full
  name.

The party typed before the name only chooses among the passages (those naming it); it never names anyone alone. Read
once per question, on the passages the surname's full-text query returns (no scan of the store).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.actors import ActorEntry, ActorIndex
from bot.extract.name_readings import name_word_keys, typed_name_keys
from bot.extract.roles import vocabulary
from bot.extract.romaji import name_key, sounds_like
from bot.services.relatives import RELATIONS
from bot.services.resolve import EN_TITLE_WORDS, once_per_index, post_fits, post_of
from bot.text import index_tokens, longest_first, person_name_words

__all__ = [
    "PartsTyped",
    "kanji_named",
    "katakana_relative",
    "latin_full_names",
    "latin_query",
    "name_part_people",
    "surname_query",
    "typed_parts",
    "written_full_names",
]

_KANJI_RE = re.compile(r"[一-龥々]{1,4}")
_GIVEN_RE = r"[一-龥々]{1,3}"
# an English name in running text: two or three capitalised words (Kenta Izumi, Yoshimasa Hayashi)
_LATIN_NAME_RE = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+(?![A-Za-z])")
PASSAGES = 200  # passages naming the surname read for the full name


class PartsTyped:
    """What a typed name is made of: the body before it (公明党 of 公明党の斉藤代表, or ''), the surname, and the rest
    (a post, or a given name: `given` says which)."""

    __slots__ = ("given", "prefix", "rest", "surname")

    def __init__(self, prefix: str, surname: str, rest: str, given: bool) -> None:
        self.prefix, self.surname, self.rest, self.given = prefix, surname, rest, given


def typed_parts(text: str) -> PartsTyped | None:
    """The parts of a Japanese name typed (see the module); None when it does not start with a surname in kanji."""
    plain = "".join(unicodedata.normalize("NFKC", text).split())
    if not plain or len(plain) > 30 or plain.isascii():
        return None
    prefix, _, rest = plain.rpartition("の")
    words = person_name_words(rest)
    if not words or not rest.startswith(words[0][0]) or not _KANJI_RE.fullmatch(words[0][0]):
        return None
    surname = words[0][0]
    after = rest[len(surname) :]
    if not after and not prefix:
        return None  # a surname alone is what the other readings try
    given = bool(after) and len(words) >= 2 and "".join(w for w, _ in words[1:]) == after and after not in _titles()
    if not given and after and not _KANJI_RE.fullmatch(after[:1]):
        return None
    return PartsTyped(prefix, surname, after, given or (bool(after) and _looks_given(surname, after)))


def _looks_given(surname: str, after: str) -> bool:
    """A full name typed whose given name the tokenizer splits (福岡資麿: 資, 麿): no title ends it and it is short."""
    return len(after) <= 3 and not any(after.endswith(t) for t in _titles()) and not after.endswith(("官", "相"))


def _titles() -> frozenset[str]:
    return vocabulary().ja_title_set


def surname_query(surname: str) -> str:
    """The full-text phrase of the surname as the index holds it."""
    return index_tokens(surname)


def written_full_names(parts: PartsTyped, texts: Iterable[str]) -> list[str]:
    """The full names the texts write for a surname and a post typed (泉代表: 泉健太, from 「泉健太代表は」), the given
    name read as a person's name; or the surname and the post as written when no given name is between them
    (泉代表 itself). For a full name typed: the name as written, or its given name alone in a passage naming the
    surname (渡辺達子: 達子, from 「渡辺美希子さんの母達子さん」). Those written right after the body typed before
    the name (公明党の), when some are. First found first."""
    texts = list(texts)
    if parts.given:
        full = parts.surname + parts.rest
        if any(full in t for t in texts):
            return [full]
        given_rx = re.compile(rf"(?:^|[^一-龥々]|{RELATIONS}){re.escape(parts.rest)}(?:さん|氏)")
        if any(given_rx.search(t) for t in texts if parts.surname in t):
            return [parts.rest]
        return []
    found: dict[str, None] = {}
    owned: dict[str, None] = {}  # those written right after the body typed (公明党の斉藤鉄夫代表)
    posts = [parts.rest[k:] for k in range(len(parts.rest)) if parts.rest[k:] in _titles() or k == 0]
    alt = "|".join(map(re.escape, longest_first(set(posts))))
    rx = re.compile(rf"(?<![一-龥々]){re.escape(parts.surname)}((?:{_GIVEN_RE})?)(?:{alt})")
    for t in texts:
        for m in rx.finditer(t):
            name = parts.surname + m.group(1)
            if not (m.group(1) and len(person_name_words(name)) >= 2):
                if not t.startswith(tuple(posts), m.start() + len(parts.surname)):
                    continue
                name = parts.surname  # 林官房長官: 林 + 官房長官
            found.setdefault(name, None)
            if parts.prefix and t[: m.start()].rstrip("の・ ").endswith(parts.prefix):
                owned.setdefault(name, None)
    found = owned or found
    if not found:  # 三原大臣: 「三原じゅん子こども政策担当相は」; 中村審議委員: 「中村豊明、野口旭の両審議委員が」
        return _named_with_post(parts, texts)
    fuller = [n for n in found if n != parts.surname]
    return fuller if fuller else list(found)


_RUN_RE = re.compile(r"[一-龥々ぁ-んァ-ヺー0-9]{2,30}")
# a name in a list before the post the list shares (「中村豊明、野口旭の両審議委員」, 「A、Bの各氏」)
_LISTED_RE = re.compile(
    r"([一-龥々ぁ-ん]{1,4})(?:、[一-龥々ァ-ヺー・]{2,10}){1,4}の(?:両|各|[2-9二三四五]人の)?([一-龥々]{2,12})"
)
_AFTER_POST = "はがもとの、。=＝(（「"


def _named_with_post(parts: PartsTyped, texts: Iterable[str]) -> list[str]:
    """The full names the texts write for a surname and a post typed when none is written with the post as typed:
    the surname, a given name (kanji, or kana then kanji: じゅん子) and a post that fits the one typed
    (`resolve.post_fits`: 大臣 for こども政策担当相, 政調会長 for 政務調査会長), or the name first in a list that shares
    the post (「中村豊明、野口旭の両審議委員」). First found first; those after the body typed (公明党の) when some are."""
    found: dict[str, None] = {}
    owned: dict[str, None] = {}
    rx = re.compile(rf"(?<![一-龥々]){re.escape(parts.surname)}")
    for t in texts:
        for m in rx.finditer(t):
            tail = t[m.end() : m.end() + 60]
            name = _listed_name(parts, tail) or _posted_name(parts, tail)
            if name is None:
                continue
            found.setdefault(name, None)
            if parts.prefix and t[: m.start()].rstrip("の・ ").endswith(parts.prefix):
                owned.setdefault(name, None)
    return list(owned or found)


def _given_of(surname: str, given: str) -> bool:
    words = person_name_words(surname + given)
    return len(words) >= 2 and words[0][0] == surname and "".join(w for w, _ in words[1:]) == given


def _listed_name(parts: PartsTyped, tail: str) -> str | None:
    m = _LISTED_RE.match(tail)
    if m is None or not post_fits(parts.rest, m.group(2)) or not _given_of(parts.surname, m.group(1)):
        return None
    return parts.surname + m.group(1)


def _posted_name(parts: PartsTyped, tail: str) -> str | None:
    run = _RUN_RE.match(tail)
    if run is None:
        return None
    text = run.group(0)
    for end in range(len(text), 0, -1):
        if not ("一" <= text[end - 1] <= "龥") or (end < len(text) and text[end] not in _AFTER_POST):
            continue
        span = text[:end]
        for k in range(min(4, len(span) - 1), -1, -1):
            given, post = span[:k], span[k:]
            if post_fits(parts.rest, post) and (not given or _given_of(parts.surname, given)):
                return parts.surname + given
    return None


def latin_full_names(parts: PartsTyped, texts: Iterable[str]) -> list[str]:
    """The names in Latin letters the texts write for the surname typed in kanji (泉代表: Kenta Izumi): the last word
    one of the surname's readings, the first one of the given name's when a given name was typed; or, a given name typed,
    the family name first (Watanabe Kenji, as some English reports write Japanese names). First found first."""
    keys = name_word_keys(parts.surname + (parts.rest if parts.given else ""))
    if not keys:
        return []
    surname, given = keys[0], (keys[1] if parts.given and len(keys) > 1 else None)
    found: dict[str, None] = {}
    for t in texts:
        for m in _LATIN_NAME_RE.finditer(t):
            words = re.split(r"[ -]", m.group(0))
            for k in range(1, len(words)):
                first = words[k - 1]
                if first.casefold() in EN_TITLE_WORDS or name_key(words[k]) not in surname:
                    continue
                if given is None or name_key(first) in given:
                    found.setdefault(f"{first} {words[k]}", None)
            for k in range(1, len(words) if given is not None else 0):  # family name first: Watanabe Kenji
                if name_key(words[k - 1]) in surname and name_key(words[k]) in given:
                    found.setdefault(f"{words[k - 1]} {words[k]}", None)
    return list(found)


def latin_query(parts: PartsTyped) -> str:
    """The surname's readings (泉: izumi) as full-text terms, each one at least three letters."""
    keys = name_word_keys(parts.surname)
    return " OR ".join(f'"{k}"' for k in sorted(keys[0]) if len(k) >= 3) if keys else ""


def kanji_named(typed: str, texts: Iterable[str]) -> str | None:
    """The one name word of the texts, in kanji, that a Japanese surname typed in Latin letters is (Hayashi: 林, of
    「林官房長官は」): a word the tokenizer reads as a person's name and one of whose readings (`name_readings`) is
    the surname typed; with a given name typed, a name word of the same passage one of whose readings it is (Yoshimasa
    Hayashi: 林, with 芳正). None when none or several fit (林 and 拓 of two reports are two people)."""
    keys = typed_name_keys(typed)
    if not keys:
        return None
    surname, given = keys[-1], keys[:-1]
    fits: dict[str, None] = {}
    for t in texts:
        words = [(w, name_word_keys(w)) for w, _ in person_name_words(t)]
        names = [w for w, k in words if _KANJI_RE.fullmatch(w) and len(k) == 1 and surname in k[0]]
        if names and all(any(g in k[0] for w, k in words if len(k) == 1 and w not in names) for g in given):
            fits.update(dict.fromkeys(names))
    return next(iter(fits)) if len(fits) == 1 else None


_KANA_RELATIVE_RE = re.compile(
    rf"(?P<family>[ァ-ヺー・]{{2,}})(?:さん|氏)(?:[(（][^()（）]{{1,12}}[)）])?の(?:{RELATIONS})の?(?P<given>[ァ-ヺー]{{2,}})(?:さん|氏)"
)


def katakana_relative(typed: str, texts: Iterable[str]) -> str | None:
    """The katakana given name the texts name a relative by, for a full name typed in Latin letters whose surname is
    the family's (Helen Comperatore: ヘレン, of 「コンペラトーレさんの妻ヘレンさん」): the family name's last word sounds
    like the surname typed, the given name like its first word. None when none or several fit."""
    words = unicodedata.normalize("NFKC", typed).split()
    if len(words) < 2 or not all(w[:1].isupper() and w.isascii() for w in words):
        return None
    fits: dict[str, None] = {}
    for t in texts:
        for m in _KANA_RELATIVE_RE.finditer(t):
            family = re.split(r"[・=]", m["family"])[-1]
            if sounds_like(words[-1], family) and sounds_like(words[0], m["given"]):
                fits.setdefault(m["given"], None)
    return next(iter(fits)) if len(fits) == 1 else None


# --- one person stored under a part of the name (鈴木 and 鈴木俊一, 章浩 and 小林章浩) -----------------------------


def name_part_people(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """The other people of the index that are this person stored under one part of the name: an actor known by a
    surname or a given name alone (鈴木; 章浩, discovered from 「章浩社長」) and the one person whose full name has that
    part (鈴木俊一; 小林章浩, an alias of 小林) — both ways. Never when two people's full names have that part (父 小林一雅
    and 子 小林章浩 share 小林: the given name decides), nor when both hold a post and neither post holds the other
    (鈴木社長 is not 鈴木財務相). Read from a table made once per index."""
    if entry.kind != "person":
        return []
    table = once_per_index(actors, "typed_person.name_parts", _read_name_parts)
    return [actors.actors[i] for i in sorted(table.get(entry.id, ()))]


def _read_name_parts(actors: ActorIndex) -> dict[int, set[int]]:
    people = [a for a in actors.actors.values() if a.kind == "person"]
    by_part: dict[str, set[int]] = {}  # a part of a full name → the people whose full name has it
    for a in people:
        for n in _all_names(a):
            for part in _name_parts(n):
                by_part.setdefault(part, set()).add(a.id)
    out: dict[int, set[int]] = {}
    for j in people:
        names = _all_names(j)
        if any(_name_parts(n) for n in names):
            continue  # a full name of its own: not a part of another's
        for n in names:
            holders = by_part.get(unicodedata.normalize("NFKC", n), set()) - {j.id}
            if len(holders) != 1:
                continue
            (e,) = holders
            if _posts_differ(j, actors.actors[e]):
                continue
            out.setdefault(e, set()).add(j.id)
            out.setdefault(j.id, set()).add(e)
    return out


def _name_parts(name: str) -> list[str]:
    """The parts a full name may be stored under: a kanji name of three kanji or more by its surname (one to three
    kanji) and given name (two kanji or more); a Latin name of two words by its first and last; [] for a one-word
    name."""
    text = unicodedata.normalize("NFKC", name).strip()
    if _KANJI_RE.fullmatch(text) is None and re.fullmatch(r"[一-龥々]{3,6}", text) is None:
        words = text.split()
        return [words[0], words[-1]] if len(words) >= 2 and all(w[:1].isupper() for w in words) else []
    if len(text) < 3:
        return []
    return [text[:k] for k in range(1, min(4, len(text) - 1))] + [text[k:] for k in range(1, len(text) - 1)]


def _posts_differ(a: ActorEntry, b: ActorEntry) -> bool:
    pa, pb = post_of(a), post_of(b)
    return bool(pa and pb) and pa not in pb and pb not in pa


def _all_names(entry: ActorEntry) -> list[str]:
    return list(dict.fromkeys(n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n))
