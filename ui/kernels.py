"""KernelWarmup: import the engine and compile its Numba kernels in a background thread.

Numba compiles a kernel the first time it is called (seconds per cell) or loads it from the
on-disk cache (fast). Doing that in the GUI thread would freeze the window, so the window shows
first and this thread imports `simulator` and runs a tiny network of each cell the window needs.
The session runs a network only once its kernels are ready (`is_ready`), so the GUI thread never
waits on Numba's compiler lock. Readiness is process-wide: a second window finds the kernels warm.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

ALL_CELLS = ("lstm", "gru", "rnn", "tdnn")

_ready: set[str] = set()
_ready_lock = threading.Lock()
_imported = threading.Event()


def kernel_key(cell: str, dtype: str = "float64") -> str:
    return f"{cell}/{dtype}"


def warm(key: str) -> None:
    """Compile (or load from the cache) every kernel a network of this cell and dtype calls:
    forward and backward in both directions, both losses, two layers."""
    import numpy as np

    from simulator import Network, NetworkSpec

    cell, dtype = key.split("/")
    for loss, outputs in (("cross_entropy", 2), ("mse", 1)):
        spec = NetworkSpec(
            cell=cell,
            input_size=2,
            hidden_size=2,
            num_layers=2,
            bidirectional=True,
            output_size=outputs,
            loss=loss,
            dtype=dtype,
        )
        x = np.zeros((1, 3, 2))
        y = np.zeros((1, 3), np.int64) if loss == "cross_entropy" else np.zeros((1, 3, 1))
        Network(spec).run(x, y)
    with _ready_lock:
        _ready.add(key)


def engine_imported() -> bool:
    return _imported.is_set()


class KernelWarmup(QThread):
    imported = Signal()  # `simulator` can now be imported from the GUI thread without waiting
    key_ready = Signal(str)  # the kernels of this cell/dtype are compiled
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._queue: list[str] = []
        self._lock = threading.Lock()
        self._stop = False
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
            import simulator  # noqa: F401  (imports numba: the slow part of starting)
        except Exception as err:
            self.failed.emit(f"the engine could not be loaded: {err}")
            return
        if not _imported.is_set():
            _imported.set()
        self.imported.emit()
        while True:
            with self._lock:
                if self._stop or not self._queue:
                    return
                key = self._queue.pop(0)
            if self.is_ready(key):
                self.key_ready.emit(key)
                continue
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
