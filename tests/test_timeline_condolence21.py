"""A condolence told in Japanese and in English is one event word (issue 12, round 21).

「お見舞いのメッセージ」「哀悼の意」「弔意」「お悔やみ」 and "a message of condolence", "sympathy", "mourning" share no word
as written and no gloss (見舞い's English is "get-well gift", "inquiry"), so one leader's condolence the day after a
disaster, told by a Japanese and an English report, stayed two entries. `~condolence` (`bot/data/event_words.json`)
names it in both. Two different leaders' condolences of one day stay apart (no person in both). Sentences of our own."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.event_match import same_event
from tests.test_timeline_classes8 import members

MESSAGE_JA = "石破茂首相は29日夜、ミャンマー中部で起きた大地震を受け、お見舞いのメッセージを出した。"
MESSAGE_EN = (
    "Prime Minister Shigeru Ishiba sent a message of condolence to Myanmar on Saturday after the powerful quake in "
    "the country's centre, the government said."
)
OTHER_LEADER_EN = (
    "U.S. President Donald Trump expressed his sympathy on Saturday and pledged to send rescue teams, the White House "
    "said."
)
OTHER_ACT_EN = "Prime Minister Shigeru Ishiba sent a message to the new government on Saturday, officials said."

CONDOLENCE_JA = "林芳正官房長官は29日の記者会見で、犠牲者に哀悼の意を表した。"
SYMPATHY_EN = "Chief Cabinet Secretary Yoshimasa Hayashi expressed his deepest sympathies to the victims on Saturday."


def test_a_condolence_message_in_both_languages_is_one_event(actors: ActorIndex) -> None:
    (ja,) = members(MESSAGE_JA, actors)
    (en,) = members(MESSAGE_EN, actors)
    assert "~condolence" in ja.features["tokens"] and "~condolence" in en.features["tokens"]
    assert same_event(ja.features, en.features) > 0


def test_condolences_and_sympathy_are_one_word(actors: ActorIndex) -> None:
    (ja,) = members(CONDOLENCE_JA, actors)
    (en,) = members(SYMPATHY_EN, actors)
    assert same_event(ja.features, en.features) > 0


def test_another_leaders_condolence_or_another_message_is_apart(actors: ActorIndex) -> None:
    (ja,) = members(MESSAGE_JA, actors)
    (other,) = members(OTHER_LEADER_EN, actors)
    assert same_event(ja.features, other.features) <= 0
    (message,) = members(OTHER_ACT_EN, actors)
    assert "~condolence" not in message.features["tokens"]
