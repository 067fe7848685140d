"""bench.bulk.renumbered: a recorded bench article renumbered is what extracting its renumbered text gives."""

from __future__ import annotations

from bench import corpus
from bench.bulk import renumbered
from bot.extract.document import extract_document
from bot.ingest.pipeline import parse_text
from bot.store.store import BatchItem, term_counts


def _item(name: str, text: str, actors) -> BatchItem:
    parsed, digest = parse_text(text, name, "file")
    ex = extract_document(parsed, actors, digest)
    return BatchItem(parsed, ex, terms=term_counts(ex.tokens))


def test_a_renumbered_copy_is_the_extraction_of_its_renumbered_text(actors) -> None:
    articles = list(corpus.generate(2))
    (name, text), (b_name, b_text) = articles  # article 0 is format A (numbered headline), 1 format B
    original = _item(name, text, actors)
    copy = renumbered(original, 54321)
    assert copy is not None
    expected = _item("syn_054321.txt", text.replace("No.000000", "No.054321").replace("/000000", "/054321"), actors)
    assert copy.parsed == expected.parsed
    assert copy.ex == expected.ex
    assert copy.terms == expected.terms
    assert copy.ex.content_hash != original.ex.content_hash  # a distinct document, not a duplicate
    assert "054321" in copy.terms and "000000" not in copy.terms
    assert original.parsed.name == "syn_000000.txt"  # the recorded item is left as it was
    # Format B holds its number in the title only: a copy's text would be the original's.
    assert renumbered(_item(b_name, b_text, actors), 54322) is None
