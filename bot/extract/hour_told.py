"""What a later sentence of a report tells at the happening's hour: the act its lead told, told again.

A Japanese report leads with the happening on its day (「…の旅客機が12日、離陸直後に墜落しました」「…コンテナ船が
23日朝、座礁し、運河を斜めにふさいだ」「県警は17日、…男性とみられる遺体を見つけた」), then tells its hour, place and
course in a sentence of its own whose predicate names the same act or the same thing acted on or befallen (「現地時間の12日午後1時
38分、…離陸し、その直後に空港近くの市街地に墜落したということです」「現地時間23日午前7時40分ごろ、…地点で座礁したと
いう」「午前9時過ぎ、…林の中で遺体を発見した」). The two share few words besides that act (the lead names the parties,
the later sentence the hour and the place), so they scored as two happenings of one article; the hour and the act
named again say they are one. Read by `event_match.retold_in_one_article`.

Only a clock time (午前9時過ぎ, 午後1時38分), not a part of the day alone (「同日午後、…方針を明らかにした」 tells
another doing of the day as often as the same one), and only a predicate that is a done act on a thing or a verbal
noun's act (…を発見した, …に墜落した); a sentence about another place (「輪島港では…」「畑でも…」) is another
happening of the kind, not the lead's again. English reports tell the hour too ("Service … stopped at about 9:30
p.m."), but in other words than their lead's ("halted the only rail line"), and a shared verb there is no act
named again ("who took 41.15 percent" / "he took over command"): measured on the tuned stories, not read.
"""

from __future__ import annotations

import re

from bot.extract.event_words import CONCEPT_PREFIX, event_terms
from bot.text import nouns

# A clock time of the day (午前9時過ぎ, 午後1時38分, 同日午後4時ごろ, 現地時間23日午前7時40分), outside quotes.
_CLOCK_RE = re.compile(r"(?:午前|午後|未明の?|朝|夜)?[0-9０-９]{1,2}時(?!間|点|代)(?:[0-9０-９]{1,2}分|半)?")
# The sentence's own predicate at its end: a verbal noun's act (「…に墜落したということです」「座礁したという」), or a
# done act on a thing (「遺体を発見した」「命令書を手渡した」「鎮火を宣言した」), told or reported (という, ということです).
_REPORTED = r"(?:という|ということです|とのことです)?[」』]?[。．]?$"
_VERBAL_NOUN_RE = re.compile(
    r"(?:(?P<obj>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,})を[^、。，,をがは]{0,8}?)?"
    r"(?P<vn>[\u4e00-\u9fff]{2,})(?:し|され)(?:た|ました)" + _REPORTED
)
_ACTED_ON_RE = re.compile(
    r"(?P<obj>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,})を[^、。，,をがは「」]{1,8}?(?:た|ました)" + _REPORTED
)
# The thing the act befell, as the final predicate's subject (「…全会一致で登録が決まりました」「…映像が届かない状態となった」).
_BEFELL_RE = re.compile(
    r"(?P<obj>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,})が[^、。，,をがは「」]{1,10}?(?:た|ました)" + _REPORTED
)
# Another place's or party's happening of the kind (「輪島港では」「畑でも」「市にも」): not the lead's act told again.
_ELSEWHERE_RE = re.compile(r"(?:では|でも|にも|からも)[、，,]?")


def hour_told(masked: str) -> list[str]:
    """The words of the act a Japanese sentence (`masked`: its quotes blanked) tells at a clock time of its day: its
    final predicate's verbal noun, the thing it acts on and the thing it befell (plain words, no concept: a concept
    such as ~announcement names any saying); none when it gives no clock time, ends in no such predicate, or tells of
    another place."""
    if not _CLOCK_RE.search(masked) or _ELSEWHERE_RE.search(masked):
        return []
    text = masked.rstrip()
    found: set[str] = set()
    for rx in (_VERBAL_NOUN_RE, _ACTED_ON_RE, _BEFELL_RE):
        m = rx.search(text)
        if m is None:
            continue
        for word in (m.groupdict().get("obj"), m.groupdict().get("vn")):
            if word:
                found.update(t for t in event_terms(nouns(word), word) if t[:1] != CONCEPT_PREFIX)
    return sorted(found)
