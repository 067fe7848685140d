"""Targets read as /stance --about reads the user's words, for the reading tests: with no registry and no topics."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.about import Target, add_related, parse_target


def related_target(text: str) -> Target:
    """The target of `text` with its related words (synonyms, equivalents, the country's other names) added."""
    target = parse_target(text, ActorIndex([]), {})
    add_related(target)
    return target


def word_index(target: Target, word: str) -> int:
    """The place of the target word whose form is `word`."""
    return next(k for k, w in enumerate(target.words) if w.form == word)


def forms_of(target: Target, word: str) -> list[str]:
    """Every form the target word `word` is matched by."""
    return target.words[word_index(target, word)].forms
