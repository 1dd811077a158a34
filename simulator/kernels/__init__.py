"""Compiled kernels: forward and backward of each op, on arrays only.

Importing this package configures Numba's cache folder first (see simulator.numba_cache).
"""

from ..numba_cache import configure as _configure_cache

_configure_cache()
