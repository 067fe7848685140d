"""Attribution classes, one general pattern each (Japanese and English), on made-up sentences.

Names here are fictional on purpose: the rules must hold for people and bodies no registry knows.
"""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.attribution import attribute


def who(actors: ActorIndex, context: str, words: str) -> str | None:
    """The speaker of `words` inside the paragraph of `context` that holds them."""
    at = context.index(words)
    start = context.rfind("\n", 0, at) + 1
    end = context.find("\n", at)
    text = context[start : end if end >= 0 else len(context)]
    i = text.index(words)
    return attribute(text, i, i + len(words), actors, context=context)


JAPANESE = [
    # a name and title right before the quote, no colon
    ("北山市長「橋の架け替えを急ぐ」と題した会見が開かれた。", "橋の架け替えを急ぐ", "北山"),
    # the subject of the sentence: name + title, は … 「…」と述べた
    ("東西電機の森川健一社長は10日、「海外工場を二つ閉じる」と述べた。", "海外工場を二つ閉じる", "森川健一"),
    # reported speech, no brackets: Xによると
    ("関係者によると、工場の閉鎖は来年になる見通しだ。", "工場の閉鎖は来年になる", "関係者"),
    # anonymous sources stay what they are, never the country
    ("米政府当局者は「交渉はまだ続いている」と語った。", "交渉はまだ続いている", "米政府当局者"),
    ("日本政府関係者は「慎重に見極める」と話した。", "慎重に見極める", "日本政府関係者"),
    # a company, a ministry and a union as speakers
    ("南海化学は11日、「新工場の建設を見送る」と発表した。", "新工場の建設を見送る", "南海化学"),
    ("国土交通省は「運航の安全を最優先にする」との談話を出した。", "運航の安全を最優先にする", "国土交通省"),
    # 同氏 / 同社: the person or company named before
    ("西村陽子知事は会見に臨んだ。同氏は「復旧に全力を挙げる」と強調した。", "復旧に全力を挙げる", "西村陽子"),
    ("北陸精機は決算を発表した。同社は「需要は底を打った」としている。", "需要は底を打った", "北陸精機"),
    # the subject carried over from the sentence before
    ("中野一郎議長は閉会を宣言した。そのうえで「議論は尽くされた」と語った。", "議論は尽くされた", "中野一郎"),
    # a bare title pointing back to the person named with it
    ("大川正人首相は訪問を終えた。首相は記者団に「成果は大きい」と語った。", "成果は大きい", "大川正人"),
    # …and so does one after a place the registry does not hold (a city: 札幌の市長)
    ("北山健二市長は会見を開いた。札幌の市長は記者団に「除雪を急ぐ」と語った。", "除雪を急ぐ", "北山健二"),
    # the subject of a relative clause is not the speaker (the topic is)
    ("政府が決めた支援策について、野村教授は「規模が小さすぎる」と批判した。", "規模が小さすぎる", "野村"),
    # a speaker right after the quote
    ("「値上げはやむを得ない」と、大手スーパーの幹部は明かした。", "値上げはやむを得ない", "幹部"),
    # a label line above a quote that opens its own line
    ("東都大学 吉岡教授\n「まだ予断を許さない」", "まだ予断を許さない", "吉岡"),
    # a phrase that cannot speak is not a speaker; the person in the sentence is
    ("川村所長は、計画の見直しは「避けられない」と述べた。", "避けられない", "川村"),
    # a name with a kana honorific as the subject, a statement released as a document several sentences on
    (
        "森田さんは5日、公式サイトに文書を掲載した。事務所も閉じるとしている。文書では経緯を説明した。"
        "そのうえで「責任は私にあります」として、改めて謝罪した。",
        "責任は私にあります",
        "森田",
    ),
    # anonymous people described by a noun phrase stay as written
    ("労働組合の幹部の1人は取材に「会社を変えたい」と話した。", "会社を変えたい", "組合の幹部の1人"),
    (
        "被害を受けた元社員の女性が代理人を通じてコメントを出した。「悔しさは消えない」とも記している。",
        "悔しさは消えない",
        "元社員の女性",
    ),
    # a founder's title
    (
        "米ファンドのジョン・ミラー共同創業者は「株主のために動く」とコメントした。",
        "株主のために動く",
        "ジョン・ミラー",
    ),
    # a surname alone with the title, after the full name
    ("港川浩社長は会見を開いた。\n港社長「失敗だったと思う」", "失敗だったと思う", "港川浩"),
    # a person's name (Sudachi's 人名) before a role no list holds
    ("北川真司地震津波対策企画官は「警戒を続けてほしい」と述べた。", "警戒を続けてほしい", "北川真司"),
    # a role noun no list holds, made of a noun and a person suffix, or headed by 〜長
    ("元機長の航空評論家は「判断は難しかった」と指摘した。", "判断は難しかった", "評論家"),
    ("記録によると、管制官は「停止位置まで進め」と伝えた。", "停止位置まで進め", "管制官"),
    # a role of a body: the anaphor resolved, or the body that is the sentence's subject
    ("東海電力は停止を発表した。同社の担当者は「点検を急ぐ」と話した。", "点検を急ぐ", "東海電力の担当者"),
    ("北陸航空も会見を開き、担当者は「許可は出ていた」と説明した。", "許可は出ていた", "北陸航空の担当者"),
    # the speaker in brackets after the quote
    ("市場では「痛い欠航だ」(国内証券アナリスト)との声が出ていた。", "痛い欠航だ", "国内証券アナリスト"),
    # subjectless sentences carrying on one speaker's words, past the sentences that tell of something else
    (
        "川田花子前議員(56)が13日、配信で「もう考えていない」と語った。\n視聴者から問われ、答えた。"
        "配信には長男も参加した。\n振り返って「景色を見せてもらった」と述懐。「夢に見る」と明かした。\n"
        "そのうえで「違うと思う」と説明。「渡り鳥と同じだ」と続けた。",
        "渡り鳥と同じだ",
        "川田花子",
    ),
    # the subject of a subordinate clause (〜のに対し, 〜すると) is not the speaker
    (
        "森本一郎氏は番組に出演した。司会の山下花子氏が規模について尋ねたのに対し、「前提が正しくない」と切り返した。",
        "前提が正しくない",
        "森本一郎",
    ),
    # answers under question lines of a Q&A passage are the interviewee's
    (
        "森本一郎氏は会見し、「何も決めていない」と語った。\n主なやりとりは次の通り。\n――結果をどう受け止めるか。\n"
        "「意思が示された」\n ――要因は。\n 「序盤に取り上げられなかった」",
        "序盤に取り上げられなかった",
        "森本一郎",
    ),
]


@pytest.mark.parametrize(("context", "words", "speaker"), JAPANESE, ids=[w for _, w, _ in JAPANESE])
def test_japanese_attribution(actors: ActorIndex, context: str, words: str, speaker: str) -> None:
    got = who(actors, context, words)
    assert got is not None and speaker in got, got


def test_two_companies_speak_together(actors: ActorIndex) -> None:
    context = "東西電機は提携を発表した。南海化学も会見を開いた。両社は「共同で開発を進める」とした。"
    got = who(actors, context, "共同で開発を進める")
    assert got is not None and "東西電機" in got and "南海化学" in got


def test_two_companies_joined_by_to_speak_together(actors: ActorIndex) -> None:
    context = (
        "総務省は3日、東西電機と親会社の南海化学に指導した。同省は改善を求めた。両社は「真摯に受け止める」とした。"
    )
    got = who(actors, context, "真摯に受け止める")
    assert got is not None and "東西電機" in got and "南海化学" in got and "総務省" not in got


def test_a_span_that_begins_inside_a_quote_is_that_quotes(actors: ActorIndex) -> None:
    # a loose match of a quote may run past its closing mark into the next one: the quote it begins in decides
    text = "管制官は「滑走路へ」と伝えた。「停止位置まで進め」。海保機は「向かいます」と応じた。"
    start, end = text.index("停止位置"), text.index("います") + 1
    assert attribute(text, start, end, actors, context=text) == "管制官"


def test_a_loose_span_is_read_where_its_middle_is(actors: ActorIndex) -> None:
    # a reworded quote's match may begin at the end of the sentence before the quote
    text = 'Tom Hardy left early. Ana Ruiz stayed on. "There were problems, but it ended well," Ruiz told reporters.'
    start, end = text.index("on."), text.index("ended well") + 10
    assert attribute(text, start, end, actors, context=text) == "Ana Ruiz"


def test_no_one_said_a_plain_fact(actors: ActorIndex) -> None:
    assert who(actors, "港では朝から貨物船の荷役が続いた。", "貨物船の荷役が続いた") is None


ENGLISH = [
    ('"We will rebuild the bridge," Mayor Ellen Park said on Monday.', "We will rebuild", "Ellen Park"),
    ('"Prices will rise," said Tom Hardy, an economist at a Tokyo bank.', "Prices will rise", "Tom Hardy"),
    ("Finance Minister Ana Ruiz said that the budget would be cut.", "the budget would be cut", "Ana Ruiz"),
    ("Sales will fall, according to Lena Moss, a retail analyst.", "Sales will fall", "Lena Moss"),
    ('"No decision has been made," a senior trade official told reporters.', "No decision", "trade official"),
    ('Ana Ruiz spoke in Osaka. "The plan stands," she said.', "The plan stands", "Ana Ruiz"),
    (
        'Delta Motors reported a loss. "Demand has bottomed out," the company said in a statement.',
        "Demand has bottomed out",
        "Delta Motors",
    ),
    ('Ana Ruiz told Pacific Wire that "the talks are over."', "the talks are over", "Ana Ruiz"),
    ('"Deal or no deal," President Trump wrote on social media.', "Deal or no deal", "トランプ"),  # English = Japanese
    ('"We will not yield," Deputy Secretary of State Mark Lowe said.', "We will not yield", "Mark Lowe"),
    (
        'Then President Ken Ueda kept him on air. Acme TV President Jun Mori apologized later. "We were naive," he said.',
        "We were naive",
        "Jun Mori",
    ),
    # the speaker after a quote follows its closing mark: a speech verb inside the quote ("told") is not its end
    ('"Being told you are next is not being told to go," said Lena Moss, a pilot.', "Being told", "Lena Moss"),
    # an opening phrase before the subject: a sentence adverb, a weekday, a participle clause
    ("Earlier, Ana Ruiz wrote that the talks had stalled.", "the talks had stalled", "Ana Ruiz"),
    ("At a briefing last Friday, Tom Hardy said the fund had grown.", "the fund had grown", "Tom Hardy"),
    (
        "Ana Ruiz, the former mayor, said on Monday that she would rest. Speaking on Instagram, she said she was tired.",
        "she was tired",
        "Ana Ruiz",
    ),
    # an indefinite source after the verb, whatever its noun, up to where its description ends
    ('"Nobody told us anything," said a woman in her 40s who had come by bus.', "Nobody told us", "woman"),
    ('"The market has priced it in," said an oil broker who asked not to be named.', "priced it in", "oil broker"),
    # a quoted phrase in a sentence led by a person, titled with a full stop or after an opening phrase
    (
        'Tom Hardy spoke first. Ana Ruiz hailed the plan as "a clear win" and left.',
        "a clear win",
        "Ana Ruiz",
    ),
    (
        'In Osaka, Prime Minister Ken Arai released a video, saying the "bold decision" would change history.',
        "bold decision",
        "Ken Arai",
    ),
    (
        'Tom Hardy spoke. Osaka Gov. Ana Ruiz, a vice chairman, was in a good mood. "It was worth it," he said.',
        "It was worth it",
        "Ana Ruiz",
    ),
    # "the minister": the person last named with that title
    (
        'Foreign Minister Ana Ruiz met Tom Hardy. Asked whether talks could resume, the minister replied that '
        '"now is not the time."',
        "now is not the time",
        "Ana Ruiz",
    ),
    # "the judge", "the lawyer": the person last named with that title, or with that role in apposition
    (
        "U.S. District Judge Ken Arai read the sentence. The judge said he gave no weight to the letter.",
        "gave no weight",
        "Ken Arai",
    ),
    (
        "His attorney, Tom Hardy, had argued for less. Ana Ruiz spoke. The lawyer said he had not decided.",
        "had not decided",
        "Tom Hardy",
    ),
    # a conjunction opening the sentence before its pronoun subject
    ("Ana Ruiz wrote that no deal was near. But she said the talks would go on.", "the talks would go on", "Ana Ruiz"),
    # a name joined to its particle by a hyphen
    ('Spokesman Majed al-Hamdi spoke first. "We reject this," al-Hamdi said.', "We reject this", "al-Hamdi"),
]


@pytest.mark.parametrize(("context", "words", "speaker"), ENGLISH, ids=[w for _, w, _ in ENGLISH])
def test_english_attribution(actors: ActorIndex, context: str, words: str, speaker: str) -> None:
    got = who(actors, context, words)
    assert got is not None and speaker in got, got



def test_a_role_noun_of_sports_or_court_news_makes_a_subject(actors: ActorIndex) -> None:
    # 選手 as a title: the subject is the player, and the next quote goes on with him, not the person named before
    context = (
        "通訳の田中一郎氏が解雇されたことを受け、山川二郎選手は「悲しく、ショックを受けている」と語った。"
        "そのうえで「自分は賭けたことは一度もない」と述べた。"
    )
    assert who(actors, context, "悲しく") == "山川二郎"
    assert who(actors, context, "賭けたことは") == "山川二郎"
    assert who(actors, "北川三郎被告は法廷で「間違いありません」と述べた。", "間違いありません") == "北川三郎"
    # an office before the title (連邦検事): the whole is the title, not a name ending in 連邦
    assert who(actors, "ジョン・ハワード連邦検事は「証拠はない」と強調した。", "証拠はない") == "ジョン・ハワード"


def test_an_office_before_an_english_name_is_not_the_name(actors: ActorIndex) -> None:
    assert who(actors, 'Manager Dave Riggs said the team "will move on."', "will move on") == "Dave Riggs"
    assert who(actors, 'U.S. Attorney Joan Briggs said the case "is closed."', "is closed") == "Joan Briggs"


@pytest.mark.parametrize("determiner", ["a", "an", "the", "one", "two", "three", "several", "some", "One"])
def test_an_anonymous_speaker_is_told_without_its_determiner(actors: ActorIndex, determiner: str) -> None:
    # the same source whatever number or article is put before it (the cases above only check a part of it)
    context = f'"No decision has been made," {determiner} senior trade official told reporters.'
    assert who(actors, context, "No decision") == "senior trade official"

def test_a_surname_alone_is_the_full_name_given_before(actors: ActorIndex) -> None:
    context = 'Defense Minister Min Jae-won offered to resign on Tuesday.\n"I take the blame," Min said.'
    assert who(actors, context, "I take the blame") == "Min Jae-won"


def test_a_close_name_is_a_suggestion_never_an_answer(actors: ActorIndex) -> None:
    found, suggestions = actors.lookup("シルスキー")  # not シコルスキ
    assert found is None and "シコルスキ" in [a.name for a in suggestions]
    assert actors.lookup("ゼレンスキ")[0].name == "ゼレンスキー"  # the start of one name, while typing


def test_an_anonymous_source_rolls_up_to_its_side_only_on_request(actors: ActorIndex) -> None:
    from bot.extract.attribution import rollup

    shown = who(actors, "米政府当局者は「協議は続く」と述べた。", "協議は続く")
    assert shown == "米政府当局者"  # what the text says is what the answer shows
    side = rollup(shown, actors)
    assert side is not None and actors.actors[side].name == "米国"
    assert rollup("ある専門家", actors) is None
