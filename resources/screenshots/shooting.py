"""What the screenshot scripts share: the window opened on a project as a person would see it
(offscreen, at a chosen size), its picture saved once everything has settled, and the scripts'
two arguments (OUT_DIR, WxH)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def arguments(argv: list[str]) -> tuple[Path, tuple[int, int], object]:
    """(the folder to write into, the window's size, the QApplication) from OUT_DIR and WxH."""
    from ui.app import _application

    out = Path(argv[0]) if argv else Path(__file__).resolve().parent
    size = tuple(map(int, argv[1].split("x"))) if len(argv) > 1 else (1600, 1000)
    return out, size, _application()


def open_window(project, name: str, size):
    """A shown window (without kernels prepared in the background) on `project`, settled."""
    from ui.app import settle
    from ui.main_window import MainWindow
    from ui.session import Session

    session = Session(kernels=None)
    window = MainWindow(session, remember_layout=False)
    window.file_actions.ask_discard = lambda: "discard"
    window.resize(*size)
    window.show()
    session.open_project(project, None, name=name)
    settle(window)
    return window


def save(app, window, out: Path) -> None:
    """Save the window's picture once its views have drawn, then close it."""
    from ui.app import settle
    from ui.worker import Worker

    settle(window)
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(out))
    print(out)
    window.close()
    Worker.stop_all()
