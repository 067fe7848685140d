"""bot.text.guarded: a pattern led by a lookahead of its first characters finds exactly what the plain pattern
finds (spans, groups, group names), and the lookahead is put only where those characters are known."""

from __future__ import annotations

import random
import re

import pytest

from bot.extract import attribution_en, stance, timeofday
from bot.text import guarded

# Shapes the guard must read right: an optional lead (a match may start after it), lookbehinds before the first
# character, an alternation of groups, case-insensitive words (K also matches the Kelvin sign), a lazy repeat.
PATTERNS = [
    r"(?:軍事|武器|兵器)?支援(?:は|を)?(?:停止|再開)",
    r"(?<=[いきし])たい(?![へ])|(?:ほう|方)が(?:いい|良い)",
    r"(?<![A-Za-z])(?P<w>kit|seas|ask)(?:s|ed)?(?![A-Za-z])",
    r"(?i:(?<![A-Za-z])(?:far |much )?too\s+[a-z]{3,})",
    r"(?:^|(?<=[、。\s]))(?P<head>県|市)(?:の?担当者)?(?P<p>は|が)",
    r"(?<![一-龥々])(?P<run>[一-龥々]{1,3}?)(?:氏|首相)(?P<p>は|が)",
    r"(?P<a>x*y)|(?P<b>(?:ab){2,}c)",
    r"(?<!\bMr)(?<!\bU\.S)[.!?][\"”]?\s+(?=[\"A-Z])",
]
ALPHABET = 'いきしたへほう方がい良軍事武器兵器支援はを停止再開県市の担当者、。 林首相氏kKKitsSſaeadxybcMrU.!?"T'


def _found(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...], str | None]]:
    return [(m.span(), m.groups(), m.lastgroup) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_guarded_finds_what_the_plain_pattern_finds(pattern: str, flags: int) -> None:
    plain, fast = re.compile(pattern, flags), guarded(pattern, flags)
    assert fast.pattern.startswith("(?=")  # every shape above has known first characters
    assert fast.groupindex == plain.groupindex
    rng = random.Random(19)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    texts += [
        "林首相は軍事支援を停止",
        "支援は再開した",
        "行きたい",
        "It was much too KiNd. Mr. Tan left. U.S. A",
        "県の担当者は",
    ]
    texts += ["FAR TOO late", "Too early", "\u212aits ASKED"]  # case-insensitive groups: their first letters too
    for text in texts:
        assert _found(fast, text) == _found(plain, text), text
        for at in (1, 5):  # a search from inside the text: lookbehinds see what is before it
            assert (m.span() if (m := fast.search(text, at)) else None) == (
                m.span() if (m := plain.search(text, at)) else None
            )


@pytest.mark.parametrize(
    "pattern",
    [
        r"x*",  # may match the empty string: it starts anywhere
        r"(?:a|)b?",
        r".ab",  # any character
        r"[^a]b",  # a negated class
        r"\w+",
        r"(?i)abc|(?<!x)d",  # global flags must stay first
        r"(a)\1",
        "支援|停止",  # the engine's own scan of literals is faster than any lookahead
        "[あ-ん]た",
    ],
)
def test_guarded_leaves_other_patterns_plain(pattern: str) -> None:
    assert guarded(pattern).pattern == pattern


def test_the_hot_patterns_are_guarded() -> None:
    """The patterns the extraction profile found slowest (each tried every alternative at every position)."""
    for rx in (
        stance._POS_SCAN.patterns.whole,  # type: ignore[union-attr]
        stance._TOPICS_SCAN.patterns.whole,  # type: ignore[union-attr]
        stance._POS_SCAN.word_rx,
        stance._COND_RX,
        stance._REF_LOCAL_RX,
        attribution_en._SENT_END_RE,
        timeofday._JA_TIME_RE,
    ):
        assert rx is not None and rx.pattern.startswith("(?=(?:"), rx.pattern[:60]
