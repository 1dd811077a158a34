"""Worker: run one function in a QThread, report progress, hand the result back to the GUI.

The function receives `report(done, total) -> bool` and should stop early when it returns False
(cancelled). Results and progress arrive through queued signals in the GUI thread; the worker
never touches a widget. Every running worker is kept in `Worker.running()` so the window can
stop them all when it closes and the tests can check none is left behind.

A worker's thread tells Linux's scheduler that it is CPU-bound batch work (SCHED_BATCH: the same
share of the CPU, but it does not preempt others when it wakes), so when a worker trains on
every core the GUI thread gets one sooner: `benchmarks/ui.py busy` (compare mode, a third
process busy), longest event-loop stall median 42 ms against 55 over 12 runs each, steps/s no
lower (docs/speed.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal


class Worker(QThread):
    progress = Signal(int, int)  # done, total
    done = Signal(object)  # the function's result (not emitted when cancelled)
    failed = Signal(str)  # the error's message

    _alive: set[Worker] = set()  # referenced until finished, so Python never collects a thread

    def __init__(self, function: Callable[[Callable[[int, int], bool]], object], parent=None):
        super().__init__(parent)
        self._function = function
        self._cancelled = False
        Worker._alive.add(self)
        self.finished.connect(self._forget)

    def cancel(self) -> None:
        """Ask the function to stop at its next report; its result is then dropped."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def _report(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancelled

    def run(self) -> None:
        run_as_batch_work()
        try:
            result = self._function(self._report)
        except Exception as err:  # shown to the person as a message, never as a traceback
            if not self._cancelled:
                self.failed.emit(str(err) or type(err).__name__)
            return
        if not self._cancelled:
            self.done.emit(result)

    def _forget(self) -> None:
        Worker._alive.discard(self)

    @classmethod
    def running(cls) -> list[Worker]:
        return [worker for worker in cls._alive if worker.isRunning()]

    @classmethod
    def stop_all(cls, timeout_ms: int = 5000) -> None:
        """Cancel every worker and wait for each to finish."""
        for worker in list(cls._alive):
            worker.cancel()
        for worker in list(cls._alive):
            worker.wait(timeout_ms)


def run_as_batch_work() -> bool:
    """Mark the calling thread as batch work (Linux's SCHED_BATCH); False where the system has
    no such policy or refuses it (nothing changed)."""
    policy = getattr(os, "SCHED_BATCH", None)
    if policy is None:
        return False
    try:
        os.sched_setscheduler(0, policy, os.sched_param(0))
    except OSError:
        return False
    return True
