"""Finding documents by what a user typed (the /sources autocomplete); the documents themselves are read by
`Store.list_documents`."""

from __future__ import annotations

from bot.store.store import Store
from bot.store.tenancy import visible


async def documents_matching(store: Store, text: str, limit: int, guild_id: int | None) -> list[int]:
    """Ids of the documents whose title, name or outlet contains `text`, newest first; with `guild_id`,
    that server's and the shared ones."""
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    scoped, scope_params = visible("guild_id", guild_id)
    rows = await store.fetchall(
        "SELECT id FROM documents WHERE (title LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'"
        f" OR outlet LIKE ? ESCAPE '\\'){scoped} ORDER BY id DESC LIMIT ?",
        (like, like, like, *scope_params, limit),
    )
    return [r["id"] for r in rows]
