"""One tuple of question marks for both readings of the question put (`question_asked.QUESTION_MARKS`): the
answer's own sentence (`question_spans`, the stance's answer reading) and the text read before a clause
(`services.question_put`). The twins kept two tuples until the forty-seventh round, one without "uestion"."""

from __future__ import annotations

import pytest

from bot.extract import question_asked
from bot.extract.question_asked import ASKED_EN_RX, ASKED_JA_RX, QUESTION_MARKS, question_spans
from bot.services import question_put

# every form of the two patterns, in sentences of our own
_ASKED = (
    "Asked about the levy, the mayor said she would not back it.",
    "When asked whether the mill would close, he said no.",
    "Pressed on the tariff, the minister said it would stay.",
    "Questioned about the merger, the chairman said he backed it.",
    "She was questioned over the budget, and said it was fair.",
    "In response to a question about the strike, she said the union was right.",
    "In reply to questions from reporters, he said the plan was dead.",
    "In answer to a question on the treaty, the envoy said it would be signed.",
    "記者団に増税の可能性を問われ、「考えていない」と答えた。",
    "会見で新工場について聞かれると、「前向きに検討する」と述べた。",
    "法案に賛成するかとの質問に、「賛成しない」と答えた。",
    "移転の時期を尋ねられ、「未定だ」と語った。",
    "国会で移転計画の遅れをただされ、「遺憾だ」と述べた。",
)


def test_one_tuple_for_both_readings() -> None:
    assert question_put.QUESTION_MARKS is question_asked.QUESTION_MARKS
    assert "uestion" in QUESTION_MARKS


@pytest.mark.parametrize("text", _ASKED)
def test_every_question_put_holds_a_mark(text: str) -> None:
    # the substring test lets through every text either pattern finds a question in
    assert ASKED_EN_RX.search(text) or ASKED_JA_RX.search(text)
    assert any(mark in text for mark in QUESTION_MARKS)
    assert question_spans(text), text


def test_question_worded_reply_reaches_both_readings() -> None:
    text = "In response to a question about the rail levy, she said she opposed it."
    ((start, end),) = question_spans(text)
    assert text[start:end].startswith("In response to a question about the rail levy")
    assert question_put.question_put("h\n" + text[:end] + ", she said ").startswith("the rail levy")
    # a question the speaker raises herself is no question put
    assert question_spans("She questioned the levy's fairness, and said it should go.") == ()
