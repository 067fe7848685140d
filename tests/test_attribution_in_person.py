"""Attribution: a speaker said to speak in person — 本人 or 自身 after a name's honorific or a title (「斎藤氏本人は」,
「首相自身が」, 「議員本人も」), a reflexive after an English speaker named after the quote (`"…," Ishiba himself
said`) — is the person named, not a phrase nobody is. A word that only ends so (日本人, 私自身) is not cut. Sentences
of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.attribution_ja import _without_self

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-2, "Hillman", None, "person", ["Dana Hillman"], None),
    ]
)


def _said(text: str, quote: str) -> str | None:
    start = text.index(quote)
    return attribute(text, start, start + len(quote), ACTORS, context=text)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "山川一郎知事の陣営が会見した。山川氏本人は25日、記者団に「法に触れることはしていない」と語った。",
            "法に触れることはしていない",
        ),
        ("支援者が集会を開いた。山川氏自身も「支援に感謝したい」と述べた。", "支援に感謝したい"),
        ("山川一郎知事が出席した。知事本人は「責任を痛感している」と語った。", "責任を痛感している"),
        ('Hillman\'s office issued a note. "I regret nothing," Hillman himself told reporters.', "I regret nothing"),
        ('The governor was asked again. "We will rebuild," Dana Hillman herself said.', "We will rebuild"),
    ],
)
def test_a_speaker_in_person_is_the_person(text: str, quote: str) -> None:
    assert _said(text, quote) == ("Hillman" if text.isascii() else "山川")


@pytest.mark.parametrize(
    ("phrase", "kept"),
    [("斎藤氏本人", "斎藤氏"), ("首相自身", "首相"), ("議員本人", "議員"), ("日本人", "日本人"), ("私自身", "私自身")],
)
def test_only_after_an_honorific_or_a_title(phrase: str, kept: str) -> None:
    assert _without_self(phrase) == kept
