"""Kill a process while it saves a project over and over, then look at what the folder holds.

The saving child writes version v = 1, 2, 3, ... of the project: step v, and the first output
bias (and the first entry of each optimiser moment) set to v, so a JSON paired with weights of
another version is seen at once. Used by tests/project/test_kill_during_save.py (a few kills)
and benchmarks/kill_during_save.py (50).

    python -m tests.project.kill_saving FILE    the saving child (prints "ready", then saves)
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class KillResult:
    whole: bool  # the JSON opens, with the weights of its own version
    version: int  # the version found (0: the project as it was before the child started)
    problem: str  # why it is not whole ("" when it is)
    left_after_kill: list[str]  # files beside the project and its weights, before reopening
    left_after_open: list[str]  # ... after opening it again
    left_after_save: list[str]  # ... after saving it again


def _marker_name(parameters: dict) -> str:
    return "output.bias" if "output.bias" in parameters else sorted(parameters)[-1]


def save_forever(path: Path) -> None:
    from simulator.project import Project

    project = Project.load(path)
    project.parameters = project.parameters or project.make_network().state_dict()
    marker = _marker_name(project.parameters)
    print("ready", flush=True)
    version = 0
    while True:
        version += 1
        project.step = version
        project.parameters[marker].flat[0] = version
        for array in project.optimizer_state.values():
            array[0] = version
        project.save(path)


def others(path: Path) -> list[str]:
    """Files in the project's folder other than the project and the weights it names."""
    keep = {path.name}
    try:
        keep.add(json.loads(path.read_text(encoding="utf-8"))["parameters"])
    except (OSError, ValueError, KeyError, TypeError):  # a damaged JSON names nothing
        pass
    return sorted(p.name for p in path.parent.iterdir() if p.name not in keep)


def _marker(project) -> float:
    return float(project.parameters[_marker_name(project.parameters)].flat[0])


def check(path: Path, original) -> tuple[bool, int, str]:
    """(whole, version, problem) of the project at `path`; `original` is the project before
    the child started saving."""
    from simulator.project import Project

    try:
        project = Project.load(path)
    except Exception as err:  # noqa: BLE001 - any failure to open is what we count
        return False, -1, f"does not open: {err}"
    marker = _marker(project)
    if project.step == original.step:  # killed before its first save was complete
        if marker != _marker(original):
            return False, 0, f"JSON of the original with weights of {marker:g}"
        return True, 0, ""
    if marker != project.step:
        return False, project.step, f"JSON of step {project.step} with weights of {marker:g}"
    for name, array in project.optimizer_state.items():
        if array[0] != project.step:
            return False, project.step, f"optimizer {name} of {array[0]:g}, JSON {project.step}"
    return True, project.step, ""


def kill_while_saving(path: Path, rng: random.Random, latest: float = 1.0) -> KillResult:
    """Start a child saving `path` in a loop, SIGKILL it after a random time, then check."""
    from simulator.project import Project

    original = Project.load(path)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.project.kill_saving", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, latest))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    left_after_kill = others(path)
    whole, version, problem = check(path, original)
    left_after_open = others(path)
    if whole:
        project = Project.load(path)
        project.save(path)
    left_after_save = others(path)
    return KillResult(whole, version, problem, left_after_kill, left_after_open, left_after_save)


if __name__ == "__main__":
    save_forever(Path(sys.argv[1]))
