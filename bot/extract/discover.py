"""Discover people a new source names who are not in the actor registry yet.

A name counts when a title stands right after it (Japanese) or before it (English), or when an
English full name is followed by "said":

* 「ポーランドのドゥダ大統領は」        → ドゥダ (description 大統領)
* 「ルスラン・レビエフ代表」             → レビエフ, alias ルスラン・レビエフ
* 「林芳正官房長官」 (kanji, checked by the tokenizer to be a personal name) → 林, alias 林芳正
* "President Andrzej Duda", "Andrzej Duda said" → Duda, alias Andrzej Duda

Not names: known actors (`ActorIndex.resolve`), countries and organisations (「ロシア大統領」, 「ホワイトハウス報道官」),
titles standing alone or with a determiner (米国務長官, 大統領府長官, 同長官, 両大統領, 前大統領), common nouns
(「スタッフ代表」), anything shorter than two characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.actors import ActorIndex
from bot.extract.body_glosses import names_country
from bot.extract.body_names import other_names
from bot.extract.cjk_names import pinyin_syllables
from bot.extract.event_words import event_glosses
from bot.extract.other_script import twin_actors
from bot.extract.roles import ENVOY_POST, KATAKANA_FIELDS, family_first, looks_like_name, vocabulary
from bot.models import ParsedPassage
from bot.rows import NewActor
from bot.text import longest_first, name_form, normalize, tokenized

__all__ = ["Discovered", "discover_actors", "discovered"]

# Titles that mark a person's name written before them, longest first.
JA_TITLES = (
    "国家安全保障担当大統領補佐官",
    "国家主席",
    "大統領補佐官",
    "大統領報道官",
    "外務省報道官",
    "国務長官",
    "国防長官",
    "官房長官",
    "事務総長",
    "副大統領",
    "外務大臣",
    "国防大臣",
    "大統領",
    "首相",
    "長官",
    "外相",
    "国防相",
    "補佐官",
    "委員長",
    "代表",
    "総司令官",
    "司令官",
    "教授",
    "報道官",
    "大使",
    "特使",
    "議長",
    "総裁",
    "氏",
)
# and the titles attribution knows (社長, 経済産業相 is caught by the kanji rule's tokenizer check, 次長, 知事 …)
_MORE_TITLES = tuple(t for t in vocabulary().ja_titles if t not in ("さん", "ら") and len(t) >= 2)
_TITLE_ALT = "|".join(map(re.escape, longest_first(set(JA_TITLES + _MORE_TITLES))))
_JA_TITLE_RX = re.compile(_TITLE_ALT)
# 「大統領府」「大使館」「代表団」「大統領選」: an office, not a person's title.
_NOT_TITLE_AFTER = r"(?![府館団部室局選候令])"
_COUNTRY_ABBR = r"(?:米|露|英|仏|独|中|韓|宇|日|伊|加|豪|印|ウ)"
_DETERMINER = r"(?:前|元|次期|新|現)"

# After a katakana name only: a listed title with its field before it, a minister of any portfolio (トゥーゲントハット治安担当相, マフムード司法相: the class is
# open, as `roles._MINISTER_RE` reads it), a shadow minister (ハント影の財務相), and 師, the title of a Muslim cleric
# (ナスララ師, シスターニ師). Not 相 alone nor 相場/相手/相談 (ドル相場).
_KATAKANA_DETERMINER = rf"(?:{_DETERMINER}|影の)"
_OPEN_MINISTER = r"[一-龥]{1,8}?(?:担当)?相(?![場互手談次続当])"
# a listed title with the field it covers before it (ターク人権高等弁務官, グロッシ国際原子力機関事務局長)
# (not after a word that counts or points back: トランプ・ゼレンスキー両大統領, 同事務総長, 各国首脳)
_QUALIFIED_TITLE = rf"(?![両同各当本全諸])[一-龥]{{1,8}}?(?:{_TITLE_ALT})"
_POSTED = rf"(?P<post>{ENVOY_POST})?"  # the title is the envoy's, the place no part of the name
_KATAKANA_NAME_RX = re.compile(
    r"(?<![ァ-ヴー・･=＝])(?P<full>[ァ-ヴー]{2,}(?:[・･=＝][ァ-ヴー]{1,})*)"
    rf"(?P<abbr>{_COUNTRY_ABBR})?(?P<det>{_KATAKANA_DETERMINER})?{_POSTED}"
    rf"(?P<title>{_TITLE_ALT}|{_OPEN_MINISTER}|師|{_QUALIFIED_TITLE})"
    rf"{_NOT_TITLE_AFTER}"
)
# Titles only a person holds, after which a katakana word the dictionary knows as a common noun is still a surname
# (ハント前財務相 Hunt, クロセット国防相 Crosetto, マスク氏 Musk, ターク人権高等弁務官 Türk): a listed minister, president,
# prime minister, secretary, member, commissioner, secretary-general, director-general or 氏. Not where the title opens a meeting's name (サミット外相会合), nor after an open-class minister
# (ユーロ圏財務相, デジタル担当相: the katakana word is the portfolio's).
_PERSON_ONLY_TITLE_RX = re.compile(r"(?:相|大統領|首相|長官|大臣|議員|氏|弁務官|事務総長|事務局長)$")
_MEETING_AFTER = ("会", "級", "協", "理")
_BARE_OFFICES = ("大臣", "長官", "相")
_QUALIFIED_PERSON_TITLE_RX = re.compile(r"(?:大統領|長官|大臣|議員|弁務官|事務総長|事務局長)$")
_KANJI_NAME_RX = re.compile(
    rf"(?<![一-龥々])(?P<full>[一-龥々]{{2,5}}?)(?P<det>{_DETERMINER})?{_POSTED}(?P<title>{_TITLE_ALT}){_NOT_TITLE_AFTER}"
)

_EN_TITLES = (
    "President",
    "Vice President",
    "Prime Minister",
    "Foreign Minister",
    "Defense Minister",
    "Defence Minister",
    "Defense Secretary",
    "Secretary of State",
    "Secretary General",
    "Secretary-General",
    "Chancellor",
    "Minister",
    "Ambassador",
    "Professor",
    "Envoy",
    "Spokesman",
    "Spokeswoman",
    "Commander",
    "General",
    "Chief Executive",
    "Chief Executive Officer",
    "Chairman",
    "Governor",
    "Mayor",
    "Senator",
    "Acting President",
    "Deputy Secretary of State",
    "Commerce Secretary",
    "Treasury Secretary",
    "Economy Minister",
    "Trade Minister",
    "Finance Minister",
    "Spokesperson",
    "Press Secretary",
    "Communications Director",
    "Director",
    "Executive Director",
    "Director-General",
    "Chair",
    "Chairwoman",
    "CEO",
    "Commissioner",
    "Chief Cabinet Secretary",
    "Deputy Prime Minister",
    "Opposition Leader",
    "Leader",
    "Speaker",
    "Representative",
    "Economist",
    "Analyst",
)
# News English writes a title before a name in lower case as often as capitalised
# ("chief executive Laura Penn", "spokesperson Jordan Hale", "opposition leader Kim …").
# Lower case only for titles that are not also common words before a capitalised one (leader, speaker, chair …).
_EN_LOWER_OK = re.compile(
    r"spokes|secretary|executive|minister|president|chairman|chairwoman|ambassador|envoy|governor|mayor|senator"
    r"|commissioner|economist|analyst|professor|director-general|communications director|opposition leader",
    re.IGNORECASE,
)
_EN_TITLE_FORMS = tuple(
    longest_first(
        {f for t in _EN_TITLES for f in ((t, t.lower(), t[0].lower() + t[1:]) if _EN_LOWER_OK.search(t) else (t,))}
    )
)
_LATIN_CAPITALISED_RX = re.compile(r"[A-Z][a-z]")
_JA_CHAR_RX = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana or kanji: the text is no English one
# Latin letters with diacritics are letters of a name: English news keeps them (António Guterres, Janez Lenarčič,
# Pedro Sánchez, Carlos Mazón); Latin-1 and Latin Extended-A, the upper-case ones as a name's capital
_EN_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_EN_LOWER = "a-zß-öø-ÿ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.islower())
_EN_NAME = rf"[{_EN_UPPER}][{_EN_LOWER}]+(?:[-'][{_EN_UPPER}]?[{_EN_LOWER}]+)*"
# a particle before the surname: a word of its own (von der Leyen, bin Salman) or an Arabic article joined to it
# (Abdel Fattah al-Sisi, Asaad al-Shaibani, Majed al-Ansari: the surname the reports name them by after)
_EN_PARTICLES = r"(?:(?:von|van|der|den|de|da|di|del|al|bin|le|la)\s+|(?:al|el|ash|as|ad|ar|at|az|an)-(?=[A-Z]))*"
_EN_NEXT_NAME = rf"(?:\s+{_EN_PARTICLES}{_EN_NAME})"  # a further given name or the surname
_EN_TITLE_RX = re.compile(
    r"(?<![A-Za-z])(?P<title>"
    + "|".join(map(re.escape, _EN_TITLE_FORMS))
    # the office's complement between title and name: "Ambassador to Japan George Glass", "Minister of Finance …"
    + r")(?P<of>\s+(?:to|of|for)\s+(?:the\s+)?[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)??)?"
    + rf"\s+(?P<full>{_EN_NAME}{_EN_NEXT_NAME}{{0,2}})"
)
# A body's or a country's name before a common word for its head, in lower case ("Komeito leader Tetsuo Saito",
# "NTSB chair Jennifer Homendy", "Hamas chief Yahya Sinwar", "WHO head Tedros Adhanom"): news English writes these
# offices so, and a given name and a surname after them (two words at least) make a person. Not after a lower-case
# word ("world leader", "party chief" alone), where the head word may be a common noun.
_EN_HEAD_OF_RX = re.compile(
    r"(?<![A-Za-z.])(?:[A-Z][A-Za-z&.'’-]*\s+){1,3}(?P<title>leader|chair|chief|head)"
    rf"\s+(?P<full>{_EN_NAME}{_EN_NEXT_NAME}{{1,2}})"
)
# A full name with its office set off by commas before the speech verb ("Seth Fisher, Oasis's chief investment
# officer, told Reuters", "Masakazu Tsutsui, chairman of the Japan Business Federation, said"): news English names a
# speaker so as often as with the title before the name. The aside must hold an office word.
_EN_APPOSED_RX = re.compile(
    rf"(?<![A-Za-z.])(?P<full>{_EN_NAME}{_EN_NEXT_NAME}{{1,2}}),\s+(?P<title>[^,;\"“”]{{3,80}}?),\s+"
    r"(?:(?:or|also known as)\s+[^,;]{2,40},\s+)?(?:said|says|told|added|warned|wrote)(?![A-Za-z])"
)
# how every `_EN_APPOSED_RX` match ends (its speech verb after a comma): a text without it holds none, and the
# apposition's name and lazy title are not tried at each capital of it
_EN_APPOSED_END_RX = re.compile(r",\s+(?:said|says|told|added|warned|wrote)(?![A-Za-z])")
_EN_OFFICE_WORD_RX = re.compile(
    r"\b(?:chairman|chairwoman|chair|president|chief|officer|director|head|leader|spokes(?:person|man|woman)"
    r"|secretary|minister|governor|mayor|senator|executive|founder|partner|analyst|economist|professor"
    r"|chancellor|MP|lawmaker|judge|commissioner)\b",
    re.IGNORECASE,
)
# ("Gabriel Attal, who now leads the group, has warned", "Mathilde Panot, who heads the party's group, told": a
# relative clause that gives the person's office by its verb of leading, then an auxiliary or an adverb, before the
# verb, as news English writes a speaker it introduces; an aside with no office, "who met them in May", is none)
_EN_LEADS = r"(?:leads|led|co-leads|co-led|heads|headed|chairs|chaired|runs|represents|oversees|directs)"
_EN_SAID_RX = re.compile(
    rf"(?<![A-Za-z.])(?P<full>{_EN_NAME}{_EN_NEXT_NAME}{{1,2}})"
    rf"(?:,\s+who\s+(?:[a-z]+\s+){{0,2}}?{_EN_LEADS}\s[^,;\"“”]{{2,120}},|,)?"
    r"\s+(?:(?:has|had|also|later|then|again)\s+){0,2}"
    r"(?:said|says|told|added|warned|stated|wrote|writes|posted)(?![A-Za-z])"
)
# Capitalised words that make a phrase something other than a person's name.
_EN_NOT_NAME = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "On",
    "In",
    "At",
    "But",
    "And",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "House",
    "Ministry",
    "Department",
    "Office",
    "Council",
    "Commission",
    "Union",
    "Agency",
    "Forces",
    "Army",
    "Government",
    "Parliament",
    "Party",
    "Committee",
    "News",
    "Times",
    "Post",
    "Kremlin",
    "Pentagon",
    "Reuters",
    "Institute",
    "Executive",
    "Chief",
    "Motor",
    "Motors",
    "Spokesman",
    "Spokeswoman",
    "Officials",
    "Official",
    "President",
    "Minister",
    "Secretary",
    "Chancellor",
    "Ambassador",
    "Professor",
    "General",
    "State",
    "Foreign",
    "Defense",
    "Defence",
    "Prime",
    "Vice",
    "European",
    "American",
    "Russian",
    "Ukrainian",
}


@dataclass(slots=True)
class _Found:
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    name_en: str | None = None
    kind: str = "person"
    known: bool = False  # a known actor's entry: the names this document writes it otherwise (`_written_otherwise`)


def discover_actors(passages: list[ParsedPassage], actors: ActorIndex) -> list[NewActor]:
    """People named with a title (or as "X said") in the passages who are not registry actors, first seen first;
    then the index's people the passages name in the other script (`other_script`)."""
    found = discovered(passages, actors)
    return found.actors + found.twins(actors)


@dataclass(slots=True)
class Discovered:
    """What discovery read in a document: its new actors, and what the other script's reading needs (`twins`)."""

    actors: list[NewActor]
    english: list[str]  # the English texts, for a surname that speaks
    unnamed: list[str]  # katakana words before a person's title read as no name (ラスムセン外相: a place's word)

    def twins(self, actors: ActorIndex, more: Sequence[NewActor] = ()) -> list[NewActor]:
        """The people of `actors` the document names in the other script (`other_script.twin_actors`), but a name
        discovery or `more` (the document's other new actors: its speakers) made an actor of."""
        if not self.english and not self.unnamed:
            return []
        taken = {n for a in (*self.actors, *more) for n in (a.name, *a.aliases)}
        return twin_actors(self.english, self.unnamed, actors, taken)


def discovered(passages: list[ParsedPassage], actors: ActorIndex) -> Discovered:
    """`discover_actors` without the other script's people: read them with `Discovered.twins` once the document's
    speakers are known too (a speaker named in full, "Home Secretary James Cleverly", is its own reading's)."""
    found: dict[str, _Found] = {}
    parts_of: dict[str, str] = {}  # a part of a katakana full name this document writes → that full name
    unnamed: list[str] = []  # katakana words before a person's title read as no name (ラスムセン外相: a place's word)
    english: list[str] = []  # the English texts, for a surname that speaks (`other_script`)
    for p in passages:
        text = p.text
        if _JA_TITLE_RX.search(text) or "相" in text or "師" in text:  # a Japanese name is only found before a title
            for m in _KATAKANA_NAME_RX.finditer(text):
                got = _katakana(m, actors)
                _add(found, actors, *got)
                _note_parts(parts_of, got)
                if got[0] is None and _person_only_title(m) and "・" not in m.group("full"):
                    unnamed.append(m.group("full"))
            for m in _KANJI_NAME_RX.finditer(text):
                _add(found, actors, *_kanji(m))
            if "・" in text:
                for m in _FIELD_MINISTER_RX.finditer(text):
                    _add(found, actors, *_field_minister(m, actors))
        if _LATIN_CAPITALISED_RX.search(text):
            if not _JA_CHAR_RX.search(text):
                english.append(text)
            for m in _EN_TITLE_RX.finditer(text):
                if m.group("of") and " " not in m.group("full"):
                    continue  # "president of Fuji Media, denied": one word after the office's complement ends it
                _add(found, actors, *_english(m.group("full"), m.group("title")))
            for m in _EN_APPOSED_RX.finditer(text) if _EN_APPOSED_END_RX.search(text) else ():
                if _EN_OFFICE_WORD_RX.search(m.group("title")):
                    _add(found, actors, *_english(m.group("full"), None))
            for m in _EN_HEAD_OF_RX.finditer(text):
                _add(found, actors, *_english(m.group("full"), m.group("title")))
            for m in _EN_SAID_RX.finditer(text):
                _add(found, actors, *_english(m.group("full"), None))
        if "(" in text or "（" in text or "=" in text or "＝" in text:
            _paired(found, actors, text)
        for m in _PARTY_RX.finditer(text):
            _add_body(found, actors, m.group("name"), [], m.group("kind"))
        if _JA_BODY_HEAD_RX.search(text):
            for m in _JA_BODY_RX.finditer(text):
                if not m.group("name").startswith(_JA_NOT_BODY_START) and not m.group("name").endswith(_JA_CLASS_NAMES):
                    _add_body(found, actors, m.group("name"), [], None)
        if _LATIN_CAPITALISED_RX.search(text):
            for m in _EN_BODY_RX.finditer(text):
                name = re.sub(r"^(?:[Tt]he|A|An|But|And|In|On|At|By)\s+", "", m.group("name"))
                short = re.sub(r"^(?:U\.S\.|US|UK|EU)\s+", "", name)
                if short != name and actors.resolve(name) is not None:
                    continue
                _add_body(found, actors, short, [name] if short != name else [], None)
    _given_names_alone(found, actors, [p.text for p in passages])
    otherwise = {a for f in found.values() if f.known for a in f.aliases}  # 齋藤 of 齋藤誠一 written as 斎藤誠一
    new = [
        NewActor(f.name, f.aliases, f.kind, f.description, f.name_en)
        for f in found.values()
        if not _part_of_another(f, parts_of) and (f.known or f.name not in otherwise)
    ]
    return Discovered(new, english, unnamed)


# a given name standing alone as a person's name in English news text: after an honorific ("Mr Anutin said"), or
# as the subject of a speech verb ("Phumtham told Trump", "Paetongtarn said her remarks …")
_LATIN_WORD_RX = re.compile(r"[^\u3040-\u30ff\u3400-\u9fff]+")
# a capitalised word right before: the given name is a surname there ("Michael Jordan said" is not Jordan Bardella)
_PREV_NAME_WORD_RX = re.compile(rf"[{_EN_UPPER}][{_EN_LOWER}]+\s+$")
_EN_ALONE_AFTER = r"(?:said|says|told|asked|added|warned|wrote|insisted|argued|denied|stressed|urged)(?![A-Za-z])"


# what follows a given name that stands alone as a speaker's ("Anutin, who …, said", "Phumtham later told")
_EN_ALONE_TAIL = rf"(?:,\s+who\s[^,;]{{2,80}},)?\s+(?:(?:also|later|then)\s+)?{_EN_ALONE_AFTER}"
_EN_ALONE_TAIL_RX = re.compile(_EN_ALONE_TAIL)
_EN_HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.")


def may_stand_alone(text: str, given: str) -> bool:
    """Whether `_given_names_alone`'s pattern for `given` may match in `text`: some place of `given` in the text is
    followed by the pattern's tail (`_EN_ALONE_TAIL`), or is preceded by whitespace after an honorific (Mr, Mrs, Ms,
    Dr, with or without a full stop). Each of the pattern's two branches needs one of these, so where neither holds
    it finds nothing and need not be compiled (a pattern per given name, ~1 % of a story article's extraction; most
    full names are never followed by the given name alone)."""
    size = len(given)
    at = text.find(given)
    while at >= 0:
        if _EN_ALONE_TAIL_RX.match(text, at + size) is not None:
            return True
        if at and text[at - 1].isspace():
            before = text[max(0, at - 40) : at]
            head = before.rstrip()
            if head.endswith(_EN_HONORIFICS) or (not head and at > 40):  # (a run of 40 spaces: not looked past)
                return True
        at = text.find(given, at + 1)
    return False


def _alone_at(text: str, start: int) -> bool:
    """No capitalised name word right before (a sentence's But or The aside)."""
    before = _PREV_NAME_WORD_RX.search(text[max(0, start - 40) : start])
    return before is None or before.group().split()[0] in _EN_NOT_NAME


def _given_names_alone(found: dict[str, _Found], actors: ActorIndex, texts: list[str]) -> None:
    """A person found by a full name in Latin letters ("Anutin Charnvirakul", kept under the surname) whom the same
    document goes on to call by the given name alone ("Mr Anutin said", "Phumtham told Trump"), as Thai and
    Indonesian names are written in the news: the given name is one more of that person's names. Not a given name
    two people found share (Rodrigo and Sara Duterte are apart anyway; two Johns are not told apart), one that is
    already another actor's name, a word that opens the names of titles and bodies, a country's name (Israel
    Katz: "Israel said" is the country), a Chinese surname written first (Lin Jian: "Lin said" may be Lin
    Chia-lung of another report), or one followed by the surname wherever it stands (the full name written again
    is no use of the given name alone)."""
    by_given: dict[str, list[_Found]] = {}
    for entry in found.values():
        if entry.kind != "person":
            continue
        for full in {entry.name, *entry.aliases}:
            words = full.split()
            if (
                len(words) >= 2
                and _LATIN_WORD_RX.fullmatch(full)
                and words[-1] == entry.name.split()[-1]
                # Park Jin: the surname written first
                and not (len(words) == 2 and pinyin_syllables(words[-1].lower(), 1))
            ):
                given = words[0]
                if entry not in by_given.setdefault(given, []):
                    by_given[given].append(entry)
    if not by_given:
        return
    text = "\n".join(texts)
    for given, entries in by_given.items():
        if (
            len(entries) != 1
            or len(given) < 3
            or not re.fullmatch(_EN_NAME, given)
            or given in _EN_NOT_NAME
            or given in _en_title_words()
            or given in family_first()
            or pinyin_syllables(given.lower(), 1)  # a Chinese surname written first (Lin Jian, Mao Ning: "Lin said")
            or names_country(given)  # Israel Katz: "Israel said"
        ):
            continue
        entry = entries[0]
        if given == entry.name or given in entry.aliases:
            continue
        hit = actors.resolve(given)
        if hit is not None:
            continue
        if not may_stand_alone(text, given):  # most given names never do: no pattern compiled for them
            continue
        alone = re.compile(
            rf"(?:\b(?:Mr|Mrs|Ms|Dr)\.?\s+{re.escape(given)}(?![\w'’-])(?!\s+[A-Z])"
            rf"|(?<![\w.'’-]){re.escape(given)}{_EN_ALONE_TAIL})"
        )
        if not any(_alone_at(text, m.start()) for m in alone.finditer(text)):
            continue
        lone = found.get(normalize(given))
        if lone is not None and lone is not entry:
            if lone.kind != "person" or any(a.split()[0] != given for a in lone.aliases):
                continue
            del found[normalize(given)]  # "Prime Minister Paetongtarn said": found alone by the title, one person
            entry.description = entry.description or lone.description
        entry.aliases.append(given)


# 「尹錫悦(ユン・ソンニョル)大統領」: a kanji name with its reading, then a title or a subject marker
_READING_NAME_RX = re.compile(
    rf"(?<![一-龥々])(?P<full>[一-龥々]{{2,4}})[(（](?P<reading>[ァ-ヴー]+(?:[・･][ァ-ヴー]+)*)[)）]"
    rf"(?P<title>{_TITLE_ALT}|(?=[はがも、]))"
)
# 「北大西洋条約機構(NATO)」, "Corruption Investigation Office for High-ranking Officials (CIO)"
_JA_ABBR_RX = re.compile(r"(?P<long>[一-龥々ァ-ヴー・]{3,24})[(（](?P<abbr>[A-Z][A-Za-z&]{1,7})[)）]")
_EN_ABBR_RX = re.compile(
    r"(?P<long>(?:[A-Z][\w'’-]+\s(?:(?:for|of|and|the|on|in)\s)*){1,8}[A-Z][\w'’-]+)\s\((?P<abbr>[A-Z][A-Za-z&]{1,7})\)"
)
# 「ドナルド・トランプ(Donald Trump)」: katakana and Latin spellings the text pairs
_KATA_LATIN_RX = re.compile(r"(?P<kata>[ァ-ヴー]{2,}(?:[・･][ァ-ヴー]+)*)[(（](?P<latin>[A-Z][A-Za-z.'’ -]{2,40})[)）]")
# 最大野党「共に民主党」, 与党「国民の力」
_PARTY_RX = re.compile(r"(?P<kind>与党|野党|最大野党|政党|新党|少数与党)「(?P<name>[^「」]{2,14})」")
# A body the text names as a subject or as the body of its spokesperson, official or officer (「全国漁業協同組合
# 連合会は」「防衛省の担当者は」「日本医師会の松本会長は」, "the U.S. Defense Department said", "the Fair Trade
# Commission's spokesperson"): its words are asked for by its name, so it is an actor like a person.
_JA_BODY_HEADS = (
    "連合会|協議会|委員会|審議会|評議会|商工会議所|医師会|組合|協会|連盟|機構|財団|公社|研究所|大学|銀行|労組|党|省|庁"
    "|議会|裁判所|学会|県|市|区|町|村"
)
_JA_BODY_HEAD_RX = re.compile(rf"(?:{_JA_BODY_HEADS})(?:は|が|も|の)")
_JA_MEMBER = r"(?:担当者|広報担当者|広報|幹部|関係者|職員|事務局|トップ)"
_JA_BODY_RX = re.compile(
    rf"(?<![一-龥々ァ-ヶー・])(?P<name>[一-龥々ァ-ヶー・]{{2,16}}?(?:{_JA_BODY_HEADS}))"
    rf"(?=は(?!じめ)|が(?![ぁ-ゖ])|も(?![ぁ-ゖ])|としては|の{_JA_MEMBER}|の[一-龥々ァ-ヶー]{{1,8}}(?:{_TITLE_ALT}))"
)
# 「FSB=連邦保安庁は」「IMF=国際通貨基金は」: NHK writes a foreign body by its letters, its name after an equals sign;
# taken where the body speaks or acts, as a body is (`_JA_BODY_RX`), not where it qualifies a thing (ICC=国際刑事裁判所の
# 逮捕状, ICPO=国際刑事警察機構のマニラ支部)
_JA_EQUALS_ABBR_RX = re.compile(
    r"(?<![A-Za-z])(?P<abbr>[A-Z]{2,6})[=＝](?P<long>[一-龥々ァ-ヴー・]{3,24})"
    rf"(?=は(?!じめ)|が(?![ぁ-ゖ])|も(?![ぁ-ゖ])|としては|の{_JA_MEMBER}|の[一-龥々ァ-ヶー]{{1,8}}(?:{_TITLE_ALT}))"
)
# Not a name: an anaphor or a class (同省, 両党, 各党, 与党 are 2 characters and never reach here), a place used as
# the scene (「県内」 is not followed by は), a compound that opens with a demonstrative or quantifier.
_JA_NOT_BODY_START = ("同", "両", "各", "当", "本", "全て", "他", "一部", "多く", "地元", "関係")
# Classes of bodies, not one: 「市町村は」「都道府県が」「地方自治体も」.
_JA_CLASS_NAMES = ("市町村", "都道府県", "町村", "自治体", "省庁", "政党", "野党", "与党", "各党")
_EN_BODY_HEADS = (
    r"Department|Ministry|Agency|Association|Union|Party|Council|Commission|Committee|Federation|Corporation|Corp\."
    r"|Inc\.|Co\.|Group|Holdings|Bureau|Authority|Institute|Foundation|Organization|Organisation|Board|League"
    r"|Chamber of Commerce|Administration|Caucus|Alliance|Coalition"
)
# a body named by its head and what it is of or for, capitalised: "the Alliance for Automotive Innovation", "the
# Federation of Electric Power Companies", "the Coalition for Fair Trade" (no words before the head)
_EN_HEAD_FIRST = (
    r"(?:Alliance|Association|Coalition|Federation|Council|Union|Institute|Foundation|League|Society)"
    r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}"
)
_EN_BODY_RX = re.compile(
    r"(?<![A-Za-z.])(?P<name>(?:(?:The|the)\s+)?(?:(?:U\.S\.\s+|[A-Z][A-Za-z&'’-]+\s+){1,4}"
    rf"(?:{_EN_BODY_HEADS})(?:\s+(?:of|for)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})?|{_EN_HEAD_FIRST}))"
    r"(?=\s*(?:,|['’]s\s+(?:spokes|chief|president|head|director|chair)|\s+(?:said|says|told|announced|denied|rejected|"
    r"criticized|criticised|welcomed|hit back|pushed back|declined|urged|warned|called|argued|insisted|confirmed|"
    r"added|noted|stressed|backed|opposed|supported|has|have|had|will|would|is|was)(?![A-Za-z])))"
)
_ORG_HEADS = (
    "機構",
    "機関",
    "委員会",
    "連合",
    "同盟",
    "庁",
    "省",
    "党",
    "会",
    "所",
    "局",
    "部",
    "銀行",
    "基金",
    "裁判所",
)


def _paired(found: dict[str, _Found], actors: ActorIndex, text: str) -> None:
    for m in _READING_NAME_RX.finditer(text):
        full, reading = m.group("full"), m.group("reading")
        if actors.resolve(full) is None and not _tagged_country(full):
            title = m.group("title") or None
            _add(found, actors, full, [reading], title, None)
    for m in _JA_ABBR_RX.finditer(text):
        long = m.group("long").lstrip("・")
        if long.endswith(_ORG_HEADS) or _tagged_country(long):
            _add_body(found, actors, long, [m.group("abbr")], None)
    for m in _JA_EQUALS_ABBR_RX.finditer(text):
        if m.group("long").endswith(_ORG_HEADS):  # never a thing (EV=電気自動車) nor a credit (EV=ロイター)
            _add_body(found, actors, m.group("long"), [m.group("abbr")], None)
    for m in _EN_ABBR_RX.finditer(text):
        words = m.group("long").split()
        while words and words[0] in _EN_NOT_NAME and words[0] in ("The", "A", "An", "On", "In", "At", "But", "And"):
            words.pop(0)
        if len(words) >= 2:
            _add_body(found, actors, " ".join(words), [m.group("abbr")], None)
    for m in _KATA_LATIN_RX.finditer(text):
        kata, latin = m.group("kata"), m.group("latin").strip()
        hit = actors.resolve(kata)
        if hit is not None:
            continue
        key = normalize(kata.split("・")[-1])
        entry = found.get(key) or found.get(normalize(kata))
        if entry is not None and latin not in entry.aliases:
            entry.aliases.append(latin)
            entry.name_en = entry.name_en or latin


def _add_body(
    found: dict[str, _Found], actors: ActorIndex, name: str, aliases: list[str], description: str | None
) -> None:
    """An organisation the text names (and its abbreviation), unless the registry knows it by any of them.

    A body the data lists (`body_names.json`) takes its other names as aliases — 国土交通省 is also 国交省, MLIT
    and "Japan's transport ministry" — so its short and full names, and its Japanese and English reports, are one
    actor, not two; a name another actor already holds is left to that actor."""
    if len(name) < 2 or actors.resolve(name) is not None or any(actors.resolve(a) is not None for a in aliases):
        return
    if _written_otherwise(found, actors, name, [name, *aliases]):
        return
    key = normalize(name)
    if not key:
        return
    listed = [n for n in other_names(name) if _proper_body_name(n) and actors.resolve(n) is None]
    entry = (
        found.get(key)
        or _found_by_alias(found, key)
        or found.setdefault(key, _Found(name, description=description, kind="body"))
    )
    for a in (*aliases, *listed):
        if a != entry.name and a not in entry.aliases:
            entry.aliases.append(a)


def _proper_body_name(name: str) -> bool:
    """A listed name that may stand as an alias in running text: Japanese, or Latin written as a name (MLIT,
    "Japan's transport ministry"). A bare lowercase phrase ("health ministry") may be another country's body in
    an English report (Iran's health ministry), so it only finds the body when a user types it; nor one that opens
    with a body's kind ("Ministry of Foreign Affairs of Japan"): "ministry" typed would find that one body by the
    start of its name."""
    if not name.isascii():
        return True
    return name[:1].isupper() and name.split()[0] not in vocabulary().en_org_heads


def _found_by_alias(found: dict[str, _Found], key: str) -> _Found | None:
    """The body this document already named by another of its names (国土交通省 first, 国交省 later)."""
    for entry in found.values():
        if entry.kind == "body" and any(normalize(a) == key for a in entry.aliases):
            return entry
    return None


Candidate = tuple[str | None, list[str], str | None, str | None]  # (name, full forms, title, English name)


def _add(
    found: dict[str, _Found],
    actors: ActorIndex,
    name: str | None,
    forms: list[str],
    title: str | None,
    name_en: str | None,
) -> None:
    if not name or len(name) < 2:
        return
    if any(actors.resolve(f) is not None for f in forms):
        return
    if _written_otherwise(found, actors, name, forms):
        return
    hit = actors.resolve(name)
    if hit is not None and not _namesake(name, forms, [hit.name, *hit.aliases]):
        return
    held = found.get(normalize(name))
    if hit is not None or (held is not None and _namesake(name, forms, [held.name, *held.aliases])):
        name, forms = forms[0], []  # a second person of the surname goes by the full name
    key = normalize(name)
    if not key:
        return
    entry = found.setdefault(key, _Found(name, description=title, name_en=name_en))
    for f in forms:
        if f != entry.name and f not in entry.aliases:
            entry.aliases.append(f)
    entry.description = entry.description or title
    entry.name_en = entry.name_en or name_en


def _written_otherwise(found: dict[str, _Found], actors: ActorIndex, name: str, wholes: list[str]) -> bool:
    """A known actor's whole name written with other variants of its kanji (齋藤健 for the 斎藤健 another outlet
    wrote; `ActorIndex.same_name`): the written form is taken as that actor's alias (so that mentions and statements
    in this form are the actor's, and a user typing either finds both), and nobody new is registered. Only a whole
    name (`wholes`: the full names written, a body's names), never a surname alone (齋藤 of 齋藤健 is no 斎藤元彦);
    the surname `name` is taken as well when it is the actor's own name written otherwise."""
    for whole in wholes:
        known = actors.same_name(whole)
        if known is None:
            continue
        entry = found.setdefault(
            normalize(known.name),
            _Found(known.name, description=known.description, name_en=known.name_en, kind=known.kind, known=True),
        )
        written = [whole]
        if name != whole and name != known.name and name_form(name) == name_form(known.name):
            written.append(name)
        for w in written:
            if w != entry.name and w not in entry.aliases:
                entry.aliases.append(w)
        return True
    return False


def _given(full: str, surname: str) -> str:
    """The given name of a full name that ends with the surname (Sara of Sara Duterte, サラ of サラ・ドゥテルテ)."""
    return re.split(r"[\s・･=＝]", full[: -len(surname)].strip(" ・･=＝"))[0] if full.endswith(surname) else ""


def _namesake(surname: str, forms: list[str], known: list[str]) -> bool:
    """Another person of a surname already found: Sara Duterte after Rodrigo Duterte, Kim Yo Jong after Kim Jong
    Un. Families share surnames in the news; the same person's full name with a middle name (Donald J. Trump after
    Donald Trump) starts with the same given name."""
    if len(forms) != 1 or not _given(forms[0], surname):
        return False
    others = {g for k in known if k != surname and (g := _given(k, surname))}
    words = set(re.split(r"[\s・･=＝]", forms[0][: -len(surname)]))  # "Senator Adam Schiff" is Adam Schiff
    return bool(others) and not others & words


def _katakana(m: re.Match[str], actors: ActorIndex) -> Candidate:
    """「ハインリヒ・アウグスト・ヴィンクラー教授」 → ヴィンクラー; 「ドイツ・ショルツ首相」 → ショルツ; a family name written
    first (`family_first`: 「フン・マネット首相」, 「チェ・サンモク氏」) → the whole name, whatever else the report writes."""
    parts = [x for x in re.split(r"[・･=＝]", m.group("full")) if x]
    while parts and _is_country(parts[0], actors):  # 「ドイツ・ショルツ」
        parts.pop(0)
    while parts and _is_country(parts[-1], actors):  # 「ゼレンスキー・ウクライナ大統領」
        parts.pop()
    field = ""
    # 「ケミ・ベイドノック・ビジネス貿易相」: ビジネス is the portfolio's, not the name's
    while len(parts) >= 2 and parts[-1] in KATAKANA_FIELDS and m.group("title").endswith(("相", "大臣", "長官")):
        field = parts.pop() + field
    if not parts:
        return None, [], None, None
    name = parts[-1]
    named = (
        _katakana_name_ok(name)
        if len(parts) == 1 and not field  # a name the post was cut from is one joined by a dot: not a lone word
        else any(_katakana_name_ok(x, lone=False) for x in parts)
    )
    if not named and not (len(parts) == 1 and _person_only_title(m) and _one_word(name)):
        return None, [], None, None
    full = "・".join(parts)
    title = (m.group("det") or "") + (m.group("post") or "") + field + m.group("title")
    if len(parts) >= 2 and parts[0] in family_first():
        return full, [], title, None
    return name, [full] if full != name else [], title, None


# 「アブドルアジズ・エネルギー相は」: a minister whose portfolio is one katakana word and the bare 相 (no kanji field
# for `_OPEN_MINISTER`), the name before the dot
_FIELD_MINISTER_RX = re.compile(
    r"(?<![ァ-ヴー・･])(?P<full>[ァ-ヴー]{2,}(?:・[ァ-ヴー]{2,})*)・"
    rf"(?P<title>(?:{'|'.join(sorted(KATAKANA_FIELDS))})(?:担当)?(?:相|大臣))(?=[はがも、]|の[一-龥]|氏)"
)


def _field_minister(m: re.Match[str], actors: ActorIndex) -> Candidate:
    """The name of a `_FIELD_MINISTER_RX` match, as `_katakana` reads one: the last part, the whole for a family
    name written first; nothing when no part reads as a name."""
    parts = [x for x in m.group("full").split("・") if x]
    while parts and _is_country(parts[0], actors):
        parts.pop(0)
    if not parts or not any(_katakana_name_ok(x, lone=False) for x in parts):
        return None, [], None, None
    full = "・".join(parts)
    if len(parts) >= 2 and parts[0] in family_first():
        return full, [], m.group("title"), None
    return parts[-1], [full] if full != parts[-1] else [], m.group("title"), None


def _person_only_title(m: re.Match[str]) -> bool:
    """The match's title is a listed title only a person holds (`_PERSON_ONLY_TITLE_RX`), not opening a meeting."""
    title = m.group("title")
    if m.string.startswith(_MEETING_AFTER, m.end()):
        return False
    if title in _LISTED_TITLES:  # not a bare minister's title: デジタル大臣, デジタル担当大臣 name the portfolio
        return (
            _PERSON_ONLY_TITLE_RX.search(title) is not None
            and title not in _BARE_OFFICES
            and not title.startswith("担当")
        )
    # a listed office with its field before it (ターク人権高等弁務官); not a minister of the open class (ユーロ圏財務相)
    return _QUALIFIED_PERSON_TITLE_RX.search(title) is not None


_LISTED_TITLES = frozenset(JA_TITLES + _MORE_TITLES)
# honorifics, not offices: 林氏 could be any 林 of another report
_NOT_OFFICES = frozenset({"氏", "さん", "様"})


@lru_cache(maxsize=8192)
def _one_word(word: str) -> bool:
    """A katakana word the tokenizer reads as one common noun (ハント, クロセット, ターク), not a compound of several nor
    a place's or a body's name."""
    morphs = _surfaces_and_pos(word)
    return len(morphs) == 1 and morphs[0][1][:2] == ("名詞", "普通名詞")


def _note_parts(parts_of: dict[str, str], candidate: Candidate) -> None:
    """Each part of a katakana full name found (ペートンタン and シナワット of ペートンタン・シナワット), for
    `_part_of_another`."""
    name, forms, _, _ = candidate
    for full in (name or "", *forms):
        if "・" in full:
            for part in full.split("・"):
                parts_of.setdefault(part, full)


def _part_of_another(entry: _Found, parts_of: dict[str, str]) -> bool:
    """A person found by one part of a katakana full name the same document writes (「ペートンタン・シナワット首相」 …
    「ペートンタン首相」, 「ミン・アウン・フライン総司令官」 … 「アウン総司令官」, 「フン・セン氏」 … 「フン氏」) is that
    person, not a second one: attribution reads the part as the full name written before it. A person found by
    a full name (the surname of ロドリゴ・ドゥテルテ, or サラ・ドゥテルテ) is their own."""
    if entry.kind != "person" or "・" in entry.name or any("・" in a for a in entry.aliases):
        return False
    full = parts_of.get(entry.name)
    return full is not None and full != entry.name


def _kanji(m: re.Match[str]) -> Candidate:
    """「林芳正官房長官」 → 林 (alias 林芳正) when the tokenizer reads a personal name; else nothing."""
    full = m.group("full")
    morphs = _surfaces_and_pos(full)
    if morphs and _named_after_cjk_body(full, morphs, m):
        title = (m.group("det") or "") + m.group("title")
        return full, [full[0] + title], _posted(m, title), None
    if not morphs or (any(pos[2] != "人名" for _, pos in morphs) and not looks_like_name(full)):
        return None, [], None, None
    (first, pos), rest = morphs[0], morphs[1:]
    if pos[2] != "人名" and looks_like_name(
        full
    ):  # 「三部敏宏」: a surname the dictionary splits, a given name it knows
        surname = full[: len(full) - len(morphs[-1][0])]
        title = (m.group("det") or "") + m.group("title")
        if _place_read_surname(full, morphs, m):  # 韓国瑜, 呉江浩: by the full name, and the surname with the title
            return full, [full[0] + title], _posted(m, title), None
        return (surname, [full], _posted(m, title), None) if len(surname) >= 2 else (None, [], None, None)
    if pos[3] == "姓":  # 「岸田」「岸田文雄」; a one-kanji surname only with a given name of two (林芳正, not 米務)
        if len(first) < 2 and not (rest and len(rest[0][0]) >= 2):
            return None, [], None, None
    elif rest or pos[3] != "一般" or len(first) < 2:  # one whole-name token (習近平); not a lone given name
        return None, [], None, None
    surname = first if rest and len(first) >= 2 else full
    title = (m.group("det") or "") + m.group("title")
    # a one-kanji surname (林 of 林芳正; 尹 of 尹錫悦, 王 of 王毅: a Chinese or Korean name the dictionary holds as one
    # word of two or three kanji) goes by the full name, and news text refers back to the holder of an office by the
    # surname and the office (林官房長官, 尹大統領, 王外相), often in another outlet's report that never gives the full
    # name: that form is the person's too. Not a surname alone that the dictionary tags so (斎藤 of 斎藤経済産業相, 岸田
    # of 岸田首相): its first kanji and the title (斎経済産業相) name nobody
    one_kanji = len(first) == 1 if rest else len(full) <= 3 and pos[3] != "姓"
    if surname == full and one_kanji and m.group("title") not in _NOT_OFFICES:
        return full, [full[0] + title], _posted(m, title), None
    return surname, [full] if full != surname else [], _posted(m, title), None


def _place_read_surname(full: str, morphs: tuple[tuple[str, tuple[str, ...]], ...], m: re.Match[str]) -> bool:
    """A Chinese, Korean or Taiwanese name of three kanji whose first two the dictionary reads as a place, the third
    as a given name (韓国瑜: 韓国 + 瑜; 呉江浩: 呉江 + 浩): not a surname of two kanji, cut from it (the person named
    韓国 would take every mention of Korea), but a surname of one. Only where the place is a country, which no
    Japanese surname is, or the name follows a Chinese, Korean or Taiwanese body (「中国の呉江浩駐日大使」); a Japanese
    surname the dictionary tags as a place (福島, 長野) keeps its cut."""
    if len(full) != 3 or len(morphs) != 2 or len(morphs[1][0]) != 1:
        return False
    (_, pos), (_, given) = morphs
    if pos[2] != "地名" or given[2] != "人名":
        return False
    return pos[3] == "国" or bool(_CJK_BODY_BEFORE_RX.search(m.string[max(0, m.start() - 16) : m.start()]))


def _posted(m: re.Match[str], title: str) -> str:
    """The description of a person found with a title: an envoy's post told before it (駐日大使, 駐大阪総領事); the
    surname's alias keeps the title alone (南大使: news text refers back so)."""
    post = m.group("post")
    return title if not post else title[: len(title) - len(m.group("title"))] + post + m.group("title")


# a Chinese, Korean or Taiwanese official in their own characters (中国外務省の趙立堅副報道局長, 北朝鮮の崔善姫外相,
# 中国外務省の華春瑩報道局長): the dictionary knows the one-kanji surname (趙, 崔) or nothing, and reads what follows
# as common nouns (立 + 堅), so the name rule refuses it; news text names such a person right after their country or
# body (「中国外務省の」), and that, with a title after, is what lets two or three kanji be a name
_CJK_BODY_BEFORE_RX = re.compile(r"(?:中国|中華人民共和国|韓国|北朝鮮|朝鮮|台湾|香港)[一-龥々ァ-ヴー・]{0,10}の$")


def _named_after_cjk_body(full: str, morphs: tuple[tuple[str, tuple[str, ...]], ...], m: re.Match[str]) -> bool:
    """Whether `full` (before a title) is a Chinese, Korean or Taiwanese name: two or three kanji, the first a
    surname the dictionary knows or a word it does not read as a name either, right after 「<that country's body>の」."""
    if len(full) not in (2, 3) or not _CJK_BODY_BEFORE_RX.search(m.string[max(0, m.start() - 16) : m.start()]):
        return False
    first, pos = morphs[0]
    if all(p[2] == "人名" for _, p in morphs):
        return False  # the name rule reads it already (王毅, 汪文斌)
    # (or a suffix: 官 of 南官杓 is read as one)
    return (len(first) == 1 and pos[3] == "姓") or all(
        len(s) == 1 and (p[1] == "普通名詞" or p[0] == "接尾辞") for s, p in morphs
    )


@lru_cache(maxsize=1)
def _en_title_words() -> frozenset[str]:
    """The capitalised words of the titles written before a name (Senator, Mayor, Chairman, Prime, Minister …)."""
    titles = (*_EN_TITLES, *vocabulary().en_titles)
    return frozenset(w for t in titles for w in t.replace("-", " ").split() if w[:1].isupper() and w.isalpha())


_CAPITALISED_PARTICLES = frozenset({"Le", "La", "De", "Du", "Des", "Van", "Von", "Der", "Den", "Di", "Da", "Del"})


def _english(full: str, title: str | None) -> Candidate:
    """ "Andrzej Duda" → Duda, alias Andrzej Duda. A title the phrase opens with ("Senator Ruth Cole said", "Mayor
    Carol Dunn told") is no part of the name: the person is one, however a report writes the title."""
    words = re.sub(r"['’]s$", "", full).split()  # "Shigeru Ishiba's"
    while words and (words[0] in _EN_NOT_NAME or words[0] in _en_title_words()):
        words.pop(0)
    if not words or any(w in _EN_NOT_NAME for w in words) or words[0].islower() or _english_place(tuple(words)):
        return None, [], None, None
    if title is None and len(words) < 2:  # "Duda said" alone is too weak; "Andrzej Duda said" is a name
        return None, [], None, None
    v = vocabulary()
    if words[-1] in v.en_org_heads or words[-1] in v.en_body_endings:  # "Alaska Airlines said": a body, not Mr Airlines
        return None, [], None, None
    full = " ".join(words)
    # a particle in lower case (von der Leyen) or, inside the name, capitalised as French and Dutch names write it
    # (Marine Le Pen, Charles De Gaulle): the surname starts there
    inside = range(1, len(words) - 1)
    starts = (k for k, w in enumerate(words) if w.islower() or (k in inside and w in _CAPITALISED_PARTICLES))
    particle = next(starts, None)
    name = " ".join(words[particle:]) if particle else words[-1]  # "von der Leyen"
    aliases = [full] if full != name else []
    if (article := _EN_ARTICLE_RE.match(name)) is not None:  # al-Sisi, also Sisi as the reports write him after
        aliases.append(name[article.end() :])
    if len(words) >= 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[-1]):  # "Kim Yong-hyun": the surname comes first
        name = words[0]
    elif len(words) >= 2 and words[0] in family_first():  # "Hun Manet", as 「フン・マネット」: the whole name
        return full, [], title, full
    return name, aliases, title, full


# an Arabic article joined to a surname (al-Sisi, el-Sisi, ash-Shaibani)
_EN_ARTICLE_RE = re.compile(r"(?:al|el|ash|as|ad|ar|at|az|an)-(?=[A-Z])")


def _is_country(word: str, actors: ActorIndex) -> bool:
    """A country or organisation: a registry state/body, or what the tokenizer tags as a country."""
    hit = actors.resolve(word)
    if hit is not None and hit.kind != "person":
        return True
    return _tagged_country(word)


# The tokenizer checks below look at one word at a time; names recur across articles, so their answers are cached.


@lru_cache(maxsize=8192)
def _surfaces_and_pos(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((x.surface(), x.part_of_speech()) for x in tokenized(word))


@lru_cache(maxsize=8192)
def _tagged_country(word: str) -> bool:
    """Whether the tokenizer reads the word as one country or organisation name."""
    morphs = list(tokenized(word))
    return len(morphs) == 1 and morphs[0].part_of_speech()[2:4] in (("地名", "国"), ("組織名", "*"))


@lru_cache(maxsize=8192)
def _katakana_name_ok(word: str, lone: bool = True) -> bool:
    """Not a common noun the dictionary knows (スタッフ, チーム, ブロガー). A lone word must also read as a personal
    name or be unknown to the dictionary (foreign names often are): a place or organisation is not a person.
    In a full name (ドナルド・トランプ) it is enough that one part looks like a name."""
    for x in tokenized(word):
        pos = x.part_of_speech()
        if pos[1] == "普通名詞" and not x.is_oov():
            return False
        if lone and not (pos[2] == "人名" or x.is_oov()):
            return False
    return True


@lru_cache(maxsize=1)
def _gloss_pairs() -> dict[tuple[str, str], list[str]]:
    """The first two words of each dictionary noun's English glosses → the nouns (hong, kong → 香港)."""
    out: dict[tuple[str, str], list[str]] = {}
    for ja, words in event_glosses().items():
        if len(words) >= 2:
            out.setdefault((words[0], words[1]), []).append(ja)
    return out


@lru_cache(maxsize=4096)
def _english_place(words: tuple[str, ...]) -> bool:
    """A name of two or more English words that is a place the dictionary knows: the first words of the glosses of
    a noun the tokenizer reads as one place name ("Hong Kong": 香港, 名詞 固有名詞 地名; "New York", "South Korea" when
    JMdict glosses them so). Two words look like a given name and a surname ("Hong Kong leader John Lee"); one word is
    a candidate only with a title and may be a person's name (Jordan, Georgia), so it is not read here."""
    if len(words) < 2:
        return False
    key = tuple(w.lower() for w in words)
    glosses = event_glosses()
    for ja in _gloss_pairs().get((key[0], key[1]), ()):
        morphs = _surfaces_and_pos(ja)
        if tuple(glosses[ja][: len(key)]) == key and len(morphs) == 1 and morphs[0][1][2] == "地名":
            return True
    return False
