"""Extraction cases mutation testing found untested (`python -m mutation survivors extract`, branch mut29, seed 28).

Each test states a behaviour of the extraction on a small input of its own: English quote marks pair in order (the
second pair is a quote of its own, not the words between two quotes); a noun gloss in -on has its adjective
(nation → national); a bare four-digit year from 1900 to 2100 is no quantity, 1899 is; a Korean reading of 南 is Nam,
never Am (ㄴ drops only before i and y); a tie stored under a provisional person id the caller did not map keeps that
id; a summary with no clause boundary is cut at the last word that fits, not the second; a verb that ends the text
describes no noun after it; two reports that name one registry person and state one figure are bridged; a one-kana
given name (え子さん) the text writes elsewhere is read with its kana; 「政府は」 in a report not datelined abroad is
Japan's government; a word that only opens with an actor's name (Trumpism) is not that actor; a year a state runs
from (「2020年から続く」) dates no event; 同社 (the company) never refers to a state the item named; a context is read
into its document once per registry; "Leo" alone after Pope Leo XIV and Leo Varadkar is Varadkar; the passages under a
dated heading are read after it; a sentence has a subject of its own only within its bounds; a body named in
brackets after a noun ending in 一 is the subject.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib

from bot.actors import ActorEntry, ActorIndex
from bot.extract.about import parse_target
from bot.extract.actions import _predicates
from bot.extract.attribution_en import _show
from bot.extract.attribution_ja import _document, _kana_given_name
from bot.extract.bridge import ScriptBridge
from bot.extract.cjk_names import _korean
from bot.extract.claim_records import load_ties
from bot.extract.dates import find_dates
from bot.extract.event_words import _derivations, number_terms
from bot.extract.events import extract_events, trim_summary
from bot.extract.quotemarks import english_quote_spans
from bot.extract.segments import is_event_date
from bot.extract.stance import _own_subject
from bot.models import ParsedPassage
from tests.stance_clauses import clause_texts


def test_english_quote_marks_pair_in_order() -> None:
    text = 'He said "no" and then "yes" twice'
    assert english_quote_spans(text) == [(8, 12), (22, 27)]
    assert [text[a:b] for a, b in english_quote_spans(text)] == ['"no"', '"yes"']
    assert english_quote_spans('a "lone mark') == []


def test_a_noun_gloss_in_on_has_its_adjective() -> None:
    assert "national" in _derivations("nation")
    assert "regional" in _derivations("region")
    assert _derivations("development") == {"develop"}


def test_a_bare_year_is_no_quantity_from_1900_to_2100() -> None:
    assert number_terms("The port opened in 1900 and was rebuilt") == set()
    assert number_terms("a plan for 2100 was shelved") == set()
    assert number_terms("1899 people were evacuated") == {"#1899"}
    assert number_terms("1,900 people were evacuated") == {"#1900"}  # a count written with its comma


def test_the_korean_reading_drops_n_only_before_i_and_y() -> None:
    assert _korean("南") == {"nam"}  # 남: Nam, never "am"
    assert {"yeo", "nyeo"} <= _korean("女")  # 녀: Yeo at a name's start


def test_a_tie_under_an_unmapped_provisional_id_keeps_that_id() -> None:
    data = zlib.compress(json.dumps({"ties": {"-3": ["首相"], "5": ["外相"]}}).encode())
    assert load_ties(data, {}) == {-3: ("首相",), 5: ("外相",)}
    assert load_ties(data, {-3: 9}) == {9: ("首相",), 5: ("外相",)}


def test_a_summary_without_a_clause_boundary_is_cut_at_the_last_word_that_fits() -> None:
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma"
    assert trim_summary(text, 40) == "alpha beta gamma delta epsilon zeta eta…"


def test_a_verb_that_ends_the_text_describes_no_noun() -> None:
    assert _predicates("地震が起きる") == [("起きる", False, False)]


def test_one_registry_person_and_one_figure_bridge_two_reports() -> None:
    ja = (frozenset({"#60%"}), frozenset({7}), frozenset())
    en = (frozenset({"#60%"}), frozenset({7}), frozenset())
    assert ScriptBridge().bridged_latin(ja, en)
    assert not ScriptBridge().bridged_latin(ja, (en[0], frozenset({8}), en[2]))


def test_a_one_kana_given_name_the_text_writes_elsewhere() -> None:
    text = "花束をもらったえ子さんは"
    at = text.index("子")
    assert _kana_given_name(text, text, (at, "子"), 0, {"え子"}) == (at - 1, "え子")
    assert _kana_given_name(text, text, (at, "子"), 0, {"たえ子"}) == (at - 2, "たえ子")
    assert _kana_given_name(text, text, (at, "子"), 0, set()) == (at, "子")


def test_the_government_of_a_report_not_datelined_abroad_is_japans(actors: ActorIndex) -> None:
    clauses = clause_texts(actors, "政府は消費税の増税に反対する考えを示した。")
    japan = actors.resolve("日本政府")
    assert japan is not None
    assert clauses.get(japan.id) == ["政府は消費税の増税に反対する考えを示した。"]


def test_a_word_that_only_opens_with_an_actors_name_is_not_the_actor(actors: ActorIndex) -> None:
    assert [(w.form, w.actor) for w in parse_target("Trumpism", actors, {}).words] == [("trumpism", False)]
    first = parse_target("Trump tariffs", actors, {}).words[0]
    assert (first.form, first.actor) == ("trump", True)


def test_a_year_a_state_runs_from_dates_no_event() -> None:
    for text, event in (("2020年から続く取引が止まった。", False), ("2020年、取引が止まった。", True)):
        (m,) = find_dates(text, dt.date(2024, 5, 1))
        assert m.precision == "year"
        assert is_event_date(m, text, [], 0) is event


def test_a_company_anaphor_never_refers_to_a_state(actors: ActorIndex) -> None:
    us = actors.resolve("米国")
    assert us is not None and us.kind == "state"
    texts = ("経済産業省は報告を求めた。米国は支援を決めた。同社は生産の再開に反対する考えを示した。",)
    assert clause_texts(actors, *texts) == {us.id: ["米国は支援を決めた。"]}


def test_a_contexts_document_is_read_once_per_registry(actors: ActorIndex) -> None:
    # the speakers of every quote of an item read one document of its context, not one each (`_document_266`,
    # which stored nothing, read the context again for every quote: the seed-28 run never got past it)
    context = "山田太郎首相は「賛成だ」と述べた。"
    assert _document(context, actors) is _document(context, actors)
    assert _document(context, ActorIndex([])) is not _document(context, actors)


def test_a_first_name_alone_is_the_person_it_is_the_first_name_of() -> None:
    actors = ActorIndex(
        [
            ActorEntry(1, "Pope Leo XIV", None, "person", [], None),
            ActorEntry(2, "Leo Varadkar", None, "person", [], None),
        ]
    )
    assert _show("Leo", actors, ["Pope Leo XIV", "Leo Varadkar"]) == "Leo Varadkar"
    assert _show("Leo", actors, ["Pope Leo XIV"]) == "Pope Leo XIV"


def test_the_items_under_a_dated_heading_are_read_after_it() -> None:
    heading = "新しい港の開業式典を開催"
    passages = [
        ParsedPassage(heading, date="2024-05-01", kind="heading"),
        ParsedPassage("市は3日、港の拡張計画を発表した。", date="2024-05-01", heading=heading),
    ]
    events, dates = extract_events(passages, ActorIndex([]), "2024-05-01")
    assert [(e.date, e.summary) for e in events] == [
        ("2024-05-01", heading),
        ("2024-04-03", "市は3日、港の拡張計画を発表した。"),
    ]
    assert dates == ["2024-05-01", "2024-04-03"]


def test_a_sentences_own_subject_is_looked_for_in_that_sentence_only() -> None:
    text = "対応を急ぐ考えを示した。県は支援を決めた。"
    end = text.index("。") + 1
    assert not _own_subject(text, 0, end)  # the next sentence's 県は is not this one's
    assert _own_subject(text, end, len(text))


def test_a_bodys_name_in_brackets_after_any_kanji_noun_is_the_subject() -> None:
    # the kanji range starts at 一 itself (U+4E00): 「野党第一「国民の力」は」 as 「与党「国民の力」は」
    party = ActorIndex([ActorEntry(1, "国民の力", None, "org", [], None)])
    for noun in ("与党", "野党第一"):
        text = f"韓国の{noun}「国民の力」は増税に反対する考えを示した。"
        assert clause_texts(party, text) == {1: ["国民の力」は増税に反対する考えを示した。"]}
