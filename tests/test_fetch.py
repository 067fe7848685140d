"""fetch() against a real HTTP server on 127.0.0.1, and extraction of what it returns.

The test server runs on loopback, which the address rule refuses. Tests pass its own endpoint as
``trusted_hosts=["127.0.0.1:<port>"]``: that exact host:port is exempt and nothing else, so redirects to
10.0.0.1, 169.254.169.254, ``localhost`` or even the same server under another name are still refused.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.ingest.feeds import looks_like_feed, parse_feed
from bot.ingest.fetch import FetchedPage, FetchError, FetchPolicy, FetchRequest, decode_text, fetch, make_session
from bot.ingest.netguard import Allowlist
from bot.ingest.webpage import extract, extract_bytes

TITLE = "停戦交渉、米ロが来週協議へ"
PARAGRAPHS = [
    "ウクライナ情勢をめぐり、米国とロシアの高官が来週、サウジアラビアで停戦に向けた協議を行うことが分かった。"
    "複数の関係者が明らかにした。",
    "ゼレンスキー大統領は「ウクライナ抜きの交渉は受け入れられない」と述べ、欧州各国も協議への参加を求めている。",
    "トランプ大統領は記者団に対し、鉱物資源をめぐる合意は近いとの見方を示した。①合意文書の署名～発効までの日程は未定だ。",
]
NAV = "ホーム 国際 経済 スポーツ ログイン 会員登録"
AD = "広告：今だけ半額キャンペーン実施中"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>東京ニュース 国際</title><link>https://tokyo-news.example/</link>
<item><title>記事1</title><link>https://tokyo-news.example/a/1</link><guid>a1</guid>
<pubDate>Sat, 01 Mar 2025 08:00:00 +0900</pubDate><description>要約1</description></item>
<item><title>記事2</title><link>https://tokyo-news.example/a/2</link><guid>a2</guid></item>
<item><title>記事3</title><link>/a/3</link><guid>a3</guid></item>
</channel></rss>"""


def article_html(host: str, head_extra: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="ja"><head>{head_extra}
<title>{TITLE} | 東京ニュース</title>
<meta property="og:site_name" content="東京ニュース">
<meta property="og:title" content="{TITLE}">
<meta name="author" content="山田太郎">
<meta property="article:published_time" content="2025-03-01T08:00:00+09:00">
<link rel="canonical" href="http://{host}/articles/123">
</head><body>
<header><nav><ul>{"".join(f'<li><a href="/{i}">{w}</a></li>' for i, w in enumerate(NAV.split()))}</ul></nav></header>
<aside class="ad">{AD}</aside>
<main><article><h1>{TITLE}</h1>
{body}
</article></main>
<footer><p>Copyright 東京ニュース</p><a href="/privacy">プライバシーポリシー</a></footer>
</body></html>"""


def for_euc(text: str) -> str:
    """EUC-JP has no ① and spells the wave dash U+301C (Shift_JIS pages decode it as U+FF5E via cp932)."""
    return text.replace("①", "(1)").replace("～", "〜")


def nav_only_html() -> str:
    links = "".join(f'<li><a href="/{i}">{w}</a></li>' for i, w in enumerate(NAV.split() * 3))
    return f"<html><head><title>東京ニュース</title></head><body><nav><ul>{links}</ul></nav></body></html>"


class Site:
    """The test web server: routes for every case, hit counters, bytes-sent counter for the big body."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.big_sent = 0
        self.server: TestServer | None = None
        app = web.Application(middlewares=[self._count])
        r = app.router
        r.add_get("/utf8", self.utf8)
        r.add_get("/sjis-meta", self.sjis_meta)
        r.add_get("/sjis-none", self.sjis_none)
        r.add_get("/sjis-wrong-header", self.sjis_wrong_header)
        r.add_get("/eucjp-header", self.eucjp_header)
        r.add_get("/eucjp-none", self.eucjp_none)
        r.add_get("/redirect", self.redirect)
        r.add_get("/chain/{n}", self.chain)
        r.add_get("/big", self.big)
        r.add_get("/big-declared", self.big_declared)
        r.add_get("/slow", self.slow)
        r.add_get("/drip", self.drip)
        r.add_get("/png", self.png)
        r.add_get("/nav", self.nav)
        r.add_get("/feed", self.feed)
        r.add_get("/cond", self.cond)
        r.add_get("/pdf", self.pdf)
        self.app = app

    @web.middleware
    async def _count(self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
        self.hits[request.path] += 1
        return await handler(request)

    @property
    def port(self) -> int:
        assert self.server is not None and self.server.port is not None
        return self.server.port

    @property
    def trusted(self) -> list[str]:
        return [f"127.0.0.1:{self.port}"]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # --- handlers ---
    async def utf8(self, request: web.Request) -> web.Response:
        return web.Response(text=article_html(request.host), content_type="text/html", charset="utf-8")

    async def sjis_meta(self, request: web.Request) -> web.Response:
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
        body = article_html(request.host, meta).encode("cp932")
        return web.Response(body=body, headers={"Content-Type": "text/html"})

    async def sjis_none(self, request: web.Request) -> web.Response:
        return web.Response(body=article_html(request.host).encode("cp932"), headers={"Content-Type": "text/html"})

    async def sjis_wrong_header(self, request: web.Request) -> web.Response:
        body = article_html(request.host, '<meta charset="shift_jis">').encode("cp932")
        return web.Response(body=body, headers={"Content-Type": "text/html; charset=utf-8"})

    async def eucjp_header(self, request: web.Request) -> web.Response:
        body = for_euc(article_html(request.host)).encode("euc_jp")
        return web.Response(body=body, headers={"Content-Type": "text/html; charset=EUC-JP"})

    async def eucjp_none(self, request: web.Request) -> web.Response:
        body = for_euc(article_html(request.host)).encode("euc_jp")
        return web.Response(body=body, headers={"Content-Type": "text/html"})

    async def redirect(self, request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": request.query["to"]})

    async def chain(self, request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        if n == 0:
            return await self.utf8(request)
        return web.Response(status=301 if n % 2 else 307, headers={"Location": f"/chain/{n - 1}"})

    async def big(self, request: web.Request) -> web.StreamResponse:
        """50 MB, chunked (no Content-Length), written with backpressure so unread data is never generated."""
        resp = web.StreamResponse(headers={"Content-Type": "text/html; charset=utf-8"})
        await resp.prepare(request)
        chunk = b"<p>" + b"a" * (64 * 1024 - 7) + b"</p>\n"
        while self.big_sent < 50_000_000:
            await resp.write(chunk)
            self.big_sent += len(chunk)
        await resp.write_eof()
        return resp

    async def big_declared(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "text/html"})
        resp.content_length = 50_000_000
        await resp.prepare(request)
        for _ in range(50_000_000 // 65536):
            await resp.write(b"a" * 65536)
            self.big_sent += 65536
        return resp

    async def slow(self, request: web.Request) -> web.Response:
        await asyncio.sleep(10)
        return web.Response(text="late")

    async def drip(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "text/plain"})
        await resp.prepare(request)
        for _ in range(100):
            await resp.write(b"x")
            await asyncio.sleep(0.1)
        return resp

    async def png(self, request: web.Request) -> web.Response:
        return web.Response(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png")

    async def nav(self, request: web.Request) -> web.Response:
        return web.Response(text=nav_only_html(), content_type="text/html")

    async def feed(self, request: web.Request) -> web.Response:
        return web.Response(body=RSS.encode(), content_type="application/rss+xml")

    async def cond(self, request: web.Request) -> web.Response:
        etag, lm = '"v1"', "Sat, 01 Mar 2025 00:00:00 GMT"
        if request.headers.get("If-None-Match") == etag or request.headers.get("If-Modified-Since") == lm:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(
            text=article_html(request.host), content_type="text/html", headers={"ETag": etag, "Last-Modified": lm}
        )

    async def pdf(self, request: web.Request) -> web.Response:
        return web.Response(body=make_pdf(PDF_LINES, title="Ceasefire talks"), content_type="application/octet-stream")


PDF_LINES = [
    "Ceasefire talks to open next week",
    "Senior officials from the United States and Russia will meet in Riyadh next week to",
    "discuss a ceasefire in Ukraine, several people familiar with the plans said on Friday.",
    "President Zelensky said talks without Ukraine were unacceptable.",
    "European governments have asked to take part in the negotiations as well, officials said.",
]


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A minimal one-page PDF with Helvetica text lines."""
    ops = " ".join(f"({line}) Tj T*" for line in lines)
    content = f"BT /F1 11 Tf 72 720 Td 14 TL {ops} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title or ''}) >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    s = Site()
    s.server = TestServer(s.app, host="127.0.0.1")
    await s.server.start_server()
    try:
        yield s
    finally:
        await s.server.close()


async def get(site: Site, path: str, *, session: aiohttp.ClientSession | None = None, **kw: Any) -> FetchedPage:
    """`path` of the test site fetched with `kw` split as fetch takes them: the request's fields (accept,
    etag, last_modified) and the policy's (trusted_hosts, by default the site; allow_private; the limits)."""
    asked = {k: kw.pop(k) for k in ("accept", "etag", "last_modified") if k in kw}
    policy = FetchPolicy(**{"trusted_hosts": site.trusted, **kw})
    return await fetch(FetchRequest(site.url(path), **asked), policy, session)


async def refused(site: Site, path: str, **kw: object) -> FetchError:
    with pytest.raises(FetchError) as info:
        await get(site, path, **kw)
    return info.value


def assert_article(page: FetchedPage) -> None:
    art = extract(page)
    assert art.title == TITLE
    assert art.text == "\n\n".join(PARAGRAPHS)  # exact: no mojibake, no nav/ads, paragraphs kept
    assert NAV.split()[0] not in art.text and AD not in art.text
    assert art.outlet == "東京ニュース"
    assert art.published == "2025-03-01"
    assert art.author == "山田太郎"
    assert art.language == "ja"


# --- success and charsets ------------------------------------------------------------------


async def test_utf8_article(site: Site) -> None:
    page = await get(site, "/utf8")
    assert (page.status, page.content_type, page.charset) == (200, "text/html", "utf-8")
    assert page.url == site.url("/utf8") and page.requested_url == site.url("/utf8")
    assert_article(page)
    assert extract(page).url == f"http://127.0.0.1:{site.port}/articles/123"  # same-site canonical


async def test_shift_jis_declared_only_in_meta(site: Site) -> None:
    page = await get(site, "/sjis-meta")
    assert page.charset == "cp932"  # Shift_JIS as sites mean it (Windows-31J: ①, ～ decode correctly)
    assert "①合意文書の署名～発効" in (page.text or "")
    assert_article(page)


async def test_shift_jis_without_any_declaration(site: Site) -> None:
    page = await get(site, "/sjis-none")
    assert page.charset == "cp932"
    assert_article(page)


async def test_wrong_http_charset_falls_back_to_meta(site: Site) -> None:
    page = await get(site, "/sjis-wrong-header")
    assert page.charset == "cp932"
    assert_article(page)


@pytest.mark.parametrize("path", ["/eucjp-header", "/eucjp-none"])
async def test_euc_jp(site: Site, path: str) -> None:
    page = await get(site, path)
    assert page.charset in ("euc_jp", "euc_jis_2004")
    art = extract(page)
    assert art.text == for_euc("\n\n".join(PARAGRAPHS))
    assert art.title == TITLE


def test_decode_text_order() -> None:
    sjis = "<html><head><meta charset='Shift_JIS'></head><body>日本語のテキストです。</body></html>".encode("cp932")
    assert decode_text(sjis)[1] == "cp932"
    assert decode_text(sjis, "euc-jp")[1] == "cp932"  # the HTTP label does not fit the bytes: skipped
    assert decode_text("ありがとう".encode("iso2022_jp")) == ("ありがとう", "iso2022_jp")
    assert decode_text(b"\xef\xbb\xbfhello") == ("hello", "utf-8")
    xml = '<?xml version="1.0" encoding="EUC-JP"?><rss><title>速報ニュース</title></rss>'.encode("euc_jp")
    assert decode_text(xml) == (xml.decode("euc_jp"), "euc_jp")


# --- address rule on every hop ------------------------------------------------------------------


async def test_untrusted_first_hop_never_connects(site: Site) -> None:
    err = await refused(site, "/utf8", trusted_hosts=())
    assert err.code == "blocked"
    assert err.message == "Refused: 127.0.0.1 is a loopback address."
    assert site.hits["/utf8"] == 0


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("http://10.0.0.1/", "10.0.0.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
            ("http://192.0.0.192/latest/", "192.0.0.192 is a special-purpose"),
        ("http://0251.0376.0251.0376/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
        ("http://167772161/", "10.0.0.1 is a private address"),  # decimal spelling of 10.0.0.1
        ("http://[::ffff:10.0.0.1]/", "private"),
        ("http://100.64.0.1/", "shared"),
        ("http://localhost:{port}/utf8", "localhost is a local host name"),  # same server, other name
        ("http://127.0.0.1:1/", "127.0.0.1 is a loopback address"),  # same host, other port
    ],
)
async def test_redirect_to_private_address_blocked(site: Site, target: str, shown: str) -> None:
    target = target.format(port=site.port)
    err = await refused(site, f"/redirect?to={target}")
    assert err.code == "blocked"
    assert shown in err.message
    assert site.hits["/redirect"] == 1 and site.hits["/utf8"] == 0


async def test_allowlist_lets_named_addresses_through_and_nothing_else(site: Site) -> None:
    """NEWSDESK_ALLOW_PRIVATE_FETCH=127.0.0.1,localhost: the tests' own server is reachable by address and name,
    and a redirect to the metadata address is still refused."""
    allow = Allowlist.parse("127.0.0.1,localhost")
    page = await get(site, "/utf8", trusted_hosts=(), allow_private=allow)
    assert page.status == 200
    page = await get(site, f"/redirect?to=http://localhost:{site.port}/utf8", trusted_hosts=(), allow_private=allow)
    assert page.url == f"http://localhost:{site.port}/utf8"
    for target in ("http://169.254.169.254/latest/meta-data/", "http://[::ffff:a9fe:a9fe]/", "http://10.0.0.1/"):
        err = await refused(site, f"/redirect?to={target}", trusted_hosts=(), allow_private=allow)
        assert err.code == "blocked", target
    err = await refused(site, "/utf8", trusted_hosts=(), allow_private=True)  # the old switch: not loopback
    assert err.code == "blocked" and "loopback" in err.message


async def test_redirect_to_other_scheme_refused(site: Site) -> None:
    err = await refused(site, "/redirect?to=file:///etc/passwd")
    assert err.code == "bad_url"
    assert "http and https" in err.message


async def test_five_redirects_followed(site: Site) -> None:
    page = await get(site, "/chain/5")
    assert page.url == site.url("/chain/0")
    assert page.requested_url == site.url("/chain/5")
    assert_article(page)


async def test_more_than_five_redirects(site: Site) -> None:
    err = await refused(site, "/chain/6")
    assert err.code == "too_many_redirects"
    assert site.hits["/chain/0"] == 0


async def test_dns_names_go_through_the_guarded_resolver(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """news.example exists only in our fake DNS: reaching it proves aiohttp connected via the guard's answer."""
    loop = asyncio.get_running_loop()
    looked_up: list[str] = []

    async def getaddrinfo(host: str, port: int, **_: object) -> list[tuple]:
        looked_up.append(host)
        if host != "news.example":
            raise socket.gaierror(socket.EAI_NONAME, "unknown")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(loop, "getaddrinfo", getaddrinfo)
    url = f"http://news.example:{site.port}/utf8"
    page = await fetch(FetchRequest(url), FetchPolicy(allow_private=Allowlist.parse("127.0.0.1")))
    assert page.status == 200 and looked_up == ["news.example"]  # resolved once, pinned for the connect
    with pytest.raises(FetchError) as info:
        await fetch(FetchRequest(url))
    assert info.value.code == "blocked"
    assert info.value.message == "Refused: news.example resolves to 127.0.0.1, which is a loopback address."
    assert site.hits["/utf8"] == 1
    with pytest.raises(FetchError) as info:
        await fetch(FetchRequest(f"http://nowhere.example:{site.port}/"))
    assert (info.value.code, info.value.message) == ("connection", "Could not find the host nowhere.example.")


# --- limits ----------------------------------------------------------------------------------


CAPPED_FETCH = """
import asyncio, json, resource, tracemalloc
from aiohttp.test_utils import TestServer
from bot.ingest.fetch import FetchError, FetchPolicy, FetchRequest, fetch
from tests.test_fetch import Site

async def main():
    site = Site()
    site.server = TestServer(site.app, host="127.0.0.1")
    await site.server.start_server()
    try:
        await fetch(FetchRequest(site.url("/utf8")), FetchPolicy(trusted_hosts=site.trusted))  # warm up: imports, the first connection
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        try:
            await fetch(FetchRequest(site.url("/big")), FetchPolicy(trusted_hosts=site.trusted, max_bytes=1_000_000))
            error = None
        except FetchError as e:
            error = [e.code, e.message]
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        await asyncio.sleep(0.05)  # let the server notice the closed connection
        print(json.dumps({"error": error, "sent": site.big_sent, "peak": peak, "rss_growth_kib": grown}))
    finally:
        await site.server.close()

asyncio.run(main())
"""


def test_streamed_50mb_body_stops_at_cap_in_a_fresh_process() -> None:
    """Peak memory is a process's high-water mark: measured here in a process of its own (earlier tests in
    this one would already have raised it, and the growth would read 0)."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", CAPPED_FETCH], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["error"] == ["too_large", "Refused: the page is larger than the 1 MB limit."]
    assert figures["sent"] < 10_000_000, figures  # the read stopped early (the rest is socket buffers)
    assert figures["peak"] < 8_000_000, figures  # Python allocations during the fetch, server included
    assert figures["rss_growth_kib"] < 30_000, figures  # the 50 MB were never held


async def test_declared_content_length_refused_up_front(site: Site) -> None:
    err = await refused(site, "/big-declared")
    assert err.code == "too_large"
    assert err.message == "Refused: the file is 50 MB, over the 5 MB limit."
    await asyncio.sleep(0.05)
    assert site.big_sent < 10_000_000


async def test_slow_server_times_out(site: Site) -> None:
    err = await refused(site, "/slow", total_timeout=0.3)
    assert err.code == "connection"  # no answer at all reads like a refused connection: no port scanning
    assert err.message == "Could not get a web page from 127.0.0.1."


async def test_dripping_body_times_out(site: Site) -> None:
    err = await refused(site, "/drip", total_timeout=0.4)
    assert err.code == "timeout"


async def test_404(site: Site) -> None:
    err = await refused(site, "/missing")
    assert err.code == "http_status"
    assert err.status == 404
    assert err.message == "The site answered HTTP 404 Not Found."


async def test_unsupported_type_is_named(site: Site) -> None:
    err = await refused(site, "/png")
    assert err.code == "unsupported_type"
    assert err.message == "Unsupported content type: image/png."


async def test_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError) as info:
        await fetch(FetchRequest(f"http://127.0.0.1:{port}/"), FetchPolicy(trusted_hosts=(f"127.0.0.1:{port}",)))
    assert info.value.code == "connection"


async def test_port_state_is_not_revealed() -> None:
    """A closed port, a silent open port and a non-HTTP service all give one message: no port scanning."""

    async def banner(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"SSH-2.0-OpenSSH_9.6\r\n")
        await writer.drain()
        writer.close()

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)
        writer.close()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    servers = [await asyncio.start_server(handler, "127.0.0.1", 0) for handler in (banner, silent)]
    ports = [closed, *(srv.sockets[0].getsockname()[1] for srv in servers)]
    messages = set()
    try:
        for port in ports:
            with pytest.raises(FetchError) as info:
                await fetch(
                    FetchRequest(f"http://127.0.0.1:{port}/"),
                    FetchPolicy(trusted_hosts=(f"127.0.0.1:{port}",), total_timeout=0.5),
                )
            messages.add((info.value.code, info.value.message))
    finally:
        for srv in servers:
            srv.close()
    assert messages == {("connection", "Could not get a web page from 127.0.0.1.")}


async def test_accept_narrows_types(site: Site) -> None:
    err = await refused(site, "/utf8", accept=("application/rss+xml", "application/atom+xml"))
    assert (err.code, err.message) == ("unsupported_type", "Unsupported content type: text/html.")


# --- conditional requests, sessions -----------------------------------------------------------


async def test_conditional_request_304(site: Site) -> None:
    first = await get(site, "/cond")
    assert first.etag == '"v1"' and first.last_modified and not first.not_modified
    again = await get(site, "/cond", etag=first.etag)
    assert again.not_modified and again.status == 304 and again.body == b"" and again.text is None
    assert again.etag == '"v1"'
    by_date = await get(site, "/cond", last_modified=first.last_modified)
    assert by_date.not_modified


async def test_shared_session(site: Site) -> None:
    session = make_session()
    try:
        a = await get(site, "/utf8", session=session)
        b = await get(site, "/cond", session=session)
        assert a.status == b.status == 200
        assert not session.closed
    finally:
        await session.close()
    async with aiohttp.ClientSession() as plain:
        with pytest.raises(ValueError, match="make_session"):
            await get(site, "/utf8", session=plain)


# --- extraction of fetched pages -------------------------------------------------------------


async def test_page_without_article(site: Site) -> None:
    page = await get(site, "/nav")
    with pytest.raises(FetchError) as info:
        extract(page)
    assert info.value.code == "no_article"


async def test_feed_is_not_an_article(site: Site) -> None:
    page = await get(site, "/feed")
    assert page.content_type == "application/rss+xml" and looks_like_feed(page)
    with pytest.raises(FetchError) as info:
        extract(page)
    assert (info.value.code, info.value.message) == ("unsupported_type", "That URL is a feed; use /source feed.")
    feed = parse_feed(page.body, page.url)
    assert [i.guid for i in feed.items] == ["a1", "a2", "a3"]
    assert feed.items[2].link == site.url("/a/3")  # relative links resolve against the feed's URL


async def test_pdf_served_as_octet_stream(site: Site) -> None:
    page = await get(site, "/pdf")
    assert page.content_type == "application/pdf" and page.text is None  # sniffed from %PDF-
    art = extract(page)
    assert art.title == "Ceasefire talks"
    assert "Senior officials from the United States and Russia will meet in Riyadh next week to discuss" in art.text
    assert art.outlet == "127.0.0.1"


# --- uploads ---------------------------------------------------------------------------------


def test_upload_html_shift_jis() -> None:
    art = extract_bytes(article_html("www.tokyo-news.example").encode("cp932"), "記事.htm")
    assert art.text == "\n\n".join(PARAGRAPHS)
    assert art.url == "http://www.tokyo-news.example/articles/123"  # the saved page's own canonical URL
    assert art.outlet == "東京ニュース"


def test_upload_text_and_markdown() -> None:
    body = "\n\n".join(PARAGRAPHS)
    txt = extract_bytes(f"\n{TITLE}\n\n{body}\n".encode("cp932"), "a.txt")
    assert (txt.title, txt.language, txt.url) == (TITLE, "ja", "")
    assert txt.text == f"{TITLE}\n\n{body}"
    md = extract_bytes(f"# {TITLE}\n\n{body}".encode(), "a.md")
    assert md.title == TITLE and md.text.startswith("# ")


def test_upload_pdf_and_refusals() -> None:
    art = extract_bytes(make_pdf(PDF_LINES), "report.pdf")
    assert art.title == PDF_LINES[0]
    assert "President Zelensky said talks without Ukraine were unacceptable." in art.text
    with pytest.raises(FetchError) as info:
        extract_bytes(b"PK\x03\x04...", "report.docx")
    assert info.value.code == "unsupported_type" and ".docx" in info.value.message
    with pytest.raises(FetchError) as info:
        extract_bytes(b"%PDF-1.4 broken", "x.pdf")
    assert info.value.code == "no_article"
    with pytest.raises(FetchError) as info:
        extract_bytes("短い。".encode(), "x.txt")
    assert info.value.code == "no_article"


def test_pdf_lines_are_reflowed_into_paragraphs() -> None:
    from bot.ingest.webpage import _reflow

    raw = (
        "ウクライナ情勢をめぐり、米国とロシアの高官が来週、サウジアラビアで停戦に向\n"
        "けた協議を行うことが分かった。関係者が明らかにした。複数の関係者によると、協議\n"
        "は数日間続く見通しだ。\n"
        "ゼレンスキー大統領は「ウクライナ抜きの交渉は受け入れられない」と述べ、欧州各国\n"
        "も参加を求めている。\n"
        "2\n"
    )
    assert _reflow(raw) == (
        "ウクライナ情勢をめぐり、米国とロシアの高官が来週、サウジアラビアで停戦に向けた協議を行うことが分かった。"
        "関係者が明らかにした。複数の関係者によると、協議は数日間続く見通しだ。\n\n"
        "ゼレンスキー大統領は「ウクライナ抜きの交渉は受け入れられない」と述べ、欧州各国も参加を求めている。"
    )
