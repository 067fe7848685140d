"""/sources and /source add|remove: the documents in the store."""

from __future__ import annotations

from bot.models import DocumentInfo
from bot.store import Store


async def list_sources(store: Store) -> list[DocumentInfo]:
    return await store.list_documents()


async def get_source(store: Store, doc_id: int) -> DocumentInfo | None:
    docs = await store.list_documents(doc_id=doc_id)
    return docs[0] if docs else None


async def remove_source(store: Store, doc_id: int) -> bool:
    """Remove a document and everything derived from it; False when there is no such document."""
    return await store.remove_document(doc_id)


async def search_sources(store: Store, text: str, limit: int = 25) -> list[DocumentInfo]:
    """Documents whose title, name or outlet contains text (for autocomplete), newest first."""
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = await store.fetchall(
        "SELECT id FROM documents WHERE title LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR outlet LIKE ? ESCAPE '\\'"
        " ORDER BY id DESC LIMIT ?",
        (like, like, like, limit),
    )
    out = []
    for (doc_id,) in rows:
        out.extend(await store.list_documents(doc_id=doc_id))
    return out
