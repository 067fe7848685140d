"""Round 37 (issue 11, branch st37a): statements the clause rules gave no one or the wrong speaker, by form.

- A person named with さん, often with the age in brackets after it (「会社員中村健一さん(49)は取材に対し、「…」と
  語った」), is the sentence's subject as 「中村健一氏(49)は」 was: さん was no subject tail, so the sentence went on
  with the speaker before (the wrong one) or to no one; an unnamed 「…山田花子さん(49)は」 now stops that carry.
- A sentence read for the person carried on whose only other subject is a clause's own が (「英国での調査には現地
  子会社が全面的に協力しているとし、「…」と強調した」: a body's が whose part ends on とし, こと, よう before any quote)
  leaves that person speaking: 「「…」とも述べた」 next is theirs; a titled person's が (「山田太郎さんが」) still stops it.
- A non-answer told with no speech verb (「…との質問には、回答を控えた」, 「謝罪の時期には触れなかった」,
  「それ以上のコメントは控えた」) is the carried speaker's act, as 「…を批判した」 is (`stance_acts`); read neutral.
"""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.stance import extract_claims
from bot.extract.stance_acts import reports_stance_act
from bot.models import ParsedPassage

PRESIDENT = ActorEntry(1, "桂田精一", None, "person", ["桂田", "桂田社長", "Katsurada"])
HUSBAND = ActorEntry(2, "中村健一", None, "person", ["Kenichi Nakamura", "Nakamura"])
CFO = ActorEntry(3, "磯部武司", None, "person", ["磯部", "磯部氏"])
COMPANY = ActorEntry(4, "富士通", None, "org", ["Fujitsu"])
OPPOSITION = ActorEntry(5, "立憲民主党", None, "party", ["立民"])


def _claimed(text: str, *entries: ActorEntry) -> list[tuple[int, str]]:
    index = ActorIndex(list(entries))
    passages = [ParsedPassage(text=t) for t in text.split("\n")]
    return [(c.actor_id, passages[c.passage].text[c.lo : c.hi]) for c in extract_claims(passages, index)]


def _holders(claims: list[tuple[int, str]], words: str) -> set[int]:
    return {a for a, t in claims if words in t}


def test_a_person_named_with_san_and_the_age_is_the_sentences_subject() -> None:
    for subject in ("妻が行方不明の会社員中村健一さん(49)は取材に対し、", "中村健一さんは", "中村健一さん（49）は"):
        text = f"桂田社長は「申し訳ない」と謝罪した。\n{subject}「謝罪の言葉が軽く聞こえた」と語った。"
        assert _holders(_claimed(text, PRESIDENT, HUSBAND), "軽く聞こえた") == {2}, subject
    # the English apposition of the age was read already: the same person, in the same place
    english = (
        "Katsurada said he was sorry. Kenichi Nakamura, 49, whose wife is missing, said the apology sounded hollow."
    )
    assert _holders(_claimed(english, PRESIDENT, HUSBAND), "sounded hollow") == {2}


def test_an_unnamed_person_with_san_and_the_age_is_not_the_speaker_before() -> None:
    # counter-example: someone no actor holds, named so, stops the carry (it went to 桂田 before)
    for text in (
        "桂田社長は「申し訳ない」と謝罪した。会社員の山田花子さん(49)は「謝罪の言葉が軽く聞こえた」と語った。",
        "桂田社長は「申し訳ない」と謝罪した。\n会社員の山田花子さん（49）は取材に対し、「謝罪が軽い」と語った。",
    ):
        claims = _claimed(text, PRESIDENT, HUSBAND)
        assert _holders(claims, "軽") == set(), text
        assert _holders(claims, "申し訳ない") == {1}


def test_a_clause_of_its_own_with_ga_does_not_stop_the_person_carried_on() -> None:
    text = (
        "磯部氏は会見の冒頭で事件に触れ、「深くおわび申し上げる」と陳謝した。"
        "英国での調査には現地子会社が全面的に協力しているとし、「本社としても協力していく」と強調した。"
        "「被害者にとって公正な結果が得られるよう、早期の解決を望んでいる」とも述べた。"
    )
    claims = _claimed(text, CFO, COMPANY)
    assert _holders(claims, "本社としても協力") == {3}
    assert _holders(claims, "早期の解決を望んでいる") == {3}


def test_a_sentence_of_another_speaker_still_stops_the_carry() -> None:
    # counter-examples: the が subject is the sentence's speaker (an actor, or a body no actor holds): what follows
    # is not the person's before
    named = (
        "磯部氏は会見で「深くおわび申し上げる」と陳謝した。"
        "これに対し立憲民主党が「説明が足りない」と批判した。「早期の解決を望んでいる」とも述べた。"
    )
    assert 3 not in _holders(_claimed(named, CFO, COMPANY, OPPOSITION), "早期の解決")
    # a person no actor holds, titled, with a clause of their own before their quote
    unnamed = (
        "磯部氏は会見で「深くおわび申し上げる」と陳謝した。これに対し元郵便局長の山田太郎さんが、補償が遅れているとし、"
        "「説明が足りない」と批判した。「早期の解決を望んでいる」とも述べた。"
    )
    assert 3 not in _holders(_claimed(unnamed, CFO, COMPANY), "早期の解決")


def test_a_non_answer_with_no_speech_verb_is_the_carried_speakers() -> None:
    for act in (
        "身代金の要求に応じるのかとの質問には、捜査に関わるとして回答を控えた。",
        "謝罪の時期には触れなかった。",
        "それ以上のコメントは控えた。",
        "賠償の是非については明言を避けた。",
    ):
        text = f"磯部氏は「復旧を最後までやり遂げる」と述べた。{act}"
        assert _holders(_claimed(text, CFO, COMPANY), act.rstrip("。")) == {3}, act
    # the English non-answer was the speaker's already
    english = "Isobe said the company would restore its services. He declined to say whether it had paid a ransom."
    assert _holders(_claimed(english, ActorEntry(3, "Isobe", None, "person", []), COMPANY), "declined to say") == {3}


def test_a_non_answer_is_no_one_elses_act_and_refraining_is_no_non_answer() -> None:
    # counter-examples: a subject of the sentence's own, and refraining from a deed (外出を控えた), which answers nothing
    assert not reports_stance_act("警察は男の身元を明らかにしなかった。")
    assert not reports_stance_act("住民は外出を控えた。")
    assert not reports_stance_act("外出を控えた。")
    assert not reports_stance_act("事故の原因を明らかにした。")
    text = "磯部氏は「復旧を最後までやり遂げる」と述べた。一方、警察は捜査の詳細を明らかにしなかった。"
    assert _holders(_claimed(text, CFO, COMPANY), "捜査の詳細") == set()


MATSUMOTO = ActorEntry(8, "松本人志", None, "person", ["松本", "松本さん"])
YOSHIMOTO = ActorEntry(9, "吉本興業", None, "org", ["吉本"])


def test_a_ga_subject_inside_the_object_of_the_reports_verb_is_not_the_sentences() -> None:
    # 「…松本さんが参加していたことを認め、「…」とした」: the こと clause is what the speaker carried on admits
    text = (
        "松本さんの代理人弁護士は、コメントを出した。その上で「負担をかけたくない」として、取り下げを決めたという。\n"
        "コメントは、会合に松本さんが参加していたことを認め、「心を痛めた方がいらっしゃったのであれば、率直におわびします」とした。"
    )
    assert _holders(_claimed(text, MATSUMOTO, YOSHIMOTO), "率直におわびします") == {8}
    # counter-example: a topic of the sentence's own speaks (吉本は), the が inside it or not
    other = "松本さんは「負担をかけたくない」と述べた。\n吉本は、松本さんが参加していたことを認め、「率直におわびします」とした。"
    assert _holders(_claimed(other, MATSUMOTO, YOSHIMOTO), "率直におわびします") == {9}
