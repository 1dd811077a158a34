"""The wheel installs like an application: built from the source tree, installed into a fresh
virtual environment, and run from a folder that has nothing of the checkout in it, it opens the
default example, draws the window and evaluates shipped examples that read package data.

Offline: the wheel is built without build isolation and installed with --no-deps; the fresh
environment sees this environment's dependencies through a .pth line naming their folder as a
plain path (so the editable install's finder there is not loaded and `simulator` can only come
from the wheel). Slow: the installed kernels are compiled afresh (~1 minute) into a cache folder
of the test's own.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from simulator.resources import PACKAGE, resource

from ..run_rnnsim import ROOT, rnnsim

NOT_READ_AT_RUN_TIME = ("screenshots", "__pycache__")  # pictures for the README and docs

pytestmark = pytest.mark.slow

SOURCES = ("pyproject.toml", "README.md", "simulator", "ui", "resources")
EVALUATED = ("topics_lstm_mean", "char_lm_stacked_lstm")  # a data file beside it; a built-in one


def run(*command, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip wheel --no-deps` builds from a copy of the source tree (the checkout is
    left without build/ or .egg-info)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.nbi", "*.nbc")
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy(ROOT / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    pip = (sys.executable, "-m", "pip")
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, source)
    (built,) = dist.glob("rnnsim-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """A fresh venv holding only the wheel: `installed(PROGRAM, ARGS...)` runs one of its
    programs (python, rnnsim) from an empty folder, offscreen, with a Numba cache of its own."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    dependencies = sysconfig.get_paths()["purelib"]
    Path(site.stdout.strip(), "rnnsim_dependencies.pth").write_text(dependencies + "\n")
    pip = (sys.executable, "-m", "pip", "--python", python)
    run(*pip, "install", "--no-deps", "--no-index", wheel)
    folder, cache = tmp_path_factory.mktemp("elsewhere"), tmp_path_factory.mktemp("cache")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(cache)}
    for name in ("NUMBA_CACHE_DIR", "PYTHONPATH"):
        env.pop(name, None)

    def program(name: str, *args) -> subprocess.CompletedProcess:
        return run(venv / "bin" / name, *args, cwd=folder, env=env)

    program.folder = folder
    return program


def test_the_wheel_holds_every_package_and_every_resource(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = [
        path.parent.relative_to(ROOT).as_posix()
        for top in ("simulator", "ui")
        for path in (ROOT / top).rglob("__init__.py")
    ]
    missing = [p for p in packages if f"{p}/__init__.py" not in names]
    assert missing == [], f"add these to [tool.setuptools] packages in pyproject.toml: {missing}"
    read_at_run_time = [  # all but the scripts that make them and the translations' sources
        f"{PACKAGE}/{folder.name}/{path.name}"
        for folder in resource().iterdir()
        if folder.is_dir() and folder.name not in NOT_READ_AT_RUN_TIME
        for path in folder.iterdir()
        if path.is_file() and path.suffix not in (".py", ".ts")
    ]
    assert len(read_at_run_time) > 70
    assert [name for name in read_at_run_time if name not in names] == []


def test_the_installed_program_draws_its_window_from_any_folder(installed):
    where = installed("python", "-c", "import simulator; print(simulator.__file__)")
    assert not Path(where.stdout.strip()).is_relative_to(ROOT)
    done = installed("rnnsim", "--goto", "loss", "--screenshot", "shot.png")
    assert done.stderr == ""
    shot = (installed.folder / "shot.png").read_bytes()
    assert len(shot) > 50_000  # the window with its plots, not an empty frame
    assert shot[16:24] == (1600).to_bytes(4, "big") + (1000).to_bytes(4, "big")  # PNG size


@pytest.mark.parametrize("name", EVALUATED)
def test_the_installed_program_evaluates_shipped_examples_like_the_checkout(installed, name):
    code = f"from simulator.resources import example; print(example({name!r}))"
    path = installed("python", "-c", code).stdout.strip()
    assert not Path(path).is_relative_to(ROOT)
    done = installed("rnnsim", "evaluate", path, "--json")
    from_checkout = rnnsim("evaluate", resource("examples", f"{name}.rnnsim.json"), "--json")
    assert from_checkout.returncode == 0, from_checkout.stderr
    assert json.loads(done.stdout) == json.loads(from_checkout.stdout)
