"""The layers as a process meets them: `import simulator` leaves the host's allocator alone, the
`rnnsim` command (ui/launcher.py) sets it, and the headless commands never import Qt."""

import ctypes
import json
import subprocess
import sys

import pytest

from simulator.resources import example

from ..run_rnnsim import ROOT

# Is a fresh 64 MB array served by a mmap of its own? glibc's default is yes (and the block is
# unmapped when freed, so the next one faults its pages in again); simulator.allocator raises the
# threshold so the heap serves it and keeps it. mallinfo2's hblkhd counts the mmapped bytes.
MMAPPED_BYTES = """
import ctypes
import numpy as np

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
before = libc.mallinfo2().hblkhd
block = np.ones(8 * 2**20)
print(libc.mallinfo2().hblkhd - before)
"""
BLOCK = 64 * 2**20


def run_python(code: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done


def mmapped_after(setup: str) -> int:
    return int(run_python(setup + MMAPPED_BYTES).stdout.split()[-1])


needs_glibc = pytest.mark.skipif(
    not hasattr(ctypes.CDLL(None), "mallinfo2"), reason="needs glibc 2.33 or later"
)


@needs_glibc
def test_importing_and_running_the_engine_leaves_the_allocator_as_it_was():
    assert mmapped_after("") >= BLOCK  # glibc's default: a block this large is mmapped
    engine = mmapped_after(
        "import numpy as np, simulator\n"
        "from simulator import Network, NetworkSpec\n"
        "net = Network(NetworkSpec(input_size=3, hidden_size=4, output_size=2), seed=0)\n"
        "net.run(np.zeros((1, 5, 3)), np.zeros((1, 5), dtype=np.int64))\n"
    )
    assert engine >= BLOCK


@needs_glibc
def test_the_rnnsim_command_keeps_freed_memory_for_the_engine():
    command = mmapped_after(
        "import contextlib, io\n"
        "from ui.launcher import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['tasks']) == 0\n"
    )
    assert command == 0  # the heap serves it, and keeps it when freed


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
