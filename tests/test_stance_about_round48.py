"""/stance --about, forty-eighth round (issue 11): a statement about the target that names it only around it — in a
report whose headline and lead are about the target, further down, in a paragraph naming none of it. Sentences of our own."""

from __future__ import annotations

from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

# the headline names the harbours, not their privatisation (the target's head); the lead names all of it; the
# reactions are two paragraphs further down, naming none of it
LEAD = """\
---
title: 首相、港湾運営で新方針
published: 2025-07-01
---
政府は1日、全国の主要な港湾を民営化する方針を閣議で決めた。
運営会社の選定は来年度に始まり、公募の要件は秋までにまとめる。
対象となる港は二十を超える見通しだ。
石破首相は記者団に「地域の経済にとって大きな前進だ」と評価した。
石破首相は「地元の受け止めを注視したい」とも述べた。
石破首相は防衛費について「必要な額を確保する」と述べた。
"""


async def test_a_reaction_in_a_report_whose_lead_names_the_target_is_found(store: Store) -> None:
    assert (await ingest_text(store, LEAD, name="lead48.md")).status == "added"
    report = await stance_about(store, "石破", "港湾の民営化")
    shown = {s.text: (s.position, s.via) for s in report.statements}
    assert shown.get("石破首相は記者団に「地域の経済にとって大きな前進だ」と評価した。") == ("support", "report")
    # no stance taken (a reaction must say something of the story), or a remark on a matter of its own
    assert not [t for t in shown if "注視" in t or "防衛費" in t]


async def test_a_reaction_tied_by_the_lead_only_comes_after_those_its_headline_ties(store: Store) -> None:
    tied = LEAD.replace("首相、港湾運営で新方針", "港湾の民営化、政府が決定").replace("2025-07-01", "2025-06-20")
    tied = tied.replace("地域の経済にとって大きな前進だ", "港で働く人の雇用は必ず守る")
    assert (await ingest_text(store, tied, name="tied48.md")).status == "added"
    assert (await ingest_text(store, LEAD, name="lead48.md")).status == "added"
    report = await stance_about(store, "石破", "港湾の民営化")
    # the older report's reaction first (its headline ties it to the target, neutral as it is), then the newer
    # one's, tied by its lead only
    assert [s.text for s in report.statements if s.via == "report"] == [
        "石破首相は「地元の受け止めを注視したい」とも述べた。",
        "石破首相は記者団に「地域の経済にとって大きな前進だ」と評価した。",
    ]
