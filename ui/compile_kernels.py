"""Compile the engine's kernels for some cells, into Numba's on-disk cache.

    python ui/compile_kernels.py lstm/float64 gru/float64

The window runs this in a separate process when the cache is cold: compiling takes seconds per
cell, runs Python that would share the window's GIL, and leaves half a million objects for the
garbage collector, whose full collection alone would freeze the window for half a second. The
window's own thread then only loads the compiled kernels from the cache. Qt-free.
"""

from __future__ import annotations

import sys


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


def cached(key: str) -> bool:
    """True when Numba's cache already holds this cell's kernels (float64; other dtypes are
    reported as not cached). False also when the cache cannot be inspected."""
    cell, dtype = key.split("/")
    if dtype != "float64":
        return False
    try:
        import importlib
        from pathlib import Path

        module = importlib.import_module(f"simulator.kernels.{cell}")
        kernels = (getattr(module, f"{cell}_forward"), getattr(module, f"{cell}_backward"))
        return all(Path(k._cache._cache_file._index_path).exists() for k in kernels)
    except Exception:  # numba's private layout changed: assume nothing is cached
        return False


if __name__ == "__main__":
    for name in sys.argv[1:]:
        warm(name)
