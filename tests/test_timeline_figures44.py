"""A Japanese and an English report of one day that state the same figure (a count or an amount) and share a plain word
translated or a name read alike are one happening (`event_match._same_figure`); the figures are read as the wires
write them too ("$100m", "£2.2bn", "¥15tn", "12.4 per cent") and a large figure told to its fraction matches the
same figure told whole (「4451円28銭安」 / "4,451.28 points"). Not a share alone, not a figure alone, not two people
named apart, not two reports in one script, not a report dated only by its month. Sentences of our own."""

from __future__ import annotations

import re

import pytest

from bot.extract.event_words import number_terms
from bot.extract.events import same_event
from tests.article_events import event_dict

features = event_dict


@pytest.mark.parametrize(
    ("english", "japanese"),
    [
        ("The regulator is seeking more than $100m in damages", "規制当局は1億ドル超の損害賠償を求めた"),
        ("a loss of £2.2bn for the year", "22億ポンドの損失"),
        ("a ¥15tn stimulus package", "15兆円の経済対策"),
        ("The group raised $49.5m from investors", "4950万ドルを調達した"),
        ("shares fell 12.4 per cent", "株価は12.4%下落した"),
        ("about €3bn of bonds", "約30億ユーロの債券"),
    ],
)
def test_an_abbreviated_amount_is_the_amount(english: str, japanese: str) -> None:
    found = number_terms(english)
    assert found and found == number_terms(japanese)


@pytest.mark.parametrize(
    ("japanese", "english"),
    [
        ("約4千人が集まった", "about 4,000 people gathered"),
        ("住民1万2千人が避難した", "12,000 residents fled"),
        ("2億5千万円を寄付した", "donated 250 million yen"),
        ("4兆6千億円程度の予算", "a budget of 4.6 trillion yen"),
        ("3千億円の赤字", "a loss of ¥300bn"),
    ],
)
def test_a_count_of_thousands_is_read_within_its_group(japanese: str, english: str) -> None:
    found = number_terms(japanese)
    assert found and found == number_terms(english)


def test_what_is_no_amount_is_not_read_as_one() -> None:
    assert number_terms("千葉県で大雨が降った") == set()  # 千 as a place's letter, no figure before it
    assert number_terms("She ran the 100m in 11 seconds") == {"#100", "#11"}  # no currency: a distance
    assert number_terms("a 65mn-strong team") == {"#65"}
    assert number_terms("at 141.7 yen to the dollar") == {"#141.7"}  # a rate: no whole part read


def test_a_large_figure_told_to_its_fraction_is_the_whole_figure_too() -> None:
    assert "#4451" in number_terms("The index closed down 4,451.28 points")
    assert "#4451" in number_terms("平均株価は4451円28銭安で取引を終えた")
    assert "#141" not in number_terms("141.7 yen")  # below a thousand, a fraction is the figure


# The same figure with a plain word translated (支払い / payment), a name read alike (ロイヤル / Royal), or two figures.
SUED_JA = "司法省は18日、両社に1億ドル超の支払いを求めて提訴した。"
SUED_EN = "The civil claim, filed on Wednesday, seeks more than $100m in payment from the two firms."
LOSS_JA = "ロイヤル社は3日、英国で4億5000万ポンドの赤字を計上した。"
LOSS_EN = "Royal posted a £450m loss in Britain on Monday."
CLOSED_JA = "平均株価は5日、4451円28銭安と過去最大の下落となり、下落率は12.4%に達した。"
CLOSED_EN = "The benchmark closed down 4,451.28 points, or 12.4%, on Monday."
PAIRS = [(SUED_JA, SUED_EN), (LOSS_JA, LOSS_EN), (CLOSED_JA, CLOSED_EN)]


@pytest.mark.parametrize(("ja", "en"), PAIRS)
def test_the_same_figure_with_a_word_or_a_name_is_one_happening(ja: str, en: str) -> None:
    a, b = features(ja), features(en)
    assert same_event(a, b) > 0
    assert same_event(b, a) > 0


@pytest.mark.parametrize(("ja", "en"), PAIRS)
def test_the_figure_is_what_joins_them(ja: str, en: str) -> None:
    # the same reports with their figures left out share too little
    a = features(re.sub(r"[0-9][0-9万億銭円ドルポンド]*(超)?(安と)?", "", ja))
    b = features(re.sub(r"[$£]?[0-9][0-9,.]*m?( points)?", "", en))
    assert not any(t.startswith("#") for t in (*a["tokens"], *b["tokens"]))
    assert same_event(a, b) == 0


def test_a_share_alone_is_not() -> None:
    # a rate many happenings of a day state: 15% tariffs, and a word in common (関税 / tariff)
    a = features("政府は10日、鉄鋼に15%の関税を課すと発表した。")
    b = features("Carmakers said the 15% tariff would hurt exports to the bloc.")
    assert same_event(a, b) == 0


def test_a_figure_alone_is_not() -> None:
    # the same count, nothing else in common: two happenings of the day
    a = features("県は23日、仮設住宅3万2000戸の建設を始めた。")
    b = features("About 32,000 fans filled the stadium on Thursday.")
    assert same_event(a, b) == 0


def test_two_people_named_apart_are_not() -> None:
    a = features(SUED_JA, persons=[3])
    b = features(SUED_EN, persons=[4])
    assert same_event(a, b) == 0


def test_a_report_dated_by_its_month_is_not() -> None:
    assert same_event(features(SUED_JA, vague=True), features(SUED_EN)) == 0


def test_two_reports_in_one_script_go_by_their_own_rules() -> None:
    # one figure and nothing else shared in English: the figure asks an event word or a person there
    a = features("About 32,000 residents were in shelters on Thursday.")
    b = features("About 32,000 fans filled the stadium on Thursday.")
    assert same_event(a, b) == 0
