"""The layering rules of the README's architecture, as import contracts (`[tool.importlinter]` in pyproject.toml).

`.ci/run` runs `lint-imports`; this runs the same contracts in the suite, and checks that every module of
`bot/` sits on a floor of the layers contract, so a new module cannot slip past the rules.
"""

from __future__ import annotations

import logging
import sys
import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def _lint(config: Path) -> int:
    """`lint-imports` in this process, leaving the loggers as they were (it configures logging, which
    disables every logger that exists already: the log tests that follow would capture nothing)."""
    loggers = [logging.getLogger(), *logging.root.manager.loggerDict.values()]
    disabled = {lg: lg.disabled for lg in loggers if isinstance(lg, logging.Logger)}
    try:
        return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)
    finally:
        for lg, was in disabled.items():
            lg.disabled = was


def _contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def test_every_import_contract_is_kept(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert _lint(ROOT / "pyproject.toml") == 0, capsys.readouterr().out[-4000:]


def test_every_module_of_the_core_is_on_a_floor():
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    placed = {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}
    modules = {
        f"bot.{p.stem if p.is_file() else p.name}"
        for p in (ROOT / "bot").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p.is_dir() and (p / "__init__.py").exists())
    }
    assert modules - placed - {"bot.data"} == set()  # bot.data holds the data files only


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("bot/services/digest.py", "import commands.render  # noqa: F401"),  # the core importing a front end
        ("bot/terminal/console.py", "import commands.embeds  # noqa: F401"),  # one front end importing the other
        ("bot/models.py", "import discord  # noqa: F401"),  # discord outside the Discord front end
        ("bot/store/refs.py", "import bot.extract.dates  # noqa: F401"),  # the store importing extraction
        ("commands/quote.py", "import bot.store.search  # noqa: F401"),  # a cog reaching past the services
    ],
)
def test_a_broken_rule_is_caught(tmp_path, monkeypatch, capsys, module, line):
    """Each rule fails on a copy of the tree that breaks it (the contracts are not vacuous)."""
    for top in ("bot", "commands"):
        _copy_sources(ROOT / top, tmp_path / top)
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m in ("bot", "commands") or m.startswith(("bot.", "commands."))]:
        monkeypatch.delitem(sys.modules, name)  # the copy is the tree the contracts read
    assert _lint(tmp_path / "pyproject.toml") == 1
    assert "BROKEN" in capsys.readouterr().out


def _copy_sources(src: Path, dst: Path) -> None:
    for path in src.rglob("*.py"):
        out = dst / path.relative_to(src)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
