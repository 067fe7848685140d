"""A copy of the project's sources in a test's own folder, with one line added to one module: how the checks of
the tree's rules (imports, SQL, one-place helpers) show they catch what they are written against."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "commands")


def broken_copy(dst: Path, module: str, line: str) -> Path:
    """`bot/` and `commands/` (their .py files) and pyproject.toml copied to `dst`, `line` appended to
    `module` (a path relative to the root); returns `dst`."""
    for top in PACKAGES:
        for path in (ROOT / top).rglob("*.py"):
            out = dst / path.relative_to(ROOT)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (dst / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    target = dst / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")
    return dst
