"""Point Numba's on-disk cache at a folder this user can write, before numba is imported.

Compiled kernels are cached there (`cache=True`), so only the first start pays the compile time.
An explicit NUMBA_CACHE_DIR from the environment wins.

Numba checks a cached kernel only against its own source file, not against the helpers it
inlines from other files (kernels/rows.py, kernels/steps.py, ...): after an upgrade that changed
only a helper it would load the old machine code. So the folder is named after a hash of every
kernel source and of Numba's version, and any change starts a fresh one; the few most recently
used folders are kept (another installed version may still use one), older ones removed.
The name also carries the CPU features Numba compiles for (vector_width.py), set first.
"""

import hashlib
import os
import shutil
from functools import cache
from pathlib import Path

from . import vector_width

KERNEL_FOLDERS = ("kernels", "encoder_decoder/kernels", "trees/kernels")
KEPT = 3  # cache folders of other kernel versions kept besides the current one


def sources_hash(root: Path, numba_version: str) -> str:
    """A hash of every kernel source below `root` (the simulator package) and of Numba's version."""
    digest = hashlib.sha256(numba_version.encode())
    for folder in KERNEL_FOLDERS:
        for source in sorted((root / folder).glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@cache
def fingerprint() -> str:
    """This installation's kernels, Numba and the CPU features it compiles for, as a short hash."""
    from importlib.metadata import version

    target = os.environ.get("NUMBA_CPU_FEATURES", "")
    return sources_hash(Path(__file__).parent, f"{version('numba')} {target}")


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rnnsim" / "numba"


def configure() -> None:
    vector_width.configure()
    if os.environ.get("NUMBA_CACHE_DIR"):
        return
    folder = cache_root() / fingerprint()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        folder.touch()  # most recently used
    except OSError:
        return  # numba then falls back to __pycache__ beside the sources, or compiles each run
    os.environ["NUMBA_CACHE_DIR"] = str(folder)
    remove_old_folders(folder)


def remove_old_folders(current: Path) -> None:
    """Keep `current` and the KEPT most recently used other cache folders; remove the rest
    (and what earlier versions wrote straight into the root)."""
    others = [p for p in current.parent.iterdir() if p != current]
    folders = sorted((p for p in others if _is_fingerprint(p)), key=lambda p: -p.stat().st_mtime)
    for path in folders[KEPT:] + [p for p in others if p not in folders]:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _is_fingerprint(path: Path) -> bool:
    return (
        path.is_dir() and len(path.name) == 16 and all(c in "0123456789abcdef" for c in path.name)
    )
