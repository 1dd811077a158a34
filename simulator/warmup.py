"""Compile (or load) the engine's kernels ahead of use, and tell whether that was done before.

    python -m simulator.warmup lstm/float64 gru/float64

Numba compiles a kernel on its first call (seconds per cell) and keeps it in its on-disk cache
(see numba_cache.py). A program that wants to stay responsive — the window — warms the cells it
needs early, compiling a cold cell in a separate process. `is_cached` answers from a stamp file
written beside Numba's cache once a cell and dtype have been warmed; the stamp's name carries a
hash of the kernel sources and Numba's version, so editing a kernel or upgrading Numba makes it
stale, and clearing the cache folder removes it.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path

from .numba_cache import configure

CELLS = ("lstm", "gru", "rnn", "tdnn")


def warm(cell: str, dtype: str = "float64") -> None:
    """Run every kernel a network of this cell and dtype calls (forward and backward in both
    directions, two layers, both losses), then stamp it as cached."""
    import numpy as np

    from .network import Network
    from .spec import NetworkSpec

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
    stamp = _stamp(cell, dtype)
    if stamp is not None:
        try:
            stamp.touch()
        except OSError:
            pass  # a read-only cache: the next start warms again, nothing worse


def is_cached(cell: str, dtype: str = "float64") -> bool:
    """True when this cell and dtype were warmed with the current kernels and Numba."""
    stamp = _stamp(cell, dtype)
    return stamp is not None and stamp.exists()


def _stamp(cell: str, dtype: str) -> Path | None:
    configure()
    folder = os.environ.get("NUMBA_CACHE_DIR")
    if not folder:
        return None
    return Path(folder) / f"rnnsim-warm-{cell}-{dtype}-{_fingerprint()}"


@cache
def _fingerprint() -> str:
    """A hash of every kernel source and of Numba's version."""
    from importlib.metadata import version

    digest = hashlib.sha256(version("numba").encode())
    for source in sorted((Path(__file__).parent / "kernels").glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


if __name__ == "__main__":
    for key in sys.argv[1:]:
        warm(*key.split("/"))
