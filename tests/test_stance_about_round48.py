"""/stance --about, forty-eighth round (issue 11): a statement about the target that names it only around it — in a
report whose headline and lead are about the target, further down, in a paragraph naming none of it; and a target
whose verb modifies its head noun (強める動議) read in a headline naming the noun. Sentences of our own."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.about import parse_target, report_aboutness
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


def test_a_verb_before_the_head_noun_is_no_compound_of_the_target() -> None:
    """「規制を緩める法案」: a headline naming 法案 (the head) and 規制 names the target, though it never writes
    緩める法案 together — a verb modifies the noun after it; 国民民主党 typed whole stays one compound."""
    target = parse_target("輸入規制を緩める法案", ActorIndex([]), {})
    assert report_aboutness(target, "輸入規制の法案、参院で可決", "", head=True) > 0.5
    party = parse_target("国民民主党の提案", ActorIndex([]), {})
    assert report_aboutness(party, "国民の暮らしへの提案", "", head=True) < report_aboutness(
        party, "国民民主党の提案、与党が検討", "", head=True
    )
