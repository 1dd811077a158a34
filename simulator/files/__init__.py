"""Files on disk, trusted for nothing: a project file, its weights or a data file may be
damaged or hostile. Everything read here is checked before it is believed (kind of file, size,
nesting, numbers, declared array shapes) and refused with one line that says what is wrong;
a project is saved as one unit, so a crash at any moment leaves the old or the new project.

    regular.py     open only regular files, and only up to a size
    json_text.py   JSON within limits of size, nesting and number length
    weights.py     a weights archive (.npz) checked member by member before any allocation
    saving.py      write the weights under a new name, then the JSON, then remove the old
"""

from .json_text import parse_json
from .regular import open_regular_file, read_regular_file
from .saving import (
    check_writable,
    clean_leftovers,
    project_lock,
    save_project_files,
    weights_name_in,
)
from .weights import read_weights

__all__ = [
    "check_writable",
    "clean_leftovers",
    "open_regular_file",
    "parse_json",
    "project_lock",
    "read_regular_file",
    "read_weights",
    "save_project_files",
    "weights_name_in",
]
