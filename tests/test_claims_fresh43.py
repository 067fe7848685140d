"""Whether stored claims are fresh, read with one NFKC probe where the text is NFKC-normalized (round 43).

`claim_records.fresh_claims` looks for the names of actors added after a document's claims in the text as the
mentions read it: its whole NFKC and each character's NFKC's first character. The second reading was a Python loop
over every character (~0.5 ms a document, paid for each document a `/stance --about` question reads first).
`mention_probes` gives the text alone when NFKC leaves it as it is, and reads the characters through a table
otherwise. These tests hold it to the plain reading (kept here), and `fresh_claims` to the plain function.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from bot.actors import ActorEntry, ActorIndex, load_registry_file, running_forms
from bot.extract.claim_records import extractor_version, fresh_claims, mention_probes
from bot.models import ParsedPassage

STORIES = Path(__file__).resolve().parent.parent / "eval" / "stories"


def plain_probes(raw: str) -> tuple[str, str]:
    """The two readings as `fresh_claims` made them before."""
    return unicodedata.normalize("NFKC", raw), "".join(unicodedata.normalize("NFKC", ch)[:1] or ch for ch in raw)


def plain_fresh(
    version: str, actors_known: int, own: frozenset[int], actors: ActorIndex, passages: list, own_generation: int = 0
) -> bool:
    """`fresh_claims` made plainly: both readings made for every text, every name the registry learned after the
    claims (a later actor's, an alias learned later) probed, but the document's own."""
    if version != extractor_version():
        return False
    raw = "\n".join(t for p in passages for t in (p.text, p.heading, p.default_speaker) if t)
    later = {
        form
        for a in actors.actors.values()
        for name in (a.name, *(a.aliases or []), a.name_en)
        if name
        and (learned := a.learned.get(name, a.since)) > actors_known
        and learned != own_generation
        and not (a.id in own and learned == a.since)
        for form in running_forms(name)
    }
    if not any(s in probe for probe in plain_probes(raw) for s in later):
        return True
    texts = {t for p in passages for t in (p.text, p.heading, p.default_speaker) if t}
    return not any(set(plain_probes(text[m.start : m.end])) & later for text in texts for m in actors.mentions(text))


def _story_texts() -> list[str]:
    files = sorted(STORIES.glob("*/*.txt"))
    return [f.read_text(encoding="utf-8") for f in files[::23]]


OWN_SENTENCES = [
    "首相は「増税はしない」と述べた。",
    "２０２５年３月１日、ＮＡＴＯのﾙｯﾃ事務総長は会見した。",  # full-width digits and letters, half-width katakana
    "Mazón said the plan was \u0301odd",  # a combining mark after a space
    "\u1100\u1161 and \u1100\u1161\u11a8 are hangul jamo",  # composed by NFKC as a whole, not character by character
    "㍻の㈱と①、ﬁnance and 𝐀",  # compatibility characters of one code point that NFKC turns into several
    "plain ASCII text",
    "",
]


@pytest.mark.parametrize("raw", OWN_SENTENCES)
def test_probes_are_the_plain_readings_on_our_sentences(raw: str) -> None:
    assert set(mention_probes(raw)) == set(plain_probes(raw))


def test_probes_are_the_plain_readings_on_story_texts() -> None:
    texts = _story_texts()
    assert len(texts) > 20
    for raw in texts:
        assert set(mention_probes(raw)) == set(plain_probes(raw))
    # and the table read by every text: each character's reading as computed, whichever text asked first
    for raw in reversed(texts):
        assert mention_probes(raw)[-1] == plain_probes(raw)[-1] or unicodedata.is_normalized("NFKC", raw)


def test_no_character_nfkc_changes_stands_in_a_normalized_text() -> None:
    """Why one probe is enough: a character whose own NFKC's first character differs from it never stands in an
    NFKC-normalized text, whatever stands around it (composition only joins what decomposition gave)."""
    contexts = ["", "a", "ア", "\u1100", "e", "\u0915", "\u0f71", " ", "\u3099"]
    changed = 0
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if (unicodedata.normalize("NFKC", ch)[:1] or ch) == ch:
            continue
        changed += 1
        for c in contexts:
            assert not unicodedata.is_normalized("NFKC", c + ch + c), hex(code)
    assert changed > 4000


def test_fresh_claims_is_the_plain_check() -> None:
    """Over story texts, with the registry's actors and a dozen added after the claims (some named in the texts,
    some not), every known-actors cut gives what the plain check gives."""
    registry = load_registry_file()
    entries = [
        ActorEntry(i, a["name"], a.get("name_en"), a.get("kind", "person"), list(a.get("aliases", [])), None)
        for i, a in enumerate(registry, 1)
    ]
    actors = ActorIndex(entries)
    texts = _story_texts()
    version = extractor_version()
    answers = set()
    for known in (len(entries), len(entries) - 5, len(entries) - 40, len(entries) // 2):
        for own in (frozenset(), frozenset(range(known + 1, known + 4))):
            for raw in texts:
                passages = [ParsedPassage(p) for p in raw.split("\n") if p.strip()]
                got = fresh_claims(version, known, own, actors, passages)
                assert got == plain_fresh(version, known, own, actors, passages)
                answers.add(got)
    assert answers == {True, False}  # both answers met
    assert not fresh_claims("another", len(entries), frozenset(), actors, [ParsedPassage("x")])
