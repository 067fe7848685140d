"""A bare role (担当者, 広報担当者) opening the sentence after its body's: 「独VWは声明で…表明した。広報担当者は「…」と
批判した」 is the body's spokesperson, as in one sentence (「日本航空も会見を開き、担当者は「…」」); and a company after
its country's one-kanji abbreviation (独フォルクスワーゲン, 米テスラ) is the company (evtariffs2024's VW; the pattern in
boeing2024's ANA paragraph and gaza2025's 米ホワイトハウス). Sentences of our own, in the shape news reports take."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.attribution_ja import attribute_ja, classify


def _speaker(text: str, quote: str, actors: ActorIndex) -> str | None:
    at = text.index(quote)
    return attribute_ja(text, at, at + len(quote), actors)


def test_a_bare_role_after_its_bodys_sentence_is_the_bodys(actors: ActorIndex) -> None:
    text = "シーメンスは声明で、決定に反対する立場を表明した。広報担当者は「欧州の産業にとって打撃だ」と批判した。"
    assert _speaker(text, "欧州の産業", actors) == "シーメンスの広報担当者"
    text = "ルノーは新型機を20機発注する計画だ。担当者は「現時点で計画に変更はない」と話す。"
    assert _speaker(text, "現時点で", actors) == "ルノーの担当者"


def test_a_bare_role_after_a_persons_sentence_stays_bare(actors: ActorIndex) -> None:
    text = "ルノーの山田太郎社長は記者会見で計画を説明した。担当者は「現時点で変更はない」と話す。"
    assert _speaker(text, "現時点で", actors) == "担当者"


def test_a_company_after_its_countrys_abbreviation_is_the_company(actors: ActorIndex) -> None:
    found = classify("独シーメンス(SIE)", actors)
    assert found is not None and (found.kind, found.display) == ("org", "シーメンス")
    assert classify("英メディア", actors) is None  # a common noun after the abbreviation is still none
    text = (
        "独シーメンス(SIE)は声明で、決定に反対する立場を表明した。広報担当者は「欧州の産業にとって打撃だ」と批判した。"
    )
    assert _speaker(text, "欧州の産業", actors) == "シーメンスの広報担当者"
