"""A one-line progress bar for the terminal: steps done, steps per second, latest loss."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    """Redraws in place on a terminal (at most 10 times a second); elsewhere (a log file, CI)
    prints a plain line at every tenth of the run."""

    def __init__(self, total: int, start: int = 0, stream=None, width: int = 30):
        self.total = max(total, 1)
        self.start = start
        self.stream = stream or sys.stderr
        self.width = width
        self.live = self.stream.isatty()
        self._last_draw = 0.0
        self._last_tenth = -1

    def update(self, step: int, steps_per_second: float, loss: float) -> None:
        done = (step - self.start) / max(self.total - self.start, 1)
        text = f"step {step}/{self.total}  {steps_per_second:7.1f} steps/s  loss {loss:.4g}"
        if self.live:
            now = time.monotonic()
            if now - self._last_draw < 0.1 and step < self.total:
                return
            self._last_draw = now
            filled = int(round(done * self.width))
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r[{bar}] {text}")
        else:
            tenth = int(done * 10)
            if tenth == self._last_tenth:
                return
            self._last_tenth = tenth
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
