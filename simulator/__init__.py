"""rnnsim's engine: build recurrent networks, run them, and read exact traces of the forward pass
and of back-propagation through time. Nothing here imports Qt.

The names below load on first use, so `import simulator.cli` (what the `rnnsim` command does
first) does not pay for Numba before the window can appear. Importing the engine changes nothing
in the host process: the allocator setting of `simulator.allocator` is made by the `rnnsim`
command (ui.launcher) only, not by a notebook or script that imports this package.
"""

from importlib import import_module

_WHERE = {
    "InputError": ".errors",
    "SpecError": ".errors",
    "Network": ".network",
    "NetworkSpec": ".spec",
    "DirectionTrace": ".trace",
    "Trace": ".trace",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'simulator' has no attribute {name!r}")
    value = getattr(import_module(_WHERE[name], __name__), name)
    globals()[name] = value
    return value
