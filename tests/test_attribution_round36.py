"""Round 36 (issue 11, branch st36a): the actor side of `/stance ACTOR --about TEXT`.

- Statements made in a document, not aloud: a document a body or person issued with no speech verb ("Dalton
  Investments sent a letter to the board", "Toyota Motor issued a statement") is whom "the letter said", "the
  statement said", "the email said" and a quote's "it said" go back to; a passage that opens on a document as its
  topic (「書簡は「…」と指摘している」, 「声明では…」) is read for its issuer named in the passages before, as /quote
  reads it. Never a document no one was said to issue, nor a passage whose topic is no document.
- A person stored under the surname and a post only (斎藤, 経済産業相: every report writes 「斎藤経済産業相」) is found
  by the full name typed (斎藤健), when the store gives no other full name of that surname; not when a given name
  and another post are typed (斎藤健財務相), nor for a surname the store holds with no post (斎藤さん).
- Discovery no longer gives a surname alone the dictionary tags so the alias of its first kanji and the title
  (斎経済産業相 for 斎藤経済産業相: the rule is a one-kanji surname's, 王外相 of 王毅外相).
- A body typed with its spokesperson in brackets (Fidesz (Kocsis), 自民党(高市氏)) is the body.
"""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.discover import discover_actors
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.errors import QueryError
from bot.services.resolve import bracketed_body, resolve_visible_actor, typed_forms
from bot.services.stance_about import find_unregistered
from bot.store import Store
from tests.test_attribution_round34 import _claimed, _holders

DALTON = ActorEntry(1, "Dalton Investments", None, "org", ["Dalton"])
TOYOTA = ActorEntry(2, "Toyota Motor", None, "org", ["Toyota"])
MUSK = ActorEntry(3, "Elon Musk", None, "person", ["Musk"])
DALTON_JA = ActorEntry(4, "ダルトン・インベストメンツ", None, "org", ["ダルトン"])
KAUFMAN = ActorEntry(5, "ニコラス・カウフマン", None, "person", ["カウフマン", "カウフマン弁護士"])
NIDEC = ActorEntry(6, "ニデック", None, "org", [])


def _said(text: str, words: str, *entries: ActorEntry) -> str | None:
    at = text.index(words)
    return attribute(text, at, at + len(words), ActorIndex(list(entries)), context=text)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            'Dalton Investments sent a letter to the board on Monday. "The board is not functioning," the letter said.',
            "The board is not functioning",
            "Dalton Investments",
        ),
        (
            "Dalton Investments sent a letter to the board on Monday. The letter said the board was not functioning.",
            "the board was not functioning",
            "Dalton Investments",
        ),
        (
            "Toyota Motor issued a statement on its website. The statement said the deal was fair to shareholders.",
            "the deal was fair to shareholders",
            "Toyota Motor",
        ),
        (
            'Toyota Motor issued a statement on its website. "The deal is fair to shareholders," it said.',
            "The deal is fair to shareholders",
            "Toyota Motor",
        ),
        (
            "Musk sent an email to staff on Monday. The email said the office would close on Friday.",
            "the office would close on Friday",
            "Elon Musk",
        ),
        # the document named last is the one that speaks, whoever spoke in between
        (
            "Dalton Investments sent a letter to the board on Monday. Toyota Motor said the board was working. "
            "The letter said the board was not functioning.",
            "the board was not functioning",
            "Dalton Investments",
        ),
    ],
)
def test_a_document_issued_speaks_for_its_issuer_in_english(text: str, words: str, speaker: str) -> None:
    assert _said(text, words, DALTON, TOYOTA, MUSK) == speaker
    assert _holders(_claimed(text, DALTON, TOYOTA, MUSK), words) == {
        e.id for e in (DALTON, TOYOTA, MUSK) if e.name == speaker
    }


JCP = ActorEntry(7, "日本共産党", "Japan Communist Party", "org", ["共産党", "Japan Communist Party"])


@pytest.mark.parametrize(
    "text",
    [
        "The Japan Communist Party issued a statement Tuesday that slammed the choice of the landfill site.",
        # a body's committee, branch or chapter speaks for the body
        "The Japan Communist Party's Osaka committee issued a statement Tuesday that slammed the choice of the landfill site.",
        "The Japan Communist Party's Osaka branch released a statement criticizing the choice of the landfill site.",
    ],
)
def test_a_statement_issued_says_what_follows_it(text: str) -> None:
    words = "the choice of the landfill site"
    assert _said(text, words, JCP, TOYOTA) == "日本共産党"
    assert _holders(_claimed(text, JCP, TOYOTA), words) == {JCP.id}


def test_a_committee_not_owned_by_a_body_named_is_no_ones() -> None:
    # the owner is no name: "the city's committee" speaks for no actor
    text = "The city's planning committee issued a statement Tuesday that slammed the choice of the landfill site."
    assert _holders(_claimed(text, JCP, TOYOTA), "the choice of the landfill site") == set()


@pytest.mark.parametrize(
    "text",
    [
        # no document issued: a meeting, flowers sent
        "Musk met Toyota Motor officials on Monday. The statement said the board was not functioning.",
        "Dalton Investments sent flowers to the board on Monday. The letter said the board was not functioning.",
    ],
)
def test_a_document_no_one_was_said_to_issue_is_no_ones(text: str) -> None:
    words = "the board was not functioning"
    assert _said(text, words, DALTON, TOYOTA, MUSK) is None
    assert _holders(_claimed(text, DALTON, TOYOTA, MUSK), words) == set()


@pytest.mark.parametrize(
    ("text", "words", "actor"),
    [
        (
            "ダルトン・インベストメンツは3日、書簡を送った。\n書簡は「取締役会は機能していない」と指摘している。",
            "取締役会は機能していない",
            DALTON_JA,
        ),
        (
            "弁護団のカウフマン弁護士は10日、釈放を求める文書を裁判所に提出した。\n"
            "文書は「前大統領に逃亡の恐れはなく、直ちに釈放されるべきだ」と主張している。",
            "直ちに釈放されるべきだ",
            KAUFMAN,
        ),
        (
            "ニデックは19日夜、声明を出した。\n声明では、買収防衛策の発動は「株主の権利を不当に損なう」と批判した。",
            "株主の権利を不当に損なう",
            NIDEC,
        ),
    ],
)
def test_a_passage_opening_on_a_document_is_its_issuers(text: str, words: str, actor: ActorEntry) -> None:
    assert _holders(_claimed(text, DALTON_JA, KAUFMAN, NIDEC), words) == {actor.id}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # no one named before the document
        ("書簡は「取締役会は機能していない」と指摘している。", "取締役会は機能していない"),
        # a topic of its own, no document: not the body's
        (
            "ダルトン・インベストメンツは3日、書簡を送った。\n取締役会は「機能していない」と指摘されている。",
            "機能していない",
        ),
        # the document is spoken of, not speaking
        ("ダルトン・インベストメンツは3日、書簡を送った。\n書簡の内容は明らかになっていない。", "明らかになっていない"),
    ],
)
def test_a_passage_whose_topic_is_no_document_is_not_read_for_the_issuer(text: str, words: str) -> None:
    assert _holders(_claimed(text, DALTON_JA, KAUFMAN, NIDEC), words) == set()


def test_a_surname_alone_keeps_no_alias_of_its_first_kanji() -> None:
    index = ActorIndex([])
    found = {a.name: a for a in discover_actors([ParsedPassage(text="斎藤経済産業相は20日、会見で述べた。")], index)}
    assert "斎藤" in found and "斎経済産業相" not in found["斎藤"].aliases
    # a one-kanji surname's full name still gives the surname and the title (王外相 of 王毅外相)
    found = {a.name: a for a in discover_actors([ParsedPassage(text="中国の王毅外相は20日、会見で述べた。")], index)}
    assert any("王外相" in a.aliases for a in found.values())


SAITO = """\
---
title: 経産相、原発再稼働「急ぐ必要」
published: 2024-05-20
---
斎藤経済産業相は20日、「原発の再稼働を急ぐ必要がある」と述べた。電力需要の増加に備える考えを示した。
"""

SAITO_PLAIN = """\
---
title: 町民の声
published: 2024-05-20
---
町民の斎藤さんは20日、「原発の再稼働には反対だ」と述べた。
"""


async def test_a_full_name_typed_finds_the_person_stored_by_surname_and_post(store: Store) -> None:
    assert (await ingest_text(store, SAITO, name="saito.md")).status == "added"
    saito = store.actors.resolve("斎藤")
    assert saito is not None and saito.kind == "person"
    for typed in ("斎藤健", "斎藤健経済産業相", "斎藤経産相"):
        assert (await resolve_visible_actor(store, typed, None)).id == saito.id
    # a given name and another post typed: another person
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "斎藤健財務相", None)


async def test_a_full_name_typed_is_not_a_surname_stored_with_no_post(store: Store) -> None:
    assert (await ingest_text(store, SAITO_PLAIN, name="plain.md")).status == "added"
    known = store.actors.resolve("斎藤")
    if known is not None and known.kind == "person":  # 斎藤さん: a surname with no post names no office holder
        assert not (known.description or "").strip() or known.description in ("さん", "氏")
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "斎藤健", None)


@pytest.mark.parametrize(
    ("typed", "body"),
    [
        ("Fidesz (Kocsis)", "Fidesz"),
        ("自民党（高市氏）", "自民党"),
        ("Liberal Democratic Party (Koizumi)", "Liberal Democratic Party"),
        ("Fidesz", None),  # nothing in brackets
        ("(Kocsis)", None),
    ],
)
def test_a_body_typed_with_its_spokesperson_in_brackets(typed: str, body: str | None) -> None:
    assert bracketed_body(typed) == body
    if body is not None:
        assert typed_forms(typed)[0] == body


FIDESZ = """\
---
title: Hungary delays vote on Sweden
published: 2023-02-20
language: en
---
Hungary's parliament delayed the vote again on Tuesday. Fidesz said the ratification of Sweden's membership was not urgent.
"""


async def test_a_bracketed_spokesperson_finds_the_body_the_reports_name(store: Store) -> None:
    assert (await ingest_text(store, FIDESZ, name="fidesz.md")).status == "added"
    if store.actors.resolve("Fidesz") is not None:  # discovered: the typed forms answer
        assert (await resolve_visible_actor(store, "Fidesz (Kocsis)", None)).name == "Fidesz"
        return
    found = await find_unregistered(store, "Fidesz (Kocsis)", None)
    assert found is not None and found[0].name == "Fidesz"
