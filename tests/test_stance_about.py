"""/stance --about: targets in free text, positions read toward them in context, and bad input."""

from __future__ import annotations

import pytest

from bot.extract.about import parse_target
from bot.extract.stance import extract_claims
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.errors import QueryError
from bot.services.stance_about import stance_about
from bot.services.topics import topic_cue_map
from bot.store import Store
from tests.roundup import roundup

ARTICLE = """\
---
title: ウクライナ情勢 各国の反応
published: 2025-04-02
---
米国はウクライナに対し、選挙の早期実施と鉱物資源の協定への署名を迫った。
ゼレンスキー大統領はこれを拒否した。
ゼレンスキー大統領は2日、戦時下で選挙を実施しないと述べた。
トランプ大統領は記者団に、ウクライナへの軍事支援の停止を歓迎すると語った。
マクロン大統領は米国の追加関税を「容認できない」と批判した。
ゼレンスキー大統領は、安全の保証がない限り和平合意に署名しないと強調した。
ゼレンスキー大統領は、黒海の穀物輸出を再開したいと述べた。
ゼレンスキー大統領は「完全な休戦」。
"""


@pytest.fixture
async def story(store: Store) -> Store:
    result = await ingest_text(store, ARTICLE, name="reactions.md")
    assert result.status == "added"
    return store


async def positions(store: Store, actor: str, about: str) -> list[tuple[str, str]]:
    report = await stance_about(store, actor, about)
    assert report.about == about and report.statements
    return [(s.position, s.text) for s in report.statements if s.sources[0].document == "reactions.md"]


async def test_reference_to_what_was_just_read(story: Store) -> None:
    found = await positions(story, "ゼレンスキー", "鉱物資源の協定")
    assert ("oppose", "ゼレンスキー大統領はこれを拒否した。") in found


async def test_the_target_done_or_not_done(story: Store) -> None:
    assert ("oppose", "ゼレンスキー大統領は2日、戦時下で選挙を実施しないと述べた。") in await positions(
        story, "ゼレンスキー", "選挙の実施"
    )
    grain = await positions(story, "ゼレンスキー", "穀物輸出の再開")
    assert [p for p, t in grain if "穀物" in t] == ["support"]


async def test_welcoming_a_halt_opposes_the_aid_and_supports_the_halt(story: Store) -> None:
    aid = await positions(story, "トランプ", "ウクライナへの軍事支援")
    halt = await positions(story, "トランプ", "軍事支援の停止")
    assert [p for p, t in aid if "停止を歓迎" in t] == ["oppose"]
    assert [p for p, t in halt if "停止を歓迎" in t] == ["support"]


async def test_reported_criticism_and_conditions(story: Store) -> None:
    assert [p for p, t in await positions(story, "マクロン", "米国の追加関税") if "関税" in t] == ["oppose"]
    deal = await positions(story, "ゼレンスキー", "和平合意への署名")
    assert [p for p, t in deal if "限り" in t] == ["conditional"]


async def test_one_statement_per_passage_no_fragments_nothing_unrelated(story: Store) -> None:
    found = await positions(story, "ゼレンスキー", "休戦")
    assert all(t != "完全な休戦」。" for _, t in found)  # a quoted phrase is not a statement
    report = await stance_about(story, "ゼレンスキー", "選挙の実施")
    passages = [s.passage_id for s in report.statements]
    assert len(passages) == len(set(passages))
    assert not any("穀物" in s.text for s in report.statements)


async def test_summary_and_pages(story: Store) -> None:
    everything = await stance_about(story, "ゼレンスキー", "選挙")
    assert len(everything.topics) == 1 and everything.topics[0].topic == "選挙"
    assert everything.topics[0].statements == everything.total
    first = await stance_about(story, "ゼレンスキー", "選挙", limit=1)
    assert first.total == everything.total and len(first.statements) == 1
    assert first.statements[0].text == everything.statements[0].text


async def test_english_target_finds_japanese_statements_through_topic_cues(store: Store) -> None:
    report = await stance_about(store, "ヘグセス", "ceasefire monitoring by US troops")
    assert any("米軍は参加しない" in s.text and s.position == "oppose" for s in report.statements)


@pytest.mark.parametrize(
    ("about", "message"),
    [
        ("", "Say what"),
        ("   ", "Say what"),
        ("について", "'について' names nothing to look for"),
        ("x" * 2000, "too long"),
        ("量子コンピューターの輸出規制", "Nothing in the store"),
    ],
)
async def test_bad_targets_get_one_clear_line(store: Store, about: str, message: str) -> None:
    with pytest.raises(QueryError) as e:
        await stance_about(store, "ゼレンスキー", about)
    assert message in str(e.value) and "\n" not in str(e.value)


async def test_target_words_head_variants_and_action(store: Store) -> None:
    cues = await topic_cue_map(store)
    target = parse_target("NATO加盟国の防衛支出の引き上げ", store.actors, cues)
    forms = {w.form for w in target.words}
    assert {"nato", "防衛", "支出", "引き上げ"} <= forms
    assert [w.form for w in target.head_words] == ["引き上げ"]
    halt = parse_target("支援の停止", store.actors, cues)
    assert halt.action == -1
    truce = parse_target("停戦", store.actors, cues)
    assert "ceasefire" in truce.words[0].forms and "休戦" in truce.words[0].forms  # the topic's other cues


def test_claims_carry_their_context(store: Store) -> None:
    passages = [
        ParsedPassage("記者から鉱物資源の協定について問われた。", heading="会見"),
        ParsedPassage("ゼレンスキー大統領は「国を売ることはできない」と答えた。", heading="会見"),
    ]
    claims = [c for c in extract_claims(passages, store.actors) if c.passage == 1]
    assert claims and "鉱物資源の協定" in claims[0].before and claims[0].before.startswith("会見")


async def test_an_actor_the_registry_lacks_is_read_by_the_name_the_articles_use(store: Store) -> None:
    text = (
        "---\ntitle: 能登の支援\npublished: 2024-01-05\n---\n"
        "石川県は個人ボランティアの受け入れを当面見送ると発表した。\n"
        "馳知事は会見で「個人で被災地に入るのは控えてほしい」と呼びかけた。\n"
    )
    await ingest_text(store, text, name="noto.md")
    report = await stance_about(store, "馳", "個人ボランティアが被災地に入ること")
    assert report.actor.name == "馳" and report.actor.kind == "unregistered"
    assert [s.position for s in report.statements] == ["oppose"]
    with pytest.raises(QueryError, match="Unknown actor"):
        await stance_about(store, "存在しない人物名", "停戦")


@pytest.mark.parametrize(
    ("name", "surnames"),
    [
        ("劉勁松", ["劉氏", "劉勁氏"]),  # a Chinese surname of one kanji, a Japanese one of two: both tried
        ("石破茂", ["石氏", "石破氏"]),
        ("安倍晋三", ["安氏", "安倍氏"]),  # four kanji: still a full name
        ("林一郎", ["林氏", "林一氏"]),  # 一 and 龥, the ends of the kanji range, are kanji
        ("劉龥松", ["劉氏", "劉龥氏"]),
        ("石破", []),  # two kanji: already a surname
        ("小野寺五典", []),  # five kanji or more: not read as a full name
        ("ゼレンスキー", []),  # katakana: no kanji surname to cut
        ("石破茂x", []),  # not all kanji
        ("Lin Jian", ["Lin", "Jian"]),  # each word of a two-word Latin name
        ("Al Gore", ["Gore"]),  # a word of fewer than three letters is not taken alone
        ("george glass", []),  # lower-case words are not names
        ("Mark Rutte NATO", []),  # three words: not a two-word name
        ("Zelensky", []),
    ],
)
def test_an_unregistered_full_name_is_also_found_by_its_surname(name: str, surnames: list[str]) -> None:
    """The surname an article goes on with after the full name (劉勁松 … 劉氏; Lin Jian … Lin said)."""
    from bot.services.stance_about import _surnames

    assert _surnames(name) == surnames


def test_a_one_kanji_surname_is_also_found_by_the_full_names_given_before_a_title() -> None:
    from bot.services.stance_about import _given_names

    assert _given_names("馳", ["馳浩知事は述べた"]) == ["馳浩"]  # the given name alone: 「知事は」 refers back
    assert _given_names("馳", ["馳浩太郎知事は述べた"]) == ["馳浩太郎"]  # up to three kanji after the surname
    assert _given_names("笠", ["笠国会対策委員長は述べた"]) == ["笠国会対策委員長"]  # longer: an office, kept whole
    assert _given_names("馳", ["前馳浩知事"]) == []  # not a surname inside another kanji word


@pytest.mark.parametrize(
    ("text", "lo", "hi", "opposite_only"),
    [
        ("石破首相は辞任を表明した。", 0, 13, True),  # 辞任, the opposite of 続投, and not 続投
        ("石破首相は続投を表明した。", 0, 13, False),
        ("石破首相は続投ではなく辞任を選んだ。", 0, 18, False),  # both: read toward the target itself
        ("石破首相は辞任を表明した。", 5, 13, True),  # the clause starts at 辞任: inside it
        ("石破首相は辞任を表明した。", 0, 5, False),  # the clause ends where 辞任 starts: outside it
    ],
)
def test_a_clause_naming_only_the_targets_opposite_is_read_toward_the_opposite(
    actors, text: str, lo: int, hi: int, opposite_only: bool
) -> None:
    from bot.extract.stance import Claim
    from bot.services.stance_about import _names_opposite_only

    target = parse_target("首相の続投", actors, {})
    assert target.opposite is not None
    claim = Claim(passage=0, actor_id=1, lo=lo, scan=lo, hi=hi, kind="said", excluded=(), before="")
    assert _names_opposite_only(target, text, claim) is opposite_only


@pytest.mark.parametrize(
    ("in_clause", "in_context", "named"),
    [
        ({1}, set(), True),  # the head, 鉱物, in the clause
        ({0, 1}, set(), True),
        ({1}, {0}, True),
        ({0}, {1}, False),  # the head only in what was read before: not this clause's target
        ({0}, set(), False),  # 米国 alone
        (set(), set(), False),
    ],
)
def test_a_clause_is_about_the_target_when_it_names_the_head(
    actors, in_clause: set[int], in_context: set[int], named: bool
) -> None:
    import dataclasses

    from bot.extract.about import is_generic
    from bot.services.stance_about import _head_named

    deal = parse_target("米国との鉱物資源の協定", actors, {})
    assert [(w.form, w.head) for w in deal.words] == [("米国", False), ("鉱物", False), ("資源", False), ("協定", True)]
    assert not _head_named(deal, {0, 1, 2, 3}, set())  # a head that says no more than 協定 is not enough
    names = ("ザポリージャ原発", "ドネツク州")  # words that name a thing, not a kind of thing
    assert not any(map(is_generic, names))

    def headed(*heads: int):  # the first two words named things, the head on `heads`
        words = [
            dataclasses.replace(w, form=names[k] if k < 2 else w.form, head=k in heads)
            for k, w in enumerate(deal.words)
        ]
        return dataclasses.replace(deal, words=words)

    assert _head_named(headed(1), in_clause, in_context) is named
    # two heads: every one named, at least one in the clause itself
    every_named, one_in_clause = (in_clause | in_context) >= {0, 1}, bool(in_clause & {0, 1})
    assert _head_named(headed(0, 1), in_clause, in_context) is (every_named and one_in_clause)


async def test_a_target_not_done_turns_the_position(story: Store) -> None:
    # 「選挙を実施しない」 opposes holding the election, so it supports not holding it
    held = await positions(story, "ゼレンスキー", "戦時下で選挙を行うこと")
    not_held = await positions(story, "ゼレンスキー", "戦時下で選挙を行わないこと")
    assert [p for p, t in held if "実施しない" in t] == ["oppose"]
    assert [p for p, t in not_held if "実施しない" in t] == ["support"]


ROUNDUP = roundup("2031年5月7日、ゼレンスキー大統領はキーウで、停戦を支持すると述べた。")


async def test_each_statement_is_credited_to_its_passage_and_its_documents_title(store: Store) -> None:
    """A roundup's section citing another outlet's article is credited to that article (its address and site), the
    roundup's own section to the roundup; each under the roundup's title, and known by its passage's id."""
    added = await ingest_text(store, ROUNDUP, name="roundup.md")
    passages = {
        r["text"]: (r["id"], r["url"], r["outlet"])
        for r in await store.fetchall(
            "SELECT id, text, url, outlet FROM passages WHERE document_id = ?", (added.document_id,)
        )
    }
    report = await stance_about(store, "ゼレンスキー", "停戦")
    mine = [s for s in report.statements if s.sources[0].document_id == added.document_id]
    credited = set()
    for s in mine:
        [(pid, url, outlet)] = [v for text, v in passages.items() if s.text in text]
        assert s.id == s.passage_id == pid
        assert s.sources[0].title == "まとめ" and s.sources[0].date == "2031-05-07"
        assert (s.sources[0].url, s.sources[0].outlet) == (url, outlet)
        credited.add((url, outlet))
    assert credited == {
        ("https://news.example.org/articles/abc", "news.example.org"),  # the section citing its original
        ("https://www.example.com/roundup", "まとめ新聞"),  # the roundup's own
    }


RESIGNATION = """---
title: 首相の進退
published: 2025-09-07
---
石破首相は7日、辞任を表明した。
石破首相は8日、記者会見で続投に意欲を示した。
"""


async def test_a_statement_naming_only_the_targets_opposite_is_read_toward_the_target_flipped(store: Store) -> None:
    """Asked about staying on (続投), a resignation announced (辞任を表明) is a statement against it."""
    await ingest_text(store, RESIGNATION, name="resignation.md")
    report = await stance_about(store, "石破", "首相の続投")
    assert [(s.position, s.text) for s in report.statements] == [
        ("support", "石破首相は8日、記者会見で続投に意欲を示した。"),
        ("oppose", "石破首相は7日、辞任を表明した。"),
    ]


PLAN_REACTION = """---
title: 米国の停戦案
published: 2025-03-30
---
米国は30日、ウクライナに新たな提案を示した。
ゼレンスキー大統領は「到底受け入れられない」と語った。
停戦案は3段階からなる。
"""
PLAN_WATCHED = """---
title: 各国の反応
published: 2025-04-09
---
ゼレンスキー大統領は9日、停戦案について「内容を注視していく」と述べた。
"""


async def test_a_neutral_statement_naming_the_target_and_a_reaction_under_a_headline_naming_it_are_listed(
    store: Store,
) -> None:
    """A clause naming the target that takes no side is listed as neutral; a clause that names nothing of the
    target, after a sentence that does not either, is a reaction to the target its story's headline names."""
    for name, text in (("reaction.md", PLAN_REACTION), ("watched.md", PLAN_WATCHED)):
        await ingest_text(store, text, name=name)
    report = await stance_about(store, "ゼレンスキー", "停戦案")
    # the registry's actor, as /stance shows it (an unregistered name would have no id, kind or English name)
    assert report.actor.id > 0 and report.actor.kind == "person" and report.actor.name_en
    assert report.actor.statements == report.total == len(report.statements)
    mine = [
        (s.sources[0].document, s.position, s.text) for s in report.statements if s.sources[0].document.endswith(".md")
    ]
    assert mine == [
        ("watched.md", "neutral", "ゼレンスキー大統領は9日、停戦案について「内容を注視していく」と述べた。"),
        ("reaction.md", "oppose", "ゼレンスキー大統領は「到底受け入れられない」と語った。"),
    ]
