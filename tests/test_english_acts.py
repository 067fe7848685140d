"""English clauses have acts too: the first verb the lexicon names outside quotes and relative clauses, so that
an English and a Japanese report of two happenings of one day (a warning issued, a warning downgraded) are told
apart, while "said" and "announced" stay compatible with 表明 and 発表."""

from __future__ import annotations

from bot.extract.actions import acts
from bot.extract.events import DIFFERENT, _event, same_event


def test_the_act_of_an_english_clause_is_its_first_known_verb_outside_relative_clauses() -> None:
    assert acts("On Sunday morning the agency downgraded the emergency warning.").main == {"~downgrade"}
    assert acts("Koizumi replaced Taku Eto, who stepped down Wednesday after a gaffe.").main == {"~successor"}
    assert "~resignation" in acts("Koizumi replaced Taku Eto, who stepped down Wednesday after a gaffe.").named
    assert acts('"We will not give up," Ishiba said on Monday.').main == {"~say"}


def features(summary: str, actors) -> dict:
    row = _event(0, "2024-09-22", "day", summary, False, 1.0, actors, {})
    return {"tokens": row.tokens, "persons": row.persons, "names": row.names, "act": row.act, "acts": row.acts}


def test_an_english_report_of_another_act_that_day_is_a_different_event(actors) -> None:
    issued = features("気象庁は21日午前10時50分、輪島市、珠洲市、能登町に大雨特別警報を発表した。", actors)
    downgraded = features(
        "On Sunday morning the agency downgraded the heavy rain emergency warning for Wajima.", actors
    )
    same = features("The agency issued its highest-level heavy rain emergency warning for Wajima and Suzu.", actors)
    assert same_event(issued, downgraded) == DIFFERENT
    assert same_event(issued, same) != DIFFERENT


def test_said_and_announced_in_english_are_compatible_with_japanese_statements(actors) -> None:
    ja = features("ホンダと日産自動車は13日、経営統合に向けた協議を打ち切ると正式に発表した。", actors)
    en = features("Nissan Motor and Honda Motor said on Thursday they had ended talks on a merger.", actors)
    assert same_event(ja, en) != DIFFERENT
