"""A company typed by its one-word name in one script that the registry holds in the other, with its form.

A user types "Toyota" where the Japanese reports' company is トヨタ自動車, or トヨタ where the English ones' is
"Toyota Motor Corp.". Read as a name of the passages, "Toyota" is a person's (the tokenizer reads it as the surname
豊田, and a Latin word is read as a person's name): the company's statements are not found, a namesake's may be. A
company word is the company's: the registry's bodies whose name, its company forms cut (`org_names.company_short`:
Corp., Motor, 自動車, ホールディングス …), is one word in the other script spelled or sounding as the word typed
(`romaji`: Toyota and トヨタ letter for letter, Daihatsu ダイハツ), or in the same script the word itself (Toyota
of Toyota Motor Corp.). Two such companies (トヨタグループ beside Toyota Motor Corp.; Toyota Industries is not one:
"Industries" is no form) are named in a refusal, not guessed between, nor read as a person. Asked before the word is read as a name of the passages,
after the registry's own names have failed.
"""

from __future__ import annotations

import re
import unicodedata

from bot.actors import ActorEntry, ActorIndex
from bot.extract.org_names import EN_COMPANY, JA_COMPANY, company_short
from bot.extract.romaji import name_key, romanize, sounds_like
from bot.services.resolve import once_per_index

__all__ = ["companies_typed"]

_LATIN_WORD_RE = re.compile(r"[A-Z][A-Za-z]{2,}(?:-[A-Za-z]+)?")
_KATAKANA_WORD_RE = re.compile(r"[ァ-ヺー]{3,}")
_NOT_COMPANIES = ("person", "state", "country")
# a company's forms, cut for its stem; not a group's (トヨタグループ, "SoftBank Group": a group of companies is not
# the one a bare company word names when both are held)
_EN_FORMS = tuple(f for f in EN_COMPANY if f != "Group")
_JA_FORMS = tuple(f for f in JA_COMPANY if f != "グループ")


def _one_word(text: str) -> bool:
    return bool(_LATIN_WORD_RE.fullmatch(text) or _KATAKANA_WORD_RE.fullmatch(text))


def _stem(name: str) -> str:
    """The name with every company form cut from its end (Toyota Motor Corp.: Toyota; トヨタ自動車: トヨタ)."""
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    while (short := company_short(text, _EN_FORMS if text.isascii() else _JA_FORMS)) is not None:
        text = short
    return text


def _spelled(word: str) -> str:
    """A one-word name's letters, katakana read as romaji (Toyota, トヨタ: toyota)."""
    return name_key(word if word.isascii() else romanize(word))


def _companies_by_letters(actors: ActorIndex) -> dict[str, list[tuple[ActorEntry, str]]]:
    """The index's bodies by the first two letters of each one-word stem of their names (read once per index)."""
    return once_per_index(actors, "typed_company.by_letters", _read_companies)


def _read_companies(actors: ActorIndex) -> dict[str, list[tuple[ActorEntry, str]]]:
    found: dict[str, list[tuple[ActorEntry, str]]] = {}
    for a in actors.actors.values():
        if a.kind in _NOT_COMPANIES:
            continue
        for name in dict.fromkeys(n for n in (a.name, a.name_en, *(a.aliases or [])) if n):
            stem = _stem(name)
            if _one_word(stem) and len(key := _spelled(stem)) >= 4:
                found.setdefault(key[:2], []).append((a, stem))
    return found


def companies_typed(actors: ActorIndex, typed: str) -> list[ActorEntry]:
    """The bodies of the index that a one-word company name typed in one script is in the other (see the module's
    doc); [] for any other text."""
    text = unicodedata.normalize("NFKC", typed or "").strip()
    if not _one_word(text) or len(mine := _spelled(text)) < 4:
        return []
    latin = text.isascii()
    out: dict[int, ActorEntry] = {}
    for entry, stem in _companies_by_letters(actors).get(mine[:2], ()):
        if stem.isascii() == latin:  # the same script: the typed word as the stem (Toyota of Toyota Motor Corp.)
            same = stem.casefold() == text.casefold()
        else:
            same = _spelled(stem) == mine or (sounds_like(text, stem) if latin else sounds_like(stem, text))
        if same:
            out[entry.id] = entry
    return list(out.values())
