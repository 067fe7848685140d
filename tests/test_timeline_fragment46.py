"""One sentence cut at its second date (issue 12, round 46: the `one-doc:dates` duplicates of
`eval/timeline_classes.py`). 「X社は6日、Y氏が20日付で就任する人事を発表した。」 gives the whole sentence to the 6th and
its tail 「Y氏が20日付で就任する人事を発表した。」 to the 20th: one happening, two entries of one article on two days.
The tail joins the whole sentence's cluster (`bot.extract.date_fragment.fragment_of`, read by
`bot.store.clusters.match_events`) — but a sentence that tells each day's own doing after a predicate (「…を宣言したが、
3日には…」) stays two happenings, and so does a tail dated before the sentence's day. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.date_fragment import fragment_of
from bot.extract.events import same_event
from bot.store import clusters as cl
from tests.test_timeline_classes8 import members

# a party and its day, then an act whose words name a later day (an effective day, a start, a plan)
TOLD_ONCE = [
    "北洋電機は6日、山川健一社長が20日付で退任し、後任に副社長が就く人事を発表した。",
    "仲介国の外相は12日、両派が現地時間14日午前0時から48時間の停戦で合意したと発表した。",
]
# each day's own doing, after a predicate or a clause of its own: two happenings
TOLD_TWICE = [
    "政府は今月1日に非常事態を宣言したが、3日には閣僚12人が一斉に辞表を提出した。",
    "北洋電機の社長は8日に手術を受け、11日朝に退院した。",
    "市の防災隊は、8日に住民30人を、11日に残る15人を高台へ避難させた。",
    # the later date names a happening of its own in a relative clause (the ceremony, the transfer): its day's event
    "東国の外務省は23日、南市で24日に開かれる追悼式典に参加しないと発表した。",
    "東部州の警察本部長は1日、5日付で本庁に異動するのを前に離任の記者会見を開いた。",
]


@pytest.mark.parametrize("text", TOLD_ONCE)
def test_a_sentence_s_tail_from_its_later_date_joins_the_sentence(text: str, actors: ActorIndex) -> None:
    found = members(text, actors)
    assert len({m.date for m in found}) >= 2  # the extractor gives the tail its later day
    whole, *tails = found
    assert all(fragment_of(whole.summary, t.summary) for t in tails)
    assert set(cl.match_events(found, {}, same_event)) == {whole.id}


@pytest.mark.parametrize("text", TOLD_TWICE)
def test_each_day_s_own_doing_stays_its_own_happening(text: str, actors: ActorIndex) -> None:
    found = members(text, actors)
    assert len(found) >= 2
    assert len(set(cl.match_events(found, {}, same_event))) == len(found)


def test_the_rule_reads_only_a_lead_of_a_party_and_its_day() -> None:
    whole = "外務省は23日、両国の協議を24日から再開すると発表した。"
    assert fragment_of(whole, "両国の協議を24日から再開すると発表した。")
    assert fragment_of(whole, "両国の協議を24日から再開すると発表した。理由は示さなかった。")
    assert not fragment_of(whole, "発表した。")  # too short to be an act's words
    assert not fragment_of(whole, "両国の協議を24日から再開")  # not where the sentence ends: not its act
    # a clause before the tail: the day's own doing, then the later one's
    assert not fragment_of(
        "外務省は23日に抗議したが、24日から協議を再開すると発表した。", "24日から協議を再開すると発表した。"
    )
    # the later date is a named happening's (「24日に開かれる式典」「24日に始まった協議」), not the act's
    assert not fragment_of(
        "外務省は23日、24日に開かれる式典に参加しないと発表した。", "24日に開かれる式典に参加しないと発表した。"
    )
    assert not fragment_of(
        "外務省は25日、24日に始まった協議を打ち切ると発表した。", "24日に始まった協議を打ち切ると発表した。"
    )


def test_a_tail_dated_before_the_sentence_s_day_is_left_to_the_dates() -> None:
    # 「同社は24日、19日付の報告書を…公表した」: an earlier date inside the act's words; the clustering joins a tail only to an
    # earlier-dated sentence (`whole_told`), so this one stays where its date put it (the date checker's to judge)
    whole = cl.Member(1, "2025-07-24", "day", "同社は24日、19日付の報告書を社内外に公表した。", False, 1.0, {})
    tail = cl.Member(2, "2025-07-19", "day", "19日付の報告書を社内外に公表した。", False, 1.0, {})
    later = cl.Member(3, "2025-07-29", "day", tail.summary, False, 1.0, {})
    assert fragment_of(whole.summary, tail.summary)
    assert cl.whole_told([(1, whole.date, whole.summary)], tail, fragment_of) is None
    assert cl.whole_told([(1, whole.date, whole.summary)], later, fragment_of) == 1


def test_english_sentences_are_not_read() -> None:
    whole = "The ministry said on Monday, that the ceasefire would start on Wednesday."
    assert not fragment_of(whole, "that the ceasefire would start on Wednesday.")
