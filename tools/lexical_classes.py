"""What in a statement stands for the target's words when its clause names none of them: a class per miss.

For every relevance miss of class `no_word` of the tuned stories (`tools.stance_diagnosis --json` rows), the query
is run again with the service traced (`tools.context_zones`), and the clause holding the evidence is read against
each of the user's own target words it does not name, in this order (the first that holds gives the class):

- `other_language`: a word of the other language's dictionary for it is in the clause (an English word by every
  Japanese word JMdict's senses the project keeps gloss it with, its lemma and derived nouns included, a verb by
  its stem; a Japanese word by its English glosses), split into `_kept` (the query's own views already held that
  word: the statement named the target word in part, and too little of the rest) and `_unkept` (a gloss the query
  did not keep: past `gloss_max` / `gloss_verb_max` or `ENGLISH_GLOSSES`, or not among the candidates);
- `same_language`: a synonym of the same language (SudachiDict's groups and chiVe neighbours of cosine 0.5 or
  more for a Japanese word, WordNet's synonyms and derived nouns for an English one);
- `form`: another form of it (two kanji of a Japanese compound, 法案 for 改正案; the first five letters of an
  English word of six or more);
- `reference`: none of those, and the clause points back (同氏, 同案, その, これ, "it", "this", "such");
- `paraphrase`: none of those.

A diagnosis over the tuned stories only (never the check set); `--keep` reuses stores kept by an earlier run:
    python -m tools.stance_diagnosis STORY... --json DIAG.json --keep DIR
    python -m tools.lexical_classes DIAG.json --keep DIR [--cases]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import Counter
from contextlib import redirect_stdout, suppress
from pathlib import Path
from typing import Any

from tests.test_quality_floor import InProcessCLI, corpora, eval_scorer, seeded_template
from tools.context_zones import ZoneTrace

CLASSES = ("other_language_kept", "other_language_unkept", "same_language", "form", "reference", "paraphrase")
PAIRS = ("en>en", "en>ja", "ja>en", "ja>ja")
_REFERENCE_RX = re.compile(
    r"同氏|同社|同案|同法|同国|同党|同相|同省|これ|それ|この|その|こうした|そうした"
    r"|(?<![A-Za-z])(?:it|this|that|these|those|such)(?![A-Za-z])",
    re.IGNORECASE,
)
_KANJI_RX = re.compile(r"[一-龥々]")
_VERB_END_RX = re.compile(r"[るうくぐすつぬぶむ]$")


def _in(word: str, clause: str) -> bool:
    """A dictionary word in the clause: as written, a Japanese verb by its stem (戻る: 戻ら), an English word whole."""
    if word.isascii():
        return len(word) >= 3 and re.search(rf"(?<![a-z]){re.escape(word)}", clause.lower()) is not None
    if len(word) < 2:
        return False
    if word in clause:
        return True
    stem = _VERB_END_RX.sub("", word)
    return stem != word and bool(_KANJI_RX.search(stem)) and stem in clause


def other_language(w: Any) -> set[str]:
    """Every word of the other language's dictionary for a target word (see the module's docstring)."""
    from bot.extract import about
    from bot.extract.gloss_words import japanese_words, plain_glosses

    if w.form.isascii():
        keys = about.english_keys_of(w) | about.lemma_keys(w) | about.derived_keys(w)
        index, plain = about.english_index(), about.plain_gloss_index()
        return {ja for key in keys for ja, _ in [*index.get(key, []), *plain.get(key, [])]}
    return set(japanese_words().get(w.form) or plain_glosses().get(w.form) or [])


def same_language(w: Any) -> set[str]:
    from bot.extract import about, lexicon

    if w.form.isascii():
        english = about.english_word_data()
        keys = about.english_keys_of(w)
        return {s for f in w.forms for s in english["synonyms"].get(f, [])} | {
            n for f in keys for n in english["derived"].get(f, [])
        }
    return set(lexicon.synonyms_of(w.form)) | set(lexicon.neighbours_of(w.form, 0.5))


def other_form(w: Any, clause: str) -> bool:
    if w.form.isascii():
        return len(w.form) >= 6 and w.form[:5] in clause.lower()
    kanji = _KANJI_RX.findall(w.form)
    return len(kanji) >= 2 and sum(1 for k in dict.fromkeys(kanji) if k in clause) >= 2


def classify(target: Any, clause: str) -> tuple[str, list[str]]:
    """(class, the user's words the clause does not name) of one clause against the target."""
    low = clause.lower()
    own = [(k, w) for k, w in enumerate(target.words) if w.variant_of is None]
    missing = [(k, w) for k, w in own if not any(len(f) >= 2 and f in low for f in w.forms)]
    views = [v for v in (target.near, target.english) if v is not None]

    def kept(k: int, word: str) -> bool:
        return any(word in v.words[k].forms or any(word in f for f in v.words[k].forms) for v in views)

    found = ""
    for k, w in missing:
        said = [ja for ja in other_language(w) if _in(ja, clause)]
        if said:
            kind = "other_language_kept" if any(kept(k, ja) for ja in said) else "other_language_unkept"
            found = kind if not found or found == "other_language_unkept" else found
    if not found and any(_in(s, clause) for _, w in missing for s in same_language(w)):
        found = "same_language"
    if not found and any(other_form(w, clause) for _, w in missing):
        found = "form"
    if not found:
        found = "reference" if _REFERENCE_RX.search(clause) else "paraphrase"
    return found, [w.form for _, w in missing]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("diag", nargs="+", help="`tools.stance_diagnosis --json` files")
    ap.add_argument("--keep", required=True, help="the story stores (reused where present, else ingested there)")
    ap.add_argument("--cases", action="store_true", help="each miss's class (tuned stories only)")
    ap.add_argument("--json", help="write every miss's class here")
    a = ap.parse_args()
    folder = Path(a.keep)
    folder.mkdir(parents=True, exist_ok=True)
    misses: dict[str, list[dict[str, Any]]] = {}
    for p in a.diag:
        for name, rows in json.loads(Path(p).read_text()).items():
            misses[name] = [r for r in rows if r["class"] == "relevance" and r["why"] == "no_word"]
    out: list[dict[str, Any]] = []
    for name, rows in misses.items():
        if not rows:
            continue
        cases_dir, articles = corpora()[name]
        db = folder / f"{name}.db"
        cli = InProcessCLI(db) if db.exists() else None
        if cli is None:
            shutil.copy(seeded_template(folder), db)
            cli = InProcessCLI(db)
            with redirect_stdout(sys.stderr):
                cli("ingest", *map(str, articles), parse=False)
        gold = {c["id"]: c for c in eval_scorer().load(cases_dir / "stance.jsonl")}
        for r in rows:
            case = gold[r["id"]]
            with ZoneTrace(case["evidence"]) as trace, suppress(RuntimeError):
                cli("stance", case["actor"], "--about", case["about"], "--json")
            reads = [x for x in trace.reads if eval_scorer().doc_matches([{"document": x["doc"]}], case["doc"])]
            if not reads:
                kind, unnamed = "paraphrase", []  # no clause of it judged: nothing to read it against
            else:
                target, claim, text, _head = reads[0]["args"]
                kind, unnamed = classify(target, text[claim.lo : claim.hi])
            out.append({"story": name, "id": r["id"], "pair": r["pair"], "class": kind, "unnamed": unnamed})
            if a.cases:
                print(f"{name} {r['id']} {r['pair']} {kind} unnamed {unnamed} about {case['about']!r}", flush=True)
    counts = Counter((g["pair"], g["class"]) for g in out)
    print(f"no_word misses: {len(out)}")
    print(f"{'class':24} " + " ".join(f"{p:>6}" for p in PAIRS) + "   all")
    for c in CLASSES:
        row = [counts[(p, c)] for p in PAIRS]
        print(f"{c:24} " + " ".join(f"{n:6}" for n in row) + f" {sum(row):5}")
    if a.json:
        Path(a.json).write_text(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
