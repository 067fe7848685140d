"""/stance --about: the actor's statements in the reports about the target, found when their clause names none of it
(issue 11, thirteenth round). Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import named_across, parse_target, report_aboutness
from bot.ingest.pipeline import ingest_text
from bot.models import to_jsonable
from bot.services import stance_about as stance_about_module
from bot.services.stance_about import stance_about
from bot.store import Store
from bot.terminal.render_text import stance_text
from bot.text import index_tokens
from bot.words import Words

PORT = """\
---
title: 港湾の民営化、政府が方針決定
published: 2025-06-01
---
政府は1日、全国の主要な港湾を民営化する方針を決めた。
石破首相は記者団に「港湾の民営化を着実に進める」と語った。
運営会社の選定は来年度に始まる。
石破首相は同日夜、「地元の受け止めを注視したい」と述べた。
"""

ELSEWHERE = """\
---
title: 首相、防衛費で答弁
published: 2025-06-02
---
石破首相は2日の衆院予算委員会で、防衛費の増額について野党の質問に答え、財源の確保策を年末までにまとめる考えを改めて示した。委員会は夕方まで続いた。
石破首相は港湾の警備について「地元の受け止めを注視したい」と述べた。
港湾の民営化には触れなかった。
"""

LEAD_ONLY = """\
---
title: 首相動静
published: 2025-06-03
---
政府内では港湾の民営化を巡る議論が続いている。
首相は午前、官邸で閣僚と会談した。
午後は来客の応対が続いた。
石破首相は3日、「防衛費の行方を注視したい」と述べた。
"""


@pytest.fixture
async def reports(store: Store) -> Store:
    for name, text in (("port.md", PORT), ("elsewhere.md", ELSEWHERE), ("lead.md", LEAD_ONLY)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    return store


async def test_a_reaction_in_the_report_about_the_target_comes_after_the_statement_naming_it(reports: Store) -> None:
    report = await stance_about(reports, "石破", "港湾の民営化")
    texts = [(s.text, s.via) for s in report.statements]
    assert texts[0] == ("石破首相は記者団に「港湾の民営化を着実に進める」と語った。", None)
    assert ("石破首相は同日夜、「地元の受け止めを注視したい」と述べた。", "report") in texts[1:]
    # the summary is the direct statement's: the reaction is not counted in it
    assert report.topics[0].statements == 1
    assert to_jsonable(report)["statements"][1]["via"] == "report"


async def test_no_statement_from_a_report_that_is_not_about_the_target(reports: Store) -> None:
    report = await stance_about(reports, "石破", "港湾の民営化")
    shown = [s for s in report.statements if s.via == "report"]
    # its headline and lead name none of it, only its last line does (the statement's paragraph names the harbour)
    assert not [s for s in shown if s.sources[0].document == "elsewhere.md"]
    # its lead names the target, its headline does not, and the statement's paragraph speaks of something else
    assert not [s for s in shown if "防衛費の行方" in s.text]


async def test_the_reactions_are_capped(store: Store) -> None:
    said = "".join(f"石破首相は「{w}の行方を注視したい」と述べた。\n" for w in ("地域", "雇用", "安全", "対話", "株価"))
    text = f"---\ntitle: 港湾の民営化、政府が決定\npublished: 2025-06-04\n---\n政府は港湾を民営化する。\n{said}"
    assert (await ingest_text(store, text, name="many.md")).status == "added"
    report = await stance_about(store, "石破", "港湾の民営化")
    assert len([s for s in report.statements if s.via == "report"]) == 3


async def test_the_text_output_marks_a_statement_found_through_its_report(reports: Store) -> None:
    report = await stance_about(reports, "石破", "港湾の民営化")
    lines = stance_text(report, Words("ja")).splitlines()
    assert [line for line in lines if "受け止めを注視" in line and "（関連報道から）" in line]
    assert not [line for line in lines if "着実に進める" in line and "関連報道" in line]


def test_a_headline_in_the_other_language_is_read_through_its_glosses() -> None:
    english = parse_target("the ban on fish imports", ActorIndex([]), {})
    headline = "中国、日本産水産物の輸入を全面禁止"
    assert {english.words[k].form for k in named_across(english, headline, index_tokens(headline).split())} >= {
        "ban",
        "imports",
    }
    japanese = parse_target("水産物の輸入禁止", ActorIndex([]), {})
    named = {japanese.words[k].form for k in named_across(japanese, "China bans all imports of Japanese seafood", [])}
    assert {"輸入", "禁止"} <= named
    assert not named_across(japanese, "Tokyo stocks rose on Monday", [])


def test_a_report_is_about_the_target_by_its_headline_and_lead_not_by_a_passing_mention() -> None:
    target = parse_target("港湾の民営化", ActorIndex([]), {})
    for w in target.words:
        w.weight = 1.0
    assert report_aboutness(target, "港湾の民営化を決定", "") == 1.0
    body = "首相は防衛費について答弁した。\n港湾の民営化にも触れた。"
    assert report_aboutness(target, "首相、防衛費で答弁", body) == 0.0  # named only further down
    assert report_aboutness(target, "港湾の運営を見直し", "民営化も検討する") == pytest.approx(
        (1 + 0.6 * 2) / 3
    )  # 民営化: 民営 + 化
    assert report_aboutness(target, "港湾の運営を見直し", "", head=True) == 0.0  # its head, 民営化, not named


SEAFOOD = """\
---
title: 中国、日本産水産物の輸入を全面禁止
published: 2023-08-24
---
中国政府は24日、日本産の水産物の輸入を全面的に停止すると発表した。
岸田首相は記者団に「極めて遺憾だ。撤回を強く求める」と述べた。
"""


async def test_a_report_is_read_across_languages_by_the_tokens_the_index_holds(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An English target over a Japanese report: its lead and paragraphs are read through their glosses from the
    tokens stored at ingest, not tokenized again (that was most of a first question's cost at 10k documents)."""
    assert (await ingest_text(store, SEAFOOD, name="seafood.md")).status == "added"
    tokenized: list[str] = []
    indexed = stance_about_module._indexed
    monkeypatch.setattr(stance_about_module, "_indexed", lambda text: tokenized.append(text) or indexed(text))
    report = await stance_about(store, "岸田", "the ban on seafood imports")
    # (read directly since st27a: the sentence before it names the ban in Japanese, `_said_before`)
    assert [(s.text, s.via) for s in report.statements] == [
        ("岸田首相は記者団に「極めて遺憾だ。撤回を強く求める」と述べた。", None)
    ]
    passages = [line for line in SEAFOOD.splitlines()[4:] if line]
    assert tokenized and not [t for t in tokenized if t in passages]


async def test_a_document_read_for_reactions_only_is_not_read_further_when_it_is_not_about_the_target(
    reports: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document chosen for naming the rest of the target (港湾, not 民営化) whose headline and lead name none of
    it gives no reaction: its claims are not even loaded (nor every clause in it asked whose body it speaks for)."""
    text = (
        "---\ntitle: 首相、国会で答弁\npublished: 2025-06-05\n---\n石破首相は5日の参院本会議で、物価高対策や年金制度の見直しを巡る"
        "野党の質問に答えた。\n石破首相は「港湾の警備を強めたい」と述べた。\n"
    )
    assert (await ingest_text(reports, text, name="diet.md")).status == "added"
    read: list[str] = []
    claims = stance_about_module._claims
    monkeypatch.setattr(
        stance_about_module, "_claims", lambda store, actors, doc_id, rows, stored: read.append(rows[0].text) or claims(
            store, actors, doc_id, rows, stored
        )
    )
    report = await stance_about(reports, "石破", "港湾の民営化")
    assert not [s for s in report.statements if "警備" in s.text]
    assert read and not [t for t in read if "物価高対策" in t]


async def test_a_reaction_is_read_once_for_every_question_on_its_report(
    reports: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a clause says as a reaction to its report's story does not depend on the target: a second question on
    the same report (another wording of the target) reads no reaction again, and finds the same ones."""
    first = await stance_about(reports, "石破", "港湾の民営化")
    read: list[str] = []
    reaction = stance_about_module._reaction
    monkeypatch.setattr(
        stance_about_module, "_reaction", lambda claim, row, actors: read.append(row.text) or reaction(claim, row, actors)
    )
    second = await stance_about(reports, "石破", "港湾を民営化する方針")
    assert [s.text for s in first.statements if s.via] == [s.text for s in second.statements if s.via]
    assert [s for s in second.statements if s.via] and not read
