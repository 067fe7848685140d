"""A corpus of hostile feeds, written for this project: the shapes real publishers serve.

Each ``Case`` is a feed body with the Content-Type it is served with, and the item pages it links to
(paths under the test server). ``{base}`` in a body is the server's own http://127.0.0.1:port.
Dialects: RSS 0.91, RSS 2.0, RSS 1.0 (RDF), Atom 1.0, JSON Feed 1.1. Hostile values: MySQL zero dates,
impossible offsets, zones such as PT / MET / -01:01, bad ports, broken IPv6 brackets, other schemes,
Shift_JIS / EUC-JP declared only in HTTP or not at all, IRIs, linkless items, id-only items, items with
neither link nor GUID, duplicates, oldest-first order, feeds served as text/plain, text/html, text/atom+xml.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

ARTICLE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="テスト通信"></head><body><nav>トップ | 国際 | 経済</nav><article>
<h1>{title}</h1><p>{lead}</p><p>関係者によると、第{n}回の協議は今後も続く見通しで、各国の担当者が近く再び会合を開く予定だという。
会合では第{n}項目の議題について意見を交わし、合意文書の草案づくりを急ぐ方針を確認した。</p></article>
<footer>© テスト通信</footer></body></html>"""

LEADS = [
    "マクロン大統領は2025年4月{day}日、欧州の防衛支出を増やす必要があると述べた。",
    "ルッテ事務総長は2025年4月{day}日、加盟国に防衛費の増額を求めた。",
    "シコルスキ外相は2025年4月{day}日、ウクライナへの兵器輸送が続いていると発表した。",
    "フォンデアライエン委員長は2025年4月{day}日、欧州再軍備計画の第二段階を発表した。",
]


def article(n: int, title: str | None = None) -> str:
    """A distinct article page (its text differs for every n, so no two are content duplicates)."""
    day = 1 + n % 28
    return ARTICLE.format(title=title or f"記事{n}", lead=LEADS[n % len(LEADS)].format(day=day), n=n)


def undated_article(n: int) -> str:
    return article(n).replace("2025年4月", "")


@dataclass
class Case:
    name: str
    body: bytes
    content_type: str
    pages: dict[str, str] = field(default_factory=dict)  # path → HTML (UTF-8)
    stored: int = 0  # items that end up stored (fetched) on the first poll
    failed: int = 0  # items that fail (with a reason)
    skipped: int = 0  # items deliberately not taken
    title: str | None = None  # the feed title as it must read


def _rss(items: str, *, title: str = "テスト通信", version: str = "2.0", encoding: str = "utf-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="{version}"><channel><title>{title}</title>'
        f"<link>{{base}}/</link><description>d</description>{items}</channel></rss>"
    )


def _item(n: int, *, date: str | None = "Tue, 01 Apr 2025 09:00:00 +0900", link: str | None = None) -> str:
    link = link if link is not None else f"{{base}}/a/{n}"
    d = f"<pubDate>{date}</pubDate>" if date else ""
    return f'<item><title>記事{n}</title><link>{link}</link><guid isPermaLink="false">g{n}</guid>{d}</item>'


def _pages(*numbers: int) -> dict[str, str]:
    return {f"/a/{n}": article(n) for n in numbers}


def cases() -> list[Case]:
    out: list[Case] = []

    # --- dialects -----------------------------------------------------------------------------
    out.append(
        Case(
            "rss091",
            _rss("".join(f"<item><title>記事{n}</title><link>{{base}}/a/{n}</link></item>" for n in (1, 2)), version="0.91").encode(),
            "application/rss+xml",
            _pages(1, 2),
            stored=2,
        )
    )  # fmt: skip
    rdf = (
        '<?xml version="1.0" encoding="utf-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="{base}/"><title>RDF通信</title><link>{base}/</link><description>d</description></channel>'
        '<item rdf:about="{base}/a/3"><title>記事3</title><link>{base}/a/3</link><dc:date>2025-04-03T09:00:00+09:00</dc:date></item>'
        "</rdf:RDF>"
    )
    out.append(Case("rdf", rdf.encode(), "application/rdf+xml", _pages(3), stored=1, title="RDF通信"))
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom通信</title>'
        '<link href="{base}/"/><id>urn:x</id><updated>2025-04-04T00:00:00Z</updated>'
        '<entry><title>記事4</title><link rel="alternate" href="{base}/a/4"/><id>tag:x,2025:4</id>'
        "<updated>2025-04-04T00:00:00Z</updated></entry>"
        "<entry><title>番号だけの記事</title><id>12345</id><updated>2025-04-04T01:00:00Z</updated>"
        "<summary>リンクのない項目でも本文は残る。外相は協議の継続で一致した。</summary></entry>"
        "</feed>"
    )
    out.append(Case("atom_id_only", atom.encode(), "text/atom+xml", _pages(4), stored=2, title="Atom通信"))
    jf = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON通信",
        "home_page_url": "{base}/",
        "items": [
            {"id": "j5", "url": "{base}/a/5", "title": "記事5", "date_published": "2025-04-05T09:00:00+09:00"},
            {
                "id": 6,
                "title": "本文だけの項目",
                "content_text": "首相は記者団に対し、予算案の成立を急ぐ考えを示した。",
            },
            {"id": "j7", "url": "http://h:99999/x", "title": "壊れたリンク"},
            "not an object",
        ],
    }
    out.append(
        Case("jsonfeed", json.dumps(jf, ensure_ascii=False).encode(), "application/feed+json", _pages(5), stored=2, failed=2, title="JSON通信")
    )  # fmt: skip

    # --- dates ------------------------------------------------------------------------------------
    dates = [
        "0000-00-00 00:00:00",
        "9999-12-31T23:59:59-99:99",
        "Tue, 01 Apr 2025 09:00:00 PT",
        "Tue, 01 Apr 2025 09:00:00 MET",
        "2025-04-01T09:00:00-01:01",
        "Mon, 31 Feb 2025 00:00:00 GMT",
        "yesterday",
    ]
    items = "".join(_item(10 + i, date=d) for i, d in enumerate(dates))
    out.append(
        Case(
            "bad_dates",
            _rss(items).encode(),
            "application/rss+xml",
            _pages(*range(10, 10 + len(dates))),
            stored=len(dates),
        )
    )

    # --- links ------------------------------------------------------------------------------------
    bad_links = [
        "http://h:99999/x",
        "http://[bad/",
        "javascript:alert(1)",
        "ftp://example.org/a",
        "http://user:pw@127.0.0.1:1/a/1",
    ]
    items = _item(20) + "".join(_item(21 + i, link=link) for i, link in enumerate(bad_links)) + _item(30)
    out.append(Case("bad_links_mid_feed", _rss(items).encode(), "application/rss+xml", _pages(20, 30), stored=2, failed=len(bad_links)))  # fmt: skip

    # --- encodings --------------------------------------------------------------------------------
    sjis = _rss(
        '<item><title>停戦交渉の行方</title><link>{base}/記事/停戦交渉</link><guid isPermaLink="false">s1</guid></item>',
        title="日本経済新聞 速報",
        encoding="Shift_JIS",
    ).replace(' encoding="Shift_JIS"', "")  # declared only in HTTP
    out.append(
        Case(
            "shift_jis_http_only",
            sjis.encode("cp932"),
            "application/rss+xml; charset=Shift_JIS",
            {"/記事/停戦交渉": article(40, "停戦交渉の行方")},
            stored=1,
            title="日本経済新聞 速報",
        )
    )
    eucjp = _rss(
        '<item><title>予算案の審議</title><link>{base}/ニュース/予算?id=%93%FA</link><guid isPermaLink="false">e1</guid></item>'
        '<item><title>国会の日程</title><link>{base}/a/41</link><guid isPermaLink="false">e2</guid></item>',
        title="国際ニュースのまとめ",
    ).replace(' encoding="utf-8"', "")  # not declared anywhere
    out.append(
        Case(
            "euc_jp_undeclared",
            eucjp.encode("euc_jp"),
            "text/xml",
            {"/ニュース/予算": article(42, "予算案の審議"), **_pages(41)},
            stored=2,
            title="国際ニュースのまとめ",
        )
    )

    # --- identity ---------------------------------------------------------------------------------
    items = (
        "<item><title>リンクなしの速報</title><description>政府は臨時閣議で補正予算案を決定した。</description>"
        "<pubDate>Wed, 02 Apr 2025 10:00:00 +0900</pubDate></item>"
        "<item><title>もう一つの速報</title><description>与党は党首会談の開催で合意した。</description></item>"
        "<item><guid>12345</guid><title>番号GUIDの速報</title><description>野党は内閣不信任案の提出を検討している。</description></item>"
        "<item><title></title><description></description></item>"
        + _item(50)
        + _item(50)  # the same item twice in one feed
    )
    out.append(
        Case("linkless_and_id_only", _rss(items).encode(), "application/rss+xml", _pages(50), stored=4, skipped=1)
    )

    # --- content types ----------------------------------------------------------------------------
    out.append(
        Case("served_as_text_plain", _rss(_item(60)).encode(), "text/plain; charset=utf-8", _pages(60), stored=1)
    )
    out.append(Case("served_as_text_html", _rss(_item(61)).encode(), "text/html", _pages(61), stored=1))

    # --- order --------------------------------------------------------------------------------------
    items = "".join(_item(70 + i, date=f"Tue, {1 + i:02d} Apr 2025 09:00:00 +0900") for i in range(3))  # oldest first
    out.append(Case("oldest_first", _rss(items).encode(), "application/rss+xml", _pages(70, 71, 72), stored=3))
    return out


def big_feed(count: int, *, extra_newest: int = 0) -> str:
    """An RSS 2.0 feed of ``count`` (+ ``extra_newest``) items, newest first, numbered from 0 (oldest)."""
    total = count + extra_newest
    items = "".join(
        f'<item><title>記事{n}</title><link>{{base}}/big/{n}</link><guid isPermaLink="false">big{n}</guid>'
        f"<pubDate>{_rfc822(n)}</pubDate><description>第{n}報の要約。</description></item>"
        for n in range(total - 1, -1, -1)
    )
    return _rss(items, title="大量配信")


def _rfc822(n: int) -> str:
    """Distinct, increasing dates for item n (one a minute from 2025-01-01)."""
    day, minute = divmod(n, 1440)
    month, mday = (1 + day // 28, 1 + day % 28)
    return f"{mday:02d} {['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'][min(month - 1, 5)]} 2025 {minute // 60:02d}:{minute % 60:02d}:00 +0900"
