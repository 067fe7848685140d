"""Build bot/data/glosses.json (Japanese noun → English words) from JMdict.

Run by hand when the dictionary or the selection changes; the bot reads only the JSON it writes:

    pip install jamdict-data==1.5 && python tools/make_glosses.py PATH/TO/jamdict.db

(jamdict-data ships jamdict.db.xz; unpack it with `xz -dk`.) Kept: the common words (JMdict's
priority marks: news, ichi, spec, gai, nf) whose first sense is a noun, keyed as `normalize` writes them, each
with the content words of
the glosses of its first two senses, lower case, plurals folded as `english_words` folds them.
JMdict is the property of the Electronic Dictionary Research and Development Group, used under
its licence (Creative Commons Attribution-ShareAlike 4.0); the JSON carries that notice.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path

from bot.extract.event_words import english_words
from bot.text import normalize

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "glosses.json"
SENSES = 2
WORDS = 8
# Words a gloss uses to explain rather than to name (「…すること」 "act of …", "something", "etc.").
_EXPLAINING = frozenset(
    [
        "act",
        "acting",
        "action",
        "one",
        "something",
        "someone",
        "thing",
        "things",
        "etc",
        "being",
        "certain",
        "kind",
        "sort",
        "way",
        "state",
        "matter",
        "person",
        "people",
        "make",
        "making",
        "made",
        "take",
        "taking",
        "get",
        "getting",
        "put",
        "putting",
        "give",
        "giving",
        "use",
        "using",
        "very",
    ]
)
_PAREN_RE = re.compile(r"\([^)]*\)")


def _words(gloss: str) -> list[str]:
    text = _PAREN_RE.sub(" ", gloss)
    return [w for w in english_words(text) if len(w) >= 3 and w not in _EXPLAINING]


def build(db_path: str) -> dict[str, list[str]]:
    db = sqlite3.connect(db_path)
    common = {
        idseq: form
        for idseq, form in db.execute(
            "SELECT k.idseq, k.text FROM Kanji k JOIN KJP p ON p.kid = k.ID"
            " UNION SELECT n.idseq, n.text FROM Kana n JOIN KNP p ON p.kid = n.ID"
            " WHERE n.text GLOB '[ァ-ヺ]*'"
        )
    }
    forms: dict[int, set[str]] = {}
    for idseq, form in db.execute(
        "SELECT k.idseq, k.text FROM Kanji k JOIN KJP p ON p.kid = k.ID"
        " UNION SELECT n.idseq, n.text FROM Kana n JOIN KNP p ON p.kid = n.ID WHERE n.text GLOB '[ァ-ヺ]*'"
    ):
        forms.setdefault(idseq, set()).add(form)
    out: dict[str, list[str]] = {}
    for idseq in sorted(common):
        senses = [r[0] for r in db.execute("SELECT ID FROM Sense WHERE idseq = ? ORDER BY ID", (idseq,))][:SENSES]
        if not senses:
            continue
        pos = [r[0] for r in db.execute("SELECT text FROM pos WHERE sid = ?", (senses[0],))]
        if not any("noun" in p for p in pos):
            continue
        words: list[str] = []
        for sid in senses:
            for (gloss,) in db.execute("SELECT text FROM SenseGloss WHERE sid = ? AND lang = 'eng'", (sid,)):
                words += [w for w in _words(gloss) if w not in words]
        if words:
            for form in map(normalize, forms[idseq]):
                if form and not form.isascii():  # ＵＳＡ: written in Latin letters, compared as written
                    out.setdefault(form, [])
                    out[form] += [w for w in words[:WORDS] if w not in out[form]]
    return dict(sorted(out.items()))


def main() -> None:
    if len(sys.argv) != 2:
        print("usage: python tools/make_glosses.py PATH/TO/jamdict.db", file=sys.stderr)
        sys.exit(2)
    data = {
        "_about": "Japanese nouns → English content words (the glosses of their first two senses), to tell that a "
        "Japanese and an English report share an event word. Made by tools/make_glosses.py.",
        "_licence": "Derived from JMdict, the property of the Electronic Dictionary Research and Development Group "
        "(https://www.edrdg.org/edrdg/licence.html), used under Creative Commons Attribution-ShareAlike 4.0; "
        "this file is under the same licence.",
        "glosses": build(sys.argv[1]),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
