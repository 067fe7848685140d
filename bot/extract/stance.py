"""Statements: who said or did what, on which topic, with which position.

A statement is an actor's own clause or quote that names a topic:

* a labelled line            「ルビオ米国務長官：「…」」, 「ゼレンスキー大統領:…を提示」
* a headline attribution     「…受け入れ不可能＝ラブロフ外相」 and the bullets under it
* a sentence subject         「ウシャコフ大統領補佐官は…「…」と述べ、否定的な見解を示した」 (は/も; が when no は)
* a quote attributed by the speaker rules (「Xの、「…」という発言」, 「「…」と、Xは」)
* a sentence that goes on without a subject (「…」とした上で、「…」と主張した) or after 「次のように：」

Topics come from `bot/data/topics.json`, position cues from `bot/data/positions.json`. Cues are read
only in the actor's own words: the part of the clause after 「Xは」, without quotes that belong to
someone else and without what another subject does inside it (「アメリカとウクライナが合意した停戦案」).
The position of a topic is read in the clause part (segment between commas) that names it, or in the
next part when that one is unfinished (「…駐留は、…脅威であり」); it is the last attitude times the last
action there (「支援停止を歓迎」 is against aid), flipped by a negation right after a cue
(受け入れられない, 参加しない, 継続せず); a condition in that part or before it makes it conditional.
No cue: neutral.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Set as AbstractSet
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from bot.actors import TITLES, ActorIndex, Mention
from bot.extract.alternation import Alternation
from bot.extract.attribution_ja import (
    CITED_GA_RE,
    agent_leads,
    body_by_part,
    bracketed_body_subject,
    ga_inside_going_on,
    is_question_line,
    may_be_part,
    speaks_of_later,
    speech_verb,
    voiced,
)
from bot.extract.clause_readings import ClauseReadings
from bot.extract.known_forms import stored_cues
from bot.extract.polarity import TROUBLE, evaluation, predicate_polarity
from bot.extract.predicates import Predicate, governing
from bot.extract.prerequisite import needed_for
from bot.extract.question_asked import answer_polarity, question_spans
from bot.extract.quotemarks import LABEL_RE
from bot.extract.roles import BODY_KIND_HEADS, KATAKANA_FIELDS, vocabulary
from bot.extract.speakers import attribute, mask_quotes
from bot.extract.stance_acts import reports_stance_act
from bot.extract.stance_en import english_clauses
from bot.extract.stance_en_order import acts_on_another, attributive, halts_a_doing, nominal_subject_act, passive_of
from bot.models import TOPICS, ParsedPassage
from bot.rows import StatementRow
from bot.text import guarded, longest_first, split_sentences, sudachi_tokenizer
from bot.topics import load_topics, read_data

__all__ = ["classify", "extract_statements", "load_positions", "topics_of"]

MAX_TEXT = 300  # longest statement text kept


# --- data ------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_positions() -> dict:
    """Position cue lists from `bot/data/positions.json`."""
    return read_data("positions.json")


# Full-width ASCII → ASCII, one character for one, so offsets into the probe are offsets into the text.
_FW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_HAS_FW_RX = re.compile("[\uff01-\uff5e]")
_LATIN_WORD_RX = re.compile(r"[a-z]{3}")


def _is_word(cue: str) -> bool:
    """A Latin word cue (matched whole, any case, with endings); acronyms such as NATO match as written."""
    return cue.isascii() and any(ch.islower() for ch in cue)


def _spellings(cue: str) -> list[str]:
    """A cue as written in news text: 「GDP比」 also as 「GDP 比」 (a space between Latin and Japanese script)."""
    out = [""]
    for k, ch in enumerate(cue):
        if k and cue[k - 1].isascii() != ch.isascii() and " " not in (ch, cue[k - 1]):
            out = [o + sep for o in out for sep in ("", " ", "\u3000")]
        out = [o + ch for o in out]
    return out


def _spelled(word: str) -> str:
    """A Latin word cue (or its rest) in a regex: as written, any run of spaces for a space."""
    return re.escape(word).replace("\\ ", r"\s+")


# an English cue's inflections: the endings, and a final consonant doubled before -ed / -ing (stop → stopped,
# stopping; scrap → scrapped; ban → banned): the same letter again, then the ending
_EN_DOUBLED = "|".join(f"(?<={c}){c}" for c in "bdgmnprt")
_EN_INFLECTION = rf"s|es|d|ed|ing|ation|ations|(?:{_EN_DOUBLED})(?:ed|ing)"


class _Scanner:
    """Finds cues fast: one plain alternation of literals (the regex engine skips ahead on their first
    characters), one case-insensitive regex of Latin words, one of the few regular expressions."""

    def __init__(self, words: list[tuple[str, object]], patterns: list[tuple[str, object]] = ()) -> None:  # type: ignore[assignment]
        self.literal: dict[str, object] = {}
        self.word: dict[str, object] = {}
        for w, tag in words:
            if _is_word(w):
                self.word.setdefault(w.lower(), tag)
            else:
                for spelling in _spellings(w):
                    self.literal.setdefault(spelling, tag)
        self.literal_rx = self._alt(self.literal)
        # the words by their first character, longest first within each (as in one alternation of them all: no two
        # first characters match the same letter, so at a position only one group is tried, its words in order)
        by_first: dict[str, list[str]] = {}
        for w in sorted(self.word, key=len, reverse=True):
            by_first.setdefault(w[0], []).append(w[1:])
        words_alt = "|".join(
            _spelled(first) + "(?:" + "|".join(map(_spelled, rests)) + ")" for first, rests in by_first.items()
        )
        self.word_rx = (
            guarded(rf"(?<![A-Za-z])(?P<w>{words_alt})(?:{_EN_INFLECTION})?(?![A-Za-z])", re.IGNORECASE)
            if self.word
            else None
        )
        self.tags = [tag for _, tag in patterns]
        self.patterns = Alternation([pat for pat, _ in patterns]) if patterns else None

    @staticmethod
    def _alt(words: dict[str, object]) -> re.Pattern[str] | None:
        return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None

    def scan(self, text: str) -> list[tuple[int, int, object]]:
        """(start, end, tag) of every cue, in text order."""
        out: list[tuple[int, int, object]] = []
        if self.literal_rx is not None:
            literal = self.literal
            out += [(*m.span(), literal[m[0]]) for m in self.literal_rx.finditer(text)]
        if self.patterns is not None:
            out += [(s, e, self.tags[k]) for s, e, k in self.patterns.finditer(text)]
        if self.word_rx is not None and _LATIN_WORD_RX.search(text):
            out += [
                (m.start(), m.end(), self.word[re.sub(r"\s+", " ", m.group("w").lower())])
                for m in self.word_rx.finditer(text)
            ]
        if len(out) > 1:
            out.sort(key=lambda x: (x[0], -x[1]))
        return out


def _build_topic_scanners() -> tuple[_Scanner, re.Pattern[str] | None, list[str]]:
    words: list[tuple[str, object]] = []
    patterns: list[tuple[str, object]] = []
    excludes: list[tuple[str, str]] = []
    for t in load_topics():
        words += [(c, (t["id"], False)) for c in t.get("cues", [])]
        words += [(c, (t["id"], True)) for c in t.get("weak_cues", [])]
        patterns += [(p, (t["id"], False)) for p in t.get("patterns", [])]
        excludes += [(p, t["id"]) for p in t.get("exclude", [])]
    ex_rx = re.compile("|".join(f"(?:{p})" for p, _ in excludes)) if excludes else None
    return _Scanner(words, patterns), ex_rx, [(re.compile(p), t) for p, t in excludes]


_TOPICS_SCAN, _EXCLUDE_RX, _EXCLUDES = _build_topic_scanners()

_ATT, _ACT = "att", "act"


def _build_position_scanner() -> _Scanner:
    pos = load_positions()
    words: list[tuple[str, object]] = []
    for key, kind, pol in (
        ("attitude_support", _ATT, 1),
        ("attitude_oppose", _ATT, -1),
        ("attitude_oppose_evaluation", _ATT, -1),
        ("attitude_oppose_refusal", _ATT, -1),
        ("attitude_support_evaluation", _ATT, 1),
        ("attitude_neutral", _ATT, 0),
        ("action_support", _ACT, 1),
        ("action_oppose", _ACT, -1),
        ("action_oppose_said", _ACT, -1),  # stopping, restricting said of a thing (not a target's own act: 兵力制限)
        ("en_attitude_support", _ATT, 1),
        ("en_attitude_oppose", _ATT, -1),
        ("en_action_support", _ACT, 1),
        ("en_action_oppose", _ACT, -1),
        ("en_action_oppose_said", _ACT, -1),  # overturning said of a thing, not a target's own act (as above)
        ("precedence", _ATT, 1),  # what is put first is wanted (see _put_first for the target put after it)
    ):
        words += [(w, (kind, pol)) for w in pos.get(key, [])]
    # declining to judge said as a difficulty (判断は難しい, "could not judge") before the need patterns, which
    # would read its "could not … without" as a need
    patterns: list[tuple[str, object]] = [(p, (_ATT, 0)) for p in pos.get("attitude_neutral_patterns", [])]
    patterns += [(p, (_ATT, 1)) for p in pos.get("attitude_support_patterns", [])]
    patterns += [(p, (_ATT, -1)) for p in pos.get("attitude_oppose_patterns", [])]
    patterns += [(p, (_ATT, 1)) for p in pos.get("attitude_need_patterns", [])]  # a need stated: for what is needed
    patterns += [(p, (_ACT, -1)) for p in pos.get("action_oppose_patterns", [])]  # a halt only in its own frames
    patterns += [(rhetorical_opener_pattern(pos), (_ATT, -1))]  # "How can we accept …?": turned in `_pos_hits`
    return _Scanner(words, patterns)


def rhetorical_opener_pattern(pos: dict) -> str:
    """An English rhetorical question's opener ("How can", "Why should": `en_rhetorical_openers`) in a sentence that
    ends on a question mark: the question asks what the speaker holds not to be ("How can it be kidnapping if …?")."""
    openers = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in pos.get("en_rhetorical_openers", []))
    return rf"(?i:(?<![A-Za-z])(?:{openers})(?![A-Za-z])(?=[^.!?\"“”]{{1,150}}\?))"


_POS_SCAN = _build_position_scanner()
_P = load_positions()
_EN_RHETORICAL_RX = re.compile(rhetorical_opener_pattern(_P))
# the openers that say the speaker's doubt with no stance word after them ("Why should we believe them?", "How can
# it be kidnapping …?"); "How can we …?" alone may ask for a way
_RHETORICAL_ALONE_RX = re.compile(
    r"(?:why|who)\s|how\s+(?:can|could)\s+(?:it|this|that|there|anyone|anybody)\s+(?:be|ever)(?![A-Za-z])", re.I
)
_NEG_SUFFIX_RX = re.compile("|".join(map(re.escape, _P["negation_suffixes"])))
_NOT_NEG_RX = re.compile("|".join(map(re.escape, _P["not_negation"])))
_NEG_WORD_RX = re.compile("|".join(map(re.escape, _P["negation_words"])))  # the first listed that matches wins
_NOT_PREDICATE = tuple(_P["not_a_predicate"])
_NEG_PREFIXES = tuple(_P.get("negative_prefixes", []))
_HALTS = {w.lower() for w in (*_P["action_oppose"], *_P["en_action_oppose"])}  # acts that stop something (撤回)
# restricting said of a thing (兵力制限, "overturn the verdict"): a target that names one (「新たな規制」) is the thing
# asked about, and the word is no act done to it
_RESTRICTIONS = {w.lower() for w in (*_P["action_oppose_said"], *_P["en_action_oppose_said"])}
_COND_RX = guarded("|".join(f"(?:{p})" for p in _P["conditional"]))
_EN_COND_RX = guarded(
    r"(?<![A-Za-z])(?:"
    + "|".join(re.escape(w) for w in _P["en_conditional"])
    + r")(?![A-Za-z])"
    + "".join(f"|(?:{p})" for p in _P.get("en_conditional_patterns", [])),  # "until the U.S. lifts its own"
    re.IGNORECASE,
)
# no term of the speaker's: what a word ending in a condition's form says (考えれば), and a condition on whether a
# report is true (事実であれば, "if the reports are true"): the speaker judges the deed reported, on its being so
_COND_EXCLUDE_RX = re.compile(
    "|".join([*map(re.escape, _P["conditional_exclude"]), *_P.get("conditional_exclude_patterns", [])]), re.IGNORECASE
)
# 「力を借りなければ命を守れない」 "we cannot win without aid": a need, not a condition (its なければ/without is none)
_NEED_RX = (
    guarded("|".join(f"(?:{p})" for p in _P.get("attitude_need_patterns", [])))
    if _P.get("attitude_need_patterns")
    else None
)
# "should not", "mustn't": a modal's own negation follows it
_EN_NEG_AFTER_CUES = frozenset(w.lower() for w in _P.get("en_negation_after_cues", []))
_EN_NEG_AFTER_RX = re.compile(
    r"(?:"
    + "|".join(re.escape(w).replace("'", "['’]") for w in _P.get("en_negation_after", ["not"]))
    + r")(?![A-Za-z])"
    r"(?!\s+(?:only|just)(?![A-Za-z]))",
    re.IGNORECASE,
)
_EN_MODAL_TAIL_RX = re.compile(r"\s*")
_TOPIC_NEG = tuple(_P["topic_negation"])
_CONTEST_RX = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, _P.get("en_contest_nouns", []))) + r")\s+$", re.IGNORECASE
)
_PRECEDENCE = frozenset(w.lower() for w in _P.get("precedence", []))
# the rest of the noun phrase a target word is in, then its negation (「私的な問題ではなく」「経営の問題ではなく」)
_PHRASE_NEG_RX = re.compile(r"(?:[なの]?[一-龥々ァ-ヶー]{1,8}){0,2}(?:" + "|".join(map(re.escape, _TOPIC_NEG)) + ")")


# the target's own predicate said not to be the case: 「利用者に負わせるのではなく」「劣っていたわけではない」「あす独立する
# ことではなく」 (not 「…だけでなく」, not only)
_PREDICATE_NEG_RX = re.compile(
    r"[をにがへと]?[一-龥々ァ-ヶー]{0,8}[ぁ-ゖ]{1,8}?(?<!だけ)(?:の|わけ|こと)では(?:なく|ない|ありません)"
)


def _phrase_negated(text: str, e: int) -> bool:
    """The target word ends a noun phrase (or its predicate) said not to be the case: 「…ではなく」."""
    return _PHRASE_NEG_RX.match(text, e) is not None or _PREDICATE_NEG_RX.match(text, e) is not None


# "not his final offer", "no firearms", "never a partner": an English noun phrase said not to be the case (not
# "not only", "no longer"; a verb between, "not send troops", is the act not done)
_EN_PHRASE_NEG_RX = re.compile(
    r"(?<![A-Za-z'])(?:not|no|never)\s+(?!(?:only|just|longer|more|less)(?![A-Za-z]))"
    r"(?:(?:a|an|the|my|his|her|our|their|its|any|this|that)\s+)?(?:[A-Za-z-]+\s+)?$",
    re.IGNORECASE,
)


def _en_phrase_negated(text: str, s: int) -> bool:
    """An English target word right after a negation of its noun phrase."""
    if not text[s : s + 1].isascii():
        return False
    m = _EN_PHRASE_NEG_RX.search(text, max(0, s - 40), s)
    if m is None:
        return False
    # `not stop driving`: a cue between is what the negation is read with (`not his final offer`: none between)
    between = text[m.start() : s]
    word = len(between) - len(between.lstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if any(c >= word for c, _, _ in _POS_SCAN.scan(between)):
        return False
    # the negation is a cue's own word ("not sufficient funding", "impossible to say it bears no responsibility"):
    # that cue reads it, the target is not said not to be
    lo = max(0, m.start() - 60)
    return not any(c < m.start() - lo < e for c, e, _ in _POS_SCAN.scan(text[lo:s]))


# a contracted negation ends a word ("don't want", "doesn't need", "can't accept"): no word boundary before it;
# news text writes its apostrophe straight or curly (don’t)
def _en_neg_alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace("'", "['’]") for w in words)


_EN_CONTRACTED = [w for w in _P["en_negation_before"] if w.startswith("n'")]
_EN_NEG_BEFORE_RX = re.compile(
    rf"(?:(?<![A-Za-z])(?:{_en_neg_alt([w for w in _P['en_negation_before'] if w not in _EN_CONTRACTED])})"
    rf"|{_en_neg_alt(_EN_CONTRACTED)})"
    r"(?![A-Za-z])[\s\w'’]{0,14}$",
    re.IGNORECASE,
)
_KANA_RUN_RX = re.compile(r"[ぁ-ゖ]{0,12}")
_ARGUMENT_RX = re.compile(r"[はが][一-龥ァ-ヶ]")

# Where a clause part ends (also inside quotes: a quote's parts are read on their own).
_SEG_RX = re.compile("[、，,。．！？!?；;\n]")
# A part that stops on a particle has no predicate of its own: its position is read in the next part.
_GAPPED_RX = re.compile(r"(?:[をにとはもへやがの]|について|に関して|をめぐり|を巡り)\s*[、，,]?\s*$")
# …or on a continuative form (「時間稼ぎに過ぎず、」「脅威であり、」「中身がなく、」) when it names no stance itself.
_UNFINISHED_RX = re.compile(
    r"(?:[をにとはもへやがの]|について|に関して|をめぐり|を巡り|であり|ており|ず|し|て|で|(?<=[ぁ-ゖ一-龥])く)\s*[」』]?\s*[、，,]?\s*$"
)


# --- scanning ------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _TopicHit:
    start: int
    end: int
    topic: str
    weak: bool
    negated: bool  # 「停戦ではなく」


@dataclass(slots=True)
class _PosHit:
    start: int
    end: int
    kind: str  # att | act
    pol: int  # +1 / -1 after negation


@lru_cache(maxsize=8192)
def _probe(text: str) -> str:
    """The text with its full-width Latin letters and digits as ASCII (`_FW`). Remembered per text (bulk38): a passage
    is probed by its statements, its claims, its stored readings and every item context that holds it."""
    return text.translate(_FW) if _HAS_FW_RX.search(text) else text


def _topic_hits(probe: str) -> list[_TopicHit]:
    hits = []
    found = _TOPICS_SCAN.scan(probe)
    excluded: list[tuple[int, int, str]] = []
    if found and _EXCLUDE_RX is not None:
        for m in _EXCLUDE_RX.finditer(probe):
            excluded += [(m.start(), m.end(), t) for rx, t in _EXCLUDES if rx.fullmatch(m.group(0))]
    for s, e, tag in found:
        topic, weak = tag  # type: ignore[misc]
        if any(xs <= s and e <= xe and xt == topic for xs, xe, xt in excluded):
            continue
        negated = probe.startswith(_TOPIC_NEG, e)
        hits.append(_TopicHit(s, e, topic, weak, negated))
    return hits


_LONGEST_CUE = 12  # a cue longer than this is a pattern's phrase
# a demand that the doer change course (見直すべき, しっかりしなければならない, "must do better", "should reconsider"):
# criticism of what it does, one cue; its 見直 and べき / "should" are its words, not an act and a wish of their own
_CORRECTION_RX = re.compile(
    r"(?:見直|改め|正さ|正す|反省|しっかりし|立て直|(?<![一-龥])変え(?=[ぁ-ゖ]{0,3}?(?:べき|なければ|なくては|ねば|てほしい|て欲しい|てもらいたい|てください)))|(?i:(?:must|should|needs? to|has to|have to|ought to)\s+"
    r"(?:do better|reconsider|rethink|change course|clean up|get (?:its|their|his|her) ))"
)
# a request or wish that the thing not be done (「引き出さないよう求めた」「近づかないでほしい」「騒ぎ立てないことを望む」,
# attitude_oppose_patterns): one oppose cue toward what is not to be done; its 求め / ほしい / 望む are its words, no
# request or wish of their own (a cue before it keeps its own negation: 「撤退しないよう求めた」 reads 撤退しない)
_ASKED_NOT_RX = re.compile(r"ない(?:よう|で|こと)")
# a cue inside an embedded question (「容認するかしないか」「適切だったかどうか」, "whether to accept"): what is asked or
# weighed, not what the actor holds
_WHETHER_RX = re.compile(r"[ぁ-ゖ]{0,6}?(?:かどうか|か否か|かしないか|かせぬか)")


# 主張, 強調 and 訴え after a quotation's と (「…だ」と主張した, 「…」と強調した, …と改めて主張) or a finished clause's
# (「…人選したと主張」, 「…損なわれたと訴え」, 「…抗議だと強調」): they report what was said, as 述べた does, and what was said
# carries its own cues; said of a noun (「無罪を主張」, 「必要性を強調」, 「救済を訴え」) they still take its side
# …and not after a request or a wish (「国として考えてほしい」と訴えた): appealing for it is the request's cue, which its
# ほしい alone is not
_ASKED_FRAME_RX = re.compile(
    r"(?:ほしい|欲しい|ください|下さい|たい|もらいたい)[」』]?\s*(?:と|とも)(?:改めて|重ねて|繰り返し|強く)?$"
)
_SAID_FRAME_RX = re.compile(
    r".*(?:[」』]|だ|(?<=[ぁ-ゖ])(?:た|る|い|う|ず|ぬ))\s*(?:と|とも)(?:改めて|重ねて|繰り返し|強く)?(?:主張|強調|訴え)$"
)


def _pos_hits(probe: str) -> list[_PosHit]:
    """Position cues with their negation resolved; a negation consumed by a cue is not read again."""
    hits: list[_PosHit] = []
    arguments: list[int] = []
    consumed = -1
    en_consumed = -1  # the end of an English negation a modal before took (`should not`)
    for s, e, tag in _POS_SCAN.scan(probe):
        if s < consumed:
            continue
        kind, pol = tag  # type: ignore[misc]
        if probe.startswith(_NOT_PREDICATE, e):  # 「譲歩に関する議論」: a noun, no stance
            continue
        if _WHETHER_RX.match(probe, e):  # 「適切だったかどうかを確認」: a question the actor puts, no stance taken
            continue
        if kind == _ATT and pol == 0 and probe.startswith(("ながら", "つつ"), e):
            continue  # 「情勢を見極めながら、…進める」: watching while doing, a condition (`conditional`), no predicate
        if _SAID_FRAME_RX.match(probe[max(0, s - 8) : e]) and not _ASKED_FRAME_RX.search(probe, max(0, s - 12), s):
            continue  # 「「…誘拐だ」と主張した」: the verb that reports the quote, not a stance toward what it says
        if _in_vote_tally(probe, s, e):
            continue  # 「…を求める決議を賛成多数で採択」: how the vote went, not what the body wants (the resolution says)
        # (the cue's own word first: the nouns' case-blind alternation, searched at every place of the 24 characters
        # before, cost ~1.5 % of extraction when it came first for every cue)
        if probe[s:e].lower() == "against" and _CONTEST_RX.search(probe, max(0, s - 24), s):
            continue  # "the war against Hamas", "sanctions against Russia": a noun's complement, no one's attitude
        if probe[s].isascii() and kind == _ACT and attributive(probe, s, e):
            continue  # "the dissolved House", "the halted talks": a participle naming a fact, no one's act here
        if probe[s].isascii():
            neg = _EN_NEG_BEFORE_RX.search(probe, max(0, s - 24), s)
            # a negation is its first cue's (`did not need to stop driving`, `should not stop`: `need` and `should`
            # are negated, and `stop` is what they are about), and one a phrase cue opens is that cue's own (`no plans
            # to send`, `not considering sending`: the refusal is of the sending, not a second negation; the bare
            # `never` keeps its old double reading, which "must never be stopped" after a frame verb relies on)
            if (
                neg
                and not (
                    hits
                    and (
                        hits[-1].start > neg.start()
                        or (hits[-1].start == neg.start() and " " in probe[hits[-1].start : hits[-1].end])
                        or hits[-1].start < neg.start() < hits[-1].end  # inside a phrase cue: "spare no effort"
                    )
                    and probe[hits[-1].start].isascii()
                )
                and (neg.start() >= en_consumed)
            ):
                pol = -pol
            elif probe[s:e].lower() in _EN_NEG_AFTER_CUES and (
                after := _EN_NEG_AFTER_RX.match(probe, _EN_MODAL_TAIL_RX.match(probe, e).end())  # type: ignore[union-attr]
            ):
                pol = -pol  # "should not be leading", "mustn't"
                en_consumed = after.end()
        else:
            if _negative_prefix(probe, s):  # 不適切, 非現実的, 未実施: the cue's opposite
                pol = -pol
            neg_end = _negation_end(probe, e)
            if neg_end:
                pol = -pol
                consumed = neg_end
            if thought := _thought_denied(probe, kind, neg_end or e):
                pol = -pol  # 「必要になるとは思わない」「安全でないとは考えていない」「前向きに考えていない」
                consumed = thought
            elif not neg_end and _ARGUMENT_RX.match(probe, e):  # 「譲歩は議論されず」: what another verb is about
                arguments.append(len(hits))
        hits.append(_PosHit(s, e, kind, pol))
        if (
            e - s > _LONGEST_CUE
            or (kind == _ATT and pol == 0)
            or (kind == _ATT and (_CORRECTION_RX.match(probe, s) or _ASKED_NOT_RX.match(probe, s)))
        ):
            # a pattern over a whole phrase (なぜ…のか, 判断するのは難しい, 見直すべき): the cues inside it are its words
            consumed = max(consumed, e)
    # such a cue counts only with a stance verb after it in its part (「一時停止が…影響を懸念」)
    drop = {k for k in range(1, len(hits)) if _auxiliary(probe, hits[k - 1], hits[k])}
    for k in drop:  # 「控える必要はない」「避けるべきではない」: the auxiliary's negation is the cue's before it
        if hits[k].pol < 0:
            hits[k - 1] = _flipped(hits[k - 1])
    for k in range(len(hits) - 1):  # English puts the modal first: `should not stop`, `need not reject`
        if _en_withheld_before(probe, hits[k], hits[k + 1]):
            drop.add(k)  # "will not hesitate to impose", "spare no effort to support": the act's own sense
        elif _en_refusal_before(probe, hits[k], hits[k + 1]):
            drop.add(k)  # "no intention of opposing it": the refusal is of the opposing
            hits[k + 1] = _flipped(hits[k + 1])
        elif _en_modal_before(probe, hits[k], hits[k + 1]):
            drop.add(k)
            if hits[k].pol < 0:
                hits[k + 1] = _flipped(hits[k + 1])
    # "urged them to reject it": the outer attitude reads what it wants of the inner one (their product), right to
    # left so a chain composes ("urged them to plan to reject it")
    for k in range(len(hits) - 2, -1, -1):
        if k not in drop and k + 1 not in drop and _en_infinitive_attitude(probe, hits[k], hits[k + 1]):
            drop.add(k + 1)
            if hits[k + 1].pol < 0:
                hits[k] = _flipped(hits[k])
    # the critic criticized (`_critic_criticized`): the outer attitude kept (the last in Japanese, the first in
    # English: the one each language's reading takes), carrying their product, for the target
    for k in range(len(hits) - 1):
        if k not in drop and k + 1 not in drop and _critic_criticized(probe, hits[k], hits[k + 1]):
            english = probe[hits[k].start].isascii()
            drop.add(k + 1 if english else k)  # "criticized those who oppose"; 「反対する野党を批判した」
            hits[k if english else k + 1] = _flipped(hits[k if english else k + 1])
    hits = [_flipped(h) if _criticism_rejected(probe, h) else h for h in hits]
    # a rhetorical question's opener turns the first attitude it asks about ("How can anyone support this plan?":
    # against the plan); with none, "Why should …?" and "How can it be …?" are themselves against what is asked, and a
    # "How can we …?" asking for a way ("How can we help the victims?") is no stance
    for k in range(len(hits)):
        if k not in drop and hits[k].kind == _ATT and _EN_RHETORICAL_RX.match(probe, hits[k].start):
            drop.update(j for j in range(k + 1, len(hits)) if hits[j].start < hits[k].end)  # "should" of "Why should"
            end = probe.find("?", hits[k].end)
            asked = [j for j in range(k + 1, len(hits)) if j not in drop and hits[j].start < end]
            attitude = next((j for j in asked if hits[j].kind == _ATT and hits[j].pol), None)
            if attitude is not None:
                drop.add(k)
                hits[attitude] = _flipped(hits[attitude])
            elif not _RHETORICAL_ALONE_RX.match(probe, hits[k].start):
                drop.add(k)
    manner = {k for k, h in enumerate(hits) if h.kind == _ATT and _careful_manner(probe, h, hits)}
    drop |= manner
    drop |= {k for k in range(1, len(hits)) if _request_after_attitude(probe, hits, k, manner)}
    for k in arguments:
        part_end = m.start() if (m := _SEG_RX.search(probe, hits[k].end)) else len(probe)
        if not (k + 1 < len(hits) and hits[k + 1].start < part_end):
            drop.add(k)
    return [h for k, h in enumerate(hits) if k not in drop] if drop else hits


# a vote's tally (賛成多数で, 反対多数で, 全会一致で, 満場一致): the count of a body's members, no stance word of the body's
# own toward what the vote is on; the resolution's content (「保証を承認しない決議」) and the verdict (否決) say it
_VOTE_TALLY_RX = re.compile("|".join(map(re.escape, _P["vote_tally"])))


def _in_vote_tally(probe: str, s: int, e: int) -> bool:
    """The cue at s..e is part of a vote's tally (`_VOTE_TALLY_RX`)."""
    lo, hi = max(0, s - 2), e + 2
    # every tally is four characters ending in 数 or 一致: a longer cue is in none, and most cues' few characters
    # around hold neither (asked for every position cue of a passage: the search alone cost more than the rest)
    if e - s > 4 or ("数" not in probe[lo:hi] and "一致" not in probe[lo:hi]):
        return False
    return any(m.start() <= s and e <= m.end() for m in _VOTE_TALLY_RX.finditer(probe, lo, hi))


def _flipped(hit: _PosHit) -> _PosHit:
    return _PosHit(hit.start, hit.end, hit.kind, -hit.pol)


_EN_MODAL_GAP_RX = re.compile(r"(?:\s+(?:not|n't|to|be|have|never|ever|simply|just|really|yet))*\s+|n't\s+")


def _en_modal_before(text: str, modal: _PosHit, hit: _PosHit) -> bool:
    """`should (not) stop`, `need not reject`, `did not need to halt`: a modal right before a cue carries no sense
    of its own, only its negation, as 「べき」「必要」 after a Japanese cue do."""
    return (
        text[modal.start : modal.end].lower() in _EN_NEG_AFTER_CUES
        and _EN_MODAL_GAP_RX.fullmatch(text, modal.end, hit.start) is not None
    )


_EN_WITHHELD_RX = re.compile(r"(?:not|n['’]t|never)\s+(?:to\s+)?hesitate|spare", re.I)
_EN_WITHHELD_GAP_RX = re.compile(r"\s+to\s+(?:[a-z]+\s+){0,2}")


def _en_withheld_before(text: str, carrier: _PosHit, hit: _PosHit) -> bool:
    """Not holding back ("will not hesitate to impose sanctions", "spare no effort to support"; a support cue of its
    own, `attitude_support_patterns`) right before the act it is said of carries that act's sense, adds none."""
    return (
        _EN_WITHHELD_RX.match(text, carrier.start) is not None
        and carrier.start < hit.start
        and _EN_WITHHELD_GAP_RX.fullmatch(text, carrier.end, hit.start) is not None
    )


# an English refusal (`attitude_oppose_refusal`: "no intention of", "no plans to", "not considering") right before
# an attitude: the attitude is what is refused ("has no intention of opposing the bill" is not against the bill), as
# 「反対する考えはない」 reads in Japanese (`auxiliary`); before an act ("no plans to block") the product already says so
_EN_REFUSALS = frozenset(w.lower() for w in _P.get("attitude_oppose_refusal", []) if w.isascii())
_EN_REFUSAL_GAP_RX = re.compile(r"\s+(?:(?:of|to)\s+)?(?:be\s+)?")


def _en_refusal_before(text: str, refusal: _PosHit, hit: _PosHit) -> bool:
    """An English refusal phrase right before an attitude cue it is said of (see `_EN_REFUSALS`)."""
    return (
        hit.kind == _ATT
        and hit.pol != 0
        and re.sub(r"\s+", " ", text[refusal.start : refusal.end].lower()) in _EN_REFUSALS
        and _EN_REFUSAL_GAP_RX.fullmatch(text, refusal.end, hit.start) is not None
    )


# an English attitude whose infinitive is another attitude: "urged lawmakers to reject the bill", "plans to oppose
# it", "called for the plan to be rejected", "refused to accept the offer". The outer verb says what the speaker
# wants of the inner one, so the reading is their product (a demand to reject is against the thing rejected), as
# 「拒否するよう求めた」 reads in Japanese (`_request_after_attitude`); English's first attitude alone (`_combine`)
# read the demand as support. The infinitive's `to` ends the outer cue ("hopes to", "called on X to") or follows
# at most five words of its object ("urged the two governments to"); a conjunction between them starts a predicate
# of its own ("called for talks and rejected the plan" is no infinitive).
_EN_TO_END_RX = re.compile(r"(?<![A-Za-z])to\s*$", re.I)  # "hopes to", "called on them to"
_EN_INFINITIVE_TAIL = r"\s*(?:be\s+)?(?:[a-z]+ly\s+)?"
_EN_INFINITIVE_RX = re.compile(_EN_INFINITIVE_TAIL)
_EN_OBJECT_TO_RX = re.compile(
    r"(?:\s+(?!(?:and|but|or|while|after|before|then|as|because|if|when|that)(?![A-Za-z]))[A-Za-z'’-]+){0,5}?\s+[\"“]?to\s+"
    + _EN_INFINITIVE_TAIL,
    re.I,
)


def _en_infinitive_attitude(text: str, outer: _PosHit, inner: _PosHit) -> bool:
    """`inner` (an attitude) is the infinitive of the English attitude `outer` (see `_EN_OBJECT_TO_RX`)."""
    if not (outer.kind == inner.kind == _ATT and outer.pol and inner.pol and text[outer.start].isascii()):
        return False
    if not text[inner.start].isascii() or outer.end > inner.start:
        return False
    if _EN_TO_END_RX.search(text, outer.start, outer.end):
        return _EN_INFINITIVE_RX.fullmatch(text, outer.end, inner.start) is not None
    return _EN_OBJECT_TO_RX.fullmatch(text, outer.end, inner.start) is not None


# 慎重 said as the manner of a deed, not the actor's reluctance: an adverb before an act (「計画を慎重に進める」「工事を
# 慎重に再開する」: the act is done, carefully) or an attribute of a deed asked for or done (「慎重な捜査を求めた」「慎重な
# 審議を進める」); not before thinking, judging or becoming (慎重に検討, 慎重に見極め, 慎重にならざるを得ない: hedges
# that keep the reluctance) nor of a stance noun (慎重な姿勢, 慎重な見方, 慎重な意見: the attitude itself)
_CAREFUL = "慎重"
_CAREFUL_ADVANCE_RX = re.compile(r"[一-龥]{0,4}を?進め")  # 「慎重に進める」「慎重に作業を進める」: 進め is no act cue
_CAREFUL_MANNER_RX = re.compile(
    r"慎重(?:に(?!検討|考|見極|判断|議論|見守|対応|対処|なら|構え|見|調|審|扱|吟味|精査)"
    r"|な(?!姿勢|見方|意見|立場|考え|声|態度|構え|発言|対応|検討|判断|議論|見解|スタンス|論|派|向き|反応|見通し)"
    r"(?=[一-龥ァ-ヶー]{1,6}(?:と[^。、「」]{1,16})?(?:を|の)[^。、「」]{0,8}?(?:求め|要請|要求|促|呼びかけ|呼び掛け|進め|行|続け)))"
)


def _careful_manner(text: str, hit: _PosHit, hits: list[_PosHit]) -> bool:
    """The cue 慎重 says how a deed is done (`_CAREFUL_MANNER_RX`); as an adverb, only right before an act cue."""
    if text[hit.start : hit.end] != _CAREFUL or not _CAREFUL_MANNER_RX.match(text, hit.start):
        return False
    if text.startswith("な", hit.end):
        return True
    after = hit.end + 1  # past its に
    return any(h.kind == _ACT and after <= h.start <= after + 6 for h in hits) or bool(
        _CAREFUL_ADVANCE_RX.match(text, after)
    )


# the critic criticized: an attitude against those who take an attitude against the target (「協定に反対する野党を批判
# した」, 「停戦を拒否するロシアを非難した」, "criticized those who oppose the deal") or against a criticism of it (「計画への
# 批判を一蹴した」, "dismissed criticism of the plan", "rejected concerns about it") is for the target: the two compose,
# as an act composes with the attitude toward it. Japanese: the inner cue in a relative clause on the noun the outer
# one is said of, or a criticism noun as its object; English: a relative clause after the outer one's object, or a
# criticism noun as its object (not allegations or accusations: denying those is no stance on what they allege)
_JA_CRITICISM_NOUNS = tuple(_P["criticism_nouns"])
_JA_CRITIC_RELATIVE_RX = re.compile(
    r"(?:する|した|している|していた|しようとする|してきた|(?<=[ぁ-ゖ]))[一-龥ァ-ヶー・]{1,10}?(?:ら|側|派|勢力|の声)?"
    r"(?:を|に(?:対し(?:て)?)?)(?:強く|厳しく|改めて|重ねて|激しく)?"
)
_JA_CRITICISM_OBJECT_RX = re.compile(r"(?:の声|の意見|意見|論)?(?:を|は|には|に)(?:強く|きっぱり|改めて|一切)?")
_EN_CRITIC_RELATIVE_RX = re.compile(
    r"\s+(?:those|people|anyone|others|critics|groups|countries|governments|lawmakers|politicians|members|"
    r"(?:the|any)\s+[a-z]+)\s+(?:who|that)\s+(?:[a-z]+\s+)?",
    re.I,
)
_EN_CRITICISM_OBJECT_RX = re.compile(
    r"\s+(?:(?:the|such|this|these|those|mounting|growing|recent|widespread)\s+)?"
    rf"(?:{'|'.join(map(re.escape, _P['en_criticism_nouns']))})\s+(?:of|to|about|over|against)"
    r"(?![A-Za-z])",
    re.I,
)


def _critic_criticized(text: str, first: _PosHit, second: _PosHit) -> bool:
    """Of two attitudes against, in text order, one is said of those who take the other toward the target: the outer
    one second in Japanese (「反対する野党を批判」), first in English ("criticized those who oppose")."""
    if not (first.kind == second.kind == _ATT and first.pol < 0 and second.pol < 0 and first.end <= second.start):
        return False
    if text[first.start].isascii():
        return _EN_CRITIC_RELATIVE_RX.fullmatch(text, first.end, second.start) is not None
    if _JA_CRITIC_RELATIVE_RX.fullmatch(text, first.end, second.start) is not None:
        return True
    return (
        text[first.start : first.end] in _JA_CRITICISM_NOUNS
        and _JA_CRITICISM_OBJECT_RX.fullmatch(text, first.end, second.start) is not None
    )


def _criticism_rejected(text: str, hit: _PosHit) -> bool:
    """An English attitude against whose object is a criticism of the target ("dismissed criticism of the plan")."""
    return (
        hit.kind == _ATT
        and hit.pol < 0
        and text[hit.start].isascii()
        and _EN_CRITICISM_OBJECT_RX.match(text, hit.end) is not None
    )


def _negative_prefix(text: str, s: int) -> bool:
    """A kanji cue right after a negating prefix (不, 非, 無, 未) that is not itself part of a longer word."""
    return (
        s > 0
        and text.startswith(_NEG_PREFIXES, s - 1)
        and "一" <= text[s] <= "龥"
        and not (s > 1 and "一" <= text[s - 2] <= "龥")
    )


_AUXILIARY = tuple(_P.get("auxiliary", []))
_INTENTS = ("考え", "方針", "意向")  # an intent said of an act (「…を進める考え」): the act's, see `_auxiliary`


def _auxiliary(text: str, prev: _PosHit, hit: _PosHit) -> bool:
    """「避けるべき」「控える必要」: a support cue right after another cue carries that cue's sense, adds none. An intent
    (考え, 方針, 意向) after an act is the act's own too (「大統領令を否決する手続きを進める考え」, 「反対を続ける方針」): the
    stance is the act's and what governs the target before it (否決), not a support of its own."""
    if hit.kind != _ATT or not text.startswith(_AUXILIARY, hit.start):
        return False
    if prev.kind != _ATT and not (prev.pol > 0 and text.startswith(_INTENTS, hit.start)):
        return False
    gap = text[prev.end : hit.start]
    if text.startswith(_WITHHOLDING, hit.start):  # 「批判することもためらわない」: not holding back from the act
        return _WITHHELD_GAP_RX.fullmatch(gap) is not None
    return _AUXILIARY_GAP_RX.fullmatch(gap) is not None


# not holding back (惜しまない, ためらわない, 辞さない, いとわない: `attitude_support_patterns`) is willing to do what it is
# said of; said after another stance (「批判もためらわない」「反対することも辞さない」) it carries that stance
_WITHHOLDING = ("惜しま", "ためらわ", "躊躇わ", "躊躇し", "躊躇せ", "辞さ", "いとわ", "厭わ")
_WITHHELD_GAP_RX = re.compile(r"[ぁ-ゖ]{0,2}(?:こと|の)?[もをは]?")


# between a cue and the auxiliary after it: a few kana, or a light verb (慎重に「考え」なければならない, 慎重に検討すべき,
# 不適切と「言わ」ざるを得ない), and a plan's という (認めないという方針)
_AUXILIARY_GAP_RX = re.compile(
    r"[ぁ-ゖ]{0,4}(?:という|との)?|[ぁ-ゖ]{0,2}(?:考え|検討|判断|対応|対処|議論|言わ|思わ)[ぁ-ゖ]{0,3}"
    # 「不満を持たざるを得ない」「懸念を抱かざるを得ない」: a feeling had, the feeling's sense
    r"|を(?:持た|抱か|感じ|覚え)"
)


_REQUESTS = tuple(_P.get("requests", []))


def _request_after_attitude(text: str, hits: list[_PosHit], k: int, manner: AbstractSet[int] = frozenset()) -> bool:
    """「控えてほしいと呼びかけた」「拒否するよう求めた」: the request carries the attitude said before it (not a manner,
    `_careful_manner`: 「慎重な審議を求めた」 asks for the deliberation)."""
    hit = hits[k]
    if not text.startswith(_REQUESTS, hit.start):
        return False
    if text[hits[k - 1].end : hit.start] == "に":  # 「提案に応じない」: the cue is what is answered, no attitude said
        return False
    for j in range(k - 1, -1, -1):
        prev = hits[j]
        if _SEG_RX.search(text, prev.end, hit.start):
            return False
        if j in manner:
            continue
        if prev.kind == _ATT and not text.startswith(_REQUESTS, prev.start):
            return True
    return False


# a judgment said not to be held: the cue's clause is the complement of a negated verb of thinking or saying (「必要に
# なるとは思わない」「安全でないとは考えていない」「遅かったとは決して思わない」「適切だとは言えない」), or an attitude said as the manner of a thinking
# that is not done (「前向きに考えていない」「前向きに検討していない」): the speaker holds the cue's opposite
_THOUGHT_DENIED_RX = re.compile(
    r"[ぁ-ゖ]{0,8}?(?<![こあ])(?:(?:とは|とも|と)(?:決して|必ずしも|全く|まったく|あまり|到底)?(?:思わ|思って(?:い|お)|考えて(?:い|お)|考え)"
    r"|(?:とは|と)(?:決して|必ずしも|全く|まったく|到底)?(?:言え|いえ))"  # 〜とは言えない (not 〜とも言えない: neither way)
    r"(?:ない|ず|ません|なかった)(?![かの])"  # not a question put: 「必要だと思わないか」
)
_MANNER_DENIED_RX = re.compile(
    r"(?:に|く)(?:考えて(?:い|お)|考え|検討して(?:い|お)|検討し|検討さ|捉えて(?:い|お)|受け止めて(?:い|お))"
    r"(?:ない|ず|ません|なかった)(?![かの])"
)


def _thought_denied(text: str, kind: str, at: int) -> int:
    """Where a negated verb of thinking the cue (or its negation) ending at `at` is said under ends (0: none):
    「…とは思わない」, and for an attitude 「前向きに考えていない」 (`_THOUGHT_DENIED_RX`, `_MANNER_DENIED_RX`)."""
    m = _THOUGHT_DENIED_RX.match(text, at) or (_MANNER_DENIED_RX.match(text, at) if kind == _ATT else None)
    return m.end() if m else 0


def _negation_end(text: str, e: int) -> int:
    """Where a negation right after a cue ends (0: none). 「られない」「しない」「せず」「不可能」; not 「なければならない」."""
    run = _KANA_RUN_RX.match(text, e).group(0)  # type: ignore[union-attr]
    window = text[e : e + len(run) + 3]
    if _NOT_NEG_RX.search(window):
        return 0
    neg = _NEG_SUFFIX_RX.search(run)
    if neg:
        return e + neg.end()
    word = _NEG_WORD_RX.match(text, e + len(run))
    return word.end() if word else 0


def passage_cues(probe: str, seen: ScannedProbes | None = None) -> list[_PosHit]:
    """A passage probe's position cues (`_pos_hits`): as stored with the document's claims (`known_forms`, see
    `text_readings`) when they were, else as scanned already for this document (`seen`), else scanned now;
    fresh objects either way."""
    known = stored_cues(probe)
    if known is None:
        if seen is None:
            return _pos_hits(probe)
        known = [probe_cues(probe, seen)]
    return [_PosHit(s, e, kind, pol) for s, e, kind, pol in known[0]]


def passage_conds(probe: str, seen: ScannedProbes | None = None) -> list[int]:
    """A passage probe's conditions (`_cond_hits`), as stored (see `passage_cues`), as found already or now."""
    known = stored_cues(probe)
    if known is None:
        return _cond_hits(probe) if seen is None else list(probe_conds(probe, seen))
    return list(known[1])


# A document's probes' position cues (as [start, end, kind, polarity]) and conditions, each scanned when first
# read: the statements read a topical passage's, and the claims' stored readings (`text_readings`) the same
# passages' again.
ScannedProbes = dict[str, list[Any]]


def probe_cues(probe: str, seen: ScannedProbes) -> list[list[Any]]:
    """`_pos_hits` of the probe as lists (do not change them), scanned once per document."""
    entry = seen.setdefault(probe, [None, None])
    if entry[0] is None:
        entry[0] = [[h.start, h.end, h.kind, h.pol] for h in _pos_hits(probe)]
    return entry[0]  # type: ignore[no-any-return]


def probe_conds(probe: str, seen: ScannedProbes) -> list[int]:
    """`_cond_hits` of the probe (do not change it), found once per document."""
    entry = seen.setdefault(probe, [None, None])
    if entry[1] is None:
        entry[1] = _cond_hits(probe)
    return entry[1]  # type: ignore[no-any-return]


def _cond_hits(probe: str) -> list[int]:
    bad = [(m.start(), m.end()) for m in _COND_EXCLUDE_RX.finditer(probe)]
    if _NEED_RX is not None:
        bad += [(m.start(), m.end()) for m in _NEED_RX.finditer(probe)]
    # with nothing excluded (most passages) each match is kept: no test of each against an empty list (bulk39)
    if not bad:
        found = [m.start() for m in _COND_RX.finditer(probe)]
        if _LATIN_WORD_RX.search(probe):
            found += [m.start() for m in _EN_COND_RX.finditer(probe)]
        return found
    found = [m.start() for m in _COND_RX.finditer(probe) if not any(s <= m.start() < e for s, e in bad)]
    if _LATIN_WORD_RX.search(probe):
        found += [m.start() for m in _EN_COND_RX.finditer(probe) if not any(s <= m.start() < e for s, e in bad)]
    return found


# the cues `_combine` read during one `position_toward` (None outside one): whether the reading composed the
# target's own halt (see `_toward_halted`)
_COMBINED: ContextVar[list[_PosHit] | None] = ContextVar("_COMBINED", default=None)


def _combine(cues: list[_PosHit], english: bool = False) -> str | None:
    """support / oppose from the last attitude and the last action (their product when both); None: no cue.

    `english`: the first attitude, the verb that governs what follows it (「I am against the once great …」)."""
    if (read := _COMBINED.get()) is not None:
        read.extend(cues)
    att = act = 0
    seen_att = False
    for c in cues:
        if c.kind == _ATT:
            if not (english and seen_att):
                att = c.pol
            seen_att = True
        else:
            act = c.pol
    if seen_att and att == 0:  # waiting, declining to judge (注視, 評価は控えた): no position
        return None
    value = att * act if att and act else att or act
    return "support" if value > 0 else "oppose" if value < 0 else None


# --- public helpers --------------------------------------------------------------------------------------------


def topics_of(text: str) -> list[str]:
    """Topics a text names (a weak cue such as 取引 counts only next to a plain cue of its topic)."""
    hits = _topic_hits(_probe(text))
    strong = {h.topic for h in hits if not h.weak}
    return [t for t in TOPICS if t in strong]


def classify(text: str) -> list[tuple[str, str]]:
    """[(topic, position)] for one actor clause or quote, in TOPICS order."""
    probe = _probe(text)
    scan = _Scan(probe, mask_quotes(probe) if ("「" in probe or "『" in probe) else probe, [], _topic_hits(probe))
    clause = _Clause(actor_id=0, lo=0, scan=0, hi=len(text), kind="reported")
    found = _clause_topics(scan, clause, None, set(), [])
    return [(t, found[t][0]) for t in TOPICS if t in found]


# --- clauses -----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Clause:
    actor_id: int
    lo: int  # start of the statement text (the actor's name, the quote …)
    scan: int  # where the actor's own words start (after 「Xは」)
    hi: int
    kind: str  # quote | reported
    excluded: list[tuple[int, int]] = field(default_factory=list)  # quotes that are someone else's


@dataclass(slots=True)
class _Scan:
    """Everything computed once per passage."""

    text: str  # the probe (full-width ASCII folded)
    masked: str
    mentions: list[Mention]
    topics: list[_TopicHit] = field(default_factory=list)
    bounds: list[int] = field(default_factory=list)  # indices of part-ending characters
    sentences: list[tuple[int, int]] = field(default_factory=list)
    owners: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, actor_id) of another's cue
    index: ActorIndex | None = None  # the actors the owners were found with
    _cues: list[_PosHit] | None = None
    _conds: list[int] | None = None
    seen: ScannedProbes | None = None  # the document's probes scanned already (ClauseReadings.scanned)

    def __post_init__(self) -> None:
        self.bounds = [m.start() for m in _SEG_RX.finditer(self.text)]
        self.sentences = split_sentences(self.masked) or [(0, len(self.text))]

    # Position cues and conditions matter only where a topic is named, and are found when first read:
    # many passages name a topic but no actor clause.

    @property
    def cues(self) -> list[_PosHit]:
        if self._cues is None:
            self._cues = passage_cues(self.text, self.seen) if self.topics else []
        return self._cues

    @property
    def conds(self) -> list[int]:
        if self._conds is None:
            self._conds = passage_conds(self.text, self.seen) if self.topics else []
        return self._conds

    def in_speech(self, pos: int) -> bool:
        """Inside a quote that is speech (long, or 「…」と…), not a term in quotes (「取引」だと)."""
        if self.masked[pos] != "＿":
            return False
        for q in _QUOTE_RX.finditer(self.text):
            if q.start() < pos < q.end():
                return q.end() - q.start() >= 14 or _SPEECH_AFTER_RX.match(self.text, q.end()) is not None
        return False

    def seg_of(self, pos: int) -> int:
        return bisect_right(self.bounds, pos - 1) if pos else 0

    def seg_span(self, seg: int) -> tuple[int, int]:
        start = self.bounds[seg - 1] + 1 if seg > 0 else 0
        end = self.bounds[seg] if seg < len(self.bounds) else len(self.text)
        return start, end

    def sentence_start(self, pos: int) -> int:
        for s, e in self.sentences:
            if s <= pos < e:
                return s
        return 0

    def spoken_sentence_start(self, pos: int) -> int:
        """The start of pos's sentence, a sentence inside a quote too (「…高くなる。…妥当だった」)."""
        inner = max(self.text.rfind(c, 0, pos) for c in "。！？!?「")
        return max(self.sentence_start(pos), inner + 1)


# Subject markers: the actor's name, then titles and the like, then は / が / も (or によると: "according to").
_TITLE_ALT = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
_SUBJECT_TAIL_RX = re.compile(
    rf"(?:\s|・|{_TITLE_ALT}|米|露|英|仏|独|宇|政府|政権|側|当局|首脳|両首脳|国家安全保障担当|担当|外務省|国防省"
    # 「ハメネイ師は」「ナスララ師が」: 師 after a katakana name is a Muslim cleric's title (not a title of its own elsewhere:
    # 医師, 牧師 are words)
    r"|(?<=[ァ-ヺー])師"
    # 「ブロックマン氏自身も」「首相自身は」: the person themself, the subject still
    r"|自身"
    # 「中村健一さん(49)は」: さん, the honorific of a person with no title (a victim's family, a resident), often
    # with the age in brackets after it (the brackets below)
    r"|さん"
    # 「立憲民主党など野党は」「トヨタなど5社が」: one of the bodies the subject counts
    r"|など[一-龥ァ-ヶー々0-9０-９]{0,8}"
    # 「週刊文春編集部は」「吉本興業広報部は」: the body's office that speaks for it
    r"|編集部|編集局|広報部|広報室|広報局|事務局"
    # 「IMF=国際通貨基金は」「FBI＝連邦捜査局は」: a body's letters glossed by its name after an equals sign, as NHK
    # writes every such body the first time
    r"|[=＝][一-龥々ァ-ヶー・]{2,20}"
    r"|[(（][A-Za-z]{1,8}[)）]|[(（][^()（）「」。]{1,16}[)）])*?(?P<p>は(?!じめ)|が|も|によると|によれば)"
)
# A person named by surname with the given name or an office before the title (坂本哲志農相は, 笠国会対策委員長は,
# 斉藤鉄夫国土交通大臣は): the name the registry or the user knows is the surname alone.
_TITLE_WORDS = tuple(t for t in vocabulary().ja_titles if len(t) >= 2 or t == "氏")
_GIVEN_TITLE_RX = re.compile(
    # (a run of kanji, katakana within it: 「永守重信グローバルグループ代表は」); an opposition's shadow minister
    # (「ハドリー影の内相は」) and a minister of the interior (内相, never 党内 or 家内 after a name)
    r"(?:影の)?(?![派側系家外]|内(?!相))(?:[一-龥々][一-龥々ァ-ヶー]{0,11}?)?(?:"
    + "|".join(sorted(map(re.escape, _TITLE_WORDS), key=len, reverse=True))
    # 相: a minister; 官: an official's post the titles do not list (神田財務官, 外務審議官); （自民党総裁）: an office
    + r"|相|官)(?:[(（][^()（）「」。]{1,16}[)）])?(?:は(?!じめ)|が|も)"
)
# a minister whose portfolio is written in katakana, right after the name (「河野太郎デジタル相は」「平将明デジタル相が」,
# 「山田エネルギー担当相も」): `_GIVEN_TITLE_RX` reads only a post that opens on a kanji
_KATAKANA_PORTFOLIO_RX = re.compile(
    rf"(?:前|元)?(?:{'|'.join(sorted(KATAKANA_FIELDS))})[一-龥]{{0,3}}?(?:担当)?(?:相|大臣)(?:は(?!じめ)|が|も)"
)
# a name's reading or its other script in brackets: （キム・イベ）, （崔相穆）
_READING_RX = re.compile(r"[(（][^()（）「」。]{1,16}[)）]")
_JOINED_RX = re.compile(rf"(?:\s|・|{_TITLE_ALT}|米|露|英|仏|独|宇)*?(?:と|、|及び|および)\s*")
_COUNTRY_ABBR = "米露英仏独宇 ・"
_BARE_TITLE_RX = guarded(rf"(?:^|(?<=[のはがを、。\s]))(?P<title>[一-龥]{{0,6}}?(?:{_TITLE_ALT}))(?=は)")
_TITLE_WA_RX = re.compile(rf"(?:{_TITLE_ALT})は")  # what any _BARE_TITLE_RX match holds: a cheap test first
# the same after a connective written without a comma (「一方で首相は」「そのうえで首相は」「これに対し首相は」): news text
# goes on with the person so as often as after 「一方、」
_CONNECTIVE_TITLE_RX = guarded(
    r"(?:^|(?<=[。、\s」]))(?:一方で|また|さらに|ただ|なお|その上で|そのうえで|これに対し(?:て)?|しかし|だが)"
    rf"(?P<title>{_TITLE_ALT})(?=は)"
)
# Any other title opening a sentence as its subject (「知事は」「社長は」 after 「内堀雅雄知事は」): the one the item
# named with it. Only at the sentence's start: inside it 「…の議員は」 is a body's member, not a person named before.
_OPENING_TITLE_RX = re.compile(
    r"(?:^|(?<=[。！？\s]))(?P<title>"
    + "|".join(sorted((re.escape(t) for t in _TITLE_WORDS if len(t) >= 2 and t not in TITLES), key=len, reverse=True))
    + r")(?=は(?!じめ)|も(?![のと]))"
)
# The leading class lets the engine reject most characters with a single test.
_REF_SUBJECT_RX = re.compile(
    r"(?=[同彼])(?:^|(?<=[のはがを、。\s」]))(?P<ref>同氏|彼女|彼|同(?:" + _TITLE_ALT + r"))(?=は)"
)
# An unnamed member speaking for a body (気象庁の担当者は, 内閣府幹部は, 同社の広報担当者は): the body's words.
# 議員: 「立憲民主党の議員は」, a party's members unnamed (a member named, 「自民党の石破茂議員は」, is the party's already)
# 報道官, 報道局長: a body's spokesperson, named or not (「中国外務省の汪文斌副報道局長は」), speaks for it
# (one of them: 「幹部の1人は」, 「代表者の一人が」)
_MEMBERS = (
    r"(?:広報担当者|担当者|担当幹部|幹部|関係者|広報|高官|当局者|責任者|首脳|職員|社員|事務方|トップ|議員|報道官|報道局長"
    r"|代表者)(?:ら|の[1一]人)?"
)
# what follows the body's name (after a short name in brackets too: 「日本郵政グループ労働組合（JP労組）の関係者は」)
# an officer named by a name no actor holds, with the title of a body's office (「共産党の小池晃書記局長は」,
# 「労組の山田太郎委員長は」): the body speaks through its officer, as through an unnamed member
_OFFICER_TITLES = "|".join(sorted((re.escape(t) for t in _TITLE_WORDS if len(t) >= 2), key=len, reverse=True))
_OFFICER = rf"の[一-龥々]{{2,8}}?(?:{_OFFICER_TITLES})"
_MEMBER_OF = rf"(?:[)）]?の?[一-龥ァ-ヶー]{{0,4}}?{_MEMBERS}|{_OFFICER})"
_MEMBER_TAIL_RX = re.compile(rf"{_MEMBER_OF}(?P<p>は(?!じめ)|が|も)")
_OFFICER_RX = re.compile(_OFFICER)
_REF_ORG_RX = re.compile(
    r"(?=[同両])(?:^|(?<=[のはがを、。\s」]))[同両](?:社|省|庁|党|行|グループ|機構|会|団体|委員会|組合|法人|銀)"
    # 「同社によると、…という」: what the company says, as 「同社は…と説明した」 is
    rf"(?:の?{_MEMBERS})?(?=(?P<p>は|も|によると|によれば))"
)


_EN_PRONOUN_RX = re.compile(r"(?<![A-Za-z])(?:[Hh]e|[Ss]he)(?![A-Za-z])")


def _pronoun_goes_on(text: str, state: _State) -> bool:
    """An English passage naming no actor whose sentences say `he`/`she`: the last person named goes on."""
    return state.last_person is not None and text.isascii() and _EN_PRONOUN_RX.search(text) is not None


# an English speech verb: a passage naming no actor by a name the index holds may still be someone's words
# ('"…," the 46-year-old told a news conference', 'Mr Anutin said …', 'The coast guard said …')
_EN_SPEECH_RX = re.compile(r"(?<![A-Za-z])(?:said|says|told|added|stated|wrote|warned|noted)(?![A-Za-z])")


def _english_speech_goes_on(text: str, state: _State) -> bool:
    """An English passage naming no actor, with a speech verb, in an item that named someone before: the English
    rules read it (/quote's speaker rules for a speaker named by age, surname, courtesy title or kind)."""
    return (
        bool(state.last_person is not None or state.people or state.named_bodies or state.orgs)
        and len(text.encode("ascii", "ignore")) * 2 > len(text)
        and _EN_SPEECH_RX.search(text) is not None
    )


def _org_referred(text: str, state: _State) -> bool:
    """The passage names no actor but refers to the last organisation subject (同社は) or to the local
    government the item named by its kind alone (県は), or opens an English sentence on a body called by its kind
    (`The ministry has said`)."""
    return (
        (bool(state.orgs or state.named_bodies) and _REF_ORG_RX.search(text) is not None)
        or (bool(state.orgs or state.named_bodies) and _REF_LOCAL_RX.search(text) is not None)
        or any(r.group("head") == "政府" for r in _REF_LOCAL_RX.finditer(text))  # 「政府は」: `_government`
        or (bool(state.named_bodies) and _EN_BODY_CALLED_RX.search(text) is not None)
        # `"…," the office said in a statement.` / `…, the statement added.`: the speaker of a statement before goes on
        or (bool(state.last_person or state.orgs or state.named_bodies) and _EN_STATED_RX.search(text) is not None)
    )


# an English passage going on with a statement issued before, or with the office or party that issued it
_EN_STATED_RX = re.compile(
    r"(?<![A-Za-z])(?:the|its|his|her|their)\s+(?:statement|release|letter|office|party|spokes(?:person|man|woman))\s+"
    r"(?:said|says|added|stated|noted|continued)\b|(?<![A-Za-z])it\s+(?:said|added)\s+in\s+a\s+statement\b",
    re.IGNORECASE,
)


# an English sentence opening on a body called by its kind (`The ministry has said …`): the one the item named
_EN_BODY_CALLED_RX = re.compile(
    r"(?<![A-Za-z])The\s+(?:ministry|agency|party|company|firm|union|government|group|bank|committee|commission"
    r"|automaker|carmaker)(?![A-Za-z])"
)


# a local government or a body called by its kind alone as a subject (県は, 県の担当者は, 市も, 委員会事務局の担当者は):
# the one the item named
_REF_LOCAL_RX = guarded(
    # (気象台, 漁協: a local office or co-operative called by its kind after its full name, 盛岡地方気象台, 綾里漁協)
    # (政府: the government the item named, or a Japanese report's own: `_home_government`)
    # (欧州委, 規制委, 調査委: a committee's name cut after 委, as news text writes it after the full name, 欧州委員会)
    r"(?:^|(?<=[、。\s」]))(?P<head>県|府|都|道|市|町|村|委員会|機構|協会|連盟|組合|気象台|漁協|農協|漁連|政府"
    r"|[一-龥]{1,6}委(?!員)"
    r")(?:事務局)?"
    rf"(?:の?{_MEMBERS})?(?P<p>は|も|が)(?![ぁ-ゖ])"
)


# a subject that opens its sentence or clause on a bare noun (「国軍は」, 「一方、歌劇団は」): perhaps a body named before by
# a part of its name (`attribution_ja.body_by_part`)
_BODY_PART_SUBJECT_RX = re.compile(r"(?:^|(?<=[、。\s」]))(?P<head>[一-龥ァ-ヶー]{2,8})(?P<p>は|も|が)(?![ぁ-ゖ])")


def _body_by_part(head: str, state: _State, actors: ActorIndex) -> int | None:
    """The latest body the item made a subject, else named, that `head` calls by a part of its name (its head with
    what it is of dropped, or the first word of a katakana name): the same reading /quote's attribution gives."""
    if not may_be_part(head):  # no body's name at all
        return None
    for pool in (state.orgs, state.named_bodies):
        for body in reversed(pool):
            entry = actors.actors[body]
            if entry.kind not in ("state", "person") and any(
                body_by_part(head, [n]) for n in (entry.name, *entry.aliases)
            ):
                return body
    return None


def _local_body(head: str, state: _State, actors: ActorIndex) -> int | None:
    """The latest body the item made a subject, else named, whose name ends with `head` (県 → 秋田県); a committee's
    short name (欧州委, 調査委) by a name of it that ends with the short name's words and 委員会 (欧州委員会,
    航空鉄道事故調査委員会)."""
    short = head.endswith("委") and len(head) > 1
    for pool in (state.orgs, state.named_bodies):
        for body in reversed(pool):
            entry = actors.actors[body]
            if short:
                if any(n.endswith(head + "員会") for n in (entry.name, *entry.aliases)):
                    return body
            elif len(entry.name) > len(head) and entry.name.endswith(head):
                return body
    return None


# a foreign dateline (【ニューデリー共同】, 【ワシントン時事】, 【ローマ=山本大輔】, 【ソウル】): a place abroad, then the
# agency or the reporter; a byline alone (【福田耕平】) is a name in kanji
_FOREIGN_DATELINE_RX = re.compile(r"【(?!東京)(?:[^】=＝\s]{1,12}(?:[=＝]|共同|時事)|[ァ-ヶー・]{2,12}】)")


def _government(state: _State, actors: ActorIndex) -> int | None:
    """Whose 「政府は」 is: the latest state the item made a subject or the latest government it named
    (「インド政府は…。政府は」), else, in a report not datelined abroad (【ニューデリー共同】), Japan's (日本政府)."""
    for body in reversed(state.orgs):
        if actors.actors[body].kind == "state":
            return body
    for body in reversed(state.named_bodies):
        entry = actors.actors[body]
        if any(n.endswith("政府") for n in (entry.name, *entry.aliases)) and entry.kind == "state":
            return body
    if _FOREIGN_DATELINE_RX.search(state.item_context):
        return None
    home = actors.resolve("日本政府")
    return home.id if home is not None else None


_OTHER_SUBJECT_RX = re.compile(
    r"(?:者|家|員|スタッフ|筋|ブロガー|団体|当局|高官|幹部|首脳|トップ|報道官|広報|事務方|専門家|議員|記者|アナリスト|研究所|紙|誌|通信|メディア|チーム"
    r"|代表|幹事長|委員長|会長|社長|知事|市長|町長|党首|総裁|理事長|事務局長"
    r"|社|省|庁|党|組合|協会|連合会|委員会|政府|両社|両国|両党|県|府|市|町|村)(?:の一人|の1人|ら)?(?:は|が|も)(?![ぁ-ゖ])"
    # an official by post as the topic (「財務省の担当官は」); as が, often a clause's own subject (「管制官が伝える」)
    r"|官(?:ら)?は(?![ぁ-ゖ])"
)
_TITLED_SUBJECT_RX = re.compile(
    "(?:"
    + "|".join(sorted(map(re.escape, _TITLE_WORDS), key=len, reverse=True))
    # the age in brackets news text puts after a name's title (「会社員の山田花子さん(49)は」)
    + r")(?:ら|[(（][0-9０-９]{1,3}[)）])?(?:は|が|も)(?![ぁ-ゖ])"
)
_REPORTING_RX = re.compile(
    r"[」』]\s*(?:と|とも|などと)(?!いう|いった|の)|と(?:述べ|語|話|主張|強調|指摘|説明|表明|明言|発言|言及|警告|訴え|反論|明らかに|した上で|したうえで)"
    # a request made (「…態勢を取るよう求めた」「…確認を呼びかけた」): a speech act as a report is
    r"|よう(?:求め|呼びかけ|呼び掛け|要請|促し|要望|訴え)"
    # an attitude shown (「…には否定的な考えを示した」「慎重な姿勢を崩していない」): the last subject's, as a report is
    # (「…考えも示した」: also shown, as 「…とも述べた」 is also said)
    r"|(?:考え|姿勢|方針|意向|立場|認識|見解|見方|意欲|構え|意思|考え方)[をも](?:示|崩|強調|表明|明らかに|にじま|強め|鮮明に|重ね|改めて|貫|打ち出)"
)
_INTRO_END_RX = re.compile(
    r"(?:[:：]|次のように\S{0,12}|以下のように\S{0,12}|以下の通り。?|(?:コメント|発言|言及)した。)\s*$"
)
_ANAPHOR_RX = re.compile(r"これ|それ|この|その|同(?:案|提案|協定|計画|合意|措置|決定|取引)")
# Where what a 「Xが」 subject governs ends: at a complement (こと, よう, と…) or a quote, else at the end of
# a relative clause (「米国が取得できる取引を提案」: 提案 is not 米国's).
_GA_COMPLEMENT_RX = re.compile(r"こと|よう|との|という|として|とし|と(?=[一-龥])|[「『]")
_GA_RELATIVE_END_RX = re.compile(r"(?<=[るたい])(?=[0-9一-龥ァ-ヶー])")
_HEADING_STAMP_RX = re.compile(r"[(（][^()（）]*\d{4}\s*年[^()（）]*[)）]\s*$")
_HEADING_SPEAKER_RX = re.compile(r"[＝=]\s*([^＝=、。「」]{2,20})\s*$")
_NOMINAL_QUOTE_RX = re.compile(r"\s*(?:という|との|といった)")
_POSSESSIVE_END_RX = re.compile(r"の[、,]?\s*$")
_SPEECH_AFTER_RX = re.compile(r"\s*(?:と|って)(?!いう|いった|の)")
_QUOTE_RX = re.compile(r"「[^「」]*(?:「[^「」]*」[^「」]*)*」|『[^『』]*』")


def _clause_topics(
    scan: _Scan, cl: _Clause, tail: list[_PosHit] | None, near: set[str], inherited: list[str]
) -> dict[str, tuple[str, str, int]]:
    """topic → (position, kind, cue position) for one clause; `near`: topics named nearby (weak cues)."""

    def mine(pos: int) -> bool:  # (no generator made for a clause with no excluded quote: most clauses)
        return cl.scan <= pos < cl.hi and not (cl.excluded and any(s <= pos < e for s, e in cl.excluded))

    topics = [h for h in scan.topics if mine(h.start)]
    strong_here = {h.topic for h in scan.topics if not h.weak} | near
    topics = [h for h in topics if not h.weak or h.topic in strong_here]
    cues = [c for c in scan.cues if mine(c.start) and not _owned(scan, cl, c)]
    out: dict[str, tuple[str, str, int]] = {}

    if not topics:
        if not inherited or not _ANAPHOR_RX.search(scan.text, cl.scan, cl.hi):
            return out
        position = _combine(cues) or "neutral"
        if any(mine(c) for c in scan.conds):
            position = "conditional"
        kind = "quote" if cl.kind == "quote" else "reported"
        return {t: (position, kind, cl.scan) for t in inherited}

    for h in topics:
        seg = scan.seg_of(h.start)
        english = _read_in_english(scan, h.start)  # English puts the verb first: 「would not accept any ceasefire」
        position = _segment_position(
            scan, cl, cues, seg, tail, h.start if english else None, None if english else h.end
        )
        if h.negated:
            position = "oppose"
        sent_start = max(cl.scan, scan.spoken_sentence_start(h.start))
        seg_end = scan.seg_span(seg)[1] if english else _read_end(scan, cl, seg)
        if english:  # 「…, but only if …」「… unless …」: a restriction later in the sentence conditions it
            seg_end = max(seg_end, _restriction_end(scan, h.start))
        conds = [
            c
            for c in scan.conds
            if sent_start <= c < seg_end and mine(c) and not _conceded_before(scan.text, c, h.start)
        ]
        if _conditioned(scan.text, position, conds) and not _scenario_only(scan.text, position, conds, h.start):
            position = "conditional"
        position = position or "neutral"
        kind = "quote" if cl.kind == "quote" or scan.in_speech(h.start) else "reported"
        prev = out.get(h.topic)
        if prev is None or _rank(position) >= _rank(prev[0]):
            out[h.topic] = (position, kind, h.start)
    return out


_JAPANESE_LETTER_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥々]")


def _read_in_english(scan: _Scan, at: int) -> bool:
    """The target word at `at` is read in English word order: a Latin word in a part with no Japanese letter. A
    Latin name in a Japanese sentence (「ANCとDAの連携には賛成できない」, 「NATO加盟を支持する」) is read as Japanese
    is, by the predicate after it, not by a cue before it."""
    if not scan.text[at : at + 1].isascii():
        return False
    s, e = scan.seg_span(scan.seg_of(at))
    return _JAPANESE_LETTER_RX.search(scan.text, s, e) is None


def _read_end(scan: _Scan, cl: _Clause, seg: int) -> int:
    """The end of the part a Japanese target's position is read in: its own, and the parts after it while each
    stops on a particle (「役員の処分については、調査の結果を踏まえて判断したい」: a condition there is the reading's)."""
    last = scan.seg_of(max(cl.scan, cl.hi - 1))
    k = seg
    while k < last and _GAPPED_RX.search(scan.text, *scan.seg_span(k)):
        k += 1
    return scan.seg_span(k)[1]


_EN_RESTRICTION_RX = re.compile(
    r"(?<![A-Za-z])(?:only if|unless|provided that|as long as|on condition)(?![A-Za-z])", re.I
)


def _restriction_end(scan: _Scan, pos: int) -> int:
    """The end of a restriction (only if, unless …) later in pos's sentence, else 0."""
    end = next((e for s, e in scan.sentences if s <= pos < e), len(scan.text))
    m = _EN_RESTRICTION_RX.search(scan.text, pos, end)
    return m.end() if m else 0


# a plain "if" / 〜れば / 〜たら / 〜なら / 〜となれば: a scenario the speaker weighs (「報じれば、こういうことが起きる」, "is not
# ready for peace if America is involved"), not a term they set, as unless, only if, 〜なければ, 〜限り, を条件に and
# 〜のであれば / 〜のなら (「登れるのであれば、十分にレガシーになる」: the case granted) are; so is a negated
# condition, 〜ないなら / 〜なかったら, the spoken "unless" beside 〜なければ (「合意できないなら、連立はできない」)
_SCENARIO_RX = re.compile(
    r"(?<!only )(?<!even )if(?![A-Za-z])|(?<![なで])(?<!なけ)(?<!であ)(?:れば|ければ)|(?<=とな)れば|(?<!なかっ)たら|(?<!の)(?<!ない)なら(?:ば)?"
    # the conditional of every other verb (「一度支払えば、次の標的にもされかねない」, 組めば, 進めば)
    r"|[えけげせてべめ]ば"
    # a refusal until a term is met ("will not agree … until we are satisfied", 「出るまでは…急ぐべきではない」) is one now
    r"|until(?![A-Za-z])|まで",
    re.I,
)


def _scenario_only(text: str, position: str | None, conds: list[int], at: int) -> bool:
    """No cue where the target is named, and it is named in a plain Japanese scenario (「AがBと組めば、「…破滅に導く」
    と警告」: every condition after it, Japanese and plain): the clause's reading decides, not the condition alone — a
    bad outcome under a scenario stays opposition (`_conditioned`), and a clause with no reading is still
    conditional. (English puts the condition after the main clause: a target before "if" is in the consequence.)"""
    return position is None and all(
        c > at and not text[c].isascii() and _SCENARIO_RX.match(text, c) is not None for c in conds
    )


def _conditioned(text: str, position: str | None, conds: list[int]) -> bool:
    """The reading is conditional on the conditions found at `conds`: any there is, unless the reading opposes and
    every one of them is a plain scenario (`_SCENARIO_RX`), under which an opposing reading stays opposition."""
    return bool(conds) and not (position == "oppose" and all(_SCENARIO_RX.match(text, c) is not None for c in conds))


# a contrast that closes what was granted: "If Germany wants to control its borders, that is its right, but …",
# 「条件が整えば検討するが、今は応じない」: a condition before it governs the granted part, not what follows the contrast
_CONTRAST_RX = re.compile(
    r"(?:,|;)\s*(?:but|however|yet)(?![A-Za-z])|(?<![A-Za-z])however,|(?<=[だたすいるうくんしず])が[、，,]|けれど(?:も)?[、，,]|ものの[、，,]|。\s*(?:しかし|ただ|だが)",
    re.I,
)


# a counterfactual's consequence closed (「赤字だったりすれば、失敗と言われただろう」と述べ、…, "If we had waited, we would
# have lost more, …"): the condition is that consequence's, a past that did not happen, not a term on what follows
_COUNTERFACTUAL_RX = re.compile(
    r"(?:た|だった)(?:だろう|でしょう|かもしれない)[」』]?\s*(?:と|。|、)|(?<![A-Za-z])(?:would|could|might) have\s+[a-z]+[^.;!?]*?[,;.]",
    re.I,
)


def _conceded_before(text: str, cond: int, at: int) -> bool:
    """A contrast, or a counterfactual's closed consequence, lies between the condition at `cond` and the reading at
    `at`: the condition is the granted (or imagined) part's."""
    return cond < at and (
        _CONTRAST_RX.search(text, cond, at) is not None or _COUNTERFACTUAL_RX.search(text, cond, at) is not None
    )


def _rank(position: str) -> int:
    return {"neutral": 0, "support": 1, "oppose": 1, "conditional": 2}[position]


def _segment_position(
    scan: _Scan,
    cl: _Clause,
    cues: list[_PosHit],
    seg: int,
    tail: list[_PosHit] | None,
    before: int | None = None,
    after: int | None = None,
) -> str | None:
    """Position read in the topic's clause part, or in the next parts while they have no predicate of their own.

    `before`: prefer the cues in front of this position (English word order). `after`: the end of a Japanese
    target word; in a part that stops on a particle after it, the cues before it modify a noun of the target
    (「本来は認めていない駐車場への乗り入れも、臨時で認めるべきだ」) and its predicate is in the parts after."""
    last_seg = scan.seg_of(max(cl.scan, cl.hi - 1))
    k = seg
    listed: list[_PosHit] = []
    # 「起用を見直す企業が相次いでいることについて「…奪うのは、少し違う」」: the target inside the matter commented on
    # (〜ことについて, 〜をめぐり); what that phrase does to the target (見直す, 打ち切る) is read with the comment
    # after it, as a listed act is with the predicate after the list (「打ち切ることについて「受け入れられない」」: for it)
    topic_end = -1
    if after is not None:
        seg_end = scan.seg_span(seg)[1]
        mark = _COMMENTED_RX.search(scan.text, after, seg_end) or _SUBJECT_ACT_RX.search(scan.text, after, seg_end + 1)
        topic_end = mark.end() if mark else -1
    while k <= last_seg:
        s, e = scan.seg_span(k)
        here = [c for c in cues if s <= c.start < e]
        if k == seg and topic_end > 0:
            listed += [c for c in here if c.start < topic_end]
            here = [c for c in here if c.start >= topic_end]
            if not here and k < last_seg:
                k += 1
                continue
        if (
            after is not None
            and k == seg < last_seg
            and here
            and all(c.end <= after for c in here)
            and _GAPPED_RX.search(scan.text, after, e)
        ):
            k += 1
            continue
        if (
            after is not None
            and k == seg < last_seg
            and here
            and all(c.kind == _ACT and c.end == after for c in here)
            and _QUOTED_NEXT_RX.match(scan.text, after)
        ):
            # the target's own last word, an act, then the quote its predicate frames (「条約の停止を「…」と非難した」):
            # the act goes with that predicate, as a listed act does
            listed += here
            k += 1
            continue
        if before is not None and k == seg:
            # English governs what follows its verb; an act said of the target in the passive after it ("that a
            # legislature … can be dissolved", "the aid was stopped"), or the target's own act named where it is
            # found (a halt typed as the target: "dissolving" found as "dissolved"), is read with that verb
            # ("a step toward stopping the government from turning TikTok into a weapon": the halt is of another's
            # doing, what the target is only the object of, so it says nothing of the target)
            front = [
                c
                for c in here
                if (c.start < before and not (c.kind == _ACT and halts_a_doing(scan.text, c.end, before)))
                or (c.kind == _ACT and (c.start == before or passive_of(scan.text, before, c.start)))
            ]
            # before it, an act done to an object of its own and joined to the target's verb by "and" ("called on
            # them to stop their programmes and come to talks"): the halt is of that object, not of the talks
            front = [c for c in front if not _coordinated_act(scan, c, before)] or front
            # a halt named by its noun in the subject ("Cancellation is not on our agenda", "The suspension of aid is
            # unacceptable"): the attitude of the predicate after the target is said of it, composed with the halt
            if front and all(
                c.kind == _ACT and c.start <= before and nominal_subject_act(scan.text, s, c.start, c.end)
                for c in front
            ):
                front += [c for c in here if c.kind == _ATT and c.start > before]
            # after the target, an act done to an object it names ("every resource to stop the flames", "the aid
            # will stop the war"): the target is its doer or means, not what it is done to
            here = front or [c for c in here if not _acts_on_another(scan, c, before)]
        if here and k < last_seg and here[-1].kind == _ACT and scan.text.startswith("、", here[-1].end):
            listed += here  # 「撤回、取り消しをするつもりはない」: a listed act shares the predicate after the list
            k += 1
            continue
        if (
            before is not None
            and len(here) > 1
            and not any(c.kind == _ACT and (c.start == before or passive_of(scan.text, before, c.start)) for c in here)
        ):
            # 「insisted that Japan would not accept」: the frame says less (not when the that-clause is an act done
            # to the target, "do not accept that the legislature be dissolved": the frame's stance is toward it)
            here = [c for c in here if not _THAT_RX.match(scan.text, c.end)] or here
            # 「said Witkoff favors the Russians and that he should not be leading the talks」: the that-clause
            # holding the target is its own; a cue of another clause before it says nothing of the target
            that = [m.end() for m in _THAT_WORD_RX.finditer(scan.text, here[0].end, before)]
            if that:
                here = [c for c in here if c.start >= that[-1]] or here
        if here or listed:
            return _combine([*listed, *here], english=before is not None)
        if any(s <= c.start < e for c in scan.cues):  # a stance here, but someone else's
            return _combine(listed)
        # a part that sets a condition and says nothing of its own (「部隊が現れれば、」 "If they impose tariffs,"):
        # its consequence, in the part after, is what is said of the target (a threat opposes; see `_conditioned`)
        if not _UNFINISHED_RX.search(scan.text, max(s, cl.scan), min(e, cl.hi)) and not any(
            s <= c < e for c in scan.conds
        ):
            return _combine(listed)
        k += 1
    return _combine([*listed, *(tail or [])])


# a cue that frames a clause after it: "insisted that …", or with no that before a subject pronoun ("insisted he had
# never considered …"; only the pronouns that cannot be an object, so "support it" keeps its reading)
_THAT_RX = re.compile(r"(?:s|es|d|ed|ing)?\s+(?:that|he|she|they|we|I)(?![A-Za-z'’])")
# 「停止を「…」と」: a quote follows the target
_QUOTED_NEXT_RX = re.compile(r"(?:を|について|に対し(?:て)?|に)(?:は)?[、]?[「『]")
# the end of a matter commented on: a clause made a noun (こと, の) and marked as the topic, before the comment
_COMMENTED_RX = re.compile(
    r"(?:こと|の)(?:について|に関して|をめぐり|を巡り|をめぐって|を巡って)(?:は)?\s*[、，,「『]?"
)
# the target's act made the subject of the part after it (「不法行為を認めるようなことは、…あってはならない」「続投
# するのが、…筋だ」): what is done to the target is read with the predicate that evaluates it, as a matter commented on is
# (not a view reported: 「…必要はないというのが、専門家の見方だ」)
_SUBJECT_ACT_RX = re.compile(r"(?<!いう)(?<!言う)(?<!との)(?:こと|の)(?:は|が|も)\s*[、，,]")
_THAT_WORD_RX = re.compile(r"(?<![A-Za-z])that\s+(?=[a-z])")  # a complementizer: a new clause's subject after it


def _owned(scan: _Scan, cl: _Clause, c: _PosHit) -> bool:
    """A cue that another subject inside the clause governs (「ウクライナが合意した停戦案」)."""
    return any(
        s <= c.start < e and actor != cl.actor_id and not speaks_for_body(scan.index, cl.actor_id, actor)
        for s, e, actor in scan.owners
    )


def speaks_for_body(actors: ActorIndex | None, speaker: int, body: int) -> bool:
    """The body is the speaker's own (「ロシアが受け入れられない」 said by the President of Russia): the registry
    describes the speaker by an office of that body (ロシア大統領, 米国務長官)."""
    if actors is None or speaker not in actors.actors or body not in actors.actors:
        return False
    who, it = actors.actors[speaker], actors.actors[body]
    if who.kind != "person" or it.kind == "person" or not who.description:
        return False
    office = who.description.split("/")[0].strip()
    return any(
        office.startswith(n) and len(office) > len(n) and "一" <= office[len(n)] <= "龥"
        for n in (it.name, *(it.aliases or []))
        if n
    )


def _find_owners(scan: _Scan, actors: ActorIndex) -> list[tuple[int, int, int]]:
    """Spans where a subject other than the clause's own governs the cues.

    「Xが」 governs its clause part up to a complement (こと, よう, と…) or the end of a relative clause;
    a person 「Xは」 inside a quote governs the rest of that quoted sentence.
    """
    owners = []
    text = scan.text
    scan.index = actors
    for m in scan.mentions:
        tail = _SUBJECT_TAIL_RX.match(text, m.end, min(len(text), m.end + 20))
        if not tail:
            continue
        p = tail.group("p")
        seg_end = scan.seg_span(scan.seg_of(tail.end()))[1]
        if p == "が":
            stop = _GA_COMPLEMENT_RX.search(text, tail.end(), seg_end) or _GA_RELATIVE_END_RX.search(
                text, tail.end(), seg_end
            )
            owners.append((tail.end(), stop.start() if stop else seg_end, m.actor_id))
        elif p == "は" and scan.masked[m.start] == "＿" and actors.actors[m.actor_id].kind == "person":
            end = tail.end()
            while end < len(text) and text[end] not in "。」』\n":
                end += 1
            owners.append((tail.end(), end, m.actor_id))
    return owners


# --- per passage -----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    """What one passage hands on to the next within a document."""

    heading: str | None = None
    carry: int | None = None  # actor of the last statement sentence, for a following sentence without subject
    carry_tail: bool = False  # the previous passage ended on that actor's sentence
    # the body whose sentence (its own subject, or carried) ended the previous passage: a paragraph that opens on a
    # report or an act with no subject of its own goes on with it (「日銀は…決めた。」 then 「長期国債の買い入れに
    # ついては、…計画も決めた。」), as `carry` goes on with a person
    body_tail: int | None = None
    last_person: int | None = None  # for 同氏 / 彼
    orgs: deque[int] = field(
        default_factory=lambda: deque(maxlen=6)
    )  # 同社 / 同省 / 同党: the last organisation subjects, latest last
    bodies: dict[int, int] = field(default_factory=dict)  # person → the body the item named them officer of
    # title → the person the item last named with it (「サンチェス首相」 … paragraphs later 「首相は」), for a bare title
    # whose person the item context's window no longer holds
    titled: dict[str, int] = field(default_factory=dict)
    people: deque[int] = field(default_factory=lambda: deque(maxlen=12))  # people the item named, latest last
    named_bodies: deque[int] = field(default_factory=lambda: deque(maxlen=12))  # bodies the item named, latest last
    intro: int | None = None  # 「…次のように述べた：」 → the following quote / bullets are this actor's
    asked: bool = False  # the passage before was a Q&A's question line (――…): an answer after it goes on the turn
    recent: deque[set[str]] = field(default_factory=lambda: deque(maxlen=8))
    item_context: str = ""
    context_mentions: list[Mention] | None = None  # actor mentions in item_context, found when first needed
    # item_context as the passages are read (full-width letters and brackets made ASCII, `_probe`): the speaker
    # rules find a passage in its item only in the same writing (「（国民に）」 read as 「(国民に)」 was not found,
    # so a quote under its speaker's label line had no context and no speaker)
    item_probe: str = ""

    def read_item(self, context: str) -> None:
        """The passage about to be read belongs to this item context."""
        if context != self.item_context:
            self.item_context, self.context_mentions, self.item_probe = context, None, _probe(context)

    def enter(self, heading: str | None) -> None:
        """A new item or section: nothing said under the previous heading carries over."""
        self.heading, self.carry, self.carry_tail, self.intro, self.last_person = heading, None, False, None, None
        self.asked, self.body_tail = False, None
        self.orgs.clear()
        self.bodies.clear()
        self.titled.clear()
        self.people.clear()
        self.named_bodies.clear()


def extract_statements(
    passages: list[ParsedPassage],
    actors: ActorIndex,
    dates: list[str | None],
    mentions: list[list[Mention]] | None = None,
    readings: ClauseReadings | None = None,
) -> list[StatementRow]:
    """Every (actor, topic) statement in a document's passages; `dates[i]` is passage i's resolved date,
    `mentions[i]` its actor mentions when the caller has found them already. `readings`: where the passages'
    clause readings are kept for `extract_claims` of the same document (with the same actors)."""
    rows: list[StatementRow] = []
    state = _State()
    contexts = item_contexts(passages)
    for i, p in enumerate(passages):
        if p.heading != state.heading:
            state.enter(p.heading)
        state.read_item(contexts[i])
        date = dates[i] if i < len(dates) else None
        rows.extend(_passage_rows(i, p, actors, date, state, mentions[i] if mentions is not None else None, readings))
    return rows


def item_contexts(passages: list[ParsedPassage]) -> list[str]:
    """The text of each passage's item (passages under the same heading; else a window around it)."""
    by_heading: dict[str, str] = {}
    for p in passages:
        if p.heading:
            by_heading[p.heading] = by_heading.get(p.heading, "") + p.text + "\n"
    out = []
    for k, p in enumerate(passages):
        if p.heading:
            out.append(by_heading[p.heading])
        else:
            out.append("\n".join(q.text for q in passages[max(0, k - 4) : k + 2]))
    return out


def _passage_rows(
    i: int,
    p: ParsedPassage,
    actors: ActorIndex,
    date: str | None,
    state: _State,
    mentions: list[Mention] | None,
    readings: ClauseReadings | None = None,
) -> list[StatementRow]:
    text = p.text
    probe = _probe(text)
    hits = _topic_hits(probe)
    topical = bool(hits)
    strong = {h.topic for h in hits if not h.weak}
    near = set().union(*state.recent) if state.recent else set()
    state.recent.append(strong)
    if p.kind == "caption":
        return []
    if mentions is None:
        mentions = actors.mentions(text)
    intro, state.intro = state.intro, None
    if p.kind == "heading":
        return _heading_rows(i, p, actors, date, topical, near)
    if not mentions and not (
        intro or state.carry or _body_goes_on(text, state) or p.default_speaker or _org_referred(text, state)
    ):
        state.carry_tail, state.body_tail = False, None
        return []
    masked = mask_quotes(probe) if ("「" in probe or "『" in probe) else probe
    scan = _Scan(probe, masked, mentions, hits, seen=readings.scanned if readings is not None else None)
    # Kept for the claims, a passage is read with its quotes even without a topic: its statements are none either
    # way, and the state it leaves is the same (the quotes' clauses change no carried state).
    quotes = topical or readings is not None
    key = ClauseReadings.key(i, state, intro, quotes) if readings is not None else None
    clauses, tails = _clauses(scan, p, actors, state, intro, quotes)
    if readings is not None:
        readings.keep(key, clauses, state)  # type: ignore[arg-type]
    if not topical:
        return []
    scan.owners = _find_owners(scan, actors)
    rows: list[StatementRow] = []
    prev_topics: list[str] = []
    for cl, tail in zip(clauses, tails, strict=True):
        found = _clause_topics(scan, cl, tail, near, prev_topics)
        for topic, (position, kind, at) in found.items():
            rows.append(StatementRow(i, cl.actor_id, topic, position, _snippet(text, cl.lo, cl.hi, at), date, kind))
        if found:
            prev_topics = list(found)
    return rows


def _heading_rows(
    i: int, p: ParsedPassage, actors: ActorIndex, date: str | None, topical: bool, near: set[str]
) -> list[StatementRow]:
    """A headline 「…受け入れ不可能＝ラブロフ外相」 is that actor's statement."""
    head = _HEADING_STAMP_RX.sub("", p.text).strip()
    m = _HEADING_SPEAKER_RX.search(head)
    if not m or not topical:
        return []
    speaker = _named_actor(m.group(1), actors)
    if speaker is None:
        return []
    body = head[: m.start()].strip()
    probe = _probe(body)
    scan = _Scan(probe, mask_quotes(probe), actors.mentions(body), _topic_hits(probe))
    scan.owners = _find_owners(scan, actors)
    cl = _Clause(speaker, 0, 0, len(body), "reported")
    found = _clause_topics(scan, cl, None, near, [])
    return [
        StatementRow(i, speaker, t, pos, _snippet(body, 0, len(body), at), date, kind)
        for t, (pos, kind, at) in found.items()
    ]


def _clauses(
    scan: _Scan, p: ParsedPassage, actors: ActorIndex, state: _State, intro: int | None, need_quotes: bool = True
) -> tuple[list[_Clause], list[list[_PosHit] | None]]:
    """The actor clauses of a passage, each with the cues of its sentence's last part (for gapped predicates)."""
    text, n = scan.text, len(scan.text)
    clauses: list[_Clause] = []
    tails: list[list[_PosHit] | None] = []
    sentences = scan.sentences
    _learn_titles(scan, actors, state)
    # 1. a label in front: 「ルビオ米国務長官：「…」」 (its first sentence; what follows is read as usual)
    label = _label_actor(scan, actors)
    if label is not None:
        actor_id, start = label
        body = text[start:].lstrip()
        kind = "quote" if body.startswith(("「", "『")) else "reported"
        end = next((e for s, e in sentences if s <= start < e and e > start + 1), n)
        cl = _Clause(actor_id, start, start, end, kind)
        _exclude_foreign_quotes(scan, cl, actors, state)
        state.carry, state.carry_tail = actor_id, True
        clauses.append(cl)
        tails.append(None)
        sentences = [(s, e) for s, e in sentences if s >= end]
        if not sentences:
            return clauses, tails
    # 2. a bullet under a headline attribution or an introduction (「次のように述べた：」)
    speaker = _default_actor(p, actors) or intro
    if p.kind == "bullet" and speaker and not clauses:
        if intro:
            state.intro = intro
        if not _other_person_subject(scan, actors, speaker):  # else 「イエルマク長官は…明かした」: that person's
            return [_Clause(speaker, 0, 0, n, "quote")], [None]
    if intro and not clauses and text.startswith(("「", "『")):
        return [_Clause(intro, 0, 0, n, "quote")], [None]
    # 3. sentence by sentence
    if not clauses and len(text.encode("ascii", "ignore")) * 2 > n:
        return _english_clauses(scan, state, actors)
    after_question, state.asked = state.asked, is_question_line(text)
    if state.asked:  # the interviewer's words: no one's statement, and the turn stays with the interviewee
        return clauses, tails
    last_sentence_actor: int | None = None
    last_subject: int | None = None  # the previous sentence's subject, body or person (for 「そのうえで」)
    announcer: int | None = None  # the body whose announcement the previous sentence reported
    body_before: int | None = None  # the body the previous sentence had as its subject
    body_tail, state.body_tail = state.body_tail, None  # the body whose sentence ended the passage before
    after_other = False  # the sentence before had a subject no rule names (it stops the carry, and the fallback)
    after_unread = False  # the sentence before opened on an agent and its means no rule names (`_unread_lead`)
    for s, e in sentences:
        body_goes_on = False  # the sentence is the body's of the sentence before, carried
        subjects = _subjects(scan, s, e, actors, state)
        reporter = _reporting_topic(scan, e, subjects, actors)
        if reporter is not None:  # 「Xは、Yは「…」と批判した」: Y is what X speaks of, X's clause the whole sentence
            subjects = [x for x in subjects if x[1] == reporter]
        sent_clauses: list[_Clause] = []
        first = subjects[0][1] if subjects else e
        # someone else as the subject: a kind of person or body, or anyone titled whom no rule names
        # (「共産党の伊藤はつみ県議は」: a name the registry cannot read)
        unread = not subjects and _unread_lead(scan, s)
        prefix_other = (
            _OTHER_SUBJECT_RX.search(scan.masked, s, first)
            or _TITLED_SUBJECT_RX.search(scan.masked, s, first)
            or (not subjects and agent_leads(scan.masked, s) is not None)  # 「一方、レオ14世は11日、」: not an actor
            or unread  # 「一方、メタは声明で「…」」: a body no rule names
            or bracketed_body_subject(text, s, first)  # 「…でつくる「未来の会」は」: a body in brackets
        )
        # the が subjects are inside what the last speaker said (「…大谷選手が…ないとも述べ」): not the sentence's subjects
        # (a body goes on so too: 「日本郵便は…公表した。…。国交省が通知した許可取り消しについても、受け入れる方針を
        # 明らかにした」 is the company's, the ministry only the subject of a clause qualifying a noun)
        carrier = state.carry if state.carry is not None else body_before
        inside = bool(subjects) and carrier is not None and not prefix_other and _inside_report(scan, s, e, subjects)
        # 「株主からは「…」と厳しい意見が相次いだ」: the voices' own source, read by the quote rules, never a carried subject
        voices = not subjects and voiced(text, s, e)
        prefix_other = prefix_other or voices
        if inside:
            sent_clauses.append(_Clause(carrier, s, s, e, "reported"))  # type: ignore[arg-type]
            body_goes_on = carrier == body_before and state.carry is None
        # (a が inside what the speaker before goes on to say speaks no part of the sentence)
        for actor_id, start, own, particle in [] if inside and _goes_on_inside(scan, s, e, subjects) else subjects:
            hi = min([x[1] for x in subjects if x[1] > start] or [e])
            if particle == "が":  # 「Xが…」 without a topic subject: only its own clause part
                cut = scan.seg_span(scan.seg_of(own))[1] + 1
                # 「自民党の森山幹事長が25日、「…」と述べた」: a part that only sets the time or the place goes on
                # into the rest of the sentence, as after 「Xは」
                # (never a が inside what the speaker before reports: 「豊田会長が前日の会見で、…と説明したことについて
                # 問われ、「…」と指摘」 is the one asked)
                setting = not inside and _SETTING_ONLY_RX.fullmatch(scan.masked, own, cut) is not None
                hi = hi if setting else min(hi, cut)
            sent_clauses.append(_Clause(actor_id, start, own, hi, "reported"))
        # a sentence without subject that goes on from the previous one, or quotes before the first subject
        if not subjects and not prefix_other and _continues(text, s, e, state, after_question):
            sent_clauses.append(_Clause(state.carry, s, s, e, "reported"))  # type: ignore[arg-type]
            # the officer a body's sentence made its head (「正栄汽船が…記者会見した。桧垣社長は「…」と述べ」) goes on
            # speaking for it, as under 同氏 (「損害賠償については「…」と述べた」: the company's too)
            body = state.bodies.get(state.carry)  # type: ignore[arg-type]
            if body is not None and body != state.carry:
                sent_clauses.append(_Clause(body, s, s, e, "reported"))
        elif not subjects and not prefix_other and last_subject is not None and _GOES_ON_RX.match(text, s):
            # 「ドワンゴは…と説明しました。そのうえで、…見通しを示しました」: a body goes on, as a person does
            sent_clauses.append(_Clause(last_subject, s, s, e, "reported"))
        elif not subjects and not prefix_other and announcer is not None and not text[s:e].lstrip().startswith("「"):
            # 「KADOKAWAは…と発表した。従来予想から37億円引き下げた。」: the sentence right after a body's announcement
            # tells what it announced
            sent_clauses.append(_Clause(announcer, s, s, e, "reported"))
            body_goes_on = announcer == body_before
        elif (
            not subjects
            and not prefix_other
            and body_before is not None
            # a quote the body also said (「同党は…問題視する。「…」とも訴えた」) is the body's too
            and (not text[s:e].lstrip().startswith("「") or _ALSO_QUOTED_RX.search(scan.masked, s, e))
            and (not _own_subject(scan.masked, s, e) or _thing_found(scan.masked, s, e))
            and _VERBISH_RX.search(text, s, e)  # not a byline (【福田耕平】)
        ):
            # 「国交省は…立ち入り検査を始めた。担当者から事情を聴き、…行政処分を検討する。」: a sentence with no subject
            # of its own (no は or が after a noun) right after a body's goes on with that body's acts, and so does the
            # next such sentence of the paragraph (「…声明を出した。…と批判した。…やめるよう求めた。」)
            sent_clauses.append(_Clause(body_before, s, s, e, "reported"))
            body_goes_on = True
        elif (
            not subjects
            and not prefix_other
            and body_tail is not None
            and s == sentences[0][0]
            and _opens_on_the_bodys_report(text, scan.masked, s, e)
        ):
            # a paragraph that opens on a report or an act with no subject of its own goes on with the body whose
            # sentence ended the paragraph before (「日銀は31日、…引き上げることを決めた。」 then 「長期国債の買い入れに
            # ついては、…計画も決めた。」), and so does the paragraph's next such sentence (the rule above)
            sent_clauses.append(_Clause(body_tail, s, s, e, "reported"))
            body_before, body_goes_on = body_tail, True
        elif need_quotes and not unread and not (after_unread and text[s:e].lstrip().startswith(("「", "『"))):
            # (the quotes after an unread agent and its means are that agent's, and so is a quote opening the next
            # sentence: 「「…」とも述べた」)
            for q in _QUOTE_RX.finditer(text, s, first):
                if (
                    _NOMINAL_QUOTE_RX.match(text, q.end())
                    and not _POSSESSIVE_END_RX.search(text, s, q.start())
                    and not voices  # 「…からも「…」との声」: the voice is the から phrase's
                ):
                    continue  # 「「…」という指摘は」: what was said, not by whom
                who = _quote_speaker(scan, q.start(), actors, state)
                if who:
                    sent_clauses.append(_Clause(who, q.start() + 1, q.start() + 1, q.end() - 1, "quote"))
        sent_clauses = _quote_then_subject(text, sorted(sent_clauses, key=lambda c: c.lo))
        if need_quotes and not unread and not after_unread and "「" in text[s:e]:
            sent_clauses = _spoken_quotes(scan, s, e, sent_clauses, subjects, actors, state)
        if (
            not sent_clauses
            and need_quotes
            and not voices
            # 「一方、ローマ教皇レオ14世は…呼びかけた。運賃の値上げも批判した」: the unread agent's, and what follows
            and agent_leads(scan.masked, s) is None
            and not unread
            and not after_other
            # not a topic of the sentence's own that no rule names (「法案づくりを主導した円より子衆院議員は」; a が may
            # be a clause's own: 「国と県が話し合いを重ね、…が望ましいとの考えを示した」)
            and not any(
                m.group(0)[-1] != "が"
                for rx in (_OTHER_SUBJECT_RX, _TITLED_SUBJECT_RX)
                for m in rx.finditer(scan.masked, s, first)
            )
        ):
            # a statement no rule above gave anyone: the speaker /quote's attribution gives the sentence
            who = _spoken_sentence_speaker(scan, s, e, actors, state)
            if who is not None:
                sent_clauses.append(_Clause(who, s, s, e, "reported"))
        head = _head_after_body(scan, s, e, sent_clauses, body_before, actors)
        if head is not None:  # 「香港政府は…と発表した。李家超行政長官は「…」と投稿した」: its head speaks for it
            state.bodies[head] = body_before  # type: ignore[assignment]
            sent_clauses += [_Clause(body_before, c.lo, c.scan, c.hi, c.kind) for c in sent_clauses]  # type: ignore[arg-type]
        for cl in sent_clauses:
            _exclude_foreign_quotes(scan, cl, actors, state)
        sent_clauses.sort(key=lambda c: c.lo)
        for cl in sent_clauses:
            clauses.append(cl)
            tails.append(_tail_cues(scan, s, e) if _GAPPED_RX.search(text, cl.lo, cl.hi) else None)
        last_subject = (last_subject if sent_clauses else None) if not subjects or inside else subjects[-1][0]
        if subjects and not inside:
            body_before = last_subject if actors.actors[last_subject].kind != "person" else None  # type: ignore[index]
        elif not body_goes_on:
            body_before = None
        announcer = body_before if body_before is not None and _ANNOUNCED_RX.search(text, s, e) else None
        if subjects and not inside:
            # a person goes on speaking: 「共産党の小池書記局長は…批判した。「…」と述べ」 is 小池's, not the party's alone
            people = [x[0] for x in subjects if actors.actors[x[0]].kind == "person"]
            last_sentence_actor = people[-1] if people else subjects[-1][0]
            for person, body in _officers(scan, s, e, actors):
                state.bodies[person] = body
            entry = actors.actors.get(last_sentence_actor)
            is_person = entry is not None and entry.kind == "person"
            state.carry = last_sentence_actor if is_person else None  # only a person goes on speaking
            if is_person:
                state.last_person = last_sentence_actor
            # the bodies the sentence had as subjects, its officers' too (「トヨタ自動車の豊田章男会長は…。同社は」: 同社
            # is the company whose chairman spoke), latest last
            for body in dict.fromkeys(x[0] for x in subjects if actors.actors[x[0]].kind != "person"):
                if body in state.orgs:
                    state.orgs.remove(body)
                state.orgs.append(body)
        elif quoted_person(sent_clauses, actors) is not None:
            # 「カラス外交安全保障上級代表は…「…」と述べた。和平案には…と批判し、…と訴えた」: a person the speaker rules
            # give the sentence's quotes, under a subject phrase the subject rules do not read, goes on speaking
            state.carry = state.last_person = quoted_person(sent_clauses, actors)
        elif prefix_other and not _read_as_carried(scan, s, e, sent_clauses, state):
            state.carry = None
        after_other = bool(prefix_other) and not sent_clauses
        after_unread = unread and not sent_clauses
        if not subjects:  # 「トランプ氏の発言にも変化が見えます。…同氏は」: the person a sentence without subject names
            named = _last_person_named(scan, s, e, actors)
            state.last_person = named if named is not None else state.last_person
        state.carry_tail = bool(subjects) or bool(sent_clauses and sent_clauses[-1].kind == "reported")
        for m in scan.mentions:
            if s <= m.start < e:
                named = state.people if actors.actors[m.actor_id].kind == "person" else state.named_bodies
                if m.actor_id in named:
                    named.remove(m.actor_id)
                named.append(m.actor_id)
    if last_sentence_actor and _INTRO_END_RX.search(text):
        state.intro = last_sentence_actor
    state.body_tail = body_before
    return clauses, tails


# A sentence that opens on its own agent and the means it spoke by (「一方、メタは声明で「…」と批判した」, 「CANは声明で」,
# 「RSFはSNSで」): whoever the agent is — a body the registry lacks, which no subject rule reads — the sentence is
# that agent's, never the person the passage before carried on (as `agent_leads` reads 「Xは11日、」)
_UNREAD_LEAD_RX = re.compile(
    r"\s*(?:(?:一方|また|さらに|ただ|なお|これに対し(?:て)?|その後)[、,]\s*)?(?P<name>[^、。「」『』\s＿]{0,23}[一-龥々ァ-ヶーA-Za-z0-9０-９）)])"
    r"は(?:[0-9０-９]{1,2}日[、,]?|同日[、,]?)?"
    r"(?:声明|コメント|談話|文書|書面|書簡|発表文|記者会見|会見|SNS|X|ツイッター|ホームページ|公式サイト|ウェブサイト)(?:で|に)"
)


def _unread_lead(scan: _Scan, s: int) -> bool:
    """Whether the sentence at s opens on an agent and its means (`_UNREAD_LEAD_RX`) that names no actor of the
    index (「ロサンゼルス連邦地検のエッセイリ検事正代行は記者会見で」: a person the subject rules miss, whom /quote's
    attribution reads) and is no person named by a title or honorific (「首相は声明で」, 「山田氏は会見で」: the
    title rules' or the carried person's)."""
    m = _UNREAD_LEAD_RX.match(scan.masked, s)
    if m is None or any(s <= x.start < m.end("name") for x in scan.mentions):
        return False
    name = m.group("name")
    return not (name.endswith(("氏", "さん", "容疑者", "被告")) or _TITLED_END_RX.search(name))


_TITLED_END_RX = re.compile("(?:" + "|".join(sorted(map(re.escape, _TITLE_WORDS), key=len, reverse=True)) + r"|相|官)$")


def _read_as_carried(scan: _Scan, s: int, e: int, clauses: list[_Clause], state: _State) -> bool:
    """Every clause of a sentence [s, e) whose subject phrase no rule names went to the person carried on, and that
    phrase is a body's or a thing's が inside what the sentence reports (「英国での調査には現地子会社が全面的に協力し
    ているとし、「…」と強調した」: its part ends on a complement, とし, こと, よう, before any quote): the が was a
    clause's own, not the sentence's subject, so the person goes on speaking (「「…」とも述べた」 next). Never a titled
    person's が or any は (「山田太郎さんが」, 「団体は」), nor a が right before a quote (「団体が「…」と批判した」: its
    speaker)."""
    carried = state.carry
    if carried is None or not clauses or any(c.actor_id != carried for c in clauses):
        return False
    if _TITLED_SUBJECT_RX.search(scan.masked, s, e):
        return False
    for m in _OTHER_SUBJECT_RX.finditer(scan.masked, s, e):
        stop = _GA_COMPLEMENT_RX.search(scan.text, m.end(), e)
        if m.group(0)[-1] != "が" or stop is None or stop.group(0) in ("「", "『"):
            return False
    return True


# a sentence that opens on a noun with も (「スピリットも協議の事実を認めた」, 「一方、同省も」): its own subject, as a は is
_OPENING_ALSO_RX = re.compile(
    r"\s*(?:(?:一方|また|ただ|さらに|これに対し)[、,]?)?[一-龥々ァ-ヶーA-Za-z0-9０-９）)」』]{2,}も(?![ぁ-ゖ])"
)


def _opens_on_the_bodys_report(text: str, masked: str, s: int, e: int) -> bool:
    """The sentence [s, e) opening a paragraph may go on with the body whose sentence ended the paragraph before: no
    quote at its opening, no subject of its own, and a report, an announcement or a stance act."""
    return (
        not text[s:e].lstrip().startswith(("「", "『"))
        and not _own_subject(masked, s, e)
        and not _OPENING_ALSO_RX.match(masked, s, e)
        and (_reports(text, s, e) or _ANNOUNCED_RX.search(text, s, e) is not None)  # or 「…を発表した」
    )


def _body_goes_on(text: str, state: _State) -> bool:
    """A passage naming no actor is read for the body whose sentence ended the passage before only when its first
    sentence goes on with that body (`_opens_on_the_bodys_report`); else it is passed over as before."""
    if state.body_tail is None:
        return False
    masked = mask_quotes(text) if ("「" in text or "『" in text) else text
    first = next(iter(split_sentences(masked)), None)
    return first is not None and _opens_on_the_bodys_report(text, masked, *first)


# a passage that opens on a document as its topic (「声明は「…」とした」, 「書簡では…と指摘している」, 「文書には…」): the
# words of whoever issued it, a statement made in writing, not aloud
_DOCUMENT_TOPIC_RX = re.compile(
    r"\s*(?:(?:また|さらに|一方|ただ|なお)[、,]\s*)?(?:同|その|この|両)?"
    r"(?:共同)?(?:声明|談話|書簡|文書|メール|投稿|発表文|手紙|意見書|要望書|申し入れ書|抗議文|回答書)"
    r"(?:の中)?(?:は|では|には|で)(?![ぁ-ゖ])"
)


def _document_goes_on(text: str, state: _State) -> bool:
    """A passage naming no actor that opens on a document as its topic is read for the one who issued it, when
    the passages before named a speaker (a person carried on, a body: 「ダルトンは書簡を送った。」 then 「書簡は「…」と
    指摘している。」): the speaker rules give its words to the document's issuer as /quote does."""
    return (state.carry is not None or bool(state.orgs)) and _DOCUMENT_TOPIC_RX.match(text) is not None


def _reports(text: str, s: int, e: int) -> bool:
    """The sentence passes on what was said or done: a report (「…と述べた」, 「…としている」), a finding (「…と結論づけた」,
    「…と判断した」: a court's or a panel's, `_FINDING_RX`) or a stance act told without a speech verb (「…計画も決めた」:
    `stance_acts`)."""
    return (
        _REPORTING_RX.search(text, s, e) is not None
        or _STATED_END_RX.search(text, s, e) is not None
        or _FINDING_RX.search(text, s, e) is not None
        or reports_stance_act(text[s:e])
    )


# a finding told after と: what a court, a panel or a regulator concluded (「…は憲法に反しないと結論づけた」, 「…違反すると
# 判断した」, 「…と認定した」) is its position as 「…と述べた」 is a speaker's, and a sentence with no subject of its own
# that tells one goes on with the subject before (the ruling's body or its judge). Only in the carry (`_reports`):
# 「…と判断し」 inside a clause is no speech act of a subject's own
_FINDING_RX = re.compile(r"と(?:結論(?:づけ|付け)|判断し|認定し|断じ|断定し)")
_FINDING_END_RX = re.compile(
    r"と(?:結論(?:づけ|付け)|判断し|認定し|断じ|断定し)(?:た|ました|ている|ています)?[。．]?[\s」』]*$"
)
# a topic that may be someone's: a people, a side, a person (「住民は」, 「弁護側は」, 「山田氏は」)
_PERSON_TOPIC_RX = re.compile(r"(?:民|人|者|員|家|側|方|たち|ら|氏|さん|陣|派)(?:は|が)(?![ぁ-ゖ])")


def _thing_found(masked: str, s: int, e: int) -> bool:
    """The sentence [s, e) ends on a finding and its own は or が is the thing found, no one's: 「一方、条例の規定は
    憲法に違反すると判断した」 after the court's sentence is the court's finding, as a subjectless one is."""
    sentence = masked[s:e].rstrip()
    return _FINDING_END_RX.search(sentence) is not None and _PERSON_TOPIC_RX.search(sentence) is None


# a quote told as speech (「…」と述べ, 「…」とも強調し, 「…」と語り、): what follows up to the next subject is the
# speaker's too (「「何もない」と述べ、見直しに応じない姿勢を鮮明にした」)
_SPOKEN_TAIL_RX = re.compile(
    r"\s*と[、,]?\s*も?(?:述べ|語|話し|強調|主張|訴え|指摘|説明|答え|応じ|明かし|表明|反論|付け加え|力説|言明"
    r"|呼び掛け|呼びかけ|求め|批判|非難|警告|くぎを刺|釘を刺)"
)


def _spoken_quotes(
    scan: _Scan,
    s: int,
    e: int,
    clauses: list[_Clause],
    subjects: list[tuple[int, int, int, str]],
    actors: ActorIndex,
    state: _State,
) -> list[_Clause]:
    """What follows a spoken quote is its speaker's, the speaker the attribution /quote uses gives it: a が subject's
    clause that stops at the quote's verb (「記者に問われたトランプ氏が「何もない」と述べ、見直しに応じない姿勢を鮮明
    にした」) runs on to the next subject or the sentence's end when /quote gives the quote that same subject, and a
    spoken quote no clause holds and no subject comes before gets /quote's speaker for itself and what follows. A
    quote of a clause of another actor, or already read as a quote clause, stays as stance's own rules read it."""
    text = scan.text
    out = list(clauses)
    for q in _QUOTE_RX.finditer(text, s, e):
        if not _SPOKEN_TAIL_RX.match(text, q.end()):
            continue
        holders = [c for c in out if c.lo <= q.start() < c.hi or c.lo == q.start() + 1]
        if any(c.kind != "reported" for c in holders) or (not holders and any(x[1] < q.start() for x in subjects)):
            continue
        starts = [c.lo for c in out if c.lo > q.end()] + [x[1] for x in subjects if x[1] > q.end()]
        limit = min([*starts, e])
        if holders and all(c.hi >= limit for c in holders):
            continue  # held to its end already
        who = _quote_speaker(scan, q.start(), actors, state)
        if who is None or any(c.actor_id != who for c in holders):
            continue
        for c in holders:
            c.hi = limit
        if not holders:
            out.append(_Clause(who, q.start(), q.start(), limit, "reported"))
    return sorted(out, key=lambda c: c.lo)


def quoted_person(clauses: list[_Clause], actors: ActorIndex) -> int | None:
    """The one person whose quotes are all of a sentence's clauses (none when it has none, another kind, or two)."""
    who = {c.actor_id for c in clauses}
    if len(who) != 1 or any(c.kind != "quote" for c in clauses):
        return None
    (one,) = who
    entry = actors.actors.get(one)
    return one if entry is not None and entry.kind == "person" else None


# a clause part after a subject that only sets the time or the place (「25日、」, 「同日夜、」, 「記者会見で、」)
# (never a noun that ends a clause of its own: 「検察が控訴断念、…」)
_SETTING_ONLY_RX = re.compile(
    r"\s*(?:(?:(?:今月|先月|[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日|同日)(?:午前|午後|朝|夜|夕|未明)?"
    # (「14日の記者会見で、」: the day's occasion after its の)
    r"(?:の?[^ぁ-ゖ「」『』、。＿]{1,12}(?:で|には|では))?|[^ぁ-ゖ「」『』、。＿]{1,16}?(?:で|には|では))\s*[、,]"
)


# 「「…」と、KADOKAWAは…強調した」: a quote, then the subject the attribution gives it
_QUOTE_THEN_SUBJECT_RX = re.compile(r"[」』]\s*と[、,]?\s*")


def _quote_then_subject(text: str, clauses: list[_Clause]) -> list[_Clause]:
    """A quote whose speaker is the subject right after it (「「…」と、Xは…と強調した」) is one clause with that
    subject's: what X stressed is the quote, so the position read from the sentence is read from both."""
    out: list[_Clause] = []
    for cl in clauses:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "quote"
            and cl.kind == "reported"
            and prev.actor_id == cl.actor_id
            and _QUOTE_THEN_SUBJECT_RX.fullmatch(text, prev.hi, cl.lo)
        ):
            out[-1] = _Clause(cl.actor_id, prev.lo - 1, prev.lo - 1, cl.hi, "reported")
        else:
            out.append(cl)
    return out


# What the subject of a sentence before still says: 「…ないとも述べ」 (also said), 「…と問われると、」 (asked, the one
# asked answers), and a sentence opening 「そのうえで」 (on top of that: the same subject goes on).
_ALSO_QUOTED_RX = re.compile(r"[」』]\s*とも(?:述べ|語|話し|訴え|強調|指摘|説明|明かし|付け加え|主張|表明)")
_ALSO_SAID_RX = re.compile(r"とも(?:述べ|語|話し|強調|指摘|説明|明かし|付け加え|主張|語っ|表明)")
_ASKED_RX = re.compile(r"(?:問われ|聞かれ|尋ねられ|質問され)(?:ると|て|、)")
# what the speaker before is asked about: 「豊田会長が…と説明したことについて問われ、「…」と指摘」 (the が subject is
# the question's, the answer the speaker's)
_ASKED_ABOUT_RX = re.compile(r"(?:について|に関して|を|と)(?:問われ|聞かれ|尋ねられ|質問され)")
_ANNOUNCED_RX = re.compile(r"と(?:発表|公表|表明)|(?:発表|公表)(?:した|しました)[。]?$")
_GOES_ON_RX = re.compile(r"\s*(?:そのうえで|その上で)[、,]?")
# a subject of the sentence's own: は or が after a noun, a closing bracket or a nominalizing の (「…立ち入るのは異例だ」)
_VERBISH_RX = re.compile(r"[ぁ-ゖ]")
_OWN_SUBJECT_RX = re.compile(r"[一-龥々ァ-ヶーA-Za-z0-9０-９）)」』の](?:は|が)(?![ぁ-ゖ])")


def _own_subject(masked: str, s: int, e: int) -> bool:
    """Whether the sentence [s, e) has a subject of its own: a は, or a が whose clause is not a subordinate one (「安全性
    の確認が不十分と判断した場合には、…としている」: the が is the condition's, the sentence still the body's before)."""
    return any(
        m.group(0)[-1] == "は" or not _SUBORDINATE_SUBJECT_RX.match(masked, m.end(), e)
        for m in _OWN_SUBJECT_RX.finditer(masked, s, e)
    )


# a sentence that opens on the speaker's quote and goes on (「「問題は…だ」と語り、…が対応すべきだとの認識を示した」)
_SPOKEN_FIRST_RX = re.compile(
    r"\s*(?:「[^「」]*」|『[^『』]*』)\s*と(?:語|述べ|話|強調|指摘|説明|訴え|主張|明か|強調)[^、。「」]{0,3}[、,]"
)


def _inside_report(scan: _Scan, s: int, e: int, subjects: list[tuple[int, int, int, str]]) -> bool:
    """Whether a sentence's subjects are all が subjects inside what the speaker before says: after the speaker is
    asked (「影響を問われると、大谷選手が動揺している様子は見えないと説明」), after the speaker's own quote opening the
    sentence (「「…」と語り、委員会が対応すべきだとの認識を示した」), before an 「…とも述べ」 (also said), or each
    the subject of a subordinate clause (a condition, a clause that qualifies a noun) in a sentence that reports or
    ends on a stance act (`stance_acts`): 「ロシアが停戦に応じなければ「…」と警告した」, 「委員会が全容を解明した段階で
    「…」と述べ」, 「米国が提案しウクライナが受け入れた全面停戦には同意しなかった」."""
    if any(p != "が" for *_, p in subjects):
        return False
    spoken_first = _SPOKEN_FIRST_RX.match(scan.text, s, e)
    return bool(
        (spoken_first is not None and subjects[0][1] >= spoken_first.end())
        or _ASKED_RX.search(scan.masked, s, subjects[0][1])
        or _ALSO_SAID_RX.search(scan.masked, subjects[-1][2], e)
        or _ASKED_ABOUT_RX.search(scan.masked, subjects[-1][2], e)
        or (
            all(_SUBORDINATE_SUBJECT_RX.match(scan.masked, own, e) for _, _, own, _ in subjects)
            and (
                _REPORTING_RX.search(scan.masked, subjects[-1][2], e) is not None
                # or an act of the speaker's that takes a position, with no speech verb (「米国が提案しウクライナが
                # 受け入れた30日間の全面停戦には同意しなかった」: the agreeing, or not, is the speaker's before)
                or reports_stance_act(scan.text[subjects[-1][2] : e])
            )
        )
        or _cited_ground(scan, e, subjects)
        or _goes_on_inside(scan, s, e, subjects)
    )


def _goes_on_inside(scan: _Scan, s: int, e: int, subjects: list[tuple[int, int, int, str]]) -> bool:
    """Every subject is a が inside what the speaker before goes on to say (`ga_inside_going_on`: 「そのうえで、政府が
    被告を英雄のように扱っていると批判した」), and the sentence reports speech or a stance act after it: the
    sentence is the speaker's before, and the が subject no speaker of it."""
    return (
        bool(subjects)
        and all(p == "が" and ga_inside_going_on(scan.masked, s, own - 1) for *_, own, p in subjects)
        and (
            _REPORTING_RX.search(scan.masked, subjects[-1][2], e) is not None
            or speech_verb(scan.masked[subjects[-1][2] : e])
            or reports_stance_act(scan.text[subjects[-1][2] : e])
        )
    )


def _cited_ground(scan: _Scan, e: int, subjects: list[tuple[int, int, int, str]]) -> bool:
    """Every が subject is inside a clause cited as the ground of what the sentence reports (「ロシアや中国が…活発に
    しているとして、米国の関与を強める必要性を訴えた」: `CITED_GA_RE`), and the rest after it is a report or a stance act:
    the sentence is the speaker's before, whom /quote's attribution also carries past such a が."""
    cuts = [CITED_GA_RE.match(scan.masked, own, e) for _, _, own, _ in subjects]
    if not all(cuts):
        return False
    rest = max(c.end() for c in cuts if c is not None)
    return (
        _REPORTING_RX.search(scan.masked, rest, e) is not None
        or _STATED_END_RX.search(scan.text, rest, e) is not None
        or reports_stance_act(scan.text[rest:e])
    )


# A が subject's clause that ends before the sentence's own predicate, read up to the first comma or quote: a
# condition (…なければ, …なら, …たら), a time or circumstance (…した段階で, …する際), or a clause qualifying a noun
# (「中国が…挙げた治安については」, 「ウクライナが受け入れた30日間の停戦」); never 方針, 考え and the like, whose clause is
# the subject's own stance (「政府が…する方針だ」).
_SUBORDINATE_SUBJECT_RX = re.compile(
    r"[^、。「」＿]*?(?:(?:れ|け)ば|なら|たら|場合|段階|際|うちに|ため|ので|のに"
    r"|[たる](?!方針|考え|意向|構え|見通し|予定|姿勢|可能性|見込み|計画|意思|立場|認識)(?=[一-龥ァ-ヶ0-9０-９])"
    # a deed made a noun that the quote answers (「Xが欠席したことには「…」と批判」, 「…したことを受け」), or that the
    # report's verb takes as its object (「松本さんが参加していたことを認め、「…」とした」)
    r"|[たる](?:こと|の)(?:に(?:は|も|対し)?|を受け|を))"
)


def _reporting_topic(scan: _Scan, e: int, subjects: list[tuple[int, int, int, str]], actors: ActorIndex) -> int | None:
    """The start of a sentence's first subject when the later subjects are inside what it says: 「汪文斌副報道局長は
    25日の記者会見で、米国は「…」と批判した」, 「ゼレンスキー大統領は同日、ロシアが…やめるならウクライナも同じように
    対応すると表明した」 — news text puts the speaker first as the topic and what they speak of after it, with only
    adverbial phrases between (`speaks_of_later`: no predicate of the speaker's own) and a report (「…」と, と述べた,
    との声明) after the later subject. None when the sentence is not so made (「Xは…と述べ、Yは…と語った」: two speakers), or when a body is
    the topic and a person the later subject (「経団連は、十倉会長が「…」と述べた」: the body speaks through its head)."""
    if len(subjects) < 2 or subjects[0][3] not in ("は", "も"):
        return None
    first, own = subjects[0][1], max(x[2] for x in subjects if x[1] == subjects[0][1])
    # one subject phrase may name a body and its member (「中国外務省の毛寧報道官は」: the ministry from its start, the
    # spokesperson within it, both up to the same は): all of it is the first subject
    later = [x for x in subjects if x[1] >= own]
    if not later or any(x[1] < own and x[2] > own for x in subjects):
        return None
    person = any(actors.actors[x[0]].kind == "person" for x in subjects if x[1] < own)
    if not person and any(actors.actors[x[0]].kind == "person" for x in later):
        return None
    between = scan.masked[own : later[0][1]]
    if _REPORTING_RX.search(between) or not speaks_of_later(between):
        return None
    rest = scan.masked[later[-1][2] : e]
    if _REPORTING_RX.search(rest) or _STATEMENT_ISSUED_RX.search(rest):
        return first
    told = _QUOTATIVE_RX.search(rest)  # 「…対応すると交流サイトで表明した」: a plain clause's と, the verb further on
    return first if told is not None and speech_verb(rest[told.end() :]) else None


# 「…との声明を出した」「…とのコメントを発表した」: a statement issued, a report as 「…と述べた」 is
_STATEMENT_ISSUED_RX = re.compile(r"との(?:声明|談話|コメント|見解|文書)")
# a quotative と after a clause's predicate (する, ない, た, だ, です, ます): what was said ends there
_QUOTATIVE_RX = re.compile(r"(?:[るいたなだ]|です|ます)と(?![ぁ-ゖ])")


# a head or spokesperson's title after a person's name (a given name, a reading in brackets, an office between):
# 「李家超(ジョン・リー)行政長官は」, 「豊田会長が」, 「汪文斌副報道局長は」
_HEAD_TITLE_RX = re.compile(
    r"[一-龥々]{0,3}(?:[(（][^()（）「」]{1,16}[)）])?[一-龥]{0,4}?"
    r"(?:長官|首相|大統領|知事|市長|町長|村長|区長|社長|会長|頭取|総裁|理事長|委員長|組合長|主席|報道官|広報官|報道局長)"
    r"(?:は|が|も)"
)


def _head_after_body(
    scan: _Scan, s: int, e: int, clauses: list[_Clause], body: int | None, actors: ActorIndex
) -> int | None:
    """The person whose words fill the sentence right after a body's own (「香港政府は…と発表した。」), named with a
    head's or spokesperson's title (「李家超行政長官は「…」」): they speak for that body, as an officer named after it
    does (「<body>の<person>」). None when the sentence is not so made, or names another body of theirs (「北海鉄道の
    山川社長は」: the clauses are two actors')."""
    if body is None or not clauses or len({c.actor_id for c in clauses}) != 1:
        return None
    person = clauses[0].actor_id
    if actors.actors[person].kind != "person":
        return None
    for m in scan.mentions:
        if m.actor_id == person and s <= m.start < e and scan.masked[m.start] != "＿":
            return person if _HEAD_TITLE_RX.match(scan.masked, m.end, min(e, m.end + 30)) else None
    return None


def _tail_cues(scan: _Scan, s: int, e: int) -> list[_PosHit]:
    """The cues in the last part of the sentence [s, e)."""
    ts, te = scan.seg_span(scan.seg_of(max(s, e - 1)))
    return [c for c in scan.cues if ts <= c.start < te]


def _other_person_subject(scan: _Scan, actors: ActorIndex, speaker: int) -> bool:
    """Whether a person other than `speaker` is a 「…は」 subject outside quotes."""
    for m in scan.mentions:
        if m.actor_id == speaker or actors.actors[m.actor_id].kind != "person" or scan.masked[m.start] == "＿":
            continue
        tail = _SUBJECT_TAIL_RX.match(scan.masked, m.end, min(len(scan.text), m.end + 20))
        if tail and tail.group("p") == "は":
            return True
    return False


_ADDRESSED_RX = re.compile(r"(?:氏|さん)?(?:に(?!よ)|を|へ)")


def _last_person_named(scan: _Scan, s: int, e: int, actors: ActorIndex) -> int | None:
    """The last person a sentence names outside its quotes, not as the one addressed (「カーニー氏に祝意を伝えた」:
    who spoke goes on speaking; 「トランプ氏の発言」 and 「同氏によると」 still name the person)."""
    named = [
        m.actor_id
        for m in scan.mentions
        if s <= m.start < e
        and scan.masked[m.start] != "＿"
        and actors.actors[m.actor_id].kind == "person"
        and not _ADDRESSED_RX.match(scan.text, m.end)
    ]
    return named[-1] if named else None


# what the reporter passes on from the speaker before (「…現時点では考えていないということです」, 「…盛り込むという」)
_HEARSAY_END_RX = re.compile(r"(?:という|ということ(?:です|だ)|とのこと(?:です|だ)|といいます)[。．]?\s*$")
# …but not what others voiced (「出席者の一部からは異論も出たという」): no one's position the speaker passed on
_OTHERS_VOICE_RX = re.compile(r"からは|(?:声|異論|意見|批判|反発|不満|反対)(?:が|も)")


# the sentence ends on 「…とした」「…としている」: news text's most common way to pass on what the speaker says
# (「…場合は、今回の意見を見直すとしている」, 「…訴訟を起こすことも検討するとした」), as 「…と述べた」 is
_STATED_END_RX = re.compile(r"と(?:した|している|していた|しています|しました|していました)(?=[。」]|\s*$)")


def _continues(text: str, s: int, e: int, state: _State, after_question: bool = False) -> bool:
    """A subjectless sentence is the last subject's: a quote or 「…と述べた」 within the passage, a stance act
    told without a speech verb (「…の解放を訴えた」, 「停戦合意は歓迎した」: `stance_acts`), or what the reporter passes
    on from the speaker (「…考えていないということです」, 「…盛り込むという」), only 「…と述べた」 or such an
    act when that subject ended the previous passage, or an answer under a Q&A's question line."""
    if state.carry is None:
        return False
    reporting = _reports(text, s, e) or (
        _HEARSAY_END_RX.search(text, s, e) is not None and _OTHERS_VOICE_RX.search(text, s, e) is None
    )
    if s > 0:
        return reporting or text[s:e].lstrip().startswith(("「", "『"))
    whole_quote = text[s:e].strip().startswith(("「", "『")) and text[s:e].strip().rstrip("。").endswith(("」", "』"))
    return (state.carry_tail or after_question) and (reporting or whole_quote)


def _english_clauses(
    scan: _Scan, state: _State | None = None, actors: ActorIndex | None = None
) -> tuple[list[_Clause], list[list[_PosHit] | None]]:
    """English text, sentence by sentence (see `stance_en`): the sentence is its actor's."""
    if actors is None:
        return [], []
    last = state.last_person if state is not None else None
    context = state.item_context if state is not None else ""
    found, last = english_clauses(
        scan.text,
        scan.mentions,
        actors,
        last,
        context,
        state.bodies if state is not None else None,
        state.named_bodies if state is not None else None,
    )
    if state is not None:
        state.last_person = last
    clauses = [_Clause(c.actor_id, c.start, c.start, c.end, "reported", []) for c in found]
    return clauses, [None] * len(clauses)


def _subjects(scan: _Scan, s: int, e: int, actors: ActorIndex, state: _State) -> list[tuple[int, int, int, str]]:
    """(actor_id, clause start, own words start, particle) for the subjects of one sentence."""
    found: list[tuple[int, int, int, str]] = []
    joined: list[Mention] = []  # 「トランプ大統領とゼレンスキー大統領は」: both are the subject
    joined_end = -1
    for m in scan.mentions:
        if not (s <= m.start < e):  # the passage's other sentences' mentions (asked first: the test below is dearer)
            continue
        close = _bracketed_name(scan, m, actors)  # 「韓国の最大野党「共に民主党」が」: a name, not a quote
        named = close is not None
        if scan.masked[m.start] == "＿" and not named:
            continue
        if m.start != joined_end:
            joined = []
        tail = (
            (_SUBJECT_TAIL_RX.match(scan.masked, close + 1, min(e, close + 21)) if close is not None else None)
            # 「最大野党「共に民主党」の報道官は」, 学生団体「…」の代表者の1人は: the bracketed body's member
            or (_member_of(scan, m, e, actors, close + 1) if close is not None else None)
            or _SUBJECT_TAIL_RX.match(scan.masked, m.end, min(e, m.end + 20))
            or _given_title(scan, m, e, actors)
            or _member_of(scan, m, e, actors)
            or _full_name_tail(scan, m, e, actors)
        )
        if tail:
            start = joined[0].start if joined else m.start
            found.extend((j.actor_id, start, tail.end(), tail.group("p")) for j in joined if j.actor_id != m.actor_id)
            found.append((m.actor_id, start, tail.end(), tail.group("p")))
            body = _body_of(scan, m, actors)
            if body is not None:  # 「全国漁協連の佐伯専務理事は」: the officer speaks for the body too
                found.append((body, start, tail.end(), tail.group("p")))
            joined = []
            continue
        conj = _JOINED_RX.match(scan.masked, m.end, min(e, m.end + 20))
        joined, joined_end = ([*joined, m], conj.end()) if conj else ([], -1)
    if state.people or scan.mentions:  # 「林芳正官房長官は…」 then 「林氏は」: a surname the index cannot read alone
        for r in _SURNAME_SUBJECT_RX.finditer(scan.masked, s, e):
            if any(f[1] <= r.start() < f[2] for f in found) or any(m.start <= r.start() < m.end for m in scan.mentions):
                continue
            who = _named_before(r.group("run"), r.start(), scan, state, actors)
            if who is not None:
                found.append((who, r.start(), r.end(), r.group("p")))
    if state.last_person is not None:  # 同氏は, 同長官は, 彼は: the last person subject
        for r in _REF_SUBJECT_RX.finditer(scan.masked, s, e):
            found.append((state.last_person, r.start(), r.end() + 1, "は"))
            body = state.bodies.get(state.last_person)
            if body is not None:  # the officer of a body goes on speaking for it (経団連の筒井会長は… 同氏は…)
                found.append((body, r.start(), r.end() + 1, "は"))
    if state.orgs or state.named_bodies:  # 同社は, 同省は, 同党も: an organisation subject before
        for r in _REF_ORG_RX.finditer(scan.masked, s, e):
            # the latest organisation subject whose kind the anaphor names (同社 after 北陸電力, past 規制委員会); 両社,
            # 両党: the latest two, both the subject (「日本製鉄とUSスチールは…。両社は共同声明で…」)
            # (never a state: 「政府が…と発表した。同社は」 is the company before, not Japan)
            fits = [
                o
                for o in reversed(state.orgs)
                if _head_fits(r.group(0)[1:], actors.actors[o].name) and actors.actors[o].kind != "state"
            ]
            if not fits and r.group(0).startswith("同"):
                # no subject of that kind: the latest body of it the item named, whatever its part in the sentence
                # (「経済産業省はダイハツ工業に報告を求めた。同社は」: the company the ministry asked)
                fits = [
                    o
                    for o in reversed(state.named_bodies)
                    if _head_fits(r.group(0)[1:], actors.actors[o].name)
                    and actors.actors[o].kind not in ("state", "country", "person")
                ][:1]
            if r.group(0).startswith("両") and len(fits) < 2:
                # the two the subject rules do not hold (「フジテレビと親会社のフジ・メディアHDに…。両社は」: no subject
                # before, or only one of them): the pair the attribution /quote uses names (its joint speaker)
                fits = _joint_speakers(scan, r, actors, state) or fits
            for fit in fits[: 2 if r.group(0).startswith("両") else 1]:
                found.append((fit, r.start(), r.end() + len(r.group("p")), "は"))
    if state.orgs or state.named_bodies or "政府" in scan.masked[s:e]:  # 「県は」「県の担当者は」: the prefecture
        for r in _REF_LOCAL_RX.finditer(scan.masked, s, e):  # (city, town …) the item named, 「政府は」: `_government`
            head = r.group("head")
            fit = _government(state, actors) if head == "政府" else _local_body(head, state, actors)
            if fit is not None and not any(f[1] <= r.start() < f[2] for f in found):
                found.append((fit, r.start(), r.end(), r.group("p")))
    if state.orgs or state.named_bodies:  # 「国軍は」 after 「スーダン国軍」: a body by a part of its name
        for r in _BODY_PART_SUBJECT_RX.finditer(scan.masked, s, e):
            if any(f[1] <= r.start() < f[2] for f in found) or any(
                m.start < r.end("head") and r.start() < m.end for m in scan.mentions
            ):
                continue
            fit = _body_by_part(r.group("head"), state, actors)
            if fit is not None:
                found.append((fit, r.start(), r.end(), r.group("p")))
    bare_titles = (
        (*_BARE_TITLE_RX.finditer(scan.masked, s, e), *_CONNECTIVE_TITLE_RX.finditer(scan.masked, s, e))
        if _TITLE_WA_RX.search(scan.masked, s, e)
        else ()
    )
    for r in (*bare_titles, *_OPENING_TITLE_RX.finditer(scan.masked, s, min(e, s + 12))):
        # 「ロシアの大統領報道官は」, 「知事は」: the one named so nearby
        if any(f[1] <= r.start() < f[2] for f in found):
            continue
        who = _titled_person(r.group("title"), state, actors)
        if who is not None:
            found.append((who, r.start(), r.end() + 1, "は"))
    found.sort(key=lambda f: (f[1], f[2]))
    topic_marked = [f for f in found if f[3] != "が"]
    return topic_marked or found


# the rest of a body's full name in katakana after the name it is known by (エリオット・インベストメント・マネジメント)
_KATAKANA_RUN_RX = re.compile(r"(?:・[ァ-ヶー]{2,}){1,4}")


def _full_name_tail(scan: _Scan, m: Mention, e: int, actors: ActorIndex) -> re.Match[str] | None:
    """The subject's particle after a body's full name the index knows by its first words (「エリオット・インベストメント・
    マネジメントは」 of エリオット); never a person's (「トランプ・ジュニア氏は」 is someone else)."""
    if actors.actors[m.actor_id].kind == "person":
        return None
    run = _KATAKANA_RUN_RX.match(scan.masked, m.end, e)
    return _SUBJECT_TAIL_RX.match(scan.masked, run.end(), min(e, run.end() + 20)) if run else None


def _bracketed_name(scan: _Scan, m: Mention, actors: ActorIndex) -> int | None:
    """A body's name filling the brackets after the noun of its kind (「最大野党「共に民主党」」, 「与党「国民の力」」,
    with its short name in Latin letters too: 「インド航空操縦士協会(ALPA)」), after a possessive or a clause that
    qualifies it (「民主派の「国民統一政府（NUG）」」, 「国内の交換業者でつくる「日本暗号資産取引業協会」」,
    「第2党だった「タイの誇り党」」), or known by the short name in its brackets alone (「国民統一政府（NUG）」 with NUG
    stored): the name of the subject, which the quotes' mask hides. Where its closing bracket is, else None."""
    text = scan.text
    if actors.actors[m.actor_id].kind == "person":
        return None
    short = _SHORT_NAME_RX.match(text, m.end)
    close = short.end() if short else m.end
    opening = m.start - 1
    if text[opening : opening + 1] in ("(", "（") and text[m.end : m.end + 1] in (")", "）"):
        # the short name in brackets after a full name the index does not hold: 「国民統一政府（NUG）」
        full = _FULL_BEFORE_SHORT_RX.search(text, max(0, opening - 24), opening)
        if full is None:
            return None
        opening, close = full.start(), m.end + 1
    if opening < 1 or text[opening] not in "「『" or text[close : close + 1] not in ("」", "』"):
        return None
    before = text[opening - 1]
    if "一" <= before <= "龥" or "ァ" <= before <= "ヶ":
        return close
    # after a possessive or a qualifying clause's verb, never inside a quote (the mask keeps a quote's inner brackets
    # but hides what is before them)
    return close if before in _BEFORE_BRACKETED_NAME and scan.masked[opening - 1] != "＿" else None


_BEFORE_BRACKETED_NAME = "のるた"
# a full name filling the brackets up to the short name in its own brackets (「国民統一政府（NUG）」)
_FULL_BEFORE_SHORT_RX = re.compile(r"[「『][一-龥々ァ-ヶー・]{2,20}$")
_SHORT_NAME_RX = re.compile(r"[(（][A-Za-z]{2,8}[)）]")


# a surname (one to three kanji) with 氏 or a title as a subject: 「林氏は」「武藤経産相は」
_SURNAME_SUBJECT_RX = guarded(
    rf"(?<![一-龥々ァ-ヶー])(?P<run>[一-龥々]{{1,3}}?)(?:氏|{_TITLE_ALT})(?P<p>は|が|も)(?![ぁ-ゖ])"
)


def _named_before(run: str, at: int, scan: _Scan, state: _State, actors: ActorIndex) -> int | None:
    """The person the item named before `at` by a full name `run` begins (林 → 林芳正), latest first."""
    here = [m.actor_id for m in scan.mentions if m.end <= at]
    for pid in reversed([*state.people, *here]):
        entry = actors.actors.get(pid)
        if (
            entry is not None
            and entry.kind == "person"
            and any(n.startswith(run) and len(n) > len(run) for n in (entry.name, *entry.aliases))
        ):
            return pid
    return None


def _officers(scan: _Scan, s: int, e: int, actors: ActorIndex) -> list[tuple[int, int]]:
    """(person, body) for each 「<body>の<person>」 in the sentence [s, e) outside quotes."""
    out = []
    for m in scan.mentions:
        if s <= m.start < e and scan.masked[m.start] != "＿":
            body = _body_of(scan, m, actors)
            if body is not None:
                out.append((m.actor_id, body))
    return out


def _joint_speakers(scan: _Scan, ref: re.Match[str], actors: ActorIndex, state: _State) -> list[int]:
    """The bodies of the joint speaker /quote's attribution gives the words after a 「両社は」 subject (「日本製鉄・USス
    チール」, the two organisations joined by と in the sentences before): each registry body its name holds; none
    when it names a single actor, a person, a state or a body the anaphor's head does not fit (両社: no ministry)."""
    at = ref.end() + len(ref.group("p"))
    name = attribute(scan.text, at, at + 1, actors, mentions=scan.mentions, context=state.item_probe)
    if not name or "・" not in name or actors.resolve(name) is not None:
        return []
    inside = [actors.actors[m.actor_id] for m in actors.mentions(name)]
    if any(a.kind in ("person", "state", "country") or not _head_fits(ref.group(0)[1:], a.name) for a in inside):
        return []
    return list(dict.fromkeys(a.id for a in inside))


def _head_fits(ref: str, name: str) -> bool:
    """Whether an anaphor's head (社, 省, 党 … of 同社, 同省, 同党) can refer to the body so named."""
    head = next((h for h in ("社", *BODY_KIND_HEADS) if ref.startswith(h)), None)
    if head is None or name.endswith(head):
        return True
    if head == "社":  # a company's name seldom says 社 (トヨタ自動車, Nippon Steel): any body not of another kind
        return not name.endswith(BODY_KIND_HEADS)
    return False


def _body_of(scan: _Scan, m: Mention, actors: ActorIndex) -> int | None:
    """The body (not a state) whose officer a person subject is, named right before it: 「<body>の<person>」."""
    if actors.actors[m.actor_id].kind != "person" or m.start < 2 or scan.masked[m.start - 1] != "の":
        return None
    for o in scan.mentions:
        # the body's name as the index holds it, or with the rest of its full name (「トヨタ自動車の豊田章男会長」)
        if (
            o.end <= m.start - 1
            and _NAME_REST_RX.fullmatch(scan.masked, o.end, m.start - 1)
            and actors.actors[o.actor_id].kind not in ("person", "state", "country")
        ):
            return o.actor_id
    # a party named without its 党, as news text shortens it (「公明の岡本三成政調会長」 of 公明党)
    short = _SHORT_PARTY_RX.search(scan.masked, max(0, m.start - 8), m.start - 1)
    party = actors.resolve(short.group(0) + "党") if short is not None else None
    return party.id if party is not None and party.kind not in ("person", "state", "country") else None


_NAME_REST_RX = re.compile(r"[一-龥ァ-ヶー]{0,5}")
_SHORT_PARTY_RX = re.compile(r"(?<![一-龥ァ-ヶー])[一-龥ァ-ヶー]{2,6}$")


def _given_title(scan: _Scan, m: Mention, e: int, actors: ActorIndex) -> re.Match[str] | None:
    """A person's surname mention followed by a given name or an office and a title (坂本哲志農相は), the name's
    reading or its other script in brackets between (「チェ・サンモク（崔相穆）大統領代行は」, 「金二培（キム・イベ）社長は」),
    or a former post after a 「・」 (「塩谷立・元文部科学相は」)."""
    if actors.actors[m.actor_id].kind != "person":
        return None
    reading = _READING_RX.match(scan.masked, m.end, e)
    at = reading.end() if reading else m.end
    # 「塩谷立・元文部科学相は」: a former post; 「李成鋼・商務次官も」: the office after a dot
    if scan.masked.startswith("・", at) and "一" <= scan.masked[at + 1 : at + 2] <= "龥":
        at += 1
    # 「河野太郎デジタル相は」「平将明デジタル相が」: a minister whose portfolio is written in katakana
    rx = _KATAKANA_PORTFOLIO_RX.match(scan.masked, at, min(e, at + 16))
    if rx is not None:
        return _SUBJECT_TAIL_RX.match(scan.masked, rx.end() - 1, rx.end())
    if not ("一" <= scan.masked[at : at + 1] <= "龥"):
        return None
    rx = _GIVEN_TITLE_RX.match(scan.masked, at, min(e, at + 16))
    if rx is None:
        return None
    # no other name in the title (「米国務長官」 is no title of one person), but a party in brackets after it is the
    # person's (「デサンティス知事(共和党)は」, 「ジョンソン下院議長（共和党）は」)
    bracket = re.search(r"[(（]", rx.group(0))
    titled_end = at + bracket.start() if bracket else rx.end()
    if any(o.start < titled_end and at < o.end for o in scan.mentions if o is not m):
        return None
    return _SUBJECT_TAIL_RX.match(scan.masked, rx.end() - (1 if rx.group(0)[-1] in "はがも" else 0), rx.end())


# A person's agent as the subject (「松本さんの代理人弁護士は」, 「山岸氏の弁護団は」, 「山岸氏側は」): the person's words,
# as a body's through its member; a lawyer named (「代理人の田中一郎弁護士は」) is a person of their own, read before
_AGENT_OF_PERSON_RX = re.compile(
    r"(?:さん|氏|被告|容疑者|元被告|"
    + "|".join(sorted(map(re.escape, _TITLE_WORDS), key=len, reverse=True))
    # 「ネタニヤフ首相の事務所は」「トランプ氏の陣営は」: the office or the campaign that speaks for the person
    + r")?(?:の(?:代理人(?:弁護士|弁護団)?|弁護団|弁護人|事務所|陣営)|側)(?P<p>は(?!じめ)|が|も)"
)


def _member_of(scan: _Scan, m: Mention, e: int, actors: ActorIndex, at: int | None = None) -> re.Match[str] | None:
    """A body's unnamed member as the subject (気象庁の担当者は, 東京電力の広報担当者が): the body speaks. A state's
    spokesperson (「ロシアのペスコフ報道官は」) is its government's, not every word the state's, as its ministers are not.
    `at`: where the name's tail starts (after the closing bracket of a bracketed name), else at its end."""
    kind = actors.actors[m.actor_id].kind
    at = m.end if at is None else at
    if kind == "person":
        return _AGENT_OF_PERSON_RX.match(scan.masked, at, min(e, at + 20))
    found = _MEMBER_TAIL_RX.match(scan.masked, at, min(e, at + 20))
    return found if found is not None and _member_speaks(kind, found.group(0)) else None


def _member_speaks(kind: str, member: str) -> bool:
    """Whether a body's member (「の担当者は」, 「の汪文斌副報道局長は」) speaks for a body of this kind: a state's
    spokesperson does not (「ロシアの大統領報道官は」: its government's, not every word the state's)."""
    if kind in ("state", "country") and _OFFICER_RX.match(member) and _MEMBER_RX.search(member) is None:
        return (
            False  # 「日本の岸田文雄首相は」: a state's minister speaks for its government, not every word the state's
        )
    return kind not in ("state", "country") or _SPOKESPERSON_RX.search(member) is None


_MEMBER_RX = re.compile(_MEMBERS)


_SPOKESPERSON_RX = re.compile(r"(?:報道官|報道局長)(?:ら)?(?:は|が|も)?$")


def _titled_person(title: str, state: _State, actors: ActorIndex) -> int | None:
    """The person the item names with this title (「ペスコフ大統領報道官」 for 「大統領報道官」, else for 「報道官」)."""
    context = state.item_context
    if state.context_mentions is None:
        state.context_mentions = actors.mentions(context)
    people = [m for m in state.context_mentions if actors.actors[m.actor_id].kind == "person"]
    for t in (title, *(t for t in TITLES if title.endswith(t) and t != title)):
        for m in people:
            k = m.end
            while k < len(context) and context[k] in _COUNTRY_ABBR:
                k += 1
            if any(context.startswith(t, k + g) for g in _given_name_lengths(context, k)):
                return m.actor_id
    # named so earlier in the item, further back than its context's window (「サンチェス首相は…」 in the lead, 「首相は同時に、
    # …とも述べた」 five paragraphs on)
    titles = (title, *(t for t in TITLES if title.endswith(t)))
    return next((state.titled[t] for t in titles if t in state.titled), None)


# every title a person may be named with, longest first (氏 is no office: 「林氏」 could be anyone's)
_ANY_TITLE_RX = re.compile("|".join(longest_first({re.escape(t) for t in (*TITLES, *_TITLE_WORDS) if len(t) >= 2})))


def _learn_titles(scan: _Scan, actors: ActorIndex, state: _State) -> None:
    """The titles the passage names its people with (「サンチェス首相」, 「バス市長」), kept for the item
    (`_State.titled`): the latest person named with a title is the one a bare title later stands for."""
    text = scan.text
    for m in scan.mentions:
        if actors.actors[m.actor_id].kind != "person":
            continue
        k = m.end
        while k < len(text) and text[k] in _COUNTRY_ABBR:
            k += 1
        # right after the name only: 「マソン州首相」 is no 首相 (a given name between, 「馳浩知事」, is the registry's
        # full name, so its mention ends before the title)
        t = _ANY_TITLE_RX.match(text, k)
        if t is not None:
            state.titled.pop(t.group(0), None)
            state.titled[t.group(0)] = m.actor_id


def _given_name_lengths(text: str, k: int) -> range:
    """0 and the lengths of a given name of up to 3 kanji at k (馳「浩」知事, 岸田「文雄」首相)."""
    n = 0
    while n < 3 and k + n < len(text) and ("一" <= text[k + n] <= "龥" or text[k + n] == "々"):
        n += 1
    return range(n + 1)


def _quote_speaker(scan: _Scan, q_start: int, actors: ActorIndex, state: _State) -> int | None:
    """The registry actor the speaker rules give a quote (possessive, trailing speaker, subject …), if any."""
    name = attribute(scan.text, q_start + 1, q_start + 2, actors, mentions=scan.mentions, context=state.item_probe)
    if not name:
        return None
    entry = actors.resolve(name)
    if entry is None:  # 「野党の衆院議員」, 「JP労組の関係者」: an unnamed member speaks for the body the phrase names
        bodies = [m for m in actors.mentions(name) if actors.actors[m.actor_id].kind != "person"]
        if (
            len(bodies) == 1
            and _MEMBER_END_RX.fullmatch(name, bodies[0].end)
            and _member_speaks(actors.actors[bodies[0].actor_id].kind, name[bodies[0].end :])
        ):
            return bodies[0].actor_id
    return entry.id if entry is not None else None


_MEMBER_END_RX = re.compile(_MEMBER_OF)


# a source named for what the sentence passes on: its words are the source's, named or not
_SOURCED_RX = re.compile(r"によ(?:ると|れば|りますと)|の話では|関係者|筋は")


def _spoken_sentence_speaker(scan: _Scan, s: int, e: int, actors: ActorIndex, state: _State) -> int | None:
    """The registry actor /quote's attribution (the one module for both) gives a Japanese sentence [s, e) that reports
    speech (`_REPORTING_RX`: と述べた, よう求めた, 考えを示した) or a stance act (`stance_acts`), names no source of its
    own, and that the subject and carry rules gave no one: the subject carried across a paragraph
    or past a quote (「…との考えを示した」 after 「三浦隆志裁判長は…」, 「ただ同氏は…「…」と批判してきた経緯があり」),
    the speaker of a statement issued (「…と主張し、「…」との声明を出した」). None for a sentence that tells neither
    (an event, a description) or whose speaker the registry does not hold."""
    sentence = scan.text[s:e]
    told = _REPORTING_RX.search(scan.masked, s, e) is not None or reports_stance_act(sentence)
    if not told or _SOURCED_RX.search(scan.masked, s, e):  # 「タイ当局によりますと、…ということです」: the source's
        return None
    at = s + len(sentence) - len(sentence.lstrip())
    return _quote_speaker(scan, at - 1, actors, state) if at < e else None


def _exclude_foreign_quotes(scan: _Scan, cl: _Clause, actors: ActorIndex, state: _State) -> None:
    """Quotes inside a clause that the speaker rules give to someone else are not the clause actor's words."""
    if "「" not in scan.text[cl.scan : cl.hi] or (cl.lo > 0 and scan.text[cl.lo - 1] == "「"):
        return
    for q in _QUOTE_RX.finditer(scan.text, cl.scan, cl.hi):
        after = scan.masked[q.end() : q.end() + 30]
        before = scan.masked[max(cl.scan, q.start() - 24) : q.start()]
        if not (re.match(r"^\s*と[、,]", after) or _POSSESSIVE_END_RX.search(before)):
            continue
        name = attribute(
            scan.text, q.start() + 1, q.start() + 2, actors, mentions=scan.mentions, context=state.item_probe
        )
        entry = actors.resolve(name) if name else None
        if name and (entry is None or entry.id != cl.actor_id):
            cl.excluded.append((q.start(), q.end()))


def _label_actor(scan: _Scan, actors: ActorIndex) -> tuple[int, int] | None:
    """(actor, where the words start) for 「X：…」 when the label is only a name with title and country, and
    for a line that opens with a name and goes straight into a quote (「江藤大臣「…」」, a headline's way)."""
    first = scan.mentions[0] if scan.mentions else None
    if first is not None and first.start <= 2 and not scan.text[: first.start].strip("　 ・■◆●▼【"):
        opening = _NAME_QUOTE_RX.match(scan.text, first.end)
        if opening:
            return first.actor_id, opening.end() - 1
    m = LABEL_RE.match(scan.text)
    if not m or m.end(1) > 40:
        return None
    inside = [x for x in scan.mentions if x.end <= m.end(1)]
    if not inside:
        return None
    rest = scan.text[m.start(1) : m.end(1)]
    for x in sorted(inside, key=lambda x: -x.start):
        rest = rest[: x.start - m.start(1)] + rest[x.end - m.start(1) :]
    rest = re.sub(_TITLE_ALT, "", rest)
    rest = re.sub(r"[\s・･米露英仏独中宇日]", "", rest)
    if len(rest) > 2:
        return None
    people = [x for x in inside if actors.actors[x.actor_id].kind == "person"]
    return (people or inside)[-1].actor_id, m.end()


_NAME_QUOTE_RX = re.compile(rf"(?:{_TITLE_ALT}|氏|さん)?\s*「")


def _default_actor(p: ParsedPassage, actors: ActorIndex) -> int | None:
    return _named_actor(p.default_speaker, actors) if p.default_speaker else None


def _named_actor(phrase: str, actors: ActorIndex) -> int | None:
    """The actor a speaker phrase names: 「ラブロフ外相」, 「カラス外交代表」 (a person in it first)."""
    entry = actors.resolve(phrase)
    if entry is not None:
        return entry.id
    inside = actors.mentions(phrase)
    people = [m for m in inside if actors.actors[m.actor_id].kind == "person"]
    return (people or inside)[-1].actor_id if (people or inside) else None


# --- statement text ----------------------------------------------------------------------------------------------

_BREAK_AFTER = "、。！？!?」』）)，,"


def _snippet(text: str, lo: int, hi: int, focus: int, limit: int = MAX_TEXT) -> str:
    """The clause text, cut to at most `limit` characters around `focus` at punctuation (never mid-word)."""
    lo, hi = max(0, lo), min(len(text), hi)
    while lo < hi and text[lo] in " \u3000、，,":
        lo += 1
    piece = text[lo:hi].strip()
    if len(piece) <= limit:
        return piece
    focus = min(max(focus, lo), hi - 1)
    breaks = [k + 1 for k in range(lo, hi) if text[k] in _BREAK_AFTER]
    start = max([b for b in breaks if b <= focus] or [lo])
    end = min([b for b in breaks if b > focus] or [hi])
    if end - start > limit:  # one long part: cut at script changes around the focus
        start = _script_cut(text, max(start, focus - limit // 2), forward=True)
        end = _script_cut(text, min(end, start + limit), forward=False)
        return text[start:end].strip()
    for b in breaks:  # grow to the right first (the predicate), then to the left
        if end < b <= start + limit:
            end = b
    for b in reversed(breaks):
        if b < start and end - b <= limit:
            start = b
    if end - lo <= limit:
        start = lo
    return text[start:end].strip()


def _script(ch: str) -> str:
    if "\u3040" <= ch <= "\u309f":
        return "h"
    if "\u30a0" <= ch <= "\u30ff":
        return "k"
    if "\u4e00" <= ch <= "\u9fff":
        return "c"
    return "a" if ch.isalnum() else "p"


def _script_cut(text: str, pos: int, forward: bool) -> int:
    """Nearest position to pos where the script changes (kana after kanji …), so a word is not split."""
    pos = max(0, min(pos, len(text)))
    step = 1 if forward else -1
    k = pos
    for _ in range(12):
        if 0 < k < len(text) and _script(text[k - 1]) != _script(text[k]):
            return k
        k += step
    return pos


# --- claims: every actor clause, whatever it is about (for targets named in free text) -------------------------


@dataclass(slots=True)
class Claim:
    """One actor clause of a passage, topic or not: what `/stance --about` reads a target's position in.

    `lo`/`scan`/`hi` index the passage text (or, for a headline attribution, `body`); `before` is what the
    reader had just read (the item heading, the previous passages of the item, the sentences before)."""

    passage: int
    actor_id: int
    lo: int
    scan: int
    hi: int
    kind: str
    excluded: tuple[tuple[int, int], ...]
    before: str
    body: str | None = None  # a headline's text without its 「＝speaker」 and date stamp

    def text_of(self, passage_text: str) -> str:
        return self.body if self.body is not None else passage_text


CONTEXT_CHARS = 200  # how much already-read text a claim carries as its context (besides the item heading)


def extract_claims(
    passages: list[ParsedPassage], actors: ActorIndex, readings: ClauseReadings | None = None
) -> list[Claim]:
    """Every actor clause in a document's passages, attributed by the same rules as statements. `readings`: the
    clause readings `extract_statements` kept for the same passages and actors, taken where the state agrees."""
    claims: list[Claim] = []
    state = _State()
    contexts = item_contexts(passages)
    read = ""  # the item's text so far
    for i, p in enumerate(passages):
        if p.heading != state.heading:
            state.enter(p.heading)
            read = ""
        state.read_item(contexts[i])
        claims.extend(_passage_claims(i, p, actors, state, read[-CONTEXT_CHARS:], p.heading or "", readings))
        read = (read + "\n" + p.text)[-CONTEXT_CHARS * 2 :]
    return claims


def _passage_claims(
    i: int,
    p: ParsedPassage,
    actors: ActorIndex,
    state: _State,
    read: str,
    heading: str,
    readings: ClauseReadings | None = None,
) -> list[Claim]:
    if p.kind == "caption":
        return []
    intro, state.intro = state.intro, None
    if p.kind == "heading":
        head = _HEADING_STAMP_RX.sub("", p.text).strip()
        m = _HEADING_SPEAKER_RX.search(head)
        speaker = _named_actor(m.group(1), actors) if m else None
        if m is None or speaker is None:
            return []
        body = head[: m.start()].strip()
        return [Claim(i, speaker, 0, 0, len(body), "reported", (), heading + "\n" + read, body)]
    text = p.text
    mentions = actors.mentions(text)
    if not mentions and not (
        intro
        or state.carry
        or p.default_speaker
        or _org_referred(text, state)
        or _pronoun_goes_on(text, state)
        or _english_speech_goes_on(text, state)
        or _TITLE_WA_RX.search(text)  # 「首相は」: the person the item names with that title
        or _OPENING_TITLE_RX.search(text)
        or _body_goes_on(text, state)
        or _document_goes_on(text, state)
    ):
        state.carry_tail, state.body_tail = False, None
        return []
    clauses = readings.take(ClauseReadings.key(i, state, intro, True), state) if readings is not None else None
    if clauses is None:
        probe = _probe(text)
        masked = mask_quotes(probe) if ("「" in probe or "『" in probe) else probe
        scan = _Scan(probe, masked, mentions, [])
        clauses, _ = _clauses(scan, p, actors, state, intro, True)
    out = []
    for cl in clauses:
        before = heading + "\n" + (read + "\n" + text[: cl.lo])[-CONTEXT_CHARS:]
        out.append(Claim(i, cl.actor_id, cl.lo, cl.scan, cl.hi, cl.kind, tuple(cl.excluded), before))
    return out


# an English noun phrase's start before a word: the word names a thing ("a mistake", "this grave error")
_NAMED_THING_RX = re.compile(
    r"(?<![A-Za-z])(?:a|an|the|this|that|these|those|such|any|its|their|his|her|our|my|your)\s+(?:[A-Za-z-]+\s+)?$",
    re.IGNORECASE,
)


def position_toward(
    text: str, claim: Claim, hits: list[tuple[int, int]], actors: ActorIndex, **options: Any
) -> tuple[str, int]:
    """(position, where it was read) of a claim toward a target found at `hits` (spans in the claim's text).

    With the target named in the clause: the position of the clause part that names it (as for a topic).
    Named only in the context (「これを拒否」, a reply to a question about it): the clause's main predicate,
    its last part with a stance cue. `target_words`: the spans of the target's other words the clause names
    ("a mistake" of "letting a mistake like CrowdStrike's happen again", read at its head `happen`).

    A Japanese halt named as the target (辞任, 廃止, 縮小) is read toward what it halts, its own act composed into the
    reading (「辞任を否定」: 否定 of 辞任, for staying on); the caller turns that back toward the halt. A reading that
    did not compose it (「辞任要求については…と述べ、明確に否定した」, 「縮小について…見直しを迫った」: the act is no cue
    in a part the predicate is not in) is toward the halt itself, and is said the same way (`_toward_halted`)."""
    position, at, _ = position_read(text, claim, hits, actors, **options)  # `options`: `position_read`'s
    return position, at


# why `position_read` gave its position (the learned model reads it, `position_model.features`): the written rule
# that decided, or that none did and the default was taken
REASONS = (
    "declined",  # the main predicate declines to judge (注視していく, 評価は控えた, declined to comment): neutral
    "at-target",  # a cue where the target is named decided
    "at-target-term",  # so, then turned conditional by a term set beside it (まずは…が先決, 〜としつつも…必要)
    "main",  # the clause's main predicate decided (the target named only in its context, or no cue at it)
    "condition",  # a condition governs the cue read (〜なければ, unless): conditional
    "polarity",  # no stance word: the polarity lexicon's reading of the target's predicate or sentence
    "answer",  # a bare yes or no to the question put just before (「当然だ」, "she said no"): the question's reading
    "none",  # nothing decided: the default, neutral
)


def position_read(
    text: str,
    claim: Claim,
    hits: list[tuple[int, int]],
    actors: ActorIndex,
    *,
    acted: bool = True,
    cues_in_target: bool = True,
    target_words: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> tuple[str, int, str]:
    """`position_toward`'s (position, where it was read) and why: one of `REASONS`, `+turned` after it when a halt
    named as the target turned the reading back toward the halt. The answers are `position_toward`'s exactly."""
    probe = _probe(text) if hits and cues_in_target else ""
    halts = [(s, e) for s, e in hits if not probe[s : s + 1].isascii() and probe[s:e] in _HALTS] if probe else []
    if not halts:  # no halt named as the target: nothing to compose (most readings)
        return _position_toward(
            text, claim, hits, actors, acted=acted, cues_in_target=cues_in_target, target_words=target_words
        )
    token = _COMBINED.set([])
    try:
        position, at, why = _position_toward(
            text, claim, hits, actors, acted=acted, cues_in_target=cues_in_target, target_words=target_words
        )
        read = _COMBINED.get() or []
    finally:
        _COMBINED.reset(token)
    if position in _TURNED and not _halt_composed(probe, halts, read):
        position, why = _TURNED[position], why + "+turned"
    return position, at, why


_TURNED = {"support": "oppose", "oppose": "support"}


def composes_halt(word: str) -> bool:
    """A target word said as `word` is read toward what it halts (撤回, 延期, 廃止, "dissolved": a halt's cue, composed
    by `_position_toward`'s own act), its caller turning that back; any other word (遅らせる) is read toward itself."""
    probe = _probe(word)
    return any(c.kind == _ACT and probe[c.start : c.end].lower() in _HALTS for c in _pos_hits(probe))


# a criticism that reports a quote (「…」と批判した, 「…」とスナク氏を非難した, 「…」と強く反発した): the quote says what is
# criticized, the verb says the speaker is against what the quote is said of
_CRITICISM_FRAME_RX = re.compile(
    r"(?P<quote>「[^「」]*(?:「[^「」]*」[^「」]*)*」|『[^『』]*』)\s*と(?:も)?[、,]?"
    r"(?:[^「」『』。、，,！？!?]{0,16}?(?:を|に対し(?:て)?|について))?\s*"
    r"(?:強く|厳しく|激しく|改めて|重ねて|痛烈に)?"
    r"(?P<verb>批判|非難|反論|反発|抗議|糾弾|皮肉|揶揄|やゆ|嘲笑|冷笑|苦言|憤っ|注文を(?:つけ|付け)|(?:くぎ|釘|クギ)を刺|けん制|牽制)"
)


_REPORTED_QUOTE_RX = re.compile(r"「[^「」]*(?:「[^「」]*」[^「」]*)*」(?=\s*(?:と|とも|などと)(?!いう|いった|の))")


def _quote_read_alone(scan: _Scan, hits: list[tuple[int, int]]) -> list[_PosHit]:
    """A target named inside a quote the speaker is reported to have said (「…」と…) is read by the quote's words
    when its last part says something of its own: the words after the quote in that part are the report's
    (「「私がこのまま職にとどまるのは適切ではないと判断した」と辞任の理由を説明した」: 辞任 names what the report is
    about, no act done to the target). A quote with no cue there keeps the report's verb (「「大きな一歩だ」と歓迎した」)."""
    cues = scan.cues
    drop: set[int] = set()
    for q in _REPORTED_QUOTE_RX.finditer(scan.text):
        qs, qe = q.start(), q.end()
        if not any(qs < s < qe for s, _ in hits):
            continue
        last = scan.seg_of(qe - 1)
        if not any(qs < c.start < qe and scan.seg_of(c.start) == last for c in cues):
            continue
        end = scan.seg_span(last)[1]
        drop |= {c.start for c in cues if qe <= c.start < end}
    return [c for c in cues if c.start not in drop] if drop else cues


def _criticism_frames(probe: str) -> list[tuple[int, int, int]]:
    """(quote start, quote end, verb start) of every quote a criticism verb reports (`_CRITICISM_FRAME_RX`)."""
    return [(m.start("quote"), m.end("quote"), m.start("verb")) for m in _CRITICISM_FRAME_RX.finditer(probe)]


# what may follow a quote's predicate up to the end of its sentence: kana (だ, したい), a full stop, the closing mark
_PREDICATE_END_RX = re.compile(r"[ぁ-ゖー]*(?:[。！？!?]|[」』])")


def _stance_after(text: str, c: _PosHit, at: int, end: int) -> bool:
    """An attitude that ends a sentence of the quote (its predicate: 「…続けるべきだ」, 「…許されない」), or the target
    said done or not there (「決して降伏しない」, 「治安は悪化していない」), after the target
    word at `at` and in its sentence: the quote's own stance toward it (not a noun, 「合意の履行」「恥ずべき行為」, nor a
    sentence of the quote about something else, 「47億円では桁が違う。…組むべきだ」)."""
    return (
        ((c.kind == _ATT and c.pol != 0) or (c.kind == _ACT and c.start == c.end))  # or the target said done or not
        and at < c.start < end
        and not _SENTENCE_END_RX.search(text, at, c.start)
        and _PREDICATE_END_RX.match(text, c.end) is not None
    )


def _criticism_framed(
    text: str, cues: list[_PosHit], frames: list[tuple[int, int, int]], hits: list[tuple[int, int]]
) -> list[_PosHit]:
    """The cues read toward a target around quotes a criticism reports (「…」と非難した). The verb is the reading,
    and the quote's words only say why (「「職務の放棄だ」と非難」: 放棄 is no act done to the target, and criticizing it
    is no support), for a target named outside the quote (its object, 「首相の発言を「…」と批判」, or only before the
    clause) and for one the quote names as what it criticizes (「「国の対応は後手に回っている」と批判」). Only a quote
    that takes a stance of its own toward a target it names, an attitude after it (「「支援を続けるべきだ」と政府を
    批判」: for the aid), is read by its words: the verb is said of what the quote is about, not of each thing it names."""
    if not frames:
        return cues
    own: set[int] = set()  # the verbs of quotes read by their own words
    for qs, qe, v in frames:
        inside = [s for s, _ in hits if qs < s < qe]
        if inside and any(_stance_after(text, c, min(inside), qe) for c in cues):
            own.add(v)
    quoted = [(qs, qe) for qs, qe, v in frames if v not in own]
    return [
        c
        for c in cues
        if not any(c.start <= v < c.end for v in own) and not any(qs < c.start < qe for qs, qe in quoted)
    ]


# another's view the speaker answers (「増税には批判があるが、私は…」, 「「危険だ」との批判もあるが、…」, "despite criticism of
# the plan, …"): a criticism, an objection or a worry said to exist, then a turn (が、, ものの、) to the speaker's own words;
# the view is not the speaker's, so its words (and a quote it reports) are no cue toward what it is about
_COUNTER_VIEW_RX = re.compile(
    r"(?P<view>(?:批判|反対|異論|懸念|反発|疑問|不安)(?:の声|論)?)(?:も|が|は)"
    r"(?:[^。、「」]{0,6}?)(?:ある|あります|出ている|出ています|上がっている|根強い|少なくない|相次いでいる|相次ぐ)"
    r"(?:が|けれども|けれど|けど|ものの|とはいえ)[、,]"
    r"|(?i:(?<![A-Za-z])(?:despite|in spite of)\s+(?:the\s+|some\s+|growing\s+|strong\s+|widespread\s+|fierce\s+)?"
    r"(?P<en>criticism|opposition|objections?|concerns?|protests?)(?![A-Za-z])[^.;:!?]{0,80}?,)"
)
_VIEW_QUOTE_RX = re.compile(r"「[^「」]*」(?:との|という|などの|などという)$")


def _counter_views(probe: str) -> list[tuple[int, int]]:
    """The spans of another's view the speaker goes on to answer (`_COUNTER_VIEW_RX`): from the start of its part
    (or of the quote that says it, 「…」との批判) to the turn, when the speaker's own words follow in the sentence."""
    spans = []
    for m in _COUNTER_VIEW_RX.finditer(probe):
        if not re.search(r"[^\s。.、,」]", probe[m.end() : m.end() + 12]):
            continue  # nothing of the speaker's after the turn: no answer, the view is only reported
        at = m.start("view") if m.group("view") else m.start()
        quote = _VIEW_QUOTE_RX.search(probe, max(0, at - 120), at)
        start = quote.start() if quote else at
        part = max(probe.rfind(ch, 0, start) for ch in "。、,.!?！？")
        spans.append((part + 1 if not quote else start, m.end()))
    return spans


def _halt_composed(probe: str, halts: list[tuple[int, int]], read: list[_PosHit]) -> bool:
    """The reading composed a Japanese halt named as the target at `halts`: an act cue read at it (its own word,
    its doing after it: 撤回しない) or a halt done to it right after it (「廃止は撤回」, `_undone`)."""
    return any(
        c.kind == _ACT and s <= c.start <= e + 6 and (c.start <= e or _HALT_OBJECT_RX.fullmatch(probe, e, c.start))
        for c in read
        for s, e in halts
    )


def _position_toward(
    text: str,
    claim: Claim,
    hits: list[tuple[int, int]],
    actors: ActorIndex,
    *,
    acted: bool,
    cues_in_target: bool,
    target_words: list[tuple[int, int]],
) -> tuple[str, int, str]:
    probe = _probe(text)
    masked = mask_quotes(probe) if ("「" in probe or "『" in probe) else probe
    mentions = actors.mentions(text)
    topic_hits = [
        _TopicHit(s, e, "target", False, _phrase_negated(probe, e) or _en_phrase_negated(probe, s)) for s, e in hits
    ]
    scan = _Scan(probe, masked, mentions, topic_hits or [_TopicHit(claim.scan, claim.scan, "target", False, False)])
    scan.owners = _find_owners(scan, actors)
    # a halt named as the target (撤回): its doing is read toward what it halts, as its own cue is (see below)
    own_act = {
        e: -1
        for s, e in hits
        for c in scan.cues
        if cues_in_target and c.kind == _ACT and s <= c.start < e and probe[c.start : c.end].lower() in _HALTS
    }
    if hits:  # the target's own words are no attitude toward it (「合意文書」 says no 合意); an act named as the
        # target (辞任, read for its opposite) is no cue toward itself either
        # (nor an act that does the target, `_names_the_deed`; nor a restriction the target names, 「新たな規制」
        # asked about: 規制 is the thing asked about, no restricting done to it, `_RESTRICTIONS`)
        scan._cues = [
            c
            for c in scan.cues
            if not (
                (
                    c.kind == _ATT
                    or not cues_in_target
                    or (acted and _names_the_deed(scan, c))
                    or probe[c.start : c.end].lower() in _RESTRICTIONS
                )
                and any(s <= c.start < e for s, e in hits)
            )
            # nor another English word of the target named there as a thing (after a determiner): "we cannot allow a
            # mistake of this magnitude to happen again" asked about letting a mistake happen names the mistake, no
            # judgment of it ("we will accept the deal" asked about accepting it is the act done: read)
            and not (
                c.kind == _ATT
                and any(s <= c.start < e for s, e in target_words)
                and _NAMED_THING_RX.search(probe, max(0, c.start - 30), c.start) is not None
            )
        ]
    done = [
        _PosHit(e, e, _ACT, _done_polarity(probe, e, scan.cues) * own_act.get(e, 1))  # 撤回しない: for what it halts
        for _, e in hits
        if acted and _DONE_RX.match(probe, e) and not _DEED_REFERRED_RX.match(probe, e)
    ]
    # "the group would cooperate fully", "we are not willing to negotiate it": an English target word said as the
    # verb a modal (or a to-infinitive) opens is what the actor does or will not do, as 「協力する」 is; read where no
    # cue of its own is left at it (an attitude word of the target, cooperate, is no cue toward itself, above)
    done += [
        _PosHit(s, e, _ACT, -1 if any(m.group(g) for g in ("neg", "neg2", "neg3", "neg4")) else 1)
        for s, e in hits
        if acted
        and probe[s : s + 1].isascii()
        and (m := _EN_DONE_BEFORE_RX.search(probe, max(0, s - 48), s)) is not None
        and not any(s <= c.start < e for c in scan.cues)
        and _EN_ASKED_BEFORE_RX.search(probe, max(0, m.start() - 80), m.start()) is None
    ]
    # "the plan remains unchanged", "no change to the plan": the target stays as it is (an act kept going)
    done += [
        _PosHit(s, e, _ACT, 1)
        for s, e in hits
        if probe[s : s + 1].isascii() and not any(s <= c.start < e for c in scan.cues) and _en_steady(probe, s, e)
    ]
    if done:  # 「衆院を解散し」「導入すべき」: the target is what the actor does (or will not do)
        scan._cues = sorted([*scan.cues, *done], key=lambda c: c.start)
    if own_act:  # 「廃止は撤回すべきだ」「中止の撤回を求める」: a halt of the target's halt lets the halted thing go on
        scan._cues = [_undone(probe, c, own_act) for c in scan.cues]
    # 「職務の放棄だ」と非難した: a criticism framing a quote (`_criticism_frames`); a quote read by its own words
    if "「" in probe or "『" in probe:
        scan._cues = _criticism_framed(probe, scan.cues, _criticism_frames(probe), hits)
        scan._cues = _quote_read_alone(scan, hits)
    asked = question_spans(probe)
    asked_cues = [c for c in scan.cues if any(s <= c.start < e for s, e in asked)]
    if asked_cues:  # 「賛成するかと問われ、「…」と答えた」, "Asked whether she would back it, she said …": the
        # question's words are the reporter's, the answer after it is the speaker's position (`question_asked`)
        scan._cues = [c for c in scan.cues if c not in asked_cues]
    if asked and scan.conds:  # so is a condition inside the question (「…場合の対応を問われ」, "Asked what he would do
        # if …"): no term the speaker sets
        scan._conds = [c for c in scan.conds if not any(s <= c < e for s, e in asked)]
    views = _counter_views(probe)
    if views:  # 「増税には批判があるが、私は必要だと考えている」: the criticism is another's, the speaker answers it
        scan._cues = [c for c in scan.cues if not any(s <= c.start < e for s, e in views)]
    # the target named only inside the question put (「…とは組まないという約束を破ったのではないかと問われると、「…必要な
    # 判断だった」と答えた」): the question's words, its negations too, are the reporter's; the answer is read as for
    # a target named only in the context, by its main predicate
    asked_only = bool(asked) and bool(hits) and all(any(s <= h < e for s, e in asked) for h, _ in hits)
    if asked_only:
        topic_hits = []
    governed = {h.start: _governed(scan, h, min(claim.hi, len(probe))) for h in topic_hits}
    for h in topic_hits:  # 「利用者に負わせるのではなく」「劣っていたわけではない」: the predicate says it is not so
        # (the target done or not, 撤回しない, is the cue just added)
        h.negated = h.negated or _denied(scan, h, governed[h.start])
    # the target named as what a condition is about (「石破氏が続投するのであれば、…説明すべきだ」) is no position of
    # its own where the clause names it elsewhere with one (「石破政権にノーを突きつけた」)
    stated = [h for h in topic_hits if not _in_condition(scan, h, governed[h.start])]
    if stated and len(stated) < len(topic_hits):
        topic_hits[:] = stated
        scan.topics = stated
    cl = _Clause(claim.actor_id, claim.lo, claim.scan, claim.hi, claim.kind, list(claim.excluded))
    ending = _final_cue(scan, cl)
    # 「…注視していく」と述べ、評価は控えた: a Japanese clause ends on its main predicate (English ends on what it governs);
    # a predicate governs what comes before it, so one before the target (「取材に応じ、「…」」) says nothing of it
    if (
        ending is not None
        and ending.kind == _ATT
        and ending.pol == 0
        and not probe[ending.start].isascii()
        and not (hits and ending.end <= min(s for s, _ in hits))
        and not _watched_after_stance(scan, cl, ending)
    ):
        return "neutral", ending.start, "declined"
    if topic_hits:
        tail = _tail_cues(scan, cl.lo, cl.hi) if _GAPPED_RX.search(text, cl.lo, cl.hi) else None
        found = _clause_topics(scan, cl, tail, set(), [])
        if "target" in found and found["target"][0] != "neutral" and not _addressed(scan, hits):
            position, _, at = found["target"]
            # (a concession of no opposition is read as oppose toward what a halt named as the target halts)
            why = "at-target"
            if (
                position == "support"
                and (
                    _put_first(scan, cl, hits)
                    or _term_after(scan, cl, at)
                    or _conceded(scan, cl, at)
                    or needed_for(probe, hits)  # 「派遣には後ろ盾が欠かせない」: a need said for the target
                )
            ) or _not_opposed_but(scan, cl, at):
                position, why = "conditional", "at-target-term"
            return position, at, why
        # no stance where the target is named (「合意直後、「…」と評価していた」): the clause's main predicate
    cues = [c for c in scan.cues if cl.scan <= c.start < cl.hi and not any(s <= c.start < e for s, e in cl.excluded)]
    cues = [c for c in cues if not _owned(scan, cl, c)]
    if not hits:  # a request not to do a deed done to an object the clause names: not the target, named elsewhere
        cues = [c for c in cues if not _asks_not_of_another(scan, c)]
    if hits:  # an English act after the target named in the clause, done to an object of its own: not to it
        cues = [c for c in cues if not _acts_on_another(scan, c, max(s for s, _ in hits))]
    said = answer_polarity(probe, asked)  # 0 when no question was put
    position = None if said else _main_position(scan, cl, cues)
    why = "main" if position else "none"
    if said:
        # an answer that only says yes or no (「当然だ」, "she said no") to a question whether the target is done or
        # held (its cues, none: whether it is so): the question's reading, turned by a no
        asked_position = _combine(asked_cues, english=probe[asked[0][0]].isascii()) or "support"
        position = asked_position if said > 0 else _TURNED.get(asked_position, asked_position)
        why = "answer"
    if position is None and not any(c.kind == _ATT and c.pol == 0 for c in cues):
        # no stance word, and none that declines to judge: an evaluation with no stance verb (「…のは残念だ」,
        # "this outcome is unfortunate") is read by the general polarity layer, in the target's sentences
        position = _predicate_evaluated(scan, cl, topic_hits, governed) or _evaluated(scan, cl, hits)
        why = "polarity" if position else "none"
    elif position is None:
        why = "declined"
    read_at = cues[-1].start if position and cues else None
    conds = [
        c
        for c in scan.conds
        if _conditions(scan, cl, read_at, c) and not (read_at is not None and _conceded_before(scan.text, c, read_at))
    ]
    if (
        _conditioned(scan.text, position, conds)
        or (position == "support" and _put_first(scan, cl, hits))
        or (position is None and why == "none" and needed_for(probe, hits))  # "a settlement requires …"
    ):
        position, why = "conditional", "condition"
    return position or "neutral", (cues[-1].start if cues else cl.scan), why


# the one a request is put to, right after its name: 「東電に猛省を促す」, 「政府に対し、…を求めた」
_ADDRESSEE_RX = re.compile(r"(?:に(?:対し(?:て)?|向け(?:て)?)?|へ)[、,]?")


def _addressed(scan: _Scan, hits: list[tuple[int, int]]) -> bool:
    """Every Japanese target word is the one a request in its part is put to (「東電に猛省を促す考えを示した」 asked
    about TEPCO's handling): the request says what is asked of it, not that the speaker is for it; the clause is
    read by its main predicate, as for a target named only in the context (a criticism before the demand decides:
    `_demand_after_criticism`)."""
    if not hits:
        return False
    for s, e in hits:
        if scan.text[s : s + 1].isascii():
            return False
        m = _ADDRESSEE_RX.match(scan.text, e)
        if m is None or m.end() == e:
            return False
        seg_end = scan.seg_span(scan.seg_of(e))[1]
        if not any(
            c.kind == _ATT and c.pol > 0 and m.end() <= c.start < seg_end and scan.text.startswith(_REQUESTS, c.start)
            for c in scan.cues
        ):
            return False
    return True


# a target word the predicate takes directly: 「格下げに「留意する」」, 「辞任について注視」 (not 「辞任の時期については…見極めたい」)
_DIRECT_OBJECT_RX = re.compile(r"(?:に|を|は|について(?:は)?|に関して(?:は)?)?[、,]?\s*[「『]?")


def declined_at(text: str, at: int, hits: list[tuple[int, int]]) -> bool:
    """A cue that declines to judge (注視していく, 評価は控えた, 〜に留意する, declined to comment) starts at `at` and
    takes the target word at `hits` directly: the neutral `position_toward` read there is said of the target by a
    stance word, not the absence of one."""
    probe = _probe(text)
    return any(_DIRECT_OBJECT_RX.fullmatch(probe, e, at) for _, e in hits) and any(
        c.start == at and c.kind == _ATT and c.pol == 0 for c in passage_cues(probe)
    )


# what may stand between a halt named as the target and a halt done to it: 「廃止は撤回」「中止の撤回」「延期を取り消し」
_HALT_OBJECT_RX = re.compile(r"(?:を|は|も|の|についても?)?")


def _undone(probe: str, c: _PosHit, own_act: dict[int, int]) -> _PosHit:
    """A Japanese halt done to the target's own halt, right after it (「廃止は撤回すべきだ」, 「中止の撤回を求める」):
    read toward what the target halts (as the target's halt is, see `position_toward`), halting the halt lets it go on,
    so the act counts as its doing (+1). Any other cue is as read."""
    if c.kind != _ACT or c.pol >= 0 or probe[c.start].isascii() or probe[c.start : c.end].lower() not in _HALTS:
        return c
    for e in own_act:
        if e < c.start <= e + 6 and _HALT_OBJECT_RX.fullmatch(probe, e, c.start):
            return _flipped(c)
    return c


def _names_the_deed(scan: _Scan, c: _PosHit) -> bool:
    """A Japanese act found in the target's own word that does the target (署名 of 「急いだ署名であり」 asked about the
    signing, 放出 of 「放出の要望を受けた」): the noun only names it, and whether it is done is read after it (`done`,
    「署名すべきだ」). Not a halt (撤回, read toward what it halts), not English (no `done` reads "would sign the accord"
    after the word: the verb is read), not in a part that sets a condition (「放出水の濃度が基準を超えれば」: the term
    is about the target, and the reading waits on it)."""
    if c.kind != _ACT or c.pol <= 0 or scan.text[c.start].isascii():
        return False
    return not any(scan.seg_of(k) == scan.seg_of(c.start) for k in scan.conds)


def _term_after(scan: _Scan, cl: _Clause, at: int) -> bool:
    """The statement ends on a sentence that sets a term (「減税に反対しているわけではない。国が手当てをしてくれ
    るなら、協力する」): the support read at `at`, in a sentence before it, waits on that term. Not a condition in a
    sentence before the one read (「満潮と重なれば高くなる。…妥当だった」 conditions nothing said after it)."""
    if not scan.text[at : at + 1] or scan.text[at].isascii():
        return False
    for c in scan.conds:
        if not (cl.scan <= c < cl.hi and c > at) or any(s <= c < e for s, e in cl.excluded):
            continue
        if _CONSEQUENCE_RX.search(scan.text, max(0, c - 4), c):  # 「…望ましい。そうすれば…救える」: what it brings
            continue
        close = scan.text.find("」", c, cl.hi)
        last = scan.text[c : close if close >= 0 else cl.hi]
        if _SENTENCE_END_RX.search(scan.text, at, c) and not _SENTENCE_END_RX.search(last):
            return True
    return False


# 「賛成するとしつつも、「…必要がある」と述べた」: support granted, then a need or a demand set beside it
_CONCEDED_RX = re.compile(r"(?:と|とは)し(?:つつ|ながら)(?:も)?[、,]?")
_DEMAND_AFTER_RX = re.compile(r"必要|べき|求め|条件|前提|欠かせない|不可欠")


def _conceded(scan: _Scan, cl: _Clause, at: int) -> bool:
    """The support read at `at` is granted as a concession (〜としつつ(も), 〜としながら(も)) before a need or a demand
    of the speaker's in the same clause: the support waits on what is demanded, a condition. Not a concession
    followed by anything else (「評価するとしつつも、課題は多い」 stays support)."""
    m = _CONCEDED_RX.search(scan.text, at, cl.hi)
    if m is None or _SENTENCE_END_RX.search(scan.text, at, m.start()):
        return False
    return _DEMAND_AFTER_RX.search(scan.text, m.end(), cl.hi) is not None


# 「廃止に反対はしていないが、…丁寧な対応を求めたい」, "It does not oppose the shift, but it has asked …": no opposition,
# granted as a concession, then what the speaker asks or sets as a term
_NOT_OPPOSED_RX = re.compile(
    r"反対(?:は|も)?(?:して)?(?:いない|いません|しない|しません|ではない|ではありません)(?:が|けれど(?:も)?)[、,]?"
    r"|(?<![A-Za-z])(?:(?:do|does|did)\s+not|(?:do|does|did)n['’]t)\s+oppose(?![A-Za-z])[^.;!?]{0,80}?,?\s+but(?![A-Za-z])",
    re.IGNORECASE,
)
_EN_DEMAND_AFTER_RX = re.compile(
    r"(?<![A-Za-z])(?:ask|asked|asks|call(?:s|ed)? (?:for|on)|urge[sd]?|needs?|must|should|demand(?:s|ed)?|only if|"
    r"provided|on condition|wants?|wanted)(?![A-Za-z])",
    re.IGNORECASE,
)


def _not_opposed_but(scan: _Scan, cl: _Clause, at: int) -> bool:
    """The position read at `at` is a concession that the speaker is not against the target (反対はしていないが, "does
    not oppose …, but"), in the sentence of `at`, followed in it by a demand or a term of the speaker's: the
    acceptance waits on what is asked, a condition (as `_conceded`). Not a plain 反対しない with nothing asked after."""
    start = max(cl.scan, scan.sentence_start(at))
    end = _SENTENCE_END_RX.search(scan.text, at, cl.hi)
    stop = end.end() if end else cl.hi
    m = _NOT_OPPOSED_RX.search(scan.text, start, stop)
    if m is None:
        return False
    rx = _EN_DEMAND_AFTER_RX if scan.text[m.start()].isascii() else _DEMAND_AFTER_RX
    return rx.search(scan.text, m.end(), stop) is not None


_SENTENCE_END_RX = re.compile("[。！？!?]")
# a condition that points back at what was just said (そうすれば, こうなれば): the consequence of it, not a term
_CONSEQUENCE_RX = re.compile(r"(?:そう|こう|それ|これ)(?:す|な|で(?:あ)?)?$")


def _put_first(scan: _Scan, cl: _Clause, hits: list[tuple[int, int]]) -> bool:
    """The clause's main predicate puts something other than the target first (「まずは…を確保することが先決だ」,
    "the first step must be a full ceasefire"): the target, its rival, waits on that, so the reading toward it is
    conditional; the thing put first (before 先決 in its sentence, after "first step must be" in its part) is
    what the speaker wants, and a target named there keeps the support."""
    own = _own_cues(scan, cl)
    # English: any attitude of the clause ("a positive sign, but the first step must be …"); Japanese: its last
    english = [c for c in own if c.kind == _ATT and scan.text[c.start].isascii()]
    first = [c for c in english if scan.text[c.start : c.end].lower() in _PRECEDENCE]
    main = first[0] if first else None if english else own[-1] if own else None
    if main is None or scan.text[main.start : main.end].lower() not in _PRECEDENCE:
        return False
    if scan.text[main.start].isascii():
        m = _SEG_RX.search(scan.text, main.end)
        lo, hi = main.end, (m.start() if m else len(scan.text))
    elif _PRIORITY_NOUN_RX.match(scan.text, main.end):  # 「最優先課題は…自立することだ」: what is put first follows
        m = _PRIORITY_END_RX.search(scan.text, main.end)
        lo, hi = main.end, (m.start() if m else len(scan.text))
    else:
        lo, hi = scan.spoken_sentence_start(main.start), main.start
    return not any(lo <= s < hi for s, _ in hits)


_PRIORITY_NOUN_RX = re.compile(r"の?(?:課題|事項|目標|テーマ|任務)")
_PRIORITY_END_RX = re.compile(r"[。！？!?」』\n]")  # where the sentence naming the priority ends


def _predicate_evaluated(
    scan: _Scan, cl: _Clause, topic_hits: list[_TopicHit], governed: dict[int, Predicate | None]
) -> str | None:
    """support / oppose from the evaluative predicate that governs a Japanese target word (`predicates.governing`)
    when the kept lexicons hold its head (`polarity.predicate_polarity`: 「手法は有効に機能した」, 「計画は誤りだ」),
    turned by its negation (「適切ではない」); None when no such predicate governs the target or its words disagree.
    Read before the whole sentence's words: what is said of the target decides, not an evaluation of another
    thing beside it."""
    value = 0
    for h in topic_hits:
        found = governed.get(h.start)
        if found is None or found.condition or not cl.scan <= h.start < cl.hi:
            continue
        if any(s <= h.start < e for s, e in cl.excluded):
            continue
        # a target naming trouble is read by whether it is there, never by how its predicate judges it (「問題は
        # 深刻だ」 says there is one)
        trouble = _names_trouble(scan.text[h.start : h.end])
        # 「支持は揺るがない」「導入計画に変更はない」: it stays as it is, a support (trouble too: still there)
        pol = 1 if found.steady else (1 if found.head in _STATING else 0) if trouble else predicate_polarity(found.head)
        if pol and value and (pol * (-1 if found.negated else 1)) != value:
            return None
        value = pol * (-1 if found.negated else 1) or value
    return "support" if value > 0 else "oppose" if value < 0 else None


# a predicate that says a thing is there (ある, 見つかる, …だ) or not (ない, ではない, 見つけていない)
_STATING = frozenset({"有る", "無い", "だ", "です", "見付ける", "見付かる", "存在", "居る"})
# what a target names when it is the trouble or the blame itself: the polarity layer's trouble words (問題, 懸念,
# 欠陥), and fault and blame (責任, 過失) and what a report finds wrong (不具合, 疑惑, リスク)
_TROUBLE_TARGETS = TROUBLE | {"責任", "責め", "過失", "不具合", "不備", "疑惑", "リスク", "危険性"}


@lru_cache(maxsize=4096)
def _names_trouble(word: str) -> bool:
    """The target word names trouble or blame (its last word one of `_TROUBLE_TARGETS`): the target is the trouble
    itself, so its negative word is no opposition to it — what is said of its existence is the position
    (「責任は劇団にある」「重大な懸念がある」: support; 「問題を見つけていない」「過失はなかった」: oppose). A
    target that is only judged badly (増税, 制裁: negative nouns of the lexicon) is not trouble named."""
    forms = [m.normalized_form() for m in sudachi_tokenizer().tokenize(word)] if word and not word.isascii() else []
    return bool(forms) and forms[-1] in _TROUBLE_TARGETS


def _evaluated(scan: _Scan, cl: _Clause, hits: list[tuple[int, int]]) -> str | None:
    """support / oppose from what the clause's own words evaluate (`polarity.evaluation`), read in the sentences
    of the clause that name the target (the whole clause when only its context does); None when not clear."""
    lo, hi = cl.scan, cl.hi
    spans = [(max(s, lo), min(e, hi)) for s, e in scan.sentences if s < hi and e > lo]
    named = [(s, e) for s, e in spans if any(s <= h < e for h, _ in hits)]
    own = list(scan.text)
    for s, e in cl.excluded:  # another's quote inside the clause is not the actor's evaluation
        own[s:e] = " " * (e - s)
    value = evaluation("\n".join("".join(own[s:e]) for s, e in (named or spans)))
    return "support" if value > 0 else "oppose" if value < 0 else None


def _governed(scan: _Scan, h: _TopicHit, hi: int) -> Predicate | None:
    """The Japanese predicate that governs the target word at h, in its sentence and before `hi`; said under a
    judgment that is not held (`_judgment_denied`), its negation turned: 「安全でないとは考えていない」 does not deny
    安全, 「安全だとは言えない」 does."""
    if scan.text[h.start].isascii():
        return None
    end = min(hi, next((e for s, e in scan.sentences if s <= h.end < e), hi))
    found = governing(scan.text, h.end, end)
    if found is not None and not found.condition and _judgment_denied(scan.text, h.end + found.end, found.negated):
        return replace(found, negated=not found.negated, contrast=False)
    return found


# the predicate's clause said as a judgment that is not held: 「…とは考えていない」「…とは思わない」「…とは言えない」 (the
# cue scanner reads the same frame after a stance word, `_THOUGHT_DENIED_RX`; not 「…とも言えない」, no judgment made)
_JUDGMENT_DENIED_RX = re.compile(
    r"(?:だ|である)?(?:とは|と)(?:決して|必ずしも|全く|まったく|到底)?"
    r"(?:(?P<said>言え|いえ)|思わ|思って(?:い|お)|考えて(?:い|お)|考え)(?:ない|ず|ません|なかった)(?![かの])"
)


def _judgment_denied(text: str, at: int, negated: bool) -> bool:
    """A judgment that is not held closes the predicate ending at `at` (`_JUDGMENT_DENIED_RX`) and turns it: a
    negated one under any (「安全でないとは考えていない」), a plain one under 〜とは言えない only (「安全だとは言えない」;
    「助かればいいとは思っていません」 says it is not enough, no denial of 助かる)."""
    m = _JUDGMENT_DENIED_RX.match(text, at)
    return m is not None and (negated or m.group("said") is not None)


def _in_condition(scan: _Scan, h: _TopicHit, found: Predicate | None) -> bool:
    """The target word at h is an argument of a condition's predicate that the condition rules read as one (not
    a need: 「…の力を借りなければ守れない」); in English, a condition word before it in its part."""
    if scan.text[h.start : h.start + 1].isascii():
        # "If Germany wants to control its borders, …": English puts the condition first, the target in its part
        return any(c < h.start and scan.seg_of(c) == scan.seg_of(h.start) for c in scan.conds)
    if found is None or not found.condition:
        return False
    return any(h.end <= c <= h.end + found.end + 4 for c in scan.conds)


def _denied(scan: _Scan, h: _TopicHit, found: Predicate | None) -> bool:
    """The predicate that governs the target word at h denies it (〜ない, 〜わけではない, 〜のではなく, 〜より)
    with no stance word of its own between them: a stance word (受け入れられない) is read by the cues."""
    if found is None or not found.denies:
        return False
    # what is put first (「AよりBが先だ」) is no stance word toward A: A is the rival put after it
    return not any(
        h.end <= c.start < h.end + found.end and scan.text[c.start : c.end].lower() not in _PRECEDENCE
        for c in scan.cues
    )


def _conditions(scan: _Scan, cl: _Clause, at: int | None, cond: int) -> bool:
    """A condition found at `cond` conditions the position read at `at`: it is in the same sentence, before the
    end of the part read (「満潮と重なれば高くなる。…妥当だった」 and 「ノーを突きつけた」と述べ、続投するのであれば
    condition nothing). With no position read, any condition in the clause does."""
    if not cl.scan <= cond < cl.hi:
        return False
    if at is None:
        return True
    return scan.spoken_sentence_start(at) <= cond < scan.seg_span(scan.seg_of(at))[1]


def _own_cues(scan: _Scan, cl: _Clause) -> list[_PosHit]:
    """The clause's cues of its own (not inside another's quote, not another subject's)."""
    own = [c for c in scan.cues if cl.scan <= c.start < cl.hi and not any(s <= c.start < e for s, e in cl.excluded)]
    return [c for c in own if not _owned(scan, cl, c)]


# watching it (注視, 見極め, 見守): a predicate that says what the speaker will do next, not that they decline to judge
_WATCHING = ("注視", "見極め", "見守")


def _watched_after_stance(scan: _Scan, cl: _Clause, ending: _PosHit) -> bool:
    """The clause ends on watching (「…支持してきた。…注視している」, 「…と評価したうえで、影響を見極める考えを示した」)
    after an attitude of its own that takes a side: the watching is what comes next, the stance said before it is
    the position (not a clause that only declines to judge: 「評価は控えた」, 「コメントは差し控えたい」)."""
    if not scan.text.startswith(_WATCHING, ending.start):
        return False
    return any(c.kind == _ATT and c.pol != 0 and c.end <= ending.start for c in _own_cues(scan, cl))


def _final_cue(scan: _Scan, cl: _Clause) -> _PosHit | None:
    """The clause's last cue of its own: its main predicate."""
    own = _own_cues(scan, cl)
    return own[-1] if own else None


# a modal or a to-infinitive right before an English verb (an adverb between): "would cooperate", "will not
# negotiate", "won't resign", "not willing to negotiate", "decided not to run"; its negation, when it has one
_EN_DONE_BEFORE_RX = re.compile(
    r"(?<![A-Za-z])(?:(?:will|would|shall|must|should|['’]ll)(?P<neg>\s+(?:not|never))?"
    r"|(?P<neg2>won['’]t|wouldn['’]t|shan['’]t|mustn['’]t|shouldn['’]t)"
    r"|(?:(?P<neg3>not|never)\s+(?:be\s+)?)?(?:willing|going|able)\s+to"
    r"|(?:decided|chose|vowed|pledged|promised|has|have|had|need|needs|needed)(?P<neg4>\s+not)?\s+to)"
    r"\s+(?:[A-Za-z]+ly\s+)?$",
    re.IGNORECASE,
)
# the modal inside a question put or a condition ("Asked whether he would step down", "if they would cooperate"):
# the act is asked about or supposed, not done
_EN_ASKED_BEFORE_RX = re.compile(r"(?<![A-Za-z])(?:whether|if)(?![A-Za-z])[^.;:!?\"“”]*$", re.IGNORECASE)
# an English target said to stay as it is, as 「方針は変わらない」「計画に変更はない」 (`predicates.Predicate.steady`): "the
# plan remains unchanged", "the policy does not change", "our support is unwavering", "no change to the plan"
# (not "nothing changes", a change said to bring nothing; not where the target is the change itself)
_EN_STEADY_AFTER_RX = re.compile(
    r"(?:['’]s)?(?:\s+[a-z-]+){0,3}?\s+(?:(?:remains?|remained|will\s+remain|would\s+remain|stays?|stayed|is|was|"
    r"are|were)\s+(?:still\s+)?(?:unchanged|intact|unaltered|unwavering|unshaken|in\s+place|on\s+track)"
    r"|(?:does|do|did|will|would)\s+not\s+change|(?:doesn|don|didn|won|wouldn)['’]t\s+change)(?![A-Za-z])",
    re.IGNORECASE,
)
_EN_STEADY_BEFORE_RX = re.compile(
    r"(?<![A-Za-z])no\s+changes?\s+(?:to|in)\s+(?:(?:the|our|its|his|her|their|this|that)\s+)?(?:[A-Za-z-]+(?:['’]s)?\s+){0,2}$",
    re.IGNORECASE,
)
_EN_CHANGE_WORD_RX = re.compile(r"chang|alter|revis|amend|shift|revers", re.IGNORECASE)


def _en_steady(text: str, s: int, e: int) -> bool:
    """The English target word at s:e said to stay as it is (`_EN_STEADY_AFTER_RX`, `_EN_STEADY_BEFORE_RX`), not a
    word of change itself ("changing the date does not …")."""
    if _EN_CHANGE_WORD_RX.match(text, s):
        return False
    after = _EN_STEADY_AFTER_RX.match(text, e)
    if after is not None and not re.search(r"[.;:!?,]", after.group(0)):
        return True
    return _EN_STEADY_BEFORE_RX.search(text, max(0, s - 48), s) is not None


_DONE_RX = re.compile(r"(?:を)?(?:し|する|します|した|させ|すべき|すれば|しよう|され|しな|せず|できな)")
# a deed already done and spoken of (「投稿をしたことを取り上げ」「発言したのは」): someone's past act, not the actor's doing
_DEED_REFERRED_RX = re.compile(r"(?:を)?し(?:た|ていた)(?:こと|の[はがをにも]|件)")


def _done_polarity(text: str, e: int, cues: tuple[_PosHit, ...] | list[_PosHit] = ()) -> int:
    """+1 for the target done (解散し), -1 for it not done (解散しない, 導入せず). A negation that an attitude cue after
    the target holds (「併合することはできない」「解散することは認められない」「併合できない」) is that cue's, read once
    there: the deed is what the attitude is about, not a deed denied (read twice, the two negations made support)."""
    end = _negation_end(text, e) or (e + 4 if re.match(r"(?:を)?(?:しな|せず|できな)", text[e : e + 4]) else 0)
    if not end or any(c.kind == _ATT and e <= c.start < end for c in cues):
        return 1
    return -1


_DECLARED = frozenset(w.lower() for w in _P.get("declared_stance", []))
# a new sentence of the same statement: a sentence end, or a quote closed and another opened (「…」と述べたうえで「…」)
_NEXT_SENTENCE_RX = re.compile(r"[。．！？!?](?![」』])|[」』][^「『]*[「『]|(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")
_CONTRAST_OPENING_RX = re.compile(r"\s*[「『\"“]?\s*(?:しかし|ただ|だが|でも|ところが|But|However|Yet)(?![A-Za-z])")


def _declared(scan: _Scan, c: _PosHit) -> bool:
    return c.kind == _ATT and c.pol != 0 and scan.text[c.start : c.end].lower() in _DECLARED


def _declared_part(scan: _Scan, cues: list[_PosHit]) -> list[_PosHit] | None:
    """「反対という立場に変わりはない。…漁業を続けたいだけだ」: a stance declared in one sentence of the statement, and a
    later sentence with only a weaker cue (an act, a wish) about another thing: the declared part is the position
    toward the target named in the context. Not after a contrast (「…反対だった。しかし、今は受け入れる」: the later
    sentence is the main one), nor when the later part declares a stance too."""
    last = scan.seg_of(cues[-1].start)
    if any(_declared(scan, c) for c in cues if scan.seg_of(c.start) == last):
        return None
    for c in reversed(cues):
        seg = scan.seg_of(c.start)
        if seg == last or not _declared(scan, c):
            continue
        breaks = list(_NEXT_SENTENCE_RX.finditer(scan.text, c.end, cues[-1].start))
        if not breaks or any(_CONTRAST_OPENING_RX.match(scan.text, m.end()) for m in breaks):
            return None
        return [h for h in cues if scan.seg_of(h.start) == seg]
    return None


# an act's own object named after it (English) or before it with を (Japanese): not the target, which the clause
# does not name (a pronoun or 同案 does: "stop it", 「これを撤回」)
_EN_OBJECT_RX = re.compile(r"\s+(?:the|a|an|any|all|every|our|your|his|her)\s+[A-Za-z]", re.I)
# a possessive object is the act's own only when "and" and another verb follow ("to stop their programmes and come
# to talks"): "no intention of continuing its response" is the target's own act told in the speaker's words
_EN_POSSESSED_RX = re.compile(r"\s+(?:their|its|my)\s+[A-Za-z]", re.I)
_JA_OBJECT_RX = re.compile(r"[一-龥々ァ-ヶーA-Za-z0-9]を$")


def _own_object(scan: _Scan, c: _PosHit) -> bool:
    """「漁業を続けたい」「a step toward stopping the Chinese government」: the act is done to a thing it names."""
    if c.kind != _ACT:
        return False
    if scan.text[c.start].isascii():
        return _EN_OBJECT_RX.match(scan.text, c.end) is not None or _possessed_then_and(scan.text, c.end, None)
    before = scan.text[max(0, c.start - 8) : c.start]
    return _JA_OBJECT_RX.search(before) is not None and not _ANAPHOR_RX.search(before)


# a noun marked as a verb's object (「自国民を」): the people a causative deed makes do something
_ASKED_OBJECT_RX = re.compile(r"[一-龥々ァ-ヶーA-Za-z0-9]を")
# a causative stem right before the request's ない (働かせ, 行かせ, 使わせ, させ): the deed is the object's own doing
_CAUSATIVE_END_RX = re.compile(r"(?:[かがさたなばまらわ]せ|させ)$")


def _asks_not_of_another(scan: _Scan, c: _PosHit) -> bool:
    """A request that someone be kept from a deed (「…ないよう求めた」, `_ASKED_NOT_RX`, on a causative: 「各国に自国民を
    こうした船で働かせないよう求めた」), the people kept from it named as its object in its part: the request opposes
    their doing it (working on the ships), an act of its own, not the target the clause does not name (nor points
    back at: 「これを…させないよう」). A plain deed asked not be done (「預金を引き出さないよう求めた」) is the thing
    opposed, whatever words the user chose for it."""
    if c.kind != _ATT or c.pol >= 0 or scan.text[c.start].isascii() or not _ASKED_NOT_RX.match(scan.text, c.start):
        return False
    if not _CAUSATIVE_END_RX.search(scan.text, max(0, c.start - 2), c.start):
        return False
    lo = scan.seg_span(scan.seg_of(c.start))[0]
    objects = list(_ASKED_OBJECT_RX.finditer(scan.text, lo, c.start))
    return bool(objects) and not _ANAPHOR_RX.search(scan.text, max(lo, objects[-1].start() - 3), objects[-1].end())


_EN_PART_END_RX = re.compile(r"[.;:!?\"“”]")
# "and" then a verb of the target's own ("and come to talks"), not a second object of the act ("and the blockade")
_AND_VERB_RX = re.compile(
    r"(?<![A-Za-z])and\s+(?!(?:the|a|an|its|their|his|her|our|your|my|any|all|other|more|further|new)(?![A-Za-z]))"
    r"[a-z]+(?=\s)"
)


def _possessed_then_and(text: str, end: int, target: int | None) -> bool:
    """After an English act ending at `end`: its own object, then "and" and another verb (before `target`)."""
    if _EN_OBJECT_RX.match(text, end) is None and _EN_POSSESSED_RX.match(text, end) is None:
        return False
    part = _EN_PART_END_RX.search(text, end)
    limit = min(target if target is not None else len(text), part.start() if part else len(text))
    m = _AND_VERB_RX.search(text, end, limit)
    return m is not None and m.end() < limit


def _coordinated_act(scan: _Scan, c: _PosHit, target: int) -> bool:
    """An English act before the target, done to an object it names, then "and" and the target's own verb ("to stop
    their programmes and come to talks"): another deed's, not one done to the target."""
    return (
        c.kind == _ACT
        and c.end <= target
        and scan.text[c.start].isascii()
        and _possessed_then_and(scan.text, c.end, target)
    )


def _acts_on_another(scan: _Scan, c: _PosHit, target: int) -> bool:
    """An English act after the target, done to an object of its own (`stance_en_order.acts_on_another`)."""
    return c.kind == _ACT and acts_on_another(scan.text, c.start, c.end, target)


def _main_position(scan: _Scan, cl: _Clause, cues: list[_PosHit]) -> str | None:
    """The clause's main predicate: the cues of its last part that has any (or of a stance declared before, in an
    earlier sentence, see `_declared_part`)."""
    if not cues:
        return None
    declared = _declared_part(scan, cues)
    if declared:
        return _combine(declared, english=scan.text[declared[0].start].isascii())
    last = scan.seg_of(cues[-1].start)
    part = [c for c in cues if scan.seg_of(c.start) == last]
    if _demand_after_criticism(scan, cues, part) or _wish_after_rejection(scan, cues, part):
        return "oppose"
    # the target named only in the context: an act done to a thing the clause names is not done to the target; the
    # attitude with it is what the clause says ("a significant step toward stopping the Chinese government …")
    # (an attitude that governs the act: after it in Japanese, 「漁業を続けたい」; before it in English; not the act's
    # object itself, 「提案を撤回する」)
    atts = [c.start for c in part if c.kind == _ATT and c.pol]
    if atts:
        part = [
            c
            for c in part
            if not (
                _own_object(scan, c) and (min(atts) < c.start if scan.text[c.start].isascii() else max(atts) > c.start)
            )
        ] or part
    english = scan.text[cues[-1].start].isascii()
    if english and any(c.kind == _ATT and c.pol == 0 for c in part):
        return None  # "We want to gather more information before deciding": waiting, wherever it is said
    # English governs what follows its verb ("There is no need to buy more than you need"): its first attitude
    return _combine(part, english=english)


_CRITICISMS = ("批判", "非難", "反論", "反発", "抗議", "糾弾", "と反論", "遺憾", "懸念")


# a need said as a demand (「上限を設けるべきだと訴えた」, 「…必要があると主張した」): the request verb after it carries it
_DEMANDED_NEED_RX = re.compile(
    r"[ぁ-ゖ]{0,6}?(?:と|とし(?:て)?)[、,]?(?:強く|改めて|重ねて)?(?:訴え|求め|要求|要請|促|主張|強調)"
)


# the words that back a thing named as their object (「責任追及を支持する」「対日措置を支持」): said after a criticism, the
# backing of another thing, as a demand of one's own is (`_demand_after_criticism`)
_BACKING = tuple(_P["backing"])


def _backs_another(scan: _Scan, c: _PosHit) -> bool:
    """A Japanese attitude of support (`_BACKING`) right after an object of its own (「…を支持」), not one pointing back
    (「これを支持」)."""
    if c.kind != _ATT or c.pol <= 0 or not scan.text.startswith(_BACKING, c.start):
        return False
    before = scan.text[max(0, c.start - 8) : c.start]
    return _JA_OBJECT_RX.search(before) is not None and not _ANAPHOR_RX.search(before)


def _demand_after_criticism(scan: _Scan, cues: list[_PosHit], part: list[_PosHit]) -> bool:
    """「…」と批判し、少なくとも30日間の停戦を改めて求めた: a clause whose last predicate demands a thing of its own
    (a request, no act of the target's), after it criticized, in the same sentence: the criticism is the reaction to
    what the clause is said of, the demand a counter-proposal, not a stance toward it (Japanese). So is a deed of the
    speaker's own done to a thing the clause names (「「卑劣な攻撃だ」と非難し、船への攻撃を続けると表明した」: what
    it goes on doing is its answer to what it criticized, `_own_object`), and a backing of another thing named as its
    object (「「重大な違法行為だ」として非難し、警察による責任追及を支持する姿勢を示した」, `_backs_another`)."""
    if not part or scan.text[part[0].start].isascii():
        return False
    if not all(
        (c.kind == _ATT and c.pol > 0 and scan.text.startswith(_REQUESTS, c.start))
        or (c.kind == _ATT and c.pol > 0 and _DEMANDED_NEED_RX.match(scan.text, c.end) is not None)
        or (c.kind == _ACT and c.pol > 0 and _own_object(scan, c))
        or _backs_another(scan, c)
        for c in part
    ):
        return False
    first = part[0].start
    start = scan.sentence_start(first)
    return any(
        start <= c.start < first and c.kind == _ATT and c.pol < 0 and scan.text.startswith(_CRITICISMS, c.start)
        for c in cues
    )


# a rejection that closes a sentence (「期限を切らない検討などあり得ない。」): what the statement is against
_REJECTIONS = ("あり得ない", "ありえない", "論外", "許されない", "認められない", "受け入れられない", "容認できない")
_WISHES = ("ほしい", "欲しい")


def _wish_after_rejection(scan: _Scan, cues: list[_PosHit], part: list[_PosHit]) -> bool:
    """「期限を切らない検討などあり得ない。年内に結論を出してほしい」: a clause whose last part only wishes a thing done
    (〜てほしい), in the sentence after one that ends on a rejection: the wish is the counter-proposal to what was
    rejected, the rejection is the stance (Japanese; as `_demand_after_criticism` within one sentence)."""
    if not part or not all(c.kind == _ATT and c.pol > 0 and scan.text.startswith(_WISHES, c.start) for c in part):
        return False
    start = scan.spoken_sentence_start(part[0].start)
    before = [c for c in cues if c.start < start]
    return bool(before) and before[-1].pol < 0 and scan.text.startswith(_REJECTIONS, before[-1].start)


def snippet(text: str, lo: int, hi: int, focus: int) -> str:
    """The statement text shown for a clause (at most MAX_TEXT characters around `focus`)."""
    return _snippet(text, lo, hi, focus)
