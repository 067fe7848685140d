"""People named with an office news text writes around a name: the title after a Japanese name (上院議員, 高等弁務官,
枢機卿, 最高指導者), an abbreviated title before an English one ("Gov.", "Gen."), a body's head in lower case
("Komeito leader Tetsuo Saito", "Hamas chief Yahya Sinwar"). Each is found as an article's person, so a user who
types the person in the other script (斉藤 for Saito, Sanders for サンダース) or with the office finds them."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.discover import discover_actors
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.resolve import resolve_visible_actor, typed_forms
from bot.store import Store


def _names(actors: ActorIndex, text: str) -> dict[str, str | None]:
    return {a.name: a.description for a in discover_actors([ParsedPassage(text=text)], actors)}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("左派のサンダース上院議員は6日に声明を出し、「驚くことではない」と述べた。", "サンダース", "上院議員"),
        ("民主党のペロシ下院議員は「受け入れられない」と批判した。", "ペロシ", "下院議員"),
        ("菊地功枢機卿は記者団に「選挙運動のようなことはしない」と語った。", "菊地", "枢機卿"),
        ("国連のグテーレス事務総長とバチェレ高等弁務官が懸念を示した。", "バチェレ", "高等弁務官"),
    ],
)
def test_a_japanese_name_before_an_office(actors: ActorIndex, text: str, name: str, title: str) -> None:
    assert _names(actors, text).get(name) == title


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Komeito leader Tetsuo Saito on Wednesday asked the prime minister to launch talks.", "Saito"),
        ("Hamas chief Yahya Sinwar vowed to fight on.", "Sinwar"),
        ("NTSB chair Jennifer Homendy told reporters the bolts were missing.", "Homendy"),
        ("Labour leader Hannah Corwin's plan was welcomed.", "Corwin"),
        # the office set off by commas after the name, before the speech verb
        ('"We intend to engage," Seth Fisher, Oasis\'s chief investment officer, told Reuters.', "Fisher"),
        (
            '"It is a sign," Masaki Tsutsumi, chairman of the Northern Business Council, or NBC, told reporters.',
            "Tsutsumi",
        ),
    ],
)
def test_an_office_around_an_english_name(actors: ActorIndex, text: str, name: str) -> None:
    assert name in _names(actors, text)


@pytest.mark.parametrize(
    "text",
    [
        "The world leader Tetsuo Saito met them.",  # a common noun before the head word: no body named
        "a party chief Tetsuo Saito met them.",
        "Komeito leader Saito met them.",  # one word after the head word: not a full name
        "Tetsuo Saito, who met them in May, said nothing.",  # an aside with no office in it
    ],
)
def test_no_body_or_no_full_name_is_no_person(actors: ActorIndex, text: str) -> None:
    assert "Saito" not in _names(actors, text)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Okinawa Gov. Denny Tamaki", "Denny Tamaki"),
        ("Gen. Ashok Raj Sigdel", "Ashok Raj Sigdel"),
        ("Cardinal Tarcisio Isao Kikuchi", "Tarcisio Isao Kikuchi"),
        ("菊地功枢機卿", "菊地功"),
        ("サンダース上院議員", "サンダース"),
    ],
)
def test_the_office_typed_around_a_name(typed: str, first: str) -> None:
    assert typed_forms(typed)[0] == first


async def test_a_person_typed_in_the_script_the_articles_do_not_use(store: Store) -> None:
    """斉藤 typed, "Komeito leader Tetsuo Saito" in the only report; Sanders typed, 「サンダース上院議員」 in the only
    report: the person of the articles."""
    english = (
        "---\ntitle: Komeito urges talks\npublished: 2025-05-14\n---\n"
        "Komeito leader Tetsuo Saito on Wednesday asked the prime minister to launch working-level talks on the issue."
    )
    japanese = (
        "---\ntitle: 民主党の敗北\npublished: 2024-11-07\n---\n"
        "左派のサンダース上院議員は6日に声明を出し、「労働者から見捨てられたとしても驚くことではない」と党指導部を批判した。"
    )
    assert (await ingest_text(store, english, name="en.md")).status == "added"
    assert (await ingest_text(store, japanese, name="ja.md")).status == "added"
    assert (await resolve_visible_actor(store, "斉藤", None, across=True)).name == "Saito"
    assert (await resolve_visible_actor(store, "Sanders", None, across=True)).name == "サンダース"
