"""Write a file whole or not at all: a temporary file beside it, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import ProjectError


def write_atomically(path: Path, write: Callable) -> None:
    """`write(handle)` into a temporary file in `path`'s folder, renamed to `path` when done.
    Raises ProjectError (one line) when the folder cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", delete=False)
    except OSError as err:
        raise ProjectError(f"cannot write in {folder}: {err.strerror or err}") from None
    try:
        with handle:
            write(handle)
        os.replace(handle.name, path)
    except OSError as err:
        raise ProjectError(f"cannot write {path}: {err.strerror or err}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
