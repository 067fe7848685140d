"""/sources and /source add|remove: the documents in the store."""

from __future__ import annotations

import asyncio
from pathlib import PurePath

from bot.extract.dates import parse_date_arg
from bot.ingest.archive import BadArchive, ingest_archive
from bot.ingest.bulk import BulkError, BulkProgress, ProgressHook
from bot.ingest.feeds import looks_like_feed
from bot.ingest.fetch import FetchError, FetchRequest
from bot.ingest.fetcher import PUBLIC_ONLY, Fetcher
from bot.ingest.netguard import BlockedURL
from bot.ingest.parse import FrontMatter
from bot.ingest.pipeline import NotText, decode_file, ingest_text
from bot.ingest.untrusted import extract_page, extract_upload
from bot.ingest.webpage import UPLOAD_TYPES, ExtractedArticle
from bot.models import DocumentInfo, IngestResult
from bot.rows import Provenance
from bot.services.errors import QueryError, UserError
from bot.store import Store
from bot.store.documents import documents_matching
from bot.store.tenancy import SHARED, document_guild
from bot.urls import canonical_url


class ArchiveFailed(Exception):
    """A zip upload that could not be taken: `key` names why (`ingest.archive_bad`: not a readable archive
    within the limits; `ingest.archive_broken`: the bulk run broke off)."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


class SharedSource(QueryError):
    """A server asked to remove a shared document (a seed, or added from the command line)."""

    def __init__(self, doc_id: int):
        super().__init__("source.shared", id=doc_id)
        self.doc_id = doc_id

    def __reduce__(self) -> tuple:  # its one argument is the id, not the code
        return (SharedSource, (self.doc_id,))


async def list_sources(store: Store, guild_id: int | None = None) -> list[DocumentInfo]:
    """The documents (with `guild_id`: that server's and the shared ones)."""
    return await store.list_documents(guild_id=guild_id)


async def get_source(store: Store, doc_id: int, guild_id: int | None = None) -> DocumentInfo | None:
    """One document in detail; None when there is none, or (with `guild_id`) when another server's."""
    docs = await store.list_documents(doc_id=doc_id, guild_id=guild_id)
    return docs[0] if docs else None


async def remove_source(store: Store, doc_id: int, guild_id: int | None = None) -> bool:
    """Remove a document and everything derived from it; False when there is no such document.

    With `guild_id` (a server's admin), only that server's own documents: another server's is as unknown
    (False), a shared one raises SharedSource."""
    if guild_id is not None:
        owner = await document_guild(store, doc_id)
        if owner is None or owner not in (SHARED, guild_id):
            return False
        if owner == SHARED:
            raise SharedSource(doc_id)
    return await store.remove_document(doc_id)


async def search_sources(
    store: Store, text: str, limit: int = 25, *, guild_id: int | None = None
) -> list[DocumentInfo]:
    """Documents whose title, name or outlet contains text (for autocomplete), newest first; with
    `guild_id`, that server's and the shared ones."""
    docs = await store.list_documents(ids=await documents_matching(store, text, limit, guild_id))
    return sorted(docs, key=lambda d: -d.id)


# --- adding sources ------------------------------------------------------------------------------

MAX_UPLOAD_BYTES = 5_000_000
IS_A_FEED = str(UserError("url.is_feed_follow"))  # front ends name their own command
TEXT_UPLOADS = {".txt", ".md", ".markdown", ".text"}


def _front_matter(title: str | None, url: str | None, published: str | None, **extra: str | None) -> FrontMatter:
    fm = FrontMatter(title=(title or "").strip()[:300] or None, **{k: v for k, v in extra.items() if v})
    if url and url.strip():
        u = url.strip()
        if not u.lower().startswith(("http://", "https://")) or len(u) > 2000:
            raise QueryError("url.scheme")
        fm.url = u
    if published and published.strip():
        try:
            iso, _ = parse_date_arg(published.strip())
        except ValueError:
            raise QueryError("date.bad_published", value=published) from None
        fm.published = iso
    return fm


async def add_text(
    store: Store,
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    provenance: Provenance | None = None,
) -> IngestResult:
    """A pasted article (front matter in the text is honoured; the options fill what it lacks)."""
    body = (text or "").strip()
    if not body:
        raise QueryError("ingest.empty_text")
    fm = _front_matter(title, url, published)
    name = fm.url or f"text:{(fm.title or body.splitlines()[0])[:60]}"
    return await ingest_text(store, body, name=name, origin="text", fm=fm, provenance=provenance)


def upload_kind(filename: str) -> str | None:
    """'archive' for a .zip of articles, 'document' for one article of a type we read, None for any other file."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".zip":
        return "archive"
    return "document" if suffix in UPLOAD_TYPES else None


async def add_archive(
    store: Store,
    data: bytes,
    *,
    provenance: Provenance | None = None,
    on_progress: ProgressHook | None = None,
) -> BulkProgress:
    """The articles of a zip upload, through the bulk path; `on_progress` hears how far it got."""
    try:
        return await ingest_archive(store, data, provenance=provenance, on_progress=on_progress)
    except BadArchive:
        raise ArchiveFailed("ingest.archive_bad") from None
    except BulkError:
        raise ArchiveFailed("ingest.archive_broken") from None


async def add_upload(
    store: Store,
    data: bytes,
    filename: str,
    content_type: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    provenance: Provenance | None = None,
) -> IngestResult:
    """An uploaded file: .txt/.md (front matter honoured), .html, .pdf; at most 5 MB."""
    if len(data) > MAX_UPLOAD_BYTES:
        return IngestResult.refused(filename, UserError("ingest.upload_too_large", mb=f"{len(data) / 1e6:.1f}"))
    fm = _front_matter(title, url, published)
    suffix = PurePath(filename).suffix.lower()
    if suffix in TEXT_UPLOADS:
        try:  # charset detection is CPU work: off the event loop
            text = await asyncio.to_thread(decode_file, data, filename)
        except NotText as e:
            return IngestResult.refused(filename, e)
        return await ingest_text(
            store, text, name=filename, origin="upload", fm=fm, provenance=provenance
        )
    try:
        article = await extract_upload(data, filename, content_type)  # in the parser sandbox
    except FetchError as e:
        return IngestResult.refused(filename, e.error)
    fm = _article_front_matter(article, fm)
    return await ingest_text(
        store, article.text, name=filename, origin="upload", fm=fm, provenance=provenance
    )


def _article_front_matter(article: ExtractedArticle, given: FrontMatter) -> FrontMatter:
    return FrontMatter(
        title=given.title or article.title,
        url=given.url or article.url or None,
        published=given.published or article.published,
        outlet=article.outlet,
        language=article.language,
        author=article.author,
    )


async def add_url(
    store: Store,
    url: str,
    *,
    fetcher: Fetcher = PUBLIC_ONLY,
    title: str | None = None,
    published: str | None = None,
    provenance: Provenance | None = None,
) -> IngestResult:
    """Fetch a web page safely, extract its article, and store it (duplicates by URL or content)."""
    raw = (url or "").strip()
    if not raw:
        raise QueryError("url.empty")
    try:  # fetch() enforces the address rule on every hop; this refuses early and canonicalizes
        checked = fetcher.checked(raw)
    except BlockedURL as e:
        return IngestResult.refused(raw[:200], e.error)
    dup = await store.find_duplicate("", canonical_url(checked), provenance.guild_id if provenance else None)
    if dup is not None:
        return IngestResult.duplicate(raw, dup)
    try:
        page = await fetcher.fetch(FetchRequest(checked))
        if looks_like_feed(page):
            return IngestResult.refused(raw, UserError("url.is_feed_follow"))
        article = await extract_page(page)  # in the parser sandbox
    except FetchError as e:
        return IngestResult.refused(raw, e.error)
    fm = _article_front_matter(article, _front_matter(title, None, published))
    fm.url = canonical_url(fm.url or page.url)
    return await ingest_text(
        store, article.text, name=fm.url, origin="url", fm=fm, provenance=provenance
    )
