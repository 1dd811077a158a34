"""What the compiled kernels carry: no code for Numba's array-into-slice assignment.

`a[i, :] = b`, `a[:] = b` or `a[:k] *= s` with an array makes Numba compile its broadcasting and
its shape-mismatch error (string formatting included) into the kernel: a quarter of the whole
cold compile time before the kernels wrote rows with loops (simulator/kernels/rows.py)."""

import importlib
import pkgutil
from pathlib import Path

import simulator
from simulator.warmup import KIND_OF_SET, warm

SHAPE_ERROR = b"raise_with_shape_context"
KERNEL_PACKAGES = (
    "simulator.kernels",
    "simulator.encoder_decoder.kernels",
    "simulator.trees.kernels",
)


def _cached_kernels() -> list:
    """Every kernel compiled with cache=True, as Numba dispatchers."""
    found = []
    for package in KERNEL_PACKAGES:
        folder = Path(simulator.__file__).parent.joinpath(*package.split(".")[1:])
        for module in pkgutil.iter_modules([str(folder)]):
            namespace = vars(importlib.import_module(f"{package}.{module.name}"))
            found += [
                value
                for value in namespace.values()
                if type(getattr(value, "_cache", None)).__name__ == "FunctionCache"
                and value.__module__ == f"{package}.{module.name}"
            ]
    return found


def test_no_compiled_kernel_holds_numbas_slice_assignment_code():
    for name in KIND_OF_SET:  # loads every set from the cache (compiles it when cold)
        warm(name, "float64")
    files = {}
    for kernel in _cached_kernels():
        if not kernel.signatures:  # not run by any set's warm-up
            continue
        cache = kernel._cache
        files[kernel.__qualname__] = list(
            Path(cache._cache_path).glob(f"{cache._impl.filename_base}.*.nbc")
        )
    assert len(files) >= 25  # every cell's, the encoder-decoder's and the trees' kernels
    uncached = [name for name, paths in files.items() if not paths]
    assert uncached == []
    holding = sorted(
        name for name, paths in files.items() if any(SHAPE_ERROR in p.read_bytes() for p in paths)
    )
    assert holding == []
