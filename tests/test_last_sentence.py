"""`stance_about._last_sentence_start` finds what the pattern it replaces matched (the context's last sentence),
from the end instead of at every position."""

from __future__ import annotations

import random
import re

import pytest

from bot.services.stance_about import _last_sentence_start

_PATTERN = re.compile(r"[^。！？!?\n]*[。！？!?]?\s*$")


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("政府は発表した。ただ", "ただ"),
        ("政府は発表した。首相は評価した。", "首相は評価した。"),
        ("本当か！？", "？"),
        ("見出し\n本文の一文。 \n", "本文の一文。 \n"),
        ("", ""),
        ("。", "。"),
        ("He said so! Then he left?  ", " Then he left?  "),  # "." ends no sentence here: the pattern did not
    ],
)
def test_the_last_sentence(text: str, last: str) -> None:
    assert text[_last_sentence_start(text) :] == last


def test_it_agrees_with_the_pattern_on_any_text() -> None:
    rng = random.Random(16)
    alphabet = "あい。！？!? \n\u3000x"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _last_sentence_start(text) == _PATTERN.search(text).start(), repr(text)
