"""The `rnnsim` command run as a person runs it: a separate process, offscreen, from the source
tree these tests check (its working folder, so it imports this tree's code)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rnnsim(*args, env=None, timeout=120) -> subprocess.CompletedProcess:
    """`rnnsim ARGS...` (ui/launcher.py, the console script), offscreen unless `env` says
    otherwise; `env` entries set to None are removed from the environment."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    environment = {k: v for k, v in environment.items() if v is not None}
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *map(str, args)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
