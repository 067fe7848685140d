"""Attribution, twenty-third round: the right speaker for a quote whose passage was found (`python -m
tools.speaker_diagnosis`). A report's own sentences that carry its speaker on without a subject (「さらに、…と説明
しました。」, 「…ということです。」) do not end the carry-over; 同氏 is the main clause's subject, not a person named as
an object or inside a clause made a noun; a quote a speaker reports another said (「Aは、Bが「…」と明言したことを
明らかにした」) is B's; a speaker the word lists do not hold still speaks: the sides of a trial (検察側, 弁護側), a body
in capital letters (UNIFIL), a company's name right before its words (「X運営は「…」とコメントした」), a registry person
or a katakana full name before a role (主任検察官), a regnal name (レオ14世); a が subject set off by a date is the
sentence's own. In English: an initial ("N. Chandrasekaran") ends no sentence (an apposition holding a company's
full stop, "Kenta Kon, a director at X Co., told", was read already); a reworded quote's span is where the quote is,
not where its words scatter. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.attribution_en import sentences
from bot.services.quotes import _clauses, _score
from bot.text import normalize

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-2, "川口", None, "person", ["川口次郎"], None),
        ActorEntry(-3, "森田", None, "person", ["森田三郎"], None),
        ActorEntry(-4, "ダルマ", None, "person", ["ラフル・ダルマ"], None),
        ActorEntry(-5, "Anna Berg", None, "person", ["Berg"], None),
    ]
)


def _said(text: str, said: str) -> str | None:
    at = text.index(said)
    return attribute(text, at, at + len(said), ACTORS, context=text)


def test_the_reports_own_sentences_without_a_subject_carry_its_speaker_on() -> None:
    text = (
        "山川一郎選手は25日、会見を開き、疑惑への関与を否定しました。\n"
        "そのうえで「私は一度も賭けたことはない」と述べました。さらに、口座の管理も任せていたと説明しました。\n"
        "経緯については、先週、代理人に問い合わせがあったことがきっかけだったと明らかにしました。"
        "川口次郎氏は当初、借金の肩代わりだと説明していたということです。\n"
        "会議のあとで「彼が口座からお金を盗んでいた」と述べました。ホテルで2人で話し、借金を知ったということです。\n"
        "今後については「捜査に全面的に協力していきたい」と話しました。"
    )
    assert _said(text, "捜査に全面的に") == "山川"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an object of the sentence before is named last: 同氏 is still its topic
        (
            "山川一郎大臣は同日、森田三郎首相に結果を報告した後、取材に応じた。同氏は「さらに確かめる必要がある」と述べた。",
            "山川",
        ),
        # a が subject of a clause made a noun (…ことを挙げて) is not who 同氏 is
        (
            "経済団体の山川一郎会長は4日、森田三郎氏が要職を歴任してきたことを挙げて「幅広い政策に通じた政治家だ」"
            "と評した。同氏は「手腕を発揮することを期待する」とした。",
            "山川",
        ),
        # nor the subject a question was about (…したこととの食い違いを問われると)
        (
            "山川一郎副総裁は講演で利上げに慎重な姿勢を示した。森田三郎総裁が前日に前向きな発言をしたこととの食い違いを"
            "問われると、同氏は「総裁と私の考え方に違いはない」と否定した。",
            "山川",
        ),
    ],
)
def test_doushi_is_the_main_clauses_subject(text: str, speaker: str) -> None:
    assert _said(text, "「" + text.rsplit("「", 1)[1].split("」")[0])[:2] == speaker[:2]


def test_a_quote_the_speaker_reports_another_said_is_the_others() -> None:
    text = "山川一郎氏は7日、取材に応じ、この会談で森田三郎首相が「党を割るようなことはしない」と明言したことを明らかにした。"
    assert _said(text, "党を割るような") == "森田"
    reported = "川口次郎氏は記者団に、山川一郎氏が「辞めるつもりはない」と話したと説明した。"
    assert _said(reported, "辞めるつもりはない") == "山川"


def test_the_speaker_of_his_own_sentence_stays_his() -> None:
    text = "山川一郎氏は7日、森田三郎首相と会談し、「党を割るようなことはしない」と述べた。"
    assert _said(text, "党を割るような") == "山川"


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("被告の公判で、検察側は論告で「極刑を避ける理由にはならない」と強調した。", "極刑を避ける", "検察側"),
        ("弁護側は最終弁論で「被告には善悪を区別する能力がなかった」と訴えた。", "善悪を区別する", "弁護側"),
        (
            "国連の部隊によると、監視塔が砲撃された。UNIFILは声明で「意図的な攻撃は重大な違反だ」と指摘した。",
            "意図的な攻撃",
            "UNIFIL",
        ),
        (
            "サービスは来月再開される。ニコニコ運営は「今回の事態を重く受け止める」とコメントした。",
            "事態を重く",
            "ニコニコ運営",
        ),
        (
            "国は同社に処分を出した。ビッグモーターは「処分の内容を真摯に受け止める」とのコメントを出した。",
            "真摯に受け止める",
            "ビッグモーター",
        ),
    ],
)
def test_a_speaker_no_word_list_holds_still_speaks(text: str, said: str, speaker: str) -> None:
    assert _said(text, said) == speaker


def test_a_common_noun_right_before_a_quote_is_no_body() -> None:
    text = "山川一郎選手が本塁打を放った。スタンドのファンは「最高だ」と叫んだ。"
    assert _said(text, "最高だ") != "ファン"


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        # a registry person before a role no title list holds
        (
            "検察側のラフル・ダルマ主任検察官は審理後、記者団に「前首相は虐殺の中心にいた人物だ」と述べた。",
            "虐殺の中心",
            "ダルマ",
        ),
        # a katakana full name the registry does not hold, before such a role
        ("ジョン・ミラー首席交渉官は会談後、「合意は近い」と語った。", "合意は近い", "ジョン・ミラー"),
        # a regnal name, a title before it or not, and the carry-over to the next paragraph
        (
            "教皇レオ14世は約1時間後、バルコニーに姿を見せた。\nさらに「互いに助け合ってください」と呼びかけた。",
            "互いに助け合って",
            "レオ14世",
        ),
        ("チャールズ3世は演説で「国民に感謝する」と述べた。", "国民に感謝", "チャールズ3世"),
    ],
)
def test_a_person_before_a_role_or_by_a_regnal_name(text: str, said: str, speaker: str) -> None:
    assert _said(text, said) == speaker


def test_a_ga_subject_set_off_by_a_date_is_the_sentences_own() -> None:
    text = (
        "知事選で3位に終わった山川一郎前参院議員(56)が13日、自身のSNSでライブ配信を行い、国政への復帰について"
        "「今は国政の選挙は考えていない」と語った。"
    )
    assert (_said(text, "今は国政の選挙") or "").startswith("山川")


def test_a_ga_subject_inside_what_the_quote_is_about_is_still_not_the_speaker() -> None:
    text = "森田三郎氏は「…」と述べた。\n山川一郎氏は、検察官が作成した調書について「ねつ造されたものだ」とした。"
    assert _said(text, "ねつ造された") == "山川"


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            '"We believe many shareholders will now tender their shares," Kenta Kon, a director at Toyota Fudosan Co., '
            "told an online news conference on Monday.",
            "We believe many",
            "Kenta Kon",
        ),
        (
            'Tata Group said it would pay the families. "We will stand with the affected families," Tata Sons Chairman '
            "N. Chandrasekaran said in a statement.",
            "We will stand",
            "N. Chandrasekaran",
        ),
    ],
)
def test_an_abbreviations_full_stop_inside_the_speakers_phrase(text: str, said: str, speaker: str) -> None:
    assert _said(text, said) == speaker


def test_an_initial_ends_no_sentence() -> None:
    text = '"We will," Chairman N. Chandrasekaran said. Anna Berg left.'
    assert len(sentences(text)) == 2


def test_a_reworded_quotes_span_is_where_the_quote_is() -> None:
    passage = (
        "The Osaka city government, which had earlier said it would weigh the need to enter the factory, changed course "
        'after more deaths came to light. "Getting to the cause as fast as possible has to come first, so we will '
        'examine whatever is needed," Osaka Mayor Hideyuki Yokoyama said on Friday.'
    )
    query = "Finding the cause quickly has to come first, so we will look into whatever we need to"
    qnorm, pnorm = normalize(query), normalize(passage)
    _, start, end = _score(qnorm, _clauses(query), pnorm)
    assert pnorm.find(normalize("the cause as fast")) - 10 <= start
    assert end <= pnorm.find(normalize("Osaka Mayor")) + 10


def test_a_katakana_name_before_the_title_of_a_partys_floor_leader() -> None:
    text = "連立与党は法案を可決した。野党のミラー院内総務は可決後、「元に戻ることはできない」と述べた。"
    assert _said(text, "元に戻る") == "ミラー"


def test_a_relative_clauses_pronoun_is_the_main_clauses_subject() -> None:
    text = (
        "Tom Reyes, the former minister, said the plan would fail.\n"
        'Earlier, Berg chaired her first cabinet meeting, at which she told ministers: "We have a huge amount of work '
        'to do."'
    )
    assert _said(text, "We have a huge") == "Anna Berg"


def test_a_subordinate_clause_after_a_quoted_phrase_is_no_speaker() -> None:
    text = (
        'Prime Minister Anna Berg had described the envoy on Wednesday as "a hero whom we will not abandon", although '
        "her government insisted it had held no talks."
    )
    assert _said(text, "a hero whom") == "Anna Berg"


def test_a_given_name_the_index_holds_for_someone_else_is_not_the_full_names_person() -> None:
    actors = ActorIndex([ActorEntry(-1, "Pedro", "Pedro", "person", [], None)])
    text = '"He is a hero," Prime Minister Pedro Alvarez said.'
    at = text.index("He is a hero")
    assert attribute(text, at, at + 12, actors, context=text) == "Pedro Alvarez"


def test_the_official_is_the_single_source_a_sentence_opened_with() -> None:
    text = (
        "Anna Berg is hoping to stop off in Washington on her way back from the summit. But a senior Foreign Ministry "
        'official played down expectations. "Every leader wants the same thing right now," the official told '
        "reporters."
    )
    assert _said(text, "Every leader wants") == "senior Foreign Ministry official"


def test_a_person_familiar_with_is_shown_as_what_the_source_is() -> None:
    text = (
        '"Antitrust is the issue," said a person familiar with the committee\'s deliberations, who declined to be '
        "named."
    )
    assert _said(text, "Antitrust is the issue") == "person familiar with the committee's deliberations"


def test_an_official_at_a_body_is_that_bodys_official() -> None:
    actors = ActorIndex([ActorEntry(-1, "大阪高裁", "Osaka High Court", "body", ["Osaka High Court"], None)])
    text = (
        "The appeal was withdrawn, the Osaka High Court said Tuesday. "
        '"We received a written withdrawal from the defendant," an official at the high court told reporters.'
    )
    at = text.index("We received")
    assert (attribute(text, at, at + 11, actors, context=text) or "").startswith("大阪高裁")


def test_a_clerics_honorific_after_a_registry_person() -> None:
    actors = ActorIndex([ActorEntry(-1, "ハメネイ", "Khamenei", "person", [], None)])
    text = "後ろ盾であるイランの最高指導者ハメネイ師は28日の声明で、「抵抗勢力は味方の側に立っている」と述べた。"
    at = text.index("抵抗勢力")
    assert attribute(text, at, at + 4, actors, context=text) == "ハメネイ"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "訴訟の第1回口頭弁論が開かれた。山川商事側は答弁書で取材の経緯を説明。「報道には公共性がある」と主張した。",
            "山川商事",
        ),
        ("これに対し山川一郎さん側は「女性が誰なのか分からなければ答えられない」とした。", "山川"),
    ],
)
def test_a_partys_side_speaks_for_it(text: str, speaker: str) -> None:
    assert (_said(text, "「" + text.rsplit("「", 1)[1].split("」")[0][:6]) or "").startswith(speaker)


def test_a_count_of_people_is_no_source() -> None:
    text = (
        "山川一郎氏は答弁書で取材の経緯を説明した。\n傍聴席に対し、691人が列をつくった。\n"
        "そのうえで「報道には公共性がある」と主張した。"
    )
    assert _said(text, "報道には公共性") == "山川"


def test_a_bodys_or_a_groups_first_word_still_names_the_actor_held_by_it() -> None:
    actors = ActorIndex(
        [ActorEntry(-1, "Dalton", "Dalton", "person", [], None), ActorEntry(-2, "farmers", None, "person", [], None)]
    )
    body = '"Any delay may lead to a decline in ratings," Dalton Investments warned in its first letter.'
    group = "Not everyone is convinced. Some farmers in the region say frequent advisories could disrupt their work."
    assert attribute(body, 1, 10, actors, context=body) == "Dalton"
    at = group.index("disrupt")
    assert attribute(group, at, at + 7, actors, context=group) == "farmers"


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "負傷者が運び込まれた国立病院のジョン・ミラー医師は「多くは頭や胸を撃たれていた」と語った。",
            "頭や胸を",
            "ジョン・ミラー",
        ),
        (
            "現場の負担を懸念する声もある。山川運輸労働組合（山川労組）の関係者は「しわ寄せを現場に押しつけるべきではない」"
            "と批判した。",
            "しわ寄せを",
            "山川運輸労働組合の関係者",
        ),
    ],
)
def test_a_name_before_a_sources_noun_and_a_body_before_its_short_name(text: str, said: str, speaker: str) -> None:
    assert _said(text, said) == speaker


def test_a_ga_subject_of_the_speakers_own_clause_before_a_reported_quote_is_not_its_speaker() -> None:
    text = (
        "山川一郎財務相は8日の記者会見で、株価は様々な要因を投資家が判断して決まるものだとしたうえで、"
        "「具体的な何かをする段階ではない」と述べたと通信社が報じた。"
    )
    assert _said(text, "具体的な何か") == "山川"
