"""Saving a project as one unit: after a crash at any moment the folder holds the old project
or the new one, whole.

    1. the weights go to a new file, NAME.<12 hex digits>.npz, flushed to the disk;
    2. the JSON naming that file is written to a temporary file, flushed, and renamed over
       NAME.rnnsim.json (a rename is atomic), and the folder is flushed;
    3. the weights the old JSON named are removed.

A crash before 2 leaves the old JSON with its old weights (and an unreferenced new weights
file); after 2, the new JSON with the new weights (and perhaps the old weights file). Such
leftovers, and the temporary files of a crashed save, are removed at the next save or open of
the project. Saving and cleaning hold an exclusive lock on the folder (flock), so two processes
saving or opening the same project never remove each other's files.

Older projects named their weights NAME.npz; they open as they are, and the first save moves
them to the new naming.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from ..errors import FileRefused, ProjectError
from .json_text import parse_json
from .regular import read_regular_file

SUFFIX = ".rnnsim.json"
MAX_JSON_BYTES = 64 * 2**20
_WEIGHTS = re.compile(r"\.[0-9a-f]{12}\.npz")

try:
    import fcntl
except ImportError:  # Windows: no flock; saving stays atomic, only concurrent cleaning is not
    fcntl = None


def stem(json_path: Path) -> str:
    """NAME for NAME.rnnsim.json (or NAME.json)."""
    name = json_path.name
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else json_path.stem


def _ours(json_path: Path, name: str) -> bool:
    """True for a weights file this project may have written: NAME.npz or NAME.<hex>.npz."""
    base = stem(json_path)
    return name == base + ".npz" or (
        name.startswith(base) and _WEIGHTS.fullmatch(name[len(base) :]) is not None
    )


def _temporary(json_path: Path, name: str) -> bool:
    """True for a temporary file of this project's saves: .NAME.rnnsim.json.<random>.tmp (and
    .NAME.rnnsim.json.<random> or .NAME.npz.<random>, from older versions)."""
    owners = "|".join(re.escape(n) for n in (json_path.name, stem(json_path) + ".npz"))
    return re.fullmatch(rf"\.(?:{owners})\.[a-z0-9_]{{8}}(?:\.tmp)?", name) is not None


def weights_name_in(json_path: Path) -> str | None:
    """The weights file the JSON at `json_path` names, or None (no JSON, or a damaged one)."""
    try:
        data = parse_json(read_regular_file(json_path, MAX_JSON_BYTES).decode("utf-8"))
    except (FileRefused, UnicodeDecodeError):
        return None
    name = data.get("parameters") if isinstance(data, dict) else None
    return name if isinstance(name, str) and Path(name).name == name else None


@contextlib.contextmanager
def project_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (released when the process ends, however it ends)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # no folder (the caller reports it) or not readable: nothing to lock
        yield
        return
    try:
        if fcntl is not None:
            with contextlib.suppress(OSError):  # a file system without locks
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def clean_leftovers(json_path: Path) -> None:
    """Remove what crashed saves of this project left: its temporary files, and weights files
    of its naming that neither NAME.rnnsim.json nor NAME.json names. Call it holding the lock.
    Files that cannot be removed (a read-only folder) stay."""
    folder = json_path.parent
    base = stem(json_path)
    siblings = [folder / (base + SUFFIX), folder / (base + ".json")]
    named = {weights_name_in(p) for p in siblings if p.exists()}
    if any(p.exists() for p in siblings) and None in named:
        return  # a JSON that cannot be read: keep every weights file, it may be the only copy
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        stale = _temporary(json_path, entry.name) or (
            _ours(json_path, entry.name) and entry.name not in named
        )
        if stale and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def check_writable(json_path: Path) -> None:
    """Refuse, before any work, a project path that cannot be saved: its folder missing or
    not writable, or the path a folder or a device. Raises ProjectError."""
    folder = json_path.parent if str(json_path.parent) else Path(".")
    if not folder.is_dir():
        raise ProjectError(f"cannot write {json_path}: no folder {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ProjectError(f"cannot write {json_path}: the folder {folder} is not writable")
    if json_path.exists() and not json_path.is_file():
        raise ProjectError(f"cannot write {json_path}: it is not a file")


def save_project_files(
    json_path: Path, json_text: Callable[[str], str], arrays: dict[str, np.ndarray]
) -> str:
    """Save a project as one unit (see the module's docstring). `json_text(name)` gives the
    JSON that names the weights file `name`; it is made before anything is written, so a
    value JSON cannot hold changes nothing. Returns the weights file's name. Raises
    ProjectError when the folder cannot be written."""
    folder = json_path.parent if str(json_path.parent) else Path(".")
    name = f"{stem(json_path)}.{uuid.uuid4().hex[:12]}.npz"
    text = json_text(name).encode("utf-8")
    if not folder.is_dir():
        raise ProjectError(f"cannot write in {folder}: no such folder")
    with project_lock(folder):
        old = weights_name_in(json_path)
        clean_leftovers(json_path)
        weights = folder / name
        mode = _file_mode(folder / old if old else weights)
        _write_new(weights, lambda f: np.savez(f, **arrays), mode)
        try:
            _replace(json_path, text, _file_mode(json_path))
        except BaseException:
            weights.unlink(missing_ok=True)
            raise
        if old and old != name and _ours(json_path, old):
            with contextlib.suppress(OSError):
                (folder / old).unlink()
    return name


def _write_new(path: Path, write, mode: int) -> None:
    """Create `path` (it must not exist), write it and flush it to the disk."""
    try:
        handle = open(path, "xb")  # noqa: SIM115 - closed below, removed on failure
    except OSError as err:
        raise ProjectError(f"cannot write in {path.parent}: {err.strerror}") from None
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(path, mode)
    except OSError as err:
        path.unlink(missing_ok=True)
        raise ProjectError(f"cannot write {path}: {err.strerror or err}") from None
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _replace(path: Path, data: bytes, mode: int) -> None:
    """Replace `path` by a file holding `data`, atomically: a temporary file in the same
    folder, flushed, renamed over it; then the folder is flushed so the rename lasts."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as err:
        raise ProjectError(f"cannot write in {folder}: {err.strerror}") from None
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)
        _sync_folder(folder)  # the new weights' name first, then the rename that names them
        os.replace(handle.name, path)
        _sync_folder(folder)
    except OSError as err:
        Path(handle.name).unlink(missing_ok=True)
        raise ProjectError(f"cannot write {path}: {err.strerror or err}") from None
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some systems cannot fsync a folder
            os.fsync(fd)
    finally:
        os.close(fd)


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()
