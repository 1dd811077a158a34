"""`rnnsim train` shows a progress bar on a terminal and nothing elsewhere."""

import subprocess
import sys

from .terminal import TerminalRun
from .test_commands import project_file  # noqa: F401 - a fixture


def test_on_a_terminal_the_bar_counts_the_steps_and_ends_its_line(project_file):  # noqa: F811
    code, out, shown = TerminalRun("train", project_file, "--steps", "60").finish()
    assert code == 0, shown
    last = shown.replace(b"\r\n", b"\n").split(b"\r")[-1]  # what stays on the screen
    assert b"60/60" in last and b"100%" in last and b"loss=" in last
    assert last.endswith(b"\n")  # the prompt comes back on a line of its own
    assert b"\x1b" not in shown  # no escape code left behind
    assert out.startswith("trained to step 60;") and out.count("\n") == 1


def test_piped_or_logged_there_is_no_bar(project_file):  # noqa: F811
    done = subprocess.run(
        [sys.executable, "-m", "simulator.cli", "train", str(project_file), "--steps", "60"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("trained to step 60;") and done.stdout.count("\n") == 1
