"""A weights archive (.npz, a zip of .npy members) read without trusting it.

Before any array is allocated, every member is checked against what the network needs: its
name, its declared shape (read from the .npy header with numpy.lib.format), its dtype (real
numbers only: no text, objects, structures, complex or dates) and its size in the zip (a
member that would decompress to more than its declared array is refused, so a 2 MB file that
inflates to 2 GiB costs nothing). Only then is each array read, converted to the network's
dtype and checked for NaN and infinity. Any fault is one FileRefused.
"""

from __future__ import annotations

import math
import zipfile
from pathlib import Path

import numpy as np
from numpy.lib import format as npy

from ..errors import FileRefused
from .regular import open_regular_file

MAX_HEADER_BYTES = 10_000  # numpy's own limit on an .npy header
MAX_ITEM_BYTES = 8  # float64
SUFFIX = ".npy"
# What a damaged zip or .npy raises on the way in.
_DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,  # an unknown compression method
    RuntimeError,  # an encrypted member
    EOFError,
    OSError,
    ValueError,  # numpy: a malformed header
    SyntaxError,
    RecursionError,  # a header nested beyond the parser
    TypeError,
)


def archive_limit(shapes: dict[str, tuple[int, ...]]) -> int:
    """The largest a file holding these arrays can be (float64, uncompressed, headers)."""
    return sum(math.prod(s) for s in shapes.values()) * MAX_ITEM_BYTES + 4096 * (len(shapes) + 1)


def read_weights(path: Path, shapes: dict[str, tuple[int, ...]], dtype) -> dict[str, np.ndarray]:
    """The arrays of the archive at `path`, each of the shape `shapes` gives for its name and
    converted to `dtype`. A member whose name `shapes` lacks, or a name twice, is refused;
    which names must be present is the caller's rule. Raises FileRefused."""
    with open_regular_file(path, archive_limit(shapes)) as handle:
        try:
            with zipfile.ZipFile(handle) as archive:
                members = _members(archive, shapes)
                return {
                    name: _read(archive, info, shapes[name], np.dtype(dtype))
                    for name, info in members.items()
                }
        except FileRefused:
            raise
        except _DAMAGE as err:
            raise FileRefused(f"is not a readable .npz file ({_reason(err)})") from None


def _reason(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _members(archive: zipfile.ZipFile, shapes: dict) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > len(shapes):
        raise FileRefused(f"holds {len(infos):,} arrays; this network has at most {len(shapes)}")
    members = {}
    for info in infos:
        name = info.filename.removesuffix(SUFFIX)
        if not info.filename.endswith(SUFFIX) or name not in shapes:
            raise FileRefused(f"holds {info.filename[:80]!r}, which this network does not have")
        if name in members:
            raise FileRefused(f"holds {info.filename!r} twice")
        if info.flag_bits & 0x1:
            raise FileRefused(f"{info.filename} is encrypted")
        members[name] = info
    return members


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shape: tuple, dtype) -> np.ndarray:
    name = info.filename.removesuffix(SUFFIX)
    most = MAX_HEADER_BYTES + 16 + math.prod(shape) * MAX_ITEM_BYTES
    if info.file_size > most:  # the zip's own count, before anything is decompressed
        raise FileRefused(
            f"{name} would decompress to {info.file_size:,} bytes; its {shape} array needs at "
            f"most {most:,}"
        )
    with archive.open(info) as member:
        version = npy.read_magic(member)
        if version == (1, 0):
            header = npy.read_array_header_1_0(member, max_header_size=MAX_HEADER_BYTES)
        elif version == (2, 0):
            header = npy.read_array_header_2_0(member, max_header_size=MAX_HEADER_BYTES)
        else:
            raise FileRefused(f"{name} is an .npy of version {version}; rnnsim reads 1.0 and 2.0")
        declared, fortran, stored = header
        _check_dtype(name, stored)
        if tuple(declared) != tuple(shape):
            raise FileRefused(f"{name} has shape {tuple(declared)}; this network needs {shape}")
        size = math.prod(shape) * stored.itemsize
        if info.file_size != member.tell() + size:
            raise FileRefused(
                f"{name} holds {info.file_size - member.tell():,} bytes of data; its header "
                f"declares {size:,}"
            )
        data = member.read(size)
        if len(data) != size or member.read(1):  # reading to the end checks the CRC
            raise FileRefused(f"{name} is cut short")
    array = np.frombuffer(data, stored).reshape(shape, order="F" if fortran else "C")
    return finite_copy(name, array, dtype)


def finite_copy(name: str, array: np.ndarray, dtype) -> np.ndarray:
    """A writable C-ordered copy of `array` in `dtype`; refused if any value is NaN, infinite,
    or too large for `dtype`."""
    with np.errstate(over="ignore", invalid="ignore"):
        converted = np.array(array, dtype=dtype, order="C")  # a writable copy
    if not np.isfinite(converted).all():
        too_large = np.isfinite(array).all()
        raise FileRefused(
            f"{name} holds values too large for {dtype}"
            if too_large
            else f"{name} holds NaN or infinite values"
        )
    return converted


def _check_dtype(name: str, dtype: np.dtype) -> None:
    if (
        dtype.kind not in "fiu"
        or dtype.fields is not None
        or dtype.subdtype is not None
        or dtype.itemsize > MAX_ITEM_BYTES
    ):
        raise FileRefused(f"{name} holds {dtype} values; rnnsim reads real numbers only")
