"""Imports among checker's modules run one way: no module imports, however indirectly,
a module that imports it.  Read with ast, nothing imported: an import inside a function
counts too (deferring an import hides a cycle from Python, not from a reader), and
`from checker import __version__` is left out (every module may ask the package its
version)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules() -> dict[str, Path]:
    out = {}
    for path in (ROOT / "checker").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _imported(node: ast.AST) -> list[str]:
    """The dotted names an import statement names ('checker.model.Claim' for
    `from checker.model import Claim`); checker uses no relative imports."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        if node.module == "checker" and [a.name for a in node.names] == ["__version__"]:
            return []
        return [f"{node.module}.{alias.name}" for alias in node.names]
    return []


def _import_graph() -> dict[str, set[str]]:
    modules = _modules()

    def module_of(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        names = [n for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) for n in _imported(node)]
        graph[module] = {m for n in names if (m := module_of(n)) not in (None, module)}
    return graph


def test_checker_has_no_relative_imports():
    relative = [(path.name, node.lineno) for path in _modules().values()
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.ImportFrom) and node.level]
    assert relative == []  # _imported would not follow them


def test_imports_among_checkers_modules_form_no_cycle():
    try:
        TopologicalSorter(_import_graph()).prepare()
    except CycleError as err:
        # graphlib lists each module before one that imports it; read as imports
        raise AssertionError("import cycle: " + " imports ".join(reversed(err.args[1]))) from None
