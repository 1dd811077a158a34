"""How many cores the other programs on this machine leave free, so that a large run takes a
second BLAS thread only where nobody else needs that core (simulator/threads.py).

On Linux /proc/stat counts every CPU's busy time. Over an interval, that busy time less this
process's own CPU time (all its threads) is what the other programs used:

    free = cores this process may run on - (busy time of all CPUs - this process's) / interval

Where /proc/stat cannot be read (macOS, Windows) nothing is known and `count` says None.
"""

from __future__ import annotations

import os
import time

STAT = "/proc/stat"
INTERVAL = 0.2  # seconds: the busy counters tick every 10 ms, so 2 cores give 40 ticks a window
BUSY_FIELDS = (0, 1, 2, 5, 6, 7)  # user, nice, system, irq, softirq, steal (idle, iowait: not)


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class FreeCores:
    """`count()`: the cores free for this process, measured over the last whole INTERVAL (the
    first call starts the first interval and answers None); reads /proc/stat at most once an
    interval, so a call in between costs a clock reading."""

    def __init__(self, path: str = STAT):
        self._path = path
        self._ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        self._cores = _usable_cores()
        self._start: tuple[float, float, float] | None = None  # wall, all CPUs' busy, ours
        self._free: float | None = None

    def count(self) -> float | None:
        now = time.monotonic()
        if self._start is not None and now - self._start[0] < INTERVAL:
            return self._free
        reading = self._reading(now)
        if reading is None:
            return None
        if self._start is not None:
            wall, busy, ours = (b - a for a, b in zip(self._start, reading, strict=True))
            others = max(0.0, (busy - ours) / wall)
            self._free = max(0.0, self._cores - others)
        self._start = reading
        return self._free

    def _reading(self, now: float) -> tuple[float, float, float] | None:
        try:
            with open(self._path, "rb") as stat:
                fields = stat.readline().split()[1:]
        except OSError:
            return None
        busy = sum(int(fields[i]) for i in BUSY_FIELDS if i < len(fields)) / self._ticks
        return now, busy, time.process_time()
