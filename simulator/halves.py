"""A large batch run in two halves, on two cores when one is free; or one long example's units.

The examples of a batch are independent sequences, so a recurrent kernel can run on rows
[:h] and [h:] of every batch-first array (inputs, states, the trace) as two calls; each writes
its own rows of the one trace. Its weight gradients, sums over the rows, are each half's own
arrays, added (first + second) after both calls. With a free core the second half runs in a
worker thread (the kernels release the GIL), and everything the kernel does, products and
element-wise work alike, runs on two cores, where a second BLAS thread (threads.py) only
shares the products.

Whether a batch is halved depends on its shapes only, never on the machine's load: the halves
run in turn when no core is free, so a run gives the same numbers, to the last bit, however
busy the machine is. The window never halves (threads.engine_threads.sharing is off there: its
GUI thread needs the core, and in turn the halves cost an LSTM at B=32 8-11%), so for such a
batch its weight gradients and the command line's differ in the last bits (the sum over the
rows is rounded in one piece there, in two here); every per-step value is the same.

One example (B = 1) has no halves of a batch, but an LSTM's or a GRU's units split: two threads
run the example together, each half of the units, in step (kernels/lstm_team.py, gru_team.py).
As with a batch, whether the units are halved depends on the shapes only; with a free core the
halves run on two threads, else one thread computes both in turn, with the same numbers to the
last bit (the one-thread kernels' but for the rounding of BPTT's split sums).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from .kernels.team import new_team
from .threads import SHARE_LEAST_RUN, SHARE_LEAST_STEP

LEAST_ROWS = 32  # halves of 16 rows or more keep BPTT's blocked product (kernels/steps.py)
TEAM_CELLS = {"lstm": 4, "gru": 3}  # the cells with kernels for a team: their gate blocks
# Where one example's units are halved, measured on two threads against the one-thread kernels
# (forward + BPTT, D = 64): float64 H = 96 0.87x, H = 128 0.74x at T = 100; float32 H = 128
# 0.88x at T = 100 but 1.04x at T = 32 (U's 256 KB over 32 steps does not pay for the start)
UNITS_LEAST_BYTES = 1 << 18  # U's size: LSTM float64 H >= 96, float32 H >= 128; GRU H >= 112
UNITS_LEAST_READ = 1 << 24  # U's size times the steps: float32 H = 128 from T = 64
UNITS_LEAST_STEPS = 32
ABANDONED = np.iinfo(np.int64).max  # a part's progress once its call failed: nobody waits


@dataclass(frozen=True)
class Halves:
    """Rows [:rows] and [rows:] of a batch, or (rows None) one example's units; `parallel`: the
    second half in the worker thread (else both in turn, in the caller's)."""

    rows: int | None
    parallel: bool

    @property
    def units(self) -> bool:
        return self.rows is None


UNITS = Halves(None, parallel=True)


def halved(B: int, step_work: int, steps: int) -> int | None:
    """Where a batch of B examples is cut (None: run whole), given one example's recurrent
    product (multiply-adds a step) and the steps: a batch of LEAST_ROWS or more whose halves
    are each as large as a run that threads.py gives a second BLAS thread."""
    half = B // 2
    work = half * step_work
    if B < LEAST_ROWS or work < SHARE_LEAST_STEP or work * steps < SHARE_LEAST_RUN:
        return None
    return half


def units_halved(cell: str, B: int, H: int, itemsize: int, steps: int) -> bool:
    """Whether one example's units run in two halves (on two threads while a core is free, in
    turn otherwise): an LSTM or a GRU (PyTorch's variant: cells.py runs the textbook GRU
    whole) whose U is large enough that half of each step's work outweighs the two parts' wait
    for each other (~0.5-1 us a step, measured), over enough steps to pay for the second
    thread's start (~20-40 us); two equal halves, each starting a cache line of its own in every
    row of the trace (no line is written by both threads)."""
    u_bytes = TEAM_CELLS.get(cell, 0) * H * H * itemsize
    return (
        B == 1
        and u_bytes >= UNITS_LEAST_BYTES
        and u_bytes * steps >= UNITS_LEAST_READ
        and steps >= UNITS_LEAST_STEPS
        and H % 2 == 0
        and (H // 2 * itemsize) % 64 == 0
    )


_lock = threading.Lock()
_worker: ThreadPoolExecutor | None = None


def _second() -> ThreadPoolExecutor:
    global _worker
    with _lock:
        if _worker is None:
            _worker = ThreadPoolExecutor(1, thread_name_prefix="rnnsim-half")
        return _worker


def _forget_worker() -> None:
    """In a forked child: the parent's worker thread did not come along, and an executor whose
    thread is gone would never run a half; the child starts its own."""
    global _lock, _worker
    _lock, _worker = threading.Lock(), None


os.register_at_fork(after_in_child=_forget_worker)


def run_in_halves(call, halves: Halves | None) -> None:
    """call(rows) with rows a slice of the batch: once with every row, or once per half."""
    if halves is None or halves.units:  # (units: for a cell without a team's kernels)
        call(slice(None))
        return
    first, second = slice(None, halves.rows), slice(halves.rows, None)
    if not halves.parallel:
        call(first)
        call(second)
        return
    pending = _second().submit(call, second)
    try:
        call(first)
    finally:
        pending.result()


def run_team(call, parallel: bool) -> None:
    """call(team, part) for parts 0 and 1 of a team of two at once (`parallel`: part 1 in the
    worker thread, part 0 here), or call(team of one, 0) here: the same numbers, since a team's
    kernels split the units in halves either way (kernels/team.py). A part whose call fails
    marks itself abandoned, so the other stops waiting for it (and its numbers are not used);
    the error reaches the caller."""
    if not parallel:
        call(new_team(1), 0)
        return
    team = new_team(2)

    def run(part: int) -> None:
        try:
            call(team, part)
        except BaseException:
            team[part, 0] = ABANDONED
            raise

    pending = _second().submit(run, 1)
    try:
        run(0)
    finally:
        pending.result()
