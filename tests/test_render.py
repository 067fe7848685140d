"""The limit-safe helpers and embed builders, fed oversized content."""

from __future__ import annotations

import re
from dataclasses import replace

import discord
import pytest

from bot.models import (
    ActorInfo,
    Digest,
    DocumentInfo,
    IngestResult,
    QuoteMatch,
    SourceRef,
    StanceReport,
    Statement,
    TimelineEvent,
    TopicStance,
)
from commands import embeds, render
from commands.i18n import Labels, lang_of
from commands.render import ELLIPSIS, fit_embed, group_embeds, link, pack, pack_pages, truncate, truncate_start

EN, JA = Labels("en"), Labels("ja")
LINK = re.compile(r"\[(?:\\.|[^\[\]\\\n])*\]\(https?://[^\s()<>]+\)")
LONG_URL = "https://news.example.jp/articles/2025/03/13/" + "a" * 300 + "?utm_source=x&id=(1)"


def assert_fits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= render.TITLE
    assert len(embed.description or "") <= render.DESCRIPTION
    assert len(embed.fields) <= render.FIELDS
    for f in embed.fields:
        assert 0 < len(f.name) <= render.FIELD_NAME and 0 < len(f.value) <= render.FIELD_VALUE
    assert len(embed.footer.text or "") <= render.FOOTER
    assert len(embed.author.name or "") <= render.AUTHOR
    assert len(embed) <= render.EMBED_TOTAL


def assert_links_whole(text: str) -> None:
    """Every markdown link is complete: nothing link-like is left once the whole links are removed."""
    rest = LINK.sub("", text)
    assert "](" not in rest and "(https://" not in rest, rest[:300]


def all_text(embed: discord.Embed) -> str:
    return "\n".join([embed.description or "", *(f.value for f in embed.fields)])


# --- truncation ------------------------------------------------------------------------------


def test_truncate_keeps_short_text_and_marks_cut_text() -> None:
    assert truncate("停戦合意", 10) == "停戦合意"
    assert truncate(None, 10) == ""
    cut = truncate("停戦" * 3000, 2000)
    assert len(cut) <= 2000 and cut.endswith(ELLIPSIS)
    assert truncate("abcdef", 1) == ELLIPSIS


@pytest.mark.parametrize("limit", range(60, 140, 3))
def test_truncate_never_cuts_a_markdown_link(limit: int) -> None:
    text = (
        "ロイターによると" * 8 + " [ロイター](https://jp.reuters.com/world/ukraine/KAHPNXYC35OCDD7RNYZ/) " + "続報" * 40
    )
    cut = truncate(text, limit)
    assert len(cut) <= limit
    assert_links_whole(cut)
    assert "[ロイター](https://jp.reuters.com/world/ukraine/KAHPNXYC35OCDD7RNYZ/)" in cut or "[" not in cut


@pytest.mark.parametrize("limit", range(20, 80, 7))
def test_truncate_never_cuts_a_bare_url(limit: int) -> None:
    cut = truncate("出典: https://www.yomiuri.co.jp/world/20250304-OYT1T50158/ 詳細は記事で", limit)
    assert "https://www.yomiuri.co.jp/world/20250304-OYT1T50158/" in cut or "http" not in cut


def test_truncate_keeps_combining_marks_and_emoji_sequences_whole() -> None:
    accented = "e\u0301" * 100
    for limit in range(2, 40):
        body = truncate(accented, limit).removesuffix(ELLIPSIS)
        assert body == "e\u0301" * (len(body) // 2)
    family = "👨\u200d👩\u200d👧" * 20
    for limit in range(2, 40):
        body = truncate(family, limit).removesuffix(ELLIPSIS)
        assert not body.endswith("\u200d") and body.count("\u200d") == 2 * body.count("👧")


def test_truncate_start_keeps_the_end() -> None:
    cut = truncate_start("前置き" * 500 + "核心部分", 50)
    assert len(cut) <= 50 and cut.startswith(ELLIPSIS) and cut.endswith("核心部分")
    url = "文脈 https://example.com/a/b/c 続き"
    assert "https://example.com/a/b/c" in truncate_start(url, 30) or "http" not in truncate_start(url, 30)


def test_link_escapes_text_and_never_breaks_markdown() -> None:
    assert (
        link("CNN.co.jp", "https://www.cnn.co.jp/usa/35230020.html")
        == "[CNN.co.jp](https://www.cnn.co.jp/usa/35230020.html)"
    )
    assert link("a]b[c*", "https://x.example/p(1)") == r"[a\]b\[c\*](https://x.example/p%281%29)"
    assert link("no url", None) == "no url"
    assert link("bad scheme", "javascript:alert(1)") == "bad scheme"
    assert link("too long", LONG_URL + "b" * 300) == "too long"
    assert len(link("題" * 500, "https://a.example/")) < 130


# --- packing ---------------------------------------------------------------------------------


def test_pack_keeps_blocks_whole_and_in_order() -> None:
    blocks = [f"{i}:" + "x" * 300 for i in range(20)]
    chunks = pack(blocks, 1024)
    assert all(len(c) <= 1024 for c in chunks)
    assert "\n".join(chunks) == "\n".join(blocks)
    assert pack(["y" * 5000], 1024)[0].endswith(ELLIPSIS)


def test_pack_pages_respects_count_and_budget() -> None:
    pages = pack_pages(["z" * 500] * 30, per_page=10, budget=4000, first_budget=1200)
    assert [len(p) for p in pages][:3] == [2, 7, 7]
    assert all(len(p) <= 10 and len("\n".join(p)) <= 4000 for p in pages)
    assert sum(len(p) for p in pages) == 30


def test_fit_embed_enforces_every_limit() -> None:
    embed = discord.Embed(title="T" * 1000, description="D" * 10_000)
    embed.set_author(name="A" * 1000)
    embed.set_footer(text="F" * 5000)
    for i in range(40):
        embed.add_field(name=f"{i}" * 400, value="V" * 3000)
    assert_fits(fit_embed(embed))


def test_group_embeds_splits_messages() -> None:
    many = [discord.Embed(title=str(i), description="説明" * 700) for i in range(25)]
    messages = group_embeds(many)
    assert sum(len(m) for m in messages) == 25
    for message in messages:
        assert len(message) <= render.EMBEDS_PER_MESSAGE
        assert sum(len(e) for e in message) <= render.EMBED_TOTAL


# --- embed builders with oversized content ---------------------------------------------------


def src(i: int, url: str | None = LONG_URL) -> SourceRef:
    return SourceRef(
        document=f"doc{i}.txt",
        url=url and f"{url}{i}",
        outlet=f"媒体{i}" * 20,
        document_id=i,
        title="長い題名" * 100,
        date="2025-03-13",
    )


def test_quote_embed_with_a_huge_passage() -> None:
    text = "前" * 10_000 + "ロシアにとって理にかなっている" + "後" * 10_000
    start = 10_000
    best = QuoteMatch(
        score=97.5,
        text=text,
        span=(start, start + 15),
        speaker="トランプ" * 100,
        date="2025-03-13",
        sources=[src(i) for i in range(60)],
    )
    others = [
        QuoteMatch(
            score=90, text="別" * 5000, span=(0, 4000), speaker=None, date=None, sources=[src(i) for i in range(30)]
        )
        for _ in range(4)
    ]
    embed = embeds.quote_embed("理にかなって" * 500, [best, *others], EN)
    assert_fits(embed)
    assert "**ロシアにとって理にかなっている**" in embed.description
    assert_links_whole(all_text(embed))


def test_quote_not_found_is_plain_and_short() -> None:
    message = embeds.quote_not_found("@everyone " + "停戦" * 3000, JA)
    assert len(message) <= render.CONTENT and message.startswith("見つかりません")


def test_timeline_pages_with_oversized_events() -> None:
    events = [
        TimelineEvent(
            date=f"2025-03-{i % 28 + 1:02d}",
            precision="day",
            summary="要約" * 3000,
            actors=["ゼレンスキー"] * 10,
            topics=["ceasefire"],
            sources=[src(j) for j in range(30)],
            background=i >= 95,
        )
        for i in range(100)
    ]
    per = embeds.PER_PAGE  # paged as the /timeline pager does, one embed per PER_PAGE events
    chunks = [events[i : i + per] for i in range(0, len(events), per)]
    filters = ["since 2025-03", "トランプ" * 100]
    pages = [
        embeds.timeline_embed(chunk, EN, page=i, pages=len(chunks), count=len(events), filters=filters)
        for i, chunk in enumerate(chunks)
    ]
    assert len(pages) >= 10
    shown = 0
    for page in pages:
        assert_fits(page)
        assert_links_whole(page.description)
        shown += page.description.count("\n**2025") + page.description.startswith("**2025")
        assert page.description.count("**2025") <= embeds.PER_PAGE
    assert shown == 100
    assert "Background" in pages[-1].description


def test_stance_pages_with_many_topics_and_statements() -> None:
    statements = [
        Statement(
            actor="トランプ",
            topic="ceasefire",
            position="support",
            text="発言" * 2000,
            date="2025-03-13",
            sources=[src(j) for j in range(10)],
        )
        for _ in range(200)
    ]
    topics = [
        TopicStance(
            topic=t,
            latest="oppose",
            latest_date="2025-03-11",
            statements=20,
            changed=True,
            history=[("2025-03-01", "support"), ("2025-03-11", "oppose")] * 50,
        )
        for t in (
            "ceasefire",
            "peace_talks",
            "minerals",
            "military_aid",
            "security_guarantees",
            "nato",
            "peacekeeping",
            "territory",
            "sanctions",
            "defense_spending",
            "prisoners",
        )
    ]
    actor = ActorInfo(id=1, name="トランプ", name_en="Donald Trump", kind="person", description="説明" * 1000)
    report = StanceReport(actor=actor, topics=topics, statements=statements)
    per = embeds.STATEMENTS_PER_PAGE  # paged as the /stance pager does
    pages = [
        embeds.stance_embed(replace(report, statements=statements[i * per : (i + 1) * per]), JA, page=i)
        for i in range(embeds.stance_page_count(report))
    ]
    assert len(pages[0].fields) == 11 and pages[0].fields[0].name == "停戦"
    assert "反対" in pages[0].fields[0].value
    for page in pages:
        assert_fits(page)
        assert_links_whole(all_text(page))


def test_sources_and_source_detail_with_oversized_documents() -> None:
    docs = [
        DocumentInfo(
            id=i,
            name="n" * 500,
            title="題" * 2000,
            url=LONG_URL,
            outlet="媒" * 500,
            published="2025-03-13",
            language="ja",
            origin="url",
            added_at="2026-01-01T00:00:00+00:00",
            passages=10,
            cited_urls=[f"{LONG_URL}{j}" for j in range(500)],
            outlets=["媒体"] * 300,
        )
        for i in range(1, 60)
    ]
    for page in embeds.sources_pages(docs, EN):
        assert_fits(page)
        assert_links_whole(page.description)
    detail = embeds.source_embed(docs[0], JA)
    assert_fits(detail)
    assert_links_whole(all_text(detail))


def test_ingest_embed_with_many_new_actors() -> None:
    result = IngestResult(
        "added", "x.txt", document_id=9, title="題" * 1000, outlet="媒" * 2000, passages=3, new_actors=["新人物"] * 1000
    )
    assert_fits(embeds.ingest_embed(result, EN))
    refusal = embeds.ingest_refusal(IngestResult("error", "n" * 5000, reason="r" * 5000), EN)
    assert len(refusal) <= render.CONTENT


def test_digest_splits_into_messages_within_limits() -> None:
    docs = [
        DocumentInfo(
            id=i,
            name="n",
            title="題名" * 300,
            url=LONG_URL,
            outlet="媒体",
            published=None,
            language="ja",
            origin="url",
            added_at="2026-01-01T00:00:00+00:00",
            passages=1,
        )
        for i in range(200)
    ]
    events = [
        TimelineEvent(
            date=f"2025-03-{i % 28 + 1:02d}",
            precision="day",
            summary="出来事" * 500,
            actors=[],
            topics=[],
            sources=[src(i)],
        )
        for i in range(200)
    ]
    statements = [
        Statement(
            actor=f"人物{i % 7}",
            topic="nato",
            position="oppose",
            text="発言" * 500,
            date="2025-03-13",
            sources=[src(i)],
        )
        for i in range(200)
    ]
    digest = Digest(
        since="2026-01-01T00:00:00+00:00",
        until="2026-01-02T00:00:00+00:00",
        sources=docs,
        events=events,
        statements=statements,
    )
    posts = embeds.digest_posts(digest, JA)
    assert len(posts) > 1
    for post in posts:
        assert len(post.embeds) <= render.EMBEDS_PER_MESSAGE
        assert sum(len(e) for e in post.embeds) <= render.EMBED_TOTAL
        for embed in post.embeds:
            assert_fits(embed)
            assert_links_whole(embed.description or "")
    assert posts[0].embeds[0].title == "日刊ダイジェスト"


def test_an_empty_digest_is_one_short_line() -> None:
    posts = embeds.digest_posts(
        Digest(
            since="2026-01-01T00:00:00+00:00", until="2026-01-02T00:00:00+00:00", sources=[], events=[], statements=[]
        ),
        EN,
    )
    assert len(posts) == 1 and not posts[0].embeds
    assert posts[0].content == "Nothing new since Jan 1, 09:00."  # in the server's zone (Tokyo by default)


def test_the_digest_period_reads_as_dates_in_the_servers_zone_and_language() -> None:
    d = Digest(since="2026-11-30T00:00:00+00:00", until="2026-12-01T00:00:00+00:00", sources=[], events=[], statements=[])
    assert embeds.digest_posts(d, JA)[0].content == "11月30日 09:00以降、新着はありません。"
    assert "Nov 29, 19:00" in embeds.digest_posts(d, EN, "America/New_York")[0].content
    older = Digest(since="2025-12-31T00:00:00+00:00", until="2026-01-01T00:00:00+00:00", sources=[], events=[], statements=[])
    assert "2025年12月31日 09:00" in embeds.digest_posts(older, JA)[0].content
    assert "T00:00" not in embeds.digest_posts(older, EN)[0].content


def test_english_counts_take_the_singular_for_one() -> None:
    assert EN("sources.counts", passages=1, events=1, statements=2) == "1 passage, 1 event, 2 statements"
    assert EN("pager.footer", page=1, pages=1, count=1, unit=EN.unit(EN("timeline.unit"), 1)) == "Page 1/1 · 1 event"
    assert EN.unit(EN("stance.unit"), 2) == "statements" and JA.unit(JA("timeline.unit"), 1) == "件"
    assert EN("topic.documents", n=1) == "(1 document)"


# --- labels ------------------------------------------------------------------------------------


def test_labels_follow_the_interaction_locale() -> None:
    assert lang_of(discord.Locale.japanese) == "ja" and lang_of(discord.Locale.american_english) == "en"
    assert lang_of("ja") == "ja" and lang_of(None) == "en"
    assert JA("quote.title") == "発言" and EN("quote.title") == "Quote"
    assert JA.topic("ceasefire") == "停戦" and EN.topic("ceasefire") == "Ceasefire"
    assert JA.position("conditional") == "条件付き"
    assert JA("pager.footer", page=1, pages=3, count=25, unit=JA("timeline.unit")) == "1/3ページ · 25件"


async def test_lazy_pages_build_a_page_only_when_shown_and_once() -> None:
    from commands.paginator import LazyPages

    built: list[int] = []

    async def build(index: int) -> discord.Embed:
        built.append(index)
        return discord.Embed(title=str(index))

    pages = LazyPages(1000, build)
    assert len(pages) == 1000 and built == []
    assert (await pages.page(0)).title == "0"
    assert (await pages.page(999)).title == "999"
    await pages.page(0)
    assert built == [0, 999]
    assert len(LazyPages(0, build)) == 1  # an empty answer still has its one page


def test_a_page_of_ten_oversized_events_keeps_every_event_and_whole_links() -> None:
    def events(url: str) -> list[TimelineEvent]:
        return [
            TimelineEvent(
                date="2025-03-11",
                precision="day",
                summary="要約" * 500,
                actors=["ゼレンスキー"],
                topics=[],
                sources=[src(j, url) for j in range(3)],
                sources_total=400,
            )
            for _ in range(embeds.PER_PAGE)
        ]

    page = embeds.timeline_embed(events("https://www.example.com/a/"), EN, page=3, pages=40, count=400)
    assert_fits(page)
    assert_links_whole(page.description)
    assert page.description.count("**2025-03-11**") == embeds.PER_PAGE
    assert page.description.count("](https://www.example.com/a/") >= embeds.PER_PAGE  # a link each at least
    assert "more)" in page.description and page.footer.text.startswith("Page 4/40")

    page = embeds.timeline_embed(events(LONG_URL), EN, page=0, pages=40, count=400)  # no link fits: names
    assert_fits(page)
    assert page.description.count("\n媒体0媒体0") == embeds.PER_PAGE and "(+399 more)" in page.description
