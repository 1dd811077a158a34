"""The least time a recurrent case could take on this machine, from what is measured here.

Forward + loss + BPTT of one layer with G = gates * H rows in its matrices, N = B * T rows, must
at least do this (each part timed as the best of TRIES, warm):
  - products: every matrix product of the run, each timed at its own shape through the BLAS the
    kernels call (SciPy's OpenBLAS, from compiled code) with the threads the engine's run takes (a
    second one for a large batch while a core is free: simulator/threads.py): the input projection
    (N, D) x (D, G), dL/dx (N, G) x (G, D), the weight gradients over all N rows, the output layer's
    three; and per step the recurrent product forward and backward, T times each: at B > 1 (B, H) x
    (H, G) and (B, G) x (G, H). That is what this BLAS reaches at these shapes, not at a large cube:
    a (32, 128) x (128, 512) product runs at about 3/4 of a 256-cube's rate.
  - at B = 1 the per-step products are matrix-vector products that stream W_hh (G * H numbers)
    from cache twice per step: bytes over the fastest read bandwidth measured for a matrix
    that size (a vectorised sum over it, or BLAS's gemv both ways).
  - the trace: the arrays the run hands back that no product writes (pre-activations of the
    recurrent product, gates, cell states, hidden states and their gradients), written once
    each at the measured fill bandwidth.
floor = products + W_hh streaming + trace writing. The gates' element-wise arithmetic (exp,
tanh, products) is left out, so no implementation reaches the floor itself.

Where the engine runs one example's units in two halves on two cores (an LSTM with a large U
while a core is free: simulator/halves.py), the floor is one core's share of the work split
evenly over two: half of W_hh's reads and of the trace's writes, and half of the rows of every
product.

The share of the floor a case reached compares two times, and this machine's speed changes by up
to 2x from one minute to the next: a floor timed apart (floor_parts) and a run timed minutes
later gave the same case 43% in one run and 110% in the next. So `Floors.work` gives the floor as
one piece of work, run like a contender, in the same interleaved blocks as the engine
(engine.py); floor_parts still times what it is made of, each part apart, best of TRIES, warm.
The two read differently: the parts timed apart read W_hh at 75 GB/s in one run and 146 in the
next, and the floor timed beside the engine read higher than the engine itself for the LSTM at
B = 1 (the engine reached 108-109% of it, 6 December). engine.py prints both shares and judges
by the smaller.
"""

import time
from collections.abc import Callable

import numpy as np
from numba import njit

from simulator.halves import units_halved
from simulator.threads import engine_threads

GATES = {"rnn": 1, "gru": 3, "lstm": 4}
TRIES = 7
TRANSPOSED_GEMM_ROWS = 1000  # the engine's choice of orientation (simulator/kernels/steps.py)


@njit(fastmath=True)
def _stream(w, times):
    """Read every number of `w` `times` times (a sum of squares LLVM vectorises)."""
    total = w.dtype.type(0)
    for _ in range(times):
        for i in range(w.size):
            total += w[i] * w[i]
    return total


@njit
def _matvecs(w, v, d, out_h, out_d, times):
    """BLAS gemv both ways: W v and d W, as the forward and backward steps need."""
    for _ in range(times):
        np.dot(w, v, out_h)
        np.dot(d, w, out_d)


@njit
def _products(a, b, out, times):
    """out = a b, `times` times, as the kernels call BLAS (a, b, out 2-D)."""
    for _ in range(times):
        np.dot(a, b, out)


def _best_seconds(run, tries=TRIES) -> float:
    """Wall seconds for `run`, the best of `tries` (the best, so a moment another program took
    the core is not counted; the wall clock, since a product may run on two threads)."""
    run()  # compile, warm the cache
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _share_as_the_engine(cell: str, B: int, H: int, T: int) -> None:
    """The cores the engine's run of this case takes: a large batch, while a core is free, gets
    the second as a BLAS thread (simulator/threads.py) or, halved, as a thread of its own that
    runs half the rows (simulator/halves.py); the floor's products take it as a BLAS thread, so
    the floor and the engine use the same cores."""
    engine_threads.share(B * GATES[cell] * H * H, T)


def _cores(cell: str, B: int, H: int, T: int, dtype: str) -> int:
    """The cores the engine's run of this case shares one example's units between: 2 for an
    LSTM with a large U while a core is free (simulator/halves.py), else 1."""
    if not units_halved(cell, B, H, np.dtype(dtype).itemsize, T):
        return 1
    with engine_threads:  # asked as by a run of the engine's, and answered the same way
        return 2 if engine_threads.second_core() else 1


def _shapes(
    cell: str, B: int, H: int, D: int, T: int, O: int, cores: int = 1
) -> list[tuple[int, int, int, int]]:
    """(rows, inner, columns, times) of every matrix product of one forward + BPTT, or of one
    core's share of it (`cores` 2: half of every product's rows)."""
    G, N = GATES[cell] * H, B * T
    weights = (D + H, N, G) if N >= TRANSPOSED_GEMM_ROWS else (G, N, D + H)
    shapes = [
        (N, D, G, 1),  # W x_t + b for every step
        (N, G, D, 1),  # dL/dx
        (*weights, 1),  # dL/dW and dL/dU over every row
        (N, H, O, 1),  # the output layer
        (O, N, H, 1),  # its weights' gradient
        (N, O, H, 1),  # dL/dh from the output layer
    ]
    if B > 1:  # the recurrent products, one per step each way
        shapes += [(B, H, G, T), (B, G, H, T)]
    return [(max(1, rows // cores), inner, cols, times) for rows, inner, cols, times in shapes]


class Floors:
    """Rates measured once per dtype (fill, GEMM) or matrix size (bandwidth); products per
    case."""

    def __init__(self):
        self._gflops: dict[str, float] = {}
        self._bandwidth: dict[tuple[int, int, str], float] = {}
        self._fill: dict[str, float] = {}
        self._products: dict[tuple, float] = {}

    def gflops(self, dtype: str) -> float:
        """Single-thread GEMM rate on a 256-cube product, the best of TRIES (for reference)."""
        if dtype not in self._gflops:
            a = np.random.default_rng(0).standard_normal((256, 256)).astype(dtype)
            out = np.empty_like(a)
            with engine_threads:
                seconds = _best_seconds(lambda: _products(a, a, out, 1))
            self._gflops[dtype] = 2 * 256**3 / seconds / 1e9
        return self._gflops[dtype]

    def bandwidth(self, rows: int, cols: int, dtype: str) -> float:
        """Bytes per second read from wherever a (rows, cols) matrix sits in cache: the faster of
        a vectorised sum over it and BLAS's gemv both ways."""
        key = (rows, cols, dtype)
        if key not in self._bandwidth:
            rng = np.random.default_rng(0)
            w = rng.standard_normal((rows, cols)).astype(dtype)
            v, d = np.ones(cols, dtype), np.ones(rows, dtype)
            out_h, out_d = np.empty(rows, dtype), np.empty(cols, dtype)
            times = max(1, 2_000_000 // w.size)
            flat = w.ravel()
            with engine_threads:
                stream = _best_seconds(lambda: _stream(flat, times)) / times
                gemv = _best_seconds(lambda: _matvecs(w, v, d, out_h, out_d, times)) / (2 * times)
            self._bandwidth[key] = w.nbytes / min(stream, gemv)
        return self._bandwidth[key]

    def fill_bandwidth(self, dtype: str) -> float:
        """Bytes per second written over a 16 MB array (larger than this machine's L2)."""
        if dtype not in self._fill:
            a = np.empty(16 * 2**20 // np.dtype(dtype).itemsize, dtype)
            self._fill[dtype] = a.nbytes / _best_seconds(lambda: a.fill(1.0))
        return self._fill[dtype]

    def products_ms(self, cell: str, B: int, H: int, D: int, T: int, O: int, dtype: str) -> float:
        """Every matrix product of the case, each timed at its shape (see _shapes)."""
        cores = _cores(cell, B, H, T, dtype)
        key = (cell, B, H, D, T, O, dtype, cores)
        if key not in self._products:
            rng = np.random.default_rng(0)
            total = 0.0
            for rows, inner, cols, times in _shapes(cell, B, H, D, T, O, cores):
                a = rng.standard_normal((rows, inner)).astype(dtype)
                b = rng.standard_normal((inner, cols)).astype(dtype)
                out = np.empty((rows, cols), dtype)
                with engine_threads:
                    _share_as_the_engine(cell, B, H, T)
                    total += _best_seconds(
                        lambda a=a, b=b, out=out, n=times: _products(a, b, out, n)
                    )
            self._products[key] = 1e3 * total
        return self._products[key]

    def trace_bytes(self, cell: str, B: int, H: int, T: int, dtype: str) -> int:
        """What the run writes outside the products: U h_{t-1} + c, the gates (gru, lstm), the
        cell states (lstm) and the hidden states, then dL/dz, dL/d(U h) (gru), dL/dc (lstm)
        and dL/dh."""
        G, N = GATES[cell] * H, B * T
        forward = G + (G if cell != "rnn" else 0) + (H if cell == "lstm" else 0) + H
        backward = G + (G if cell == "gru" else 0) + (H if cell == "lstm" else 0) + H
        return N * (forward + backward) * np.dtype(dtype).itemsize

    def floor_ms(self, cell: str, B: int, H: int, D: int, T: int, O: int, dtype: str) -> float:
        return sum(self.floor_parts(cell, B, H, D, T, O, dtype)[:3])

    def floor_parts(self, cell, B, H, D, T, O, dtype) -> tuple[float, float, float, float]:
        """(products ms, ms streaming W_hh at B = 1, ms writing the trace, that W_hh bandwidth
        in GB/s)."""
        G = GATES[cell] * H
        streamed, bandwidth = 0.0, 0.0
        cores = _cores(cell, B, H, T, dtype)
        if B == 1:  # twice a step, shared by the cores
            bandwidth = self.bandwidth(G, H, dtype)
            streamed = 1e3 * 2 * T * G * H * np.dtype(dtype).itemsize / bandwidth / cores
        trace = self.trace_bytes(cell, B, H, T, dtype) / cores
        writing = 1e3 * trace / self.fill_bandwidth(dtype)
        products = self.products_ms(cell, B, H, D, T, O, dtype)
        return products, streamed, writing, bandwidth / 1e9

    def work(self, cell, B, H, D, T, O, dtype, reading="stream") -> Callable[[], None]:
        """The floor's work for one case, as a step to time beside the engine: every product at
        its shape, W_hh read twice per step at B = 1 (`reading` "stream": a vectorised sum over
        it; "gemv": BLAS's matrix-vector products, forward and backward: the faster counts),
        and the trace's bytes written once (into an array kept from call to call, as the
        engine's buffers are)."""
        rng = np.random.default_rng(0)
        cores = _cores(cell, B, H, T, dtype)  # one core's share of the work (floor_parts)
        products = []
        for rows, inner, cols, times in _shapes(cell, B, H, D, T, O, cores):
            a = rng.standard_normal((rows, inner)).astype(dtype)
            b = rng.standard_normal((inner, cols)).astype(dtype)
            products.append((a, b, np.empty((rows, cols), dtype), times))
        w = rng.standard_normal((GATES[cell] * H, H)).astype(dtype)
        v, d = np.ones(H, dtype), np.ones(w.shape[0], dtype)
        out_h, out_d = np.empty(w.shape[0], dtype), np.empty(H, dtype)
        flat = w.ravel()
        trace = np.empty(
            self.trace_bytes(cell, B, H, T, dtype) // np.dtype(dtype).itemsize // cores, dtype
        )

        def step() -> None:
            with engine_threads:
                _share_as_the_engine(cell, B, H, T)
                for a, b, out, times in products:
                    _products(a, b, out, times)
                if B == 1 and reading == "stream":
                    _stream(flat, 2 * T // cores)
                elif B == 1:
                    _matvecs(w, v, d, out_h, out_d, T // cores)
                trace.fill(1.0)

        return step

    def describe(self, dtype: str) -> str:
        return (
            f"GEMM {self.gflops(dtype):.1f} GFLOP/s on a 256-cube, "
            f"fill {self.fill_bandwidth(dtype) / 1e9:.1f} GB/s"
        )
