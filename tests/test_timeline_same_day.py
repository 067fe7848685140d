"""A fast-moving day told the way news tells it: the day named once and the rest by the hour; several
happenings of one day and one agency kept apart by what each report says was done; plans are not events."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.actions import acts
from bot.extract.events import extract_events, same_event
from bot.ingest.parse import parse_document
from bot.store import clusters as cl


def rows_of(text: str, actors: ActorIndex):
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, actors, doc.published)
    return rows


def dated(text: str, actors: ActorIndex) -> list[tuple[str, str]]:
    return [(e.date, e.summary) for e in rows_of(text, actors)]


def features(text: str, actors: ActorIndex) -> dict:
    (row,) = rows_of("---\npublished: 2025-07-31\n---\nタイトル\n\n" + text, actors)
    return {"tokens": row.tokens, "persons": row.persons, "act": row.act, "acts": row.acts}


# --- the hour, the day named before it ------------------------------------------------------------------------


def test_a_clause_dated_by_its_hour_happened_on_the_last_day_the_article_named(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-07-31\n---\nタイトル\n\n"
        "30日午前8時25分ごろ、カムチャツカ半島の東方沖を震源とする巨大地震があった。\n\n"
        "岩手県の久慈港では午後1時52分に1.3メートルの津波を観測した。\n\n"
        "石破茂首相は午前、官邸で記者団の取材に応じ、住民に速やかな避難を呼び掛けた。\n\n"
        "気象庁は午後に改めて記者会見を開く予定だ。"
    )
    assert [d for d, _ in dated(text, actors)] == ["2025-07-30", "2025-07-30", "2025-07-30"]
    assert all("予定" not in s for _, s in dated(text, actors))  # an hour's plan is no event


def test_an_hour_without_a_day_named_is_of_the_day_reported(actors: ActorIndex) -> None:
    text = "津波警報を注意報に切り替え\n2025年7月30日 19時25分\n\n気象庁は午後6時半、茨城県から和歌山県の津波警報を注意報に切り替えました。"
    assert dated(text, actors) == [
        ("2025-07-30", "気象庁は午後6時半、茨城県から和歌山県の津波警報を注意報に切り替えました。")
    ]


def test_an_english_hour_is_of_the_day_named_before_it(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-07-30\n---\nTitle\n\n"
        "Sirens wailed across Hawaii on Tuesday afternoon as residents fled inland.\n\n"
        "The warning center downgraded the warning to an advisory shortly before midnight."
    )
    assert [d for d, _ in dated(text, actors)] == ["2025-07-29", "2025-07-29"]


# --- one day, several happenings ----------------------------------------------------------------------------


def test_same_day_reports_whose_main_acts_differ_are_two_happenings(actors: ActorIndex) -> None:
    issued = features("気象庁は30日午前9時40分、北海道から和歌山県の太平洋沿岸に津波警報を発表した。", actors)
    downgraded = features("気象庁は30日午後6時半、北海道から和歌山県の太平洋沿岸の津波警報を注意報に切り替えた。", actors)
    spoken = features("林官房長官は30日午後の記者会見で、「気象庁の発表で確かめてほしい」と呼びかけました。", actors)
    assert same_event(issued, downgraded) < 0
    assert same_event(issued, spoken) < 0  # 発表 said inside the quote is not the act
    again = features("気象庁は30日、太平洋沿岸に出していた津波警報を注意報に切り替えた。", actors)
    assert same_event(downgraded, again) > 0


def test_a_report_of_an_act_and_the_act_itself_are_not_told_apart(actors: ActorIndex) -> None:
    announced = features("首相は30日、記者会見で辞任を表明した。", actors)
    done = features("首相は30日に辞任した。", actors)
    assert announced["act"] != done["act"]
    assert same_event(announced, done) >= 0
    assert acts("The minister resigned on Monday.").main == frozenset(["~resignation"])  # English too


def test_the_light_verb_is_skipped_and_an_unknown_predicate_leaves_the_act_unknown() -> None:
    assert acts("久慈港では1.3メートルを観測し、国内最大となった。").main == {"~observe"}
    assert acts("巨大地震があった。").main == {"~occur"}
    assert acts("津波警報の精度を問う声がくすぶっている。").main == frozenset()


def test_a_cluster_is_not_joined_through_one_report_when_another_of_its_reports_differs_in_act() -> None:
    issued = {"tokens": ["~tsunami", "~warning", "太平洋", "沿岸"], "persons": [], "act": ["~announcement"], "acts": []}
    vague = {"tokens": ["~tsunami", "~warning", "太平洋", "沿岸", "精度"], "persons": []}
    new = cl.Member(
        30,
        "2025-07-30",
        "day",
        "x",
        False,
        1.0,
        {"tokens": ["~tsunami", "~warning", "太平洋", "沿岸", "精度"], "persons": [], "act": ["~downgrade"]},
    )
    key = cl._candidate_key(new)
    stored = {key: [(10, "2025-07-30", cl._Features(issued)), (10, "2025-07-30", cl._Features(vague))]}
    assert cl.match_events([new], stored, same_event) == [30]
    del stored[key][0]
    assert cl.match_events([new], stored, same_event) == [10]


# --- plans ----------------------------------------------------------------------------------------------------


def test_a_plan_dated_after_its_report_is_no_event(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-10-24\n---\nタイトル\n\n"
        "高市首相は24日、衆参両院の本会議で所信表明演説を行った。\n\n"
        "首相は27日から来日するトランプ米大統領と28日に会談する。\n\n"
        "首相指名選挙は28日に行われる方向で調整が進んでいる。\n\n"
        "与党は28日の集会開催を予告していた。"
    )
    assert [d for d, _ in dated(text, actors)] == ["2025-10-24"]
    english = (
        "---\npublished: 2025-06-01\n---\nTitle\n\n"
        "The companies aim to complete the transaction by June 18, the deadline in their agreement."
    )
    assert dated(english, actors) == []


# --- lines of their own -------------------------------------------------------------------------------------


def test_a_stamp_line_parts_the_headline_from_the_lead_and_a_finished_list_item_ends_at_its_blank_line() -> None:
    text = (
        "野党3党首会談、一本化で合意できず　玉木氏「結局は少数与党」　維新は自民と政策協議へ\n\n"
        "時事通信 2025/10/15 20:47（最終更新 10/16 06:40）政治部\n\n"
        "立憲民主党の野田佳彦代表、国民民主党の玉木雄一郎代表は15日、国会内で会談した。\n\n"
        "- 15日の3党首会談は物別れ。その日の夕方、維新は自民との政策協議に動いた\n\n"
        "先週17日の段階で、自民が受け入れる方向になったことが大きかった、と報じています。"
    )
    doc = parse_document(text, name="jiji.txt")
    assert doc.published == "2025-10-15"
    assert [p.kind for p in doc.passages] == ["title", "prose", "bullet", "prose"]
    assert doc.passages[1].text.startswith("立憲民主党")
    assert doc.passages[2].text.endswith("政策協議に動いた")


def test_a_report_of_the_day_dates_its_undated_incidents_but_not_more_of_its_lead(actors: ActorIndex) -> None:
    body = (
        "30日午前8時25分ごろ、カムチャツカ半島の東方沖を震源とする巨大地震があった。\n\n"
        "東京電力によると、福島第1原発では作業員約4千人を高台に退避させ、処理水の海洋放出も止めた。\n\n"
        "カムチャツカ半島の東方沖では建物の倒壊が相次ぎ、多くの住民が避難した。\n\n"
        "住民の多くは午前中から不安を訴えていたという。"
    )
    same_day = dated("---\npublished: 2025-07-30\n---\nタイトル\n\n" + body, actors)
    assert [(d, s[:3]) for d, s in same_day] == [("2025-07-30", "30日"), ("2025-07-30", "東京電")]
    days_later = dated("---\npublished: 2025-08-03\n---\nタイトル\n\n" + body, actors)
    assert [d for d, _ in days_later] == ["2025-07-30"]  # a look back: its undated sentences are no events


def test_a_relative_clause_s_verb_and_a_quoted_announcement_are_not_the_act() -> None:
    downgraded = acts("気象庁は太平洋沿岸に出していた津波警報を津波注意報に切り替えました。")
    assert downgraded.main == {"~downgrade"} and "~announcement" not in downgraded.named  # 出していた: which warning
    assert acts("北海道は31日、14人が搬送されたと発表した。").main == {"~say"}  # what was said
    assert acts("気象庁は太平洋沿岸に津波警報を発表した。").main == {"~announcement"}  # what was issued
    assert acts("首相はトランプ氏と会った。").main == {"~meeting"}


def test_a_foreign_name_in_katakana_and_in_latin_letters_is_one_name(actors: ActorIndex) -> None:
    from bot.extract.events import event_features
    from bot.extract.romaji import name_key, name_skeleton, romanize

    for kana, latin in [("カムチャツカ", "Kamchatka"), ("セベロクリリスク", "Severo-Kurilsk"), ("クレセント", "Crescent")]:
        assert name_skeleton(name_key(romanize(kana))) == name_skeleton(name_key(latin)) != ""
    assert name_skeleton(name_key("Trump")) != name_skeleton(name_key("Truman"))
    assert name_skeleton("hawai") == ""  # too few consonants to tell names apart
    ja = event_features("30日午前8時25分ごろ、ロシア極東カムチャツカ半島の東方沖を震源とする巨大地震があった。", actors)
    en = event_features("One of the most powerful earthquakes ever recorded struck off Russia's Kamchatka Peninsula.", actors)
    assert ja.names & en.names


def test_the_day_an_outlet_reported_something_dates_no_event(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-01-14\n---\nタイトル\n\n"
        "クリフスのゴンカルベスCEOは13日、記者会見し、USスチールの買収に意欲を示した。"
        "米CNBCテレビは同日、クリフスがニューコアと組み、買収を検討していると報じた。\n\n"
        "時事通信によると、玉木代表は13日、連合の芳野会長と会談し、「法案を出していく」と伝えました。\n\n"
        "先週10日の時点ではなく、11日に自民が受け入れる方向になった、と日本経済新聞は報じています。"
    )
    summaries = [s for _, s in dated(text, actors)]
    assert not any("CNBC" in s for s in summaries)
    assert any(s.startswith("時事通信によると") for s in summaries)  # the speaker told it: an event
    assert any(s.startswith("先週10日") or "11日に" in s for s in summaries)  # the day inside the report dates it


def test_a_year_that_dates_a_noun_or_starts_a_span_dates_no_event(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-10-10\n---\nタイトル\n\n"
        "首相は2022年に策定した国家安全保障戦略について、改定を目指すと明言した。\n\n"
        "平成11年から26年間続いてきた自公の協力関係は、転換点を迎えた。\n\n"
        "政府は2024年、新たな戦略を策定した。"
    )
    assert [d for d, _ in dated(text, actors)] == ["2024"]


def test_undated_incidents_are_of_a_disaster_s_day_only(actors: ActorIndex) -> None:
    body = (
        "12日、米政府はウクライナへの軍事支援の停止を解除すると発表した。\n\n"
        "ポーランド経由の兵器輸送は再開した。"
    )
    assert [d for d, _ in dated("---\npublished: 2025-03-12\n---\nタイトル\n\n" + body, actors)] == ["2025-03-12"]


def test_an_hour_dates_only_a_clause_whose_act_is_known(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-09-27\n---\nタイトル\n\n"
        "自民党総裁選は27日、投開票され、石破茂氏が選出された。\n\n"
        "ところが午後3時半ごろに石破氏の勝利が伝わると円は急騰し、一時142円台後半を付けた。"
    )
    assert [d for d, _ in dated(text, actors)] == ["2024-09-27"]


def test_a_party_s_same_day_comment_is_told_with_the_happening(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-04-03\n---\nタイトル\n\n"
        "総務省は3日、フジテレビに行政指導を行った。両社は同日、「真摯に受け止める」とする連名のコメントを出した。\n\n"
        "ホンダと日産は3日、経営統合の協議入りを発表した。ホンダの社長は同日、記者会見で「規模が欠かせない」と述べた。"
    )
    assert [s[:3] for _, s in dated(text, actors)] == ["総務省", "ホンダ"]


def test_a_day_something_followed_and_an_english_as_of_day_date_nothing(actors: ActorIndex) -> None:
    ja = "---\npublished: 2024-10-02\n---\nタイトル\n\n9月21日の記録的な大雨の後、知事は連日のようにボランティアを募りました。"
    assert dated(ja, actors) == []
    en = "---\npublished: 2024-06-01\n---\nTitle\n\nAs of 5 p.m. Friday, 1,821 households were still without water."
    assert dated(en, actors) == []


def test_a_report_in_one_time_zone_finds_the_other_zone_s_report_of_the_day_before() -> None:
    washington = cl.Member(
        10,
        "2025-02-08",
        "day",
        "x",
        False,
        1.0,
        {"tokens": ["~meeting", "首脳"], "persons": [1], "alt": "2025-02-07"},
    )
    later = cl.Member(20, "2025-02-07", "day", "y", False, 1.0, {"tokens": ["~meeting", "日米"], "persons": [1]})
    assert ("alt", "2025-02-07") in cl._units(cl._candidate_key(later))
    batch = cl.Candidates()
    batch._units[("alt", "2025-02-07")] = []
    batch._units[("day", "2025-02-07")] = []
    batch._units[("month", "2025-02")] = []
    batch.add([washington], [10])
    stored = {cl._candidate_key(later): batch.stored(cl._candidate_key(later))}
    assert cl.match_events([later], stored, same_event) == [10]


def test_an_opener_with_a_time_zone_aside_takes_the_whole_sentence(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-01-07\n---\nタイトル\n\n"
        "日本製鉄とUSスチールは6日(日本時間7日)、バイデン大統領が3日に出した買収の禁止命令は違法だとして提訴した。"
    )
    summaries = [s for _, s in dated(text, actors)]
    assert summaries and all(len(s) > 30 for s in summaries)  # no 「…は6日(日本時間7日)」 fragment


def test_a_plan_told_inside_a_dated_sentence_is_no_event_of_its_own(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-07-08\n---\nタイトル\n\n"
        "石破茂首相は8日、トランプ米大統領が8月1日から25%の関税を課すと書簡で通告してきたことについて「誠に遺憾だ」と表明した。\n\n"
        "エンジンなどの主要部品にも5月3日までに同じ税率を課した。"
    )
    assert [d for d, _ in dated(text, actors)] == ["2025-07-08", "2025-05-03"]  # no 8月1日: the letter's plan



def test_a_date_of_the_reports_own_day_inside_a_dated_sentence_is_no_later_plan(actors: ActorIndex) -> None:
    # only a date after the report's day is a plan the opener's sentence tells (8月1日 above); the report's own
    # day is today's happening and keeps its event
    text = (
        "---\npublished: 2025-07-08\n---\nタイトル\n\n"
        "石破茂首相は7日、トランプ米大統領が8日に25%の関税を課すと書簡で通告してきたことについて「誠に遺憾だ」と表明した。"
    )
    assert [d for d, _ in dated(text, actors)] == ["2025-07-07", "2025-07-08"]
    later = text.replace("published: 2025-07-08", "published: 2025-07-07")
    assert [d for d, _ in dated(later, actors)] == ["2025-07-07"]  # reported the day before: a plan

def test_a_policy_speech_and_an_arrival_are_one_happening_in_either_language(actors: ActorIndex) -> None:
    from bot.extract.events import event_features

    def f(text: str) -> dict:
        x = event_features(text, actors)
        return {"tokens": sorted(x.tokens), "persons": sorted(x.persons), "names": sorted(x.names)}

    ja = f("高市首相は24日、衆参両院の本会議で就任後初めての所信表明演説を行った。")
    en = f("In her first policy speech on Friday, Takaichi pledged to raise defense spending.")
    assert "~speech" in ja["tokens"] and same_event(ja, en) > 0
    assert same_event(f("トランプ米大統領が来日。"), f("Trump arrived at Tokyo's Haneda airport on Monday.")) > 0


def test_a_decided_policy_for_a_later_day_is_a_plan(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-10-20\n---\nタイトル\n\n"
        "国民民主は21日の首相指名選挙で、1回目から玉木氏の名前を書く方針を決めており、一本化は実現しない。"
    )
    assert dated(text, actors) == []
