"""The Discord servers the store holds data of, for the bot's operator (the command line)."""

from __future__ import annotations

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

__all__ = ["GuildInfo", "known_guilds", "left_at", "mark_joined", "mark_left", "remove_guild"]


async def remove_guild(store: Store, guild_id: int) -> GuildInfo:
    """Remove a server's documents (each with everything derived from it), feeds and digest settings;
    what was removed. The shared documents stay."""
    found = [g for g in await known_guilds(store) if g.guild_id == guild_id]
    info = found[0] if found else GuildInfo(guild_id)
    for doc_id in await guild_document_ids(store, guild_id):
        await store.remove_document(doc_id)
    await remove_guild_settings(store, guild_id)
    return info
