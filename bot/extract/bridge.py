"""A bridge between a Japanese and an English report of one happening that share no word as written.

Nothing in common is visible across the two scripts when the Japanese report writes a place or a person in
katakana (アブダビ, ドリスコル) and the English one in Latin letters (Abu Dhabi, Driscoll), or a figure another
way (6割 / 60%). `ScriptBridge` reads both reports' stored features (their name keys, `bot/extract/romaji.py`,
and their figures, `bot/extract/event_words.py`) and says whether they are bridged:

- the actors agree: a person of the registry in both, or a name whose consonant skeleton is in both
  (ドリスコル = Driscoll);
- and at least one *other* strong bridge: a second name, told apart from the agreeing actor's, whose Latin keys
  match closely (rapidfuzz ratio at a high threshold: アブダビ "abudabi" = Abu Dhabi "abudhabi"), or the same
  figure (value and unit, a percentage included).

The same date and the same person alone never bridge two reports (issue 12); the dates are the clustering's to
check (a report dated only by its month is not bridged).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from bot.extract.event_words import NUMBER_PREFIX
from bot.extract.romaji import SKELETON_PREFIX, name_key, name_skeleton, romanize

_KATAKANA_RE = re.compile("^[\u30a1-\u30fa\u30fc]{2,}$")


@lru_cache(maxsize=16384)
def _skeleton(key: str) -> str:
    return key if key.startswith(SKELETON_PREFIX) else name_skeleton(key)


@lru_cache(maxsize=16384)
def _katakana_forms(word: str) -> tuple[str, ...]:
    """A katakana word's Latin key and skeleton (ハルボセン: "harubosen", "%hrbsn"); () for any other word."""
    if not _KATAKANA_RE.match(word):
        return ()
    key = name_key(romanize(word))
    return tuple(k for k in (key, name_skeleton(key)) if k)


def latin_names(tokens: Iterable[str], names: Iterable[str]) -> frozenset[str]:
    """A report's names in Latin letters: its name keys and skeletons, and its katakana words transliterated (a
    foreign name the tokenizer did not take for a proper noun)."""
    return frozenset(names).union(*map(_katakana_forms, tokens))


@dataclass(frozen=True, slots=True)
class ScriptBridge:
    """Whether a Japanese and an English report are bridged across the scripts (see the module)."""

    threshold: float = 88.0  # rapidfuzz ratio of two Latin keys that are one name
    min_key: int = 6  # shorter keys (nipon, tokyo…) are too common or too short to tell names apart

    def agree(
        self, persons_a: frozenset[int], persons_b: frozenset[int], names_a: frozenset[str], names_b: frozenset[str]
    ) -> frozenset[str]:
        """The skeletons of the actors both reports name ('' in the set for a registry person in both); empty
        when no actor agrees."""
        shared = frozenset(n for n in names_a & names_b if n.startswith(SKELETON_PREFIX))
        return shared | ({""} if persons_a & persons_b else frozenset())

    def _keys(self, names: Iterable[str], actors: frozenset[str]) -> list[str]:
        return [
            n
            for n in names
            if not n.startswith(SKELETON_PREFIX) and len(n) >= self.min_key and (_skeleton(n) or n) not in actors
        ]

    def names(self, ja: frozenset[str], en: frozenset[str], actors: frozenset[str]) -> int:
        """How many names of the Japanese report (its Latin keys) match one of the English report's closely,
        the agreeing actors' own names left out."""
        en_keys = self._keys(en, actors)
        if not en_keys:
            return 0
        return sum(1 for j in self._keys(ja, actors) if any(self.close(j, e) for e in en_keys))

    def close(self, ja: str, en: str) -> bool:
        """Two Latin keys of one name: close as written (abudabi / abudhabi) or as consonants (harubosen /
        halvorsen: hrbsn / hrbrsn), however a katakana reading spells it."""
        if fuzz.ratio(ja, en) >= self.threshold:
            return True
        a, b = _skeleton(ja), _skeleton(en)
        return bool(a and b) and fuzz.ratio(a, b) >= self.threshold

    @staticmethod
    def figures(tokens_a: frozenset[str], tokens_b: frozenset[str]) -> int:
        """Figures (value and unit) both reports state: 34億円 and 3.4 billion yen, 6割 and 60%."""
        return sum(1 for t in tokens_a & tokens_b if t.startswith(NUMBER_PREFIX))

    def bridged(
        self,
        ja: tuple[frozenset[str], frozenset[int], frozenset[str]],
        en: tuple[frozenset[str], frozenset[int], frozenset[str]],
    ) -> bool:
        """(tokens, persons, names) of a Japanese and of an English report: the actors agree and at least one
        other strong bridge holds."""
        return self.bridged_latin((ja[0], ja[1], latin_names(ja[0], ja[2])), en)

    def bridged_latin(
        self,
        ja: tuple[frozenset[str], frozenset[int], frozenset[str]],
        en: tuple[frozenset[str], frozenset[int], frozenset[str]],
    ) -> bool:
        """`bridged`, the Japanese report's names already in Latin letters (`latin_names`): clustering makes them
        once per event (`events.event_sets`), not once per pair of events it compares."""
        actors = self.agree(ja[1], en[1], ja[2], en[2])
        if not actors:
            return False
        return self.figures(ja[0], en[0]) > 0 or self.names(ja[2], en[2], actors) > 0


BRIDGE = ScriptBridge()
