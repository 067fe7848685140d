"""Build bot/data/org_names.json.gz (a body's or a company's names in Japanese and in English, its abbreviations).

Run by hand when the dictionary or the selection changes; the bot reads only the JSON it writes:

    pip install jamdict-data==1.5 && python -m tools.make_org_names PATH/TO/jamdict.db

(jamdict-data ships jamdict.db.xz, which holds JMdict and JMnedict; unpack it with `xz -dk`.) A user types a body
or a company as they know it — "PBOC", "FBI", "Federation of Electric Power Companies", "Nissan" — and the reports
name it only in the other language (中国人民銀行, 連邦捜査局, 電気事業連合会, 日産自動車) or only in full. Kept, one
group a body:

- every JMnedict entry of type organization or company: its kanji (or kana-only) forms, its English names (a
  bracketed country dropped: "Federal Bureau of Investigation (US)"), an all-capital one (FEPC, FBI) as its
  abbreviation;
- every JMdict entry one of whose glosses is an all-capital abbreviation (ECB) and another a capitalised name of
  several words whose initials make it ("European Central Bank"): a body's entry, not a word's (LSD, SOS, OK have
  no such name beside them);
- a company's short name where its names end in a company's form (日産自動車 / Nissan Motor: 日産 / Nissan;
  ソニー株式会社 / Sony Corporation: ソニー / Sony), the forms in `EN_COMPANY` and `JA_COMPANY`;
- `acronyms`: the initials of each English name of several capitalised words, with and without the function words
  (People's Bank of China: PBC and PBOC), kept apart from the abbreviations the dictionaries give, since they are
  guesses: the bot takes one only where a single body of the store answers to it.

JMdict and JMnedict are the property of the Electronic Dictionary Research and Development Group, used under its
licence (Creative Commons Attribution-ShareAlike 4.0); the JSON carries that notice.
"""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

from bot.extract.org_names import EN_COMPANY, JA_COMPANY, company_short

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "org_names.json.gz"

# the function words an acronym may skip (People's Bank of China: PBC) or keep (PBOC)
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "at", "to", "&"})
_ABBREVIATION_RE = re.compile(r"[A-Z][A-Z&]{1,7}")
_BRACKET_RE = re.compile(r"\s*\([^)]*\)\s*$")


def plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def acronyms(english: str) -> list[str]:
    """The initials of a capitalised name of several words, function words skipped and kept."""
    words = [w for w in re.split(r"[\s-]+", english) if w]
    content = [w for w in words if w.casefold() not in FUNCTION_WORDS]
    if len(content) < 2 or not all(w[:1].isupper() for w in content):
        return []
    found = ["".join(w[0] for w in content)]
    if len(words) > len(content):
        found.append("".join(w[0].upper() for w in words if w.casefold() != "the"))
    return list(dict.fromkeys(a for a in found if a.isalpha() and a.isupper()))


def group(japanese: list[str], english: list[str], company: bool) -> dict[str, list[str]] | None:
    ja = list(dict.fromkeys(plain(j) for j in japanese if j))
    en: list[str] = []
    abbreviations: list[str] = []
    for e in english:
        e = plain(_BRACKET_RE.sub("", e))
        if not e:
            continue
        (abbreviations if _ABBREVIATION_RE.fullmatch(e) else en).append(e)
    if not ja or not (en or abbreviations):
        return None
    if company:
        ja += [s for j in ja if (s := company_short(j, JA_COMPANY)) and s not in ja]
        en += [s for e in en if (s := company_short(e, EN_COMPANY)) and s not in en]
    found = [a for e in en for a in acronyms(e) if a not in abbreviations]
    return {
        "ja": ja,
        "en": list(dict.fromkeys(en)),
        "abbreviations": list(dict.fromkeys(abbreviations)),
        "acronyms": list(dict.fromkeys(found)),
    }


def main(db_path: str) -> None:
    db = sqlite3.connect(db_path)
    groups: list[dict[str, list[str]]] = []
    entries: dict[int, tuple[list[str], list[str], bool]] = {}
    rows = db.execute(
        "SELECT t.idseq, ty.text, g.text FROM NETranslation t JOIN NETransType ty ON ty.tid = t.id "
        "JOIN NETransGloss g ON g.tid = t.id WHERE ty.text IN ('organization', 'company') AND g.lang = 'eng'"
    )
    for idseq, kind, gloss in rows:
        entry = entries.setdefault(idseq, ([], [], False))
        entry[1].append(gloss)
        if kind == "company":
            entries[idseq] = (entry[0], entry[1], True)
    for idseq, text in db.execute("SELECT idseq, text FROM NEKanji"):
        if idseq in entries:
            entries[idseq][0].append(text)
    for idseq, text in db.execute("SELECT idseq, text FROM NEKana WHERE nokanji = 1"):
        if idseq in entries and not entries[idseq][0]:
            entries[idseq][0].append(text)
    for japanese, english, company in entries.values():
        if (g := group(japanese, english, company)) is not None:
            groups.append(g)
    # JMdict: a body's entry glossed by its abbreviation and by a name of words making it (欧州中央銀行: ECB)
    glossed: dict[int, list[str]] = {}
    for idseq, text in db.execute(
        "SELECT s.idseq, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID WHERE g.lang = 'eng'"
    ):
        glossed.setdefault(idseq, []).append(text)
    kanji: dict[int, list[str]] = {}
    for idseq, text in db.execute("SELECT idseq, text FROM Kanji"):
        kanji.setdefault(idseq, []).append(text)
    for idseq, glosses in glossed.items():
        abbreviations = sorted({g for g in glosses if _ABBREVIATION_RE.fullmatch(g)})
        names = [g for g in glosses if set(acronyms(g)) & set(abbreviations)]
        if abbreviations and names and idseq in kanji and (g := group(kanji[idseq], [*names, *abbreviations], False)):
            groups.append(g)
    data = {
        "_about": "A body's or a company's names: ja (its Japanese forms), en (its English names), abbreviations (as"
        " the dictionaries give them), acronyms (the English names' initials, guessed); built by"
        " tools/make_org_names.py from JMnedict's organizations and companies and JMdict's abbreviated bodies",
        "_licence": "Derived from JMdict and JMnedict, the property of the Electronic Dictionary Research and"
        " Development Group (https://www.edrdg.org/edrdg/licence.html), used under Creative Commons"
        " Attribution-ShareAlike 4.0; this file is shared under the same licence",
        "groups": groups,
    }
    with gzip.open(OUT, "wt", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(groups)} bodies -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
