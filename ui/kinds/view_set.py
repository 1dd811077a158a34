"""ViewSet: what a kind's views give the window (ui.kinds.view_sets shows them): the set itself
is the page for the window's centre; `builder` goes into the "Network" dock, `inspector` into the
"Inspector" dock, and `docks` (name -> panel) into the docks the kind's WindowKind names."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget


class ViewSet(QWidget):
    builder: QWidget
    inspector: QWidget

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session  # a SessionView of the kind
        self.docks: dict[str, QWidget] = {}

    def figures(self) -> dict:
        """name -> figure (ui.figures) for every view of the kind that shows something."""
        raise NotImplementedError

    def export_plots(self, folder: Path) -> list[Path]:
        """Every figure as PNG and vector SVG in `folder`; returns the files."""
        from ..figures import write_figures

        return write_figures(self.figures(), folder)

    def close_work(self) -> None:
        """The window is closing: stop what the views run in the background."""
