"""analyze(), nouns() and proper_noun_readings() give what the plain per-token definition gives: the POS
tuple of every token read from the tokenizer (the fast path reads a class per POS id, made once, and
nouns()/proper_noun_readings() may answer from what analyze() remembered of the same text)."""

from __future__ import annotations

from pathlib import Path

from bot import text as T
from bot.ingest.parse import parse_document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def reference(text: str) -> tuple[list[str], list[bool], list[str], list[str]]:
    """(forms, content, nouns, proper-noun readings) token by token, from each token's POS tuple."""
    forms: list[str] = []
    content: list[bool] = []
    nouns: list[str] = []
    readings: list[str] = []
    s = T.sudachi_text(text)
    for chunk_start in range(0, len(s), T._CHUNK):
        for m in T.sudachi_tokenizer().tokenize(s[chunk_start : chunk_start + T._CHUNK]):
            pos = m.part_of_speech()
            if chunk_start == 0 and pos[1] == "固有名詞":
                readings.append(m.reading_form())
            if pos[0] in ("補助記号", "空白"):
                continue
            form = T._form(m)
            if not form:
                continue
            forms.append(form)
            content.append(pos[0] not in ("助詞", "助動詞"))
            if chunk_start == 0 and len(form) > 1 and pos[0] == "名詞" and pos[1] != "数詞" and pos[2] != "助数詞可能":
                nouns.append(form)
    return forms, content, nouns, readings


def texts() -> list[str]:
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        out += [p.text for p in parse_document(f.read_text(encoding="utf-8"), name=f.name).passages]
    sentence = "ロシアのプーチン大統領はウクライナとの停戦交渉について東京で語った。"
    out.append(sentence * (T._CHUNK // len(sentence) + 5))  # longer than one tokenizer call
    out += ["NATOのルッテ事務総長は2日、ブリュッセルで会見した。", "Trump met Zelensky in Washington.", "", "。、"]
    return out


def test_analyze_nouns_and_readings_match_the_per_token_definition() -> None:
    all_texts = texts()
    assert any(reference(t)[3] for t in all_texts)  # proper nouns are there to read
    for t in all_texts:
        forms, content, nouns, readings = reference(t)
        T._noun_memo.clear()
        assert (T.nouns(t), T.proper_noun_readings(t)) == (nouns, readings), t[:40]  # tokenized for them
        T._noun_memo.clear()
        a = T.analyze(t)
        assert (a.forms, a.content, a.nouns) == (forms, content, nouns), t[:40]
        assert (T.nouns(t), T.proper_noun_readings(t)) == (nouns, readings), t[:40]  # as analyze() left them
