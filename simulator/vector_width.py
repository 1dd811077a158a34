"""Let the compiled kernels use the CPU's whole vector registers, before numba is imported.

On CPUs with AVX-512, LLVM keeps to 256-bit vectors unless told otherwise (its "prefer-256-bit"
tuning, chosen for older server chips that slowed their clock for 512-bit work). The kernels'
row loops and the B = 1 matrix-vector product are the engine's inner loops, and with 512-bit
vectors a forward + BPTT run took 5-10% less CPU time at B = 1, H = 128 and 0-3% at B = 32
(docs/speed.md). So where the CPU has AVX-512, Numba gets the host's features with that tuning
turned off (NUMBA_CPU_FEATURES). Like the cache folder (numba_cache.py) it is an environment
variable read when Numba starts compiling: set by the person, it wins; a process that compiled
Numba code before importing rnnsim keeps its own setting.
"""

import os

WIDE_VECTORS = "-prefer-256-bit"


def features(host) -> str | None:
    """The feature string for a CPU with these features (llvmlite's FeatureMap), or None to
    leave LLVM's choice."""
    if not host.get("avx512f"):
        return None
    return f"{host.flatten()},{WIDE_VECTORS}"


def configure() -> None:
    if os.environ.get("NUMBA_CPU_FEATURES"):
        return
    from llvmlite import binding

    chosen = features(binding.get_host_cpu_features())
    if chosen is not None:
        os.environ["NUMBA_CPU_FEATURES"] = chosen
