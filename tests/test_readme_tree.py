"""The README's architecture matches the tree: every file or folder the README names exists, and every package
and module of `bot/` and `commands/` is named in its "Architecture" section (a module by its path, or by its
file name in its package's row of the table)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "commands")
_PATH = re.compile(r"(?<![\w/.])((?:bot|commands|tests|bench|eval|seeds|mutation|\.ci)/[\w./{},-]*\w/?)")
_ROW = re.compile(r"^\| (.+?) \| (.*) \|$", re.M)
GENERATED = ("bench/out/",)  # what the bench writes when it runs: named as outputs, not kept in the tree


def _expand(name: str) -> list[str]:
    """`commands/locale/{en,ja}.json` → both files."""
    m = re.search(r"\{([^}]*)\}", name)
    if not m:
        return [name]
    return [x for part in m.group(1).split(",") for x in _expand(name[: m.start()] + part + name[m.end() :])]


def named_paths(text: str) -> set[str]:
    return {path for found in _PATH.findall(text) for path in _expand(found)}


def architecture(readme: str) -> str:
    start = readme.index("## Architecture")
    return readme[start : readme.index("\n### ", start)]


def unnamed(root: Path, section: str) -> list[str]:
    """Packages and modules of the tree the section does not name."""
    rows = {cell.strip("`"): what for cells, what in _ROW.findall(section) for cell in cells.split(" · ")}
    out = []
    for top in PACKAGES:
        for init in sorted((root / top).rglob("__init__.py")):
            package = init.parent.relative_to(root).as_posix()
            if f"`{package}/`" not in section and package not in PACKAGES:
                out.append(package + "/")
            for module in sorted(init.parent.glob("*.py")):
                rel = module.relative_to(root).as_posix()
                if module.name == "__init__.py" or rel in section:
                    continue
                if f"`{module.name}`" not in rows.get(f"{package}/", ""):
                    out.append(rel)
    return out


def missing(root: Path, text: str) -> list[str]:
    return sorted(p for p in named_paths(text) if not p.startswith(GENERATED) and not (root / p).exists())


def test_every_path_the_readme_names_exists():
    gone = missing(ROOT, (ROOT / "README.md").read_text(encoding="utf-8"))
    assert gone == [], f"the README names what the tree does not hold: {gone}"


def test_every_package_and_module_is_named_in_the_architecture():
    left_out = unnamed(ROOT, architecture((ROOT / "README.md").read_text(encoding="utf-8")))
    assert left_out == [], f"name these in the README's Architecture section (its table): {left_out}"


def test_a_mismatch_is_caught(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert missing(ROOT, readme + "\nsee `bot/services/nowhere.py`\n") == ["bot/services/nowhere.py"]
    section = architecture(readme)
    assert "bot/store/documents.py" in unnamed(ROOT, section.replace("`documents.py`", "`documents`"))
    assert "bot/terminal/" in unnamed(ROOT, section.replace("`bot/terminal/`", "`bot/terminal`"))
    assert "bot/instants.py" in unnamed(ROOT, section.replace("bot/instants.py", "bot/instants"))
    assert named_paths("`commands/locale/{en,ja}.json`") == {"commands/locale/en.json", "commands/locale/ja.json"}
