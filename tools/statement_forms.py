"""The form of a not-attributed statement's sentence: how news text carries its speaker (FORMS), so that the
not-attributed class can be counted by mechanism on a check story without reading its sentences.

The first form that fits wins, in FORMS' order (the more particular before the plain ones); `act` is a sentence
with no speech verb of the attribution rules, `other` one that has a speech verb and fits no form.
"""

from __future__ import annotations

import re
from functools import lru_cache

FORMS = (
    "relayed",
    "according",
    "quoted",
    "statement",
    "plural",
    "spokesperson",
    "member",
    "voices",
    "answer",
    "government",
    "after_quote",
    "continued",
    "title_ref",
    "short_name",
    "apposition",
    "headline",
    "no_subject",
    "act",
    "other",
)

_JAPANESE_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")
_QUOTED_RX = re.compile(r"「[^「」]*」|『[^『』]*』|[\"“][^\"“”]*[\"”]")
_BODY_ENDINGS = "社|党|省|庁|会|団|組合|政府|県|市|軍|機構|協会|グループ|委員会|局|大学|銀行|連合"
_SPOKES_JA = r"報道官|報道局長|広報(?:担当者?|部)?(?:は|が|によると)|報道担当者?"
_FORM_RX: dict[str, re.Pattern[str]] = {
    # passed on through someone else: 〜と伝えた, 〜によると…という, "X told Y that …", 〜から…という申し出
    "relayed": re.compile(
        r"と伝え|と[^、。「」]{1,12}が(?:伝え|報じ)|によると|によれば|から[^。]{0,40}(?:申し出|連絡|説明)が"
        r"|\btold (?!reporters)\w+ that\b"
    ),
    # an English source named by a preposition: "according to X", "X, according to a statement"
    "according": re.compile(r"\b[Aa]ccording to\b|の話では|の指摘によれば"),
    # a passive report of speech: "was quoted as saying", "was cited as", 〜と報じられた
    "quoted": re.compile(r"\b(?:was|were|is) (?:quoted|cited) (?:as|by)\b|と報じ(?:られ|た)|\bwas reported\b"),
    # a statement, a release, a comment, a letter, a ruling issued: 声明は…としている, 発表文で, "the statement said"
    "statement": re.compile(
        r"声明|発表文|書簡|文書で|報告書|取りまとめ|判決は|決定は|意見書|コメントを(?:出|発表)|としている|としており"
        r"|\b(?:the|a|in a|in its) (?:statement|letter|report|ruling|filing)\b"
    ),
    # several speakers at once: 両首脳, 両氏, 両社, 首脳らは, "both leaders", "the two parties", "They say"
    "plural": re.compile(
        r"両(?:首脳|氏|社|党|国|政府|者)|首脳ら|(?:者|員|家)らは|\b[Tt]hey (?:say|said|told|added)\b"
        r"|\b(?:[Bb]oth|[Tt]he two) (?:leaders|sides|parties|companies|countries|men|governments)\b"
        r"|\b[Tt]he leaders of\b"
    ),
    # a spokesperson or press office of a body: 報道官, 広報担当者, "a company spokesperson said"
    "spokesperson": re.compile(
        rf"{_SPOKES_JA}|\bspokes(?:person|man|woman)\b|\bpress (?:office|secretary)\b"
        r"|\b(?:[Tt]he White House|[Tt]he Kremlin|Downing Street|['’]s office) (?:had |has )?(?:said|told|added)\b"
    ),
    # an unnamed member standing for a kind of body: 同庁幹部, 政府関係者, 外務省筋, "a ministry official"
    "member": re.compile(
        r"幹部|関係者|筋|担当者|職員|事務局|編集部|(?:男性|女性)[^、。「」]{0,8}(?:は|が)|(?:法人|団体)の代表"
        r"|\bofficials?\b|\bexecutives?\b|\bmember of\b"
    ),
    # voices from a group: 株主からは「…」と厳しい意見, 野党議員からも「…」との声
    "voices": re.compile(
        r"から(?:は|も)?[、,]?\s*[「『][^」』]*[」』].{0,12}(?:声|意見|批判|指摘)|からは[^「」]{0,8}の声"
    ),
    # an answer to a question put to the speaker, or an interview's Q&A: 問われると, ―…, "Asked about …", "In an interview"
    "answer": re.compile(
        r"(?:問われ|聞かれ|尋ねられ|質問され)(?:ると|て|、)|との問いに|インタビュー|^\s*(?:―|—|Q[.．:：])|\bAsked\b"
        r"|\b(?:in|an) interview\b"
    ),
    # a government for its country: 香港政府, 中国外務省, 行政長官, "South Korea's Foreign Ministry"
    "government": re.compile(
        r"政府|外務省|行政長官|当局|['’]s (?:[Ff]oreign|[Dd]efen[cs]e) [Mm]inistry|\bgovernment\b"
    ),
    # the speaker named after the quote: 「…」と、Xは / "…," said X / "…," X said
    "after_quote": re.compile(
        r"[」』]と、|[,?!][\"”] (?:[A-Za-z0-9][\w.'’-]*,? ){0,14}(?:said|says|added|told|wrote)\b"
    ),
    # a sentence carrying the speaker before: 「…」とも訴えた, …考えも示した, "It added that", "He said"
    "continued": re.compile(
        r"とも(?:述べ|語|訴え|強調|指摘|話|説明|付け加え)|[考方][えに針]も示|^\s*[「\"“]|\b(?:It|He|She) (?:added|said)\b"
        r"|[,?!.][\"”] (?:he|she|they|it) (?:said|added|told)\b"
    ),
    # the speaker by a title alone or 同+title, named earlier in the item: 同氏は, 同相は, 市長は, "the minister said"
    "title_ref": re.compile(
        r"(?:^|、)\s*同(?:氏|相|長官|首相|大統領|社長|会長|知事|市長|委員長|代表)(?:は|が|も)"
        r"|^\s*(?:-\s*)?(?:(?:ただし|一方|また|さらに|なお|これに対し)、?)?(?:首相|大統領|知事|市長|長官|社長|会長|委員長|新教皇|教皇|選管|県|市|国)(?:は|が|も)"
        r"|\b[Ii]ts (?:new |former )?(?:president|chief executive|chairman|spokesperson|founder) said\b"
        r"|\b[Tt]he (?:minister|president|premier|governor|mayor|lawyer|attorney|regulator|chairman|chief|"
        r"pope|prime minister|secretary|prosecutors?|judge|company|agency|ministry|party) (?:said|told|added|has)\b"
    ),
    # a person by one part of the name, given in full earlier: 孫氏は, 章浩氏は, "Ms Kim said", "Lin said"
    "short_name": re.compile(
        r"(?:^|、|\s)(?:[一-龥]{1,3}|[ァ-ヺー]{2,8})(?:氏|師)(?:本人)?(?:は|が|も)"
        r"|^\s*(?:M[rs]s?\.?|Dr\.?) [A-Z][\w'’-]+ (?:said|told|added|warned|has)\b"
        r"|^\s*(?:[A-Z][a-z]+, )?[A-Z][a-z'’-]+,? (?:said|told|added|later|has said)\b"
    ),
    # a name and a role side by side: "X, chairman of …, told", AfDのX共同党首は, メルツCDU党首は
    "apposition": re.compile(
        r"^\s*(?:The (?:[a-z]+ )?)?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*(?: \([^)]*\))?(?:, [^,.]{3,120}){1,3},"
        r" (?:\w+ ){0,3}(?:said|told|has|had|was)\b"
        r"|\b(?:Chair|Chairman|Governor|President|Prime Minister|Minister|Secretary|CEO|Sen\.|Rep\.|Mayor|Director)"
        r" [A-Z][\w'’-]+ [A-Z][\w'’-]+ (?:\w+ ){0,3}(?:said|told|signall?ed|called|warned)\b"
        r"|[一-龥ァ-ヺA-Za-z・ー]{2,}(?:党首|代表|外相|首相|大臣|社長|会長|局長|長官|委員長|アナリスト|執行[役職][員]?|コミッショナー|議員|相)"
        r"(?:は|が|も)|大手の[^、。「」]{2,24}(?:は|が)"
    ),
    # the statement is in the headline or a title line: "title: …"
    "headline": re.compile(r"^\s*title:|^\s*【[^】]+】"),
}


# a sentence with no subject of its own that opens on "on top of that" goes on from the speaker before
_GOES_ON_RX = re.compile(r"\s*(?:-\s*)?(?:そのうえで|その上で|さらに|また|一方で)")


def _unquoted(sentence: str) -> str:
    return _QUOTED_RX.sub("「」", sentence)


@lru_cache(maxsize=1)
def _speaker_subject_rx() -> re.Pattern[str]:
    from bot.extract.roles import vocabulary

    titles = "|".join(map(re.escape, vocabulary().ja_titles))
    return re.compile(rf"(?:氏|さん|師|[ァ-ヺー]{{3,}}|{titles}|{_BODY_ENDINGS})(?:は|が|も)(?![らりるれろっ])")


def has_subject(sentence: str) -> bool:
    """A Japanese sentence names a speaker of its own outside its quotes: a は, が or も after a person (氏, さん, a
    title), a katakana name or a body's ending (「条約は」, 「和平案には」 name none)."""
    return bool(_speaker_subject_rx().search(_unquoted(sentence)))


def english_window(sentence: str, evidence: str) -> str:
    """An English paragraph cut to the sentence holding the evidence and the one before it."""
    if not evidence or _JAPANESE_RX.search(sentence):
        return sentence
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", sentence)
    at = next((i for i, p in enumerate(parts) if evidence in p), None)
    return sentence if at is None else " ".join(parts[max(0, at - 1) : at + 1])


def _spoken(sentence: str) -> bool:
    """The sentence holds a speech verb of the attribution rules (English or Japanese)."""
    from bot.extract.attribution_ja import speech_verb
    from bot.extract.roles import vocabulary

    if _JAPANESE_RX.search(sentence):
        return speech_verb(sentence)
    return any(re.search(rf"\b{re.escape(v)}\b", sentence) for v in vocabulary().en_speech_verbs)


def statement_form(sentence: str, evidence: str = "") -> str:
    """Which of FORMS a not-attributed statement's sentence takes (see the module's doc)."""
    sentence = english_window(sentence, evidence)
    for form, rx in _FORM_RX.items():
        if rx.search(sentence):
            return form
    if _JAPANESE_RX.search(sentence) and not has_subject(sentence):
        return "continued" if _GOES_ON_RX.match(sentence) else "no_subject"
    return "other" if _spoken(sentence) else "act"


def speech_form(sentence: str, evidence: str = "") -> bool:
    """The sentence is told as speech: a form of FORMS other than an act, or a speech verb."""
    return statement_form(sentence, evidence) not in ("act", "no_subject") or _spoken(
        english_window(sentence, evidence)
    )
