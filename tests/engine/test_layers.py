"""The layers as a process meets them: `import simulator` leaves the host's allocator alone, the
`rnnsim` command (ui/launcher.py) sets it, and the headless commands never import Qt."""

import json
import subprocess
import sys

from simulator.resources import example

from ..run_rnnsim import ROOT

# Minor page faults per allocation of a fresh 64 MB array. glibc serves a block that large with
# its own mmap and unmaps it when freed, so each allocation faults its pages in again, unless
# simulator.allocator raised the thresholds (then the block is reused and faults nothing).
FAULTS_PER_ALLOCATION = """
import resource
import numpy as np

def faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt

np.ones(8 * 2**20).sum()
before = faults()
for _ in range(3):
    block = np.ones(8 * 2**20)
    del block
print((faults() - before) / 3)
"""


def run_python(code: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done


def faults_after(setup: str) -> float:
    return float(run_python(setup + FAULTS_PER_ALLOCATION).stdout.split()[-1])


def test_importing_and_running_the_engine_leaves_the_allocator_as_it_was():
    untouched = faults_after("")
    engine = faults_after(
        "import numpy as np, simulator\n"
        "from simulator import Network, NetworkSpec\n"
        "net = Network(NetworkSpec(input_size=3, hidden_size=4, output_size=2), seed=0)\n"
        "net.run(np.zeros((1, 5, 3)), np.zeros((1, 5), dtype=np.int64))\n"
    )
    assert untouched > 100  # each 64 MB allocation faults its pages in again
    assert engine > 0.5 * untouched


def test_the_rnnsim_command_keeps_freed_memory_for_the_engine(capsys):
    command = faults_after(
        "import contextlib, io\n"
        "from ui.launcher import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['tasks']) == 0\n"
    )
    untouched = faults_after("")
    assert command < 0.05 * untouched


def test_headless_commands_never_import_qt():
    path = str(example("sentiment_en_lstm"))
    done = run_python(
        "import sys, contextlib, io, json\n"
        "from ui.launcher import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    codes = [main(['evaluate', {path!r}, '--json']), main(['tasks'])]\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))]\n"
        "print(json.dumps({'codes': codes, 'qt': qt, 'out': out.getvalue()}))\n"
    )
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["codes"] == [0, 0]
    assert result["qt"] == []
    assert '"accuracy"' in result["out"]  # evaluate did run
