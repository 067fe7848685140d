"""Attribution: a speaker named after the quote with an abbreviated title (`said Sen. Ted Cruz`, `said Gov. Dana
Hillman`) is the person, not the title's first letters (the abbreviation's period ends no phrase), and the state a
titled lawmaker is "of" (`Sen. Ted Cruz of Texas`) is not part of the name. A body named so keeps its "of" (`said
the Bank of Japan`). Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "Hillman", None, "person", ["Dana Hillman"], None),
        ActorEntry(-2, "Bank of Japan", None, "body", [], None),
    ]
)


def _said(text: str, quote: str) -> str | None:
    start = text.index(quote)
    return attribute(text, start, start + len(quote), ACTORS, context=text)


@pytest.mark.parametrize(
    "text",
    [
        'Lawmakers seemed stunned. "That is utterly unacceptable," said Sen. Dana Hillman of Texas, the top Republican.',
        '"That is utterly unacceptable," said Gov. Dana Hillman.',
        '"That is utterly unacceptable," said Rep. Dana Hillman of New Mexico.',
        '"That is utterly unacceptable," said Gen. Hillman.',
    ],
)
def test_an_abbreviated_title_after_the_quote(text: str) -> None:
    assert _said(text, "That is utterly unacceptable") == "Hillman"


def test_a_body_keeps_its_of() -> None:
    assert _said('"Rates will rise," said the Bank of Japan.', "Rates will rise") == "Bank of Japan"
