"""Where rnnsim's resources are: the example projects, the data files the built-in tasks read,
the window's translations, the model explanations and the lessons.

They ship as the package data of `rnnsim_resources`, whose folder is resources/ in the source
tree (pyproject.toml maps it into the wheel), and are found through importlib.resources, so an
installed wheel works from any folder. Run from a source tree (the tests, a developer's
worktree) the resources/ beside this code is used, so each checkout reads its own files.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

PACKAGE = "rnnsim_resources"
PROJECT_SUFFIX = ".rnnsim.json"  # NAME.rnnsim.json beside NAME.npz
DEFAULT_EXAMPLE_NAME = "default_sentiment_lstm"


@cache
def root() -> Path:
    """The folder that holds examples/, data/, translations/ and explanations/."""
    source_tree = Path(__file__).resolve().parents[1]
    if (source_tree / "pyproject.toml").is_file() and (source_tree / "resources").is_dir():
        return source_tree / "resources"
    installed = files(PACKAGE)
    if not isinstance(installed, Path):  # e.g. imported from a zip file
        raise RuntimeError(f"rnnsim's resources must be installed as files, not in {installed}")
    return installed


def resource(*parts: str) -> Path:
    """resources/PARTS..., e.g. resource("data", "segmentation_words.txt")."""
    return root().joinpath(*parts)


def example(name: str) -> Path:
    """The shipped example project NAME (examples/NAME.rnnsim.json)."""
    return resource("examples", name + PROJECT_SUFFIX)


EXAMPLES = resource("examples")
DATA = resource("data")
TRANSLATIONS = resource("translations")
EXPLANATIONS = resource("explanations")
LESSONS = resource("lessons")
DEFAULT_EXAMPLE = example(DEFAULT_EXAMPLE_NAME)
