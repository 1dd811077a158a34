"""Open a file only when it is a regular file of a bounded size.

A FIFO blocks the reader until someone writes (forever, for a project file), /dev/zero never
ends and a folder cannot be read: each is refused from its stat() before it is opened, and the
opened file is checked again (it may have been swapped in between)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import FileRefused


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    return "is not a regular file"


def _check(info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(_kind(info.st_mode))
    if info.st_size > limit:
        raise FileRefused(f"is {info.st_size:,} bytes; at most {limit:,} are read")


def open_regular_file(path: str | Path, limit: int) -> BinaryIO:
    """The file at `path` opened for reading in binary, when it is a regular file (a link to
    one is fine) of at most `limit` bytes. Raises FileRefused."""
    try:
        _check(os.stat(path), limit)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FileRefused("no such file") from None
    except OSError as err:
        raise FileRefused(f"cannot be read ({err.strerror or err})") from None
    try:
        _check(os.fstat(fd), limit)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Raises FileRefused."""
    with open_regular_file(path, limit) as handle:
        try:  # read(n) sets n bytes aside first: ask for the size stat() gave, and one more
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(size + 1)
        except OSError as err:
            raise FileRefused(f"cannot be read ({err.strerror or err})") from None
    if len(data) > size:
        raise FileRefused("grew while it was being read")
    return data
