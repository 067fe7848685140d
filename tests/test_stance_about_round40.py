"""/stance --about across languages, fortieth round (issue 11): acts news text names by one word in Japanese and
another in English, each seen missed in the tuned stories of several outlets and stories (`equivalents` in
bot/data/about.json): a ruling or licence annulled (取り消し, 覆す: revoke, annul, quash, overturn), a pause (一時停止:
pause), mediation (仲介, 調停), legal action (法的措置, 法的手段: legal action, take to court) and a cancellation
(中止: cancel, call off). Each with cases that must fire and cases that must not, on words of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, add_related, named_words, parse_target

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str) -> Target:
    target = parse_target(text, ActorIndex([]), {})
    add_related(target)
    return target


def _forms(target: Target, word: str) -> list[str]:
    return next(w.forms for w in target.words if w.form == word)


@pytest.mark.parametrize(
    ("about", "word", "other"),
    [
        # English typed, the Japanese word matched
        ("revoking the company's type approvals", "revoking", "取り消し"),
        ("the court's decision to annul the law", "annul", "取り消し"),
        ("pausing the judicial legislation", "pausing", "一時停止"),
        ("third-party mediation between the two countries", "mediation", "仲介"),
        ("third-party mediation between the two countries", "mediation", "調停"),
        ("taking legal action against the vendor", "legal", "法的措置"),
        ("cancelling the Games", "cancelling", "中止"),
        # Japanese typed, the English word matched
        ("有罪判決を取り消す新法", "取り消す", "quash"),
        ("判決を覆すこと", "覆す", "overturn"),
        ("仲介の申し出", "仲介", "mediation"),
        ("法的措置", "措置", "legal action"),
        ("東京五輪の中止", "中止", "cancel"),
    ],
)
def test_an_act_named_in_the_other_language_is_matched(about: str, word: str, other: str) -> None:
    assert other in _forms(_target(about), word)


@pytest.mark.parametrize(
    ("about", "statement", "named"),
    [
        ("利上げの一時停止", "The Fed considered pausing the rate increases", {1, 2}),
        ("有罪判決を取り消す新法", "a law to quash the convictions", {2}),
        ("cancelling the Games", "大会の中止は議題にない", {0}),
        ("taking legal action against the vendor", "我々に選択肢はない。法的措置を取る", {1, 2}),
        ("third-party mediation", "インドは仲介を受け入れたことはない", {2}),
    ],
)
def test_a_statement_in_the_other_language_names_the_act(about: str, statement: str, named: set[int]) -> None:
    assert named <= named_words(_target(about), statement)


@pytest.mark.parametrize(
    ("about", "word", "not_matched"),
    [
        ("原発の運転停止", "停止", "pause"),  # a halt is no pause: only 一時停止 is
        ("延期", "延期", "cancel"),  # a postponement is no cancellation
        ("the legal system", "legal", "法的措置"),  # "legal" alone is no legal action
        ("mediation", "mediation", "仲裁"),  # arbitration is another thing
        ("reverse course", "reverse", "取り消し"),  # reverse is too wide a word to name an annulment
        ("the approval", "approval", "取り消し"),  # an approval is not its revocation
    ],
)
def test_a_near_word_is_not_the_act(about: str, word: str, not_matched: str) -> None:
    assert not_matched not in _forms(_target(about), word)


def test_a_statement_naming_something_else_does_not_name_the_act() -> None:
    # must not fire: a halt of operations, an arbitration, a postponed event, the legal system
    assert 1 not in named_words(_target("利上げの一時停止"), "運転停止を命じた")  # 停止 named, not the pause
    assert not named_words(_target("third-party mediation"), "国際仲裁裁判所に付託") & {2}
    assert not named_words(_target("cancelling the Games"), "大会の延期を決めた") & {0}
    assert not named_words(_target("taking legal action"), "法制度の見直しを求めた") & {1, 2}


# --- a Japanese target word said in English by its first five gloss words -------------------------------------


def event_glosses(about: str, word: str, most: int | None = None) -> list[str]:
    from bot.extract.about import english_glosses

    target = parse_target(about, ActorIndex([]), {})
    k = next(n for n, w in enumerate(target.words) if w.form == word)
    return english_glosses(target, k) if most is None else english_glosses(target, k, most)


@pytest.mark.parametrize(
    ("about", "word", "english"),
    [
        ("銀行の株主の救済", "救済", "rescue"),  # relief, aid, help, rescue: the fourth
        ("工場への巨額の補助", "補助", "subsidy"),  # assistance, support, aid, help, subsidy: the fifth
    ],
)
def test_a_japanese_word_is_said_in_english_by_its_first_five_glosses(about: str, word: str, english: str) -> None:
    assert english in event_glosses(about, word)
    # and an English statement saying it names the word (the target's English view)
    target = _target(about)
    assert target.english is not None
    k = next(n for n, w in enumerate(target.words) if w.form == word)
    assert k in named_words(target.english, f"The government said it would {english} them.")


def test_the_english_reports_are_still_looked_for_by_the_first_three() -> None:
    from bot.extract.about import ENGLISH_QUERY_GLOSSES

    # must not fire: the documents a question reads are chosen by the first three glosses only (the query's cost);
    # the fourth and fifth name a statement among them
    assert ENGLISH_QUERY_GLOSSES == 3
    assert "rescue" not in event_glosses("銀行の株主の救済", "救済", ENGLISH_QUERY_GLOSSES)
    assert "subsidy" not in event_glosses("工場への巨額の補助", "補助", ENGLISH_QUERY_GLOSSES)


def test_later_senses_and_one_letter_words_stay_out() -> None:
    # must not fire: a sixth gloss word (補助's supplement, grant-in-aid; 救済's grace), a word of one letter (側, 形)
    assert not {"supplement", "subvention"} & set(event_glosses("工場への巨額の補助", "補助"))
    assert "grace" not in event_glosses("銀行の株主の救済", "救済")
    assert event_glosses("侵略した側が得をする形", "側") == []
