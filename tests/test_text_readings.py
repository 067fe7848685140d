"""What a document's texts read as whatever the target (`bot/extract/text_readings.py`): computed at ingest,
stored with the claims, handed to the readers when the claims are loaded; a first `/stance --about` question
then neither normalizes nor scans them again, and answers as one that computed them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.extract import about, known_forms, stance
from bot.extract.claim_records import dump_claims, load_claims, load_readings
from bot.extract.known_forms import digest
from bot.extract.stance import extract_claims
from bot.extract.text_readings import reading_texts, readings_of
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services import stance_about as about_service
from bot.services.stance_about import stance_about
from bot.store.backend import open_backend
from bot.text import normalize_with_map, offset_runs

ARTICLE = """\
---
title: 日米の関税合意
published: 2025-07-23
---
日米両政府は２２日、関税をめぐる交渉で合意した。
石破首相は記者団に「国益を守り抜いた合意だ」と述べ、ＵＳＴＲとの協議を評価した。
これに対し立憲民主党の野田代表は「合意の中身が不透明で、容認できない」と批判した。
野田氏は、説明がなければ国会で追及する考えを示した。
Trump said the deal was "a massive" win, and Ishiba said Japan would not accept higher tariffs unless talks failed.
ヴァイオリン・キット（ｶﾞｲﾄﾞ付き）の輸入も対象になる。
"""


def _cold() -> None:
    about_service._CLAIMS.clear()
    known_forms.clear()
    about._probes.cache_clear()
    about._mapped.cache_clear()


def _passages(actors) -> tuple[list[ParsedPassage], list]:  # type: ignore[no-untyped-def]
    lines = ARTICLE.split("---\n", 2)[2].strip().splitlines()
    passages = [ParsedPassage(t, None, None, "2025-07-23", None, None, "prose") for t in lines]
    return passages, extract_claims(passages, actors)


@pytest.mark.parametrize(
    "text",
    ["", "日米の関税合意", "ＵＳＴＲ　２２日", "ｶﾞｲﾄﾞ付き", "ヴァイオリン・キット", "e\u0301té", "Trump's deal—a “win”"],
)
def test_a_character_map_is_stored_as_runs(text: str) -> None:
    """Consecutive source offsets as (start, length) runs, a character that maps to two (or a pair folded
    across a dropped mark) included: read back as normalize_with_map gives it."""
    norm, index = normalize_with_map(text)
    known_forms.clear()
    known_forms.remember({"f": {digest(text): [None, norm, None, offset_runs(index)]}})
    try:
        assert about._stored_map(text) == (norm, index)
    finally:
        known_forms.clear()


def test_stored_readings_are_what_the_readers_compute(actors) -> None:  # type: ignore[no-untyped-def]
    passages, claims = _passages(actors)
    assert claims
    record = dump_claims(claims, readings_of(claims, passages, "日米の関税合意"))
    assert load_claims(record) == claims
    _cold()
    known_forms.remember(load_readings(record))
    clauses, matched = reading_texts(claims, passages, "日米の関税合意")
    # full-width digits and letters, half-width kana, a katakana pair across a dropped mark, English: each read
    # from the store exactly as computed
    for text in clauses:
        assert about._stored_probes(text) == about._computed_probes(text)
        assert about._stored_map(text) == normalize_with_map(text)
        probe = stance._probe(text)
        assert known_forms.stored_cues(probe) is not None
        assert stance.passage_cues(probe) == stance._pos_hits(probe)
        assert stance.passage_conds(probe) == stance._cond_hits(probe)
    assert any(stance._pos_hits(stance._probe(t)) for t in clauses)  # the cues are there to be read
    for text in matched:
        assert about._stored_probes(text) == about._computed_probes(text)
    known_forms.clear()


def test_a_text_built_otherwise_is_not_found(actors) -> None:  # type: ignore[no-untyped-def]
    """A reading is found by its text's digest only: a context read with another headline is computed."""
    passages, claims = _passages(actors)
    _cold()
    known_forms.remember(readings_of(claims, passages, "日米の関税合意"))
    assert about._stored_probes(claims[0].before + "\n" + "日米の関税合意") is not None
    assert about._stored_probes(claims[0].before + "\n" + "別の見出し") is None
    known_forms.clear()


def test_a_record_without_readings_still_loads(actors) -> None:  # type: ignore[no-untyped-def]
    """A record written before the readings (a JSON array of claims): its claims, no readings."""
    _, claims = _passages(actors)
    record = dump_claims(claims)
    assert load_claims(record) == claims
    assert load_readings(record) is None


async def test_a_first_question_reads_the_stored_readings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored path scans no clause's passage for cues nor maps it again, and answers as computing them does."""
    store = await open_backend(str(tmp_path / "r.db"))
    try:
        await ingest_text(store, ARTICLE, name="deal.md")
        _cold()
        with monkeypatch.context() as m:  # the readings hidden: computed at query time
            m.setattr(about_service, "load_readings", lambda records: None)
            computed = await stance_about(store, "野田", "関税合意")
        assert computed.statements

        _cold()
        scanned: list[str] = []
        real_scan, real_map = stance._pos_hits, about.normalize_with_map
        monkeypatch.setattr(stance, "_pos_hits", lambda probe: scanned.append(probe) or real_scan(probe))
        monkeypatch.setattr(about, "normalize_with_map", lambda text: scanned.append(text) or real_map(text))
        stored = await stance_about(store, "野田", "関税合意")
        assert scanned == []
        assert stored == computed
        known_forms.clear()
    finally:
        await store.close()
