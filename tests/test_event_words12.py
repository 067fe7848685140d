"""Issue #12: a longer word is read whole before a word it holds — 再審査 (a review, a screening) is not 再審 (a
retrial), so a report of an investment screening and one of a court's retrial share no event word."""

from __future__ import annotations

from bot.extract.event_words import event_terms


def test_a_screening_is_not_a_retrial() -> None:
    screening = event_terms([], "対米外国投資委員会が買収計画の再審査を始めた")
    assert "~retrial" not in screening
    assert "~screening" in screening
    assert "~retrial" in event_terms([], "静岡地裁が再審開始を決定した")
    assert "~screening" in event_terms([], "The committee began a new screening of the deal")
