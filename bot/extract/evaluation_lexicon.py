"""Evaluation said as a predicate: what a statement calls a thing, with no stance word the rules know.

「…は暴挙だ」, 「…を誘拐と非難した」, 「…は誤りにほかならない」, 「解決にはならない」; "the move was highly aggressive",
"called the raid a kidnapping", "will not solve the problem". The polarity layer (`polarity.py`) reads evaluative
predicates anywhere in a sentence; a noun or a weak word, anywhere, is no evaluation in news (「誘拐事件の捜査」,
"an aggressive timetable"), but as the predicate said of a thing it is one. This module reads two parts of
`bot/data/polarity.json` (made by `tools/make_polarity.py` from the same kept lexicons): `ja_nouns`, the plain nouns
of 日本語評価極性辞書's 名詞編 (keyed by SudachiPy normalized forms, without the nouns that state facts: 死亡, 事故,
攻撃), and `en_weak`, VADER's words of weak valence (0.5 up to 1), only in these frames:

- Japanese: the noun closed by the copula (だ, です, である), by と before a verb of calling or judging (非難, 批判,
  断じる, 呼ぶ, 指摘, 主張 …), by に before ほかならない, 等しい, 過ぎない or なる, or ending its sentence (体言止め);
- English: the word after a form of "be" (is, was, "'s", being …) or after "called/calling/labelled/described … (as)"
  with only articles and degree adverbs between ("highly", "very"), or the verb after a modal or "do" ("will not
  solve", "does not help").

A negation after the Japanese frame (ではない, にはならない) or in the English frame ("is not", "won't") turns the
reading. A positive Japanese noun counts only denied, as the polarity layer's positive words do (「解決にはならない」
opposes; 「一歩だ」 names a state hoped for). What is evaluated is the frame's subject, the part of the sentence before
the predicate: when that part is a block of something (「…を阻止する動きは暴挙だ」, "blocking the deal is reckless"),
the evaluation is of the blocking, and the reading is turned toward what is blocked. A subject that only names what
a thing is (原因, 理由, 死因, 容疑: 「原因は人為的な誤りだ」; "the cause was …") identifies, and is not read.

`japanese(sentence)` and `english(sentence)` return a signed count (+1 per positive predicate, -1 per negative) for
`polarity.evaluation`: in Japanese where its own reading is silent; in English first, since a weak predicate
governs the words of its object ("will not solve the problem" judges the tariffs, it does not deny the problem).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.text import sudachi_tokenizer
from bot.topics import read_data

__all__ = ["english", "japanese", "noun_polarity", "polarity_data"]

# Verbs of calling or judging after 〜と (「暴挙と非難した」「誤りと断じた」), in SudachiPy's normalized forms
_JA_CALLING = frozenset(
    """非難 批判 断じる 断ずる 呼ぶ 指摘 主張 強調 訴える 言う 述べる 評する 表現 位置付ける 見做す 糾弾 断定 批評 酷評
    称賛 絶賛 称える 評価 形容 指弾 反発 考える 思う 捉える 受け止める 感じる""".split()  # noqa: SIM905
)
# after 〜に: 「暴挙にほかならない」「誤りに等しい」「茶番に過ぎない」「解決にならない」
_JA_NI_PREDICATES = frozenset({"外", "他", "ほか", "等しい", "過ぎる", "成る", "なる", "繋がる"})
_JA_IDIOMS = frozenset({"外", "他", "ほか", "過ぎる"})
_JA_COPULA = frozenset({"だ", "です"})
_JA_NEGATORS = frozenset({"ない", "無い", "ず", "ぬ", "ん"})
_JA_BRIDGE = frozenset("は も で に じゃ だ です 有る ある 成る なる 言える 過ぎる".split())  # noqa: SIM905
# a subject that names what a thing is (its cause, its charge): the predicate identifies, it does not evaluate
_JA_IDENTIFYING = frozenset(
    "原因 理由 死因 要因 背景 容疑 罪名 疑い 目的 狙い 趣旨 内容 対象 結果 名目 正体 実態 理屈 主因".split()  # noqa: SIM905
)
# a block of the thing evaluated: an evaluation of it is the other way toward the thing (「…を阻止する動きは暴挙だ」)
_JA_BLOCKS = frozenset("阻止 妨害 妨げる 阻む 邪魔 拒否 拒む 反対 破棄 撤回 反故".split())  # noqa: SIM905
_SENTENCE_END = frozenset({"。", "！", "？", "!", "?", "」", "』"})

_EN_WORD_RX = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|n't")
_EN_BE = frozenset("is are was were be been being 's am".split())  # noqa: SIM905
_EN_CALLING = frozenset("called calling call calls labelled labeled described describing branded termed".split())  # noqa: SIM905
_EN_MODAL = frozenset("will would can could does do did should shall may might must won't cannot".split())  # noqa: SIM905
_EN_BETWEEN = frozenset(
    """a an the very highly extremely deeply so too really clearly totally utterly completely most more quite
    particularly incredibly increasingly absolutely simply just certainly hugely seriously as it this that""".split()  # noqa: SIM905
)
_EN_NEGATORS = frozenset({"not", "n't", "never", "no", "cannot", "won't"})
_EN_IDENTIFYING = frozenset("cause reason charge charges motive purpose aim result".split())  # noqa: SIM905
_EN_BLOCK_RX = re.compile(
    r"\b(?:block|blocking|obstruct|obstructing|derail|derailing|scrap|scrapping|oppos(?:e|ing))\b", re.I
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    nouns: dict[tuple[str, ...], int]
    longest: int
    weak: dict[str, float]


@lru_cache(maxsize=1)
def polarity_data() -> dict:
    """`bot/data/polarity.json`, parsed once for this module's tables and `polarity`'s (the file is large)."""
    return read_data("polarity.json")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = polarity_data()
    nouns = {tuple(k.split(" ")): int(v) for k, v in data.get("ja_nouns", {}).items()}
    weak = {k: float(v) for k, v in data.get("en_weak", {}).items()}
    return _Lexicon(nouns, max(map(len, nouns), default=1), weak)


def noun_polarity(key: tuple[str, ...]) -> int:
    """The 名詞編 polarity of a noun (its normalized forms), 0 when the lexicon does not hold it."""
    return _lexicon().nouns.get(key, 0)


def japanese(sentence: str) -> float:
    """The predicate nouns of a Japanese sentence, summed (+1 / -1 each; see the module)."""
    lex = _lexicon()
    tokens = [(m.normalized_form(), m.part_of_speech()[0]) for m in sudachi_tokenizer().tokenize(sentence)]
    forms = [t[0] for t in tokens]
    total = 0.0
    k = 0
    while k < len(forms):
        for n in range(min(lex.longest, len(forms) - k), 0, -1):
            pol = lex.nouns.get(tuple(forms[k : k + n]))
            if pol is not None:
                break
        else:
            k += 1
            continue
        end = k + n
        frame = _ja_frame(tokens, end)
        if frame is not None:
            negated = _ja_negated(tokens, frame)
            subject = forms[_clause_start(forms, k) : k]
            if (pol < 0 or negated) and not _JA_IDENTIFYING.intersection(subject):
                value = -pol if negated else pol
                total += -value if _JA_BLOCKS.intersection(subject) else value
        k = end
    return total


def _ja_frame(tokens: list[tuple[str, str]], k: int) -> int | None:
    """Where the predicate frame that a noun ending before token k heads ends (the token after it), or None."""
    if k >= len(tokens) or tokens[k][0] in _SENTENCE_END:
        return k  # 体言止め
    form, pos = tokens[k]
    if form in _JA_COPULA and pos == "助動詞":
        return k + 1
    if form == "で" and k + 1 < len(tokens) and tokens[k + 1][0] in ("有る", "ある", "は", "も"):
        return k + 1  # である, ではない, でもない
    if form == "と" and pos == "助詞":
        for f, p in tokens[k + 1 : k + 4]:
            if f in _JA_CALLING:
                return k + 1
            if p not in ("動詞", "助詞", "助動詞") and f not in ("し", "する"):
                break
        return None
    if form == "に" and pos == "助詞":
        for i, (f, _p) in enumerate(tokens[k + 1 : k + 3], start=k + 1):
            if f in _JA_IDIOMS:  # 「暴挙にほかならない」「茶番に過ぎない」: their ない denies nothing
                j = i + 1
                while j < len(tokens) and (tokens[j][0] in ("成る", "なる") or tokens[j][0] in _JA_NEGATORS):
                    j += 1
                return j
            if f in _JA_NI_PREDICATES:
                return k + 1
            if f not in ("は", "も"):
                break
    return None


def _ja_negated(tokens: list[tuple[str, str]], k: int) -> bool:
    for form, pos in tokens[k : k + 5]:
        if form in _JA_NEGATORS and pos in ("助動詞", "形容詞"):
            return True
        if form not in _JA_BRIDGE and form not in _JA_NI_PREDICATES and pos not in ("助詞", "助動詞"):
            return False
    return False


def _clause_start(forms: list[str], k: int) -> int:
    """The start of the part before token k that is its subject: after the last comma or quotation mark."""
    for i in range(k - 1, -1, -1):
        if forms[i] in ("、", ",", "「", "『", "。"):
            return i + 1
    return 0


def english(sentence: str) -> float:
    """The weak evaluative words of an English sentence said as a predicate, +1 / -1 each (see the module)."""
    weak = _lexicon().weak
    words = [m.group(0).lower() for m in _EN_WORD_RX.finditer(sentence)]
    total = 0.0
    for i, w in enumerate(words):
        valence = weak.get(w)
        if valence is None:
            continue
        j = i - 1
        negated = False
        while j >= 0 and (words[j] in _EN_BETWEEN or words[j] in _EN_NEGATORS):
            negated |= words[j] in _EN_NEGATORS
            j -= 1
        if j < 0:
            continue
        head = words[j]
        if head in _EN_CALLING:
            pass
        elif head in _EN_BE or head in _EN_MODAL:
            negated |= head in ("won't", "cannot")
        elif not (i - j <= 4 and any(x in _EN_CALLING for x in words[max(0, j - 3) : j + 1])):
            continue  # "called the raid a kidnapping": a calling verb with its object between
        subject = words[max(0, j - 6) : j]
        if _EN_IDENTIFYING.intersection(subject):
            continue
        value = -1 if (valence < 0) != negated else 1
        total += -value if _EN_BLOCK_RX.search(" ".join(subject)) else value
    return total
