"""An English quote's words as `quote_gist` and `quote_lang` read them: the light words a quote leans on without
saying its content, a crude stem its forms share (abandoned, abandoning → abandon), the forms JMdict's glosses and
WordNet's tables may list it by, and WordNet's synonyms (`bot/data/english_words.json`), read once a process.
Apart from both so that neither imports the other for them."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.event_words import _lexicon, _singular

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
# English endings taken off to compare a word's forms (victims, abandoned, abandoning → victim, abandon)
EN_ENDINGS = ("ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ies", "ied", "es", "ed", "s", "ly")


def english_stem(word: str) -> str:
    """A crude stem that an English word's forms share (abandoned, abandoning, abandon → abandon)."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    for ending in EN_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            return w[: -len(ending)]
    return w


@lru_cache(maxsize=1)
def english_words() -> dict[str, dict[str, list[str]]]:
    """WordNet's synonyms, derived nouns and irregular forms (`bot/data/english_words.json`)."""
    from bot.extract.about import _english_words as words  # WordNet's data, read once by about.py

    return words()


def english_keys(word: str) -> list[str]:
    """The forms of an English word JMdict's glosses may use: itself, singular, its lemma, without its ending."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    keys = [w, _singular(w), english_words()["inflected"].get(w, "")]
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
    of two letters ("an", "to", "of") out; longer ones ("the", "are") weigh little by their rarity, and a passage
    worded alike holds them too."""
    stop = _lexicon()[1] - EN_KEPT
    out: list[str] = []
    for raw in LATIN_WORD_RE.findall(text):
        low = raw.lower().replace("’", "'").removesuffix("'s")
        if "'" in low or (len(low) < 3 and (low in stop or low in EN_LIGHT)):
            continue
        out.append(low)
    return list(dict.fromkeys(out))


def english_gist_word(word: str) -> tuple[str, frozenset[str]]:
    """An English word's stem mark and its synonyms' through WordNet (problems → issue, trouble), for `quote_gist`."""
    mark = STEM_MARK + english_stem(word)
    synonyms = english_words()["synonyms"]
    lemma = next((k for k in english_keys(word) if k in synonyms), "")
    others = [s for s in synonyms.get(lemma, []) if " " not in s]
    return mark, frozenset(STEM_MARK + english_stem(s) for s in others) - {mark}


def english_stem_marks(text: str) -> frozenset[str]:
    """The stem marks of a text's English words (`english_gist_word`): none for a text without Latin letters."""
    return frozenset(STEM_MARK + english_stem(w) for w in LATIN_WORD_RE.findall(text) if not w[:1].isdigit())
