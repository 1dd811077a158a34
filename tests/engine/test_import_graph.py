"""The import graph of simulator/ and ui/, read from the sources (every import, also those inside
functions, which run later but still tie two modules together): no module imports itself back
through others, and nothing under simulator/ imports ui/ or Qt."""

import ast
from functools import cache
from pathlib import Path

from ..run_rnnsim import ROOT

PACKAGES = ("simulator", "ui")
QT = ("PySide6", "shiboken6", "pyqtgraph")


@cache
def module_names() -> dict[str, Path]:
    names = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


@cache
def imported_by(name: str, path: Path, modules: frozenset = frozenset()) -> frozenset[str]:
    """Every module `name` imports (relative names resolved), leaving out `if TYPE_CHECKING:`
    blocks, which never run. `from package import x` counts as importing the module
    package.x when that is one of `modules`, else as importing `package`."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else base)
    return frozenset(found)


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    known = frozenset(names)
    return {
        name: {m for m in imported_by(name, path, known) if m in names and m != name}
        for name, path in names.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while not component or component[-1] != node:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle_through_three_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycles_inside_simulator_and_ui():
    graph = import_graph()
    assert len(graph) > 150
    assert cycles(graph) == []


def test_the_engine_imports_neither_the_window_nor_qt():
    names = module_names()
    known = frozenset(names)
    upward = {
        name: sorted(m for m in imported_by(name, path, known) if m.split(".")[0] in ("ui", *QT))
        for name, path in names.items()
        if name.startswith("simulator")
    }
    assert {name: found for name, found in upward.items() if found} == {}
