"""ModelKernels: prepare the encoder-decoder's and the tree networks' compiled kernels in the
background, as ui.kernels.KernelWarmup does for the recurrent cells.

A kernel not in Numba's cache yet is compiled in a separate process (`python -m simulator.warmup`),
so the long compile never holds the window's GIL; a worker thread then loads it. Sessions that
asked are told to run again once their kind is ready. Readiness is process-wide.
"""

from __future__ import annotations

import threading
import weakref

from PySide6.QtCore import QObject, Signal

from ..kernels import compile_status
from ..worker import Worker

_ready: set[str] = set()
_lock = threading.Lock()


def is_ready(key: str) -> bool:
    with _lock:
        return key in _ready


def _prepare(key: str, report) -> tuple[str, str]:
    """In a worker thread: compile elsewhere when the cache lacks the kernels, then load them.
    Returns (key, "") or (key, what went wrong)."""
    try:
        return _compile_and_load(key, report)
    except Exception as err:  # shown to the person, never as a traceback
        return key, f"compiling the {key} kernels failed: {err}"


def _compile_and_load(key: str, report) -> tuple[str, str]:
    from simulator import warmup

    kind, _, dtype = key.partition("/")
    if not warmup.is_cached(kind, dtype):
        last = [0, len(warmup.warm_steps(kind, dtype))]  # steps of the set's warm-up: done, all

        def progress(done: int, total: int) -> None:
            last[:] = [done, total]
            report(done, total)

        # report() returns False once the worker is cancelled (the window is closing)
        warmup.compile_elsewhere(key, progress=progress, stop=lambda: not report(*last))
        if not report(*last):
            return key, ""
    warmup.warm(kind, dtype)  # loads what the process compiled (or compiles here if it failed)
    with _lock:
        _ready.add(key)
    return key, ""


class ModelKernels(QObject):
    ready = Signal(str)
    failed = Signal(str)
    compiling = Signal(str, int, int)  # key, steps of its warm-up done, steps in all

    def __init__(self, parent=None):
        super().__init__(parent)
        self._workers: dict[str, Worker] = {}
        self._waiting: dict[str, list] = {}

    def request(self, key: str, session=None) -> None:
        """Prepare `key`; then `session.rerun()` if it still waits for it (without a session,
        whoever waits listens to `ready`)."""
        waiting = self._waiting.setdefault(key, [])
        if session is not None and not any(ref() is session for ref in waiting):
            waiting.append(weakref.ref(session))
        if key in self._workers:
            return
        worker = Worker(lambda report: _prepare(key, report))
        worker.done.connect(self._done)
        worker.progress.connect(lambda done, total, key=key: self._progress(key, done, total))
        self._workers[key] = worker
        worker.start()

    def _progress(self, key: str, done: int, total: int) -> None:
        """The status line of every session waiting for `key` says how far its compile is."""
        self.compiling.emit(key, done, total)
        for ref in self._waiting.get(key, []):
            session = ref()
            if session is not None and session.waiting_for == key:
                session.status.emit(compile_status(key, done, total))

    def _done(self, result: tuple[str, str]) -> None:
        key, problem = result
        self._workers.pop(key, None)
        sessions = [ref() for ref in self._waiting.pop(key, [])]
        sessions = [s for s in sessions if s is not None and s.waiting_for == key]
        if problem:
            self.failed.emit(problem)
            for session in sessions:
                session.problem.emit(problem)
            return
        if not is_ready(key):  # cancelled: the window is closing
            return
        self.ready.emit(key)
        for session in sessions:
            session.rerun()


_manager: list[ModelKernels] = []


def manager() -> ModelKernels:
    """The one ModelKernels of this process (made in the GUI thread on first use)."""
    if not _manager:
        _manager.append(ModelKernels())
    return _manager[0]
