"""A group typed by its members, as a Japanese report names a group it does not name: 「足場業者でつくる団体」.

Japanese news names an unnamed group by who makes it up: 住民でつくる団体, 被害者の家族などでつくる団体, 業者が加盟
する団体. A user types it shorter — 足場業者団体, 住民の団体 — and no passage holds that. `group_forms` gives the
shapes the reports write for a group typed as its members and 団体 (or の団体); the caller reads the first a passage
holds as that group. The members must be two characters or more, and not a group's own name already (…協会団体 is
no members' word).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["group_forms"]

# the links between a group's members and 団体 in a report, the most common first
_LINKS = ("でつくる", "で作る", "などでつくる", "らでつくる", "で組織する", "が加盟する", "でつくる業界")
_TYPED_RE = re.compile(r"(?P<members>[一-龥々ァ-ヺー・]{2,16}?)(?:の)?団体")
_NOT_MEMBERS = ("会", "団", "協会", "連合", "組合", "党")  # a group's own name before 団体: not who it is made of


def group_forms(typed: str) -> list[str]:
    """足場業者団体 → [足場業者でつくる団体, 足場業者で作る団体, …]; [] for any other text."""
    plain = "".join(unicodedata.normalize("NFKC", typed or "").split())
    m = _TYPED_RE.fullmatch(plain)
    if m is None or m["members"].endswith(_NOT_MEMBERS):
        return []
    return [f"{m['members']}{link}団体" for link in _LINKS]
