"""/stance --about, forty-ninth round (issue 11): a reaction tied to the target only by its report's headline and
lead ("We welcome this", 「評価したい」) is read as one to the story; a remark on another matter in the same report is
not — one that states a topic of its own that names nothing of the story, one whose definite noun points back to
another thing, one in a paragraph that has turned to another matter. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.extract.own_matter import stated_topics, turns_away
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

# between the lead and the remarks: more than the context a clause carries (CONTEXT_CHARS), naming nothing of it
_FILLER_JA = "\n".join(
    f"{town}では{n}日、住民向けの説明会が開かれ、参加者から交通や医療、学校の今後について多くの質問が出た。"
    for n, town in enumerate(("北町", "南町", "東町", "西町"), start=2)
)
_FILLER_EN = "\n".join(
    f"In {town}, residents met on Monday to ask about roads, clinics and schools for the coming years."
    for town in ("Northtown", "Southtown", "Easttown", "Westtown")
)

# the headline names the airports, not their privatisation (the target's head); the lead names all of it; every
# remark further down names none of it
AIRPORTS = f"""\
---
title: 首相、空港運営で新方針
published: 2025-08-01
---
政府は1日、全国の地方空港を民営化する方針を閣議で決めた。
運営権の売却は再来年度に始まる見通しで、対象は十を超える。
{_FILLER_JA}
石破首相は記者団に「観光の振興に弾みがつく」と評価した。
石破首相は「参院の定数は早く見直すべきだ」と述べた。
一方、県は漁業者への補償を検討している。石破首相は「前向きに受け止めたい」と語った。
政府は同日、農業支援の拡充案も示した。
石破首相は「同案は心強い」と語った。
"""

COAST = f"""\
---
title: Ministers set out plans for the coast
published: 2025-08-02
---
The government on Friday proposed a full ban on night-time unloading at fishing ports, to start next spring.
The ban would cover every harbour in the region, officials said.
{_FILLER_EN}
"This is a sad day for the whole coast," Zelensky said.
"Wheat shipments must resume before winter," Zelensky said.
Zelensky also toured a hospital on Saturday. "It is a sad day," Zelensky said.
Ministers set out a plan on school meals as well.
"The plan is a disgrace," Zelensky said.
"""


async def _found(store: Store, actor: str, about: str) -> dict[str, str]:
    return {s.text: s.position for s in (await stance_about(store, actor, about)).statements}


async def test_a_japanese_reaction_is_read_and_remarks_on_other_matters_are_not(store: Store) -> None:
    assert (await ingest_text(store, AIRPORTS, name="airports49.md")).status == "added"
    found = await _found(store, "石破", "空港の民営化")
    assert found.get("石破首相は記者団に「観光の振興に弾みがつく」と評価した。") == "support"
    assert not [t for t in found if "参院" in t]  # a topic of its own (参院の定数は) the report's top names nowhere
    assert not [t for t in found if "前向き" in t]  # after 「一方、」: the paragraph turned to the fishermen
    assert not [t for t in found if "心強い" in t]  # 同案 points back to the farm aid plan


async def test_an_english_reaction_is_read_and_remarks_on_other_matters_are_not(store: Store) -> None:
    assert (await ingest_text(store, COAST, name="coast49.md")).status == "added"
    found = await _found(store, "Zelensky", "the ban on night-time unloading at fishing ports")
    assert found.get('"This is a sad day for the whole coast," Zelensky said.') == "oppose"
    assert not [t for t in found if "Wheat" in t]  # its own subject, named nowhere in the headline or lead
    assert not [t for t in found if t.endswith('"It is a sad day," Zelensky said.')]  # after "also toured"
    assert not [t for t in found if "disgrace" in t]  # "the plan" is the school meals'


def test_the_topics_a_remark_states_of_its_own() -> None:
    assert stated_topics("山田氏は「県議会の日程は改めて詰める」と述べた。") == (("県", "議会", "日程"),)
    assert stated_topics("佐藤大臣は、北海の漁獲枠を見直したいと述べた。") == (("北海", "漁獲", "枠"),)
    assert stated_topics('"Rice tariffs must come down," the minister said.') == (("rice", "tariffs"),)
    # counter-examples: a reaction that states none (an evaluation, a pronoun, a form, a speaker by office)
    assert stated_topics("田中首相は「大きな一歩だ」と評価した。") == ()
    assert stated_topics("田中首相は「これは歓迎したい。反対するつもりはない」と述べた。") == ()
    assert stated_topics('"We welcome it. This is a proud day for the town," she said.') == ()
    assert stated_topics("同社は「同案は支持できる」と述べた。") == ()  # 同案: what it points at decides
    assert stated_topics("外務省は「何らかの動機に基づくものだ」と反論した。") == ()  # に before a plain verb
    assert stated_topics("首相は、和平合意に署名しないと述べた。") == (("和平", "合意"),)  # before する


def test_a_paragraph_that_turns_to_another_matter() -> None:
    assert turns_away("また、市は図書館の改修も決めた。")
    assert turns_away("首相は同日、被災地も視察した。")
    assert turns_away("Separately, the council approved a new budget.")
    assert turns_away("The minister also visited a school in the north.")
    # counter-examples: an additive word inside a sentence, a visit that is the story's own
    assert not turns_away("首相はまた会見で「評価したい」と述べた。")
    assert not turns_away("The minister visited the port on Friday.")
