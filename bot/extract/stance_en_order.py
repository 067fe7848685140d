"""Which English act is done to the target, by word order (issue 11, twentieth round).

English puts the verb before what it governs, so a position toward a target is read from the cues before it. Three
forms of news text say otherwise, each from the text alone (the cue's span and the target's start):

- an act said of the target in the passive after it ("that a legislature … can be dissolved", "the aid was
  stopped") is done to it, and read with the attitude before it, as Japanese reads 「議会が解散されることは受け入れられ
  ない」; not in a relative clause ("the aid that was stopped", "which was stopped": another's act, naming which);
- an act before the target that stops someone from doing something to it ("stopping the government from turning
  TikTok into a weapon", "barred them from using the app") halts the doing, not the target;
- an act after the target with an object of its own ("every resource to stop the flames", "the levee will stop
  the water") is not done to the target, its doer or means;
- a halt named by its noun in the subject, before the target or as the target ("Cancellation is not on our
  agenda", "The suspension of aid would be a mistake"), is what the predicate after it is said of: the attitude after
  the target composes with it, as Japanese reads 「延期はあり得ない」;
- a past participle between a determiner and its noun ("the largest party in the dissolved House", "the halted
  talks") names a fact, no one's act in the sentence.
"""

from __future__ import annotations

import re

__all__ = ["acts_on_another", "attributive", "halts_a_doing", "nominal_subject_act", "passive_of"]

# a passive auxiliary right before an act (be dissolved, was stopped, has been scrapped, is being cut)
_PASSIVE_RX = re.compile(r"(?<![A-Za-z])(?:be|been|being|is|are|was|were|get|gets|got)\s+(?:[a-z]+ly\s+)?$", re.I)
_RELATIVE_RX = re.compile(r"(?<![A-Za-z])(?:that|which|who)(?![A-Za-z])", re.I)
_FROM_DOING_RX = re.compile(r"(?<![A-Za-z])from\s+[a-z]+ing(?![A-Za-z])")
# an act's own object named after it: a determiner and a word
_OBJECT_RX = re.compile(r"\s+(?:the|a|an|any|all|every|our|your|his|her)\s+[A-Za-z]", re.I)


def passive_of(text: str, target: int, start: int) -> bool:
    """The act at `start`, after an English target at `target`, is said of it in the passive in the same clause."""
    return (
        start > target
        and _PASSIVE_RX.search(text, target, start) is not None
        and _RELATIVE_RX.search(text, target, start) is None
    )


def halts_a_doing(text: str, end: int, target: int) -> bool:
    """The act ending at `end`, before the target at `target`, stops someone from doing something to it."""
    return end <= target and _FROM_DOING_RX.search(text, end, target) is not None


def acts_on_another(text: str, start: int, end: int, target: int) -> bool:
    """The English act at `start`–`end`, after the target at `target`, is done to an object it names."""
    return start > target and text[start : start + 1].isascii() and _OBJECT_RX.match(text, end) is not None


_DETERMINER_BEFORE_RX = re.compile(r"(?<![A-Za-z])(?:the|a|an|its|their|his|her|our|these|those)\s+$", re.I)
_NOUN_AFTER_RX = re.compile(
    r"\s+(?!(?:by|in|on|at|to|for|with|from|after|before|since|as|and|or|but|last|this|that|over|under|without|the|a|an|its|their|his|her|our|them|it)\b)"
    r"[A-Za-z]"
)


def attributive(text: str, start: int, end: int) -> bool:
    """The English act at `start`–`end` is a past participle used as an attribute: after a determiner, before a
    noun ("the dissolved House"), not followed by an agent or a clause ("the aid stopped by the court" is an act)."""
    word = text[start:end].lower()
    return (
        word.endswith("ed")
        and _DETERMINER_BEFORE_RX.search(text, max(0, start - 8), start) is not None
        and _NOUN_AFTER_RX.match(text, end) is not None
    )


# the noun of an act (cancellation, suspension, withdrawal, postponement, closure): a verb in these forms is rare
_ACT_NOUN_RX = re.compile(r"(?:tion|sion|al|ment|ure)s?$", re.I)
# what may open the subject before the act's noun: a determiner, or nothing but quotes and spaces from the part's start
_SUBJECT_OPENING_RX = re.compile(
    r"(?:^|(?<![A-Za-z])(?:the|a|an|any|its|their|his|her|our|this|that|such)\s+)(?:[a-z]+\s+)?$", re.I
)
_PART_OPENING_RX = re.compile(r"[\s\"'“‘(]*$")


def nominal_subject_act(text: str, part_start: int, start: int, end: int) -> bool:
    """The English act at `start`–`end` is a noun opening its part's subject ("Cancellation would help nobody", "The
    suspension of aid is unacceptable", "a full withdrawal"): a noun's ending, after only a determiner (and one
    modifier) or nothing since the part began."""
    if not _ACT_NOUN_RX.search(text[start:end]):
        return False
    return (
        _PART_OPENING_RX.fullmatch(text, part_start, start) is not None
        or _SUBJECT_OPENING_RX.search(text, max(part_start, start - 24), start) is not None
    )
