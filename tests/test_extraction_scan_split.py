"""The twenty-second round's cuts of extraction CPU answer as the plain way did: the position patterns found by
script (`Alternation`) as one alternation finds them, the Latin cue words grouped by first letter as one list of
them matches, a surname's full names found without a regex per surname, normalize() from a text's NFKC already
made, and a document's stored readings taking the cues its statements scanned (`ClauseReadings.scanned`)."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from bot.actors import ActorIndex
from bot.extract import stance
from bot.extract.alternation import Alternation
from bot.extract.attribution import _full_names
from bot.extract.roles import vocabulary
from bot.extract.text_readings import readings_of
from bot.ingest.parse import parse_document
from bot.text import normalize, normalize_lowered

STORIES = Path(__file__).resolve().parent.parent / "eval" / "stories"
CORPORA = ("boeing2024", "ohtani2024", "uselection2024", "noto2024", "bojaug2024")


def _texts() -> list[str]:
    out: list[str] = []
    for corpus in CORPORA:
        for path in sorted((STORIES / corpus).glob("*.txt")):
            out += [p.text for p in parse_document(path.read_text(encoding="utf-8"), name=path.name).passages]
    rnd = random.Random(22)  # and pieces of them: clause texts start and end anywhere
    out += [t[a : rnd.randrange(a, len(t) + 1)] for t in out[:400] if t for a in [rnd.randrange(len(t))]]
    return out


TEXTS = _texts()


def _whole(alt: Alternation, text: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), int(m.lastgroup[1:])) for m in alt.whole.finditer(text)]  # type: ignore[index]


def test_the_position_patterns_by_script_find_what_the_whole_alternation_finds() -> None:
    for scanner in (stance._POS_SCAN, stance._TOPICS_SCAN):
        alt = scanner.patterns
        assert alt is not None and alt.parts
        for text in TEXTS:
            probe = stance._probe(text)
            assert alt.finditer(probe) == _whole(alt, probe), probe
    # English opening on a word's start, the other English ("n't hesitate"), kana-led, the rest
    assert len(stance._POS_SCAN.patterns.parts) == 4  # type: ignore[union-attr]
    assert sum(bool(stance._POS_SCAN.patterns.finditer(stance._probe(t))) for t in TEXTS) > 50  # type: ignore[union-attr]


@pytest.mark.parametrize("seed", range(4))
def test_alternation_of_overlapping_patterns_across_scripts(seed: int) -> None:
    """Ties at one start (the first in order wins), overlaps across parts (the later one is searched again from
    the earlier one's end), lookbehinds before the search's start, case-blind English."""
    patterns = [
        "あい",
        "(?i:(?<![A-Za-z])ab)",
        "いう?",
        "(?<=あ)い",
        "(?i:(?<![A-Za-z])a[bc]+)",
        "(?i:(?<![A-Za-z])(?:ba|c)あ)",
        "上[あい]",
        "(?<![A-Za-z])b",
        "[うえ]上",
        "上い",  # the same start as the kana-led part's next one: this one first
        "[上あ]い",
        "[え上]う",  # …and the kana-led one first
        "上う?",
    ]
    alt = Alternation(patterns)
    assert len(alt.parts) == 3
    rnd = random.Random(seed)
    for _ in range(3000):
        text = "".join(rnd.choice("aAbBcあいう上え ") for _ in range(rnd.randrange(1, 14)))
        assert alt.finditer(text) == _whole(alt, text), text


def test_an_alternation_that_can_match_nothing_is_one_regex() -> None:
    alt = Alternation(["a*", "い"])
    assert alt.parts == [] and alt.finditer("xaい") == _whole(alt, "xaい")


def test_latin_cue_words_grouped_by_first_letter_match_as_one_list_of_them() -> None:
    scanner = stance._POS_SCAN
    words = "|".join(stance._spelled(w) for w in sorted(scanner.word, key=len, reverse=True))
    plain = re.compile(rf"(?<![A-Za-z])(?P<w>{words})(?:{stance._EN_INFLECTION})?(?![A-Za-z])", re.IGNORECASE)
    english = [t for t in TEXTS if stance._LATIN_WORD_RX.search(t)]
    assert len(english) > 200
    found = 0
    for text in english:
        want = [(m.start(), m.end(), m.group("w")) for m in plain.finditer(text)]
        assert [(m.start(), m.end(), m.group("w")) for m in scanner.word_rx.finditer(text)] == want  # type: ignore[union-attr]
        found += len(want)
    assert found > 100


def test_full_names_found_as_the_regex_of_the_surname_finds_them() -> None:
    titles = "|".join(map(re.escape, vocabulary().ja_titles))
    contexts = [*TEXTS, "松本人志さん、松本人志氏", "小松本人志さん", "松本松本太郎さん", "松本太郎会長と松本次郎氏"]
    for surname in ("松本", "岸田", "石破", "植田", "大谷", "田中", "松本人"):
        rx = re.compile(rf"(?<![一-龥々])({re.escape(surname)}[一-龥々]{{1,3}}?)(?:さん|氏|{titles})")
        for ctx in contexts:
            assert _full_names(surname, ctx) == [m.group(1) for m in rx.finditer(ctx)]
    assert _full_names("松本", "松本人志さん、小松本太郎さん、松本次郎氏") == ["松本人志", "松本次郎"]


def test_normalize_from_the_nfkc_already_made() -> None:
    for text in [*TEXTS, "ｶﾞ\nﾞ", "e\n\u0301x", "Ⅻ\r\nＡＢＣ"]:
        assert normalize_lowered(unicodedata.normalize("NFKC", text).lower()) == normalize(text)


def test_readings_take_the_cues_the_statements_scanned(actors: ActorIndex) -> None:
    from bot.extract.clause_readings import ClauseReadings
    from bot.extract.events import extract_events

    compared = 0
    for corpus in ("noto2024", "uselection2024"):
        for path in sorted((STORIES / corpus).glob("*.txt"))[:6]:
            parsed = parse_document(path.read_text(encoding="utf-8"), name=path.name)
            passages = parsed.passages
            mentions = [actors.mentions(p.text) for p in passages]
            _, dates = extract_events(passages, actors, parsed.published, {})
            readings = ClauseReadings()
            stance.extract_statements(passages, actors, dates, mentions, readings)
            claims = stance.extract_claims(passages, actors, readings)
            title = parsed.title or ""
            assert readings_of(claims, passages, title, readings.scanned) == readings_of(claims, passages, title)
            compared += bool(readings.scanned)
    assert compared >= 4
