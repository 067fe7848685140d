"""A body or a company typed by a name the reports do not write, read through its dictionary names.

Asked last, once every other reading of a typed name has failed (`stance_about.read_actor`), so no name that
resolved before reads otherwise: "PBOC" or "People's Bank of China" typed where the reports write 中国人民銀行,
"Federation of Electric Power Companies" where they write 電気事業連合会, "Nissan" where they write 日産自動車
(`bot.extract.org_names`). A wrong body is worse than a refusal: a registered actor answers when it is the one
actor, not a person, the names of the typed body's groups resolve to; else the one group whose names the passages
hold is read as an unregistered body under its first name. Two bodies answering (ISS: two societies' initials) is
a refusal.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable

from bot.actors import ActorEntry, ActorIndex
from bot.extract.group_typed import group_forms
from bot.extract.org_names import groups_named
from bot.services.country_qualified import japanese_country_forms, names_country, typed_country
from bot.services.errors import QueryError
from bot.services.typed_company import companies_typed
from bot.services.typed_group import english_group_forms, member_sides
from bot.store import Store
from bot.store.tenancy import actor_seen_by, actors_seen_among

__all__ = [
    "ambiguous_body",
    "company_typed",
    "country_body_written",
    "group_by_members",
    "org_named_otherwise",
    "seen_among",
]

Found = tuple[ActorEntry, ActorIndex, str | None]
# the caller's reading of a name the registry lacks: (store, name, guild, also=other names, org=True) → found or None
Unregistered = Callable[..., Awaitable[tuple[ActorEntry, ActorIndex, str] | None]]
_PEOPLE = ("person", "state", "country")


async def org_named_otherwise(
    store: Store, typed: str, guild_id: int | None, unregistered: Unregistered
) -> Found | None:
    """The one body the typed name's dictionary groups name in the store (see the module's doc), else None."""
    groups = await asyncio.to_thread(groups_named, typed)
    if groups and (country := typed_country(typed)) is not None:
        # "China's Ministry of Foreign Affairs": never Japan's 外務省, whose group holds "Ministry of Foreign Affairs"
        # too; a body typed with its country is a group that names that country
        groups = [names for names in groups if any(names_country(n, country) for n in names)]
    if not groups:
        return None
    registered: dict[int, ActorEntry] = {}
    for names in groups:
        for name in names:
            entry = store.actors.resolve(name)
            if entry is not None and entry.kind not in _PEOPLE and await _seen(store, entry, guild_id):
                registered[entry.id] = entry
    if len(registered) == 1:
        return next(iter(registered.values())), store.actors, None
    if registered:
        return None
    found = [f for names in groups if names and (f := await _read(store, names, guild_id, unregistered))]
    return found[0] if len(found) == 1 else None


async def company_typed(store: Store, typed: str, guild_id: int | None) -> Found | None:
    """The one company of the registry, seen by the server, that a one-word company name typed in the other script
    is (Toyota: トヨタ自動車; `typed_company`), else None; several are named in a refusal (`actor.ambiguous_body`)."""
    bodies = await asyncio.to_thread(companies_typed, store.actors, typed)
    seen = await seen_among(store, bodies, guild_id)
    if len(seen) > 1:  # Kawada Corp. and カワダ自動車: named, neither guessed between nor read as a person's name
        raise ambiguous_body(typed, seen)
    return (seen[0], store.actors, None) if seen else None


async def seen_among(store: Store, bodies: list[ActorEntry], guild_id: int | None) -> list[ActorEntry]:
    """The bodies the server sees, in their order (every one with no server), read in one query."""
    if guild_id is None:
        return list(bodies)
    seen = await actors_seen_among(store, [a.id for a in bodies], guild_id)
    return [a for a in bodies if a.id in seen]


def ambiguous_body(typed: str, bodies: list[ActorEntry]) -> QueryError:
    """The refusal naming the bodies a typed name may be (at most five), neither guessed between."""
    return QueryError(
        "actor.ambiguous_body",
        text=typed,
        actors=[a.name for a in bodies[:5]],
        actors_en=[a.name_en or a.name for a in bodies[:5]],
    )


async def _read(
    store: Store, names: Iterable[str], guild_id: int | None, unregistered: Unregistered
) -> tuple[ActorEntry, ActorIndex, str] | None:
    first, *others = names
    return await unregistered(store, first, guild_id, also=others, org=True)


async def country_body_written(
    store: Store, typed: str, guild_id: int | None, unregistered: Unregistered
) -> Found | None:
    """A body typed in Japanese with its country another way than the reports write it (日本の外務省: 外務省;
    中国の外務省: 中国外務省; `japanese_country_forms`): the registry's body of the first shape that is one, else
    the first shape the passages name, read as an unregistered body with the name typed as one more of its names."""
    forms = await asyncio.to_thread(japanese_country_forms, typed)
    for form in forms:
        entry = store.actors.resolve(form)
        if entry is not None and entry.kind not in _PEOPLE and await _seen(store, entry, guild_id):
            return entry, store.actors, None
    for form in forms:
        if (found := await unregistered(store, form, guild_id, also=[typed], org=True)) is not None:
            return found
    return None


async def _seen(store: Store, entry: ActorEntry, guild_id: int | None) -> bool:
    return guild_id is None or await actor_seen_by(store, entry.id, guild_id)


async def group_by_members(store: Store, typed: str, guild_id: int | None, unregistered: Unregistered) -> Found | None:
    """A group typed as its members and 団体 (足場業者団体) where the reports name it by who makes it up
    (足場業者でつくる団体: `group_forms`; 債権者団, 債権者側: `typed_group.member_sides`), or in English
    ("creditor groups": "a group of creditors", "creditors": `typed_group.english_group_forms`): the first such shape the passages hold, read as an
    unregistered body with the name typed as one more of its names."""
    forms = [*await asyncio.to_thread(group_forms, typed), *member_sides(typed)] or english_group_forms(typed)
    for form in forms:
        if (found := await unregistered(store, form, guild_id, also=[typed], org=True)) is not None:
            return found
    return None
