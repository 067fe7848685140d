"""The vocabulary of attribution (bot/data/attribution.json) and what a noun phrase names.

A phrase in subject position before a quote is one of: a person (a name with or without a title),
an organisation (a ministry, company, party …), an anonymous source kept as written (米政府当局者,
日産幹部の一人), an anaphor (同氏, 同社, 両社) or a bare title (首相は) that points back at someone named
earlier, or nothing a speaker can be (戒厳の宣布は).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.text import longest_first, tokenized

# portfolios written in katakana before a minister's title (ビジネス貿易相, エネルギー相, デジタル相): joined to a name by
# a dot, as a report writes a foreign minister's name and post (「アブドルアジズ・エネルギー相」), they are the post's
KATAKANA_FIELDS = frozenset(
    {
        "ビジネス",
        "エネルギー",
        "デジタル",
        "インフラ",
        "スポーツ",
        "メディア",
        "ジェンダー",
        "イノベーション",
        "テクノロジー",
        "サイバー",
        "データ",
        "ヘルスケア",
        "エコノミー",
    }
)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    ja_titles: tuple[str, ...]
    ja_title_set: frozenset[str]
    ja_anonymous: tuple[str, ...]
    ja_org_suffixes: tuple[str, ...]
    ja_anaphora: dict[str, str]
    en_titles: tuple[str, ...]
    en_anonymous: frozenset[str]
    en_org_heads: frozenset[str]
    en_speech_verbs: frozenset[str]
    en_person_pronouns: frozenset[str]
    en_org_pronouns: tuple[str, ...]
    en_plural_pronouns: frozenset[str]
    en_member_roles: frozenset[str]
    en_body_endings: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = json.loads(resources.files("bot.data").joinpath("attribution.json").read_text(encoding="utf-8"))
    by_len = lambda words: tuple(longest_first(set(words)))  # noqa: E731
    return Vocabulary(
        ja_titles=by_len(data["ja_titles"]),
        ja_title_set=frozenset(data["ja_titles"]),
        ja_anonymous=by_len(data["ja_anonymous"]),
        ja_org_suffixes=by_len(data["ja_org_suffixes"]),
        ja_anaphora=dict(data["ja_anaphora"]),
        en_titles=by_len(data["en_titles"]),
        en_anonymous=frozenset(data["en_anonymous"]),
        en_org_heads=frozenset(data["en_org_heads"]),
        en_speech_verbs=frozenset(data["en_speech_verbs"]),
        en_person_pronouns=frozenset(data["en_person_pronouns"]),
        en_org_pronouns=by_len(data["en_org_pronouns"]),
        en_plural_pronouns=frozenset(data["en_plural_pronouns"]),
        en_member_roles=frozenset(data["en_member_roles"]),
        en_body_endings=frozenset(data["en_body_endings"]),
    )


@lru_cache(maxsize=1)
def family_first() -> frozenset[str]:
    """Family names a full name writes first, in katakana and in Latin letters (キム, フン, グエン; Hun, Nguyen:
    bot/data/attribution.json)."""
    data = json.loads(resources.files("bot.data").joinpath("attribution.json").read_text(encoding="utf-8"))
    return frozenset(data["ja_family_first"] + data["en_family_first"])


@lru_cache(maxsize=8)
def _by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """A vocabulary list (longest first) as (length, its words of that length), longest first: the word a phrase
    ends with is one set lookup per length instead of a scan of the list (of one length, only one can end it)."""
    lengths = sorted({len(w) for w in words}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)


# Ministers' titles are an open class: 経済産業相, 農林水産相, 経済安全保障担当相, 官房長官, 防衛大臣.
_MINISTER_RE = re.compile(r"[一-龥]{1,8}(?:担当)?(?:相|長官|大臣)$")
MINISTER_RE = _MINISTER_RE  # for what a user types (bot/services/resolve.py)
# an envoy's post, between the name and the title (カールソン駐フィリピン大使, 南官杓駐日大使, 薛剣駐大阪総領事): 駐 and the
# country or city, no part of the name — read in the reports (`discover`) and in what a user types (`resolve`)
ENVOY_POST = r"駐(?:[一-龥]{1,6}?|[ァ-ヴー]{2,12})"
COUNTRY_ABBR = "米露英仏独中韓朝宇日伊加豪印ウ北"
_KANJI_RE = re.compile(r"^[一-龥々]+$")
_KATAKANA_RE = re.compile(r"^[ァ-ヴー・･=＝]+$")
_LATIN_NAME_RE = re.compile(r"^[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+)*$")
READING_RE = re.compile(r"[(（](?P<reading>[ァ-ヴー・･=＝\s]{2,})[)）]")


_ACTING = ("代行", "代理")  # 「首相代行」「社長代理」: who holds an office for now


def title_suffix(head: str) -> tuple[str, str] | None:
    """(name part, title) when head ends with a title, shortest title first so that the name is what remains
    of the longest reading that leaves a name (林芳正官房長官 → 林芳正 + 官房長官)."""
    v = vocabulary()
    if head.endswith(_ACTING) and (inner := title_suffix(head[:-2])) and looks_like_name(strip_country(inner[0])):
        return inner[0], inner[1] + head[-2:]  # 「ナタポン国防相代行」: an acting office is the office's title
    options: list[tuple[str, str]] = []
    if head.endswith(_CANDIDATE) and looks_like_name(strip_country(head[: -len(_CANDIDATE)])):
        return head[: -len(_CANDIDATE)], _CANDIDATE  # 「ペトレスク候補」: a candidate by name, the person
    for k in range(len(head) - 1, max(-1, len(head) - 17), -1):  # no title is longer than 16 characters
        title = head[k:]
        if title in v.ja_title_set or _MINISTER_RE.fullmatch(title) or _listed(title):
            options.append((head[:k], title))
    if len(options) > 1:
        # a name and a title meet where two words do: 斉藤 + 国土交通相, never 斉藤国 + 土交通相 (国土 is one word);
        # 斉藤 + 国交相, 武見 + 厚労相 (a ministry's short form is one word too). Unless no such split leaves a name.
        ends = _word_ends(head)
        at_words = [o for o in options if len(o[0]) in ends]
        if any(_named(name, title) for name, title in at_words):
            options = at_words
    best = options[0] if len(options) == 1 else _best_split(options)
    return _modified_title(_compound_title(best))


# a candidate's title after a name (「ペトレスク候補は」); only after a name (「対立候補は」「首相候補が」 name no one)
_CANDIDATE = "候補"
# what stands between a name and a title and belongs to the title: new, former, next, acting for the opposition
# (「ソルベルグ新代表」, 「村井前代表」, 「ハドリー影の内相」); the name read without it, the title with it
_TITLE_MODIFIER_RE = re.compile(r"(?:影の|次期|新|前|元|現)$")


def _modified_title(split: tuple[str, str] | None) -> tuple[str, str] | None:
    """A name and a title with a modifier of the title between them (ソルベルグ + 新代表 of 「ソルベルグ新代表」, ハドリー + 影の内相):
    the name without the modifier when that is a name and the name with it is not (a kanji given name may end in 新
    or 元: 「山田新総裁」 is 山田, but a one-kanji surname before 新 is left as the dictionary reads it)."""
    if split is None or not split[0]:
        return split
    m = _TITLE_MODIFIER_RE.search(split[0])
    if m is None:
        return split
    name = split[0][: m.start()]
    kanji = _KANJI_RE.match(name) is not None
    if kanji and len(name) < 2:
        return split
    if looks_like_name(strip_country(name)) and (kanji or not looks_like_name(strip_country(split[0]))):
        return name, m.group() + split[1]
    return split


def _compound_title(split: tuple[str, str] | None) -> tuple[str, str] | None:
    """Two titles make one office (代表 + 委員: 「田中熙巳代表委員」, 事務局 + 次長 is one already): when what is left
    before the last title is a name and a title, the name is the name and both are the title."""
    if split is None or not split[0] or looks_like_name(strip_country(split[0])):
        return split
    inner = title_suffix(split[0])
    if inner and inner[0] and looks_like_name(strip_country(inner[0])):
        return inner[0], inner[1] + split[1]
    return split


@lru_cache(maxsize=8192)
def _word_ends(text: str) -> frozenset[int]:
    """Where the dictionary's words of the text end (offsets)."""
    ends, at = set(), 0
    for m in tokenized(text):
        at += len(m.surface())
        ends.add(at)
    return frozenset(ends)


def _best_split(options: list[tuple[str, str]]) -> tuple[str, str] | None:
    if not options:
        return None
    named = [(name, title) for name, title in options if _named(name, title)]  # shortest title first
    if named:
        # a listed title before a minister's title made of what is left: 武見 + 厚生労働大臣, never 武見厚生 + 労働大臣
        # (厚生 reads as a given name, 労働大臣 as a made-up ministry)
        listed = [o for o in named if _listed(o[1])]
        return (listed or named)[0]
    return options[-1]  # the longest title: what remains is a country, an organisation or nothing


# a kanji before a title that is a prefix or a country, never a one-kanji surname: 前外務大臣, 両外相, 英財務相
_NOT_SURNAMES = frozenset(COUNTRY_ABBR + "前元新副次現故旧同両各全初歴某")
_MINISTERS = ("大臣", "相", "長官")


def surname_before_title(name: str, title: str) -> bool:
    """A one-kanji surname the dictionary reads as a common noun, before a minister's listed title: 林 of
    林外務大臣 and 林官房長官 (林 is 'forest' to the dictionary), 谷 of 谷防災担当大臣. News text names a minister by
    surname and office; the kanji before such an office is the surname unless it is a prefix or a country."""
    return (
        len(name) == 1
        and _KANJI_RE.match(name) is not None
        and name not in _NOT_SURNAMES
        and title.endswith(_MINISTERS)
        and _listed(title)
    )


def _listed(title: str) -> bool:
    """A title of the list, a minister's 大臣 also as its short 相 (厚生労働大臣 as 厚生労働相)."""
    titles = vocabulary().ja_title_set
    return title in titles or (title.endswith("大臣") and title[:-2] + "相" in titles)


def _named(name: str, title: str) -> bool:
    """What is left before the title names a person."""
    return looks_like_name(strip_country(name)) or surname_before_title(name, title)


def strip_country(name: str) -> str:
    """「ルビオ米」 → 「ルビオ」; 「ドイツ・ショルツ」 → 「ショルツ」; 「韓国の尹錫悦」 → 「尹錫悦」."""
    name = name.split("の")[-1]
    while len(name) > 2 and name[-1] in COUNTRY_ABBR:
        name = name[:-1]
    if "・" in name:
        parts = [p for p in name.split("・") if p]
        if len(parts) >= 2 and tagged_place(parts[0]):
            name = "・".join(parts[1:])
    return name


@lru_cache(maxsize=8192)
def looks_like_name(name: str) -> bool:
    """A person's name as news text writes it before a title: katakana (ショルツ, ルスラン・レビエフ), kanji the
    dictionary reads as a name (岸田文雄, 尹錫悦, a surname it does not know before a given name it does:
    三部敏宏, or one it knows before a given name it does not: 田中熙巳), or Latin (JD Vance)."""
    if not name or (len(name) < 2 and not _KANJI_RE.match(name or "")):
        return False
    if _KATAKANA_RE.match(name):
        return katakana_name_ok(name.replace("・", "").replace("･", "")) or "・" in name
    if _LATIN_NAME_RE.match(name):
        return True
    if not _KANJI_RE.match(name) or len(name) > 6:
        return False
    morphs = [(m.surface(), m.part_of_speech(), m.is_oov()) for m in tokenized(name)]
    if all(pos[2] == "人名" for _, pos, _ in morphs):
        return len(name) >= 2 or morphs[0][1][3] == "姓"
    last = morphs[-1]
    if len(morphs) == 2 and morphs[0][1][3] == "姓" and len(morphs[0][0]) >= 2 and last[2] and 3 <= len(name) <= 5:
        return True  # 田中熙巳: a surname of two kanji or more, then a given name the dictionary does not know
    return last[1][2] == "人名" and last[1][3] == "名" and 3 <= len(name) <= 5 and len(morphs) <= 3


@lru_cache(maxsize=8192)
def katakana_name_ok(word: str) -> bool:
    """Not a common noun the dictionary knows (スタッフ, チーム, アナリスト)."""
    for m in tokenized(word):
        pos = m.part_of_speech()
        if pos[1] == "普通名詞" and not m.is_oov():
            return False
    return True


@lru_cache(maxsize=8192)
def tagged_place(word: str) -> bool:
    """The dictionary reads the word as one place or country name."""
    morphs = list(tokenized(word))
    return len(morphs) == 1 and morphs[0].part_of_speech()[2] == "地名"


@lru_cache(maxsize=8192)
def proper_noun(word: str) -> bool:
    """A bare proper noun: 日産, ホンダ, トヨタ (an organisation or a person named without a title)."""
    if not word or len(word) > 12:
        return False
    morphs = list(tokenized(word))
    if not morphs:
        return False
    first = morphs[0].part_of_speech()
    if len(morphs) == 1:
        return first[1] == "固有名詞" or (morphs[0].is_oov() and bool(_KATAKANA_RE.match(word)))
    return all(m.part_of_speech()[1] == "固有名詞" for m in morphs)


@lru_cache(maxsize=8192)
def anonymous_head(head: str) -> str | None:
    """The anonymous-source noun a phrase ends with (関係者, 当局者, 幹部, 一人), if any (remembered: the speakers'
    rules ask it of each subject phrase of every context, one document's windows sharing their passages)."""
    for n, words in _by_length(vocabulary().ja_anonymous):
        if n <= len(head) and head[len(head) - n :] in words and (len(head) > n or n >= 2):
            if head[len(head) - n].isdigit() and head[len(head) - n - 1 : len(head) - n].isdigit():
                continue  # 「691人」 is a count of people, not 「1人」 (one of them) after a number
            return head[len(head) - n :]
    return None


# The heads a body's name ends with that say what kind of body it is: 同社 is not a ministry, a party, a prefecture
# nor a co-operative (綾里漁協) or a weather office (盛岡地方気象台), nor a court, an army, the police, the prosecutors
# or a government (「米連邦最高裁判所は…TikTokの…訴えを退けた。…同社はこれに先立ち」: 同社 is TikTok).
BODY_KIND_HEADS = (
    *("省", "庁", "党", "会", "組合", "委員会", "県", "府", "市", "町", "村", "機構", "協会", "連盟", "大学", "行"),
    *("漁協", "農協", "漁連", "気象台"),
    *("裁判所", "地裁", "高裁", "最高裁", "軍", "警察", "検察", "政府", "政権"),
)


def org_suffix(head: str) -> str | None:
    for n, words in _by_length(vocabulary().ja_org_suffixes):
        if n < len(head) and head[len(head) - n :] in words:
            return head[len(head) - n :]
    return None
