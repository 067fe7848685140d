"""One source as every answer cites it: the passage's own cited URL and outlet, else its document's.

`SOURCE_COLUMNS` selects what `source_ref` reads by name, from a query that joins the passage as `p` and
its document as `d`; `cited_source` is the same rule for rows already read (quote candidates, clauses).
"""

from __future__ import annotations

from typing import Any

from bot.models import SourceRef

SOURCE_COLUMNS = (
    "p.url AS src_passage_url, p.outlet AS src_passage_outlet, d.id AS src_document_id, d.name AS src_document,"
    " d.title AS src_title, d.url AS src_document_url, d.outlet AS src_document_outlet"
)


def cited_source(
    *,
    document: str,
    document_id: int,
    title: str | None,
    passage_url: str | None,
    passage_outlet: str | None,
    document_url: str | None,
    document_outlet: str | None,
    date: str | None = None,
) -> SourceRef:
    return SourceRef(
        document=document,
        url=passage_url or document_url,
        outlet=passage_outlet or document_outlet,
        document_id=document_id,
        title=title,
        date=date,
    )


def source_ref(row: Any, date: str | None = None) -> SourceRef:
    """The source of a row that selected `SOURCE_COLUMNS`."""
    return cited_source(
        document=row["src_document"],
        document_id=row["src_document_id"],
        title=row["src_title"],
        passage_url=row["src_passage_url"],
        passage_outlet=row["src_passage_outlet"],
        document_url=row["src_document_url"],
        document_outlet=row["src_document_outlet"],
        date=date,
    )
