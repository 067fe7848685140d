"""`tools/statement_forms.py`: the form of a not-attributed statement's sentence, so the class can be counted by
mechanism on a check story without reading it. Sentences of our own, one per form."""

from __future__ import annotations

import pytest

from tools.statement_forms import FORMS, has_subject, speech_form, statement_form


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("Rates will rise again, according to a person familiar with the plan.", "according"),
        ("The minister was quoted as saying the plan was dead.", "quoted"),
        ("両首脳は会談後、協力を続けると確認した。", "plural"),
        ("Both leaders said the talks had gone well.", "plural"),
        ("北海鉄道の広報担当は「運賃は据え置く」と答えた。", "spokesperson"),
        ("The White House said the president would decide within two weeks.", "spokesperson"),
        ("市内の男性会社員は「困る」と話した。", "member"),
        ('"We will not back down," said Sen. John Moss of Ohio, the panel\'s top Democrat.', "after_quote"),
        ("「値上げは困る」と、山川氏は述べた。", "after_quote"),
        ("同相は「値上げは困る」と述べた。", "title_ref"),
        ("- ただし県は、利用を控えるよう求める可能性があるとしています。", "title_ref"),
        ("市長は、危険性を知らされていなかったと主張している。", "title_ref"),
        ("孫氏は「決して許さない」と主張した。", "short_name"),
        ("Ms Park said the families would not accept the findings.", "short_name"),
        ("Hana said the rules must change.", "short_name"),
        ('Kenji Mori, chairman of the Harbor Party, which backs the coalition, told a rally: "No."', "apposition"),
        ("Central Bank Governor Kenji Mori signalled that further hikes could follow.", "apposition"),
        ("野党のハンナ・シュミット共同党首は「手は差し伸べられている」と述べた。", "apposition"),
        ("title: 港湾ストが終結、組合「勝利だ」", "headline"),
        ("そのうえで「値上げは困る」と強調した。", "continued"),
        ("新線の計画には譲歩が含まれていないと批判した。", "no_subject"),
        ("The storm hit the coast at dawn.", "act"),
    ],
)
def test_each_form(sentence: str, form: str) -> None:
    assert form in FORMS
    assert statement_form(sentence) == form


def test_a_subject_is_a_person_a_name_or_a_body_never_a_topic_of_speech() -> None:
    assert has_subject("山川氏は批判した。")
    assert has_subject("北海銀行は反発した。")
    assert not has_subject("和平案には譲歩が含まれていないと批判した。")
    assert not has_subject("条約は「…」停止するという。")


def test_an_act_is_no_speech_form() -> None:
    assert not speech_form("The storm hit the coast at dawn.")
    assert speech_form("山川氏は「困る」と述べた。")
