"""Event dates, issue 12 round 6: English day phrases counted from the last day the article named or from its date
(「the next day」「two days later」「yesterday」); an English tense not read from a noun; a month a tally runs from."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateContext

REF = dt.date(2025, 3, 6)  # a Thursday


def _values(text: str, ref: dt.date = REF) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in DateContext(ref).scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The regulator fined the bank on Feb. 20. The bank appealed the next day.",
            [("Feb. 20", "2025-02-20"), ("the next day", "2025-02-21")],
        ),
        (
            "Parliament passed the bill on Tuesday. The following day, the senate rejected it.",
            [("Tuesday", "2025-03-04"), ("The following day", "2025-03-05")],
        ),
        (
            "The strike ended on March 1; the previous day, unions had rejected the offer.",
            [("March 1", "2025-03-01"), ("the previous day", "2025-02-28")],
        ),
        (
            "The ferry sank on Feb. 10. Two days later divers recovered the hull, and a day earlier the port had shut.",
            [("Feb. 10", "2025-02-10"), ("Two days later", "2025-02-12"), ("a day earlier", "2025-02-11")],
        ),
        ("The governor resigned yesterday.", [("yesterday", "2025-03-05")]),
        ("The next day, police arrested a suspect.", [("The next day", "2025-03-07")]),  # no day named: the reference
    ],
)
def test_english_day_phrases(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Everyday prices rose and someday they may fall.",  # no day phrase in a word
        "Later that day the minister spoke.",  # the same day: no other day than the one told before
        "The talks lasted a day and ended without a deal.",  # a duration, not a day
        "Many days later is not a count the rule reads.",
    ],
)
def test_not_english_day_phrases(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a day about half a year either side: the tense decides it; a future day farther ahead in the next calendar
        # year is written with its year, so a bare one is never read there: tests/test_timeline_sides22.py)
        ("The board rejected the plan on Sept. 1.", "2024-09-01"),  # the noun "plan" is no future
        ("Flights were cancelled due to the storm on Sept. 1.", "2024-09-01"),  # "due to" a cause
        ("The board plans to vote on Sept. 1.", "2025-09-01"),  # "plans to": future
        ("Leaders are due to meet on Sept. 1.", "2025-09-01"),
        ("The ministers will meet on Sept. 1.", "2025-09-01"),
    ],
)
def test_english_tense_is_read_from_verbs_not_nouns(text: str, expected: str) -> None:
    assert [v for _, v in _values(text)] == [expected]


# --- a month a tally or a state runs from (bot/extract/segments.py) ----------------------------------------------

JA_REF = dt.date(2025, 10, 1)


def _event_dates(text: str) -> list[str]:
    from bot.extract.segments import is_event_date

    return [m.text for m in DateContext(JA_REF).scan(text) if is_event_date(m, text, [], 0)]


@pytest.mark.parametrize(
    "text",
    [
        "漁協の佐藤さんは、4月から300匹を超えるイノシシを駆除してきました。",  # a tally still growing
        "ことし1月から8月までに県を訪れた外国人は約20万人だった。",  # a tally up to a later month
        "ガソリン価格は6月からは下がったものの、高い水準が続いている。",  # a state going on
    ],
)
def test_a_month_a_tally_or_state_runs_from_dates_no_happening(text: str) -> None:
    assert _event_dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4月から新しい制度が始まった。", ["4月"]),  # what started in April happened then
        ("政府は3月から輸入を停止した。", ["3月"]),
        ("市は5月、新たな対策本部を設けた。", ["5月"]),
    ],
)
def test_a_month_something_started_in_still_dates_it(text: str, expected: list[str]) -> None:
    assert _event_dates(text) == expected


# --- 「N日にも」: "also on the Nth" when its clause tells a resulting state, "as early as" when it tells a plan -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("隣の町では、8日にも登山者の遺体が見つかっている。", "2025-10-08"),  # also on the 8th: it happened
        ("同じ橋では20日にも落石が確認されていた。", "2025-09-20"),  # also on the 20th, before the article's 17th
        ("知事は8日にも現地を視察する方向で調整している。", "2025-11-08"),  # as early as the 8th: a plan
        ("知事は8日にも現地を視察する。", "2025-11-08"),
        ("委員会は20日にも会合を開く予定だ。", "2025-10-20"),
    ],
)
def test_also_on_a_day_or_as_early_as_a_day(text: str, expected: str) -> None:
    assert [m.value for m in DateContext(dt.date(2025, 10, 17)).scan(text)] == [expected]


# --- an undated English sentence that goes on, in sequence, with the day the article reports ---------------------


def _events(text: str) -> list[tuple[str, str]]:
    from bot.actors import ActorIndex
    from bot.extract.events import extract_events
    from bot.ingest.parse import parse_document

    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(e.date, e.summary) for e in rows]


def _article(*paragraphs: str) -> str:
    return "---\npublished: 2025-06-12\nlanguage: en\n---\n" + "\n\n".join(paragraphs)


def test_a_later_sentence_of_the_reported_day_takes_that_day() -> None:
    events = _events(
        _article(
            "The two finance ministers met in Ottawa on Wednesday to discuss the currency swap.",
            "They later signed an agreement on the swap line.",
            "Hours later, the central bank announced a rate cut.",
        )
    )
    assert [d for d, _ in events] == ["2025-06-11", "2025-06-11", "2025-06-11"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "They will later sign an agreement on the swap line.",  # a plan
        "The ministers told reporters afterward that talks had gone well.",  # a word on the day's happening
        "The bank had cut rates about an hour later than expected.",  # 「an hour later」 mid-sentence: no day of its own
        "Talks resumed two weeks later in Geneva.",  # another day, which the sentence does not give
        "The central bank cut its rate and the yen weakened.",  # no cue that it followed that day
    ],
)
def test_an_undated_english_sentence_without_a_same_day_sequence_stays_undated(paragraph: str) -> None:
    events = _events(
        _article("The two finance ministers met in Ottawa on Wednesday to discuss the currency swap.", paragraph)
    )
    assert len(events) == 1


def test_a_later_sentence_in_an_article_reporting_an_old_day_stays_undated() -> None:
    text = "---\npublished: 2025-09-30\nlanguage: en\n---\nThe two ministers met in Ottawa on June 11.\n\nThey later signed an agreement."
    assert not [s for _, s in _events(text) if "later" in s]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date's own clause of joined clauses: the later clause's "would" is not the first clause's tense
        (
            "On March 2 the council ordered a review of the plan, and on March 4 it said that the review would take a year.",
            ["2025-03-02", "2025-03-04"],
        ),
        # a relative clause's "would" after a past verb: the date's verb is past
        ("On March 4 the mayor unveiled a budget that would double school spending.", ["2025-03-04"]),
        # the date's own clause reads future: the coming Sept. 4, not last year's (the article is of 6 March)
        ("The council said on Tuesday that it will vote on Sept. 4.", ["2025-03-04", "2025-09-04"]),
    ],
)
def test_an_english_dates_tense_is_its_own_clauses(text: str, expected: list[str]) -> None:
    assert [v for _, v in _values(text)] == expected


# --- a disaster's happening told in the two languages is one event (bot/extract/events.py, same_event) ------------


def _features(text: str) -> dict:
    from bot.actors import ActorIndex
    from bot.extract.actions import acts
    from bot.extract.events import event_features

    f = event_features(text, ActorIndex([]))
    done = acts(text)
    return {
        "tokens": sorted(f.tokens),
        "persons": [],
        "names": sorted(f.names),
        "act": sorted(done.main),
        "acts": sorted(done.named),
    }


def test_a_disaster_told_in_japanese_and_in_english_with_the_same_act_is_one_event() -> None:
    from bot.extract.events import same_event

    ja = _features("2日午前3時ごろ、沖合を震源とする強い地震があった。")
    en = _features("The strong earthquake struck at 3 a.m. at a depth of about 40 km, the agency reported.")
    assert same_event(ja, en) > 0


def test_the_same_act_without_a_shared_incident_or_within_one_language_is_not_enough() -> None:
    from bot.extract.events import same_event

    ja = _features("2日午前3時ごろ、沖合を震源とする強い地震があった。")
    assert same_event(ja, _features("A fire broke out at the port warehouse and struck nearby shops.")) <= 0
    assert same_event(_features("市内で火災があった。"), _features("沖合を震源とする地震があった。")) <= 0


# --- an English report of a disaster's day: its undated happenings happened that day ------------------------------


def test_an_english_report_of_a_disaster_day_dates_its_undated_happenings() -> None:
    events = _events(
        "---\npublished: 2025-06-12\nlanguage: en\n---\n"
        "A powerful earthquake struck off the coast on Thursday, shaking buildings across the region.\n\n"
        "In the hill town, an elderly woman died after a landslide buried her home."
    )
    assert [d for d, _ in events] == ["2025-06-12", "2025-06-12"]


def test_an_english_report_of_an_ordinary_day_leaves_undated_sentences_undated() -> None:
    events = _events(
        "---\npublished: 2025-06-12\nlanguage: en\n---\n"
        "The central bank raised its key rate on Thursday.\n\n"
        "In the hill town, an elderly woman died after a landslide buried her home."
    )
    assert [d for d, _ in events] == ["2025-06-12"]


# --- a meeting's length, told after the meeting, is no happening of its own ------------------------------------


@pytest.mark.parametrize(
    "length",
    [
        "会議は約3時間に及んだ。",
        "交渉は日本時間12日夜から13日未明にかけて、4時間近く続いた。",
        "The meeting lasted about three hours and ended after midnight.",
        "The session began at 9 a.m. and ran for more than six hours.",
    ],
)
def test_a_meetings_length_after_the_meeting_is_no_event(length: str) -> None:
    lead = (
        "両国の外相は12日、東京で会談した。"
        if not length.isascii()
        else "The two foreign ministers met in Tokyo on Thursday."
    )
    language = "ja" if not length.isascii() else "en"
    text = f"---\npublished: 2025-06-13\nlanguage: {language}\n---\n{lead}\n\n{length}"
    assert len(_events(text)) == 1


def test_a_meetings_length_that_is_the_only_report_of_its_day_stays() -> None:
    text = "---\npublished: 2025-06-13\n---\n外相会談は12日、約3時間に及んだ。"
    assert [d for d, _ in _events(text)] == ["2025-06-12"]


# --- an English date in a relative clause that is not past dates the noun, not a happening ----------------------


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("The governor, who takes office on July 1, has already named a cabinet.", []),
        ("The new law, which comes into force on Aug. 1, sets a cap on fees.", []),
        ("The governor, who resigned on Tuesday, has named no successor.", ["Tuesday"]),  # a past clause: a happening
        ("The mayor, speaking on Friday, said the bridge would reopen.", ["Friday"]),  # no relative clause
    ],
)
def test_an_english_relative_clause_date(text: str, dated: list[str]) -> None:
    from bot.extract.segments import is_event_date

    mentions = DateContext(dt.date(2025, 6, 13)).scan(text)
    assert [m.text for m in mentions if is_event_date(m, text, [], 0, True)] == dated


# --- 「前日より」「前年に比べ」: the baseline a figure is compared with, not a date -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平均気温は前日より3度高い32度だった。", []),
        ("輸出額は前年に比べ2割増えた。", []),
        ("来場者は前月を上回った。", []),
        ("知事は前日に記者会見を開いた。", ["2025-10-09"]),  # the day before: a date
        ("前年の選挙で党は議席を減らした。", ["2024"]),
    ],
)
def test_a_comparisons_baseline_is_no_date(text: str, expected: list[str]) -> None:
    context = DateContext(dt.date(2025, 10, 10))
    context.scan("10日、市場が開いた。")
    assert [m.value for m in context.scan(text)] == expected
