"""The words two reports of one event share, in Japanese or English.

Japanese content nouns come from the tokenizer; English words are read from the text itself (lower
case, stop words dropped, a plural folded to its singular). Both are mapped through
`bot/data/event_words.json` to language-free concepts ("~meeting" for 会談 and "talks"), so that a
Japanese and an English report of one event share event words.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from bot.text import normalize

_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
_JA_CHAR_RE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN_RE = re.compile("[A-Za-z]")
# every byte but A–Z and a–z: deleted from a text's ASCII characters, what is left are the letters _LATIN_RE finds
_NOT_LATIN_LETTER = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))
CONCEPT_PREFIX = "~"
NUMBER_PREFIX = "#"

# A quantity a report states (47議席, 21万トン, 3,500 litres, 4.74 billion, 15%): the same figure in two reports
# of one day is strong evidence of one happening, in either language. Dates, times, ages and years are not.
# An English amount may abbreviate its unit (the wires' and British papers' "$100m", "£2.2bn", "¥15tn", "3bn"): "bn" and
# "tn" after any figure, "m" (or "mn") only after a currency sign ("100m" alone is a distance). A share may be written
# "per cent" (12.4 per cent, as 12.4%).
_NUMBER_RE = re.compile(
    r"(?<![0-9.,])(?P<cur>[$€£¥])?(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)"
    r"(?P<ja>(?:[千万億兆](?:[0-9][0-9,]*(?:\.[0-9]+)?)?)*)"
    r"(?:\s*(?P<en>million|billion|trillion)|\s?(?P<abbr>bn|tn|bln|trn)\b|(?(cur)\s?(?P<cur_m>m|mn|mln)\b))?"
    r"(?P<pct>\s*(?:%|％|percent|per cent|パーセント))?"
)
_NOT_QUANTITY_AFTER = re.compile(r"\s*(?:年|月|日|時|分|秒|歳|代|[:：]|a\.m|p\.m|GMT|JST|-year)|\s*\)")
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$|[（(]\s*$")
_JA_UNIT = {"万": 10**4, "億": 10**8, "兆": 10**12}
_EN_UNIT = {"million": 10**6, "billion": 10**9, "trillion": 10**12}
_ABBREVIATED = {"bn": 10**9, "bln": 10**9, "tn": 10**12, "trn": 10**12, "m": 10**6, "mn": 10**6, "mln": 10**6}
# A large figure told to its fraction in one report and whole in another (the Nikkei's "4,451.28 points" and 「4451円
# 28銭安」, whose 銭 is read apart): its whole part is a figure of the report too. Not below this (a rate of 141.7 yen
# to the dollar is no 141 yen).
WHOLE_PART_FROM = 1000


def _ja_value(head: str, tail: str) -> float:
    """「47億4000万」: 47 × 10^8 + 4000 × 10^4. A count of thousands inside a group, as the papers write it (「4千人」,
    「1万2千人」, 「2億5千万円」: 2 × 10^8 + 5,000 × 10^4), is that many thousands of the group."""
    total, group, number = 0.0, 0.0, float(head.replace(",", ""))
    for m in re.finditer(r"([千万億兆])|([0-9][0-9,]*(?:\.[0-9]+)?)", tail):
        unit = m.group(1)
        if unit == "千":
            group += number * 1000
            number = 0.0
        elif unit:
            total += (group + number) * _JA_UNIT[unit]
            group = number = 0.0
        else:
            number = float(m.group(2).replace(",", ""))
    return total + group + number


_DECIMAL_RE = re.compile(r"\.[0-9]")  # 7.7, 7.0, 0.25: written to a tenth or finer
_DIGIT_RE = re.compile("[0-9]")
_TENTHS_RE = re.compile(r"(?<![0-9.,])([0-9]+(?:\.[0-9]+)?)\s*割(?![引増安高])")  # 6割 = 60%; not 2割引 (a discount)


def number_terms(text: str) -> set[str]:
    """The quantities of a text as comparable terms ("#210000", "#15%", 6割: "#60%"); small bare counts (under 10)
    and four-digit years are left out, but not a small figure with decimals (マグニチュード7.7, "a 6.4 aftershock",
    "1.5 meters"): a measurement told to a tenth is as telling as a large count."""
    if not _DIGIT_RE.search(text):  # both patterns' figures open on an ASCII digit: none, no quantity (most summaries)
        return set()
    out = {f"{NUMBER_PREFIX}{float(m[1]) * 10:g}%" for m in _TENTHS_RE.finditer(text)}
    for m in _NUMBER_RE.finditer(text):
        if _NOT_QUANTITY_AFTER.match(text, m.end()) or _MONTH_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        unit = _EN_UNIT.get(m["en"] or "") or _ABBREVIATED.get(m["abbr"] or m["cur_m"] or "", 1)
        value = _ja_value(m["n"], m["ja"]) * unit
        if m["pct"]:
            out.add(f"{NUMBER_PREFIX}{value:g}%")
        elif (value >= 10 or _DECIMAL_RE.search(m["n"])) and not (
            m["ja"] == "" and unit == 1 and 1900 <= value <= 2100 and "," not in m["n"]
        ):
            out.add(f"{NUMBER_PREFIX}{value:.6g}")
            if unit == 1 and not m["ja"] and value >= WHOLE_PART_FROM and _DECIMAL_RE.search(m["n"]):
                out.add(f"{NUMBER_PREFIX}{int(value):.6g}")
    return out


@lru_cache(maxsize=1)
def event_lexicon() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """English word → concepts, Japanese word or stem → concepts (one dict), and the English stop words."""
    data = json.loads(resources.files("bot.data").joinpath("event_words.json").read_text(encoding="utf-8"))
    concepts: dict[str, set[str]] = {}
    for concept, words in data["concepts"].items():
        for w in words:
            form = w.lower() if w.isascii() else normalize(w)
            concepts.setdefault(form, set()).add(CONCEPT_PREFIX + concept)
    frozen = {k: frozenset(v) for k, v in concepts.items()}
    return frozen, frozenset(data.get("stopwords_en", []))


@lru_cache(maxsize=1)
def _japanese_re() -> re.Pattern[str]:
    """The Japanese words and stems of the lexicon, longest first (記者会見 before 会見)."""
    lex, _ = event_lexicon()
    ja = sorted((w for w in lex if not w.isascii()), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ja))


def english_words(text: str, stop: frozenset[str] | None = None) -> list[str]:
    """Content words of English text: lower case, without stop words (the timeline's, `stopwords_en`, unless `stop`
    is given), plurals folded (talks → talk)."""
    if stop is None:
        _, stop = event_lexicon()
    out = []
    for raw in _LATIN_WORD_RE.findall(text):
        w = raw.lower().removesuffix("'s")
        if len(w) < 2 or w in stop:
            continue
        out.append(singular(w))
    return out


def singular(w: str) -> str:
    """An English noun's singular by its spelling alone (policies → policy, talks → talk; "crisis", "bus" kept)."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=8192)
def is_english(text: str) -> bool:
    """Mostly Latin letters (an English report), not Japanese with a Latin name in it. Remembered per text (bulk38):
    an event's summary, its acts and its features each ask of the same text (87,214 calls, 21,920 texts)."""
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_LATIN_LETTER))  # _LATIN_RE's matches, counted
    if not latin:
        return False
    # Japanese letters counted only until they are too many: a Japanese passage stops at its first ones
    limit = latin * 0.2
    return all(ja < limit for ja, _ in enumerate(_JA_CHAR_RE.finditer(text), 1))


def event_terms(words: list[str], text: str = "") -> set[str]:
    """The words to compare: each word that names a concept as that concept (会談 and talks both as
    ~meeting, counted once), the others as they are; English words of `text` are looked up as written too
    (inflected forms such as "clashed")."""
    lex, _ = event_lexicon()
    out: set[str] = number_terms(unicodedata.normalize("NFKC", text)) if text else set()
    found_ja = [m.group() for m in _japanese_re().finditer(normalize(text))] if text else []
    for surface in found_ja:
        out |= lex[surface]
    for w in words:
        if not any(w in surface or surface in w for surface in found_ja):  # counted once, as its concept
            out |= lex.get(w) or {w}
    for raw in _LATIN_WORD_RE.findall(text):
        found = lex.get(raw.lower())
        if found:
            out |= found
            out.discard(singular(raw.lower().removesuffix("'s")))
    if text.isascii() or _LATIN_RE.search(text):
        lower = text.lower()
        spans = [(m.start(), m.end(), m.group()) for m in _phrases_re().finditer(lower)]
        for _, _, phrase in spans:
            out |= lex[phrase]
            out -= {singular(w) for w in phrase.split()}
        out -= _senses_only_in(spans, lower, lex)
    return out


def _senses_only_in(spans: list[tuple[int, int, str]], lower: str, lex: dict[str, frozenset[str]]) -> set[str]:
    """The concepts a phrase's words name alone that the text names nowhere else: a phrase is read as a whole, not
    as its words ("fired at a convoy" is an attack, not the dismissal "fired" names; "opened fire" no blaze)."""
    if not spans:
        return set()
    inside = {c for _, _, phrase in spans for w in phrase.split() for c in lex.get(w, ())} - {
        c for _, _, phrase in spans for c in lex[phrase]
    }
    if not inside:
        return set()
    rest = list(lower)
    for start, end, _ in spans:
        rest[start:end] = " " * (end - start)
    outside = {c for raw in _LATIN_WORD_RE.findall("".join(rest)) for c in lex.get(raw, lex.get(singular(raw), ()))}
    return inside - outside


@lru_cache(maxsize=1)
def _phrases_re() -> re.Pattern[str]:
    """The English entries of several words (executive order, took effect), longest first."""
    lex, _ = event_lexicon()
    phrases = sorted((w for w in lex if w.isascii() and " " in w), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in phrases) + r")\b")


# --- Japanese words read in English (bot/data/glosses.json.gz, from JMdict) -------------------------------------
# A Japanese report and an English one of the same happening share few event words of the lexicon above, but
# many plain words (投稿 / post, 昼食 / lunch, 払い戻し / refund): a Japanese word matches an English word that is
# one of its glosses or an inflection of one (post, posts, posted, posting).


@lru_cache(maxsize=1)
def gloss_file() -> dict[str, dict[str, list[str]]]:
    """bot/data/glosses.json.gz's tables (tools/make_glosses.py; kept gzipped: 3 MB of JSON, 1 MB so), read once a
    process."""
    data = json.loads(gzip.decompress(resources.files("bot.data").joinpath("glosses.json.gz").read_bytes()))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def event_glosses() -> dict[str, list[str]]:
    # the common nouns only: a timeline event word is a noun (the verbs and phrases are `--about`'s, gloss_words)
    return gloss_file()["glosses"]  # keys as `normalize` makes them, none in Latin letters (tools/make_glosses.py)


def _concepts_of(glosses: list[str]) -> set[str]:
    lex, _ = event_lexicon()
    return {c for g in glosses for f in _inflections(g) for c in lex.get(f, ())}


def _inflections(gloss: str) -> set[str]:
    forms = {gloss, gloss + "s", gloss + "d", gloss + "ed", gloss + "ing", gloss + "ly"}
    if gloss.endswith("e"):
        forms.add(gloss[:-1] + "ing")
    return forms


@lru_cache(maxsize=8192)
def gloss_forms(word: str) -> frozenset[str]:
    """The English words a Japanese word (normalized, as `nouns` gives it) matches, and the concepts they name
    (計画: plan, plans, planned…, ~proposal); empty for an English word."""
    if word.isascii():
        return frozenset()
    glosses = event_glosses().get(word)
    if glosses is None:
        return frozenset()
    forms = {f for g in glosses for f in _inflections(g)}
    forms |= {f for g in glosses for d in _derivations(g) for f in _inflections(d)}
    return frozenset(forms | _concepts_of(glosses))


# A gloss is a noun; an English report tells the same thing with the verb or the adjective of its stem (発展
# "development" / "hoped ties would develop", 地方 "region" / "the regional weather observatory", 保護 "protection"
# / "to protect", 開幕 "opening" / "the expo opened", 辞職 "resignation" / "resigned", 承認 "approval" / "approved",
# 延期 "postponement", 衝突 "collision" / "collided"). Only the words: a derived form names no concept (選挙 "election"
# matches "elected" as a word, not as ~election_win).
_NOUN_SUFFIXES = (("ment", 4), ("tion", 3))  # suffix, letters dropped: develop(ment), protect(ion)
_STEM_LEAST = 5  # a shorter stem is another word (station → stat, mention → men)
_ING_LEAST = (
    4  # a verb's stem before -ing may be shorter (open, bomb, warn, kill), or of three letters with its e (rul-e)
)
# -ing nouns whose stem is another word, not their verb (evening is no "even", morning no "morn")
_ING_NOT_VERBS = frozenset(["evening", "morning", "ceiling", "nothing", "something", "anything", "everything"])


def _derivations(gloss: str) -> set[str]:
    """The verb of a noun gloss (development → develop, protection → protect, opening → open, resignation → resign,
    evacuation → evacuate, collision → collide, suspension → suspend, discussion → discuss, approval → approve) and
    the adjective of a plain one (region → regional, nation → national); none for a phrase. A form that is no word
    (resignate, nominat) is harmless: an English report never holds it."""
    if " " in gloss or len(gloss) < 4:
        return set()
    out = set()
    for suffix, drop in _NOUN_SUFFIXES:
        if gloss.endswith(suffix) and len(gloss) - drop >= _STEM_LEAST:
            out.add(gloss[:-drop])
    if gloss.endswith("ation") and len(gloss) - 5 >= _STEM_LEAST:
        out.update((gloss[:-5], gloss[:-3] + "e"))  # resign(ation), evacuat(ion)+e
    if gloss.endswith("ssion") and len(gloss) - 3 >= _STEM_LEAST:
        out.add(gloss[:-3])  # discuss(ion)
    elif gloss.endswith("sion") and len(gloss) - 3 >= _STEM_LEAST:
        out.update((gloss[:-4] + "de", gloss[:-4] + "d"))  # colli(sion)+de, suspen(sion)+d
    if gloss.endswith(("val", "sal", "wal")) and len(gloss) - 2 >= _STEM_LEAST:
        out.update((gloss[:-2], gloss[:-2] + "e"))  # approv(al)+e, withdraw(al)
    if gloss.endswith("ing") and len(gloss) - 3 >= _ING_LEAST - 1 and gloss not in _ING_NOT_VERBS:
        stem = gloss[:-3]
        if len(stem) >= _ING_LEAST:
            out.add(stem)  # open(ing), bomb(ing)
        if stem[-1] == stem[-2] and stem[-1] not in "ls":
            out.add(stem[:-1])  # shop(p)ing; not kill, pass
        elif stem[-1] not in "aeiouwy" and stem[-2] in "aeiou" and stem[-3] not in "aeiou":
            out.add(stem + "e")  # rul(ing)+e, vot(ing)+e
    if gloss.endswith("on"):
        out.add(gloss + "al")  # region → regional, nation → national
    return out
