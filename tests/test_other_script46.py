"""A person the index holds in one script, named by a document in the other (`bot/extract/other_script.py`): the
name is one more of that person's names, so the statement is stored under the actor a question finds. Sentences and
people of our own."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.discover import discover_actors
from bot.extract.other_script import katakana_twin, latin_twin, speaking_surnames, twin_actors, written_in_script
from bot.extract.stance import extract_claims
from bot.models import ParsedPassage

KELLNER = ActorEntry(1, "ケルナー", None, "person", ["マルタ・ケルナー"], "氏")
DALLAS = ActorEntry(2, "Dallas", "Ruth Dallas", "person", ["Ruth Dallas"], "Defense Secretary")
PANEL = ActorEntry(3, "監査委員会", None, "body", [], None)


def _index(*entries: ActorEntry) -> ActorIndex:
    return ActorIndex(list(entries))


def _twins(actors: ActorIndex, text: str) -> dict[str, list[str]]:
    return {
        a.name: a.aliases
        for a in discover_actors([ParsedPassage(text=text)], actors)
        if a.name in {"ケルナー", "Dallas"}
    }


def test_an_english_surname_that_speaks_is_the_katakana_person() -> None:
    text = (
        "Marta Kellner, who chairs the audit board, was asked about the merger. "
        '"We will not sign this agreement," Kellner said on Monday.'
    )
    assert _twins(_index(KELLNER, PANEL), text) == {"ケルナー": ["Marta Kellner"]}


def test_the_statement_is_stored_under_the_katakana_person() -> None:
    actors = _index(KELLNER, PANEL)
    passages = [
        ParsedPassage(text="Marta Kellner chairs the audit board."),
        ParsedPassage(text='"The merger is a mistake," Kellner wrote on social media.'),
    ]
    new = discover_actors(passages, actors)
    index = actors.extended([(a.name, a.aliases, a.kind, a.description) for a in new])
    said = {index.actors[c.actor_id].name for c in extract_claims(passages, index)}
    assert "ケルナー" in said


def test_a_katakana_surname_the_dictionary_reads_as_a_place_before_a_title() -> None:
    text = "米国のダラス国防長官は記者会見で「同盟を守る」と述べた。"
    assert _twins(_index(DALLAS), text) == {"Dallas": ["ダラス"]}


def test_not_before_a_title_a_place_also_has() -> None:
    assert _twins(_index(DALLAS), "ダラス市長は記者会見で「市を守る」と述べた。") == {}


def test_not_when_two_people_sound_so() -> None:
    other = ActorEntry(4, "ケルナー・シュミット", None, "person", [], "氏")  # another person, ending the same
    twin = ActorEntry(5, "ケルナ", None, "person", [], "氏")
    assert katakana_twin("Kellner", _index(KELLNER, twin)) is None
    assert katakana_twin("Kellner", _index(KELLNER, other)) is not None  # its surname is another word
    assert latin_twin("ダラス", _index(DALLAS, ActorEntry(6, "Dalas", None, "person", [], None))) is None


def test_not_when_the_document_writes_two_given_names() -> None:
    text = 'Marta Kellner and Jonas Kellner both spoke. "No," Kellner said.'
    assert twin_actors([text], [], _index(KELLNER)) == []


def test_not_a_surname_written_alone_nor_one_of_three_letters() -> None:
    assert twin_actors(['"No," Kellner said.'], [], _index(KELLNER)) == []  # no full name: a given name alone?
    bo = ActorEntry(8, "ボー", None, "person", ["ジャン・ボー"], "氏")
    assert twin_actors(['Jean Bo chairs it. "No," Bo said.'], [], _index(bo)) == []


def test_not_a_katakana_word_the_dictionary_reads_as_common_nouns() -> None:
    land = ActorEntry(9, "Freeland", None, "person", [], None)
    assert twin_actors([], ["フリーランド"], _index(land)) == []


def test_not_a_name_the_index_holds_nor_a_word_that_opens_a_sentence() -> None:
    held = _index(KELLNER, ActorEntry(7, "Kellner", None, "person", [], None))
    assert twin_actors(['Marta Kellner chairs it. "No," Kellner said.'], [], held) == []
    assert speaking_surnames('Officials said the plan was ready. He said so. "No," Kellner said.') == ["Kellner"]


def test_not_a_surname_discovery_took_for_a_new_person() -> None:
    text = 'Marta Kellner chairs it. "No," Kellner said.'
    assert twin_actors([text], [], _index(KELLNER)) != []
    assert twin_actors([text], [], _index(KELLNER), {"Kellner"}) == []


def test_the_speaker_shown_as_the_report_writes_the_person() -> None:
    index = _index(ActorEntry(1, "ケルナー", None, "person", ["マルタ・ケルナー", "Marta Kellner", "Kellner"], "氏"))
    text = '"The merger is a mistake," Kellner wrote.'
    context = "Marta Kellner chairs the audit board.\n" + text
    assert written_in_script("ケルナー", text, 1, index, context) == "Marta Kellner"
    japanese = "ケルナー氏は「合併は誤りだ」と述べた。"
    assert written_in_script("ケルナー", japanese, 8, index, japanese) == "ケルナー"  # the text's own script


def test_a_title_before_the_name_is_no_given_name() -> None:
    # the title stripped: the full name is the person's ("Manager Marta Kellner": Marta Kellner)
    text = 'Audit Manager Marta Kellner was asked about the merger. "No," Kellner said.'
    assert [a.aliases for a in twin_actors([text], [], _index(KELLNER))] == [["Marta Kellner"]]
    # a title alone before the surname: no full name, so no one told apart (a namesake's surname)
    assert twin_actors(['Foreign Minister Kellner was asked. "No," Kellner said.'], [], _index(KELLNER)) == []


def test_not_a_given_name_written_after_the_family_name() -> None:
    # a Korean given name speaks after the family name: ヨンス is someone's given name, not this minister's surname
    yongsu = ActorEntry(10, "ヨンス", None, "person", [], "氏")
    assert twin_actors(["Trade Minister Han Yong-su said the talks would resume."], [], _index(yongsu)) == []
    # nor a word after a family name written first (Choi Kellner: Kellner is the given name)
    assert twin_actors(['Choi Kellner chairs the board. "No," Kellner said.'], [], _index(KELLNER)) == []


def test_not_a_name_a_father_and_a_son_share_nor_one_the_index_holds() -> None:
    # "Marta Kellner Jr." and her mother are both "Marta Kellner": no one told apart
    text = 'Marta Kellner Jr., who chairs the audit board, was asked. "No," Kellner said.'
    assert twin_actors([text], [], _index(KELLNER)) == []
    # the full name is another person's of the index already (a Latin-named actor): not the katakana person's
    other = ActorEntry(11, "Kellner Jr", "Marta Kellner", "person", ["Marta Kellner"], None)
    assert twin_actors(['Marta Kellner chairs it. "No," Kellner said.'], [], _index(KELLNER, other)) == []
