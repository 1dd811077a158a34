"""The README and docs/ say true things: their Python examples run as written, and every link
and picture they point to is there."""

import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CODE = re.compile(r"```python\n(.*?)```", re.S)
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", [p for p in PAGES if CODE.search(p.read_text())], ids=_name)
def test_the_python_examples_run_as_written(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for block in CODE.findall(page.read_text()):
        exec(compile(block, f"{_name(page)} example", "exec"), namespace)


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_link_and_picture_is_there(page):
    missing = [
        target
        for target in LINK.findall(page.read_text())
        if "://" not in target and not (page.parent / target).exists()
    ]
    assert not missing, f"{_name(page)} points to missing files: {missing}"


def test_the_code_map_shows_the_registry_of_kinds_as_it_is():
    import importlib

    from simulator.kinds import KINDS
    from ui.kinds.registry import WINDOW_KINDS

    text = (ROOT / "docs" / "code-map.md").read_text()
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| `") and line.count("|") == 10
    ]
    assert [row[0].strip("`") for row in rows] == [kind.name for kind in KINDS]
    for row, kind, window in zip(rows, KINDS, WINDOW_KINDS, strict=True):
        assert window.kind is kind
        names = [cell.strip("`") for cell in row[2:7]]
        views_module = importlib.import_module(
            type(window).__module__.rsplit(".", 1)[0] + ".view_set"
        )
        assert names == [
            kind.spec_class().__name__,
            kind.model_class().__name__,
            kind.stepper_class().__name__,
            type(window.runner()).__name__,
            getattr(views_module, names[4]).__name__,
        ]
        assert f"return {names[4]}(" in inspect.getsource(type(window).views)
        assert re.findall(r"`([a-z-]+)`", row[7]) == list(kind.kernel_sets)
        field, against = row[8].split(":")
        own, other = kind.compared.default, kind.compared.other(kind.compared.default)
        assert field.strip("`") == kind.compared.field
        assert against.strip() == f"{own} against {other}, else {own}"
