"""Round 39 (issue 11, branch st39a): a body named as the subject in the two ways Japanese news text writes a name
the reader may not know, which the subject rules of /stance and /quote read as no one (the statement went to the
speaker carried from before, or to nobody).

- **Its name filling brackets after a possessive or a clause that qualifies it**: 「国内の交換業者でつくる「日本暗号
  資産取引業協会」は、「…」とするコメントを出し」, 「民主派の「国民統一政府（NUG）」は…と発表した」, 「連立政権の第2
  党だった「タイの誇り党」が…表明し」 (the kind noun right before the bracket, 「最大野党「共に民主党」は」, was read
  already); with its short name in brackets inside (「国民統一政府（NUG）」, NUG the name stored). Never a quoted word
  (「首相が掲げる「新しい資本主義」は」), a person's name, or a name quoted inside someone's quote.
- **Its letters glossed by its name after an equals sign**, as NHK writes every such body: 「IMF=国際通貨基金は27日、
  異例の声明を出し「…」と注文をつけました」, 「FBI＝連邦捜査局は…と発表しました」.
"""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from tests.stance_clauses import clause_texts

PM = ActorEntry(1, "トラス", None, "person", ["トラス首相", "Truss"])
IMF = ActorEntry(2, "IMF", None, "org", ["International Monetary Fund"])
FBI = ActorEntry(3, "FBI", None, "org", [])
ARMY = ActorEntry(4, "国軍", None, "org", [])
NUG = ActorEntry(5, "National Unity Government", None, "org", ["NUG"])
EXCHANGE = ActorEntry(6, "FTXジャパン", None, "org", [])
ASSOCIATION = ActorEntry(7, "日本暗号資産取引業協会", None, "org", [])
PARTY = ActorEntry(8, "タイの誇り党", None, "party", ["Bhumjaithai"])
KISHIDA = ActorEntry(9, "岸田文雄", None, "person", ["岸田", "岸田首相"])


def _holders(text: str, words: str, *entries: ActorEntry) -> set[int]:
    """The actors /stance gives a clause holding the words (each line of the text one passage)."""
    found = clause_texts(ActorIndex(list(entries)), *text.split("\n"))
    return {a for a, texts in found.items() if any(words in t for t in texts)}


def _speaker(text: str, words: str, *entries: ActorEntry) -> str | None:
    """The speaker /quote gives the words."""
    at = text.index(words)
    return attribute(text, at, at + len(words), ActorIndex(list(entries)), context=text)


# ---- a body's name in brackets after a possessive or a qualifying clause


def test_a_bracketed_name_after_a_qualifying_clause_is_the_subject() -> None:
    text = (
        "FTXジャパンは「顧客の資産は保全されている」と説明した。\n"
        "国内の交換業者でつくる「日本暗号資産取引業協会」は、「分別管理の徹底が利用者保護の土台だ」とするコメントを"
        "出し、冷静な対応を呼びかけました。"
    )
    assert _holders(text, "利用者保護の土台", EXCHANGE, ASSOCIATION) == {7}
    assert _speaker(text, "分別管理の徹底が利用者保護の土台だ", EXCHANGE, ASSOCIATION) == "日本暗号資産取引業協会"
    # a name the index does not hold is still the subject /quote names, never the company before
    assert _speaker(text, "分別管理の徹底が利用者保護の土台だ", EXCHANGE) == "日本暗号資産取引業協会"


def test_a_bracketed_name_after_a_possessive_with_its_short_name_inside() -> None:
    text = (
        "国軍のトップは「停戦には応じない」と述べた。"
        "民主派の「国民統一政府（NUG）」は29日、「被災地での救援を優先する」として攻撃を停止すると発表した。"
    )
    assert _holders(text, "救援を優先する", ARMY, NUG) == {5}
    assert _speaker(text, "被災地での救援を優先する", ARMY, NUG) == "National Unity Government"


def test_a_bracketed_name_after_a_past_tense_qualifier_with_ga() -> None:
    text = "連立政権の第2党だった「タイの誇り党」が「首相の発言は容認できない」として政権からの離脱を表明した。"
    assert _holders(text, "容認できない", PARTY, KISHIDA) == {8}
    assert _speaker(text, "首相の発言は容認できない", PARTY, KISHIDA) == "タイの誇り党"


def test_a_quoted_word_after_a_qualifier_is_no_subject() -> None:
    # counter-examples: a slogan in brackets is not a body, and the person before goes on speaking
    text = "岸田首相は「成長を目指す」と述べた。政権の「新しい資本主義」は、「分配なくして成長なし」との考え方に立つ。"
    assert _speaker(text, "分配なくして成長なし", KISHIDA) != "新しい資本主義"
    assert _holders(text, "分配なくして成長なし", KISHIDA, NUG) <= {9}
    # a body's name quoted inside someone's quote is the speaker's words, not a subject
    nested = "岸田首相は「民主派の「国民統一政府」は信頼できる相手だ」と述べた。"
    assert _holders(nested, "信頼できる相手", KISHIDA, NUG) == {9}
    # a person's name in brackets is never read so
    person = "国軍のトップは「停戦には応じない」と述べた。民主派の「岸田文雄」は「対話が必要だ」と述べた。"
    assert 9 not in _holders(person, "停戦には応じない", ARMY, KISHIDA)


# ---- a body's letters glossed by its name after an equals sign


def test_a_bodys_letters_glossed_after_an_equals_sign_are_the_subject() -> None:
    text = (
        "トラス首相は「減税の方針は変えない」と述べた。\n"
        "これに先立ち、IMF=国際通貨基金は27日、異例の声明を出し「大規模で対象を絞らない財政出動は勧められない」と"
        "イギリス政府に注文をつけました。"
    )
    assert _holders(text, "勧められない", PM, IMF) == {2}
    assert _speaker(text, "大規模で対象を絞らない財政出動は勧められない", PM, IMF) == "IMF"
    full_width = "トラス首相は「減税を続ける」と述べた。ＦＢＩ＝連邦捜査局は14日、容疑者を特定したと発表しました。"
    assert _holders(full_width, "容疑者を特定した", PM, FBI) == {3}


def test_an_equals_sign_does_not_make_a_subject_of_what_is_not_one() -> None:
    # counter-examples: the glossed body as an object is not the subject (the speaker before goes on), and an
    # unknown body's letters glossed are named by /quote as written, never the person before
    text = "トラス首相は、IMF=国際通貨基金にも説明を続けると述べた。"
    assert _holders(text, "説明を続ける", PM, IMF) == {1}
    unknown = "トラス首相は「減税を続ける」と述べた。OBR=予算責任局は「見通しは立たない」との声明を出した。"
    assert _speaker(unknown, "見通しは立たない", PM, IMF) == "OBR"


# ---- 同社 is never a court, an army, the police, the prosecutors or a government

COURT = ActorEntry(10, "米連邦最高裁判所", None, "org", ["最高裁"])
APP = ActorEntry(11, "TikTok", None, "org", ["ティックトック"])
MINISTRY = ActorEntry(12, "経済産業省", None, "org", ["経産省"])
MAKER = ActorEntry(13, "ダイハツ工業", None, "org", ["ダイハツ"])


def test_the_company_is_not_the_court_named_since() -> None:
    text = (
        "米連邦最高裁判所は17日、動画共有アプリ「TikTok」の米国事業の売却を求める法律を合憲と判断し、"
        "同社側の訴えを退けた。\n"
        "同社はこれに先立ち、「保証がなければサービスを停止せざるを得ない」との声明を出していた。"
    )
    assert _holders(text, "停止せざるを得ない", COURT, APP) == {11}
    # /quote names no court for it (TikTok, named only inside brackets, is no company subject it reads)
    assert _speaker(text, "保証がなければサービスを停止せざるを得ない", COURT, APP) != "米連邦最高裁判所"


def test_the_company_is_still_the_company_named_before_a_ministry_or_itself_a_subject() -> None:
    # counter-examples: the company the ministry asked (a ministry is no company, as before), and a company subject
    # before a court named in passing
    text = "経済産業省はダイハツ工業に報告を求めた。同社は「真摯に対応する」とコメントした。"
    assert _holders(text, "真摯に対応する", MINISTRY, MAKER) == {13}
    court_between = "ダイハツ工業は最高裁の判断を受けて会見した。同社は「判断を重く受け止める」と述べた。"
    assert _holders(court_between, "重く受け止める", COURT, MAKER) == {13}


# ---- a body's officer carried on speaks for the body, as under 同氏

OWNER = ActorEntry(14, "正栄汽船", None, "org", [])
PRESIDENT = ActorEntry(15, "桧垣幸人", None, "person", ["桧垣", "桧垣社長"])
MAYOR = ActorEntry(16, "今治市", None, "org", [])


def test_the_officer_carried_on_speaks_for_the_body_whose_head_they_are() -> None:
    text = (
        "船を所有する正栄汽船が26日、記者会見した。桧垣幸人社長は「誠に申し訳ありません」と述べ、頭を下げた。\n"
        "損害賠償については「国際法にのっとって、誠実に対応する」と述べた。"
    )
    assert _holders(text, "誠実に対応する", OWNER, PRESIDENT) == {14, 15}
    officer = "正栄汽船の桧垣幸人社長は「誠に申し訳ありません」と述べた。「誠実に対応する」とも述べた。"
    assert _holders(officer, "誠実に対応する", OWNER, PRESIDENT) == {14, 15}


def test_a_person_of_no_body_carried_on_speaks_for_no_body() -> None:
    # counter-examples: the body only named in passing (not the subject before the person, not 「<body>の<person>」)
    # takes nothing carried, and a new subject stops the carry for both
    text = "桧垣幸人社長は今治市内で会見し、「誠に申し訳ありません」と述べた。「誠実に対応する」とも述べた。"
    assert _holders(text, "誠実に対応する", MAYOR, PRESIDENT) == {15}
    stopped = (
        "正栄汽船の桧垣幸人社長は「誠に申し訳ありません」と述べた。今治市は「支援する」と述べた。"
        "「誠実に対応する」とも述べた。"
    )
    assert 14 not in _holders(stopped, "誠実に対応する", OWNER, PRESIDENT, MAYOR)


# ---- a が subject set off by the day and the occasion (「が14日の記者会見で、」) is the sentence's speaker

MATSUNO = ActorEntry(17, "松野博一", None, "person", ["松野", "松野官房長官"])
FOUNDER = ActorEntry(18, "バンクマンフリード", None, "person", ["Bankman-Fried"])
CHAIRMAN = ActorEntry(19, "豊田章男", None, "person", ["豊田", "豊田会長"])
MINISTER = ActorEntry(20, "斉藤鉄夫", None, "person", ["斉藤", "斉藤国交相"])
JUDGE = ActorEntry(21, "ハユト", None, "person", ["ハユト長官"])


def test_a_ga_subject_set_off_by_the_day_and_the_occasion_speaks_the_quote() -> None:
    text = (
        "辞任したバンクマンフリード前CEOは米メディアのインタビューに、申請を後悔していると語った。\n"
        "日本では、松野博一官房長官が14日の記者会見で、日本法人について「利用者保護に万全の措置を講じる」と述べた。"
    )
    assert _speaker(text, "利用者保護に万全の措置を講じる", MATSUNO, FOUNDER) == "松野博一"
    assert _holders(text, "万全の措置", MATSUNO, FOUNDER) == {17}
    lecture = "レビン法相は改革を進めると述べた。最高裁のハユト長官が12日の講演で、法相の案を「司法制度への攻撃だ」と批判した。"
    assert _speaker(lecture, "司法制度への攻撃だ", JUDGE) == "ハユト"
    assert 21 in _holders(lecture, "司法制度への攻撃", JUDGE)


def test_a_ga_subject_inside_what_the_speaker_is_asked_about_is_not_the_speaker() -> None:
    # counter-example: the が is inside the question put to the speaker carried on, whatever its day and occasion
    text = (
        "斉藤国交相は閣議後の記者会見で認証不正に触れた。"
        "豊田章男会長が前日の会見で、厳しい条件で試験をしていたと説明したことについて問われ、"
        "「基準に沿った方法で試験をしなければならない」と指摘した。"
    )
    assert _speaker(text, "基準に沿った方法で試験をしなければならない", CHAIRMAN, MINISTER) == "斉藤鉄夫"
    assert 19 not in _holders(text, "基準に沿った方法", CHAIRMAN, MINISTER)
