"""Damaged and hostile variants of a project folder, as faults and attackers make them.

`mutate(folder, rng)` changes the project in `folder` (NAME.rnnsim.json and the weights file its
JSON names) in one random way and returns (what it did, what must happen): "refuse" when the
result is damaged and must be refused, "either" when it may load (a valid edit) or be refused.
Used by tests/project/test_hostile_files.py (a few dozen, driven by hypothesis) and by
benchmarks/hostile_files.py (thousands, against the command line).
"""

from __future__ import annotations

import io
import json
import os
import random
import warnings
import zipfile
from pathlib import Path

import numpy as np

DEEP = 100_000  # nesting depth of the deepest JSON made here
HUGE_DIGITS = 5000
BOMB_BYTES = 2**31  # what a zip bomb member decompresses to (benchmark; the test uses less)

# Raw JSON text put in place of a value (json.dumps cannot write most of these).
HOSTILE_VALUES = [
    "null",
    "true",
    "-1",
    "0",
    "1",
    "2147483648",
    "1" + "0" * HUGE_DIGITS,
    "-1" + "0" * HUGE_DIGITS,
    "1e400",
    "Infinity",
    "-Infinity",
    "NaN",
    "1e-320",
    "3.5",
    '""',
    '"' + "x" * 100_000 + '"',
    '"lstm"',
    '"../../etc/passwd"',
    '"a\\nb"',
    "[]",
    "{}",
    "[1, 2]",
    '{"a": 1}',
    "[" * 1000 + "]" * 1000,
    "0." + "1" * HUGE_DIGITS,
]


def weights_path(json_path: Path) -> Path | None:
    try:
        name = json.loads(json_path.read_text(encoding="utf-8"))["parameters"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return json_path.parent / name if isinstance(name, str) and name else None


# ----- JSON ------------------------------------------------------------------------------------
def _paths(data, prefix=()) -> list[tuple]:
    """Every key path in the JSON (history rows counted once, not per number)."""
    out = []
    if isinstance(data, dict):
        for key, value in data.items():
            out.append((*prefix, key))
            if key not in ("rows", "pending"):
                out.extend(_paths(value, (*prefix, key)))
            elif value:
                out.append((*prefix, key, 0))
                out.extend((*prefix, key, 0, k) for k in range(len(value[0])))
    elif isinstance(data, list):
        for index, value in enumerate(data[:4]):
            out.append((*prefix, index))
            out.extend(_paths(value, (*prefix, index)))
    return out


def _parent(data, path):
    for key in path[:-1]:
        data = data[key]
    return data


def _write_json(json_path: Path, data, raw: str | None = None) -> None:
    """Write `data`; the value "@RAW@" (if any) becomes the raw text `raw`."""
    text = json.dumps(data, indent=1, ensure_ascii=False)
    if raw is not None:
        text = text.replace('"@RAW@"', raw, 1)
    json_path.write_text(text, encoding="utf-8")


def json_set(folder, json_path, rng):
    data = json.loads(json_path.read_text(encoding="utf-8"))
    path = rng.choice(_paths(data))
    raw = rng.choice(HOSTILE_VALUES)
    _parent(data, path)[path[-1]] = "@RAW@"
    _write_json(json_path, data, raw)
    return f"set {'.'.join(map(str, path))} = {raw[:20]}", "either"


def json_delete(folder, json_path, rng):
    data = json.loads(json_path.read_text(encoding="utf-8"))
    path = rng.choice([p for p in _paths(data) if isinstance(p[-1], str)])
    del _parent(data, path)[path[-1]]
    _write_json(json_path, data)
    return f"delete {'.'.join(map(str, path))}", "either"


def json_add(folder, json_path, rng):
    data = json.loads(json_path.read_text(encoding="utf-8"))
    objects = [()] + [p for p in _paths(data) if isinstance(_get(data, p), dict)]
    path = rng.choice(objects)
    _get(data, path)["unknown_" + str(rng.randrange(100))] = "@RAW@"
    _write_json(json_path, data, rng.choice(HOSTILE_VALUES))
    return f"add a field to {'.'.join(map(str, path)) or 'the top'}", "either"


def _get(data, path):
    for key in path:
        data = data[key]
    return data


def json_section_type(folder, json_path, rng):
    data = json.loads(json_path.read_text(encoding="utf-8"))
    key = rng.choice(
        ["network", "task", "training", "history", "view", "step", "init_seed", "parameters"]
    )
    data[key] = "@RAW@"
    raw = rng.choice(["[]", '"text"', "3", "null", "true", "[{}]", '{"x": []}'])
    _write_json(json_path, data, raw)
    return f"{key} = {raw}", "either"


def json_deep(folder, json_path, rng):
    depth = rng.choice([100, 10_000, DEEP])
    nested = (
        "[" * depth + "]" * depth if rng.random() < 0.5 else '{"a":' * depth + "1" + "}" * depth
    )
    if rng.random() < 0.5:
        json_path.write_text(nested)
        return f"the file is JSON nested {depth} deep", "refuse"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    data[rng.choice(["view", "history", "task", "network"])] = "@RAW@"
    _write_json(json_path, data, nested)
    return f"a section nested {depth} deep", "refuse"


def json_truncate(folder, json_path, rng):
    data = json_path.read_bytes()
    json_path.write_bytes(data[: rng.randrange(len(data))])
    return "JSON truncated", "refuse"


def json_flip(folder, json_path, rng):
    data = bytearray(json_path.read_bytes())
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    json_path.write_bytes(bytes(data))
    return "JSON bytes flipped", "either"


def json_parameters_name(folder, json_path, rng):
    data = json.loads(json_path.read_text(encoding="utf-8"))
    choice = rng.choice(["missing", "fifo", "folder", "dev", "self", "link", "up", "empty"])
    name = {
        "missing": "nothing.npz",
        "fifo": "fifo.npz",
        "folder": "folder.npz",
        "dev": "/dev/zero",
        "self": json_path.name,
        "link": "zero.npz",
        "up": "../x.npz",
        "empty": "",
    }[choice]
    if choice == "fifo":
        os.mkfifo(folder / name)
    elif choice == "folder":
        (folder / name).mkdir()
    elif choice == "link":
        os.symlink("/dev/zero", folder / name)
    data["parameters"] = name
    _write_json(json_path, data)
    return f"parameters names {choice}", "refuse"


def data_path(folder, json_path, rng):
    """task.path names something that is not a readable data file."""
    data = json.loads(json_path.read_text(encoding="utf-8"))
    choice = rng.choice(["fifo", "dev", "folder", "huge", "missing", "binary"])
    target = folder / f"data_{choice}"
    if choice == "fifo":
        os.mkfifo(target)
    elif choice == "dev":
        target = Path("/dev/zero")
    elif choice == "folder":
        target.mkdir()
    elif choice == "huge":  # sparse: takes no disk, reads as 3 GiB of zeros
        with open(target, "wb") as handle:
            handle.truncate(3 * 2**30)
    elif choice == "binary":
        target.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    data["task"][rng.choice(["path", "test_path"])] = str(target)
    _write_json(json_path, data)
    return f"task data path is {choice}", "refuse"


def tree_label(folder, json_path, rng):
    """A treebank line whose label has thousands of digits (the tree_file task reads it)."""
    data = json.loads(json_path.read_text(encoding="utf-8"))
    trees = folder / "trees.txt"
    label = "9" * rng.choice([20, HUGE_DIGITS])
    lines = ["(3 (2 good) (2 film))", "(1 (1 bad) (2 film))"] * 5
    lines[rng.randrange(len(lines))] = f"({label} (2 a) (2 b))"
    trees.write_text("\n".join(lines) + "\n")
    data["task"] = {"name": "tree_file", "path": str(trees)}
    _write_json(json_path, data)
    return f"a tree label of {len(label)} digits", "refuse"


# ----- weights ---------------------------------------------------------------------------------
def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_members(path: Path, members: list[tuple[str, bytes]], compress=False) -> None:
    mode = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", mode) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate member name is one of the mutations
        for name, data in members:
            archive.writestr(name, data)


def _npy(array) -> bytes:
    out = io.BytesIO()
    np.lib.format.write_array(out, np.asanyarray(array), allow_pickle=True)
    return out.getvalue()


def _load_npy(data: bytes) -> np.ndarray:
    return np.lib.format.read_array(io.BytesIO(data), allow_pickle=True)


def weights_truncate(folder, weights, rng):
    data = weights.read_bytes()
    weights.write_bytes(data[: rng.randrange(len(data))])
    return "weights truncated", "refuse"


def weights_flip(folder, weights, rng):
    data = bytearray(weights.read_bytes())
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    weights.write_bytes(bytes(data))
    return "weights bytes flipped", "either"  # a flip in a stored float can stay finite


def weights_plain_npy(folder, weights, rng):
    weights.write_bytes(_npy(np.zeros(rng.choice([3, 1000]))))
    return "weights file is a plain .npy", "refuse"


def weights_empty(folder, weights, rng):
    weights.write_bytes(rng.choice([b"", b"PK\x05\x06" + b"\0" * 18, b"not a zip"]))
    return "weights file empty or not a zip", "refuse"


def member_drop(folder, weights, rng):
    members = list(_members(weights).items())
    members.pop(rng.randrange(len(members)))
    _write_members(weights, members)
    return "a member dropped", "refuse"


def member_extra(folder, weights, rng):
    members = list(_members(weights).items())
    name = rng.choice(["extra.npy", "optimizer.extra.npy", "../evil.npy", members[0][0]])
    members.append((name, _npy(np.zeros(3))))
    _write_members(weights, members)
    return f"an extra member {name}", "refuse"


def member_swap(folder, weights, rng):
    members = list(_members(weights).items())
    if len(members) < 2:
        return member_drop(folder, weights, rng)
    i, j = rng.sample(range(len(members)), 2)
    (a, da), (b, db) = members[i], members[j]
    same_shape = _load_npy(da).shape == _load_npy(db).shape
    members[i], members[j] = (a, db), (b, da)
    _write_members(weights, members)
    return f"members {a} and {b} swapped", "either" if same_shape else "refuse"


def member_dtype(folder, weights, rng):
    members = dict(_members(weights))
    name = rng.choice(list(members))
    array = _load_npy(members[name])
    kind = rng.choice(["text", "object", "structured", "complex", "bool", "bytes", "datetime"])
    if kind == "text":
        changed = array.astype(str)
    elif kind == "object":
        changed = array.astype(object)
    elif kind == "structured":
        changed = np.zeros(array.shape, dtype=[("a", "f8"), ("b", "i4")])
    elif kind == "complex":
        changed = array.astype(complex)
    elif kind == "bool":
        changed = array != 0
    elif kind == "bytes":
        changed = array.astype("S8")
    else:
        changed = np.zeros(array.shape, "datetime64[s]")
    members[name] = _npy(changed)
    _write_members(weights, list(members.items()))
    return f"{name} stored as {kind}", "refuse"


def member_nonfinite(folder, weights, rng):
    members = dict(_members(weights))
    name = rng.choice(list(members))
    array = _load_npy(members[name]).copy()
    array.flat[rng.randrange(array.size)] = rng.choice([np.nan, np.inf, -np.inf])
    members[name] = _npy(array)
    _write_members(weights, list(members.items()))
    return f"a NaN or inf in {name}", "refuse"


def member_huge_header(folder, weights, rng):
    """A header that declares far more elements than the member holds (10^12: 7.3 TiB)."""
    members = dict(_members(weights))
    name = rng.choice(list(members))
    shape = rng.choice([(10**6, 10**6), (2**40,), (2**62,), (3, 10**9)])
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f8", "fortran_order": False, "shape": shape}
    )
    members[name] = b"\x93NUMPY\x01\x00" + header.getvalue()[8:] + members[name][128:]
    _write_members(weights, list(members.items()))
    return f"{name} declares shape {shape}", "refuse"


def member_long_header(folder, weights, rng):
    """A version 2 header of megabytes."""
    members = dict(_members(weights))
    name = rng.choice(list(members))
    text = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), " + " " * 4_000_000 + "}\n"
    length = len(text).to_bytes(4, "little")
    members[name] = b"\x93NUMPY\x02\x00" + length + text.encode() + b"\0" * 24
    _write_members(weights, list(members.items()))
    return f"{name} has a 4 MB header", "refuse"


def member_valid_variant(folder, weights, rng):
    """The same numbers written another valid way: compressed, big-endian or Fortran order."""
    members = dict(_members(weights))
    how = rng.choice(["compressed", "big-endian", "fortran"])
    if how != "compressed":
        for name, data in members.items():
            array = _load_npy(data)
            array = array.astype(">f8") if how == "big-endian" else np.asfortranarray(array)
            members[name] = _npy(array)
    _write_members(weights, list(members.items()), compress=how == "compressed")
    return f"weights written {how}", "load"


def member_many(folder, weights, rng):
    members = list(_members(weights).items())
    members += [(f"m{k}.npy", _npy(np.zeros(1))) for k in range(rng.choice([100, 5000]))]
    _write_members(weights, members)
    return "thousands of members", "refuse"


def member_bomb(folder, weights, rng, size: int = BOMB_BYTES):
    """A member that decompresses to `size` bytes of zeros (a few MB on disk)."""
    members = dict(_members(weights))
    name = rng.choice(list(members))
    declared = rng.choice(["right", "huge"])
    shape = _load_npy(members[name]).shape if declared == "right" else (size // 8,)
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f8", "fortran_order": False, "shape": shape}
    )
    with zipfile.ZipFile(weights, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for other, data in members.items():
            if other != name:
                archive.writestr(other, data)
        with archive.open(name, "w", force_zip64=True) as member:
            member.write(header.getvalue())
            block = bytes(2**24)
            for _ in range(size // len(block)):
                member.write(block)
    return f"{name} decompresses to {size >> 20} MiB ({declared} shape declared)", "refuse"


def weights_special(folder, weights, rng):
    """The weights file itself replaced by a FIFO, a folder or a link to /dev/zero."""
    weights.unlink()
    choice = rng.choice(["fifo", "folder", "dev"])
    if choice == "fifo":
        os.mkfifo(weights)
    elif choice == "folder":
        weights.mkdir()
    else:
        os.symlink("/dev/zero", weights)
    return f"weights file is a {choice}", "refuse"


JSON_MUTATIONS = [
    json_set,
    json_set,
    json_set,
    json_delete,
    json_add,
    json_section_type,
    json_deep,
    json_truncate,
    json_flip,
    json_parameters_name,
    data_path,
    tree_label,
]
WEIGHT_MUTATIONS = [
    weights_truncate,
    weights_flip,
    weights_plain_npy,
    weights_empty,
    member_drop,
    member_extra,
    member_swap,
    member_dtype,
    member_nonfinite,
    member_huge_header,
    member_long_header,
    member_valid_variant,
    member_many,
    member_bomb,
    weights_special,
]


def mutate(folder: Path, json_path: Path, rng: random.Random, mutations=None):
    """Apply one mutation; returns (description, expectation)."""
    chosen = rng.choice(mutations or JSON_MUTATIONS + WEIGHT_MUTATIONS)
    if chosen in WEIGHT_MUTATIONS:
        weights = weights_path(json_path)
        return chosen(folder, weights, rng)
    return chosen(folder, json_path, rng)
