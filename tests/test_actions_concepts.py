"""A predicate's concepts are those of the longest lexicon stem it starts with (`actions._concepts`, a lookup
per length), the same as scanning every stem longest first."""

from __future__ import annotations

from bot.extract import actions
from bot.text import normalize


def _longest_first_scan(predicate: str) -> frozenset[str]:
    form = normalize(predicate)
    return next((concepts for stem, concepts in actions._stems() if form.startswith(stem)), frozenset())


def test_concepts_are_the_longest_stems():
    stems = [w for w, _ in actions._stems()]
    predicates = stems + [w + "した" for w in stems] + [w[:-1] for w in stems] + ["会談を行った", "x", ""]
    assert sum(bool(_longest_first_scan(p)) for p in predicates) > len(stems)
    for p in predicates:
        assert actions._concepts(p) == _longest_first_scan(p), p
    longer = [b for a in stems for b in stems if a != b and b.startswith(a)][:1]
    assert longer, "the lexicon has a stem that begins another"
    assert actions._concepts(longer[0] + "した") == dict(actions._stems())[longer[0]]
