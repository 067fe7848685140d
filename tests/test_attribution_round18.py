"""Attribution, eighteenth round: a stance taken without a speech verb is the carried speaker's (「…の解放を訴えた」,
「停戦合意は歓迎した」, a body's acts through its paragraph), a sentence led by an agent no rule reads (「一方、Xは11日、
「…」と呼びかけた」) stops the speaker carried from before, and English acts a position is read from (`thanked`,
`boycotted`, `cast doubt on`, `threw its support behind`). Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.stance_acts import reports_stance_act
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-2, "北海鉄道", None, "body", [], None),
        ActorEntry(-3, "Rebuilding Korea Party", None, "body", [], None),
        ActorEntry(-4, "Andriy Yermak", None, "person", ["Yermak"], None),
        ActorEntry(-5, "People Power Party", None, "body", [], None),
        ActorEntry(-6, "Lee", None, "person", [], None),
    ]
)

OPENING = "山川一郎代表は11日、記者会見で「値上げは困る」と述べた。"


@pytest.mark.parametrize(
    "act",
    [
        "新線については建設の中止を求め、旧線では運賃の据え置きを訴えた。",
        "運賃の値上げ案は歓迎した。",  # a thing decided or proposed put first as the topic
        "料金の見直しも批判した。",
        "年内に再び値上げする可能性も否定しなかった。",
        "住民への連帯を表明。",  # the noun alone ends the sentence
    ],
)
def test_a_stance_act_without_a_speech_verb_is_the_carried_speakers(act: str) -> None:
    found = clause_texts(ACTORS, OPENING + act)
    assert act in found.get(-1, [])


def test_a_stance_act_opening_the_next_paragraph_is_the_carried_speakers() -> None:
    found = clause_texts(ACTORS, OPENING, "料金の見直しも批判した。")
    assert "料金の見直しも批判した。" in found.get(-1, [])


@pytest.mark.parametrize(
    "other",
    [
        "住民は反発した。",  # a subject of its own: the residents'
        "大雨で土砂崩れが発生した。",  # an event, no stance act
        "株価は大きく下落した。",
    ],
)
def test_a_sentence_that_is_not_a_stance_act_of_the_speaker_stays_unread(other: str) -> None:
    found = clause_texts(ACTORS, OPENING + other)
    assert other not in found.get(-1, [])
    assert reports_stance_act(other) is False


def test_a_body_goes_on_through_its_paragraph() -> None:
    text = "北海鉄道は10日、新線の計画に反対すると表明した。住民に対し、署名しないよう呼びかけた。既に署名した住民には撤回を求めた。"
    found = clause_texts(ACTORS, text)
    assert "既に署名した住民には撤回を求めた。" in found.get(-2, [])


def test_a_body_does_not_go_on_into_the_next_paragraph_past_another_subject() -> None:
    # (thirty-second round: a body whose sentence ends the paragraph goes on into the next one's opening report or
    # act, `tests/test_attribution_chain32.py`; a subject of another's ending the paragraph still stops it)
    found = clause_texts(ACTORS, "北海鉄道は10日、声明を出した。住民は反発した。", "新線の建設を中止するよう求めた。")
    assert "新線の建設を中止するよう求めた。" not in found.get(-2, [])


LED = OPENING + "一方、ローマ教皇レオ14世は12日、広場で「戦争はやめてほしい」と呼びかけた。運賃の値上げも批判した。"


def test_quote_a_sentence_led_by_an_unread_agent_and_a_date_is_not_the_speaker_before() -> None:
    at = LED.index("戦争はやめて")
    assert attribute(LED, at, at + 6, ACTORS, context=LED) == "ローマ教皇レオ14世"


def test_stance_a_sentence_led_by_an_unread_agent_and_a_date_stops_the_carry() -> None:
    found = clause_texts(ACTORS, LED)
    assert not any("戦争はやめて" in t or "運賃の値上げも批判" in t for t in found.get(-1, []))


def test_a_sentence_led_by_an_event_and_a_date_does_not_stop_the_carry() -> None:
    text = OPENING + "式典は12日、都内で開かれた。「運賃は据え置くべきだ」と訴えた。"
    at = text.index("運賃は据え置く")
    assert attribute(text, at, at + 6, ACTORS, context=text) == "山川"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The minor Rebuilding Korea Party threw its support behind Lee on Sunday.", -3),
        ("Andriy Yermak, head of the president's office, thanked Lee for a firm stance.", -4),
        ("The main opposition People Power Party boycotted the vote, citing questions over Lee's finances.", -5),
        ("Andriy Yermak also cast doubt on the special team the agency set up.", -4),
        ("Hours before the talks began, Andriy Yermak lashed out on social media.", -4),
    ],
)
def test_english_acts_a_position_is_read_from(text: str, actor: int) -> None:
    found = clause_texts(ACTORS, text)
    assert text in found.get(actor, [])


BODIES = ActorIndex(
    [
        ActorEntry(-1, "日本", "Japan", "state", ["日本政府"], None),
        ActorEntry(-2, "インド", "India", "state", ["インド政府"], None),
        ActorEntry(-3, "北海鉄道", None, "body", [], None),
        ActorEntry(-4, "FSA", None, "body", ["Financial Services Agency"], None),
        ActorEntry(-5, "Seven & i", None, "body", ["Seven & i Holdings"], None),
    ]
)


def test_what_a_company_referred_to_says_is_the_companys() -> None:
    said = "同社によると、部品の一部に不具合がある可能性があり、予防的な措置として運行を見合わせるという。"
    found = clause_texts(BODIES, "北海鉄道は22日、新型車両を導入すると発表した。", said)
    assert said in found.get(-3, [])


@pytest.mark.parametrize(
    ("passages", "said", "government"),
    [
        (["政府は2日、被災者を支援するため、緊急無償資金協力を実施すると発表した。"], "政府は2日", -1),
        (
            ["インド政府は23日、条約の履行を停止すると発表した。", "政府は同日、査証の免除も取り消した。"],
            "政府は同日",
            -2,
        ),
    ],
)
def test_the_government_is_the_one_named_before_else_a_japanese_reports_own(
    passages: list[str], said: str, government: int
) -> None:
    found = clause_texts(BODIES, *passages)
    assert any(t.startswith(said) for t in found.get(government, []))
    assert not any(t.startswith(said) for k, ts in found.items() if k != government for t in ts)


def test_a_report_datelined_abroad_does_not_make_the_government_japans() -> None:
    found = clause_texts(BODIES, "【ニューデリー共同】政府は23日、条約の停止を発表した。")
    assert not found.get(-1)


def test_a_regulator_is_the_agency_named_before_not_the_last_body() -> None:
    said = "The regulator stopped short of ordering a business suspension."
    found = clause_texts(
        BODIES, "The Financial Services Agency ordered the insurer to improve. Seven & i said it would comply. " + said
    )
    assert said in found.get(-4, [])
    assert said not in found.get(-5, [])


@pytest.mark.parametrize(
    "between",
    ["政府が一時「火災」と発表する混乱もあった。", "インド政府は23日、条約の履行を停止すると発表した。"],
)
def test_the_company_referred_to_is_never_a_state(between: str) -> None:
    said = "同社は「新線の計画に変わりはない」としている。"
    found = clause_texts(BODIES, "北海鉄道は22日、新型車両を導入すると発表した。" + between + said)
    assert said in found.get(-3, [])
    assert not any(said in t for k in (-1, -2) for t in found.get(k, []))


FUNDS = ActorIndex(
    [ActorEntry(-1, "エリオット", None, "body", [], None), ActorEntry(-2, "トランプ", None, "person", [], None)]
)


def test_a_body_under_its_full_katakana_name_is_the_subject() -> None:
    said = "米投資ファンドのエリオット・インベストメント・マネジメントは13日、現行の条件では応募しないと発表した。"
    found = clause_texts(FUNDS, said)
    assert any(t in said for t in found.get(-1, []))


def test_a_person_with_more_katakana_after_the_name_is_someone_else() -> None:
    found = clause_texts(FUNDS, "トランプ・ジュニア氏は13日、「父を支持する」と述べた。")
    assert not found.get(-2)


KOREANS = ActorIndex(
    [
        ActorEntry(-1, "チェ・サンモク", None, "person", [], None),
        ActorEntry(-2, "崔相穆", None, "person", [], None),
        ActorEntry(-3, "金二培", None, "person", [], None),
    ]
)


@pytest.mark.parametrize(
    ("said", "actor"),
    [
        ("チェ・サンモク（崔相穆）大統領代行は2日の会議で、点検で問題が見つかれば直ちに対応するよう指示した。", -1),
        ("チェジュ航空の金二培（キム・イベ）社長は同日夕、記者会見し、遺族に謝罪した。", -3),
    ],
)
def test_a_person_with_the_names_reading_in_brackets_before_the_title_is_the_subject(said: str, actor: int) -> None:
    found = clause_texts(KOREANS, said)
    assert any(t in said and len(t) > 30 for t in found.get(actor, []))
