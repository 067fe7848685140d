"""bot.services.sources through its public functions: what an admin sees when adding, finding and removing
sources (the Discord and CLI front ends only render these answers)."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from bot.ingest.fetch import make_session
from bot.ingest.fetcher import Fetcher
from bot.rows import Provenance
from bot.services.errors import QueryError
from bot.services.sources import (
    IS_A_FEED,
    MAX_UPLOAD_BYTES,
    add_text,
    add_upload,
    add_url,
    get_source,
    list_sources,
    remove_source,
    search_sources,
)
from bot.store import Store

ARTICLE = """ゼレンスキー大統領は2025年3月20日、キーウで記者団に対し「占領された領土をロシアに譲ることは決してない」と述べた。
大統領はまた、欧州による安全の保証が停戦の前提になると強調した。
"""


def other_article(n: int) -> str:
    return f"ルッテ事務総長は2025年4月{n}日、ブリュッセルで加盟国に防衛費の増額を{n}回目に求めた。\n"


# --- add_text ------------------------------------------------------------------------------------------------


async def test_pasted_text_takes_the_options_as_its_front_matter(store: Store) -> None:
    result = await add_text(
        store,
        "  " + ARTICLE + "  ",
        title="  キーウ会見  ",
        url=" https://www.example.com/kyiv ",
        published=" 2025年3月20日 ",
        provenance=Provenance(added_by="admin"),
    )
    assert result.status == "added" and result.title == "キーウ会見" and result.published == "2025-03-20"
    doc = await get_source(store, result.document_id)
    assert doc is not None and doc.origin == "text"
    assert (doc.name, doc.url, doc.title, doc.published) == (
        "https://www.example.com/kyiv",
        "https://www.example.com/kyiv",
        "キーウ会見",
        "2025-03-20",
    )


async def test_pasted_text_without_options_is_named_by_its_title_or_first_line(store: Store) -> None:
    first = await add_text(store, ARTICLE)
    doc = await get_source(store, first.document_id)
    assert doc is not None and doc.url is None and doc.published is None
    assert doc.name == "text:" + ARTICLE.splitlines()[0][:60]
    titled = await add_text(store, other_article(1), title="ルッテ発言")
    assert (await get_source(store, titled.document_id)).name == "text:ルッテ発言"
    long_title = "長" * 400
    capped = await add_text(store, other_article(2), title=long_title)
    doc = await get_source(store, capped.document_id)
    assert doc.title == "長" * 300 and doc.name == "text:" + "長" * 60


@pytest.mark.parametrize("text", ["", "   \n\t ", None])
async def test_empty_text_is_refused(store: Store, text: str | None) -> None:
    with pytest.raises(QueryError, match=r"^The text is empty: paste the article's text\.$"):
        await add_text(store, text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a", "example.com/a", "javascript:alert(1)", "https://example.com/" + "a" * 2000]
)
async def test_a_url_option_that_is_not_http_is_refused(store: Store, url: str) -> None:
    with pytest.raises(QueryError, match=r"^The URL must start with http:// or https://\.$"):
        await add_text(store, ARTICLE, url=url)
    assert await store.count_documents() == 5


@pytest.mark.parametrize("url", ["HTTPS://WWW.EXAMPLE.COM/upper", "http://example.com/" + "a" * 1980])
async def test_http_urls_in_any_case_up_to_2000_characters_are_kept(store: Store, url: str) -> None:
    result = await add_text(store, ARTICLE, url=url)
    assert result.status == "added"
    assert (await get_source(store, result.document_id)).name == url


async def test_blank_url_and_date_options_are_no_options(store: Store) -> None:
    result = await add_text(store, ARTICLE, url="   ", published="  ", title="   ")
    doc = await get_source(store, result.document_id)
    assert doc.url is None and doc.published is None and doc.name.startswith("text:ゼレンスキー")


@pytest.mark.parametrize("published", ["not a date", "2025-13-45", "3月"])
async def test_a_published_option_that_is_not_a_date_is_refused(store: Store, published: str) -> None:
    with pytest.raises(QueryError) as info:
        await add_text(store, ARTICLE, published=published)
    assert str(info.value).startswith(f"The published date {published!r} is not a date: ")
    assert await store.count_documents() == 5


# --- add_upload ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["kyiv.txt", "KYIV.MD", "kyiv.markdown", "kyiv.text"])
async def test_text_uploads_are_stored_under_their_file_name(store: Store, name: str) -> None:
    result = await add_upload(store, ARTICLE.encode("utf-8"), name, "text/plain", title="会見", published="2025-03-20")
    assert result.status == "added", result.reason
    doc = await get_source(store, result.document_id)
    assert (doc.name, doc.origin, doc.title, doc.published) == (name, "upload", "会見", "2025-03-20")


async def test_an_upload_over_5_mb_is_refused_before_reading(store: Store) -> None:
    result = await add_upload(store, b"a" * (MAX_UPLOAD_BYTES + 1), "big.txt")
    assert result.status == "error" and result.name == "big.txt"
    assert result.reason == "the file is too large (5.0 MB; the limit is 5 MB)"
    exactly = await add_upload(store, b"\x00" * MAX_UPLOAD_BYTES, "edge.txt")  # at the limit: read, then refused
    assert exactly.status == "error" and exactly.reason and "too large" not in exactly.reason
    assert await store.count_documents() == 5


async def test_a_binary_text_upload_is_an_error_naming_the_file(store: Store) -> None:
    result = await add_upload(store, b"\x00\x01\x02binary", "photo.txt")
    assert result.status == "error" and result.name == "photo.txt" and result.reason
    assert await store.count_documents() == 5


async def test_an_html_upload_is_extracted_with_its_own_metadata(store: Store) -> None:
    page = (
        '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>キーウ会見 | テスト新聞</title>'
        '<meta property="og:site_name" content="テスト新聞"><meta property="og:title" content="キーウ会見">'
        '<meta property="article:published_time" content="2025-03-20T10:00:00+09:00"></head><body><article>'
        f"<h1>キーウ会見</h1><p>{ARTICLE}</p><p>関係者によると、次回の協議は来週にも開かれる見通しだという。</p>"
        "</article></body></html>"
    )
    result = await add_upload(store, page.encode("utf-8"), "kyiv.html", "text/html")
    assert result.status == "added", result.reason
    doc = await get_source(store, result.document_id)
    assert (doc.name, doc.origin, doc.title, doc.outlet, doc.published) == (
        "kyiv.html",
        "upload",
        "キーウ会見",
        "テスト新聞",
        "2025-03-20",
    )
    other = page.replace(ARTICLE, "".join(other_article(n) for n in range(7, 12))).encode("utf-8")
    again = await add_upload(store, other, "again.html", "text/html", title="別題", published="2025-04-07")
    assert again.status == "added", again.reason  # the options win over the page's own metadata
    doc = await get_source(store, again.document_id)
    assert (doc.title, doc.published, doc.outlet) == ("別題", "2025-04-07", "テスト新聞")


def _english_page(n: int) -> str:
    said = [
        f"Delegations from the United States and Ukraine met in Riyadh on March {n}, 2025, for a round of talks.",
        f"Secretary of State Marco Rubio said round {n} had been constructive and that the ball was in Russia's court.",
        "Officials said the next meeting on maritime safety in the Black Sea would be announced within days.",
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks in Riyadh</title>'
        f'<link rel="canonical" href="https://news.example.com/riyadh-{n}">'
        '<meta property="og:site_name" content="Example News"></head><body><article><h1>Talks in Riyadh</h1>'
        + "".join(f"<p>{s}</p>" for s in said)
        + "</article></body></html>"
    )


async def test_an_html_uploads_language_and_address_are_the_pages_unless_given(store: Store) -> None:
    result = await add_upload(store, _english_page(11).encode("utf-8"), "riyadh.html", "text/html")
    assert result.status == "added", result.reason
    doc = await get_source(store, result.document_id)
    assert (doc.language, doc.url, doc.outlet) == ("en", "https://news.example.com/riyadh-11", "Example News")
    given = "https://given.example.org/riyadh"
    again = await add_upload(store, _english_page(12).encode("utf-8"), "r2.html", "text/html", url=given)
    assert again.status == "added", again.reason
    doc = await get_source(store, again.document_id)
    assert (doc.language, doc.url, doc.outlet) == ("en", given, "Example News")


async def test_an_upload_of_an_unknown_kind_is_an_error_not_a_document(store: Store) -> None:
    result = await add_upload(store, b"PK\x03\x04 not really", "sheet.xlsx", "application/vnd.ms-excel")
    assert result.status == "error" and result.name == "sheet.xlsx" and result.reason
    assert await store.count_documents() == 5


# --- add_url (no network: refusals before any fetch) ---------------------------------------------------------


@pytest.mark.parametrize("url", ["", "   ", None])
async def test_an_empty_url_is_refused(store: Store, url: str | None) -> None:
    with pytest.raises(QueryError, match=r"^The URL is empty\.$"):
        await add_url(store, url)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/a", "127.0.0.1 is a loopback address"),
        ("http://10.0.0.5/a", "10.0.0.5 is a private address"),
        ("ftp://example.com/a", "Only http and https URLs can be fetched (got ftp:)."),
    ],
)
async def test_a_refused_url_is_an_error_naming_the_rule(store: Store, url: str, reason: str) -> None:
    result = await add_url(store, url)
    assert result.status == "error" and result.name == url and reason in (result.reason or "")


async def test_a_refused_url_is_named_by_its_first_200_characters(store: Store) -> None:
    url = "http://10.0.0.5/" + "a" * 300
    result = await add_url(store, url)
    assert result.status == "error" and result.name == url[:200]


async def test_a_stored_url_is_a_duplicate_without_fetching(store: Store) -> None:
    stored = await add_text(store, ARTICLE, url="https://www.example.com/kyiv")
    # the host does not resolve here: a fetch would fail, so only the duplicate check can answer
    result = await add_url(store, " https://www.example.com/kyiv ")
    assert result.status == "duplicate" and result.duplicate_of == stored.document_id
    assert result.reason == f"already stored as document #{stored.document_id}"


def test_the_feed_refusal_names_the_other_command() -> None:
    assert "feed" in IS_A_FEED and IS_A_FEED.endswith(".")


# --- listing, searching, removing ---------------------------------------------------------------------------


async def test_search_matches_title_name_or_outlet_newest_first(store: Store) -> None:
    a = await add_text(store, other_article(3), title="防衛費の報告", url="https://a.example.com/x")
    b = await add_text(store, other_article(4), title="別件")
    found = await search_sources(store, "防衛費")
    assert [d.id for d in found] == [a.document_id]
    by_name = await search_sources(store, "a.example.com")
    assert [d.id for d in by_name] == [a.document_id]
    everything = await search_sources(store, "")
    assert [d.id for d in everything] == sorted((d.id for d in await list_sources(store)), reverse=True)
    assert everything[0].id == b.document_id
    assert [d.id for d in await search_sources(store, "", limit=2)] == [b.document_id, a.document_id]


@pytest.mark.parametrize("wildcard", ["%", "_", "\\"])
async def test_search_treats_like_wildcards_as_text(store: Store, wildcard: str) -> None:
    plain = await add_text(store, other_article(5), title="割合の話")
    marked = await add_text(store, other_article(6), title=f"100{wildcard}の話")
    assert [d.id for d in await search_sources(store, f"0{wildcard}の")] == [marked.document_id]
    assert plain.document_id not in [d.id for d in await search_sources(store, wildcard)]


async def test_remove_then_get_and_remove_again(store: Store) -> None:
    added = await add_text(store, ARTICLE, title="消す記事")
    assert (await get_source(store, added.document_id)).title == "消す記事"
    assert await remove_source(store, added.document_id) is True
    assert await get_source(store, added.document_id) is None
    assert await remove_source(store, added.document_id) is False
    assert await search_sources(store, "消す記事") == []


async def test_who_added_a_source_and_for_which_server_is_recorded(store: Store) -> None:
    """The per-server record of every source (what per-server data and audits read)."""
    page = (
        '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>防衛費</title></head><body><article>'
        f"<h1>防衛費</h1><p>{''.join(other_article(n) for n in range(12, 17))}</p></article></body></html>"
    )
    added = [
        await add_text(store, ARTICLE, provenance=Provenance(added_by="alice", guild_id=11)),
        await add_upload(store, other_article(8).encode("utf-8"), "n.txt", provenance=Provenance("bob", 22)),
        await add_upload(store, page.encode("utf-8"), "p.html", "text/html", provenance=Provenance("carol", 33)),
    ]
    rows = [
        await store.fetchone("SELECT added_by, guild_id, origin FROM documents WHERE id = ?", (r.document_id,))
        for r in added
    ]
    assert [(r["added_by"], r["guild_id"], r["origin"]) for r in rows] == [
        ("alice", 11, "text"),
        ("bob", 22, "upload"),
        ("carol", 33, "upload"),
    ]


PAGE = (
    '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>キーウ会見 | テスト新聞</title>'
    '<meta property="og:site_name" content="テスト新聞"><meta property="og:title" content="キーウ会見">'
    '<meta property="article:published_time" content="2025-03-20T10:00:00+09:00"></head><body><article>'
    f"<h1>キーウ会見</h1><p>{ARTICLE}</p><p>関係者によると、次回の協議は来週にも開かれる見通しだという。</p>"
    "</article></body></html>"
)


async def test_a_web_page_is_fetched_extracted_and_recorded(store: Store, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/kyiv").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    httpserver.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
        content_type="application/rss+xml",
    )
    trusted = (f"{httpserver.host}:{httpserver.port}",)
    url = httpserver.url_for("/kyiv")
    result = await add_url(
        store,
        f"  {url}#top  ",
        fetcher=Fetcher(trusted_hosts=trusted),
        title="会見",
        published="2025-03-21",
        provenance=Provenance(added_by="dan", guild_id=44),
    )
    assert result.status == "added", result.reason
    doc = await get_source(store, result.document_id)
    assert (doc.name, doc.url, doc.origin, doc.title, doc.outlet, doc.published) == (
        url,
        url,
        "url",
        "会見",
        "テスト新聞",
        "2025-03-21",
    )
    row = await store.fetchone("SELECT added_by, guild_id FROM documents WHERE id = ?", (doc.id,))
    assert (row["added_by"], row["guild_id"]) == ("dan", 44)

    again = await add_url(store, url, fetcher=Fetcher(trusted_hosts=trusted))
    assert (again.status, again.name, again.duplicate_of) == ("duplicate", url, doc.id)

    async with make_session() as session:  # the bot's pooled session works as well as a fetch's own
        gone = await add_url(store, httpserver.url_for("/gone"), fetcher=Fetcher(trusted_hosts=trusted, session=session))
    assert (gone.status, gone.name) == ("error", httpserver.url_for("/gone")) and "404" in (gone.reason or "")
    feed = await add_url(store, httpserver.url_for("/feed.xml"), fetcher=Fetcher(trusted_hosts=trusted))
    assert (feed.status, feed.name, feed.reason) == ("error", httpserver.url_for("/feed.xml"), IS_A_FEED)
    untrusted = await add_url(store, url)  # the same server without trusting it: the address rule
    assert untrusted.status == "error" and "127.0.0.1 is a loopback address" in (untrusted.reason or "")
    assert await store.count_documents() == 6
