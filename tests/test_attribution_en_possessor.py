"""A name that owns what follows it is no subject: in "both depend on Prime Minister Anna Berg's Labour-led
government" the run of capitalised words reads "Anna Berg's Labour-led" and the lower-case noun after it as a verb,
and the next "he" was hers (valencia2024's two quotes after "…Pedro Sánchez's Socialist-led government"). The run
after the possessor is the subject when it is a name ("Japan's Prime Minister X visited"). Sentences of our own."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.attribution_en import _person_acting, attribute_en

TEXT = (
    '"I will not evade any responsibility," regional leader Tomas Varga told the assembly on Friday. '
    "But he spent much of the speech criticising the river authority and the weather agency, both of which depend "
    "on Prime Minister Anna Berg's Labour-led government. "
    'He took aim at those who "hide behind the fine print of regulations" to avoid criticising themselves.'
)


def test_a_possessor_in_a_name_run_is_no_subject(actors: ActorIndex) -> None:
    at = TEXT.index("hide behind")
    assert attribute_en(TEXT, at, at + len("hide behind"), actors, context=TEXT) == "Tomas Varga"
    assert _person_acting("Both depend on Prime Minister Anna Berg's Labour-led government.") is None


def test_the_name_after_a_possessor_is_still_the_subject() -> None:
    assert _person_acting("On Friday, Japan's Prime Minister Kenji Sato visited the flooded town.") == (
        "Kenji Sato",
        "person",
    )
