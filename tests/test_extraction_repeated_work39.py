"""The thirty-ninth round's cuts of extraction CPU (issue 19, bulk39) answer as the plain way did: a context's
sentences in `attribution_ja._sentences` (a one-line context's spans as they are, the others shifted in one list
comprehension), a passage's conditions in `stance._cond_hits` with no exclusion to test each against, and the cue
scanner's literal matches (`stance._Scanner.scan`). Each against the way it replaced, on tuned stories' passages,
their item contexts and random text."""

from __future__ import annotations

import random
import re

from bot.extract import stance
from bot.extract.attribution_ja import _sentences
from bot.extract.quotemarks import mask_quotes
from bot.extract.stance import (
    _COND_EXCLUDE_RX,
    _COND_RX,
    _EN_COND_RX,
    _LATIN_WORD_RX,
    _NEED_RX,
    _POS_SCAN,
    _TOPICS_SCAN,
    _cond_hits,
    _probe,
)
from bot.text import split_sentences
from tests.test_extraction_repeated_work import _documents

# sentence ends, quotes, line breaks (empty lines too), conditions and cue words in both languages
_TRICKY = [
    "。",
    "「",
    "」",
    "\n",
    "\n\n",
    "！",
    "？",
    " ",
    "場合",
    "なら",
    "if ",
    "unless ",
    "反対",
    "支持",
    "oppose ",
    "あ",
    "A",
]


def _random_texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_TRICKY) for _ in range(rnd.randint(0, 25))) for _ in range(n)]


def _texts() -> list[str]:
    documents = _documents()
    passages = [t for doc in documents for t in doc]
    windows = ["\n".join(doc[max(0, k - 4) : k + 2]) for doc in documents for k in range(len(doc))]
    texts = passages + windows + ["\n".join(doc) for doc in documents] + _random_texts(39, 3000)
    assert len(texts) > 4000
    return texts


def _sentences_before(masked: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    at = 0
    for line in masked.split("\n"):
        out.extend((at + a, at + b) for a, b in split_sentences(line))
        at += len(line) + 1
    return out


def _cond_hits_before(probe: str) -> list[int]:
    bad = [(m.start(), m.end()) for m in _COND_EXCLUDE_RX.finditer(probe)]
    if _NEED_RX is not None:
        bad += [(m.start(), m.end()) for m in _NEED_RX.finditer(probe)]
    found = [m.start() for m in _COND_RX.finditer(probe) if not any(s <= m.start() < e for s, e in bad)]
    if _LATIN_WORD_RX.search(probe):
        found += [m.start() for m in _EN_COND_RX.finditer(probe) if not any(s <= m.start() < e for s, e in bad)]
    return found


def _scan_before(scanner: stance._Scanner, text: str) -> list[tuple[int, int, object]]:
    out: list[tuple[int, int, object]] = []
    if scanner.literal_rx is not None:
        out += [(m.start(), m.end(), scanner.literal[m.group(0)]) for m in scanner.literal_rx.finditer(text)]
    if scanner.patterns is not None:
        out += [(s, e, scanner.tags[k]) for s, e, k in scanner.patterns.finditer(text)]
    if scanner.word_rx is not None and _LATIN_WORD_RX.search(text):
        out += [
            (m.start(), m.end(), scanner.word[re.sub(r"\s+", " ", m.group("w").lower())])
            for m in scanner.word_rx.finditer(text)
        ]
    if len(out) > 1:
        out.sort(key=lambda x: (x[0], -x[1]))
    return out


def test_a_contexts_sentences_are_the_lines_sentences_shifted_as_before() -> None:
    for text in _texts():
        masked = mask_quotes(text)
        got = _sentences(masked)
        assert got == _sentences_before(masked), text
        assert type(got) is list and got is not _sentences(masked)  # a list of its own for each reading
    assert _sentences("a。b\n\nc。") == [(0, 2), (2, 3), (5, 7)]


def test_conditions_and_cues_are_found_as_before() -> None:
    conds = cues = 0
    for text in _texts():
        probe = _probe(text)
        found = _cond_hits(probe)
        assert found == _cond_hits_before(probe), probe
        conds += len(found)
        for scanner in (_TOPICS_SCAN, _POS_SCAN):
            hits = scanner.scan(probe)
            assert hits == _scan_before(scanner, probe), probe
            cues += len(hits)
    assert conds > 100 and cues > 1000  # the texts hold many of each, so a wrong answer would show
