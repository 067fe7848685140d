"""A country's body typed with its country another way than the reports write it.

English news names a country's body three ways: with the people's adjective ("the Moroccan interior ministry",
"Peruvian Congress"), with the country's name ("Morocco's interior ministry", "the interior ministry of Morocco"),
and, once the country is clear, bare ("the interior ministry said"). A user types one of them and the store holds
another. `country_forms` reads a typed name in one of the qualified shapes (the country by `countries.json`:
`quote_countries.by_english`) and gives the other shapes, the bare one last: a bare body is taken only where a
document naming it also names the country (the caller's check), as `body_place` takes a Japanese body without
its place. The body's last word must be a body's (ministry, senate, court, command …: `vocabulary().en_org_heads`
and the few heads it lacks), so "Moroccan aid" or "Morocco's king" is no body of Morocco's here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from bot.extract.roles import vocabulary
from bot.services.quote_countries import Country, all_countries, by_english

__all__ = [
    "CountryForms",
    "country_forms",
    "japanese_country_forms",
    "leading_country",
    "names_country",
    "same_country",
    "typed_country",
]

# heads of a country's body the vocabulary's organisation heads lack (they are not a named body's last word there)
_MORE_HEADS = frozenset({"presidency", "military", "junta", "legislature", "prosecutors", "prosecutor", "judiciary"})
_LONGEST = 80
_KATAKANA_RE = re.compile(r"[ァ-ヺー]")


class CountryForms(NamedTuple):
    country: Country
    body: str  # the body as typed without its country ("interior ministry")
    forms: tuple[str, ...]  # the other qualified shapes ("Morocco's interior ministry", "Moroccan interior ministry")


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(h.casefold() for h in vocabulary().en_org_heads) | _MORE_HEADS


def _a_body(words: str) -> bool:
    """The words end as a body's name does (interior ministry, army command, Senate), and name no country."""
    parts = words.split()
    return (
        bool(parts)
        and len(parts) <= 6
        and parts[-1].casefold() in _heads()
        and not any(by_english(w) is not None for w in parts)
    )


def country_forms(typed: str) -> CountryForms | None:
    """The country and the other shapes of a body typed with its country in English: "Moroccan interior ministry"
    → Morocco, interior ministry, ("Morocco's interior ministry", "interior ministry of Morocco"); None for any
    other text (a person, a country alone, a body of no listed country, a name in Japanese)."""
    plain = " ".join(unicodedata.normalize("NFKC", typed or "").split()).replace("’", "'")
    if not plain.isascii() or len(plain) > _LONGEST:
        return None
    for said, body in _splits(plain):
        country = by_english(said)
        body = _head_last(body)
        if country is None or not _a_body(body) or _a_people(said, country):
            continue
        adjective = next((a for a in country.adjectives if not _a_people(a, country) and a.isalpha()), None)
        shapes = [
            shape
            for b in dict.fromkeys((body, _AFFAIRS_RE.sub(" ", body)))  # Foreign Affairs Ministry: Foreign Ministry
            for shape in (f"{country.en}'s {b}", *([f"{adjective} {b}"] if adjective else []), f"{b} of {country.en}")
        ]
        typed_as = plain.casefold().removeprefix("the ")
        return CountryForms(country, body, tuple(s for s in dict.fromkeys(shapes) if s.casefold() != typed_as))
    return None


# a body named head first ("Ministry of Defense", "Department of Justice"), which news also writes head last
_HEAD_FIRST_RE = re.compile(r"(?P<head>ministry|department|office|bureau|agency)\s+of\s+(?:the\s+)?(?P<field>.+)", re.I)


# "Foreign Affairs Ministry", as news writes it shorter: "Foreign Ministry" (so Home Affairs: the Home Ministry)
_AFFAIRS_RE = re.compile(r"(?<=\w) Affairs (?=Ministry$)", re.IGNORECASE)


def _head_last(body: str) -> str:
    """The body "Ministry of Defense" as "Defense Ministry" (the shape the names and the bare body take); else as typed."""
    m = _HEAD_FIRST_RE.fullmatch(body)
    if m is None or not all(w[:1].isupper() for w in m["field"].split() if w.casefold() != "and"):
        return body
    return f"{m['field']} {m['head']}"


def _splits(plain: str) -> list[tuple[str, str]]:
    """(the country's words, the body's) as the name may be cut: "X's body" and "X body" (X of one to three words),
    "body of X"."""
    words = plain.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    found: list[tuple[str, str]] = []
    for k in range(1, min(4, len(words))):
        said, body = " ".join(words[:k]), " ".join(words[k:])
        found.append(
            (said.removesuffix("'s").removesuffix("'"), body)
            if said.endswith("'s") or said.endswith("s'")
            else (said, body)
        )
    if (at := plain.rfind(" of ")) > 0:
        body, said = plain[:at], plain[at + 4 :]
        found.append((said.removeprefix("the ").removeprefix("The "), body.removeprefix("the ").removeprefix("The ")))
    return found


def _a_people(word: str, country: Country) -> bool:
    """The word is the people in the plural (Moroccans, Filipinos): a people's words are not its state's."""
    w = word.casefold()
    return w != country.en.casefold() and w.endswith("s") and w[:-1] in {a.casefold() for a in country.adjectives}


def leading_country(japanese: str) -> Country | None:
    """The country a Japanese body's name opens with, the longest name first (アルジェリア大統領府: Algeria;
    南スーダン外務省: South Sudan, not Sudan), when a body's name follows it; None otherwise."""
    plain = "".join(unicodedata.normalize("NFKC", japanese or "").split())
    found = [(ja, c) for c in all_countries() for ja in c.ja if plain.startswith(ja) and len(plain) > len(ja) + 1]
    if not found:
        return None
    ja, country = max(found, key=lambda f: len(f[0]))
    after = plain[len(ja) :]
    rest = after.removeprefix("の")
    if _KATAKANA_RE.match(after) or len(rest) < 2:
        return None  # インドネシア: never the start of another katakana word
    return country


# a Japanese report names Japan's own bodies bare (外務省, 防衛省, 警察庁): another country's it names with its
# country (中国外務省, 韓国国防省)
_OWN_COUNTRY = "日本"


def japanese_country_forms(typed: str) -> list[str]:
    """The other shapes of a body typed in Japanese with its country, as a Japanese report writes it: the country
    joined to the body without の (中国の外務省: 中国外務省, under each of the country's names), and Japan's body
    bare (日本の外務省, 日本外務省: 外務省); [] for any other text (a country alone, a person, English)."""
    plain = "".join(unicodedata.normalize("NFKC", typed or "").split())
    country = leading_country(plain)
    if country is None or len(plain) > _LONGEST:
        return []
    said = max((ja for ja in country.ja if plain.startswith(ja)), key=len)
    body = plain[len(said) :].removeprefix("の")
    if len(body) < 2 or _KATAKANA_RE.match(body) or leading_country(body) is not None:
        return []
    # a country named 〇国 is 〇 before a body's name (米国: 米国務省, 英国: 英外務省)
    forms = [ja + body for ja in country.ja] + [ja[0] + body for ja in country.ja if len(ja) == 2 and ja[1] == "国"]
    if said == _OWN_COUNTRY or _OWN_COUNTRY in country.ja:
        forms.append(body)
    return [f for f in dict.fromkeys(forms) if f != plain]


def typed_country(typed: str) -> Country | None:
    """The country a body typed with its country names ("China's Ministry of Foreign Affairs", "Moroccan interior
    ministry", 中国の外務省, 韓国国防省), else None."""
    if (qualified := country_forms(typed)) is not None:
        return qualified.country
    plain = "".join(unicodedata.normalize("NFKC", typed or "").split())
    return None if plain.isascii() else leading_country(plain)


def names_country(name: str, country: Country) -> bool:
    """Whether a body's name names the country, in either language (外務省's "Ministry of Foreign Affairs of Japan",
    中国外務省, "Chinese foreign ministry")."""
    plain = " ".join(unicodedata.normalize("NFKC", name or "").split()).replace("’", "'")
    if plain.isascii():
        words = {w.casefold().removesuffix("'s") for w in re.findall(r"[A-Za-z][A-Za-z'.-]*", plain)}
        return any(
            all(p.casefold() in words for p in said.split()) and said.casefold() in plain.casefold()
            for said in country.english
        )
    return any(
        plain.startswith(ja) or (len(ja) == 2 and ja[1] == "国" and plain.startswith(ja[0])) for ja in country.ja
    )


def same_country(typed: str, japanese: str, names: Iterable[str] = ()) -> bool:
    """Whether a Japanese body's name may be the country's that the body typed names: one opening with a country
    must open with that one (中国外務省 for "China's foreign ministry", not 韓国外務省); a bare one (a Japanese report
    names Japan's own bodies bare, 外務省) is not another country's when its other names (`names`: the dictionary's,
    the registry's) say it is Japan's ("Ministry of Foreign Affairs of Japan"), and may be any country's otherwise
    (国家安全保障委員会, 総統府). True when the typed name names no country."""
    country = typed_country(typed)
    if country is None:
        return True
    named = leading_country(japanese)
    if named is not None:
        return named == country
    if _OWN_COUNTRY in country.ja:
        return True
    japan = next((c for c in all_countries() if _OWN_COUNTRY in c.ja), None)
    return japan is None or not any(names_country(n, japan) for n in names)
