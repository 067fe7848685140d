"""The Discord servers the store holds data of, for the bot's operator (the command line)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.store import Store
from bot.store.tenancy import (
    GuildInfo,
    guild_document_ids,
    known_guilds,
    left_at,
    mark_joined,
    mark_left,
    remove_guild_settings,
)

__all__ = ["GuildInfo", "known_guilds", "left_at", "mark_joined", "mark_left", "reconcile", "remove_guild"]


async def remove_guild(store: Store, guild_id: int) -> GuildInfo:
    """Remove a server's documents (each with everything derived from it), feeds and digest settings;
    what was removed. The shared documents stay."""
    found = [g for g in await known_guilds(store) if g.guild_id == guild_id]
    info = found[0] if found else GuildInfo(guild_id)
    for doc_id in await guild_document_ids(store, guild_id):
        await store.remove_document(doc_id)
    await remove_guild_settings(store, guild_id)
    return info


async def reconcile(
    store: Store, present: Iterable[int], at: str, *, ours: Callable[[int], bool] = lambda _guild_id: True
) -> tuple[list[int], list[int]]:
    """On connecting, the servers Discord says the bot is in (`present`) against those the store holds data
    of: each server of this process's (`ours`: its shards') that is no longer there was removed while the
    bot was offline, and is marked removed at `at` (its data stays); each marked removed that is there again
    is marked back. (the servers marked removed now, those marked back), by id."""
    here = set(present)
    gone, back = [], []
    for info in await known_guilds(store):
        if not ours(info.guild_id):
            continue
        if info.guild_id not in here and info.left_at is None:
            await mark_left(store, info.guild_id, at)
            gone.append(info.guild_id)
        elif info.guild_id in here and info.left_at is not None:
            await mark_joined(store, info.guild_id)
            back.append(info.guild_id)
    return gone, back
