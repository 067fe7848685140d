"""Round 37 (issue 11, branch st37a): statements the clause rules gave no one or the wrong speaker, by form.

- A person named with さん, often with the age in brackets after it (「会社員中村健一さん(49)は取材に対し、「…」と
  語った」), is the sentence's subject as 「中村健一氏(49)は」 was: さん was no subject tail, so the sentence went on
  with the speaker before (the wrong one) or to no one; an unnamed 「…山田花子さん(49)は」 now stops that carry.
- A sentence read for the person carried on whose only other subject is a clause's own が (「英国での調査には現地
  子会社が全面的に協力しているとし、「…」と強調した」: a body's が whose part ends on とし, こと, よう before any quote)
  leaves that person speaking: 「「…」とも述べた」 next is theirs; a titled person's が (「山田太郎さんが」) still stops it.
- A が inside the object the report's verb takes (「会合に松本さんが参加していたことを認め、「…」とした」) is inside
  what the speaker carried on reports, as one in a condition is (`_SUBORDINATE_SUBJECT_RX`).
- A non-answer told with no speech verb (「…との質問には、回答を控えた」, 「それ以上のコメントは控えた」,
  「明言を避けた」) is the carried speaker's act, as 「…を批判した」 is (`stance_acts`); read neutral.
"""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.stance_acts import reports_stance_act
from tests.stance_clauses import clause_texts

PRESIDENT = ActorEntry(1, "桂田精一", None, "person", ["桂田", "桂田社長", "Katsurada"])
HUSBAND = ActorEntry(2, "中村健一", None, "person", ["Kenichi Nakamura", "Nakamura"])
CFO = ActorEntry(3, "磯部武司", None, "person", ["磯部", "磯部氏"])
COMPANY = ActorEntry(4, "富士通", None, "org", ["Fujitsu"])
OPPOSITION = ActorEntry(5, "立憲民主党", None, "party", ["立民"])


def _holders(text: str, words: str, *entries: ActorEntry) -> set[int]:
    """The actors given a clause holding the words (each line of the text one passage)."""
    found = clause_texts(ActorIndex(list(entries)), *text.split("\n"))
    return {a for a, texts in found.items() if any(words in t for t in texts)}


def test_a_person_named_with_san_and_the_age_is_the_sentences_subject() -> None:
    for subject in ("妻が行方不明の会社員中村健一さん(49)は取材に対し、", "中村健一さんは", "中村健一さん（49）は"):
        text = f"桂田社長は「申し訳ない」と謝罪した。\n{subject}「謝罪の言葉が軽く聞こえた」と語った。"
        assert _holders(text, "軽く聞こえた", PRESIDENT, HUSBAND) == {2}, subject
    # the English apposition of the age was read already: the same person, in the same place
    english = (
        "Katsurada said he was sorry. Kenichi Nakamura, 49, whose wife is missing, said the apology sounded hollow."
    )
    assert _holders(english, "sounded hollow", PRESIDENT, HUSBAND) == {2}


def test_an_unnamed_person_with_san_and_the_age_is_not_the_speaker_before() -> None:
    # counter-example: someone no actor holds, named so, stops the carry (it went to 桂田 before)
    for text in (
        "桂田社長は「申し訳ない」と謝罪した。会社員の山田花子さん(49)は「謝罪の言葉が軽く聞こえた」と語った。",
        "桂田社長は「申し訳ない」と謝罪した。\n会社員の山田花子さん（49）は取材に対し、「謝罪が軽い」と語った。",
    ):
        assert _holders(text, "軽", PRESIDENT, HUSBAND) == set(), text
        assert _holders(text, "申し訳ない", PRESIDENT, HUSBAND) == {1}


def test_a_clause_of_its_own_with_ga_does_not_stop_the_person_carried_on() -> None:
    text = (
        "磯部氏は会見の冒頭で事件に触れ、「深くおわび申し上げる」と陳謝した。"
        "英国での調査には現地子会社が全面的に協力しているとし、「本社としても協力していく」と強調した。"
        "「被害者にとって公正な結果が得られるよう、早期の解決を望んでいる」とも述べた。"
    )
    assert _holders(text, "本社としても協力", CFO, COMPANY) == {3}
    assert _holders(text, "早期の解決を望んでいる", CFO, COMPANY) == {3}


def test_a_sentence_of_another_speaker_still_stops_the_carry() -> None:
    # counter-examples: the が subject is the sentence's speaker (an actor, or a body no actor holds): what follows
    # is not the person's before
    named = (
        "磯部氏は会見で「深くおわび申し上げる」と陳謝した。"
        "これに対し立憲民主党が「説明が足りない」と批判した。「早期の解決を望んでいる」とも述べた。"
    )
    assert 3 not in _holders(named, "早期の解決", CFO, COMPANY, OPPOSITION)
    # a person no actor holds, titled, with a clause of their own before their quote
    unnamed = (
        "磯部氏は会見で「深くおわび申し上げる」と陳謝した。これに対し元郵便局長の山田太郎さんが、補償が遅れているとし、"
        "「説明が足りない」と批判した。「早期の解決を望んでいる」とも述べた。"
    )
    assert 3 not in _holders(unnamed, "早期の解決", CFO, COMPANY)


def test_a_non_answer_with_no_speech_verb_is_the_carried_speakers() -> None:
    for act in (
        "身代金の要求に応じるのかとの質問には、捜査に関わるとして回答を控えた。",
        "それ以上のコメントは控えた。",
        "賠償の是非については明言を避けた。",
    ):
        text = f"磯部氏は「復旧を最後までやり遂げる」と述べた。{act}"
        assert _holders(text, act.rstrip("。"), CFO, COMPANY) == {3}, act
    # the English non-answer was the speaker's already
    english = "Isobe said the company would restore its services. He declined to say whether it had paid a ransom."
    isobe = ActorEntry(3, "Isobe", None, "person", [])
    assert _holders(english, "declined to say", isobe, COMPANY) == {3}


def test_a_non_answer_is_no_one_elses_act_and_refraining_is_no_non_answer() -> None:
    # counter-examples: a subject of the sentence's own, and refraining from a deed (外出を控えた), which answers nothing
    assert not reports_stance_act("警察は男の身元を明らかにしなかった。")
    assert not reports_stance_act("住民は外出を控えた。")
    assert not reports_stance_act("外出を控えた。")
    assert not reports_stance_act("事故の原因を明らかにした。")
    # nor a thing left unsaid, as often the reporter's remark on an omission
    assert not reports_stance_act("港湾の民営化には触れなかった。")
    assert not reports_stance_act("修正の有無は明らかにしなかった。")
    text = "磯部氏は「復旧を最後までやり遂げる」と述べた。一方、警察は捜査の詳細を明らかにしなかった。"
    assert _holders(text, "捜査の詳細", CFO, COMPANY) == set()


MATSUMOTO = ActorEntry(8, "松本人志", None, "person", ["松本", "松本さん"])
YOSHIMOTO = ActorEntry(9, "吉本興業", None, "org", ["吉本"])


def test_a_ga_subject_inside_the_object_of_the_reports_verb_is_not_the_sentences() -> None:
    # 「…松本さんが参加していたことを認め、「…」とした」: the こと clause is what the speaker carried on admits
    text = (
        "松本さんの代理人弁護士は、コメントを出した。その上で「負担をかけたくない」として、取り下げを決めたという。\n"
        "コメントは、会合に松本さんが参加していたことを認め、「心を痛めた方がいらっしゃったのであれば、率直におわびします」とした。"
    )
    assert _holders(text, "率直におわびします", MATSUMOTO, YOSHIMOTO) == {8}
    # counter-example: a topic of the sentence's own speaks (吉本は), the が inside it or not
    other = "松本さんは「負担をかけたくない」と述べた。\n吉本は、松本さんが参加していたことを認め、「率直におわびします」とした。"
    assert _holders(other, "率直におわびします", MATSUMOTO, YOSHIMOTO) == {9}
