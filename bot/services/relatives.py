"""A relative of a named person, as a user types them and as Japanese reports write them.

News text names a victim's or a defendant's family by the person and the relation: 「山田(佐藤)花子さんの夫」,
「鈴木愛さん（当時21）の祖父」, 「亡くなった〇〇さんの母親」. A user types the person shorter or plainer (山田さんの夫: the
surname alone, no maiden name, no age): `written_forms` finds how the reports write that relative, to be read as the
name the reports give it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# the relations news text names a person's family by
RELATIONS = "夫|妻|父親|母親|父|母|祖父|祖母|兄|姉|弟|妹|長男|長女|次男|次女|三男|三女|息子|娘|夫妻|両親|遺族|家族|親族|孫|おじ|おば"
_TYPED_RX = re.compile(rf"(?P<person>[一-龥々ァ-ヶー・]{{1,12}}?)(?:さん|氏)の(?P<relation>{RELATIONS})")


# a relation a user types plainer or fuller than the report (母 for 母親): either form is the relation
_SAME_RELATION = {"母": "母親|母", "母親": "母親|母", "父": "父親|父", "父親": "父親|父"}


def typed_relative(text: str) -> tuple[str, str] | None:
    """(the person's name, the relation) of a relative typed as 「Xさんの夫」, else None."""
    m = _TYPED_RX.fullmatch(text.strip())
    return (m.group("person"), m.group("relation")) if m else None


def written_forms(person: str, relation: str, texts: Iterable[str]) -> list[str]:
    """How the texts write this relative: the person's name as typed (a surname, or the whole name), then what a
    report adds before さん — a maiden name in brackets, the given name — and after it (an age in brackets, or
    Kyodo's 「＝当時（19）＝」), then の and the relation (母 or 母親 either way); the forms found, first found first."""
    rx = re.compile(
        re.escape(person)
        + r"(?:[(（][一-龥々ぁ-んァ-ヶー]{1,6}[)）])?[一-龥々ぁ-んァ-ヶー]{0,6}?(?:さん|氏)"
        + r"(?:[(（][^()（）]{1,12}[)）]|[=＝]当時[(（]?\d{1,3}[)）]?[=＝])?の"
        + rf"(?:{_SAME_RELATION.get(relation, relation)})(?![一-龥々])"
    )
    found: dict[str, None] = {}
    for text in texts:
        for m in rx.finditer(text):
            found.setdefault(m.group(0), None)
    return list(found)
