"""Topics kept in the database: added, renamed and removed by admins, discovered in the corpus; CLI `topics`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_text
from bot.models import TOPICS
from bot.services.errors import QueryError
from bot.services.stance_about import stance_about
from bot.services.topics import (
    add_topic,
    discover_topics,
    find_topic,
    list_topics,
    remove_topic,
    rename_topic,
    suggest_topics,
)
from bot.store import Store
from bot.terminal.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def run_main(monkeypatch, capsys):  # type: ignore[no-untyped-def]
    """`python -m bot ARGS` in process: (exit code, stdout, stderr)."""
    for key in list(os.environ):
        if key.startswith(("NEWSDESK_", "DISCORD_")):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NEWSDESK_SEEDS", str(SEEDS))

    def run(*args):  # type: ignore[no-untyped-def]
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:
            code = e.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


TARIFF_ARTICLES = [
    "---\ntitle: 関税 1\npublished: 2025-04-03\n---\nトランプ大統領は相互関税を発表した。ゼレンスキー大統領は相互関税について懸念を示した。\n",
    "---\ntitle: 関税 2\npublished: 2025-04-10\n---\nトランプ大統領は相互関税の一時停止を決めた。\n",
]


async def test_seed_topics_stay_and_admin_topics_are_kept(store: Store) -> None:
    ids = [t.id for t in await list_topics(store)]
    assert ids[: len(TOPICS)] == list(TOPICS)
    added = await add_topic(store, "Tariffs", ["関税", " tariff ", "関税"], added_by="1")
    assert added.id == "tariffs" and added.cues == ["関税", "tariff"] and added.origin == "admin"
    assert (await find_topic(store, "tariffs")).cues == ["関税", "tariff"]
    renamed = await rename_topic(store, "tariffs", "US tariffs")
    assert renamed.id == "tariffs" and (await find_topic(store, "US tariffs")).id == "tariffs"
    await remove_topic(store, "tariffs")
    with pytest.raises(QueryError):
        await find_topic(store, "tariffs")


@pytest.mark.parametrize(
    ("name", "cues", "message"),
    [
        ("Ceasefire", ["停戦"], "exists already"),  # a seed topic's label
        ("停戦", ["停戦"], "exists already"),
        ("tariffs", [], "cue words"),
        ("tariffs", [" ", ","], "cue words"),
        ("", ["関税"], "Name the topic"),
        ("x" * 61, ["関税"], "at most 60"),
    ],
)
async def test_refused_topics(store: Store, name: str, cues: list[str], message: str) -> None:
    with pytest.raises(QueryError) as e:
        await add_topic(store, name, cues)
    assert message in str(e.value)


async def test_a_topic_added_twice_is_refused(store: Store) -> None:
    await add_topic(store, "tariffs", ["関税"])
    with pytest.raises(QueryError, match="exists already"):
        await add_topic(store, "Tariffs", ["tariff"])


async def test_removed_seed_topic_is_hidden_and_renamed_seed_topic_keeps_its_id(store: Store) -> None:
    await rename_topic(store, "nato", "NATO加盟問題")
    assert next(t for t in await list_topics(store) if t.id == "nato").label == "NATO加盟問題"
    await remove_topic(store, "prisoners")
    assert "prisoners" not in [t.id for t in await list_topics(store)]


def test_discovery_finds_recurring_phrases_not_already_topics() -> None:
    texts = [
        (1, "政府は相互関税の撤廃を求めた。"),
        (2, "相互関税をめぐり、首相は遺憾の意を示した。"),
        (3, "一度だけの特別措置法案。"),
        (2, "停戦案について協議した。"),
        (3, "停戦案を受け入れた。"),
        (4, "The reciprocal tariffs were paused."),
        (5, "He criticized the reciprocal tariffs."),
    ]
    found = {t.label: t for t in discover_topics(texts, ["停戦"])}
    assert "相互関税" in found and found["相互関税"].documents == 2
    assert "reciprocal tariffs" in found
    assert not any("停戦" in label for label in found)  # already a seed topic's cue
    assert not any("特別措置法案" in label for label in found)  # one document only


async def test_discovered_topics_grow_with_the_corpus_and_answer_stance(store: Store) -> None:
    for k, text in enumerate(TARIFF_ARTICLES):
        await ingest_text(store, text, name=f"tariff{k}.md")
    topics = {t.label: t for t in await list_topics(store)}
    assert topics["相互関税"].origin == "discovered"
    suggested = await suggest_topics(store, "関税")
    assert suggested[0].label == "相互関税"
    report = await stance_about(store, "ゼレンスキー", topics["相互関税"].label, cues=topics["相互関税"].cues)
    assert [s.position for s in report.statements] == ["oppose"]


def test_cli_topics_add_list_remove(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]
    db = seeded_db  # the seeds, copied from the session's template (not ingested again)
    code, out, err = run_main("--db", db, "topics", "add", "tariffs", "--cues", "関税, tariff", "--json")
    assert code == 0, err
    assert json.loads(out)["topic"]["cues"] == ["関税", "tariff"]
    code, out, err = run_main("--db", db, "topics", "add", "tariffs", "--cues", "関税")
    assert code == 2 and "exists already" in err and len(err.strip().splitlines()) == 1
    code, out, err = run_main("--db", db, "topics", "add", "levies")
    assert code == 2 and "cue words" in err
    code, out, _ = run_main("--db", db, "topics", "--json")
    assert "tariffs" in [t["id"] for t in json.loads(out)["topics"]]
    code, out, _ = run_main("--db", db, "topics", "remove", "tariffs")
    assert code == 0 and "removed" in out


def test_cli_stance_about_bad_input(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]
    db = seeded_db  # the seeds, copied from the session's template (not ingested again)
    for about, says in (("", "Say what"), ("の", "names nothing"), ("x" * 2000, "too long"), ("量子コンピューターの輸出規制", "Nothing in")):
        code, _, err = run_main("--db", db, "stance", "ゼレンスキー", "--about", about)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err and says in err
    code, out, err = run_main("--db", db, "stance", "ゼレンスキー", "--about", "米国が提案した30日間の停戦案", "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["about"] == "米国が提案した30日間の停戦案"
    assert any("30日間" in s["text"] and s["position"] in ("support", "conditional") for s in answer["statements"])
