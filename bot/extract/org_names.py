"""A body or a company typed by a name the reports do not write: its other names, from the dictionaries.

A user types a body as they know it — an English abbreviation ("PBOC", "FBI", "ECB"), its English name
("Federation of Electric Power Companies", "Reporters Without Borders"), a company's short name ("Nissan") — where
the reports name it only in Japanese (中国人民銀行, 連邦捜査局, 電気事業連合会, 国境なき記者団, 日産自動車), or the
other way round. `bot/data/org_names.json.gz` (`tools/make_org_names.py`, from JMnedict's organisations and
companies and JMdict's abbreviated bodies) holds each body's names in both languages; `groups_named` gives the
groups a typed name is one of the names of, each as the body's other names. A computed acronym (PBOC for People's
Bank of China) is a guess: it is asked only for an all-capital name typed, and several bodies may share one (ISS),
so the caller takes a group only where one alone is named in the store.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "org_names.json.gz"
_ACRONYM_TYPED_RE = re.compile(r"[A-Z][A-Z&]{1,7}")
# a company's form after its name, dropped for its short name (Nissan Motor: Nissan; Toyota Motor Corp: Toyota Motor)
EN_COMPANY = ("Co., Ltd.", "Co. Ltd.", "Co., Ltd", "Co.", "Co", "Corporation", "Corp.", "Corp", "Inc.", "Inc", "Ltd.")
EN_COMPANY += ("Ltd", "Limited", "Holdings", "Group", "Company", "Motor", "Motors", "K.K.")
JA_COMPANY = ("株式会社", "ホールディングス", "グループ", "自動車", "(株)")
_MAX_GROUPS = 4  # a typed name that many bodies share (an acronym) is no one body's: at most this many are tried


def key(name: str) -> str:
    """A name as typed and as listed are compared: width, case, spaces, a leading "the", apostrophes' shapes."""
    text = " ".join(unicodedata.normalize("NFKC", name or "").split()).replace("’", "'").casefold()
    return text.removeprefix("the ")


@cache
def _tables() -> tuple[tuple[tuple[str, ...], ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """(each group's names, name key → groups, computed acronym → groups), read once a process."""
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        groups = json.load(f)["groups"]
    names: list[tuple[str, ...]] = []
    by_name: dict[str, list[int]] = {}
    by_acronym: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        names.append(tuple(dict.fromkeys([*g["ja"], *g["en"], *g["abbreviations"]])))
        for n in names[-1]:
            by_name.setdefault(key(n), []).append(i)
        for a in g["acronyms"]:
            by_acronym.setdefault(a, []).append(i)
    return (
        tuple(names),
        {k: tuple(dict.fromkeys(v)) for k, v in by_name.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in by_acronym.items()},
    )


def company_short(name: str, forms: tuple[str, ...]) -> str | None:
    """The name with a company's form cut from its end (or, 株式会社, its start); None when it has none."""
    for form in sorted(forms, key=len, reverse=True):
        if name.endswith(form) and len(short := name[: -len(form)].strip(" ,")) >= 2:
            return short
        if form == "株式会社" and name.startswith(form) and len(short := name[len(form) :]) >= 2:
            return short
    return None


def groups_named(typed: str) -> list[tuple[str, ...]]:
    """The other names of each body `typed` is a name of (as listed, else, typed in capitals, as its acronym);
    [] when none is, or more than `_MAX_GROUPS` are."""
    names, by_name, by_acronym = _tables()
    k = key(typed)
    found = by_name.get(k, ())
    plain = " ".join(unicodedata.normalize("NFKC", typed or "").split())
    if not found and (short := company_short(plain, EN_COMPANY if plain.isascii() else JA_COMPANY)):
        found = by_name.get(key(short), ())  # Toyota Motor Corp typed: Toyota Motor, as listed
    if not found:
        found = by_acronym.get(plain, ()) if _ACRONYM_TYPED_RE.fullmatch(plain) else ()
    if len(found) > _MAX_GROUPS:
        return []
    return [tuple(n for n in names[i] if key(n) != k) for i in found]
