"""/quote across languages: what counts as a rival to the quotation that says a rendering (`quote_cross`). A rival
is another speaker's quotation in its own words, not the narration around it, and a name or a designation in
brackets is nobody's quotation. Sentences of our own."""

from __future__ import annotations

from bot.services import quote_cross
from bot.services.quote_cross import Ranked
from bot.services.quote_lang import Concept


def _concept(word: str, *marks: str) -> Concept:
    return Concept(word, marks, frozenset(marks), "word")


FOUND = [_concept("terrorism", "テロ"), _concept("shipping", "海運"), _concept("Iranian", "イラン")]
WEIGHT = [1.0, 1.0, 1.0]


def test_a_designation_in_brackets_is_nobodys_quotation() -> None:
    text = "米政府はフーシ派を「特別指定国際テロリスト」に指定し、イランの関与を指摘した。"
    assert quote_cross.best_part(FOUND, WEIGHT, text, {"海運"}, True)[2] == "特別指定国際テロリスト"
    assert quote_cross.best_part(FOUND, WEIGHT, text, {"海運"}, True, said=True)[2] == ""  # as the ranking reads it
    said = "首相は「イランによる海運へのテロ行為だ」と非難した。"
    assert quote_cross.best_part(FOUND, WEIGHT, said, set(), True)[2] == "イランによる海運へのテロ行為だ"


def test_a_rivals_share_is_its_quotations_own_words() -> None:
    # the passage's indexed words (its narration) say海運 too; the quotation itself says テロ only
    text = "紅海の海運が混乱するなか、イラン外務省の報道官は「テロとの戦いを続ける」と述べた。"
    share, said, segment, own = quote_cross.best_part(FOUND, WEIGHT, text, {"海運", "イラン"}, True)
    assert segment == "テロとの戦いを続ける" and said == 3 and share == 1.0
    assert own is not None and abs(own - 1 / 3) < 1e-9


def test_the_lead_is_taken_over_the_rivals_own_words() -> None:
    first = Ranked(0.5, 3, "quotation 0", [], 0.5)
    rival = Ranked(0.4, 3, "quotation 1", [], 0.15)
    assert quote_cross.taken([first, rival]) is not None  # 0.5 against 0.15 of its own words: 3.3×
    assert quote_cross.taken([first, Ranked(0.4, 3, "quotation 1", [])]) is None  # its share read whole: 1.25×
