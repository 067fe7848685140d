"""Statements: topic cues, position scoping, negation, conditions, attribution, and the seed articles."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from bot.actors import ActorIndex
from bot.extract.stance import classify, extract_statements, load_positions, topics_of
from bot.ingest.parse import parse_document
from bot.models import POSITIONS, TOPICS, ParsedPassage
from bot.rows import StatementRow
from bot.topics import TOPIC_LABELS, load_topics

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(actors: ActorIndex, *texts: str | ParsedPassage) -> list[tuple[str, str, str, str, str]]:
    """(actor, topic, position, kind, text) for passages given as text or ParsedPassage."""
    passages = [t if isinstance(t, ParsedPassage) else ParsedPassage(text=t) for t in texts]
    rows = extract_statements(passages, actors, [p.date for p in passages])
    return [(actors.actors[r.actor_id].name, r.topic, r.position, r.kind, r.text) for r in rows]


def find(rows: list[tuple[str, str, str, str, str]], actor: str, topic: str) -> list[tuple[str, str, str, str, str]]:
    return [r for r in rows if r[0] == actor and r[1] == topic]


# --- data -------------------------------------------------------------------------------------------------------


def test_topics_file_has_exactly_the_taxonomy() -> None:
    data = json.loads(resources.files("bot.data").joinpath("topics.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in data["topics"]] == list(TOPICS)
    for t in data["topics"]:
        assert t["label_ja"] and t["label_en"] and t["cues"]
    assert [t["id"] for t in load_topics()] == list(TOPICS)
    assert set(TOPIC_LABELS) == set(TOPICS)
    assert TOPIC_LABELS["ceasefire"] == ("停戦", "Ceasefire")


def test_position_lists_load() -> None:
    pos = load_positions()
    for key in ("attitude_support", "attitude_oppose", "action_support", "action_oppose", "conditional"):
        assert pos[key]


# --- topics -------------------------------------------------------------------------------------------------------


def test_topics_of() -> None:
    assert topics_of("停戦案と鉱物資源の協定") == ["ceasefire", "minerals"]
    assert topics_of("ウクライナでの停戦監視軍") == ["peacekeeping"]  # the longer cue wins
    assert topics_of("防衛支出の GDP 比率を 3%に") == ["defense_spending"]  # a space between scripts
    assert topics_of("ＮＡＴＯ加盟") == ["nato"]  # full width
    assert topics_of("The ceasefires and new sanctions") == ["ceasefire", "sanctions"]
    assert topics_of("今日は晴れ") == []


def test_weak_cue_needs_its_topic_nearby() -> None:
    assert topics_of("取引に応じる") == []
    assert topics_of("鉱物資源の取引に応じる") == ["minerals"]
    assert "security_guarantees" not in topics_of("国家安全保障担当大統領補佐官が来日")


# --- positions -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ウクライナへの軍事支援を一時停止するよう指示した", [("military_aid", "oppose")]),
        ("軍事支援を再開する", [("military_aid", "support")]),
        ("停戦案を受け入れると表明した", [("ceasefire", "support")]),
        ("NATO加盟を強く求めた", [("nato", "support")]),
        ("防衛費を引き上げる必要がある", [("defense_spending", "support")]),
        ("軍備を拡張しなくてはならない", [("defense_spending", "support")]),  # obligation, not a negation
        ("短期の停戦には否定的な見解を示した", [("ceasefire", "oppose")]),
    ],
)
def test_support_and_oppose(text: str, expected: list[tuple[str, str]]) -> None:
    assert classify(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "停戦案は受け入れられない",
        "停戦案は受け入れ不可能だ",
        "NATO加盟は認めない",
        "平和維持部隊には参加しない",
        "軍事支援を継続せず",
        "領土の譲歩はしないと明言した",
        "停戦に応じることはできない",
    ],
)
def test_negation_flips(text: str) -> None:
    assert [p for _, p in classify(text)] == ["oppose"]


def test_negated_stop_and_welcomed_stop() -> None:
    assert classify("軍事支援を停止しない") == [("military_aid", "support")]
    assert classify("米国の支援停止を歓迎した") == [("military_aid", "oppose")]  # welcoming a halt is against aid
    assert classify("軍事支援の一時停止を懸念している") == [("military_aid", "support")]


@pytest.mark.parametrize(
    "text",
    [
        "取引に応じなければ、鉱物資源をめぐる支援を打ち切る",
        "ロシアが占領地から撤退しない限り、停戦には応じられない",
        "ロシアの同意を条件に、停戦を受け入れる",
        "ウクライナが準備を整えれば、軍事支援を再開する",
        "If Russia agrees, the ceasefire can start",
    ],
)
def test_conditional(text: str) -> None:
    positions = {p for _, p in classify(text)}
    assert positions == {"conditional"}


def test_neutral_without_cue() -> None:
    assert classify("停戦について記者団の質問に答えた") == [("ceasefire", "neutral")]
    assert classify("和平交渉が行われた") == [("peace_talks", "neutral")]
    assert classify("領土の譲歩に関する議論は無かった") == [("territory", "neutral")]  # a noun, no stance
    assert classify("関係者の証言によれば停戦の可能性がある") == [("ceasefire", "neutral")]  # によれば: no condition


def test_topic_itself_rejected() -> None:
    assert dict(classify("目標は短期的な停戦ではなく長期的な和平であるべきだ")) == {
        "ceasefire": "oppose",
        "peace_talks": "support",
    }


def test_english_cues() -> None:
    assert classify("Trump said he will not support a new ceasefire") == [("ceasefire", "oppose")]
    assert classify("Zelensky called for more military aid") == [("military_aid", "support")]


# --- attribution and scope ----------------------------------------------------------------------------------------


def test_cues_of_an_embedded_subject_are_not_the_speakers(actors: ActorIndex) -> None:
    rows = run(actors, "ペスコフ報道官は、米国とウクライナが合意した停戦案について「意味がない」と述べ、否定的な考えを示した。")
    assert [(r[0], r[1], r[2]) for r in rows] == [("ペスコフ", "ceasefire", "oppose")]


def test_each_actor_gets_its_own_clause(actors: ActorIndex) -> None:
    rows = run(actors, "ルビオ氏は停戦案を歓迎したが、ラブロフ外相は停戦案を拒否した。")
    assert find(rows, "ルビオ", "ceasefire")[0][2] == "support"
    assert find(rows, "ラブロフ", "ceasefire")[0][2] == "oppose"
    assert "拒否" not in find(rows, "ルビオ", "ceasefire")[0][4]


def test_position_read_in_the_part_that_names_the_topic(actors: ActorIndex) -> None:
    rows = run(actors, "メローニ首相は、米国との協力を継続する考えを示し、領土での妥協はしないと述べた。")
    assert [(r[1], r[2]) for r in rows] == [("territory", "oppose")]


def test_several_topics_in_one_clause(actors: ActorIndex) -> None:
    rows = run(actors, "スターマー首相は、ウクライナへの軍事支援を続け、平和維持部隊の派遣も検討すると述べた。")
    assert {(r[1], r[2]) for r in rows} == {("military_aid", "support"), ("peacekeeping", "support")}


def test_clause_without_topic_is_skipped(actors: ActorIndex) -> None:
    assert run(actors, "マクロン大統領は記者団の質問に答えた。") == []


def test_label_quote(actors: ActorIndex) -> None:
    rows = run(actors, "スターマー英首相：「ウクライナへの支援は続けなければならない」")
    assert rows == [("スターマー", "military_aid", "support", "quote", "「ウクライナへの支援は続けなければならない」")]


def test_label_covers_its_sentence_only(actors: ActorIndex) -> None:
    rows = run(actors, "トランプ大統領:「停戦を急ぐべきだ」と述べた。一方、ペスコフ報道官は停戦案を拒否した。")
    assert {(r[0], r[1], r[2]) for r in rows} == {("トランプ", "ceasefire", "support"), ("ペスコフ", "ceasefire", "oppose")}
    assert "ペスコフ" not in find(rows, "トランプ", "ceasefire")[0][4]


def test_english_said(actors: ActorIndex) -> None:
    rows = run(actors, "Zelensky said Ukraine would not accept any ceasefire that freezes the front line.")
    assert [(r[0], r[1], r[2]) for r in rows] == [("ゼレンスキー", "ceasefire", "oppose")]


def test_label_must_be_a_name(actors: ActorIndex) -> None:
    assert all(r[0] != "米国" for r in run(actors, "米国の提案:停戦を受け入れる"))


def test_possessive_quote_is_the_possessors(actors: ActorIndex) -> None:
    rows = run(actors, "同日のウィトコフ特使の、「停戦監視には米軍は参加しない」という発言が波紋を呼んだ。")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [("ウィトコフ", "peacekeeping", "oppose", "quote")]


def test_bare_title_subject_resolves_in_the_item(actors: ActorIndex) -> None:
    item = "ロシア大統領報道官、停戦案を批判(2025年3月14日)"
    passages = [
        ParsedPassage(text="ロシアの大統領報道官は14日、停戦案について「何も得られない」と述べた。", heading=item),
        ParsedPassage(text="ペスコフ大統領報道官は記者会見でこう語った。", heading=item),
    ]
    rows = run(actors, *passages)
    assert ("ペスコフ", "ceasefire", "oppose") in [(r[0], r[1], r[2]) for r in rows]


def test_sentence_without_subject_goes_on(actors: ActorIndex) -> None:
    rows = run(
        actors,
        "ザハロワ報道官は13日、記者会見を開いた。",
        "停戦案は「時間稼ぎに過ぎず、誰も必要としていない」とした上で、「長期的な解決を目指す」と強調した。",
    )
    assert [(r[0], r[1], r[2]) for r in rows] == [("ザハロワ", "ceasefire", "oppose")]


def test_anaphor_takes_the_previous_topic(actors: ActorIndex) -> None:
    rows = run(actors, "トランプ氏はレアアースの取引を求めたが、ゼレンスキー氏はこれを拒否した。")
    assert find(rows, "トランプ", "minerals")[0][2] == "support"
    assert find(rows, "ゼレンスキー", "minerals")[0][2] == "oppose"


def test_gapped_predicate(actors: ActorIndex) -> None:
    rows = run(actors, "プーチン氏は和平交渉を、ゼレンスキー氏は停戦を主張。")
    assert find(rows, "プーチン", "peace_talks")[0][2] == "support"
    assert find(rows, "ゼレンスキー", "ceasefire")[0][2] == "support"


def test_bullets_under_a_headline_speaker(actors: ActorIndex) -> None:
    bullet = ParsedPassage(text="外国部隊のウクライナ駐留は受け入れられない。", kind="bullet", default_speaker="ラブロフ外相")
    assert run(actors, bullet) == [("ラブロフ", "peacekeeping", "oppose", "quote", "外国部隊のウクライナ駐留は受け入れられない。")]


def test_a_bullet_whose_subject_is_another_person_is_that_persons_not_the_headline_speakers(actors: ActorIndex) -> None:
    def bullet(text: str) -> ParsedPassage:
        return ParsedPassage(text=text, kind="bullet", default_speaker="ラブロフ外相")

    own = "ゼレンスキー大統領は停戦案を拒否した。"
    assert run(actors, bullet(own)) == [("ゼレンスキー", "ceasefire", "oppose", "reported", own)]
    quoted = "「ゼレンスキー大統領は停戦案を拒否している」と批判した。"  # named inside a quote: no subject
    assert run(actors, bullet(quoted)) == [("ラブロフ", "ceasefire", "oppose", "quote", quoted)]


def test_headline_attribution(actors: ActorIndex) -> None:
    head = ParsedPassage(text="対露制裁の解除は認めない＝カラス外交代表(2025年3月20日)", kind="heading", heading="x")
    assert [(r[0], r[1], r[2]) for r in run(actors, head)] == [("カラス", "sanctions", "oppose")]


def test_introduced_quote(actors: ActorIndex) -> None:
    rows = run(actors, "バンス副大統領は次のように述べた：", "「欧州は防衛費を大幅に増やすべきだ」")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [("バンス", "defense_spending", "support", "quote")]


def test_quote_kind_only_for_speech(actors: ActorIndex) -> None:
    rows = run(actors, "メルツ氏は「債務ブレーキ」の修正に前向きな姿勢を示した。")
    assert [(r[1], r[2], r[3]) for r in rows] == [("defense_spending", "support", "reported")]


def test_rows_carry_passage_index_and_date(actors: ActorIndex) -> None:
    passages = [ParsedPassage(text="前書き。"), ParsedPassage(text="ルッテ事務総長は防衛費の増額を求めた。")]
    rows = extract_statements(passages, actors, [None, "2025-03-14"])
    assert rows == [StatementRow(1, rows[0].actor_id, "defense_spending", "support", "ルッテ事務総長は防衛費の増額を求めた。", "2025-03-14", "reported")]


def test_long_clause_is_trimmed_at_punctuation(actors: ActorIndex) -> None:
    filler = "、".join(f"第{k}の論点を詳しく検討し" for k in range(40))
    rows = run(actors, f"ゼレンスキー大統領は、{filler}、停戦には応じられないと述べた。")
    text = rows[0][4]
    assert len(text) <= 300
    assert text.endswith("停戦には応じられないと述べた。")
    assert text.startswith("第")  # starts at a part boundary, not mid-word


def test_outputs_are_valid(actors: ActorIndex) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        doc = parse_document(path.read_text(encoding="utf-8"), name=path.name)
        for r in extract_statements(doc.passages, actors, [p.date for p in doc.passages]):
            assert r.topic in TOPICS and r.position in POSITIONS and r.kind in ("quote", "reported")
            assert 0 < len(r.text) <= 300
            assert r.actor_id in actors.actors


# --- the seed articles --------------------------------------------------------------------------------------------

SEED_CASES = [
    ("ゼレンスキー", "minerals", "oppose", "国を売ることはできない", "000"),
    ("トランプ", "minerals", "support", "取引", "000"),
    ("トランプ", "military_aid", "oppose|conditional", "一時停止", "000"),
    ("ゼレンスキー", "nato", "support", "NATO", "000"),
    ("シュミハリ", "territory", "oppose", "譲歩はしない", "000"),
    ("ウォルツ", "military_aid", "conditional|support", "再開", "000"),
    ("マクロン", "military_aid", "support", "支援は続くべき", "001"),
    ("ヘグセス", "nato", "oppose", "NATO加盟も認めない", "002"),
    ("ヘグセス", "peacekeeping", "oppose", "米軍は参加しない", "004"),
    ("ゼレンスキー", "peacekeeping", "support", "平和維持軍", "002"),
    ("プーチン", "ceasefire", "oppose|conditional", "短期の停戦には否定的", "004"),
    ("ウシャコフ", "ceasefire", "oppose", "何も得られない", "004"),
    ("ラブロフ", "peacekeeping", "oppose", "受け入れ", "004"),
    ("フォンデアライエン", "defense_spending", "support", "軍備", "004"),
    ("ルッテ", "defense_spending", "support", "3%", "004"),
    ("ゼレンスキー", "ceasefire", "support|conditional", "30日間", "004"),
]


@pytest.fixture(scope="module")
def seed_rows(actors: ActorIndex) -> dict[str, list[StatementRow]]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = parse_document(path.read_text(encoding="utf-8"), name=path.name)
        out[path.name[:3]] = extract_statements(doc.passages, actors, [p.date for p in doc.passages])
    return out


@pytest.mark.parametrize(("actor", "topic", "allowed", "evidence", "doc"), SEED_CASES)
def test_seed_statements(
    seed_rows: dict[str, list[StatementRow]], actors: ActorIndex, actor: str, topic: str, allowed: str, evidence: str, doc: str
) -> None:
    rows = [r for r in seed_rows[doc] if actors.actors[r.actor_id].name == actor and r.topic == topic]
    good = [r for r in rows if r.position in allowed.split("|") and evidence in r.text]
    assert good, [(r.position, r.text) for r in rows]


def test_cue_inside_someone_elses_clause_is_not_the_speakers(seed_rows: dict[str, list[StatementRow]], actors: ActorIndex) -> None:
    """「アメリカとウクライナが合意した30日の停戦案」 inside Ushakov's rejection is not his support."""
    ushakov = [r for r in seed_rows["004"] if actors.actors[r.actor_id].name == "ウシャコフ" and r.topic == "ceasefire"]
    assert ushakov and all(r.position == "oppose" for r in ushakov)


def test_a_quote_given_to_someone_else_inside_a_clause_is_not_the_clause_actors(actors: ActorIndex) -> None:
    # another speaker's words, marked by a possessive before them (プーチン大統領の「…」) or by 「…」と、 and the
    # speaker after: either mark alone is enough to keep them out of Zelensky's position
    possessive = "ゼレンスキー大統領は、プーチン大統領の「停戦に応じる用意がある」という発言について、信用できないと述べた。"
    named_after = "ゼレンスキー大統領は、「停戦に応じる用意がある」と、プーチン大統領が語ったことを批判した。"
    for text in (possessive, named_after):
        assert find(run(actors, text), "ゼレンスキー", "ceasefire") == [], text
