"""Compiled kernels: forward and backward of each op, on arrays only.

Importing this package configures Numba first: the CPU features it compiles for and its cache
folder (see simulator.numba_cache).
"""

from ..numba_cache import configure as _configure_numba

_configure_numba()
