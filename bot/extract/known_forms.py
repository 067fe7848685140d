"""What a document's texts read as whatever the target, as stored with its claims (see `text_readings`), handed
here when the claims are loaded and looked up by the readers before they compute: the matching forms of a text
(`about._probes`), its character map (`about._mapped`), and a passage's position cues and conditions
(`stance.passage_cues`, `stance.passage_conds`).

Each reading is kept under a digest of its text (`digest`), so a reader finds it only for the very text it was
computed from; it holds what the same code computes for that text (the extractor version covers this package
and the text normalization: stored claims of another version, and their readings, are not loaded), so a text
found here reads exactly as one computed, and a text not found is computed as before. Nothing is decoded until a
reader asks for it: a document's readings are handed over whole (one dict update), most never read (the clauses
of actors nobody asked about).
"""

from __future__ import annotations

import hashlib
from typing import Any

__all__ = ["clear", "digest", "remember", "stored_cues", "stored_forms"]

MAX_ENTRIES = 40_000  # about 600 documents' readings (~30 MB); past it a table starts again (a cache: nothing lost)

_FORMS: dict[str, list[Any]] = {}
_CUES: dict[str, list[Any]] = {}


def digest(text: str) -> str:
    """The key a text's readings are stored and found under (96 bits: no two texts of a store share one)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def remember(readings: dict[str, dict[str, list[Any]]] | None) -> None:
    """A document's stored readings (`text_readings.readings_of`), for the readers to find."""
    if not readings:
        return
    for table, part in ((_FORMS, readings.get("f")), (_CUES, readings.get("c"))):
        if not part:
            continue
        if len(table) + len(part) > MAX_ENTRIES:
            table.clear()
        table.update(part)


def stored_forms(text: str) -> list[Any] | None:
    """[NFKC lower-cased or None (when it is `text.lower()`), normalize()] of a text, and for a clause's passage
    [normalize_with_map()'s string or None (when it is normalize()'s), its map as runs]; None when not stored."""
    return _FORMS.get(digest(text)) if _FORMS else None


def stored_cues(probe: str) -> list[Any] | None:
    """[position cues as [start, end, kind, polarity], condition offsets] of a passage's probe, or None."""
    return _CUES.get(digest(probe)) if _CUES else None


def clear() -> None:
    _FORMS.clear()
    _CUES.clear()
