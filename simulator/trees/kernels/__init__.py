"""Compiled kernels of the recursive networks: forward bottom-up and back-propagation through
structure top-down, over a tree flattened into arrays (see simulator.trees.flatten).

Importing simulator.kernels (which these kernels' helpers live in) configures Numba's cache.
"""
