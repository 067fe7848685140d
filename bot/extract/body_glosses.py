"""A body's name the reports write only in the other language, through JMdict's glosses.

An English body name the reports write only in Japanese ("National Security Committee", 国家安全保障委員会): the
Japanese names in the reports' texts that end in a word glossing the English head (committee: 委員会) and whose
words before it each gloss one of the other English words (国家: nation, 安全保障: security), by JMdict's glosses
(`bot/data/glosses.json.gz`), a country by the country table (ネパール for Nepali). A user typing a country's body in
English finds the body a Japanese report names once, with no English name anywhere in the store.

The other way (thirty-seventh round): a Japanese body name typed that only the English reports name
(米連邦取引委員会: "The US Federal Trade Commission said"; `english_body_names`), and an English one whose Japanese
name holds a place or a katakana word the kanji rule cannot read ("Kyoto Animation": 京都アニメーション;
`japanese_names_of`), by one rule read both ways (`_fits`)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from bot.extract.about import english_index
from bot.extract.gloss_words import japanese_words
from bot.extract.latin_written import latin_spelling
from bot.extract.roles import vocabulary
from bot.extract.romaji import name_key, sounds_like
from bot.text import index_tokens

_STOP = frozenset({"the", "of", "for", "and", "on", "in", "a", "an", "to"})
_KANJI_RX = re.compile(r"[一-龥々]+")
_KATAKANA_CH = re.compile(r"[ァ-ヺー・]")
_MAX_PREFIX = 12  # kanji before the head: a body's name, not a sentence run together


def head_words(english: str, *, later: bool = False) -> list[str]:
    """The Japanese words, all kanji, whose first gloss is the English name's head (committee: 委員会; its second
    where none has it first: federation, 連盟); or,
    `later`, the one-kanji heads of a body's name glossing it in another sense (office: 府, 庁, 局;
    `office_glosses`), read where the first find no name (総統府 for "Presidential Office")."""
    head, rest = _head_and_rest(english)
    if not rest:
        return []
    glossing = [(ja, place) for ja, place in english_index().get(head, []) if _KANJI_RX.fullmatch(ja)]
    # the words glossing it first, else second (連盟: a league, then a federation)
    first = [ja for ja, place in glossing if place == 0] or [ja for ja, place in glossing if place == 1]
    return [ja for ja in _offices_glossing().get(head, ()) if ja not in first] if later else first


def japanese_body_names(english: str, texts: Iterable[str], *, later: bool = False) -> list[str]:
    """The names in `texts` that are the English body name in Japanese, in the order found: a head of `head_words`
    and before it a run of kanji and katakana words (never begun inside one) whose every word glosses one of the
    other English words or names its country, each of them glossed."""
    heads = head_words(english, later=later)
    if not heads:
        return []
    rest = _head_and_rest(english)[1]
    rx = re.compile(  # kanji, or a katakana word (a country, a loanword: ネパール・ジャーナリスト連盟)
        rf"([一-龥々ァ-ヺー・]{{1,{_MAX_PREFIX}}})(?:{'|'.join(map(re.escape, sorted(heads, key=len, reverse=True)))})"
    )
    found: list[str] = []
    for text in texts:
        for m in rx.finditer(text):
            run = m.group(1)
            for k in range(len(run)):  # the longest start whose words all gloss the English words
                if k and (run[k] in "・ー" or (_KATAKANA_CH.match(run[k - 1]) and _KATAKANA_CH.match(run[k]))):
                    continue  # not inside a katakana word, nor after the dot joining one name's words
                if _covers(run[k:], rest):
                    name = m.group(0)[k:]
                    if name not in found:
                        found.append(name)
                    break
    return found


def _words(english: str) -> list[str]:
    return [w for w in (x.casefold() for x in re.findall(r"[A-Za-z]+", english)) if w not in _STOP]


def _head_and_rest(english: str) -> tuple[str, list[str]]:
    """The English name's head and its other words: the last word ("National Security Committee": committee), or
    the word before "of" ("Federation of Nepali Journalists": federation)."""
    m = re.match(r"(.*?[A-Za-z]+)\s+of\s+(.+)$", english.strip())
    if m is not None and (before := _words(m.group(1))):
        return before[-1], [*before[:-1], *_words(m.group(2))]
    words = _words(english)
    return (words[-1], words[:-1]) if words else ("", [])


def _covers(prefix: str, english: list[str]) -> bool:
    """Every word of the Japanese prefix glosses one of the English words, and every English word is glossed."""
    tokens = index_tokens(prefix).split()
    if not tokens or len(tokens) > 2 * len(english):
        return False
    glosses, offices = japanese_words(), office_glosses()
    covered: set[str] = set()
    for token in tokens:
        hit = {w for w in english for g in (*glosses.get(token, []), *offices.get(token, [])) if _same_word(g, w)}
        hit |= {w for w in english if token in _country_forms(w)}  # ネパール for Nepali
        if not hit:
            return False
        covered |= hit
    return covered == set(english)


def _same_word(gloss: str, word: str) -> bool:
    """The gloss is the word, or one is the other with an ending (nation, national; protect, protection)."""
    if gloss == word:
        return True
    short, long = sorted((gloss, word), key=len)
    return len(short) >= 5 and long.startswith(short)


@cache
def office_glosses() -> dict[str, list[str]]:
    """JMdict's words for a body or an office (written in kanji) → the English words of all their senses
    (`bot/data/office_glosses.json.gz`, `tools/make_office_glosses.py`): 府 is a prefecture first and a
    (government) office third, 総統 a supreme ruler and the president (of Taiwan)."""
    with resources.files("bot.data").joinpath("office_glosses.json.gz").open("rb") as raw, gzip.open(raw, "rt") as f:
        data: dict[str, list[str]] = json.load(f)["glosses"]
    return data


@cache
def _offices_glossing() -> dict[str, tuple[str, ...]]:
    """English word → the one-kanji office words it glosses in any sense (office → 府, 庁, 局 …): a body's name
    ends on one (総統府, 保守党), and a longer word glossing "government" in one of its senses is seldom a head."""
    out: dict[str, list[str]] = {}
    for ja, words in office_glosses().items():
        for w in words if len(ja) == 1 else ():
            out.setdefault(w, []).append(ja)
    return {w: tuple(js) for w, js in out.items()}


# ---- the other way: a body typed in Japanese that only the English reports name ("US Federal Trade Commission")

_EN_STOP = frozenset({"the", "of", "for", "and", "on", "in"})  # the links inside an English body's name
# a run of capitalised words (U.S., Itochu, FTC) with the lower-case links an English body's name holds between them
# ("Ministry of Commerce", "Chamber of Commerce and Industry")
_EN_RUN_RX = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’&-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w.'’&-]*)*")
# a body's name as outlets of a lower-case house style write it: a place or a country's word, then the name in lower
# case ("the Hokkaido federation of fisheries cooperatives", "China's foreign ministry")
_EN_LOWER_RUN_RX = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’&-]*(?:\s+[a-z][a-z-]*){1,6}")
_KATAKANA_WORD_RX = re.compile(r"[ァ-ヺー]+")
_JA_NAME_RX = re.compile(r"[一-龥々ァ-ヺー・]{2,16}")
_JA_RUN_RX = re.compile(r"[一-龥々ァ-ヺー・]{2,30}")  # a run of kanji and katakana a Japanese name is read in
_MAX_HEADS = 6  # English words the passages are looked up by
_MAX_SPLITS = 64  # ways to cut a typed name into dictionary words, tried fewest pieces first


def english_heads(japanese: str) -> list[str]:
    """The English words that can end the typed Japanese body's name in English (委員会: committee, commission,
    board; 省: ministry, department): the words the passages that may name it are found by."""
    heads: list[str] = []
    for pieces in _splits(japanese):
        for word in _piece_words(pieces[-1])[:2]:
            if word not in heads and word not in _EN_STOP:
                heads.append(word)
    return heads[:_MAX_HEADS]


def english_body_names(japanese: str, texts: Iterable[str], *, lower: bool = False) -> list[str]:
    """The names in English `texts` that are this Japanese body's name (米連邦取引委員会: "US Federal Trade
    Commission"; 中国商務省: "Commerce Ministry", "China's Commerce Ministry"; 保守党: "Conservative Party"), most
    often written first. A name is a run of capitalised words (with of, for, and between them) from its first word,
    or, `lower`, a capitalised word and lower-case ones after it (a house style: "the Hokkaido federation of
    fisheries cooperatives" for 北海道漁業協同組合連合会):
    every word of it glosses one of the typed name's dictionary words (a country by its English names: US for 米),
    every dictionary word is glossed but the country's (a report often leaves it out), its head (the last word, or
    the one before "of") glosses the typed name's last word, and it has two words or more (one word, Party or
    House, names too many bodies)."""
    splits = _splits(japanese)
    if not splits:
        return []
    others: set[str] = set()  # the name's words after another country ("US Commerce Ministry" for 中国商務省)
    if lower:  # a lower-case house style, asked by the caller once no capitalised name is found
        return _english_names([(m.group(0), True) for t in texts for m in _EN_LOWER_RUN_RX.finditer(t)], splits, others)
    return _english_names([(m.group(0), False) for t in texts for m in _EN_RUN_RX.finditer(t)], splits, others)


def _english_names(runs: list[tuple[str, bool]], splits: tuple[tuple[str, ...], ...], others: set[str]) -> list[str]:
    """`english_body_names` over these runs of words (each with whether it is in the lower-case style)."""
    counts: dict[str, int] = {}
    for run, lower in runs:
        words = run.split()
        start = 1 if words[0] in ("The", "the") else 0
        if len(words) > start + 2 and names_country(words[start]) and not _typed_country(words[start], splits):
            others.add(" ".join(words[start + 1 :]))
        for end in range(len(words), start + 1, -1):  # the longest span from the run's start first
            span = words[start:end]
            if end < len(words) and (words[end] in _EN_STOP or words[end].strip(".,") in vocabulary().en_org_heads):
                continue  # a name going on ("US Chamber" of "US Chamber of Commerce", "US Commerce Department")
            ends = span[-1][:1].isupper() or (lower and span[-1] not in _EN_STOP)
            if ends and any(_fits(span, pieces) for pieces in splits):
                name = " ".join(span)
                counts[name] = counts.get(name, 0) + 1
                break
    said = [n for n in counts if names_country(n.split()[0])]
    # the country said first; without it only a name no report gives another country (the reports of a story
    # about China's ministry write "Commerce Ministry" alone, not when they name the US one too)
    unsaid = [n for n in counts if n not in said and n not in others]
    return sorted(said, key=lambda n: -counts[n]) + sorted(unsaid, key=lambda n: -counts[n])


def _typed_country(word: str, splits: tuple[tuple[str, ...], ...]) -> bool:
    """The English word names a country the typed name names (China's for 中国商務省)."""
    return any(_glossed_by(_en_key(word), p) for pieces in splits for p in pieces[:-1])


def names_country(word: str) -> bool:
    """The English word names a country (US, China's, Nepali)."""
    return _en_key(word) in _country_words()


def _fits(span: list[str], pieces: tuple[str, ...]) -> bool:
    """Whether the English name (its words as written) is the Japanese one cut into `pieces`: two content words or
    more, each said by a piece; every piece said but a country's; the English head said by the last piece."""
    words = [_en_key(w) for w in span if w.casefold() not in _EN_STOP]
    if len(words) < 2:
        return False
    linked = next((k for k, w in enumerate(span) if w in ("of", "for", "on")), None)
    head = _en_key(span[linked - 1] if linked else span[-1])
    if not _glossed_by(head, pieces[-1], last=True):
        return False
    glossed = lambda w, k: _glossed_by(w, pieces[k], last=k == len(pieces) - 1)  # noqa: E731
    if not all(any(glossed(w, k) for k in range(len(pieces))) for w in words):
        return False
    return all(any(glossed(w, k) for w in words) or _country_rows(pieces[k]) for k in range(len(pieces) - 1)) and any(
        glossed(w, len(pieces) - 1) for w in words
    )


def _en_key(word: str) -> str:
    return re.sub(r"['’]s$", "", word).casefold()


# `_fits` asks it for every word of every capitalised run of the reports a body's English name is looked for in,
# against each piece of the typed name: the same (word, piece) pairs over and over (a question's runs repeat their
# words; the floors' `--about` askings and their re-asking ask the same bodies), each answer a function of the two
# words and the data files alone. Bounded: a long-running bot reads ever new words.
@lru_cache(maxsize=16384)
def _glossed_by(word: str, piece: str, *, last: bool = False) -> bool:
    """The English word is one of the piece's glosses (or the same word with another ending), or names its country;
    a country's word only that, and never the name's last word's (省 glosses china in a sense: a province of China,
    not China's ministry); or the piece is a proper noun the word spells in Latin letters (京都: Kyoto)."""
    if word in _country_words():
        return not last and any(word in _country_english()[r] for r in _country_rows(piece))
    if (spelled := latin_spelling(piece)) and name_key(spelled) == name_key(word):
        return True
    if not last and len(piece) >= 3 and _KATAKANA_WORD_RX.fullmatch(piece) and sounds_like(word, piece):
        return True  # a name in katakana (アムネスティ: Amnesty), not the head the passages are found by
    return any(_similar(g, word) for g in _piece_words(piece))


def _similar(gloss: str, word: str) -> bool:
    """The same word, or one with another ending (federal, federation; commerce, commercial; conservative,
    conservatism): a common start of five letters or more, all but three letters of the shorter."""
    if gloss == word:
        return True
    common = 0
    for a, b in zip(gloss, word, strict=False):
        if a != b:
            break
        common += 1
    return common >= 5 and common >= min(len(gloss), len(word)) - 3


@cache
def _piece_words(piece: str) -> tuple[str, ...]:
    """A dictionary word's English words: its first senses' (`japanese_words`), and for a body's one-kanji word
    (省, 庁, 米) every sense's (`office_glosses`: 省 is a ministry in its second)."""
    first = japanese_words().get(piece) or japanese_words().get(_loanword_key(piece), [])
    if len(piece) == 1 or not first:
        return tuple(dict.fromkeys([*first, *office_glosses().get(piece, [])]))
    return tuple(first)


@cache
def _loanword_key(piece: str) -> str:
    """A katakana word as the glosses key it, the index's form (アニメーション: アニメション); '' for any other."""
    if len(piece) < 2 or not _KATAKANA_WORD_RX.fullmatch(piece):
        return ""
    key = index_tokens(piece)
    return key if " " not in key else ""


@cache
def _splits(japanese: str) -> tuple[tuple[str, ...], ...]:
    """The ways to cut the typed name into words the glosses or the country table know (米|連邦取引委員会,
    中国|商務|省), fewest pieces first, a katakana word never cut (アムネスティ|インターナショナル: the dot between
    a name's words parts them); () for a name of anything else."""
    name = japanese.strip()
    if not _JA_NAME_RX.fullmatch(name):
        return ()
    words, offices, countries = japanese_words(), office_glosses(), _country_japanese()
    known = lambda w: w in words or w in offices or w in countries or bool(latin_spelling(w))  # noqa: E731
    found: list[tuple[str, ...]] = []

    def cut(rest: str, done: tuple[str, ...]) -> None:
        if len(found) >= _MAX_SPLITS:
            return
        if not rest:
            found.append(done)
            return
        if (kana := _KATAKANA_WORD_RX.match(rest)) is not None:  # a katakana word whole, known or not (a name)
            cut(rest[kana.end() :].lstrip("・"), (*done, kana.group(0)))
            return
        for k in range(len(rest), 0, -1):
            if not _KATAKANA_WORD_RX.match(rest[k - 1 :]) and known(rest[:k]):
                cut(rest[k:].lstrip("・"), (*done, rest[:k]))

    cut(name, ())
    return tuple(sorted(found, key=len))


@lru_cache(maxsize=4096)  # bounded: a long-running bot reads ever new pieces
def _country_rows(piece: str) -> tuple[int, ...]:
    """The countries (rows of `bot/data/countries.json`) a Japanese word names: by name (中国, アメリカ) or by a
    gloss that is a country's English name (米: america; 全米: america)."""
    glosses = set(japanese_words().get(piece, [])) | set(office_glosses().get(piece, []) if len(piece) <= 2 else [])
    english = _country_english()
    return tuple(
        r for r, names in enumerate(_country_table()) if piece in names[1] or english[r] & glosses & {names[0]}
    )


def _country_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(English name lower-cased, Japanese names) of each country of `bot/data/countries.json`."""
    return tuple((en, ja) for en, ja, _ in _country_rows_read())


@cache
def _country_words() -> frozenset[str]:
    """Every country's English words at once (`_country_english`'s rows joined): one look-up instead of one a row."""
    return frozenset().union(*_country_english())


def _country_english() -> tuple[frozenset[str], ...]:
    """Each country's English words lower-cased (america, american, u.s., us)."""
    return tuple(words for _, _, words in _country_rows_read())


@cache
def _country_rows_read() -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]:
    """`bot/data/countries.json`, once a process: each country's English name lower-cased, its Japanese names and
    its English words lower-cased (its name and its people's adjectives)."""
    rows = json.loads(resources.files("bot.data").joinpath("countries.json").read_text(encoding="utf-8"))["countries"]
    return tuple(
        (row["en"].casefold(), tuple(row["ja"]), frozenset(w.casefold() for w in (row["en"], *row["adjectives"])))
        for row in rows
    )


@cache
def _country_forms(english: str) -> frozenset[str]:
    """The indexed Japanese names (ネパル for ネパール) of the country an English word names (Nepali, Nepal)."""
    return frozenset(
        index_tokens(ja)
        for r, words in enumerate(_country_english())
        if english in words
        for ja in _country_table()[r][1]
    )


@cache
def _country_japanese() -> frozenset[str]:
    return frozenset(ja for _, names in _country_table() for ja in names)


def japanese_heads(english: str) -> list[str]:
    """The Japanese words, as the index holds them, whose first gloss is the English name's head, katakana loanwords
    among them (animation: アニメション): the words the Japanese passages that may name it are found by."""
    head, rest = _head_and_rest(english)
    if not rest:
        return []
    glossing = [(ja, place) for ja, place in english_index().get(head, []) if len(ja) >= 2]
    first = [ja for ja, place in glossing if place == 0] or [ja for ja, place in glossing if place == 1]
    return first[:_MAX_HEADS]


def japanese_names_of(english: str, texts: Iterable[str]) -> list[str]:
    """The names in Japanese `texts` that are this English body name read the other way (`english_body_names`'
    rule: every word of the English name glosses, names the country of, spells or sounds as a word of the Japanese
    one, and every Japanese word is said): "Kyoto Animation" is 京都アニメーション, "Amnesty International" the
    アムネスティ・インターナショナル of 「国際人権団体アムネスティ・インターナショナルは」. The longest name of each run
    of kanji and katakana, most often written first."""
    span = english.split()
    if not 2 <= len([w for w in span if w.casefold() not in _EN_STOP]) <= 8 or not english.isascii():
        return []
    counts: dict[str, int] = {}
    read: dict[str, str | None] = {}  # run → its name: a run is read once however many passages repeat it
    for text in texts:
        for m in _JA_RUN_RX.finditer(text):
            run = m.group(0)
            if run not in read:
                read[run] = _run_name(span, run)
            if (name := read[run]) is not None:
                counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: -counts[n])


def _run_name(span: list[str], run: str) -> str | None:
    """The longest name in a run of kanji and katakana that is the English name `span` (`japanese_names_of`)."""
    for k in range(len(run) - 1):
        if k and (run[k] == "・" or (_KATAKANA_CH.match(run[k - 1]) and _KATAKANA_CH.match(run[k]))):
            continue  # a name starts at a word, not inside a katakana one
        name = run[k:].strip("・")
        if any(_fits(span, pieces) for pieces in _splits(name)):
            return name
    return None
