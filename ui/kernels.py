"""KernelWarmup: import the engine and compile its Numba kernels in a background thread.

Numba compiles a kernel the first time it is called (seconds per cell) or loads it from the
on-disk cache (fast). Doing that in the GUI thread would freeze the window, so the window shows
first and this thread imports `simulator` and runs a tiny network of each cell the window needs.
When a cell's kernels are not in the cache yet they are compiled in a separate process first
(`python -m simulator.warmup`), so the long compile never competes with the window for the GIL;
this thread then only loads them.
The session runs a network only once its kernels are ready (`is_ready`), so the GUI thread never
waits on Numba's compiler lock. Readiness is process-wide: a second window finds the kernels warm.
"""

from __future__ import annotations

import gc
import importlib
import threading
import time

from PySide6.QtCore import QCoreApplication, QThread, Signal

ALL_CELLS = ("lstm", "gru", "rnn", "tdnn")

_ready: set[str] = set()
_ready_lock = threading.Lock()
_imported = threading.Event()


def kernel_key(name: str, dtype: str = "float64") -> str:
    """A cell or model kind and its dtype, as simulator.warmup names them: "lstm/float64"."""
    return f"{name}/{dtype}"


def warm(key: str) -> None:
    """Compile or load a cell's kernels in this process, and remember that they are ready."""
    from simulator import warmup

    warmup.warm(*key.split("/"))
    with _ready_lock:
        _ready.add(key)


def engine_imported() -> bool:
    return _imported.is_set()


_compile_started: dict[str, float] = {}


def compile_status(key: str, done: int, total: int) -> str:
    """The status line while a set compiles: what, how far (the set's warm-up steps), how long."""
    now = time.monotonic()
    seconds = now - _compile_started.setdefault(key, now)
    return QCoreApplication.translate(
        "KernelWarmup",
        "Compiling the kernels for {0} (only the first start compiles): step {1} of {2}, {3} s…",
    ).format(key.partition("/")[0], done, total, round(seconds))


def import_engine(module: str = "simulator.project") -> None:
    """Import the engine: numba and every kernel module (the slow part), with no garbage
    collection; then keep what the window and the imports made out of later collections.

    A full collection holds the GIL while it scans every object: with Qt, pyqtgraph and NumPy
    loaded, the one Numba's import set off stopped the window for 36-60 ms (benchmarks/ui.py
    cold, with gc.callbacks timing it). Imports make modules and classes, not garbage."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        importlib.import_module(module)
    finally:
        gc.freeze()  # what exists now is never rescanned
        if collecting:
            gc.enable()


class KernelWarmup(QThread):
    imported = Signal()  # `simulator` can now be imported from the GUI thread without waiting
    key_ready = Signal(str)  # the kernels of this cell/dtype are compiled
    compiling = Signal(str, int, int)  # key, steps of its warm-up done, steps in all
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._queue: list[str] = []
        self._lock = threading.Lock()
        self._stop = False
        self._announced = False  # `imported` is emitted once
        self.finished.connect(self._restart_if_needed)

    # ----- asked from the GUI thread ---------------------------------------------------------
    def is_ready(self, key: str) -> bool:
        with _ready_lock:
            return key in _ready

    def request(self, *keys: str, urgent: bool = True) -> None:
        """Warm these keys: before anything queued (urgent), or after it."""
        with self._lock:
            self._stop = False
            wanted = [k for k in keys if not self.is_ready(k)]
            rest = [k for k in self._queue if k not in wanted]
            self._queue = wanted + rest if urgent else rest + wanted
            needed = bool(self._queue) or not engine_imported()
        if needed and not self.isRunning():
            self.start(QThread.Priority.LowPriority)

    def stop(self, wait_ms: int = 60_000) -> None:
        """Drop what is queued; the kernel being compiled now finishes (Numba cannot be
        interrupted), then the thread ends."""
        with self._lock:
            self._queue.clear()
            self._stop = True
        self.wait(wait_ms)

    # ----- the thread ------------------------------------------------------------------------
    def run(self) -> None:
        try:
            import_engine()
        except Exception as err:
            self.failed.emit(f"the engine could not be loaded: {err}")
            return
        if not self._announced:
            self._announced = True
            _imported.set()
            self.imported.emit()
        # Loading compiled kernels is Python that shares the GIL with the window (the app sets a
        # short switch interval: ui.app.SWITCH_INTERVAL).
        self._warm_queue()

    def _warm_queue(self) -> None:
        while True:
            with self._lock:
                if self._stop or not self._queue:
                    return
                key = self._queue.pop(0)
            if self.is_ready(key):
                self.key_ready.emit(key)
                continue
            from simulator import warmup

            if not warmup.is_cached(*key.split("/")):
                # compiled in a separate process, so the compile never holds the window's GIL;
                # if that fails, warm() below compiles here instead
                warmup.compile_elsewhere(
                    key,
                    progress=lambda done, total, key=key: self.compiling.emit(key, done, total),
                    stop=lambda: self._stop,
                )
                if self._stop:
                    return
            try:
                warm(key)
            except Exception as err:
                self.failed.emit(f"compiling the {key} kernels failed: {err}")
                continue
            self.key_ready.emit(key)

    def _restart_if_needed(self) -> None:
        with self._lock:
            again = bool(self._queue) and not self._stop
        if again:
            self.start(QThread.Priority.LowPriority)
