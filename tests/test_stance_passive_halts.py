"""Acts said of the target in the passive, and English acts inflected with a doubled consonant (issue 11, twentieth
round). Sentences written for this test (none from a corpus), with counter-examples that keep their reading:

- an English cue inflected with its last consonant doubled (stop → stopped, stopping; scrap → scrapped) is the
  cue, as halted is halt's;
- an act said of the target in the passive after it, in English ("that a legislature … can be dissolved", "the aid
  was stopped"), is done to it: read with the attitude before the target, as a Japanese clause reads
  「補助金が廃止されることは受け入れられない」 (its predicate after the target), so refusing to accept a passive
  halt opposes the halt and supports what it halts; not an act in a relative clause ("the aid that was stopped");
- what the doubled forms then read, as news writes them: stopping short of doing a thing refuses it ("stops short
  of closing the plants") and is a non-answer when the thing is saying ("stopped short of saying whether …"), not
  a halt; an act that stops someone from doing something to the target ("a step
  toward stopping the government from turning the app into a weapon") halts the doing, not the target; and an
  English act after the target with an object of its own ("every resource to stop the flames", "the levee will stop
  the water") is not done to the target, its doer or means (Japanese names the object before the act, 「延焼を止める」,
  and `_own_object` reads it so where the clause names the target only in its context);
- a halt typed as the target and found in the clause as its act only ("dissolving the House" found as "dissolved"
  in "We do not accept that a legislature … can be dissolved this way"): the attitude before it reads it, the
  frame over its that-clause included, as Japanese reads 「解散は認められない」;
- a past participle between a determiner and its noun ("the largest party in the dissolved House", "the halted
  talks") names a fact, no one's act: it is no cue (an act with its agent, "the aid stopped by the court", and a
  relative clause's verb, "the policy that stopped the war", stay acts);
- a Japanese target that names an act by a five-row verb's noun (打ち切り, 先送り, 見直し) is named by the verb's
  every form in a statement (打ち切られる, 先送りする): the noun less its last kana is one of its forms, as a typed
  verb's stem already was, so a halt typed as such a noun is read as a halt (its passive included).
"""

from __future__ import annotations

import pytest

from bot.extract.stance import _pos_hits, _probe
from bot.extract.stance_en_order import passive_of
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _cues(text: str) -> list[tuple[str, str, int]]:
    probe = _probe(text)
    return [(probe[h.start : h.end], h.kind, h.pol) for h in _pos_hits(probe)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("They stopped the aid", "stopped"),
        ("We are stopping the shipments", "stopping"),
        ("The plan was scrapped", "scrapped"),
        ("They halted the aid", "halted"),  # no doubling: as before
    ],
)
def test_doubled_consonant_inflections_are_the_cue(text: str, cue: str) -> None:
    assert [(c, kind, pol) for c, kind, pol in _cues(text) if c == cue] == [(cue, "act", -1)]


def test_stopping_short_of_a_thing() -> None:
    # a refusal of the thing not done; a non-answer when that thing is saying
    assert _cues("The plan stops short of closing the plants") == [("stops short of", "att", -1)]
    assert _cues("He stopped short of saying whether executives would resign") == [
        ("stopped short of saying", "att", 0)
    ]


def test_no_doubling_where_the_word_does_not_end_so() -> None:
    assert _cues("a stoppage of work") == []  # -age is no inflection
    assert [c for c, _, _ in _cues("He supported it")] == ["supported"]


ARTICLE = """\
---
title: Reactions to the decree
published: 2025-09-13
---
The opposition party said in a statement: "We do not accept that a legislature elected by the people can be dissolved this way."
Mayor Tanaka said: "We welcome the news that the subsidy will be halted."
Governor Sato insisted that the relief programme must never be stopped.
Mayor Mori said the city would commit every truck to stop the flames from reaching homes.
Minister Ito said the government would stop the subsidy.
Senator Lee welcomed the ruling. He called it "a significant step toward stopping foreign agents from turning the app into a weapon."
野党の山田代表は「国民のための補助金がこのような形で打ち切られることは受け入れられない」と述べた。
鈴木市長は「補助金が廃止されるのは歓迎だ」と述べた。
佐藤知事は「判断を先送りすべきではない」と述べた。原告側は訴えの取り下げを検討している。
"""


async def test_a_passive_halt_after_the_target(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="passive.md")).status == "added"
    # refusing a passive halt opposes the halt, supports what it halts
    assert await positions(store, "opposition party", "dissolving the legislature", "dissolved this way") == ["oppose"]
    assert await positions(store, "opposition party", "the legislature", "dissolved this way") == ["support"]
    # welcoming it supports the halt
    assert await positions(store, "Tanaka", "halting the subsidy", "will be halted") == ["support"]
    assert await positions(store, "Tanaka", "the subsidy", "will be halted") == ["oppose"]
    # a halt denied in the passive (its cue inflected with a doubled consonant)
    assert await positions(store, "Sato", "the relief programme", "never be stopped") == ["support"]
    # Japanese says the same with the predicate after the target (the reading English now matches)
    assert await positions(store, "山田", "補助金の打ち切り", "打ち切られる") == ["oppose"]
    assert await positions(store, "山田", "補助金", "打ち切られる") == ["support"]
    assert await positions(store, "鈴木", "補助金の廃止", "歓迎") == ["support"]


async def test_a_verbs_noun_in_the_target_names_the_verb(store: Store) -> None:
    from bot.services.stance_about import prepare_target

    assert (await ingest_text(store, ARTICLE, name="passive.md")).status == "added"
    target, _ = await prepare_target(store, "補助金の打ち切り")
    head = next(w for w in target.words if w.head)
    assert "打ち切" in head.forms and target.action == -1  # a halt, named by 打ち切られる, 打ち切った
    target, _ = await prepare_target(store, "判断の先送り")
    assert "先送" in next(w for w in target.words if w.head).forms
    target, _ = await prepare_target(store, "訴えの取り下げ")  # a one-row verb's noun is its stem already
    assert "取り下" not in next(w for w in target.words if w.head).forms


async def test_a_halt_of_someones_doing_is_not_the_targets(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="passive.md")).status == "added"
    assert await positions(store, "Lee", "the ruling on the app", "significant step") == ["support"]


async def test_an_act_on_an_object_of_its_own_after_the_target(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="passive.md")).status == "added"
    # "stop" acts on the flames, not on sending trucks: never read as opposing it. The rules read no cue there and
    # gave neutral (the assertion until the thirty-seventh round); committing every truck is sending them, which the
    # learned position model, asked where no rule decided, reads as support (st37p): either is no opposition
    assert await positions(store, "Mori", "sending trucks to the fire", "every truck") in (["neutral"], ["support"])
    assert await positions(store, "Ito", "the subsidy", "stop the subsidy") == ["oppose"]  # the object is the target


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("the halted talks", []),
        ("a suspended programme", []),
        ("the aid stopped by the court", ["stopped"]),
        ("the policy that stopped the war", ["stopped"]),
        ("they halted the talks", ["halted"]),
    ],
)
def test_an_attributive_participle_is_no_act(text: str, acts: list[str]) -> None:
    assert [c for c, kind, _ in _cues(text) if kind == "act"] == acts


APPOSITION = """\
---
title: Parliament dissolved
published: 2025-09-13
---
Leaders of the Workers Party, the largest party in the dissolved assembly, said parliament could not be dissolved without a vote.
"""


HALT_TYPED = """\
---
title: House of Representatives dissolved
published: 2025-09-13
---
The president dissolved the House of Representatives on Friday.
The Unity Party said in a statement: "We do not accept that a legislature elected by the people can be dissolved this way."
"""


async def test_a_halt_typed_as_the_target_and_found_as_the_clauses_act(store: Store) -> None:
    """The clause names the target's halt only ("dissolving" found as "dissolved"): the attitude before it, a frame
    over a that-clause included, reads the halt as the target's own act, then toward what it halts."""
    assert (await ingest_text(store, HALT_TYPED, name="halt.md")).status == "added"
    about = "dissolving the House of Representatives"
    assert await positions(store, "Unity Party", about, "dissolved this way") == ["oppose"]


async def test_a_participle_in_the_speakers_apposition(store: Store) -> None:
    assert (await ingest_text(store, APPOSITION, name="apposition.md")).status == "added"
    assert await positions(store, "Workers Party", "dissolving the assembly", "without a vote") == ["oppose"]


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        ("that a legislature elected by the people can be dissolved", True),
        ("the aid was quickly stopped", True),
        ("the aid that was stopped", False),  # a relative clause: another's act, named to say which aid
        ("the aid, which was stopped", False),
        ("the aid stopped the war", False),  # active: the target does the act
    ],
)
def test_passive_of_the_target(text: str, passive: bool) -> None:
    probe = _probe(text)
    target = probe.index("legislature") if "legislature" in probe else probe.index("aid")
    acts = [h for h in _pos_hits(probe) if h.kind == "act"]
    assert any(passive_of(probe, target, h.start) for h in acts) is passive
