"""What every speed benchmark here shares: contenders timed as a person's process runs them,
interleaved, median times, same-precision ratios.

Nothing is pinned: rnnsim decides its own BLAS threads (simulator/threads.py), the NumPy
reference runs with NumPy's defaults, and PyTorch gets the better of one thread and its default
(torch.set_num_threads before each of its blocks), per case. The contenders are timed in
alternating blocks, so a change of the machine's load falls on all of them alike.
It also puts the checkout on sys.path, so the benchmarks run uninstalled.
"""

import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Point Numba's cache at rnnsim's folder before any benchmark imports numba (floors.py does):
# Numba reads its cache setting once, at import, and would otherwise cache the kernels beside
# their sources, where a change to a helper they inline (rows.py, mathfn.py, ...) leaves the old
# machine code in use, and a benchmark would time kernels that are no longer the code.
import simulator.kernels  # noqa: E402, F401

ROUNDS = 5  # blocks per contender
# Before each block the process idles this long: a multi-threaded library's idle threads spin
# for a while after their last work (OpenBLAS's ~0.1-0.15 s, measured), and a run started in that
# wake shares its cores with them (rnnsim's GRU at B=32 ran 25-31 ms for the first 0.13 s after
# the NumPy reference's block, 13 ms after). Every contender starts its blocks as a person's
# training loop runs, with no other library's threads spinning.
SETTLE_S = 0.2


def load() -> str:
    """The machine's load averages (1, 5, 15 min) and cores, to print beside the numbers."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def torch_threads(torch) -> tuple[int, ...]:
    """The thread counts PyTorch is tried with: one, and its default."""
    return tuple(sorted({1, torch.get_num_threads()}))


def with_torch_threads(steps: dict[str, Callable], torch) -> tuple[dict, dict]:
    """Every "torch ..." contender split into one per thread count: (steps, what to run before
    each block of a contender)."""
    out, before = {}, {}
    for name, step in steps.items():
        if not name.startswith("torch") or torch is None:
            out[name] = step
            continue
        for threads in torch_threads(torch):
            variant = f"{name} @{threads}"
            out[variant] = step
            before[variant] = lambda threads=threads: torch.set_num_threads(threads)
    return out, before


def best_of_threads(ms: dict[str, float]) -> tuple[dict[str, float], dict[str, int]]:
    """(times with each "torch ... @n" folded into its best, the thread count that won)."""
    best, threads = {}, {}
    for name, value in ms.items():
        base, at, count = name.partition(" @")
        if at and (base not in best or value < best[base]):
            best[base], threads[base] = value, int(count)
        elif not at:
            best[name] = value
    return best, threads


def interleaved_ms(
    steps: dict[str, Callable],
    budget_s: float,
    least: int,
    repeat: int | None,
    before: dict[str, Callable] | None = None,
) -> dict[str, float]:
    """Median wall time in ms of each step, over ROUNDS alternating blocks of runs that fill
    `budget_s` per contender (at least `least` runs), or `repeat` runs in all."""
    before = before or {}
    once = {}
    for name, step in steps.items():
        before.get(name, _nothing)()
        step()  # warm up: compiles kernels, allocates
        start = time.perf_counter()
        step()
        once[name] = time.perf_counter() - start
    runs = {
        name: math.ceil((repeat or max(least, budget_s / max(seconds, 1e-9))) / ROUNDS)
        for name, seconds in once.items()
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(ROUNDS):
        for name, step in steps.items():
            before.get(name, _nothing)()
            time.sleep(SETTLE_S)
            for _ in range(runs[name]):
                start = time.perf_counter()
                step()
                times[name].append(time.perf_counter() - start)
    return {name: 1e3 * statistics.median(t) for name, t in times.items()}


def time_contenders(steps: dict[str, Callable], torch, budget_s, least, repeat):
    """(median ms per contender, torch at its better thread count; that count per torch entry)."""
    steps, before = with_torch_threads(steps, torch)
    return best_of_threads(interleaved_ms(steps, budget_s, least, repeat, before))


def _nothing():
    return None


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
