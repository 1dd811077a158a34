"""`rnnsim` with its stderr on a terminal (a pseudo-terminal), as a person sees it: the progress
bar is drawn only there."""

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time

SIZE = (24, 100)  # rows, columns: a new pseudo-terminal has 0 columns, where nothing is drawn


class TerminalRun:
    """`python -m simulator.cli ARGS`: stdout a pipe, stderr a pseudo-terminal read here."""

    def __init__(self, *args):
        self.terminal, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", *SIZE, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "simulator.cli", *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=child,
            text=True,
        )
        os.close(child)
        self.shown = b""

    def read_until(self, text: bytes, timeout: float = 60) -> bytes:
        """What the terminal showed until `text` appeared (or the time ran out)."""
        deadline = time.monotonic() + timeout
        while text not in self.shown and time.monotonic() < deadline:
            if not self._read(0.2):
                if self.process.poll() is not None:
                    break
        return self.shown

    def finish(self, timeout: float = 120) -> tuple[int, str, bytes]:
        """(exit code, stdout, everything the terminal showed)."""
        out, _ = self.process.communicate(timeout=timeout)
        while self._read(0.2):
            pass
        os.close(self.terminal)
        return self.process.returncode, out, self.shown

    def _read(self, wait: float) -> bool:
        if not select.select([self.terminal], [], [], wait)[0]:
            return False
        try:
            chunk = os.read(self.terminal, 65536)
        except OSError:  # the other end closed
            return False
        self.shown += chunk
        return bool(chunk)
