"""The forty-fifth round's cuts of extraction CPU (issue 19, fast45) answer as the plain way did: a probe's cues and
conditions and a text's stored forms remembered for the process (`stance.remembered_cues`, `remembered_conds`,
`text_readings`' forms), a vote's tally looked for only where one may be (`stance._in_vote_tally`), and a cue's
contest noun only for "against". Each against the way it replaced, on tuned stories' passages, their windows and
random text; the remembered readings handed to each document as lists of its own."""

from __future__ import annotations

import random

from bot.extract import about, stance, text_readings
from bot.extract.stance import _CONTEST_RX, _VOTE_TALLY_RX, _cond_hits, _in_vote_tally, _pos_hits, _probe
from bot.text import normalize_with_runs
from tests.test_extraction_repeated_work import _documents

_PIECES = [
    "賛成",
    "反対",
    "多数",
    "少数",
    "全会",
    "満場",
    "一致",
    "数",
    "で",
    "。",
    "求める",
    "支持",
    "against ",
    "war ",
]


def _texts() -> list[str]:
    documents = _documents()
    passages = [t for doc in documents for t in doc]
    windows = ["\n".join(doc[max(0, k - 4) : k + 2]) for doc in documents for k in range(0, len(doc), 6)]
    rnd = random.Random(45)
    randoms = ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 12))) for _ in range(1500)]
    return passages + windows + randoms


def _tally_before(probe: str, s: int, e: int) -> bool:
    return any(m.start() <= s and e <= m.end() for m in _VOTE_TALLY_RX.finditer(probe, max(0, s - 2), e + 2))


def test_a_vote_tally_is_found_as_the_search_found_it() -> None:
    checked = found = 0
    texts = _texts()
    # the texts that hold a tally's part, and a sample of the rest (every cue span of each: a few million asks)
    near = [t for t in texts if any(w in t for w in ("数", "一致", "賛成", "反対"))]
    for text in near + random.Random(19).sample(texts, 300):
        probe = _probe(text)
        for s in range(len(probe)):
            for e in range(s, min(len(probe), s + 7) + 1):
                got = _in_vote_tally(probe, s, e)
                assert got == _tally_before(probe, s, e), (probe, s, e)
                checked += 1
                found += got
    assert found > 100 and checked > 100_000
    assert _in_vote_tally("決議を賛成多数で採択", 4, 6) and not _in_vote_tally("決議を賛成した", 3, 5)


def test_against_after_a_contest_noun_is_what_it_was() -> None:
    # the noun's search is asked only for "against" now: the same answer for every cue
    for probe, s, e, before in [
        ("the war against Hamas", 8, 15, True),
        ("they are against the plan", 9, 16, False),
        ("the war supports it", 8, 16, True),
    ]:
        old = bool(_CONTEST_RX.search(probe, max(0, s - 24), s)) and probe[s:e].lower() == "against"
        new = probe[s:e].lower() == "against" and bool(_CONTEST_RX.search(probe, max(0, s - 24), s))
        assert old == new
        assert bool(_CONTEST_RX.search(probe, max(0, s - 24), s)) == before


def test_remembered_cues_and_conditions_are_the_scans() -> None:
    stance.remembered_cues.cache_clear()
    stance.remembered_conds.cache_clear()
    cues = conds = 0
    for text in _texts():
        probe = _probe(text)
        for _ in range(2):  # computed, then remembered
            assert stance.remembered_cues(probe) == tuple((h.start, h.end, h.kind, h.pol) for h in _pos_hits(probe))
            assert list(stance.remembered_conds(probe)) == _cond_hits(probe)
        cues += len(stance.remembered_cues(probe))
        conds += len(stance.remembered_conds(probe))
    assert cues > 1000 and conds > 50  # the texts hold many of each, so a wrong answer would show


def test_each_document_is_handed_lists_of_its_own() -> None:
    probe = _probe("政府は停戦案を支持すると表明し、制裁の解除には反対した。合意すれば支援を続ける。")
    first: dict = {}
    second: dict = {}
    a, b = stance.probe_cues(probe, first), stance.probe_cues(probe, second)
    assert a == b and a and a is not b and all(x is not y for x, y in zip(a, b, strict=True))
    assert a == [[h.start, h.end, h.kind, h.pol] for h in _pos_hits(probe)]
    c, d = stance.probe_conds(probe, first), stance.probe_conds(probe, second)
    assert c == d == _cond_hits(probe) and c is not d
    a[0][3] = 99  # a document's list changed: the next document's reading is the scan's still
    assert stance.probe_cues(probe, {}) == [[h.start, h.end, h.kind, h.pol] for h in _pos_hits(probe)]


def _plain_clause(text: str) -> list:
    low, quick = about._computed_probes(text, None)
    norm, runs = normalize_with_runs(text)
    return [None if low == text.lower() else low, quick, None if norm == quick else norm, runs]


def _plain_matched(text: str) -> list:
    low, quick = about._computed_probes(text, None)
    return [None if low == text.lower() else low, quick]


def test_remembered_forms_are_the_forms_computed() -> None:
    text_readings.clear_memos()
    texts = _texts()
    for _ in range(2):  # computed, then remembered
        lines: dict[str, tuple[str, str]] = {}
        for text in texts:
            clause = text_readings._clause_forms(text, lines)
            assert clause == _plain_clause(text), text
            assert text_readings._matched_forms(text, lines) == _plain_matched(text), text
    clause = text_readings._clause_forms(texts[0], {})
    clause[3].append(-1)  # one document's list changed: the next is handed the forms as computed
    assert text_readings._clause_forms(texts[0], {}) == _plain_clause(texts[0])


def test_a_full_memo_starts_again() -> None:
    text_readings.clear_memos()
    for k in range(text_readings.FORMS_MEMO_MAX + 5):
        text_readings._matched_forms(f"テキスト{k}", {})
    assert len(text_readings._MATCHED_FORMS) <= text_readings.FORMS_MEMO_MAX
    assert text_readings._matched_forms("テキスト1", {}) == _plain_matched("テキスト1")
