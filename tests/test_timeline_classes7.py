"""Classes of phrasing that made extra or misdated timeline events on text nobody tuned for (issue 12, round 7):
each rule with sentences of our own, in Japanese and English, and a counter-example it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract.dates import find_dates
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document

OCTOBER = dt.date(2024, 10, 20)


def values(text: str, ref: dt.date = OCTOBER) -> list[str]:
    return [m.value for m in find_dates(text, ref)]


# --- a date with no tense, about as far behind as ahead: the one behind ------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("初日（4月18日）の入場者は約3万人。", ["2024-04-18"]),  # 185 days behind, 180 ahead, no verb: what happened
        ("4月10日、市長選の投票率は41%。", ["2024-04-10"]),  # 193 behind, 172 ahead
    ],
)
def test_a_tenseless_date_half_a_year_away_is_the_one_behind(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("4月18日に開業する予定だ。", ["2025-04-18"]),  # a plan says so: the one ahead
        ("新駅は4月18日に開業する。", ["2025-04-18"]),
        ("4月1日、市長選の投票率は41%。", ["2025-04-01"]),  # 202 behind, 163 ahead: no near tie, the nearer
        ("1月の入場者は約3万人。", ["2025-01"]),  # three months ahead against nine behind: no tie, the nearer
        ("8月の入場者は約3万人。", ["2024-08"]),
    ],
)
def test_a_dated_plan_or_a_clear_nearest_keeps_its_side(text: str, expected: list[str]) -> None:
    assert values(text) == expected


# --- a plan word that is the object of a done act does not make the clause future --------------------------------


def test_an_outlook_reported_is_a_past_act() -> None:
    # 「見通しを報告」「予定を発表」: the act (reporting) is done; the outlook is what it told
    assert values("委員会は10月8日の会合で、赤字が続く見通しを報告。") == ["2024-10-08"]
    assert values("同社は10月8日、新工場の稼働予定を発表した。") == ["2024-10-08"]


def test_an_outlook_of_its_own_still_reads_future() -> None:
    # the same words with no act around them: the clause itself is a plan
    assert values("委員会は4月8日に結論を出す見通し。", dt.date(2024, 10, 20)) == ["2025-04-08"]


# --- a count reached by a day is a tally, not a happening of that day --------------------------------------------


def events_of(body: str, actors: ActorIndex, published: str = "2024-10-20") -> list[tuple[str, str]]:
    language = "en" if body.isascii() else "ja"
    doc = parse_document(f"---\ntitle: t\npublished: {published}\nlanguage: {language}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, actors, doc.published)
    return [(e.date, e.summary) for e in rows]


@pytest.mark.parametrize(
    "body",
    [
        "県警によると、18日までに住民3人の死亡が確認された。",
        "組合員は先週の40人から、19日までに300人を超えた。",
        "市内の停電はきのう（19日）までに延べ1万2000戸にのぼった。",
        "By Friday, more than 40 companies had pulled their advertising.",
        "隊員は10日から18日までに、市内で計52件の輸送をこなした。",  # a span's count
    ],
)
def test_a_count_reached_by_a_day_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("県は18日までに被災者向けの相談窓口を開設した。", "2024-10-18"),  # done by then, no count: a happening
        ("市は18日、住民3人の死亡を確認したと発表した。", "2024-10-18"),  # a figure, but no 「までに」
        ("市は18日から、3カ所で給水を始めた。", "2024-10-18"),  # a span's start with a figure, no 「までに」
        ("The city had opened 3 shelters on Friday.", "2024-10-18"),  # a figure, but no "by"
    ],
)
def test_a_happening_done_by_a_day_or_a_figure_alone_is_still_dated(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == [day]


# --- a day of what a noun is to be, and an English plan's day, date no happening ---------------------------------


@pytest.mark.parametrize(
    "body, days",
    [
        ("20日に開業する新駅の周辺で、市は18日、交通規制の計画を発表した。", ["2024-10-18"]),
        ("22日に始まる国際会議の準備状況が、19日の閣議で報告された。", ["2024-10-19"]),
        ("21日にある党首討論を前に、各党は18日、準備を進めた。", ["2024-10-18"]),
        ("The mayor was due to visit the site on Monday.", []),
        ("A second round of talks had been scheduled for Sunday.", []),
    ],
)
def test_a_day_of_what_is_to_be_dates_no_happening(body: str, days: list[str], actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == days


@pytest.mark.parametrize(
    "body, day",
    [
        ("新駅は18日に開業した。", "2024-10-18"),  # done
        ("政府は、19日に所信表明演説を行う日程を野党に示した。", "2024-10-19"),  # alone in its clause: the plan's day
        ("18日にも山に入った男性がクマに襲われたとみられる遺体で見つかった。", "2024-10-18"),  # a past verb before the noun
        ("The vote, which had been scheduled for Thursday, was held on Friday.", "2024-10-18"),
        ("The mayor visited the site on Friday.", "2024-10-18"),
    ],
)
def test_a_done_or_decided_day_is_still_dated(body: str, day: str, actors: ActorIndex) -> None:
    assert day in [d for d, _ in events_of(body, actors)]



# --- who disclosed it and when: the sentence before is what happened --------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "観光客ら12人が、市が手配したバスで隣の県に避難しました。市長がきょう（18日）明らかにしました。",
        "工場の配管で亀裂が見つかった。社長が同日の記者会見で明らかにした。",
    ],
)
def test_a_thin_disclosure_dates_the_sentence_it_discloses(body: str, actors: ActorIndex) -> None:
    found = events_of(body.replace("同日", "18日"), actors)
    assert [d for d, _ in found] == ["2024-10-18"]
    assert found[0][1].startswith(body.split("。")[0])  # what happened, not only who said it


def test_a_thin_disclosure_after_a_dated_clause_is_no_second_event(actors: ActorIndex) -> None:
    found = events_of("改修工事は17日に終わり、市が18日朝に発表しています。", actors)
    assert [d for d, _ in found] == ["2024-10-17"]


def test_a_disclosure_that_says_what_is_its_own_event(actors: ActorIndex) -> None:
    found = events_of("工場の配管で亀裂が見つかった。同社は18日、点検の結果を発表した。", actors)
    assert found == [("2024-10-18", "同社は18日、点検の結果を発表した。")]


# --- an English relative clause in the past perfect is background -------------------------------------------------


def test_a_past_perfect_relative_clause_dates_no_happening(actors: ActorIndex) -> None:
    body = "The mayor, who had met the union on Friday, said in a statement that talks would go on."
    assert events_of(body, actors) == []


def test_a_simple_past_relative_clause_still_dates_its_happening(actors: ActorIndex) -> None:
    body = "The mayor, who met the union on Friday, said in a statement that talks would go on."
    assert [d for d, _ in events_of(body, actors)] == ["2024-10-18"]



def test_a_thin_disclosures_sentence_the_article_dates_itself_is_left_to_those_dates(actors: ActorIndex) -> None:
    body = (
        "観光客ら12人が、市が手配したバスで隣の県に避難しました。市長がきょう（19日）明らかにしました。\n\n"
        "市によりますと、観光客ら12人は18日、2台のバスで市役所を出発しました。"
    )
    assert [d for d, _ in events_of(body, actors)] == ["2024-10-18"]


def test_a_thin_disclosures_sentence_sharing_only_topic_words_with_another_day_is_kept(actors: ActorIndex) -> None:
    body = (
        "市内の下水道の点検で、腐食した管が見つかった。市長が同日の記者会見で明らかにした。\n\n"
        "市長は19日、下水道の腐食が見つかった現場を視察した。"
    )
    assert sorted(d for d, _ in events_of(body.replace("同日", "18日"), actors)) == ["2024-10-18", "2024-10-19"]


# --- a sentence whose predicate is a figure is a count, not a happening ------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "開業日（10月18日）の利用者は関係者込みで約3万2000人。",
        "18日の集会の参加者は主催者発表で計2万人に上った。",
        "18日の損失は約3億円だった。",
    ],
)
def test_a_figure_as_predicate_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


@pytest.mark.parametrize(
    "body",
    [
        "政府は18日、備蓄米21万トンを放出した。",  # a figure with a verb of its own
        "18日の集会には約2万人が参加した。",
    ],
)
def test_a_figure_in_a_happening_is_still_an_event(body: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == ["2024-10-18"]


# --- a frame clause (「…た問題で、」) is background; the sentence's happening is dated by the clause after it ---------


@pytest.mark.parametrize(
    "body",
    [
        "今月12日の夜、市内の地下鉄が運転を見合わせ、大勢の乗客が足止めされた問題で、市長が18日記者会見し、陳謝した。",
        "12日に工場で起きた事故を巡り、社長が18日、遺族に謝罪した。",
    ],
)
def test_a_frame_clauses_day_gives_way_to_the_predicates(body: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == ["2024-10-18"]


def test_an_open_clause_that_is_no_frame_keeps_its_day(actors: ActorIndex) -> None:
    # 「…あとの12日には、」 says nothing until the clause after it: one clause, dated by its own day
    body = "市長に就任したあとの12日には、18日投開票の日程を打ち出していた。"
    assert [d for d, _ in events_of(body, actors)] == ["2024-10-12"]


# --- an anniversary is no happening ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "市内で橋が崩落した事故から、きょう（18日）で1週間です。",
        "豪雨災害から18日で半年となった。",
        "Friday marks one month since the bridge collapsed.",
    ],
)
def test_an_anniversary_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


def test_a_happening_on_a_day_with_a_count_after_it_is_kept(actors: ActorIndex) -> None:
    # 「18日で」 without a length after it is no span: the count is what happened
    assert [d for d, _ in events_of("市は18日で受け付けを締め切り、3件の応募があった。", actors)] == ["2024-10-18"]


# --- a date in an aside that says who told it is not the happening's ---------------------------------------------


def test_a_date_in_an_attribution_aside_dates_nothing(actors: ActorIndex) -> None:
    assert events_of("来週前半：市長が県庁を訪れ、知事と会う予定（市長が18日に表明）", actors) == []
    assert [d for d, _ in events_of("市長は17日、知事と会談した（市が18日発表）。", actors)] == ["2024-10-17"]


def test_a_date_in_an_aside_that_is_no_attribution_still_dates(actors: ActorIndex) -> None:
    assert [d for d, _ in events_of("市長が知事と会談した（18日）。", actors)] == ["2024-10-18"]


# --- an English sentence timed by the day's happening ("Shortly before the truce began, …") -----------------------

VOTE_DAY = "Lawmakers approved the budget on Friday in a late-night vote. "


def test_a_sentence_timed_by_the_days_happening_is_of_that_day(actors: ActorIndex) -> None:
    body = VOTE_DAY + "\n\nShortly before the vote began, police arrested two protesters outside parliament."
    assert [d for d, _ in events_of(body, actors, "2024-10-18")] == ["2024-10-18", "2024-10-18"]


@pytest.mark.parametrize(
    "second",
    [
        "Shortly before the vote began, the speaker said he was confident.",  # a word, not a happening
        "Before the war began, the two countries traded grain freely.",  # no day's sequence
    ],
)
def test_a_word_or_a_background_timed_so_is_no_event(second: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(VOTE_DAY + "\n\n" + second, actors, "2024-10-18")] == ["2024-10-18"]


# --- a clause that goes on into a sentence ending in a plan is planned too ---------------------------------------


def test_a_continuing_clause_of_a_planned_sentence_is_no_event(actors: ActorIndex) -> None:
    body = "関係者によると、市長は22日に県庁へ向かい、23日にも知事と会談する予定だ。"
    assert events_of(body, actors, "2024-10-20") == []


def test_a_continuing_clause_of_a_done_sentence_is_kept(actors: ActorIndex) -> None:
    body = "市長は18日に県庁へ向かい、19日に知事と会談した。"
    assert [d for d, _ in events_of(body, actors, "2024-10-20")] == ["2024-10-18", "2024-10-19"]


def test_a_continuing_clause_of_the_reports_day_in_a_planned_sentence_is_no_event(actors: ActorIndex) -> None:
    body = "関係者によると、市長は20日に県庁へ向かい、21日にも知事と会談する予定だ。"
    assert events_of(body, actors, "2024-10-20") == []
