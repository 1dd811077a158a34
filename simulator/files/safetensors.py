"""Weights as .safetensors, the file PyTorch users share weights in, read and written here.

The format is small: 8 bytes (little-endian) giving the header's length N, N bytes of JSON
    {"NAME": {"dtype": "F32", "shape": [4, 3], "data_offsets": [BEGIN, END]}, ...,
     "__metadata__": {"KEY": "TEXT", ...}}
then the arrays' bytes, little-endian and C-ordered, each at [BEGIN, END) of what follows the
header. rnnsim writes and reads it itself rather than through the `safetensors` package: reading
is where a file is trusted for nothing (simulator/files), and every check happens before an
array is allocated: the header's size and JSON, each name against the network's, each shape and
dtype, and offsets that tile the data exactly. Any fault is one FileRefused. The files are
those of `safetensors.numpy.save_file` and torch's state_dict saved with `safetensors.torch`
(tests/files/test_safetensors.py reads and writes both ways).
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import numpy as np

from ..errors import FileRefused
from .json_text import parse_json
from .regular import open_regular_file
from .weights import archive_limit, finite_copy
from .writing import write_atomically

MAX_HEADER_BYTES = 1 << 20
# safetensors' dtype names of real numbers; BF16 is read as the top half of a float32
DTYPES = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "BF16": "<u2"}
NAMES = {np.dtype("float64"): "F64", np.dtype("float32"): "F32"}


def safetensors_bytes(arrays: dict[str, np.ndarray], metadata: dict[str, str]) -> bytes:
    """The file holding `arrays` (float64 or float32) and the text `metadata`."""
    header, chunks, offset = {"__metadata__": dict(metadata)}, [], 0
    for name, array in arrays.items():
        data = np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<"), copy=False)
        raw = data.tobytes()
        header[name] = {
            "dtype": NAMES[array.dtype],
            "shape": list(array.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the data starts 8-byte aligned
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def read_safetensors(
    path: Path, shapes: dict[str, tuple[int, ...]], dtype
) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """(arrays named as in `shapes`, each converted to `dtype`; the file's metadata). Every
    name of `shapes` must be there and nothing else. Raises FileRefused."""
    limit = archive_limit(shapes) + MAX_HEADER_BYTES
    with open_regular_file(path, limit) as handle:
        data = handle.read(limit + 1)
    if len(data) < 8:
        raise FileRefused("is not a .safetensors file (shorter than its 8-byte header length)")
    (size,) = struct.unpack("<Q", data[:8])
    if size > MAX_HEADER_BYTES or 8 + size > len(data):
        raise FileRefused(f"is not a .safetensors file (a header of {size:,} bytes)")
    try:
        header = parse_json(data[8 : 8 + size].decode("utf-8"))
    except (FileRefused, UnicodeDecodeError) as err:
        raise FileRefused(f"has a damaged header: {err}") from None
    if not isinstance(header, dict):
        raise FileRefused("has a damaged header: not a JSON object")
    metadata = header.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise FileRefused("has damaged __metadata__: expected text values")
    body = memoryview(data)[8 + size :]
    entries = {}
    for name, entry in header.items():
        ours = _our_name(name, shapes)
        if ours in entries:
            raise FileRefused(f"holds {ours} twice ({entries[ours][0]} and {name[:80]})")
        entries[ours] = (name, entry)
    missing = [name for name in shapes if name not in entries]
    if missing:
        shown = ", ".join(missing[:4]) + (
            f" and {len(missing) - 4} more" if len(missing) > 4 else ""
        )
        raise FileRefused(f"lacks {shown}")
    _check_tiling([entry for _, entry in entries.values()], len(body))
    arrays = {
        ours: _array(name, entry, shapes[ours], body, dtype)
        for ours, (name, entry) in entries.items()
    }
    return {name: arrays[name] for name in shapes}, metadata


def _our_name(name: str, shapes: dict) -> str:
    """The network's name for a tensor: the same, or a recurrent layer's name under the prefix
    of a PyTorch module holding it ("lstm.weight_ih_l0" from a model with self.lstm)."""
    if name in shapes:
        return name
    _, _, tail = name.partition(".")
    if tail in shapes and tail.startswith(("weight_", "bias_")):
        return tail
    raise FileRefused(f"holds {name[:80]!r}, which this network does not have")


def _check_tiling(entries: list, size: int) -> None:
    spans = []
    for entry in entries:
        offsets = entry.get("data_offsets") if isinstance(entry, dict) else None
        if (
            not isinstance(offsets, list)
            or len(offsets) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in offsets)
        ):
            raise FileRefused("has a tensor without data_offsets [begin, end]")
        spans.append(tuple(offsets))
    position = 0
    for begin, end in sorted(spans):
        if begin != position or end < begin:
            raise FileRefused("has tensors whose data overlap or leave gaps")
        position = end
    if position != size:
        raise FileRefused(f"holds {size:,} bytes of data; its tensors use {position:,}")


def _array(name: str, entry: dict, shape: tuple, body: memoryview, dtype) -> np.ndarray:
    stored = DTYPES.get(entry.get("dtype"))
    if stored is None:
        raise FileRefused(
            f"{name} holds {str(entry.get('dtype'))[:20]} values; rnnsim reads F64, F32, F16, BF16"
        )
    declared = entry.get("shape")
    if not isinstance(declared, list) or tuple(declared) != tuple(shape):
        raise FileRefused(f"{name} has shape {str(declared)[:40]}; this network needs {shape}")
    begin, end = entry["data_offsets"]
    if end - begin != math.prod(shape) * np.dtype(stored).itemsize:
        raise FileRefused(f"{name} holds {end - begin:,} bytes; its shape and dtype need more")
    array = np.frombuffer(body[begin:end], stored).reshape(shape)
    if entry["dtype"] == "BF16":  # bfloat16 is the top 16 bits of a float32
        array = (array.astype("<u4") << 16).view("<f4")
    return finite_copy(name, array, dtype)


def write_safetensors(path: Path, arrays: dict[str, np.ndarray], metadata: dict[str, str]) -> None:
    """Write the file whole or not at all. Raises ProjectError when it cannot be written."""
    data = safetensors_bytes(arrays, metadata)
    write_atomically(path, lambda handle: handle.write(data))
