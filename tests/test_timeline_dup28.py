"""Issue 12, round 28 (duplicates): a Japanese and an English report of one day that name one person in full (given
and family name in both) and share a plain word translated are one event; one name part alone, or the full name with
no word translated, is not. Features as the stores of two stories hold them (hidankyo2024, yashio2025)."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.event_match import same_event

IWAYA_JA = {  # 岩屋毅外相は18日の記者会見で、…核兵器禁止条約の第3回締約国会議について、…オブザーバー参加を見送ると正式に表明した。
    "tokens": [
        "~parliament",
        "~press_conference",
        "オブザバ",
        "ニュヨク",
        "会議",
        "兵器",
        "参加",
        "国連",
        "本部",
        "条約",
        "禁止",
        "締約",
        "連続",
        "過去",
    ],
    "persons": [83],
    "names": ["iwaya", "kokuren", "nipon", "nyuyoku", "takeshi"],
    "report": False,
    "subject": ["岩屋毅"],
}
IWAYA_EN = {  # Foreign Minister Takeshi Iwaya announced on Feb. 18 that Japan would not send an observer delegation.
    "tokens": ["delegation", "foreign", "observer", "send", "~announcement"],
    "persons": [86],
    "names": ["%brgn", "feb", "foreign", "foreignministertakeshiwaya", "iwaya", "takeshi"],
    "report": False,
    "act": ["~announcement"],
    "acts": ["~announcement", "~say"],
    "people": ["Iwaya", "Takeshi"],
}
ONO_JA = {  # 大野元裕知事は29日、「現場に流れ込む水の量を抑えなければならない。…」と述べ、協力を重ねて求めた。
    "tokens": ["~water_supply", "使用", "元裕", "協力", "現場"],
    "persons": [59],
    "names": ["%mthr", "motohiro", "ono"],
    "report": False,
    "act": ["~order"],
    "acts": ["~order", "~say"],
    "subject": ["大野元裕"],
}
ONO_EN = {  # Governor Motohiro Ono repeated that appeal on Wednesday, telling reporters the flow into the collapse site…
    "tokens": [
        "down",
        "flow",
        "governor",
        "kept",
        "repeated",
        "site",
        "telling",
        "~appeal",
        "~breakdown",
        "~press_conference",
    ],
    "persons": [63],
    "names": ["%gbrnr", "%mthr", "governor", "governormotohirono", "motohiro", "ono"],
    "report": False,
    "people": ["Motohiro", "Ono"],
}


def test_one_person_named_in_full_in_both_scripts_with_a_word_translated_is_one_event() -> None:
    assert same_event(IWAYA_JA, IWAYA_EN) > 0  # 参加 / observer … and Iwaya Takeshi in both
    assert same_event(IWAYA_EN, IWAYA_JA) > 0
    assert same_event(ONO_JA, ONO_EN) > 0  # 現場 / site, and Ono Motohiro in both


def test_one_name_part_alone_is_not_enough() -> None:
    en = {**IWAYA_EN, "names": ["%brgn", "feb", "foreign", "iwaya"], "people": ["Iwaya"]}
    assert same_event(IWAYA_JA, en) == 0
    ja = {**ONO_JA, "names": ["ono"]}
    assert same_event(ja, ONO_EN) == 0


def test_two_people_each_named_once_are_not_a_full_name() -> None:
    # openai2023: the hire announced, and the same two men in that day's television interviews (退社 / left)
    ja = {
        "tokens": ["#700", "~announcement", "~resignation", "マイクロソフト", "入社", "研究", "退社", "復帰"],
        "persons": [59, 66],
        "names": ["%mkrsbt", "%rtmn", "arutoman", "maikurosofuto", "nadera"],
        "report": False,
        "subject": ["ナデラ"],
        "people": ["アルトマン", "ナデラ"],
    }
    en = {
        "tokens": ["back", "door", "going", "interview", "left", "open", "television"],
        "persons": [72, 71],
        "names": ["%rtmn", "altman", "nadela"],
        "report": False,
        "people": ["Altman", "Nadella"],
    }
    assert same_event(ja, en) == 0


def test_the_full_name_without_a_word_translated_is_not_enough() -> None:
    en = {**ONO_EN, "tokens": ["governor", "repeated", "telling", "~appeal", "~breakdown", "~press_conference"]}
    assert same_event(ONO_JA, en) == 0


# --- one sentence, two entries: a day inside a clause that names a thing ------------------------------------------
# 「Xは10日、Yが4日に始めたTOBに反対すると表明した」: the 4th is the day of the thing the sentence's verb acts on (the
# bid), not of the sentence's act; its segment had been a second entry repeating the act on the wrong day. Sentences
# of our own, in the ways makino2025, balloon2023, unification2025 and butler2024 write it.


def _dated(body: str, published: str = "2025-04-12") -> list[tuple[str, str]]:
    from bot.extract.events import extract_events
    from bot.ingest.parse import parse_document

    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(r.date, r.summary) for r in rows]


def test_a_day_naming_the_thing_acted_on_is_no_second_entry() -> None:
    bid = _dated("工作機械大手の北山精機は10日、モーター大手の西川電産が4日に始めたTOBに反対すると表明した。")
    assert [d for d, _ in bid] == ["2025-04-10"]
    trip = _dated("ブリンケン国務長官は3日、5日から予定していた訪中を延期した。", "2023-02-04")
    assert [d for d, _ in trip] == ["2023-02-03"]
    appeal = _dated("教団は7日、東京地裁が先月25日に出した解散命令を不服として、東京高裁に即時抗告した。")
    assert [d for d, _ in appeal] == ["2025-04-07"]


def test_a_day_whose_own_verb_is_told_stays_an_entry() -> None:
    # the day's own happening, its verb not naming a thing: the summons of the 13th is an event of its own
    summons = _dated(
        "中国外務省は14日、孫副外相が13日夜に日本大使を呼び出し、厳正な申し入れを行ったと発表した。", "2025-11-15"
    )
    assert "2025-11-13" in [d for d, _ in summons]
    # a time the sentence's verb happened at (時点), and a fact named (こと): not a thing's day
    order = _dated("大統領は4日、1日に報告を受けた時点で撃墜を命じたと明らかにした。", "2023-02-05")
    assert "2023-02-01" in [d for d, _ in order]
    met = _dated("報道官は10日、大統領が6月29日に創設者と面会していたことを明らかにした。", "2023-07-11")
    assert "2023-06-29" in [d for d, _ in met]


def test_a_thing_that_is_the_day_s_happening_keeps_its_day() -> None:
    # an incident named by its day (起きた, 発生した, 破綻した): the day dates it, whatever the sentence's verb
    outage = _dated("同社は6日、7月19日に起きた世界的なシステム障害について暫定の調査報告書を公表した。", "2024-08-07")
    assert "2024-07-19" in [d for d, _ in outage]
    # the sentence goes on with what was done that day (…切り上げて帰国したことについて): a happening of that day
    early = _dated("首相は7日、6日に開かれた記念行事を途中で切り上げて帰国したことについて謝罪した。", "2024-06-08")
    assert "2024-06-06" in [d for d, _ in early]
