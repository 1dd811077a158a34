"""The right-click menu on a view: Copy figure, Save figure as PNG…, Save figure as SVG….

`add_figure_actions(menu, figure, name, parent)` adds the three to any menu (a view with menus
of its own, e.g. on a node, adds them there); `attach_figure_menu(widget, figure, name)` gives
a view that has no menu one on right-click wherever no child takes the click. `figure` is the
figure itself or a function returning it (plots are rebuilt when their shape changes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from .image import copy_figure, save_png
from .svg import save_svg

FOLDER_KEY = "figures/folder"


def add_figure_actions(menu: QMenu, figure, name: str, parent) -> list:
    """Add Copy / Save as PNG / Save as SVG for `figure` to `menu`; returns the actions."""
    get = figure if callable(figure) else (lambda: figure)
    copy = menu.addAction(QCoreApplication.translate("FigureMenu", "Copy figure"))
    copy.triggered.connect(lambda: _guarded(parent, lambda: copy_figure(get())))
    png = menu.addAction(QCoreApplication.translate("FigureMenu", "Save figure as PNG…"))
    png.triggered.connect(lambda: _save(parent, get, name, ".png", save_png))
    svg = menu.addAction(QCoreApplication.translate("FigureMenu", "Save figure as SVG (vector)…"))
    svg.triggered.connect(lambda: _save(parent, get, name, ".svg", save_svg))
    return [copy, png, svg]


def figure_menu(widget, figure, name: str) -> QMenu:
    menu = QMenu(widget)
    add_figure_actions(menu, figure, name, widget)
    return menu


def attach_figure_menu(widget, figure, name: str) -> None:
    widget.installEventFilter(_MenuOnRightClick(widget, figure, name))


class _MenuOnRightClick(QObject):
    def __init__(self, widget, figure, name: str):
        super().__init__(widget)
        self.widget, self.figure, self.name = widget, figure, name

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.ContextMenu:
            show_menu(figure_menu(self.widget, self.figure, self.name), event.globalPos())
            return True
        return False


def show_menu(menu: QMenu, position) -> None:
    menu.exec(position)


def ask_path(parent, name: str, suffix: str) -> Path | None:
    folder = QSettings().value(FOLDER_KEY, str(Path.home()))
    kind = "PNG (*.png)" if suffix == ".png" else "SVG (*.svg)"
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FigureMenu", "Save figure"),
        str(Path(folder) / (name + suffix)),
        kind,
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    QSettings().setValue(FOLDER_KEY, str(path.parent))
    return path


def _save(parent, get, name: str, suffix: str, write) -> None:
    path = ask_path(parent, name, suffix)
    if path is not None:
        _guarded(parent, lambda: write(get(), path))


def _guarded(parent, act) -> None:
    """Do it; a failure is one line in a message box, nothing else changes."""
    try:
        act()
    except (OSError, RuntimeError, TypeError, ValueError) as err:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("FigureMenu", "Figure"),
            QCoreApplication.translate("FigureMenu", "Cannot make the figure: {0}").format(err),
        )
