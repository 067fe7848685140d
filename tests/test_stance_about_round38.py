"""/stance --about in the same language (issue 11, thirty-eighth round): a Sino-Japanese noun of the user's said in
the statement by the one-kanji verb it is made of (戦闘停止 asked, 「我々も止める」 said), found only after a
particle so that the compound verbs ending in it (受け止める, 食い止める) are not. On sentences and an article of our
own, with counter-examples."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import (
    TargetWord,
    _one_kanji_verbs,
    indexed_forms,
    match_spans,
    parse_target,
    sudachi_text,
    sudachi_tokenizer,
)
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import _name_only, _sentence_end, stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _word(text: str) -> TargetWord:
    m = next(iter(sudachi_tokenizer().tokenize(sudachi_text(text))))
    return TargetWord(text, [text], [], groups=tuple(m.synonym_group_ids()))


def test_a_sino_japanese_noun_gives_its_one_kanji_verbs_after_a_particle() -> None:
    assert {"を止め", "も止め", "が止ま"} <= set(_one_kanji_verbs(_word("停止")))
    assert {"を変え", "が変わ"} <= set(_one_kanji_verbs(_word("変更")))
    # counter-examples: a one-kanji verb of the user's has no shorter verb to give; a verb never bare
    assert _one_kanji_verbs(_word("止める")) == []
    assert not any(
        f in ("止め", "止ま", "変え") for f in _one_kanji_verbs(_word("停止")) + _one_kanji_verbs(_word("変更"))
    )


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("「インドがここで止まるなら、我々も止めることを考える」と語った。", True),
        ("「戦闘を止めるべきだ」と述べた。", True),
        ("「戦闘の停止を求める」と述べた。", True),
        # counter-examples: the compound verbs ending in 止める (take in, hold back), and 止 inside another word
        ("「結果を重く受け止める」と述べた。", False),
        ("「被害の拡大を食い止める」と述べた。", False),
        ("「歯止めがかからない」と述べた。", False),
    ],
)
def test_the_verb_is_found_after_a_particle_only(text: str, named: bool) -> None:
    target = parse_target("インドとの戦闘停止", ActorIndex([]), {})
    from bot.extract.about import add_related

    add_related(target)
    heads = [k for k, w in enumerate(target.words) if w.form == "停止"]
    assert heads
    assert (heads[0] in match_spans(target, text)) is named


ARTICLE = """\
---
title: 隣国との衝突続く
published: 2025-05-10
---
国連は8日、両国に戦闘停止を呼びかけた。
両国の軍は9日も国境付近で砲撃を交わした。
市場では通貨が下落し、株価も大きく値を下げた。
山川一郎外相は「相手がここで止まるなら、我々も止めることを考える」と語った。
"""


async def test_a_statement_naming_the_verb_answers_the_noun(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="halt.md")).status == "added"
    report = await stance_about(store, "山川一郎", "隣国との戦闘停止")
    assert [s.position for s in report.statements if "止める" in s.text] == ["conditional"]


def test_the_verb_after_its_particle_is_no_query_of_the_index() -> None:
    w = _word("停止")
    w.forms = sorted([*w.forms, *_one_kanji_verbs(w)], key=len, reverse=True)
    assert "を止め" in w.forms
    assert "停止" in indexed_forms(w)
    assert not any(f.startswith(("を", "が", "も", "は")) for f in indexed_forms(w))


# one statement per clause and target, never a fragment (issue 11, part 4)


@pytest.mark.parametrize(
    ("text", "at", "end"),
    [
        ("山川氏が財務相を解任し、連立は崩れた。次の文。", 5, "連立は崩れた。"),
        ('"We will act," President Smith said on Tuesday, adding more. Next one.', 10, "adding more."),
        ("見出しの行\n次の行", 2, "見出しの行"),
    ],
)
def test_a_sentence_ends_at_its_full_stop_or_its_line(text: str, at: int, end: str) -> None:
    assert text[: _sentence_end(text, at)].endswith(end)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("「ドイツのための選択肢」", True),
        ("「ひょうご県民連合」", True),
        ("「Chat(チャット)GPT」", True),
        # counter-examples: a remark, however short or whatever it ends in
        ("「現時点では白紙」", False),
        ("「全面的に協力する」", False),
        ("「これは戦争行為だ」", False),
        ("「断固として反対だ。」", False),
    ],
)
def test_a_name_in_brackets_is_no_remark(text: str, name: bool) -> None:
    assert _name_only(text) is name


CUT = """\
---
title: 北西党が連立離脱
published: 2025-06-10
---
北西党の山川一郎代表は9日、連立離脱を表明し、与党は過半数を失った。
"""


async def test_a_clause_cut_at_its_comma_is_shown_to_its_sentence_end(store: Store) -> None:
    assert (await ingest_text(store, CUT, name="cut.md")).status == "added"
    report = await stance_about(store, "山川一郎", "連立離脱")
    texts = [s.text for s in report.statements]
    assert any(t.endswith("与党は過半数を失った。") for t in texts), texts
    assert not any(t.endswith("、") for t in texts)
