"""Whether a passage in the other language says the query's claim, not only its topic (`quote_cross`).

Concept coverage (`quote_cross.share`) tells a quotation that says most of a query's words; a line nobody said made
from a real quote by changing its claim says most of them too: "We hunters spend three years…" for 「…10年経験を積む」,
"At this stage we are moving toward a settlement" for 「今の段階で和解に向かう兆しはない」, "The transport ministry will
consult suppliers…" for the carmaker's 「仕入れ先の皆さまに…個別に相談させていただく」. What must correspond:
- its numbers (`numbers`): each number of the query (digits, English number words, a month's name; 5万 = 50,000) is
  one the passage writes — a translation keeps a figure, a changed claim changes it;
- its polarity, read where the two sides share words (`polarity_clash`): each concept the quotation says is given the
  parity of the negations of its own clause, on each side; a concept said "no" on one side and "yes" on the other
  clashes. A translation moves a negation inside its clause (no warning / 前触れもなく, means nothing unless /
  消さなければ…意味もない) but keeps it in the clause of the words it negates; forms that carry a negation without
  saying no are not counted (〜なければならない "must", 〜しかねない, 〜ないか心配 "may", なくなる / no longer "stop");
  refused when CLASH_MIN concepts or more clash (one clash is a clause cut another way);
- its words in the quotation's own text: OWN_WORDS concepts and OWN_SHARE of the query's (a Japanese passage's
  share reads its indexed words, which hold its narration: "Not one firefighter was sent home because of budget
  cuts" found 予算削減 and 消防 in a report beside the quotation 「現時点でコメントはない」);
- its mood: a question only for a question, a request or wish that someone else act (`request`: 〜てほしい, "we want
  Japan to") only for a request or an obligation (`directive`: a translation renders 〜てほしい as "should") —
  「日本にオブザーバーとして加わってほしい」 does not say "Japan will attend as an observer";
- its words, not their opposites (`says_opposite`: JMdict's and WordNet's antonyms said in the other language);
- its subject (`subject_held`): the head noun of the query's subject (English: before its first auxiliary or "of";
  Japanese: the noun before が/は) is said in the passage — another actor doing the same is another claim.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from bot.services.quote_gist import NEGATION_RE, quotations
from bot.services.quote_lang import Concept, english_marks, holds
from bot.text import analyze_remembered, fold_variants, morphemes, normalize

CLASH_MIN = 2  # concepts whose clause says no on one side only, at which a passage does not say the claim
OWN_WORDS = 3  # concepts the quotation says in its own words, at the least
OWN_SHARE = 0.5  # … and this share of the query's concepts

_CLAUSE = re.compile(r"[^、。，,;；:：！？!?「」\"“”]+")
# An English sentence's end: a full stop after a word (not inside a number, 3.5, or an initial, U.S.) before a space.
# A sentence is a clause of its own: "This trial should not take place. It is a witch hunt" negates the trial, not
# the witch hunt (a Japanese text ends its sentences with 。, a clause break already).
_EN_SENTENCE_END = re.compile(r"(?<=[a-z0-9)’'\"”])\.(?=\s+[A-Z\"“‘'])")
_EN_NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|none|nothing|neither|nor|without|unless|cannot)\b|n['’]t\b", re.IGNORECASE
)
# a change of state (no longer, なくなる: "stop") and a tag or worry (〜ないか心配, 〜ないだろうか) are not a "no"
_EN_NOT_NEGATION = re.compile(r"\bno\s+longer\b|\bnot\s+only\b|\bno\s+doubt\b", re.IGNORECASE)
# Forms that carry ない without saying no (as `quote_gist` reads them, but a negation inside a modifier, 含まない計画
# "a plan that doesn't have", or a degree, 見られなかったほど "not seen for", is one: a translation keeps it): "must"
# (〜なければならない, ざるを得ない), "may" (かねない, かもしれない), "only" (しか…ない, ほかない), set phrases (申し訳ない,
# 構わない, 欠かせない, 違いない, 少ない, 間もなく), a tag (のではないか, 〜ないか心配), a change of state (なくなる).
JA_NOT_NEGATION = re.compile(
    r"かね(?:ない|ず)|かもしれ(?:ない|ません)|しか[^、。」]{0,8}?(?:ない|ません)|ほか(?:ない|ありません)"
    r"|申し訳(?:ない|なく|なかっ|ありません|ございません)|すみません|(?:構わ|かまわ|欠かせ|間違い)(?:ない|ません)"
    r"|ざるを得(?:ない|ません)|ざるをえ(?:ない|ません)|(?:なけれ|なくて)ば?(?:は)?(?:なら|いけ)(?:ない|ず)"
    r"|ねばなら(?:ない|ず)|違いない|少な[いくけかっ]+|間もなく|限りなく|(?:の|ん)?では(?:ない|ありません)(?:か|でしょうか)"
    r"|(?:ない|なく)(?=な[るりっれら])|ない(?=か|だろうか|でしょうか)"
)
_JA_QUESTION = re.compile(r"(?:か|？|\?)[。」]*$")
# A request or a wish that someone else do something ("we want Japan to attend", 「日本に参加してほしい」, "I urge them
# to", "please") is another claim than the doing itself ("Japan will attend"); a translation keeps the request. The
# speaker's own wish (〜したい, "I want to") is neither: it is rendered both ways ("we will", 「したい」); nor an order
# (〜してください: English writes it bare) or a hope about how things turn out ("I hope this will be", 〜を願う).
# The asking verb may come after an adverb or its addressee (よう、引き続き強く求めていく, よう政府に求め続ける) and in
# a form that goes on asking (求め続ける, 求めていく); a request by an honorific noun (ご容赦いただきたい, ご理解願いたい).
_JA_REQUEST = re.compile(
    r"[てで](?:ほしい|欲しい|ほしかった|もらいたい|いただきたい)|[ごお][一-龥]{1,4}(?:いただき|頂き|願い)たい"
    r"|よう(?:に)?、?(?:[^、。「」]{0,8}?[にへ]|(?:強く|改めて|引き続き|重ねて|今後も|、)*)"
    r"(?:求め|要請|要求|促|呼びかけ|訴え|お願い)"
    r"|(?:を|に)、?(?:強く|改めて|引き続き|重ねて|今後も)*求め(?:る|ます|たい|続け|て(?:いく|いき|いる|い))"
)
_EN_REQUEST = re.compile(
    r"\b(?:want(?:s|ed)?|would\s+like|ask(?:s|ed)?|urge[sd]?|urging|call(?:s|ed|ing)?\s+on|request(?:s|ed)?"
    r"|encourage[sd]?|need(?:s|ed)?)\s+(?!to\b)(?:[\w'’-]+\s+){0,4}?to\b"
    r"|\bplease\b",
    re.IGNORECASE,
)
# What a translation may render a request as: an obligation ("payments should be made quickly" for
# 「支払いを迅速に進めてほしい」, 〜べきだ, 〜なければならない, "must", "need to", "let's").
_JA_DIRECTIVE = re.compile(
    r"べき|(?:なけれ|なくて)ば?(?:は)?(?:なら|いけ)|ねばなら|ては(?:なら|いけ)|ましょう|よう(?:に)?(?:。|$)"
)
_EN_DIRECTIVE = re.compile(
    r"\b(?:should|must|ought\s+to|need(?:s)?\s+to|have\s+to|has\s+to|let['’]?s|let\s+us)\b", re.IGNORECASE
)
_JA_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(億|万|千|割)?")
_EN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?")
_UNITS = {"億": 1e8, "万": 1e4, "千": 1e3, "割": 10}  # 7割 = 70 (percent)
_EN_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    w: 10 * i
    for i, w in enumerate(["_", "_", "_", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    if i >= 3
}
# months by name ("May" left out: a modal as often), as a Japanese text writes them (12月 → 12)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "_",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
    if m != "_"
}
# what an English subject's head is not: pronouns and determiners (a query's "we" is the speaker, said elsewhere)
_EN_AUX = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "can",
        "could",
        "must",
        "should",
        "shall",
        "may",
        "might",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "cannot",
        "won't",
        "can't",
        "wouldn't",
        "couldn't",
        "shouldn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "didn't",
        "doesn't",
        "don't",
    ]
)


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def japanese_numbers(text: str) -> set[float]:
    """The numbers a Japanese text writes in digits, with 万/億/千 (2億 = 200,000,000; 3万人 = 30,000)."""
    return {_value(n) * _UNITS.get(unit, 1) for n, unit in _JA_NUMBER.findall(normalize(text))}


def english_numbers(text: str) -> set[float]:
    """The numbers an English text says: digits, number words (fifty-five, two billion), months by name."""
    out: set[float] = set()
    words = _EN_NUMBER.findall(text)
    i = 0
    while i < len(words):
        w = words[i].lower()
        value: float | None = None
        if w[0].isdigit():
            value = _value(w)
        elif w in _EN_WORDS or (w.count("-") == 1 and all(p in _EN_WORDS for p in w.split("-"))):
            value = float(sum(_EN_WORDS[p] for p in w.split("-")))
        elif w in _MONTHS and words[i][0].isupper():
            out.add(float(_MONTHS[w]))
        if value is not None:
            while i + 1 < len(words) and words[i + 1].lower() in _EN_SCALES:
                value *= _EN_SCALES[words[i + 1].lower()]
                i += 1
            out.add(value)
        i += 1
    return out


def numbers(text: str, japanese: bool) -> set[float]:
    return japanese_numbers(text) if japanese else english_numbers(text)


def numbers_held(query: str, passage: str, query_japanese: bool) -> bool:
    """Each number of the query (not 0 or 1: "a", "one", 一日も早く) is one the passage writes."""
    wanted = {n for n in numbers(query, query_japanese) if n not in (0.0, 1.0)}
    return wanted <= numbers(passage, not query_japanese)


def negations(clause: str, japanese: bool) -> int:
    """How many negations a clause says (the forms that carry one without saying no left out)."""
    if japanese:
        text = JA_NOT_NEGATION.sub("", in_word_negations_out(clause))
        return len([n for n in NEGATION_RE.findall(text) if not n.isascii()])
    return len(_EN_NEGATION.findall(_EN_NOT_NEGATION.sub("", clause)))


_NAI = re.compile(r"な(?:い|く|け|か)")


def in_word_negations_out(clause: str) -> str:
    """A Japanese clause with the words whose spelling holds ない but say no negation blanked: a verb (損ない of 損なう,
    "damage"), an adjective of its own (揺るぎない "unwavering", 危ない, 少ない) or a noun; the auxiliary ない and the
    adjective ない that follows a word (できない, 問題はない, 正しくない) stay. Sudachi tells them apart."""
    if not _NAI.search(clause):
        return clause
    out = []
    for m in morphemes(clause):
        inside = m.dictionary != "ない" and m.pos[0] in ("動詞", "形容詞", "名詞", "形状詞", "副詞")
        out.append("・" * len(m.surface) if inside and _NAI.search(m.surface) else m.surface)
    return "".join(out)


def clauses(text: str) -> list[str]:
    """A text cut at its punctuation and, in English, before a negated purpose ("We will consult suppliers
    individually so as not to place a burden on them" negates the burden, not the consulting); a Japanese part that says no predicate (a topic, 大きな地震のほとんどは; an item of
    a list) is read with the part after it."""
    text = _EN_SENTENCE_END.sub("。", text)
    parts = [c.strip() for p in _CLAUSE.findall(text) for c in _EN_CONJUNCTION.split(p) if c.strip()]
    out: list[str] = []
    carried = ""
    for i, part in enumerate(parts):
        part = carried + part
        if i + 1 < len(parts) and _JA_RE.search(part) and not has_predicate(part):
            carried = part + "、"
            continue
        carried = ""
        out.append(part)
    return out


_JA_RE = re.compile(r"[ぁ-んァ-ヶ一-龥]")
# An English purpose clause with its own negation ("so as not to", "in order not to"): the negation says what is
# avoided, not that the main clause is not done (a translation says it 〜ないよう, a clause of its own). Only these:
# cut before "so that" or "but", a negated main clause ("We do not need to rebuild the system so that…") would keep
# its negation from the words the other clause shares, and a changed claim would pass.
_EN_CONJUNCTION = re.compile(r"\s+(?=(?:so\s+as|in\s+order)\s+not\b)", re.IGNORECASE)


def has_predicate(clause: str) -> bool:
    """A Japanese clause says a predicate: a verb, an adjective or a copula."""
    return any(
        m.pos[0] in ("動詞", "形容詞") or (m.pos[0] == "助動詞" and m.dictionary in ("だ", "です", "ない"))
        for m in morphemes(clause)
    )


def _clause_of(concept: Concept, parts: list[str], said: Callable[[Concept, str], bool]) -> int | None:
    return next((i for i, p in enumerate(parts) if said(concept, p)), None)


def _in_english(concept: Concept, clause: str) -> bool:
    """An English clause of the query holds the concept's word, or a passage's English clause says it."""
    if concept.word.lower() in clause.lower():
        return True
    return holds(concept, "", english_marks(clause))


def _in_japanese_query(concept: Concept, clause: str) -> bool:
    """A Japanese clause of the query holds the concept's word (a verb by its stem: 崩れる in 崩れて)."""
    word = normalize(concept.word)
    stem = word[:-1] if len(word) > 1 and word[-1] in "うくぐすつぬぶむるい" else word
    return stem in normalize(fold_variants(clause))


def _in_japanese_passage(concept: Concept, clause: str) -> bool:
    if holds(concept, normalize(fold_variants(clause)), frozenset()):
        return True
    # a word of one kanji (敵, 日) is said as a token of the clause, not inside its compounds (`quote_lang.holds`)
    single = {m for m in concept.marks if len(m) == 1}
    return bool(single) and bool(single & set(analyze_remembered(fold_variants(clause)).forms))


def polarity_clash(query: str, segment: str, shared: list[Concept], query_japanese: bool) -> int:
    """How many of the concepts both sides say are said in a clause that says no on one side only."""
    q_parts, s_parts = clauses(query), clauses(segment)
    q_in = _in_japanese_query if query_japanese else _in_english
    s_in = _in_english if query_japanese else _in_japanese_passage
    clash = 0
    for c in shared:
        qi, si = _clause_of(c, q_parts, q_in), _clause_of(c, s_parts, s_in)
        if qi is None or si is None:
            continue
        q_no = negations(q_parts[qi], query_japanese) > 0
        s_no = negations(s_parts[si], not query_japanese) > 0
        clash += q_no != s_no
    return clash


@lru_cache(maxsize=1)
def _agents() -> tuple[tuple[str, ...], frozenset[str]]:
    """(Japanese endings and words of an organisation, title or anonymous source; their English words, lower case),
    from the attribution vocabulary: who a subject is, when it is one."""
    data = json.loads(resources.files("bot.data").joinpath("attribution.json").read_text(encoding="utf-8"))
    ja = tuple([*data["ja_org_suffixes"], *data["ja_titles"], *data["ja_anonymous"], "消防"])
    en = frozenset(w.lower() for k in ("en_org_heads", "en_titles", "en_anonymous") for w in data[k])
    return ja, en


def _agent(concept: Concept, query_japanese: bool) -> bool:
    """A subject head that names who acts: a name, an organisation, a title, an anonymous source (警察, the ministry,
    residents), not a thing (人, the chance)."""
    if concept.kind == "name":
        return True
    ja, en = _agents()
    if query_japanese:
        return concept.word.endswith(ja)
    return concept.word.lower() in en or concept.word[:1].isupper()


# (and the indefinite ones: "Everyone should be calm" names no one who acts, though it opens a sentence capitalised)
_EN_PRONOUNS = frozenset(
    [
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "this",
        "that",
        "there",
        "these",
        "those",
        "who",
        "what",
        "everyone",
        "everybody",
        "everything",
        "someone",
        "somebody",
        "something",
        "anyone",
        "anybody",
        "anything",
        "nobody",
        "nothing",
        "each",
        "all",
        "both",
        "none",
    ]
)


def subject_heads(query: str, found: list[Concept], query_japanese: bool) -> list[Concept]:
    """The concepts heading the query's subjects: Japanese, the noun right before が/は; English, the last concept
    word before a clause's first auxiliary or "of" (The transport ministry will…, The chance of a quake is…)."""
    out: list[Concept] = []
    if query_japanese:
        ms = morphemes(fold_variants(query))
        heads = {
            m.dictionary
            for m, nxt in itertools.pairwise(ms)
            if m.pos[0] == "名詞" and nxt.surface in ("が", "は") and nxt.pos[0] == "助詞"
        }
        return [c for c in found if c.word in heads]
    for clause in clauses(query):
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", clause)
        cut = next((i for i, w in enumerate(words) if w.lower() in _EN_AUX), None)
        if cut is None:
            continue
        span = words[:cut]
        if any(w.lower() in _EN_PRONOUNS for w in span):  # I hope this…, even though we…: no subject noun
            continue
        if "of" in span:
            span = span[: span.index("of")]
        head = next((c for w in reversed(span) for c in found if c.kind != "number" and c.word == w), None)
        if head is not None:
            out.append(head)
    return out


def says_opposite(found: list[Concept], segment: str, query_japanese: bool) -> bool:
    """The quotation says the opposite of one of the query's words and not the word ("rates will be cut" for
    「利上げする」; 「引き下げる」 for "raise"): a changed claim, as `quote_gist.says_opposite` refuses in one language."""
    s_in = _in_english if query_japanese else _in_japanese_passage
    return any(
        c.opposite and not s_in(c, segment) and s_in(dataclasses.replace(c, marks=c.opposite), segment) for c in found
    )


def subject_held(query: str, found: list[Concept], passage: str, query_japanese: bool) -> bool:
    """Each subject head of the query is said in the passage (in any of its sentences: the speaker is named there)."""
    heads = [c for c in subject_heads(query, found, query_japanese) if _agent(c, query_japanese)]
    if query_japanese:
        marks = english_marks(passage)
        return all(holds(c, "", marks) for c in heads)
    text = normalize(fold_variants(passage))
    return all(holds(c, text, frozenset()) for c in heads)


def question(text: str, japanese: bool) -> bool:
    """The text asks (〜のか, "…?"), not asserts."""
    text = text.strip().rstrip(',.、。」"”’ ')
    return bool(_JA_QUESTION.search(text)) if japanese else text.endswith("?")


def request(text: str, japanese: bool) -> bool:
    """The text asks someone else to do something or wishes they would (〜てほしい, "we want X to", "urge", "please")."""
    return bool((_JA_REQUEST if japanese else _EN_REQUEST).search(text))


def directive(text: str, japanese: bool) -> bool:
    """The text asks for something in any form a translation of a request takes: a request, or an obligation."""
    return request(text, japanese) or bool((_JA_DIRECTIVE if japanese else _EN_DIRECTIVE).search(text))


def saying_part(found: list[Concept], segment: str, passage: str, query_japanese: bool) -> str:
    """The passage's quotation that says most of the concepts in its own words (a Japanese passage's share reads
    the whole passage's indexed words, so its best-scored quotation may be another one), else the segment."""
    s_in = _in_english if query_japanese else _in_japanese_passage
    best, most = segment, 0
    for part in quotations(passage):
        said = sum(any(s_in(c, p) for p in clauses(part)) for c in found)
        if said > most:
            best, most = part, said
    return best


_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


def saying_sentences(segment: str, shared: list[Concept], said_in: Callable[[Concept, str], bool]) -> str:
    """The sentences of a quotation that say one of the concepts both sides share: a quotation's other sentence (「…判決が出て、
    ホッとしています。国は一刻も早く法律を変えてほしい」 for "I'm relieved that such a ruling came out") is not what the
    query renders, and its mood is not the query's. The whole quotation when none does."""
    parts = [p for p in _SENTENCE.findall(_EN_SENTENCE_END.sub("。", segment)) if p.strip()]
    kept = [p for p in parts if any(said_in(c, p) for c in shared)]
    return "".join(kept) if kept and len(kept) < len(parts) else segment


def refusal(query: str, found: list[Concept], segment: str, passage: str, query_japanese: bool) -> str | None:
    """Why the passage does not say the query's claim ("number", "words", "question", "request", "polarity",
    "opposite", "subject"), or None."""
    if not numbers_held(query, passage, query_japanese):
        return "number"
    segment = saying_part(found, segment, passage, query_japanese)
    s_in = _in_english if query_japanese else _in_japanese_passage
    shared = [c for c in found if any(s_in(c, p) for p in clauses(segment))]
    # a loose concept counts where the quotation says it, and is not missed where it does not (`quote_cross.share`)
    counted = [c for c in found if c.kind != "loose" or c in shared]
    if len(shared) < max(OWN_WORDS, OWN_SHARE * len(counted)):
        return "words"
    if question(query, query_japanese) != question(segment, not query_japanese):
        return "question"
    said = saying_sentences(segment, shared, s_in)
    if (request(query, query_japanese) and not directive(said, not query_japanese)) or (
        request(said, not query_japanese) and not directive(query, query_japanese)
    ):
        return "request"
    if polarity_clash(query, segment, shared, query_japanese) >= CLASH_MIN:
        return "polarity"
    if says_opposite(found, segment, query_japanese):
        return "opposite"
    if not subject_held(query, found, passage, query_japanese):
        return "subject"
    return None
