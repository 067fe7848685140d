"""Round 29 (issue 12): a moment in two zones, a clause closed by が, 同M月, "the morning of", "for" a day.

- 「…報道官は、現地時間の2日、日本時間の3日朝に声明を出し」「…は日本時間の22日午後、現地時間では21日夜に投稿し」: one
  moment given in two zones, one after the other, had been cut at the second date into a fragment with no predicate
  (「…報道官は、現地時間の2日」) and a clause dated by the Japan-time day; it is one event dated by the local day
  (balloon2023, gaza2025, openai2023, uselection2024, ukraine2025e).
- 「下院は今月2日、…大筋可決したが、6日の逐条審議で…否決され」「米国は4日に…関税を発動したが、…6日に適用を猶予した」:
  the sentence's opening clause, on its own topic, closed by its verb and the conjunction が, had been read as left open
  (が as a subject's particle) and the later day's happening folded into the first day's (milei2023, canada2025,
  henoko2023, slushfund2024).
- "In the early hours of Wednesday, the Office of the President published…", "on the morning of Sept. 30": the part of a
  day named by "of" is a time, not a noun's day (milei2023, kadokawa2024, takarazuka2023, bears2025); in what had been
  ("…had evacuated him … on the evening of Dec. 8") or of a day years back ("on the morning of July 18, 2019" in a 2024
  report) it still dates nothing (syria2024, kyoani2024).
- "called a snap election for April 28", "pencilled in for Sept. 25", "called a general strike for Jan. 24": a day after
  for is the day set, a target, not the day of the clause's happening (canada2025, evtariffs2024, milei2023,
  daihatsu2023, nankai2024).
- 「政府は昨年3月、…要請。東電は同4月に…」「昨年10月21日に…、同11月27日には…」: 同 before a month is the year of the
  date named before it, not the year nearest the report (kashiwazaki2025, hakamada2024).

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import datetime as dt

from tests.test_timeline_dates19 import _days
from tests.test_timeline_retold21 import _events
from tests.test_timeline_round28 import _english_events


def test_a_moment_in_two_zones_is_one_event_of_the_local_day() -> None:
    body = "国務省の報道官は、現地時間の8日、日本時間の9日朝に声明を出し、「対話を続ける」と明らかにしました。"
    assert _events(body, "2024-10-09") == [
        (
            "2024-10-08",
            "国務省の報道官は、現地時間の8日、日本時間の9日朝に声明を出し、「対話を続ける」と明らかにしました。",
        )
    ]


def test_japan_time_first_the_local_day_still_dates_it() -> None:
    body = "同社は日本時間の9日午後、現地時間では8日夜にSNSに投稿し、新製品を発表しました。"
    assert [d for d, _ in _events(body, "2024-10-09")] == ["2024-10-08"]


def test_two_days_of_two_happenings_stay_apart() -> None:
    # not one moment: the second day is a clause's own, with no zone before the first
    body = "首相は8日、外相と会談し、10日の閣議で方針を決めた。"
    assert [d for d, _ in _events(body, "2024-10-12")] == ["2024-10-08", "2024-10-10"]


def test_a_clause_closed_by_ga_before_another_day_is_its_own_happening() -> None:
    body = "下院は今月2日、法案を賛成多数で可決したが、6日の審議で主要な条文が否決され、法案は委員会に差し戻された。"
    assert _events(body, "2024-10-15") == [
        ("2024-10-02", "下院は今月2日、法案を賛成多数で可決した"),
        ("2024-10-06", "6日の審議で主要な条文が否決され、法案は委員会に差し戻された。"),
    ]


def test_a_ga_of_the_subject_still_leaves_its_clause_open() -> None:
    # 「10日に米国が、」: が marks a subject, the clause goes on past the next day as before
    body = "会合では10日に米国が、12日には英国が相次いで声明を出した。"
    assert [d for d, _ in _events(body, "2024-10-15")] == ["2024-10-10", "2024-10-12"]


def test_what_had_been_before_ga_is_the_news_background() -> None:
    # 「…発言をしていたが、」: what had been, the background the later day's news is set against: one entry, as before
    body = "社長は25日の会見で関与を認める発言をしていたが、同社は28日、取材に「確認中だ」と回答した。"
    assert len(_events(body, "2024-10-30")) == 1


def test_a_frame_of_place_before_ga_keeps_the_scenes_course_whole() -> None:
    body = "現場では、重機用のスロープが今月1日に完成しましたが、翌2日、水が噴き出し、作業は中断しました。"
    assert len(_events(body, "2024-10-05")) == 1


def test_dou_before_a_month_is_the_year_named_before() -> None:
    text = "政府は昨年3月、知事に理解を要請。東電は同4月に燃料を入れた。"
    assert _days(text, dt.date(2025, 4, 19)) == ["2024-03", "2024-04"]
    text = "昨年10月21日に本部長が、同11月27日には検事正が謝罪した。"
    assert _days(text, dt.date(2024, 10, 9)) == ["2023-10-21", "2023-11-27"]


def test_dou_as_part_of_a_word_is_no_year() -> None:
    # 「共同」「合同」 end in 同 but name no year; 「4月」 alone keeps its nearest year
    assert _days("共同4月声明を出した。", dt.date(2025, 4, 19)) == ["2025-04"]


def test_the_part_of_a_day_named_by_of_dates_its_sentence() -> None:
    body = "In the early hours of Wednesday, the president's office published a list of the deputies who voted no."
    assert [d for d, _ in _english_events(body, "2024-06-14")] == ["2024-06-12"]
    body = "The woman was found dead outside her building on the morning of June 10."
    assert [d for d, _ in _english_events(body, "2024-06-14")] == ["2024-06-10"]


def test_a_noun_of_a_day_and_what_had_been_still_date_nothing() -> None:
    assert _english_events("The quake of June 10 left thousands homeless.", "2024-06-14") == []
    body = "He said on Monday that the army had evacuated him from the base on the evening of June 8."
    assert [d for d, _ in _english_events(body, "2024-06-14")] == ["2024-06-10"]


def test_a_day_after_for_is_the_day_set() -> None:
    assert _english_events("Days later he called a snap election for June 28.", "2024-06-14") == []
    body = "The union called a general strike for June 24, the first against the government."
    assert _english_events(body, "2024-06-14") == []
    body = "The union held a general strike on June 12 against the bill."
    assert [d for d, _ in _english_events(body, "2024-06-14")] == ["2024-06-12"]


def test_the_part_of_a_day_years_back_stays_background() -> None:
    body = "Prosecutors say the man walked into the studio on the morning of July 18, 2019, and set it alight."
    assert _english_events(body, "2024-06-14") == []
