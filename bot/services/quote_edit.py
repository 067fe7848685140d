"""A character match that changes the quote's claim: the few words a line nobody said puts in place of the passage's.

A near miss written by someone who knows the story keeps nearly every character of a real quote and turns its claim
around by a word or two — "I have deep sympathy for him" for "I have no sympathy for him at all", "The deaths of 63
people" for 36, "August is usually our best month" for April, "If Nepal does not extradite…" for India,
「…と承知している」 for 「…とは承知していない」 — so the character score still says 85–98 and the passage was answered.
A remembered quote that is mistyped, cut or reworded changes other words: a typo, a function word, a synonym. What
tells the two apart is what the changed words are (`changed_claim`), read between the quote and the part of the
passage its characters align with (`window`), or the sentence that holds it:
- `number`: a number or month the quote says (not 0 or 1: "a", "one") that the sentence does not, where the aligned
  part says another (36 for 63; a rewording that adds a figure, a year, is not refused for it);
- `date`: a day, week, month or year said relative to now (next year, 来年, 年内) where the part says another;
- `negation`: the quote and the window say no a different number of times (`quote_claim.negations`: not, never, no
  one, cannot, ない, ず, ません; the forms that carry a negation without saying no are not counted);
- `antonym`: a word of the quote stands where the window says its opposite (accept / reject, 貧しい / 豊か), read only
  in place of each other (the aligned words the two sides differ by): WordNet's opposites are loose anywhere in a
  sentence (give / take), not as the one word a line changed;
- `country`: the quote names a country the sentence does not name, where the sentence names another (India / Nepal,
  インド当局 / 米国当局).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from bot.extract.lexicon import antonyms_of
from bot.services import quote_claim
from bot.services.quote_countries import all_countries
from bot.services.quote_query import EN_STOP
from bot.text import morphemes

_JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龥々]")
_HIRAGANA = re.compile(r"[ぁ-ん]")
# Days, weeks, months and years said relative to the day it was said: one for another is another date.
_EN_RELATIVE = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|(?:this|next|last|coming)\s+(?:week|month|year|spring|summer|autumn|fall|winter))\b",
    re.IGNORECASE,
)
_JA_RELATIVE = re.compile(
    r"今日|きょう|明日|あす|昨日|きのう|今週|来週|先週|今月|来月|先月|月内|今年度|来年度|年度内|昨年度|今年|ことし|来年|昨年|去年|年内"
)
_SAME_DATE = {
    "きょう": "今日",
    "あす": "明日",
    "きのう": "昨日",
    "ことし": "今年",
    "去年": "昨年",
    "今年度": "今年",  # a fiscal year is the year's, as a rewording says it
    "来年度": "来年",
    "昨年度": "昨年",
    "年度内": "年内",
}
_EN_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly")


def is_japanese(text: str) -> bool:
    return bool(_JAPANESE.search(text))


_OPENING = re.compile(r"[「『“\"]|[.!?。！？]\s*")
_CLOSING = re.compile(r"[」』”\"]|[.!?。！？](?:\s|$)")


def window(query: str, text: str, start: int, end: int) -> str:
    """The part of a source text a quote aligns with ([start, end)), made the words the quote stands for: widened to
    whole words (an English word cut by the alignment; the inflection or auxiliary a Japanese predicate ends with,
    承知してい → 承知していない: a negation the quote left out is in the kana after its last aligned character; back to
    the quote's first word when the alignment began after it in the same clause, "I'm not prepared" for "I'm
    prepared"), and cut at a quotation's or sentence's edge the quote does not cross (bargain. "Nothing about…")."""
    while start > 0 and text[start - 1].isalnum() and text[start - 1].isascii():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end].isascii():
        end += 1
    stop = end
    while stop < len(text) and stop - end < 8 and _HIRAGANA.match(text[stop]):
        stop += 1
    first = re.match(r"[A-Za-z][A-Za-z'’]*", query.strip())
    if first and not text[start:stop].lower().startswith(first.group().lower()):
        before = text[max(0, start - 30) : start]
        at = before.lower().rfind(first.group().lower())
        if at >= 0 and not re.search(r"[.,;:!?\"“”「」]", before[at:]):
            start -= len(before) - at
    part = text[start:stop]
    if not _OPENING.match(query.strip()):
        cuts = [m.end() for m in _OPENING.finditer(part, 0, max(1, len(part) // 3))]
        if cuts:
            part = part[cuts[-1] :]
    if not _CLOSING.search(query.strip()[-2:]):
        tail = len(part) - max(1, len(part) // 3)
        cut = _CLOSING.search(part, tail)
        if cut:
            part = part[: cut.start()]
    return part


def _relative_dates(text: str, japanese: bool) -> set[str]:
    if japanese:
        return {_SAME_DATE.get(d, d) for d in _JA_RELATIVE.findall(text)}
    return {re.sub(r"\s+", " ", d.lower()) for d in _EN_RELATIVE.findall(text)}


@lru_cache(maxsize=1024)  # a query's own, asked again of each passage it is weighed against
def _countries_named(text: str) -> frozenset[str]:
    low = text.lower()
    out = set()
    for c in all_countries():
        # a word's plain presence first: the word-bounded search (a pattern per word, more than `re` keeps compiled)
        # only where the word is there at all
        if any(j in text for j in c.ja) or any(
            w.lower() in low and re.search(rf"\b{re.escape(w.lower())}\b", low) for w in (c.en, *c.adjectives)
        ):
            out.add(c.en)
    return frozenset(out)


def _english_forms(word: str) -> set[str]:
    out = {word}
    for s in _EN_SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            out.update({word[: -len(s)], word[: -len(s)] + "e"})
    return out


def _opposed(a: str, b: str) -> bool:
    """English words one of which is the other's opposite (in any of their plain forms)."""
    fa, fb = _english_forms(a), _english_forms(b)
    return any(antonyms_of(x) & fb for x in fa) or any(antonyms_of(y) & fa for y in fb)


@dataclass(frozen=True, slots=True)
class _Token:
    key: str  # what the two sides are compared by: an English word in lower case, a Japanese word's dictionary form
    text: str  # as written
    negation: bool  # says no (not, never, no one, ない, ず, なし, 拒否)
    content: bool  # says something of its own: not grammar, not a negation
    clause: int  # which clause of its text it is in (a negation is read per clause)
    verb: bool = False  # a Japanese verb or adjective that says something of its own (やめる, 控える; not できる)
    bound: bool = False  # a Japanese verb or adjective of the grammar after another (ありえない's 得る, 〜てほしい)
    worded: bool = False  # part of a word that says no (想定外, 拒否): a word of its own, not a predicate's grammar


# English words that say nothing of their own: what a negation's place holds besides it ("must" / "cannot",
# "everyone" / "no one") is grammar, not another word said — the query's stop words but the negations (and yes), with
# the quantifiers, modals and wh-words
_EN_FUNCTION_MORE = (
    "about again all also am any anyone anything being both can could done down each either even ever every"
    " everybody everyone everything had has have here how into just many may might more most much must off one only"
    " ought out over shall should some someone something still such than then there too under up very what when"
    " where which who whom whose why will would yet"
)
_EN_FUNCTION = (EN_STOP - {"no", "not", "yes"}) | frozenset(_EN_FUNCTION_MORE.split())
_EN_TOKEN = re.compile(r"[a-z]+(?=n['’]t\b)|n['’]t\b|[a-z]+(?:['’][a-z]+)?|\d+(?:[.,:]\d+)*|[,;:.!?]")
_EN_NEGATION = re.compile(
    r"^(?:not|n['’]t|never|no|nobody|none|nothing|neither|nor|without|unless|cannot|refus\w*|reject\w*|oppos\w*"
    r"|den(?:y|ies|ied|ying)|fail\w*|refrain\w*|against)$"
)
_EN_NOT_NEGATION = re.compile(
    r"\bno\s+longer\b|\bnot\s+(?:only|even)\b|\b(?:no|without\s+(?:a|any))\s+doubt\b|\bnothing\s+but\b", re.IGNORECASE
)
# A Japanese negation: the grammar's (ない, ず, ません; `quote_gist`), なし ("without"), and a word that says no
# (拒否, 反対, 見送る, 予想外, 控える "refrain"); the forms that carry one without saying no (`quote_claim`) are not.
_JA_NEGATION = re.compile(
    r"ない|なく|なけれ|なかっ|ません|ぬ|ず(?=[、。にともの]|$)|なし|無し|不可|否定|拒否|拒ん|反対|見送|(?:予想|想定|予期)外|控え"
)
# … nor 不可欠 ("indispensable"), なくす ("lose", "do away with"), 〜にすぎない ("only").
# `quote_claim`'s change of state is なくなる only: 変わらないなら is a condition that says no.
_STATE = "(?:ない|なく)(?=な[るりっれら])"
assert _STATE in quote_claim.JA_NOT_NEGATION.pattern
_JA_NOT_NEGATION = re.compile(
    quote_claim.JA_NOT_NEGATION.pattern.replace(_STATE, "なく(?=な[るりっれ])")
    + r"|不可欠|なく(?=[すしさせそ])|(?:すぎ|過ぎ)(?:ない|ません|ず)"
)
_JA_NEGATIVE_WORD = re.compile(r"なし|無し|不可|否定|拒否|拒ん|反対|見送|(?:予想|想定|予期)外|控え")
_JA_LIGHT = frozenset(
    [
        "する",
        "いる",
        "ある",
        "なる",
        "できる",
        "くる",
        "いく",
        "おる",
        "しまう",
        "みる",
        "れる",
        "られる",
        "せる",
        "こと",
        "もの",
        "わけ",  # formal nouns of the grammar: 〜わけではない, 〜はずだ, 〜つもりはない say no or yes of the verb before
        "訳",
        "はず",
        "筈",
        "つもり",
        "積もり",
    ]
)
_JA_CONTENT_POS = frozenset(["名詞", "動詞", "形容詞", "副詞", "形状詞"])
_CLAUSE_MARK = frozenset("、。，,．.；;：:！!？?「」")


def _masked(text: str, not_negation: re.Pattern[str]) -> list[bool]:
    """For each character, whether it is inside a form that carries a negation without saying no."""
    out = [False] * len(text)
    for m in not_negation.finditer(text):
        for i in range(m.start(), m.end()):
            out[i] = True
    return out


@lru_cache(maxsize=1024)  # the query's tokens, read again against each passage; only read, never changed
def _tokens(text: str, japanese: bool) -> tuple[_Token, ...]:
    text = unicodedata.normalize("NFKC", text)
    out: list[_Token] = []
    clause = 0
    if not japanese:
        low = text.lower()
        masked = _masked(low, _EN_NOT_NEGATION)
        for m in _EN_TOKEN.finditer(low):
            word = m.group()
            if word in _CLAUSE_MARK:
                clause += 1
                continue
            negation = bool(_EN_NEGATION.match(word)) and not masked[m.start()]
            content = not negation and word not in _EN_FUNCTION and not masked[m.start()]
            out.append(_Token(word + "¬" * negation, word, negation, content, clause))
        return tuple(out)
    masked = _masked(text, _JA_NOT_NEGATION)
    said = [False] * len(text)  # the last character of each negation: ません is two tokens (ませ, ん) and one "no"
    for m in _JA_NEGATION.finditer(text):
        if not masked[m.start()]:
            said[m.end() - 1] = True
    starts: set[int] = set()  # where a word that says no begins (one negation, however many tokens it spans)
    inside = [False] * len(text)
    for m in _JA_NEGATIVE_WORD.finditer(text):
        if not masked[m.start()]:
            starts.add(m.start())
            for i in range(m.start(), m.end()):
                inside[i] = True
    at = 0
    after_verb = False  # the token before is a verb's continuative form or て/で (a verb of the grammar may follow)
    for m in morphemes(text):
        pos = text.find(m.surface, at)
        if pos < 0:
            pos = at
        at = pos + len(m.surface)
        if m.surface and all(c in _CLAUSE_MARK for c in m.surface):
            clause += 1
            continue
        # ない said as grammar (助動詞) or as "there is no", not inside a word of its own (危ない, つまらない)
        span = range(pos, pos + len(m.surface))
        negation = any(i in starts for i in span) or (
            any(said[i] for i in span) and (m.pos[0] == "助動詞" or m.dictionary in ("ない", "無い"))
        )
        content = (
            not negation
            and not any(inside[i] for i in span)
            and m.pos[0] in _JA_CONTENT_POS
            and m.dictionary not in _JA_LIGHT
        )
        # a word read as a negation in one text and not in the other (想定外 / 想定できなかった) is not the same word
        bound = m.pos[1] == "非自立可能" and after_verb
        verb = content and m.pos[0] in ("動詞", "形容詞") and not bound
        worded = any(inside[i] for i in span)
        out.append(_Token(m.dictionary + "¬" * negation, m.surface, negation, content, clause, verb, bound, worded))
        after_verb = (m.pos[0] in ("動詞", "形容詞") and m.pos[5].startswith("連用形")) or m.surface in ("て", "で")
    return tuple(out)


def _mistyped(a: list[_Token], b: list[_Token]) -> bool:
    """Two chunks that are one word mistyped (niether / neither, 好ましくあい / 好ましくない, wont / won't)."""
    x, y = "".join(t.text for t in a), "".join(t.text for t in b)
    if not (x and y):
        return False
    return fuzz.ratio(x, y) >= 75 or (len(x) == len(y) <= 3 and sum(c != d for c, d in zip(x, y, strict=True)) == 1)


def _groups(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[int, int, int, int, bool]]:
    """The changed stretches (query i1:i2, passage j1:j2, at an edge), an edit's parts one word apart joined: 変わっ
    ていない / 据え置かれてきた is one rewording, not a word replaced and a negation dropped beside it."""
    out: list[list[int]] = []
    edges: list[bool] = []
    last = len(ops) - 1
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        if out and i1 - out[-1][1] <= 1 and j1 - out[-1][3] <= 1:
            out[-1][1], out[-1][3] = i2, j2
            edges[-1] = edges[-1] or n == last
        else:
            out.append([i1, i2, j1, j2])
            edges.append(n in (0, last))
    return [(a, b, c, d, e) for (a, b, c, d), e in zip(out, edges, strict=True)]


def negation_turned(query: str, part: str) -> bool:
    """The quote says no where the part of the passage it aligns with does not, or the other way round: the words
    the two differ by are a negation and what it stands for (I have no / deep sympathy; must / cannot; no one /
    everyone; 承知していない / 承知している), in a clause where they do not cancel (a query clause's changes read
    together). Not a turned claim: a clause added or left out whole (忘れない。, "without a doubt"), a negation said
    with a word of its own (終わらない / 続く, 変わっていない / 据え置かれた, 昼夜を分かたぬ), a word mistyped
    (好ましくあい, niether)."""
    japanese = is_japanese(query)
    qs, ps = _tokens(query, japanese), _tokens(part, japanese)
    ops = difflib.SequenceMatcher(None, [t.key for t in qs], [t.key for t in ps], autojunk=False).get_opcodes()
    turned: dict[int, int] = {}
    for i1, i2, j1, j2, edge in _groups(ops):
        a, b = qs[i1:i2], ps[j1:j2]
        if not a and edge and (any(t.content for t in b) or len(b) > 3):  # the passage's words around the quote's
            continue
        if _mistyped(a, b) or len(a) > len(b) + 2 or len(b) > len(a) + 2:  # a typo; a rewording
            continue
        qn, pn = sum(t.negation for t in a), sum(t.negation for t in b)
        if qn % 2 == pn % 2:
            continue
        qc, pc = {t.key for t in a if t.content}, {t.key for t in b if t.content}
        if not (qc <= pc if qn % 2 else pc <= qc):  # the side that says no says a word of its own besides
            continue
        clause = qs[min(i1, len(qs) - 1)].clause if qs else 0
        turned[clause] = turned.get(clause, 0) + 1
    return any(n % 2 for n in turned.values())


def _spans(tokens: tuple[_Token, ...], lo: int, hi: int, japanese: bool) -> list[tuple[int, int, str]]:
    """The words of an aligned block: each token, and in Japanese each run of two or three (a compound verb the
    tokenizer cuts, 受け + 入れる → 受け入れる: all but the last as written, the last in its dictionary form)."""
    out = [(k, k + 1, tokens[k].key.rstrip("¬")) for k in range(lo, hi)]
    if japanese:
        for size in (2, 3):
            for k in range(lo, hi - size + 1):
                run = tokens[k : k + size]
                out.append((k, k + size, "".join(t.text for t in run[:-1]) + run[-1].key.rstrip("¬")))
    return out


def _negations_beside(tokens: tuple[_Token, ...], lo: int, hi: int) -> int:
    """The negations of the clause of tokens[lo:hi], those tokens aside."""
    clause = tokens[lo].clause
    return sum(t.negation for k, t in enumerate(tokens) if not lo <= k < hi and t.clause == clause)


def _swapped_opposite(query: str, part: str, japanese: bool) -> bool:
    """A word of the query stands where the part says its opposite (aligned words the two differ by), neither side
    says the other's word elsewhere (7日には引き下がろうとしなかった…10日には引き下がる用意があった), and no other
    negation of its clause turns it back (not desirable / undesirable; 合法ではなく / 違法で, the ない an aligned op of
    its own; a word that says no, reject for accept, is the opposite)."""
    qt, pt = _tokens(query, japanese), _tokens(part, japanese)
    qs, ps = {t.key.rstrip("¬") for t in qt}, {t.key.rstrip("¬") for t in pt}
    ops = difflib.SequenceMatcher(None, [t.key for t in qt], [t.key for t in pt], autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace":
            continue
        for qa, qb, a in _spans(qt, i1, i2, japanese):
            for pa, pb, b in _spans(pt, j1, j2, japanese):
                if a == b or b in qs or a in ps or (japanese and (b in query or a in part)):
                    continue
                if japanese:
                    opposed = b in antonyms_of(a) or a in antonyms_of(b)
                else:
                    opposed = a.isalpha() and b.isalpha() and _opposed(a, b)
                if opposed and _negations_beside(qt, qa, qb) % 2 == _negations_beside(pt, pa, pb) % 2:
                    return True
    return False


_EN_REACH = 4  # tokens before an English word its negation may stand at (we are not at all interested)


def _polarity(tokens: tuple[_Token, ...], k: int, japanese: bool) -> tuple[int, list[int], bool]:
    """Whether the predicate of tokens[k] says no (1) or yes (0), the tokens read for it, and whether it ends at
    another verb: the negations of the words that carry its grammar — in Japanese the tokens after it up to the next
    content word in its clause (受け入れ・られ・ない, 出席・し・ない, お受け・になり・ませ・ん: potential, passive, causative and
    honorific forms all end in the same negation; a verb of the grammar, あり・え・ない, read through; a word that says
    no, 想定外, is a word of its own and ends it), in English the tokens before it (are not interested, will never
    own, cannot accept)."""
    clause, count, read, verb = tokens[k].clause, 0, [], False
    steps = range(k + 1, len(tokens)) if japanese else range(k - 1, max(-1, k - 1 - _EN_REACH), -1)
    for i in steps:
        t = tokens[i]
        if t.clause != clause or t.worded or (t.content and not t.bound):
            verb = t.clause == clause and t.verb
            break
        count += t.negation
        read.append(i)
    return count % 2, read, verb


def _mistyped_no(no: tuple[_Token, ...], read: list[int], yes: tuple[_Token, ...], near: int) -> bool:
    """A negation one side says is a word the other side mistyped (niether / neither, wont / won't, 好ましくあい /
    好ましくない): the negation, alone or with the token before it, is close to a token or two of the other side's
    around the same word (`near`)."""
    forms = [t for i in read if no[i].negation for t in (no[i].text, (no[i - 1].text if i else "") + no[i].text)]
    around = yes[max(0, near - _EN_REACH) : near + _EN_REACH + 1]
    others = [t.text for t in around] + [a.text + b.text for a, b in pairwise(around)]
    return any(fuzz.ratio(f, o) >= 75 for f in forms for o in others)


def _clause_parity(tokens: tuple[_Token, ...], clause: int) -> int:
    return sum(t.negation for t in tokens if t.clause == clause) % 2


_QUESTION = re.compile(r"か(?:[」』。、）)]|$)|[?？]")
_EN_DO = frozenset(["do", "does", "did"])
# An auxiliary in any tense is the same grammar (is no higher / was higher)
_EN_AUXILIARY = {
    **dict.fromkeys(["is", "are", "was", "were", "be", "been", "being", "am"], "be"),
    **dict.fromkeys(["has", "have", "had"], "have"),
    **dict.fromkeys(["will", "would"], "will"),
    **dict.fromkeys(["can", "could"], "can"),
}


def _asked(tokens: tuple[_Token, ...]) -> bool:
    """The text asks (投票に何の意味があるのか: a question that says no by asking)."""
    return bool(_QUESTION.search("".join(t.text for t in tokens)))


def _same_grammar(no: tuple[_Token, ...], no_read: list[int], yes: tuple[_Token, ...], yes_read: list[int]) -> bool:
    """An English word's grammar on the side that says no is the other side's with the negation put in (are not /
    are, will never / will, do not want / want), not another construction that may say no in words of its own
    (cannot attend / impossible for Japan to attend)."""
    said = [_EN_AUXILIARY.get(no[i].key, no[i].key) for i in no_read if not no[i].negation and no[i].key not in _EN_DO]
    return said == [_EN_AUXILIARY.get(yes[i].key, yes[i].key) for i in yes_read if yes[i].key not in _EN_DO]


def predicate_turned(query: str, part: str) -> bool:
    """A content word both sides say, said yes on one side and no on the other: its own predicate's negation differs
    (`_polarity`: 受け入れる / 受け入れられない, 出席する / 出席しない意向, "will own" / "will never own") and so does
    its clause's (辞任しない / 辞任は考えていない say the same: the clause's negation is elsewhere). Read word by word,
    so a reworded part (a gist's or a second opinion's match, whose changed stretches `negation_turned` takes for a
    rewording) is read too. Not a turn where the part says the word both ways (the passage holds the same turn)."""
    japanese = is_japanese(query)
    qs, ps = _tokens(query, japanese), _tokens(part, japanese)
    places: dict[str, tuple[list[int], list[int]]] = {}
    for side, tokens in enumerate((qs, ps)):
        for k, t in enumerate(tokens):
            if t.content:
                places.setdefault(t.key, ([], []))[side].append(k)
    for at_q, at_p in places.values():
        if not (at_q and at_p):
            continue
        q_read = [_polarity(qs, k, japanese) for k in at_q]
        p_read = [_polarity(ps, k, japanese) for k in at_p]
        q_pol, p_pol = {r[0] for r in q_read}, {r[0] for r in p_read}
        if len(q_pol) != 1 or q_pol != {1 - p for p in p_pol}:
            continue
        # a negation mistyped (niether, wont, 好ましくあい); a yes that ends at another verb (ダウンロードしないで /
        # ダウンロードはやめて: the other verb says the no)
        no_side, no_read, yes_side, yes_at, yes_read = (
            (qs, q_read, ps, at_p, p_read) if 1 in q_pol else (ps, p_read, qs, at_q, q_read)
        )
        if any(_mistyped_no(no_side, r[1], yes_side, k) for r in no_read for k in yes_at):
            continue
        if any(r[2] for r in yes_read) or _asked(yes_side):
            continue
        if not japanese and not any(_same_grammar(no_side, r[1], yes_side, y[1]) for r in no_read for y in yes_read):
            continue
        q_par = {_clause_parity(qs, qs[k].clause) for k in at_q}
        p_par = {_clause_parity(ps, ps[k].clause) for k in at_p}
        if len(q_par) == 1 and q_par == {1 - p for p in p_par}:
            return True
    return False


# A figure with what it counts: the word after it (50 years, $400 billion, 3 percent), the month before a day (March
# 15), a Japanese counter (50年前, 36人, 3割)
_EN_FIGURE = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2})\b"
    r"|(\d[\d,]*(?:\.\d+)?)\s*(%|[a-z]+)",
    re.IGNORECASE,
)
_JA_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([^\d\s、。，,.「」（）()]{1,2})")


def _figures(text: str, japanese: bool) -> set[tuple[str, str]]:
    """(what a figure counts, the figure) for each figure of a text (`_EN_FIGURE`, `_JA_FIGURE`)."""
    text = unicodedata.normalize("NFKC", text)
    if japanese:
        return {(unit, n.replace(",", "")) for n, unit in _JA_FIGURE.findall(text)}
    out = set()
    for month, day, n, unit in _EN_FIGURE.findall(text):
        if month:
            out.add((month.lower(), day))
        elif unit.lower() not in _EN_FUNCTION:
            out.add((unit.lower(), n.replace(",", "")))
    return out


def figure_changed(query: str, sentence: str, japanese: bool) -> bool:
    """The quote counts a thing by a figure the sentence does not say, and the sentence counts the same thing by
    another (50 years ago / 80 years ago, $400 billion / $550 billion, March 15 / March 5, 50年前 / 80年前): a number
    the aligned words miss when the characters align with the quote's other words."""
    said = quote_claim.numbers(sentence, japanese)
    mine = {(u, n) for u, n in _figures(query, japanese) if float(n) not in said and float(n) not in (0.0, 1.0)}
    if not mine:
        return False
    theirs = _figures(sentence, japanese)
    return any(u == unit and n != figure for unit, figure in mine for u, n in theirs)


_SWAP_REACH = 9  # tokens apart two swapped words may stand, at most
_CASE_PARTICLES = frozenset(["が", "を"])


def _gives_roles(t: _Token) -> bool:
    """A word between two swapped words that gives each its role: a negation (X, not Y), a verb or a noun between
    them (X beat Y), a case particle (XがYを). Not a coordinator or a comparison alone (A and B, AどころかB: a
    remembered quote often says the two in the other order)."""
    return t.negation or t.content or t.key in _CASE_PARTICLES


def roles_swapped(query: str, part: str) -> bool:
    """Two content words of the quote stand in each other's place in the part, the words between them the same
    (like a brother, not like a boss / like a boss, not like a brother; 日本が中国を / 中国が日本を): who does what to
    whom turned around (`_gives_roles`)."""
    japanese = is_japanese(query)
    qs, ps = _tokens(query, japanese), _tokens(part, japanese)
    qk, pk = [t.key for t in qs], [t.key for t in ps]
    for i, x in enumerate(qk):
        if not qs[i].content:
            continue
        for j in range(i + 2, min(len(qk), i + _SWAP_REACH)):
            y = qk[j]
            if not qs[j].content or x == y or not any(_gives_roles(t) for t in qs[i + 1 : j]):
                continue
            if _holds(pk, [y, *qk[i + 1 : j], x]) and not _holds(pk, qk[i : j + 1]):
                return True
    return False


def _holds(seq: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(seq[k : k + n] == run for k in range(len(seq) - n + 1))


def changed_claim(query: str, part: str, sentence: str) -> str | None:
    """Why a passage whose characters match a quote does not say its claim: "number", "date", "negation",
    "antonym" or "country" (see the module docstring), or None. `part`: the source text the quote aligns with
    (`window`); `sentence`: the sentence or sentences that hold it."""
    japanese = is_japanese(query)
    said = quote_claim.numbers(query, japanese)
    wanted = {n for n in said if n not in (0.0, 1.0)}
    if not wanted <= quote_claim.numbers(sentence, japanese) and quote_claim.numbers(part, japanese) - said - {
        0.0,
        1.0,
    }:
        return "number"
    if figure_changed(query, sentence, japanese):
        return "number"
    q_dates, p_dates = _relative_dates(query, japanese), _relative_dates(part, japanese)
    if q_dates - p_dates and p_dates - q_dates:
        return "date"
    if negation_turned(query, part):
        return "negation"
    if _swapped_opposite(query, part, japanese):
        return "antonym"
    if predicate_turned(query, part):
        return "negation"
    if roles_swapped(query, part):
        return "roles"
    q_named, s_named = _countries_named(query), _countries_named(sentence)
    if q_named - s_named and s_named - q_named:
        return "country"
    return None
