"""Events on articles written the way news is: stamps, bylines, datelines, captions and headings are context;
each event is dated by the day it happened; reports of one happening merge, and only those."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.events import event_features, extract_events, same_event
from bot.ingest.parse import parse_document
from bot.ingest.pipeline import ingest_text
from bot.ingest.stamps import is_credit, split_stamp_prefix, stamp_date
from bot.store import clusters as cl


def events_of(text: str, actors: ActorIndex, name: str = "a.txt") -> list[tuple[str, str]]:
    doc = parse_document(text, name=name)
    rows, _ = extract_events(doc.passages, actors, doc.published)
    return [(e.date, e.summary) for e in rows]


# --- stamps, bylines, headings, captions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2024年09月27日18時05分", "2024-09-27"),
        ("毎日新聞　2024/10/9 17:45（最終更新 10/9 20:12）", "2024-10-09"),
        ("公開日：2024/09/13　カテゴリー：政治・選挙", "2024-09-13"),
        ("August 5, 2025 | KYODO NEWS", "2025-08-05"),
        ("KYODO NEWS - Oct 28, 2024 - 19:05 | Politics, All", "2024-10-28"),
        ("中川 遥　2025年6月1日 18時30分（2025年6月1日 21時05分更新）", "2025-06-01"),
        ("2024年1月1日午後4時10分ごろ、能登地方で地震", None),  # a sentence, not a stamp
        ("March 9, 2025 - Trump said talks would resume", None),
        ("2月14日、21万トンの放出を発表。", None),
    ],
)
def test_stamp_lines(line: str, date: str | None) -> None:
    assert stamp_date(line) == date


def test_a_stamp_glued_to_the_lead_is_cut_off_and_credits_are_no_text() -> None:
    assert split_stamp_prefix("Updated 11:40 AM GMT+9, September 22, 2024TOKYO (AP) — Rescue workers") == (
        "2024-09-22",
        "TOKYO (AP) — Rescue workers",
    )
    assert is_credit("By Reuters staff") and is_credit("(Reporting by Tokyo bureau; Editing by Asia desk)")
    assert is_credit("【田村拓也、石川さくら】") and not is_credit("【ワシントン共同】バイデン米大統領は声明を出した。")


def test_a_stamp_line_dates_the_article_and_is_no_event(actors: ActorIndex) -> None:
    text = "コメ価格、過去最高に\n2025年5月26日 18時30分\n\n農林水産省は26日、平均価格が過去最高になったと発表した。"
    doc = parse_document(text, name="rice.txt")
    assert doc.published == "2025-05-26"
    assert all("18時30分" not in p.text for p in doc.passages)
    assert doc.passages[0].kind == "title"  # the headline: context, not an event
    assert events_of(text, actors) == [("2025-05-26", "農林水産省は26日、平均価格が過去最高になったと発表した。")]


def test_headings_and_captions_are_not_events(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-10-02\n---\n"
        "## 1月:「今は能登に向かわないで」\n"
        "■ 9月豪雨後:知事自ら参加を呼びかけ\n"
        "壊れた配管は外され、シートで覆われていた＝7日、石川県志賀町（共同）\n"
        "県は1月6日までに特設サイトを開設し、事前登録の受け付けを始めた。"
    )
    assert [d for d, _ in events_of(text, actors)] == ["2024-01-06"]


# --- dates ---------------------------------------------------------------------------------------------------


def test_a_local_time_aside_neither_cuts_nor_dates_the_clause(actors: ActorIndex) -> None:
    text = "---\npublished: 2024-08-15\n---\nバイデン米大統領は14日（日本時間15日）、声明を出し、首相の実績をたたえた。"
    assert events_of(text, actors) == [
        ("2024-08-14", "バイデン米大統領は14日（日本時間15日）、声明を出し、首相の実績をたたえた。")
    ]


def test_the_day_a_fact_became_known_dates_nothing(actors: ActorIndex) -> None:
    text = "---\npublished: 2025-03-05\n---\n政府が備蓄米を放出する方針を固めたことが5日、分かった。事前登録は4日時点で約1万人。"
    assert events_of(text, actors) == []


def test_dates_in_a_quote_and_coarser_dates_beside_a_day_date_nothing(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-10-01\n---\n"
        "政府は1日の臨時閣議で衆院選の日程を「15日公示、27日投開票」と正式に決めた。\n"
        "岸田首相は14日午前、記者会見し、9月に予定される党総裁選に立候補しない意向を表明した。"
    )
    got = events_of(text, actors)
    assert [d for d, _ in got] == ["2024-10-01", "2024-09-14"]
    assert got[1][1].startswith("岸田首相は14日午前、記者会見し、9月に予定される")  # one clause, not cut at 9月


def test_next_week_and_a_day_are_dated_by_the_day(actors: ActorIndex) -> None:
    text = "---\npublished: 2024-08-14\n---\n自民党は来週20日に総裁選挙管理委員会を開き、選挙日程を正式に決める。"
    assert [d for d, _ in events_of(text, actors)] == ["2024-08-20"]


def test_a_week_dates_no_event_in_either_language(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-03-12\n---\nPresident Trump met the Ukrainian delegation in Riyadh last week.\n"
        "両首脳は週明けに電話で協議する。"
    )
    assert events_of(text, actors) == []


def test_an_english_date_naming_a_noun_dates_no_event(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-01-04\n---\n"
        "The slow pace reflects how badly the quake of Jan. 1 damaged the water plants.\n"
        "The relief effort was also hit by Tuesday's runway collision at Haneda airport.\n"
        "Officials said the rules apply retroactively to Jan. 2 for every household.\n"
        "The ruling coalition lost its majority in Sunday's election, officials said."
    )
    assert events_of(text, actors) == [
        ("2023-12-31", "The ruling coalition lost its majority in Sunday's election, officials said.")
    ]


def test_a_month_dates_a_clause_not_a_noun(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-03-14\n---\n"
        "NHKの2月の世論調査では支持率が25%にとどまった。\nウクライナ軍は昨年8月、ロシア領内への越境攻撃を開始。"
    )
    assert [d for d, _ in events_of(text, actors)] == ["2024-08"]


def test_listed_clauses_drop_the_conjunction(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-03-14\n---\n"
        "2月12日のトランプ大統領とプーチン大統領の電話会談と、2月17日のサウジアラビアでの米ロ外相協議は大きな転機だった。"
    )
    got = events_of(text, actors)
    assert [d for d, _ in got] == ["2025-02-12", "2025-02-17"]
    assert got[0][1].endswith("電話会談")


def test_an_english_wire_story_is_dated_from_its_dateline(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-08-14\nlanguage: en\n---\n"
        "TOKYO, Aug 14 (Reuters) - Japanese Prime Minister Fumio Kishida said on Wednesday he would not seek "
        "another term as leader of the ruling party. He told Mr. Motegi of his decision on Tuesday.\n"
        "WASHINGTON, Aug 14 (Reuters) - The White House welcomed the decision of the Japanese leader."
    )
    got = events_of(text, actors)
    assert got[0] == (
        "2024-08-14",
        "Japanese Prime Minister Fumio Kishida said on Wednesday he would not seek another term as leader of the "
        "ruling party.",
    )
    assert got[1:] == [
        ("2024-08-13", "He told Mr. Motegi of his decision on Tuesday."),
        ("2024-08-14", "The White House welcomed the decision of the Japanese leader."),  # dated by its dateline
    ]


# --- bad input ------------------------------------------------------------------------------------------------


async def test_an_article_of_dates_alone_is_refused_in_one_line(store) -> None:
    before = await store.fetchone("SELECT count(*) FROM events")
    text = "\n".join(f"2025年{1 + i % 12}月{1 + i % 28}日 {i % 24}時{i % 60:02d}分" for i in range(10_000))
    result = await ingest_text(store, text, name="dates.txt")
    assert result.status == "error" and "\n" not in result.reason
    assert await store.fetchone("SELECT count(*) FROM events") == before


async def test_impossible_dates_make_no_events(store) -> None:
    text = "2025年13月40日に首脳会談が開かれた。\n昭和100年に式典が開かれた。\n令和99年99月99日、何かが起きた。"
    result = await ingest_text(store, text, name="odd.txt")
    assert result.status == "added"
    rows = await store.fetchall("SELECT date FROM events WHERE document_id = ?", (result.document_id,))
    assert [r[0] for r in rows] == []


# --- clustering -----------------------------------------------------------------------------------------------


def features(summary: str, actors: ActorIndex) -> dict:
    f = event_features(summary, actors)
    persons = [actors.actors[a].name for a in f.persons]
    return {"tokens": sorted(f.tokens), "persons": persons}


def test_the_same_person_on_the_same_day_is_not_enough(actors: ActorIndex) -> None:
    a = features("トランプ大統領は記者団に対し、鉄鋼への追加関税を発表した。", actors)
    b = features("トランプ大統領はゴルフ場でプーチン大統領と電話で話した。", actors)
    assert a["persons"] and set(a["persons"]) & set(b["persons"])
    assert not same_event(a, b)


def test_a_japanese_and_an_english_report_of_one_event_merge(actors: ActorIndex) -> None:
    ja = features("トランプ大統領とゼレンスキー大統領はホワイトハウスで会談したが、口論となり決裂した。", actors)
    en = features("Trump and Zelensky clashed in the Oval Office and the talks collapsed.", actors)
    assert same_event(ja, en)
    other = features("Trump announced new tariffs on steel imports.", actors)
    assert not same_event(ja, other)


def test_an_event_joins_the_cluster_it_matches_best_and_the_work_per_event_is_bounded() -> None:
    calls = 0

    def counting(a: dict, b: dict) -> float:
        nonlocal calls
        calls += 1
        return same_event(a, b)

    rally = {"tokens": ["集会", "演説", "支持者"], "persons": [1]}
    vote = {"tokens": ["選挙", "投票", "開票"], "persons": [1]}
    new = cl.Member(
        30, "2025-01-01", "day", "x", False, 1.0, {"tokens": ["選挙", "投票", "開票", "結果"], "persons": [1]}
    )
    key = cl._candidate_key(new)
    stored = {key: [(10, "2025-01-01", cl._Features(rally)), (20, "2025-01-01", cl._Features(vote))]}
    assert cl.match_events([new], stored, counting) == [20]

    many = [
        cl.Member(100 + i, "2025-01-02", "day", "x", False, 1.0, {"tokens": [f"w{i}", "共通"], "persons": []})
        for i in range(2000)
    ]
    calls = 0
    cl.match_events(many, {}, counting)
    assert calls <= len(many) * cl.EARLIER  # linear in the document's events, bounded per date


def test_a_day_that_names_a_noun_or_a_clause_open_at_its_end_is_no_event_of_its_own(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-10-01\n---\n"
        "首相は記者会見で、衆議院選挙を15日公示、27日投開票の日程で行う考えを表明した。\n"
        "首相は総裁に選ばれたあとの先月30日には、森山氏を幹事長に起用する人事を発表した。\n"
        "政府は1日発表した声明で支援を約束した。"
    )
    got = events_of(text, actors)
    assert [d for d, _ in got] == ["2024-09-30", "2024-10-01"]
    assert got[0][1].endswith("人事を発表した。")  # one clause, not 「…先月30日には」


def test_names_in_latin_letters_join_a_japanese_and_an_english_report(actors: ActorIndex) -> None:
    from bot.extract.romaji import name_key, romanize

    assert name_key(romanize("エトウ")) == name_key("Eto") == "eto"
    assert name_key(romanize("トウキョウ")) == name_key("Tokyo")
    assert name_key(romanize("ホッカイドウ")) == name_key("Hokkaido")
    ja = event_features("江藤大臣は参議院の委員会で発言を撤回し、陳謝した。", actors)
    en = event_features("Eto retracted the remark in parliament and apologized.", actors)
    assert "eto" in ja.names and "eto" in en.names
    a = {"tokens": sorted(ja.tokens), "persons": [], "names": sorted(ja.names)}
    b = {"tokens": sorted(en.tokens), "persons": [], "names": sorted(en.names)}
    assert same_event(a, b)


def test_what_did_not_happen_is_no_event(actors: ActorIndex) -> None:
    text = "---\npublished: 2025-03-05\n---\n委員長は4日の演説で共同債には触れなかった。"
    assert events_of(text, actors) == []


def test_the_same_figure_in_two_languages_joins_two_reports(actors: ActorIndex) -> None:
    from bot.extract.event_words import number_terms

    assert number_terms("政府備蓄米21万トンを放出") == number_terms("210,000 tons") == {"#210000"}
    assert number_terms("予備費から47億4000万円") == number_terms("4.74 billion yen") == {"#4.74e+09"}
    assert number_terms("2024年1月1日午後4時10分、社長（72）") == set()  # dates, times and ages are no quantities
    ja = features("自民・公明両党はあわせて47議席にとどまった。", actors)
    en = features("The coalition won 47 of the 125 seats contested in the vote.", actors)
    assert same_event(ja, en)
    other = features("The coalition won 52 of the 125 seats contested in the vote.", actors)
    assert not same_event(ja, other)  # another figure: another result
    ja_rate = features("政府は15%の関税を発表した。", actors)
    en_rate = features("A 15% levy on rice imports took effect on the same day.", actors)
    assert not same_event(ja_rate, en_rate)  # a percentage is said of many things on one day


def test_a_terse_report_whose_event_words_are_in_the_other_joins_it(actors: ActorIndex) -> None:
    ja = features("同庁は22日朝、特別警報を警報に切り替えた。", actors)
    en = features(
        "On Sunday morning the agency downgraded the emergency warning to a regular heavy rain warning.", actors
    )
    assert same_event(ja, en)
    assert not same_event(ja, features("The agency issued a heavy rain warning for Wajima.", actors))


def test_an_as_of_date_dates_nothing_and_a_bare_day_after_a_date_keeps_its_month(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-03-08\n---\n"
        "同社は1月2日の時点で約3500リットルと説明していたが、5日になって約1万9800リットルに訂正した。"
    )
    assert [d for d, _ in events_of(text, actors)] == ["2024-01-05"]


def test_a_month_in_a_relative_clause_and_a_relative_day_before_its_day_date_nothing(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-02-13\n---\n"
        "両社は昨年12月に結んだ基本合意書を解消した。\n"
        "首相は退陣表明の前日の6日夜、首相公邸で副総裁と会談していた。\n"
        "石破首相は20日夜の時点で大臣の交代はやむを得ないと判断した。\n"
        "ウクライナ軍は1月に越境攻撃を開始した。"
    )
    assert [d for d, _ in events_of(text, actors)] == ["2025-02-06", "2025-01"]


def test_a_date_the_happening_leads_up_to_is_not_its_own(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-07-03\n---\n"
        "参院選が3日公示され、20日の投開票に向けて選挙戦に入った。\n"
        "首相が4日に予定していた参拝は延期する。\n"
        "27日の投開票まで、論戦の行方に注目です。"
    )
    assert [d for d, _ in events_of(text, actors)] == ["2025-07-03"]


def test_parties_that_agree_in_either_language_report_one_agreement(actors: ActorIndex) -> None:
    ja = features("野党5党の国会対策委員長は20日に国会内で会談し、大臣の辞任を求めることで一致した。", actors)
    en = features("Five opposition parties agreed on Tuesday to demand his resignation.", actors)
    assert same_event(ja, en)


def test_an_anonymous_account_of_the_lead_is_no_event_of_its_own(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-08-14\n---\n"
        "Japanese Prime Minister Fumio Kishida said on Wednesday he would not seek another term as party leader.\n"
        "Two officials familiar with the matter said Kishida had told party executives of his decision on Wednesday."
    )
    assert [s for _, s in events_of(text, actors)] == [
        "Japanese Prime Minister Fumio Kishida said on Wednesday he would not seek another term as party leader."
    ]


def test_an_english_report_is_dated_when_it_happened_not_when_it_was_said(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-03-14\n---\nTitle line\n\n"
        "Japan's foreign ministry said on Friday that the minister resigned on Monday after a scandal.\n\n"
        "The ministry said Friday that prices hit a record in the week through March 9.\n\n"
        "Trump said on Tuesday he would meet Putin on Friday."
    )
    assert [d for d, _ in events_of(text, actors)] == ["2025-03-10", "2025-03-14", "2025-03-11"]


def test_a_markdown_heading_is_context_not_an_event(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-10-02\n---\nまとめ記事\n\n"
        "## 1月27日:一般ボランティアの活動がスタート\n\n"
        "- 県が募った一般ボランティアは1月27日、穴水町で活動を始めました。\n"
        "出典: https://www.chunichi.co.jp/article/845210\n"
    )
    assert [d for d, _ in events_of(text, actors)] == ["2024-01-27"]


def test_a_day_is_compared_with_its_month_and_its_other_time_zone_day() -> None:
    day = cl.Member(1, "2025-04-16", "day", "x", False, 1.0, {"tokens": ["a"], "persons": [], "alt": "2025-04-17"})
    assert cl._candidate_key(day) == ("days", "2025-04-16", "2025-04-17", "2025-04")
    sql, params = cl._candidate_sql(cl._candidate_key(day))
    assert "IN (?, ?, ?)" in sql and params == ["2025-04-16", "2025-04-17", "2025-04"]
    plain = cl.Member(2, "2025-04-16", "day", "x", False, 1.0, {"tokens": ["a"], "persons": []})
    assert cl._candidate_key(plain) == ("days", "2025-04-16", "2025-04")


def test_a_date_in_one_time_zone_knows_the_other(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-07-23\n---\nタイトル\n\n"
        "トランプ米大統領は22日夕(日本時間23日朝)、日本との関税交渉で合意に達したと発表した。\n\n"
        "赤沢大臣は日本時間の17日朝、ホワイトハウスで大統領と会談した。"
    )
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, actors, doc.published)
    assert [(e.date, e.alt) for e in rows] == [("2025-07-22", "2025-07-23"), ("2025-07-17", "2025-07-16")]


def test_a_citing_blog_s_own_dated_facts_are_events_its_plans_and_stamps_are_not(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-09-13\n---\n【比較】総裁選まとめ\n2025年8月20日 公開｜経済ニュースを読み解くブログ「ケイザイのツボ」\n\n"
        "さて、本日は各候補の主張を掘り下げていきます。\n\n"
        "12日の告示で、過去最多となる9人が立候補を届け出ました。\n\n"
        "■ 争点\n"
        "小泉氏は出馬会見で早期解散を明言した。\n"
        "出典: https://www.nikkei.com/article/DGXZQOUA0683Z0W4A900C2000000/\n"
    )
    assert events_of(text, actors) == [("2024-09-12", "12日の告示で、過去最多となる9人が立候補を届け出ました。")]


def test_english_event_phrases_and_ages() -> None:
    from bot.extract.event_words import english_words, event_terms, number_terms

    def terms(text: str) -> set[str]:
        return event_terms(english_words(text), text)

    assert "~executive_order" in terms("Trump signed an executive order on Thursday.")
    assert "~executive_order" not in terms("An executive adviser left in order to rest.")
    assert "~effect" in terms("The tariff took effect on Aug. 7.")
    assert "~effect" not in terms("He took a plane to Washington.")
    assert number_terms("Hieda, an 87-year-old adviser") == set()


def test_a_date_range_after_a_comma_is_one_clause_not_a_fragment(actors: ActorIndex) -> None:
    text = "---\npublished: 2025-03-29\n---\nタイトル\n\n同省は残る約7万トンについて、26日から28日にかけて2回目の入札を実施した。"
    assert events_of(text, actors) == [
        ("2025-03-26", "同省は残る約7万トンについて、26日から28日にかけて2回目の入札を実施した。")
    ]
