"""The engine owns its BLAS threads: while it runs, BLAS uses BLAS_THREADS threads; when no run is
in progress the process has back the numbers it had.

NumPy's and SciPy's OpenBLAS start one thread per core. The engine's products are small (a
recurrent step is at most a (32, 128) by (128, 512) product): a second thread only pays for the
hand-over, and when another program (or a second training run) keeps a core busy, OpenBLAS's
threads spin waiting for each other and a run gets many times slower. docs/speed.md has the
measurements behind BLAS_THREADS = 1.

Both libraries matter: NumPy's matmuls use NumPy's OpenBLAS, while np.dot inside the kernels
(Numba's nopython mode) calls SciPy's cython_blas, i.e. the OpenBLAS bundled with SciPy.

    with engine_threads:          # or @engine_threads on a function
        ...

The limit is process-wide and counted: the first run to enter applies it, the last to leave
restores what it found, so a nested run costs a lock and a counter, and the window's GUI thread
and a training worker can overlap. A notebook that set its own limits finds them as it left them
after every run, also one that raised.
"""

from __future__ import annotations

import threading
from contextlib import ContextDecorator

BLAS_THREADS = 1


class _Library:
    """One loaded BLAS's thread count, read and set through its own C functions: OpenBLAS's
    openblas_get/set_num_threads cost ~0.5 us a call where threadpoolctl's wrappers cost ~2 us
    (they also keep a thread from setting a limit another thread set first; the counter below
    does that job for the engine). Other libraries go through threadpoolctl."""

    def __init__(self, controller):
        self.name = controller.filepath
        get = put = None
        symbol = getattr(controller, "_get_symbol", None)  # finds OpenBLAS's prefixed names
        if symbol is not None and getattr(controller, "threading_layer", None) == "pthreads":
            get, put = symbol("openblas_get_num_threads"), symbol("openblas_set_num_threads")
        if get is None or put is None:
            get, put = controller.get_num_threads, controller.set_num_threads
        self.get, self.set = get, put


class _EngineThreads(ContextDecorator):
    """`with engine_threads:` / `@engine_threads`: see the module's docstring."""

    def __init__(self):
        self._lock = threading.Lock()
        self._depth = 0  # runs in progress, in every thread
        self._saved: list[tuple[_Library, int]] = []  # thread counts found by the first run
        self._libraries: list[_Library] | None = None

    def libraries(self) -> list[_Library]:
        """Every BLAS the engine calls, found on first use (after both are loaded)."""
        if self._libraries is None:
            import numpy  # noqa: F401  (loads NumPy's OpenBLAS)
            import scipy.linalg.cython_blas  # noqa: F401  (the OpenBLAS the kernels' np.dot calls)
            from threadpoolctl import ThreadpoolController

            found = ThreadpoolController().select(user_api="blas").lib_controllers
            self._libraries = [_Library(c) for c in found]
        return self._libraries

    def __enter__(self):
        with self._lock:
            if self._depth == 0:
                self._saved = [(lib, lib.get()) for lib in self.libraries()]
                for lib, threads in self._saved:
                    if threads > BLAS_THREADS:
                        lib.set(BLAS_THREADS)
            self._depth += 1
        return self

    def __exit__(self, *error):
        with self._lock:
            self._depth -= 1
            if self._depth == 0:
                for lib, threads in self._saved:
                    if threads > BLAS_THREADS:
                        lib.set(threads)
                self._saved = []
        return False

    @property
    def active(self) -> bool:
        """True while some run holds the limit."""
        return self._depth > 0


engine_threads = _EngineThreads()
