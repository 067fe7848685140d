"""Japanese days resolved against the wrong anchor (issue 12, round 40). A bare day (「13日」) after a day of an
earlier month told in passing — by a clause that describes a noun (「昨年12月10日に就任したミレイ大統領は」「10月5日に
施行された覆面禁止規則」「1月15日の…噴火で切断された…ケーブル」) or by a sentence that tells a state now (「…訴訟を起こして
いる。」「…派閥を離脱している。」) — is the report's month's when the report has reached it; a bare day after 同日 or a
bare day read in an earlier month goes on in that month (「4月7日には…公表。…は同日、…。…同氏は14日に辞任。CVCは20日、」);
an hour told after a day still to come is the report's day's (「今月18日に…聴聞を行ったうえで…方針です。」「…長官は午後の
記者会見で」); a 前日 told in the past from a day ahead is the day before the report's, not after it. Each case has its
pair the rule must leave alone."""

from __future__ import annotations

import datetime as dt

from bot.extract.dates import DateContext
from tests.article_events import days_of, events_of


def _values(published: str, *texts: str) -> list[list[str]]:
    ctx = DateContext(dt.date.fromisoformat(published))
    return [[m.value for m in ctx.scan(t)] for t in texts]


def test_a_bare_day_after_a_day_that_describes_a_noun_is_the_reports_month() -> None:
    # milei2023 (Mainichi): a relative clause's day before the subject's own bare day
    text = "昨年12月10日に就任したミレイ大統領は緊縮策を進めている。同氏は13日、地元テレビのインタビューで成果を強調した。"
    assert _values("2024-02-15", text) == [["2023-12-10", "2024-02-13"]]
    # hongkong2019 (Yomiuri): a rule named by the day it took effect, then the reply of the 19th
    text = (
        "高等法院は18日、10月5日に施行された覆面禁止規則について違憲と判断した。"
        "これに対し全人代の報道官は19日、談話を出し、判決を批判した。"
    )
    assert _values("2019-11-20", text)[0][-1] == "2019-11-19"
    # tonga2022 (Nikkei): a noun's day (the eruption that cut the cable) in the same sentence
    text = "1月15日の海底火山の大規模噴火で切断された海底ケーブルの修理が終わり、22日、インターネット接続が回復した。"
    assert _values("2022-02-23", text) == [["2022-01-15", "2022-02-22"]]


def test_a_bare_day_after_a_sentence_telling_a_state_now_is_the_reports_month() -> None:
    # kazu2022 (Jiji): 「…訴訟を起こしている。」 then the lawyer's comment of the 18th
    text = "家族らは今年7月3日、損害賠償を求める訴訟を札幌地裁に起こしている。原告弁護団の団長は18日、コメントを出した。"
    assert _values("2024-09-18", text) == [["2024-07-03", "2024-09-18"]]
    # slushfund2024 (Asahi): 「先月7日に派閥を離脱している。」 then 「一夜明けた19日朝には」
    text = "首相は18日夜、記者団の取材に応じた。首相は先月7日に派閥を離脱している。一夜明けた19日朝には解散を明言した。"
    assert days_of("2024-01-19", text)[-1] == "2024-01-19"


def test_a_day_told_in_the_narrative_still_lends_its_month() -> None:
    # a done act of an earlier month, then a later bare day of its own sentence: that month
    text = "同社は5月12日、反論した。市長は22日、会見した。"
    assert _values("2024-06-25", text) == [["2024-05-12", "2024-05-22"]]
    # a time the next act happened after (「締め切った後」) is no noun described
    text = "政府は3月24日に意見募集を締め切った後、28日に政令の改正を閣議決定した。"
    assert _values("2019-04-30", text) == [["2019-03-24", "2019-03-28"]]
    # a bare day after the report's own day keeps the earlier month's reading
    text = "昨年12月10日に就任した大統領は、20日に通貨を切り下げた。"
    assert _values("2024-02-15", text)[0][-1] != "2024-02-20"


def test_a_bare_day_after_same_day_goes_on_in_that_days_month() -> None:
    # toshiba2023 (Mainichi): 同日 of April 7th, then 14日 and 20日 in a June report
    text = (
        "4月7日には買収提案を受けたと公表。官房長官は同日、「コメントは差し控えたい」と述べた。"
        "社長には批判が集まり、同氏は14日に辞任。ファンドは20日、手続きを見送る考えを伝えた。"
    )
    assert _values("2021-06-26", text) == [["2021-04-07", "2021-04-07", "2021-04-14", "2021-04-20"]]
    # not from a 同日 more than half a year back: the bare day is read on its own
    text = "昨年4月7日には買収提案を受けたと公表。官房長官は同日、会見した。同氏は14日に辞任した。"
    assert _values("2021-06-26", text)[0][-1] == "2021-06-14"


def test_an_hour_after_a_day_still_to_come_is_the_reports_day() -> None:
    # japanpost2025 (NHK): a plan's day told in a past form (〜たうえで…方針です), then the Chief Cabinet Secretary
    events = events_of(
        "2025-06-05",
        "国土交通省は、許可を取り消す方針を決め、5日、会社側に通知しました。",
        "関東運輸局は、今月18日に日本郵便から意見を聴く「聴聞」を行ったうえで、正式に処分を決める方針です。",
        "林官房長官は午後の記者会見で「極めて遺憾だ」と述べました。",
    )
    assert ("2025-06-05", "林官房長官は午後の記者会見で「極めて遺憾だ」と述べました。") in events
    assert not any(d == "2025-06-18" and "官房長官" in s for d, s in events)
    # an hour after a day the report tells as done stays that day's
    days = days_of(
        "2025-06-05",
        "国土交通省は3日、会社側に通知しました。",
        "林官房長官は午後の記者会見で「極めて遺憾だ」と述べました。",
    )
    assert days == ["2025-06-03", "2025-06-03"]


def test_a_past_previous_day_from_a_day_ahead_is_before_the_report() -> None:
    # surname2025 (Yomiuri): 「30日の委員会で…合意した」 then 「代表は前日の記者会見で…明らかにしていた」 on the 28th
    text = (
        "国民民主党は28日、法案を衆院に提出した。両党の国対委員長は同日会談し、30日の衆院法務委員会で趣旨説明を行い、"
        "審議入りさせることで合意した。"
    )
    later = "玉木雄一郎代表は前日の記者会見で、28日に提出する方針を明らかにしていた。"
    assert _values("2025-05-28", text, later)[1][0] == "2025-05-27"
    # a 前日 still to come (a plan) counts from the day ahead
    later = "前日の29日には与野党の幹部が協議する予定だ。"
    assert _values("2025-05-28", text, later)[1][0] == "2025-05-29"


def test_a_month_day_naming_a_thing_called_for_or_still_to_come_is_the_year_ahead() -> None:
    # pension2023 (Nikkei): a day a party calls others to act on, in an April report: this May, not last
    text = "書記長は、判断は怒りを鎮めるものではないとして、5月1日のメーデーに大規模な行動を呼びかけた。"
    assert _values("2023-04-15", text) == [["2023-05-01"]]
    # ukraine2025d (Mainichi): a meeting proposed for days ahead
    text = "ウクライナは6月20～30日の首脳会談開催を提案したが、ロシアは応じなかったという。"
    assert _values("2025-06-03", text)[0][0] == "2025-06-20"
    # duterte2025 (Yomiuri): a sentence opened by the thing's day that ends on a verb still to come
    text = "９月２３日の手続きでは、検察側の証拠が十分かどうかを審理する「起訴内容の確認」が行われる。"
    assert _values("2025-03-15", text) == [["2025-09-23"]]
    # a thing named and told done stays behind (「8月5日の暴落」, 「5月1日のメーデーでは…行進した」)
    assert _values("2025-01-24", "8月5日の暴落では、日経平均株価が4451円下落した。") == [["2024-08-05"]]
    assert _values("2023-09-15", "5月1日のメーデーでは、労働者が各地で行進した。") == [["2023-05-01"]]
    # a demand about a thing done is no call for a thing ahead (「…の発言の撤回を求めた」: last October)
    assert _values("2024-04-10", "野党は10月5日の発言の撤回を求めた。") == [["2023-10-05"]]
    # a day the clause refers back to (「…の事件を受け」) is not called for
    assert _values("2024-12-10", "8月1日の事件を受け、政府は警備の強化を求めた。") == [["2024-08-01"]]


def test_a_thing_ahead_called_for_is_a_plan_not_an_entry() -> None:
    text = "書記長は、判断は怒りを鎮めるものではないとして、5月1日のメーデーに大規模な行動を呼びかけた。"
    assert days_of("2023-04-15", text) == []
    # the call told on the report's own day of a thing then is no thing ahead
    assert days_of("2023-05-01", "書記長は1日、パリで行進し、大規模な行動を呼びかけた。") == ["2023-05-01"]


def test_an_undated_sentence_told_in_an_incidents_frame_takes_no_later_day() -> None:
    # valencia2024 (Mainichi): a report of the 27th's vote names last year's flood; the flood's toll, told undated in
    # 「洪水では」, is no happening of the 27th
    lead = "スペイン東部バレンシア自治州の議会は27日、昨年10月の大洪水への対応を批判されて辞任した前州首相の後任を選出した。"
    toll = "洪水では州内で229人、隣接する州などを含めると計237人が死亡した。"
    assert days_of("2025-11-28", lead, "前州首相は27日、採決の時だけ議場に姿を見せた。", toll) == [
        "2025-11-27",
        "2025-11-27",
    ]
    # tonga2022 (Yomiuri): 「噴火に伴い…揺れも観測された」 in a report of the 17th is the eruption's, not the 17th's
    lead = (
        "トンガ諸島の海底火山の大規模噴火に伴い、日本の太平洋沿岸で観測された潮位変化について、気象庁は、噴火で生じた"
        "気圧の波が海面を押し上げた可能性があるとの見方を示した。同庁は16日未明に津波警報・注意報を出したが、通常の津波"
        "を前提とした仕組みでは早期の予測が難しかったという。"
    )
    quake = "米地質調査所(USGS)によると、噴火に伴いマグニチュード(M)5・8相当の揺れも観測された。"
    assert [s for _, s in events_of("2022-01-17", lead, quake) if "揺れ" in s] == []
    # another happening of a disaster's day, told undated with no frame, stays that day's
    lead = "30日午前、カムチャツカ半島付近を震源とする大きな地震があり、津波警報が出された。"
    closed = "JR東日本は常磐線の一部区間で運転を見合わせ、仙台空港は滑走路を閉鎖した。"
    assert days_of("2025-07-30", lead, closed) == ["2025-07-30", "2025-07-30"]
