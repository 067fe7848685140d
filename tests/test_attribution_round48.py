"""Round 48 (issue 11, branch st48a): speakers the rules gave no one or the wrong one.

- Japanese: a body named in brackets and introduced as one (「若手議員でつくる「未来の会」は」, 「市民団体「緑の声」は」)
  is the sentence's subject: /quote names it, the speakers' reading makes it an actor for /stance, and the person
  the sentence before named no longer goes on in it (before, 「…と述べた。…でつくる「未来の会」は、…と主張した」
  was the earlier speaker's).
- Japanese: a が inside what the speaker before goes on to say (「…と指摘した。そのうえで、政府が…扱っていると批判
  した」) is no speaker: the sentence is the speaker's before.
- English: a body the index holds named with its kind in lower case ("The far-left Unity Front party said") or
  through a part of it ("Sakura Motors' European unit said") speaks.
"""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute, speaker_actors
from bot.extract.attribution_en import kinded_body
from bot.extract.attribution_ja import bracketed_body_subject
from bot.extract.stance import extract_claims
from bot.models import ParsedPassage
from tests.test_attribution_round34 import _claimed, _holders

MAYOR = ActorEntry(1, "山田", None, "person", ["山田市長"])
SENATOR = ActorEntry(2, "ブラウン", None, "person", ["ブラウン上院議員"])
GOVERNMENT = ActorEntry(3, "日本政府", None, "org", ["政府"])
PM = ActorEntry(4, "岸田", None, "person", ["岸田首相"])
UNITY = ActorEntry(5, "Unity Front", None, "org", [])
SAKURA = ActorEntry(6, "Sakura Motors", None, "org", ["桜自動車"])
JAPAN = ActorEntry(7, "日本", None, "country", ["Japan"])
OWENS = ActorEntry(8, "Owens", None, "person", ["Ann Owens"])


def _said(text: str, words: str, *entries: ActorEntry) -> str | None:
    at = text.index(words)
    return attribute(text, at, at + len(words), ActorIndex(list(entries)), context=text)


def _stored(text: str, words: str, *entries: ActorEntry) -> set[str]:
    """The actors /stance stores the words under, the document's speakers made actors first (as ingest does)."""
    index = ActorIndex(list(entries))
    found = speaker_actors([text], index)
    if found:
        index = index.extended([(a.name, a.aliases, a.kind, a.description) for a in found])
    passages = [ParsedPassage(text=t) for t in text.split("\n")]
    return {
        index.actors[c.actor_id].name
        for c in extract_claims(passages, index)
        if words in passages[c.passage].text[c.lo : c.hi]
    }


LEAD = "山田市長は、計画を予定通り進めると述べた。"


def test_a_body_in_brackets_made_up_of_members_is_the_speaker() -> None:
    text = LEAD + "これに対し、若手議員でつくる「未来の会」は、予算を削るべきだと主張した。"
    assert _said(text, "予算を削るべきだ", MAYOR) == "未来の会"
    assert _stored(text, "予算を削るべきだ", MAYOR) == {"未来の会"}
    # a foreign name in katakana so introduced is a body too, and its anaphor after it (同会) speaks for it
    text = LEAD + "これに対し、保守派議員でつくる「グリーン・フォーラム」は、予算を削るべきだと主張した。"
    assert _said(text, "予算を削るべきだ", MAYOR) == "グリーン・フォーラム"


def test_a_body_in_brackets_after_its_kind_is_the_speaker() -> None:
    text = LEAD + "市民団体「緑の声」は、計画の撤回を求めた。"
    assert _said(text, "計画の撤回", MAYOR) == "緑の声"
    assert _stored(text, "計画の撤回", MAYOR) == {"緑の声"}
    text = LEAD + "環境団体の「緑の声」は3日、計画の撤回を求める署名を市に届けた。"
    assert _stored(text, "計画の撤回", MAYOR) == {"緑の声"}


def test_a_body_in_brackets_stops_the_carried_speaker_even_unread() -> None:
    # with no index entry for it (the bare claims, no speakers' reading), the mayor does not go on in its sentence
    text = LEAD + "これに対し、若手議員でつくる「未来の会」は、予算を削るべきだと主張した。"
    assert _holders(_claimed(text, MAYOR), "予算を削るべきだ") == set()
    assert bracketed_body_subject(text, len(LEAD), len(text))


def test_what_is_in_brackets_without_a_bodys_word_is_no_speaker() -> None:
    # a work's title, and a body that is only the subject of a clause qualifying a noun
    assert not bracketed_body_subject("映画「風の谷」は、高く評価された。", 0, 18)
    text = LEAD + "政治団体「緑の声」が支援する候補は、計画の撤回を求めた。"
    assert _said(text, "計画の撤回", MAYOR) != "緑の声"
    assert "緑の声" not in _stored(text, "計画の撤回", MAYOR)


SENATOR_SAID = "一方、野党のブラウン上院議員は、被告は重大な罪を認めたと指摘した。"


def test_a_ga_inside_what_the_speaker_goes_on_to_say_is_no_speaker() -> None:
    text = SENATOR_SAID + "そのうえで、政府が被告を英雄のように扱っていると批判した。"
    assert _said(text, "英雄のように扱っている", SENATOR, GOVERNMENT) == "ブラウン"
    assert _holders(_claimed(text, SENATOR, GOVERNMENT), "英雄のように扱っている") == {2}


def test_a_ga_that_opens_its_own_words_or_is_set_off_by_a_day_speaks() -> None:
    text = SENATOR_SAID + "そのうえで、政府が「被告を英雄のように扱うな」と批判した。"
    assert _said(text, "被告を英雄のように扱うな", SENATOR, GOVERNMENT) == "日本政府"
    text = SENATOR_SAID + "その上で、岸田首相が3日、被告を英雄のように扱うべきではないと述べた。"
    assert _said(text, "扱うべきではない", SENATOR, PM) == "岸田"
    assert _holders(_claimed(text, SENATOR, PM), "扱うべきではない") == {4}
    # without 「そのうえで」 the が is read as before (the sentence's subject)
    text = SENATOR_SAID + "政府が被告を英雄のように扱っていると批判した。"
    assert _said(text, "英雄のように扱っている", SENATOR, GOVERNMENT) == "日本政府"


def test_a_known_body_with_its_kind_in_lower_case_speaks() -> None:
    text = "The cabinet survived. The far-left Unity Front party said on Monday it would file a new motion."
    assert _said(text, "file a new motion", UNITY) == "Unity Front"
    assert _holders(_claimed(text, UNITY), "file a new motion") == {5}


def test_a_known_body_through_its_unit_speaks() -> None:
    text = "Exports stalled. Sakura Motors' European unit said it expected no major disruption."
    assert _said(text, "no major disruption", SAKURA) == "Sakura Motors"
    assert _holders(_claimed(text, SAKURA), "no major disruption") == {6}


def test_a_kind_after_a_country_a_person_or_an_unknown_name_is_no_body() -> None:
    index = ActorIndex([JAPAN, OWENS, SAKURA])
    assert kinded_body("The Japan unit", index) is None  # some company's unit in Japan
    assert kinded_body("the Owens group", index) is None
    assert kinded_body("The Tokyo-based company", index) is None
    assert kinded_body("The Japanese automaker", index) is None
    assert kinded_body("Sakura Motors' Asian arm", index) == ("Sakura Motors", "org")


HIRO = ActorEntry(9, "Hiro Tanaka", None, "person", ["Tanaka"])
OKADA = ActorEntry(10, "Ken Okada", None, "person", ["Okada"])
KISHIDA = ActorEntry(11, "Kishida", None, "person", [])


def test_a_name_and_its_age_opening_a_sentence_is_who_he_is_next() -> None:
    text = (
        "Prosecutor Hiro Tanaka apologized to the two men. Okada, 76, listened without expression. "
        '"It would have meant more years ago," he told the officials.'
    )
    assert _said(text, "It would have meant more", HIRO, OKADA) == "Ken Okada"
    # a person's, even by a surname alone: never what "it" points back at
    text = (
        "The fund had criticized Sakura Motors. Okada, 87, left the board in March. "
        'When Sakura Motors opposed the nominees, the fund hit back. Sakura Motors "has opposed all our nominees," it said.'
    )
    assert _said(text, "has opposed all our nominees", OKADA, SAKURA) != "Ken Okada"


def test_a_letter_posted_to_someone_is_no_speaker_of_the_sentence() -> None:
    # "posted" is the letter's participle: the speaker is the subject after the opening phrase, not its addressee
    text = "Sato quit on Wednesday. In a letter to Kishida posted on X, the Osaka MP said he could not back the bill."
    assert _said(text, "could not back the bill", KISHIDA) != "Kishida"
    assert _holders(_claimed(text, KISHIDA), "could not back the bill") == set()
    text = "The ministry was criticised. In a statement posted on X, Kishida said he would not resign."
    assert _said(text, "would not resign", KISHIDA) == "Kishida"
