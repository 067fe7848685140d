"""A quote's words are its speaker's, not the date's clause (issue 12, round 21).

The clause a date's tense is read from ran to the first 。 and was searched for an embedded verb (こと, と発表) even
inside a quote: 「12日には「…ことはない。…」と話していた」 read ahead by the quote's こと, and cut at the quote's 。 before
its own verb (話していた). The quote is blanked first. Sentences of our own, with counter-examples."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext


def _days(text: str, published: str) -> list[str]:
    return [m.value for m in DateContext(dt.date.fromisoformat(published)).scan(text)]


# --- a quote's words are the speaker's, not the date's clause ------------------------------------------------------


def test_a_quote_does_not_read_the_dates_clause_ahead() -> None:
    text = "市長は12日には「市内の施設を閉じることはない。安心してほしい」と話していた。"
    assert _days(text, "2025-04-04") == ["2025-03-12"]  # told past (話していた): the 12th before the report's 4th


def test_a_plan_outside_a_quote_still_reads_ahead() -> None:
    assert _days("市長は12日には市内を視察することが決まった。", "2025-04-04") == ["2025-04-12"]
    assert _days("市長は12日には「視察を急ぐ」と話す予定だ。", "2025-04-04") == ["2025-04-12"]
