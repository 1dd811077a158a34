"""Let glibc reuse freed memory for the engine's large arrays instead of returning it to the OS.

A trace of B=32, T=100, H=128 allocates tens of megabytes of fresh arrays per run. By default
glibc serves each with a new mmap and unmaps it when freed, so every run page-faults its memory
in again: measured here, allocating, zeroing and touching three 3.2 MB arrays took 5.5 ms; with
the thresholds raised it took 0.33 ms, and a whole forward + BPTT at that size got ~30% faster.
The cost is that up to `RETAIN` bytes of freed memory stay with the process, so the setting is
the program's to make: the `rnnsim` command (window and CLI, ui/launcher.py) calls
`keep_freed_memory()`; `import simulator` does not, and a script or notebook may call it itself.
"""

import ctypes
import ctypes.util

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
RETAIN = 512 * 2**20


def keep_freed_memory() -> bool:
    """Raise glibc's mmap and trim thresholds; False where there is no glibc (nothing done)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, RETAIN // 2) and mallopt(_M_TRIM_THRESHOLD, RETAIN))
