"""Who a speaker is when the sentence names them past a place or a clause, thirty-third round (issue 11 item 4).

Japanese: a Chinese or Korean name the item later calls by a one-kanji surname (「朱氏は」, 「呉市長は」) is shown whole,
as the item wrote it (朱鳳蓮, not 朱鳳 + 蓮 read as a Japanese surname and given name), and a name joined to its post
by a middle dot (「耿爽・国連次席大使」, 「水内基成・請求代表者は」) is that person's. English: an indefinite source placed
somewhere ("a diplomat in Beijing") is the source, not the place; a name after a preposition ("appeared on Cathedral
Square") is not the person acting; "said one of the organizers, Jane Doe," is Jane Doe's; and a bare title
(首相は) is the person named with that very title before a nearer one whose title ends with it (州首相). Sentences
written for this test.
"""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.attribution import attribute


def _speaker(text: str, words: str, actors: ActorIndex) -> str | None:
    at = text.index(words)
    return attribute(text, at, at + len(words), actors, context=text)


def test_a_chinese_name_called_by_its_one_kanji_surname_is_shown_whole(actors: ActorIndex) -> None:
    # the registry holds the name as a Japanese surname and given name would split it (朱鳳 + 蓮), as discovery may
    split = actors.extended([("朱鳳", ["朱鳳蓮"], "person", None)])
    text = (
        "中国国務院台湾事務弁公室の朱鳳蓮報道官は10日の記者会見で、支援の用意があると表明した。"
        "「両岸の同胞は助け合うべきだ」と述べた。\n"
        "朱氏はまた、「台湾は中国の一部だ」と反論した。\n"
    )
    assert _speaker(text, "両岸の同胞は助け合うべきだ", split) == "朱鳳蓮"
    assert _speaker(text, "台湾は中国の一部だ", split) == "朱鳳蓮"
    assert split.resolve("朱鳳蓮") is split.resolve("朱鳳")  # the same actor for /stance


# (text, the quoted words, their speaker): each a form of news text the rules of this round read
SPEAKERS = [
    # a name joined to its post by a middle dot, then the surname and 氏
    (
        "台湾外交部は4日、中国の戴兵・国連次席大使が謝意を示したことを非難した。\n"
        "戴氏は3日、国連の会合で「国際社会の同情に感謝する」と述べた。\n",
        "国際社会の同情に感謝する",
        "戴兵",
    ),
    # the surname and a title, after the name given in full as an object
    (
        "総領事は25日、黄坤明・広州市長と面会し、警備の強化を求めた。\n"
        "総領事館によると、黄市長は「偶発的な事件だとみている」と説明したという。\n",
        "偶発的な事件だとみている",
        "黄坤明",
    ),
    # a name and its post joined by a middle dot, as the subject
    (
        "花沢知事は会見で「まだ決めていない」と述べた。\n"
        "市民団体の水口義成・請求代表者は閉会後に記者会見し、「県民の思いが届かなかった」と語った。\n",
        "県民の思いが届かなかった",
        "水口義成",
    ),
    # an indefinite source in a place is the source, and "he" next
    (
        "The ministry said little. A Canadian diplomat in Lisbon, speaking on condition of anonymity, said officials "
        'had "almost nothing" to go on. "Nobody has told us why," he said.',
        "Nobody has told us why",
        "Canadian diplomat in Lisbon",
    ),
    (
        '"The sentence does not tell us anything," said a Canadian mother of two in Lisbon, who asked not to be named.',
        "does not tell us anything",
        "Canadian mother",
    ),
    # a name after a preposition is not the person acting
    (
        "Ottaway Brennick, seeking to reassert his authority, appeared on Harmon Plaza inside the old palace on "
        'Tuesday and asked for a minute\'s silence. "You have stopped a civil war," he told them.',
        "You have stopped a civil war",
        "Ottaway Brennick",
    ),
    # a name in apposition after "said" and a description
    ('"He should be answering questions," said one of the organizers, Lorne Adwell, 25.', "answering", "Lorne Adwell"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), SPEAKERS)
def test_the_speaker_of_each_form(text: str, words: str, speaker: str, actors: ActorIndex) -> None:
    assert _speaker(text, words, actors) == speaker


# (text, the quoted words, who they are not): the counter-examples
NOT_SPEAKERS = [
    # a one-kanji surname the text gives two full names stays as written
    ("黄坤明・広州市長と黄奇帆・重慶市長が会談した。\n黄市長は「協力を深める」と述べた。\n", "協力を深める", "黄坤明"),
    # a place after "near the gutted" is no one acting
    (
        "Leta Marwick gave a speech on Monday. On Friday, dozens of activists staged a sit-in near the gutted "
        'Corran Halls complex. "She should answer questions," he said.',
        "She should answer questions",
        "Corran Halls",
    ),
]


@pytest.mark.parametrize(("text", "words", "other"), NOT_SPEAKERS)
def test_not_the_speaker(text: str, words: str, other: str, actors: ActorIndex) -> None:
    assert _speaker(text, words, actors) != other


def test_a_bare_title_is_the_person_of_that_very_title(actors: ActorIndex) -> None:
    known = actors.extended([("カルデロン", [], "person", None), ("ロメロ", [], "person", None)])
    text = (
        "同行したカルデロン首相とロメロ州首相も罵声を浴びた。\n"
        "カルデロン氏は2日、記者会見した。首相は「対応が十分でないことは承知している」と認めた。\n"
    )
    assert _speaker(text, "対応が十分でないことは承知している", known) == "カルデロン"  # not the nearer 州首相
    text = "ロメロ州首相が被災地を訪れた。首相は「責任は国にある」と述べた。\n"
    assert _speaker(text, "責任は国にある", known) == "ロメロ"  # no one of that very title: the 州首相, as before
