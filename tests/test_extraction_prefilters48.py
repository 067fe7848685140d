"""fast48's cuts of extraction's CPU, each checked against the way it replaced (no timing asserted).

- `text.fold`: a text holding none of the characters a fold begins with is returned as it is; the same string as
  the pair substitution and the eight replaces give, over random texts of those characters and others.
- `event_words.number_terms`: a text with no ASCII digit has no quantity; neither pattern matches such a text.
- `attribution_en._Walk._titled_as`: an ASCII title not holding the role (in any case) is passed over without the
  role's pattern; the same person found as by the pattern over every title.
"""

from __future__ import annotations

import random
import re

import pytest

from bot import text as text_module
from bot.extract import event_words
from bot.extract.attribution_en import _Walk
from bot.text import fold


def _fold_unguarded(s: str) -> str:
    """fold() as it was: the pair substitution and the replaces, whatever the text."""
    s = text_module._PAIR_RE.sub(lambda m: text_module._PAIR_FOLDS[m.group(0)], s)
    for variant, plain in text_module._CHAR_FOLDS.items():
        s = s.replace(variant, plain)
    return s


_FOLD_PIECES = [
    *text_module._PAIR_FOLDS,
    *text_module._CHAR_FOLDS,
    "シ",
    "ツ",
    "キ",
    "ス",
    "ア",
    "バ",
    "東京",
    "abc",
    " ",
    "ー",
    "ヴ",
    "ﾞ",
    "カ",
]


@pytest.mark.parametrize("seed", range(5))
def test_fold_is_the_unguarded_fold(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        s = "".join(rng.choice(_FOLD_PIECES) for _ in range(rng.randint(0, 8)))
        assert fold(s) == _fold_unguarded(s), s


def test_fold_without_its_characters_is_the_text() -> None:
    for s in ("", "the talks resumed", "東京都知事", "マスク氏", "カナダ", "ゼレンスキ"):
        assert not text_module._FOLD_START_RE.search(s)
        assert fold(s) == _fold_unguarded(s)
    assert fold("ゼレンシキー") == "ゼレンスキ"
    assert fold("ツィー") == "チ"


_NUMBER_PIECES = ["12", "3.5", "万", "億", "%", "割", " ", "million", "bn", "$", "¥", "年", "十", "二", "Jan ", "(", "人"]  # fmt: skip


@pytest.mark.parametrize("seed", range(5))
def test_number_terms_needs_a_digit(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        s = "".join(rng.choice(_NUMBER_PIECES) for _ in range(rng.randint(0, 8)))
        if not re.search("[0-9]", s):
            assert event_words._NUMBER_RE.search(s) is None and event_words._TENTHS_RE.search(s) is None
            assert event_words.number_terms(s) == set()
    assert event_words.number_terms("死者は210人、4割が高齢者") == {"#210", "#40%"}
    assert event_words.number_terms("死者は二百人") == set()


def _titled_as_by_pattern(titled: list[tuple[str, str]], role: str) -> tuple[str, str] | None:
    for name, written in reversed(titled):
        if re.search(rf"\b{re.escape(role)}\b", written[: len(written) - len(name)], re.I):
            return name, "person"
    return None


_TITLES = ["Foreign Minister", "Prime Minister", "Defense Secretary", "Chief Judge", "minister", "Judge", "Kelvin"]
_NAMES = ["Abbas Araghchi", "Rin Sato", "Lloyd Austin", "Mara Holt"]
_ROLES = ["minister", "prime minister", "judge", "secretary", "foreign minister", "ister", "kelvin", "chief judge"]


def _walk(titled: list[tuple[str, str]]) -> _Walk:
    walk = _Walk.__new__(_Walk)
    walk.titled = titled
    return walk


@pytest.mark.parametrize("seed", range(5))
def test_titled_as_finds_what_the_pattern_finds(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        titled = []
        for _ in range(rng.randint(0, 4)):
            name = rng.choice(_NAMES)
            title = rng.choice(_TITLES)
            if rng.random() < 0.2:
                title = title.upper()
            if rng.random() < 0.1:
                title = title.replace("K", "\u212a")  # the Kelvin sign: `re.I` matches it with k
            titled.append((name, f"{title} {name}"))
        role = rng.choice(_ROLES)
        assert _walk(titled)._titled_as(role) == _titled_as_by_pattern(titled, role), (titled, role)


def test_titled_as_reads_a_non_ascii_title_with_the_pattern() -> None:
    titled = [("Mara Holt", "\u212aelvin Mara Holt")]
    assert _walk(titled)._titled_as("kelvin") == ("Mara Holt", "person")
    assert _walk([("Rin Sato", "Foreign Minister Rin Sato")])._titled_as("minister") == ("Rin Sato", "person")
    assert _walk([("Rin Sato", "Foreign Minister Rin Sato")])._titled_as("judge") is None
