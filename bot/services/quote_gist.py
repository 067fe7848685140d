"""A third opinion on a quote: a reworded quote found by its gist.

A quote as a person remembers it keeps what was said, not how: 「今後の人生をかけて、この問題に向き合っていく」
comes back as 「これからの人生を懸けてこの問題に取り組んでいきます」. The character score (rapidfuzz) and the
second opinion (the quote's words in order, quote_score) both want the wording. This one weighs the quote's
content words by rarity and counts each found in a passage as typed, through a synonym of the dictionary, or
(in part) through a word-vector neighbour, in any order.

A plausible quote nobody said shares a story's words too, so a passage is taken only when all of these hold:
- it holds most of the quote's weight (GIST_MIN), and clearly more than any other passage (GIST_LEAD×);
- the words gather in one of its sentences or quotations (SEGMENT_MIN), not scattered over a paragraph;
- at least GIST_WORDS of them;
- it does not say the opposite (a negation or refusal on one side only: 受け入れ不可能 against 歓迎した; an antonym of a
  quote's word in place of the word: 利上げ for 利下げ, `says_opposite`), nor put it as someone else's question or
  demand (「…べきではないか」との質問, 〜を求める声), which are not the speaker's words.
The thresholds were set on the 39 stories of eval/stories (182 reworded and 165 absent quotes), GIST_MIN as the
lowest share at which none of the absent ones is taken (one, a plausible line made of a passage's words, holds
0.708 of its weight); the held-out stories judge them. README, "Quote matching that survives rewording".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.about import about_settings
from bot.extract.lexicon import antonyms_of, neighbours_of, synonyms_of
from bot.services import quote_score
from bot.services.quote_english import (
    STEM_MARK,
    english_antonym_marks,
    english_content,
    english_function_word,
    english_gist_word,
    english_stem_marks,
)
from bot.text import (
    Morpheme,
    analyze,
    fold_variants,
    index_tokens,
    is_content_pos,
    morphemes,
    normalize,
    strip_parentheticals,
)

GIST_MIN = 0.72  # share of the quote's weight the passage must hold (calibrated: see the module docstring)
GIST_LEAD = 1.3  # … and this many times the share of the next passage with other words
SEGMENT_MIN = 0.55  # share one sentence or quotation of that passage must hold on its own
GIST_WORDS = 3  # words found, at the least
# A quotation that holds this share on its own is taken without GIST_MIN: a reworded quote is a remembered
# quotation, and a plausible line nobody said, made of a story's words, gathers them in narration, not inside one
# speaker's quotation marks (on the 45 corpora of eval/: no absent quote's quotation passes 0.35 unless a guard
# refuses it, one stands at 0.68 behind a rival passage; remembered quotations hold 0.55–0.98).
QUOTED_MIN = 0.5
SYNONYM_CREDIT = 0.9  # a word found through a synonym of the dictionary
NEIGHBOUR_CREDIT = 0.6  # … through a word-vector neighbour (as often a related thing as the same one)
NEIGHBOUR_MIN = 0.6  # cosine of a neighbour that counts
# Words that carry the grammar of a sentence, not what it says (Sudachi's normalized forms).
LIGHT = frozenset(
    [
        "為る",
        "居る",
        "有る",
        "成る",
        "出来る",
        "行く",
        "来る",
        "言う",
        "思う",
        "貰う",
        "呉れる",
        "遣る",
        "下さる",
        "欲しい",
        "良い",
        "無い",
        "こと",
        "事",
        "物",
        "様",
        "為",
        "所",
        "時",
        "方",
        "中",
        "上",
        "的",
        "等",
        "此の",
        "其の",
        "此れ",
        "其れ",
        "此方",
        "其方",
    ]
)
# Formal nouns and affixes of the grammar (〜するつもり, 〜のはず, 〜わけではない, 〜かもしれない, お客さま, 私たち): a passage that
# says them too is worded alike, one that does not may say the same; they weigh GRAMMAR_WEIGHT of their rarity
GRAMMAR = frozenset(["積もり", "筈", "訳", "知れる", "御", "達"])
GRAMMAR_WEIGHT = 0.5
# Verbs that follow another verb as its grammar (completion, direction, attempt, excess, continuation: 〜てしまう,
# 〜ていく, 〜てみる, 〜ておく, 〜すぎる, 〜続ける, あり得る), not what it says; only after a verb's continuative form or
# て/で (Sudachi's normalized forms; the ones LIGHT holds anywhere are left to it)
_SUBSIDIARY = frozenset(
    ["仕舞う", "見る", "置く", "上げる", "頂く", "過ぎる", "続ける", "始める", "得る", "終わる", "終える"]
)
# Particles of several words (にとって, について, に対して, によって, をめぐって): their verbs (取る, 就く, 対する, 因る, 巡る)
# are grammar, not what a quote says; read as the one particle they stand for.
_COMPOUND_PARTICLE = re.compile(
    r"(に)(?:とって|とり|ついて|つき|対して|対し|対する|関して|関し|関する|よって|より|よる|おいて|於いて|おける)"
    r"|(を)(?:めぐって|めぐり|めぐる|巡って|巡り|巡る|通じて|通じ|通して)"
)
# A negation of the grammar (counted: two make a yes, 〜がなければ実現しなかった) and a word that says no.
NEGATION_RE = re.compile(r"ない|なく|なけれ|なかっ|ません|ぬ|ず(?=[、。にとも]|$)|\bnot\b|\bnever\b|n't\b")
_NEGATIVE_WORD = re.compile(r"不可|否定|拒否|拒ん|反対|見送|(?:予想|想定|予期)外|refus|reject|oppos|den(?:y|ied)")
# Forms that carry ない/ず without saying no: 〜しかねない ("may well"), 〜かもしれない, 〜しかできない ("only"),
# 〜ざるを得ない, 〜なければならない ("must"), 違いない, 欠かせない, 構わない, 申し訳ない, すみません, 〜ないほど
# (a degree: 言葉にできないほど), a negation inside a noun's modifier (言い表せない苦労; not 〜ない気がする, "I feel no one…"),
# 少ない, 間もなく, a tag question (〜のではないか).
_NOT_NEGATION = re.compile(
    r"かね(?:ない|ず)|かもしれ(?:ない|ません)|しか[^、。」]{0,8}?(?:ない|ません)|ほか(?:ない|ありません)"
    r"|申し訳(?:ない|なく|なかっ|ありません|ございません)|すみません|(?:構わ|かまわ|欠かせ|間違い)(?:ない|ません)"
    r"|(?:ない|ません)(?:ほど|くらい|ぐらい)|(?:ない|ぬ)(?=[一-龥ァ-ヶ])(?!気[がもはす])"
    r"|ざるを得(?:ない|ません)|(?:なけれ|なくて)ば?(?:は)?なら(?:ない|ず)|ねばなら(?:ない|ず)|違いない"
    r"|少な[いくけかっ]+|間もなく|限りなく|(?:の|ん)?では(?:ない|ありません)(?:か|でしょうか)"
)
_ASKED = re.compile(
    r"[」\"”](?:と|との)(?:質問|問い)|[」\"”]との(?:声|指摘|要望|要求)|を求める声|よう求め|(?:か|かね)[」\"”]と(?:質|問|尋)"
)
_QUOTATION = re.compile(r"「([^「」]{4,})」|[\"“]([^\"“”]{12,})[\"”]")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
JAPANESE_CHAR_RE = re.compile(r"[ぁ-んァ-ヶ一-龥々]")
_FIGURE = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
)


@dataclass(frozen=True, slots=True)
class GistWord:
    form: str
    weight: float
    synonyms: frozenset[str]
    neighbours: frozenset[str]
    antonyms: frozenset[str] = frozenset()  # the words that say its opposite (利上げ for 利下げ, lower for raise)

    def credit(self, held: set[str]) -> float:
        if self.form in held:
            return 1.0
        if self.synonyms & held:
            return SYNONYM_CREDIT
        if self.neighbours & held:
            return NEIGHBOUR_CREDIT
        return 0.0


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """The words a target in free text leaves out (`bot/data/about.json`), in matching form."""
    settings = about_settings()
    return frozenset(normalize(w) for w in [*settings["stop_words"], *settings["weak_words"]])


def gist_words(text: str) -> list[str]:
    """The content words of a text in matching form, grammar words and stop words out, each once; an English
    text's in lower case (`quote_english.english_content`)."""
    if not JAPANESE_CHAR_RE.search(text):
        return english_content(text)
    stop = _stop_words()
    words: list[str] = []
    before: Morpheme | None = None
    for m in morphemes(fold_variants(strip_parentheticals(plain_particles(text)))):
        if m.form and is_content_pos(m.pos) and not _subsidiary(m, before):
            words.append(m.form)
        before = m
    return list(dict.fromkeys(w for w in words if w not in LIGHT and w not in stop))


def _subsidiary(m: Morpheme, before: Morpheme | None) -> bool:
    """A verb of the grammar after another verb (`_SUBSIDIARY`): 〜てしまう, 〜すぎる, not 見る of 見直す."""
    if before is None or m.pos[1] != "非自立可能" or m.form not in _SUBSIDIARY:
        return False
    if before.pos[1] == "接続助詞" and before.surface in ("て", "で"):
        return True
    return before.pos[0] == "動詞" and before.pos[5].startswith("連用形")


def plain_particles(text: str) -> str:
    """The text with each particle of several words (にとって, について, をめぐって) as the particle it stands for."""
    return _COMPOUND_PARTICLE.sub(lambda m: m.group(1) or m.group(2), text)


def lookup_words(words: list[str]) -> list[str]:
    """The gist words a quote's passages are looked up by (`search.sharing_rare_words`): an English quote's without
    its function words (whether, could, the), when two or more are left."""
    content = [w for w in words if not (w.isascii() and english_function_word(w))]
    return content if len(content) >= 2 else words


def index_key(word: str) -> str:
    """A gist word as the full-text index writes it (an English word by the tokenizer's form: effort → エフオト)."""
    return (index_tokens(word).split() or [word])[0] if word.isascii() else word


def held_words(words: list[GistWord], tokens: set[str], text: str) -> set[str]:
    """The words a passage holds for `share`: its tokens, and its English words' stems when the quote is English."""
    if not any(w.form.startswith(STEM_MARK) for w in words):
        return tokens
    return tokens | english_stem_marks(text)


def weigh(words: list[str], df: dict[str, int], total: int) -> list[GistWord]:
    """Each word with its rarity (`quote_score.weights`) and the words that say it another way (an English word by its
    stem and its synonyms' stems, `quote_english.english_gist_word`)."""
    out = []
    for w, weight in zip(words, quote_score.weights(words, df, total), strict=True):
        if w.isascii() and w.isalpha():
            mark, synonyms = english_gist_word(w)
            out.append(GistWord(mark, weight, synonyms, frozenset(), english_antonym_marks(w)))
        else:
            weight *= GRAMMAR_WEIGHT if w in GRAMMAR else 1.0
            opposite = japanese_antonyms(w)  # a word-vector neighbour is often the opposite (増加, 減少)
            near = neighbours_of(w, NEIGHBOUR_MIN) - opposite
            said = (synonyms_of(w) | continuative_forms(w)) - opposite
            out.append(GistWord(w, weight, said, near, opposite))
    return out


# A verb and the noun of its continuative form are one word said as an act or as a thing (戦う / 戦い, 取り組む / 取り組み,
# 遅れる / 遅れ, 終わる / 終わり): a rewording moves between them ("we will fight" remembered for 「戦いを続ける」).
_GODAN_NOUN = {
    "う": "い",
    "つ": "ち",
    "る": "り",
    "く": "き",
    "ぐ": "ぎ",
    "す": "し",
    "む": "み",
    "ぶ": "び",
    "ぬ": "に",
}
_NOUN_GODAN = {v: k for k, v in _GODAN_NOUN.items()}
_E_I_ROW = frozenset("えけげせぜてでねへべぺめれいきぎしじちぢにひびぴみり")
_KANJI = re.compile(r"[\u4e00-\u9fff々]")


@lru_cache(maxsize=4096)
def continuative_forms(word: str) -> frozenset[str]:
    """A verb's noun of its continuative form and a noun's verb (戦う → 戦い, 決める → 決め, 戦い → 戦う, 遅れ → 遅れる), as
    the tokenizer writes them; a word of kanji and kana only. Generated forms that are no word are harmless: they are
    only looked for among a passage's words."""
    if len(word) < 2 or not _KANJI.search(word) or _KANJI.search(word[-1]):
        return frozenset()
    last, stem = word[-1], word[:-1]
    out = set()
    if last in _GODAN_NOUN:  # a verb's dictionary form (終わる → 終わり, or 決める → 決め)
        out.add(stem + _GODAN_NOUN[last])
        if last == "る" and stem[-1] in _E_I_ROW:
            out.add(stem)
    if last in _NOUN_GODAN:  # a noun of a verb (戦い → 戦う)
        out.add(stem + _NOUN_GODAN[last])
    if last in _E_I_ROW:  # (遅れ → 遅れる)
        out.add(word + "る")
    out.discard(word)
    return frozenset(out)


def japanese_antonyms(word: str) -> frozenset[str]:
    """The words that say the opposite of a Japanese word: JMdict's (`lexicon.antonyms_of`: 利上げ ↔ 利下げ, 増加 ↔
    減少), the acts `/stance --about` reads as opposites (`about.json`, 続投 ↔ 辞任) and the same compound under the
    other polarity prefix (`prefix_antonyms`: 合法 ↔ 違法)."""
    return antonyms_of(word) | _about_antonyms().get(word, frozenset()) | prefix_antonyms(word)


# A Sino-Japanese compound says its opposite by a prefix, a pattern of the writing rather than a list of pairs
# (JMdict records few of them: not 合法 ↔ 違法): a swapped first character (合法 / 違法, 適法 / 違法, 合憲 / 違憲,
# 有効 / 無効, 有罪 / 無罪), or a negating one put before or taken off (公開 / 非公開, 適切 / 不適切, 解決 / 未解決,
# 関係 / 無関係). Generated forms that are no word are harmless: they are only looked for among a passage's words.
_PREFIX_SWAPS = (("合", "違"), ("適", "違"), ("有", "無"))
_NEGATING_PREFIXES = "不非無未"
_KANJI_ONLY = re.compile(r"[\u4e00-\u9fff々]+")


@lru_cache(maxsize=4096)
def prefix_antonyms(word: str) -> frozenset[str]:
    """The compound under the other polarity prefix (合法 → 違法, 非合法; 不適切 → 適切; 公開 → 非公開, 不公開…);
    none for a word not all kanji or shorter than two (正 / 不正 is no pattern: 不正 is its own word, "fraud")."""
    if len(word) < 2 or not _KANJI_ONLY.fullmatch(word):
        return frozenset()
    out: set[str] = set()
    for one, other in _PREFIX_SWAPS:
        for a, b in ((one, other), (other, one)):
            if word.startswith(a) and len(word) - len(a) >= 1:
                out.add(b + word[len(a) :])
    if word[0] not in _NEGATING_PREFIXES:
        out.update(p + word for p in _NEGATING_PREFIXES)
    elif len(word) >= 3:  # 不適切 → 適切; not 不正 → 正, 未来 → 来
        out.add(word[1:])
    out.discard(word)
    return frozenset(out)


@lru_cache(maxsize=1)
def _about_antonyms() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for one, other in about_settings()["antonyms"]:
        for a, b in ((one, other), (other, one)):
            for form in a:
                out.setdefault(normalize(form), set()).update(normalize(f) for f in b)
    return {k: frozenset(v) for k, v in out.items()}


def says_opposite(words: list[GistWord], segment: str) -> bool:
    """The part that holds the quote's words says the opposite of one of them, not the word itself (利上げは時期尚早
    for 利下げは時期尚早; "the board voted to reject" for "…to accept"): a changed claim, not a remembered quote."""
    held = held_words(words, set(analyze(fold_variants(segment)).forms), segment)
    return any(w.antonyms & held and not w.credit(held) for w in words)


def share(words: list[GistWord], held: set[str]) -> tuple[float, int]:
    """(weighted share of the quote's words the held words say, how many are said)."""
    total = sum(w.weight for w in words)
    credits = [w.credit(held) for w in words]
    found = sum(c * w.weight for c, w in zip(credits, words, strict=True))
    return (found / total if total else 0.0), sum(1 for c in credits if c > 0)


def quotations(text: str) -> list[str]:
    """A passage's quotations: 「…」, and "…" of a dozen characters or more."""
    return [a or b for a, b in _QUOTATION.findall(text)]


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s.strip()]


def segments(text: str) -> list[str]:
    """A passage's quotations, then its sentences."""
    return [*quotations(text), *sentences(text)]


def _best(words: list[GistWord], parts: list[str]) -> tuple[float, str]:
    scored = [(share(words, held_words(words, set(analyze(fold_variants(s)).forms), s))[0], s) for s in parts]
    return max(scored, key=lambda x: (x[0], -len(x[1])), default=(0.0, ""))


def best_segment(words: list[GistWord], text: str) -> tuple[float, str]:
    """The sentence or quotation that holds most of the quote's weight, the shortest of equals (the quotation
    rather than the sentence around it), with its share."""
    return _best(words, segments(text))


def saying(query: str, words: list[GistWord], text: str, first: float) -> str | None:
    """The part of a passage (holding `first` of the quote's weight) that says the quote: a quotation that holds
    QUOTED_MIN on its own, else, when the passage holds GIST_MIN, its sentence or quotation holding SEGMENT_MIN;
    None when neither, or when that part denies the quote or asks it (`denies_or_asks`)."""
    in_quotation, quoted = _best(words, quotations(text))
    if in_quotation >= QUOTED_MIN:
        segment = quoted
    else:  # `best_segment`, the quotations scored once: the best of theirs and of the sentences
        in_segment, segment = max(
            (in_quotation, quoted), _best(words, sentences(text)), key=lambda x: (x[0], -len(x[1]))
        )
        if first < GIST_MIN or in_segment < SEGMENT_MIN:
            return None
    return None if denies_or_asks(query, text, segment) or says_opposite(words, segment) else segment


QUOTED_RIVALS = 10  # passages (best by share) whose quotations the quotation path compares


def pick(query: str, words: list[GistWord], ranked: list[tuple[float, int, str]]) -> tuple[int, str, float] | None:
    """The passage that says the quote, from the candidates as (share, words found, text) best first: (its index,
    the part that says it, its share), or None when no passage clearly does.

    First the passage that leads every other by GIST_LEAD× its share (`saying` then finds the part). When two
    passages hold the words alike, a quotation may still lead: a remembered quote is what someone said, so the
    quotations of the best passages are compared — a narration that shares the words (a report of the same
    event) is no rival for a speaker's words."""
    if not ranked:
        return None
    first, found, text = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    if found >= GIST_WORDS and first >= GIST_LEAD * second:
        segment = saying(query, words, text, first)
        return None if segment is None else (0, segment, first)
    quoted = sorted(
        ((*_best(words, quotations(text)), i) for i, (_, found, text) in enumerate(ranked[:QUOTED_RIVALS]) if found),
        key=lambda x: -x[0],
    )
    best, segment, i = quoted[0] if quoted else (0.0, "", 0)
    rival = quoted[1][0] if len(quoted) > 1 else 0.0
    if best < QUOTED_MIN or ranked[i][1] < GIST_WORDS or best < GIST_LEAD * rival:
        return None
    if denies_or_asks(query, ranked[i][2], segment) or says_opposite(words, segment):
        return None
    return i, segment, ranked[i][0]


def keeps_figures(quote: str, text: str) -> bool:
    """Whether a passage says each number and month the quote says (by June, 3%, 36人): a rewording keeps them, and a
    line nobody said, made of a passage's words, often changes one (by June for "by the end of March")."""
    held = set(_FIGURE.findall(unicodedata.normalize("NFKC", text).lower().replace(",", "")))
    return all(f in held for f in _FIGURE.findall(unicodedata.normalize("NFKC", quote).lower().replace(",", "")))


def _negated(text: str) -> bool:
    """The text says no: an odd number of grammatical negations, or a word that says no."""
    text = _NOT_NEGATION.sub("", text)
    return len(NEGATION_RE.findall(text)) % 2 == 1 or bool(_NEGATIVE_WORD.search(text))


def denies_or_asks(quote: str, text: str, segment: str) -> bool:
    """The part that holds the quote's words says the opposite (a negation or refusal, 不可能, 反対, on one side
    only), or the words are a question or demand put to the speaker, not the speaker's own.

    The part read for a negation is the sentence of the segment that holds the quote, not the sentence around a
    quotation: 「…果たしたい」と語り、辞任は否定した denies the resignation, not what the quotation says."""
    at = text.find(segment)
    in_quotation = segment in quotations(text)
    sentence = segment if in_quotation else next((s for s in sentences(text) if segment in s), segment)
    parts = sentences(sentence)
    if len(parts) > 1:  # a quotation of several sentences: the ones that say the quote, not the others
        wanted = set(gist_words(quote))
        held = [len(wanted & set(gist_words(s))) for s in parts]
        sentence = "".join(s for s, n in zip(parts, held, strict=True) if n and n >= 0.3 * max(held)) or sentence
    if _negated(sentence) != _negated(quote):  # one says no where the other does not
        return True
    # the quotation with its closing mark and what follows it (「…か」と問われ, 「…」との声)
    around = text[max(0, at - 1) : at + len(segment) + 12] if at >= 0 else segment
    return bool(_ASKED.search(around))
