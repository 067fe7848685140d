"""Who said it, in English news text.

Patterns, for the sentence a span sits in:
* `"…," X said` / `"…," said X` / `"…," X told Reuters` / `X wrote on X` / `X said in a statement`;
* `X said (that) …` / `X told reporters …` (the speaker before the verb);
* `according to X`;
* `he` / `she` carried to the last person named as a subject; `the company`, `the ministry`, `it` to the last
  organisation; a quote standing alone continues the previous sentence's speaker.
A name resolves through the actor registry (Biden = バイデン); a surname alone (`Choi said`) expands to the full
name given earlier (`Choi Sang-mok`); titles are dropped (`U.S. Deputy Secretary of State Kurt Campbell` → Kurt
Campbell); anonymous sources stay as written (`a senior U.S. administration official`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from bot.actors import ActorEntry, ActorIndex
from bot.extract.body_names import other_names
from bot.extract.place_names import japanese_places
from bot.extract.quotemarks import english_quote_spans
from bot.extract.roles import family_first, vocabulary
from bot.extract.title_index import title_index
from bot.text import guarded, longest_first

_ABBREV = r"(?<!\bU\.S)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\ba\.m)(?<!\bp\.m)(?<!\bNo)(?<!\bU\.K)(?<!\bCo)(?<!\bInc)(?<!\bCorp)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bU\.N)(?<!\bE\.U)(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bProf)(?<!\bSgt)(?<!\bCapt)(?<!\bAdm)(?<!\b[A-Z])"
_SENT_END_RE = guarded(_ABBREV + r"[.!?][\"”’]?\s+(?=[\"“A-Z])")  # led by a lookahead of [.!?]: fast
_CAP_WORD = r"(?:[A-Z][A-Za-z'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*)"
_JOINED_NAME_RE = re.compile(r"(?:al|el|bin|ibn|abu)-[A-Z]")  # al-Ansari: capitalised inside
_PARTICLE = r"(?:von|van|der|den|de|da|di|del|al|bin|le|la|of|for|and)"
_PARTICLE_RE = re.compile(_PARTICLE)  # compiled once: `_PARTICLE_RE.fullmatch(w)` looked it up in re's cache per word
_STOP_START = {"The", "A", "An", "In", "On", "At", "But", "And", "Its", "His", "Her", "Their", "Our", "That", "This"}
# days and months are capitalised wherever they stand, so capitalisation alone would make them speakers
_NEVER_NAMES = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
}  # fmt: skip
# a people's adjective is no one's name, capitalised as it is ("Japanese comedy", "Japanese comedian X")
_DEMONYMS = frozenset(
    {
        "Japanese", "Chinese", "Korean", "American", "British", "English", "Russian", "Ukrainian", "French", "German",
        "Italian", "Spanish", "Dutch", "Swedish", "Polish", "Turkish", "Indian", "Israeli", "Iranian", "Iraqi", "Syrian",
        "Saudi", "Arab", "Palestinian", "Afghan", "Pakistani", "Taiwanese", "Vietnamese", "Thai", "Filipino",
        "Indonesian", "Australian", "Canadian", "Mexican", "Brazilian", "European", "Asian", "African", "Western",
    }
)  # fmt: skip
# `Matsumoto's side` / `the Kishida camp`'s owner: the one whose side speaks; `Netanyahu's office`, `Smotrich's
# Religious Zionism party`, `Trump's campaign`: the people and the party a person heads speak for them; a body's
# committee, branch or chapter speaks for the body (`The Japan Communist Party's Osaka committee issued a statement`)
_SIDE_RE = re.compile(
    r"(.+?)['’]s?\s+(?:[A-Z][\w-]*\s+){0,3}"
    r"(party|campaign|movement|side|camp|office|aides|team|spokes(?:person|man|woman)|committee|branch|chapter)"
)
# A body the index holds, named with its kind in lower case after it ("The far-left France Unbowed party", "the
# opposition Socialists group") or through a part of it ("Toyota's North American unit", "Sony's gaming arm"): the
# body speaks. Read only where the name is an actor's (not "the Tokyo-based company", "the U.S. firm").
BODY_KINDS = (
    "party", "group", "union", "company", "firm", "bank", "alliance", "coalition", "movement", "bloc", "faction",
    "caucus", "militia", "carrier", "airline", "automaker", "carmaker", "insurer", "lender", "broadcaster",
    "network", "club", "association", "federation", "organization", "organisation", "agency", "regulator",
)  # fmt: skip
BODY_PARTS = ("unit", "subsidiary", "arm", "division", "affiliate", "branch", "operations")
_KINDED_RE = re.compile(
    r"(?:[Tt]he\s+|[Aa]n?\s+)?(?:[a-z][\w-]*\s+){0,2}(?P<name>(?:[A-Z][\w.'’&-]*\s+){0,4}[A-Z][\w.'’&-]*)"
    rf"(?:\s+(?:{'|'.join(BODY_KINDS)})|['’]s?\s+(?:[\w-]+\s+){{0,3}}(?:{'|'.join(BODY_PARTS)}))"
)


def kinded_body(np: str, actors: ActorIndex) -> tuple[str, str] | None:
    """(name, "org") of a subject phrase that is a body the index holds and its kind or part (`_KINDED_RE`), else
    None: the name must be the whole of a body's name or alias (a people's adjective, a country, a place or a
    person before "company" or "unit" is not the body speaking: "the Japan unit" is some company's)."""
    found = _KINDED_RE.fullmatch(np)
    if found is None:
        return None
    name = found.group("name")
    entry = actors.resolve(name)
    if entry is None or entry.kind in ("person", "state", "country") or name in _DEMONYMS:
        return None
    return name, "org"


# A wire story's dateline before its first sentence (`TOKYO, Aug 14 (Reuters) -`, `JERUSALEM/CAIRO, Jan 16
# (Reuters) -`, `WASHINGTON (AP) —`): a place and an agency, never the sentence's subject
DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Z .,'’/-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*"
)
# `the 62-year-old said`: the person named before, as `he` is
_AGE_ANAPHOR_RE = re.compile(r"the \d{1,3}-year-old(?: [a-z]+)?")
# where an indefinite speaker's description ends: "a crude trader who declined to be named", "a woman in her 40s"
_DESCRIPTION_END_RE = re.compile(r"\s(?:who|whom|which|that|in|at|from|with|of|on|for|after|before|near)\s|,")


def _verbs() -> str:
    return "|".join(sorted(vocabulary().en_speech_verbs, key=len, reverse=True))


@dataclass(slots=True)
class _Subject:
    start: int
    text: str  # as written
    kind: str  # person | org | anon | pronoun-person | pronoun-org | pronoun-plural


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a line break always ends one, a full stop inside an open quotation never does."""
    out: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        last = 0
        for m in _SENT_END_RE.finditer(line):
            # the closing mark after the stop is the quotation's end (`… "in consideration of circumstances." It
            # added …`: two sentences), so it counts with the marks before
            mark = m.start() + (2 if line[m.start() + 1 : m.start() + 2] == '"' else 1)
            if line.count('"', last, mark) % 2 == 1:
                continue
            out.append((at + last, at + m.end()))
            last = m.end()
        if line[last:].strip():
            out.append((at + last, at + len(line)))
        at += len(line) + 1
    return out


_NAME_RUN_RE = re.compile(
    r"(?:(?:[A-Z]|(?:al|el|bin|ibn|abu)-[A-Z])[A-Za-z'’]+(?:-[A-Za-z]+)?\.?\s+){1,5}"
    r"(?:[A-Z]|(?:al|el|bin|ibn|abu)-[A-Z])[A-Za-z'’]+(?:-[a-z]+)?"
)


def _people_named(s: str) -> list[tuple[str, str]]:
    """(full name, as written with its titles) of people a sentence gives: for `Kim said` after `Kim Yong-hyun`,
    and `the minister` after `Foreign Minister Abbas Araghchi`."""
    out = []
    for m in _NAME_RUN_RE.finditer(s):
        got = _proper_name(m.group())
        if got and got[1] == "person":
            # with a role written in lower case right before the name ("Foreign Ministry spokesperson Wang
            # Wenbin"): `the spokesperson` is then that person too
            role = _LOWER_ROLE_RE.search(s, 0, m.start())
            out.append((got[0], (role.group(1) + " " if role else "") + m.group()))
    return out


_LOWER_ROLE_RE = re.compile(r"(?<![A-Za-z])((?:spokes(?:person|man|woman)|minister|secretary|ambassador|official))\s+$")


_quote_spans = english_quote_spans


def _unquoted(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(a + 1, b - 1):
            chars[i] = "_"
    return "".join(chars)


_OPENING_RE = re.compile(r"(?:In|At|On|From|After|Before|During|Outside|Inside|Speaking|Asked|Earlier|Later)\b")


def _clean_np(np: str) -> tuple[str, str] | None:
    """(the speaker as shown, kind) for a subject phrase, or None when it cannot speak."""
    v = vocabulary()
    np = np.strip(" ,;:—–-")
    if not np:
        return None
    low = np.lower()
    if low in v.en_person_pronouns or _AGE_ANAPHOR_RE.fullmatch(low):
        return low, "pronoun-person"
    if low in v.en_plural_pronouns:
        return low, "pronoun-plural"
    if low in v.en_org_pronouns:
        return low, "pronoun-org"
    # an appositive: "Lee Jae-myung, the party's leader" / "Its chief executive, Takao Kato"
    parts = [p.strip() for p in np.split(",") if p.strip()]
    side = _SIDE_RE.fullmatch(parts[-1]) if parts else None
    if side and _proper_name(side.group(1)):  # "Matsumoto's side said": he speaks through it
        return _clean_np(side.group(1))
    if len(parts) > 1:
        # the part next to the verb is the subject when it is a pronoun or a whole name; what stands before it
        # is an opening phrase ("Earlier, Araghchi", "Speaking on Instagram, she", "Asked …, the minister")
        last = parts[-1]
        if any(last.lower() in words for words in (v.en_person_pronouns, v.en_plural_pronouns, v.en_org_pronouns)):
            return _clean_np(last)
        relative = _RELATIVE_PRONOUN_RE.fullmatch(last)
        if relative is not None:  # "Earlier, X chaired a meeting, at which he told …": X, the main clause's subject
            for part in reversed(parts[:-1]):
                lead = _LEAD_SUBJECT_RE.match(part)
                if lead is not None and not _OPENING_RE.match(part) and (got := _proper_name(lead.group("np"))):
                    return got
            return _clean_np(relative.group(1))
        if len(parts) > 2 and _PLACED_AT_RE.search(parts[-2]) and _whole_name(parts[0]) and _whole_name(last):
            # "X, a lawyer in Halifax, Nova Scotia, said": the last part goes on naming the place, X speaks
            return _clean_np(parts[0])
        if _whole_name(last) or (last.lower().startswith("the ") and not any(map(_whole_name, parts[:-1]))):
            return _clean_np(last)
    # a part that opens with a preposition is an opening phrase, never the subject: "In Tokyo, Chief Cabinet
    # Secretary X, the government's top spokesman, has said" is X's, not Tokyo's
    named = [p for p in parts if _proper_name(p) and not _OPENING_RE.match(p)] or [p for p in parts if _proper_name(p)]
    if len(parts) > 1 and named:
        np = named[0]
    if (
        len(parts) > 1
        and any(w.lower().strip(",.") in v.en_anonymous for w in parts[-1].split())
        and not any(map(_proper_name, parts[:-1]))  # not an apposition: "X, a member of the committee, told"
    ):
        np = parts[-1]  # "The airport was shut, an airport official said": the source is the part before the verb
    held = _PERSON_OF_RE.match(np) if len(parts) == 1 else None
    if (
        held is not None
        and not any(w.rstrip(".,") in v.en_org_heads for w in held.group("who").split())
        and not _title_word(held.group("who").split()[-1])  # "US Secretary of State Antony Blinken": a title's "of"
    ):
        # "Enver Solomon of the Refugee Council said", "Governor Andrew Bailey of the Bank of England said": the
        # person speaks, whatever body the phrase ends on (not "The Federation of Indian Pilots": no person's name)
        person = _proper_name(held.group("who"))
        if person is not None and person[1] == "person":
            return person
    words = np.split()
    anon = [i for i, w in enumerate(words) if w.lower().strip(",.") in v.en_anonymous]
    name = _proper_name(np)
    if name and name[1] != "org" and _placed_description(words):
        name = None  # "a Japanese diplomat in Beijing", "a mother of two in Shenzhen": the source, not the place
    if name and not (anon and anon[-1] == len(words) - 1):
        return name
    if low.startswith(("a ", "an ")) and not anon:  # "said a crude trader who declined to be named": a source
        head = _DESCRIPTION_END_RE.split(np, maxsplit=1)[0].split()[1:]
        return (" ".join(head), "anon") if 0 < len(head) <= 5 and head[-1].islower() else None
    if anon:
        cut = words[: anon[-1] + 1]
        while cut and cut[0].lower() in ("a", "an", "the", "one", "two", "three", "several", "some"):
            cut = cut[1:]
        tail = words[anon[-1] + 1 :]
        if tail and tail[0] in ("at", "of", "for", "in", "with") and len(tail) <= 4:
            cut += tail
        elif tail and tail[0] in ("familiar", "close", "briefed", "knowledgeable") and len(tail) <= 6:
            cut += tail  # "a person familiar with the committee's deliberations": what the source is
        return " ".join(cut) or None, "anon"
    return None


# a description in apposition that ends on where the person is ("a maritime lawyer in Halifax"): a part after it
# ("Nova Scotia") is the place's, not another subject
_PLACED_AT_RE = re.compile(r"^(?:an?|the)\s.*\s(?:in|near|outside|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")
# a person's name, then the body they are of ("Enver Solomon of the Refugee Council", "Makiko Terahara of Marriage For
# All Japan", "Faz Peermohamed of the law firm Stann Marine")
_PERSON_OF_RE = re.compile(r"\s*(?P<who>(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]+)\s+(?:of|at|from)\s+(?:the\s+)?\S")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of the English titles the vocabulary knows (Secretary, Minister, Director …), casefolded."""
    return frozenset(w.strip(".").casefold() for t in vocabulary().en_titles for w in t.split() if len(w) > 2)


def _title_word(word: str) -> bool:
    return word.strip(".,").casefold() in _title_words()


# where an indefinite source is placed: "a Japanese diplomat in Beijing", "a resident near the plant"
_PLACE_PREPOSITIONS = frozenset(("in", "near", "outside"))


def _placed_description(words: list[str]) -> bool:
    """Whether a phrase is an indefinite description of someone ending in where they are ("a Japanese diplomat in
    Beijing", "a mother of two in Shenzhen"): the capitalised words after the preposition name a place, not who
    spoke."""
    if not words or words[0].lower() not in ("a", "an"):
        return False
    k = len(words)
    while k > 1 and (words[k - 1][:1].isupper() or _PARTICLE_RE.fullmatch(words[k - 1])):
        k -= 1
    return 1 < k < len(words) and words[k - 1].lower() in _PLACE_PREPOSITIONS


# a relative clause's subject pronoun before the speech verb: "…, at which he", "…, where she", "…, after which they"
_RELATIVE_PRONOUN_RE = re.compile(r"(?:(?:at|in|during|after|on) which|where|when)\s+(he|she|they|it)", re.I)


def _whole_name(part: str) -> bool:
    """Whether a phrase is a name, with its titles, and nothing else ("Araghchi", "Prime Minister Shigeru Ishiba";
    not "last Friday", "the expo's honorary chairman")."""
    words = part.split()
    return bool(_proper_name(part)) and all(
        w[:1].isupper() or _JOINED_NAME_RE.match(w) or _PARTICLE_RE.fullmatch(w) for w in words
    )


def _proper_name(np: str) -> tuple[str, str] | None:
    """The name in a phrase (its trailing run of capitalised words), titles dropped; kind person, single or org.

    "U.S. Deputy Secretary of State Kurt Campbell" → Kurt Campbell; "LDP policy chief Itsunori Onodera" →
    Itsunori Onodera; "The main opposition Democratic Party" → Democratic Party (org)."""
    v = vocabulary()
    words = np.split()
    run: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w.rstrip(".,") in _NEVER_NAMES:
            break
        if w[:1].isupper() or _JOINED_NAME_RE.match(w) or (run and _PARTICLE_RE.fullmatch(w)):
            run.insert(0, w)  # "Secretary of State", "von der Leyen", "al-Ansari"
        elif run and (w == "&" or (k and words[k - 1] == "&" and w.isalpha() and len(w) <= 3)):
            run.insert(0, w)  # a company's name joined by an ampersand: "Johnny & Associates", "Seven & i Holdings"
        else:
            break
    while run and (run[0] in _STOP_START or _PARTICLE_RE.fullmatch(run[0]) or run[0] == "&"):
        run = run[1:]
    if not run:
        return None
    lowered = len(run) < len(words)  # descriptors before the name: "policy chief", "the party's leader"
    phrase = " ".join(run).rstrip(",.")
    if phrase in _DEMONYMS:
        return None
    if run[-1].rstrip(".,") in v.en_org_heads or (len(run) == 1 and run[0].isupper()) or "&" in run[1:-1]:
        return phrase, "org"
    titles = title_index(v.en_titles)
    if any(run[k].rstrip(".,") in v.en_org_heads and run[k + 1] in ("of", "for") for k in range(len(run) - 1)) and not (
        list(titles.among(phrase))
    ):  # a body named by its head and what it is of: "The Airline Pilots' Association of India", "Bank of England"
        return phrase, "org"
    for title in titles.among(phrase):  # the last title in the phrase: what follows it is the name
        at = phrase.rfind(title + " ")
        if at >= 0 and (at == 0 or phrase[at - 1] == " "):
            rest = phrase[at + len(title) + 1 :]
            if rest and not any(rest.startswith(t + " ") for t in titles.opening(rest)):
                phrase = rest
                break
    if lowered and len(phrase.split()) == 1 and not words[-1][:1].isupper():
        return None
    return phrase, "person" if len(phrase.split()) >= 2 else "single"


# a sentence's leading name with its titles: capitalised words, and inside the run the particles of a title or a
# name ("Secretary of State Antony Blinken", "Abdel Fattah al-Burhan") and a role in lower case before a capitalised
# word ("Army chief General …", "Tesla chief executive Elon Musk"): the run never stops at them ("Secretary", "Army")
_LEAD_WORD = r"(?:[A-Z][\w'’-]+|(?:al|el|bin|ibn|abu)-[A-Z][\w'’-]+)"
_LEAD_INNER = r"(?:of|for|de|der|von|van|chief|executive|head|leader|minister|secretary|spokes(?:person|man|woman))"
_LEAD_SUBJECT_RE = re.compile(
    rf"^\s*(?P<np>(?=[A-Z])(?:{_LEAD_WORD}\s|{_LEAD_INNER}\s(?=[A-Z])){{0,7}}{_LEAD_WORD}),?\s+[a-z]+\b"
)


# a subject, then a relative clause set off by commas, up to the verb: "X, who … and …, said"
_RELATED_RE = re.compile(r"\s*([^,]{2,60}),\s+(?:who|which|whose)\s[^,]{3,200},\s*$")
_APPOSED_RE = re.compile(r"\s*([^,]{3,60}),[^,]{3,120},\s*$")

# What news text puts between a subject and its speech verb: auxiliaries, adverbs of time, manner and repetition
# ("Greenpeace has long argued", "Yellen has repeatedly said", "Netanyahu publicly urged", "Beijing quickly said").
# One list for both readers of a subject: /quote's (`_subject_before`) and /stance's (`stance_en._FILLER`).
SUBJECT_FILLERS = (
    "has", "have", "had", "also", "then", "later", "earlier", "again", "repeatedly", "previously", "already",
    "swiftly", "quickly", "publicly", "privately", "formally", "officially", "initially", "first", "once", "still",
    "now", "long", "since", "consistently", "strongly", "flatly", "firmly", "openly", "sharply", "separately",
    "jointly", "immediately", "subsequently", "recently", "reportedly", "further", "explicitly", "bluntly",
)  # fmt: skip
_FILLERS_AT_END_RE = re.compile(r"(?:\s+(?:" + "|".join(SUBJECT_FILLERS) + r"|on \w+day|on \w+))+\s*$")


def _subject_before(s: str, verb_at: int) -> str:
    """The words before a speech verb, back to a clause boundary."""
    head = s[:verb_at]
    clause = head[max(head.rfind('"'), head.rfind("”"), head.rfind(";")) + 1 :]
    # a name and its apposition before the verb ("X, a member of the Working Group on Business and Human Rights,
    # told"): the " and " inside the apposition is no clause boundary
    apposed = _APPOSED_RE.match(clause)
    if apposed and _whole_name(apposed.group(1)):
        return clause.strip()
    # so too a relative clause after the subject ("Eduardo, who lives abroad and faces charges, said", "Oasis, which
    # owns shares in both and has sued, said"): its " and " joins the clause's own verbs, not the sentence's
    related = _RELATED_RE.match(clause)
    if related and _clean_np(related.group(1)) is not None:
        return related.group(1).strip()
    cut = max(head.rfind('"'), head.rfind("”"), head.rfind(";"), head.rfind(" and "), head.rfind(" but "))
    head = head[cut + 1 :]
    # a conjunction or linking adverb opening the clause, capitalised at a sentence's start too ("But he said")
    head = re.sub(r"^\s*(?:,|and|but|yet|while|as|that|so|however,?|still,?)\s+", "", head, flags=re.IGNORECASE)
    head = _FILLERS_AT_END_RE.sub("", head)  # "Greenpeace has long argued": Greenpeace
    return head.strip()


# a name in apposition after a description ("said one of the organizers, Prabin Adhikari, 25.")
_APPOSED_NAME_RE = re.compile(r",\s+((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)\s*(?=[,.;]|$)")


_TRAILING_SAID_RE = re.compile(
    r",\s*(?P<np>(?:he|she|they|it|the [a-z]+(?: [a-z]+)?|(?:[A-Z][\w'’-]+\s){0,3}[A-Z][\w'’-]+))\s+"
    r"(?:said|says|added|told reporters)\s*\.?\s*$"
)


# a reflexive after the speaker's name, saying the person spoke in person (`"…," Ishiba himself said`, 「斎藤氏本人は」)
_REFLEXIVE_RE = re.compile(r"\s+(?:himself|herself|themselves|itself)$")


# a title abbreviated before a name, whose period ends no phrase (`said Sen. Ted Cruz`, `said Gov. Gavin Newsom`)
_TITLE_ABBR = r"\b(?:Sen|Rep|Gov|Gen|Lt|Col|Adm|Capt|Maj|Sgt|Dr|Mr|Mrs|Ms|Prof|St)\.\s"
# the state or place a titled lawmaker or official is "of" (`Sen. Ted Cruz of Texas`, `Rep. Nancy Pelosi of
# California`): not part of the name, once a title stands before it
_STATE_OF_RE = re.compile(
    rf"^(?P<who>(?:{_TITLE_ABBR}|(?:Senator|Representative|Governor|Mayor)\s).+?)\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?$"
)


# a subordinate clause's opening word: what follows a quoted phrase after it is no speaker's phrase
_SUBORDINATOR_RE = re.compile(r"\s*(?:although|though|while|whereas|because|since|as|if|unless|even)\b", re.I)
_JOINING = frozenset(("and", "but", "then", "and then", "or"))
# a speech verb inside a relative clause ("…, which Trump says will …", "…, who he said was …") speaks for no one in
# the sentence; one right after "and" ("… and said") shares the sentence's subject
_RELATIVE_RE = re.compile(r"(?:which|who|whom|that|what)\b", re.IGNORECASE)
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "this", "that"))
_JOINED_VERB_RE = re.compile(r"\s(?:and|but|then)\s+$")


# speech verbs that also stand as a past participle after a noun ("a letter posted on X", "a video released by …")
_PARTICIPLE_RE = re.compile(
    r"posted|published|released|issued|sent|written|shared|circulated|broadcast|delivered|tweeted", re.IGNORECASE
)


def _sentence_subject(s: str, masked: str) -> str | None:
    """The speaker phrase a sentence gives (after a quote, before its verb, or after 'according to')."""
    verbs = _verbs()
    closing = {b - 1 for _, b in _quote_spans(s)}
    for after in re.finditer(rf"[,.!?]?[\"”]\s*,?\s*(?P<np>[^\"“”.;]{{1,80}}?)\s+(?:{verbs})\b", s):
        # from a closing mark only: an opening one would read the quote's own words as the speaker
        mark = after.start() + (1 if s[after.start()] in ",.!?" else 0)
        if after.group("np").strip().lower() in _JOINING:  # '"…" and added, "…"': the clause's subject, said before
            continue
        if _SUBORDINATOR_RE.match(after.group("np")):  # '…as "a hero", although his government insisted …': a
            continue  # clause of its own after the quoted phrase, not the speaker of the quote
        if after.group("np").split()[-1].lower() in _JOINING:  # '…called the fees "a direct attack" on workers and
            continue  # said …': the words after a quoted phrase, then the clause's second verb; its subject is before
        if mark in closing and len(after.group("np").split()) <= 12:
            return _REFLEXIVE_RE.sub("", after.group("np"))  # `"…," Ishiba himself said`: Ishiba
    inverted = re.search(rf"[,.!?][\"”]\s*(?:{verbs})\s+(?P<np>(?:{_TITLE_ABBR}|[^,\"“.;]){{1,80}})", s)
    if inverted:
        np = inverted.group("np")
        apposed = _APPOSED_NAME_RE.match(s, inverted.end("np")) if np[:1].islower() else None
        got = _proper_name(apposed.group(1)) if apposed is not None and _proper_name(np) is None else None
        if got is not None and apposed is not None and got[1] == "person" and _whole_name(apposed.group(1)):
            return apposed.group(1)  # "said one of the organizers, Prabin Adhikari, 25": the name in apposition
        return _STATE_OF_RE.sub(r"\g<who>", np)
    # `…, the magazine agreed to the withdrawal, he said.`: a speaker after the reported words, no quotation marks
    tail = _TRAILING_SAID_RE.search(masked)
    if tail and "_" not in tail.group("np"):
        return tail.group("np")
    acc = re.search(r"\b[Aa]ccording to (?P<np>[^,.;\"“]{1,80})", masked)
    for m in re.finditer(rf"\b(?:{verbs})\b", masked):
        if acc and m.start() > acc.start():
            break
        # the first speech verb with a subject before it: "In a statement posted on …, X said" is X's
        subj = _subject_before(masked, m.start())
        if subj and _RELATIVE_RE.match(
            subj.split(",")[-1].strip()
        ):  # "the fees, which Trump says will take effect": not the sentence's
            continue
        if subj and _OPENING_RE.match(subj) and "," not in subj and _PARTICIPLE_RE.fullmatch(m.group()):
            # "In a letter to Sato posted on X, the Osaka MP said": the letter was posted, Sato is no speaker; the
            # sentence's speaker is the subject of a verb after the opening phrase
            continue
        if subj and "_" not in subj:
            return subj
        if not subj and _JOINED_VERB_RE.search(masked, 0, m.start()):  # "Carney called the tariffs … and said":
            lead = _LEAD_SUBJECT_RE.match(masked)  # the sentence's subject says it
            np = lead.group("np") if lead is not None else ""
            # a name only: "He choked up and said he should have …" stays unread (bigmotor2023's stance then took
            # it as Kaneshige's view of the repair shops' quota: a claim off the target, read as support)
            if np and not _OPENING_RE.match(np) and _proper_name(np) and _clean_np(np) and np.lower() not in _PRONOUNS:
                return np
    if acc:
        return acc.group("np")
    return None


def attribute_en(text: str, start: int, end: int, actors: ActorIndex, context: str = "") -> str | None:
    """The speaker of text[start:end] in English text."""
    ctx = context if context and text in context else text
    off = ctx.find(text) if ctx is not text else 0
    s0 = start + off
    if end - start > 1:  # a loose match may begin in the sentence before its quote: the span's middle decides
        s0 = (start + end) // 2 + off
    walk = getattr(_walks, "last", None)
    if walk is None or walk.actors is not actors or not (walk.ctx is ctx or walk.ctx == ctx):
        walk = _walks.last = _Walk(ctx, actors)
    sents = walk.sents
    if not sents:
        return None
    return walk.answer(next((i for i, (a, b) in enumerate(sents) if a <= s0 < b), len(sents) - 1))


# The walk over the last context asked about, per thread (ingestion threads and the query thread attribute at
# once): /stance asks for the speaker of one sentence after another of the same item, and each answer needs the
# walk over every sentence before it (who "he" is, a surname's full name), so the walk goes on from where the
# last question left it instead of starting again (an item of n sentences cost n² sentence readings).
_walks = threading.local()


class _Walk:
    """attribute_en's reading of one context, sentence by sentence: each sentence's answer, were the span in it."""

    __slots__ = ("actors", "answers", "ctx", "history", "named", "sents", "sides", "stated", "titled")

    def __init__(self, ctx: str, actors: ActorIndex) -> None:
        self.ctx, self.actors = ctx, actors  # the index is held: never another one under a freed one's id
        self.sents = sentences(ctx)
        self.history: list[tuple[str, str]] = []  # (name, kind) of named subjects so far
        self.named: list[str] = []  # every person's full name so far
        self.answers: list[str | None] = []
        self.titled: list[tuple[str, str]] = []  # (full name, as written with its titles) of people named so far
        self.stated: list[tuple[str, str]] = []  # (name, kind) of those who spoke in a sentence naming a statement
        self.sides: list[tuple[str, tuple[str, str]]] = []  # (office, party …, its person) of `X's office said`

    def _titled_as(self, role: str) -> tuple[str, str] | None:
        """The person last named with this title ("the minister" → Foreign Minister Abbas Araghchi)."""
        low = role.lower()
        for name, written in reversed(self.titled):
            titles = written[: len(written) - len(name)]
            # an ASCII text not holding the role, in any case, cannot match (only the four non-ASCII letters `re.I`
            # folds to ASCII ones could): passed without compiling a pattern per role (~900 compiles over the stories)
            if titles.isascii() and low not in titles.lower():
                continue
            if re.search(rf"\b{re.escape(role)}\b", titles, re.I):
                return name, "person"
        return None

    def _title_lead(self, unquoted: str) -> tuple[str, str] | None:
        """The person a sentence opens on by a title alone ("The prime minister was careful …", "The minister then
        left"): the one named before with that title (`_titled_as`), the longer title first; never "The president
        of …" (what follows says whose)."""
        lead = _TITLE_LEAD_RE.match(unquoted)
        if lead is None:
            return None
        words = lead.group(1).split()
        for n in (2, 1):
            if len(words) >= n and (len(words) == n or words[n] != "of"):
                found = self._titled_as(" ".join(words[:n]))
                if found is not None:
                    return found
        return None

    def _in_apposition(self, role: str, before: str) -> tuple[str, str] | None:
        """The person last named before with this role (or its synonym) in apposition ("his attorney, Michael
        Freedman," for "the lawyer")."""
        roles = "|".join(_ROLE_SYNONYMS.get(role.lower(), (role.lower(),)))
        for name in reversed(self.named):
            if _person_name(name, before, roles):
                return name, "person"
        return None

    def answer(self, idx: int) -> str | None:
        while len(self.answers) <= idx:
            self._read(len(self.answers))
        return self.answers[idx]

    def _read(self, i: int) -> None:
        """Sentence i: its answer, then what it hands on to the sentences after it."""
        ctx, actors, history, named = self.ctx, self.actors, self.history, self.named
        a, b = self.sents[i]
        text = ctx[a:b]
        read = _sentence_readings.get(text)
        if read is None:
            read = _sentence_reading(text)
            if len(_sentence_readings) >= _SENTENCES_MAX:  # bounded; dict operations are atomic under the GIL
                _sentence_readings.clear()
            _sentence_readings[text] = read
        spans, unquoted, main, np, got, people = read
        named.extend(name for name, _ in people)
        self.titled.extend(people)
        if got is not None and got[1] == "anon" and np and re.match(r"\s*the\s+\S+\s*$", np.split(",")[-1], re.I):
            # "the minister" after "Foreign Minister Abbas Araghchi"; "the official" after "a senior ministry official"
            got = self._titled_as(got[0]) or _source_before(got[0], history) or got
        role = _THE_ROLE_RE.match(np.split(",")[-1]) if got is None and np else None
        if role is not None:  # "The judge said" after "U.S. District Judge John Holcomb", "The lawyer said" after
            got = self._titled_as(role.group(1)) or self._in_apposition(role.group(1), ctx[:a])  # "attorney, X,"
        side = _SIDE_RE.fullmatch(np.split(",")[-1].strip()) if np and got is not None else None
        if side is not None and got is not None and not got[1].startswith("pronoun"):
            self.sides.append((side.group(2).lower(), got))  # `Netanyahu's office said`: `the office` is his
        if got is not None and got[1] == "pronoun-org":  # "The ministry said" after "Japan's transport ministry …"
            got = (
                _body_named_before(got[0], ctx[:a], actors)
                or _body_spoke_before(got[0], history, actors)
                or next((who for head, who in reversed(self.sides) if got[0].lower() == "the " + head), None)
                or got
            )
        if got is None and np and (group := _GROUP_RE.fullmatch(np.split(",")[-1].strip())):
            got = _group_named_before(group, ctx[:a], actors)  # "the two companies said": the two named before
        if got is None and np and _DOCUMENT_RE.fullmatch(np.split(",")[-1].strip()):
            got = self.stated[-1] if self.stated else None  # "the statement said": whoever issued it
        if got is None and np:  # "The far-left France Unbowed party said", "Toyota's North American unit said"
            got = kinded_body(np.split(",")[-1].strip(), actors)
        if got is not None and got[1] == "anon":  # "an agency official" after "the Fire and Disaster … Agency"
            got = _member_of_body(got[0], ctx[:a], history, actors) or got
        led = _led_by(main, ctx, actors) if got is None else None
        crowd = (_PLURAL_LEAD_RE.match(unquoted) or _SOURCE_LEAD_RE.match(unquoted)) if got is None else None
        source = _clean_np(crowd.group("np")) if crowd else None
        if source is not None and source[1] == "anon":
            # "Ministry officials have pushed back. They say …": a plural source that opens a sentence without a
            # speech verb is who "they" are next (not the body its first word names); a single one ("But a senior
            # Foreign Ministry official played down expectations") who "the official" is next
            led = None
            tail = _MEMBER_TAIL_RE.match(unquoted, crowd.end("np"))  # "An official of the agency's … division"
            phrase = source[0] + (tail.group() if tail else "")
            history.append(_member_of_body(phrase, ctx[:a], history, actors) or source)
        if got is None and spans and led is not None and led[1] == "person":
            # a quoted phrase inside a sentence whose subject is a person: 'Burritt called the move "shameful"',
            # 'Netanyahu released a video, saying the president's "bold decision" would change history'
            self.answers.append(_show(led[0], actors, named))
        elif got is None and spans and i > 0:  # a quote standing alone goes on from the sentence before
            self.answers.append(_show(history[-1][0], actors, named) if history else None)
        else:
            self.answers.append(_show_subject(got, history, actors, named) if got else None)
        if got is None:  # no speech verb: a sentence led by a name still sets who "he" is
            acting = _person_acting(main) if led is None or led[1] != "person" else None
            if led is None and acting is None:  # "The prime minister was careful …": the person of that title
                acting = self._title_lead(unquoted)
            # a body that opens the sentence is what "it" is, the person acting in it who "he" is ('NUG
            # spokesperson X was dismissive'): both, the person last
            history.extend(x for x in (led, acting) if x is not None)
            if led is not None and _ISSUED_RE.search(unquoted):
                self.stated.append(led)
        else:
            if got[1] == "anon" and _plural(got[0]):  # "Modi spent an hour there, officials said": Modi is "he" next
                lead = _LEAD_SUBJECT_RE.match(main)
                acting = _proper_name(lead.group("np")) if lead is not None else None
                if acting is not None and acting[1] in ("person", "single"):
                    history.append(acting)
            if not got[1].startswith("pronoun"):
                history.append(got)
            elif resolved := _pronoun(got[1], history, named, got[0], actors):
                history.append(resolved)
            if main is not unquoted:  # a speaker in a fronted clause: the main clause's subject is who "he" is next
                after = _led_by(main, ctx, actors) or _person_acting(main)
                if after is not None and history[-1:] != [after]:
                    history.append(after)
        if got is not None and history and _STATEMENT_RE.search(unquoted):
            self.stated.append(history[-1])


# The readings of recent sentences (`_sentence_reading`), by their text; bounded.
_SENTENCES_MAX = 4096
_sentence_readings: dict[str, tuple] = {}


def _sentence_reading(text: str) -> tuple:
    """What `_Walk._read` reads of a sentence from its text alone, before the sentences around it and the actor index
    have a say: its quotes' spans, the sentence (its dateline blanked) with them masked, its main clause, the subject
    phrase of its speech verb and its reading (`_clean_np`), and the people it names (`_people_named`). A sentence is
    walked over in every context that holds it (its item for the speakers, each statement's window of passages: ~4
    times in the stories' English reports), so this is remembered by its text; the tuple and its lists are only read."""
    s = text
    lead = DATELINE_RE.match(s)
    if lead:  # `TOKYO, Aug 14 (Reuters) - Japanese Prime Minister Fumio Kishida said`: Kishida, not TOKYO
        s = " " * lead.end() + s[lead.end() :]
    spans = _quote_spans(s)
    unquoted = _unquoted(s, spans)
    main = main_clause(unquoted)
    # a speech verb of the main clause before one of a fronted clause ("When X suggested …, Y told reporters")
    np = (main is not unquoted and _sentence_subject(s, main)) or _sentence_subject(s, unquoted)
    got = _clean_np(np) if np else None
    if got is None and not np:  # "X summoned the ambassador, saying …": the participle's speaker is the subject
        np = _subject_saying(main)
        got = _clean_np(np) if np else None
    if got is not None and got[1] == "pronoun-person":
        got = relative_clause_lead(unquoted, got[0]) or got
    return spans, unquoted, main, np, got, _people_named(unquoted)


# a sentence that opens on a name, maybe its age, then a relative clause set off by a comma ("Ruiz, 63, who …")
_RELATIVE_LEAD_RE = re.compile(
    rf"^\s*(?P<np>(?=[A-Z])(?:{_LEAD_WORD}\s|{_LEAD_INNER}\s(?=[A-Z])){{0,7}}{_LEAD_WORD})(?:,\s*\d{{1,3}})?,\s+who\b"
)


def relative_clause_lead(unquoted: str, pronoun: str) -> tuple[str, str] | None:
    """The person a sentence opens on, when the pronoun that speaks in it stands inside the relative clause about
    them ("Ruiz, who was visiting Spain, where he promised to move the embassy, responded on X"): "he" is Ruiz, never
    the one who spoke in the sentence before. Never past another person named inside the clause."""
    lead = _RELATIVE_LEAD_RE.match(unquoted)
    if lead is None:
        return None
    said = re.search(rf"(?<![\w'’-]){re.escape(pronoun.strip())}(?![\w'’-])", unquoted)
    if said is None or said.start() < lead.end() or _people_named(unquoted[lead.end() : said.start()]):
        return None  # "Ruiz, who was criticized by Ana Silva after she said …": she may be the one named in between
    name = _proper_name(lead.group("np"))
    return name if name is not None and name[1] in ("person", "single") else None


# bodies counted and called by their kind: "the two companies", "both banks", "the three bodies"
_GROUP_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
_GROUP_RE = re.compile(
    r"(?:[Tt]he\s+(?P<n>two|three|four)|[Bb]oth(?:\s+the)?(?P<both>))\s+"
    r"(?P<kind>companies|firms|banks|carmakers|automakers|bodies|agencies|regulators|governments|countries|parties)"
)
_GROUP_STATES = ("governments", "countries")


_BODY_RUN_RE = re.compile(r"(?:[A-Z][\w'’.&-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,6}[A-Z][\w.&-]*(?:['’]s)?")


def _group_named_before(group: re.Match[str], before: str, actors: ActorIndex) -> tuple[str, str] | None:
    """The bodies "the two companies" (both banks, the three bodies) are: the last ones of that number the text named
    before, in the sentence before or the one before it, joined as /quote shows a joint speaker (日本製鉄・USスチール);
    countries only for "the two governments"."""
    n = _GROUP_COUNTS[group.group("n") or "both"]
    states = group.group("kind") in _GROUP_STATES
    sents = sentences(before)
    lo = sents[-2][0] if len(sents) >= 2 else 0
    names: list[str] = []
    for m in _BODY_RUN_RE.finditer(before, lo):
        found = _proper_name(re.sub(r"['’]s$", "", m.group()))
        if found is None or any(c.isdigit() for c in found[0]):  # "AT1", "Boeing 787": no body's name
            continue
        hit = actors.resolve(found[0])
        kind = hit.kind if hit is not None else found[1]
        if hit is None and found[0].split()[-1].lower() in _BODY_KIND_WORDS:  # "Single Resolution Board"
            kind = "org"
        if (kind in ("state", "country")) != states or kind in ("person", "single"):
            continue
        name = hit.name if hit is not None else found[0]
        if name not in names:
            names.append(name)
    return ("・".join(names[-n:]), "org") if len(names) >= n else None


# what a speaker issues that "the statement said" points back at, and the phrase itself: a statement made in a
# document, not aloud (a letter, an email, a memo)
_DOCUMENTS = r"statement|press release|letter|announcement|e-?mail|memo|memorandum"
_STATEMENT_RE = re.compile(rf"\b(?:{_DOCUMENTS})\b", re.IGNORECASE)
_DOCUMENT_RE = re.compile(
    r"(?:[Tt]he|[Tt]hat|[Tt]his|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+)?"
    rf"(?:{_DOCUMENTS}|release)"
)
# a sentence that tells a document issued with no speech verb ("Toyota issued a statement on Monday", "Dalton sent
# a letter to the board"): its subject is whom "the statement said" and "the letter said" go back to
_ISSUED_RE = re.compile(
    rf"\b(?:issued|released|sent|posted|published|put out|circulated|signed|wrote)\b[^.;]{{0,40}}?\b(?:{_DOCUMENTS})\b"
)
# a plural source opening a sentence: "Ministry officials have …", "Some farmers in the region worry …"
_PLURAL_LEAD_RE = re.compile(
    r"\s*(?P<np>(?:[Ss]ome\s+|[Mm]any\s+|[Ss]everal\s+)?(?:[A-Za-z][\w'’-]*\s+){0,2}"
    r"(?:officials|executives|lawmakers|sources|experts|residents|members|analysts|farmers|workers|employees))\s+[a-z]"
)
# a single unnamed source opening a sentence: "But a senior Foreign Ministry official played down …"
_SOURCE_LEAD_RE = re.compile(
    r"\s*(?:(?:But|And|Yet|Still|However),?\s+)?(?P<np>[Aa]n?\s+(?:[A-Za-z][\w'’.-]*\s+){0,4}"
    r"(?:official|spokesperson|spokesman|spokeswoman|source|executive|diplomat|aide))\s+[a-z]"
)
# what a lead source's noun is followed by that names its body: " of the agency's earthquake and tsunami division"
_MEMBER_TAIL_RE = re.compile(
    r"\s+(?:at|of|for|with|from)\s+[^,;:\"“”_]{2,80}?(?=,|\s+(?:who|which|that|has|had|was|is)\b|$)"
)
# the nouns a body goes by in its members' description: "an agency official", "ministry officials", "a board
# official" (a safety board, a board of directors), "a committee member", "an authority spokesperson"
_BODY_KIND_WORDS = (
    "ministry", "agency", "company", "bank", "court", "party", "commission", "department", "police", "board",
    "committee", "council", "authority", "bureau",
)  # fmt: skip
_MEMBER_ARTICLES = ("a", "an", "the", "one")
# where a member's body is named after its noun: "an official at the Financial Services Agency", "an official of
# the agency's tsunami division", "a spokesperson for the committee"
_MEMBER_OF = ("at", "of", "for", "with", "from")


def _named_body(tail: list[str], actors: ActorIndex) -> tuple[str, str] | None:
    """The body a member's description names after its preposition, by its name: the longest run of the words
    (the article and a possessive dropped) that the index holds as a body ("the Financial Services Agency's
    banking bureau" → Financial Services Agency)."""
    words = [w.strip(",.") for w in tail]
    if words and words[0].lower() == "the":
        words = words[1:]
    for n in range(min(len(words), 6), 0, -1):
        phrase = " ".join(words[:n])
        phrase = re.sub(r"['’]s?$", "", phrase)
        if not phrase[:1].isupper():
            continue
        hit = actors.resolve(phrase)
        if hit is not None and hit.kind != "person":
            return hit.name, "org"
    return None


def _member_of_body(
    phrase: str, before: str, history: list[tuple[str, str]], actors: ActorIndex
) -> tuple[str, str] | None:
    """A member called by the kind of body they belong to ("agency official", "Ministry officials", "a board
    official") or by the body named after a preposition ("an official at the Financial Services Agency", "an
    official of the agency's tsunami division") as that body's member: the body so named, or the body of that
    kind the item named before ("消防庁 official"), so /stance reads them for the body and "the official said"
    goes on with them."""
    words = phrase.split()
    at = next((k for k, w in enumerate(words[:-1]) if w.lower() in _BODY_KIND_WORDS), None)
    member = words[at + 1 :] if at is not None else []
    of = next((k for k, w in enumerate(words) if w.lower() in _MEMBER_OF), None)
    named = None
    if at is None and of:  # "an official at the Financial Services Agency": the body named in full
        member = words[:of]
        named = _named_body(words[of + 1 :], actors)
        if named is None:  # "an official of the agency's tsunami division", "an official at the high court"
            at = next(
                (k for k in range(of + 1, len(words)) if re.sub(r"['’]s?$", "", words[k].lower()) in _BODY_KIND_WORDS),
                None,
            )
    if at is None and named is None:  # "a senior ministry official": the kind word anywhere before the member's noun
        return None
    while member and member[0].lower() in _MEMBER_ARTICLES:
        member = member[1:]
    if named is not None:
        body: tuple[str, str] | None = named
    else:
        kind = "the " + re.sub(r"['’]s?$", "", words[at].lower())
        body = (
            _body_named_before(kind, before, actors)
            or _body_spoke_before(kind, history, actors)
            # "a company spokesperson": the company that spoke last, as "the company said" is read
            or (_pronoun("pronoun-org", history, [], kind) if kind == "the company" else None)
            # a body the index does not hold, as the sentence before wrote it: "China's commerce ministry said …
            # "…," a ministry spokesperson said" is that ministry's spokesperson, not a ministry's; never for a body
            # the member's phrase qualifies itself ("an official at the high court" is no "district court" before)
            or (_kind_written_before(words[at], before) if not _qualified(words, of, at) else None)
        )
    return (f"{body[0]} {' '.join(member)}".strip(), "anon") if body else None


# the words that end a body's written name going back from its kind word: an article, a preposition, a pronoun, a verb
# of the sentence ("summoned the ministry": the ministry alone names no body)
_NAME_STOPS = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "that", "which",
    "who", "whose", "its", "his", "her", "their", "our", "this", "these", "those", "said", "says", "told", "added",
    "also", "has", "have", "had", "was", "were", "is", "are", "be", "been", "it", "they", "he", "she", "we",
))  # fmt: skip
_BODY_MODIFIERS = 3  # words a body's written name holds before its kind word ("South Korea's foreign ministry")


def _qualified(words: list[str], of: int | None, at: int) -> bool:
    """The member's phrase names its body with words of its own before the kind word ("an official at the high
    court", "an official of the agency's tsunami division"), or writes the body's own name ("a senior Foreign Ministry
    official": the kind word capitalised): not merely "the ministry"."""
    if words[at][:1].isupper():
        return True
    return of is not None and of < at and any(w.lower() not in ("the", "a", "an") for w in words[of + 1 : at])


def _kind_written_before(kind: str, before: str) -> tuple[str, str] | None:
    """The body of this kind ("ministry") the sentence before the member's named with words of its own: its last
    phrase ending in the kind word, cut to the capitalised words, possessives and modifiers before it ("China's
    commerce ministry", "The foreign ministry" → foreign ministry). None for a kind word alone ("the ministry") or
    one the two sentences before do not write."""
    kind = re.sub(r"['’]s?$", "", kind.lower())
    window = " ".join(re.split(r"(?<=[.!?])\s+", before.strip())[-2:])
    found = list(re.finditer(rf"((?:[\w'’.&-]+\s+){{1,{_BODY_MODIFIERS}}}){re.escape(kind)}\b", window, re.I))
    names = [n for m in found if (n := _written_modifiers(m.group(1).split()))]
    if not names or not _written_modifiers(found[-1].group(1).split()):
        return None
    last = names[-1]
    # the fullest of the names that end as the last one does ("Brazil's trade ministry", then "The trade ministry")
    whole = max((n for n in names if n[-len(last) :] == last), key=len)
    return " ".join([*whole, kind]), "org"


def _written_modifiers(lead: list[str]) -> list[str]:
    """The words before a kind word that belong to the body's name: back to an article, a preposition or a verb."""
    kept: list[str] = []
    for w in reversed(lead):
        if w.lower().strip(",.") in _NAME_STOPS or (not w.isalpha() and not re.fullmatch(r"[A-Z][\w.&-]*['’]s", w)):
            break
        kept.insert(0, w)
    return kept


def _source_before(noun: str, history: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The unnamed source "the official" (the spokesperson, the source …) points back at: the last one that spoke
    with that noun ("a senior ministry official", read as the ministry's member), so the rest of their words are
    theirs too."""
    for name, kind in reversed(history):
        words = name.lower().split()
        if kind == "anon" and len(words) > 1 and words[-1] == noun.lower():
            return name, kind
    return None


def _led_by(unquoted: str, ctx: str, actors: ActorIndex) -> tuple[str, str] | None:
    """The name a sentence without a speech verb opens with, as its subject: 'Ana Ruiz spoke in Osaka', 'Osaka Gov.
    Hirofumi Yoshimura, a vice chairman, was …', 'In Israel, Prime Minister Benjamin Netanyahu released …'."""
    lead = _LEAD_SUBJECT_RE.match(unquoted)
    led = _proper_name(lead.group("np")) if lead else None
    if (
        lead
        and led
        and led[1] in ("person", "single", "org")
        and lead.group("np").split()[0] not in _STOP_START
        and (led[1] != "single" or _proper_elsewhere(led[0], ctx, actors))
    ):
        return led
    if lead and led and led[1] == "single" and lead.group("np").split()[0] not in _STOP_START:
        # a body the index holds, by its one-word name ("Northway answered on Sunday", "Acme, which runs the chain,
        # hit back"): what "it" is next, never "he" (a one-word name read as a person's needs the text's say-so)
        hit = actors.resolve(led[0])
        if hit is not None and hit.kind == "org":
            return led[0], "org"
    # a titled name (its title may hold a full stop: "Gov."), at the start or after a short opening phrase
    opening = re.match(r"\s*[A-Z][\w'’-]*(?:\s[\w'’-]+){0,3},\s+", unquoted)
    for at in (len(unquoted) - len(unquoted.lstrip()), opening.end() if opening else None):
        run = _NAME_RUN_RE.match(unquoted, at) if at is not None else None
        if run and re.match(r"\s*(?:,|[a-z]+\b)", unquoted[run.end() :]):
            got = _proper_name(run.group())
            if got and got[1] == "person":
                return got
    return None


# a speech participle after the main clause's comma ("X summoned the ambassador, saying …", "X lashed out at …,
# adding …"): what follows is the subject's speech though its finite verb is no speech verb
_SAYING_RE = re.compile(
    r",\s+(?:also\s+)?(?:saying|adding(?!\s+to\b)|arguing|warning|urging|insisting|noting|stressing|vowing|accusing"
    r"|describing|declaring|asserting|claiming|citing|calling(?=\s+(?:it|the|on|for|him|her|them|this)\b))\b"
)
# the main clause's subject before its finite verb: a name, a body ("Thailand's foreign ministry", "The agency"), a
# pronoun; the verb a past tense (regular, or one of the common irregular ones news text uses)
_SUBJECT_VERB_RE = re.compile(
    r"^\s*(?P<np>(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){0,6}(?:[a-z][\w-]*\s+){0,2}?[A-Za-z][\w'’.-]*)"
    r"(?:,[^,]{3,120},)?\s+(?:also\s+|later\s+|then\s+|again\s+|on \w+\s+)?"
    r"(?:[a-z]+ed|took|sent|held|met|made|gave|struck|hit|stood|went|came|kept|left|put|set|spoke|broke|threw)\b"
)


def _subject_saying(main: str) -> str | None:
    """The subject of a sentence whose speech is a participle after its main clause ("Thailand's foreign ministry
    summoned the Cambodian ambassador, saying the leak was unacceptable" → Thailand's foreign ministry), or None."""
    saying = _SAYING_RE.search(main)
    if saying is None:
        return None
    m = _SUBJECT_VERB_RE.match(main[: saying.start()])
    np = re.sub(r"\s+(?:also|later|then|again)$", "", m.group("np")) if m else ""
    return np if np and "_" not in np else None


# a clause or phrase put before the subject: a subordinate clause ("When Trump suggested …, Rutte demurred"), a
# participle ("Standing alongside Frederiksen, Nielsen sent …", "Asked about …, Lee said"): the people it names are
# not the sentence's subject
_FRONTED_RE = re.compile(
    r"\s*(?:(?:When|While|As|After|Before|Although|Though|If|Since|Because|Until|Once|Despite|Unlike|Like|Whereas)\b"
    r"|[A-Z][a-z]+(?:ing|ed)\s+[a-z])"  # a participle before a lower-case word: not "Reed Hastings", "Fielding"
)
# where the main clause opens after the fronted part: a comma (or a quotation closed on its comma) before a
# pronoun, a determiner or a capitalised word ("…, the first American pope said", "…," NATO's Rutte demurred");
# not before a relative pronoun or an apposition in lower case (", who …", ", a member of …"), which stay in it
_MAIN_SUBJECT_RE = re.compile(r"(?:,|_[\"”])\s+(?=(?:he|she|they|it|we|I|the|its|his|her|their)\s|[A-Z])")


def main_clause(unquoted: str) -> str:
    """The sentence with a fronted clause or participial phrase blanked out (the people it names are not the
    subject): 'When Trump suggested …, NATO Secretary-General Mark Rutte demurred' → '…, NATO Secretary-General
    Mark Rutte demurred'. The fronted part ends at its first comma before the main clause's subject (see
    _MAIN_SUBJECT_RE); a sentence with no fronted part, or no such comma, is kept whole."""
    if not _FRONTED_RE.match(unquoted):
        return unquoted
    m = _MAIN_SUBJECT_RE.search(unquoted)
    if m is None:
        return unquoted
    cut = m.start() + (1 if unquoted[m.start()] == "," else 2)
    return " " * cut + unquoted[cut:]


# what follows a name that is no verb of its own: a preposition, a conjunction, an article, a relative pronoun
# a run of capitalised words, letters outside ASCII included (António Guterres, Zelenskyy, Nuñez)
_ACTING_RUN_RE = re.compile(r"(?:[A-ZÀ-Þ][\w'’]+(?:-\w+)?\.?\s+){1,5}[A-ZÀ-Þ][\w'’]+(?:-\w+)?")
_VERB_AFTER_RE = re.compile(
    r"\s+(?!(?:of|in|and|or|for|to|at|on|with|who|whom|which|that|from|by|as|than|the|a|an|but|into|over|under|about"
    r"|after|before|while)\b)[a-z]+\b"
)


# a preposition before a name, with its article and a word or two between ("on Cathedral Square", "near the gutted
# Singha Durbar complex"): the name is the preposition's object, never the sentence's subject
_AFTER_PREPOSITION_RE = re.compile(
    r"(?<![\w'’-])(?:on|at|in|near|inside|outside|from|to|into|with|by|of|for|across|towards?|through|over|under)"
    r"\s+(?:(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2})?\Z"
)


# an aside between a name and its verb ("General X, in a televised address late on Tuesday, appealed for calm")
_ASIDE_RE = re.compile(r",\s[^,;\"“”_]{2,80},")
_POSSESSOR_RE = re.compile(r"\S+['’]s\s+")  # a word of a name run that owns what follows: "Sánchez's "


# a sentence's opening participle or adverbial clause, up to its comma: 'Speaking to reporters later, ', 'Standing
# alongside X last week, ', 'After meeting X on Monday, '; and an opening phrase of time or setting, as news text
# fronts them before a surname alone: 'Hours after the announcement, ', 'On election night, ', 'In his speech, ',
# 'Later on Tuesday, ', 'Days before the vote, '
_OPENING_CLAUSE_RE = re.compile(
    r"\s*(?:[A-Z][a-z]+ing|After|Before|While|When|Alongside|Asked\s+about"
    r"|In|On|At|During|Amid|Following|Within|Throughout|Earlier|Later|Shortly|Last|Late|Early|Moments"
    r"|(?:Seconds|Minutes|Hours|Days|Weeks|Months|Years))\s[^,;.\"“”]{3,120},\s+(?=[A-Z])"
)


# a sentence that opens on a name and the person's age set off by commas, then a verb ("Okada, 76, listened", "Mori,
# 63, has been held"): news text ages only people, so even a surname alone is the sentence's person
_AGED_LEAD_RE = re.compile(r"\s*(?P<np>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+),\s+\d{1,3},\s+[a-z]+\b")


def _person_acting(unquoted: str) -> tuple[str, str] | None:
    """The person a sentence without a speech verb makes its subject past an opening phrase of any length: a full
    name right before a verb ('At U.N. headquarters on Thursday, Secretary-General X appealed for …', 'U.S. Steel
    Chief Executive X was more blunt.'). The discourse's current person: the 'he' of the next quote is theirs,
    not the speaker's before them. A possessive ("Biden's decision") or a name after a preposition's object is no
    subject. After an opening participle or adverbial clause ('Standing alongside Prime Minister X last week, Y
    sent a message', 'Speaking to reporters, Y drew a parallel') the subject is the name after its comma, a surname
    alone too; a name inside the opening clause is none."""
    opening = _OPENING_CLAUSE_RE.match(unquoted)
    if opening is not None:
        unquoted = unquoted[opening.end() :]
        lead = _LEAD_SUBJECT_RE.match(unquoted)
        possessive = lead is not None and lead.group("np").endswith(("'s", "’s"))  # "Trump's aides": no subject
        got = _proper_name(lead.group("np")) if lead is not None and not possessive else None
        if got is not None and got[1] in ("person", "single"):
            return got
    aged = _AGED_LEAD_RE.match(unquoted)
    if aged is not None:  # "Okada, 76, listened without expression": a name and its age open the sentence
        got = _proper_name(aged.group("np"))
        if got is not None and got[1] in ("person", "single"):
            return got[0], "person"  # a person's, even a surname alone: never what "it" points back at
    for m in _ACTING_RUN_RE.finditer(unquoted):
        if m.group().endswith(("'s", "’s")) or _AFTER_PREPOSITION_RE.search(unquoted, 0, m.start()):
            continue  # a possessor, or a preposition's object ("appeared on Cathedral Square inside the Kremlin")
        # a possessor inside the run names whose the rest is ("Prime Minister Pedro Sánchez's Socialist-led
        # government"): the run after it is the subject, if a name ("Japan's Prime Minister Fumio Kishida")
        run = _POSSESSOR_RE.split(m.group())[-1]
        if _VERB_AFTER_RE.match(unquoted, m.end()) is None and (
            (aside := _ASIDE_RE.match(unquoted, m.end())) is None or _VERB_AFTER_RE.match(unquoted, aside.end()) is None
        ):
            continue
        got = _proper_name(run) if run else None
        if got is not None and got[1] == "person":
            return got
    return None


@lru_cache(maxsize=64)
def _head_phrase_re(head: str) -> re.Pattern[str]:
    # up to four words before the head noun: "Japan's transport ministry", "the Financial Services Agency"
    return re.compile(rf"((?:[\w'’.&-]+\s+){{0,4}}){re.escape(head)}\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _head_word_re(head: str) -> re.Pattern[str]:
    # the end of every `_head_phrase_re` match alone, under the same flags: where it is not found, neither is that
    return re.compile(rf"{re.escape(head)}\b", re.IGNORECASE)


def head_phrases(head: str, text: str) -> list[re.Match[str]]:
    """`_head_phrase_re(head).finditer(text)`'s matches, each searched for from near the next head word rather than
    at every position before it: a match is at most four words and their spaces before its head word, so one
    ending at or after the next head word starts after the fifth run of spaces before that word (`_words_back`),
    and no match starts between the last one's end and there. The regex opens with no lookbehind and no anchor, so
    a search from that place finds what the scan from the text's start would."""
    phrase, word = _head_phrase_re(head), _head_word_re(head)
    out: list[re.Match[str]] = []
    pos = 0
    while (next_head := word.search(text, pos)) is not None:
        found = phrase.search(text, _words_back(text, pos, next_head.start()))
        if found is None:  # pragma: no cover - the head word alone is a match
            break
        out.append(found)
        pos = found.end()
    return out


def _words_back(text: str, lo: int, end: int) -> int:
    """The earliest place at or after `lo` from which text[place:end] holds at most four runs of spaces (str.isspace,
    what the regex's class of spaces holds): where up to four words and their spaces before `end` may begin."""
    at, runs = end, 0
    while at > lo:
        if text[at - 1].isspace():
            if runs == 4:
                return at
            runs += 1
            while at > lo and text[at - 1].isspace():
                at -= 1
        else:
            at -= 1
    return lo


def _body_named_before(pronoun: str, before: str, actors: ActorIndex) -> tuple[str, str] | None:
    """The body "the ministry" (the agency, the bank, the court …) points back at: the last phrase before it with
    that head noun that names an actor the index knows ("Japan's transport ministry", an alias of 国土交通省),
    however many other bodies spoke in between. None when no such phrase names one (then the last body that
    spoke, as for "it")."""
    words = pronoun.split()
    if len(words) != 2 or words[0].lower() != "the":
        return None
    # The phrase's regex tries up to four words at every position of the text before (~0.5 ms a call on a report's
    # items); about half the texts do not hold the head noun at all, which one literal search tells.
    if _head_word_re(words[1]).search(before) is None:
        return None
    for found in reversed(head_phrases(words[1], before)):
        lead, head = found.group(1).split(), found.group(0).split()[-1]
        for i in range(len(lead)):  # the longest phrase first: "Japan's transport ministry", then "transport ministry"
            phrase = " ".join([*lead[i:], head])
            hit = actors.resolve(phrase) or next(
                (h for n in other_names(phrase) if (h := actors.resolve(n)) is not None), None
            )
            if hit is not None and hit.kind != "person":
                return hit.name, "org"
    return None


def _body_spoke_before(pronoun: str, history: list[tuple[str, str]], actors: ActorIndex) -> tuple[str, str] | None:
    """The last body that spoke with a name holding the pronoun's head noun ("the ministry" of 国土交通省, also
    "Japan's transport ministry"), when the phrase that named it lies before the text read: by every name the index
    holds for it (it spoke as "MLIT"), where `_pronoun`'s `kind_fits` reads the name as written only."""
    words = pronoun.lower().split()
    if len(words) != 2 or words[0] != "the":
        return None
    for name, kind in reversed(history):
        hit = actors.resolve(name) if kind == "org" else None
        if hit is not None and any(words[1] in n.lower().split() for n in (hit.name, *(hit.aliases or []))):
            return name, kind
    return None


def _proper_elsewhere(word: str, ctx: str, actors: ActorIndex) -> bool:
    """A capitalised word at a sentence's start is a name when the text capitalises it mid-sentence too."""
    hit = actors.resolve(word)
    if hit is not None:
        return hit.kind == "person"
    return _written_mid_sentence(word, ctx)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # `\w` of a str pattern


def _written_mid_sentence(word: str, ctx: str) -> bool:
    """`re.search(rf"[a-z,] {re.escape(word)}\\b", ctx)` as a bool, by `str.find` of " " + word (the regex, a
    pattern per word, tried at every character of the context: ~0.5 % of extraction): a lower-case ASCII letter or a
    comma before the space, a word boundary after the word."""
    needle = " " + word
    last = needle[-1]  # the character before the boundary
    at = ctx.find(needle, 1)
    while at != -1:
        end = at + len(needle)
        before = ctx[at - 1]
        if ("a" <= before <= "z" or before == ",") and _is_word_char(last) != (
            end < len(ctx) and _is_word_char(ctx[end])
        ):
            return True
        at = ctx.find(needle, at + 1)
    return False


# what a body called by its kind is named (`the ministry` is a Ministry, a 省; `the agency` an Agency, a 庁)
_KIND_HEADS = {"ministry": ("ministry", "省"), "agency": ("agency", "庁"), "party": ("party", "党")}


def kind_fits(word: str, name: str) -> bool:
    """Whether a body called `the <word>` (ministry, agency, party) can be the body so named; any body for a word
    the table does not hold (the company, the group)."""
    heads = _KIND_HEADS.get(word.lower().removeprefix("the ").strip())
    return heads is None or heads[0] in name.lower() or name.endswith(heads[1])


def _plural(source: str) -> bool:
    """An anonymous source in the plural ("officials", "police sources"), by its last word."""
    last = source.split()[-1] if source.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _pronoun(
    kind: str, history: list[tuple[str, str]], named: list[str], word: str = "", actors: ActorIndex | None = None
) -> tuple[str, str] | None:
    want = {
        "pronoun-person": ("person", "single", "anon"),
        "pronoun-org": ("org", "single"),
        "pronoun-plural": ("anon", "org"),
    }
    for name, k in reversed(history):
        k = _known_kind(name, k, actors)
        if kind == "pronoun-person" and k == "single" and _place_not_named(name, named):
            continue  # "Tokyo agreed to donate …. "…," he said": a place that acted is never "he"
        if kind == "pronoun-person" and k == "anon" and _plural(name):  # "…, officials said": never "he"
            continue
        if k in want.get(kind, ()) and (kind != "pronoun-org" or kind_fits(word, name)):
            return name, k
    if kind == "pronoun-person" and named:
        return named[-1], "person"
    if kind == "pronoun-org" and history and history[-1][1] == "org":
        # "The FDIC said …. … the agency said": no body named so far has a name of that kind (the FDIC is an
        # agency its name does not call one), so the body that spoke last, as "it" would be
        return history[-1]
    return None


def _place_not_named(word: str, named: list[str]) -> bool:
    """A one-word subject that is a place (Tokyo, Paris) and no person's surname the text gave in full before it: a
    Japanese surname is often a place's name too ("Kotaro Nagasaki" … "Nagasaki welcomed the news")."""
    return bool(japanese_places(word)) and not any(full != word and full.split()[-1] == word for full in named)


def _known_kind(name: str, kind: str, actors: ActorIndex | None) -> str:
    """A subject's kind as the index knows the actor it names, where its letters alone could not tell: a body of two
    capitalised words ("Tokyo Electron", read as a person's name) is what "the company" and "it" point back at, and
    "he" never is. Only a body so held: a person the index holds may be a body that discovery took for one (Nvidia,
    Dalton), and is left as read; a country too ("China said …. It added" is China's)."""
    if actors is None or kind not in ("person", "single"):
        return kind
    hit = actors.resolve(name)
    if hit is None:
        return kind
    return "org" if hit.kind == "body" else kind


def _show_subject(
    got: tuple[str, str], history: list[tuple[str, str]], actors: ActorIndex, named: list[str]
) -> str | None:
    name, kind = got
    if kind.startswith("pronoun"):
        resolved = _pronoun(kind, history, named, name, actors)
        return _show(resolved[0], actors, named) if resolved else None
    return _show(name, actors, named)


def _show(name: str, actors: ActorIndex, named: list[str]) -> str:
    """The actor a name is, or the name. A surname alone after a full name of it that the index holds (Duterte
    after Sara Duterte) is that person, whoever else of the surname the index holds: which namesake the index
    met first is no matter to a report that names one of them."""
    if " " not in name:
        full = next((e for e in reversed(named) if name in e.split() and e != name), None)
        if full is not None and full.split()[0] == name:
            # a first name shared by two people named (Pope Leo XIV, then his namesake Pope Leo XIII): "Leo said"
            # is the one the report named first, its subject, not the namesake named in passing since
            full = next(e for e in named if name in e.split() and e != name and e.split()[0] == name)
        held = actors.resolve(full) if full is not None else None
        if full is not None and held is not None and held.kind == "person":
            name = full
    hit = actors.resolve(name)
    if hit is None and " " in name:
        for part in (name.split()[-1], name.split()[0]):
            hit = actors.resolve(part)
            if hit is not None and hit.kind == "person" and (part == name.split()[-1] or _family_first(name, hit)):
                break
            hit = None
    if hit is not None:
        if hit.name.isascii() and hit.name_en and hit.name in hit.name_en:  # an actor found in English text: full name
            return hit.name_en
        return hit.name
    if " " not in name:  # a surname alone: the full name given earlier
        for earlier in reversed(named):
            if name in earlier.split() and earlier != name:
                return earlier
    return name


def _family_first(name: str, hit: ActorEntry) -> bool:
    """Whether the first word of a person's full name is the person the index holds by it: a family name written
    first (Choi of Choi Sang-mok), or the first word of the full name the index holds. A given name alone is
    someone else's ("Pedro" held for another, never Pedro Sánchez). A phrase that is no person's name, a body's
    (Dalton Investments) or a group's (farmers in the region), goes by its first word as before."""
    words, v = name.split(), vocabulary()
    if not all(w[:1].isupper() for w in words) or words[-1] in v.en_org_heads or words[-1] in v.en_body_endings:
        return True
    full = (hit.name_en or hit.name).split()
    return words[0] in family_first() or (len(full) > 1 and full[0] == words[0])


def named_speakers_en(context: str, actors: ActorIndex) -> list[tuple[str, str]]:
    """(name, 'body') of every body attribute_en names as a speaker in an English context that the index does not
    hold ("Kadokawa said"; a word of a person's name the text gave, "Hideko said", is that person), or holds under
    another case only (KADOKAWA: running text is matched as written). Anonymous sources ("a spokesperson") and
    pronouns are no one to ask about."""
    walk = _Walk(context, actors)
    for i in range(len(walk.sents)):
        walk.answer(i)
    out: dict[str, str] = {}
    for name, kind in walk.history:
        if kind not in ("person", "single", "org"):
            continue
        hit = actors.resolve(name)
        if hit is not None and hit.kind != "person" and name[:1].isupper() and " " not in name:
            if name not in (hit.name, hit.name_en, *hit.aliases):  # Kadokawa of KADOKAWA: its spelling here
                out.setdefault(name, "body")
            continue
        shown = _show(name, actors, walk.named)
        if actors.resolve(shown) is not None or not shown[:1].isupper():
            continue
        if " " not in shown and any(shown in full.split() for full in walk.named if full != shown):
            continue  # "Hideko said" of Hideko Hakamada: a person's given name or surname, not a body
        if kind != "person" and " " not in shown and _body_name(shown, context):
            out.setdefault(shown, "body")
        elif " " in shown and _person_name(shown, context):
            out.setdefault(shown, "person")
    return list(out.items())


# What tells a person in news English beyond a capitalised run (Coast Guard, Fuji TV are bodies): a courtesy title
# or an office written before the name ("U.S. District Judge John Holcomb", "Dr. Ana Ruiz"), or an apposition with
# a role noun ("Mizuhara's attorney, Michael Freedman," / "Michael Freedman, a lawyer for Mizuhara").
_COURTESY = ("Mr", "Ms", "Mrs", "Dr", "Mr.", "Ms.", "Mrs.", "Dr.", "Judge")
_ROLE_NOUNS = (
    "lawyer",
    "attorney",
    "prosecutor",
    "judge",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "director",
    "president",
    "chairman",
    "manager",
    "coach",
    "analyst",
    "professor",
    "minister",
    "adviser",
)


# a sentence that opens on "The" and lower-case words (a title, then what the person did): "The prime minister was …"
_TITLE_LEAD_RE = re.compile(r"\s*The\s+([a-z]+(?:\s[a-z]+){0,2})\b")
_ROLE_SYNONYMS = {"lawyer": ("lawyer", "attorney"), "attorney": ("lawyer", "attorney")}
_THE_ROLE_RE = re.compile(rf"\s*[Tt]he\s+({'|'.join(_ROLE_NOUNS)})\s*$")


def _person_name(full: str, context: str, roles: str | None = None) -> bool:
    """Whether a full name the attribution read as a speaker is a person's by what the text writes around it
    (`roles`: only an apposition with one of these role nouns)."""
    words = full.split()
    heads = vocabulary().en_org_heads
    if any(w in heads for w in words) or not all(w[:1].isupper() for w in words):
        return False
    before_title, before_role, after_role = _around_a_name(roles)
    name = re.escape(full)
    for m in re.finditer(name + r"\b", context, re.I):  # "Judge John Holcomb", "attorney, Michael Freedman"
        at = max(0, m.start() - _BEFORE)
        if m.group() == full and before_title is not None and before_title.search(context, at, m.start()):
            return True
        if before_role.search(context, at, m.start()):
            return True
    for m in re.finditer(name, context):  # "Michael Freedman, a lawyer for Mizuhara"
        if (m.start() == 0 or not _WORD_CHAR.match(context, m.start() - 1)) and after_role.match(context, m.end()):
            return True
    return False


# How far before a name its title or role is looked for: the longest title and the spaces after it fit
_BEFORE = 120
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=16)
def _around_a_name(roles: str | None) -> tuple[re.Pattern[str] | None, re.Pattern[str], re.Pattern[str]]:
    """What tells a person before and after a name, compiled once per role list (a pattern with the name in it
    was compiled for every name of every article: most of the speakers' cost at ingest). Asked about one role,
    a title is `_titled_as`'s to read, and only the apposition is read here."""
    titles = None
    if roles is None:
        titles = "|".join(map(re.escape, longest_first({*vocabulary().en_titles, *_COURTESY})))
        roles = "|".join(_ROLE_NOUNS)
    return (
        re.compile(rf"\b(?:{titles})\s+\Z") if titles else None,
        re.compile(rf"\b(?:{roles})s?\s*,\s+\Z", re.I),
        re.compile(rf",\s+(?:an?|the|[A-Z][\w'’-]*['’]s)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{roles})\b"),
    )


def _body_name(name: str, context: str) -> bool:
    """Whether a one-word English speaker is a body to ask about by name: an acronym (NHK, JAL) or a name the
    text writes before an organisation's head (Kadokawa of "Publisher Kadokawa Corp."); not a place speaking for
    its government (Tehran said) nor a clock's "GMT)". People are discovery's: their names are titled or full
    ("Takeshi Natsuno said"), and a capitalised run alone (Coast Guard, Fuji TV) does not tell a person."""
    if re.fullmatch(r"[A-Z]{2,4}", name):  # NHK, ESPN; a dateline's city in capitals (TOKYO, OSAKA) is longer
        return True
    after = _org_head_after()
    return any(after.match(context, m.end()) for m in re.finditer(rf"\b{re.escape(name)}", context))


@lru_cache(maxsize=1)
def _org_head_after() -> re.Pattern[str]:
    """An organisation's head right after a name ("Kadokawa Corp.", "Kadokawa Future Publishing"), compiled once
    (with the name inside, a pattern was compiled for every speaker of every article)."""
    heads = "|".join(map(re.escape, vocabulary().en_org_heads))
    return re.compile(rf"\s+(?:[A-Z][\w&-]*\s+)?(?:{heads})\b")
