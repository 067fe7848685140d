"""Names in Latin letters, so that a Japanese and an English report of one event share their names.

A Japanese proper noun is read (the tokenizer's katakana reading) and romanized (Hepburn); an English
name is taken as written. Both are folded to one key: lower case, long vowels and double consonants
single (江藤 エトウ → "eto" = Eto; 輪島 ワジマ → "wajima" = Wajima; 小泉 コイズミ → "koizumi" = Koizumi).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from bot.text import without_marks

_BASE = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヲ": "o", "ン": "n", "ヴ": "vu",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
}  # fmt: skip
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
# A small vowel after a syllable replaces its vowel (ディ di, ティ ti, ドゥ du, ファ fa, シェ she, ヴァ va): a foreign
# sound katakana spells with two letters (モディ = Modi, not "modei"); after ウ it is a w (ウィ wi), after イ a y (イェ ye).
_SMALL_VOWEL = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_GLIDE = {"u": "w", "i": "y"}
_FOLDS = (
    (re.compile(r"([aeiou])\1+"), r"\1"),  # long vowels: oo, uu …
    (re.compile(r"ou"), "o"),
    (re.compile(r"oh(?![aeiouy])"), "o"),  # Ohno, Itoh
    (re.compile(r"m(?=[bp])"), "n"),  # Shimbun = shinbun
    (re.compile(r"tch"), "ch"),
    (re.compile(r"([bcdfghjklmnpqrstvwxz])\1+"), r"\1"),  # double consonants
)
_NON_LETTER_RE = re.compile("[^a-z]")


def romanize(kana: str) -> str:
    """Hepburn romaji of a katakana reading (ッ doubles the next consonant, ー lengthens, ャュョ and ァィゥェォ combine)."""
    out: list[str] = []
    double = False
    for ch in kana:
        if ch == "ッ":
            double = True
            continue
        if ch == "ー":
            if out:
                out.append(out[-1][-1])
            continue
        if ch in _SMALL_Y and out:
            prev = out.pop()
            if prev in ("te", "de") and ch == "ュ":  # テュ and デュ write a foreign tu, du (デュポン Dupont), not te-yu
                out.append(prev[0] + "u")
                continue
            stem = prev[:-1] if prev.endswith("i") else prev
            out.append((stem if stem.endswith(("sh", "ch", "j")) else stem + "y") + _SMALL_Y[ch])
            continue
        if ch in _SMALL_VOWEL and out and out[-1][-1:] in "aeiou":
            prev = out.pop()
            stem = prev[:-1] or _GLIDE.get(prev, "")
            out.append(stem + _SMALL_VOWEL[ch])
            continue
        syl = _BASE.get(ch)
        if syl is None:
            continue
        if double:
            syl = syl[0] + syl
            double = False
        out.append(syl)
    return "".join(out)


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """The folded Latin key of a name (romaji or English spelling); '' when too short to tell names apart."""
    key = _NON_LETTER_RE.sub("", without_marks(name).lower())
    for rx, repl in _FOLDS:
        key = rx.sub(repl, key)
    return key if len(key) >= 3 else ""


_SKELETON_FOLDS = (
    (re.compile(r"tsu"), "t"),  # カムチャツカ kamuchatsuka = Kamchatka
    (re.compile(r"shi|sh"), "s"),
    (re.compile(r"c(?=[eiy])"), "s"),  # Crescent = クレセント
    (re.compile(r"ck|q|c(?!h)"), "k"),
    (re.compile(r"ph|f|v"), "b"),  # ヴ, フ and b, v, f: one sound in katakana
    (re.compile(r"th"), "s"),
    (re.compile(r"l"), "r"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"z"), "s"),  # a Spanish z is an s (González ゴンサレス / ゴンザレス, Sánchez サンチェス)
    (re.compile(r"[aeiouyw]"), ""),  # the vowels katakana adds (トランプ toranpu = Trump)
    (re.compile(r"([a-z])\1+"), r"\1"),
)
SKELETON_PREFIX = "%"


@lru_cache(maxsize=16384)
def name_skeleton(key: str) -> str:
    """The consonants of a name key, folded the way a foreign name is written in katakana (カムチャツカ =
    Kamchatka, セベロクリリスク = Severo-Kurilsk, ゼレンスキー = Zelensky), prefixed with "%"; '' when fewer than four
    consonants are left (too few to tell names apart)."""
    key = _consonants(key)
    return SKELETON_PREFIX + key if len(key) >= 4 else ""


@lru_cache(maxsize=16384)
def short_skeleton(key: str) -> str:
    """The consonants of a short name key as `name_skeleton` folds them, two or three (Mazón and マソン: msn, Karki and
    カルキ: krk), prefixed with "%%": too few to tell names apart, only to find two names to compare by `sounds_like`
    (a doer's, `event_match.same_doer`); '' for fewer than two, or for a key `name_skeleton` gives one for."""
    key = _consonants(key)
    return SKELETON_PREFIX * 2 + key if 2 <= len(key) < 4 else ""


# how an English name's letters come out in katakana, for `sounds_like`: sh/ch/ts as one consonant each, l as r,
# v as b, a hard c as k, doubled letters single
_SOUND_FOLDS = (
    (re.compile(r"shi|sh"), "s"),
    (re.compile(r"chi|ch"), "c"),
    (re.compile(r"tsu|ts"), "t"),
    (re.compile(r"l"), "r"),
    (re.compile(r"v"), "b"),
    (re.compile(r"ck|q|c(?![eiy])"), "k"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)
# an English r after a vowel and before a consonant or the end is not written in katakana (Starmer スターマー)
_SILENT_R_RE = re.compile(r"(?<=[aeiou])r(?![aeiouy])")
# a syllable-final ng of Korean and Chinese romanization is written ン (Sang-woo サンウ, Choi Sang-mok チェ・サンモク,
# Wang ワン), where an English ng is ング (King キング: matched by the spelling as it is)
_FINAL_NG_RE = re.compile(r"(?<=[aeiou])ng(?![aeiouy])")
# the h of an aspirated consonant in South Asian and Arabic romanization is not written in katakana (Leghari レガリ,
# Bhutto ブット, Ghani ガニ, Dhaka ダッカ); tried beside the spelling, where an h that is sounded keeps its match
_ASPIRATE_RE = re.compile(r"(?<=[bdgk])h")
# an h closing a syllable of an Arabic or Persian name is written フ (Mahmood マフムード, Ahmad アフマド, Mehdi メフディ),
# and a d before a consonant as ト where German and Dutch names sound it so (Tugendhat トゥーゲントハット, Rudbeck
# ルトベック): tried beside the spelling, a vowel after each (the vowel katakana adds) so that no fold joins it to the
# next letter (th is one sound, toh two)
_CLOSING_H_RE = re.compile(r"(?<=[aeiou])h(?=[^aeiouyh])")
# an English name's final -y, -ey or -ie after a consonant is a long i, written ィー, リー, ニー (Carney カーニー, Denny
# デニー, Emily エミリー, Leslie レスリー): tried beside the spelling, where katakana writes the -ey or -ie it sees
_FINAL_Y_RE = re.compile(r"(?<=[^aeiou])(?:ey|ie|y)$")
_DEVOICED_D_RE = re.compile(r"(?<=[aeioun])d(?=[^aeiouyrd])")
# kh of Persian, Arabic and Russian names is written ハ行 (Khamenei ハメネイ, Kharkiv ハルキウ); a g before e, i or y is
# soft in English and French names (Farage ファラージ, George ジョージ); an m before b or p is ム where katakana
# follows the spelling (Dombrovskis ドムブロフスキス; the key folds it to n, as Shimbun is shinbun): each tried
# beside the spelling
_KH_RE = re.compile(r"kh")
_KHU_RE = re.compile(r"khu")  # フ: Khudairy フダイリ
# th sounded t in German, Dutch, Greek and Scandinavian names (Perthes ペルテス, Matthias マティアス, Roth ロート), tried
# beside the English reading as s (Smith スミス); the r before it kept (the spelling, not the English ear)
_TH_AS_T_RE = re.compile(r"th")
_HEPBURN = {"si": "shi", "ti": "chi", "tu": "tsu", "hu": "fu", "zi": "ji"}
_HEPBURN_RE = re.compile("|".join(_HEPBURN))
_SOFT_G_RE = re.compile(r"g(?=[eiy])")
_M_BEFORE_LABIAL_RE = re.compile(r"n(?=[bp])")


# a final h after a vowel is not sounded (Hezbollah ヒズボラ, Abdullah アブドラ, Hannah ハンナ); ou is an u in French and
# in the romanization of Arabic names (Bayrou バイル, Houthi フーシ, Youssef ユセフ), where the key folds it to o as
# Japanese romaji's long o; and a y between a vowel and a consonant is an i (Bayrou バイル, Ayman アイマン, Boyle
# ボイル): each tried beside the spelling
_SILENT_FINAL_H_RE = re.compile(r"(?<=[aeiou])h$")
# an x is written クス (Fux フクス, Max マックス, Alex アレックス) and a final -ay of a Turkish or Arabic name アイ (Oktay
# オクタイ, where the English Gray is グレイ: `_ENGLISH_HEARD`): tried beside the spelling
_X_RE = re.compile(r"x")
# a Scottish and English final -och is ック (Badenoch ベイドノック, Murdoch マードック, Enoch イーノック), where a German
# ch after a vowel is ッハ or ッヒ (Bach, Koch: no fold): tried beside the spelling
_FINAL_OCH_RE = re.compile(r"(?<=o)ch$")
_FINAL_AY_RE = re.compile(r"(?<=[^aeiou])ay$")
_OU_RE = re.compile(r"ou")
_VOWEL_Y_RE = re.compile(r"(?<=[aeiou])y(?=[^aeiouy])")


def _heard_u(latin: str) -> str:
    """A Latin name's key with its ou read as u and a y after a vowel as i (see `_OU_RE`), and an English oo as u
    with a final -y as i (Moody ムーディー, Rooney ルーニー, Booker ブッカー: the key folds oo to o); '' when it has
    none of them."""
    low = without_marks(latin).lower()
    if "ou" not in low and "oo" not in low and not _VOWEL_Y_RE.search(low):
        return ""
    heard = _VOWEL_Y_RE.sub("i", _OU_RE.sub("u", low))
    if "oo" in heard:
        heard = _FINAL_Y_RE.sub("i", _OO_RE.sub("u", heard))
    return name_key(heard)


_OO_RE = re.compile(r"oo")


_ADDED_FINAL_VOWEL_RE = re.compile(r"(?<=[^aeiou])[uo]$")
# English letters as katakana writes their sound: ew ニュー (Newsom ニューサム), igh ライ (Lightcap ライトキャップ), a ts
# within a name ツ (Sutskever スツケバー); tried beside the spelling
_ENGLISH_KANA = (
    (re.compile(r"ew"), "yuu"),
    (re.compile(r"igh"), "ai"),
    (re.compile(r"(?<=[aeiou])ts(?=[^aeiouy])"), "tsu"),
)

# How a name is read in the language it comes from, where its spelling is not English: each system's rewrites
# (applied together, on the folded key) give one more spelling to compare with the katakana, tried beside the
# English reading (Jansen is ヤンセン in Dutch, ジャンセン in English). Japanese reports write a foreign name as its
# own language sounds it: Moreau モロー (French eau, a final consonant not sounded, ain and in as アン: Saint-Martin
# サンマルタン), Herrera エレーラ and González ゴンサレス (Spanish h not sounded, z as s, j as h, ll as y; or as ジ,
# Llorca ジョルカ: `_part_spellings`), Schneider シュナイダー and Schulz シュルツ (German sch, ei, z as
# ts), Bianchi ビアンキ and Giorgia ジョルジャ (Italian ch as k, gi as j), Nowak ノバク (Polish w as v, sz, cz).
_SPELLING_SYSTEMS: tuple[tuple[tuple[re.Pattern[str], str], ...], ...] = tuple(
    tuple((re.compile(rx), repl) for rx, repl in system)
    for system in (
        # French
        ((r"e?au", "o"), (r"(?<=[aeioun])[tdsxz]$", ""), (r"(?<=e)r$", ""), (r"^h", ""),
         (r"ch", "sh"), (r"gn", "ny"), (r"oi", "wa"), (r"(?<=[aeiou])s(?=[aeiou])", "z"),
         (r"[ae]?in(?![aeiouy])", "an")),
        # Spanish and Portuguese
        ((r"^h", ""), (r"j", "h"), (r"z", "s"), (r"ll", "y"), (r"qu(?=[ei])", "k"), (r"ñ", "ny")),
        # German
        ((r"sch", "sh"), (r"ei", "ai"), (r"eu|äu", "oi"), (r"ie", "i"), (r"w", "v"), (r"tz|z", "tsu"), (r"j", "y"),
         (r"dt$", "t"), (r"er$", "a")),
        # Italian
        ((r"ch(?=[ie])", "k"), (r"gh", "g"), (r"gi(?=[aou])", "j"), (r"ci(?=[aou])", "ch"), (r"c(?=[ie])", "ch"),
         (r"sc(?=[ie])", "sh"), (r"gli", "ri"), (r"z", "tsu")),
        # Polish, Czech and the Netherlands
        ((r"w", "v"), (r"sz", "sh"), (r"cz", "ch"), (r"rz", "j"), (r"j", "y"), (r"oe", "u"), (r"ij", "ei")),
        # Russian and Ukrainian: ти as チ (Putin プーチン), в before а as ワ (Zakharova ザハロワ, Ivanova イワノワ), ж
        # as ジ (Zhukov ジューコフ), a y between consonants or at the end as イ (Volodymyr, Zelenskiy)
        ((r"ti", "chi"), (r"(?<=[aeiou])v(?=a)", "w"), (r"zh", "j"), (r"kh", "h"), (r"(?<=[^aeiou])y(?![aeiou])", "i"),
         (r"i+$", "i")),
        # English as it is heard (kept last: `sounds_like` reads a short name by it alone): a silent final e lengthening the vowel before it (Mike マイク, Pete ピート, Blake
        # ブレイク, Rose ローズ), ee / ea / ei / ie as a long i but wei as wai (Keith キース, Reed リード; Weidel ワイデル),
        # th as s, -ear and -eer as ia (Shear シアー, Greer グリア), a final oe as o (Joe ジョー), a first hu as フ (Hun
        # フン, Hussein フセイン), -er and -or after a consonant as アー and ay before a consonant as エイ (Taylor テイラー,
        # Rayner レイナー, Baylor ベイラー)
        ((r"e[ae]r$", "ia"), (r"(?<=[bcdfgklmnprstvz])[eo]r$", "a"), (r"(?<=w)ei", "ai"), (r"ee|ea|ei|ie(?!$)", "i"),
         (r"ay(?![aeiou])", "ei"), (r"^hu", "fu"), (r"th", "s"), (r"oe$", "o"),
         (r"(?<=[aeiou])s(?=e$)", "z"), (r"i(?=[bcdfgklmnprstvz]e$)", "ai"), (r"a(?=[bcdfgklmnprstvz]e$)", "ei"),
         (r"u(?=[bcdfgklmnprstvz]e$)", "yu"), (r"e(?=[bcdfgklmnprstvz]e$)", "i"), (r"(?<=[bcdfgklmnprstvz])e$", "")),
    )
)  # fmt: skip


# English letters not sounded and vowels as an English speaker says them, where katakana follows the sound, not the
# spelling: a first wr, kn, wh or gh (Wright ライト, Knight ナイト, Whitaker ウィテカー), a first ye as イエ (Yellen
# イエレン), igh (ライ), air (Blair ブレア), ur / ir / er and ar / or before a consonant (Turner ターナー, Summers サマーズ,
# Parker パーカー), a short u before two consonants (Hunt ハント, Summers), tz and a final ts as ツ (Kurtz カーツ), a
# long a before one consonant and an ending (Baker ベーカー / ベイカー, Gates ゲイツ, Mason メイソン), ay at the end
# (Gray グレイ, Hayes ヘイズ), ow (OW: `_heard_english`), and an unstressed final -us as アス (Caucus コーカス,
# Marcus). Applied before the English system (`_SPELLING_SYSTEMS`'
# last); the upper-case letters are ones that system leaves alone (its ei is a long i: Keith キース)
_ENGLISH_HEARD = tuple(
    (re.compile(rx), repl)
    for rx, repl in (
        (r"^wr", "r"), (r"^kn", "n"), (r"^gh", "g"), (r"^wh", "w"), (r"^ye", "IE"), (r"igh", "ai"), (r"air", "EA"),
        (r"^([bcdfghjklmnprstvwyz]{1,2})u(?=[bcdfgklmnpstvz](?:[bcdfgklmnpstvz]|[eo]rs?$))", r"\1a"),
        (r"a(?=[bcdfgklmnpstvz](?:er|or|es|on|y)$)", "EI"), (r"ay(?![aeiou])", "EI"),
        (r"(?<=[aeiouy])es$", "z"), (r"(?<=t)es$", "s"), (r"tz", "ts"), (r"ts$", "tsu"), (r"owe?$|ow", "OW"),
        (r"au(?![aeiouy])", "OW"), (r"(?<=[bcdfgklmnprtvz])us$", "as"),
        (r"(?<=[^aeiou])[eiu]r(?![aeiouy])", "a"), (r"ar(?![aeiouy])", "a"), (r"or(?![aeiouy])", "o"),
    )
)  # fmt: skip
# the u katakana adds between a stop or f and an r or l (グレイ gurei = Gray, ブレア burea = Blair, プレス)
_ADDED_U_RE = re.compile(r"(?<=[bdgkpf])u(?=[rl])")


@lru_cache(maxsize=16384)
def _heard_english(key: str) -> tuple[tuple[str, bool], ...]:
    """An English name key as it is said (`_ENGLISH_HEARD`, then the English system, a final -y as i, an unwritten
    r dropped), its ow as アウ (Fowler ファウラー) and as オー (Crowley クローリー, Rowe ロウ), each then with its ei as
    a long e (ベーカー beka and ベイカー beika are both Baker: marked True, to be compared only with a long vowel
    written); () when it reads as spelt."""
    said = _FINAL_Y_RE.sub("i", _folded(_folded(key, _ENGLISH_HEARD), _SPELLING_SYSTEMS[-1]))
    out: list[tuple[str, bool]] = []
    for ow in ("au", "o"):
        read = _SILENT_R_RE.sub("", said.replace("OW", ow).lower())
        if read != key and len(read) >= 3:
            out.append((read, False))
            if "ei" in read:
                out.append((read.replace("ei", "e"), True))
    return tuple(dict.fromkeys(out))


# the Spanish ll as Japanese reports often hear it, ジョ (Llorca ジョルカ), beside the y of the Spanish system
_PART_SYSTEMS = (*_SPELLING_SYSTEMS, tuple((re.compile(rx), repl) for rx, repl in ((r"ll", "j"), (r"z", "s"))))
_PARTS_RE = re.compile(r"-|ll", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _part_spellings(latin: str) -> tuple[str, ...]:
    """A hyphened name, or one with an ll, as each spelling system reads each part as written, before the key folds
    its letters (the French Saint-Martin: sain + martin, サンマルタン, the t closing a part not sounded; the Spanish
    Llorca: jorca, ジョルカ, its ll not yet one l); () for any other name (`_spellings` reads it; a name of words
    is compared word by word)."""
    if not _PARTS_RE.search(latin):
        return ()
    parts = [_NON_LETTER_RE.sub("", without_marks(p).lower()) for p in re.split(r"[-\s]+", latin)]
    parts = [p for p in parts if p]
    plain = _folded("".join(parts), _FOLDS)
    out = []
    for system in _PART_SYSTEMS:
        read = _folded("".join(_folded(p, system) for p in parts), _FOLDS)
        if read != plain and len(read) >= 4:
            out.append(read)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=16384)
def _spellings(key: str) -> tuple[str, ...]:
    """A Latin name key as each spelling system reads it (`_SPELLING_SYSTEMS`), those that change it."""
    out = []
    for system in _SPELLING_SYSTEMS:
        read = key
        for rx, repl in system:
            read = rx.sub(repl, read)
        if read != key and len(read) >= 2:
            out.append(read)
    return tuple(dict.fromkeys(out))


def _folded(key: str, folds: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for rx, repl in folds:
        key = rx.sub(repl, key)
    return key


def _sound(key: str) -> str:
    return _folded(key, _SOUND_FOLDS)


@lru_cache(maxsize=65536)  # each Latin person's spellings, compared again at every question across scripts
def _consonants(key: str) -> str:
    """A name key's consonants as katakana writes them (`_SKELETON_FOLDS`), with no length bound."""
    return _folded(key, _SKELETON_FOLDS)


def near_outline(latin: str, kana: str) -> bool:
    """Whether a Latin word and a katakana word may be one name, a cheap test before `sounds_like` over many words
    (an index's vocabulary): their consonants as katakana writes them (`_consonants`) start alike and number within
    two of each other."""
    mine, theirs = _consonants(name_key(latin)), _consonants(name_key(romanize(kana)))
    return bool(mine) and bool(theirs) and mine[0] == theirs[0] and abs(len(mine) - len(theirs)) <= 2


@lru_cache(maxsize=1)
def _dictionary_names() -> dict[str, frozenset[str]]:
    """Names no reading rule of their spelling gives (Michael マイケル, Lincoln リンカーン, Julius ユリウス), from JMnedict
    (`tools/make_foreign_names.py`): name key → katakana forms."""
    data = json.loads(resources.files("bot.data").joinpath("foreign_names.json").read_text(encoding="utf-8"))
    return {key: frozenset(kana) for key, kana in data["names"].items()}


@lru_cache(maxsize=16384)
def sounds_like(latin: str, kana: str) -> bool:
    """Whether a name in Latin letters is this katakana name: as the dictionary of names gives it (Michael
    マイケル: `_dictionary_names`), else by the rule of its spelling (`sounds_like_by_rule`)."""
    key = name_key(latin)
    if (bool(key) and kana in _dictionary_names().get(key, ())) or sounds_like_by_rule(latin, kana):
        return True
    # a letter with a caron or cedilla sounds as its English spelling, not as the plain letter `name_key` folds it to
    # (Lenarčič レナルチッチ, Babiš バビシュ, Erdoğan エルドアン)
    spelled = latin.translate(_SPOKEN_LETTERS)
    return spelled != latin and sounds_like_by_rule(spelled, kana)


_SPOKEN_LETTERS = str.maketrans(
    {
        "č": "ch",
        "Č": "Ch",
        "ć": "ch",
        "Ć": "Ch",
        "š": "sh",
        "Š": "Sh",
        "ś": "sh",
        "Ś": "Sh",
        "ş": "sh",
        "Ş": "Sh",
        "ž": "j",
        "Ž": "J",
        "ğ": "",
        "ł": "w",
    }
)


@lru_cache(maxsize=16384)
def sounds_like_by_rule(latin: str, kana: str) -> bool:
    """Whether a name in Latin letters is this katakana name as Japanese reports write it (Grossi = グロッシ,
    Bessent = ベッセント, Starmer = スターマー, Rubio = ルビオ): the same consonants (the vowels katakana adds and an
    unwritten r aside) and letters close enough (less close for five consonants or more). Three consonants or more;
    two only when the letters agree."""
    lk, kk = name_key(latin), name_key(romanize(kana))
    if not lk or not kk:
        return False
    # the vowel katakana adds after a name's last consonant (Naim ナイム naimu, Grossi's t of Kurt クルト) is no letter
    # of the name: a short name's letters are compared without it
    kk_short = _ADDED_FINAL_VOWEL_RE.sub("", kk)
    theirs = _consonants(kk)
    quiet = _SILENT_R_RE.sub("", lk)
    variants = (
        lk,
        quiet,
        _FINAL_NG_RE.sub("n", quiet),
        _ASPIRATE_RE.sub("", quiet),
        _CLOSING_H_RE.sub("fu", quiet),
        _DEVOICED_D_RE.sub("to", quiet),
        _folded(quiet, _ENGLISH_KANA),
        _KH_RE.sub("h", _KHU_RE.sub("fu", quiet)),
        _SOFT_G_RE.sub("j", quiet),
        _M_BEFORE_LABIAL_RE.sub("mu", quiet) if re.search(r"m[bp]", latin.lower()) else quiet,
        _SILENT_FINAL_H_RE.sub("", quiet),
        _heard_u(latin) or quiet,
        _X_RE.sub("kus", _FINAL_AY_RE.sub("ai", quiet)),
        _FINAL_OCH_RE.sub("kku", quiet),
    )
    # a short name spelled as Japanese romaji writes no syllable (si, ti, tu, hu, zi: シ, チ, ツ, フ, ジ), letter for
    # letter the katakana's (Sisi シシ, the two consonants one `_consonants` folds together)
    if len(lk) >= 3 and _HEPBURN_RE.sub(lambda m: _HEPBURN[m.group()], lk) in (kk, kk_short):
        return True
    # th as t: a reading the English ear does not give, held closer (Perthes ペルテス; Anthony is not アヌティン)
    as_t = _TH_AS_T_RE.sub("t", lk) if "th" in lk else ""
    if (
        as_t
        and _consonants(as_t) == theirs
        and fuzz.ratio(_sound(as_t), _sound(kk)) >= (80 if len(theirs) >= 3 else 90)
    ):
        return True
    for mine in dict.fromkeys(variants):
        skeleton = _consonants(mine)
        if skeleton != theirs or len(skeleton) < 2:
            continue
        close = max(fuzz.ratio(_sound(mine), _sound(kk)), fuzz.ratio(_sound(mine), _sound(kk_short)))
        # five consonants or more in the same order say the name already: the letters may differ more (CrowdStrike
        # クラウドストライク kuraudosutoraiku, ByteDance バイトダンス, where katakana adds a vowel after each consonant)
        if close >= (50 if len(skeleton) >= 5 else 60 if len(skeleton) >= 3 else 90):
            return True
    # read as its own language spells it, the name must come out nearly letter for letter: a reading that only
    # shares the consonants is a loose guess (Hashimoto read with a Spanish h is not サミット); so too an English
    # final -y read as a long i (Carney カーニー, not Hartley as ホテル)
    heard = _folded(lk, _SPELLING_SYSTEMS[-1])  # the English system's reading
    for mine in (*_spellings(lk), *_part_spellings(latin), _FINAL_Y_RE.sub("i", quiet)):
        # a name of three letters only as English sounds it (Rose ローズ is roz, Pete ピート pit): another language's
        # reading of one (Jan as Spanish han, Harris as French ari) is too loose a guess
        if mine in variants or len(mine) < (3 if mine == heard else 4) or _consonants(mine) != theirs:
            continue
        close = fuzz.ratio(_sound(mine), _sound(kk))
        if len(theirs) < 3 and mine == heard:  # a short English name letter for letter, but for the vowel katakana
            close = max(close, fuzz.ratio(_sound(mine), _sound(kk_short)))  # adds at its end (Mike マイク)
        if close >= (100 if len(theirs) < 3 else 85):
            return True
    # as an English speaker says it (`_heard_english`), nearly letter for letter too: against the katakana with the
    # vowel it adds after a consonant taken off (its last, and the u of グレ, ブレ)
    kana_keys = dict.fromkeys((kk, kk_short, _ADDED_U_RE.sub("", kk), _ADDED_U_RE.sub("", kk_short)))
    for mine, long_e in _heard_english(lk):
        # the long e read as ei only where katakana writes a long vowel (ベーカー Baker; ゲッツ is Getz, not Gates);
        # ツ only for a ts or tz (カーツ is Kurtz, not Kurt; ロバーツ Roberts, not ロバート)
        if (
            mine in variants
            or _consonants(mine) != theirs
            or (long_e and "ー" not in kana)
            or ("ts" in mine) != ("ts" in kk)
        ):
            continue
        # a final s, z as katakana hears it: ズ or ス (Summers サマーズ, Sanders サンダース), never シュ (Merz)
        said = _sound(mine)
        if kk.endswith(("su", "zu")):
            said, keys = said.replace("z", "s"), [_sound(k).replace("z", "s") for k in kana_keys]
        else:
            keys = [_sound(k) for k in kana_keys]
        if any(fuzz.ratio(said, k) >= (90 if len(theirs) < 3 else 85) for k in keys):
            return True
    return False


# pinyin's zh is katakana's ジ (Zhao ジャオ, Zhou ジョウ); an English -owe is a long o (Rowe ロウ, Bowe ボウ)
_PINYIN_ZH_RE = re.compile(r"^zh")
_SILENT_OWE_RE = re.compile(r"owe$")


def _short_key(name: str) -> str:
    """`name_key` with no bound on its length."""
    key = _NON_LETTER_RE.sub("", without_marks(name).lower())
    for rx, repl in _FOLDS:
        key = rx.sub(repl, key)
    return key


@lru_cache(maxsize=16384)
def sounds_near(latin: str, kana: str) -> bool:
    """Whether a surname in Latin letters may be this katakana surname where the given names beside them already
    agree (Carlos Ghosn, カルロス・ゴーン: Ghosn's s is not sounded): not `sounds_like` on its own, which a surname
    alone must pass. The same first consonant, one consonant more or fewer at most, and letters close (75) once the
    spelling's unsounded letters (`sounds_like`'s readings) and the vowel katakana adds at the end are set aside."""
    # a surname of two letters or three is one too (Rowe, ロウ: ro), held to its letters: the given names agree already
    lk, kk = _short_key(latin), _short_key(romanize(kana))
    if len(lk) < 2 or len(kk) < 2:
        return False
    theirs = _consonants(kk)
    kk_short = _ADDED_FINAL_VOWEL_RE.sub("", kk)
    quiet = _SILENT_R_RE.sub("", lk)
    readings = (lk, quiet, _ASPIRATE_RE.sub("", quiet), _PINYIN_ZH_RE.sub("j", quiet), _SILENT_OWE_RE.sub("o", quiet))
    for mine in dict.fromkeys((*readings, *(r for r, _ in _heard_english(lk)))):
        ours = _consonants(mine)
        if not ours or not theirs or ours[0] != theirs[0] or abs(len(ours) - len(theirs)) > 1:
            continue
        close = max(fuzz.ratio(_sound(mine), _sound(kk)), fuzz.ratio(_sound(mine), _sound(kk_short)))
        if len(mine) < 4:  # a short surname, its consonants and nearly its letters (Rowe ロウ; not ロス, nor Roy)
            if ours == theirs and close >= 90:
                return True
        elif close >= 75:
            return True
    return False
