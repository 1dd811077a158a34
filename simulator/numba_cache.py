"""Point Numba's on-disk cache at a folder this user can write, before numba is imported.

Compiled kernels are cached there (`cache=True`), so only the first start pays the compile time.
An explicit NUMBA_CACHE_DIR from the environment wins.
"""

import os
from pathlib import Path


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rnnsim" / "numba"


def configure() -> None:
    if os.environ.get("NUMBA_CACHE_DIR"):
        return
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # numba then falls back to __pycache__ beside the sources, or compiles each run
    os.environ["NUMBA_CACHE_DIR"] = str(folder)
