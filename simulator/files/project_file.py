"""A project file's two parts read without trusting them: the JSON's sections and types, and
the weights archive's members against the network the JSON describes."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..errors import FileRefused, ProjectError
from ..training.optimizers import STATE_NAMES
from .json_text import parse_json
from .regular import read_regular_file
from .saving import MAX_JSON_BYTES
from .weights import read_weights

FORMAT = "rnnsim-project"
VERSION = 1
OPTIMIZER_PREFIX = "optimizer."
# Each top-level section and the JSON types it may hold.
SECTIONS = {
    "format": (str,),
    "version": (int,),
    "network": (dict,),
    "init_seed": (int,),
    "task": (dict,),
    "training": (dict,),
    "step": (int,),
    "history": (dict, type(None)),
    "view": (dict,),
    "parameters": (str, type(None)),
}
MAX_WHOLE = 2**53  # steps and seeds: a history stores steps as floats


def read_project_json(path: Path) -> dict:
    """The JSON of a project file with every top-level section of its type. Raises
    ProjectError."""
    try:
        text = read_regular_file(path, MAX_JSON_BYTES).decode("utf-8")
        data = parse_json(text)
    except FileRefused as err:
        raise ProjectError(f"{path}: {err}") from None
    except UnicodeDecodeError as err:
        raise ProjectError(f"{path}: not UTF-8 text (byte {err.start})") from None
    check_sections(data, str(path))
    return data


def check_sections(data, where: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectError(f'{where} is not an rnnsim project (no "format": "{FORMAT}")')
    if data.get("version") != VERSION or isinstance(data.get("version"), bool):
        raise ProjectError(
            f"{where} has format version {data.get('version')!r:.20}; this rnnsim reads "
            f"version {VERSION}"
        )
    for key, value in data.items():
        if key not in SECTIONS:
            raise ProjectError(
                f'{where}: unknown section "{key:.40}"; a project has {", ".join(SECTIONS)}'
            )
        if not isinstance(value, SECTIONS[key]) or isinstance(value, bool):
            kinds = " or ".join(_JSON_NAMES[t] for t in SECTIONS[key])
            raise ProjectError(f'{where}: "{key}" must be {kinds}')
    for key in ("network", "task", "training"):
        if key not in data:
            raise ProjectError(f'{where}: "{key}" must be an object')
    for key in ("init_seed", "step"):
        if not 0 <= data.get(key, 0) <= MAX_WHOLE:
            raise ProjectError(f"{where}: {key} must be a whole number from 0 to 2^53")
    if not isinstance(data["task"].get("name"), str):
        raise ProjectError(f"{where}: task.name must name a task")


_JSON_NAMES = {
    str: "a string",
    int: "a whole number",
    dict: "an object",
    type(None): "null",
}


def weights_path(json_path: Path, name: str) -> Path:
    """The weights file a project's "parameters" names: a file beside the JSON."""
    if not name or Path(name).name != name or name in (".", ".."):
        raise ProjectError(f"{json_path}: parameters must name a file beside the project")
    return json_path.parent / name


def read_project_weights(
    path: Path, shapes: dict[str, tuple[int, ...]], dtype: str, optimizer: str
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """(parameters, optimiser state) from the weights archive at `path`: every parameter of
    the network, with its shape; the optimiser's moments whole or not at all (a fresh project
    has none); moments of another optimiser (training.optimizer changed by hand) are dropped.
    Raises ProjectError."""
    size = sum(math.prod(shape) for shape in shapes.values())
    allowed = dict(shapes)
    for names in STATE_NAMES.values():
        allowed.update({OPTIMIZER_PREFIX + name: (size,) for name in names})
    try:
        arrays = read_weights(path, allowed, dtype)
    except FileRefused as err:
        raise ProjectError(f"{path}: {err}") from None
    missing = [name for name in shapes if name not in arrays]
    if missing:
        shown = ", ".join(missing[:4]) + (
            f" and {len(missing) - 4} more" if len(missing) > 4 else ""
        )
        raise ProjectError(f"{path}: parameters: missing {shown}")
    wanted = STATE_NAMES[optimizer]
    state = {n: arrays[OPTIMIZER_PREFIX + n] for n in wanted if OPTIMIZER_PREFIX + n in arrays}
    if state and len(state) != len(wanted):
        lacking = ", ".join(n for n in wanted if n not in state)
        raise ProjectError(f"{path}: the {optimizer} optimiser's state lacks {lacking}")
    return {name: arrays[name] for name in shapes}, state
