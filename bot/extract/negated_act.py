"""The act asked about, said not to be done (issue 11, twenty-second round).

`/stance --about` reads a target that names an act (a comeback, 出馬, changing the date), named in the actor's
clause with no stance word, as the actor doing it (support). Said under a negation with no stance word either, it
is the actor not doing it (oppose):

- English puts the negation before the verb chain that governs the target: "would not attempt a political
  comeback", "We are not considering changing the date", "she won't seek a second term" (no comma or clause break
  between; not "not only", "no longer", nor a question put: "did not say whether");
- Japanese puts it after the target, on a light verb: 「出馬はしない」「決して米国の一部にはならない」「復帰せず」, or as
  the state of not having done it: 「関与していない」「一切参加しておらず」, or as a deed that will not happen:
  「職にとどまることはない」「辞任することは決してない」.
"""

from __future__ import annotations

import re

__all__ = ["act_negated"]

_EN_NEGATED_CHAIN_RX = re.compile(
    r"(?:(?<![A-Za-z])(?:not|never|cannot|won['’]t)|n['’]t)"
    r"(?!\s+(?:only|just|longer|merely|simply|necessarily)(?![A-Za-z]))"
    r"(?:\s+(?!(?:whether|if|when|how|why|what|who|but|and|or|that)(?![A-Za-z]))[A-Za-z'’-]+){0,4}\s+$",
    re.IGNORECASE,
)
_JA_NEGATED_LIGHT_VERB_RX = re.compile(
    r"[はをにもへ]{0,2}(?:決して|一切|絶対に|二度と|全く|まったく)?"
    r"(?:しない|しません|しなかった|せず|ならない|なりません|ならず|ならなかった"
    # the state of not having done it: 「関与していない」「参加しておらず」「出席していなかった」
    r"|して(?:い)?(?:ない|ません|なかった)|しておらず|しておりません"
    # the deed said never to happen: 「職にとどまることはない」「辞任することは決してない」
    r"|(?:する)?こと(?:は|も)(?:決して|一切|絶対に|二度と)?(?:ない|ありません|なかった|ありえない|あり得ない))"
    r"(?!か|とは(?:言え|いえ))"  # not a question put (「関与していないか調べる」) nor a denial held back
)


def act_negated(text: str, hits: list[tuple[int, int]]) -> bool:
    """Every hit of the target (spans in `text`) is the act said not to be done (see the module's doc)."""
    if not hits:
        return False

    def negated(s: int, e: int) -> bool:
        if text[s : s + 1].isascii():
            return _EN_NEGATED_CHAIN_RX.search(text, max(0, s - 60), s) is not None
        return _JA_NEGATED_LIGHT_VERB_RX.match(text, e) is not None

    return all(negated(s, e) for s, e in hits)
