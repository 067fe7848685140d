"""A target named in free text (`stance ACTOR --about TEXT`): its words, and how much of it a statement names.

The user's words are tokenized (SudachiPy); each content word is kept in its matching form with the other
spellings it takes (the dictionary's normalized form, a verb's stem: 引き上げる → 引き上げ), its weight is its
rarity in the store (idf), and words that name a topic bring that topic's other cue words as variants
(停戦 → 休戦, ceasefire), words that name an actor that actor's aliases (トランプ → Trump). The head of the
target (the last noun phrase in Japanese, the first in English: 米国との鉱物資源の「協定」) must be named in
the statement or in what was read just before it; an action word in the target (停止, 引き上げ) turns the
position read toward the thing into a position toward the action (welcoming a halt of aid opposes aid).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from bot.actors import ActorEntry, ActorIndex
from bot.extract import lexicon
from bot.extract.body_names import other_names
from bot.extract.gloss_words import (
    english_words,
    japanese_words,
    matching_stem,
    noun_glosses,
    phrase_compounds,
    plain_glosses,
    word_glosses,
)
from bot.extract.known_forms import stored_forms
from bot.extract.romaji import name_key, romanize, sounds_like
from bot.extract.whole_words import first_whole
from bot.kept_tables import kept
from bot.text import (
    lowered_and_normalized,
    normalize,
    normalize_lowered,
    normalize_with_map,
    sudachi_text,
    sudachi_tokenizer,
)
from bot.topics import read_data

__all__ = [
    "ENGLISH_QUERY_GLOSSES",
    "LEAD_CHARS",
    "Target",
    "TargetWord",
    "about_settings",
    "action_nouns",
    "add_names",
    "add_related",
    "country_in_english",
    "cue_target",
    "decided_halt_words",
    "english_glosses",
    "gloss_candidates",
    "head_compounds",
    "head_synonyms",
    "is_act",
    "match_spans",
    "named_people",
    "named_words",
    "names_an_act",
    "parse_target",
    "phrase_glosses",
    "relevance",
    "report_texts",
    "spell_names",
    "take_glosses",
    "typed_in_capitals",
    "weigh",
    "weigh_unheld",
]


@lru_cache(maxsize=1)
def about_settings() -> dict:
    """The reading rules in `bot/data/about.json`."""
    return json.loads(resources.files("bot.data").joinpath("about.json").read_text(encoding="utf-8"))


def form(word: str) -> str:
    """A word's matching form: normalize() for Japanese; Latin text lower-cased with its spaces kept
    (「prime minister」 must not match inside other words once the space is gone), a possessive ending dropped
    (Japan's, the accusers': the text names Japan and the accusers in any case)."""
    if word.isascii():
        return _POSSESSIVE_RX.sub("", " ".join(unicodedata.normalize("NFKC", word).lower().split()))
    return normalize(word)


_POSSESSIVE_RX = re.compile(r"(?<=[a-z])'s?$")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    settings = about_settings()
    return frozenset(form(w) for w in [*settings["stop_words"], *settings.get("target_stop_words", [])])


@lru_cache(maxsize=1)
def _support_verbs() -> frozenset[str]:
    return frozenset(form(w) for w in about_settings()["support_verbs"])


@lru_cache(maxsize=1)
def _weak_words() -> frozenset[str]:
    return frozenset(form(w) for w in about_settings()["weak_words"])


@lru_cache(maxsize=1)
def _action_polarity() -> dict[str, int]:
    from bot.extract.stance import load_positions

    pos = load_positions()
    out: dict[str, int] = {}
    for key, pol in (("action_support", 1), ("action_oppose", -1), ("en_action_support", 1), ("en_action_oppose", -1)):
        for w in pos.get(key, []):
            out.setdefault(form(w), pol)
    return out


def decided_halt_words(target: Target) -> set[int]:
    """The words of a Japanese target after its halt (「参加を見送った判断」, 「引き上げを見送る方針」): they name the
    halt itself (the decision, the policy), not the thing it halts; empty for an English target (the thing follows its
    halt there: "dissolving the House") or a target with no halt."""
    if target.text.isascii() or target.action >= 0:
        return set()
    polarity = _action_polarity()
    own = [k for k, w in enumerate(target.words) if w.variant_of is None]
    halts = [k for k in own if any(polarity.get(f, 0) < 0 for f in target.words[k].forms)]
    return {k for k in own if halts and k > halts[-1] and not target.words[k].head}


def halt_words(target: Target) -> set[int]:
    """The user's own words of the target that name a halt (先送り, 中止, postponing: `action_polarity` below 0)."""
    polarity = _action_polarity()
    return {
        k for k, w in enumerate(target.words) if w.variant_of is None and any(polarity.get(f, 0) < 0 for f in w.forms)
    }


_NOT_DONE_RX = re.compile(
    r"[ぁ-ゖ](?:ない|ず)(?=よう|こと|ように|方針|まま|$)|(?<![A-Za-z])(?:not|never|no longer)\s+(?:to\s+)?[a-z]+",
    re.IGNORECASE,
)
_CONTENT_POS = ("名詞", "動詞", "形容詞", "接頭辞", "接尾辞", "代名詞", "形状詞")
_NOUNISH = ("名詞", "接尾辞", "接頭辞", "形状詞")
_LATIN_RX = re.compile(r"[a-z]")
_KANA_ONLY_RX = re.compile(r"^[ぁ-ゖー]+$")
_VERB_STEM_RX = re.compile(r"(?:する|る|う|く|ぐ|す|つ|ぬ|ぶ|む)$")
# a noun that is a five-row verb's continuative after kanji (打ち切り, 先送り, 見直し, 持ち越し): the statement says
# the verb (打ち切られる, 先送りする, 見直す), whose forms all begin with the noun less its last kana
_VERB_NOUN_RX = re.compile(r"[一-龥々][ぁ-ゖ]?[一-龥々][りしちきぎびみい]$")


@dataclass(slots=True)
class TargetWord:
    """One content word (or noun compound) of a target."""

    form: str  # matching form (normalize())
    forms: list[str]  # every spelling matched in text (matching forms), longest first
    index_forms: list[str]  # the forms the full-text index holds, for rarity and retrieval
    weight: float = 1.0
    head: bool = False
    variant_of: str | None = None  # a variant (topic cue, actor alias) of this word, not the user's own
    weak: bool = False  # weighs half (a title after a name)
    generic: bool = False  # the kind word closing the head phrase (日米「合意」): later text names the target by it
    groups: tuple[int, ...] = ()  # the dictionary's synonym groups of the word (辞任, 退任: 883)
    glosses: list[str] = field(default_factory=list)  # an English word's Japanese words (JMdict), most specific first
    translated: bool = False  # weighed by its Japanese words: the store holds it only in them
    act: bool = False  # the act a Japanese target ends in (賭けていたかどうか): names the target as the head does
    derived_glosses: frozenset[str] = frozenset()  # its Japanese words found through a derived noun or its lemma
    optional: bool = False  # weighs only where a statement names it (see `take_glosses`, `weigh_unheld`)
    unheld: bool = False  # a head no passage holds as typed, weighed by its synonyms (`weigh_unheld`): not required
    actor: bool = False  # names an actor of the registry: matched by its names in both scripts, not by glosses


@dataclass(slots=True)
class Target:
    text: str
    words: list[TargetWord]
    action: int = 1  # -1: the target is a stop/cut of something (支援の停止)
    topics: list[str] = field(default_factory=list)  # topics the target's words are cues of
    any_word: bool = False  # a stored topic's cue words: any one of them names it
    opposite: Target | None = None  # the same target with its head said by an antonym (続投 → 辞任): flips the position
    near: Target | None = None  # the same words said by their word-vector neighbours (攻撃 → 砲撃): count in part
    english: Target | None = None  # its Japanese words said in English (終わり → end): count in part, as `near`

    @property
    def head_words(self) -> list[TargetWord]:
        return [w for w in self.words if w.head]


def _forms_of(surface: str, normalized: str, dictionary: str, pos: tuple[str, ...]) -> list[str]:
    if surface.isascii():  # Sudachi reads English words as katakana (support → サポート): keep the word
        return _english_forms(form(surface)) if form(surface) else []
    # as written first, then the normalized and dictionary forms: among forms of one length the first is the
    # word's own spelling whatever the hash seed (クマ, not its reading くま, which a kana-only rule would drop)
    forms = dict.fromkeys([normalize(surface), normalize(normalized), normalize(dictionary)])
    if pos[0] == "動詞":  # 引き上げる → 引き上げ (the noun use), 拒否する → 拒否
        for f in list(forms):
            stem = _VERB_STEM_RX.sub("", f)
            if len(stem) >= 2:
                forms[stem] = None
        forms.update(dict.fromkeys(_godan_forms(normalize(dictionary), pos)))
    elif pos[0] == "名詞":  # a five-row verb's noun (打ち切り, 先送り, 見直し): its stem names the verb's every form
        for f in list(forms):
            if _VERB_NOUN_RX.search(f):
                forms[f[:-1]] = None
    return sorted((f for f in forms if f), key=len, reverse=True)


# a five-row verb's endings by its row (五段-ラ行 …): the a, e and o forms and the sound change before て/た
# (戻ら・戻れ・戻ろ・戻っ); not the i form, which begins compounds (取り組み, 払い戻し) as often as it inflects
_GODAN_ENDINGS = {
    "カ行": "かけこい",
    "ガ行": "がげごい",
    "サ行": "させそ",
    "タ行": "たてとっ",
    "ナ行": "なねのん",
    "バ行": "ばべぼん",
    "マ行": "まめもん",
    "ラ行": "られろっ",
    "ワア行": "わえおっ",
}


def _godan_forms(dictionary: str, pos: tuple[str, ...]) -> list[str]:
    """A five-row verb whose stem is one kanji (戻る, 払う, 泳ぐ) in its inflected forms (戻れる, 戻った,
    払わない): its stem alone is found inside other words, its dictionary form misses every other tense. Not a
    verb that also serves as an auxiliary (行く: 行った, not 行いた)."""
    row = pos[4].removeprefix("五段-") if len(pos) > 4 and pos[4].startswith("五段-") else ""
    if row not in _GODAN_ENDINGS or len(dictionary) != 2 or not _KANJI_RX.match(dictionary) or pos[1] != "一般":
        return []
    return [dictionary[0] + ending for ending in _GODAN_ENDINGS[row]]


_EN_ENDINGS = (("ies", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",)))


def _english_forms(word: str) -> list[str]:
    """An English word and its stem (staying → stay, cooperating → cooperate, bills → bill): a text says the
    target in another form of the word (matching adds the endings back: stay → stays, stayed, staying)."""
    forms = [word]
    if len(word) > 4 and word.isalpha() and not word.endswith("ss"):
        for ending, replacements in _EN_ENDINGS:
            if word.endswith(ending):
                forms += [word[: -len(ending)] + r for r in replacements if len(word) - len(ending) + len(r) >= 3]
                break
        # British spelling (legalise, apologised, organisation): the dictionaries' glosses and synonyms spell -ize
        forms += [z for f in forms if _ISE_RX.search(f) and _known_english(z := _ISE_RX.sub("iz", f))]
    return forms


def _known_english(word: str) -> bool:
    """A word the English data knows (JMdict's glosses or WordNet's words): promize is no spelling of promise."""
    from bot.extract.event_words import singular

    data = english_word_data()
    return any(k in english_index() or k in data["synonyms"] or k in data["derived"] for k in {word, singular(word)})


_ISE_RX = re.compile(r"(?<=[a-z]{3})is(?=e[sd]?$|ing$|ation)")


_EN_CIRCUMSTANCE = frozenset(
    ["after", "before", "because", "during", "amid", "until", "since", "while", "as", "despite", "without"]
)


def _gerund_or_adverb(word: str) -> bool:
    """An English word after a noun that says what is done to it or how (the CDP working, acted quickly, the
    version decided in December); not a hyphened compound noun ending in -ing (ride-sharing)."""
    return (word.endswith("ing") and "-" not in word) or word.endswith("ly") or _participle(word)


def _participle(word: str) -> bool:
    """A regular past participle (decided, announced, halted): says what was done to a noun, never names the
    thing (need, speed, seed are no participles)."""
    return len(word) >= 6 and word.endswith("ed") and not word.endswith("eed") and "-" not in word


def parse_target(text: str, actors: ActorIndex, topic_cues: dict[str, list[str]]) -> Target:
    """The target's content words (stop words out, noun compounds joined), head marked, variants added.

    `topic_cues`: topic id → its cue words (the seed taxonomy and the stored topics)."""
    stop, weak = _stop_words(), _weak_words()
    morphemes = list(sudachi_tokenizer().tokenize(sudachi_text(_undotted(text))[:2000]))
    units: list[list[tuple[str, str, str, tuple[str, ...]]]] = []  # runs of noun-ish morphemes, or single words
    run: list[tuple[str, str, str, tuple[str, ...]]] = []
    groups_of: dict[str, tuple[int, ...]] = {}  # a word's matching form → its synonym groups
    just_verb = False
    for m in morphemes:
        pos = tuple(m.part_of_speech())
        item = (m.surface(), m.normalized_form(), m.dictionary_form(), pos)
        joined, just_verb = just_verb, False  # the morpheme before was a verb unit of its own
        if pos[0] == "動詞" and joined and _compound_verb_first(units[-1]):
            # a compound verb the tokenizer splits (申し + 立てる, 見 + 守る): one word, 申し立てる, as the
            # articles' 申し立てた and 見守っていく say it; its parts alone (見, 立て) are found in anything
            first = units.pop()[0]
            item = (first[0] + item[0], first[0] + item[1], first[0] + item[2], pos)
        if m.synonym_group_ids() and not m.surface().isascii():  # an English word's groups are its loanwords'
            groups_of[normalize(m.surface())] = tuple(m.synonym_group_ids())
        if pos[0] in _NOUNISH and not (pos[0] == "名詞" and pos[1] == "代名詞"):
            run.append(item)
            continue
        if run:
            units.append(run)
            run = []
        if pos[0] in _CONTENT_POS:
            units.append([item])
            just_verb = pos[0] == "動詞"
    if run:
        units.append(run)
    words: list[TargetWord] = []
    seen: set[str] = set()
    english = bool(_LATIN_RX.search(text.lower())) and not re.search(r"[ぁ-ゖァ-ヺ一-龥]", text)

    def add(form_list: list[str], index_forms: list[str], variant_of: str | None = None) -> TargetWord | None:
        form_list = [f for f in form_list if f]
        if not form_list or form_list[0] in seen:
            return None
        w = TargetWord(form_list[0], form_list, index_forms, variant_of=variant_of)
        seen.update(form_list[:1])
        words.append(w)
        return w

    unit_words: list[list[TargetWord]] = []
    quantities: set[int] = set()  # ids of numerals, their counters (一度, 178万円) and adverbial nouns: never the head
    noun_units: list[bool] = []  # unit_words[k] is a noun phrase (not a verb or adjective)
    modifier_units: list[bool] = []  # unit_words[k] is a na-adjective
    for unit in units:
        parts: list[TargetWord] = []
        counted = False  # the morpheme before was a numeral or its counter
        for surface, normalized, dictionary, pos in _without_circumstance(unit):
            # 「一度」「178万円」「3期目」: how many or how much, never the head
            counted = pos[1] == "数詞" or (counted and (pos[2] == "助数詞可能" or pos[:2] == ("接尾辞", "名詞的")))
            forms = _forms_of(surface, normalized, dictionary, pos)
            if not forms or forms[0] in stop or any(f in stop for f in forms):
                continue
            if _KANA_ONLY_RX.match(forms[0]) and len(forms[0]) < 3:
                continue
            if pos[0] == "名詞" and pos[1] == "数詞" and len(unit) == 1:
                continue
            w = add(forms, [normalize(normalized if not re.match(r"^[ァ-ヺー・]+$", surface) else surface)])
            if w is not None:
                w.groups = groups_of.get(normalize(surface), ())
                parts.append(w)
                if counted or pos[2] == "副詞可能":  # 「自ら」「そのまま」「一時」: how or when, not what
                    quantities.add(id(w))
        if parts:
            unit_words.append(parts)
            noun_units.append(unit[0][3][0] in _NOUNISH)
            # a na-adjective (特別な措置, 抜本的な見直し) says how the thing is, not what it is: never its head
            modifier_units.append(unit[-1][3][0] == "形状詞" or unit[-1][3][1] == "形状詞的")
    if not words:
        return Target(text, [])
    # the head: the last noun phrase (Japanese), the first one (English); its strongest word
    if english:
        cut = set(about_settings()["english_heads_before"])
        tokens = [t for t in re.findall(r"[a-z0-9'-]+", text.lower())]
        phrases: list[list[str]] = [[]]  # noun phrases, cut at of/on/for…: the deal | on minerals
        opened_by: list[str] = [""]  # the word each phrase follows
        for t in tokens:
            # a role after an act ("stepping down as minister", "serving as mediator") is no part of what is done:
            # after a noun ("dropping Matsumoto as Expo ambassador") the role says which of its posts
            acted = t == "as" and bool(phrases[-1]) and phrases[-1][-1].endswith(("ing", "down"))
            if (t in cut or acted) and phrases[-1]:
                phrases.append([])
                opened_by.append(t)
            elif form(t) not in stop:
                phrases[-1].append(form(t))
        # what is done to the thing is not the thing: a gerund after a noun (the CDP working, Japan joining)
        # ends no noun phrase ("the CDP working together" is about the CDP)
        dropped: list[str] = []  # the gerunds so taken off, in order
        for np in phrases:
            # (a hyphened compound ending in -ing is a noun: ride-sharing, fact-finding, peace-keeping)
            while len(np) > 1 and _gerund_or_adverb(np[-1]) and not np[0].endswith("ing"):
                if (word := np.pop()).endswith("ing"):
                    dropped.append(word)
        heads = []

        def phrase_heads(tokens: list[str]) -> list[TargetWord]:
            # a hyphened compound (ride-sharing) is the words the tokenizer reads it as: its parts head together
            head_forms = {part for f in tokens for part in [f, *f.split("-")] if part}
            return [w for w in words if w.form in head_forms or any(f in head_forms for f in w.forms)]

        for np in phrases:  # the first phrase that says more than a kind word (decision, plan) heads it
            heads = phrase_heads(np[-1:])
            if any(w.form not in weak and not _participle(w.form) for w in heads):
                break
        else:
            # no phrase ends in more than a kind word: the word it is the kind of heads (the water "issue", the
            # NATO "idea"), as a Japanese compound's (水問題) does
            for np in phrases:
                if len(np) > 1 and any(w.form not in weak and not _participle(w.form) for w in phrase_heads(np[-2:-1])):
                    heads = phrase_heads(np[-2:])
                    break
        if dropped and all(w.form in weak for w in heads):
            # only a kind or who-word is left ("more government borrowing", "public spending"): the gerund after it
            # is the thing the user asks about, a noun of its own, not what is done to a noun
            heads = phrase_heads(dropped[:1]) or heads
        heads = heads or [words[-1]]
        gerund = [np for np in phrases if np]
        # (what follows a word of time, cause or role is no thing it is done to: stepping down | after the vote)
        circumstance = opened_by[phrases.index(gerund[1])] in _EN_CIRCUMSTANCE if len(gerund) > 1 else True
        if not circumstance and len(gerund[0]) == 1 and gerund[0][0].endswith("ing") and len(gerund[0][0]) > 5:
            # a gerund alone before what it is done to ("moving into national politics", "resigning over the
            # cyberattack"): the act heads the target and chooses the documents as before, and the thing it is
            # done to names the target as the head does (as a Japanese target's act does): a statement may say
            # either (「国政に転身するつもりはない」 or 「国政には関心がない」)
            thing = {part for f in gerund[1][-1:] for part in [f, *f.split("-")] if part}
            for w in words:
                w.act = w not in heads and w.form not in weak and (w.form in thing or any(f in thing for f in w.forms))
    else:  # the last unit that says more than a kind word (…禁止の「判断」 → 買収禁止)
        strong_units = [
            u
            for u, noun, modifier in zip(unit_words, noun_units, modifier_units, strict=True)
            if noun and not modifier and any(w.form not in weak and id(w) not in quantities for w in u)
        ]
        heads = (strong_units or unit_words or [[words[-1]]])[-1]
        # a quantity in the head phrase (「一度死刑を」, 「第1段階」) says how many, an adverbial noun (「一時停止」) when
        # or how, not what: the other words head it
        heads = [w for w in heads if id(w) not in quantities] or heads
    titles = [w for w in heads[1:] if _is_title(w.form)]  # 江藤「農相」: the person is the head, the title is weak
    strong = [w for w in heads if w.form not in weak and w not in titles]
    for w in strong or heads:
        w.head = True
    if strong and not english:
        for w in heads:
            w.generic = not w.head and w.form in weak and w is heads[-1]
    for w in titles:
        w.weak = True
    if not english and strong and unit_words and not noun_units[-1]:
        # a target that ends in its act (「野球にお金を賭けていたかどうか」, 「ルールを変えること」): the act heads it
        # too, so a statement naming the act and not the noun before it (「賭けの対象は野球以外だった」) is read
        # (not for choosing the documents: an act word is common, and the documents naming the thing come first)
        for w in unit_words[-1]:
            w.act = not w.head and w.form not in weak
    action = 1
    polarity = _action_polarity()
    for w in words:
        pol = next((polarity[f] for f in w.forms if f in polarity), 0)
        if pol:
            action = pol
    if _NOT_DONE_RX.search(text):  # 「使わないよう頼むこと」, "not to extend it": the target is the thing not done
        action = -action
    target = Target(text, words, action)
    _add_variants(target, actors, topic_cues)
    target.opposite = _opposite(target)
    return target


_Morph = tuple[str, str, str, tuple[str, ...]]


def _compound_verb_first(unit: list[_Morph]) -> bool:
    """The unit is a verb alone in its continuative form (申し, 見, 取り): the first half of a compound verb when
    a verb follows it directly."""
    if len(unit) != 1 or unit[0][3][0] != "動詞":
        return False
    pos = unit[0][3]
    return len(pos) > 5 and pos[5].startswith("連用形") and not unit[0][0].endswith(("て", "で"))


_PERIOD_BOUNDS = ("以降", "以後", "以前", "まで", "以内", "から")


@lru_cache(maxsize=1)
def _circumstance() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """`about.json`'s `circumstance`: the counters that make a numeral a date, the words that end a manner
    adverbial (予定「どおり」), the time words (来週, April) — when the target is, not what it is."""
    c = about_settings()["circumstance"]
    return frozenset(c["date_counters"]), frozenset(c["manner_endings"]), frozenset(form(w) for w in c["time_words"])


def _without_circumstance(unit: list[_Morph]) -> list[_Morph]:
    """A noun run without its date (「4月」「17日」: a numeral and a date counter, 末 or 上旬 after it), its manner
    adverbial (「予定どおり」「計画通り」: a noun and the ending after it) and its time words (来週, 昨年): the
    user says when or how the thing happens, and a statement about it rarely repeats that. A duration stays
    (「30日間の停戦」: 日間 is no date counter), a date that bounds the period stays (「12月以降」: what is done
    after it is the target), and so does a word that only contains 通り (大通り)."""
    counters, manner, times = _circumstance()
    out: list[_Morph] = []
    k = 0
    while k < len(unit):
        surface, _, _, pos = unit[k]
        nxt = unit[k + 1][0] if k + 1 < len(unit) else ""
        if pos[1] == "数詞" and nxt in counters:
            end = k + 2
            while end < len(unit) and unit[end][0] in ("末", "上旬", "中旬", "下旬", "初め", "半ば"):
                end += 1
            if end < len(unit) and unit[end][0] in _PERIOD_BOUNDS:  # 「12月以降も続ける」: the period is the target's
                out.extend(unit[k:end])
            k = end
            continue
        if nxt in manner and pos[0] == "名詞":
            k += 2
            continue
        if normalize(surface) in times or surface.lower() in times:
            k += 1
            continue
        out.append(unit[k])
        k += 1
    return out


@lru_cache(maxsize=1)
def _antonyms() -> dict[str, list[str]]:
    """Each word of an antonym pair (`about.json`, `antonyms`) → the forms of the other side."""
    out: dict[str, list[str]] = {}
    for one, other in about_settings()["antonyms"]:
        a, b = [form(w) for w in one], [form(w) for w in other]
        for f in a:
            out.setdefault(f, []).extend(b)
        for f in b:
            out.setdefault(f, []).extend(a)
    return out


def is_act(target: Target) -> bool:
    """The target's head is an act a person does or not (続投, 辞任, 出馬: a word of an antonym pair): named in
    the actor's own clause with no stance said, the actor does it (「職を辞することといたしました」)."""
    antonyms = _antonyms()
    return any(f in antonyms for w in target.words if w.head for f in w.forms)


def names_an_act(target: Target) -> bool:
    """The target's head names a doing (調査, 購入, 見直す, or the Japanese words of an English head): named in the
    actor's clause with no stance word at all, not even one that declines to judge (差し控えたい, 明言を避けた),
    the actor does it or takes part in it (「当局の調査に全面的に協力する」「定置網を新たに購入する方針」)."""
    # an English head is read by its most specific Japanese word only: "market" glosses 市場 first, 取引 after
    return any(
        _names_an_act(f)
        for w in target.words
        if w.head
        for f in (w.glosses[:1] if w.form.isascii() else [w.form, *w.forms])
    )


@lru_cache(maxsize=4096)
def _names_an_act(form: str) -> bool:
    """A Japanese word that names a doing: its last morpheme a verb or a verbal noun (サ変可能: 調査, 購入, 見直し
    is 名詞 but 見直す a verb). An English form answers False: its Japanese words are read instead."""
    if not form or form.isascii():
        return False
    last = sudachi_tokenizer().tokenize(form)[-1].part_of_speech()
    return last[0] == "動詞" or (last[0] == "名詞" and last[2] == "サ変可能")


def _opposite(target: Target) -> Target | None:
    """The target with each head word that has antonyms said by them (「続投」 → 辞任, 辞する, 身を引く): a
    statement naming the opposite is read toward it and its position flipped (辞任を表明 opposes 続投)."""
    antonyms = _antonyms()
    words: list[TargetWord] = []
    changed = False
    for w in target.words:
        other = [a for f in w.forms for a in antonyms.get(f, [])] if w.head else []
        if other:
            changed = True
            forms = sorted(set(other), key=len, reverse=True)
            words.append(TargetWord(forms[0], forms, [], w.weight, True, w.form))
        else:
            words.append(w)
    return Target(target.text, words, target.action, target.topics) if changed else None


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for group in [*about_settings()["synonyms"], *about_settings()["equivalents"]]:
        forms = [form(w) for w in group]
        for f in forms:
            out.setdefault(f, []).extend(g for g in forms if g != f)
    return out


def _synonym_groups() -> dict[str, list[str]]:
    """SudachiDict's synonym groups: id → words (`bot/extract/lexicon.py`, one reading per process)."""
    return lexicon.synonym_groups()


def add_related(target: Target) -> None:
    """Each word matched by the other words of its synonym groups too (see `_group_words`) and an English noun of
    its forms by the verb it is made from (`verb_forms`: subsidy, subsidize), and the target's `near` view made
    (see `_near`). Called once the words are weighed: a word's weight stays its own rarity, not that of a commoner
    word of its group."""
    for w in target.words:
        extra = [f for f in dict.fromkeys(_group_words(w)) if len(f) >= 2 and f not in w.forms]
        extra += [f for f in _one_kanji_verbs(w) if f not in w.forms]
        extra += [v for f in w.forms for v in verb_forms(f) if v not in w.forms]
        extra = list(dict.fromkeys(extra))
        if extra:
            w.forms = sorted([*w.forms, *extra], key=len, reverse=True)
    target.near = _near(target)
    target.english = _english_view(target)


@lru_cache(maxsize=1)
def _noun_verbs() -> dict[str, tuple[str, ...]]:
    """WordNet's `derived` (a verb → the nouns made from it, `english_words`) read the other way: noun → its verbs
    (subsidy → subsidize, continuation → continue, investigation → investigate). Built once a process."""
    out: dict[str, list[str]] = {}
    for verb, nouns in english_word_data()["derived"].items():
        for noun in nouns:
            if noun != verb and " " not in verb:
                out.setdefault(noun, []).append(verb)
    return {n: tuple(v) for n, v in out.items()}


@lru_cache(maxsize=4096)
def verb_forms(word: str) -> tuple[str, ...]:
    """The verbs an English noun is made from, as a text writes them (`_noun_verbs`: subsidy → subsidize, and its
    stem before -ing and -ed, subsidiz, and the British spelling, subsidise): an English report says the act by
    its verb ("should subsidize a foreign company", "we will continue to …") where the user, or the dictionary's
    gloss of a Japanese word (補助金: subsidy; 継続: continuation), names it by the noun. None for a stop or weak
    word (statement, agreement: "state", "agree" say anything), nor for a verb that is one (use, make)."""
    from bot.extract.event_words import singular

    if not word.isascii() or " " in word or len(word) < 5:
        return ()
    stop, weak = _stop_words(), _weak_words()
    if word in stop or word in weak:
        return ()
    out: list[str] = []
    noun = singular(word) if singular(word) in _noun_verbs() else word
    for verb in _noun_verbs().get(noun, ()):
        # the verb spelled as the noun begins (subsid-y, subsid-ize; continu-ation, continu-e): not a sense apart
        # that WordNet derives the noun from as well (unit from unify)
        if _shared_prefix(noun, verb) < max(4, len(noun) // 2):
            continue
        if verb in stop or verb in weak or verb in _support_verbs() or len(verb) < 4:
            continue
        out.append(verb)
        if verb.endswith("e") and len(verb) > 4:  # subsidizing, subsidized: the e dropped before the ending
            out.append(verb[:-1])
        out += [b for b in (verb.replace("iz", "is"),) if b != verb]
    return tuple(dict.fromkeys(out))


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


ENGLISH_GLOSSES = 5  # a Japanese word's first English words (JMdict's order) an English statement names it by
ENGLISH_QUERY_GLOSSES = 3  # and the first of them an English report is looked for by (`stance_about._english_query`)


def english_glosses(target: Target, k: int, most: int = ENGLISH_GLOSSES) -> list[str]:
    """A Japanese word of the user's said in English: the first ENGLISH_GLOSSES content words of its JMdict glosses
    (終わり: end; 独裁: dictatorship, despotism), none a stop or weak word (措置: measure, step), and those of the
    compound it makes with the word beside it where the tokenizer parted them (委員 + 会: committee, commission).
    A word of one letter has none of its own (側: side, near; 形: form, shape): too many senses. Named in part, as a
    neighbour is (`_near`): a gloss is one sense of the word."""
    w = target.words[k]
    if w.form.isascii() or w.variant_of is not None:
        return []
    table, stop, weak, text = japanese_words(), _stop_words(), _weak_words(), normalize(target.text)
    said = [w.form] if len(w.form) >= 2 else []
    for a, b in ((k - 1, k), (k, k + 1)):  # the compound with a neighbour, as the user wrote it
        if a >= 0 and b < len(target.words) and (joined := target.words[a].form + target.words[b].form) in text:
            said.append(joined)
    # the first that name something (公務員: worker, public, servant; not government, a weak word)
    plain = plain_glosses()
    found = [
        e
        for f in said
        for e in [e for e in table.get(f) or plain.get(f) or [] if _names_in_english(e, stop, weak)][:most]
    ]
    # a kanji heading the compound it ends (市長「選」, 停戦「案」: `head_compounds`) by the English words it names there
    if k > 0 and (target.words[k - 1].form + w.form) in text:
        found += [e for e in _kanji_heads().get(w.form, ()) if _names_in_english(e, stop, weak)]
    return list(dict.fromkeys(found))


def _names_in_english(word: str, stop: frozenset[str], weak: frozenset[str]) -> bool:
    return len(word) >= 3 and word not in stop and word not in weak


def _english_view(target: Target) -> Target | None:
    """The target with each Japanese word said by its English glosses (`english_glosses`), for an English statement
    (read as `near` is, in part); None when no word has one. Not read for a report's headline or lead, which
    `named_across` reads in the other language already."""
    if target.any_word:
        return None
    words = []
    for k, w in enumerate(target.words):
        countries = country_in_english(w.form) if w.variant_of is None else []
        said = [e for e in dict.fromkeys([*english_glosses(target, k), *countries]) if e not in w.forms]
        said = list(dict.fromkeys([*said, *(v for e in said for v in verb_forms(e) if v not in w.forms)]))
        words.append(TargetWord(said[0] if said else w.form, sorted(said, key=len, reverse=True), [], w.weight, w.head))
    return Target(target.text, words, target.action, target.topics) if any(w.forms for w in words) else None


def _neighbours() -> dict[str, list[list]]:
    """chiVe's nearest words of each frequent word: form → [[form, cosine × 100]] (`bot/extract/lexicon.py`)."""
    return lexicon.neighbours()


def _near(target: Target) -> Target | None:
    """The target with each word said by the words used in the same contexts as it (its word-vector neighbours of
    cosine `near_similarity` or more: 爆撃 → 空爆, 公表 → 発表, 補償 → 賠償), each with a verb's stem; the words
    it already matches left out. A statement naming a word only this way names it in part (`near_weight`): the
    user calls the thing by a word the article does not use, and a neighbour is as often a related thing (買収 →
    売却) as the same one. None when no word has a neighbour."""
    if target.any_word:
        return None
    table, least = _neighbours(), 100 * float(about_settings()["near_similarity"])
    words: list[TargetWord] = []
    for w in target.words:
        near: list[str] = list(w.glosses)  # an English word said in Japanese (board → 掲示板): named in part too
        near += [s for s in map(matching_stem, w.glosses) if s]  # a verb as the text inflects it (取り下げ)
        near += _english_synonyms(w, target.text)  # and in other English words (beef up → strengthen)
        for f in indexed_forms(w)[:4]:  # the word's own spellings, not every synonym's neighbours
            for n, sim in table.get(f, []):
                if sim >= least:
                    near.append(n)
                    stem = _VERB_STEM_RX.sub("", n)
                    if stem != n and len(stem) >= 2:
                        near.append(stem)
        near = [n for n in dict.fromkeys(near) if n not in w.forms and not any(n in f for f in w.forms)]
        words.append(TargetWord(near[0] if near else w.form, sorted(near, key=len, reverse=True), [], w.weight, w.head))
    if not any(w.forms for w in words):
        return None
    return Target(target.text, words, target.action, target.topics)


@lru_cache(maxsize=1)
def english_index() -> dict[str, list[tuple[str, int]]]:
    """`bot/data/glosses.json.gz` (JMdict: Japanese noun, and news verb, adjective and adverb → the content words of
    its first senses' glosses) read the other way: English word → (Japanese word, the English word's place among
    its glosses). Built once a process."""
    return _reversed([*noun_glosses().items(), *word_glosses().items()])


@lru_cache(maxsize=1)
def plain_gloss_index() -> dict[str, list[tuple[str, int]]]:
    """JMdict's nouns with no priority mark (`plain_glosses`: 教皇, 万博, 輸出規制) read the other way, as
    `english_index`: an English word's Japanese words after the marked ones. Once a process, read from the file
    `bot/kept_tables.py` keeps it in (~0.1 s of CPU; built from the glosses, ~0.5 s with their reading, and kept
    where there is none)."""
    return kept("plain_index", _PLAIN_INDEX_SOURCES, _built_plain_index)


# what `plain_gloss_index` is made from: the unmarked nouns' file and the code that reads and reverses it
_PLAIN_INDEX_SOURCES = (
    Path(__file__).parents[1] / "data" / "plain_glosses.json.gz",
    Path(__file__).parent / "gloss_words.py",
    Path(__file__),
)


def _built_plain_index() -> dict[str, list[tuple[str, int]]]:
    return _reversed(plain_glosses().items())


def _reversed(entries: Iterable[tuple[str, list[str]]]) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for ja, words in entries:
        if len(ja) < 2 or _KANA_ONLY_RX.match(ja):  # 党 or かけ: found inside other words
            continue
        for k, en in enumerate(words):
            out.setdefault(en, []).append((ja, k))
    return out


def _gloss_words(ja: str) -> list[str]:
    """A Japanese word's English words: the marked words' (`japanese_words`), else the unmarked nouns'."""
    return japanese_words().get(ja) or plain_glosses().get(ja, [])


def english_keys_of(w: TargetWord) -> set[str]:
    """An English target word's forms as glosses.json.gz folds them (boards → board, elections → election)."""
    from bot.extract.event_words import singular

    return {singular(f) for f in w.forms if f.isascii() and " " not in f and len(f) >= 3}


def lemma_keys(w: TargetWord) -> set[str]:
    """The lemma of an irregular English form the user typed (withdrew → withdraw, banned → ban: WordNet's
    `verb.exc`, `english_word_data`), to look it up in the glosses only: matched in English text, the lemma would
    make a word the store holds in English weigh against every Japanese statement (running → run)."""
    inflected = english_word_data()["inflected"]
    return {lemma for f in w.forms if f.isascii() and (lemma := inflected.get(f))} - english_keys_of(w)


def derived_keys(w: TargetWord) -> set[str]:
    """The nouns derived from an English target word (compensate → compensation, settling → settlement: WordNet's,
    `english_word_data`): JMdict's glosses are nouns', so a verb the user types is found through the noun the
    article's Japanese word glosses; and the noun a relational adjective pertains to (presidential → president,
    electoral → election), which the article names as a noun (大統領選, 選挙制度)."""
    derived = english_word_data()["derived"]
    keys = english_keys_of(w) | lemma_keys(w)
    nouns = {noun for f in keys for noun in derived.get(f, [])} | {n for f in keys for n in _quality_nouns(f)}
    nouns |= {n for f in keys for n in action_nouns(f)}
    nouns |= {n for n in _pertainyms(w) if n.islower() and " " not in n}  # a proper noun: an actor's name (below)
    return nouns - english_keys_of(w)


def _pertainyms(w: TargetWord) -> list[str]:
    """The nouns an English adjective of the user's is "of or relating to" (WordNet's pertainyms, `english_word_data`:
    American → America, Venezuelan → Venezuela, presidential → president), a proper noun capitalised."""
    if not w.form.isascii() or w.variant_of is not None:
        return []
    pertains = english_word_data()["pertains"]
    return list(dict.fromkeys(n for f in w.forms if f.isascii() for n in pertains.get(f, [])))


# an adjective's noun of quality by its ending (WordNet's derivations are a verb's only): independent →
# independence, stable → stability, protectionist → protectionism
_QUALITY_ENDINGS = (("ent", "ence"), ("ant", "ance"), ("able", "ability"), ("ible", "ibility"), ("ist", "ism"))


@lru_cache(maxsize=4096)
def _quality_nouns(word: str) -> tuple[str, ...]:
    """The nouns of quality an English adjective makes by its ending that JMdict glosses (independent →
    independence: 自立, 独立; stable → stability: 安定), for a user who names the thing by its adjective."""
    index = english_index()
    return tuple(
        noun
        for end, suffix in _QUALITY_ENDINGS
        if len(word) > len(end) + 1 and word.endswith(end) and (noun := word[: -len(end)] + suffix) in index
    )


# a verb's noun of action by its ending, as English makes it regularly (WordNet's `derived` holds a verb's commonest
# senses only: expand has no expansion there, nor dismiss dismissal): (the verb's ending, the noun's endings)
_ACTION_ENDINGS = (
    ("ify", ("ification",)),
    ("ize", ("ization",)),
    ("ise", ("isation",)),
    ("ate", ("ation",)),
    ("nd", ("nsion",)),
    ("de", ("sion",)),
    ("it", ("ission", "ittal")),
    ("ss", ("ssion", "ssal")),
    ("ce", ("ction",)),
    ("ume", ("umption",)),
    ("ain", ("ention",)),
    ("olve", ("olution",)),
    ("y", ("ial", "iance")),
    ("e", ("ation", "al", "ure", "ance", "ence", "ment")),
    ("", ("ment", "ion", "ation", "al", "ance", "ence", "ure", "lation")),
)


@lru_cache(maxsize=4096)
def action_nouns(word: str) -> tuple[str, ...]:
    """The nouns of action an English verb of the user's makes by its ending (`_ACTION_ENDINGS`: expand →
    expansion, deploy → deployment, reject → rejection, dismiss → dismissal, unify → unification), kept only where
    JMdict glosses that noun (`english_index`: a real word, said by the Japanese words that gloss it, 拡大 for
    expansion) and it is no stop or weak word (agree → agreement). Not for a word of fewer than five letters (state →
    station, rate → ration: a word of another root)."""
    if not word.isascii() or not word.isalpha() or len(word) < 5:
        return ()
    index, stop, weak = english_index(), _stop_words(), _weak_words()
    # the verb's own Japanese words' kanji: a noun of its action is glossed by a word sharing one (expand: 膨らむ,
    # expansion: 膨張), a noun of another sense by none (import: 輸入, importance: 重要; state: 状態, stature: 身長)
    # (a verb JMdict glosses by no word of its own, deploy, elect: the noun is how Japanese says it, 配備, 選挙)
    kanji = {c for ja, _ in index.get(word, ()) for c in ja if _KANJI_RX.match(c)}
    if word in stop or word in weak or (not kanji and len(word) < 6):
        return ()
    out: list[str] = []
    for end, nouns in _ACTION_ENDINGS:
        if not word.endswith(end) or len(word) - len(end) < 2:
            continue
        body = word[: len(word) - len(end)] if end else word
        for noun_end in nouns:
            noun = body + noun_end
            if noun == word or noun not in index or noun in stop or noun in weak:
                continue
            if not kanji or any(c in kanji for ja, _ in index[noun] for c in ja):
                out.append(noun)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def english_word_data() -> dict[str, dict[str, list[str]]]:
    """WordNet's English words said otherwise (`bot/data/english_words.json`, made by tools/make_english_words.py):
    `synonyms` (beef up → strengthen), `derived` (a verb's nouns: settle → settlement). Read once a process
    (`gloss_words.english_words`)."""
    return english_words()


def _english_synonyms(w: TargetWord, text: str) -> list[str]:
    """The other words of an English word's commonest senses (bet → wager), by its forms (betting → bet), and of
    the phrasal verb it makes with the particle after it in the user's words (beefing up → strengthen; the
    particle itself is a stop word): named in part, as a Japanese word's neighbours are (`_near`)."""
    if not w.form.isascii() or " " in w.form or w.variant_of is not None:
        return []
    synonyms = english_word_data()["synonyms"]
    particle = re.search(rf"(?<![a-z]){re.escape(w.form)}\s+({_PARTICLES})(?![a-z])", text.lower())
    keys = [f for f in w.forms if f.isascii()]
    keys = [f"{f} {particle.group(1)}" for f in keys] + keys if particle else keys
    return [s for f in keys for s in synonyms.get(f, []) if s not in w.forms]


_PARTICLES = "up|out|off|down|over|back|away|ahead|in|on"


def gloss_candidates(target: Target) -> dict[int, list[str]]:
    """For each English word of the user's (by index), the Japanese words whose first senses gloss it, most
    specific first: one that glosses two words of the target or more names that phrase (共産党 for "Communist
    Party", 金利 for "interest rate") and comes first for each; then one whose first gloss is the word (出馬:
    running (for office), before 走行 whose gloss says it later); then the share of its gloss words the target's
    English words hold (金利: interest, rate — all of "interest rate"; 利上げ: increase, interest, rate — two of
    three), the English word's place among them, fewer glosses.
    At most `gloss_candidates` each (about.json): the store's term counts then keep those its passages hold."""
    # (not a word naming an actor: its names in both scripts are its forms already, and a dictionary's words for
    # them are another thing, 露西亜 or 対米)
    own = [k for k, w in enumerate(target.words) if w.variant_of is None and w.form.isascii() and not w.actor]
    if target.any_word or not own:  # a Japanese target: the index is not even built
        return {}
    index, plain = english_index(), plain_gloss_index()
    derived = {k: derived_keys(target.words[k]) for k in own}
    lemmas = {k: lemma_keys(target.words[k]) for k in own}
    english = set().union(*(english_keys_of(target.words[k]) | derived[k] for k in own))
    limit = int(about_settings()["gloss_candidates"])

    def ranked(keys: set[str], table: dict[str, list[tuple[str, int]]] = index) -> list[str]:
        found: dict[str, tuple[int, bool, float, int, int]] = {}
        for key in keys:
            for ja, place in table.get(key, []):
                words = _gloss_words(ja)
                covered = sum(1 for e in words if e in english)
                # an unmarked compound names one English word only when that is all its glosses say (教皇: pope),
                # else only a phrase of the target (財政支出: government spending, not "spending" alone)
                if table is plain and not (covered >= 2 or (len(words) == 1 and place == 0)):
                    continue
                rank = (min(covered, 2), place == 0, covered / len(words), -place, -len(words))
                if rank > found.get(ja, (-1, False, -1.0, 0, 0)):
                    found[ja] = rank
        return sorted(found, key=lambda ja: (found[ja], ja), reverse=True)

    # a phrase of the target that JMdict glosses a compound with (snap election → 解散総選挙) names it first
    phrased = {own[p]: jas for p, jas in phrase_compounds([english_keys_of(target.words[k]) for k in own]).items()}
    out: dict[int, list[str]] = {}
    for k in own:
        # the word's own glosses first, then its derived nouns' (settling: 策定, then 示談 and 解決 for settlement)
        # (a word found only through its lemma, running → run → 運転, counts as one found through a derived noun:
        # where a statement names it; weighed against every statement it lost a case that names neither)
        keys, other = english_keys_of(target.words[k]), lemmas[k] | derived[k]
        first = list(phrased.get(k, []))
        first += [ja for ja in ranked(keys) if ja not in first][: limit - len(first)]
        then = [ja for ja in ranked(other) if ja not in first][: limit - len(first)]
        # then the nouns with no priority mark (`plain_glosses`: 教皇, 対抗措置), after every marked one
        taken = {*first, *then}
        plain_first = [ja for ja in ranked(keys, plain) if ja not in taken]
        plain_then = [ja for ja in ranked(other, plain) if ja not in taken and ja not in plain_first]
        room = max(0, limit - len(taken))
        then += [*plain_first, *plain_then][:room]
        target.words[k].derived_glosses = frozenset(then) - set(plain_first)
        if first or then:
            out[k] = first + then
    return out


def take_glosses(target: Target, candidates: dict[int, list[str]], held: set[str]) -> None:
    """Each English word's Japanese words that the store's passages hold (`held`, their matching forms), at most
    `gloss_max` nouns and `gloss_verb_max` verbs and adjectives (about.json; a verb takes no noun's place), most
    specific first: matched like a word-vector neighbour (`_near`: in part)."""
    most, most_verbs = int(about_settings()["gloss_max"]), int(about_settings()["gloss_verb_max"])
    verbs = word_glosses()
    for k, found in candidates.items():
        w = target.words[k]
        kept = [ja for ja in found if ja in held and ja not in w.forms]
        w.glosses = [ja for ja in kept if ja not in verbs][:most] + [ja for ja in kept if ja in verbs][:most_verbs]
        # said in Japanese only through a noun derived from it: a statement naming it counts, one that does not
        # is not held against (the verb the user chose may be said by no noun at all: pay, 支払えば)
        # so too through verbs and adjectives alone (JMdict has many for one English word: raise → 上げる, 引き上げる,
        # 高める; the article may have used another), measured: weighed against every statement, they lost cases
        w.optional = bool(w.glosses) and all(ja in w.derived_glosses or ja in verbs for ja in w.glosses)


def phrase_glosses(target: Target) -> list[str]:
    """The Japanese words kept (see `take_glosses`) that gloss two English words of the target or more: a phrase
    said as one Japanese word (共産党 for "the Communist Party", 金利 for "interest rate"), specific enough to
    choose the documents by, as the head does."""
    english = set().union(*(english_keys_of(w) for w in target.words if w.variant_of is None and w.form.isascii()))
    kept = dict.fromkeys(ja for w in target.words for ja in w.glosses)
    return [ja for ja in kept if sum(1 for e in _gloss_words(ja) if e in english) >= 2]


def head_synonyms(name: str) -> list[str]:
    """A Japanese name with its last word said by another word of that word's synonym groups (イラン議会 →
    イラン国会): a body the user names by a synonym of the name the articles give it. Latin names: none."""
    if name.isascii() or len(name) > 40:
        return []
    morphemes = list(sudachi_tokenizer().tokenize(sudachi_text(name)))
    if len(morphemes) < 2 or morphemes[-1].part_of_speech()[0] != "名詞":
        return []
    last = morphemes[-1]
    stem = name[: len(name) - len(last.surface())] if name.endswith(last.surface()) else None
    if not stem:
        return []
    w = TargetWord(normalize(last.surface()), [normalize(last.surface())], [], groups=tuple(last.synonym_group_ids()))
    return [stem + other for other in dict.fromkeys(_group_words(w)) if len(other) >= 2 and other != w.form]


def _group_words(w: TargetWord) -> list[str]:
    """The other words of the word's synonym groups (開く → 開催, 支援 → 援助, 後押し; 議会 → 国会), each with a
    verb's stem (助ける → 助け), where the group is narrow enough to name the same thing: a group of more than
    `synonym_group_max` words (about.json) names a field, not the word."""
    out: list[str] = []
    for word in _narrow_group_words(w):
        if not _distinct(word):
            continue
        out.append(word)
        stem = _VERB_STEM_RX.sub("", word)
        if stem != word and len(stem) >= 2 and not word.isascii():
            out.append(stem)
    return out


def _narrow_group_words(w: TargetWord) -> list[str]:
    """The words of the word's synonym groups that are narrow enough to name the same thing (no more than
    `synonym_group_max` words, about.json), in the groups' order."""
    limit = int(about_settings()["synonym_group_max"])
    groups = (_synonym_groups().get(str(g), []) for g in w.groups or ())
    return [word for words in groups if len(words) <= limit for word in words]


_KANJI_RX = re.compile(r"[一-龥々]")
_KATAKANA_RX = re.compile(r"^[ァ-ヺー・]{3,}$")
# a word of one kanji and its kana: a verb (止める, 止まる, 変える) or its continuative noun (調べ)
_ONE_KANJI_KANA_RX = re.compile(r"^[一-龥][ぁ-ゖ]+$")
# the particles a verb's object or subject ends in, right before the verb (戦闘を止める, 我々も止める): what sets
# the verb apart from a compound verb ending in it (受け止める, 食い止める), which `_distinct` keeps out
_VERB_PARTICLES = ("を", "が", "も", "は")
_PARTICLE_FORM_RX = re.compile(r"^[をがもは][一-龥]")


def indexed_forms(w: TargetWord) -> list[str]:
    """The word's forms a full-text query looks for: not a verb after its particle (`_one_kanji_verbs`), which
    names the word in a passage read already but would find every passage with を and the verb (止め, 変わ)."""
    return [f for f in w.forms if _PARTICLE_FORM_RX.match(f) is None]


def _one_kanji_verbs(w: TargetWord) -> list[str]:
    """The one-kanji verbs of a Sino-Japanese word's synonym groups (停止: 止める, 止まる; 変更: 変える, 変わる;
    調査: 調べ), each as its stem after a particle (を止め, も止ま, が変わ): the statement says the verb the user's
    noun is made of (「インドが止まるなら、我々も止めることを考える」 for 戦闘停止). Alone the verb would be
    found inside the compound verbs ending in it (受け止める, 食い止める: to take in, to hold back), so only the
    particle before it names it. Only for a word of two kanji or more whose group is narrow (`_group_words`)."""
    if len(_KANJI_RX.findall(w.form)) < 2:
        return []
    out: list[str] = []
    for word in _narrow_group_words(w):
        if _ONE_KANJI_KANA_RX.match(word) is None:
            continue
        # a verb by its stem before the last kana, which every form begins with (止める: 止め, 止まる: 止ま)
        stem = word[:-1] if _VERB_STEM_RX.search(word) else word
        if len(stem) >= 2:
            out += [p + stem for p in _VERB_PARTICLES]
    return list(dict.fromkeys(out))


def _distinct(word: str) -> bool:
    """A group word that names its thing inside running text: two kanji or more (開催, 受け継ぐ), a katakana word
    of three letters or more, a Latin word of three letters or more. A word of one kanji (止める, 米) or kana alone
    (とめる) is found inside other words (受け止める, 米国), so it is not matched as a synonym."""
    if word.isascii():
        return len(word) >= 3
    return len(_KANJI_RX.findall(word)) >= 2 or _KATAKANA_RX.match(word) is not None


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from bot.extract.roles import vocabulary

    return frozenset(normalize(t) for t in vocabulary().ja_titles if len(t) >= 2)


def _is_title(form: str) -> bool:
    """A title written after a name (農相, 総務相, 代表, 知事)."""
    return form in _titles() or (
        2 <= len(form) <= 4 and form.endswith("相") and re.fullmatch(r"[一-龥]+", form) is not None
    )


def is_generic(form: str) -> bool:
    """A word that names a kind of thing (協定, 計画, plan) rather than the thing."""
    return form in _weak_words() or form in _kind_words()


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """Words of the synonym groups: each names a kind of thing (協定 = deal), not the thing."""
    return frozenset(form(w) for group in about_settings()["synonyms"] for w in group)


def cue_target(label: str, cues: list[str]) -> Target:
    """A stored topic as a target: each cue word whole (相互関税, not 相互 and 関税); any one names it."""
    words = []
    for c in cues:
        f = form(c)
        if f and all(w.form != f for w in words):
            words.append(TargetWord(f, [f], [], weight=1.0, head=True))
    return Target(label, words, any_word=True)


def _add_variants(target: Target, actors: ActorIndex, topic_cues: dict[str, list[str]]) -> None:
    """Other cues of a topic one of the words names, synonyms, aliases of an actor one names: matched as that
    word."""
    cue_topics: dict[str, list[str]] = {}
    for topic, cues in topic_cues.items():
        for c in cues:
            cue_topics.setdefault(form(c), []).append(topic)
    synonyms = _synonyms()
    for w in list(target.words):
        if w.variant_of is not None:
            continue
        extra: list[str] = []
        for f in w.forms:
            for topic in cue_topics.get(f, []):
                if topic not in target.topics:
                    target.topics.append(topic)
                extra += [form(c) for c in topic_cues[topic]]
            extra += synonyms.get(f, [])
        # Trump as typed: the registry's names keep their case; and the place or body an adjective pertains to
        # (American: America, 米国), a registry name when the reports name it
        for said in [*_as_typed(w.form, target.text), *(n for n in _pertainyms(w) if not n.islower())]:
            for m in actors.mentions(said):
                if m.start == 0 and m.end >= len(said) - 1:
                    entry = actors.actors[m.actor_id]
                    extra += [form(a) for a in (entry.name, *(entry.aliases or []))]
                    w.actor = True
        extra += [form(n) for n in other_names(w.form)]  # a body by its other names (CDP: 立憲民主党, 立民)
        extra += [form(n) for n in _country_names(w.form, target.text)]  # Israeli: Israel, イスラエル
        extra += [form(n) for n in capital_names(w.form, target.text)]  # Canberra's plan: 豪政府, オーストラリア
        extra += [form(n) for n in _name_in_script(w.form, target.text, actors)]  # Hakamada: 袴田
        extra = [e for e in dict.fromkeys(extra) if len(e) >= 2 and e not in w.forms]
        if extra:
            w.forms = sorted(dict.fromkeys([*w.forms, *extra]), key=len, reverse=True)
    _add_phrase_variants(target)


def named_people(target: Target, actors: ActorIndex) -> list[tuple[TargetWord, ActorEntry]]:
    """The user's words that name a person of the registry in full (Ghosn, ゴーン被告's ゴーン), with that person: the
    caller adds the names the same person goes by in the other script (`add_names`). Not a body (a body's other names
    are its forms already: `other_names`; its sound-alike bodies moved no case, measured)."""
    out: list[tuple[TargetWord, ActorEntry]] = []
    for w in target.words:
        if not w.actor or w.variant_of is not None:
            continue
        for said in _as_typed(w.form, target.text):
            for m in actors.mentions(said):
                entry = actors.actors[m.actor_id]
                if m.start == 0 and m.end >= len(said) - 1 and entry.kind == "person":
                    out.append((w, entry))
    return out


def add_names(word: TargetWord, names: Iterable[str]) -> None:
    """More spellings of a word that names someone (a person's names in the other script: ゴーン for Ghosn)."""
    extra = [f for f in dict.fromkeys(form(n) for n in names if n) if len(f) >= 2 and f not in word.forms]
    if extra:
        word.forms = sorted([*word.forms, *extra], key=len, reverse=True)


@lru_cache(maxsize=1)
def _country_rows() -> tuple[dict, ...]:
    """The rows of `bot/data/countries.json`, read once for `_countries` and `_capitals`."""
    return tuple(read_data("countries.json")["countries"])


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, ...]]:
    """`bot/data/countries.json` (the countries and regions news names): its English name or its people's adjective,
    lower-cased, and its Japanese names → every name of the country, English and Japanese (israeli → Israel,
    Israeli, Israelis, イスラエル). A Japanese name keys the country only to be known as one (`_typed_as_name`): said
    in English by these names, イラン weighed as often as "Iran" is written and lost a statement naming it."""
    out: dict[str, tuple[str, ...]] = {}
    for row in _country_rows():
        names = (row["en"], *row["adjectives"], *row["ja"])
        for word in (row["en"], *row["adjectives"]):
            out.setdefault(word.lower(), names)
        for word in row["ja"]:
            out.setdefault(normalize(word), names)
    return out


def _country_names(word: str, text: str) -> tuple[str, ...]:
    """A country named by a Latin word of the user's, capitalised as typed (Israeli, Lebanon), said by its other
    names: its name, its people's adjective, its Japanese names (a Japanese report says イスラエル軍 for "Israeli
    troops", an English one "Israel's army"). Not a word inside a longer country's name the user typed (Korea in
    North Korea); none for a lower-case word (china, turkey) or one that names no country."""
    if not word.isascii():
        return ()
    names = _countries().get(word)
    typed = unicodedata.normalize("NFKC", text)
    if not names or not (
        re.search(r"(?<![A-Za-z])" + re.escape(word[:1].upper() + word[1:]) + r"(?![a-z])", typed)
        or typed_in_capitals(word, typed)
    ):
        return ()
    low = typed.lower()
    longer = (
        k for k in _countries() if k != word and " " in k and re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", k)
    )
    if any(re.search(rf"(?<![a-z]){re.escape(k)}(?![a-z])", low) for k in longer):
        return ()
    return names


def typed_in_capitals(word: str, typed: str) -> bool:
    """A country's abbreviation typed in capitals, with or without its dots (UK, U.K.: the tokenizer reads both as
    `uk`, `_undotted`), which the capitalised test above does not find ("Uk")."""
    if not word.isalpha() or len(word) > 4:
        return False
    letters = r"\.?".join(re.escape(c) for c in word.upper())
    # not inside a proper name, a capitalised word beside it ("Reform UK", "U.S. Steel": a party, a company, and
    # every statement naming the country then named the name: measured, 7 more statements returned for none found)
    beside = r"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{2}\s)(?<![A-Z][a-z]{3}\s)(?<![A-Z][a-z]{4}\s)(?<![A-Z][a-z]{5}\s)"
    return re.search(rf"{beside}(?<![A-Za-z.]){letters}\.?(?![A-Za-z])(?!\.?\s+[A-Z])", typed) is not None


# an abbreviation written with dots (U.S., U.K.): one word, as it is without them; the tokenizer parts it into
# letters and stops, and a target then held "u", a word no text names (not one inside a name, U.S. Steel: as before)
_DOTTED_RX = re.compile(r"(?<![A-Za-z.])((?:[A-Z]\.){2,})(?![A-Za-z])(?!\s+[A-Z])")  # not in a name: U.S. Steel


def _undotted(text: str) -> str:
    return _DOTTED_RX.sub(lambda m: m.group(1).replace(".", "") + " ", text)


def country_in_english(word: str) -> list[str]:
    """A Japanese country name of the user's said in English (`_countries`): the country's English name and its
    people's adjective (モロッコ: morocco, moroccan, moroccans; インド: india, indian, indians), for an English
    statement ("Moroccan rescuers", "the Indian government"), read in part as a gloss is (`_english_view`): not
    the word's own forms, which would weigh it as often as the English name is written (see `_countries`)."""
    if word.isascii():
        return []
    return [form(n) for n in _countries().get(word, ()) if n.isascii() and len(n) >= 2]


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, tuple[str, ...]]]:
    """`bot/data/countries.json`'s capitals: the capital lower-cased, and its last word (delhi of New Delhi) → (the capital
    as written, the names of its country's government: the country's names and `government_ja`)."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for row in _country_rows():
        names = (row["en"], *row["adjectives"], *row["ja"], *row.get("government_ja", ()))
        for capital in (row["capital"], *row.get("capital_also", ())) if "capital" in row else ():
            out.setdefault(capital.lower(), (capital, names))  # new delhi: one word of the target
            out.setdefault(capital.split()[-1].lower(), (capital, names))
    return out


# the words around a capital that make it the government seated there ("Canberra's plan", "talks with Beijing"),
# and those that make it the city ("the Tokyo Games", "fled to Madrid", "high-rises in Bangkok", "running Tokyo")
_CAPITAL_BEFORE_RX = re.compile(r"(?<![a-z])(?:with|against|from|toward|towards|between|on|by|pressing|pressed)\s+$")
_CAPITAL_NOT_BEFORE_RX = re.compile(
    r"(?<![a-z])(?:in|of|at|to|into|near|outside|around|across|over|visit|visiting|running|for)\s+$"
)
_CAPITAL_POSSESSIVE_RX = re.compile(r"^['’]s?(?![A-Za-z])")


def capital_names(word: str, text: str) -> tuple[str, ...]:
    """A capital the user names for its government (`_capitals`: "Canberra's plan to …" is the Australian
    government's plan, which a Japanese report calls 豪政府's or オーストラリア政府's, an English one Australia's),
    said by the country's names. Only where it stands for the government as a party to what is asked about:
    capitalised as typed, with a possessive after it ("Tokyo's export restrictions") or a preposition of dealings
    before it ("talks with Tokyo", "sanctions on Pyongyang"); not the city ("the Tokyo Games", "fled to Madrid",
    "running for Tokyo governor"). Not as the subject of an act ("Seoul pulling out") nor one left out of a deal
    ("without Kyiv"): there it named the country's own leader's every statement (ウクライナ in each of
    Zelensky's) and moved the reading to the country's name (measured: two cases lost, none gained)."""
    if not word.isascii() or not (found := _capitals().get(word)):
        return ()
    capital, names = found
    typed = unicodedata.normalize("NFKC", text)
    for m in re.finditer(r"(?<![A-Za-z])" + re.escape(capital) + r"(?![A-Za-z])", typed):
        before, after = typed[: m.start()].lower(), typed[m.end() :]
        if _CAPITAL_NOT_BEFORE_RX.search(before):
            continue
        if _CAPITAL_POSSESSIVE_RX.match(after) or _CAPITAL_BEFORE_RX.search(before):
            return names
    return ()


# a name in katakana (ヒズボラ; a name's parts joined by ・ one by one) and one in Latin letters written capitalised
# (Hezbollah, Mazón): what `spell_names` compares across the scripts
_KATAKANA_NAME_RX = re.compile(r"[ァ-ヺ][ァ-ヺー]{2,}")
_LATIN_NAME_RX = re.compile(r"(?<![A-Za-z])[A-Z][a-zà-ÿ]{2,}(?![A-Za-z])")
_LATIN_PAIR_RX = re.compile(r"(?<![A-Za-z])(?=([A-Z][a-zà-ÿ]{2,} [A-Z][a-zà-ÿ]{2,})(?![A-Za-z]))")  # Sierra Madre


def _typed_as_name(w: TargetWord, text: str) -> bool:
    """A word of the user's typed as a name: Latin letters written capitalised (not the target's first word unless no
    JMdict gloss says it: "Raising taxes"), or katakana (ダバオ, ルワンダ); not a country (`_country_names`)."""
    if w.variant_of is not None or len(w.form) < 3 or w.form in _countries():
        return False
    if not w.form.isascii():
        return _KATAKANA_NAME_RX.fullmatch(w.form) is not None
    if not w.form.isalpha():
        return False
    typed = unicodedata.normalize("NFKC", text)
    at = re.search(r"(?<![A-Za-z])" + re.escape(w.form[:1].upper() + w.form[1:]) + r"(?![a-z])", typed)
    return at is not None and (at.start() > 0 or w.form not in english_index())


def spell_names(target: Target, texts: Iterable[str]) -> None:
    """A name the user typed in one script said in the other as the texts read spell it (`romaji.sounds_like`):
    "Hezbollah" is ヒズボラ in a Japanese report, マソン Mazón in an English one, so each spelling the texts hold
    becomes a form of the word (the same name: matched in full). Read over the documents a question reads, once
    (a question's few dozen passages: their katakana runs and capitalised words)."""
    if target.any_word:
        return
    latin = [w for w in target.words if w.form.isascii() and _typed_as_name(w, target.text)]
    kana = [w for w in target.words if not w.form.isascii() and _typed_as_name(w, target.text)]
    if not latin and not kana:
        return
    runs: set[str] = set()
    capitalised: set[str] = set()
    for text in texts:
        if latin:
            runs.update(_KATAKANA_NAME_RX.findall(text))
        if kana:
            capitalised.update(_LATIN_NAME_RX.findall(text))
            capitalised.update(_LATIN_PAIR_RX.findall(text))
    # two names side by side (Sierra Madre) are one katakana run (シエラマドレ): each of them is said by it
    pairs = [
        (a, b)
        for a, b in zip(target.words, target.words[1:], strict=False)
        if a in latin and b in latin and re.search(rf"{a.form}\W+{b.form}", target.text.lower())
    ]
    for w in latin:
        said = [normalize(r) for r in sorted(runs) if sounds_like(w.form, r)]
        said += [
            normalize(r) for a, b in pairs if w in (a, b) for r in sorted(runs) if sounds_like(f"{a.form} {b.form}", r)
        ]
        w.forms = sorted(dict.fromkeys([*w.forms, *(f for f in said if len(f) >= 2)]), key=len, reverse=True)
    for w in kana:
        said = [form(c) for c in sorted(capitalised) if sounds_like(c, w.form)]
        w.forms = sorted(dict.fromkeys([*w.forms, *said]), key=len, reverse=True)


@lru_cache(maxsize=1)
def _kanji_heads() -> dict[str, tuple[str, ...]]:
    """`compound_heads` of about.json: a kanji that heads the compounds it ends (税, 案, 機) → its English words."""
    return {
        k: tuple(form(e) for e in v) for k, v in about_settings()["compound_heads"].items() if not k.startswith("_")
    }


@lru_cache(maxsize=1)
def _english_heads() -> dict[str, tuple[str, ...]]:
    """`_kanji_heads` the other way: an English word → the kanji whose compounds name it (tax → 税)."""
    out: dict[str, list[str]] = {}
    for kanji, words in _kanji_heads().items():
        for e in words:
            out.setdefault(e, []).append(kanji)
    return {e: tuple(k) for e, k in out.items()}


@lru_cache(maxsize=64)
def _compound_rx(kanji: str) -> re.Pattern[str]:
    """A compound the kanji ends (電気税, 不信任決議案, イスラエル軍): two kanji or more before it, or a katakana name;
    a two-letter word (危機, 提案) is a word of its own."""
    return re.compile(rf"(?:[ァ-ヺ][ァ-ヺー]+|[一-龥々]{{2,}}){kanji}(?![一-龥々])")


@lru_cache(maxsize=4096)
def _kanji_is_word(compound: str, kanji: str) -> bool:
    """The kanji ending the compound is a word of its own to the tokenizer (電気 + 税, 決議 + 案), not the end of a
    word the compound ends in (一時 + 停戦: a ceasefire, no war)."""
    morphemes = list(sudachi_tokenizer().tokenize(sudachi_text(compound)))
    return bool(morphemes) and morphemes[-1].surface() == kanji


def head_compounds(target: Target, texts: Iterable[str]) -> None:
    """An English word of the user's named by the compounds its kanji heads (`compound_heads` in about.json: tax by
    電気税, motion by 不信任決議案, plane by 海保機) in the texts a question reads: a Japanese compound a dictionary
    does not hold says the English word by its last kanji, as 「…税」 is a tax whatever it taxes. Each such compound
    (its last two kanji and the head, or its katakana name and the head) becomes a form of the word. Read over the
    documents a question reads, as `spell_names` reads them."""
    if target.any_word:
        return
    heads = _english_heads()
    wanted = {
        k: {h for f in w.forms if f.isascii() for h in heads.get(f, ())}
        for k, w in enumerate(target.words)
        if w.variant_of is None and w.form.isascii() and not w.actor
    }
    wanted = {k: kanji for k, kanji in wanted.items() if kanji}
    if not wanted:
        return
    found: dict[str, set[str]] = {h: set() for kanji in wanted.values() for h in kanji}
    for text in texts:
        for h, seen in found.items():
            if h in text:
                for m in _compound_rx(h).finditer(text):
                    # (the whole of a katakana name: ロシア軍; the kanji's last two before it: 決議案 of 不信任決議案)
                    compound = m.group(0)[-3:] if _KANJI_RX.match(m.group(0)[0]) else m.group(0)
                    if _kanji_is_word(compound, h):
                        seen.add(compound)
    for k, kanji in wanted.items():
        w = target.words[k]
        said = [normalize(c) for h in sorted(kanji) for c in sorted(found[h])]
        w.forms = sorted(dict.fromkeys([*w.forms, *said]), key=len, reverse=True)


def _as_typed(word: str, text: str) -> list[str]:
    """A word's matching form and, for a Latin word, the user's own spelling of it in the text (trump: Trump): an
    actor's name is looked up as the registry writes it, with its capitals (the lower-cased form names no one)."""
    if not word.isascii():
        return [word]
    # (not an acronym: US, EU, LDP are bodies the synonyms and other names know, and the registry's aliases of a
    # country, its government's bodies, are no words of the target)
    found = first_whole(word, unicodedata.normalize("NFKC", text))
    return list(dict.fromkeys([word, found.group(0)])) if found and not found.group(0).isupper() else [word]


def _add_phrase_variants(target: Target) -> None:
    """A synonym or equivalent that the user's words say in several words (safe deposit box → 貸金庫; 注意報 and
    山火事, which the tokenizer splits into 注意 + 報, 山 + 火事): each of those words is matched by the phrase's
    other words too, so a statement naming the thing in one word (or in the other language) names every word of
    the phrase. A word of one letter or kana (報, 山) alone would be found inside anything: only the phrase
    gives it these forms."""
    own = [w for w in target.words if w.variant_of is None]
    if len(own) < 2:
        return
    low, norm = form(target.text), normalize(target.text)
    for phrase, others in _phrase_synonyms().items():
        if phrase.isascii():
            if phrase.split()[0] not in low or not _latin_form_rx(phrase).search(low):
                continue
            parts = set(phrase.split())
            inside = [w for w in own if any(f in parts for f in w.forms if f.isascii())]
        else:
            if phrase not in norm:
                continue
            inside = [w for w in own if w.form in phrase]
            if any(phrase in w.form for w in own):  # one word of the user's says it whole: matched already
                continue
        # a Japanese phrase must span two of the user's words; an English one is matched whole in the user's text,
        # so one content word of it will do (work together: "together" is a stop word)
        if len(inside) < (1 if phrase.isascii() else 2):
            continue
        for w in inside:
            w.forms = sorted(dict.fromkeys([*w.forms, phrase, *others]), key=len, reverse=True)
    _add_amounts(target, own)


_AMOUNT_RX = re.compile(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)\s+(yen|dollars?)", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_UNITS = {"yen": "円", "dollar": "ドル", "dollars": "ドル"}


def _add_amounts(target: Target, own: list[TargetWord]) -> None:
    """An amount in English words (10 billion yen) said as Japanese news writes it (100億円): its scale and currency
    words are matched by it. The numeral itself is no target word (a number alone names nothing)."""
    for m in _AMOUNT_RX.finditer(target.text):
        value = float(m.group(1)) * _SCALES[m.group(2).lower()]
        said = _japanese_amount(value)
        if said is None:
            continue
        unit = _UNITS[m.group(3).lower()]
        forms = [said + unit, said]
        for w in own:
            if w.form in (m.group(2).lower(), m.group(3).lower(), _EN_SINGULAR.get(m.group(3).lower(), "")):
                w.forms = sorted(dict.fromkeys([*w.forms, *forms]), key=len, reverse=True)


_EN_SINGULAR = {"dollars": "dollar"}


def _japanese_amount(value: float) -> str | None:
    """100億 for 1e10, 1.5兆 for 1.5e12, 3000万 for 3e7: the largest of 兆, 億, 万 the amount is a whole or one-decimal
    count of; None when it is none of these (the article's figure would be rounded otherwise)."""
    for unit, size in (("兆", 1e12), ("億", 1e8), ("万", 1e4)):
        count = value / size
        if count >= 1:
            if abs(count * 10 - round(count * 10)) > 1e-6:
                return None
            return (f"{count:.1f}".rstrip("0").rstrip(".")) + unit
    return None


@lru_cache(maxsize=1)
def _phrase_synonyms() -> dict[str, list[str]]:
    """The synonyms and equivalents (about.json) that a target may say in several of its words: each English one
    of two words or more, each Japanese one of three letters or more (the tokenizer may split it), with the other
    words of its groups."""
    return {
        f: others
        for f, others in _synonyms().items()
        if (f.isascii() and " " in f) or (not f.isascii() and len(f) >= 3)
    }


# one ActorIndex → its people's Japanese name words by their romaji key; built once per index (the store keeps one
# index and replaces it when actors are added), so a question costs a dictionary lookup, not a scan of the actors
_SCRIPT_NAMES: weakref.WeakKeyDictionary[ActorIndex, dict[str, list[str]]] = weakref.WeakKeyDictionary()


def _script_names(actors: ActorIndex) -> dict[str, list[str]]:
    """Romaji key → the Japanese words of the people's names it reads (hakamada → 袴田; 袴田巌 → 袴田, 巌)."""
    table = _SCRIPT_NAMES.get(actors)
    if table is None:
        table = {}
        tokenizer = sudachi_tokenizer()
        for entry in actors.actors.values():
            if entry.kind != "person" or unicodedata.normalize("NFKC", entry.name).isascii():
                continue
            for m in tokenizer.tokenize(sudachi_text(entry.name)):
                pos = m.part_of_speech()
                if pos[1] == "固有名詞" and pos[2] == "人名" and len(m.surface()) >= 2:
                    key = name_key(romanize(m.reading_form()))
                    if key and m.surface() not in table.setdefault(key, []):
                        table[key].append(m.surface())
        _SCRIPT_NAMES[actors] = table
    return table


def _name_in_script(word: str, text: str, actors: ActorIndex) -> list[str]:
    """A person's name typed in Latin letters (Hakamada) said by the Japanese words the registry's people
    are written with (袴田): an English question over Japanese reports names them by their romaji key (the keys
    fold long vowels and doubled consonants). Only a word the user wrote capitalised, or one JMdict glosses no
    Japanese word with, is read as a name (hoping is no 保母)."""
    if not word.isascii() or not word.isalpha() or len(word) < 4:
        return []
    capitalised = re.search(r"\b" + word[:1].upper() + re.escape(word[1:]), text) is not None
    if not capitalised and word in english_index():
        return []
    return list(_script_names(actors).get(name_key(word), []))


def match_spans(target: Target, text: str) -> dict[int, list[tuple[int, int]]]:
    """For each target word (by index) the spans of `text` that name it (offsets into text).

    Japanese forms are found in the matching form (spaces and marks dropped, variants folded); Latin
    forms as whole words (with endings) in the text as written, lower-cased, where spaces still part them."""
    low, quick = _probes(text)
    if not any((_latin_probe(f) in low) if f.isascii() else (f in quick) for w in target.words for f in w.forms):
        return {}  # most texts name none of it: no character map needed
    norm, index = _mapped(text)
    latin = len(low) == len(text) and bool(_LATIN_RX.search(low))
    out: dict[int, list[tuple[int, int]]] = {}
    for k, w in enumerate(target.words):
        spans: list[tuple[int, int]] = []
        for f in w.forms:
            if f.isascii():
                if not latin:
                    continue
                if _latin_literal(f) not in low:  # no match can be there: no pattern compiled, none run
                    continue
                found = [(m.start(), m.end()) for m in _latin_form_rx(f).finditer(low)]
            else:
                found = []
                at = norm.find(f)
                while at >= 0:
                    found.append((index[at], index[at + len(f) - 1] + 1))
                    at = norm.find(f, at + 1)
            for s, e in found:
                if not any(s < pe and ps < e for ps, pe in spans):
                    spans.append((s, e))
        if spans:
            out[k] = sorted(spans)
    return out


def named_words(target: Target, text: str) -> set[int]:
    """The target words (by index) that `text` names, as match_spans finds them, without their offsets."""
    low, quick = _probes(text)
    latin = len(low) == len(text) and bool(_LATIN_RX.search(low))
    out: set[int] = set()
    for k, w in enumerate(target.words):
        for f in w.forms:
            if f.isascii():
                if latin and _latin_probe(f) in low and _latin_form_rx(f).search(low):
                    out.add(k)
                    break
            elif f in quick:
                out.add(k)
                break
    return out


# The same passages and contexts are read for every claim of a passage and again by the next question on the
# actor or the target: their matching forms and character maps are kept (the map is most of a question's time).
@lru_cache(maxsize=2048)
def _probes(text: str) -> tuple[str, str]:
    return _stored_probes(text) or _computed_probes(text)


def _computed_probes(text: str, lines: dict[str, tuple[str, str]] | None = None) -> tuple[str, str]:
    """(the text's NFKC lower-cased, its `normalize`); `lines`: its lines' forms as one document's other texts
    made them (`lowered_and_normalized`: the same strings, each line made once)."""
    if lines is not None:
        return lowered_and_normalized(text, lines)
    lowered = unicodedata.normalize("NFKC", text).lower()
    return lowered, normalize_lowered(lowered)  # normalize(text), its NFKC not made twice


def _stored_probes(text: str) -> tuple[str, str] | None:
    """The text's forms as stored with its document's claims (`known_forms`, see `text_readings`), or None."""
    found = stored_forms(text)
    return None if found is None else (text.lower() if found[0] is None else found[0], found[1])


@lru_cache(maxsize=2048)
def _mapped(text: str) -> tuple[str, list[int]]:
    return _stored_map(text) or normalize_with_map(text)


def _stored_map(text: str) -> tuple[str, list[int]] | None:
    found = stored_forms(text)
    if found is None or len(found) != 4:
        return None
    runs: list[int] = found[3]
    index: list[int] = []
    for k in range(0, len(runs), 2):  # consecutive source offsets stored as (start, length) runs
        index.extend(range(runs[k], runs[k] + runs[k + 1]))
    return (found[1] if found[2] is None else found[2]), index


@lru_cache(maxsize=4096)
def _latin_form_rx(form: str) -> re.Pattern[str]:
    """A Latin form as whole words, parts joined by spaces or hyphens, with English endings, as English spells them
    on its last word (`_spelled_endings`)."""
    parts = [p for p in re.split(r"[\s-]+", form) if p]
    body = r"[\s-]*".join(re.escape(p) for p in parts)
    endings = "|".join([rf"{body}(?:s|es|d|ed|ing)?", *_spelled_endings(body, parts[-1] if parts else "")])
    return re.compile(rf"(?<![a-z])(?:{endings})(?![a-z])")


_DOUBLED_RX = re.compile(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$")  # a last consonant after one vowel: ban, submit
_CONSONANT_Y_RX = re.compile(r"[^aeiou]y$")


def _spelled_endings(body: str, last: str) -> list[str]:
    """The endings of an English word that change its spelling (the dictionaries and the user give the plain word, a
    text its inflected one): a last consonant after one vowel doubled (submit → submitting, ban → banned), a y after
    a consonant turned i (policy → policies, apply → applied), a last e dropped before -ing (raise → raising)."""
    out = []
    if len(last) >= 3 and _DOUBLED_RX.search(last):
        out.append(rf"{body}{last[-1]}(?:ed|ing)")
    if len(last) >= 3 and _CONSONANT_Y_RX.search(last):
        out.append(rf"{body[:-1]}i(?:es|ed)")
    if len(last) >= 4 and last.endswith("e") and not last.endswith("ee"):
        out.append(rf"{body[:-1]}ing")
    return out


@lru_cache(maxsize=4096)
def _latin_literal(form: str) -> str:
    """What every match of `_latin_form_rx(form)` holds as written: its first word whole when it has more than one
    (only the last word's spelling changes; the words may be joined by spaces, hyphens or nothing, so the form
    itself is not), else the word less a last y or e (`_latin_probe`)."""
    parts = [p for p in re.split(r"[\s-]+", form) if p]
    if not parts:
        return ""
    return parts[0] if len(parts) > 1 else _latin_probe(parts[0])


def _latin_probe(form: str) -> str:
    """What every spelling of a Latin form holds (see `_spelled_endings`): the form less a last y or e."""
    return form[:-1] if len(form) >= 3 and form[-1] in "ye" else form


def weigh(target: Target, df: dict[str, int], passages: int, gloss_df: dict[str, int] | None = None) -> None:
    """Each word's weight from how rare it is in the store (idf); weak words weigh half. An English word the store
    holds only in Japanese weighs as the commonest of its Japanese words does (`gloss_df`: their passages, see
    `take_glosses`): "poster" in a store of Japanese reports is as rare as ポスター there."""
    weak = _weak_words()
    if target.any_word:
        return
    support = _support_verbs()
    for w in target.words:
        if w.form in support and w.variant_of is None:  # taking (legal action): counts where a statement names it
            w.optional = True
        known = [df.get(f, 0) for f in w.index_forms]
        d = max(known) if known else 0
        if not d and w.glosses and gloss_df:  # the commonest of them: a gloss read backwards may be the wrong word
            d = max(gloss_df.get(ja, 0) for ja in w.glosses)
            w.translated = d > 0
        w.weight = _idf_weight(w, d, passages, weak)


def _idf_weight(w: TargetWord, d: int, passages: int, weak: frozenset[str]) -> float:
    """A word's weight when `d` of the store's `passages` hold it: its rarity (idf), half for a weak word."""
    weight = math.log((passages + 2) / (d + 1)) + 0.5 if d else 0.0
    return weight * 0.5 if w.form in weak or w.weak else weight


def weigh_unheld(words: list[TargetWord], df: dict[str, int], passages: int) -> None:
    """Words that weigh nothing (no passage holds them as typed) weighed by the commonest of their forms the store
    holds (`df`: form → passages holding every token of it), as `weigh` weighs a word by its commonest spelling."""
    weak = _weak_words()
    for w in words:
        d = max((df.get(f, 0) for f in w.forms), default=0)
        if d:
            # it counts where a statement names it, and is held against none that does not (as before, when it
            # weighed nothing): the word the user chose may be no word of the articles at all
            w.weight, w.optional, w.unheld = _idf_weight(w, d, passages, weak), True, True


def relevance(
    target: Target,
    in_clause: set[int],
    in_context: set[int],
    near_clause: frozenset[int] = frozenset(),
    latin: bool = False,
    across: frozenset[int] = frozenset(),
    glossed: frozenset[int] = frozenset(),
) -> float:
    """The share of the target's weight a statement names: its clause in full, its context in part; a word
    named only by a word-vector neighbour (`near_*`, see `_near`) counts at `near_weight` of that. `latin`: the
    statement is English, and an English word the store holds only in Japanese (`translated`) cannot be in it.
    `across`: words its context names only in the statement's language (an English word by its Japanese words):
    at `context_weight` of the gloss's share.

    0 when the head is named in none of them."""
    # a head known only by its Japanese words (see `weigh`) is not required: the gloss read may be another word's
    heads = {
        k
        for k, w in enumerate(target.words)
        if (w.head or w.act) and w.weight > 0 and not w.translated and not w.unheld
    }
    factor = 1.0
    if heads and not heads & (in_clause | in_context | near_clause | across):
        # the head said in no word of ours (立憲民主党とは組めない for 立憲民主党との連携): the clause's own words
        # must then name the rest of the target well, and count for less
        factor = float(about_settings()["headless_weight"])
        # the clause's own words in the other language: an English word's Japanese words, a Japanese word's English
        glossed = {k for k in near_clause if target.words[k].glosses or k in glossed}
        if not (in_clause or glossed) or not factor or target.any_word:
            return 0.0
    if target.any_word:
        return 1.0 if in_clause else about_settings()["context_weight"]
    ctx, got = about_settings()["context_weight"], 0.0
    named = in_clause | in_context | near_clause | across
    total = (
        sum(
            w.weight
            for k, w in enumerate(target.words)
            if not (latin and w.translated) and (k in named or not w.optional)
        )
        or 1.0
    )
    for k, w in enumerate(target.words):
        # an English word's near view is its JMdict words (no vectors for English): a dictionary's reading
        # and so is a Japanese word's in an English statement (`glossed`: 信任 said "confidence"), as much
        near = about_settings()["gloss_weight" if w.glosses or k in glossed else "near_weight"]
        if k in in_clause:
            got += w.weight
        elif k in in_context:
            got += max(ctx, near if k in near_clause else 0.0) * w.weight
        elif k in near_clause:
            got += near * w.weight
        elif k in across:
            got += ctx * near * w.weight
    return factor * got / total


# --- what a report is about (its statements read as reactions to the story it tells) ---------------------------


def named_across(target: Target, text: str, tokens: list[str]) -> set[int]:
    """The target words (by index) that a text in the other language names, read through JMdict's glosses
    (`bot/data/glosses.json.gz`): an English word named by a Japanese word of the text whose first senses gloss it
    (日本郵便's tokens 日本 and 郵便 name "Japan Post"; 禁止 names "ban"), a Japanese word by an English word of
    the text that glosses it ("ban" names 禁止). `tokens`: the text's tokens as the full-text index holds them.
    For a report's headline and lead, not a statement: a token's gloss is read without its context."""
    out: set[int] = set()
    own = [(k, w) for k, w in enumerate(target.words) if w.variant_of is None and w.weight > 0]
    english = {k: _english_and_derived(w.form, tuple(w.forms), w.variant_of) for k, w in own if w.form.isascii()}
    if english and _JAPANESE_TEXT_RX.search(text):
        said = _glossed_in_english(tuple(tokens))
        out |= {k for k, keys in english.items() if keys & said}
    japanese = [(k, w) for k, w in own if not w.form.isascii()]
    if japanese and _LATIN_WORD_RX.search(text):
        said_ja = _glossed_in_japanese(text)
        out |= {k for k, w in japanese if said_ja & set(w.forms)}
    return out


@lru_cache(maxsize=4096)
def _english_and_derived(form: str, forms: tuple[str, ...], variant_of: str | None) -> frozenset[str]:
    """An English target word's keys and the nouns derived from it (`english_keys_of` | `derived_keys`), which read
    its form, forms and `variant_of` alone: made once per word, not again for every headline, lead and paragraph."""
    w = TargetWord(form, list(forms), [], variant_of=variant_of)
    return frozenset(english_keys_of(w) | derived_keys(w))


# what a headline and lead say in the other language depends on them alone: read once for every question asked of
# the documents (a page turned asks the same question again)
@lru_cache(maxsize=4096)
def _glossed_in_english(tokens: tuple[str, ...]) -> frozenset[str]:
    glosses, verbs, plain = noun_glosses(), word_glosses(), plain_glosses()
    out: set[str] = set()
    for t in dict.fromkeys(tokens):  # each token once, normalized once (a lead repeats its words)
        if len(t) >= 2 and not t.isascii():
            n = normalize(t)
            out.update(glosses.get(n) or verbs.get(n) or plain.get(n, ()))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _glossed_in_japanese(text: str) -> frozenset[str]:
    from bot.extract.event_words import singular

    index, plain = english_index(), plain_gloss_index()
    words = {singular(word) for word in _LATIN_WORD_RX.findall(text.lower())}
    # an unmarked compound only by the one word all its glosses say (教皇: pope; not 和平交渉 by "peace")
    return frozenset(ja for word in words for ja, _ in index.get(word, ())) | frozenset(
        ja for word in words for ja, place in plain.get(word, ()) if place == 0 and len(_gloss_words(ja)) == 1
    )


_JAPANESE_TEXT_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")
_LATIN_WORD_RX = re.compile(r"[a-z][a-z-]{2,}", re.IGNORECASE)


LEAD_CHARS = 40  # a first paragraph shorter than this (a dateline, a one-line summary) is read with the next one


class _Passage(Protocol):
    text: str
    kind: str


def report_texts(title: str, passages: Sequence[_Passage]) -> tuple[str, str, list[int]]:
    """A report's headline and lead (`top`: the first passage of prose other than the headline, the one after it
    too when the first is short), its whole text (`body`), and the lead's passages (their indices): what
    `report_aboutness` reads of a document, whatever the target."""
    prose = [k for k, p in enumerate(passages) if p.kind == "prose" and p.text.strip() != title.strip()]
    lead = prose[:2] if prose and len(passages[prose[0]].text) < LEAD_CHARS else prose[:1]
    body = "\n".join(p.text for p in passages)
    top = "\n".join([title, *(passages[k].text for k in lead)])
    return top, body, lead


def report_aboutness(
    target: Target, top: str, body: str, across: frozenset[int] = frozenset(), *, head: bool = False
) -> float:
    """How much a document is about the target: the share of the target's weight it names, a word named in its
    headline or lead (`top`) in full and one named only further down (`body`) at `context_weight`; a word named
    only by a neighbour or, for an English word, by its Japanese words (`near`), or in the other language
    (`across`: the headline's and lead's words read through their glosses, see `named_across`) at `near_weight`
    / `gloss_weight` of that. 0 when the headline and lead name none of it: a report that mentions the target in passing is no
    report about it; with `head`, 0 too when they name none of the target's head. Unlike `relevance`, no word is
    required otherwise: the user may call the story by its consequence."""
    if target.any_word:
        return 1.0 if named_words(target, top) else 0.0
    settings = about_settings()
    ctx = float(settings["context_weight"])
    own_top = _whole(target, named_words(target, top), top)
    near_top = named_words(target.near, top) if target.near is not None else set()
    near_top |= across  # named in the other language (`named_across`): as a gloss is
    if not own_top and not near_top:
        return 0.0
    if head and not any(target.words[k].head for k in own_top | near_top):
        return 0.0
    # the body is read only for a report its headline or lead already made one (most are not)
    own_body = _whole(target, named_words(target, body), body)
    near_body = named_words(target.near, body) if target.near is not None else set()
    named = own_top | own_body | near_top | near_body
    total = sum(w.weight for k, w in enumerate(target.words) if k in named or not w.optional) or 1.0
    got = 0.0
    for k, w in enumerate(target.words):
        part = float(settings["gloss_weight" if w.glosses else "near_weight"])
        share = max(
            1.0 if k in own_top else ctx if k in own_body else 0.0,
            part if k in near_top else part * ctx if k in near_body else 0.0,
        )
        got += share * w.weight
    return got / total


def _whole(target: Target, named: set[int], text: str) -> set[int]:
    """`named` without the words of a compound the user typed as one (国民民主党: 国民, 民主, 党) that the text names
    only in part: 「国民の暮らし」 names no part of 国民民主党."""
    runs = [run for run in _compounds(target) if set(run) & named]
    if not runs:  # nothing to check: the text is not normalized (a report's whole body, for every document read)
        return set(named)
    norm = _probes(text)[1]  # normalized once: `named` was read from the same text
    out = set(named)
    for run in runs:
        if "".join(target.words[k].form for k in run) not in norm:
            out -= set(run)
    return out


def _compounds(target: Target) -> list[list[int]]:
    """Runs of two or more of the user's Japanese words written together in the target (民営 + 化 in 港湾の民営化)."""
    return [list(run) for run in _compound_runs(target.text, tuple(_own_japanese(target)))]


def _own_japanese(target: Target) -> list[tuple[int, str]]:
    return [(k, w.form) for k, w in enumerate(target.words) if w.variant_of is None and not w.form.isascii()]


@lru_cache(maxsize=1024)
def _compound_runs(target_text: str, own: tuple[tuple[int, str], ...]) -> tuple[tuple[int, ...], ...]:
    text = normalize(target_text)
    forms = dict(own)
    runs: list[list[int]] = []
    run: list[int] = []
    for k, _ in own:
        if run and "".join(forms[j] for j in [*run, k]) in text:
            run.append(k)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [k]
    if len(run) >= 2:
        runs.append(run)
    return tuple(tuple(r) for r in runs)
