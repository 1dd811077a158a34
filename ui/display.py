"""Is there a screen to open a window on? Checked before Qt is imported, so a missing display
gives one clear line instead of a crash inside Qt."""

from __future__ import annotations

import os
import sys

# Platforms that need no display server.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs")


def display_problem(environ=None, platform: str | None = None) -> str | None:
    """None when a window can be shown, else one line saying why not and what to do instead."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "darwin", "cygwin"):
        return None
    qpa = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if qpa in HEADLESS_PLATFORMS:
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "rnnsim: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
        "render it to a file with `rnnsim [FILE] --screenshot OUT.png`, or run `rnnsim demo`"
    )


def use_offscreen(environ=None) -> None:
    """Render without a display (for --screenshot and --export-plots) when there is none."""
    environ = os.environ if environ is None else environ
    if display_problem(environ) is not None:
        environ["QT_QPA_PLATFORM"] = "offscreen"
