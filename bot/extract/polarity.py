"""A general polarity layer: whether a span of text evaluates what it speaks of clearly well or clearly badly.

The position rules (`bot/data/positions.json`) read stance words: attitudes, acts, refusals, conditions. An
evaluation with no stance word — 「この結果は残念だ」, "this outcome is unfortunate", "the government's diplomatic
incompetence" — they read as no position. `evaluation(text)` reads such a span with two kept lexicons
(`bot/data/polarity.json`, made by `tools/make_polarity.py`): 日本語評価極性辞書 matched on SudachiPy's normalized
forms (only evaluative predicates: adjectives, na-adjectives, verbs of its 用言編 — never an event noun such as
被害 or 事故, which a report states), and VADER's English lexicon. A word negated after it (「適切ではない」,
「問題は見当たらない」) or before it in its part ("not acceptable", "not going to say we're in the clear") counts the
other way; a sentence that hedges
(かもしれない, "may", "might") or asks (か？, "?") decides nothing. It answers only when one side clearly
outweighs the other: +1, -1, else 0.

What a sentence calls a thing (「…は暴挙だ」, "was highly aggressive": a predicate noun or weak word) is read by
`evaluation_lexicon`, in Japanese where these words read nothing, in English first.

Used by `stance.position_toward` only where the rules found no cue at all (the rules stay first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract import evaluation_lexicon
from bot.text import split_sentences, sudachi_tokenizer

__all__ = ["TROUBLE", "evaluation", "predicate_polarity"]

# The normalized forms of the negating words after a Japanese predicate (〜ない, 〜ず, 〜ぬ, ません's ん).
_JA_NEGATORS = frozenset({"ない", "無い", "ず", "ぬ", "ん"})
# What may stand between an evaluated word and its negation: particles (は, が, も, では, に), the copula and
# auxiliaries (で, だ, です, ある), and verbs of finding or seeing a thing (問題は見当たらない: 見る + 当たる in
# SplitMode A, 見られない).
_JA_BRIDGE = frozenset("は が も で に じゃ だ です 有る ある 見当たる 見る 当たる 見られる 感じる 居る".split())  # noqa: SIM905
# Trouble said of a thing (問題, 支障, 懸念): no evaluation on its own — a report names problems — but denied
# (「問題はない」「支障は見当たらない」) it is a clear approval of what it is said of.
TROUBLE = frozenset({"問題", "支障", "懸念", "心配", "不安", "落ち度", "瑕疵", "欠陥", "非"})
_JA_HEDGE_RX = re.compile(r"かもしれ|かも知れ|可能性|だろうか|でしょうか|のか[。？?」]|[？?]")
_EN_WORD_RX = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|n't")
_EN_NEGATORS = frozenset({"not", "n't", "no", "never", "without", "nor", "cannot", "hardly", "neither"})
# a part that gives a reason or the circumstances ("citing …", "because …", "amid …") evaluates those, not the
# thing the clause takes a position on
_EN_CIRCUMSTANCE_RX = re.compile(r"\s*(?:citing|because|since|due to|amid|after|despite|as a result)(?![A-Za-z])", re.I)
# a negation reaches no further than these
_EN_PUNCT_RX = re.compile(r"[,;:–—]")
_EN_CONJUNCTION_RX = re.compile(r"\s(?:but|and|while|although|though)\s")
_EN_HEDGE_RX = re.compile(r"(?<![A-Za-z])(?:may|might|perhaps|possibly|whether)(?![A-Za-z])|\?", re.I)
# what may stand between a negative word and the good thing it is done to ("erode public trust")
_EN_OBJECT_OPENERS = frozenset("the a an its their his her our your my public any all".split())  # noqa: SIM905
MIN_EN = 1.5  # the summed VADER valence one side must reach (one "unfortunate" is -2.0, one "good" +1.9)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    ja: dict[tuple[str, ...], int]
    ja_longest: int
    en: dict[str, float]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = evaluation_lexicon.polarity_data()
    ja = {tuple(k.split(" ")): int(v) for k, v in data["ja"].items()}
    return _Lexicon(ja, max(map(len, ja)), {k: float(v) for k, v in data["en"].items()})


def evaluation(text: str) -> int:
    """+1 when the text evaluates clearly positively, -1 clearly negatively, 0 otherwise (see the module)."""
    total = 0.0
    for s, e in split_sentences(text) or [(0, len(text))]:
        sentence = text[s:e]
        # what the sentence calls a thing (`evaluation_lexicon`: 暴挙だ, 「解決にはならない」, "was highly aggressive"):
        # in Japanese where the evaluative words read nothing; in English first (a predicate governs its object)
        if re.search(r"[ぁ-ゖァ-ヺ一-龥]", sentence):
            if not _JA_HEDGE_RX.search(sentence):
                total += _japanese(sentence) or evaluation_lexicon.japanese(sentence)
        elif not _EN_HEDGE_RX.search(sentence):
            total += evaluation_lexicon.english(sentence) or _english(sentence) / MIN_EN
    return 1 if total >= 1 else -1 if total <= -1 else 0


# verbs whose meaning is their object's (衝撃を受ける, 被害を受ける, 姿勢を見せる): the lexicon holds them for another
# sense (受ける: to be popular), which is no evaluation of what they govern; and 良い of a suggestion or permission
# (「助かればいい」「参加してもいい」), which the position rules read (a suggestion is no condition)
_JA_OBJECT_VERBS = frozenset({"受ける", "見せる", "良い"})


def predicate_polarity(head: str) -> int:
    """+1 / -1 for a Japanese predicate's head word (a normalized form: 有効, 遺憾, 誤る) that the kept lexicons
    hold as an evaluation — an evaluative predicate of 用言編, or a plain noun of 名詞編 said as the predicate (the
    head of a copula or light verb: 暴挙だ, 機能した) — else 0. A positive word counts here as it stands: it is
    said of the phrase it governs, not somewhere in the sentence."""
    if head in _JA_OBJECT_VERBS:
        return 0
    key = (head,)
    pol = _lexicon().ja.get(key)
    if pol is None:
        pol = evaluation_lexicon.noun_polarity(key)
    return 1 if pol and pol > 0 else -1 if pol and pol < 0 else 0


def _japanese(sentence: str) -> float:
    lex = _lexicon()
    tokens = [(m.normalized_form(), m.part_of_speech()[0]) for m in sudachi_tokenizer().tokenize(sentence)]
    forms = [t[0] for t in tokens]
    found = [0, 0]  # negative, positive
    k = 0
    while k < len(forms):
        for n in range(min(lex.ja_longest, len(forms) - k), 0, -1):
            pol = lex.ja.get(tuple(forms[k : k + n]))
            if pol is not None:
                break
        else:
            n, pol = 1, None
        negated = _ja_negated(tokens, k + n)
        # said under a judgment that is not held (「安全でないとは考えていない」「適切だとは言えない」): the other way
        # (not 良い: 「助かればいいとは思っていない」 says it is not enough, `_JA_OBJECT_VERBS`)
        turned = (
            (pol is not None or forms[k] in TROUBLE)
            and forms[k] not in _JA_OBJECT_VERBS
            and _judgment_denied(tokens, _ja_negation_end(tokens, k + n))
        )
        negated = negated != turned
        if pol is None and forms[k] in TROUBLE and negated:
            found[1] += 1  # 「問題はない」: trouble denied
        elif pol is not None and (pol < 0 or negated or turned):
            # a positive word read as it stands is no evaluation of the target in Japanese news: it names the state
            # hoped for or described (安全, 自由, 円滑に; measured on every corpus: right in 2 of the 5 it decided);
            # a negative one (理不尽だ, 無責任だ) or a denied one (適切ではない) is, and so is one whose denial is itself
            # not held (「安全でないとは考えていない」: said to be so)
            pol = -pol if negated else pol
            found[pol > 0] += 1
        k += n
    return _balance(found[1], found[0])


def _ja_negated(tokens: list[tuple[str, str]], k: int) -> bool:
    """A negation closes the predicate that ends before token k: only particles, the copula, auxiliaries and
    verbs of finding lie between (「適切ではない」「問題は見当たらない」「欠かない」)."""
    return _ja_negation_end(tokens, k) > k


def _ja_negation_end(tokens: list[tuple[str, str]], k: int) -> int:
    """The token after the negation `_ja_negated` finds from token k; k itself when there is none."""
    for j, (form, pos) in enumerate(tokens[k : k + 5], start=k):
        if form in _JA_NEGATORS and pos in ("助動詞", "形容詞"):
            return j + 1
        if form not in _JA_BRIDGE and pos not in ("助詞", "助動詞"):
            return k
    return k


# verbs of judging whose negation after 〜と(は) says the judgment is not held (〜とは思わない, 〜とは言えない)
_JA_JUDGING = frozenset({"思う", "考える", "言う", "言える", "いえる"})
_JA_JUDGED_BETWEEN = frozenset({"て", "で", "居る", "おる", "いる"})


def _judgment_denied(tokens: list[tuple[str, str]], j: int) -> bool:
    """From token j: (だ) と(は) (決して…) a verb of judging (て いる) and its negation: 「…とは考えていない」,
    「…だとは言えない」, 「…とは決して思わない」 (not 「…とも言えない」, no judgment made either way)."""
    if j < len(tokens) and tokens[j][0] in ("だ", "です") and tokens[j][1] == "助動詞":
        j += 1
    if not (j < len(tokens) and tokens[j] == ("と", "助詞")):
        return False
    j += 1
    if j < len(tokens) and tokens[j][0] == "は":
        j += 1
    if j < len(tokens) and tokens[j][1] == "副詞":
        j += 1
    if not (j < len(tokens) and tokens[j][0] in _JA_JUDGING and tokens[j][1] == "動詞"):
        return False
    j += 1
    while j < len(tokens) and tokens[j][0] in _JA_JUDGED_BETWEEN:
        j += 1
    return j < len(tokens) and tokens[j][0] in _JA_NEGATORS and tokens[j][1] in ("助動詞", "形容詞")


def _english(sentence: str) -> float:
    """VADER's valences summed over the sentence's words, each negated by a negation before it in its part (up to
    a comma: "We are not going to say we're in the clear"); a capitalised word inside the sentence is a name
    (United States, Liberal Democratic Party), not an evaluation; a part giving a reason is not read."""
    lex = _lexicon()
    pos = neg = 0.0
    chunks = _EN_PUNCT_RX.split(sentence)
    # "…, citing his client's financial strain": the reason's words, up to the next comma
    parts = [p for c in chunks if not _EN_CIRCUMSTANCE_RX.match(c) for p in _EN_CONJUNCTION_RX.split(c)]
    for part in parts:
        negated = False
        harmed = -1  # the index of the word a negative word just before is done to
        for i, m in enumerate(_EN_WORD_RX.finditer(part)):
            w = m.group(0).lower()
            negated |= w in _EN_NEGATORS
            valence = lex.en.get(w)
            if valence is None or (m.group(0)[0].isupper() and part[: m.start()].strip(" \"'“‘")):
                if harmed == i and w in _EN_OBJECT_OPENERS:
                    harmed += 1  # "threaten their freedom": the possessive or article before the object
                continue
            if valence > 0 and harmed == i:
                # the good thing a negative word harms ("threaten innovation", "undermine trust", "more harm than
                # good"): what is harmed, no praise of what the sentence speaks of
                continue
            if valence < 0:
                harmed = i + 1 if part[m.end() : m.end() + 6].lstrip().lower()[:4] != "than" else i + 2
            valence = -valence if negated else valence
            if valence > 0:
                pos += valence
            else:
                neg -= valence
    return _balance(pos, neg)


def _balance(pos: float, neg: float) -> float:
    """The stronger side, when it is at least twice the weaker (a mixed evaluation says nothing clear)."""
    if pos >= 2 * neg:
        return pos - neg
    if neg >= 2 * pos:
        return -(neg - pos)
    return 0.0
