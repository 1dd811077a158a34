"""rnnsim's engine: build recurrent networks, run them, and read exact traces of the forward pass
and of back-propagation through time. Nothing here imports Qt.

The names below load on first use, so `import simulator.cli` (what the `rnnsim` command does
first) does not pay for Numba before the window can appear. Loading the kernels sets two Numba
settings the person has not set, as environment variables read when Numba first compiles: its
cache folder (numba_cache.py) and, on a CPU with AVX-512, 512-bit vectors (vector_width.py; Numba
code the host compiles afterwards gets them too). Nothing else in the host process changes: the
allocator setting of `simulator.allocator` is made by the `rnnsim` command (ui.launcher) only,
not by a notebook or script that imports this package, and BLAS's threads are given back after
every run (threads.py).
"""

from .lazy import lazy_names

_WHERE = {
    "InputError": ".errors",
    "SpecError": ".errors",
    "Network": ".network",
    "NetworkSpec": ".spec",
    "DirectionTrace": ".trace",
    "Trace": ".trace",
}

__all__ = sorted(_WHERE)
__getattr__ = lazy_names(__name__, _WHERE, globals())
