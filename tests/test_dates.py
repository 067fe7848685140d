"""Tests for bot.extract.dates: every form, its wrong readings, and the real 004 seed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.extract.dates import DateContext, DateMention, find_dates, parse_date_arg

REF = dt.date(2025, 3, 13)  # a Thursday; the 004 seed's item date
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

Expected = list[tuple[str, str, str]]  # (surface text, value, precision)


def found(text: str, ref: dt.date | None = REF) -> Expected:
    return [(m.text, m.value, m.precision) for m in find_dates(text, ref)]


# --- absolute forms ---------------------------------------------------------------------------------------------

ABSOLUTE: list[tuple[str, Expected]] = [
    ("2025年3月13日に発表した", [("2025年3月13日", "2025-03-13", "day")]),
    ("スジャ奪還作戦(2025 年 3 月 12 日)", [("2025 年 3 月 12 日", "2025-03-12", "day")]),
    ("公開日:2025/03/04", [("2025/03/04", "2025-03-04", "day")]),
    ("期限は2025-03-04まで", [("2025-03-04", "2025-03-04", "day")]),
    ("2025.3.4 更新", [("2025.3.4", "2025-03-04", "day")]),
    ("令和7年3月1日", [("令和7年3月1日", "2025-03-01", "day")]),
    ("令和元年5月1日に即位", [("令和元年5月1日", "2019-05-01", "day")]),
    ("平成31年4月30日", [("平成31年4月30日", "2019-04-30", "day")]),
    ("令和6年", [("令和6年", "2024", "year")]),
    ("２０２５年３月１５日", [("２０２５年３月１５日", "2025-03-15", "day")]),
    ("２０２５／０３／１５", [("２０２５／０３／１５", "2025-03-15", "day")]),
    ("2025年3月に合意", [("2025年3月", "2025-03", "month")]),
    ("1945年2月のヤルタ会談", [("1945年2月", "1945-02", "month")]),
    ("2024年、日本とウクライナが", [("2024年", "2024", "year")]),
    ("2022 年、ロシアはウクライナへ全面侵攻", [("2022 年", "2022", "year")]),
    ("ウクライナ軍が2024年8月から越境攻撃", [("2024年8月", "2024-08", "month")]),
    ("2024年末までに", [("2024年末", "2024-12", "month")]),
    ("2025年度予算", [("2025年", "2025", "year")]),
    ("1998～1999 年のコソボ戦争", [("1998", "1998", "year"), ("1999 年", "1999", "year")]),
    ("結束基金の 2021~2027 年の資金規模", [("2021", "2021", "year"), ("2027 年", "2027", "year")]),
    ("2021年～2027年の計画", [("2021年", "2021", "year"), ("2027年", "2027", "year")]),
    ("2025年3月12～13日に開催", [("2025年3月12", "2025-03-12", "day"), ("13日", "2025-03-13", "day")]),
    ("ロシア・ウクライナ情報(Newsweek, 2025年3月13日)", [("2025年3月13日", "2025-03-13", "day")]),
    ("March 18, 2025", [("March 18, 2025", "2025-03-18", "day")]),
    ("on Tuesday, March 18, 2025 in Riyadh", [("Tuesday, March 18, 2025", "2025-03-18", "day")]),
    ("18 March 2025", [("18 March 2025", "2025-03-18", "day")]),
    ("the 18th of March, 2025", [("18th of March, 2025", "2025-03-18", "day")]),
    ("Sept. 3, 2024", [("Sept. 3, 2024", "2024-09-03", "day")]),
    ("in March 2025", [("March 2025", "2025-03", "month")]),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_absolute(text: str, expected: Expected) -> None:
    assert found(text) == expected
    assert all(not m.relative for m in find_dates(text, REF))
    assert found(text, None) == expected  # no reference needed


# --- relative forms (REF = Thursday 2025-03-13) ---------------------------------------------------------------

RELATIVE: list[tuple[str, Expected]] = [
    ("2月28日のホワイトハウスでの会談", [("2月28日", "2025-02-28", "day")]),
    ("3 月 4 日、「欧州再軍備計画」を発表した", [("3 月 4 日", "2025-03-04", "day")]),
    ("ロシアは12日、クルスク州で", [("12日", "2025-03-12", "day")]),
    ("ルビオ氏は 11 日、サウジアラビアで", [("11 日", "2025-03-11", "day")]),
    ("１５日", [("１５日", "2025-03-15", "day")]),
    ("13日公開のインタビュー", [("13日", "2025-03-13", "day")]),
    ("ウォルツ大統領補佐官との12日の電話会談で", [("12日", "2025-03-12", "day")]),
    ("12日から13日にかけて", [("12日", "2025-03-12", "day"), ("13日", "2025-03-13", "day")]),
    ("11～12日に協議", [("11", "2025-03-11", "day"), ("12日", "2025-03-12", "day")]),
    # a day after the reference day: previous month when the clause is past, same month when future
    ("ゼレンスキー氏は28日、訪米した。", [("28日", "2025-02-28", "day")]),
    ("28日に会談する予定だ。", [("28日", "2025-03-28", "day")]),
    ("20日にも電話会談", [("20日", "2025-03-20", "day")]),
    ("28日の会談", [("28日", "2025-02-28", "day")]),  # no tense: the nearer reading
    ("15日の会談", [("15日", "2025-03-15", "day")]),
    ("ウクライナ軍は昨年8月、ロシア領内のクルスクへの越境攻撃を開始", [("昨年8月", "2024-08", "month")]),
    ("昨年8月6日に越境", [("昨年8月6日", "2024-08-06", "day")]),
    ("昨年", [("昨年", "2024", "year")]),
    ("去年の秋", [("去年", "2024", "year")]),
    ("一昨年", [("一昨年", "2023", "year")]),
    ("昨年末から", [("昨年末", "2024-12", "month")]),
    ("今年2月", [("今年2月", "2025-02", "month")]),
    ("事務総長は今年 2 月、", [("今年 2 月", "2025-02", "month")]),
    ("今年に入ってから", [("今年", "2025", "year")]),
    ("来年1月", [("来年1月", "2026-01", "month")]),
    ("先月ゼレンスキー氏と", [("先月", "2025-02", "month")]),
    ("今月", [("今月", "2025-03", "month")]),
    ("来月", [("来月", "2025-04", "month")]),
    ("先月12日", [("先月12日", "2025-02-12", "day")]),
    ("先月末", [("先月末", "2025-02", "month")]),
    ("先週", [("先週", "2025-03-03", "day")]),  # Monday of that week
    ("今週", [("今週", "2025-03-10", "day")]),
    ("来週、サウジアラビアで", [("来週", "2025-03-17", "day")]),
    ("先週木曜", [("先週木曜", "2025-03-06", "day")]),
    ("先週の金曜日に", [("先週の金曜日", "2025-03-07", "day")]),
    ("昨日", [("昨日", "2025-03-12", "day")]),
    ("本日", [("本日", "2025-03-13", "day")]),
    ("明日", [("明日", "2025-03-14", "day")]),
    ("前日発表された提案", [("前日", "2025-03-12", "day")]),  # no earlier mention: from the reference
    ("アメリカは3月初め、", [("3月初め", "2025-03", "month")]),
    ("3月上旬", [("3月上旬", "2025-03", "month")]),
    ("3月中旬", [("3月中旬", "2025-03", "month")]),
    ("3月下旬", [("3月下旬", "2025-03", "month")]),
    ("3月末", [("3月末", "2025-03", "month")]),
    ("2月末の首脳会談", [("2月末", "2025-02", "month")]),
    ("1月に就任して以来", [("1月", "2025-01", "month")]),
    ("木曜日", [("木曜日", "2025-03-13", "day")]),  # on or before the reference
    ("月曜に", [("月曜", "2025-03-10", "day")]),
    ("Thursday", [("Thursday", "2025-03-13", "day")]),
    ("on Monday the envoy said", [("Monday", "2025-03-10", "day")]),
    ("last Thursday", [("last Thursday", "2025-03-06", "day")]),
    ("next Monday", [("next Monday", "2025-03-17", "day")]),
    ("on Tuesday (March 18)", [("Tuesday (March 18)", "2025-03-18", "day")]),
    ("March 11", [("March 11", "2025-03-11", "day")]),
    ("11 March", [("11 March", "2025-03-11", "day")]),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative(text: str, expected: Expected) -> None:
    assert found(text) == expected
    assert all(m.relative for m in find_dates(text, REF))


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e in RELATIVE if "前日" not in t])
def test_relative_needs_a_reference(text: str, expected: Expected) -> None:
    assert found(text, None) == []


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("5日に会談する予定だ。", dt.date(2025, 3, 28), [("5日", "2025-04-05", "day")]),  # next month
        ("5日に会談した。", dt.date(2025, 3, 28), [("5日", "2025-03-05", "day")]),
        ("5日に会談する予定だと明らかにした。", dt.date(2025, 3, 28), [("5日", "2025-04-05", "day")]),
        (
            "大統領は5日、和平計画を来月示す予定だと述べた。",
            dt.date(2025, 3, 28),
            [("5日", "2025-03-05", "day"), ("来月", "2025-04", "month")],
        ),
        ("28日にも攻撃があった。", dt.date(2025, 3, 13), [("28日", "2025-02-28", "day")]),
        ("大統領は12日、和平計画を発表した。", dt.date(2025, 3, 13), [("12日", "2025-03-12", "day")]),
        ("30日、と述べた。", dt.date(2025, 3, 13), []),  # past reading 2月30日 does not exist
        ("30日の会談", dt.date(2025, 2, 10), [("30日", "2025-01-30", "day")]),
        ("12月28日の会談", dt.date(2025, 1, 5), [("12月28日", "2024-12-28", "day")]),  # nearest year
        ("1月10日の会談", dt.date(2025, 12, 20), [("1月10日", "2026-01-10", "day")]),
        ("8月", dt.date(2025, 3, 13), [("8月", "2025-08", "month")]),
        ("12月", dt.date(2025, 3, 13), [("12月", "2024-12", "month")]),
        ("先週", dt.date(2025, 3, 10), [("先週", "2025-03-03", "day")]),  # ref on a Monday
        ("Sunday", dt.date(2025, 3, 16), [("Sunday", "2025-03-16", "day")]),
        ("last Sunday", dt.date(2025, 3, 16), [("last Sunday", "2025-03-09", "day")]),
        ("昨日", dt.date(2025, 3, 1), [("昨日", "2025-02-28", "day")]),
        ("2～3月", dt.date(2025, 3, 13), [("2", "2025-02", "month"), ("3月", "2025-03", "month")]),
        ("11～12月", dt.date(2025, 3, 13), [("11", "2024-11", "month"), ("12月", "2024-12", "month")]),
    ],
)
def test_relative_edges(text: str, ref: dt.date, expected: Expected) -> None:
    assert found(text, ref) == expected


# Each relative form read against the article's date, on both sides of a month and a year end (issue 12).
ARTICLE_DATE: list[tuple[str, dt.date, Expected]] = [
    # an effective date (付) is set by the announcement: the nearer side, whatever the sentence's verb
    (
        "内田社長が3月31日付で退任し、後任が就任する人事を発表した。",
        dt.date(2025, 3, 11),
        [("3月31日", "2025-03-31", "day")],
    ),
    ("後任が4月1日付で就任する人事を発表した。", dt.date(2025, 3, 11), [("4月1日", "2025-04-01", "day")]),
    ("15日付で就任する人事を発表した。", dt.date(2025, 3, 11), [("15日", "2025-03-15", "day")]),
    ("1日付で就任した。", dt.date(2025, 4, 2), [("1日", "2025-04-01", "day")]),
    # a past sentence naming a date just ahead: the date's own verb is not the sentence's
    ("4月に就任する人事を発表した。", dt.date(2025, 3, 11), [("4月", "2025-04", "month")]),
    ("4月の選挙で敗れた。", dt.date(2024, 12, 12), [("4月", "2024-04", "month")]),
    ("4月に選挙を行う。", dt.date(2024, 12, 20), [("4月", "2025-04", "month")]),
    ("12月に会談した。", dt.date(2025, 1, 5), [("12月", "2024-12", "month")]),
    ("1月に会談する予定だ。", dt.date(2024, 12, 20), [("1月", "2025-01", "month")]),
    # the verb a date is the time of, inside a reported clause
    ("28日に会談することを決めた。", dt.date(2025, 3, 13), [("28日", "2025-03-28", "day")]),
    ("28日に会談したことを明らかにした。", dt.date(2025, 3, 13), [("28日", "2025-02-28", "day")]),
    ("幹事長は、28日に懇談会を開く方針を明らかにした。", dt.date(2025, 7, 23), [("28日", "2025-07-28", "day")]),
    (
        "首相が13日にも現地を訪れる方向で調整していることが9日、分かった。",
        dt.date(2024, 1, 9),
        [("13日", "2024-01-13", "day"), ("9日", "2024-01-09", "day")],
    ),
    ("選管は27日の会合で、名前を公表することを決めた。", dt.date(2025, 9, 3), [("27日", "2025-08-27", "day")]),
    # a bare day later in the sentence than a date, and later in its month, is of that month
    (
        "同社は1月2日の時点で説明していたが、5日になって訂正した。",
        dt.date(2024, 3, 8),
        [("1月2日", "2024-01-02", "day"), ("5日", "2024-01-05", "day")],
    ),
    (  # across sentences of a paragraph, from a date that names its month
        "代理人は5月12日、開示を求めた。第三者委は22日、開示を拒んでいる。",
        dt.date(2025, 6, 25),
        [("5月12日", "2025-05-12", "day"), ("22日", "2025-05-22", "day")],
    ),
    (
        "首相は12日、会談した。首相は22日、帰国した。",
        dt.date(2025, 6, 25),
        [("12日", "2025-06-12", "day"), ("22日", "2025-06-22", "day")],
    ),
    (
        "2024年1月1日の地震から9か月、21日に豪雨が襲った。",
        dt.date(2024, 9, 25),
        [("2024年1月1日", "2024-01-01", "day"), ("21日", "2024-09-21", "day")],
    ),
    ("両社は来年6月に最終契約を結ぶ。", dt.date(2024, 12, 23), [("来年6月", "2025-06", "month")]),
    ("両社は来年6月に最終契約を結ぶ。", dt.date(2025, 1, 10), [("来年6月", "2026-06", "month")]),
    ("来月に会談する。", dt.date(2024, 12, 23), [("来月", "2025-01", "month")]),
    ("先月、会談した。", dt.date(2025, 1, 3), [("先月", "2024-12", "month")]),
    ("昨年12月に会談した。", dt.date(2025, 1, 3), [("昨年12月", "2024-12", "month")]),
    ("今年4月に選挙があった。", dt.date(2024, 12, 20), [("今年4月", "2024-04", "month")]),
    ("週明けに会談する。", dt.date(2025, 3, 14), [("週明け", "2025-03-17", "day")]),
    ("月末に会談する。", dt.date(2025, 3, 12), [("月末", "2025-03", "month")]),
    ("毎月末に集計する。", dt.date(2025, 3, 12), []),
    ("年内に合意する。", dt.date(2025, 3, 12), [("年内", "2025", "year")]),
    ("年明けに合意する。", dt.date(2024, 12, 12), [("年明け", "2025-01", "month")]),
    ("年明けに合意した。", dt.date(2025, 1, 12), [("年明け", "2025-01", "month")]),
    ("同日、会談した。", dt.date(2025, 1, 1), [("同日", "2025-01-01", "day")]),
    ("翌日、会談した。", dt.date(2024, 12, 31), [("翌日", "2025-01-01", "day")]),
    ("He met Putin last week.", dt.date(2025, 3, 12), [("last week", "2025-03-03", "day")]),
    ("They will meet next week.", dt.date(2025, 1, 2), [("next week", "2025-01-06", "day")]),
    ("Talks were held earlier this month.", dt.date(2025, 3, 12), [("earlier this month", "2025-03", "month")]),
    ("The election will be held in April.", dt.date(2024, 12, 12), [("April.", "2025-04", "month")]),
    ("The election was held in April.", dt.date(2024, 12, 12), [("April.", "2024-04", "month")]),
    ("He resigned last March.", dt.date(2025, 3, 12), [("March.", "2024-03", "month")]),
    ("Markets may fall.", dt.date(2025, 3, 12), []),
    (
        "It rained in May, and last week the talks resumed.",
        dt.date(2025, 6, 12),
        [("May", "2025-05", "month"), ("last week", "2025-06-02", "day")],
    ),
    # a two-digit year before a month (「26年1月に再稼働」), never a count of years
    ("2号機が26年1月に再稼働する", dt.date(2025, 1, 10), [("26年1月", "2026-01", "month")]),
    ("99年10月に", dt.date(2025, 1, 10), [("99年10月", "1999-10", "month")]),
    ("26年間の運転", dt.date(2025, 1, 10), []),
    ("He said on Monday he would resign.", dt.date(2025, 3, 12), [("Monday", "2025-03-10", "day")]),
    # an English weekday takes the tense of its own clause
    (
        "Trump said on Tuesday he would meet Putin on Friday.",
        dt.date(2025, 6, 25),
        [("Tuesday", "2025-06-24", "day"), ("Friday", "2025-06-27", "day")],
    ),
    (
        "Fuji Media plans to disclose the detailed results on Thursday.",
        dt.date(2025, 6, 25),
        [("Thursday", "2025-06-26", "day")],
    ),
    (
        "The coalition would suffer after it lost in Sunday's election.",
        dt.date(2025, 6, 25),
        [("Sunday", "2025-06-22", "day")],
    ),
    # a weekly slot is no date
    ("スポンサーを務める日曜夜の2番組で差し替える。", dt.date(2025, 1, 17), []),
    ("日曜の午後に会談した。", dt.date(2025, 1, 17), [("日曜", "2025-01-12", "day")]),
]


@pytest.mark.parametrize(("text", "ref", "expected"), ARTICLE_DATE)
def test_relative_forms_against_the_article_date(text: str, ref: dt.date, expected: Expected) -> None:
    assert found(text, ref) == expected


# --- things that are not dates -----------------------------------------------------------------------------------

NOT_DATES: list[str] = [
    "30日間の停戦期間中",
    "30 日間",
    "アメリカとウクライナが合意した30日の停戦案をめぐる",
    "30日の一時停戦",
    "30日の即時停戦",
    "30日の休戦",
    "30日の猶予",
    "10日の期限",
    "10年間の安全保障協定",
    "過去 60 年間で最悪",
    "4 年間で",
    "過去3週間に",
    "80年前に構築された",
    "70周年",
    "50歳",
    "45億ドルを提供",
    "塹壕を 500 メートル掘って",
    "パイプラインを 15 キロ進む",
    "86%を奪還",
    "米露中 3 カ国",
    "128 兆円",
    "3カ月",
    "3ヶ月",
    "3か月",
    "3月14のウクライナ情報",
    "3日前",
    "3日後",
    "3日目",
    "約30日",
    "1日も早く",
    "1日あたり",
    "1日平均",
    "2～3日で終わる",
    "12～1月",
    "日曜版",
    "1990年代",
    "2000年前",
    "2月30日",
    "2025年2月30日",
    "2025年13月",
    "毎週月曜",
    "前日比",
    "前年比",
    "同年代",
    "日本年金機構",
    "明日香",
    "支持を表明日本政府は",
    "以来年々増加",
    "共同日程",
    "先週末",
    "週末のミュンヘン安全保障会議",
    "ここ数日",
    "1.5%",
    "G7",
    "16か国目",
    "Thursdays",
    "troops march on",
    "May I ask",
    "<https://news.yahoo.co.jp/articles/80dd33735cfb2afd5fd0833e8e21ac07a6844f8b/images/000>",
    "https://sputniknews.jp/20250312/19636315.html?rcmd_alg=collaboration2#pv=g%3D19636315",
    "出典: https://jp.reuters.com/world/ukraine/KAHPNXYC35OCDD7RNYZMVZZ5WI-2024-06-13/記事",
    "news.yahoo.co.jp/articles/2025/03/12",
    "https://www.yomiuri.co.jp/world/20250304-OYT1T50158/",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年6月13日から15日まで", [("2024年6月13日", "2024-06-13", "day"), ("15日", "2024-06-15", "day")]),
        ("2024年12月30日から2日", [("2024年12月30日", "2024-12-30", "day"), ("2日", "2025-01-02", "day")]),
        ("2024年12月30日～1月2日", [("2024年12月30日", "2024-12-30", "day"), ("1月2日", "2025-01-02", "day")]),
        ("2024年6月13日から7月15日", [("2024年6月13日", "2024-06-13", "day"), ("7月15日", "2024-07-15", "day")]),
        ("2月12日、13日と", [("2月12日", "2025-02-12", "day"), ("13日", "2025-02-13", "day")]),
        ("2月12日と13日", [("2月12日", "2025-02-12", "day"), ("13日", "2025-02-13", "day")]),
        ("2025年2～3月", [("2025年2", "2025-02", "month"), ("3月", "2025-03", "month")]),
    ],
)
def test_joined_dates_share_their_month(text: str, expected: Expected) -> None:
    assert found(text) == expected


def test_url_does_not_hide_the_text_around_it() -> None:
    text = "出典: https://mainichi.jp/articles/20250228/k00/00m/030/258000c 12日、会談した。"
    assert found(text) == [("12日", "2025-03-12", "day")]


def test_day_is_a_date_but_duration_is_not_in_one_sentence() -> None:
    text = "ゼレンスキー大統領は12日、米国が提案した即時停戦をロシアが受け入れれば、30日間の停戦期間中に"
    assert found(text) == [("12日", "2025-03-12", "day")]


# --- offsets, state, the context -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["２０２５年３月１５日と１５日", "ルビオ氏は 11 日、", "（２０２５年）　３月　４日", "March 18, 2025 and 昨年8月"],
)
def test_offsets_point_into_the_original_text(text: str) -> None:
    mentions = find_dates(text, REF)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_mention_is_frozen() -> None:
    m = find_dates("2025年3月13日")[0]
    assert m == DateMention(0, 10, "2025年3月13日", "2025-03-13", "day", False)
    with pytest.raises(AttributeError):
        m.value = "x"  # type: ignore[misc]
    assert m.parts == (2025, 3, 13)
    assert find_dates("昨年8月", REF)[0].parts == (2024, 8, None)


def test_same_previous_next_day_count_from_the_last_mention() -> None:
    ctx = DateContext(published=REF)
    out = ctx.scan("2月12日の電話会談と、同日の発言、その前日と翌日")
    assert [(m.text, m.value) for m in out] == [
        ("2月12日", "2025-02-12"),
        ("同日", "2025-02-12"),
        ("前日", "2025-02-11"),
        ("翌日", "2025-02-12"),  # counted from 前日, the last mention
    ]
    assert ctx.last is out[-1]


def test_last_carries_across_passages() -> None:
    ctx = DateContext(published=REF)
    ctx.scan("ゼレンスキー大統領は12日、30日間の停戦期間中に")
    assert ctx.last is not None and ctx.last.value == "2025-03-12"
    out = ctx.scan("だが今のところロシア政府は、前日発表された提案について")
    assert [(m.text, m.value) for m in out] == [("前日", "2025-03-11")]


def test_same_month_and_year() -> None:
    ctx = DateContext(published=REF)
    out = ctx.scan("2024年6月13日に署名し、同月20日に発効、同年末と翌年も")
    assert [(m.text, m.value, m.precision) for m in out] == [
        ("2024年6月13日", "2024-06-13", "day"),
        ("同月20日", "2024-06-20", "day"),
        ("同年末", "2024-12", "month"),
        ("翌年", "2025", "year"),
    ]


def test_scan_ref_overrides_published() -> None:
    ctx = DateContext(published=dt.date(2025, 4, 1))
    assert [m.value for m in ctx.scan("12日", ref=REF)] == ["2025-03-12"]
    assert [m.value for m in ctx.scan("12日")] == ["2025-04-12"]


def test_without_ref_falls_back_to_last_absolute_date() -> None:
    ctx = DateContext()
    assert ctx.scan("12日") == []
    ctx.scan("2024年6月13日、協定に署名した。")
    assert [m.value for m in ctx.scan("14日には、来週と先月も")] == ["2024-06-14", "2024-06-17", "2024-05"]


def test_year_only_reference_cannot_place_a_day() -> None:
    ctx = DateContext()
    ctx.scan("2022 年、ロシアは全面侵攻")
    assert ctx.scan("12日") == []
    assert [m.value for m in ctx.scan("8月")] == ["2022-08"]


def test_empty_and_dateless_text() -> None:
    assert find_dates("") == []
    assert find_dates("ロシアのプーチン大統領はこれまで、短期の停戦には否定的な見解を示している。", REF) == []


# --- the real 004 seed ------------------------------------------------------------------------------------------

_ITEM_DATE = re.compile(r"\((?:[^()]*, )?([0-9]{4}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日\)\s*$")


def _scan_seed() -> list[tuple[str, list[DateMention]]]:
    """Scan 004 line by line, each line against its item's dated heading, as the parser would."""
    path = next(SEEDS.glob("004_*.txt"))
    ctx = DateContext()
    ref: dt.date | None = None
    out: list[tuple[str, list[DateMention]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if h := _ITEM_DATE.search(line):
            ref = dt.date(int(h[1]), int(h[2]), int(h[3]))
        out.append((line, ctx.scan(line, ref)))
    return out


# (a snippet of one 004 line, the dates found inside that snippet)
SEED_CASES: list[tuple[str, Expected]] = [
    ("ウクライナ軍は昨年8月、ロシア領内のクルスクへの越境攻撃を開始", [("昨年8月", "2024-08", "month")]),
    ("これに先立ちロシアは12日、クルスク州で", [("12日", "2025-03-12", "day")]),
    ("アメリカとウクライナが合意した30日の停戦案", []),
    ("だが今のところロシア政府は、前日発表された提案", [("前日", "2025-03-11", "day")]),
    ("[ニューヨーク／ワシントン 12日 ロイター]", [("12日", "2025-03-12", "day")]),
    (
        "ゼレンスキー大統領は12日、米国が提案した即時停戦をロシアが受け入れれば、30日間の停戦期間中",
        [
            ("12日", "2025-03-12", "day"),
        ],
    ),
    ("これは先月ゼレンスキー氏とトランプ氏が口論した後", [("先月", "2025-02", "month")]),
    (
        "2月12日のドナルド・トランプ大統領、ロシアのウラジーミル・プーチン両首脳の電話会談と、同日のピート",
        [
            ("2月12日", "2025-02-12", "day"),
            ("同日", "2025-02-12", "day"),
        ],
    ),
    ("第二次世界大戦終結から70周年にあたる2015年5月8日", [("2015年5月8日", "2015-05-08", "day")]),
    ("ロシアの大統領補佐官は13日公開のインタビュー", [("13日", "2025-03-13", "day")]),
    ("結束基金の 2021~2027 年", [("2021", "2021", "year"), ("2027 年", "2027", "year")]),
    ("1998～1999 年のコソボ戦争", [("1998", "1998", "year"), ("1999 年", "1999", "year")]),
    ("アメリカは3月初め", [("3月初め", "2025-03", "month")]),
    ("ウクライナ軍は2024年8月からロシアに越境攻撃", [("2024年8月", "2024-08", "month")]),
    ("NATO のマルク・ルッテ事務総長は今年 2 月", [("今年 2 月", "2025-02", "month")]),
    ("塹壕を 500 メートル掘って、あとはガスマスクも使いながら、パイプラインを 15 キロです", []),
    (
        "スジャ奪還作戦 パイプラインを 15 キロ進む(2025 年 3 月 12 日)",
        [
            ("2025 年 3 月 12 日", "2025-03-12", "day"),
        ],
    ),
    ("3月14のウクライナ情報", []),
    ("ロシアと西側諸国の関係は過去 60 年間で最悪", []),
    ("8000 億ユーロ(128 兆円)", []),
    ("https://sputniknews.jp/20250312/19636315.html", []),
    ("https://news.yahoo.co.jp/articles/80dd33735cfb2afd5fd0833e8e21ac07a6844f8b/images/000", []),
]


@pytest.fixture(scope="module")
def seed_004() -> list[tuple[str, list[DateMention]]]:
    return _scan_seed()


@pytest.mark.parametrize(("snippet", "expected"), SEED_CASES)
def test_seed_004(seed_004: list[tuple[str, list[DateMention]]], snippet: str, expected: Expected) -> None:
    line, mentions = next((ln, ms) for ln, ms in seed_004 if snippet in ln)
    lo = line.index(snippet)
    hi = lo + len(snippet)
    assert [(m.text, m.value, m.precision) for m in mentions if lo <= m.start and m.end <= hi] == expected


def test_seed_004_reads_no_url_or_quantity(seed_004: list[tuple[str, list[DateMention]]]) -> None:
    mentions = [m for _, ms in seed_004 for m in ms]
    assert len(mentions) > 50
    assert {m.value[:4] for m in mentions} <= {
        "1945",
        "1991",
        "1998",
        "1999",
        "2015",
        "2020",
        "2021",
        "2022",
        "2024",
        "2025",
        "2027",
    }
    for line, ms in seed_004:
        if line.lstrip("[<").startswith("http"):
            assert ms == []


# --- parse_date_arg -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("2025-03-12", ("2025-03-12", "day")),
        ("2025-3-2", ("2025-03-02", "day")),
        ("2025/03/12", ("2025-03-12", "day")),
        ("2025.03.12", ("2025-03-12", "day")),
        ("2025-3", ("2025-03", "month")),
        ("2025/03", ("2025-03", "month")),
        ("2025", ("2025", "year")),
        ("  2025-03-12 ", ("2025-03-12", "day")),
        ("２０２５－０３－１２", ("2025-03-12", "day")),
        ("2025年3月12日", ("2025-03-12", "day")),
        ("2025 年 3 月", ("2025-03", "month")),
        ("2025年", ("2025", "year")),
        ("令和7年3月1日", ("2025-03-01", "day")),
        ("March 12, 2025", ("2025-03-12", "day")),
    ],
)
def test_parse_date_arg(arg: str, expected: tuple[str, str]) -> None:
    assert parse_date_arg(arg) == expected


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("3月12日", "needs a year"),
        ("12日", "needs a year"),
        ("2025-02-30", "invalid"),
        ("2025-13", "invalid"),
        ("", "empty"),
        ("   ", "empty"),
        ("yesterday", "unrecognised"),
        ("2025-03-12x", "unrecognised"),
        ("25-03-12", "unrecognised"),
        ("2025年2月30日", "unrecognised"),
        ("昨年", "unrecognised"),
        ("2025-03-12 and 2025-03-13", "unrecognised"),
    ],
)
def test_parse_date_arg_rejects(arg: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date_arg(arg)


@pytest.mark.parametrize(
    "text", ["ロシアのカムチャツカ半島沖で起きた巨大地震から4日がたちました。", "発生から3日が経過した。", "就任から10日が過ぎた。"]
)
def test_days_that_have_passed_are_no_date(text: str) -> None:
    assert find_dates(text, dt.date(2025, 8, 3)) == []


def test_a_day_whose_own_verb_is_still_to_come_inside_a_decision_is_ahead() -> None:
    ref = dt.date(2025, 10, 15)
    assert find_dates("両党は16日から政策協議に入ることで一致した。", ref)[0].value == "2025-10-16"
    assert find_dates("両党は30日から協議に入ることで一致した。", dt.date(2025, 10, 1))[0].value == "2025-10-30"
    assert find_dates("両党は3日から協議していることが分かった。", ref)[0].value == "2025-10-03"  # ongoing: past
    assert find_dates("5党は12日に会談し、辞任を求めることで一致した。", ref)[0].value == "2025-10-12"


def test_same_day_counts_from_the_last_day_not_from_a_week() -> None:
    text = "高市氏は4日夜、記者会見した。週明けにも党役員人事に着手する方針だ。斉藤代表は同日夕、高市氏と会談した。"
    found = find_dates(text, dt.date(2025, 10, 4))
    assert [m.value for m in found] == ["2025-10-04", "2025-10-06", "2025-10-04"]


def test_the_next_day_counts_from_the_last_day_not_from_an_english_week() -> None:
    text = "The ministers met on March 4 and agreed to resume talks next week. The next day, the ministry published it."
    found = find_dates(text, dt.date(2025, 3, 6))
    assert [(m.text, m.value) for m in found] == [
        ("March 4", "2025-03-04"),
        ("next week", "2025-03-10"),
        ("The next day", "2025-03-05"),
    ]


@pytest.mark.parametrize("quote", ["「工事は25日に終わる」", "『工事は25日に終わる』"])
def test_same_day_counts_from_the_articles_day_not_from_one_inside_either_quote_mark(quote: str) -> None:
    found = find_dates(f"市長は18日、{quote}と述べた。同日夜、市議会も説明会を開いた。", dt.date(2025, 11, 19))
    assert [m.value for m in found] == ["2025-11-18", "2025-11-25", "2025-11-18"]


def test_same_day_counts_from_the_last_day_even_after_a_month_or_a_year() -> None:
    text = "総裁選は4日に投開票された。任期は2027年9月末まで。高市氏は同日夜、記者会見した。"
    found = find_dates(text, dt.date(2025, 10, 4))
    assert [m.value for m in found] == ["2025-10-04", "2027-09", "2025-10-04"]
