"""The README and docs/ say true things: their Python examples run as written, and every link
and picture they point to is there."""

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
