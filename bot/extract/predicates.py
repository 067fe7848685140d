"""The predicate that governs a phrase of a Japanese clause, and its modality, read over SudachiPy tokens.

Japanese is head-final: a phrase (「利用者に」「ほかの自治体に」) is an argument of the first predicate after it
that ends its chain, and what that predicate says of it — negated (〜ない, 〜ず, 〜ません, 〜わけではない),
set aside for something else (〜のではなく, 〜より) — is said of the phrase. The walk reads parts of speech
and normalized forms, not surface strings, so 「劣っていたわけではない」 and 「負わせるのではなく」 are one
reading, and a relative clause (「負わせる制度」) or a te-form that leans on the next predicate (「比べて劣る」)
passes the phrase on to the predicate after it.

`governing(text, at, end)`: the governing predicate of the phrase ending at `at`, looked for up to `end`
(the end of the phrase's sentence or clause), or None when no predicate closes it there.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.text import sudachi_tokenizer

__all__ = ["Predicate", "governing"]

# The normalized forms of the negating words: the auxiliary ない, the adjective 無い after a predicate
# (〜ではない, 〜てない), the classical ず (ず, ぬ, and ません's ん).
_NEGATORS = frozenset({"ない", "無い", "ず", "ぬ"})
# Nouns that nominalize a predicate so that it can be negated as a whole: 〜わけではない, 〜のではなく,
# 〜ことはない (the particle の is read the same way, below).
_NOMINALIZERS = frozenset({"訳", "事", "の", "もの", "物"})
# Verbs that lean on the verb before them (〜ている, 〜てしまう, 〜ておく, 〜てくる): one predicate with it.
_AUXILIARY_VERBS = frozenset({"居る", "仕舞う", "置く", "来る", "行く", "有る", "見る", "貰う", "呉れる", "遣る"})
# Not knowing, not having decided, not having said: a negation of these says nothing against the phrase.
_UNDECIDED = frozenset({"決める", "分かる", "知る", "触れる", "答える", "明らか", "定まる", "決まる"})
# Trouble said not to exist (問題はない, 支障はない, 変わりはない) is no denial of the phrase it is said of.
_TROUBLE = frozenset({"問題", "支障", "懸念", "心配", "不安", "異論", "異存", "遜色", "影響", "変わり", "狂い", "差"})
# A phrase said not to change (「支持は揺るがない」「方針は変わらない」「計画に変更はない」「姿勢にぶれはない」): no
# denial of it, it stays as it is (`Predicate.steady`); not 「何も変わらない」, a change said to bring nothing.
_STEADY = frozenset({"揺るぐ", "揺らぐ", "変わる", "ぶれる", "覆る"})
_CHANGE = frozenset({"変わり", "変更", "揺るぎ", "ぶれ", "変化"})  # the nouns of a change said not to be there
_MAX_CHARS = 60  # a phrase this far from any predicate is no argument of one


@dataclass(frozen=True, slots=True)
class Predicate:
    """The predicate governing a phrase: where it ends (in the text given) and what it says of the phrase."""

    end: int
    head: str  # the normalized form of its first word (劣る, 負う)
    negated: bool  # said not to be the case, or not done
    contrast: bool  # set aside for something else: 〜のではなく、…, 〜より
    condition: bool = False  # the predicate of a condition (〜すれば, 〜するのであれば, 〜しない限り, 〜なら)
    steady: bool = False  # said not to change (「揺るがない」「変更はない」): the phrase stays as it is

    @property
    def denies(self) -> bool:
        """The phrase is said not to be the case (or set aside), by a predicate that does more than not know."""
        return (self.negated or self.contrast) and not self.condition and self.head not in _UNDECIDED


def governing(text: str, at: int, end: int) -> Predicate | None:
    """The predicate governing the phrase that ends at `at` (an offset in `text`), looked for before `end`."""
    end = min(end, at + _MAX_CHARS)
    # the phrase's own word is tokenized with what follows it: 「手順が」 read alone from が makes が a conjunction
    return _governing(text[max(0, at - _LEFT_CHARS) : at], text[at:end]) if at < end else None


_LEFT_CHARS = 6


@lru_cache(maxsize=4096)
def _governing(left: str, rest: str) -> Predicate | None:
    # NFKC folds width (1:1); a character it expands would only shift the reported end, which callers clamp
    tokens = [
        (m.surface(), m.part_of_speech()[0], m.normalized_form(), m.part_of_speech()[5])
        for m in sudachi_tokenizer().tokenize(unicodedata.normalize("NFKC", left + rest))
    ]
    k = 0  # the tokens of the phrase's word (and one that runs on past it, 自治|体) are not read
    read = 0
    while k < len(tokens) and read < len(left):
        read += len(tokens[k][0])
        k += 1
    tokens = tokens[k:]
    pos = read - len(left)  # characters of `rest` read
    k = 0
    n = len(tokens)
    other_noun = False  # a noun of its own between the phrase and the predicate
    genitive = False  # the phrase is a modifier (Xの) of a noun after it
    cased = False  # the phrase has its own case (Xが, Xに): an の after it is another phrase's
    while k < n:
        surface, tag, form, _ = tokens[k]
        if tag == "形容詞" and form == "無い" and other_noun:
            # another noun said not to exist: 「Xは必要はない」「Xの予定はない」 deny X, but 「Xも抜かりなく」 (a
            # noun right before ない: a manner, 間違いなく) and 「Xに問題はない」 (no trouble with X) do not
            previous = tokens[k - 1]
            if previous[1] not in ("名詞", "形状詞") and tokens[k - 2][2] in _CHANGE and not _nothing(tokens, k - 2):
                return Predicate(pos + len(surface), "無い", False, False, _conditional(tokens, k), steady=True)
            if previous[1] in ("名詞", "形状詞") or tokens[k - 2][2] in _TROUBLE:
                return None
        if tag == "補助記号" and surface in "。！？!?」』":
            return None  # the sentence (or quote) ends before a predicate closes the phrase
        if (tag == "助詞" and form == "より") or (k == 0 and surface == "より"):  # Xより…: set aside for what follows
            return Predicate(pos + len(surface), tokens[k - 1][2] if k else "", False, True)
        # 「県民の命を守れない」: after Xの, a noun with its own case is the predicate's argument, X only its
        # modifier (but 「Xの必要はない」 is X's need said not to exist, read below)
        if (
            tag == "助詞"
            and genitive
            and tokens[k - 1][1] in ("名詞", "接尾辞")
            and form != "の"
            and not (k + 1 < n and tokens[k + 1][2] == "無い")
        ):
            return None
        if tag == "助詞":  # only an の before any case of the phrase's own makes it a modifier
            genitive |= form == "の" and not cased
            cased |= form != "の"
        if not (tag in ("動詞", "形容詞") or (tag == "助動詞" and form in ("だ", "です", "ない"))):
            # the nouns right after the phrase's word, before any particle, are the rest of the phrase (利用|者)
            other_noun |= tag in ("名詞", "形状詞") and any(t[1] == "助詞" for t in tokens[:k])
            pos += len(surface)
            k += 1
            continue
        # a light verb or a copula takes its noun as the head: 参加し(ない) is 参加, 必要だ is 必要
        light = form in _LIGHT_VERBS or tag == "助動詞"
        head = tokens[k - 1][2] if light and k > 0 and tokens[k - 1][1] in ("名詞", "形状詞") else form
        condition = _conditional(tokens, k)
        # 「Xに「技術的な問題は見当たらない」」: the predicate's own subject is trouble (問題は, 支障が), so its
        # negation denies the trouble, not X
        trouble = k >= 2 and tokens[k - 1][2] in ("は", "が", "も") and tokens[k - 2][2] in _TROUBLE
        negated = False
        start = k
        while True:  # the predicate's chain: auxiliaries, te + auxiliary verbs, a nominalizer + では + ない
            surface, tag, form, _ = tokens[k]
            negated |= form in _NEGATORS and tag in ("助動詞", "形容詞")
            pos += len(surface)
            k += 1
            steady = negated and head in _STEADY and not _nothing(tokens, start)
            if k >= n:
                if steady:
                    return Predicate(pos, head, False, False, condition, steady=True)
                return None if negated and trouble else Predicate(pos, head, negated, False, condition)
            nxt, ntag, nform, _ = tokens[k]
            after = tokens[k + 1] if k + 1 < n else ("", "", "", "")
            if ntag == "助動詞" or (ntag == "形容詞" and nform in _NEGATORS):
                continue  # 〜ない, 〜ませんでした, 〜てない, 〜ではない
            if tag == "動詞" and ntag == "動詞":
                continue  # a compound verb: 建て替える, 受け入れる
            if ntag == "助詞" and nform in ("て", "で") and after[2] in _AUXILIARY_VERBS:
                continue  # 〜ている, 〜てしまう
            if tag == "助詞" and form in ("て", "で") and ntag == "動詞" and nform in _AUXILIARY_VERBS:
                continue
            if ntag == "助詞" and nform == "は" and form in ("で", "だ"):
                continue  # 〜では(ない)
            if ntag in ("名詞", "助詞") and nform in _NOMINALIZERS:
                negator = _negated_copula(tokens, k + 1)
                if negator:  # 〜わけではない, 〜のではなく: the nominalized predicate, negated as a whole
                    pos += sum(len(t[0]) for t in tokens[k:negator])
                    k = negator
                    continue
            if ntag == "助詞" and nform == "より":  # 〜するより、…
                return Predicate(pos + len(nxt), head, negated, True, condition)
            if ntag == "助詞" and nform in ("て", "で") and after[1] != "補助記号":
                break  # 比べて(対応が)劣る: a te-form with no comma leans on the next predicate, which governs it
            if ntag in ("名詞", "接尾辞") and not negated:
                break  # an adnominal predicate (負わせる制度): the phrase goes on in the noun it describes
            # 〜のではなく、…: the negated phrase is set aside for what follows it
            contrast = negated and form in _NEGATORS and surface.endswith("く")
            if steady and not contrast:
                return Predicate(pos, head, False, False, condition, steady=True)
            return None if negated and trouble else Predicate(pos, head, negated, contrast, condition)
    return None


# Verbs that only make a predicate of the noun before them.
_LIGHT_VERBS = frozenset({"為る", "出来る", "成る"})


_Token = tuple[str, str, str, str]  # surface, part of speech, normalized form, conjugation


def _conditional(tokens: list[_Token], k: int) -> bool:
    """The predicate opening at token k ends its part (up to the next punctuation) as a condition: a
    hypothetical form (すれば, であれば, なら, したら) or 〜限り."""
    for _, tag, form, conj in tokens[k : k + 10]:
        if tag == "補助記号":
            return False
        if conj.startswith("仮定形") or form in ("ば", "限り"):
            return True
    return False


def _nothing(tokens: list[_Token], k: int) -> bool:
    """「何も」 (or 全く, 少しも) right before token k: 「何も変わらない」 says a change brings nothing, no steadiness."""
    return k >= 1 and (
        tokens[k - 1][2] in ("全く", "少しも", "ちっとも")
        or (k >= 2 and tokens[k - 2][2] == "何" and tokens[k - 1][2] == "も")
    )


def _negated_copula(tokens: list[_Token], k: int) -> int:
    """From token k: で/だ, は or も (optional), then a negator (〜ではない, 〜でなく, 〜でもない): the negator's
    index, else 0."""
    if k < len(tokens) and tokens[k][2] in ("で", "だ"):
        k += 1
        if k < len(tokens) and tokens[k][0] in ("は", "も"):
            k += 1
        if k < len(tokens) and tokens[k][2] in _NEGATORS:
            return k
    return 0
