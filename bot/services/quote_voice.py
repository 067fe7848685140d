"""Who a quote says is speaking, against who says the passage found for it.

A quote often names the capacity its speaker speaks in: 「日本政府として…考えはない」, 「日本として容認できない」,
「金融庁として…」, "As the Japanese government, we…", "We at Toyota…". The gist and other-language paths weigh a quote's
words by rarity, and the capacity's words (日本, 政府) are common in a story about a country: a foreign leader's passage
on the same topic says the rest of the quote's words and is taken, although the quote says a Japanese official said
it. So the capacity is read (`voice`): the country it names (countries.json) and the body (an actor of the registry,
金融庁, IAEA, whose description may name its country), and the answer's speaker is read the same way
(`speaker_voice`: the speaker as attributed, its actor, the actor's description in both languages — 英首相, "US
Secretary of State", "Prime Minister of Japan"). A passage is not the quote's answer when the two contradict
(`contradicts`: another country, or another body of the registry speaking) and the capacity's own words are not in
the passage (a report may name the capacity while its speaker is read as someone else). Nothing is refused on what is
unknown: a generic capacity (政府として, 党として, 社として, わが国) or a speaker with no country is no contradiction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.actors import ActorEntry, ActorIndex
from bot.extract.roles import vocabulary
from bot.services.quote_countries import all_countries, by_english, by_japanese
from bot.text import fold_variants, longest_first, morphemes, normalize

# 〜として / 〜としては / 〜としても after a noun: the capacity its speaker speaks in when the noun names a country or a
# body (not 選択肢として of an object, 断固として of an adverb, 次期大統領として of a title: `voice`)
_JA_CAPACITY = re.compile(r"([一-龥々ァ-ヶーA-Za-z&・]{1,16})として")
# A ministry or agency written without a country is Japan's (a foreign one is written with it: 米国務省, 中国外務省)
_JA_MINISTRY = re.compile(r"^[一-龥]{1,6}[省庁]$")
# a country's government or authorities written after its name (日本政府, 中国当局, 米国側)
_JA_BODY_TAIL = re.compile(r"(?:の)?(?:政府|当局|側)$")
_EN_CAPACITY = re.compile(
    r"\bas\s+(?:the\s+)?(?P<country>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:['’]s)?\s+(?:government|authorities)\b"
    r"|\bas\s+(?P<bare>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s*,"
    r"|\bwe\s+(?:at|in)\s+(?P<body>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?)",
    re.IGNORECASE,
)
# One-character country abbreviations a title or body is written with (米国務長官, 英首相, 露外務省, 日中関係筋)
_ABBREVIATIONS = {
    "米": "America",
    "英": "Britain",
    "露": "Russia",
    "仏": "France",
    "独": "Germany",
    "中": "China",
    "韓": "Korea",
    "日": "Japan",
    "伊": "Italy",
    "豪": "Australia",
    "印": "India",
}
_DETERMINER = re.compile(r"^(?:前|元|次期|新|現)")
_ENGLISH_WORD = re.compile(r"[A-Z][A-Za-z.]*")


@dataclass(frozen=True, slots=True)
class Voice:
    """The speaker a quote names (or a passage's speaker is): its countries and its body of the registry."""

    words: str  # as the quote writes them (日本政府, the Japanese government): a passage that says them names it
    countries: frozenset[str]  # English names of countries.json
    actor_id: int | None = None


def _leading_countries(text: str) -> set[str]:
    """The countries a Japanese title, body or description names at its start (ウクライナ大統領, 英首相, 米国務長官,
    日中関係筋 for both)."""
    text = _DETERMINER.sub("", text.strip())
    out: set[str] = set()
    for country in all_countries():
        if any(text.startswith(ja) for ja in country.ja):
            out.add(country.en)
    if out:
        return out
    # abbreviations as a word of their own (英|首相, 日中|関係|筋; not 中央|銀行, 中山) before a title, a body or a source
    first = next(iter(morphemes(text)), None)
    if first is None or not first.surface or any(ch not in _ABBREVIATIONS for ch in first.surface):
        return set()
    return {_ABBREVIATIONS[ch] for ch in first.surface} if _who_ending(text[len(first.surface) :]) else set()


def _who_ending(rest: str) -> bool:
    vocab = vocabulary()
    ends = (*vocab.ja_titles, *vocab.ja_anonymous, *vocab.ja_org_suffixes, "相")
    return len(rest) >= 1 and rest.endswith(ends)


def _english_countries(text: str) -> set[str]:
    """The countries an English description names (US President, President of Ukraine, Russian Foreign Minister)."""
    out = set()
    for word in _ENGLISH_WORD.findall(text):
        country = by_english(word)
        if country is not None:
            out.add(country.en)
    return out


def _entry_countries(entry: ActorEntry) -> set[str]:
    """An actor's countries: a state's own, else what its description names (its Japanese part first, then its
    English part)."""
    if entry.kind == "state":
        country = by_japanese(entry.name) or (by_english(entry.name_en) if entry.name_en else None)
        return {country.en} if country else set()
    jp, _, en = (entry.description or "").partition(" / ")
    return _leading_countries(jp) or _leading_countries(entry.name) or _english_countries(en)


def _body(entry: ActorEntry) -> int | None:
    """A body of the registry that is neither a person nor a state (a state speaks through all its bodies)."""
    return None if entry.kind in ("person", "state") else entry.id


def _japanese_voice(words: str, actors: ActorIndex) -> Voice | None:
    bare = _JA_BODY_TAIL.sub("", words)
    country = by_japanese(bare)
    if country is not None:
        return Voice(words, frozenset([country.en]))
    entry = actors.resolve(words)
    if entry is None and _JA_MINISTRY.match(words) and not _leading_countries(words):
        return Voice(words, frozenset(["Japan"]))
    if entry is None or entry.kind == "person":  # a title (国王として, 一議員として) is not looked up
        return None
    return Voice(words, frozenset(_entry_countries(entry)), _body(entry))


def voice(query: str, actors: ActorIndex) -> Voice | None:
    """The speaker a quote names as its own capacity (日本政府として, 中国当局として, 金融庁として, "as the Japanese
    government", "we at Toyota"), else None."""
    text = unicodedata.normalize("NFKC", query)
    for m in _JA_CAPACITY.finditer(text):
        found = _japanese_voice(m.group(1), actors)
        if found is not None:
            return found
    for m in _EN_CAPACITY.finditer(text):
        name = m.group("country") or m.group("bare") or m.group("body")
        if m.group("body"):
            entry = actors.resolve(name)
            if entry is not None and entry.kind != "person":
                return Voice(name, frozenset(_entry_countries(entry)), _body(entry))
            continue
        country = by_english(name[:1].upper() + name[1:])
        if country is not None:
            return Voice(m.group(0).split(" ", 1)[1].rstrip(" ,"), frozenset([country.en]))
    return None


def speaker_voice(speaker: str | None, actors: ActorIndex, passage: str = "") -> Voice | None:
    """Who an attributed speaker is (its countries, its actor), else None: the registry's description, else the
    country the passage writes with the speaker's name (`titled_countries`: an actor found in the text has a title
    and no country, ネタニヤフ "首相")."""
    if not speaker:
        return None
    entry = actors.resolve(speaker)
    names = {speaker}
    countries: set[str] = set()
    if entry is not None:
        countries = _entry_countries(entry)
        names |= {entry.name, *([entry.name_en] if entry.name_en else []), *entry.aliases}
    else:
        countries = _leading_countries(speaker) or _english_countries(speaker)
    if not countries and passage:
        countries = titled_countries(passage, names)
    body = _body(entry) if entry is not None else None
    return Voice(speaker, frozenset(countries), body) if countries or body is not None else None


@lru_cache(maxsize=1)
def _title_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a Japanese country written before a name: イランのアラグチ, ロシア外務省のザハロワ; after it: ネタニヤフ・イスラエル
    首相, ラブロフ露外相, ブリンケン米国務長官; an English country before a name: Iranian President Masoud Pezeshkian,
    Iran's foreign minister, Abbas Araghchi; after it: Netanyahu, Israel's prime minister)."""
    names = longest_first({ja for c in all_countries() for ja in c.ja})
    ja = "|".join(map(re.escape, names))
    abbr = "".join(_ABBREVIATIONS)
    before = re.compile(rf"(?P<c>{ja})[一-龥ァ-ヶー]{{0,10}}の$")
    after = re.compile(rf"^(?:氏)?[・=＝]?(?:(?P<c>{ja})|(?P<a>[{abbr}]))(?P<title>[一-龥ァ-ヶー]{{1,10}})")
    en_before = re.compile(r"(?P<c>[A-Z][A-Za-z.]+)(?:['’]s)?(?:\s+[A-Za-z-]+){1,4},?\s+$")
    en_after = re.compile(r"^,\s+(?:the\s+)?(?P<c>[A-Z][A-Za-z.]+)(?:['’]s)?\s")
    return before, after, en_before, en_after


@lru_cache(maxsize=1)
def _en_title_words() -> frozenset[str]:
    vocab = vocabulary()
    words = [*vocab.en_titles, *vocab.en_anonymous, *vocab.en_member_roles, *_EN_OFFICE]
    return frozenset(w.lower() for phrase in words for w in phrase.split())


# words of an office the vocabulary lists in other phrases only (Prime Minister, Secretary of State)
_EN_OFFICE = ("prime", "minister", "foreign", "secretary", "state", "defense", "defence", "interior", "national")


def _title_words(phrase: str) -> bool:
    """The words between a country and a name are a title (Iranian President, Iran's foreign minister), not a clause
    (Iranian counterparts while)."""
    words = re.findall(r"[A-Za-z-]+", re.sub(r"['’]s\b", "", phrase))[1:]
    return all(w[:1].isupper() or w.lower() in _en_title_words() for w in words)


def titled_countries(passage: str, names: set[str]) -> set[str]:
    """The countries a passage writes with a speaker's name: before it (イランのアラグチ外相, Iranian President …) or in
    the title after it (ネタニヤフ・イスラエル首相, ラブロフ露外相, "Netanyahu, Israel's prime minister")."""
    before, after, en_before, en_after = _title_patterns()
    out: set[str] = set()
    for name in names:
        if len(name) < 2:
            continue
        for m in re.finditer(re.escape(name), passage):
            ahead, behind = passage[m.end() : m.end() + 14], passage[max(0, m.start() - 40) : m.start()]
            if name.isascii():
                x = en_before.search(behind)
                found = [x.group("c")] if x and _title_words(x.group(0)) else []
                found += [y.group("c")] if (y := en_after.match(ahead)) else []
                out |= {c.en for c in map(by_english, found) if c is not None}
                continue
            if (x := before.search(behind[-16:])) is not None:
                out |= {c.en for c in [by_japanese(x.group("c"))] if c is not None}
            if (x := after.match(ahead)) is not None and _who_ending(x.group("title")):
                country = by_japanese(x.group("c")) if x.group("c") else None
                out.add(country.en if country else _ABBREVIATIONS[x.group("a")])
    return out


def _named(words: str, passage: str) -> bool:
    if words.isascii():
        return words.lower() in passage.lower()
    return normalize(fold_variants(words)) in normalize(fold_variants(passage))


def contradicts(quoted: Voice | None, speaker: Voice | None, passage: str) -> bool:
    """The passage's speaker is not who the quote says speaks: another country, or another body of the registry,
    and the passage does not name the quote's capacity."""
    if quoted is None or speaker is None or _named(quoted.words, passage):
        return False
    if quoted.countries and speaker.countries and not quoted.countries & speaker.countries:
        return True
    return quoted.actor_id is not None and speaker.actor_id is not None and quoted.actor_id != speaker.actor_id
