"""The least time a recurrent case could take on this machine, from rates measured here.

Forward + loss + BPTT of one layer with G = gates * H rows in its matrices does:
  - GEMMs over all T*B rows at once: input projection x W_ih^T, dL/dx = d W_ih, dL/dW_ih,
    dL/dW_hh (and the output layer's three): 2*T*B*G*(3D + H) + 6*T*B*H*O flops;
  - per step, the recurrent product forward (W_hh h) and backward (d W_hh): at B = 1 two
    matrix-vector products that stream W_hh (G*H numbers) from cache, so their floor is bytes
    over the fastest read bandwidth measured for a matrix that size; at B > 1 two GEMMs,
    2 * 2*T*B*G*H flops more.
  floor = GEMM flops / measured GFLOP/s + 2*T * (G*H*itemsize) / measured bandwidth.
The gates' element-wise work (exp, tanh, products) is left out, so the floor is below what any
implementation can reach. Rates are measured on one thread (what the engine runs on), under the
engine's own thread limit, as the best of several tries.
"""

import time

import numpy as np
from numba import njit

from simulator.threads import engine_threads

GATES = {"rnn": 1, "gru": 3, "lstm": 4}
TRIES = 7


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


def _best_seconds(run, tries=TRIES) -> float:
    run()  # compile, warm the cache
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


class Floors:
    """Rates measured once per dtype (GEMM) or matrix size (bandwidth), floors per case."""

    def __init__(self):
        self._gflops: dict[str, float] = {}
        self._bandwidth: dict[tuple[int, int, str], float] = {}

    def gflops(self, dtype: str) -> float:
        """Single-thread GEMM rate: a 256-cube product, the best of TRIES."""
        if dtype not in self._gflops:
            a = np.random.default_rng(0).standard_normal((256, 256)).astype(dtype)
            with engine_threads:
                seconds = _best_seconds(lambda: a @ a)
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

    def floor_ms(self, cell: str, B: int, H: int, D: int, T: int, O: int, dtype: str) -> float:
        return sum(self.floor_parts(cell, B, H, D, T, O, dtype)[:2])

    def floor_parts(self, cell, B, H, D, T, O, dtype) -> tuple[float, float, float]:
        """(GEMM ms, ms streaming W_hh at B = 1, that bandwidth in GB/s)."""
        G = GATES[cell] * H
        flops = 2 * T * B * G * (3 * D + H) + 6 * T * B * H * O
        streamed, bandwidth = 0.0, 0.0
        if B == 1:
            bandwidth = self.bandwidth(G, H, dtype)
            streamed = 1e3 * 2 * T * G * H * np.dtype(dtype).itemsize / bandwidth
        else:
            flops += 4 * T * B * G * H
        return 1e3 * flops / (self.gflops(dtype) * 1e9), streamed, bandwidth / 1e9

    def describe(self, dtype: str) -> str:
        return f"GEMM {self.gflops(dtype):.1f} GFLOP/s"
