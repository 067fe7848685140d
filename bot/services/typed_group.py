"""A group typed by its members in the other shapes reports write than `group_typed`'s (asked at query time only).

Beside 「足場業者でつくる団体」 (`bot.extract.group_typed`), Japanese news names the members' side without a group's
name: 債権者団, 債権者グループ, 債権者側; English news "a group of creditors", "the creditor committee", "creditors".
A user types 債権者団体 or "creditor groups", "the bondholders". `member_sides` and `english_group_forms` give those
shapes; the caller (`typed_org.group_by_members`) reads the first a passage holds as the group.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["english_group_forms", "member_sides"]

_TYPED_RE = re.compile(r"(?P<members>[一-龥々ァ-ヺー・]{2,16}?)(?:の)?(?:団体|グループ)")
_NOT_MEMBERS = ("会", "団", "協会", "連合", "組合", "党")  # a group's own name before 団体: not who it is made of
# the members' side as a report writes it without naming the group
_SIDES = ("団", "グループ", "側")


def member_sides(typed: str) -> list[str]:
    """債権者団体 → [債権者団, 債権者グループ, 債権者側]; [] for any other text."""
    plain = "".join(unicodedata.normalize("NFKC", typed or "").split())
    m = _TYPED_RE.fullmatch(plain)
    if m is None or m["members"].endswith(_NOT_MEMBERS):
        return []
    return [m["members"] + side for side in _SIDES if m["members"] + side != plain]


# an English group typed by its members ("creditor groups", "a bondholder group", "the bondholders")
_EN_TYPED_RE = re.compile(
    r"(?:the\s+|a\s+)?(?P<member>[a-z]{4,20}?)(?P<plural>s)?(?:\s+(?:groups?|committees?))?", re.IGNORECASE
)


def english_group_forms(typed: str) -> list[str]:
    """ "creditor groups" → [creditor group, group of creditors, creditors' committee, creditors]; "the bondholders"
    → [bondholders, bondholder group, group of bondholders]: the shapes English news names a group of members by,
    the members alone last; [] for any other text (a name with a capital, more than one word of members)."""
    plain = " ".join(unicodedata.normalize("NFKC", typed or "").split())
    m = _EN_TYPED_RE.fullmatch(plain)
    if m is None or not plain.isascii() or any(w[:1].isupper() for w in plain.split()[1:]) or plain[:1].isupper():
        return []
    if not (m["plural"] or re.search(r"\b(?:groups?|committees?)$", plain, re.IGNORECASE)):
        return []  # one member ("the creditor") is no group
    one = m["member"].lower()
    many = one + "s"
    forms = [f"{one} group", f"{one} groups", f"group of {many}", f"{many}' committee", f"{one} committee", many]
    return [f for f in dict.fromkeys(forms) if f != plain.lower()]
