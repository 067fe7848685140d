"""Wrong positions by construction (issue 11, nineteenth round): the statement is the actor's and is found, the
position given was wrong. Each construction is tested on sentences written for this test (none from a corpus),
with counter-examples that keep their reading:

- an act made the subject of the part after it (「値上げを認めるようなことは、あってはならない」): the act is read
  with the predicate that evaluates it, not on its own;
- a contrast closes what a condition grants ("If X, that is their right, but we will not accept Y";
  「…なら検討するが、…応じない」), and an English condition that holds the target names it as a scenario, not as
  the position (the clause's other mention of it is read);
- evaluations said without a stance verb: anger and frustration, unconstructive, cosmetic, 誤り, 〜を欠いた;
  "not the time" in Japanese after any verb (示す時ではない), circumstances said not to exist (事情は見当たらない);
- a halt asked for in its own frames (「やめてほしい」「やめるべきだ」「やめるよう求めた」; not 受け止めてほしい,
  not やめることにした), 許す denied (「分断を許すことはない」), withdrawing (取り下げ),
  giving up (手放す), disbanding and scrapping;
- an English frame verb before a clause with no "that" ("insisted he had never considered …"): the clause's own
  cue is read, not the frame's; an English clause that names the target only in its context is read by its first
  attitude, as a clause that names it is ("There is no need to buy more than you need"), and waiting said anywhere
  in it ("want to gather more information before deciding") leaves it neutral.
"""

from __future__ import annotations

import pytest

from bot.extract.stance import _combine, _pos_hits, _probe
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _reading(text: str) -> str | None:
    return _combine(_pos_hits(_probe(text)), english=text.isascii())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new draft is completely unconstructive", "oppose"),
        ("The plan is counterproductive and unhelpful", "oppose"),
        ("I am angry about how this was handled", "oppose"),
        ("The reform is a cosmetic change", "oppose"),
        ("判断に誤りがあった", "oppose"),
        ("配慮を欠いた対応だ", "oppose"),
        ("安全の確保に欠かせない", "support"),  # indispensable: no 欠いた
        ("今は結論を出す時ではない", "oppose"),
        ("今こそ結論を出す時だ", None),
        ("反論できるような事情は見当たらない", "oppose"),
        ("危険なのでアプリの利用はやめてほしい", "oppose"),
        ("値上げはやめるべきだ", "oppose"),
        ("投稿をやめるよう求めた", "oppose"),
        ("感染の拡大を食い止めてほしい", "oppose"),
        ("批判は重く受け止めてほしい", None),  # 受け止める: no halt
        ("国の分断を許すことはない", "oppose"),
        ("訴えを取り下げる", "oppose"),
        ("株を手放す", "oppose"),
        ("The party will disband its youth wing", "oppose"),
        ("The city plans to scrap the old bridge", "oppose"),
    ],
)
def test_cues_of_evaluation_and_halts(text: str, expected: str | None) -> None:
    assert _reading(text) == expected


SUBJECT = """\
---
title: 工事再開に知事が反発
published: 2025-06-02
---
青森県の山中知事は「住民に説明もなく値上げを認めるようなことは、決してあってはならない」と述べた。
秋田県の川上知事は「値上げを認めることは、地元の経済にとって大きな前進だ」と述べた。
"""


async def test_an_act_made_the_subject_is_read_with_its_predicate(store: Store) -> None:
    assert (await ingest_text(store, SUBJECT, name="subject.md")).status == "added"
    assert await positions(store, "山中", "料金の値上げ", "あってはならない") == ["oppose"]
    assert await positions(store, "川上", "料金の値上げ", "前進") == ["support"]


CONTRAST = """\
---
title: Border checks strain ties
published: 2025-05-08
---
"If Norland wants to run checks at the bridge, that is its right, but we will not accept the checks on our side," Prime Minister Anna Vessel said.
"If Norland inspects the trucks, we will accept the checks," Interior Minister Karl Brenn said.
"""


async def test_a_contrast_closes_the_conditions_scope(store: Store) -> None:
    assert (await ingest_text(store, CONTRAST, name="contrast.md")).status == "added"
    assert await positions(store, "Anna Vessel", "the checks on the bridge", "will not accept") == ["oppose"]
    assert await positions(store, "Karl Brenn", "the checks on the bridge", "will accept") == ["conditional"]


FRAME = """\
---
title: Chairman rules out sale
published: 2025-02-11
---
Chairman Leo Marsh insisted he had never considered selling the steel unit or seeking a partner.
"""


async def test_a_frame_verb_before_a_clause_with_no_that(store: Store) -> None:
    assert (await ingest_text(store, FRAME, name="frame.md")).status == "added"
    assert await positions(store, "Leo Marsh", "selling the steel unit", "never considered") == ["oppose"]


CONTEXT = """\
---
title: Shoppers stock up on rice
published: 2025-08-09
---
Shoppers across the country have been stocking up on rice this week.
"There is no need to buy more than you need," Farm Minister Ken Oda said.
"""


async def test_an_english_clause_read_from_its_context_by_its_first_attitude(store: Store) -> None:
    assert (await ingest_text(store, CONTEXT, name="context.md")).status == "added"
    assert await positions(store, "Ken Oda", "stocking up on rice", "no need") == ["oppose"]
