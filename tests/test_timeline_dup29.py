"""Issue 12, round 29 (duplicates).

One article's happening told twice: after its lead (「…首席顧問に就任した」), a sentence whose topic is the happening
itself (「就任式は8日夜、首都の大統領府で行われ、…宣誓した」「演習は23日午前7時45分に始まった」「撃墜は米東部時間4日午後2時39
分」「事件は22日午後、…草原で起きた」) tells its hour, place and course: one entry, though the two share few other words
(bangladesh2024, taiwan2024, evtariffs2024, balloon2023, indiapak2025). A topic that names a party (「同社は」, a
person) is no happening, and a happening the lead does not name stays apart.

A Japanese and an English report of one day where the English one names a person it does not know as a person
("Javier Milei won Argentina's presidential run-off on Sunday", in a store where Milei is no actor): its capitalized
words sound as the Japanese report's person (ハビエル・ミレイ) and count as that person named in both (milei2023).

Sentences of our own, and features as the stores of the stories hold them."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.event_match import retold_in_one_article, same_event
from bot.extract.events import _theme, extract_events
from bot.ingest.parse import parse_document
from bot.store.clusters import match_events
from bot.store.store import event_members


def _clusters(body: str, published: str = "2024-05-24") -> list[tuple[int, str]]:
    """(cluster, summary) of each event of one article, clustered as the store clusters them."""
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    members = event_members(list(range(1, len(rows) + 1)), rows, int)
    return list(zip(match_events(members, {}, same_event), [r.summary for r in rows], strict=True))


@pytest.mark.parametrize(
    ("topic", "theme"),
    [
        ("就任式", ["~inauguration"]),
        ("演習", ["演習"]),
        ("合同演習", ["演習"]),
        ("撃墜", ["撃墜"]),
        ("今回の事件", ["事件"]),
        ("同社", []),  # a party
        ("政府", []),
        ("岸田首相", []),
        ("一連の不正を巡る捜査の結果として明らかになった事件", []),  # a long topic says more than which happening
    ],
)
def test_a_topic_that_names_a_happening_is_the_sentences_theme(topic: str, theme: list[str]) -> None:
    assert _theme(topic) == theme


def test_a_sentence_about_the_happening_after_the_lead_joins_it() -> None:
    got = _clusters(
        "中国軍の東部戦区は23日、台湾を取り囲む形で大規模な合同演習を始めたと発表した。"
        "演習は23日午前7時45分に始まり、台湾海峡の南北や離島の周辺も対象とした。"
    )
    assert len(got) == 2
    assert got[0][0] == got[1][0]


def test_an_inauguration_ceremony_told_after_the_appointment_joins_it() -> None:
    got = _clusters(
        "暫定政権のトップとして、経済学者の山川一郎氏が8日、首席顧問に就任した。"
        "就任式は8日夜、首都の大統領府で行われ、山川氏は「憲法を守る」と宣誓した。",
        published="2024-08-09",
    )
    assert len(got) == 2
    assert got[0][0] == got[1][0]


def test_a_party_s_doing_or_a_happening_the_lead_does_not_name_stays_apart() -> None:
    got = _clusters(
        "中国軍の東部戦区は23日、台湾を取り囲む形で大規模な合同演習を始めたと発表した。"
        "会談は23日夜、北京で開かれ、両国の外相が貿易問題を話し合った。"
    )
    assert len(got) == 2
    assert got[0][0] != got[1][0]


def test_the_theme_must_be_among_the_earlier_event_s_words() -> None:
    lead = {"tokens": ["~announcement", "合同", "演習", "台湾"], "subject": ["東部戦区"]}
    assert retold_in_one_article(lead, {"tokens": ["演習", "海峡"], "theme": ["演習"]})
    assert not retold_in_one_article(lead, {"tokens": ["会談", "北京"], "theme": ["会談"]})
    assert not retold_in_one_article(lead, {"tokens": ["演習", "海峡"]})  # no theme: a party's or a thing's sentence


MILEI_EN = {  # Libertarian outsider Javier Milei won Argentina's presidential run-off on Sunday by a wide margin, …
    "tokens": [
        "argentina",
        "fury",
        "inflation",
        "javier",
        "libertarian",
        "margin",
        "milei",
        "outsider",
        "presidential",
        "run-off",
        "voter",
        "wave",
        "wide",
        "~election_win",
    ],
    "persons": [],
    "names": ["%rbrtr", "%rgntn", "argentina", "javier", "javiermilei", "libertarian", "milei"],
    "report": False,
}
MILEI_JA = {  # 南米アルゼンチンで19日に行われた大統領選の決選投票で、右派のハビエル・ミレイ下院議員(53)が…マサ経済相を破り、初当選した。
    "tokens": [
        "~coalition",
        "~election_win",
        "~vote_count",
        "アルゼンチン",
        "下院",
        "候補",
        "南米",
        "右派",
        "経済",
        "議員",
    ],
    "persons": [59, 61],
    "names": ["%rsnchn", "aruzenchin", "habieru", "masa", "mirei", "nanbei", "seruhio"],
    "report": False,
    "act": ["~election_win"],
    "acts": ["~coalition", "~election_win", "~vote_count"],
    "people": ["セルヒオ", "ハビエル", "マサ", "ミレイ"],
}


def test_a_person_the_english_report_names_but_does_not_know_counts_as_named_in_both() -> None:
    assert same_event(MILEI_EN, MILEI_JA) > 0
    assert same_event(MILEI_JA, MILEI_EN) > 0


def test_a_place_that_sounds_alike_is_no_person_named_in_both() -> None:
    # the Japanese report's person is another (ロペス); Argentina / アルゼンチン is only the setting
    ja = {**MILEI_JA, "people": ["ロペス"], "names": ["aruzenchin", "ropesu"]}
    assert same_event(MILEI_EN, ja) == 0
    # nor a katakana topic that is not a person (a body, a place): only the Japanese report's persons are read so
    ja = {**MILEI_JA, "people": [], "subject": ["アルゼンチン"]}
    assert same_event(MILEI_EN, ja) == 0


# One person's words told as an apology in a lead and as said below (horizon2024), or as a criticism in Japanese and as
# said in English by the same minister named in full (bigmotor2023): a saying's kind is no other happening.
TOKITA_APOLOGY = {  # …富士通の時田隆仁社長は25日の決算会見で「非常に残念で申し訳なく思っている」と謝罪しました。
    "tokens": [
        "~apology",
        "~meeting",
        "~press_conference",
        "~regret",
        "事件",
        "冤罪",
        "決算",
        "申し訳",
        "規模",
        "郵便",
    ],
    "persons": [69],
    "names": ["%tkht", "fujitsu", "igirisu", "takahito", "tokita"],
    "report": False,
    "act": ["~apology"],
    "acts": ["~apology", "~meeting", "~press_conference"],
    "subject": ["富士通", "時田隆仁"],
}
TOKITA_SAID = {  # 25日、オンラインで開かれた決算会見で、時田社長は「…非常に残念で申し訳なく思っている」と述べました。
    "tokens": ["~meeting", "~press_conference", "~regret", "オンライン", "不安", "市民", "決算", "申し訳"],
    "persons": [69],
    "names": ["tokita"],
    "report": False,
    "act": ["~say"],
    "acts": ["~meeting", "~press_conference", "~say"],
}


def test_one_person_s_words_told_as_an_apology_and_as_said_are_one_event() -> None:
    assert same_event(TOKITA_APOLOGY, TOKITA_SAID) >= 0.5  # enough for two events of one article
    assert same_event(TOKITA_SAID, TOKITA_APOLOGY) >= 0.5


def test_another_person_s_saying_or_another_kind_of_act_stays_apart() -> None:
    other = {**TOKITA_SAID, "persons": [70], "names": ["suzuki"]}
    assert same_event(TOKITA_APOLOGY, other) < 0
    resigned = {**TOKITA_APOLOGY, "act": ["~resignation"], "acts": ["~resignation"]}
    assert same_event(resigned, TOKITA_SAID) < 0
    # two kinds of saying, neither told as plainly said: still two acts
    criticised = {**TOKITA_SAID, "act": ["~criticism"], "acts": ["~criticism"]}
    assert same_event(TOKITA_APOLOGY, criticised) < 0


def test_the_veto_keys_say_the_same() -> None:
    from bot.extract.event_match import event_sets, veto_key, vetoes

    for a, b in [
        (TOKITA_APOLOGY, TOKITA_SAID),
        (TOKITA_APOLOGY, {**TOKITA_SAID, "persons": [70], "names": ["suzuki"]}),
        (
            {**TOKITA_APOLOGY, "persons": [1], "names": ["shunichi", "suzuki"]},
            {**TOKITA_SAID, "persons": [2], "names": ["shunichi", "suzuki"]},
        ),
    ]:
        sa, sb = event_sets(a), event_sets(b)
        assert vetoes(veto_key(sa), veto_key(sb)) == (same_event(a, b) < 0)
