"""Positions by class (issue 11, seventh round), each tested on sentences written for this test (none from a
corpus), in Japanese and English, with a counter-example that must not fire:

- instructions and requests: 指示した, 命じた; "asked the board to …" support what is to be done (not "told
  reporters …", and 「控えるよう指示」 carries the attitude said before it);
- priority (第一に考え) and a need said with 要る support; a preference (〜ほうがいい) and success are
  positive evaluations;
- refusing (断る) opposes what is refused; excess said as a predicate (言い過ぎだ, 大きすぎる, "far too …") is a
  negative evaluation, not an attribute of a noun (増えすぎたシカ);
- declining to judge said as a difficulty (判断するのは難しい, "could not judge … without …") is neutral;
- conditions: しだいでは, a restriction (〜に限っては; not 〜に限らず), case by case (是々非々, "bill by bill");
- the target's own predicate said not to be the case (「…に負わせるのではなく」「遅れていたわけではない」; not
  「…だけでなく」)."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

JA = """\
---
title: 各地の反応
published: 2025-10-01
---
高橋三郎大臣は会見で、港湾の点検を国土交通省に指示した。

高橋三郎大臣は、夜間の港湾の利用を控えるよう事業者に指示した。

小林五郎知事は「子育て支援を第一に考える」と述べた。

小林五郎知事は「図書館の建て替えを第一に考えてはいない」と述べた。

吉田七郎市長は「各地で橋の点検が要る」と述べた。

吉田七郎市長は「新しい庁舎は要らない」と述べた。

森田二郎市長は「このままでは続かない。正規の職員として雇うほうがいい」と述べた。

森田二郎市長は「夏祭りは中止したほうがいい」と述べた。

山本八郎組合長は、県からの出動要請を断る考えを示した。

山本八郎組合長は「町からの協力依頼は断らない」と述べた。

中村四郎市長は「水道料金の値上げ幅は大きすぎる」と述べた。

中村四郎市長は「増えすぎたシカの捕獲を進めたい」と述べた。

加藤六郎町長は、国の新しい交付金について「効果を評価するのは現時点では難しい」と述べた。

山田一郎市長は「説明会の結果しだいでは、駅前の再開発を見直す」と述べた。

佐藤二郎知事は「高齢者に限っては、車での避難もやむを得ない」と述べた。

佐藤二郎知事は「高齢者に限らず、自転車での避難を認める」と述べた。

木村一郎代表は、与党の法案には是々非々で臨む考えを示した。

松本九郎議員は、増税について「家計に負わせるのではなく、歳出の見直しで賄うべきだ」と主張した。

松本九郎議員は、手数料について「利用者に負わせるだけでなく、国も費用を出すべきだ」と主張した。

井上十郎知事は記者団に「県の初動が遅れていたわけではない」と述べた。
"""

EN = """\
---
title: Council reacts
published: 2025-10-02
---
Mayor Carol Dunn asked the water board to consider lowering the rates before winter.

Councillor Ben Ross told reporters the plan to widen the road was reckless.

Senator Paul Reed said the tax cut was "far too generous to the rich."

Councillor Mia Ford said she could not judge the merger without more information.

Councillor Mia Ford said the town could not rebuild the pier without state money.

Governor Sam Hale called the rescue "a success" and said the state would repay the volunteers.

Governor Sam Hale said the festival was not a success.

Councillor Joe Park said the council would decide bill by bill whether to back the budget.
"""


async def test_japanese_position_classes(store: Store) -> None:
    assert (await ingest_text(store, JA, name="classes-ja.md")).status == "added"
    assert await positions(store, "高橋", "港湾の点検", "点検を国土交通省に指示") == ["support"]
    assert await positions(store, "高橋", "夜間の港湾の利用", "控えるよう") == ["oppose"]  # the request carries 控える
    assert await positions(store, "小林", "子育て支援", "子育て支援を第一に考える") == ["support"]
    assert await positions(store, "小林", "図書館の建て替え", "建て替えを第一に考えてはいない") == ["oppose"]
    assert await positions(store, "吉田", "橋の点検", "橋の点検が要る") == ["support"]
    assert await positions(store, "吉田", "新しい庁舎", "庁舎は要らない") == ["oppose"]
    assert await positions(store, "森田", "職員として雇うこと", "雇うほうがいい") == ["support"]
    assert await positions(store, "森田", "夏祭りの開催", "中止した") == ["oppose"]
    assert await positions(store, "山本", "県からの出動要請", "断る") == ["oppose"]
    assert await positions(store, "山本", "町からの協力依頼", "断らない") == ["support"]
    assert await positions(store, "中村", "水道料金の値上げ", "大きすぎる") == ["oppose"]
    assert await positions(store, "中村", "シカの捕獲", "増えすぎた") == ["support"]  # an attribute, no evaluation
    assert await positions(store, "加藤", "国の新しい交付金", "評価するのは現時点では難しい") == ["neutral"]
    assert await positions(store, "山田", "駅前の再開発", "しだいでは") == ["conditional"]
    assert await positions(store, "佐藤", "車での避難", "限っては") == ["conditional"]
    assert await positions(store, "佐藤", "自転車での避難", "限らず") == ["support"]
    assert await positions(store, "木村", "与党の法案", "是々非々") == ["conditional"]
    assert await positions(store, "松本", "増税を家計に負わせること", "家計に負わせるのではなく") == ["oppose"]
    assert await positions(store, "松本", "手数料を利用者に負わせること", "だけでなく") != ["oppose"]
    assert await positions(store, "井上", "県の初動の遅れ", "わけではない") == ["oppose"]


async def test_english_position_classes(store: Store) -> None:
    assert (await ingest_text(store, EN, name="classes-en.md")).status == "added"
    assert await positions(store, "Dunn", "lowering the water rates", "asked") == ["support"]
    assert await positions(store, "Ross", "the plan to widen the road", "reckless") == ["oppose"]  # told reporters
    assert await positions(store, "Reed", "the tax cut", "far too") == ["oppose"]
    assert await positions(store, "Ford", "the merger", "could not judge") == ["neutral"]
    assert await positions(store, "Ford", "state money for the pier", "without") == ["support"]  # a need stays one
    assert await positions(store, "Hale", "the rescue", "called the rescue") == ["support"]
    assert await positions(store, "Hale", "the festival", "not a success") == ["oppose"]
    assert await positions(store, "Park", "the budget", "bill by bill") == ["conditional"]


async def _ingest(store: Store, articles: dict[str, str]) -> None:
    for name, text in articles.items():
        assert (await ingest_text(store, text, name=name)).status == "added"


async def _expect(store: Store, cases: list[tuple[str, str, str, list[str]]]) -> None:
    """Each (actor, about, evidence, positions): the positions of the statements holding the evidence."""
    got = [
        (actor, about, evidence, await positions(store, actor, about, evidence)) for actor, about, evidence, _ in cases
    ]
    assert got == cases


# Twelfth round (issue 11, branch pos12): declining to comment, starting an act, and a cue before a Japanese
# target inside its noun phrase, each with a counter-example that must keep its reading
JA_NON_ANSWERS = """\
---
title: 記者会見での応答
published: 2025-10-05
---
佐藤二郎知事は、普段は認めていない公園でのバーベキューも、夏休みの間は認めるべきだと述べた。

高橋三郎大臣は、港湾の民営化について繰り返し問われたのに対し「現時点で軽々に申し上げることはできない」と語るにとどめた。

小林五郎知事は、図書館の移転について「評価については差し控えたい」と述べた。

小林五郎知事は「夜間の外出は差し控えてほしい」と呼びかけた。

中村四郎市長は、駅の統合について「お答えすることはできない」と述べた。

中村四郎市長は「水道料金の値上げには賛成できない」と述べた。
"""

EN_NON_ANSWERS = """\
---
title: Council briefing
published: 2025-10-06
---
Mayor Carol Dunn said it was too early to say when the pier would reopen.

Mayor Carol Dunn said the vote on the stadium was far too early.

Councillor Ben Ross said the town had started paying refunds to bus riders.

Councillor Ben Ross said the town had not started the refunds for taxi drivers.

Governor Sam Hale declined to elaborate on the toll increase.
"""


async def test_non_answers_and_starting_an_act(store: Store) -> None:
    await _ingest(store, {"non-answers-ja.md": JA_NON_ANSWERS, "non-answers-en.md": EN_NON_ANSWERS})
    await _expect(
        store,
        [
            # the part that stops on a particle after the target: the cue before it is said of a noun of the target
            ("佐藤", "公園でのバーベキュー", "夏休みの間は認めるべき", ["support"]),
            ("高橋", "港湾の民営化", "語るにとどめた", ["neutral"]),  # not できない's oppose
            ("小林", "図書館の移転", "差し控えたい", ["neutral"]),
            ("小林", "夜間の外出", "差し控えてほしい", ["oppose"]),  # refraining from it
            ("中村", "駅の統合", "お答えすることはできない", ["neutral"]),
            ("中村", "水道料金の値上げ", "賛成できない", ["oppose"]),
            ("Dunn", "reopening the pier", "too early to say", ["neutral"]),
            ("Dunn", "the stadium vote", "far too early", ["oppose"]),
            ("Ross", "refunds for bus riders", "started paying", ["support"]),
            ("Ross", "refunds for taxi drivers", "not started", ["oppose"]),
            ("Hale", "the toll increase", "declined to elaborate", ["neutral"]),
        ],
    )


JA_FRAMES = """\
---
title: 市議会と国の対応
published: 2025-10-08
---
森田二郎市長は「市役所の分庁舎そのものが税金の無駄だ」と主張した。

森田二郎市長は「紙の回覧板で知らせる仕組みはもう終わりにすべきだ」と述べた。

国土交通省は、東西バスの運行管理について是正命令を出した。

松本九郎議員は「根拠のない推測で処分を決めるようなことは、あってはならない」と述べた。

松本九郎議員は「議会の審議時間を確保することは欠かせない」と主張した。
"""

EN_CLAUSES = """\
---
title: Council rift
published: 2025-10-09
---
Councillor Joe Park wrote that the audit showed Dunn favors the developers and that she should not be leading the zoning talks.

Councillor Joe Park said the mayor insisted that the town would not accept the landfill plan.
"""


async def test_framing_verbs_ends_corrections_prohibitions_and_that_clauses(store: Store) -> None:
    """主張 carries the attitude said before it (as 訴え, 強調 do); waste is a negative evaluation; correcting and
    ending act against their object; a prohibition of its happening opposes it; an English cue of another clause
    before the that-clause holding the target says nothing of it."""
    await _ingest(store, {"frames-ja.md": JA_FRAMES, "clauses-en.md": EN_CLAUSES})
    await _expect(
        store,
        [
            ("森田", "市役所の分庁舎", "税金の無駄だ", ["oppose"]),
            ("森田", "紙の回覧板で知らせる仕組み", "終わりにすべき", ["oppose"]),
            ("国土交通省", "東西バスの運行管理", "是正命令", ["oppose"]),
            ("松本", "推測で処分を決めること", "あってはならない", ["oppose"]),
            ("松本", "審議時間の確保", "欠かせない」と主張", ["support"]),  # 主張 alone
            ("Park", "Dunn leading the zoning talks", "should not be leading", ["oppose"]),
            ("Park", "the landfill plan", "would not accept", ["oppose"]),
        ],
    )


JA_REPLIES = """\
---
title: 町の対応
published: 2025-10-10
---
北村三郎町長は「住民の寄付だけで橋の修繕費を賄うのは難しいと考えている」と述べた。

北村三郎町長は「今になって前町長の責任を問うつもりはない」と応じた。

北村三郎町長は「議会の同意を得られれば、図書館の建設を進める」と応じた。

北村三郎町長は、県の要請に応じ、避難所の運営に職員を派遣した。

山口四郎市長は「常勤の職員として雇える形のほうが、見回りの仕事にはいいんじゃないか」と話した。
"""

EN_DEFERRALS = """\
---
title: Harbor board
published: 2025-10-11
---
Mayor Carol Dunn said her priority was to help the fishermen, adding that she would decide on any pay cuts for harbor staff later.
"""


async def test_difficulty_replies_preferences_and_deferrals(store: Store) -> None:
    """Its doing said to be hard opposes it; 「…」と応じた carries the attitude said before it (要請に応じ stays
    agreement); a preference holds over a comma; deferring the decision is neutral."""
    await _ingest(store, {"replies-ja.md": JA_REPLIES, "deferrals-en.md": EN_DEFERRALS})
    await _expect(
        store,
        [
            ("北村", "橋の修繕費を住民の寄付で賄うこと", "賄うのは難しい", ["oppose"]),
            ("北村", "前町長の責任を問うこと", "つもりはない", ["oppose"]),
            ("北村", "図書館の建設", "得られれば", ["conditional"]),
            ("北村", "県の要請", "要請に応じ", ["support"]),
            ("山口", "常勤の職員として雇うこと", "ほうが、", ["support"]),
            ("Dunn", "pay cuts for harbor staff", "would decide", ["neutral"]),
        ],
    )


JA_SCENARIOS = """\
---
title: 漁港
published: 2025-10-13
---
北村三郎町長は「今の時期に漁港の工事を進めれば、漁業者の生活が立ち行かなくなる」と述べ、県の計画を批判した。

北村三郎町長は「国の補助が出れば、新しい防潮堤の建設を進めたい」と述べた。

南田次郎市長は「運賃の値下げに応じないなら、バス会社との契約はできない」と語った。

南田次郎市長は「県が費用を出さなかったら、新しい体育館の建設はしない」と話した。
"""

EN_SCENARIOS = """\
---
title: Port plan
published: 2025-10-12
---
Councillor Joe Park said the town could not accept the casino if the state ran it.

Councillor Joe Park said he would back the ferry subsidy if the county paid half.

Councillor Joe Park said he would not support the toll unless the bridge was repaired.
"""


async def test_an_opposing_reading_under_a_plain_scenario_stays_opposition(store: Store) -> None:
    """A plain if / 〜れば is a scenario the speaker weighs: an opposing reading under it stays opposition; a
    supporting one under it, and any reading under a term (unless, 〜なければ, 〜ないなら, 〜なかったら, 〜のであれば), is conditional."""
    await _ingest(store, {"scenarios-ja.md": JA_SCENARIOS, "scenarios-en.md": EN_SCENARIOS})
    await _expect(
        store,
        [
            ("北村", "県の計画", "批判した", ["oppose"]),
            ("北村", "新しい防潮堤の建設", "補助が出れば", ["conditional"]),
            # a negated condition (〜ないなら, 〜なかったら) is a term, as 〜なければ is: "unless"
            ("南田", "バス会社との契約", "応じないなら", ["conditional"]),
            ("南田", "新しい体育館の建設", "出さなかったら", ["conditional"]),
            ("Park", "the casino", "could not accept", ["oppose"]),
            ("Park", "the ferry subsidy", "would back", ["conditional"]),
            ("Park", "the toll", "unless", ["conditional"]),
        ],
    )


# Fourteenth round (issue 11, branch pos14): the position toward the target by the form of what is said of it —
# a risk it runs (〜かねない), a verdict on it (違憲, "blatantly false", 〜のは違うのではないか), a fight against it in
# court, respecting or obeying it, its being the proper course (〜のが筋だ), a vote for or against it, a
# precondition (〜が前提だ) and a hedge ("would study") — each with a counter-example that keeps its reading
JA_ROLES = """\
---
title: 県議会の反応
published: 2025-10-15
---
山本八郎組合長は、ダムの建設を進めることについて「地域の分断を招きかねない」と指摘した。

高橋三郎大臣は、県が港湾を民営化することについて「住民から漁業を奪ってしまうのは、少し違うのではないか」と述べた。

小林五郎知事は、図書館の移転条例について「この条例は違憲であり、われわれは裁判所で争う」と表明した。

中村四郎市長は「今年の運賃交渉はきょうで終わりにさせてもらう」と述べた。

吉田七郎市長は、交付金の配分について「財源に限りがある中で、小さな町に手厚くするのが筋だ」と述べた。

吉田七郎市長は、観光税について「市民に負担を求めるのが筋ではない」と述べた。

森田二郎市長は、橋の架け替えについて「県の計画を尊重する」と述べた。

森田二郎市長は、住宅の再建について「市を挙げて取り組む」と述べた。

森田二郎市長は、県の観光計画について「見せかけの取り組みであり、誰も必要としていない」と述べた。

佐藤二郎知事は、警察からの指導について「指導には従う」と述べた。

佐藤二郎知事は、国からの通知について「通知には従わない」と述べた。

加藤六郎町長は、駅前の再開発について「住民の合意が前提だ」と述べた。
"""

EN_ROLES = """\
---
title: Council reacts
published: 2025-10-16
---
Councillor Ben Ross said the parking ordinance was unconstitutional and that the town would challenge it in court.

"If they insist on the toll, there is no way we can vote for the budget," Senator Paul Reed wrote.

Senator Paul Reed said he would vote for the harbor bill.

Mayor Carol Dunn called the report about the pier "blatantly false."

Governor Sam Hale said the state would stand behind the volunteers at the shelter.

Councillor Mia Ford said the council would study the plan to expand the park.
"""


async def test_the_position_by_what_is_said_of_the_target(store: Store) -> None:
    await _ingest(store, {"roles-ja.md": JA_ROLES, "roles-en.md": EN_ROLES})
    await _expect(
        store,
        [
            ("山本", "ダムの建設", "招きかねない", ["oppose"]),  # a risk the target runs
            ("高橋", "港湾の民営化", "違うのではないか", ["oppose"]),
            ("小林", "図書館の移転条例", "違憲", ["oppose"]),
            ("中村", "今年の運賃交渉を続けること", "終わりにさせ", ["oppose"]),
            # 限りがある (limited) is no condition; the proper course supports, its negation opposes
            ("吉田", "小さな町を優遇すること", "筋だ", ["support"]),
            ("吉田", "観光税", "筋ではない", ["oppose"]),
            ("森田", "県の計画", "尊重", ["support"]),
            ("森田", "住宅の再建", "取り組む", ["support"]),
            ("森田", "県の観光計画", "取り組みであり", ["oppose"]),  # the noun is no working on it
            ("佐藤", "警察からの指導", "従う", ["support"]),
            ("佐藤", "国からの通知", "従わない", ["oppose"]),
            ("加藤", "駅前の再開発", "前提", ["conditional"]),
            ("Ross", "the parking ordinance", "unconstitutional", ["oppose"]),
            ("Reed", "the budget", "no way", ["oppose"]),  # an opposing reading under a plain if stays one
            ("Reed", "the harbor bill", "vote for", ["support"]),
            ("Dunn", "the report about the pier", "false", ["oppose"]),
            ("Hale", "the volunteers at the shelter", "stand behind", ["support"]),
            ("Ford", "expanding the park", "study", ["neutral"]),  # a hedge over the act it would study
        ],
    )


JA_DEFERRED = """\
---
title: 調査委員会
published: 2025-10-17
---
北村三郎町長は、役員の処分について「調査の結果を踏まえて判断したい」と答えた。

北村三郎町長は、被災地の視察について「消火活動の妨げにならない時期を見極めたうえで判断したい」と述べた。

南田次郎市長は、住民への補償について「事故の原因究明に基づいて対応する」と述べた。

南田次郎市長は、窓口の改善について「利用者の声を踏まえて改善を進めたい」と述べた。
"""


async def test_a_decision_deferred_on_a_basis_is_conditional(store: Store) -> None:
    """A decision said to wait on something (〜を踏まえて判断, 〜たうえで判断, 〜に基づいて対応) is conditional on it,
    as 〜次第 is; an act done in the light of something (踏まえて改善を進めたい) stays what it is."""
    await _ingest(store, {"deferred-ja.md": JA_DEFERRED})
    await _expect(
        store,
        [
            ("北村", "役員の処分", "踏まえて判断", ["conditional"]),
            ("北村", "被災地の視察", "見極めたうえで", ["conditional"]),
            ("南田", "住民への補償", "基づいて対応", ["conditional"]),
            ("南田", "窓口の改善", "改善を進めたい", ["support"]),
        ],
    )


JA_NOT_HELD = """\
---
title: 市長会見
published: 2025-10-18
---
北村三郎町長は、港湾の民営化について「町として容認するかしないかを判断する立場にはない」と述べた。

北村三郎町長は、庁舎の建て替えについて、必要な費用には触れなかった。

南田次郎市長は、県の補助金の配分について「報告の内容を精査し、適切だったかどうかを確認していく」と述べた。

東山一郎市長は、県が出した料金の案を「中身がなく、到底のめない」と批判しており、市議会では県の出方次第で協力を見直すべきだとの声も強まっている。

西川一郎知事は、ダムの建設について明言を控えた。

西川一郎知事は、夜間の外出を控えるよう求めた。
"""


async def test_what_the_actor_weighs_or_will_not_say_is_no_position(store: Store) -> None:
    """Not being in a position to judge, not touching on it (〜には触れなかった), declining to state (明言を控えた),
    scrutinizing it (精査) and a cue inside an embedded question (容認するかしないか, 適切だったかどうか) hold no
    position; 到底のめない rejects, and the quote's part ending on a continuative (中身がなく、) goes on to its predicate
    (the condition of another's voice later in the sentence is not the speaker's); refraining from an act stays
    against it."""
    await _ingest(store, {"not-held-ja.md": JA_NOT_HELD})
    await _expect(
        store,
        [
            ("北村", "港湾の民営化", "立場にはない", ["neutral"]),
            ("北村", "庁舎の建て替え", "触れなかった", ["neutral"]),
            ("南田", "県の補助金の配分", "精査し", ["neutral"]),
            ("東山", "県が出した料金の案", "のめない", ["oppose"]),
            ("西川", "ダムの建設", "明言を控えた", ["neutral"]),
            ("西川", "夜間の外出", "外出を控える", ["oppose"]),
        ],
    )


JA_HINDRANCE = """\
---
title: 港湾と補助金
published: 2025-10-19
---
北村三郎町長は、県による港湾売却の阻止に反対する考えを示した。

北村三郎町長は、国が駅の建設を阻止したことを歓迎した。

南田次郎市長は、国による補助金支給の先送りを批判した。

西川一郎知事は「ダムの建設を阻止する」と述べた。
"""

EN_HINDRANCE = """\
---
title: Flood aid
published: 2025-10-20
---
Senator Paul Reed criticized the delay of the flood aid.

Senator Paul Reed vowed to block the casino.

Mayor Carol Dunn condemned the move to block the harbor deal.
"""


async def test_the_thing_blocked_or_delayed(store: Store) -> None:
    """Blocking and delaying are acts against their object, so an attitude toward the block is the opposite toward
    what it blocks (opposing a block of a sale supports the sale; criticizing the delay of aid supports the aid;
    welcoming a block opposes what was blocked); blocking it oneself opposes it; asked about the block itself
    (港湾売却の阻止, "blocking the harbor deal"), the reading turns back."""
    await _ingest(store, {"hindrance-ja.md": JA_HINDRANCE, "hindrance-en.md": EN_HINDRANCE})
    await _expect(
        store,
        [
            ("北村", "港湾売却", "阻止に反対", ["support"]),
            ("北村", "港湾売却の阻止", "阻止に反対", ["oppose"]),
            ("北村", "駅の建設", "歓迎", ["oppose"]),
            ("南田", "補助金支給", "先送り", ["support"]),
            ("西川", "ダムの建設", "阻止する", ["oppose"]),
            ("Reed", "the flood aid", "delay", ["support"]),
            ("Reed", "the casino", "block", ["oppose"]),
            ("Dunn", "the harbor deal", "block", ["support"]),
            ("Dunn", "blocking the harbor deal", "block", ["oppose"]),
        ],
    )


JA_COMMENTED = """\
---
title: 会長会見
published: 2025-10-21
---
高橋三郎会長は、地元の業者を工事に起用するのを見直す自治体が相次いでいることについて「長年の取引から仕事を奪ってしまうのは、少し違うのではないか」と述べた。

高橋三郎会長は、県が補助金の支給を続けることについて「ありがたい」と述べた。

高橋三郎会長は、県が夏祭りを中止することについて「地域の楽しみを奪ってしまうのは、少し違うのではないか」と述べた。

北村三郎町長は、国が港湾の整備を打ち切ることについて「到底受け入れられない」と述べた。
"""


async def test_the_target_inside_the_matter_commented_on(store: Store) -> None:
    """The target named inside the matter a comment is about (〜ことについて「…」): what that phrase does to the
    target (見直す, 中止する, 打ち切る) is read with the comment after it (違うのではないか, 受け入れられない), as a
    listed act is with the predicate after the list: against stopping it is for it."""
    await _ingest(store, {"commented-ja.md": JA_COMMENTED})
    await _expect(
        store,
        [
            ("高橋", "自治体が地元の業者を起用しなくなること", "長年の取引から", ["oppose"]),
            ("高橋", "補助金の支給", "ありがたい", ["support"]),
            ("高橋", "夏祭りの開催", "楽しみを奪って", ["support"]),
            ("北村", "港湾の整備", "受け入れられない", ["support"]),
        ],
    )


# Fifteenth round (issue 11, branch pos15): what the speaker evaluates and how it stands to the target asked about
JA_RELATIONS = """\
---
title: 各地の反応
published: 2025-11-02
---
北村三郎町長は、ダムの放流について「報道が事実であれば、到底許されない行為だ」と述べた。

北村三郎町長は、堤防の工事について「もし本当であれば、にわかには信じがたい話だ」と述べた。

北村三郎町長は、港湾の整備について「国が費用を負担するのであれば、受け入れる」と述べた。

南田次郎市長は、野党の要求を「選挙目当ての芝居だ」と切り捨てた。

南田次郎市長は、住民団体の提案を一蹴した。

西川四郎知事は「駐車場の無料化は一時しのぎにすぎない」と述べた。

東山五郎議員は、業者が十分な調査をせずに工事を再開したと指摘した。

東山五郎議員は「市に責任がないとは言えない」と述べた。

東山五郎議員は「夜間の営業ができないと考えること自体がおかしい」と述べた。

東山五郎議員は「昼間の営業はできない」と述べた。

中島六郎市長は、路線バスの廃止について「まずは代わりの交通手段を確保することが先決だ」と述べた。

中島六郎市長は「代わりの交通手段を確保することが先決だ」と述べた。

中島六郎市長は「現時点で市が新しい体育館を建てる段階ではない」と述べた。

松田七郎知事は「増税そのものに反対しているわけではない。国が使い道を示してくれるなら、県も協力する」と述べた。

松田七郎知事は「県が橋を架けるならば、何年もかかる。それでも、新しい橋の建設には賛成だ」と述べた。

松田七郎知事は「港の整備を国が担うのが望ましい。そうすれば、漁業を立て直せる」と述べた。

竹内八郎市長は「まずは住民への説明を急ぐ。職員の処分については、調査の結果を踏まえて判断したい」と述べた。
"""

EN_RELATIONS = """\
---
title: Reactions
published: 2025-11-02
---
Mayor Carol Dunn said the rescue at the river, if the reports are accurate, was a great success.

Mayor Carol Dunn said she would accept the harbor plan if the state pays for it.

Senator Paul Reed called the governor's offer a first step that was not sufficient.

Senator Paul Reed said the new funding for the schools was insufficient.

Councillor Mia Ford said the party would rejoin the coalition if the campaign against smuggling resumed.

Councillor Mia Ford said she is against the stadium budget.

Councillor Mia Ford said now is not the time for a tax cut.

Governor Sam Hale said raising the parking fee would be a stopgap that does not solve the shortage.

Governor Sam Hale said it would be impossible to say the city bears no responsibility for the flood.

Governor Sam Hale said it would be impossible to fund the new stadium.

Judge Ann Cole said the talks on the border should only serve to sign a finished treaty.

Judge Ann Cole called the summit with the rebels a good sign, but said the first step must be a full ceasefire.
"""


async def test_what_is_evaluated_and_how_it_stands_to_the_target(store: Store) -> None:
    """The position is read toward the target asked about: a condition on whether a report is true (報道が事実であ
    れば, "if the reports are true") sets no term; dismissing (切り捨てた, 一蹴した), calling it not enough ("not
    sufficient", insufficient) or a stopgap (一時しのぎ), and a deed done without due care (十分な調査をせずに) oppose
    it; "against" after a contest's noun (the campaign against smuggling) is no attitude of the speaker; criticizing
    a denial of it (〜ないとは言えない, 〜できないと考えること自体がおかしい, "impossible to say … no …") supports it;
    something else put first (〜が先決だ, "the first step must be"), or the target allowed only for a purpose
    ("should only serve to"), makes it conditional — while what is put first is supported; a term in the statement's
    last sentence conditions the support read before it (not そうすれば, a consequence), and a condition in the part
    the reading moves on to (「…の処分については、…を踏まえて判断したい」) is the reading's."""
    await _ingest(store, {"relations-ja.md": JA_RELATIONS, "relations-en.md": EN_RELATIONS})
    await _expect(
        store,
        [
            ("北村", "ダムの放流", "許されない", ["oppose"]),
            ("北村", "堤防の工事", "信じがたい", ["oppose"]),
            ("北村", "港湾の整備", "負担する", ["conditional"]),
            ("南田", "野党の要求", "切り捨て", ["oppose"]),
            ("南田", "住民団体の提案", "一蹴", ["oppose"]),
            ("西川", "駐車場の無料化", "一時しのぎ", ["oppose"]),
            ("東山", "工事の再開", "十分な調査", ["oppose"]),
            ("東山", "市の責任", "言えない", ["support"]),
            ("東山", "夜間の営業", "おかしい", ["support"]),
            ("東山", "昼間の営業", "昼間の営業はできない", ["oppose"]),
            ("中島", "路線バスの廃止", "まずは代わり", ["conditional"]),
            ("中島", "代わりの交通手段の確保", "は「代わりの", ["support"]),
            ("中島", "新しい体育館の建設", "段階ではない", ["oppose"]),
            ("松田", "増税", "使い道", ["conditional"]),
            ("松田", "新しい橋の建設", "賛成だ", ["support"]),
            ("松田", "港の整備を国が担うこと", "望ましい", ["support"]),  # そうすれば: what it brings
            ("竹内", "職員の処分", "踏まえて", ["conditional"]),
            ("Dunn", "the rescue at the river", "success", ["support"]),
            ("Dunn", "the harbor plan", "accept", ["conditional"]),
            ("Reed", "the governor's offer", "not sufficient", ["oppose"]),
            ("Reed", "the new funding for the schools", "insufficient", ["oppose"]),
            ("Ford", "rejoining the coalition", "campaign against", ["conditional"]),
            ("Ford", "the stadium budget", "against the stadium", ["oppose"]),
            ("Ford", "a tax cut", "not the time", ["oppose"]),
            ("Hale", "raising the parking fee", "stopgap", ["oppose"]),
            ("Hale", "the city's responsibility for the flood", "no responsibility", ["support"]),
            ("Hale", "funding the new stadium", "fund the new", ["oppose"]),
            ("Cole", "the talks on the border", "only serve", ["conditional"]),
            ("Cole", "the summit with the rebels", "first step", ["conditional"]),
        ],
    )
