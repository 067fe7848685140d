"""Wrong positions by construction, twenty-second round (issue 11; sentences written for these tests, none from a
corpus): an English negation contracted onto its verb (don't, can't, doesn't; straight or curly apostrophe)
negates the cue after it as `not` does; a term said with until / 〜まで (「撤回されるまで、関税は維持される」,
"will not drop the tariffs until the U.S. lifts its own") makes the reading conditional, while a time said with
them (until the end of the year, 細部に至るまで) sets no term; a refusal until the term is met ("will not agree … until
we are satisfied") is one now, as an opposing reading under a plain scenario stays opposition. An act asked about,
said under a negation with no stance word, is not done (oppose); putting it first (最優先) supports it."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.stance import Claim, position_toward

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "Ono", None, "person", ["Kenji Ono"], None),
        ActorEntry(-2, "山川", None, "person", ["山川一郎"], None),
    ]
)


def _position(text: str, target: str) -> str:
    at = text.find(target)
    claim = Claim(0, -1, 0, 0, len(text), "reported", (), "")
    return position_toward(text, claim, [(at, at + len(target))], ACTORS)[0]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ('"We can\'t accept this deal," Ono said.', "deal"),
        ('"We didn\'t support the merger," Ono said.', "merger"),
        ('"I don\'t want to drag the alliance into that," Ono said.', "alliance"),
        ('"The country doesn\'t need more debt," Ono said.', "debt"),
        ("“We don’t support the merger,” Ono said.", "merger"),
        ('"We won\'t accept this deal," Ono said.', "deal"),
    ],
)
def test_a_contracted_negation_negates_the_cue_after_it(text: str, target: str) -> None:
    assert _position(text, target) == "oppose"


def test_the_cue_without_a_negation_keeps_its_reading() -> None:
    assert _position('"We can accept this deal," Ono said.', "deal") == "support"
    assert _position('"I want to bring the alliance into that," Ono said.', "alliance") == "support"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ono said he would not drop the counter-tariffs until the U.S. lifts its own.", "tariffs"),
        ("Ono said the app would stay unavailable until it was brought into line with the law.", "app"),
        ("山川氏は「米国の措置が撤回されるまで、我々の関税は維持される」と強調した。", "関税"),
    ],
)
def test_a_term_said_with_until_is_a_condition(text: str, target: str) -> None:
    assert _position(text, target) == "conditional"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            '"We will not agree to any expansion in production until we are satisfied that the issues are resolved,"'
            " Ono said.",
            "production",
        ),
        ("山川氏は「最終報告書が出るまでは、誰も結論を急ぐべきではない」と語った。", "結論"),
        ("山川氏は「懸念が晴れるまでは、職員は使うのを控えるべきだ」と述べた。", "使う"),
    ],
)
def test_a_refusal_until_a_term_is_met_is_one_now(text: str, target: str) -> None:
    assert _position(text, target) == "oppose"


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        ("Ono said he would stay in office until the end of the year.", "office", "neutral"),
        ("Ono said the company had run the plant until 2020.", "plant", "neutral"),
        ("Ono said he would back the plan until now.", "plan", "support"),
        ("山川氏は「細部に至るまで、計画を支持する」と述べた。", "計画", "support"),
    ],
)
def test_a_time_said_with_until_sets_no_term(text: str, target: str, position: str) -> None:
    assert _position(text, target) == position


# --- the act asked about, said not to be done (bot/extract/negated_act.py) -------------------------------------

ARTICLE = """\
---
title: Governor race heats up
published: 2025-10-14
---
Former governor Kenji Tanabe said on Monday he would not attempt a political comeback.
Mayor Aiko Mori said she would attempt a political comeback in 2027.
川田次郎前知事は14日、記者団に対し、次の知事選への出馬は決してしないと語った。
"""


@pytest.fixture
async def story(store):  # type: ignore[no-untyped-def]
    from bot.ingest.pipeline import ingest_text

    assert (await ingest_text(store, ARTICLE, name="race.md")).status == "added"
    return store


async def _positions(store, actor: str, about: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from bot.services.stance_about import stance_about

    return {s.text: s.position for s in (await stance_about(store, actor, about)).statements}


async def test_the_act_said_not_to_be_done_opposes_it(story) -> None:  # type: ignore[no-untyped-def]
    found = await _positions(story, "Kenji Tanabe", "Tanabe making a political comeback")
    assert [p for t, p in found.items() if "would not attempt" in t] == ["oppose"]
    found = await _positions(story, "Aiko Mori", "Mori making a political comeback")
    assert [p for t, p in found.items() if "would attempt" in t] == ["support"]


@pytest.mark.parametrize(
    ("text", "target", "negated"),
    [
        ("Ono said his mother would not attempt a political comeback.", "comeback", True),
        ("“We are not considering changing the date,” Ono said.", "date", True),
        ("She won’t seek a second term.", "term", True),
        ("Ono did not say whether a comeback was planned.", "comeback", False),
        ("Ono said it was not only a comeback but a rebirth.", "comeback", False),
        ("Ono did not object, and a comeback is planned.", "comeback", False),
        ("Ono said his mother would attempt a political comeback.", "comeback", False),
        ("川田氏は「出馬はしない」と語った。", "出馬", True),
        ("カナダは決して米国の一部にはならない。", "一部", True),
        ("川田氏は「出馬する」と語った。", "出馬", False),
    ],
)
def test_an_act_said_under_a_negation(text: str, target: str, negated: bool) -> None:
    from bot.extract.negated_act import act_negated

    at = text.find(target)
    assert act_negated(text, [(at, at + len(target))]) is negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("山川氏は「安全が最優先だ」と述べた。", "安全"),
        ("山川氏は「品質を優先し、生産を減らす」と述べた。", "品質"),
        ("山川氏は「住民の避難を優先すべきだ」と述べた。", "避難"),
    ],
)
def test_putting_it_first_supports_it(text: str, target: str) -> None:
    assert _position(text, target) == "support"


def test_what_is_put_first_is_the_priority_named() -> None:
    # 最優先課題は…: what is put first follows the word; another thing put first makes the target wait on it
    text = "山川氏は「私の最優先課題は、欧州を一歩ずつ強くし、米国から本当の意味で自立することだ」と述べた。"
    assert _position(text, "自立") == "support"
    text = (
        "山川氏は、法的責任を問うかどうかは「まず信頼の回復を最優先にし、その後にあらゆる選択肢を検討する」と述べた。"
    )
    assert _position(text, "法的責任") == "conditional"


# --- the target's other words are no attitude toward it ------------------------------------------------------

OUTAGE = """\
---
title: Lawmakers grill software firm over global outage
published: 2024-09-24
---
Representative Jane Holloway questioned the company's executives at the hearing on Tuesday.
"But we cannot allow a mistake of this magnitude to happen again," Holloway said.
"""


@pytest.fixture
async def outage(store):  # type: ignore[no-untyped-def]
    from bot.ingest.pipeline import ingest_text

    assert (await ingest_text(store, OUTAGE, name="outage.md")).status == "added"
    return store


async def test_a_word_of_the_target_is_no_judgment_of_it(outage) -> None:  # type: ignore[no-untyped-def]
    found = await _positions(outage, "Jane Holloway", "letting a mistake like this happen again")
    assert [p for t, p in found.items() if "cannot allow" in t] == ["oppose"]


def _main_position(text: str) -> str:
    """The position of a clause whose target was named only before it (no span of it in the clause)."""
    claim = Claim(0, -2, 0, 0, len(text), "reported", (), "")
    return position_toward(text, claim, [], ACTORS)[0]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("山川氏は「カナダはどんな形であれ、決して米国の一部にはならない」と述べた。", "oppose"),
        ("山川氏は「われわれは決して売り物になることはない」と述べた。", "oppose"),
        ("山川氏は「この教訓を決して忘れてはならない」と述べた。", "neutral"),
        ("山川氏は「決して諦めない」と述べた。", "neutral"),
    ],
)
def test_becoming_it_denied_outright_opposes_it(text: str, position: str) -> None:
    assert _main_position(text) == position


def test_a_word_of_the_target_done_is_read() -> None:
    # the target's word named as the act done (認めるべき asked about 認めること; "accept the deal") keeps its reading
    text = "山川氏は、駐車場への車の乗り入れも、臨時で認めるべきだと指摘した。"
    at, word = text.find("駐車場"), text.find("認める")
    claim = Claim(0, -2, 0, 0, len(text), "reported", (), "")
    found = position_toward(text, claim, [(at, at + 3)], ACTORS, target_words=[(word, word + 2)])
    assert found[0] == "support"
    text = '"We will accept the deal," Ono said.'
    at, word = text.find("deal"), text.find("accept")
    found = position_toward(text, claim, [(at, at + 4)], ACTORS, target_words=[(word, word + 6)])
    assert found[0] == "support"
    text = '"We cannot allow a mistake of this magnitude to happen again," Ono said.'
    at, word = text.find("happen"), text.find("mistake")
    found = position_toward(text, claim, [(at, at + 6)], ACTORS, target_words=[(word, word + 7)])
    assert found[0] == "oppose"


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        ("Ono welcomed the suspension of aid to the region.", "aid", "oppose"),
        ("Ono called for the withdrawal of troops from the border.", "troops", "oppose"),
        ("Ono said he would order the cessation of sanctions on Syria.", "sanctions", "oppose"),
        ("Ono opposed the abolition of the paper cards.", "cards", "support"),
        ("Ono said the government would abolish the paper cards.", "cards", "oppose"),
    ],
)
def test_an_english_halt_named_by_its_noun(text: str, target: str, position: str) -> None:
    assert _position(text, target) == position


def test_a_term_in_another_quote_after_the_reading_sets_no_term_on_it() -> None:
    # the sentence that ends the first quote is not the statement's last: 「…出せれば、…会談だった」 conditions nothing
    text = (
        "山川氏はXに「一対一で多くのことを話した。完全かつ無条件の停戦を求めた」と投稿し、"
        "「共同の成果を出せれば、歴史的なものになり得る非常に象徴的な会談だった」と評価した。"
    )
    assert _position(text, "停戦") == "support"
