"""rnnsim's engine: build recurrent networks, run them, and read exact traces of the forward pass
and of back-propagation through time. Nothing here imports Qt."""

from .allocator import keep_freed_memory
from .errors import InputError, SpecError
from .network import Network
from .spec import NetworkSpec
from .trace import DirectionTrace, Trace

keep_freed_memory()

__all__ = ["DirectionTrace", "InputError", "Network", "NetworkSpec", "SpecError", "Trace"]
