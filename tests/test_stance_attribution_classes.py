"""Whose clause it is, by class of phrasing (sentences written for these tests, none from a corpus):
a body's officer speaks for the body (「<body>の<person><title>は」, "a spokesperson for X", a bare spokesperson
after the body's own sentence); a fronted subordinate clause's names are not the subject; an attitude shown
(「…否定的な考えを示した」) goes on from the last subject; 同社 finds the latest body of its kind; the bodies a
text names as subjects are discovered as actors."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.discover import discover_actors
from bot.models import ParsedPassage
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-2, "緑の党", None, "body", [], None),
        ActorEntry(-3, "Marsh", None, "person", ["Ellen Marsh"], None),
        ActorEntry(-4, "Harbor Commission", None, "body", [], None),
        ActorEntry(-5, "Trump", None, "person", [], None),
        ActorEntry(-6, "Reyes", None, "person", ["Ana Reyes"], None),
        ActorEntry(-7, "北海鉄道", None, "body", [], None),
        ActorEntry(-8, "運輸委員会", None, "body", [], None),
        ActorEntry(-9, "ロシア", None, "state", [], None),
        ActorEntry(-10, "Sokolov", None, "person", [], None),
    ]
)


def claims_of(*texts: str) -> dict[int, list[str]]:
    return clause_texts(ACTORS, *texts)


def test_an_officer_named_after_the_body_speaks_for_it_too() -> None:
    found = claims_of("緑の党の山川一郎代表は3日、「炭素税の導入には賛成できない」と述べた。")
    assert any("炭素税" in t for t in found[-1])
    assert any("炭素税" in t for t in found[-2])


def test_an_officer_of_a_party_named_without_its_to_speaks_for_it_too() -> None:
    # 「改革の山川一郎代表は」: 改革党 shortened, as news text names parties (自民, 公明, 国民民主)
    party = -20
    index = ActorIndex([*ACTORS.actors.values(), ActorEntry(party, "改革党", None, "body", [], None)])
    found = clause_texts(index, "改革の山川一郎代表は3日、「炭素税の導入には賛成できない」と述べた。")
    assert any("炭素税" in t for t in found.get(party, []))
    assert any("炭素税" in t for t in found.get(-1, []))
    found = clause_texts(ACTORS, "改革の山川一郎代表は3日、「炭素税の導入には賛成できない」と述べた。")  # no such party
    assert set(found) == {-1}


def test_a_states_leader_does_not_make_every_word_the_states() -> None:
    found = claims_of("ロシアのソコロフ外相は「制裁は効かない」と述べた。")
    assert -9 not in found


def test_a_spokesperson_for_a_body_and_a_bare_spokesperson_after_its_sentence() -> None:
    found = claims_of('A spokesperson for the Harbor Commission said the toll increase would be "reviewed".')
    assert any("toll increase" in t for t in found.get(-4, []))
    found = claims_of(
        "The Harbor Commission pushed back on Monday against the report.",
        '"The report is wrong," spokesperson Ellen Marsh said.',
    )
    found = claims_of(
        'The Harbor Commission pushed back on Monday against the report. "The report is wrong," spokesperson '
        "Ellen Marsh said."
    )
    assert any("report is wrong" in t for t in found.get(-4, []))
    # counter-example: a person who opens the sentence before is no body
    found = claims_of('Trump criticized the report on Monday. "The report is wrong," spokesperson Ellen Marsh said.')
    assert all("report is wrong" not in t for t in found.get(-5, []))


def test_a_fronted_clause_names_no_subject() -> None:
    found = claims_of(
        "When Trump first proposed the canal fee in May, Senator Ana Reyes said she would not support it."
    )
    assert any("would not support" in t for t in found.get(-6, []))
    assert all("would not support" not in t for t in found.get(-5, []))


def test_an_attitude_shown_goes_on_from_the_last_subject() -> None:
    found = claims_of("山川一郎代表は1日、「減税を実現する」と述べた。連立への参加には否定的な考えを示した。")
    assert any("連立" in t for t in found[-1])
    # counter-example: a sentence with a body of its own as subject is not the person's
    found = claims_of("山川一郎代表は1日、「減税を実現する」と述べた。両社は共同声明で反対を表明した。")
    assert all("共同声明" not in t for t in found.get(-1, []))


def test_dosha_finds_the_latest_body_of_its_kind() -> None:
    found = claims_of("北海鉄道は2日、運賃の改定を発表した。運輸委員会は審査を始めた。同社は「値上げは避けられない」としている。")
    assert any("値上げ" in t for t in found.get(-7, []))
    assert all("値上げ" not in t for t in found.get(-8, []))


def test_ryosha_is_both_bodies_named_before() -> None:
    # 両社: the latest two companies, each the subject; 同社 stays the latest one alone
    ship = -20
    index = ActorIndex([*ACTORS.actors.values(), ActorEntry(ship, "東邦汽船", None, "body", [], None)])
    said = "両社は共同声明で「運賃の改定は避けられない」と主張した。"
    found = clause_texts(index, "北海鉄道と東邦汽船は2日、提携を発表した。運輸委員会は審査を始めた。" + said)
    assert any("運賃の改定" in t for t in found.get(-7, []))
    assert any("運賃の改定" in t for t in found.get(ship, []))
    assert all("運賃の改定" not in t for t in found.get(-8, []))  # a commission is no company
    found = clause_texts(index, "北海鉄道と東邦汽船は2日、提携を発表した。" + said.replace("両社", "同社"))
    assert all("運賃の改定" not in t for t in found.get(-7, []))


def test_bodies_named_as_subjects_are_discovered() -> None:
    actors = ActorIndex([ActorEntry(-1, "山川", None, "person", [], None)])
    texts = [
        "全国港湾労働組合連合会は5日、声明を出した。",
        "東西電力の広報担当者は「コメントは控える」と話した。",
        "The U.S. Transportation Department said it would review the rule.",
    ]
    found = discover_actors([ParsedPassage(t, None, None, None, None, None, "body") for t in texts], actors)
    names = {a.name for a in found if a.kind == "body"}
    assert {"全国港湾労働組合連合会", "Transportation Department"} <= names
    # counter-examples: an anaphor and a scene are not bodies
    found = discover_actors(
        [ParsedPassage("同省は反論した。県内の市町村は対応に追われた。", None, None, None, None, None, "body")], actors
    )
    assert found == []


def test_lower_case_titles_before_an_english_name() -> None:
    actors = ActorIndex([])
    text = "Harbor Line chief executive Laura Penn was more critical."
    found = discover_actors([ParsedPassage(text, None, None, None, None, None, "body")], actors)
    assert any(a.name == "Penn" for a in found)


def test_the_officer_goes_on_speaking_for_the_person_and_the_body() -> None:
    found = claims_of(
        "緑の党の山川一郎代表は3日、与党案を厳しく批判した。「炭素税の先送りは将来世代への背信だ」と述べた。"
        "同氏は「対案を出す」とも語った。"
    )
    assert any("炭素税" in t for t in found[-1])  # the quote that follows is the person's
    assert any("対案" in t for t in found[-1]) and any("対案" in t for t in found[-2])  # 同氏: and the body's


def test_someone_titled_whom_no_rule_names_is_not_the_last_speaker() -> None:
    found = claims_of(
        "山川一郎代表は1日、「減税を実現する」と述べた。",
        "これに対し地元のたなか県議は「財源の裏付けがない」と主張した。",
    )
    assert all("財源" not in t for t in found.get(-1, []))
    # counter-example: a sentence without any subject goes on from the speaker
    found = claims_of("山川一郎代表は1日、「減税を実現する」と述べた。", "「財源は確保できる」とも語った。")
    assert any("財源" in t for t in found.get(-1, []))


def test_a_minister_by_a_short_title_is_discovered_and_goes_on_as_doushi() -> None:
    actors = ActorIndex([ActorEntry(1, "山川", None, "person", ["山川一郎"], None)])  # new actors take ids below 0
    texts = [
        "山川一郎代表は1日、「減税を実現する」と述べた。",
        "川口健太総務相は2日の会見で、電波料の値上げについて「極めて遺憾だ」と批判した。同氏は「見直しを求める」とも述べた。",
        "北野修国交相は3日、橋の点検を急ぐよう自治体に求めた。",
    ]
    found = discover_actors([ParsedPassage(t, None, None, None, None, None, "body") for t in texts], actors)
    titled = {a.name: a.description for a in found}
    assert titled.get("川口") == "総務相" and titled.get("北野") == "国交相"
    index = actors.extended([(a.name, a.aliases, a.kind, a.description) for a in found])
    kawaguchi = index.resolve("川口")
    assert kawaguchi is not None
    claims = clause_texts(index, *texts)
    assert any("見直し" in t for t in claims[kawaguchi.id])  # 同氏: the minister, not the last registry person
    assert all("見直し" not in t for t in claims.get(1, []))
    # counter-example: a country before the title is no name
    found = discover_actors([ParsedPassage("日本の総務相は会見で反論した。", None, None, None, None, None, "body")], actors)
    assert found == []


def test_a_surname_with_a_title_goes_back_to_the_full_name_named_before() -> None:
    actors = ActorIndex(
        [
            ActorEntry(1, "森本健一", None, "person", [], None),
            ActorEntry(2, "ハワード", None, "person", [], None),
            ActorEntry(3, "小森", None, "person", ["小森大輔"], None),
        ]
    )
    found = clause_texts(
        actors,
        "森本健一官房長官は記者会見で、ハワード氏の発言について問われ、「コメントは控える」と述べた。"
        "森本氏は、両国の関係は重要だと指摘した。",
    )
    assert any("両国の関係" in t for t in found[1])
    assert all("両国の関係" not in t for t in found.get(2, []))
    # counter-example: a surname no name named before begins is not the last person's
    found = clause_texts(actors, "森本健一官房長官は出馬を表明した。", "大川氏は会見で、減税には反対だと述べた。")
    assert all("減税" not in t for t in found.get(1, []))


def test_a_local_government_called_by_its_kind_is_the_one_the_item_named() -> None:
    actors = ActorIndex(
        [
            ActorEntry(1, "青森県", None, "body", [], None),
            ActorEntry(2, "弘前市", None, "body", [], None),
            ActorEntry(3, "山川", None, "person", ["山川一郎"], None),
        ]
    )
    found = clause_texts(
        actors,
        "青森県は5日、弘前市で猟友会との会合を開いた。",
        "県の担当者は「人手が足りない。体制づくりを急ぎたい」と話した。",
        "市は「協力したい」としている。",
    )
    assert any("体制づくり" in t for t in found[1])
    assert any("協力したい" in t for t in found[2])
    # counter-examples: with no prefecture named, 県 is nobody's and not the last speaker's; 市町村 is no city
    found = clause_texts(actors, "山川一郎代表は5日、記者団に語った。", "県は対応を検討するとしている。")
    assert all("対応を検討" not in t for ts in found.values() for t in ts)
    found = clause_texts(actors, "青森県は5日、会合を開いた。", "県内の市町村は「人手が足りない」と訴えた。")
    assert all("人手" not in t for t in found.get(1, []))


def test_a_bare_spokesperson_speaks_for_the_body_whatever_the_words_after_name() -> None:
    actors = ActorIndex(
        [
            ActorEntry(1, "Harbor Commission", None, "body", [], None),
            ActorEntry(2, "Marsh", None, "person", ["Ellen Marsh"], None),
            ActorEntry(3, "Canada", None, "state", [], None),
            ActorEntry(4, "Port Authority", None, "body", [], None),
        ]
    )
    found = clause_texts(
        actors,
        'The Harbor Commission pushed back on Monday. "This is false," spokesperson Ellen Marsh said, adding that '
        "the toll was agreed with Canada.",
    )
    assert any("This is false" in t for t in found.get(1, []))
    # counter-example: another body named before the officer is the one the officer speaks for
    found = clause_texts(
        actors, 'The Harbor Commission pushed back on Monday. "This is false," Port Authority spokesperson Ellen Marsh said.'
    )
    assert all("This is false" not in t for t in found.get(1, []))
    assert any("This is false" in t for t in found.get(4, []))


def test_a_titled_subject_with_mo_is_not_the_last_speaker() -> None:
    actors = ActorIndex([ActorEntry(2, "ルビオ", None, "person", [], None)])
    found = clause_texts(
        actors, "ルビオ国務長官は「協議は生産的だった」と述べた。団長を務めたハリトノフ長官も「大きな進展があった」と述べた。"
    )
    assert all("大きな進展" not in t for t in found.get(2, []))
    # counter-example: a sentence without a subject goes on from the speaker
    found = clause_texts(actors, "ルビオ国務長官は「協議は生産的だった」と述べた。「大きな進展があった」とも述べた。")
    assert any("大きな進展" in t for t in found.get(2, []))


def test_an_english_title_with_its_office_and_a_name_that_wrote() -> None:
    texts = [
        "U.S. Ambassador to Canada Mark Dole wrote on X that the tariff was a mistake.",
        "Harbor chief Dan Cole wrote on X that the port would reopen.",
    ]
    found = discover_actors([ParsedPassage(t, None, None, None, None, None, "body") for t in texts], ActorIndex([]))
    named = {a.name: a for a in found}
    assert "Dole" in named and "Mark Dole" in named["Dole"].aliases and named["Dole"].description == "Ambassador"
    assert "Cole" in named
    # counter-example: a body's name with "of" is no title before a person
    found = discover_actors(
        [ParsedPassage("The Ministry of Defense said the drill would go ahead.", None, None, None, None, None, "body")],
        ActorIndex([]),
    )
    assert all(a.kind != "person" for a in found)


def test_a_spokesperson_speaks_for_a_name_the_index_reads_as_a_persons() -> None:
    """A name the registry lacks, typed in Latin letters, is indexed as a person's (`/stance "Nakano Rail"`):
    `a Nakano Rail spokesperson` still speaks for it; a spokesperson named alone speaks for nobody else."""
    actors = ActorIndex([*ACTORS.actors.values(), ActorEntry(-11, "Nakano Rail", None, "person", [], None)])
    said = '"We will consider new barriers," a Nakano Rail spokesperson said.'
    assert any("new barriers" in t for t in clause_texts(actors, said).get(-11, []))
    assert -11 not in clause_texts(actors, '"We will consider new barriers," a spokesperson said.')


def test_answers_under_the_question_lines_of_a_q_and_a_are_the_interviewees() -> None:
    # each passage one line, as a Q&A passage is laid out; the later answers are past the window of context the
    # first one was attributed in
    found = claims_of(
        "山川一郎氏は10日、記者会見し、「何も決めていない」と語った。",
        "主なやりとりは次の通り。",
        "――結果をどう受け止めるか。",
        "「意思が示された」",
        "――要因は。",
        "「序盤に取り上げられなかった」",
        "――誘いがあれば。",
        "「どこの党にも加わらない」",
        "――新党は。",
        "「党をつくる考えはない」",
    )
    said = found.get(-1, [])
    assert any("党をつくる考えはない" in t for t in said), said
    assert any("どこの党にも加わらない" in t for t in said), said


def test_a_bracketed_bodys_member_or_office_speaks_for_it() -> None:
    # (round 22) 「最大野党「X」の報道官は」, 市民団体「X」の代表者の1人は, 「X(ABC)」は, X編集部は: the body's words
    found = claims_of("最大野党「緑の党」の報道官は「茶番劇で、国民を愚弄するものだ」と批判した。")
    assert any("茶番劇" in t for t in found.get(-2, []))
    found = claims_of("市民団体「緑の党」の代表者の1人は取材に対し、「政府と話し合うつもりはない」と話した。")
    assert any("話し合う" in t for t in found.get(-2, []))
    found = claims_of("環境団体「緑の党(GP)」は12日に声明を出し、「断じて受け入れられない」と反発した。")
    assert any("受け入れられない" in t for t in found.get(-2, []))
    found = claims_of("緑の党編集部は同日、「記事の内容には自信を持っている」とするコメントを出した。")
    assert any("自信" in t for t in found.get(-2, []))
    # counter-example: a quote ending in the body's name is not the body speaking
    found = claims_of("山川一郎代表は「悪いのは「緑の党」だ」と述べた。")
    assert not found.get(-2)


def test_a_person_the_index_lacks_named_as_a_bodys_speaks_for_it() -> None:
    # (round 22) "Harbor Commission spokesperson Dana Kole said …", then `"…," she said`; "Lee Park, a member of the
    # Harbor Commission's board, said": the body's words, though the person is no actor
    found = claims_of(
        "Harbor Commission spokesperson Dana Kole said the port would reopen. "
        '"We will keep to the timetable as long as the weather holds," she said.'
    )
    assert any("timetable" in t for t in found.get(-4, []))
    found = claims_of(
        "Lee Park, a member of the Harbor Commission's board, said the fee was fair. "
        '"The commission stands by the fee," he said.'
    )
    assert any("stands by" in t for t in found.get(-4, []))
    # counter-examples: a state's person is not the state's voice; nor a body named in an apposition of no role
    found = claims_of("Russia's envoy Ivan Petrov said the talks had failed.")
    assert not found.get(-9)
    found = claims_of("Dana Kole, 52, who sued the Harbor Commission, said the fee was unfair.")
    assert not found.get(-4)


def test_a_plain_verb_after_an_auxiliary_makes_the_subject_the_actor() -> None:
    # (round 22) "It does not oppose the shift", "The commission will not support …": the body's clause
    found = claims_of("The Harbor Commission has taken a measured line. It does not oppose the new fee, officials say.")
    assert any("does not oppose" in t for t in found.get(-4, []))
    found = claims_of("The Harbor Commission would not support a higher fee.")
    assert any("support" in t for t in found.get(-4, []))
    # counter-examples: a plain form with no auxiliary is a noun ("the Harbor Commission support staff"); a body
    # in a reported clause is not the sentence's subject
    found = claims_of("The Harbor Commission support staff left early on Friday.")
    assert not found.get(-4)
    found = claims_of("Ellen Marsh spoke on Friday. She added that the Harbor Commission would decide after a review.")
    assert not any("would decide" in t for t in found.get(-4, []))
    assert any("would decide" in t for t in found.get(-3, []))


def test_a_body_and_its_officer_in_one_subject_phrase_speak_of_a_later_topic() -> None:
    # 「<body>の<person><title>は…会見で、<other>は「…」と批判した」: the later は is what the officer speaks of
    # (the reporting topic), and the subject phrase that names the body and its officer is one first subject
    found = claims_of("緑の党の山川一郎代表は3日の記者会見で、ロシアは「国際法を不当に踏みにじっている」と批判した。")
    assert any("踏みにじ" in t for t in found.get(-2, []))
    assert not any("踏みにじ" in t for t in found.get(-9, []))
