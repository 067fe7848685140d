"""/stance --about for a body speaking through its people (issue 11, round 22): the person's own apposition names
the body (「クラウドストライクのジョージ・カーツCEO」, "Michael Carlinsky, a lawyer for CrowdStrike", "Hamas spokesperson
…", "Seth Fisher, Oasis's chief investment officer"), and what the person says in the document the body says; the
body asked by any of its names in either script (CrowdStrike typed, クラウドストライク reported). Sentences of our own,
each with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.affiliation import affiliations, member_clause, names_body
from bot.extract.romaji import sounds_like
from bot.ingest.pipeline import ingest_text
from bot.services.resolve import across_scripts, sounded_bodies
from bot.services.stance_about import stance_about
from bot.store import Store


def _index(*people: str) -> ActorIndex:
    return ActorIndex([ActorEntry(k + 1, n, None, "person", []) for k, n in enumerate(people)])


def test_a_persons_body_is_read_before_the_name_in_japanese() -> None:
    index = _index("ジョージ・カーツ")
    ties = affiliations(["クラウドストライクのジョージ・カーツCEOは19日、声明を出した。"], index)
    assert names_body(ties[1], ["クラウドストライク"])
    # a bracketed body name is read whole
    index = _index("田中一郎")
    ties = affiliations(["デモを主導する学生団体「差別に反対する学生運動」の田中一郎代表は話した。"], index)
    assert names_body(ties[1], ["差別に反対する学生運動"])
    # counter-examples: another body's name holding the name (最高検察庁 is not 検察 asked); the body is the object of
    # another clause, not the name's modifier
    ties = affiliations(["最高検察庁の田中一郎検事総長は談話を出した。"], index)
    assert not names_body(ties[1], ["検察"]) and names_body(ties[1], ["最高検察庁"])
    ties = affiliations(["首相はクラウドストライクを批判し、田中一郎氏は反論した。"], index)
    assert not names_body(ties.get(1, ()), ["クラウドストライク"])


def test_an_english_apposition_or_modifier_names_the_body() -> None:
    index = _index("Michael Carlinsky", "Seth Fisher", "Abdel Latif al-Qanoua", "Anutin Charnvirakul")
    texts = [
        "Michael Carlinsky, a lawyer for CrowdStrike, said in a letter that the claims were wrong.",
        '"We intend to engage with Toyota," Seth Fisher, Oasis\'s chief investment officer, told Reuters.',
        "Hamas spokesperson Abdel Latif al-Qanoua said the group would honour the timetable.",
        "Bhumjaithai leader Anutin Charnvirakul told reporters his party would leave.",
    ]
    ties = affiliations(texts, index)
    assert names_body(ties[1], ["CrowdStrike"]) and names_body(ties[2], ["Oasis"])
    assert names_body(ties[3], ["Hamas"]) and names_body(ties[4], ["Bhumjaithai"])
    # counter-examples: an apposition naming no role, a clause after the name
    ties = affiliations(
        [
            "Michael Carlinsky, who sued CrowdStrike last year, said the claims were wrong.",
            "Seth Fisher, 52, met Oasis investors on Friday.",
            "Abdel Latif al-Qanoua, a former Hamas spokesperson, said the group had changed.",
        ],
        index,
    )
    assert not names_body(ties.get(3, ()), ["Hamas"])
    assert not names_body(ties.get(1, ()), ["CrowdStrike"]) and not names_body(ties.get(2, ()), ["Oasis"])


def test_a_persons_agent_speaks_for_them_but_not_every_role() -> None:
    index = _index("Alina Habba", "Eric Trump")
    ties = affiliations(
        ["Trump's lawyer Alina Habba said the case was baseless. Trump's son Eric Trump said so."], index
    )
    assert names_body(ties[1], ["Trump"], person=True)
    assert not names_body(ties.get(2, ()), ["Trump"], person=True)


def test_a_clause_said_through_the_body_named_at_its_start() -> None:
    # the body's member named at the clause's start, or speaking in the body's name
    text = "経団連の筒井会長は記者会見で「賃上げの流れを継続したい」と述べた。"
    assert member_clause("経団連", text, 0, 10, len(text))
    text = "日本自動車工業会（自工会）の片山会長は「関税の影響は大きい」と語った。"
    assert member_clause("自工会", text, 0, 15, len(text))
    text = "会長は「大日本猟友会としては反対だ」と述べた。"
    assert member_clause("大日本猟友会", text, 0, 3, len(text))
    # counter-examples: the body named inside the quote, after the clause's start, not at all, or in Latin letters
    text = "筒井氏は「経団連の方針は変わらない」と述べた。"
    assert not member_clause("経団連", text, 0, 4, len(text))
    text = "首相は記者団に対し、物価対策について今後も政府として経団連の意見を聞くと述べた。"
    assert not member_clause("経団連", text, 0, 3, len(text))
    assert not member_clause("自工会", "片山会長は「関税の影響は大きい」と語った。", 0, 5, 20)
    assert not member_clause("Keidanren", "Keidanren's chairman said wages must rise.", 0, 20, 41)


def test_a_one_word_name_is_read_in_the_other_script_by_sound() -> None:
    assert sounds_like("CrowdStrike", "クラウドストライク") and sounds_like("ByteDance", "バイトダンス")
    assert not sounds_like("CrowdStrike", "クラウンストック")
    index = _index("ジョージ・カーツ", "デービッド・ウェストン")
    ties = affiliations(["マイクロソフトのデービッド・ウェストン副社長は話した。"], index)
    assert names_body(ties[2], ["Microsoft"]) and not names_body(ties[2], ["Meta"])
    bodies = ActorIndex(
        [
            ActorEntry(1, "クラウドストライク", None, "body", []),
            ActorEntry(2, "クラウン", None, "body", []),
            ActorEntry(3, "CrowdStrike", None, "person", []),
        ]
    )
    assert [a.id for a in sounded_bodies(bodies, bodies.actors[3])] == [1]
    assert 1 in [a.id for a in across_scripts(bodies, bodies.actors[3])]


ARTICLES = (
    """\
---
title: Delta and CrowdStrike trade blame over outage
published: 2024-08-05
language: en
---
CrowdStrike pushed back against Delta Air Lines on Sunday.

Michael Carlinsky, a lawyer for CrowdStrike, said in a letter to Delta that the airline's threats of a lawsuit had created "a misleading narrative that CrowdStrike is responsible for the outage."
""",
    """\
---
title: クラウドストライク、サイバー攻撃を否定
published: 2024-07-19
---
クラウドストライクのジョージ・カーツCEOは19日、SNSに声明を投稿し、「今回の障害はサイバー攻撃によるものではない」と説明した。
""",
)


@pytest.fixture
async def story(store: Store) -> Store:
    for k, text in enumerate(ARTICLES):
        assert (await ingest_text(store, text, name=f"cs{k}.md")).status == "added"
    return store


async def test_the_bodys_people_answer_for_it_in_both_scripts(story: Store) -> None:
    report = await stance_about(story, "CrowdStrike", "the lawsuit narrative that CrowdStrike is responsible")
    assert any("Carlinsky" in s.text for s in report.statements)
    report = await stance_about(story, "クラウドストライク", "障害がサイバー攻撃によるものだという見方")
    assert any("サイバー攻撃" in s.text for s in report.statements)
    # counter-example: another body's question is not answered by CrowdStrike's lawyer
    report = await stance_about(story, "Delta Air Lines", "the lawsuit narrative that CrowdStrike is responsible")
    assert not any("Carlinsky" in s.text for s in report.statements)
