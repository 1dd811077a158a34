"""PlotPanel: what every live plot panel shares.

A panel listens to the session. On a new trace it (re)creates its plot items only when their
shape must change, then sets the trace's fixed scales and labels; on every cursor move or
selection it only pushes new numbers into the existing items (setImage / setData). A panel that
is not on screen (a closed dock, a lowered tab) does none of this until it is shown.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import presentation
from ..dock_tabs import on_screen
from ..figures import attach_figure_menu
from . import style  # also applies the pyqtgraph settings

DIRECTION_ARROWS = ("→", "←")


class PlotPanel(QWidget):
    figure_name = "plot"  # the file name its right-click menu offers

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.view = pg.GraphicsLayoutWidget()
        presentation.follow(self.view)
        self.view.ci.setContentsMargins(2, 2, 2, 2)
        self.note = QLabel()
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self._shape = None
        self._stale = False  # a move happened out of sight: redraw when shown
        self._stale_trace = False  # a new trace came out of sight: take it when shown
        session.trace_changed.connect(self._trace_changed)
        session.cursor_moved.connect(self._moved)
        session.selection_changed.connect(self._moved)
        self.tell(self.tr("Waiting for a network to run…"))
        attach_figure_menu(self, lambda: self.view.ci, self.figure_name)

    # ----- overridden by each panel ----------------------------------------------------------
    def shape_key(self) -> tuple:
        """What the plot items depend on; they are rebuilt only when it changes."""
        raise NotImplementedError

    def rebuild(self) -> None:
        """Create the plot items for the current shape."""
        raise NotImplementedError

    def retrace(self) -> None:
        """Set what is fixed for a whole trace: scales, labels."""

    def redraw(self) -> None:
        """Show what is known at the current event."""
        raise NotImplementedError

    def plot_items(self) -> dict[str, pg.PlotItem]:
        """name -> plot, for exporting figures."""
        return {}

    # ----- shared --------------------------------------------------------------------------------
    def tell(self, text: str) -> None:
        """Show a line above the plots (empty: hide it)."""
        if text == self.note.text() and self.note.isVisible() == bool(text):
            return
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _trace_changed(self) -> None:
        self._stale_trace = False
        if self.session.trace is None:
            self.tell(self.tr("Nothing to show until the network has run."))
            return
        if not on_screen(self):  # building plot items is the slow part: only when seen
            self._stale_trace = True
            return
        key = self.shape_key()
        if key != self._shape:
            self.view.ci.clear()
            self.rebuild()
            style.cache_still_parts(self.view)
            self._shape = key
        self.tell("")
        self.retrace()
        self.redraw()

    def _moved(self, *_args) -> None:
        if self.session.trace is None or self._shape is None or self._stale_trace:
            return
        if not on_screen(self):  # closed, or a lowered tab: catch up when shown
            self._stale = True
            return
        self.redraw()

    def catch_up(self) -> None:
        if self._stale_trace:
            self._stale = False
            self._trace_changed()
        elif self._stale:
            self._stale = False
            self._moved()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Titles and labels are set when the plot items are made: make them again."""
        self._shape = None
        if self.session.trace is not None:
            self._trace_changed()
        else:
            self.tell(self.tr("Waiting for a network to run…"))

    def focus_text(self) -> str:
        layer, direction = self.session.focus
        text = self.tr("layer {0}").format(layer)
        if self.session.spec.bidirectional:
            text += " " + DIRECTION_ARROWS[direction]
        return text

    def cursor_position(self) -> float | None:
        """The position of the current event in the focused layer and direction, or None."""
        event = self.session.stepper.event
        if event.phase == "loss" or (event.layer, event.direction) != self.session.focus:
            return None
        return float(event.position)
