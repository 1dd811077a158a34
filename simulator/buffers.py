"""Large arrays for the engine's runs, reused once nothing refers to them any more.

A forward + BPTT at B=32, T=100, H=128 writes tens of megabytes of fresh arrays (the trace's
pre-activations, gates and states, then their gradients). glibc serves each with a new mmap and
unmaps it when it is freed, so every run page-faults its memory in again: measured, a fifth of
an LSTM's run at that size and a third of a simple RNN's (see docs/speed.md). So the kernels'
large outputs come from here: a buffer is handed out again once every array made from it (the
array, its views and slices all hold a reference to it) is gone, so a trace someone keeps is
never written over, while a Trainer's discarded traces feed the next step.

Unlike simulator.allocator (glibc's thresholds, which the `rnnsim` command raises for its whole
process), this changes nothing in the host process: a notebook keeps its allocator as it was.
At most RETAINED bytes of unused buffers are kept.
"""

from __future__ import annotations

import sys
import threading
from math import prod

import numpy as np

SMALLEST = 1 << 20  # bytes; below this malloc's heap reuses freed memory by itself
RETAINED = 256 << 20  # bytes of unused buffers kept at most
CACHE_LINE = 64  # bytes

_lock = threading.Lock()
_buffers: list[np.ndarray] = []  # raw bytes, oldest first


def _references(buffers: list[np.ndarray]) -> list[int]:
    return [sys.getrefcount(buffer) for buffer in buffers]


# What _references counts for a buffer nothing else refers to (its list, the loop's name, the
# call's argument), measured here rather than assumed: the interpreter decides it.
UNUSED = _references([np.empty(1, np.uint8)])[0]


def empty(shape: tuple[int, ...], dtype, aligned: bool = False) -> np.ndarray:
    """Like np.empty: a C-contiguous array whose values are whatever was there before.
    `aligned`: it starts on a cache line, so each row whose size is a multiple of 64 bytes does:
    two threads that write the two halves of a row (kernels/team.py) then never write one line
    (their team ran 4% faster; not the default, the extra steps cost the encoder-decoder's many
    small arrays ~10%)."""
    dtype = np.dtype(dtype)
    size = prod(shape) * dtype.itemsize
    raw_size = size + CACHE_LINE if aligned else size
    if not SMALLEST <= size <= RETAINED:
        if not aligned:
            return np.empty(shape, dtype)
        found = np.empty(raw_size, np.uint8)
    else:
        with _lock:
            unused = _unused()
            found = next((buffer for buffer in unused if buffer.size == raw_size), None)
            if found is None:
                _drop(unused, RETAINED - raw_size)
                found = np.empty(raw_size, np.uint8)
                _buffers.append(found)
    if aligned:
        skip = -found.ctypes.data % CACHE_LINE
        found = found[skip : skip + size]
    return found.view(dtype).reshape(shape)


def _unused() -> list[np.ndarray]:
    return [b for b, count in zip(_buffers, _references(_buffers), strict=True) if count == UNUSED]


def _drop(unused: list[np.ndarray], keep: int) -> None:
    """Forget the oldest unused buffers until those left hold at most `keep` bytes."""
    held = sum(buffer.size for buffer in unused)
    dropped = set()
    for buffer in unused:
        if held <= keep:
            break
        held -= buffer.size
        dropped.add(id(buffer))
    # by identity: list.remove would compare arrays with ==, element by element
    _buffers[:] = [buffer for buffer in _buffers if id(buffer) not in dropped]


def held_bytes() -> tuple[int, int]:
    """(bytes in buffers in use, bytes in unused ones)."""
    with _lock:
        unused = sum(buffer.size for buffer in _unused())
        return sum(buffer.size for buffer in _buffers) - unused, unused
