"""The command line: `python -m bot [--db PATH] ingest|sources|quote … [--json]`.

A few runs go through a real subprocess (the eval drives the CLI that way); the error cases run
`bot.terminal.cli.main` in-process, which is the same code without the interpreter start-up.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_text
from bot.rows import Provenance
from bot.store import Store
from bot.store.schema import SCHEMA_VERSION
from bot.terminal.cli import main
from tests import forked
from tests.test_tenancy import ARTICLE_A, ARTICLE_B, QUOTE_A, A, B

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

ARTICLE = """---
url: https://www.example.com/news/cli-test
title: 黒海の航行再開で合意
published: 2025-03-25
outlet: テスト通信
---
米国とロシアの代表団は25日、サウジアラビアのリヤドで協議し、黒海での商船の安全な航行を確保することで合意した。
ペスコフ大統領報道官は「合意の履行には西側の制裁緩和が前提だ」と述べた。
"""


def cli(*args, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", NEWSDESK_SEEDS=str(SEEDS))
    return forked.run(
        [sys.executable, "-m", "bot", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture
def run_main(monkeypatch, capsys):
    for key in list(os.environ):
        if key.startswith(("NEWSDESK_", "DISCORD_")):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NEWSDESK_SEEDS", str(SEEDS))

    def run(*args):
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse errors exit from inside main(), as `python -m bot` would
            code = e.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def one_line_error(code, out, err):
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "error" in lines[0] or "エラー" in lines[0]  # the refusal marker, in the reader's language
    return lines[0]


# --- through a subprocess ---------------------------------------------------------------------------------------


def test_a_new_database_in_a_missing_folder_gets_the_seeds(tmp_path):
    db = tmp_path / "not" / "yet" / "there" / "newsdesk.db"
    r = cli("--db", db, "sources", "--json", cwd=tmp_path)  # any working directory works
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert db.is_file()
    docs = json.loads(r.stdout)["documents"]
    assert [d["name"] for d in docs] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(d["passages"] > 0 for d in docs)


def test_quote_json_contract(seeded_db):
    r = cli("--db", seeded_db, "quote", "ヤシオンカ経由の兵器輸送は以前のレベルに戻った", "--json")
    assert r.returncode == 0, r.stderr
    payload = json.loads(r.stdout)
    top = payload["matches"][0]
    assert {"score", "text", "speaker", "sources"} <= set(top)
    assert isinstance(top["score"], float) and 80 <= top["score"] <= 100
    assert "ヤシオンカ経由の兵器輸送は以前のレベルに戻った" in top["text"]
    assert top["speaker"] == "ラドスワフ・シコルスキ"  # the name as the report writes it in full
    src = top["sources"][0]
    assert src["document"] == next(SEEDS.glob("004_*.txt")).name
    assert "02d66b47e911f0ad19c1a7b512f0af4d99c06b13" in src["url"]


def test_quote_not_in_the_corpus_is_an_empty_list(run_main, seeded_db):
    code, out, err = run_main(
        "--db", seeded_db, "quote", "岸田首相はウクライナへの武器輸出を全面解禁すると表明した", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["matches"] == []


def test_bad_input_is_one_line_without_traceback(seeded_db):
    """Through the real interpreter once; every other bad input runs in-process below (the same main())."""
    r = cli("--db", seeded_db, "quote", "")
    one_line_error(r.returncode, r.stdout, r.stderr)
    assert r.stdout == ""


# --- in-process -------------------------------------------------------------------------------------------------


def test_ingest_prints_what_was_added_then_duplicate(run_main, seeded_db, tmp_path):
    article = tmp_path / "black-sea.md"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_main("--db", seeded_db, "ingest", article)
    assert code == 0, err
    assert out.startswith("added #6 black-sea.md: 黒海の航行再開で合意")
    code, out, err = run_main("--db", seeded_db, "ingest", article, "--json")
    assert code == 0, err
    (result,) = json.loads(out)["results"]
    assert (result["status"], result["duplicate_of"]) == ("duplicate", 6)
    code, out, _ = run_main("--db", seeded_db, "quote", "合意の履行には西側の制裁緩和が前提だ", "--json")
    top = json.loads(out)["matches"][0]
    assert top["speaker"] == "ペスコフ"
    assert top["sources"][0] == {
        **top["sources"][0],
        "document": "black-sea.md",
        "url": "https://www.example.com/news/cli-test",
    }


def test_ingest_a_folder(run_main, seeded_db, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("cli-test", "cli-test-2").replace("25日", "26日"), encoding="utf-8")
    code, out, err = run_main("--db", seeded_db, "ingest", folder)
    assert code == 0, err
    assert [line.split()[0] for line in out.strip().splitlines()] == ["added", "added"]


def test_ingest_an_unsupported_file_says_why(run_main, seeded_db, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 ...")
    code, out, err = run_main("--db", seeded_db, "ingest", pdf)
    assert code == 2
    assert out == ""
    assert err.startswith("error: not added report.pdf: unsupported file type .pdf")
    assert "Traceback" not in err


def test_sources(run_main, seeded_db):
    code, out, _ = run_main("--db", seeded_db, "sources")
    assert code == 0
    assert len(out.strip().splitlines()) == 6  # a header and five seeds
    code, out, _ = run_main("--db", seeded_db, "sources", "5", "--json")
    assert code == 0
    doc = json.loads(out)["document"]
    assert doc["name"].startswith("004_")
    assert "https://sputniknews.jp/20250312/nato-19637255.html" in doc["cited_urls"]


def _newer(seeded_db):
    with closing(sqlite3.connect(seeded_db)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return seeded_db


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("quote", ""), "empty"),
        (("quote", "   "), "empty"),
        (("quote", "あ" * 6000), "too long"),
        (("quote", "?!。"), "no words"),
        (("ingest", "{tmp}/missing.txt"), "no such file"),
        (("sources", "99"), "no document #99"),
        (("quote",), "required"),
        (("quote", "x", "--limit", "0"), "--limit"),
        (("timeline-typo",), "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(run_main, seeded_db, tmp_path, args, needle):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = run_main("--db", seeded_db, *args)
    line = one_line_error(code, out, err)
    assert needle in line
    assert out == ""


@pytest.mark.parametrize("kind", ["newer_schema", "under_a_file", "a_directory"])
def test_unusable_databases_exit_2_with_one_line(run_main, seeded_db, tmp_path, kind):
    if kind == "newer_schema":
        db = _newer(seeded_db)
    elif kind == "under_a_file":
        (tmp_path / "f").write_text("x")
        db = tmp_path / "f" / "sub" / "x.db"
    else:
        db = tmp_path
    code, out, err = run_main("--db", db, "sources")
    line = one_line_error(code, out, err)
    assert str(db if kind != "under_a_file" else db.parent) in line or "newer" in line


def test_quote_with_mentions_and_markup_is_plain_text(run_main, seeded_db):
    code, out, err = run_main("--db", seeded_db, "quote", "**ロシアは何も得られない**", "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["query"] == "**ロシアは何も得られない**"
    assert payload["matches"], "markdown around a quote is not part of it"
    top = payload["matches"][0]
    assert top["speaker"] == "ウシャコフ" and "ロシアは何も得られない" in top["text"] and "**" not in top["text"]

    code, out, err = run_main("--db", seeded_db, "quote", "@everyone <@123> **ロシアは何も得られない**", "--json")
    assert code == 0, err  # an answer (here: none), not an error
    assert json.loads(out)["query"] == "@everyone <@123> **ロシアは何も得られない**"  # echoed as typed


def test_a_missing_file_among_others_adds_nothing_silently(run_main, seeded_db, tmp_path):
    good = tmp_path / "good.md"
    good.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run_main("--db", seeded_db, "ingest", good, tmp_path / "missing.txt")
    assert code == 2
    with closing(sqlite3.connect(seeded_db)) as conn:
        stored = conn.execute("SELECT count(*) FROM documents WHERE name = 'good.md'").fetchone()[0]
    assert stored == 0 or "good.md" in out


# --- tenancy: the command line sees every server, acts as one with --guild, lists and removes them ---


def _with_two_servers(db: Path) -> tuple[int, int]:
    async def build() -> tuple[int, int]:
        store = await Store.open(db)
        try:
            a = await ingest_text(store, ARTICLE_A, name="a.txt", provenance=Provenance(guild_id=A))
            b = await ingest_text(store, ARTICLE_B, name="b.txt", provenance=Provenance(guild_id=B))
            assert a.document_id and b.document_id
            return a.document_id, b.document_id
        finally:
            await store.close()

    return asyncio.run(build())


def test_guild_option_answers_as_that_server(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]
    doc_a, doc_b = _with_two_servers(seeded_db)
    code, out, _ = run_main("--db", seeded_db, "quote", QUOTE_A, "--json")
    assert code == 0 and json.loads(out)["matches"]
    code, out, _ = run_main("--db", seeded_db, "quote", QUOTE_A, "--guild", B, "--json")
    assert code == 0 and all(QUOTE_A not in m["text"] for m in json.loads(out)["matches"])
    code, out, _ = run_main("--db", seeded_db, "sources", "--guild", A, "--json")
    assert [d["id"] for d in json.loads(out)["documents"]] == [1, 2, 3, 4, 5, doc_a]
    code, out, _ = run_main("--db", seeded_db, "timeline", "--guild", B, "--json")
    assert code == 0 and doc_a not in {s["document_id"] for e in json.loads(out)["events"] for s in e["sources"]}
    code, out, _ = run_main("--db", seeded_db, "stance", "ゼレンスキー", "--guild", A, "--json")
    assert code == 0 and doc_b not in {s["sources"][0]["document_id"] for s in json.loads(out)["statements"]}
    code, out, _ = run_main("--db", seeded_db, "digest", "--since", "2000-01-01", "--guild", A, "--json")
    assert code == 0 and doc_a in (ids := [d["id"] for d in json.loads(out)["sources"]]) and doc_b not in ids
    code, out, _ = run_main("--db", seeded_db, "actors", "--guild", B, "--json")
    names = [a["name"] for a in json.loads(out)["actors"]]
    assert "オルティス" in names and "ベルグマン" not in names


def test_a_server_the_store_never_saw_and_another_servers_document_are_refused(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]
    doc_a, _ = _with_two_servers(seeded_db)
    line = one_line_error(*run_main("--db", seeded_db, "quote", QUOTE_A, "--guild", 999))
    assert "no server 999" in line and "guilds" in line
    one_line_error(*run_main("--db", seeded_db, "timeline", "--guild", 99999999999999999999999))
    other = one_line_error(*run_main("--db", seeded_db, "sources", doc_a, "--guild", B))
    missing = one_line_error(*run_main("--db", seeded_db, "sources", 4242, "--guild", B))
    assert other.replace(str(doc_a), "N") == missing.replace("4242", "N")  # the same answer as not found
    assert one_line_error(*run_main("--db", seeded_db, "sources", doc_a, "--remove", "--guild", B))
    code, out, _ = run_main("--db", seeded_db, "sources", doc_a, "--json")
    assert code == 0 and json.loads(out)["document"]["guild_id"] == A


def test_shared_documents_are_removed_from_the_command_line_only(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]
    _with_two_servers(seeded_db)
    line = one_line_error(*run_main("--db", seeded_db, "sources", 2, "--remove", "--guild", A))
    assert "shared" in line and "command line" in line
    code, out, _ = run_main("--db", seeded_db, "sources", 2, "--remove")
    assert code == 0 and "removed #2" in out
    one_line_error(*run_main("--db", seeded_db, "sources", "--remove"))


def test_guilds_are_listed_and_one_is_removed_with_its_data(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]
    _, doc_b = _with_two_servers(seeded_db)
    code, out, _ = run_main("--db", seeded_db, "guilds")
    assert code == 0 and str(A) in out and str(B) in out
    code, out, err = run_main("--db", seeded_db, "guilds", "remove", A)  # without --yes: what would go, nothing gone
    assert f"would delete 1 document, 0 feeds of server {A}" in out
    assert f"nothing removed: run `guilds remove {A} --yes`" in one_line_error(code, out, err)
    code, out, _ = run_main("--db", seeded_db, "--lang", "ja", "guilds", "remove", A)
    assert f"サーバー {A} の記事 1 件" in out and code == 2
    code, out, _ = run_main("--db", seeded_db, "guilds", "--json")
    assert [g["guild_id"] for g in json.loads(out)["guilds"]] == [A, B]
    code, out, _ = run_main("--db", seeded_db, "guilds", "remove", A, "--yes")
    assert code == 0 and f"removed server {A}: 1 document, 0 feeds" in out
    code, out, _ = run_main("--db", seeded_db, "guilds", "--json")
    assert [g["guild_id"] for g in json.loads(out)["guilds"]] == [B]
    code, out, _ = run_main("--db", seeded_db, "sources", "--json")
    assert [d["id"] for d in json.loads(out)["documents"]] == [1, 2, 3, 4, 5, doc_b]
    assert "no server" in one_line_error(*run_main("--db", seeded_db, "guilds", "remove", A, "--yes"))
    assert "not a server id" in one_line_error(*run_main("--db", seeded_db, "guilds", "remove", "abc"))


def test_ingest_as_a_server_keeps_the_documents_that_servers(run_main, seeded_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _with_two_servers(seeded_db)
    one = tmp_path / "one.txt"
    one.write_text(ARTICLE.replace("cli-test", "cli-test-one"), encoding="utf-8")
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2):
        text = ARTICLE.replace("cli-test", f"cli-test-{i}").replace("25日", f"{20 + i}日")
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    assert run_main("--db", seeded_db, "ingest", one, "--guild", A)[0] == 0
    assert run_main("--db", seeded_db, "ingest", folder, "--guild", A)[0] == 0
    _, out, _ = run_main("--db", seeded_db, "sources", "--json")
    added = {d["name"]: d["guild_id"] for d in json.loads(out)["documents"] if d["id"] > 7}
    assert added == {"one.txt": A, "0.txt": A, "1.txt": A}
    _, out, _ = run_main("--db", seeded_db, "sources", "--guild", B, "--json")
    assert not {"one.txt", "0.txt", "1.txt"} & {d["name"] for d in json.loads(out)["documents"]}
    one_line_error(*run_main("--db", seeded_db, "ingest", one, "--guild", 31337))
