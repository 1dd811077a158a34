"""Compiled kernels of the encoder-decoder: attention, one decoder step, input feeding, decoding.

Importing simulator.kernels first points Numba's cache at rnnsim's folder (simulator.numba_cache).
"""

from ... import kernels as _configure_cache  # noqa: F401
