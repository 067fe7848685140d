"""/stance --about, forty-first round (issue 11): a statement's topic carried from its context. A reaction in a
report on the target is read as one when the paragraph before its own tells the story it answers, not only when its
own paragraph or the headline names the target. Sentences of our own, both languages, must fire and must not."""

from __future__ import annotations

from bot.extract.stance import Claim
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import _paragraph_before, stance_about
from bot.store import Store
from bot.store.about import DocPassage

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


# must not fire: the clause names a topic of its own after the story told (「…について」)
OWN_TOPIC_JA = """\
---
title: 北都鉄道、経営立て直しへ
published: 2025-07-03
---
北都鉄道は3日、地方バス大手の南海交通を買収する方向で協議に入ったと明らかにした。買収額は500億円規模となる見通しだ。関係者によると、年内の合意を目指す。

北都鉄道は、運賃の改定について「利用者の負担を抑えたい」と説明した。
"""


async def test_no_reaction_that_names_its_own_topic(store: Store) -> None:
    assert (await ingest_text(store, OWN_TOPIC_JA, name="own_topic_ja.md")).status == "added"
    assert not any("負担を抑えたい" in t for t in await _reactions(store, "北都鉄道", "南海交通の買収"))


def _rows(*texts: str, kinds: tuple[str, ...] = ()) -> list[DocPassage]:
    return [
        DocPassage(k, k, (kinds[k] if k < len(kinds) else "body"), t, None, None, None, None, None)
        for k, t in enumerate(texts)
    ]


def _claim(rows: list[DocPassage], at: int, lo: int = 0) -> Claim:
    return Claim(at, 1, lo, lo, len(rows[at].text), "reported", (), "")


def test_the_paragraph_before_is_a_story_told_not_one_remark() -> None:
    story = "協議に入ったと明らかにした。買収額は500億円規模となる見通しだ。"
    rows = _rows(story, "同社は声明で「利便性は大きく高まる」と強調した。")
    assert _paragraph_before(rows, _claim(rows, 1)) is rows[0]
    english = _rows("It said it had entered talks. The deal would be worth $3 billion.", '"It will help," it said.')
    assert _paragraph_before(english, _claim(english, 1)) is english[0]
    # must not fire: one line (a remark of its own: the next line is another), the first paragraph, after a
    # heading, a clause naming its own topic, and one sentence whose full stops are an abbreviation's
    one = _rows("社長は「買収は地域のためになる」と語った。", "社長は「駅前の再開発を急ぎたい」と述べた。")
    assert _paragraph_before(one, _claim(one, 1)) is None
    assert _paragraph_before(rows, _claim(rows, 0)) is None
    headed = _rows("買収の経緯", "同社は声明で「利便性は大きく高まる」と強調した。", kinds=("heading", "body"))
    assert _paragraph_before(headed, _claim(headed, 1)) is None
    own = _rows(story, "同社は、運賃の改定について「負担を抑えたい」と説明した。")
    assert _paragraph_before(own, _claim(own, 1)) is None
    later = _rows(story, "同社は同日、会見を開いた。同社は「利便性は大きく高まる」と強調した。")
    assert _paragraph_before(later, _claim(later, 1, lo=len("同社は同日、会見を開いた。"))) is None  # not its opening
    also = _rows(english[0].text, "Harbor Rail also said it would raise fares in the autumn.")
    assert _paragraph_before(also, _claim(also, 1, lo=len("Harbor Rail also said "))) is None
    abbreviated = _rows("The U.S. said it would join the talks.", '"It will help," it said.')
    assert _paragraph_before(abbreviated, _claim(abbreviated, 1)) is None
