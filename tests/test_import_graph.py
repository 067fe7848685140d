"""The project's import graph, read from the source (every import statement that runs: at module level or
inside a function or a method; not the annotations-only names of `if TYPE_CHECKING:`), has no circle and no
upward import.

`lint-imports` (tests/test_import_rules.py) checks the floors between packages; this also sees circles
inside a package (a function-level import that works around one, such as a store opening its other backend)
and reads the floors from the same layers contract of pyproject.toml.
"""

from __future__ import annotations

import ast
import functools
import tomllib
from pathlib import Path

import pytest

from tests.source_tree import broken_copy

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "commands")


def modules(root: Path) -> dict[str, Path]:
    """Dotted module name → file, for every module of the project's packages (a package is its __init__)."""
    out = {}
    for top in PACKAGES:
        for path in sorted((root / top).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _known(name: str, known: dict[str, Path]) -> str | None:
    """The project module an imported name lands in (the longest known prefix), or None for another package."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of the module but the body of `if TYPE_CHECKING:` (names for annotations, never imported
    when the code runs); an `else:` of it is kept."""
    out, todo = [], [tree]
    while todo:
        node = todo.pop()
        out.append(node)
        if _type_checking(node):
            todo.extend(node.orelse)  # type: ignore[attr-defined]
            continue
        todo.extend(ast.iter_child_nodes(node))
    return out


@functools.cache
def _import_statements(source: str) -> tuple[tuple[str | None, int, tuple[str, ...]], ...]:
    """The import statements that run, as (module, level, names): module None for `import a, b`, else `from`'s
    module ("" for `from . import x`). Kept per source text: the broken copies below share all but one file's
    text with the tree, so each test parses only the file it changed (the result is the same as parsing anew)."""
    out: list[tuple[str | None, int, tuple[str, ...]]] = []
    for node in _runtime_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.append((None, 0, tuple(alias.name for alias in node.names)))
        elif isinstance(node, ast.ImportFrom):
            out.append((node.module or "", node.level, tuple(alias.name for alias in node.names)))
    return tuple(out)


def imports(root: Path) -> dict[str, set[str]]:
    """Module → the project modules it imports anywhere in its source (`from p import m` is m when m is a
    module of p, else p itself)."""
    known = modules(root)
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for module, level, names in _import_statements(path.read_text(encoding="utf-8")):
            targets: list[str] = []
            if module is None:  # `import a.b, c`
                targets = list(names)
            else:
                base = module
                if level:
                    up = package.split(".")[: len(package.split(".")) - level + 1]
                    base = ".".join([*up, *([module] if module else [])])
                targets = [f"{base}.{alias}" if f"{base}.{alias}" in known else base for alias in names]
            for target in targets:
                found = _known(target, known)
                if found is not None and found != name:
                    graph[name].add(found)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def floors(root: Path) -> list[list[list[str]]]:
    """The layers contract: floors from the top, each a list of independent groups (`|`), each group a list
    of modules that may import each other (`:`)."""
    contracts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in contracts["contracts"] if c["type"] == "layers")["layers"]
    return [[[m.strip() for m in group.split(":")] for group in layer.split("|")] for layer in layers]


def _place(module: str, placed: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    while module and module not in placed:
        module = module.rpartition(".")[0]
    return placed.get(module)


def upward(root: Path, graph: dict[str, set[str]]) -> list[str]:
    """Imports of a floor above the importer's, or of an independent group beside it on the same floor."""
    placed = {
        module: (level, group)
        for level, groups in enumerate(floors(root))
        for group, members in enumerate(groups)
        for module in members
    }
    wrong = []
    for source, targets in sorted(graph.items()):
        here = _place(source, placed)
        for target in sorted(targets):
            there = _place(target, placed)
            if here is None or there is None or here == there:
                continue
            if there[0] < here[0] or (there[0] == here[0] and there[1] != here[1]):
                wrong.append(f"{source} -> {target}")
    return wrong


def test_no_import_circle_between_modules_of_the_project():
    assert circles(imports(ROOT)) == []


def test_no_upward_import():
    assert upward(ROOT, imports(ROOT)) == []


@pytest.mark.parametrize(
    ("module", "line", "caught"),
    [
        # a function-level circle inside one package, the kind the layers contract does not see
        ("bot/store/store.py", "def _late():\n    from bot.store import backend  # noqa: F401", "circle"),
        ("bot/store/clusters.py", "def _late():\n    import bot.store.cluster_views  # noqa: F401", "circle"),
        ("bot/store/digests.py", "from .feeds import Store as _S  # noqa: F401\n", None),  # relative, no circle
        # annotations only: never imported when the code runs
        ("bot/store/refs.py", "if TYPE_CHECKING:\n    from bot.store.timeline import TimelineFilter  # noqa: F401", None),
        ("bot/store/refs.py", "def _late():\n    from bot.store.timeline import TimelineFilter  # noqa: F401", "circle"),
        ("bot/models.py", "def _late():\n    from bot.services import quotes  # noqa: F401", "upward"),
        ("bot/terminal/cli.py", "if False:\n    import commands.embeds  # noqa: F401", "upward"),  # beside it
    ],
)
def test_a_broken_graph_is_caught(tmp_path, module, line, caught):
    """Each kind of fault, added to a copy of the tree, is found (and a harmless import is not)."""
    broken_copy(tmp_path, module, line)
    graph = imports(tmp_path)
    found = {"circle": bool(circles(graph)), "upward": bool(upward(tmp_path, graph))}
    assert found[caught] if caught else not any(found.values()), found
