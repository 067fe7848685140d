"""Round 35 (issue 11, branch st35b): statements the speaker rules left to no one for how the verb is written.

- English: auxiliaries and adverbs between a subject and its speech verb ("Greenpeace has long argued", "Yellen
  has repeatedly said", "Beijing quickly said") are one list (`attribution_en.SUBJECT_FILLERS`) for /quote's subject
  and /stance's; before, /quote read "Greenpeace has long" as the phrase before the verb and named no one.
- English: "declined to comment" is said (a refusal to answer is a statement): "A Bank of Japan spokesperson
  declined to comment" is the bank's member's, so the bank's.
"""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from tests.test_attribution_round34 import _claimed, _holders

GREENPEACE = ActorEntry(4, "Greenpeace", None, "org", ["グリーンピース"])
YELLEN = ActorEntry(5, "Janet Yellen", None, "person", ["Yellen", "イエレン"])
BOJ = ActorEntry(6, "日本銀行", "Bank of Japan", "org", ["日銀", "Bank of Japan", "BOJ"])


def _said(text: str, words: str, *entries: ActorEntry) -> str | None:
    at = text.index(words)
    return attribute(text, at, at + len(words), ActorIndex(list(entries)), context=text)


def test_an_adverb_between_the_subject_and_its_speech_verb() -> None:
    text = "The plan drew criticism. Greenpeace has long argued the deadline is unrealistic."
    assert _said(text, "the deadline is unrealistic", GREENPEACE) == "Greenpeace"
    text = "Markets rose. Treasury Secretary Janet Yellen has repeatedly said the banking system is sound."
    assert _said(text, "the banking system is sound", YELLEN) == "Janet Yellen"


def test_declined_to_comment_is_the_bodys_member_speaking() -> None:
    text = (
        "The Bank of Japan raised interest rates last week.\n"
        "A Bank of Japan spokesperson declined to comment on market moves."
    )
    assert _holders(_claimed(text, BOJ), "declined to comment") == {6}
    assert _said(text, "declined to comment", BOJ) is not None


def test_stance_reads_the_same_fillers_as_quote() -> None:
    # /stance's English subject rule takes the one list: "has long argued" is Greenpeace's clause
    text = "The plan drew criticism.\nGreenpeace has long argued the 2051 deadline is unrealistic."
    assert _holders(_claimed(text, GREENPEACE), "deadline is unrealistic") == {4}
    # a name after the verb is no subject: "Critics have long argued Greenpeace is wrong" is not Greenpeace's
    assert _holders(_claimed("Critics have long argued Greenpeace is wrong.", GREENPEACE), "is wrong") == set()
