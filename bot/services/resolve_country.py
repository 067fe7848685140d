"""A country the registry does not list, asked by name: the actor whose position is what its government says.

`bot/data/countries.json` lists the countries news names (`quote_countries`): one typed by its English name or its
people's adjective ("Thailand", "Thai", "the Philippines", "the Danish government") or its Japanese name (タイ,
カンボジア政府) is an actor a user can ask, when the registry lacks it: its statements are those of the bodies of its
government the store holds (タイ外務省, "Thailand's Foreign Ministry", カンボジア国防省: `government_bodies`). The entry
is made for the question only (id 0, kind "state"), never stored nor indexed: a country named in running text is
not its speaker, and extraction never sees it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from bot.actors import ActorEntry, ActorIndex
from bot.services.quote_countries import Country, by_english, by_japanese

COUNTRY_ID = 0  # no stored actor has it: the entry's own claims are none, its bodies' are read

LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)  # also read by `resolve`
# the country's government typed for the country: "the Thai government", "Cambodia's government", "the government of
# Denmark", "Thai authorities", タイ政府, カンボジア当局
_EN_GOVERNMENT = re.compile(
    r"^government\s+of\s+(?:the\s+)?|(?:['’]s)?\s+(?:government|authorities)$",
    re.IGNORECASE,
)
_JA_GOVERNMENT = re.compile(r"(?:の)?(?:政府|当局)$")


def typed_country(text: str) -> Country | None:
    """The country of the table this text names: its name or its people's adjective in English (any case, with or
    without "the"), its Japanese name, or either with its government ("the Thai government", タイ政府); None for
    anything else, and for a people typed in the plural ("Filipinos", "Koreans": the people, not their state)."""
    plain = " ".join(unicodedata.normalize("NFKC", text or "").split())
    if not plain or len(plain) > 60:
        return None
    if plain.isascii():
        plain = LEADING_THE.sub("", _EN_GOVERNMENT.sub("", LEADING_THE.sub("", plain))).strip()
        if not plain:
            return None
        country = by_english(plain[:1].upper() + plain[1:])
        if country is None or "'" in plain or "’" in plain:
            return None
        if plain.casefold() != country.en.casefold() and plain.casefold().removesuffix("s") in {
            a.casefold() for a in country.adjectives if a.casefold() != plain.casefold()
        }:
            return None  # Filipinos, Koreans
        return country
    return by_japanese(_JA_GOVERNMENT.sub("", plain))


def country_entry(country: Country) -> ActorEntry:
    """The question's actor for a country: its Japanese name, its English one, the other names as aliases."""
    singular = [a for a in country.adjectives if a[:-1] not in country.adjectives]  # not Filipinos
    return ActorEntry(
        COUNTRY_ID,
        country.ja[0],
        country.en,
        "state",
        [*country.ja[1:], country.en, *singular],
        f"{country.ja[0]} / {country.en}",
    )


def country_actor(
    actors: ActorIndex,
    text: str,
    government_bodies: Callable[[ActorIndex, ActorEntry], list[ActorEntry]],
) -> tuple[ActorEntry, list[ActorEntry]] | None:
    """(the country's actor, the bodies of its government the index holds) for a country typed, when the index
    holds one of those bodies; None otherwise (nothing it could have said), and for a name or a country the index
    knows an actor by (that actor answers, as `resolve_actor` finds it: "India" an article discovered)."""
    country = typed_country(text)
    if country is None:
        return None
    entry = country_entry(country)
    if any(actors.resolve(n) is not None for n in (text, entry.name, *entry.aliases)):
        return None  # an actor of the store by this name (or the country's, even one found as a person) answers
    bodies = government_bodies(actors, entry)
    return (entry, bodies) if bodies else None
