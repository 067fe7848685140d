"""Issue #12, fourteenth round: what is an event. A clause that ends before any predicate — on a time (the first half of
a sentence split at its second date, told in another time zone), a span's end (「…まで。」) or a record's count (「…以来、
約3カ月ぶり。」) — says when or how long, not what was done: it is no event, and the clause after it still is."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document


def _events(body: str, published: str) -> list[tuple[str, str]]:
    text = f"---\ntitle: 動画サイト\npublished: {published}\nlanguage: ja\n---\n動画サイト\n\n{body}"
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(e.date, e.summary) for e in rows if not e.report]


def test_a_time_zones_half_of_a_sentence_is_no_event() -> None:
    body = "米国内では東部時間の9日午後11時ごろ、日本時間の10日午後1時ごろから、動画サイトに接続できなくなった。"
    events = _events(body, "2025-03-10")
    assert not [s for _, s in events if s.endswith("ごろ")], events
    # (one moment in two zones is dated by the local day, as `segments._one_moment` dates it without a clock time too)
    assert any(d == "2025-03-09" and "接続できなくなった" in s for d, s in events), events


def test_a_spans_end_and_a_records_count_are_no_events() -> None:
    body = (
        "運営会社は5日、受け付けを始めた。期間は同日から来月15日まで。\n\n"
        "工場は20日、操業を再開した。3月1日に停止して以来、約3カ月ぶり。"
    )
    events = _events(body, "2025-05-20")
    assert ("2025-05-05", "運営会社は5日、受け付けを始めた。") in events, events
    assert ("2025-05-20", "工場は20日、操業を再開した。") in events, events
    assert not [s for _, s in events if s.endswith(("まで。", "ぶり。"))], events


def test_a_clause_with_its_predicate_stays_an_event() -> None:
    """まで or ごろ inside a clause that goes on to its verb is no reason to drop it."""
    body = "市は12日、午後5時まで外出を控えるよう呼びかけた。県警は13日午前2時ごろ、男を逮捕した。"
    events = _events(body, "2025-05-13")
    assert ("2025-05-12", "市は12日、午後5時まで外出を控えるよう呼びかけた。") in events, events
    assert any(d == "2025-05-13" and "逮捕した" in s for d, s in events), events


def _clusters(body: str, published: str) -> list[tuple[str, int]]:
    """The document's events clustered as ingestion clusters them: (date, cluster) per event."""
    from bot.extract.events import same_event
    from bot.store import clusters as cl
    from bot.store.store import event_members

    text = f"---\ntitle: 動画アプリ\npublished: {published}\nlanguage: ja\n---\n動画アプリ\n\n{body}"
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    rows = [r for r in rows if not r.report]
    members = event_members(list(range(1, len(rows) + 1)), rows, lambda a: a)
    return list(zip([r.date for r in rows], cl.match_events(members, {}, same_event), strict=True))


def test_one_moment_told_in_two_time_zones_is_one_event() -> None:
    """「現地時間の9日夜」 and 「日本時間の10日午後」 of one article, each the other's other-zone day: one happening."""
    body = (
        "動画配信アプリ「ミルチューブ」は、米国の新しい法律が発効するのを前に、現地時間の9日夜、米国内でのアプリの利用を"
        "停止しました。日本時間の10日午後1時ごろから、アプリを開くと「ミルチューブは現在利用できません」というメッセージが"
        "表示されるようになりました。"
    )
    (first, a), (second, b) = _clusters(body, "2025-03-10")
    assert (first, second) == ("2025-03-09", "2025-03-10")
    assert a == b


def test_a_plain_day_and_a_day_told_in_the_other_zone_stay_two_events() -> None:
    """Only one of the two names a time zone (a plain 「9日夜」, then 「日本時間の10日午後」): the plain day is the article's
    own zone's, a day before, so they are two events, however many words they share."""
    body = (
        "動画配信アプリ「ミルチューブ」は9日夜、米国内でのアプリの利用を停止した。"
        "日本時間の10日午後には、アプリを開くと「ミルチューブは現在利用できません」というメッセージが表示された。"
    )
    (first, a), (second, b) = _clusters(body, "2025-03-10")
    assert (first, second) == ("2025-03-09", "2025-03-10")
    assert a != b


def test_a_day_years_back_told_as_a_state_is_background() -> None:
    """A clause of a day long before the report (over a year) told as a state that holds, or a course run up to the
    report (〜ています, 〜ているという, 〜てきた), is the story's background: no event."""
    body = (
        "劇団の創設者は2019年に87歳で亡くなっています。\n\n"
        "県と市は2006年に暫定リスト入りを目指して提案書を出し、その後も落選を重ねてきた。\n\n"
        "海外の基準は2008年に廃止されているという。"
    )
    assert _events(body, "2023-09-07") == []


def test_a_recent_state_and_an_old_act_told_as_done_stay_events() -> None:
    body = "工場は今月6日から生産を止めている。\n\n政府は2022年2月1日にユネスコに推薦書を提出した。"
    events = _events(body, "2024-06-20")
    assert ("2024-06-06", "工場は今月6日から生産を止めている。") in events, events
    assert ("2022-02-01", "政府は2022年2月1日にユネスコに推薦書を提出した。") in events, events


def _features(text: str) -> dict:
    from bot.extract.actions import acts
    from bot.extract.events import event_features

    f = event_features(text, ActorIndex([]))
    return {
        "tokens": sorted(f.tokens),
        "persons": [],
        "names": sorted(f.names),
        "report": False,
        "act": sorted(acts(text).main),
    }


BRIEFING_JA = "国連の人権理事会の作業部会も4日に会見し、政府に被害者の救済を促した。"
BRIEFING_EN = "A United Nations human rights body said Friday that the allegations were deeply disturbing."
NO_BRIEFING_JA = "国連の人権理事会の作業部会も4日、政府に被害者の救済を促した。"  # the same, with no press conference


def test_a_saying_and_a_press_conference_of_one_day_are_one_event_across_the_languages() -> None:
    """The words said are the briefing's: two plain words translated (国連 "united nations", 人権 "human rights") are
    enough, as for two reports that are not sayings; without the press conference the saying stays apart (its words may
    be those of an earlier happening it retells)."""
    from bot.extract.event_match import same_event

    ja, en = _features(BRIEFING_JA), _features(BRIEFING_EN)
    assert en["act"] == ["~say"] and "~press_conference" in ja["tokens"]
    assert not set(ja["tokens"]) & set(en["tokens"])
    assert same_event(ja, en) > 0 and same_event(en, ja) > 0
    assert same_event(_features(NO_BRIEFING_JA), en) == 0
