"""A quote's concepts in the other language: what an English rendering of a Japanese quote (or the reverse) must
find in the passage that holds the original.

A reader who met 「保険会社は被災者を見捨ててはならない」 in an English outlet remembers "Insurers must not abandon
the victims". Each content word of the query becomes one concept with the words that say it in the other language:
- English → Japanese through JMdict's glosses read backwards (`bot/data/glosses.json.gz`: abandon → 見捨てる, 放棄…),
  the word's own forms first (abandoned → abandon, victims → victim, took → take), then WordNet's nouns derived from
  it (`bot/data/english_words.json`: abandon → abandonment), the common words whose first gloss is a derivation of it
  placed after its own common ones (fair → fairness → 公平, `_japanese_of`); a word the marked words gloss rarely or
  never reads the unmarked nouns (`plain_glosses.json.gz`: creditor → 債権者) or its WordNet synonyms, as a loose
  concept (counted where said, not missed where not: `quote_cross.share`);
- Japanese → English through the same glosses read forwards, a compound the tokenizer splits read whole (見+捨てる =
  見捨てる, 被災+者 = 被災者);
- a name through the actors' registry (林 ↔ Hayashi) and, for a proper noun, its reading in romaji (八潮 → yashio);
- a number as the index writes it (5万 = 50,000 = 50000).
A concept is found in a passage by any of its words (JMdict's verbs by the stem every form writes: 見捨て); the
passage's share of the query's concepts, weighed by rarity, is scored by `quote_cross`.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from bot.actors import ActorIndex
from bot.extract.about import about_settings
from bot.extract.event_words import event_lexicon, gloss_file, singular
from bot.extract.gloss_words import japanese_words, matching_stem, noun_glosses, plain_glosses, word_glosses
from bot.extract.lexicon import antonyms_of, neighbours
from bot.extract.romaji import name_key, romanize
from bot.kept_tables import kept
from bot.services import quote_countries
from bot.services.quote_english import EN_KEPT as _EN_KEPT
from bot.services.quote_english import EN_LIGHT as _EN_LIGHT
from bot.services.quote_english import LATIN_WORD_RE as _LATIN_WORD_RE
from bot.services.quote_english import english_function_word, english_stem
from bot.services.quote_english import english_keys as _english_keys
from bot.services.quote_english import english_words as _english_words
from bot.services.quote_gist import LIGHT, japanese_antonyms, plain_particles
from bot.text import analyze, fold_variants, morphemes, normalize, proper_noun_readings

GLOSSES_READ = 3  # a Japanese word's first glosses: the later ones are rarer senses
KANA_MIN = 4  # a hiragana word this long is one word (もっともらしい), a shorter one is found inside others
JA_PER_WORD = 24  # Japanese words one English word may stand for (the likeliest: it glosses them first, they are short)
PLAIN_BELOW = 3  # an English word the marked words gloss fewer times than this reads the unmarked nouns too
PLAIN_PER_WORD = 8  # unmarked nouns one English word may stand for
LATE_FIRSTS = 2  # a derivation's news-common first words kept within JA_PER_WORD, at most (`_japanese_of`)
PREFIX_MIN = 5  # English stems this long that begin one another say the same word (insur, insurance)
_JA_RE = re.compile(r"[ぁ-んァ-ヶ一-龥々]")
_KANA_ONLY_RE = re.compile(r"^[ぁ-ん]+$")
_KANJI_RE = re.compile(r"[一-龥]")
# words in -ly that are no adverb made from an adjective (`_adjectives_of`)
_NOT_ADVERBS = frozenset(
    [
        "likely",
        "unlikely",
        "early",
        "only",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "friendly",
        "lonely",
        "costly",
        "deadly",
        "lovely",
        "elderly",
        "timely",
        "orderly",
        "holy",
        "family",
        "supply",
        "apply",
        "reply",
        "rally",
        "ally",
        "belly",
        "bully",
        "silly",
        "ugly",
        "jolly",
        "july",
        "italy",
    ]
)


@dataclass(frozen=True, slots=True)
class Concept:
    """One content word of the query, said in the other language."""

    word: str  # as typed
    terms: tuple[str, ...]  # the other language's words as the full-text index holds them (a phrase: space-joined)
    marks: frozenset[str]  # what a passage's text holds when it says the concept (`holds`)
    kind: str  # "word", "name" or "number"; "loose": a word only rarer words gloss (`_japanese_of`)
    opposite: frozenset[str] = frozenset()  # marks of the words that say its opposite in the other language
    said: tuple[str, ...] = ()  # a Japanese word's English words as written (glosses, derived nouns, names)


def is_japanese(text: str) -> bool:
    return bool(_JA_RE.search(text))


def english_marks(text: str) -> frozenset[str]:
    """The stems of an English text's words and the name keys of its capitalised ones (`holds` for English)."""
    words = _LATIN_WORD_RE.findall(text)
    out = {english_stem(w) for w in words}
    out |= {"#" + k for w in words if w[:1].isupper() and (k := name_key(w))}
    out |= {k for w in words if (k := quote_countries.english_mark(w))}  # Chinese, China: one mark (#china)
    out |= {"=" + n for w in words if (n := _number(w))}
    return frozenset(out)


def japanese_name_marks(text: str) -> frozenset[str]:
    """The name keys of a Japanese text's proper nouns by their readings (八潮 → #yashio), for `holds`."""
    return frozenset("#" + k for r in proper_noun_readings(text) if (k := name_key(romanize(r))))


def holds(concept: Concept, japanese_text: str, english: frozenset[str]) -> bool:
    """Whether a passage says the concept: one of its marks is in the passage's matching form (Japanese) or among
    its words' stems and name keys (English, `english_marks`)."""
    held = concept.marks & english
    # a word of one kanji is a token of the passage (`english`: a Japanese passage's indexed words) that its quotation
    # writes (`japanese_text`), not a character of the quotation's compounds nor a token of the narration around it
    if held and (not japanese_text or any(len(m) > 1 or m in japanese_text for m in held)):
        return True
    if japanese_text:
        return any(m in japanese_text for m in concept.marks if m[:1] not in "#=" and len(m) > 1)
    # an English word's stems that differ in their ending only (insur of insurers, insurance)
    return any(
        len(m) >= PREFIX_MIN and len(w) >= PREFIX_MIN and (w.startswith(m) or m.startswith(w))
        for m in concept.marks
        if m[:1] not in "#="
        for w in english
        if w[:1] not in "#="
    )


def _number(word: str) -> str:
    digits = word.replace(",", "")
    return digits if digits.isdigit() and digits not in {"0", "1"} else ""


_TABLES_LOCK = threading.Lock()
_started = False


def prepare_in_background() -> None:
    """Read the tables a cross-language quote needs (JMdict's glosses read backwards, WordNet's words: ~0.4 s of CPU
    where their kept file is, ~1.4 s where it is built and kept, `_glossary`) in a thread, once a process: the
    first quote asked starts it, so the first quote typed in the other language does not pay it (a same-language
    answer never waits for it)."""
    global _started
    if _started:
        return
    _started = True
    threading.Thread(target=_tables, name="quote-lang-tables", daemon=True).start()


def _tables() -> None:
    _english_words()
    _glossary()
    japanese_words()  # read by the concepts themselves (`_ja_marks`, `_japanese_opposite`, `japanese_concepts`)


# what the glossary is made from: the data files and the code that reads and ranks them (`bot/kept_tables.py`)
_GLOSSARY_SOURCES = (
    *(Path(__file__).parents[1] / "data" / f for f in ("glosses.json.gz", "plain_glosses.json.gz", "neighbours.json")),
    Path(__file__).parents[1] / "data" / "english_words.json",
    Path(__file__),
    *(Path(__file__).parents[1] / "extract" / f for f in ("gloss_words.py", "event_words.py", "lexicon.py")),
    Path(__file__).parent / "quote_english.py",
)


def _glossary() -> dict[str, dict]:  # type: ignore[type-arg]
    """The English → Japanese tables (`_built_glossary`), once a process: read from the file `bot/kept_tables.py`
    keeps them in (~0.15 s), else built (~1 s of CPU) and kept for the next process. One reader reads or builds
    them; a query that needs them meanwhile waits for that one."""
    with _TABLES_LOCK:
        return _kept_glossary()


@lru_cache(maxsize=1)
def _kept_glossary() -> dict[str, dict]:  # type: ignore[type-arg]
    return kept("quote_lang_glossary", _GLOSSARY_SOURCES, _built_glossary)


def _built_glossary() -> dict[str, dict]:  # type: ignore[type-arg]
    ranked = _built_ranked_by_english()
    return {
        "ranked": ranked,
        "by_english": {en: tuple(ja for _, ja in v) for en, v in ranked.items()},
        "plain": _built_plain_by_english(),
        "derived_from": _built_derived_from(),
    }


def _by_english() -> dict[str, tuple[str, ...]]:
    """An English word → the Japanese words glossing it among their first GLOSSES_READ glosses, likeliest first
    (`_ranked_by_english`), at most JA_PER_WORD."""
    return _glossary()["by_english"]


def _ranked_by_english() -> dict[str, tuple[tuple[Rank, str], ...]]:
    return _glossary()["ranked"]


def _plain_by_english() -> dict[str, tuple[str, ...]]:
    return _glossary()["plain"]


def _derived_from() -> dict[str, list[str]]:
    return _glossary()["derived_from"]


Rank = tuple[bool, bool, int, int]  # (said by a gloss phrase only, not news-common, the gloss's place, length)


def _built_ranked_by_english() -> dict[str, tuple[tuple[Rank, str], ...]]:
    """An English word → (rank, Japanese word) of the words glossing it among their first GLOSSES_READ glosses, at
    most JA_PER_WORD, likeliest first: a word with a gloss of its own before a compound only a gloss phrase names
    (fair → 公平 before フエアコピ "fair copy", 公正取引 "fair trade": the phrase is `_phrases`'), a word news text uses
    often (as chiVe's neighbour table lists them), the gloss's place, the shorter. Hiragana-only words out (they are
    found inside any text); a common noun of one kanji only by its own first gloss (日 day, 嘘 lie, 便 flight), found as a
    passage's token, not inside its compounds (`holds`)."""
    common = neighbours()
    own = {**noun_glosses(), **word_glosses()}
    found: defaultdict[str, list[tuple[Rank, str]]] = defaultdict(list)
    for ja, glosses in japanese_words().items():
        if len(ja) < 2 and not (_KANJI_RE.match(ja) and ja in own and glosses and _plain_noun(ja)):
            continue
        if len(ja) < KANA_MIN and _KANA_ONLY_RE.match(ja):
            continue
        # a word of one kanji by its first sense's words only (市 "city", not "fair"), and as common as words come
        for place, en in enumerate(glosses[: GLOSSES_READ if len(ja) > 1 else 1]):
            found[en].append(((ja not in own, ja not in common and len(ja) > 1, place, len(ja)), ja))
    return {en: tuple(sorted(v)[:JA_PER_WORD]) for en, v in found.items()}


def _plain_noun(ja: str) -> bool:
    """A word of one kanji that is a common noun (日, 嘘, 便, 敵), not an affix or a word of the grammar (的 "-like", 等,
    中, 毎): what a quotation says as a word of its own."""
    ms = morphemes(ja)
    return ja not in LIGHT and len(ms) == 1 and ms[0].pos[:2] == ("名詞", "普通名詞")


def _built_plain_by_english() -> dict[str, tuple[str, ...]]:
    """An English word → JMdict's nouns with no priority mark glossing it first (`plain_glosses`: creditor → 債権者,
    債権国), the news-common first, the shorter: read for a word the marked words gloss too few times."""
    common = neighbours()
    found: defaultdict[str, list[tuple[Rank, str]]] = defaultdict(list)
    for ja, glosses in plain_glosses().items():
        if len(ja) < 2 or _KANA_ONLY_RE.match(ja):
            continue
        if glosses:  # the first gloss only: an unmarked noun is a rarer word, its later glosses rarer senses
            found[glosses[0]].append(((True, ja not in common, 0, len(ja)), ja))
    return {en: tuple(ja for _, ja in sorted(v)[:PLAIN_PER_WORD]) for en, v in found.items()}


def _adjectives_of(adverb: str) -> list[str]:
    """The adjectives an adverb in -ly is made from, first: JMdict glosses the adjective (deep → 深い) where its
    glosses of the adverb are idioms (deeply → 感動, 深入り), and Japanese says the adverb by the adjective's form
    (深く, 明確に). deeply → deep, easily → easy, fully → full, probably → probable; a word in -ly that is no
    adverb of an adjective (likely, early, family) is left as it is."""
    if not adverb.endswith("ly") or adverb in _NOT_ADVERBS:
        return []
    stem = adverb[:-2]
    if adverb.endswith("ily"):
        found = [stem[:-1] + "y"]
    elif adverb.endswith("bly"):
        found = [adverb[:-1] + "e"]
    elif adverb.endswith("lly"):  # carefully → careful, fully → full, really → real
        found = [stem, stem + "l"]
    else:
        found = [stem]
    return [a for a in found if len(a) >= 4 and a in _by_english()]


def _adjectival(ja: str) -> bool:
    """A Japanese word that says how (an adjective, an adjectival noun, an adverb: 深い, 明確, 慎重, しっかり), as an
    adverb's adjective is said; not a noun its English adjective also glosses (firm: 同社 "the company")."""
    ms = morphemes(ja)
    return len(ms) == 1 and (ms[0].pos[0] in ("形容詞", "形状詞", "副詞") or ms[0].pos[2] == "形状詞可能")


def _ja_marks(ja: str) -> list[str]:
    """`_ja_mark`, and for an adjective of one kanji and い (深い, 強い, 重い), whose stem alone is found inside other
    words, its written forms: 深く, 深かっ, 深けれ, 深さ (a quotation says 深く心を痛めている, not 深い)."""
    if len(ja) == 2 and ja.endswith("い") and _KANJI_RE.match(ja) and ja in japanese_words():
        return [ja, *(ja[0] + ending for ending in ("く", "かっ", "けれ", "さ"))]
    return [_ja_mark(ja)]


def _ja_mark(ja: str) -> str:
    """What a Japanese text writes of a word in every form: a verb's or adjective's stem, a noun whole."""
    return normalize(matching_stem(ja) or ja)


@lru_cache(maxsize=16384)
def _ja_terms(ja: str) -> str:
    """A word as the index writes it (a Japanese quote's concepts look up ~60 English forms of their glosses each,
    the same glosses quote after quote: tokenized once)."""
    return " ".join(analyze(ja).forms)


def english_concepts(query: str, actors: ActorIndex) -> list[Concept]:
    """The concepts of an English quote, in Japanese."""
    stop = event_lexicon()[1] - _EN_KEPT
    out: list[Concept] = []
    # a possessive is its word (Karki's → Karki: a name is found by its key, a country by its name)
    words = [w.removesuffix("'s").removesuffix("’s") for w in _LATIN_WORD_RE.findall(query)]
    named: set[int] = set()
    for start, end, entry_concept in _named_runs(words, actors):  # Kobayashi Pharmaceutical → 小林製薬
        out.append(entry_concept)
        named.update(range(start, end))
    phrased = _phrases(words, named)  # press conference → 記者会見, domestic politics → 内政
    for i, raw in enumerate(words):
        if i in named:
            continue
        low = raw.lower().replace("’", "'").removesuffix("'s")
        if number := _number(raw):
            out.append(Concept(raw, (number,), frozenset({number}), "number"))
            continue
        if country := quote_countries.by_english(raw):  # Indian → インド (JMdict glosses インディアン)
            ja = country.ja
            out.append(Concept(raw, tuple(_ja_terms(j) for j in ja), frozenset(map(normalize, ja)), "word"))
            continue
        if len(low) < 3 or low in stop or low in _EN_LIGHT or singular(low) in stop:
            continue
        if raw[:1].isupper() and i > 0:
            name = _japanese_name(raw, actors)
            if name is None and low not in _by_english() and not _english_lemma(low) and (key := name_key(raw)):
                # a name the registry does not know (Yashio): found by the readings of a passage's proper nouns (not
                # a word WordNet knows, capitalised in a title: Prime of "Prime Minister")
                name = Concept(raw, (), frozenset({"#" + key}), "name")
            if name is not None:
                out.append(name)
                continue
        keys = _english_keys(low)
        adjectival = [ja for a in _adjectives_of(low) for ja in _by_english().get(a, ()) if _adjectival(ja)]
        glossed, sure = _japanese_of(keys)
        japanese = list(dict.fromkeys([*phrased.get(i, ()), *adjectival, *glossed]))
        japanese = japanese[:JA_PER_WORD]
        if japanese:
            marks = _marks(japanese)
            terms = tuple(dict.fromkeys(_ja_terms(ja) for ja in japanese))
            kind = "word" if sure or phrased.get(i) or adjectival else "loose"
            out.append(Concept(raw, terms, marks, kind, _japanese_opposite(keys, marks)))
    return _once(out)


def _japanese_of(keys: list[str]) -> tuple[list[str], bool]:
    """The Japanese words that say an English word (`keys`: its forms, as typed first), likeliest first: the words
    glossing each form in turn (`_ranked_by_english`) and its WordNet nouns; among them, after the news-common words
    glossing the word as typed, the news-common words whose first gloss is a derivation of it (`_related`: fair →
    fairness → 公平, participate → participation → 参加), which a word whose glosses are idioms and phrases (fair →
    追い風, 天気) would not reach within JA_PER_WORD; for a word these say fewer than PLAIN_BELOW times, the nouns
    with no priority mark whose first gloss it is (creditor → 債権者); for a word nothing glosses, the words whose
    first gloss is one of its WordNet synonyms. With whether a marked word glosses the word itself (else its
    concept is "loose": `quote_cross.weights`)."""
    table = _ranked_by_english()
    related = [d for d in dict.fromkeys(d for k in keys for d in _related(k)) if d not in keys]
    derived = [n for k in keys for n in _english_words()["derived"].get(k, [])]
    old = list(dict.fromkeys(ja for k in [*keys, *derived] for _, ja in table.get(k, ())))
    lead = sum(1 for rank, _ in table.get(keys[0], ()) if not rank[0] and not rank[1]) if keys else 0
    firsts = [ja for d in related for rank, ja in table.get(d, ()) if rank[:3] == (False, False, 0)]
    out = list(dict.fromkeys([*old[:lead], *(ja for ja in firsts if ja not in old), *old[lead:]]))
    # a derivation WordNet lists among the word's own nouns is looked up after the word's own glosses, and its
    # news-common first words fell past JA_PER_WORD (understand → understanding → 理解 came 25th): the likeliest
    # LATE_FIRSTS take the places of the word's last, rarest words instead
    late = [ja for ja in dict.fromkeys(firsts) if ja in out[JA_PER_WORD:]][:LATE_FIRSTS]
    if late:
        kept = [ja for ja in out[:JA_PER_WORD] if ja not in late][: JA_PER_WORD - len(late)]
        out = [*kept, *late, *(ja for ja in out[JA_PER_WORD:] if ja not in late)]
    sure = bool(out)
    if len(out) < PLAIN_BELOW:
        out += [ja for k in [*keys, *related] for ja in _plain_by_english().get(k, ()) if ja not in out]
    if not out:
        synonyms = [w for k in keys for w in _english_words()["synonyms"].get(k, []) if " " not in w]
        out = [
            ja
            for w in synonyms
            if not english_function_word(w)
            for rank, ja in table.get(w, ())
            if rank[:3] == (False, False, 0)
        ]
    return list(dict.fromkeys(out)), sure


def _related(word: str) -> list[str]:
    """The words derived from an English word or it from them, as JMdict glosses them: WordNet's nouns of a verb and
    the verbs of a noun (participate ↔ participation), an adjective's noun and a noun's adjective by their endings
    (fair ↔ fairness, stable ↔ stability, independent ↔ independence, secure ↔ security)."""
    table = _english_words()["derived"]
    found = [*table.get(word, []), *_derived_from().get(word, []), *_by_ending(word)]
    return [w for w in dict.fromkeys(found) if w != word and w in _ranked_by_english()]


def _by_ending(word: str) -> list[str]:
    """An adjective's noun or a noun's adjective by their endings (fairness → fair), JMdict glossing it."""
    found = [
        word[: len(word) - len(end)] + other
        for end, other in _DERIVING
        if word.endswith(end) and len(word) - len(end) >= 3
    ]
    return [w for w in dict.fromkeys(found) if w != word and w in _ranked_by_english()]


# an adjective's ending and its noun's, both ways (`_related`)
_DERIVING = (
    *(
        pair
        for a, b in (
            ("", "ness"),
            ("ble", "bility"),
            ("ent", "ence"),
            ("ant", "ance"),
            ("ive", "ivity"),
            ("e", "ity"),
            ("ar", "arity"),
            ("ous", "osity"),
        )
        for pair in ((a, b), (b, a))
        if pair[0]
    ),
    ("", "ness"),
)


def _built_derived_from() -> dict[str, list[str]]:
    """WordNet's `derived` read backwards: a noun → the verbs it is made from (participation → participate)."""
    out: defaultdict[str, list[str]] = defaultdict(list)
    for verb, nouns in _english_words()["derived"].items():
        for n in nouns:
            out[n].append(verb)
    return dict(out)


def _japanese_opposite(keys: list[str], marks: frozenset[str]) -> frozenset[str]:
    """The marks of the Japanese words that say the opposite of an English word, none the word's own marks hold: the
    Japanese words whose first gloss is one of its WordNet antonyms (increase → decrease → 減少; not every word an
    antonym glosses, nor the JMdict antonyms of every Japanese word it glosses: raise's 上層 ↔ 下層). Not a function
    word's (never ↔ ever → 決して, which says "never": a negation is the polarity check's)."""
    table = japanese_words()
    opposites = [
        a for k in keys if not english_function_word(k) for a in antonyms_of(k) if not english_function_word(a)
    ]
    found = [ja for a in opposites for ja in _by_english().get(a, ()) if table.get(ja, [""])[0] == a]
    return _marks(found) - marks


def _english_opposite(word: str, marks: frozenset[str]) -> frozenset[str]:
    """The stems of the English words that say the opposite of a Japanese word: its JMdict antonyms' first glosses
    (利上げ → 利下げ → "cut"), none the word's own marks also hold."""
    table = japanese_words()
    glosses = [g for a in japanese_antonyms(word) for g in table.get(a, [])[:GLOSSES_READ] if " " not in g]
    return frozenset(english_stem(g) for g in glosses if len(g) >= 3 and not english_function_word(g)) - marks


def _english_lemma(word: str) -> bool:
    """Whether WordNet knows a lower-case word as a noun or verb a person would type (`english_words.json`)."""
    table = _english_words()
    return any(word in table[kind] for kind in ("synonyms", "derived", "inflected"))


def _phrases(words: list[str], taken: set[int]) -> dict[int, list[str]]:
    """The compounds of two words JMdict glosses as one phrase (press conference → 記者会見, domestic politics → 内政),
    the second as written or singular, by each word's place: a word of the phrase is also said by the compound (a passage
    may say the compound, or the two words apart: 基本的な方針 for "basic policy")."""
    table = gloss_file()["phrases"]
    out: dict[int, list[str]] = {}
    for i in range(len(words) - 1):
        if i in taken or i + 1 in taken:
            continue
        first, second = words[i].lower(), words[i + 1].lower()
        found = table.get(f"{first} {second}") or table.get(f"{first} {singular(second)}", [])
        for at in (i, i + 1):
            out.setdefault(at, []).extend(ja for ja in found if len(ja) >= 2)
    return out


def _marks(japanese: list[str]) -> frozenset[str]:
    return frozenset(m for ja in japanese for m in _ja_marks(ja))


def _named_runs(words: list[str], actors: ActorIndex) -> list[tuple[int, int, Concept]]:
    """Runs of two or three capitalised words (not the first word) the registry knows as one actor."""
    out: list[tuple[int, int, Concept]] = []
    i = 1
    while i < len(words):
        for n in (3, 2):
            run = words[i : i + n]
            if len(run) == n and all(w[:1].isupper() for w in run) and (c := _japanese_name(" ".join(run), actors)):
                out.append((i, i + n, c))
                i += n - 1
                break
        i += 1
    return out


def _japanese_name(word: str, actors: ActorIndex) -> Concept | None:
    """A capitalised English word that names an actor the registry knows (Hayashi → 林芳正, its aliases)."""
    from bot.services.resolve import latin_person

    entry = actors.resolve(word) or latin_person(actors, word)
    if entry is None:
        return None
    names = [n for n in [entry.name, *entry.aliases] if is_japanese(n) and len(n) >= 2]
    if not names:
        return None
    return Concept(word, tuple(dict.fromkeys(_ja_terms(n) for n in names)), frozenset(map(normalize, names)), "name")


def _english_forms(word: str) -> list[str]:
    """An English word's inflected forms, to look it up in the index (which holds the forms as written)."""
    if word.endswith("e"):
        return [word, word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith("y"):
        return [word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    return [word, word + "s", word + "es", word + "ed", word + "ing"]


def _english_concept(word: str, glosses: list[str], kind: str = "word") -> Concept | None:
    glosses = [g for g in dict.fromkeys(glosses) if g and len(g) >= 3]
    if not glosses:
        return None
    derived = [n for g in glosses for n in _english_words()["derived"].get(g, [])][:6]
    derived += [n for g in glosses if " " not in g for n in _by_ending(g) if n not in glosses][:4]
    words = [*glosses, *derived]
    terms = tuple(dict.fromkeys(_ja_terms(f) for w in words if " " not in w for f in _english_forms(w)))
    return Concept(word, terms, frozenset(english_stem(w) for w in words if " " not in w), kind, said=tuple(words))


def japanese_concepts(query: str, actors: ActorIndex) -> list[Concept]:
    """The concepts of a Japanese quote, in English: its content words (a compound the tokenizer splits read whole,
    the longest the glosses know), names by the registry's Latin names and their readings, numbers."""
    stop = _stop_words()
    table = japanese_words()
    ms = morphemes(fold_variants(plain_particles(query)))  # にとって: に, not 取る
    out: list[Concept] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.pos[1] == "数詞" and (number := _number(m.form)):
            out.append(Concept(m.surface, (number,), frozenset({"=" + number}), "number"))
            i += 1
            continue
        if m.pos[0] not in ("名詞", "動詞", "形容詞", "形状詞", "副詞", "接頭辞"):
            i += 1
            continue
        # the longest compound of two or three words the glosses know (見+捨てる, 被災+者, 保険+会社)
        word, size = m.dictionary, 1
        for n in (3, 2):
            parts = ms[i : i + n]
            if len(parts) == n:
                joined = "".join(p.surface for p in parts[:-1]) + parts[-1].dictionary
                if joined in table:
                    word, size = joined, n
                    break
        i += size
        if size == 1 and m.pos[1] == "非自立可能":  # 見 of 見捨てる is a compound's; alone, grammar (〜てみる, なる)
            continue
        if size == 1 and (country := quote_countries.by_japanese(m.surface)):  # 中国 → China, Chinese
            terms = tuple(dict.fromkeys(_ja_terms(w) for w in country.english))
            out.append(Concept(m.surface, terms, frozenset({country.key}), "word", said=country.english))
            continue
        entry = actors.resolve(m.surface) if size == 1 and m.pos[0] == "名詞" and len(m.surface) >= 2 else None
        if size == 1 and (m.pos[1] == "固有名詞" or (entry is not None and entry.name_en)):
            if name := _latin_name(m.surface, m.reading, actors):
                out.append(name)
            continue
        if normalize(word) in LIGHT or normalize(word) in stop or (len(word) < 2 and size == 1 and not table.get(word)):
            continue
        glosses = table.get(word) or table.get(m.form) or []
        concept = _english_concept(word, glosses[:GLOSSES_READ])
        if concept is not None:
            out.append(replace(concept, opposite=_english_opposite(word, concept.marks)))
    return _once(out)


def _latin_name(surface: str, reading: str, actors: ActorIndex) -> Concept | None:
    """A Japanese proper noun said in English: the registry's Latin names of the actor, else its reading in
    romaji (八潮 → yashio), compared as name keys."""
    entry = actors.resolve(surface)
    latin: list[str] = []
    if entry is not None:
        latin = [w.lower() for n in [entry.name_en or "", *entry.aliases] if n.isascii() for w in n.split()]
    latin = [w for w in latin if name_key(w)] or [romanize(reading)]
    keys = {k for w in latin if (k := name_key(w))}
    if not keys:
        return None
    said = tuple(dict.fromkeys(latin))
    return Concept(surface, said, frozenset("#" + k for k in keys), "name", said=said)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    settings = about_settings()
    return frozenset(normalize(w) for w in [*settings["stop_words"], *settings["weak_words"]])


def _once(concepts: list[Concept]) -> list[Concept]:
    """Each concept once: two words of the query that say the same thing are one concept."""
    seen: set[frozenset[str]] = set()
    out = []
    for c in concepts:
        if c.marks not in seen:
            seen.add(c.marks)
            out.append(c)
    return out


def concepts(query: str, actors: ActorIndex) -> list[Concept]:
    """The query's concepts in the other language."""
    return japanese_concepts(query, actors) if is_japanese(query) else english_concepts(query, actors)
