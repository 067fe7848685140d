"""quote_gist's pure parts, one behaviour per test (their mutation run's survivors: `python -m mutation run
services.quote_gist`): the share and its count, the words said another way, the shortest of equal segments, the
negation count, the sentences of a quotation that are read, the window a question is read in, and `pick`'s
bounds. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.services import quote_gist as g


def test_a_share_counts_only_the_words_found_and_an_empty_quote_holds_nothing() -> None:
    words = g.weigh(["工場", "建設", "延期"], {}, 100)
    share, found = g.share(words, {"工場", "建設"})
    assert share == pytest.approx(2 / 3)
    assert found == 2
    assert g.share([], {"工場"}) == (0.0, 0)


def test_a_word_is_found_through_its_synonym_and_its_neighbour() -> None:
    resign, regret = g.weigh(["辞任", "残念"], {}, 100)
    assert resign.credit({"退任"}) == g.SYNONYM_CREDIT  # SudachiDict: 辞任 = 退任
    assert regret.credit({"心残り"}) == g.NEIGHBOUR_CREDIT  # chiVe: 残念 ~ 心残り
    assert resign.credit({"心残り"}) == 0.0


def test_gist_words_leave_out_both_grammar_and_stop_words() -> None:
    words = g.gist_words("工場の建設をすることにした")
    assert "工場" in words and "建設" in words
    assert "為る" not in words and "こと" not in words


def test_of_equal_segments_the_shortest_is_the_one_that_says_it() -> None:
    words = g.weigh(["工場", "建設"], {}, 100)
    text = "社長は「工場を建設する」と述べた。"
    share, segment = g.best_segment(words, text)
    assert share == pytest.approx(1.0)
    assert segment == "工場を建設する"  # the quotation, not the sentence around it
    assert g.best_segment(words, "") == (0.0, "")


def test_three_negations_say_no() -> None:
    said = "組合は「工場を閉じないとは言えないが、移転はしない」と述べた。"
    part = "工場を閉じないとは言えないが、移転はしない"
    assert g.denies_or_asks("工場を閉じて移転する", said, part)
    assert not g.denies_or_asks("工場を閉じないとは言えないが、移転はしない", said, part)


def test_a_negation_outside_the_quotation_is_not_the_quotations() -> None:
    said = "頭取は「信頼を取り戻すことで経営責任を果たしていきたい」と語り、辞任は否定した。"
    part = "信頼を取り戻すことで経営責任を果たしていきたい"
    assert not g.denies_or_asks("信頼を回復して経営の責任を果たしたい", said, part)
    narrated = "頭取は信頼を取り戻すことで経営責任を果たすとは言わなかった。"
    assert g.denies_or_asks("信頼を回復して経営の責任を果たしたい", narrated, narrated)


def test_a_quotations_sentence_with_few_of_the_words_is_not_read_for_a_negation() -> None:
    said = "社長は「新工場の建設を来年春に九州で始める。採算は見通せない」と述べた。"
    part = "新工場の建設を来年春に九州で始める。採算は見通せない"
    assert not g.denies_or_asks("来年の春に九州で新工場の建設を始める", said, part)
    # …but a sentence that holds as many of the words as the other is read
    both = "社長は「新工場の建設を始める。九州での建設は来年春ではない」と述べた。"
    both_part = "新工場の建設を始める。九州での建設は来年春ではない"
    assert g.denies_or_asks("来年の春に九州で新工場の建設を始める", both, both_part)


def test_a_long_question_put_to_the_speaker_is_read_to_its_closing_mark() -> None:
    question = "経営陣が総退陣して責任の所在を明確にするべきだとの声もあるのか"
    text = f"記者から「{question}」と問われ、社長は答えなかった。"
    assert g.denies_or_asks("経営陣が総退陣して責任の所在を明確にする", text, question)
    plain = f"社長は「{question[:-2]}」と述べた。"
    assert not g.denies_or_asks("経営陣が総退陣して責任の所在を明確にする", plain, question[:-2])


def _words(quote: str) -> list[g.GistWord]:
    return g.weigh(g.gist_words(quote), {}, 100)


def test_pick_takes_the_leading_passage_and_its_index() -> None:
    quote = "新工場の建設を来年春に九州で始める"
    said = "社長は「新工場の建設を来年春に九州で始める」と述べた。"
    other = "九州の天気は晴れ。"
    ranked = [(1.0, 5, said), (0.2, 1, other)]
    assert g.pick(quote, _words(quote), ranked) == (0, "新工場の建設を来年春に九州で始める", 1.0)
    assert g.pick(quote, _words(quote), []) is None
    # a lone candidate leads; one found word too few does not
    assert g.pick(quote, _words(quote), [(1.0, 5, said)]) is not None
    assert g.pick(quote, _words(quote), [(1.0, g.GIST_WORDS - 1, said)]) is None
    # a lead exactly GIST_LEAD times the next is enough
    assert g.pick(quote, _words(quote), [(0.91, 5, said), (0.7, 5, other)]) is not None


def test_pick_by_quotation_needs_words_found_and_a_clear_lead() -> None:
    quote = "長年支えてくれた取引先に大きな迷惑をかけ、本当に悔しい"
    said = "山田太郎社長は「長年支えてくださった取引先の皆様に多大なご迷惑をおかけし、痛恨の極みだ」と語った。"
    narration = "東邦電機は21日、長年支えてくれた取引先に迷惑をかけたとして、役員報酬を減額すると発表した。"
    words = _words(quote)
    tied = [(0.7, 6, narration), (0.7, 6, said)]
    picked = g.pick(quote, words, tied)
    assert picked is not None and picked[0] == 1 and picked[2] == 0.7
    assert g.pick(quote, words, [(0.7, 6, narration), (0.7, g.GIST_WORDS - 1, said)]) is None
    assert g.pick(quote, words, [(0.7, 6, narration), (0.7, 6, narration)]) is None  # no quotation at all
    denied = "山田太郎社長は「長年支えてくださった取引先の皆様に多大なご迷惑をおかけしたとは思わない」と語った。"
    assert g.pick(quote, words, [(0.7, 6, narration), (0.7, 6, denied)]) is None


def test_saying_takes_a_quotation_at_its_bound_and_a_passage_at_its_own() -> None:
    words = g.weigh(["工場", "建設", "延期", "九州"], {}, 100)
    said = "社長は「工場の建設を延期する」と述べ、九州の話はしなかった。"
    assert g.saying("九州の工場の建設を延期する", words, said, 0.75) == "工場の建設を延期する"
    half = "社長は「工場の建設について」と述べた。延期と九州の話はなかった。"
    assert g.saying("九州の工場の建設を延期する", words, half, 0.5) == "工場の建設について"  # 0.5: QUOTED_MIN
    narrated = "同社は九州の工場の建設を延期する。"
    assert g.saying("九州の工場の建設を延期する", words, narrated, g.GIST_MIN) is not None
    assert g.saying("九州の工場の建設を延期する", words, narrated, g.GIST_MIN - 0.01) is None


def test_pick_bounds_without_a_quotation_to_fall_back_on() -> None:
    """A narrated passage has no quotation to be picked by: only the passage's own lead can pick it."""
    quote = "九州の工場の建設を延期する"
    words = g.weigh(["工場", "建設", "延期", "九州"], {}, 100)
    narrated = "同社は九州の工場の建設を延期する。"
    other = "九州の天気は晴れ。"
    assert g.pick(quote, words, [(0.9, 4, narrated)]) is not None  # alone: no rival
    assert g.pick(quote, words, [(0.9, 4, narrated), (0.2, 4, other)]) is not None  # the rival's share, not its count
    assert g.pick(quote, words, [(0.9, g.GIST_WORDS, narrated)]) is not None  # exactly GIST_WORDS found


def test_pick_by_quotation_at_its_bounds() -> None:
    quote = "九州の工場の建設を延期する"
    words = g.weigh(["工場", "建設", "延期", "九州"], {}, 100)
    half = "社長は「工場の建設について」と述べた。延期の話はなかった。"  # the quotation holds 2 of 4: QUOTED_MIN
    narrated = "九州で工場の建設を延期。"
    picked = g.pick(quote, words, [(0.75, g.GIST_WORDS, narrated), (0.75, g.GIST_WORDS, half)])
    assert picked is not None and picked[1] == "工場の建設について"


def test_a_narrated_segment_is_read_in_its_own_sentence() -> None:
    text = "同社は工場の建設を延期する。反対意見はなかった。"
    assert not g.denies_or_asks("工場の建設を延期する", text, "同社は工場の建設を延期する。")


def test_a_quotations_sentence_holding_one_word_of_many_is_not_read() -> None:
    said = "社長は「新工場の建設を来年春に九州で始める。九州の採算は見通せない」と述べた。"
    part = "新工場の建設を来年春に九州で始める。九州の採算は見通せない"
    assert not g.denies_or_asks("来年の春に九州で新工場の建設を始める", said, part)


def test_pick_with_no_word_found_and_with_a_rival_holding_none() -> None:
    quote = "長年支えてくれた取引先に大きな迷惑をかけ、本当に悔しい"
    words = _words(quote)
    said = "山田太郎社長は「長年支えてくださった取引先の皆様に多大なご迷惑をおかけし、痛恨の極みだ」と語った。"
    other = "九州の天気は晴れ。"
    assert g.pick(quote, words, [(0.0, 0, other)]) is None
    # the passage does not lead the next by its share, but the next holds none of the words: no rival quotation
    picked = g.pick(quote, words, [(0.6, 6, said), (0.5, 0, other)])
    assert picked is not None and picked[0] == 0


def test_saying_falls_back_on_the_sentence_that_holds_most_not_on_a_quotation_that_holds_less() -> None:
    words = g.weigh(["工場", "建設", "延期", "九州"], {}, 100)
    text = "同社は九州の工場の建設を延期する。広報担当者は「黙秘します」と述べた。"
    assert g.saying("九州の工場の建設を延期する", words, text, 0.9) == "同社は九州の工場の建設を延期する。"
