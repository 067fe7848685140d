"""The forty-fifth round's cuts of extraction CPU (issue 19, fast45) answer as the plain way did: a vote's tally looked
for only where one may be (`stance._in_vote_tally`), and a cue's contest noun only for "against". Each against the
way it replaced, on tuned stories' passages, their windows and random text."""

from __future__ import annotations

import random

from bot.extract.stance import _CONTEST_RX, _VOTE_TALLY_RX, _in_vote_tally, _probe
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
