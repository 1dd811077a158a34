"""Keep `None` (and `True`, `False`) alive under PySide6 builds that drop references to them.

PySide6 6.12.0 on CPython 3.11 returns `None` from every C++ method that returns void without
adding the reference it hands over, so each such call (setText, setPos, setImage's many inner
calls...) lowers None's reference count by one. After some tens of thousands of calls CPython
aborts with "Fatal Python error: none_dealloc" — within minutes of stepping through a network.
The same build loses references to True in some calls ("bool_dealloc"). CPython 3.12 made these
objects immortal (PEP 683), which is why the bug does not show there. On an affected interpreter
we do what 3.12 does: raise their counts so far that they can never reach 0.
"""

from __future__ import annotations

import sys

IMMORTAL = 1 << 40


def void_calls_leak() -> bool:
    """True when calling a void Qt method loses a reference to None."""
    from PySide6.QtCore import QObject

    probe = QObject()
    probe.setObjectName("probe")
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def keep_none_alive() -> bool:
    """Make None, True and False immortal on CPython < 3.12 when the bug is present. Returns
    True if applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not void_calls_leak():
        return False
    import ctypes

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt, the first field
        if count.value < IMMORTAL:
            count.value += IMMORTAL
    return True
