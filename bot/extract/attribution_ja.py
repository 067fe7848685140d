"""Who said it, in Japanese news text.

Rules, tried in order for a span of a passage (the item's whole text is the context):
1. a label in front of the line:     「ルビオ米国務長官：「…」」
2. a speaker right before the quote: 「トランプ大統領「…」」 (a name and title, no colon)
3. a possessive before an utterance: 「ヘグセス国防長官の、「…」という発言」
4. a speaker right after the quote:  「「…」と、米シンクタンクの戦争研究所は発表」
5. the subject of the sentence:      「ウシャコフ補佐官は…「…」と述べた」, 「関係者によると…」 (topic は/も before が,
   and never a phrase that cannot speak: 「戒厳の宣布は」)
6. the subject carried over from the sentences before (「そのうえで「…」と話した」), across paragraphs
7. the item's headline attribution (「…＝ラブロフ外相」)

A subject is a person (a name with or without a title), an organisation, an anonymous source kept as written
(米政府当局者, 日産幹部の一人), an anaphor (同氏 → the person named last, 同社 → the company, 両社 → both) or a
bare title (首相は → the person named with that title earlier). "No speaker" is a valid answer.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from bot.actors import TITLES, ActorEntry, ActorIndex, Mention, strip_title
from bot.extract.quotemarks import LABEL_RE, mask_quotes, quote_bounds
from bot.extract.roles import (
    BODY_KIND_HEADS,
    COUNTRY_ABBR,
    READING_RE,
    anonymous_head,
    looks_like_name,
    org_suffix,
    proper_noun,
    strip_country,
    surname_before_title,
    tagged_place,
    title_suffix,
    vocabulary,
)
from bot.text import sentence_spans, split_sentences, tokenized

# が, but not a verb's own が (広がっている, 上がった, 下がる, つながり): a particle is never followed by っ or ら–ろ
_MARKER_RE = re.compile(r"によると|によれば|の話では|の指摘によれば|は(?!じめ)|も(?!の|と[^めに])|が(?![っらりるれろ])")
_TOPIC = ("は", "も", "によると", "によれば", "の話では", "の指摘によれば")
_REPORTED = ("によると", "によれば", "の話では", "の指摘によれば")
_PAREN_RE = re.compile(r"[(（][^()（）]{0,24}[)）]")
_BRACKET_RE = re.compile(r"「[^「」]{0,16}」")
_TIME_PREFIX_RE = re.compile(r"^(?:[0-9０-９]+(?:年|月|日|時|分)[0-9０-９年月日時分半]*(?:の|、)?)+")
_LEADING_NOISE_RE = re.compile(r"^(?:ある|その|この|一方|また|さらに|ただ|なお|同日|同日の)")
_POSSESSIVE_RE = re.compile(
    r"\s*(?:[・･]?(?:" + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)) + r"))?の[、,]?\s*"
)
_UTTERANCE_AFTER_RE = re.compile(
    r"^[」』]?\s*(?:という|との|と)(?:発言|主張|指摘|言葉|見解|コメント|声明|警告|認識|考え|立場|方針|談話)"
)
_TRAILING_RE = re.compile(r"[」』]*\s*(?:と|って)(?:[、,]\s*)?")
_TRAILING_NP_RE = re.compile(r"([^、。「」\n]{1,40}?)(?:は|が)")
_VERBISH_RE = re.compile(r"[ぁ-ゖ]")
_HONORIFICS = ("さん", "ちゃん", "くん")  # kana honorifics after a name: 「中居さんは」
_HONORIFICS_SIDE = (*(h + "側" for h in _HONORIFICS), *_HONORIFICS)
_CARRY_BACK = 4  # sentences a subject is carried over


@cache  # a context's subjects read it for every character before their particle: few distinct characters
def _np_char(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x30A1 <= o <= 0x30FA
        or ch in "ー々〆ヶ・･＝=&＆"
        or (ch.isascii() and (ch.isalnum() or ch in ".-'"))
        or 0xFF10 <= o <= 0xFF5A
    )


def np_before(text: str, masked: str, i: int, floor: int) -> tuple[int, str] | None:
    """The noun phrase that ends at i (「日産の内田誠社長」, 「尹錫悦(ユン・ソンニョル)大統領」, 「与党「国民の力」」)."""
    j = i
    while j > floor:
        ch = masked[j - 1]
        if _np_char(ch):
            j -= 1
            continue
        if ch in ")）":
            open_at = max(text.rfind("(", floor, j - 1), text.rfind("（", floor, j - 1))
            if open_at > floor and j - open_at <= 26 and _np_char(masked[open_at - 1]):
                j = open_at
                continue
            break
        if ch in "」』":
            open_at = max(masked.rfind("「", floor, j - 1), masked.rfind("『", floor, j - 1))
            if open_at > floor and j - open_at <= 18 and _np_char(masked[open_at - 1]):
                j = open_at
                continue
            if open_at > floor and j - open_at <= 26 and j == i and masked[open_at - 1] in _BEFORE_BRACKETED_NAME:
                # a name filling the brackets after a possessive or a clause that qualifies it (「民主派の「国民統一政府
                # （NUG）」は」, 「交換業者でつくる「日本暗号資産取引業協会」は」): the bracketed name alone
                j = open_at
            break
        # 「Xの幹部」, and a name in brackets before the の: 「会派「ひょうご県民連合」の幹部」, 「…労働組合（JP労組）の関係者」
        if ch == "の" and j < i and j - 1 > floor and (_np_char(masked[j - 2]) or masked[j - 2] in "」』)）"):
            j -= 1
            continue
        break
    np = text[j:i]
    trimmed = _LEADING_NOISE_RE.sub("", _TIME_PREFIX_RE.sub("", np)).lstrip("の・、")
    j += len(np) - len(trimmed)
    return (j, trimmed) if trimmed else None


@dataclass(slots=True)
class Ref:
    """A phrase that may be a speaker, where it stands in the context."""

    start: int
    end: int
    kind: str  # person | org | state | anon | anaphor | title
    display: str
    title: str | None = None
    marker: str | None = None  # は, が, によると … (None: a mention, not a subject)
    name: str | None = None  # a person's name as written (for 尹氏 → 尹錫悦)
    # a name read only because an anaphor refers to it: a company's (`_antecedents`), a person's (`_names_by_surname`)
    referred: bool = False


@dataclass(slots=True)
class _Doc:
    text: str
    masked: str
    sentences: list[tuple[int, int]]
    refs: list[Ref] = field(default_factory=list)  # subjects and person/organisation mentions, in order
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(init=False)  # the sentences' starts, for bisection without a key function

    # `sentences` run in order and never overlap (`_sentences`): the one a position is in is found by bisection (a
    # scan of the list per subject marker made reading a context quadratic in its sentences)

    def __post_init__(self) -> None:
        self.starts = [a for a, _ in self.sentences]

    def sentence_start(self, pos: int) -> int:
        """The start of the last sentence starting at or before pos (0 when none does)."""
        k = bisect_right(self.starts, pos)
        return self.starts[k - 1] if k else 0

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The sentence pos is in, if any."""
        k = bisect_right(self.starts, pos)
        return self.sentences[k - 1] if k and pos < self.sentences[k - 1][1] else None


_BEFORE_BRACKETED_NAME = "のるた"
# the whole phrase a body's name in brackets, its short name in brackets after it (「国民統一政府（NUG）」), or a body's
# letters glossed by its name after an equals sign (IMF=国際通貨基金, NHK's way)
_BRACKETED_NAME_RE = re.compile(r"[「『]([^「」『』()（）]{2,20})(?:[(（]([A-Za-zＡ-Ｚ]{2,8})[)）])?[」』]")
_GLOSSED_RE = re.compile(r"([A-ZＡ-Ｚ][A-ZＡ-Ｚ0-9&＆]{1,7})[=＝]([一-龥々ァ-ヶー・]{2,20})")


def _named_inside(np: str, actors: ActorIndex) -> Ref | None:
    """A body's reading of a phrase that is only its name in brackets or its letters glossed (see the patterns):
    the short name or the name the index holds, else None (a person's name in brackets is no subject so)."""
    found = _BRACKETED_NAME_RE.fullmatch(np) or _GLOSSED_RE.fullmatch(np)
    if found is None:
        return None
    for part in reversed([g for g in found.groups() if g]) if found.re is _BRACKETED_NAME_RE else found.groups():
        whole = [m for m in actors.mentions(part) if m.start == 0 and m.end == len(part)]
        hit = actors.actors[whole[0].actor_id] if whole else None
        if hit is not None and hit.kind != "person":  # 「タイの誇り党」: the whole name, before its head 誇り党
            return Ref(0, len(np), "state" if hit.kind == "state" else "org", hit.name, name=part)
        inner = _classify(part, actors)
        if inner is not None and inner.kind in ("org", "state"):
            return Ref(0, len(np), inner.kind, inner.display, title=inner.title, name=inner.name)
    return None


# an opposition's shadow minister: 「影の内相」「影の安全保障担当相」 is one title, its の no boundary of the head
_SHADOW_RE = re.compile(r"影の(?=[一-龥]{1,10}(?:相|大臣|長官)$)")


def _split_head(np: str) -> tuple[str, str]:
    """(the phrase without parentheses, its head after the last の outside brackets)."""
    plain = _PAREN_RE.sub("", np)
    shielded = _BRACKET_RE.sub(lambda m: "＿" * len(m.group()), plain)
    shielded = _SHADOW_RE.sub("影＿", shielded)  # 「ハドリー影の内相」: the の is the title's own
    cut = shielded.rfind("の")
    head = plain[cut + 1 :] if cut >= 0 else plain
    return plain, head


_FORMER_POST_RE = re.compile(r"・[元前](?=[一-龥])")


# a kanji name, a middle dot and a post after it, ending the phrase: 水内基成・請求代表者, 佐藤一郎・共同代表
_NAME_DOT_POST_RE = re.compile(r"(?<![一-龥々])([一-龥々]{2,5})[・･]([一-龥々ァ-ヶー]{2,12})$")
_SELF_RE = re.compile(r"(?:本人|自身)$")


def _without_self(head: str) -> str:
    """The phrase without 本人 or 自身 after a name's honorific or a title (「斎藤氏本人」 → 斎藤氏, 「首相自身」 → 首相,
    「議員本人」 → 議員): the person the phrase names, said to speak in person. Not a word that ends so (日本人, 私自身
    stays: 日 and 私 are no title)."""
    m = _SELF_RE.search(head)
    if m is None:
        return head
    rest = head[: m.start()]
    return rest if rest.endswith((*_HONORIFICS, "氏")) or title_suffix(rest) is not None else head


_KATAKANA_END_RE = re.compile(r"[ァ-ヺー]$")


_READ_MAX = 4096  # phrases whose reading an index remembers


def classify(np: str, actors: ActorIndex, start: int = 0) -> Ref | None:
    """What a subject phrase names, or None when it cannot be a speaker.

    The reading of a phrase depends on the phrase and the index only (`start` only places the answer), and the
    same sentence is read in several contexts of one document (its item for the speakers, each statement's window
    of passages): a phrase's reading is remembered with the index (`ActorIndex.memo`), a fresh `Ref` made of it for
    each caller (who may set its marker)."""
    memo = actors.memo("attribution_ja.classify")
    if np in memo:
        read = memo[np]
    else:
        read = _classify(np, actors)
        if len(memo) >= _READ_MAX:  # bounded; dict operations are atomic under the GIL
            memo.clear()
        memo[np] = read
    if read is None:
        return None
    return Ref(start, start + len(np), read.kind, read.display, title=read.title, name=read.name)


def _classify(np: str, actors: ActorIndex) -> Ref | None:
    """`classify`'s reading of a phrase, placed at 0."""
    start = 0
    v = vocabulary()
    inside = _named_inside(np, actors)
    if inside is not None:
        return inside
    if np[:1] in "「『" and np[-1:] in "」』":  # 「「聞く力」は」: a word quoted, not a body named
        return None
    plain, head = _split_head(np)
    if not head:
        return None
    # a former post after the name (「塩谷立・元文部科学相」, 「山田太郎・前幹事長」): the name and its title
    head = _FORMER_POST_RE.sub("", head)
    dotted = _NAME_DOT_POST_RE.search(head)
    if dotted is not None and looks_like_name(dotted.group(1)) and not looks_like_name(dotted.group(2)):
        # a name and its post joined by a middle dot (「決める会の水内基成・請求代表者は」): read as the name and the
        # post written together (水内基成請求代表者), the person; never two names (「岸田文雄・石破茂」)
        at = len(np) - len(head) + dotted.start(2) - 1
        joined = _classify(np[:at] + np[at + 1 :], actors)
        if joined is not None and joined.kind == "person" and (joined.name or "").startswith(dotted.group(1)):
            return Ref(start, start + len(np), "person", joined.display, title=joined.title, name=joined.name)
    plain, head = _without_self(plain), _without_self(head)  # 「斎藤氏本人は」「バス氏自身も」: the person named
    end = start + len(np)
    kind = v.ja_anaphora.get(head)
    if kind:
        return Ref(start, end, "anaphor", plain, title=kind)
    if head.startswith(("同", "両")) and len(head) > 1:
        split = title_suffix(head[1:])
        if split and not split[0]:
            return Ref(start, end, "anaphor", plain, title="person")
    # a registry (or discovered) actor at the head: 「トランプ米大統領」, 「ロシア外務省」, but 「日本政府関係者」 is a source
    found = [m for m in actors.mentions(head)]
    if found:
        m = found[-1]
        rest = head[m.end :].lstrip(COUNTRY_ABBR + "・")
        entry = actors.actors[m.actor_id]
        at_head = m.start == 0 or entry.kind == "person" or not head[: m.start].strip(COUNTRY_ABBR + "・")
        # (師 after a katakana name is a Muslim cleric's title: 「最高指導者ハメネイ師」; no title of its own elsewhere)
        cleric = rest == "師" and _KATAKANA_END_RE.search(head, 0, m.end) is not None
        if at_head and (not rest or (entry.kind == "person" and (_is_title(rest) or cleric))):
            kind = "person" if entry.kind == "person" else ("state" if entry.kind == "state" else "org")
            return Ref(start, end, kind, entry.name, title=rest or None, name=head[: m.end])
        if at_head and entry.kind == "person" and rest and (rest in _CLERICS or _role_only(rest)):
            # 「タジュル・イスラム主任検察官」: a registry person and a role no title list holds; 「ハメネイ師」: a cleric
            return Ref(start, end, "person", entry.name, title=rest, name=head[: m.end])
        person = next((p for p in reversed(found) if actors.actors[p.actor_id].kind == "person"), None)
        if person is not None and (
            office := _qualified_title(head[person.start :], person.end - person.start, actors.actors[person.actor_id])
        ):
            # 「ティエリー・ブルトン欧州委員」, 「トウヒド・ホサイン外務顧問」, 「メルツCDU党首」: a registry person, then the
            # office with what it is of (a region, a portfolio, a party): the person, not a body the office names
            return Ref(start, end, "person", actors.actors[person.actor_id].name, title=office, name=head[: person.end])
    named = _named_role(head)
    if named is not None:
        return Ref(start, end, "person", named[0], title=named[1], name=named[0])
    reading = READING_RE.search(np)
    split = title_suffix(head)
    if split:
        name, title = split
        name = strip_country(name)
        if reading and name and not looks_like_name(name):
            before = re.search(r"[一-龥々]{1,4}$", np[: reading.start()])
            name = before.group() if before else name
        if name and (looks_like_name(name) or surname_before_title(name, title) or title in ("氏", "さん") or reading):
            hit = actors.resolve(name) or (_minister_by_surname(name, title, actors) if len(name) == 1 else None)
            return Ref(start, end, "person", hit.name if hit else name, title=title, name=name)
        if not name and _country_or_nothing(plain[: len(plain) - len(head)].rstrip("の"), actors):
            return Ref(start, end, "title", plain, title=title)
        return Ref(start, end, "anon", _clean_display(plain), title=title)
    if anonymous_head(head):
        return Ref(start, end, "anon", _clean_display(plain))
    if head.endswith("側") and len(head) > 1 and head == plain:
        # 「文春側は」「松本さん側は」: a party's side speaks for it (its lawyers, its answer), as "Matsumoto's side said"
        side = classify(head[:-1], actors, start)
        if side is not None and side.kind in ("person", "org"):
            return Ref(start, end, side.kind, side.display, title=side.title, name=side.name)
        if side is None and proper_noun(head[:-1]):
            return Ref(start, end, "org", head)
    if _ACRONYM_RE.fullmatch(head):  # 「UNIFILは声明で」: a body by its letters, as English text writes it
        return Ref(start, end, "org", head)
    hit = actors.resolve(head)
    if hit is not None:
        return Ref(start, end, "person" if hit.kind == "person" else "org", hit.name, name=head)
    if plain == head and len(head) > 3 and head[0] in COUNTRY_ABBR and _KATAKANA_RE.match(head, 1):
        # a company after its country's one-kanji abbreviation (「独フォルクスワーゲン(VW)は」, 「米テスラも」): the company
        inner = classify(head[1:], actors, start + 1)
        if inner is not None and inner.kind == "org":
            return Ref(start, end, "org", inner.display, name=inner.name)
    if org_suffix(head) or proper_noun(_BRACKET_RE.sub("", head).strip("「」") or head):
        if plain != head and not org_suffix(head) and not proper_noun(plain.replace("の", "")):
            return None
        display = head.strip("「」") if head.startswith("「") else head
        return Ref(start, end, "org", display)
    role = role_by_pos(head)
    if role is None:
        return None
    name, title = role
    if name:
        hit = actors.resolve(name)
        return Ref(start, end, "person", hit.name if hit else name, title=title, name=name)
    return Ref(start, end, "anon", _clean_display(plain))


# what an office after a person's name may be of, that is still the person's office (not someone else's staff):
# never a body of the person's own (プーチン政権高官, トランプ陣営幹部, 同氏側近 are other people)
_OWN_BODY_RE = re.compile(r"(?:政権|陣営|政府|側|事務所|家|氏|さん)$")


def _qualified_title(phrase: str, at: int, entry: ActorEntry) -> str | None:
    """The office in the words after a person's name (phrase[:at]), when they are a qualifier and a title (欧州委員,
    外務顧問, CDU党首): a title ends them, what stands before it names no person and no body of the person's own, and
    they are no anonymous source's noun (報道官, 高官, 幹部: someone speaking for the person). Never the rest of
    another full name than the registry person's (小池 of 「小池晃書記局長」 when the registry's 小池 is 小池百合子)."""
    name, rest = phrase[:at], phrase[at:].lstrip(COUNTRY_ABBR + "・")
    if not rest or "の" in rest or anonymous_head(rest):
        return None
    full = [n for n in (entry.name, *entry.aliases) if n.startswith(name) and len(n) > len(name)]
    longer = [name + rest[:k] for k in (1, 2) if looks_like_name(name + rest[:k])]
    if longer and full and not any(f.startswith(x) for f in full for x in longer):
        return None
    rest = rest[len(longer[-1]) - len(name) :] if longer and full else rest
    split = title_suffix(rest)
    if split is None or split[1] in ("氏", "さん"):  # 「トランプ・ジュニア氏」: an honorific ends a name, not an office
        return None
    qualifier = split[0].strip("・")
    if _KATAKANA_END_RE.search(name) and _KATAKANA_RE.match(qualifier):  # more of a katakana name: someone else
        return None
    named = looks_like_name(strip_country(qualifier)) and not _ACRONYM_RE.fullmatch(qualifier)  # CDU党首: a party
    if qualifier and (named or _OWN_BODY_RE.search(qualifier)):
        return None
    return rest


def _minister_by_surname(surname: str, title: str, actors: ActorIndex) -> ActorEntry | None:
    """The one registry person whose name begins with a one-kanji surname and who holds the office named: 林外務大臣 →
    林芳正 (外相), 林官房長官 → 林芳正 (官房長官). The same office written long or short shares its first kanji."""
    found = [
        e
        for e in actors.actors.values()
        if e.kind == "person"
        and e.name.startswith(surname)
        and len(e.name) > 1
        and any(
            t.endswith(("大臣", "相", "長官")) and t[:1] == title[:1]
            for t in (e.description or "", *(a[1:] for a in e.aliases if a.startswith(surname)))
        )
    ]
    return found[0] if len(found) == 1 else None


# the honorific of a cleric after the name (ハメネイ師, ナスララ師): read so after a person the registry holds only,
# as 医師, 教師, 講師 end in it too
_CLERICS = frozenset(("師",))
_KATAKANA_RE = re.compile(r"[ァ-ヺ]")
# a body's name in capital letters (UNIFIL, IAEA, WHO): never a common noun of Japanese text
_ACRONYM_RE = re.compile(r"[A-ZＡ-Ｚ]{2,8}")
# a sovereign's or a pope's regnal name, a title before it or not: 「レオ14世」, 「教皇レオ14世」, 「チャールズ3世」
_REGNAL_RE = re.compile(r"(?P<title>[一-龥]{1,4}?)?(?P<name>[ァ-ヺー]{2,}[0-9０-９一二三四五六七八九十]{1,3}世)")
# a full name in katakana, its parts joined by a dot or an equals sign (タジュル・イスラム, ミン・アウン・フライン)
_KATAKANA_FULL_HEAD_RE = re.compile(r"[ァ-ヺー]{2,}(?:[・･=＝][ァ-ヺー]+)+")


def _role_only(rest: str) -> bool:
    """Whether the words after a name are a role and nothing else (主任検察官, 首席交渉官, 報道担当官, 医師): what
    `role_by_pos` reads as a role with no name of its own, or a source's noun (医師, 研究者, アナリスト)."""
    role = role_by_pos(rest)
    return (role is not None and role[0] is None) or anonymous_head(rest) == rest or post_of_office(rest)


# a desk a person holds, what it is of written before 担当 (報道担当, 広報担当, 渉外担当: the person answering for a
# body on it, as a spokesperson does)
_DESK_RE = re.compile(r"[一-龥]{2,6}担当")


def post_of_office(rest: str) -> bool:
    """Words after a name that are a post no title list holds, made of one it does: an assistant to an office (国務次官補,
    首席副次官補, 高等弁務官補: the office, then 補) or a desk (報道担当, 広報担当). Read after a person's name only (a
    registry person, a katakana full name), never as a speaker alone."""
    if len(rest) >= 3 and rest.endswith("補"):
        split = title_suffix(rest[:-1])
        return split is not None and split[1] not in ("氏", "さん")
    return _DESK_RE.fullmatch(rest) is not None


def _named_role(head: str) -> tuple[str, str | None] | None:
    """(name, title) of a phrase no title list reads that still names a person: a regnal name (「教皇レオ14世」 →
    レオ14世) or a full name in katakana before a role (「タジュル・イスラム主任検察官」 → タジュル・イスラム). Sudachi
    does not read a katakana name whose parts are joined by a dot as one name, so `role_by_pos` cannot."""
    regnal = _REGNAL_RE.fullmatch(head)
    if regnal is not None:
        return regnal.group("name"), regnal.group("title") or None
    full = _KATAKANA_FULL_HEAD_RE.match(head)
    if full is not None and full.end() < len(head) and _role_only(head[full.end() :]):
        return full.group(), head[full.end() :]
    return None


# Sudachi's nominal suffixes that make a person of a noun (評論家, 管制官, 研究員, 担当者, 弁護士, 運転手) and the
# ending of a common noun that heads something (機長, 所長, 船長): what a role is made of, whatever the role
_PERSON_SUFFIXES = frozenset("家官員者士師手")
_HEAD_ENDINGS = ("長",)


@lru_cache(maxsize=4096)
def role_by_pos(head: str) -> tuple[str | None, str] | None:
    """(name, role) of a subject phrase no list holds, from its tokens: a person's name (Sudachi's 人名) followed by
    a role (「清本真司地震津波対策企画官」 → 清本真司, 地震津波対策企画官), or a role noun alone (「航空評論家」, 「管制官」,
    「機長」 → None, the role). None when the phrase is not made so."""
    if not head or len(head) > 24:
        return None
    tokens = list(tokenized(head))
    pos = [t.part_of_speech() for t in tokens]
    if not tokens or any(p[0] not in ("名詞", "接尾辞", "接頭辞") for p in pos):
        return None
    last, last_pos = tokens[-1].surface(), pos[-1]
    if last_pos[0] == "接尾辞":
        is_role = last in _PERSON_SUFFIXES and len(tokens) >= 2 and pos[-2][0] == "名詞" and pos[-2][2] != "人名"
    else:
        is_role = (
            last_pos[1] == "普通名詞" and last_pos[2] == "一般" and len(last) >= 2 and last.endswith(_HEAD_ENDINGS)
        )
    if not is_role:
        return None
    named = 0
    while named < len(tokens) - 1 and pos[named][2] == "人名":
        named += 1
    if named:
        name = "".join(t.surface() for t in tokens[:named])
        return name, head[len(name) :]
    return None, head


def _country_or_nothing(prefix: str, actors: ActorIndex) -> bool:
    """「ロシアの」 or 「米」 before a bare title: the title still points at one person named nearby."""
    prefix = prefix.strip(COUNTRY_ABBR + "・")
    if not prefix:
        return True
    hit = actors.resolve(prefix)
    return (hit is not None and hit.kind == "state") or tagged_place(prefix)


def _is_title(s: str) -> bool:
    split = title_suffix(s)
    return bool(split) and not split[0].strip(COUNTRY_ABBR + "・")


def _clean_display(plain: str) -> str:
    return plain.replace("「", "").replace("」", "")


@lru_cache(maxsize=1)
def _titles_by_first() -> dict[str, tuple[str, ...]]:
    # the titles by their first character, each list in the vocabulary's order (longest first): the first that the
    # text starts with is the one the alternation of them all took, in a few `startswith` where the alternation
    # tried every branch at each call (~65 us: 8,000 calls for a quote's 20 hits' contexts)
    by_first: dict[str, list[str]] = {}
    for title in vocabulary().ja_titles:
        by_first.setdefault(title[:1], []).append(title)
    return {first: tuple(titles) for first, titles in by_first.items()}


def _title_at(text: str) -> str | None:
    """The title text starts with (the longest), if any."""
    return next((t for t in _titles_by_first().get(text[:1], ()) if text.startswith(t)), None)


# a staffer's post named by the office they serve (首相秘書官, 大統領特使, 首相補佐官, 社長秘書): the last title is the
# person's own, the first their principal's
_STAFF_POSTS = ("秘書官", "秘書")


def _office_at(text: str) -> str | None:
    """The title a person's name is followed by, a staff post after a principal's office included: 「荒井首相秘書官」 is
    no 首相 (a later bare 「首相は」 is the prime minister's), 「ケリー大統領特使」 no 大統領."""
    title = _title_at(text)
    if title is None:
        return None
    rest = text[len(title) :]
    staff = _title_at(rest) or next((p for p in _STAFF_POSTS if rest.startswith(p)), None)
    return title + staff if staff else title


_DOCS_LOCK = threading.Lock()
_DOCS: OrderedDict[tuple[int, str], tuple[ActorIndex, _Doc]] = OrderedDict()
# The contexts whose readings are kept, the least recently read dropped first, bounded by their characters (a
# reading takes ~14 bytes a character: ~14 MB) rather than by count: a quote's top hits are ~14 contexts, and the
# next quotes about the same news find the same documents (50 bench quotes read 262 distinct contexts in 706;
# the 64 kept before held the last four or five answers' only).
_DOCS_CHARS = 1_000_000
_DOCS_HELD = [0]  # the characters of the contexts held


def _document(ctx: str, actors: ActorIndex) -> _Doc:
    """The context's sentences, subjects and mentions, computed once per (registry, context)."""
    # the entry holds its index (never changed once built): while it is kept, no other index takes that id
    key = (id(actors), ctx)
    with _DOCS_LOCK:
        held = _DOCS.get(key)
        if held is not None and held[0] is actors:
            _DOCS.move_to_end(key)
            return held[1]
    masked = mask_quotes(ctx)
    doc = _Doc(ctx, masked, _sentences(masked))
    doc.mentions = [m for m in actors.mentions(ctx) if masked[m.start] != "＿"]
    refs: list[Ref] = []
    for m in doc.mentions:
        entry = actors.actors[m.actor_id]
        kind = "person" if entry.kind == "person" else ("state" if entry.kind == "state" else "org")
        rest = ctx[m.end : m.end + 14].lstrip(COUNTRY_ABBR + "・")
        title = _office_at(rest) if kind == "person" else None
        refs.append(Ref(m.start, m.end, kind, entry.name, title=title, name=ctx[m.start : m.end]))
    # ひで子 of 「姉ひで子さん」, for 「…たひで子さん」: found when a subject with an honorific asks (most contexts have none)
    kana_names: set[str] | None = None
    unread: list[Ref] = []  # subjects no rule reads as anyone: a company's name the dictionary does not know
    for mk in _MARKER_RE.finditer(masked):
        before = _aside_before(masked, mk.start())  # 「田中ナンシーさん(68)は」, 「菊地功枢機卿(66)=東京大司教=が」
        # 「中居さんは」, and the person's side: 「松本さん側は」
        honorific = (
            next(h for h in _HONORIFICS_SIDE if masked.endswith(h, 0, before))
            if masked.endswith(_HONORIFICS_SIDE, 0, before)
            else ""
        )
        at = before - len(honorific)
        # 「田中熙巳(てるみ)さん(92)は」: a name's reading in brackets stands between the name and さん
        if honorific and not (
            at > 0 and ((_np_char(masked[at - 1]) and not masked[at - 1].isascii()) or masked[at - 1] in ")）")
        ):
            honorific, at = "", mk.start()
        if at == 0 or not (_np_char(masked[at - 1]) or masked[at - 1] in ")）」』"):
            continue
        sent_start = doc.sentence_start(mk.start())
        found = np_before(ctx, masked, at, sent_start)
        if not found:
            continue
        if honorific:
            if kana_names is None:
                kana_names = {m.group(1) for m in _KANA_NAMED_RE.finditer(masked)}
            found = _kana_given_name(ctx, masked, found, sent_start, kana_names)
            found = (found[0], found[1] + honorific)
        ref = classify(found[1], actors, found[0])
        if ref is None or (ref.kind == "org" and actors.resolve(ref.display) is None):
            # 「国軍は」 after 「スーダン国軍」, 「歌劇団は」 after 「宝塚歌劇団」, 「スピリットも」 after 「スピリット・
            # エアロシステムズ」: the body named before, by its head or the first word of its name
            # (the bodies named before listed only for a phrase that may call one by a part: most subjects do not)
            named = (
                body_by_part(found[1], [r.display for r in refs if r.kind == "org" and r.end <= found[0]])
                if may_be_part(found[1])
                else None
            )
            ref = Ref(found[0], found[0] + len(found[1]), "org", named) if named else ref
        body = ref is None and _unknown_body(found[1], actors)
        if ref is None and _named_before_its_words(found[1], masked, mk.end(), sent_start):
            # 「損保ジャパンは「…」とのコメントを出した」: a name no dictionary knows, right before the words it said
            ref = Ref(found[0], found[0] + len(found[1]), "org", found[1])
        if ref is None and (named_body := bracketed_body(found[1], ctx, found[0], mk.group(), masked, mk.end())):
            # 「若手議員でつくる「未来の会」は」, 「市民団体「緑の声」は」: a body's name in brackets, introduced as one
            ref = Ref(found[0], found[0] + len(found[1]), "org", named_body, referred=True)
        if ref is None and not body and agent_leads(masked, sent_start) == mk.start():
            # 「一方、レオ14世は11日、…」: a news sentence's agent, whoever no rule reads it as, is someone else
            ref = Ref(found[0], found[0] + len(found[1]), "anon", _clean_display(found[1]))
        if ref is not None:
            ref.marker = mk.group()
            refs.append(ref)
        elif body:
            unread.append(Ref(found[0], found[0] + len(found[1]), "org", found[1], marker=mk.group(), referred=True))
    refs.sort(key=lambda r: (r.start, r.marker is not None))
    _names_by_surname(refs, masked)
    doc.refs = _antecedents(refs, unread)
    with _DOCS_LOCK:  # ingestion threads and the query thread share the cache
        if not _DOCS:  # emptied (the evaluation does so between stories): nothing held
            _DOCS_HELD[0] = 0
        if key not in _DOCS:
            _DOCS_HELD[0] += len(ctx)
        _DOCS[key] = (actors, doc)
        while _DOCS_HELD[0] > _DOCS_CHARS and len(_DOCS) > 1:
            _DOCS_HELD[0] -= len(_DOCS.popitem(last=False)[0][1])
    return doc


_BODY_PART_RE = re.compile(r"[一-龥ァ-ヶー]{2,8}")
_NOT_A_PART = frozenset(("政府", "当局", "会社", "企業", "団体", "組織", "同社", "同党"))


def may_be_part(phrase: str) -> bool:
    """Whether `body_by_part` may read the phrase as a part of a body's name (else it is None whatever the names)."""
    return bool(_BODY_PART_RE.fullmatch(phrase)) and phrase not in _NOT_A_PART and phrase[0] not in "同両"


def body_by_part(phrase: str, names: list[str]) -> str | None:
    """The last of `names` (bodies named before, latest last) that `phrase` calls by a part of its name: its head with
    what it is of dropped (国軍 of スーダン国軍, 歌劇団 of 宝塚歌劇団, 国防省 of ロシア国防省) or the first word of a
    katakana name (スピリット of スピリット・エアロシステムズ), as a report calls a body again after naming it in full.
    None for a kind noun any body may be called (政府, 当局, 会社: read by their own rules) or no such name."""
    if not may_be_part(phrase):
        return None
    dotted = (phrase + "・", phrase + "･")  # made once, not for each name
    for name in reversed(names):
        if len(name) > len(phrase) and (name.endswith(phrase) or name.startswith(dotted)):
            return name
    return None


_ONE_KANJI_SURNAME_RE = re.compile(r"(?<![一-龥々])([一-龥])氏")
# the name before a title: two or three characters, an office between them and the title (孫衛東 of 孫衛東外務次官;
# 薛剣 of 薛剣駐大阪総領事: a post's own prefix, 駐 "stationed in", 元, 前, 副, is never the name's); or the name and
# its post joined by a middle dot (耿爽 of 中国の耿爽・国連次席大使, 呉慶文 of 呉慶文・蘇州市長)
_TITLED_NAME_RE = re.compile(
    r"(?:^|の)(?:([一-龥]{2}(?:[一-龥](?<![駐元前副新現]))?)[一-龥]{0,5}|([一-龥]{2,3})[・･][一-龥ぁ-ゖァ-ヶー]{0,10})$"
)
# a one-kanji surname with its given name, as news text names a Chinese or Korean person before calling them by the
# surname alone: 「呉慶文・蘇州市長」「耿爽氏」 (the name, then a middle dot, 氏 or a title)
_SURNAME_GIVEN_RE = re.compile(r"(?<![一-龥々])([一-龥])([一-龥]{1,2})(?=[・･]|氏|さん)")


def _names_by_surname(refs: list[Ref], masked: str) -> None:
    """A name no dictionary reads (a Chinese or Korean one: 孫衛東, 鄧炳強) before a title is a person's when the item
    later calls someone by its first character and 氏 (「孫衛東外務次官は…」 … 「孫氏は」): the one-character surname
    those names have, so 「孫氏」 is then that person, not no one."""
    later = {m.group(1): m.start() for m in _ONE_KANJI_SURNAME_RE.finditer(masked)}
    if not later:
        return
    for r in refs:
        if r.kind == "person" and r.name and len(r.display) > 1 and r.name != r.display and r.name[0] in later:
            # 「朱鳳蓮報道官は」 … 「朱氏は」: the item calls the person by a one-kanji surname, so the name read as
            # 朱鳳 + 蓮 (a Japanese surname of two characters) is a Chinese name, shown whole as the item writes it
            if r.name.startswith(r.display) and len(r.name) <= 3 and all(_is_kanji(c) for c in r.name):
                r.display = r.name
            continue
        if r.kind != "anon" or not r.title or not r.display.endswith(r.title):
            continue
        found = _TITLED_NAME_RE.search(r.display[: -len(r.title)])
        name = found and (found.group(1) or found.group(2))
        if not name or later.get(name[0], -1) < r.end:
            continue
        r.kind, r.display, r.name, r.referred = "person", name, name, True


def _is_kanji(ch: str) -> bool:
    return "一" <= ch <= "龥" or ch == "々"


def _written_in_full(surname: str, masked: str, before: int) -> str | None:
    """The one full name the text gives a one-kanji surname before (呉慶文 of 「呉慶文・蘇州市長」 for 「呉市長は」), or
    None when it gives none or two."""
    fulls = {
        m.group(1) + m.group(2)
        for m in _SURNAME_GIVEN_RE.finditer(masked, 0, before)
        if m.group(1) == surname and (masked.startswith(("氏", "さん"), m.end()) or _posted(masked, m.end() + 1))
    }
    return fulls.pop() if len(fulls) == 1 else None


_POST_RE = re.compile(r"[一-龥ァ-ヶー]{1,12}")


def _posted(masked: str, at: int) -> bool:
    """Whether the words at `at` (after a name's middle dot) are a post ending in a title: 蘇州市長, 国連次席大使."""
    post = _POST_RE.match(masked, at)
    return post is not None and any(_title_at(post.group()[i:]) for i in range(len(post.group())))


# a news sentence led by its agent and a date (「一方、レオ14世は11日、…」, 「同協議会は同日、…」): whoever that is, the
# sentence is theirs; when no actor rule reads the name, the speaker carried from before does not go on past it
LEAD_AGENT_RX = re.compile(
    r"\s*(?:(?:一方|また|さらに|ただ|なお|これに対し|その後)[、,]\s*)?"
    r"[^、。「」『』\s＿]{0,23}[一-龥々ァ-ヶーA-Za-z0-9０-９）)](?P<wa>は)"
    r"(?:[0-9０-９]{1,2}日|同日|前日|翌日|今月|先月|昨年|今年|[0-9０-９]{1,2}月)"
)


_ASIDE_RE = re.compile(
    r"(?:[(（][^()（）「」、。]{0,6}[0-9０-９][^()（）「」、。]{0,6}[)）]|[=＝][^=＝「」、。]{1,16}[=＝])$"
)


def _aside_before(masked: str, i: int) -> int:
    """Where a name ends before the asides written after it and before its particle: an age in brackets, a post
    between equals signs (「田中ナンシーさん(68)は」 → after さん; 「菊地功枢機卿(66)=東京大司教=が」 → after 枢機卿)."""
    while (aside := _ASIDE_RE.search(masked, max(0, i - 20), i)) is not None:
        i = aside.start()
    return i


def agent_leads(masked: str, sent_start: int) -> int | None:
    """Where the は of a subject that opens a sentence saying someone spoke is, a date after it (「一方、Xは11日、
    「…」と呼びかけた」): whoever X is, the sentence is X's; None for any other sentence (「式典は11日、開かれた」)."""
    lead = LEAD_AGENT_RX.match(masked, sent_start)
    if lead is None:
        return None
    end = masked.find("。", lead.end())
    return lead.start("wa") if speech_verb(masked[sent_start : end if end >= 0 else len(masked)]) else None


# what may stand between a subject's particle and the words it says: a date, 同日, the means (声明で, コメントで)
_WORDS_AFTER_RE = re.compile(
    r"[、,]?\s*(?:(?:同日|[0-9０-９]{1,2}日|声明で|コメントで|文書で|書面で|ホームページで|公式サイトで)[、,]?\s*)?[「『]"
)
_KANA_OR_LATIN_RE = re.compile(r"[ァ-ヴA-Za-zＡ-Ｚａ-ｚ]")


def _named_before_its_words(np: str, masked: str, after: int, sent_start: int) -> bool:
    """Whether a subject no rule reads is a body's name right before the words it says (「損保ジャパンは「…」との
    コメントを出した」, 「ニコニコ運営は「…」とコメントした」, 「ビッグモーターは声明で「…」と」): one word written
    in katakana or Latin letters in part (a company's, a service's), not a place, not a single common noun of the
    dictionary (スタッフ, ファン), in a sentence that says it spoke."""
    if not _NAME_WORD_RE.fullmatch(np) or not _KANA_OR_LATIN_RE.search(np) or tagged_place(np) or anonymous_head(np):
        return False
    if _WORDS_AFTER_RE.match(masked, after) is None:
        return False
    end = masked.find("。", after)
    if not speech_verb(masked[sent_start : end if end >= 0 else len(masked)]):
        return False
    tokens = list(tokenized(np))
    return len(tokens) >= 2 or tokens[0].is_oov() or tokens[0].part_of_speech()[1] == "固有名詞"


# What introduces a name in brackets as a body's: what it is made up of (「議員でつくる「…」」, 「5団体で構成する「…」」,
# 「…が加盟する「…」」), or its kind right before it (「市民団体「…」」, 「環境団体の「…」」, 「有志グループ「…」」)
_BODY_INTRO_RE = re.compile(
    r"(?:でつくる|で作る|で構成する|で構成される|が加盟する|が参加する)$"
    r"|(?:団体|組織|グループ|政党|会派|協会|組合|労組|連盟|連合|ネットワーク|NGO|NPO|NPO法人|財団|連絡会)の?$"
)
# after the bracketed name, a subject's particle: は or も, or が set off by a comma or a date (「「…」が3日、」), never
# a が inside a clause that qualifies a noun (「政治団体「…」が支援する谷口氏は」: the party is not the subject)
_BODY_SUBJECT_AFTER_RE = re.compile(r"(?:は|も)|が(?=[、,]|[0-9０-９]{1,2}日)")


def bracketed_body(np: str, ctx: str, start: int, marker: str, masked: str, after: int) -> str | None:
    """The name of a body written in brackets as a sentence's subject, when the words before it say it is a body
    (`_BODY_INTRO_RE`): 「研究者らでつくる「原子力市民委員会」は」 → 原子力市民委員会, 「政治団体「未来の党」は」 →
    未来の党 (the name, without a short name bracketed after it: 「気候行動ネットワーク(CAN)」). The registry need not
    hold it: /quote names it as written and the speakers' reading makes it an actor for /stance. Never a work's
    title in brackets (「映画「…」は」: no body's word before it). A name written as a foreign person's is one too,
    so introduced (「保守強硬派でつくる「フリーダム・コーカス」」)."""
    kind, sep, bracketed = np.rpartition("「")
    if not sep or not bracketed.endswith("」"):
        return None
    found = _BRACKETED_NAME_RE.fullmatch("「" + bracketed)
    if found is None or _BODY_SUBJECT_AFTER_RE.match(masked, after - len(marker)) is None:
        return None
    before = (ctx[max(0, start - 12) : start] + kind).rstrip()
    if not _BODY_INTRO_RE.search(before):
        return None
    name = found.group(1).strip()
    return name if len(name) >= 2 else None


_BRACKET_SUBJECT_RE = re.compile(r"[」』](?=は|も|が)")


def bracketed_body_subject(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a sentence's opening, before its first subject any rule reads) has a body named in
    brackets as its subject (`bracketed_body`): the sentence names its own speaker, whom the index need not hold,
    and no speaker of the sentences before goes on in it."""
    if _BRACKET_SUBJECT_RE.search(text, lo, hi) is None:
        return False
    masked = mask_quotes(text[lo:hi])
    for m in _BRACKET_SUBJECT_RE.finditer(masked):
        found = np_before(text[lo:hi], masked, m.end(), 0)
        marker = _MARKER_RE.match(masked, m.end())
        if found and marker and bracketed_body(found[1], text[lo:hi], found[0], marker.group(), masked, marker.end()):
            return True
    return False


# the anaphors that name a company the article named before: 同社, 同グループ (両社 reads two)
_COMPANY_ANAPHORA = ("同社", "同グループ")
_NAME_WORD_RE = re.compile(r"[一-龥々ァ-ヴー・A-Za-z0-9＆&]{2,12}")
_KATAKANA_WORD_RE = re.compile(r"[ァ-ヴー・]{4,12}")


def _unknown_body(np: str, actors: ActorIndex) -> bool:
    """Whether a subject no rule reads may still be a company's name: one word, not a place, and either its
    country's name and more (日本郵便) or katakana the dictionary reads as a compound (バイトダンス: バイト and
    ダンス), never a single common noun (スタッフ) nor kanji ones (意見書). Only an anaphor after it makes it one
    (`_antecedents`)."""
    if not _NAME_WORD_RE.fullmatch(np) or tagged_place(np) or anonymous_head(np):
        return False
    found = actors.mentions(np)
    if found:  # its country's name and a word of two letters or more that no government body ends with
        return (
            len(found) == 1
            and found[0].start == 0
            and actors.actors[found[0].actor_id].kind in ("state", "country")
            and found[0].end <= len(np) - 2
            and not np.endswith(tuple(_GOVERNMENT_ENDINGS))
        )
    # katakana words a dictionary splits (バイト and ダンス), never kanji ones (意見書 is a document, not a company)
    return bool(_KATAKANA_WORD_RE.fullmatch(np)) and len(list(tokenized(np))) >= 2


def _antecedents(refs: list[Ref], unread: list[Ref]) -> list[Ref]:
    """The subjects no rule read that an anaphor then refers to, read as the company they name: 「日本郵便は17日、…
    公表した。…同社は…」 — the article's own 同社 says that 日本郵便 is a company, where the dictionary does not know
    the name. The antecedent is the last such subject before the anaphor with no company read between them (a
    ministry or a party may be: 同社 is none of those)."""
    if not unread:
        return refs
    added: list[Ref] = []
    for r in refs:
        if r.kind != "anaphor" or r.display not in _COMPANY_ANAPHORA:
            continue
        before = [u for u in unread if u.end <= r.start]
        if not before:
            continue
        last = before[-1]
        if any(
            o.kind == "org"
            and o.marker is not None
            and last.end <= o.start < r.start
            and not o.display.endswith(BODY_KIND_HEADS)  # a ministry between is not what 同社 refers to
            for o in refs
        ):
            continue
        added.extend(u for u in unread if u.display == last.display and u not in added)
    return sorted([*refs, *added], key=lambda r: (r.start, r.marker is not None)) if added else refs


# a given name written in kana before its last kanji (ひで子, あき子, まさ江): the kana run a noun phrase stops at
_KANA_NAME_RE = re.compile(r"(?<![ぁ-ゖ])[ぁ-ゖ]{1,3}$")


_KANA_NAMED_RE = re.compile(r"(?<![ぁ-ゖ])([ぁ-ゖ]{1,3}[一-龥])(?:さん|ちゃん)")


def _kana_given_name(text: str, masked: str, found: tuple[int, str], floor: int, named: set[str]) -> tuple[int, str]:
    """A person's phrase before さん or ちゃん whose name opens in kana (「姉ひで子さんは」: the phrase read back
    stops at 子): the name with its kana. Only a one-kanji ending: a longer kanji phrase is a name of its own. After
    a verb's kana (「花束を受け取ったひで子さんは」) only a name the text writes so elsewhere (`named`)."""
    at, np = found
    if len(np) != 1 or not ("一" <= np <= "龥"):
        return found
    kana = _KANA_NAME_RE.search(masked, floor, at)
    if kana:
        return kana.start(), text[kana.start() : at] + np
    for k in (3, 2, 1):
        if at - k >= floor and masked[at - k : at] + np in named:
            return at - k, text[at - k : at] + np
    return found


def _sentences(masked: str) -> list[tuple[int, int]]:
    """Sentences, never across a line break (a paragraph, a bullet, a heading)."""
    if "\n" not in masked:  # one line: its spans as they are (a list of its own, `split_sentences`)
        return split_sentences(masked)
    out: list[tuple[int, int]] = []
    at = 0
    for line in masked.split("\n"):
        if line:  # an empty line has no sentence
            out += [(at + a, at + b) for a, b in sentence_spans(line)] if at else sentence_spans(line)
        at += len(line) + 1
    return out


def _resolve(ref: Ref, doc: _Doc, actors: ActorIndex) -> str:
    """What the answer names: an anaphor or a bare title resolved against what came before, a surname expanded."""
    before = [r for r in doc.refs if r.end <= ref.start and r.kind not in ("anaphor", "title")]
    if ref.kind == "anaphor":
        want = ref.title or "person"
        if want == "person":
            people = [r for r in before if r.kind == "person"]
            subjects = [r for r in people if _main_subject(r, doc, ref.start)]
            return (subjects or people)[-1].display if people else ref.display
        pair = _joined_pair(ref, doc, actors) if want == "orgs" else None
        if pair:
            return pair
        if want in ("persons", "orgs", "states"):
            kinds = {"persons": ("person",), "orgs": ("org",), "states": ("state",)}[want]
            names = list(dict.fromkeys(r.display for r in before if r.kind in kinds))
            return "・".join(names[-2:]) if len(names) >= 2 else ref.display
        suffix = ref.display[1:]
        kinds = ("state",) if want == "state" else ("org", "state")
        orgs = [r for r in before if r.kind in kinds and r.marker is not None]
        fitting = [r for r in orgs if r.display.endswith(suffix) or org_suffix(r.display) == suffix]
        if not fitting and suffix not in ("社", "グループ"):
            # 同行 of the bank, 同庁 of the agency the item named only in passing (「三菱UFJ銀行の行員が…」): the
            # kind names it, where 同社 could be any company named
            fitting = [r for r in before if r.kind in kinds and r.display.endswith(suffix)]
            named = [b for r in before if (b := r.display.split("の")[0]) != r.display and b.endswith(suffix)]
            if not fitting and named and org_suffix(named[-1]):  # 「三菱UFJ銀行の行員が」: the bank, unregistered
                return named[-1]
        # 同社 is a company: not a body whose name says another kind (「綾里漁協によると…。同社は」 is not the co-operative)
        companies = [r for r in orgs if r.kind == "org" and not r.display.endswith(BODY_KIND_HEADS)]
        pick = fitting or (companies if suffix in ("社", "グループ") else orgs)
        return pick[-1].display if pick else ref.display
    if ref.kind == "title":
        # the person named with that very title before one whose title only ends with it: 「首相は」 after 「サンチェス
        # 首相とマソン州首相」 is the 首相, not the regional one (州首相), however near
        people = [r for r in reversed(before) if r.kind == "person" and r.title]
        for r in (*(r for r in people if r.title == ref.title), *people):
            if r.title == ref.title or r.title.endswith(ref.title or ""):
                return r.display
        for r in doc.refs:  # named with the title later in the item: 「大統領補佐官は」 … 「ウシャコフ大統領補佐官」
            if r.kind == "person" and r.title and r.start > ref.start and r.title.endswith(ref.title or ""):
                return r.display
        return _role_of_body_before(ref, doc) or head_of_government(ref, doc) or ref.display
    if ref.kind == "anon":
        of_body = _body_of_role(ref, doc, actors)
        if of_body:
            return of_body
    if ref.kind == "anon" and ref.title:  # 「港社長」 after 「港浩一社長」: a one-kanji surname the dictionary doubts
        surname = ref.display[: -len(ref.title)] if ref.display.endswith(ref.title) else ""
        if surname and len(surname) <= 3 and all(_np_char(c) and not c.isascii() for c in surname):
            for r in reversed(before):
                if r.kind == "person" and r.display != surname and r.display.startswith(surname):
                    return r.display
            if len(surname) == 1 and (full := _written_in_full(surname, doc.masked, ref.start)) is not None:
                return full  # 「黄市長は」 after 「黄坤明・広州市長と面会し」
    if ref.kind == "person" and ref.name and (full := _full_katakana_name(ref, before, actors, doc.masked)) is not None:
        return full  # 「ペートンタン首相」 after 「ペートンタン・シナワット首相」: the person written in full before
    if ref.kind == "person" and ref.name and ref.display == ref.name and actors.resolve(ref.name) is None:
        for r in reversed(before):  # 「尹氏」 after 「尹錫悦大統領」
            if r.kind == "person" and r.display != ref.display and r.display.startswith(ref.name):
                return r.display
        if len(ref.name) == 1 and (full := _written_in_full(ref.name, doc.masked, ref.start)) is not None:
            return full  # 「呉市長は」 after 「…呉慶文・蘇州市長と面会し」: named in full, though not as a subject
    return ref.display


# a news outlet as a source (「ロイター通信によると」, 「NHKによると」, 「英紙によれば」): a paper, a broadcaster, an agency, a wire
_OUTLET_RE = re.compile(
    r"(?:通信社?|新聞社?|テレビ|放送|[紙誌]|メディア|電子版|ロイター|ブルームバーグ|ニュース)$|^[A-ZＡ-Ｚ]{2,5}$"
)
_HEARSAY_TAIL_RE = re.compile(r"(?:という|とのこと|ということ)(?:です|だ)?[。．]?\s*$")
_TOLD_KINDS = ("person", "anaphor", "title", "org", "state")


def outlet_relays(source: Ref, subjects: list[Ref], sentence: str) -> Ref | None:
    """The speaker a news outlet's report relays, where the sentence names them after the outlet and says they
    spoke (「ロイター通信によると、X氏は…との考えを示した」, 「NHKによると、声明で同集団は…と主張した」): X, not the outlet,
    as a quote's speaker after 「…によると」 already is. Not a sentence that only relays hearsay (「…を認めているという」)
    nor another source's report (「警察によると」: what the police tell of a suspect stays theirs)."""
    if not _OUTLET_RE.search(source.display):
        return None
    told = [r for r in subjects if r.start > source.end and r.marker in ("は", "も") and r.kind in _TOLD_KINDS]
    if not told or not speech_verb(_HEARSAY_TAIL_RE.sub("", sentence)):
        return None
    return told[0]


# the titles of a head of government, whose person a report may name only by their cabinet or administration
_GOVERNMENT_HEADS = frozenset(("首相", "総理", "総理大臣", "大統領"))
_GOVERNMENT_OF = ("内閣", "政権")


def head_of_government(ref: Ref, doc: _Doc) -> str | None:
    """The person a bare 「首相は」 or 「大統領は」 is when the item names no one with that title but names a cabinet
    or an administration by its head (「岸田内閣の支持率は…。首相は」, 「トランプ政権は…。大統領は」): that head, the one
    named last before the title (else first after it, in a lead that names the title first); None for two heads
    named before (「安倍政権」 then 「菅政権」: whose the title is, is unsaid)."""
    if ref.title not in _GOVERNMENT_HEADS or ref.display != ref.title:
        return None
    heads = [r for r in doc.refs if r.kind == "person" and doc.masked.startswith(_GOVERNMENT_OF, r.end)]
    before = list(dict.fromkeys(r.display for r in heads if r.end <= ref.start))
    if len(before) > 1:
        return None
    after = [r.display for r in heads if r.start > ref.start]
    return before[0] if before else (after[0] if after else None)


def _main_subject(ref: Ref, doc: _Doc, limit: int) -> bool:
    """Whether a person is the subject of their sentence's main clause, what 同氏 points back at (「武見厚労相は…岸田
    首相に報告した後…。同氏は」 is 武見's; 「筒井会長は…高市氏が…歴任してきたことを挙げて…。同氏は」 筒井's): a topic
    or a subject, not one of a clause made a noun, reported or asked about (`_subordinate`, `_asked_about`)."""
    if ref.marker not in ("は", "も", "が"):
        return False
    sent = doc.sentence_at(ref.start)
    end = min(sent[1], limit) if sent else limit
    return not _subordinate(ref, doc.masked, end) and not _asked_about(ref, doc.masked, end)


_KATAKANA_FULL_RE = re.compile(r"[ァ-ヺー]+(?:[・･=＝][ァ-ヺー]+)+")


def _full_katakana_name(ref: Ref, before: list[Ref], actors: ActorIndex, doc_text: str) -> str | None:
    """The one person written earlier with a katakana full name of which this name is one part (ペートンタン or シナワット
    of 「ペートンタン・シナワット首相」, フン or セン of 「フン・セン氏」, フライン of 「ミン・アウン・フライン総司令官」): a
    report shortens a full name to any of its parts, the family name, the given name or the name used, and the part
    is that person whoever else of the name the registry holds (サラ・ドゥテルテ's ドゥテルテ is hers in her report).
    None where the part is that person's own name in the index already (トランプ of ドナルド・トランプ)."""
    name = ref.name or ""
    if not name or "・" in name or not all("ァ" <= c <= "ヺ" or c == "ー" for c in name):
        return None
    fulls = {
        r.display: r.name
        for r in before
        if r.kind == "person" and r.name and "・" in r.name and name in re.split(r"[・･=＝]", r.name)
    }
    if len(fulls) != 1:
        return None
    full = next(iter(fulls.values()))  # the full name as written: the person's alias
    written = {m.group() for m in _KATAKANA_FULL_RE.finditer(doc_text, 0, ref.start)}
    if any(w != full and not full.endswith(w) and name in re.split(r"[・･=＝]", w) for w in written):
        return None  # 「フン・セン前首相とフン・マネット首相」 … 「フン氏」: either of two
    held, own = actors.resolve(full), actors.resolve(name)
    return None if held is not None and own is not None and held.id == own.id else full


_BARE_ROLES = frozenset(("担当者", "幹部", "広報担当者", "広報", "責任者", "職員", "社員", "首脳", "報道担当者"))


def _body_of_role(ref: Ref, doc: _Doc, actors: ActorIndex) -> str | None:
    """A role said of a body: 「同庁の担当者」 → 気象庁の担当者 (the anaphor resolved), or a bare role (「担当者は」) whose
    body is the subject earlier in the same sentence (「日本航空も会見を開き、担当者は「…」」) → 日本航空の担当者, or of the
    sentence before when the role opens its own."""
    v = vocabulary()
    plain = ref.display
    cut = plain.find("の")
    if cut > 0 and v.ja_anaphora.get(plain[:cut]) in ("org", "state"):
        body = _resolve(Ref(ref.start, ref.start + cut, "anaphor", plain[:cut], title=v.ja_anaphora[plain[:cut]]),
                        doc, actors)  # fmt: skip
        return body + plain[cut:] if body != plain[:cut] else None
    if cut < 0 and (named := _role_of_body_before(ref, doc)):
        return named
    if plain not in _BARE_ROLES:
        return None
    sent = doc.sentence_at(ref.start)
    if sent is None:
        return None
    bodies = _subjects(doc, sent[0], ref.start, ("org", "state"))
    if not bodies and sent[0] > 0 and (before := doc.sentence_at(sent[0] - 1)) is not None:
        # the role opens the sentence after its body's: 「独VWは声明で、決定に反対する立場を表明した。広報担当者は、…」,
        # 「ANAは…計画だ。担当者は「…」と話す」 — unless a person is that sentence's subject (then whose role it is is unsaid)
        bodies = _subjects(doc, before[0], before[1], ("org", "state"))
        bodies = [] if _subjects(doc, before[0], before[1], ("person",)) else bodies
    return f"{bodies[-1].display}の{plain}" if bodies else None


def _role_of_body_before(ref: Ref, doc: _Doc) -> str | None:
    """A bare role again after the item named it with its body (「中国商務省の報道官は…。報道官は「…」」, 「パキスタン軍の
    報道官は…。報道官は」): the body's role as named last before it, not a role of no one."""
    plain = ref.display
    if "の" in plain:
        return None
    named = [r.display for r in doc.refs if r.end <= ref.start and r.display.endswith("の" + plain)]
    return named[-1] if named else None


def _subjects(doc: _Doc, lo: int, hi: int, kinds: tuple[str, ...]) -> list[Ref]:
    """The references of those kinds marked as a subject (は, も, が) between lo and hi."""
    return [r for r in doc.refs if r.marker in ("は", "も", "が") and r.kind in kinds and _in(r, lo, hi)]


def _np_after(text: str, masked: str, i: int) -> str:
    """The noun phrase that starts at i, to its head after the last の: 「親会社のフジ・メディア・ホールディングス」."""
    j = i
    while j < len(masked) and j - i < 40:
        ch = masked[j]
        if _np_char(ch) or (ch == "の" and j > i and j + 1 < len(masked) and _np_char(masked[j + 1])):
            j += 1
        else:
            break
    return _split_head(text[i:j])[1]


def _joined_pair(ref: Ref, doc: _Doc, actors: ActorIndex) -> str | None:
    """「両社」 after 「フジテレビと親会社のフジ・メディアHDに」: the two organisations joined by と (or や, および)
    in the sentences just before, when both are organisations."""
    lo = max(0, ref.start - 400)
    for mk in reversed(list(re.finditer(r"(?:と|および|及び|や)", doc.masked[lo : ref.start]))):
        at = lo + mk.start()
        first = np_before(doc.text, doc.masked, at, lo)
        second = _np_after(doc.text, doc.masked, at + len(mk.group()))
        if not first or not second:
            continue
        names = []
        for np in (first[1], second):
            r = classify(np, actors)
            if r is None or r.kind != "org":
                break
            names.append(r.display)
        if len(names) == 2 and names[0] != names[1]:
            return "・".join(names)
    return None


def _in(ref: Ref, lo: int, hi: int) -> bool:
    return lo <= ref.start and ref.end <= hi


def attribute_ja(
    text: str,
    start: int,
    end: int,
    actors: ActorIndex,
    default_speaker: str | None = None,
    context: str = "",
) -> str | None:
    """The speaker of text[start:end] (Japanese), as an actor's canonical name or the text's own phrase."""
    ctx = context if context and text in context else text
    off = ctx.find(text) if ctx is not text else 0
    doc = _document(ctx, actors)
    s, e = start + off, end + off
    # a span that begins inside a quotation is that quotation's, even when a loose match runs past its end
    bounds = quote_bounds(ctx, s, e) or quote_bounds(ctx, s, s + 1)
    q0, q1 = bounds if bounds else (s, e)
    line_start = ctx.rfind("\n", 0, q0) + 1

    # 1. a label in front of the line
    label = LABEL_RE.match(ctx[line_start:])
    if label and line_start + label.end() <= q0 + 1:
        found = np_before(ctx, doc.masked, line_start + label.end(1), line_start)
        ref = classify(found[1], actors, found[0]) if found else None
        if ref is not None:
            return _resolve(ref, doc, actors)
        name = strip_title(label.group(1))
        if name and len(name) <= 20:
            hit = actors.resolve(name)
            return hit.name if hit else name

    if bounds:
        # 2. a speaker right before the quote, no colon: 「トランプ大統領「…」」
        found = np_before(ctx, doc.masked, q0, line_start)
        if found and (found[0] == line_start or ctx[found[0] - 1] in "、。 \u3000\n"):
            ref = classify(found[1], actors, found[0])
            if ref is not None and ref.kind in ("person", "anaphor", "title") and ref.title:
                return _resolve(ref, doc, actors)
            if ref is not None and ref.kind == "anon" and ref.title and _resolve(ref, doc, actors) != ref.display:
                return _resolve(ref, doc, actors)
        # a name and title on the line above a quote that opens its own line (broadcast style):
        # 「石破総理大臣\n「…」」, 「立憲民主党 野田代表\n「…」」
        if q0 == line_start and line_start >= 2:
            above_start = ctx.rfind("\n", 0, line_start - 1) + 1
            above = ctx[above_start : line_start - 1].rstrip()
            if above and len(above) <= 30 and not re.search(r"[。、「」]", above):
                word_start = above_start + max(above.rfind(" "), above.rfind("\u3000")) + 1
                ref = classify(ctx[word_start : above_start + len(above)], actors, word_start)
                if ref is not None and ref.kind in ("person", "anaphor", "title", "anon"):
                    return _resolve(ref, doc, actors)
        # 3. a possessive just before an utterance: 「Xの、「…」という発言」
        if _UTTERANCE_AFTER_RE.match(ctx[q1 - 1 :]):
            for m in reversed([m for m in doc.mentions if q0 - 24 <= m.start and m.end <= q0]):
                if _POSSESSIVE_RE.fullmatch(doc.masked[m.end : q0]):
                    return m.name
        # the speaker in brackets after the quote: 「「…」(国内証券アナリスト)との声が出ていた」
        aside = _ASIDE_AFTER_RE.match(ctx, q1 - 1)
        if aside:
            ref = classify(aside.group(1), actors, aside.start(1))
            return _resolve(ref, doc, actors) if ref is not None else aside.group(1)
        # an answer under a question line (――…) of a Q&A passage: whoever the passage introduced
        if not ctx[line_start:q0].strip():
            answered = _interviewee(doc, line_start, actors)
            if answered:
                return answered
        # voices from a group: 「野党議員からも「…」との声が出ている」 (the から phrase speaks, the 声 does not)
        if _VOICE_AFTER_RE.match(ctx, q1 - 1):
            sent_start = at[0] if (at := doc.sentence_at(q0)) else line_start
            source = _VOICE_FROM_RE.search(doc.masked, sent_start, q0)
            found = np_before(ctx, doc.masked, source.start(), sent_start) if source else None
            ref = classify(found[1], actors, found[0]) if found else None
            if ref is not None:
                return _resolve(ref, doc, actors)
        # 4. a speaker right after the quote: 「「…」と、Xは」 (never 「「…」との声が」: what was said, not who)
        trail = _TRAILING_RE.match(doc.masked, q1)
        if trail:
            np_end = _TRAILING_NP_RE.match(doc.masked, trail.end())
            phrase = np_end.group(1).strip() if np_end else ""
            head = phrase[2:] if phrase.startswith("ある") else phrase
            if (
                phrase
                and len(phrase) <= 25
                and not phrase.startswith("の")
                and not _VERBISH_RE.search(head.replace("の", ""))
            ):
                stop = trail.end() + len(np_end.group(1))
                after = [r for r in doc.refs if r.marker in ("は", "が", "も") and r.end == stop]
                return _resolve(after[0], doc, actors) if after else phrase

    # 5. the subject of the sentence the span sits in
    sent = doc.sentence_at(q0) or (0, len(ctx))
    subjects = [
        r
        for r in doc.refs
        if r.marker
        and _in(r, sent[0], q0)
        and not _subordinate(r, doc.masked, q0)
        and not _asked_about(r, doc.masked, q0)
        and not (r.marker == "が" and ga_inside_going_on(doc.masked, sent[0], r.end))
    ]
    if not bounds:
        reported = [r for r in subjects if r.marker in _REPORTED]
        told = outlet_relays(reported[-1], subjects, doc.masked[sent[0] : sent[1]]) if reported else None
        if told is not None:
            return _resolve(told, doc, actors)
        if reported:
            return _resolve(reported[-1], doc, actors)
        # an answer written without brackets under a question line is the interviewee's, a speech verb or not
        if not subjects and _answer_line(doc, line_start):
            answered = _interviewee(doc, line_start, actors)
            if answered:
                return answered
        if not speech_verb(doc.masked[sent[0] : sent[1]]):  # a plain statement of fact: no one said it
            # unless a sentence before announced it on lines of its own (「…はこう話した。」, 「…は次のように述べた。」)
            # a line without quotation marks is the announced words only as a block quote or right after the
            # announcement: a report goes on after the words it announced (「…こう話した。」「> …」「市の財政は…」)
            reach = _ANNOUNCED_BACK if _QUOTED_LINE_RE.match(ctx, line_start) else 1
            announced = _announced(doc, sent[0], actors, reach) if not subjects and sent[0] == line_start else None
            return announced or _headline_speaker(default_speaker, actors)
    inner = subjects[-1] if bounds and subjects and subjects[-1].marker == "が" else None
    if (
        inner is not None
        and _REPORTED_QUOTE_RE.match(doc.masked, q1 - 1)
        and speaks_of_later(doc.masked[inner.end + len(inner.marker or "") : q0])
    ):
        # a quote the sentence's speaker reports another said: 「小泉氏は…、首相が「…」と明言したことを明らかにした」;
        # only adverbial phrases between that が and the quote (not 「…を投資家が判断して決まるものだとしたうえで、「…」」)
        return _resolve(inner, doc, actors)
    topic = [r for r in subjects if r.marker in _TOPIC and r.marker not in _REPORTED]
    if topic:  # the last topic, unless the first is the speaker and the later ones what they speak of
        return _resolve(_first_speaks_of_later(topic, doc) or topic[-1], doc, actors)
    if subjects:
        return _resolve(subjects[-1], doc, actors)
    later = [r for r in doc.refs if r.marker in ("は", "が") and _in(r, q1, sent[1])] if bounds else []
    if later and doc.masked[q1 : later[0].start].strip("」』と、, "):
        later = []
    if later:
        return _resolve(later[0], doc, actors)

    # a paragraph that opens on a quote standing alone, its speaker in the next sentence (a feature's lead):
    # 「「長い時間がかかった」。…に住む元信者の女性は声を詰まらせた」
    if bounds and not ctx[line_start:q0].strip() and not doc.masked[q1 : sent[1]].strip("」』。 "):
        nxt = next(((a, b) for a, b in doc.sentences if a >= sent[1] and "\n" not in ctx[sent[1] : a]), None)
        lead = [
            r
            for r in doc.refs
            if nxt and r.marker in ("は", "が") and _in(r, *nxt) and r.kind in ("person", "anon", "anaphor", "title")
        ]
        if lead:
            return _resolve(lead[0], doc, actors)

    # 6. a subject carried over from the sentences before: any subject when the sentence has a speech verb
    # (「そのうえで「…」と話した」), else (a quote standing alone) the previous sentence's speaker in the paragraph
    verb = speech_verb(doc.masked[sent[0] : sent[1]])
    if bounds or verb:
        prev = _carried_from(doc, sent[0])
        if not verb:
            prev = [x for x in prev[-1:] if "\n" not in ctx[x[1] : sent[0]]]
        for a, b in reversed(prev):
            if verb and _HEARSAY_END_RE.search(doc.masked, a, b):
                continue  # 「水原氏は…と説明していたということです。」: what the speaker told of someone, not a turn
            carried = [
                r
                for r in doc.refs
                if r.marker in ("は", "も", "が")
                and _in(r, a, b)
                and not _asked_about(r, doc.masked, b)
                and not _embedded(r, doc.masked, b)
            ]
            if not verb:
                carried = [r for r in carried if r.kind in ("person", "anon", "anaphor", "title")]
            topic = [r for r in carried if r.marker != "が"]
            if topic or carried:
                return _resolve((topic or carried)[0], doc, actors)
        # an answer to reporters' question (「記者団から…を問われると、「…」と答えた」): the person the item has
        # been quoting, however many sentences of fact stand between
        if verb and _ANSWER_RE.search(doc.masked, sent[0], q0):
            people = [
                r for r in doc.refs if r.end <= sent[0] and r.marker in ("は", "が", "も") and r.kind in _PEOPLE_KINDS
            ]
            if people:
                return _resolve(people[-1], doc, actors)

    # the quote a sentence before announced (「大阪府の担当者は次のように述べた。」, then 「担当者「…」」 on its own line)
    announced = _announced(doc, sent[0], actors) if bounds and sent[0] == line_start else None
    if announced:
        return announced

    # 7. the headline's attribution for the item
    return _headline_speaker(default_speaker, actors)


# a quote's verb in a clause made a noun or reported (「…」と明言したことを, 「…」と述べたと説明した, 「…」と語ったという):
# the words of the が subject before the quote, whom the sentence's own speaker reports
_REPORTED_QUOTE_RE = re.compile(
    r"[」』]\s*と(?:[一-龥]{1,4}し|[一-龥]?[ぁ-ゖ]{1,4}?|言っ|話し)(?:た|ていた)(?:こと|と(?![し思見考])|という|との)"
)
# a sentence announcing the words that follow it (cataphora): 「Xは次のように述べた。」「Xはこう話している。」
# 「主なやりとりは以下の通り。」
_ANNOUNCE_RE = re.compile(
    r"(?:こう|次のように|以下のように|次の通り|次のとおり|以下の通り|以下のとおり)[^。、]{0,16}[。：:]?\s*$"
)
# a Q&A passage's heading that names the one asked: 「首相と記者団との主なやりとり」「X氏との一問一答」
_EXCHANGE_RE = re.compile(r"(?:と記者団|と記者|と報道陣)との(?:主な)?(?:やりとり|やり取り|一問一答)|との一問一答")
# a line of the announced words: a quote, a block quote, a bullet of quotes, a question line
_QUOTED_LINE_RE = re.compile(r"\s*(?:[「『>＞]|[-・]\s*[「『])")
_ANNOUNCED_BACK = 8  # sentences of announced words an announcement reaches past


def _announced(doc: _Doc, at: int, actors: ActorIndex, reach: int = _ANNOUNCED_BACK) -> str | None:
    """The speaker of words on lines of their own that a sentence before them announced (「斉藤代表は会見でこう話した。」
    then 「> …」; 「市の担当者は次のように述べました。」 then 「担当者「…」」), when only lines of the announced words (quotes,
    block quotes, Q&A lines) stand between; the one named before 「と記者団との主なやりとり」. None when a sentence of
    another kind comes first: the announcement's reach ends where the report goes on."""
    prev = [x for x in doc.sentences if x[1] <= at]
    for a, b in reversed(prev[-reach:]):
        line = doc.text[a:b]
        if a == doc.text.rfind("\n", 0, a + 1) + 1 and (_QUOTED_LINE_RE.match(line) or is_question_line(line)):
            continue  # a line of the words announced
        if _ANNOUNCE_RE.search(doc.masked, a, b) is None and _EXCHANGE_RE.search(doc.masked, a, b) is None:
            return None
        return _announcer(doc, a, b, actors)
    return None


def _announcer(doc: _Doc, a: int, b: int, actors: ActorIndex) -> str | None:
    """Who the announcing sentence doc.text[a:b] names: its topic (「Xは…こう話した」), the one before 「と記者団との」,
    else the last person the item made a subject (「記者団との主なやりとりは次の通り」 after 「ひで子さんは…」)."""
    topic = [r for r in doc.refs if r.marker in ("は", "も", "が") and _in(r, a, b)]
    exchange = _EXCHANGE_RE.search(doc.masked, a, b)
    if exchange:
        found = np_before(doc.text, doc.masked, exchange.start(), a)
        ref = classify(found[1], actors, found[0]) if found else None
        if ref is not None and ref.kind in (*_PEOPLE_KINDS, "org", "anon"):
            return _resolve(ref, doc, actors)
    speakers = [r for r in topic if r.kind in (*_PEOPLE_KINDS, "org", "state", "anon")]
    if speakers:
        return _resolve(speakers[0], doc, actors)
    people = [r for r in doc.refs if r.end <= a and r.marker in ("は", "が", "も") and r.kind in _PEOPLE_KINDS]
    return _resolve(people[-1], doc, actors) if people else None


def _answer_line(doc: _Doc, line_start: int) -> bool:
    """Whether the line at line_start answers a question line of a Q&A passage (the line before it, blanks apart)."""
    end = line_start - 1
    while end > 0:  # the lines before, back to the first that is not blank (never the whole text split)
        start = doc.text.rfind("\n", 0, end) + 1
        line = doc.text[start:end].strip()
        if line:
            return is_question_line(line)
        end = start - 1
    return False


def _first_speaks_of_later(topic: list[Ref], doc: _Doc) -> Ref | None:
    """The sentence's first topic when the later ones are what it speaks of: 「風早アナリストは、デイカス氏は「…」と
    指摘し」 (see `speaks_of_later`); never a body before a person (「経団連は同日、十倉会長も「…」と述べた」)."""
    first, later = topic[0], topic[1:]
    if not later or first.marker not in ("は", "も"):
        return None
    people = ("person", "anaphor", "title", "anon")
    if first.kind not in people and any(r.kind in people for r in later):
        return None
    return first if speaks_of_later(doc.masked[first.end + len(first.marker) : later[0].start]) else None


# What may stand between a speaker's topic and the subject of what they say with no predicate of the speaker's own:
# adverbial phrases ending in a case particle, a date or a condition (「25日の記者会見で、」「訴訟について、」「同日、…
# やめるなら」). A verb's joining form (「会談し、」「取材に応じ、」) or a quote of its own ends the speaker's own clause.
_ADVERBIAL_END_RE = re.compile(
    r"(?:で|では|には|に|から|へ|について|に関して|に対し|に対して|をめぐり|を巡り|として|日|月|年|同日|なら|ならば|れば|たら)"
    r"[、,]?\s*$"
)


def speaks_of_later(between: str) -> bool:
    """Whether what stands between a sentence's first topic (its speaker) and a later subject is only adverbial
    phrases, no predicate or quote of the speaker's own (「汪文斌副報道局長は25日の記者会見で、米国は「…」と批判した」:
    米国 is what the spokesman speaks of, not a second speaker). `between` is the masked text (quotes as ＿)."""
    if "＿" in between or "「" in between or speech_verb(between):
        return False
    return not between.strip("、, \u3000") or _ADVERBIAL_END_RE.search(between) is not None


# a sentence answering a question put to the item's speaker: 「記者団から…を問われると、」「…について聞かれ、」
_ANSWER_RE = re.compile(r"(?:問われ|聞かれ|尋ねられ|質問され)(?:ると|て|、)")
_PEOPLE_KINDS = ("person", "anaphor", "title")
# a sentence that passes on what the item's speaker told (〜ということです, 〜とのことだ): its subject is the one
# told about, not who speaks next
_HEARSAY_END_RE = re.compile(r"(?:ということ|とのこと)(?:です|だ)[。．]?\s*$")
# voices: 「…」との声, 「…」「…」と厳しい意見が相次いだ (more quotes of the same voices, a word saying what voices)
_VOICE_AFTER_RE = re.compile(
    r"[」』](?:\s*[「『][^「」『』]*[」』])*\s*(?:と|という|との|などと|などの|といった)"
    r"(?:[一-龥ぁ-ゖ]{1,5}(?:い|な|の))?(?:声|意見|指摘|批判|不満|懸念|反発)"
)
_VOICE_FROM_RE = re.compile(r"から(?:は|も)?[、,]?\s*(?:[「『][^「」『』]*[」』]\s*)*$")
_VOICE_OPEN_RE = re.compile(r"から(?:は|も)?[、,]?\s*[「『]")


def voiced(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] gives its quotes as voices from a group (「株主からは「…」と厳しい意見が
    相次いだ」): the から phrase speaks them, not a speaker carried over from the sentences before."""
    opened = _VOICE_OPEN_RE.search(text, start, end)
    return opened is not None and _VOICE_AFTER_RE.search(text, opened.end(), end) is not None


_ASIDE_AFTER_RE = re.compile(r"[」』][(（]([^()（）「」、。]{2,24})[)）](?:との|という|と)")
_QUESTION_LINE_RE = re.compile(r"^\s*(?:―|—|─|－|Q[.．:：]|問[:：])")
_SUBORDINATE_RE = re.compile(r"(?:のに対し(?:て)?|[るたう]と[、,]|たところ|[たる]ため[、,]|ので[、,])")


def is_question_line(text: str) -> bool:
    """Whether a line is an interviewer's question in a Q&A passage (――結果をどう受け止めるか。)."""
    return bool(_QUESTION_LINE_RE.match(text))


# a clause made a noun or reported after its predicate: the が subject before it is that clause's, not the speaker's
# (「金融庁が…態勢を整えていることも明らかにした」, 「当局が向き合うのは「…」」, 「委員会が対応すべきだとの認識を示した」,
# 「調査委員会が全容を解明した段階で「…」」, 「総務省が…促したとする…指摘にも触れ」)
_EMBEDDED_RE = re.compile(
    r"[うくぐすつぬぶむるたいだ](?:との|という[一-龥ァ-ヶ]|とする[一-龥ァ-ヶ]|とした[一-龥ァ-ヶ]|こと[もをがにはで]|のは"
    r"|段階で|場合[、,は]|際[、,にはも])"
)
# a が subject's own clause (no comma before it) cited as the ground of what the speaker says or does: 「ロシアや中国が
# 北極圏で活動を活発にしているとして、…必要性を訴えた」, 「米国が約束を守らなかったとして、…を批判した」 — the として
# clause's holder is the sentence's speaker, named before, never the が subject inside it
CITED_GA_RE = re.compile(r"[^、。「」＿]*?[うくぐすつぬぶむるたいだ]として[、,]")
# a が subject's own clause (no comma before it) modifying what the sentence is about: 「本田容疑者が主張する2件について
# は、…と説明。」, 「被告が述べた謝罪の言葉については、…」 — the sentence, and one that carries its speaker on, is the
# speaker's named before, never the が inside the topic
TOPIC_GA_RE = re.compile(
    r"[^、。「」＿]*?[うくぐすつぬぶむるたいだ][^、。「」＿]{1,12}?(?:について|に関して|に関し|をめぐり|をめぐって|を巡り|を巡って)"
    r"(?:は|も)?[、,]"
)


def _embedded(ref: Ref, masked: str, end: int) -> bool:
    """A が subject of a clause made a noun or reported inside the sentence, before `end` (the quote, or the end of a
    sentence a subject is carried from)."""
    # 「Xが、首相自身が…開いていたことを取り上げ「…」」: a subject set off by a comma is the sentence's own
    if ref.marker != "が" or re.match(r"が?[、,]", masked[ref.end : ref.end + 2]):
        return False
    return (
        _EMBEDDED_RE.search(masked, ref.end, end) is not None
        or CITED_GA_RE.match(masked, ref.end, end) is not None
        or TOPIC_GA_RE.match(masked, ref.end, end) is not None
    )


def _subordinate(ref: Ref, masked: str, q0: int) -> bool:
    """A が subject whose clause ends before the quote in a subordinate ending is not the speaker of the quote:
    「山崎氏が尋ねたのに対し、「…」と切り返した」, 「記者が問うと、「…」と答えた」; nor one inside what the quote is
    about (「検察官が作成した調書について「…」とした」) or inside a thought the speaker reports before the quote
    (「…れば、関係者が真実を語らなくなると懸念を示し、「…」と訴えた」)."""
    if ref.marker != "が" or _LEAD_GA_RE.match(masked, ref.end):
        return False
    between = masked[ref.end : q0]
    # 「松野博一官房長官が14日の記者会見で、…について「…」と述べた」: a が set off by the day and the occasion is the
    # sentence's agent, and what the quote is said about its own (unless the が is inside a clause made a noun)
    lead_set = _LEAD_SET_GA_RE.match(masked, ref.end) is not None
    if (
        (_TOPIC_OF_RE.search(between) and not lead_set)
        or _REPORTED_THOUGHT_RE.search(between)
        or _embedded(ref, masked, q0)
    ):
        return True
    return bool(_SUBORDINATE_RE.search(between)) and not re.search(r"[はも]、?$", between)


# a sentence that goes on from the speaker before: 「そのうえで、」「その上で、」
_GOES_ON_RE = re.compile(r"\s*(?:そのうえで|その上で)[、,]")
_GA_AFTER_RE = re.compile(r"(?:[(（][^()（）]{1,12}[)）])?が")


def ga_inside_going_on(masked: str, sent_start: int, np_end: int) -> bool:
    """Whether a が subject ending at np_end is inside what the speaker before goes on to say: the sentence opens on
    「そのうえで、」 (the speaker of the sentence before goes on) and the が is a clause's own, not set off as the
    sentence's agent by a day or a comma, nor right before a quote: 「…と指摘した。そのうえで、政府が被告を英雄のよう
    に扱っていると批判した」 is the speaker's before, the government only what is criticised (never 「そのうえで、首相が
    3日、…と述べた」 nor 「そのうえで、首相が「…」と述べた」)."""
    if _GOES_ON_RE.match(masked, sent_start) is None:
        return False
    ga = _GA_AFTER_RE.match(masked, np_end)
    if ga is None or _LEAD_GA_RE.match(masked, np_end) is not None:
        return False
    return masked[ga.end() : ga.end() + 1] not in ("「", "『", "、", ",", "")


# a が subject set off by a date and a comma, as a news sentence's agent is (「X議員(56)が13日、…について「…」と語った」):
# the sentence's own, whatever phrase stands before the quote
_LEAD_GA_RE = re.compile(r"(?:[(（][^()（）]{1,12}[)）])?が(?:[0-9０-９]{1,2}日|同日|前日|翌日)[、,]")
# …and by the day and the occasion (「が14日の記者会見で、」「が12日の講演で、」「が同日夜の会見で、」)
_LEAD_SET_GA_RE = re.compile(
    r"(?:[(（][^()（）]{1,12}[)）])?が(?:[0-9０-９]{1,2}日|同日|前日|翌日)(?:午前|午後|朝|夜|夕|未明)?"
    r"の[^ぁ-ゖ「」『』、。＿]{1,12}で[、,]"
)
# what the quote is said about: 「XがYした調書について「…」」, 「…をめぐり「…」」
_TOPIC_OF_RE = re.compile(
    r"(?:について|に関して|に関し|をめぐり|をめぐって|を巡り|を巡って"
    # a deed made a noun and marked as what the quote answers: 「Xが欠席したことには「…」」, 「…したことを受け、「…」」
    r"|(?:こと|の)(?:に(?:は|も|対し(?:て)?(?:は)?)?|を受け(?:て)?))[、,]?\s*$"
)
# a thought reported with a quotative と before the quote: 「…なると懸念を示し、」, 「…だと指摘した上で、」
_REPORTED_THOUGHT_RE = re.compile(
    r"[^「」]と(?:の)?(?:懸念|認識|見方|考え|立場|不安|危機感)を(?:示し|強調し|表明し)|[^「」]と(?:指摘|強調|主張|説明)し(?:た上で|たうえで)?[、,]"
)


# what a speaker is asked about: 「豊田会長が…と説明したことについて問われ、「…」と指摘」 (the が subject is the
# question's; the answer goes on from the speaker before)
_ASKED_ABOUT_RE = re.compile(r"(?:について|に関して|を|と)(?:問われ|聞かれ|尋ねられ|質問され)")


def _asked_about(ref: Ref, masked: str, end: int) -> bool:
    return ref.marker == "が" and _ASKED_ABOUT_RE.search(masked, ref.end, end) is not None


def _carried_from(doc: _Doc, start: int) -> list[tuple[int, int]]:
    """The sentences a subject is carried over from, before `start`: the last _CARRY_BACK, not counting sentences
    that carry on the same speaker's words without a subject of their own, quoted or reported (「…」と述懐。「…」と
    説明した。「さらに、…と説明しました。」「…を知ったということです。」)."""
    prev = [x for x in doc.sentences if x[1] <= start]
    out: list[tuple[int, int]] = []
    counted = 0
    for a, b in reversed(prev):
        out.insert(0, (a, b))
        own = any(r.marker in ("は", "も", "が") and _in(r, a, b) for r in doc.refs)
        # a sentence of the speaker's own report with no subject of its own (「さらに、…と説明しました。」, 「…を知った
        # ということです。」) goes on with that speaker, quoted or not: it does not count
        if own or not speech_verb(doc.masked[a:b]):
            counted += 1
        if counted >= _CARRY_BACK or len(out) >= 3 * _CARRY_BACK:
            break
    return out


def _interviewee(doc: _Doc, line_start: int, actors: ActorIndex) -> str | None:
    """The speaker of an answer that stands on its own line under a question line (――結果をどう受け止めるか。): the
    last person the text named as a subject before the question-and-answer passage began."""
    lines_before = doc.text[:line_start].rstrip("\n").split("\n")
    at = line_start
    asked = False
    while lines_before:
        line = lines_before.pop()
        at -= len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if is_question_line(stripped):
            asked = True
            continue
        if stripped.startswith(("「", "『")):
            continue
        nxt = next((x.strip() for x in reversed(lines_before) if x.strip()), "")
        if is_question_line(nxt):
            continue  # an answer written without brackets, under its question
        break
    if not asked:
        return None
    if _EXCHANGE_RE.search(doc.masked, at, at + len(line)):
        # 「◇…首相と記者団との主なやりとり」: the one the passage's heading names, not the last subject before it
        named = _announcer(doc, at, at + len(line), actors)
        if named:
            return named
    people = [
        r
        for r in doc.refs
        if r.end <= at + 1
        and r.marker in ("は", "が", "も")
        and (r.kind in ("person", "anaphor", "title") or (r.kind == "anon" and _names_a_person(r, doc)))
    ]
    return _resolve(people[-1], doc, actors) if people else None


def _names_a_person(ref: Ref, doc: _Doc) -> bool:
    """Whether a phrase read as an unnamed role holds a person's name (「最高M&A責任者の荒木隆光専務執行役員は」): the
    person described by their post, who is then asked questions as any named person is."""
    return any(r.kind == "person" and r.marker is None and ref.start <= r.start and r.end <= ref.end for r in doc.refs)


def _headline_speaker(default_speaker: str | None, actors: ActorIndex) -> str | None:
    """The item headline's attribution (「…＝ラブロフ外相」), when it names an actor."""
    if default_speaker:
        hit = actors.resolve(strip_title(default_speaker))
        return hit.name if hit else None
    return None


_SPEECH_VERB_RE = re.compile(
    r"(?:述べ|語っ|語り|話し|強調|説明|指摘|明らかに|明かし|表明|訴え|批判|非難|主張|発表|公表|コメント|答え|投稿|記し|書き込|"
    r"呼びかけ|求め|認め|否定|強調|反論|示し|とした|という|謝罪|陳謝|報告|声明|[」』]として|[」』]とも|"
    # a quotative と and its verb (「…」と述懐。「…」と続けた。), not a text's label (「…」と書かれた横断幕, と題した)
    r"[」』]と(?!いう|の|は|も|して|する|される|された|書かれ|記され|題し|題する|名付け|銘打|呼ばれ))"
)


def speech_verb(sentence: str) -> bool:
    """Whether the sentence says that someone spoke (述べた, 語った, 強調した, 明らかにした …)."""
    return bool(_SPEECH_VERB_RE.search(sentence))


def named_speakers_ja(context: str, actors: ActorIndex) -> list[tuple[str, str]]:
    """(name, kind) of every speaker the rules above name in a context and the index does not hold: a person
    (kind 'person', the name without its title: 角川歴彦 of 「角川歴彦会長は…と述べた」) or a body ('body':
    KADOKAWA of 「「…」と、KADOKAWAは」) that is the subject of a sentence with a speech verb, an anaphor (同社)
    resolved to what it refers to. Anonymous sources and bare roles (関係者, 弁護士) are no one to ask about."""
    doc = _document(context, actors)
    out: dict[str, str] = {}
    for r in doc.refs:
        if r.marker is None or r.kind not in ("person", "org", "anaphor"):
            continue
        sent = doc.sentence_at(r.start)
        if sent is None or not speech_verb(doc.masked[sent[0] : sent[1]]):
            continue
        name = _resolve(r, doc, actors)
        if r.kind == "person" and r.title and name == r.name:
            name = _whole_title_cut(name, r.title)
        elif (
            r.kind == "person" and len(r.name) >= 2 and name != r.name and name.startswith(r.name) and "・" not in name
        ):
            # 「鈴木氏は」 after 鈴木健太: its surname (a one-kanji one, 林 or 韓, is too common a character); not フン of
            # フン・セン, a family name that フン・マネット shares (`_full_katakana_name` reads it in its report)
            out.setdefault(r.name, "person")
        if r.kind == "anaphor":  # 同社 → the body it refers to, when one is named before
            fit = next((x for x in doc.refs if x.display == name and x.kind in ("person", "org")), None)
            if fit is None:
                continue
            kind = fit.kind
        else:
            kind = r.kind
        if len(name) >= 2 and actors.resolve(name) is None and (r.referred or _speaker_name(name, kind, actors)):
            out.setdefault(name, "person" if kind == "person" else "body")
    return list(out.items())


def _whole_title_cut(name: str, title: str) -> str:
    """A name read with the first half of a longer title (武見厚生 + 労働相 of 武見厚生労働相): the name without it."""
    for head in _title_heads().get(title, ()):  # the longer titles ending with it, in the vocabulary's order
        if name.endswith(head) and len(name) > len(head):
            return name[: len(name) - len(head)]
    return name


@lru_cache(maxsize=1)
def _title_heads() -> dict[str, tuple[str, ...]]:
    """For every ending of a title (労働相 of 厚生労働相), what goes before it in each longer title that ends so (厚生),
    in the vocabulary's order (longest first): `_whole_title_cut` looks one up instead of scanning every title."""
    heads: dict[str, list[str]] = {}
    for longer in vocabulary().ja_titles:
        for cut in range(1, len(longer)):
            heads.setdefault(longer[cut:], []).append(longer[:cut])
    return {end: tuple(found) for end, found in heads.items()}


def _speaker_name(name: str, kind: str, actors: ActorIndex) -> bool:
    """Whether a speaker is someone to ask about by name: a person's name (a kanji or katakana name), or a body
    named by a proper noun (KADOKAWA, フジテレビ) or one and an organisation ending (北陸電力, 日本航空) — not a place
    or country (イラン, 輪島), a kind of body (政府, 各国政府), nor a phrase around a known actor (ショルツ政権, 米軍)."""
    found = actors.mentions(name)
    if (found and not (kind != "person" and _country_named_body(name, found, actors))) or tagged_place(name):
        return False
    if kind == "person":
        return looks_like_name(name)
    suffix = org_suffix(name)
    return proper_noun(name[: len(name) - len(suffix)] if suffix else name)


# The endings of a country's own government and of kinds of body (日本政府, 米軍, 中国外務省, 日本企業各社): a
# country's name before them is the country speaking, read through it (resolve's government bodies), not a body of
# its own name
_GOVERNMENT_ENDINGS = frozenset(
    (
        *("省", "庁", "府", "局", "署", "政府", "政権", "当局", "軍", "警察", "議会", "国会", "内閣", "官邸", "司令部"),
        *("大手", "各社", "業界団体", "県", "市", "町", "村", "本部", "事務局", "党", "側", "人", "企業", "経済"),
    )
)


def _country_named_body(name: str, found: list[Mention], actors: ActorIndex) -> bool:
    """A body whose name begins with its country's (日本航空, 日本製鉄, 日本銀行, 韓国放送公社): the country is
    the only actor named in it, at its start, and the name ends as a body of its own kind does (not a government's
    nor a kind of bodies', see _GOVERNMENT_ENDINGS). Such a body is someone to ask about, not the country."""
    if len(found) != 1 or found[0].start != 0 or actors.actors[found[0].actor_id].kind not in ("state", "country"):
        return False
    suffix = org_suffix(name)
    return suffix is not None and suffix not in _GOVERNMENT_ENDINGS and found[0].end <= len(name) - len(suffix)
