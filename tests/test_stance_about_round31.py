"""/stance --about, thirty-first round (issue 11): a person the target names is matched by the names the same person
goes by in the other script (Ghosn asked, ゴーン in the Japanese reports), not a body or a country by others'; a head
word naming the matter a Japanese quote is said on (「介入の可能性については「…」」) names the target as a head said in
the clause does. On words of our own, with counter-examples."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.about import Target, form, parse_target
from bot.services.stance_about import _names_across, _topic_names_head


def _people() -> ActorIndex:
    return ActorIndex(
        [
            ActorEntry(1, "Ghosn", None, "person", ["Carlos Ghosn"]),
            ActorEntry(2, "ゴーン", None, "person", ["カルロス・ゴーン"]),
            ActorEntry(3, "CrowdStrike", None, "body", []),
            ActorEntry(4, "クラウドストライク", None, "body", []),
            ActorEntry(5, "韓国", "South Korea", "state", ["South Korea"]),
            ActorEntry(6, "韓国外務省", None, "body", []),
        ]
    )


def _forms(target: Target, word: str) -> list[str]:
    return next(w.forms for w in target.words if w.form == word)


def test_a_person_the_target_names_is_matched_by_the_other_scripts_names() -> None:
    actors = _people()
    target = parse_target("releasing Ghosn on bail", actors, {})
    assert form("ゴーン") not in _forms(target, "ghosn")
    _names_across(target, actors)
    assert {form("ゴーン"), form("カルロス・ゴーン")} <= set(_forms(target, "ghosn"))
    # counter-example: a word naming no person (bail) takes no one's names
    assert all(f.isascii() for f in _forms(target, "bail"))


def test_a_body_the_target_names_takes_no_sound_alike_bodys_names() -> None:
    # counter-example: a body's other names are its forms already (`other_names`); a sound-alike body is not added
    actors = _people()
    target = parse_target("the CrowdStrike outage", actors, {})
    _names_across(target, actors)
    assert form("クラウドストライク") not in _forms(target, "crowdstrike")


def test_a_country_takes_no_names_of_its_governments_bodies() -> None:
    # counter-example: South Korea's foreign ministry speaks for it, but is no name of the country
    actors = _people()
    target = parse_target("韓国の輸出規制", actors, {})
    _names_across(target, actors)
    assert form("韓国外務省") not in _forms(target, "韓国")


def test_a_head_naming_the_matter_a_quote_is_said_on_names_the_target() -> None:
    # 「介入については「…」」: the quote answers on the intervention asked about, however little else of the target
    # the sentence names; counter-example: a head said before another matter, the quote's (物価については)
    target = parse_target("intervention", ActorIndex([]), {})
    text = "介入は見送り、物価については「注視する」と述べた。"
    spans = {0: [(0, 2)]}
    assert _topic_names_head(target, "介入の可能性については「注視する」と述べた。", spans, lambda s: True)
    assert not _topic_names_head(target, text, spans, lambda s: True)
    # nor a head outside the actor's clause
    assert not _topic_names_head(target, "介入については「注視する」と述べた。", spans, lambda s: False)
