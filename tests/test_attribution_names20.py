"""Attribution, twentieth round: the person, not their body, speaks when the report names the body, the person and
an office of two titles (「日本被団協の田中熙巳代表委員は」: 代表 + 委員), a surname before a given name of kanji the
dictionary does not know (田中熙巳), and a name's reading in brackets between the name and さん
(「代表委員の田中熙巳(てるみ)さん(92)は」). Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.roles import looks_like_name, title_suffix

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "北海被災者団体協議会", None, "body", ["北海被団協"], None),
        ActorEntry(-2, "東西労働組合", None, "body", ["東西労組"], None),
    ]
)


def _speaker(text: str, quote: str) -> str | None:
    start = text.index(quote)
    return attribute(text, start, start + len(quote), ACTORS, context=text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("会見で、北海被団協の田中熙巳代表委員は「補償はまだ終わっていない」と語気を強めた。", "田中熙巳"),
        ("会見で、北海被団協の箕牧智之代表委員は「補償はまだ終わっていない」と述べた。", "箕牧智之"),
        ("東西労組の山田太郎代表委員が「補償はまだ終わっていない」と訴えた。", "山田太郎"),
        ("両国は7日に協議した。タイのナタポン国防相代行は協議後、「補償はまだ終わっていない」と語った。", "ナタポン"),
    ],
)
def test_a_person_with_an_office_of_two_titles_after_the_body_speaks(text: str, want: str) -> None:
    assert _speaker(text, "補償はまだ終わっていない") == want


def test_a_reading_in_brackets_between_the_name_and_san() -> None:
    text = (
        "北海被災者団体協議会(北海被団協)は12日、記者会見を開いた。代表委員の田中熙巳(てるみ)さん(92)は、"
        "首相がかつて言及した「核共有」について問われ、「核共有などは論外だ」と語気を強めた。"
    )
    assert _speaker(text, "核共有などは論外だ") == "田中熙巳"


def test_the_body_with_an_office_and_no_name_is_no_person() -> None:
    assert (
        _speaker("北海被団協の代表委員は「補償はまだ終わっていない」と述べた。", "補償はまだ終わっていない") != "代表"
    )


@pytest.mark.parametrize(
    ("head", "want"),
    [
        ("田中熙巳代表委員", ("田中熙巳", "代表委員")),
        ("林芳正官房長官", ("林芳正", "官房長官")),
        ("トヨタ社長", ("トヨタ", "社長")),
        ("ナタポン国防相代行", ("ナタポン", "国防相代行")),
    ],
)
def test_title_split(head: str, want: tuple[str, str]) -> None:
    assert title_suffix(head) == want


def test_a_surname_before_an_unknown_given_name_is_a_name() -> None:
    assert looks_like_name("田中熙巳")
    assert not looks_like_name("田中代表")


def test_english_body_office_name_is_the_person() -> None:
    text = '"Compensation is not over," Hidankyo co-chair Terumi Tanaka said at a news conference.'
    assert _speaker(text, "Compensation is not over,") == "Terumi Tanaka"


@pytest.mark.parametrize(
    "text",
    [
        "Island leader Jens Olsen visited the capital on Monday. Standing alongside Prime Minister Anna Berg last "
        'week, Olsen sent a pointed message to Washington. "We will never be for sale," he said.',
        "Jens Olsen, a co-chair of the group, was at home when the news came. Speaking to reporters later in the "
        'evening, Olsen drew a parallel with the war. "We will never be for sale," he said.',
    ],
)
def test_he_after_an_opening_clause_is_the_main_subject(text: str) -> None:
    """A name inside the opening participle clause is not who 'he' is next: the subject after its comma is."""
    assert _speaker(text, "We will never be for sale,") == "Jens Olsen"
