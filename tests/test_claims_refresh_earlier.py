"""A document's claims read again because a later actor is named (`claims_refresh._rebuild`, after every bulk run)
take the readings its stored record made of the same texts (`readings_of(..., earlier=...)`): a reading is a
function of its text alone, so the record rebuilt is byte for byte the one computed afresh."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.affiliation import affiliations
from bot.extract.claim_records import dump_claims, extractor_version, load_readings
from bot.extract.known_forms import digest
from bot.extract.stance import extract_claims
from bot.extract.text_readings import reading_texts, readings_of
from bot.ingest import claims_refresh
from bot.models import ParsedPassage
from bot.store.about import DocPassage
from bot.store.claims import StoredClaims

TITLE = "港湾再開発の計画、市議会で論戦"
LINES = [
    "市議会は１０日、港湾地区の再開発計画を審議した。",
    "山野井学代表は「住民の負担が増えるなら、この計画には反対だ」と述べ、市の説明を批判した。",
    "石破首相は記者団に「地域の活性化につながる計画だ」と述べ、市の取り組みを評価した。",
    "山野井代表は、説明会が開かれない限り署名活動を続ける考えを示した。",
    "Trump said the port deal was a big win, and Yamanoi said his group opposed it unless residents were consulted.",
    "ﾎﾟｰﾄ・ﾌﾟﾗｻﾞ（仮称）の着工は来春の予定だ。",
]


def _passages() -> list[ParsedPassage]:
    return [ParsedPassage(t, None, None, "2026-03-10", None, None, "prose") for t in LINES]


def _later(actors: ActorIndex) -> ActorIndex:
    """The index plus a person it learned after the document was read (an id above every other)."""
    new = ActorEntry(max(actors.actors) + 1, "山野井学", "Manabu Yamanoi", "person", ["山野井代表", "Yamanoi"], None)
    return ActorIndex([*actors.actors.values(), new])


def _record(claims: list, passages: list[ParsedPassage], actors: ActorIndex) -> bytes:
    return dump_claims(claims, readings_of(claims, passages, TITLE), affiliations([p.text for p in passages], actors))


def test_earlier_readings_give_the_same_readings(actors) -> None:  # type: ignore[no-untyped-def]
    passages = _passages()
    before = extract_claims(passages, actors)
    later = _later(actors)
    after = extract_claims(passages, later)
    assert before and after
    stored = load_readings(_record(before, passages, actors))  # as the store hands it back: JSON
    fresh = readings_of(after, passages, TITLE)
    assert readings_of(after, passages, TITLE, earlier=stored) == fresh
    assert dump_claims(after, readings_of(after, passages, TITLE, earlier=stored)) == dump_claims(after, fresh)
    # most texts were read before: the earlier readings are what is taken
    clauses, matched = reading_texts(after, passages, TITLE)
    assert stored is not None
    assert sum(digest(t) in stored["f"] for t in [*clauses, *matched]) >= len(clauses) + len(matched) // 2


def test_an_entry_too_short_for_a_clause_is_computed(actors) -> None:  # type: ignore[no-untyped-def]
    """A text only matched against was stored with two fields: as a clause now it needs four, so it is read."""
    passages = _passages()
    claims = extract_claims(passages, actors)
    fresh = readings_of(claims, passages, TITLE)
    short = {"f": {k: v[:2] for k, v in fresh["f"].items()}, "c": {}}
    assert readings_of(claims, passages, TITLE, earlier=short) == fresh
    assert readings_of(claims, passages, TITLE, earlier={}) == fresh
    # an entry under another text's digest is never read: only the document's texts are in the readings
    stray = {"f": {digest("どこにもない文"): [None, "x", None, [0, 1]]}, "c": {}}
    assert readings_of(claims, passages, TITLE, earlier=stray) == fresh


@pytest.mark.parametrize("same_version", [True, False])
def test_rebuild_writes_the_record_extraction_gives(actors, monkeypatch, same_version: bool) -> None:  # type: ignore[no-untyped-def]
    """The rebuilt row with the earlier readings taken is the one computed without them, byte for byte; a record of
    another extractor version lends nothing (its readings may be another function's)."""
    passages = _passages()
    known = max(actors.actors)
    version = extractor_version()
    row = StoredClaims(
        version if same_version else "an-older-version",
        known,
        frozenset(),
        {},
        _record(extract_claims(passages, actors), passages, actors),
    )
    docs = {
        7: [
            DocPassage(i, i, p.kind, p.text, p.url, p.outlet, p.date, p.heading, p.default_speaker)
            for i, p in enumerate(passages)
        ]
    }
    later = _later(actors)
    taken = claims_refresh._rebuild(later, {7: row}, docs, version, known + 1, {7: TITLE})
    lent: list[bool] = []
    real = claims_refresh.load_readings

    def counted(data: bytes):  # type: ignore[no-untyped-def]
        lent.append(True)
        return real(data)

    monkeypatch.setattr(claims_refresh, "load_readings", lambda data: None)
    computed = claims_refresh._rebuild(later, {7: row}, docs, version, known + 1, {7: TITLE})
    monkeypatch.setattr(claims_refresh, "load_readings", counted)
    again = claims_refresh._rebuild(later, {7: row}, docs, version, known + 1, {7: TITLE})
    assert taken[0][3] is True  # read again: the later person is named
    assert taken[0][1] == computed[0][1] == again[0][1]
    assert bool(lent) == same_version


@pytest.mark.parametrize(
    "text",
    [
        "\u1100\u1161\u1102\u1161\u1103\u1161 said the plan would fail.",  # a name NFKC composes: in its probe only
        "The ﬁnance group said the plan would fail.",  # a ligature NFKC splits: in the characters' probe only
        "山野井学代表は「反対だ」と述べた。",  # NFKC-normalized: one probe
        "ＮＡＴＯは会見した。",  # no later name in either
    ],
)
def test_fresh_claims_reads_the_probes_one_at_a_time(actors, text: str) -> None:  # type: ignore[no-untyped-def]
    """`fresh_claims` makes the whole text's NFKC only when the characters' reading holds no later name: the same
    answer as with both readings made (`test_claims_fresh43.plain_fresh`)."""
    from bot.extract.claim_records import fresh_claims
    from tests.test_claims_fresh43 import plain_fresh

    known = max(actors.actors)
    later = ActorIndex(
        [
            *actors.actors.values(),
            ActorEntry(known + 1, "가나다", None, "person", [], None),
            ActorEntry(known + 2, "fnance", None, "organization", [], None),
            ActorEntry(known + 3, "山野井学", None, "person", [], None),
        ]
    )
    passages = [ParsedPassage(text)]
    version = extractor_version()
    assert fresh_claims(version, known, frozenset(), later, passages) == plain_fresh(
        version, known, frozenset(), later, passages
    )
