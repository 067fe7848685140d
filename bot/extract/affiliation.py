"""Who a person speaks for in one document: the body their own apposition names them as belonging to.

A report names a body's officer, lawyer or spokesperson once with the body and then by the name alone:
「クラウドストライクのジョージ・カーツCEOは…」 then 「カーツ氏は」; "Michael Carlinsky, a lawyer for CrowdStrike, said in a
letter …" then "Carlinsky wrote"; "Hamas spokesperson Abdel Latif al-Qanoua said"; "Seth Fisher, Oasis's chief
investment officer, told Reuters". What that person says in the document, the body says (as `/stance` reads a
member named with the body in the clause itself: 経団連の筒井会長は). The phrases are read at every mention of the
person in the document, so the tie holds across it; which body a phrase names is the caller's question
(`names_body`), asked with every name of the body the user asked about, in both scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.actors import ActorIndex, Mention
from bot.extract.roles import vocabulary
from bot.extract.romaji import sounds_like
from bot.extract.whole_words import first_whole
from bot.text import tokenized

__all__ = ["AGENT_RX", "affiliations", "member_clause", "names_body", "phrases_at"]

_JA_CHARS = 30  # how far before a person's name 「<body>の」 is read
_EN_CHARS = 90  # how far an English apposition after a name, or its modifiers before it, are read

# 「<body>(の<role>)の<person>」: the run before the name, up to where a clause ends (a hiragana other than の, a
# comma, a full stop); a bracketed name (学生団体「差別に反対する学生運動」の) is read whole
_JA_STOP_RX = re.compile(r"[ぁ-んゝゞ]")
_JA_BREAK = "。、！？!?\n，"

# ", a lawyer for CrowdStrike," / ", Oasis's chief investment officer," / ", chairman of the House select committee":
# an apposition right after the name, closed by a comma or the sentence's end
_EN_AFTER_RX = re.compile(
    r"\s*,\s+(?!(?:who|whom|which|that|saying|said|adding|and|but|as|after|when|while|where|in|on|at)\b)"
    # a full stop ends it, never an abbreviation's ("a spokesman for U.S. Central Command", "an official at the U.N.
    # refugee agency")
    r"(?P<p>[^,;:\"“”()]{3,90}?)\s*(?:,|\)|(?<!\bU\.S)(?<!\bU\.K)(?<!\bU\.N)(?<!\bE\.U)(?<!\bSt)(?<!\bCo)(?<!\bInc)(?<!\bCorp)"
    r"(?<!\bJr)\.(?:\s|$)|$)"
)
# "Hamas spokesperson ", "Bhumjaithai leader ", "CrowdStrike's ": the capitalised modifiers right before the name,
# with the role they end in
_EN_BEFORE_RX = re.compile(r"(?P<p>(?:[A-Z][\w&.'’-]*\s+){1,5}(?:['’]s\s+)?(?:[A-Za-z-]+\s+){0,3})$")


def affiliations(
    texts: Sequence[str], actors: ActorIndex, mentions: Sequence[Sequence[Mention]] | None = None
) -> dict[int, tuple[str, ...]]:
    """Each person of the index named in the texts → the phrases their mentions name them by (the body before
    the name in Japanese, an English apposition or the modifiers before the name), as written; none for a person
    named by no such phrase. `mentions`: each text's `actors.mentions`, when the caller has them (extraction: the
    ties are stored with a document's claims, `claim_records.dump_claims`, so `/stance --about` does not scan
    every document it reads for its people; a person named there holds no tie, and one absent was not named)."""
    found: dict[int, list[str]] = {}
    for k, text in enumerate(texts):
        for m in actors.mentions(text) if mentions is None else mentions[k]:
            if actors.actors[m.actor_id].kind != "person":
                continue
            phrases = phrases_at(text, m.start, m.end)
            # 「アラスカ航空は…。ミニクッチCEOは声明で「…」」: the body the sentences before had as subject
            if not phrases:
                phrases = [p for p in [_ja_head_after_body(texts, k, m.start, m.end)] if p]
            found.setdefault(m.actor_id, []).extend(phrases)
    return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}


def phrases_at(text: str, start: int, end: int) -> list[str]:
    """The phrases naming what the person named at text[start:end] belongs to (see `affiliations`)."""
    return [p for p in (_ja_before(text, start), _en_after(text, end), _en_before(text, start)) if p]


def names_body(phrases: Iterable[str], names: Iterable[str], person: bool = False) -> bool:
    """Whether a phrase names one of these names as what the person belongs to: a body's member or officer, or
    (`person`: the names are a person's) their agent only (a lawyer or spokesperson: "Trump's lawyer", not "Trump's
    son"); a Latin name as a whole word."""
    names = [n for n in names if len(n) >= 2]
    for phrase in phrases:
        if person and not AGENT_RX.search(phrase):
            continue
        if any(_named_in(n, phrase) for n in names) or _sounds_named(phrase, names):
            return True
    return False


_KATAKANA_RUN_RX = re.compile(r"[ァ-ヺー]{3,}")
_LATIN_WORD_RX = re.compile(r"[A-Z][A-Za-z]{2,}")


def _sounds_named(phrase: str, names: list[str]) -> bool:
    """A one-word name written in the phrase in the other script (Microsoft typed, 「マイクロソフトのデービッド・
    ウェストン副社長」 reported; クラウドストライク typed, "CrowdStrike's Adam Meyers"): read by sound."""
    latin = [n for n in names if _LATIN_WORD_RX.fullmatch(n)]
    kana = [n for n in names if _KATAKANA_RUN_RX.fullmatch(n)]
    if latin and not phrase.isascii():
        return any(sounds_like(n, run) for run in _KATAKANA_RUN_RX.findall(phrase) for n in latin)
    if kana and phrase.isascii():
        return any(sounds_like(word, n) for word in _LATIN_WORD_RX.findall(phrase) for n in kana)
    return False


def _ja_before(text: str, at: int) -> str:
    """「<body>の」 right before a name (クラウドストライクの, 学生団体「…」の, ニデック創業者の): the run back to where the
    clause starts; '' when the name does not follow の."""
    if at < 2 or text[at - 1] != "の":
        return ""
    k = at - 1
    start = max(0, at - _JA_CHARS)
    while k > start:
        ch = text[k - 1]
        if ch in "」』":  # a bracketed name: read whole
            open_at = text.rfind("「" if ch == "」" else "『", start, k - 1)
            if open_at < 0:
                break
            k = open_at
            continue
        if ch in _JA_BREAK or (_JA_STOP_RX.match(ch) and ch != "の") or ch.isspace():
            break
        k -= 1
    phrase = text[k : at - 1]
    return phrase if len(phrase) >= 2 and not phrase.endswith(("元", "前")) else ""


# A head of a body or its spokesperson named with no body of their own, opening the sentence as its subject
# (「ミニクッチCEOは声明で」, 「桧垣幸人社長は」, 「土谷美津子副社長は」): the given name and the post after the surname
_JA_HEAD_AFTER_NAME_RX = re.compile(
    r"[一-龥々]{0,3}(?:[一-龥]{0,4}?(?:社長|会長|頭取|総裁|理事長|委員長|組合長|院長|学長|代表|代表取締役|最高経営責任者"
    r"|報道官|広報官|広報担当者?|報道担当者?)|CEO|COO|CFO)(?:は|が|も)(?![ぁ-ゖ])"
)
# what may come before such a name at the sentence's start: a connective (「また、」「一方、」)
_JA_OPENING_RX = re.compile(r"\s*(?:(?:また|一方|さらに|ただ|なお|そのうえで|その上で)[、,]\s*)?")
# a sentence's subject at its start (「アラスカ航空は、」, 「正栄汽船(今治市)は26日、」, 「一方、メタは」): the run before
# its は, が or も, a bracket after the name read over
_JA_SUBJECT_RX = re.compile(
    r"\s*(?:(?:また|一方|さらに|ただ|なお|これに対し(?:て)?)[、,]\s*)?(?P<name>[^、。！？「」『』()（）\s]{2,30}?)"
    # (never も: 「大型タグボート2隻も手配している」 is what was also done, an object as often as a subject)
    r"(?:[(（][^()（）「」。]{1,20}[)）])?(?:は|が)(?![ぁ-ゖ])"
)
_JA_SENTENCE_END_RX = re.compile(r"[。！？]")
_BACK_SENTENCES = 5  # how many sentences before the head's own (its passage's, then the one before) are read
# a subject that names a person (an honorific, a post the titles do not list: ウメロフ書記, a 同+title anaphor):
# someone else spoke between
_JA_PERSON_SUBJECT_RX = re.compile(
    r"(?:氏|さん|容疑者|被告|書記|補佐官|報道担当)$|^同(?:氏|長官|相|大臣|知事|市長|社長|会長|代表)$"
)
# a news outlet as the subject (日本経済新聞, 米メディア, テレビ局, 通信): it reports, the head after is someone else's
_JA_REPORTER_RX = re.compile(r"(?:新聞|メディア|通信|テレビ局?|放送|紙|誌)$")
_JA_ANAPHOR_RX = re.compile(r"^(?:同|両)[一-龥]{1,2}$")  # 同社, 同行, 同省: the body before, read on past it


def _ja_head_after_body(texts: Sequence[str], k: int, start: int, end: int) -> str:
    """The body the person named at texts[k][start:end] heads or speaks for when they open a sentence with a head's
    or a spokesperson's post and no body of their own (「アラスカ航空は…とどめています。」 then 「ミニクッチCEOは声明で
    「…」」; 「イオンは…用意した。価格は…。同社によると…。土谷美津子副社長は「…」」): the latest subject of the
    sentences before (this passage's, then the passage before's, up to `_BACK_SENTENCES`) that names a body —
    katakana, Latin letters or a body's ending (`ja_org_suffixes`: 正栄汽船, 札幌高裁 aside) — read past subjects
    that are things (価格は, 今後は) or an anaphor (同社は); '' when a person is the subject of a sentence between
    (「岸田首相は…。山田社長は」: the president of what the report named before), or none is found."""
    text = texts[k]
    sentence_start = max((m.end() for m in _JA_SENTENCE_END_RX.finditer(text, 0, start)), default=0)
    if not _JA_OPENING_RX.fullmatch(text, sentence_start, start):
        return ""
    if _JA_HEAD_AFTER_NAME_RX.match(text, end, min(len(text), end + 16)) is None:
        return ""
    sentences: list[str] = []
    before = text[:sentence_start]
    sentences += reversed([x for x in _JA_SENTENCE_END_RX.split(before) if x.strip()])
    if k > 0:
        sentences += reversed([x for x in _JA_SENTENCE_END_RX.split(texts[k - 1]) if x.strip()])
    for sentence in sentences[:_BACK_SENTENCES]:
        said = _sentence_subject(sentence)
        if said is None:
            continue
        return said
    return ""


def _sentence_subject(sentence: str) -> str | None:
    """The body a sentence has as its subject (see `_ja_head_after_body`), '' when a person is, None when neither
    (a thing, an anaphor, no subject): each part after a comma is read from its start (「…座礁した事故で、船を所有する
    正栄汽船(愛媛県今治市)が26日、」), the first subject found deciding."""
    at = 0
    for piece in re.split(r"(?<=[、,])", sentence):
        m = _JA_SUBJECT_RX.match(piece)
        at += len(piece)
        if m is None:
            continue
        name = re.split(r"[ぁ-ゖ]", m.group("name"))[-1]  # 「船を所有する正栄汽船」: the name after what describes it
        if len(name) < 2:
            continue
        if _JA_PERSON_SUBJECT_RX.search(name) or name.endswith(_ja_titles()) or _JA_REPORTER_RX.search(name):
            return ""  # a person spoke, or a news outlet reported (「米メディアが報じた」): no body of the head's
        if _JA_ANAPHOR_RX.match(name):
            return None
        if _body_like(name):
            return name
    return None


def _body_like(name: str) -> bool:
    """A body's name, not a thing's (価格, 今後): katakana or Latin letters in it, a body's ending, or a proper noun
    the dictionary knows that is not only a person's name (正栄汽船, not 山田)."""
    if re.search(r"[ァ-ヺA-Za-zＡ-Ｚａ-ｚ]", name) or name.endswith(_org_suffixes()):
        return True
    words = tokenized(name)
    return any(w.part_of_speech()[1] == "固有名詞" and w.part_of_speech()[2] != "人名" for w in words)


@lru_cache(maxsize=1)
def _org_suffixes() -> tuple[str, ...]:
    return tuple(vocabulary().ja_org_suffixes)


@lru_cache(maxsize=1)
def _ja_titles() -> tuple[str, ...]:
    return tuple(t for t in vocabulary().ja_titles if t not in ("社",))


def _en_after(text: str, end: int) -> str:
    """ ", a lawyer for CrowdStrike," after a name: the apposition when it names a role."""
    m = _EN_AFTER_RX.match(text, end, min(len(text), end + _EN_CHARS))
    if m is None:
        return ""
    phrase = m.group("p")
    return phrase if _role_in(phrase) else ""


def _en_before(text: str, start: int) -> str:
    """ "Hamas spokesperson " before a name: its capitalised modifiers when they end in a role or a possessive."""
    if start < 1 or not text[start - 1].isspace():  # the modifiers end in a blank before the name (not in 「…の」)
        return ""
    window = text[max(0, start - _EN_CHARS) : start]
    m = _EN_BEFORE_RX.search(window)
    if m is None:
        return ""
    phrase = m.group("p").strip()
    words = phrase.split()
    if len(words) < 2 and not re.search(r"['’]s$", phrase):
        return ""
    return phrase if _role_in(phrase) or re.search(r"['’]s$", phrase) else ""


def _role_in(phrase: str) -> bool:
    """A role word, and none saying the person holds it no more ("a former CrowdStrike engineer")."""
    if _FORMER_RX.search(phrase):
        return False
    return any(_POSSESSIVE_RX.sub("", w).strip(".,").casefold() in _roles() for w in phrase.split())


_FORMER_RX = re.compile(r"(?i)(?<![a-z])(?:former|ex-|then-|retired|onetime|one-time)|元|前(?=[一-龥])")


_POSSESSIVE_RX = re.compile(r"['’]s?$")


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """The words that make a phrase next to a name say what the person is to a body: the anonymous sources'
    heads (spokesperson, official, member) and the titles' words (CEO, chairman, leader), from the attribution
    vocabulary, and en_member_roles (lawyer, founder, chief)."""
    v = vocabulary()
    words = {w.casefold() for w in v.en_anonymous}
    words |= {w.strip(".").casefold() for t in v.en_titles for w in t.split() if len(w.strip(".")) >= 3}
    words |= {w.casefold() for w in v.en_member_roles}
    return frozenset(words - {"former", "acting", "then-", "king", "queen", "pope", "emperor", "mr", "mrs", "dr"})


AGENT_RX = re.compile(
    r"(?i:lawyer|attorney|counsel|spokes(?:person|man|woman)|representative)|代理人|弁護士|弁護団|報道官|広報"
)


# The boundaries of a Japanese name, each one character wide, compiled once (a Latin name's: `whole_words`): a
# pattern made for each name (the name between them) cost ~0.8 ms to compile (`re` builds the kanji range's bitmap
# in Python) for every new name a question met — with the Latin ones, a fifth of a first `--about` question's CPU.
# The whole of a name: 検察 is not named in 最高検察庁 (another body's name holding it).
_KANJI_AFTER_RX = re.compile(r"[一-龥々ァ-ヶー]")
_KANJI_BEFORE_RX = re.compile(r"[一-龥々ァ-ヶ]")
_CAPACITY_RX = re.compile(r"として(?:は|も)?|の立場(?:として|から)は?")


def _named_in(name: str, phrase: str) -> bool:
    """Whether the phrase names `name` whole: a Latin name as a word in any case (not inside a longer word, nor
    before lower-case letters: Trump is not in Trumpism), a Japanese one not followed by more of a name. What
    `re.search` of the name between those boundaries finds, tried at each place the name occurs."""
    if name.isascii():
        return first_whole(name, phrase) is not None
    at = phrase.find(name)
    while at >= 0:
        if not _KANJI_AFTER_RX.match(phrase, at + len(name)):
            return True
        at = phrase.find(name, at + 1)
    return False


_MEMBER_CHARS = 24  # how far into a clause its speaker's body may be named (経団連の筒井会長は)


def member_clause(name: str, text: str, lo: int, scan: int, hi: int) -> bool:
    """The clause text[lo:hi] (its predicate read from `scan`) is said through the body `name`: its speaker is
    named as the body's member at the clause's start (経団連の筒井会長, 日本自動車工業会（自工会）の片山会長), or speaks
    in the body's name (「大日本猟友会としては反対だ」). The clause's own counterpart of `affiliations`, which reads
    a person's ties wherever the document names them; a Japanese name only (an English clause's body is read
    by the speaker rules)."""
    if len(name) < 2 or name.isascii() or name not in text:
        return False
    start = max(0, lo - _MEMBER_CHARS)
    start = max(start, max(text.rfind(c, start, lo) for c in "。！？\n") + 1)
    head = text[start : max(scan, lo + _MEMBER_CHARS)]
    found = _member_rx(name).search(head)
    if found is not None and "「" not in head[: found.start()]:
        return True
    return _in_capacity(name, text, scan, hi)


def _in_capacity(name: str, text: str, scan: int, hi: int) -> bool:
    """「大日本猟友会としては」「同会の立場から」 in text[scan:hi]: the name, not the end of a longer one (the character
    before it may lie before `scan`), then its capacity, both within `hi`."""
    at = text.find(name, scan, hi)
    while at >= 0:
        if not (at and _KANJI_BEFORE_RX.match(text, at - 1)) and _CAPACITY_RX.match(text, at + len(name), hi):
            return True
        at = text.find(name, at + 1, hi)
    return False


@lru_cache(maxsize=256)
def _member_rx(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(name) + r"[)）]?の")
