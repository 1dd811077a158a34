"""Take a trace out of rnnsim: every recorded array to .npz, or the hidden states to .h5 in the
layout LSTMVis reads.

    export_trace("run.npz", trace, task)     every array under its name (arrays.py, npz.py)
    export_trace("run.h5", trace, task)      states per layer + words dictionary (lstmvis.py)

`task` gives the words of token ids (a tree trace holds its own); without it ids are written.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ProjectError
from .arrays import trace_arrays
from .lstmvis import lstmvis_tables, write_lstmvis
from .npz import npz_arrays, write_npz
from .tokens import trace_tokens

WRITERS = {".npz": write_npz, ".h5": write_lstmvis, ".hdf5": write_lstmvis}


def export_trace(path, trace, task=None) -> list[Path]:
    """Write `trace` to `path` (.npz, .h5 or .hdf5); returns the files written. Raises
    ProjectError (one line) for another suffix, a folder that cannot be written, or .h5
    without h5py."""
    path = Path(path)
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ProjectError(
            f"{path.name}: a trace is exported as .npz (every array) or .h5 (for LSTMVis)"
        )
    return writer(path, trace, task)


__all__ = [
    "export_trace",
    "lstmvis_tables",
    "npz_arrays",
    "trace_arrays",
    "trace_tokens",
]
