"""An English quote's words as `quote_gist` and `quote_lang` read them: the light words a quote leans on without
saying its content, a crude stem its forms share (abandoned, abandoning → abandon), the forms JMdict's glosses and
WordNet's tables may list it by, and WordNet's synonyms (`bot/data/english_words.json`), read once a process.
Apart from both so that neither imports the other for them."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.event_words import event_lexicon, singular
from bot.extract.lexicon import antonyms_of

LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\d[\d,.]*")

# English words a remembered quote leans on that say nothing of its content (modals, pronouns, light verbs); the
# timeline's stop words (`event_words`) are added to them
EN_LIGHT = frozenset(
    [
        "must",
        "should",
        "shall",
        "might",
        "ought",
        "us",
        "them",
        "him",
        "me",
        "my",
        "mine",
        "your",
        "yours",
        "ours",
        "theirs",
        "itself",
        "themselves",
        "ourselves",
        "myself",
        "any",
        "all",
        "every",
        "each",
        "some",
        "such",
        "very",
        "just",
        "only",
        "even",
        "ever",
        "also",
        "too",
        "so",
        "do",
        "does",
        "did",
        "done",
        "doing",
        "get",
        "got",
        "make",
        "made",
        "let",
        "going",
        "want",
        "wanted",
        "thing",
        "things",
        "one",
        "ones",
        "way",
        "lot",
        "lots",
        "really",
        "here",
        "now",
        "then",
        "again",
        "still",
        "being",
        "am",
        "if",
        "nothing",
        "anything",
        "something",
        "everything",
        "how",
        "why",
        "whether",
        "cannot",
        "can't",
        "won't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "take",
        "taken",
        "took",
        "give",
        "given",
        "gave",
        "put",
        "keep",
        "kept",
        "come",
        "came",
        "go",
        "went",
        "gone",
        "see",
        "seen",
        "saw",
        "know",
        "knew",
        "think",
        "thought",
        "become",
        "became",
        "seem",
        "seemed",
        "tell",
    ]
)
# the timeline's stop words a quote's content may be (a week, the government)
EN_KEPT = frozenset(
    ["day", "week", "month", "year", "years", "government", "minister", "president", "prime", "official", "officials"]
)
# English endings taken off to compare a word's forms (victims, abandoned, abandoning → victim, abandon): an
# inflection's, then a derivation's (answered → answer → answ, as answer; families → family → fami, as family)
EN_INFLECTIONS = ("ings", "ing", "es", "ed", "s")
EN_DERIVATIONS = ("ations", "ation", "ments", "ment", "ers", "er", "age", "ly")
# Function words an ending would cut to a false stem (however → howev, always → alway, because → becaus, another →
# anoth): left whole, as the light words and the timeline's stop words are (whether, never, after, other)
EN_FUNCTION = frozenset(
    [
        "however",
        "together",
        "rather",
        "whatever",
        "whenever",
        "wherever",
        "whoever",
        "always",
        "perhaps",
        "unless",
        "across",
        "another",
        "either",
        "neither",
        "further",
        "thus",
        "less",
        "during",
        "among",
        "within",
        "without",
        "because",
        "since",
        "until",
        "upon",
        "onto",
        "above",
        "below",
        "beside",
        "besides",
        "towards",
        "afterwards",
        "otherwise",
        "therefore",
    ]
)
_DOUBLED = re.compile(r"([bdgmnprt])\1$")  # planned, stopped, committed → plan, stop, commit
_ES_AFTER = ("x", "ch", "sh", "ss", "z")  # taxes, matches, processes; raises, issues lose their s alone


def english_stem(word: str) -> str:
    """A crude stem that an English word's forms share (abandoned, abandoning, abandon → abandon; raise, raised,
    raises → rais; families, family → fami; answer, answered → answ): an inflection's ending off, then a
    derivation's (twice at most), then a final e (raise → rais, as raised is cut); a function word left whole (whether, however)."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w in EN_FUNCTION or w in EN_LIGHT or w in event_lexicon()[1]:
        return w
    # studies, studied → study
    w = w[:-3] + "y" if w.endswith(("ies", "ied")) and len(w) >= 6 else _off(w, EN_INFLECTIONS)
    w = _off(_off(w, EN_DERIVATIONS), EN_DERIVATIONS)  # considerations → consideration → consider → consid
    return w[:-1] if w.endswith("e") and len(w) >= 5 else w


def _off(w: str, endings: tuple[str, ...]) -> str:
    """`w` without the first of `endings` it has, four letters left (three for a plural's: cuts → cut); not the s
    of -ss, -us, -is (process, status, crisis), -es only where English writes it (taxes; raises loses its s alone);
    a doubled consonant before -ed, -ing, -age undone (planned → plan, stoppage → stop)."""
    for ending in endings:
        least = 3 if ending in ("s", "es") else 4
        if not w.endswith(ending) or len(w) - len(ending) < least:
            continue
        if (ending == "s" and w.endswith(("ss", "us", "is"))) or (ending == "es" and not w[:-2].endswith(_ES_AFTER)):
            continue
        stem = w[: -len(ending)]
        if ending in ("ed", "ing", "age") and _DOUBLED.search(stem):
            stem = stem[:-1]
        return stem
    return w


@lru_cache(maxsize=1)
def english_words() -> dict[str, dict[str, list[str]]]:
    """WordNet's synonyms, derived nouns and irregular forms (`bot/data/english_words.json`)."""
    from bot.extract.about import english_word_data as words  # WordNet's data, read once by about.py

    return words()


def english_keys(word: str) -> list[str]:
    """The forms of an English word JMdict's glosses may use: itself, singular, its lemma, without its ending."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    keys = [w, singular(w), english_words()["inflected"].get(w, "")]
    for ending, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", "")):
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            keys.append(w[: -len(ending)] + repl)
    if w.endswith(("er", "ers")):  # insurer → insure, insurance (the noun JMdict glosses)
        base = w.removesuffix("s").removesuffix("er")
        keys += [base, base + "e", base + "ance"]
    return [k for k in dict.fromkeys(keys) if k]


STEM_MARK = "~"  # an English word's stem among a passage's words (`english_stem_marks`), apart from its tokens


def english_content(text: str) -> list[str]:
    """An English quote's words for `quote_gist`, lower case, each once: contractions ("it's", "won't") and stop words
    of two letters ("an", "to", "of") out; longer ones ("the", "are") weigh by their rarity, and a passage worded
    alike holds them too (but they are not the words its passages are looked up by: `english_function_word`)."""
    stop = event_lexicon()[1] - EN_KEPT
    out: list[str] = []
    for raw in LATIN_WORD_RE.findall(text):
        low = raw.lower().replace("’", "'").removesuffix("'s")
        if "'" in low or (len(low) < 3 and (low in stop or low in EN_LIGHT)):
            continue
        out.append(low)
    return list(dict.fromkeys(out))


def english_function_word(word: str) -> bool:
    """A stop, light or function word ("the", "could", "whether"): in a store of Japanese reports every English word
    is rare, so these were among the rarest of an English quote's words, the ones its passages are looked up by."""
    return word in _function_words()


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """The stop, light and function words of `english_function_word`, united once a process (not at every word)."""
    return frozenset((event_lexicon()[1] | EN_LIGHT | EN_FUNCTION) - EN_KEPT)


def english_gist_word(word: str) -> tuple[str, frozenset[str]]:
    """An English word's stem mark and its synonyms' through WordNet (problems → issue, trouble), for `quote_gist`."""
    mark = STEM_MARK + english_stem(word)
    synonyms = english_synonyms()
    lemma = next((k for k in english_keys(word) if k in synonyms), "")
    others = [s for s in synonyms.get(lemma, ()) if " " not in s]
    return mark, frozenset(STEM_MARK + english_stem(s) for s in others) - {mark} - english_antonym_marks(word)


@lru_cache(maxsize=1)
def english_synonyms() -> dict[str, tuple[str, ...]]:
    """WordNet's synonyms looked up both ways: `english_words.json` lists a word's synonyms only for the words WordNet's
    sense-tagged corpus uses (supervise → oversee), so the rarer word of a pair is no key there (oversee); here it
    names the words that list it (oversee → supervise). The file itself stays one way: `/stance --about` reads it."""
    table = english_words()["synonyms"]
    out: dict[str, list[str]] = {w: list(s) for w, s in table.items()}
    for word, others in table.items():
        for other in others:
            if word not in out.setdefault(other, []):
                out[other].append(word)
    return {w: tuple(s) for w, s in out.items()}


def english_antonym_marks(word: str) -> frozenset[str]:
    """The stem marks of the words that say the opposite of an English word (raise → lower, accept → reject: WordNet's
    antonyms, `lexicon.antonyms_of`), by its forms (raised → raise)."""
    return frozenset(STEM_MARK + english_stem(a) for k in english_keys(word) for a in antonyms_of(k)) - {
        STEM_MARK + english_stem(word)
    }


def english_stem_marks(text: str) -> frozenset[str]:
    """The stem marks of a text's English words (`english_gist_word`): none for a text without Latin letters."""
    return frozenset(STEM_MARK + english_stem(w) for w in LATIN_WORD_RE.findall(text) if not w[:1].isdigit())
