"""A need said *for* the target: what something else is needed for is wanted on that term (issue 11, part 3).

「部隊の派遣にはアメリカの後ろ盾が欠かせない」, 「支援を実行する前に債権国の保証が不可欠だ」, "a lasting settlement
requires addressing the root causes", "the plan needs a full explanation to the public": the need word is read as
support of what is needed (the backing, the guarantee), and the target it is needed for is the goal that waits on
it — a condition toward the target, not support of it. The target needed (「後ろ盾が欠かせない」 asked about the
backing) is the need's object and stays support: the target must stand before the goal's particle (には, 前に, ため
には) in Japanese, and be the subject of "require" / "need" in English.
"""

from __future__ import annotations

import re

__all__ = ["needed_for"]

# after a Japanese target: the goal's particle, then the need in the same part (no 、 or 。 between them but the
# one after the particle)
_JA_FOR_RX = re.compile(
    r"(?:を(?:[ぁ-ゖ一-龥]{1,4}?)?(?:する|し)?|の)?(?:ため|うえ|上|前|際)?(?:に|で)(?:は|も)[、,]?"
    r"[^。、「」!?！？]{0,30}?(?:欠かせない|欠かすことができない|不可欠|必要(?:だ|です|不可欠|となる|になる)|前提(?:だ|です|となる))"
    r"|(?:を(?:[ぁ-ゖ一-龥]{1,4}?)?(?:する|し)|の)?(?:ため|前|うえ)に[、,]?"
    r"[^。、「」!?！？]{0,30}?(?:欠かせない|欠かすことができない|不可欠)"
)
# after an English target: it is the subject of a need ("a settlement required addressing", "the shift needs a
# full explanation"), a few words of its own phrase between; not "needs to" (the target's own duty), nor a passive
# ("what help was needed": the target is what is needed)
_EN_FOR_RX = re.compile(
    r"(?:\s+(?!(?:and|or|but|that|which|who|is|was|are|were|be|been|being)(?![A-Za-z]))[A-Za-z-]+){0,3}?"
    r"[\s\"“]+(?:would\s+|will\s+)?"
    r"(?:requires?|required|needs?|needed|hinges?\s+on|hinged\s+on)(?![A-Za-z])(?!\s+to(?![A-Za-z]))",
    re.IGNORECASE,
)


def needed_for(text: str, hits: list[tuple[int, int]]) -> bool:
    """Some hit of the target (spans in `text`) is what a need said after it is for (see the module's doc)."""
    for s, e in hits:
        if text[s : s + 1].isascii():
            if _EN_FOR_RX.match(text, e):
                return True
        elif _JA_FOR_RX.match(text, e):
            return True
    return False
