"""The engine owns its BLAS threads: while it runs, BLAS uses one thread, or two for a large batch
while a core is free for it; when no run is in progress the process has back the numbers it had.

NumPy's and SciPy's OpenBLAS start one thread per core. When another program (or a second training
run) keeps a core busy, OpenBLAS's threads wait for each other and a run gets several times slower,
and for small products a second thread only pays for the hand-over. So every run holds BLAS to
BLAS_THREADS. A large run (a batch whose recurrent product makes SHARE_LEAST_STEP multiply-adds a
step or more, B = 8 at H = 128 for an LSTM, and SHARE_LEAST_RUN over its steps) gains from a
second thread when nobody else needs it: it asks (`engine_threads.share`), and the kernels' BLAS
gets SHARED_THREADS while that run is the only thread running the engine and the other programs
leave a core free (simulator/cores.py measures that over the last 0.2 s). docs/speed.md has the
measurements, and the cost: OpenBLAS's second thread spins for a moment after each product, so
the host's own multi-threaded NumPy right after a large run waits for it (5 matmuls of 512-cubes:
16 ms against 13 after a one-thread run). A recurrent network's batch large enough to be cut in
two (simulator/halves.py) takes the free core with a thread of its own instead
(`engine_threads.second_core`), and BLAS keeps one thread.

Both libraries matter: NumPy's matmuls use NumPy's OpenBLAS, while np.dot inside the kernels
(Numba's nopython mode) calls SciPy's cython_blas, i.e. the OpenBLAS bundled with SciPy. Only the
kernels' one is ever given a second thread: two OpenBLAS thread pools on two cores each spin
waiting for work, take the core the other's thread needs, and a training run got 4x slower.

    with engine_threads:          # or @engine_threads on a function
        engine_threads.share(step_work, steps)      # a run that may take a free core
        ...

The limit is process-wide and counted: the first run to enter applies it, the last to leave
restores what it found, so a nested run costs a lock and a counter, and the window's GUI thread
and a training worker can overlap (while two threads run the engine, BLAS has one thread). A
person's own limit is an upper bound: the engine never raises a library above it, and a
notebook finds its limits as it left them after every run, also one that raised.
"""

from __future__ import annotations

import threading
from contextlib import ContextDecorator
from pathlib import Path

from .cores import FreeCores

BLAS_THREADS = 1
SHARED_THREADS = 2  # measured on 2 cores only: more is not known to pay at these sizes
SHARE_LEAST_STEP = 1 << 19  # multiply-adds of a batch's recurrent product at one step (B x U)
SHARE_LEAST_RUN = 1 << 25  # and over the run (B x U x T): a sentence of 10 words gained nothing
FREE_ENOUGH = 0.75  # a core counts as free when the other programs leave this much of it


class _Library:
    """One loaded BLAS's thread count, read and set through its own C functions: OpenBLAS's
    openblas_get/set_num_threads cost ~0.5 us a call where threadpoolctl's wrappers cost ~2 us
    (they also keep a thread from setting a limit another thread set first; the counter below
    does that job for the engine). Other libraries go through threadpoolctl.
    `kernels`: whether the compiled kernels call it (every BLAS but NumPy's own copy)."""

    def __init__(self, controller, kernels: bool):
        self.name = controller.filepath
        self.kernels = kernels
        get = put = None
        symbol = getattr(controller, "_get_symbol", None)  # finds OpenBLAS's prefixed names
        if symbol is not None and getattr(controller, "threading_layer", None) == "pthreads":
            get, put = symbol("openblas_get_num_threads"), symbol("openblas_set_num_threads")
        if get is None or put is None:
            get, put = controller.get_num_threads, controller.set_num_threads
        self.get, self.set = get, put


def called_by_kernels(library: str, numpy_file: str, libraries: int) -> bool:
    """Whether the kernels call the BLAS at path `library`: every one but NumPy's own copy (its
    wheels carry one in numpy.libs, beside the package); where NumPy and SciPy share one library
    (conda, a system BLAS) the kernels call that one. Compared as real paths: the loader names a
    library by its real path while numpy.__file__ keeps the path Python was started with, and in
    a virtual environment reached through a symlinked folder NumPy's copy was taken for the
    kernels', given the second thread, and a GRU's training (H=128, B=32) ran 2.5x slower."""
    if libraries == 1:
        return True
    own = Path(numpy_file).resolve().parent.with_name("numpy.libs")
    return Path(library).resolve().parent != own


class _Held:
    """A library as the runs in progress hold it: the count the first run found, the one set."""

    def __init__(self, library: _Library):
        self.library = library
        self.found = self.now = library.get()

    def hold(self, threads: int) -> None:
        """`threads` (never more than the person's own limit)."""
        wanted = min(self.found, threads)
        if wanted != self.now:
            self.library.set(wanted)
            self.now = wanted


class _EngineThreads(ContextDecorator):
    """`with engine_threads:` / `@engine_threads`: see the module's docstring."""

    def __init__(self):
        self._lock = threading.Lock()
        self._holders: dict[int, int] = {}  # thread id -> its runs in progress (nested)
        self._held: list[_Held] = []
        self._shared = False  # whether the kernels' BLAS has SHARED_THREADS now
        self._libraries: list[_Library] | None = None
        self.free_cores = FreeCores()
        # False in the window (ui.app): its GUI thread needs the second core
        self.sharing = True

    def libraries(self) -> list[_Library]:
        """Every BLAS the engine calls, found on first use (after both are loaded)."""
        if self._libraries is None:
            import numpy
            import scipy.linalg.cython_blas  # noqa: F401  (the OpenBLAS the kernels' np.dot calls)
            from threadpoolctl import ThreadpoolController

            found = ThreadpoolController().select(user_api="blas").lib_controllers
            self._libraries = [
                _Library(c, kernels=called_by_kernels(c.filepath, numpy.__file__, len(found)))
                for c in found
            ]
        return self._libraries

    def __enter__(self):
        thread = threading.get_ident()
        with self._lock:
            if not self._holders:
                self._held = [_Held(lib) for lib in self.libraries()]
                self._hold(shared=False)
            elif thread not in self._holders and self._shared:
                self._hold(shared=False)  # a second thread's runs: one BLAS thread again
            self._holders[thread] = self._holders.get(thread, 0) + 1
        return self

    def __exit__(self, *error):
        thread = threading.get_ident()
        with self._lock:
            self._holders[thread] -= 1
            if not self._holders[thread]:
                del self._holders[thread]
            if not self._holders:
                for held in self._held:
                    held.hold(held.found)
                self._held, self._shared = [], False
        return False

    def share(self, step_work: int, steps: int) -> bool:
        """Called inside a run of `steps` steps whose recurrent product makes `step_work`
        multiply-adds a step (batch x U's size): the kernels' BLAS gets SHARED_THREADS while this
        is the only thread running the engine, the run is large and the other programs leave a
        core free; else BLAS_THREADS. Whether it is shared now."""
        if not self.sharing or step_work < SHARE_LEAST_STEP or step_work * steps < SHARE_LEAST_RUN:
            return self._shared
        with self._lock:
            if len(self._holders) != 1:
                return self._shared
            shared = self._core_free()
            if shared != self._shared:
                self._hold(shared)
            return self._shared

    def second_core(self) -> bool:
        """Whether the calling run may keep a second core busy with a thread of its own (a batch
        in halves, halves.py): sharing on, the only thread running the engine, and the other
        programs leave a core free. BLAS keeps one thread meanwhile: two threads each calling a
        BLAS of two threads wait for each other (a GRU at B=32 ran 28 ms, against 14)."""
        if not self.sharing:
            return False
        with self._lock:
            if self._shared:
                self._hold(shared=False)
            return len(self._holders) == 1 and self._core_free()

    def _core_free(self) -> bool:
        free = self.free_cores.count()
        return free is not None and free - 1 >= FREE_ENOUGH

    def _hold(self, shared: bool) -> None:
        for held in self._held:
            held.hold(SHARED_THREADS if shared and held.library.kernels else BLAS_THREADS)
        self._shared = shared

    @property
    def active(self) -> bool:
        """True while some run holds the limit."""
        return bool(self._holders)


engine_threads = _EngineThreads()
