"""Stance misses by class, per story: what failed, never which sentence (the check stories stay blind).

Each `--about` case of a story is run through the CLI (in-process, on a fresh copy of the seeded database with
the story's articles) and put in one class:

- right: the scorer's hit (the evidence, from its document, with a gold position);
- position: the evidence is returned for the user's words, with a position the gold does not allow;
- relevance: not returned for the user's words, but returned when the target is asked in the statement's own
  words (the evidence, then its whole sentence): the actor's statement, not found from what the user typed;
- attribution: not returned even then: the statement is not read as the actor's; split by what /quote (the
  attribution module) makes of the statement's sentence (its top match in the evidence's document):
  `quote_right` (/quote names the actor the user typed: stance does not), `resolution` (/quote names the
  actor under a name the typed one does not resolve to: Natsuno / 夏野剛, Kadokawa / KADOKAWA), `neither`
  (/quote names no one, or someone else); and again by the form of the statement's sentence (`tools/
  statement_forms.FORMS`: passed on through someone else, "according to X", "was quoted as saying", a statement,
  letter or ruling issued, several speakers at once (両首脳, "both leaders", "they say"), a spokesperson or press
  office, an unnamed member of a body, voices from a group, an answer to a question or an interview, a government
  for its country, the speaker named after the quote, a sentence carrying the
  speaker before (とも訴えた, "It added", そのうえで), a title or 同+title standing for someone named earlier (同相,
  市長は, "the minister said"), one part of a name given in full earlier (孫氏, "Ms Kim"), a name and a role side
  by side ("X, chairman of …, told", AfDのX共同党首), a headline, a Japanese sentence naming no speaker of its own,
  an act with no speech verb, other); and by what the stored claims lack for the evidence
  (MISSING: a clause under another name of the same actor, under the same person written in the other script that
  the query does not join, under the typed body's officer (or the body the typed person speaks for), a speech form
  no clause holds, another actor's clause — the wrong speaker —, no clause and no speech form);
- unknown: the actor is not known at all (the command refuses the name).

A wrong-position case is also put in one reason class (`POSITION_REASONS`): the first wording of the statement's
sentence that decides a position in news text (a double negation, a condition, a hedge, reported criticism,
blocking, an apology, welcoming, a demand, a denial, a ruling or order, a refusal, a vow, a plain negation), so the
classes can be counted on a check story without reading its sentences.

A relevance miss is told why (`WHY`, traced inside the query: which documents it read, what each clause holding
the evidence scored): `not_read` (the evidence's document was not among the documents chosen by the target's
head), `no_word` (its clause and context name no word of the target, or none of its head), `threshold` (they name
part of it, below `min_score` or the context rules), `other` (read and kept, then lost); with the language pair
(the question's × the statement's: en>ja is an English question over a Japanese statement) and the user's words
that neither the clause nor its context names (`--cases` prints them; head words starred).

A position confusion table (gold position × position given) counts every case whose evidence was returned for
the user's words (asked in its own words, a target that holds the statement's negation reads it twice). `--cases` prints each case's class and given position (for developing
on the tuned stories only: never run it on the check stories).

    python -m tools.stance_diagnosis [STORY ...] [--json OUT] [--cases]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from contextlib import redirect_stdout, suppress
from pathlib import Path
from typing import Any

from bot.actors import ActorIndex
from tests.test_quality_floor import InProcessCLI, corpora, eval_scorer, seeded_template
from tools.speaker_diagnosis import same_speaker_name, store_actors
from tools.statement_forms import FORMS, speech_form, statement_form

CLASSES = ("right", "position", "relevance", "attribution", "unknown")
WHY = ("not_read", "no_word", "threshold", "other")  # the relevance class, by what the query did with the evidence
REASONS = ("quote_right", "resolution", "neither")  # the attribution class, by what /quote makes of the statement
# the attribution class by what is missing in the stored claims (the actor clauses /stance reads) of the evidence:
# alias: the clause is stored under another name of the same actor (an alias, a title, its body or its officer);
# script: the clause is stored under the same person written in the other script, whom the query does not join
# (Wells and ウェルズ, Kobakhidze and コバヒゼ: `other_script`); officer: under a person the document names as the typed
# body's officer, spokesperson or lawyer, or under the body the typed person speaks for (`officer_of`);
# no_speaker: a speech form (a quote, a speech verb) no clause holds; wrong: the clause is stored under another
# actor; not_stored: no clause holds it and it has no speech form (an act, a description)
MISSING = ("alias", "script", "officer", "no_speaker", "wrong", "not_stored")
POSITIONS = ("support", "oppose", "conditional", "neutral", "-")
# the reason classes of a wrong position, first match wins (the more particular wordings before the plain ones)
POSITION_REASONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.I))
    for name, rx in (
        ("double_negation", r"ないわけではない|なくはない|ないとは(?:言え|いえ)|not rul(?:e|ed|ing) out|not (?:un|im)"),
        ("condition", r"なければ|ない限り|なら(?:ば)?[、,]|次第|れば|unless|only if|provided|as long as|if "),
        ("hedge", r"検討|注視|見極め|控え|慎重|consider|monitor|declin\w* to|weigh|review"),
        ("criticism", r"批判|非難|遺憾|問題視|抗議|denounc|criticiz|condemn|regrettabl|protest"),
        ("block", r"阻止|妨害|差し止め|block|prevent|halt"),
        ("apology", r"謝罪|おわび|お詫び|陳謝|反省|apolog|regret"),
        ("welcome", r"歓迎|評価|welcom|prais|applaud"),
        ("demand", r"よう求め|求め|要求|要請|要望|call(?:s|ed)? (?:for|on)|urg|demand|ask"),
        ("denial", r"否定|否認|deni|deny"),
        ("ruling", r"命令|命じ|判決|決定|order|rul(?:ed|ing)"),
        ("refusal", r"拒否|拒|断|refus|reject"),
        ("vow", r"決意|誓|約束|vow|pledg|promis"),
        ("negation", r"ない|ず[、。]|not|n't|\bno\b|never"),
    )
)
# a sentence: a full stop inside 「…」 does not end it (「…図ってきた。…残念だ」と述べた。 is one sentence)
_SENTENCE_RX = re.compile(r"(?:「[^「」\n]*」|『[^『』\n]*』|[^。！？!?\n「『]|[「『])*")
_JAPANESE_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")


def about_language(about: str) -> str:
    """'ja' when the user's words hold any Japanese letter, else 'en' (the two halves of the questions)."""
    return "ja" if _JAPANESE_RX.search(about) else "en"


def _sentence(articles: list[Path], doc: str, evidence: str) -> str | None:
    """The sentence of document `doc` that holds the evidence (up to the 300 characters an about takes)."""
    score = eval_scorer()
    for path in articles:
        if not score.doc_matches([{"document": path.name}], doc):
            continue
        text = path.read_text(encoding="utf-8")
        at = score.norm(text).find(score.norm(evidence))
        if at < 0:
            continue
        for m in _SENTENCE_RX.finditer(text):
            if score.norm(evidence) in score.norm(m.group(0)):
                return m.group(0).strip()[:300]
    return None


REASON_WINDOW = 40  # characters each side of the evidence read for a wrong position's reason


def position_reason(sentence: str, evidence: str = "") -> str:
    """The reason class of a wrong position: POSITION_REASONS' first wording near the evidence in its sentence
    (the whole sentence when the evidence is not found in it), else 'other'."""
    at = sentence.find(evidence) if evidence else -1
    if at >= 0:
        sentence = sentence[max(0, at - REASON_WINDOW) : at + len(evidence) + REASON_WINDOW]
    return next((name for name, rx in POSITION_REASONS if rx.search(sentence)), "other")


def _found(answer: dict[str, Any], case: dict[str, Any]) -> list[str]:
    score = eval_scorer()
    return [
        str(s.get("position"))
        for s in answer.get("statements") or []
        if score.norm(case["evidence"]) in score.norm(s.get("text"))
        and score.doc_matches(s.get("sources"), case["doc"])
    ]


def attribution_reason(cli: InProcessCLI, case: dict[str, Any], articles: list[Path], actors: ActorIndex) -> str:
    """Why a statement is not the actor's (one of REASONS): what /quote says of its sentence."""
    words = _sentence(articles, case["doc"], case["evidence"]) or case["evidence"]
    try:
        matches = cli("quote", words[:300], "--json").get("matches") or []
    except RuntimeError:
        matches = []
    top = next((m for m in matches if eval_scorer().doc_matches(m.get("sources"), case["doc"])), {})
    speaker = str(top.get("speaker") or "")
    if not speaker:
        return "neither"
    try:
        typed = cli("stance", case["actor"], "--json").get("actor") or {}
    except RuntimeError:
        typed = {}
    said = actors.resolve(speaker)
    if said is not None and said.id == typed.get("id"):
        return "quote_right"
    return "resolution" if same_speaker_name(speaker, case["actor"], actors) else "neither"


def document_claim_texts(articles: list[Path], doc: str, actors: ActorIndex) -> list[tuple[int, str]]:
    """(actor id, clause text) of every claim of the document, extracted as ingest stores them."""
    from bot.extract.stance import extract_claims
    from bot.ingest.pipeline import parse_text

    score = eval_scorer()
    for path in articles:
        if score.doc_matches([{"document": path.name}], doc):
            parsed = parse_text(path.read_text(encoding="utf-8"), path.name, "file")
            if isinstance(parsed, tuple):
                passages = parsed[0].passages
                return [
                    (c.actor_id, c.text_of(passages[c.passage].text)[c.lo : c.hi])
                    for c in extract_claims(passages, actors)
                ]
    return []


def same_typed_actor(given: int, typed: dict[str, Any], words: str, actors: ActorIndex) -> bool:
    """The clause's actor is the one the user asked about under another name: an alias, one name holding the other,
    the same name in another script (of the actor the service resolved the words to, or of the words themselves: a
    name the store lacks is asked about with an index made for the question), or a person speaking for the typed
    body (its officer) or the other way."""
    from bot.extract.stance import speaks_for_body

    a = actors.actors.get(given)
    if a is None:
        return False
    names = [n for n in (str(typed.get("name") or ""), words) if n]
    typed_id = int(typed.get("id") or 0)
    return any(same_speaker_name(a.name, n, actors) for n in names) or (
        typed_id in actors.actors
        and (speaks_for_body(actors, given, typed_id) or speaks_for_body(actors, typed_id, given))
    )


def missing_class(cli: InProcessCLI, case: dict[str, Any], articles: list[Path], actors: ActorIndex) -> str:
    """One of MISSING for a not-attributed statement (see there)."""

    score = eval_scorer()
    try:
        typed = cli("stance", case["actor"], "--json").get("actor") or {}
    except RuntimeError:
        typed = {}
    evidence = score.norm(case["evidence"])
    holders = [a for a, text in document_claim_texts(articles, case["doc"], actors) if evidence in score.norm(text)]
    if holders:
        if any(same_typed_actor(a, typed, case["actor"], actors) for a in holders):
            return "alias"
        typed_entry = actors.actors.get(int(typed.get("id") or 0))
        typed_names = [case["actor"], *entry_names(typed_entry)]
        if any(other_script(n, h) for a in holders for h in entry_names(actors.actors.get(a)) for n in typed_names):
            return "script"
        text = _document_text(articles, case["doc"])
        if any(officer_of(text, actors, a, typed_entry, typed_names) for a in holders):
            return "officer"
        return "wrong"
    sentence = _sentence(articles, case["doc"], case["evidence"]) or case["evidence"]
    return "no_speaker" if speech_form(sentence, case["evidence"]) or re.search('[「『"“]', sentence) else "not_stored"


def entry_names(entry: Any) -> list[str]:
    """An actor's name, English name and aliases ([] for none)."""
    return [n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n] if entry is not None else []


def _document_text(articles: list[Path], doc: str) -> str:
    score = eval_scorer()
    return next((p.read_text(encoding="utf-8") for p in articles if score.doc_matches([{"document": p.name}], doc)), "")


# how a foreign name's Latin letters come out in katakana, for a loose comparison of their consonants
_HEARD_FOLDS = (("kh", "h"), ("sh", "s"), ("ch", "c"), ("ts", "t"), ("ck", "k"), ("l", "r"), ("v", "b"), ("z", "s"))
_HEARD_FOLDS += (("j", "s"), ("q", "k"), ("x", "ks"), ("w", ""), ("y", ""))


def _heard_consonants(key: str) -> str:
    for a, b in _HEARD_FOLDS:
        key = key.replace(a, b)
    return re.sub(r"[aeiou]", "", re.sub(r"(.)\1", r"\1", key))


def other_script(typed: str, holder: str) -> bool:
    """One name in Latin letters, the other in Japanese script, and the same name by a loose ear (the consonants as
    katakana writes them, 80% alike: Wells and ウェルズ, Albanese and アルバニージー), or by the readings of a name in
    kanji (Kaneshige and 兼重宏行). Looser than the bot's own test (`resolve.across_scripts`): a diagnosis that tells
    the query's missed joins from a wrong speaker, never used to join."""
    from rapidfuzz.fuzz import ratio

    from bot.extract.name_readings import name_word_keys
    from bot.extract.romaji import name_key, romanize

    latin, other = (typed, holder) if typed.isascii() else (holder, typed)
    if not latin.isascii() or other.isascii():
        return False
    words = [name_key(w) for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", latin)]
    words = [w for w in words if w]
    if any(w in keys for keys in name_word_keys(other) for w in words):
        return True
    heard = _heard_consonants(name_key(romanize(re.sub(r"[^ァ-ヺー・]", "", other).split("・")[-1]) or ""))
    if len(heard) < 2:
        return False
    return any(len(h := _heard_consonants(w)) >= 2 and ratio(h, heard) >= 80 for w in words)


def officer_of(text: str, actors: ActorIndex, holder: int, typed: Any, typed_names: list[str]) -> bool:
    """The holder is a person the document names as the typed body's officer (its spokesperson, lawyer, head: "Foreign
    ministry spokesman X", 「MSのX副社長」), or the typed person is one the document names as the holder body's."""
    from bot.extract.affiliation import affiliations, names_body

    held = actors.actors.get(holder)
    if held is None or not text:
        return False
    ties = affiliations([text], actors)
    if held.kind == "person" and (typed is None or typed.kind != "person"):
        return names_body(ties.get(holder, ()), typed_names)
    if held.kind != "person" and typed is not None and typed.kind == "person":
        return names_body(ties.get(typed.id, ()), entry_names(held))
    return False


class EvidenceTrace:
    """What one `--about` query did with a statement (see WHY): the documents it read and, for every clause that
    holds the evidence, the target words named in it, in its context and by a neighbour, and whether it was kept.
    Installed around the service's own functions for the length of one query (a diagnosis, never the bot)."""

    def __init__(self, evidence: str) -> None:
        self.evidence = evidence
        self.docs: list[str] = []
        self.reads: list[dict[str, Any]] = []

    def __enter__(self) -> EvidenceTrace:
        from bot.services import stance_about as sa

        self._saved = (sa.document_passages, sa._read_claim)
        passages, read_claim = self._saved
        score = eval_scorer()

        async def document_passages(store: Any, doc_ids: list[int]) -> Any:
            heads, rows = await passages(store, doc_ids)
            self.read_documents(heads, rows)
            return heads, rows

        def traced(
            target: Any, claim: Any, text: str, head: Any, actors: Any, min_score: float, *a: Any, **kw: Any
        ) -> Any:
            found = read_claim(target, claim, text, head, actors, min_score, *a, **kw)
            # the target's own reading, not its opposite's (続投 read as 辞任 calls this again, opposite=True; the
            # antecedent is passed by keyword on every call)
            if not a and not kw.get("opposite") and score.norm(self.evidence) in score.norm(text[claim.lo : claim.hi]):
                self.reads.append(
                    {"doc": head.name, "kept": found is not None, **self.record(target, claim, text, head)}
                )
            return found

        sa.document_passages, sa._read_claim = document_passages, traced
        return self

    def __exit__(self, *exc: object) -> None:
        from bot.services import stance_about as sa

        sa.document_passages, sa._read_claim = self._saved

    def read_documents(self, heads: dict[int, Any], rows: dict[int, list[Any]]) -> None:
        """The documents the query read (a subclass may keep their passages too: `tools.context_zones`)."""
        self.docs += [h.name for h in heads.values()]

    def record(self, target: Any, claim: Any, text: str, head: Any) -> dict[str, Any]:
        """What is kept of a judged clause holding the evidence, beside its document and whether it was kept."""
        return _named(target, claim, text, head)


def _named(target: Any, claim: Any, text: str, head: Any) -> dict[str, Any]:
    """The user's own target words (not the variants the bot added) the clause names, and those named nowhere."""
    from bot.extract.about import match_spans, named_words

    spans = match_spans(target, text)
    clause = {k for k, found in spans.items() if any(claim.lo <= s < claim.hi for s, _ in found)}
    context = named_words(target, claim.before + "\n" + (head.title or ""))
    near = set(named_words(target.near, text[claim.lo : claim.hi])) if target.near is not None else set()
    if target.english is not None and not _JAPANESE_RX.search(text):
        # a Japanese word of the target said in an English statement by its English view (glosses, a country's
        # adjective), as the query reads it (`stance_about._read_claim`): not missing there
        near |= set(named_words(target.english, text[claim.lo : claim.hi]))
    own = [(k, w) for k, w in enumerate(target.words) if w.variant_of is None]
    return {
        "clause": sorted(clause | near),
        "missing": [("*" if w.head else "") + w.form for k, w in own if k not in clause | context | near],
        "head_missing": any(w.head and k not in clause | context | near for k, w in own),
    }


def relevance_reason(cli: InProcessCLI, case: dict[str, Any]) -> dict[str, Any]:
    """Why a relevance miss was missed (one of WHY), the language pair, the user's words named nowhere."""
    score = eval_scorer()
    with EvidenceTrace(case["evidence"]) as trace, suppress(RuntimeError):
        cli("stance", case["actor"], "--about", case["about"], "--json")
    said = "en" if not _JAPANESE_RX.search(case["evidence"]) else "ja"
    pair = f"{about_language(case['about'])}>{said}"
    if not any(score.doc_matches([{"document": d}], case["doc"]) for d in trace.docs):
        return {"why": "not_read", "pair": pair, "missing": []}
    reads = [r for r in trace.reads if score.doc_matches([{"document": r["doc"]}], case["doc"])] or trace.reads
    if not reads:  # its document read, its clause not judged (another actor's there): not the words' fault
        return {"why": "other", "pair": pair, "missing": []}
    best = max(reads, key=lambda r: (r["kept"], len(r["clause"]), -len(r["missing"])))
    why = "other" if best["kept"] else "no_word" if best["head_missing"] or not best["clause"] else "threshold"
    return {"why": why, "pair": pair, "missing": best["missing"]}


class _PolarityTrace:
    """The clauses whose position the general polarity layer decided (`stance._evaluated`, where the rules read
    no cue) during one query, with the position it gave: installed around the query (a diagnosis, never the bot)."""

    def __init__(self) -> None:
        self.decided: list[tuple[str, str]] = []  # (the clause's text, the position given)

    def __enter__(self) -> _PolarityTrace:
        from bot.extract import stance

        self._saved = evaluated = stance._evaluated

        def traced(scan: Any, cl: Any, hits: Any) -> Any:
            found = evaluated(scan, cl, hits)
            if found is not None:
                self.decided.append((scan.text[cl.lo : cl.hi], found))
            return found

        stance._evaluated = traced
        return self

    def __exit__(self, *exc: object) -> None:
        from bot.extract import stance

        stance._evaluated = self._saved

    def gave(self, evidence: str, position: str) -> bool:
        """The evidence's clause was given `position` by the polarity layer."""
        score = eval_scorer()
        return any(p == position and score.norm(evidence) in score.norm(t) for t, p in self.decided)


def classify(cli: InProcessCLI, case: dict[str, Any], articles: list[Path]) -> tuple[str, str, bool]:
    """(class, position given or '-', whether the polarity layer gave that position) of one case."""

    def ask(about: str) -> dict[str, Any] | None:
        try:
            return cli("stance", case["actor"], "--about", about, "--json")
        except RuntimeError as e:
            return None if "actor" in str(e).lower() or "知ら" in str(e) else {}

    with _PolarityTrace() as trace:
        answer = ask(case["about"])
    if answer is None:
        return "unknown", "-", False
    given = _found(answer, case)
    if any(p in case["position"] for p in given):
        right = next(p for p in given if p in case["position"])
        return "right", right, trace.gave(case["evidence"], right)
    if given:
        return "position", given[0], trace.gave(case["evidence"], given[0])
    for own_words in (case["evidence"], _sentence(articles, case["doc"], case["evidence"])):
        if own_words:
            again = _found(ask(own_words) or {}, case)
            if again:
                return "relevance", again[0], False
    return "attribution", "-", False


def diagnose(name: str, folder: Path) -> list[dict[str, Any]]:
    cases_dir, articles = corpora()[name]
    db = folder / f"{name}.db"
    shutil.copy(seeded_template(folder), db)
    cli = InProcessCLI(db)
    with redirect_stdout(sys.stderr):
        if articles:
            cli("ingest", *map(str, articles), parse=False)
    actors = store_actors(db)
    rows = []
    for case in eval_scorer().load(cases_dir / "stance.jsonl"):
        if not case.get("about"):
            continue
        kind, given, polar = classify(cli, case, articles)
        why = relevance_reason(cli, case) if kind == "relevance" else {"why": "", "pair": "", "missing": []}
        rows.append(
            {
                "id": case["id"],
                "class": kind,
                "gold": case["position"],
                "given": given,
                "lang": about_language(case["about"]),
                "said": about_language(case["evidence"]),
                "polarity": polar,
                "reason": attribution_reason(cli, case, articles, actors) if kind == "attribution" else "",
                "lacking": missing_class(cli, case, articles, actors) if kind == "attribution" else "",
                "form": statement_form(
                    _sentence(articles, case["doc"], case["evidence"]) or case["evidence"], case["evidence"]
                )
                if kind == "attribution"
                else "",
                "position_why": position_reason(
                    _sentence(articles, case["doc"], case["evidence"]) or case["evidence"], case["evidence"]
                )
                if kind == "position"
                else "",
                **why,
            }
        )
    return rows


def _relevance_counts(rows: list[dict[str, Any]]) -> str:
    """The relevance misses by WHY, by language pair, and how many lack a head word or another word of theirs."""
    mine = [r for r in rows if r["class"] == "relevance"]
    why, pairs = Counter(r["why"] for r in mine), Counter(r["pair"] for r in mine)
    head = sum(1 for r in mine if any(m.startswith("*") for m in r["missing"]))
    rest = sum(1 for r in mine if any(not m.startswith("*") for m in r["missing"]))
    return (
        "  ".join(f"{k} {why[k]}" for k in WHY)
        + "  | "
        + "  ".join(f"{p} {pairs[p]}" for p in sorted(pairs))
        + f"  | a head word unnamed {head}, another word unnamed {rest}"
    )


def _polarity_counts(rows: list[dict[str, Any]]) -> str:
    """How often the polarity layer gave the evidence's position (the rules read no cue), and how often rightly."""
    decided = [r for r in rows if r.get("polarity")]
    right = sum(1 for r in decided if r["class"] == "right")
    return f"polarity layer decided {len(decided)}, right {right}, wrong {len(decided) - right}"


def wrong_cells(rows: list[dict[str, Any]]) -> list[tuple[str, int, Counter[str]]]:
    """The wrong-position cases by cell of the gold × given table ("oppose>neutral": gold oppose, read neutral), the
    largest first, each with its cases' reason classes (`POSITION_REASONS`): which confusions dominate, and why,
    counted without reading a case (a check story's too)."""
    cells: dict[str, Counter[str]] = {}
    for r in rows:
        if r["class"] == "position":
            cells.setdefault(f"{r['gold'][0]}>{r['given']}", Counter())[r["position_why"] or "other"] += 1
    return sorted(((cell, sum(c.values()), c) for cell, c in cells.items()), key=lambda x: (-x[1], x[0]))


def _cells_line(rows: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{cell} {n} (" + ", ".join(f"{k} {m}" for k, m in why.most_common()) + ")"
        for cell, n, why in wrong_cells(rows)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stories", nargs="*", help="story names (default: every corpus with about cases)")
    ap.add_argument("--json", help="write every case's class here")
    ap.add_argument("--cases", action="store_true", help="print each case's class (tuned stories only)")
    ap.add_argument("--keep", help="keep the story databases in this folder (default: a temporary one)")
    a = ap.parse_args()
    names = a.stories or [n for n in corpora() if n != "dev"]
    out: dict[str, list[dict[str, Any]]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(a.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            rows = out[name] = diagnose(name, folder)
            counts = Counter(r["class"] for r in rows)
            why = Counter(r["reason"] for r in rows if r["reason"])
            print(f"{name:16} " + "  ".join(f"{k} {counts[k]:2}" for k in CLASSES) + f"  / {len(rows)}", flush=True)
            print(f"{'':16} attribution by reason: " + "  ".join(f"{k} {why[k]}" for k in REASONS), flush=True)
            lack = Counter(r["lacking"] for r in rows if r.get("lacking"))
            print(f"{'':16} attribution by what is missing: " + "  ".join(f"{k} {lack[k]}" for k in MISSING))
            form = Counter(r["form"] for r in rows if r["form"])
            print(f"{'':16} attribution by form: " + "  ".join(f"{k} {form[k]}" for k in FORMS), flush=True)
            wrong = Counter(r["position_why"] for r in rows if r["position_why"])
            print(f"{'':16} position by reason: " + "  ".join(f"{k} {n}" for k, n in sorted(wrong.items())), flush=True)
            print(f"{'':16} relevance by reason: {_relevance_counts(rows)}", flush=True)
            print(f"{'':16} {_polarity_counts(rows)}", flush=True)
            for r in rows:
                if r["class"] in ("right", "position"):
                    confusion[(r["gold"][0], r["given"])] += 1
                if a.cases:
                    print(
                        f"    {r['id']:8} {r['class']:11} gold {'/'.join(r['gold']):20} given {r['given']}"
                        f"{' (polarity)' if r['polarity'] else ''} {r['reason']}"
                        f"{r['position_why']} {r['form']} {r.get('lacking', '')}"
                        + (f"{r['why']} {r['pair']} missing {' '.join(r['missing']) or '-'}" if r["why"] else "")
                    )
    total = Counter(r["class"] for rows in out.values() for r in rows)
    print(f"{'all':16} " + "  ".join(f"{k} {total[k]:2}" for k in CLASSES))
    why = Counter(r["reason"] for rows in out.values() for r in rows if r["reason"])
    print(f"{'all':16} attribution by reason: " + "  ".join(f"{k} {why[k]}" for k in REASONS))
    lack = Counter(r["lacking"] for rows in out.values() for r in rows if r.get("lacking"))
    print(f"{'all':16} attribution by what is missing: " + "  ".join(f"{k} {lack[k]}" for k in MISSING))
    form = Counter(r["form"] for rows in out.values() for r in rows if r.get("form"))
    print(f"{'all':16} attribution by form: " + "  ".join(f"{k} {form[k]}" for k in FORMS))
    print(f"{'all':16} relevance by reason: {_relevance_counts([r for rows in out.values() for r in rows])}")
    for lang in ("en", "ja"):  # the about's language: English questions over Japanese articles are a class apart
        part = Counter(r["class"] for rows in out.values() for r in rows if r["lang"] == lang)
        print(f"{'all, about ' + lang:16} " + "  ".join(f"{k} {part[k]:2}" for k in CLASSES))
    pairs = Counter(f"{r['lang']}>{r.get('said', '?')}" for rows in out.values() for r in rows if r["position_why"])
    print(
        f"{'all':16} position by language (about>statement): " + "  ".join(f"{k} {n}" for k, n in sorted(pairs.items()))
    )
    wrong = Counter(r["position_why"] for rows in out.values() for r in rows if r["position_why"])
    print(f"{'all':16} position by reason: " + "  ".join(f"{k} {n}" for k, n in sorted(wrong.items())))
    every = [r for rows in out.values() for r in rows]
    print(f"{'all':16} {_polarity_counts(every)}")
    print(f"{'all':16} wrong position by cell (gold>given) and reason: {_cells_line(every)}")
    print("gold (first) × given, over evidence returned for the user's words:")
    print(" " * 12 + "".join(f"{p:>12}" for p in POSITIONS[:4]))
    for g in POSITIONS[:4]:
        print(f"{g:>12}" + "".join(f"{confusion[(g, p)]:12}" for p in POSITIONS[:4]))
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
