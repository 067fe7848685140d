"""A body typed with or without the place it belongs to, as reports drop the place once it is clear.

Japanese reports name a prefecture's or a city's body with its place once (鹿児島県公安委員会, 大阪府議会), then with the
level of government only (県公安委員会, 府議会), or with nothing before it (公安委員会); a foreign ministry is named
with its country once (韓国科学技術情報通信省), then without (科学技術情報通信省). A user types any of these, and the
store holds the one the reports used most. Read here, by the shape of the name, never a list of bodies:

- **the place dropped** (`shorter_forms`): a name typed as a place the dictionary knows (鹿児島, 大阪, 韓国) or a
  country, a level of government (県, 府, 都, 道, 市, 町, 村, 区) or none, then a body's name (it ends as bodies
  do: 委員会, 議会, 省 …) is also that body with the level only (県公安委員会) and, when what is left is a body's own
  name (three characters or more, no listed Japanese body: 外務省 alone is Japan's; a ministry or office of four
  characters or fewer is one every country has, 国防省, 商務省), the body alone (公安委員会, 科学技術情報通信省). Taken only where a document naming the shorter body also names the place typed
  (`body_without_place`): 福岡県公安委員会 is not the 県公安委員会 of reports about Kagoshima;
- **the place added** (`longer_bodies`): a body typed without its place (県公安委員会, 公安委員会, 府議会) is the one
  body the index holds with a place before it (鹿児島県公安委員会), the level typed or not; two such bodies (two
  prefectures' commissions) are named to the user, not guessed (`actor.ambiguous`);
- **a member of a body asked as a group** (`member_bodies`): 自民党の県議, 立憲民主党の議員, "a Republican lawmaker",
  "Labour MPs" are the body (its members' words are its own already: `affiliation.affiliations`), never a country
  ("Japanese lawmakers" is no party);
- **a union** (`union_forms`): 労組 is the short word for 労働組合, and a company's union is written both with and
  without の (ネイバー労組, ネイバーの労働組合, ネイバー労働組合): each is the others' name; typed in English ("Naver's
  union", "the Naver union", "the union at Naver"), the union the Japanese reports name after a katakana company that
  sounds as the company typed (`japanese_unions`: ネイバー for Naver, by `romaji.sounds_like`), the one such company.
"""

from __future__ import annotations

import re
import unicodedata

from bot.actors import ActorEntry, ActorIndex
from bot.extract.body_names import is_country, other_names
from bot.extract.roles import org_suffix, tagged_place
from bot.extract.romaji import sounds_like
from bot.services.quote_countries import by_english

__all__ = [
    "LEVELS",
    "english_union_owner",
    "japanese_unions",
    "longer_bodies",
    "member_bodies",
    "place_parts",
    "shorter_forms",
    "union_forms",
]

_KATAKANA_RE = re.compile(r"[ァ-ヺー]+")
# the levels of government a Japanese body's place ends in (鹿児島県, 大阪府, 東京都, 北海道, 大阪市 …)
LEVELS = "県府都道市町村区"


def _body(name: str) -> bool:
    """The name ends as a body's does (委員会, 議会, 省, 庁, 労組 …) and is more than that ending."""
    return org_suffix(name) is not None or (len(name) >= 3 and name.endswith(("省", "庁", "局", "部", "署")))


def _a_place(word: str) -> bool:
    return bool(word) and (tagged_place(word) or is_country(word))


def place_parts(text: str) -> tuple[str, str, str] | None:
    """(place, level, body) of a Japanese body typed with its place (鹿児島県公安委員会: 鹿児島, 県, 公安委員会;
    韓国科学技術情報通信省: 韓国, '', 科学技術情報通信省); None when it does not start with a place the dictionary
    or the country table knows, or the rest is no body's name. The shortest place first (鹿児島, not 鹿児島県公安)."""
    plain = "".join(unicodedata.normalize("NFKC", text).split())
    if len(plain) > 40:
        return None
    for k in range(1, min(9, len(plain) - 2)):
        place = plain[:k]
        if not _a_place(place):
            continue
        after = plain[k:]
        if after[:1] in ("・", "･"):  # イングランド・ウェールズ法曹協会: one name of two places, never cut
            continue
        if _KATAKANA_RE.fullmatch(place[-1] + after[0]):  # フィリ|ピン外務省: never inside a katakana word
            continue
        level = after[0] if after[:1] and after[0] in LEVELS and len(after) >= 4 else ""
        rest = after[len(level) :]
        if len(rest) >= 2 and _body(rest) and not _a_place(rest):
            return place, level, rest
    return None


def shorter_forms(text: str) -> list[tuple[str, str]]:
    """(form, place) of a body typed with its place, without it as the reports go on to write it: the level kept
    first (県公安委員会), then the body's own name alone when it is one (公安委員会, 科学技術情報通信省: three
    characters or more, and no listed Japanese body's name, as 外務省 alone is Japan's). [] otherwise."""
    parts = place_parts(text)
    if parts is None:
        return []
    place, level, rest = parts
    forms = [(level + rest, place)] if level else []
    # a ministry or office every country has (国防省, 外務省, 商務省, 警察庁) is never left bare: its own name is long
    every = rest.endswith(("省", "庁", "部", "局", "府", "政府", "当局", "大使館", "警察", "軍")) and len(rest) < 5
    if len(rest) >= 3 and not every and not other_names(rest) and org_suffix(rest) != rest:
        forms.append((rest, place + level))
    return forms


def _with_place(prefix: str, typed: str) -> bool:
    """Whether `prefix` + `typed` is a body named with its place: the prefix a place, with a level when the typed
    name does not start with one (鹿児島 + 県公安委員会, 鹿児島県 + 公安委員会, 韓国 + 科学技術情報通信省)."""
    if not prefix:
        return False
    if typed[0] in LEVELS and _a_place(prefix):
        return True
    return (prefix[-1] in LEVELS and _a_place(prefix[:-1])) or _a_place(prefix)


def longer_bodies(actors: ActorIndex, text: str) -> list[ActorEntry]:
    """The bodies of the index named as what was typed with a place before it (県公安委員会, 公安委員会 typed:
    鹿児島県公安委員会), each once; none when what was typed is no body's name or is too short to stand alone (議会)."""
    plain = "".join(unicodedata.normalize("NFKC", text).split())
    if not 3 <= len(plain) <= 30 or plain.isascii() or not _body(plain):
        return []
    found: dict[int, ActorEntry] = {}
    for a in actors.actors.values():
        if a.kind in ("person", "state", "country") or a.id in found:
            continue
        for n in (a.name, *(a.aliases or [])):
            name = unicodedata.normalize("NFKC", n)
            if len(name) > len(plain) and name.endswith(plain) and _with_place(name[: -len(plain)], plain):
                found[a.id] = a
                break
    return list(found.values())


_UNION_RE = re.compile(r"(?P<owner>.{2,20}?)(?P<of>の)?(?P<head>労組|労働組合)")


def union_forms(text: str) -> list[str]:
    """The other ways reports write a company's union (ネイバー労組: ネイバーの労働組合, ネイバー労働組合, ネイバーの
    労組); [] when the name is no union's."""
    plain = "".join(unicodedata.normalize("NFKC", text).split())
    m = _UNION_RE.fullmatch(plain)
    if m is None or m["owner"].endswith(("の", "・")):
        return []
    owner = m["owner"]
    forms = [owner + of + head for of in ("", "の") for head in ("労組", "労働組合")]
    return [f for f in forms if f != plain]


# a member of a body, typed for the group: 自民党の県議, 立憲民主党の議員ら, 組合の幹部
_JA_MEMBER_RE = re.compile(
    r"(?P<body>[^の]{2,20}?)(?:所属)?の(?:[一-龥]{0,3}?)"
    r"(?:議員|県議|市議|区議|町議|村議|府議|都議|道議|党員|幹部|関係者|メンバー|組合員|職員)(?:ら|たち)?"
)
# "a Republican lawmaker", "Labour MPs", "Democratic senators", "some Conservative members"
_EN_MEMBER_RE = re.compile(
    r"(?:(?:an?|the|some|several|two|three)\s+)?(?P<body>[A-Z][A-Za-z-]+(?:\s+[A-Z][A-Za-z-]+){0,3}?)\s+(?:Party\s+)?"
    r"(?:lawmakers?|legislators?|senators?|congress(?:wo)?m[ae]n|members?|MPs?|politicians?|representatives?)"
)


def member_bodies(text: str) -> list[str]:
    """The body a member typed for the group belongs to (自民党の県議: 自民党; "a Republican lawmaker": Republican Party,
    Republicans, Republican); [] when what was typed is no member of a body, or the body is a country."""
    plain = " ".join(unicodedata.normalize("NFKC", text).split())
    if len(plain) > 60:
        return []
    if not plain.isascii():
        m = _JA_MEMBER_RE.fullmatch(plain)
        if m is None or not (_body(m["body"]) or m["body"].endswith("党")) or _a_place(m["body"]):
            return []
        return [m["body"]]
    m = _EN_MEMBER_RE.fullmatch(plain)
    if m is None or is_country(m["body"]) or any(by_english(w) is not None for w in m["body"].split()):
        return []  # South Korean lawmakers: a country's, no party's
    body = m["body"]
    return list(dict.fromkeys([body if body.endswith("Party") else f"{body} Party", f"{body}s", body]))


# a company's union typed in English: "Naver's union", "the Naver labor union", "the union at Naver"
_EN_UNION_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:(?P<co>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)(?:['’]s?)?\s+"
    r"(?:(?i:labou?r|trade|workers['’]?)\s+)?(?i:union)"
    r"|(?i:(?:labou?r\s+)?union\s+(?:at|of))\s+(?P<at>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?))"
)
# a union the Japanese reports name after its company in katakana: ネイバー労組, ネイバーの労働組合
_JA_UNION_RE = re.compile(r"([ァ-ヺー]{2,})(?:の)?(?:労組|労働組合)")


def english_union_owner(text: str) -> str | None:
    """The company of a union typed in English ("Naver's union": Naver), or None."""
    plain = " ".join(unicodedata.normalize("NFKC", text).split())
    m = _EN_UNION_RE.fullmatch(plain) if plain.isascii() and len(plain) <= 60 else None
    if m is None:
        return None
    owner = re.sub(r"\s+(?:Labou?r|Trade|Workers['’]?)$", "", m["co"] or m["at"] or "")  # Naver Labor Union
    return (
        owner if owner and owner[:1].isupper() and owner.casefold() not in ("the", "labor", "labour", "trade") else None
    )


def japanese_unions(owner: str, texts: list[str]) -> list[str]:
    """The names the texts give the union of the company typed in English (`english_union_owner`): the one katakana
    company before 労組 / 労働組合 whose sound is the company's (Naver: ネイバー), its union written each way
    (`union_forms`), as written first; [] when no company or several sound so."""
    words = owner.split()
    found: dict[str, str] = {}
    for t in texts:
        for m in _JA_UNION_RE.finditer(t):
            if len(words) == 1 and sounds_like(words[0], m.group(1)):
                found.setdefault(m.group(1), m.group(0))
    if len(found) != 1:
        return []
    written = next(iter(found.values()))
    return [written, *union_forms(written)]
