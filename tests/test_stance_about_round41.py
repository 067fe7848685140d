"""/stance --about, forty-first round (issue 11): a statement's topic carried from its context. A reaction in a
report on the target is read as one when the paragraph before its own tells the story it answers, not only when its
own paragraph or the headline names the target. Sentences of our own, both languages, must fire and must not."""

from __future__ import annotations

from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

# the headline names the company, not the purchase; the purchase is told in the paragraph before the statement
ACQUIRE_JA = """\
---
title: 北都鉄道、経営立て直しへ
published: 2025-07-01
---
北都鉄道は1日、地方バス大手の南海交通を買収する方向で協議に入ったと明らかにした。買収額は500億円規模となる見通しだ。関係者によると、年内の合意を目指す。

北都鉄道は声明で「地域の移動網を一体で運営でき、利便性は大きく高まる」と強調した。

北都鉄道は同日、運賃の改定も発表した。

北都鉄道は「利用者の負担を抑えたい」と述べた。
"""

ACQUIRE_EN = """\
---
title: Harbor Rail eyes a turnaround
published: 2025-07-02
---
Harbor Rail said on Tuesday it had entered talks to acquire the bus operator Coastline Transit. The acquisition would be worth about $3 billion. People familiar with the matter said a deal could come before the end of the year, and the company's shares rose 4% in early trading in New York.

"Running the network as one will make travel far easier for our riders," Harbor Rail said in a statement.

Harbor Rail also announced new fares on Tuesday.

"We want to keep the burden on riders low," Harbor Rail said.
"""


async def _reactions(store: Store, actor: str, about: str) -> list[str]:
    report = await stance_about(store, actor, about)
    return [s.text for s in report.statements]


async def test_a_reaction_after_the_paragraph_telling_the_story_is_found(store: Store) -> None:
    assert (await ingest_text(store, ACQUIRE_JA, name="acquire_ja.md")).status == "added"
    texts = await _reactions(store, "北都鉄道", "南海交通の買収")
    assert any("利便性は大きく高まる" in t for t in texts)
    # two paragraphs on: the fares told between them, the remark is on the fares, not on the purchase
    assert not any("負担を抑えたい" in t for t in texts)


async def test_an_english_reaction_after_the_paragraph_telling_the_story_is_found(store: Store) -> None:
    assert (await ingest_text(store, ACQUIRE_EN, name="acquire_en.md")).status == "added"
    texts = await _reactions(store, "Harbor Rail", "the acquisition of Coastline Transit")
    assert any("make travel far easier" in t for t in texts)
    assert not any("burden on riders" in t for t in texts)
