"""Attribution, nineteenth round: a が subject of a clause made a noun or reported inside the sentence (〜ことも
明らかにした, 〜のは, 〜だとの認識を示した, 〜した段階で, 〜とする指摘) is that clause's subject, not the speaker of the
quote, whether it stands in the quote's sentence or in the sentence the speaker is carried from. Sentences of our
own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-2, "北海鉄道", None, "body", [], None),
        ActorEntry(-3, "運輸庁", None, "body", [], None),
    ]
)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # in the quote's own sentence
        (
            "山川一郎社長は記者会見で、運輸庁が向き合うのは「安全をどう守るか」という問いだと述べた。",
            "安全をどう守るか",
        ),
        (
            "山川一郎社長は、運輸庁が調査を終えた段階で「役員の責任を含めて厳正に対処したい」と述べた。",
            "役員の責任を含めて厳正に対処したい",
        ),
        # carried from the sentence before, whose が subject is inside what was reported
        (
            "山川一郎社長は11日、記者会見した。「運賃は据え置く」と語り、運輸庁が監査に入るべきだとの認識を示した。"
            "そのうえで「再発の防止に全力を尽くしたい」と強調した。",
            "再発の防止に全力を尽くしたい",
        ),
        (
            "山川一郎社長は11日、記者会見した。「遅れは取り戻す」と述べ、運輸庁が会議を開いていることも明らかにした。"
            "さらに「利用者に心からおわびしたい」と語った。",
            "利用者に心からおわびしたい",
        ),
    ],
)
def test_a_subject_inside_a_clause_made_a_noun_is_not_the_speaker(text: str, said: str) -> None:
    at = text.index(said)
    assert attribute(text, at, at + len(said), ACTORS, context=text) == "山川"


def test_a_subject_of_the_sentence_still_speaks() -> None:
    text = "北海鉄道が11日、記者会見を開き、「運賃は据え置く」と発表した。"
    at = text.index("運賃は据え置く")
    assert attribute(text, at, at + len("運賃は据え置く"), ACTORS, context=text) == "北海鉄道"


def test_a_subject_whose_clause_holds_another_subject_still_speaks() -> None:
    text = "質疑では、北海鉄道が、運輸庁が監査を先送りしていたことを取り上げ「なぜ急がないのか」と迫った。"
    at = text.index("なぜ急がないのか")
    assert attribute(text, at, at + len("なぜ急がないのか"), ACTORS, context=text) == "北海鉄道"


@pytest.mark.parametrize(
    "text",
    [
        "日系3世の山川ナンシーさん(68)は焼け跡を前に「すべて灰になった」と声を詰まらせた。",
        "山川一郎社長(66)=北海鉄道=は11日、「すべて灰になった」と語った。",
        "山川一郎さん（68）は「すべて灰になった」と話した。",
    ],
)
def test_an_age_or_a_post_between_the_name_and_its_particle_is_an_aside(text: str) -> None:
    actors = ActorIndex([*ACTORS.actors.values(), ActorEntry(-9, "山川ナンシー", None, "person", [], None)])
    at = text.index("すべて灰になった")
    assert attribute(text, at, at + len("すべて灰になった"), actors, context=text) in ("山川", "山川ナンシー")
