"""A trace as a NumPy .npz: every recorded array under its name, and the tokens as text.

    data = np.load("run.npz", allow_pickle=False)
    data["layer0.forward.hidden"][0]        # h_t of the first example, (T, H)
    data["tokens"][0]                       # its tokens, fixed-width unicode

Nothing needs pickle: the arrays are numbers, the text fixed-width unicode (see tokens.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..files.writing import write_atomically
from .arrays import trace_arrays
from .tokens import trace_tokens


def npz_arrays(trace, task=None) -> dict[str, np.ndarray]:
    return {**trace_arrays(trace), **trace_tokens(trace, task)}


def write_npz(path: Path, trace, task=None) -> list[Path]:
    arrays = npz_arrays(trace, task)
    write_atomically(path, lambda handle: np.savez_compressed(handle, **arrays))
    return [path]
