"""What every speed benchmark here shares: one thread for every contender, median times, ratios.

Import this module before numpy (or torch): BLAS libraries read the thread settings when they
are first loaded. It also puts the checkout on sys.path, so the benchmarks run uninstalled.
"""

import os
import statistics
import sys
import time
from pathlib import Path

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ[_name] = "1"

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def median_ms(step, budget_s: float, least: int, repeat: int | None) -> float:
    """Median wall time of `step` in ms, over `repeat` runs or enough to fill `budget_s`."""
    step()  # warm up: compiles kernels, allocates
    start = time.perf_counter()
    step()
    once = time.perf_counter() - start
    runs = repeat or max(least, round(budget_s / max(once, 1e-9)))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def speedup(ms: dict, faster: str, slower: str) -> float | None:
    """How many times faster `faster` ran than `slower` (None when either is missing)."""
    if faster not in ms or slower not in ms:
        return None
    return ms[slower] / ms[faster]


def largest_difference(loss, grads, trace) -> float:
    """The largest gap between a contender's loss and gradients and the engine's trace."""
    return max(
        abs(loss - trace.loss), *(float(abs(grads[n] - trace.grads[n]).max()) for n in trace.grads)
    )
